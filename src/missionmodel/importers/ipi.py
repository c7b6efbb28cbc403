"""Read the International Peace Institute's "Providing for Peacekeeping" tables.

Three tables of IPI's database are read:

* the monthly contributions (`read_contributions`): one row per contributor and mission per
  month, with many columns describing the contributor (memberships, flags) that are not read,
  and the counts ``Troops``, ``Civilian_Police``, ``Observers`` and ``Total``, and from later
  years ``Formed_Police_Units``, ``Inidividual_Police`` (so spelled) and ``Experts_on_Mission``;
* the gender table (`read_contributions` too, recognised by its columns): one row per
  contributor and mission per month, with the men, the women and the total of each personnel
  type (``Individual Police Male``, ``... Female``, ``... Total``, then ``Formed Police Units``,
  ``Experts on Mission``, ``Troops`` and ``Total``);
* the totals per mission and month (`read_mission_totals`): troops, police, observers, total,
  the number of contributing countries, and the mission's country and headquarters.

IPI writes its headers in several styles over the years (``Contributor_ISO-3``,
``Contributor ISO-3``, ``contributor.iso3``; ``mission.hq.long``): a table is recognised by its
column names once reduced to lower-case letters and digits, so that every style reads alike.

``NA`` marks a count that IPI's source did not give. IPI's scraper writes ``NA`` where the UN's
figures left a category out, which mostly means none of that kind, but not always: so an ``NA``
is read against the table's own sums (a total is the sum of its parts). When the sums decide
it (``Civilian_Police`` is 30 and ``Inidividual_Police`` is 30, so ``Formed_Police_Units`` is
0; or the total less the other parts), the ``NA`` is read as that number, with a warning saying
so where it changes a record; when they cannot, the count stays unknown.

Example:
    >>> result = read_contributions("examples/data/ipi_contributions.csv")
    >>> sorted({entry.record.kind.value for entry in result.records})
    ['formed_police_units', 'individual_police', 'military_observers', 'police', 'troops']
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, cast

import attrs

from ..contribution import Contribution, ContributionKind, ContributionStatus
from ..countries import is_country_code
from ..dates import PartialDate
from ..exceptions import ValidationError
from ..geography import PointCheck, check_point
from ..personnel import FigureKind, PersonnelFigure
from ..place import Place
from ..sources import Source, SourceKind
from ..strength import Strength
from ._csv import (
    CACHE_LIMIT,
    UNCLEAN,
    Cells,
    CsvSource,
    FastRows,
    Layout,
    RowParser,
    Table,
    country_code,
    exact_strength,
    record_maker,
    required,
    run,
)
from .result import ImportResult, MissionEntry

__all__ = ["SOURCE", "MissionCountries", "mission_countries", "read_contributions", "read_mission_totals"]

SOURCE = Source(
    id="ipi-providing-for-peacekeeping",
    kind=SourceKind.DATASET,
    language="en",
    title="International Peace Institute: Providing for Peacekeeping database",
    publisher="International Peace Institute",
)
"""The source that the records read by this module cite."""

_SOURCES = (SOURCE.id,)
"""The sources of every record read: one tuple, shared."""

_STRAY_QUOTES = "'\""


# --- the table's sums -------------------------------------------------------------------------

_Sum = tuple[int, tuple[int, ...]]
"""A rule of a table: the count at the first index is the sum of the counts at the others."""


def _solve(values: list[int | None], sums: Sequence[_Sum]) -> dict[int, _Sum]:
    """Fill in the NA counts (None in ``values``) that the table's sums decide.

    A sum decides an NA when it is the only one in the sum: the total is the sum of its parts,
    a part is the total less the other parts (when that is not negative). It also decides
    several NA parts when the parts given already make the total: they are 0, counts never
    being negative. The sums are applied again until none decides more.

    Args:
        values: The counts, None where NA; changed in place.
        sums: The rules of the table.

    Returns:
        For each count filled in, its index and the sum that decided it.
    """
    derived: dict[int, _Sum] = {}
    changed = True
    while changed:
        changed = False
        for rule in sums:
            total, parts = rule
            whole = values[total]
            missing = [index for index in parts if values[index] is None]
            given = 0
            for index in parts:
                given += values[index] or 0
            if whole is None:
                if not missing:
                    values[total] = given
                    derived[total] = rule
                    changed = True
            elif missing and whole >= given and (len(missing) == 1 or whole == given):
                for index in missing:
                    values[index] = whole - given
                    derived[index] = rule
                changed = True
    return derived


def _read_as(index: int, rule: _Sum, values: Sequence[int | None], labels: Sequence[str]) -> str:
    """What an NA count was read as, and why (``values`` are the counts once solved)."""
    total, parts = rule
    value = values[index]
    if index == total:
        return f"read NA as {value:,} = " + " + ".join(f"{labels[part]} {values[part]:,}" for part in parts)
    others = [part for part in parts if part != index]
    if value:
        return f"read NA as {value:,} = {labels[total]} {values[total]:,}" + "".join(
            f" - {labels[part]} {values[part]:,}" for part in others
        )
    if not others:
        return f"read NA as 0: {labels[total]} is 0"
    verb = "makes" if len(others) == 1 else "make"
    return f"read NA as 0: {' + '.join(labels[part] for part in others)} already {verb} up {labels[total]}"


def _explain(
    needed: Iterable[int], derived: Mapping[int, _Sum], values: Sequence[int | None], labels: Sequence[str]
) -> list[int]:
    """The counts read from NA that ``needed`` depend on, in index order: each calls for a warning."""
    shown: set[int] = set()
    waiting = [index for index in needed if index in derived]
    while waiting:
        index = waiting.pop()
        if index in shown:
            continue
        shown.add(index)
        total, parts = derived[index]
        waiting += [other for other in (total, *parts) if other != index and other in derived]
    return sorted(shown)


def _mismatches(values: Sequence[int | None], sums: Sequence[_Sum], labels: Sequence[str]) -> list[tuple[int, str]]:
    """The sums that do not hold (the index of the total, and a message), once NA counts are solved."""
    found: list[tuple[int, str]] = []
    for total, parts in sums:
        whole = values[total]
        if whole is None:
            continue
        known = [part for part in parts if values[part] is not None]
        given = sum(values[part] or 0 for part in known)
        if len(known) == len(parts) and given != whole:
            names = " + ".join(labels[part] for part in parts)
            counts = " + ".join(f"{values[part]:,}" for part in parts)
            found.append((total, f"{labels[total]} is {whole:,}, but {names} is {counts} = {given:,}"))
        elif given > whole:
            names = " + ".join(labels[part] for part in known)
            unknown = ", ".join(labels[part] for part in parts if values[part] is None)
            found.append((total, f"{labels[total]} is {whole:,}, less than {names} = {given:,}: {unknown} left unknown"))
    return found


def _labels(names: Sequence[str], positions: Mapping[str, int], header: Sequence[str]) -> tuple[str, ...]:
    """The header's names of the columns ``names`` (the canonical name where the file has none)."""
    return tuple(header[positions[name]].replace("\ufeff", "").strip() if name in positions else name for name in names)


