"""Side-by-side comparison of two missions, aspect by aspect.

`compare` answers the questions analysts ask of two missions (who authorised them and how often
the mandate was renewed, who leads them, what ceiling and tasks are in force, who contributes
what in which status, who commands them, where stakeholders stand, what they cost, how many died,
what happened when, and where their data begin) as rows of plain text; `render_text` and
`render_markdown` lay the rows out as columns or as a Markdown table, and `render_html` as an
HTML table. `compare` returns a `Comparison`: a tuple of rows that Jupyter shows as that table.
Uncertain strengths are shown as `Strength` prints them (``up to 8,000``, ``unknown``), never as a
made-up number; records that are unconfirmed say so, and so do alternative accounts (a record
that ``disputes`` another) and the accounts they dispute.

Example:
    >>> from missionmodel import Mission, MissionKind, MissionStatus
    >>> a = Mission(id="a", name="Mission A", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE)
    >>> b = Mission(id="b", name="Mission B", kind=MissionKind.STABILIZATION, status=MissionStatus.AUTHORIZED)
    >>> rows = compare(a, b)
    >>> rows[0]
    ComparisonRow(aspect='mission', left='Mission A: peacekeeping, active', right='Mission B: stabilization, authorized')
    >>> print(render_markdown(rows[:2], ("Aspect", "A", "B")), end="")
    | Aspect | A | B |
    | --- | --- | --- |
    | mission | Mission A: peacekeeping, active | Mission B: stabilization, authorized |
    | authorised by | none recorded | none recorded |
"""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .appointment import Appointment, Post
from .contribution import ContributionStatus
from .coverage import CoverageStatus, Topic, data_begin
from .dates import DateLike, PartialDate
from .exceptions import CoverageWarning
from .fatality import latest_counts
from .mandate import Ceiling, Mandate
from .mission import Mission
from .personnel import FigureKind
from .position import Stance
from .timeline import (
    carried_over,
    certainly_before,
    date_argument,
    effective_date,
    known_by,
    latest_first,
    mandate_chain,
    mandate_in_force,
)

__all__ = ["Comparison", "ComparisonRow", "compare", "render_html", "render_markdown", "render_text"]

_NONE_RECORDED = "none recorded"
"""The text of a cell for which a mission records nothing."""

_COMMAND_POSTS: tuple[Post, ...] = (Post.FORCE_COMMANDER, Post.DEPUTY_FORCE_COMMANDER)
"""Posts always compared, whether or not either mission records them."""


@attrs.frozen(slots=True, kw_only=True)
class ComparisonRow:
    """One aspect of two missions, described in words for each.

    Attributes:
        aspect: What is compared, e.g. ``"led by"`` or ``"contributors: pledged"``.
        left: The first mission's answer.
        right: The second mission's answer.

    Example:
        >>> row = ComparisonRow(aspect="led by", left="Board of Peace", right="UN Department of Peace Operations")
        >>> row.left
        'Board of Peace'
    """

    aspect: str
    left: str
    right: str


class Comparison(tuple[ComparisonRow, ...]):
    """The rows of a comparison, with the headings of its columns: what `compare` returns.

    A tuple of `ComparisonRow`, so it is used as one (indexed, sliced, iterated, compared with
    a tuple of rows); ``titles`` names its columns, and Jupyter shows it as an HTML table
    (`render_html`). Slicing gives a plain tuple.

    Attributes:
        titles: The column headings: ``"Aspect"``, then each mission's acronym (or id).

    Example:
        >>> rows = Comparison([ComparisonRow(aspect="led by", left="Board of Peace", right="UN")], ("Aspect", "ISF", "UNIFIL"))
        >>> rows[0].left, rows.titles[1], rows == (ComparisonRow(aspect="led by", left="Board of Peace", right="UN"),)
        ('Board of Peace', 'ISF', True)
    """

    titles: tuple[str, str, str]

    def __new__(
        cls, rows: Iterable[ComparisonRow] = (), titles: tuple[str, str, str] = ("Aspect", "Left", "Right")
    ) -> Comparison:
        """Make a comparison of ``rows`` with the column headings ``titles``."""
        made = super().__new__(cls, rows)
        made.titles = titles
        return made

    def __getnewargs__(self) -> tuple[tuple[ComparisonRow, ...], tuple[str, str, str]]:
        return (tuple(self), self.titles)

    def _repr_html_(self) -> str:
        """The rows as an HTML table (`render_html`), which Jupyter shows."""
        return render_html(self, self.titles)


