"""What dates mean: when a record is known, in force or held, and which of two dates is later.

Every question about time asked of a mission goes through the rules here, so that mandates,
appointments, contributions, personnel figures, `Mission.as_of` and `compare` agree:

* **Known by a date.** A record dated ``d`` is known on ``on`` when ``d`` may fall on or before
  ``on``: its first possible day is not after ``on``'s last (a claim of "2026-02" is known on
  "2026-02-10"; so is everything dated in February when asking about "2026-02"). Undated
  records are always known. This reading is generous: a withdrawal reported only as "2026"
  applies to every day of 2026, although it may have come later in the year; ask with a date
  no more precise than the reports when that matters.
* **Later.** One date is *certainly before* another when its last possible day comes before the
  other's first possible day. "2026-02-15" is before "2026-02-19", but "2026-02" and
  "2026-02-19" overlap: neither is later, they are the same time. An undated record is before
  every dated one.
* **Ends are inclusive.** A mandate's ``end`` is its last day in force; an appointment's ``end``
  is its holder's last day in office. A mandate is in force, and a term held, from its start to
  its end, both days included; a partial date counts generously (a term that ends "2012" may
  include any day of 2012).
* **Handovers.** On the day one term ends and the next begins, the successor holds the post.
* **A missing end means "not known".** For a post that takes one holder at a time (see
  `Post.single_holder`), a later holder ends the earlier term; a term with no end and no
  successor may still be held. Posts that take several holders at once (deputies, sector
  commanders) keep each term until its own end; but one unit of such a post (a sector, a
  component, named in ``unit``) has one holder at a time.
* **A mandate's effective date** is its ``start``, or when none is given the adoption date of its
  instrument; mandates succeed one another by that date.
* **Chains of mandates.** A mandate that renews or adjusts another names it in ``follows``. Its
  tasks are those of the chain, from the first mandate on, each adding its ``tasks`` and removing
  its ``drops``; its ceiling is the one set last along the chain. When the mandate that took
  effect last by a date has ended, but a later mandate follows it, the mandate was renewed by
  instruments not recorded: it is still the one in force, as the last link recorded.

Example:
    >>> from missionmodel import PartialDate
    >>> certainly_before(PartialDate.parse("2026-02-15"), PartialDate.parse("2026-02-19"))
    True
    >>> certainly_before(PartialDate.parse("2026-02"), PartialDate.parse("2026-02-19"))
    False
    >>> known_by(PartialDate.parse("2026-02-19"), PartialDate.parse("2026-02"))
    True
"""

from __future__ import annotations

import bisect
import datetime
import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from .dates import DateLike, PartialDate
from .exceptions import ErrorDetail, ValidationError

if TYPE_CHECKING:  # pragma: no cover
    from .appointment import Appointment, Post
    from .mandate import Ceiling, Mandate, Task

__all__ = [
    "certainly_before",
    "conflicting_terms",
    "date_argument",
    "effective_date",
    "holders_on",
    "in_force",
    "known_by",
    "carried_over",
    "latest_first",
    "mandate_chain",
    "mandate_in_force",
    "mandate_on",
    "newest",
    "terms_overlap",
]

_T = TypeVar("_T")

_OLDEST = PartialDate(year=1)


def date_argument(value: DateLike, name: str = "on") -> PartialDate:
    """Read a date given to a query; a bad one is a `ValidationError` at the argument's name.

    Args:
        value: A `PartialDate`, ISO text, a `datetime.date` or a year.
        name: The argument's name, for the message (``on``, ``day``, ``month``).

    Raises:
        ValidationError: If ``value`` is not a date, e.g. ``'on' must be a date as 'YYYY', ...``.
    """
    if value.__class__ is PartialDate:
        return value
    try:
        return PartialDate.coerce(value)
    except ValidationError as error:
        raise ValidationError([ErrorDetail(path=name, message=f"'{name}' {detail.message}") for detail in error.errors]) from None


def _on(on: DateLike | None) -> PartialDate | None:
    return None if on is None else date_argument(on)


def known_by(date: PartialDate | None, on: DateLike | None) -> bool:
    """Tell whether a record dated ``date`` is known on ``on``.

    Args:
        date: The record's date; None for an undated record (always known).
        on: The date asked about; None for "any time" (everything is known).

    Example:
        >>> known_by(PartialDate.parse("2026-03-04"), "2026-02-19"), known_by(None, "1990")
        (False, True)
    """
    when = _on(on)
    return when is None or date is None or date.earliest() <= when.latest()


