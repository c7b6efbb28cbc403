"""The command line, run as a user runs it: ``python -m missionmodel ...`` in a subprocess.

Every command runs once, through its real entry point, in a folder of hand-written files (bad
ones included: a wrong type at a known line, an unknown key, a missing key, a syntax error, a
missing file, a folder, a file that is not UTF-8). The runs are started together at the start of
the module, so that the whole file takes about as long as its slowest few runs; each test then
checks one run's standard output, standard error and exit status.

The path-to-place mapping (`missionmodel._locate`) is also tested in process, with a property:
in JSON written by the library, every path of a mission is found, and the text at its place is
its value.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import pty
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import missionmodel as mm
from missionmodel import _locate, datasets
from missionmodel import testing as mmst

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "data"

FILES: dict[str, bytes] = {
    "wrong-type.yaml": (
        b"# A hand-written mission with one mistake\n"
        b"id: my-mission\n"
        b"name: My mission\n"
        b"kind: peacekeeping\n"
        b"status: active\n"
        b"contributions:\n"
        b"  - contributor: IDN\n"
        b"    kind: troops\n"
        b"    status: pledged\n"
        b"    female: twelve\n"
    ),
    "unknown-key.json": (
        b'{\n  "id": "my-mission",\n  "name": "My mission",\n  "kind": "peacekeeping",\n'
        b'  "status": "active",\n  "countries": ["LBN"],\n  "colour": "blue"\n}\n'
    ),
    "missing-key.yaml": (
        b"id: my-mission\nname: My mission\nkind: peacekeeping\nstatus: active\ncontributions:\n"
        b"  - kind: troops\n    status: pledged\n"
    ),
    "syntax.yaml": b"id: my-mission\nname: My mission\n  kind: peacekeeping\n",
    "not-utf8.yaml": b"id: my-mission\nname: Caf\xe9\n",
    "bad-header.csv": b"a,b,c\n1,2,3\n",
    "located.yaml": (
        b"id: my-mission\n"
        b"name: My mission\n"
        b"kind: peacekeeping\n"
        b"status: active\n"
        b"headquarters:\n"
        b"  name: Naqoura\n"
        b"  country: LBN\n"
        b"  latitude: 33.118\n"
        b"  longitude: 35.139\n"
    ),
    "clean.csv": (
        b"contribution_id,contributing_country,isocode3,m49_code,mission_acronym,personnel_type,female_personnel,"
        b"male_personnel,last_reporting_date\n"
        b"1,Indonesia,IDN,360,UNIFIL,Troops,25,1206,2024-09-30\n2,Italy,ITA,380,UNIFIL,Troops,45,1023,2024-09-30\n"
    ),
}

CASES: dict[str, tuple[str, ...]] = {
    "help": ("--help",),
    **{f"help-{command}": (command, "--help") for command in ("validate", "export", "import")},
    "version": ("--version",),
    "no-command": (),
    "unknown-command": ("frobnicate",),
    "validate-good": ("validate", "-v", "isf.yaml", "unifil.json"),
    "validate-bad": ("validate", "wrong-type.yaml", "unknown-key.json", "missing-key.yaml", "syntax.yaml"),
    "validate-unreadable": ("validate", "isf.yaml", "missing.yaml", "folder.yaml", "not-utf8.yaml"),
    "validate-to-file": ("validate", "wrong-type.yaml", "-o", "problems.txt"),
    "show-dataset": ("show", "unifil", "--on", "2024-06-30"),
    "show-bad-date": ("show", "isf", "--on", "2024-13"),
    "show-no-such": ("show", "kfor"),
    "show-invalid-file": ("show", "wrong-type.yaml"),
    "export-csv": ("export", "unifil", "--to", "csv"),
    "export-csv-file": ("export", "isf", "--to", "csv", "--table", "positions", "-o", "positions.csv"),
    "export-json-file": ("export", "unifil", "--to", "json", "-o", "exported.json"),
    "export-yaml": ("export", "isf.yaml", "--to", "yaml"),
    "export-geojson": ("export", "located.yaml", "--to", "geojson"),
    "export-geojson-empty": ("export", "isf", "--to", "geojson", "-o", "isf.geojson"),
    "export-parquet": ("export", "unifil", "--to", "parquet", "--table", "claims", "--on", "2024-12-31", "-o", "claims.parquet"),
    "export-on-without-claims": ("export", "isf", "--to", "csv", "--on", "2026-01-01"),
    "export-datapackage": ("export", "isf", "--to", "datapackage", "-o", "package"),
    "export-datapackage-no-folder": ("export", "isf", "--to", "datapackage"),
    "export-table-for-json": ("export", "isf", "--to", "json", "--table", "sites"),
    "export-bad-format": ("export", "isf", "--to", "xlsx"),
    "import": (
        "import",
        "un-contributions",
        str(EXAMPLES / "un_contributions.csv"),
        "--issues",
        "issues.csv",
        "-o",
        "imported.csv",
    ),
    "import-mission": (
        "import",
        "un-contributions",
        str(EXAMPLES / "un_contributions.csv"),
        "--mission",
        "UNIFIL",
        "-o",
        "imported.yaml",
    ),
    "import-several-missions": ("import", "un-contributions", str(EXAMPLES / "un_contributions.csv"), "-o", "several.yaml"),
    "import-clean": ("import", "un-contributions", "clean.csv"),
    "import-flat": ("import", "un-country-totals", str(EXAMPLES / "un_country_totals.csv"), "-o", "totals.csv"),
    "import-two-files": (
        "import",
        "un-contributions",
        "clean.csv",
        str(EXAMPLES / "un_contributions.csv"),
        "--issues",
        "both.csv",
    ),
    "import-bad-files": ("import", "un-missions", "bad-header.csv", "missing.csv", "-o", "never.csv"),
    "compare": ("compare", "isf", "unifil.json"),
    "datasets": ("datasets",),
    "datasets-cite": ("datasets", "cite", "unifil"),
    "datasets-cite-bibtex": ("datasets", "cite", "isf", "--style", "bibtex"),
    "datasets-cite-csl": ("datasets", "cite", "isf", "--style", "csl-json", "-o", "isf.csl.json"),
    "datasets-cite-no-name": ("datasets", "cite"),
    "show-coverage-gap": ("show", "isf", "--on", "2026-10-01"),
    "datasets-cite-unknown": ("datasets", "cite", "kfor"),
    "schema": ("schema", "-o", "mission.schema.json"),
}


@attrs.frozen
class Run:
    args: tuple[str, ...]
    code: int
    out: str
    err: str

    @property
    def out_lines(self) -> list[str]:
        return self.out.splitlines()

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


def environment() -> dict[str, str]:
    """The environment of a run: this checkout's source first, and no colour or width surprises."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [env.get("PYTHONPATH")])])
    env.pop("MISSIONMODEL_TRACEBACK", None)
    env["COLUMNS"] = "100"
    return env


