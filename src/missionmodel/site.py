"""Deployment sites: where a mission's personnel were, how many, and from which countries.

A `Site` records one place where a mission had personnel at one date, as a source shows it: the
Geo-PKO dataset codes the UN's deployment maps into one row per location and map, with the
troops there, the countries that sent them, whether the place was a headquarters, and whether
police, military observers or a liaison office were there. A mission keeps its sites in
`Mission.sites`, ready for a map. A number that the source does not give is kept as an unknown
`Strength`, never as zero.

Example:
    >>> from missionmodel import Place, Strength
    >>> site = Site(
    ...     place=Place(name="Bunia", country="COD", latitude=1.5667, longitude=30.25),
    ...     as_of="2005-06",
    ...     troops=1450,
    ...     contingents=[SiteContingent(contributor="BGD", strength=850), SiteContingent(contributor="PAK")],
    ...     headquarters=HeadquartersLevel.SECTOR,
    ... )
    >>> print(site)
    Bunia, 2005-06: 1,450 troops (BGD 850, PAK unknown), sector headquarters
    >>> str(site.contingent_total())
    'at least 850'
"""

from __future__ import annotations

import enum
from typing import Any, ClassVar

import attrs

from ._checks import as_tuple, at_least, checked
from ._engine import RecordCheck, record_check, validate
from ._fields import check_country
from .dates import PartialDate, optional_date
from .exceptions import ErrorDetail
from .place import Place, optional_place
from .strength import Strength, strength_converter

__all__ = ["HeadquartersLevel", "Site", "SiteContingent", "SiteUnit", "UnitKind"]


class HeadquartersLevel(enum.Enum):
    """Whether a site is a headquarters, and of what.

    The levels are Geo-PKO's ``HQ`` codes 0 to 3, as the Geo-PKO team's own tools read them
    (3 mission headquarters, 2 sector headquarters) and as the dataset's comments explain the
    code 1 (the headquarters of a troop-contributing country's contingent, "TCC HQ").

    Example:
        >>> HeadquartersLevel("sector") is HeadquartersLevel.SECTOR
        True
    """

    NONE = "none"
    """Not a headquarters (Geo-PKO ``HQ`` 0)."""
    CONTINGENT = "contingent"
    """The headquarters of a contributing country's contingent (Geo-PKO ``HQ`` 1, "TCC HQ")."""
    SECTOR = "sector"
    """A sector or regional headquarters (Geo-PKO ``HQ`` 2)."""
    MISSION = "mission"
    """The mission's headquarters (Geo-PKO ``HQ`` 3)."""


class UnitKind(enum.Enum):
    """Kinds of unit that a source reports at a site beside its troops.

    Example:
        >>> UnitKind("reserve").name
        'RESERVE'
    """

    RESERVE = "reserve"
    """Reserve troops (Geo-PKO ``RES`` and ``RES_No``)."""
    FORCE_PROTECTION = "force_protection"
    """Force protection troops (Geo-PKO ``FP`` and ``FP_No``)."""
    REGIONAL_PROTECTION_FORCE = "regional_protection_force"
    """A regional protection force, such as UNMISS's in Juba from 2017 (Geo-PKO ``RPF`` and ``RPF_No``)."""


@record_check("contributor", "name", applies=("contributor", "name"))
def _code_or_name(record: Any, problems: list[ErrorDetail]) -> None:
    """A contingent known by its code does not also keep a name: the name is for what no code names."""
    if record.contributor is not None and record.name is not None:
        problems.append(
            ErrorDetail(path="name", message="'name' is for a contributor without a country code: give 'contributor' or 'name'")
        )


@attrs.frozen(slots=True, kw_only=True)
class SiteContingent:
    """The personnel that one contributing country has at a site.

    Attributes:
        contributor: The ISO 3166-1 alpha-3 code of the country; None when the source does not
            say which country (``"unknown"``), or names it in words that name no one country
            (kept in ``name``).
        strength: How many; unknown when the source gives no number.
        name: The contributor as the source writes it, when that names no one country
            (``"Ireland and Scotland"``); None otherwise.

    Example:
        >>> print(SiteContingent(contributor="NPL", strength=850))
        NPL 850
        >>> print(SiteContingent(name="Ireland and Scotland", strength=650))
        'Ireland and Scotland' 650
    """

    contributor: str | None = attrs.field(default=None, metadata=checked(check_country))
    strength: Strength = attrs.field(factory=Strength.unknown, converter=strength_converter)
    name: str | None = None

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (_code_or_name,)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def __str__(self) -> str:
        who = self.contributor or (repr(self.name) if self.name is not None else "unknown contributor")
        return f"{who} {self.strength}"


