"""Read the Peacekeeping Mandates (PEMA) dataset: the tasks that each Security Council resolution gives.

PEMA (Di Salvatore, Lundgren, Oksamytna and Smidt) has one row per resolution on a UN
peacekeeping operation: the resolution (``Signature``, e.g. ``S/RES/1990``), the operation
(``NamePKO``), its country, the year and date of adoption, whether the resolution renews the
mandate (``Mandate_Renewal``) and whether it revises it as a whole
(``Mandate_CompleteAdjustment``; earlier releases also have ``Mandate_MinorAdjustment``), and 41
tasks in up to four columns each, one per modality: ``CivProtect_Monitor``, ``CivProtect_Assist``,
``CivProtect_Security``, ``CivProtect_Encouraged``. A task cell holds the paragraph(s) of the
resolution that give the task (``4``, ``17 c``, ``16 b, 16 c``, ``p.3`` for a preambular
paragraph, ``26 (S/26090)`` for a paragraph of another document); an empty cell means the task
is not given in that modality.

The releases differ: the raw table's ``Date2`` (``21-Feb-92``) is ``Date`` (``27/06/2011``) in
version 1.2 and ``date`` (Stata's ``13may2003``) in the website's tables, whose cells read
``Mandated in previous resolution in S/RES/1159 paragraph(s) 10c`` for a task carried over; the
UN Data Hub (DPO-PEMA) writes the columns in lower case; the mission-month panel has one row per
operation and month, ``date3`` (``2003m5``), and task columns ending ``_V3`` that hold ``1`` or
``0``. `read_mandates` reads all of them, recognised by their columns once names are normalised.

Example:
    >>> result = read_mandates("tests/fixtures/pema_excerpt.csv")
    >>> entry = next(e for e in result.records if e.record.authority.instrument == "S/RES/1990 (2011)")
    >>> entry.mission, str(entry.record.authority.adopted), [a.value for a in entry.record.actions]
    ('UNISFA', '2011-06-27', [])
    >>> print(entry.record.mandated_tasks[0])
    civilian protection (security; paragraph 3d)
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import compress
from types import MappingProxyType
from typing import NamedTuple

import attrs

from ..dates import PartialDate
from ..exceptions import FormatError
from ..mandate import Authority, AuthorityKind, Mandate, MandateAction, MandatedTask, Task, TaskModality
from ..sources import Source, SourceKind
from ._csv import CACHE_LIMIT, Cells, CsvSource, FastRows, Finish, Layout, RowParser, Table, normalise, run, shown
from .result import ImportResult, MissionEntry, RowIssue

__all__ = ["SOURCE", "TASKS", "read_mandates", "task_name"]

SOURCE = Source(
    id="pema",
    kind=SourceKind.DATASET,
    language="en",
    title=(
        "Peacekeeping Mandates (PEMA) Dataset, by Jessica Di Salvatore, Magnus Lundgren, Kseniya Oksamytna"
        " and Hannah M. Smidt; introduced in the Journal of Conflict Resolution 66(4-5): 924-951"
    ),
    publisher="SAGE Publications (Journal of Conflict Resolution)",
    url="https://doi.org/10.1177/00220027211068897",
    published="2022-05",
)
"""The source that mandates read by `read_mandates` cite: the dataset, with the article that introduces it."""

TASKS: Mapping[str, Task] = MappingProxyType(
    {
        "DisarmDemob": Task.DISARMAMENT,
        "Reintegration": Task.DISARMAMENT,
        "ControlSALW": Task.ARMS_CONTROL,
        "ArmsEmbargo": Task.ARMS_CONTROL,
        "CivProtect": Task.CIVILIAN_PROTECTION,
        "HumanRights": Task.HUMAN_RIGHTS_MONITORING,
        "ChildRights": Task.HUMAN_RIGHTS_MONITORING,
        "SGBViolence": Task.HUMAN_RIGHTS_MONITORING,
        "PoliceReform": Task.POLICE_TRAINING,
        "MilitaryReform": Task.SECURITY_SECTOR_REFORM,
        "Demil": Task.WEAPONS_FREE_ZONE,
        "OffensOper": Task.USE_OF_FORCE,
        "JusticeReform": Task.RULE_OF_LAW,
        "TransJustice": Task.RULE_OF_LAW,
        "CorrectionsReform": Task.RULE_OF_LAW,
        "BorderControl": Task.BORDER_SECURITY,
        "Demining": Task.MINE_ACTION,
        "Resources": Task.STATE_AUTHORITY,
        "StateAuthority": Task.STATE_AUTHORITY,
        "Democratization": Task.POLITICAL_PROCESS,
        "ElectSec": Task.ELECTORAL_ASSISTANCE,
        "ElectAssist": Task.ELECTORAL_ASSISTANCE,
        "VoterEducation": Task.ELECTORAL_ASSISTANCE,
        "PolPartyAssist": Task.POLITICAL_PROCESS,
        "CivilSociety": Task.POLITICAL_PROCESS,
        "Media": Task.PUBLIC_INFORMATION,
        "PublicInfo": Task.PUBLIC_INFORMATION,
        "PowerSharing": Task.POLITICAL_PROCESS,
        "Reconcil": Task.POLITICAL_PROCESS,
        "LocalReconcil": Task.POLITICAL_PROCESS,
        "RegReconcil": Task.POLITICAL_PROCESS,
        "EcDevelop": Task.RECONSTRUCTION,
        "HumanRelief": Task.HUMANITARIAN_ACCESS,
        "PublicHealth": Task.MEDICAL_ASSISTANCE,
        "RefugeeIDPs": Task.HUMANITARIAN_ACCESS,
        "Gender": Task.GENDER,
        "LegalReform": Task.RULE_OF_LAW,
        "Ceasefire": Task.CEASEFIRE_MONITORING,
        "PeaceProcess": Task.POLITICAL_PROCESS,
        "CulturalHeritage": Task.CULTURAL_HERITAGE,
        "UseOfForce": Task.USE_OF_FORCE,
    }
)
"""PEMA's 41 tasks, by the names of its columns (version 2), and the `Task` each is read as.

