"""The IPI Providing for Peacekeeping importer, on the fixture file and on generated rows."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missionmodel import ContributionKind, FigureKind, FormatError, PartialDate, PersonnelFigure, Place, Strength, geography
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


# --- NA read against the row's totals (contributions table) ---------------------------------

NA_HEADER = (
    "Date,Contributor_ISO-3,Mission,Experts_on_Mission,Formed_Police_Units,Inidividual_Police,Civilian_Police,"
    "Troops,Observers,Total\n"
)


def read_rows(*rows: str, header: str = NA_HEADER) -> tuple[list[tuple[int, str, int]], list[tuple[int, str | None, str]]]:
    result = ipi.read_contributions(io.StringIO(header + "".join(row + "\n" for row in rows)))
    assert result.report.rows_rejected == 0
    got = [(e.row, e.record.kind.value, e.record.strength.low) for e in result.records]
    return got, issues(result.report.warnings)


def test_na_police_that_civilian_police_shows_is_none() -> None:
    got, warnings = read_rows("2014-02-28,GHA,UNMIL,NA,NA,30,30,700,NA,730")
    assert got == [(2, "troops", 700), (2, "individual_police", 30)]
    assert warnings == [(2, "Formed_Police_Units", "read NA as 0: Inidividual_Police already makes up Civilian_Police")]


def test_na_police_that_civilian_police_shows_is_the_difference() -> None:
    got, warnings = read_rows("2014-02-28,BGD,UNMIL,NA,NA,10,150,0,NA,150")
    assert got == [(2, "formed_police_units", 140), (2, "individual_police", 10)]
    assert warnings == [(2, "Formed_Police_Units", "read NA as 140 = Civilian_Police 150 - Inidividual_Police 10")]


def test_na_police_decided_through_the_total() -> None:
    got, warnings = read_rows("2014-02-28,BGD,UNMIL,2,NA,10,NA,100,NA,142")
    assert got == [(2, "troops", 100), (2, "formed_police_units", 30), (2, "individual_police", 10), (2, "military_observers", 2)]
    assert warnings == [
        (2, "Civilian_Police", "read NA as 40 = Total 142 - Troops 100 - Observers 2"),
        (2, "Formed_Police_Units", "read NA as 30 = Civilian_Police 40 - Inidividual_Police 10"),
    ]


def test_na_police_that_the_totals_cannot_decide() -> None:
    # both police counts NA: Civilian_Police is police, as before, with nothing to say
    assert read_rows("2005-06-30,GHA,UNMIL,NA,NA,NA,30,800,10,840") == (
        [(2, "troops", 800), (2, "police", 30), (2, "military_observers", 10)],
        [],
    )
    # one NA, but the count given is more than Civilian_Police: the row contradicts itself
    got, warnings = read_rows("2005-06-30,GHA,UNMIL,NA,NA,40,30,0,0,30")
    assert got == [(2, "police", 30)]
    assert warnings == [
        (2, "Civilian_Police", "Civilian_Police is 30, less than Inidividual_Police = 40: Formed_Police_Units left unknown"),
        (
            2,
            "Inidividual_Police",
            "not kept: Formed_Police_Units is NA and the totals cannot tell it, so Civilian_Police is kept as police",
        ),
    ]
    # one NA, no Civilian_Police, no Total: the count given is kept alone
    got, warnings = read_rows("2005-06-30,GHA,UNMIL,NA,12,NA,NA,0,0,NA")
    assert got == [(2, "formed_police_units", 12)]
    assert warnings == [
        (
            2,
            "Inidividual_Police",
            "is NA and the totals cannot tell it: only Formed_Police_Units is recorded, as formed_police_units",
        )
    ]


def test_na_troops_and_observers_read_against_the_total() -> None:
    got, warnings = read_rows("2005-06-30,GHA,UNMIL,NA,NA,NA,20,NA,0,50")
    assert got == [(2, "troops", 30), (2, "police", 20)]
    assert warnings == [(2, "Troops", "read NA as 30 = Total 50 - Civilian_Police 20 - Observers 0")]
    # NA parts when the parts given already make the total: 0, no record, nothing to say
    assert read_rows("2005-06-30,GHA,UNMIL,NA,NA,NA,NA,50,NA,50") == ([(2, "troops", 50)], [])


def test_header_styles_of_the_contributions_table() -> None:
    rows = "2014-02-28,BGD,UNMIL,2,NA,10,NA,100,NA,142\n2014-02-28,GHA,UNMIL,NA,NA,30,30,700,NA,730\n"
    expected = ipi.read_contributions(io.StringIO(NA_HEADER + rows))
    styles = [
        NA_HEADER.replace("_", " "),
        NA_HEADER.lower().replace("_", ".").replace("iso-3", "iso3"),
        NA_HEADER.replace("Inidividual", "Individual"),
        NA_HEADER.replace("ISO-3", "ISO.3"),  # as R's read.csv names it
    ]
    for header in styles:
        result = ipi.read_contributions(io.StringIO(header + rows))
        assert result.records == expected.records, header
        assert [(w.row, w.message.replace(".", "_")) for w in result.report.warnings] != []
        assert result.report.format == "IPI Providing for Peacekeeping"


def gender_to_contributions(text: str, month: str) -> tuple[str, dict[str, int]]:
    """The gender table's rows of a month in the contributions layout, a category with none written NA
    (as IPI's scraper writes it), and the true counts per kind."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(NA_HEADER.strip().split(","))
    truth = {"formed_police_units": 0, "individual_police": 0, "military_observers": 0, "troops": 0}
    for row in csv.DictReader(io.StringIO(text)):
        if row["Date"] != month or not row[""].isdigit():
            continue
        ip, fpu, eom, troops, total = (
            int(row[f"{kind} Total"])
            for kind in ("Individual Police", "Formed Police Units", "Experts on Mission", "Troops", "Total")
        )
        truth["individual_police"] += ip
        truth["formed_police_units"] += fpu
        truth["military_observers"] += eom
        truth["troops"] += troops
        na = [str(n) if n else "NA" for n in (eom, fpu, ip, fpu + ip, troops, eom)]
        writer.writerow([row["Date"], row["Contributor ISO-3"], row["Mission"], *na, str(total)])
    return out.getvalue(), truth


def test_a_month_with_na_police_comes_out_split_to_the_person() -> None:
    text, truth = gender_to_contributions((FIXTURES / "ipi_gender_excerpt.csv").read_text(encoding="utf-8"), "2014-02-28")
    result = ipi.read_contributions(io.StringIO(text))
    sums: dict[str, int] = {}
    for entry in result.records:
        sums[entry.record.kind.value] = sums.get(entry.record.kind.value, 0) + entry.record.strength.low
    assert sums == truth and truth["formed_police_units"] > 0 and truth["individual_police"] > 0
    assert result.report.rows_rejected == 0


# --- the gender table ---------------------------------------------------------------------------

GENDER = FIXTURES / "ipi_gender_excerpt.csv"
TYPES = ("Individual Police", "Formed Police Units", "Experts on Mission", "Troops")


def test_gender_fixture_report() -> None:
    report = ipi.read_contributions(GENDER).report
    assert report.format == "IPI Providing for Peacekeeping (women and men by personnel type)"
    assert (report.rows_read, report.rows_taken, report.rows_rejected) == (71, 70, 1)
    assert issues(report.rejected) == [(72, "Troops Male", "must be a whole number (got 'x')")]
    sum_of_types = "Individual Police Total + Formed Police Units Total + Experts on Mission Total + Troops Total"
    assert issues(report.warnings) == [
        (5, None, "has no personnel of any type: no contribution recorded"),
        (6, None, "has no personnel of any type: no contribution recorded"),
        (66, "Individual Police Female", "read NA as 3 = Individual Police Total 23 - Individual Police Male 20"),
        (67, "Total Total", "Total Total is 110, but Total Male + Total Female is 100 + 5 = 105"),
        (
            67,
            "Troops Total",
            "Troops Total is 110, but Troops Male + Troops Female is 100 + 5 = 105: kept Troops Total (110),"
            " without the women and men",
        ),
        (68, "Total Total", f"Total Total is 105, but {sum_of_types} is 0 + 0 + 0 + 110 = 110"),
        (
            68,
            "Troops Total",
            "Troops Total is 110, but Troops Male + Troops Female is 100 + 5 = 105: kept 105 with the women and men,"
            " as Total Total (105) agrees with it",
        ),
        (
            69,
            "Total Male",
            "Total Male is 60, but Individual Police Male + Formed Police Units Male + Experts on Mission Male + Troops Male"
            " is 3 + 0 + 0 + 50 = 53",
        ),
        (69, "Total Total", f"Total Total is 61, but {sum_of_types} is 3 + 0 + 0 + 51 = 54"),
        (70, "Mission", 'removed a stray quote from "UNMIL\'"'),
        (70, "Contributor ISO-3", 'removed a stray quote from "ALB\'"'),
        (71, "Troops Total", "is NA and the totals cannot tell it: read as at least 40"),
    ]


def test_gender_fixture_real_rows_sum_to_the_person() -> None:
    """The records of the real rows (lines 2 to 64) add up, type by type and sex by sex, to the csv module's sums."""
    expected: dict[tuple[str, str], int] = {}
    with GENDER.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            if line > 64:
                break
            for kind in (*TYPES, "Total"):
                for sex in ("Male", "Female", "Total"):
                    expected[kind, sex] = expected.get((kind, sex), 0) + int(row[f"{kind} {sex}"])
    kinds = dict(zip(TYPES, ("individual_police", "formed_police_units", "military_observers", "troops"), strict=True))
    entries = [e for e in ipi.read_contributions(GENDER).records if e.row <= 64]
    for kind, value in kinds.items():
        mine = [e.record for e in entries if e.record.kind.value == value]
        assert sum(c.strength.low for c in mine) == expected[kind, "Total"]
        assert sum(c.female or 0 for c in mine) == expected[kind, "Female"]
        assert sum(c.male or 0 for c in mine) == expected[kind, "Male"]
        assert all(c.strength.is_exact and c.female is not None and c.male is not None for c in mine)
    assert sum(e.record.strength.low for e in entries) == expected["Total", "Total"] > 0
    assert all(e.record.status.value == "deployed" and e.record.sources == ("ipi-providing-for-peacekeeping",) for e in entries)


def test_gender_fixture_edited_rows() -> None:
    entries = ipi.read_contributions(GENDER).records
    got = [
        (e.row, e.mission, e.record.contributor, e.record.kind.value, str(e.record.strength), e.record.female, e.record.male)
        for e in entries
        if e.row >= 65
    ]
    assert got == [
        (65, "UNMIL", "BGD", "individual_police", "12", 2, 10),  # Formed Police Units NA: none, no record
        (66, "UNMIL", "GHA", "individual_police", "23", 3, 20),
        (66, "UNMIL", "GHA", "military_observers", "1", 0, 1),
        (66, "UNMIL", "GHA", "troops", "720", 20, 700),
        (67, "UNMIL", "NGA", "troops", "110", None, None),
        (68, "UNMISS", "NGA", "troops", "105", 5, 100),
        (69, "UNMIL", "JOR", "individual_police", "3", 0, 3),
        (69, "UNMIL", "JOR", "troops", "51", 1, 50),
        (70, "UNMIL", "ALB", "individual_police", "1", 0, 1),
        (71, "UNMIL", "TGO", "troops", "at least 40", None, 40),
    ]
    first = entries[0]
    assert (first.row, first.record.as_of) == (2, PartialDate(year=2013, month=12, day=31))


def test_gender_strict() -> None:
    report = ipi.read_contributions(GENDER, strict=True).report
    assert report.rejected_rows == (5, 6, 66, 67, 68, 69, 70, 71, 72)


def gender_header_styles(header: str) -> list[str]:
    names = next(csv.reader([header]))
    return [
        ",".join(name.replace(" ", "_") for name in names),  # the scraper's own: Contributor_ISO-3, Individual_Police_Male
        ",".join(name.lower().replace(" ", ".").replace("iso-3", "iso3") for name in names),  # contributor.iso3
        ",".join(name.replace(" ", ".").replace("-", ".") for name in names),  # R's read.csv: Contributor.ISO.3
        ",".join(name.replace("Individual", "Inidividual").upper() for name in names),
    ]


def test_gender_header_styles_read_alike() -> None:
    header, _, rows = GENDER.read_text(encoding="utf-8").partition("\n")
    expected = ipi.read_contributions(GENDER)
    for style in gender_header_styles(header):
        result = ipi.read_contributions(io.StringIO(style + "\n" + rows))
        assert result.records == expected.records, style
        assert result.report.rows_rejected == 1 and result.report.warnings_count == expected.report.warnings_count
        assert result.report.format == expected.report.format


def test_gender_without_police_columns_and_missing_required_ones() -> None:
    text = (
        "Date,Contributor ISO-3,Mission,Troops Male,Troops Female,Troops Total,Total Total\n2014-02-28,FJI,UNIFIL,140,3,143,143\n"
    )
    result = ipi.read_contributions(io.StringIO(text))
    assert result.report.ok
    assert [(e.record.kind.value, e.record.strength.low, e.record.female) for e in result.records] == [("troops", 143, 3)]
    with pytest.raises(FormatError, match=r"missing column"):
        ipi.read_contributions(io.StringIO("Date,Contributor ISO-3,Mission,Troops Male,Troops Female\n"))


GENDER_HEADER = GENDER.read_text(encoding="utf-8").splitlines()[0]
GENDER_TEXTS = ["0", "0", "1", "7", "NA", "", "2.0", "-1", "x", "20"]


@st.composite
def messy_gender_file(draw: st.DrawFn) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = next(csv.reader([GENDER_HEADER]))
    writer.writerow(names)
    for index in range(draw(st.integers(0, 25))):
        cells = {"": str(index), "Date": draw(st.sampled_from(["2014-02-28", "2014-02-28", "2014-02-30", "NA"]))}
        cells["Contributor"], cells["Contributor ISO-3"] = draw(
            st.sampled_from([("Fiji", "FJI"), ("Fiji", "FJI"), ("Albania'", "ALB'"), ("Nowhere", "QQQ")])
        )
        cells["Mission"] = draw(st.sampled_from(["UNMIL", "UNMIL", "UNMIL'", "NA"]))
        consistent = draw(st.booleans())
        for kind in (*TYPES, "Total"):
            male, female = draw(st.integers(0, 30)), draw(st.integers(0, 5))
            cells[f"{kind} Male"], cells[f"{kind} Female"], cells[f"{kind} Total"] = str(male), str(female), str(male + female)
            if not consistent:
                for sex in ("Male", "Female", "Total"):
                    if draw(st.integers(0, 3)) == 0:
                        cells[f"{kind} {sex}"] = draw(st.sampled_from(GENDER_TEXTS))
        if consistent:
            for sex in ("Male", "Female", "Total"):
                cells[f"Total {sex}"] = str(sum(int(cells[f"{kind} {sex}"]) for kind in TYPES))
        writer.writerow([cells[name] for name in names])
    return out.getvalue()


@given(messy_gender_file(), st.booleans())
def test_the_gender_fast_path_reads_as_the_parser_does(text: str, strict: bool) -> None:
    fast = ipi.read_contributions(io.StringIO(text), strict=strict)
    with pytest.MonkeyPatch.context() as monkeypatch:
        slow_only(monkeypatch)
        slow = ipi.read_contributions(io.StringIO(text), strict=strict)
    assert fast.records == slow.records
    assert fast.report == slow.report


def test_the_gender_fast_path_shares_readings_between_rows() -> None:
    row = "2014-02-28,FJI,UNIFIL," + ",".join(["0"] * 9) + ",140,3,143,140,3,143\n"
    text = "Date,Contributor ISO-3,Mission," + ",".join(
        f"{k} {s}" for k in (*TYPES, "Total") for s in ("Male", "Female", "Total")
    )
    result = ipi.read_contributions(io.StringIO(text + "\n" + row * 3))
    assert result.report.ok and [entry.row for entry in result.records] == [2, 3, 4]
    first, last = result.records[0].record, result.records[2].record
    assert first == last and first.strength is last.strength and first.as_of is last.as_of


# --- the sums of a table ------------------------------------------------------------------------


@st.composite
def sums_with_na(draw: st.DrawFn) -> tuple[list[int], list[int | None]]:
    """A gender row whose sums hold, with some counts blanked out."""
    counts = [0] * 15
    for k in range(4):
        counts[3 * k], counts[3 * k + 1] = draw(st.integers(0, 50)), draw(st.integers(0, 50))
        counts[3 * k + 2] = counts[3 * k] + counts[3 * k + 1]
    for s in range(3):
        counts[12 + s] = sum(counts[3 * k + s] for k in range(4))
    blanked: list[int | None] = [None if draw(st.integers(0, 2)) == 0 else count for count in counts]
    return counts, blanked


@given(sums_with_na())
def test_an_na_that_the_sums_decide_is_read_as_the_true_count(case: tuple[list[int], list[int | None]]) -> None:
    truth, blanked = case
    values = list(blanked)
    derived = ipi._solve(values, ipi._GENDER_SUMS)
    assert all(blanked[index] is None for index in derived)  # only NA counts are filled in
    assert all(value is None or value == truth[index] for index, value in enumerate(values))  # and rightly
    kept, repairs = ipi._gender_categories(blanked)
    assert not [message for _, message in repairs if " but " in message or "less than" in message]
    kinds = [kind for _, _, kind, _ in ipi._TYPES[:4]]
    for kind, strength, female, male in kept:
        k = kinds.index(kind)
        assert truth[3 * k + 2] in strength and strength.low > 0
        assert female in (None, truth[3 * k + 1]) and male in (None, truth[3 * k])
    if None not in blanked:
        assert [(kind, strength.low, female, male) for kind, strength, female, male in kept] == [
            (kinds[k], truth[3 * k + 2], truth[3 * k + 1], truth[3 * k]) for k in range(4) if truth[3 * k + 2]
        ]


# --- totals per mission -------------------------------------------------------------------------

TOTALS = FIXTURES / "ipi_mission_totals_excerpt.csv"


def test_mission_totals_report() -> None:
    report = ipi.read_mission_totals(TOTALS).report
    assert report.format == "IPI Providing for Peacekeeping (totals per mission)"
    assert (report.rows_read, report.rows_taken, report.rows_rejected) == (25, 24, 1)
    assert issues(report.rejected) == [(26, "date", "is not a real date (got '2000-02-30': day is out of range for month)")]
    geographic = [w for w in issues(report.warnings) if w[1] == "mission.hq.lat" and "are in" in w[2]]
    other = [w for w in issues(report.warnings) if w not in geographic]
    assert other == [
        (22, "total", "total is 500, but troops + police + observers is 400 + 50 + 0 = 450"),
        (23, "police", "read NA as 30 = total 440 - troops 400 - observers 10"),
        (24, "mission.hq.lat", "latitude 125.567 is out of range and longitude -8.5667 is not: swapped them"),
        (25, "mission.iso3.alpha", "read 'XXX' as 'TLS'"),
        (25, "total", "read NA as 6,100 = troops 5,000 + police 1,000 + observers 100"),
    ]
    if geography.available():  # the optional extra: Asmara's point is in Ethiopia; Bamako's is swapped
        assert geographic == [
            (
                16,
                "mission.hq.lat",
                "latitude 12.1817 and longitude 38.8367 are in ETH, not in ERI (nor once swapped): kept as given",
            ),
            (
                17,
                "mission.hq.lat",
                "latitude 12.1817 and longitude 38.8367 are in ETH, not in ERI (nor once swapped): kept as given",
            ),
            (
                20,
                "mission.hq.lat",
                "latitude -8.0 and longitude 12.65 are in AGO, not in MLI, and in MLI once swapped: swapped them",
            ),
            (
                21,
                "mission.hq.lat",
                "latitude -8.0 and longitude 12.65 are in AGO, not in MLI, and in MLI once swapped: swapped them",
            ),
        ]
    else:
        assert geographic == []


def test_mission_totals_figures_sum_to_the_person() -> None:
    """Each taken row's figures are its counts; the totals add up to the csv module's sum of ``total``."""
    result = ipi.read_mission_totals(TOTALS)
    figures = [e for e in result.records if isinstance(e.record, PersonnelFigure)]
    assert all(e.record.kind is FigureKind.ACTUAL and e.record.strength.is_exact for e in figures)
    totals = {e.row: e.record for e in figures if len(e.record.personnel) == 3}
    with TOTALS.open(encoding="utf-8", newline="") as handle:
        rows = {line: row for line, row in enumerate(csv.DictReader(handle), start=2)}
    expected = sum(int(row["total"]) for line, row in rows.items() if row["total"] != "NA" and line != 26)
    assert sum(figure.strength.low for line, figure in totals.items() if line != 25) == expected
    assert totals[25].strength.low == 6100  # NA read as the sum
    for line, figure in totals.items():
        assert figure.contributing_countries == int(rows[line]["n.contributors"])
        assert figure.as_of == PartialDate.parse(rows[line]["date"])
    kinds = {
        "troops": ContributionKind.TROOPS,
        "police": ContributionKind.POLICE,
        "observers": ContributionKind.MILITARY_OBSERVERS,
    }
    for column, kind in kinds.items():
        given = {line: int(row[column]) for line, row in rows.items() if row[column] != "NA" and line != 26}
        mine = {e.row: e.record.strength.low for e in figures if e.record.personnel == (kind,)}
        assert mine == {**given, **({23: 30} if column == "police" else {})}, column


def test_mission_totals_places_on_change() -> None:
    result = ipi.read_mission_totals(TOTALS)
    places = [(e.row, e.mission, e.record) for e in result.records if isinstance(e.record, Place)]
    assert [(row, mission, place.name, place.country) for row, mission, place in places] == [
        (2, "UNAVEM", "Luanda", "AGO"),
        (3, "ONUCA", "Tegucigalpa", "HND"),
        (4, "UNTSO", "Jerusalem", "ISR"),
        (5, "UNFICYP", "Nicosia", "CYP"),
        (6, "UNIIMOG", "Tehran", "IRN"),
        (7, "UNDOF", "Camp Faouar", "SYR"),
        (8, "UNMOGIP", "Islamabad", "PAK"),
        (9, "UNIFIL", "Naquora", "LBN"),
        (14, "UNMIS", "Khartoum", "SDN"),
        (16, "UNMEE", "Asmara", "ERI"),
        (18, "UNMISS", "Juba", "SSD"),
        (20, "MINUSMA", "Bamako", "MLI"),
        (23, "UNMIS", "El Fasher", "SDN"),  # the HQ changed
        (24, "UNTAET", "Dili", "TLS"),  # line 25 repeats it (once its code is read from the name)
    ]
    luanda = places[0][2]
    assert (luanda.latitude, luanda.longitude) == (-8.8383, 13.2344)  # mission.hq.lat is the latitude
    dili = places[-1][2]
    assert (dili.latitude, dili.longitude) == (-8.5667, 125.567)
    bamako = places[11][2]
    expected = (12.65, -8.0) if geography.available() else (-8.0, 12.65)
    assert (bamako.latitude, bamako.longitude) == expected
    # a row's place comes before its figures
    first = result.records[:3]
    assert isinstance(first[0].record, Place) and all(isinstance(e.record, PersonnelFigure) for e in first[1:])


def test_mission_totals_header_styles_and_strict() -> None:
    header, _, rows = TOTALS.read_text(encoding="utf-8").partition("\n")
    expected = ipi.read_mission_totals(TOTALS)
    styles = [
        header.replace("mission.iso3.alpha", "Mission_Country_ISO-3")
        .replace("mission.hq.long", "Mission_HQ_Longitude")
        .replace("mission.hq.lat", "Mission_HQ_Latitude")
        .replace("mission.hq", "Mission_HQ")
        .replace("mission.country", "Mission_Country")
        .replace('"date"', "Date"),
        header.replace("mission.iso3.alpha", "Country of Mission ISO-3").upper(),
        header.replace("n.contributors", "n.conributors"),  # IPI's own typo in Data.Monthly.csv
    ]
    for style in styles:
        result = ipi.read_mission_totals(io.StringIO(style + "\n" + rows))
        assert result.records == expected.records, style
    strict = ipi.read_mission_totals(TOTALS, strict=True)
    assert set(strict.report.rejected_rows) >= {22, 23, 24, 25, 26}
    with pytest.raises(FormatError, match=r"missing column\(s\) 'troops'"):
        ipi.read_mission_totals(io.StringIO("date,mission,police,observers,total\n"))


def test_mission_totals_bad_hq_never_rejects_the_figures() -> None:
    header = (
        "date,mission,mission.iso3.alpha,mission.hq,mission.hq.long,mission.hq.lat,n.contributors,troops,police,observers,total\n"
    )
    rows = [
        "2001-01-31,UNX,ZZZ,Somewhere,north,5,3,10,NA,NA,10",  # a coordinate that is no number, a code that is none
        "2001-01-31,UNY,CYP,Nicosia,200,100,0,0,0,0,0",  # no place on Earth; 0 contributors with 0 personnel
        "2001-01-31,UNZ,CYP,,33.3,35.1,2,NA,NA,NA,NA",  # no HQ name; every count NA
    ]
    result = ipi.read_mission_totals(io.StringIO(header + "\n".join(rows) + "\n"))
    assert result.report.rows_taken == 3
    assert issues(result.report.warnings) == [
        (2, "mission.hq.lat", "dropped: a coordinate was given without the other"),
        (2, "mission.hq.long", "must be a number (got 'north'): the HQ is kept without coordinates"),
        (2, "mission.iso3.alpha", "'ZZZ' is not an ISO 3166-1 alpha-3 country code: the HQ is kept without a country"),
        (3, "mission.hq.lat", "latitude 100.0, longitude 200.0 is no place on Earth: dropped them"),
        (4, "mission.hq", "is empty: the HQ's country and coordinates are not recorded"),
        (4, "n.contributors", "not recorded: the total it goes with is NA"),
        (4, None, "has no figure: every count is NA"),
    ]
    places = [e.record for e in result.records if isinstance(e.record, Place)]
    assert places == [Place(name="Somewhere"), Place(name="Nicosia", country="CYP")]
    figures = [(e.mission, str(e.record)) for e in result.records if isinstance(e.record, PersonnelFigure)]
    assert figures == [
        ("UNX", "10 troops (actual, 2001-01-31)"),
        ("UNX", "10 troops and police and military observers from 3 countries (actual, 2001-01-31)"),
        ("UNY", "0 troops (actual, 2001-01-31)"),
        ("UNY", "0 police (actual, 2001-01-31)"),
        ("UNY", "0 military observers (actual, 2001-01-31)"),
        ("UNY", "0 troops and police and military observers (actual, 2001-01-31)"),
    ]


def test_mission_countries() -> None:
    found = ipi.mission_countries(TOTALS)
    assert list(found)[:3] == ["UNAVEM", "ONUCA", "UNTSO"]
    unmis = found["UNMIS"]
    assert (unmis.countries, str(unmis.first_month), str(unmis.last_month)) == (("SDN",), "2005-03", "2005-07")
    assert found["UNTAET"].countries == ("TLS",) and str(found["UNTAET"].last_month) == "2000-02"
    assert found == ipi.mission_countries(ipi.read_mission_totals(TOTALS))
    assert found["UNIFIL"] == ipi.MissionCountries(
        mission="UNIFIL",
        countries=("LBN",),
        first_month=PartialDate(year=1990, month=11),
        last_month=PartialDate(year=1991, month=1),
    )
