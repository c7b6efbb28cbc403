"""Contributions over time: who was deployed where, month by month.

Monthly data, such as the UN Data Hub's contributions, gives one deployed `Contribution` per
contributor, mission, kind and month. These functions answer the usual questions of it: a
mission's contingents in a month, the top contributors, one country's contributions across
missions over time, and totals by kind and by gender. Only deployed contributions with a date
(``as_of``) count; a month is matched by year and month.

Example:
    >>> from missionmodel.importers import assemble, un
    >>> assembly = assemble(un.read_missions("examples/data/un_missions.csv"),
    ...                     contributions=un.read_contributions("examples/data/un_contributions.csv"))
    >>> unifil = assembly.mission("UNIFIL")
    >>> [(c.contributor, str(c.strength)) for c in contingents(unifil, "2024-09")][:2]
    [('IDN', '1,231'), ('ITA', '1,068')]
    >>> top_contributors(unifil, "2024-09", n=1)
    [('IDN', Strength(low=1231, high=1231))]
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .contribution import Contribution, ContributionKind, ContributionStatus
from .dates import DateLike, PartialDate
from .mission import Mission
from .strength import Strength

__all__ = ["Headcount", "MonthlyCount", "contingents", "country_series", "months", "top_contributors", "totals", "totals_by_kind"]

_KIND_ORDER = {kind: index for index, kind in enumerate(ContributionKind)}


def _month(month: DateLike) -> tuple[int, int]:
    when = PartialDate.coerce(month)
    if when.month is None:
        raise ValueError(f"a month is needed, such as '2024-09' (got {str(when)!r})")
    return when.year, when.month


def _missions(missions: Mission | Iterable[Mission]) -> Iterable[Mission]:
    return (missions,) if isinstance(missions, Mission) else missions


def _deployed(mission: Mission, month: tuple[int, int] | None, kind: ContributionKind | None) -> Iterable[Contribution]:
    for contribution in mission.contributions:
        if contribution.status is not ContributionStatus.DEPLOYED or contribution.as_of is None:
            continue
        if kind is not None and contribution.kind is not kind:
            continue
        if month is not None and (contribution.as_of.year, contribution.as_of.month) != month:
            continue
        yield contribution


def months(mission: Mission) -> tuple[PartialDate, ...]:
    """Return the months for which the mission has deployed contributions, oldest first.

    Args:
        mission: The mission.

    Example:
        >>> from missionmodel import MissionKind, MissionStatus
        >>> months(Mission.from_acronym("X", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE))
        ()
    """
    found = {
        (c.as_of.year, c.as_of.month) for c in _deployed(mission, None, None) if c.as_of is not None and c.as_of.month is not None
    }
    return tuple(PartialDate(year=year, month=month) for year, month in sorted(found))


def contingents(mission: Mission, month: DateLike, kind: ContributionKind | None = None) -> tuple[Contribution, ...]:
    """Return the mission's deployed contributions in ``month``, largest first.

    Ties are ordered by contributor and then by kind.

    Args:
        mission: The mission.
        month: The month, e.g. ``"2024-09"`` (a full date names its month).
        kind: Only contributions of this kind.

    Raises:
        ValueError: If ``month`` is only a year.

    Example:
        >>> from missionmodel import MissionKind, MissionStatus
        >>> m = Mission.from_acronym("X", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE)
        >>> contingents(m, "2024-09")
        ()
    """
    wanted = _month(month)
    found = _deployed(mission, wanted, kind)
    return tuple(sorted(found, key=lambda c: (-c.strength.low, c.contributor, _KIND_ORDER[c.kind])))


def top_contributors(
    missions: Mission | Iterable[Mission], month: DateLike, n: int = 10, kind: ContributionKind | None = None
) -> list[tuple[str, Strength]]:
    """Return the ``n`` contributors with the most personnel deployed in ``month``, with their totals.

    Args:
        missions: One mission or several (their contributions are added up).
        month: The month.
        n: How many to return.
        kind: Only contributions of this kind.

    Example:
        >>> top_contributors([], "2024-09")
        []
    """
    wanted = _month(month)
    totals: dict[str, Strength] = {}
    for mission in _missions(missions):
        for contribution in _deployed(mission, wanted, kind):
            totals[contribution.contributor] = totals.get(contribution.contributor, Strength.exact(0)) + contribution.strength
    ranked = sorted(totals.items(), key=lambda item: (-item[1].low, item[0]))
    return ranked[:n]


@attrs.frozen(slots=True, kw_only=True)
class MonthlyCount:
    """One contributor's deployed personnel of one kind in one mission in one month.

    Attributes:
        month: The month (a `PartialDate` to the month).
        mission: The mission's id.
        kind: The kind of personnel.
        strength: How many.
        female: How many women, when reported.
        male: How many men, when reported.

    Example:
        >>> MonthlyCount(month=PartialDate(year=2024, month=9), mission="unifil",
        ...              kind=ContributionKind.TROOPS, strength=Strength.exact(5)).mission
        'unifil'
    """

    month: PartialDate
    mission: str
    kind: ContributionKind
    strength: Strength
    female: int | None = None
    male: int | None = None


def country_series(
    missions: Mission | Iterable[Mission], country: str, kind: ContributionKind | None = None
) -> list[MonthlyCount]:
    """Return one country's deployed contributions across missions, month by month.

    Ordered by month, then mission id, then kind. Two reports for the same month, mission and
    kind are added up.

    Args:
        missions: The missions to look in.
        country: The contributor's id, e.g. ``"IDN"``.
        kind: Only contributions of this kind.

    Example:
        >>> country_series([], "IDN")
        []
    """
    counts: dict[tuple[PartialDate, str, ContributionKind], MonthlyCount] = {}
    for mission in _missions(missions):
        for c in _deployed(mission, None, kind):
            if c.contributor != country or c.as_of is None or c.as_of.month is None:
                continue
            month = PartialDate(year=c.as_of.year, month=c.as_of.month)
            key = (month, mission.id, c.kind)
            before = counts.get(key)
            if before is None:
                counts[key] = MonthlyCount(
                    month=month, mission=mission.id, kind=c.kind, strength=c.strength, female=c.female, male=c.male
                )
            else:
                counts[key] = attrs.evolve(
                    before,
                    strength=before.strength + c.strength,
                    female=None if before.female is None or c.female is None else before.female + c.female,
                    male=None if before.male is None or c.male is None else before.male + c.male,
                )
    return [counts[key] for key in sorted(counts, key=lambda k: (k[0], k[1], _KIND_ORDER[k[2]]))]


@attrs.frozen(slots=True, kw_only=True)
class Headcount:
    """Personnel added up: in all, and by gender where the gender was reported.

    Attributes:
        total: Everyone counted.
        female: Women, among the contributions that report women and men.
        male: Men, among the contributions that report women and men.
        unreported: Personnel of the contributions that do not report women and men.

    Example:
        >>> Headcount(total=Strength.exact(10), female=2, male=8).female_share
        0.2
    """

    total: Strength
    female: int = 0
    male: int = 0
    unreported: Strength = attrs.field(factory=lambda: Strength.exact(0))

    @property
    def female_share(self) -> float | None:
        """The share of women among those whose gender was reported, or None if nobody's was."""
        reported = self.female + self.male
        return self.female / reported if reported else None

    def __add__(self, other: Headcount) -> Headcount:
        return Headcount(
            total=self.total + other.total,
            female=self.female + other.female,
            male=self.male + other.male,
            unreported=self.unreported + other.unreported,
        )


