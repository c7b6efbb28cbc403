"""Private: where a path such as ``contributions[3].strength`` is in a YAML or JSON text.

A `ValidationError` names each problem by its path in the document; the command line shows it
at its line and column, as editors and compilers do. `outline` reads the text once into a tree
of `Node` (each with its place), and `locate` follows a path down that tree:

* a path that names a node gives that node's place: the value of a scalar (``strength: lots``
  points at ``lots``), the key of a collection (``contributions:``), or the key itself when asked
  for (an unknown key);
* a path that names nothing (a missing key, or an item past the end of a list) gives the place
  of the deepest node that exists on the way: the mapping that lacks the key.

Keys are matched whole, the longest first, so that a key holding a dot or a bracket
(``"strange key.x"``) is still found. Lines and columns are 1-based and count characters, as
the library's `FormatError` does. The text is one that the library has already parsed: anything
unexpected gives no tree (None) rather than an exception.

YAML is read with the library's strict loader (`serialisation._yaml_loader`), composed only
(no values are built); JSON with a small scanner of its own, iterative so that no nesting
depth can overflow the stack.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from typing import Any, Literal

import attrs

__all__ = ["Location", "Node", "locate", "outline"]

_BOM = "\ufeff"
_INDEX = re.compile(r"\[([0-9]+)\]")
_JSON_SPACE = " \t\n\r"
_JSON_LITERAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null")


@attrs.define(slots=True, eq=False)
class Node:
    """One value of a document, with where it starts (1-based line and column).

    ``entries`` holds a mapping's keys, each with its own place, and values; ``items`` a list's items.
    """

    kind: Literal["mapping", "sequence", "scalar"]
    line: int
    column: int
    entries: list[tuple[str | None, int, int, Node]] = attrs.Factory(list)
    items: list[Node] = attrs.Factory(list)


@attrs.frozen(slots=True)
class Location:
    """Where a path is: its line and column (1-based), and whether the path itself was found.

    ``found`` is False when the path names nothing in the text (a missing key): the place is
    then that of the deepest node that exists on the way, and ``missing`` the part of the path
    not found (``contributor`` for ``contributions[2].contributor``).
    """

    line: int
    column: int
    found: bool
    missing: str = ""


def outline(text: str, format: str) -> Node | None:
    """Read ``text`` (``format`` ``"yaml"`` or ``"json"``) into a tree of nodes; None if it cannot be read."""
    if text.startswith(_BOM):  # the library ignores it, and so do editors when they count columns
        text = text[1:]
    try:
        if format == "json":
            return _json_outline(text)
        if format == "yaml":
            return _yaml_outline(text)
    except (ValueError, IndexError, RecursionError):
        return None
    except Exception as error:  # PyYAML's own errors: not expected, the text was read before
        if type(error).__module__.startswith("yaml"):
            return None
        raise
    return None


def locate(root: Node, path: str, *, key: bool = False) -> Location:
    """Return where ``path`` (as in `ErrorDetail.path`) is under ``root``.

    Args:
        root: The document's tree, from `outline`.
        path: E.g. ``contributions[3].strength``; empty for the document itself.
        key: Point at the key of the last step rather than at its value (for an unknown key).

    Returns:
        The place of the node the path names, or of its deepest existing ancestor.
    """
    node = root
    place = (root.line, root.column)
    rest = path
    while rest:
        if rest.startswith("["):
            match = _INDEX.match(rest)
            if match is None or node.kind != "sequence" or int(match.group(1)) >= len(node.items):
                break
            node = node.items[int(match.group(1))]
            place = (node.line, node.column)
            rest = rest[match.end() :]
            continue
        if rest.startswith(".") and node is not root:
            rest = rest[1:]
        entry = _entry(node, rest)
        if entry is None:
            break
        name, key_line, key_column, value = entry
        assert name is not None  # _entry only matches text keys
        rest = rest[len(name) :]
        node = value
        at_key = (key and not rest) or value.kind != "scalar"
        place = (key_line, key_column) if at_key else (value.line, value.column)
    missing = rest[1:] if rest.startswith(".") else rest
    return Location(place[0], place[1], not rest, missing)


def _entry(node: Node, rest: str) -> tuple[str | None, int, int, Node] | None:
    """The entry of mapping ``node`` whose key begins ``rest`` as a whole step, the longest key first."""
    if node.kind != "mapping":
        return None
    best = None
    for entry in node.entries:
        name = entry[0]
        if name is None or not rest.startswith(name):
            continue
        after = rest[len(name) : len(name) + 1]
        if after in ("", ".", "[") and (best is None or len(name) > len(best[0] or "")):
            best = entry
    return best


# YAML ----------------------------------------------------------------------------------------


def _yaml_outline(text: str) -> Node | None:
    from .serialisation import _yaml_loader

    loader = _yaml_loader()(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    if root is None:
        return None
    return _from_yaml(root)


def _from_yaml(root: Any) -> Node:
    """Convert PyYAML's composed nodes into `Node`, without recursion."""
    import yaml

    def made(source: Any) -> Node:
        mark = source.start_mark
        if isinstance(source, yaml.MappingNode):
            kind: Literal["mapping", "sequence", "scalar"] = "mapping"
        elif isinstance(source, yaml.SequenceNode):
            kind = "sequence"
        else:
            kind = "scalar"
        return Node(kind, mark.line + 1, mark.column + 1)

    top = made(root)
    stack: list[tuple[Any, Node]] = [(root, top)]
    while stack:
        source, node = stack.pop()
        if node.kind == "mapping":
            for key_node, value_node in source.value:
                name = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                child = made(value_node)
                node.entries.append((name, key_node.start_mark.line + 1, key_node.start_mark.column + 1, child))
                stack.append((value_node, child))
        elif node.kind == "sequence":
            for item in source.value:
                child = made(item)
                node.items.append(child)
                stack.append((item, child))
    return top


