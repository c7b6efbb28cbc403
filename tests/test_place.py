"""Places, and a mission's headquarters as a place or plain text."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given

from missionmodel import Mission, MissionKind, MissionStatus, ValidationError, dumps, from_dict, load, loads, to_dict
from missionmodel.place import Place
from missionmodel.testing import places

DATASETS = Path(__file__).parent.parent / "src" / "missionmodel" / "datasets"


def messages(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(detail) for detail in error.value.errors]


def test_place_fields_and_checks() -> None:
    place = Place(name="Naqoura", country="LBN", latitude=33, longitude=35.1)
    assert place.latitude == 33.0 and isinstance(place.latitude, float)
    assert place.has_coordinates and not place.is_name_only
    assert str(place) == "Naqoura"
    with pytest.raises(ValidationError) as raised:
        Place(name="", country="Lebanon", latitude=91.0, longitude=-181)
    assert messages(raised) == [
        "name: 'name' must not be empty",
        "country: 'Lebanon' is not an ISO 3166-1 alpha-3 country code; did you mean 'LBN'?",
        "latitude: 'latitude' must be between -90 and 90 (got 91.0)",
        "longitude: 'longitude' must be between -180 and 180 (got -181.0)",
    ]
    with pytest.raises(ValidationError) as raised:
        Place(name="X", latitude=1.0)
    assert messages(raised) == ["longitude: 'longitude' must be given with 'latitude'"]
    with pytest.raises(ValidationError) as raised:
        Place(name="X", latitude=float("nan"), longitude=True)  # type: ignore[arg-type]
    assert messages(raised) == [
        "latitude: 'latitude' must be a finite number (got nan)",
        "longitude: 'longitude' must be a number (got True that is a bool)",
    ]


def test_name_only_place_equals_its_name() -> None:
    assert Place(name="Naqoura") == "Naqoura"
    assert Place(name="Naqoura") != "Tyre"
    assert Place(name="Naqoura", country="LBN") != "Naqoura"
    assert hash(Place(name="Naqoura")) == hash("Naqoura")
    assert Place(name="A", country="LBN") == Place(name="A", country="LBN")
    assert len({Place(name="A", latitude=1.0, longitude=2.0), Place(name="A", latitude=1.0, longitude=2.0)}) == 1


def test_coerce() -> None:
    assert Place.coerce("Juba") == Place(name="Juba")
    with pytest.raises(ValidationError, match="must not be empty"):
        Place.coerce("  ")
    with pytest.raises(ValidationError, match="must be a place name, a Place or a mapping of Place fields"):
        Place.coerce(3)


def test_headquarters_text_still_reads_and_writes_as_text() -> None:
    for path in sorted(DATASETS.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert dumps(load(path), "yaml") == text, path.name
    text = "id: unifil\nname: UNIFIL\nkind: peacekeeping\nstatus: active\nheadquarters: Naqoura\n"
    unifil = loads(text, format="yaml")
    assert unifil.headquarters == "Naqoura"
    assert unifil.headquarters == Place(name="Naqoura")
    assert to_dict(unifil)["headquarters"] == "Naqoura"
    assert dumps(unifil, "yaml") == text


def test_headquarters_with_coordinates_round_trips() -> None:
    mission = Mission(
        id="unifil",
        name="UNIFIL",
        kind=MissionKind.PEACEKEEPING,
        status=MissionStatus.ACTIVE,
        headquarters=Place(name="Naqoura", country="LBN", latitude=33.1181, longitude=35.1392),
        location="Lebanon",
    )
    data = to_dict(mission)
    assert data["headquarters"] == {"name": "Naqoura", "country": "LBN", "latitude": 33.1181, "longitude": 35.1392}
    assert data["location"] == "Lebanon"
    assert loads(dumps(mission)) == mission
    assert loads(dumps(mission, "yaml"), format="yaml") == mission


def test_headquarters_errors_from_a_document() -> None:
    base = {"id": "x", "name": "X", "kind": "naval", "status": "active"}
    with pytest.raises(ValidationError) as raised:
        from_dict({**base, "headquarters": {"name": "Y", "latitude": 100, "longitude": "east"}, "location": ""}, Mission)
    assert messages(raised) == [
        "headquarters.latitude: 'latitude' must be between -90 and 90 (got 100.0)",
        "headquarters.longitude: 'longitude' must be a number (got 'east' that is a str)",
        "location: 'location' must not be empty",
    ]
    with pytest.raises(ValidationError) as raised:
        from_dict({**base, "headquarters": 5}, Mission)
    assert messages(raised) == [
        "headquarters: 'headquarters' must be a place name, a Place or a mapping of Place fields (got 5 that is an int)"
    ]
    with pytest.raises(ValidationError) as raised:
        Mission(id="x", name="X", kind=MissionKind.NAVAL, status=MissionStatus.ACTIVE, headquarters="")
    assert messages(raised) == ["headquarters: 'headquarters' must not be empty"]


@given(places())
def test_generated_places_round_trip(place: Place) -> None:
    mission = Mission(id="m", name="M", kind=MissionKind.NAVAL, status=MissionStatus.ACTIVE, headquarters=place)
    assert loads(dumps(mission)) == mission
    assert loads(dumps(mission, "yaml"), format="yaml") == attrs.evolve(mission)
