"""MkDocs hooks: generate the API reference, and the output of code, at build time.

* **API reference.** Every public module of ``src/missionmodel`` (no part of its dotted name
  starts with ``_``) gets a page ``reference/<dotted name>.md`` with a ``::: module``
  directive. The *API reference* section of the nav lists the package first, then the modules
  grouped by role (`REFERENCE_GROUPS`: the model, values, reading and writing, questions and
  analysis, importers, testing, the command line), the most used first. A module added to the
  package appears in the docs without touching ``mkdocs.yml``: if it is in no group it goes
  to an *Other* group with a warning (which fails ``mkdocs build --strict``), so that somebody
  gives it its place; ``tests/test_docs.py`` checks the same. Within a page, members follow
  the source, except that the names in `LEADS` (the classes and functions most used, such as
  ``Mission`` before its enums) come first. A module that re-exports names from others
  (``missionmodel`` itself, ``missionmodel.importers``) documents only what it defines and
  lists the rest, each linked to where it is documented, so nothing is documented twice.
* **Examples.** In ``docs/examples.md`` the line ``<!-- examples -->`` is replaced by one section
  per script in ``examples/`` (``quickstart.py`` first): its docstring, its source and the
  output of running it now with the interpreter that runs MkDocs, from the repository root. A
  script that fails is reported as a warning, which fails ``mkdocs build --strict``.
* **Output of a page's code.** In any page, a line ``<!-- output -->`` right after a Python
  block is replaced by a ``text`` block titled *Output* holding what that block prints, produced
  now: the page's Python blocks run in order in one namespace, as ``tests/test_docs.py`` runs
  them (see `run_blocks`), in a separate interpreter. A block that fails, or a marker that
  follows no Python block or shows nothing, is a warning. The dataset pages use it, so that what
  they show is always what the shipped data gives.
* **Tables of a dataset.** In any page, a line ``<!-- dataset: NAME PART -->`` is replaced by
  Markdown rendered now from the shipped dataset NAME (read from its YAML file, so that an edit
  shows at once): PART is one of `DATASET_PARTS` (its coverage notes, its mandate chain, the
  ceilings in force over time, its appointments, budgets, fatality counts, timeline of events,
  sources), each record with its flags (unconfirmed, acting, disputed), its note and its sources'
  titles, linked to their addresses. An unknown dataset or part is a warning. The rendering is
  generic: it reads the `Mission`, never a list kept by hand.

This file imports nothing from MkDocs at module level, so that the tests (which do not install
MkDocs) can use its nav groups and its code-block parser, and so that it runs as a script:
``python docs/hooks.py docs/datasets/isf.md`` prints what each Python block of a page prints.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

try:
    from mkdocs.plugins import get_plugin_logger
except ImportError:  # run by the tests or as a script, without MkDocs
    log: logging.Logger | logging.LoggerAdapter[logging.Logger] = logging.getLogger(__name__)
else:
    log = get_plugin_logger(__name__)

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "missionmodel"
SOURCE = ROOT / "src" / PACKAGE
EXAMPLES = ROOT / "examples"
REFERENCE_SECTION = "API reference"
EXAMPLES_MARKER = "<!-- examples -->"
EXAMPLE_TIMEOUT = 300  # seconds for one script, or for the code of one page
FIRST_EXAMPLE = "quickstart.py"  # then the others, by name

OTHER_GROUP = "Other"
REFERENCE_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "The model",
        (
            "mission",
            "mandate",
            "contribution",
            "actor",
            "appointment",
            "position",
            "personnel",
            "fatality",
            "budget",
            "event",
            "coverage",
            "site",
            "place",
            "sources",
            "totals",
            "exceptions",
        ),
    ),
    ("Values", ("strength", "dates", "countries")),
    ("Reading and writing", ("serialisation", "schema", "datasets", "catalogue")),
    (
        "Questions and analysis",
        ("claims", "timeline", "compare", "series", "tables", "geojson", "datapackage", "geography"),
    ),
    (
        "Importers",
        (
            "importers",
            "importers.un",
            "importers.ipi",
            "importers.geopko",
            "importers.pema",
            "importers.assembly",
            "importers.result",
        ),
    ),
    ("Testing", ("testing",)),
    ("The command line", ("cli",)),
)
"""The groups of the API reference, in the order of the nav, each with its modules, most used first.

