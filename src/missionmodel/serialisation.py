"""Reading and writing missions as dicts, JSON and YAML.

The canonical form is stable and lossless: ``loads(dumps(x), type(x)) == x``, and dumping a
canonical file reproduces it byte for byte. Enums are written by value, dates as ISO text, an
exact strength as a plain integer and other strengths as ``{min: .., max: ..}`` or ``unknown``;
missing values and empty collections are left out; keys follow the order of the fields.

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

import json
import os
import typing
from pathlib import Path
from typing import Any, Literal, TypeVar

import attrs
import yaml

from ._atomic import atomic_writer
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


def from_dict(data: Any, cls: type[T]) -> T:
    """Build a validated record of type ``cls`` from plain data.

    Args:
        data: A mapping in the canonical form (as read from JSON or YAML).
        cls: The record class, e.g. `Mission`.

    Returns:
        The record.

    Raises:
        ValidationError: With every problem found in ``data``, each with its path.
    """
    try:
        return converter.structure(data, cls)
    except ValidationError:
        raise
    except ValueError as error:  # a leaf value at the top level
        raise ValidationError([ErrorDetail(path="", message=str(error))], subject=cls.__name__) from None


def dumps(obj: Any, format: Format = "json") -> str:
    """Return the canonical JSON or YAML text of a record.

    Args:
        obj: Any missionmodel record.
        format: ``"json"`` (indented by 2, UTF-8 characters kept) or ``"yaml"`` (block style).

    Returns:
        The text, ending in a newline.
    """
    data = to_dict(obj)
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if format == "yaml":
        text: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
        return text
    raise FormatError(f"format must be 'json' or 'yaml' (got {format!r})")


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _DuplicateKey(f"duplicate key {key!r}")
        data[key] = value
    return data


class _StrictSafeLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that refuses duplicate keys and aliases (no silent overrides, no alias bombs)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not accepted; write the value out in full", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, typing.Hashable) and key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            if isinstance(key, typing.Hashable):
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _parse(text: str, format: Format) -> Any:
    if format not in ("json", "yaml"):
        raise FormatError(f"format must be 'json' or 'yaml' (got {format!r})")
    if not isinstance(text, str):
        raise TypeError(f"text must be str (got {type(text).__name__})")
    name = "JSON" if format == "json" else "YAML"
    try:
        if format == "json":
            return json.loads(text, object_pairs_hook=_unique_keys)
        return yaml.load(text, Loader=_StrictSafeLoader)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}",
            line=error.lineno,
            column=error.colno,
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        if mark is not None:
            raise FormatError(
                f"invalid YAML at line {mark.line + 1}, column {mark.column + 1}: {problem}",
                line=mark.line + 1,
                column=mark.column + 1,
            ) from None
        raise FormatError(f"invalid YAML: {problem}") from None
    except RecursionError:
        raise FormatError(f"invalid {name}: nested too deeply") from None
    except ValueError as error:  # a duplicate JSON key, or an integer too long to convert
        raise FormatError(f"invalid {name}: {error}") from None


def loads(text: str, cls: type[T] = Mission, format: Format = "json") -> T:  # type: ignore[assignment]
    """Read a record from JSON or YAML text and validate it.

    YAML is read with a ``yaml.SafeLoader`` that also refuses duplicate keys and aliases; JSON
    with duplicate keys is refused too, so that no value is silently overridden.

    Args:
        text: The text.
        cls: The record class (default `Mission`).
        format: ``"json"`` or ``"yaml"``.

    Raises:
        FormatError: If the text is not valid JSON or YAML.
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


def load(path: str | os.PathLike[str], cls: type[T] = Mission) -> T:  # type: ignore[assignment]
    """Read a record from a ``.json``, ``.yaml`` or ``.yml`` file and validate it.

    Args:
        path: The file.
        cls: The record class (default `Mission`).

    Raises:
        FormatError: If the suffix is unknown or the text is not valid JSON or YAML; the message
            names the file.
        ValidationError: With every problem found, each with its path; the first line names the file.
        OSError: If the file cannot be read.
    """
    format = format_of(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise FormatError(
            f"{os.fspath(path)}: not UTF-8 text (byte {error.object[error.start]:#04x} at offset {error.start})"
        ) from None
    try:
        return loads(text, cls, format)
    except ValidationError as error:
        raise ValidationError(error.errors, subject=os.fspath(path)) from None
    except FormatError as error:
        raise FormatError(f"{os.fspath(path)}: {error}", line=error.line, column=error.column) from None


def dump(obj: Any, path: str | os.PathLike[str]) -> None:
    """Write a record to a file in the format its suffix names, atomically.

    The text is produced in full first, written to a temporary file in the same folder, flushed
    to disk, and then renamed over ``path``: a failure at any point leaves any earlier file
    untouched and no partial file behind.

    Args:
        obj: Any missionmodel record.
        path: The file, ending in ``.json``, ``.yaml`` or ``.yml``.

    Raises:
        FormatError: If the suffix is unknown.
        OSError: If the folder cannot be written.
    """
    text = dumps(obj, format_of(path))
    with atomic_writer(path) as handle:
        handle.write(text)
