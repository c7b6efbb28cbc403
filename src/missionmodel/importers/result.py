"""What an importer returns: the records it read, and a report on every row.

Every row of a file is accounted for: it is either taken (perhaps with warnings that say what was
repaired) or rejected (with the reason). ``rows_taken + rows_rejected == rows_read`` always holds.
Row numbers are physical line numbers in the file, the header being line 1.

Every rejection is kept with its row. A warning repeated over many rows (the same column and the
same message, e.g. ``trimmed spaces around ' Troops '`` in every row of a large file) is kept for
its first `WARNINGS_KEPT` rows only, and counted: `ImportReport.repeated` says how many rows had
it, and `ImportReport.warnings_count` counts every warning given.

Example:
    >>> report = ImportReport(source="hub.csv", format="UN Data Hub missions", rows_read=2, rows_taken=1,
    ...                       rejected=(RowIssue(row=3, column="mission_acronym", message="is empty"),))
    >>> report.rows_rejected, report.ok
    (1, False)
    >>> print(report.rejected[0])
    line 3, mission_acronym: is empty
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator
from typing import IO, Any, Generic, TypeVar

import attrs

from ..sources import Source

__all__ = ["WARNINGS_KEPT", "ImportReport", "IssueGroup", "ImportResult", "MissionEntry", "RepeatedWarning", "RowIssue"]

T = TypeVar("T")

WARNINGS_KEPT = 100
"""How many rows of the same warning (same column, same message) a report keeps; the rest are counted."""


@attrs.frozen(slots=True, kw_only=True)
class RowIssue:
    """One problem (a rejection) or one repair (a warning) in one row of a file.

    Attributes:
        row: The physical line number where the row starts; the header is line 1.
        column: The column concerned, as named in the file's header; None for the whole row.
        message: What is wrong, or what was repaired, in plain words.

    Example:
        >>> str(RowIssue(row=4, column=None, message="has 3 fields; the header has 9"))
        'line 4: has 3 fields; the header has 9'
    """

    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.row}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@attrs.frozen(slots=True, kw_only=True)
class RepeatedWarning:
    """A warning given in more rows than a report keeps: which, and in how many rows.

    Attributes:
        column: The column concerned, as named in the file's header; None for the whole row.
        message: What was repaired, as in each `RowIssue`.
        count: How many rows had this warning, the kept ones included.
        kept: How many of them (the first ones) are in `ImportReport.warnings`.

    Example:
        >>> repeated = RepeatedWarning(column="personnel_type", message="trimmed spaces around ' Troops '", count=250, kept=100)
        >>> repeated.omitted
        150
        >>> print(repeated)
        personnel_type: trimmed spaces around ' Troops ' (250 rows; the first 100 are listed)
    """

    column: str | None
    message: str
    count: int
    kept: int

    @property
    def omitted(self) -> int:
        """How many rows had the warning without being listed in `ImportReport.warnings`."""
        return self.count - self.kept

    def __str__(self) -> str:
        where = f"{self.column}: " if self.column else ""
        return f"{where}{self.message} ({self.count:,} rows; the first {self.kept:,} are listed)"


@attrs.frozen(slots=True, kw_only=True)
class ImportReport:
    """The account of one import: how many rows were read and taken, and every issue.

    Attributes:
        source: The file read (its path, or the name of the open file).
        format: The format recognised from the header, e.g. ``"UN Data Hub contributions (dd/mm/YYYY export)"``.
        rows_read: Data rows read (the header is not counted).
        rows_taken: Rows that gave records.
        rejected: Why each rejected row was rejected (a row may have several reasons).
        warnings: What was repaired in rows that were taken; of a warning repeated with the same
            column and message, its first `WARNINGS_KEPT` rows.
        strict: Whether the import was strict (a repair rejects its row).
        repeated: The warnings given in more rows than were kept in ``warnings``, with their counts.

    Example:
        >>> ImportReport(source="x.csv", format="IPI", rows_read=0, rows_taken=0).ok
        True
    """

    source: str
    format: str
    rows_read: int
    rows_taken: int
    rejected: tuple[RowIssue, ...] = ()
    warnings: tuple[RowIssue, ...] = ()
    strict: bool = False
    repeated: tuple[RepeatedWarning, ...] = ()

    @property
    def rejected_rows(self) -> tuple[int, ...]:
        """The line numbers of the rejected rows, in file order, each once."""
        return tuple(dict.fromkeys(issue.row for issue in self.rejected))

    @property
    def rows_rejected(self) -> int:
        """How many rows were rejected."""
        return len(self.rejected_rows)

    @property
    def warnings_count(self) -> int:
        """How many warnings were given: those in ``warnings`` and those only counted in ``repeated``.

        Example:
            >>> ImportReport(source="x.csv", format="f", rows_read=300, rows_taken=300,
            ...              warnings=(RowIssue(row=2, column="a", message="trimmed"),),
            ...              repeated=(RepeatedWarning(column="a", message="trimmed", count=300, kept=1),)).warnings_count
            300
        """
        return len(self.warnings) + sum(repeated.omitted for repeated in self.repeated)

    @property
    def ok(self) -> bool:
        """True when no row was rejected and nothing was repaired."""
        return not self.rejected and not self.warnings

    def headline(self) -> str:
        """A one-line account: rows read, taken, rejected and repaired.

        Example:
            >>> ImportReport(source="x.csv", format="IPI", rows_read=3, rows_taken=3).headline()
            'x.csv (IPI): 3 rows read, 3 taken, 0 rejected, 0 warnings'
        """
        return (
            f"{self.source} ({self.format}): {self.rows_read:,} row{'' if self.rows_read == 1 else 's'} read, "
            f"{self.rows_taken:,} taken, {self.rows_rejected:,} rejected, "
            f"{self.warnings_count:,} warning{'' if self.warnings_count == 1 else 's'}"
        )

    def groups(self) -> tuple[IssueGroup, ...]:
        """The rejections, then the repairs, grouped by reason (most rows first), with two example lines each.

        Two issues have the same reason when they concern the same column and their messages
        differ only in the values quoted or counted (``'YUG' is not ...`` and ``'SCG' is not ...``).
        Repairs counted in `repeated` are counted in their group.

        Example:
            >>> report = ImportReport(source="x.csv", format="f", rows_read=3, rows_taken=1, rejected=(
            ...     RowIssue(row=2, column="isocode3", message="'YUG' is not a code"),
            ...     RowIssue(row=3, column="isocode3", message="'SCG' is not a code")))
            >>> [(group.kind, group.column, group.reason, group.rows, group.examples) for group in report.groups()]
            [('rejected', 'isocode3', "'…' is not a code", 2, (2, 3))]
        """
        found: dict[tuple[str, str | None, str], list[Any]] = {}
        for kind, issues in (("rejected", self.rejected), ("warning", self.warnings)):
            rows_of: dict[tuple[str, str | None, str], dict[int, None]] = {}
            for issue in issues:
                key = (kind, issue.column, _reason(issue.message))
                rows_of.setdefault(key, {})[issue.row] = None
                entry = found.setdefault(key, [0, [], issue.message])
                if len(entry[1]) < 2 and issue.row not in entry[1]:
                    entry[1].append(issue.row)
            for key, rows in rows_of.items():
                found[key][0] = len(rows)
        for repeated in self.repeated:
            key = ("warning", repeated.column, _reason(repeated.message))
            entry = found.setdefault(key, [0, [], repeated.message])
            entry[0] += repeated.omitted
        groups = [
            IssueGroup(kind=kind, column=column, reason=reason, rows=count, examples=tuple(examples), example=example)
            for (kind, column, reason), (count, examples, example) in found.items()
        ]
        groups.sort(key=lambda group: (group.kind != "rejected", -group.rows))
        return tuple(groups)

    def summary(self) -> str:
        """The account in a few lines: the `headline`, then each reason for rejection or repair with its count.

        Example:
            >>> report = ImportReport(source="x.csv", format="f", rows_read=4, rows_taken=2, rejected=(
            ...     RowIssue(row=2, column="isocode3", message="'YUG' is not a code"),
            ...     RowIssue(row=3, column="isocode3", message="'SCG' is not a code")),
            ...     warnings=(RowIssue(row=5, column="gender", message="read 'M' as 'male'"),))
            >>> print(report.summary())
            x.csv (f): 4 rows read, 2 taken, 2 rejected, 1 warning
              rejected 2 rows (lines 2, 3): isocode3: '…' is not a code; e.g. 'YUG' is not a code
              repaired 1 row (line 5): gender: read 'M' as 'male'
        """
        lines = [self.headline()]
        for group in self.groups():
            lines.append(f"  {group}")
        return "\n".join(lines)

    def issue_rows(self) -> Iterator[dict[str, str]]:
        """Every issue as a row: ``kind`` (rejected, warning or repeated), ``line``, ``column``, ``message``, ``rows``.

        ``rows`` is 1 for a rejection or a warning of one row, and for a repeated warning the
        number of rows that had it beyond those listed (``line`` is then empty).
        """
        for kind, issues in (("rejected", self.rejected), ("warning", self.warnings)):
            for issue in issues:
                yield {"kind": kind, "line": str(issue.row), "column": issue.column or "", "message": issue.message, "rows": "1"}
        for repeated in self.repeated:
            yield {
                "kind": "repeated",
                "line": "",
                "column": repeated.column or "",
                "message": repeated.message,
                "rows": str(repeated.omitted),
            }

    def write_issues(self, target: str | os.PathLike[str] | IO[str]) -> None:
        """Write every issue as a CSV table (see `issue_rows`), to a path (atomically) or an open text file.

        Args:
            target: A path, written whole or not at all, or a text file opened with ``newline=""``.

        Raises:
            FormatError: If the file cannot be written (the message says why).

        Example:
            >>> import io
            >>> out = io.StringIO()
            >>> ImportReport(source="x.csv", format="f", rows_read=1, rows_taken=0,
            ...              rejected=(RowIssue(row=2, column=None, message="is blank"),)).write_issues(out)
            >>> out.getvalue().splitlines()
            ['kind,line,column,message,rows', 'rejected,2,,is blank,1']
        """
        columns = ["kind", "line", "column", "message", "rows"]
        if isinstance(target, (str, os.PathLike)):
            from .._atomic import atomic_writer

            with atomic_writer(target, newline="") as handle:
                writer = csv.DictWriter(handle, columns)
                writer.writeheader()
                writer.writerows(self.issue_rows())
            return
        writer = csv.DictWriter(target, columns)
        writer.writeheader()
        writer.writerows(self.issue_rows())

    def __str__(self) -> str:
        lines = [self.headline()]
        lines += [f"  rejected {issue}" for issue in self.rejected]
        lines += [f"  warning  {issue}" for issue in self.warnings]
        lines += [f"  repeated {repeated}" for repeated in self.repeated]
        return "\n".join(lines)


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_NUMBER = re.compile(r"(?<![\w.-])[+-]?[0-9][0-9,]*(?:\.[0-9]+)?(?![\w-])")


def _reason(message: str) -> str:
    """The reason of an issue: its message, with quoted values and numbers left out."""
    return _NUMBER.sub("N", _QUOTED.sub("'…'", message))


@attrs.frozen(slots=True, kw_only=True)
class IssueGroup:
    """Rejections or repairs of an import that share a reason, with how many rows had it.

    Attributes:
        kind: ``"rejected"`` or ``"warning"``.
        column: The column concerned, as named in the file's header; None for the whole row.
        reason: The message, with the values quoted or counted left out.
        rows: How many rows had it.
        examples: The lines of its first two rows (a repeated warning may have fewer listed).
        example: The first message in full.
    """

    kind: str
    column: str | None
    reason: str
    rows: int
    examples: tuple[int, ...]
    example: str

    def __str__(self) -> str:
        verb = "rejected" if self.kind == "rejected" else "repaired"
        column = f"{self.column}: " if self.column else ""
        if self.rows == 1 and self.examples:
            return f"{verb} 1 row (line {self.examples[0]}): {column}{self.example}"
        where = ", ".join(str(row) for row in self.examples) + ("" if self.rows <= len(self.examples) else ", ...")
        lines = f" (line{'s' if len(self.examples) > 1 else ''} {where})" if self.examples else ""
        return f"{verb} {self.rows:,} rows{lines}: {column}{self.reason}; e.g. {self.example}"


@attrs.frozen(slots=True, kw_only=True)
class MissionEntry(Generic[T]):
    """A record read from a table, with the mission it belongs to and the line it came from.

    Attributes:
        mission: The mission's acronym as written in the file, e.g. ``"UNIFIL"``.
        record: The record, e.g. a `Contribution` or a `Fatality`.
        row: The line of the file it was read from.

    Example:
        >>> MissionEntry(mission="UNIFIL", record="anything", row=2).mission
        'UNIFIL'
    """

    mission: str
    record: T
    row: int


@attrs.frozen(slots=True, kw_only=True)
class ImportResult(Generic[T]):
    """The records an importer read, the sources they cite, and the report.

    Attributes:
        records: The records, in file order.
        report: The account of every row.
        sources: The sources that the records cite, to declare in a mission.

    Example:
        >>> result = ImportResult(records=(1, 2), report=ImportReport(source="x", format="f", rows_read=2, rows_taken=2))
        >>> len(result), list(result)
        (2, [1, 2])
    """

    records: tuple[T, ...]
    report: ImportReport
    sources: tuple[Source, ...] = ()

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[T]:
        return iter(self.records)
