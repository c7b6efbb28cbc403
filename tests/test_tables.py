"""Tidy tables: flat rows with their uncertainty and names, CSV files, typed DataFrames and Parquet."""

from __future__ import annotations

import csv
import datetime
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from missionmodel import (
    Contribution,
    ContributionKind,
    ContributionStatus,
    FormatError,
    Mission,
    MissionKind,
    MissionStatus,
    Place,
    Site,
    SiteContingent,
    SiteUnit,
    Source,
    Strength,
    UnitKind,
    ValidationError,
    claims,
    load,
)
from missionmodel import testing as strategies
from missionmodel.importers import assemble, geopko, ipi, un
from missionmodel.tables import (
    CLAIM_COLUMNS,
    COLUMNS,
    CONTRIBUTION_COLUMNS,
    FATALITY_COLUMNS,
    MISSION_COLUMNS,
    POSITION_COLUMNS,
    SITE_COLUMNS,
    SITE_CONTINGENT_COLUMNS,
    SOURCE_COLUMNS,
    TABLES,
    claim_rows,
    contribution_rows,
    fatality_rows,
    mission_rows,
    position_rows,
    site_contingent_rows,
    site_rows,
    source_rows,
    table_of,
    to_dataframe,
    write_csv,
    write_parquet,
)

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DATASETS = ROOT / "src" / "missionmodel" / "datasets"


@pytest.fixture(scope="module")
def missions():  # type: ignore[no-untyped-def]
    return assemble(
        un.read_missions(FIXTURES / "un_missions.csv"),
        contributions=un.read_contributions(FIXTURES / "un_contributions.csv"),
        fatalities=un.read_fatalities(FIXTURES / "un_fatalities.csv"),
        kind=MissionKind.PEACEKEEPING,
        status=MissionStatus.CLOSED,
    ).missions


@pytest.fixture(scope="module")
def site_missions():  # type: ignore[no-untyped-def]
    """The missions of the Geo-PKO excerpt (real rows: 54 sites of 15 missions), with their sites."""
    return assemble(
        records=geopko.read_sites(FIXTURES / "geopko_excerpt.csv"), kind=MissionKind.PEACEKEEPING, status=MissionStatus.CLOSED
    ).missions


@pytest.fixture(scope="module")
def isf() -> Mission:
    return load(DATASETS / "isf.yaml")


def everything(missions, site_missions, isf):  # type: ignore[no-untyped-def]
    return [*missions, *site_missions, isf]


# --- the rows ---------------------------------------------------------------------------------


def test_tables_name_every_table_and_its_columns() -> None:
    assert list(TABLES) == list(COLUMNS)
    assert set(TABLES) >= {
        "missions",
        "contributions",
        "claims",
        "positions",
        "fatalities",
        "sites",
        "site_contingents",
        "sources",
    }
    assert TABLES["sites"] is site_rows and TABLES["claims"] is claim_rows
    for name, columns in COLUMNS.items():
        names = [c.name for c in columns]
        assert len(names) == len(set(names)), name
        assert table_of(names) == name
        for column in columns:
            assert column.description, (name, column.name)
            assert column.type in {"string", "list", "integer", "number", "boolean", "partial_date"}


def test_rows_have_the_same_columns_in_order(missions, site_missions, isf) -> None:  # type: ignore[no-untyped-def]
    every = everything(missions, site_missions, isf)
    for rows, columns in (
        (mission_rows(every), MISSION_COLUMNS),
        (contribution_rows(every), CONTRIBUTION_COLUMNS),
        (claim_rows(every), CLAIM_COLUMNS),
        (position_rows(every), POSITION_COLUMNS),
        (fatality_rows(every), FATALITY_COLUMNS),
        (site_rows(every), SITE_COLUMNS),
        (site_contingent_rows(every), SITE_CONTINGENT_COLUMNS),
        (source_rows(every), SOURCE_COLUMNS),
    ):
        assert rows
        assert all(tuple(row) == columns for row in rows)


