"""Read the CSV exports of the UN Peace and Security Data Hub.

Three tables are read, with their column names as published:

* the mission list (DPPADPOSS-PKO), with `read_missions`;
* the monthly troop and police contributions (DPO-UCHISTORICAL), in the current export and in
  the older one (``Contribution_ID, ISOCode3, ...`` with ``dd/mm/YYYY`` dates), with
  `read_contributions`;
* the fatalities (DPPADPOSS-FATALITIES), with `read_fatalities`.

Each reader takes a path or an open text file, streams the rows, and returns an `ImportResult`
whose report accounts for every row (see `missionmodel.importers`).

Example:
    >>> result = read_contributions("examples/data/un_contributions.csv")
    >>> entry = result.records[0]
    >>> entry.mission, entry.record.contributor, entry.record.kind.value, str(entry.record.strength)
    ('UNIFIL', 'IDN', 'troops', '1,231')
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import pycountry

from ..actor import Actor, ActorKind
from ..contribution import Contribution, ContributionKind, ContributionStatus
from ..countries import is_country_code, suggest_code
from ..exceptions import ValidationError
from ..fatality import Fatality, Gender
from ..mission import Mission, MissionKind, MissionStatus, slug_of
from ..place import Place
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
    shown,
)
from .result import ImportResult, MissionEntry

__all__ = [
    "CONTRIBUTIONS_SOURCE",
    "FATALITIES_SOURCE",
    "MISSIONS_SOURCE",
    "PERSONNEL_TYPES",
    "read_contributions",
    "read_fatalities",
    "read_missions",
]

MISSIONS_SOURCE = Source(
    id="un-data-hub-missions",
    title="UN Peace and Security Data Hub: peacekeeping missions (DPPADPOSS-PKO)",
    publisher="United Nations",
)
"""The source that missions read by `read_missions` declare."""

CONTRIBUTIONS_SOURCE = Source(
    id="un-data-hub-contributions",
    title="UN Peace and Security Data Hub: troop and police contributions (DPO-UCHISTORICAL)",
    publisher="United Nations",
)
"""The source that contributions read by `read_contributions` cite."""

FATALITIES_SOURCE = Source(
    id="un-data-hub-fatalities",
    title="UN Peace and Security Data Hub: fatalities (DPPADPOSS-FATALITIES)",
    publisher="United Nations",
)
"""The source that fatalities read by `read_fatalities` cite."""

PERSONNEL_TYPES: dict[str, ContributionKind] = {
    "Troops": ContributionKind.TROOPS,
    "Staff Officer": ContributionKind.STAFF_OFFICERS,
    "Experts on Mission": ContributionKind.MILITARY_OBSERVERS,
    "Formed Police Units": ContributionKind.FORMED_POLICE_UNITS,
    "Individual Police": ContributionKind.INDIVIDUAL_POLICE,
}
"""The Data Hub's personnel types and the kinds of contribution they are read as."""

_PERSONNEL_BY_KEY = {name.casefold(): kind for name, kind in PERSONNEL_TYPES.items()}
_PERSONNEL_BY_KEY.update(
    {"troop": ContributionKind.TROOPS, "staff officers": ContributionKind.STAFF_OFFICERS}
    | {"expert on mission": ContributionKind.MILITARY_OBSERVERS, "formed police unit": ContributionKind.FORMED_POLICE_UNITS}
)

_DEPARTMENTS = {
    "DPO": "United Nations Department of Peace Operations",
    "DPKO": "United Nations Department of Peacekeeping Operations",
    "DPPA": "United Nations Department of Political and Peacebuilding Affairs",
    "DPA": "United Nations Department of Political Affairs",
}

# --- the mission list -------------------------------------------------------------------------

_MISSION_LAYOUT = Layout(
    name="UN Data Hub missions",
    columns={
        "id": ("id",),
        "mission_acronym": ("mission_acronym",),
        "mission_name": ("mission_name",),
        "lead_department": ("lead_department",),
        "mission_isactive": ("mission_isactive",),
        "start_date": ("start_date",),
        "end_date": ("end_date",),
        "mission_location": ("mission_location",),
        "mission_longitude": ("mission_longitude",),
        "mission_latitude": ("mission_latitude",),
    },
    required=frozenset({"mission_acronym", "mission_name", "mission_isactive", "start_date", "end_date"}),
)


