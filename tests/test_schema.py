"""The JSON Schema of mission files: generated from the model, valid, and never stricter than the library.

The laws: every document the library reads is valid under the schema (the shipped datasets, every
mission of `missionmodel.testing.missions` once written with `to_dict`, and any mutation of one
that the library still reads); an unknown key is refused at any depth, by both; the schema has a
``$defs`` entry per record class and enum, with the fields, required keys and descriptions of the
model; the shipped copy is the generated one; and verdicts are the same under draft 7, which the
YAML language server follows.
"""

from __future__ import annotations

import copy
import enum
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

jsonschema = pytest.importorskip("jsonschema")
from jsonschema import Draft7Validator, Draft202012Validator  # noqa: E402

import missionmodel as mm  # noqa: E402
from missionmodel import schema as schema_module  # noqa: E402
from missionmodel import testing  # noqa: E402
from missionmodel._checks import CHECK  # noqa: E402
from missionmodel._engine import _leaf, spec_of  # noqa: E402
from missionmodel.dates import PartialDate  # noqa: E402
from missionmodel.exceptions import ErrorDetail  # noqa: E402
from missionmodel.mission import Mission  # noqa: E402
from missionmodel.schema import DIALECT, SCHEMA_ID, mission_schema, schema_text  # noqa: E402
from missionmodel.serialisation import _parse_yaml  # noqa: E402
from missionmodel.strength import Strength  # noqa: E402

DATASETS = sorted(Path(str(files("missionmodel") / "datasets")).glob("*.yaml"))
SHIPPED = Path(str(files("missionmodel") / "data" / "mission.schema.json"))

SCHEMA = mission_schema()
VALIDATOR = Draft202012Validator(SCHEMA)
# Draft 7 ignores the keywords beside a "$ref", and knows no "$defs" keyword (a "$ref" to
# "#/$defs/..." is still a JSON pointer into the document): the verdicts must not change.
DRAFT7 = Draft7Validator({**SCHEMA, "$schema": "http://json-schema.org/draft-07/schema#"})


def verdict(document: Any) -> bool:
    """True when the schema accepts ``document``; the draft 7 verdict must agree."""
    valid = VALIDATOR.is_valid(document)
    assert DRAFT7.is_valid(document) == valid, f"draft 7 disagrees on {document!r:.300}"
    return valid


def problems(document: Any) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in VALIDATOR.iter_errors(document)]


def library_reads(document: Any) -> bool:
    """True when `from_dict` reads ``document`` as a Mission."""
    try:
        mm.from_dict(document, Mission)
    except mm.ValidationError:
        return False
    return True


def model_classes() -> tuple[set[type], set[type[enum.Enum]]]:
    """The record classes and enums that a Mission is made of (as the engine resolves them)."""
    records: set[type] = set()
    enums: set[type[enum.Enum]] = set()

    def walk(cls: type) -> None:
        if cls in records:
            return
        records.add(cls)
        for field in spec_of(cls).fields:
            leaf = _leaf(field.type)
            if isinstance(leaf, type) and issubclass(leaf, enum.Enum):
                enums.add(leaf)
            elif isinstance(leaf, type) and attrs.has(leaf) and leaf not in (PartialDate, Strength):
                walk(leaf)

    walk(Mission)
    return records, enums


FIELD_NAMES = {field.name for cls in model_classes()[0] for field in attrs.fields(cls)} | {"min", "max"}


def def_schema(name: str) -> dict[str, Any]:
    """A schema that validates one value against ``$defs[name]``."""
    return {"$schema": DIALECT, "$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{name}"}


