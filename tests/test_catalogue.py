"""The shipped mission catalogue, and the mission list reader's use of it."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missionmodel import geography
from missionmodel.catalogue import CATALOGUE_SOURCES, MissionInfo, OtherValue, all_missions, catalogue_key, lookup
from missionmodel.countries import is_country_code
from missionmodel.dates import PartialDate
from missionmodel.exceptions import ValidationError
from missionmodel.importers import ImportReport, un
from missionmodel.place import Place

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent
HUB = "un-data-hub-missions-2024-02-19"
TABLES = {"ipi-mission-totals", "geo-pko-v1", "un-fatalities-2025-04-04", "geonames-cities1000"}
FACTS = ("name", "countries", "site_countries", "start", "end", "headquarters")
SWAPPED_IN_THE_LIST = ("UNOSOM I", "UNOSOM II", "UNAVEM I", "UNAVEM II", "MINUSMA", "UNEF", "UNSCOB")
"""The missions whose headquarters the Data Hub's list of 2024-02-19 writes with latitude and longitude swapped."""


def test_the_catalogue_ships_in_the_package_with_its_sources() -> None:
    data = resources.files("missionmodel").joinpath("data")
    assert data.joinpath("missions.csv").is_file() and data.joinpath("missions_sources.csv").is_file()
    missions = all_missions()
    assert len(missions) == len({m.acronym for m in missions}) >= 95
    assert all_missions() is missions  # read once, then kept


def test_every_fact_cites_a_known_source_and_every_source_has_an_address() -> None:
    for source in CATALOGUE_SOURCES.values():
        assert source.url and source.url.startswith(("https://", "http://"))  # http: a page of 1996 read at its address
    for info in all_missions():
        for fact in FACTS:
            value = getattr(info, fact)
            cited = info.sources_of(fact)
            assert bool(value) == bool(cited), (info.acronym, fact)  # a fact has a source, a source has a fact
        for other in info.other_values:
            assert other.fact in FACTS and other.value and other.note and other.sources, info.acronym
            assert all(source in CATALOGUE_SOURCES for source in other.sources)
        assert all(is_country_code(code) for code in (*info.countries, *info.site_countries))
        if info.site_countries and "geo-pko-v1" in info.countries_sources and len(info.countries_sources) == 1:
            assert set(info.countries) <= set(info.site_countries)


def test_names_and_dates_only_from_the_un_data_hub_and_the_un_pages() -> None:
    for info in all_missions():
        for fact in ("name", "start", "end"):
            for source in info.sources_of(fact):
                assert source.id not in TABLES and (source.id == HUB or source.publisher == "United Nations"), info.acronym
    unifil = lookup("UNIFIL")
    assert unifil is not None
    assert (unifil.name, unifil.start, unifil.end) == (
        "United Nations Interim Force in Lebanon",
        PartialDate(year=1978, month=3, day=19),  # the Data Hub's day, in the month of the UN's 2008 timeline
        None,
    )
    assert [s.id for s in unifil.sources_of("start")] == [HUB, "un-timeline-2008-1970s"]  # they agree: both cited
    unmiss = lookup("UNMISS")
    assert unmiss is not None and unmiss.name == "United Nations Mission in the Republic of South Sudan"
    assert [s.id for s in unmiss.sources_of("name")] == [HUB]


def test_where_the_data_hub_and_a_un_page_disagree_both_are_kept() -> None:
    ungomap = lookup("UNGOMAP")
    assert ungomap is not None
    assert (str(ungomap.start), str(ungomap.end), ungomap.countries) == ("1988-05", "1990-03", ("AFG", "PAK"))
    assert [(o.value, o.sources) for o in ungomap.other_values_of("start")] == [
        ("1988-05-01", (HUB,)),
        ("1988-05-15", ("un-mission-past-ungomap-mandate",)),
    ]  # the month both say is kept; each day is an other value
    untso = lookup("UNTSO")
    assert untso is not None and str(untso.start) == "1948"  # 29 May 1948 (the Data Hub), June 1948 (the 2008 timeline)
    assert "the catalogue keeps what they all say, 1948" in (untso.other_values_of("start")[0].note or "")
    unef = lookup("UNEF I")
    assert unef is not None and unef.name == "United Nations Emergency Force I"  # the Data Hub's name is kept
    assert [o.value for o in unef.other_values_of("name")] == ["First United Nations Emergency Force"]  # the timeline's
    assert lookup("First United Nations Emergency Force") is unef  # found by either name
    assert [s.id for s in unef.sources_of("start")] == [HUB, "un-timeline-2008-1950s"]  # 1956-11-01 and 1956-11 agree