def test_row_values(missions) -> None:  # type: ignore[no-untyped-def]
    unifil = next(row for row in mission_rows(missions) if row["id"] == "unifil")
    mission = next(m for m in missions if m.id == "unifil")
    assert unifil == {
        "id": "unifil", "name": "United Nations Interim Force in Lebanon", "acronym": "UNIFIL", "kind": "peacekeeping",
        "status": "active", "area": "Lebanon", "countries": "LBN", "country_names": "Lebanon",
        "headquarters": None, "headquarters_country": None, "headquarters_country_name": None,
        "headquarters_latitude": None, "headquarters_longitude": None,
        "location": "Lebanon", "location_country": "LBN", "location_country_name": "Lebanon",
        "location_latitude": 33.1097, "location_longitude": 35.1342,
        "established": "1978-03-19", "ended": None, "lead": "un-dpo", "lead_name": mission.actor("un-dpo").name,
        "mandates": 0, "contributions": 8, "appointments": 0, "positions": 0, "fatalities": 2, "sites": 0,
        "sources": "un-data-hub-missions", "source_titles": mission.source("un-data-hub-missions").title,
    }  # fmt: skip
    first = contribution_rows(missions)[0]
    assert first == {
        "mission": "unifil", "contributor": "IDN", "contributor_name": "Indonesia", "kind": "troops", "status": "deployed",
        "strength_min": 1231, "strength_max": 1231, "strength_text": "1,231", "is_exact": True,
        "female": 25, "male": 1206, "as_of": "2024-09-30", "role": None, "caveats": None,
        "claim_id": None, "supersedes": None,
        "sources": "un-data-hub-contributions", "source_titles": mission.source("un-data-hub-contributions").title,
    }  # fmt: skip
    assert unifil["lead_name"] == "United Nations Department of Peace Operations"
    assert "; " not in str(unifil["source_titles"])
    fatalities = fatality_rows(missions)
    assert [row["mission"] for row in fatalities] == ["unifil", "unifil", "unprofor", "minusma", "minusca"]
    assert fatalities[2]["nationality"] is None and fatalities[2]["nationality_name"] is None and fatalities[2]["gender"] is None
    assert position_rows(missions) == []


def test_strength_columns_keep_the_uncertainty(isf: Mission) -> None:
    rows = contribution_rows(isf)
    for row, record in zip(rows, isf.contributions, strict=True):
        strength = record.strength
        assert (row["strength_min"], row["strength_max"]) == (strength.low, strength.high)
        assert row["strength_text"] == str(strength)
        assert row["is_exact"] is strength.is_exact
    by_text = {row["strength_text"]: row for row in rows}
    assert {key: by_text["unknown"][key] for key in ("strength_min", "strength_max", "is_exact")} == {
        "strength_min": 0,
        "strength_max": None,
        "is_exact": False,
    }
    assert (by_text["up to 8,000"]["strength_min"], by_text["up to 8,000"]["strength_max"]) == (0, 8000)
    assert (by_text["5,000 to 8,000"]["strength_min"], by_text["5,000 to 8,000"]["strength_max"]) == (5000, 8000)


def test_names_beside_codes(isf: Mission) -> None:
    rows = contribution_rows(isf)
    names = {row["contributor"]: row["contributor_name"] for row in rows}
    assert names["IDN"] == "Indonesia" and names["XKX"] == "Kosovo" and names["AZE"] == "Azerbaijan"
    positions = {row["actor"]: row["actor_name"] for row in position_rows(isf)}
    assert positions["hamas"] == isf.actor("hamas").name  # a declared actor: its declared name
    assert positions["CHN"] == "China"
    mission = mission_rows(isf)[0]
    assert mission["lead"] == "board-of-peace" and mission["lead_name"] == isf.actor("board-of-peace").name
    for row, record in zip(rows, isf.contributions, strict=True):
        titles = [isf.source(source_id).title for source_id in record.sources]
        assert row["source_titles"] == ("; ".join(titles) or None)
        assert row["sources"] == ("; ".join(record.sources) or None)
    sources = source_rows(isf)
    assert [(row["id"], row["title"]) for row in sources] == [(s.id, s.title) for s in isf.sources]