# --- describing one mission ---------------------------------------------------------------


def _words(value: str) -> str:
    return value.replace("_", " ")


def _name(mission: Mission, actor_id: str) -> str:
    try:
        return mission.actor(actor_id).name
    except KeyError:
        return actor_id


def _latest_mandates(mission: Mission) -> list[Mandate]:
    """The mandates, newest first by effective date; undated ones count as the oldest."""
    return latest_first(mission.mandates, effective_date)


_MOST_EARLIER = 3
"""How many earlier instruments ``authorised by`` names; the rest are counted."""
_MOST_FIGURES = 5
"""How many personnel figures of a kind a row lists, the latest first; the earlier ones are counted."""
_LONGEST_NOTE = 80
"""The longest note of a fatality count that the ``fatalities`` row shows (the summary shows every note)."""


def _label(mandate: Mandate) -> str:
    """The mandate's instruments ("S/RES/425 (1978) and S/RES/426 (1978)"), or what it is."""
    return str(mandate.authority)


def _instrument(mandate: Mandate) -> str:
    authority = mandate.authority
    text = str(authority) if authority.instruments else "instrument not recorded"
    if authority.adopted is not None:
        text += f", adopted {authority.adopted}"
    return text + (" (unconfirmed)" if mandate.unconfirmed else "")


def _authorised(mission: Mission) -> str:
    mandates = _latest_mandates(mission)
    if not mandates:
        return _NONE_RECORDED
    latest = mandates[0]
    authority = latest.authority
    text = f"{authority.body or _words(authority.kind.value)}: {_instrument(latest)}"
    earlier = [str(m.authority) for m in mandates[1:] if m.authority.instruments]
    if len(earlier) > _MOST_EARLIER:
        more = len(earlier) - _MOST_EARLIER
        text += f" (earlier: {', '.join(earlier[:_MOST_EARLIER])} and {more:,} more)"
    elif earlier:
        text += f" (earlier: {', '.join(earlier)})"
    return text


def _in_force(mission: Mission, on: PartialDate | None) -> Mandate | None:
    """The mandate in force on ``on``; for None, the latest recorded."""
    if on is None:
        mandates = _latest_mandates(mission)
        return mandates[0] if mandates else None
    return mission.mandate_on(on)


def _no_mandate(mission: Mission, on: PartialDate | None) -> str:
    return _NONE_RECORDED if on is None or not mission.mandates else f"no mandate in force on {on}"


def _chain(mission: Mission, on: PartialDate | None) -> str:
    mandate = _in_force(mission, on)
    if mandate is None:
        return _no_mandate(mission, on)
    chain = mandate_chain(mission.mandates, mandate)
    if len(chain) == 1:
        return f"{_label(mandate)}: not linked to an earlier mandate"
    first = chain[0]
    since = effective_date(first)
    renewals = len(chain) - 1
    plural = "s" if renewals != 1 else ""
    text = f"{len(chain):,} mandates since {_label(first)}" + (f" ({since})" if since is not None else "")
    text += f": {renewals:,} renewal{plural} or adjustment{plural}, the last {_label(mandate)}"
    start, end = effective_date(mandate), mandate.end
    if start is not None or end is not None:
        text += f" ({start or 'start not recorded'} to {end or 'no end recorded'})"
    return text + _renewed_unrecorded(mission, mandate, on)