def nodes(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every node of a document below its root, with its path."""
    if path:
        yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from nodes(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from nodes(item, (*path, index))


def replaced(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(document)
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


def removed(document: Any, path: tuple[Any, ...]) -> Any:
    changed = copy.deepcopy(document)
    target = changed
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    return changed


def dataset(path: Path) -> Any:
    """A dataset as an editor sees it: parsed by the library's own YAML reader (dates stay text)."""
    return _parse_yaml(path.read_text(encoding="utf-8"))


# --- the schema itself --------------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    Draft7Validator.check_schema(DRAFT7.schema)
    assert SCHEMA["$schema"] == DIALECT == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == SCHEMA_ID
    assert SCHEMA["$ref"] == "#/$defs/Mission"


def test_it_uses_only_keywords_that_mean_the_same_in_draft_7() -> None:
    # The YAML language server validates with draft 7: no 2019-09 or 2020-12 keyword may decide a verdict.
    # "deprecated" (of 2019-09) is an annotation only: draft 7 ignores it, and no verdict changes.
    same_in_draft_7 = {
        "$schema", "$id", "$ref", "$defs", "title", "description", "default", "enumDescriptions", "deprecated",
        "type", "enum", "properties", "required", "additionalProperties", "items", "pattern", "uniqueItems",
        "minimum", "maximum", "minLength", "minProperties", "anyOf", "allOf", "not", "if", "then",
    }  # fmt: skip
    used: set[str] = set()

    def walk(node: Any, in_properties: bool = False) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if not in_properties:
                    used.add(key)
                walk(value, in_properties=key in ("properties", "$defs") and not in_properties)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(SCHEMA)
    assert used <= same_in_draft_7, used - same_in_draft_7
    for node in (value for _, value in nodes(SCHEMA) if isinstance(value, dict) and "$ref" in value):
        assert set(node) <= {"$ref", "description", "default"}, f"a validation keyword beside $ref: {node}"


def test_one_def_per_record_class_and_enum_with_the_fields_of_the_model() -> None:
    records, enums = model_classes()
    defs = SCHEMA["$defs"]
    for cls in records:
        found = defs[cls.__name__]
        mapping = next(option for option in found["anyOf"] if option.get("type") == "object") if "anyOf" in found else found
        fields = spec_of(cls).fields
        assert found["title"] == cls.__name__
        assert found["description"]
        assert mapping["type"] == "object"
        assert mapping["additionalProperties"] is False
        old_keys = [old.key for old in schema_module._old_keys().get(cls.__name__, ())]
        assert list(mapping["properties"]) == [field.name for field in fields] + old_keys
        assert mapping.get("required", []) == [field.name for field in fields if field.required]
        for name, prop in mapping["properties"].items():
            assert prop.get("description"), f"{cls.__name__}.{name} has no description"
            assert prop.get("deprecated", False) is (name in old_keys)
    for cls in enums:
        assert defs[cls.__name__]["enum"] == [member.value for member in cls]
        assert defs[cls.__name__]["type"] == "string"
        assert len(defs[cls.__name__]["enumDescriptions"]) == len(cls)
        assert all(defs[cls.__name__]["enumDescriptions"])
    assert {name for name in defs if name[0].isupper()} >= {cls.__name__ for cls in records | enums}


def test_each_earlier_form_the_library_reads_is_in_the_schema_as_deprecated() -> None:
    from missionmodel._converter import _OLD_FORMS

    assert set(schema_module._old_keys()) == set(_OLD_FORMS)
    authority = SCHEMA["$defs"]["Authority"]
    assert authority["properties"]["instrument"]["deprecated"] is True
    assert authority["properties"]["instrument"]["description"].startswith("Deprecated: write `instruments`")
    assert {"not": {"required": ["instrument", "instruments"]}} in authority["allOf"]
    for old in schema_module._old_keys()["Authority"]:
        assert old.field in authority["properties"] and old.key not in {f.name for f in attrs.fields(mm.Authority)}


def test_descriptions_come_from_the_docstrings() -> None:
    contribution = SCHEMA["$defs"]["Contribution"]
    assert contribution["description"] == "One contributor's contribution of one kind, as reported at one time."
    assert contribution["properties"]["contributor"]["description"] == (
        "Actor id of the contributor; a state is its ISO 3166-1 alpha-3 code."
    )
    # A description that runs over several lines of the docstring is one line; ``code`` is `code`.
    assert SCHEMA["$defs"]["Mission"]["properties"]["headquarters"]["description"] == (
        "Where its headquarters is: a `Place`, or its name (read as a place known only by its name,"
        " which compares equal to the name)."
    )
    kinds = SCHEMA["$defs"]["MissionKind"]
    assert kinds["enumDescriptions"][kinds["enum"].index("peacekeeping")] == "A peacekeeping operation, such as UNIFIL."


def test_defaults_are_written_as_the_library_writes_them() -> None:
    assert SCHEMA["$defs"]["Contribution"]["properties"]["strength"]["default"] == "unknown"
    assert SCHEMA["$defs"]["Vote"]["properties"]["unanimous"]["default"] is False
    assert "default" not in SCHEMA["$defs"]["Contribution"]["properties"]["as_of"]


def test_every_field_rule_of_the_model_is_said_in_the_schema() -> None:
    # A new rule (a field's `checked(...)`) that this fails on needs an entry in schema._own_rules,
    # or, if no schema can say it, leaving it out is safe: the schema then accepts more.
    records, _ = model_classes()
    for cls in records:
        for attribute in attrs.fields(cls):
            rule = attribute.metadata.get(CHECK)
            if rule is not None:
                assert schema_module._rule_schema(rule) is not None, f"{cls.__name__}.{attribute.name}: {rule}"


def test_the_bounds_read_from_a_count_rule_are_its_bounds() -> None:
    records, _ = model_classes()
    rules = {attribute.metadata[CHECK] for cls in records for attribute in attrs.fields(cls) if CHECK in attribute.metadata}
    counted = [rule for rule in rules if schema_module._bounds_of(rule) is not None]
    assert len(counted) >= 3  # personnel counts, votes, contributing countries

    def fails(rule: Any, value: int) -> bool:
        found: list[ErrorDetail] = []
        rule(value, "n", found)
        return bool(found)

    for rule in counted:
        minimum, maximum = schema_module._bounds_of(rule)
        assert fails(rule, minimum - 1) and not fails(rule, minimum)
        if maximum is not None:
            assert not fails(rule, maximum) and fails(rule, maximum + 1)


def test_the_not_blank_pattern_is_pythons_white_space() -> None:
    # The library refuses text that str.isspace() calls blank; JSON Schema's \s is another set.
    every = "".join(map(chr, range(0x110000))).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    blank = re.sub(schema_module._NOT_BLANK, "", every)
    assert set(blank) == {character for character in every if character.isspace()}


def test_a_caller_cannot_change_the_schema() -> None:
    first = mission_schema()
    first["$defs"]["Mission"]["additionalProperties"] = True
    first["$defs"].clear()
    second = mission_schema()
    assert second == SCHEMA and second is not first
    assert second["$defs"]["Mission"]["additionalProperties"] is False


def test_the_shipped_copy_is_the_generated_schema() -> None:
    # Regenerate with: python -c "from missionmodel.schema import schema_text; import sys; sys.stdout.write(schema_text())" \
    #   > src/missionmodel/data/mission.schema.json
    assert SHIPPED.read_text(encoding="utf-8") == schema_text(), "regenerate src/missionmodel/data/mission.schema.json"
    assert json.loads(schema_text()) == SCHEMA


ECMA_SAMPLES = [
    "", " ", "unifil", "board-of-peace", "UNIFIL", "unifil\n", "LBN", "lbn", "LBNX", "https://un.org", "http:/x",
    "2026", "2026-02", "2026-02-19", " 2026-02 ", "\u00a02026\x1c", "\ufeff2026", "0000", "2026-13", "2026-02-32",
    "unknown", "UNKNOWN", "un\u212anown", "up to 2,000", "Up  To 2,000", "up\u00a0to\x852,000", "at lea\u017ft 500",
    "5,000 to 8,000", "5,000\u20138,000", "5,000 - 8,000", "between 5,000 and 8,000", "from 5 to 8", "1,231", "1231",
    "12,31", "about 800", "~800", "~ 800", "c. 800", "approx. 5,000 to 8,000", "APPROXIMATELY 5", "\u0130", "x\ufeff",
    "\t\x1c\u3000", "some 1,000,000", "more than 500", "fewer than 5", "no fewer than 5", "about up to 800",
    "USD", "usd", "US", "USDX", "en", "EN", "eng", "e", "en\n",
]  # fmt: skip


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run ECMA-262 regular expressions")
def test_every_pattern_reads_in_javascript_as_in_python() -> None:
    # Editors run the patterns as JavaScript (ECMA-262) regular expressions: each must compile
    # with and without the "u" flag, and match what it matches in Python, which jsonschema uses.
    patterns = sorted({value["pattern"] for _, value in nodes(SCHEMA) if isinstance(value, dict) and "pattern" in value})
    script = (
        "const [ps, ss] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        " console.log(JSON.stringify(ps.map(p => { new RegExp(p); const r = new RegExp(p, 'u');"
        " return ss.map(s => r.test(s)); })));"
    )
    data = json.dumps([patterns, ECMA_SAMPLES])
    result = subprocess.run(["node", "-e", script], input=data, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    in_javascript = json.loads(result.stdout)
    for pattern, matches in zip(patterns, in_javascript, strict=True):
        in_python = [re.search(pattern, sample) is not None for sample in ECMA_SAMPLES]
        differ = [sample for sample, js, py in zip(ECMA_SAMPLES, matches, in_python, strict=True) if js != py]
        # Python's $ also matches before a final line break: the one difference, and it only accepts more.
        assert all(sample.endswith("\n") for sample in differ), (pattern[:80], differ)
    assert any(any(row) for row in in_javascript) and not all(all(row) for row in in_javascript)


# --- what it accepts: everything the library reads ----------------------------------------------


@pytest.mark.parametrize("path", DATASETS, ids=lambda path: path.stem)
def test_the_shipped_datasets_are_valid(path: Path) -> None:
    document = dataset(path)
    assert problems(document) == []
    assert verdict(document)
    assert verdict(mm.to_dict(mm.load(path)))


def test_there_are_datasets() -> None:
    assert {path.stem for path in DATASETS} >= {"isf", "unifil"}


@given(testing.missions())
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
def test_every_generated_mission_is_valid(mission: Mission) -> None:
    document = mm.to_dict(mission)
    assert problems(document) == []
    assert verdict(document)
    assert verdict(json.loads(mm.dumps(mission)))


_NUMBERS = st.one_of(
    st.integers(-3, 10),
    st.sampled_from([9999, 10_000, 10_001, 10_000_000, 10_000_001, 10**15 - 1, 10**15, -(10**15) + 1]),
    st.integers(-(10**16), 10**16),
)
_SPACES = st.sampled_from(["", " ", "\t", "\n", "\u00a0", "\u2003", "\ufeff", "\x1c", "\x85"])
_NUMBER_TEXT = st.one_of(
    st.integers(0, 10**7).map(str), st.integers(0, 10**7).map("{:,}".format), st.sampled_from(["2 000", "1.5", "-5"])
)
_WORDS = st.sampled_from(
    [
        "unknown", "Unknown", "UNKNOWN", "up to", "n/a", "", " ", "null", "true", "~800", "800+", "c. 800",
        "IDN", "idn", "XKX", "YUG", "ZZZ", "LB", "unifil", "UNIFIL", "board-of-peace", "-x", "a--b",
        "2026", "2026-02", "2026-02-30", "2026-13", "0000", "1978-03-19", "2026-2-1", "26-02-19", "2026/02/19",
        "https://example.org", "ftp://x", "troops", "pledged", "peacekeeping", "force_commander", "male",
    ]
)  # fmt: skip
_PHRASES = st.builds(
    lambda before, prefix, number, suffix, after: f"{before}{prefix}{number}{suffix}{after}",
    _SPACES,
    st.sampled_from(["", "up to ", "at least ", "about ", "Up to ", "AT LEAST ", "About ", "around ", "up  to "]),
    _NUMBER_TEXT,
    st.sampled_from(["", " to 8,000", " to 50", "-8000", " troops", "+"]),
    _SPACES,
)
_DATES = st.builds(
    lambda before, date, after: f"{before}{date}{after}", _SPACES, st.from_regex(r"\A[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z"), _SPACES
)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    _NUMBERS,
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(-200, 200),
    _WORDS,
    _PHRASES,
    _DATES,
    st.text(max_size=4),
)
_KEYS = st.sampled_from(["min", "max", "name", "country", "latitude", "longitude", "kind", "id", "x"])
VALUES = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3), max_leaves=6
)
"""Values of every shape the library might read, or not, in place of any part of a document."""


def in_old_forms(document: Any, choose: Any = lambda: True) -> Any:
    """``document`` with each authority that ``choose()`` picks written in the old form (``instrument: X``), if it can be."""
    changed = copy.deepcopy(document)
    for mandate in changed.get("mandates", []) if isinstance(changed, dict) else []:
        authority = mandate.get("authority") if isinstance(mandate, dict) else None
        if isinstance(authority, dict) and len(authority.get("instruments", [])) <= 1 and choose():
            instruments = authority.pop("instruments", [])
            authority["instrument"] = instruments[0] if instruments else None
    return changed


@st.composite
def mutants(draw: st.DrawFn) -> Any:
    """A generated mission's document, some authorities in the old form, with one part replaced by another value, or removed."""
    document = mm.to_dict(draw(testing.missions(max_records=2, histories=False)))
    document = in_old_forms(document, lambda: draw(st.booleans()))
    paths = [path for path, _ in nodes(document)]
    path = draw(st.sampled_from(paths))
    if isinstance(path[-1], str) and draw(st.booleans()):
        return removed(document, path)
    return replaced(document, path, draw(VALUES))


@given(mutants())
@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
def test_whatever_the_library_reads_the_schema_accepts(document: Any) -> None:
    if library_reads(document):
        assert problems(document) == [], document
        assert verdict(document)


_ANY_SPACE = st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "\ufeff", ""])
_STRENGTH_WORDS = (
    "unknown", "up to", "at most", "no more than", "not more than", "at least", "no fewer than", "no less than",
    "more than", "fewer than", "less than", "about", "around", "approximately", "approx.", "roughly", "some",
    "circa", "ca.", "c.", "~", "between", "and", "from", "to", "-", "\u2013", "\u2014", "\u2212",
)  # fmt: skip
_ODD_CASE = {"k": "\u212a", "s": "\u017f", "i": "\u0131", "I": "\u0130"}


@st.composite
def strength_texts(draw: st.DrawFn) -> str:
    """Text near the strengths that people write: words of the grammar, numbers, spaces, odd cases."""
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_STRENGTH_WORDS),
                st.integers(0, 10**8).map(str),
                st.integers(0, 10**8).map("{:,}".format),
                st.sampled_from(["1.5", "1,23", "0", "007", "1" * 16]),
            ),
            min_size=1,
            max_size=5,
        )
    )
    text = ""
    for part in parts:
        text += part + draw(_ANY_SPACE)
    text = draw(_ANY_SPACE) + text
    if draw(st.booleans()):
        text = "".join(draw(st.sampled_from([c, c.upper(), c.lower(), _ODD_CASE.get(c, c)])) for c in text)
    return text


