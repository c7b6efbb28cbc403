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
    APPOINTMENT_COLUMNS,
    BUDGET_COLUMNS,
    CLAIM_COLUMNS,
    COLUMNS,
    CONTRIBUTION_COLUMNS,
    COVERAGE_COLUMNS,
    EVENT_COLUMNS,
    FATALITY_COLUMNS,
    FATALITY_COUNT_COLUMNS,
    MANDATE_COLUMNS,
    MISSION_COLUMNS,
    PERSONNEL_COLUMNS,
    POSITION_COLUMNS,
    SITE_COLUMNS,
    SITE_CONTINGENT_COLUMNS,
    SOURCE_COLUMNS,
    TABLES,
    appointment_rows,
    budget_rows,
    claim_rows,
    contribution_rows,
    coverage_rows,
    event_rows,
    fatality_count_rows,
    fatality_rows,
    mandate_rows,
    mission_rows,
    personnel_rows,
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


@pytest.fixture(scope="module")
def history() -> Mission:
    """A constructed mission with one of each kind of history record (see tests/fixtures/README.md)."""
    return load(FIXTURES / "history.yaml")


def everything(missions, site_missions, isf, history):  # type: ignore[no-untyped-def]
    return [*missions, *site_missions, isf, history]


# --- the rows ---------------------------------------------------------------------------------


def test_tables_name_every_table_and_its_columns() -> None:
    assert list(TABLES) == list(COLUMNS)
    assert list(TABLES) == [
        "missions",
        "mandates",
        "contributions",
        "claims",
        "personnel",
        "appointments",
        "positions",
        "fatalities",
        "fatality_counts",
        "budgets",
        "events",
        "coverage",
        "sites",
        "site_contingents",
        "sources",
    ]
    assert TABLES["sites"] is site_rows and TABLES["claims"] is claim_rows and TABLES["events"] is event_rows
    for name, columns in COLUMNS.items():
        names = [c.name for c in columns]
        assert len(names) == len(set(names)), name
        assert table_of(names) == name
        for column in columns:
            assert column.description, (name, column.name)
            assert column.type in {"string", "list", "integer", "number", "boolean", "partial_date"}


def test_rows_have_the_same_columns_in_order(missions, site_missions, isf, history) -> None:  # type: ignore[no-untyped-def]
    every = everything(missions, site_missions, isf, history)
    for rows, columns in (
        (mission_rows(every), MISSION_COLUMNS),
        (mandate_rows(every), MANDATE_COLUMNS),
        (contribution_rows(every), CONTRIBUTION_COLUMNS),
        (claim_rows(every), CLAIM_COLUMNS),
        (personnel_rows(every), PERSONNEL_COLUMNS),
        (appointment_rows(every), APPOINTMENT_COLUMNS),
        (position_rows(every), POSITION_COLUMNS),
        (fatality_rows(every), FATALITY_COLUMNS),
        (fatality_count_rows(every), FATALITY_COUNT_COLUMNS),
        (budget_rows(every), BUDGET_COLUMNS),
        (event_rows(every), EVENT_COLUMNS),
        (coverage_rows(every), COVERAGE_COLUMNS),
        (site_rows(every), SITE_COLUMNS),
        (site_contingent_rows(every), SITE_CONTINGENT_COLUMNS),
        (source_rows(every), SOURCE_COLUMNS),
    ):
        assert rows
        assert all(tuple(row) == columns for row in rows)


