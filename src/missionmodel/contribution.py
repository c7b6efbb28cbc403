"""Contributions: who sends what, how many, in what status.

A contribution is one claim about one contributor: Indonesia pledged "up to 8,000" troops on
19 February 2026, according to a named source. When sources disagree, record each claim as its
own contribution with its own source and date.

Example:
    >>> c = Contribution(contributor="IDN", kind=ContributionKind.TROOPS,
    ...                  strength=Strength.at_most(8000), status=ContributionStatus.PLEDGED,
    ...                  as_of="2026-02-19")
    >>> str(c.strength)
    'up to 8,000'
"""

from __future__ import annotations

import enum
from typing import Any, ClassVar

import attrs

from ._checks import as_tuple, check_slug, checked, personnel_count
from ._engine import RecordCheck, record_check, validate
from .actor import check_actor_id
from .dates import PartialDate, optional_date
from .exceptions import ErrorDetail
from .strength import Strength, strength_converter

__all__ = ["Contribution", "ContributionKind", "ContributionStatus"]


class ContributionKind(enum.Enum):
    """What is contributed.

    Example:
        >>> ContributionKind("medical") is ContributionKind.MEDICAL
        True
    """

    TROOPS = "troops"
    """Military contingents."""
    POLICE = "police"
    """Police officers or formed police units, when not told apart."""
    FORMED_POLICE_UNITS = "formed_police_units"
    """Formed police units: armed police contingents (the UN's "Formed Police Units")."""
    INDIVIDUAL_POLICE = "individual_police"
    """Police officers serving individually (the UN's "Individual Police")."""
    MILITARY_OBSERVERS = "military_observers"
    """Unarmed military observers or experts on mission (the UN's "Experts on Mission")."""
    STAFF_OFFICERS = "staff_officers"
    """Officers for the mission's headquarters or joint command."""
    MEDICAL = "medical"
    """Medical units, field hospitals."""
    ENGINEERS = "engineers"
    """Engineering units."""
    TRAINING = "training"
    """Training, e.g. of police, usually outside the mission area."""
    CIVILIAN = "civilian"
    """Civilian staff."""
    FUNDING = "funding"
    """Money."""
    LOGISTICS = "logistics"
    """Transport, supplies, equipment."""

    @property
    def is_personnel(self) -> bool:
        """True for people; False for `FUNDING` and `LOGISTICS`, which totals of personnel leave out.

        Example:
            >>> ContributionKind.MEDICAL.is_personnel, ContributionKind.FUNDING.is_personnel
            (True, False)
        """
        return self not in _NOT_PERSONNEL

    @property
    def is_police(self) -> bool:
        """True for police of any kind: `POLICE`, `FORMED_POLICE_UNITS` and `INDIVIDUAL_POLICE`.

        Example:
            >>> ContributionKind.FORMED_POLICE_UNITS.is_police, ContributionKind.TROOPS.is_police
            (True, False)
        """
        return self in _POLICE


_POLICE = frozenset({ContributionKind.POLICE, ContributionKind.FORMED_POLICE_UNITS, ContributionKind.INDIVIDUAL_POLICE})
_NOT_PERSONNEL = frozenset({ContributionKind.FUNDING, ContributionKind.LOGISTICS})


class ContributionStatus(enum.Enum):
    """Where a contribution stands, in the usual order of its lifecycle.

    A contribution is usually ``offered``, then ``pledged``, ``approved`` by the contributor's
    own authorities, ``confirmed`` with the mission and ``deployed``; it may be ``suspended``
    (put on hold) and at the end ``withdrawn``; an offer may instead be ``declined`` (by the
    contributor or the mission). Statuses need not come in this order: the latest claim is the
    current one whatever its status (see `missionmodel.claims`).

    Example:
        >>> [status.value for status in ContributionStatus][:5]
        ['offered', 'pledged', 'approved', 'confirmed', 'deployed']
        >>> ContributionStatus.SUSPENDED.is_active
        False
    """

    OFFERED = "offered"
    """Said to be ready or willing, without a firm commitment."""
    PLEDGED = "pledged"
    """Committed publicly, e.g. at a pledging meeting."""
    APPROVED = "approved"
    """Authorised by the contributor's own authorities, e.g. a parliament's vote (Kosovo, April 2026)."""
    CONFIRMED = "confirmed"
    """Formally agreed with the mission."""
    DEPLOYED = "deployed"
    """On the ground."""
    SUSPENDED = "suspended"
    """Put on hold by the contributor (Indonesia, March 2026); may resume."""
    WITHDRAWN = "withdrawn"
    """Was deployed and has left, or a pledge taken back."""
    DECLINED = "declined"
    """Refused by the contributor, or not accepted."""

    @property
    def is_active(self) -> bool:
        """True unless the contribution is declined, withdrawn or suspended.

        Totals and contributor lists with no status count the active claims only.
        """
        return self not in _INACTIVE


