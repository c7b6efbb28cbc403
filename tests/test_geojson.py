"""GeoJSON out: missions' headquarters, locations and sites, checked against the rules of RFC 7946."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from missionmodel import Mission, MissionKind, MissionStatus, Place, Site, SiteContingent, Source, Strength, load
from missionmodel import testing as strategies
from missionmodel.geojson import PROPERTIES, feature_collection, unlocated_places, write_geojson
from missionmodel.importers import assemble, geopko
from missionmodel.tables import event_rows, site_rows

FIXTURES = Path(__file__).parent / "fixtures"


def rfc7946_problems(document: Any) -> list[str]:
    """The rules of RFC 7946 that a FeatureCollection of Point features breaks, as messages."""
    problems: list[str] = []
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        return ["the top level is not a FeatureCollection object (3.3)"]
    if not isinstance(document.get("features"), list):
        problems.append("a FeatureCollection has a 'features' array (3.3)")
        return problems

    def no_crs(value: Any, where: str) -> None:  # 4: the crs member of 2008 GeoJSON is gone
        if isinstance(value, dict):
            if "crs" in value:
                problems.append(f"{where}: has a 'crs' member (4)")
            for key, item in value.items():
                if key != "properties":
                    no_crs(item, f"{where}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                no_crs(item, f"{where}[{index}]")

    no_crs(document, "$")
    for index, feature in enumerate(document["features"]):
        where = f"features[{index}]"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(f"{where}: not a Feature object (3.2)")
            continue
        if "geometry" not in feature:
            problems.append(f"{where}: a Feature has a 'geometry' member, an object or null (3.2)")
        if "properties" not in feature or not (feature["properties"] is None or isinstance(feature["properties"], dict)):
            problems.append(f"{where}: a Feature has a 'properties' member, an object or null (3.2)")
        if "id" in feature and not isinstance(feature["id"], (str, int, float)):
            problems.append(f"{where}: an 'id' is a string or a number (3.2)")
        geometry = feature.get("geometry")
        if geometry is None:
            continue
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            problems.append(f"{where}: the geometry is not a Point (3.1.2)")
            continue
        position = geometry.get("coordinates")
        if not isinstance(position, list) or len(position) not in (2, 3):
            problems.append(f"{where}: a position is an array of two or three numbers (3.1.1)")
            continue
        if not all(isinstance(n, (int, float)) and not isinstance(n, bool) and math.isfinite(n) for n in position):
            problems.append(f"{where}: a position holds finite numbers (3.1.1)")
            continue
        longitude, latitude = position[0], position[1]
        if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
            problems.append(f"{where}: [longitude, latitude] out of range (3.1.1, 4): {position}")
    return problems


@pytest.fixture(scope="module")
def site_missions():  # type: ignore[no-untyped-def]
    return assemble(
        records=geopko.read_sites(FIXTURES / "geopko_excerpt.csv"), kind=MissionKind.PEACEKEEPING, status=MissionStatus.CLOSED
    ).missions


def mission(**fields: Any) -> Mission:
    return Mission(
        id="monuc", name="MONUC", acronym="MONUC", kind=MissionKind.PEACEKEEPING, status=MissionStatus.CLOSED, **fields
    )


def test_the_checker_catches_what_rfc_7946_forbids() -> None:
    good = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [35.1, 33.1]}, "properties": {}}
    assert rfc7946_problems({"type": "FeatureCollection", "features": [good]}) == []
    assert rfc7946_problems({"type": "FeatureCollection", "features": [{**good, "crs": {}}]})
    assert rfc7946_problems(
        {"type": "FeatureCollection", "features": [{**good, "geometry": {"type": "Point", "coordinates": [35.1, 133.1]}}]}
    )
    assert rfc7946_problems({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": None}]})
    assert rfc7946_problems({"type": "Feature"})


def test_longitude_comes_first() -> None:
    kinshasa = Place(name="Kinshasa", country="COD", latitude=-4.325, longitude=15.322)
    collection = feature_collection(mission(headquarters=kinshasa, location=Place(name="Congo", latitude=-2.9, longitude=23.6)))
    assert rfc7946_problems(collection) == []
    assert [f["geometry"]["coordinates"] for f in collection["features"]] == [[15.322, -4.325], [23.6, -2.9]]
    headquarters, location = (f["properties"] for f in collection["features"])
    assert (headquarters["point"], headquarters["name"], headquarters["country_name"], headquarters["headquarters"]) == (
        "headquarters",
        "Kinshasa",
        "Congo, The Democratic Republic of the",
        "mission",
    )
    assert (location["point"], location["headquarters"], location["country"]) == ("location", None, None)
    assert [f["id"] for f in collection["features"]] == ["monuc/headquarters", "monuc/location"]


def test_sites_from_geopko(site_missions) -> None:  # type: ignore[no-untyped-def]
    collection = feature_collection(site_missions)
    assert rfc7946_problems(collection) == []
    features = collection["features"]
    rows = site_rows(site_missions)
    located = [row for row in rows if row["latitude"] is not None]
    assert len(features) == len(located) == 53  # the 'unclear' site has no coordinates
    assert unlocated_places(site_missions) == [
        f"{row['mission']}/sites/{row['site_index']}" for row in rows if row["latitude"] is None
    ]
    for feature, row in zip(features, located, strict=True):
        properties = feature["properties"]
        assert tuple(properties) == PROPERTIES
        assert feature["geometry"]["coordinates"] == [row["longitude"], row["latitude"]]
        assert properties["point"] == "site" and properties["name"] == row["place"] and properties["date"] == row["as_of"]
        for key in ("troops_min", "troops_max", "troops_text", "contributors", "contingents", "headquarters", "source_titles"):
            assert properties[key] == row[key], key
    everything = feature_collection(site_missions, unlocated=True)
    assert rfc7946_problems(everything) == []
    [unclear] = [f for f in everything["features"] if f["geometry"] is None]
    assert unclear["properties"]["name"] == "unclear"
    assert len({f["id"] for f in everything["features"]}) == len(rows)


def test_unknown_troops_stay_unknown() -> None:
    site = Site(
        place=Place(name="Dungu", latitude=3.62, longitude=28.57), as_of="2009", contingents=[SiteContingent(contributor="URY")]
    )
    [feature] = feature_collection(mission(sites=[site]))["features"]
    properties = feature["properties"]
    assert (properties["troops_min"], properties["troops_max"], properties["troops_text"], properties["troops_is_exact"]) == (
        0,
        None,
        "unknown",
        False,
    )
    assert properties["contingents"] == "URY unknown" and properties["contributor_names"] == "Uruguay"


def test_write_geojson(tmp_path: Path) -> None:
    abidjan = Place(name="Abidjan", country="CIV", latitude=5.336, longitude=-4.027)
    sources = [Source(id="un-map", title="Carte n° 4220; déploiement")]
    target = tmp_path / "unoci.geojson"
    write_geojson(
        mission(
            headquarters=abidjan,
            profile_sources=["un-map"],
            sources=sources,
            sites=[Site(place=abidjan, as_of="2005-06", troops=Strength.exact(900), sources=["un-map"])],
        ),
        target,
    )
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # RFC 8259: no byte order mark
    text = raw.decode("utf-8")
    assert "Côte d'Ivoire" in text and "n° 4220" in text  # UTF-8, not escaped
    document = json.loads(text)
    assert rfc7946_problems(document) == []
    assert [f["properties"]["source_titles"] for f in document["features"]] == ["Carte n° 4220; déploiement"] * 2
    assert [p.name for p in tmp_path.iterdir()] == ["unoci.geojson"]
    empty = tmp_path / "empty.geojson"
    write_geojson([], empty)
    assert json.loads(empty.read_text(encoding="utf-8")) == {"type": "FeatureCollection", "features": []}


def test_events_with_a_place_are_features() -> None:
    history = load(FIXTURES / "history.yaml")  # constructed: events with and without coordinates, and without a place
    collection = feature_collection(history)
    assert rfc7946_problems(collection) == []
    events = [f for f in collection["features"] if f["properties"]["point"] == "event"]
    assert [f["id"] for f in events] == ["example-force/events/0", "example-force/events/3"]
    arrival = events[0]
    assert arrival["geometry"] == {"type": "Point", "coordinates": [35.139, 33.118]}  # longitude first
    properties = arrival["properties"]
    assert tuple(properties) == PROPERTIES
    row = event_rows(history)[0]
    assert (properties["name"], properties["country_name"], properties["date"]) == ("Naqoura", "Lebanon", "1978-03-23")
    assert (properties["event_index"], properties["event_id"], properties["event_kind"]) == (0, "arrival", "deployment")
    for key in ("summary", "actors", "actor_names", "unconfirmed", "disputes", "sources", "source_titles"):
        assert properties[key] == row[key], key
    assert properties["troops_text"] is None and properties["site_index"] is None
    assert events[1]["properties"]["note"] == "Date read from 'on Tuesday'."
    # The alternative account of the arrival names a place without coordinates: unlocated, not dropped
    assert unlocated_places(history) == ["example-force/events/1"]
    [tyre] = [f for f in feature_collection(history, unlocated=True)["features"] if f["geometry"] is None]
    assert (tyre["properties"]["name"], tyre["properties"]["disputes"], tyre["properties"]["unconfirmed"]) == (
        "Tyre",
        "arrival",
        True,
    )
    # an event without a place is no feature at all
    assert all(
        f["properties"]["summary"] != "The Maritime Task Force deploys."
        for f in feature_collection(history, unlocated=True)["features"]
    )
    # other features have no event properties
    [headquarters] = [f for f in collection["features"] if f["properties"]["point"] == "headquarters"]
    assert all(headquarters["properties"][key] is None for key in ("event_index", "event_kind", "summary", "unconfirmed"))


def test_the_shipped_datasets_give_valid_geojson() -> None:
    from missionmodel import datasets

    for name in datasets.names():
        mission = datasets.load(name)
        collection = feature_collection(mission, unlocated=True)
        assert rfc7946_problems(collection) == []
        events = [f for f in collection["features"] if f["properties"]["point"] == "event"]
        assert len(events) == sum(1 for event in mission.events if event.place is not None)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(strategies.missions())
def test_any_mission_gives_valid_geojson(any_mission: Mission) -> None:
    collection = feature_collection(any_mission)
    assert rfc7946_problems(collection) == []
    json.dumps(collection, allow_nan=False)
    places = [p for p in (any_mission.headquarters, any_mission.location) if p is not None] + [s.place for s in any_mission.sites]
    places += [event.place for event in any_mission.events if event.place is not None]
    assert len(collection["features"]) == sum(p.has_coordinates for p in places)
    assert len(collection["features"]) + len(unlocated_places(any_mission)) == len(places)
    everything = feature_collection(any_mission, unlocated=True)
    assert rfc7946_problems(everything) == [] and len(everything["features"]) == len(places)
    for feature in collection["features"]:
        assert tuple(feature["properties"]) == PROPERTIES
