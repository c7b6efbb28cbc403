"""Read Geo-PKO, the Geocoded Peacekeeping Operations dataset: UN deployment sites with coordinates.

Geo-PKO codes the UN's peacekeeping deployment maps into one row per location and map: the map
(``Source``), the mission, the map's year and month, the location with its country and
coordinates, the troops there (``No.troops``), up to 14 (17 from version 2) contributing
countries with their troops (``name.of.TCC1``, ``No.troops.per.TCC1`` ...), the number of
contributing countries (``No.TCC``), whether the location is a headquarters (``HQ``, 0 to 3),
whether UN police, military observers or a liaison office were there (``UNPOL..dummy.``,
``UNMO..dummy.``, ``LO``), reserve, force protection and regional protection force units with
their sizes (``RES``/``RES_No``, ``FP``/``FP_No``, ``RPF``/``RPF_No``) and the coders' comments.
Columns that are not read (the COW and Gleditsch-Ward codes, the TCC codes, ADM1, ADM2, PRIO-GRID
cells) do no harm.

Each row becomes a `Site` with its mission's acronym, in a `MissionEntry`. The table is
recognised by its column names once normalised, so the header styles of the dataset's releases
(``No.troops``, ``no.troops``, ``No_troops``, ``nameoftcc_1``) all work.

Example:
    >>> result = read_sites("tests/fixtures/geopko_excerpt.csv")
    >>> entry = result.records[0]
    >>> entry.mission, str(entry.record.as_of), entry.record.place.country, entry.record.source_note
    ('BINUB', '2007-03', 'BDI', 'Map no. 4309')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

from .._checks import MOST_PERSONNEL
from ..countries import is_country_code, suggest_code
from ..dates import PartialDate
from ..exceptions import ValidationError
from ..place import Place
from ..site import HeadquartersLevel, Site, SiteContingent, SiteUnit, UnitKind
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
    SharedValues,
    Table,
    exact_strength,
    record_maker,
    required,
    run,
    shown,
)
from .result import ImportResult, MissionEntry

__all__ = ["HEADQUARTERS", "MAX_CONTRIBUTORS", "SOURCE", "country_of", "read_sites"]

SOURCE = Source(
    id="geo-pko",
    kind=SourceKind.DATASET,
    language="en",
    title=(
        "Geocoded Peacekeeping Operations (Geo-PKO) dataset; Cil, Fjelde, Hultman and Nilsson, 'Mapping blue helmets:"
        " Introducing the Geocoded Peacekeeping Operations (Geo-PKO) dataset', Journal of Peace Research 57(2), 2020, 360-370"
    ),
    publisher="Department of Peace and Conflict Research, Uppsala University",
    url="https://doi.org/10.1177/0022343319871978",
    published=PartialDate(year=2020, month=3),
)
"""The source that sites read by `read_sites` cite: the dataset, as its authors ask it to be cited."""

MAX_CONTRIBUTORS = 30
"""The most contributing countries per row that are looked for (version 1 has 14 columns, version 2 has 17)."""

HEADQUARTERS: dict[str, HeadquartersLevel] = {
    "0": HeadquartersLevel.NONE,
    "1": HeadquartersLevel.CONTINGENT,
    "2": HeadquartersLevel.SECTOR,
    "3": HeadquartersLevel.MISSION,
}
"""Geo-PKO's ``HQ`` codes: 0 none, 1 a contributing country's contingent ("TCC HQ"), 2 sector, 3 mission."""

_KOREA_BY_COW = {"732": "KOR", "731": "PRK"}
"""``Korea``, which could mean either state, read by the Correlates of War code beside it (``TCC1`` ...)."""

_UNKNOWN = frozenset({"unknown", "unkown"})
"""How Geo-PKO writes a number or a country it does not know ("unkown" once, misspelt)."""

_DUMMIES = {"0": False, "1": True}
_ZERO = Strength.exact(0)
_UNKNOWN_STRENGTH = Strength.unknown()

_UNITS = (
    (UnitKind.RESERVE, "reserve", "reserve_count"),
    (UnitKind.FORCE_PROTECTION, "force_protection", "force_protection_count"),
    (UnitKind.REGIONAL_PROTECTION_FORCE, "rpf", "rpf_count"),
)
"""The kinds of unit read, with the columns of their flag and of their size."""


def _columns() -> dict[str, tuple[str, ...]]:
    columns: dict[str, tuple[str, ...]] = {
        "source": ("Source",),
        "mission": ("Mission",),
        "year": ("year",),
        "month": ("month",),
        "location": ("location",),
        "country": ("country",),
        "country_name": ("name",),
        "latitude": ("latitude",),
        "longitude": ("longitude",),
        "troops": ("No.troops", "no.troops"),
        "tcc_count": ("No.TCC", "no.tcc"),
        "police": ("UNPOL..dummy.", "unpol.dummy"),
        "observers": ("UNMO..dummy.", "unmo.dummy"),
        "headquarters": ("HQ",),
        "liaison": ("LO",),
        "comments": ("comments",),
        "reserve": ("RES",),
        "reserve_count": ("RES_No",),
        "force_protection": ("FP",),
        "force_protection_count": ("FP_No",),
        "rpf": ("RPF",),
        "rpf_count": ("RPF_No",),
    }
    for k in range(1, MAX_CONTRIBUTORS + 1):
        columns[f"tcc{k}"] = (f"name.of.TCC{k}", f"nameoftcc_{k}")
        columns[f"tcc{k}_count"] = (f"No.troops.per.TCC{k}", f"notroopspertcc_{k}")
        columns[f"tcc{k}_cow"] = (f"TCC{k}",)
    return columns


_LAYOUT = Layout(
    name="Geo-PKO deployment sites",
    columns=_columns(),
    required=frozenset({"source", "mission", "year", "month", "location", "latitude", "longitude", "troops"}),
)


_PARENTHESIS = re.compile(r"\s*\([^()]*\)\s*$")


def country_of(name: str) -> str | None:
    """The alpha-3 code of a country as Geo-PKO names it, or None (a two-letter text is not read as a code).

    Example:
        >>> country_of("Ivory Coast"), country_of("Congo, Democratic Republic of (Zaire)"), country_of("MA")
        ('CIV', 'COD', None)
    """
    if len(name) <= 2:
        return None  # "MA" in a name column: Morocco's two-letter code, or an abbreviation of the map's
    code = suggest_code(name)
    if code is None and _PARENTHESIS.search(name):
        bare = _PARENTHESIS.sub("", name)
        code = suggest_code(bare)
    return code


# --- reading cells --------------------------------------------------------------------------


def _plain(cells: Cells, name: str) -> str | None:
    """A free-text cell (the map, the comments) without surrounding spaces, and without a warning for them."""
    raw = cells.raw(name)
    if raw is None:
        return None
    value = raw.strip()
    return value if value and value not in cells.na else None


def _count(cells: Cells, name: str) -> Strength | None:
    """A number of personnel: exact, unknown for ``unknown``; None when the cell is empty or NA."""
    raw = cells.raw(name)
    if raw is not None and raw.strip().casefold() in _UNKNOWN:
        value = cells.text(name)  # says when spaces were trimmed
        if value is not None and value.casefold() != "unknown":
            cells.warn(name, f"read {value!r} as 'unknown'")
        return _UNKNOWN_STRENGTH
    number = cells.integer(name)
    if number is None:
        return None
    if number > MOST_PERSONNEL:
        cells.problem(name, f"is more personnel than any mission has had (got {number:,}; at most {MOST_PERSONNEL:,})")
        return None
    return exact_strength(number)


def _number(cells: Cells, name: str) -> int | None:
    """A whole number, None when empty, NA or ``unknown``."""
    raw = cells.raw(name)
    if raw is not None and raw.strip().casefold() in _UNKNOWN:
        _count(cells, name)  # the same warnings
        return None
    return cells.integer(name)


def _dummy(cells: Cells, name: str) -> bool | None:
    value = cells.text(name)
    if value is None:
        return None
    flag = _DUMMIES.get(value)
    if flag is None:
        cells.problem(name, f"must be 0 or 1 (got {shown(value)})")
    return flag


def _headquarters(cells: Cells) -> HeadquartersLevel | None:
    value = cells.text("headquarters")
    if value is None:
        return None
    level = HEADQUARTERS.get(value)
    if level is None:
        if value == "?":
            cells.warn("headquarters", "'?' is not a level of the codebook (0 to 3): kept as not known")
        else:
            cells.problem("headquarters", f"must be 0, 1, 2 or 3 (Geo-PKO's headquarters levels) (got {shown(value)})")
    return level


def _month(cells: Cells) -> PartialDate | None:
    year = cells.integer("year", required=True)
    month = cells.integer("month")
    if year is None:
        return None
    if not 1 <= year <= 9999:
        cells.problem("year", f"is not a year (got {year})")
        return None
    if month is None:
        if not cells.problems:
            cells.warn("month", "is empty: the site is dated to the year only")
        return PartialDate(year=year)
    if not 1 <= month <= 12:
        cells.problem("month", f"must be a month from 1 to 12 (got {month})")
        return None
    return _date(year, month)


_DATES: SharedValues[tuple[int, int], PartialDate] = SharedValues(lambda key: PartialDate(year=key[0], month=key[1]))
"""A map's month, shared between the rows of that month."""


