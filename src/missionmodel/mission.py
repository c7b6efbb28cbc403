"""Missions: the whole record of one peace operation, and the questions users ask of it.

Example:
    >>> from missionmodel import Contribution, ContributionKind, ContributionStatus, Strength
    >>> isf = Mission(
    ...     id="isf", name="International Stabilization Force", acronym="ISF",
    ...     kind=MissionKind.STABILIZATION, status=MissionStatus.AUTHORIZED,
    ...     countries=["PSE"],
    ...     contributions=[
    ...         Contribution(contributor="IDN", kind=ContributionKind.TROOPS,
    ...                      status=ContributionStatus.PLEDGED, strength=Strength.at_most(8000)),
    ...         Contribution(contributor="KAZ", kind=ContributionKind.MEDICAL,
    ...                      status=ContributionStatus.PLEDGED),
    ...     ],
    ... )
    >>> isf.contributors()
    ('IDN', 'KAZ')
    >>> str(isf.total_strength(status=ContributionStatus.PLEDGED))
    'unknown'
    >>> str(isf.total_strength(kind=ContributionKind.TROOPS))
    'up to 8,000'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from ._checks import as_tuple, check_slug, check_unique, enum_message, raise_if, type_problems
from ._fields import check_country, check_period
from .actor import Actor, check_actor_id
from .appointment import Appointment, Post
from .contribution import Contribution, ContributionKind, ContributionStatus
from .countries import code_problem, is_country_code
from .dates import DateLike, PartialDate, optional_date
from .exceptions import ErrorDetail, ValidationError
from .fatality import Fatality
from .mandate import Mandate
from .personnel import FigureKind, PersonnelFigure
from .place import Place, optional_place
from .position import Position, Stance
from .sources import Source
from .strength import Strength

__all__ = ["Mission", "MissionKind", "MissionStatus"]

_Record = TypeVar("_Record", Mandate, Contribution, Appointment, Position, PersonnelFigure)


class MissionKind(enum.Enum):
    """What kind of operation a mission is.

    Example:
        >>> MissionKind("peacekeeping") is MissionKind.PEACEKEEPING
        True
    """

    PEACEKEEPING = "peacekeeping"
    """A peacekeeping operation, such as UNIFIL."""
    STABILIZATION = "stabilization"
    """A stabilization force, such as the ISF for Gaza."""
    OBSERVER = "observer"
    """A military observer mission."""
    POLICE = "police"
    """A police mission."""
    POLITICAL = "political"
    """A special political mission."""
    TRAINING = "training"
    """A training mission."""
    PEACE_ENFORCEMENT = "peace_enforcement"
    """A force authorised to impose peace by force."""
    NAVAL = "naval"
    """A maritime operation."""


class MissionStatus(enum.Enum):
    """Where a mission stands, in the usual order of its life.

    Example:
        >>> MissionStatus.DRAWING_DOWN.value
        'drawing_down'
    """

    PROPOSED = "proposed"
    """Proposed, not yet authorised."""
    AUTHORIZED = "authorized"
    """Authorised, not yet deploying."""
    DEPLOYING = "deploying"
    """Deploying its first personnel."""
    ACTIVE = "active"
    """Deployed and carrying out its mandate."""
    DRAWING_DOWN = "drawing_down"
    """Reducing its strength or winding up."""
    CLOSED = "closed"
    """Ended."""


_REFERENCES: tuple[tuple[str, str], ...] = (
    ("contributions", "contributor"),
    ("positions", "actor"),
    ("appointments", "holder"),
)
_CITING: tuple[str, ...] = ("mandates", "contributions", "personnel", "appointments", "positions", "fatalities", "actors")


def _indexed(values: Mapping[str, Any], name: str) -> Iterable[tuple[int, Any]]:
    items = values.get(name)
    if not isinstance(items, (tuple, list)):
        return ()
    return ((index, item) for index, item in enumerate(items) if item is not None)


def mission_problems(values: Mapping[str, Any]) -> list[ErrorDetail]:
    """Return the problems that involve more than one record of a mission.

    Checks the mission's id, country codes, lead and dates; duplicate actor and source ids;
    references to actors and sources that are not declared; and two holders of one post at the
    same time. ``values`` maps field names to
    values; a collection may hold None where a record could not be read, so that these checks
    still run on the rest of a document that has other problems.

    Args:
        values: The mission's fields, by name.

    Returns:
        The problems, each with its path from the mission.
    """
    problems: list[ErrorDetail] = []
    check_slug(values.get("id"), "id", problems)
    for index, code in _indexed(values, "countries"):
        check_country(code, f"countries[{index}]", problems)
    check_actor_id(values.get("lead"), "lead", problems)
    check_period(values.get("established"), values.get("ended"), problems, "established", "ended")
    actors = list(_indexed(values, "actors"))
    sources = list(_indexed(values, "sources"))
    check_unique(((f"actors[{i}].id", getattr(a, "id", None)) for i, a in actors), "actor", problems)
    check_unique(((f"sources[{i}].id", getattr(s, "id", None)) for i, s in sources), "source", problems)
    # Records that could not be read still declare their ids: no false "not declared" problems.
    declared_actors = {getattr(a, "id", None) for _, a in actors}
    declared_sources = {getattr(s, "id", None) for _, s in sources}

    def check_reference(reference: object, path: str) -> None:
        if not isinstance(reference, str) or not reference.strip() or reference in declared_actors or is_country_code(reference):
            return
        if reference.isupper() and len(reference) <= 3:
            problems.append(ErrorDetail(path=path, message=code_problem(reference) or "unknown country code"))
            return
        message = f"refers to actor {reference!r}, which is not declared in 'actors' and is not an ISO 3166-1 alpha-3 code"
        hint = code_problem(reference)
        if hint and "did you mean" in hint:
            message += hint[hint.index(";") :]
        problems.append(ErrorDetail(path=path, message=message))

    check_reference(values.get("lead"), "lead")
    for collection_name, field_name in _REFERENCES:
        for index, record in _indexed(values, collection_name):
            check_reference(getattr(record, field_name, None), f"{collection_name}[{index}].{field_name}")
    for position, source_id in _indexed(values, "profile_sources"):
        if isinstance(source_id, str) and source_id not in declared_sources:
            problems.append(
                ErrorDetail(
                    path=f"profile_sources[{position}]",
                    message=f"cites source {source_id!r}, which is not declared in 'sources'",
                )
            )
    for collection_name in _CITING:
        for index, record in _indexed(values, collection_name):
            cited = getattr(record, "sources", ())
            for position, source_id in enumerate(cited if isinstance(cited, tuple) else ()):
                if isinstance(source_id, str) and source_id not in declared_sources:
                    problems.append(
                        ErrorDetail(
                            path=f"{collection_name}[{index}].sources[{position}]",
                            message=f"cites source {source_id!r}, which is not declared in 'sources'",
                        )
                    )
    appointments = [(i, a) for i, a in _indexed(values, "appointments") if isinstance(a, Appointment)]
    for later, (j, second) in enumerate(appointments):
        for i, first in appointments[:later]:
            if first.post is second.post and first.overlaps(second):
                problems.append(
                    ErrorDetail(
                        path=f"appointments[{j}]",
                        message=(
                            f"{second.holder!r} holds {second.post.value!r} at the same time as "
                            f"{first.holder!r} (appointments[{i}])"
                        ),
                    )
                )
    return problems


def slug_of(text: str) -> str:
    """Return ``text`` as a lower-case slug: letters and digits, runs of anything else as one hyphen.

    Args:
        text: E.g. an acronym such as ``"MINUSMA"``.

    Example:
        >>> slug_of("UN Mission/Haiti 2")
        'un-mission-haiti-2'
    """
    return "-".join(part for part in re.split(r"[^a-z0-9]+", text.lower()) if part) if isinstance(text, str) else text


_Member = TypeVar("_Member", bound=enum.Enum)


def _member(enum_type: type[_Member], value: _Member | str, name: str) -> _Member:
    """Return ``value`` as a member of ``enum_type``, accepting its value as text.

    Raises:
        ValidationError: If ``value`` is neither a member nor a member's value.
    """
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(value)
    except ValueError:
        raise ValidationError([ErrorDetail(path=name, message=f"'{name}' {enum_message(enum_type, value)}")]) from None


def _latest_first(records: Iterable[_Record], date_of: Any) -> list[_Record]:
    """Sort records newest first; undated records count as the oldest."""
    return sorted(records, key=lambda r: (date_of(r) is not None, date_of(r) or PartialDate(year=1)), reverse=True)


@attrs.frozen(slots=True, kw_only=True)
class Mission:
    """An international mission: its identity, mandates, contributions, leadership and stakeholders.

    Records refer to actors and sources by id: a state by its ISO 3166-1 alpha-3 code, any other
    actor by the id it is declared with in ``actors``; every source cited is declared in
    ``sources``. Building a mission checks all of this and reports every problem at once.

    Attributes:
        id: Lower-case slug, e.g. ``unifil``.
        name: Full name.
        kind: What kind of operation it is.
        status: Where it stands.
        acronym: Its acronym, e.g. ``UNIFIL``.
        area: Where it operates, in words (``"Gaza Strip"``).
        countries: ISO 3166-1 alpha-3 codes of the countries where it deploys.
        headquarters: Where its headquarters is: a `Place`, or its name (read as a place known
            only by its name, which compares equal to the name).
        location: Where the mission is shown on a map by a publisher (such as the UN Data Hub's
            mission location), which need not be its headquarters.
        established: When it was established.
        ended: When it ended.
        lead: Actor id of who leads it (the UN, a lead nation, a board).
        profile_sources: Ids of the sources for the mission's own facts: its name, kind,
            status, area, countries, headquarters, dates and lead.
        mandates: Its mandates, oldest first.
        contributions: Contributions, one claim each.
        personnel: Figures reported for the mission's personnel as a whole, planned or actual.
        appointments: Who held which post.
        positions: Stakeholders' stances.
        fatalities: Its personnel who died in service, one record each.
        actors: Actors referred to that are not states known by their code.
        sources: Every source cited.

    Example:
        >>> Mission(id="unifil", name="United Nations Interim Force in Lebanon",
        ...         kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
        ...         countries=["LBN"]).countries
        ('LBN',)
    """

    id: str
    name: str
    kind: MissionKind
    status: MissionStatus
    acronym: str | None = None
    area: str | None = None
    countries: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    headquarters: Place | None = attrs.field(default=None, converter=optional_place)
    location: Place | None = attrs.field(default=None, converter=optional_place)
    established: PartialDate | None = attrs.field(default=None, converter=optional_date)
    ended: PartialDate | None = attrs.field(default=None, converter=optional_date)
    lead: str | None = None
    profile_sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    mandates: tuple[Mandate, ...] = attrs.field(factory=tuple, converter=as_tuple)
    contributions: tuple[Contribution, ...] = attrs.field(factory=tuple, converter=as_tuple)
    personnel: tuple[PersonnelFigure, ...] = attrs.field(factory=tuple, converter=as_tuple)
    appointments: tuple[Appointment, ...] = attrs.field(factory=tuple, converter=as_tuple)
    positions: tuple[Position, ...] = attrs.field(factory=tuple, converter=as_tuple)
    fatalities: tuple[Fatality, ...] = attrs.field(factory=tuple, converter=as_tuple)
    actors: tuple[Actor, ...] = attrs.field(factory=tuple, converter=as_tuple)
    sources: tuple[Source, ...] = attrs.field(factory=tuple, converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        problems = type_problems(self)
        problems.extend(mission_problems({field.name: getattr(self, field.name) for field in attrs.fields(Mission)}))
        raise_if(problems, self)

    @classmethod
    def from_acronym(cls, acronym: str, *, kind: MissionKind, status: MissionStatus, **fields: Any) -> Mission:
        """Build a mission known only by its acronym, as in a table of contributions.

        The id is the acronym as a slug (``UNIFIL`` becomes ``unifil``, ``MINUSMA/2`` becomes
        ``minusma-2``) and, unless ``name`` is given in ``fields``, the name is the acronym
        itself: no name is made up. The kind and status must be given, since an acronym does
        not tell them.

        Args:
            acronym: The acronym, e.g. ``"UNIFIL"``.
            kind: What kind of operation it is.
            status: Where it stands.
            **fields: Any other `Mission` fields (``name``, ``contributions`` ...).

        Raises:
            ValidationError: If the acronym has no letter or digit, or a field is invalid.

        Example:
            >>> m = Mission.from_acronym("UNIFIL", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE)
            >>> m.id, m.name, m.acronym
            ('unifil', 'UNIFIL', 'UNIFIL')
        """
        name = fields.pop("name", acronym)
        return cls(id=slug_of(acronym), name=name, acronym=acronym, kind=kind, status=status, **fields)

    # --- look-ups -------------------------------------------------------------------------

    def actor(self, actor_id: str) -> Actor:
        """Return the actor with ``actor_id``: a declared one, or the state an alpha-3 code names.

        Args:
            actor_id: The id, e.g. ``"hamas"`` or ``"IDN"``.

        Raises:
            KeyError: If no such actor is declared and the id is not a country code.
        """
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        if is_country_code(actor_id):
            return Actor.state(actor_id)
        raise KeyError(f"no actor {actor_id!r} in mission {self.id!r}")

    def source(self, source_id: str) -> Source:
        """Return the declared source with ``source_id``.

        Args:
            source_id: The id the records cite.

        Raises:
            KeyError: If no such source is declared.
        """
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(f"no source {source_id!r} in mission {self.id!r}")

    def sources_of(self, record: Mandate | Contribution | Appointment | Position | Fatality) -> tuple[Source, ...]:
        """Return the `Source` objects that ``record`` cites.

        Args:
            record: A record of this mission.
        """
        return tuple(self.source(source_id) for source_id in record.sources)

    # --- contributions --------------------------------------------------------------------

    def _select(self, status: ContributionStatus | str | None, kind: ContributionKind | str | None) -> Iterable[Contribution]:
        wanted_status = None if status is None else _member(ContributionStatus, status, "status")
        wanted_kind = None if kind is None else _member(ContributionKind, kind, "kind")
        return (
            c
            for c in self.contributions
            if (wanted_status is None or c.status is wanted_status) and (wanted_kind is None or c.kind is wanted_kind)
        )

    def contributors(
        self, status: ContributionStatus | str | None = None, kind: ContributionKind | str | None = None
    ) -> tuple[str, ...]:
        """Return the ids of the contributors, in order of first mention, optionally filtered.

        Args:
            status: Only contributions with this status.
            kind: Only contributions of this kind.
        """
        return tuple(dict.fromkeys(c.contributor for c in self._select(status, kind)))

    def contributions_of(self, contributor: str) -> tuple[Contribution, ...]:
        """Return every contribution of one contributor, in recorded order.

        Args:
            contributor: Its actor id, e.g. ``"IDN"``.
        """
        return tuple(c for c in self.contributions if c.contributor == contributor)

    def latest_claims(
        self, status: ContributionStatus | str | None = None, kind: ContributionKind | str | None = None
    ) -> tuple[Contribution, ...]:
        """Return one claim for each contributor and kind: the most recent, optionally filtered.

        The most recent claim is the one with the latest ``as_of`` (undated claims count as the
        oldest). Claims of the same date that disagree are combined into one whose strength is
        the range that covers both, citing the sources of both. Claims are returned in order of
        their contributor's first mention.

        Args:
            status: Only contributions with this status.
            kind: Only contributions of this kind.
        """
        latest: dict[tuple[str, ContributionKind], Contribution] = {}
        for claim in self._select(status, kind):
            key = (claim.contributor, claim.kind)
            held = latest.get(key)
            if held is None or (claim.as_of is not None and (held.as_of is None or claim.as_of > held.as_of)):
                latest[key] = claim
            elif claim.as_of == held.as_of and claim != held:
                latest[key] = attrs.evolve(
                    held,
                    strength=held.strength.hull(claim.strength),
                    caveats=tuple(dict.fromkeys(held.caveats + claim.caveats)),
                    sources=tuple(dict.fromkeys(held.sources + claim.sources)),
                )
        return tuple(latest.values())

    def total_strength(
        self, status: ContributionStatus | str | None = None, kind: ContributionKind | str | None = None
    ) -> Strength:
        """Add up the strengths of the contributions, optionally filtered by status and kind.

        Each contributor and kind is counted once, from its most recent claim (see
        `latest_claims`), so a pledge reported twice is not counted twice.

        Args:
            status: Only contributions with this status.
            kind: Only contributions of this kind.

        Returns:
            The total, with its uncertainty; exactly 0 when nothing matches.
        """
        return sum((claim.strength for claim in self.latest_claims(status, kind)), Strength.exact(0))

    # --- positions, mandates, appointments ----------------------------------------------------

    def personnel_figure(
        self,
        kind: FigureKind | str = FigureKind.ACTUAL,
        on: DateLike | None = None,
        personnel: Iterable[ContributionKind | str] | None = None,
    ) -> PersonnelFigure | None:
        """Return the latest mission-wide personnel figure of ``kind`` known by ``on``.

        Args:
            kind: Actual (the default) or planned figures.
            on: Only figures dated by this date (undated figures count as the oldest); all when None.
            personnel: Only figures that count exactly these kinds of personnel (an empty list:
                figures of all personnel); figures of any personnel when None.

        Returns:
            The most recent such figure, or None.
        """
        cutoff = None if on is None else PartialDate.coerce(on).latest()
        wanted_kind = _member(FigureKind, kind, "kind")
        wanted = None if personnel is None else frozenset(_member(ContributionKind, p, "personnel") for p in personnel)
        figures = [
            f
            for f in self.personnel
            if f.kind is wanted_kind
            and (cutoff is None or f.as_of is None or f.as_of.earliest() <= cutoff)
            and (wanted is None or frozenset(f.personnel) == wanted)
        ]
        ordered = _latest_first(figures, lambda f: f.as_of)
        return ordered[0] if ordered else None

    def positions_by(self, stance: Stance | str) -> tuple[Position, ...]:
        """Return the positions with ``stance``, in recorded order.

        Args:
            stance: The stance, e.g. `Stance.OPPOSES`.
        """
        wanted = _member(Stance, stance, "stance")
        return tuple(p for p in self.positions if p.stance is wanted)

    def mandate_on(self, day: DateLike) -> Mandate | None:
        """Return the mandate in force on ``day``.

        Mandates succeed one another: the one in force is the one that began last by ``day``
        (a mandate with no start counts as the oldest), provided it had not expired by then. A
        later mandate supersedes an earlier one even when the earlier one gives no end.

        Args:
            day: The date, as a `PartialDate`, ISO text or `datetime.date`.

        Returns:
            The mandate, or None if none was in force.
        """
        when = PartialDate.coerce(day)
        begun = [m for m in self.mandates if m.start is None or m.start.earliest() <= when.latest()]
        ordered = _latest_first(begun, lambda m: m.start)
        if ordered and ordered[0].in_force_on(when):
            return ordered[0]
        return None

    def latest_mandate(self) -> Mandate | None:
        """Return the mandate that began last (undated mandates count as the oldest), or None."""
        ordered = _latest_first(self.mandates, lambda m: m.start)
        return ordered[0] if ordered else None

    def holder_on(self, post: Post | str, day: DateLike) -> Appointment | None:
        """Return the appointment of whoever held ``post`` on ``day``.

        Args:
            post: The post, e.g. `Post.FORCE_COMMANDER`.
            day: The date.

        Returns:
            The appointment that began last among those that may include ``day``, or None.
        """
        wanted = _member(Post, post, "post")
        held = [a for a in self.appointments if a.post is wanted and a.held_on(day)]
        ordered = _latest_first(held, lambda a: a.start)
        return ordered[0] if ordered else None

    def as_of(self, day: DateLike) -> Mission:
        """Return the mission as it stood on ``day``: only what was known or in place by then.

        Mandates that had not started, contributions reported later, appointments not yet
        begun and positions taken later are left out; undated records are kept. A mission that
        closed after ``day`` is shown as active, without its end date.

        Args:
            day: The date.
        """
        when = PartialDate.coerce(day)
        cutoff = when.latest()

        def known(date: PartialDate | None) -> bool:
            return date is None or date.earliest() <= cutoff

        ended = self.ended if self.ended is not None and known(self.ended) else None
        status = self.status
        if self.ended is not None and ended is None and status is MissionStatus.CLOSED:
            status = MissionStatus.ACTIVE
        return attrs.evolve(
            self,
            status=status,
            ended=ended,
            mandates=tuple(m for m in self.mandates if known(m.start or m.authority.adopted)),
            contributions=tuple(c for c in self.contributions if known(c.as_of)),
            personnel=tuple(f for f in self.personnel if known(f.as_of)),
            appointments=tuple(a for a in self.appointments if known(a.start)),
            positions=tuple(p for p in self.positions if known(p.date)),
            fatalities=tuple(f for f in self.fatalities if known(f.date)),
        )
