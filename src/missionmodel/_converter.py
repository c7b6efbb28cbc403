"""Private: the one cattrs converter, built once, with every hook registered here.

Canonical form:

* enums by value, dates as ISO text;
* an exact `Strength` as a plain int, others as ``{"min": .., "max": ..}`` or ``"unknown"``;
* a `Place` known only by its name as that name, others as a mapping (plain text reads as a
  place known only by its name);
* numbers (coordinates) as JSON numbers, an int read as a float;
* ``None`` and empty collections left out, keys in field order;
* unknown keys rejected.

Reading a document converts representations only: the **loaders** registered here turn text
into dates and enums, numbers and mappings into strengths and places, lists into tuples and
mappings into records, and leave anything they cannot read unchanged. The records are then built,
and `missionmodel._engine` runs the same rules as when a record is built in code, so that a bad
value gets the same message either way, with its path (``contributions[2].strength``).
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from . import _engine
from .dates import PartialDate
from .exceptions import ValidationError
from .place import Place, optional_float
from .strength import Strength

Loader = _engine.Loader


def _same(value: Any) -> Any:
    return value


def _load_float(value: Any) -> Any:
    return optional_float(value)


def _enum_loader(cls: type[enum.Enum]) -> Loader:
    members = {member.value: member for member in cls}

    def load_enum(value: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            return value  # reported by the field's check, with the allowed values

    return load_enum


@lru_cache(maxsize=16384)
def _date_from_text(text: str) -> PartialDate:
    return PartialDate.parse(text)


def _load_date(value: Any) -> Any:
    try:
        if value.__class__ is str:
            return _date_from_text(value)
        if isinstance(value, (datetime.date, int)) and not isinstance(value, bool):
            return PartialDate.coerce(value)
    except ValidationError:
        pass
    return value  # reported by the field's check, which explains why it is not a date


_RANGE_KEYS = frozenset({"min", "max"})


def _load_strength(value: Any) -> Any:
    kind = value.__class__
    if kind is int:
        made = Strength._checked_range(value, value)
    elif kind is dict and "min" in value and value.keys() <= _RANGE_KEYS:
        made = Strength._checked_range(value["min"], value.get("max"))
    else:
        made = None
    if made is not None:
        return made
    try:
        return Strength.coerce(value)
    except ValidationError:
        return value  # reported by the field's check


def _load_place(value: Any) -> Any:
    if isinstance(value, Mapping):
        return _engine.structure(Place, value, loader_for)
    try:
        return Place.coerce(value)
    except ValidationError:
        return value  # reported by the field's check


def _record_loader(cls: type) -> Loader:
    read = _engine.reader(cls, loader_for)

    def load_record(value: Any) -> Any:
        if value.__class__ is dict or isinstance(value, Mapping):
            return read(value)
        return value  # reported by the field's check

    return load_record


_LOADERS: dict[Any, Loader] = {
    str: _same,
    int: _same,
    bool: _same,
    float: _load_float,
    PartialDate: _load_date,
    Strength: _load_strength,
    Place: _load_place,
}
"""The loader of each leaf type; enums and record classes get theirs when first asked."""


def loader_for(tp: Any) -> Loader:
    """Return the loader of type ``tp``: what turns its representation in a document into it."""
    loader = _LOADERS.get(tp)
    if loader is None:
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            loader = _enum_loader(tp)
        elif attrs.has(tp):
            loader = _record_loader(tp)
        else:  # pragma: no cover - the model has no such fields
            raise TypeError(f"no loader for {tp!r}")
        _LOADERS[tp] = loader
    return loader


def _structure_record(data: Any, cls: type) -> Any:
    """Build a record from a document's data; every problem in one `ValidationError`."""
    try:
        return _engine.reader(cls, loader_for)(data)
    except _engine.Broken as broken:
        raise ValidationError(broken.problems, subject=cls.__name__) from None


def _unstructure_place_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any], Any]:
    record = _unstructure_record_factory(cls, converter)

    def unstructure_place(place: Place) -> str | dict[str, Any]:
        return place.name if place.is_name_only else record(place)

    return unstructure_place


def _unstructure_record_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    overrides: dict[str, Any] = {
        field.name: override(omit_if_default=False) for field in attrs.fields(cls) if field.type is Strength
    }
    generated: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True, **overrides
    )
    return generated


def _is_record(tp: Any) -> bool:
    return attrs.has(tp) and tp not in (PartialDate, Strength)


def _build() -> cattrs.Converter:
    made = cattrs.Converter()
    made.register_structure_hook_func(_is_record, _structure_record)
    made.register_unstructure_hook(PartialDate, str)
    made.register_unstructure_hook(Strength, Strength._to_canonical)
    made.register_unstructure_hook_factory(lambda t: _is_record(t) and t is not Place, _unstructure_record_factory)
    made.register_unstructure_hook_factory(lambda t: t is Place, _unstructure_place_factory)
    return made


converter = _build()
"""The module-level converter used by every serialisation function."""
