"""Seeded fuzzing: mutated documents through every loader; only the library's own errors may escape.

`mutants(seed, count)` is also used by ``benchmarks/fuzz_loaders.py``, which runs 100,000 a loader.
"""

from __future__ import annotations

import copy
import io
import json
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import missionmodel as mm
from missionmodel.importers import ipi, un

BASE: dict[str, Any] = {
    "id": "isf",
    "name": "International Stabilization Force",
    "kind": "stabilization",
    "status": "authorized",
    "countries": ["PSE"],
    "headquarters": {"name": "Naqoura", "country": "LBN", "latitude": 33.1, "longitude": 35.1},
    "established": "2025-11-17",
    "lead": "board",
    "mandates": [
        {
            "authority": {"kind": "un_security_council", "instrument": "S/RES/2803 (2025)", "adopted": "2025-11-17",
                          "vote": {"in_favour": 13, "against": 0, "abstentions": 2}},
            "tasks": ["border_security"],
            "start": "2025-11-17",
            "end": "2027-12-31",
            "authorized_strength": {"min": 0, "max": 20000},
            "sources": ["s"],
            "id": "res-2803",
        },
        {
            "id": "res-2900",
            "authority": {"kind": "un_security_council", "instruments": ["S/RES/2900 (2027)", "S/RES/2901 (2027)"]},
            "follows": "res-2803",
            "drops": ["border_security"],
            "start": "2028-01-01",
            "authorized_strength": 7000,
            "approximate": True,
            "unconfirmed": True,
            "note": "A renewal.",
        },
    ],
    "contributions": [
        {"id": "idn-1", "contributor": "IDN", "kind": "troops", "status": "pledged", "strength": {"min": 0, "max": 8000},
         "as_of": "2026-02-19", "caveats": ["no combat"], "sources": ["s"]},
        {"contributor": "IDN", "kind": "troops", "status": "suspended", "as_of": "2026-03-17", "supersedes": "idn-1",
         "sources": ["s"]},
        {"contributor": "ITA", "kind": "troops", "status": "deployed", "strength": 1068, "female": 45, "male": 1023,
         "as_of": "2024-09", "sources": ["s"]},
    ],
    "personnel": [{"kind": "planned", "strength": 20000, "personnel": ["troops"], "sources": ["s"]}],
    "appointments": [
        {"post": "force_commander", "holder": "jeffers", "start": "2026-01-16", "sources": ["s"]},
        {"post": "deputy_force_commander", "holder": "IDN", "start": "2026-02-19", "sources": ["s"]},
    ],
    "positions": [{"actor": "board", "stance": "supports", "date": "2026-02", "sources": ["s"]}],
    "fatalities": [{"date": "2024-10-01", "nationality": "IDN", "gender": "male", "sources": ["s"]}],
    "coverage": [{"topic": "budgets", "status": "known", "start": "2025", "text": "Budgets from 2025.", "sources": ["s"]}],
    "fatality_counts": [{"id": "c1", "count": 3, "as_of": "2026-03"}, {"count": 4, "as_of": "2026-03", "disputes": "c1"}],
    "budgets": [{"id": "b1", "start": "2026-07-01", "end": "2027-06-30", "kind": "approved", "amount": 518710000,
                 "currency": "USD", "net": True, "decided_by": "A/RES/80/1", "vote": {"unanimous": True}, "sources": ["s"]}],
    "events": [{"id": "e1", "date": "2026-02-19", "kind": "statement", "summary": "Pledges announced.",
                "place": "Jakarta", "actors": ["IDN", "board"], "sources": ["s"]},
               {"date": "2026-02-20", "summary": "Pledges announced a day later.", "disputes": "e1"}],
    "actors": [
        {"id": "board", "name": "Board of Peace", "kind": "coalition"},
        {"id": "jeffers", "name": "Jasper Jeffers", "kind": "person", "country": "USA"},
    ],
    "sources": [{"id": "s", "title": "A report", "kind": "news_report", "url": "https://example.org/a", "language": "en",
                 "published": "2026-02", "note": "A republication."}],
}

JUNK: list[Any] = [
    None, True, False, 0, -1, 1.5, float("nan"), float("inf"), 10**30, -(10**30), 10**5000, "", " ", "x",
    "\ud800", "\x00", "isf\n", "X" * 5000, "2026-02-30", "9999-99", "unknown", [], [None], [[[]]], {}, {"min": -5},
    {"max": 3}, {"a": {"b": {"c": {}}}}, ["troops", 1], {"": 1}, {1: 2}, "troops", "deployed", "IDN", "LB",
    [10**5000], {"min": [10**5000]}, {10**5000: 1}, {"name": 10**5000},
]


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if len(path) > 60:  # mutations nest deeply; edit no deeper than this
        return
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _mutate(document: dict[str, Any], rng: random.Random) -> Any:
    """One to four random edits: replace a node with junk, delete or add a key, duplicate or nest."""
    doc: Any = copy.deepcopy(document)
    for _ in range(rng.randint(1, 4)):
        paths = list(_paths(doc))
        path = rng.choice(paths)
        if not path:
            if rng.random() < 0.1:
                return rng.choice(JUNK)
            continue
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        key = path[-1]
        action = rng.random()
        if action < 0.55:
            parent[key] = copy.deepcopy(rng.choice(JUNK))
        elif action < 0.7 and isinstance(parent, dict):
            del parent[key]
        elif action < 0.8 and isinstance(parent, dict):
            parent[rng.choice(["extra", "contributer", "Kind", 7])] = copy.deepcopy(rng.choice(JUNK))
        elif action < 0.9 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        else:
            nested: Any = parent[key]
            for _ in range(rng.randint(1, 40)):
                nested = [nested] if rng.random() < 0.5 else {"x": nested}
            parent[key] = nested
    return doc