Where the model's task is coarser (several PEMA tasks share it, or it is broader, as
`Task.SECURITY_SECTOR_REFORM` is than PEMA's ``MilitaryReform``), a `MandatedTask` read from
PEMA keeps PEMA's name in ``source_task``; `task_name` gives PEMA's name of any of them.

Example:
    >>> len(TASKS), TASKS["ChildRights"].value
    (41, 'human_rights_monitoring')
"""

_SAME: Mapping[Task, str] = MappingProxyType(
    {
        Task.CIVILIAN_PROTECTION: "CivProtect",
        Task.POLICE_TRAINING: "PoliceReform",
        Task.WEAPONS_FREE_ZONE: "Demil",
        Task.BORDER_SECURITY: "BorderControl",
        Task.MINE_ACTION: "Demining",
        Task.GENDER: "Gender",
        Task.CEASEFIRE_MONITORING: "Ceasefire",
        Task.CULTURAL_HERITAGE: "CulturalHeritage",
    }
)
"""The tasks that mean what one PEMA task means: read without ``source_task``."""

_OLDER_NAMES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"PolPartyAssist": ("PartyAssistance",), "RefugeeIDPs": ("RefugeesIDPs",)}
)
"""Names that earlier releases (version 1.2) give some tasks' columns."""

_MODALITIES = (
    ("Monitor", TaskModality.MONITOR),
    ("Assist", TaskModality.ASSIST),
    ("Security", TaskModality.SECURITY),
    ("Encouraged", TaskModality.ENCOURAGED),
)

_STATUS_COLUMNS = {
    "renewal": (MandateAction.RENEWS, "renews the mandate"),
    "minor": (MandateAction.ADJUSTS, "adjusts part of the mandate"),
    "complete": (MandateAction.REVISES, "revises the mandate as a whole"),
}


def task_name(detail: MandatedTask) -> str | None:
    """PEMA's name of a task read from PEMA: its ``source_task``, or the one PEMA task its `Task` means.

    Args:
        detail: A task of a mandate.

    Returns:
        The name of PEMA's column (``"ChildRights"``), or None for a task PEMA does not code.

    Example:
        >>> task_name(MandatedTask(task=Task.CIVILIAN_PROTECTION))
        'CivProtect'
        >>> task_name(MandatedTask(task=Task.HUMAN_RIGHTS_MONITORING, source_task="ChildRights"))
        'ChildRights'
    """
    if detail.source_task is not None:
        return detail.source_task if detail.source_task in TASKS else None
    return _SAME.get(detail.task)