def _renewed_unrecorded(mission: Mission, mandate: Mandate, on: PartialDate | None) -> str:
    """Words saying that the mandate had ended by ``on`` but a later link of its chain continues it."""
    if on is None or mandate.end is None or not certainly_before(mandate.end, on):
        return ""
    found, continued_by = mandate_in_force(mission.mandates, on)
    if found is not mandate or continued_by is None:
        return ""
    start = effective_date(continued_by)
    later = _label(continued_by) + (f" ({start})" if start is not None else "")
    return f"; ended before {on}, but its chain goes on to {later}: the renewals between are not recorded"


def _ceiling_in_force(mission: Mission, mandate: Mandate) -> Ceiling | None:
    return carried_over(mandate_chain(mission.mandates, mandate))[1]


def _ceiling(mission: Mission, on: PartialDate | None) -> str:
    mandate = _in_force(mission, on)
    if mandate is None:
        return _no_mandate(mission, on)
    ceiling = _ceiling_in_force(mission, mandate)
    if ceiling is None:
        return f"none recorded ({_label(mandate)})"
    setter = ceiling.set_by
    text = f"{ceiling} (set by {_label(setter)}"
    if setter.authority.adopted is not None:
        text += f", adopted {setter.authority.adopted}"
    if setter is not mandate:
        chain = mandate_chain(mission.mandates, mandate)
        kept = len(chain) - 1 - next(i for i, link in enumerate(chain) if link is setter)
        text += f"; kept by {kept:,} later mandate{'s' if kept != 1 else ''} to {_label(mandate)}"
    return text + ")" + (" (unconfirmed)" if setter.unconfirmed else "")


def _led_by(mission: Mission) -> str:
    return _NONE_RECORDED if mission.lead is None else _name(mission, mission.lead)


def _tasks(mission: Mission, on: PartialDate | None) -> str:
    """The tasks in force: those the mandate's chain carries over, or, for a mandate in no chain, its own."""
    mandates = [m for m in _latest_mandates(mission) if on is None or known_by(effective_date(m), on)]
    if not mandates:
        return _NONE_RECORDED
    latest = _in_force(mission, on)
    if latest is None:
        return _no_mandate(mission, on)
    label = latest.authority.instrument or "latest mandate"
    chain = mandate_chain(mission.mandates, latest)
    if len(chain) > 1:
        tasks = carried_over(chain)[0]
        label = _label(latest)
        if not tasks:
            return f"none listed along its chain ({label})"
        givers: dict[str, None] = {}
        for task in tasks:
            giver = next(link for link in reversed(chain) if task in link.tasks)
            givers[_label(giver)] = None
        listed = ", ".join(_words(task.value) for task in tasks)
        if list(givers) == [label]:
            return f"{listed} ({label})"
        return f"{listed} (in force under {label}; given by {'; '.join(givers)}; carried over)"
    if latest.tasks:
        return f"{', '.join(_words(task.value) for task in latest.tasks)} ({label})"
    with_tasks = next((m for m in mandates if m.tasks), None)
    if with_tasks is None:
        return f"none listed ({label})"
    earlier = with_tasks.authority.instrument or "an earlier mandate"
    return f"none listed in {label}; latest listed: {', '.join(_words(t.value) for t in with_tasks.tasks)} ({earlier})"


def _contributors(mission: Mission, status: ContributionStatus, on: PartialDate | None) -> str:
    claims = mission.latest_claims(status=status, on=on)
    if not claims:
        return _NONE_RECORDED
    absent = {
        (standing.contributor, standing.kind): standing.absent_from
        for standing in mission.standings(on)
        if standing.absent_from is not None
    }
    declined = status is ContributionStatus.DECLINED
    parts = []
    for claim in claims:
        text = f"{_name(mission, claim.contributor)}, {_words(claim.kind.value)}"
        if not (declined and claim.strength.is_unknown):
            text += f": {claim.strength}"
        details = [str(claim.as_of)] if claim.as_of is not None else []
        if claim.disputed:
            others = sorted({_words(c.status.value) for c in claim.disputed_by})
            details.append(f"disputed: also reported {', '.join(others)}")
        if all(record.unconfirmed for record in claim.records):
            details.append("unconfirmed")
        counted_on = absent.get((claim.contributor, claim.kind))
        if counted_on is not None and status is ContributionStatus.DEPLOYED:
            details.append(f"not in the count of {counted_on}: may have ended")
        if details:
            text += f" ({'; '.join(details)})"
        parts.append(text)
    if status.is_active and any(claim.kind.is_personnel for claim in claims):
        parts.append(f"total recorded: {mission.total_strength(status=status, on=on)}")
    return "; ".join(parts)


