"""Private: the rows of a JSON export, for the import engine.

The UN Peace and Security Data Hub gives its tables as JSON as well as CSV: an array of objects
(one per row, keyed by column name), or an object that holds such an array (under ``data``,
``value``, ``results``, ...). The engine reads them as rows of text under a header, so that every
reader reads both: the header is every key met, in order of first appearance; a missing key or a
``null`` is an empty cell; numbers and booleans are written as text (``250.0`` stays ``250.0``).
Each row is numbered by the line where its object starts, so a report points into the file; in a
minified export, whose objects share a line, by its place in the array.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..exceptions import FormatError

__all__ = ["json_rows"]

_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"
_WRAPPERS = ("data", "value", "values", "results", "records", "items", "rows")
"""Keys under which an API wraps its array of rows, in order of preference."""


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in _SPACE:
        at += 1
    return at


def _line(text: str, at: int, counted: tuple[int, int]) -> tuple[int, int]:
    """The line at position ``at``, counting on from ``counted`` (a position and its line)."""
    position, line = counted
    return at, line + text.count("\n", position, at)


def _fail(name: str, text: str, at: int, message: str) -> FormatError:
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return FormatError(f"{name}: line {line}, column {column}: {message}", line=line, column=column)


def _array_start(text: str, name: str) -> int:
    """The position of the ``[`` that opens the array of rows."""
    at = _skip(text, 0)
    if text.startswith("\ufeff", at):
        at = _skip(text, at + 1)
    if text.startswith("[", at):
        return at
    # an object: find the member that holds the rows
    try:
        whole = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as error:
        raise _fail(name, text, error.pos, f"not valid JSON: {error.msg}") from None
    except (ValueError, RecursionError) as error:  # a number of more than 4,300 digits; nesting too deep
        raise _fail(name, text, at, f"not readable as JSON: {_reason(error)}") from None
    if not isinstance(whole, dict):
        raise _fail(name, text, at, "a JSON export must be an array of objects, or an object holding one")
    candidates = [key for key, value in whole.items() if isinstance(value, list) and any(isinstance(row, dict) for row in value)]
    if not candidates:
        raise _fail(name, text, at, "the JSON object holds no array of objects (rows)")
    wanted = next((key for key in _WRAPPERS if key in candidates), candidates[0])
    # walk the object's members to the wanted one's array, to number rows by their lines
    at = _skip(text, at + 1)
    while True:
        key, at = _DECODER.raw_decode(text, at)
        at = _skip(text, at)
        at = _skip(text, at + 1)  # the colon
        if key == wanted:
            return at
        _, at = _DECODER.raw_decode(text, at)
        at = _skip(text, at)
        at = _skip(text, at + 1)  # the comma


_KINDS = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}


def _reason(error: Exception) -> str:
    if isinstance(error, RecursionError):
        return "the values are nested too deep"
    return str(error).split(";")[0]


def _cell(value: Any) -> str | None:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return None


def json_rows(text: str, name: str, by_place: list[bool]) -> tuple[list[str], Iterator[tuple[int, list[str] | str]]]:
    """Return the header and the rows (line, cells) of a JSON export.

    A row that is not an object, or that holds an array or an object as a value, is given as
    the reason it cannot be read (a string) instead of its cells. Rows are numbered by the line
    where their object starts; when two start on one line (a minified export), by their place in
    the array instead (1 for the first), and ``by_place[0]`` is set to True.

    Raises:
        FormatError: If the text is not JSON, or holds no array of rows.
    """
    at = _array_start(text, name) + 1
    items: list[tuple[int, Any]] = []
    counted = (0, 1)
    try:
        at = _skip(text, at)
        if text.startswith("]", at):
            at += 1
        else:
            while True:
                counted = _line(text, at, counted)
                item, at = _DECODER.raw_decode(text, at)
                items.append((counted[1], item))
                at = _skip(text, at)
                if text.startswith(",", at):
                    at = _skip(text, at + 1)
                    continue
                if text.startswith("]", at):
                    break
                raise json.JSONDecodeError("expected ',' or ']'", text, at)
    except json.JSONDecodeError as error:
        raise _fail(name, text, error.pos, f"not valid JSON: {error.msg}") from None
    except (ValueError, RecursionError) as error:  # a number of more than 4,300 digits; nesting too deep
        raise _fail(name, text, at, f"not readable as JSON: {_reason(error)}") from None
    if len({line for line, _ in items}) < len(items):
        # several rows on one line (a minified export): number them by their place in the array
        items = [(place, item) for place, (_, item) in enumerate(items, start=1)]
        by_place[0] = True
    header: dict[str, None] = {}
    for _, item in items:
        if isinstance(item, dict):
            header.update(dict.fromkeys(item))
    columns = list(header)

    def rows() -> Iterator[tuple[int, list[str] | str]]:
        for line, item in items:
            if not isinstance(item, dict):
                yield line, f"is not a JSON object (got {_KINDS.get(type(item), type(item).__name__)})"
                continue
            cells: list[str] = []
            for column in columns:
                cell = _cell(item.get(column))
                if cell is None:
                    yield line, f"{column}: holds a JSON {_KINDS.get(type(item[column]), 'value')}, not a single value"
                    break
                cells.append(cell)
            else:
                yield line, cells

    return columns, rows()