def _status(cells: Cells) -> MissionStatus | None:
    value = cells.text("mission_isactive", required=True)
    if value is None:
        return None
    canonical = {"yes": "Yes", "no": "No"}.get(value.casefold())
    if canonical is None:
        cells.problem("mission_isactive", f"must be 'Yes' or 'No' (got {shown(value)})")
        return None
    if value != canonical:
        cells.warn("mission_isactive", f"read {value!r} as {canonical!r}")
    return MissionStatus.ACTIVE if canonical == "Yes" else MissionStatus.CLOSED


def _coordinates(cells: Cells) -> tuple[float | None, float | None]:
    latitude = cells.decimal("mission_latitude")
    longitude = cells.decimal("mission_longitude")
    if latitude is None or longitude is None:
        if (latitude is None) != (longitude is None):
            given = "mission_latitude" if longitude is None else "mission_longitude"
            cells.warn(given, "dropped: a coordinate was given without the other")
        return None, None
    if abs(latitude) > 90 and abs(longitude) <= 90:
        cells.warn(
            "mission_latitude",
            f"latitude {latitude!r} is out of range and longitude {longitude!r} is not: swapped them",
        )
        latitude, longitude = longitude, latitude
    return latitude, longitude


def _missions_parser(layout: Layout) -> RowParser[Mission]:
    seen: dict[str, int] = {}

    def parse(cells: Cells) -> Iterator[Mission]:
        acronym = cells.text("mission_acronym", required=True)
        name = cells.text("mission_name")
        status = _status(cells)
        start = cells.date("start_date")
        end = cells.date("end_date")
        location = cells.text("mission_location")
        latitude, longitude = _coordinates(cells)
        department = cells.text("lead_department")
        if acronym is not None:
            if acronym in seen:
                cells.problem("mission_acronym", f"repeats mission {acronym!r} of line {seen[acronym]}")
            else:
                seen[acronym] = cells.line
            if not slug_of(acronym):
                cells.problem("mission_acronym", f"has no letter or digit (got {acronym!r})")
        if cells.problems or acronym is None or status is None:
            return
        if name is None:
            cells.warn("mission_name", f"is empty: the acronym {acronym!r} is used as the name")
        country = suggest_code(location) if location else None
        place = None
        if location is not None:
            place = Place(name=location, country=country, latitude=latitude, longitude=longitude)
        elif latitude is not None:
            cells.warn("mission_latitude", "dropped the coordinates: there is no mission_location to name the place")
        actors: tuple[Actor, ...] = ()
        lead = None
        if department is not None:
            lead = "un-" + slug_of(department)
            title = _DEPARTMENTS.get(department.upper(), f"United Nations {department}")
            actors = (Actor(id=lead, name=title, kind=ActorKind.INTERNATIONAL_ORGANIZATION),)
        yield Mission.from_acronym(
            acronym,
            name=name or acronym,
            kind=MissionKind.PEACEKEEPING,
            status=status,
            area=location,
            countries=(country,) if country else (),
            location=place,
            established=start,
            ended=end,
            lead=lead,
            actors=actors,
            sources=(MISSIONS_SOURCE,),
        )

    return parse


def read_missions(source: CsvSource, *, strict: bool = False) -> ImportResult[Mission]:
    """Read the Data Hub's list of peacekeeping missions (DPPADPOSS-PKO).

    Each row becomes a `Mission` of kind peacekeeping: id from the acronym, status active or
    closed from ``mission_isactive`` (``Yes``, ``No``; other capitalisations such as ``NO`` are
    read with a warning), established and ended from the dates, area and `Mission.location` from
    ``mission_location`` and the coordinates (a decimal comma is read with a warning; a latitude
    out of range with a longitude in range is taken as swapped, with a warning), the country
    when the location names one, and the lead department as a declared actor (``un-dpo``).
    A mission with no start date or no location is taken without them. A repeated acronym is
    rejected.

    Args:
        source: The CSV file, as a path or an open text file (a UTF-8 byte order mark is skipped).
        strict: Reject rows that needed a repair, instead of taking them with a warning.

    Returns:
        The missions and the report.

    Raises:
        FormatError: If the header lacks the list's columns (the message names them).

    Example:
        >>> result = read_missions("examples/data/un_missions.csv")
        >>> unifil = next(m for m in result.records if m.acronym == "UNIFIL")
        >>> unifil.id, unifil.status.value, str(unifil.established), unifil.countries
        ('unifil', 'active', '1978-03-19', ('LBN',))
    """
    what = "the UN Data Hub mission list"
    return run(source, [_MISSION_LAYOUT], what, _missions_parser, strict=strict, sources=(MISSIONS_SOURCE,))


