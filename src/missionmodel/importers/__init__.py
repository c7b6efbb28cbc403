"""Importers: real data in, from the files that peace-operations research downloads.

* The UN Peace and Security Data Hub: `un.read_missions` (DPPADPOSS-PKO),
  `un.read_contributions` (DPO-UCHISTORICAL), `un.read_country_totals` (DPO-UCLATEST),
  `un.read_fatalities` (DPPADPOSS-FATALITIES), in CSV or in the Data Hub's JSON export.
* The International Peace Institute's Providing for Peacekeeping: `ipi.read_contributions`
  (contributions, and the table of women and men per personnel type), `ipi.read_mission_totals`
  (totals per mission and month, and each mission's headquarters).
* Geo-PKO's deployment sites: `geopko.read_sites`. PEMA's mandate tasks per Security Council
  resolution: `pema.read_mandates`.
* Each takes a path or an open text file, recognises its table by its column names (once
  reduced to lower-case letters and digits, so that the header styles a publisher has used all
  read alike), reads it one row at a time, and returns an `ImportResult`: the records, and an
  `ImportReport` that accounts for every row. A row is taken (with a warning for each repair:
  a decimal comma, spaces trimmed, swapped coordinates, a ``dd/mm/YYYY`` date, an ``NA`` that
  the row's totals decide, a total that does not add up ...) or rejected with its line number,
  column and reason; none is dropped silently. A row that cannot be read (a cell longer than
  131,072 characters, a byte that is not UTF-8, broken quoting) rejects that row only.
* ``strict=True`` rejects the rows that needed a repair instead of taking them: the warnings
  become the reasons for rejection. It does not raise.
* `ImportReport.summary` groups the rejections and repairs by reason, with counts and example
  lines; `ImportReport.write_issues` writes every issue as a CSV table. A warning repeated in
  many rows (same column, same message) is listed for its first 100 rows and counted in
  `ImportReport.repeated`; rejections are all listed.
* A file whose header matches no known table raises `FormatError` naming the missing columns.
* `assemble` attaches the records to their missions, resolving acronyms through the mission
  catalogue (`missionmodel.catalogue`: MONUC is MONUSCO).

Example:
    >>> from missionmodel.importers import un
    >>> result = un.read_contributions("examples/data/un_contributions.csv")
    >>> print(result.report.headline())
    examples/data/un_contributions.csv (UN Data Hub contributions): 13 rows read, 10 taken, 3 rejected, 3 warnings
    >>> print(result.report.summary().splitlines()[1])
      rejected 1 row (line 12): isocode3: 'ATL' is not an ISO 3166-1 alpha-3 country code
"""

from __future__ import annotations

from . import geopko, ipi, pema, un
from .assembly import Assembly, assemble
from .result import ImportReport, ImportResult, IssueGroup, MissionEntry, RepeatedWarning, RowIssue

__all__ = [
    "Assembly",
    "ImportReport",
    "ImportResult",
    "IssueGroup",
    "MissionEntry",
    "RepeatedWarning",
    "RowIssue",
    "assemble",
    "geopko",
    "ipi",
    "pema",
    "un",
]
