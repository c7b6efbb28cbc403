"""Mandates in detail: what an instrument does (`MandateAction`), each task with its modality and paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given

import missionmodel as mm
from missionmodel import testing
from missionmodel.mandate import (
    Authority,
    AuthorityKind,
    Ceiling,
    Mandate,
    MandateAction,
    MandatedTask,
    Task,
    TaskModality,
)
from missionmodel.strength import Strength

UNSC = Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL, instruments=["S/RES/1990 (2011)"], adopted="2011-06-27")


def problems(make) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with pytest.raises(mm.ValidationError) as caught:
        make()
    return [(error.path, error.message) for error in caught.value.errors]


def test_a_task_in_detail() -> None:
    detail = MandatedTask(task=Task.HUMAN_RIGHTS_MONITORING, modality=TaskModality.ASSIST, paragraphs=["4 g", "4 h"],
                          source_task="ChildRights")  # fmt: skip
    assert detail.paragraphs == ("4 g", "4 h") and detail.requested
    assert str(detail) == "human rights monitoring (as ChildRights; assist; paragraphs 4 g, 4 h)"
    assert str(MandatedTask(task=Task.GENDER)) == "gender"
    carried = MandatedTask(task=Task.DISARMAMENT, modality=TaskModality.ENCOURAGED, carried_from="S/RES/1479")
    assert str(carried) == "disarmament (encouraged; carried over from S/RES/1479)" and not carried.requested
    assert problems(lambda: MandatedTask(task=Task.GENDER, paragraphs=["3", " "], modality="assist")) == [
        ("modality", "'modality' must be TaskModality('assist'), not the plain str 'assist'"),
        ("paragraphs[1]", "'paragraphs[1]' must not be empty"),
    ]


def test_an_empty_new_field_is_not_in_the_canonical_form() -> None:
    plain = Mandate(authority=UNSC, tasks=[Task.CIVILIAN_PROTECTION])
    assert mm.to_dict(plain) == {
        "authority": {"kind": "un_security_council", "instruments": ["S/RES/1990 (2011)"], "adopted": "2011-06-27"},
        "tasks": ["civilian_protection"],
    }
    detailed = Mandate(
        authority=UNSC,
        actions=[MandateAction.RENEWS, MandateAction.ADJUSTS],
        tasks=[Task.CIVILIAN_PROTECTION],
        mandated_tasks=[
            MandatedTask(task=Task.CIVILIAN_PROTECTION, modality=TaskModality.SECURITY, paragraphs=["3d"]),
            MandatedTask(task=Task.GENDER, modality=TaskModality.ENCOURAGED),
        ],
        references=["S/2011/384"],
    )
    assert mm.to_dict(detailed) == {
        "authority": {"kind": "un_security_council", "instruments": ["S/RES/1990 (2011)"], "adopted": "2011-06-27"},
        "actions": ["renews", "adjusts"],
        "tasks": ["civilian_protection"],
        "mandated_tasks": [
            {"task": "civilian_protection", "modality": "security", "paragraphs": ["3d"]},
            {"task": "gender", "modality": "encouraged"},
        ],
        "references": ["S/2011/384"],
    }
    assert mm.from_dict(mm.to_dict(detailed), Mandate) == detailed
    assert mm.loads(mm.dumps(detailed, format="yaml"), Mandate, format="yaml") == detailed


def test_the_rules_across_fields() -> None:
    assert problems(
        lambda: Mandate(
            authority=UNSC,
            actions=[MandateAction.RENEWS, MandateAction.RENEWS],
            tasks=[Task.GENDER],
            mandated_tasks=[
                MandatedTask(task=Task.CIVILIAN_PROTECTION, modality=TaskModality.SECURITY),
                MandatedTask(task=Task.GENDER),
                MandatedTask(task=Task.GENDER),
                MandatedTask(task=Task.GENDER, source_task="Gender"),
                MandatedTask(task=Task.MINE_ACTION, modality=TaskModality.ENCOURAGED),
            ],
        )
    ) == [
        ("actions", "'actions' lists an action more than once"),
        ("mandated_tasks[0]", "the task 'civilian_protection' is given here but not listed in 'tasks'"),
        ("mandated_tasks[2]", "repeats mandated_tasks[1] (the same task, source task, modality and instrument)"),
    ]


def test_the_same_messages_built_and_loaded() -> None:
    document = {
        "authority": {"kind": "un_security_council"},
        "actions": ["renews", "renews"],
        "mandated_tasks": [{"task": "gender", "modality": "monitor", "paragraphs": ["1"]}],
    }
    loaded = problems(lambda: mm.from_dict(document, Mandate))
    built = problems(
        lambda: Mandate(
            authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL),
            actions=[MandateAction.RENEWS, MandateAction.RENEWS],
            mandated_tasks=[MandatedTask(task=Task.GENDER, modality=TaskModality.MONITOR, paragraphs=["1"])],
        )
    )
    assert (
        loaded
        == built
        == [
            ("actions", "'actions' lists an action more than once"),
            ("mandated_tasks[0]", "the task 'gender' is given here but not listed in 'tasks'"),
        ]
    )
    assert problems(lambda: mm.from_dict({**document, "actions": ["extends"]}, Mandate))[0] == (
        "actions[0]",
        "'actions[0]' must be one of 'establishes', 'renews', 'adjusts', 'revises' (got 'extends' that is a str)",
    )


def test_a_task_that_is_not_one_is_refused_with_a_message_of_bounded_length() -> None:
    (error,) = problems(lambda: mm.from_dict({"authority": {"kind": "national"}, "tasks": ["x" * 300]}, Mandate))
    assert error[0] == "tasks[0]" and len(error[1]) < 700


@given(testing.mandates())
def test_generated_mandates_round_trip(mandate: Mandate) -> None:
    assert mm.loads(mm.dumps(mandate), Mandate) == mandate
    assert set(mandate.tasks) >= {detail.task for detail in mandate.mandated_tasks if detail.requested}


@given(testing.mandated_tasks())
def test_generated_task_details_round_trip(detail: MandatedTask) -> None:
    assert mm.from_dict(mm.to_dict(detail), MandatedTask) == detail
    assert str(detail).startswith(detail.task.value.replace("_", " "))


# --- issue 11: several instruments, chains, approximate ceilings -------------------------------


def test_an_authority_with_several_instruments() -> None:
    both = Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL, instruments=["S/RES/425 (1978)", "S/RES/426 (1978)"],
                     adopted="1978-03-19")  # fmt: skip
    assert both.instrument == "S/RES/425 (1978)"
    assert str(both) == "S/RES/425 (1978) and S/RES/426 (1978)"
    assert str(Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL, instruments=["A", "B", "C"])) == "A, B and C"
    assert str(UNSC) == "S/RES/1990 (2011)"
    none = Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL)
    assert none.instrument is None and str(none) == "un security council (instrument not reported)"
    assert str(Authority(kind=AuthorityKind.NATIONAL, body="Italy")) == "Italy (instrument not reported)"
    with pytest.raises(AttributeError):
        none.instrument = "S/RES/1 (1946)"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Authority(kind=AuthorityKind.NATIONAL, instrument="X")  # type: ignore[call-arg]
    assert problems(lambda: Authority(kind=AuthorityKind.NATIONAL, instruments=["A", "B", "A", "A"])) == [
        ("instruments[2]", "lists 'A' twice"),
        ("instruments[3]", "lists 'A' twice"),
    ]


@pytest.mark.parametrize(
    ("old", "instruments"),
    [({"instrument": "S/RES/425 (1978)"}, ["S/RES/425 (1978)"]), ({"instrument": None}, []), ({}, [])],
)
def test_the_old_single_instrument_reads_as_instruments(old: dict[str, object], instruments: list[str]) -> None:
    document = {"kind": "un_security_council", **old, "adopted": "1978-03-19"}
    new = {"kind": "un_security_council", "instruments": instruments, "adopted": "1978-03-19"}
    assert mm.from_dict(document, Authority) == mm.from_dict(new, Authority)
    written = ["kind", "instruments", "adopted"] if instruments else ["kind", "adopted"]
    assert list(mm.to_dict(mm.from_dict(document, Authority))) == written


def test_the_old_form_with_a_bad_value_is_reported_at_instruments() -> None:
    found = problems(lambda: mm.from_dict({"kind": "national", "instrument": 5}, Authority))
    assert [path for path, _ in found] == ["instruments[0]"]
    assert problems(lambda: mm.from_dict({"kind": "national", "instrument": "A", "instruments": ["A"]}, Authority)) == [
        ("instrument", "unknown key 'instrument'; did you mean 'instruments'?")
    ]


def test_a_renewal_in_a_chain() -> None:
    renewal = Mandate(id="res-2790", authority=UNSC, actions=[MandateAction.RENEWS], follows="res-1701",
                      drops=[Task.GENDER], start="2025-08-28", end="2026-12-31", unconfirmed=True,
                      note="The end read from 'until the end of next year'.")  # fmt: skip
    assert mm.to_dict(renewal) == {
        "authority": {"kind": "un_security_council", "instruments": ["S/RES/1990 (2011)"], "adopted": "2011-06-27"},
        "id": "res-2790",
        "actions": ["renews"],
        "follows": "res-1701",
        "drops": ["gender"],
        "start": "2025-08-28",
        "end": "2026-12-31",
        "unconfirmed": True,
        "note": "The end read from 'until the end of next year'.",
    }
    assert problems(lambda: Mandate(id="a", authority=UNSC, follows="a", approximate=True)) == [
        ("follows", "'follows' names the record's own id ('a')"),
        ("approximate", "'approximate' is true but the mandate sets no 'authorized_strength'"),
    ]
    assert problems(lambda: Mandate(id="Res 1", authority=UNSC, drops=["gender"])) == [
        ("id", "'id' must be a lower-case slug of letters, digits and hyphens, such as 'unifil' (got 'Res 1')"),
        ("drops[0]", "'drops[0]' must be Task('gender'), not the plain str 'gender'"),
    ]


def test_a_ceiling_says_whether_it_is_approximate_and_who_set_it() -> None:
    about = Mandate(authority=UNSC, authorized_strength=Strength.at_most(7000), approximate=True)
    assert str(Ceiling(strength=about.authorized_strength, approximate=True, set_by=about)) == "up to about 7,000"
    assert str(Ceiling(strength=Strength.at_least(500), approximate=True, set_by=about)) == "at least about 500"
    assert str(Ceiling(strength=Strength.exact(7000), approximate=True, set_by=about)) == "about 7,000"
    assert str(Ceiling(strength=Strength.exact(7000), set_by=about)) == "7,000"


def test_an_approximate_ceiling_can_be_written_as_about() -> None:
    mandate = mm.from_dict({"authority": {"kind": "un_security_council"}, "authorized_strength": "about 7,000"}, Mandate)
    assert mandate.authorized_strength == Strength.exact(7000) and mandate.approximate


@given(testing.mandates(mandate_id="res-2", follows=["res-1"]))
def test_generated_mandates_with_links_round_trip_and_keep_their_markers(mandate: Mandate) -> None:
    again = mm.loads(mm.dumps(mandate, format="yaml"), Mandate, format="yaml")
    assert again == mandate
    assert (again.approximate, again.unconfirmed, again.follows, again.drops) == (
        mandate.approximate, mandate.unconfirmed, mandate.follows, mandate.drops,
    )  # fmt: skip
    assert not (mandate.approximate and mandate.authorized_strength is None)
    assert not set(mandate.drops) & set(mandate.tasks)


@given(testing.authorities())
def test_generated_authorities_round_trip(authority: Authority) -> None:
    assert mm.from_dict(mm.to_dict(authority), Authority) == authority
    assert len(set(authority.instruments)) == len(authority.instruments)
