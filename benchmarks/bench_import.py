"""Benchmark: the UN contributions importer against a bare ``csv.DictReader`` pass, and its memory.

In one run it:

1. writes a generated UN Data Hub contributions CSV (1,000,000 rows by default) into the
   temporary folder, or reuses the one written by an earlier run with the same number of rows;
2. times, in CPU seconds (``time.process_time``), a bare ``csv.DictReader`` pass over the file
   (every row read, every value touched) and ``missionmodel.importers.un.read_contributions``
   (every row read into a validated `Contribution`), alternating the two, several times each;
   each timing ends with ``gc.collect(1)`` (see `cpu_seconds`), and the full collection that
   follows an import is timed apart;
3. prints the rows per second of the median run of each and their ratio (importer / bare pass;
   the target of issue #9 is at least 0.5);
4. runs the import alone in a fresh subprocess, first (before this process grows), and prints
   that process's peak resident set size (``resource.getrusage``), the resulting objects
   included (the target is at most 250 MB for 1,000,000 rows; MB are 10**6 bytes); with
   ``--tracemalloc`` a second subprocess also reports the peak of Python allocations traced
   during the import (tracing is slow and costs memory of its own, which is why it runs apart).

Run from the repository root::

    python benchmarks/bench_import.py [--rows N] [--runs R] [--tracemalloc] [--file PATH] [--no-memory]

CPU time rather than wall time is measured, so that other work on a shared machine counts less;
comparing with the bare pass in the same run makes the ratio the figure to watch.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

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
TYPES = ["Troops", "Staff Officer", "Experts on Mission", "Formed Police Units", "Individual Police"]
MONTH_ENDS = ["01-31", "02-28", "03-31", "04-30", "05-31", "06-30", "07-31", "08-31", "09-30", "10-31", "11-30", "12-31"]


def write_file(path: Path, rows: int) -> None:
    """Write ``rows`` generated rows (the same ones for the same count), atomically."""
    rng = random.Random(2026)
    part = path.with_name(path.name + f".{os.getpid()}.part")
    with part.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        for index in range(rows):
            name, code, m49 = COUNTRIES[rng.randrange(len(COUNTRIES))]
            date = f"{2000 + index % 25}-{MONTH_ENDS[index % 12]}"
            mission = MISSIONS[index % len(MISSIONS)]
            kind = TYPES[index % len(TYPES)]
            handle.write(f"{index},{name},{code},{m49},{mission},{kind},{rng.randrange(60)},{rng.randrange(1500)},{date}\n")
    part.replace(path)


def bare_pass(path: Path) -> object:
    """Read the file with ``csv.DictReader``, touching every value; return the number of rows read."""
    rows = 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            for _value in row.values():
                pass
            rows += 1
    return rows


def import_pass(path: Path) -> object:
    """Read the file with the importer; return the result."""
    from missionmodel.importers import un

    result = un.read_contributions(path)
    assert result.report.rows_taken == result.report.rows_read, result.report.summary()
    return result


def warm_up() -> None:
    """Import the package and read a few rows, so that no timed run pays for loading modules and tables."""
    import io

    from missionmodel.importers import un

    un.read_contributions(io.StringIO(HEADER + "1,Ghana,GHA,288,UNIFIL,Troops,1,2,2024-09-30\n"))


def cpu_seconds(run: Callable[[Path], object], path: Path) -> tuple[float, float, int]:
    """The CPU time of one pass, the CPU time of a full collection after it, and the rows it gave.

    A full collection runs before (not timed). The pass's time includes a collection of the
    young generations after it (``gc.collect(1)``), so that every object it keeps has had the
    garbage collector's first look, during the pass or after it. The full collection after it,
    with the result still alive, is timed apart: the importer keeps full collections from running
    while it reads (see ``_csv.full_collections_deferred``), and one such walk over its records
    comes later in any program that keeps them (for the bare pass, which keeps nothing, it costs
    next to nothing).
    """
    gc.collect()
    start = time.process_time()
    result = run(path)
    gc.collect(1)
    seconds = time.process_time() - start
    start = time.process_time()
    gc.collect()
    full = time.process_time() - start
    rows = result if isinstance(result, int) else len(result)  # type: ignore[arg-type]
    del result
    return seconds, full, rows


def peak_rss_mb() -> float:
    """The peak resident set size of this process so far, in MB (10**6 bytes)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6


