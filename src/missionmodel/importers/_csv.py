"""Private engine shared by the importers: open, recognise the header, stream rows, keep the report.

A file is read with the csv module one row at a time. Each row is handed to a parser as a `Cells`
object, which reads typed values out of the row's text and collects what it had to repair
(warnings) and what it could not read (problems). The engine then takes the row or rejects it and
keeps the count.

An importer may also give a fast path (`FastRows`): a function that takes a row only when each
of its cells is text already read cleanly (no warning, no problem) in the same column, looked up
in a `CleanValues` cache, and builds its records with `record_maker` (validated as by their
constructors). Any other row goes to the parser, which reads and reports it as ever, so the fast
path changes the speed and the memory of an import, not its records or its report.
"""

from __future__ import annotations

import collections
import csv
import datetime
import gc
import inspect
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import IO, Any, Final, Generic, TypeVar

import attrs

from .._atomic import open_for_reading
from .._checks import quoted
from ..countries import is_country_code, suggest_code
from ..dates import PartialDate
from ..exceptions import FormatError, ValidationError
from ..sources import Source
from ..strength import Strength
from .result import WARNINGS_KEPT, ImportReport, ImportResult, RepeatedWarning, RowIssue

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

CsvSource = str | os.PathLike[str] | IO[str]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# ASCII digits only: other scripts' digits (which int() would accept) are not what these files hold.
_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$")
_DMY_DATE = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?: 00:00(?::00)?)?$")
_DAY_MONTH_NAME = re.compile(r"^([0-9]{1,2})[- ]?([A-Za-z]{3,9})\.?[- ]?([0-9]{4}|[0-9]{2})$")
"""``31-Jan-21``, ``21-Feb-92``, ``5 March 2003``, and Stata's ``%td`` form ``13may2003``."""
_STATA_MONTH = re.compile(r"^([0-9]{4})m([0-9]{1,2})$")
"""Stata's ``%tm`` form of a month: ``2003m5``."""
_EPOCH_RANGE = (-62135596800000, 253402300799999)
"""The milliseconds since 1970 of 0001-01-01 and of the last moment of 9999, the dates a calendar date can be."""
_YEAR_MONTH = re.compile(r"^([0-9]{4})-([0-9]{1,2})$")
_YEAR = re.compile(r"^([0-9]{4})$")
_EPOCH_MS = re.compile(r"^-?[0-9]{1,14}$")
"""Milliseconds since 1970-01-01 UTC, as the Data Hub's JSON exports give dates (in a JSON export
only; four digits are read as a year first)."""
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
TWO_DIGIT_PIVOT = 48
"""A two-digit year from 48 to 99 is 19xx, from 00 to 47 is 20xx (the first UN mission is of 1948)."""
DATE_FORMATS = "YYYY-MM-DD, dd/mm/YYYY, dd-Mon-yy, 13may2003, 2003m5, YYYY-MM or YYYY"
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_INTEGRAL_FLOAT = re.compile(r"^([+-]?[0-9]+)\.0+$")
_DECIMAL = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$")
_DECIMAL_COMMA = re.compile(r"^[+-]?[0-9]+,[0-9]+$")
_MAX_DIGITS = 9
"""The most digits a count may have: no count in these files reaches a billion."""


def shown(value: str) -> str:
    """``repr(value)``, cut short for a message when the cell is long."""
    return repr(value) if len(value) <= 40 else repr(value[:37]) + "..."


class SharedValues(dict[K, V]):
    """Values made once per key and shared between rows: a file repeats the same counts, dates and codes.

    Looking up a key not seen yet makes its value with ``make``; past ``limit`` keys the cache is
    emptied and fills again, so memory stays bounded whatever the file.

    Example:
        >>> doubled = SharedValues(lambda n: 2 * n)
        >>> doubled[21], len(doubled)
        (42, 1)
    """

    def __init__(self, make: Callable[[K], V], limit: int = 100_000) -> None:
        super().__init__()
        self._make = make
        self._limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self._limit:
            self.clear()
        value = self[key] = self._make(key)
        return value


