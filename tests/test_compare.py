"""compare(), render_text() and render_markdown()."""

from __future__ import annotations

import warnings
from pathlib import Path

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
from missionmodel.exceptions import CoverageWarning
from missionmodel.serialisation import load

HISTORY = Path(__file__).parent / "fixtures" / "history.yaml"

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
    aspects = list(isf_vs_unifil)
    assert aspects[:6] == ["mission", "authorised by", "led by", "mandate chain", "ceiling in force", "mandate tasks"]
    groups = [aspect.split(":")[0] for aspect in aspects[6:]]
    order = ["contributors", "personnel", "command", "positions", "budget", "fatalities", "events", "data begin", "unconfirmed"]
    assert groups == sorted(groups, key=order.index)  # each group in its place
    statuses = [aspect.removeprefix("contributors: ") for aspect in aspects if aspect.startswith("contributors: ")]
    assert statuses == [s.value for s in ContributionStatus if s.value in statuses]  # in the order of the enum
    assert aspects[-5:] == ["budget: latest", "fatalities", "events", "data begin", "unconfirmed"]
    assert {"command: force commander", "command: deputy force commander", "personnel: actual"} <= set(aspects)


def test_personnel_figures(isf_vs_unifil: dict[str, tuple[str, str]]) -> None:
    from missionmodel import FigureKind
    from missionmodel.timeline import latest_first

    assert isf_vs_unifil["personnel: planned"][0] == "20,000 troops (planned)"
    unifil = datasets.load("unifil")
    actual = latest_first([f for f in unifil.personnel if f.kind is FigureKind.ACTUAL], lambda f: f.as_of)
    right = isf_vs_unifil["personnel: actual"][1]
    shown = right.split("; ")
    assert len(shown) == min(len(actual), 5) + (len(actual) > 5)
    assert shown[0] == str(actual[0]) + (" (unconfirmed)" if actual[0].unconfirmed else "")
    if len(actual) > 5:  # the earlier figures are counted, not listed
        assert shown[-1].startswith(f"{len(actual) - 5:,} earlier figures recorded, from ")
    assert isf_vs_unifil["personnel: actual"][0] == "none recorded"


def test_mission_authority_and_lead(isf_vs_unifil: dict[str, tuple[str, str]]) -> None:
    assert isf_vs_unifil["mission"] == (
        "International Stabilization Force: stabilization, authorized",
        "United Nations Interim Force in Lebanon: peacekeeping, active",
    )
    left, right = isf_vs_unifil["authorised by"]
    assert left == "UN Security Council: S/RES/2803 (2025), adopted 2025-11-17"
    assert right.startswith("UN Security Council: S/RES/2790 (2025), adopted 2025-08-28 (earlier: S/RES/")
    earlier = sum(1 for m in datasets.load("unifil").mandates if m.authority.instruments) - 1
    assert right.endswith(f" and {earlier - 3:,} more)")  # three earlier instruments named, the rest counted
    assert isf_vs_unifil["led by"] == ("Board of Peace", "UN Department of Peace Operations")


def test_mandate_tasks_are_those_in_force_along_the_chain(isf_vs_unifil: dict[str, tuple[str, str]]) -> None:
    left, right = isf_vs_unifil["mandate tasks"]
    assert left == "border security, civilian protection, humanitarian access, disarmament, police training (S/RES/2803 (2025))"
    unifil = datasets.load("unifil")
    in_force = unifil.tasks_on("2026-01-01")
    assert not unifil.mandate_on("2026-01-01").tasks  # resolution 2790 (2025) lists none of its own ...
    assert right.startswith(", ".join(task.value.replace("_", " ") for task in in_force))  # ... it carries them over
    assert "ceasefire monitoring" in right and "(in force under S/RES/2790 (2025); given by " in right
    assert "S/RES/1701 (2006)" in right and right.endswith("; carried over)")