def _figures(mission: Mission, kind: FigureKind) -> str:
    figures = latest_first([figure for figure in mission.personnel if figure.kind is kind], lambda f: f.as_of)
    if not figures:
        return _NONE_RECORDED
    parts = [str(figure) + (" (unconfirmed)" if figure.unconfirmed else "") for figure in figures[:_MOST_FIGURES]]
    earlier = figures[_MOST_FIGURES:]
    if earlier:
        dated = [figure.as_of for figure in earlier if figure.as_of is not None]
        since = f", from {min(dated, key=lambda d: d.earliest())}" if dated else ""
        parts.append(f"{len(earlier):,} earlier figure{'s' if len(earlier) != 1 else ''} recorded{since}")
    return "; ".join(parts)


def _command_day(mission: Mission) -> PartialDate | None:
    starts = [a.start for a in mission.appointments if a.start is not None and a.disputes is None]
    return max(starts) if starts else None


def _term(mission: Mission, appointment: Appointment) -> str:
    """A holder with the details of the term: unit, start, acting, unconfirmed, disputed."""
    text = _name(mission, appointment.holder)
    if appointment.unit is not None:
        text = f"{appointment.unit}: {text}"
    details = [f"from {appointment.start}"] if appointment.start is not None else []
    if appointment.acting:
        details.append("acting")
    if appointment.unconfirmed:
        details.append("unconfirmed")
    if appointment.id is not None and any(other.disputes == appointment.id for other in mission.appointments):
        details.append("disputed: another account differs")
    return f"{text} ({', '.join(details)})" if details else text


def _holder(mission: Mission, post: Post, on: PartialDate | None) -> str:
    day = on or _command_day(mission)
    held: tuple[Appointment, ...]
    if day is None:
        undated = [a for a in mission.appointments if a.post is post and a.disputes is None]
        held = tuple(undated[-1:] if post.single_holder else undated)
    else:
        held = mission.holders_on(post, day)
    if not held:
        return _NONE_RECORDED
    return "; ".join(_term(mission, appointment) for appointment in held)


def _positions(mission: Mission, stance: Stance) -> str:
    parts = []
    for position in mission.positions_by(stance):
        details = [d for d in (f"on {position.subject}" if position.subject else None, str(position.date or "")) if d]
        if position.unconfirmed:
            details.append("unconfirmed")
        text = _name(mission, position.actor)
        if details:
            text += f" ({', '.join(details)})"
        parts.append(text)
    return "; ".join(parts) if parts else _NONE_RECORDED


def _disputed(record: Any, records: Iterable[Any]) -> str:
    """The words that mark an alternative account, or an account another disputes; else ""."""
    if record.disputes is not None:
        return " (disputed: an alternative account)"
    if record.id is not None and any(other.disputes == record.id for other in records):
        return " (disputed: another account differs)"
    return ""


def _budget(mission: Mission) -> str:
    if not mission.budgets:
        return _NONE_RECORDED
    latest = max(mission.budgets, key=lambda b: (b.start.earliest(), b.end.latest()))
    period = [b for b in mission.budgets if (b.start, b.end) == (latest.start, latest.end)]
    parts = []
    for budget in period:
        text = str(budget)
        details = [d for d in (budget.decided_by, None if budget.vote is None else f"vote: {budget.vote}") if d]
        if budget.decided is not None:
            details.append(f"decided {budget.decided}")
        if details:
            text += f" ({'; '.join(details)})"
        parts.append(text + _disputed(budget, mission.budgets))
    earlier = len(mission.budgets) - len(period)
    if earlier:
        first = min(mission.budgets, key=lambda b: b.start.earliest())
        parts.append(f"{earlier:,} earlier figure{'s' if earlier != 1 else ''} recorded, from {first.start}")
    return "; ".join(parts)


