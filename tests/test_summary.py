"""Mission.summary() with the history: mandate chains, ceilings, budgets, counts, events, coverage, flags.

The summary of a mission without such records is tested in ``tests/test_mission.py``; here, the
constructed mission of ``tests/fixtures/history.yaml`` (one of each kind of history record) and
the shipped datasets.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from missionmodel import Mission, datasets, load
from missionmodel._summary import summarise
from missionmodel.exceptions import CoverageWarning

HISTORY = Path(__file__).parent / "fixtures" / "history.yaml"


@pytest.fixture(scope="module")
def history() -> Mission:
    return load(HISTORY)


def section(text: str, title: str) -> str:
    """The lines of the section whose heading starts with ``title``, the heading included."""
    blocks = text.split("\n\n")
    [found] = [block for block in blocks if block.startswith(title)]
    return found + "\n"


def test_the_mandate_in_force_with_its_chain(history: Mission) -> None:
    assert section(history.summary(), "Mandate") == (
        "Mandate (the latest recorded)\n"
        "  instrument    S/RES/5 (2025) (UN Security Council, adopted 2025-08-28, unconfirmed)\n"
        "  in force      from 2025-08-28 to 2026-12-31\n"
        "  chain         3 renewals or adjustments since S/RES/1 (1978) and S/RES/2 (1978) (1978-03-19)\n"
        "                  it follows S/RES/4 (2006) (from 2006-08-11 to 2007-08-31)\n"
        "  ceiling       up to 15,000 personnel, set by S/RES/4 (2006) and kept by 1 later mandate\n"
        "  tasks         ceasefire monitoring, support to host armed forces\n"
        "                  carried over along its chain; this mandate lists none of its own\n"
        "  restrictions  ceases operations on 31 December 2026\n"
    )
    on_2007 = section(history.summary(on="2007"), "Mandate")
    assert "  vote        unanimous\n" in on_2007
    assert "  ceiling     up to 15,000 personnel\n" in on_2007  # set by this link itself
    assert "carried over along its chain; this mandate adds support to host armed forces and drops civilian protection" in on_2007
    on_1980 = section(history.summary(on="1980"), "Mandate")
    assert "  ceiling     up to about 7,000 personnel\n" in on_1980  # an approximate ceiling says so


def test_a_date_after_the_mandate_ended_but_before_its_renewal_is_said(history: Mission) -> None:
    text = history.summary(on="2000")
    assert (
        "  in force    from 1978-09-19 to 1982-06-18\n"
        "                ended before 2000, but its chain goes on to S/RES/4 (2006) (2006-08-11): the renewals between are"
        " not recorded\n"
    ) in text


def test_command_marks_acting_unconfirmed_and_alternative_accounts(history: Mission) -> None:
    command = section(history.summary(), "Command")
    assert "  head of mission  Person C (from 2025-06-24, acting, unconfirmed)\n" in command
    assert "  component head   Maritime Task Force: Germany (from 2006-10-15)\n" in command
    assert section(history.summary(on="2023"), "Command") == (
        "Command on 2023\n"
        "  head of mission  vacant or not recorded\n"
        "  force commander  Person A (from 2022-02-28, disputed: another account differs)\n"
        "                     another account: Person A (2022-03 to 2025-06-24, disputed: an alternative account)\n"
        "  component head   Maritime Task Force: Germany (from 2006-10-15)\n"
    )


def test_unconfirmed_records_are_marked_where_listed(history: Mission) -> None:
    text = history.summary()
    assert "Italy, troops: 1,068 (2024-09-02; unconfirmed)" in text
    assert "  actual  about 9,900 personnel (actual, 2025-11-20) (unconfirmed)\n" in text
    assert "  supports  France (2025-08-28, unconfirmed)\n" in text


def test_budget_fatalities_events_and_coverage(history: Mission) -> None:
    text = history.summary()
    assert section(text, "Budget") == (
        "Budget (the latest period recorded: 2025-07-01 to 2026-06-30)\n"
        "  approved  amount not reported (decided 2025-06-30; vote: 147 in favour, 3 against, 1 abstention;"
        " disputed: another account differs)\n"
        "              about USD 552,800,000 (unconfirmed; disputed: an alternative account)\n"
        "  recorded  3 figures for 2 periods, from 2010-07-01\n"
    )
    assert section(text, "Fatalities") == (
        "Fatalities\n"
        "  latest count  335 dead as of 2024 (peacekeepers; disputed: another account differs)\n"
        "                  334 dead as of 2024 (unconfirmed; disputed: an alternative account)\n"
        "  counts        3 reported counts recorded\n"
    )
    assert section(text, "Events") == (
        "Events\n"
        "  1978-03-22  deployment: The first troops arrive. (Tyre, unconfirmed, disputed: an alternative account)\n"
        "  1978-03-23  deployment: The first troops arrive. (Naqoura, disputed: another account differs)\n"
        "  2006-10-15  deployment: The Maritime Task Force deploys.\n"
        "  2025-06-24  handover: Command changes hands. (Naqoura)\n"
    )
    assert section(text, "Coverage of the data") == (
        "Coverage of the data\n"
        "  mandates       known from 1978: Every mandate from the first.\n"
        "  appointments   known from 2000: Commanders from 2000.\n"
        "  budgets        missing 1998 to 2009: No amounts for 1998/99 to 2008/09.\n"
        "  events         unconfirmed: Some arrivals rest on one report.\n"
        "  whole dataset  missing from 2026-07: Nothing after June 2026.\n"
    )
    records = section(text, "Records")
    for line in ("  fatality counts       3\n", "  budget figures        3\n", "  events                4\n"):
        assert line in records
    assert "  unconfirmed           8\n" in records and "  alternative accounts  4\n" in records


def test_on_a_date_only_what_was_known_then(history: Mission) -> None:
    text = history.summary(on="1980")
    assert "Budget" not in text and "Fatalities" not in text  # nothing known by then
    assert section(text, "Events") == (
        "Events\n"
        "  1978-03-22  deployment: The first troops arrive. (Tyre, unconfirmed, disputed: an alternative account)\n"
        "  1978-03-23  deployment: The first troops arrive. (Naqoura, disputed: another account differs)\n"
    )
    assert "Coverage of the data\n" in text  # the notes are about the data, whatever the date


def test_coverage_is_said_in_notes_not_warned(history: Mission) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", CoverageWarning)
        text = history.summary(on="2000")
    notes = text.splitlines()[2:4]
    assert notes == [
        "Note: 2000 is before the data on contributions (2024-09-02), personnel (2025-11-20), positions (2025-08-28),"
        " fatality counts (2008-03-19), budgets (2010-07-01) begin: what is not shown then was not recorded, not known to"
        " be absent.",
        "Note: 2000 falls in a gap of the data: No amounts for 1998/99 to 2008/09.",
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error", CoverageWarning)
        later = history.summary(on="2026-08")
    assert "Note: 2026-08 falls in a gap of the data: Nothing after June 2026." in later
    # Before every record, the one note that says so, not a note per topic
    early = history.summary(on="1970").splitlines()
    assert [line for line in early if line.startswith("Note:")] == [
        "Note: 1970 is before this mission's records begin (1978-03-19, when it was established):"
        " little or nothing was known then."
    ]


def test_the_datasets_summarise_without_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", CoverageWarning)
        for name in datasets.names():
            mission = datasets.load(name)
            for on in (None, "1950", "1979", "1990", "2006-08-12", "2020", "2026-07"):
                summary = summarise(mission, on)
                assert summary.sections


def test_the_unifil_summary_carries_its_history() -> None:
    unifil = datasets.load("unifil")
    text = unifil.summary()
    latest = unifil.mandate_chain(unifil.mandate_on("2026-01-01"))
    assert f"  chain         {len(latest) - 1} renewals or adjustments since S/RES/425 (1978) and S/RES/426 (1978)" in text
    on_2010 = unifil.summary(on="2010-01-01")
    assert "  ceiling     up to 15,000 personnel, set by S/RES/1701 (2006) and kept by " in on_2010
    tasks = ", ".join(task.value.replace("_", " ") for task in unifil.tasks_on("2010-01-01"))
    assert f"  tasks       {tasks}\n" in on_2010
    if unifil.budgets:
        assert "Budget (the latest period recorded: " in text
    if unifil.coverage:
        assert "Coverage of the data\n" in text
    if unifil.events:
        assert f"of {len(unifil.events)}, from " in section(text, "Events")