def _date(year: int, month: int) -> PartialDate:
    return _DATES[(year, month)]


def _host(cells: Cells) -> str | None:
    """The code of the country the site is in: from ``country``, else from ``name``; None with a warning."""
    for column in ("country", "country_name"):
        name = cells.text(column)
        if name is None:
            continue
        code = name if is_country_code(name) else country_of(name)
        if code is not None:
            return code
        cells.warn(column, f"{name!r} is not a country known to ISO 3166")
    return None


def _contributor(cells: Cells, k: int) -> tuple[bool, str | None, str | None]:
    """Whether the k-th contributor's name is given, and its code or (when no code) its name as written."""
    name = cells.text(f"tcc{k}")
    if name is None:
        return False, None, None
    if name.casefold() in _UNKNOWN:
        return True, None, None
    code = name if is_country_code(name) else country_of(name)
    if code is None and name.casefold() == "korea":
        code = _KOREA_BY_COW.get(cells.text(f"tcc{k}_cow") or "")
    if code is not None:
        return True, code, None
    why = "is two letters, not a country's name" if len(name) <= 2 else "names no one country known to ISO 3166"
    cells.warn(f"tcc{k}", f"{name!r} {why}: kept as written, without a code")
    return True, None, name


def _contingents(cells: Cells, slots: tuple[int, ...]) -> list[SiteContingent]:
    contingents = []
    for k in slots:
        named, code, name = _contributor(cells, k)
        count = _count(cells, f"tcc{k}_count")
        if not named and count is None:
            continue
        if not named:
            cells.warn(f"tcc{k}_count", "a count without a contributor's name: kept for an unknown contributor")
        contingents.append(_contingent(code, count if count is not None else _UNKNOWN_STRENGTH, name))
    return contingents


