"""Private engine: the checks shared by every record class.

Records collect their problems into a list of `ErrorDetail` and raise one `ValidationError`
with all of them from ``__attrs_post_init__``. The same messages are produced when a record is
built in code and when it is loaded from a document.
"""

from __future__ import annotations

import difflib
import enum
import math
import re
import reprlib
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import attrs

from .exceptions import ErrorDetail, ValidationError

Checker = Callable[[Any, str, list[ErrorDetail]], None]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_ARTICLE_AN = ("a", "e", "i", "o", "u")

# Bounded repr for messages: a huge or deeply nested value is never rendered in full.
_SHORT = reprlib.Repr()
_SHORT.maxstring = 60
_SHORT.maxother = 60
_SHORT.maxlong = 40
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxdict = _SHORT.maxset = 4
_SHORT.maxlevel = 2


def describe(value: object) -> str:
    """Return ``repr(value) that is a <type>`` for messages, shortened when long."""
    text = _SHORT.repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    name = type(value).__name__
    article = "an" if name.lower().startswith(_ARTICLE_AN) else "a"
    return f"{text} that is {article} {name}"


def label(path: str) -> str:
    """Return the last segment of ``path`` quoted, as it is named in messages."""
    if not path:
        return "value"
    head, _, tail = path.rpartition(".")
    return f"'{tail or head}'"


def type_name(tp: Any) -> str:
    """Return a short readable name for a type used in a message."""
    if tp is str:
        return "str"
    if tp is int:
        return "int"
    if tp is float:
        return "number"
    if isinstance(tp, type):
        return tp.__name__
    return str(tp).replace("typing.", "")


def must_be(path: str, expected: str, value: object) -> ErrorDetail:
    """Build the standard type message: ``'x' must be <type> (got ... that is a ...)``."""
    return ErrorDetail(path=path, message=f"{label(path)} must be {expected} (got {describe(value)})")


def enum_message(enum_type: type[enum.Enum], value: object) -> str:
    """Return the message for a value that is not a member of ``enum_type``, listing the allowed ones."""
    allowed = [str(member.value) for member in enum_type]
    text = f"must be one of {', '.join(repr(a) for a in allowed)} (got {describe(value)})"
    if isinstance(value, str):
        close = difflib.get_close_matches(value.lower().replace(" ", "_").replace("-", "_"), allowed, n=1)
        if close:
            text += f"; did you mean {close[0]!r}?"
    return text


_Member = typing.TypeVar("_Member", bound=enum.Enum)


def member(enum_type: type[_Member], value: _Member | str, name: str) -> _Member:
    """Return ``value`` as a member of ``enum_type``, accepting its value as text (for query arguments).

    Raises:
        ValidationError: If ``value`` is neither a member nor a member's value; the path is ``name``.
    """
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(value)
    except (ValueError, TypeError):
        raise ValidationError([ErrorDetail(path=name, message=f"'{name}' {enum_message(enum_type, value)}")]) from None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ``"; did you mean 'x'?"`` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


@cache
def _enum_values(cls: type[enum.Enum]) -> frozenset[object]:
    return frozenset(member.value for member in cls)


def _check_str(value: Any, path: str, problems: list[ErrorDetail]) -> None:
    if not isinstance(value, str):
        problems.append(must_be(path, "str", value))
    elif not value.strip():
        problems.append(ErrorDetail(path=path, message=f"{label(path)} must not be empty"))


def _check_int(value: Any, path: str, problems: list[ErrorDetail]) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        problems.append(must_be(path, "int", value))


def _check_bool(value: Any, path: str, problems: list[ErrorDetail]) -> None:
    if not isinstance(value, bool):
        problems.append(must_be(path, "bool", value))


def _check_float(value: Any, path: str, problems: list[ErrorDetail]) -> None:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        problems.append(must_be(path, "a number", value))
    elif not math.isfinite(value):
        problems.append(ErrorDetail(path=path, message=f"{label(path)} must be a finite number (got {value!r})"))


def _instance_checker(cls: type) -> Checker:
    if issubclass(cls, enum.Enum):

        def check_enum(value: Any, path: str, problems: list[ErrorDetail]) -> None:
            if isinstance(value, cls):
                return
            if isinstance(value, typing.Hashable) and value in _enum_values(cls):
                message = f"must be {cls.__name__}({value!r}), not the plain {type(value).__name__} {value!r}"
            else:
                message = enum_message(cls, value)
            problems.append(ErrorDetail(path=path, message=f"{label(path)} {message}"))

        return check_enum

    expected = cls.__name__
    coerce = getattr(cls, "coerce", None)

    def check_instance(value: Any, path: str, problems: list[ErrorDetail]) -> None:
        if isinstance(value, cls):
            return
        if coerce is not None:
            # Explain why the value could not be read as the class (a malformed date, say).
            try:
                coerce(value)
            except ValidationError as error:
                problems.extend(ErrorDetail(path=path, message=f"{label(path)} {detail.message}") for detail in error.errors)
                return
        problems.append(must_be(path, expected, value))

    return check_instance


