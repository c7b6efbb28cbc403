"""Contributions over time: who was deployed where, month by month.

Monthly data, such as the UN Data Hub's contributions, reports each contingent (one
contributor's personnel of one kind in one mission) once a month. These functions answer the
usual questions of it: a mission's contingents in a month, the top contributors, one country's
contributions across missions over time, totals by kind and by gender, and the whole series as
one table (`monthly_table`). They all rest on one grouping of the records by month, so they give
the same answer to the same question.

How a month is counted: the claims policy of `missionmodel.claims`, applied to each month's
reports.

1. **A month's reports only.** The claims dated within the month (an ``as_of`` of that year and
   month, such as "2024-09" or "2024-09-30") are the month's reports. Undated claims, claims
   dated to a year only and claims of other months take no part.
2. **Each contingent once.** A contingent's reports in the month are resolved with
   `claims.standings`: the latest in the month is current, whatever its status (a deployment
   ``withdrawn``, ``declined`` or ``suspended`` later in the month is not counted); reports of
   the same time and status are one claim whose strength is the range that covers them (two
   sources that both give 1,231 count 1,231, once; 1,068 and 100 count "100 to 1,068"); reports
   of the same time that give different statuses are a dispute.
3. **Deployed personnel.** A contingent counts what `Standing.counted` gives for ``deployed``:
   its strength when its current claim is ``deployed``, from 0 up to it when that claim is
   disputed, nothing otherwise. Funding and logistics are not personnel and never count.
4. **Police once.** A contributor's police reported in one month both as ``police`` and split
   into ``formed_police_units`` and ``individual_police`` are the same people: they count once,
   by the claims policy's police rule (the split, unless the ``police`` report is certainly
   later). Asking for one kind (``kind=``) counts that kind's reports alone, as
   `claims.total_strength` does.
5. **Women and men** are added up where a contingent's current claim reports both; the
   personnel of the other contingents count as ``unreported`` (see `Headcount`). Reports that
   disagree on them, and disputed contingents, give none.

`differences` says where a month's reports of a contingent disagreed, and what was counted.

The `Mission` queries (``mission.total_strength(status="deployed", on=month)``) carry a claim
forward until a later one supersedes it; the series reads each month's reports alone, so a
contingent that a month does not report is not counted in it. On monthly data, where every
month reports every contingent and a departure is recorded as a ``withdrawn`` claim, the two
give the same totals.

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

from collections.abc import Iterable, Iterator

import attrs

from ._checks import member
from .claims import Claim, Standing, personnel, standings
from .contribution import Contribution, ContributionKind, ContributionStatus
from .dates import DateLike, PartialDate
from .exceptions import ErrorDetail, ValidationError
from .mission import Mission
from .strength import Strength

__all__ = [
    "Difference",
    "Headcount",
    "MonthlyCount",
    "MonthlyRow",
    "contingents",
    "country_series",
    "differences",
    "monthly_table",
    "months",
    "top_contributors",
    "totals",
    "totals_by_kind",
]

_KIND_ORDER = {kind: index for index, kind in enumerate(ContributionKind)}
_ZERO = Strength.exact(0)
_DEPLOYED = ContributionStatus.DEPLOYED

_YearMonth = tuple[int, int]


# --- arguments ------------------------------------------------------------------------------


def _month(month: DateLike) -> _YearMonth:
    when = PartialDate.coerce(month)
    if when.month is None:
        raise ValidationError([ErrorDetail(path="month", message=f"a month is needed, such as '2024-09' (got {str(when)!r})")])
    return when.year, when.month


def _kind(kind: ContributionKind | str | None) -> ContributionKind | None:
    if kind is None:
        return None
    wanted = member(ContributionKind, kind, "kind")
    if not wanted.is_personnel:
        raise ValidationError(
            [ErrorDetail(path="kind", message=f"'kind' must be a kind of personnel to add up (got {wanted.value!r})")]
        )
    return wanted


def _missions(missions: Mission | Iterable[Mission]) -> Iterable[Mission]:
    return (missions,) if isinstance(missions, Mission) else missions


# --- the one grouping -----------------------------------------------------------------------


@attrs.frozen(slots=True, kw_only=True)
class _MissionMonth:
    """One mission's reports of one month, resolved by the claims policy."""

    mission: Mission
    month: PartialDate
    records: tuple[Contribution, ...]
    standings: tuple[Standing, ...]