def run_cli(folder: Path, args: tuple[str, ...], *, merged: bool = False) -> Run:
    """Run the command line in ``folder``; with ``merged``, its two outputs as one, as a terminal shows them."""
    done = subprocess.run(
        [sys.executable, "-m", "missionmodel", *args],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if merged else subprocess.PIPE,
        text=True,
        encoding="utf-8",
        timeout=300,
        env=environment(),
    )
    return Run(args, done.returncode, done.stdout, done.stderr or "")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("cli")
    for name, content in FILES.items():
        (work / name).write_bytes(content)
    (work / "folder.yaml").mkdir()
    mm.dump(datasets.load("isf"), work / "isf.yaml")
    mm.dump(datasets.load("unifil"), work / "unifil.json")
    return work


@attrs.frozen
class DocStep:
    """A command shown on the Command line page, with the output shown and the version of the page's file it sees."""

    args: tuple[str, ...]
    shown: str
    version: int


@attrs.frozen
class DocPage:
    files: list[str]  # each version of my-mission.yaml, in the order of the page
    steps: list[DocStep]
    written: list[tuple[str, str, int]]  # (file, content shown, version) for each "text" block titled with a file name


DOC_PAGE = ROOT / "docs" / "cli.md"
_BLOCK = re.compile(r'^```(\w+)(?: title="([^"]*)")?\n(.*?)^```$', re.MULTILINE | re.DOTALL)


