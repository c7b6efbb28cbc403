"""compare(), render_text() and render_markdown()."""

from __future__ import annotations

import attrs
import pytest

from missionmodel import (
    Appointment,
    Authority,
    AuthorityKind,
    Contribution,
    ContributionKind,
    ContributionStatus,
    Mandate,
    Mission,
    MissionKind,
    MissionStatus,
    Position,
    Post,
    Stance,
    Strength,
    Task,
    datasets,
)
from missionmodel.compare import Comparison, ComparisonRow, compare, render_html, render_markdown, render_text

K = ContributionKind
S = ContributionStatus


def bare(mission_id: str = "a", name: str = "A") -> Mission:
    return Mission(id=mission_id, name=name, kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE)


def rows_by_aspect(a: Mission, b: Mission) -> dict[str, tuple[str, str]]:
    return {row.aspect: (row.left, row.right) for row in compare(a, b)}


@pytest.fixture(scope="module")
def isf_vs_unifil() -> dict[str, tuple[str, str]]:
    return rows_by_aspect(datasets.load("isf"), datasets.load("unifil"))


# --- ComparisonRow --------------------------------------------------------------------------


def test_row_is_frozen_slotted_and_keyword_only() -> None:
    row = ComparisonRow(aspect="led by", left="x", right="y")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        row.left = "z"  # type: ignore[misc]
    assert not hasattr(row, "__dict__")
    with pytest.raises(TypeError):
        ComparisonRow("led by", "x", "y")  # type: ignore[misc]


# --- compare on the shipped datasets ------------------------------------------------------------


def test_aspects_in_order(isf_vs_unifil: dict[str, tuple[str, str]]) -> None:
    assert list(isf_vs_unifil) == [
        "mission",
        "authorised by",
        "led by",
        "mandate tasks",
        "contributors: offered",
        "contributors: pledged",
        "contributors: approved",
        "contributors: deployed",
        "contributors: suspended",
        "contributors: declined",
        "personnel: planned",
        "personnel: actual",
        "command: head of mission",
        "command: force commander",
        "command: deputy force commander",
        "command: chair",
        "positions: conditional",
        "positions: concerned",
        "positions: opposes",
        "positions: neutral",
    ]


def test_personnel_figures(isf_vs_unifil: dict[str, tuple[str, str]]) -> None:
    assert isf_vs_unifil["personnel: planned"] == ("20,000 troops (planned)", "none recorded")
    assert isf_vs_unifil["personnel: actual"] == (
        "none recorded",
        "about 9,900 personnel (actual, 2025-11-20); about 10,800 personnel (actual, 2025-10); "
        "about 800 civilian (actual, 2024-10); 10,058 troops from 50 countries (actual, 2024-09-02)",
    )


def test_mission_authority_and_lead(isf_vs_unifil: dict[str, tuple[str, str]]) -> None:
    assert isf_vs_unifil["mission"] == (
        "International Stabilization Force: stabilization, authorized",
        "United Nations Interim Force in Lebanon: peacekeeping, active",
    )
    assert isf_vs_unifil["authorised by"] == (
        "UN Security Council: S/RES/2803 (2025), adopted 2025-11-17",
        "UN Security Council: S/RES/2790 (2025), adopted 2025-08-28 (earlier: S/RES/1701 (2006), S/RES/425 (1978))",
    )
    assert isf_vs_unifil["led by"] == ("Board of Peace", "UN Department of Peace Operations")


def test_mandate_tasks(isf_vs_unifil: dict[str, tuple[str, str]]) -> None:
    assert isf_vs_unifil["mandate tasks"] == (
        "border security, civilian protection, humanitarian access, disarmament, police training (S/RES/2803 (2025))",
        "none listed in S/RES/2790 (2025); latest listed: ceasefire monitoring, support to host armed forces, "
        "humanitarian access, weapons free zone (S/RES/1701 (2006))",
    )


