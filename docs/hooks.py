"""MkDocs hooks: generate the API reference pages and the output of the examples at build time.

* **API reference.** Every public module of ``src/missionmodel`` (no part of its dotted name
  starts with ``_``) gets a page ``reference/<dotted name>.md`` with a ``::: module``
  directive, and the *API reference* section of the nav lists them all. A module added to the
  package appears in the docs without touching ``mkdocs.yml``. A module that re-exports names
  from others (``missionmodel`` itself, ``missionmodel.importers``) documents only what it
  defines and lists the rest, each linked to where it is documented, so nothing is documented
  twice.
* **Examples.** In ``docs/examples.md`` the line ``<!-- examples -->`` is replaced by one section
  per script in ``examples/`` (``quickstart.py`` first): its docstring, its source and the
  output of running it now with the interpreter that runs MkDocs, from the repository root. A
  script that fails is reported as a warning, which fails ``mkdocs build --strict``.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "missionmodel"
SOURCE = ROOT / "src" / PACKAGE
EXAMPLES = ROOT / "examples"
REFERENCE_SECTION = "API reference"
EXAMPLES_MARKER = "<!-- examples -->"
EXAMPLE_TIMEOUT = 300  # seconds for one script
FIRST_EXAMPLE = "quickstart.py"  # then the others, by name


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


def reference_uri(module: str) -> str:
    """Return the path of a module's reference page in the docs.

    Args:
        module: The dotted module name.
    """
    return f"reference/{module}.md"


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


def exports(module: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Split a module's ``__all__`` into the names it defines and those it re-exports.

    A re-exported name is documented where it is defined: in another public module whose
    ``__all__`` lists the same object, or, for a submodule, on its own page.

    Args:
        module: The dotted module name.

    Returns:
        The names defined here, and each re-exported name with the module that documents it.
    """
    imported = import_public(module)
    if imported is None:
        return [], []
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


def reference_page(module: str) -> str:
    """Return the Markdown of a module's reference page.

    A module that re-exports names (a package, usually) documents only what it defines, and
    lists the others with links to where they are documented.

    Args:
        module: The dotted module name.
    """
    local, elsewhere = exports(module)
    if not elsewhere:
        return f"# `{module}`\n\n::: {module}\n"
    members = "[" + ", ".join(local) + "]" if local else "false"
    rows = []
    for name, home in elsewhere:
        if home == f"{module}.{name}":  # a submodule: link to its page
            rows.append(f"| [`{name}`]({home}.md) | [`{home}`]({home}.md) |")
        else:
            rows.append(f"| [`{name}`][{home}.{name}] | [`{home}`]({home}.md) |")
    return (
        f"# `{module}`\n\n"
        f"::: {module}\n    options:\n      members: {members}\n\n"
        "## Exported names\n\n"
        f"`{module}` also gives these names; each is documented in its own module.\n\n"
        "| Name | Documented in |\n| --- | --- |\n" + "\n".join(rows) + "\n"
    )


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    """Fill the nav's *API reference* section with one page per public module.

    Args:
        config: The MkDocs configuration.
        **kwargs: Unused.
    """
    pages = [{module: reference_uri(module)} for module in public_modules()]
    for item in config.nav or []:
        if isinstance(item, dict) and REFERENCE_SECTION in item:
            item[REFERENCE_SECTION] = pages
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


def on_page_markdown(markdown: str, page: Page, **kwargs: Any) -> str:
    """Put the sections of the example scripts in place of ``<!-- examples -->``.

    Args:
        markdown: The page's Markdown.
        page: The page.
        **kwargs: Unused.
    """
    if EXAMPLES_MARKER not in markdown:
        return markdown
    scripts = sorted(EXAMPLES.glob("*.py"), key=lambda path: (path.name != FIRST_EXAMPLE, path.name))
    if not scripts:
        log.warning("no example scripts in %s", EXAMPLES)
    return markdown.replace(EXAMPLES_MARKER, "\n".join(example_section(script) for script in scripts))
