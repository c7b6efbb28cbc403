"""Private: a mission described in a few lines of text (`Mission.summary`) or as an HTML table.

The summary is built once as sections of labelled rows (`Summary`); `text` and `html` lay the
same rows out. Every figure comes from the model's own answers: claims resolved by
`missionmodel.claims` (a pledge later declined is listed as declined, not as a pledge), the
mandate in force from `Mission.mandate_on` and what its chain carries over (tasks, ceiling) from
`missionmodel.timeline`, the holders of posts from `Mission.holders_on`. Uncertain strengths are
written as `Strength` writes them, never as a made-up number. Records are marked as they are:
``unconfirmed``, ``acting``, and ``disputed`` for an alternative account and the account it
contradicts. The summary's own queries issue no `CoverageWarning`: a date before the data of a
topic begin, or in a gap, is said in a note instead.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .appointment import Appointment, Post
from .budget import Budget
from .contribution import ContributionStatus
from .countries import country_name, is_country_code
from .coverage import outside_on
from .dates import DateLike, PartialDate
from .exceptions import CoverageWarning
from .fatality import latest_counts
from .mandate import Mandate
from .personnel import FigureKind
from .position import Stance
from .timeline import (
    carried_over,
    certainly_before,
    date_argument,
    effective_date,
    latest_first,
    mandate_chain,
    mandate_in_force,
)

if TYPE_CHECKING:  # pragma: no cover
    from .claims import Claim
    from .mission import Mission

Row = tuple[str, tuple[str, ...]]
"""A label and its lines (at least one)."""


@attrs.frozen(slots=True, kw_only=True)
class Section:
    """A heading and its rows."""

    title: str
    rows: tuple[Row, ...]


@attrs.frozen(slots=True, kw_only=True)
class Summary:
    """A mission described: a title, a line under it, notes, and sections of rows."""

    title: str
    subtitle: str
    notes: tuple[str, ...]
    sections: tuple[Section, ...]


def _words(value: str) -> str:
    return value.replace("_", " ")


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def _name(mission: Mission, actor_id: str) -> str:
    try:
        return mission.actor(actor_id).name
    except KeyError:
        return actor_id


def _country(code: str) -> str:
    return f"{country_name(code)} ({code})" if is_country_code(code) else code


def _with(text: str, details: Iterable[str], separator: str = ", ") -> str:
    """``text (a, b)``, or ``text`` when there are no details."""
    shown = [detail for detail in details if detail]
    return f"{text} ({separator.join(shown)})" if shown else text


def _dispute(record: Any, records: Iterable[Any]) -> str:
    """The words that mark an alternative account, or an account that another disputes; else ""."""
    if getattr(record, "disputes", None) is not None:
        return "disputed: an alternative account"
    record_id = getattr(record, "id", None)
    if record_id is not None and any(getattr(other, "disputes", None) == record_id for other in records):
        return "disputed: another account differs"
    return ""


def _flags(record: Any, records: Iterable[Any] = ()) -> list[str]:
    """What marks a record: unconfirmed, disputed."""
    return ["unconfirmed" if getattr(record, "unconfirmed", False) else "", _dispute(record, records)]


# --- the parts -------------------------------------------------------------------------------


def _profile(mission: Mission) -> tuple[Row, ...]:
    rows: list[Row] = []
    if mission.lead is not None:
        rows.append(("led by", (_name(mission, mission.lead),)))
    if mission.area is not None:
        rows.append(("area", (mission.area,)))
    if mission.countries:
        rows.append(("countries", (", ".join(_country(code) for code in mission.countries),)))
    if mission.headquarters is not None:
        rows.append(("headquarters", (str(mission.headquarters),)))
    dates = []
    if mission.established is not None:
        dates.append(f"established {mission.established}")
    if mission.ended is not None:
        dates.append(f"ended {mission.ended}")
    if dates:
        rows.append(("dates", (", ".join(dates),)))
    return tuple(rows)


def _label(mandate: Mandate) -> str:
    """The mandate's instruments ("S/RES/425 (1978) and S/RES/426 (1978)"), or what it is."""
    return str(mandate.authority)


def _instrument(mandate: Mandate) -> str:
    authority = mandate.authority
    text = str(authority) if authority.instruments else "instrument not recorded"
    details = [authority.body or _words(authority.kind.value)]
    if authority.adopted is not None:
        details.append(f"adopted {authority.adopted}")
    if mandate.unconfirmed:
        details.append("unconfirmed")
    return f"{text} ({', '.join(details)})"


