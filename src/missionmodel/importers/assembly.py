"""Put imported records into their missions.

Contributions and fatalities read from a table carry their mission's acronym (see
`MissionEntry`); `assemble` attaches each to the `Mission` with that acronym, declares the sources
they cite, and keeps the records whose mission is not known in ``unmatched`` rather than
dropping them. Missions known only by their acronym can be made with `Mission.from_acronym`
when a kind and a status are given.

Example:
    >>> from missionmodel.importers import un
    >>> assembly = assemble(un.read_missions("examples/data/un_missions.csv"),
    ...                     contributions=un.read_contributions("examples/data/un_contributions.csv"))
    >>> len(assembly.mission("UNIFIL").contributions) > 0
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from ..contribution import Contribution
from ..fatality import Fatality
from ..mission import Mission, MissionKind, MissionStatus
from ..sources import Source
from .result import ImportResult, MissionEntry

__all__ = ["Assembly", "assemble"]


def _key(acronym: str) -> str:
    return " ".join(acronym.split()).casefold()


@attrs.frozen(slots=True, kw_only=True)
class Assembly:
    """Missions with their imported records attached, and the records that matched no mission.

    Attributes:
        missions: The missions, in the order given (missions made from acronyms last).
        unmatched: Records whose mission acronym matched no mission, in the order given.

    Example:
        >>> Assembly(missions=(), unmatched=()).unmatched_acronyms()
        ()
    """

    missions: tuple[Mission, ...]
    unmatched: tuple[MissionEntry[Any], ...] = ()

    def mission(self, key: str) -> Mission:
        """Return the mission with acronym or id ``key`` (case and spaces ignored).

        Args:
            key: E.g. ``"UNIFIL"`` or ``"unifil"``.

        Raises:
            KeyError: If there is none.
        """
        wanted = _key(key)
        for mission in self.missions:
            if _key(mission.id) == wanted or (mission.acronym is not None and _key(mission.acronym) == wanted):
                return mission
        raise KeyError(f"no mission {key!r} in the assembly")

    def unmatched_acronyms(self) -> tuple[str, ...]:
        """The acronyms of the unmatched records, each once, in order of first appearance."""
        return tuple(dict.fromkeys(entry.mission for entry in self.unmatched))


def assemble(
    missions: Iterable[Mission] = (),
    *,
    contributions: Iterable[MissionEntry[Contribution]] = (),
    fatalities: Iterable[MissionEntry[Fatality]] = (),
    sources: Iterable[Source] = (),
    kind: MissionKind | None = None,
    status: MissionStatus | None = None,
) -> Assembly:
    """Attach contributions and fatalities to their missions by acronym.

    Each mission is matched by its acronym (or, failing that, its id), ignoring case and extra
    spaces. The sources that the attached records cite are declared in the mission (from the
    `ImportResult` objects passed, and from ``sources``). Records are appended after the
    mission's own, in the order given.

    Args:
        missions: The missions, e.g. the result of `un.read_missions` (an `ImportResult` is
            iterable over its records).
        contributions: Contributions with their mission's acronym, e.g. the result of
            `un.read_contributions` or `ipi.read_contributions`.
        fatalities: Fatalities with their mission's acronym, e.g. from `un.read_fatalities`.
        sources: More sources that the records may cite.
        kind: With ``status``, make a mission with `Mission.from_acronym` for each acronym that
            matches no mission. Without them, such records are kept in ``unmatched``.
        status: See ``kind``.

    Returns:
        The missions with their records, and the unmatched records.

    Raises:
        ValueError: If only one of ``kind`` and ``status`` is given.
        ValidationError: If a mission cannot be built with the records (a mission's own
            validation).

    Example:
        >>> from missionmodel.importers import un
        >>> assembly = assemble(contributions=un.read_contributions("examples/data/un_contributions.csv"),
        ...                     kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE)
        >>> assembly.mission("UNIFIL").name
        'UNIFIL'
    """
    if (kind is None) != (status is None):
        raise ValueError("give both 'kind' and 'status' to make missions from acronyms, or neither")
    known: dict[str, Source] = {}
    for collection in (missions, contributions, fatalities):
        if isinstance(collection, ImportResult):
            known.update((source.id, source) for source in collection.sources)
    known.update((source.id, source) for source in sources)

    ordered = list(missions)
    index: dict[str, int] = {}
    for position, mission in enumerate(ordered):
        for key in (mission.id, mission.acronym):
            if key is not None:
                index.setdefault(_key(key), position)
    added: dict[int, dict[str, list[Any]]] = {}
    made: dict[str, list[MissionEntry[Any]]] = {}
    unmatched: list[MissionEntry[Any]] = []
    for field, entries in (("contributions", contributions), ("fatalities", fatalities)):
        for entry in entries:
            position_found = index.get(_key(entry.mission))
            if position_found is not None:
                added.setdefault(position_found, {}).setdefault(field, []).append(entry.record)
            elif kind is not None:
                made.setdefault(entry.mission, []).append(entry)
            else:
                unmatched.append(entry)

    def with_records(mission: Mission, records: dict[str, list[Any]]) -> Mission:
        declared = {source.id for source in mission.sources}
        cited: dict[str, None] = {}
        for items in records.values():
            for record in items:
                cited.update(dict.fromkeys(record.sources))
        extra = tuple(known[source_id] for source_id in cited if source_id not in declared and source_id in known)
        return attrs.evolve(
            mission,
            contributions=mission.contributions + tuple(records.get("contributions", ())),
            fatalities=mission.fatalities + tuple(records.get("fatalities", ())),
            sources=mission.sources + extra,
        )

    result = [with_records(mission, added[at]) if at in added else mission for at, mission in enumerate(ordered)]
    for acronym, entries in made.items():
        assert kind is not None and status is not None
        base = Mission.from_acronym(acronym, kind=kind, status=status)
        records: dict[str, list[Any]] = {}
        for entry in entries:
            field = "fatalities" if isinstance(entry.record, Fatality) else "contributions"
            records.setdefault(field, []).append(entry.record)
        result.append(with_records(base, records))
    return Assembly(missions=tuple(result), unmatched=tuple(unmatched))
