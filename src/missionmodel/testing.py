"""Hypothesis strategies for every public class, for property tests of code that uses missions.

Every strategy generates only valid objects: building them never raises, and a generated
`Mission` cites only declared sources and refers only to declared actors or country codes.

Example:
    >>> from hypothesis import given
    >>> from missionmodel import dumps, loads
    >>> @given(missions())
    ... def test_round_trip(mission):
    ...     assert loads(dumps(mission)) == mission
    >>> test_round_trip()

Requires hypothesis (installed with the ``test`` extra).
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Collection, Sequence
from typing import TypeVar

import attrs

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a fresh interpreter by test_package
    raise ImportError(
        "missionmodel.testing needs hypothesis: pip install hypothesis (from a clone: pip install -e '.[test]')"
    ) from error

from .actor import Actor, ActorKind
from .appointment import Appointment, Post
from .contribution import Contribution, ContributionKind, ContributionStatus
from .countries import _names
from .dates import PartialDate
from .fatality import Fatality, Gender
from .mandate import Authority, AuthorityKind, Mandate, MandateAction, MandatedTask, Task, TaskModality, Vote
from .mission import Mission, MissionKind, MissionStatus
from .personnel import FigureKind, PersonnelFigure
from .place import Place
from .position import Position, Stance
from .site import HeadquartersLevel, Site, SiteContingent, SiteUnit, UnitKind
from .sources import Source
from .strength import Strength
from .totals import ContributorTotal

__all__ = [
    "actors",
    "appointments",
    "authorities",
    "claim_histories",
    "contributions",
    "contributor_totals",
    "country_codes",
    "fatalities",
    "mandated_tasks",
    "mandates",
    "missions",
    "monthly_panels",
    "partial_dates",
    "personnel_figures",
    "places",
    "positions",
    "site_contingents",
    "site_units",
    "sites",
    "slugs",
    "sources",
    "strengths",
    "successions",
    "texts",
    "votes",
]

_MAX = 1_000_000
_T = TypeVar("_T")


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank text of letters, digits, punctuation and spaces (safe in JSON and YAML).

    Args:
        max_size: The longest text to generate.
    """
    alphabet = st.characters(codec="utf-8", categories=("L", "N", "P", "Zs"))
    return st.text(alphabet, min_size=1, max_size=max_size).filter(lambda s: s.strip() != "")


def slugs() -> st.SearchStrategy[str]:
    """Lower-case slugs such as ``board-of-peace``."""
    return st.from_regex(r"\A[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,8}){0,2}\Z")


