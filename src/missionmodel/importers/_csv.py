"""Private engine shared by the importers: open, recognise the header, stream rows, keep the report.

A file is read with the csv module one row at a time. Each row is handed to a parser as a `Cells`
object, which reads typed values out of the row's text and collects what it had to repair
(warnings) and what it could not read (problems). The engine then takes the row or rejects it and
keeps the count.
"""

from __future__ import annotations

import csv
import datetime
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import IO, TypeVar

import attrs

from ..countries import is_country_code, suggest_code
from ..dates import PartialDate
from ..exceptions import FormatError, ValidationError
from ..sources import Source
from ..strength import Strength
from .result import ImportReport, ImportResult, RowIssue

T = TypeVar("T")

CsvSource = str | os.PathLike[str] | IO[str]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# ASCII digits only: other scripts' digits (which int() would accept) are not what these files hold.
_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$")
_DMY_DATE = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?: 00:00(?::00)?)?$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_INTEGRAL_FLOAT = re.compile(r"^([+-]?[0-9]+)\.0+$")
_DECIMAL = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$")
_DECIMAL_COMMA = re.compile(r"^[+-]?[0-9]+,[0-9]+$")
_MAX_DIGITS = 9
"""The most digits a count may have: no count in these files reaches a billion."""


def shown(value: str) -> str:
    """``repr(value)``, cut short for a message when the cell is long."""
    return repr(value) if len(value) <= 40 else repr(value[:37]) + "..."


_STRENGTHS: dict[int, Strength] = {}


def exact_strength(n: int) -> Strength:
    """``Strength.exact(n)``, shared between rows: a large file repeats the same counts many times."""
    found = _STRENGTHS.get(n)
    if found is None:
        if len(_STRENGTHS) > 100_000:
            _STRENGTHS.clear()
        found = _STRENGTHS[n] = Strength.exact(n)
    return found


def normalise(name: str) -> str:
    """Return a header name reduced to lower-case letters and digits (``Contributor_ISO-3`` -> ``contributoriso3``)."""
    return _NON_ALNUM.sub("", name.replace("\ufeff", "").casefold())


@attrs.frozen(slots=True)
class Layout:
    """One known header: a name for the report, and the columns read, by canonical name.

    ``columns`` maps each canonical name to the header names that mean it (any spelling that
    normalises the same); ``required`` are the canonical names that must be present.
    """

    name: str
    columns: Mapping[str, tuple[str, ...]]
    required: frozenset[str]
    day_first: bool = False
    spelled: tuple[str, ...] = ()
    """Header names that must appear spelled exactly so (to tell apart exports with the same columns)."""

    def find(self, header: Sequence[str]) -> tuple[dict[str, int], list[str]]:
        """Return (canonical name -> position) for the columns found, and the required ones missing."""
        positions: dict[str, int] = {}
        exact = {cell.replace("\ufeff", "").strip() for cell in header}
        if any(name not in exact for name in self.spelled):
            return positions, [name for name in self.spelled if name not in exact]
        normalised = [normalise(cell) for cell in header]
        for canonical, spellings in self.columns.items():
            wanted = {normalise(spelling) for spelling in spellings}
            for index, cell in enumerate(normalised):
                if cell in wanted:
                    positions[canonical] = index
                    break
        missing = [self.columns[name][0] for name in self.columns if name in self.required and name not in positions]
        return positions, missing


@contextmanager
def _opened(source: CsvSource) -> Iterator[tuple[IO[str], str]]:
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        with open(name, encoding="utf-8-sig", newline="") as handle:
            yield handle, name
    else:
        yield source, str(getattr(source, "name", "<stream>"))