def doc_page() -> DocPage:
    files: list[str] = []
    steps: list[DocStep] = []
    written: list[tuple[str, str, int]] = []
    for language, title, body in _BLOCK.findall(DOC_PAGE.read_text(encoding="utf-8")):
        if language == "yaml" and title == "my-mission.yaml":
            files.append(body)
        elif language == "console":
            for command in re.split(r"^\$ ", body, flags=re.MULTILINE)[1:]:
                line, _, shown = command.partition("\n")
                words = shlex.split(line)
                assert words[0] == "missionmodel", line
                steps.append(DocStep(tuple(words[1:]), shown, len(files) - 1))
        elif language == "text" and title and title != "Output":
            written.append((title, body, len(files) - 1))
    return DocPage(files, steps, written)


def doc_folder(folder: Path, version: int) -> Path:
    return folder / f"doc-{version}"


@pytest.fixture(scope="module")
def page(folder: Path) -> DocPage:
    """The Command line page, with a folder per version of its file (and the sample table it imports)."""
    found = doc_page()
    for version, text in enumerate(found.files):
        where = doc_folder(folder, version)
        (where / "examples" / "data").mkdir(parents=True)
        (where / "my-mission.yaml").write_text(text, encoding="utf-8")
        shutil.copy(EXAMPLES / "un_contributions.csv", where / "examples" / "data")
    return found


@pytest.fixture(scope="module")
def runs(folder: Path, page: DocPage) -> dict[str, Run]:
    """Every case of `CASES`, and every command of the Command line page, run at once (a few at a time)."""
    with ThreadPoolExecutor(max_workers=min(8, (os.cpu_count() or 2) + 2)) as pool:
        futures = {name: pool.submit(run_cli, folder, args) for name, args in CASES.items()}
        futures |= {
            f"doc-{index}": pool.submit(run_cli, doc_folder(folder, step.version), step.args, merged=True)
            for index, step in enumerate(page.steps)
        }
        return {name: future.result() for name, future in futures.items()}


# --- every run ----------------------------------------------------------------------------------


def test_no_run_shows_a_traceback(runs: dict[str, Run]) -> None:
    for name, run in runs.items():
        assert "Traceback" not in run.err, name
        assert "internal error" not in run.err, name
        assert run.code in (0, 1, 2), name


def test_errors_are_one_line_each_and_name_the_program(runs: dict[str, Run]) -> None:
    for name in ("show-no-such", "export-datapackage-no-folder", "export-table-for-json", "datasets-cite-unknown"):
        run = runs[name]
        assert run.out == ""
        assert len(run.err_lines) == 1, (name, run.err)
        assert run.err.startswith("missionmodel: "), name


# --- help and usage -----------------------------------------------------------------------------


def test_help_lists_every_command_with_examples(runs: dict[str, Run]) -> None:
    run = runs["help"]
    assert run.code == 0 and run.err == ""
    for command in ("validate", "show", "export", "import", "compare", "datasets", "schema"):
        assert f"    {command} " in run.out
    assert "examples:" in run.out and "exit status:" in run.out


@pytest.mark.parametrize("command", ["validate", "show", "export", "import", "compare", "datasets", "schema"])
def test_each_command_has_help_with_an_example(runs: dict[str, Run], command: str, capsys: pytest.CaptureFixture[str]) -> None:
    from missionmodel.cli import main

    if f"help-{command}" in runs:  # through the real entry point
        run = runs[f"help-{command}"]
        code, out, err = run.code, run.out, run.err
    else:  # the same parser, in process (a subprocess for each would only repeat the start-up)
        code = main([command, "--help"])
        out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert out.startswith(f"usage: missionmodel {command} ")
    example = out.split("example:\n", 1)[1]
    assert f"  missionmodel {command}" in example.splitlines()[0]
    assert "exit status:" in out


def test_import_help_names_every_reader(runs: dict[str, Run]) -> None:
    from missionmodel.cli import READERS

    text = runs["help-import"].out
    for name in ("un-missions", "un-contributions", "un-fatalities", "un-country-totals", "ipi-contributions",
                 "ipi-mission-totals", "geopko-sites", "pema-mandates"):  # fmt: skip
        assert f"  {name} " in text
    assert set(READERS) == {name for name in READERS if f"  {name} " in text}


def test_version(runs: dict[str, Run]) -> None:
    assert runs["version"].code == 0
    assert runs["version"].out == f"missionmodel {mm.__version__}\n"


def test_usage_errors_exit_2(runs: dict[str, Run]) -> None:
    assert runs["no-command"].code == 2
    assert runs["no-command"].err.startswith("usage: missionmodel")
    assert runs["no-command"].out == ""
    assert runs["unknown-command"].code == 2
    assert "invalid choice: 'frobnicate'" in runs["unknown-command"].err
    assert runs["export-bad-format"].code == 2
    assert "invalid choice: 'xlsx'" in runs["export-bad-format"].err