def certainly_before(first: PartialDate | None, second: PartialDate | None) -> bool:
    """Tell whether ``first`` is certainly before ``second``: its last possible day comes first.

    An undated record (None) is before every dated one; two undated ones are the same time.

    Args:
        first: A date, or None.
        second: Another date, or None.

    Example:
        >>> certainly_before(None, PartialDate(year=1978)), certainly_before(None, None)
        (True, False)
    """
    if second is None:
        return False
    if first is None:
        return True
    return first.latest() < second.earliest()


def latest_first(records: Iterable[_T], date_of: Callable[[_T], PartialDate | None]) -> list[_T]:
    """Sort records newest first by ``date_of``; undated records count as the oldest.

    Records of the same date keep their order reversed (the one recorded last comes first), so
    that of two records of one date the later entry wins.

    Args:
        records: The records.
        date_of: Gives a record's date, or None.
    """
    items = list(records)
    keyed = sorted(range(len(items)), key=lambda i: (date_of(items[i]) or _OLDEST, i), reverse=True)
    return [items[i] for i in keyed]


def newest(records: Sequence[_T], date_of: Callable[[_T], PartialDate | None]) -> list[_T]:
    """Return the records that no other record is certainly later than: the newest, all at one time.

    Every record returned may share one day with each other one (all include the day on which
    the newest record may begin), so they are reports of the same time. Undated records are
    returned only when no record is dated.

    Args:
        records: The records, in recorded order (kept in the result).
        date_of: Gives a record's date, or None.

    Example:
        >>> dates = [PartialDate.parse(t) for t in ("2026-02-15", "2026-02", "2026-02-19")]
        >>> [str(d) for d in newest(dates, lambda d: d)]
        ['2026-02', '2026-02-19']
    """
    dated = [date_of(r) for r in records]
    starts = [d.earliest() for d in dated if d is not None]
    if not starts:
        return list(records)
    frontier = max(starts)
    return [r for r, d in zip(records, dated, strict=True) if d is not None and d.latest() >= frontier]


def in_force(start: PartialDate | None, end: PartialDate | None, on: DateLike) -> bool:
    """Tell whether a period from ``start`` to ``end`` (both inclusive) may include ``on``.

    A missing start means "from the beginning", a missing end "not ended".

    Args:
        start: First day, or None.
        end: Last day, or None.
        on: The date asked about.

    Example:
        >>> in_force(PartialDate.parse("2025-08-28"), PartialDate.parse("2026-12-31"), "2026-12-31")
        True
    """
    when = date_argument(on)
    if start is not None and when.latest() < start.earliest():
        return False
    return end is None or when.earliest() <= end.latest()


def effective_date(mandate: Mandate) -> PartialDate | None:
    """Return when a mandate takes effect: its ``start``, else its instrument's adoption date.

    Args:
        mandate: The mandate.
    """
    return mandate.start or mandate.authority.adopted


def mandate_on(mandates: Iterable[Mandate], on: DateLike) -> Mandate | None:
    """Return the mandate in force on ``on``: the one that took effect last by then, if not expired.

    A later mandate supersedes an earlier one even when the earlier one gives no end; an ended
    mandate that a later one follows is still in force (see `mandate_in_force`).

    Args:
        mandates: The mission's mandates.
        on: The date asked about.
    """
    return mandate_in_force(mandates, on)[0]


def mandate_in_force(mandates: Iterable[Mandate], on: DateLike) -> tuple[Mandate | None, Mandate | None]:
    """Return the mandate in force on ``on``, and the later mandate that continues its chain if it had ended.

    The second item is None when the mandate found is in force by its own dates; otherwise it
    is the first mandate that took effect after ``on`` and follows it (through ``follows``):
    the renewals between the two are not recorded.

    Args:
        mandates: The mission's mandates.
        on: The date asked about.
    """
    when = date_argument(on)
    listed = list(mandates)
    begun = [m for m in listed if known_by(effective_date(m), when)]
    ordered = latest_first(begun, effective_date)
    if not ordered:
        return None, None
    last = ordered[0]
    if in_force(effective_date(last), last.end, when):
        return last, None
    if last.id is None:
        return None, None
    later = latest_first([m for m in listed if m not in begun], effective_date)[::-1]
    for candidate in later:
        if any(link is last for link in mandate_chain(listed, candidate)):
            return last, candidate
    return None, None


def mandate_chain(mandates: Iterable[Mandate], mandate: Mandate) -> tuple[Mandate, ...]:
    """Return the chain that ``mandate`` continues: the first mandate first, ``mandate`` last.

    Follows ``follows`` links by id; a link to an id that no mandate has (or a cycle, which a
    valid mission never has) ends the chain.

    Args:
        mandates: The mission's mandates.
        mandate: One of them.
    """
    by_id = {m.id: m for m in mandates if m.id is not None}
    chain = [mandate]
    seen = {id(mandate)}
    current = mandate
    while current.follows is not None:
        previous = by_id.get(current.follows)
        if previous is None or id(previous) in seen:
            break
        chain.append(previous)
        seen.add(id(previous))
        current = previous
    return tuple(reversed(chain))