# --- cells shared by the layouts --------------------------------------------------------------


def _acronym(cells: Cells, name: str = "mission") -> str | None:
    """The mission's acronym; a stray quote around it (``UNMISS'``, as IPI's scraper wrote some) is removed with a warning."""
    value = cells.text(name, required=True)
    if value is None:
        return None
    cleaned = value.strip(_STRAY_QUOTES).strip()
    if cleaned != value:
        if not cleaned:
            cells.problem(name, f"has no acronym (got {value!r})")
            return None
        cells.warn(name, f"removed a stray quote from {value!r}")
    return cleaned


def _contributor(cells: Cells) -> str | None:
    """The contributor's code; as `country_code`, but a code with a stray quote (``ALB'``) is read with a warning."""
    raw = cells.raw("contributor_iso3")
    if raw is not None:
        value = raw.strip()
        cleaned = value.strip(_STRAY_QUOTES).strip()
        if cleaned != value and is_country_code(cleaned):
            cells.warn("contributor_iso3", f"removed a stray quote from {raw!r}")
            return cleaned
    return country_code(cells, "contributor_iso3", "contributor")


def _date(cells: Cells) -> PartialDate | None:
    return cells.date("date", required=True)


# --- the contributions table ------------------------------------------------------------------

_LAYOUT = Layout(
    name="IPI Providing for Peacekeeping",
    columns={
        "date": ("Date",),
        "contributor": ("Contributor",),
        "contributor_iso3": ("Contributor_ISO-3", "contributor.iso3.alpha"),
        "mission": ("Mission",),
        "experts_on_mission": ("Experts_on_Mission", "Experts"),
        "formed_police_units": ("Formed_Police_Units", "Formed_Police"),
        "individual_police": ("Inidividual_Police", "Individual_Police"),
        "civilian_police": ("Civilian_Police", "Police"),
        "troops": ("Troops",),
        "observers": ("Observers", "Military_Observers"),
        "total": ("Total",),
    },
    required=frozenset({"date", "contributor_iso3", "mission", "civilian_police", "troops", "observers", "total"}),
)
"""The contributions table. Header styles differ only in case and punctuation
(``Contributor_ISO-3``, ``Contributor ISO-3``, ``contributor.iso3``, R's ``Contributor_ISO.3``),
which `normalise` makes alike; the other spellings are other words for the same column."""

_COUNTS = ("troops", "civilian_police", "observers", "total", "experts_on_mission", "formed_police_units", "individual_police")
"""The count columns, in the order `_categories` takes them."""

_T, _P, _O, _TOTAL, _E, _F, _I = range(7)
_CONTRIBUTION_SUMS: tuple[_Sum, ...] = ((_TOTAL, (_T, _P, _O)), (_P, (_F, _I)))
"""``Total = Troops + Civilian_Police + Observers``; ``Civilian_Police = Formed_Police_Units + Inidividual_Police``."""


