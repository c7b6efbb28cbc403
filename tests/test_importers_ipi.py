"""The IPI Providing for Peacekeeping importer, on the fixture file and on generated rows."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missionmodel import ContributionKind, FormatError, PartialDate, Strength
from missionmodel.importers import RowIssue, ipi

FIXTURES = Path(__file__).parent / "fixtures"

HEADER = (FIXTURES / "ipi_contributions.csv").read_text(encoding="utf-8").splitlines()[0].split(",")


def issues(found: tuple[RowIssue, ...]) -> list[tuple[int, str | None, str]]:
    return [(issue.row, issue.column, issue.message) for issue in found]


def test_fixture_report() -> None:
    report = ipi.read_contributions(FIXTURES / "ipi_contributions.csv").report
    assert report.format == "IPI Providing for Peacekeeping"
    assert (report.rows_read, report.rows_taken, report.rows_rejected) == (9, 7, 2)
    assert issues(report.rejected) == [(9, "Troops", "must be a whole number (got 'many')"), (10, "Mission", "is empty")]
    assert issues(report.warnings) == [
        (5, "Contributor", "removed stray punctuation from 'Nepal.'"),
        (5, "Contributor_ISO-3", "is empty: read 'NPL' from 'Nepal.'"),
        (6, "Total", "Total is 120, but Troops + Civilian_Police + Observers is 100 + 0 + 0 = 100"),
        (
            7,
            "Civilian_Police",
            "Civilian_Police is 50, but Formed_Police_Units + Inidividual_Police is 40 + 5 = 45: kept the two counts",
        ),
        (8, None, "has no personnel in any category: no contribution recorded"),
    ]


def test_fixture_values() -> None:
    entries = ipi.read_contributions(FIXTURES / "ipi_contributions.csv").records
    got = [(e.row, e.mission, e.record.contributor, e.record.kind, e.record.strength.low) for e in entries]
    assert got == [
        (2, "UNIFIL", "IDN", ContributionKind.TROOPS, 1231),
        (3, "UNMISS", "RWA", ContributionKind.FORMED_POLICE_UNITS, 160),
        (3, "UNMISS", "RWA", ContributionKind.INDIVIDUAL_POLICE, 20),
        (3, "UNMISS", "RWA", ContributionKind.MILITARY_OBSERVERS, 2),
        (4, "UNMIL", "GHA", ContributionKind.TROOPS, 800),
        (4, "UNMIL", "GHA", ContributionKind.POLICE, 30),  # police not split: NA
        (4, "UNMIL", "GHA", ContributionKind.MILITARY_OBSERVERS, 10),
        (5, "UNMISS", "NPL", ContributionKind.INDIVIDUAL_POLICE, 12),
        (6, "UNIFIL", "ITA", ContributionKind.TROOPS, 100),
        (7, "UNMISS", "BGD", ContributionKind.FORMED_POLICE_UNITS, 40),
        (7, "UNMISS", "BGD", ContributionKind.INDIVIDUAL_POLICE, 5),
    ]
    assert all(e.record.strength.is_exact and e.record.sources == ("ipi-providing-for-peacekeeping",) for e in entries)
    assert entries[4].record.as_of == PartialDate(year=2005, month=6, day=30)


def test_strict() -> None:
    report = ipi.read_contributions(FIXTURES / "ipi_contributions.csv", strict=True).report
    assert (report.rows_taken, report.rejected_rows) == (3, (5, 6, 7, 8, 9, 10))


def test_missing_columns_are_named_and_flag_columns_ignored() -> None:
    with pytest.raises(FormatError, match=r"missing column\(s\) 'Troops', 'Total'"):
        ipi.read_contributions(io.StringIO("Date,Contributor_ISO-3,Mission,Civilian_Police,Observers,Any_Flag\n"))
    text = (
        "Date,Contributor_ISO-3,Mission,Civilian_Police,Observers,Troops,Total,Some_New_Flag\n2020-01-31,FJI,UNIFIL,0,0,5,5,1\n"
    )
    result = ipi.read_contributions(io.StringIO(text))
    assert result.report.ok and result.records[0].record.strength == Strength.exact(5)


def test_experts_on_mission_used_when_observers_na() -> None:
    text = "Date,Contributor_ISO-3,Mission,Experts_on_Mission,Civilian_Police,Observers,Troops,Total\n"
    text += "2020-01-31,FJI,UNMISS,4,0,NA,0,NA\n2020-01-31,FJI,UNIFIL,4,0,3,0,3\n"
    result = ipi.read_contributions(io.StringIO(text))
    assert [(e.row, e.record.kind, e.record.strength.low) for e in result.records] == [
        (2, ContributionKind.MILITARY_OBSERVERS, 4),
        (3, ContributionKind.MILITARY_OBSERVERS, 3),
    ]
    assert issues(result.report.warnings) == [
        (3, "Experts_on_Mission", "Experts_on_Mission (4) differs from Observers (3): kept Observers")
    ]


@st.composite
def ipi_rows(draw: st.DrawFn) -> tuple[bool, list[str]]:
    cells = {name: "0" for name in HEADER}
    cells["Date"] = draw(st.dates(min_value=PartialDate(year=1990).earliest())).isoformat()
    cells["Contributor"], cells["Contributor_ISO-3"] = draw(
        st.sampled_from([("Fiji", "FJI"), ("Ghana", "GHA"), ("Nepal", "NPL")])
    )
    cells["Mission"] = draw(st.sampled_from(["UNIFIL", "UNMISS", "MONUSCO"]))
    troops, observers = draw(st.integers(0, 2000)), draw(st.integers(0, 50))
    if draw(st.booleans()):
        formed, individual = draw(st.integers(0, 200)), draw(st.integers(0, 200))
        police = formed + individual
        cells["Formed_Police_Units"], cells["Inidividual_Police"] = str(formed), str(individual)
    else:
        police = draw(st.integers(0, 300))
        cells["Formed_Police_Units"] = cells["Inidividual_Police"] = cells["Experts_on_Mission"] = "NA"
    if troops + police + observers == 0:
        troops = 1
    cells.update(
        Troops=str(troops), Civilian_Police=str(police), Observers=str(observers), Total=str(troops + police + observers)
    )
    if cells["Experts_on_Mission"] != "NA":
        cells["Experts_on_Mission"] = str(observers)
    breakage = draw(st.sampled_from([None, None, "count", "date", "mission", "country"]))
    if breakage == "count":
        cells[draw(st.sampled_from(["Troops", "Observers", "Total"]))] = draw(st.sampled_from(["-1", "lots", "2.5"]))
    elif breakage == "date":
        cells["Date"] = "2020-02-30"
    elif breakage == "mission":
        cells["Mission"] = "NA"
    elif breakage == "country":
        cells["Contributor"], cells["Contributor_ISO-3"] = "Nowhere", "NA"
    return breakage is None, [cells[name] for name in HEADER]


@given(st.lists(ipi_rows(), max_size=25))
def test_generated_rows_are_each_taken_or_reported(rows: list[tuple[bool, list[str]]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(cells for _, cells in rows)
    result = ipi.read_contributions(io.StringIO(out.getvalue()))
    report = result.report
    valid = [line for line, (ok, _) in enumerate(rows, start=2) if ok]
    assert report.rows_read == len(rows)
    assert report.rows_taken == len(valid)
    assert report.rejected_rows == tuple(line for line, (ok, _) in enumerate(rows, start=2) if not ok)
    assert report.warnings == ()
    assert sorted(set(e.row for e in result.records)) == valid
    for line in valid:
        cells = dict(zip(HEADER, rows[line - 2][1], strict=True))
        total = sum(e.record.strength.low for e in result.records if e.row == line)
        assert total == int(cells["Total"])


# --- the fast path ----------------------------------------------------------------------------


def slow_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turn the fast path off: every row goes through the parser."""

    def never(table: object, records: object) -> object:
        return lambda values, line: False

    monkeypatch.setattr(ipi, "_fast", never)