def test_contributors_with_honest_uncertainty(isf_vs_unifil: dict[str, tuple[str, str]]) -> None:
    left, right = isf_vs_unifil["contributors: pledged"]
    assert left.startswith("Morocco, police: unknown (2026-02-19); Morocco, training: unknown (2026-02-19); ")
    assert "Kazakhstan, medical: unknown (2026-03-04)" in left  # the later claim of the same kind
    assert "Kazakhstan, medical: unknown (2026-02-19)" not in left
    assert "Kazakhstan, troops" not in left  # superseded by the clarification of 4 March 2026
    assert left.endswith("; total recorded: unknown")
    assert right == "none recorded"
    offered, _ = isf_vs_unifil["contributors: offered"]
    # Regression: Indonesia's offer was superseded by its pledge four days later.
    assert "Indonesia" not in offered
    assert "Pakistan, troops: unknown (2025-11-29)" in offered
    assert isf_vs_unifil["contributors: suspended"] == ("Indonesia, troops: unknown (2026-03-17)", "none recorded")
    assert isf_vs_unifil["contributors: approved"] == (
        "Kosovo, troops: unknown (2026-04-17); total recorded: unknown",
        "none recorded",
    )
    assert isf_vs_unifil["contributors: declined"] == (
        "Jordan, troops (2026-02); Azerbaijan, troops (2026-01-05)",
        "none recorded",
    )
    left, right = isf_vs_unifil["contributors: deployed"]
    assert left == "none recorded"
    assert right.startswith("Indonesia, troops: 1,231 (2024-09-02); Italy, troops: 1,068 (2024-09-02); ")
    assert right.endswith("South Korea, troops: 294 (2024-09-02); total recorded: 8,215")


def test_compare_on_a_date_shows_the_claims_current_then() -> None:
    rows = {row.aspect: (row.left, row.right) for row in compare(datasets.load("isf"), datasets.load("unifil"), on="2026-02-18")}
    offered, _ = rows["contributors: offered"]
    assert "Indonesia, troops: 5,000 to 8,000 (2026-02-15)" in offered
    assert "contributors: pledged" not in rows
    assert "contributors: suspended" not in rows
    assert rows["command: deputy force commander"] == ("none recorded", "none recorded")


def test_a_same_day_dispute_is_shown_not_merged() -> None:
    a = Mission(
        id="a",
        name="A",
        kind=MissionKind.STABILIZATION,
        status=MissionStatus.AUTHORIZED,
        contributions=[
            Contribution(contributor="JOR", kind=K.TROOPS, status=S.PLEDGED, strength=500, as_of="2026-02-19"),
            Contribution(contributor="JOR", kind=K.TROOPS, status=S.DECLINED, as_of="2026-02-19"),
        ],
    )
    rows = {row.aspect: row.left for row in compare(a, a)}
    assert rows["contributors: pledged"] == (
        "Jordan, troops: 500 (2026-02-19; disputed: also reported declined); total recorded: up to 500"
    )
    assert rows["contributors: declined"] == "Jordan, troops (2026-02-19; disputed: also reported pledged)"


def test_command(isf_vs_unifil: dict[str, tuple[str, str]]) -> None:
    assert isf_vs_unifil["command: force commander"] == (
        "Jasper Jeffers (from 2026-01-16)",
        "Diodato Abagnara (from 2025-06-24)",
    )
    assert isf_vs_unifil["command: deputy force commander"] == ("Indonesia (from 2026-02-19)", "none recorded")
    assert isf_vs_unifil["command: head of mission"] == ("none recorded", "Diodato Abagnara (from 2025-06-24)")
    assert isf_vs_unifil["command: chair"] == ("Donald Trump", "none recorded")


def test_positions(isf_vs_unifil: dict[str, tuple[str, str]]) -> None:
    assert isf_vs_unifil["positions: neutral"] == (
        "China (on resolution 2803 (2025), 2025-11-17); Russian Federation (on resolution 2803 (2025), 2025-11-17)",
        "none recorded",
    )
    assert isf_vs_unifil["positions: opposes"][0] == (
        "Hamas (on resolution 2803 (2025), 2025-11); Israel (on Turkish troops in the ISF, 2025-11); "
        "Hamas (on the proposed political arrangements for Gaza, 2026-02)"
    )
    assert isf_vs_unifil["positions: concerned"][0] == (
        "Amnesty International Indonesia (on Indonesia's participation in the ISF, 2026-02-12)"
    )


def test_swapping_missions_swaps_columns() -> None:
    isf, unifil = datasets.load("isf"), datasets.load("unifil")
    forward = compare(isf, unifil)
    backward = compare(unifil, isf)
    assert [(r.aspect, r.right, r.left) for r in forward] == [(r.aspect, r.left, r.right) for r in backward]


# --- compare on small missions -----------------------------------------------------------------


