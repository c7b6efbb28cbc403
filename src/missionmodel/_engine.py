"""Private engine: one validator for every record class, compiled once per class.

A record class declares its rules beside its fields, and nowhere else:

* the field's **type**, from its annotation: ``str`` (non-empty text without lone surrogates),
  ``int`` (not bool, at most 15 digits), ``bool``, ``float`` (finite), an enum, a record or value
  class, ``X | None`` and ``tuple[X, ...]``;
* the field's **own check**, in its metadata (`checked`): a slug, a country code, a count; on a
  tuple field it checks each element;
* **checks across fields** (and, for a mission, across records), in the class attribute
  ``__record_checks__``: `RecordCheck` objects that name the fields they need.

From these the engine compiles two validators per class. The fast one is generated code that only
answers "valid or not" and builds no message; the detailed one runs only when the fast one says
no, and collects every problem with its path and the check's own words. Records call `validate`
from ``__attrs_post_init__``; loading (`structure`) converts representations only (text to dates
and enums, numbers to strengths, lists to tuples, mappings to records), through the loaders that
the serialisation layer registers, and hands the values to the same validators. So a bad value
gives the same message whether the record is built in code or loaded, and a document with several
problems reports them all at once: a record's checks across fields run whenever the fields they
need are readable, even when another field is not, and a mission's checks across records run on
the records that could be read.

The engine knows nothing of the domain classes: it works on any attrs class.
"""

from __future__ import annotations

import enum
import inspect
import math
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from ._checks import CHECK, Checker, as_tuple, describe, did_you_mean, label, must_be, quoted
from .exceptions import ErrorDetail, ValidationError

__all__ = [
    "INT_DIGITS",
    "Loader",
    "Partial",
    "RecordCheck",
    "structure",
    "validate",
]

INT_DIGITS = 15
"""The most digits an int field may have; larger numbers are refused (they are never real counts)."""
_INT_LIMIT = 10**INT_DIGITS - 1

Loader = Callable[[Any], Any]
"""Turns a value's representation in a document into the field's type, or returns it unchanged."""

RecordCheckFunction = Callable[[Any, list[ErrorDetail]], None]


@attrs.frozen(slots=True)
class RecordCheck:
    """A check across the fields of a record (or, for a mission, across its records).

    Attributes:
        needs: The fields it reads; it runs only when each of them passed its own checks.
        check: Appends its problems, with paths from the record, for a record or a `Partial`.
        partial: True when it can also run on a list of records some of which are broken (it
            then sees a `Partial`, or the raw value, in their place): a mission's checks across
            records run on what could be read.
        applies: Fields of which one must be set (not None) for the check to find anything; the
            fast validators skip it otherwise. Empty: it always runs.
    """

    needs: tuple[str, ...]
    check: RecordCheckFunction
    partial: bool = False
    applies: tuple[str, ...] = ()


def record_check(
    *needs: str, partial: bool = False, applies: tuple[str, ...] = ()
) -> Callable[[RecordCheckFunction], RecordCheck]:
    """Decorator: make a `RecordCheck` of a function that needs the fields ``needs``."""

    def make(function: RecordCheckFunction) -> RecordCheck:
        return RecordCheck(needs=tuple(needs), check=function, partial=partial, applies=applies)

    return make


class Partial:
    """A record that could not be built: the fields that could be read, as attributes.

    Given to the checks of the record that contains it (a mission's checks across records), so
    that the references and citations of a broken record are checked too. A field that could not
    be read is None.
    """

    __slots__ = ("_cls", "_values")

    def __init__(self, cls: type, values: Mapping[str, Any]) -> None:
        self._cls = cls
        self._values = dict(values)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            return None

    def __repr__(self) -> str:
        return f"<partial {self._cls.__name__}: {', '.join(self._values)}>"


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


MISSING: Any = _Missing()
"""The value of a required field that a document does not give."""


# --- text and numbers -----------------------------------------------------------------------