def _categories(
    counts: Sequence[int | None], labels: Sequence[str] = _COUNTS
) -> tuple[list[tuple[ContributionKind, int]], list[tuple[str | None, str]]]:
    """The contributions a row's counts give (kind and count), and the warnings they call for.

    The one rule for a row of the contributions table, used by the parser and the fast path:

    * ``Observers`` that is NA is read from ``Experts_on_Mission`` (the UN's later name for
      them); when both are given and differ, ``Observers`` is kept, with a warning.
    * An NA count that the sums of the table decide (``Total = Troops + Civilian_Police +
      Observers``, ``Civilian_Police = Formed_Police_Units + Inidividual_Police``) is read as
      what they make it, with a warning where that changes a record (see `_solve`).
    * Police are split into formed police units and individual police when both counts are
      known (given or decided by the sums); else ``Civilian_Police`` is kept as police, and
      when it is unknown too, the police count that is given is kept alone; each with a
      warning when one of the two was given.
    * A sum that does not hold is taken with a warning; when the two police counts disagree
      with ``Civilian_Police``, the two counts are kept.

    Args:
        counts: The counts of the `_COUNTS` columns, None where NA or absent.
        labels: The names of those columns in the file's header, for the messages.

    Returns:
        The kinds with personnel, with their counts; and (column, message) for each repair,
        the column by its canonical name (None for the whole row).
    """
    values = list(counts)
    repairs: list[tuple[str | None, str]] = []
    observers, experts = values[_O], values[_E]
    if observers is None and experts is not None:
        values[_O] = experts
    derived = _solve(values, _CONTRIBUTION_SUMS)
    for total, message in _mismatches(values, _CONTRIBUTION_SUMS, labels):
        if total == _P and values[_F] is not None and values[_I] is not None:
            message += ": kept the two counts"
        repairs.append((_COUNTS[total], message))
    troops, police, observers, formed, individual = values[_T], values[_P], values[_O], values[_F], values[_I]
    categories: list[tuple[ContributionKind, int | None]] = [(ContributionKind.TROOPS, troops)]
    needed = [index for index in (_T, _O) if values[index]]
    if formed is not None and individual is not None:
        categories += [(ContributionKind.FORMED_POLICE_UNITS, formed), (ContributionKind.INDIVIDUAL_POLICE, individual)]
        if formed or individual:
            needed += [_F, _I]
    elif police is not None:
        categories.append((ContributionKind.POLICE, police))
        if police:
            needed.append(_P)
        if (formed is None) != (individual is None):
            given, other = (_F, _I) if individual is None else (_I, _F)
            repairs.append(
                (
                    _COUNTS[given],
                    f"not kept: {labels[other]} is NA and the totals cannot tell it, so {labels[_P]} is kept as police",
                )
            )
    elif formed is not None or individual is not None:
        given, other = (_F, _I) if individual is None else (_I, _F)
        kind = ContributionKind.FORMED_POLICE_UNITS if given == _F else ContributionKind.INDIVIDUAL_POLICE
        categories.append((kind, values[given]))
        if values[given]:
            needed.append(given)
        repairs.append(
            (_COUNTS[other], f"is NA and the totals cannot tell it: only {labels[given]} is recorded, as {kind.value}")
        )
    if observers is not None and experts is not None and experts != observers and counts[_O] is not None:
        message = f"{labels[_E]} ({experts}) differs from {labels[_O]} ({observers}): kept {labels[_O]}"
        repairs.append(("experts_on_mission", message))
    categories.append((ContributionKind.MILITARY_OBSERVERS, observers))
    for index in _explain(needed, derived, values, labels):
        repairs.append((_COUNTS[index], _read_as(index, derived[index], values, labels)))
    kept = [(kind, count) for kind, count in categories if count]
    if not kept:
        repairs.append((None, "has no personnel in any category: no contribution recorded"))
    return kept, repairs


_Kept = list[tuple[ContributionKind, Strength, int | None, int | None]]
"""What a row gives: per kind of personnel, its strength, and its women and men when reported."""


def _table_parser(
    columns: tuple[str, ...],
    categorise: Callable[[Sequence[int | None], tuple[str, ...]], tuple[_Kept, list[tuple[str | None, str]]]],
) -> RowParser[MissionEntry[Contribution]]:
    """The row parser of an IPI contributions table whose counts are ``columns``, read by ``categorise``.

    One for both tables (contributions, and women and men by type): the row's date, mission and
    contributor, then its counts, which ``categorise`` turns into contributions and repairs.
    """
    acronyms: dict[str, str] = {}
    labels: list[tuple[str, ...]] = []

    def parse(cells: Cells) -> Iterator[MissionEntry[Contribution]]:
        if not labels:
            labels.append(tuple(cells.column(name) for name in columns))
        as_of = _date(cells)
        mission = _acronym(cells)
        contributor = _contributor(cells)
        counts = [cells.integer(name) for name in columns]
        if cells.problems or as_of is None or mission is None or contributor is None:
            return
        kept, repairs = categorise(counts, labels[0])
        for column, message in repairs:
            cells.warn(column, message)
        mission = acronyms.setdefault(mission, mission)
        for kind, strength, female, male in kept:
            contribution = Contribution(
                contributor=contributor,
                kind=kind,
                status=ContributionStatus.DEPLOYED,
                strength=strength,
                female=female,
                male=male,
                as_of=as_of,
                sources=_SOURCES,
            )
            yield MissionEntry(mission=mission, record=contribution, row=cells.line)

    return parse


def _counted(counts: Sequence[int | None], labels: tuple[str, ...]) -> tuple[_Kept, list[tuple[str | None, str]]]:
    """`_categories` in the shape `_table_parser` takes: exact strengths, no women and men."""
    kept, repairs = _categories(counts, labels)
    return [(kind, exact_strength(count), None, None) for kind, count in kept], repairs


