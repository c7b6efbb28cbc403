"""Coordinates checked against a country: with the optional ``geo`` extra (reverse_geocode), and without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from missionmodel import geography
from missionmodel.geography import PointCheck, Verdict, check_point
from missionmodel.importers import un

FIXTURES = Path(__file__).parent / "fixtures"


# --- without the extra: the fallback ----------------------------------------------------------


@pytest.fixture
def no_geography(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(geography, "available", lambda: False)

    def missing() -> object:
        raise ImportError("no reverse_geocode")

    monkeypatch.setattr(geography, "_geocoder", missing)


def test_without_the_extra_the_verdict_is_unknown(no_geography: None) -> None:
    check = check_point(-8.0, 12.65, ["MLI"])
    assert check == PointCheck(verdict=Verdict.UNKNOWN, latitude=-8.0, longitude=12.65, expected=("MLI",))
    assert check.message() is None
    with pytest.raises(ImportError, match=r"pip install reverse_geocode"):
        geography.country_at(12.65, -8.0)
    with pytest.raises(ImportError, match="reverse_geocode"):
        geography.countries_near(12.65, -8.0)


def test_without_the_extra_the_reader_keeps_swapped_points_in_range(no_geography: None) -> None:
    missions = {m.acronym: m for m in un.read_missions(FIXTURES / "un_missions_real_style.csv").records}
    minusma = missions["MINUSMA"].location
    assert minusma is not None and (minusma.latitude, minusma.longitude) == (-8.0029, 12.6392)  # as written
    assert minusma.country == "MLI"  # one host country, nothing found against it


def test_without_the_extra_the_range_check_stays(no_geography: None) -> None:
    import io

    header = (
        "id,mission_acronym,mission_name,lead_department,mission_isactive,start_date,end_date,"
        "mission_location,mission_longitude,mission_latitude"
    )
    row = "1,UNMIT,United Nations Integrated Mission in Timor-Leste,DPKO,No,2006-08-25,2012-12-31,Dili,-8.5586,125.5603"
    result = un.read_missions(io.StringIO(f"{header}\n{row}\n"))
    place = result.records[0].location
    assert place is not None and (place.latitude, place.longitude) == (-8.5586, 125.5603)
    assert [i.message for i in result.report.warnings] == [
        "latitude 125.5603 is out of range and longitude -8.5586 is not: swapped them"
    ]


def test_no_expected_country_is_unknown() -> None:
    assert check_point(10.0, 10.0, []).verdict is Verdict.UNKNOWN


def test_a_point_off_earth_is_refused() -> None:
    with pytest.raises(ValueError, match="not a point on Earth"):
        check_point(95.0, 10.0, ["MLI"])
    with pytest.raises(ValueError, match="not a point on Earth"):
        geography.countries_near(float("nan"), 10.0)


# --- with the extra ---------------------------------------------------------------------------


@pytest.fixture
def geo() -> None:
    pytest.importorskip("reverse_geocode")
    assert geography.available()


@pytest.mark.parametrize(
    ("latitude", "longitude", "code"),
    [
        (12.6392, -8.0029, "MLI"),
        (2.0371, 45.3438, "SOM"),
        (-8.8368, 13.2343, "AGO"),
        (33.1181, 35.1383, "LBN"),
        (4.8594, 31.5825, "SSD"),
    ],
)
def test_country_at_the_headquarters_towns(geo: None, latitude: float, longitude: float, code: str) -> None:
    assert geography.country_at(latitude, longitude) == code


def test_nearest_place_is_not_a_border(geo: None) -> None:
    # Bangui (IPI's coordinates): the nearest populated place is Zongo, across the river.
    assert geography.country_at(4.3667, 18.5833) == "COD"
    assert "CAF" in geography.countries_near(4.3667, 18.5833)
    assert check_point(4.3667, 18.5833, ["CAF"]).verdict is Verdict.INSIDE


def test_swapped_points_are_swapped_back(geo: None) -> None:
    for latitude, longitude, code in [(-8.0029, 12.6392, "MLI"), (45.3438, 2.0371, "SOM"), (13.2343, -8.8368, "AGO")]:
        check = check_point(latitude, longitude, [code])
        assert (check.verdict, check.latitude, check.longitude) == (Verdict.SWAPPED, longitude, latitude), code
        assert check.message() is not None and check.message().endswith("swapped them")  # type: ignore[union-attr]


def test_outside_either_way(geo: None) -> None:
    # IPI's UNMEE headquarters "Asmara" at 12.1817 N, 38.8367 E is in Ethiopia (Asmara is near 15.3 N).
    check = check_point(12.1817, 38.8367, ["ERI"])
    assert (check.verdict, check.latitude, check.longitude) == (Verdict.OUTSIDE, 12.1817, 38.8367)
    assert check.message() == "latitude 12.1817 and longitude 38.8367 are in ETH, not in ERI (nor once swapped): kept as given"


def test_former_states_and_kosovo(geo: None) -> None:
    assert geography.country_at(42.6667, 21.1667) == "XKX"  # Pristina, GeoNames' XK
    assert check_point(42.6667, 21.1667, ["SRB"]).verdict is Verdict.INSIDE
    assert check_point(45.8167, 15.9833, ["YUG"]).verdict is Verdict.INSIDE  # Zagreb in the former Yugoslavia
    assert check_point(26.7384, -11.6719, ["ESH"]).verdict is Verdict.INSIDE  # Smara, which GeoNames codes MA


def test_the_reader_repairs_swapped_points_and_warns_about_the_rest(geo: None) -> None:
    result = un.read_missions(FIXTURES / "un_missions_real_style.csv")
    missions = {m.acronym: m for m in result.records}
    for acronym, point in {
        "MINUSMA": (12.6392, -8.0029),
        "UNOSOM II": (2.0371, 45.3438),
        "UNAVEM III": (-8.8368, 13.2343),
    }.items():
        place = missions[acronym].location
        assert place is not None and (place.latitude, place.longitude) == point, acronym
    unficyp = missions["UNFICYP"].location  # Nicosia, in Cyprus, but the point is not
    assert unficyp is not None and (unficyp.latitude, unficyp.longitude, unficyp.country) == (37.0, 33.0, "CYP")
    gaza = missions["UNEF I"].location  # its host countries come from a UN page: checked and swapped back
    assert gaza is not None and (gaza.latitude, gaza.longitude, gaza.country) == (31.5017, 34.4668, "PSE")
    warnings = [(i.row, i.message) for i in result.report.warnings if i.column == "mission_latitude"]
    assert warnings == [
        (4, "latitude -8.0029 and longitude 12.6392 are in AGO, not in MLI, and in MLI once swapped: swapped them"),
        (5, "latitude 45.3438 and longitude 2.0371 are in FRA, not in SOM, and in SOM once swapped: swapped them"),
        (6, "latitude 13.2343 and longitude -8.8368 are in GIN, MLI, not in AGO, and in AGO once swapped: swapped them"),
        (7, "latitude 34.4668 and longitude 31.5017 are in CYP, not in EGY, PSE, and in EGY, PSE once swapped: swapped them"),
        (8, "latitude 37.0 and longitude 33.0 are in TUR, not in CYP (nor once swapped): kept as given"),
        (
            8,
            "latitude 37.0 and longitude 33.0 are 206 km from Nicosia as the mission catalogue places it"
            " (35.1667, 33.3667): kept as given",
        ),
    ]
    assert result.report.rows_taken == 12


def test_strict_rejects_a_swapped_point(geo: None) -> None:
    report = un.read_missions(FIXTURES / "un_missions_real_style.csv", strict=True).report
    assert {4, 5, 6, 7, 8}.issubset(report.rejected_rows)


SWAPPED_IN_THE_LIST = {
    "UNOSOM II": (7, "Mogadishu", "SOM"),
    "UNOSOM I": (8, "Mogadishu", "SOM"),
    "UNEF": (42, "Gaza", "PSE"),
    "UNAVEM II": (48, "Luanda", "AGO"),
    "UNAVEM I": (49, "Luanda", "AGO"),
    "MINUSMA": (67, "Bamako", "MLI"),
    "UNSCOB": (82, "Athens", "GRC"),
}
"""The real list's rows (DPPADPOSS-PKO, 2024-02-19) with latitude and longitude swapped, both in range: line, town, country."""


