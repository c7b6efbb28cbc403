"""The UN Peace and Security Data Hub importers, on the fixture files and on generated rows."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from missionmodel import ContributionKind, ContributionStatus, FormatError, MissionStatus, PartialDate, Strength
from missionmodel.fatality import Gender
from missionmodel.importers import RowIssue, un
from missionmodel.importers._csv import DATE_FORMATS, FIELD_LIMIT
from missionmodel.place import Place

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "examples" / "data"


def issues(found: tuple[RowIssue, ...]) -> list[tuple[int, str | None, str]]:
    return [(issue.row, issue.column, issue.message) for issue in found]


# --- missions ---------------------------------------------------------------------------------


def test_missions_fixture_report() -> None:
    result = un.read_missions(FIXTURES / "un_missions.csv")
    report = result.report
    assert report.format == "UN Data Hub missions"
    assert (report.rows_read, report.rows_taken, report.rows_rejected) == (13, 7, 6)
    assert report.rejected_rows == (8, 9, 10, 11, 12, 14)
    assert issues(report.rejected) == [
        (8, "mission_acronym", "is empty"),
        (9, "mission_isactive", "must be 'Yes' or 'No' (got 'Maybe')"),
        (
            10,
            "mission_acronym",
            "repeats mission 'UNIFIL' of line 2 with other mission_name, mission_longitude, mission_latitude: line 2 is kept",
        ),
        (11, None, "ended: 'ended' (1955-06-17) is before 'established' (1956-11-15)"),
        (12, "mission_longitude", "must be a number (got 'north')"),
        (14, None, "has 4 fields; the header has 11"),
    ]
    assert issues(report.warnings) == [
        (2, "mission_latitude", "read the decimal comma in '33,1097' as 33.1097"),
        (2, "mission_longitude", "read the decimal comma in '35,1342' as 35.1342"),
        (4, "mission_isactive", "read 'NO' as 'No'"),
        (7, "mission_latitude", "latitude 125.5603 is out of range and longitude -8.5586 is not: swapped them"),
        (13, "mission_acronym", "trimmed spaces around ' UNMISS '"),
    ]
    assert [m.acronym for m in result.records] == ["UNIFIL", "UNTSO", "UNMIS", "UNMIH", "ONUC", "UNMIT", "UNMISS"]
    assert [s.id for s in result.sources] == ["un-data-hub-missions"]


def test_missions_fixture_values() -> None:
    missions = {m.acronym: m for m in un.read_missions(FIXTURES / "un_missions.csv").records}
    unifil = missions["UNIFIL"]
    assert unifil.id == "unifil"
    assert unifil.name == "United Nations Interim Force in Lebanon"
    assert unifil.status is MissionStatus.ACTIVE
    assert unifil.established == PartialDate(year=1978, month=3, day=19)
    assert unifil.ended is None
    assert unifil.countries == ("LBN",)
    assert unifil.area == "Lebanon"
    assert unifil.location == Place(name="Lebanon", country="LBN", latitude=33.1097, longitude=35.1342)
    assert unifil.headquarters is None
    assert unifil.lead == "un-dpo"
    assert unifil.actors[0].name == "United Nations Department of Peace Operations"
    assert missions["UNTSO"].countries == ("ISR",)  # "Middle East" is not a country: the catalogue's (from IPI)
    assert missions["UNTSO"].location == Place(name="Middle East", country="ISR", latitude=31.7683, longitude=35.2137)
    assert missions["UNMIS"].status is MissionStatus.CLOSED  # from "NO"
    assert str(missions["UNMIS"].ended) == "2011-07-09"
    assert missions["UNMIS"].lead == "un-dpko"
    assert missions["UNMIH"].established is None  # no start date: taken without it
    assert missions["ONUC"].location is None and missions["ONUC"].area is None  # no location
    unmit = missions["UNMIT"].location
    assert unmit is not None and (unmit.latitude, unmit.longitude) == (-8.5586, 125.5603)  # swapped back
    assert missions["UNMISS"].id == "unmiss"


def test_missions_bom_in_an_open_text_file() -> None:
    # Opened without utf-8-sig, the BOM stays in the first header cell; it is still recognised.
    with open(FIXTURES / "un_missions.csv", encoding="utf-8", newline="") as handle:
        assert handle.read(1) == "\ufeff"
        handle.seek(0)
        result = un.read_missions(handle)
    assert result.report.rows_taken == 7
    assert result.report.source.endswith("un_missions.csv")


def test_missions_strict_rejects_repaired_rows() -> None:
    report = un.read_missions(FIXTURES / "un_missions.csv", strict=True).report
    assert report.strict
    assert (report.rows_read, report.rows_taken, report.rows_rejected) == (13, 4, 9)
    assert report.rejected_rows == (2, 4, 7, 8, 9, 11, 12, 13, 14)  # line 10, the clean repeat of rejected line 2, is taken
    assert report.warnings == ()
    assert RowIssue(row=4, column="mission_isactive", message="read 'NO' as 'No'") in report.rejected


def test_examples_data_are_the_fixtures() -> None:
    for path in FIXTURES.glob("*.csv"):
        if "_excerpt" in path.name or path.name in {"un_missions_real_style.csv", "un_missions_2024.csv"}:
            continue  # copied from a real export (see fixtures/README.md), not written for the examples
        assert (EXAMPLES / path.name).read_bytes() == path.read_bytes(), path.name


# --- contributions ----------------------------------------------------------------------------


def test_contributions_fixture_report() -> None:
    report = un.read_contributions(FIXTURES / "un_contributions.csv").report
    assert report.format == "UN Data Hub contributions"
    assert (report.rows_read, report.rows_taken, report.rows_rejected) == (13, 10, 3)
    assert issues(report.rejected) == [
        (12, "isocode3", "'ATL' is not an ISO 3166-1 alpha-3 country code"),
        (
            13,
            "personnel_type",
            "must be one of 'Troops', 'Staff Officer', 'Experts on Mission', 'Formed Police Units', 'Individual Police'"
            " (got 'Cooks')",
        ),
        (14, "female_personnel", "must not be negative (got -1)"),
    ]
    assert issues(report.warnings) == [
        (8, "last_reporting_date", "read the date '30/09/2024' as day/month/year: 2024-09-30"),
        (10, "isocode3", "is empty: read 'ESP' from M49 code 724"),
        (11, "personnel_type", "trimmed spaces around ' Troops '"),
    ]


def test_contributions_fixture_values() -> None:
    entries = un.read_contributions(FIXTURES / "un_contributions.csv").records
    assert [entry.row for entry in entries] == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    first = entries[0]
    assert first.mission == "UNIFIL"
    c = first.record
    assert (c.contributor, c.kind, c.status) == ("IDN", ContributionKind.TROOPS, ContributionStatus.DEPLOYED)
    assert (c.strength, c.female, c.male) == (Strength.exact(1231), 25, 1206)
    assert c.as_of == PartialDate(year=2024, month=9, day=30)
    assert c.sources == ("un-data-hub-contributions",)
    kinds = [entry.record.kind for entry in entries[3:7]]
    assert kinds == [
        ContributionKind.STAFF_OFFICERS,
        ContributionKind.MILITARY_OBSERVERS,
        ContributionKind.FORMED_POLICE_UNITS,
        ContributionKind.INDIVIDUAL_POLICE,
    ]
    assert entries[6].record.as_of == PartialDate(year=2024, month=9, day=30)  # from 30/09/2024
    assert entries[8].record.contributor == "ESP"
    assert entries[9].record.kind is ContributionKind.TROOPS


def test_contributions_older_export() -> None:
    result = un.read_contributions(FIXTURES / "un_contributions_old.csv")
    report = result.report
    assert report.format == "UN Data Hub contributions (older export, dd/mm/YYYY dates)"
    assert (report.rows_read, report.rows_taken) == (4, 3)
    assert report.warnings == ()  # dd/mm/YYYY is this export's own format
    assert issues(report.rejected) == [
        (5, "Last_Reporting_Date", "is not a real date (got '31/13/2015': month must be in 1..12)"),
    ]
    assert [str(entry.record.as_of) for entry in result.records] == ["2015-10-31"] * 3
    assert result.records[2].mission == "UNMIL"


def test_unknown_header_names_missing_columns() -> None:
    text = "contribution_id,country,mission_acronym,personnel_type,female_personnel,male_personnel\n1,X,Y,Troops,1,2\n"
    with pytest.raises(FormatError) as raised:
        un.read_contributions(io.StringIO(text))
    message = str(raised.value)
    assert message.startswith("<stream>: the header does not match the UN Data Hub troop and police contributions:")
    assert "missing column(s) 'isocode3', 'last_reporting_date'" in message
    assert raised.value.line == 1


def test_missions_read_as_contributions_is_a_clear_error() -> None:
    with pytest.raises(FormatError, match=r"missing column\(s\) 'mission_acronym'|missing column\(s\) 'isocode3'"):
        un.read_contributions(FIXTURES / "un_missions.csv")


def test_empty_file() -> None:
    with pytest.raises(FormatError, match="the file is empty: there is no header line"):
        un.read_fatalities(io.StringIO(""))


def test_an_oversized_cell_rejects_its_row_only() -> None:
    header = "contribution_id,contributing_country,isocode3,m49_code,mission_acronym,personnel_type,"
    header += "female_personnel,male_personnel,last_reporting_date\n"
    huge = '2,"' + "x" * (FIELD_LIMIT + 10) + '",IDN,360,UNIFIL,Troops,1,2,2024-09-30\n'
    good = "1,Indonesia,IDN,360,UNIFIL,Troops,1,2,2024-09-30\n"
    result = un.read_contributions(io.StringIO(header + good + huge + good))
    assert result.report.rows_read == 3
    assert result.report.rows_taken == 2
    assert [str(issue) for issue in result.report.rejected] == [
        f"line 3: has a cell longer than {FIELD_LIMIT:,} characters, or a quote that is never closed: not read"
    ]


def test_row_numbers_are_physical_lines() -> None:
    text = (
        "contribution_id,contributing_country,isocode3,m49_code,mission_acronym,personnel_type,"
        "female_personnel,male_personnel,last_reporting_date\n"
        '1,"Indonesia\n(Republic of)",IDN,360,UNIFIL,Troops,1,2,2024-09-30\n'  # lines 2-3
        "\n"  # line 4: blank
        "2,Italy,ITA,380,UNIFIL,Troops,x,2,2024-09-30\n"  # line 5
    )
    result = un.read_contributions(io.StringIO(text))
    assert [entry.row for entry in result.records] == [2]
    assert issues(result.report.rejected) == [(4, None, "is blank"), (5, "female_personnel", "must be a whole number (got 'x')")]


def test_counts_written_as_floats_are_repaired() -> None:
    text = (
        "contribution_id,contributing_country,isocode3,m49_code,mission_acronym,personnel_type,"
        "female_personnel,male_personnel,last_reporting_date\n"
        "1,Indonesia,IDN,360,UNIFIL,Troops,1.0,2,2024-09-30T00:00:00\n"
    )
    result = un.read_contributions(io.StringIO(text))
    assert result.records[0].record.strength == Strength.exact(3)
    assert issues(result.report.warnings) == [(2, "female_personnel", "read '1.0' as the whole number 1")]


# The columns of DPO-UCHISTORICAL, as the Data Hub's column definitions list them
# (shared/realdata/un_datahub_columns.md), and the header styles its exports have used.
DEFINED_COLUMNS = [
    "contributing_country", "contribution_id", "female_personnel", "isocode3", "last_reporting_date", "m49_code",
    "male_personnel", "mission_acronym", "personnel_type",
]  # fmt: skip


@pytest.mark.parametrize(
    "style",
    [
        lambda name: name,
        lambda name: name.replace("_", " ").title(),  # Title Case with spaces: "Isocode3", "M49 Code"
        lambda name: name.replace("_", "."),  # dotted lower case
        lambda name: name.upper(),
        lambda name: "".join(part.capitalize() for part in name.split("_")),  # CamelCase: "M49Code"
    ],
    ids=["snake_case", "Title Case", "dotted", "UPPER", "CamelCase"],
)
def test_every_defined_column_is_recognised_in_each_header_style(style: object) -> None:
    assert callable(style)
    header = [style(name) for name in DEFINED_COLUMNS]
    positions, missing = un._CURRENT.find(header)
    assert missing == [] and sorted(positions) == sorted(DEFINED_COLUMNS)
    values = {
        "contributing_country": "Indonesia", "contribution_id": "7", "female_personnel": "25", "isocode3": "IDN",
        "last_reporting_date": "2024-09-30", "m49_code": "360.0", "male_personnel": "1206", "mission_acronym": "UNIFIL",
        "personnel_type": "troops",
    }  # fmt: skip
    row = ",".join(values[name] for name in DEFINED_COLUMNS)
    result = un.read_contributions(io.StringIO(",".join(header) + "\n" + row + "\n"))
    assert result.report.ok, str(result.report)
    entry = result.records[0]
    c = entry.record
    assert (entry.mission, c.contributor, c.kind, c.female, c.male) == ("UNIFIL", "IDN", ContributionKind.TROOPS, 25, 1206)


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("Troops", ContributionKind.TROOPS),
        ("troops", ContributionKind.TROOPS),
        ("TROOPS", ContributionKind.TROOPS),
        ("Staff Officer", ContributionKind.STAFF_OFFICERS),
        ("Staff Officers", ContributionKind.STAFF_OFFICERS),
        ("staff_officer", ContributionKind.STAFF_OFFICERS),  # as the column definitions write it
        ("Experts on Mission", ContributionKind.MILITARY_OBSERVERS),
        ("experts_on_mission", ContributionKind.MILITARY_OBSERVERS),
        ("Military Observers", ContributionKind.MILITARY_OBSERVERS),
        ("Formed Police Units", ContributionKind.FORMED_POLICE_UNITS),
        ("formed_police_units", ContributionKind.FORMED_POLICE_UNITS),
        ("FORMED POLICE UNITS", ContributionKind.FORMED_POLICE_UNITS),
        ("Formed-Police-Unit", ContributionKind.FORMED_POLICE_UNITS),
        ("Individual Police", ContributionKind.INDIVIDUAL_POLICE),
        ("individual_police", ContributionKind.INDIVIDUAL_POLICE),
        ("Police", ContributionKind.POLICE),
    ],
)
def test_personnel_types_in_title_case_and_snake_case(written: str, kind: ContributionKind) -> None:
    row = f"1,Ghana,GHA,288.0,UNIFIL,{written},1,2,2024-09-30\n"
    result = un.read_contributions(io.StringIO(",".join(CONTRIBUTION_HEADER) + "\n" + row))
    assert result.report.ok, str(result.report)
    assert result.records[0].record.kind is kind


def test_m49_codes_are_read_as_floats_and_checked_against_the_iso_code() -> None:
    rows = [
        "1,Indonesia,IDN,360.0,UNIFIL,Troops,1,2,2024-09-30",  # 2: a float, as the Data Hub writes it
        "2,France,FRA,276.0,UNIFIL,Troops,1,2,2024-09-30",  # 3: another country's code: isocode3 kept
        "3,Spain,,724.0,UNIFIL,Troops,1,2,2024-09-30",  # 4: no ISO code: from the M49 code
        "4,Yugoslavia,YUG,890.0,UNPROFOR,Troops,1,2,1994-09-30",  # 5: a former state, its former code
        "5,Serbia and Montenegro,SCG,891.0,UNMEE,Troops,1,2,2004-09-30",  # 6
        "6,Yugoslavia,YUG,891.0,UNMIBH,Troops,1,2,2001-09-30",  # 7: ISO gave Yugoslavia 891 from 1992
        "7,Indonesia,IDN,999,UNIFIL,Troops,1,2,2024-09-30",  # 8: no country's M49 code
        "8,Indonesia,IDN,3 60,UNIFIL,Troops,1,2,2024-09-30",  # 9: rejected: not a number
        "9,Ghana ,GHA ,288.0 ,UNIFIL,Troops ,1,2,2024-09-30",  # 10: trailing spaces
        "10,Nepal,524.0,NPL,UNIFIL,Troops,1,2,2024-09-30",  # 11: each code in the other's column
        "11,Nowhere,,998.0,UNIFIL,Troops,1,2,2024-09-30",  # 12: rejected: no ISO code, M49 of no country
    ]
    result = un.read_contributions(io.StringIO(",".join(CONTRIBUTION_HEADER) + "\n" + "\n".join(rows) + "\n"))
    assert [entry.record.contributor for entry in result.records] == [
        "IDN", "FRA", "ESP", "YUG", "SCG", "YUG", "IDN", "GHA", "NPL",
    ]  # fmt: skip
    assert issues(result.report.rejected) == [
        (9, "m49_code", "must be an M49 code, a whole number such as 250 or 250.0 (got '3 60')"),
        (12, "m49_code", "998 is not the M49 code of a country, and isocode3 is empty"),
    ]
    assert issues(result.report.warnings) == [
        (3, "m49_code", "M49 code 276 is 'DEU', not 'FRA': kept isocode3 'FRA'"),
        (4, "isocode3", "is empty: read 'ESP' from M49 code 724"),
        (8, "m49_code", "999 is not the M49 code of a country: kept isocode3 'IDN'"),
        (10, "m49_code", "trimmed spaces around '288.0 '"),
        (10, "isocode3", "trimmed spaces around 'GHA '"),
        (10, "personnel_type", "trimmed spaces around 'Troops '"),
        (11, "isocode3", "holds '524.0' and m49_code holds 'NPL': read them swapped (the M49 code 524, the ISO code 'NPL')"),
    ]


def test_the_json_export_of_contributions_gives_the_records_of_the_csv() -> None:
    import json

    september = 1727654400000  # 2024-09-30T00:00:00Z in milliseconds, as the Data Hub's JSON API writes dates
    kinds = ["troops", "Staff Officer", "experts_on_mission", "Formed Police Units", "individual_police"]
    objects = [
        {
            "contribution_id": index, "contributing_country": "Indonesia", "isocode3": "IDN", "m49_code": 360.0,
            "mission_acronym": "UNIFIL", "personnel_type": kind, "female_personnel": index, "male_personnel": 100 + index,
            "last_reporting_date": september,
        }
        for index, kind in enumerate(kinds)
    ]  # fmt: skip
    from_json = un.read_contributions(io.StringIO(json.dumps(objects)))
    assert from_json.report.ok, str(from_json.report)
    lines = [f"{o['contribution_id']},Indonesia,IDN,360.0,UNIFIL,{o['personnel_type']},{o['female_personnel']}," for o in objects]
    lines = [f"{line}{o['male_personnel']},30-Sep-24" for line, o in zip(lines, objects, strict=True)]
    from_csv = un.read_contributions(io.StringIO(",".join(CONTRIBUTION_HEADER) + "\n" + "\n".join(lines) + "\n"))
    assert [entry.record for entry in from_json.records] == [entry.record for entry in from_csv.records]
    assert [entry.record.kind.value for entry in from_json.records] == [
        "troops", "staff_officers", "military_observers", "formed_police_units", "individual_police",
    ]  # fmt: skip


# --- fatalities -------------------------------------------------------------------------------


def test_fatalities_fixture() -> None:
    result = un.read_fatalities(FIXTURES / "un_fatalities.csv")
    report = result.report
    assert (report.rows_read, report.rows_taken, report.rows_rejected) == (7, 5, 2)
    assert issues(report.rejected) == [
        (6, "gender", "must be 'Female', 'Male', 'F', 'M' or empty (got 'Unknown')"),
        (7, "incident_date", f"must be a date such as {DATE_FORMATS} (got 'sometime')"),
    ]
    assert issues(report.warnings) == [
        (3, "type_of_incident", "trimmed spaces around 'Accident '"),
        (3, "type_of_casualty", "trimmed spaces around 'Fatality '"),
        (5, "isocode3", "is empty: read 'FRA' from M49 code 250"),
        (8, "m49_code", "M49 code 276 is 'DEU', not 'FRA': kept isocode3 'FRA'"),
    ]
    f = [entry.record for entry in result.records]
    assert (f[0].nationality, f[0].gender, f[0].personnel_type, f[0].incident_type) == (
        "IDN",
        Gender.MALE,
        "Military",
        "Malicious Act",
    )
    assert f[0].casualty_id == "C-0001" and f[0].sources == ("un-data-hub-fatalities",)
    assert (f[1].incident_type, f[1].casualty_type, f[1].gender) == ("Accident", "Fatality", Gender.FEMALE)
    assert (f[2].nationality, f[2].gender) == (None, None)  # ZZ [Undetermined], empty gender
    assert f[3].nationality == "FRA"  # from M49 250.0
    assert f[4].nationality == "FRA"
    assert [entry.mission for entry in result.records] == ["UNIFIL", "UNIFIL", "UNPROFOR", "MINUSMA", "MINUSCA"]


# --- generated rows ---------------------------------------------------------------------------

COUNTRIES = [("Indonesia", "IDN", "360"), ("Italy", "ITA", "380"), ("Ghana", "GHA", "288"), ("Nepal", "NPL", "524")]
MISSIONS = ["UNIFIL", "UNMISS", "MINUSCA", "UNFICYP"]
CONTRIBUTION_HEADER = [
    "contribution_id", "contributing_country", "isocode3", "m49_code", "mission_acronym", "personnel_type",
    "female_personnel", "male_personnel", "last_reporting_date",
]  # fmt: skip


@st.composite
def contribution_rows(draw: st.DrawFn) -> tuple[bool, list[str] | str]:
    """A valid row (True, cells) or a broken one (False, cells or raw line)."""
    name, code, m49 = draw(st.sampled_from(COUNTRIES))
    date = draw(st.dates(min_value=PartialDate(year=1990).earliest(), max_value=PartialDate(year=2030).latest()))
    cells = [
        str(draw(st.integers(1, 10**6))),
        name,
        code,
        m49,
        draw(st.sampled_from(MISSIONS)),
        draw(st.sampled_from(sorted(un.PERSONNEL_TYPES))),
        str(draw(st.integers(0, 3000))),
        str(draw(st.integers(0, 3000))),
        date.isoformat(),
    ]
    breakage = draw(st.sampled_from([None, None, "code", "type", "count", "date", "fields", "mission"]))
    if breakage is None:
        return True, cells
    if breakage == "code":
        cells[1], cells[2] = "Nowhere", "QQQ"
    elif breakage == "type":
        cells[5] = "Cooks"
    elif breakage == "count":
        cells[draw(st.sampled_from([6, 7]))] = draw(st.sampled_from(["-3", "many", "1.5", ""]))
    elif breakage == "date":
        cells[8] = draw(st.sampled_from(["2024-13-01", "yesterday", "31/02/2024", ""]))
    elif breakage == "mission":
        cells[4] = ""
    else:
        return False, ",".join(cells[:5])
    return False, cells


def to_csv(header: list[str], rows: list[tuple[bool, list[str] | str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for _, cells in rows:
        if isinstance(cells, str):
            out.write(cells + "\n")
        else:
            writer.writerow(cells)
    return out.getvalue()


@given(st.lists(contribution_rows(), max_size=30))
def test_generated_contribution_rows_are_each_taken_or_reported(rows: list[tuple[bool, list[str] | str]]) -> None:
    result = un.read_contributions(io.StringIO(to_csv(CONTRIBUTION_HEADER, rows)))
    report = result.report
    valid_lines = [line for line, (ok, _) in enumerate(rows, start=2) if ok]
    broken_lines = tuple(line for line, (ok, _) in enumerate(rows, start=2) if not ok)
    assert report.rows_read == len(rows)
    assert report.rows_taken == len(valid_lines)
    assert report.rejected_rows == broken_lines
    assert report.warnings == ()
    assert [entry.row for entry in result.records] == valid_lines
    for entry in result.records:
        ok, cells = rows[entry.row - 2]
        assert ok and isinstance(cells, list)
        c = entry.record
        assert (entry.mission, c.contributor, str(c.as_of)) == (cells[4], cells[2], cells[8])
        assert (c.female, c.male, c.strength) == (int(cells[6]), int(cells[7]), Strength.exact(int(cells[6]) + int(cells[7])))
        assert c.kind is un.PERSONNEL_TYPES[cells[5]]


MISSION_HEADER = [
    "id", "mission_acronym", "mission_name", "lead_department", "mission_isactive", "start_date", "end_date",
    "mission_location", "mission_longitude", "mission_latitude", "last_update",
]  # fmt: skip


@given(st.data())
def test_generated_mission_rows_are_each_taken_or_reported(data: st.DataObject) -> None:
    count = data.draw(st.integers(0, 15))
    rows: list[tuple[bool, list[str] | str]] = []
    for index in range(count):
        latitude = data.draw(st.floats(-90, 90).map(lambda x: round(x, 4)))
        longitude = data.draw(st.floats(-90, 90).map(lambda x: round(x, 4)))  # never taken for swapped
        cells = [
            str(index), f"UNM{index}", f"Mission {index}", "DPO", data.draw(st.sampled_from(["Yes", "No"])),
            "2001-02-03", data.draw(st.sampled_from(["", "2010-05-06"])), data.draw(st.sampled_from(["Lebanon", "Cyprus", ""])),
            str(longitude), str(latitude), "2024-10-01",
        ]  # fmt: skip
        if cells[7] == "":
            cells[8] = cells[9] = ""
        breakage = data.draw(st.sampled_from([None, None, "active", "latitude", "order", "acronym"]))
        if breakage == "active":
            cells[4] = "Perhaps"
        elif breakage == "latitude":
            cells[7], cells[9], cells[8] = "Cyprus", "95.5", "120.0"  # both out of range: not a swap
        elif breakage == "order":
            cells[5], cells[6] = "2010-01-01", "2009-12-31"
        elif breakage == "acronym":
            cells[1] = " "
        rows.append((breakage is None, cells))
    result = un.read_missions(io.StringIO(to_csv(MISSION_HEADER, rows)))
    valid_lines = [line for line, (ok, _) in enumerate(rows, start=2) if ok]
    assert result.report.rows_read == count
    assert result.report.rows_taken == len(valid_lines)
    assert result.report.rejected_rows == tuple(line for line, (ok, _) in enumerate(rows, start=2) if not ok)
    assert [m.acronym for m in result.records] == [rows[line - 2][1][1] for line in valid_lines]


FATALITY_HEADER = [
    "id", "incident_date", "casualty_id", "mission_acronym", "type_of_casualty", "gender", "casualty_nationality",
    "casualty_personnel_type", "type_of_incident", "m49_code", "isocode3", "last_update",
]  # fmt: skip


@st.composite
def fatality_rows(draw: st.DrawFn) -> tuple[bool, list[str] | str]:
    name, code, m49 = draw(st.sampled_from([*COUNTRIES, ("ZZ [Undetermined]", "", "")]))
    date = draw(st.dates(min_value=PartialDate(year=1948).earliest(), max_value=PartialDate(year=2030).latest()))
    cells = [
        str(draw(st.integers(1, 10**6))), date.isoformat(), f"C-{draw(st.integers(1, 9999))}", draw(st.sampled_from(MISSIONS)),
        "Fatality", draw(st.sampled_from(["Male", "Female", ""])), name, draw(st.sampled_from(["Military", "Police"])),
        draw(st.sampled_from(["Malicious Act", "Accident", "Illness", "Other"])), f"{m49}.0" if m49 else "", code, "2024-11-01",
    ]  # fmt: skip
    breakage = draw(st.sampled_from([None, None, "date", "gender", "code", "mission", "fields"]))
    if breakage == "date":
        cells[1] = draw(st.sampled_from(["2024-02-30", "", "soon"]))
    elif breakage == "gender":
        cells[5] = "Unknown"
    elif breakage == "code":
        cells[10] = "QQQ"
    elif breakage == "mission":
        cells[3] = ""
    elif breakage == "fields":
        return False, ",".join(cells) + ",extra"
    return breakage is None, cells


@given(st.lists(fatality_rows(), max_size=30))
def test_generated_fatality_rows_are_each_taken_or_reported(rows: list[tuple[bool, list[str] | str]]) -> None:
    result = un.read_fatalities(io.StringIO(to_csv(FATALITY_HEADER, rows)))
    report = result.report
    valid_lines = [line for line, (ok, _) in enumerate(rows, start=2) if ok]
    assert report.rows_read == len(rows)
    assert report.rows_taken == len(valid_lines)
    assert report.rejected_rows == tuple(line for line, (ok, _) in enumerate(rows, start=2) if not ok)
    assert report.warnings == ()
    assert [entry.row for entry in result.records] == valid_lines
    for entry in result.records:
        cells = rows[entry.row - 2][1]
        assert isinstance(cells, list)
        f = entry.record
        assert (entry.mission, str(f.date), f.nationality) == (cells[3], cells[1], cells[10] or None)
        assert f.gender == (Gender(cells[5].lower()) if cells[5] else None)


def test_a_byte_that_is_not_utf8_rejects_its_row_only(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    good = "1,Indonesia,IDN,360,UNIFIL,Troops,1,2,2024-09-30\n"
    text = ",".join(CONTRIBUTION_HEADER) + "\n" + good + "2,Côte d'Ivoire,CIV,384,UNIFIL,Troops,1,2,2024-09-30\n" + good
    path.write_bytes(text.encode("latin-1"))
    result = un.read_contributions(path)
    assert (result.report.rows_read, result.report.rows_taken) == (3, 2)
    assert [str(issue) for issue in result.report.rejected] == [
        "line 3: has a byte that is not UTF-8 text (0xF4 at byte 4 of line 3): was the file saved in another encoding?"
    ]
    assert [entry.row for entry in result.records] == [2, 4]


def test_a_stream_that_is_not_utf8_is_a_format_error() -> None:
    import io

    raw = io.BytesIO((",".join(CONTRIBUTION_HEADER) + "\n1,C\xf4te,CIV,384,UNIFIL,Troops,1,2,2024-09-30\n").encode("latin-1"))
    with pytest.raises(FormatError, match=r"<stream>: not UTF-8 text \(invalid continuation byte\)"):
        un.read_contributions(io.TextIOWrapper(raw, encoding="utf-8", newline=""))


def test_implausible_and_non_ascii_counts_are_rejected_with_a_short_message():
    import io

    from missionmodel.importers import un as un_importer

    header = (
        "contribution_id,contributing_country,isocode3,m49_code,mission_acronym,personnel_type,"
        "female_personnel,male_personnel,last_reporting_date\n"
    )
    rows = (
        "1,Indonesia,IDN,360,UNIFIL,Troops," + "9" * 5000 + ",3,2024-09-30\n"
        "2,Indonesia,IDN,360,UNIFIL,Troops,\u0662\u0665,3,2024-09-30\n"
        "3,Indonesia,IDN,360,UNIFIL,Troops,25,3,2024-09-30\n"
    )
    result = un_importer.read_contributions(io.StringIO(header + rows))
    assert [str(issue) for issue in result.report.rejected] == [
        "line 2, female_personnel: is implausibly large for a count (got '" + "9" * 37 + "'...)",
        "line 3, female_personnel: must be a whole number (got '\u0662\u0665')",
    ]
    assert result.report.rows_taken == 1


# --- the fast path ----------------------------------------------------------------------------
# Rows whose cells were all read cleanly before are built without the row parser. These tests read
# the same files with the fast path turned off (every row through the parser) and compare.

OLD_HEADER = [
    "Contribution_ID", "Mission_Acronym", "Personnel_Type", "ISOCode3", "Contributing_Country", "M49Code",
    "Female_Personnel", "Male_Personnel", "Last_Reporting_Date",
]  # fmt: skip

TITLE_HEADER = [
    "Contribution ID", "Contributing Country", "ISO Code 3", "M49 Code", "Mission Acronym", "Personnel Type",
    "Female Personnel", "Male Personnel", "Last Reporting Date",
]  # fmt: skip
DOTTED_HEADER = [name.replace("_", ".") for name in CONTRIBUTION_HEADER]
NO_M49_HEADER = [name for name in CONTRIBUTION_HEADER if name != "m49_code"]
HEADER_STYLES = [OLD_HEADER, CONTRIBUTION_HEADER, TITLE_HEADER, DOTTED_HEADER, NO_M49_HEADER]

PERSONNEL_VARIANTS = [
    "Troops", "Staff Officer", "troops", " Troops ", "Staff  Officer", "Cooks", "", "formed_police_units",
    "FORMED POLICE UNITS", "experts_on_mission", "Experts on Mission", "staff_officer", "Staff Officers", "Police",
]  # fmt: skip

MESSY_CELLS = {
    "mission_acronym": ["UNIFIL", "UNMISS", " UNIFIL", "", "unifil", "UN MISS"],
    "isocode3": ["IDN", "ITA", "", "idn", "XXX", "ID N", " GHA", "YUG", "SCG", "360"],
    "m49_code": ["360", "360.0", "", "380", "891.0", "890", "IDN", "abc", " 360", "999", "1e3", "\u0663\u0666\u0660"],
    "contributing_country": ["Indonesia", "Spain.", "", "Atlantis", "Italy", "Yugoslavia"],
    "personnel_type": PERSONNEL_VARIANTS,
    "female_personnel": ["0", "25", "1.0", "-1", "x", "", "007", "+3", "9" * 12, "\u0662"],
    "male_personnel": ["0", "2", "300", "12.00", "-0", "", "1500"],
    "last_reporting_date": ["2024-09-30", "30/09/2024", "2024-02-30", "", "2024-09-30T00:00:00", "31/13/2015", "1/2/2003"],
}


def slow_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turn the fast path of both contribution importers off: every row goes through the parser."""
    from missionmodel.importers import ipi

    def never(table: object, records: object) -> object:
        return lambda values, line: False

    monkeypatch.setattr(un, "_contributions_fast", never)
    monkeypatch.setattr(ipi, "_fast", never)