# --- validate -----------------------------------------------------------------------------------


def test_validate_good_files_with_verbose(runs: dict[str, Run]) -> None:
    run = runs["validate-good"]
    assert run.code == 0
    assert run.out_lines == ["isf.yaml: ok", "unifil.json: ok"]
    assert run.err_lines == ["2 files checked: no problems"]


def test_validate_lists_every_problem_at_its_line_and_column(runs: dict[str, Run]) -> None:
    run = runs["validate-bad"]
    assert run.code == 1
    assert run.out_lines == [
        # a wrong type: at the value
        "wrong-type.yaml:10:13: contributions[0].female: 'female' must be int (got 'twelve' that is a str)",
        # an unknown key in JSON: at the key
        "unknown-key.json:7:3: colour: unknown key 'colour'",
        # a missing key: at the mapping that lacks it
        "missing-key.yaml:6:5: contributions[0].contributor: 'contributor' is required",
        # a syntax error: where the parser stopped
        "syntax.yaml:3:7: invalid YAML: mapping values are not allowed here",
    ]
    assert run.err_lines == ["4 problems in 4 of 4 files"]


def test_validate_unreadable_files_one_line_each(runs: dict[str, Run]) -> None:
    run = runs["validate-unreadable"]
    assert run.code == 1
    assert run.out_lines == [
        "missing.yaml: cannot read the file: No such file or directory",
        "folder.yaml: cannot read the file: it is a directory, not a regular file",
        "not-utf8.yaml:2:10: not UTF-8 text (byte 0xe9 at offset 24)",
    ]
    assert run.err_lines == ["3 problems in 3 of 4 files"]


def test_validate_writes_its_report_to_a_file(runs: dict[str, Run], folder: Path) -> None:
    run = runs["validate-to-file"]
    assert run.code == 1 and run.out == ""
    assert (folder / "problems.txt").read_text(encoding="utf-8") == runs["validate-bad"].out_lines[0] + "\n"
    assert run.err_lines == ["1 problem in 1 of 1 file"]


# --- show ---------------------------------------------------------------------------------------


def test_show_a_dataset_on_a_date(runs: dict[str, Run]) -> None:
    run = runs["show-dataset"]
    assert run.code == 0
    assert run.err == ""
    assert run.out == datasets.load("unifil").summary("2024-06-30")
    assert "United Nations Interim Force in Lebanon" in run.out


def test_show_refuses_a_bad_date_as_usage(runs: dict[str, Run]) -> None:
    run = runs["show-bad-date"]
    assert run.code == 2 and run.out == ""
    assert run.err_lines[-1] == "missionmodel show: error: argument --on: 'on' has month 13, out of range 1 to 12"


def test_show_names_the_datasets_when_nothing_matches(runs: dict[str, Run]) -> None:
    run = runs["show-no-such"]
    assert run.code == 2
    assert run.err == (
        "missionmodel: 'kfor' is neither a file nor a dataset; give a .yaml or .json file, or one of the datasets: isf, unifil\n"
    )


def test_show_an_invalid_file_lists_its_problems(runs: dict[str, Run]) -> None:
    run = runs["show-invalid-file"]
    assert run.code == 1 and run.out == ""
    assert run.err_lines == [
        "wrong-type.yaml:10:13: contributions[0].female: 'female' must be int (got 'twelve' that is a str)",
        "missionmodel: wrong-type.yaml cannot be used as it is: see the problem above",
    ]


# --- export -------------------------------------------------------------------------------------


def test_export_csv_to_the_screen(runs: dict[str, Run]) -> None:
    run = runs["export-csv"]
    assert run.code == 0 and run.err == ""
    rows = list(csv.DictReader(io.StringIO(run.out)))
    unifil = datasets.load("unifil")
    assert len(rows) == len(unifil.contributions)
    assert {"mission", "contributor", "strength_min", "strength_max"} <= set(rows[0])
    assert {row["contributor"] for row in rows} == {c.contributor for c in unifil.contributions}