def high_water_mb() -> float | None:
    """This process's own peak resident set size (Linux ``VmHWM``), in MB, or None elsewhere.

    ``ru_maxrss`` of a process also counts the peak of the process that started it (Linux keeps it
    across ``exec``), which is why the memory is measured before the timed runs; ``VmHWM`` does not.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    return None


def memory_child(path: Path, trace: bool) -> None:
    """Import the file and print, as JSON, the peak RSS before and after (and the traced peak)."""
    import tracemalloc

    from missionmodel.importers import un

    before = peak_rss_mb()
    if trace:
        tracemalloc.start()
    start = time.process_time()
    result = un.read_contributions(path)
    cpu = time.process_time() - start
    figures = {
        "rows": len(result),
        "rss_before_mb": before,
        "rss_peak_mb": peak_rss_mb(),
        "hwm_mb": high_water_mb(),
        "cpu_s": cpu,
    }
    if trace:
        current, peak = tracemalloc.get_traced_memory()
        figures |= {"traced_peak_mb": peak / 1e6, "traced_kept_mb": current / 1e6}
    print(json.dumps(figures))


def run_child(path: Path, trace: bool) -> dict[str, float | None]:
    command = [sys.executable, __file__, "--memory-child", str(path)] + (["--tracemalloc"] if trace else [])
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    figures: dict[str, float | None] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rows_positional", nargs="?", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--rows", type=int, default=None, help="rows in the generated file (default 1,000,000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each pass (default 3); the median is shown")
    parser.add_argument("--file", type=Path, default=None, help="the CSV to write or reuse (default: in the temporary folder)")
    parser.add_argument("--tracemalloc", action="store_true", help="also report the peak of traced Python allocations")
    parser.add_argument("--no-memory", action="store_true", help="skip the subprocess that measures peak memory")
    parser.add_argument("--memory-child", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child is not None:
        memory_child(args.memory_child, args.tracemalloc)
        return
    rows = args.rows or args.rows_positional or 1_000_000
    path = args.file or Path(tempfile.gettempdir()) / f"missionmodel-bench-un-contributions-{rows}.csv"
    if path.exists():
        print(f"reusing {path} ({path.stat().st_size / 1e6:.1f} MB)")
    else:
        start = time.perf_counter()
        write_file(path, rows)
        print(f"wrote {rows:,} rows to {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - start:.1f} s")

    # The memory first: Linux hands a process's peak RSS on to the processes it starts, so the
    # subprocess must start before this one has grown.
    memory = traced = None
    if not args.no_memory:
        memory = run_child(path, trace=False)
        if args.tracemalloc:
            traced = run_child(path, trace=True)

    print(f"Python {sys.version.split()[0]}, {rows:,} rows, median of {args.runs} runs")
    warm_up()
    bare_times: list[float] = []
    import_times: list[float] = []
    full_times: list[float] = []
    for _ in range(args.runs):
        seconds, _, read = cpu_seconds(bare_pass, path)
        bare_times.append(seconds)
        seconds, full, taken = cpu_seconds(import_pass, path)
        import_times.append(seconds)
        full_times.append(full)
        assert read == taken, (read, taken)
        rows = read  # a file given with --file has the rows it has
    bare, imported, full = (statistics.median(times) for times in (bare_times, import_times, full_times))
    shown = ", ".join
    print(f"bare csv.DictReader pass : {rows / bare:>10,.0f} rows/s  (CPU s: {shown(f'{t:.2f}' for t in bare_times)})")
    print(f"un.read_contributions    : {rows / imported:>10,.0f} rows/s  (CPU s: {shown(f'{t:.2f}' for t in import_times)})")
    print(f"ratio importer / bare    : {bare / imported:>10.2f}  (target >= 0.5)")
    print(
        f"a full garbage collection with the result alive: {full:.2f} CPU s"
        f" (ratio counting it in the import: {bare / (imported + full):.2f})"
    )
    if memory is not None:
        hwm = memory["hwm_mb"]
        print(
            f"peak RSS of a process importing the file: {memory['rss_peak_mb']:,.0f} MB (ru_maxrss"
            + (f"; VmHWM {hwm:,.0f} MB" if hwm is not None else "")
            + f"), {memory['rss_before_mb']:,.0f} MB before the import; target <= 250 MB for 1,000,000 rows"
        )
    if traced is not None:
        print(
            f"tracemalloc during the import: peak {traced['traced_peak_mb']:,.0f} MB,"
            f" held by the result at the end {traced['traced_kept_mb']:,.0f} MB"
        )


if __name__ == "__main__":
    main()
