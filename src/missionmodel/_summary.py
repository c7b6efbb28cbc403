"""Private: a mission described in a few lines of text (`Mission.summary`) or as an HTML table.

The summary is built once as sections of labelled rows (`Summary`); `text` and `html` lay the
same rows out. Every figure comes from the model's own answers: claims resolved by
`missionmodel.claims` (a pledge later declined is listed as declined, not as a pledge), the
mandate in force from `Mission.mandate_on`, the holders of posts from `Mission.holders_on`.
Uncertain strengths are written as `Strength` writes them, never as a made-up number.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from .appointment import Appointment, Post
from .contribution import ContributionStatus
from .countries import country_name, is_country_code
from .dates import DateLike, PartialDate
from .mandate import Mandate
from .personnel import FigureKind
from .position import Stance
from .timeline import certainly_before, date_argument, effective_date, latest_first

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


def _instrument(mandate: Mandate) -> str:
    authority = mandate.authority
    text = authority.instrument or "instrument not recorded"
    details = [authority.body or _words(authority.kind.value)]
    if authority.adopted is not None:
        details.append(f"adopted {authority.adopted}")
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
    rows: list[Row] = [("instrument", (_instrument(mandate),)), ("in force", (_period(mandate),))]
    if mandate.authorized_strength is not None:
        rows.append(("ceiling", (f"{mandate.authorized_strength} personnel",)))
    else:
        earlier = next((m for m in latest if m.authorized_strength is not None and m is not mandate and _older(m, mandate)), None)
        if earlier is None:
            rows.append(("ceiling", ("none recorded",)))
        else:
            named = earlier.authority.instrument or "an earlier mandate"
            ceiling = f"none given in this mandate; {named} authorised {earlier.authorized_strength} personnel"
            rows.append(("ceiling", (ceiling,)))
    if mandate.tasks:
        rows.append(("tasks", (", ".join(_words(task.value) for task in mandate.tasks),)))
    if mandate.restrictions:
        rows.append(("restrictions", ("; ".join(mandate.restrictions),)))
    return Section(title=title, rows=tuple(rows))


def _older(first: Mandate, second: Mandate) -> bool:
    """``first`` took effect before ``second`` (undated mandates count as the oldest)."""
    a, b = effective_date(first), effective_date(second)
    return b is not None and (a is None or a.earliest() <= b.earliest())


def _holders(mission: Mission, post: Post, day: PartialDate | None) -> tuple[Appointment, ...]:
    if day is not None:
        return mission.holders_on(post, day)
    undated = [a for a in mission.appointments if a.post is post]
    return tuple(undated[-1:] if post.single_holder else undated)


def _command(mission: Mission, day: PartialDate | None) -> Section:
    starts = [a.start for a in mission.appointments if a.start is not None]
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
        names = []
        for appointment in held:
            text = _name(mission, appointment.holder)
            if appointment.start is not None:
                text += f" (from {appointment.start})"
            names.append(text)
        rows.append((_words(post.value), ("; ".join(names) if names else "vacant or not recorded",)))
    return Section(title=title, rows=tuple(rows) or (("posts", ("none recorded",)),))


def _claim_text(claim: Claim, with_date: bool) -> str:
    declined = claim.status in (ContributionStatus.DECLINED, ContributionStatus.WITHDRAWN)
    text = _words(claim.kind.value)
    if not (declined and claim.strength.is_unknown):
        text += f": {claim.strength}"
    details = [str(claim.as_of)] if with_date and claim.as_of is not None else []
    if claim.disputed:
        others = sorted({_words(c.status.value) for c in claim.disputed_by})
        details.append(f"disputed: also reported {', '.join(others)}")
    return f"{text} ({'; '.join(details)})" if details else text


def _contributor_line(mission: Mission, contributor: str, claims: Sequence[Claim]) -> str:
    dates = {claim.as_of for claim in claims}
    shared = len(dates) == 1 and not any(claim.disputed for claim in claims)
    text = f"{_name(mission, contributor)}, " + "; ".join(_claim_text(claim, not shared) for claim in claims)
    date = next(iter(dates))
    return f"{text} ({date})" if shared and date is not None else text


def _contributors(mission: Mission, day: PartialDate | None) -> Section:
    from . import claims

    title = "Contributors (the current claim of each" + (f", on {day})" if day is not None else ")")
    by_status: dict[ContributionStatus, list[Claim]] = {}
    for standing in claims.standings(mission.contributions, day):
        for claim in standing.claims:
            by_status.setdefault(claim.status, []).append(claim)
    rows: list[Row] = []
    for status in ContributionStatus:
        found = by_status.get(status)
        if not found:
            continue
        grouped: dict[str, list[Claim]] = {}
        for claim in found:
            grouped.setdefault(claim.contributor, []).append(claim)
        head = _plural(len(grouped), "contributor")
        people = [claim for claim in found if claim.kind.is_personnel]
        if status.is_active and people:
            head += f"; personnel in all: {claims.total_strength(mission.contributions, status, on=day)}"
            unknown = sum(1 for claim in people if claim.strength.is_unknown)
            if unknown:
                head += f" ({unknown:,} of {len(people):,} give no number)"
        lines = [head] + [_contributor_line(mission, contributor, items) for contributor, items in grouped.items()]
        rows.append((_words(status.value), tuple(lines)))
    return Section(title=title, rows=tuple(rows) or (("contributors", ("none recorded",)),))


def _figures(mission: Mission, day: PartialDate | None) -> Section | None:
    """The latest figure of each kind (planned, actual) for each set of personnel counted."""
    rows: list[Row] = []
    for kind in FigureKind:
        counted = dict.fromkeys(frozenset(f.personnel) for f in mission.personnel if f.kind is kind)
        figures = [mission.personnel_figure(kind, on=day, personnel=personnel) for personnel in counted]
        lines = tuple(str(figure) for figure in figures if figure is not None)
        if lines:
            rows.append((kind.value, lines))
    return Section(title="Personnel figures (the latest of each)", rows=tuple(rows)) if rows else None


def _positions(mission: Mission, day: PartialDate | None) -> Section | None:
    rows: list[Row] = []
    for stance in Stance:
        lines = []
        for position in mission.positions_by(stance, on=day):
            details = [d for d in (f"on {position.subject}" if position.subject else "", str(position.date or "")) if d]
            text = _name(mission, position.actor)
            lines.append(f"{text} ({', '.join(details)})" if details else text)
        if lines:
            rows.append((stance.value, tuple(lines)))
    return Section(title="Positions", rows=tuple(rows)) if rows else None


def _records(mission: Mission, day: PartialDate | None) -> Section:
    counts = [
        ("sources", len(mission.sources)),
        ("mandates", len(mission.mandates)),
        ("contribution claims", len(mission.contributions)),
        ("appointments", len(mission.appointments)),
        ("positions", len(mission.positions)),
        ("fatalities", len(mission.fatalities)),
        ("sites", len(mission.sites)),
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
    dated += [(s.as_of, "its first site") for s in mission.sites]
    found = [(date, what) for date, what in dated if date is not None]
    return min(found, key=lambda item: item[0].earliest()) if found else None


# --- the whole --------------------------------------------------------------------------------


def summarise(mission: Mission, on: DateLike | None = None) -> Summary:
    """Describe ``mission`` as it stood on ``on`` (everything recorded when None)."""
    day = None if on is None else date_argument(on)
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
    sections = [
        Section(title="Mission", rows=_profile(view)),
        _mandate(mission, day),
        _command(mission, day),
        _contributors(view, day),
        _figures(mission, day),
        _positions(view, day),
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
