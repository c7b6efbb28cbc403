"""Private engine: the one cattrs converter, built once, with every hook registered here.

Canonical form:

* enums by value, dates as ISO text;
* an exact `Strength` as a plain int, others as ``{"min": .., "max": ..}`` or ``"unknown"``;
* a `Place` known only by its name as that name, others as a mapping (plain text reads as a
  place known only by its name);
* numbers (coordinates) as JSON numbers, an int read as a float;
* ``None`` and empty collections left out, keys in field order;
* unknown keys rejected.

Structuring errors are turned into `ErrorDetail` objects with paths such as
``contributions[2].strength`` and the check's own message.
"""

from __future__ import annotations

import datetime
import enum
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._checks import describe, did_you_mean, enum_message, label, own_checks
from .dates import PartialDate
from .exceptions import ErrorDetail, ValidationError
from .mission import Mission, mission_problems
from .place import Place
from .strength import Strength


class _LeafError(ValueError):
    """A value that cannot be read as its field's type; the message is a predicate (``must be ...``)."""


def _structure_str(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise _LeafError(f"must be str (got {describe(value)})")
    if not value.strip():
        raise _LeafError("must not be empty")
    return value


def _structure_int(value: Any, _: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _LeafError(f"must be int (got {describe(value)})")
    return value


def _structure_bool(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        raise _LeafError(f"must be true or false (got {describe(value)})")
    return value


def _structure_float(value: Any, _: Any) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise _LeafError(f"must be a number (got {describe(value)})")
    return float(value)


def _structure_enum(value: Any, enum_type: type[enum.Enum]) -> enum.Enum:
    try:
        return enum_type(value)
    except (ValueError, TypeError):
        raise _LeafError(enum_message(enum_type, value)) from None


def _structure_date(value: Any, _: Any) -> PartialDate:
    if isinstance(value, (datetime.date, str)) or (isinstance(value, int) and not isinstance(value, bool)):
        try:
            return PartialDate.coerce(value)
        except ValidationError as error:
            raise _LeafError("; ".join(detail.message for detail in error.errors)) from None
    raise _LeafError(f"must be a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (got {describe(value)})")


def _structure_strength(value: Any, _: Any) -> Strength:
    try:
        return Strength.coerce(value)
    except ValidationError as error:
        raise _LeafError("; ".join(detail.message for detail in error.errors)) from None


def _place_hook_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any, Any], Place]:
    record = _record_hook_factory(cls, converter)

    def structure_place(value: Any, _: Any) -> Place:
        if isinstance(value, str):
            try:
                return Place.coerce(value)
            except ValidationError as error:
                raise _LeafError("; ".join(detail.message for detail in error.errors)) from None
        if not isinstance(value, Mapping):
            raise _LeafError(f"must be a place name or a mapping of Place fields (got {describe(value)})")
        place: Place = record(value, cls)
        return place

    return structure_place


def _unstructure_place_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any], Any]:
    record = _unstructure_record_factory(cls, converter)

    def unstructure_place(place: Place) -> str | dict[str, Any]:
        return place.name if place.is_name_only else record(place)

    return unstructure_place


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(tp: Any, converter: cattrs.Converter) -> Callable[[Any, Any], tuple[Any, ...]]:
    element_type = typing.get_args(tp)[0]
    element_hook = converter.get_structure_hook(element_type)
    element_name = getattr(element_type, "__name__", str(element_type))

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise _LeafError(f"must be a list of {element_name} (got {describe(value)})")
        items: list[Any] = []
        problems: list[ErrorDetail] = []
        for index, item in enumerate(value):
            try:
                items.append(element_hook(item, element_type))
            except Exception as error:  # noqa: BLE001 - every problem is reported with its path
                problems.extend(detail.under(f"[{index}]") for detail in _details(error))
        if problems:
            raise ValidationError(problems)
        return tuple(items)

    return structure_tuple


def _record_hook_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    name = cls.__name__

    def structure_record(value: Any, _: Any) -> Any:
        if not isinstance(value, Mapping):
            raise _LeafError(f"must be a mapping of {name} fields (got {describe(value)})")
        missing = [field.name for field in attrs.fields(cls) if field.default is attrs.NOTHING and field.name not in value]
        try:
            return generated(value, cls)
        except ClassValidationError as error:
            problems = _details(error, missing)
            # The fields' own checks (ids, codes) run on what was given, even though the
            # record as a whole could not be built.
            reported = {problem.path for problem in problems}
            for field_name, check in own_checks(cls):
                if field_name in value and field_name not in reported:
                    check(value[field_name], field_name, problems)
            if cls is Mission:
                problems = _with_mission_problems(value, problems)
            raise ValidationError(problems, subject=name) from None

    return structure_record