@st.composite
def messy_contribution_file(draw: st.DrawFn) -> str:
    from missionmodel.importers._csv import normalise

    header = draw(st.sampled_from(HEADER_STYLES))
    canonical_of = {normalise(name): name for name in CONTRIBUTION_HEADER}
    canonical = [canonical_of[normalise(name)] for name in header]
    lines = []
    clean = draw(st.integers(0, 20))  # clean rows first, so that the caches know the texts
    for index in range(clean + draw(st.integers(0, 25))):
        row = []
        for name in canonical:
            choices = MESSY_CELLS.get(name, ["1"])
            row.append(choices[0] if index < clean and name != "female_personnel" else draw(st.sampled_from(choices)))
        if index < clean:
            row[canonical.index("female_personnel")] = draw(st.sampled_from(["0", "25", "3"]))
        shape = draw(st.sampled_from(["row"] * 8 + ["short", "blank"]))
        lines.append(row if shape == "row" else row[:4] if shape == "short" else [])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(lines)
    return out.getvalue()


@given(messy_contribution_file(), st.booleans())
def test_the_fast_path_reads_as_the_parser_does(text: str, strict: bool) -> None:
    fast = un.read_contributions(io.StringIO(text), strict=strict)
    with pytest.MonkeyPatch.context() as monkeypatch:
        slow_only(monkeypatch)
        slow = un.read_contributions(io.StringIO(text), strict=strict)
    assert fast.records == slow.records
    assert fast.report == slow.report