def test_host_countries_from_the_tables() -> None:
    expected = {"UNMISS": ("SSD",), "MINURCAT": ("TCD", "CAF"), "UNMIK": ("SRB",), "MINURSO": ("ESH",), "UNTSO": ("ISR",)}
    expected |= {"UNEF I": ("EGY", "PSE"), "UNEF II": ("EGY",), "UNASOG": ("TCD", "LBY"), "DOMREP": ("DOM",)}  # UN pages
    expected |= {"UNYOM": ("YEM",), "UNMOGIP": ("PAK", "IND"), "ONUC": ("COD",), "UNOMUR": ("UGA",)}  # the Data Hub's names
    expected |= {"UNSCOB": ("GRC",)}  # no other source: its headquarters' country
    for acronym, countries in expected.items():
        info = lookup(acronym)
        assert info is not None and info.countries == countries, acronym
    assert [s.id for s in lookup("UNYOM").sources_of("countries")] == [HUB]  # type: ignore[union-attr]
    assert [s.id for s in lookup("UNSCOB").sources_of("countries")] == ["geonames-cities1000", HUB]  # type: ignore[union-attr]
    minurso = lookup("MINURSO")
    assert minurso is not None and minurso.site_countries == ("ESH", "DZA", "MRT")  # Tindouf liaison: a site, not a host
    assert [s.id for s in minurso.sources_of("countries")] == ["geo-pko-v1", "ipi-mission-totals"]


def test_renamings_and_variants_resolve_to_one_mission() -> None:
    monusco = lookup("MONUSCO")
    assert monusco is not None and monusco.former_acronyms == ("MONUC",)
    for name in ("MONUC", "monuc", " Monuc ", "MONUSCO", "m.o.n.u.s.c.o"):
        assert lookup(name) is monusco
    assert lookup("ONUCI") is lookup("UNOCI") is not None
    assert lookup("UNEF 1") is lookup("unef-i") is lookup("UNEF I") is not None
    assert lookup("UNEF I") is not lookup("UNEF II")
    assert lookup("United Nations Interim Force in Lebanon") is lookup("UNIFIL")
    unavem = lookup("UNAVEM II")
    assert unavem is not None and unavem.variants == ("UNAVEM 2",)  # one variant, with its space
    assert lookup("2") is None
    # the Data Hub lists the UN Civilian Police Support Group twice, as UNPSG and as UNCPSG: one mission
    assert lookup("UNCPSG") is lookup("UN Civilian Police Support Group") is lookup("UNPSG") is not None
    assert lookup("United Nations Organization Mission in the Democratic Republic of the Congo") is monusco  # MONUC's name


def test_no_two_missions_are_looked_up_alike() -> None:
    for info in all_missions():
        for name in (*info.names, *([info.name] if info.name else [])):
            assert lookup(name) is info, name
    # "(I & II)" is not "III": the generic entries and UNAVEM III stay apart
    assert lookup("United Nations Angola Verification Mission (I & II)") is lookup("UNAVEM")
    assert lookup("United Nations Angola Verification Mission III") is lookup("UNAVEM III") is not lookup("UNAVEM")


def test_acronyms_that_cover_several_missions_stay_apart() -> None:
    unavem = lookup("UNAVEM")
    assert unavem is not None and unavem is not lookup("UNAVEM II") and unavem.note and "not resolved" in unavem.note
    assert lookup("UNEF") is not lookup("UNEF I")


def test_unknown_names() -> None:
    assert lookup("UNSecretariat") is None  # in the fatalities table, but not a mission
    assert lookup("") is None and lookup("XYZMISSION") is None
    assert lookup(42) is None  # type: ignore[arg-type]


def test_a_mission_info_is_validated() -> None:
    with pytest.raises(ValidationError, match="'ATL' is not an ISO 3166-1 alpha-3"):
        MissionInfo(acronym="X", countries=["ATL"])
    with pytest.raises(ValidationError, match="before 'start'"):
        MissionInfo(acronym="X", start="2001", end="2000")
    with pytest.raises(KeyError, match="no fact 'colour'"):
        MissionInfo(acronym="X").sources_of("colour")


@given(
    st.sampled_from([m.acronym for m in all_missions()]), st.sampled_from([str.lower, str.upper, lambda s: s.replace(" ", "-")])
)
def test_lookup_ignores_case_and_punctuation(acronym: str, spell: object) -> None:
    assert lookup(spell(acronym)) is lookup(acronym)  # type: ignore[operator]
    assert catalogue_key(spell(acronym)) == catalogue_key(acronym)  # type: ignore[operator]