def country_codes() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-3 codes, and ``XKX`` for Kosovo."""
    return st.sampled_from(sorted(_names()))


@st.composite
def strengths(draw: st.DrawFn, max_value: int = _MAX) -> Strength:
    """Strengths of every shape: exact, up to, at least, a range and unknown.

    Args:
        draw: Supplied by hypothesis.
        max_value: The largest bound to generate.
    """
    low = draw(st.integers(0, max_value))
    shape = draw(st.sampled_from(("exact", "at_most", "at_least", "between", "unknown")))
    if shape == "exact":
        return Strength.exact(low)
    if shape == "at_most":
        return Strength.at_most(low)
    if shape == "at_least":
        return Strength.at_least(low)
    if shape == "between":
        return Strength.between(low, draw(st.integers(low, max_value)))
    return Strength.unknown()


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1945, max_year: int = 2035) -> PartialDate:
    """Partial dates to the year, the month or the day.

    Args:
        draw: Supplied by hypothesis.
        min_year: The earliest year.
        max_year: The latest year.
    """
    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return PartialDate(year=year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year=year, month=month)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(year=year, month=month, day=day)


def _optional(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


@st.composite
def _period(draw: st.DrawFn) -> tuple[PartialDate | None, PartialDate | None]:
    start = draw(st.none() | partial_dates())
    end = draw(st.none() | partial_dates())
    if start is not None and end is not None and end.latest() < start.earliest():
        start, end = end, start
    return start, end


@st.composite
def sources(draw: st.DrawFn, source_id: str | None = None) -> Source:
    """Sources, with an optional fixed id.

    Args:
        draw: Supplied by hypothesis.
        source_id: The id to give; drawn when None.
    """
    return Source(
        id=source_id if source_id is not None else draw(slugs()),
        title=draw(texts()),
        publisher=draw(st.none() | texts()),
        url=draw(st.none() | st.from_regex(r"\Ahttps://[a-z]{1,10}\.org/[a-z0-9]{0,10}\Z")),
        published=draw(st.none() | partial_dates()),
        accessed=draw(st.none() | partial_dates()),
    )


@st.composite
def actors(draw: st.DrawFn, actor_id: str | None = None, source_ids: Sequence[str] = ()) -> Actor:
    """Declared actors (not states known by their code), with an optional fixed id.

    Args:
        draw: Supplied by hypothesis.
        actor_id: The id to give; drawn when None.
        source_ids: Ids of sources that may be cited.
    """
    return Actor(
        id=actor_id if actor_id is not None else draw(slugs()),
        name=draw(texts()),
        kind=draw(st.sampled_from(ActorKind)),
        country=draw(st.none() | country_codes()),
        sources=draw(_cited(source_ids)),
    )


def _cited(source_ids: Sequence[str]) -> st.SearchStrategy[list[str]]:
    if not source_ids:
        return st.just([])
    return st.lists(st.sampled_from(list(source_ids)), max_size=3, unique=True)


@st.composite
def votes(draw: st.DrawFn) -> Vote:
    """Votes: counts as reported, or unanimous without dissent.

    Args:
        draw: Supplied by hypothesis.
    """
    unanimous = draw(st.booleans())
    counts = st.none() | st.integers(0, 200)
    dissent = st.none() | st.just(0) if unanimous else counts
    return Vote(
        in_favour=draw(counts),
        against=draw(dissent),
        abstentions=draw(dissent),
        unanimous=unanimous,
        meeting=draw(st.none() | texts()),
    )


@st.composite
def authorities(draw: st.DrawFn) -> Authority:
    """Authorities of every kind.

    Args:
        draw: Supplied by hypothesis.
    """
    return Authority(
        kind=draw(st.sampled_from(AuthorityKind)),
        body=draw(st.none() | texts()),
        instrument=draw(st.none() | texts()),
        adopted=draw(st.none() | partial_dates()),
        vote=draw(st.none() | votes()),
    )


@st.composite
def mandated_tasks(draw: st.DrawFn) -> MandatedTask:
    """Tasks of a mandate in detail: with or without a modality, paragraphs, an earlier instrument, a source's name.

    Args:
        draw: Supplied by hypothesis.
    """
    return MandatedTask(
        task=draw(st.sampled_from(Task)),
        modality=draw(st.none() | st.sampled_from(TaskModality)),
        paragraphs=draw(st.lists(texts(8), max_size=2)),
        carried_from=draw(st.none() | texts(16)),
        source_task=draw(st.none() | texts(16)),
    )


def _detail_key(detail: MandatedTask) -> tuple[object, ...]:
    return (detail.task, detail.source_task, detail.modality, detail.carried_from)


@st.composite
def mandates(draw: st.DrawFn, source_ids: Sequence[str] = ()) -> Mandate:
    """Mandates citing some of ``source_ids``, sometimes with their actions, tasks in detail and references.

    Args:
        draw: Supplied by hypothesis.
        source_ids: Ids of sources that may be cited.
    """
    start, end = draw(_period())
    details = draw(st.just([]) | st.lists(mandated_tasks(), min_size=1, max_size=2, unique_by=_detail_key))
    tasks = draw(st.lists(st.sampled_from(Task), max_size=4, unique=True))
    tasks += [task for task in dict.fromkeys(d.task for d in details if d.requested) if task not in tasks]
    return Mandate(
        authority=draw(authorities()),
        actions=draw(st.lists(st.sampled_from(MandateAction), max_size=2, unique=True)),
        legal_basis=draw(st.none() | texts()),
        summary=draw(st.none() | texts(80)),
        tasks=tasks,
        mandated_tasks=details,
        references=draw(st.lists(texts(16), max_size=1)),
        restrictions=draw(st.lists(texts(), max_size=2)),
        start=start,
        end=end,
        authorized_strength=draw(st.none() | strengths()),
        sources=draw(_cited(source_ids)),
    )


def _actor_refs(actor_ids: Sequence[str]) -> st.SearchStrategy[str]:
    if actor_ids:
        return st.sampled_from(list(actor_ids)) | country_codes()
    return country_codes()


@st.composite
def places(draw: st.DrawFn) -> Place:
    """Places: a name only, or with a country and coordinates (rounded to 6 decimals).

    Args:
        draw: Supplied by hypothesis.
    """
    name = draw(texts())
    country = draw(st.none() | country_codes())
    if draw(st.booleans()):
        latitude = draw(st.floats(-90, 90).map(lambda x: round(x, 6)))
        longitude = draw(st.floats(-180, 180).map(lambda x: round(x, 6)))
        return Place(name=name, country=country, latitude=latitude, longitude=longitude)
    return Place(name=name, country=country)


@st.composite
def fatalities(draw: st.DrawFn, source_ids: Sequence[str] = ()) -> Fatality:
    """Fatalities citing some of ``source_ids``.

    Args:
        draw: Supplied by hypothesis.
        source_ids: Ids of sources that may be cited.
    """
    return Fatality(
        date=draw(partial_dates()),
        nationality=draw(st.none() | country_codes()),
        gender=draw(st.none() | st.sampled_from(Gender)),
        personnel_type=draw(st.none() | texts()),
        incident_type=draw(st.none() | texts()),
        casualty_type=draw(st.none() | texts()),
        casualty_id=draw(st.none() | texts(12)),
        sources=draw(_cited(source_ids)),
    )


# --- deployment sites ---------------------------------------------------------------------------


@st.composite
def site_contingents(draw: st.DrawFn) -> SiteContingent:
    """Contingents at a site: a country's, an unknown contributor's, or one known only by a name.

    Args:
        draw: Supplied by hypothesis.
    """
    who = draw(st.sampled_from(("code", "unknown", "name")))
    return SiteContingent(
        contributor=draw(country_codes()) if who == "code" else None,
        strength=draw(strengths(max_value=20_000)),
        name=draw(texts()) if who == "name" else None,
    )


@st.composite
def site_units(draw: st.DrawFn) -> SiteUnit:
    """Units reported at a site beside its troops (reserve, force protection ...).

    Args:
        draw: Supplied by hypothesis.
    """
    return SiteUnit(kind=draw(st.sampled_from(UnitKind)), strength=draw(strengths(max_value=20_000)))


@st.composite
def sites(draw: st.DrawFn, source_ids: Sequence[str] = ()) -> Site:
    """Deployment sites citing some of ``source_ids``, with contingents, flags and units, or without.

    Args:
        draw: Supplied by hypothesis.
        source_ids: Ids of sources that may be cited.
    """
    return Site(
        place=draw(places()),
        as_of=draw(partial_dates()),
        troops=draw(strengths(max_value=50_000)),
        contingents=draw(st.lists(site_contingents(), max_size=4)),
        contributing_countries=draw(st.none() | st.integers(0, 40)),
        headquarters=draw(st.none() | st.sampled_from(HeadquartersLevel)),
        police=draw(st.none() | st.booleans()),
        military_observers=draw(st.none() | st.booleans()),
        liaison_office=draw(st.none() | st.booleans()),
        units=draw(st.lists(site_units(), max_size=2)),
        source_note=draw(st.none() | texts()),
        note=draw(st.none() | texts()),
        sources=draw(_cited(source_ids)),
    )


@st.composite
def _gender_split(draw: st.DrawFn, strength: Strength) -> tuple[int | None, int | None]:
    """Women and men that fit ``strength``: none, one of them, or both adding up to a number within it."""
    high = strength.high if strength.high is not None else strength.low + 1000
    shape = draw(st.sampled_from(("none", "female", "male", "both")))
    if shape == "none":
        return None, None
    if shape != "both":
        count = draw(st.integers(0, high))
        return (count, None) if shape == "female" else (None, count)
    total = draw(st.integers(strength.low, high))
    female = draw(st.integers(0, total))
    return female, total - female


@st.composite
def contributions(draw: st.DrawFn, actor_ids: Sequence[str] = (), source_ids: Sequence[str] = ()) -> Contribution:
    """Contributions by declared actors or states, citing some of ``source_ids``.

    Args:
        draw: Supplied by hypothesis.
        actor_ids: Ids of declared actors that may contribute (states are drawn as well).
        source_ids: Ids of sources that may be cited.
    """
    strength = draw(strengths())
    female, male = draw(_gender_split(strength))
    return Contribution(
        contributor=draw(_actor_refs(actor_ids)),
        kind=draw(st.sampled_from(ContributionKind)),
        status=draw(st.sampled_from(ContributionStatus)),
        strength=strength,
        female=female,
        male=male,
        as_of=draw(st.none() | partial_dates()),
        role=draw(st.none() | texts()),
        caveats=draw(st.lists(texts(), max_size=2)),
        sources=draw(_cited(source_ids)),
    )


@st.composite
def contributor_totals(draw: st.DrawFn, source_ids: Sequence[str] = ()) -> ContributorTotal:
    """Countries' totals of uniformed personnel, citing some of ``source_ids``.

    The women and men, when both are given, add up to the total more often than not, but not
    always: a `ContributorTotal` keeps them as reported.

    Args:
        draw: Supplied by hypothesis.
        source_ids: Ids of sources that may be cited.
    """
    total = draw(st.integers(0, 20_000))
    female, male = draw(_gender_split(Strength.exact(total)))
    if draw(st.integers(0, 4)) == 0:  # parts that do not add up to the total, as a table may report them
        female, male = draw(st.integers(0, 20_000)), draw(st.integers(0, 20_000))
    return ContributorTotal(
        contributor=draw(country_codes()),
        strength=total,
        female=female,
        male=male,
        rank=draw(st.none() | st.integers(1, 200)),
        as_of=draw(st.none() | partial_dates()),
        mission=draw(st.none() | texts(10)),
        sources=draw(_cited(source_ids)),
    )


@st.composite
def personnel_figures(draw: st.DrawFn, source_ids: Sequence[str] = ()) -> PersonnelFigure:
    """Mission-wide personnel figures, planned or actual, citing some of ``source_ids``.

    Args:
        draw: Supplied by hypothesis.
        source_ids: Ids of sources that may be cited.
    """
    return PersonnelFigure(
        kind=draw(st.sampled_from(FigureKind)),
        strength=draw(strengths()),
        personnel=draw(st.lists(st.sampled_from(ContributionKind), max_size=3, unique=True)),
        approximate=draw(st.booleans()),
        contributing_countries=draw(st.none() | st.integers(1, 200)),
        as_of=draw(st.none() | partial_dates()),
        note=draw(st.none() | texts()),
        sources=draw(_cited(source_ids)),
    )


@st.composite
def positions(draw: st.DrawFn, actor_ids: Sequence[str] = (), source_ids: Sequence[str] = ()) -> Position:
    """Positions of declared actors or states, citing some of ``source_ids``.

    Args:
        draw: Supplied by hypothesis.
        actor_ids: Ids of declared actors that may take positions.
        source_ids: Ids of sources that may be cited.
    """
    return Position(
        actor=draw(_actor_refs(actor_ids)),
        stance=draw(st.sampled_from(Stance)),
        subject=draw(st.none() | texts()),
        summary=draw(st.none() | texts(80)),
        demands=draw(st.lists(texts(), max_size=3)),
        date=draw(st.none() | partial_dates()),
        sources=draw(_cited(source_ids)),
    )


@st.composite
def appointments(draw: st.DrawFn, actor_ids: Sequence[str] = (), source_ids: Sequence[str] = ()) -> Appointment:
    """Single appointments (any post) of declared actors or states.

    Args:
        draw: Supplied by hypothesis.
        actor_ids: Ids of declared actors that may hold posts.
        source_ids: Ids of sources that may be cited.
    """
    start, end = draw(_period())
    return Appointment(
        post=draw(st.sampled_from(Post)),
        holder=draw(_actor_refs(actor_ids)),
        start=start,
        end=end,
        sources=draw(_cited(source_ids)),
    )


def _pick(draw: st.DrawFn, items: Sequence[_T]) -> _T:
    """One of ``items`` (cheaper than a new ``sampled_from`` strategy for each draw)."""
    return items[draw(st.integers(0, len(items) - 1))]


def _coarsened(draw: st.DrawFn, day: datetime.date, precisions: Sequence[str] = ("day", "month", "year")) -> PartialDate:
    """The day itself, or its month or year (a partial date that contains it)."""
    return _coarsened_to(day, _pick(draw, precisions))


def _coarsened_to(day: datetime.date, precision: str) -> PartialDate:
    if precision == "year":
        return PartialDate(year=day.year)
    if precision == "month":
        return PartialDate(year=day.year, month=day.month)
    return PartialDate.from_date(day)


_GAPS = st.sampled_from((0, 1)) | st.integers(0, 1500)
"""Days between two dates of a succession: often none (a handover) or one, else up to about four years."""


@st.composite
def successions(
    draw: st.DrawFn,
    post: Post | None = None,
    actor_ids: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    max_terms: int = 3,
    min_year: int = 1950,
    max_year: int = 2030,
    partial: bool = True,
) -> list[Appointment]:
    """Terms of one post that a `Mission` accepts, oldest first, exercising the timeline's rules.

    For a post with one holder at a time (see `Post.single_holder`), each term ends on or before
    the day the next one begins: often on that very day (a handover day), or its end is missing
    (not reported; the successor ends it). Dates may be partial, but never so that a term
    certainly overlaps the next one. For a post with several holders (deputies, sector
    commanders), terms overlap freely and may begin on the same day.

    Args:
        draw: Supplied by hypothesis.
        post: The post; drawn when None.
        actor_ids: Ids of declared actors that may hold it (states are drawn as well).
        source_ids: Ids of sources that may be cited.
        max_terms: The most terms to generate.
        min_year: The earliest year of a start.
        max_year: The latest year of a date.
        partial: Whether dates may be given to the month or the year (else all to the day), and
            the first term of a single-holder post may be undated.
    """
    chosen = post if post is not None else draw(st.sampled_from(Post))
    count = draw(st.integers(0, max_terms))
    lowest, highest = datetime.date(min_year, 1, 1), datetime.date(max_year, 12, 31)
    precisions = ("day", "month", "year") if partial else ("day",)
    terms: list[Appointment] = []
    if not chosen.single_holder:
        for _ in range(count):
            if terms and terms[-1].start is not None and draw(st.booleans()):
                first = terms[-1].start.earliest()  # the same start as the previous term
            else:
                first = draw(st.dates(lowest, highest))
            last = min(first + datetime.timedelta(days=draw(_GAPS)), highest)
            terms.append(
                Appointment(
                    post=chosen,
                    holder=draw(_actor_refs(actor_ids)),
                    start=_coarsened(draw, first, precisions),
                    end=None if draw(st.booleans()) else _coarsened(draw, last, precisions),
                    sources=draw(_cited(source_ids)),
                )
            )
        return terms
    days = [draw(st.dates(lowest, highest))]
    while len(days) < 2 * count:
        # Between one term's end and the next one's start, a handover day half the time.
        gap = draw(st.just(0) | _GAPS) if len(days) % 2 == 0 else draw(_GAPS)
        days.append(min(days[-1] + datetime.timedelta(days=gap), highest))
    for index in range(count):
        first, last = days[2 * index], days[2 * index + 1]
        following = days[2 * index + 2] if 2 * index + 2 < len(days) else None
        # Validation takes a term to be certainly held on its start's last possible day (see
        # `Appointment.overlaps`): that day must not fall after the next term's start.
        fitting = [p for p in precisions if following is None or _coarsened_to(first, p).latest() <= following]
        start: PartialDate | None = _coarsened(draw, first, fitting)
        if partial and index == 0 and draw(st.sampled_from((False, False, False, True))):
            start = None
        terms.append(
            Appointment(
                post=chosen,
                holder=draw(_actor_refs(actor_ids)),
                start=start,
                end=None if draw(st.booleans()) else _coarsened(draw, last, precisions),
                sources=draw(_cited(source_ids)),
            )
        )
    return terms


_CLAIM_STRENGTHS = strengths(max_value=10_000)
_SOMETIMES = st.sampled_from((False, False, True))
_NOW_AND_THEN = st.sampled_from((False, False, False, False, False, True))
_SHAPES = st.sampled_from(("new", "new", "dispute", "restate"))
_CLAIM_IDS = st.tuples(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8), st.none() | st.integers(1, 2030)).map(
    lambda parts: parts[0] if parts[1] is None else f"{parts[0]}-{parts[1]}"
)
"""Lower-case slugs for claim ids (cheaper than `slugs`, which draws from a regular expression)."""


def _claim_date(draw: st.DrawFn, days: Sequence[datetime.date]) -> PartialDate | None:
    """One of ``days``, or its month or year, or (now and then) no date at all."""
    if draw(_NOW_AND_THEN):
        return None
    return _coarsened(draw, _pick(draw, days))


@st.composite
def claim_histories(
    draw: st.DrawFn,
    actor_ids: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    kinds: Sequence[ContributionKind] = (),
    statuses: Sequence[ContributionStatus] = (),
    max_claims: int = 8,
    links: bool = True,
    avoid_ids: Collection[str] = (),
    min_year: int = 2024,
    max_year: int = 2026,
) -> list[Contribution]:
    """Status histories: several claims per contributor and kind over time, as `missionmodel.claims` resolves them.

    A few contributors and kinds are drawn, and claims about them with any status: claims at
    different times (one superseding the other), same-time claims with different statuses (a
    dispute), same-time claims with the same status and different strengths, dates given to the
    day, the month or the year (so that "2026-02" and "2026-02-19" overlap), and undated claims.
    Some claims get an ``id`` (unique lower-case slugs), and some name in ``supersedes`` the id
    of another claim of the same contributor (never their own), of any kind and date. A
    `Mission` accepts every history.

    Args:
        draw: Supplied by hypothesis.
        actor_ids: Ids of declared actors that may contribute (states are drawn as well).
        source_ids: Ids of sources that may be cited.
        kinds: The kinds of contribution to draw from; a few of all kinds when empty.
        statuses: The statuses to draw from; every status when empty.
        max_claims: The most claims to generate.
        links: Whether claims may name another one in ``supersedes``.
        avoid_ids: Ids not to give (those of claims that the history will be added to).
        min_year: The earliest year of a date.
        max_year: The latest year of a date; dates fall within about three months of each other.

    Example:
        >>> from hypothesis import given
        >>> from missionmodel import claims
        >>> @given(claim_histories())
        ... def test_one_standing_per_contributor_and_kind(history):
        ...     found = [(s.contributor, s.kind) for s in claims.standings(history)]
        ...     assert len(found) == len(set(found))
        >>> test_one_standing_per_contributor_and_kind()
    """
    contributors = draw(st.lists(_actor_refs(actor_ids), min_size=1, max_size=3, unique=True))
    kind_pool = list(kinds) or draw(st.lists(st.sampled_from(ContributionKind), min_size=1, max_size=3, unique=True))
    status_pool = list(statuses) or list(ContributionStatus)
    cited = _cited(source_ids)
    lowest = datetime.date(min_year, 1, 1)
    first = draw(st.dates(lowest, max(lowest, datetime.date(max_year, 12, 31) - datetime.timedelta(days=90))))
    days = sorted({first + datetime.timedelta(days=draw(st.integers(0, 90))) for _ in range(draw(st.integers(1, 4)))})
    made: list[Contribution] = []
    for _ in range(draw(st.integers(0, max_claims))):
        shape = draw(_SHAPES) if made else "new"
        if shape == "new":
            contributor = _pick(draw, contributors)
            kind = _pick(draw, kind_pool)
            status = _pick(draw, status_pool)
            as_of = _claim_date(draw, days)
        else:  # another report of the same time: another status (a dispute) or another strength
            base = _pick(draw, made)
            contributor, kind, as_of = base.contributor, base.kind, base.as_of
            others = [s for s in status_pool if s is not base.status]
            status = _pick(draw, others) if shape == "dispute" and others else base.status
        strength = draw(_CLAIM_STRENGTHS)
        female, male = draw(_gender_split(strength))
        made.append(
            Contribution(
                contributor=contributor,
                kind=kind,
                status=status,
                strength=strength,
                female=female,
                male=male,
                as_of=as_of,
                sources=draw(cited),
            )
        )
    used = set(avoid_ids)
    for index, claim in enumerate(made):
        if draw(st.booleans()):
            stem = claim_id = draw(_CLAIM_IDS)
            while claim_id in used:
                claim_id = f"{stem}-{len(used)}"
            used.add(claim_id)
            made[index] = attrs.evolve(claim, id=claim_id)
    if links:
        for index, claim in enumerate(made):
            # Only an earlier claim of the list: links never form a cycle (a mission refuses one).
            targets = [c.id for c in made[:index] if c.id is not None and c.contributor == claim.contributor]
            if targets and bool(draw(_SOMETIMES)):
                made[index] = attrs.evolve(claim, supersedes=_pick(draw, targets))
    return made


def _month(first: PartialDate, offset: int) -> PartialDate:
    index = first.year * 12 + (first.month or 1) - 1 + offset
    return PartialDate(year=index // 12, month=index % 12 + 1)


@st.composite
def monthly_panels(
    draw: st.DrawFn,
    actor_ids: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    kind: ContributionKind = ContributionKind.TROOPS,
    first_month: PartialDate | None = None,
    max_months: int = 12,
    max_contributors: int = 4,
    silent_months: bool = True,
) -> list[Contribution]:
    """Monthly reports of deployed personnel, as in the UN's tables of contributions by country.

    Each month, each contributor on the ground reports its ``deployed`` figure (an exact number),
    or, when ``silent_months``, may report nothing (its last claim stands for the `Mission`
    queries, while `missionmodel.series`, which reads each month's reports only, counts nobody
    for it that month); a contingent that leaves is reported ``withdrawn`` that month, and may
    come back later. Claims are dated to the month and listed month by month. With
    ``silent_months=False`` every month is reported, and `series` totals equal
    ``total_strength(status="deployed", on=month)``.

    Args:
        draw: Supplied by hypothesis.
        actor_ids: Ids of declared actors that may contribute (states are drawn as well).
        source_ids: Ids of sources that may be cited.
        kind: The kind of personnel reported.
        first_month: The first month of the panel (January of its year if no month is given);
            January 2024 when None.
        max_months: The most months to generate.
        max_contributors: The most contributors to generate.
        silent_months: Whether a contributor on the ground may skip a month's report.

    Example:
        >>> from hypothesis import given
        >>> from missionmodel import ContributionStatus, claims
        >>> @given(monthly_panels())
        ... def test_exact_figures_add_up_exactly(panel):
        ...     assert claims.total_strength(panel, ContributionStatus.DEPLOYED).is_exact
        >>> test_exact_figures_add_up_exactly()
    """
    first = first_month if first_month is not None else PartialDate(year=2024, month=1)
    months = [_month(first, offset) for offset in range(draw(st.integers(1, max_months)))]
    contributors = draw(st.lists(_actor_refs(actor_ids), min_size=1, max_size=max_contributors, unique=True))
    rows: list[Contribution] = []
    for contributor in contributors:
        deployed = False
        for month in months:
            actions: tuple[str, ...] = ("report", "report", "silent", "leave") if deployed else ("absent", "report")
            if not silent_months:
                actions = tuple(action for action in actions if action != "silent")
            action = draw(st.sampled_from(actions))
            if action in ("absent", "silent"):
                continue
            deployed = action == "report"
            rows.append(
                Contribution(
                    contributor=contributor,
                    kind=kind,
                    status=ContributionStatus.DEPLOYED if deployed else ContributionStatus.WITHDRAWN,
                    strength=draw(st.integers(1, 5000)) if deployed else Strength.unknown(),
                    as_of=month,
                    sources=draw(_cited(source_ids)),
                )
            )
    rows.sort(key=lambda row: row.as_of or first)
    return rows


@st.composite
def missions(draw: st.DrawFn, max_records: int = 5, histories: bool = True) -> Mission:
    """Whole, consistent missions: every reference resolves and no post has two holders at once.

    Leadership posts are held in `successions` (handover days, missing ends, deputies side by
    side); contributions mix single claims with a `claim_histories` history (evolving statuses,
    disputes, partial and missing dates, ``id`` and ``supersedes`` links).

    Args:
        draw: Supplied by hypothesis.
        max_records: The most records of each kind to generate.
        histories: Whether to add a status history to the contributions.
    """
    source_ids = draw(st.lists(slugs(), max_size=4, unique=True))
    actor_ids = draw(st.lists(slugs(), max_size=4, unique=True))
    established, ended = draw(_period())
    posts = draw(st.lists(st.sampled_from(Post), max_size=2, unique=True))
    terms = [term for post in posts for term in draw(successions(post, actor_ids, source_ids))]
    claims = draw(st.lists(contributions(actor_ids, source_ids), max_size=max_records))
    if histories:
        claims += draw(claim_histories(actor_ids, source_ids, max_claims=max_records))
    return Mission(
        id=draw(slugs()),
        name=draw(texts()),
        kind=draw(st.sampled_from(MissionKind)),
        status=draw(st.sampled_from(MissionStatus)),
        acronym=draw(st.none() | texts(10)),
        area=draw(st.none() | texts()),
        countries=draw(st.lists(country_codes(), max_size=3, unique=True)),
        headquarters=draw(st.none() | texts() | places()),
        location=draw(st.none() | places()),
        established=established,
        ended=ended,
        lead=draw(st.none() | _actor_refs(actor_ids)),
        profile_sources=draw(_cited(source_ids)),
        mandates=draw(st.lists(mandates(source_ids), max_size=max_records)),
        contributions=claims,
        personnel=draw(st.lists(personnel_figures(source_ids), max_size=2)),
        appointments=terms,
        positions=draw(st.lists(positions(actor_ids, source_ids), max_size=max_records)),
        fatalities=draw(st.lists(fatalities(source_ids), max_size=max_records)),
        sites=draw(st.lists(sites(source_ids), max_size=2)),
        actors=[draw(actors(actor_id, source_ids)) for actor_id in actor_ids],
        sources=[draw(sources(source_id)) for source_id in source_ids],
    )
