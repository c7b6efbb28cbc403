"""Fatalities: mission personnel who died in service.

One `Fatality` is one person, as the UN Peace and Security Data Hub lists them: when, of what
nationality, in what kind of post, and from what kind of incident. The categories are kept as
published (``"Military"``, ``"Malicious Act"``), since their lists change over the years.

Example:
    >>> f = Fatality(date="2024-10-13", nationality="IDN", gender=Gender.MALE,
    ...              personnel_type="Military", incident_type="Malicious Act")
    >>> f.date.year, f.nationality
    (2024, 'IDN')
"""

from __future__ import annotations

import enum

import attrs

from ._checks import as_tuple, checked
from ._engine import validate
from ._fields import check_country
from .dates import PartialDate, optional_date

__all__ = ["Fatality", "Gender"]


class Gender(enum.Enum):
    """A person's gender as reported."""

    FEMALE = "female"
    """Female."""
    MALE = "male"
    """Male."""


@attrs.frozen(slots=True, kw_only=True)
class Fatality:
    """One member of a mission's personnel who died, as reported.

    Attributes:
        date: When the incident happened.
        nationality: ISO 3166-1 alpha-3 code of the person's country; None when undetermined.
        gender: The person's gender, when reported.
        personnel_type: What they served as, as published (``"Military"``, ``"Police"``,
            ``"International Civilian"`` ...).
        incident_type: What kind of incident, as published (``"Malicious Act"``, ``"Accident"``,
            ``"Illness"`` ...).
        casualty_type: The kind of casualty, as published (``"Fatality"``).
        casualty_id: The publisher's id of the casualty, to trace the record back.
        sources: Ids of the sources that report it.

    Example:
        >>> Fatality(date="1978-05-02").nationality is None
        True
    """

    date: PartialDate = attrs.field(converter=optional_date)
    nationality: str | None = attrs.field(default=None, metadata=checked(check_country))
    gender: Gender | None = None
    personnel_type: str | None = None
    incident_type: str | None = None
    casualty_type: str | None = None
    casualty_id: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        validate(self)