BASE: dict[str, Any] = {
    "id": "isf",
    "name": "International Stabilization Force",
    "kind": "stabilization",
    "status": "authorized",
    "contributions": [{"contributor": "IDN", "kind": "troops", "status": "pledged"}],
    "personnel": [{"kind": "planned", "strength": 20000}],
    "mandates": [{"authority": {"kind": "un_security_council", "vote": {"in_favour": 13}}}],
    "budgets": [{"start": "2010-07-01", "end": "2011-06-30", "kind": "approved", "amount": 518710000}],
    "sources": [{"id": "s", "title": "A report"}],
}
# Each place of BASE where one kind of value goes, to try each value there.
SLOTS: dict[str, tuple[Any, ...]] = {
    "strength": ("contributions", 0, "strength"),
    "figure strength": ("personnel", 0, "strength"),
    "authorized strength": ("mandates", 0, "authorized_strength"),
    "date": ("established",),
    "optional date": ("contributions", 0, "as_of"),
    "headquarters": ("headquarters",),
    "country list": ("countries",),
    "count": ("contributions", 0, "female"),
    "vote": ("mandates", 0, "authority", "vote", "in_favour"),
    "slug": ("id",),
    "actor": ("contributions", 0, "contributor"),
    "enum": ("kind",),
    "text": ("name",),
    "flag": ("personnel", 0, "approximate"),
    "old instrument": ("mandates", 0, "authority", "instrument"),
    "instruments": ("mandates", 0, "authority", "instruments"),
    "currency": ("budgets", 0, "currency"),
    "language": ("sources", 0, "language"),
    "ceiling flag": ("mandates", 0, "approximate"),
}