def _fatalities(mission: Mission) -> str:
    parts = []
    counts = mission.fatality_counts
    if counts:
        shown = latest_counts(counts)
        if not shown:  # undated counts cannot be placed in time: not one of them is the latest
            parts.append(f"{len(counts):,} reported {'count' if len(counts) == 1 else 'counts'}, none dated")
        for count in shown:
            text = str(count)
            if count.since is not None:
                text += f" since {count.since}"
            if count.note and len(count.note) <= _LONGEST_NOTE:
                text += f" ({count.note})"
            parts.append(text + _disputed(count, counts))
    if mission.fatalities:
        dates = sorted(f.date for f in mission.fatalities)
        parts.append(f"{len(mission.fatalities):,} deaths recorded one by one, {dates[0]} to {dates[-1]}")
    return "; ".join(parts) if parts else _NONE_RECORDED


def _events(mission: Mission) -> str:
    if not mission.events:
        return _NONE_RECORDED
    ordered = sorted(mission.events, key=lambda e: (e.date.earliest(), e.date.latest()))
    text = f"{len(ordered):,} event{'s' if len(ordered) != 1 else ''}, {ordered[0].date} to {ordered[-1].date}"
    unconfirmed = sum(1 for event in ordered if event.unconfirmed)
    alternatives = sum(1 for event in ordered if event.disputes is not None)
    details = [f"{unconfirmed:,} unconfirmed" if unconfirmed else ""]
    details.append(f"{alternatives:,} alternative account{'s' if alternatives != 1 else ''}" if alternatives else "")
    shown = [detail for detail in details if detail]
    return f"{text} ({', '.join(shown)})" if shown else text


def _coverage(mission: Mission) -> str:
    parts = []
    for topic in Topic:
        begin = data_begin(mission, topic)
        if begin is not None:
            parts.append(f"{_words(topic.value)} from {begin}")
    gaps = sum(1 for note in mission.coverage if note.status is CoverageStatus.MISSING)
    if gaps:
        parts.append(f"{gaps:,} gap{'s' if gaps != 1 else ''} noted")
    return "; ".join(parts) if parts else _NONE_RECORDED


_FLAGGED = (
    ("mandates", "mandate"),
    ("contributions", "contribution claim"),
    ("personnel", "personnel figure"),
    ("appointments", "appointment"),
    ("positions", "position"),
    ("fatality_counts", "fatality count"),
    ("budgets", "budget figure"),
    ("events", "event"),
)
"""The collections whose records may be unconfirmed, and what one record is called."""


def _unconfirmed_count(mission: Mission) -> int:
    return sum(1 for name, _ in _FLAGGED for record in getattr(mission, name) if record.unconfirmed)


def _unconfirmed(mission: Mission) -> str:
    parts = []
    for name, noun in _FLAGGED:
        count = sum(1 for record in getattr(mission, name) if record.unconfirmed)
        if count:
            parts.append(f"{count:,} {noun}{'s' if count != 1 else ''}")
    alternatives = sum(1 for name, _ in _FLAGGED for record in getattr(mission, name) if getattr(record, "disputes", None))
    if alternatives:
        parts.append(f"and {alternatives:,} alternative account{'s' if alternatives != 1 else ''} (disputed)")
    return ", ".join(parts) if parts else "none"


# --- comparing two ------------------------------------------------------------------------