class _Column(NamedTuple):
    """A task column: its canonical name in the layout, PEMA's task, and what a cell in it gives."""

    canonical: str
    pema: str
    task: Task
    modality: TaskModality
    source_task: str | None


def _task_columns() -> tuple[_Column, ...]:
    return tuple(
        _Column(f"{pema}_{suffix}", pema, task, modality, None if _SAME.get(task) == pema else pema)
        for pema, task in TASKS.items()
        for suffix, modality in _MODALITIES
    )


_TASK_COLUMNS = _task_columns()


def _spellings(column: _Column) -> tuple[str, ...]:
    """The header names of a task column in PEMA's releases (the panel's end in ``_V3``)."""
    suffix = column.canonical.rsplit("_", 1)[1]
    names = [f"{name}_{suffix}" for name in (column.pema, *_OLDER_NAMES.get(column.pema, ()))]
    if column.canonical == "UseOfForce_Security":
        names.append("UseOfForce")  # version 1.2 and the panel: one column, the security modality
    return tuple(name + end for name in names for end in ("", "_V3"))


_META: dict[str, tuple[str, ...]] = {
    "signature": ("Signature", "Resolution", "Resolution_Symbol"),
    "mission": ("NamePKO", "Mission", "PKO", "Mission_Acronym"),
    "year": ("Year",),
    "date": ("Date2", "Date", "Date_Adopted"),
    "renewal": ("Mandate_Renewal",),
    "minor": ("Mandate_MinorAdjustment",),
    "complete": ("Mandate_CompleteAdjustment",),
    "comments": ("Comments",),
}

_LAYOUT = Layout(
    name="PEMA Peacekeeping Mandates",
    columns={**_META, "month": ("date3",), **{column.canonical: _spellings(column) for column in _TASK_COLUMNS}},
    required=frozenset({"signature", "mission", "renewal"}),
    day_first=True,
)
"""PEMA's table of resolutions in all its releases, and its mission-month panel (which has ``date3``)."""

_SYMBOL = re.compile(
    r"^(?:S\s*/\s*RES\s*/\s*|(?:UNSC\s+)?RES(?:OLUTION)?\.?\s*)?([0-9]{1,5})(?:\.0+)?\s*(?:\(\s*([0-9]{4})\s*\))?$",
    re.IGNORECASE,
)
_ANY_SYMBOL = re.compile(r"S\s*/\s*RES\s*/\s*[0-9]+", re.IGNORECASE)
_CARRIED = re.compile(
    r"^Mandated in (current|previous) resolution in (S/RES/[0-9]+(?: \([0-9]{4}\))?) paragraph\(s\)\s*(.*)$",
    re.IGNORECASE,
)
_SPREADSHEET_TIME = re.compile(r"^([0-9]{1,2}):00(?::00)?\s*([AaPp])\.?[Mm]\.?$")
_PART = re.compile(r"^(?:p\.?\s*)?[0-9]+\s*[A-Za-z]{0,4}(?:\s*\(\s*[A-Za-z]{1,4}\s*\))*\s*\??$")
_PARTS = re.compile(r"\s*[,;]\s*")
_FLAGS = {"1": True, "0": False, "true": True, "false": False, "yes": True, "no": False}
_FLOAT_FLAGS = {"1.0": True, "0.0": False}


def _paragraphs(text: str) -> tuple[str, ...]:
    """The paragraph references in a cell: split on commas and semicolons when each part is one reference.

    ``16 b, 16 c`` gives two; ``19 referring to 77 (S/1996/1012) and 20 b, c`` and ``p.3, 10``
    (where ``p.`` may or may not carry over) are kept whole, as written.
    """
    parts = [part for part in _PARTS.split(text) if part]
    if len(parts) > 1 and all(_PART.match(part) for part in parts):
        preambular = {part[:1] in ("p", "P") for part in parts}
        if len(preambular) == 1:
            return tuple(parts)
    return (text,)