def test_the_fast_path_takes_clean_rows_and_shares_their_values() -> None:
    header = ",".join(CONTRIBUTION_HEADER) + "\n"
    rows = "".join(f"{i},Italy,ITA,380,UNIFIL,Troops,2,{300 + i % 2},2024-09-30\n" for i in range(6))
    result = un.read_contributions(io.StringIO(header + rows))
    assert result.report.ok and [entry.row for entry in result.records] == [2, 3, 4, 5, 6, 7]
    first, second, third = (entry.record for entry in result.records[:3])
    assert first.strength == Strength.exact(302) and second.strength == Strength.exact(303)
    assert first.strength is third.strength  # one Strength per total
    assert first.male is third.male  # one int per count, even above the small ints Python shares
    assert first.as_of is second.as_of and first.contributor is second.contributor and first.sources is second.sources
    assert result.records[0].mission is result.records[5].mission


def test_a_clean_row_that_breaks_a_rule_of_the_record_is_reported() -> None:
    header = ",".join(CONTRIBUTION_HEADER) + "\n"
    rows = "1,Italy,ITA,380,UNIFIL,Troops,2,3,2024-09-30\n" + "2,Italy,ITA,380,UNIFIL,Troops,2,9999999,2024-09-30\n"
    result = un.read_contributions(io.StringIO(header + rows))
    assert [entry.row for entry in result.records] == [2]
    assert [issue.row for issue in result.report.rejected] == [3]
    assert "10,000,000" in result.report.rejected[0].message


