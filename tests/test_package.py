"""The package itself: lazy submodules and names (PEP 562), what ``import missionmodel`` loads, and
``missionmodel.testing`` without hypothesis.

What ``import missionmodel`` loads is checked in a fresh interpreter, since in this process the
other tests have long imported everything.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import missionmodel as mm

LAZY_SUBMODULES = (
    "catalogue",
    "claims",
    "datasets",
    "geography",
    "importers",
    "serialisation",
    "series",
    "tables",
    "testing",
    "timeline",
    "totals",
)
LAZY_NAMES = ("Format", "dump", "dumps", "from_dict", "load", "loads", "to_dict")

# Not imported by ``import missionmodel``: the submodules that only some uses need, and the
# third-party packages that only they need (YAML and the converter for reading and writing,
# pycountry until a country code is first checked, hypothesis for `missionmodel.testing`).
NOT_IMPORTED = (
    "missionmodel.datasets",
    "missionmodel.importers",
    "missionmodel.series",
    "missionmodel.tables",
    "missionmodel.testing",
    "missionmodel.serialisation",
    "missionmodel.catalogue",
    "missionmodel.geography",
    "yaml",
    "pycountry",
    "hypothesis",
    "pandas",
)


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (this one's), from the repository root."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )


@pytest.fixture(scope="module")
def imported_by_import() -> frozenset[str]:
    """The modules in ``sys.modules`` after ``import missionmodel`` in a fresh interpreter."""
    result = run_python("import json, sys; import missionmodel; print(json.dumps(sorted(sys.modules)))")
    assert result.returncode == 0, result.stderr
    return frozenset(json.loads(result.stdout))


def test_import_loads_the_package(imported_by_import: frozenset[str]) -> None:
    assert "missionmodel" in imported_by_import
    assert "attrs" in imported_by_import


@pytest.mark.parametrize("module", NOT_IMPORTED)
def test_import_does_not_load(imported_by_import: frozenset[str], module: str) -> None:
    assert module not in imported_by_import


def test_lazy_attributes_work_after_a_plain_import() -> None:
    result = run_python(
        """
        import sys
        import missionmodel as mm

        isf = mm.datasets.load("isf")
        assert isf.id == "isf", isf.id
        assert "missionmodel.datasets" in sys.modules
        assert mm.loads(mm.dumps(isf, format="yaml"), mm.Mission, "yaml") == isf
        assert "yaml" in sys.modules
        assert mm.from_dict(mm.to_dict(isf), mm.Mission) == isf
        assert callable(mm.importers.un.read_contributions)
        assert callable(mm.importers.ipi.read_contributions)
        assert mm.series.months(mm.datasets.load("unifil"))
        assert mm.tables.contribution_rows(isf)
        assert callable(mm.claims.standings) and callable(mm.timeline.certainly_before)
        assert mm.testing.missions().example().id
        for name in ("datasets", "importers", "series", "tables", "testing", "claims", "timeline", "serialisation"):
            assert getattr(mm, name) is sys.modules["missionmodel." + name], name
        print("ok")
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.parametrize("name", LAZY_SUBMODULES)
def test_lazy_submodule_is_the_module(name: str) -> None:
    assert getattr(mm, name) is importlib.import_module(f"missionmodel.{name}")


@pytest.mark.parametrize("name", LAZY_NAMES)
def test_lazy_name_is_the_serialisation_object(name: str) -> None:
    assert getattr(mm, name) is getattr(importlib.import_module("missionmodel.serialisation"), name)


def test_dir_lists_lazy_attributes_and_all() -> None:
    listed = dir(mm)
    assert listed == sorted(listed)
    assert set(LAZY_SUBMODULES) <= set(listed)
    assert set(mm.__all__) <= set(listed)


def test_dir_lists_lazy_attributes_before_they_are_imported() -> None:
    result = run_python("import missionmodel as mm, sys; print(sorted(dir(mm))); print('missionmodel.datasets' in sys.modules)")
    assert result.returncode == 0, result.stderr
    listed, datasets_imported = result.stdout.splitlines()
    for name in (*LAZY_SUBMODULES, *LAZY_NAMES):
        assert repr(name) in listed
    assert datasets_imported == "False"


def test_all_names_exist_and_are_unique() -> None:
    assert len(mm.__all__) == len(set(mm.__all__))
    for name in mm.__all__:
        assert getattr(mm, name) is not None, name


