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
into dates and enums; numbers, text ("up to 2,000") and mappings (``{max: 2000}``) into strengths
(`Strength.coerce`; in a record that has ``approximate``, "about 800" sets it); numbers and
mappings into places; lists into tuples and mappings into records; and leave anything they cannot
read unchanged. The records are then built, and `missionmodel._engine` runs the same rules as when
a record is built in code, so that a bad value gets the same message either way, with its path
(``contributions[2].strength``).
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
from .strength import Strength, _approximate

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
    made = None
    if kind is int:
        made = Strength._checked_range(value, value)
    elif kind is dict and value.keys() <= _RANGE_KEYS:
        if "min" in value:
            made = Strength._checked_range(value["min"], value.get("max"))
        elif value.get("max") is not None:  # {max: N}: up to N
            made = Strength._checked_range(0, value["max"])
    if made is not None:
        return made
    try:
        return Strength.coerce(value)  # text ("up to 2,000"), and every problem explained
    except ValidationError:
        return value  # reported by the field's check


def _approximate_field(cls: type) -> str | None:
    """The strength field of a record class that can mark it approximate (``approximate: bool``), or None.

    `PersonnelFigure` is such a class: in its documents, ``strength: about 800`` reads as
    ``strength: 800`` with ``approximate: true``; so is `Mandate`, whose optional
    ``authorized_strength: about 7,000`` reads so.
    """
    from ._engine import _optional

    attrs.resolve_types(cls)
    fields = attrs.fields_dict(cls)
    if "approximate" not in fields or fields["approximate"].type is not bool:
        return None
    found = [name for name, field in fields.items() if field.type is Strength or _optional(field.type) is Strength]
    return found[0] if len(found) == 1 else None


def _read_approximate(data: Any, name: str) -> Any:
    """``data`` with an approximate strength ("about 800") read as the number and ``approximate: true``.

    Anything else is returned as it is: a strength that is not approximate, and one that is
    while ``approximate`` is given as something other than true (for the record's checks to
    report; the strength's message says what to write).
    """
    text = data.get(name)
    if text.__class__ is not str:
        return data
    rest = _approximate(text)
    if rest is None or data.get("approximate", True) is not True:
        return data
    read = dict(data)
    read[name] = rest
    read["approximate"] = True
    return read


def _single_instrument(data: Any) -> Any:
    """An `Authority` written before ``instruments`` existed: ``instrument: X`` reads as ``instruments: [X]``.

    Only when ``instruments`` is not given too; otherwise the old key is left to be reported as
    unknown.
    """
    if "instrument" not in data or "instruments" in data:
        return data
    read = {("instruments" if key == "instrument" else key): value for key, value in data.items()}
    instrument = read["instruments"]
    read["instruments"] = [] if instrument is None else [instrument]
    return read


_OLD_FORMS: dict[str, Callable[[Any], Any]] = {"Authority": _single_instrument}
"""Earlier forms of a record class that documents may still use, by class name: each turns a
mapping in the old form into the current one (and leaves any other mapping as it is)."""


def _load_place(value: Any) -> Any:
    if isinstance(value, Mapping):
        return _engine.structure(Place, value, loader_for)
    try:
        return Place.coerce(value)
    except ValidationError:
        return value  # reported by the field's check


def _record_loader(cls: type) -> Loader:
    read = _engine.reader(cls, loader_for)
    approximate = _approximate_field(cls)
    old_form = _OLD_FORMS.get(cls.__name__)

    def load_record(value: Any) -> Any:
        if value.__class__ is dict or isinstance(value, Mapping):
            if approximate is not None:
                value = _read_approximate(value, approximate)
            if old_form is not None:
                value = old_form(value)
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
        return loader_for(cls)(data) if isinstance(data, Mapping) else _engine.reader(cls, loader_for)(data)
    except _engine.Broken as broken:
        raise ValidationError(broken.problems, subject=cls.__name__) from None


def _unstructure_place_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any], Any]:
    record = _unstructure_record_factory(cls, converter)

    def unstructure_place(place: Place) -> str | dict[str, Any]:
        return place.name if place.is_name_only else record(place)

    return unstructure_place


def _unstructure_record_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    # Field types are strings until resolved (the modules use postponed annotations): resolve them
    # here, or a class written out before any of its instances was built would not see its
    # Strength fields, and would leave out an unknown strength.
    attrs.resolve_types(cls)
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