# --- contributions ----------------------------------------------------------------------------

_CURRENT = Layout(
    name="UN Data Hub contributions",
    columns={
        "mission_acronym": ("mission_acronym",),
        "isocode3": ("isocode3",),
        "contributing_country": ("contributing_country",),
        "personnel_type": ("personnel_type",),
        "female_personnel": ("female_personnel",),
        "male_personnel": ("male_personnel",),
        "last_reporting_date": ("last_reporting_date",),
        "contribution_id": ("contribution_id",),
        "m49_code": ("m49_code",),
    },
    required=frozenset(
        {"mission_acronym", "isocode3", "personnel_type", "female_personnel", "male_personnel", "last_reporting_date"}
    ),
)


def _personnel(cells: Cells) -> ContributionKind | None:
    personnel = cells.text("personnel_type", required=True)
    if personnel is None:
        return None
    kind = _PERSONNEL_BY_KEY.get(" ".join(personnel.split()).casefold())
    if kind is None:
        allowed = ", ".join(repr(name) for name in PERSONNEL_TYPES)
        cells.problem("personnel_type", f"must be one of {allowed} (got {personnel!r})")
    return kind


_CONTRIBUTION_SOURCES = (CONTRIBUTIONS_SOURCE.id,)
"""The sources of every contribution read: one tuple, shared."""


def _contributions_parser(layout: Layout) -> RowParser[MissionEntry[Contribution]]:
    acronyms: dict[str, str] = {}
    sources = _CONTRIBUTION_SOURCES

    def parse(cells: Cells) -> Iterator[MissionEntry[Contribution]]:
        mission = cells.text("mission_acronym", required=True)
        contributor = country_code(cells, "isocode3", "contributing_country")
        kind = _personnel(cells)
        female = cells.integer("female_personnel", required=True)
        male = cells.integer("male_personnel", required=True)
        as_of = cells.date("last_reporting_date", required=True, day_first=layout.day_first)
        if cells.problems or mission is None or contributor is None or kind is None or female is None or male is None:
            return
        mission = acronyms.setdefault(mission, mission)
        contribution = Contribution(
            contributor=contributor,
            kind=kind,
            status=ContributionStatus.DEPLOYED,
            strength=exact_strength(female + male),
            female=female,
            male=male,
            as_of=as_of,
            sources=sources,
        )
        yield MissionEntry(mission=mission, record=contribution, row=cells.line)

    return parse


def _contributions_fast(table: Table, records: list[MissionEntry[Contribution]]) -> FastRows:
    """The fast path: a row whose cells were all read cleanly before, built without a `Cells`.

    Each cell is looked up in its column's cache of clean texts (a text not seen yet is read once,
    by the same code as the parser's); a row with any other text, or whose contribution does not
    validate, is left to the parser. Values come from the caches, so rows share them: one string
    per acronym and code, one int per count, one `PartialDate` per date, one `Strength` per total.
    """
    day_first = table.layout.day_first
    at = table.positions
    i_mission, i_code, i_type = at["mission_acronym"], at["isocode3"], at["personnel_type"]
    i_female, i_male, i_date = at["female_personnel"], at["male_personnel"], at["last_reporting_date"]
    missions = table.clean("mission_acronym", required(lambda cells: cells.text("mission_acronym", required=True)))
    codes = table.clean("isocode3", required(lambda cells: country_code(cells, "isocode3", "contributing_country")))
    kinds = table.clean("personnel_type", required(_personnel))
    counts = table.clean("female_personnel", required(lambda cells: cells.integer("female_personnel", required=True)))
    dates = table.clean(
        "last_reporting_date",
        required(lambda cells: cells.date("last_reporting_date", required=True, day_first=day_first)),
    )
    mission_of, code_of, kind_of = missions.known.get, codes.known.get, kinds.known.get
    count_of, date_of = counts.known.get, dates.known.get
    strengths: dict[int, Strength] = {}
    contribution = record_maker(Contribution, "contributor", "kind", "status", "strength", "female", "male", "as_of", "sources")
    entry = record_maker(MissionEntry, "mission", "record", "row")
    deployed, sources, append = ContributionStatus.DEPLOYED, _CONTRIBUTION_SOURCES, records.append

    def take(values: list[str], line: int) -> bool:
        text = values[i_mission]
        mission = mission_of(text)
        if mission is None and (mission := missions.learn(text)) is UNCLEAN:
            return False
        text = values[i_code]
        contributor = code_of(text)
        if contributor is None and (contributor := codes.learn(text)) is UNCLEAN:
            return False
        text = values[i_type]
        kind = kind_of(text)
        if kind is None and (kind := kinds.learn(text)) is UNCLEAN:
            return False
        text = values[i_female]
        female = count_of(text)
        if female is None:  # written out: mypy narrows this form only
            female = counts.learn(text)
            if female is UNCLEAN:
                return False
        text = values[i_male]
        male = count_of(text)
        if male is None:  # written out: mypy narrows this form only
            male = counts.learn(text)
            if male is UNCLEAN:
                return False
        text = values[i_date]
        as_of = date_of(text)
        if as_of is None and (as_of := dates.learn(text)) is UNCLEAN:
            return False
        total = female + male
        try:
            strength = strengths.get(total)
            if strength is None:
                strength = strengths[total] = exact_strength(total)  # raises for an implausible total
            record = contribution(contributor, kind, deployed, strength, female, male, as_of, sources)
        except ValidationError:
            return False  # the parser reads the row again and reports why
        append(entry(mission, record, line))
        return True

    return take


