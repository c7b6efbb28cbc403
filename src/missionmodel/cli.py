r"""The command line: ``missionmodel`` (or ``python -m missionmodel``), for people who do not write Python.

Commands:

* ``validate FILE...``: check mission files; every problem as ``FILE:LINE:COLUMN: path: message``.
* ``show FILE|DATASET``: a readable summary of a mission.
* ``export FILE|DATASET --to FORMAT``: JSON, YAML, a CSV table, GeoJSON, a data package or Parquet.
* ``import TABLE FILE...``: read a published table (UN Data Hub, IPI, Geo-PKO, PEMA) with a report
  of every row.
* ``compare A B``: two missions side by side.
* ``datasets``: the datasets shipped with missionmodel.
* ``schema``: the JSON Schema of mission files, for editors.

Results go to standard output, or to a file with ``-o FILE`` (written whole or not at all);
errors go to standard error, one line each. The exit status is 0 when all is well, 1 when
problems were found (a file that does not validate, rows rejected, a file that cannot be read)
and 2 when the command line itself is wrong (an unknown option, a dataset that does not exist).

Example:
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "mission.yaml").write_text("id: m\nname: M\nkind: peacekeeping\nstatus: actve\n", encoding="utf-8")
    >>> main(["validate", str(folder / "mission.yaml"), "-o", str(folder / "problems.txt")])
    1
    >>> print((folder / "problems.txt").read_text(encoding="utf-8").partition("mission.yaml:")[2], end="")  # doctest: +ELLIPSIS
    4:9: status: 'status' must be one of 'proposed', ... (got 'actve' that is a str); did you mean 'active'?
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .dates import PartialDate
    from .exceptions import ErrorDetail, FormatError, ValidationError
    from .importers.result import ImportReport, ImportResult
    from .mission import Mission
    from .serialisation import Format

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "READERS", "build_parser", "main"]

EXIT_OK = 0
"""The exit status when all went well."""
EXIT_PROBLEMS = 1
"""The exit status when problems were found: a file that does not validate or cannot be read, rows rejected."""
EXIT_USAGE = 2
"""The exit status when the command line is wrong: an unknown option, a dataset that does not exist."""

PROG = "missionmodel"

READERS: dict[str, tuple[str, str, str]] = {
    "un-missions": ("un", "read_missions", "UN Peace and Security Data Hub: peacekeeping missions (DPPADPOSS-PKO)"),
    "un-contributions": (
        "un",
        "read_contributions",
        "UN Data Hub: personnel by contributing country, mission and month (DPO-UCHISTORICAL)",
    ),
    "un-fatalities": ("un", "read_fatalities", "UN Data Hub: peacekeepers who died in service (DPPADPOSS-FATALITIES)"),
    "un-country-totals": ("un", "read_country_totals", "UN Data Hub: latest uniformed personnel by country (DPO-UCLATEST)"),
    "ipi-contributions": (
        "ipi",
        "read_contributions",
        "IPI Providing for Peacekeeping: contributions by country, mission and month",
    ),
    "ipi-mission-totals": ("ipi", "read_mission_totals", "IPI Providing for Peacekeeping: totals per mission and month"),
    "geopko-sites": ("geopko", "read_sites", "Geo-PKO: deployment locations with coordinates and troops"),
    "pema-mandates": ("pema", "read_mandates", "PEMA: Security Council mandates of UN peacekeeping in Africa, 1991-2017"),
}
"""The tables ``missionmodel import`` reads: name -> (importer module, reader function, what it is)."""

_TABLE_OF_READER = {
    "un-missions": "missions",
    "un-contributions": "contributions",
    "ipi-contributions": "contributions",
    "un-fatalities": "fatalities",
    "geopko-sites": "sites",
}
"""The table of `missionmodel.tables` that ``import -o FILE.csv`` writes; other readers write each record's fields."""

_EXPORT_FORMATS = ("json", "yaml", "csv", "geojson", "datapackage", "parquet")
_TABLE_NAMES = (
    "contributions",
    "claims",
    "missions",
    "mandates",
    "personnel",
    "appointments",
    "positions",
    "fatalities",
    "fatality_counts",
    "budgets",
    "events",
    "coverage",
    "sites",
    "site_contingents",
    "sources",
)
"""The tables of `missionmodel.tables.TABLES` (named here so that ``--help`` does not import them)."""
_PROGRESS_INTERVAL = 0.1
"""Seconds between two drawings of the progress bar."""


class _Failure(Exception):
    """The command cannot go on: ``message`` is printed on standard error, and ``code`` is the exit status."""

    def __init__(self, message: str, code: int = EXIT_PROBLEMS) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


# --- output -----------------------------------------------------------------------------------


def _error(message: str) -> None:
    """Print one line on standard error, after the program's name."""
    print(f"{PROG}: {message}", file=sys.stderr)