class _Row(NamedTuple):
    """The set task cells of a row: found in the row's text once, for the parser."""

    line: int
    cells: list[tuple[int, _Column, str]]
    """(PEMA's order, column, text) of each task cell set, in PEMA's order."""
    zeros: bool
    """Whether a task cell holds 0."""
    unknown: list[str]
    """The names of the columns set that look like task columns but are none that this reader knows."""


@attrs.define
class _State:
    """What one import learns as it goes: the header, the set cells of the row being read, repeats."""

    signature_column: str = "Signature"
    row: _Row | None = None
    """The set cells of the row being read, as the fast path found them."""
    numbers: dict[int, int] = attrs.Factory(dict)
    """Line -> the number of the resolution read there."""
    runs: dict[str, tuple[int, int, tuple[object, ...]]] = attrs.Factory(dict)
    """Panel only: mission -> (resolution number, its first line, what it gives) of its current run of months."""


class _NoTasks(Exception):
    """The header has none of PEMA's task columns."""


_TASK_LIKE = re.compile(r"(monitor|assist|security|encouraged)(v[0-9]+)?$")
_ORDER = {column.canonical: order for order, column in enumerate(_TASK_COLUMNS)}


def _watch(state: _State) -> Callable[[Table, list[MissionEntry[Mandate]]], FastRows]:
    """A fast path that takes no row: it learns the header, and finds each row's set task cells for the parser.

    The parser then reads a row's few set cells, not its 160 task columns one by one.
    """

    def start(table: Table, records: list[MissionEntry[Mandate]]) -> FastRows:
        del records
        positions = table.positions
        if not any(column.canonical in positions for column in _TASK_COLUMNS):
            raise _NoTasks
        state.signature_column = table.header[positions["signature"]].replace("\ufeff", "").strip()
        known = set(positions.values())
        at: dict[int, tuple[int, _Column, str]] = {
            positions[column.canonical]: (_ORDER[column.canonical], column, "")
            for column in _TASK_COLUMNS
            if column.canonical in positions
        }
        for index, name in enumerate(table.header):
            if index not in known and _TASK_LIKE.search(normalise(name)):
                at[index] = (-1, _TASK_COLUMNS[0], name.strip())  # a column this reader does not know

        columns = range(len(table.header))

        def find(values: list[str], line: int) -> bool:
            set_cells = ((at[index], values[index]) for index in compress(columns, values) if index in at)
            state.row = _set_cells(line, set_cells, table.na)
            return False  # the parser reads every row

        return find

    return start


def _set_cells(line: int, found: Iterable[tuple[tuple[int, _Column, str], str]], na: frozenset[str]) -> _Row:
    """The row's set task cells from (where, text) of its non-empty cells in task-like columns."""
    cells = []
    unknown = []
    zeros = False
    for (order, column, name), raw in found:
        text = raw.strip()  # spaces around a paragraph reference carry nothing: removed without a warning
        if not text or text in na:
            continue
        if text == "0":
            zeros = True
        elif order < 0:
            unknown.append(name)
        else:
            cells.append((order, column, text))
    cells.sort(key=_first)
    return _Row(line, cells, zeros, unknown)


def _row_of(cells: Cells, state: _State) -> _Row:
    """The set task cells of the row, as the fast path found them (or, should it not have, read here)."""
    row = state.row
    if row is not None and row.line == cells.line:
        return row
    found = (((_ORDER[c.canonical], c, ""), cells.raw(c.canonical) or "") for c in _TASK_COLUMNS)
    return _set_cells(cells.line, found, cells.na)


def _first(cell: tuple[int, _Column, str]) -> int:
    return cell[0]


