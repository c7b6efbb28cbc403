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
from typing import Any, TypeVar

import attrs

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a fresh interpreter by test_package
    raise ImportError(
        "missionmodel.testing needs hypothesis: pip install hypothesis (from a clone: pip install -e '.[test]')"
    ) from error

from .actor import Actor, ActorKind
from .appointment import Appointment, Post
from .budget import Budget, BudgetKind
from .contribution import Contribution, ContributionKind, ContributionStatus
from .countries import _names
from .coverage import CoverageNote, CoverageStatus, Topic
from .dates import PartialDate
from .event import Event, EventKind
from .fatality import Fatality, FatalityCount, Gender
from .mandate import Authority, AuthorityKind, Mandate, MandateAction, MandatedTask, Task, TaskModality, Vote
from .mission import Mission, MissionKind, MissionStatus
from .personnel import FigureKind, PersonnelFigure
from .place import Place
from .position import Position, Stance
from .site import HeadquartersLevel, Site, SiteContingent, SiteUnit, UnitKind
from .sources import Source, SourceKind, _languages
from .strength import Strength
from .totals import ContributorTotal

__all__ = [
    "actors",
    "alternative_accounts",
    "appointments",
    "authorities",
    "budgets",
    "claim_histories",
    "contributions",
    "contributor_totals",
    "country_codes",
    "coverage_notes",
    "currencies",
    "events",
    "fatalities",
    "fatality_counts",
    "languages",
    "linked",
    "mandate_chains",
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


def languages() -> st.SearchStrategy[str]:
    """ISO 639-1 language codes in lower case, such as ``en`` or ``fr`` (those that `Source.language` accepts)."""
    return st.sampled_from(sorted(_languages()))


def currencies() -> st.SearchStrategy[str]:
    """ISO 4217 currency codes: three capital letters, most often ``USD``.

    `Budget.currency` checks the form only, so any three capital letters are drawn as well.
    """
    return st.sampled_from(("USD", "USD", "EUR", "GBP", "CHF")) | st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3)