def test_empty_missions_show_none_recorded() -> None:
    rows = compare(bare(), bare("b", "B"))
    assert [row.aspect for row in rows] == [
        "mission",
        "authorised by",
        "led by",
        "mandate tasks",
        "command: force commander",
        "command: deputy force commander",
    ]
    assert all(row.left == row.right == "none recorded" for row in rows[1:])


def test_same_date_claims_that_disagree_are_shown_as_their_hull() -> None:
    a = attrs.evolve(
        bare(),
        contributions=[
            Contribution(contributor="IDN", kind=K.TROOPS, status=S.PLEDGED, strength=Strength.exact(5000), as_of="2026-02-19"),
            Contribution(contributor="IDN", kind=K.TROOPS, status=S.PLEDGED, strength=Strength.at_most(8000), as_of="2026-02-19"),
        ],
    )
    left, _ = rows_by_aspect(a, bare("b", "B"))["contributors: pledged"]
    assert left == "Indonesia, troops: up to 8,000 (2026-02-19); total recorded: up to 8,000"


def test_undated_claims_and_mandates() -> None:
    a = attrs.evolve(
        bare(),
        mandates=[
            Mandate(authority=Authority(kind=AuthorityKind.NATIONAL), tasks=[Task.MINE_ACTION]),
        ],
        contributions=[Contribution(contributor="NPL", kind=K.ENGINEERS, status=S.DEPLOYED, strength=120)],
        appointments=[Appointment(post=Post.FORCE_COMMANDER, holder="NPL")],
        positions=[Position(actor="LBN", stance=Stance.SUPPORTS)],
    )
    rows = rows_by_aspect(a, bare("b", "B"))
    assert rows["authorised by"][0] == "national: instrument not recorded"
    assert rows["mandate tasks"][0] == "mine action (latest mandate)"
    assert rows["contributors: deployed"][0] == "Nepal, engineers: 120; total recorded: 120"
    assert rows["command: force commander"][0] == "Nepal"
    assert rows["positions: supports"][0] == "Lebanon"


def test_latest_mandate_is_chosen_by_date_not_by_order() -> None:
    old = Mandate(authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL, instrument="S/RES/1 (2000)"), start="2000")
    new = Mandate(authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL, instrument="S/RES/2 (2010)"), start="2010")
    rows = rows_by_aspect(attrs.evolve(bare(), mandates=[new, old]), bare("b", "B"))
    assert rows["authorised by"][0] == "un security council: S/RES/2 (2010) (earlier: S/RES/1 (2000))"
    assert rows["mandate tasks"][0] == "none listed (S/RES/2 (2010))"


def test_a_lead_given_as_a_country_code_is_named() -> None:
    rows = rows_by_aspect(attrs.evolve(bare(), lead="ITA"), bare("b", "B"))
    assert rows["led by"] == ("Italy", "none recorded")


# --- rendering ------------------------------------------------------------------------------------


ROWS = (
    ComparisonRow(aspect="led by", left="Board of Peace", right="UN Department of Peace Operations"),
    ComparisonRow(aspect="tasks", left="a | b", right="x"),
)


def test_render_text_wraps_columns() -> None:
    assert render_text(ROWS, ("Aspect", "ISF", "UNIFIL"), width=20) == (
        "Aspect  ISF                   UNIFIL\n"
        "------  --------------------  --------------------\n"
        "led by  Board of Peace        UN Department of\n"
        "                              Peace Operations\n"
        "\n"
        "tasks   a | b                 x\n"
    )


def test_render_text_default_titles_and_no_rows() -> None:
    assert render_text((), width=10) == "Aspect  Left        Right\n------  ----------  ----------\n"


def test_render_text_rejects_a_narrow_width() -> None:
    with pytest.raises(ValueError, match="width must be at least 10"):
        render_text(ROWS, width=9)


def test_render_markdown_escapes_pipes() -> None:
    assert render_markdown(ROWS, ("Aspect", "ISF", "UNIFIL")) == (
        "| Aspect | ISF | UNIFIL |\n"
        "| --- | --- | --- |\n"
        "| led by | Board of Peace | UN Department of Peace Operations |\n"
        "| tasks | a \\| b | x |\n"
    )


