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
from collections.abc import Sequence

from hypothesis import strategies as st

from .actor import Actor, ActorKind
from .appointment import Appointment, Post
from .contribution import Contribution, ContributionKind, ContributionStatus
from .countries import _names
from .dates import PartialDate
from .fatality import Fatality, Gender
from .mandate import Authority, AuthorityKind, Mandate, Task, Vote
from .mission import Mission, MissionKind, MissionStatus
from .personnel import FigureKind, PersonnelFigure
from .place import Place
from .position import Position, Stance
from .sources import Source
from .strength import Strength

__all__ = [
    "actors",
    "appointments",
    "authorities",
    "contributions",
    "country_codes",
    "fatalities",
    "mandates",
    "missions",
    "partial_dates",
    "personnel_figures",
    "places",
    "positions",
    "slugs",
    "sources",
    "strengths",
    "texts",
    "votes",
]

_MAX = 1_000_000


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
def mandates(draw: st.DrawFn, source_ids: Sequence[str] = ()) -> Mandate:
    """Mandates citing some of ``source_ids``.

    Args:
        draw: Supplied by hypothesis.
        source_ids: Ids of sources that may be cited.
    """
    start, end = draw(_period())
    return Mandate(
        authority=draw(authorities()),
        legal_basis=draw(st.none() | texts()),
        summary=draw(st.none() | texts(80)),
        tasks=draw(st.lists(st.sampled_from(Task), max_size=4, unique=True)),
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


@st.composite
def _succession(draw: st.DrawFn, post: Post, actor_ids: Sequence[str], source_ids: Sequence[str]) -> list[Appointment]:
    """Consecutive terms of one post: each term ends in the year before the next begins."""
    count = draw(st.integers(0, 3))
    years = sorted(draw(st.lists(st.integers(1950, 2030), min_size=count * 2, max_size=count * 2, unique=True)))
    terms = []
    for index in range(count):
        start_year, end_year = years[2 * index], years[2 * index + 1]
        last = index == count - 1
        terms.append(
            Appointment(
                post=post,
                holder=draw(_actor_refs(actor_ids)),
                start=PartialDate(year=start_year),
                end=None if last and draw(st.booleans()) else PartialDate(year=end_year),
                sources=draw(_cited(source_ids)),
            )
        )
    return terms


@st.composite
def missions(draw: st.DrawFn, max_records: int = 5) -> Mission:
    """Whole, consistent missions: every reference resolves and no post has two holders at once.

    Args:
        draw: Supplied by hypothesis.
        max_records: The most records of each kind to generate.
    """
    source_ids = draw(st.lists(slugs(), max_size=4, unique=True))
    actor_ids = draw(st.lists(slugs(), max_size=4, unique=True))
    established, ended = draw(_period())
    posts = draw(st.lists(st.sampled_from(Post), max_size=2, unique=True))
    terms = [term for post in posts for term in draw(_succession(post, actor_ids, source_ids))]
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
        contributions=draw(st.lists(contributions(actor_ids, source_ids), max_size=max_records)),
        personnel=draw(st.lists(personnel_figures(source_ids), max_size=2)),
        appointments=terms,
        positions=draw(st.lists(positions(actor_ids, source_ids), max_size=max_records)),
        fatalities=draw(st.lists(fatalities(source_ids), max_size=max_records)),
        actors=[draw(actors(actor_id, source_ids)) for actor_id in actor_ids],
        sources=[draw(sources(source_id)) for source_id in source_ids],
    )
