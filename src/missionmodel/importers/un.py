"""Read the CSV exports of the UN Peace and Security Data Hub.

These tables are read, with their column names as published (in snake_case, Title Case or dotted
lower case: a header is recognised by its names once normalised):

* the mission list (DPPADPOSS-PKO), with `read_missions`;
* the monthly troop and police contributions (DPO-UCHISTORICAL), in the current export and in
  the older one (``Contribution_ID, ISOCode3, ...`` with ``dd/mm/YYYY`` dates), with
  `read_contributions`;
* the fatalities (DPPADPOSS-FATALITIES), and the police fatalities (DPPADPO-FATALITIESPOL), with
  `read_fatalities`;
* the latest contributions by country (DPO-UCLATEST), with `read_country_totals`.

Each reader takes a path or an open text file, streams the rows, and returns an `ImportResult`
whose report accounts for every row (see `missionmodel.importers`).

Example:
    >>> result = read_contributions("examples/data/un_contributions.csv")
    >>> entry = result.records[0]
    >>> entry.mission, entry.record.contributor, entry.record.kind.value, str(entry.record.strength)
    ('UNIFIL', 'IDN', 'troops', '1,231')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

import pycountry

from ..actor import Actor, ActorKind
from ..contribution import Contribution, ContributionKind, ContributionStatus
from ..countries import is_country_code, suggest_code
from ..dates import PartialDate
from ..exceptions import ValidationError
from ..fatality import Fatality, Gender
from ..mission import Mission, MissionKind, MissionStatus, slug_of
from ..place import Place
from ..sources import Source, SourceKind
from ..strength import Strength
from ..totals import ContributorTotal
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
    shown,
)
from .result import ImportResult, MissionEntry, RowIssue

__all__ = [
    "CONTRIBUTIONS_SOURCE",
    "COUNTRY_TOTALS_SOURCE",
    "FATALITIES_SOURCE",
    "MISSIONS_SOURCE",
    "PERSONNEL_TYPES",
    "POLICE_FATALITIES_SOURCE",
    "read_contributions",
    "read_country_totals",
    "read_fatalities",
    "read_missions",
]

MISSIONS_SOURCE = Source(
    id="un-data-hub-missions",
    kind=SourceKind.DATASET,
    language="en",
    title="UN Peace and Security Data Hub: peacekeeping missions (DPPADPOSS-PKO)",
    publisher="United Nations",
)
"""The source that missions read by `read_missions` declare."""

CONTRIBUTIONS_SOURCE = Source(
    id="un-data-hub-contributions",
    kind=SourceKind.DATASET,
    language="en",
    title="UN Peace and Security Data Hub: troop and police contributions (DPO-UCHISTORICAL)",
    publisher="United Nations",
)
"""The source that contributions read by `read_contributions` cite."""

FATALITIES_SOURCE = Source(
    id="un-data-hub-fatalities",
    kind=SourceKind.DATASET,
    language="en",
    title="UN Peace and Security Data Hub: fatalities (DPPADPOSS-FATALITIES)",
    publisher="United Nations",
)
"""The source that fatalities read by `read_fatalities` cite."""

POLICE_FATALITIES_SOURCE = Source(
    id="un-data-hub-police-fatalities",
    kind=SourceKind.DATASET,
    language="en",
    title="UN Peace and Security Data Hub: police fatalities in field missions (DPPADPO-FATALITIESPOL)",
    publisher="United Nations",
)
"""The source that fatalities read by `read_fatalities` from the police fatalities table cite."""

COUNTRY_TOTALS_SOURCE = Source(
    id="un-data-hub-country-totals",
    kind=SourceKind.DATASET,
    language="en",
    title="UN Peace and Security Data Hub: latest uniformed personnel contribution by country (DPO-UCLATEST)",
    publisher="United Nations",
)
"""The source that the totals read by `read_country_totals` cite."""

PERSONNEL_TYPES: dict[str, ContributionKind] = {
    "Troops": ContributionKind.TROOPS,
    "Staff Officer": ContributionKind.STAFF_OFFICERS,
    "Experts on Mission": ContributionKind.MILITARY_OBSERVERS,
    "Formed Police Units": ContributionKind.FORMED_POLICE_UNITS,
    "Individual Police": ContributionKind.INDIVIDUAL_POLICE,
}
"""The Data Hub's personnel types and the kinds of contribution they are read as.

They are recognised in any case and in snake_case, as the Data Hub's column definitions write
them (``formed_police_units``, ``staff_officer``, ``FORMED POLICE UNITS``), singular or plural,
and under a few other names of the same kinds (``Military Observers``, ``Police``, ``FPU``).
"""


def _personnel_key(text: str) -> str:
    """A personnel type reduced for matching: ``Formed_Police-Units`` -> ``formed police units``."""
    return " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()


_PERSONNEL_BY_KEY = {_personnel_key(name): kind for name, kind in PERSONNEL_TYPES.items()}
_PERSONNEL_BY_KEY.update(
    dict.fromkeys(("troop", "contingent troops", "military contingents"), ContributionKind.TROOPS)
    | dict.fromkeys(("staff officers",), ContributionKind.STAFF_OFFICERS)
    | dict.fromkeys(
        ("expert on mission", "military experts on mission", "military observer", "military observers"),
        ContributionKind.MILITARY_OBSERVERS,
    )
    | dict.fromkeys(("formed police unit", "fpu", "fpus"), ContributionKind.FORMED_POLICE_UNITS)
    | dict.fromkeys(
        ("individual police officer", "individual police officers", "ipo", "ipos"), ContributionKind.INDIVIDUAL_POLICE
    )
    | dict.fromkeys(("police", "civilian police"), ContributionKind.POLICE)
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


_LAST_WORDS = frozenset({"the", "of", "in", "for", "and", "on", "to", "a", "an"})
"""Words a mission's name does not end with: a name ending so was cut short."""

