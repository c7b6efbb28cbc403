"""Mandates: who authorised a mission, on what basis, to do what, until when.

Example:
    >>> mandate = Mandate(
    ...     authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL, body="UN Security Council",
    ...                         instrument="S/RES/1701 (2006)", adopted="2006-08-11"),
    ...     tasks=[Task.CEASEFIRE_MONITORING, Task.SUPPORT_TO_HOST_ARMED_FORCES],
    ...     authorized_strength=Strength.at_most(15000),
    ...     start="2006-08-11",
    ... )
    >>> str(mandate.authorized_strength)
    'up to 15,000'
"""

from __future__ import annotations

import enum
from typing import Any, ClassVar

import attrs

from ._checks import as_tuple, at_least, checked
from ._engine import RecordCheck, record_check, validate
from ._fields import period
from .dates import DateLike, PartialDate, optional_date
from .exceptions import ErrorDetail
from .strength import Strength, optional_strength
from .timeline import effective_date, in_force

__all__ = ["Authority", "AuthorityKind", "Mandate", "Task", "Vote"]


class AuthorityKind(enum.Enum):
    """The kind of body that authorised a mission.

    Example:
        >>> AuthorityKind("un_security_council") is AuthorityKind.UN_SECURITY_COUNCIL
        True
    """

    UN_SECURITY_COUNCIL = "un_security_council"
    """The UN Security Council, by resolution."""
    UN_GENERAL_ASSEMBLY = "un_general_assembly"
    """The UN General Assembly, by resolution."""
    REGIONAL_ORGANIZATION = "regional_organization"
    """A regional organisation (African Union, EU, ECOWAS, ...)."""
    AD_HOC_COALITION = "ad_hoc_coalition"
    """A coalition or board of states set up for the purpose."""
    BILATERAL_AGREEMENT = "bilateral_agreement"
    """An agreement between two states."""
    HOST_STATE_AGREEMENT = "host_state_agreement"
    """An invitation from, or agreement with, the host state."""
    NATIONAL = "national"
    """A decision of one state alone."""


class Task(enum.Enum):
    """A task that a mandate gives a mission.

    Example:
        >>> Task.CEASEFIRE_MONITORING.value
        'ceasefire_monitoring'
    """

    CEASEFIRE_MONITORING = "ceasefire_monitoring"
    """Monitor a ceasefire or cessation of hostilities."""
    WITHDRAWAL_VERIFICATION = "withdrawal_verification"
    """Confirm the withdrawal of foreign forces."""
    RESTORE_PEACE_AND_SECURITY = "restore_peace_and_security"
    """Restore international peace and security."""
    STATE_AUTHORITY = "state_authority"
    """Help the host government restore or extend its authority."""
    CIVILIAN_PROTECTION = "civilian_protection"
    """Protect civilians."""
    HUMANITARIAN_ACCESS = "humanitarian_access"
    """Protect or ensure humanitarian access and operations, including corridors."""
    MEDICAL_ASSISTANCE = "medical_assistance"
    """Provide medical care."""
    RECONSTRUCTION = "reconstruction"
    """Support reconstruction."""
    POLICE_TRAINING = "police_training"
    """Train police and build their capacity."""
    DISARMAMENT = "disarmament"
    """Disarm or demilitarise, including decommissioning weapons and destroying military infrastructure."""
    WEAPONS_FREE_ZONE = "weapons_free_zone"
    """Help establish an area free of armed personnel and weapons other than those authorised."""
    BORDER_SECURITY = "border_security"
    """Secure borders or border areas."""
    MARITIME_SECURITY = "maritime_security"
    """Maritime interdiction or patrol, as by a maritime task force."""
    SUPPORT_TO_HOST_ARMED_FORCES = "support_to_host_armed_forces"
    """Accompany and support the host state's armed forces."""
    SECURITY_SECTOR_REFORM = "security_sector_reform"
    """Reform of the host state's security sector."""
    ELECTORAL_ASSISTANCE = "electoral_assistance"
    """Support elections."""
    HUMAN_RIGHTS_MONITORING = "human_rights_monitoring"
    """Monitor and report on human rights."""
    MINE_ACTION = "mine_action"
    """Clear mines and explosive remnants of war."""
    TRANSITIONAL_ADMINISTRATION = "transitional_administration"
    """Administer a territory for a transition."""


@record_check("unanimous", "against", "abstentions", applies=("against", "abstentions"))
def _unanimous(record: Any, problems: list[ErrorDetail]) -> None:
    """A unanimous vote has no votes against and no abstentions."""
    if record.unanimous is True:
        for name in ("against", "abstentions"):
            count = getattr(record, name)
            if count:
                problems.append(ErrorDetail(path=name, message=f"a unanimous vote cannot have {count} {name.replace('_', ' ')}"))


