"""Contributor totals (`ContributorTotal`) and the Data Hub's latest contributions by country (DPO-UCLATEST)."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from missionmodel import FormatError, PartialDate, Strength, ValidationError, testing
from missionmodel.importers import RowIssue, un
from missionmodel.totals import ContributorTotal

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = [
    "id", "contributing_country", "isocode3", "m49_code", "personnel_contribution_rank", "female_personnel",
    "male_personnel", "total_uniformed_personnel", "last_reporting_date",
]  # fmt: skip
SEPTEMBER = PartialDate(year=2023, month=9, day=30)


def issues(found: tuple[RowIssue, ...]) -> list[tuple[int, str | None, str]]:
    return [(issue.row, issue.column, issue.message) for issue in found]


def table(rows: list[list[str]], header: list[str] = HEADER) -> io.StringIO:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    out.seek(0)
    return out


# --- the record ---------------------------------------------------------------------------------


def test_a_total_keeps_its_parts_as_reported() -> None:
    total = ContributorTotal(contributor="EGY", strength=2070, female=45, male=2020, rank=10, as_of="2023-09-30")
    assert total.strength == Strength.exact(2070) and total.as_of == SEPTEMBER
    assert total.reported_gender_total == 2065  # the parts need not add up to the published total
    assert ContributorTotal(contributor="EGY", strength=5, female=3).reported_gender_total is None
    assert str(total) == "EGY: 2,070 uniformed personnel, rank 10 (2023-09-30)"
    in_mission = ContributorTotal(contributor="YUG", strength=Strength.at_least(10), mission="UNPROFOR")
    assert str(in_mission) == "YUG: at least 10 uniformed personnel in UNPROFOR"  # a former state keeps its code


def test_the_rules_of_a_total() -> None:
    with pytest.raises(ValidationError) as raised:
        ContributorTotal(contributor="Nepal", strength=-1, female=-2, rank=0, mission="")
    assert str(raised.value).splitlines()[1:] == [
        "  contributor: 'Nepal' is not an ISO 3166-1 alpha-3 country code; did you mean 'NPL'?",
        "  strength: 'strength' must not be negative (got -1)",
        "  female: 'female' must not be negative (got -2)",
        "  rank: 'rank' must be at least 1 (got 0)",
        "  mission: 'mission' must not be empty",
    ]


@given(testing.contributor_totals(["a-source"]))
def test_generated_totals_are_valid_and_rebuild_alike(total: ContributorTotal) -> None:
    assert attrs.evolve(total) == total
    assert total.rank is None or total.rank >= 1
    assert set(total.sources) <= {"a-source"}
    if total.female is not None and total.male is not None:
        assert total.reported_gender_total == total.female + total.male


# --- the reader, on the constructed fixture -----------------------------------------------------


def test_country_totals_fixture_report() -> None:
    result = un.read_country_totals(FIXTURES / "un_country_totals.csv")
    report = result.report
    assert report.format == "UN Data Hub latest contributions by country"
    assert (report.rows_read, report.rows_taken, report.rows_rejected) == (25, 22, 3)
    assert issues(report.rejected) == [
        (22, "isocode3", "'ATL' is not an ISO 3166-1 alpha-3 country code"),
        (23, "personnel_contribution_rank", "must be a rank, 1 or more (got 0)"),
        (24, None, "repeats line 2"),
    ]
    assert issues(report.warnings) == [
        (7, "isocode3", "trimmed spaces around 'GHA '"),
        (11, "total_uniformed_personnel", "is 2,070, but female + male is 45 + 2,020 = 2,065: kept the total"),
        (12, "isocode3", "is empty: read 'SEN' from M49 code 686"),
        (
            17,
            "personnel_contribution_rank",
            "rank 16 with 800 personnel, but TUR (line 16) is ranked 15 with 700: the ranks do not follow the totals",
        ),
        (18, "m49_code", "M49 code 276 is 'DEU', not 'FRA': kept isocode3 'FRA'"),
        (20, "total_uniformed_personnel", "is empty: took female + male = 19 + 62 = 81"),
        (26, None, "gives SRB on 2023-09-30 again, as line 19 did: this later row replaces it"),
    ]
    assert [source.id for source in result.sources] == ["un-data-hub-country-totals"]


def test_country_totals_fixture_values() -> None:
    records = un.read_country_totals(FIXTURES / "un_country_totals.csv").records
    by_country = {record.contributor: record for record in records}
    assert len(records) == len(by_country) == 21  # 22 rows taken; Serbia's second row replaced its first
    nepal = records[0]
    assert nepal == ContributorTotal(
        contributor="NPL",
        strength=Strength.exact(6247),
        female=664,
        male=5583,
        rank=1,
        as_of=SEPTEMBER,
        sources=("un-data-hub-country-totals",),
    )
    assert {record.as_of for record in records} == {SEPTEMBER}  # 30-Sep-23 and 2023-09-30 alike
    assert by_country["EGY"].strength == Strength.exact(2070)  # the published total, not 45 + 2,020
    assert (by_country["BRA"].strength, by_country["BRA"].female, by_country["BRA"].male) == (Strength.exact(81), 19, 62)
    assert by_country["MAR"].rank == by_country["ZMB"].rank == 12  # a tie
    assert by_country["GHA"].strength == by_country["IDN"].strength and (by_country["GHA"].rank, by_country["IDN"].rank) == (6, 7)
    assert by_country["SRB"].strength == Strength.exact(183) and records[-1].contributor == "SRB"  # the correction, in its place
    assert by_country["SEN"].contributor == "SEN" and by_country["FRA"].contributor == "FRA"
    assert all(record.mission is None for record in records)
    assert sum(record.strength.low for record in records) == 49_329  # counted apart with the csv module


def test_country_totals_strict() -> None:
    result = un.read_country_totals(FIXTURES / "un_country_totals.csv", strict=True)
    report = result.report
    assert report.rejected_rows == (7, 11, 12, 17, 18, 20, 22, 23, 24, 26)
    assert report.warnings == ()
    by_country = {record.contributor: record for record in result.records}
    assert by_country["SRB"].strength == Strength.exact(181)  # the correction was rejected: the first row stays
    assert "SEN" not in by_country and "EGY" not in by_country


# --- the reader, on variants --------------------------------------------------------------------

ROWS = [
    ["1", "Nepal", "NPL", "524.0", "1", "664", "5583", "6247", "30-Sep-23"],
    ["2", "Bangladesh", "BGD", "50.0", "2", "589", "5523", "6112", "2023-09-30"],
    ["3", "Yugoslavia", "YUG", "890.0", "3", "10", "90", "100", "31-Jan-92"],
]


@pytest.mark.parametrize(
    "header",
    [
        HEADER,
        [
            "ID", "Contributing Country", "ISO Code 3", "M49 Code", "Personnel Contribution Rank", "Female Personnel",
            "Male Personnel", "Total Uniformed Personnel", "Last Reporting Date",
        ],
        [
            "id", "contributing.country", "isocode3", "m49.code", "personnel.contribution.rank", "female.personnel",
            "male.personnel", "total.uniformed.personnel", "last.reporting.date",
        ],
        [name.upper() for name in HEADER],
    ],
    ids=["snake_case", "Title Case", "dotted", "UPPER"],
)  # fmt: skip
def test_every_header_style_gives_the_same_totals(header: list[str]) -> None:
    result = un.read_country_totals(table(ROWS, header))
    assert result.report.ok, str(result.report)
    assert [(r.contributor, r.strength.low, r.rank, str(r.as_of)) for r in result.records] == [
        ("NPL", 6247, 1, "2023-09-30"),
        ("BGD", 6112, 2, "2023-09-30"),
        ("YUG", 100, 3, "1992-01-31"),
    ]


def test_a_table_broken_down_by_mission_keeps_each_mission() -> None:
    header = [*HEADER, "mission_acronym"]
    rows = [
        ["1", "Nepal", "NPL", "524", "1", "100", "900", "1000", "2023-09-30", "UNIFIL"],
        ["2", "Nepal", "NPL", "524", "1", "50", "1950", "2000", "2023-09-30", "UNMISS"],  # same country, other mission
        ["3", "Ghana", "GHA", "288", "5", "10", "2990", "3000", "2023-09-30", "UNIFIL"],  # ranks are not compared
        ["4", "Ghana", "GHA", "288", "5", "10", "2990", "3000", "2023-09-30", "UNIFIL"],  # an exact repeat
    ]
    result = un.read_country_totals(table(rows, header))
    assert issues(result.report.rejected) == [(5, None, "repeats line 4")]
    assert result.report.warnings == ()
    assert [(r.contributor, r.mission, r.strength.low) for r in result.records] == [
        ("NPL", "UNIFIL", 1000),
        ("NPL", "UNMISS", 2000),
        ("GHA", "UNIFIL", 3000),
    ]


def test_the_json_export_with_dates_in_milliseconds() -> None:
    midnight = datetime.datetime(2023, 9, 30, tzinfo=datetime.timezone.utc)
    milliseconds = int(midnight.timestamp() * 1000)
    rows = [
        {
            "id": 1, "contributing_country": "Nepal", "isocode3": "NPL", "m49_code": 524.0, "personnel_contribution_rank": 1,
            "female_personnel": 664, "male_personnel": 5583, "total_uniformed_personnel": 6247,
            "last_reporting_date": milliseconds,
        },
        {
            "id": 2, "contributing_country": "Bangladesh", "isocode3": "BGD", "m49_code": 50.0, "personnel_contribution_rank": 2,
            "female_personnel": 589, "male_personnel": 5523, "total_uniformed_personnel": 6112,
            "last_reporting_date": milliseconds,
        },
    ]  # fmt: skip
    result = un.read_country_totals(io.StringIO(json.dumps(rows)))
    assert result.report.format == "UN Data Hub latest contributions by country (JSON; rows numbered by their place in the array)"
    assert result.report.ok, str(result.report)
    from_csv = un.read_country_totals(table(ROWS[:2])).records
    assert result.records == from_csv


def test_codes_in_each_others_columns_are_read_swapped() -> None:
    rows = [["1", "Nepal", "524.0", "NPL", "1", "664", "5583", "6247", "2023-09-30"]]
    result = un.read_country_totals(table(rows))
    assert [r.contributor for r in result.records] == ["NPL"]
    assert issues(result.report.warnings) == [
        (2, "isocode3", "holds '524.0' and m49_code holds 'NPL': read them swapped (the M49 code 524, the ISO code 'NPL')")
    ]


def test_rows_that_cannot_be_taken() -> None:
    rows = [
        ["1", "Nepal", "NPL", "524", "1", "664", "", "", "2023-09-30"],  # no total, and only one part
        ["2", "Nepal", "NPL", "abc", "1", "664", "5583", "6247", "2023-09-30"],  # not an M49 code
        ["3", "", "", "999.0", "1", "1", "2", "3", "2023-09-30"],  # an M49 code of no country, no ISO code
        ["4", "Nepal", "NPL", "524", "1", "664", "5583", "6247", "2023-02-30"],  # no such day
        ["5", "Nepal", "NPL", "524", "-1", "664", "5583", "6247", "2023-09-30"],
    ]
    report = un.read_country_totals(table(rows)).report
    assert report.rows_taken == 0
    assert issues(report.rejected) == [
        (2, "total_uniformed_personnel", "is empty, and the female and male personnel are not both given"),
        (3, "m49_code", "must be an M49 code, a whole number such as 250 or 250.0 (got 'abc')"),
        (4, "m49_code", "999 is not the M49 code of a country, and isocode3 is empty"),
        (5, "last_reporting_date", "is not a real date (got '2023-02-30': day is out of range for month)"),
        (6, "personnel_contribution_rank", "must not be negative (got -1)"),
    ]


def test_a_header_without_the_tables_columns_is_a_format_error() -> None:
    with pytest.raises(FormatError, match=r"missing column\(s\) 'total_uniformed_personnel'"):
        un.read_country_totals(FIXTURES / "un_contributions.csv")  # the monthly table by mission is not this one


# --- the law: totals written as the Data Hub writes them are read back as they were --------------


def _written(total: ContributorTotal, index: int) -> list[str]:
    m49 = {"NPL": "524.0", "YUG": "890.0", "SCG": "891.0"}.get(total.contributor, "")
    return [
        str(index),
        "",
        total.contributor,
        m49,
        "" if total.rank is None else str(total.rank),
        "" if total.female is None else str(total.female),
        "" if total.male is None else str(total.male),
        str(total.strength.low),
        "" if total.as_of is None else str(total.as_of),
        total.mission or "",
    ]


unique_totals = st.lists(
    testing.contributor_totals().map(lambda total: attrs.evolve(total, mission=None))
    | st.builds(
        lambda total, code, mission: attrs.evolve(total, contributor=code, mission=mission),
        testing.contributor_totals(),
        st.sampled_from(["NPL", "YUG", "SCG"]),
        st.none() | st.sampled_from(["UNIFIL", "MINUSCA"]),
    ),
    max_size=25,
    unique_by=lambda total: (total.contributor, total.mission, total.as_of),
)


@given(unique_totals)
def test_totals_written_in_the_tables_layout_are_read_back(totals: list[ContributorTotal]) -> None:
    rows = [_written(total, index) for index, total in enumerate(totals)]
    result = un.read_country_totals(table(rows, [*HEADER, "mission_acronym"]))
    report = result.report
    assert (report.rows_read, report.rows_taken, report.rejected) == (len(totals), len(totals), ())
    expected = [attrs.evolve(total, sources=("un-data-hub-country-totals",)) for total in totals]
    assert list(result.records) == expected
    for issue in report.warnings:  # the only repairs: parts that differ from the total, ranks against the totals
        assert issue.column in ("total_uniformed_personnel", "female_personnel", "male_personnel", "personnel_contribution_rank")
        total = totals[issue.row - 2]
        if issue.column == "personnel_contribution_rank":
            assert total.mission is None and total.rank is not None
        else:
            assert (
                total.reported_gender_total != total.strength.low or max(total.female or 0, total.male or 0) > total.strength.low
            )
