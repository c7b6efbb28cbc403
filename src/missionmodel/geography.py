"""Where a point is: the country at a latitude and longitude, offline, and a check against a mission's countries.

The look-up uses `reverse_geocode <https://pypi.org/project/reverse-geocode/>`_, an optional
extra (``pip install -e ".[geo]"`` from a clone, or ``pip install reverse_geocode``): it ships
GeoNames' populated places of 1,000 people or more (about 150,000, a 3.5 MB wheel) and finds
the **nearest** one with a k-d tree (it needs numpy and scipy: about 150 MB installed). It is
not a point-in-polygon test: the answer is the country of the nearest town, which is wrong near
a border (Bangui's nearest place is Zongo, across the river in the Democratic Republic of the
Congo) and at sea. `countries_near` therefore asks for
the nearest place at the point and at eight points around it, and `check_point` accepts a point
when any of these is in one of the expected countries. Loading the data takes about half a second
and 170 MB of memory, once per process, on the first look-up.

Without the extra, `available` is False, `country_at` and `countries_near` raise `ImportError`,
and `check_point` answers "unknown": readers then keep only their range checks. `distance_km`
(great-circle distance) needs no extra: `read_missions` uses it to compare a point with the
mission catalogue's headquarters.

GeoNames writes Kosovo as ``XK``; it is read as ``XKX``, and a place there counts as inside Serbia
and the former Yugoslavia for `check_point`, as in tables that give Serbia as UNMIK's country. A
former state (``YUG``, ``SCG``, ``CSK``, ``SUN``, ``ZAR`` ...) contains the points of the states that
succeeded it.

Example:
    >>> result = check_point(33.12, 35.13, ["LBN"])
    >>> result.verdict.value in ("inside", "unknown")
    True
"""

from __future__ import annotations

import enum
import functools
import math
from collections.abc import Iterable
from typing import Any

import attrs

__all__ = ["PointCheck", "Verdict", "available", "check_point", "countries_near", "country_at", "distance_km"]

_EXTRA_MESSAGE = (
    "the country look-up needs reverse_geocode: pip install reverse_geocode (or, from a clone, pip install -e '.[geo]')"
)

_SUCCESSORS: dict[str, frozenset[str]] = {
    "YUG": frozenset({"SRB", "MNE", "HRV", "BIH", "SVN", "MKD", "XKX"}),
    "SCG": frozenset({"SRB", "MNE", "XKX"}),
    "SRB": frozenset({"XKX"}),
    "CSK": frozenset({"CZE", "SVK"}),
    "SUN": frozenset({"RUS", "UKR", "BLR", "MDA", "GEO", "ARM", "AZE", "KAZ", "KGZ", "TJK", "TKM", "UZB", "EST", "LVA", "LTU"}),
    "ZAR": frozenset({"COD"}),
    "YMD": frozenset({"YEM"}),
    "YEM": frozenset({"YEM"}),
    "DDR": frozenset({"DEU"}),
    "TMP": frozenset({"TLS"}),
    "SDN": frozenset({"SSD"}),
    "ESH": frozenset({"MAR"}),
}
"""For a host country, the present-day countries whose points count as inside it.

Sudan includes South Sudan for missions that were in Sudan before 2011 (UNMIS). GeoNames writes
some towns of Western Sahara (Smara, Mahbas) with Morocco's code: a point found in Morocco is
accepted for Western Sahara, which this check cannot tell apart."""

_PROBE_KM = 50.0
"""How far around a point `countries_near` looks by default."""


_EARTH_RADIUS_KM = 6371.0088
"""The mean radius of the Earth (IUGG), in kilometres."""