def _mapping(keys: tuple[str, ...], values: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.sampled_from(keys), values, max_size=len(keys))


_COUNTS = st.one_of(st.integers(-2, 3), st.integers(9_990, 10_010), st.integers(0, 10_000_002), st.none())
_CODES = st.sampled_from(["LBN", "IDN", "XKX", "YUG", "SUN", "ZZZ", "lbn", "LB", "LBNN", "XXK"])
LIKELY: dict[str, st.SearchStrategy[Any]] = {
    "strength": st.one_of(_COUNTS, _mapping(("min", "max"), _COUNTS), st.deferred(lambda: strength_texts())),
    "date": st.one_of(_DATES, st.integers(-1, 10_001)),
    "place": st.one_of(
        st.text(max_size=6),
        _mapping(
            ("name", "country", "latitude", "longitude"), st.one_of(st.floats(-200, 200), st.text(max_size=3), _CODES, st.none())
        ),
    ),
    "codes": st.lists(_CODES, max_size=3),
    "count": _COUNTS,
    "slug": st.one_of(st.from_regex(r"\A[a-zA-Z0-9-]{0,6}\Z"), testing.slugs()),
    "actor": st.one_of(_CODES, st.sampled_from(["board", "Board", "IDN "])),
    "enum": st.sampled_from(["peacekeeping", "Peacekeeping", "peace_enforcement", "peace-enforcement", "naval "]),
    "text": st.text(max_size=4),
    "flag": st.one_of(st.booleans(), st.integers(0, 1), st.sampled_from(["true", "yes"])),
    "instrument": st.one_of(st.none(), st.text(max_size=4), st.sampled_from(["S/RES/425 (1978)", " ", ""])),
    "instruments": st.lists(st.sampled_from(["S/RES/425 (1978)", "S/RES/426 (1978)", "", " ", None]), max_size=3),
    "currency": st.one_of(st.sampled_from(["USD", "usd", "Usd", "US", "USDX", "EUR", " USD", "\u212aRW"]), st.text(max_size=3)),
    "language": st.one_of(st.sampled_from(["en", "EN", "En", "eng", "zz", "fr ", "e", "\u0131t"]), st.text(max_size=2)),
}
"""For each kind of slot, values near the ones that the library reads (most of VALUES are not)."""
SLOT_KINDS = {
    "strength": "strength", "figure strength": "strength", "authorized strength": "strength",
    "date": "date", "optional date": "date", "headquarters": "place", "country list": "codes",
    "count": "count", "vote": "count", "slug": "slug", "actor": "actor", "enum": "enum", "text": "text", "flag": "flag",
    "old instrument": "instrument", "instruments": "instruments", "currency": "currency", "language": "language",
    "ceiling flag": "flag",
}  # fmt: skip