def test_the_real_list_s_swapped_points_are_repaired(geo: None) -> None:
    import csv

    with open(FIXTURES / "un_missions_2024.csv", encoding="utf-8", newline="") as handle:
        rows = {row["mission_acronym"]: row for row in csv.DictReader(handle)}
    result = un.read_missions(FIXTURES / "un_missions_2024.csv")
    assert (result.report.rows_read, result.report.rows_taken, result.report.rows_rejected) == (81, 81, 0)
    missions = {m.acronym: m for m in result.records}
    swapped_back = {
        i.row for i in result.report.warnings if i.column == "mission_latitude" and i.message.endswith("swapped: swapped them")
    }
    assert swapped_back == {line for line, _, _ in SWAPPED_IN_THE_LIST.values()}
    for acronym, (_, town, country) in SWAPPED_IN_THE_LIST.items():
        place = missions[acronym].location
        latitude, longitude = (float(rows[acronym][c].replace(",", ".")) for c in ("mission_latitude", "mission_longitude"))
        assert place is not None and (place.name, place.country) == (town, country), acronym
        assert (place.latitude, place.longitude) == (longitude, latitude), acronym  # swapped back
        assert geography.country_at(place.latitude, place.longitude) == country, acronym
    # every other point is kept as written, and is in a host country of its mission, or next to one
    for acronym, mission in missions.items():
        place = mission.location
        if acronym in SWAPPED_IN_THE_LIST or place is None or place.latitude is None or place.longitude is None:
            continue
        assert (place.latitude, place.longitude) == tuple(
            float(rows[acronym][c].replace(",", ".")) for c in ("mission_latitude", "mission_longitude")
        )
        assert check_point(place.latitude, place.longitude, mission.countries).verdict is Verdict.INSIDE, acronym
    # what the country check cannot see, the catalogue's distance check does: UNMEE's "Asmara" is in Ethiopia
    far = [(i.row, i.message.split(" are ")[1].split(" as ")[0]) for i in result.report.warnings if "km from" in i.message]
    assert far == [(29, "351 km from Asmara"), (33, "344 km from Tehran")]
    assert geography.country_at(12.1817, 38.8367) == "ETH" and missions["UNMEE"].location.country == "ERI"  # type: ignore[union-attr]


def test_distance_km() -> None:
    assert geography.distance_km(0.0, 0.0, 0.0, 0.0) == 0.0
    assert round(geography.distance_km(0.0, 0.0, 0.0, 180.0)) == round(3.141592653589793 * 6371.0088)
    assert round(geography.distance_km(12.1817, 38.8367, 15.33805, 38.93184)) == 351
    with pytest.raises(ValueError, match="not a point on Earth"):
        geography.distance_km(91.0, 0.0, 0.0, 0.0)