@cache
def checker_for(tp: Any) -> Checker:
    """Return a function that appends a problem when a value is not of type ``tp``.

    Supports ``str`` (non-empty), ``int`` (not bool), ``float`` (a finite int or float, not
    bool), enums, classes, ``X | None`` and ``tuple[X, ...]``.
    """
    if tp is str:
        return _check_str
    if tp is int:
        return _check_int
    if tp is bool:
        return _check_bool
    if tp is float:
        return _check_float
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if len(options) != 1:  # pragma: no cover - the model has no such fields
            raise TypeError(f"unsupported union {tp!r}")
        inner = checker_for(options[0])

        def check_optional(value: Any, path: str, problems: list[ErrorDetail]) -> None:
            if value is not None:
                inner(value, path, problems)

        return check_optional
    if origin is tuple:
        element_type = typing.get_args(tp)[0]
        element = checker_for(element_type)
        element_name = type_name(element_type)

        def check_tuple(value: Any, path: str, problems: list[ErrorDetail]) -> None:
            if not isinstance(value, tuple):
                problems.append(must_be(path, f"a list of {element_name}", value))
                return
            for index, item in enumerate(value):
                element(item, f"{path}[{index}]", problems)

        return check_tuple
    if isinstance(tp, type):
        return _instance_checker(tp)
    raise TypeError(f"unsupported field type {tp!r}")  # pragma: no cover


CHECK = "missionmodel.check"
"""Metadata key of a field's own check, run after its type check (see `checked`)."""


def checked(check: Checker) -> dict[str, Checker]:
    """Field metadata naming a check of the value itself (a slug, a country code, ...).

    The check runs when the record is built and, when a document is loaded, even if other
    fields of the record could not be read, so that every problem is reported at once.
    """
    return {CHECK: check}


def _with_own_check(type_check: Checker, own_check: Checker) -> Checker:
    def check(value: Any, path: str, problems: list[ErrorDetail]) -> None:
        count = len(problems)
        type_check(value, path, problems)
        if len(problems) == count:
            own_check(value, path, problems)

    return check


@cache
def _field_checkers(cls: type) -> tuple[tuple[str, Checker], ...]:
    attrs.resolve_types(cls)
    checkers = []
    for field in attrs.fields(cls):
        check = checker_for(field.type)
        if CHECK in field.metadata:
            check = _with_own_check(check, field.metadata[CHECK])
        checkers.append((field.name, check))
    return tuple(checkers)


def own_checks(cls: type) -> tuple[tuple[str, Checker], ...]:
    """Return ``(field name, check)`` for the fields of ``cls`` that have their own check."""
    return tuple((field.name, field.metadata[CHECK]) for field in attrs.fields(cls) if CHECK in field.metadata)


def type_problems(instance: Any) -> list[ErrorDetail]:
    """Return a problem for every field of an attrs ``instance`` whose value has the wrong type."""
    problems: list[ErrorDetail] = []
    cls: Any = type(instance)
    for name, check in _field_checkers(cls):
        check(getattr(instance, name), name, problems)
    return problems


def raise_if(problems: Sequence[ErrorDetail], subject: object) -> None:
    """Raise a `ValidationError` carrying ``problems`` (each reported once) if there are any."""
    if problems:
        raise ValidationError(dict.fromkeys(problems), subject=type(subject).__name__)


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Converter for collection fields: lists and other iterables become tuples.

    Strings, mappings, sets (which have no order, so no canonical form) and non-iterables are
    passed through unchanged so that the type check reports them with a clear message instead of
    exploding a string into characters.
    """
    if isinstance(value, tuple):
        return value
    if isinstance(value, (str, bytes, Mapping, set, frozenset)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # reported by the record's type check
    return tuple(value)


def check_slug(value: object, path: str, problems: list[ErrorDetail]) -> None:
    """Append a problem if ``value`` is a string but not a lower-case slug such as ``unifil``."""
    if isinstance(value, str) and value.strip() and not SLUG.match(value):
        problems.append(
            ErrorDetail(
                path=path,
                message=f"{label(path)} must be a lower-case slug of letters, digits and hyphens"
                f", such as 'unifil' (got {value!r})",
            )
        )


@cache
def at_least(minimum: int) -> Checker:
    """A field check that appends a problem when an int is below ``minimum``.

    Args:
        minimum: The smallest value allowed (0 for a count).
    """

    def check(value: Any, path: str, problems: list[ErrorDetail]) -> None:
        if isinstance(value, int) and not isinstance(value, bool) and value < minimum:
            rule = "must not be negative" if minimum == 0 else f"must be at least {minimum:,}"
            problems.append(ErrorDetail(path=path, message=f"{label(path)} {rule} (got {value:,})"))

    return check


def check_url(value: object, path: str, problems: list[ErrorDetail]) -> None:
    """Append a problem if ``value`` is a string that is not an http(s) address."""
    if isinstance(value, str) and not value.startswith(("http://", "https://")):
        problems.append(ErrorDetail(path=path, message=f"{label(path)} must start with http:// or https:// (got {value!r})"))


def check_unique(values: Iterable[tuple[str, object]], what: str, problems: list[ErrorDetail]) -> None:
    """Append a problem for each repeated id; ``values`` are ``(path, id)`` pairs."""
    seen: dict[object, str] = {}
    for path, value in values:
        if not isinstance(value, str):
            continue
        if value in seen:
            problems.append(ErrorDetail(path=path, message=f"duplicate {what} id {value!r} (first declared at {seen[value]})"))
        else:
            seen[value] = path
