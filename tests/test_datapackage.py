"""Frictionless Data Package out: CSV files with a Table Schema each, validated by the frictionless library."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from missionmodel import FormatError, Mission, MissionKind, MissionStatus, load
from missionmodel import testing as strategies
from missionmodel.datapackage import DESCRIPTOR, PRIMARY_KEYS, descriptor, table_schema, write_datapackage
from missionmodel.importers import assemble, geopko, un
from missionmodel.tables import COLUMNS, TABLES

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="module")
def missions() -> list[Mission]:
    """Real rows: the UN missions, contributions and fatalities excerpts, the Geo-PKO excerpt, and the ISF dataset."""
    assembly = assemble(
        un.read_missions(FIXTURES / "un_missions.csv"),
        contributions=un.read_contributions(FIXTURES / "un_contributions.csv"),
        fatalities=un.read_fatalities(FIXTURES / "un_fatalities_2025_excerpt.csv"),
        records=geopko.read_sites(FIXTURES / "geopko_excerpt.csv"),
        kind=MissionKind.PEACEKEEPING,
        status=MissionStatus.CLOSED,
    )
    return [
        *assembly.missions,
        load(FIXTURES / "history.yaml"),  # constructed: one of each kind of history record
        load(ROOT / "src" / "missionmodel" / "datasets" / "isf.yaml"),
    ]


def frictionless_report(path: Path) -> Any:
    frictionless = pytest.importorskip("frictionless")
    return frictionless.validate(str(path))


def errors_of(report: Any) -> list[str]:
    return [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors] + [
        error.message for error in report.errors
    ]


def test_every_row_passes_frictionless(tmp_path: Path, missions: list[Mission]) -> None:
    path = write_datapackage(missions, tmp_path / "package")
    assert path == tmp_path / "package" / DESCRIPTOR
    report = frictionless_report(path)
    assert errors_of(report) == []
    assert report.valid
    rows = {task.name: task.stats["rows"] for task in report.tasks}
    assert rows == {name: len(function(missions)) for name, function in TABLES.items()}
    assert all(count > 0 for count in rows.values())


def test_the_schemas_have_teeth(tmp_path: Path, missions: list[Mission]) -> None:
    """A broken file fails validation: enum values, the pattern of dates, bounds, keys."""
    folder = tmp_path / "package"
    write_datapackage(missions, folder)

    def edit(table: str, column: str, value: str, row: int = 0) -> None:
        path = folder / f"{table}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        rows[row][column] = value
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    edit("contributions", "kind", "soldiers")
    edit("contributions", "strength_min", "-5", row=1)
    edit("fatalities", "date", "13 May 2003")
    edit("sites", "latitude", "133.1")
    edit("positions", "mission", "no-such-mission")
    edit("site_contingents", "site_index", "999")
    edit("missions", "id", missions[0].id, row=1)  # a repeated primary key
    edit("claims", "is_exact", "yes")
    edit("mandates", "follows", "no-such-mandate", row=1)
    edit("events", "disputes", "no-such-event")
    edit("events", "kind", "party", row=1)
    edit("budgets", "budget_index", "0", row=1)  # a repeated primary key (mission, budget_index)
    edit("appointments", "acting", "maybe")
    edit("coverage", "status", "guessed")
    edit("fatality_counts", "count", "-1")
    report = frictionless_report(folder / DESCRIPTOR)
    assert not report.valid
    types = {(task.name, error.type) for task in report.tasks for error in task.errors}
    assert {
        ("contributions", "constraint-error"),
        ("fatalities", "constraint-error"),
        ("sites", "constraint-error"),
        ("positions", "foreign-key"),
        ("site_contingents", "foreign-key"),
        ("missions", "primary-key"),
        ("claims", "type-error"),
        ("mandates", "foreign-key"),
        ("events", "foreign-key"),
        ("events", "constraint-error"),
        ("budgets", "primary-key"),
        ("appointments", "type-error"),
        ("coverage", "constraint-error"),
        ("fatality_counts", "constraint-error"),
    } <= types, types
    assert {error.row_number for task in report.tasks for error in task.errors if task.name == "sites"} == {2}


def test_the_shipped_datasets_give_a_valid_package(tmp_path: Path) -> None:
    from missionmodel import datasets

    shipped = [datasets.load(name) for name in datasets.names()]
    report = frictionless_report(write_datapackage(shipped, tmp_path))
    assert errors_of(report) == []
    rows = {task.name: task.stats.get("rows", 0) for task in report.tasks}
    assert rows == {name: len(function(shipped)) for name, function in TABLES.items()}
    assert rows["mandates"] == sum(len(m.mandates) for m in shipped)
    assert rows["events"] == sum(len(m.events) for m in shipped)


def test_the_links_between_records_are_foreign_keys() -> None:
    mandates = table_schema("mandates")
    assert mandates["primaryKey"] == ["mission", "mandate_index"]
    assert mandates["foreignKeys"] == [
        {"fields": ["mission"], "reference": {"resource": "missions", "fields": ["id"]}},
        {"fields": ["follows"], "reference": {"resource": "", "fields": ["id"]}},  # "": the table itself
    ]
    for table in ("appointments", "fatality_counts", "budgets", "events"):
        assert {"fields": ["disputes"], "reference": {"resource": "", "fields": ["id"]}} in table_schema(table)["foreignKeys"]
    alone = table_schema("events", ["events"])  # a self-reference needs no other table
    assert alone["foreignKeys"] == [{"fields": ["disputes"], "reference": {"resource": "", "fields": ["id"]}}]
    kinds = next(f for f in table_schema("sources")["fields"] if f["name"] == "kind")
    assert kinds["constraints"]["enum"][:3] == ["un_document", "press_release", "official_statement"]
    statuses = next(f for f in table_schema("coverage")["fields"] if f["name"] == "status")
    assert statuses["constraints"] == {"required": True, "enum": ["known", "missing", "unconfirmed"]}


def test_a_follows_link_to_a_mandate_of_the_package_passes(tmp_path: Path) -> None:
    history = load(FIXTURES / "history.yaml")
    write_datapackage(history, tmp_path, tables=["mandates", "events", "appointments", "budgets", "fatality_counts"])
    with (tmp_path / "mandates.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["id"], row["follows"]) for row in rows] == [
        ("first", ""),
        ("second", "first"),
        ("third", "second"),
        ("fourth", "third"),
    ]
    assert rows[3]["ceiling_in_force"] == "up to 15,000" and rows[1]["approximate"] == "True"
    assert errors_of(frictionless_report(tmp_path / DESCRIPTOR)) == []


def test_descriptor() -> None:
    package = descriptor()
    assert package["profile"] == "tabular-data-package"
    assert [r["name"] for r in package["resources"]] == list(TABLES)
    for resource in package["resources"]:
        name = resource["name"]
        assert re.fullmatch(r"[a-z0-9._-]+", name)
        assert (resource["path"], resource["format"], resource["encoding"]) == (f"{name}.csv", "csv", "utf-8")
        schema = resource["schema"]
        assert [f["name"] for f in schema["fields"]] == [c.name for c in COLUMNS[name]]
        assert schema["missingValues"] == [""]
        assert schema.get("primaryKey") == (list(PRIMARY_KEYS[name]) if name in PRIMARY_KEYS else None)
        for field, column in zip(schema["fields"], COLUMNS[name], strict=True):
            assert field["description"] == column.description
            constraints = field.get("constraints", {})
            assert constraints.get("enum") == (list(column.values) if column.values else None)
            assert constraints.get("required", False) == column.required
            if column.type == "partial_date":
                assert field["type"] == "string"
                pattern = constraints["pattern"]
                for good in ("1948", "2026-02", "1978-03-19"):
                    assert re.fullmatch(pattern, good)
                for bad in ("48", "2026-2", "19 March 1978", "2026-02-19T00:00"):
                    assert not re.fullmatch(pattern, bad)
        if name != "missions":
            assert {"fields": ["mission"], "reference": {"resource": "missions", "fields": ["id"]}} in schema["foreignKeys"]
    alone = descriptor(["contributions"])["resources"][0]["schema"]
    assert "foreignKeys" not in alone  # no missions table to refer to
    assert table_schema("site_contingents", ["sites", "site_contingents"])["foreignKeys"] == [
        {"fields": ["mission", "site_index"], "reference": {"resource": "sites", "fields": ["mission", "site_index"]}}
    ]
    with pytest.raises(
        ValueError, match=r"no table named 'contributors'; the tables are: 'missions', 'mandates', 'contributions'"
    ):
        descriptor(["contributions", "contributors"])


def test_the_descriptor_is_valid_for_frictionless() -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.Package.validate_descriptor(descriptor())
    assert report.valid, [error.message for error in report.errors]
    broken = descriptor()
    broken["resources"][0]["schema"]["fields"][0]["type"] = "text"
    assert not frictionless.Package.validate_descriptor(broken).valid  # the check has teeth


def test_a_subset_of_tables(tmp_path: Path, missions: list[Mission]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n")
    path = write_datapackage(missions, folder, tables=["sites", "site_contingents"], name="geo-pko-sites")
    assert sorted(p.name for p in folder.iterdir()) == ["datapackage.json", "notes.txt", "site_contingents.csv", "sites.csv"]
    package = json.loads(path.read_text(encoding="utf-8"))
    assert package["name"] == "geo-pko-sites"
    assert errors_of(frictionless_report(path)) == []


def test_claims_on_a_date(tmp_path: Path, missions: list[Mission]) -> None:
    isf = missions[-1]
    write_datapackage(isf, tmp_path, tables=["claims"], on="2026-02-17")
    with (tmp_path / "claims.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    [indonesia] = [row for row in rows if row["contributor"] == "IDN" and row["kind"] == "troops"]
    assert (indonesia["status"], indonesia["strength_text"]) == ("offered", "5,000 to 8,000")


def test_write_errors(tmp_path: Path, missions: list[Mission]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder\n")
    with pytest.raises(FormatError, match=r"cannot write .*file"):
        write_datapackage(missions, blocker)
    with pytest.raises(ValueError, match="no table named 'maps'"):
        write_datapackage(missions, tmp_path / "new", tables=["maps"])
    assert not (tmp_path / "new").exists()  # the names are checked before anything is written


def test_an_earlier_package_is_replaced_whole_file_by_file(tmp_path: Path, missions: list[Mission]) -> None:
    write_datapackage(missions, tmp_path)
    write_datapackage(missions[-1], tmp_path, tables=["missions"])
    package = json.loads((tmp_path / DESCRIPTOR).read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == ["missions"]
    with (tmp_path / "missions.csv").open(encoding="utf-8", newline="") as handle:
        assert [row["id"] for row in csv.DictReader(handle)] == ["isf"]
    assert not list(tmp_path.glob(".mm-*"))  # no temporary file left behind


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(strategies.missions(max_records=3))
def test_any_mission_gives_a_valid_package(tmp_path_factory: pytest.TempPathFactory, mission: Mission) -> None:
    folder = tmp_path_factory.mktemp("package")
    report = frictionless_report(write_datapackage(mission, folder))
    assert errors_of(report) == []