class _Lookups:
    """The caches of clean cells that both fast paths read: date, mission, contributor, counts."""

    __slots__ = ("codes", "dates", "missions", "numbers")

    def __init__(self, table: Table) -> None:
        self.dates = table.clean("date", required(_date))
        self.missions = table.clean("mission", required(_acronym))
        self.codes = table.clean("contributor_iso3", required(_contributor))
        self.numbers = table.clean("count", lambda cells: cells.integer("count"))

    def key(self, values: list[str], at: tuple[int, int, int]) -> tuple[PartialDate, str, str] | None:
        """The row's date, mission and contributor, or None unless each is clean."""
        text = values[at[0]]
        as_of = self.dates.known.get(text) or self.dates.learn(text)
        if as_of is UNCLEAN:
            return None
        text = values[at[1]]
        mission = self.missions.known.get(text) or self.missions.learn(text)
        if mission is UNCLEAN:
            return None
        text = values[at[2]]
        contributor = self.codes.known.get(text) or self.codes.learn(text)
        if contributor is UNCLEAN:
            return None
        return as_of, mission, contributor

    def counts(self, values: list[str], positions: Sequence[int | None]) -> list[int | None] | None:
        """The row's counts at ``positions`` (None: no such column), or None unless each is clean."""
        number_of, learn = self.numbers.known.get, self.numbers.learn
        counts: list[int | None] = []
        for position in positions:
            if position is None:
                counts.append(None)
                continue
            text = values[position]
            count = number_of(text, UNCLEAN)
            if count is UNCLEAN and (count := learn(text)) is UNCLEAN:
                return None
            counts.append(count)
        return counts


def _contributions_fast(table: Table, records: list[MissionEntry[Contribution]]) -> FastRows:
    """The fast path of the contributions table: a row whose cells were all read cleanly before and whose counts need no repair.

    As the parser reads it, but each cell is looked up in its column's cache of clean texts, and
    rows share the values (strings, dates, counts, strengths). Any other row is left to the parser.
    """
    at = table.positions
    where = (at["date"], at["mission"], at["contributor_iso3"])
    count_columns = [at.get(name) for name in _COUNTS]  # None: the file has no such column
    lookups = _Lookups(table)
    strengths: dict[int, Strength] = {}
    contribution = record_maker(Contribution, "contributor", "kind", "status", "strength", "as_of", "sources")
    entry = record_maker(MissionEntry, "mission", "record", "row")
    deployed = ContributionStatus.DEPLOYED

    def take(values: list[str], line: int) -> bool:
        key = lookups.key(values, where)
        if key is None:
            return False
        counts = lookups.counts(values, count_columns)
        if counts is None:
            return False
        kept, repairs = _categories(counts)
        if repairs:
            return False
        as_of, mission, contributor = key
        made = []
        try:
            for kind, number in kept:
                strength = strengths.get(number)
                if strength is None:
                    strength = strengths[number] = exact_strength(number)  # raises for an implausible count
                made.append(entry(mission, contribution(contributor, kind, deployed, strength, as_of, _SOURCES), line))
        except ValidationError:
            return False  # the parser reads the row again and reports why
        records.extend(made)
        return True

    return take


# --- the gender table -------------------------------------------------------------------------

_TYPES: tuple[tuple[str, str, ContributionKind, tuple[str, ...]], ...] = (
    ("individual_police", "Individual Police", ContributionKind.INDIVIDUAL_POLICE, ("Inidividual Police",)),
    ("formed_police_units", "Formed Police Units", ContributionKind.FORMED_POLICE_UNITS, ("Formed Police",)),
    ("experts_on_mission", "Experts on Mission", ContributionKind.MILITARY_OBSERVERS, ("Military Observers",)),
    ("troops", "Troops", ContributionKind.TROOPS, ()),
    ("total", "Total", ContributionKind.TROOPS, ("All",)),  # the kind is not used: the row's totals
)
"""The personnel types of the gender table, in its order: canonical name, header name, kind, other spellings."""

_SEXES = (("male", "Male", ("Men", "M")), ("female", "Female", ("Women", "F")), ("total", "Total", ("All",)))

_GENDER_COUNTS = tuple(f"{kind}_{sex}" for kind, _, _, _ in _TYPES for sex, _, _ in _SEXES)
"""The count columns of the gender table, type by type (male, female, total): ``individual_police_male`` ..."""


def _gender_columns() -> dict[str, tuple[str, ...]]:
    columns: dict[str, tuple[str, ...]] = {
        "date": ("Date",),
        "contributor": ("Contributor",),
        "contributor_iso3": ("Contributor ISO-3", "contributor.iso3.alpha"),
        "mission": ("Mission",),
    }
    for kind, title, _, others in _TYPES:
        for sex, word, sex_others in _SEXES:
            spellings = [f"{name} {sex_name}" for name in (title, *others) for sex_name in (word, *sex_others)]
            columns[f"{kind}_{sex}"] = tuple(spellings)
    return columns


_GENDER_LAYOUT = Layout(
    name="IPI Providing for Peacekeeping (women and men by personnel type)",
    columns=_gender_columns(),
    required=frozenset({"date", "contributor_iso3", "mission", "troops_male", "troops_female", "troops_total", "total_total"}),
)
"""The gender table; the police and experts columns may be absent (their counts are then unknown)."""

_GENDER_SUMS: tuple[_Sum, ...] = tuple((3 * k + 2, (3 * k, 3 * k + 1)) for k in range(5)) + tuple(
    (12 + s, (s, 3 + s, 6 + s, 9 + s)) for s in range(3)
)
"""Each type's ``Total`` is its ``Male + Female``; each of the row's ``Total`` columns is the sum of the types'."""

_GenderRecord = tuple[ContributionKind, Strength, int | None, int | None]
"""What one contribution of a row of the gender table holds: kind, strength, women, men."""