Names are relative to the package (``importers.un`` is ``missionmodel.importers.un``). The
package's own page comes before the groups. A name that is not (yet) a module is skipped.
"""

LEADS: dict[str, tuple[str, ...]] = {
    "mission": ("Mission",),
    "mandate": ("Mandate", "Authority", "Vote", "MandatedTask"),
    "contribution": ("Contribution",),
    "actor": ("Actor",),
    "appointment": ("Appointment",),
    "position": ("Position",),
    "personnel": ("PersonnelFigure",),
    "fatality": ("Fatality", "FatalityCount"),
    "budget": ("Budget", "BudgetKind"),
    "event": ("Event", "EventKind"),
    "coverage": ("CoverageNote", "CoverageStatus", "Topic", "data_begin"),
    "site": ("Site",),
    "exceptions": ("ValidationError", "FormatError", "ErrorDetail"),
    "strength": ("Strength",),
    "dates": ("PartialDate",),
    "countries": ("country_name", "is_country_code", "suggest_code"),
    "serialisation": ("load", "dump", "loads", "dumps", "from_dict", "to_dict"),
    "datasets": ("load", "names"),
    "catalogue": ("lookup", "all_missions", "MissionInfo"),
    "schema": ("mission_schema", "schema_text", "SCHEMA_ID"),
    "compare": ("compare",),
    "tables": ("contribution_rows", "claim_rows", "mission_rows", "write_csv", "to_dataframe", "write_parquet", "TABLES"),
    "geojson": ("feature_collection", "write_geojson"),
    "datapackage": ("write_datapackage", "descriptor"),
    "importers.un": ("read_contributions", "read_missions", "read_fatalities", "read_country_totals"),
    "importers.ipi": ("read_contributions", "read_mission_totals"),
    "importers.geopko": ("read_sites",),
    "importers.pema": ("read_mandates",),
    "importers.assembly": ("assemble", "Assembly"),
    "importers.result": ("ImportResult", "ImportReport"),
    "cli": ("main",),
}
"""For a module (relative name, as in `REFERENCE_GROUPS`), the names its page shows first, in order.

The other documented names follow in the order of the source. A lead that the module does not
document is a warning, so that this list cannot silently go stale.
"""


def public_modules() -> list[str]:
    """Return the dotted names of the package's public modules, the package first.

    A module is public when no part of its dotted name starts with an underscore.
    """
    names = []
    for path in sorted(SOURCE.rglob("*.py")):
        parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if any(part.startswith("_") for part in parts):
            continue
        names.append(".".join(parts))
    return sorted(names, key=lambda name: (name != PACKAGE, name))


def grouped_modules(modules: Sequence[str]) -> list[tuple[str, list[str]]]:
    """Sort modules into the groups of the API reference.

    Args:
        modules: Dotted module names, as `public_modules` returns them.

    Returns:
        Each group that has modules, in the order of `REFERENCE_GROUPS`, with its modules in the
        group's order; then, if any module is in no group, the group ``Other`` with those. The
        package itself is in none of them.
    """
    present = set(modules) - {PACKAGE}
    groups = []
    placed: set[str] = set()
    for title, members in REFERENCE_GROUPS:
        names = [f"{PACKAGE}.{member}" for member in members if f"{PACKAGE}.{member}" in present]
        placed.update(names)
        if names:
            groups.append((title, names))
    others = sorted(present - placed)
    if others:
        groups.append((OTHER_GROUP, others))
    return groups


def reference_uri(module: str) -> str:
    """Return the path of a module's reference page in the docs.

    Args:
        module: The dotted module name.
    """
    return f"reference/{module}.md"


def reference_nav(modules: Sequence[str]) -> list[dict[str, Any]]:
    """Return the entries of the nav's *API reference* section: the package, then the groups.

    A module's entry is titled by its name within the package (``importers.un``); its page, by
    its full name. A module in no group is put in the group ``Other``, with a warning.

    Args:
        modules: Dotted module names, as `public_modules` returns them.
    """
    nav: list[dict[str, Any]] = [{PACKAGE: reference_uri(PACKAGE)}] if PACKAGE in modules else []
    for title, names in grouped_modules(modules):
        if title == OTHER_GROUP:
            log.warning(
                "API reference: %s in no group; give each its place in REFERENCE_GROUPS in docs/hooks.py",
                ", ".join(names),
            )
        nav.append({title: [{name.removeprefix(f"{PACKAGE}."): reference_uri(name)} for name in names]})
    return nav


def import_public(module: str) -> ModuleType | None:
    """Import a public module, or return None if it needs what is not installed.

    ``missionmodel.testing`` needs hypothesis, which the ``docs`` extra does not install; griffe
    still documents it from its source.

    Args:
        module: The dotted module name.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def module_path(module: str) -> Path:
    """Return the source file of a module of the package.

    Args:
        module: The dotted module name.
    """
    relative = Path(*module.split(".")[1:])
    package = SOURCE / relative / "__init__.py"
    return package if package.exists() else (SOURCE / relative).with_suffix(".py")