def _grouped(
    missions: Mission | Iterable[Mission], month: _YearMonth | None = None, contributor: str | None = None
) -> Iterator[_MissionMonth]:
    """Group each mission's contributions by month in one pass, and resolve each month's claims.

    Missions come in the order given, the months of each oldest first. With ``month``, only
    that month; with ``contributor``, only that contributor's claims (a claim only ever
    supersedes one of the same contributor, so its resolution is unchanged).
    """
    for mission in _missions(missions):
        by_month: dict[_YearMonth, list[Contribution]] = {}
        for contribution in mission.contributions:
            when = contribution.as_of
            if when is None or when.month is None:
                continue
            if contributor is not None and contribution.contributor != contributor:
                continue
            key = (when.year, when.month)
            if month is not None and key != month:
                continue
            by_month.setdefault(key, []).append(contribution)
        for (year, number), records in sorted(by_month.items()):
            yield _MissionMonth(
                mission=mission,
                month=PartialDate(year=year, month=number),
                records=tuple(records),
                standings=standings(records),
            )


@attrs.frozen(slots=True, kw_only=True)
class _Contingent:
    """A contingent counted as deployed in one mission's month."""

    mission: str
    month: PartialDate
    standing: Standing
    counted: Strength

    @property
    def contribution(self) -> Contribution:
        """The deployed claim as one record, with the strength counted."""
        claim = next(c for c in self.standing.claims if c.status is _DEPLOYED)
        if not self.standing.disputed:
            return claim.contribution
        return attrs.evolve(claim.contribution, strength=self.counted, female=None, male=None)

    @property
    def gender(self) -> tuple[int, int] | None:
        """The women and men of the current claim, when it reports both and is not disputed."""
        if self.standing.disputed:
            return None
        record = self.standing.claims[0].contribution
        return None if record.female is None or record.male is None else (record.female, record.male)

    @property
    def headcount(self) -> Headcount:
        """The counted personnel, with women and men when the current claim reports both."""
        gender = self.gender
        if gender is None:
            return Headcount(total=self.counted, unreported=self.counted)
        female, male = gender
        # When same-month reports disagree on the number (100 with women and men given, 120
        # without), those beyond the women and men reported are of unknown gender: 0 to 20.
        low, high = self.counted.low, self.counted.high
        rest = Strength(low=max(0, low - female - male), high=None if high is None else max(0, high - female - male))
        return Headcount(total=self.counted, female=female, male=male, unreported=rest)


def _deployed(found: Iterable[Standing], kind: ContributionKind | None) -> list[tuple[Standing, Strength]]:
    """The contingents counted as deployed: personnel only, police once, of ``kind`` when given."""
    wanted = [s for s in found if kind is None or s.kind is kind]
    return [(s, s.counted(_DEPLOYED)) for s in personnel(wanted, kind) if s.has(_DEPLOYED)]


def _contingents(
    missions: Mission | Iterable[Mission],
    month: _YearMonth | None = None,
    kind: ContributionKind | None = None,
    contributor: str | None = None,
) -> Iterator[_Contingent]:
    """Every contingent counted as deployed, by mission, month and first mention in the month."""
    for group in _grouped(missions, month, contributor):
        for standing, counted in _deployed(group.standings, kind):
            yield _Contingent(mission=group.mission.id, month=group.month, standing=standing, counted=counted)


# --- records --------------------------------------------------------------------------------


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


_NOBODY = Headcount(total=_ZERO)


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


@attrs.frozen(slots=True, kw_only=True)
class MonthlyRow:
    """The personnel of one kind deployed in one mission in one month: a row of `monthly_table`.

    Women and men follow the `Headcount` conventions: ``female`` and ``male`` add up the
    contingents that report both, ``unreported`` the personnel of the others.

    Attributes:
        mission: The mission's id.
        month: The month (a `PartialDate` to the month).
        kind: The kind of personnel.
        strength: How many, in all.
        female: Women, among the contingents that report women and men.
        male: Men, among the contingents that report women and men.
        unreported: Personnel of the contingents that do not report women and men.
        contingents: How many contingents (contributors) are counted.
        disputed: How many of them are disputed (each counted from 0 up).

    Example:
        >>> row = MonthlyRow(mission="unifil", month=PartialDate(year=2024, month=9), kind=ContributionKind.TROOPS,
        ...                  strength=Strength.exact(10), female=2, male=8, contingents=1)
        >>> row.headcount.female_share
        0.2
    """

    mission: str
    month: PartialDate
    kind: ContributionKind
    strength: Strength
    female: int = 0
    male: int = 0
    unreported: Strength = attrs.field(factory=lambda: Strength.exact(0))
    contingents: int = 0
    disputed: int = 0

    @property
    def headcount(self) -> Headcount:
        """The row's personnel as a `Headcount`."""
        return Headcount(total=self.strength, female=self.female, male=self.male, unreported=self.unreported)


