"""A JSON Schema for mission files, generated from the model.

Editors use a JSON Schema to check a YAML or JSON file as it is typed, to complete keys and enum
values, and to show what each key means. `mission_schema` builds one (draft 2020-12) for the
files that `missionmodel.load` reads as a `Mission`: it walks the record classes and their field
types, as the validating engine does, and writes each class's fields with the descriptions from
its docstring. The schema says what a schema can say, and never more than the library does:

* every record is a mapping of its own keys only (``additionalProperties: false``), with its
  required keys (the fields without a default);
* the forms in which each value is read: a date as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (or a
  year as a number), a strength as a number, ``unknown``, ``{min: N}``, ``{max: N}``,
  ``{min: N, max: M}`` or text such as ``up to 2,000``, a place as its name or a mapping, enums
  by value, lists as arrays; a value that may be missing may also be ``null``;
* the rules of single values: slugs, ISO 3166-1 alpha-3 codes (the pattern ``^[A-Z]{3}$``, not
  the list of codes), ISO 4217 currency codes (``^[A-Z]{3}$``), ISO 639-1 language codes
  (``^[a-z]{2}$``, not the list of languages), counts that must not be negative, coordinates in
  range, text that is not blank;
* the rules across the fields of a record that a schema can say: latitude and longitude given
  together, an instrument listed once, an approximate ceiling only with a ceiling;
* the earlier forms that the library still reads, marked ``deprecated``: an `Authority` may give
  a single ``instrument`` (text or null) instead of ``instruments``, but not both.

What it cannot say is left to `missionmodel validate` and the library (a code that names no
country, an end before a start, a reference to an undeclared actor or source, a duplicate id, a
day that a month does not have): a file the schema accepts may still be refused, but a file the
library accepts is never refused by the schema.

The schema uses only keywords that mean the same in draft 7, so that editors whose validator
follows draft 7 (the YAML language server, for one) give the same verdicts.

Example:
    >>> schema = mission_schema()
    >>> schema["$id"] == SCHEMA_ID, schema["$ref"]
    (True, '#/$defs/Mission')
    >>> schema["$defs"]["Contribution"]["required"]
    ['contributor', 'kind', 'status']
    >>> schema["$defs"]["MissionStatus"]["enum"][:3]
    ['proposed', 'authorized', 'deploying']
"""

from __future__ import annotations

import ast
import copy
import enum
import functools
import inspect
import itertools
import json
import re
import textwrap
from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["mission_schema", "schema_text", "SCHEMA_ID", "DIALECT"]

SCHEMA_ID = "urn:missionmodel:schema:mission"
"""The ``$id`` of the mission schema: a URN, since the schema is not published at an address."""

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The ``$schema`` of the mission schema: JSON Schema draft 2020-12."""

Schema = dict[str, Any]

# The characters that Python's str.isspace() (and so the library's "not blank" rule) counts as
# white space; written out because the \s of JSON Schema's regular expressions (ECMA-262) is not
# the same set.
_SPACE = r"\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_NOT_BLANK = f"[^{_SPACE}]"
_SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*"
_CODE = "[A-Z]{3}"


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _nullable(schema: Schema) -> Schema:
    """``schema`` or null: the form of a field that may be None."""
    kind = schema.get("type")
    if isinstance(kind, str) and "enum" not in schema and "const" not in schema:
        return {**schema, "type": [kind, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


# --- docstrings ---------------------------------------------------------------------------------

_SECTION = re.compile(r"^[A-Z][A-Za-z ]*:$")


def _plain(text: str) -> str:
    """Docstring markup as plain text: ``code`` and `reference` become `code`."""
    return re.sub(r"``([^`]+)``", r"`\1`", " ".join(text.split()))


def _prose(cls: type) -> str:
    """The paragraphs of a docstring before its first section (Attributes, Example, ...)."""
    paragraphs: list[list[str]] = [[]]
    for line in (inspect.getdoc(cls) or "").splitlines():
        if _SECTION.match(line):
            break
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join(_plain(" ".join(lines)) for lines in paragraphs if lines)


def _attribute_docs(cls: type) -> dict[str, str]:
    """The descriptions of the fields in a Google-style docstring's ``Attributes:`` section."""
    found: dict[str, list[str]] = {}
    inside = False
    current: list[str] | None = None
    for line in (inspect.getdoc(cls) or "").splitlines():
        if not inside:
            inside = line.strip() == "Attributes:"
            continue
        if line.strip() and not line.startswith(" "):
            break  # the next section
        entry = re.match(r"^    (\w+)(?: \([^)]*\))?: ?(.*)$", line)
        if entry:
            current = found.setdefault(entry.group(1), [])
            current.append(entry.group(2))
        elif current is not None and line.strip():
            current.append(line.strip())
    return {name: _plain(" ".join(words)) for name, words in found.items()}