def source_names(module: str) -> tuple[list[str] | None, dict[str, int]]:
    """Read a module's ``__all__`` and where each top-level name is first defined, from its source.

    Args:
        module: The dotted module name.

    Returns:
        The names of ``__all__`` (None if it has none, or not as a literal list), and the line
        of each top-level class, function and assignment.
    """
    tree = ast.parse(module_path(module).read_text(encoding="utf-8"))
    declared: list[str] | None = None
    lines: dict[str, int] = {}
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            lines.setdefault(node.name, node.lineno)
        elif isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            if not isinstance(target, ast.Name):
                continue
            if target.id == "__all__" and isinstance(node.value, (ast.List, ast.Tuple)):
                declared = [element.value for element in node.value.elts if isinstance(element, ast.Constant)]
            lines.setdefault(target.id, node.lineno)
    return declared, lines


def exports(module: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Split a module's ``__all__`` into the names it defines and those it re-exports.

    A re-exported name is documented where it is defined: in another public module whose
    ``__all__`` lists the same object, or, for a submodule, on its own page.

    Args:
        module: The dotted module name.

    Returns:
        The names defined here, and each re-exported name with the module that documents it.
        A module that cannot be imported (it needs what is not installed) is read from its
        source: its ``__all__``, all defined here.
    """
    imported = import_public(module)
    if imported is None:
        declared, _ = source_names(module)
        return list(declared or ()), []
    modules = public_modules()
    # A package re-exports from its submodules, never the other way round.
    candidates = [(name, import_public(name)) for name in modules if name != module and not module.startswith(f"{name}.")]
    local: list[str] = []
    elsewhere: list[tuple[str, str]] = []
    for name in getattr(imported, "__all__", ()):
        value = getattr(imported, name, None)
        if isinstance(value, ModuleType):
            elsewhere.append((name, value.__name__))
            continue
        # Where a class or function was defined; an instance (a constant) tells only its class's.
        defined_in = value.__module__ if inspect.isclass(value) or inspect.isfunction(value) else None
        private = isinstance(defined_in, str) and defined_in.startswith(f"{PACKAGE}.") and defined_in not in modules
        if defined_in == module or private:
            local.append(name)  # defined here, or in a private module and documented here
            continue
        if defined_in in modules:
            elsewhere.append((name, defined_in))
            continue
        home = next(
            (
                other
                for other, loaded in candidates
                if loaded is not None and name in getattr(loaded, "__all__", ()) and getattr(loaded, name, None) is value
            ),
            None,
        )
        if home is None:
            local.append(name)
        else:
            elsewhere.append((name, home))
    return local, elsewhere


def member_order(module: str, documented: Sequence[str]) -> list[str] | None:
    """Return the order of a page's members: its leads, then the others as in the source.

    Args:
        module: The dotted module name.
        documented: The names the page documents.

    Returns:
        The names in order, or None when the module has no leads (the page then follows
        ``members_order`` of ``mkdocs.yml``: the source).
    """
    leads = LEADS.get(module.removeprefix(f"{PACKAGE}."), ())
    if not leads:
        return None
    missing = [name for name in leads if name not in documented]
    if missing:
        log.warning("LEADS in docs/hooks.py names %s, which %s does not document", ", ".join(missing), module)
    _, lines = source_names(module)
    rest = sorted((name for name in documented if name not in leads), key=lambda name: lines.get(name, sys.maxsize))
    return [name for name in leads if name in documented] + rest


def reference_page(module: str) -> str:
    """Return the Markdown of a module's reference page.

    A module that re-exports names (a package, usually) documents only what it defines, and
    lists the others with links to where they are documented. A module with leads lists its
    members in the order of `member_order`, not grouped by kind.

    Args:
        module: The dotted module name.
    """
    local, elsewhere = exports(module)
    order = member_order(module, local)
    if not elsewhere and order is None:
        return f"# `{module}`\n\n::: {module}\n"
    members = order if order is not None else local
    options = f"      members: [{', '.join(members)}]\n" if members else "      members: false\n"
    if order is not None:
        options += "      group_by_category: false\n"
    page = f"# `{module}`\n\n::: {module}\n    options:\n{options}"
    if not elsewhere:
        return page
    rows = []
    for name, home in elsewhere:
        if home == f"{module}.{name}":  # a submodule: link to its page
            rows.append(f"| [`{name}`]({home}.md) | [`{home}`]({home}.md) |")
        else:
            rows.append(f"| [`{name}`][{home}.{name}] | [`{home}`]({home}.md) |")
    return (
        f"{page}\n"
        "## Exported names\n\n"
        f"`{module}` also gives these names; each is documented in its own module.\n\n"
        "| Name | Documented in |\n| --- | --- |\n" + "\n".join(rows) + "\n"
    )


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    """Fill the nav's *API reference* section: the package, then one group per role.

    Args:
        config: The MkDocs configuration.
        **kwargs: Unused.
    """
    for item in config.nav or []:
        if isinstance(item, dict) and REFERENCE_SECTION in item:
            item[REFERENCE_SECTION] = reference_nav(public_modules())
            break
    else:
        log.warning("the nav has no %r section to fill", REFERENCE_SECTION)
    return config


def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    """Add the generated reference pages to the site's files.

    Args:
        files: The files found in the docs folder.
        config: The MkDocs configuration.
        **kwargs: Unused.
    """
    from mkdocs.structure.files import File

    for module in public_modules():
        files.append(File.generated(config, reference_uri(module), content=reference_page(module)))
    return files


def example_section(script: Path) -> str:
    """Return the Markdown for one example script: docstring, source and output.

    Args:
        script: The script's path.
    """
    source = script.read_text(encoding="utf-8")
    docstring = ast.get_docstring(ast.parse(source)) or ""
    try:
        completed = subprocess.run(
            [sys.executable, str(script)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=EXAMPLE_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        log.warning("examples/%s did not finish in %d s", script.name, EXAMPLE_TIMEOUT)
        output = f"(did not finish in {EXAMPLE_TIMEOUT} s)"
    else:
        output = completed.stdout
        if completed.returncode != 0:
            log.warning("examples/%s exited with %d:\n%s", script.name, completed.returncode, completed.stderr)
            output += completed.stderr
    fence = "````" if "```" in source + output else "```"
    return (
        f"## `{script.name}`\n\n{docstring}\n\n"
        f'{fence}python title="examples/{script.name}"\n{source.rstrip()}\n{fence}\n\n'
        f"Output of `python examples/{script.name}`:\n\n"
        f"{fence}text\n{output.rstrip()}\n{fence}\n"
    )


# --- The Python blocks of a page: which run, what they show, how they run ---------------------

SKIP_MARKER = "<!-- test: skip -->"
"""On the line before a Python block's opening fence: the block is not run."""
OUTPUT_MARKER = "<!-- output -->"
"""On the first non-blank line after a Python block: replaced, at build time, by what it prints."""
_OUTPUT = re.compile(r"""^text\s+title=["']Output["']\s*$""")
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)$")