# JSON ----------------------------------------------------------------------------------------


def _json_outline(text: str) -> Node:
    """Scan JSON text (already known to be valid) into nodes, iteratively."""
    starts = [0] + [index + 1 for index, character in enumerate(text) if character == "\n"]

    def place(index: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, index)
        return line, index - starts[line - 1] + 1

    def skip(index: int) -> int:
        while index < len(text) and text[index] in _JSON_SPACE:
            index += 1
        return index

    scan_string: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]

    def value_at(index: int) -> tuple[Node, int]:
        """The node starting at ``index``; for a scalar, the index after it (a collection is filled later)."""
        line, column = place(index)
        character = text[index]
        if character == "{":
            return Node("mapping", line, column), index + 1
        if character == "[":
            return Node("sequence", line, column), index + 1
        if character == '"':
            _, end = scan_string(text, index + 1)
            return Node("scalar", line, column), end
        match = _JSON_LITERAL.match(text, index)
        if match is None:
            raise ValueError(f"not JSON at {index}")
        return Node("scalar", line, column), match.end()

    index = skip(0)
    root, index = value_at(index)
    stack: list[Node] = [root] if root.kind != "scalar" else []
    while stack:
        node = stack[-1]
        index = skip(index)
        closing = "}" if node.kind == "mapping" else "]"
        if text[index] == closing:
            stack.pop()
            index += 1
            if stack:
                index = _after_item(text, skip(index), stack[-1])
            continue
        if node.kind == "mapping":
            key_line, key_column = place(index)
            name, index = scan_string(text, index + 1)
            index = skip(index)
            if text[index] != ":":
                raise ValueError(f"expected ':' at {index}")
            index = skip(index + 1)
            child, index = value_at(index)
            node.entries.append((name, key_line, key_column, child))
        else:
            child, index = value_at(index)
            node.items.append(child)
        if child.kind == "scalar":
            index = _after_item(text, skip(index), node)
        else:
            stack.append(child)
    return root


def _after_item(text: str, index: int, container: Node) -> int:
    """Step over the comma after an item of ``container``; stay at its closing bracket."""
    if text[index] == ",":
        return index + 1
    if text[index] in "}]":
        return index
    raise ValueError(f"expected ',' at {index}")
