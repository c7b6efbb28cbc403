"""Private: the rules shared by record classes, and the words of their messages.

A rule is a function ``(value, path, problems)`` that appends an `ErrorDetail` when the value
breaks it and does nothing otherwise, so that no message is built for a valid value. Record
classes name their rules beside their fields (`checked`); `missionmodel._engine` runs them.
"""

from __future__ import annotations

import enum
import re
import reprlib
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from .exceptions import ErrorDetail, ValidationError

Checker = Callable[[Any, str, list[ErrorDetail]], None]

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A lower-case slug; use with ``fullmatch``."""

_ARTICLE_AN = ("a", "e", "i", "o", "u")

# Bounded repr for messages: a huge or deeply nested value is never rendered in full.
class _ShortRepr(reprlib.Repr):
    """`reprlib.Repr` that never writes out a huge int (``repr`` of one raises past 4,300 digits)."""

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > 200:
            return f"<a number of about {int(x.bit_length() * 0.30103) + 1:,} digits>"
        return super().repr_int(x, level)

    def repr_instance(self, x: object, level: int) -> str:
        try:
            return super().repr_instance(x, level)
        except Exception:  # noqa: BLE001 - an object whose repr fails is described by its type
            return f"<{type(x).__name__} object>"


_SHORT = _ShortRepr()
_SHORT.maxstring = 60
_SHORT.maxother = 60
_SHORT.maxlong = 40
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxdict = _SHORT.maxset = 4
_SHORT.maxlevel = 2


def describe(value: object) -> str:
    """Return ``repr(value) that is a <type>`` for messages, shortened when long.

    At most about 80 characters of the value are quoted; a huge int is described by its number
    of digits rather than written out.
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        digits = int(value.bit_length() * 0.30103) + 1
        return f"a number of about {digits:,} digits that is an int"
    text = _SHORT.repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    name = type(value).__name__
    article = "an" if name.lower().startswith(_ARTICLE_AN) else "a"
    return f"{text} that is {article} {name}"


def quoted(value: object) -> str:
    """``repr(value)`` for a message, shortened to about 60 characters."""
    text = _SHORT.repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def number(value: int) -> str:
    """An int for a message, with thousands separators; a huge one by its number of digits."""
    if value.bit_length() > 200:
        return f"a number of about {int(value.bit_length() * 0.30103) + 1:,} digits"
    return f"{value:,}"


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
    if isinstance(value, str) and len(value) <= 100:
        import difflib

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
    if len(word) > 100:
        return ""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def passes_when(predicate: Callable[[Any], bool], *, text: bool = False) -> Callable[[Checker], Checker]:
    """Decorator: give a rule a quick test that is True only for values that certainly pass it.

    The engine's fast validators call the test instead of the rule; the rule itself (and its
    message) runs only when the test says no.

    Args:
        predicate: The quick test.
        text: True when the test admits only non-empty ASCII text without spaces, so that the
            fast validators need not test a text field for emptiness or lone surrogates again.
    """

    def attach(check: Checker) -> Checker:
        setattr(predicate, "__mm_text__", text)  # noqa: B010 - attributes of functions
        setattr(check, "__mm_passes__", predicate)  # noqa: B010
        return check

    return attach


CHECK = "missionmodel.check"
"""Metadata key of a field's own check, run after its type check (see `checked`)."""


def checked(check: Checker) -> dict[str, Checker]:
    """Field metadata naming a rule of the value itself (a slug, a country code, a count).

    The rule runs after the field's type check passes, when the record is built and when it is
    loaded, even if other fields of the record could not be read. On a tuple field it checks
    each element.
    """
    return {CHECK: check}


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
    if isinstance(value, (str, bytes, bytearray, Mapping, set, frozenset)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # reported by the record's type check
    return tuple(value)


@passes_when(lambda value: SLUG.fullmatch(value) is not None, text=True)
def check_slug(value: object, path: str, problems: list[ErrorDetail]) -> None:
    """Append a problem if ``value`` is a string but not a lower-case slug such as ``unifil``."""
    if isinstance(value, str) and value.strip() and not SLUG.fullmatch(value):
        problems.append(
            ErrorDetail(
                path=path,
                message=f"{label(path)} must be a lower-case slug of letters, digits and hyphens"
                f", such as 'unifil' (got {quoted(value)})",
            )
        )


@cache
def at_least(minimum: int, maximum: int | None = None) -> Checker:
    """A rule that an int is at least ``minimum`` (and at most ``maximum``, when given).

    Args:
        minimum: The smallest value allowed (0 for a count).
        maximum: The largest value allowed, or None.
    """

    @passes_when(lambda value: minimum <= value and (maximum is None or value <= maximum))
    def check(value: Any, path: str, problems: list[ErrorDetail]) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            return
        if value < minimum:
            rule = "must not be negative" if minimum == 0 else f"must be at least {minimum:,}"
            problems.append(ErrorDetail(path=path, message=f"{label(path)} {rule} (got {number(value)})"))
        elif maximum is not None and value > maximum:
            problems.append(ErrorDetail(path=path, message=f"{label(path)} must be at most {maximum:,} (got {number(value)})"))

    return check


MOST_PERSONNEL = 10_000_000
"""The largest number of personnel a record may give: more than any mission has ever had."""

personnel_count = at_least(0, MOST_PERSONNEL)
"""The rule of a number of people: not negative, at most `MOST_PERSONNEL`."""


def check_url(value: object, path: str, problems: list[ErrorDetail]) -> None:
    """Append a problem if ``value`` is a string that is not an http(s) address."""
    if isinstance(value, str) and not value.startswith(("http://", "https://")):
        problems.append(
            ErrorDetail(path=path, message=f"{label(path)} must start with http:// or https:// (got {quoted(value)})")
        )


def check_unique(values: Iterable[tuple[str, object]], what: str, problems: list[ErrorDetail]) -> None:
    """Append a problem for each repeated id; ``values`` are ``(path, id)`` pairs."""
    seen: dict[object, str] = {}
    for path, value in values:
        if not isinstance(value, str):
            continue
        if value in seen:
            problems.append(
                ErrorDetail(path=path, message=f"duplicate {what} id {quoted(value)} (first declared at {seen[value]})")
            )
        else:
            seen[value] = path