def _resolution(cells: Cells) -> tuple[int, int | None] | None:
    """The number of the row's resolution and the year its symbol gives, if any; None with a problem."""
    text = cells.text("signature", required=True)
    if text is None:
        return None
    match = _SYMBOL.match(text)
    if match is None:
        named = _ANY_SYMBOL.findall(text)
        if len(named) > 1:
            cells.problem(
                "signature",
                f"names {len(named)} resolutions ({shown(text)}): a row of PEMA codes one resolution, and this one cannot"
                " be given to either",
            )
        else:
            cells.problem(
                "signature", f"must be a resolution symbol such as 'S/RES/1990' or 'S/RES/1990 (2011)' (got {shown(text)})"
            )
        return None
    number = int(match.group(1))
    if number == 0:
        cells.problem("signature", f"is not a resolution number (got {shown(text)})")
        return None
    return number, int(match.group(2)) if match.group(2) else None


def _actions(cells: Cells) -> tuple[MandateAction, ...]:
    """What the row says the resolution does to the mandate, from the status columns the file has."""
    actions = []
    for name, (action, words) in _STATUS_COLUMNS.items():
        if not cells.has(name):
            continue
        text = cells.text(name)
        if text is None:
            cells.warn(name, f"is empty: not known whether the resolution {words}")
            continue
        flag = _FLAGS.get(text.casefold())
        if flag is None:
            flag = _FLOAT_FLAGS.get(text)
            if flag is None:
                cells.problem(name, f"must be 0 or 1 (got {shown(text)})")
                continue
            cells.warn(name, f"read {text!r} as {int(flag)}")
        if flag:
            actions.append(action)
    return tuple(actions)


def _adoption(cells: Cells, number: int, written_year: int | None) -> PartialDate | None:
    """When the resolution was adopted: the date, else the year (with a warning); None with a problem."""
    before = len(cells.problems)
    date = cells.date("date", day_first=True)
    year = cells.integer("year")
    symbol = f"S/RES/{number}"
    if len(cells.problems) > before:
        return None
    adopted = date
    if date is not None and year is not None and date.year != year:
        cells.problem(
            "date",
            f"is in {date.year}, but {cells.column('year')} is {year}: the file contradicts itself on the year {symbol}"
            " was adopted",
        )
        return None
    if adopted is None and year is not None:
        adopted = PartialDate(year=year)
        cells.warn("date", f"is empty: took the year of adoption, {year}, from {cells.column('year')}")
    if adopted is None and written_year is not None:
        adopted = PartialDate(year=written_year)
        cells.warn("date", f"is empty: took the year of adoption, {written_year}, from the resolution's symbol")
    if adopted is None:
        cells.problem("date", f"is empty, and no year is given: not known when {symbol} was adopted")
        return None
    if written_year is not None and written_year != adopted.year:
        cells.problem(
            "signature",
            f"gives the year {written_year}, but the resolution is dated {adopted}: the file contradicts itself",
        )
        return None
    return adopted


def _tasks(cells: Cells, row: _Row, *, panel: bool, number: int) -> tuple[MandatedTask, ...]:
    """The tasks the row gives, in PEMA's order of tasks and modalities, from its set task cells."""
    # A row whose task cells are all 0 or 1, with a 0 among them, codes tasks as flags: 1 is "given"
    # (no paragraphs), not paragraph 1. The panel always codes so.
    flags = panel or (row.zeros and all(text == "1" for _, _, text in row.cells))
    found = []
    for _, column, text in row.cells:
        if flags and text == "1":
            found.append(_given(column, (), None))
            continue
        known = _CLEAN.get((column.canonical, text))
        if known is not None:
            found.append(known)
            continue
        warned = len(cells.warnings)
        carried_from = None
        carried = _CARRIED.match(text)
        if carried:
            when, instrument, text = carried.groups()
            named = _SYMBOL.match(instrument)
            if when.casefold() == "previous":
                carried_from = instrument
            elif named is not None and int(named.group(1)) != number:
                carried_from = instrument
                message = f"names {instrument} as the current resolution, not S/RES/{number}: read as carried over from it"
                cells.warn(column.canonical, message)
            if not text.strip():
                found.append(_given(column, (), carried_from))
                continue
        time = _SPREADSHEET_TIME.match(text)
        if time:
            paragraph = f"{time.group(1)} {time.group(2).lower()}"
            cells.warn(
                column.canonical, f"read {text!r} as paragraph {paragraph!r}: a spreadsheet had turned {paragraph!r} into a time"
            )
            text = paragraph
        elif "?" in text:
            cells.warn(column.canonical, f"the paragraph reference {shown(text)} is marked uncertain ('?'): kept as written")
        detail = _given(column, _paragraphs(text), carried_from)
        found.append(detail)
        if len(cells.warnings) == warned and (carried is None or carried_from is not None) and len(_CLEAN) < CACHE_LIMIT:
            _CLEAN[(column.canonical, carried.group(0) if carried else text)] = detail
    return tuple(found)