def test_export_a_table_to_a_file(runs: dict[str, Run], folder: Path) -> None:
    run = runs["export-csv-file"]
    assert run.code == 0 and run.out == "" and run.err == ""
    with open(folder / "positions.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(datasets.load("isf").positions)


def test_export_json_and_yaml_are_the_canonical_form(runs: dict[str, Run], folder: Path) -> None:
    assert runs["export-json-file"].code == 0
    assert mm.load(folder / "exported.json") == datasets.load("unifil")
    assert (folder / "exported.json").read_text(encoding="utf-8") == mm.dumps(datasets.load("unifil"))
    assert runs["export-yaml"].code == 0
    assert runs["export-yaml"].out == mm.dumps(datasets.load("isf"), format="yaml")


def test_export_geojson_puts_longitude_first(runs: dict[str, Run]) -> None:
    run = runs["export-geojson"]
    assert run.code == 0 and run.err == ""
    collection = json.loads(run.out)
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [35.139, 33.118]}
    assert feature["properties"]["name"] == "Naqoura"


def test_export_geojson_says_when_the_map_is_empty(runs: dict[str, Run], folder: Path) -> None:
    run = runs["export-geojson-empty"]
    assert run.code == 0 and run.out == ""
    assert json.loads((folder / "isf.geojson").read_text(encoding="utf-8"))["features"] == []
    assert "missionmodel: note: ISF records no place with coordinates: the map is empty" in run.err_lines


def test_export_datapackage(runs: dict[str, Run], folder: Path) -> None:
    from missionmodel.tables import TABLES

    run = runs["export-datapackage"]
    assert run.code == 0, run.err
    package = json.loads((folder / "package" / "datapackage.json").read_text(encoding="utf-8"))
    assert sorted(resource["name"] for resource in package["resources"]) == sorted(TABLES)
    for resource in package["resources"]:
        assert (folder / "package" / resource["path"]).is_file()


def test_export_parquet(runs: dict[str, Run], folder: Path) -> None:
    from missionmodel.tables import claim_rows

    run = runs["export-parquet"]
    if importlib.util.find_spec("pyarrow") is None:
        assert run.code == 1 and "pip install pyarrow" in run.err
        return
    import pyarrow.parquet as pq

    assert run.code == 0 and run.out == "" and run.err == ""
    table = pq.read_table(folder / "claims.parquet")
    assert table.num_rows == len(claim_rows(datasets.load("unifil"), on="2024-12-31"))


def test_export_tables_are_those_of_the_library() -> None:
    from missionmodel.cli import _TABLE_NAMES
    from missionmodel.tables import TABLES

    assert sorted(_TABLE_NAMES) == sorted(TABLES)


def test_export_options_that_do_not_fit_are_usage_errors(runs: dict[str, Run]) -> None:
    assert runs["export-datapackage-no-folder"].code == 2
    assert "name it with -o" in runs["export-datapackage-no-folder"].err
    assert runs["export-table-for-json"].code == 2
    assert runs["export-table-for-json"].err == "missionmodel: --table is for --to csv, parquet or datapackage, not --to json\n"
    assert runs["export-on-without-claims"].code == 2
    assert (
        runs["export-on-without-claims"].err
        == "missionmodel: --on is for the claims table (--table claims) and --to datapackage\n"
    )


# --- import -------------------------------------------------------------------------------------