def _period(mandate: Mandate) -> str:
    start = effective_date(mandate)
    text = f"from {start}" if start is not None else "from a date not recorded"
    return f"{text} to {mandate.end}" if mandate.end is not None else f"{text}, no end recorded"


def _mandate(mission: Mission, day: PartialDate | None) -> Section:
    known = mission.mandates if day is None else mission.as_of(day).mandates
    latest = latest_first(known, effective_date)
    if day is None:
        title = "Mandate (the latest recorded)"
        mandate = latest[0] if latest else None
    else:
        title = f"Mandate in force on {day}"
        mandate = mission.mandate_on(day)
    if mandate is None:
        if not latest:
            found = "none recorded" if day is None or not mission.mandates else f"none recorded by {day}"
            return Section(title=title, rows=(("mandate", (found,)),))
        before = latest[0]
        return Section(
            title=title,
            rows=(("mandate", ("none in force", f"the latest before: {_instrument(before)}, {_period(before)}")),),
        )
    rows: list[Row] = [("instrument", (_instrument(mandate),))]
    if mandate.authority.vote is not None:
        rows.append(("vote", (str(mandate.authority.vote),)))
    rows.append(("in force", (_period(mandate), *_renewed_unrecorded(mission, mandate, day))))
    chain = mandate_chain(mission.mandates, mandate)
    if len(chain) > 1:
        rows.append(("chain", _chain(chain)))
        rows.append(("ceiling", (_chain_ceiling(chain),)))
        tasks = carried_over(chain)[0]
        if tasks:
            rows.append(("tasks", (", ".join(_words(task.value) for task in tasks), _carried(mandate))))
        elif mandate.drops:
            rows.append(("tasks", ("none left", _carried(mandate))))
    else:
        rows.append(("ceiling", (_ceiling(mandate, latest),)))
        if mandate.tasks:
            rows.append(("tasks", (", ".join(_words(task.value) for task in mandate.tasks),)))
    if mandate.restrictions:
        rows.append(("restrictions", ("; ".join(mandate.restrictions),)))
    return Section(title=title, rows=tuple(rows))


def _renewed_unrecorded(mission: Mission, mandate: Mandate, day: PartialDate | None) -> tuple[str, ...]:
    """A line saying that the mandate had ended by ``day`` but a later link of its chain continues it."""
    if day is None or mandate.end is None or not certainly_before(mandate.end, day):
        return ()
    found, continued_by = mandate_in_force(mission.mandates, day)
    if found is not mandate or continued_by is None:
        return ()
    start = effective_date(continued_by)
    later = _label(continued_by) + (f" ({start})" if start is not None else "")
    return (f"ended before {day}, but its chain goes on to {later}: the renewals between are not recorded",)


def _ceiling(mandate: Mandate, latest: Sequence[Mandate]) -> str:
    """The ceiling of a mandate in no chain: its own, or one an earlier mandate set, said as such."""
    if mandate.authorized_strength is not None:
        return f"{'about ' if mandate.approximate else ''}{mandate.authorized_strength} personnel"
    earlier = next((m for m in latest if m.authorized_strength is not None and m is not mandate and _older(m, mandate)), None)
    if earlier is None:
        return "none recorded"
    named = earlier.authority.instrument or "an earlier mandate"
    about = "about " if earlier.approximate else ""
    return f"none given in this mandate; {named} authorised {about}{earlier.authorized_strength} personnel"


def _chain(chain: Sequence[Mandate]) -> tuple[str, ...]:
    """The chain of the mandate in force (the last of ``chain``): how long, from where, what it follows."""
    first, previous = chain[0], chain[-2]
    renewals = len(chain) - 1
    since = effective_date(first)
    head = f"{renewals:,} renewal{'s' if renewals != 1 else ''} or adjustment{'s' if renewals != 1 else ''}"
    head += f" since {_label(first)}" + (f" ({since})" if since is not None else "")
    return (head, f"it follows {_label(previous)} ({_period(previous)})")


def _chain_ceiling(chain: Sequence[Mandate]) -> str:
    ceiling = carried_over(chain)[1]
    if ceiling is None:
        return "none recorded along its chain"
    text = f"{ceiling} personnel"
    if ceiling.set_by is chain[-1]:
        return text
    kept = len(chain) - 1 - next(index for index, link in enumerate(chain) if link is ceiling.set_by)
    return f"{text}, set by {_label(ceiling.set_by)} and kept by {kept:,} later mandate{'s' if kept != 1 else ''}"


