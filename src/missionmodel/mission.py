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
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import attrs

from ._checks import as_tuple, check_slug, check_unique, checked, member, quoted
from ._engine import RecordCheck, record_check, validate
from ._fields import check_country, period
from .actor import Actor, check_actor_id
from .appointment import Appointment, Post
from .budget import Budget
from .contribution import Contribution, ContributionKind, ContributionStatus
from .countries import code_problem, is_country_code
from .coverage import CoverageNote, Topic, warn_if_uncovered
from .dates import DateLike, PartialDate, optional_date
from .event import Event
from .exceptions import ErrorDetail
from .fatality import Fatality, FatalityCount
from .mandate import Ceiling, Mandate, Task
from .personnel import FigureKind, PersonnelFigure
from .place import Place, optional_place
from .position import Position, Stance
from .site import Site
from .sources import Source
from .strength import Strength
from .timeline import (
    carried_over,
    certainly_before,
    conflicting_terms,
    date_argument,
    effective_date,
    holders_on,
    known_by,
    latest_first,
    mandate_chain,
    mandate_in_force,
)

if TYPE_CHECKING:  # pragma: no cover - the claims policy is imported when first asked
    from .claims import Claim, PledgeGap, Standing

__all__ = ["Mission", "MissionKind", "MissionStatus"]


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
    ("events", "actors"),
)
_MOST_CONFLICTS = 20
"""How many conflicting appointments are listed; the rest are counted."""
_CITING: tuple[str, ...] = (
    "mandates",
    "contributions",
    "personnel",
    "appointments",
    "positions",
    "fatalities",
    "fatality_counts",
    "budgets",
    "events",
    "sites",
    "actors",
    "coverage",
)
_LINKS: tuple[tuple[str, str, str], ...] = (
    ("mandates", "follows", "mandate"),
    ("appointments", "disputes", "appointment"),
    ("fatality_counts", "disputes", "fatality count"),
    ("budgets", "disputes", "budget"),
    ("events", "disputes", "event"),
)
"""The links by id within a collection: (collection, field, what a record is called)."""


def _indexed(mission: Any, name: str) -> Iterable[tuple[int, Any]]:
    items = getattr(mission, name)
    if not isinstance(items, (tuple, list)):
        return ()
    return enumerate(items)


@record_check("actors", partial=True)
def _actor_references(values: Any, problems: list[ErrorDetail]) -> None:
    """Actor ids are unique, and every record refers to a declared actor or a state's code.

    ``values`` is the mission, or the readable part of one that could not be built (a
    `Partial`, whose collections hold a `Partial` for each record that could not be read), so
    that these checks still run on the rest of a document that has other problems. Records that
    could not be read still declare their ids: no false "not declared" problems.
    """
    actors = list(_indexed(values, "actors"))
    check_unique(((f"actors[{i}].id", getattr(a, "id", None)) for i, a in actors), "actor", problems)
    declared_actors = {getattr(a, "id", None) for _, a in actors}
    known_good: set[str] = set()

    def check_reference(reference: object, path: str) -> None:
        if reference.__class__ is str and reference in known_good:  # most records name a few contributors
            return
        if not isinstance(reference, str) or not reference.strip() or reference in declared_actors or is_country_code(reference):
            if isinstance(reference, str):
                known_good.add(reference)
            return
        if reference.isupper() and len(reference) <= 3:
            problems.append(ErrorDetail(path=path, message=code_problem(reference) or "unknown country code"))
            return
        message = f"refers to actor {quoted(reference)}, which is not declared in 'actors' and is not an ISO 3166-1 alpha-3 code"
        hint = code_problem(reference)
        if hint and "did you mean" in hint:
            message += hint[hint.index(";") :]
        problems.append(ErrorDetail(path=path, message=message))

    check_reference(values.lead, "lead")
    for collection_name, field_name in _REFERENCES:
        for index, record in _indexed(values, collection_name):
            reference = getattr(record, field_name, None)
            if reference.__class__ is tuple:
                for position, each in enumerate(reference):
                    if each.__class__ is not str or each not in known_good:
                        check_reference(each, f"{collection_name}[{index}].{field_name}[{position}]")
            elif reference.__class__ is not str or reference not in known_good:
                check_reference(reference, f"{collection_name}[{index}].{field_name}")