@pytest.mark.parametrize("slot", list(SLOTS))
@given(data=st.data())
@settings(max_examples=100, deadline=None)
def test_whatever_value_the_library_reads_in_a_field_the_schema_accepts(slot: str, data: st.DataObject) -> None:
    value = data.draw(st.one_of(LIKELY[SLOT_KINDS[slot]], VALUES), label="value")
    document = replaced(BASE, SLOTS[slot], value)
    if library_reads(document):
        assert problems(document) == [], (slot, value)
        assert verdict(document)


@pytest.mark.parametrize(
    ("slot", "value"),
    [
        ("strength", {"max": 2000}),
        ("strength", {"min": 500}),
        ("strength", {"min": 5, "max": None}),
        ("strength", "up to 2,000"),
        ("strength", "at least 500"),
        ("strength", "5,000 to 8,000"),
        ("strength", "5,000\u20138,000"),
        ("strength", "unknown"),
        ("strength", "1,231"),
        ("figure strength", "about 800"),
        ("figure strength", "around 5,000 to 8,000"),
        ("date", " 2026-02 "),
        ("date", 2026),
        ("headquarters", {"name": "Naqoura", "latitude": None}),
        ("headquarters", "Naqoura"),
        ("country list", ["LBN", "XKX"]),
        ("role", None),
        ("old instrument", "S/RES/425 (1978)"),
        ("old instrument", None),
        ("instruments", ["S/RES/425 (1978)", "S/RES/426 (1978)"]),
        ("currency", "EUR"),
        ("language", "fr"),
    ],
)
def test_the_forms_people_write_are_accepted(slot: str, value: Any) -> None:
    document = replaced(BASE, SLOTS.get(slot, ("contributions", 0, slot)), value)
    assert library_reads(document)
    assert problems(document) == []
    assert verdict(document)