class Cells:
    """The cells of one row, read by canonical column name, with the row's issues."""

    __slots__ = ("_header", "_positions", "_values", "line", "na", "problems", "warnings")

    def __init__(self, line: int, values: list[str], positions: Mapping[str, int], header: Sequence[str], na: frozenset[str]):
        self.line = line
        self._values = values
        self._positions = positions
        self._header = header
        self.na = na
        self.problems: list[RowIssue] = []
        self.warnings: list[RowIssue] = []

    def column(self, name: str) -> str:
        """The column's name as written in the file's header (or the canonical name if absent)."""
        position = self._positions.get(name)
        return name if position is None else self._header[position].replace("\ufeff", "").strip()

    def has(self, name: str) -> bool:
        """True when the file has the column."""
        return name in self._positions

    def problem(self, name: str | None, message: str) -> None:
        """Record why the row cannot be taken."""
        self.problems.append(RowIssue(row=self.line, column=None if name is None else self.column(name), message=message))

    def warn(self, name: str | None, message: str) -> None:
        """Record what was repaired in the row."""
        self.warnings.append(RowIssue(row=self.line, column=None if name is None else self.column(name), message=message))

    def raw(self, name: str) -> str | None:
        """The cell's text as written, or None when the file has no such column."""
        position = self._positions.get(name)
        return None if position is None else self._values[position]

    def text(self, name: str, *, required: bool = False) -> str | None:
        """The cell's text without surrounding spaces (a warning says when there were any); None when empty or NA."""
        raw = self.raw(name)
        if raw is None:
            if required:
                self.problem(name, "is missing")
            return None
        value = raw.strip()
        if value and value != raw:
            self.warn(name, f"trimmed spaces around {raw!r}")
        if not value or value in self.na:
            if required:
                self.problem(name, "is empty" if not value else f"is {value!r} (not available)")
            return None
        return value

    def integer(self, name: str, *, required: bool = False, negative: bool = False) -> int | None:
        """The cell as a whole number; ``12.0`` is read as 12 with a warning."""
        value = self.text(name, required=required)
        if value is None:
            return None
        match = _INTEGER.match(value) or _INTEGRAL_FLOAT.match(value)
        if not match:
            self.problem(name, f"must be a whole number (got {shown(value)})")
            return None
        digits = match.group(1) if match.re is _INTEGRAL_FLOAT else value
        if len(digits.lstrip("+-").lstrip("0")) > _MAX_DIGITS:
            self.problem(name, f"is implausibly large for a count (got {shown(value)})")
            return None
        number = int(digits)
        if match.re is _INTEGRAL_FLOAT:
            self.warn(name, f"read {value!r} as the whole number {number}")
        if number < 0 and not negative:
            self.problem(name, f"must not be negative (got {number})")
            return None
        return number

    def decimal(self, name: str) -> float | None:
        """The cell as a number; a decimal comma (``35,1342``) is read as a point with a warning."""
        value = self.text(name)
        if value is None:
            return None
        if _DECIMAL.match(value):
            return float(value)
        if _DECIMAL_COMMA.match(value):
            number = float(value.replace(",", "."))
            self.warn(name, f"read the decimal comma in {value!r} as {number!r}")
            return number
        self.problem(name, f"must be a number (got {shown(value)})")
        return None

    def date(self, name: str, *, required: bool = False, day_first: bool = False) -> PartialDate | None:
        """The cell as a date: ``YYYY-MM-DD`` (a midnight time is dropped), or ``dd/mm/YYYY`` with a warning.

        When ``day_first`` is true (a format whose dates are all ``dd/mm/YYYY``), no warning is given.
        """
        value = self.text(name, required=required)
        if value is None:
            return None
        known = _ISO_SEEN.get(value)
        if known is not None:
            return known  # a plain ISO date read before: no repair, no problem
        match = _ISO_DATE.match(value)
        day_month_year: tuple[int, int, int] | None = None
        if match:
            year, month, day = (int(part) for part in match.groups())
        else:
            other = _DMY_DATE.match(value)
            if not other:
                self.problem(name, f"must be a date as YYYY-MM-DD or dd/mm/YYYY (got {shown(value)})")
                return None
            day, month, year = (int(part) for part in other.groups())
            day_month_year = (day, month, year)
        try:
            datetime.date(year, month, day)
        except ValueError as error:
            self.problem(name, f"is not a real date (got {shown(value)}: {error})")
            return None
        if day_month_year is not None and not day_first:
            self.warn(name, f"read the date {value!r} as day/month/year: {year:04d}-{month:02d}-{day:02d}")
        found = _date(year, month, day)
        if day_month_year is None and len(_ISO_SEEN) < 100_000:
            _ISO_SEEN[value] = found
        return found


_ISO_SEEN: dict[str, PartialDate] = {}
_DATES: dict[tuple[int, int, int], PartialDate] = {}


def _date(year: int, month: int, day: int) -> PartialDate:
    """Return the PartialDate, shared between rows (files repeat the same few dates)."""
    key = (year, month, day)
    found = _DATES.get(key)
    if found is None:
        if len(_DATES) > 100_000:
            _DATES.clear()
        found = _DATES[key] = PartialDate(year=year, month=month, day=day)
    return found