exact_strength: Callable[[int], Strength] = SharedValues(Strength.exact).__getitem__
"""``Strength.exact(n)``, shared between rows."""


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
        descriptor, _ = open_for_reading(name)  # a regular file, or a FormatError at once
        with open(descriptor, encoding="utf-8-sig", newline="") as handle:
            yield handle, name
    else:
        yield source, str(getattr(source, "name", "<stream>"))


class Cells:
    """The cells of one row, read by canonical column name, with the row's issues."""

    __slots__ = ("_header", "_positions", "_values", "epoch", "line", "na", "problems", "warnings")

    def __init__(
        self,
        line: int,
        values: list[str],
        positions: Mapping[str, int],
        header: Sequence[str],
        na: frozenset[str],
        *,
        epoch: bool = False,
    ):
        self.line = line
        self._values = values
        self._positions = positions
        self._header = header
        self.na = na
        self.epoch = epoch
        """True for a JSON export, whose dates may be milliseconds since 1970."""
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
        if "\x00" in value:
            self.problem(name, "contains a NUL byte")
            return None
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

    def coordinates(self, latitude: str, longitude: str, *, keep_row: bool = False) -> tuple[float | None, float | None]:
        """The row's point, as (latitude, longitude), read by the one rule every table shares.

        Each is read as a `decimal`. One given without the other: both dropped, with a warning. A
        latitude out of range with a longitude in range: taken as swapped, with a warning. A point
        still off the Earth: a problem that rejects the row, or, with ``keep_row``, both dropped
        with a warning (for a table where the point is a detail of the row, such as an HQ).
        Whether a point in range lies in the right country is not this rule's concern (see
        `missionmodel.geography`).

        Args:
            latitude: The canonical name of the latitude column.
            longitude: The canonical name of the longitude column.
            keep_row: Drop a point off the Earth with a warning instead of rejecting the row.
        """
        lat = self.decimal(latitude)
        lon = self.decimal(longitude)
        if lat is None or lon is None:
            if (lat is None) != (lon is None):
                self.warn(latitude if lon is None else longitude, "dropped: a coordinate was given without the other")
            return None, None
        if abs(lat) > 90 and abs(lon) <= 90:
            self.warn(latitude, f"latitude {lat!r} is out of range and longitude {lon!r} is not: swapped them")
            lat, lon = lon, lat
        if abs(lat) > 90 or abs(lon) > 180:
            if keep_row:
                self.warn(latitude, f"latitude {lat!r}, longitude {lon!r} is no place on Earth: dropped them")
            else:
                which, value, limit = (latitude, lat, 90) if abs(lat) > 90 else (longitude, lon, 180)
                self.problem(which, f"must be between -{limit} and {limit} (got {value!r})")
            return None, None
        return lat, lon

    def date(self, name: str, *, required: bool = False, day_first: bool = False) -> PartialDate | None:
        """The cell as a date, in any of the forms the field's tables use (see `read_date`).

        ``dd/mm/YYYY`` is read with a warning unless ``day_first`` is true (a format whose dates
        are all written so); epoch milliseconds are read only from a JSON export.
        """
        value = self.text(name, required=required)
        if value is None:
            return None
        known = _CLEAN_DATES.get(value)
        if known is not None:
            return known  # read before, with no repair and no problem
        found, repair, problem = read_date(value, day_first=day_first, epoch=self.epoch)
        if problem is not None:
            self.problem(name, problem)
            return None
        assert found is not None
        if repair is not None:
            self.warn(name, repair)
        elif not _EPOCH_MS.match(value) and not _DMY_DATE.match(value) and len(_CLEAN_DATES) < 100_000:
            _CLEAN_DATES[value] = found
        return found


