"""Appointments: who held which post in a mission, and when.

Example:
    >>> a = Appointment(post=Post.FORCE_COMMANDER, holder="jasper-jeffers", start="2026-01-16")
    >>> a.held_on("2026-03-01")
    True
"""

from __future__ import annotations

import enum

import attrs

from ._checks import as_tuple, checked, raise_if, type_problems
from ._fields import check_period
from .actor import check_actor_id
from .dates import DateLike, PartialDate, optional_date

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


@attrs.frozen(slots=True, kw_only=True)
class Appointment:
    """One holder of one post, for one term.

    Attributes:
        post: The post.
        holder: Actor id of the holder: a declared person, or a state's alpha-3 code when a
            state was given the post (as with a deputy command).
        start: When the term began.
        end: When it ended; None while it lasts or when not known. A term ending on the day the
            next begins does not overlap it.
        sources: Ids of the sources that report it.

    Example:
        >>> Appointment(post=Post.DEPUTY_FORCE_COMMANDER, holder="IDN", start="2026-02-19").holder
        'IDN'
    """

    post: Post
    holder: str = attrs.field(metadata=checked(check_actor_id))
    start: PartialDate | None = attrs.field(default=None, converter=optional_date)
    end: PartialDate | None = attrs.field(default=None, converter=optional_date)
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        problems = type_problems(self)
        check_period(self.start, self.end, problems)
        raise_if(problems, self)

    def held_on(self, day: DateLike) -> bool:
        """Tell whether the term may include ``day``.

        The end day is a handover: a term that ends on ``day`` is not held on it, unless it also
        starts then. A term without a start is taken to have begun at any earlier time.

        Args:
            day: The date to ask about.
        """
        when = PartialDate.coerce(day)
        if self.start is not None and when.latest() < self.start.earliest():
            return False
        if self.end is None:
            return True
        if self.end.precision == "day" and self.end != self.start:
            return when.earliest() < self.end.earliest()
        return when.earliest() <= self.end.latest()

    def overlaps(self, other: Appointment) -> bool:
        """Tell whether two terms certainly overlap (a same-day handover does not).

        Args:
            other: Another appointment.
        """

        def starts_before_end(a: Appointment, b: Appointment) -> bool:
            # True when a certainly starts before b certainly ends.
            if b.end is None:
                return True
            if a.start is None:
                return False
            return a.start.latest() < b.end.earliest()

        return starts_before_end(self, other) and starts_before_end(other, self)