def test_the_columns_that_existed_are_kept_in_their_order() -> None:
    """New columns are added; the columns of earlier versions keep their relative order."""
    earlier = {
        "contributions": (
            "mission", "contributor", "contributor_name", "kind", "status", "strength_min", "strength_max", "strength_text",
            "is_exact", "female", "male", "as_of", "role", "caveats", "claim_id", "supersedes", "sources", "source_titles",
        ),
        "positions": (
            "mission", "actor", "actor_name", "stance", "subject", "summary", "demands", "date", "sources", "source_titles",
        ),
        "sources": ("mission", "id", "title", "publisher", "url", "published", "accessed"),
    }  # fmt: skip
    for table, names in earlier.items():
        present = [c.name for c in COLUMNS[table] if c.name in names]
        assert tuple(present) == names, table
    assert CONTRIBUTION_COLUMNS[-4:] == ("unconfirmed", "note", "sources", "source_titles")
    assert (*CONTRIBUTION_COLUMNS, "disputed") == CLAIM_COLUMNS


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
        "mandates": 0, "contributions": 8, "appointments": 0, "positions": 0, "fatalities": 2, "fatality_counts": 0,
        "budgets": 0, "events": 0, "sites": 0,
        "sources": "un-data-hub-missions", "source_titles": mission.source("un-data-hub-missions").title,
    }  # fmt: skip
    first = contribution_rows(missions)[0]
    assert first == {
        "mission": "unifil", "contributor": "IDN", "contributor_name": "Indonesia", "kind": "troops", "status": "deployed",
        "strength_min": 1231, "strength_max": 1231, "strength_text": "1,231", "is_exact": True,
        "female": 25, "male": 1206, "as_of": "2024-09-30", "role": None, "caveats": None,
        "claim_id": None, "supersedes": None, "unconfirmed": False, "note": None,
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


# --- the history: mandates, appointments, budgets, counts, events, coverage ----------------------


def test_mandate_rows_give_each_link_and_what_its_chain_leaves_in_force(history: Mission) -> None:
    rows = mandate_rows(history)
    assert [row["mandate_index"] for row in rows] == [0, 1, 2, 3]
    assert [(row["id"], row["follows"]) for row in rows] == [
        ("first", None),
        ("second", "first"),
        ("third", "second"),
        ("fourth", "third"),
    ]
    first, second, third, fourth = rows
    assert first["instruments"] == "S/RES/1 (1978); S/RES/2 (1978)"
    assert (first["vote"], first["in_favour"], first["against"], first["abstentions"], first["unanimous"], first["meeting"]) == (
        "12 in favour, 0 against, 2 abstentions (1st meeting)",
        12,
        0,
        2,
        False,
        "1st meeting",
    )
    assert (third["vote"], third["unanimous"], third["in_favour"]) == ("unanimous", True, None)
    assert second["vote"] is None and second["unanimous"] is None  # no vote recorded: not "not unanimous"
    assert first["actions"] == "establishes" and second["actions"] == "renews"
    # What each link gives, and what the chain leaves in force
    assert (first["tasks"], first["tasks_in_force"]) == (
        "ceasefire_monitoring; civilian_protection",
        "ceasefire_monitoring; civilian_protection",
    )
    assert (second["tasks"], second["drops"], second["tasks_in_force"]) == (
        None,
        None,
        "ceasefire_monitoring; civilian_protection",
    )
    assert (third["tasks"], third["drops"], third["tasks_in_force"]) == (
        "support_to_host_armed_forces",
        "civilian_protection",
        "ceasefire_monitoring; support_to_host_armed_forces",
    )
    assert fourth["tasks"] is None and fourth["tasks_in_force"] == third["tasks_in_force"]
    # The ceiling each sets, and the one in force (carried by a renewal that sets none)
    assert (second["authorized_strength_min"], second["authorized_strength_max"], second["authorized_strength_text"]) == (
        0,
        7000,
        "up to 7,000",
    )
    assert (second["approximate"], second["ceiling_in_force"], second["ceiling_set_by"]) == (
        True,
        "up to about 7,000",
        "S/RES/3 (1978)",
    )
    assert fourth["authorized_strength_min"] is None and fourth["authorized_strength_is_exact"] is None
    assert (fourth["ceiling_in_force"], fourth["ceiling_set_by"]) == ("up to 15,000", "S/RES/4 (2006)")
    assert (fourth["unconfirmed"], fourth["note"], fourth["restrictions"]) == (
        True,
        "Constructed test record.",
        "ceases operations on 31 December 2026",
    )
    assert (fourth["start"], fourth["end"], fourth["adopted"], fourth["body"], fourth["authority_kind"]) == (
        "2025-08-28",
        "2026-12-31",
        "2025-08-28",
        "UN Security Council",
        "un_security_council",
    )
    # the same answers as the model's queries on a day in force
    for row, day in zip(rows, ("1978-04", "1980", "2007", "2026-01"), strict=True):
        assert row["tasks_in_force"] == "; ".join(task.value for task in history.tasks_on(day))
        assert row["ceiling_in_force"] == str(history.authorized_strength_on(day))


def test_appointment_rows_keep_alternative_accounts_and_acting_holders(history: Mission) -> None:
    rows = appointment_rows(history)
    assert len(rows) == len(history.appointments) == 5
    first, alternative, successor, acting, component = rows
    assert (first["id"], first["holder_name"], first["holder_country"], first["holder_country_name"]) == (
        "fc-a",
        "Person A",
        "ESP",
        "Spain",
    )
    assert (alternative["disputes"], alternative["start"], alternative["note"], alternative["sources"]) == (
        "fc-a",
        "2022-03",
        "Another date.",
        "doc-b",
    )
    assert successor["disputes"] is None and successor["end"] is None
    assert (acting["post"], acting["acting"], acting["unconfirmed"], acting["holder_country"]) == (
        "head_of_mission",
        True,
        True,
        None,  # a person whose nationality is not recorded
    )
    assert (component["unit"], component["holder"], component["holder_name"], component["holder_country"]) == (
        "Maritime Task Force",
        "DEU",
        "Germany",
        "DEU",  # a state given the post: its own code
    )


def test_budget_and_fatality_count_rows(history: Mission) -> None:
    budgets = budget_rows(history)
    assert [(r["id"], r["start"], r["end"], r["kind"], r["amount"], r["approximate"], r["disputes"]) for r in budgets] == [
        ("b-2010", "2010-07-01", "2011-06-30", "approved", 518_710_000, False, None),
        ("b-2025", "2025-07-01", "2026-06-30", "approved", None, False, None),  # the vote only: no amount
        ("b-2025-amount", "2025-07-01", "2026-06-30", "approved", 552_800_000, True, "b-2025"),
    ]
    assert (budgets[0]["decided_by"], budgets[0]["decided"], budgets[0]["currency"], budgets[0]["net"]) == (
        "A/RES/64/282",
        "2010-06-24",
        "USD",
        False,
    )
    assert (budgets[1]["vote"], budgets[1]["in_favour"], budgets[1]["against"], budgets[1]["abstentions"]) == (
        "147 in favour, 3 against, 1 abstention",
        147,
        3,
        1,
    )
    assert budgets[2]["unconfirmed"] is True and budgets[2]["source_titles"] == "[Constructed test source B]"
    counts = fatality_count_rows(history)
    assert [(r["count_index"], r["id"], r["count"], r["as_of"], r["since"], r["disputes"], r["unconfirmed"]) for r in counts] == [
        (0, "count-a", 335, "2024", None, None, False),
        (1, "count-b", 334, "2024", None, "count-a", True),
        (2, None, 270, "2008-03-19", "1978-03-19", None, False),
    ]
    assert counts[0]["note"] == "peacekeepers"


def test_event_and_coverage_rows(history: Mission) -> None:
    events = event_rows(history)
    assert [(r["event_index"], r["date"], r["kind"], r["place"], r["latitude"], r["disputes"]) for r in events] == [
        (0, "1978-03-23", "deployment", "Naqoura", 33.118, None),
        (1, "1978-03-22", "deployment", "Tyre", None, "arrival"),
        (2, "2006-10-15", "deployment", None, None, None),
        (3, "2025-06-24", "handover", "Naqoura", 33.118, None),
    ]
    assert (events[0]["place_country"], events[0]["place_country_name"], events[0]["longitude"]) == ("LBN", "Lebanon", 35.139)
    assert (events[2]["actors"], events[2]["actor_names"]) == ("DEU; person-b", "Germany; Person B")
    assert events[1]["unconfirmed"] is True and events[3]["note"] == "Date read from 'on Tuesday'."
    coverage = coverage_rows(history)
    assert [(r["topic"], r["status"], r["start"], r["end"]) for r in coverage] == [
        ("mandates", "known", "1978", None),
        ("appointments", "known", "2000", None),
        ("budgets", "missing", "1998", "2009"),
        ("events", "unconfirmed", None, None),
        (None, "missing", "2026-07", None),  # the whole mission
    ]
    assert coverage[0]["sources"] == "doc-a" and coverage[1]["sources"] is None
    assert coverage[4]["text"] == "Nothing after June 2026."


def test_flags_of_contributions_positions_personnel_and_sources(history: Mission) -> None:
    contributions = contribution_rows(history)
    assert [(r["contributor"], r["unconfirmed"], r["note"]) for r in contributions] == [
        ("IDN", False, None),
        ("ITA", True, "Read from one report."),
    ]
    assert [(r["contributor"], r["unconfirmed"], r["note"]) for r in claim_rows(history)] == [
        ("IDN", False, None),
        ("ITA", True, "Read from one report."),
    ]
    assert [r["unconfirmed"] for r in position_rows(history)] == [True]
    [figure] = personnel_rows(history)
    assert (figure["kind"], figure["strength_text"], figure["approximate"], figure["unconfirmed"], figure["personnel"]) == (
        "actual",
        "9,900",
        True,
        True,
        None,  # all personnel
    )
    sources = source_rows(history)
    assert [(r["id"], r["kind"], r["language"], r["url"], r["note"]) for r in sources] == [
        ("doc-a", "un_document", "en", "https://example.org/a", None),
        ("doc-b", "news_report", "fr", None, "A constructed republication."),
    ]
    [mission] = mission_rows(history)
    assert (mission["mandates"], mission["fatality_counts"], mission["budgets"], mission["events"]) == (4, 3, 3, 4)


def test_a_claim_is_unconfirmed_only_when_every_report_is() -> None:
    def pledge(source: str, unconfirmed: bool, note: str | None = None) -> Contribution:
        return Contribution(
            contributor="IDN",
            kind=ContributionKind.TROOPS,
            status=ContributionStatus.PLEDGED,
            strength=1000,
            as_of="2026-02-19",
            unconfirmed=unconfirmed,
            note=note,
            sources=[source],
        )

    def mission(*records: Contribution) -> Mission:
        return Mission.from_acronym(
            "ISF",
            kind=MissionKind.STABILIZATION,
            status=MissionStatus.AUTHORIZED,
            contributions=list(records),
            sources=[Source(id=source, title=f"Report {source}") for source in "ab"],
        )

    [both] = claim_rows(mission(pledge("a", True, "weak"), pledge("b", False)))
    assert (both["unconfirmed"], both["note"], both["sources"]) == (False, "weak", "a; b")
    [weak] = claim_rows(mission(pledge("a", True, "weak"), pledge("b", True, "mirror")))
    assert (weak["unconfirmed"], weak["note"]) == (True, "weak; mirror")


def test_tables_of_the_shipped_datasets() -> None:
    from missionmodel import datasets

    for name in datasets.names():
        mission = datasets.load(name)
        for table, function in TABLES.items():
            rows = function(mission)
            assert all(tuple(row) == tuple(c.name for c in COLUMNS[table]) for row in rows), (name, table)
        assert len(mandate_rows(mission)) == len(mission.mandates)
        assert len(event_rows(mission)) == len(mission.events)
        assert len(budget_rows(mission)) == len(mission.budgets)
        assert len(coverage_rows(mission)) == len(mission.coverage)
        assert [r["url"] for r in source_rows(mission)] == [s.url for s in mission.sources]
    unifil = datasets.load("unifil")
    # the ceiling of resolution 1701 (2006), in force in 2010
    in_2010 = unifil.mandate_on("2010-01-01")
    assert in_2010 is not None
    [row] = [r for r in mandate_rows(unifil) if r["mandate_index"] == unifil.mandates.index(in_2010)]
    assert row["ceiling_in_force"] == str(unifil.authorized_strength_on("2010-01-01")) == "up to 15,000"
    assert row["tasks_in_force"] == "; ".join(task.value for task in unifil.tasks_on("2010-01-01"))


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


def test_to_dataframe_types_every_column(missions, site_missions, isf, history) -> None:  # type: ignore[no-untyped-def]
    pd = pytest.importorskip("pandas")
    every = everything(missions, site_missions, isf, history)
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


def test_to_dataframe_keeps_every_value(missions, site_missions, isf, history) -> None:  # type: ignore[no-untyped-def]
    pd = pytest.importorskip("pandas")
    every = everything(missions, site_missions, isf, history)
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


def test_write_parquet_types(tmp_path: Path, missions, site_missions, isf, history) -> None:  # type: ignore[no-untyped-def]
    pq = pytest.importorskip("pyarrow.parquet")
    every = everything(missions, site_missions, isf, history)
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
