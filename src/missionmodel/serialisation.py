"""Reading and writing missions as dicts, JSON and YAML.

The canonical form is stable and lossless: ``loads(dumps(x), type(x)) == x``, and dumping a
canonical file reproduces it byte for byte. Enums are written by value, dates as ISO text, an
exact strength as a plain integer and other strengths as ``{min: .., max: ..}`` or ``unknown``;
missing values and empty collections are left out; keys follow the order of the fields.

Reading is closed to bad input: whatever the text or file holds, the only exceptions are
`FormatError` (the text is not JSON or YAML that missionmodel accepts, or the file cannot be read)
and `ValidationError` (the document does not describe a valid record). Integers of more than
30 digits, NaN and infinity, lone surrogates, YAML aliases, merge keys and tags other than the
plain JSON-like ones (and ``!!timestamp``) are refused as a `FormatError` that names the line
and column where known.

Example:
    >>> from missionmodel import Strength, Contribution, ContributionKind, ContributionStatus
    >>> c = Contribution(contributor="ALB", kind=ContributionKind.TROOPS,
    ...                  status=ContributionStatus.PLEDGED)
    >>> print(dumps(c, format="yaml"), end="")
    contributor: ALB
    kind: troops
    status: pledged
    strength: unknown
    >>> loads(dumps(c), Contribution) == c
    True
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, Literal, NoReturn, TypeVar, cast, overload

import attrs

from ._atomic import atomic_write_bytes, describe_os_error, open_for_reading
from ._converter import converter
from .dates import PartialDate
from .exceptions import ErrorDetail, FormatError, ValidationError
from .mission import Mission
from .strength import Strength

__all__ = ["Format", "dump", "dumps", "from_dict", "load", "loads", "to_dict"]

T = TypeVar("T")

Format = Literal["json", "yaml"]
"""The text formats: ``"json"`` or ``"yaml"``."""

_SUFFIXES: dict[str, Format] = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}

_MAX_DIGITS = 30
"""The longest integer, in digits, that JSON or YAML text may hold."""

_MAX_NESTING = 100
"""The most levels of lists and mappings, one in another, that YAML text may hold."""

_QUOTE_LIMIT = 60
"""The most characters of a bad value that a message quotes."""

_PROBLEM_LIMIT = 160
"""The most characters of a YAML parser's own description of a problem that a message keeps."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
# Every backslash escape of a JSON string, a surrogate pair first so that it is taken whole; only
# run on text that parsed, so every backslash is inside a string.
_JSON_ESCAPE = re.compile(
    r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u([dD][89a-fA-F][0-9a-fA-F]{2})|.)", re.DOTALL
)
_BOM = "\ufeff"


def to_dict(obj: Any) -> dict[str, Any]:
    """Return the canonical plain-data form of a record (a `Mission`, `Contribution`, ...).

    Args:
        obj: Any missionmodel record.

    Returns:
        A dict of str, int, list and dict values only, ready for JSON or YAML.
    """
    if not attrs.has(type(obj)) or isinstance(obj, (Strength, PartialDate)):
        raise TypeError(f"to_dict() takes a record such as a Mission (got {type(obj).__name__})")
    data: dict[str, Any] = converter.unstructure(obj)
    return data


def _is_record_class(cls: object) -> bool:
    return isinstance(cls, type) and attrs.has(cls)


def from_dict(data: Any, cls: type[T]) -> T:
    """Build a validated record of type ``cls`` from plain data.

    Args:
        data: A mapping in the canonical form (as read from JSON or YAML).
        cls: The record class, e.g. `Mission`.

    Returns:
        The record.

    Raises:
        ValidationError: With every problem found in ``data``, each with its path.
        TypeError: If ``cls`` is not a record class of missionmodel (a programming error).

    Example:
        >>> from missionmodel import Strength
        >>> from_dict({"min": 0, "max": 8000}, Strength)
        Strength(low=0, high=8000)
    """
    if cls is Strength:  # the value classes read their canonical forms themselves
        return cast(T, Strength.coerce(data))
    if cls is PartialDate:
        return cast(T, PartialDate.coerce(data))
    if not _is_record_class(cls):
        raise TypeError(f"from_dict() takes a record class such as Mission (got {cls!r})")
    try:
        return converter.structure(data, cls)
    except ValidationError:
        raise
    except ValueError as error:  # a leaf value at the top level
        raise ValidationError([ErrorDetail(path="", message=str(error))], subject=cls.__name__) from None