def test_former_states_are_named() -> None:
    result = un.read_fatalities(FIXTURES / "un_fatalities_2025_excerpt.csv")
    assembly = assemble(records=result, kind=MissionKind.PEACEKEEPING, status=MissionStatus.CLOSED)
    rows = fatality_rows(assembly.missions)
    assert len(rows) == len(result.records) == 18
    named = {(row["nationality"], row["nationality_name"]) for row in rows}
    assert {("YUG", "Yugoslavia"), ("SCG", "Serbia and Montenegro"), ("CIV", "Côte d'Ivoire"), (None, None)} <= named
    assert all(row["source_titles"] == "; ".join(s.title for s in result.sources) for row in rows)


def test_site_rows(site_missions) -> None:  # type: ignore[no-untyped-def]
    rows = site_rows(site_missions)
    sites = [site for mission in site_missions for site in mission.sites]
    assert len(rows) == len(sites) == 54
    for row, site in zip(rows, sites, strict=True):
        assert row["place"] == site.place.name and row["as_of"] == str(site.as_of)
        assert (row["latitude"], row["longitude"]) == (site.place.latitude, site.place.longitude)
        assert (row["troops_min"], row["troops_max"], row["troops_text"]) == (site.troops.low, site.troops.high, str(site.troops))
        assert row["contributors"] == ("; ".join(site.contributors()) or None)
    # the site indexes number each mission's sites from 0, as in mission.sites[i]
    for mission in site_missions:
        assert [row["site_index"] for row in rows if row["mission"] == mission.id] == list(range(len(mission.sites)))
    unclear = next(row for row in rows if row["place"] == "unclear")
    assert unclear["latitude"] is None and unclear["longitude"] is None
    unknown_troops = [row for row in rows if row["troops_text"] == "unknown"]
    assert unknown_troops and all(r["troops_min"] == 0 and r["troops_max"] is None for r in unknown_troops)
    ireland = next(row for row in site_contingent_rows(site_missions) if row["name"] == "Ireland and Scotland")
    assert ireland["contributor"] is None and ireland["contributor_name"] is None and ireland["strength_min"] == 650
    contingents = site_contingent_rows(site_missions)
    assert len(contingents) == sum(len(site.contingents) for site in sites)