def _carried(mandate: Mandate) -> str:
    """What a link of a chain does to the tasks it carries over."""
    changes = []
    if mandate.tasks:
        changes.append("adds " + ", ".join(_words(task.value) for task in mandate.tasks))
    if mandate.drops:
        changes.append("drops " + ", ".join(_words(task.value) for task in mandate.drops))
    if not changes:
        return "carried over along its chain; this mandate lists none of its own"
    return "carried over along its chain; this mandate " + " and ".join(changes)


def _older(first: Mandate, second: Mandate) -> bool:
    """``first`` took effect before ``second`` (undated mandates count as the oldest)."""
    a, b = effective_date(first), effective_date(second)
    return b is not None and (a is None or a.earliest() <= b.earliest())


def _holders(mission: Mission, post: Post, day: PartialDate | None) -> tuple[Appointment, ...]:
    if day is not None:
        return mission.holders_on(post, day)
    undated = [a for a in mission.appointments if a.post is post and a.disputes is None]
    return tuple(undated[-1:] if post.single_holder else undated)


def _term(mission: Mission, appointment: Appointment, with_start: bool = True) -> str:
    """A holder with the details of the term: unit, start, acting, unconfirmed, disputed."""
    text = _name(mission, appointment.holder)
    if appointment.unit is not None:
        text = f"{appointment.unit}: {text}"
    details = [f"from {appointment.start}" if with_start and appointment.start is not None else ""]
    if not with_start:
        details.append(f"{appointment.start or 'start not recorded'} to {appointment.end or 'end not recorded'}")
    details.append("acting" if appointment.acting else "")
    return _with(text, details + _flags(appointment, mission.appointments))


def _command(mission: Mission, day: PartialDate | None) -> Section:
    starts = [a.start for a in mission.appointments if a.start is not None and a.disputes is None]
    when = day if day is not None else (max(starts) if starts else None)
    if day is not None:
        title = f"Command on {day}"
    elif when is not None:
        title = f"Command (the holders on {when}, the latest appointment recorded)"
    else:
        title = "Command"
    rows: list[Row] = []
    for post in Post:
        if not any(a.post is post for a in mission.appointments):
            continue
        held = _holders(mission, post, when)
        names = [_term(mission, appointment) for appointment in held]
        others = [
            f"another account: {_term(mission, other, with_start=False)}"
            for appointment in held
            if appointment.id is not None
            for other in mission.appointments
            if other.disputes == appointment.id
        ]
        rows.append((_words(post.value), ("; ".join(names) if names else "vacant or not recorded", *others)))
    return Section(title=title, rows=tuple(rows) or (("posts", ("none recorded",)),))


def _claim_text(claim: Claim, with_date: bool, absent_from: PartialDate | None = None) -> str:
    declined = claim.status in (ContributionStatus.DECLINED, ContributionStatus.WITHDRAWN)
    text = _words(claim.kind.value)
    if not (declined and claim.strength.is_unknown):
        text += f": {claim.strength}"
    details = [str(claim.as_of)] if with_date and claim.as_of is not None else []
    if claim.disputed:
        others = sorted({_words(c.status.value) for c in claim.disputed_by})
        details.append(f"disputed: also reported {', '.join(others)}")
    if _unconfirmed_claim(claim):
        details.append("unconfirmed")
    if absent_from is not None and claim.status is ContributionStatus.DEPLOYED:
        details.append(f"not in the count of {absent_from}: may have ended, counted from 0")
    return f"{text} ({'; '.join(details)})" if details else text


def _unconfirmed_claim(claim: Claim) -> bool:
    """A claim is unconfirmed when every report it rests on is."""
    return all(record.unconfirmed for record in claim.records)


def _contributor_line(
    mission: Mission, contributor: str, claims: Sequence[Claim], absent: dict[int, PartialDate] | None = None
) -> str:
    absent = absent or {}
    dates = {claim.as_of for claim in claims}
    shared = len(dates) == 1 and not any(claim.disputed or _unconfirmed_claim(claim) or id(claim) in absent for claim in claims)
    text = f"{_name(mission, contributor)}, " + "; ".join(
        _claim_text(claim, not shared, absent.get(id(claim))) for claim in claims
    )
    date = next(iter(dates))
    return f"{text} ({date})" if shared and date is not None else text