def test_the_mandate_chain_and_the_ceiling_in_force(isf_vs_unifil: dict[str, tuple[str, str]]) -> None:
    unifil = datasets.load("unifil")
    chain = unifil.mandate_chain(unifil.mandate_on("2026-01-01"))
    left, right = isf_vs_unifil["mandate chain"]
    assert left == "S/RES/2803 (2025): not linked to an earlier mandate"
    assert right.startswith(f"{len(chain)} mandates since S/RES/425 (1978) and S/RES/426 (1978) (1978-03-19): ")
    assert f"{len(chain) - 1} renewals or adjustments, the last S/RES/2790 (2025) (2025-08-28 to 2026-12-31)" in right
    left, right = isf_vs_unifil["ceiling in force"]
    assert left == "none recorded (S/RES/2803 (2025))"  # resolution 2803 (2025) sets no ceiling
    ceiling = unifil.authorized_strength_on("2026-01-01")
    assert ceiling is not None and right.startswith(f"{ceiling} (set by {ceiling.set_by.authority}")
    # In 2010, the ceiling of resolution 1701 (2006), kept by the renewals that followed it
    rows = {row.aspect: row.right for row in compare(datasets.load("isf"), unifil, on="2010-01-01")}
    assert rows["ceiling in force"].startswith("up to 15,000 (set by S/RES/1701 (2006), adopted 2006-08-11; kept by ")
    assert str(unifil.authorized_strength_on("2010-01-01")) == "up to 15,000"
    assert rows["mandate tasks"].startswith(", ".join(t.value.replace("_", " ") for t in unifil.tasks_on("2010-01-01")))


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
    assert "Pakistan, troops: unknown (2025-11-29; unconfirmed)" in offered
    assert isf_vs_unifil["contributors: suspended"] == ("Indonesia, troops: unknown (2026-03-17)", "none recorded")
    assert isf_vs_unifil["contributors: approved"] == (
        "Kosovo, troops: unknown (2026-04-17); total recorded: unknown",
        "none recorded",
    )
    assert isf_vs_unifil["contributors: declined"] == (
        "Jordan, troops (2026-02); Azerbaijan, troops (2026-01-05; unconfirmed)",
        "none recorded",
    )
    _, right = isf_vs_unifil["contributors: deployed"]
    unifil = datasets.load("unifil")
    assert right.endswith(f"; total recorded: {unifil.total_strength(status=S.DEPLOYED)}")


def test_unconfirmed_claims_are_marked(isf_vs_unifil: dict[str, tuple[str, str]]) -> None:
    for mission, cell in ((datasets.load("isf"), 0), (datasets.load("unifil"), 1)):
        for claim in mission.latest_claims():
            text = isf_vs_unifil[f"contributors: {claim.status.value}"][cell]
            name = mission.actor(claim.contributor).name
            [shown] = [
                part
                for part in text.split("; total recorded")[0].split("); ")
                if part.startswith(f"{name}, {claim.kind.value.replace('_', ' ')}")
            ]
            assert ("unconfirmed" in shown) == all(record.unconfirmed for record in claim.records), shown


def test_compare_on_a_date_shows_the_claims_current_then() -> None:
    rows = {row.aspect: (row.left, row.right) for row in compare(datasets.load("isf"), datasets.load("unifil"), on="2026-02-18")}
    offered, _ = rows["contributors: offered"]
    assert "Indonesia, troops: 5,000 to 8,000 (2026-02-15; unconfirmed)" in offered
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
    assert isf_vs_unifil["command: force commander"][0] == "Jasper Jeffers (from 2026-01-16)"
    assert isf_vs_unifil["command: deputy force commander"][0] == "Indonesia (from 2026-02-19)"
    assert isf_vs_unifil["command: chair"] == ("Donald Trump", "none recorded")
    unifil = datasets.load("unifil")
    latest = max(a.start for a in unifil.appointments if a.start is not None and a.disputes is None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CoverageWarning)  # the dataset notes gaps in its appointments
        [commander] = unifil.holders_on("force_commander", latest)
    right = isf_vs_unifil["command: force commander"][1]
    assert right.startswith(f"{unifil.actor(commander.holder).name} (from {commander.start}")
    disputed = any(other.disputes == commander.id for other in unifil.appointments if commander.id is not None)
    assert ("disputed: another account differs" in right) == disputed
    assert isf_vs_unifil["command: head of mission"][0] == "none recorded"