_HEADQUARTERS_KM = 25.0
"""How far a row's point may be from its town as the mission catalogue places it before a warning."""


def _truncation(name: str) -> str | None:
    """Why a name looks cut short (DOMREP's ``"Mission of the Representative of the Secretary-General in the``), or None."""
    reasons = []
    if name.count('"') % 2 == 1:
        reasons.append("an unmatched quote")
    last = name.split()[-1].casefold()
    if last in _LAST_WORDS:
        reasons.append(f"it ends with {last!r}")
    return " and ".join(reasons) or None


def _town_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _catalogue_point(cells: Cells, latitude: float | None, longitude: float | None, headquarters: Place | None) -> None:
    """Warn when the row's point is far from its town as the mission catalogue places it (no extra needed)."""
    from .. import geography

    if latitude is None or longitude is None or headquarters is None or headquarters.latitude is None:
        return
    if headquarters.longitude is None or not (abs(latitude) <= 90 and abs(longitude) <= 180):
        return  # out of range: the place's own check rejects the row
    distance = geography.distance_km(latitude, longitude, headquarters.latitude, headquarters.longitude)
    if distance <= _HEADQUARTERS_KM:
        return
    swapped = ""
    if abs(longitude) <= 90:
        again = geography.distance_km(longitude, latitude, headquarters.latitude, headquarters.longitude)
        if again <= _HEADQUARTERS_KM:
            swapped = f", {again:,.1f} km once latitude and longitude are swapped"
    cells.warn(
        "mission_latitude",
        f"latitude {latitude!r} and longitude {longitude!r} are {distance:,.0f} km from {headquarters.name} as the"
        f" mission catalogue places it ({headquarters.latitude!r}, {headquarters.longitude!r}){swapped}: kept as given",
    )


def _missions_parser(layout: Layout, *, strict: bool = False) -> RowParser[Mission]:
    """The row parser of the mission list.

    A row whose acronym repeats a mission already taken is compared with it, cell by cell (all
    the columns read but ``id``): an exact repeat is the same mission (taken, with a warning, and
    no second record); a repeat with other values is rejected, naming the line kept and the
    columns that differ, since the file does not tell which of the two is right. Only taken rows
    count: a repeat of a rejected row (a corrected copy) is read as a new row.
    """
    taken: dict[str, tuple[int, tuple[str, ...]]] = {}
    compared = [name for name in layout.columns if name != "id"]

    def parse(cells: Cells) -> Iterator[Mission]:
        from .. import catalogue

        acronym = cells.text("mission_acronym", required=True)
        name = cells.text("mission_name")
        status = _status(cells)
        start = cells.date("start_date")
        end = cells.date("end_date")
        location = cells.text("mission_location")
        latitude, longitude = cells.coordinates("mission_latitude", "mission_longitude")
        department = cells.text("lead_department")
        key = " ".join(acronym.split()).casefold() if acronym is not None else None
        signature = tuple(" ".join((cells.raw(column) or "").split()) for column in compared)
        if acronym is not None:
            if not slug_of(acronym):
                cells.problem("mission_acronym", f"has no letter or digit (got {acronym!r})")
            elif key in taken:
                line, earlier = taken[key]
                if earlier == signature:
                    cells.warn("mission_acronym", f"repeats line {line} exactly: read as the same mission")
                    return
                differing = ", ".join(cells.column(c) for c, a, b in zip(compared, earlier, signature, strict=True) if a != b)
                cells.problem(
                    "mission_acronym", f"repeats mission {acronym!r} of line {line} with other {differing}: line {line} is kept"
                )
        if cells.problems or acronym is None or status is None:
            return
        info = catalogue.lookup(acronym)
        named = suggest_code(location) if location else None  # a location that names a country (older samples)
        countries: tuple[str, ...] = info.countries if info is not None else ()
        if named is not None and named not in countries:
            countries += (named,)
        if info is None:
            cells.warn(
                "mission_acronym",
                f"{acronym!r} is not in the mission catalogue: "
                + (f"host country {named!r} read from mission_location" if named else "taken without host countries"),
            )
        truncated = _truncation(name) if name is not None else None
        name_from_catalogue = False
        if name is None or truncated is not None:
            written = name
            name_from_catalogue = info is not None and info.name is not None
            name = info.name if info is not None and info.name else acronym
            used = f"the {'catalogue' if name_from_catalogue else 'acronym'} name {name!r} is used"
            if truncated is not None:
                cells.warn("mission_name", f"{written!r} looks truncated ({truncated}): {used}")
            else:
                cells.warn("mission_name", f"is empty: {used}")
        place = None
        headquarters = info.headquarters if info is not None else None
        if headquarters is not None and (location is None or _town_key(headquarters.name) != _town_key(location)):
            headquarters = None  # the row names another place: the catalogue's headquarters tell nothing of it
        if location is not None:
            place_country = named
            found = None
            if latitude is not None and longitude is not None:
                latitude, longitude, found = _checked_point(cells, latitude, longitude, countries)
                _catalogue_point(cells, latitude, longitude, headquarters)
            if place_country is None and headquarters is not None:
                place_country = headquarters.country  # the catalogue knows the town: its country, or none (two towns)
            elif place_country is None and latitude is not None:
                place_country = found
            elif place_country is None and len(countries) == 1:
                place_country = countries[0]
            place = Place(name=location, country=place_country, latitude=latitude, longitude=longitude)
        elif latitude is not None:
            cells.warn("mission_latitude", "dropped the coordinates: there is no mission_location to name the place")
        actors: tuple[Actor, ...] = ()
        lead = None
        if department is not None:
            lead = "un-" + slug_of(department)
            title = _DEPARTMENTS.get(department.upper(), f"United Nations {department}")
            actors = (Actor(id=lead, name=title, kind=ActorKind.INTERNATIONAL_ORGANIZATION),)
        sources: tuple[Source, ...] = (MISSIONS_SOURCE,)
        if info is not None and set(info.countries) - {named}:  # countries the row does not name: cite the catalogue's sources
            sources += info.sources_of("countries")
        if info is not None and name_from_catalogue:
            sources += info.sources_of("name")  # the catalogue's name, the row's being empty or cut short
        if info is not None and headquarters is not None and named is None and headquarters.country is not None:
            sources += info.sources_of("headquarters")  # the place's country is the catalogue's
        sources = tuple({source.id: source for source in sources}.values())
        mission = Mission.from_acronym(
            acronym,
            name=name,
            kind=MissionKind.PEACEKEEPING,
            status=status,
            area=location if named else None,
            countries=countries,
            location=place,
            established=start,
            ended=end,
            lead=lead,
            actors=actors,
            profile_sources=tuple(source.id for source in sources),
            sources=sources,
        )
        if key is not None and not (strict and cells.warnings):
            taken.setdefault(key, (cells.line, signature))
        yield mission

    return parse