_CONTINGENTS: SharedValues[tuple[str | None, Strength, str | None], SiteContingent] = SharedValues(
    lambda key: SiteContingent(contributor=key[0], strength=key[1], name=key[2])
)
"""Contingents, shared between rows (a site is shown on many maps with the same contingents)."""


def _contingent(code: str | None, strength: Strength, name: str | None) -> SiteContingent:
    """The contingent, shared between rows."""
    return _CONTINGENTS[code, strength, name]


def _units(cells: Cells) -> list[SiteUnit]:
    units = []
    for kind, flag_column, count_column in _UNITS:
        if not cells.has(flag_column) and not cells.has(count_column):
            continue
        unit, message = _unit(kind, _dummy(cells, flag_column), _count(cells, count_column))
        if message is not None:
            cells.warn(count_column, message)
        if unit is not None:
            units.append(unit)
    return units


def _unit(kind: UnitKind, flag: bool | None, count: Strength | None) -> tuple[SiteUnit | None, str | None]:
    """The unit that a flag and a count give, if any, and a message when they disagree."""
    what = kind.value.replace("_", " ")
    if flag:
        if count == _ZERO:
            return _site_unit(kind, _UNKNOWN_STRENGTH), f"the {what} flag is 1 but its count is 0: kept the unit, of unknown size"
        return _site_unit(kind, count if count is not None else _UNKNOWN_STRENGTH), None
    if count is None or count == _ZERO:
        return None, None
    given = "0" if flag is False else "not given"
    return _site_unit(kind, count), f"the {what} flag is {given} but its count is {count}: kept the unit"


_SHARED_UNITS: SharedValues[tuple[UnitKind, Strength], SiteUnit] = SharedValues(
    lambda key: SiteUnit(kind=key[0], strength=key[1])
)
"""A unit of a kind and size, shared between the sites that have one."""