def dumps(obj: Any, format: Format = "json") -> str:
    r"""Return the canonical JSON or YAML text of a record.

    Args:
        obj: Any missionmodel record.
        format: ``"json"`` (indented by 2, UTF-8 characters kept) or ``"yaml"`` (block style).

    Returns:
        The text, ending in a newline.

    Raises:
        FormatError: If ``format`` is neither ``"json"`` nor ``"yaml"``, or if the record holds
            text that UTF-8 cannot encode (a lone surrogate such as ``"\ud800"``).
    """
    if format not in ("json", "yaml"):
        raise FormatError(f"format must be 'json' or 'yaml' (got {_quote(format)})")
    data = to_dict(obj)
    if format == "json":
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if _SURROGATE.search(text) is not None:
            _refuse_surrogate_in(data)
        return text
    _refuse_surrogate_in(data)
    import yaml  # imported on first use: `import missionmodel` does not load PyYAML

    yaml_text: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return yaml_text


def _refuse_surrogate_in(data: Any) -> None:
    """Raise a `FormatError` naming the first text in ``data`` that holds a lone surrogate, if any."""
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            found = _SURROGATE.search(value)
            if found is not None:
                code = f"U+{ord(found.group()):04X}"
                raise FormatError(f"{path or '$'}: the text holds a lone surrogate ({code}), which cannot be written as UTF-8")
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                where = f"{path}.{key}" if path else str(key)
                stack.append((item, where))
                stack.append((key, f"{where} (the key)"))
        elif isinstance(value, (list, tuple)):
            stack.extend((item, f"{path}[{index}]") for index, item in reversed(list(enumerate(value))))


def _join_surrogate_pairs(value: str) -> str:
    """Return ``value`` with each surrogate pair (two escapes, as JSON writes them) made one character.

    Raises:
        ValueError: If ``value`` holds a lone surrogate.
    """
    units = value.encode("utf-16-le", "surrogatepass")
    try:
        return units.decode("utf-16-le")
    except UnicodeDecodeError as error:
        unit = int.from_bytes(units[error.start : error.start + 2], "little")
        raise ValueError(f"the text holds a lone surrogate (U+{unit:04X}), which is not text") from None


def _quote(value: object) -> str:
    """Return ``repr(value)`` cut to about `_QUOTE_LIMIT` characters, for a message."""
    if isinstance(value, str):
        return repr(value[:_QUOTE_LIMIT]) + ("…" if len(value) > _QUOTE_LIMIT else "")
    try:
        text = repr(value)
    except ValueError:  # an int too long to write out
        return f"a {type(value).__name__}"
    return text if len(text) <= _QUOTE_LIMIT else text[:_QUOTE_LIMIT] + "…"


def _shorten(problem: str) -> str:
    """Return a parser's description of a problem, cut to `_PROBLEM_LIMIT` characters."""
    return problem if len(problem) <= _PROBLEM_LIMIT else problem[:_PROBLEM_LIMIT] + "…"


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based line and column of the character at ``index`` in ``text``."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _format_error(name: str, problem: str, text: str | None = None, index: int | None = None) -> FormatError:
    """Return a `FormatError` ``invalid JSON at line L, column C: problem``, without a place if unknown."""
    if text is None or index is None:
        return FormatError(f"invalid {name}: {problem}")
    line, column = _line_and_column(text, index)
    return FormatError(f"invalid {name} at line {line}, column {column}: {problem}", line=line, column=column)


# JSON ----------------------------------------------------------------------------------------


class _JSONProblem(Exception):
    """A value that the JSON parser read but that is refused; ``literal`` is its text."""

    def __init__(self, literal: str, problem: str) -> None:
        super().__init__(problem)
        self.literal = literal
        self.problem = problem


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _JSONProblem("", f"duplicate key {_quote(key)}")
        data[key] = value
    return data


def _json_int(literal: str) -> int:
    if len(literal) - literal.startswith("-") > _MAX_DIGITS:
        raise _JSONProblem(literal, f"the integer {_quote(literal)} has more than {_MAX_DIGITS} digits")
    return int(literal)


def _json_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise _JSONProblem(literal, f"the number {_quote(literal)} is too large")
    return value


def _json_constant(literal: str) -> NoReturn:
    raise _JSONProblem(literal, f"{literal} is not a number that JSON allows (NaN and infinity are not accepted)")