def test_a_warning_repeated_in_many_rows_is_kept_for_the_first_rows_and_counted() -> None:
    from missionmodel.importers import RepeatedWarning
    from missionmodel.importers.result import WARNINGS_KEPT

    header = ",".join(CONTRIBUTION_HEADER) + "\n"
    rows = "".join(f"{i},Italy,ITA,380,UNIFIL, Troops ,2,3,2024-09-30\n" for i in range(WARNINGS_KEPT + 150))
    rows += "0,Italy,ITA,380,UNIFIL,Troops,1.0,3,2024-09-30\n"
    report = un.read_contributions(io.StringIO(header + rows)).report
    assert report.rows_taken == WARNINGS_KEPT + 151
    assert len(report.warnings) == WARNINGS_KEPT + 1
    assert [issue.row for issue in report.warnings[:2]] == [2, 3]
    assert report.warnings[-1] == RowIssue(
        row=WARNINGS_KEPT + 152, column="female_personnel", message="read '1.0' as the whole number 1"
    )
    trimmed = "trimmed spaces around ' Troops '"
    assert report.repeated == (
        RepeatedWarning(column="personnel_type", message=trimmed, count=WARNINGS_KEPT + 150, kept=WARNINGS_KEPT),
    )
    assert report.repeated[0].omitted == 150
    assert report.warnings_count == WARNINGS_KEPT + 151 and not report.ok
    assert report.headline().endswith(f"0 rejected, {WARNINGS_KEPT + 151} warnings")
    assert report.summary().splitlines()[1:] == [  # the repeated warning counted in its group
        f"  repaired {WARNINGS_KEPT + 150} rows (lines 2, 3, ...): personnel_type: trimmed spaces around '…'; e.g. {trimmed}",
        "  repaired 1 row (line 252): female_personnel: read '1.0' as the whole number 1",
    ]
    assert (
        str(report).splitlines()[-1]
        == f"  repeated personnel_type: {trimmed} ({WARNINGS_KEPT + 150} rows; the first {WARNINGS_KEPT} are listed)"
    )
    strict = un.read_contributions(io.StringIO(header + rows), strict=True).report
    assert strict.rows_rejected == WARNINGS_KEPT + 151 and len(strict.rejected) == WARNINGS_KEPT + 151  # every rejection is kept
    assert strict.repeated == () and strict.warnings == ()