def _text_ok(value: str) -> bool:
    """True when non-ASCII text has no lone surrogate (it can be written as UTF-8)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_str(value: Any, path: str, problems: list[ErrorDetail]) -> None:
    """Text: a non-empty ``str`` that can be written as UTF-8."""
    if value.__class__ is not str and not isinstance(value, str):
        problems.append(must_be(path, "str", value))
    elif not value or value.isspace():
        problems.append(ErrorDetail(path=path, message=f"{label(path)} must not be empty"))
    elif not value.isascii() and not _text_ok(value):
        problems.append(
            ErrorDetail(path=path, message=f"{label(path)} must not contain a lone surrogate (got {describe(value)})")
        )


def check_int(value: Any, path: str, problems: list[ErrorDetail]) -> None:
    """A whole number (not a bool) of at most `INT_DIGITS` digits."""
    if not isinstance(value, int) or isinstance(value, bool):
        problems.append(must_be(path, "int", value))
    elif not -_INT_LIMIT <= value <= _INT_LIMIT:
        problems.append(
            ErrorDetail(path=path, message=f"{label(path)} must have at most {INT_DIGITS} digits (got {describe(value)})")
        )


def check_bool(value: Any, path: str, problems: list[ErrorDetail]) -> None:
    """True or false."""
    if not isinstance(value, bool):
        problems.append(must_be(path, "true or false", value))


def check_float(value: Any, path: str, problems: list[ErrorDetail]) -> None:
    """A finite number."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        problems.append(must_be(path, "a number", value))
    elif isinstance(value, float) and not math.isfinite(value):
        problems.append(ErrorDetail(path=path, message=f"{label(path)} must be a finite number (got {value!r})"))


# --- compiling a class ----------------------------------------------------------------------


def _enum_checker(cls: type[enum.Enum]) -> Checker:
    from ._checks import enum_message

    values = frozenset(member.value for member in cls)

    def check_enum(value: Any, path: str, problems: list[ErrorDetail]) -> None:
        if isinstance(value, cls):
            return
        if isinstance(value, typing.Hashable) and value in values:
            message = f"must be {cls.__name__}({quoted(value)}), not the plain {type(value).__name__} {quoted(value)}"
        else:
            message = enum_message(cls, value)
        problems.append(ErrorDetail(path=path, message=f"{label(path)} {message}"))

    return check_enum


def _instance_checker(cls: type) -> Checker:
    expected = cls.__name__ if getattr(cls, "coerce", None) is not None else f"{cls.__name__}, or a mapping of its fields"
    coerce = getattr(cls, "coerce", None)

    def check_instance(value: Any, path: str, problems: list[ErrorDetail]) -> None:
        if isinstance(value, cls):
            return
        if coerce is None and isinstance(value, Mapping):
            problems.append(
                ErrorDetail(
                    path=path,
                    message=f"{label(path)} must be {cls.__name__}, not a mapping: a mapping of its fields is read from"
                    f" documents only (from_dict, loads, load); in code, build {cls.__name__}(...) (got {describe(value)})",
                )
            )
            return
        if coerce is not None:
            # Explain why the value could not be read as the class (a malformed date, say).
            try:
                coerce(value)
            except ValidationError as error:
                problems.extend(ErrorDetail(path=path, message=f"{label(path)} {detail.message}") for detail in error.errors)
                return
            except Exception:  # noqa: BLE001 - any other failure is explained by the type message below
                pass
        problems.append(must_be(path, expected, value))

    return check_instance


def _optional(tp: Any) -> Any | None:
    """The X of ``X | None``, or None when ``tp`` is not optional."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if len(options) != 1:  # pragma: no cover - the model has no such fields
            raise TypeError(f"unsupported union {tp!r}")
        return options[0]
    return None


def _element(tp: Any) -> Any | None:
    """The X of ``tuple[X, ...]``, or None."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


_SCALARS: dict[Any, Checker] = {str: check_str, int: check_int, bool: check_bool, float: check_float}


def checker_for(tp: Any, own: Checker | None = None) -> Checker:
    """Return the detailed check of a field of type ``tp``: its type, then its own check if the type is right."""
    inner = _optional(tp)
    if inner is not None:
        check = checker_for(inner, own)

        def check_optional(value: Any, path: str, problems: list[ErrorDetail]) -> None:
            if value is not None:
                check(value, path, problems)

        return check_optional
    element_type = _element(tp)
    if element_type is not None:
        element = checker_for(element_type, own)
        element_name = _type_name(element_type)

        def check_tuple(value: Any, path: str, problems: list[ErrorDetail]) -> None:
            if not isinstance(value, tuple):
                problems.append(must_be(path, f"a list of {element_name}", value))
                return
            for index, item in enumerate(value):
                if isinstance(item, Partial):
                    continue  # reported where it was read
                element(item, f"{path}[{index}]", problems)

        return check_tuple
    if tp in _SCALARS:
        type_check = _SCALARS[tp]
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        type_check = _enum_checker(tp)
    elif isinstance(tp, type):
        type_check = _instance_checker(tp)
    else:  # pragma: no cover - the model has no such fields
        raise TypeError(f"unsupported field type {tp!r}")
    if own is None:
        return type_check
    own_check = own

    def check_field(value: Any, path: str, problems: list[ErrorDetail]) -> None:
        count = len(problems)
        type_check(value, path, problems)
        if len(problems) == count:
            own_check(value, path, problems)

    return check_field