_OLD = Layout(
    name="UN Data Hub contributions (older export, dd/mm/YYYY dates)",
    columns=_CURRENT.columns,
    required=_CURRENT.required,
    day_first=True,
    spelled=("Contribution_ID", "ISOCode3", "M49Code"),
)


def read_contributions(source: CsvSource, *, strict: bool = False) -> ImportResult[MissionEntry[Contribution]]:
    """Read the Data Hub's monthly troop and police contributions (DPO-UCHISTORICAL).

    Each row (one country, mission, personnel type and month) becomes one deployed `Contribution`
    with its women and men counted in ``female`` and ``male`` and their sum as its exact strength,
    ``as_of`` the last reporting date, and the mission's acronym in the `MissionEntry`. Personnel
    types are read as in `PERSONNEL_TYPES` (Troops, Staff Officer, Experts on Mission as military
    observers, Formed Police Units, Individual Police).

    Both exports are read: the current one (``contribution_id,contributing_country,isocode3,...``)
    and the older one (``Contribution_ID,ISOCode3,...``, whose ``dd/mm/YYYY`` dates are expected
    and give no warning). In the current export a ``dd/mm/YYYY`` date is read with a warning. A
    missing or unknown ISO code is taken from the country name when it names a country, with a
    warning.

    Equal values are shared between the records (one string per code and acronym, one int per
    count, one `PartialDate` per date, one `Strength` per total), which keeps the records of a
    large file small: about 250 bytes a row, entry and line number included.

    Args:
        source: The CSV file, as a path or an open text file.
        strict: Reject rows that needed a repair, instead of taking them with a warning.

    Returns:
        The contributions, each with its mission's acronym and line, and the report.

    Raises:
        FormatError: If the header lacks the table's columns (the message names them).

    Example:
        >>> result = read_contributions("examples/data/un_contributions.csv")
        >>> result.report.rows_read == result.report.rows_taken + result.report.rows_rejected
        True
    """
    return run(
        source,
        [_OLD, _CURRENT],
        "the UN Data Hub troop and police contributions",
        _contributions_parser,
        strict=strict,
        sources=(CONTRIBUTIONS_SOURCE,),
        fast=_contributions_fast,
    )


# --- fatalities -------------------------------------------------------------------------------

_FATALITY_LAYOUT = Layout(
    name="UN Data Hub fatalities",
    columns={
        "id": ("id",),
        "incident_date": ("incident_date",),
        "casualty_id": ("casualty_id",),
        "mission_acronym": ("mission_acronym",),
        "type_of_casualty": ("type_of_casualty",),
        "gender": ("gender",),
        "casualty_nationality": ("casualty_nationality",),
        "casualty_personnel_type": ("casualty_personnel_type",),
        "type_of_incident": ("type_of_incident",),
        "m49_code": ("m49_code",),
        "isocode3": ("isocode3",),
    },
    required=frozenset({"incident_date", "mission_acronym", "casualty_nationality", "isocode3", "type_of_incident"}),
)

_M49: dict[int, str] = {}


def _m49_to_alpha3(code: int) -> str | None:
    if not _M49:
        _M49.update({int(country.numeric): country.alpha_3 for country in pycountry.countries})
    return _M49.get(code)


