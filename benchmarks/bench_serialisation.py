"""Benchmark: structuring (dict to validated objects) and unstructuring a mission with 100,000 contributions.

Prints records per second and peak memory. Run:  python benchmarks/bench_serialisation.py [count]
"""

import sys
import time
import tracemalloc

import missionmodel as mm

KINDS = list(mm.ContributionKind)
STATUSES = list(mm.ContributionStatus)
CODES = ["IDN", "ITA", "IND", "NPL", "GHA", "MYS", "ESP", "FRA", "CHN", "IRL", "KOR"]


def build_document(count: int) -> dict:
    contributions = []
    for i in range(count):
        shape = i % 3
        strength = 100 + i % 900 if shape == 0 else ({"min": 0, "max": 8000} if shape == 1 else "unknown")
        contributions.append(
            {
                "contributor": CODES[i % len(CODES)],
                "kind": KINDS[i % len(KINDS)].value,
                "status": STATUSES[i % len(STATUSES)].value,
                "strength": strength,
                "as_of": f"{2000 + i % 25}-{1 + i % 12:02d}",
                "sources": ["bench"],
            }
        )
    return {
        "id": "bench",
        "name": "Benchmark Mission",
        "kind": "peacekeeping",
        "status": "active",
        "contributions": contributions,
        "sources": [{"id": "bench", "title": "Generated"}],
    }


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def peak_mib(function, *args) -> float:
    tracemalloc.start()
    function(*args)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    document = build_document(count)

    # Times are taken without tracemalloc (which slows Python down); memory in a second pass.
    mission, structure_seconds = timed(mm.from_dict, document, mm.Mission)
    data, unstructure_seconds = timed(mm.to_dict, mission)
    assert data == document
    text, dumps_seconds = timed(mm.dumps, mission)
    _, loads_seconds = timed(mm.loads, text)

    print(f"contributions: {count:,}")
    print(f"structure   (dict -> validated Mission): {count / structure_seconds:10,.0f} records/s ({structure_seconds:.2f} s)")
    rate = count / unstructure_seconds
    print(f"unstructure (Mission -> dict):           {rate:10,.0f} records/s ({unstructure_seconds:.2f} s)")
    print(f"loads       (JSON text -> Mission):      {count / loads_seconds:10,.0f} records/s ({loads_seconds:.2f} s)")
    print(f"dumps       (Mission -> JSON text):      {count / dumps_seconds:10,.0f} records/s ({dumps_seconds:.2f} s)")
    print(f"peak traced memory, structuring:   {peak_mib(mm.from_dict, document, mm.Mission):8,.1f} MiB")
    print(f"peak traced memory, unstructuring: {peak_mib(mm.to_dict, mission):8,.1f} MiB")


if __name__ == "__main__":
    main()