def compare(a: Mission, b: Mission, on: DateLike | None = None) -> Comparison:
    """Compare two missions aspect by aspect.

    The rows, in order: ``mission`` (name, kind, status); ``authorised by`` (the body and
    instruments of the latest mandate, with the earlier instruments, the first three named);
    ``led by``; when either mission records a mandate, ``mandate chain`` (how many mandates the
    chain of the mandate in force holds, from which first one, and the last) and ``ceiling in
    force`` (`Mission.authorized_strength_on`: the ceiling carried along the chain, "about" when
    approximate, with the instrument that set it); ``mandate tasks`` (the tasks in force,
    carried along the chain as `Mission.tasks_on` finds them and saying which instruments gave
    them; for a mandate in no chain, its own tasks, or those of the latest mandate that lists
    tasks, saying so); ``contributors: <status>`` for each status that a current claim of either mission has (claims
    resolved as `missionmodel.claims` says: a pledge later declined is listed as declined only),
    listing each contributor's current claim per kind with its strength and date, marked when
    same-time reports dispute it, then the total of the personnel recorded (not the mission's
    full strength when only some contingents are recorded; declined, withdrawn and suspended
    claims get no total, and declined ones show no strength unless one was given); ``personnel: planned`` and
    ``personnel: actual`` when either mission records such figures (each figure as reported,
    newest first, the five latest; the earlier ones counted); ``command:
    <post>`` for the force commander, the deputy force commander and any other post either
    mission records, as of ``on`` or else the latest appointment's start (every holder of a post
    that takes several; acting holders, unconfirmed and disputed terms marked); ``positions:
    <stance>`` for each stance either mission records; then, when either mission records them,
    ``budget: latest`` (the figures of the latest fiscal period, each with its decision and vote),
    ``fatalities`` (the latest reported count, conflicting counts of the same date beside it,
    and the deaths recorded one by one), ``events`` (how many, the first and last dates, how
    many are unconfirmed or alternative accounts), ``data begin`` (where the data of each topic begin, see
    `missionmodel.coverage.data_begin`, and how many gaps are noted) and ``unconfirmed`` (how
    many records of each kind are unconfirmed, and how many are alternative accounts). A cell
    for which a mission records nothing reads ``none recorded``. Unconfirmed records are marked
    "unconfirmed", alternative accounts and the accounts they dispute "disputed".

    The comparison's own queries issue no `CoverageWarning`: where the data begin is a row.

    Args:
        a: The mission shown on the left.
        b: The mission shown on the right.
        on: Compare the missions as they stood on this date (see `Mission.as_of`); None for
            everything recorded.

    Returns:
        The rows, as a `Comparison` (a tuple of rows whose titles are ``"Aspect"`` and each
        mission's acronym, or id when it has none); in Jupyter, it shows as a table.

    Example:
        >>> from missionmodel import Contribution, ContributionKind, ContributionStatus, Mission, MissionKind, MissionStatus
        >>> from missionmodel import Strength
        >>> a = Mission(id="a", name="A", kind=MissionKind.STABILIZATION, status=MissionStatus.AUTHORIZED,
        ...             contributions=[Contribution(contributor="IDN", kind=ContributionKind.TROOPS,
        ...                                         status=ContributionStatus.PLEDGED, strength=Strength.at_most(8000),
        ...                                         as_of="2026-02-19")])
        >>> b = Mission(id="b", name="B", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE)
        >>> row = next(r for r in compare(a, b) if r.aspect == "contributors: pledged")
        >>> row.left
        'Indonesia, troops: up to 8,000 (2026-02-19); total recorded: up to 8,000'
        >>> row.right
        'none recorded'
    """
    when = None if on is None else date_argument(on)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CoverageWarning)
        return _compare(a, b, when)