def _m49(cells: Cells) -> int | None:
    value = cells.text("m49_code")
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        cells.problem("m49_code", f"must be a number (got {shown(value)})")
        return None
    if not math.isfinite(number) or number != int(number) or number < 0:
        cells.problem("m49_code", f"must be a whole number (got {shown(value)})")
        return None
    return int(number)


_UNDETERMINED = "zz"


def _nationality(cells: Cells) -> str | None:
    code = cells.text("isocode3")
    name = cells.text("casualty_nationality")
    m49 = _m49(cells)
    from_m49 = _m49_to_alpha3(m49) if m49 is not None else None
    if code is not None:
        if not is_country_code(code):
            cells.problem("isocode3", f"{code!r} is not an ISO 3166-1 alpha-3 country code")
            return None
        if from_m49 is not None and from_m49 != code:
            cells.warn("m49_code", f"M49 code {m49} is {from_m49!r}, not {code!r}: kept isocode3 {code!r}")
        return code
    if from_m49 is not None:
        cells.warn("isocode3", f"is empty: read {from_m49!r} from M49 code {m49}")
        return from_m49
    if m49 is not None:
        cells.problem("m49_code", f"{m49} is not the M49 code of a country")
        return None
    if name is None or name.casefold().startswith(_UNDETERMINED) or "undetermined" in name.casefold():
        return None  # nationality not determined: kept as unknown
    guess = suggest_code(name)
    if guess is None:
        cells.problem("casualty_nationality", f"{name!r} is not a country known to ISO 3166, and isocode3 is empty")
        return None
    cells.warn("isocode3", f"is empty: read {guess!r} from {name!r}")
    return guess


def _gender(cells: Cells) -> Gender | None:
    value = cells.text("gender")
    if value is None:
        return None
    gender = _GENDERS.get(value.casefold())
    if gender is None:
        cells.problem("gender", f"must be 'Female', 'Male', 'F', 'M' or empty (got {shown(value)})")
    return gender


_GENDERS = {"female": Gender.FEMALE, "f": Gender.FEMALE, "male": Gender.MALE, "m": Gender.MALE}
"""Gender as the Data Hub writes it: in full in older exports, ``F`` and ``M`` in the real 2025 one."""


def _fatalities_parser(layout: Layout) -> RowParser[MissionEntry[Fatality]]:
    sources = (FATALITIES_SOURCE.id,)

    def parse(cells: Cells) -> Iterator[MissionEntry[Fatality]]:
        date = cells.date("incident_date", required=True)
        mission = cells.text("mission_acronym", required=True)
        nationality = _nationality(cells)
        gender = _gender(cells)
        personnel = cells.text("casualty_personnel_type")
        incident = cells.text("type_of_incident")
        casualty = cells.text("type_of_casualty")
        casualty_id = cells.text("casualty_id")
        if cells.problems or date is None or mission is None:
            return
        fatality = Fatality(
            date=date,
            nationality=nationality,
            gender=gender,
            personnel_type=personnel,
            incident_type=incident,
            casualty_type=casualty,
            casualty_id=casualty_id,
            sources=sources,
        )
        yield MissionEntry(mission=mission, record=fatality, row=cells.line)

    return parse


def read_fatalities(source: CsvSource, *, strict: bool = False) -> ImportResult[MissionEntry[Fatality]]:
    """Read the Data Hub's fatalities of mission personnel (DPPADPOSS-FATALITIES).

    Each row becomes one `Fatality`. Category values are trimmed (with a warning when they had
    spaces around them); an undetermined nationality (``ZZ [Undetermined]`` with empty codes) is
    kept as None; an M49 code written as a float (``250.0``) is read as a whole number, gives the
    nationality when ``isocode3`` is empty (with a warning), and is checked against it otherwise;
    an empty gender is None.

    Args:
        source: The CSV file, as a path or an open text file.
        strict: Reject rows that needed a repair, instead of taking them with a warning.

    Returns:
        The fatalities, each with its mission's acronym and line, and the report.

    Raises:
        FormatError: If the header lacks the table's columns (the message names them).

    Example:
        >>> result = read_fatalities("examples/data/un_fatalities.csv")
        >>> result.records[0].record.incident_type
        'Malicious Act'
    """
    return run(
        source,
        [_FATALITY_LAYOUT],
        "the UN Data Hub fatalities",
        _fatalities_parser,
        strict=strict,
        sources=(FATALITIES_SOURCE,),
    )