def _site_unit(kind: UnitKind, strength: Strength) -> SiteUnit:
    return _SHARED_UNITS[(kind, strength)]


def _disagreements(troops: Strength, tcc_count: int | None, contingents: list[SiteContingent]) -> list[tuple[str, str]]:
    """(column, message) for each way the row's counts disagree with one another."""
    found = []
    if troops.is_exact and contingents:
        total = sum((c.strength for c in contingents), _ZERO)
        if troops.low not in total:
            found.append(("troops", f"is {troops.low:,}, but the contributing countries' counts add up to {total}: both kept"))
    if tcc_count is not None and tcc_count != len(contingents):
        found.append(("tcc_count", f"is {tcc_count}, but {len(contingents)} contributing countries are listed: both kept"))
    return found


def _slots(cells: Cells) -> tuple[int, ...]:
    """The numbers k of the contributor columns that the file has (``name.of.TCCk``, ``No.troops.per.TCCk``)."""
    return tuple(k for k in range(1, MAX_CONTRIBUTORS + 1) if cells.has(f"tcc{k}") or cells.has(f"tcc{k}_count"))


_SOURCES = (SOURCE.id,)


def _parser(layout: Layout) -> RowParser[MissionEntry[Site]]:
    acronyms: dict[str, str] = {}
    slots: list[tuple[int, ...]] = []  # the file's contributor columns, found in its first row

    def parse(cells: Cells) -> Iterator[MissionEntry[Site]]:
        if not slots:
            slots.append(_slots(cells))
        mission = cells.text("mission", required=True)
        as_of = _month(cells)
        location = cells.text("location", required=True)
        country = _host(cells)
        latitude, longitude = cells.coordinates("latitude", "longitude")
        troops = _count(cells, "troops")
        tcc_count = _number(cells, "tcc_count")
        contingents = _contingents(cells, slots[0])
        headquarters = _headquarters(cells)
        police = _dummy(cells, "police")
        observers = _dummy(cells, "observers")
        liaison = _dummy(cells, "liaison")
        units = _units(cells)
        if cells.problems or mission is None or as_of is None or location is None:
            return
        if latitude is None:
            cells.warn("latitude", f"no coordinates for {location!r}: the site is kept without a position")
        troops = troops if troops is not None else _UNKNOWN_STRENGTH
        for column, message in _disagreements(troops, tcc_count, contingents):
            cells.warn(column, message)
        site = Site(
            place=Place(name=location, country=country, latitude=latitude, longitude=longitude),
            as_of=as_of,
            troops=troops,
            contingents=tuple(contingents),
            contributing_countries=tcc_count,
            headquarters=headquarters,
            police=police,
            military_observers=observers,
            liaison_office=liaison,
            units=tuple(units),
            source_note=_plain(cells, "source"),
            note=_plain(cells, "comments"),
            sources=_SOURCES,
        )
        yield MissionEntry(mission=acronyms.setdefault(mission, mission), record=site, row=cells.line)

    return parse


# --- the fast path ----------------------------------------------------------------------------

V = TypeVar("V")


class _Learned(Generic[V]):
    """The values that a few columns' texts read cleanly (no warning, no problem), cached by the texts.

    As the engine's `CleanValues`, for a value read from several cells at once (a date from its
    year and month, a contingent from its name, count and code): each tuple of texts is read
    once, by the parser's own reading, with a `Cells` of those cells only.
    """

    __slots__ = ("_header", "_na", "_positions", "_read", "_unclean", "known")

    def __init__(self, table: Table, names: tuple[str, ...], read: Callable[[Cells], V]) -> None:
        self._positions = {name: index for index, name in enumerate(names)}
        self._header = [table.header[table.positions[name]] if name in table.positions else name for name in names]
        self._na = table.na
        self._read = read
        self.known: dict[tuple[str, ...], V] = {}
        self._unclean: set[tuple[str, ...]] = set()

    def learn(self, texts: tuple[str, ...]) -> V:
        """Read ``texts`` as the columns' cells; return the value, or `UNCLEAN`, and remember it."""
        if texts in self._unclean:
            return UNCLEAN  # type: ignore[no-any-return]
        cells = Cells(0, list(texts), self._positions, self._header, self._na)
        try:
            value = self._read(cells)
        except ValidationError:  # a record that the values break: the parser reports it with its row
            cells.problem(None, "does not validate")
        if cells.problems or cells.warnings:
            if len(self._unclean) < CACHE_LIMIT:
                self._unclean.add(texts)
            return UNCLEAN  # type: ignore[no-any-return]
        if len(self.known) < CACHE_LIMIT:
            self.known[texts] = value
        return value


