"""Events: a mission's dated timeline, each account with its own sources."""

from __future__ import annotations

import pytest
from hypothesis import given

import missionmodel as mm
from missionmodel import Event, EventKind, Place, testing


def problems(make) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with pytest.raises(mm.ValidationError) as caught:
        make()
    return [(error.path, error.message) for error in caught.value.errors]


def test_an_event() -> None:
    event = Event(date="2006-10-15", kind=EventKind.DEPLOYMENT, summary="The Maritime Task Force deploys.",
                  place=Place(name="Beirut", country="LBN"), actors=["DEU"], sources=["s"])  # fmt: skip
    assert str(event) == "2006-10-15: The Maritime Task Force deploys. (Beirut)"
    assert mm.to_dict(event) == {
        "date": "2006-10-15",
        "kind": "deployment",
        "summary": "The Maritime Task Force deploys.",
        "place": {"name": "Beirut", "country": "LBN"},
        "actors": ["DEU"],
        "sources": ["s"],
    }
    named = Event(date="2026-06-30", summary="Vehicles arrive.", place="Endurance", unconfirmed=True)
    assert named.place == "Endurance" and named.place.is_name_only
    assert mm.to_dict(named) == {"date": "2026-06-30", "summary": "Vehicles arrive.", "place": "Endurance", "unconfirmed": True}
    assert str(named) == "2026-06-30: Vehicles arrive. (Endurance) (unconfirmed)"


def test_the_rules_of_an_event() -> None:
    assert problems(lambda: mm.from_dict({"summary": "S"}, Event)) == [("date", "'date' is required")]
    assert problems(lambda: Event(id="e", date="2026-02-30", summary=" ", actors=["Indonesia"], disputes="e")) == [
        ("date", "'date' has day 30, out of range 1 to 28 for 2026-02"),
        ("summary", "'summary' must not be empty"),
        (
            "actors[0]",
            "'actors[0]' must be a lower-case slug such as 'board-of-peace' or an ISO 3166-1 alpha-3 code (got 'Indonesia');"
            " did you mean 'IDN'?",
        ),
        ("disputes", "'disputes' names the record's own id ('e')"),
    ]


@given(testing.events())
def test_generated_events_round_trip(event: Event) -> None:
    assert mm.from_dict(mm.to_dict(event), Event) == event
    text = mm.dumps(event)
    assert mm.loads(text, Event) == event and mm.dumps(mm.loads(text, Event)) == text
    yaml_text = mm.dumps(event, format="yaml")
    assert mm.loads(yaml_text, Event, format="yaml") == event
    assert mm.dumps(mm.loads(yaml_text, Event, format="yaml"), format="yaml") == yaml_text
    assert str(event).startswith(f"{event.date}: {event.summary}")


def test_two_accounts_of_one_event() -> None:
    first = Event(id="arrival", date="2026-06-30", summary="Vehicles arrive at Ashdod.", place="Ashdod", sources=["a"])
    other = Event(date="2026-06-30", summary="Vehicles arrive by sea.", place="Endurance", disputes="arrival", sources=["b"])
    mission = mm.Mission(
        id="m", name="M", kind=mm.MissionKind.STABILIZATION, status=mm.MissionStatus.DEPLOYING, events=[first, other],
        sources=[mm.Source(id="a", title="A"), mm.Source(id="b", title="B")],
    )  # fmt: skip
    assert mission.sources_of(mission.events[1]) == (mission.sources[1],)
    assert mission.as_of("2026-06").events == (first, other)
    assert mission.as_of("2026-05").events == ()


def test_the_actors_of_an_event_must_be_declared_or_states() -> None:
    with pytest.raises(mm.ValidationError) as raised:
        mm.Mission(id="m", name="M", kind=mm.MissionKind.NAVAL, status=mm.MissionStatus.ACTIVE,
                   events=[Event(date="2026", summary="S", actors=["IDN", "board"])])  # fmt: skip
    assert [(e.path, e.message) for e in raised.value.errors] == [
        (
            "events[0].actors[1]",
            "refers to actor 'board', which is not declared in 'actors' and is not an ISO 3166-1 alpha-3 code",
        )
    ]