def test_render_markdown_of_the_datasets_has_one_line_per_row() -> None:
    rows = compare(datasets.load("isf"), datasets.load("unifil"))
    table = render_markdown(rows, ("Aspect", "ISF", "UNIFIL"))
    assert len(table.splitlines()) == len(rows) + 2
    assert all(line.startswith("| ") and line.endswith(" |") for line in table.splitlines())


# --- Comparison and HTML --------------------------------------------------------------------------


def test_compare_returns_a_comparison_that_is_still_a_tuple_of_rows() -> None:
    isf, unifil = datasets.load("isf"), datasets.load("unifil")
    rows = compare(isf, unifil)
    assert isinstance(rows, Comparison) and isinstance(rows, tuple)
    assert rows.titles == ("Aspect", "ISF", "UNIFIL")
    assert rows == tuple(rows) and hash(rows) == hash(tuple(rows))
    assert rows[0] == ComparisonRow(
        aspect="mission",
        left="International Stabilization Force: stabilization, authorized",
        right="United Nations Interim Force in Lebanon: peacekeeping, active",
    )
    assert type(rows[:2]) is tuple and len(rows[:2]) == 2
    assert repr(rows).startswith("(ComparisonRow(aspect='mission'")
    assert render_text(rows, rows.titles) == render_text(tuple(rows), ("Aspect", "ISF", "UNIFIL"))
    assert compare(isf, unifil, on="2026-02-20").titles == ("Aspect", "ISF", "UNIFIL")


def test_a_comparison_without_acronyms_is_titled_by_id() -> None:
    assert compare(bare("a"), bare("b")).titles == ("Aspect", "a", "b")


def test_a_comparison_survives_pickling_and_copying() -> None:
    import copy
    import pickle

    rows = compare(datasets.load("isf"), datasets.load("unifil"))
    for copied in (pickle.loads(pickle.dumps(rows)), copy.copy(rows), copy.deepcopy(rows)):
        assert type(copied) is Comparison and copied == rows and copied.titles == rows.titles


def test_a_comparison_is_shown_in_jupyter_as_its_html_table() -> None:
    rows = compare(datasets.load("isf"), datasets.load("unifil"))
    assert rows._repr_html_() == render_html(rows, ("Aspect", "ISF", "UNIFIL"))


def test_render_html_escapes_every_text_and_has_one_row_per_aspect() -> None:
    rows = [
        ComparisonRow(aspect="led <by>", left="Board & Co", right='"UN" <script>x</script>'),
        ComparisonRow(aspect="tasks", left="a", right="b"),
    ]
    table = render_html(rows, ("Aspect", "<ISF>", "UNIFIL"))
    cell = '<td style="text-align:left;vertical-align:top">'
    assert table == (
        '<table class="missionmodel-comparison">\n'
        '<thead><tr><th style="text-align:left;vertical-align:top">Aspect</th>'
        '<th style="text-align:left;vertical-align:top">&lt;ISF&gt;</th>'
        '<th style="text-align:left;vertical-align:top">UNIFIL</th></tr></thead>\n'
        "<tbody>\n"
        f'<tr><th style="text-align:left;vertical-align:top">led &lt;by&gt;</th>{cell}Board &amp; Co</td>'
        f"{cell}&quot;UN&quot; &lt;script&gt;x&lt;/script&gt;</td></tr>\n"
        f'<tr><th style="text-align:left;vertical-align:top">tasks</th>{cell}a</td>{cell}b</td></tr>\n'
        "</tbody>\n"
        "</table>\n"
    )


def test_render_html_puts_each_claim_of_a_long_cell_on_its_own_line() -> None:
    left = "Indonesia, troops: up to 8,000 (2026-02-19; disputed: also reported declined); Morocco, police: unknown (2026-02-19)"
    table = render_html([ComparisonRow(aspect="contributors: pledged", left=left, right="none recorded")])
    assert (
        ">Indonesia, troops: up to 8,000 (2026-02-19; disputed: also reported declined)<br>"
        "Morocco, police: unknown (2026-02-19)</td>"
    ) in table
    assert ">none recorded</td>" in table


def test_render_html_of_the_datasets_keeps_every_word() -> None:
    import html

    rows = compare(datasets.load("isf"), datasets.load("unifil"))
    table = rows._repr_html_()
    assert table.count("<tr>") == len(rows) + 1
    text = html.unescape(table.replace("<br>", "; "))
    for row in rows:
        assert row.left in text and row.right in text