def carried_over(chain: Sequence[Mandate]) -> tuple[tuple[Task, ...], Ceiling | None]:
    """Return the tasks and the ceiling that a chain of mandates (first first) leaves in force.

    Args:
        chain: A chain, as `mandate_chain` returns it.
    """
    from .mandate import Ceiling

    tasks: dict[Task, None] = {}
    ceiling: Ceiling | None = None
    for link in chain:
        for dropped in link.drops:
            tasks.pop(dropped, None)
        tasks.update(dict.fromkeys(link.tasks))
        if link.authorized_strength is not None:
            ceiling = Ceiling(strength=link.authorized_strength, approximate=link.approximate, set_by=link)
    return tuple(tasks), ceiling


def holders_on(appointments: Iterable[Appointment], post: Post, on: DateLike) -> tuple[Appointment, ...]:
    """Return the appointments that may hold ``post`` on ``on``, the one that began last first.

    For a post with one holder at a time, at most one: the term that began last by ``on``,
    unless its end is before ``on`` (a later holder ends an earlier term, so an earlier term
    whose end was not reported does not hold on). For posts with several holders, every term
    begun and not ended, except that one unit (``Appointment.unit``: a sector, a component) has
    one holder at a time: a later holder of the same unit ends an earlier term.

    Args:
        appointments: The mission's appointments.
        post: The post.
        on: The date asked about.
    """
    when = date_argument(on)
    begun = latest_first((a for a in appointments if a.post is post and known_by(a.start, when)), lambda a: a.start)
    if post.single_holder:
        begun = begun[:1]
    else:
        units: set[str] = set()
        kept = []
        for appointment in begun:  # the latest begun first: an earlier holder of a unit is ended by it
            if appointment.unit is not None:
                if appointment.unit in units:
                    continue
                units.add(appointment.unit)
            kept.append(appointment)
        begun = kept
    return tuple(a for a in begun if a.end is None or when.earliest() <= a.end.latest())


_Days = tuple[datetime.date, datetime.date]


def _certain(appointment: Appointment) -> tuple[str, _Days] | None:
    """What is certain of a term, for telling whether two holders certainly overlapped.

    ``("span", (first, last))``: a term with an end certainly covers the days from its start's
    last possible day to its end's first possible day. ``("start", (first, last))``: a term
    with no reported end is certainly held on its start day, some day between ``first`` and
    ``last``, and perhaps no longer (a successor may end it). None when nothing is certain: no
    start, or a start and end too vague for any day to be certain.
    """
    start, end = appointment.start, appointment.end
    if start is None:
        return None
    if end is None:
        return "start", (start.earliest(), start.latest())
    low, high = start.latest(), end.earliest()
    return ("span", (low, high)) if low <= high else None


def _conflict(first: tuple[str, _Days], second: tuple[str, _Days]) -> bool:
    """Two terms certainly overlap by more than a handover day.

    Two spans conflict when each begins before the other ends; a start conflicts with a span
    that certainly covers every day it may fall on, with a day to spare on each side; two starts
    never conflict (either may have ended the other).
    """
    (kind_a, (low_a, high_a)), (kind_b, (low_b, high_b)) = first, second
    if kind_a == "span" and kind_b == "span":
        return low_a < high_b and low_b < high_a
    if kind_a == "span" and kind_b == "start":
        return low_a < low_b and high_b < high_a
    if kind_a == "start" and kind_b == "span":
        return low_b < low_a and high_a < high_b
    return False


def terms_overlap(first: Appointment, second: Appointment) -> bool:
    """Tell whether two terms certainly overlap by more than a handover day.

    Args:
        first: A term.
        second: Another term.
    """
    a, b = _certain(first), _certain(second)
    return a is not None and b is not None and _conflict(a, b)