def _parse_json(text: str) -> Any:
    try:
        data = json.loads(
            text, object_pairs_hook=_unique_keys, parse_int=_json_int, parse_float=_json_float, parse_constant=_json_constant
        )
    except json.JSONDecodeError as error:
        raise FormatError(
            f"invalid JSON at line {error.lineno}, column {error.colno}: {_shorten(error.msg)}",
            line=error.lineno,
            column=error.colno,
        ) from None
    except _JSONProblem as error:
        # The literal is the value's own text; where it occurs once only, that is where it is.
        index = text.find(error.literal) if error.literal else -1
        if index >= 0 and text.find(error.literal, index + 1) >= 0:
            index = -1
        raise _format_error("JSON", error.problem, text, index if index >= 0 else None) from None
    if _JSON_SURROGATE_ESCAPE.search(text) is not None:
        for escape in _JSON_ESCAPE.finditer(text):
            if escape.group(1) is not None:
                problem = f"the escape \\u{escape.group(1)} is a lone surrogate, which is not text"
                raise _format_error("JSON", problem, text, escape.start())
    return data


# YAML ----------------------------------------------------------------------------------------

_YAML_TAG = "tag:yaml.org,2002:"
_REFUSED_TAGS = ("binary", "set", "omap", "pairs", "merge")


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML_TAG) :] if tag.startswith(_YAML_TAG) else tag


@functools.cache
def _yaml_loader() -> type[Any]:
    """Return the YAML loader class, importing PyYAML (on first use only)."""
    import yaml
    from yaml.constructor import ConstructorError

    class StrictSafeLoader(yaml.SafeLoader):
        """``yaml.SafeLoader`` that is closed to bad input.

        It refuses duplicate keys, aliases (no alias bombs), nesting deeper than 100 levels,
        merge keys, the tags that build other values than JSON-like ones and dates
        (``!!binary``, ``!!set``, ``!!omap``, ``!!pairs``, any ``!!python/...`` or local tag),
        integers of more than 30 digits, NaN and infinity, and lone surrogates; dates and base-60
        numbers written without quotes stay text (the records read dates); a value that its
        tag cannot read (``!!bool maybe``) is a ``ConstructorError`` with its place, never a
        ``KeyError`` or a ``ValueError``.
        """

        nesting: int = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(
                    None, None, "aliases (*name) are not accepted; write the value out in full", event.start_mark
                )
            if self.nesting > _MAX_NESTING:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(
                    None, None, f"nested too deeply (more than {_MAX_NESTING} levels)", event.start_mark
                )
            self.nesting += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.nesting -= 1

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            try:
                return super().construct_object(node, deep=deep)
            except (yaml.YAMLError, RecursionError, MemoryError):
                raise
            except Exception as error:  # a value its tag cannot read: KeyError for "!!bool maybe", ...
                tag = _short_tag(node.tag)
                if isinstance(node, yaml.ScalarNode):
                    problem = f"{_quote(node.value)} is not a valid {tag} value"
                else:
                    problem = f"a {node.id} is not a valid {tag} value"
                raise ConstructorError(None, None, problem, node.start_mark) from error

        def construct_undefined(self, node: Any) -> NoReturn:
            raise ConstructorError(None, None, f"the tag {_quote(_short_tag(node.tag))} is not accepted", node.start_mark)

        def construct_scalar(self, node: Any) -> Any:
            value = super().construct_scalar(node)
            if isinstance(value, str) and _SURROGATE.search(value) is not None:
                try:
                    return _join_surrogate_pairs(value)
                except ValueError as error:
                    raise ConstructorError(None, None, str(error), node.start_mark) from None
            return value

        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            if not isinstance(node, yaml.MappingNode):
                raise ConstructorError(None, None, f"expected a mapping, but found a {node.id}", node.start_mark)
            mapping: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _YAML_TAG + "merge":
                    raise ConstructorError(
                        None, None, "merge keys (<<) are not accepted; write the keys out in full", key_node.start_mark
                    )
                key = self.construct_object(key_node, deep=deep)
                try:
                    hash(key)
                except TypeError:
                    raise ConstructorError(None, None, f"a {key_node.id} cannot be a key", key_node.start_mark) from None
                if not isinstance(key, Hashable):  # pragma: no cover - hash() succeeded
                    raise ConstructorError(None, None, f"a {key_node.id} cannot be a key", key_node.start_mark)
                if key in mapping:
                    raise ConstructorError(None, None, f"duplicate key {_quote(key)}", key_node.start_mark)
                mapping[key] = self.construct_object(value_node, deep=deep)
            return mapping

        def construct_bounded_int(self, node: Any) -> int | str:
            literal = self.construct_scalar(node)
            if isinstance(literal, str) and ":" in literal:
                return literal  # YAML 1.1's base 60 (1:00:00): kept as written, for the field's check to report
            if isinstance(literal, str) and len(literal.replace("_", "").lstrip("+-")) > _MAX_DIGITS:
                raise ConstructorError(
                    None, None, f"the integer {_quote(literal)} has more than {_MAX_DIGITS} digits", node.start_mark
                )
            value: int = self.construct_yaml_int(node)
            return value

        def construct_finite_float(self, node: Any) -> float | str:
            if isinstance(node.value, str) and ":" in node.value:
                return str(node.value)  # base 60, as above
            value: float = self.construct_yaml_float(node)
            if not math.isfinite(value):
                raise ConstructorError(
                    None,
                    None,
                    f"{_quote(node.value)} is not a finite number (NaN and infinity are not accepted)",
                    node.start_mark,
                )
            return value

        def construct_plain_value(self, node: Any) -> str:  # a plain "=", which YAML 1.1 gives a tag of its own
            return self.construct_yaml_str(node)

        def construct_refused(self, node: Any) -> NoReturn:
            raise ConstructorError(None, None, f"the tag {_quote(_short_tag(node.tag))} is not accepted", node.start_mark)

    # Dates written without quotes stay text: the records read them, so that a wrong date is
    # reported with the document's other problems rather than alone.
    StrictSafeLoader.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _YAML_TAG + "timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    StrictSafeLoader.add_constructor(_YAML_TAG + "int", StrictSafeLoader.construct_bounded_int)
    StrictSafeLoader.add_constructor(_YAML_TAG + "float", StrictSafeLoader.construct_finite_float)
    StrictSafeLoader.add_constructor(_YAML_TAG + "value", StrictSafeLoader.construct_plain_value)
    for tag in _REFUSED_TAGS:
        StrictSafeLoader.add_constructor(_YAML_TAG + tag, StrictSafeLoader.construct_refused)
    StrictSafeLoader.add_constructor(None, StrictSafeLoader.construct_undefined)
    return StrictSafeLoader