_INACTIVE = frozenset({ContributionStatus.SUSPENDED, ContributionStatus.WITHDRAWN, ContributionStatus.DECLINED})


@record_check("strength", "female", "male", applies=("female", "male"))
def _gender_fits(record: Any, problems: list[ErrorDetail]) -> None:
    """The women and men reported fit the strength."""
    strength, female, male = record.strength, record.female, record.male
    if female is None and male is None:
        return
    if female is not None and male is not None:
        total = female + male
        if total not in strength:
            problems.append(
                ErrorDetail(
                    path="strength",
                    message=f"'female' + 'male' is {female:,} + {male:,} = {total:,}, which does not fit 'strength' ({strength})",
                )
            )
        return
    for name, count in (("female", female), ("male", male)):
        if count is not None and strength.high is not None and count > strength.high:
            problems.append(ErrorDetail(path=name, message=f"'{name}' ({count:,}) is more than 'strength' ({strength})"))


@record_check("id", "supersedes", applies=("supersedes",))
def _not_itself(record: Any, problems: list[ErrorDetail]) -> None:
    """A claim does not supersede itself."""
    if record.id is not None and record.id == record.supersedes:
        problems.append(ErrorDetail(path="supersedes", message=f"a claim cannot supersede itself ({record.id!r})"))


@attrs.frozen(slots=True, kw_only=True)
class Contribution:
    """One contributor's contribution of one kind, as reported at one time.

    Attributes:
        id: An id for this claim (a lower-case slug), needed only for another claim to name it
            in ``supersedes``.
        contributor: Actor id of the contributor; a state is its ISO 3166-1 alpha-3 code.
        kind: What is contributed.
        status: Where the contribution stands.
        strength: How many personnel (`Strength.unknown()` when no number was given; an int is
            read as an exact number).
        female: How many of them are women, when reported.
        male: How many of them are men, when reported. When both ``female`` and ``male`` are
            given, their sum must be consistent with ``strength`` (equal to it when exact).
        as_of: When the report was true.
        supersedes: The ``id`` of a claim of the same contributor that this one replaces, when
            a source says so; it wins over dates (see `missionmodel.claims`).
        role: A role taken in the mission, e.g. ``"deputy command"``.
        caveats: Limits the contributor set, e.g. ``"humanitarian tasks only; no combat"``.
        unconfirmed: True when only one weak source reports it (an aggregator, a mirror), or
            sources conflict: kept, shown and counted, but marked so.
        note: Anything a reader should know, e.g. how the date was read.
        sources: Ids of the sources that report it.

    Example:
        >>> Contribution(contributor="KAZ", kind=ContributionKind.MEDICAL,
        ...              status=ContributionStatus.PLEDGED).strength.is_unknown
        True
    """

    id: str | None = attrs.field(default=None, metadata=checked(check_slug))
    contributor: str = attrs.field(metadata=checked(check_actor_id))
    kind: ContributionKind
    status: ContributionStatus
    strength: Strength = attrs.field(factory=Strength.unknown, converter=strength_converter)
    female: int | None = attrs.field(default=None, metadata=checked(personnel_count))
    male: int | None = attrs.field(default=None, metadata=checked(personnel_count))
    as_of: PartialDate | None = attrs.field(default=None, converter=optional_date)
    supersedes: str | None = attrs.field(default=None, metadata=checked(check_slug))
    role: str | None = None
    caveats: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    unconfirmed: bool = False
    note: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (_gender_fits, _not_itself)

    def __attrs_post_init__(self) -> None:
        validate(self)