def _headcount(contribution: Contribution) -> Headcount:
    if contribution.female is not None and contribution.male is not None:
        return Headcount(total=contribution.strength, female=contribution.female, male=contribution.male)
    return Headcount(total=contribution.strength, unreported=contribution.strength)


def totals(missions: Mission | Iterable[Mission], month: DateLike, kind: ContributionKind | None = None) -> Headcount:
    """Add up the personnel deployed in ``month``, with women and men.

    Args:
        missions: One mission or several.
        month: The month.
        kind: Only contributions of this kind.

    Example:
        >>> totals([], "2024-09").total
        Strength(low=0, high=0)
    """
    wanted = _month(month)
    result = Headcount(total=Strength.exact(0))
    for mission in _missions(missions):
        for contribution in _deployed(mission, wanted, kind):
            result = result + _headcount(contribution)
    return result


def totals_by_kind(missions: Mission | Iterable[Mission], month: DateLike) -> dict[ContributionKind, Headcount]:
    """Add up the personnel deployed in ``month`` by kind (troops, staff officers, police ...).

    Args:
        missions: One mission or several.
        month: The month.

    Returns:
        A headcount for each kind that has personnel, in the order of `ContributionKind`.

    Example:
        >>> totals_by_kind([], "2024-09")
        {}
    """
    wanted = _month(month)
    found: dict[ContributionKind, Headcount] = {}
    for mission in _missions(missions):
        for contribution in _deployed(mission, wanted, None):
            before = found.get(contribution.kind)
            count = _headcount(contribution)
            found[contribution.kind] = count if before is None else before + count
    return {kind: found[kind] for kind in ContributionKind if kind in found}