def _read_contingent(cells: Cells) -> SiteContingent | None:
    """The first contributor columns' contingent, or None when they are empty: the parser's reading."""
    found = _contingents(cells, (1,))
    return found[0] if found else None


def _read_unit(kind: UnitKind) -> Callable[[Cells], SiteUnit | None]:
    def read(cells: Cells) -> SiteUnit | None:
        unit, message = _unit(kind, _dummy(cells, "flag"), _count(cells, "count"))
        if message is not None:
            cells.warn("count", message)
        return unit

    return read


def _fast(table: Table, records: list[MissionEntry[Site]]) -> FastRows:
    """The fast path: a row whose cells all read cleanly before and whose counts agree, built without a `Cells`.

    As the parser reads it, but each cell (or group of cells) is looked up in a cache of clean
    texts, and rows share the values (strings, dates, places, contingents). Any other row is left
    to the parser, which reads and reports it.
    """
    at = table.positions

    def position(name: str) -> int:
        return at.get(name, -1)

    i_mission, i_year, i_month, i_location = at["mission"], at["year"], at["month"], at["location"]
    i_country, i_name, i_lat, i_lon, i_troops = (
        position("country"),
        position("country_name"),
        at["latitude"],
        at["longitude"],
        at["troops"],
    )
    i_source, i_tcc, i_comments = at["source"], position("tcc_count"), position("comments")
    i_hq, i_police, i_observers = position("headquarters"), position("police"), position("observers")
    i_liaison = position("liaison")
    slots = tuple(
        (position(f"tcc{k}"), position(f"tcc{k}_count"), position(f"tcc{k}_cow"))
        for k in range(1, MAX_CONTRIBUTORS + 1)
        if f"tcc{k}" in at or f"tcc{k}_count" in at
    )
    unit_columns = [
        (position(flag), position(count), _Learned(table, ("flag", "count"), _read_unit(kind)))
        for kind, flag, count in _UNITS
        if flag in at or count in at
    ]
    missions = table.clean("mission", required(lambda cells: cells.text("mission", required=True)))
    locations = table.clean("location", required(lambda cells: cells.text("location", required=True)))
    dates = _Learned(table, ("year", "month"), required(_month))
    hosts = _Learned(table, ("country", "country_name"), _host)
    coordinates = _Learned(table, ("latitude", "longitude"), lambda cells: cells.coordinates("latitude", "longitude"))
    troops_of = table.clean("troops", lambda cells: _count(cells, "troops"))
    numbers = table.clean("tcc_count", lambda cells: _number(cells, "tcc_count"))
    contingents = _Learned(table, ("tcc1", "tcc1_count", "tcc1_cow"), _read_contingent)
    levels = table.clean("headquarters", _headquarters)
    flags = table.clean("police", lambda cells: _dummy(cells, "police"))
    texts: dict[str, str | None] = {}
    places: dict[tuple[str, str | None, float | None, float | None], Place] = {}
    na = table.na
    place = record_maker(Place, "name", "country", "latitude", "longitude")
    site = record_maker(
        Site,
        "place",
        "as_of",
        "troops",
        "contingents",
        "contributing_countries",
        "headquarters",
        "police",
        "military_observers",
        "liaison_office",
        "units",
        "source_note",
        "note",
        "sources",
    )
    entry = record_maker(MissionEntry, "mission", "record", "row")

    def learned(cache: _Learned[Any], texts: tuple[str, ...]) -> Any:
        found = cache.known.get(texts, UNCLEAN)
        return cache.learn(texts) if found is UNCLEAN else found

    def clean(cache: Any, values: list[str], index: int) -> Any:
        text = values[index] if index >= 0 else ""
        found = cache.known.get(text, UNCLEAN)
        return cache.learn(text) if found is UNCLEAN else found

    def plain(values: list[str], index: int) -> str | None:
        if index < 0:
            return None
        raw = values[index]
        found = texts.get(raw, UNCLEAN)
        if found is UNCLEAN:
            value = raw.strip()
            found = value if value and value not in na else None
            if len(texts) < CACHE_LIMIT:
                texts[raw] = found
        return found  # type: ignore[no-any-return]

    def take(values: list[str], line: int) -> bool:
        mission = clean(missions, values, i_mission)
        as_of = learned(dates, (values[i_year], values[i_month]))
        location = clean(locations, values, i_location)
        country = learned(hosts, (values[i_country] if i_country >= 0 else "", values[i_name] if i_name >= 0 else ""))
        found = learned(coordinates, (values[i_lat], values[i_lon]))
        troops = clean(troops_of, values, i_troops)
        count = clean(numbers, values, i_tcc)
        level = clean(levels, values, i_hq)
        police = clean(flags, values, i_police)
        observers = clean(flags, values, i_observers)
        liaison = clean(flags, values, i_liaison)
        if UNCLEAN in (mission, as_of, location, country, found, troops, count, level, police, observers, liaison):
            return False
        latitude, longitude = found
        if latitude is None:
            return False  # the parser warns of a site without coordinates
        listed = []
        for i_name_k, i_count_k, i_cow_k in slots:
            key = (
                values[i_name_k] if i_name_k >= 0 else "",
                values[i_count_k] if i_count_k >= 0 else "",
                values[i_cow_k] if i_cow_k >= 0 else "",
            )
            contingent = learned(contingents, key)
            if contingent is UNCLEAN:
                return False
            if contingent is not None:
                listed.append(contingent)
        units = []
        for i_flag, i_count, cache in unit_columns:
            unit = learned(cache, (values[i_flag] if i_flag >= 0 else "", values[i_count] if i_count >= 0 else ""))
            if unit is UNCLEAN:
                return False
            if unit is not None:
                units.append(unit)
        troops = troops if troops is not None else _UNKNOWN_STRENGTH
        if _disagreements(troops, count, listed):
            return False
        try:
            spot = (location, country, latitude, longitude)
            where = places.get(spot)
            if where is None:
                where = places[spot] = place(location, country, latitude, longitude)
            record = site(
                where,
                as_of,
                troops,
                tuple(listed),
                count,
                level,
                police,
                observers,
                liaison,
                tuple(units),
                plain(values, i_source),
                plain(values, i_comments),
                _SOURCES,
            )
        except ValidationError:
            return False  # the parser reads the row again and reports why
        records.append(entry(mission, record, line))
        return True

    return take