def _checked_point(
    cells: Cells, latitude: float, longitude: float, countries: tuple[str, ...]
) -> tuple[float, float, str | None]:
    """Check the mission's point against its host countries (with the ``geo`` extra); return it and its country.

    A point outside the host countries that is inside once latitude and longitude are swapped is
    swapped back, with a warning; a point outside either way is kept, with a warning. The country
    returned is the host country the point is in, when that is known (one host country and a
    point not found outside it; with several, the one found there), else None.
    """
    from .. import geography

    if not (abs(latitude) <= 90 and abs(longitude) <= 180):
        return latitude, longitude, None  # out of range: the place's own check rejects the row
    check = geography.check_point(latitude, longitude, countries)
    message = check.message()
    if message is not None:
        cells.warn("mission_latitude", message)
    if check.verdict is geography.Verdict.OUTSIDE:
        return check.latitude, check.longitude, None
    if len(countries) == 1:
        return check.latitude, check.longitude, countries[0]
    if check.verdict is geography.Verdict.UNKNOWN:
        return check.latitude, check.longitude, None
    found = geography.countries_near(check.latitude, check.longitude)
    matching = [code for code in countries if code in found]
    return check.latitude, check.longitude, matching[0] if len(matching) == 1 else None


def read_missions(source: CsvSource, *, strict: bool = False) -> ImportResult[Mission]:
    """Read the Data Hub's list of peacekeeping missions (DPPADPOSS-PKO).

    Each row becomes a `Mission` of kind peacekeeping: id from the acronym, status active or
    closed from ``mission_isactive`` (``Yes``, ``No``; other capitalisations such as ``NO`` are
    read with a warning), established and ended from the dates, and the lead department as a
    declared actor (``un-dpo``).

    The host countries come from the mission catalogue (`missionmodel.catalogue`), since the
    real list's ``mission_location`` is the headquarters' town (``Naqoura``, ``Juba``); a
    location that names a country (as older samples do) adds that country. A mission the
    catalogue does not know is taken with a warning. `Mission.location` is a `Place` named after
    ``mission_location``, with the coordinates (a decimal comma is read with a warning) and the
    country it is in: the catalogue's country of that town when the catalogue's headquarters of
    the mission is that town (Asmara in Eritrea, Pristina in Kosovo), else the host country the
    point is in. ``area`` is the location only when it names a country.

    Coordinates are checked: a latitude out of range with a longitude in range is taken as
    swapped, with a warning. With the ``geo`` extra installed (``pip install
    "missionmodel[geo]"``, see `missionmodel.geography`), the point is also checked against the
    host countries: a point outside them that is inside once latitude and longitude are swapped
    (Bamako written as latitude -8.0, longitude 12.65) is swapped back, with a warning; a point
    outside them either way is kept, with a warning. Without the extra only the range check is
    made, and swapped points within range are kept as written. With or without it, a point more
    than 25 km from the town as the catalogue places it is kept with a warning that says how far
    it is (and how near once swapped): the real list's "Asmara" for UNMEE is 351 km from Asmara,
    in Ethiopia, a host country, which the country check cannot see.

    A mission with no start date or no location is taken without them; an empty name, or one cut
    short (an unmatched quote, or a last word such as ``the``: the real list's DOMREP), is the
    catalogue's name, or else the acronym, with a warning quoting the row's. An exact repeat of a
    taken row is the same mission (a warning, no second record); a repeat with other values is
    rejected, naming the line kept and the columns that differ; a corrected repeat of a rejected
    row is taken.

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

    def parser(layout: Layout) -> RowParser[Mission]:
        return _missions_parser(layout, strict=strict)

    return run(source, [_MISSION_LAYOUT], what, parser, strict=strict, sources=(MISSIONS_SOURCE,))


# --- contributions ----------------------------------------------------------------------------

_CURRENT = Layout(
    name="UN Data Hub contributions",
    columns={
        "mission_acronym": ("mission_acronym",),
        "isocode3": ("isocode3", "iso3"),
        "contributing_country": ("contributing_country",),
        "personnel_type": ("personnel_type",),
        "female_personnel": ("female_personnel",),
        "male_personnel": ("male_personnel",),
        "last_reporting_date": ("last_reporting_date",),
        "contribution_id": ("contribution_id",),
        "m49_code": ("m49_code", "m49"),
    },
    required=frozenset(
        {"mission_acronym", "isocode3", "personnel_type", "female_personnel", "male_personnel", "last_reporting_date"}
    ),
)


def _personnel(cells: Cells) -> ContributionKind | None:
    personnel = cells.text("personnel_type", required=True)
    if personnel is None:
        return None
    kind = _PERSONNEL_BY_KEY.get(_personnel_key(personnel))
    if kind is None:
        allowed = ", ".join(repr(name) for name in PERSONNEL_TYPES)
        cells.problem("personnel_type", f"must be one of {allowed} (got {personnel!r})")
    return kind


def _contributor(cells: Cells) -> str | None:
    """The contributing country of a Data Hub row, from ``isocode3``, ``m49_code`` and ``contributing_country``.

    The ISO code is read first (a lower-case or alpha-2 code is read with a warning); when it is
    empty, the M49 code gives the country (with a warning), else the country's name does (with a
    warning). The M49 code, when given, is checked against the code read (a warning when they
    disagree; isocode3 is kept). The two codes written in each other's column (as the Data Hub's
    metadata describes them) are read swapped, with a warning.
    """
    swapped = _swapped_codes(cells)
    if swapped is not None:
        return swapped
    m49 = _m49(cells)
    written = cells.raw("isocode3")
    if m49 is not None and (written is None or not written.strip() or written.strip() in cells.na):
        found = _m49_to_alpha3(m49)
        if found is None:
            cells.problem("m49_code", f"{m49} is not the M49 code of a country, and isocode3 is empty")
            return None
        cells.warn("isocode3", f"is empty: read {found!r} from M49 code {m49}")
        return found
    code = country_code(cells, "isocode3", "contributing_country")
    if code is not None and m49 is not None:
        _check_m49(cells, m49, code)
    return code


def _m49_allowed(cells: Cells) -> frozenset[str]:
    """For the fast path: the codes the row's M49 code stands for (empty when there is none).

    An M49 code that stands for no country gives a warning, as in `_check_m49`, so that its text
    is not clean and its rows go to the parser.
    """
    m49 = _m49(cells)
    if m49 is None:
        return frozenset()
    allowed = _m49_countries(m49)
    if not allowed:
        cells.warn("m49_code", f"{m49} is not the M49 code of a country")
    return allowed


_CONTRIBUTION_SOURCES = (CONTRIBUTIONS_SOURCE.id,)
"""The sources of every contribution read: one tuple, shared."""


def _contributions_parser(layout: Layout) -> RowParser[MissionEntry[Contribution]]:
    acronyms: dict[str, str] = {}
    sources = _CONTRIBUTION_SOURCES

    def parse(cells: Cells) -> Iterator[MissionEntry[Contribution]]:
        mission = cells.text("mission_acronym", required=True)
        contributor = _contributor(cells)
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
    by the same code as the parser's); a row with any other text, whose M49 code does not stand
    for its ISO code, or whose contribution does not validate, is left to the parser. Values come
    from the caches, so rows share them: one string per acronym and code, one int per count, one
    `PartialDate` per date, one `Strength` per total. The M49 code is checked against the ISO
    code once for each ISO code and M49 text met together: each ISO code remembers the last M49
    text found to agree with it, so that a row costs one look-up and one comparison more.
    """
    day_first = table.layout.day_first
    at = table.positions
    i_mission, i_code, i_type = at["mission_acronym"], at["isocode3"], at["personnel_type"]
    i_female, i_male, i_date = at["female_personnel"], at["male_personnel"], at["last_reporting_date"]
    i_m49 = at.get("m49_code")  # None: the file has no M49 codes to check the ISO codes against
    missions = table.clean("mission_acronym", required(lambda cells: cells.text("mission_acronym", required=True)))
    codes = table.clean("isocode3", required(lambda cells: country_code(cells, "isocode3", "contributing_country")))
    m49s = table.clean("m49_code", _m49_allowed)
    kinds = table.clean("personnel_type", required(_personnel))
    counts = table.clean("female_personnel", required(lambda cells: cells.integer("female_personnel", required=True)))
    dates = table.clean(
        "last_reporting_date",
        required(lambda cells: cells.date("last_reporting_date", required=True, day_first=day_first)),
    )
    mission_of, code_of, kind_of = missions.known.get, codes.known.get, kinds.known.get
    count_of, date_of, m49_of = counts.known.get, dates.known.get, m49s.known.get
    strengths: dict[int, Strength] = {}
    contribution = record_maker(Contribution, "contributor", "kind", "status", "strength", "female", "male", "as_of", "sources")
    entry = record_maker(MissionEntry, "mission", "record", "row")
    deployed, sources, append = ContributionStatus.DEPLOYED, _CONTRIBUTION_SOURCES, records.append
    agreed: dict[str, str] = {}  # isocode3 text -> the m49_code text last found to stand for its country
    agreed_with = agreed.get

    def agree(code_text: str, contributor: str, m49_text: str) -> bool:
        """Whether an M49 text not yet met with this ISO code reads cleanly and stands for its country."""
        allowed = m49_of(m49_text)
        if allowed is None:
            allowed = m49s.learn(m49_text)
            if allowed is UNCLEAN:
                return False
        if allowed and contributor not in allowed:
            return False  # the codes disagree: the parser warns
        if len(agreed) < CACHE_LIMIT:
            agreed[code_text] = m49_text
        return True

    def take(values: list[str], line: int) -> bool:
        text = values[i_mission]
        mission = mission_of(text)
        if mission is None and (mission := missions.learn(text)) is UNCLEAN:
            return False
        text = values[i_code]
        contributor = code_of(text)
        if contributor is None:  # written out: mypy narrows this form only
            contributor = codes.learn(text)
            if contributor is UNCLEAN:
                return False
        if i_m49 is not None and agreed_with(text) != values[i_m49] and not agree(text, contributor, values[i_m49]):
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
    observers, Formed Police Units, Individual Police), in any case and in snake_case as the
    column definitions write them (``formed_police_units``, ``FORMED POLICE UNITS``), singular
    or plural.

    Every column of the table's definitions is recognised, in the header styles the Data Hub has
    used (``last_reporting_date``, ``Last Reporting Date``, ``last.reporting.date``,
    ``LAST_REPORTING_DATE``); columns it does not read (``last_update``) are ignored. Both exports
    are read: the current one (``contribution_id,contributing_country,isocode3,...``) and the older
    one (``Contribution_ID,ISOCode3,...``, whose ``dd/mm/YYYY`` dates are expected and give no
    warning). In the current export a ``dd/mm/YYYY`` date is read with a warning; dates are read
    in the forms of `missionmodel.importers._csv.read_date` (``2024-09-30``, ``30-Sep-24`` ...).

    The contributor is ``isocode3`` (a former state keeps its code, e.g. ``YUG``); when it is
    empty, the M49 code gives it, else the country's name does, with a warning. The M49 code
    (``360`` or, as the Data Hub writes it, ``360.0``) is checked against the ISO code: when it
    stands for another country the row is taken, with isocode3 kept, and a warning. Codes
    written in each other's columns are read swapped, with a warning. Spaces around a value are
    trimmed, with a warning.

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

