"""Read the International Peace Institute's "Providing for Peacekeeping" monthly contributions.

The IPI table has one row per contributor and mission per month, with many columns describing the
contributor (memberships, flags) that are not read here, and the counts ``Troops``,
``Civilian_Police``, ``Observers`` and ``Total``, and from later years ``Formed_Police_Units``,
``Inidividual_Police`` (so spelled) and ``Experts_on_Mission``. Missing values are ``NA``.

Example:
    >>> result = read_contributions("examples/data/ipi_contributions.csv")
    >>> sorted({entry.record.kind.value for entry in result.records})
    ['formed_police_units', 'individual_police', 'military_observers', 'police', 'troops']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..contribution import Contribution, ContributionKind, ContributionStatus
from ..exceptions import ValidationError
from ..sources import Source
from ..strength import Strength
from ._csv import (
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

__all__ = ["SOURCE", "read_contributions"]

SOURCE = Source(
    id="ipi-providing-for-peacekeeping",
    title="International Peace Institute: Providing for Peacekeeping database",
    publisher="International Peace Institute",
)
"""The source that contributions read by `read_contributions` cite."""

_LAYOUT = Layout(
    name="IPI Providing for Peacekeeping",
    columns={
        "date": ("Date",),
        "contributor": ("Contributor",),
        "contributor_iso3": ("Contributor_ISO-3",),
        "mission": ("Mission",),
        "experts_on_mission": ("Experts_on_Mission",),
        "formed_police_units": ("Formed_Police_Units",),
        "individual_police": ("Inidividual_Police", "Individual_Police"),
        "civilian_police": ("Civilian_Police",),
        "troops": ("Troops",),
        "observers": ("Observers",),
        "total": ("Total",),
    },
    required=frozenset({"date", "contributor_iso3", "mission", "civilian_police", "troops", "observers", "total"}),
)


_COUNTS = ("troops", "civilian_police", "observers", "total", "experts_on_mission", "formed_police_units", "individual_police")
"""The count columns, in the order `_categories` takes them."""


def _categories(counts: Sequence[int | None]) -> tuple[list[tuple[ContributionKind, int]], list[tuple[str | None, str]]]:
    """The contributions a row's counts give (kind and count), and the warnings they call for.

    Args:
        counts: The counts of the `_COUNTS` columns, None where not available.

    Returns:
        The kinds with personnel, with their counts; and (column, message) for each repair.
    """
    troops, police, observers, total, experts, formed, individual = counts
    repairs: list[tuple[str | None, str]] = []
    if troops is not None and police is not None and observers is not None and total is not None:
        counted = troops + police + observers
        if counted != total:
            message = (
                f"Total is {total}, but Troops + Civilian_Police + Observers is {troops} + {police} + {observers} = {counted}"
            )
            repairs.append(("total", message))
    split_police = formed is not None and individual is not None
    if split_police and police is not None and (formed or 0) + (individual or 0) != police:
        repairs.append(
            (
                "civilian_police",
                f"Civilian_Police is {police}, but Formed_Police_Units + Inidividual_Police is {formed} + {individual}"
                f" = {(formed or 0) + (individual or 0)}: kept the two counts",
            )
        )
    if (formed is None) != (individual is None):
        given = "formed_police_units" if individual is None else "individual_police"
        repairs.append((given, "not kept: the other police count is NA, so Civilian_Police is kept instead"))
    if observers is None and experts is not None:
        observers = experts
    elif observers is not None and experts is not None and experts != observers:
        message = f"Experts_on_Mission ({experts}) differs from Observers ({observers}): kept Observers"
        repairs.append(("experts_on_mission", message))
    categories: list[tuple[ContributionKind, int | None]] = [(ContributionKind.TROOPS, troops)]
    if split_police:
        categories += [(ContributionKind.FORMED_POLICE_UNITS, formed), (ContributionKind.INDIVIDUAL_POLICE, individual)]
    else:
        categories.append((ContributionKind.POLICE, police))
    categories.append((ContributionKind.MILITARY_OBSERVERS, observers))
    kept = [(kind, count) for kind, count in categories if count]
    if not kept:
        repairs.append((None, "has no personnel in any category: no contribution recorded"))
    return kept, repairs


_SOURCES = (SOURCE.id,)
"""The sources of every contribution read: one tuple, shared."""


def _parser(layout: Layout) -> RowParser[MissionEntry[Contribution]]:
    acronyms: dict[str, str] = {}

    def parse(cells: Cells) -> Iterator[MissionEntry[Contribution]]:
        as_of = cells.date("date", required=True)
        mission = cells.text("mission", required=True)
        contributor = country_code(cells, "contributor_iso3", "contributor")
        troops, police, observers, total, experts, formed, individual = (cells.integer(name) for name in _COUNTS)
        if cells.problems or as_of is None or mission is None or contributor is None:
            return
        kept, repairs = _categories((troops, police, observers, total, experts, formed, individual))
        for column, message in repairs:
            cells.warn(column, message)
        mission = acronyms.setdefault(mission, mission)
        for kind, count in kept:
            contribution = Contribution(
                contributor=contributor,
                kind=kind,
                status=ContributionStatus.DEPLOYED,
                strength=exact_strength(count),
                as_of=as_of,
                sources=_SOURCES,
            )
            yield MissionEntry(mission=mission, record=contribution, row=cells.line)

    return parse


def _fast(table: Table, records: list[MissionEntry[Contribution]]) -> FastRows:
    """The fast path: a row whose cells were all read cleanly before and whose counts need no repair.

    As the parser reads it, but each cell is looked up in its column's cache of clean texts, and
    rows share the values (strings, dates, counts, strengths). Any other row is left to the parser.
    """
    at = table.positions
    i_date, i_mission, i_code = at["date"], at["mission"], at["contributor_iso3"]
    count_columns = [at.get(name) for name in _COUNTS]  # None: the file has no such column
    dates = table.clean("date", required(lambda cells: cells.date("date", required=True)))
    missions = table.clean("mission", required(lambda cells: cells.text("mission", required=True)))
    codes = table.clean("contributor_iso3", required(lambda cells: country_code(cells, "contributor_iso3", "contributor")))
    numbers = table.clean("troops", lambda cells: cells.integer("troops"))
    date_of, mission_of, code_of, number_of = dates.known.get, missions.known.get, codes.known.get, numbers.known.get
    strengths: dict[int, Strength] = {}
    contribution = record_maker(Contribution, "contributor", "kind", "status", "strength", "as_of", "sources")
    entry = record_maker(MissionEntry, "mission", "record", "row")
    deployed = ContributionStatus.DEPLOYED

    def take(values: list[str], line: int) -> bool:
        text = values[i_date]
        as_of = date_of(text)
        if as_of is None and (as_of := dates.learn(text)) is UNCLEAN:
            return False
        text = values[i_mission]
        mission = mission_of(text)
        if mission is None and (mission := missions.learn(text)) is UNCLEAN:
            return False
        text = values[i_code]
        contributor = code_of(text)
        if contributor is None and (contributor := codes.learn(text)) is UNCLEAN:
            return False
        counts: list[int | None] = []
        for position in count_columns:
            if position is None:
                counts.append(None)
                continue
            text = values[position]
            count = number_of(text, UNCLEAN)
            if count is UNCLEAN:
                count = numbers.learn(text)
                if count is UNCLEAN:
                    return False
            counts.append(count)
        kept, repairs = _categories(counts)
        if repairs:
            return False
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


def read_contributions(source: CsvSource, *, strict: bool = False) -> ImportResult[MissionEntry[Contribution]]:
    """Read IPI's Providing for Peacekeeping monthly contributions.

    Each row gives one deployed `Contribution` per category with personnel: troops, military
    observers (``Observers``, or ``Experts_on_Mission`` where ``Observers`` is NA), and police:
    formed police units and individual police when both counts are given, else ``Civilian_Police``
    as police. ``NA`` is read as not available. Rows where ``Total`` is not
    ``Troops + Civilian_Police + Observers``, or ``Civilian_Police`` is not
    ``Formed_Police_Units + Inidividual_Police``, are taken with a warning. A missing ISO code is
    taken from the contributor's name, with stray punctuation removed, with a warning. Columns
    that are not read (the contributor's attributes and membership flags) are ignored.

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
        [_LAYOUT],
        "the IPI Providing for Peacekeeping contributions",
        _parser,
        strict=strict,
        sources=(SOURCE,),
        na=("NA",),
        fast=_fast,
    )
