"""Put imported records into their missions.

Records read from a table carry their mission's acronym (see `MissionEntry`); `assemble` attaches
each to the `Mission` it belongs to, declares the sources they cite, and keeps the records whose
mission is not known in ``unmatched`` rather than dropping them.

A record finds its mission by acronym or id (case and spaces ignored), then through the mission
catalogue (`missionmodel.catalogue`): a former acronym, a spelling variant or a full name leads
to the same mission, so that records of MONUC and of MONUSCO attach to one mission. Missions known
only by their acronym are made when a kind and a status are given, with the catalogue's name,
host countries and dates when it knows the mission.

Each record goes to the `Mission` field that holds its type, found from the field types of
`Mission` (contributions, fatalities, personnel figures, mandates, sites ...): a new kind of record
attaches as soon as `Mission` has a field for it. A `Place` sets the mission's headquarters.

Example:
    >>> from missionmodel.importers import un
    >>> assembly = assemble(un.read_missions("examples/data/un_missions.csv"),
    ...                     contributions=un.read_contributions("examples/data/un_contributions.csv"))
    >>> len(assembly.mission("UNIFIL").contributions) > 0
    True
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterable
from typing import Any

import attrs

from .. import catalogue
from ..mission import Mission, MissionKind, MissionStatus, slug_of
from ..place import Place
from ..sources import Source
from .result import ImportResult, MissionEntry

__all__ = ["Assembly", "assemble", "record_field"]


def _key(acronym: str) -> str:
    return " ".join(acronym.split()).casefold()


def _identity(name: str | None) -> str | None:
    """The catalogue's acronym for a name, or None when the catalogue does not know it."""
    if name is None:
        return None
    info = catalogue.lookup(name)
    return None if info is None else info.acronym


@functools.cache
def _fields_by_type() -> dict[type, str]:
    """Record type -> the `Mission` field (a tuple of records of that attrs class) that holds it."""
    hints = typing.get_type_hints(Mission)
    found: dict[type, str] = {}
    for field in attrs.fields(Mission):
        hint = hints.get(field.name)
        if typing.get_origin(hint) is tuple:
            arguments = typing.get_args(hint)
            if len(arguments) == 2 and arguments[1] is Ellipsis and isinstance(arguments[0], type) and attrs.has(arguments[0]):
                found.setdefault(arguments[0], field.name)
    return found


def record_field(record: object) -> str:
    """Return the name of the `Mission` field that holds records of ``record``'s type.

    Args:
        record: A record, e.g. a `Contribution` or a `Fatality`; a `Place` is the headquarters.

    Raises:
        TypeError: If `Mission` has no field for records of this type.

    Example:
        >>> from missionmodel import Contribution, ContributionKind, ContributionStatus
        >>> record_field(Contribution(contributor="IDN", kind=ContributionKind.TROOPS, status=ContributionStatus.DEPLOYED))
        'contributions'
    """
    if isinstance(record, Place):
        return "headquarters"
    fields = _fields_by_type()
    for klass in type(record).__mro__:
        if klass in fields:
            return fields[klass]
    raise TypeError(f"a Mission has no field for records of type {type(record).__name__}")


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
        """Return the mission with acronym or id ``key`` (case and spaces ignored), or that the catalogue resolves it to.

        Args:
            key: E.g. ``"UNIFIL"``, ``"unifil"``, or a former acronym such as ``"MONUC"``.

        Raises:
            KeyError: If there is none.
        """
        wanted = _key(key)
        for mission in self.missions:
            if _key(mission.id) == wanted or (mission.acronym is not None and _key(mission.acronym) == wanted):
                return mission
        identity = _identity(key)
        if identity is not None:
            for mission in self.missions:
                if _identity(mission.acronym) == identity:
                    return mission
        raise KeyError(f"no mission {key!r} in the assembly")

    def unmatched_acronyms(self) -> tuple[str, ...]:
        """The acronyms of the unmatched records, each once, in order of first appearance."""
        return tuple(dict.fromkeys(entry.mission for entry in self.unmatched))


def _made(acronym: str, kind: MissionKind, status: MissionStatus) -> Mission:
    """A mission known by an acronym: with the catalogue's facts and their sources when it knows it."""
    info = catalogue.lookup(acronym)
    if info is None:
        return Mission.from_acronym(acronym, kind=kind, status=status)
    cited: dict[str, Source] = {}
    for fact in ("name", "countries", "start", "end"):
        if getattr(info, fact):
            cited.update((source.id, source) for source in info.sources_of(fact))
    return Mission(
        id=slug_of(info.acronym),
        acronym=info.acronym,
        name=info.name or info.acronym,
        kind=kind,
        status=status,
        countries=info.countries,
        established=info.start,
        ended=info.end,
        profile_sources=tuple(cited),
        sources=tuple(cited.values()),
    )