_FLAGGED: dict[str, MandatedTask] = {}
"""Column -> the task detail of a cell that gives the task without paragraphs."""
_CLEAN: dict[tuple[str, str], MandatedTask] = {}
"""(column, text) -> the task detail of a cell read with no warning and whatever the row's resolution:
rows repeat the same references, read once and shared."""


def _given(column: _Column, paragraphs: tuple[str, ...], carried_from: str | None) -> MandatedTask:
    """The task of ``column``, given in ``paragraphs``."""
    if not paragraphs and carried_from is None:
        found = _FLAGGED.get(column.canonical)
        if found is None:
            found = _FLAGGED[column.canonical] = MandatedTask(
                task=column.task, modality=column.modality, source_task=column.source_task
            )
        return found
    return MandatedTask(
        task=column.task,
        modality=column.modality,
        paragraphs=paragraphs,
        carried_from=carried_from,
        source_task=column.source_task,
    )


_SOURCES = (SOURCE.id,)
_UNSC = AuthorityKind.UN_SECURITY_COUNCIL


def _parser(state: _State) -> Callable[[Layout], RowParser[MissionEntry[Mandate]]]:
    def make(layout: Layout) -> RowParser[MissionEntry[Mandate]]:
        del layout
        acronyms: dict[str, str] = {}

        def parse(cells: Cells) -> Iterator[MissionEntry[Mandate]]:
            row = _row_of(cells, state)
            for name in row.unknown:
                cells.warn(name, "not read: not one of the PEMA task columns that this reader knows")
            resolution = _resolution(cells)
            mission = cells.text("mission", required=True)
            if resolution is None or mission is None:
                return
            number, written_year = resolution
            actions = _actions(cells)
            panel = cells.has("month")  # the mission-month panel
            tasks = _tasks(cells, row, panel=panel, number=number)
            references = cells.text("comments")
            if panel and not (cells.raw("date") or "").strip():
                current = state.runs.get(mission)
                if current is not None and current[0] == number:  # a later month of the same resolution
                    if (actions, tasks) != current[2]:
                        cells.problem(
                            None,
                            f"gives other tasks or flags for S/RES/{number} than its first month, at line {current[1]}",
                        )
                    return  # taken: the resolution's record is the one of its first month
            adopted = _adoption(cells, number, written_year)
            if cells.problems or adopted is None:
                return
            mandate = Mandate(
                authority=Authority(
                    kind=_UNSC, body="UN Security Council", instruments=[f"S/RES/{number} ({adopted.year})"], adopted=adopted
                ),
                actions=actions,
                tasks=_given_tasks(tasks),
                mandated_tasks=tasks,
                references=(references,) if references else (),
                sources=_SOURCES,
            )
            state.numbers[cells.line] = number
            if panel:
                state.runs[mission] = (number, cells.line, (actions, tasks))
            yield MissionEntry(mission=acronyms.setdefault(mission, mission), record=mandate, row=cells.line)

        return parse

    return make


def _given_tasks(details: tuple[MandatedTask, ...]) -> tuple[Task, ...]:
    """The tasks given (not only encouraged), each once, in order."""
    given: list[Task] = []
    for detail in details:
        if detail.modality is not TaskModality.ENCOURAGED and detail.task not in given:
            given.append(detail.task)
    return tuple(given)