COUNT_TEXTS = ["0", "0", "5", "12", "NA", "", "3.0", "-1", "x"]


@st.composite
def messy_ipi_file(draw: st.DrawFn) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for _ in range(draw(st.integers(0, 30))):
        cells = {name: "0" for name in HEADER}
        cells["Date"] = draw(st.sampled_from(["2020-01-31", "2020-01-31", "31/01/2020", "2020-02-30", "NA"]))
        cells["Contributor"], cells["Contributor_ISO-3"] = draw(
            st.sampled_from([("Fiji", "FJI"), ("Fiji", "FJI"), ("Nepal.", "NA"), ("Ghana", " GHA"), ("Nowhere", "QQQ")])
        )
        cells["Mission"] = draw(st.sampled_from(["UNIFIL", "UNIFIL", "UNMISS", "NA", " UNMISS"]))
        for name in ("Troops", "Civilian_Police", "Observers", "Experts_on_Mission", "Formed_Police_Units", "Inidividual_Police"):
            cells[name] = draw(st.sampled_from(COUNT_TEXTS))
        if draw(st.booleans()):  # mostly consistent totals, so that many rows need no repair
            numbers = [int(cells[name]) if cells[name].isdigit() else 0 for name in ("Troops", "Civilian_Police", "Observers")]
            cells["Total"] = str(sum(numbers))
        else:
            cells["Total"] = draw(st.sampled_from(COUNT_TEXTS))
        writer.writerow([cells[name] for name in HEADER])
    return out.getvalue()


@given(messy_ipi_file(), st.booleans())
def test_the_fast_path_reads_as_the_parser_does(text: str, strict: bool) -> None:
    fast = ipi.read_contributions(io.StringIO(text), strict=strict)
    with pytest.MonkeyPatch.context() as monkeypatch:
        slow_only(monkeypatch)
        slow = ipi.read_contributions(io.StringIO(text), strict=strict)
    assert fast.records == slow.records
    assert fast.report == slow.report


def test_the_fast_path_shares_values_between_rows() -> None:
    text = "Date,Contributor_ISO-3,Mission,Civilian_Police,Observers,Troops,Total\n"
    text += "2020-01-31,FJI,UNIFIL,0,NA,300,300\n" * 3
    result = ipi.read_contributions(io.StringIO(text))
    assert result.report.ok and [entry.row for entry in result.records] == [2, 3, 4]
    first, last = result.records[0].record, result.records[2].record
    assert first == last and first.strength is last.strength and first.as_of is last.as_of and first.sources is last.sources


def test_an_implausible_count_is_rejected_not_raised() -> None:
    text = "Date,Contributor_ISO-3,Mission,Civilian_Police,Observers,Troops,Total\n"
    text += "2020-01-31,FJI,UNIFIL,0,0,5,5\n2020-01-31,FJI,UNIFIL,0,0,20000000,20000000\n"
    result = ipi.read_contributions(io.StringIO(text))
    assert [entry.row for entry in result.records] == [2]
    assert issues(result.report.rejected) == [(3, None, "must be at most 10,000,000 personnel (got 20,000,000)")]