@given(testing.strengths())
def test_every_strength_written_as_text_is_accepted(strength: Strength) -> None:
    validator = Draft202012Validator(def_schema("Strength"))
    assert validator.is_valid(str(strength)), str(strength)
    assert validator.is_valid(
        mm.to_dict(
            mm.Contribution(
                contributor="IDN", kind=mm.ContributionKind.TROOPS, status=mm.ContributionStatus.PLEDGED, strength=strength
            )
        )["strength"]
    )


def test_the_case_folds_are_pythons() -> None:
    # The parser of strengths matches letters whatever their case, as Python's re.IGNORECASE does.
    every = "".join(map(chr, range(0x110000))).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    for letter in "abcdefghijklmnopqrstuvwxyz":
        others = set(re.findall(letter, every, re.IGNORECASE)) - {letter, letter.upper()}
        assert "".join(sorted(others)) == schema_module._FOLDS.get(letter, "").encode().decode("unicode-escape"), letter


@given(strength_texts())
@example("unknown".replace("k", "\u212a"))
@example("at lea\u017ft 500")
@example("\x1c up\u00a0to 2,000 \x85")
@example("ABOUT 800")
@example("~800")
@example("around 5,000\u20138,000")
@settings(max_examples=500, deadline=None)
def test_every_strength_text_the_parser_reads_matches_the_pattern(text: str) -> None:
    strength = Draft202012Validator(def_schema("Strength"))
    approximate = Draft202012Validator(def_schema("ApproximateStrength"))
    try:
        Strength.parse(text)
    except mm.ValidationError:
        pass
    else:
        assert strength.is_valid(text), text
    read = library_reads(replaced(BASE, ("personnel", 0, "strength"), text))
    if read:
        assert approximate.is_valid(text), text
    if not approximate.is_valid(text):
        assert not read


