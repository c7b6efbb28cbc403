"""Mandates in detail: what an instrument does (`MandateAction`), each task with its modality and paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given

import missionmodel as mm
from missionmodel import testing
from missionmodel.mandate import Authority, AuthorityKind, Mandate, MandateAction, MandatedTask, Task, TaskModality

UNSC = Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL, instrument="S/RES/1990 (2011)", adopted="2011-06-27")


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
        "authority": {"kind": "un_security_council", "instrument": "S/RES/1990 (2011)", "adopted": "2011-06-27"},
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
        "authority": {"kind": "un_security_council", "instrument": "S/RES/1990 (2011)", "adopted": "2011-06-27"},
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
