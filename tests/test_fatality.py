"""Fatalities, and a mission's fatalities."""

from __future__ import annotations

import pytest
from hypothesis import given

from missionmodel import Mission, MissionKind, MissionStatus, PartialDate, Source, ValidationError, dumps, from_dict, loads
from missionmodel.fatality import Fatality, Gender
from missionmodel.testing import fatalities


def messages(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(detail) for detail in error.value.errors]


def test_fatality() -> None:
    f = Fatality(date="2024-10-13", nationality="IDN", gender=Gender.MALE, personnel_type="Military", sources=["hub"])
    assert f.date == PartialDate(year=2024, month=10, day=13)
    assert f.sources == ("hub",)
    with pytest.raises(ValidationError) as raised:
        Fatality(date="13/10/2024", nationality="Indonesia", gender="male", incident_type="")  # type: ignore[arg-type]
    assert messages(raised) == [
        "date: 'date' must be a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (got '13/10/2024')",
        "nationality: 'Indonesia' is not an ISO 3166-1 alpha-3 country code; did you mean 'IDN'?",
        "gender: 'gender' must be Gender('male'), not the plain str 'male'",
        "incident_type: 'incident_type' must not be empty",
    ]


def mission(*records: Fatality, sources: tuple[Source, ...] = ()) -> Mission:
    return Mission(
        id="unifil",
        name="UNIFIL",
        kind=MissionKind.PEACEKEEPING,
        status=MissionStatus.ACTIVE,
        fatalities=records,
        sources=sources,
    )


def test_mission_fatalities_round_trip_and_cite_declared_sources() -> None:
    hub = Source(id="hub", title="UN Data Hub")
    m = mission(Fatality(date="2024-10-13", nationality="IDN", gender=Gender.FEMALE, sources=["hub"]), sources=(hub,))
    text = dumps(m, "yaml")
    assert "fatalities:\n- date: '2024-10-13'\n  nationality: IDN\n  gender: female\n  sources:\n  - hub\n" in text
    assert loads(text, format="yaml") == m
    with pytest.raises(ValidationError) as raised:
        mission(Fatality(date="2024", sources=["nowhere"]))
    assert messages(raised) == ["fatalities[0].sources[0]: cites source 'nowhere', which is not declared in 'sources'"]
    with pytest.raises(ValidationError) as raised:
        from_dict(
            {"id": "m", "name": "M", "kind": "naval", "status": "active", "fatalities": [{"date": "2024", "gender": "x"}]},
            Mission,
        )
    assert messages(raised) == [
        "fatalities[0].gender: 'gender' must be one of 'female', 'male' (got 'x' that is a str)",
    ]


def test_as_of_leaves_out_later_fatalities() -> None:
    m = mission(Fatality(date="2006-07-25"), Fatality(date="2024-10-13"))
    assert m.as_of("2010").fatalities == (Fatality(date="2006-07-25"),)


def test_missions_without_fatalities_omit_the_key() -> None:
    assert "fatalities" not in dumps(mission())


@given(fatalities())
def test_generated_fatalities_round_trip(fatality: Fatality) -> None:
    assert loads(dumps(fatality), Fatality) == fatality
