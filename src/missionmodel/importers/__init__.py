"""Importers: real data in, from the UN Peace and Security Data Hub and the IPI.

* `un.read_missions`, `un.read_contributions`, `un.read_fatalities` read the Data Hub's CSV
  exports; `ipi.read_contributions` reads IPI's Providing for Peacekeeping table.
* Each takes a path or an open text file, reads it one row at a time, and returns an
  `ImportResult`: the records, and an `ImportReport` that accounts for every row. A row is
  taken (with a warning for each repair: a decimal comma, spaces trimmed, swapped coordinates,
  a ``dd/mm/YYYY`` date, a total that does not add up ...) or rejected with its line number,
  column and reason; none is dropped silently.
* ``strict=True`` rejects the rows that needed a repair instead of taking them: the warnings
  become the reasons for rejection. It does not raise.
* A warning repeated in many rows (same column, same message) is listed for its first 100
  rows and counted in `ImportReport.repeated`; rejections are all listed.
* A file whose header matches no known format raises `FormatError` naming the missing columns.
* `assemble` attaches the records to their missions by acronym.

Example:
    >>> from missionmodel.importers import un
    >>> result = un.read_contributions("examples/data/un_contributions.csv")
    >>> print(result.report.summary())
    examples/data/un_contributions.csv (UN Data Hub contributions): 13 rows read, 10 taken, 3 rejected, 3 warnings
"""

from __future__ import annotations

from . import ipi, un
from .assembly import Assembly, assemble
from .result import ImportReport, ImportResult, MissionEntry, RepeatedWarning, RowIssue

__all__ = ["Assembly", "ImportReport", "ImportResult", "MissionEntry", "RepeatedWarning", "RowIssue", "assemble", "ipi", "un"]