def _contributors(mission: Mission, day: PartialDate | None) -> Section:
    from . import claims

    title = "Contributors (the current claim of each" + (f", on {day})" if day is not None else ")")
    by_status: dict[ContributionStatus, list[Claim]] = {}
    absent: dict[int, PartialDate] = {}
    for standing in claims.standings(mission.contributions, day):
        for claim in standing.claims:
            by_status.setdefault(claim.status, []).append(claim)
            if standing.absent_from is not None:
                absent[id(claim)] = standing.absent_from
    rows: list[Row] = []
    for status in ContributionStatus:
        found = by_status.get(status)
        if not found:
            continue
        grouped: dict[str, list[Claim]] = {}
        for claim in found:
            grouped.setdefault(claim.contributor, []).append(claim)
        head = _plural(len(grouped), "contributor")
        stale = {claim.contributor for claim in found if id(claim) in absent}
        if stale:
            counted_on = next(absent[id(claim)] for claim in found if id(claim) in absent)
            head += f" ({len(stale):,} not in the count of {counted_on})"
        people = [claim for claim in found if claim.kind.is_personnel]
        if status.is_active and people:
            head += f"; personnel in all: {claims.total_strength(mission.contributions, status, on=day)}"
            unknown = sum(1 for claim in people if claim.strength.is_unknown)
            if unknown:
                head += f" ({unknown:,} of {len(people):,} {'claim gives' if len(people) == 1 else 'claims give'} no number)"
        lines = [head] + [_contributor_line(mission, contributor, items, absent) for contributor, items in grouped.items()]
        rows.append((_words(status.value), tuple(lines)))
    return Section(title=title, rows=tuple(rows) or (("contributors", ("none recorded",)),))


def _figures(mission: Mission, day: PartialDate | None) -> Section | None:
    """The latest figure of each kind (planned, actual) for each set of personnel counted."""
    rows: list[Row] = []
    for kind in FigureKind:
        counted = dict.fromkeys(frozenset(f.personnel) for f in mission.personnel if f.kind is kind)
        figures = [mission.personnel_figure(kind, on=day, personnel=personnel) for personnel in counted]
        lines = tuple(_with(str(figure), _flags(figure)) for figure in figures if figure is not None)
        if lines:
            rows.append((kind.value, lines))
    return Section(title="Personnel figures (the latest of each)", rows=tuple(rows)) if rows else None


def _positions(mission: Mission, day: PartialDate | None) -> Section | None:
    rows: list[Row] = []
    for stance in Stance:
        lines = []
        for position in mission.positions_by(stance, on=day):
            details = [f"on {position.subject}" if position.subject else "", str(position.date or ""), *_flags(position)]
            lines.append(_with(_name(mission, position.actor), details))
        if lines:
            rows.append((stance.value, tuple(lines)))
    return Section(title="Positions", rows=tuple(rows)) if rows else None


_LAST_EVENTS = 5
"""How many of the latest events the summary lists."""

_FLAGGED = ("mandates", "contributions", "personnel", "appointments", "positions", "fatality_counts", "budgets", "events")
"""The collections whose records may be unconfirmed."""


def _amount(budget: Budget) -> str:
    if budget.amount is None:
        return "amount not reported"
    about = "about " if budget.approximate else ""
    return f"{about}{budget.currency} {budget.amount:,}{' net' if budget.net else ''}"


def _budgets(mission: Mission) -> Section | None:
    """The figures of the latest fiscal period recorded, each with its decision and vote."""
    if not mission.budgets:
        return None
    latest = max(mission.budgets, key=lambda b: (b.start.earliest(), b.end.latest()))
    period = [b for b in mission.budgets if (b.start, b.end) == (latest.start, latest.end)]
    rows: list[Row] = []
    for kind in dict.fromkeys(b.kind for b in period):
        lines = []
        for budget in (b for b in period if b.kind is kind):
            decided = f"decided {budget.decided}" if budget.decided is not None else ""
            vote = f"vote: {budget.vote}" if budget.vote is not None else ""
            details = [budget.decided_by or "", decided, vote, *_flags(budget, mission.budgets)]
            lines.append(_with(_amount(budget), details, "; "))
        rows.append((kind.value, tuple(lines)))
    starts = sorted({b.start for b in mission.budgets}, key=lambda d: d.earliest())
    periods = len({(b.start, b.end) for b in mission.budgets})
    rows.append(("recorded", (f"{_plural(len(mission.budgets), 'figure')} for {_plural(periods, 'period')}, from {starts[0]}",)))
    return Section(title=f"Budget (the latest period recorded: {latest.start} to {latest.end})", rows=tuple(rows))


