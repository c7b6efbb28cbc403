"""How claims are resolved: which contribution claim is current on a date, and what it adds up to.

A `Contribution` is one claim, by one source, about one contributor's contribution of one kind at
one time. Claims evolve: Indonesia offered 5,000 to 8,000 troops for the ISF (15 Feb 2026),
pledged up to 8,000 (19 Feb) and suspended its deployment (17 Mar). Every question asked of
contributions (the `Mission` queries, `compare`, `missionmodel.series`, `missionmodel.tables`)
is answered by the rules in this module, and only here:

1. **Per contributor and kind, the latest claim is current**, whatever its status: a later
   ``declined``, ``withdrawn`` or ``suspended`` ends a pledge or a deployment, and a newer
   ``deployed`` figure replaces the older one. "Later" follows `missionmodel.timeline`: a claim
   is superseded only by one that is certainly later; claims whose dates overlap ("2026-02" and
   "2026-02-19") are reports of the same time. Undated claims are older than any dated claim.
   Only claims known by the date asked about (``on=``) take part.
2. **An explicit link wins over dates.** A claim may carry an ``id``, and a later report may name
   it in ``supersedes`` (when a source says that it replaces the earlier one, even for another
   kind: Kazakhstan's clarification that it sends no combat contingent). A superseded claim never
   counts once the claim that supersedes it is known.
3. **Same time, same status: one claim.** Their strengths are combined into the range that
   covers them all, citing every source.
4. **Same time, different status: a dispute.** Each status keeps its own claim, marked as
   disputed; in a total filtered by status, a disputed claim counts from 0 up to its upper bound
   (a pledge of 500 disputed by a same-day decline adds "up to 500").
5. **Totals count personnel only**, once per contingent: funding and logistics are not people;
   with no status given, only claims that are neither declined, withdrawn nor suspended count
   (see `ContributionStatus.is_active`). A contributor's police reported at one stage (sharing a
   status) both as ``police`` and split into ``formed_police_units`` and ``individual_police``
   are the same people: the split counts, unless the ``police`` claim is certainly later than
   every split one.
6. **A deployment not in a later count may have ended.** A count of a mission's contingents is
   a date on which two or more contributors' deployed personnel are reported (the composition of
   UNIFIL on 3 June 1982, its largest contingents on 23 November 2024, a month of the UN's
   figures). A contributor's current deployment that is certainly older than the latest such
   count, and absent from it, is still its current claim, but it may have ended since: it is
   marked (`Standing.absent_from`) and counts from 0 up to its upper bound, as a disputed claim
   does. Without it, a historical dataset would add Senegal's battalion of 1982 to the force of
   2024.
7. **Unconfirmed claims take part like the others**, marked: a report that only one weak source
   gives (Morocco's reported arrival in Gaza, June 2026) is the latest report, and a reader should
   see it, with its mark (`Claim.unconfirmed`, `Standing.unconfirmed`). To answer from confirmed
   reports only, ask the same question of `Mission.confirmed_only()`.

Example:
    >>> from missionmodel import Contribution, ContributionKind, ContributionStatus, Strength
    >>> history = [
    ...     Contribution(contributor="IDN", kind=ContributionKind.TROOPS, status=ContributionStatus.OFFERED,
    ...                  strength=Strength.between(5000, 8000), as_of="2026-02-15"),
    ...     Contribution(contributor="IDN", kind=ContributionKind.TROOPS, status=ContributionStatus.PLEDGED,
    ...                  strength=Strength.at_most(8000), as_of="2026-02-19"),
    ...     Contribution(contributor="IDN", kind=ContributionKind.TROOPS, status=ContributionStatus.SUSPENDED,
    ...                  as_of="2026-03-17"),
    ... ]
    >>> [c.status.value for c in latest_claims(history, on="2026-02-17")]
    ['offered']
    >>> str(total_strength(history, on="2026-02-28")), str(total_strength(history))
    ('up to 8,000', '0')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from ._checks import member
from .contribution import Contribution, ContributionKind, ContributionStatus
from .dates import DateLike, PartialDate
from .exceptions import ErrorDetail, ValidationError
from .strength import Strength
from .timeline import certainly_before, date_argument, known_by, latest_first, newest

__all__ = [
    "Claim",
    "PledgeGap",
    "Standing",
    "contributors",
    "latest_claims",
    "personnel",
    "pledge_gaps",
    "standings",
    "total_strength",
]

_ZERO = Strength.exact(0)
_PLEDGES = frozenset({ContributionStatus.PLEDGED, ContributionStatus.APPROVED, ContributionStatus.CONFIRMED})


def _union(values: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for value in values for item in value))


def _gender(records: Sequence[Contribution]) -> tuple[int | None, int | None]:
    """The women and men that the reports giving them agree on (silent reports do not disagree).

    Taken as a pair from one report, so that it fits that report's strength and hence the
    covering range; reports that disagree give neither.
    """
    given = {(r.female, r.male) for r in records if r.female is not None or r.male is not None}
    return given.pop() if len(given) == 1 else (None, None)


def _merge(records: Sequence[Contribution]) -> Contribution:
    """One claim from same-time, same-status records: the covering range, every source."""
    if len(records) == 1:
        return records[0]
    strength = records[0].strength
    for record in records[1:]:
        strength = strength.hull(record.strength)
    dated = [r.as_of for r in records if r.as_of is not None]
    female, male = _gender(records)
    return attrs.evolve(
        records[0],
        id=None,
        supersedes=None,
        strength=strength,
        female=female,
        male=male,
        as_of=max(dated) if dated else None,
        role=next((r.role for r in records if r.role is not None), None),
        caveats=_union(r.caveats for r in records),
        unconfirmed=all(r.unconfirmed for r in records),
        note=next((r.note for r in records if r.note is not None), None),
        sources=_union(r.sources for r in records),
    )


@attrs.frozen(slots=True, kw_only=True)
class Claim:
    """A current claim: what the latest reports say of one contributor's contribution of one kind.

    Attributes:
        contribution: The claim as one record: the report itself, or the same-time, same-status
            reports combined (the range covering their strengths, all their sources).
        records: The reports it rests on, in recorded order.
        disputed_by: Reports of the same time that give another status (empty when undisputed).

    Example:
        >>> from missionmodel import Contribution, ContributionKind, ContributionStatus
        >>> pledge = Contribution(contributor="JOR", kind=ContributionKind.TROOPS,
        ...                       status=ContributionStatus.PLEDGED, as_of="2026-02")
        >>> claim = Claim(contribution=pledge, records=(pledge,))
        >>> claim.status.value, claim.disputed
        ('pledged', False)
    """

    contribution: Contribution
    records: tuple[Contribution, ...]
    disputed_by: tuple[Contribution, ...] = ()

    @property
    def contributor(self) -> str:
        """The contributor's actor id."""
        return self.contribution.contributor

    @property
    def kind(self) -> ContributionKind:
        """What is contributed."""
        return self.contribution.kind

    @property
    def status(self) -> ContributionStatus:
        """The status this claim gives."""
        return self.contribution.status

    @property
    def strength(self) -> Strength:
        """How many, as this claim says (for a disputed claim, if it is the true one)."""
        return self.contribution.strength

    @property
    def as_of(self) -> PartialDate | None:
        """When the claim was true."""
        return self.contribution.as_of

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources of every report it rests on."""
        return self.contribution.sources

    @property
    def disputed(self) -> bool:
        """True when reports of the same time give another status."""
        return bool(self.disputed_by)

    @property
    def unconfirmed(self) -> bool:
        """True when every report it rests on is unconfirmed (see `Contribution.unconfirmed`)."""
        return self.contribution.unconfirmed


@attrs.frozen(slots=True, kw_only=True)
class Standing:
    """Where one contributor's contribution of one kind stands on a date: its current claim or claims.

    Attributes:
        contributor: The contributor's actor id.
        kind: What is contributed.
        claims: The current claims, one per status in lifecycle order; two or more when
            same-time reports disagree on the status (a dispute).
        absent_from: The date of a later count of the mission's contingents that does not
            list this deployment (rule 6): it may have ended, and counts from 0. None otherwise.

    Example:
        >>> from missionmodel import Contribution, ContributionKind, ContributionStatus
        >>> pledge = Contribution(contributor="JOR", kind=ContributionKind.TROOPS,
        ...                       status=ContributionStatus.PLEDGED, strength=500, as_of="2026-02")
        >>> decline = attrs.evolve(pledge, status=ContributionStatus.DECLINED, strength="unknown")
        >>> [standing] = standings([pledge, decline])
        >>> standing.disputed, str(standing.counted(ContributionStatus.PLEDGED))
        (True, 'up to 500')
    """

    contributor: str
    kind: ContributionKind
    claims: tuple[Claim, ...]
    absent_from: PartialDate | None = None

    @property
    def disputed(self) -> bool:
        """True when the current reports disagree on the status."""
        return len(self.claims) > 1

    @property
    def unconfirmed(self) -> bool:
        """True when a current claim is unconfirmed."""
        return any(claim.unconfirmed for claim in self.claims)

    @property
    def statuses(self) -> tuple[ContributionStatus, ...]:
        """The statuses the current claims give, in lifecycle order."""
        return tuple(claim.status for claim in self.claims)

    @property
    def as_of(self) -> PartialDate | None:
        """The newest date of the current claims."""
        dated = [claim.as_of for claim in self.claims if claim.as_of is not None]
        return max(dated) if dated else None

    def has(self, status: ContributionStatus | None) -> bool:
        """Tell whether a current claim has ``status`` (None: an active status, see `ContributionStatus.is_active`).

        Args:
            status: The status, or None.
        """
        return any(_matches(claim.status, status) for claim in self.claims)

    def counted(self, status: ContributionStatus | None = None) -> Strength:
        """What this contingent adds to a total of claims with ``status``.

        Each current claim gives its strength if its status matches, else 0; the result covers
        them all. An undisputed claim gives its strength or 0; a disputed one from 0 up to its
        upper bound, and so does a deployment absent from a later count (``absent_from``).

        Args:
            status: The status counted; None counts the active statuses.
        """
        result: Strength | None = None
        for claim in self.claims:
            value = claim.strength if _matches(claim.status, status) else _ZERO
            if self.absent_from is not None and claim.status is ContributionStatus.DEPLOYED:
                value = value.hull(_ZERO)
            result = value if result is None else result.hull(value)
        return result if result is not None else _ZERO


def _matches(status: ContributionStatus, wanted: ContributionStatus | None) -> bool:
    return status.is_active if wanted is None else status is wanted


def standings(contributions: Iterable[Contribution], on: DateLike | None = None) -> tuple[Standing, ...]:
    """Resolve claims: where each contributor's contribution of each kind stands on ``on``.

    Args:
        contributions: The claims, e.g. a mission's ``contributions``.
        on: The date asked about (a `PartialDate`, ISO text or `datetime.date`); None for the
            latest claims of all.

    Returns:
        One standing for each contributor and kind with a claim known by ``on`` that is not
        superseded: contributors in order of first mention, and each one's kinds in order of
        first mention.
    """
    when = None if on is None else date_argument(on)
    known = [c for c in contributions if known_by(c.as_of, when)]
    replaced = {c.supersedes for c in known if c.supersedes is not None}
    groups: dict[tuple[str, ContributionKind], list[Contribution]] = {}
    first: dict[str, int] = {}
    for claim in known:
        first.setdefault(claim.contributor, len(first))
        if claim.id is not None and claim.id in replaced:
            continue
        groups.setdefault((claim.contributor, claim.kind), []).append(claim)
    result = []
    for (contributor, kind), claims in sorted(groups.items(), key=lambda item: first[item[0][0]]):
        current = newest(claims, _date)
        by_status: dict[ContributionStatus, list[Contribution]] = {}
        for claim in current:
            by_status.setdefault(claim.status, []).append(claim)
        statuses = [status for status in ContributionStatus if status in by_status]
        made = []
        for status in statuses:
            own = by_status[status]
            others = tuple(c for c in current if c.status is not status)
            made.append(Claim(contribution=_merge(own), records=tuple(own), disputed_by=others))
        result.append(Standing(contributor=contributor, kind=kind, claims=tuple(made)))
    return _marked_absent(result, [c for group in groups.values() for c in group])


def _marked_absent(found: list[Standing], known: list[Contribution]) -> tuple[Standing, ...]:
    """``found`` with each deployment older than the latest count of contingents, and absent from it, marked (rule 6)."""
    reporting: dict[PartialDate, set[str]] = {}
    for claim in known:
        if claim.status is ContributionStatus.DEPLOYED and claim.as_of is not None and claim.kind.is_personnel:
            reporting.setdefault(claim.as_of, set()).add(claim.contributor)
    counts = [day for day, who in reporting.items() if len(who) > 1]
    if not counts:
        return tuple(found)
    latest = latest_first(counts, lambda day: day)[0]
    listed = reporting[latest]
    return tuple(
        attrs.evolve(standing, absent_from=latest)
        if standing.contributor not in listed
        and standing.has(ContributionStatus.DEPLOYED)
        and all(certainly_before(claim.as_of, latest) for claim in standing.claims if claim.status is ContributionStatus.DEPLOYED)
        else standing
        for standing in found
    )


def _date(claim: Contribution) -> PartialDate | None:
    return claim.as_of


def _filtered(
    contributions: Iterable[Contribution],
    status: ContributionStatus | str | None,
    kind: ContributionKind | str | None,
    on: DateLike | None,
) -> tuple[ContributionStatus | None, list[Standing]]:
    wanted_status = None if status is None else member(ContributionStatus, status, "status")
    wanted_kind = None if kind is None else member(ContributionKind, kind, "kind")
    found = [s for s in standings(contributions, on) if wanted_kind is None or s.kind is wanted_kind]
    return wanted_status, found


def latest_claims(
    contributions: Iterable[Contribution],
    status: ContributionStatus | str | None = None,
    kind: ContributionKind | str | None = None,
    on: DateLike | None = None,
) -> tuple[Claim, ...]:
    """Return the current claims on ``on``, optionally only those of one status or kind.

    The status filter applies to the current claims: a pledge superseded by a decline is not
    returned as a pledge. Disputed claims are all returned, each marked ``disputed``.

    Args:
        contributions: The claims.
        status: Only current claims with this status (any status when None, declined included).
        kind: Only claims of this kind.
        on: The date asked about; None for the latest.
    """
    wanted_status, found = _filtered(contributions, status, kind, on)
    return tuple(
        claim for standing in found for claim in standing.claims if wanted_status is None or claim.status is wanted_status
    )


def contributors(
    contributions: Iterable[Contribution],
    status: ContributionStatus | str | None = None,
    kind: ContributionKind | str | None = None,
    on: DateLike | None = None,
) -> tuple[str, ...]:
    """Return the contributors with a current claim of ``status``, in order of first mention.

    Args:
        contributions: The claims.
        status: The status; None for any active status (not declined, withdrawn or suspended).
        kind: Only contributions of this kind.
        on: The date asked about; None for the latest.
    """
    wanted_status, found = _filtered(contributions, status, kind, on)
    return tuple(dict.fromkeys(s.contributor for s in found if s.has(wanted_status)))


def personnel(found: Iterable[Standing], kind: ContributionKind | None = None) -> list[Standing]:
    """Return the standings that count in a total of personnel: each contingent once.

    Funding and logistics are left out. When ``kind`` is None (a total over all kinds), a
    contributor's generic ``police`` standing and its split ``formed_police_units`` /
    ``individual_police`` standings at the same stage (sharing a status: both deployed, say)
    are the same people: the split ones are kept, unless the generic one is certainly later
    than every one of them (then only it is kept). Police at different stages (200 deployed,
    a unit of 100 pledged) are different people, and all count.

    Args:
        found: Standings, e.g. from `standings`.
        kind: The one kind being added up, or None for all kinds.
    """
    kept = [s for s in found if s.kind.is_personnel]
    if kind is not None:
        return [s for s in kept if s.kind is kind]
    generic = {s.contributor: s for s in kept if s.kind is ContributionKind.POLICE}
    dropped: set[int] = set()
    for contributor, standing in generic.items():
        stages = set(standing.statuses)
        same_people = [
            s
            for s in kept
            if s.contributor == contributor and s.kind.is_police and s is not standing and stages.intersection(s.statuses)
        ]
        if not same_people:
            continue
        if all(_certainly_before(other, standing) for other in same_people):
            dropped.update(id(other) for other in same_people)
        else:
            dropped.add(id(standing))
    return [s for s in kept if id(s) not in dropped]


def _certainly_before(first: Standing, second: Standing) -> bool:
    """Every report behind ``first`` is certainly before every report behind ``second``."""
    return all(
        certainly_before(early.as_of, late.as_of)
        for claim in first.claims
        for early in claim.records
        for other in second.claims
        for late in other.records
    )


def total_strength(
    contributions: Iterable[Contribution],
    status: ContributionStatus | str | None = None,
    kind: ContributionKind | str | None = None,
    on: DateLike | None = None,
) -> Strength:
    """Add up the personnel of the current claims on ``on``.

    Args:
        contributions: The claims.
        status: Count claims with this status; None counts the active ones (not declined,
            withdrawn or suspended).
        kind: Only this kind of personnel.
        on: The date asked about; None for the latest.

    Returns:
        The total with its uncertainty; exactly 0 when nothing counts.

    Raises:
        ValidationError: If ``kind`` is not personnel (``funding``, ``logistics``), or a value is
            not a known status or kind.
    """
    wanted_status, found = _filtered(contributions, status, kind, on)
    wanted_kind = None if kind is None else member(ContributionKind, kind, "kind")
    if wanted_kind is not None and not wanted_kind.is_personnel:
        raise ValidationError(
            [ErrorDetail(path="kind", message=f"'kind' must be a kind of personnel to add up (got {wanted_kind.value!r})")]
        )
    return sum((s.counted(wanted_status) for s in personnel(found, wanted_kind)), _ZERO)


@attrs.frozen(slots=True, kw_only=True)
class PledgeGap:
    """Pledged against deployed, for one contributor and kind of personnel on a date.

    Attributes:
        contributor: The contributor's actor id.
        kind: The kind of personnel.
        pledged: The latest pledge (a claim ``pledged``, ``approved`` or ``confirmed``) known by
            the date, or None if it never pledged.
        deployed: What is deployed on the date (0 unless the current claim is ``deployed``; a
            disputed deployment counts from 0).
        status: The current status (the first in lifecycle order when disputed).
        disputed: True when the current claims disagree on the status.
        as_of: The date of the current claim.

    Example:
        >>> from missionmodel import ContributionKind, ContributionStatus, Strength
        >>> gap = PledgeGap(contributor="IDN", kind=ContributionKind.TROOPS, pledged=Strength.at_most(8000),
        ...                 deployed=Strength.exact(0), status=ContributionStatus.SUSPENDED)
        >>> str(gap.pledged), gap.status.value
        ('up to 8,000', 'suspended')
    """

    contributor: str
    kind: ContributionKind
    pledged: Strength | None
    deployed: Strength
    status: ContributionStatus
    disputed: bool = False
    as_of: PartialDate | None = None


def pledge_gaps(contributions: Sequence[Contribution], on: DateLike | None = None) -> tuple[PledgeGap, ...]:
    """Per contributor and kind of personnel, the latest pledge against what is deployed on ``on``.

    The pledging conference question: who pledged what, and how much of it is on the ground.
    Contributors that never pledged nor deployed are left out.

    Args:
        contributions: The claims.
        on: The date asked about; None for the latest.
    """
    pledges = {(s.contributor, s.kind): s for s in standings([c for c in contributions if c.status in _PLEDGES], on)}
    rows = []
    for standing in standings(contributions, on):
        if not standing.kind.is_personnel:
            continue
        pledge = pledges.get((standing.contributor, standing.kind))
        deployed = standing.counted(ContributionStatus.DEPLOYED)
        if pledge is None and not standing.has(ContributionStatus.DEPLOYED):
            continue
        pledged = None
        if pledge is not None:
            pledged = pledge.claims[0].strength
            for claim in pledge.claims[1:]:
                pledged = pledged.hull(claim.strength)
        rows.append(
            PledgeGap(
                contributor=standing.contributor,
                kind=standing.kind,
                pledged=pledged,
                deployed=deployed,
                status=standing.statuses[0],
                disputed=standing.disputed,
                as_of=standing.as_of,
            )
        )
    return tuple(rows)
