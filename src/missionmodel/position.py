"""Positions: where each stakeholder stands on a mission.

Example:
    >>> p = Position(actor="hamas", stance=Stance.OPPOSES, date="2026-02",
    ...              demands=["a permanent ceasefire"])
    >>> p.stance.value
    'opposes'
"""

from __future__ import annotations

import enum

import attrs

from ._checks import as_tuple, checked
from ._engine import validate
from .actor import check_actor_id
from .dates import PartialDate, optional_date

__all__ = ["Position", "Stance"]


class Stance(enum.Enum):
    """A stakeholder's stance on a mission, from support to opposition.

    Example:
        >>> Stance("opposes") is Stance.OPPOSES
        True
    """

    SUPPORTS = "supports"
    """Supports the mission, or taking part in it."""
    CONDITIONAL = "conditional"
    """Supports, or would take part, only on stated conditions."""
    CONCERNED = "concerned"
    """Raises concerns or warnings without rejecting it."""
    OPPOSES = "opposes"
    """Rejects the mission or its arrangements."""
    NEUTRAL = "neutral"
    """Takes no side, e.g. abstains in a vote."""


@attrs.frozen(slots=True, kw_only=True)
class Position:
    """A stance that one actor took on the mission, at one time.

    Attributes:
        actor: Actor id of the stakeholder (an alpha-3 code for a state).
        stance: Where it stands.
        subject: What the position is on, when narrower than the whole mission (e.g.
            ``"resolution 2803 (2025)"``).
        summary: What it said, briefly.
        demands: The conditions or demands it stated.
        date: When it took the position.
        unconfirmed: True when only one weak source reports it (an aggregator, a mirror), or
            sources conflict: kept, shown and counted, but marked so.
        sources: Ids of the sources that report it.

    Example:
        >>> Position(actor="CHN", stance=Stance.NEUTRAL, subject="resolution 2803 (2025)").actor
        'CHN'
    """

    actor: str = attrs.field(metadata=checked(check_actor_id))
    stance: Stance
    subject: str | None = None
    summary: str | None = None
    demands: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    date: PartialDate | None = attrs.field(default=None, converter=optional_date)
    unconfirmed: bool = False
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        validate(self)