def _type_name(tp: Any) -> str:
    if tp is float:
        return "number"
    return tp.__name__ if isinstance(tp, type) else str(tp).replace("typing.", "")


def _fast_test(tp: Any, var: str, names: dict[str, Any], own: str | None, path: str, fail: str = "return False") -> list[str]:
    """Lines of generated code that ``fail`` unless ``var`` certainly passes its checks."""
    inner = _optional(tp)
    if inner is not None:
        body = _fast_test(inner, var, names, own, path, fail)
        return [f"if {var} is not None:"] + ["    " + line for line in body]
    element_type = _element(tp)
    if element_type is not None:
        item = f"{var}_i"
        body = _fast_test(element_type, item, names, own, path, fail)
        return [f"if {var}.__class__ is not tuple: {fail}", f"for {item} in {var}:"] + ["    " + line for line in body]
    lines: list[str]
    passes = getattr(names.get(own), "__mm_passes__", None) if own is not None else None
    if tp is str and passes is not None and getattr(passes, "__mm_text__", False):
        lines = [f"if {var}.__class__ is not str:"]  # the rule's quick test admits only non-empty ASCII text
    elif tp is str:
        lines = [f"if {var}.__class__ is not str or not {var} or {var}.isspace() or not ({var}.isascii() or _text_ok({var})):"]
    elif tp is int:
        lines = [f"if {var}.__class__ is not int or not -{_INT_LIMIT} <= {var} <= {_INT_LIMIT}:"]
    elif tp is bool:
        lines = [f"if {var}.__class__ is not bool:"]
    elif tp is float:
        lines = [f"if {var}.__class__ is not float or not _isfinite({var}):"]
    else:
        key = f"_t{len(names)}"
        names[key] = tp
        lines = [f"if {var}.__class__ is not {key}:"]
    lines.append(f"    {fail}")
    if own is not None:
        passes = getattr(names[own], "__mm_passes__", None)
        if passes is not None:
            names[f"{own}_passes"] = passes
            lines.append(f"if not {own}_passes({var}): {fail}")
        else:
            lines += [f"{own}({var}, {path!r}, _p)", f"if _p: {fail}"]
    return lines


@attrs.frozen(slots=True)
class _Field:
    name: str
    index: int
    required: bool
    check: Checker
    type: Any


@attrs.frozen(slots=True)
class _Spec:
    cls: type
    fields: tuple[_Field, ...]
    by_name: Mapping[str, _Field]
    record_checks: tuple[RecordCheck, ...]
    fast: Callable[[Any], bool]


_SPECS: dict[type, _Spec] = {}
_FAST: dict[type, Callable[[Any], bool]] = {}


def spec_of(cls: type) -> _Spec:
    """Compile (once) and return the validators of the attrs class ``cls``."""
    spec = _SPECS.get(cls)
    if spec is None:
        spec = _SPECS[cls] = _compile(cls)
    return spec


def _compile(cls: type) -> _Spec:
    attrs.resolve_types(cls)
    names: dict[str, Any] = {"_text_ok": _text_ok, "_isfinite": math.isfinite}
    lines = ["def fast(o):", "    _p = []"]
    fields = []
    for index, field in enumerate(attrs.fields(cls)):
        own = field.metadata.get(CHECK)
        own_name = None
        if own is not None:
            own_name = f"_own{index}"
            names[own_name] = own
        lines.append(f"    v{index} = o.{field.name}")
        lines += ["    " + line for line in _fast_test(field.type, f"v{index}", names, own_name, field.name)]
        fields.append(
            _Field(
                name=field.name,
                index=index,
                required=field.default is attrs.NOTHING,
                check=checker_for(field.type, own),
                type=field.type,
            )
        )
    record_checks: tuple[RecordCheck, ...] = tuple(getattr(cls, "__record_checks__", ()))
    lines += _record_check_lines(record_checks, names, {field.name: f"v{i}" for i, field in enumerate(attrs.fields(cls))})
    lines.append("    return not _p")
    namespace: dict[str, Any] = dict(names)
    exec(compile("\n".join(lines), f"<missionmodel validator for {cls.__name__}>", "exec"), namespace)
    return _Spec(
        cls=cls,
        fields=tuple(fields),
        by_name={f.name: f for f in fields},
        record_checks=record_checks,
        fast=namespace["fast"],
    )