def _note(message: str) -> None:
    print(f"{PROG}: note: {message}", file=sys.stderr)


def _emit(text: str, output: str | None) -> None:
    """Write ``text`` to the file ``output`` (atomically), or to standard output."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from ._atomic import atomic_writer

    with atomic_writer(output) as handle:
        handle.write(text)


def _report(text: str) -> None:
    """Print ``text`` on standard output, and go on if its reader has gone (``| head``): -o files are still written."""
    try:
        _emit(text, None)
    except BrokenPipeError:
        _silence_stdout()


def _silence_stdout() -> None:
    """Send what is left of standard output nowhere, once its reader has gone."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # pragma: no cover - no file descriptor to replace
        pass


def _one_line(text: str) -> str:
    """The text on one line: a library's message may hold several."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


# --- reading missions -------------------------------------------------------------------------

_PLACE_IN_MESSAGE = re.compile(r"^(invalid (?:JSON|YAML)) at line [0-9]+, column [0-9]+: ")
_PLACE_IN_UTF8 = re.compile(r"^(not UTF-8 text) at line [0-9]+, column [0-9]+ ")


def _format_problem(name: str, error: FormatError) -> str:
    """``FILE:LINE:COLUMN: message`` (or ``FILE: message``) for a file that cannot be read."""
    message = _one_line(str(error))
    if message.startswith(f"{name}: "):
        message = message[len(name) + 2 :]
    message = message.replace(f"cannot read {name!r}: ", "cannot read the file: ")
    message = message.replace(f"cannot tell the format of {name!r}: ", "cannot tell the format: ")
    message = _PLACE_IN_UTF8.sub(r"\1 ", _PLACE_IN_MESSAGE.sub(r"\1: ", message))
    if error.line is not None:
        return f"{name}:{error.line}:{error.column or 1}: {message}"
    return f"{name}: {message}"


def _problem_lines(name: str, text: str | None, format: str | None, error: ValidationError) -> list[str]:
    """Each problem of ``error`` as ``FILE:LINE:COLUMN: path: message``, in the order of the text."""
    from ._locate import locate, outline

    root = outline(text, format) if text is not None and format is not None else None
    placed: list[tuple[int, int, str]] = []
    for detail in error.errors:
        if root is None:
            placed.append((0, 0, f"{name}: {_detail(detail)}"))
            continue
        where = locate(root, detail.path, key=detail.message.startswith("unknown key"))
        placed.append((where.line, where.column, f"{name}:{where.line}:{where.column}: {_detail(detail)}"))
    placed.sort(key=lambda item: (item[0], item[1]))
    lines = [line for _, _, line in placed]
    if error.count > len(error.errors):
        lines.append(f"{name}: ... and {error.count - len(error.errors):,} more problems not listed")
    return lines


def _detail(detail: ErrorDetail) -> str:
    return _one_line(str(detail))


def _read_text(name: str) -> tuple[str, Format]:
    """The text of the mission file ``name`` and its format; `FormatError` if it cannot be read."""
    from ._atomic import open_for_reading
    from .serialisation import _decode, _read_bytes, format_of

    descriptor, _ = open_for_reading(name)  # a missing file or a folder is said so, whatever its name
    os.close(descriptor)
    format = format_of(name)
    return _decode(name, _read_bytes(name, 256 * 1024 * 1024)), format


def _load_file(name: str) -> tuple[Mission | None, list[str]]:
    """The mission in the file ``name``, or None and its problems, one line each."""
    from .exceptions import FormatError, ValidationError
    from .mission import Mission
    from .serialisation import loads

    text: str | None = None
    format: Format | None = None
    try:
        text, format = _read_text(name)
        return loads(text, Mission, format), []
    except FormatError as error:
        return None, [_format_problem(name, error)]
    except ValidationError as error:
        return None, _problem_lines(name, text, format, error)


def _is_dataset(target: str) -> bool:
    from . import datasets

    return target in datasets.names() and not os.path.lexists(target)


def _mission(target: str) -> Mission:
    """The mission that ``target`` names: a file, or a shipped dataset (when no such file exists)."""
    from . import datasets

    if _is_dataset(target):
        return datasets.load(target)
    looks_like_file = os.path.lexists(target) or os.sep in target or "/" in target or "." in os.path.basename(target)
    if not looks_like_file:
        names = ", ".join(datasets.names())
        raise _Failure(
            f"{target!r} is neither a file nor a dataset; give a .yaml or .json file, or one of the datasets: {names}",
            EXIT_USAGE,
        )
    mission, problems = _load_file(target)
    if mission is None:
        for line in problems:
            print(line, file=sys.stderr)
        raise _Failure(
            f"{target} cannot be used as it is: "
            + (f"{len(problems)} problems, listed above" if len(problems) > 1 else "see the problem above"),
        )
    return mission


def _label(mission: Mission) -> str:
    return mission.acronym or mission.id


# --- validate ---------------------------------------------------------------------------------


def _validate(args: argparse.Namespace) -> int:
    lines: list[str] = []
    bad_files = 0
    problems = 0
    for name in args.files:
        mission, found = _load_file(name)
        if mission is None:
            bad_files += 1
            problems += len(found)
            lines += found
        elif args.verbose:
            lines.append(f"{name}: ok")
    _emit("".join(line + "\n" for line in lines), args.output)
    files = len(args.files)
    if bad_files:
        noun = "problem" if problems == 1 else "problems"
        print(f"{problems:,} {noun} in {bad_files:,} of {files:,} file{'s' if files > 1 else ''}", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.verbose:
        print(f"{files:,} file{'s' if files > 1 else ''} checked: no problems", file=sys.stderr)
    return EXIT_OK


# --- show -------------------------------------------------------------------------------------


def _show(args: argparse.Namespace) -> int:
    mission = _mission(args.target)
    text = mission.summary(args.on)
    _emit(text if text.endswith("\n") else text + "\n", args.output)
    return EXIT_OK


# --- export -----------------------------------------------------------------------------------


def _table(name: str, missions: list[Mission], on: PartialDate | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows of the table ``name`` of `missionmodel.tables` for ``missions``, and its columns."""
    from .tables import COLUMNS, TABLES

    if name not in TABLES:
        raise _Failure(f"there is no table {name!r}; the tables are: {', '.join(TABLES)}", EXIT_USAGE)
    rows = TABLES[name](missions, on=on) if name == "claims" else TABLES[name](missions)
    return rows, [column.name for column in COLUMNS[name]]


