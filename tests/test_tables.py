"""Tidy tables: flat rows, CSV files and DataFrames."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from missionmodel import (
    Contribution,
    ContributionKind,
    ContributionStatus,
    Mission,
    MissionKind,
    MissionStatus,
    Source,
    Strength,
    ValidationError,
    claims,
    load,
)
from missionmodel.importers import assemble, ipi, un
from missionmodel.tables import (
    CLAIM_COLUMNS,
    CONTRIBUTION_COLUMNS,
    FATALITY_COLUMNS,
    MISSION_COLUMNS,
    POSITION_COLUMNS,
    claim_rows,
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
        sources=[Source(id=source, title=source) for source in "abc"],
    )


def test_claim_rows_give_the_current_claims() -> None:
    mission = jordan()
    rows = claim_rows(mission)
    assert all(tuple(row) == CLAIM_COLUMNS for row in rows)
    assert CLAIM_COLUMNS[:-1] == CONTRIBUTION_COLUMNS and CLAIM_COLUMNS[-1] == "disputed"
    assert [(r["kind"], r["status"], r["strength_min"], r["strength_max"], r["sources"], r["disputed"]) for r in rows] == [
        ("troops", "pledged", 300, 500, "a; b", True),  # the two pledges as one claim, disputed by the decline
        ("troops", "declined", 0, None, "c", True),
        ("funding", "pledged", 0, None, "a", False),
    ]
    assert len(contribution_rows(mission)) == 5  # every record, the superseded offer included
    earlier = claim_rows(mission, on="2026-02-01")
    assert [(r["kind"], r["status"], r["strength_min"], r["as_of"], r["disputed"]) for r in earlier] == [
        ("troops", "offered", 1000, "2026-01", False),
        ("funding", "pledged", 0, None, False),  # undated: always known
    ]
    assert [r["kind"] for r in claim_rows(mission, on="2025")] == ["funding"]
    with pytest.raises(ValidationError):
        claim_rows(mission, on="soon")


def test_claim_rows_follow_the_claims_policy() -> None:
    isf = load(DATASETS / "isf.yaml")
    for on in (None, "2026-02-17", "2026-02-28", "2026-03"):
        rows = claim_rows(isf, on=on)
        current = claims.latest_claims(isf.contributions, on=on)
        assert [(r["contributor"], r["kind"], r["status"]) for r in rows] == [
            (c.contributor, c.kind.value, c.status.value) for c in current
        ]
        assert [r["disputed"] for r in rows] == [c.disputed for c in current]
    [indonesia] = [r for r in claim_rows(isf, on="2026-02-17") if r["contributor"] == "IDN"]
    assert (indonesia["status"], indonesia["strength_min"], indonesia["strength_max"]) == ("offered", 5000, 8000)


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
    total = sum(r["strength_min"] for r in claim_rows(unifil))  # type: ignore[misc]
    assert Strength.exact(total) == Strength.exact(claims.total_strength(unifil.contributions).low)


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
    assert list(frame.columns) == list(CLAIM_COLUMNS)
    assert str(frame["disputed"].dtype) == "bool"
    assert frame["disputed"].tolist() == [True, True, False]
    assert str(frame["strength_max"].dtype) == "Int64"
    assert frame["strength_max"].isna().tolist() == [False, True, True]