def _gender_categories(
    counts: Sequence[int | None], labels: Sequence[str] = _GENDER_COUNTS
) -> tuple[list[_GenderRecord], list[tuple[str | None, str]]]:
    """The contributions a row of the gender table gives, and the warnings they call for.

    The one rule for a row of the gender table, used by the parser and the fast path. Each
    personnel type with people gives a contribution whose strength is the type's ``Total``,
    with its women and men. An NA count that the row's sums decide is read as they make it,
    with a warning where it changes a record (see `_solve`). When a type's ``Male + Female``
    is not its ``Total``, the total is kept without the women and men, with a warning; unless
    the row's ``Total Total`` agrees with ``Male + Female`` and not with the type's ``Total``,
    in which case ``Male + Female`` is kept. When the row's ``Total`` columns are not the sum of
    the types', the types are kept as given, with a warning. A type whose total is unknown but
    whose men or women are given is kept as "at least" that many, with a warning.

    Args:
        counts: The counts of the `_GENDER_COUNTS` columns, None where NA or absent.
        labels: The names of those columns in the file's header, for the messages.

    Returns:
        The contributions (kind, strength, women, men); and (column, message) for each repair,
        the column by its canonical name (None for the whole row).
    """
    values = list(counts)
    if None not in values:  # the usual row: every count given; when every sum holds, no repair
        im, i_f, it, fm, ff, ft, em, ef, et, tm, tf, tt, am, af, at = cast("list[int]", values)
        if (
            im + i_f == it
            and fm + ff == ft
            and em + ef == et
            and tm + tf == tt
            and am + af == at
            and im + fm + em + tm == am
            and i_f + ff + ef + tf == af
            and it + ft + et + tt == at
            and at
        ):
            return [
                (kind, exact_strength(total), female, male)
                for kind, male, female, total in (
                    (ContributionKind.INDIVIDUAL_POLICE, im, i_f, it),
                    (ContributionKind.FORMED_POLICE_UNITS, fm, ff, ft),
                    (ContributionKind.MILITARY_OBSERVERS, em, ef, et),
                    (ContributionKind.TROOPS, tm, tf, tt),
                )
                if total
            ], []
    derived = _solve(values, _GENDER_SUMS) if None in values else {}
    repairs: list[tuple[str | None, str]] = []
    failing = _mismatches(values, _GENDER_SUMS, labels)
    type_failing = {total: message for total, message in failing if total < 12}
    for total, message in failing:
        if total >= 12:
            repairs.append((_GENDER_COUNTS[total], message))
    kept: list[_GenderRecord] = []
    needed: list[int] = []
    grand = values[14]
    for k, (_, _, kind, _) in enumerate(_TYPES[:4]):
        male, female, given_total = values[3 * k], values[3 * k + 1], values[3 * k + 2]
        if given_total is None:
            if male is None and female is None:
                continue
            floor = (male or 0) + (female or 0)
            if floor:
                message = f"is NA and the totals cannot tell it: read as at least {floor:,}"
                repairs.append((_GENDER_COUNTS[3 * k + 2], message))
                kept.append((kind, Strength.at_least(floor), female, male))
                needed += [3 * k, 3 * k + 1]
            continue
        total = given_total
        mismatch = type_failing.get(3 * k + 2)
        if mismatch is not None:
            others = [values[3 * j + 2] for j in range(4) if j != k]
            if male is not None and female is not None and grand is not None and None not in others:
                told = grand == sum(other or 0 for other in others) + male + female
            else:
                told = False
            if told:
                assert male is not None and female is not None and grand is not None
                total = male + female
                mismatch += f": kept {total:,} with the women and men, as {labels[14]} ({grand:,}) agrees with it"
            else:
                mismatch += f": kept {labels[3 * k + 2]} ({total:,}), without the women and men"
                male = female = None
            repairs.append((_GENDER_COUNTS[3 * k + 2], mismatch))
        if total:
            kept.append((kind, exact_strength(total), female, male))
            needed += [3 * k + i for i in range(3)]
    if derived:
        for index in _explain(needed, derived, values, labels):
            repairs.append((_GENDER_COUNTS[index], _read_as(index, derived[index], values, labels)))
    if not kept:
        repairs.append((None, "has no personnel of any type: no contribution recorded"))
    return kept, repairs


def _gender_fast(table: Table, records: list[MissionEntry[Contribution]]) -> FastRows:
    """The fast path of the gender table: a row whose cells were all read cleanly before and whose counts need no repair.

    As `_contributions_fast`: each cell is looked up in its column's cache of clean texts, the
    row's counts are read by `_gender_categories` (the parser's rule), and the records are made
    with `record_maker`. Rows with the same counts share their reading. Any other row is left
    to the parser.
    """
    at = table.positions
    i_date, i_mission, i_code = at["date"], at["mission"], at["contributor_iso3"]
    count_columns = [at.get(name) for name in _GENDER_COUNTS]
    lookups = _Lookups(table)
    dates, missions, codes = lookups.dates, lookups.missions, lookups.codes
    date_of, mission_of, code_of = dates.known.get, missions.known.get, codes.known.get
    contribution = record_maker(Contribution, "contributor", "kind", "status", "strength", "female", "male", "as_of", "sources")
    entry = record_maker(MissionEntry, "mission", "record", "row")
    deployed = ContributionStatus.DEPLOYED
    present = [position for position in count_columns if position is not None]
    texts_of = operator.itemgetter(*present) if len(present) == len(count_columns) else None
    readings: dict[object, list[_GenderRecord] | None] = {}
    reading_of, extend = readings.get, records.extend

    def read(values: list[str], texts: object) -> list[_GenderRecord] | None:
        """The row's contributions, or None when its counts are not clean or need a repair."""
        counts = lookups.counts(values, count_columns)
        if counts is None:
            return None  # not kept: an unclean text is remembered by its own cache
        kept, repairs = _gender_categories(counts)
        reading = None if repairs else kept
        if texts is not None and len(readings) < CACHE_LIMIT:
            readings[texts] = reading
        return reading

    def take(values: list[str], line: int) -> bool:
        text = values[i_date]
        as_of = date_of(text) or dates.learn(text)
        if as_of is UNCLEAN:
            return False
        text = values[i_mission]
        mission = mission_of(text) or missions.learn(text)
        if mission is UNCLEAN:
            return False
        text = values[i_code]
        contributor = code_of(text) or codes.learn(text)
        if contributor is UNCLEAN:
            return False
        texts = None if texts_of is None else texts_of(values)
        kept = reading_of(texts, UNCLEAN)  # the reading of the same counts in an earlier row
        if kept is UNCLEAN:
            kept = read(values, texts)
        if kept is None:
            return False
        try:
            made = [
                entry(mission, contribution(contributor, kind, deployed, strength, female, male, as_of, _SOURCES), line)
                for kind, strength, female, male in kept
            ]
        except ValidationError:
            return False  # the parser reads the row again and reports why
        extend(made)
        return True

    return take