def read_sites(source: CsvSource, *, strict: bool = False) -> ImportResult[MissionEntry[Site]]:
    """Read Geo-PKO's deployment sites: one `Site` per row (a location on one UN map).

    Each site has its place (the location, the country from ``country`` or else ``name``, and
    the coordinates), its date (the map's year and month), its troops (``No.troops``:
    ``unknown`` is kept as an unknown `Strength`), each contributing country with its troops
    (a name Geo-PKO writes as ``unknown`` is an unknown contributor; a name that is no one
    country, such as ``Ireland and Scotland``, is kept as written, with a warning; a count
    ``unknown`` or NA is unknown), the number of contributing countries (``No.TCC``), its
    headquarters level (`HEADQUARTERS`), whether police, military observers and a liaison office
    were there, reserve, force protection and regional protection force units with their sizes,
    the map (``Source``, trimmed) as its `Site.source_note`, the coders' comments as its
    `Site.note`, and `SOURCE` as its source. ``NA`` is read as not available.

    Counts are kept as the file gives them: where ``No.troops`` is not the sum of the
    countries' counts, or ``No.TCC`` not the number of countries listed, the row is taken with
    a warning. A latitude out of range with a longitude in range is swapped back, with a
    warning; a site without coordinates is taken without a position, with a warning.

    Args:
        source: The CSV file, as a path or an open text file.
        strict: Reject rows that needed a repair or call for a warning, instead of taking them.

    Returns:
        The sites, each with its mission's acronym and line, and the report.

    Raises:
        FormatError: If the header lacks the columns read (the message names them).

    Example:
        >>> result = read_sites("tests/fixtures/geopko_excerpt.csv")
        >>> result.report.rows_read == result.report.rows_taken + result.report.rows_rejected
        True
    """
    return run(
        source,
        [_LAYOUT],
        "the Geo-PKO deployment sites",
        _parser,
        strict=strict,
        sources=(SOURCE,),
        na=("NA",),
        fast=_fast,
    )
