"""The Geo-PKO reader, on a real excerpt and on generated rows."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missionmodel import FormatError, Mission, MissionKind, MissionModelError, MissionStatus, PartialDate, Strength, dumps, loads
from missionmodel.importers import ImportResult, MissionEntry, RowIssue, geopko
from missionmodel.importers._csv import run
from missionmodel.site import HeadquartersLevel, Site, SiteContingent, SiteUnit, UnitKind

FIXTURES = Path(__file__).parent / "fixtures"
Results = ImportResult[MissionEntry[Site]]
EXCERPT = FIXTURES / "geopko_excerpt.csv"


def issues(found: tuple[RowIssue, ...]) -> list[tuple[int, str | None, str]]:
    return [(issue.row, issue.column, issue.message) for issue in found]


def by_line(result: Results) -> dict[int, Site]:
    return {entry.row: entry.record for entry in result.records}


def slow(source: object, strict: bool = False) -> Results:
    """The reader without its fast path: every row through the parser."""
    return run(source, [geopko._LAYOUT], "x", geopko._parser, strict=strict, sources=(geopko.SOURCE,), na=("NA",))  # type: ignore[arg-type]


# --- the real excerpt -------------------------------------------------------------------------


def test_excerpt_every_row_taken_and_every_repair_reported() -> None:
    result = geopko.read_sites(EXCERPT)
    report = result.report
    assert report.format == "Geo-PKO deployment sites"
    assert (report.rows_read, report.rows_taken, report.rows_rejected) == (54, 54, 0)
    assert result.sources == (geopko.SOURCE,)
    assert issues(report.warnings) == [
        (12, "No.troops", "is 300, but the contributing countries' counts add up to 650: both kept"),
        (26, "No.TCC", "is 6, but 5 contributing countries are listed: both kept"),
        (27, "No.TCC", "is 4, but 3 contributing countries are listed: both kept"),
        (28, "No.TCC", "is 1, but 2 contributing countries are listed: both kept"),
        (34, "name.of.TCC3", "trimmed spaces around 'Nepal '"),
        (35, "name.of.TCC3", "trimmed spaces around 'Nepal '"),
        (36, "name.of.TCC3", "trimmed spaces around 'Nepal '"),
        (41, "location", "trimmed spaces around 'Dungoup '"),
        (42, "location", "trimmed spaces around 'Marial Achak '"),
        (43, "name.of.TCC1", "'Ireland and Scotland' names no one country known to ISO 3166: kept as written, without a code"),
        (43, "name.of.TCC6", "trimmed spaces around 'Jordan '"),
        (43, "No.TCC", "is 8, but 7 contributing countries are listed: both kept"),
        (48, "HQ", "'?' is not a level of the codebook (0 to 3): kept as not known"),
        (49, "HQ", "'?' is not a level of the codebook (0 to 3): kept as not known"),
        (51, "No.troops.per.TCC2", "read 'unkown' as 'unknown'"),
        (53, "name.of.TCC8", "'MA' is two letters, not a country's name: kept as written, without a code"),
        (53, "No.TCC", "is 6, but 7 contributing countries are listed: both kept"),
        (57, "latitude", "no coordinates for 'unclear': the site is kept without a position"),
    ]


def test_excerpt_sites() -> None:
    sites = by_line(geopko.read_sites(EXCERPT))
    first = sites[2]
    assert first.source_note == "Map no. 4309"  # "Map no. 4309 " in the file
    assert (first.place.name, first.place.country, first.place.latitude, first.place.longitude) == (
        "Bujumbura",
        "BDI",
        -3.3822,
        29.3644,
    )
    assert first.as_of == PartialDate(year=2007, month=3)
    assert first.troops == Strength.exact(0) and first.contingents == () and first.contributing_countries == 0
    assert first.headquarters is HeadquartersLevel.MISSION
    assert (first.police, first.military_observers, first.liaison_office, first.units) == (False, False, False, ())
    assert first.note is None and first.sources == ("geo-pko",)
    abidjan = sites[4]
    assert abidjan.place.country == "CIV"  # "Ivory Coast"
    assert abidjan.note == "MINUCI HQ; Also ECOWAS main HQ; France HQ"
    bangui = sites[7]
    assert bangui.troops == Strength.exact(1685)
    assert [str(c) for c in bangui.contingents] == [
        "EGY 450", "CAN 35", "TGO 150", "TCD 150", "CIV 300", "GAB 150", "BFA 150", "SEN 150", "MLI 150",
    ]  # fmt: skip
    assert bangui.contingent_total() == Strength.exact(1685)


def test_excerpt_unknowns_are_kept_unknown() -> None:
    sites = by_line(geopko.read_sites(EXCERPT))
    assert sites[12].contingents == (SiteContingent(strength=650),)  # name "unknown": an unknown contributor
    assert sites[10].contributing_countries is None  # No.TCC "unknown"
    unknown = [line for line, site in sites.items() if site.troops.is_unknown]
    assert unknown == [15, 16, 17]  # No.troops "unknown"
    assert sites[51].contingents[1] == SiteContingent(contributor="CHN", strength=Strength.unknown())  # "unkown"
    assert sites[37].contingents[2:] == (
        SiteContingent(contributor="CAN", strength=Strength.unknown()),
        SiteContingent(contributor="AUS", strength=Strength.unknown()),
    )  # counts NA
    assert sites[38].contingents[1] == SiteContingent(contributor="AUS", strength=Strength.unknown())  # count empty


def test_excerpt_country_names() -> None:
    sites = by_line(geopko.read_sites(EXCERPT))
    assert sites[43].contingents[0] == SiteContingent(name="Ireland and Scotland", strength=650)
    assert SiteContingent(name="MA", strength=Strength.unknown()) in sites[53].contingents
    assert "KOR" in sites[40].contributors()  # "Korea", with its COW code 732
    assert "KOR" in sites[50].contributors()  # "Korea (ROK)"
    assert "SRB" in sites[18].contributors()  # "Serbia", without a COW code
    assert sites[13].place.country == "ESH"  # "Western Sahara" (COW name: Morocco)
    assert sites[31].place.country == "COD"  # "DRC"
    assert sites[32].place.country == "ZWE"


def test_excerpt_headquarters_flags_and_units() -> None:
    sites = by_line(geopko.read_sites(EXCERPT))
    assert sites[26].headquarters is HeadquartersLevel.CONTINGENT
    assert sites[21].headquarters is HeadquartersLevel.SECTOR
    assert sites[48].headquarters is None and sites[48].note == "? = RCHQ"  # "?"
    assert sites[55].headquarters is None  # empty
    assert sites[52].units == (SiteUnit(kind=UnitKind.REGIONAL_PROTECTION_FORCE, strength=450),)
    assert sites[29].units == (SiteUnit(kind=UnitKind.RESERVE, strength=800),)
    assert sites[22].units == (SiteUnit(kind=UnitKind.FORCE_PROTECTION, strength=300),)
    assert sites[55].military_observers is None  # NA
    unclear = sites[57]
    assert (unclear.place.name, unclear.place.country, unclear.place.has_coordinates) == ("unclear", "CIV", False)
    assert unclear.troops == Strength.exact(150) and unclear.police is True
    assert "\n" in (sites[44].note or "")  # comments over two lines


def test_excerpt_totals_match_an_independent_count() -> None:
    with EXCERPT.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    troops = sum(int(row["No.troops"]) for row in rows if row["No.troops"].isdigit())
    counts = [row[f"No.troops.per.TCC{k}"].strip() for row in rows for k in range(1, 15)]
    names = [row[f"name.of.TCC{k}"] for row in rows for k in range(1, 15)]
    per_country = sum(int(count) for count in counts if count.isdigit())
    listed = sum(1 for name, count in zip(names, counts, strict=True) if (name, count) != ("NA", "NA"))
    sites = [entry.record for entry in geopko.read_sites(EXCERPT).records]
    assert sum(site.troops.low for site in sites if site.troops.is_exact) == troops
    contingents = [c for site in sites for c in site.contingents]
    assert len(contingents) == listed
    assert sum(c.strength.low for c in contingents if c.strength.is_exact) == per_country
    assert sum(1 for c in contingents if c.strength.is_unknown) == sum(1 for c in counts if not c.isdigit() and c != "NA") + sum(
        1 for name, count in zip(names, counts, strict=True) if count == "NA" and name != "NA"
    )


def test_the_fast_path_reads_as_the_parser_does() -> None:
    for strict in (False, True):
        fast, plain = geopko.read_sites(EXCERPT, strict=strict), slow(EXCERPT, strict=strict)
        assert fast.records == plain.records
        assert fast.report == plain.report


def test_strict_rejects_the_repaired_rows_with_their_reasons() -> None:
    result = geopko.read_sites(EXCERPT, strict=True)
    assert result.report.rows_rejected == 15
    assert result.report.rows_taken == 39
    assert result.report.warnings == ()
    assert (57, "latitude", "no coordinates for 'unclear': the site is kept without a position") in issues(result.report.rejected)


def test_mission_with_its_sites_round_trips() -> None:
    result = geopko.read_sites(EXCERPT)
    binub = Mission.from_acronym(
        "BINUB",
        kind=MissionKind.POLITICAL,
        status=MissionStatus.CLOSED,
        sites=[entry.record for entry in result.records if entry.mission == "BINUB"],
        sources=result.sources,
    )
    assert len(binub.sites) == 2
    assert loads(dumps(binub, "yaml"), format="yaml") == binub


# --- header styles and bad rows ---------------------------------------------------------------

V1 = [
    "Source", "Mission", "year", "month", "location", "country", "latitude", "longitude", "No.troops", "No.TCC",
    "name.of.TCC1", "No.troops.per.TCC1", "name.of.TCC2", "No.troops.per.TCC2", "UNPOL..dummy.", "UNMO..dummy.", "HQ", "LO",
    "comments",
]  # fmt: skip
ROW = ["Map no. 1", "UNMIL", "2005", "6", "Monrovia", "Liberia", "6.31", "-10.8", "800", "2", "Nigeria", "650", "Ghana", "150",
       "1", "0", "3", "0", ""]  # fmt: skip


def to_csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def read(rows: list[list[str]], header: list[str] = V1) -> Results:
    return geopko.read_sites(io.StringIO(to_csv(header, rows)))


@pytest.mark.parametrize(
    "header",
    [
        V1,
        [name.replace(".", "_") for name in V1],  # No_troops, name_of_TCC1
        [name.replace(".", " ").lower() for name in V1],  # no troops, unpol  dummy
        [  # Geo-PKO 2.x
            "source",
            "mission",
            "year",
            "month",
            "location",
            "country",
            "latitude",
            "longitude",
            "no.troops",
            "no.tcc",
            "nameoftcc_1",
            "notroopspertcc_1",
            "nameoftcc_2",
            "notroopspertcc_2",
            "unpol.dummy",
            "unmo.dummy",
            "hq",
            "lo",
            "comments",
        ],
    ],
)
def test_header_styles(header: list[str]) -> None:
    result = read([ROW], header)
    assert result.report.rows_taken == 1 and result.report.warnings == ()
    site = result.records[0].record
    assert site.contingents == (SiteContingent(contributor="NGA", strength=650), SiteContingent(contributor="GHA", strength=150))
    assert (site.police, site.military_observers, site.headquarters, site.liaison_office) == (
        True,
        False,
        HeadquartersLevel.MISSION,
        False,
    )
    assert site.place.country == "LBR"


def test_a_header_without_the_tables_columns_is_a_format_error() -> None:
    with pytest.raises(FormatError) as raised:
        read([ROW[:8]], V1[:8])
    assert "missing column(s) 'No.troops'" in str(raised.value)


def test_json_export_reads_as_the_csv() -> None:
    text = json.dumps([dict(zip(V1, ROW, strict=True))])
    result = geopko.read_sites(io.StringIO(text))
    assert [entry.record for entry in result.records] == [entry.record for entry in read([ROW]).records]


def row(changes: dict[str, str]) -> list[str]:
    cells = dict(zip(V1, ROW, strict=True))
    cells.update(changes)
    return [cells[name] for name in V1]


def test_coordinates() -> None:
    result = read([
        row({"latitude": "-10.8", "longitude": "6.31"}), row({"latitude": "-100.8", "longitude": "6.31"}),
        row({"latitude": "100", "longitude": "200"}), row({"latitude": "6,31", "longitude": "-10.8"}),
        row({"latitude": "6.31", "longitude": "NA"}),
    ])  # fmt: skip
    assert issues(result.report.rejected) == [(4, "latitude", "must be between -90 and 90 (got 100.0)")]
    assert issues(result.report.warnings) == [
        (3, "latitude", "latitude -100.8 is out of range and longitude 6.31 is not: swapped them"),
        (5, "latitude", "read the decimal comma in '6,31' as 6.31"),
        (6, "latitude", "dropped: a coordinate was given without the other"),
        (6, "latitude", "no coordinates for 'Monrovia': the site is kept without a position"),
    ]
    places = [entry.record.place for entry in result.records]
    assert [(p.latitude, p.longitude) for p in places] == [(-10.8, 6.31), (6.31, -100.8), (6.31, -10.8), (None, None)]


def test_rows_that_cannot_be_read_are_rejected_with_their_reasons() -> None:
    result = read([
        row({"HQ": "4"}), row({"UNPOL..dummy.": "yes"}), row({"month": "13"}), row({"year": ""}), row({"No.troops": "-5"}),
        row({"Mission": ""}), row({"location": "NA"}), row({"No.troops.per.TCC1": "many"}), row({"country": "Atlantis"}),
    ])  # fmt: skip
    assert issues(result.report.rejected) == [
        (2, "HQ", "must be 0, 1, 2 or 3 (Geo-PKO's headquarters levels) (got '4')"),
        (3, "UNPOL..dummy.", "must be 0 or 1 (got 'yes')"),
        (4, "month", "must be a month from 1 to 12 (got 13)"),
        (5, "year", "is empty"),
        (6, "No.troops", "must not be negative (got -5)"),
        (7, "Mission", "is empty"),
        (8, "location", "is 'NA' (not available)"),
        (9, "No.troops.per.TCC1", "must be a whole number (got 'many')"),
    ]
    assert result.report.rows_taken == 1
    assert issues(result.report.warnings) == [(10, "country", "'Atlantis' is not a country known to ISO 3166")]
    assert result.records[0].record.place.country is None


def test_units_flags_and_counts_that_disagree() -> None:
    header = [*V1, "RES", "RES_No", "FP", "FP_No"]
    result = read([[*ROW, "1", "0", "0", "35"], [*ROW, "1", "NA", "0", "0"]], header)
    assert issues(result.report.warnings) == [
        (2, "RES_No", "the reserve flag is 1 but its count is 0: kept the unit, of unknown size"),
        (2, "FP_No", "the force protection flag is 0 but its count is 35: kept the unit"),
    ]
    first, second = (entry.record for entry in result.records)
    assert first.units == (SiteUnit(kind=UnitKind.RESERVE), SiteUnit(kind=UnitKind.FORCE_PROTECTION, strength=35))
    assert second.units == (SiteUnit(kind=UnitKind.RESERVE),)


# --- generated rows ---------------------------------------------------------------------------

NAMES = [
    ("Nigeria", "NGA"),
    ("Ivory Coast", "CIV"),
    ("Cote d'Ivoire", "CIV"),
    ("U.K.", "GBR"),
    ("Korea (ROK)", "KOR"),
    ("unknown", None),
]


@st.composite
def generated_rows(draw: st.DrawFn) -> tuple[bool, list[str]]:
    cells = dict(zip(V1, ROW, strict=True))
    cells["year"] = str(draw(st.integers(1990, 2025)))
    cells["month"] = str(draw(st.integers(1, 12)))
    cells["latitude"] = str(draw(st.floats(-90, 90).map(lambda x: round(x, 4))))
    cells["longitude"] = str(draw(st.floats(-180, 180).map(lambda x: round(x, 4))))
    counts = []
    for k in (1, 2):
        name = draw(st.sampled_from([*NAMES, ("NA", None)]))
        count = draw(st.sampled_from(["0", "35", "150", "650", "unknown"])) if name[0] != "NA" else "NA"
        cells[f"name.of.TCC{k}"], cells[f"No.troops.per.TCC{k}"] = name[0], count
        counts.append(count)
    listed = sum(1 for k in (1, 2) if cells[f"name.of.TCC{k}"] != "NA")
    cells["No.TCC"] = str(listed)
    known = [int(c) for c in counts if c.isdigit()]
    cells["No.troops"] = str(sum(known)) if len(known) == listed else "unknown"
    cells["HQ"] = draw(st.sampled_from(["0", "1", "2", "3", ""]))
    breakage = draw(st.sampled_from([None, None, None, "hq", "month", "count", "dummy"]))
    if breakage == "hq":
        cells["HQ"] = "5"
    elif breakage == "month":
        cells["month"] = "0"
    elif breakage == "count":
        cells["No.troops"] = "1.5"
    elif breakage == "dummy":
        cells["LO"] = "2"
    return breakage is None, [cells[name] for name in V1]


@given(st.lists(generated_rows(), max_size=25))
def test_generated_rows_are_each_taken_or_reported(rows: list[tuple[bool, list[str]]]) -> None:
    text = to_csv(V1, [cells for _, cells in rows])
    result = geopko.read_sites(io.StringIO(text))
    report = result.report
    good = [line for line, (ok, _) in enumerate(rows, start=2) if ok]
    assert report.rows_read == len(rows)
    assert report.rows_taken + report.rows_rejected == report.rows_read
    assert report.rejected_rows == tuple(line for line, (ok, _) in enumerate(rows, start=2) if not ok)
    assert report.warnings == ()
    assert [entry.row for entry in result.records] == good
    for entry in result.records:
        cells = dict(zip(V1, rows[entry.row - 2][1], strict=True))
        site = entry.record
        assert str(site.as_of) == f"{int(cells['year']):04d}-{int(cells['month']):02d}"
        codes = dict(NAMES)
        assert [c.contributor for c in site.contingents] == [
            codes[cells[f"name.of.TCC{k}"]] for k in (1, 2) if cells[f"name.of.TCC{k}"] != "NA"
        ]
        assert site.troops == (Strength.unknown() if cells["No.troops"] == "unknown" else Strength.exact(int(cells["No.troops"])))
    plain = slow(io.StringIO(text))
    assert plain.records == result.records and plain.report == report


def test_a_count_beyond_any_mission_rejects_its_row_only() -> None:
    big = "20000000"
    result = read([ROW, row({"No.troops": big}), row({"No.troops.per.TCC1": big}), ROW])
    assert issues(result.report.rejected) == [
        (3, "No.troops", "is more personnel than any mission has had (got 20,000,000; at most 10,000,000)"),
        (4, "No.troops.per.TCC1", "is more personnel than any mission has had (got 20,000,000; at most 10,000,000)"),
    ]
    assert [entry.row for entry in result.records] == [2, 5]


def test_mutated_files_raise_only_the_librarys_own_errors() -> None:
    rng = random.Random(10)
    original = EXCERPT.read_text(encoding="utf-8")
    outcomes = {"read": 0, "refused": 0}
    for _ in range(60):
        text = original
        for _ in range(rng.randint(1, 8)):
            index = rng.randrange(len(text) + 1)
            junk = rng.choice([",", "\n", '"', "\x00", "NA", "9" * 12, "é", "\r", "-", "unknown", "?", "1e400"])
            text = text[:index] + junk + text[index:]
        try:
            result = geopko.read_sites(io.StringIO(text))
        except MissionModelError:
            outcomes["refused"] += 1
            continue
        outcomes["read"] += 1
        report = result.report
        assert report.rows_taken + report.rows_rejected == report.rows_read
        plain = slow(io.StringIO(text))
        assert plain.records == result.records and plain.report == report
    assert outcomes["read"] > 30
