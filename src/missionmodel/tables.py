"""Tidy tables out: missions, contributions, current claims, positions and fatalities as flat rows.

Each function turns missions into a list of flat dicts (one row per record, plain str, int,
float, bool or None values, the same keys in the same order in every row) that go straight into a
CSV file (`write_csv`) or a pandas DataFrame (`to_dataframe`, when pandas is installed: it is
the optional extra ``missionmodel[pandas]``). A strength is given as ``strength_min`` and
``strength_max`` (empty when there is no upper bound); lists are joined with ``"; "``.

`contribution_rows` gives every claim ever recorded; `claim_rows` gives only the current ones on
a date, as `missionmodel.claims` resolves them (one row per contributor, kind and status; the
same-time reports of one status combined; a ``disputed`` column marks claims that same-time
reports contradict).

Example:
    >>> from missionmodel import datasets
    >>> rows = contribution_rows(datasets.load("unifil"))
    >>> {key: rows[0][key] for key in ("mission", "contributor", "kind", "strength_min", "strength_max")}
    {'mission': 'unifil', 'contributor': 'IDN', 'kind': 'troops', 'strength_min': 1231, 'strength_max': 1231}
"""

from __future__ import annotations

import csv
import itertools
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._atomic import atomic_writer
from .claims import latest_claims
from .contribution import Contribution
from .dates import DateLike, PartialDate
from .exceptions import FormatError
from .mission import Mission
from .place import Place
from .strength import Strength

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["claim_rows", "contribution_rows", "fatality_rows", "mission_rows", "position_rows", "to_dataframe", "write_csv"]

Value = str | int | float | bool | None
Row = dict[str, Value]

CONTRIBUTION_COLUMNS = (
    "mission", "contributor", "kind", "status", "strength_min", "strength_max",
    "female", "male", "as_of", "role", "caveats", "sources",
)  # fmt: skip
CLAIM_COLUMNS = (*CONTRIBUTION_COLUMNS, "disputed")
MISSION_COLUMNS = (
    "id", "name", "acronym", "kind", "status", "area", "countries",
    "headquarters", "headquarters_country", "headquarters_latitude", "headquarters_longitude",
    "location", "location_country", "location_latitude", "location_longitude",
    "established", "ended", "lead", "mandates", "contributions", "appointments", "positions", "fatalities",
)  # fmt: skip
POSITION_COLUMNS = ("mission", "actor", "stance", "subject", "summary", "demands", "date", "sources")
FATALITY_COLUMNS = (
    "mission", "date", "nationality", "gender", "personnel_type", "incident_type", "casualty_type", "casualty_id", "sources",
)  # fmt: skip


def _missions(missions: Mission | Iterable[Mission]) -> Iterable[Mission]:
    return (missions,) if isinstance(missions, Mission) else missions


