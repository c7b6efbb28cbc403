"""Fuzz every loader with mutated documents and count what escapes.

Runs N mutated mission documents (default 100,000) through `from_dict`, `loads` (JSON and YAML
text), `load` (files) and the record constructors, and prints for each loader how many documents
were accepted, how many were refused with the library's own errors, and how many raised anything
else (which must be 0). The mutations are those of ``tests/test_fuzz.py``, seeded, so a run can be
repeated.

Run:  python benchmarks/fuzz_loaders.py [count] [seed]
"""

from __future__ import annotations

import collections
import json
import pathlib
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from typing import Any

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests"))

import attrs

import missionmodel as mm
from test_fuzz import JUNK, _text, mutants


def tally(name: str, loader: Callable[[Any], object], inputs: Iterable[Any]) -> bool:
    counts: collections.Counter[str] = collections.Counter()
    foreign: collections.Counter[str] = collections.Counter()
    began = time.process_time()
    for item in inputs:
        try:
            loader(item)
        except mm.MissionModelError:
            counts["refused"] += 1
        except Exception as error:  # noqa: BLE001 - counting what escapes is the point
            counts["foreign"] += 1
            foreign[f"{type(error).__name__}: {str(error)[:80]}"] += 1
        else:
            counts["accepted"] += 1
    seconds = time.process_time() - began
    print(f"{name:22} accepted {counts['accepted']:7,}  refused {counts['refused']:7,}  foreign {counts['foreign']:5,}"
          f"  ({seconds:.0f} s CPU)")
    for message, number in foreign.most_common(5):
        print(f"    {number:6,} x {message}")
    return counts["foreign"] == 0


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2026
    ok = tally("from_dict", lambda d: mm.from_dict(d, mm.Mission), mutants(seed, count))
    rng = random.Random(seed)
    ok &= tally("loads (JSON)", lambda t: mm.loads(t, mm.Mission), (_text(d, rng) for d in mutants(seed + 1, count)))
    rng = random.Random(seed)
    ok &= tally("loads (YAML)", lambda t: mm.loads(t, mm.Mission, format="yaml"),
                (_text(d, rng) for d in mutants(seed + 2, count)))
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "mission.json"

        def load_file(document: Any) -> object:
            try:
                path.write_text(json.dumps(document), encoding="utf-8", errors="surrogatepass")
            except (TypeError, ValueError, RecursionError):
                path.write_bytes(b"\xff\xfe{")
            return mm.load(path)

        ok &= tally("load (files)", load_file, mutants(seed + 3, count // 10))
    rng = random.Random(seed)
    classes = [mm.Contribution, mm.Appointment, mm.Mandate, mm.Authority, mm.Vote, mm.Actor, mm.Source, mm.Place,
               mm.Position, mm.Fatality, mm.PersonnelFigure, mm.Mission]

    def construct(_: object) -> object:
        cls = rng.choice(classes)
        fields = {field.name: rng.choice(JUNK) for field in attrs.fields(cls)}
        return cls(**fields)

    ok &= tally("constructors", construct, range(count))
    print("no foreign exception" if ok else "FOREIGN EXCEPTIONS ESCAPED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
