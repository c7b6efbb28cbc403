"""Exceptions raised by missionmodel.

Every problem with a record is reported as an [`ErrorDetail`][missionmodel.exceptions.ErrorDetail]
(a path and a plain message); all problems of one record travel together in one
[`ValidationError`][missionmodel.exceptions.ValidationError].
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["CoverageWarning", "ErrorDetail", "FormatError", "MissionModelError", "ValidationError"]


class MissionModelError(Exception):
    """Base class of every exception that missionmodel raises on purpose.

    Example:
        >>> from missionmodel import loads
        >>> try:
        ...     loads("{not json")
        ... except MissionModelError as error:
        ...     print(type(error).__name__)
        FormatError
    """


@attrs.frozen(slots=True, kw_only=True)
class ErrorDetail:
    """One problem found in a record.

    Attributes:
        path: Where the problem is, from the record that was checked, such as
            ``contributions[2].strength``; empty for the record itself.
        message: What is wrong, in plain words.

    Example:
        >>> str(ErrorDetail(path="contributions[2].strength", message="must not be negative"))
        'contributions[2].strength: must not be negative'
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '$'}: {self.message}"

    def under(self, prefix: str) -> ErrorDetail:
        """Return this problem with its path placed under ``prefix``.

        Args:
            prefix: The path of the record that contains the checked one, e.g. ``contributions[2]``.

        Returns:
            A new `ErrorDetail` whose path starts with ``prefix``.
        """
        if not prefix:
            return self
        if not self.path:
            return ErrorDetail(path=prefix, message=self.message)
        separator = "" if self.path.startswith("[") else "."
        return ErrorDetail(path=f"{prefix}{separator}{self.path}", message=self.message)


class ValidationError(MissionModelError, ValueError):
    """A record, or a document being loaded, has one or more problems.

    All problems found are reported together. ``str()`` lists them one a line, under a first
    line that names the subject.

    Args:
        errors: Every problem found (a problem given twice is kept once).
        count: How many problems were found in all, when ``errors`` holds only some of them.
        subject: What was checked, e.g. ``"Contribution"`` or a file name; None to leave it out.

    Attributes:
        errors (tuple[ErrorDetail, ...]): The problems found, in document order: all of them,
            or the first `MOST_KEPT` of a longer report.
        count (int): How many problems were found in all.
        subject (str | None): What was checked, as given.

    Example:
        >>> from missionmodel import Strength
        >>> try:
        ...     Strength.between(10, 5)
        ... except ValidationError as error:
        ...     print(error.errors[0].message)
        is an inverted range: the lower bound 10 is above the upper bound 5
    """

    errors: tuple[ErrorDetail, ...]

    MOST_KEPT = 1000
    """How many problems are kept in ``errors``; the rest are only counted in ``count``."""
    MOST_SHOWN = 50
    """How many problems ``str()`` lists; it says how many more there are."""

    def __init__(self, errors: Iterable[ErrorDetail], *, subject: str | None = None, count: int | None = None) -> None:
        kept: list[ErrorDetail] = []
        seen = 0
        for error in dict.fromkeys(errors):
            seen += 1
            if len(kept) < self.MOST_KEPT:
                kept.append(error)
        self.errors = tuple(kept)
        self.count = max(seen, count or 0)
        self.subject = subject
        noun = "problem" if self.count == 1 else "problems"
        head = f"{subject} has {self.count:,} {noun}" if subject else f"{self.count:,} {noun} found"
        lines = [f"{head}:"] + [f"  {error}" for error in self.errors[: self.MOST_SHOWN]]
        if self.count > self.MOST_SHOWN:
            lines.append(f"  ... and {self.count - self.MOST_SHOWN:,} more problems not shown")
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_validation_error, (type(self), self.errors, self.subject, self.count))


def _rebuild_validation_error(
    cls: type[ValidationError], errors: tuple[ErrorDetail, ...], subject: str | None, count: int | None = None
) -> ValidationError:
    return cls(errors, subject=subject, count=count)


class FormatError(MissionModelError, ValueError):
    """A text or file could not be read as JSON or YAML, or its format is not known.

    Args:
        message: What is wrong, with where.
        line: The 1-based line of the problem, when known.
        column: The 1-based column of the problem, when known.

    Attributes:
        line (int | None): The 1-based line of the problem, when known.
        column (int | None): The 1-based column of the problem, when known.

    Example:
        >>> from missionmodel import loads
        >>> try:
        ...     loads('{"id": "isf",}')
        ... except FormatError as error:
        ...     print(error.line, error.column)
        1 14
    """

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None) -> None:
        self.line = line
        self.column = column
        super().__init__(message)


class CoverageWarning(UserWarning):
    """A question was asked about a time that a mission's data do not cover.

    Issued (with `warnings.warn`) when a query asks about a date in the mission's life before the
    data of what it asks about begin, or in a known gap (such as after the date the data are
    current to): the answer (often None) then means "not recorded", not "there was none". See
    `missionmodel.coverage`. Turn it into an error with ``warnings.simplefilter("error",
    CoverageWarning)``, or silence it with ``"ignore"``.

    Example:
        >>> import warnings
        >>> from missionmodel import datasets
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     holder = datasets.load("isf").holder_on("force_commander", "2026-10-01")
        >>> caught[0].category.__name__
        'CoverageWarning'
    """