def _date(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _joined(values: Sequence[str]) -> str | None:
    return "; ".join(values) if values else None


def _strength(strength: Strength) -> tuple[int, int | None]:
    return strength.low, strength.high


def _place(prefix: str, place: Place | None) -> Row:
    if place is None:
        return {prefix: None, f"{prefix}_country": None, f"{prefix}_latitude": None, f"{prefix}_longitude": None}
    return {
        prefix: place.name,
        f"{prefix}_country": place.country,
        f"{prefix}_latitude": place.latitude,
        f"{prefix}_longitude": place.longitude,
    }


def mission_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per mission: its identity, places, dates and how many records of each kind it has.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import datasets
        >>> row = mission_rows(datasets.load("unifil"))[0]
        >>> row["id"], row["headquarters"], row["countries"]
        ('unifil', 'Naqoura', 'LBN')
    """
    rows: list[Row] = []
    for m in _missions(missions):
        row: Row = {
            "id": m.id,
            "name": m.name,
            "acronym": m.acronym,
            "kind": m.kind.value,
            "status": m.status.value,
            "area": m.area,
            "countries": _joined(m.countries),
        }
        row.update(_place("headquarters", m.headquarters))
        row.update(_place("location", m.location))
        row.update(
            {
                "established": _date(m.established),
                "ended": _date(m.ended),
                "lead": m.lead,
                "mandates": len(m.mandates),
                "contributions": len(m.contributions),
                "appointments": len(m.appointments),
                "positions": len(m.positions),
                "fatalities": len(m.fatalities),
            }
        )
        rows.append(row)
    return rows


def _contribution_row(mission: Mission, c: Contribution) -> Row:
    low, high = _strength(c.strength)
    return {
        "mission": mission.id,
        "contributor": c.contributor,
        "kind": c.kind.value,
        "status": c.status.value,
        "strength_min": low,
        "strength_max": high,
        "female": c.female,
        "male": c.male,
        "as_of": _date(c.as_of),
        "role": c.role,
        "caveats": _joined(c.caveats),
        "sources": _joined(c.sources),
    }


def contribution_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per contribution, with its mission's id: every claim recorded, current or not.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import datasets
        >>> rows = contribution_rows(datasets.load("isf"))
        >>> list(rows[0])[:4]
        ['mission', 'contributor', 'kind', 'status']
    """
    return [_contribution_row(m, c) for m in _missions(missions) for c in m.contributions]


def claim_rows(missions: Mission | Iterable[Mission], on: DateLike | None = None) -> list[Row]:
    """One row per current claim on ``on``, with its mission's id and whether it is disputed.

    The current claims are those of `missionmodel.claims.latest_claims`: for each contributor
    and kind, the latest claim known by ``on``, whatever its status (a pledge that was later
    declined gives one row, ``declined``). Claims of the same time and status give one row, with
    the range covering their strengths and all their sources; claims of the same time that
    disagree on the status give a row each, with ``disputed`` True. The columns are those of
    `contribution_rows` and ``disputed`` (`CLAIM_COLUMNS`).

    Args:
        missions: One mission or several.
        on: The date asked about (a `PartialDate`, ISO text or `datetime.date`); None for the
            latest claims.

    Raises:
        ValidationError: If ``on`` cannot be read as a date.

    Example:
        >>> from missionmodel import datasets
        >>> rows = claim_rows(datasets.load("isf"), on="2026-02-28")
        >>> row = next(row for row in rows if row["contributor"] == "IDN" and row["kind"] == "troops")
        >>> row["status"], row["strength_max"], row["as_of"], row["disputed"]
        ('pledged', 8000, '2026-02-19', False)
    """
    rows: list[Row] = []
    for m in _missions(missions):
        for claim in latest_claims(m.contributions, on=on):
            row = _contribution_row(m, claim.contribution)
            row["disputed"] = claim.disputed
            rows.append(row)
    return rows


def position_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per stakeholder position, with its mission's id.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import datasets
        >>> rows = position_rows(datasets.load("isf"))
        >>> sorted(rows[0]) == sorted(POSITION_COLUMNS)
        True
    """
    rows: list[Row] = []
    for m in _missions(missions):
        for p in m.positions:
            rows.append(
                {
                    "mission": m.id,
                    "actor": p.actor,
                    "stance": p.stance.value,
                    "subject": p.subject,
                    "summary": p.summary,
                    "demands": _joined(p.demands),
                    "date": _date(p.date),
                    "sources": _joined(p.sources),
                }
            )
    return rows


def fatality_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per fatality, with its mission's id.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import datasets
        >>> fatality_rows(datasets.load("unifil"))
        []
    """
    rows: list[Row] = []
    for m in _missions(missions):
        for f in m.fatalities:
            rows.append(
                {
                    "mission": m.id,
                    "date": _date(f.date),
                    "nationality": f.nationality,
                    "gender": None if f.gender is None else f.gender.value,
                    "personnel_type": f.personnel_type,
                    "incident_type": f.incident_type,
                    "casualty_type": f.casualty_type,
                    "casualty_id": f.casualty_id,
                    "sources": _joined(f.sources),
                }
            )
    return rows


def write_csv(rows: Iterable[Row], path: str | os.PathLike[str], columns: Sequence[str] | None = None) -> None:
    r"""Write rows to a CSV file (UTF-8, a header line, None as an empty cell, a bool as True or False), atomically.

    The file is written to a temporary file in the same folder and renamed over ``path`` when
    complete, so a failure leaves any earlier file untouched and no partial file behind.

    Args:
        rows: The rows, e.g. from `contribution_rows`.
        path: The file to write.
        columns: The columns, in order; by default the keys of the first row (none for no rows,
            which writes an empty file).

    Raises:
        FormatError: If a row has a key that is not among the columns or text that cannot be
            written as UTF-8 (naming the row), or the file cannot be written (naming it and the
            system's reason). `FormatError` is a `ValueError`.

    Example:
        >>> import tempfile, pathlib
        >>> folder = tempfile.mkdtemp()
        >>> write_csv([{"a": 1, "b": None}], pathlib.Path(folder) / "t.csv")
        >>> (pathlib.Path(folder) / "t.csv").read_text()
        'a,b\n1,\n'
    """
    target = Path(path)
    iterator = iter(rows)
    first = next(iterator, None)
    header = list(columns) if columns is not None else (list(first) if first is not None else [])
    with atomic_writer(target, newline="") as handle:
        if header:
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            if first is not None:
                for index, row in enumerate(itertools.chain([first], iterator)):
                    try:
                        writer.writerow(row)
                    except UnicodeEncodeError as error:
                        raise FormatError(f"row {index}: text that cannot be written as UTF-8 ({error.reason})") from None
                    except ValueError as error:
                        raise FormatError(f"row {index}: {error}") from None


def to_dataframe(rows: Iterable[Row], columns: Sequence[str] | None = None) -> pandas.DataFrame:
    """Return the rows as a pandas DataFrame (needs pandas: ``pip install 'missionmodel[pandas]'``).

    Counts become nullable integers (``Int64``), so that a missing count stays missing.

    Args:
        rows: The rows, e.g. from `contribution_rows`.
        columns: The columns, in order; by default the keys of the first row.

    Raises:
        ImportError: If pandas is not installed, saying how to install it.

    Example:
        >>> frame = to_dataframe([{"mission": "unifil", "female": 25}, {"mission": "isf", "female": None}])
        >>> str(frame["female"].dtype), frame["female"].isna().tolist()
        ('Int64', [False, True])
    """
    try:
        import pandas as pd
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_dataframe() needs pandas, which is not installed; install it with: pip install 'missionmodel[pandas]'"
        ) from error
    materialised = list(rows)
    frame = pd.DataFrame.from_records(materialised, columns=list(columns) if columns is not None else None)
    for name in frame.columns:
        values = [row.get(name) for row in materialised]
        present = [value for value in values if value is not None]
        if present and all(isinstance(value, int) and not isinstance(value, bool) for value in present):
            frame[name] = pd.array(values, dtype="Int64")  # type: ignore[call-overload]
    result: pandas.DataFrame = frame
    return result