def _fatalities(mission: Mission) -> Section | None:
    """The latest reported count of the dead (and the counts of that date that conflict), and the records one by one."""
    rows: list[Row] = []
    counts = mission.fatality_counts
    if counts:
        shown = latest_counts(counts)  # an undated count cannot be placed in time: never the latest
        lines = [] if shown else [f"none dated ({_plural(len(counts), 'reported count')} with no date)"]
        for count in shown:
            text = f"{'about ' if count.approximate else ''}{count.count:,} dead" + (
                f" as of {count.as_of}" if count.as_of is not None else ", date not reported"
            )
            if count.since is not None:
                text += f" since {count.since}"
            lines.append(_with(text, [count.note or "", *_flags(count, counts)], "; "))
        rows.append(("latest count", tuple(lines)))
        if shown and len(counts) > len(shown):
            undated = sum(1 for c in counts if c.as_of is None)
            rows.append(
                ("counts", (f"{len(counts):,} reported counts recorded" + (f", {undated:,} with no date" if undated else ""),))
            )
    if mission.fatalities:
        dates = sorted(f.date for f in mission.fatalities)
        rows.append(("one by one", (f"{_plural(len(mission.fatalities), 'death')} recorded, {dates[0]} to {dates[-1]}",)))
    return Section(title="Fatalities", rows=tuple(rows)) if rows else None


def _events(mission: Mission) -> Section | None:
    """The last few events, newest last."""
    if not mission.events:
        return None
    ordered = sorted(mission.events, key=lambda e: (e.date.earliest(), e.date.latest()))
    shown = ordered[-_LAST_EVENTS:]
    rows: list[Row] = []
    for event in shown:
        text = event.summary if event.kind is None else f"{_words(event.kind.value)}: {event.summary}"
        place = event.place.name if event.place is not None else ""
        rows.append((str(event.date), (_with(text, [place, *_flags(event, mission.events)]),)))
    if len(ordered) > len(shown):
        title = f"Events (the last {len(shown)} of {len(ordered):,}, from {ordered[0].date})"
    else:
        title = "Events"
    return Section(title=title, rows=tuple(rows))


def _coverage(mission: Mission) -> Section | None:
    """The coverage notes, by topic: what is known (and from when), missing, unconfirmed."""
    if not mission.coverage:
        return None
    grouped: dict[str, list[str]] = {}
    for note in mission.coverage:
        label = "whole dataset" if note.topic is None else _words(note.topic.value)
        when = ""
        if note.start is not None or note.end is not None:
            when = f" {note.start or '...'} to {note.end or '...'}"
            if note.end is None:
                when = f" from {note.start}"
            elif note.start is None:
                when = f" to {note.end}"
        grouped.setdefault(label, []).append(f"{note.status.value}{when}: {note.text}")
    return Section(title="Coverage of the data", rows=tuple((label, tuple(lines)) for label, lines in grouped.items()))


def _coverage_notes(mission: Mission, day: PartialDate) -> list[str]:
    """Notes for a date before the data of a topic begin, or in a gap that a coverage note marks."""
    # The rule of the queries' warnings (`missionmodel.coverage.outside_on`).
    outside, gaps = outside_on(mission, day)
    begins = [f"{_words(topic.value)} ({begin})" for topic, begin in outside]
    notes = []
    if begins:
        notes.append(
            f"Note: {day} is before the data on {', '.join(begins)} begin:"
            " what is not shown then was not recorded, not known to be absent."
        )
    notes.extend(f"Note: {day} falls in a gap of the data: {note.text}" for note in gaps)
    return notes


def _flagged(mission: Mission) -> Iterable[Any]:
    return (record for name in _FLAGGED for record in getattr(mission, name))


def _records(mission: Mission, day: PartialDate | None) -> Section:
    counts = [
        ("sources", len(mission.sources)),
        ("mandates", len(mission.mandates)),
        ("contribution claims", len(mission.contributions)),
        ("appointments", len(mission.appointments)),
        ("positions", len(mission.positions)),
        ("fatalities", len(mission.fatalities)),
        ("fatality counts", len(mission.fatality_counts)),
        ("budget figures", len(mission.budgets)),
        ("events", len(mission.events)),
        ("sites", len(mission.sites)),
        ("coverage notes", len(mission.coverage)),
        ("unconfirmed", sum(1 for record in _flagged(mission) if record.unconfirmed)),
        ("alternative accounts", sum(1 for record in _flagged(mission) if getattr(record, "disputes", None) is not None)),
    ]
    title = "Records" if day is None else "Records (of all dates)"
    return Section(title=title, rows=tuple((name, (f"{count:,}",)) for name, count in counts if count or name == "sources"))


