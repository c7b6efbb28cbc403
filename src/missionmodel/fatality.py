"""Fatalities: mission personnel who died in service, one by one or as reported counts.

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
from collections.abc import Sequence
from typing import ClassVar

import attrs

from ._checks import MOST_PERSONNEL, as_tuple, at_least, check_slug, checked
from ._engine import RecordCheck, validate
from ._fields import check_country, not_itself, period
from .dates import PartialDate, optional_date

__all__ = ["Fatality", "FatalityCount", "Gender", "latest_counts"]


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


@attrs.frozen(slots=True, kw_only=True)
class FatalityCount:
    """A reported count of a mission's dead: a cumulative figure as of a date.

    Beside the per-person records (`Fatality`) that the UN Data Hub publishes, statements and
    news give totals ("270 peacekeepers had lost their lives since 1978"). Each total is kept as
    reported, with its source; totals that conflict are separate records, one naming the other
    in ``disputes``.

    Attributes:
        id: A slug by which another count names this one in ``disputes``.
        count: How many died, as reported.
        approximate: True when the source gives the count as approximate ("about 335").
        as_of: The date the count refers to; None when the source gives none.
        since: When the count starts; None for the mission's start.
        disputes: The ``id`` of another count that this one contradicts.
        unconfirmed: True when only one weak source reports it, or sources conflict.
        note: Who is counted ("military and civilian staff and dependants") and anything else
            a reader should know.
        sources: Ids of the sources that report it.

    Example:
        >>> FatalityCount(count=270, as_of="2008-03-19", note="peacekeepers since 1978").count
        270
    """

    id: str | None = attrs.field(default=None, metadata=checked(check_slug))
    count: int = attrs.field(metadata=checked(at_least(0, MOST_PERSONNEL)))
    approximate: bool = False
    as_of: PartialDate | None = attrs.field(default=None, converter=optional_date)
    since: PartialDate | None = attrs.field(default=None, converter=optional_date)
    disputes: str | None = attrs.field(default=None, metadata=checked(check_slug))
    unconfirmed: bool = False
    note: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (period("since", "as_of"), not_itself("disputes"))

    def __attrs_post_init__(self) -> None:
        validate(self)

    def __str__(self) -> str:
        when = f" as of {self.as_of}" if self.as_of is not None else " (date not reported)"
        flag = " (unconfirmed)" if self.unconfirmed else ""
        return f"{'about ' if self.approximate else ''}{self.count:,} dead{when}{flag}"


def latest_counts(counts: Sequence[FatalityCount]) -> tuple[FatalityCount, ...]:
    """Return the counts of the latest date among ``counts``: the newest, with the others of that date.

    A count with no date cannot be placed in time, so it is never the latest: with only undated
    counts, the result is empty.

    Args:
        counts: A mission's ``fatality_counts``.

    Example:
        >>> [str(count) for count in latest_counts([FatalityCount(count=270, as_of="2008-03-19"), FatalityCount(count=297)])]
        ['270 dead as of 2008-03-19']
    """
    dated = [count for count in counts if count.as_of is not None]
    if not dated:
        return ()
    last = max(dated, key=lambda count: (count.as_of.latest(), count.as_of.earliest()))  # type: ignore[union-attr]
    return tuple(count for count in dated if count.as_of == last.as_of)