def test_star_import_gives_all_and_no_optional_submodule() -> None:
    result = run_python(
        """
        import sys
        from missionmodel import *
        import missionmodel
        missing = [name for name in missionmodel.__all__ if name not in globals()]
        assert not missing, missing
        print(sorted(name for name in ("missionmodel.testing", "hypothesis", "missionmodel.datasets") if name in sys.modules))
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match=r"^module 'missionmodel' has no attribute 'no_such_thing'$"):
        mm.no_such_thing  # type: ignore[attr-defined]  # noqa: B018
    assert not hasattr(mm, "no_such_thing")


def test_unknown_name_cannot_be_imported_from_the_package() -> None:
    with pytest.raises(ImportError, match="cannot import name 'no_such_thing'"):
        from missionmodel import no_such_thing  # type: ignore[attr-defined]  # noqa: F401


def test_mypy_sees_the_lazy_attributes(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    script = tmp_path / "uses_missionmodel.py"
    script.write_text(
        textwrap.dedent(
            """
            import missionmodel as mm

            reveal_type(mm.datasets.load("isf"))
            reveal_type(mm.dumps)
            reveal_type(mm.tables.contribution_rows)
            mm.no_such_thing
            """
        ),
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", "cache", script.name]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    lines = [line.removeprefix(f"{script.name}:") for line in result.stdout.splitlines() if line.startswith(script.name)]
    assert lines, result.stdout + result.stderr
    assert lines[0] == '4: note: Revealed type is "missionmodel.mission.Mission"', lines
    assert lines[1].startswith('5: note: Revealed type is "def (obj: Any, format: '), lines
    assert "Literal['json']" in lines[1] and lines[1].endswith(') -> str"'), lines
    assert lines[2].startswith('6: note: Revealed type is "def (missions: '), lines
    assert lines[3] == '7: error: Module has no attribute "no_such_thing"  [attr-defined]', lines
    assert len(lines) == 4, lines


# --- countries: pycountry read on first use ------------------------------------------------------


def test_country_lookups_read_pycountry_once_and_quietly() -> None:
    # pycountry 23.12 warns ("Country's common_name not found") where a country has no common
    # name; the lookups must not, so that floor is refused.
    result = run_python(
        """
        import sys, warnings
        warnings.simplefilter("error")
        from missionmodel import countries
        assert "pycountry" not in sys.modules
        assert countries.country_name("IDN") == "Indonesia"
        assert "pycountry" in sys.modules
        assert countries.country_name("KOR") == "South Korea"
        assert countries.suggest_code("Republic of Indonesia") == "IDN"
        assert countries.suggest_code("ID") == "IDN"
        assert countries.is_country_code("XKX") and not countries.is_country_code("XYZ")
        assert countries._countries.cache_info().misses == 1
        print("ok")
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


# --- missionmodel.testing without hypothesis ---------------------------------------------------


def test_testing_without_hypothesis_says_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # A fresh copy of the module, executed while "import hypothesis" fails as it does when
    # hypothesis is not installed; the real module in sys.modules is left alone.
    spec = importlib.util.find_spec("missionmodel.testing")
    assert spec is not None and spec.loader is not None
    copy = importlib.util.module_from_spec(spec)
    for name in [name for name in sys.modules if name == "hypothesis" or name.startswith("hypothesis.")]:
        monkeypatch.setitem(sys.modules, name, None)
    message = r"missionmodel\.testing needs hypothesis: pip install hypothesis"
    with pytest.raises(ImportError, match=message) as caught:
        spec.loader.exec_module(copy)
    assert "pip install hypothesis" in str(caught.value)
    assert isinstance(caught.value.__cause__, ImportError)


def test_testing_without_hypothesis_in_a_fresh_interpreter() -> None:
    result = run_python(
        """
        import sys
        sys.modules["hypothesis"] = None  # as if hypothesis were not installed
        import missionmodel as mm
        assert mm.datasets.load("isf").id == "isf"
        try:
            mm.testing
        except ImportError as error:
            print(error)
        else:
            raise AssertionError("missionmodel.testing imported without hypothesis")
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "missionmodel.testing needs hypothesis: pip install hypothesis (from a clone: pip install -e '.[test]')"
    )
