"""Benchmark: validating plain data into records, against pydantic v2 and msgspec, in one run.

Every library validates the same records: an ISO 3166-1 alpha-3 code checked against a set, two
enums, a {min, max} strength, an ISO date and a list of source ids. Prints CPU time per record
(`time.process_time`, median of several runs) and the ratios; then the cost per contribution of
a whole mission against single records, and JSON `loads` of a mission with 100,000
contributions against `json.loads` plus `from_dict`.

Install the peers with:  pip install -e ".[bench]"
Run:                     python benchmarks/bench_validation.py [records] [runs]
"""


import datetime
import enum
import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import missionmodel as mm
from missionmodel.countries import is_country_code

CODES = ["IDN", "ITA", "IND", "NPL", "GHA", "MYS", "ESP", "FRA", "CHN", "IRL", "KOR"]
ALPHA3 = frozenset(CODES)
KINDS = ["troops", "police", "medical", "staff_officers"]
STATUSES = ["offered", "pledged", "deployed", "withdrawn"]


class Kind(enum.Enum):
    """The kinds of the benchmark's records, for the peers (missionmodel has its own)."""

    TROOPS = "troops"
    POLICE = "police"
    MEDICAL = "medical"
    STAFF_OFFICERS = "staff_officers"


class Status(enum.Enum):
    """The statuses of the benchmark's records, for the peers."""

    OFFERED = "offered"
    PLEDGED = "pledged"
    DEPLOYED = "deployed"
    WITHDRAWN = "withdrawn"


def records(count: int) -> list[dict[str, Any]]:
    return [
        {
            "contributor": CODES[i % len(CODES)],
            "kind": KINDS[i % len(KINDS)],
            "status": STATUSES[i % len(STATUSES)],
            "strength": {"min": i % 500, "max": 500 + i % 8000},
            "as_of": f"{2000 + i % 25}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "sources": ["seed-article", f"report-{i % 7}"],
        }
        for i in range(count)
    ]


def cpu(function: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.process_time()
        function()
        times.append(time.process_time() - began)
    return statistics.median(times)


def pydantic_validator() -> Callable[[dict[str, Any]], object] | None:
    try:
        import pydantic
    except ImportError:
        return None

    class Range(pydantic.BaseModel, frozen=True, extra="forbid"):
        min: int = pydantic.Field(ge=0, le=10_000_000)
        max: int | None = pydantic.Field(default=None, ge=0, le=10_000_000)

        @pydantic.model_validator(mode="after")
        def ordered(self) -> "Range":
            if self.max is not None and self.min > self.max:
                raise ValueError("inverted range")
            return self

    class Claim(pydantic.BaseModel, frozen=True, extra="forbid"):
        contributor: str
        kind: Kind
        status: Status
        strength: Range
        as_of: datetime.date
        sources: tuple[str, ...] = ()

        @pydantic.field_validator("contributor")
        @classmethod
        def code(cls, value: str) -> str:
            if value not in ALPHA3:
                raise ValueError("not an ISO 3166-1 alpha-3 code")
            return value

    return Claim.model_validate


def msgspec_validator() -> Callable[[dict[str, Any]], object] | None:
    try:
        import msgspec
    except ImportError:
        return None
    from typing import Annotated

    Count = Annotated[int, msgspec.Meta(ge=0, le=10_000_000)]

    class Range(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
        min: Count
        max: Count | None = None

        def __post_init__(self) -> None:
            if self.max is not None and self.min > self.max:
                raise ValueError("inverted range")

    class Claim(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
        contributor: str
        kind: Kind
        status: Status
        strength: Range
        as_of: datetime.date
        sources: tuple[str, ...] = ()

        def __post_init__(self) -> None:
            if self.contributor not in ALPHA3:
                raise ValueError("not an ISO 3166-1 alpha-3 code")

    def convert(data: dict[str, Any]) -> object:
        return msgspec.convert(data, Claim)

    return convert


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    data = records(count)
    assert all(is_country_code(r["contributor"]) for r in data)
    print(f"Validated dict -> record, CPU time per record, median of {runs} runs over {count:,} records")
    timings: dict[str, float] = {}
    candidates: dict[str, Callable[[dict[str, Any]], object] | None] = {
        "missionmodel": lambda r: mm.from_dict(r, mm.Contribution),
        "pydantic v2": pydantic_validator(),
        "msgspec": msgspec_validator(),
    }
    for name, validator in candidates.items():
        if validator is None:
            print(f"  {name:14} not installed (pip install -e '.[bench]')")
            continue
        for record in data[:50]:
            validator(record)
        seconds = cpu(lambda v=validator: [v(r) for r in data], runs)
        timings[name] = seconds / count * 1e6
        print(f"  {name:14} {timings[name]:6.2f} µs")
    own = timings["missionmodel"]
    if "pydantic v2" in timings:
        print(f"  pydantic v2 / missionmodel = {timings['pydantic v2'] / own:.2f}  (target: at least 3)")
    if "msgspec" in timings:
        print(f"  missionmodel / msgspec     = {own / timings['msgspec']:.2f}  (target: at most 3)")

    mission_size = 100_000
    document = {
        "id": "bench",
        "name": "Benchmark Mission",
        "kind": "peacekeeping",
        "status": "active",
        "contributions": [dict(r, sources=["seed-article"]) for r in records(mission_size)],
        "sources": [{"id": "seed-article", "title": "Generated"}],
    }
    whole = cpu(lambda: mm.from_dict(document, mm.Mission), max(1, runs // 2)) / mission_size * 1e6
    print(f"Mission with {mission_size:,} contributions, from_dict: {whole:.2f} µs per contribution"
          f" ({whole / own:.2f}x a single record; target: at most 1)")
    text = json.dumps(document)
    plain = cpu(lambda: mm.from_dict(json.loads(text), mm.Mission), max(1, runs // 2))
    loads = cpu(lambda: mm.loads(text), max(1, runs // 2))
    print(f"JSON loads of that mission: {loads:.2f} s; json.loads + from_dict: {plain:.2f} s;"
          f" ratio {loads / plain:.2f} (target: at most 1.5)")


if __name__ == "__main__":
    main()