@attrs.frozen(slots=True, kw_only=True)
class SiteUnit:
    """A unit of a kind that a source reports at a site beside its troops, with its size.

    Attributes:
        kind: What kind of unit.
        strength: How many; unknown when the source gives no number.

    Example:
        >>> print(SiteUnit(kind=UnitKind.RESERVE, strength=150))
        reserve 150
    """

    kind: UnitKind
    strength: Strength = attrs.field(factory=Strength.unknown, converter=strength_converter)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def __str__(self) -> str:
        return f"{self.kind.value.replace('_', ' ')} {self.strength}"


@attrs.frozen(slots=True, kw_only=True)
class Site:
    """One place where a mission had personnel at one date, as a source shows it.

    A source's counts are kept as it gives them: the troops at the site, and each contributing
    country's count, which need not add up to them (a map may show units whose country it does
    not give, or give both the units and a total); an importer warns where they differ.

    Attributes:
        place: Where: its name, and its country and coordinates when known.
        as_of: When the site was so: the date of the map or report (a month for Geo-PKO).
        troops: The troops at the site; unknown when the source gives no number.
        contingents: Each contributing country's personnel at the site, in the source's order.
        contributing_countries: How many countries had troops there, as the source counts them.
        headquarters: Whether the site is a headquarters, and of what; None when not reported.
        police: Whether UN police were there (Geo-PKO's ``UNPOL`` dummy); None when not reported.
        military_observers: Whether military observers were there (``UNMO``); None when not reported.
        liaison_office: Whether there was a liaison office (``LO``); None when not reported.
        units: Units of other kinds reported there (reserve, force protection ...), with their sizes.
        source_note: Where in the sources the site is found: for Geo-PKO, the UN map it was
            coded from (``"Map no. 4309 Rev. 1"``).
        note: What the source's coders say of it.
        sources: Ids of the sources that report it.

    Example:
        >>> Site(place="Bujumbura", as_of="2007-03").troops.is_unknown
        True
    """

    place: Place = attrs.field(converter=optional_place)
    as_of: PartialDate = attrs.field(converter=optional_date)
    troops: Strength = attrs.field(factory=Strength.unknown, converter=strength_converter)
    contingents: tuple[SiteContingent, ...] = attrs.field(factory=tuple, converter=as_tuple)
    contributing_countries: int | None = attrs.field(default=None, metadata=checked(at_least(0)))
    headquarters: HeadquartersLevel | None = None
    police: bool | None = None
    military_observers: bool | None = None
    liaison_office: bool | None = None
    units: tuple[SiteUnit, ...] = attrs.field(factory=tuple, converter=as_tuple)
    source_note: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def contributors(self) -> tuple[str, ...]:
        """The codes of the countries with a contingent at the site, each once, in the source's order.

        Example:
            >>> Site(place="Goma", as_of="2010-01", contingents=[SiteContingent(contributor="IND"),
            ...      SiteContingent(), SiteContingent(contributor="IND", strength=150)]).contributors()
            ('IND',)
        """
        return tuple(dict.fromkeys(c.contributor for c in self.contingents if c.contributor is not None))

    def contingent_total(self) -> Strength:
        """The contingents' strengths added up (exactly 0 when there are none).

        It may differ from `troops`: the source gives both, and they need not agree.
        """
        return sum((c.strength for c in self.contingents), Strength.exact(0))

    def __str__(self) -> str:
        text = f"{self.place}, {self.as_of}: {self.troops} troops"
        if self.contingents:
            text += f" ({', '.join(str(c) for c in self.contingents)})"
        if self.headquarters is not None and self.headquarters is not HeadquartersLevel.NONE:
            text += f", {self.headquarters.value} headquarters"
        return text


# The field types are resolved now, not when a record is first built: the canonical form of a
# strength field (always written, "unknown" included) depends on its resolved type, and a
# mission may be written before any site was built.
for _cls in (SiteContingent, SiteUnit, Site):
    attrs.resolve_types(_cls)
del _cls