def test_record_maker_builds_validated_records() -> None:
    from missionmodel import Contribution, ContributionKind, ContributionStatus, ValidationError
    from missionmodel.importers._csv import record_maker
    from missionmodel.importers.result import MissionEntry

    make = record_maker(Contribution, "contributor", "kind", "status", "strength", "female", "male")
    troops, deployed = ContributionKind.TROOPS, ContributionStatus.DEPLOYED
    built = make("ITA", troops, deployed, Strength.exact(5), 2, 3)
    assert built == Contribution(contributor="ITA", kind=troops, status=deployed, strength=5, female=2, male=3)
    assert built.caveats == () and built.id is None and built.strength.is_exact
    with pytest.raises(ValidationError) as raised:
        make("ITA", troops, deployed, Strength.exact(6), 2, 3)
    with pytest.raises(ValidationError) as expected:
        Contribution(contributor="ITA", kind=troops, status=deployed, strength=6, female=2, male=3)
    assert str(raised.value) == str(expected.value)
    with pytest.raises(TypeError, match="required field 'record'"):
        record_maker(MissionEntry, "mission", "row")
    with pytest.raises(TypeError, match="not the fields"):
        record_maker(MissionEntry, "mission", "record", "line")

    @attrs.frozen(slots=True, cache_hash=True)
    class Hashed:
        x: int

    with pytest.raises(TypeError, match="slots that are not fields"):
        record_maker(Hashed, "x")