def test_positions(isf_vs_unifil: dict[str, tuple[str, str]]) -> None:
    assert isf_vs_unifil["positions: neutral"] == (
        "China (on resolution 2803 (2025), 2025-11-17); Russian Federation (on resolution 2803 (2025), 2025-11-17)",
        "none recorded",
    )
    assert isf_vs_unifil["positions: opposes"][0].startswith(
        "Hamas (on resolution 2803 (2025), 2025-11); Israel (on Turkish troops in the ISF, 2025-11, unconfirmed); "
        "Hamas (on the proposed political arrangements for Gaza, 2026-02)"
    )
    assert isf_vs_unifil["positions: concerned"][0].startswith(
        "Amnesty International Indonesia (on Indonesia's participation in the ISF, 2026-02-12)"
    )


def test_budget_fatalities_events_and_coverage_of_the_datasets(isf_vs_unifil: dict[str, tuple[str, str]]) -> None:
    unifil = datasets.load("unifil")
    left, right = isf_vs_unifil["budget: latest"]
    assert left == "none recorded"
    latest = max(unifil.budgets, key=lambda b: b.start.earliest())
    assert f"for {latest.start} to {latest.end}" in right
    left, right = isf_vs_unifil["fatalities"]
    assert left == "none recorded"
    dated = [c for c in unifil.fatality_counts if c.as_of is not None]
    last = max(dated, key=lambda c: c.as_of.latest())
    assert right.startswith(f"{last.count:,} dead as of {last.as_of}")
    left, right = isf_vs_unifil["events"]
    for mission, cell in ((datasets.load("isf"), left), (unifil, right)):
        dates = sorted((e.date for e in mission.events), key=lambda d: d.earliest())
        assert cell.startswith(f"{len(mission.events)} events, {dates[0]} to {dates[-1]}")
    left, right = isf_vs_unifil["data begin"]
    assert right.startswith("mandates from 1978-03-19; ")
    assert left.startswith("mandates from 2025-11-17; ")


def test_compare_issues_no_coverage_warning() -> None:
    isf, unifil = datasets.load("isf"), datasets.load("unifil")
    with warnings.catch_warnings():
        warnings.simplefilter("error", CoverageWarning)
        for on in (None, "1950", "1990", "2010-01-01", "2026-07"):
            compare(isf, unifil, on=on)
            compare(load(HISTORY), unifil, on=on)


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
    old = Mandate(authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL, instruments=["S/RES/1 (2000)"]), start="2000")
    new = Mandate(authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL, instruments=["S/RES/2 (2010)"]), start="2010")
    rows = rows_by_aspect(attrs.evolve(bare(), mandates=[new, old]), bare("b", "B"))
    assert rows["authorised by"][0] == "un security council: S/RES/2 (2010) (earlier: S/RES/1 (2000))"
    assert rows["mandate tasks"][0] == "none listed (S/RES/2 (2010))"