def assemble(
    missions: Iterable[Mission] = (),
    *,
    contributions: Iterable[MissionEntry[Any]] = (),
    fatalities: Iterable[MissionEntry[Any]] = (),
    records: Iterable[MissionEntry[Any]] = (),
    sources: Iterable[Source] = (),
    kind: MissionKind | None = None,
    status: MissionStatus | None = None,
) -> Assembly:
    """Attach records to their missions by acronym, through the catalogue's renamings and variants.

    Each record's mission is found by its acronym (or, failing that, its id), ignoring case and
    extra spaces; failing that, through the mission catalogue: a former acronym (MONUC), a
    spelling variant (ONUCI) or a full name leads to the mission the catalogue resolves it to. A
    record goes to the field of `Mission` that holds its type (`record_field`): contributions,
    fatalities, personnel figures, mandates, sites, or any other tuple of records `Mission`
    has; a `Place` sets the headquarters (the last one given). The sources the attached records
    cite are declared in the mission (from the `ImportResult` objects passed, and from
    ``sources``). Records are appended after the mission's own, in the order given.

    Args:
        missions: The missions, e.g. the result of `un.read_missions` (an `ImportResult` is
            iterable over its records).
        contributions: Contributions with their mission's acronym, e.g. the result of
            `un.read_contributions` or `ipi.read_contributions`.
        fatalities: Fatalities with their mission's acronym, e.g. from `un.read_fatalities`.
        records: Records of any kind with their mission's acronym (each goes to the field of its
            type, as do those passed as ``contributions`` and ``fatalities``).
        sources: More sources that the records may cite.
        kind: With ``status``, make a mission for each mission named by records and matching
            no mission given (records of one mission under several names make one): with the
            catalogue's acronym, name, host countries, start and end, and their sources, when
            the catalogue knows it, else with `Mission.from_acronym`. Without them, such
            records are kept in ``unmatched``.
        status: See ``kind``.

    Returns:
        The missions with their records, and the unmatched records.

    Raises:
        ValueError: If only one of ``kind`` and ``status`` is given.
        TypeError: If a record is of a type that no field of `Mission` holds.
        ValidationError: If a mission cannot be built with the records (a mission's own
            validation).

    Example:
        >>> from missionmodel.importers import un
        >>> assembly = assemble(contributions=un.read_contributions("examples/data/un_contributions.csv"),
        ...                     kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE)
        >>> assembly.mission("UNIFIL").name, assembly.mission("UNIFIL").countries
        ('United Nations Interim Force in Lebanon', ('LBN',))
    """
    if (kind is None) != (status is None):
        raise ValueError("give both 'kind' and 'status' to make missions from acronyms, or neither")
    known: dict[str, Source] = {}
    for collection in (missions, contributions, fatalities, records):
        if isinstance(collection, ImportResult):
            known.update((source.id, source) for source in collection.sources)
    known.update((source.id, source) for source in sources)

    ordered = list(missions)
    index: dict[str, int] = {}
    by_identity: dict[str, int] = {}
    for position, mission in enumerate(ordered):
        for key in (mission.id, mission.acronym):
            if key is not None:
                index.setdefault(_key(key), position)
        identity = _identity(mission.acronym) or _identity(mission.id)
        if identity is not None:
            by_identity.setdefault(identity, position)
    added: dict[int, list[Any]] = {}
    made: dict[str, list[Any]] = {}
    unmatched: list[MissionEntry[Any]] = []
    resolved: dict[str, tuple[int | None, str | None]] = {}
    for entries in (contributions, fatalities, records):
        for entry in entries:
            found = resolved.get(entry.mission)
            if found is None:
                identity = _identity(entry.mission)
                target = index.get(_key(entry.mission))
                if target is None and identity is not None:
                    target = by_identity.get(identity)
                found = resolved[entry.mission] = (target, identity)
            target, identity = found
            record_field(entry.record)  # a record of no known kind is refused before anything is built
            if target is not None:
                added.setdefault(target, []).append(entry.record)
            elif kind is not None:
                made.setdefault(identity or entry.mission, []).append(entry.record)
            else:
                unmatched.append(entry)

    def with_records(mission: Mission, items: list[Any]) -> Mission:
        declared = {source.id for source in mission.sources}
        cited: dict[str, None] = {}
        fields: dict[str, list[Any]] = {}
        headquarters = mission.headquarters
        for record in items:
            field = record_field(record)
            if field == "headquarters":
                headquarters = record
                continue
            fields.setdefault(field, []).append(record)
            cited.update(dict.fromkeys(getattr(record, "sources", ())))
        extra = tuple(known[source_id] for source_id in cited if source_id not in declared and source_id in known)
        changes: dict[str, Any] = {field: getattr(mission, field) + tuple(values) for field, values in fields.items()}
        return attrs.evolve(mission, headquarters=headquarters, sources=mission.sources + extra, **changes)

    result = [with_records(mission, added[at]) if at in added else mission for at, mission in enumerate(ordered)]
    for acronym, items in made.items():
        assert kind is not None and status is not None
        result.append(with_records(_made(acronym, kind, status), items))
    return Assembly(missions=tuple(result), unmatched=tuple(unmatched))