def read_date(value: str, *, day_first: bool = False, epoch: bool = False) -> tuple[PartialDate | None, str | None, str | None]:
    """Read a date as the field's tables write it; return (date, repair, problem).

    The forms read: ``YYYY-MM-DD`` (a midnight time is dropped), ``dd/mm/YYYY`` (with a repair
    note unless ``day_first``), ``31-Jan-21`` and ``21-Feb-92`` (a two-digit year from 48 is
    19xx, below it 20xx; see `TWO_DIGIT_PIVOT`), ``5 March 2003``, Stata's ``13may2003`` and
    ``2003m5`` (a month), ``YYYY-MM`` (a month), ``YYYY`` (a year), and, when ``epoch`` is true,
    milliseconds since 1970 (UTC) as the Data Hub's JSON exports write dates.

    Example:
        >>> [str(read_date(text)[0]) for text in ("2011-06-27", "21-Feb-92", "13may2003", "2003m5", "2003")]
        ['2011-06-27', '1992-02-21', '2003-05-13', '2003-05', '2003']
        >>> read_date("27/06/2011")[1]
        "read the date '27/06/2011' as day/month/year: 2011-06-27"
        >>> read_date("31-Feb-21")[2]
        "is not a real date (got '31-Feb-21': day is out of range for month)"
    """
    repair: str | None = None
    month: int | None
    day: int | None
    if match := _ISO_DATE.match(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DMY_DATE.match(value):
        day, month, year = (int(part) for part in match.groups())
        if not day_first:
            repair = f"read the date {value!r} as day/month/year: {year:04d}-{month:02d}-{day:02d}"
    elif (match := _DAY_MONTH_NAME.match(value)) and match.group(2).casefold() in _MONTHS:
        day, month = int(match.group(1)), _MONTHS[match.group(2).casefold()]
        written = match.group(3)
        year = int(written) if len(written) == 4 else int(written) + (1900 if int(written) >= TWO_DIGIT_PIVOT else 2000)
    elif match := _STATA_MONTH.match(value) or _YEAR_MONTH.match(value):
        year, month, day = int(match.group(1)), int(match.group(2)), None
    elif _YEAR.match(value):
        year, month, day = int(value), None, None
    elif epoch and _EPOCH_MS.match(value):
        if not _EPOCH_RANGE[0] <= int(value) <= _EPOCH_RANGE[1]:
            return None, None, f"is not a date: {shown(value)} milliseconds since 1970 is not between the years 1 and 9999"
        moment = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(milliseconds=int(value))
        year, month, day = moment.year, moment.month, moment.day
        if moment.time() != datetime.time(0):
            repair = f"read {value} (milliseconds since 1970) as {moment:%Y-%m-%d %H:%M} UTC: kept the day {moment:%Y-%m-%d}"
    else:
        return None, None, f"must be a date such as {DATE_FORMATS} (got {shown(value)})"
    if year < 1 or (month is not None and not 1 <= month <= 12):
        return None, None, f"is not a real date (got {shown(value)}: month must be in 1..12)"
    if day is not None:
        assert month is not None
        try:
            datetime.date(year, month, day)
        except ValueError as error:
            return None, None, f"is not a real date (got {shown(value)}: {error})"
    return _date(year, month, day), repair, None


_CLEAN_DATES: dict[str, PartialDate] = {}
"""Texts read as dates with no repair and no problem, shared by every import (files repeat their dates)."""
_DATES: SharedValues[tuple[int, int | None, int | None], PartialDate] = SharedValues(
    lambda key: PartialDate(year=key[0], month=key[1], day=key[2])
)
"""Dates, shared between rows (files repeat the same few dates)."""


def _date(year: int, month: int | None, day: int | None) -> PartialDate:
    """Return the PartialDate, shared between rows."""
    return _DATES[year, month, day]


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
    shown = ", ".join(quoted(cell) for cell in header[:12]) + (", ..." if len(header) > 12 else "")
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


# --- the fast path ----------------------------------------------------------------------------


class _Unclean:
    def __repr__(self) -> str:
        return "<unclean>"


UNCLEAN: Final[Any] = _Unclean()
"""What `CleanValues.learn` returns for text that does not read cleanly in its column."""

CACHE_LIMIT = 1 << 16
"""The most texts a `CleanValues` keeps; beyond, new texts are read each time (and still read right)."""


@attrs.frozen(slots=True)
class Table:
    """What the fast path of an import needs to know of the file: its layout and header."""

    layout: Layout
    positions: Mapping[str, int]
    header: Sequence[str]
    na: frozenset[str]
    epoch: bool = False

    def clean(self, name: str, read: Callable[[Cells], V]) -> CleanValues[V]:
        """A cache of the texts of column ``name`` that ``read`` reads cleanly.

        Args:
            name: The canonical name of the column; ``read`` reads this column of a `Cells`.
            read: Reads the column's value from a row, as the row parser does (e.g.
                ``lambda cells: cells.integer("troops")``; see `required`); it must read no other
                column when the text is clean, so that the value depends on the text alone.
        """
        return CleanValues(self, name, read)


def required(read: Callable[[Cells], V | None]) -> Callable[[Cells], V]:
    """``read`` for a required column, typed without None: None (which comes with a problem) is `UNCLEAN`."""

    def read_required(cells: Cells) -> V:
        value = read(cells)
        return UNCLEAN if value is None else value

    return read_required


class CleanValues(Generic[V]):
    """The texts of one column that read cleanly (no warning, no problem), with their values.

    Rows repeat the same few texts (codes, categories, dates, counts): each is read once by the
    importer's own reading of the column, with a `Cells` of that one cell, and its value is then
    shared by every row that has it, which also saves memory (one string, int or date for all).

    Attributes:
        known: Text -> value, for the texts that read cleanly (look-ups in the fast path).
    """

    __slots__ = ("_epoch", "_header", "_na", "_positions", "_read", "_unclean", "known")

    def __init__(self, table: Table, name: str, read: Callable[[Cells], V]) -> None:
        position = table.positions.get(name)
        self._header = [name if position is None else table.header[position]]
        self._positions = {name: 0}
        self._na = table.na
        self._epoch = table.epoch
        self._read = read
        self.known: dict[str, V] = {}
        self._unclean: set[str] = set()

    def learn(self, text: str) -> V:
        """Read ``text`` as the column's only cell; return its value, or `UNCLEAN`, and remember it."""
        if text in self._unclean:
            return UNCLEAN  # type: ignore[no-any-return]
        cells = Cells(0, [text], self._positions, self._header, self._na, epoch=self._epoch)
        value = self._read(cells)
        if cells.problems or cells.warnings:
            if len(self._unclean) < CACHE_LIMIT:
                self._unclean.add(text)
            return UNCLEAN  # type: ignore[no-any-return]
        if len(self.known) < CACHE_LIMIT:
            self.known[text] = value
        return value


FastRows = Callable[[list[str], int], bool]
"""The fast path of an import: given a row (as many cells as the header) and its line, it either
appends the row's records to the result and returns True, or appends nothing and returns False
for the row parser to read (and report) the row. It takes a row only when every cell it reads
reads cleanly, and only records that pass their validation."""

FastPath = Callable[[Table, list[T]], FastRows]
"""Makes the fast path of one import, given the file's `Table` and the list of records to append to."""


def record_maker(cls: type[T], *names: str) -> Callable[..., T]:
    """Compile a function that builds a record of the attrs class ``cls`` from the values of ``names``.

    The function takes the values of ``names`` positionally, in that order; the other fields take
    their defaults. It sets the slots directly (past the frozen ``__setattr__`` and the field
    converters), then runs the class's ``__attrs_post_init__`` (for the record classes:
    ``_engine.validate``, every rule of the class), so a record it returns is one the constructor
    would return, and a value that breaks a rule raises the same `ValidationError`. It is cheaper
    than the constructor because it skips the converters: give it values already of the field's
    type (a `Strength`, a `PartialDate`, a tuple), which the converters would return unchanged.

    Args:
        cls: A slotted attrs class, with no attrs validators and no ``__attrs_pre_init__``.
        *names: The fields given, in the order of the function's arguments.

    Returns:
        The function.

    Raises:
        TypeError: If the class is not supported or a name is not one of its fields.

    Example:
        >>> from missionmodel import Contribution, ContributionKind, ContributionStatus
        >>> make = record_maker(Contribution, "contributor", "kind", "status")
        >>> troops, deployed = ContributionKind.TROOPS, ContributionStatus.DEPLOYED
        >>> make("IDN", troops, deployed) == Contribution(contributor="IDN", kind=troops, status=deployed)
        True
        >>> make("Indonesia", troops, deployed)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        missionmodel.exceptions.ValidationError: Contribution has 1 problem:
          contributor: 'contributor' must be a lower-case slug ... (got 'Indonesia'); did you mean 'IDN'?
    """
    if not attrs.has(cls):
        raise TypeError(f"record_maker: {cls!r} is not an attrs class")
    fields = attrs.fields(cls)
    unknown = set(names) - {field.name for field in fields}
    if unknown or len(set(names)) != len(names):
        raise TypeError(f"record_maker: not the fields of {cls.__name__} once each: {names}")
    if getattr(cls, "__attrs_pre_init__", None) is not None:
        raise TypeError(f"record_maker: {cls.__name__} has __attrs_pre_init__")
    slots: set[str] = set()
    for klass in cls.__mro__:
        declared = klass.__dict__.get("__slots__", ())
        slots.update((declared,) if isinstance(declared, str) else declared)
    hidden = slots - {field.name for field in fields} - {"__weakref__", "__dict__"}
    if hidden:  # e.g. the cached hash of cache_hash=True, which __init__ sets and this would not
        raise TypeError(f"record_maker: {cls.__name__} has slots that are not fields: {sorted(hidden)}")
    namespace: dict[str, Any] = {"_new": object.__new__, "_C": cls}
    arguments = {name: f"a{index}" for index, name in enumerate(names)}
    lines = [f"def make({', '.join(arguments.values())}):", "    o = _new(_C)"]
    for index, field in enumerate(fields):
        if field.validator is not None or field.on_setattr not in (None, attrs.setters.NO_OP):
            raise TypeError(f"record_maker: {cls.__name__}.{field.name} has a validator or an on_setattr hook")
        descriptor = inspect.getattr_static(cls, field.name, None)
        if descriptor is None or not hasattr(descriptor, "__set__") or not hasattr(descriptor, "__delete__"):
            raise TypeError(f"record_maker: {cls.__name__} is not slotted")
        namespace[f"_s{index}"] = descriptor.__set__
        if field.name in arguments:
            value = arguments[field.name]
        elif field.default is attrs.NOTHING:
            raise TypeError(f"record_maker: the required field {field.name!r} of {cls.__name__} is not given")
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            factory = field.default.factory
            if field.default.takes_self:
                raise TypeError(f"record_maker: the default of {cls.__name__}.{field.name} takes self")
            if factory is tuple:
                value = "()"  # the empty tuple is a constant
            else:
                namespace[f"_f{index}"] = factory
                value = f"_f{index}()"
        else:
            namespace[f"_d{index}"] = field.default
            value = f"_d{index}"
        lines.append(f"    _s{index}(o, {value})")
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is not None:
        namespace["_post"] = post_init
        lines.append("    _post(o)")
    lines.append("    return o")
    exec(compile("\n".join(lines), f"<missionmodel importer maker for {cls.__name__}>", "exec"), namespace)
    make: Callable[..., T] = namespace["make"]
    return make


# --- the engine -------------------------------------------------------------------------------


@contextmanager
def full_collections_deferred() -> Iterator[None]:
    """Keep Python's garbage collector from running full collections during the block.

    An import makes a few objects per row that live on (a record, its entry, its line number)
    and make no reference cycles. A full collection walks every object alive, so with the usual
    thresholds a long import walks the records made so far again and again (each time a quarter
    more have been made): over a million rows that costs about a quarter of the import's time,
    and frees nothing. During the block the young generations are still collected as usual (each
    new object is looked at as usual, while it is fresh), and the threshold of the oldest
    generation is restored after it, so the next full collection comes as it would have. The
    thresholds are the process's: a thread that sets them during an import has them reset after.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], 1 << 30)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


Finish = Callable[[list[T], Callable[[RowIssue], None]], list[T]]
"""A post-pass over the records of an import, after its last row: it may reconcile repeated rows
(merge or replace their records) and give warnings (a `RowIssue` naming the rows concerned); it
returns the records to keep. It never rejects a row: a row taken stays counted as taken."""

_JSON_FORMATS = {
    (False, False): "",
    (True, False): " (JSON)",
    (True, True): " (JSON; rows numbered by their place in the array)",
}
"""What the format's name says of a JSON export and of how its rows are numbered."""

FIELD_LIMIT = 131_072
"""The longest cell an import reads (the csv module's default limit); a longer one rejects its row.

The csv module's limit is the process's: an import sets it to this for its duration and restores
it after (another package may have raised it, as reverse_geocode does when imported)."""


@contextmanager
def _field_limit() -> Iterator[None]:
    before = csv.field_size_limit(FIELD_LIMIT)
    try:
        yield
    finally:
        csv.field_size_limit(before)


@attrs.define
class _Account(Generic[T]):
    """What an import has found so far: records, rejections, warnings and counts."""

    records: list[T] = attrs.Factory(list)
    rejected: list[RowIssue] = attrs.Factory(list)
    warnings: list[RowIssue] = attrs.Factory(list)
    given: dict[tuple[str | None, str], int] = attrs.Factory(dict)
    rows_read: int = 0
    rows_rejected: int = 0

    def reject(self, line: int, message: str) -> None:
        self.rejected.append(RowIssue(row=line, column=None, message=message))
        self.rows_rejected += 1

    def warn(self, issue: RowIssue) -> None:
        key = (issue.column, issue.message)
        count = self.given[key] = self.given.get(key, 0) + 1
        if count <= WARNINGS_KEPT:
            self.warnings.append(issue)


class _NotUtf8(Exception):
    """A byte that is not UTF-8 met while reading a file as UTF-8 text: read it again, line by line."""


_ESCAPED = re.compile("[\udc80-\udcff]")
"""A byte that was not UTF-8, as the ``surrogateescape`` error handler keeps it in the text."""


class _Lines:
    """The lines of a file for the csv module, numbered, that give back a row that cannot be read.

    Used when a file must be read again with care (a byte that is not UTF-8, a row the csv module
    cannot read): each line is numbered as it is read; a line holding a byte that is not UTF-8
    (kept by ``surrogateescape``) is noted in ``bad``; and when a row fails, `give_back` returns its
    lines but the first, to be read again as rows of their own, so that an unbalanced quote costs
    one line, not every line up to the next quote.
    """

    __slots__ = ("_back", "_read", "_row", "_source", "bad", "number")

    def __init__(self, source: Iterable[str]) -> None:
        self._source = iter(source)
        self._back: collections.deque[tuple[int, str]] = collections.deque()
        self._row: list[tuple[int, str]] = []
        self._read = 0
        self.number = 0
        """The number of the line given last."""
        self.bad: dict[int, str] = {}

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._back:
            self.number, text = self._back.popleft()
        else:
            text = next(self._source)
            self._read += 1
            self.number = self._read
            found = _ESCAPED.search(text)
            if found is not None:
                byte = ord(found.group()) - 0xDC00
                at = len(text[: found.start()].encode("utf-8", "surrogateescape")) + 1
                where = f"0x{byte:02X} at byte {at} of line {self.number}"
                self.bad[self.number] = f"has a byte that is not UTF-8 text ({where}): was the file saved in another encoding?"
        self._row.append((self.number, text))
        return text

    def start_row(self) -> int:
        """Begin a row: return the number of its first line."""
        self._row.clear()
        return self._back[0][0] if self._back else self._read + 1

    def give_back(self) -> None:
        """Give back the lines of the row being read but its first, to be read again."""
        self._back.extendleft(reversed(self._row[1:]))
        self._row.clear()


class _Restart(Exception):
    """A row of a file that the csv module cannot read, or a byte that is not UTF-8: read the file again with care."""


def _first_line(handle: IO[str]) -> tuple[str, bool]:
    """The first line of the file, and whether the file is JSON (it starts with ``[`` or ``{``)."""
    first = handle.readline()
    return first, first.lstrip("\ufeff \t\r\n")[:1] in ("[", "{")


def run(
    source: CsvSource,
    layouts: Sequence[Layout],
    what: str,
    parse: Callable[[Layout], RowParser[T]],
    *,
    strict: bool,
    sources: tuple[Source, ...] = (),
    na: Iterable[str] = (),
    fast: FastPath[T] | None = None,
    finish: Finish[T] | None = None,
) -> ImportResult[T]:
    """Read ``source`` row by row with the parser made for the recognised layout; return the result.

    ``source`` is a CSV file, or a JSON export of the same table (an array of objects, or an
    object holding one; recognised by its first character), whose rows are the objects, whose
    columns are their keys, and whose dates may be milliseconds since 1970.

    Rows that ``fast`` takes are taken as they are; the others are read by the parser. Of the
    warnings with the same column and message, the first `WARNINGS_KEPT` are kept and the others
    counted (in `ImportReport.repeated`). A row that cannot be read (a cell longer than
    `FIELD_LIMIT`, a NUL byte, a byte that is not UTF-8, broken quoting) is rejected with its line,
    and the rest of the file is read. ``finish``, if given, runs over the records after the last row.
    """
    missing_values = frozenset(na)
    is_json = False
    by_place = [False]  # JSON rows numbered by their place in the array, not by line
    how = (layouts, what, parse, missing_values, fast)
    with _opened(source) as (handle, name):
        try:
            first, is_json = _first_line(handle)
            if is_json:
                from ._json import json_rows

                header, json_lines = json_rows(first + handle.read(), name, by_place)
                account, layout = _read(
                    header, None, json_lines, name, *how, strict=strict, epoch=True
                )
            elif isinstance(source, (str, os.PathLike)):
                lines = itertools.chain((first,), handle)
                account, layout = _read(None, lines, None, name, *how, strict=strict)
            else:  # an open file cannot be read again: read it with care from the start
                careful = _Lines(itertools.chain((first,), handle))
                account, layout = _read(None, careful, None, name, *how, strict=strict, careful=careful)
        except (_Restart, _NotUtf8, UnicodeDecodeError) as error:
            if not isinstance(source, (str, os.PathLike)):
                reason = getattr(error, "reason", "not UTF-8")
                raise FormatError(f"{name}: not UTF-8 text ({reason}); open the file with its encoding") from None
            descriptor, _ = open_for_reading(name)
            with open(descriptor, encoding="utf-8-sig", errors="surrogateescape", newline="") as again:
                first_line, is_json = _first_line(again)
                if is_json:
                    raise FormatError(f"{name}: not UTF-8 text: save the JSON file as UTF-8") from None
                careful = _Lines(itertools.chain((first_line,), again))
                account, layout = _read(None, careful, None, name, *how, strict=strict, careful=careful)
    records = account.records
    if finish is not None:
        records = finish(records, account.warn)
    repeated = tuple(
        RepeatedWarning(column=column, message=message, count=count, kept=WARNINGS_KEPT)
        for (column, message), count in account.given.items()
        if count > WARNINGS_KEPT
    )
    report = ImportReport(
        source=name,
        format=layout.name + _JSON_FORMATS[(is_json, by_place[0])],
        rows_read=account.rows_read,
        rows_taken=account.rows_read - account.rows_rejected,
        rejected=tuple(account.rejected),
        warnings=tuple(account.warnings),
        repeated=repeated,
        strict=strict,
    )
    return ImportResult(records=tuple(records), report=report, sources=sources)


def _read(
    header: list[str] | None,
    lines: Iterable[str] | None,
    json_lines: Iterable[tuple[int, list[str] | str]] | None,
    name: str,
    layouts: Sequence[Layout],
    what: str,
    parse: Callable[[Layout], RowParser[T]],
    na: frozenset[str],
    fast: FastPath[T] | None,
    *,
    strict: bool = False,
    epoch: bool = False,
    careful: _Lines | None = None,
) -> tuple[_Account[T], Layout]:
    """Read the rows of one file: CSV ``lines``, or the ``header`` and rows of a JSON export.

    The CSV rows are read at full speed; a row the csv module cannot read, or a byte that is not
    UTF-8, raises `_Restart` (or `_NotUtf8`) for the file to be read again ``careful``ly, from a
    `_Lines`: row by row, rejecting only the rows that cannot be read.
    """
    account: _Account[T] = _Account()
    records, rejected = account.records, account.rejected
    reader = None
    if lines is not None:
        reader = csv.reader(lines)
        try:
            header = next(reader, None)
        except csv.Error as error:
            raise FormatError(f"{name}: line 1: the header is not readable as CSV: {error}", line=1) from None
        except UnicodeDecodeError:
            raise _NotUtf8 from None
    if header is None or not any(cell.strip() for cell in header):
        raise FormatError(f"{name}: the file is empty: there is no header line", line=1)
    if careful is not None and 1 in careful.bad:
        raise FormatError(f"{name}: line 1: the header {careful.bad[1]}", line=1)
    layout, positions = detect(header, layouts, what, name)
    parse_row = parse(layout)
    take = None if fast is None else fast(Table(layout, positions, header, na, epoch), records)
    width = len(header)

    def slowly(values: list[str], line: int) -> None:
        """Read a row that the fast path did not take: take it, or reject it with its reasons."""
        if not values:
            account.reject(line, "is blank")
            return
        if len(values) != width:
            account.reject(line, f"has {len(values)} fields; the header has {width}")
            return
        cells = Cells(line, values, positions, header, na, epoch=epoch)
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
            account.rows_rejected += 1
            return
        records.extend(made)
        for issue in cells.warnings:
            account.warn(issue)

    with full_collections_deferred(), _field_limit():
        if json_lines is not None:
            for line, values in json_lines:
                account.rows_read += 1
                if isinstance(values, str):
                    account.reject(line, values)
                    continue
                if take is None or len(values) != width or not take(values, line):
                    slowly(values, line)
            return account, layout
        assert reader is not None
        if careful is not None:
            _read_carefully(reader, careful, account, take, slowly, width)
            return account, layout
        last_line = reader.line_num
        try:
            for values in reader:
                line = last_line + 1
                last_line = reader.line_num
                account.rows_read += 1
                if len(values) == width:
                    if take is not None and take(values, line):
                        continue
                elif last_line > line:
                    raise _Restart  # a ragged row over several lines: a quote not closed where it should be
                slowly(values, line)
        except csv.Error:
            raise _Restart from None
        except UnicodeDecodeError:
            raise _NotUtf8 from None
    return account, layout


def _read_carefully(
    reader: Iterator[list[str]],
    lines: _Lines,
    account: _Account[T],
    take: FastRows | None,
    slowly: Callable[[list[str], int], None],
    width: int,
) -> None:
    """Read the rows of a file again with care: a row that cannot be read is rejected alone.

    A row the csv module cannot read, or a row of the wrong width over several lines (a quote not
    closed where the row should end, which took the next lines into one cell), is rejected at its
    first line, and its other lines are read again as rows of their own.
    """
    while True:
        line = lines.start_row()
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            account.rows_read += 1
            account.reject(line, _unreadable(str(error)))
            lines.give_back()
            continue
        account.rows_read += 1
        bad = [lines.bad[number] for number in range(line, lines.number + 1) if number in lines.bad]
        if bad:
            account.reject(line, bad[0])
            continue
        if len(values) == width:
            if take is not None and take(values, line):
                continue
        elif lines.number > line:
            account.reject(line, f"has a quote that is not closed where the row ends (a row of {len(values)} fields over lines"
                           f" {line} to {lines.number}; the header has {width}): not read, and its next lines are read as rows")
            lines.give_back()
            continue
        slowly(values, line)


def _unreadable(reason: str) -> str:
    """Why the csv module could not read a row, in plain words."""
    if reason.startswith("field larger than field limit"):
        return f"has a cell longer than {FIELD_LIMIT:,} characters, or a quote that is never closed: not read"
    return f"is not readable as CSV: {reason}"