def test_site_rows_of_a_built_site() -> None:
    site = Site(
        place=Place(name="Bunia", country="COD", latitude=1.5667, longitude=30.25),
        as_of="2005-06",
        troops=Strength.between(1400, 1500),
        contingents=[
            SiteContingent(contributor="BGD", strength=850),
            SiteContingent(contributor="PAK"),
            SiteContingent(name="MA"),
        ],
        contributing_countries=3,
        police=True,
        units=[SiteUnit(kind=UnitKind.RESERVE, strength=150)],
        source_note="Map no. 4121",
    )
    mission = Mission(id="monuc", name="MONUC", kind=MissionKind.PEACEKEEPING, status=MissionStatus.CLOSED, sites=[site])
    [row] = site_rows(mission)
    assert {k: row[k] for k in SITE_COLUMNS[6:]} == {
        "longitude": 30.25, "as_of": "2005-06", "troops_min": 1400, "troops_max": 1500, "troops_text": "1,400 to 1,500",
        "troops_is_exact": False, "contributors": "BGD; PAK", "contributor_names": "Bangladesh; Pakistan",
        "contingents": "BGD 850; PAK unknown; 'MA' unknown", "contributing_countries": 3, "headquarters": None,
        "police": True, "military_observers": None, "liaison_office": None, "units": "reserve 150",
        "source_note": "Map no. 4121", "note": None, "sources": None, "source_titles": None,
    }  # fmt: skip
    assert [(r["contributor"], r["name"], r["strength_text"], r["is_exact"]) for r in site_contingent_rows(mission)] == [
        ("BGD", None, "850", True),
        ("PAK", None, "unknown", False),
        (None, "MA", "unknown", False),
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(strategies.missions())
def test_every_table_of_any_mission(mission: Mission) -> None:
    for name, function in TABLES.items():
        rows = function(mission)
        columns = COLUMNS[name]
        assert all(tuple(row) == tuple(c.name for c in columns) for row in rows)
        for row in rows:
            for column in columns:
                value = row[column.name]
                if column.required:
                    assert value is not None, (name, column.name)
                if value is not None and column.values is not None:
                    assert value in column.values
                if value is not None and column.minimum is not None:
                    assert value >= column.minimum  # type: ignore[operator]
            for prefix in ("strength", "troops"):
                if f"{prefix}_min" in row:
                    strength = Strength(low=row[f"{prefix}_min"], high=row[f"{prefix}_max"])  # type: ignore[arg-type]
                    assert row[f"{prefix}_text"] == str(strength)
    assert len(contribution_rows(mission)) == len(mission.contributions)
    assert len(site_rows(mission)) == len(mission.sites)


# --- CSV ----------------------------------------------------------------------------------------


def test_write_csv(tmp_path: Path, missions) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "contributions.csv"
    rows = contribution_rows(missions)
    write_csv(rows, target)
    with target.open(encoding="utf-8", newline="") as handle:
        read = list(csv.DictReader(handle))
    assert len(read) == len(rows) == 10
    assert tuple(read[0]) == CONTRIBUTION_COLUMNS
    assert read[0]["female"] == "25" and read[0]["role"] == "" and read[0]["is_exact"] == "True"
    assert list(tmp_path.iterdir()) == [target]
    empty = tmp_path / "empty.csv"
    write_csv([], empty)
    assert empty.read_text() == ""
    write_csv([], empty, columns=["a", "b"])
    assert empty.read_text() == "a,b\n"


def test_csv_keeps_unknown_strengths_apart_from_zero(tmp_path: Path, isf: Mission) -> None:
    target = tmp_path / "isf.csv"
    write_csv(contribution_rows(isf), target)
    with target.open(encoding="utf-8", newline="") as handle:
        read = list(csv.DictReader(handle))
    unknown = [row for row in read if row["strength_text"] == "unknown"]
    assert unknown and all(row["strength_min"] == "0" and row["strength_max"] == "" for row in unknown)
    assert {row["strength_text"] for row in read if row["strength_min"] == "0"} <= {"unknown", "up to 8,000", "0"}


def test_write_csv_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "t.csv"
    target.write_text("before\n")

    def rows():  # type: ignore[no-untyped-def]
        yield {"a": 1}
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        write_csv(rows(), target)
    assert target.read_text() == "before\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]
    with pytest.raises(ValueError, match="dict contains fields not in fieldnames"):
        write_csv([{"a": 1}, {"b": 2}], target)
    assert target.read_text() == "before\n"


def test_write_csv_gives_the_usual_mode_and_names_a_bad_row(tmp_path: Path) -> None:
    import os

    umask = os.umask(0o022)
    try:
        path = tmp_path / "t.csv"
        write_csv([{"a": 1}], path)
        assert path.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(umask)
    with pytest.raises(ValueError, match=r"^row 1: dict contains fields not in fieldnames: 'b'"):
        write_csv([{"a": 1}, {"b": 2}], tmp_path / "bad.csv")
    assert not (tmp_path / "bad.csv").exists()


# --- claims -------------------------------------------------------------------------------------


def jordan() -> Mission:
    """Jordan: two same-day pledges (300 and 500) and, the same day, a decline: a dispute."""

    def claim(status, strength, source, as_of="2026-02-19"):  # type: ignore[no-untyped-def]
        return Contribution(
            contributor="JOR", kind=ContributionKind.TROOPS, status=status, strength=strength, as_of=as_of, sources=[source]
        )

    return Mission.from_acronym(
        "ISF",
        kind=MissionKind.STABILIZATION,
        status=MissionStatus.AUTHORIZED,
        contributions=[
            claim(ContributionStatus.OFFERED, 1000, "a", as_of="2026-01"),
            claim(ContributionStatus.PLEDGED, 300, "a"),
            claim(ContributionStatus.PLEDGED, 500, "b"),
            claim(ContributionStatus.DECLINED, "unknown", "c"),
            Contribution(contributor="JOR", kind=ContributionKind.FUNDING, status=ContributionStatus.PLEDGED, sources=["a"]),
        ],
        sources=[Source(id=source, title=f"Report {source}") for source in "abc"],
    )


def test_claim_rows_give_the_current_claims() -> None:
    mission = jordan()
    rows = claim_rows(mission)
    assert all(tuple(row) == CLAIM_COLUMNS for row in rows)
    assert CLAIM_COLUMNS[:-1] == CONTRIBUTION_COLUMNS and CLAIM_COLUMNS[-1] == "disputed"
    keys = ("kind", "status", "strength_min", "strength_max", "strength_text", "sources", "source_titles", "disputed")
    assert [tuple(r[key] for key in keys) for r in rows] == [
        ("troops", "pledged", 300, 500, "300 to 500", "a; b", "Report a; Report b", True),  # two pledges as one claim
        ("troops", "declined", 0, None, "unknown", "c", "Report c", True),
        ("funding", "pledged", 0, None, "unknown", "a", "Report a", False),
    ]  # fmt: skip
    assert all(row["contributor_name"] == "Jordan" for row in rows)
    assert len(contribution_rows(mission)) == 5  # every record, the superseded offer included
    earlier = claim_rows(mission, on="2026-02-01")
    assert [(r["kind"], r["status"], r["strength_min"], r["as_of"], r["disputed"]) for r in earlier] == [
        ("troops", "offered", 1000, "2026-01", False),
        ("funding", "pledged", 0, None, False),  # undated: always known
    ]
    assert [r["kind"] for r in claim_rows(mission, on="2025")] == ["funding"]
    with pytest.raises(ValidationError):
        claim_rows(mission, on="soon")


def test_claim_rows_follow_the_claims_policy(isf: Mission) -> None:
    for on in (None, "2026-02-17", "2026-02-28", "2026-03"):
        rows = claim_rows(isf, on=on)
        current = claims.latest_claims(isf.contributions, on=on)
        assert [(r["contributor"], r["kind"], r["status"]) for r in rows] == [
            (c.contributor, c.kind.value, c.status.value) for c in current
        ]
        assert [r["disputed"] for r in rows] == [c.disputed for c in current]
    [indonesia] = [r for r in claim_rows(isf, on="2026-02-17") if r["contributor"] == "IDN"]
    assert (indonesia["status"], indonesia["strength_min"], indonesia["strength_max"]) == ("offered", 5000, 8000)


def test_claim_ids_and_links_are_kept() -> None:
    offer = Contribution(
        id="kaz-offer", contributor="KAZ", kind=ContributionKind.TROOPS, status=ContributionStatus.OFFERED, as_of="2026-02"
    )
    correction = Contribution(
        contributor="KAZ",
        kind=ContributionKind.MEDICAL,
        status=ContributionStatus.PLEDGED,
        supersedes="kaz-offer",
        as_of="2026-02",
    )
    mission = Mission.from_acronym(
        "ISF", kind=MissionKind.STABILIZATION, status=MissionStatus.AUTHORIZED, contributions=[offer, correction]
    )
    rows = contribution_rows(mission)
    assert [(r["claim_id"], r["supersedes"]) for r in rows] == [("kaz-offer", None), (None, "kaz-offer")]


def test_claim_rows_count_two_sources_once() -> None:
    un_rows = un.read_contributions(FIXTURES / "un_contributions.csv")
    ipi_rows = ipi.read_contributions(FIXTURES / "ipi_contributions.csv")
    both = assemble(
        un.read_missions(FIXTURES / "un_missions.csv"),
        contributions=[*un_rows.records, *ipi_rows.records],
        sources=[*un_rows.sources, *ipi_rows.sources],
    )
    unifil = both.mission("UNIFIL")
    rows = [r for r in claim_rows(unifil) if r["kind"] == "troops"]
    assert [(r["contributor"], r["strength_min"], r["strength_max"]) for r in rows] == [
        ("IDN", 1231, 1231),
        ("ITA", 100, 1068),
        ("IND", 903, 903),
        ("ESP", 670, 670),
        ("FRA", 678, 678),
    ]
    assert rows[0]["sources"] == "un-data-hub-contributions; ipi-providing-for-peacekeeping"
    low = sum(r["strength_min"] for r in claim_rows(unifil))  # type: ignore[misc]
    assert low == claims.total_strength(unifil.contributions).low


# --- DataFrames ---------------------------------------------------------------------------------


def test_to_dataframe_types_every_column(missions, site_missions, isf) -> None:  # type: ignore[no-untyped-def]
    pd = pytest.importorskip("pandas")
    every = everything(missions, site_missions, isf)
    expected = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string", "list": "string"}
    for name, function in TABLES.items():
        frame = to_dataframe(function(every))
        assert isinstance(frame, pd.DataFrame)
        for column in COLUMNS[name]:
            dtype = frame[column.name].dtype
            if column.values is not None:
                assert isinstance(dtype, pd.CategoricalDtype), (name, column.name)
                assert list(dtype.categories) == list(column.values)  # every value of the enum, in order
            elif column.type == "partial_date":
                assert str(dtype) == "string"
                assert str(frame[f"{column.name}_start"].dtype) == str(frame[f"{column.name}_end"].dtype) == "datetime64[s]"
            else:
                assert str(dtype) == expected[column.type], (name, column.name, dtype)
        dates = [c.name for c in COLUMNS[name] if c.type == "partial_date"]
        expected_columns = [
            part
            for c in COLUMNS[name]
            for part in ((c.name, f"{c.name}_start", f"{c.name}_end") if c.name in dates else (c.name,))
        ]
        assert list(frame.columns) == expected_columns


def test_to_dataframe_keeps_every_value(missions, site_missions, isf) -> None:  # type: ignore[no-untyped-def]
    pd = pytest.importorskip("pandas")
    every = everything(missions, site_missions, isf)
    for function in TABLES.values():
        rows = function(every)
        frame = to_dataframe(rows)
        for name in rows[0]:
            got = [None if value is pd.NA or value is None or value != value else value for value in frame[name].tolist()]
            assert got == [row[name] for row in rows], name


def test_to_dataframe_date_bounds() -> None:
    pd = pytest.importorskip("pandas")
    rows = [{"mission": "m", "date": "1957-06-20"}, {"mission": "m", "date": "2024-02"}, {"mission": "m", "date": "1978"}]
    rows = [{**dict.fromkeys(FATALITY_COLUMNS), **row} for row in rows]
    frame = to_dataframe(rows)
    assert frame["date"].tolist() == ["1957-06-20", "2024-02", "1978"]
    assert [t.date() for t in frame["date_start"]] == [
        datetime.date(1957, 6, 20),
        datetime.date(2024, 2, 1),
        datetime.date(1978, 1, 1),
    ]
    assert [t.date() for t in frame["date_end"]] == [
        datetime.date(1957, 6, 20),
        datetime.date(2024, 2, 29),
        datetime.date(1978, 12, 31),
    ]
    undated = to_dataframe(contribution_rows(jordan()))
    assert undated["as_of"].isna().tolist() == undated["as_of_start"].isna().tolist() == [False, False, False, False, True]
    ancient = to_dataframe([{**rows[0], "date": "0800"}])  # outside the nanosecond range: seconds hold it
    assert ancient["date_start"][0] == pd.Timestamp("0800-01-01")


def test_honest_sums_in_pandas(isf: Mission) -> None:
    pd = pytest.importorskip("pandas")
    frame = to_dataframe(claim_rows(isf, on="2026-02-28"))
    people = ~frame["kind"].isin(["funding", "logistics"]) & ~frame["status"].isin(["declined", "withdrawn", "suspended"])
    low = int(frame.loc[people, "strength_min"].sum())
    high = frame.loc[people, "strength_max"].sum(skipna=False)  # missing as soon as one claim has no upper bound
    total = Strength.exact(0)
    for claim in claims.latest_claims(isf.contributions, on="2026-02-28"):
        if claim.kind.is_personnel and claim.status.is_active:
            total += claim.contribution.strength
    assert low == total.low
    assert (high is pd.NA) == (total.high is None)
    troops = frame[people & (frame["kind"] == "troops") & frame["strength_max"].notna()]
    assert int(troops["strength_max"].sum()) == sum(int(v) for v in troops["strength_max"])


def test_to_dataframe_refuses_what_does_not_fit() -> None:
    pytest.importorskip("pandas")
    row = contribution_rows(jordan())[0]
    with pytest.raises(FormatError, match=r"row 1, column 'kind': 'soldiers' is not one of troops, police"):
        to_dataframe([row, {**row, "kind": "soldiers"}])
    with pytest.raises(FormatError, match=r"row 0, column 'strength_min': 'many' is not of the column's type \(integer\)"):
        to_dataframe([{**row, "strength_min": "many"}])
    with pytest.raises(FormatError, match=r"row 0, column 'as_of': "):
        to_dataframe([{**row, "as_of": "soon"}])
    with pytest.raises(ValueError, match="no table named 'contributors'"):
        to_dataframe([row], table="contributors")


def test_to_dataframe_of_other_rows() -> None:
    pytest.importorskip("pandas")
    frame = to_dataframe([{"mission": "unifil", "female": 25, "ok": True}, {"mission": "isf", "female": None, "ok": None}])
    assert [str(frame[c].dtype) for c in frame.columns] == ["string", "Int64", "boolean"]
    assert frame["female"].isna().tolist() == [False, True]
    assert list(to_dataframe([], columns=["a"]).columns) == ["a"]
    empty = to_dataframe([], table="contributions")
    assert len(empty) == 0 and str(empty["strength_max"].dtype) == "Int64" and "as_of_start" in empty.columns
    subset = to_dataframe(contribution_rows(jordan()), columns=["contributor", "kind", "strength_max"])
    assert list(subset.columns) == ["contributor", "kind", "strength_max"] and str(subset["kind"].dtype) == "category"


def test_to_dataframe_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"to_dataframe\(\) needs pandas.*pip install pandas"):
        to_dataframe([{"a": 1}])