@record_check("sources", partial=True)
def _citations(values: Any, problems: list[ErrorDetail]) -> None:
    """Source ids are unique, and every record cites declared sources."""
    sources = list(_indexed(values, "sources"))
    check_unique(((f"sources[{i}].id", getattr(s, "id", None)) for i, s in sources), "source", problems)
    declared_sources = {getattr(s, "id", None) for _, s in sources}
    for position, source_id in _indexed(values, "profile_sources"):
        if isinstance(source_id, str) and source_id not in declared_sources:
            problems.append(
                ErrorDetail(
                    path=f"profile_sources[{position}]",
                    message=f"cites source {quoted(source_id)}, which is not declared in 'sources'",
                )
            )
    for collection_name in _CITING:
        for index, record in _indexed(values, collection_name):
            cited = getattr(record, "sources", ())
            try:
                if cited.__class__ is tuple and declared_sources.issuperset(cited):
                    continue
            except TypeError:  # an item that is not text: reported by the record's own check
                pass
            for position, source_id in enumerate(cited if isinstance(cited, tuple) else ()):
                if isinstance(source_id, str) and source_id not in declared_sources:
                    problems.append(
                        ErrorDetail(
                            path=f"{collection_name}[{index}].sources[{position}]",
                            message=f"cites source {quoted(source_id)}, which is not declared in 'sources'",
                        )
                    )


@record_check(*(name for name, _, _ in _LINKS), partial=True)
def _record_links(values: Any, problems: list[ErrorDetail]) -> None:
    """Ids are unique in each collection; ``follows`` and ``disputes`` name a record of the same collection.

    A mandate follows an earlier one (never one that takes effect certainly later), and the
    ``follows`` links form no cycle.
    """
    for collection, field, noun in _LINKS:
        records = [(i, r) for i, r in _indexed(values, collection) if hasattr(r, "id") and hasattr(r, field)]
        check_unique(((f"{collection}[{i}].id", r.id) for i, r in records), noun, problems)
        by_id = {r.id: r for _, r in records if isinstance(r.id, str)}
        for index, record in records:
            target_id = getattr(record, field)
            if not isinstance(target_id, str):
                continue
            path = f"{collection}[{index}].{field}"
            target = by_id.get(target_id)
            if target is None:
                problems.append(ErrorDetail(path=path, message=f"names {noun} {target_id!r}, which no {noun} has as its 'id'"))
            elif (
                collection == "mandates"
                and isinstance(record, Mandate)
                and isinstance(target, Mandate)
                and effective_date(record) is not None
                and certainly_before(effective_date(record), effective_date(target))
            ):
                problems.append(
                    ErrorDetail(
                        path=path,
                        message=f"follows mandate {target_id!r}, which takes effect later ({effective_date(target)})",
                    )
                )
    mandates = {m.id: m for _, m in _indexed(values, "mandates") if isinstance(m, Mandate) and m.id is not None}
    reported: set[str] = set()
    for start in mandates.values():
        seen: list[str] = []
        current: Mandate | None = start
        while current is not None and current.id is not None and current.id not in seen:
            seen.append(current.id)
            current = mandates.get(current.follows) if current.follows is not None else None
        if current is not None and current.id in seen and current.id not in reported:
            cycle = seen[seen.index(current.id) :]
            reported.update(cycle)
            index = next(i for i, m in _indexed(values, "mandates") if getattr(m, "id", None) == min(cycle))
            names = " -> ".join(repr(name) for name in [*cycle, cycle[0]])
            problems.append(
                ErrorDetail(path=f"mandates[{index}].follows", message=f"the mandates follow one another in a cycle ({names})")
            )


@record_check("appointments", partial=True)
def _one_holder_at_a_time(values: Any, problems: list[ErrorDetail]) -> None:
    """No two holders of a single-holder post at the same time (see `missionmodel.timeline`).

    An alternative account (an appointment that ``disputes`` another) is not checked: it
    contradicts the account it names on purpose.
    """
    listed = values.appointments
    appointments = [
        a if isinstance(a, Appointment) and a.disputes is None else None for a in (listed if isinstance(listed, tuple) else ())
    ]
    pairs, total = conflicting_terms(appointments, limit=_MOST_CONFLICTS)
    for i, j in pairs:
        first, second = appointments[i], appointments[j]
        assert first is not None and second is not None  # conflicting_terms skips unreadable records
        problems.append(
            ErrorDetail(
                path=f"appointments[{j}]",
                message=(
                    f"{quoted(second.holder)} holds {second.post.value!r} at the same time as"
                    f" {quoted(first.holder)} (appointments[{i}])"
                ),
            )
        )
    if total > len(pairs):
        problems.append(
            ErrorDetail(
                path="appointments",
                message=f"{total - len(pairs):,} more pairs of appointments hold one post at the same time",
            )
        )