def _overlapping_pairs(spans: Sequence[_Days]) -> int:
    """Count the pairs of spans that overlap by more than a boundary day, in O(n log n).

    Two spans overlap when each starts strictly before the other ends. Every pair that does not
    overlap has one span ending on or before the other's start; pairs of two one-day spans on
    the same day are counted that way twice.
    """
    n = len(spans)
    lows = sorted(low for low, _ in spans)
    apart = 0
    for low, high in spans:
        apart += n - bisect.bisect_left(lows, high) - (1 if low >= high else 0)
    points = Counter(low for low, high in spans if low == high)
    twice = sum(m * (m - 1) // 2 for m in points.values())
    return n * (n - 1) // 2 - (apart - twice)


def _contained_pairs(spans: Sequence[_Days], starts: Sequence[_Days]) -> int:
    """Count the (span, start) pairs where the span certainly covers the start, in O(n log n).

    A sweep over the starts by their first possible day adds the spans that begin before it to
    a Fenwick tree indexed by their last day, and counts those that end after the start's last
    possible day.
    """
    if not spans or not starts:
        return 0
    highs = sorted({high for _, high in spans})
    tree = [0] * (len(highs) + 1)

    def add(rank: int) -> None:
        rank += 1
        while rank <= len(highs):
            tree[rank] += 1
            rank += rank & -rank

    def at_most(rank: int) -> int:  # how many added spans have a last day of rank <= rank
        total = 0
        rank += 1
        while rank > 0:
            total += tree[rank]
            rank -= rank & -rank
        return total

    by_low = sorted(spans)
    added = position = count = 0
    for first, last in sorted(starts):
        while position < len(by_low) and by_low[position][0] < first:
            add(bisect.bisect_left(highs, by_low[position][1]))
            added += 1
            position += 1
        # spans added so far begin before the start; count those whose end is after its last day
        count += added - at_most(bisect.bisect_right(highs, last) - 1)
    return count


def _pairs(terms: Sequence[tuple[str, _Days]]) -> int:
    spans = [days for kind, days in terms if kind == "span"]
    starts = [days for kind, days in terms if kind == "start"]
    return _overlapping_pairs(spans) + _contained_pairs(spans, starts)


def conflicting_terms(appointments: Sequence[Appointment | None], limit: int = 20) -> tuple[list[tuple[int, int]], int]:
    """Find two holders of one single-holder post at the same time, in O(n log n).

    Terms conflict when they are held by different holders of a post that takes one holder at a
    time and certainly overlap by more than a handover day (see `terms_overlap`). Terms of the
    same holder (sources that disagree on a date) and undated terms never conflict.

    Args:
        appointments: The mission's appointments, by index (None for a record that could not be
            read).
        limit: How many conflicting pairs to return at most.

    Returns:
        Up to ``limit`` pairs ``(earlier, later)`` of indexes, in order of the later one's index,
        and the number of conflicting pairs in all.
    """
    by_post: dict[object, list[tuple[str, _Days, int]]] = defaultdict(list)
    for index, appointment in enumerate(appointments):
        if appointment is None or not appointment.post.single_holder:
            continue
        certain = _certain(appointment)
        if certain is not None:
            by_post[appointment.post].append((certain[0], certain[1], index))
    found: list[tuple[int, int]] = []
    total = 0
    for terms in by_post.values():
        conflicts = _pairs([(kind, days) for kind, days, _ in terms])
        by_holder: dict[str, list[tuple[str, _Days]]] = defaultdict(list)
        for kind, days, index in terms:
            by_holder[appointments[index].holder].append((kind, days))  # type: ignore[union-attr]  # None skipped above
        conflicts -= sum(_pairs(own) for own in by_holder.values() if len(own) > 1)
        total += conflicts
        if conflicts and len(found) < limit:
            found.extend(_first_pairs(terms, appointments, limit - len(found)))
    found.sort(key=lambda pair: (pair[1], pair[0]))
    return found, total


def _first_pairs(
    terms: list[tuple[str, _Days, int]], appointments: Sequence[Appointment | None], limit: int
) -> list[tuple[int, int]]:
    """List up to ``limit`` conflicting pairs, sweeping the terms in order of their first day.

    Spans still running are kept by holder, so that each new term meets the other holders'
    spans at once and its own holder's are never walked: listing the first pairs costs
    O(n log n) plus the pairs listed. A start can only conflict with a span that began before
    it, so starts are checked but never kept.
    """
    pairs: list[tuple[int, int]] = []
    ending: list[tuple[datetime.date, int]] = []
    running: dict[str, dict[int, _Days]] = defaultdict(dict)
    for kind, days, index in sorted(terms, key=lambda term: (term[1], term[0])):
        low = days[0]
        while ending and ending[0][0] <= low:
            _, gone = heapq.heappop(ending)
            holder = appointments[gone].holder  # type: ignore[union-attr]  # None is never a term
            running[holder].pop(gone, None)
            if not running[holder]:
                del running[holder]
        holder = appointments[index].holder  # type: ignore[union-attr]
        for other_holder, others in running.items():
            if other_holder == holder:
                continue
            for other, other_days in others.items():
                if _conflict(("span", other_days), (kind, days)):
                    pairs.append((min(index, other), max(index, other)))
                    if len(pairs) >= limit:
                        return pairs
        if kind == "span":
            running[holder][index] = days
            heapq.heappush(ending, (days[1], index))
    return pairs