_FATALITY_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "incident_date": ("incident_date",),
    "casualty_id": ("casualty_id",),
    "mission_acronym": ("mission_acronym",),
    "type_of_casualty": ("type_of_casualty",),
    "gender": ("gender",),
    "casualty_nationality": ("casualty_nationality",),
    "casualty_personnel_type": ("casualty_personnel_type",),
    "type_of_incident": ("type_of_incident",),
    "m49_code": ("m49_code", "m49"),
    "isocode3": ("isocode3", "iso3"),
}
_FATALITY_REQUIRED = frozenset({"incident_date", "mission_acronym", "casualty_nationality", "isocode3", "type_of_incident"})

_FATALITY_LAYOUT = Layout(name="UN Data Hub fatalities", columns=_FATALITY_COLUMNS, required=_FATALITY_REQUIRED | {"gender"})

_POLICE_FATALITY_LAYOUT = Layout(
    name="UN Data Hub police fatalities (DPPADPO-FATALITIESPOL: no gender column)",
    columns=_FATALITY_COLUMNS,
    required=_FATALITY_REQUIRED,
)
"""The police fatalities table has the fatalities table's columns but gender: it is told apart by that."""

# --- M49 codes (read by the fatalities, contributions and country totals) ---

_M49_TEXT = re.compile(r"^([0-9]{1,3})(?:\.0*)?$")
"""An M49 code as the Data Hub writes it: ``250``, or as a float, ``250.0``; ASCII digits only."""