def _parse_yaml(text: str) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=_yaml_loader())
    except yaml.reader.ReaderError as error:  # a character that YAML does not allow
        character = error.character if isinstance(error.character, str) else chr(error.character)
        problem = f"the character U+{ord(character):04X} is not allowed"
        raise _format_error("YAML", problem, text, error.position) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        problem = error.problem or "the text cannot be read"
        if "codec can't decode" in problem:  # PyYAML passes on the codec's words for a %-escape in a tag
            problem = "the %-escapes of a tag are not UTF-8"
        problem = _shorten(problem)
        if mark is not None:
            raise FormatError(
                f"invalid YAML at line {mark.line + 1}, column {mark.column + 1}: {problem}",
                line=mark.line + 1,
                column=mark.column + 1,
            ) from None
        raise FormatError(f"invalid YAML: {problem}") from None
    except yaml.YAMLError:
        raise FormatError("invalid YAML: the text cannot be read") from None


_PARSERS: dict[str, Callable[[str], Any]] = {"json": _parse_json, "yaml": _parse_yaml}


def _parse(text: str, format: Format) -> Any:
    if format not in _PARSERS:
        raise FormatError(f"format must be 'json' or 'yaml' (got {_quote(format)})")
    if not isinstance(text, str):
        raise TypeError(f"text must be str (got {type(text).__name__})")
    name = "JSON" if format == "json" else "YAML"
    if text.startswith(_BOM):
        text = text[1:]
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        problem = f"the text holds a lone surrogate (U+{ord(surrogate.group()):04X}), which is not text"
        raise _format_error(name, problem, text, surrogate.start())
    try:
        return _PARSERS[format](text)
    except FormatError:
        raise
    except RecursionError:
        raise FormatError(f"invalid {name}: nested too deeply") from None
    except MemoryError:
        raise
    except Exception as error:  # whatever else a parser raises is bad input, not a crash
        raise FormatError(f"invalid {name}: the text cannot be read") from error


@overload
def loads(text: str, *, format: Format = ...) -> Mission: ...
@overload
def loads(text: str, cls: type[T], format: Format = ...) -> T: ...
def loads(text: str, cls: type[Any] = Mission, format: Format = "json") -> Any:
    r"""Read a record from JSON or YAML text and validate it.

    YAML is read with a ``yaml.SafeLoader`` that also refuses duplicate keys, aliases, merge keys,
    nesting deeper than 100 levels and tags other than the plain ones; JSON with duplicate keys is refused too, so that no value
    is silently overridden. In both, integers of more than 30 digits, NaN and infinity and lone
    surrogates (``"\ud800"``) are refused. A leading byte order mark is ignored.

    Args:
        text: The text.
        cls: The record class (default `Mission`).
        format: ``"json"`` or ``"yaml"``.

    Returns:
        The record, an instance of ``cls``.

    Raises:
        FormatError: If the text is not valid JSON or YAML, or holds a value refused above; the
            message names the line and column where known.
        ValidationError: With every problem found in the document, each with its path.
    """
    return from_dict(_parse(text, format), cls)


