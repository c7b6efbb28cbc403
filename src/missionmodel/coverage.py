"""Coverage: what a mission's data cover, what they miss, and what is unconfirmed.

A dataset is only as good as its reader's idea of its limits. A mission carries
`CoverageNote` records: each says, for one topic (``appointments``, ``budgets``, ...) or for the
whole mission, what is known (and from when), what is missing, or what is unconfirmed.

The data of a topic **begin** at the earliest ``start`` of its ``known`` notes, or, without
one, at the earliest date of its records. A query about a date after the mission began but
before the data of what it reads begin (`Mission.holder_on`, `Mission.mandate_on`,
`Mission.authorized_strength_on`, `Mission.total_strength` with ``on=``, ...) issues a
`CoverageWarning` saying so, rather than answering None silently: the answer then means "not
recorded", not "there was none". A ``missing`` note with dates marks a gap; a query inside it
warns too.

Example:
    >>> note = CoverageNote(topic=Topic.BUDGETS, status=CoverageStatus.MISSING,
    ...                     start="1998", end="2009", text="No amounts found for 1998/99 to 2009/10.")
    >>> str(note)
    'budgets, 1998 to 2009 (missing): No amounts found for 1998/99 to 2009/10.'
"""

from __future__ import annotations

import enum
import os
import sys
import warnings
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from ._checks import as_tuple
from ._engine import RecordCheck, validate
from ._fields import period
from .dates import PartialDate, optional_date
from .exceptions import CoverageWarning
from .timeline import certainly_before

if TYPE_CHECKING:  # pragma: no cover
    from .mission import Mission

__all__ = [
    "CoverageNote",
    "CoverageStatus",
    "Topic",
    "begins_after",
    "data_begin",
    "gaps_on",
    "mission_start",
    "notes_on",
    "outside_on",
    "uncovered",
    "warn",
    "warn_if_uncovered",
]


class Topic(enum.Enum):
    """What part of a mission's record a coverage note is about: a collection of `Mission`.

    Example:
        >>> Topic("appointments") is Topic.APPOINTMENTS
        True
    """

    MANDATES = "mandates"
    """Mandates, ceilings and tasks."""
    CONTRIBUTIONS = "contributions"
    """Contributions by country."""
    PERSONNEL = "personnel"
    """Figures of the mission's personnel as a whole."""
    APPOINTMENTS = "appointments"
    """Heads of mission, commanders and other posts."""
    POSITIONS = "positions"
    """Stakeholders' positions."""
    FATALITIES = "fatalities"
    """Per-person fatality records."""
    FATALITY_COUNTS = "fatality_counts"
    """Reported counts of fatalities."""
    BUDGETS = "budgets"
    """Budgets."""
    EVENTS = "events"
    """The timeline of events."""
    SITES = "sites"
    """Deployment sites."""


class CoverageStatus(enum.Enum):
    """What a coverage note says.

    Example:
        >>> CoverageStatus("missing") is CoverageStatus.MISSING
        True
    """

    KNOWN = "known"
    """What the data hold, and from when to when."""
    MISSING = "missing"
    """What was looked for and not found: a gap."""
    UNCONFIRMED = "unconfirmed"
    """What the data hold only from weak or conflicting sources."""


@attrs.frozen(slots=True, kw_only=True)
class CoverageNote:
    """One statement about what a mission's data cover.

    Attributes:
        topic: What it is about; None for the whole mission.
        status: Known, missing or unconfirmed.
        start: From when it applies (for ``known``: where the data of the topic begin).
        end: Until when it applies.
        text: The statement, in plain words.
        sources: Ids of the sources it rests on, if any.

    Example:
        >>> CoverageNote(status=CoverageStatus.MISSING, start="2026-07",
        ...              text="Nothing later than 1 July 2026 was found.").topic is None
        True
    """

    topic: Topic | None = None
    status: CoverageStatus
    start: PartialDate | None = attrs.field(default=None, converter=optional_date)
    end: PartialDate | None = attrs.field(default=None, converter=optional_date)
    text: str
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (period(),)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def __str__(self) -> str:
        subject = self.topic.value if self.topic is not None else "the whole mission"
        if self.start is not None or self.end is not None:
            subject += f", {self.start or '...'} to {self.end or '...'}"
        return f"{subject} ({self.status.value}): {self.text}"


def _record_dates(mission: Mission, topic: Topic) -> Iterable[PartialDate | None]:
    from .timeline import effective_date

    date_of: Callable[[Any], PartialDate | None] = _DATE_OF.get(topic, lambda record: getattr(record, "as_of", None))
    if topic is Topic.MANDATES:
        date_of = effective_date
    return (date_of(record) for record in getattr(mission, topic.value))


_DATE_OF: dict[Topic, Callable[[Any], PartialDate | None]] = {
    Topic.APPOINTMENTS: lambda record: record.start,
    Topic.POSITIONS: lambda record: record.date,
    Topic.FATALITIES: lambda record: record.date,
    Topic.BUDGETS: lambda record: record.start,
    Topic.EVENTS: lambda record: record.date,
}


def data_begin(mission: Mission, topic: Topic | str) -> PartialDate | None:
    """Return when the data of ``topic`` begin in ``mission``, or None if it has none dated.

    The earliest ``start`` of the mission's ``known`` notes on the topic; without one, the
    earliest date of the topic's records.

    Args:
        mission: The mission.
        topic: A `Topic` or its value (``"appointments"``).

    Example:
        >>> from missionmodel import datasets
        >>> str(data_begin(datasets.load("unifil"), "appointments"))
        '1978'
    """
    wanted = Topic(topic) if not isinstance(topic, Topic) else topic
    stated = [n.start for n in mission.coverage if n.topic is wanted and n.status is CoverageStatus.KNOWN and n.start]
    dates = stated or [d for d in _record_dates(mission, wanted) if d is not None]
    if not dates:
        return None
    return min(dates, key=lambda d: (d.earliest(), d.latest()))