_M49_FORMER: dict[int, str] = {
    200: "CSK",  # Czechoslovakia
    230: "ETH",  # Ethiopia before Eritrea's independence (1993); now 231
    278: "DDR",  # German Democratic Republic
    280: "DEU",  # Federal Republic of Germany before 1990; now 276
    530: "ANT",  # Netherlands Antilles
    720: "YMD",  # Democratic Yemen
    736: "SDN",  # Sudan before South Sudan's independence (2011); now 729
    810: "SUN",  # USSR
    886: "YEM",  # Yemen Arab Republic, before 1990; now 887
    890: "YUG",  # Socialist Federal Republic of Yugoslavia (the real 2025 fatalities export codes YUG so)
    891: "SCG",  # Serbia and Montenegro; until 2003 the Federal Republic of Yugoslavia (ISO's YUG, also 891)
}
"""The UN's M49 codes of former states and of states' former codes, with the alpha-3 code of the state they name."""


@functools.cache
def _m49_table() -> dict[int, tuple[str, frozenset[str]]]:
    """M49 number -> (the alpha-3 code it is read as, every alpha-3 code it may stand for)."""
    current: dict[int, str] = {int(country.numeric): country.alpha_3 for country in pycountry.countries}
    every: dict[int, set[str]] = {number: {code} for number, code in current.items()}
    former: dict[int, set[str]] = {}
    for country in pycountry.historic_countries:
        numeric = getattr(country, "numeric", None)
        if numeric and is_country_code(country.alpha_3):
            former.setdefault(int(numeric), set()).add(country.alpha_3)
    for number, code in _M49_FORMER.items():
        if is_country_code(code):
            former.setdefault(number, set()).add(code)
    table: dict[int, tuple[str, frozenset[str]]] = {}
    for number in current.keys() | former.keys():
        codes = every.get(number, set()) | former.get(number, set())
        preferred = current.get(number) or _M49_FORMER.get(number)
        if preferred is None or preferred not in codes:
            if len(codes) != 1:
                continue  # a former number shared by several states, none of which M49 names
            preferred = next(iter(codes))
        table[number] = (preferred, frozenset(codes))
    return table