def _compare(a: Mission, b: Mission, when: PartialDate | None) -> Comparison:
    titles = ("Aspect", a.acronym or a.id, b.acronym or b.id)
    # The mandate in force on a date, and what its chain carries, are asked of the whole record
    # (as Mission.authorized_strength_on answers): a renewal recorded later shows that the chain
    # went on. Everything else is asked of the missions as they stood then.
    full_a, full_b = a, b
    if when is not None:
        a, b = a.as_of(when), b.as_of(when)
    rows = [
        ComparisonRow(
            aspect="mission",
            left=f"{a.name}: {_words(a.kind.value)}, {_words(a.status.value)}",
            right=f"{b.name}: {_words(b.kind.value)}, {_words(b.status.value)}",
        ),
        ComparisonRow(aspect="authorised by", left=_authorised(a), right=_authorised(b)),
        ComparisonRow(aspect="led by", left=_led_by(a), right=_led_by(b)),
    ]
    if a.mandates or b.mandates:
        rows += [
            ComparisonRow(aspect="mandate chain", left=_chain(full_a, when), right=_chain(full_b, when)),
            ComparisonRow(aspect="ceiling in force", left=_ceiling(full_a, when), right=_ceiling(full_b, when)),
        ]
    rows.append(ComparisonRow(aspect="mandate tasks", left=_tasks(full_a, when), right=_tasks(full_b, when)))
    statuses = {claim.status for mission in (a, b) for claim in mission.latest_claims()}
    rows.extend(
        ComparisonRow(
            aspect=f"contributors: {_words(status.value)}",
            left=_contributors(a, status, when),
            right=_contributors(b, status, when),
        )
        for status in ContributionStatus
        if status in statuses
    )
    kinds = {figure.kind for figure in a.personnel + b.personnel}
    rows.extend(
        ComparisonRow(aspect=f"personnel: {kind.value}", left=_figures(a, kind), right=_figures(b, kind))
        for kind in FigureKind
        if kind in kinds
    )
    posts = {appointment.post for appointment in a.appointments + b.appointments}
    rows.extend(
        ComparisonRow(aspect=f"command: {_words(post.value)}", left=_holder(a, post, when), right=_holder(b, post, when))
        for post in Post
        if post in _COMMAND_POSTS or post in posts
    )
    stances = {position.stance for position in a.positions + b.positions}
    rows.extend(
        ComparisonRow(aspect=f"positions: {stance.value}", left=_positions(a, stance), right=_positions(b, stance))
        for stance in Stance
        if stance in stances
    )
    history = (
        ("budget: latest", "budgets", _budget),
        ("fatalities", "fatality_counts", _fatalities),
        ("events", "events", _events),
    )
    for aspect, collection, describe in history:
        also = ("fatalities",) if collection == "fatality_counts" else ()
        if any(getattr(mission, name) for mission in (a, b) for name in (collection, *also)):
            rows.append(ComparisonRow(aspect=aspect, left=describe(a), right=describe(b)))
    if a.coverage or b.coverage:
        rows.append(ComparisonRow(aspect="data begin", left=_coverage(a), right=_coverage(b)))
    if _unconfirmed_count(a) or _unconfirmed_count(b):
        rows.append(ComparisonRow(aspect="unconfirmed", left=_unconfirmed(a), right=_unconfirmed(b)))
    return Comparison(rows, titles)


# --- rendering ----------------------------------------------------------------------------


def _cells(row: ComparisonRow) -> tuple[str, str, str]:
    return (row.aspect, row.left, row.right)


def render_text(
    rows: Sequence[ComparisonRow], titles: tuple[str, str, str] = ("Aspect", "Left", "Right"), width: int = 48
) -> str:
    """Lay out rows as three plain-text columns, wrapping long cells.

    The aspect column is as wide as its longest entry; the two mission columns are wrapped to
    ``width`` characters. Rows are separated by a blank line.

    Args:
        rows: The rows, e.g. from `compare`.
        titles: The column headings: the aspect column's, then each mission's.
        width: The width of each mission column, at least 10.

    Returns:
        The text, ending in a newline.

    Raises:
        ValueError: If ``width`` is less than 10.

    Example:
        >>> rows = [ComparisonRow(aspect="led by", left="Board of Peace", right="UN Department of Peace Operations")]
        >>> print(render_text(rows, ("Aspect", "ISF", "UNIFIL"), width=20), end="")
        Aspect  ISF                   UNIFIL
        ------  --------------------  --------------------
        led by  Board of Peace        UN Department of
                                      Peace Operations
    """
    if width < 10:
        raise ValueError(f"width must be at least 10 (got {width})")
    first = max([len(titles[0])] + [len(row.aspect) for row in rows])
    widths = (first, width, width)

    def line(parts: Sequence[str]) -> str:
        return "  ".join(part.ljust(size) for part, size in zip(parts, widths, strict=True)).rstrip()

    out = [line(titles), line(["-" * size for size in widths])]
    for number, row in enumerate(rows):
        if number:
            out.append("")
        columns = [
            textwrap.wrap(cell, size, break_long_words=True, break_on_hyphens=False) or [""]
            for cell, size in zip(_cells(row), widths, strict=True)
        ]
        for index in range(max(len(column) for column in columns)):
            out.append(line([column[index] if index < len(column) else "" for column in columns]))
    return "\n".join(out) + "\n"


