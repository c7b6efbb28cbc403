"""Run the Python code blocks of the documentation, so that the docs cannot go stale.

Every fenced block whose language is ``python`` (or ``py``) in ``README.md`` and in
``docs/**/*.md`` is run. The blocks of one page run in order in one shared namespace, as a
reader would type them; each page is one test (``test_page[docs/tutorial.md]``).

Where they run: in a fresh temporary directory that holds a symbolic link to each top-level
entry of the repository (``examples``, ``src``, ``docs``, ``README.md`` ...). A relative path
therefore reads as it would from the repository root, while a file that a block writes, such as
``dump(mission, "isf.yaml")``, lands in the temporary directory and not in the working tree.

A ``text`` block titled ``Output`` right after a Python block (```` ```text title="Output" ````)
shows what the Python block prints: the test checks that it does, line by line, trailing spaces
aside. Other text blocks are not checked.

A block that must not run (a sketch, a shell session shown as Python) is marked with the HTML
comment ``<!-- test: skip -->`` on the line before its opening fence; use it sparingly.
Blocks of other languages (``pycon``, ``text``, ``yaml``, ``bash``) are never run.
"""

from __future__ import annotations

import os
import re
import textwrap
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIP_MARKER = "<!-- test: skip -->"
_OUTPUT = re.compile(r"""^text\s+title=["']Output["']\s*$""")
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)$")


def pages() -> list[Path]:
    """Return the Markdown pages whose code is tested, relative to the repository root."""
    found = [Path("README.md")] if (ROOT / "README.md").exists() else []
    found += sorted(path.relative_to(ROOT) for path in (ROOT / "docs").rglob("*.md"))
    return found


class Block(NamedTuple):
    """One Python block of a page."""

    line: int
    """The line number of the block's first line of code in the page."""
    code: str
    """The code, dedented."""
    output: str | None
    """What it prints, from the ``text title="Output"`` block that follows it, if any."""


def fenced_blocks(text: str) -> list[tuple[int, str, str, str]]:
    """Return each fenced block of a Markdown text as (first line number, info, code, previous line).

    The previous line is the last non-blank line before the opening fence.

    Args:
        text: The Markdown.
    """
    blocks = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        indent, fence = match["indent"], match["fence"]
        previous = next((line.strip() for line in reversed(lines[:index]) if line.strip()), "")
        body: list[str] = []
        index += 1
        while index < len(lines):
            line = lines[index]
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                break
            body.append(line[len(indent) :] if line.startswith(indent) else line.lstrip())
            index += 1
        blocks.append((index - len(body) + 1, match["info"].strip(), textwrap.dedent("\n".join(body)), previous))
        index += 1
    return blocks


def python_blocks(text: str) -> list[Block]:
    """Return the Python blocks of a Markdown text that are to run, with their expected output.

    Args:
        text: The Markdown.
    """
    fenced = fenced_blocks(text)
    lines = text.splitlines()
    result = []
    for position, (line, info, code, previous) in enumerate(fenced):
        language = (info.split() or [""])[0].lstrip(".{").lower()
        if language not in {"python", "py"} or previous == SKIP_MARKER:
            continue
        output = None
        if position + 1 < len(fenced):
            next_line, next_info, next_code, _ = fenced[position + 1]
            end = line + len(code.splitlines())  # the closing fence of this block
            between = lines[end : next_line - 2]
            if _OUTPUT.match(next_info) and not any(text.strip() for text in between):
                output = next_code
        result.append(Block(line, code, output))
    return result


def same_output(printed: str, expected: str) -> bool:
    """Tell whether printed text matches an Output block, ignoring trailing spaces and blank lines.

    Args:
        printed: What the code printed.
        expected: The Output block.
    """

    def lines(text: str) -> list[str]:
        return [line.rstrip() for line in text.rstrip().splitlines()]

    return lines(printed) == lines(expected)


def test_block_parser() -> None:
    text = (
        'Intro\n\n```python\nx = 1\nprint(x)\n```\n\n```text title="Output"\n1\n```\n\n'
        "<!-- test: skip -->\n```python\nraise SystemExit\n```\n\n"
        '!!! note\n    ```py title="t.py"\n    y = x + 1\n    ```\n\n```text\nnot code\n```\n'
    )
    assert python_blocks(text) == [Block(4, "x = 1\nprint(x)", "1"), Block(19, "y = x + 1", None)]


@pytest.mark.parametrize("page", pages(), ids=str)
def test_page(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = python_blocks((ROOT / page).read_text(encoding="utf-8"))
    if not blocks:
        pytest.skip("no Python blocks")
    for entry in ROOT.iterdir():
        if not entry.name.startswith("."):
            (tmp_path / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__main__"}
    for line, code, output in blocks:
        # Pad with blank lines so that a traceback gives the line number in the Markdown file.
        compiled = compile("\n" * (line - 1) + code, os.fspath(ROOT / page), "exec")
        printed = StringIO()
        with redirect_stdout(printed):
            exec(compiled, namespace)
        if output is not None and not same_output(printed.getvalue(), output):
            pytest.fail(f"{page}, line {line}: the block printed\n{printed.getvalue()}\nbut its Output block shows\n{output}")