# --- read_contributions -----------------------------------------------------------------------


def _parser(layout: Layout) -> RowParser[MissionEntry[Contribution]]:
    if layout is _GENDER_LAYOUT:
        return _table_parser(_GENDER_COUNTS, _gender_categories)
    return _table_parser(_COUNTS, _counted)


def _fast(table: Table, records: list[MissionEntry[Contribution]]) -> FastRows:
    """The fast path of `read_contributions`, for the layout recognised."""
    if table.layout is _GENDER_LAYOUT:
        return _gender_fast(table, records)
    return _contributions_fast(table, records)


def read_contributions(source: CsvSource, *, strict: bool = False) -> ImportResult[MissionEntry[Contribution]]:
    """Read IPI's Providing for Peacekeeping monthly contributions, or its gender table.

    The table is recognised by its columns, in any of IPI's header styles.

    **Contributions table.** Each row gives one deployed `Contribution` per category with
    personnel: troops, military observers (``Observers``, or ``Experts_on_Mission`` where
    ``Observers`` is NA), and police: formed police units and individual police when both
    counts are known, else ``Civilian_Police`` as police. An ``NA`` that the row's totals
    decide is read as they make it, with a warning: when ``Inidividual_Police`` is NA and
    ``Civilian_Police`` equals ``Formed_Police_Units``, it is 0, and police are split; when
    ``Civilian_Police`` is NA too, it is ``Total`` less troops and observers. An ``NA`` that
    they cannot decide is read as not available. Rows where ``Total`` is not
    ``Troops + Civilian_Police + Observers``, or ``Civilian_Police`` is not
    ``Formed_Police_Units + Inidividual_Police``, are taken with a warning.

    **Gender table** (``Individual Police Male``, ``... Female``, ``... Total``, the same for
    ``Formed Police Units``, ``Experts on Mission``, ``Troops`` and ``Total``): each row gives
    one deployed `Contribution` per personnel type with people, whose strength is the type's
    total, with ``female`` and ``male``. Experts on mission are read as military observers.
    ``Male + Female`` is checked against each type's total and the row's totals against the
    sum of the types, with a warning when they differ (see `_gender_categories`); an ``NA``
    is read against these sums as above.

    In both, a missing ISO code is taken from the contributor's name, with stray punctuation
    removed, with a warning; a stray quote around a code or an acronym (``ALB'``) is removed
    with a warning. Columns that are not read (a row number, the contributor's attributes and
    membership flags) are ignored.

    Args:
        source: The CSV file, as a path or an open text file.
        strict: Reject rows that needed a repair, instead of taking them with a warning.

    Returns:
        The contributions, each with its mission's acronym and line, and the report.

    Raises:
        FormatError: If the header lacks the columns read (the message names them).

    Example:
        >>> result = read_contributions("examples/data/ipi_contributions.csv")
        >>> first = result.records[0]
        >>> first.mission, first.record.contributor, str(first.record.as_of)
        ('UNIFIL', 'IDN', '2024-09-30')
    """
    return run(
        source,
        [_LAYOUT, _GENDER_LAYOUT],
        "the IPI Providing for Peacekeeping contributions",
        _parser,
        strict=strict,
        sources=(SOURCE,),
        na=("NA",),
        fast=_fast,
    )


# --- the totals per mission -------------------------------------------------------------------

_MISSION_LAYOUT = Layout(
    name="IPI Providing for Peacekeeping (totals per mission)",
    columns={
        "date": ("date",),
        "mission": ("mission",),
        "mission_country": ("mission.country", "Mission_Country", "Country of Mission"),
        "mission_iso3": (
            "mission.iso3.alpha",
            "mission.iso3",
            "Mission_Country_ISO-3",
            "Country of Mission ISO-3",
            "Mission ISO-3",
        ),
        "hq": ("mission.hq", "Mission_HQ"),
        "hq_longitude": ("mission.hq.long", "Mission_HQ_Longitude", "mission.hq.lon", "mission.hq.longitude"),
        "hq_latitude": ("mission.hq.lat", "Mission_HQ_Latitude", "mission.hq.latitude"),
        "contributors": ("n.contributors", "n.conributors", "Number of Contributors", "contributors"),
        "troops": ("troops", "troops.sum"),
        "police": ("police", "police.sum", "Civilian_Police"),
        "observers": ("observers", "observers.sum"),
        "total": ("total", "total.sum"),
    },
    required=frozenset({"date", "mission", "troops", "police", "observers", "total"}),
)