def test_the_history_of_a_mission() -> None:
    history = load(HISTORY)  # constructed: a chain of four mandates, flags, alternative accounts
    rows = rows_by_aspect(history, bare("b", "B"))
    assert list(rows) == [
        "mission",
        "authorised by",
        "led by",
        "mandate chain",
        "ceiling in force",
        "mandate tasks",
        "contributors: deployed",
        "personnel: actual",
        "command: head of mission",
        "command: force commander",
        "command: deputy force commander",
        "command: component head",
        "positions: supports",
        "budget: latest",
        "fatalities",
        "events",
        "data begin",
        "unconfirmed",
    ]
    left = {aspect: cells[0] for aspect, cells in rows.items()}
    assert left["authorised by"] == (
        "UN Security Council: S/RES/5 (2025), adopted 2025-08-28 (unconfirmed) (earlier: S/RES/4 (2006), S/RES/3 (1978), "
        "S/RES/1 (1978) and S/RES/2 (1978))"
    )
    assert left["mandate chain"] == (
        "4 mandates since S/RES/1 (1978) and S/RES/2 (1978) (1978-03-19): 3 renewals or adjustments, "
        "the last S/RES/5 (2025) (2025-08-28 to 2026-12-31)"
    )
    assert left["ceiling in force"] == (
        "up to 15,000 (set by S/RES/4 (2006), adopted 2006-08-11; kept by 1 later mandate to S/RES/5 (2025))"
    )
    assert left["mandate tasks"] == (
        "ceasefire monitoring, support to host armed forces (in force under S/RES/5 (2025); "
        "given by S/RES/1 (1978) and S/RES/2 (1978); S/RES/4 (2006); carried over)"
    )
    assert left["contributors: deployed"] == (
        "Indonesia, troops: 1,231 (2024-09-02); Italy, troops: 1,068 (2024-09-02; unconfirmed); total recorded: 2,299"
    )
    assert left["personnel: actual"] == "about 9,900 personnel (actual, 2025-11-20) (unconfirmed)"
    assert left["command: head of mission"] == "Person C (from 2025-06-24, acting, unconfirmed)"
    assert left["command: component head"] == "Maritime Task Force: Germany (from 2006-10-15)"
    assert left["positions: supports"] == "France (2025-08-28, unconfirmed)"
    assert left["budget: latest"] == (
        "amount not reported approved for 2025-07-01 to 2026-06-30 (vote: 147 in favour, 3 against, 1 abstention; "
        "decided 2025-06-30) (disputed: another account differs); about USD 552,800,000 approved for 2025-07-01 to "
        "2026-06-30 (unconfirmed) (disputed: an alternative account); 1 earlier figure recorded, from 2010-07-01"
    )
    assert left["fatalities"] == (
        "335 dead as of 2024 (peacekeepers) (disputed: another account differs); "
        "334 dead as of 2024 (unconfirmed) (disputed: an alternative account)"
    )
    assert left["events"] == "4 events, 1978-03-22 to 2025-06-24 (1 unconfirmed, 1 alternative account)"
    assert left["data begin"] == (
        "mandates from 1978; contributions from 2024-09-02; personnel from 2025-11-20; appointments from 2000; "
        "positions from 2025-08-28; fatality counts from 2008-03-19; budgets from 2010-07-01; events from 1978-03-22; "
        "2 gaps noted"
    )
    assert left["unconfirmed"] == (
        "1 mandate, 1 contribution claim, 1 personnel figure, 1 appointment, 1 position, 1 fatality count, "
        "1 budget figure, 1 event, and 4 alternative accounts (disputed)"
    )
    assert rows["unconfirmed"][1] == "none" and rows["budget: latest"][1] == "none recorded"


def test_the_history_on_a_date() -> None:
    history = load(HISTORY)
    rows = {row.aspect: row.left for row in compare(history, bare("b", "B"), on="1980")}
    assert rows["ceiling in force"] == "up to about 7,000 (set by S/RES/3 (1978), adopted 1978-09-18)"  # "about"
    assert rows["mandate tasks"] == (
        "ceasefire monitoring, civilian protection (in force under S/RES/3 (1978); given by S/RES/1 (1978) and "
        "S/RES/2 (1978); carried over)"
    )
    assert rows["events"] == "2 events, 1978-03-22 to 1978-03-23 (1 unconfirmed, 1 alternative account)"
    assert "budget: latest" not in rows  # nothing known by then
    # In 2000 the mandate recorded last had ended, but a mandate recorded later continues its chain
    rows = {row.aspect: row.left for row in compare(history, bare("b", "B"), on="2000")}
    assert rows["mandate chain"].endswith(
        "(1978-09-19 to 1982-06-18); ended before 2000, but its chain goes on to S/RES/4 (2006) (2006-08-11): "
        "the renewals between are not recorded"
    )
    with pytest.warns(CoverageWarning, match="the renewals between are not recorded"):  # the query warns ...
        ceiling = history.authorized_strength_on("2000")
    assert rows["ceiling in force"] == f"{ceiling} (set by S/RES/3 (1978), adopted 1978-09-18)"  # ... compare says it
    assert rows["authorised by"].startswith("UN Security Council: S/RES/3 (1978)")  # as known then
    rows = {row.aspect: row.left for row in compare(history, bare("b", "B"), on="1970")}
    assert rows["authorised by"] == rows["mandate tasks"] == "none recorded"


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


def test_a_deployment_absent_from_a_later_count_is_marked() -> None:
    from missionmodel import datasets

    unifil = datasets.load("unifil")
    rows = {row.aspect: row for row in compare(unifil, unifil)}
    deployed = rows["contributors: deployed"].left
    # Senegal's battalion of 1982 is not in the count of 23 November 2024 (claims rule 6).
    assert "Senegal, troops: 561 (1982-06-03; not in the count of 2024-11-23: may have ended)" in deployed
    assert "Indonesia, troops: 1,230 (2024-11-23)" in deployed
    assert deployed.endswith(f"total recorded: {unifil.total_strength(status='deployed')}")
    assert str(unifil.total_strength(status="deployed")) == "at least 7,666"