@attrs.frozen(slots=True, kw_only=True)
class Difference:
    """A contingent whose reports of one month disagreed, and what the series counted.

    Reports disagree when they give different statuses or strengths, or different numbers of
    women or of men (a report that gives none does not disagree).

    Attributes:
        mission: The mission's id.
        month: The month (a `PartialDate` to the month).
        contributor: The contributor's actor id.
        kind: The kind of personnel.
        records: The month's reports of the contingent, in recorded order (printed with their
            dates when these differ).
        chosen: The current claims by the claims policy: the latest report (or the same-time
            reports combined, their strengths into the covering range); two or more when they
            disagree on the status.
        counted: What the series counts as deployed, as `totals_by_kind` counts it: the
            strength of the chosen claim when it is ``deployed``, from 0 up when it is
            disputed, 0 when it is not deployed (or when the contributor's police count under
            the other police kinds that month).

    Example:
        >>> from missionmodel import Contribution, MissionKind, MissionStatus, Source
        >>> reports = [Contribution(contributor="ITA", kind=ContributionKind.TROOPS, status=ContributionStatus.DEPLOYED,
        ...                         strength=n, as_of="2024-09-30", sources=[s]) for n, s in ((1068, "un"), (100, "ipi"))]
        >>> m = Mission.from_acronym("UNIFIL", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
        ...                          contributions=reports, sources=[Source(id="un", title="UN"), Source(id="ipi", title="IPI")])
        >>> print(differences(m)[0])
        unifil 2024-09, ITA troops: deployed 1,068 (un); deployed 100 (ipi); counted 100 to 1,068
    """

    mission: str
    month: PartialDate
    contributor: str
    kind: ContributionKind
    records: tuple[Contribution, ...]
    chosen: tuple[Claim, ...]
    counted: Strength

    @property
    def strengths(self) -> tuple[Strength, ...]:
        """The strengths reported, each once, in recorded order."""
        return tuple(dict.fromkeys(r.strength for r in self.records))

    @property
    def statuses(self) -> tuple[ContributionStatus, ...]:
        """The statuses reported, each once, in recorded order."""
        return tuple(dict.fromkeys(r.status for r in self.records))

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources of every report, each once."""
        return tuple(dict.fromkeys(s for r in self.records for s in r.sources))

    @property
    def disputed(self) -> bool:
        """True when the latest reports disagree on the status."""
        return len(self.chosen) > 1

    def __str__(self) -> str:
        dated = len({r.as_of for r in self.records}) > 1
        reports = "; ".join(
            f"{r.status.value} {r.strength}"
            + (f" on {r.as_of}" if dated else "")
            + (f" ({', '.join(r.sources)})" if r.sources else "")
            for r in self.records
        )
        kind = self.kind.value.replace("_", " ")
        return f"{self.mission} {self.month}, {self.contributor} {kind}: {reports}; counted {self.counted}"


def _disagree(records: tuple[Contribution, ...]) -> bool:
    if len({(r.status, r.strength) for r in records}) > 1:
        return True
    return any(len({getattr(r, name) for r in records} - {None}) > 1 for name in ("female", "male"))


# --- questions ------------------------------------------------------------------------------


def months(mission: Mission) -> tuple[PartialDate, ...]:
    """Return the months in which the mission has personnel counted as deployed, oldest first.

    These are the months of `monthly_table`.

    Args:
        mission: The mission.

    Example:
        >>> from missionmodel import MissionKind, MissionStatus
        >>> months(Mission.from_acronym("X", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE))
        ()
    """
    return tuple(dict.fromkeys(c.month for c in _contingents(mission)))


def contingents(mission: Mission, month: DateLike, kind: ContributionKind | str | None = None) -> tuple[Contribution, ...]:
    """Return the mission's contingents counted as deployed in ``month``, largest first.

    Each contingent comes once, as its current claim in the month (the same-time reports
    combined into one record, with the range covering their strengths and all their sources).
    A disputed deployment comes with the strength counted, from 0 up, and no women and men.
    Ties are ordered by contributor and then by kind.

    Args:
        mission: The mission.
        month: The month, e.g. ``"2024-09"`` (a full date names its month).
        kind: Only contributions of this kind.

    Raises:
        ValidationError: If ``month`` is not a date or is only a year, or ``kind`` is not a kind
            of personnel.

    Example:
        >>> from missionmodel import MissionKind, MissionStatus
        >>> m = Mission.from_acronym("X", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE)
        >>> contingents(m, "2024-09")
        ()
    """
    found = [c.contribution for c in _contingents(mission, _month(month), _kind(kind))]
    return tuple(sorted(found, key=lambda c: (-c.strength.low, c.contributor, _KIND_ORDER[c.kind])))


def top_contributors(
    missions: Mission | Iterable[Mission], month: DateLike, n: int = 10, kind: ContributionKind | str | None = None
) -> list[tuple[str, Strength]]:
    """Return the ``n`` contributors with the most personnel deployed in ``month``, with their totals.

    Ordered by the lower bound of the total, then by contributor.

    Args:
        missions: One mission or several (their contributions are added up).
        month: The month.
        n: How many to return.
        kind: Only contributions of this kind.

    Raises:
        ValidationError: If ``month`` is not a date or is only a year, or ``kind`` is not a kind
            of personnel.

    Example:
        >>> top_contributors([], "2024-09")
        []
    """
    found: dict[str, Strength] = {}
    for c in _contingents(missions, _month(month), _kind(kind)):
        contributor = c.standing.contributor
        found[contributor] = found.get(contributor, _ZERO) + c.counted
    ranked = sorted(found.items(), key=lambda item: (-item[1].low, item[0]))
    return ranked[:n]


def country_series(
    missions: Mission | Iterable[Mission], country: str, kind: ContributionKind | str | None = None
) -> list[MonthlyCount]:
    """Return one country's contingents across missions, month by month.

    Ordered by month, then mission id, then kind. Each contingent counts once a month, as
    `totals` counts it; women and men are given when its current claim reports them.

    Args:
        missions: The missions to look in.
        country: The contributor's id, e.g. ``"IDN"``.
        kind: Only contributions of this kind.

    Raises:
        ValidationError: If ``kind`` is not a kind of personnel.

    Example:
        >>> country_series([], "IDN")
        []
    """
    counts = []
    for c in _contingents(missions, None, _kind(kind), country):
        gender = c.gender
        counts.append(
            MonthlyCount(
                month=c.month,
                mission=c.mission,
                kind=c.standing.kind,
                strength=c.counted,
                female=None if gender is None else gender[0],
                male=None if gender is None else gender[1],
            )
        )
    return sorted(counts, key=lambda p: (p.month, p.mission, _KIND_ORDER[p.kind]))


def monthly_table(missions: Mission | Iterable[Mission], kind: ContributionKind | str | None = None) -> tuple[MonthlyRow, ...]:
    """Return the personnel deployed in every month, one row per mission, month and kind.

    The records are grouped by month once: the whole series costs one pass, not one per month.
    A row's figures are those of `totals` for that mission, month and kind; without ``kind``,
    the rows of a month are those of `totals_by_kind` (police counted once) and add up to
    `totals`. Months with no personnel counted as deployed have no row.

    Args:
        missions: One mission or several.
        kind: Only this kind of personnel (its reports alone, as ``totals(..., kind=kind)``).

    Returns:
        The rows, by mission (in the order given), month (oldest first) and kind (in the order
        of `ContributionKind`).

    Raises:
        ValidationError: If ``kind`` is not a kind of personnel.

    Example:
        >>> monthly_table([])
        ()
    """
    found: dict[tuple[str, PartialDate, ContributionKind], tuple[Headcount, int, int]] = {}
    groups: dict[tuple[str, PartialDate], int] = {}
    for c in _contingents(missions, None, _kind(kind)):
        groups.setdefault((c.mission, c.month), len(groups))
        key = (c.mission, c.month, c.standing.kind)
        count, number, disputed = found.get(key, (_NOBODY, 0, 0))
        found[key] = (count + c.headcount, number + 1, disputed + int(c.standing.disputed))
    rows = []
    for mission, month, row_kind in sorted(found, key=lambda key: (groups[key[:2]], _KIND_ORDER[key[2]])):
        count, number, disputed = found[(mission, month, row_kind)]
        rows.append(
            MonthlyRow(
                mission=mission,
                month=month,
                kind=row_kind,
                strength=count.total,
                female=count.female,
                male=count.male,
                unreported=count.unreported,
                contingents=number,
                disputed=disputed,
            )
        )
    return tuple(rows)


def totals(missions: Mission | Iterable[Mission], month: DateLike, kind: ContributionKind | str | None = None) -> Headcount:
    """Add up the personnel deployed in ``month``, with women and men.

    Each contingent counts once (see the rules of this module); on monthly data the total is
    ``mission.total_strength(status="deployed", on=month)``.

    Args:
        missions: One mission or several.
        month: The month.
        kind: Only contributions of this kind.

    Raises:
        ValidationError: If ``month`` is not a date or is only a year, or ``kind`` is not a kind
            of personnel.

    Example:
        >>> totals([], "2024-09").total
        Strength(low=0, high=0)
    """
    result = _NOBODY
    for c in _contingents(missions, _month(month), _kind(kind)):
        result = result + c.headcount
    return result


def totals_by_kind(missions: Mission | Iterable[Mission], month: DateLike) -> dict[ContributionKind, Headcount]:
    """Add up the personnel deployed in ``month`` by kind (troops, staff officers, police ...).

    The kinds add up to `totals` (police counted once: a ``police`` figure set aside for the
    split one of the same contributor and month is in neither).

    Args:
        missions: One mission or several.
        month: The month.

    Returns:
        A headcount for each kind that has personnel, in the order of `ContributionKind`.

    Raises:
        ValidationError: If ``month`` is not a date or is only a year.

    Example:
        >>> totals_by_kind([], "2024-09")
        {}
    """
    found: dict[ContributionKind, Headcount] = {}
    for c in _contingents(missions, _month(month)):
        found[c.standing.kind] = found.get(c.standing.kind, _NOBODY) + c.headcount
    return {kind: found[kind] for kind in ContributionKind if kind in found}


def differences(
    missions: Mission | Iterable[Mission], month: DateLike | None = None, kind: ContributionKind | str | None = None
) -> tuple[Difference, ...]:
    """Say where a month's reports of a contingent differed, and what the series counted.

    A contingent is listed for a month when its reports of that month give different statuses
    or strengths (or different numbers of women or of men): two sources that disagree, or a
    report replaced by a later one in the same month. Reports that repeat one figure are not
    listed; they count once all the same. Only personnel is considered.

    Args:
        missions: One mission or several.
        month: Only this month; None for every month.
        kind: Only contributions of this kind.

    Returns:
        The differences, by mission (in the order given), month (oldest first) and first
        mention in the month.

    Raises:
        ValidationError: If ``month`` is not a date or is only a year, or ``kind`` is not a kind
            of personnel.

    Example:
        >>> differences([])
        ()
    """
    wanted_kind = _kind(kind)
    found = []
    for group in _grouped(missions, None if month is None else _month(month)):
        counted = {(s.contributor, s.kind): strength for s, strength in _deployed(group.standings, None)}
        by_contingent: dict[tuple[str, ContributionKind], list[Contribution]] = {}
        for record in group.records:
            by_contingent.setdefault((record.contributor, record.kind), []).append(record)
        for standing in group.standings:
            if not standing.kind.is_personnel or (wanted_kind is not None and standing.kind is not wanted_kind):
                continue
            records = tuple(by_contingent[(standing.contributor, standing.kind)])
            if not _disagree(records):
                continue
            found.append(
                Difference(
                    mission=group.mission.id,
                    month=group.month,
                    contributor=standing.contributor,
                    kind=standing.kind,
                    records=records,
                    chosen=standing.claims,
                    counted=counted.get((standing.contributor, standing.kind), _ZERO),
                )
            )
    return tuple(found)