def test_import_prints_the_grouped_report_and_exits_1_on_rejections(runs: dict[str, Run], folder: Path) -> None:
    from missionmodel.importers import un

    run = runs["import"]
    expected = un.read_contributions(EXAMPLES / "un_contributions.csv")
    assert run.code == 1
    assert run.out == expected.report.summary().replace(str(EXAMPLES / "un_contributions.csv"), CASES["import"][2]) + "\n"
    assert run.err == ""  # piped: no progress bar
    with open(folder / "issues.csv", encoding="utf-8", newline="") as handle:
        issues = list(csv.DictReader(handle))
    assert [(row["kind"], int(row["line"])) for row in issues] == [("rejected", 12), ("rejected", 13), ("rejected", 14)] + [
        ("warning", issue.row) for issue in expected.report.warnings
    ]
    with open(folder / "imported.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(expected.records)


def test_import_writes_one_mission(runs: dict[str, Run], folder: Path) -> None:
    from missionmodel.importers import un

    run = runs["import-mission"]
    assert run.code == 1  # rows were rejected; the mission is written all the same
    mission = mm.load(folder / "imported.yaml")
    expected = [entry.record for entry in un.read_contributions(EXAMPLES / "un_contributions.csv") if entry.mission == "UNIFIL"]
    assert mission.acronym == "UNIFIL" and list(mission.contributions) == expected
    assert run.err == (
        "missionmodel: note: UNIFIL was made from its acronym in the file, with missionmodel's mission catalogue: "
        "its kind is taken to be peacekeeping, its status active (the catalogue gives no end)\n"
    )


def test_import_asks_which_mission_when_there_are_several(runs: dict[str, Run], folder: Path) -> None:
    run = runs["import-several-missions"]
    assert run.code == 2
    assert run.err_lines[-1].startswith(
        "missionmodel: the records belong to 2 missions (UNIFIL, UNMISS): choose one with --mission"
    )
    assert not (folder / "several.yaml").exists()


def test_import_of_a_clean_file_exits_0(runs: dict[str, Run]) -> None:
    run = runs["import-clean"]
    assert run.code == 0, run.out
    assert run.out == "clean.csv (UN Data Hub contributions): 2 rows read, 2 taken, 0 rejected, 0 warnings\n"


def test_import_writes_records_without_a_table_field_by_field(runs: dict[str, Run], folder: Path) -> None:
    from missionmodel.importers import un

    run = runs["import-flat"]
    expected = un.read_country_totals(EXAMPLES / "un_country_totals.csv").records
    assert run.code == 1  # the example has rejected rows
    with open(folder / "totals.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["contributor"] for row in rows] == [record.contributor for record in expected]
    assert {row["record"] for row in rows} == {"ContributorTotal"}
    first = expected[0]
    assert (rows[0]["strength_min"], rows[0]["strength_max"], rows[0]["strength_text"]) == (
        str(first.strength.low),
        str(first.strength.high),
        str(first.strength),
    )
    assert rows[0]["as_of"] == str(first.as_of)


def test_import_of_two_files_reports_each_and_writes_their_issues_together(runs: dict[str, Run], folder: Path) -> None:
    from missionmodel.importers import un

    run = runs["import-two-files"]
    assert run.code == 1 and run.err == ""
    lines = run.out.splitlines()
    assert lines[0] == "clean.csv (UN Data Hub contributions): 2 rows read, 2 taken, 0 rejected, 0 warnings"
    assert lines[1].startswith(f"{EXAMPLES / 'un_contributions.csv'} (UN Data Hub contributions): 13 rows read")
    with open(folder / "both.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = un.read_contributions(EXAMPLES / "un_contributions.csv").report
    assert list(rows[0]) == ["file", "kind", "line", "column", "message", "rows"]
    assert {row["file"] for row in rows} == {str(EXAMPLES / "un_contributions.csv")}
    assert len(rows) == len(expected.rejected) + len(expected.warnings)


def test_import_of_files_that_cannot_be_read(runs: dict[str, Run], folder: Path) -> None:
    run = runs["import-bad-files"]
    assert run.code == 1 and run.out == ""
    assert run.err_lines[0].startswith("missionmodel: bad-header.csv: the header does not match the UN Data Hub mission list")
    assert run.err_lines[1:] == [
        "missionmodel: cannot read 'missing.csv': No such file or directory",
        "missionmodel: never.csv was not written: 2 of 2 files could not be read",
    ]
    assert not (folder / "never.csv").exists()


def test_import_shows_a_progress_bar_on_a_terminal(folder: Path) -> None:
    source = str(EXAMPLES / "un_contributions.csv")
    main, terminal = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "missionmodel", "import", "un-contributions", source],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=terminal,
            env=environment(),
            timeout=300,
        )
        os.close(terminal)
        terminal = -1
        shown = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal's other end is closed: all is read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(main)
        if terminal >= 0:
            os.close(terminal)
    text = shown.decode("utf-8")
    assert done.returncode == 1
    assert "un_contributions.csv [" in text and "100%" in text
    assert text.endswith("\r")  # the bar is cleared at the end
    assert done.stdout.decode("utf-8").startswith(source)


# --- compare, datasets, schema --------------------------------------------------------------------


def test_compare(runs: dict[str, Run]) -> None:
    from missionmodel.compare import compare, render_text

    run = runs["compare"]
    assert run.code == 0 and run.err == ""
    isf, unifil = datasets.load("isf"), datasets.load("unifil")
    assert run.out == render_text(compare(isf, unifil), ("Aspect", "ISF", "UNIFIL"))


def test_datasets_lists_the_shipped_datasets(runs: dict[str, Run]) -> None:
    run = runs["datasets"]
    assert run.code == 0
    assert run.out_lines[0].split() == ["NAME", "MISSION", "VERSION", "DATA", "AS", "OF", "LICENCE"]
    names = [line.split()[0] for line in run.out_lines[1:]]
    assert names == list(datasets.names())
    assert "United Nations Interim Force in Lebanon" in run.out
    for line, name in zip(run.out_lines[1:], datasets.names(), strict=True):
        about = datasets.info(name)
        assert line.split()[-3:] == [about.version, str(about.as_of), about.licence]


def test_datasets_cite(runs: dict[str, Run], folder: Path) -> None:
    run = runs["datasets-cite"]
    assert run.code == 0 and run.err == ""
    assert run.out == datasets.cite("unifil")
    about = datasets.info("unifil")
    assert about.version in run.out and str(about.as_of) in run.out and about.licence in run.out
    bibtex = runs["datasets-cite-bibtex"]
    assert bibtex.code == 0 and bibtex.out == datasets.cite("isf", "bibtex")
    assert bibtex.out.startswith("@misc{missionmodel-isf-") and "version = {" + datasets.info("isf").version + "}" in bibtex.out
    csl = runs["datasets-cite-csl"]
    assert csl.code == 0 and csl.out == ""
    (item,) = json.loads((folder / "isf.csl.json").read_text(encoding="utf-8"))
    assert item["type"] == "dataset" and item["version"] == datasets.info("isf").version
    no_name = runs["datasets-cite-no-name"]
    assert no_name.code == 2 and "name the dataset to cite" in no_name.err
    unknown = runs["datasets-cite-unknown"]
    assert unknown.code == 2
    assert unknown.err == "missionmodel: no dataset named 'kfor'; the datasets are: 'isf', 'unifil'\n"


def test_a_date_outside_the_data_is_said_in_the_summary(runs: dict[str, Run]) -> None:
    run = runs["show-coverage-gap"]
    assert run.code == 0 and run.err == ""
    assert "Nothing after about 1 Jul 2026 was found" in run.out


def test_schema(runs: dict[str, Run], folder: Path) -> None:
    from missionmodel.schema import mission_schema

    run = runs["schema"]
    assert run.code == 0 and run.out == "" and run.err == ""
    written = json.loads((folder / "mission.schema.json").read_text(encoding="utf-8"))
    assert written == mission_schema()
    assert written["$schema"] == "https://json-schema.org/draft/2020-12/schema"


# --- the Command line page ---------------------------------------------------------------------


def shown_pattern(shown: str) -> re.Pattern[str]:
    """The output a page shows, as a pattern: a line ``...`` stands for any lines, ``...`` in a line for any text."""
    parts = []
    for line in shown.splitlines():
        if line == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(re.escape(line).replace(re.escape("..."), r"[^\n]*") + r"\n")
    return re.compile("".join(parts))


def test_the_page_shows_what_the_commands_print(runs: dict[str, Run], page: DocPage) -> None:
    assert len(page.files) == 2 and len(page.steps) >= 10
    for index, step in enumerate(page.steps):
        run = runs[f"doc-{index}"]
        assert run.code in (0, 1), (step.args, run.out)
        assert shown_pattern(step.shown).fullmatch(run.out), (step.args, run.out)


def test_the_page_shows_the_files_the_commands_write(runs: dict[str, Run], page: DocPage, folder: Path) -> None:
    assert page.written
    for name, content, version in page.written:
        assert (doc_folder(folder, version) / name).read_text(encoding="utf-8") == content


def test_the_page_s_first_file_has_three_problems_and_the_second_none(page: DocPage) -> None:
    with pytest.raises(mm.ValidationError) as caught:
        mm.loads(page.files[0], format="yaml")
    assert caught.value.count == 3
    assert mm.loads(page.files[1], format="yaml").acronym == "IFT"


def test_every_command_named_on_the_page_is_one_the_parser_takes(capsys: pytest.CaptureFixture[str]) -> None:
    from missionmodel.cli import build_parser

    text = DOC_PAGE.read_text(encoding="utf-8")
    named = {match for match in re.findall(r"`(missionmodel [^`]+)`", text) if not re.search(r"\b[A-Z]{3,}\b", match)}
    assert len(named) >= 6
    for command in sorted(named):
        try:
            build_parser().parse_args(shlex.split(command)[1:])
        except SystemExit as exit:
            assert exit.code == 0, (command, capsys.readouterr().err)  # --help
    capsys.readouterr()


# --- where a path is (in process) ---------------------------------------------------------------


YAML_TEXT = """\
id: m
contributions:
  - contributor: IDN
    strength: {min: 10, max: 5}
  - kind: troops
"strange key.x": 1
"""


@pytest.mark.parametrize(
    ("path", "key", "expected"),
    [
        ("", False, (1, 1, True, "")),
        ("id", False, (1, 5, True, "")),
        ("contributions", False, (2, 1, True, "")),  # a collection: its key
        ("contributions[0].contributor", False, (3, 18, True, "")),
        ("contributions[0].strength", False, (4, 5, True, "")),
        ("contributions[0].strength.min", False, (4, 21, True, "")),
        ("contributions[1].contributor", False, (5, 5, False, "contributor")),  # missing: its mapping
        ("contributions[7]", False, (2, 1, False, "[7]")),
        ("strange key.x", True, (6, 1, True, "")),
        ("id.x", False, (1, 5, False, "x")),
    ],
)
def test_locate_in_yaml(path: str, key: bool, expected: tuple[int, int, bool, str]) -> None:
    root = _locate.outline(YAML_TEXT, "yaml")
    assert root is not None
    where = _locate.locate(root, path, key=key)
    assert (where.line, where.column, where.found, where.missing) == expected


def test_locate_ignores_a_byte_order_mark_and_gives_none_for_unreadable_text() -> None:
    root = _locate.outline('\ufeff{"id": "m"}', "json")
    assert root is not None and _locate.locate(root, "id") == _locate.Location(1, 8, True)
    assert _locate.outline("{not json", "json") is None
    assert _locate.outline("a: [", "yaml") is None
    assert _locate.outline("a: 1", "toml") is None


def paths_of(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every path in plain data, as `ErrorDetail` writes them, with its value."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_of(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths_of(item, f"{path}[{index}]")


def index_of(text: str, line: int, column: int) -> int:
    lines = text.splitlines(keepends=True)
    return sum(len(part) for part in lines[: line - 1]) + column - 1


@settings(max_examples=15)
@given(mission=mmst.missions(max_records=3), indent=st.sampled_from([None, 2]))
def test_every_path_of_a_json_mission_is_found_at_its_value(mission: mm.Mission, indent: int | None) -> None:
    data = mm.to_dict(mission)
    text = json.dumps(data, indent=indent, ensure_ascii=indent is None)
    root = _locate.outline(text, "json")
    assert root is not None
    decoder = json.JSONDecoder()
    for path, value in paths_of(data):
        where = _locate.locate(root, path)
        assert where.found, path
        start = index_of(text, where.line, where.column)
        if isinstance(value, (dict, list)) and path and not path.endswith("]"):
            assert decoder.raw_decode(text, start)[0] == path.rsplit(".", 1)[-1]  # a collection: at its key
        else:
            assert decoder.raw_decode(text, start)[0] == value
        missing = _locate.locate(root, f"{path}.zz-not-a-key" if path else "zz-not-a-key")
        assert not missing.found and (missing.line, missing.column) == (where.line, where.column)


@settings(max_examples=10)
@given(mission=mmst.missions(max_records=3))
def test_yaml_and_json_find_the_same_paths(mission: mm.Mission) -> None:
    data = mm.to_dict(mission)
    json_root = _locate.outline(mm.dumps(mission), "json")
    yaml_root = _locate.outline(mm.dumps(mission, format="yaml"), "yaml")
    assert json_root is not None and yaml_root is not None
    for path, _ in paths_of(data):
        assert _locate.locate(yaml_root, path).found, path
        assert _locate.locate(json_root, path).found, path


def test_the_console_script_is_installed_and_runs() -> None:
    # The command a user types, installed by pip from pyproject.toml's [project.scripts].
    script = Path(sys.executable).with_name("missionmodel.exe" if os.name == "nt" else "missionmodel")
    if not script.exists():
        pytest.skip("the package is not installed with its scripts in this environment")
    done = subprocess.run([str(script), "datasets"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "isf" in done.stdout and "unifil" in done.stdout
    done = subprocess.run([str(script), "validate"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "usage: missionmodel validate" in done.stderr