def _reconcile(state: _State) -> Finish[MissionEntry[Mandate]]:
    """After the last row: a resolution of a mission coded twice keeps one record if the rows agree, both if not."""

    def finish(records: list[MissionEntry[Mandate]], warn: Callable[[RowIssue], None]) -> list[MissionEntry[Mandate]]:
        first: dict[tuple[str, int], MissionEntry[Mandate]] = {}
        kept = []
        column = state.signature_column
        for entry in records:
            key = (entry.mission, state.numbers[entry.row])
            earlier = first.setdefault(key, entry)
            if earlier is entry:
                kept.append(entry)
                continue
            symbol = f"S/RES/{key[1]} of {entry.mission}"
            if entry.record == earlier.record:
                warn(RowIssue(row=entry.row, column=column, message=f"repeats line {earlier.row} ({symbol}): one record kept"))
                continue
            kept_both = "both codings kept, as separate records"
            warn(
                RowIssue(
                    row=earlier.row,
                    column=column,
                    message=f"{symbol} is coded again at line {entry.row}, differently: {kept_both}",
                )
            )
            warn(
                RowIssue(
                    row=entry.row,
                    column=column,
                    message=f"codes {symbol} again, differently from line {earlier.row}: {kept_both}",
                )
            )
            kept.append(entry)
        return kept

    return finish


def read_mandates(source: CsvSource, *, strict: bool = False) -> ImportResult[MissionEntry[Mandate]]:
    """Read the Peacekeeping Mandates (PEMA) dataset: one `Mandate` per resolution and operation.

    Each row gives a mandate of the operation named in ``NamePKO`` (the `MissionEntry`'s
    acronym, as written), by the Security Council resolution in ``Signature``, written
    ``S/RES/<number> (<year>)``, adopted on the row's date (``Date2``, ``Date`` or ``date``: any
    of ``21-Feb-92``, ``27/06/2011``, ``13may2003``, ``2003m5``), or in its ``Year`` when the date
    is empty (with a warning). Its `MandateAction` s: `MandateAction.RENEWS` when
    ``Mandate_Renewal`` is 1, `MandateAction.ADJUSTS` for ``Mandate_MinorAdjustment``,
    `MandateAction.REVISES` for ``Mandate_CompleteAdjustment``; an empty flag is a warning. Each
    task cell that is set gives a `MandatedTask`: the `Task` of `TASKS` (with PEMA's name in
    ``source_task`` where the model's task is coarser), the modality of the column, and the
    paragraphs, as written (a list such as ``16 b, 16 c`` split in two; a reference that
    ``Excel`` turned into a time, ``4:00 AM``, read back as ``4 a`` with a warning).
    ``Comments`` (another document the resolution refers to) becomes ``references``. The
    mandate's ``tasks`` are its tasks not only encouraged. The host country is not read.

    A row is rejected when it names two resolutions (``S/RES/758 AND S/RES/761``), when its date
    and its ``Year`` disagree on the year, or when no date and no year is given. A resolution
    coded twice for one operation keeps one record when the rows agree, and both, with a warning
    on each, when they do not. In the mission-month panel, the first month of a resolution gives
    its record and the later months (with the same tasks) are taken without one. A column that
    looks like a task column but is none of PEMA's is not read, with a warning in each row where
    it has a value.

    Args:
        source: The CSV file (or the Data Hub's JSON export), as a path or an open text file.
        strict: Reject rows that needed a repair, instead of taking them with a warning.

    Returns:
        The mandates, each with its operation's acronym and line, and the report.

    Raises:
        FormatError: If the header lacks the columns read, or has no PEMA task column.

    Example:
        >>> result = read_mandates("tests/fixtures/pema_excerpt.csv")
        >>> result.report.rows_read == result.report.rows_taken + result.report.rows_rejected
        True
        >>> print(result.report.rejected[0])  # doctest: +ELLIPSIS
        line 4, Signature: names 2 resolutions ('S/RES/758 AND S/RES/761'): a row of PEMA codes one resolution, ...
    """
    state = _State()
    try:
        return run(
            source,
            [_LAYOUT],
            "the PEMA Peacekeeping Mandates dataset",
            _parser(state),
            strict=strict,
            sources=(SOURCE,),
            na=("NA",),
            fast=_watch(state),
            finish=_reconcile(state),
        )
    except _NoTasks:
        name = str(source) if isinstance(source, (str, os.PathLike)) else str(getattr(source, "name", "<stream>"))
        raise FormatError(
            f"{name}: the header has none of PEMA's task columns (such as 'CivProtect_Monitor' or 'civprotect_monitor')",
            line=1,
        ) from None
