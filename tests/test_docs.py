"""Run the Python code blocks of the documentation, so that the docs cannot go stale.

Every fenced block whose language is ``python`` (or ``py``) in ``README.md`` and in
``docs/**/*.md`` is run. The blocks of one page run in order in one shared namespace, as a
reader would type them; each page is one test (``test_page[docs/tutorial.md]``).

Where they run: in a fresh temporary directory that holds a symbolic link to each top-level
entry of the repository (``examples``, ``src``, ``docs``, ``README.md`` ...). A relative path
therefore reads as it would from the repository root, while a file that a block writes, such as
``dump(mission, "isf.yaml")``, lands in the temporary directory and not in the working tree.

What a block prints must be shown, in one of two ways:

* a ``text`` block titled ``Output`` right after it (```` ```text title="Output" ````), written
  by hand: the test checks that the block prints it, line by line, trailing spaces aside;
* a line ``<!-- output -->`` right after it: the site's build (``docs/hooks.py``) puts there what
  the block prints, so it cannot go stale; the test checks that the block prints something.

A block that prints and shows neither fails the test. Other text blocks are not checked.

A block that must not run (a sketch, a shell session shown as Python) is marked with the HTML
comment ``<!-- test: skip -->`` on the line before its opening fence; use it sparingly.
Blocks of other languages (``pycon``, ``text``, ``yaml``, ``bash``) are never run.

The rules for blocks (which run, what they show, how they run) live in ``docs/hooks.py``, which
the site's build uses too; it imports nothing from MkDocs, so these tests need only the test
extra. The tests here also check the groups of the API reference: every public module has one.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("missionmodel_docs_hooks", ROOT / "docs" / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # NamedTuple classes look their module up
    spec.loader.exec_module(module)
    return module


hooks = _load_hooks()
Block = hooks.Block


def pages() -> list[Path]:
    """Return the Markdown pages whose code is tested, relative to the repository root."""
    found = [Path("README.md")] if (ROOT / "README.md").exists() else []
    found += sorted(path.relative_to(ROOT) for path in (ROOT / "docs").rglob("*.md"))
    return found


def test_block_parser() -> None:
    text = (
        'Intro\n\n```python\nx = 1\nprint(x)\n```\n\n```text title="Output"\n1\n```\n\n'
        "<!-- test: skip -->\n```python\nraise SystemExit\n```\n\n"
        '!!! note\n    ```py title="t.py"\n    y = x + 1\n    ```\n\n```text\nnot code\n```\n\n'
        "```python\nprint(y)\n```\n\n<!-- output -->\n\n"
        '```python\nz = 3\n```\nSome text.\n\n```text title="Output"\nnot its output\n```\n'
    )
    assert hooks.python_blocks(text) == [
        Block(4, "x = 1\nprint(x)", "1"),
        Block(19, "y = x + 1", None),
        Block(27, "print(y)", None, 29),
        Block(33, "z = 3", None),
    ]


def test_generated_output_replaces_its_marker() -> None:
    text = (
        "# A page\n\n```python\nwords = ['up', 'to', '8,000']\n```\n\n"
        "```python\nprint(' '.join(words))\nprint(len(words))\n```\n\n<!-- output -->\n\nThe end.\n"
    )
    shown = hooks.with_outputs(text, "docs/example.md")
    assert shown == (
        "# A page\n\n```python\nwords = ['up', 'to', '8,000']\n```\n\n"
        "```python\nprint(' '.join(words))\nprint(len(words))\n```\n\n```text title=\"Output\"\nup to 8,000\n3\n```\n\n"
        "The end.\n"
    )


def test_generated_output_runs_in_a_copy_of_the_repository() -> None:
    text = (
        "```python\nfrom pathlib import Path\nPath('written.txt').write_text('x')\n"
        "print(Path('README.md').exists(), Path('src').is_dir())\n```\n<!-- output -->\n"
    )
    shown = hooks.with_outputs(text, "docs/example.md")
    assert 'text title="Output"\nTrue True\n' in shown
    assert not (ROOT / "written.txt").exists()


def test_a_failing_block_or_a_stray_marker_is_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    failing = "```python\nprint('before')\n```\n<!-- output -->\n```python\n1 / 0\n```\n"
    assert hooks.with_outputs(failing, "docs/broken.md") == failing  # unchanged
    assert "ZeroDivisionError" in caplog.text
    assert 'docs/broken.md", line 6' in caplog.text  # the line in the page
    caplog.clear()
    stray = "Text.\n\n<!-- output -->\n\n```text\nnot code\n```\n"
    assert hooks.with_outputs(stray, "docs/stray.md") == stray
    assert "follows no Python block" in caplog.text
    caplog.clear()
    silent = "```python\nx = 1\n```\n<!-- output -->\n"
    hooks.with_outputs(silent, "docs/silent.md")
    assert "prints nothing" in caplog.text


@pytest.mark.parametrize("page", pages(), ids=str)
def test_page(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = hooks.python_blocks((ROOT / page).read_text(encoding="utf-8"))
    if not blocks:
        pytest.skip("no Python blocks")
    hooks.link_repository(tmp_path)
    monkeypatch.chdir(tmp_path)
    for block, printed in zip(blocks, hooks.run_blocks(blocks, os.fspath(ROOT / page)), strict=True):
        where = f"{page}, line {block.line}"
        if block.output is not None:
            if not hooks.same_output(printed, block.output):
                pytest.fail(f"{where}: the block printed\n{printed}\nbut its Output block shows\n{block.output}")
        elif block.marker is not None:
            assert printed.strip(), f"{where}: the block prints nothing for its {hooks.OUTPUT_MARKER} to show"
        elif printed.strip():
            pytest.fail(
                f"{where}: the block prints\n{printed}\nbut the page does not show it: follow the block with an "
                f'Output block (```text title="Output"), or with the line {hooks.OUTPUT_MARKER} to show it at build time'
            )


@pytest.mark.parametrize("page", sorted((ROOT / "docs" / "datasets").glob("*.md")), ids=lambda path: path.name)
def test_dataset_pages_show_generated_output(page: Path) -> None:
    blocks = hooks.python_blocks(page.read_text(encoding="utf-8"))
    assert any(block.marker is not None for block in blocks), f"{page.name} shows no output of the shipped data"


@pytest.mark.parametrize("page", sorted((ROOT / "docs" / "datasets").glob("*.md")), ids=lambda path: path.name)
def test_dataset_pages_render_their_tables_from_the_data(page: Path, caplog: pytest.LogCaptureFixture) -> None:
    markdown = page.read_text(encoding="utf-8")
    markers = hooks.DATASET_MARKER.findall(markdown)
    assert {part for _, part in markers} >= {"coverage", "mandates", "appointments", "events", "sources"}
    shown = hooks.with_datasets(markdown, f"docs/datasets/{page.name}")
    assert "<!-- dataset: " not in shown and not caplog.records, caplog.text
    mission = hooks.load_dataset(page.stem)
    for source in mission.sources:  # every source listed, linked to its address when it has one
        assert f"`{source.id}`" in shown
        if source.url:
            assert f"](<{source.url}>)" in shown
    mandates = hooks.render_mandates(mission)
    assert len(mandates.splitlines()) == len(mission.mandates) + 2  # a row per mandate, under the heading
    assert len(hooks.render_events(mission).splitlines()) == (len(mission.events) + 2 if mission.events else 1)


def test_a_dataset_marker_that_names_nothing_is_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    text = "<!-- dataset: unifil mandates -->\n<!-- dataset: unifil tanks -->\n<!-- dataset: kfor events -->\n"
    shown = hooks.with_datasets(text, "docs/x.md").splitlines()
    assert shown[0].startswith("| # | Instruments | Adopted | Vote | Action | Follows | In force | Ceiling set | Tasks |")
    assert shown[-2:] == ["<!-- dataset: unifil tanks -->", "<!-- dataset: kfor events -->"]  # left as they were
    assert "'tanks' is no part of a dataset" in caplog.text and "no dataset 'kfor'" in caplog.text
    assert hooks.md_cell("a | b [c] *d* <e>") == "a \\| b \\[c\\] \\*d\\* \\<e\\>"


def test_every_public_module_has_a_group_in_the_api_reference() -> None:
    modules = hooks.public_modules()
    assert modules[0] == "missionmodel"
    groups = dict(hooks.grouped_modules(modules))
    assert hooks.OTHER_GROUP not in groups, f"give {groups.get(hooks.OTHER_GROUP)} a group in REFERENCE_GROUPS (docs/hooks.py)"
    grouped = [module for names in groups.values() for module in names]
    assert sorted(grouped) == sorted(modules[1:])  # each module once
    assert list(groups)[:2] == ["The model", "Values"]
    assert groups["The model"][0] == "missionmodel.mission"


def test_reference_groups_name_each_module_once() -> None:
    listed = [module for _, members in hooks.REFERENCE_GROUPS for module in members]
    assert len(listed) == len(set(listed))
    assert set(hooks.LEADS) <= set(listed)


def test_a_module_in_no_group_goes_to_other_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    nav = hooks.reference_nav(["missionmodel", "missionmodel.mission", "missionmodel.brand_new"])
    assert nav == [
        {"missionmodel": "reference/missionmodel.md"},
        {"The model": [{"mission": "reference/missionmodel.mission.md"}]},
        {"Other": [{"brand_new": "reference/missionmodel.brand_new.md"}]},
    ]
    assert "missionmodel.brand_new in no group" in caplog.text


@pytest.mark.parametrize("module", sorted(hooks.LEADS), ids=str)
def test_leads_are_documented_names(module: str) -> None:
    dotted = f"missionmodel.{module}"
    if dotted not in hooks.public_modules():
        pytest.skip(f"{dotted} is not a module (yet)")
    declared, _ = hooks.source_names(dotted)
    assert declared is not None
    assert set(hooks.LEADS[module]) <= set(declared)


def test_most_used_names_come_first_on_their_page() -> None:
    page = hooks.reference_page("missionmodel.mission")
    assert "members: [Mission, MissionKind, MissionStatus]" in page
    assert "group_by_category: false" in page
    contribution = hooks.member_order("missionmodel.contribution", ["Contribution", "ContributionKind", "ContributionStatus"])
    assert contribution == ["Contribution", "ContributionKind", "ContributionStatus"]
    # Without leads, a page keeps the order of the source.
    assert hooks.reference_page("missionmodel.sources") == "# `missionmodel.sources`\n\n::: missionmodel.sources\n"