def format_of(path: str | os.PathLike[str]) -> Format:
    """Return the format that a file name's suffix names (``.json``, ``.yaml`` or ``.yml``).

    Args:
        path: The file name.

    Raises:
        FormatError: If the suffix is none of these.
    """
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise FormatError(f"cannot tell the format of {os.fspath(path)!r}: the name must end in .json, .yaml or .yml") from None


def _read_bytes(name: str, max_bytes: int) -> bytes:
    """Return the content of the regular file ``name``, refusing anything else without blocking."""
    descriptor, info = open_for_reading(name, max_bytes)
    try:
        chunks: list[bytes] = []
        remaining = max_bytes + 1  # one byte more than allowed tells a file that grew
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, max(info.st_size + 1, 1 << 16)))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise FormatError(f"cannot read {name!r}: {describe_os_error(error)}") from None
    finally:
        os.close(descriptor)
    if remaining <= 0:
        raise FormatError(f"cannot read {name!r}: it is longer than the limit of {max_bytes:,} bytes (max_bytes)")
    return b"".join(chunks)


def _decode(name: str, data: bytes) -> str:
    offset = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[offset:].decode("utf-8")
    except UnicodeDecodeError as error:
        start = offset + error.start
        line_start = data.rfind(b"\n", 0, start) + 1
        line = data.count(b"\n", 0, start) + 1
        column = len(data[max(line_start, offset) : start].decode("utf-8")) + 1
        raise FormatError(
            f"{name}: not UTF-8 text at line {line}, column {column} (byte {data[start]:#04x} at offset {start})",
            line=line,
            column=column,
        ) from None


@overload
def load(path: str | os.PathLike[str], *, max_bytes: int = ...) -> Mission: ...
@overload
def load(path: str | os.PathLike[str], cls: type[T], *, max_bytes: int = ...) -> T: ...
def load(path: str | os.PathLike[str], cls: type[Any] = Mission, *, max_bytes: int = 256 * 1024 * 1024) -> Any:
    """Read a record from a ``.json``, ``.yaml`` or ``.yml`` file and validate it.

    Only a regular file is read: a directory, a named pipe or a device is refused at once,
    without waiting or reading. The file must be UTF-8 (a byte order mark is ignored).

    Args:
        path: The file.
        cls: The record class (default `Mission`).
        max_bytes: The largest file read, in bytes (default 256 MiB); a larger one is refused
            without being read.

    Returns:
        The record, an instance of ``cls``.

    Raises:
        FormatError: If the suffix is unknown, the file cannot be read (it is missing, not a
            regular file, not readable, larger than ``max_bytes`` or not UTF-8) or the text is
            not valid JSON or YAML; the message names the file, and the line and column where known.
        ValidationError: With every problem found, each with its path; the first line names the file.
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0:
        raise ValueError(f"max_bytes must be a non-negative int (got {max_bytes!r})")
    format = format_of(path)
    name = os.fspath(path)
    text = _decode(name, _read_bytes(name, max_bytes))
    try:
        return loads(text, cls, format)
    except ValidationError as error:
        raise ValidationError(error.errors, subject=name, count=error.count) from None
    except FormatError as error:
        raise FormatError(f"{name}: {error}", line=error.line, column=error.column) from None


def dump(obj: Any, path: str | os.PathLike[str]) -> None:
    """Write a record to a file in the format its suffix names, atomically.

    The text is produced in full first, written to a temporary file in the same folder (where
    the system allows, one with no name until it is complete), flushed to disk, and then renamed
    over ``path``: a failure at any point, an interruption included, leaves any earlier file
    untouched and no partial file behind. A new file gets the mode that the umask at the time of
    the call gives (``0o666 & ~umask``), a replaced file keeps its mode, and a symbolic link at
    ``path`` is followed, so the file it points to is replaced, not the link.

    Args:
        obj: Any missionmodel record.
        path: The file, ending in ``.json``, ``.yaml`` or ``.yml``.

    Raises:
        FormatError: If the suffix is unknown, the record holds text that UTF-8 cannot encode,
            or the file cannot be written (the message names ``path`` and the system's reason).
    """
    text = dumps(obj, format_of(path))
    atomic_write_bytes(path, text.encode("utf-8"))