# --- validating -----------------------------------------------------------------------------


def _record_check_lines(checks: Sequence[RecordCheck], names: dict[str, Any], variables: Mapping[str, str]) -> list[str]:
    """Generated calls of the checks across fields; a check with ``applies`` runs only when one of those fields is set."""
    lines = []
    for number, check in enumerate(checks):
        names[f"_rc{number}"] = check.check
        call = f"_rc{number}(o, _p)"
        if check.applies:
            condition = " or ".join(f"{variables[name]} is not None" for name in check.applies)
            lines.append(f"    if {condition}: {call}")
        else:
            lines.append(f"    {call}")
    return lines


def problems_of(cls: type, record: Any) -> tuple[list[ErrorDetail], set[str]]:
    """Collect every problem of a record of ``cls`` (an instance or a `Partial`), in field order.

    Fields that are `MISSING` or a `Partial` were reported where they were read and are skipped;
    so are the checks across fields that need them. A list some of whose items are broken is
    still readable: checks across records run on it, and see the broken items as they are.

    Returns:
        The problems, and the names of the fields that could not be read.
    """
    spec = spec_of(cls)
    problems: list[ErrorDetail] = []
    unreadable: set[str] = set()
    partly: set[str] = set()
    for field in spec.fields:
        value = getattr(record, field.name)
        if value is MISSING or isinstance(value, Partial):
            unreadable.add(field.name)
            continue
        count = len(problems)
        field.check(value, field.name, problems)
        if len(problems) > count or (value.__class__ is tuple and any(isinstance(item, Partial) for item in value)):
            if value.__class__ is tuple and _element(_optional(field.type) or field.type) is not None:
                partly.add(field.name)  # a list stays readable when only some of its items are not
            else:
                unreadable.add(field.name)
    for check in spec.record_checks:
        if unreadable.intersection(check.needs) or (not check.partial and partly.intersection(check.needs)):
            continue
        check.check(record, problems)
    return problems, unreadable


def validate(record: Any) -> None:
    """Check a record that has just been built; raise `ValidationError` with every problem.

    Args:
        record: An instance of an attrs record class.

    Raises:
        ValidationError: If any rule fails.
    """
    cls = record.__class__
    fast = _FAST.get(cls)
    if fast is None:
        fast = _FAST[cls] = spec_of(cls).fast
    if fast(record):
        return
    spec = spec_of(cls)
    problems, _ = problems_of(cls, record)
    if problems:
        raise ValidationError(in_document_order(problems, spec), subject=cls.__name__)


def in_document_order(problems: Sequence[ErrorDetail], spec: _Spec) -> list[ErrorDetail]:
    """Sort problems by the field they are in (declaration order), then by index; stable otherwise."""
    order = spec.by_name

    def key(problem: ErrorDetail) -> tuple[int, int]:
        path = problem.path
        end = len(path)
        for stop in (".", "["):
            found = path.find(stop)
            if found != -1:
                end = min(end, found)
        field = order.get(path[:end])
        if field is None:
            return (-1 if not path else len(order), 0)
        index = 0
        if end < len(path) and path[end] == "[":
            close = path.find("]", end)
            digits = path[end + 1 : close]
            index = int(digits) if digits.isdigit() else 0
        return (field.index, index)

    return sorted(problems, key=key)


# --- loading --------------------------------------------------------------------------------


class Broken(Exception):
    """Part of a document that could not be built: what could be read of it, and its problems.

    Attributes:
        partial: A `Partial` for a record; for a list, the tuple of its items, with a `Partial`
            in place of each record that could not be built.
        problems: Every problem found, with paths from the part.
    """

    def __init__(self, partial: Any, problems: list[ErrorDetail]) -> None:
        super().__init__()
        self.partial = partial
        self.problems = problems


_FIELD_LOADERS: dict[type, dict[str, Loader]] = {}


