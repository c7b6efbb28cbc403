"""Personnel strengths with their uncertainty.

Reports of troop numbers are rarely exact: a president offers "up to 8,000", an army chief gives a
range, a minister "did not give numbers". A `Strength` keeps what was said as a closed interval of
whole numbers of personnel, from `low` to `high`, where `high` is None when there is no upper
bound.

Example:
    >>> total = Strength.exact(500) + Strength.at_most(8000)
    >>> str(total)
    '500 to 8,500'
    >>> str(Strength.exact(500) + Strength.unknown())
    'at least 500'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ._checks import MOST_PERSONNEL, describe, number, quoted, raise_if
from .exceptions import ErrorDetail, ValidationError

__all__ = ["Strength"]


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
    def coerce(cls, value: Any) -> Strength:
        """Return ``value`` as a `Strength`, reading the canonical forms.

        Accepts a Strength, an int (exact), ``"unknown"``, or a mapping ``{"min": .., "max": ..}``
        (``max`` left out for no upper bound).

        Args:
            value: What to convert.

        Raises:
            ValidationError: If ``value`` is none of these, or is negative or inverted.
        """
        if isinstance(value, Strength):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return cls.exact(value)
        if value == "unknown":
            return cls.unknown()
        if value.__class__ is dict and value.keys() <= {"min", "max"}:
            low, high = value.get("min"), value.get("max")
            if low.__class__ is int and (high is None or high.__class__ is int):
                return cls(low=low, high=high)
        problem = ""
        if isinstance(value, Mapping):
            extra = sorted(set(value) - {"min", "max"}, key=quoted)
            if extra:
                problem = f"has unknown key(s) {', '.join(quoted(k) for k in extra[:5])}; a strength range has 'min' and 'max'"
            elif "min" not in value:
                problem = "needs 'min' in a strength range (use 0 for 'up to')"
            else:
                wrong = [
                    f"has '{key}' of the wrong type: must be int (got {describe(value[key])})"
                    for key in ("min", "max")
                    if key in value
                    and not (key == "max" and value[key] is None)
                    and (not isinstance(value[key], int) or isinstance(value[key], bool))
                ]
                if not wrong:
                    return cls(low=value["min"], high=value.get("max"))
                problem = "; ".join(wrong)
        if not problem:
            problem = f"must be an int, a mapping with 'min' and 'max', or 'unknown' (got {describe(value)})"
        raise ValidationError([ErrorDetail(path="", message=problem)], subject="Strength")

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
    """Converter for strength fields: an int becomes an exact `Strength`.

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