def _csv_text(rows: list[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    buffer = io.StringIO()
    header = list(columns) if columns is not None else list(rows[0]) if rows else []
    if header:
        writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()


def _write_csv(rows: list[dict[str, Any]], output: str | None, columns: Sequence[str] | None = None) -> None:
    """Write rows as CSV (as `missionmodel.tables.write_csv` does) to the file ``output``, or to the screen."""
    if output is None:
        _emit(_csv_text(rows, columns), None)
        return
    from .tables import write_csv

    write_csv(rows, output, columns=columns)


def _json_text(data: Any) -> str:
    import json

    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _export(args: argparse.Namespace) -> int:
    to: str = args.to
    if args.table is not None and to not in ("csv", "parquet", "datapackage"):
        raise _Failure(f"--table is for --to csv, parquet or datapackage, not --to {to}", EXIT_USAGE)
    if args.on is not None and not (to == "datapackage" or args.table == "claims"):
        raise _Failure("--on is for the claims table (--table claims) and --to datapackage", EXIT_USAGE)
    if to in ("datapackage", "parquet") and args.output is None:
        example = "-o my-mission-data" if to == "datapackage" else "-o contributions.parquet"
        raise _Failure(
            f"--to {to} writes {'a folder' if to == 'datapackage' else 'a file'}: name it with -o ({example})", EXIT_USAGE
        )
    mission = _mission(args.target)
    table = args.table or "contributions"
    if to in ("json", "yaml"):
        from .serialisation import dumps

        _emit(dumps(mission, format="json" if to == "json" else "yaml"), args.output)
    elif to == "csv":
        rows, columns = _table(table, [mission], args.on)
        _write_csv(rows, args.output, columns)
    elif to == "geojson":
        import json

        from .geojson import feature_collection, unlocated_places

        collection = feature_collection(mission)
        text = json.dumps(collection, ensure_ascii=False, allow_nan=False) + "\n"
        _emit(text, args.output)
        left_out = unlocated_places(mission)
        if not collection["features"]:
            _note(f"{_label(mission)} records no place with coordinates: the map is empty")
        if left_out:
            places = f"{len(left_out)} place{'s' if len(left_out) > 1 else ''}"
            _note(f"{places} without coordinates left off the map: {', '.join(left_out)}")
    elif to == "datapackage":
        from .datapackage import write_datapackage

        written = write_datapackage(mission, args.output, tables=None if args.table is None else [args.table], on=args.on)
        _note(f"wrote {written} and the tables it describes")
    else:  # parquet
        from .tables import write_parquet

        rows, columns = _table(table, [mission], args.on)
        try:
            write_parquet(rows, args.output, columns, table=table)
        except ImportError as error:
            raise _Failure(_one_line(str(error))) from None
    return EXIT_OK


# --- import -----------------------------------------------------------------------------------


class _Progress:
    """A plain progress bar on standard error: bytes read of the file's size, redrawn at most ten times a second."""

    def __init__(self, label: str, total: int, stream: IO[str]) -> None:
        self.label = label
        self.total = max(total, 1)
        self.stream = stream
        self.drawn = 0.0
        self.shown = False

    def update(self, done: int, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.drawn < _PROGRESS_INTERVAL:
            return
        self.drawn = now
        width = shutil.get_terminal_size((80, 24)).columns
        fraction = min(done / self.total, 1.0)
        figures = f" {fraction:4.0%}  {_size(done)} of {_size(self.total)}"
        label = self.label if len(self.label) <= 30 else "..." + self.label[-27:]
        room = max(width - len(label) - len(figures) - 4, 10)
        filled = int(room * fraction)
        self.stream.write(f"\r{label} [{'#' * filled}{'.' * (room - filled)}]{figures}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            width = shutil.get_terminal_size((80, 24)).columns
            self.stream.write("\r" + " " * (width - 1) + "\r")
            self.stream.flush()


def _size(count: int) -> str:
    if count < 1024 * 1024:
        return f"{count / 1024:.0f} kB" if count >= 1024 else f"{count} B"
    return f"{count / (1024 * 1024):.1f} MB"


class _CountingReader(io.RawIOBase):
    """A raw binary file that counts the bytes read through it and reports them to ``seen``."""

    def __init__(self, descriptor: int, name: str, seen: Callable[[int], None]) -> None:
        super().__init__()
        self._file = io.FileIO(descriptor, "rb", closefd=True)
        self.name = name
        self._seen = seen
        self._count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = self._file.readinto(buffer)
        if count:
            self._count += count
            self._seen(self._count)
        return count or 0

    def close(self) -> None:
        self._file.close()
        super().close()


@contextmanager
def _watched(name: str, progress: bool) -> Iterator[str | IO[str]]:
    """What to give a reader for the file ``name``: the path, or, with a progress bar, the open file wrapped to count bytes."""
    if not progress:
        yield name
        return
    from ._atomic import open_for_reading

    descriptor, info = open_for_reading(name)
    bar = _Progress(os.path.basename(name), info.st_size, sys.stderr)
    raw = _CountingReader(descriptor, name, bar.update)
    text = io.TextIOWrapper(io.BufferedReader(raw, 1 << 16), encoding="utf-8-sig", newline="")
    try:
        yield text
        bar.update(info.st_size, force=True)
    finally:
        bar.close()
        text.close()


def _read_table(reader: Callable[..., ImportResult[Any]], name: str, *, strict: bool, progress: bool) -> ImportResult[Any]:
    """Read one file with ``reader``; with a progress bar when asked, else by its path."""
    from .exceptions import FormatError

    if not progress:
        return reader(name, strict=strict)
    try:
        with _watched(name, progress) as source:
            return reader(source, strict=strict)
    except FormatError:
        # Read by path, as the library does without a bar: a file with bytes that are not UTF-8
        # is then read row by row (only those rows rejected), and every message is the library's own.
        return reader(name, strict=strict)


def _reader(table: str) -> Callable[..., ImportResult[Any]]:
    import importlib

    module_name, function, _ = READERS[table]
    module = importlib.import_module(f"{__package__}.importers.{module_name}")
    reader: Callable[..., ImportResult[Any]] = getattr(module, function)
    return reader


def _import(args: argparse.Namespace) -> int:
    from .exceptions import FormatError

    output: str | None = args.output
    suffix = os.path.splitext(output)[1].lower() if output is not None else ""
    if output is not None and suffix not in (".csv", ".json", ".yaml", ".yml"):
        raise _Failure(f"-o must name a .csv table or a .yaml or .json mission file (got {output!r})", EXIT_USAGE)
    if output is not None and suffix != ".csv" and args.table == "un-country-totals":
        raise _Failure("un-country-totals are totals by country, not part of a mission: write them with -o FILE.csv", EXIT_USAGE)
    if args.mission is not None and (output is None or suffix == ".csv"):
        raise _Failure("--mission chooses the mission written to a .yaml or .json file given with -o", EXIT_USAGE)
    reader = _reader(args.table)
    progress = args.progress and sys.stderr.isatty()
    results: list[ImportResult[Any]] = []
    unreadable = 0
    for name in args.files:
        try:
            result = _read_table(reader, name, strict=args.strict, progress=progress)
        except FormatError as error:
            unreadable += 1
            _error(_one_line(str(error)) if name in str(error) else f"{name}: {_one_line(str(error))}")
            continue
        results.append(result)
        _report(result.report.summary() + "\n")
    if args.issues is not None and results:
        _write_issues([result.report for result in results], args.issues)
    if output is not None:
        if unreadable:
            _error(f"{output} was not written: {unreadable} of {len(args.files)} files could not be read")
        else:
            _write_imported(args.table, results, output, args.mission)
    rejected = sum(result.report.rows_rejected for result in results)
    return EXIT_PROBLEMS if rejected or unreadable else EXIT_OK


def _write_issues(reports: list[ImportReport], path: str) -> None:
    if len(reports) == 1:
        reports[0].write_issues(path)
        return
    from ._atomic import atomic_writer

    with atomic_writer(path, newline="") as handle:
        writer = csv.DictWriter(handle, ["file", "kind", "line", "column", "message", "rows"], lineterminator="\n")
        writer.writeheader()
        for report in reports:
            for row in report.issue_rows():
                writer.writerow({"file": report.source, **row})


def _write_imported(table: str, results: list[ImportResult[Any]], output: str, wanted: str | None) -> None:
    """Write the records read: a CSV table, or one mission as a YAML or JSON file."""
    if output.lower().endswith(".csv"):
        name = _TABLE_OF_READER.get(table)
        if name is None:  # no table of missionmodel.tables holds these records: each record's fields
            _write_csv(_flat_rows([record for result in results for record in result.records]), output)
            return
        rows, columns = _table(name, _assembled(table, results))
        _write_csv(rows, output, columns)
        return
    from .serialisation import dump

    mission = _one_mission(_assembled(table, results), wanted)
    dump(mission, output)
    if table != "un-missions":
        why = f"the catalogue gives its end, {mission.ended}" if mission.ended is not None else "the catalogue gives no end"
        _note(
            f"{_label(mission)} was made from its acronym in the file, with missionmodel's mission catalogue: "
            f"its kind is taken to be peacekeeping, its status {mission.status.value} ({why})"
        )


def _assembled(table: str, results: list[ImportResult[Any]]) -> list[Mission]:
    """The missions that the records read belong to, built with `importers.assemble`.

    A mission known only by its acronym is made with the catalogue's facts; it is taken to be a
    peacekeeping operation (all these tables are of UN peacekeeping), closed when the catalogue
    knows its end, else active.
    """
    import attrs

    from .importers import assemble
    from .mission import MissionKind, MissionStatus

    if table == "un-missions":
        return [record for result in results for record in result.records]
    entries = [entry for result in results for entry in result.records]
    sources = [source for result in results for source in result.sources]
    assembly = assemble(records=entries, sources=sources, kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE)
    return [
        attrs.evolve(mission, status=MissionStatus.CLOSED) if mission.ended is not None else mission
        for mission in assembly.missions
    ]


def _one_mission(missions: list[Mission], wanted: str | None) -> Mission:
    if wanted is not None:
        from .importers import Assembly

        try:
            return Assembly(missions=tuple(missions)).mission(wanted)
        except KeyError:
            raise _Failure(f"no mission {wanted!r} in the records read; they are: {_listed(missions)}") from None
    if len(missions) == 1:
        return missions[0]
    if not missions:
        raise _Failure("no records were read, so there is no mission to write")
    raise _Failure(
        f"the records belong to {len(missions)} missions ({_listed(missions)}): choose one with --mission ACRONYM, "
        "or write them all as a table with -o FILE.csv",
        EXIT_USAGE,
    )


def _listed(missions: list[Mission], most: int = 12) -> str:
    labels = [_label(mission) for mission in missions]
    return ", ".join(labels[:most]) + (f" and {len(labels) - most} more" if len(labels) > most else "")


def _flat_rows(records: list[Any]) -> list[dict[str, Any]]:
    """Records as flat rows, for the readers whose records no table of `missionmodel.tables` holds.

    A `MissionEntry` gives its mission (as written in the file) and line first; then come the
    record's type and its fields: a strength as ``<field>_min``, ``<field>_max`` (empty when there
    is no upper bound) and ``<field>_text``, a date as written (``2003-05``), an enum by its value,
    a record within a record by its fields (``authority.instrument``), and a list's items joined
    with ``"; "`` (records among them as compact JSON).
    """
    from .importers import MissionEntry

    rows: list[dict[str, Any]] = []
    columns: dict[str, None] = {}
    for record in records:
        row: dict[str, Any] = {}
        if isinstance(record, MissionEntry):
            row["mission"] = record.mission
            row["line"] = record.row
            record = record.record
        row["record"] = type(record).__name__
        _flatten(record, "", row)
        columns.update(dict.fromkeys(row))
        rows.append(row)
    return [{column: row.get(column) for column in columns} for row in rows]


def _flatten(value: Any, prefix: str, row: dict[str, Any]) -> None:
    import enum

    import attrs

    from .dates import PartialDate
    from .strength import Strength

    if isinstance(value, Strength):
        row[f"{prefix}_min"], row[f"{prefix}_max"], row[f"{prefix}_text"] = value.low, value.high, str(value)
    elif isinstance(value, PartialDate):
        row[prefix] = str(value)
    elif isinstance(value, enum.Enum):
        row[prefix] = value.value
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            _flatten(getattr(value, field.name), f"{prefix}.{field.name}" if prefix else field.name, row)
    elif isinstance(value, (tuple, list)):
        row[prefix] = "; ".join(_cell(item) for item in value)
    else:
        row[prefix] = value


def _cell(value: Any) -> str:
    """One item of a list, as text: a record as compact JSON, anything else as it prints."""
    import enum
    import json

    import attrs

    from .dates import PartialDate
    from .serialisation import to_dict
    from .strength import Strength

    if isinstance(value, enum.Enum):
        return str(value.value)
    if attrs.has(type(value)) and not isinstance(value, (Strength, PartialDate)):
        return json.dumps(to_dict(value), ensure_ascii=False, separators=(",", ":"))
    return str(value)


# --- compare, datasets, schema ----------------------------------------------------------------


def _compare(args: argparse.Namespace) -> int:
    from .compare import compare, render_text

    first = _mission(args.first)
    second = _mission(args.second)
    rows = compare(first, second, on=args.on)
    width = 48
    if args.output is None and sys.stdout.isatty():
        aspect = max(len(row.aspect) for row in rows) if rows else 10
        width = max(20, min(48, (shutil.get_terminal_size((100, 24)).columns - aspect - 4) // 2))
    _emit(render_text(rows, ("Aspect", _label(first), _label(second)), width=width), args.output)
    return EXIT_OK


def _datasets(args: argparse.Namespace) -> int:
    from . import datasets

    if args.action == "cite":
        if args.name is None:
            raise _Failure(f"name the dataset to cite, for example: {PROG} datasets cite unifil", EXIT_USAGE)
        _emit(datasets.cite(args.name, args.style), args.output)
        return EXIT_OK
    if args.name is not None:
        raise _Failure(f"'datasets' lists the datasets; to cite one: {PROG} datasets cite {args.name}", EXIT_USAGE)
    rows = [("NAME", "MISSION", "VERSION", "DATA AS OF", "LICENCE")]
    for name in datasets.names():
        about = datasets.info(name)
        rows.append((name, datasets.load(name).name, about.version, str(about.as_of), about.licence))
    widths = [max(len(row[index]) for row in rows) for index in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    _emit("\n".join(lines) + "\n", args.output)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from .schema import schema_text

    _emit(schema_text(), args.output)
    return EXIT_OK


# --- the parser -------------------------------------------------------------------------------


def _date(text: str) -> PartialDate:
    """An ``--on`` date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    from .exceptions import ValidationError
    from .timeline import date_argument

    try:
        return date_argument(text, "on")
    except ValidationError as error:
        message = error.errors[0].message if error.errors else str(error)
        raise argparse.ArgumentTypeError(_one_line(message)) from None


_EXIT_STATUS = """\
exit status:
  0  all went well
  1  problems were found (a file that does not validate or cannot be read, rows rejected)
  2  the command line is wrong (an unknown option or command, a dataset that does not exist)
"""

_DESCRIPTION = """\
Check, read, compare and convert data on international missions (UN peacekeeping
operations, ad hoc coalition forces), from mission files written in YAML or JSON,
from the datasets that come with missionmodel, or from tables published by the UN,
IPI, Geo-PKO and PEMA.

A mission is given as a file (unifil.yaml, my-mission.json) or as the name of a
shipped dataset (isf, unifil: see 'missionmodel datasets').
"""

_EPILOG = (
    """\
examples:
  missionmodel validate my-mission.yaml        check a hand-written file
  missionmodel show unifil                     a summary of UNIFIL
  missionmodel export isf --to csv -o isf.csv  contributions as a spreadsheet
  missionmodel export my-mission.yaml --to geojson -o map.geojson
                                               its places, for a map
  missionmodel compare isf unifil              two missions side by side
  missionmodel COMMAND --help                  help on one command

"""
    + _EXIT_STATUS
)


def _command(commands: Any, name: str, summary: str, description: str, example: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=f"example:\n{example}\n\n{_EXIT_STATUS}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def _output_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=f"write {what} to FILE instead of the screen (the file is replaced only once it is complete)",
    )


def _on_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--on", metavar="DATE", type=_date, help=f"{what} (DATE as YYYY-MM-DD, YYYY-MM or YYYY)")


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the command line (every command with its options and help).

    Returns:
        The `argparse.ArgumentParser` that `main` uses.
    """
    from . import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    validate = _command(
        commands,
        "validate",
        "check mission files and list every problem with its line",
        "Check one or more mission files (.yaml, .yml or .json) and list every problem,\n"
        "one a line, as FILE:LINE:COLUMN: where: what is wrong. 'where' names the place in\n"
        "the mission, such as contributions[2].strength (the third contribution's strength:\n"
        "lists count from 0). A missing entry is shown at the line of the part that lacks it.\n"
        "Nothing is printed for a file without problems, unless you ask with -v.",
        "  missionmodel validate my-mission.yaml\n"
        "  my-mission.yaml:12:15: contributions[0].strength: 'strength' must be an int, ...",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="the mission files to check")
    validate.add_argument("-v", "--verbose", action="store_true", help="also print 'FILE: ok' for each file without problems")
    _output_option(validate, "the list of problems")
    validate.set_defaults(run=_validate)

    show = _command(
        commands,
        "show",
        "print a readable summary of a mission",
        "Print a summary of a mission: what it is, the mandate in force, who commands it,\n"
        "its contributors by status with their totals, and where its stakeholders stand.\n"
        "Give a mission file or the name of a shipped dataset (see 'missionmodel datasets').",
        "  missionmodel show unifil\n  missionmodel show isf --on 2026-02-20\n  missionmodel show my-mission.yaml",
    )
    show.add_argument("target", metavar="FILE|DATASET", help="a mission file (.yaml, .yml, .json) or a dataset name")
    _on_option(show, "the mission as it stood on DATE, rather than everything recorded")
    _output_option(show, "the summary")
    show.set_defaults(run=_show)

    export = _command(
        commands,
        "export",
        "convert a mission to JSON, YAML, a CSV table, GeoJSON, a data package or Parquet",
        "Convert a mission to another format:\n"
        "  json, yaml     the whole mission, in the canonical form of mission files\n"
        "  csv            one table (--table; contributions by default), for a spreadsheet\n"
        "  geojson        its headquarters, locations and sites, for a map (QGIS, geojson.io, ...)\n"
        "  datapackage    every table as CSV with a datapackage.json describing them, in the\n"
        "                 folder named by -o (a Frictionless Data Package)\n"
        "  parquet        one table (--table) as a Parquet file named by -o (needs pyarrow:\n"
        "                 pip install pyarrow)\n"
        "Tables: contributions (every claim ever recorded, one a row), claims (only the\n"
        "current claims: on the date given with --on, else the latest), missions, positions,\n"
        "fatalities, sites, site_contingents (who was at each site), sources.\n"
        "A number is given as strength_min and strength_max (empty when there is no upper\n"
        "bound), with strength_text as written ('up to 8,000') and is_exact: add up the\n"
        "minima for the least a total can be, never a blank as 0.",
        "  missionmodel export unifil --to csv -o unifil-contributions.csv\n"
        "  missionmodel export unifil --to csv --table positions -o positions.csv\n"
        "  missionmodel export my-mission.yaml --to geojson -o map.geojson  (a map needs coordinates:\n"
        "                 the shipped datasets have none yet)\n"
        "  missionmodel export my-mission.yaml --to datapackage -o my-mission-data",
    )
    export.add_argument("target", metavar="FILE|DATASET", help="a mission file (.yaml, .yml, .json) or a dataset name")
    export.add_argument(
        "--to", required=True, choices=_EXPORT_FORMATS, metavar="FORMAT", help="one of: " + ", ".join(_EXPORT_FORMATS)
    )
    export.add_argument(
        "--table",
        choices=_TABLE_NAMES,
        metavar="TABLE",
        help="the table for csv and parquet (default: contributions), or the only table of a datapackage; one of: "
        + ", ".join(_TABLE_NAMES),
    )
    _on_option(export, "with --table claims or --to datapackage: the claims current on DATE rather than the latest")
    _output_option(export, "the result (a folder for datapackage)")
    export.set_defaults(run=_export)

    readers = "\n".join(f"  {name.ljust(20)}{what}" for name, (_, _, what) in READERS.items())
    import_command = _command(
        commands,
        "import",
        "read a published table (UN Data Hub, IPI, Geo-PKO, PEMA) and report on every row",
        "Read a table as its publisher wrote it and report on every row: how many were\n"
        "read, taken and rejected, and why, grouped by reason. Nothing is dropped silently.\n"
        "TABLE names what the file is:\n"
        f"{readers}\n"
        "With -o, the records read are written: to a .csv file as a table, or to a .yaml or\n"
        ".json file as one mission (choose it with --mission when the records belong to\n"
        "several). Missions known only by their acronym in the file are made with the names\n"
        "and dates of missionmodel's mission catalogue; their kind is taken to be\n"
        "peacekeeping and their status closed when the catalogue knows an end date, else\n"
        "active (a note says so). The status is 1 when rows were rejected.",
        "  missionmodel import un-fatalities fatalities.csv --issues issues.csv\n"
        "  missionmodel import un-contributions contributions.csv -o contributions-table.csv\n"
        "  missionmodel import un-contributions contributions.csv --mission UNIFIL -o unifil.yaml",
    )
    import_command.add_argument(
        "table", choices=tuple(READERS), metavar="TABLE", help="what the files are: " + ", ".join(READERS)
    )
    import_command.add_argument("files", nargs="+", metavar="FILE", help="the files to read (CSV, or the Data Hub's JSON export)")
    _output_option(import_command, "the records read (.csv, .yaml or .json)")
    import_command.add_argument(
        "--strict", action="store_true", help="reject the rows that needed a repair, instead of taking them with a warning"
    )
    import_command.add_argument(
        "--issues",
        metavar="FILE.csv",
        help="write the issues to a CSV file, one row each: every rejection, and every warning (a warning"
        " repeated in more than 100 rows: its first 100 rows, and one row counting the others;"
        " with a 'file' column for several files)",
    )
    import_command.add_argument("--mission", metavar="ACRONYM", help="with -o FILE.yaml or FILE.json: the mission to write")
    import_command.add_argument(
        "--no-progress", dest="progress", action="store_false", help="no progress bar (it is shown only on a terminal anyway)"
    )
    import_command.set_defaults(run=_import)

    compare_command = _command(
        commands,
        "compare",
        "set two missions side by side",
        "Set two missions side by side, aspect by aspect: who authorised them, who leads\n"
        "them, their tasks, their contributors by status, who commands them, where their\n"
        "stakeholders stand. Uncertain numbers are shown as recorded ('up to 8,000').",
        "  missionmodel compare isf unifil\n  missionmodel compare isf unifil --on 2026-01-31 -o comparison.txt",
    )
    compare_command.add_argument("first", metavar="A", help="the first mission: a file or a dataset name")
    compare_command.add_argument("second", metavar="B", help="the second mission: a file or a dataset name")
    _on_option(compare_command, "both missions as they stood on DATE, rather than everything recorded")
    _output_option(compare_command, "the comparison")
    compare_command.set_defaults(run=_compare)

    datasets_command = _command(
        commands,
        "datasets",
        "list the datasets that come with missionmodel, or cite one",
        "List the datasets that come with missionmodel: their name (to give to show, export\n"
        "and compare), the mission, the version, the date the data are current to and the\n"
        "licence; or cite one (plain text, BibTeX or CSL-JSON).",
        "  missionmodel datasets\n  missionmodel datasets cite unifil --style bibtex",
    )
    datasets_command.add_argument(
        "action", nargs="?", choices=("list", "cite"), default="list", help="list (the default) or cite"
    )
    datasets_command.add_argument("name", nargs="?", metavar="NAME", help="with cite: the dataset to cite")
    datasets_command.add_argument(
        "--style",
        choices=("text", "bibtex", "csl-json"),
        default="text",
        help="with cite: plain text (the default), a BibTeX entry, or CSL-JSON",
    )
    _output_option(datasets_command, "the list or the citation")
    datasets_command.set_defaults(run=_datasets)

    schema_command = _command(
        commands,
        "schema",
        "print the JSON Schema of mission files, for editors",
        "Print the JSON Schema (draft 2020-12) that mission files follow. An editor with the\n"
        "YAML language server (VS Code's YAML extension, for one) checks and completes a\n"
        "mission file as you type when the file's first line points at the schema:\n"
        "  # yaml-language-server: $schema=mission.schema.json",
        "  missionmodel schema -o mission.schema.json",
    )
    _output_option(schema_command, "the schema")
    schema_command.set_defaults(run=_schema)
    return parser


# --- main -------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (by default the program's arguments); return the exit status.

    Args:
        argv: The arguments after the program's name, e.g. ``["validate", "mission.yaml"]``.

    Returns:
        0 when all went well, 1 when problems were found, 2 when the command line is wrong.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and (stream.encoding or "").replace("-", "").lower() != "utf8":
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    import warnings

    from .exceptions import CoverageWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CoverageWarning)
        code = _run_command(args)
    shown: set[str] = set()
    for warning in caught:
        text = _one_line(str(warning.message))
        if issubclass(warning.category, CoverageWarning) and text not in shown:
            shown.add(text)
            print(f"{PROG}: note: {text}", file=sys.stderr)
    return code


def _run_command(args: argparse.Namespace) -> int:
    from .exceptions import MissionModelError

    try:
        code: int = args.run(args)
        return code
    except _Failure as failure:
        _error(failure.message)
        return failure.code
    except MissionModelError as error:
        from .datasets import UnknownDatasetError

        _error(_one_line(str(error)))
        return EXIT_USAGE if isinstance(error, UnknownDatasetError) else EXIT_PROBLEMS
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:  # the reader of the output went away (| head): stop quietly
        _silence_stdout()
        return EXIT_PROBLEMS
    except OSError as error:  # the screen or a pipe failed while writing
        _error(f"cannot write the output: {error.strerror or error}")
        return EXIT_PROBLEMS
    except Exception as error:  # a bug: one line, and the traceback only when asked for
        if os.environ.get("MISSIONMODEL_TRACEBACK"):
            raise
        _error(
            f"internal error, a bug in missionmodel ({type(error).__name__}: {_one_line(str(error))}); "
            "please report it, with the output of the same command run with MISSIONMODEL_TRACEBACK=1"
        )
        return EXIT_PROBLEMS
