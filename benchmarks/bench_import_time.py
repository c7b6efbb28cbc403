"""Import time: what ``import missionmodel`` costs, compared with ``import attrs``.

Each measurement runs a fresh interpreter (``sys.executable``) that imports one module and prints
the CPU time (``time.process_time``) the import took; interpreter start-up is not counted. The
two imports are measured alternately, after one unmeasured warm-up run each, and the medians are
compared. The target is a ratio of at most 1.5.

Bytecode: as in an installed package, both imports read compiled bytecode, not source. The
children write and read it under a temporary ``PYTHONPYCACHEPREFIX`` (filled by the warm-up
runs), whatever ``PYTHONDONTWRITEBYTECODE`` says and without writing into the source tree;
otherwise an editable install would recompile missionmodel on every run while attrs, installed
by pip with its bytecode, would not, and the comparison would measure the compiler.

``--breakdown`` adds, from ``python -X importtime``, the modules that ``import missionmodel``
loads grouped by top-level package (self time, median over the runs), to show where the time
goes. ``--max-ratio`` makes the script exit with status 1 when the ratio is above it.

Run: ``python benchmarks/bench_import_time.py [--runs 15] [--breakdown] [--max-ratio 1.5]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict

TIMED = "import time; start = time.process_time(); import {module}; print(time.process_time() - start)"

_PYCACHE = tempfile.TemporaryDirectory(prefix="bench_import_time_")
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
ENVIRONMENT["PYTHONPYCACHEPREFIX"] = _PYCACHE.name


def run(statement: str, *options: str) -> subprocess.CompletedProcess[str]:
    """Run ``statement`` in a fresh interpreter; exit with its error output if it fails."""
    result = subprocess.run([sys.executable, *options, "-c", statement], capture_output=True, text=True, env=ENVIRONMENT)
    if result.returncode:
        sys.exit(f"{statement!r} failed:\n{result.stderr}")
    return result


def cpu_seconds(module: str) -> float:
    """Return the CPU time that importing ``module`` takes in a fresh interpreter."""
    return float(run(TIMED.format(module=module)).stdout)


def imported(statement: str) -> dict[str, int]:
    """Return the self time in microseconds of each module a fresh interpreter imports for ``statement``."""
    result = run(statement, "-X", "importtime")
    modules: dict[str, int] = {}
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "self [us]" not in line:
            self_us, _cumulative, name = line.removeprefix("import time:").split("|")
            modules[name.strip()] = int(self_us)
    return modules


def self_times(module: str, start_up: set[str]) -> dict[str, int]:
    """Return microseconds of self time per top-level package imported by ``import module``.

    The modules in ``start_up`` (those the interpreter imports before running anything) are left
    out; missionmodel's own modules are listed one by one.
    """
    totals: dict[str, int] = defaultdict(int)
    for name, self_us in imported(f"import {module}").items():
        if name not in start_up:
            totals[name if name.startswith("missionmodel") else name.split(".")[0]] += self_us
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="measurements of each import (default 15)")
    parser.add_argument("--breakdown", action="store_true", help="show where import missionmodel spends its time")
    parser.add_argument("--max-ratio", type=float, default=None, help="exit 1 if missionmodel / attrs is above this")
    arguments = parser.parse_args()

    for module in ("attrs", "missionmodel"):
        cpu_seconds(module)  # warm-up: bytecode caches, file system caches
    samples: dict[str, list[float]] = {"attrs": [], "missionmodel": []}
    for _ in range(arguments.runs):
        for module, times in samples.items():
            times.append(cpu_seconds(module))
    medians = {module: statistics.median(times) for module, times in samples.items()}
    ratio = medians["missionmodel"] / medians["attrs"]

    print(f"Python {sys.version.split()[0]}, {arguments.runs} runs each, CPU time of the import in a fresh interpreter")
    for module, times in samples.items():
        spread = f"min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}"
        print(f"  import {module:<13} median {medians[module] * 1000:7.1f} ms  ({spread})")
    print(f"  ratio missionmodel / attrs: {ratio:.2f}" + (f" (limit {arguments.max_ratio})" if arguments.max_ratio else ""))

    if arguments.breakdown:
        start_up = set(imported("pass"))
        runs = [self_times("missionmodel", start_up) for _ in range(max(3, arguments.runs // 3))]
        names = set().union(*runs)
        median_us = {name: statistics.median(run.get(name, 0) for run in runs) for name in names}
        print("\nimport missionmodel, self time by package (-X importtime, median, start-up modules left out):")
        for name, micros in sorted(median_us.items(), key=lambda item: -item[1])[:25]:
            print(f"  {micros / 1000:7.1f} ms  {name}")
        print(f"  {sum(median_us.values()) / 1000:7.1f} ms  total")

    if arguments.max_ratio is not None and ratio > arguments.max_ratio:
        print(f"import missionmodel costs {ratio:.2f} times import attrs, more than {arguments.max_ratio}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
