"""Maps out: missions' headquarters, locations, deployment sites and events as GeoJSON (RFC 7946).

`feature_collection` gives a GeoJSON ``FeatureCollection`` (a dict, ready for `json.dumps`) with
one ``Point`` feature per place: each mission's ``headquarters`` and ``location``, each of its
`Mission.sites`, and each of its `Mission.events` that has a place. Coordinates are
``[longitude, latitude]`` in WGS 84, as RFC 7946 requires (longitude first: the reverse of how
places are usually spoken). `write_geojson` writes it to a
``.geojson`` file, atomically, which QGIS, geojson.io, Leaflet, kepler.gl or GeoPandas open as
they are.

Every feature has the same properties (None where one does not apply), so that a map tool
shows one attribute table:

- ``mission``, ``acronym``, ``mission_name``: which mission;
- ``point``: what the point is: ``"headquarters"``, ``"location"`` (where a publisher shows the
  mission on a map), ``"site"`` or ``"event"``;
- ``name``, ``country``, ``country_name``: the place;
- ``date``: the site's date (a map's month for Geo-PKO) or the event's, as known (``"2005-06"``);
  None for a headquarters or a location, which the model does not date;
- ``site_index``: the site's position in `Mission.sites`;
- the columns of `missionmodel.tables.site_rows` for a site: ``troops_min``, ``troops_max``
  (None when there is no upper bound), ``troops_text``, ``troops_is_exact``, ``contributors``,
  ``contributor_names``, ``contingents``, ``contributing_countries``, ``headquarters`` (the
  level: ``"mission"`` for a mission's headquarters feature), ``police``, ``military_observers``,
  ``liaison_office``, ``units``, ``source_note``, ``note`` (for an event, its note);
- for an event, the columns of `missionmodel.tables.event_rows`: ``event_index`` (its position
  in `Mission.events`), ``event_id``, ``event_kind``, ``summary``, ``actors``, ``actor_names``,
  ``disputes`` (the id of the event whose account it contradicts: both are mapped) and
  ``unconfirmed``;
- ``sources`` and ``source_titles``: what reports it (for a headquarters or a location, the
  mission's own sources).

A place without coordinates cannot be drawn: it is left out unless ``unlocated=True``, which
gives it a feature with a ``null`` geometry (RFC 7946, section 3.2), so that nothing is dropped
without a trace. `unlocated_places` counts what a map leaves out.

Example:
    >>> from missionmodel import Mission, MissionKind, MissionStatus, Place, Site
    >>> monuc = Mission(
    ...     id="monuc", name="MONUC", kind=MissionKind.PEACEKEEPING, status=MissionStatus.CLOSED,
    ...     headquarters=Place(name="Kinshasa", country="COD", latitude=-4.325, longitude=15.322),
    ...     sites=[Site(place=Place(name="Bunia", latitude=1.5667, longitude=30.25), as_of="2005-06", troops=1450),
    ...            Site(place="Dungu", as_of="2005-06")],
    ... )
    >>> for feature in feature_collection(monuc)["features"]:
    ...     print(feature["id"], feature["geometry"]["coordinates"], feature["properties"]["troops_text"])
    monuc/headquarters [15.322, -4.325] None
    monuc/sites/0 [30.25, 1.5667] 1,450
    >>> unlocated_places(monuc)
    ['monuc/sites/1']
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import Any

from ._atomic import atomic_writer
from .mission import Mission
from .place import Place
from .tables import _country, _missions, _Names, event_rows, site_rows

__all__ = ["PROPERTIES", "feature_collection", "unlocated_places", "write_geojson"]

PROPERTIES = (
    "mission", "acronym", "mission_name", "point", "name", "country", "country_name", "date", "site_index",
    "troops_min", "troops_max", "troops_text", "troops_is_exact", "contributors", "contributor_names", "contingents",
    "contributing_countries", "headquarters", "police", "military_observers", "liaison_office", "units",
    "source_note", "note", "event_index", "event_id", "event_kind", "summary", "actors", "actor_names", "disputes",
    "unconfirmed", "sources", "source_titles",
)  # fmt: skip
"""The properties of every feature, in order."""

_EVENT_PROPERTIES = ("event_index", "event_id", "event_kind", "summary", "actors", "actor_names", "disputes", "unconfirmed")
_FROM_SITE_ROW = {"site_index", *PROPERTIES[PROPERTIES.index("troops_min") :]} - set(_EVENT_PROPERTIES)
"""The properties taken as they are from a row of `site_rows`."""
_FROM_EVENT_ROW = {
    "event_index",
    "summary",
    "actors",
    "actor_names",
    "disputes",
    "unconfirmed",
    "note",
    "sources",
    "source_titles",
}
"""The properties taken as they are from a row of `event_rows`."""


def _geometry(latitude: float | None, longitude: float | None) -> dict[str, Any] | None:
    if latitude is None or longitude is None:
        return None
    return {"type": "Point", "coordinates": [longitude, latitude]}


def _blank(mission: Mission, point: str) -> dict[str, Any]:
    properties: dict[str, Any] = dict.fromkeys(PROPERTIES)
    properties.update({"mission": mission.id, "acronym": mission.acronym, "mission_name": mission.name, "point": point})
    return properties


def _place_feature(mission: Mission, names: _Names, point: str, place: Place) -> dict[str, Any]:
    properties = _blank(mission, point)
    properties.update({"name": place.name, "country": place.country, "country_name": _country(place.country)})
    if point == "headquarters":
        properties["headquarters"] = "mission"
    properties.update(names.sources(mission.profile_sources))
    return {
        "type": "Feature",
        "id": f"{mission.id}/{point}",
        "geometry": _geometry(place.latitude, place.longitude),
        "properties": properties,
    }


def _features(missions: Mission | Iterable[Mission]) -> Iterator[dict[str, Any]]:
    """Every feature, those without a geometry included."""
    for mission in _missions(missions):
        names = _Names(mission)
        for point, place in (("headquarters", mission.headquarters), ("location", mission.location)):
            if place is not None:
                yield _place_feature(mission, names, point, place)
        for row in site_rows(mission):
            where = {"name": row["place"], "country": row["country"], "country_name": row["country_name"]}
            yield _row_feature(mission, "site", f"sites/{row['site_index']}", row, where, _FROM_SITE_ROW, date=row["as_of"])
        for row in event_rows(mission):
            if row["place"] is None:  # an event without a place is no place to map
                continue
            where = {"name": row["place"], "country": row["place_country"], "country_name": row["place_country_name"]}
            fields = {"date": row["date"], "event_id": row["id"], "event_kind": row["kind"]}
            yield _row_feature(mission, "event", f"events/{row['event_index']}", row, where, _FROM_EVENT_ROW, **fields)


def _row_feature(
    mission: Mission, point: str, path: str, row: Any, where: dict[str, Any], copied: set[str], **fields: Any
) -> dict[str, Any]:
    """The feature of a table row with a place (a site, an event): its place, ``fields``, and the ``copied`` columns."""
    properties = _blank(mission, point)
    properties.update(where)
    properties.update(fields)
    properties.update({key: row[key] for key in copied})
    return {
        "type": "Feature",
        "id": f"{mission.id}/{path}",
        "geometry": _geometry(row["latitude"], row["longitude"]),
        "properties": properties,
    }


def feature_collection(missions: Mission | Iterable[Mission], *, unlocated: bool = False) -> dict[str, Any]:
    """Return the missions' headquarters, locations, sites and events as a GeoJSON FeatureCollection.

    Each feature is a ``Point`` at ``[longitude, latitude]``, with an ``id``
    (``"unifil/headquarters"``, ``"unifil/location"``, ``"monuc/sites/3"``, ``"unifil/events/0"``)
    and the properties listed in `PROPERTIES`. Features come in the missions' order: a mission's
    headquarters, its location, its sites in order, then its events that have a place, in order
    (an event whose place has no coordinates is unlocated, as a site is).

    Args:
        missions: One mission or several.
        unlocated: Whether to give places without coordinates too, as features whose
            ``geometry`` is ``null``; by default they are left out (see `unlocated_places`).

    Example:
        >>> from missionmodel import Mission, MissionKind, MissionStatus, Place
        >>> m = Mission(id="unifil", name="UNIFIL", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
        ...             headquarters=Place(name="Naqoura", country="LBN", latitude=33.118, longitude=35.139))
        >>> [f["geometry"]["coordinates"] for f in feature_collection(m)["features"]]
        [[35.139, 33.118]]
    """
    features = [f for f in _features(missions) if unlocated or f["geometry"] is not None]
    return {"type": "FeatureCollection", "features": features}


def unlocated_places(missions: Mission | Iterable[Mission]) -> list[str]:
    """Return the ids of the features that a map leaves out for want of coordinates.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import Mission, MissionKind, MissionStatus
        >>> unifil = Mission(id="unifil", name="UNIFIL", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
        ...                  headquarters="Naqoura")
        >>> unlocated_places(unifil)
        ['unifil/headquarters']
    """
    return [f["id"] for f in _features(missions) if f["geometry"] is None]


def write_geojson(missions: Mission | Iterable[Mission], path: str | os.PathLike[str], *, unlocated: bool = False) -> None:
    """Write the missions' headquarters, locations, sites and events to a GeoJSON file, atomically.

    The file is UTF-8 JSON (``.geojson``; media type ``application/geo+json``) holding the
    `feature_collection`.

    Args:
        missions: One mission or several.
        path: The file to write.
        unlocated: Whether to write places without coordinates too, with a ``null`` geometry.

    Raises:
        FormatError: If the file cannot be written (naming it and the system's reason).

    Example:
        >>> import json, tempfile, pathlib
        >>> from missionmodel import datasets
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "unifil.geojson"
        >>> write_geojson(datasets.load("unifil"), path)
        >>> json.loads(path.read_text(encoding="utf-8"))["type"]
        'FeatureCollection'
    """
    text = json.dumps(feature_collection(missions, unlocated=unlocated), ensure_ascii=False, allow_nan=False)
    with atomic_writer(path) as handle:
        handle.write(text)
        handle.write("\n")