def _markdown_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def render_markdown(rows: Sequence[ComparisonRow], titles: tuple[str, str, str] = ("Aspect", "Left", "Right")) -> str:
    """Lay out rows as a Markdown (GitHub-flavoured) table.

    Pipes in cells are escaped and line breaks become ``<br>``.

    Args:
        rows: The rows, e.g. from `compare`.
        titles: The column headings: the aspect column's, then each mission's.

    Returns:
        The table, ending in a newline.

    Example:
        >>> rows = [ComparisonRow(aspect="led by", left="Board of Peace", right="UN Department of Peace Operations")]
        >>> print(render_markdown(rows, ("Aspect", "ISF", "UNIFIL")), end="")
        | Aspect | ISF | UNIFIL |
        | --- | --- | --- |
        | led by | Board of Peace | UN Department of Peace Operations |
    """
    lines = [
        "| " + " | ".join(_markdown_cell(title) for title in titles) + " |",
        "| --- | --- | --- |",
    ]
    lines.extend("| " + " | ".join(_markdown_cell(cell) for cell in _cells(row)) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def render_html(rows: Sequence[ComparisonRow], titles: tuple[str, str, str] = ("Aspect", "Left", "Right")) -> str:
    """Lay out rows as an HTML table, every text escaped; what Jupyter shows for a `Comparison`.

    In a notebook, the value of ``compare(a, b)`` is shown as this table; for a slice or any other
    sequence of rows, show it with ``IPython.display.HTML(render_html(rows, titles))``.

    Args:
        rows: The rows, e.g. from `compare`.
        titles: The column headings: the aspect column's, then each mission's.

    Returns:
        The table (a ``<table>`` element), ending in a newline.

    Example:
        >>> rows = [ComparisonRow(aspect="led by", left="Board of Peace", right="<UN> & partners")]
        >>> table = render_html(rows, ("Aspect", "ISF", "UNIFIL"))
        >>> table.splitlines()[0], ">&lt;UN&gt; &amp; partners</td>" in table
        ('<table class="missionmodel-comparison">', True)
    """
    import html  # imported on first use: `import missionmodel` stays quick

    left = ' style="text-align:left;vertical-align:top"'
    lines = [
        '<table class="missionmodel-comparison">',
        "<thead><tr>" + "".join(f"<th{left}>{html.escape(title)}</th>" for title in titles) + "</tr></thead>",
        "<tbody>",
    ]
    lines.extend(
        f"<tr><th{left}>{html.escape(row.aspect)}</th><td{left}>{_html_cell(row.left)}</td><td{left}>{_html_cell(row.right)}</td></tr>"
        for row in rows
    )
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines) + "\n"


def _html_cell(text: str) -> str:
    """A cell's text escaped; in a long one, each item of a list ("a; b") on a line of its own.

    Only the separators outside parentheses start a line: "(2026-02; disputed: ...)" stays whole.
    """
    import html

    if len(text) <= 80:
        return html.escape(text)
    parts, depth, start = [], 0, 0
    for index, character in enumerate(text):
        if character == "(":
            depth += 1
        elif character == ")":
            depth = max(0, depth - 1)
        elif character == ";" and depth == 0 and text.startswith("; ", index):
            parts.append(text[start:index])
            start = index + 2
    parts.append(text[start:])
    return "<br>".join(html.escape(part) for part in parts)
