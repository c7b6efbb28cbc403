"""Fatalities, and a mission's fatalities."""

from __future__ import annotations

import pytest
from hypothesis import given

from missionmodel import (
    Mission,
    MissionKind,
    MissionStatus,
    PartialDate,
    Source,
    ValidationError,
    dumps,
    from_dict,
    loads,
    to_dict,
)
from missionmodel.fatality import Fatality, FatalityCount, Gender
from missionmodel.testing import fatalities, fatality_counts


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


# --- reported counts ----------------------------------------------------------------------------


def test_a_fatality_count() -> None:
    count = FatalityCount(id="sg-2008", count=270, as_of="2008-03-19", note="peacekeepers since 1978", sources=["hub"])
    assert str(count) == "270 dead as of 2008-03-19"
    assert str(FatalityCount(count=1270, unconfirmed=True)) == "1,270 dead (date not reported) (unconfirmed)"
    assert to_dict(count) == {"count": 270, "id": "sg-2008", "as_of": "2008-03-19", "note": "peacekeepers since 1978",
                              "sources": ["hub"]}  # fmt: skip
    with pytest.raises(ValidationError) as raised:
        FatalityCount(id="c", count=-1, since="2009", as_of="2008", disputes="c")
    assert messages(raised) == [
        "count: 'count' must not be negative (got -1)",
        "as_of: 'as_of' (2008) is before 'since' (2009)",
        "disputes: 'disputes' names the record's own id ('c')",
    ]


def test_counts_that_conflict_are_kept_side_by_side_and_as_of_leaves_out_an_account_of_a_later_one() -> None:
    first = FatalityCount(id="later", count=300, as_of="2010")
    second = FatalityCount(count=310, as_of="2009", disputes="later")
    m = Mission(id="m", name="M", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE, fatality_counts=[first, second])
    assert m.fatality_counts == (first, second)
    assert m.as_of("2010-06").fatality_counts == (first, second)
    assert m.as_of("2009-06").fatality_counts == ()  # an account of a count not yet known is not known either
    with pytest.raises(ValidationError) as raised:
        Mission(id="m", name="M", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE, fatality_counts=[second])
    assert messages(raised) == [
        "fatality_counts[0].disputes: names fatality count 'later', which no fatality count has as its 'id'"
    ]


@given(fatality_counts())
def test_generated_fatality_counts_round_trip(count: FatalityCount) -> None:
    assert from_dict(to_dict(count), FatalityCount) == count
    text = dumps(count, "yaml")
    assert loads(text, FatalityCount, format="yaml") == count
    assert dumps(loads(text, FatalityCount, format="yaml"), "yaml") == text