# --- what it refuses --------------------------------------------------------------------------


@pytest.mark.parametrize("path", DATASETS, ids=lambda path: path.stem)
def test_an_unknown_key_is_refused_at_any_depth(path: Path) -> None:
    document = dataset(path)
    mappings = [(), *(where for where, value in nodes(document) if isinstance(value, dict))]
    assert len(mappings) > 50
    # One mapping of each place in the model (the first and the last of each list), not all of a large dataset's.
    places: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
    for where in mappings:
        places.setdefault(tuple("*" if isinstance(step, int) else step for step in where), []).append(where)
    for where in dict.fromkeys(where for found in places.values() for where in (found[0], found[-1])):
        changed = copy.deepcopy(document)
        target = changed
        for step in where:
            target = target[step]
        target["colour"] = "blue"
        assert not verdict(changed), where
        assert not library_reads(changed), where


@given(st.data())
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
def test_an_unknown_key_is_refused_in_any_generated_mission(data: st.DataObject) -> None:
    document = mm.to_dict(data.draw(testing.missions(max_records=3)))
    mappings = [(), *(where for where, value in nodes(document) if isinstance(value, dict))]
    where = data.draw(st.sampled_from(mappings))
    key = data.draw(st.text(min_size=1, max_size=12))
    changed = copy.deepcopy(document)
    target = changed
    for step in where:
        target = target[step]
    assume(key not in FIELD_NAMES)  # a field that this mapping leaves out may well be added
    target[key] = 1
    assert not verdict(changed)
    assert not library_reads(changed)