class Fenced(NamedTuple):
    """One fenced block of a Markdown text."""

    start: int
    """The index (from 0) of its opening fence's line."""
    end: int
    """The index of its closing fence's line (the number of lines if it is not closed)."""
    info: str
    """What follows the opening fence: the language and attributes."""
    code: str
    """Its content, dedented."""
    previous: str
    """The last non-blank line before the opening fence."""


class Block(NamedTuple):
    """One Python block of a page that runs."""

    line: int
    """The line number (from 1) of the block's first line of code in the page."""
    code: str
    """The code, dedented."""
    output: str | None
    """What it prints, from the ``text title="Output"`` block that follows it, if any."""
    marker: int | None = None
    """The index of the ``<!-- output -->`` line that follows it, if any (its output is generated)."""


def fenced_blocks(text: str) -> list[Fenced]:
    """Return the fenced blocks of a Markdown text, in order.

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
        start, indent, fence = index, match["indent"], match["fence"]
        previous = next((line.strip() for line in reversed(lines[:start]) if line.strip()), "")
        body: list[str] = []
        index += 1
        while index < len(lines):
            line = lines[index]
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                break
            body.append(line[len(indent) :] if line.startswith(indent) else line.lstrip())
            index += 1
        blocks.append(Fenced(start, index, match["info"].strip(), textwrap.dedent("\n".join(body)), previous))
        index += 1
    return blocks


def python_blocks(text: str) -> list[Block]:
    """Return the Python blocks of a Markdown text that are to run, with what they show.

    A block whose language is ``python`` (or ``py``) runs unless the line before it is
    ``<!-- test: skip -->``. What it prints is shown either by a ``text title="Output"`` block
    right after it (written by hand, checked by the tests) or by a ``<!-- output -->`` line
    right after it (generated at build time).

    Args:
        text: The Markdown.
    """
    fenced = fenced_blocks(text)
    lines = text.splitlines()
    result = []
    for position, block in enumerate(fenced):
        language = (block.info.split() or [""])[0].lstrip(".{").lower()
        if language not in {"python", "py"} or block.previous == SKIP_MARKER:
            continue
        after = next((index for index in range(block.end + 1, len(lines)) if lines[index].strip()), None)
        output = marker = None
        if after is not None and lines[after].strip() == OUTPUT_MARKER:
            marker = after
        elif position + 1 < len(fenced) and fenced[position + 1].start == after and _OUTPUT.match(fenced[position + 1].info):
            output = fenced[position + 1].code
        result.append(Block(block.start + 2, block.code, output, marker))
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


def link_repository(directory: Path) -> None:
    """Put in a directory a symbolic link to each top-level entry of the repository.

    The code of a page runs in such a directory: a relative path (``examples/data/...``) reads
    as from the repository root, while a file that the code writes lands in the directory, not
    in the working tree.

    Args:
        directory: An empty directory.
    """
    for entry in ROOT.iterdir():
        if not entry.name.startswith("."):
            (directory / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())


def run_blocks(blocks: Sequence[Block], filename: str) -> Iterator[str]:
    """Run a page's Python blocks in order, in one namespace, as a reader would type them.

    Run it in the directory where the code is to run (see `link_repository`). An exception
    raised by a block propagates, its traceback giving the line in the Markdown file.

    Args:
        blocks: The page's blocks, from `python_blocks`.
        filename: The page's path, for tracebacks.

    Yields:
        What each block printed, once it has run.
    """
    namespace: dict[str, object] = {"__name__": "__main__"}
    for block in blocks:
        # Pad with blank lines so that a traceback gives the line number in the Markdown file.
        compiled = compile("\n" * (block.line - 1) + block.code, filename, "exec")
        printed = StringIO()
        with redirect_stdout(printed):
            exec(compiled, namespace)
        yield printed.getvalue()


def page_outputs(markdown: str, filename: str) -> list[str]:
    """Run a page's Python blocks in a new interpreter and return what each printed.

    The blocks run as `run_blocks` runs them, in a temporary directory made by
    `link_repository`, with the interpreter that runs MkDocs.

    Args:
        markdown: The page's Markdown.
        filename: The page's path, for messages.

    Raises:
        RuntimeError: If a block fails (the message holds the traceback) or takes too long.
    """
    try:
        completed = subprocess.run(
            [sys.executable, __file__, "--stdin", filename],
            input=markdown,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=EXAMPLE_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise RuntimeError(f"the code of {filename} did not finish in {EXAMPLE_TIMEOUT} s") from error
    if completed.returncode != 0:
        raise RuntimeError(f"the code of {filename} failed:\n{completed.stderr}")
    lines = completed.stdout.splitlines()
    outputs = json.loads(lines[-1]) if lines else None
    if not isinstance(outputs, list):
        raise RuntimeError(f"the code of {filename} gave no outputs:\n{completed.stdout}")
    return [str(output) for output in outputs]


def with_outputs(markdown: str, filename: str) -> str:
    """Replace each ``<!-- output -->`` line of a page with what the block before it prints.

    Args:
        markdown: The page's Markdown.
        filename: The page's path, for messages.
    """
    blocks = python_blocks(markdown)
    lines = markdown.splitlines()
    markers = {block.marker for block in blocks if block.marker is not None}
    stray = [index + 1 for index, line in enumerate(lines) if line.strip() == OUTPUT_MARKER and index not in markers]
    if stray:
        log.warning("%s: %s on line %s follows no Python block that runs", filename, OUTPUT_MARKER, stray)
    if not markers:
        return markdown
    try:
        outputs = page_outputs(markdown, filename)
    except RuntimeError as error:
        log.warning("%s", error)
        return markdown
    for block, output in zip(blocks, outputs, strict=True):
        if block.marker is None:
            continue
        if not output.strip():
            log.warning("%s, line %d: the block prints nothing for %s to show", filename, block.line, OUTPUT_MARKER)
        fence = "`" * max([3, *(len(run) + 1 for run in re.findall(r"`{3,}", output))])
        indent = lines[block.marker][: len(lines[block.marker]) - len(lines[block.marker].lstrip())]
        shown = [f'{fence}text title="Output"', *output.rstrip().splitlines(), fence]
        lines[block.marker] = "\n".join(f"{indent}{line}" if line else line for line in shown)
    return "\n".join(lines) + "\n"


# --- The tables of a dataset, rendered from the shipped data ---------------------------------------

DATASET_MARKER = re.compile(r"^[ \t]*<!-- dataset: (?P<name>[a-z0-9_-]+) (?P<part>[a-z_]+) -->[ \t]*$", re.MULTILINE)
"""A line ``<!-- dataset: NAME PART -->``: replaced, at build time, by that part of the dataset, rendered."""
_TITLE_LENGTH = 70
"""How long a source's title is shown in a record's row before it is cut (the Sources table shows it whole)."""


def load_dataset(name: str) -> Any:
    """Read a shipped dataset from its YAML file (not the package's cache, so that an edit shows at once).

    Args:
        name: The dataset's name, e.g. ``"unifil"``.

    Raises:
        FileNotFoundError: If there is no such dataset.
    """
    from missionmodel import load

    path = SOURCE / "datasets" / f"{name}.yaml"
    if not path.is_file():
        raise FileNotFoundError(f"no dataset {name!r} ({path} does not exist)")
    return load(path)


def md_cell(text: object) -> str:
    """Return text for a cell of a Markdown table: what Markdown would read as markup escaped.

    Args:
        text: The text (or None, for an empty cell).
    """
    if text is None:
        return ""
    value = " ".join(str(text).split())
    for character in "\\`*_[]<>|":
        value = value.replace(character, "\\" + character)
    return value


def _words(value: str) -> str:
    return value.replace("_", " ")


def _table(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table (its cells already escaped); a sentence when there are no rows."""
    if not rows:
        return "None recorded in the dataset.\n"
    lines = ["| " + " | ".join(headings) + " |", "| " + " | ".join("---" for _ in headings) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _source_links(mission: Any, ids: Sequence[str]) -> str:
    """A record's sources: each title (cut when long), linked to its address when it has one."""
    parts = []
    for source_id in ids:
        try:
            source = mission.source(source_id)
        except KeyError:
            parts.append(md_cell(source_id))
            continue
        title = source.title if len(source.title) <= _TITLE_LENGTH else source.title[: _TITLE_LENGTH - 1].rstrip() + "…"
        parts.append(f"[{md_cell(title)}](<{source.url}>)" if source.url else md_cell(title))
    return "; ".join(parts)


def _flags(record: Any, records: Sequence[Any] = ()) -> list[str]:
    """What marks a record, in words: acting, unconfirmed, disputed; then its note."""
    flags = []
    if getattr(record, "acting", False):
        flags.append("acting")
    if getattr(record, "unconfirmed", False):
        flags.append("unconfirmed")
    disputes = getattr(record, "disputes", None)
    if disputes is not None:
        flags.append(f"an alternative account, disputing `{disputes}`")
    record_id = getattr(record, "id", None)
    if record_id is not None and any(getattr(other, "disputes", None) == record_id for other in records):
        flags.append(f"disputed by another account (`{record_id}`)")
    text = "; ".join(flags)
    note = getattr(record, "note", None)
    if note:
        text = f"{text}. {md_cell(note)}" if text else md_cell(note)
    return [text]


def _label(mandate: Any) -> str:
    return str(mandate.authority)


def _name(mission: Any, actor_id: str) -> str:
    try:
        return str(mission.actor(actor_id).name)
    except KeyError:
        return actor_id


def _country_name(code: str | None) -> str:
    if code is None:
        return ""
    from missionmodel.countries import country_name

    try:
        return str(country_name(code))
    except KeyError:
        return code


def _by_date(records: Sequence[Any], date_of: Any) -> list[Any]:
    """Records sorted by a date (undated first), stable."""
    return sorted(records, key=lambda record: (date_of(record) is not None, date_of(record) and date_of(record).earliest()))


def render_coverage(mission: Any) -> str:
    """The coverage notes, then where the data of each topic begin."""
    from missionmodel.coverage import Topic, data_begin

    notes = [
        [
            md_cell("the whole dataset" if note.topic is None else _words(note.topic.value)),
            md_cell(note.status.value),
            md_cell(note.start),
            md_cell(note.end),
            md_cell(note.text),
            _source_links(mission, note.sources),
        ]
        for note in mission.coverage
    ]
    begins = []
    for topic in Topic:
        records = getattr(mission, topic.value)
        begin = data_begin(mission, topic)
        if records or begin is not None:
            begins.append([md_cell(_words(topic.value)), md_cell(begin or "no dated record"), f"{len(records):,}"])
    return (
        _table(["Topic", "Status", "From", "To", "What the data hold", "Sources"], notes)
        + "\nWhere the data of each topic begin (a query about an earlier date warns), and how many records it has:\n\n"
        + _table(["Topic", "Data begin", "Records"], begins)
    )


def render_mandates(mission: Any) -> str:
    """The mandates in the order of their dates, each link of a chain with what it does."""
    from missionmodel.timeline import effective_date

    labels = {m.id: _label(m) for m in mission.mandates if m.id is not None}
    rows = []
    for number, mandate in enumerate(_by_date(mission.mandates, effective_date), start=1):
        authority = mandate.authority
        changes = []
        if mandate.tasks:
            changes.append(("gives " if mandate.follows is None else "adds ") + ", ".join(_words(t.value) for t in mandate.tasks))
        if mandate.drops:
            changes.append("drops " + ", ".join(_words(t.value) for t in mandate.drops))
        if mandate.restrictions:
            changes.append("restrictions: " + "; ".join(mandate.restrictions))
        ceiling = ""
        if mandate.authorized_strength is not None:
            ceiling = ("about " if mandate.approximate else "") + str(mandate.authorized_strength)
        start = effective_date(mandate)
        rows.append(
            [
                str(number),
                md_cell(_label(mandate)),
                md_cell(authority.adopted),
                md_cell(authority.vote),
                md_cell(", ".join(a.value for a in mandate.actions)),
                md_cell(labels.get(mandate.follows, mandate.follows)),
                md_cell(f"{start or '?'} to {mandate.end or 'no end recorded'}"),
                md_cell(ceiling),
                md_cell("; ".join(changes)),
                *_flags(mandate),
                _source_links(mission, mandate.sources),
            ]
        )
    headings = ["#", "Instruments", "Adopted", "Vote", "Action", "Follows", "In force", "Ceiling set", "Tasks", "Notes"]
    return _table([*headings, "Sources"], rows)


def render_ceilings(mission: Any) -> str:
    """The personnel ceiling in force over time: a row each time it changes along the chains."""
    from missionmodel.timeline import carried_over, effective_date, mandate_chain

    rows = []
    previous: Any = ()
    for mandate in _by_date(mission.mandates, effective_date):
        ceiling = carried_over(mandate_chain(mission.mandates, mandate))[1]
        key = None if ceiling is None else (ceiling.strength, ceiling.approximate, id(ceiling.set_by))
        if key == previous:
            continue
        previous = key
        start = effective_date(mandate)
        if ceiling is None:
            rows.append([md_cell(start), "none recorded", md_cell(_label(mandate)), ""])
        else:
            setter = ceiling.set_by
            rows.append([md_cell(start), md_cell(ceiling), md_cell(_label(setter)), _source_links(mission, setter.sources)])
    return _table(["From", "Ceiling in force", "Set by", "Sources"], rows)


def render_appointments(mission: Any) -> str:
    """Who held which post, post by post, each term in the order of its start."""
    from missionmodel import Post

    rows = []
    for post in Post:
        terms = _by_date([a for a in mission.appointments if a.post is post], lambda a: a.start)
        for appointment in terms:
            try:
                country = mission.actor(appointment.holder).country
            except KeyError:
                country = None
            rows.append(
                [
                    md_cell(_words(post.value)),
                    md_cell(appointment.unit),
                    md_cell(_name(mission, appointment.holder)),
                    md_cell(_country_name(country)),
                    md_cell(appointment.start),
                    md_cell(appointment.end),
                    *_flags(appointment, mission.appointments),
                    _source_links(mission, appointment.sources),
                ]
            )
    return _table(["Post", "Unit", "Holder", "Nationality", "From", "To", "Notes", "Sources"], rows)


def render_budgets(mission: Any) -> str:
    """Every budget figure, by fiscal period."""
    rows = []
    for budget in _by_date(mission.budgets, lambda b: b.start):
        if budget.amount is None:
            amount = "not reported"
        else:
            amount = f"{'about ' if budget.approximate else ''}{budget.currency} {budget.amount:,}{' net' if budget.net else ''}"
        rows.append(
            [
                md_cell(f"{budget.start} to {budget.end}"),
                md_cell(budget.kind.value),
                md_cell(amount),
                md_cell(budget.decided_by),
                md_cell(budget.decided),
                md_cell(budget.vote),
                *_flags(budget, mission.budgets),
                _source_links(mission, budget.sources),
            ]
        )
    return _table(["Period", "Figure", "Amount", "Decided by", "Decided", "Vote", "Notes", "Sources"], rows)


def render_fatality_counts(mission: Any) -> str:
    """Every reported count of the dead, by the date it refers to."""
    rows = [
        [
            f"{count.count:,}",
            md_cell(count.as_of or "not reported"),
            md_cell(count.since),
            *_flags(count, mission.fatality_counts),
            _source_links(mission, count.sources),
        ]
        for count in _by_date(mission.fatality_counts, lambda c: c.as_of)
    ]
    table = _table(["Dead", "As of", "Since", "Notes (who is counted)", "Sources"], rows)
    if mission.fatalities:
        table += f"\nBeside these counts, {len(mission.fatalities):,} deaths are recorded one by one.\n"
    return table


def render_events(mission: Any) -> str:
    """The timeline: every event, by date."""
    rows = []
    for event in _by_date(mission.events, lambda e: e.date):
        place = ""
        if event.place is not None:
            place = event.place.name + (f", {_country_name(event.place.country)}" if event.place.country else "")
        rows.append(
            [
                md_cell(event.date),
                md_cell(None if event.kind is None else event.kind.value),
                md_cell(event.summary),
                md_cell(place),
                md_cell(", ".join(_name(mission, actor) for actor in event.actors)),
                *_flags(event, mission.events),
                _source_links(mission, event.sources),
            ]
        )
    return _table(["Date", "Kind", "What happened", "Where", "Who", "Notes", "Sources"], rows)


def render_sources(mission: Any) -> str:
    """Every source, with its kind, publisher, language, date and address."""
    rows = []
    for source in mission.sources:
        title = f"[{md_cell(source.title)}](<{source.url}>)" if source.url else md_cell(source.title)
        rows.append(
            [
                f"`{source.id}`",
                title,
                md_cell(None if source.kind is None else _words(source.kind.value)),
                md_cell(source.publisher),
                md_cell(source.language),
                md_cell(source.published),
                md_cell(source.note),
            ]
        )
    return _table(["Id", "Title", "Kind", "Publisher", "Language", "Published", "Note"], rows)


DATASET_PARTS = {
    "coverage": render_coverage,
    "mandates": render_mandates,
    "ceilings": render_ceilings,
    "appointments": render_appointments,
    "budgets": render_budgets,
    "fatality_counts": render_fatality_counts,
    "events": render_events,
    "sources": render_sources,
}
"""The parts of a dataset that ``<!-- dataset: NAME PART -->`` renders, by PART."""


def with_datasets(markdown: str, filename: str) -> str:
    """Replace each ``<!-- dataset: NAME PART -->`` line of a page with that part of the dataset, rendered.

    An unknown dataset or part, or a rendering that fails, is a warning and leaves the line.

    Args:
        markdown: The page's Markdown.
        filename: The page's path, for messages.
    """
    loaded: dict[str, Any] = {}

    def render(match: re.Match[str]) -> str:
        name, part = match["name"], match["part"]
        if part not in DATASET_PARTS:
            log.warning("%s: %r is no part of a dataset; the parts are: %s", filename, part, ", ".join(DATASET_PARTS))
            return match[0]
        try:
            if name not in loaded:
                loaded[name] = load_dataset(name)
            return DATASET_PARTS[part](loaded[name]).rstrip("\n")
        except Exception as error:  # noqa: BLE001 - any failure is reported, and fails a strict build
            log.warning("%s: cannot render %s of the dataset %r: %s: %s", filename, part, name, type(error).__name__, error)
            return match[0]

    return DATASET_MARKER.sub(render, markdown)


def on_page_markdown(markdown: str, page: Page, **kwargs: Any) -> str:
    """Put the examples in place of ``<!-- examples -->``, outputs in place of ``<!-- output -->``, datasets' tables too.

    Args:
        markdown: The page's Markdown.
        page: The page.
        **kwargs: Unused.
    """
    if OUTPUT_MARKER in markdown:
        markdown = with_outputs(markdown, f"docs/{page.file.src_uri}")
    if "<!-- dataset: " in markdown:
        markdown = with_datasets(markdown, f"docs/{page.file.src_uri}")
    if EXAMPLES_MARKER not in markdown:
        return markdown
    scripts = sorted(EXAMPLES.glob("*.py"), key=lambda path: (path.name != FIRST_EXAMPLE, path.name))
    if not scripts:
        log.warning("no example scripts in %s", EXAMPLES)
    return markdown.replace(EXAMPLES_MARKER, "\n".join(example_section(script) for script in scripts))


def main(arguments: Sequence[str]) -> int:
    """Run the Python blocks of a page and print what each printed, as a JSON list on the last line.

    ``python docs/hooks.py PAGE`` reads the page from the file PAGE; ``python docs/hooks.py --stdin
    PAGE`` reads it from standard input (as `page_outputs` gives it), PAGE naming it in tracebacks.

    Args:
        arguments: The command-line arguments.
    """
    from_stdin = arguments[:1] == ["--stdin"]
    arguments = arguments[1:] if from_stdin else arguments
    if len(arguments) != 1:
        print("usage: python docs/hooks.py [--stdin] PAGE.md", file=sys.stderr)
        return 2
    filename = arguments[0]
    markdown = sys.stdin.read() if from_stdin else Path(filename).read_text(encoding="utf-8")
    blocks = python_blocks(markdown)
    here = Path.cwd()
    with tempfile.TemporaryDirectory() as directory:
        link_repository(Path(directory))
        os.chdir(directory)
        try:
            outputs = list(run_blocks(blocks, os.fspath(here / filename)))
        finally:
            os.chdir(here)
    sys.stdout.flush()
    print(json.dumps(outputs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
