"""Places: a named place, with its country and coordinates when known.

A mission's headquarters was first written as plain text (``headquarters: Naqoura``); it is now
a `Place`, and plain text still reads as a place known only by its name. A place known only by
its name is written back as that plain text, and compares equal to it, so that existing data and
code keep working.

Example:
    >>> naqoura = Place(name="Naqoura", country="LBN", latitude=33.118, longitude=35.139)
    >>> str(naqoura), naqoura.has_coordinates
    ('Naqoura', True)
    >>> Place.coerce("Naqoura") == "Naqoura"
    True
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

import attrs

from ._checks import checked, describe, label, number
from ._engine import RecordCheck, record_check, validate
from ._fields import check_country
from .exceptions import ErrorDetail, ValidationError

__all__ = ["Place"]


def optional_float(value: Any) -> Any:
    """Converter for coordinate fields: an int becomes a float; anything else is left for the check."""
    if isinstance(value, int) and not isinstance(value, bool) and -(10**15) <= value <= 10**15:
        return float(value)
    return value


def _check_range(value: object, path: str, problems: list[ErrorDetail], limit: int) -> None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not -limit <= value <= limit:
        if isinstance(value, float) and not math.isfinite(value):
            return  # reported as not finite
        shown = number(value) if isinstance(value, int) else repr(value)
        problems.append(ErrorDetail(path=path, message=f"{label(path)} must be between -{limit} and {limit} (got {shown})"))


def _check_latitude(value: object, path: str, problems: list[ErrorDetail]) -> None:
    _check_range(value, path, problems, 90)


def _check_longitude(value: object, path: str, problems: list[ErrorDetail]) -> None:
    _check_range(value, path, problems, 180)


@record_check("latitude", "longitude", applies=("latitude", "longitude"))
def _both_coordinates(record: Any, problems: list[ErrorDetail]) -> None:
    """Latitude and longitude are given together or not at all."""
    if (record.latitude is None) != (record.longitude is None):
        given, missing = ("latitude", "longitude") if record.longitude is None else ("longitude", "latitude")
        problems.append(ErrorDetail(path=missing, message=f"'{missing}' must be given with '{given}'"))


@attrs.frozen(slots=True, kw_only=True, eq=False)
class Place:
    """A named place: a headquarters, a town, a base.

    A place known only by its name compares equal to that name as a string (and hashes like
    it), so ``mission.headquarters == "Naqoura"`` keeps working where headquarters used to be
    text.

    Attributes:
        name: The name as commonly written, e.g. ``"Naqoura"``.
        country: The ISO 3166-1 alpha-3 code of the country it is in.
        latitude: Degrees north, -90 to 90 (given together with ``longitude``).
        longitude: Degrees east, -180 to 180 (given together with ``latitude``).

    Example:
        >>> Place(name="Naqoura", country="LBN").country
        'LBN'
        >>> Place(name="Naqoura", latitude=133.1, longitude=35.1)
        Traceback (most recent call last):
        ...
        missionmodel.exceptions.ValidationError: Place has 1 problem:
          latitude: 'latitude' must be between -90 and 90 (got 133.1)
    """

    name: str
    country: str | None = attrs.field(default=None, metadata=checked(check_country))
    latitude: float | None = attrs.field(default=None, converter=optional_float, metadata=checked(_check_latitude))
    longitude: float | None = attrs.field(default=None, converter=optional_float, metadata=checked(_check_longitude))

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (_both_coordinates,)

    def __attrs_post_init__(self) -> None:
        validate(self)

    @property
    def has_coordinates(self) -> bool:
        """True when the latitude and longitude are known."""
        return self.latitude is not None

    @property
    def is_name_only(self) -> bool:
        """True when only the name is known (the place is written as plain text)."""
        return self.country is None and self.latitude is None and self.longitude is None

    @classmethod
    def coerce(cls, value: Any) -> Place:
        """Return ``value`` as a `Place`: a Place, or a non-blank name.

        Args:
            value: What to convert.

        Raises:
            ValidationError: If ``value`` is neither.
        """
        if isinstance(value, Place):
            return value
        if isinstance(value, str):
            if not value.strip():
                raise ValidationError([ErrorDetail(path="", message="must not be empty")], subject="Place")
            return cls(name=value)
        raise ValidationError(
            [ErrorDetail(path="", message=f"must be a place name, a Place or a mapping of Place fields (got {describe(value)})")],
            subject="Place",
        )

    def __str__(self) -> str:
        return self.name

    def _key(self) -> tuple[object, ...]:
        return (self.name, self.country, self.latitude, self.longitude)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Place):
            return self._key() == other._key()
        if isinstance(other, str):
            return self.is_name_only and self.name == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.name) if self.is_name_only else hash(self._key())


def optional_place(value: Any) -> Any:
    """Converter for place fields: a name becomes a `Place`; None stays None.

    Anything that cannot be read is passed through unchanged for the record's check to report.
    """
    if value is None or isinstance(value, Place):
        return value
    try:
        return Place.coerce(value)
    except ValidationError:
        return value
