"""Contributor totals: how many uniformed personnel one country has in UN peace operations.

The UN publishes each month, for every contributing country, its uniformed personnel (troops,
police, staff officers and experts on mission) in all UN peace operations together: women, men,
their total, and the country's rank among contributors (the UN Peace and Security Data Hub's
table DPO-UCLATEST, read by `missionmodel.importers.un.read_country_totals`). A `ContributorTotal`
is one such line: one country's total at one reporting date, or, where a table breaks it down by
mission, its total in one mission.

Example:
    >>> nepal = ContributorTotal(contributor="NPL", strength=6247, female=664, male=5583, rank=2,
    ...                          as_of="2023-09-30")
    >>> str(nepal)
    'NPL: 6,247 uniformed personnel, rank 2 (2023-09-30)'
    >>> nepal.reported_gender_total == nepal.strength.low
    True
"""

from __future__ import annotations

import attrs

from ._checks import as_tuple, at_least, checked, personnel_count
from ._engine import validate
from ._fields import check_country
from .dates import PartialDate, optional_date
from .strength import Strength, strength_converter

__all__ = ["ContributorTotal"]


@attrs.frozen(slots=True, kw_only=True)
class ContributorTotal:
    """One country's total of uniformed personnel in UN peace operations, as reported at one date.

    The women and men are kept as reported beside the total, and need not add up to it: the
    published total is the figure, and an importer says (with a warning) when its parts differ
    from it.

    Attributes:
        contributor: The ISO 3166 alpha-3 code of the contributing country (a former state keeps
            its own code, e.g. ``YUG``).
        strength: Its uniformed personnel, all kinds together (an int is read as an exact number).
        female: How many of them are women, when reported.
        male: How many of them are men, when reported.
        rank: The country's rank among contributors by uniformed personnel at that date (1 is the
            largest); countries with equal totals may share a rank.
        as_of: The reporting date.
        mission: The mission's acronym when the total is the country's personnel in one mission
            (a table broken down by mission); None for all missions together.
        sources: Ids of the sources that report it.

    Example:
        >>> ContributorTotal(contributor="IDN", strength=2741, rank=0)
        Traceback (most recent call last):
        ...
        missionmodel.exceptions.ValidationError: ContributorTotal has 1 problem:
          rank: 'rank' must be at least 1 (got 0)
    """

    contributor: str = attrs.field(metadata=checked(check_country))
    strength: Strength = attrs.field(converter=strength_converter)
    female: int | None = attrs.field(default=None, metadata=checked(personnel_count))
    male: int | None = attrs.field(default=None, metadata=checked(personnel_count))
    rank: int | None = attrs.field(default=None, metadata=checked(at_least(1)))
    as_of: PartialDate | None = attrs.field(default=None, converter=optional_date)
    mission: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        validate(self)

    @property
    def reported_gender_total(self) -> int | None:
        """The women and men added up, when both are reported; None otherwise.

        Example:
            >>> ContributorTotal(contributor="GHA", strength=2700, female=500, male=2150).reported_gender_total
            2650
        """
        if self.female is None or self.male is None:
            return None
        return self.female + self.male

    def __str__(self) -> str:
        text = f"{self.contributor}: {self.strength} uniformed personnel"
        if self.mission is not None:
            text += f" in {self.mission}"
        if self.rank is not None:
            text += f", rank {self.rank}"
        if self.as_of is not None:
            text += f" ({self.as_of})"
        return text