def test_an_import_restores_the_garbage_collector_thresholds() -> None:
    import gc

    before = gc.get_threshold()
    un.read_contributions(FIXTURES / "un_contributions.csv")
    assert gc.get_threshold() == before
    un.read_contributions(io.StringIO(",".join(CONTRIBUTION_HEADER) + '\n1,"' + "x" * (FIELD_LIMIT + 1) + '"\n'))
    assert gc.get_threshold() == before
    rows = "".join(f"{n},Indonesia,IDN,360,UNIFIL,Troops,1,2,2024-09-30\n" for n in range(3000)) + "9,C\xf4te\n"
    raw = io.BytesIO((",".join(CONTRIBUTION_HEADER) + "\n" + rows).encode("latin-1"))
    with pytest.raises(FormatError):  # raised from inside the loop, where the thresholds are changed
        un.read_contributions(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
    assert gc.get_threshold() == before


def test_a_path_that_is_not_a_readable_regular_file_is_a_format_error(tmp_path) -> None:
    import os

    from missionmodel import FormatError

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for path, reason in ((fifo, "named pipe"), (tmp_path / "missing.csv", "No such file"), (tmp_path, "directory")):
        with pytest.raises(FormatError, match=reason):
            un.read_contributions(path)  # the pipe is refused at once: nothing blocks


def test_a_header_error_quotes_a_long_cell_briefly() -> None:
    import io

    from missionmodel import FormatError

    with pytest.raises(FormatError) as raised:
        un.read_contributions(io.StringIO("x" * 100_000 + ",b\n1,2\n"))
    assert len(str(raised.value)) < 1_000


def test_the_real_2025_fatalities_export_writes_gender_as_m_and_f() -> None:
    from missionmodel import Gender

    result = un.read_fatalities(FIXTURES / "un_fatalities_2025_excerpt.csv")
    assert (result.report.rows_read, result.report.rows_taken) == (18, 18)
    by_id = {entry.record.casualty_id: entry.record for entry in result.records}
    genders = [by_id[i].gender for i in ("UNTSO-1948-07-02408", "UNAMI-2009-02-06115", "UNMIK-2002-01-04432")]
    assert genders == [Gender.MALE, Gender.FEMALE, None]


def test_the_real_2025_fatalities_export_with_former_states_and_lost_apostrophes() -> None:
    result = un.read_fatalities(FIXTURES / "un_fatalities_2025_excerpt.csv")
    report = result.report
    assert (report.rows_read, report.rows_taken, report.rejected) == (18, 18, ())
    assert [(entry.row, entry.mission, entry.record.nationality) for entry in result.records] == [
        (2, "UNTSO", "FRA"),
        (3, "UNTSO", "NOR"),
        (4, "UNEF", "YUG"),  # Yugoslavia, coded 890.0 and YUG: the state it was
        (5, "ONUC", None),  # ZZ [Undetermined]
        (6, "UNIFIL", "SWE"),
        (7, "UNOSOM", "TUR"),  # Türkiye, with empty codes
        (8, "MINURCA", "CIV"),  # Côte dIvoire, its apostrophe lost, with empty codes
        (9, "UNMIK", "YUG"),
        (10, "UNMIK", "SCG"),  # Serbia and Montenegro, 891.0 and SCG
        (11, "UNMIK", "SCG"),
        (12, "UNOCI", "CIV"),
        (13, "MONUC", "CIV"),
        (14, "UNAMI", "KEN"),
        (15, "UNIFIL", "TUR"),
        (16, "UNAMID", "SLE"),
        (17, "UNOCI", None),  # no nationality, no codes
        (18, "UNMISS", "MUS"),
        (19, "MINUSCA", "VNM"),
    ]
    # the former states' M49 codes (890, 891) are known: no warning that they disagree with YUG and SCG
    assert not [issue for issue in report.warnings if issue.column == "m49_code"]
    assert ("isocode3", "is empty: read 'CIV' from 'Côte dIvoire'") in [(i.column, i.message) for i in report.warnings]
    assert (17, "casualty_nationality", "is empty, and so are isocode3 and m49_code: the nationality is unknown") in issues(
        report.warnings
    )
    assert [entry.record.personnel_type for entry in result.records[7:10]] == ["Local"] * 3  # 'Local ' trimmed
    assert {issue.row for issue in report.warnings if issue.message == "trimmed spaces around 'Local '"} == {9, 10, 11, 12}


def test_fatality_categories_in_snake_case_read_as_the_csv_writes_them() -> None:
    rows = [
        "1,2020-01-02,C-1,MINUSMA,fatality,M,Chad,military_observer,malicious_act,148.0,TCD",
        "2,2020-01-03,C-2,MINUSMA,Fatality,F,Chad,INTERNATIONAL CIVILIAN,self_inflicted,148,TCD",
        "3,2020-01-04,C-3,MINUSMA,Fatality,F,Chad,Contractor,Heat stroke,148,TCD",  # unknown words: kept as written
    ]
    result = un.read_fatalities(io.StringIO(",".join(FATALITY_HEADER[:11]) + "\n" + "\n".join(rows) + "\n"))
    assert result.report.ok, str(result.report)
    assert [(f.record.casualty_type, f.record.personnel_type, f.record.incident_type) for f in result.records] == [
        ("Fatality", "Military Observer", "Malicious Act"),
        ("Fatality", "International Civilian", "Self-Inflicted"),
        ("Fatality", "Contractor", "Heat stroke"),
    ]


POLICE_FATALITY_HEADER = [
    "id", "incident_date", "casualty_id", "mission_acronym", "type_of_casualty", "casualty_nationality",
    "casualty_personnel_type", "type_of_incident", "m49_code", "isocode3",
]  # fmt: skip
"""The columns of DPPADPO-FATALITIESPOL, as the Data Hub's column definitions list them: no gender."""


def test_the_police_fatalities_table_is_read_as_its_own_layout() -> None:
    rows = [
        "1,2012-02-08,UNAMID-2012-02-07545,UNAMID,Fatality,Sierra Leone,Police,Illness,694.0,SLE",
        "2,2003-05-07,UNMIK-2003-05-04218,UNMIK,Fatality,Serbia and Montenegro,Police,Illness,891.0,SCG",
        "3,2008-10-09,MONUC-2008-10-05893,MONUC,Fatality,Côte dIvoire,Police,Illness,,",
        "4,2019-01-12,MINUSMA-2019-01-00006,MINUSMA,Fatality,Chad,Military,Illness,148.0,TCD",
    ]
    result = un.read_fatalities(io.StringIO(",".join(POLICE_FATALITY_HEADER) + "\n" + "\n".join(rows) + "\n"))
    report = result.report
    assert report.format == "UN Data Hub police fatalities (DPPADPO-FATALITIESPOL: no gender column)"
    assert report.rows_taken == 4
    assert issues(report.warnings) == [
        (4, "isocode3", "is empty: read 'CIV' from 'Côte dIvoire'"),
        (5, "casualty_personnel_type", "is 'Military' in a table of police fatalities (no gender column)"),
    ]
    assert [entry.record.nationality for entry in result.records] == ["SLE", "SCG", "CIV", "TCD"]
    assert {entry.record.gender for entry in result.records} == {None}
    assert {entry.record.sources for entry in result.records} == {("un-data-hub-police-fatalities",)}
    assert [source.id for source in result.sources] == ["un-data-hub-police-fatalities"]
    full = un.read_fatalities(FIXTURES / "un_fatalities_2025_excerpt.csv")
    assert full.report.format == "UN Data Hub fatalities" and [s.id for s in full.sources] == ["un-data-hub-fatalities"]
