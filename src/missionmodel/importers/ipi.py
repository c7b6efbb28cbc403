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

from collections.abc import Iterator

from ..contribution import Contribution, ContributionKind, ContributionStatus
from ..sources import Source
from ._csv import Cells, CsvSource, Layout, RowParser, country_code, exact_strength, run
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


def _parser(layout: Layout) -> RowParser[MissionEntry[Contribution]]:
    sources = (SOURCE.id,)
    acronyms: dict[str, str] = {}

    def parse(cells: Cells) -> Iterator[MissionEntry[Contribution]]:
        as_of = cells.date("date", required=True)
        mission = cells.text("mission", required=True)
        contributor = country_code(cells, "contributor_iso3", "contributor")
        troops = cells.integer("troops")
        police = cells.integer("civilian_police")
        observers = cells.integer("observers")
        total = cells.integer("total")
        experts = cells.integer("experts_on_mission")
        formed = cells.integer("formed_police_units")
        individual = cells.integer("individual_police")
        if cells.problems or as_of is None or mission is None or contributor is None:
            return
        if None not in (troops, police, observers, total):
            counted = (troops or 0) + (police or 0) + (observers or 0)
            if counted != total:
                cells.warn(
                    "total",
                    f"Total is {total}, but Troops + Civilian_Police + Observers is"
                    f" {troops} + {police} + {observers} = {counted}",
                )
        split_police = formed is not None and individual is not None
        if split_police and police is not None and (formed or 0) + (individual or 0) != police:
            cells.warn(
                "civilian_police",
                f"Civilian_Police is {police}, but Formed_Police_Units + Inidividual_Police is {formed} + {individual}"
                f" = {(formed or 0) + (individual or 0)}: kept the two counts",
            )
        if (formed is None) != (individual is None):
            given = "formed_police_units" if individual is None else "individual_police"
            cells.warn(given, "not kept: the other police count is NA, so Civilian_Police is kept instead")
        if observers is None and experts is not None:
            observers = experts
        elif observers is not None and experts is not None and experts != observers:
            message = f"Experts_on_Mission ({experts}) differs from Observers ({observers}): kept Observers"
            cells.warn("experts_on_mission", message)
        counts: list[tuple[ContributionKind, int | None]] = [(ContributionKind.TROOPS, troops)]
        if split_police:
            counts += [(ContributionKind.FORMED_POLICE_UNITS, formed), (ContributionKind.INDIVIDUAL_POLICE, individual)]
        else:
            counts.append((ContributionKind.POLICE, police))
        counts.append((ContributionKind.MILITARY_OBSERVERS, observers))
        kept = [(kind, count) for kind, count in counts if count]
        if not kept:
            cells.warn(None, "has no personnel in any category: no contribution recorded")
        mission = acronyms.setdefault(mission, mission)
        for kind, count in kept:
            contribution = Contribution(
                contributor=contributor,
                kind=kind,
                status=ContributionStatus.DEPLOYED,
                strength=exact_strength(count),
                as_of=as_of,
                sources=sources,
            )
            yield MissionEntry(mission=mission, record=contribution, row=cells.line)

    return parse


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
    )
