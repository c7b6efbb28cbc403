"""Run every script in ``examples/`` and check that its output says something meaningful.

Each script runs as ``python examples/<name>`` with the interpreter running the tests, from the
repository root, and must exit with 0 and print every string registered for it in ``EXPECTED``.
A script that is not registered fails: add a new example to ``EXPECTED`` with a few strings that
only a correct run prints.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

EXPECTED: dict[str, list[str]] = {
    "quickstart.py": [
        "Contribution has",  # the ValidationError for the mistaken record
        "did you mean",
        "isf.json:",
        "read back equal: True",
        "isf.yaml:",
        "International Stabilization Force (ISF), led by Board of Peace",
        "Indonesia: troops, up to 8,000 (pledged)",
        "force commander: Jasper Jeffers",
        "Hamas opposes",
    ],
    "unifil_history.py": [
        "S/RES/425 (1978) and S/RES/426 (1978)",  # one decision, two instruments
        "ceiling up to about 7,000 (set by S/RES/501 (1982))",  # carried across the renewals after it
        "force commander Emmanuel Erskine",
        "(acting)",  # none in the years shown: see the assertion below if this fails
        "Budgets (USD):",
        "USD 518,710,000 approved for 2010-07-01 to 2011-06-30",
        "What the data miss:",
        "version 2026.11.27",
    ],
    "isf_vs_unifil.py": [
        "ISF (Gaza)",
        "UNIFIL (Lebanon)",
        "S/RES/2803 (2025)",  # the ISF's mandate
        "S/RES/1701 (2006)",  # UNIFIL's mandate after the 2006 war
        "Jasper Jeffers",
        "Indonesia's pledge (up to 8,000) is reported by",
        "| Aspect | ISF (Gaza) | UNIFIL (Lebanon) |",  # the Markdown table
    ],
    "un_contributions.py": [
        "examples/data/un_contributions.csv (UN Data Hub contributions): 13 rows read, 10 taken, 3 rejected, 3 warnings",
        "rejected line 12, isocode3: 'ATL' is not an ISO 3166-1 alpha-3 country code",
        "warning  line 7, mission_latitude: latitude 125.5603 is out of range and longitude -8.5586 is not: swapped them",
        "Contingents in September 2024:",
        "Indonesia    troops                1,231  (women 25, men 1206)",
        "all                   4,765  women 4.3%",
        "kept aside: UNPROFOR, MINUSMA, MINUSCA",
    ],
}


def scripts() -> list[str]:
    """Return the names of the example scripts."""
    return sorted(path.name for path in EXAMPLES.glob("*.py"))


def test_there_are_examples() -> None:
    assert scripts(), "examples/ has no scripts"


@pytest.mark.parametrize("name", scripts())
def test_example(name: str) -> None:
    assert name in EXPECTED, f"examples/{name} is not registered in EXPECTED in {Path(__file__).name}"
    completed = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, f"examples/{name} failed:\n{completed.stdout}\n{completed.stderr}"
    missing = [text for text in EXPECTED[name] if text not in completed.stdout]
    assert not missing, f"examples/{name} did not print {missing}; it printed:\n{completed.stdout}"


def test_no_stale_entries() -> None:
    stale = sorted(set(EXPECTED) - set(scripts()))
    assert not stale, f"EXPECTED names scripts that are not in examples/: {stale}"