def gaps_on(mission: Mission, topic: Topic, day: PartialDate) -> tuple[CoverageNote, ...]:
    """Return the ``missing`` notes of ``topic`` (or of the whole mission) whose dates cover ``day``.

    Args:
        mission: The mission.
        topic: The topic.
        day: The date asked about.
    """
    return tuple(
        note
        for note in mission.coverage
        if note.status is CoverageStatus.MISSING
        and note.topic in (topic, None)
        and (note.start is not None or note.end is not None)
        and (note.start is None or not certainly_before(day, note.start))
        and (note.end is None or not certainly_before(note.end, day))
    )


def mission_start(mission: Mission) -> PartialDate | None:
    """Return when the mission began: ``established``, else the earliest effective date of its mandates.

    Args:
        mission: The mission.
    """
    if mission.established is not None:
        return mission.established
    from .timeline import effective_date

    dates = [d for d in (effective_date(m) for m in mission.mandates) if d is not None]
    return min(dates, key=lambda d: (d.earliest(), d.latest())) if dates else None


def warn_if_uncovered(mission: Mission, topic: Topic, day: PartialDate, what: str) -> bool:
    """Issue a `CoverageWarning` when ``day`` falls in the mission's life but outside the data of ``topic``.

    That is: the mission had begun by ``day`` (see `mission_start`) but the data of the topic
    begin later (see `data_begin`), or ``day`` falls in a gap that a ``missing`` note dates.
    Before the mission began there is nothing to miss, and a mission whose start is not known
    cannot tell: neither warns (except for a dated gap). The warning points at the caller's
    code, outside missionmodel.

    Args:
        mission: The mission asked about.
        topic: What the query reads.
        day: The date asked about.
        what: The question, for the message (``"holders_on('force_commander')"``).

    Returns:
        True if it warned.
    """
    message = uncovered(mission, topic, day, what)
    if message is None:
        return False
    warn(message)
    return True


def warn(message: str) -> None:
    """Issue a `CoverageWarning` with ``message``, attributed to the first caller outside missionmodel."""
    warnings.warn(message, CoverageWarning, stacklevel=_outside_the_package())


_PACKAGE = os.path.dirname(os.path.abspath(__file__))


def _outside_the_package() -> int:
    """The ``stacklevel`` of the first frame whose code is not missionmodel's (for `warnings.warn`)."""
    frame = sys._getframe(1)
    level = 1
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE + os.sep):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


def begins_after(mission: Mission, topic: Topic, day: PartialDate) -> PartialDate | None:
    """Return when the data of ``topic`` begin, if that is after ``day`` while the mission had begun by then.

    The one rule of what "before the data begin" means: the mission had begun by ``day`` (see
    `mission_start`), and the data of the topic (see `data_begin`) begin certainly later, both
    than ``day`` and than the mission's start. None otherwise, and when the mission's start is
    not known.

    Args:
        mission: The mission.
        topic: The topic.
        day: The date asked about.
    """
    begin, start = data_begin(mission, topic), mission_start(mission)
    if (
        begin is not None
        and start is not None
        and certainly_before(day, begin)
        and certainly_before(start, begin)
        and not certainly_before(day, start)
    ):
        return begin
    return None


def uncovered(mission: Mission, topic: Topic, day: PartialDate, what: str) -> str | None:
    """Return what `warn_if_uncovered` would say about ``day``, or None when the data cover it.

    Args:
        mission: The mission asked about.
        topic: What the query reads.
        day: The date asked about.
        what: The question, for the message.
    """
    name = mission.acronym or mission.id
    begin = begins_after(mission, topic, day)
    if begin is not None:
        return (
            f"{name}: {what} on {day}: the data on {topic.value.replace('_', ' ')} begin in {begin}, after the"
            f" mission began ({mission_start(mission)}); an answer of None means not recorded, not none"
        )
    for note in gaps_on(mission, topic, day):
        return f"{name}: {what} on {day} falls in a gap of the data: {note.text}"
    return None


def outside_on(mission: Mission, day: PartialDate) -> tuple[tuple[tuple[Topic, PartialDate], ...], tuple[CoverageNote, ...]]:
    """Return what the data do not cover on ``day``: the topics whose data begin later, and the gaps.

    Args:
        mission: The mission.
        day: The date asked about.

    Returns:
        ``(begins, gaps)``: each topic whose data begin after ``day`` (see `begins_after`) with
        the date they begin, and each ``missing`` note whose dates cover ``day``, once.
    """
    begins = tuple((topic, begin) for topic in Topic if (begin := begins_after(mission, topic, day)) is not None)
    gaps = tuple(dict.fromkeys(note for topic in Topic for note in gaps_on(mission, topic, day)))
    return begins, gaps


def notes_on(mission: Mission, day: PartialDate) -> tuple[str, ...]:
    """Return, for each topic whose data do not cover ``day``, what is missing (for a reader, once each).

    Args:
        mission: The mission.
        day: The date asked about.

    Example:
        >>> from missionmodel import PartialDate, datasets
        >>> len(notes_on(datasets.load("isf"), PartialDate.parse("2026-02-20")))
        0
    """
    name = mission.acronym or mission.id
    begins, gaps = outside_on(mission, day)
    messages = [f"{name} on {day}: the data on {topic.value.replace('_', ' ')} begin in {begin}" for topic, begin in begins]
    messages.extend(f"{name} on {day} falls in a gap of the data: {note.text}" for note in gaps)
    return tuple(messages)
