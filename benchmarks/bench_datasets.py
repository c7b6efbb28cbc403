"""Benchmark: reading the shipped datasets, against the bare YAML parse of the same text, in one run.

Reading a dataset is parsing its YAML (the library's strict PyYAML loader) and then building and
validating every record and the mission's checks across records (ids, links, citations, one
holder at a time). Prints CPU time (`time.process_time`, median of several runs) of each step for
each dataset, with the ratio of the whole read to a bare ``yaml.load`` with PyYAML's C loader
(or pure-Python loader when the C one is not built) of the same text, and of the questions a
reader asks first (a mandate chain's ceiling, a force commander, a summary).

Run: python benchmarks/bench_datasets.py [runs]
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings
from collections.abc import Callable
from importlib.resources import files

import yaml

from missionmodel import CoverageWarning, datasets
from missionmodel.mission import Mission
from missionmodel.serialisation import _parse, loads

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def cpu(work: Callable[[], object], runs: int) -> float:
    """The median CPU time of ``runs`` calls of ``work``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    warnings.simplefilter("ignore", CoverageWarning)
    print(f"median CPU time of {runs} runs; ratios to a bare yaml.load ({LOADER.__name__}) of the same text")
    for name in datasets.names():
        report(name, runs)


def report(name: str, runs: int) -> None:
    """Measure and print the figures of one dataset."""
    text = files("missionmodel.datasets").joinpath(name + ".yaml").read_text(encoding="utf-8")
    mission = datasets.load(name)
    fields = ("mandates", "contributions", "personnel", "appointments", "positions", "fatality_counts")
    fields += ("budgets", "events", "actors", "sources", "coverage")
    records = sum(len(getattr(mission, field)) for field in fields)

    def ask() -> object:
        return (
            mission.authorized_strength_on("2010"),
            mission.holder_on("force_commander", "2010"),
            mission.summary(),
        )

    bare = cpu(lambda: yaml.load(text, Loader=LOADER), runs)  # a safe loader
    parse = cpu(lambda: _parse(text, "yaml"), runs)
    read = cpu(lambda: loads(text, Mission, "yaml"), runs)
    asked = cpu(ask, runs)
    print(
        f"{name}: {len(text):,} characters, {records:,} records;"
        f" bare yaml {bare * 1000:.1f} ms, strict parse {parse * 1000:.1f} ms ({parse / bare:.2f}x),"
        f" read and validate {read * 1000:.1f} ms ({read / bare:.2f}x, validation {(read - parse) * 1000:.1f} ms),"
        f" ceiling + commander + summary {asked * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
