"""Events: a mission's dated timeline, what happened, where and who took part.

Each event is one account, with its sources. When sources disagree on a detail (where
equipment arrived, say), each account is its own record, one naming the other in ``disputes``.

Example:
    >>> event = Event(date="2006-10-15", kind=EventKind.DEPLOYMENT,
    ...               summary="The Maritime Task Force deploys.", actors=["DEU"])
    >>> str(event)
    '2006-10-15: The Maritime Task Force deploys.'
"""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from ._checks import as_tuple, check_slug, checked
from ._engine import RecordCheck, validate
from ._fields import not_itself
from .actor import check_actor_id
from .dates import PartialDate, optional_date
from .place import Place, optional_place

__all__ = ["Event", "EventKind"]


class EventKind(enum.Enum):
    """What kind of thing happened.

    Example:
        >>> EventKind("handover") is EventKind.HANDOVER
        True
    """

    DEPLOYMENT = "deployment"
    """Personnel or equipment arrive, move or leave."""
    MEETING = "meeting"
    """A meeting, such as one of the Security Council, or talks."""
    DECISION = "decision"
    """A decision, vote or approval."""
    STATEMENT = "statement"
    """Something said or announced."""
    REPORT = "report"
    """A report is made or published."""
    HANDOVER = "handover"
    """A change of command."""
    INCIDENT = "incident"
    """An attack, accident or other incident."""
    OTHER = "other"
    """Anything else."""


@attrs.frozen(slots=True, kw_only=True)
class Event:
    """One dated happening in a mission's history, as one source or several report it.

    Attributes:
        id: A slug by which another record names this one in ``disputes``.
        date: When it happened (a month or a year when only that is known).
        kind: What kind of event it is, when it fits one.
        summary: What happened, briefly.
        place: Where it happened, when reported.
        actors: Who took part: actor ids, or states' alpha-3 codes.
        disputes: The ``id`` of another record whose account of the same event this one
            contradicts; each keeps its own sources.
        unconfirmed: True when only one weak source reports it, or sources conflict.
        note: Anything a reader should know, e.g. that the date was read from "on Tuesday".
        sources: Ids of the sources that report it.

    Example:
        >>> Event(date="2026-06-30", summary="Vehicles arrive.", place="Endurance").place.name
        'Endurance'
    """

    id: str | None = attrs.field(default=None, metadata=checked(check_slug))
    date: PartialDate = attrs.field(converter=optional_date)
    kind: EventKind | None = None
    summary: str
    place: Place | None = attrs.field(default=None, converter=optional_place)
    actors: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple, metadata=checked(check_actor_id))
    disputes: str | None = attrs.field(default=None, metadata=checked(check_slug))
    unconfirmed: bool = False
    note: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (not_itself("disputes"),)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def __str__(self) -> str:
        where = f" ({self.place.name})" if self.place is not None else ""
        flag = " (unconfirmed)" if self.unconfirmed else ""
        return f"{self.date}: {self.summary}{where}{flag}"