def _m49_to_alpha3(code: int) -> str | None:
    """The alpha-3 code of the state that the M49 ``code`` names (a current state before a former one)."""
    found = _m49_table().get(code)
    return None if found is None else found[0]


def _m49_countries(code: int) -> frozenset[str]:
    """Every alpha-3 code that the M49 ``code`` may stand for (``891``: ``SCG`` and ``YUG``); empty if none."""
    found = _m49_table().get(code)
    return frozenset() if found is None else found[1]


def _m49(cells: Cells) -> int | None:
    """The row's M49 code (``250`` or ``250.0``), or None when empty; a problem when it is not one."""
    value = cells.text("m49_code")
    if value is None:
        return None
    match = _M49_TEXT.match(value)
    if match is None:
        cells.problem("m49_code", f"must be an M49 code, a whole number such as 250 or 250.0 (got {shown(value)})")
        return None
    return int(match.group(1))


def _check_m49(cells: Cells, m49: int, code: str) -> None:
    """Warn when the M49 code does not stand for the country ``code`` read from isocode3 (which is kept)."""
    allowed = _m49_countries(m49)
    if not allowed:
        cells.warn("m49_code", f"{m49} is not the M49 code of a country: kept isocode3 {code!r}")
    elif code not in allowed:
        preferred = _m49_to_alpha3(m49)
        names = " or ".join(repr(name) for name in sorted(allowed, key=lambda name: (name != preferred, name)))
        cells.warn("m49_code", f"M49 code {m49} is {names}, not {code!r}: kept isocode3 {code!r}")


def _swapped_codes(cells: Cells) -> str | None:
    """The country when isocode3 holds an M49 number and m49_code an ISO code (read swapped, with a warning)."""
    code_raw, m49_raw = cells.raw("isocode3"), cells.raw("m49_code")
    if code_raw is None or m49_raw is None:
        return None
    number, code = _M49_TEXT.match(code_raw.strip()), m49_raw.strip()
    if number is None or not is_country_code(code):
        return None
    cells.warn(
        "isocode3",
        f"holds {code_raw!r} and m49_code holds {m49_raw!r}: read them swapped (the M49 code {int(number.group(1))},"
        f" the ISO code {code!r})",
    )
    _check_m49(cells, int(number.group(1)), code)
    return code


_UNDETERMINED = "zz"


def _nationality(cells: Cells) -> str | None:
    """The casualty's nationality: from isocode3 (checked against the M49 code), else the M49 code, else the name."""
    swapped = _swapped_codes(cells)
    if swapped is not None:
        return swapped
    code = cells.text("isocode3")
    name = cells.text("casualty_nationality")
    m49 = _m49(cells)
    if code is not None:
        if not is_country_code(code):
            cells.problem("isocode3", f"{code!r} is not an ISO 3166-1 alpha-3 country code")
            return None
        if m49 is not None:
            _check_m49(cells, m49, code)
        return code
    if m49 is not None:
        from_m49 = _m49_to_alpha3(m49)
        if from_m49 is None:
            cells.problem("m49_code", f"{m49} is not the M49 code of a country")
            return None
        cells.warn("isocode3", f"is empty: read {from_m49!r} from M49 code {m49}")
        return from_m49
    if name is None:
        cells.warn("casualty_nationality", "is empty, and so are isocode3 and m49_code: the nationality is unknown")
        return None
    if name.casefold().startswith(_UNDETERMINED) or "undetermined" in name.casefold():
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

