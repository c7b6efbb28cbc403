"""Partial dates: a year, a year and month, or a full date.

Reports often give only a year ("2007–2012") or a month ("February 2026"). A `PartialDate` keeps
exactly the precision that was reported; `earliest()` and `latest()` give the first and last days
it may mean.

Example:
    >>> d = PartialDate.parse("2026-02")
    >>> d.earliest(), d.latest()
    (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
    >>> PartialDate.parse("1978") < PartialDate.parse("1978-03-19")
    True
"""

from __future__ import annotations

import datetime
import re
from functools import total_ordering

import attrs

from ._checks import describe, number, quoted, raise_if
from .exceptions import ErrorDetail, ValidationError

__all__ = ["DateLike", "PartialDate"]

_PATTERN = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


def _days_in_month(year: int, month: int) -> int:
    """The number of days in ``month`` of ``year`` (Gregorian calendar)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@total_ordering
@attrs.frozen(slots=True, kw_only=True, order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    Ordering is total: dates are compared by year, then month, then day, and a less precise date
    sorts before a more precise one that it contains (``1978 < 1978-03 < 1978-03-19``).

    Attributes:
        year: The year, 1 to 9999.
        month: The month, 1 to 12, or None if only the year is known.
        day: The day of the month, or None if not known; needs a month.

    Example:
        >>> PartialDate.parse("2025-08-28").month
        8
        >>> str(PartialDate(year=2026, month=2))
        '2026-02'
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[ErrorDetail] = []
        for name in ("year", "month", "day"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                problems.append(ErrorDetail(path="", message=f"'{name}' must be int (got {describe(value)})"))
        if not problems:
            if not 1 <= self.year <= 9999:
                problems.append(ErrorDetail(path="", message=f"has year {number(self.year)}, out of range 1 to 9999"))
            if self.month is not None and not 1 <= self.month <= 12:
                problems.append(ErrorDetail(path="", message=f"has month {number(self.month)}, out of range 1 to 12"))
            if self.day is not None:
                if self.month is None:
                    problems.append(ErrorDetail(path="", message="has a day but no month"))
                elif not problems:
                    last = _days_in_month(self.year, self.month)
                    if not 1 <= self.day <= last:
                        problems.append(
                            ErrorDetail(
                                path="",
                                message=(
                                    f"has day {number(self.day)}, out of range 1 to {last}"
                                    f" for {self.year:04d}-{self.month:02d}"
                                ),
                            )
                        )
        raise_if(problems, self)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Args:
            text: The ISO text.

        Returns:
            The partial date.

        Raises:
            ValidationError: If the text is not in one of the three forms or names no real date.
        """
        if not isinstance(text, str):
            raise ValidationError(
                [ErrorDetail(path="", message=f"must be a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (got {describe(text)})")],
                subject="PartialDate",
            )
        match = _PATTERN.fullmatch(text.strip())
        if not match:
            raise ValidationError(
                [ErrorDetail(path="", message=f"must be a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (got {quoted(text)})")],
                subject="PartialDate",
            )
        year, month, day = match.groups()
        y, m, d = int(year), int(month) if month else None, int(day) if day else None
        if y >= 1 and (m is None or 1 <= m <= 12) and (d is None or (m is not None and 1 <= d <= 28)):
            made = object.__new__(cls)  # certainly valid: skip building the messages of the checks
            object.__setattr__(made, "year", y)
            object.__setattr__(made, "month", m)
            object.__setattr__(made, "day", d)
            return made
        return cls(year=y, month=m, day=d)

    @classmethod
    def from_date(cls, value: datetime.date) -> PartialDate:
        """Make a full partial date from a `datetime.date`.

        Args:
            value: The date.
        """
        return cls(year=value.year, month=value.month, day=value.day)

    @classmethod
    def coerce(cls, value: DateLike) -> PartialDate:
        """Return ``value`` as a `PartialDate`: accepts a PartialDate, ISO text, a `datetime.date` or a year.

        Args:
            value: What to convert.

        Raises:
            ValidationError: If ``value`` cannot be read as a date.
        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, datetime.datetime):
            if value.time() != datetime.time(0, 0):
                raise ValidationError(
                    [ErrorDetail(path="", message=f"must be a date without a time of day (got {value.isoformat(sep=' ')})")],
                    subject="PartialDate",
                )
            return cls.from_date(value.date())
        if isinstance(value, datetime.date):
            return cls.from_date(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(year=value)
        return cls.parse(value)  # type: ignore[arg-type]  # parse reports any non-text value

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def earliest(self) -> datetime.date:
        """The first day this date may mean (1 January of the year, the 1st of the month)."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> datetime.date:
        """The last day this date may mean (31 December of the year, the month's last day)."""
        if self.month is None:
            return datetime.date(self.year, 12, 31)
        if self.day is None:
            return datetime.date(self.year, self.month, _days_in_month(self.year, self.month))
        return datetime.date(self.year, self.month, self.day)

    def contains(self, other: DateLike) -> bool:
        """Tell whether every day of ``other`` falls within this date's span.

        Args:
            other: Another date.
        """
        other = PartialDate.coerce(other)
        return self.earliest() <= other.earliest() and other.latest() <= self.latest()

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    def isoformat(self) -> str:
        """The ISO text form, same as ``str()``: ``2026``, ``2026-02`` or ``2026-02-19``."""
        return str(self)


DateLike = PartialDate | datetime.date | str | int
"""Anything `PartialDate.coerce` accepts: a PartialDate, ISO text, a `datetime.date` or a year."""


def optional_date(value: DateLike | None) -> PartialDate | None:
    """Converter for date fields: ISO text, `datetime.date` and years become `PartialDate`.

    A value that cannot be read is passed through unchanged, so that the record's own check
    reports it together with its other problems, under the field's path.
    """
    if value is None or isinstance(value, PartialDate):
        return value
    try:
        return PartialDate.coerce(value)
    except ValidationError:
        return value  # type: ignore[return-value]  # reported by the record's type check
