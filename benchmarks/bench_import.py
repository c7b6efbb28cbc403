"""Benchmark: read a generated UN Data Hub contributions CSV of 1,000,000 rows.

Writes the file to a temporary folder (row by row), reads it with
``missionmodel.importers.un.read_contributions``, and prints the rows read per second and the
peak memory: the process's peak resident set size (``resource``), and with ``--tracemalloc``
the peak of Python allocations during the read (slower: tracing costs time).

Run from the repository root:  python benchmarks/bench_import.py [rows] [--tracemalloc]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from missionmodel.importers import un

HEADER = (
    "contribution_id,contributing_country,isocode3,m49_code,mission_acronym,personnel_type,"
    "female_personnel,male_personnel,last_reporting_date\n"
)
COUNTRIES = [
    ("Indonesia", "IDN", 360),
    ("Italy", "ITA", 380),
    ("India", "IND", 356),
    ("Nepal", "NPL", 524),
    ("Ghana", "GHA", 288),
]
COUNTRIES += [
    ("Malaysia", "MYS", 458),
    ("Spain", "ESP", 724),
    ("France", "FRA", 250),
    ("China", "CHN", 156),
    ("Rwanda", "RWA", 646),
]
MISSIONS = ["UNIFIL", "UNMISS", "MINUSCA", "MONUSCO", "UNFICYP", "UNDOF", "MINURSO", "UNISFA", "UNMIK", "UNTSO"]
TYPES = list(un.PERSONNEL_TYPES)
MONTH_ENDS = ["01-31", "02-28", "03-31", "04-30", "05-31", "06-30", "07-31", "08-31", "09-30", "10-31", "11-30", "12-31"]


def write_file(path: Path, rows: int) -> None:
    rng = random.Random(2026)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        for index in range(rows):
            name, code, m49 = COUNTRIES[rng.randrange(len(COUNTRIES))]
            date = f"{2000 + index % 25}-{MONTH_ENDS[index % 12]}"
            mission = MISSIONS[index % len(MISSIONS)]
            kind = TYPES[index % len(TYPES)]
            handle.write(f"{index},{name},{code},{m49},{mission},{kind},{rng.randrange(60)},{rng.randrange(1500)},{date}\n")


def peak_rss_mib() -> float | None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> None:
    args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    rows = int(args[0]) if args else 1_000_000
    trace = "--tracemalloc" in sys.argv
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contributions.csv"
        start = time.perf_counter()
        write_file(path, rows)
        print(f"wrote {rows:,} rows ({path.stat().st_size / 2**20:.1f} MiB) in {time.perf_counter() - start:.1f} s")
        if trace:
            tracemalloc.start()
        start = time.perf_counter()
        result = un.read_contributions(path)
        elapsed = time.perf_counter() - start
        report = result.report
        assert report.rows_taken == rows, report.summary()
        print(f"read {report.rows_read:,} rows in {elapsed:.1f} s: {report.rows_read / elapsed:,.0f} rows/s")
        if trace:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"peak traced Python memory during the read: {peak / 2**20:,.0f} MiB")
        rss = peak_rss_mib()
        if rss is not None:
            print(f"peak resident memory of the process: {rss:,.0f} MiB")


if __name__ == "__main__":
    main()