def _first_date(mission: Mission) -> tuple[PartialDate, str] | None:
    """The earliest date the mission's records give, and what it is the date of."""
    dated: list[tuple[PartialDate | None, str]] = [(mission.established, "when it was established")]
    dated += [(effective_date(m), "its first mandate") for m in mission.mandates]
    dated += [(c.as_of, "its first contribution claim") for c in mission.contributions]
    dated += [(a.start, "its first appointment") for a in mission.appointments]
    dated += [(f.as_of, "its first personnel figure") for f in mission.personnel]
    dated += [(p.date, "its first position") for p in mission.positions]
    dated += [(f.date, "its first fatality") for f in mission.fatalities]
    dated += [(c.as_of, "its first fatality count") for c in mission.fatality_counts]
    dated += [(b.start, "its first budget") for b in mission.budgets]
    dated += [(e.date, "its first event") for e in mission.events]
    dated += [(s.as_of, "its first site") for s in mission.sites]
    found = [(date, what) for date, what in dated if date is not None]
    return min(found, key=lambda item: item[0].earliest()) if found else None


# --- the whole --------------------------------------------------------------------------------


def summarise(mission: Mission, on: DateLike | None = None) -> Summary:
    """Describe ``mission`` as it stood on ``on`` (everything recorded when None).

    The queries it makes issue no `CoverageWarning`; a date before the data begin, or in a
    gap, is said in the summary's notes.
    """
    day = None if on is None else date_argument(on)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CoverageWarning)
        return _summarise(mission, day)


def _summarise(mission: Mission, day: PartialDate | None) -> Summary:
    view = mission if day is None else mission.as_of(day)
    title = f"{mission.acronym}: {mission.name}" if mission.acronym and mission.acronym != mission.name else mission.name
    subtitle = f"{_words(view.kind.value)}, {_words(view.status.value)}"
    if day is not None:
        subtitle += f"; as it stood on {day}"
    notes = []
    if day is not None:
        first = _first_date(mission)
        if first is not None and certainly_before(day, first[0]):
            notes.append(
                f"Note: {day} is before this mission's records begin ({first[0]}, {first[1]}): little or nothing was known then."
            )
        elif mission.established is not None and certainly_before(day, mission.established):
            notes.append(f"Note: {day} is before the mission was established ({mission.established}).")
        if first is None or not certainly_before(day, first[0]):
            notes.extend(_coverage_notes(mission, day))
    sections = [
        Section(title="Mission", rows=_profile(view)),
        _mandate(mission, day),
        _command(mission, day),
        _contributors(view, day),
        _figures(mission, day),
        _positions(view, day),
        _budgets(view),
        _fatalities(view),
        _events(view),
        _coverage(mission),
        _records(mission, day),
    ]
    return Summary(
        title=title,
        subtitle=subtitle,
        notes=tuple(notes),
        sections=tuple(section for section in sections if section is not None and section.rows),
    )


def text(summary: Summary) -> str:
    """Lay a summary out as plain text: a heading per section, labels in a column."""
    out = [summary.title, summary.subtitle, *summary.notes]
    for section in summary.sections:
        out += ["", section.title]
        width = max(len(label) for label, _ in section.rows)
        for label, lines in section.rows:
            out.append(f"  {label.ljust(width)}  {lines[0]}".rstrip())
            out.extend(f"  {'':{width}}    {line}" for line in lines[1:])
    return "\n".join(out) + "\n"


def _cell(lines: Iterable[str]) -> str:
    return "<br>".join(html.escape(line) for line in lines)


def to_html(summary: Summary) -> str:
    """Lay a summary out as one HTML table, for Jupyter; every text escaped."""
    parts = [
        '<table class="missionmodel-summary">',
        f'<caption style="text-align:left"><strong>{html.escape(summary.title)}</strong>'
        f"<br>{html.escape(summary.subtitle)}"
        + "".join(f"<br><em>{html.escape(note)}</em>" for note in summary.notes)
        + "</caption>",
    ]
    for section in summary.sections:
        parts.append(f'<tr><th colspan="2" style="text-align:left">{html.escape(section.title)}</th></tr>')
        parts.extend(
            f'<tr><td style="text-align:left">{html.escape(label)}</td><td style="text-align:left">{_cell(lines)}</td></tr>'
            for label, lines in section.rows
        )
    parts.append("</table>")
    return "\n".join(parts)