_FATALITY_CATEGORIES = {
    _personnel_key(name): name
    for name in (
        *("Military", "Military Observer", "Police", "International Civilian", "Local", "Other"),
        *("Accident", "Malicious Act", "Illness", "Self-Inflicted", "To Be Determined", "Unknown"),
        "Fatality",
    )
}
"""The categories of the fatalities tables, as the CSV export writes them, by `_personnel_key`.

The column definitions write them in snake_case (``international_civilian``, ``military_observer``):
any case and snake_case are read as the CSV's words, so that exports compare. Others are kept as written.
"""


def _category(cells: Cells, name: str) -> str | None:
    value = cells.text(name)
    return None if value is None else _FATALITY_CATEGORIES.get(_personnel_key(value), value)


def _fatalities_parser(layout: Layout) -> RowParser[MissionEntry[Fatality]]:
    police_table = layout is _POLICE_FATALITY_LAYOUT
    sources = (POLICE_FATALITIES_SOURCE.id,) if police_table else (FATALITIES_SOURCE.id,)

    def parse(cells: Cells) -> Iterator[MissionEntry[Fatality]]:
        date = cells.date("incident_date", required=True)
        mission = cells.text("mission_acronym", required=True)
        nationality = _nationality(cells)
        gender = _gender(cells)
        personnel = _category(cells, "casualty_personnel_type")
        incident = _category(cells, "type_of_incident")
        casualty = _category(cells, "type_of_casualty")
        casualty_id = cells.text("casualty_id")
        if police_table and personnel is not None and personnel != "Police":
            cells.warn("casualty_personnel_type", f"is {personnel!r} in a table of police fatalities (no gender column)")
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
    """Read the Data Hub's fatalities of mission personnel (DPPADPOSS-FATALITIES, DPPADPO-FATALITIESPOL).

    Each row becomes one `Fatality`. Category values are trimmed (with a warning when they had
    spaces around them), and read in any case or in snake_case as the CSV export writes them
    (``international_civilian`` is ``International Civilian``, ``self_inflicted`` is
    ``Self-Inflicted``); an undetermined nationality (``ZZ [Undetermined]`` with empty codes) is
    kept as None, and so is an empty one (with a warning). The nationality is ``isocode3``,
    which may be a former state's code (``YUG``, ``SCG``); when it is empty, the M49 code gives
    it, else the name does (``Côte dIvoire``), with a warning. An M49 code written as a float
    (``250.0``) is read as a whole number, and checked against ``isocode3`` (a warning when it
    stands for another country; isocode3 is kept; the former codes ``890`` Yugoslavia and
    ``891`` Serbia and Montenegro are known). An empty gender is None.

    The police fatalities table (DPPADPO-FATALITIESPOL) has the same columns without gender,
    and is recognised by that: its rows cite `POLICE_FATALITIES_SOURCE`, their gender is None,
    and a row whose personnel type is not ``Police`` is taken with a warning (a fatalities
    export with its gender column removed would show it).

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
    result = run(
        source,
        [_FATALITY_LAYOUT, _POLICE_FATALITY_LAYOUT],
        "the UN Data Hub fatalities",
        _fatalities_parser,
        strict=strict,
        sources=(FATALITIES_SOURCE,),
    )
    if result.report.format.startswith(_POLICE_FATALITY_LAYOUT.name):
        return ImportResult(records=result.records, report=result.report, sources=(POLICE_FATALITIES_SOURCE,))
    return result


# --- latest contributions by country ----------------------------------------------------------

_TOTALS_LAYOUT = Layout(
    name="UN Data Hub latest contributions by country",
    columns={
        "id": ("id",),
        "contributing_country": ("contributing_country",),
        "isocode3": ("isocode3", "iso3"),
        "m49_code": ("m49_code", "m49"),
        "female_personnel": ("female_personnel",),
        "male_personnel": ("male_personnel",),
        "total_uniformed_personnel": ("total_uniformed_personnel", "total_personnel"),
        "personnel_contribution_rank": ("personnel_contribution_rank", "contribution_rank"),
        "last_reporting_date": ("last_reporting_date",),
        "mission_acronym": ("mission_acronym",),
    },
    required=frozenset({"isocode3", "total_uniformed_personnel"}),
)

_RANKS_COMPARED = 2_000
"""The most rows of one date whose ranks are compared with each other's totals (each new row with all before)."""


def _total(cells: Cells, female: int | None, male: int | None) -> int | None:
    """The stated total, checked against the women and men (a warning when they differ: the total is kept)."""
    total = cells.integer("total_uniformed_personnel")
    if total is None:
        if cells.problems:
            return None
        if female is None or male is None:
            cells.problem("total_uniformed_personnel", "is empty, and the female and male personnel are not both given")
            return None
        total = female + male
        cells.warn("total_uniformed_personnel", f"is empty: took female + male = {female:,} + {male:,} = {total:,}")
        return total
    if female is not None and male is not None and female + male != total:
        cells.warn(
            "total_uniformed_personnel",
            f"is {total:,}, but female + male is {female:,} + {male:,} = {female + male:,}: kept the total",
        )
    else:
        for name, part in (("female_personnel", female), ("male_personnel", male)):
            if part is not None and part > total:
                cells.warn(name, f"is {part:,}, more than the total {total:,}: kept the total")
    return total