def mutants(seed: int, count: int) -> Iterator[Any]:
    """``count`` mutated mission documents, the same for the same seed."""
    rng = random.Random(seed)
    for _ in range(count):
        yield _mutate(BASE, rng)


def _text(document: Any, rng: random.Random) -> str:
    try:
        text = json.dumps(document, ensure_ascii=rng.random() < 0.5)
    except (ValueError, TypeError, RecursionError):
        text = "{}"
    if rng.random() < 0.5 and text:
        index = rng.randrange(len(text))
        text = text[:index] + rng.choice(["", "\\ud800", '"', "{", "]", "\x00", "!!bool maybe", "1e999"]) + text[index + 1 :]
    return text


def run(loader: Callable[[Any], object], documents: Iterator[Any]) -> tuple[int, int, int]:
    """Feed the documents to ``loader``; return (accepted, refused with our errors, foreign exceptions)."""
    accepted = refused = 0
    for document in documents:
        try:
            loader(document)
        except mm.MissionModelError:
            refused += 1
        else:
            accepted += 1
    return accepted, refused, 0


def test_the_base_document_is_valid() -> None:
    mission = mm.from_dict(BASE, mm.Mission)
    assert mission.total_strength(status="deployed") == mm.Strength.exact(1068)
    assert [len(mission.mandate_chain("res-2900")), len(mission.events), len(mission.budgets)] == [2, 2, 1]


def test_from_dict_raises_only_its_own_errors_on_10000_mutants() -> None:
    accepted, refused, _ = run(lambda d: mm.from_dict(d, mm.Mission), mutants(seed=2026, count=10_000))
    assert accepted + refused == 10_000
    assert refused > 5_000  # most mutants are broken, and each was refused with a ValidationError


def test_loads_raises_only_its_own_errors_on_mutated_text() -> None:
    rng = random.Random(7)
    texts = [_text(document, rng) for document in mutants(seed=7, count=1_000)]
    accepted, refused, _ = run(lambda t: mm.loads(t, mm.Mission), iter(texts))
    assert accepted + refused == 1_000
    yaml_accepted, yaml_refused, _ = run(lambda t: mm.loads(t, mm.Mission, format="yaml"), iter(texts[:300]))
    assert yaml_accepted + yaml_refused == 300


def test_constructors_raise_only_their_own_errors_on_junk() -> None:
    rng = random.Random(11)
    classes = [mm.Contribution, mm.Appointment, mm.Mandate, mm.Authority, mm.Vote, mm.Actor, mm.Source, mm.Place,
               mm.Position, mm.Fatality, mm.PersonnelFigure, mm.Mission, mm.Budget, mm.Event, mm.FatalityCount,
               mm.CoverageNote]
    import attrs

    outcomes = {"built": 0, "refused": 0, "missing argument": 0}
    for _ in range(3_000):
        cls = rng.choice(classes)
        fields = {field.name: rng.choice(JUNK) for field in attrs.fields(cls) if rng.random() < 0.6}
        try:
            cls(**fields)
            outcomes["built"] += 1
        except mm.MissionModelError:
            outcomes["refused"] += 1
        except TypeError as error:  # a missing required argument: Python's own call check
            assert "required" in str(error) and "argument" in str(error)
            outcomes["missing argument"] += 1
    assert sum(outcomes.values()) == 3_000 and outcomes["refused"] > 1_000


@pytest.mark.parametrize("reader", [un.read_contributions, un.read_missions, un.read_fatalities, ipi.read_contributions])
def test_importers_raise_only_their_own_errors_on_mutated_csv(reader: Callable[[Any], object]) -> None:
    rng = random.Random(3)
    header = {
        un.read_contributions: "contribution_id,contributing_country,isocode3,m49_code,mission_acronym,personnel_type,"
        "female_personnel,male_personnel,last_reporting_date\n1,Indonesia,IDN,360,UNIFIL,Troops,25,1206,2024-09-30\n",
    }.get(reader, "a,b\n1,2\n")
    texts = []
    for _ in range(300):
        text = header
        for _ in range(rng.randint(1, 5)):
            index = rng.randrange(len(text) + 1)
            text = text[:index] + rng.choice([",", "\n", '"', "\x00", "\ud800", "NA", "9" * 40, "é", "\r"]) + text[index:]
        texts.append(text)
    accepted, refused, _ = run(lambda t: reader(io.StringIO(t)), iter(texts))
    assert accepted + refused == 300