_FIGURE_COUNTS = ("troops", "police", "observers", "total")
_MISSION_SUMS: tuple[_Sum, ...] = ((3, (0, 1, 2)),)
_FIGURE_KINDS = (
    (ContributionKind.TROOPS,),
    (ContributionKind.POLICE,),
    (ContributionKind.MILITARY_OBSERVERS,),
    (ContributionKind.TROOPS, ContributionKind.POLICE, ContributionKind.MILITARY_OBSERVERS),
)
"""The personnel each figure counts: troops, police, observers, and the three for the total."""


def _mission_figures(
    counts: Sequence[int | None], labels: Sequence[str] = _FIGURE_COUNTS
) -> tuple[list[tuple[int, int]], list[tuple[str | None, str]]]:
    """The figures a row of the totals per mission gives (index of the column, count), and the warnings.

    A count given is a figure, 0 included; NA is not reported: no figure, unless the row's
    total decides it (the total less the other counts, when more than 0, with a warning; a
    total that is NA is the sum of the three when all are given, with a warning). When the
    total is not the sum, each figure is kept as given, with a warning.
    """
    values = list(counts)
    derived = _solve(values, _MISSION_SUMS) if None in values else {}
    repairs: list[tuple[str | None, str]] = [
        (_FIGURE_COUNTS[total], message) for total, message in _mismatches(values, _MISSION_SUMS, labels)
    ]
    figures = [
        (index, value)
        for index, value in enumerate(values)
        if value is not None and (counts[index] is not None or value > 0 or index == 3)
    ]
    needed = [index for index, value in figures if counts[index] is None]
    for index in _explain(needed, derived, values, labels):
        repairs.append((_FIGURE_COUNTS[index], _read_as(index, derived[index], values, labels)))
    return figures, repairs


def _downgrade(cells: Cells, since: int, consequence: str) -> None:
    """Make the problems recorded since ``since`` warnings, each ending with ``consequence``."""
    for issue in cells.problems[since:]:
        cells.warnings.append(attrs.evolve(issue, message=f"{issue.message}: {consequence}"))
    del cells.problems[since:]


@functools.lru_cache(maxsize=4096)
def _checked_point(latitude: float, longitude: float, country: str) -> PointCheck:
    """`geography.check_point` of an HQ against its country, once per point (a table repeats each HQ every month)."""
    return check_point(latitude, longitude, [country])


def _headquarters(cells: Cells) -> Place | None:
    """The mission's HQ as a `Place`; a bad country or coordinate is dropped with a warning, never rejecting the row."""
    name = cells.text("hq")
    since = len(cells.problems)
    latitude, longitude = cells.coordinates("hq_latitude", "hq_longitude", keep_row=True)
    _downgrade(cells, since, "the HQ is kept without coordinates")
    since = len(cells.problems)
    country = country_code(cells, "mission_iso3", "mission_country")
    _downgrade(cells, since, "the HQ is kept without a country")
    if latitude is not None and longitude is not None and country is not None:
        check = _checked_point(latitude, longitude, country)
        message = check.message()
        if message is not None:
            cells.warn("hq_latitude", message)
            latitude, longitude = check.latitude, check.longitude
    if name is None:
        if latitude is not None or country is not None:
            cells.warn("hq", "is empty: the HQ's country and coordinates are not recorded")
        return None
    return Place(name=name, country=country, latitude=latitude, longitude=longitude)


def _mission_parser(layout: Layout) -> RowParser[MissionEntry[PersonnelFigure | Place]]:
    acronyms: dict[str, str] = {}
    labels: list[tuple[str, ...]] = []

    def parse(cells: Cells) -> Iterator[MissionEntry[PersonnelFigure | Place]]:
        if not labels:
            labels.append(tuple(cells.column(name) for name in _FIGURE_COUNTS))
        as_of = _date(cells)
        mission = _acronym(cells)
        counts = [cells.integer(name) for name in _FIGURE_COUNTS]
        contributors = cells.integer("contributors")
        place = _headquarters(cells)
        if cells.problems or as_of is None or mission is None:
            return
        figures, repairs = _mission_figures(counts, labels[0])
        for column, message in repairs:
            cells.warn(column, message)
        if contributors == 0:
            if any(count for _, count in figures):
                cells.warn("contributors", "is 0, although the mission has personnel: not recorded")
            contributors = None
        if contributors is not None and not any(index == 3 for index, _ in figures):
            cells.warn("contributors", "not recorded: the total it goes with is NA")
        if not figures:
            cells.warn(None, "has no figure: every count is NA")
        mission = acronyms.setdefault(mission, mission)
        if place is not None:
            yield MissionEntry(mission=mission, record=place, row=cells.line)
        for index, count in figures:
            figure = PersonnelFigure(
                kind=FigureKind.ACTUAL,
                strength=exact_strength(count),
                personnel=_FIGURE_KINDS[index],
                contributing_countries=contributors if index == 3 else None,
                as_of=as_of,
                sources=_SOURCES,
            )
            yield MissionEntry(mission=mission, record=figure, row=cells.line)

    return parse


def _places_on_change(records: Iterable[MissionEntry[Any]]) -> Iterator[MissionEntry[Any]]:
    """The records, without each `Place` entry that repeats the mission's place before it."""
    places: dict[str, Place] = {}
    for entry in records:
        record = entry.record
        if isinstance(record, Place):
            if places.get(entry.mission) == record:
                continue
            places[entry.mission] = record
        yield entry