@attrs.frozen(slots=True, kw_only=True)
class Vote:
    """How a body voted on an instrument, as far as reported.

    Give the counts that the source gives; a vote reported only as "unanimous" is
    ``Vote(unanimous=True)`` without counts. Who abstained or voted against, and why, belongs in
    the mission's positions.

    Attributes:
        in_favour: Votes in favour.
        against: Votes against.
        abstentions: Abstentions.
        unanimous: True when the source reports the adoption as unanimous.
        meeting: The meeting at which it was taken, e.g. ``"10,046th meeting"``.

    Example:
        >>> str(Vote(in_favour=13, against=0, abstentions=2))
        '13 in favour, 0 against, 2 abstentions'
        >>> str(Vote(unanimous=True, meeting="5,511th meeting"))
        'unanimous (5,511th meeting)'
    """

    in_favour: int | None = attrs.field(default=None, metadata=checked(at_least(0, 10_000)))
    against: int | None = attrs.field(default=None, metadata=checked(at_least(0, 10_000)))
    abstentions: int | None = attrs.field(default=None, metadata=checked(at_least(0, 10_000)))
    unanimous: bool = False
    meeting: str | None = None

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (_unanimous,)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def __str__(self) -> str:
        parts = []
        if self.unanimous:
            parts.append("unanimous")
        for name, words in (("in_favour", "in favour"), ("against", "against"), ("abstentions", "abstentions")):
            count = getattr(self, name)
            if count is not None:
                parts.append(f"{count} {words}")
        text = ", ".join(parts) or "vote not reported"
        return f"{text} ({self.meeting})" if self.meeting else text


@attrs.frozen(slots=True, kw_only=True)
class Authority:
    """The body and instrument that authorised a mandate.

    Attributes:
        kind: What kind of body it is.
        body: Its name, e.g. ``"UN Security Council"``.
        instrument: The resolution or agreement, e.g. ``"S/RES/1701 (2006)"``.
        adopted: When the instrument was adopted.
        vote: How it was adopted, when reported.

    Example:
        >>> Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL, instrument="S/RES/2803 (2025)").instrument
        'S/RES/2803 (2025)'
    """

    kind: AuthorityKind
    body: str | None = None
    instrument: str | None = None
    adopted: PartialDate | None = attrs.field(default=None, converter=optional_date)
    vote: Vote | None = None

    def __attrs_post_init__(self) -> None:
        validate(self)


@attrs.frozen(slots=True, kw_only=True)
class Mandate:
    """What a mission is authorised to do, by whom, and for how long.

    Attributes:
        authority: Who authorised it and by which instrument.
        legal_basis: The legal basis, e.g. ``"UN Charter Chapter VII"``, when stated.
        summary: The mandate in the instrument's own words, briefly.
        tasks: The tasks given.
        restrictions: Limits placed on the mission, e.g. ``"no combat operations"``.
        start: When the mandate took effect.
        end: Its last day in force, if set.
        authorized_strength: The personnel ceiling it authorises, if any.
        sources: Ids of the sources that report it.

    Example:
        >>> Mandate(authority=Authority(kind=AuthorityKind.NATIONAL), start="2020", end="2021").end
        PartialDate(year=2021, month=None, day=None)
    """

    authority: Authority
    legal_basis: str | None = None
    summary: str | None = None
    tasks: tuple[Task, ...] = attrs.field(factory=tuple, converter=as_tuple)
    restrictions: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    start: PartialDate | None = attrs.field(default=None, converter=optional_date)
    end: PartialDate | None = attrs.field(default=None, converter=optional_date)
    authorized_strength: Strength | None = attrs.field(default=None, converter=optional_strength)
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (period(),)

    def __attrs_post_init__(self) -> None:
        validate(self)

    @property
    def effective(self) -> PartialDate | None:
        """When the mandate takes effect: ``start``, else the adoption date of its instrument."""
        return effective_date(self)

    def in_force_on(self, day: DateLike) -> bool:
        """Tell whether the mandate may be in force on ``day``, from its effective date to its end, both included.

        A mandate with no effective date is taken to have been in force from the beginning, one
        with no end to be still in force. Partial dates count generously: a mandate that ends
        "2026" is in force on any day of 2026. This looks at this mandate alone:
        `Mission.mandate_on` also lets a later mandate supersede it.

        Args:
            day: The date to ask about.
        """
        return in_force(self.effective, self.end, day)
