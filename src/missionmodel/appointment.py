"""Appointments: who held which post in a mission, and when.

Example:
    >>> a = Appointment(post=Post.FORCE_COMMANDER, holder="jasper-jeffers", start="2026-01-16")
    >>> a.held_on("2026-03-01")
    True
"""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from ._checks import as_tuple, check_slug, checked
from ._engine import RecordCheck, validate
from ._fields import not_itself, period
from .actor import check_actor_id
from .dates import DateLike, PartialDate, optional_date
from .timeline import in_force, terms_overlap

__all__ = ["Appointment", "Post"]


class Post(enum.Enum):
    """A post in a mission's leadership.

    Example:
        >>> Post.FORCE_COMMANDER.value
        'force_commander'
    """

    HEAD_OF_MISSION = "head_of_mission"
    """The head of mission (in UNIFIL, held together with force commander)."""
    DEPUTY_HEAD_OF_MISSION = "deputy_head_of_mission"
    """The deputy head of mission."""
    FORCE_COMMANDER = "force_commander"
    """The commander of the mission's military component."""
    DEPUTY_FORCE_COMMANDER = "deputy_force_commander"
    """The deputy force commander, or the deputy command given to a state."""
    SPECIAL_REPRESENTATIVE = "special_representative"
    """A Special Representative of the Secretary-General."""
    POLICE_COMMISSIONER = "police_commissioner"
    """The head of the mission's police component."""
    CHIEF_MILITARY_OBSERVER = "chief_military_observer"
    """The head of a military observer mission."""
    CHIEF_OF_STAFF = "chief_of_staff"
    """The mission's chief of staff."""
    CHAIR = "chair"
    """The chair of a board or body that leads the mission."""
    DEPUTY_SPECIAL_REPRESENTATIVE = "deputy_special_representative"
    """A Deputy Special Representative of the Secretary-General (a mission may have several)."""
    SECTOR_COMMANDER = "sector_commander"
    """The commander of one of the mission's sectors (one for each sector)."""
    COMPONENT_HEAD = "component_head"
    """The head of one of the mission's components, such as a maritime task force."""

    @property
    def single_holder(self) -> bool:
        """True for posts held by one person at a time (head of mission, force commander, ...).

        Deputies, sector commanders and component heads may be several at once; for the
        others a later holder ends the term of the earlier one (see `missionmodel.timeline`).

        Example:
            >>> Post.FORCE_COMMANDER.single_holder, Post.DEPUTY_HEAD_OF_MISSION.single_holder
            (True, False)
        """
        return self not in _SEVERAL_HOLDERS


_SEVERAL_HOLDERS = frozenset(
    {
        Post.DEPUTY_HEAD_OF_MISSION,
        Post.DEPUTY_FORCE_COMMANDER,
        Post.DEPUTY_SPECIAL_REPRESENTATIVE,
        Post.SECTOR_COMMANDER,
        Post.COMPONENT_HEAD,
    }
)


@attrs.frozen(slots=True, kw_only=True)
class Appointment:
    """One holder of one post, for one term.

    Attributes:
        id: A slug by which another appointment names this one in ``disputes``.
        post: The post.
        holder: Actor id of the holder: a declared person (whose ``country`` is their
            nationality), or a state's alpha-3 code when a state was given the post (as with a
            deputy command, or a naval component led by a nation).
        unit: The sector or component for a post that has one per unit (``"Sector West"``,
            ``"Maritime Task Force"``).
        acting: True for an acting or ad interim holder.
        start: When the term began.
        end: The holder's last day in office; None while it lasts or when not known. On a
            handover day (one term's end, the next one's start) the successor holds the post.
        disputes: The ``id`` of another appointment whose account of the same term this one
            contradicts (another handover date, say). Both are kept and shown; the queries and
            the one-holder-at-a-time check follow the account disputed, not this alternative.
        unconfirmed: True when only one weak source reports it, or sources conflict.
        note: Anything a reader should know, e.g. that a date was read from "on Tuesday".
        sources: Ids of the sources that report it.

    Example:
        >>> Appointment(post=Post.DEPUTY_FORCE_COMMANDER, holder="IDN", start="2026-02-19").holder
        'IDN'
    """

    id: str | None = attrs.field(default=None, metadata=checked(check_slug))
    post: Post
    holder: str = attrs.field(metadata=checked(check_actor_id))
    unit: str | None = None
    acting: bool = False
    start: PartialDate | None = attrs.field(default=None, converter=optional_date)
    end: PartialDate | None = attrs.field(default=None, converter=optional_date)
    disputes: str | None = attrs.field(default=None, metadata=checked(check_slug))
    unconfirmed: bool = False
    note: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (period(), not_itself("disputes"))

    def __attrs_post_init__(self) -> None:
        validate(self)

    def held_on(self, day: DateLike) -> bool:
        """Tell whether the term may include ``day``, from its start to its end, both included.

        A term without a start is taken to have begun at any earlier time, one without an end
        not to have ended. This looks at this term alone: `Mission.holder_on` also lets a later
        holder of a single-holder post end an earlier term and gives the successor a handover day.

        Args:
            day: The date to ask about.
        """
        return in_force(self.start, self.end, day)

    def overlaps(self, other: Appointment) -> bool:
        """Tell whether two terms certainly overlap by more than a handover day.

        A term with no end certainly covers only its start, since a successor may have ended it.

        Args:
            other: Another appointment.
        """
        return terms_overlap(self, other)

    @property
    def is_alternative(self) -> bool:
        """True when this record disputes another: an alternative account, not the one queries follow."""
        return self.disputes is not None