@pytest.mark.parametrize(
    ("slot", "value"),
    [
        ("kind", "peace-keeping"),
        ("id", "ISF"),
        ("id", "isf "),
        ("name", ""),
        ("name", "   "),
        ("countries", ["lbn"]),
        ("countries", ["LB"]),
        ("countries", "LBN"),
        ("established", "2026-13"),
        ("established", "2026-02-19T10:00"),
        ("established", 0),
        ("established", True),
        ("headquarters", {"name": "Naqoura", "latitude": 33.1}),
        ("headquarters", {"name": "Naqoura", "longitude": 35.1, "latitude": None}),
        ("headquarters", {"name": "Naqoura", "latitude": 91, "longitude": 0}),
        ("headquarters", {"country": "LBN"}),
        ("headquarters", ""),
        ("contributions", [{"contributor": "IDN", "kind": "troops"}]),
        ("contributions", [{"contributor": "IDN", "kind": "troops", "status": "pledged", "strength": -1}]),
        ("contributions", [{"contributor": "IDN", "kind": "troops", "status": "pledged", "strength": "lots"}]),
        ("contributions", [{"contributor": "IDN", "kind": "troops", "status": "pledged", "strength": {"min": 1, "most": 5}}]),
        ("contributions", [{"contributor": "IDN", "kind": "troops", "status": "pledged", "strength": {"min": -1}}]),
        ("contributions", [{"contributor": "IDN", "kind": "troops", "status": "pledged", "strength": 10_000_001}]),
        ("contributions", [{"contributor": "IDN", "kind": "troops", "status": "pledged", "strength": True}]),
        ("contributions", [{"contributor": "IDN", "kind": "troops", "status": "pledged", "female": -3}]),
        ("contributions", [{"contributor": "Indonesia", "kind": "troops", "status": "pledged"}]),
        ("sources", [{"id": "s", "title": "A report", "url": "www.example.org"}]),
        ("mandates", [{"authority": {"kind": "un_security_council", "vote": {"against": 10_001}}}]),
        ("personnel", [{"kind": "planned", "strength": 5, "contributing_countries": 0}]),
        ("contributions", None),
    ],
)
def test_what_both_refuse(slot: str, value: Any) -> None:
    document = {**BASE, slot: value}
    assert not library_reads(document), "the library reads it: not a case for this test"
    assert not verdict(document)


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        ({("mandates", 0, "authority", "instrument"): "S/RES/425 (1978)", ("mandates", 0, "authority", "instruments"): []},
         "should not be valid"),
        ({("mandates", 0, "authority", "instruments"): ["S/RES/425 (1978)", "S/RES/425 (1978)"]}, "non-unique elements"),
        ({("mandates", 0, "approximate"): True}, "'authorized_strength' is a required property"),
        ({("mandates", 0, "approximate"): True, ("mandates", 0, "authorized_strength"): None}, "is not of type"),
        ({("budgets", 0, "currency"): "usd"}, "does not match"),
        ({("sources", 0, "language"): "EN"}, "language: 'EN' is not valid under any of the given schemas"),
        ({("mandates", 0, "authority", "instrument"): ""}, "instrument: '' is not valid under any of the given schemas"),
    ],
)  # fmt: skip
def test_what_both_refuse_among_the_new_rules(edits: dict[tuple[Any, ...], Any], message: str) -> None:
    document = BASE
    for path, value in edits.items():
        document = replaced(document, path, value)
    assert not library_reads(document), "the library reads it: not a case for this test"
    assert not verdict(document)
    assert any(message in problem for problem in problems(document)), problems(document)


@given(testing.missions(max_records=3))
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
def test_a_generated_mission_in_the_old_form_is_valid_and_reads_the_same(mission: Mission) -> None:
    document = in_old_forms(mm.to_dict(mission))
    assert problems(document) == []
    assert verdict(document)
    assert mm.from_dict(document, Mission) == mission


def test_a_problem_names_the_place_and_the_key() -> None:
    document = copy.deepcopy(BASE)
    document["contributions"][0]["contributer"] = "IDN"
    assert problems(document) == ["contributions/0: Additional properties are not allowed ('contributer' was unexpected)"]


def test_the_schema_is_built_once() -> None:
    assert schema_module._cached() is schema_module._cached()
    assert sys.modules["missionmodel.schema"] is schema_module