@st.composite
def sources(draw: st.DrawFn, source_id: str | None = None) -> Source:
    """Sources of every kind, in a language or none, with a note or none, with an optional fixed id.

    Args:
        draw: Supplied by hypothesis.
        source_id: The id to give; drawn when None.
    """
    return Source(
        id=source_id if source_id is not None else draw(slugs()),
        title=draw(texts()),
        kind=draw(st.none() | st.sampled_from(SourceKind)),
        publisher=draw(st.none() | texts()),
        url=draw(st.none() | st.from_regex(r"\Ahttps://[a-z]{1,10}\.org/[a-z0-9]{0,10}\Z")),
        language=draw(st.none() | languages()),
        published=draw(st.none() | partial_dates()),
        accessed=draw(st.none() | partial_dates()),
        note=draw(st.none() | texts()),
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
        instruments=draw(st.lists(texts(), max_size=2, unique=True)),
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


_FLAGS = st.sampled_from((False, False, True))
"""A marker such as ``unconfirmed`` or ``approximate``: set now and then."""
_OFTEN = st.sampled_from((True, True, False))
"""True two times in three."""


@st.composite
def mandates(
    draw: st.DrawFn,
    source_ids: Sequence[str] = (),
    mandate_id: str | None = None,
    follows: Sequence[str] = (),
) -> Mandate:
    """Mandates citing some of ``source_ids``, sometimes with their actions, tasks in detail and references.

    A mandate may drop tasks (never one it gives), mark its ceiling approximate (only when it
    sets one), be unconfirmed, and carry a note. It has an ``id`` only when ``mandate_id`` is
    given, and names one of ``follows`` in ``follows`` now and then: a `Mission` checks that the
    mandate followed exists and does not take effect later, so use `mandate_chains` for the
    mandates of a mission.

    Args:
        draw: Supplied by hypothesis.
        source_ids: Ids of sources that may be cited.
        mandate_id: The id to give; None for none.
        follows: Ids of mandates it may follow (never ``mandate_id``).
    """
    start, end = draw(_period())
    details = draw(st.just([]) | st.lists(mandated_tasks(), min_size=1, max_size=2, unique_by=_detail_key))
    tasks = draw(st.lists(st.sampled_from(Task), max_size=4, unique=True))
    tasks += [task for task in dict.fromkeys(d.task for d in details if d.requested) if task not in tasks]
    drops = draw(st.lists(st.sampled_from([task for task in Task if task not in tasks]), max_size=2, unique=True))
    ceiling = draw(st.none() | strengths())
    targets = [target for target in follows if target != mandate_id]
    return Mandate(
        id=mandate_id,
        authority=draw(authorities()),
        actions=draw(st.lists(st.sampled_from(MandateAction), max_size=2, unique=True)),
        follows=_pick(draw, targets) if targets and bool(draw(st.booleans())) else None,
        legal_basis=draw(st.none() | texts()),
        summary=draw(st.none() | texts(80)),
        tasks=tasks,
        drops=drops,
        mandated_tasks=details,
        references=draw(st.lists(texts(16), max_size=1)),
        restrictions=draw(st.lists(texts(), max_size=2)),
        start=start,
        end=end,
        authorized_strength=ceiling,
        approximate=ceiling is not None and draw(_FLAGS),
        unconfirmed=draw(_FLAGS),
        note=draw(st.none() | texts()),
        sources=draw(_cited(source_ids)),
    )


@st.composite
def mandate_chains(
    draw: st.DrawFn,
    source_ids: Sequence[str] = (),
    max_mandates: int = 5,
    min_year: int = 1950,
    max_year: int = 2030,
) -> list[Mandate]:
    """The mandates of one mission, oldest first, that a `Mission` accepts: chains of renewals among them.

    Mandates take effect in order (at their ``start``, else at their adoption), to the day, the
    month or the year. Some have an ``id`` (unique), and some of the later ones name an earlier
    one in ``follows``: the link before, or one further back (a chain that branches). Each ends
    the day before the next one starts, or earlier (the renewals between are then not recorded:
    `Mission.mandate_on` follows the chain across the gap), or later, or never. A renewal
    often gives no tasks and no ceiling (it carries them over), or adds a task, drops one, or
    sets a new ceiling, approximate now and then.

    Args:
        draw: Supplied by hypothesis.
        source_ids: Ids of sources that may be cited.
        max_mandates: The most mandates to generate.
        min_year: The earliest year of a date.
        max_year: The latest year of a date.

    Example:
        >>> from hypothesis import given
        >>> from missionmodel.timeline import certainly_before, effective_date
        >>> @given(mandate_chains())
        ... def test_a_mandate_follows_an_earlier_one(chain):
        ...     by_id = {m.id: m for m in chain if m.id}
        ...     for m in chain:
        ...         if m.follows:
        ...             assert not certainly_before(effective_date(m), effective_date(by_id[m.follows]))
        >>> test_a_mandate_follows_an_earlier_one()
    """
    count = draw(st.integers(0, max_mandates))
    lowest, highest = datetime.date(min_year, 1, 1), datetime.date(max_year, 12, 31)
    days = [draw(st.dates(lowest, highest))]
    for _ in range(count):
        days.append(min(days[-1] + datetime.timedelta(days=draw(st.integers(1, 800))), highest))
    made: list[Mandate] = []
    for index in range(count):
        first, following = days[index], days[index + 1]
        effective = _coarsened(draw, first)
        shape = draw(st.sampled_from(("next", "next", "gap", "gap", "open", "late")))
        if shape == "next":  # to the day before the next one
            end: PartialDate | None = PartialDate.from_date(max(first, following - datetime.timedelta(days=1)))
        elif shape == "gap":  # ends well before the next one: renewals not recorded
            end = PartialDate.from_date(first + (following - first) // 3)
        elif shape == "late":
            end = PartialDate.from_date(following + datetime.timedelta(days=draw(st.integers(0, 400))))
        else:
            end = None
        if end is not None and end.latest() < effective.earliest():
            end = None
        targets = [m.id for m in made if m.id is not None]
        mandate = draw(mandates(source_ids, mandate_id=f"res-{index + 1}" if draw(_OFTEN) else None))
        renewal = bool(targets) and draw(_OFTEN)
        follows = (targets[-1] if draw(_OFTEN) else _pick(draw, targets)) if renewal else None
        changes: dict[str, Any] = {"follows": follows, "end": end}
        if draw(st.booleans()):
            changes["start"] = effective
        else:  # no start: it takes effect at its adoption
            changes["start"] = None
            changes["authority"] = attrs.evolve(mandate.authority, adopted=effective)
        if renewal and draw(st.booleans()):  # a plain renewal: it carries the tasks and the ceiling over
            changes.update(tasks=(), drops=(), mandated_tasks=(), authorized_strength=None, approximate=False)
        made.append(attrs.evolve(mandate, **changes))
    return made


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


@st.composite
def fatality_counts(draw: st.DrawFn, source_ids: Sequence[str] = ()) -> FatalityCount:
    """Reported counts of a mission's dead, as of a date or undated, from a start or from the mission's start.

    Args:
        draw: Supplied by hypothesis.
        source_ids: Ids of sources that may be cited.
    """
    since, as_of = draw(_period())
    return FatalityCount(
        count=draw(st.integers(0, 5000)),
        as_of=as_of,
        since=since,
        unconfirmed=draw(_FLAGS),
        note=draw(st.none() | texts()),
        sources=draw(_cited(source_ids)),
    )


@st.composite
def budgets(draw: st.DrawFn, source_ids: Sequence[str] = ()) -> Budget:
    """Budget figures for a fiscal period: proposed, approved or spent, with or without an amount.

    Args:
        draw: Supplied by hypothesis.
        source_ids: Ids of sources that may be cited.
    """
    start = draw(partial_dates(1948, 2030))
    end = draw(partial_dates(1948, 2031))
    if end.latest() < start.earliest():
        start, end = end, start
    return Budget(
        start=start,
        end=end,
        kind=draw(st.sampled_from(BudgetKind)),
        amount=draw(st.none() | st.integers(0, 10**10)),
        currency=draw(currencies()),
        net=draw(_FLAGS),
        approximate=draw(_FLAGS),
        decided_by=draw(st.none() | texts(16)),
        decided=draw(st.none() | partial_dates()),
        vote=draw(st.none() | votes()),
        unconfirmed=draw(_FLAGS),
        note=draw(st.none() | texts()),
        sources=draw(_cited(source_ids)),
    )


@st.composite
def events(draw: st.DrawFn, actor_ids: Sequence[str] = (), source_ids: Sequence[str] = ()) -> Event:
    """Dated events of any kind (or none), at a place or not, with the actors who took part.

    Args:
        draw: Supplied by hypothesis.
        actor_ids: Ids of declared actors that may take part (states are drawn as well).
        source_ids: Ids of sources that may be cited.
    """
    return Event(
        date=draw(partial_dates()),
        kind=draw(st.none() | st.sampled_from(EventKind)),
        summary=draw(texts(80)),
        place=draw(st.none() | places()),
        actors=draw(st.lists(_actor_refs(actor_ids), max_size=3, unique=True)),
        unconfirmed=draw(_FLAGS),
        note=draw(st.none() | texts()),
        sources=draw(_cited(source_ids)),
    )


@st.composite
def coverage_notes(draw: st.DrawFn, source_ids: Sequence[str] = ()) -> CoverageNote:
    """Notes on what a mission's data cover: of a topic or of the whole mission, with dates or none.

    Args:
        draw: Supplied by hypothesis.
        source_ids: Ids of sources that may be cited.
    """
    start, end = draw(_period())
    return CoverageNote(
        topic=draw(st.none() | st.sampled_from(Topic)),
        status=draw(st.sampled_from(CoverageStatus)),
        start=start,
        end=end,
        text=draw(texts(80)),
        sources=draw(_cited(source_ids)),
    )


_Linked = TypeVar("_Linked", Appointment, Budget, Event, FatalityCount, Mandate)


@st.composite
def linked(draw: st.DrawFn, records: Sequence[_Linked], prefix: str = "r", field: str = "disputes") -> list[_Linked]:
    """``records`` with ids given to some of them, and some naming another one in ``field``.

    The ids (``{prefix}-1``, ``{prefix}-2``, ...) are unique, and no record names its own id, so
    a `Mission` accepts the records as one of its collections (for ``disputes``; a mandate's
    ``follows`` must also name an earlier mandate: see `mandate_chains`).

    Args:
        draw: Supplied by hypothesis.
        records: Records with an ``id`` and a ``field``.
        prefix: The start of the ids given.
        field: The field that names another record.
    """
    made = list(records)
    for index, record in enumerate(made):
        if draw(st.booleans()):
            made[index] = attrs.evolve(record, id=f"{prefix}-{index + 1}")
    for index, record in enumerate(made):
        targets = [other.id for other in made if other.id is not None and other.id != record.id]
        if targets and bool(draw(_FLAGS)):
            link: dict[str, Any] = {field: _pick(draw, targets)}
            made[index] = attrs.evolve(record, **link)
    return made


@st.composite
def alternative_accounts(
    draw: st.DrawFn, terms: Sequence[Appointment], actor_ids: Sequence[str] = (), source_ids: Sequence[str] = ()
) -> list[Appointment]:
    """``terms`` with, now and then, another account of one of them that ``disputes`` it.

    The account disputed gets an id (``{post}-{n}``, unique) if it has none; the alternative,
    listed after it, gives the same post another start (a few days or months off, as sources
    that disagree on a handover date do), or another holder, other dates or another unit, and
    may overlap any term: the one-holder-at-a-time check leaves alternatives out.

    Args:
        draw: Supplied by hypothesis.
        terms: Appointments that a `Mission` accepts (see `successions`).
        actor_ids: Ids of declared actors that may hold the post (states are drawn as well).
        source_ids: Ids of sources that may be cited.
    """
    made: list[Appointment] = []
    for index, term in enumerate(terms):
        if not draw(_FLAGS):
            made.append(term)
            continue
        if term.id is None:
            term = attrs.evolve(term, id=f"{term.post.value.replace('_', '-')}-{index + 1}")
        start, end = draw(_period())
        if term.start is not None and draw(st.booleans()):  # another handover date
            shifted = term.start.earliest() + datetime.timedelta(days=draw(st.integers(-120, 120)))
            start, end = _coarsened(draw, shifted), term.end
            if end is not None and end.latest() < start.earliest():
                end = None
        made.append(term)
        made.append(
            Appointment(
                post=term.post,
                holder=draw(st.just(term.holder) | _actor_refs(actor_ids)),
                unit=draw(st.just(term.unit) | _UNITS),
                start=start,
                end=end,
                disputes=term.id,
                unconfirmed=draw(_FLAGS),
                note=draw(st.none() | texts()),
                sources=draw(_cited(source_ids)),
            )
        )
    return made


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
        unconfirmed=draw(_FLAGS),
        note=draw(st.none() | texts()),
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
        unconfirmed=draw(_FLAGS),
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
        unconfirmed=draw(_FLAGS),
        sources=draw(_cited(source_ids)),
    )


_UNIT_NAMES = ("Sector West", "Sector East", "Maritime Task Force", "Military component", "Sector North", "Sector South")
_UNITS = st.sampled_from(_UNIT_NAMES)


@st.composite
def appointments(
    draw: st.DrawFn,
    actor_ids: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    appointment_id: str | None = None,
) -> Appointment:
    """Single appointments (any post) of declared actors or states, acting or not, with a unit or none.

    Args:
        draw: Supplied by hypothesis.
        actor_ids: Ids of declared actors that may hold posts.
        source_ids: Ids of sources that may be cited.
        appointment_id: The id to give; None for none.
    """
    start, end = draw(_period())
    return Appointment(
        id=appointment_id,
        post=draw(st.sampled_from(Post)),
        holder=draw(_actor_refs(actor_ids)),
        unit=draw(st.none() | _UNITS),
        acting=draw(_FLAGS),
        start=start,
        end=end,
        unconfirmed=draw(_FLAGS),
        note=draw(st.none() | texts()),
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
    commanders), terms overlap freely and may begin on the same day; each names its own
    ``unit``, or none (one unit has one holder at a time, so that a later term of the same unit
    would end an earlier one).

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
            free = [unit for unit in _UNIT_NAMES if unit not in {term.unit for term in terms}]
            terms.append(
                Appointment(
                    post=chosen,
                    holder=draw(_actor_refs(actor_ids)),
                    unit=_pick(draw, free) if free and bool(draw(st.booleans())) else None,
                    acting=draw(_FLAGS),
                    start=_coarsened(draw, first, precisions),
                    end=None if draw(st.booleans()) else _coarsened(draw, last, precisions),
                    unconfirmed=draw(_FLAGS),
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
                acting=draw(_FLAGS),
                start=start,
                end=None if draw(st.booleans()) else _coarsened(draw, last, precisions),
                unconfirmed=draw(_FLAGS),
                note=draw(st.none() | texts()),
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
    queries, but, absent from a later month's count, it may have ended and counts from 0 up to
    its figure: rule 6 of `missionmodel.claims`; `missionmodel.series`, which reads each month's
    reports only, counts nobody for it that month); a contingent that leaves is reported
    ``withdrawn`` that month, and may come back later. Claims are dated to the month and listed
    month by month. With ``silent_months=False`` every month is reported, totals are exact, and
    `series` totals equal ``total_strength(status="deployed", on=month)``.

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
        >>> @given(monthly_panels(silent_months=False))
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
    side), with now and then an `alternative_accounts` record that disputes a term;
    contributions mix single claims with a `claim_histories` history (evolving statuses,
    disputes, partial and missing dates, ``id`` and ``supersedes`` links); mandates are
    `mandate_chains` (renewals that follow earlier mandates, carry tasks and ceilings over, or
    end before the next one recorded) and single `mandates`; fatality counts, budgets and events
    are `linked` by ``disputes``; coverage notes say where the data of a topic begin, or where
    they miss something.

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
    chain = draw(mandate_chains(source_ids, max_mandates=max_records))
    single = draw(st.lists(mandates(source_ids), max_size=2))
    few = min(max_records, 3)
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
        coverage=draw(st.lists(coverage_notes(source_ids), max_size=2)),
        mandates=draw(st.permutations(chain + single)) if draw(_FLAGS) else chain + single,
        contributions=claims,
        personnel=draw(st.lists(personnel_figures(source_ids), max_size=2)),
        appointments=draw(alternative_accounts(terms, actor_ids, source_ids)),
        positions=draw(st.lists(positions(actor_ids, source_ids), max_size=max_records)),
        fatalities=draw(st.lists(fatalities(source_ids), max_size=max_records)),
        fatality_counts=draw(linked(draw(st.lists(fatality_counts(source_ids), max_size=few)), "count")),
        budgets=draw(linked(draw(st.lists(budgets(source_ids), max_size=few)), "budget")),
        events=draw(linked(draw(st.lists(events(actor_ids, source_ids), max_size=few)), "event")),
        sites=draw(st.lists(sites(source_ids), max_size=2)),
        actors=[draw(actors(actor_id, source_ids)) for actor_id in actor_ids],
        sources=[draw(sources(source_id)) for source_id in source_ids],
    )
