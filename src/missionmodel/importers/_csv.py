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

import csv
import datetime
import gc
import inspect
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
V = TypeVar("V")

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
        descriptor, _ = open_for_reading(name)  # a regular file, or a FormatError at once
        with open(descriptor, encoding="utf-8-sig", newline="") as handle:
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

    __slots__ = ("_header", "_na", "_positions", "_read", "_unclean", "known")

    def __init__(self, table: Table, name: str, read: Callable[[Cells], V]) -> None:
        position = table.positions.get(name)
        self._header = [name if position is None else table.header[position]]
        self._positions = {name: 0}
        self._na = table.na
        self._read = read
        self.known: dict[str, V] = {}
        self._unclean: set[str] = set()

    def learn(self, text: str) -> V:
        """Read ``text`` as the column's only cell; return its value, or `UNCLEAN`, and remember it."""
        if text in self._unclean:
            return UNCLEAN  # type: ignore[no-any-return]
        cells = Cells(0, [text], self._positions, self._header, self._na)
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
) -> ImportResult[T]:
    """Read ``source`` row by row with the parser made for the recognised layout; return the result.

    Rows that ``fast`` takes are taken as they are; the others are read by the parser. Of the
    warnings with the same column and message, the first `WARNINGS_KEPT` are kept and the others
    counted (in `ImportReport.repeated`).
    """
    missing_values = frozenset(na)
    records: list[T] = []
    rejected: list[RowIssue] = []
    warnings: list[RowIssue] = []
    given: dict[tuple[str | None, str], int] = {}
    rows_read = rows_rejected = 0
    with _opened(source) as (handle, name):
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
            if header is None or not any(cell.strip() for cell in header):
                raise FormatError(f"{name}: the file is empty: there is no header line", line=1)
            layout, positions = detect(header, layouts, what, name)
            parse_row = parse(layout)
            take = None if fast is None else fast(Table(layout, positions, header, missing_values), records)
            width = len(header)
            last_line = reader.line_num
            with full_collections_deferred():
                for rows_read, values in enumerate(reader, start=1):  # noqa: B007 - the count is kept
                    line = last_line + 1
                    last_line = reader.line_num
                    if take is not None and len(values) == width and take(values, line):
                        continue
                    if not values:
                        rejected.append(RowIssue(row=line, column=None, message="is blank"))
                        rows_rejected += 1
                        continue
                    if len(values) != width:
                        message = f"has {len(values)} fields; the header has {width}"
                        rejected.append(RowIssue(row=line, column=None, message=message))
                        rows_rejected += 1
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
                        rows_rejected += 1
                        continue
                    records.extend(made)
                    for issue in cells.warnings:
                        key = (issue.column, issue.message)
                        count = given[key] = given.get(key, 0) + 1
                        if count <= WARNINGS_KEPT:
                            warnings.append(issue)
        except csv.Error as error:
            raise FormatError(f"{name}: line {reader.line_num}: not readable as CSV: {error}", line=reader.line_num) from None
        except UnicodeDecodeError as error:
            raise FormatError(f"{name}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    repeated = tuple(
        RepeatedWarning(column=column, message=message, count=count, kept=WARNINGS_KEPT)
        for (column, message), count in given.items()
        if count > WARNINGS_KEPT
    )
    report = ImportReport(
        source=name,
        format=layout.name,
        rows_read=rows_read,
        rows_taken=rows_read - rows_rejected,
        rejected=tuple(rejected),
        warnings=tuple(warnings),
        repeated=repeated,
        strict=strict,
    )
    return ImportResult(records=tuple(records), report=report, sources=sources)
