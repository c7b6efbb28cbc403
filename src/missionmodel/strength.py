"""Personnel strengths with their uncertainty.

Reports of troop numbers are rarely exact: a president offers "up to 8,000", an army chief gives a
range, a minister "did not give numbers". A `Strength` keeps what was said as a closed interval of
whole numbers of personnel, from `low` to `high`, where `high` is None when there is no upper
bound.

A strength is read from what people write (`Strength.parse`): ``"1,231"``, ``"up to 2,000"``,
``"at least 500"``, ``"5,000 to 8,000"``, ``"unknown"``; and from a document as a number, that
text, or a range ``{min: A, max: B}`` (either bound may be left out). It is always written back
in one canonical form (see `missionmodel.serialisation`).

Example:
    >>> total = Strength.exact(500) + Strength.at_most(8000)
    >>> str(total)
    '500 to 8,500'
    >>> str(Strength.exact(500) + Strength.unknown())
    'at least 500'
    >>> Strength.parse("5,000–8,000") == Strength.between(5000, 8000)
    True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import attrs

from ._checks import MOST_PERSONNEL, describe, number, quoted, raise_if
from .exceptions import ErrorDetail, ValidationError

__all__ = ["Strength"]

_RANGE_KEYS = frozenset({"min", "max"})


def _check_bound(name: str, value: object, problems: list[ErrorDetail]) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        problems.append(ErrorDetail(path="", message=f"'{name}' must be int (got {describe(value)})"))
    elif value < 0:
        problems.append(ErrorDetail(path="", message=f"must not be negative (got {number(value)})"))
    elif value > MOST_PERSONNEL:
        problems.append(ErrorDetail(path="", message=f"must be at most {MOST_PERSONNEL:,} personnel (got {number(value)})"))


def _certainly_valid(low: object, high: object) -> bool:
    """The rules of a strength as a quick test that builds no message.

    Whole numbers of personnel, 0 to `MOST_PERSONNEL`, the lower bound not above the upper one
    (None: no upper bound).
    """
    return (
        low.__class__ is int
        and 0 <= low <= MOST_PERSONNEL
        and (high is None or (high.__class__ is int and low <= high <= MOST_PERSONNEL))
    )


# --- strengths written as text ----------------------------------------------------------------
#
# The grammar, case and spacing aside (see `Strength.parse`): one word list per meaning, from
# which both the parser's regular expressions and the JSON Schema pattern (`_text_pattern`) are
# made, so that the two cannot drift apart.

_AT_MOST = ("up to", "at most", "no more than", "not more than")
_AT_LEAST = ("at least", "no fewer than", "no less than", "not fewer than", "not less than")
_MORE_THAN = ("more than",)
_FEWER_THAN = ("fewer than", "less than")
_ABOUT = ("about", "around", "approximately", "approx.", "roughly", "some", "circa", "ca.", "c.", "~")
_DASHES = "-\u2013\u2014"
"""Hyphen, en dash and em dash: ``5,000-8,000``, ``5,000–8,000``."""

FORMS = "'1,231', 'up to 2,000', 'at least 500', '5,000 to 8,000' or 'unknown'"
"""The forms of a strength written as text, as messages list them."""

_MOST_DIGITS = 15
"""Numbers of more digits are refused before they are converted (they are never real counts)."""

_LOOSE_NUMBER = r"([0-9][0-9,.]*)"
"""A number as the parser first takes it; `_number` then reads it strictly, to explain a bad one."""
_STRICT_NUMBER = re.compile(r"[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+")


def _phrase(words: tuple[str, ...]) -> str:
    """A regular expression of any of ``words`` (phrases), with any run of spaces between words."""
    return "(?:" + "|".join(r"\s+".join(re.escape(part) for part in phrase.split()) for phrase in words) + ")"


def _compile(form: str) -> re.Pattern[str]:
    return re.compile(form, re.IGNORECASE)


_UNKNOWN = _compile("unknown")
_EXACT = _compile(_LOOSE_NUMBER)
_PREFIXED = _compile(
    rf"(?:({_phrase(_AT_MOST)})|({_phrase(_AT_LEAST)})|({_phrase(_MORE_THAN)})|({_phrase(_FEWER_THAN)}))\s*{_LOOSE_NUMBER}"
)
_RANGE = _compile(
    rf"(?:from\s+)?{_LOOSE_NUMBER}\s*(?:[{_DASHES}]|\bto\b)\s*{_LOOSE_NUMBER}|between\s+{_LOOSE_NUMBER}\s+and\s+{_LOOSE_NUMBER}"
)
_APPROXIMATE = _compile(rf"{_phrase(_ABOUT)}\s*(.*)")
_NEGATIVE = _compile(r"[-\u2212]\s*[0-9]")


def _problem(message: str) -> ValidationError:
    return ValidationError([ErrorDetail(path="", message=message)], subject="Strength")


def _number(token: str, text: str) -> int:
    """Read one number of ``text``: digits, with commas between thousands if any.

    Raises:
        ValidationError: If ``token`` has a decimal point, commas in the wrong places, or too many digits.
    """
    if _STRICT_NUMBER.fullmatch(token) is None:
        why = (
            f"{quoted(token)} has a decimal point" if "." in token else f"the commas of {quoted(token)} are not between thousands"
        )
        raise _problem(f"must be a whole number, with commas between thousands ('1,231'): {why} (got {describe(text)})")
    digits = token.replace(",", "")
    if len(digits) > _MOST_DIGITS:
        raise _problem(f"must be at most {MOST_PERSONNEL:,} personnel (got a number of {len(digits):,} digits)")
    return int(digits)


def _approximate(text: str) -> str | None:
    """The strength that ``text`` gives as approximate ("about 800": "800"), or None.

    Only a number or a range can be approximate ("about 800", "around 5,000 to 8,000"); the rest
    of the text must read as one. For the loaders of records that can say a figure is
    approximate (`PersonnelFigure`): they read the rest and set ``approximate``.
    """
    found = _APPROXIMATE.fullmatch(text.strip())
    if found is None:
        return None
    rest = found.group(1).strip()
    if _EXACT.fullmatch(rest) is None and _RANGE.fullmatch(rest) is None:
        return None
    return rest


@lru_cache(maxsize=4096)
def _parse_text(text: str) -> Strength:
    """`Strength.parse` of text; cached, as documents repeat the same few strengths."""
    stripped = text.strip()
    if _UNKNOWN.fullmatch(stripped):
        return Strength.unknown()
    found = _EXACT.fullmatch(stripped)
    if found is not None:
        return Strength.exact(_number(found.group(1), text))
    found = _PREFIXED.fullmatch(stripped)
    if found is not None:
        at_most, at_least, more_than, _fewer_than, token = found.groups()
        n = _number(token, text)
        if at_most is not None:
            return Strength.at_most(n)
        if at_least is not None:
            return Strength.at_least(n)
        if more_than is not None:
            return Strength.at_least(n + 1)  # whole people: more than 500 is at least 501, never 500
        if n == 0:
            raise _problem(f"cannot be fewer than 0 personnel (got {describe(text)})")
        return Strength.at_most(n - 1)
    found = _RANGE.fullmatch(stripped)
    if found is not None:
        low, high = (token for token in found.groups() if token is not None)
        return Strength.between(_number(low, text), _number(high, text))
    if _approximate(stripped) is not None:
        raise _problem(
            f"cannot be approximate (got {describe(text)}): a strength is an exact number or a range; write the"
            " number the source gives, or a range that it supports (such as '700 to 900'); only a personnel figure"
            " can mark its number as approximate (approximate: true)"
        )
    if _NEGATIVE.match(stripped):
        raise _problem(f"must not be negative (got {describe(text)})")
    raise _problem(f"must be a number of personnel written as {FORMS} (got {describe(text)})")


def _text_pattern(approximate: bool = False) -> str:
    """A regular expression of the strengths written as text, for a JSON Schema (ECMA-262).

    It matches what `Strength.parse` reads, whatever the case and spacing (numbers of at most
    15 digits, whatever their value: the schema gives no bound to text). With ``approximate``,
    also the approximate forms that a personnel figure accepts ("about 800").
    """

    def words(phrases: tuple[str, ...]) -> str:
        def letters(word: str) -> str:
            return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)

        return "(?:" + "|".join(r"\s+".join(letters(part) for part in phrase.split()) for phrase in phrases) + ")"

    number = r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,4}|[0-9]{1,15})"
    dash = f"(?:\\s*[{_DASHES}]\\s*|\\s+{words(('to',))}\\s+)"
    ranges = (
        f"(?:{words(('from',))}\\s+)?{number}{dash}{number}|{words(('between',))}\\s+{number}\\s+{words(('and',))}\\s+{number}"
    )
    prefixes = words(_AT_MOST + _AT_LEAST + _MORE_THAN + _FEWER_THAN)
    forms = f"{words(('unknown',))}|{number}|{prefixes}\\s*{number}|{ranges}"
    if approximate:
        forms += f"|{words(_ABOUT)}\\s*(?:{number}|{ranges})"
    return f"^\\s*(?:{forms})\\s*$"


@attrs.frozen(slots=True, kw_only=True, order=False)
class Strength:
    """A number of personnel, exact or within bounds.

    Build one with the class methods rather than the constructor. Addition adds intervals:
    ``exact(500) + at_most(8000)`` is 500 to 8,500, and anything plus `unknown()` has no upper
    bound. ``sum()`` works on strengths too.

    Attributes:
        low: The smallest number consistent with the report (0 when unknown).
        high: The largest number consistent with the report, or None for no upper bound.

    Example:
        >>> Strength.at_most(8000)
        Strength(low=0, high=8000)
        >>> print(Strength.between(5000, 8000))
        5,000 to 8,000
        >>> Strength.exact(12).is_exact
        True
    """

    low: int = 0
    high: int | None = None

    def __attrs_post_init__(self) -> None:
        if _certainly_valid(self.low, self.high):
            return
        problems: list[ErrorDetail] = []
        _check_bound("low", self.low, problems)
        if self.high is not None:
            _check_bound("high", self.high, problems)
        if not problems and self.high is not None and self.low > self.high:
            problems.append(
                ErrorDetail(
                    path="",
                    message=f"is an inverted range: the lower bound {self.low:,} is above the upper bound {self.high:,}",
                )
            )
        raise_if(problems, self)

    @classmethod
    def _checked_range(cls, low: object, high: object) -> Strength | None:
        """The range ``low`` to ``high`` if it satisfies this class's rules, else None (for loaders).

        The same rules as ``__attrs_post_init__``, tested without building a message.
        """
        if _certainly_valid(low, high):
            made = object.__new__(cls)
            object.__setattr__(made, "low", low)
            object.__setattr__(made, "high", high)
            return made
        return None

    @classmethod
    def exact(cls, n: int) -> Strength:
        """A number reported exactly, such as a contingent of 1,231.

        Args:
            n: The number of personnel.
        """
        return cls(low=n, high=n)

    @classmethod
    def at_most(cls, n: int) -> Strength:
        """A ceiling: "up to ``n``".

        Args:
            n: The largest number reported.
        """
        return cls(low=0, high=n)

    @classmethod
    def at_least(cls, n: int) -> Strength:
        """A floor with no ceiling: "at least ``n``".

        Args:
            n: The smallest number reported.
        """
        return cls(low=n, high=None)

    @classmethod
    def between(cls, low: int, high: int) -> Strength:
        """A range: "``low`` to ``high``".

        Args:
            low: The smallest number reported.
            high: The largest number reported.
        """
        return cls(low=low, high=high)

    @classmethod
    def unknown(cls) -> Strength:
        """No number given: any number from zero up."""
        return cls(low=0, high=None)

    @property
    def is_exact(self) -> bool:
        """True when the number is known exactly."""
        return self.high == self.low

    @property
    def is_unknown(self) -> bool:
        """True when nothing is known (0 with no upper bound)."""
        return self.low == 0 and self.high is None

    @property
    def is_bounded(self) -> bool:
        """True when there is an upper bound."""
        return self.high is not None

    def __contains__(self, n: object) -> bool:
        """Tell whether the number ``n`` is consistent with this strength."""
        if not isinstance(n, int) or isinstance(n, bool):
            return False
        return self.low <= n and (self.high is None or n <= self.high)

    def __add__(self, other: object) -> Strength:
        if isinstance(other, int) and not isinstance(other, bool):
            other = Strength.exact(other)
        if not isinstance(other, Strength):
            return NotImplemented
        high = None if self.high is None or other.high is None else self.high + other.high
        return Strength(low=self.low + other.low, high=high)

    def __radd__(self, other: object) -> Strength:
        return self.__add__(other)

    def hull(self, other: Strength) -> Strength:
        """The smallest strength that covers both ``self`` and ``other``.

        Use it to combine two reports of the same contingent that disagree.

        Args:
            other: Another strength.

        Returns:
            From the lower of the lows to the higher of the highs.
        """
        high = None if self.high is None or other.high is None else max(self.high, other.high)
        return Strength(low=min(self.low, other.low), high=high)

    def __str__(self) -> str:
        if self.high is None:
            return "unknown" if self.low == 0 else f"at least {self.low:,}"
        if self.low == self.high:
            return f"{self.low:,}"
        if self.low == 0:
            return f"up to {self.high:,}"
        return f"{self.low:,} to {self.high:,}"

    @classmethod
    def parse(cls, text: str) -> Strength:
        """Read a strength written as people write it; the inverse of ``str()``.

        Accepted, whatever the case and the spacing:

        * ``"1,231"`` or ``"1231"``: exactly that many (commas only between thousands);
        * ``"up to 2,000"``, ``"at most 2,000"``, ``"no more than 2,000"``: from 0 to 2,000;
        * ``"at least 500"``, ``"no fewer than 500"``, ``"no less than 500"``: 500 or more;
        * ``"5,000 to 8,000"``, ``"5,000–8,000"`` (a hyphen, an en or an em dash), ``"between 5,000
          and 8,000"``: the range, both ends included;
        * ``"more than 500"``: at least 501, and ``"fewer than 500"`` (or ``"less than"``): up to
          499. Whole people: "more than 500" rules out 500 itself, so it is not read as "at least
          500", which would admit it;
        * ``"unknown"``: no number given.

        An approximate figure ("about 800") is refused: a strength is an exact number or a range,
        and only a `PersonnelFigure` can say that its number is approximate (in a document,
        ``strength: about 800`` there reads as 800 with ``approximate: true``). Decimal points,
        commas that do not separate thousands, negative numbers and any other text are refused
        too, rather than guessed at: "1.231" may be a thousand and more, or one and a bit.

        Args:
            text: The text.

        Returns:
            The strength; ``Strength.parse(str(s)) == s`` for every strength ``s``.

        Raises:
            ValidationError: If ``text`` is not one of these forms, or gives numbers that a
                strength cannot have (negative, above 10,000,000, an inverted range).

        Example:
            >>> Strength.parse("up to 2,000")
            Strength(low=0, high=2000)
            >>> print(Strength.parse("5,000–8,000"), "|", Strength.parse("More than 500"))
            5,000 to 8,000 | at least 501
            >>> try:
            ...     Strength.parse("about 800")
            ... except ValidationError as error:
            ...     print(error.errors[0].message.split(":")[0])
            cannot be approximate (got 'about 800' that is a str)
        """
        if not isinstance(text, str):
            raise _problem(f"must be text such as {FORMS} (got {describe(text)})")
        return _parse_text(text)

    @classmethod
    def coerce(cls, value: Any) -> Strength:
        """Return ``value`` as a `Strength`, reading every form a document may give.

        Accepts a Strength; an int (exact); text, as `parse` reads it (``"up to 2,000"``,
        ``"unknown"``, ...); or a mapping ``{"min": .., "max": ..}`` where either bound may be
        left out: ``{"max": 2000}`` is up to 2,000, ``{"min": 500}`` at least 500.

        Args:
            value: What to convert.

        Raises:
            ValidationError: If ``value`` is none of these, or is negative or inverted.

        Example:
            >>> Strength.coerce({"max": 2000}) == Strength.coerce("up to 2,000") == Strength.at_most(2000)
            True
        """
        if isinstance(value, Strength):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return cls.exact(value)
        if isinstance(value, str):
            return cls.parse(value)
        if value.__class__ is dict and value.keys() <= _RANGE_KEYS:
            low, high = value.get("min", 0), value.get("max")
            if low.__class__ is int and (high is None or high.__class__ is int) and ("min" in value or high is not None):
                return cls(low=low, high=high)
        problem = ""
        if isinstance(value, Mapping):
            extra = sorted(set(value) - _RANGE_KEYS, key=quoted)
            if extra:
                problem = (
                    f"has unknown key(s) {', '.join(quoted(k) for k in extra[:5])};"
                    " a strength range has 'min' (at least), 'max' (up to) or both"
                )
            elif value.get("min") is None and value.get("max") is None:  # {} or {max: null}: no number at all
                problem = f"must give 'min' (at least), 'max' (up to) or both (got {describe(value)})"
            else:
                wrong = [
                    f"has '{key}' of the wrong type: must be int (got {describe(value[key])})"
                    for key in ("min", "max")
                    if key in value
                    and not (key == "max" and value[key] is None)
                    and (not isinstance(value[key], int) or isinstance(value[key], bool))
                ]
                if not wrong:
                    return cls(low=value.get("min", 0), high=value.get("max"))
                problem = "; ".join(wrong)
        if not problem:
            problem = (
                "must be a number, a range {min: .., max: ..} (either bound may be left out), or text such as"
                f" {FORMS} (got {describe(value)})"
            )
        raise _problem(problem)

    def _to_canonical(self) -> int | str | dict[str, int]:
        """Return the canonical form: an int when exact, ``"unknown"``, or ``{"min": .., "max": ..}``."""
        if self.is_exact:
            return self.low
        if self.is_unknown:
            return "unknown"
        if self.high is None:
            return {"min": self.low}
        return {"min": self.low, "max": self.high}


def strength_converter(value: Strength | int | str | Mapping[str, int] | None) -> Strength:
    """Converter for strength fields: an int becomes an exact `Strength`; text and ranges read as `Strength.coerce` reads them.

    Anything that cannot be read is passed through unchanged for the record's check to report.
    """
    if isinstance(value, Strength):
        return value
    try:
        return Strength.coerce(value)
    except ValidationError:
        return value  # type: ignore[return-value]  # reported by the record's type check


def optional_strength(value: Strength | int | str | Mapping[str, int] | None) -> Strength | None:
    """Converter for optional strength fields: None stays None, anything else as `strength_converter`."""
    return None if value is None else strength_converter(value)
