"""Tidy tables: flat rows, CSV files and DataFrames."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from missionmodel import MissionKind, MissionStatus, load
from missionmodel.importers import assemble, un
from missionmodel.tables import (
    CONTRIBUTION_COLUMNS,
    FATALITY_COLUMNS,
    MISSION_COLUMNS,
    POSITION_COLUMNS,
    contribution_rows,
    fatality_rows,
    mission_rows,
    position_rows,
    to_dataframe,
    write_csv,
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


def test_rows_have_the_same_columns_in_order(missions) -> None:  # type: ignore[no-untyped-def]
    isf = load(DATASETS / "isf.yaml")
    for rows, columns in (
        (mission_rows([*missions, isf]), MISSION_COLUMNS),
        (contribution_rows([*missions, isf]), CONTRIBUTION_COLUMNS),
        (position_rows(isf), POSITION_COLUMNS),
        (fatality_rows(missions), FATALITY_COLUMNS),
    ):
        assert rows
        assert all(tuple(row) == columns for row in rows)


def test_row_values(missions) -> None:  # type: ignore[no-untyped-def]
    unifil = next(row for row in mission_rows(missions) if row["id"] == "unifil")
    assert unifil == {
        "id": "unifil", "name": "United Nations Interim Force in Lebanon", "acronym": "UNIFIL", "kind": "peacekeeping",
        "status": "active", "area": "Lebanon", "countries": "LBN",
        "headquarters": None, "headquarters_country": None, "headquarters_latitude": None, "headquarters_longitude": None,
        "location": "Lebanon", "location_country": "LBN", "location_latitude": 33.1097, "location_longitude": 35.1342,
        "established": "1978-03-19", "ended": None, "lead": "un-dpo", "mandates": 0, "contributions": 8,
        "appointments": 0, "positions": 0, "fatalities": 2,
    }  # fmt: skip
    first = contribution_rows(missions)[0]
    assert first == {
        "mission": "unifil", "contributor": "IDN", "kind": "troops", "status": "deployed", "strength_min": 1231,
        "strength_max": 1231, "female": 25, "male": 1206, "as_of": "2024-09-30", "role": None, "caveats": None,
        "sources": "un-data-hub-contributions",
    }  # fmt: skip
    isf_rows = contribution_rows(load(DATASETS / "isf.yaml"))
    assert any(row["strength_max"] is None for row in isf_rows)  # unknown strengths have no upper bound
    fatalities = fatality_rows(missions)
    assert [row["mission"] for row in fatalities] == ["unifil", "unifil", "unprofor", "minusma", "minusca"]
    assert fatalities[2]["nationality"] is None and fatalities[2]["gender"] is None
    assert position_rows(missions) == []


def test_write_csv(tmp_path: Path, missions) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "contributions.csv"
    rows = contribution_rows(missions)
    write_csv(rows, target)
    with target.open(encoding="utf-8", newline="") as handle:
        read = list(csv.DictReader(handle))
    assert len(read) == len(rows) == 10
    assert tuple(read[0]) == CONTRIBUTION_COLUMNS
    assert read[0]["female"] == "25" and read[0]["role"] == ""
    assert list(tmp_path.iterdir()) == [target]
    empty = tmp_path / "empty.csv"
    write_csv([], empty)
    assert empty.read_text() == ""
    write_csv([], empty, columns=["a", "b"])
    assert empty.read_text() == "a,b\n"


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


def test_to_dataframe(missions) -> None:  # type: ignore[no-untyped-def]
    pandas = pytest.importorskip("pandas")
    frame = to_dataframe(contribution_rows(missions))
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(CONTRIBUTION_COLUMNS)
    assert str(frame["female"].dtype) == "Int64"
    assert int(frame["strength_min"].sum()) == 5989
    by_kind = frame.groupby("kind")["strength_min"].sum().to_dict()
    assert by_kind == {
        "formed_police_units": 160,
        "individual_police": 35,
        "military_observers": 3,
        "staff_officers": 17,
        "troops": 5774,
    }
    assert list(to_dataframe([], columns=["a"]).columns) == ["a"]


def test_to_dataframe_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"to_dataframe\(\) needs pandas.*pip install 'missionmodel\[pandas\]'"):
        to_dataframe([{"a": 1}])


def test_pandas_not_imported_by_the_package() -> None:
    import subprocess

    code = "import sys, missionmodel, missionmodel.tables, missionmodel.importers; print('pandas' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_write_csv_gives_the_usual_mode_and_names_a_bad_row(tmp_path):
    import os

    from missionmodel.tables import write_csv

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
