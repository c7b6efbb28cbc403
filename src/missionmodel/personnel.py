"""Personnel figures: the size of a mission as a whole, planned or on the ground.

Contributions say who sends what; a `PersonnelFigure` records a figure reported for the whole
mission: "10,058 troops from 50 countries" on 2 September 2024, "about 800 civilian staff", or a
planned size of "20,000 troops". Keep each reported figure as its own record with its source and
date; a figure given as "about" is marked ``approximate`` rather than turned into a range that
the source did not give.

Example:
    >>> figure = PersonnelFigure(kind=FigureKind.ACTUAL, strength=10058,
    ...                          personnel=[ContributionKind.TROOPS], contributing_countries=50,
    ...                          as_of="2024-09-02")
    >>> print(figure)
    10,058 troops from 50 countries (actual, 2024-09-02)
"""

from __future__ import annotations

import enum
from typing import Any, ClassVar

import attrs

from ._checks import as_tuple, at_least, checked
from ._engine import RecordCheck, record_check, validate
from .contribution import ContributionKind
from .dates import PartialDate, optional_date
from .exceptions import ErrorDetail
from .strength import Strength, strength_converter

__all__ = ["FigureKind", "PersonnelFigure"]


class FigureKind(enum.Enum):
    """Whether a figure is a plan or a count of personnel on the ground.

    A ceiling authorised by a mandate belongs in `Mandate.authorized_strength` instead.
    """

    PLANNED = "planned"
    """A size announced or planned, such as a commander's stated target."""
    ACTUAL = "actual"
    """Personnel reported as serving at the date given."""


@record_check("personnel")
def _each_kind_once(record: Any, problems: list[ErrorDetail]) -> None:
    """No kind of personnel is listed twice."""
    if len(set(record.personnel)) != len(record.personnel):
        problems.append(ErrorDetail(path="personnel", message="'personnel' lists a kind more than once"))


@attrs.frozen(slots=True, kw_only=True)
class PersonnelFigure:
    """A reported figure of a mission's personnel as a whole.

    Attributes:
        kind: Planned, or actually serving.
        strength: How many.
        personnel: Which personnel the figure counts (troops, civilians, ...); empty when it
            counts all personnel, military and civilian.
        approximate: True when the source gives the number as approximate ("about 800").
        contributing_countries: How many countries the personnel come from, when reported.
        as_of: When the figure was true.
        note: Context that the source gives with the figure.
        unconfirmed: True when only one weak source reports it (an aggregator, a mirror), or
            sources conflict: kept, shown and counted, but marked so.
        sources: Ids of the sources that report it.

    Example:
        >>> PersonnelFigure(kind=FigureKind.ACTUAL, strength=800, approximate=True,
        ...                 personnel=[ContributionKind.CIVILIAN]).approximate
        True
    """

    kind: FigureKind
    strength: Strength = attrs.field(converter=strength_converter)
    personnel: tuple[ContributionKind, ...] = attrs.field(factory=tuple, converter=as_tuple)
    approximate: bool = False
    contributing_countries: int | None = attrs.field(default=None, metadata=checked(at_least(1)))
    as_of: PartialDate | None = attrs.field(default=None, converter=optional_date)
    note: str | None = None
    unconfirmed: bool = False
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (_each_kind_once,)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def __str__(self) -> str:
        text = f"about {self.strength}" if self.approximate else str(self.strength)
        kinds = " and ".join(kind.value.replace("_", " ") for kind in self.personnel) or "personnel"
        text += f" {kinds}"
        if self.contributing_countries is not None:
            text += f" from {self.contributing_countries} countries"
        details = [self.kind.value] + ([str(self.as_of)] if self.as_of is not None else [])
        return f"{text} ({', '.join(details)})"