def distance_km(latitude: float, longitude: float, other_latitude: float, other_longitude: float) -> float:
    """Return the great-circle distance between two points, in kilometres (haversine, on a sphere).

    It needs no extra: readers use it to compare a point with a known one (a mission's
    headquarters in the catalogue).

    Args:
        latitude: Degrees north of the first point.
        longitude: Degrees east of the first point.
        other_latitude: Degrees north of the second point.
        other_longitude: Degrees east of the second point.

    Raises:
        ValueError: If a point is not on Earth.

    Example:
        >>> round(distance_km(12.1817, 38.8367, 15.3381, 38.9318))   # UNMEE's "Asmara" to Asmara
        351
    """
    _check(latitude, longitude)
    _check(other_latitude, other_longitude)
    phi1, phi2 = math.radians(latitude), math.radians(other_latitude)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(other_longitude - longitude) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def available() -> bool:
    """Tell whether the optional country look-up (the ``geo`` extra, reverse_geocode) is installed.

    Example:
        >>> isinstance(available(), bool)
        True
    """
    try:
        _geocoder()
    except ImportError:
        return False
    return True


@functools.cache
def _geocoder() -> Any:
    import reverse_geocode  # type: ignore[import-not-found,import-untyped,unused-ignore]

    return reverse_geocode


@functools.cache
def _alpha3(alpha2: str) -> str | None:
    if alpha2 == "XK":
        return "XKX"
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    return None if country is None else str(country.alpha_3)