def read_mission_totals(source: CsvSource, *, strict: bool = False) -> ImportResult[MissionEntry[PersonnelFigure | Place]]:
    r"""Read IPI's Providing for Peacekeeping totals per mission and month (``Data.Mission.csv``).

    Each row (``date``, ``mission``, ``mission.country``, ``mission.iso3.alpha``, ``mission.hq``,
    ``mission.hq.long``, ``mission.hq.lat``, ..., ``n.contributors``, ``troops``, ``police``,
    ``observers``, ``total``) gives actual `PersonnelFigure` records for the mission at the
    row's date: one for each of troops, police and observers that is given (``NA`` is not
    reported: no figure), and one for the total (troops, police and observers together) with
    the number of contributing countries. When the total is not the sum of the three, each is
    kept as given, with a warning; an ``NA`` that the total decides (the total less the others,
    when more than 0) is read so, with a warning.

    The mission's headquarters is given as a `Place` entry (name from ``mission.hq``, country
    from ``mission.iso3.alpha``, coordinates), the first time the mission is seen and again
    only when its headquarters changes. The columns ``mission.hq.long`` and ``mission.hq.lat``
    are read as longitude and latitude, as they are in IPI's file but for one mission: a
    latitude out of range with the longitude in range is taken as swapped, with a warning; and
    with the ``geo`` extra installed, the point is checked against the mission's country with
    `missionmodel.geography.check_point`: a point outside it that is inside once swapped (IPI's
    Bamako for MINUSMA, written longitude 12.65, latitude -8) is swapped back, and a point
    outside it either way (IPI's "Asmara" for UNMEE, which is in Ethiopia) is kept, each with a
    warning. Coordinates or a country code that cannot be read are dropped from the place with
    a warning; the row's figures are still taken.

    Args:
        source: The CSV file, as a path or an open text file.
        strict: Reject rows that needed a repair, instead of taking them with a warning.

    Returns:
        The figures and places, each with its mission's acronym and line, and the report.

    Raises:
        FormatError: If the header lacks the columns read (the message names them).

    Example:
        >>> import io
        >>> text = ("date,mission,mission.iso3.alpha,mission.hq,mission.hq.long,mission.hq.lat,"
        ...         "n.contributors,troops,police,observers,total\n"
        ...         "2014-02-28,UNDOF,SYR,Camp Faouar,35.9211,33.2367,6,1243,NA,NA,1243\n")
        >>> for entry in read_mission_totals(io.StringIO(text)).records:
        ...     print(entry.mission, entry.record)
        UNDOF Camp Faouar
        UNDOF 1,243 troops (actual, 2014-02-28)
        UNDOF 1,243 troops and police and military observers from 6 countries (actual, 2014-02-28)
    """
    result = run(
        source,
        [_MISSION_LAYOUT],
        "the IPI Providing for Peacekeeping totals per mission",
        _mission_parser,
        strict=strict,
        sources=(SOURCE,),
        na=("NA",),
    )
    return attrs.evolve(result, records=tuple(_places_on_change(result.records)))


@attrs.frozen(slots=True, kw_only=True)
class MissionCountries:
    """Where a mission of IPI's totals per mission was, and when it was seen.

    Attributes:
        mission: The mission's acronym, as IPI writes it (``"UNAVEM II"``).
        countries: The ISO 3166-1 alpha-3 codes of its host countries (of its headquarters),
            in the order first seen.
        first_month: The first month with a figure for the mission.
        last_month: The last month with a figure for the mission.

    Example:
        >>> MissionCountries(mission="UNDOF", countries=("SYR",), first_month=PartialDate(year=1990, month=11),
        ...                  last_month=PartialDate(year=2014, month=2)).countries
        ('SYR',)
    """

    mission: str
    countries: tuple[str, ...]
    first_month: PartialDate | None
    last_month: PartialDate | None


def mission_countries(
    source: CsvSource | ImportResult[MissionEntry[PersonnelFigure | Place]],
) -> dict[str, MissionCountries]:
    r"""The host countries and the months seen of each mission in IPI's totals per mission.

    Args:
        source: The totals per mission, as a file (read with `read_mission_totals`; its report
            is then not returned) or as the result of `read_mission_totals`.

    Returns:
        For each mission acronym, in the order first seen, its host country codes and its first
        and last months.

    Example:
        >>> import io
        >>> text = ("date,mission,mission.iso3.alpha,mission.hq,troops,police,observers,total\n"
        ...         "1990-11-30,UNAVEM,AGO,Luanda,67,NA,NA,67\n1991-05-31,UNAVEM,AGO,Luanda,70,NA,NA,70\n")
        >>> found = mission_countries(io.StringIO(text))["UNAVEM"]
        >>> found.countries, str(found.first_month), str(found.last_month)
        (('AGO',), '1990-11', '1991-05')
    """
    result = source if isinstance(source, ImportResult) else read_mission_totals(source)
    countries: dict[str, dict[str, None]] = {}
    months: dict[str, list[PartialDate]] = {}
    for entry in result.records:
        record = entry.record
        found = countries.setdefault(entry.mission, {})
        if isinstance(record, Place):
            if record.country is not None:
                found[record.country] = None
        elif isinstance(record, PersonnelFigure) and record.as_of is not None and record.as_of.month is not None:
            month = PartialDate(year=record.as_of.year, month=record.as_of.month)
            seen = months.setdefault(entry.mission, [month, month])
            seen[0], seen[1] = min(seen[0], month), max(seen[1], month)
    return {
        mission: MissionCountries(
            mission=mission,
            countries=tuple(codes),
            first_month=months[mission][0] if mission in months else None,
            last_month=months[mission][1] if mission in months else None,
        )
        for mission, codes in countries.items()
    }