def _totals_parser(layout: Layout) -> RowParser[ContributorTotal]:
    sources = (COUNTRY_TOTALS_SOURCE.id,)
    seen: dict[tuple[str, str | None, PartialDate | None], tuple[int, ContributorTotal]] = {}
    ranked: dict[PartialDate | None, list[tuple[int, int, int, str]]] = {}  # date -> (rank, total, line, country)

    def parse(cells: Cells) -> Iterator[ContributorTotal]:
        contributor = _contributor(cells)
        female = cells.integer("female_personnel")
        male = cells.integer("male_personnel")
        total = _total(cells, female, male)
        rank = cells.integer("personnel_contribution_rank")
        if rank == 0:
            cells.problem("personnel_contribution_rank", "must be a rank, 1 or more (got 0)")
        as_of = cells.date("last_reporting_date")
        mission = cells.text("mission_acronym")
        if cells.problems or contributor is None or total is None:
            return
        record = ContributorTotal(
            contributor=contributor,
            strength=exact_strength(total),
            female=female,
            male=male,
            rank=rank,
            as_of=as_of,
            mission=mission,
            sources=sources,
        )
        key = (contributor, mission, as_of)
        earlier = seen.get(key)
        if earlier is not None:
            line, before = earlier
            if before == record:
                cells.problem(None, f"repeats line {line}")
                return
            when = f" on {as_of}" if as_of is not None else ""
            where = f" in {mission}" if mission is not None else ""
            cells.warn(None, f"gives {contributor}{where}{when} again, as line {line} did: this later row replaces it")
        seen[key] = (cells.line, record)
        if rank is not None and mission is None:
            _check_rank(cells, ranked.setdefault(as_of, []), rank, total, contributor)
        yield record

    return parse


def _check_rank(cells: Cells, others: list[tuple[int, int, int, str]], rank: int, total: int, contributor: str) -> None:
    """Warn when the rank and the total of a row are in the other order than those of a row before it."""
    for other_rank, other_total, line, other in others:
        if (other_rank < rank and other_total < total) or (other_rank > rank and other_total > total):
            cells.warn(
                "personnel_contribution_rank",
                f"rank {rank} with {total:,} personnel, but {other} (line {line}) is ranked {other_rank}"
                f" with {other_total:,}: the ranks do not follow the totals",
            )
            break
    if len(others) < _RANKS_COMPARED:
        others.append((rank, total, cells.line, contributor))


def _latest_of_each(records: list[ContributorTotal], warn: Callable[[RowIssue], None]) -> list[ContributorTotal]:
    """Keep the last record of each country, mission and date: a later row replaces an earlier one.

    The later row has its warning already (given by the parser, which knows its line).
    """
    last: dict[tuple[str, str | None, PartialDate | None], int] = {}
    for index, record in enumerate(records):
        last[(record.contributor, record.mission, record.as_of)] = index
    if len(last) == len(records):
        return records
    return [record for index, record in enumerate(records) if last[(record.contributor, record.mission, record.as_of)] == index]


def read_country_totals(source: CsvSource, *, strict: bool = False) -> ImportResult[ContributorTotal]:
    """Read the Data Hub's latest uniformed personnel contribution by country (DPO-UCLATEST).

    Each row (one contributing country at one reporting date) becomes one `ContributorTotal`:
    the country from ``isocode3`` (else from ``m49_code``, else from ``contributing_country``,
    with a warning; the M49 code, ``250`` or ``250.0``, is checked against the ISO code), the
    total ``total_uniformed_personnel`` as its exact strength, ``female_personnel`` and
    ``male_personnel``, the rank ``personnel_contribution_rank`` (1 or more; countries may share
    a rank) and ``last_reporting_date`` as ``as_of`` (``2023-09-30``, or ``30-Sep-23`` as the
    Data Hub's site writes dates). The result is always a tuple of `ContributorTotal` records.

    The published total is kept: when the women and men do not add up to it, the row is taken
    with a warning; when it is empty, women plus men is taken, with a warning. A rank that does
    not follow the totals (a country ranked above another with fewer personnel at the same
    date) is taken with a warning. A row repeated exactly is rejected; a later row for the same
    country (and date and mission) with other figures replaces the earlier one, with a warning.

    The table's metadata says it is broken down by mission: when the file has a
    ``mission_acronym`` column, each record keeps its mission in `ContributorTotal.mission`
    (None otherwise), and ranks are not compared between rows of different missions.

    Args:
        source: The CSV file (or the Data Hub's JSON export of it), as a path or an open text file.
        strict: Reject rows that needed a repair, instead of taking them with a warning.

    Returns:
        The totals, in file order (a replaced row left out), and the report.

    Raises:
        FormatError: If the header lacks ``isocode3`` or ``total_uniformed_personnel``.

    Example:
        >>> result = read_country_totals("examples/data/un_country_totals.csv")
        >>> first = result.records[0]
        >>> first.contributor, str(first.strength), first.rank, str(first.as_of)
        ('NPL', '6,247', 1, '2023-09-30')
    """
    return run(
        source,
        [_TOTALS_LAYOUT],
        "the UN Data Hub latest contributions by country",
        _totals_parser,
        strict=strict,
        sources=(COUNTRY_TOTALS_SOURCE,),
        finish=_latest_of_each,
    )