def test_optional_libraries_not_imported_by_the_package() -> None:
    import subprocess

    code = (
        "import sys, missionmodel, missionmodel.tables, missionmodel.geojson, missionmodel.datapackage, missionmodel.importers;"
        " print(sorted(m for m in ('pandas', 'pyarrow', 'numpy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_claim_rows_to_csv_and_dataframe(tmp_path: Path) -> None:
    rows = claim_rows(jordan())
    target = tmp_path / "claims.csv"
    write_csv(rows, target)
    with target.open(encoding="utf-8", newline="") as handle:
        read = list(csv.DictReader(handle))
    assert tuple(read[0]) == CLAIM_COLUMNS
    assert [row["disputed"] for row in read] == ["True", "True", "False"]
    assert [row["strength_max"] for row in read] == ["500", "", ""]
    pandas = pytest.importorskip("pandas")
    frame = to_dataframe(rows)
    assert isinstance(frame, pandas.DataFrame)
    assert str(frame["disputed"].dtype) == "boolean"
    assert frame["disputed"].tolist() == [True, True, False]
    assert str(frame["strength_max"].dtype) == "Int64"
    assert frame["strength_max"].isna().tolist() == [False, True, True]


# --- Parquet ------------------------------------------------------------------------------------


def test_write_parquet_types(tmp_path: Path, missions, site_missions, isf) -> None:  # type: ignore[no-untyped-def]
    pq = pytest.importorskip("pyarrow.parquet")
    every = everything(missions, site_missions, isf)
    arrow = {"integer": "int64", "number": "double", "boolean": "bool", "string": "string", "list": "string"}
    for name, function in TABLES.items():
        rows = function(every)
        path = tmp_path / f"{name}.parquet"
        write_parquet(rows, path)
        table = pq.read_table(path)
        assert table.num_rows == len(rows)
        for column in COLUMNS[name]:
            field = table.schema.field(column.name)
            if column.values is not None:
                assert str(field.type) == "dictionary<values=string, indices=int32, ordered=0>"
            elif column.type == "partial_date":
                assert str(field.type) == "string"
                assert str(table.schema.field(f"{column.name}_start").type) == "date32[day]"
            else:
                assert str(field.type) == arrow[column.type], (name, column.name)
            assert field.metadata[b"description"].decode() == column.description
        back = table.to_pylist()
        for row, read in zip(rows, back, strict=True):
            assert {key: read[key] for key in row} == row


def test_parquet_reads_back_as_the_dataframe(tmp_path: Path, isf: Mission) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    rows = contribution_rows(isf)
    path = tmp_path / "c.parquet"
    write_parquet(rows, path)
    read = pd.read_parquet(path)
    frame = to_dataframe(rows)
    assert list(read.columns) == list(frame.columns)
    for name in frame.columns:
        if name.endswith(("_start", "_end")):  # read back as datetime.date objects: the same days
            assert [None if v is None else v for v in read[name]] == [None if t is pd.NaT else t.date() for t in frame[name]]
        else:
            assert read[name].dtype == frame[name].dtype, name
            assert read[name].equals(frame[name]), name


def test_write_parquet_is_atomic_and_checks_values(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    target = tmp_path / "t.parquet"
    target.write_bytes(b"before")
    row = contribution_rows(jordan())[0]
    with pytest.raises(FormatError, match="column 'kind'"):
        write_parquet([{**row, "kind": "soldiers"}], target)
    with pytest.raises(FormatError, match="several types"):
        write_parquet([{"a": 1}, {"a": "x"}], target)
    assert target.read_bytes() == b"before"
    assert [p.name for p in tmp_path.iterdir()] == ["t.parquet"]


def test_write_parquet_without_pyarrow(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"write_parquet\(\) needs pyarrow.*pip install pyarrow"):
        write_parquet([{"a": 1}], tmp_path / "t.parquet")
    assert not (tmp_path / "t.parquet").exists()


def test_parquet_for_duckdb(tmp_path: Path, missions) -> None:  # type: ignore[no-untyped-def]
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    path = tmp_path / "contributions.parquet"
    write_parquet(contribution_rows(missions), path)
    [(low, unbounded)] = duckdb.sql(f"select sum(strength_min), count(*) - count(strength_max) from '{path}'").fetchall()
    assert (low, unbounded) == (5989, 0)
    types = dict(duckdb.sql(f"describe select * from '{path}'").fetchall()[i][:2] for i in range(len(CONTRIBUTION_COLUMNS) + 2))
    assert (types["strength_max"], types["is_exact"], types["as_of_start"], types["kind"]) == (
        "BIGINT",
        "BOOLEAN",
        "DATE",
        "VARCHAR",
    )
