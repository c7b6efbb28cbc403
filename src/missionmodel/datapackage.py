"""A Frictionless Data Package out: the tidy tables as CSV files with a ``datapackage.json`` that describes them.

`write_datapackage` writes each table of `missionmodel.tables.TABLES` to a CSV file in one folder,
and a ``datapackage.json`` (a Tabular Data Package, version 1 of the Frictionless Data
specifications) with a Table Schema for each file: every column's name, type, description and
constraints (required columns, the allowed values of enum columns, the bounds of counts and
coordinates, the form of dates), the text that means a missing value (an empty cell), the
primary keys (``missions.id``, ``sources`` by mission and id, the records that have no id of
their own by mission and their position: ``sites`` by ``site_index``, ``mandates`` by
``mandate_index``, ``events`` by ``event_index`` ...) and the foreign keys (each table's
``mission`` to ``missions.id``, each site contingent to its site, a mandate's ``follows`` to the
``id`` of a mandate, an appointment's, budget's, fatality count's or event's ``disputes`` to the
``id`` of a record of its table). The Frictionless tools, Open Data Editor, R's ``frictionless``
package or any Table Schema reader then read the tables with their types.

The ids of mandates, appointments, budgets, counts and events are unique within a mission, and
optional: a ``follows`` or ``disputes`` link is checked against the ``id`` column alone (a Table
Schema foreign key fails on a row whose key is empty in one of two columns), so a package of
several missions checks that the id exists, and `missionmodel.Mission` checks that it exists in
the same mission.

A date known to the year or the month (``"2026-02"``) has no Table Schema type that also allows
a full date, so date columns are strings with a ``pattern`` constraint (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``). Lists (``sources``, ``countries`` ...) are strings, their items joined with
``"; "``. Booleans are written ``True`` and ``False``.

Example:
    >>> import json, tempfile
    >>> from missionmodel import datasets
    >>> folder = tempfile.mkdtemp()
    >>> path = write_datapackage(datasets.load("isf"), folder, tables=["missions", "contributions"])
    >>> package = json.loads(path.read_text(encoding="utf-8"))
    >>> [(r["name"], r["path"]) for r in package["resources"]]
    [('missions', 'missions.csv'), ('contributions', 'contributions.csv')]
    >>> package["resources"][1]["schema"]["foreignKeys"]
    [{'fields': ['mission'], 'reference': {'resource': 'missions', 'fields': ['id']}}]
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ._atomic import atomic_writer, describe_os_error
from .dates import DateLike
from .exceptions import FormatError
from .mission import Mission
from .tables import COLUMNS, PARTIAL_DATE_PATTERN, TABLES, Column, write_csv

__all__ = ["DESCRIPTOR", "PRIMARY_KEYS", "descriptor", "table_schema", "write_datapackage"]

DESCRIPTOR = "datapackage.json"
"""The name of the file that describes the package."""

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "missions": ("id",),
    "mandates": ("mission", "mandate_index"),
    "personnel": ("mission", "figure_index"),
    "appointments": ("mission", "appointment_index"),
    "fatality_counts": ("mission", "count_index"),
    "budgets": ("mission", "budget_index"),
    "events": ("mission", "event_index"),
    "coverage": ("mission", "note_index"),
    "sites": ("mission", "site_index"),
    "sources": ("mission", "id"),
}
"""The columns that identify a row, for the tables that have such columns."""

_MISSION_KEY = (("mission",), "missions", ("id",))
_FOREIGN_KEYS: dict[str, tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...]] = {
    **{name: (_MISSION_KEY,) for name in COLUMNS if name != "missions"},
    "mandates": (_MISSION_KEY, (("follows",), "mandates", ("id",))),
    **{name: (_MISSION_KEY, (("disputes",), name, ("id",))) for name in ("appointments", "fatality_counts", "budgets", "events")},
    "site_contingents": (
        _MISSION_KEY,
        (("mission", "site_index"), "sites", ("mission", "site_index")),
    ),
}
"""Each table's references: (its columns, the table referred to, that table's columns)."""

_PATTERN = PARTIAL_DATE_PATTERN.removeprefix("^").removesuffix("$")
"""A partial date, as a Table Schema pattern (XML Schema style: anchored, no ^ or $)."""

_DESCRIPTIONS = {
    "missions": "One row per mission: its identity, places, dates and how many records of each kind it has.",
    "mandates": "One row per mandate, each link of a chain of renewals as recorded, with what the chain leaves in force.",
    "contributions": "One row per contribution claim recorded, current or not.",
    "claims": "One row per current claim (per contributor, kind and status), as the claims policy resolves them.",
    "personnel": "One row per figure reported for a mission's personnel as a whole, planned or actual.",
    "appointments": "One row per appointment: who held which post, from when to when (alternative accounts too).",
    "positions": "One row per stakeholder position.",
    "fatalities": "One row per member of a mission's personnel who died in service.",
    "fatality_counts": "One row per reported count of a mission's dead, as reported (conflicting counts each a row).",
    "budgets": "One row per budget figure of a fiscal period: proposed, approved or spent.",
    "events": "One row per event of a mission's timeline (alternative accounts too).",
    "coverage": "One row per coverage note: what a mission's data hold and from when, what they miss, what is unconfirmed.",
    "sites": "One row per deployment site: a place where a mission had personnel at one date.",
    "site_contingents": "One row per contributing country's contingent at a deployment site.",
    "sources": "One row per source that the records cite.",
}


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name}
    constraints: dict[str, Any] = {}
    if column.type in ("integer", "number", "boolean"):
        field["type"] = column.type
    else:
        field["type"] = "string"
    if column.type == "boolean":
        field["trueValues"] = ["True"]
        field["falseValues"] = ["False"]
    field["description"] = column.description
    if column.required:
        constraints["required"] = True
    if column.values is not None:
        constraints["enum"] = list(column.values)
    if column.type == "partial_date":
        constraints["pattern"] = _PATTERN
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(table: str, tables: Sequence[str] | None = None) -> dict[str, Any]:
    """Return the Table Schema of one table's CSV file.

    Args:
        table: The table's name in `TABLES`.
        tables: The tables of the package, which foreign keys may refer to; all by default.

    Raises:
        ValueError: If ``table`` names no table.

    Example:
        >>> schema = table_schema("missions")
        >>> schema["primaryKey"], schema["missingValues"], schema["fields"][3]["constraints"]["enum"][:2]
        (['id'], [''], ['peacekeeping', 'stabilization'])
    """
    _check_names([table])
    present = set(COLUMNS if tables is None else tables)
    schema: dict[str, Any] = {"fields": [_field(column) for column in COLUMNS[table]], "missingValues": [""]}
    if table in PRIMARY_KEYS:
        schema["primaryKey"] = list(PRIMARY_KEYS[table])
    # A reference to the table itself names the resource "" (Table Schema: a self-reference).
    references = [
        {"fields": list(fields), "reference": {"resource": "" if other == table else other, "fields": list(other_fields)}}
        for fields, other, other_fields in _FOREIGN_KEYS.get(table, ())
        if other in present or other == table
    ]
    if references:
        schema["foreignKeys"] = references
    return schema


def _check_names(names: Iterable[str]) -> list[str]:
    chosen = list(names)
    unknown = [name for name in chosen if name not in TABLES]
    if unknown:
        raise ValueError(
            f"no table named {', '.join(repr(n) for n in unknown)}; the tables are: {', '.join(repr(n) for n in TABLES)}"
        )
    return chosen


def descriptor(tables: Iterable[str] | None = None, *, name: str = "missions") -> dict[str, Any]:
    """Return the ``datapackage.json`` content for the tables (all by default), each as ``<table>.csv``.

    Args:
        tables: The names of the tables, in `TABLES`; all of them by default.
        name: The package's name: lower-case letters, digits, ``-``, ``_`` and ``.``.

    Raises:
        ValueError: If a name in ``tables`` names no table.

    Example:
        >>> [r["path"] for r in descriptor(["sites", "site_contingents"])["resources"]]
        ['sites.csv', 'site_contingents.csv']
    """
    chosen = _check_names(TABLES if tables is None else tables)
    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": "Missions, exported by missionmodel",
        "description": (
            "Tidy tables of international missions. A strength is an interval (strength_min, and strength_max empty"
            " when there is no upper bound); dates keep their precision (YYYY, YYYY-MM or YYYY-MM-DD); lists are"
            " joined with '; '."
        ),
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": table,
                "path": f"{table}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": _DESCRIPTIONS[table],
                "schema": table_schema(table, chosen),
            }
            for table in chosen
        ],
    }


def write_datapackage(
    missions: Mission | Iterable[Mission],
    directory: str | os.PathLike[str],
    tables: Iterable[str] | None = None,
    *,
    on: DateLike | None = None,
    name: str = "missions",
) -> Path:
    """Write the missions' tables as CSV files and a ``datapackage.json`` that describes them, in ``directory``.

    The folder is made if it does not exist. Each file is written atomically (see
    `missionmodel.tables.write_csv`), the CSV files first and ``datapackage.json`` last, so that
    the descriptor never names a file that is not complete; files of the folder that the package
    does not name are left alone.

    Args:
        missions: One mission or several.
        directory: The folder to write into.
        tables: The names of the tables to write (see `missionmodel.tables.TABLES`); all by default.
        on: The date of the current claims in the ``claims`` table; None for the latest claims.
        name: The package's name in the descriptor.

    Returns:
        The path of ``datapackage.json``.

    Raises:
        ValueError: If a name in ``tables`` names no table.
        ValidationError: If ``on`` cannot be read as a date.
        FormatError: If the folder or a file cannot be written (naming it and the system's reason).
    """
    package = descriptor(tables, name=name)
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FormatError(f"cannot write {os.fspath(folder)!r}: {describe_os_error(error)}") from None
    chosen = list(missions) if not isinstance(missions, Mission) else [missions]
    for resource in package["resources"]:
        table = resource["name"]
        rows = TABLES[table](chosen, on=on) if table == "claims" else TABLES[table](chosen)
        write_csv(rows, folder / resource["path"], columns=[c.name for c in COLUMNS[table]])
    target = folder / DESCRIPTOR
    with atomic_writer(target) as handle:
        json.dump(package, handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    return target