def _member_docs(cls: type[enum.Enum]) -> dict[str, str]:
    """The docstrings written under an enum's members (read from its source; empty if there is none)."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # pragma: no cover - no source (a frozen application)
        return {}
    found: dict[str, str] = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        body = node.body
        for statement, following in itertools.pairwise(body):
            if (
                isinstance(statement, ast.Assign)
                and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                found[statement.targets[0].id] = _plain(following.value.value)
    return found


# --- the rules of single values -----------------------------------------------------------------


def _own_rules() -> dict[Callable[..., Any], Schema]:
    """What each field rule of the model (`missionmodel._checks.checked`) says in a schema."""
    from ._checks import check_slug, check_url
    from ._fields import check_country
    from .actor import check_actor_id
    from .budget import check_currency
    from .place import _check_latitude, _check_longitude
    from .sources import check_language

    return {
        check_slug: _ref("Slug"),
        check_country: _ref("CountryCode"),
        check_actor_id: _ref("ActorId"),
        check_url: _ref("Url"),
        check_currency: _ref("Currency"),
        check_language: _ref("Language"),
        _check_latitude: {"minimum": -90, "maximum": 90},
        _check_longitude: {"minimum": -180, "maximum": 180},
    }


def _bounds_of(check: Callable[..., Any]) -> tuple[int, int | None] | None:
    """The ``(minimum, maximum)`` of a rule made by `missionmodel._checks.at_least`, or None.

    Read from the rule's closure, where `at_least` keeps them; the tests check each against what
    the rule does at its bounds.
    """
    code = getattr(check, "__code__", None)
    cells = getattr(check, "__closure__", None)
    if code is None or cells is None or getattr(check, "__qualname__", "") != "at_least.<locals>.check":
        return None
    values = dict(zip(code.co_freevars, (cell.cell_contents for cell in cells), strict=True))
    minimum, maximum = values.get("minimum"), values.get("maximum")
    if not isinstance(minimum, int) or not (maximum is None or isinstance(maximum, int)):
        return None  # pragma: no cover - at_least always keeps ints
    return minimum, maximum


def _rule_schema(check: Callable[..., Any]) -> Schema | None:
    """What the field rule ``check`` says in a schema, or None for a rule the schema cannot say."""
    known = _own_rules().get(check)
    if known is not None:
        return known
    bounds = _bounds_of(check)
    if bounds is None:
        return None
    minimum, maximum = bounds
    return {"minimum": minimum} if maximum is None else {"minimum": minimum, "maximum": maximum}


# --- the builder --------------------------------------------------------------------------------


class _Builder:
    """Walks the model from `Mission` and collects a ``$defs`` entry per record class, enum and value."""

    def __init__(self) -> None:
        from ._engine import INT_DIGITS

        self.defs: dict[str, Schema] = {}
        self.most_int = 10**INT_DIGITS - 1
        """The largest int a field may hold (and the smallest, negated)."""

    def value_defs(self) -> None:
        from ._checks import MOST_PERSONNEL
        from .dates import PartialDate
        from .strength import FORMS, Strength

        self.defs["Text"] = {
            "title": "Text",
            "description": "Text that is not empty and not only white space.",
            "type": "string",
            "minLength": 1,
            "pattern": _NOT_BLANK,
        }
        self.defs["Slug"] = {
            "title": "Slug",
            "description": "A lower-case slug of letters, digits and hyphens, such as `unifil` or `board-of-peace`.",
            "type": "string",
            "pattern": f"^{_SLUG}$",
        }
        self.defs["CountryCode"] = {
            "title": "Country code",
            "description": "An ISO 3166-1 alpha-3 code such as `LBN` (`XKX` for Kosovo; former states such as `YUG`"
            " too). The schema checks the form only; `missionmodel validate` checks that the code names a country.",
            "type": "string",
            "pattern": f"^{_CODE}$",
        }
        self.defs["ActorId"] = {
            "title": "Actor id",
            "description": "A state's ISO 3166-1 alpha-3 code (such as `IDN`), or the slug id of an actor declared"
            " in the mission's `actors` (such as `board-of-peace`).",
            "type": "string",
            "pattern": f"^(?:{_SLUG}|{_CODE})$",
        }
        self.defs["Currency"] = {
            "title": "Currency",
            "description": "An ISO 4217 currency code of three capital letters, such as `USD` or `EUR`.",
            "type": "string",
            "pattern": f"^{_CODE}$",
        }
        self.defs["Language"] = {
            "title": "Language",
            "description": "An ISO 639-1 language code in lower case, such as `en` or `fr`. The schema checks the"
            " form only; `missionmodel validate` checks that the code names a language.",
            "type": "string",
            "pattern": "^[a-z]{2}$",
        }
        self.defs["Url"] = {
            "title": "URL",
            "description": "An address starting with http:// or https://.",
            "type": "string",
            "pattern": "^https?://",
        }
        day = f"[{_SPACE}]*(?!0000)[0-9]{{4}}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?[{_SPACE}]*"
        self.defs["PartialDate"] = {
            "title": "Date",
            "description": _prose(PartialDate).split("\n\n")[0]
            + " Write it as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (quoted in YAML), or a year as a number.",
            "anyOf": [
                {"type": "string", "pattern": f"^{day}$"},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ],
        }
        count = {"type": "integer", "minimum": 0, "maximum": MOST_PERSONNEL}
        self.defs["Strength"] = {
            "title": "Strength",
            "description": _prose(Strength).split("\n\n")[0]
            + " Write a number for an exact figure; `unknown` when no number was given; `{max: N}` for"
            " 'up to N', `{min: N}` for 'at least N', `{min: N, max: M}` for a range; or the same as text:"
            " `up to 2,000`, `at least 500`, `5,000 to 8,000`.",
            "anyOf": [
                {**count, "description": "An exact number of personnel."},
                {
                    "type": "object",
                    "description": "A range: `min` (at least; 0 if left out) and `max` (up to; no upper bound if left"
                    " out or null); at least one of them is a number.",
                    "properties": {
                        "min": {**count, "description": "The smallest number reported."},
                        "max": _nullable({**count, "description": "The largest number reported."}),
                    },
                    "additionalProperties": False,
                    "anyOf": [{"required": ["min"]}, {"required": ["max"], "properties": {"max": {"type": "integer"}}}],
                },
                {
                    "type": "string",
                    "description": f"As people write it: {FORMS}; also 'at most 2,000', 'more than 500', 'between 5,000"
                    " and 8,000', whatever the case.",
                    "pattern": _strength_pattern(),
                },
            ],
        }
        self.defs["ApproximateStrength"] = {
            "title": "Strength, or an approximate number",
            "description": "A strength (see `Strength`), or a number or range given as approximate, such as"
            " 'about 800' or 'around 5,000 to 8,000': read as the number, with `approximate: true`.",
            "anyOf": [
                _ref("Strength"),
                {
                    "type": "string",
                    "description": "An approximate number, such as 'about 800'.",
                    "pattern": _strength_pattern(True),
                },
            ],
        }

    def schema_of(self, tp: Any, rule: Callable[..., Any] | None) -> Schema:
        """The schema of a value of type ``tp`` with the field rule ``rule`` (applied to each item of a list)."""
        from ._engine import _element, _optional
        from .dates import PartialDate
        from .place import Place
        from .strength import Strength

        inner = _optional(tp)
        if inner is not None:
            return _nullable(self.schema_of(inner, rule))
        element = _element(tp)
        if element is not None:
            return {"type": "array", "items": self.schema_of(element, rule)}
        said = _rule_schema(rule) if rule is not None else None
        if tp is str:
            return said if said is not None and "$ref" in said else _ref("Text")
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            schema: Schema = {"type": "integer", "minimum": -self.most_int, "maximum": self.most_int}
            return {**schema, **(said or {})}
        if tp is float:
            return {"type": "number", **(said or {})}
        if tp is PartialDate:
            return _ref("PartialDate")
        if tp is Strength:
            return _ref("Strength")
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            self.enum_def(tp)
            return _ref(tp.__name__)
        if tp is Place:
            self.place_def()
            return _ref("Place")
        if isinstance(tp, type) and attrs.has(tp):
            self.record_def(tp)
            return _ref(tp.__name__)
        raise TypeError(f"no schema for the field type {tp!r}")  # pragma: no cover - the model has no such fields

    def enum_def(self, cls: type[enum.Enum]) -> None:
        if cls.__name__ in self.defs:
            return
        docs = _member_docs(cls)
        schema: Schema = {
            "title": cls.__name__,
            "description": _prose(cls),
            "type": "string",
            "enum": [member.value for member in cls],
        }
        if docs:
            # Shown by editors beside each value (a keyword of VS Code's and the YAML language server's).
            schema["enumDescriptions"] = [docs.get(member.name, "") for member in cls]
        self.defs[cls.__name__] = schema

    def place_def(self) -> None:
        from .place import Place

        if "Place" in self.defs:
            return
        self.defs["Place"] = {}  # claimed before its fields are walked
        fields = {"description": "A place with its country or coordinates.", **self.object_schema(Place)}
        self.defs["Place"] = {
            "title": "Place",
            "description": _prose(Place).split("\n\n")[0] + " Write its name, or a mapping of `name`, `country`,"
            " `latitude` and `longitude`.",
            "anyOf": [{**_ref("Text"), "description": "A place known only by its name."}, fields],
        }

    def record_def(self, cls: type) -> None:
        if cls.__name__ in self.defs:
            return
        self.defs[cls.__name__] = {}  # claimed before its fields are walked
        schema = self.object_schema(cls)
        self.defs[cls.__name__] = {"title": cls.__name__, "description": _prose(cls), **schema}

    def object_schema(self, cls: type) -> Schema:
        """The mapping form of a record class: its fields, the required ones, and no other key."""
        from ._checks import CHECK
        from ._converter import _approximate_field, converter
        from ._engine import _optional, spec_of

        spec = spec_of(cls)  # resolves the field types
        docs = _attribute_docs(cls)
        approximate = _approximate_field(cls)  # "about 800" reads there, setting `approximate`
        properties: dict[str, Schema] = {}
        for attribute, field in zip(attrs.fields(cls), spec.fields, strict=True):
            if field.name == approximate:
                schema = _ref("ApproximateStrength")
                if _optional(field.type) is not None:
                    schema = _nullable(schema)
            else:
                schema = dict(self.schema_of(field.type, attribute.metadata.get(CHECK)))
            if field.name in docs:
                schema["description"] = docs[field.name]
            default = attribute.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            if default is not attrs.NOTHING and default is not None and default != ():
                schema["default"] = converter.unstructure(default)
            properties[field.name] = schema
        said = [part for check in getattr(cls, "__record_checks__", ()) for part in _record_rules().get(check, ())]
        for old in _old_keys().get(cls.__name__, ()):
            properties[old.key] = {**self.schema_of(old.type, None), "description": old.description, "deprecated": True}
            said.append({"not": {"required": [old.key, old.field]}})
        required = [field.name for field in spec.fields if field.required]
        schema = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        if said:
            schema["allOf"] = said
        return schema


@attrs.frozen
class _OldKey:
    """A key of an earlier form of a record that the library still reads (see ``_OLD_FORMS`` in `missionmodel._converter`).

    Attributes:
        key: The old key (``instrument``).
        field: The field it is read into (``instruments``); a mapping gives one or the other.
        type: The type of the old key's value.
        description: What to write instead, for the schema's description.
    """

    key: str
    field: str
    type: Any
    description: str


def _old_keys() -> dict[str, tuple[_OldKey, ...]]:
    """The keys of earlier forms, by class name: one entry per class of ``_converter._OLD_FORMS``."""
    return {
        "Authority": (
            _OldKey(
                key="instrument",
                field="instruments",
                type=str | None,
                description="Deprecated: write `instruments`, a list. The one instrument, as files written before"
                " `instruments` existed give it; read as `instruments: [instrument]` (null as none). Give"
                " `instrument` or `instruments`, not both.",
            ),
        ),
    }


def _record_rules() -> dict[Any, list[Schema]]:
    """What the checks across fields (``__record_checks__``) that a schema can say say in one."""
    from .mandate import _ceiling_if_approximate, _each_instrument_once
    from .place import _both_coordinates

    return {
        _both_coordinates: [_together("latitude", "longitude"), _together("longitude", "latitude")],
        _each_instrument_once: [{"properties": {"instruments": {"uniqueItems": True}}}],
        _ceiling_if_approximate: [
            {
                "if": {"required": ["approximate"], "properties": {"approximate": {"enum": [True]}}},
                "then": {
                    "required": ["authorized_strength"],
                    "properties": {"authorized_strength": {"type": ["integer", "object", "string"]}},
                },
            }
        ],
    }


def _together(given: str, needed: str) -> Schema:
    """A mapping that gives ``given`` (not null) gives ``needed`` (not null) too."""
    return {
        "if": {"required": [given], "properties": {given: {"type": "number"}}},
        "then": {"required": [needed], "properties": {needed: {"type": "number"}}},
    }


_FOLDS = {"i": "\\u0130\\u0131", "k": "\\u212a", "s": "\\u017f"}
"""The letters other than A to Z that Python's case-insensitive matching takes for these: the
parser of strengths reads "unknown" with a Kelvin sign (U+212A) as "unknown", so the schema must too."""


def _strength_pattern(approximate: bool = False) -> str:
    r"""The strengths written as text that the library reads ("up to 2,000"), as a schema's pattern.

    Made from the parser's own grammar (`missionmodel.strength._text_pattern`), then written so
    that a JavaScript engine reads it as Python does: white space is Python's (not ECMA-262's
    ``\s``), a letter matches what Python's case-insensitive matching takes for it, and no
    character is escaped that ECMA-262 forbids escaping (``\~``).

    Args:
        approximate: Also the approximate forms ("about 800") that a personnel figure reads.
    """
    from .strength import _text_pattern

    pattern = _text_pattern(approximate)
    pattern = re.sub(r"(?<!\\)\\s", lambda _: f"[{_SPACE}]", pattern)
    pattern = re.sub(
        r"\[([a-z])([A-Z])\]",
        lambda found: f"[{found[1]}{found[2]}{_FOLDS.get(found[1], '')}]" if found[2] == found[1].upper() else found[0],
        pattern,
    )
    return re.sub(r"\\([~#&])", r"\1", pattern)


def _build() -> Schema:
    from .mission import Mission

    builder = _Builder()
    builder.value_defs()
    builder.record_def(Mission)
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": "missionmodel mission",
        "description": "A mission file of missionmodel, in YAML or JSON: one `Mission` in the form that"
        " `missionmodel.load` reads. Generated from the model by `missionmodel.schema.mission_schema()`"
        " (`missionmodel schema`); do not edit by hand.",
        "$ref": "#/$defs/Mission",
        "$defs": dict(sorted(builder.defs.items())),
    }


@functools.cache
def _cached() -> Schema:
    return _build()


def mission_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a mission file, generated from the model.

    The schema is built once; each call returns a fresh deep copy, which the caller may change.

    Returns:
        The schema as plain data (dicts, lists, strings, numbers and booleans), ready for
        ``json.dump``; its ``$id`` is `SCHEMA_ID` and its ``$defs`` hold one entry per record
        class and enum.

    Example:
        >>> import json
        >>> schema = mission_schema()
        >>> schema["$defs"]["Mission"]["additionalProperties"]
        False
        >>> schema["$defs"]["Contribution"]["properties"]["contributor"]["description"]
        'Actor id of the contributor; a state is its ISO 3166-1 alpha-3 code.'
    """
    return copy.deepcopy(_cached())


@functools.cache
def schema_text() -> str:
    """Return the schema as JSON text: indented by 2, UTF-8 characters kept, ending in a newline.

    This is the text of ``missionmodel/data/mission.schema.json``, shipped with the package.
    """
    return json.dumps(_cached(), indent=2, ensure_ascii=False) + "\n"