@record_check("contributions", partial=True)
def _claim_links(values: Any, problems: list[ErrorDetail]) -> None:
    """Check contribution ids (unique) and ``supersedes`` (names a claim of the same contributor)."""
    linked = [
        (i, c)
        for i, c in _indexed(values, "contributions")
        if isinstance(c, Contribution) and (c.id is not None or c.supersedes is not None)
    ]
    check_unique(((f"contributions[{i}].id", c.id) for i, c in linked if c.id is not None), "contribution", problems)
    by_id = {c.id: c for _, c in linked if c.id is not None}
    for index, claim in linked:
        if claim.supersedes is None:
            continue
        target = by_id.get(claim.supersedes)
        path = f"contributions[{index}].supersedes"
        if target is None:
            problems.append(
                ErrorDetail(path=path, message=f"names claim {claim.supersedes!r}, which no contribution has as its 'id'")
            )
        elif target.contributor != claim.contributor:
            problems.append(
                ErrorDetail(
                    path=path,
                    message=f"names claim {claim.supersedes!r} of {target.contributor!r}, not of {claim.contributor!r}",
                )
            )
    _claim_cycles(linked, by_id, problems)


def _claim_cycles(linked: list[tuple[int, Any]], by_id: dict[str, Any], problems: list[ErrorDetail]) -> None:
    """Report each cycle of ``supersedes`` links once (a cycle would leave no claim current)."""
    index_of = {id(claim): index for index, claim in linked}
    state: dict[int, int] = {}  # 1: on the current walk, 2: done
    for _, start in linked:
        walk = []
        claim = start
        while claim is not None and state.get(id(claim)) is None:
            state[id(claim)] = 1
            walk.append(claim)
            claim = by_id.get(claim.supersedes) if claim.supersedes is not None else None
        if claim is not None and state.get(id(claim)) == 1:
            cycle = walk[walk.index(claim) :]
            first = min(cycle, key=lambda c: index_of[id(c)])
            names = " -> ".join(repr(c.id) for c in [*cycle, cycle[0]])
            problems.append(
                ErrorDetail(
                    path=f"contributions[{index_of[id(first)]}].supersedes",
                    message=f"the claims supersede one another in a cycle ({names}), so none of them would be current",
                )
            )
        for walked in walk:
            state[id(walked)] = 2


_R = TypeVar("_R")


def _unlinked(records: list[_R], field: str) -> tuple[_R, ...]:
    """``records`` with each link to a record not among them removed (for `Mission.as_of`)."""
    ids: set[object] = {getattr(record, "id", None) for record in records} - {None}
    unlink: dict[str, Any] = {field: None}
    return tuple(
        attrs.evolve(record, **unlink) if getattr(record, field) not in (None, *ids) else record  # type: ignore[misc]
        for record in records
    )


def _accounts_of_known(records: list[_R]) -> tuple[_R, ...]:
    """``records`` without the accounts that dispute a record not among them (for `Mission.as_of`).

    An account that disputes a record not yet known is not known either: kept, it would stand
    alone as the only account (and, for an appointment, the queries would follow it).
    """
    kept = list(records)
    while True:
        ids: set[object] = {getattr(record, "id", None) for record in kept} - {None}
        left = [record for record in kept if getattr(record, "disputes", None) in (None, *ids)]
        if len(left) == len(kept):
            return tuple(left)
        kept = left