def test_the_shipped_file_matches_the_build_script_columns() -> None:
    text = resources.files("missionmodel").joinpath("data").joinpath("missions.csv").read_text(encoding="utf-8")
    header = next(csv.reader(text.splitlines()))
    assert header[:8] == ["acronym", "name", "former_acronyms", "variants", "countries", "site_countries", "start", "end"]


# --- read_missions with the catalogue (the real export's style: towns as locations) -----------


@pytest.fixture
def no_geography(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(geography, "available", lambda: False)


def test_real_style_host_countries_come_from_the_catalogue(no_geography: None) -> None:
    result = un.read_missions(FIXTURES / "un_missions_real_style.csv")
    missions = {m.acronym: m for m in result.records}
    unifil = missions["UNIFIL"]
    assert unifil.countries == ("LBN",)
    assert unifil.location is not None and (unifil.location.name, unifil.location.country) == ("Naqoura", "LBN")
    assert unifil.area is None  # a town is not the area of operations
    assert [s.id for s in unifil.sources][:1] == ["un-data-hub-missions"]
    assert set(unifil.profile_sources) == {s.id for s in unifil.sources}
    assert "ipi-mission-totals" in unifil.profile_sources  # the host country's source is cited
    assert missions["UNMISS"].countries == ("SSD",)
    assert missions["MONUC"].countries == missions["MONUSCO"].countries == ("COD",)  # two rows, two missions
    assert missions["UNXYZ"].countries == () and missions["UNXYZ"].location.country is None  # type: ignore[union-attr]
    assert missions["UNEF I"].countries == ("EGY", "PSE")  # from the UN page read
    assert missions["UNEF I"].location.country == "PSE"  # type: ignore[union-attr]  # Gaza, as the catalogue places it


def test_real_style_report_without_the_geography_extra(no_geography: None) -> None:
    report = un.read_missions(FIXTURES / "un_missions_real_style.csv").report
    assert (report.rows_read, report.rows_taken, report.rows_rejected) == (14, 12, 2)
    assert [(i.row, i.column, i.message) for i in report.rejected] == [
        (11, "mission_isactive", "must be 'Yes' or 'No' (got 'Maybe')"),
        (13, "mission_acronym", "repeats mission 'UNMISS' of line 3 with other mission_name: line 3 is kept"),
    ]
    assert [(i.row, i.column, i.message) for i in report.warnings] == [
        (
            4,
            "mission_latitude",
            "latitude -8.0029 and longitude 12.6392 are 3,236 km from Bamako as the mission catalogue places it"
            " (12.65, -8.0), 1.2 km once latitude and longitude are swapped: kept as given",
        ),
        (
            5,
            "mission_latitude",
            "latitude 45.3438 and longitude 2.0371 are 6,401 km from Mogadishu as the mission catalogue places it"
            " (2.0333, 45.35), 0.8 km once latitude and longitude are swapped: kept as given",
        ),
        (
            7,
            "mission_latitude",
            "latitude 34.4668 and longitude 31.5017 are 430 km from Gaza as the mission catalogue places it"
            " (31.5, 34.4667), 0.2 km once latitude and longitude are swapped: kept as given",
        ),
        (
            8,
            "mission_latitude",
            "latitude 37.0 and longitude 33.0 are 206 km from Nicosia as the mission catalogue places it"
            " (35.1667, 33.3667): kept as given",
        ),
        (9, "mission_acronym", "'UNXYZ' is not in the mission catalogue: taken without host countries"),
        (10, "mission_acronym", "repeats line 2 exactly: read as the same mission"),
    ]  # without the extra, swapped points in range are kept as written, with the catalogue's distance check


def test_exact_repeat_is_one_mission_and_a_corrected_repeat_of_a_rejected_row_is_taken(no_geography: None) -> None:
    result = un.read_missions(FIXTURES / "un_missions_real_style.csv")
    acronyms = [m.acronym for m in result.records]
    assert acronyms.count("UNIFIL") == 1  # line 10 repeats line 2 exactly
    assert acronyms.count("UNDOF") == 1  # line 11 was rejected, line 12 corrects it
    assert acronyms.count("UNMISS") == 1
    assert next(m for m in result.records if m.acronym == "UNMISS").name == "United Nations Mission in South Sudan"


def test_strict_mode_a_repaired_row_is_rejected_and_its_clean_repeat_taken() -> None:
    text = (FIXTURES / "un_missions_real_style.csv").read_text(encoding="utf-8").splitlines()
    rows = [text[0], text[1].replace("35.1383", "35,1383"), text[9]]  # a decimal comma, then the clean repeat
    import io

    result = un.read_missions(io.StringIO("\n".join(rows) + "\n"), strict=True)
    assert result.report.rejected_rows == (2,)
    assert [m.acronym for m in result.records] == ["UNIFIL"]


# --- headquarters, from the Data Hub's list --------------------------------------------------


def test_headquarters_with_swapped_points_repaired_and_noted() -> None:
    for acronym in SWAPPED_IN_THE_LIST:
        info = lookup(acronym)
        assert info is not None and info.headquarters is not None, acronym
        [written] = info.other_values_of("headquarters")
        assert written.sources == (HUB,) and (written.note or "").startswith("latitude and longitude swapped: swapped back")
        hq = info.headquarters
        assert written.value == f"{hq.name} (latitude {hq.longitude:.4f}, longitude {hq.latitude:.4f})", acronym
    bamako = lookup("MINUSMA").headquarters  # type: ignore[union-attr]
    assert bamako == Place(name="Bamako", country="MLI", latitude=12.65, longitude=-8.0)
    assert lookup("UNSCOB").headquarters == Place(name="Athens", country="GRC", latitude=37.9669, longitude=23.7668)  # type: ignore[union-attr]
    assert [s.id for s in lookup("MINUSMA").sources_of("headquarters")] == [HUB, "geonames-cities1000"]  # type: ignore[union-attr]


def test_a_point_far_from_its_town_is_not_kept() -> None:
    unmee = lookup("UNMEE")  # the list's "Asmara" is at 12.1817 N, 38.8367 E, in Ethiopia: Asmara is near 15.3 N
    assert unmee is not None and unmee.headquarters == Place(name="Asmara", country="ERI", latitude=15.33805, longitude=38.93184)
    [written] = unmee.other_values_of("headquarters")
    assert written.value == "Asmara (latitude 12.1817, longitude 38.8367)"
    assert written.note == (
        "the Data Hub's point is 351 km from GeoNames' Asmara (ERI), in ETH: GeoNames' coordinates of the town are kept"
    )
    unmogip = lookup("UNMOGIP")  # two towns, a point near neither: the town's name only
    assert unmogip is not None and unmogip.headquarters == Place(name="Islamabad (Nov-Apr) and Srinagar (May-Oct)")
    untso = lookup("UNTSO")  # the list gives the town without coordinates
    assert untso is not None and untso.headquarters == Place(name="Jerusalem") and untso.other_values_of("headquarters") == ()


def test_the_build_input_is_the_fixture() -> None:
    built_from = ROOT / "tools" / "catalogue" / "DPPADPOSS-PKO.csv"
    assert built_from.read_bytes() == (FIXTURES / "un_missions_2024.csv").read_bytes()


def _data_hub_rows() -> list[dict[str, str]]:
    with open(FIXTURES / "un_missions_2024.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_catalogue_gives_each_mission_the_data_hub_s_values_or_keeps_them_as_other_values() -> None:
    rows = _data_hub_rows()
    assert len(rows) == 81
    for row in rows:
        info = lookup(row["mission_acronym"])
        assert info is not None, row["mission_acronym"]
        assert HUB in info.in_tables
        if info.acronym != row["mission_acronym"]:  # MONUC (renamed MONUSCO), UNCPSG (a second row of UNPSG)
            assert row["mission_name"] in [o.value for o in info.other_values_of("name")]
            continue
        kept = {o.value for o in info.other_values}
        if info.name is None:
            assert row["mission_name"] in kept  # DOMREP's truncated name
        else:
            assert info.name == row["mission_name"], row["mission_acronym"]
        for fact, column in (("start", "start_date"), ("end", "end_date")):
            value = getattr(info, fact)
            if row[column] and str(value) != row[column]:  # what both sources say, or MONUSCO's start (MONUC's)
                assert row[column] in kept, (row["mission_acronym"], fact)
                assert (value is not None and row[column].startswith(str(value))) or row["mission_acronym"] == "MONUSCO"
        town = row["mission_location"].strip()
        assert (info.headquarters.name if info.headquarters else "") == town, row["mission_acronym"]


def test_coverage_of_the_missions_in_the_data_hub_s_list() -> None:
    hub = [info for info in all_missions() if HUB in info.in_tables]
    assert len(hub) == 79  # 81 rows: MONUC is MONUSCO's former acronym, UNCPSG a variant of UNPSG
    counts = {fact: sum(bool(getattr(info, fact)) for info in hub) for fact in FACTS}
    assert counts == {"name": 78, "countries": 79, "site_countries": 23, "start": 76, "end": 66, "headquarters": 70}
    assert sum(info.headquarters.has_coordinates for info in hub if info.headquarters) == 68
    everyone = all_missions()
    assert len(everyone) == 107 and sum(bool(info.name) for info in everyone) == 78


def test_an_other_value_is_validated_and_compared() -> None:
    other = OtherValue(fact="start", value="1948-06", sources=["un-timeline-2008-1948"], note="the timeline's month")
    assert other.sources == ("un-timeline-2008-1948",)
    assert MissionInfo(acronym="X", other_values=[other]).other_values_of("start") == (other,)
    assert MissionInfo(acronym="X", headquarters=Place(name="Naqoura", country="LBN")).headquarters.country == "LBN"  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="'ATL' is not an ISO 3166-1 alpha-3"):
        Place(name="X", country="ATL")
    with pytest.raises(ValidationError, match=r"fact: must be one of name, countries, .* \(got 'colour'\)"):
        OtherValue(fact="colour", value="blue")


# --- read_missions on the real list (DPPADPOSS-PKO, last update 2024-02-19) --------------------


def _other_warnings(report: ImportReport) -> list[tuple[int, str | None, str]]:
    """The warnings but the decimal commas (two a row)."""
    return [(i.row, i.column, i.message) for i in report.warnings if "decimal comma" not in i.message]


def test_the_real_list_every_row_taken_with_host_countries(no_geography: None) -> None:
    rows = _data_hub_rows()
    result = un.read_missions(FIXTURES / "un_missions_2024.csv")
    report = result.report
    assert (report.rows_read, report.rows_taken, report.rows_rejected) == (len(rows), 81, 0)
    assert [m.acronym for m in result.records] == [row["mission_acronym"] for row in rows]
    assert all(m.countries for m in result.records)  # every mission gets host countries, from the catalogue
    commas = sum("," in row[c] for row in rows for c in ("mission_latitude", "mission_longitude"))
    assert sum("decimal comma" in i.message for i in report.warnings) == commas == 140
    missions = {m.acronym: m for m in result.records}
    domrep = missions["DOMREP"]
    assert domrep.name == "DOMREP" and domrep.countries == ("DOM",)
    assert (str(domrep.established), str(domrep.ended)) == ("1965-05-01", "1966-10-01")  # the row's, as written
    unmee = missions["UNMEE"].location
    assert unmee is not None and (unmee.name, unmee.country, unmee.latitude) == ("Asmara", "ERI", 12.1817)
    assert missions["UNMOGIP"].location.country is None  # type: ignore[union-attr]  # two towns, two countries
    assert missions["MINUSTAH"].status.value == "closed"  # "NO"


def test_the_real_list_without_the_extra_keeps_swapped_points_as_written(no_geography: None) -> None:
    rows = {row["mission_acronym"]: row for row in _data_hub_rows()}
    result = un.read_missions(FIXTURES / "un_missions_2024.csv")
    missions = {m.acronym: m for m in result.records}
    for acronym in SWAPPED_IN_THE_LIST:
        place = missions[acronym].location
        written = tuple(float(rows[acronym][column].replace(",", ".")) for column in ("mission_latitude", "mission_longitude"))
        assert place is not None and (place.latitude, place.longitude) == written, acronym  # range-valid, kept
    warnings = _other_warnings(result.report)
    swapped_lines = [line for line, column, message in warnings if "once latitude and longitude are swapped" in message]
    assert len(swapped_lines) == 7  # each seen by the catalogue's distance check, and kept as written
    assert [(line, message.split(" are ")[1].split(" as ")[0]) for line, _, message in warnings if "km from" in message] == [
        (7, "6,402 km from Mogadishu"),
        (8, "6,402 km from Mogadishu"),
        (29, "351 km from Asmara"),
        (33, "344 km from Tehran"),
        (42, "431 km from Gaza"),
        (48, "3,459 km from Luanda"),
        (49, "3,459 km from Luanda"),
        (67, "3,237 km from Bamako"),
        (82, "2,076 km from Athens"),
    ]
    assert [(line, column) for line, column, message in warnings if "km from" not in message] == [
        (20, "mission_location"),  # UNMOGIP's trailing space
        (66, "mission_isactive"),  # MINUSTAH's "NO"
        (78, "mission_name"),  # DOMREP's truncated name
    ]


def test_the_real_list_strict_rejects_every_repaired_row(no_geography: None) -> None:
    report = un.read_missions(FIXTURES / "un_missions_2024.csv", strict=True).report
    # 70 rows with decimal commas, DOMREP's name, MINUSTAH's "NO": all the others are clean
    assert (report.rows_read, report.rows_taken, report.rows_rejected) == (81, 10, 71)