def _check(latitude: float, longitude: float) -> None:
    if not (isinstance(latitude, (int, float)) and isinstance(longitude, (int, float))):
        raise TypeError(f"latitude and longitude must be numbers (got {latitude!r}, {longitude!r})")
    if not (math.isfinite(latitude) and math.isfinite(longitude) and -90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValueError(f"not a point on Earth: latitude {latitude!r}, longitude {longitude!r}")


def _nearest(points: list[tuple[float, float]]) -> list[dict[str, Any]]:
    try:
        geocoder = _geocoder()
    except ImportError as error:
        raise ImportError(_EXTRA_MESSAGE) from error
    found: list[dict[str, Any]] = geocoder.search(points)
    return found


def country_at(latitude: float, longitude: float) -> str | None:
    """Return the alpha-3 code of the country of the populated place nearest to a point.

    It is the nearest town's country, not a point-in-polygon test: near a border it can be the
    neighbour's (see the module's notes). None when GeoNames' code for that place has no ISO 3166
    alpha-3 code.

    Args:
        latitude: Degrees north, -90 to 90.
        longitude: Degrees east, -180 to 180.

    Raises:
        ImportError: If the ``geo`` extra (reverse_geocode) is not installed.
        ValueError: If the point is not on Earth.

    Example:
        >>> country_at(12.65, -8.0) if available() else "MLI"   # Bamako
        'MLI'
    """
    _check(latitude, longitude)
    return _alpha3(str(_nearest([(latitude, longitude)])[0]["country_code"]))


def countries_near(latitude: float, longitude: float, *, km: float = _PROBE_KM) -> frozenset[str]:
    """Return the countries of the populated places nearest to a point and to points around it.

    Besides the point itself, eight points are taken on each of three circles around it, of
    radius ``km``, half and a quarter of it, and the country of the place nearest to each is
    kept: a town on a border, whose nearest place is across it, still finds its own country.

    Args:
        latitude: Degrees north, -90 to 90.
        longitude: Degrees east, -180 to 180.
        km: The radius of the largest circle.

    Raises:
        ImportError: If the ``geo`` extra (reverse_geocode) is not installed.
        ValueError: If the point is not on Earth.

    Example:
        >>> "CAF" in countries_near(4.3667, 18.5833) if available() else True   # Bangui, on the border river
        True
    """
    _check(latitude, longitude)
    points = [(latitude, longitude)]
    shrink = max(math.cos(math.radians(latitude)), 0.01)
    for radius in (km / 4, km / 2, km):
        step = radius / 111.2
        for index in range(8):
            angle = index * math.pi / 4
            lat = max(-90.0, min(90.0, latitude + step * math.cos(angle)))
            lon = (longitude + step * math.sin(angle) / shrink + 180.0) % 360.0 - 180.0
            points.append((lat, lon))
    codes = (_alpha3(str(place["country_code"])) for place in _nearest(points))
    return frozenset(code for code in codes if code is not None)


class Verdict(enum.Enum):
    """What `check_point` found.

    Example:
        >>> Verdict("swapped") is Verdict.SWAPPED
        True
    """

    INSIDE = "inside"
    """The point is in (or next to) one of the countries."""
    SWAPPED = "swapped"
    """The point is not, but it is once latitude and longitude are swapped: they were swapped."""
    OUTSIDE = "outside"
    """The point is in none of the countries, either way."""
    UNKNOWN = "unknown"
    """No verdict: the look-up is not installed, or no country is expected."""


@attrs.frozen(slots=True, kw_only=True)
class PointCheck:
    """The outcome of `check_point`: the verdict, the point to keep, and what was found there.

    Attributes:
        verdict: Inside, swapped, outside or unknown.
        latitude: The latitude to keep (swapped back when the verdict is swapped).
        longitude: The longitude to keep.
        found: The countries found around the point as given (empty when unknown).
        expected: The countries the point was checked against.

    Example:
        >>> PointCheck(verdict=Verdict.UNKNOWN, latitude=1.0, longitude=2.0).message() is None
        True
    """

    verdict: Verdict
    latitude: float
    longitude: float
    found: frozenset[str] = frozenset()
    expected: tuple[str, ...] = ()

    def message(self) -> str | None:
        """A warning for a reader's report, or None when there is nothing to say.

        Example:
            >>> PointCheck(verdict=Verdict.SWAPPED, latitude=12.65, longitude=-8.0, found=frozenset({"AGO"}),
            ...            expected=("MLI",)).message()
            'latitude -8.0 and longitude 12.65 are in AGO, not in MLI, and in MLI once swapped: swapped them'
        """
        expected = ", ".join(self.expected)
        found = ", ".join(sorted(self.found)) or "no known country"
        if self.verdict is Verdict.SWAPPED:
            return (
                f"latitude {self.longitude!r} and longitude {self.latitude!r} are in {found}, not in {expected},"
                f" and in {expected} once swapped: swapped them"
            )
        if self.verdict is Verdict.OUTSIDE:
            return (
                f"latitude {self.latitude!r} and longitude {self.longitude!r} are in {found}, not in {expected}"
                " (nor once swapped): kept as given"
            )
        return None


def _matches(found: Iterable[str], expected: Iterable[str]) -> bool:
    wanted: set[str] = set()
    for code in expected:
        wanted.add(code)
        wanted.update(_SUCCESSORS.get(code, ()))
    return not wanted.isdisjoint(found)


def check_point(latitude: float, longitude: float, countries: Iterable[str], *, km: float = _PROBE_KM) -> PointCheck:
    """Check a point against the countries it should be in, and tell whether its coordinates are swapped.

    The point is inside when a place near it (`countries_near`) is in one of ``countries`` (a
    former state counts the states that succeeded it). Otherwise, when latitude and longitude are
    both within the latitude range and the point swapped is inside, the verdict is swapped and the
    point returned is the swapped one; otherwise outside, and the point is kept as given. Without
    the ``geo`` extra, or with no country to check against, the verdict is unknown.

    Args:
        latitude: Degrees north.
        longitude: Degrees east.
        countries: The alpha-3 codes the point should be in, e.g. a mission's host countries.
        km: How far around the point to look for a place in one of the countries.

    Raises:
        ValueError: If the point is not on Earth.

    Example:
        >>> check = check_point(-8.0, 12.65, ["MLI"])    # Bamako, written the wrong way round
        >>> (check.verdict.value, check.latitude, check.longitude) if available() else ("swapped", 12.65, -8.0)
        ('swapped', 12.65, -8.0)
    """
    _check(latitude, longitude)
    expected = tuple(dict.fromkeys(countries))
    if not expected or not available():
        return PointCheck(verdict=Verdict.UNKNOWN, latitude=latitude, longitude=longitude, expected=expected)
    found = countries_near(latitude, longitude, km=km)
    if _matches(found, expected):
        return PointCheck(verdict=Verdict.INSIDE, latitude=latitude, longitude=longitude, found=found, expected=expected)
    if abs(longitude) <= 90 and _matches(countries_near(longitude, latitude, km=km), expected):
        return PointCheck(verdict=Verdict.SWAPPED, latitude=longitude, longitude=latitude, found=found, expected=expected)
    return PointCheck(verdict=Verdict.OUTSIDE, latitude=latitude, longitude=longitude, found=found, expected=expected)