def slug_of(text: str) -> str:
    """Return ``text`` as a lower-case slug: letters and digits, runs of anything else as one hyphen.

    Args:
        text: E.g. an acronym such as ``"MINUSMA"``.

    Example:
        >>> slug_of("UN Mission/Haiti 2")
        'un-mission-haiti-2'
    """
    return "-".join(part for part in re.split(r"[^a-z0-9]+", text.lower()) if part) if isinstance(text, str) else text


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
        mandates: Its mandates, oldest first; renewals name the mandate they follow.
        contributions: Contributions, one claim each.
        personnel: Figures reported for the mission's personnel as a whole, planned or actual.
        appointments: Who held which post.
        positions: Stakeholders' stances.
        coverage: What the data cover, miss, or hold only unconfirmed (see
            `missionmodel.coverage`).
        fatalities: Its personnel who died in service, one record each.
        fatality_counts: Counts of its dead as reported (cumulative, as of a date).
        budgets: Its budgets, one figure per record.
        events: Its timeline: what happened when, where, and who took part.
        sites: Where its personnel were deployed, one record per place and date (see `Site`).
        actors: Actors referred to that are not states known by their code.
        sources: Every source cited.

    Example:
        >>> Mission(id="unifil", name="United Nations Interim Force in Lebanon",
        ...         kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
        ...         countries=["LBN"]).countries
        ('LBN',)
    """

    id: str = attrs.field(metadata=checked(check_slug))
    name: str
    kind: MissionKind
    status: MissionStatus
    acronym: str | None = None
    area: str | None = None
    countries: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple, metadata=checked(check_country))
    headquarters: Place | None = attrs.field(default=None, converter=optional_place)
    location: Place | None = attrs.field(default=None, converter=optional_place)
    established: PartialDate | None = attrs.field(default=None, converter=optional_date)
    ended: PartialDate | None = attrs.field(default=None, converter=optional_date)
    lead: str | None = attrs.field(default=None, metadata=checked(check_actor_id))
    profile_sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    coverage: tuple[CoverageNote, ...] = attrs.field(factory=tuple, converter=as_tuple)
    mandates: tuple[Mandate, ...] = attrs.field(factory=tuple, converter=as_tuple)
    contributions: tuple[Contribution, ...] = attrs.field(factory=tuple, converter=as_tuple)
    personnel: tuple[PersonnelFigure, ...] = attrs.field(factory=tuple, converter=as_tuple)
    appointments: tuple[Appointment, ...] = attrs.field(factory=tuple, converter=as_tuple)
    positions: tuple[Position, ...] = attrs.field(factory=tuple, converter=as_tuple)
    fatalities: tuple[Fatality, ...] = attrs.field(factory=tuple, converter=as_tuple)
    fatality_counts: tuple[FatalityCount, ...] = attrs.field(factory=tuple, converter=as_tuple)
    budgets: tuple[Budget, ...] = attrs.field(factory=tuple, converter=as_tuple)
    events: tuple[Event, ...] = attrs.field(factory=tuple, converter=as_tuple)
    sites: tuple[Site, ...] = attrs.field(factory=tuple, converter=as_tuple)
    actors: tuple[Actor, ...] = attrs.field(factory=tuple, converter=as_tuple)
    sources: tuple[Source, ...] = attrs.field(factory=tuple, converter=as_tuple)

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (
        period("established", "ended"),
        _actor_references,
        _citations,
        _claim_links,
        _record_links,
        _one_holder_at_a_time,
    )

    def __attrs_post_init__(self) -> None:
        validate(self)

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
        raise KeyError(f"no source {quoted(source_id)} in mission {self.id!r}")

    def sources_of(
        self,
        record: Mandate
        | Contribution
        | Appointment
        | Position
        | Fatality
        | FatalityCount
        | Budget
        | Event
        | Site
        | PersonnelFigure
        | CoverageNote,
    ) -> tuple[Source, ...]:
        """Return the `Source` objects that ``record`` cites.

        Args:
            record: A record of this mission.
        """
        return tuple(self.source(source_id) for source_id in record.sources)

    # --- contributions --------------------------------------------------------------------

    def contributors(
        self,
        status: ContributionStatus | str | None = None,
        kind: ContributionKind | str | None = None,
        on: DateLike | None = None,
    ) -> tuple[str, ...]:
        """Return the contributors whose current claim has ``status``, in order of first mention.

        Claims are resolved as `missionmodel.claims` says: a contributor that pledged and then
        declined is not a contributor of pledged troops.

        Args:
            status: The status of the current claim; None for any active status (not declined,
                withdrawn or suspended).
            kind: Only contributions of this kind.
            on: The date asked about; None for the latest claims.

        Raises:
            ValidationError: If ``status`` or ``kind`` is not a known value.
        """
        from . import claims

        if on is not None:
            warn_if_uncovered(self, Topic.CONTRIBUTIONS, date_argument(on), "contributors")
        return claims.contributors(self.contributions, status, kind, on)

    def contributions_of(self, contributor: str) -> tuple[Contribution, ...]:
        """Return every claim about one contributor, current or not, in recorded order.

        Args:
            contributor: Its actor id, e.g. ``"IDN"``.
        """
        return tuple(c for c in self.contributions if c.contributor == contributor)

    def latest_claims(
        self,
        status: ContributionStatus | str | None = None,
        kind: ContributionKind | str | None = None,
        on: DateLike | None = None,
    ) -> tuple[Claim, ...]:
        """Return the current claim for each contributor and kind on ``on``, optionally filtered.

        The current claim is the latest, whatever its status; the filters apply after, so a
        superseded claim never comes back. Same-time claims of one status are combined (their
        strengths into the covering range); of different statuses, each is returned, marked
        ``disputed``. See `missionmodel.claims`.

        Args:
            status: Only current claims with this status (any status, declined included, when None).
            kind: Only contributions of this kind.
            on: The date asked about; None for the latest claims.

        Raises:
            ValidationError: If ``status`` or ``kind`` is not a known value.
        """
        from . import claims

        if on is not None:
            warn_if_uncovered(self, Topic.CONTRIBUTIONS, date_argument(on), "latest_claims")
        return claims.latest_claims(self.contributions, status, kind, on)

    def standings(self, on: DateLike | None = None) -> tuple[Standing, ...]:
        """Return where each contributor's contribution of each kind stands on ``on``.

        Args:
            on: The date asked about; None for the latest claims.
        """
        from . import claims

        if on is not None:
            warn_if_uncovered(self, Topic.CONTRIBUTIONS, date_argument(on), "standings")
        return claims.standings(self.contributions, on)

    def total_strength(
        self,
        status: ContributionStatus | str | None = None,
        kind: ContributionKind | str | None = None,
        on: DateLike | None = None,
    ) -> Strength:
        """Add up the personnel of the current claims on ``on``, optionally of one status and kind.

        Each contingent counts once, from its current claim; funding and logistics are left out;
        a disputed claim counts from 0 up to its upper bound. See `missionmodel.claims`.

        Args:
            status: Count current claims with this status; None counts the active ones (not
                declined, withdrawn or suspended).
            kind: Only this kind of personnel.
            on: The date asked about; None for the latest claims.

        Returns:
            The total, with its uncertainty; exactly 0 when nothing counts.

        Raises:
            ValidationError: If ``status`` or ``kind`` is not a known value, or ``kind`` is not
                personnel.
        """
        from . import claims

        if on is not None:
            warn_if_uncovered(self, Topic.CONTRIBUTIONS, date_argument(on), "total_strength")
        return claims.total_strength(self.contributions, status, kind, on)

    def pledge_gaps(self, on: DateLike | None = None) -> tuple[PledgeGap, ...]:
        """Per contributor and kind of personnel, the latest pledge against what is deployed on ``on``.

        Args:
            on: The date asked about; None for the latest claims.
        """
        from . import claims

        return claims.pledge_gaps(self.contributions, on)

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
            on: Only figures known by this date (undated figures count as the oldest); all when None.
            personnel: Only figures that count exactly these kinds of personnel (an empty list:
                figures of all personnel); figures of any personnel when None.

        Returns:
            The most recent such figure, or None.
        """
        wanted_kind = member(FigureKind, kind, "kind")
        wanted = None if personnel is None else frozenset(member(ContributionKind, p, "personnel") for p in personnel)
        figures = [
            f
            for f in self.personnel
            if f.kind is wanted_kind and known_by(f.as_of, on) and (wanted is None or frozenset(f.personnel) == wanted)
        ]
        ordered = latest_first(figures, lambda f: f.as_of)
        return ordered[0] if ordered else None

    def positions_by(self, stance: Stance | str, on: DateLike | None = None) -> tuple[Position, ...]:
        """Return the positions with ``stance``, in recorded order.

        Args:
            stance: The stance, e.g. `Stance.OPPOSES`.
            on: Only positions known by this date (undated ones always); all when None.
        """
        wanted = member(Stance, stance, "stance")
        return tuple(p for p in self.positions if p.stance is wanted and known_by(p.date, on))

    def mandate_on(self, day: DateLike) -> Mandate | None:
        """Return the mandate in force on ``day``, following the chain of renewals.

        Mandates succeed one another: the one in force is the one that took effect last by
        ``day`` (its start, else its adoption; undated mandates count as the oldest), provided
        its end, its last day in force, is not before ``day``. A later mandate supersedes an
        earlier one even when the earlier one gives no end. When the mandate that took effect
        last has ended but a later recorded mandate follows it (through ``follows`` links), the
        mandate was renewed by instruments not recorded: it is returned, with a
        `CoverageWarning` saying so. A date before the mandates' data begin warns too. See
        `missionmodel.timeline` and `missionmodel.coverage`.

        Args:
            day: The date, as a `PartialDate`, ISO text or `datetime.date`.

        Returns:
            The mandate, or None if none was in force.
        """
        when = date_argument(day, "day")
        return self._mandate_in_force(when, "mandate_on")

    def _mandate_in_force(self, when: PartialDate, what: str) -> Mandate | None:
        warned = warn_if_uncovered(self, Topic.MANDATES, when, what)
        found, continued_by = mandate_in_force(self.mandates, when)
        if found is not None and continued_by is not None and not warned:
            from .coverage import warn

            name = self.acronym or self.id
            message = (
                f"{name}: {what} on {when}: {found.authority} ended on {found.end}, and the next mandate recorded in its"
                f" chain is {continued_by.authority} ({effective_date(continued_by)}); the renewals between are not"
                " recorded, so the mandate of the chain recorded last is returned"
            )
            warn(message)
        return found

    def mandate_chain(self, mandate: Mandate | str) -> tuple[Mandate, ...]:
        """Return the chain of mandates that ``mandate`` renews or adjusts, the first first, ending with it.

        Args:
            mandate: A mandate of this mission, or its ``id``.

        Raises:
            KeyError: If no mandate has that id.
        """
        if isinstance(mandate, str):
            found = [m for m in self.mandates if m.id == mandate]
            if not found:
                raise KeyError(f"no mandate {mandate!r} in mission {self.id!r}")
            mandate = found[0]
        return mandate_chain(self.mandates, mandate)

    def tasks_on(self, day: DateLike) -> tuple[Task, ...]:
        """Return the tasks in force on ``day``: those of the mandate in force and carried along its chain.

        Each mandate of the chain, from the first, adds its ``tasks`` and removes its
        ``drops``; a renewal that lists no task carries them all over.

        Args:
            day: The date.

        Returns:
            The tasks, in the order they were first given; empty if no mandate was in force.
        """
        found = self._mandate_in_force(date_argument(day, "day"), "tasks_on")
        return () if found is None else carried_over(mandate_chain(self.mandates, found))[0]

    def authorized_strength_on(self, day: DateLike) -> Ceiling | None:
        """Return the personnel ceiling in force on ``day``, carried across renewals that do not change it.

        The ceiling is the one set last along the chain of the mandate in force (see
        `mandate_on`): a renewal that gives no ``authorized_strength`` keeps the one before.

        Args:
            day: The date.

        Returns:
            The `Ceiling` (its strength, whether it is approximate, and the mandate that set
            it), or None if no mandate in force sets one.

        Example:
            >>> from missionmodel import datasets
            >>> str(datasets.load("unifil").authorized_strength_on("2010-01-01"))
            'up to 15,000'
        """
        found = self._mandate_in_force(date_argument(day, "day"), "authorized_strength_on")
        return None if found is None else carried_over(mandate_chain(self.mandates, found))[1]

    def latest_mandate(self) -> Mandate | None:
        """Return the mandate that took effect last (undated mandates count as the oldest), or None."""
        ordered = latest_first(self.mandates, effective_date)
        return ordered[0] if ordered else None

    def holder_on(self, post: Post | str, day: DateLike) -> Appointment | None:
        """Return the appointment of whoever held ``post`` on ``day``.

        For a post with one holder at a time, the term that began last by ``day``, unless it
        had ended: a later holder ends an earlier term whose end was not reported, and on a
        handover day the successor holds the post. For a post with several holders, the one
        that began last (see `holders_on` for all). See `missionmodel.timeline`.

        Args:
            post: The post, e.g. `Post.FORCE_COMMANDER`.
            day: The date.

        Returns:
            The appointment, or None.
        """
        held = self.holders_on(post, day)
        return held[0] if held else None

    def holders_on(self, post: Post | str, day: DateLike) -> tuple[Appointment, ...]:
        """Return the appointments of everyone who may hold ``post`` on ``day``, the latest begun first.

        Args:
            post: The post, e.g. `Post.DEPUTY_HEAD_OF_MISSION`.
            day: The date.
        """
        wanted, when = member(Post, post, "post"), date_argument(day, "day")
        warn_if_uncovered(self, Topic.APPOINTMENTS, when, f"holders_on({wanted.value!r})")
        return holders_on((a for a in self.appointments if a.disputes is None), wanted, when)

    def as_of(self, day: DateLike) -> Mission:
        """Return the mission as it stood on ``day``: only what was known or in place by then.

        Records are kept when `missionmodel.timeline.known_by` says they were known on ``day``
        (undated records always): mandates that had not taken effect, contributions reported
        later, appointments not yet begun, positions taken later and sites shown later are left
        out. Queries of the result agree with the same queries asked with ``on=day``. A mission that closed after
        ``day`` is shown as active, without its end date; a kept claim that supersedes one
        reported later loses the link. An account that disputes a record left out is left out
        with it.

        Args:
            day: The date.
        """
        when = date_argument(day, "day")
        ended = self.ended if self.ended is not None and known_by(self.ended, when) else None
        status = self.status
        if self.ended is not None and ended is None and status is MissionStatus.CLOSED:
            status = MissionStatus.ACTIVE
        contributions = [c for c in self.contributions if known_by(c.as_of, when)]
        kept_ids = {c.id for c in contributions if c.id is not None}
        contributions = [
            attrs.evolve(c, supersedes=None) if c.supersedes is not None and c.supersedes not in kept_ids else c
            for c in contributions
        ]
        appointments = _accounts_of_known([a for a in self.appointments if known_by(a.start, when)])
        events = _accounts_of_known([e for e in self.events if known_by(e.date, when)])
        budgets = _accounts_of_known([b for b in self.budgets if known_by(b.decided or b.start, when)])
        counts = _accounts_of_known([c for c in self.fatality_counts if known_by(c.as_of, when)])
        return attrs.evolve(
            self,
            status=status,
            ended=ended,
            mandates=_unlinked([m for m in self.mandates if known_by(effective_date(m), when)], "follows"),
            contributions=tuple(contributions),
            personnel=tuple(f for f in self.personnel if known_by(f.as_of, when)),
            appointments=appointments,
            positions=tuple(p for p in self.positions if known_by(p.date, when)),
            fatalities=tuple(f for f in self.fatalities if known_by(f.date, when)),
            fatality_counts=counts,
            budgets=budgets,
            events=events,
            sites=tuple(s for s in self.sites if known_by(s.as_of, when)),
        )

    def confirmed_only(self) -> Mission:
        """Return the mission without its unconfirmed records (those with ``unconfirmed=True``).

        Claims, appointments, positions, figures, mandates, budgets, counts and events that only
        one weak source reports, or that sources dispute, are left out; links to them are
        removed. Ask a question of the result to answer it from confirmed reports only.

        Example:
            >>> from missionmodel import datasets
            >>> isf = datasets.load("isf")
            >>> any(c.unconfirmed for c in isf.confirmed_only().contributions)
            False
        """
        kept: dict[str, Any] = {}
        for name in (
            "contributions",
            "personnel",
            "positions",
            "mandates",
            "appointments",
            "budgets",
            "fatality_counts",
            "events",
        ):
            records = [r for r in getattr(self, name) if not r.unconfirmed]
            if name == "contributions":
                ids = {c.id for c in records if c.id is not None}
                kept[name] = tuple(
                    attrs.evolve(c, supersedes=None) if c.supersedes is not None and c.supersedes not in ids else c
                    for c in records
                )
            elif name == "mandates":  # a link to a mandate left out goes to the one that mandate follows
                left_out = {m.id: m.follows for m in self.mandates if m.unconfirmed and m.id is not None}
                relinked = []
                for mandate in records:
                    target, seen = mandate.follows, set()
                    while target in left_out and target not in seen:
                        seen.add(target)
                        target = left_out[target]
                    relinked.append(mandate if target == mandate.follows else attrs.evolve(mandate, follows=target))
                kept[name] = _unlinked(relinked, "follows")
            elif name in ("appointments", "budgets", "fatality_counts", "events"):
                kept[name] = _unlinked(records, "disputes")
            else:
                kept[name] = tuple(records)
        return attrs.evolve(self, **kept)

    # --- reading it ---------------------------------------------------------------------------

    def __repr__(self) -> str:
        """One short line: the id, the name, kind and status, and how many main records it holds.

        Example:
            >>> Mission(id="isf", name="International Stabilization Force", kind=MissionKind.STABILIZATION,
            ...         status=MissionStatus.AUTHORIZED)
            <Mission isf: International Stabilization Force (stabilization, authorized)>
        """
        name = self.name if len(self.name) <= 80 else self.name[:77] + "..."
        counts = [
            f"{len(records):,} {noun if len(records) == 1 else plural}"
            for records, noun, plural in (
                (self.mandates, "mandate", "mandates"),
                (self.contributions, "contribution", "contributions"),
                (self.appointments, "appointment", "appointments"),
                (self.positions, "position", "positions"),
                (self.fatalities, "fatality", "fatalities"),
                (self.sites, "site", "sites"),
            )
            if records
        ]
        state = f"{self.kind.value.replace('_', ' ')}, {self.status.value.replace('_', ' ')}"
        return f"<Mission {self.id}: {name} ({state}{'; ' + ', '.join(counts) if counts else ''})>"

    def __str__(self) -> str:
        """The readable summary of everything recorded: ``summary()``."""
        return self.summary()

    def summary(self, on: DateLike | None = None) -> str:
        """Describe the mission in a few lines of text: what ``missionmodel show`` prints.

        In order: its name, kind and status, lead, area, countries, headquarters and dates; the
        mandate in force on ``on`` (the latest recorded when ``on`` is None) with its vote, its
        chain of renewals, and the personnel ceiling and tasks carried along it; who held each
        post (acting holders and disputed accounts marked); the contributors by the status of
        their current claim (claims resolved as `missionmodel.claims` says: a pledge later
        declined is listed as declined only; unconfirmed claims marked), with the total personnel
        of each active status; the latest personnel figures; the positions by stance; the latest
        budget, the latest reported fatality count and the last five events; the coverage notes;
        and how many sources and records it has. A date before the data of a topic begin, or in a
        gap of the data, is noted. ``str(mission)`` is ``mission.summary()``.

        Args:
            on: Describe the mission as it stood on this date (see `as_of`); None for everything
                recorded.

        Returns:
            The text, ending in a newline.

        Raises:
            ValidationError: If ``on`` is not a date.

        Example:
            >>> from missionmodel import Authority, AuthorityKind, Contribution, ContributionKind, ContributionStatus
            >>> pledged, declined = ContributionStatus.PLEDGED, ContributionStatus.DECLINED
            >>> isf = Mission(
            ...     id="isf", name="International Stabilization Force", acronym="ISF",
            ...     kind=MissionKind.STABILIZATION, status=MissionStatus.AUTHORIZED, countries=["PSE"],
            ...     mandates=[Mandate(authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL,
            ...                                           body="UN Security Council", instruments=["S/RES/2803 (2025)"]),
            ...                       start="2025-11-17", end="2027-12-31")],
            ...     appointments=[Appointment(post=Post.FORCE_COMMANDER, holder="USA", start="2026-01-16")],
            ...     contributions=[
            ...         Contribution(contributor="IDN", kind=ContributionKind.TROOPS, status=pledged,
            ...                      strength="up to 8,000", as_of="2026-02-19"),
            ...         Contribution(contributor="JOR", kind=ContributionKind.TROOPS, status=declined, as_of="2026-02")])
            >>> print(isf.summary(on="2026-03-01"), end="")
            ISF: International Stabilization Force
            stabilization, authorized; as it stood on 2026-03-01
            <BLANKLINE>
            Mission
              countries  Palestine, State of (PSE)
            <BLANKLINE>
            Mandate in force on 2026-03-01
              instrument  S/RES/2803 (2025) (UN Security Council)
              in force    from 2025-11-17 to 2027-12-31
              ceiling     none recorded
            <BLANKLINE>
            Command on 2026-03-01
              force commander  United States (from 2026-01-16)
            <BLANKLINE>
            Contributors (the current claim of each, on 2026-03-01)
              pledged   1 contributor; personnel in all: up to 8,000
                          Indonesia, troops: up to 8,000 (2026-02-19)
              declined  1 contributor
                          Jordan, troops (2026-02)
            <BLANKLINE>
            Records (of all dates)
              sources              0
              mandates             1
              contribution claims  2
              appointments         1
        """
        from ._summary import summarise, text

        return text(summarise(self, on))

    def _repr_html_(self) -> str:
        """The summary as an HTML table, which Jupyter shows for a mission."""
        from ._summary import summarise, to_html

        return to_html(summarise(self))