def _field_loaders(cls: type, loader_for: Callable[[Any], Loader]) -> dict[str, Loader]:
    """Compile (once per class) the loader of each field, from the loaders of its types."""
    loaders = _FIELD_LOADERS.get(cls)
    if loaders is None:
        spec = spec_of(cls)
        loaders = _FIELD_LOADERS[cls] = {field.name: _compile_loader(field.type, loader_for) for field in spec.fields}
    return loaders


def _compile_loader(tp: Any, loader_for: Callable[[Any], Loader]) -> Loader:
    inner = _optional(tp)
    if inner is not None:
        load_inner = _compile_loader(inner, loader_for)

        def load_optional(raw: Any) -> Any:
            return None if raw is None else load_inner(raw)

        return load_optional
    element_type = _element(tp)
    if element_type is not None:
        load_element = _compile_loader(element_type, loader_for)

        def load_tuple(raw: Any) -> Any:
            if raw.__class__ is not list and raw.__class__ is not tuple:
                raw = as_tuple(raw)  # the same reading of other iterables as in code
                if raw.__class__ is not tuple:
                    return raw  # reported by the field's check
            items = []
            problems: list[ErrorDetail] = []
            for index, item in enumerate(raw):
                try:
                    items.append(load_element(item))
                except Broken as error:
                    items.append(error.partial)
                    problems.extend(detail.under(f"[{index}]") for detail in error.problems)
            if problems:
                raise Broken(tuple(items), problems)
            return tuple(items)

        return load_tuple

    return loader_for(tp)


def _leaf(tp: Any) -> Any:
    """The type inside ``X | None`` and ``tuple[X, ...]``."""
    inner = _optional(tp)
    if inner is not None:
        return _leaf(inner)
    element_type = _element(tp)
    return _leaf(element_type) if element_type is not None else tp


class _Slow(Exception):
    """The fast reader met something it does not handle: read the record again, slowly."""


_MAKERS: dict[type, Callable[[dict[str, Any]], Any]] = {}
_SAME_TYPES = (str, int, bool)


def _maker(cls: type, loader_for: Callable[[Any], Loader]) -> Callable[[dict[str, Any]], Any]:
    """Compile (once per class) a reader of a plain dict that builds and validates the record.

    For each field it converts the value with its loader, runs the same fast test as the
    class's validator and sets the field; then it runs the checks across fields. Anything
    unusual (an unknown or missing key, a value that fails a rule) raises `_Slow` (or
    `TypeError`, for an unhashable value), and the caller reads the record again with
    `_structure_slowly` to report every problem.
    """
    spec = spec_of(cls)
    names: dict[str, Any] = {
        "_C": cls,
        "_new": object.__new__,
        "_set": object.__setattr__,
        "_M": MISSING,
        "_Slow": _Slow,
        "_tuple": tuple,
        "_list": list,
        "_text_ok": _text_ok,
        "_isfinite": math.isfinite,
    }
    lines = ["def make(d):", "    n = len(d)", "    o = _new(_C)", "    get = d.get", "    _p = []"]
    for index, (attribute, field) in enumerate(zip(attrs.fields(cls), spec.fields, strict=True)):
        lines.append(f"    v = get({field.name!r}, _M)")
        lines.append("    if v is _M:")
        if field.required:
            lines.append("        raise _Slow")
        elif isinstance(attribute.default, attrs.Factory):  # type: ignore[arg-type]
            names[f"_f{index}"] = attribute.default.factory
            lines.append(f"        v = _f{index}()")
        else:
            names[f"_d{index}"] = attribute.default
            lines.append(f"        v = _d{index}")
        lines.append("    else:")
        lines.append("        n -= 1")
        leaf = _leaf(field.type)
        if _element(_optional(field.type) or field.type) is not None and leaf in _SAME_TYPES:
            lines.append("        if v.__class__ is _list: v = _tuple(v)")
        elif isinstance(leaf, type) and issubclass(leaf, enum.Enum) and _element(_optional(field.type) or field.type) is None:
            names[f"_e{index}"] = {member.value: member for member in leaf}
            lines.append(f"        v = _e{index}.get(v, v)")
        elif leaf not in _SAME_TYPES:
            names[f"_l{index}"] = _FIELD_LOADERS[cls][field.name]
            lines.append(f"        if v is not None: v = _l{index}(v)")
        own = attribute.metadata.get(CHECK)
        own_name = None
        if own is not None:
            own_name = f"_own{index}"
            names[own_name] = own
        test = _fast_test(field.type, "v", names, own_name, field.name, fail="raise _Slow")
        lines += ["        " + line for line in test]
        descriptor = inspect.getattr_static(cls, field.name, None)
        if descriptor is not None and hasattr(descriptor, "__set__"):
            names[f"_s{index}"] = descriptor.__set__  # a slot: set it directly, past the frozen __setattr__
            lines.append(f"    _s{index}(o, v)")
        else:  # pragma: no cover - every record class is slotted
            lines.append(f"    _set(o, {field.name!r}, v)")
    lines += ["    if n:", "        raise _Slow"]
    lines += _record_check_lines(spec.record_checks, names, {field.name: f"o.{field.name}" for field in spec.fields})
    lines += ["    if _p:", "        raise _Slow", "    return o"]
    namespace = dict(names)
    exec(compile("\n".join(lines), f"<missionmodel reader for {cls.__name__}>", "exec"), namespace)
    maker: Callable[[dict[str, Any]], Any] = namespace["make"]
    return maker