def _with_mission_problems(document: Mapping[str, Any], problems: list[ErrorDetail]) -> list[ErrorDetail]:
    """Run the mission-wide checks on the records that could be read, so they are reported too."""
    values: dict[str, Any] = {}
    for field in attrs.fields(Mission):
        if field.name not in document:
            continue
        raw = document[field.name]
        if _is_homogeneous_tuple(field.type) and isinstance(raw, (list, tuple)):
            element_type = typing.get_args(field.type)[0]
            hook = converter.get_structure_hook(element_type)
            salvaged: list[Any] = []
            for item in raw:
                try:
                    salvaged.append(hook(item, element_type))
                except Exception:  # noqa: BLE001 - already reported above
                    # Keep the raw fields so that its references and citations are checked too.
                    salvaged.append(_raw_record(item))
            values[field.name] = salvaged
        else:
            values[field.name] = raw
    known = {p.path for p in problems}
    extra = [p for p in mission_problems(values) if p.path not in known]
    order = {name: index for index, name in enumerate(attrs.fields_dict(Mission))}

    def document_order(problem: ErrorDetail) -> tuple[int, int]:
        head = re.match(r"([a-z_]+)(?:\[(\d+)\])?", problem.path)
        if not head:
            return (len(order), 0)
        return (order.get(head.group(1), len(order)), int(head.group(2) or 0))

    return sorted(problems + extra, key=document_order)


def _raw_record(item: Any) -> Any:
    """A stand-in for a record that could not be read, exposing its raw fields as attributes."""
    if not isinstance(item, Mapping):
        return None
    fields = {str(key): tuple(value) if isinstance(value, list) else value for key, value in item.items()}
    return types.SimpleNamespace(**fields)


def _details(error: BaseException, missing: list[str] | None = None) -> list[ErrorDetail]:
    """Flatten an exception raised while structuring into path-qualified problems."""
    if isinstance(error, ValidationError):
        return list(error.errors)
    if isinstance(error, _LeafError):
        return [ErrorDetail(path="", message=str(error))]
    if isinstance(error, ClassValidationError):
        problems: list[ErrorDetail] = []
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            problems.extend(_attribute_details(sub, note, missing or []))
        for sub in without:
            if isinstance(sub, ForbiddenExtraKeysError):
                allowed = [field.name for field in attrs.fields(typing.cast(Any, sub.cl))]
                for key in sorted(sub.extra_fields, key=str):
                    problems.append(ErrorDetail(path=str(key), message=f"unknown key {key!r}{did_you_mean(str(key), allowed)}"))
            else:
                problems.extend(_details(sub))
        return problems
    if isinstance(error, IterableValidationError):  # pragma: no cover - tuples use our own hook
        problems = []
        iterable_notes, others = error.group_exceptions()
        for sub, iterable_note in iterable_notes:
            problems.extend(detail.under(f"[{iterable_note.index}]") for detail in _details(sub))
        for sub in others:
            problems.extend(_details(sub))
        return problems
    return [ErrorDetail(path="", message=f"could not be read: {error}")]


def _attribute_details(error: BaseException, note: AttributeValidationNote, missing: list[str]) -> list[ErrorDetail]:
    if isinstance(error, KeyError) and note.name in missing:
        return [ErrorDetail(path=note.name, message=f"'{note.name}' is required")]
    problems = []
    for detail in _details(error):
        if not detail.path:
            detail = ErrorDetail(path="", message=f"{label(note.name)} {detail.message}")
        problems.append(detail.under(note.name))
    return problems


def _unstructure_record_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    overrides: dict[str, Any] = {
        field.name: override(omit_if_default=False) for field in attrs.fields(cls) if field.type is Strength
    }
    generated: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True, **overrides
    )
    return generated


def _build() -> cattrs.Converter:
    made = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    made.register_structure_hook(str, _structure_str)
    made.register_structure_hook(int, _structure_int)
    made.register_structure_hook(float, _structure_float)
    made.register_structure_hook(bool, _structure_bool)
    made.register_structure_hook(PartialDate, _structure_date)
    made.register_structure_hook(Strength, _structure_strength)
    made.register_structure_hook_func(lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum)
    made.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory)
    made.register_structure_hook_factory(lambda t: attrs.has(t) and t not in (PartialDate, Strength, Place), _record_hook_factory)
    made.register_structure_hook_factory(lambda t: t is Place, _place_hook_factory)
    made.register_unstructure_hook(PartialDate, str)
    made.register_unstructure_hook(Strength, Strength._to_canonical)
    made.register_unstructure_hook_factory(
        lambda t: attrs.has(t) and t not in (PartialDate, Strength, Place), _unstructure_record_factory
    )
    made.register_unstructure_hook_factory(lambda t: t is Place, _unstructure_place_factory)
    return made


converter = _build()
"""The module-level converter used by every serialisation function."""