def detect(header: Sequence[str], layouts: Sequence[Layout], what: str, source: str) -> tuple[Layout, dict[str, int]]:
    """Return the first layout whose required columns are all in ``header``.

    Raises:
        FormatError: Naming the columns missing from the closest layout.
    """
    best: tuple[int, Layout, list[str]] | None = None
    for layout in layouts:
        positions, missing = layout.find(header)
        if not missing:
            return layout, positions
        if layout.spelled:
            continue  # a variant told by its spelling: the plain layout names the missing columns
        if best is None or len(missing) < best[0]:
            best = (len(missing), layout, missing)
    assert best is not None
    _, layout, missing = best
    shown = ", ".join(repr(cell) for cell in header[:12]) + (", ..." if len(header) > 12 else "")
    raise FormatError(
        f"{source}: the header does not match {what}: missing column(s) {', '.join(repr(m) for m in missing)}"
        f" (closest format: {layout.name}); the header has {shown}",
        line=1,
    )


def country_code(cells: Cells, code_column: str, name_column: str) -> str | None:
    """The alpha-3 code of the row's country; from its name (with a warning) when the code is missing or wrong."""
    code = cells.text(code_column)
    if code is not None and is_country_code(code):
        return code
    name = cells.text(name_column)
    guess = suggest_code(code) if code is not None else None
    if guess is None and name is not None:
        cleaned = name.strip(_STRAY)
        guess = suggest_code(cleaned)
        if guess is not None and cleaned != name:
            cells.warn(name_column, f"removed stray punctuation from {name!r}")
    if guess is not None:
        cells.warn(code_column, f"read {code!r} as {guess!r}" if code else f"is empty: read {guess!r} from {name!r}")
        return guess
    if code is None and name is None:
        cells.problem(code_column, "is empty and there is no country name")
    elif code is None:
        cells.problem(code_column, f"is empty and the country name {name!r} is not one known to ISO 3166")
    else:
        cells.problem(code_column, f"{code!r} is not an ISO 3166-1 alpha-3 country code")
    return None


_STRAY = " .,;:*!?\"'()[]#+^~_"

RowParser = Callable[[Cells], Iterable[T]]


def run(
    source: CsvSource,
    layouts: Sequence[Layout],
    what: str,
    parse: Callable[[Layout], RowParser[T]],
    *,
    strict: bool,
    sources: tuple[Source, ...] = (),
    na: Iterable[str] = (),
) -> ImportResult[T]:
    """Read ``source`` row by row with the parser made for the recognised layout; return the result."""
    missing_values = frozenset(na)
    records: list[T] = []
    rejected: list[RowIssue] = []
    warnings: list[RowIssue] = []
    rows_read = rows_taken = 0
    with _opened(source) as (handle, name):
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
            if header is None or not any(cell.strip() for cell in header):
                raise FormatError(f"{name}: the file is empty: there is no header line", line=1)
            layout, positions = detect(header, layouts, what, name)
            parse_row = parse(layout)
            width = len(header)
            last_line = reader.line_num
            for values in reader:
                line = last_line + 1
                last_line = reader.line_num
                rows_read += 1
                if not values:
                    rejected.append(RowIssue(row=line, column=None, message="is blank"))
                    continue
                if len(values) != width:
                    rejected.append(RowIssue(row=line, column=None, message=f"has {len(values)} fields; the header has {width}"))
                    continue
                cells = Cells(line, values, positions, header, missing_values)
                try:
                    made = list(parse_row(cells))
                except ValidationError as error:
                    made = []
                    for detail in error.errors:
                        cells.problem(None, f"{detail.path + ': ' if detail.path else ''}{detail.message}")
                if cells.problems or (strict and cells.warnings):
                    rejected.extend(cells.problems)
                    if strict:
                        rejected.extend(cells.warnings)
                    continue
                records.extend(made)
                warnings.extend(cells.warnings)
                rows_taken += 1
        except csv.Error as error:
            raise FormatError(f"{name}: line {reader.line_num}: not readable as CSV: {error}", line=reader.line_num) from None
        except UnicodeDecodeError as error:
            raise FormatError(f"{name}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    report = ImportReport(
        source=name,
        format=layout.name,
        rows_read=rows_read,
        rows_taken=rows_taken,
        rejected=tuple(rejected),
        warnings=tuple(warnings),
        strict=strict,
    )
    return ImportResult(records=tuple(records), report=report, sources=sources)