def structure(cls: type, data: Any, loader_for: Callable[[Any], Loader]) -> Any:
    """Build a record of ``cls`` from a mapping read from a document.

    Each value is converted by the loader of its field's type (``loader_for(type)``), then the
    record is built, which runs its rules. When something cannot be read, the record's rules
    still run on the rest, so that every problem is reported at once.

    Args:
        cls: The record class.
        data: The mapping.
        loader_for: Gives the loader of a type.

    Returns:
        The record.

    Raises:
        Broken: With the readable part of the record and every problem, paths from the record.
    """
    return reader(cls, loader_for)(data)


_READERS: dict[type, Loader] = {}


def reader(cls: type, loader_for: Callable[[Any], Loader]) -> Loader:
    """Return the reader of ``cls``: `structure` for that class, with its compiled reader bound."""
    found = _READERS.get(cls)
    if found is not None:
        return found
    state: dict[str, Any] = {}

    def read(data: Any) -> Any:
        make = state.get("make")
        if make is None:
            _field_loaders(cls, loader_for)
            make = state["make"] = _MAKERS.get(cls) or _MAKERS.setdefault(cls, _maker(cls, loader_for))
        if data.__class__ is dict:
            try:
                return make(data)
            except (_Slow, Broken, TypeError):
                pass  # something is wrong: read it again, slowly, to find every problem
        return _structure_slowly(cls, data, _FIELD_LOADERS[cls])

    _READERS[cls] = read
    return read


def _structure_slowly(cls: type, data: Any, loaders: dict[str, Loader]) -> Any:
    spec = spec_of(cls)
    if not isinstance(data, Mapping):
        message = f"must be {cls.__name__}, or a mapping of its fields (got {describe(data)})"
        raise Broken(Partial(cls, {}), [ErrorDetail(path="", message=message)])
    problems: list[ErrorDetail] = []
    values: dict[str, Any] = {}
    for key, raw in data.items():
        load = loaders.get(key) if isinstance(key, str) else None
        if load is None:
            problems.append(_unknown_key(key, spec))
            continue
        try:
            values[key] = load(raw)
        except Broken as error:
            values[key] = error.partial
            problems.extend(detail.under(key) for detail in error.problems)
    for attribute, field in zip(attrs.fields(cls), spec.fields, strict=True):
        if field.name in values:
            continue
        if field.required:
            values[field.name] = MISSING
            problems.append(ErrorDetail(path=field.name, message=f"'{field.name}' is required"))
        elif isinstance(attribute.default, attrs.Factory):  # type: ignore[arg-type]
            values[field.name] = attribute.default.factory()
        else:
            values[field.name] = attribute.default
    if not problems:
        try:
            return cls(**values)
        except ValidationError:
            pass  # the same rules, run again below on the values to learn what is readable
    found, unreadable = problems_of(cls, Partial(cls, values))
    problems.extend(found)
    if not problems:  # pragma: no cover - a record that no rule explains; never hidden
        problems.append(ErrorDetail(path="", message=f"could not be read as {cls.__name__}"))
    readable = {name: value for name, value in values.items() if name not in unreadable}
    raise Broken(Partial(cls, readable), in_document_order(problems, spec))


def _unknown_key(key: object, spec: _Spec) -> ErrorDetail:
    if isinstance(key, str):
        shown = key if len(key) <= 60 else key[:57] + "..."
        return ErrorDetail(path=shown, message=f"unknown key {shown!r}{did_you_mean(shown, spec.by_name)}")
    return ErrorDetail(path="", message=f"unknown key {describe(key)}; keys must be text")
