"""Side-by-side comparison of two missions, aspect by aspect.

`compare` answers the questions analysts ask of two missions (who authorised them, who leads
them, what their latest mandates task them with, who contributes what in which status, who
commands them, where stakeholders stand) as rows of plain text; `render_text` and
`render_markdown` lay the rows out as columns or as a Markdown table, and `render_html` as an
HTML table. `compare` returns a `Comparison`: a tuple of rows that Jupyter shows as that table.
Uncertain strengths are shown as `Strength` prints them (``up to 8,000``, ``unknown``), never as a
made-up number.

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
from collections.abc import Iterable, Sequence

import attrs

from .appointment import Appointment, Post
from .contribution import ContributionStatus
from .dates import DateLike, PartialDate
from .mandate import Mandate
from .mission import Mission
from .personnel import FigureKind
from .position import Stance
from .timeline import date_argument, effective_date, latest_first

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


def _instrument(mandate: Mandate) -> str:
    authority = mandate.authority
    text = authority.instrument or "instrument not recorded"
    if authority.adopted is not None:
        text += f", adopted {authority.adopted}"
    return text


def _authorised(mission: Mission) -> str:
    mandates = _latest_mandates(mission)
    if not mandates:
        return _NONE_RECORDED
    latest = mandates[0]
    authority = latest.authority
    text = f"{authority.body or _words(authority.kind.value)}: {_instrument(latest)}"
    earlier = [m.authority.instrument for m in mandates[1:] if m.authority.instrument]
    if earlier:
        text += f" (earlier: {', '.join(earlier)})"
    return text


def _led_by(mission: Mission) -> str:
    return _NONE_RECORDED if mission.lead is None else _name(mission, mission.lead)


def _tasks(mission: Mission) -> str:
    mandates = _latest_mandates(mission)
    if not mandates:
        return _NONE_RECORDED
    latest = mandates[0]
    label = latest.authority.instrument or "latest mandate"
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
        if details:
            text += f" ({'; '.join(details)})"
        parts.append(text)
    if status.is_active and any(claim.kind.is_personnel for claim in claims):
        parts.append(f"total recorded: {mission.total_strength(status=status, on=on)}")
    return "; ".join(parts)


def _figures(mission: Mission, kind: FigureKind) -> str:
    figures = [figure for figure in mission.personnel if figure.kind is kind]
    if not figures:
        return _NONE_RECORDED
    return "; ".join(str(figure) for figure in latest_first(figures, lambda f: f.as_of))


def _command_day(mission: Mission) -> PartialDate | None:
    starts = [a.start for a in mission.appointments if a.start is not None]
    return max(starts) if starts else None


def _holder(mission: Mission, post: Post, on: PartialDate | None) -> str:
    day = on or _command_day(mission)
    held: tuple[Appointment, ...]
    if day is None:
        undated = [a for a in mission.appointments if a.post is post]
        held = tuple(undated[-1:] if post.single_holder else undated)
    else:
        held = mission.holders_on(post, day)
    if not held:
        return _NONE_RECORDED
    parts = []
    for appointment in held:
        text = _name(mission, appointment.holder)
        if appointment.start is not None:
            text += f" (from {appointment.start})"
        parts.append(text)
    return "; ".join(parts)


def _positions(mission: Mission, stance: Stance) -> str:
    parts = []
    for position in mission.positions_by(stance):
        details = [d for d in (f"on {position.subject}" if position.subject else None, str(position.date or "")) if d]
        text = _name(mission, position.actor)
        if details:
            text += f" ({', '.join(details)})"
        parts.append(text)
    return "; ".join(parts) if parts else _NONE_RECORDED


# --- comparing two ------------------------------------------------------------------------


def compare(a: Mission, b: Mission, on: DateLike | None = None) -> Comparison:
    """Compare two missions aspect by aspect.

    The rows, in order: ``mission`` (name, kind, status); ``authorised by`` (the body and
    instrument of the latest mandate, with the earlier instruments); ``led by``; ``mandate
    tasks`` (of the latest mandate, or of the latest one that lists tasks, saying so);
    ``contributors: <status>`` for each status that a current claim of either mission has (claims
    resolved as `missionmodel.claims` says: a pledge later declined is listed as declined only),
    listing each contributor's current claim per kind with its strength and date, marked when
    same-time reports dispute it, then the total of the personnel recorded (not the mission's
    full strength when only some contingents are recorded; declined, withdrawn and suspended
    claims get no total, and declined ones show no strength unless one was given); ``personnel: planned`` and
    ``personnel: actual`` when either mission records such figures (each figure as reported,
    newest first); ``command:
    <post>`` for the force commander, the deputy force commander and any other post either
    mission records, as of ``on`` or else the latest appointment's start (every holder of a post
    that takes several); and ``positions: <stance>`` for each stance either mission records. A
    cell for which a mission records nothing reads ``none recorded``.

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
    titles = ("Aspect", a.acronym or a.id, b.acronym or b.id)
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
        ComparisonRow(aspect="mandate tasks", left=_tasks(a), right=_tasks(b)),
    ]
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
