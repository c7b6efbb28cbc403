"""Tidy tables out: missions and their mandates, contributions, claims, people, budgets, timeline and sources as flat rows.

Each function turns missions into a list of flat dicts (one row per record, plain str, int,
float, bool or None values, the same keys in the same order in every row) that go straight into a
CSV file (`write_csv`), a pandas DataFrame with typed columns (`to_dataframe`, when pandas is
installed: the optional extra ``missionmodel[pandas]``) or a Parquet file (`write_parquet`, with
the optional extra ``missionmodel[parquet]``). `TABLES` names them all, and `COLUMNS` describes
each table's columns (name, type, allowed values, meaning), which `missionmodel.datapackage`
writes out as a Frictionless Table Schema.

The exports keep what the records say:

- A strength is an interval: ``strength_min`` and ``strength_max`` (empty when there is no upper
  bound), ``strength_text`` as the library prints it (``"up to 8,000"``, ``"unknown"``) and
  ``is_exact``. An unknown strength is ``strength_min`` 0 with no ``strength_max``: 0 is a true
  lower bound, not a count. Add the minima for the least a total can be, and the maxima for the
  most (no maximum as soon as one is missing).
- Names stand beside codes: ``contributor_name`` beside ``contributor`` (a declared actor's
  name, or the country's name for an alpha-3 code, former states included), ``country_name``,
  ``nationality_name``, ``lead_name``, and ``source_titles`` beside ``sources``.
- A date keeps its precision as text (``"2026-02"`` is February 2026, not its first day);
  `to_dataframe` and `write_parquet` add its first and last days as ``<column>_start`` and
  ``<column>_end``.
- Lists are joined with ``"; "`` (``sources``, ``caveats``, ``countries`` ...). Source ids never
  hold ``";"``, but a title may: `source_rows` lists every source on its own row.

- Every record keeps its flags: ``unconfirmed`` (only one weak source reports it, or sources
  conflict) and its ``note``; an alternative account names the record it contradicts in
  ``disputes``, and a renewal names the mandate it follows in ``follows`` (by their ``id``).
- The tables of records without an id of their own number them within their mission from 0
  (``mandate_index``, ``event_index``, ... as in ``mission.events[i]``).

`contribution_rows` gives every claim ever recorded; `claim_rows` gives only the current ones on
a date, as `missionmodel.claims` resolves them (one row per contributor, kind and status; the
same-time reports of one status combined; a ``disputed`` column marks claims that same-time
reports contradict). `mandate_rows` gives each link of a chain of mandates as recorded, and
beside it what the chain leaves in force (``tasks_in_force``, ``ceiling_in_force``): a renewal
that lists no tasks carries over those of the mandates it follows.

Example:
    >>> from missionmodel import Contribution, ContributionKind, ContributionStatus
    >>> unifil = Mission(id="unifil", name="UNIFIL", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
    ...                  contributions=[Contribution(contributor="IDN", kind=ContributionKind.TROOPS,
    ...                                              status=ContributionStatus.DEPLOYED, strength=1231)])
    >>> rows = contribution_rows(unifil)
    >>> {key: rows[0][key] for key in ("mission", "contributor", "contributor_name", "strength_min", "strength_text")}
    {'mission': 'unifil', 'contributor': 'IDN', 'contributor_name': 'Indonesia', 'strength_min': 1231, 'strength_text': '1,231'}
    >>> list(TABLES)  # doctest: +NORMALIZE_WHITESPACE
    ['missions', 'mandates', 'contributions', 'claims', 'personnel', 'appointments', 'positions', 'fatalities',
     'fatality_counts', 'budgets', 'events', 'coverage', 'sites', 'site_contingents', 'sources']
"""

from __future__ import annotations

import csv
import datetime
import enum
import importlib
import io
import itertools
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._atomic import atomic_write_bytes, atomic_writer
from ._checks import MOST_PERSONNEL
from .appointment import Post
from .budget import BudgetKind
from .claims import latest_claims
from .contribution import Contribution, ContributionKind, ContributionStatus
from .countries import country_name, is_country_code
from .coverage import CoverageStatus, Topic
from .dates import DateLike, PartialDate
from .event import EventKind
from .exceptions import FormatError, ValidationError
from .fatality import Gender
from .mandate import AuthorityKind, Mandate, Vote
from .mission import Mission, MissionKind, MissionStatus
from .personnel import FigureKind
from .place import Place
from .position import Stance
from .site import HeadquartersLevel
from .sources import SourceKind
from .strength import Strength
from .timeline import carried_over, mandate_chain

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "APPOINTMENT_COLUMNS",
    "BUDGET_COLUMNS",
    "CLAIM_COLUMNS",
    "COLUMNS",
    "CONTRIBUTION_COLUMNS",
    "COVERAGE_COLUMNS",
    "EVENT_COLUMNS",
    "FATALITY_COLUMNS",
    "FATALITY_COUNT_COLUMNS",
    "MANDATE_COLUMNS",
    "MISSION_COLUMNS",
    "PERSONNEL_COLUMNS",
    "POSITION_COLUMNS",
    "SITE_COLUMNS",
    "SITE_CONTINGENT_COLUMNS",
    "SOURCE_COLUMNS",
    "TABLES",
    "Column",
    "appointment_rows",
    "budget_rows",
    "claim_rows",
    "contribution_rows",
    "coverage_rows",
    "event_rows",
    "fatality_count_rows",
    "fatality_rows",
    "mandate_rows",
    "mission_rows",
    "personnel_rows",
    "position_rows",
    "site_contingent_rows",
    "site_rows",
    "source_rows",
    "table_of",
    "to_dataframe",
    "write_csv",
    "write_parquet",
]

Value = str | int | float | bool | None
Row = dict[str, Value]

SEPARATOR = "; "
"""What joins the items of a list in one cell (``"a; b"``)."""

PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
"""The text of a `PartialDate` in a cell: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""

ColumnType = Literal["string", "list", "integer", "number", "boolean", "partial_date"]


@attrs.frozen(slots=True, kw_only=True)
class Column:
    """One column of a table: its name, type, allowed values and meaning.

    Attributes:
        name: The column's name, a key of every row.
        type: What its cells hold: ``"string"`` (text; an enum when ``values`` is given),
            ``"list"`` (items joined with ``"; "``), ``"integer"``, ``"number"``, ``"boolean"``
            or ``"partial_date"`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: a date known to the
            year, the month or the day).
        description: What it means.
        values: The values it may take, when it holds an enum's value (in the enum's order).
        required: True when no row leaves it empty.
        minimum: The smallest number it may hold, if any.
        maximum: The largest number it may hold, if any.

    Example:
        >>> column = next(c for c in COLUMNS["contributions"] if c.name == "kind")
        >>> column.type, column.values[:2]
        ('string', ('troops', 'police'))
    """

    name: str
    type: ColumnType
    description: str
    values: tuple[str, ...] | None = None
    required: bool = False
    minimum: int | float | None = None
    maximum: int | float | None = None

    @property
    def is_enum(self) -> bool:
        """True when the column holds an enum's value (a category)."""
        return self.values is not None


def _text(name: str, description: str, *, required: bool = False) -> Column:
    return Column(name=name, type="string", description=description, required=required)


def _list(name: str, description: str) -> Column:
    return Column(name=name, type="list", description=f"{description}, joined with '; '")


def _enum(name: str, values: type[enum.Enum], description: str, *, required: bool = False) -> Column:
    return Column(
        name=name, type="string", description=description, values=tuple(str(m.value) for m in values), required=required
    )


def _count(name: str, description: str, *, required: bool = False) -> Column:
    return Column(name=name, type="integer", description=description, required=required, minimum=0)


def _flag(name: str, description: str, *, required: bool = False) -> Column:
    return Column(name=name, type="boolean", description=description, required=required)


def _date_column(name: str, description: str, *, required: bool = False) -> Column:
    return Column(
        name=name,
        type="partial_date",
        description=f"{description}, as known: YYYY, YYYY-MM or YYYY-MM-DD",
        required=required,
    )


def _coordinates(prefix: str, what: str) -> tuple[Column, Column]:
    return (
        Column(name=f"{prefix}latitude", type="number", description=f"{what}: degrees north", minimum=-90, maximum=90),
        Column(name=f"{prefix}longitude", type="number", description=f"{what}: degrees east", minimum=-180, maximum=180),
    )


def _strength_columns(prefix: str, what: str) -> tuple[Column, ...]:
    """The four columns of a strength: its bounds, its text and whether it is exact."""
    return (
        Column(
            name=f"{prefix}_min",
            type="integer",
            description=f"{what}: the smallest number consistent with the report (0 when unknown: a bound, not a count)",
            required=True,
            minimum=0,
            maximum=MOST_PERSONNEL,
        ),
        Column(
            name=f"{prefix}_max",
            type="integer",
            description=f"{what}: the largest number consistent with the report; empty when there is no upper bound",
            minimum=0,
            maximum=MOST_PERSONNEL,
        ),
        _text(
            f"{prefix}_text",
            f"{what} as reported and printed: '1,231', 'up to 8,000', 'at least 500', '5,000 to 8,000' or 'unknown'",
            required=True,
        ),
        _flag(
            "is_exact" if prefix == "strength" else f"{prefix}_is_exact",
            f"Whether {what.lower()} is known exactly (minimum and maximum equal)",
            required=True,
        ),
    )


def _optional_strength_columns(prefix: str, what: str) -> tuple[Column, ...]:
    """The four columns of a strength that a record may leave out: all empty when it does."""
    return tuple(attrs.evolve(column, required=False) for column in _strength_columns(prefix, what))


def _index(name: str, what: str, collection: str) -> Column:
    return _count(name, f"The {what}'s position in its mission's {collection}, from 0 (as in {collection}[0])", required=True)


_MISSION_ID = _text("mission", "The mission's id (see the missions table)", required=True)
_SOURCES = (
    _list("sources", "Ids of the sources that report it (see the sources table)"),
    _list("source_titles", "The titles of those sources, in the same order"),
)
_UNCONFIRMED = _flag(
    "unconfirmed", "Whether it is unconfirmed: reported only by one weak source, or sources conflict", required=True
)
_NOTE = _text("note", "Anything a reader should know of it: how a date was read, what a figure covers")


def _disputes(what: str) -> Column:
    return _text(
        "disputes",
        f"The id of another {what} of the same mission whose account this one contradicts (an alternative account)",
    )


def _record_id(what: str) -> Column:
    return _text("id", f"The {what}'s id, by which other records of its mission name it (unique within the mission)")


_VOTE = (
    _text("vote", "How the deciding body voted, as printed ('13 in favour, 0 against, 2 abstentions', 'unanimous')"),
    _count("in_favour", "Votes in favour, when reported"),
    _count("against", "Votes against, when reported"),
    _count("abstentions", "Abstentions, when reported"),
    _flag("unanimous", "Whether the vote is reported as unanimous; empty when no vote is recorded"),
    _text("meeting", "The meeting at which the vote was taken"),
)
_CONTRIBUTION = (
    _MISSION_ID,
    _text("contributor", "Actor id of the contributor: an ISO 3166-1 alpha-3 code for a state", required=True),
    _text("contributor_name", "The contributor's name: the declared actor's, or the country's for a code"),
    _enum("kind", ContributionKind, "What is contributed", required=True),
    _enum("status", ContributionStatus, "Where the contribution stands", required=True),
    *_strength_columns("strength", "How many personnel"),
    _count("female", "How many of them are women, when reported"),
    _count("male", "How many of them are men, when reported"),
    _date_column("as_of", "When the report was true"),
    _text("role", "A role taken in the mission"),
    _list("caveats", "Limits the contributor set"),
    _text("claim_id", "The claim's id, when another claim names it in 'supersedes'"),
    _text("supersedes", "The id of a claim of the same contributor that this one replaces"),
    _UNCONFIRMED,
    _NOTE,
    *_SOURCES,
)
_CLAIM = (*_CONTRIBUTION, _flag("disputed", "Whether reports of the same time give another status", required=True))
_MISSION = (
    _text("id", "The mission's id, a lower-case slug", required=True),
    _text("name", "The mission's full name", required=True),
    _text("acronym", "Its acronym"),
    _enum("kind", MissionKind, "What kind of operation it is", required=True),
    _enum("status", MissionStatus, "Where it stands", required=True),
    _text("area", "Where it operates, in words"),
    _list("countries", "ISO 3166-1 alpha-3 codes of the countries where it deploys"),
    _list("country_names", "The names of those countries, in the same order"),
    _text("headquarters", "Where its headquarters is: the place's name"),
    _text("headquarters_country", "The alpha-3 code of the headquarters' country"),
    _text("headquarters_country_name", "The name of the headquarters' country"),
    *_coordinates("headquarters_", "The headquarters' position"),
    _text("location", "Where a publisher shows the mission on a map: the place's name"),
    _text("location_country", "The alpha-3 code of the location's country"),
    _text("location_country_name", "The name of the location's country"),
    *_coordinates("location_", "The location's position"),
    _date_column("established", "When it was established"),
    _date_column("ended", "When it ended"),
    _text("lead", "Actor id of who leads it"),
    _text("lead_name", "The name of who leads it"),
    _count("mandates", "How many mandates it has", required=True),
    _count("contributions", "How many contribution claims it has", required=True),
    _count("appointments", "How many appointments it has", required=True),
    _count("positions", "How many stakeholder positions it has", required=True),
    _count("fatalities", "How many fatalities it has, one record per person", required=True),
    _count("fatality_counts", "How many reported counts of its dead it has", required=True),
    _count("budgets", "How many budget figures it has", required=True),
    _count("events", "How many events its timeline has", required=True),
    _count("sites", "How many deployment sites it has", required=True),
    _list("sources", "Ids of the sources for the mission's own facts (see the sources table)"),
    _list("source_titles", "The titles of those sources, in the same order"),
)
_POSITION = (
    _MISSION_ID,
    _text("actor", "Actor id of the stakeholder: an ISO 3166-1 alpha-3 code for a state", required=True),
    _text("actor_name", "The stakeholder's name: the declared actor's, or the country's for a code"),
    _enum("stance", Stance, "Where it stands", required=True),
    _text("subject", "What the position is on, when narrower than the whole mission"),
    _text("summary", "What it said, briefly"),
    _list("demands", "The conditions or demands it stated"),
    _date_column("date", "When it took the position"),
    _UNCONFIRMED,
    *_SOURCES,
)
_FATALITY = (
    _MISSION_ID,
    _date_column("date", "When the incident happened", required=True),
    _text("nationality", "ISO 3166-1 alpha-3 code of the person's country; empty when undetermined"),
    _text("nationality_name", "The name of the person's country"),
    _enum("gender", Gender, "The person's gender, when reported"),
    _text("personnel_type", "What they served as, as published"),
    _text("incident_type", "What kind of incident, as published"),
    _text("casualty_type", "The kind of casualty, as published"),
    _text("casualty_id", "The publisher's id of the casualty"),
    *_SOURCES,
)
_SITE_INDEX = _count("site_index", "The site's position in the mission's sites, from 0 (as in sites[0])", required=True)
_SITE = (
    _MISSION_ID,
    _SITE_INDEX,
    _text("place", "The place's name", required=True),
    _text("country", "The alpha-3 code of the place's country"),
    _text("country_name", "The name of the place's country"),
    *_coordinates("", "The place's position"),
    _date_column("as_of", "When the site was so: the date of the map or report", required=True),
    *_strength_columns("troops", "The troops at the site"),
    _list("contributors", "Alpha-3 codes of the countries with a contingent there, each once"),
    _list("contributor_names", "The names of those countries, in the same order"),
    _list("contingents", "Each contingent with its strength, as printed ('BGD 850'; see the site_contingents table)"),
    _count("contributing_countries", "How many countries had troops there, as the source counts them"),
    _enum("headquarters", HeadquartersLevel, "Whether the site is a headquarters, and of what"),
    _flag("police", "Whether UN police were there"),
    _flag("military_observers", "Whether military observers were there"),
    _flag("liaison_office", "Whether there was a liaison office"),
    _list("units", "Units of other kinds there, with their sizes ('reserve 150')"),
    _text("source_note", "Where in the sources the site is found (the map's number)"),
    _text("note", "What the source's coders say of it"),
    *_SOURCES,
)
_SITE_CONTINGENT = (
    _MISSION_ID,
    _SITE_INDEX,
    _text("place", "The site's place name", required=True),
    _date_column("as_of", "The site's date", required=True),
    _text("contributor", "Alpha-3 code of the contributing country; empty when the source names no one country"),
    _text("contributor_name", "The contributing country's name"),
    _text("name", "The contributor as the source writes it, when that names no one country"),
    *_strength_columns("strength", "How many personnel"),
)
_SOURCE = (
    _MISSION_ID,
    _text("id", "The source's id, as records cite it", required=True),
    _text(
        "title",
        "The title or document symbol as published; a title in square brackets is a description, not the headline",
        required=True,
    ),
    _enum("kind", SourceKind, "What kind of document it is"),
    _text("publisher", "Who published it"),
    _text("url", "Where it was read"),
    _text("language", "The language it is written in: an ISO 639-1 code ('en', 'fr')"),
    _date_column("published", "When it was published"),
    _date_column("accessed", "When it was read"),
    _text("note", "Anything a reader should know of it: a republication, a date not shown, how sure the address is"),
)
_MANDATE = (
    _MISSION_ID,
    _index("mandate_index", "mandate", "mandates"),
    _record_id("mandate"),
    _text("follows", "The id of the mandate of the same mission that this one renews, extends or adjusts (its chain)"),
    _enum("authority_kind", AuthorityKind, "What kind of body authorised it", required=True),
    _text("body", "The body that authorised it ('UN Security Council')"),
    _list("instruments", "The resolutions or agreements that authorised it ('S/RES/425 (1978)')"),
    _date_column("adopted", "When the (first) instrument was adopted"),
    *_VOTE,
    _list("actions", "What the instrument does to the mandate: establishes, renews, adjusts, revises"),
    _text("legal_basis", "The legal basis, when stated ('UN Charter Chapter VII')"),
    _text("summary", "The mandate in the instrument's own words, briefly"),
    _list("tasks", "The tasks it gives or adds (a renewal lists none: it carries over those of the mandates it follows)"),
    _list("drops", "The tasks of the mandates it follows that it no longer gives"),
    _list(
        "tasks_in_force",
        "The tasks in force under it: those of its chain from the first mandate, each adding its tasks and removing its drops",
    ),
    _list("references", "What it refers to (earlier resolutions, agreements)"),
    _list("restrictions", "Limits it sets (an end to operations, a withdrawal)"),
    _date_column("start", "When it took effect"),
    _date_column("end", "Its last day in force"),
    *_optional_strength_columns("authorized_strength", "The personnel ceiling it sets (empty when it sets none)"),
    _flag("approximate", "Whether the ceiling it sets is given only approximately ('about 7,000')", required=True),
    _text(
        "ceiling_in_force",
        "The ceiling in force under it, as printed ('up to about 7,000'): the one set last along its chain",
    ),
    _text("ceiling_set_by", "The instruments of the mandate that set the ceiling in force under it"),
    _UNCONFIRMED,
    _NOTE,
    *_SOURCES,
)
_PERSONNEL = (
    _MISSION_ID,
    _index("figure_index", "figure", "personnel"),
    _enum("kind", FigureKind, "Whether the figure is planned or actual", required=True),
    _list("personnel", "Which personnel it counts (troops, police, ...); empty when it counts them all"),
    *_strength_columns("strength", "How many personnel"),
    _flag("approximate", "Whether the source gives the number as approximate ('about 800')", required=True),
    _count("contributing_countries", "How many countries the personnel come from, when reported"),
    _date_column("as_of", "When the figure was true"),
    _text("note", "Context that the source gives with the figure"),
    _UNCONFIRMED,
    *_SOURCES,
)
_APPOINTMENT = (
    _MISSION_ID,
    _index("appointment_index", "appointment", "appointments"),
    _record_id("appointment"),
    _enum("post", Post, "The post", required=True),
    _text("unit", "The sector or component, for a post held per unit ('Sector West', 'Maritime Task Force')"),
    _text("holder", "Actor id of the holder: a declared person, or a state's alpha-3 code", required=True),
    _text("holder_name", "The holder's name: the declared actor's, or the country's for a code"),
    _text("holder_country", "The alpha-3 code of the holder's country: a person's nationality, or the state itself"),
    _text("holder_country_name", "The name of the holder's country"),
    _flag("acting", "Whether the holder was acting or ad interim", required=True),
    _date_column("start", "When the term began"),
    _date_column("end", "The holder's last day in office; empty while it lasts or when not known"),
    _disputes("appointment"),
    _UNCONFIRMED,
    _NOTE,
    *_SOURCES,
)
_FATALITY_COUNT = (
    _MISSION_ID,
    _index("count_index", "count", "fatality_counts"),
    _record_id("count"),
    _count("count", "How many died, as reported", required=True),
    _date_column("as_of", "The date the count refers to; empty when the source gives none"),
    _date_column("since", "When the count starts; empty for the mission's start"),
    _disputes("count"),
    _UNCONFIRMED,
    _text("note", "Who is counted (peacekeepers, civilian staff, dependants) and anything else a reader should know"),
    *_SOURCES,
)
_BUDGET = (
    _MISSION_ID,
    _index("budget_index", "figure", "budgets"),
    _record_id("budget figure"),
    _date_column("start", "The first day of the fiscal period", required=True),
    _date_column("end", "The last day of the fiscal period", required=True),
    _enum("kind", BudgetKind, "What the figure is: proposed, approved or spent", required=True),
    _count("amount", "The amount in whole units of the currency; empty when the source gives none"),
    _text("currency", "The ISO 4217 code of the currency ('USD')", required=True),
    _flag("net", "Whether the figure is net (after staff assessment); False for gross or not stated", required=True),
    _flag("approximate", "Whether the source gives the amount as approximate ('about $487 million')", required=True),
    _text("decided_by", "The document that decided it ('A/RES/51/233')"),
    _date_column("decided", "When it was decided"),
    *_VOTE,
    _disputes("budget figure"),
    _UNCONFIRMED,
    _NOTE,
    *_SOURCES,
)
_EVENT = (
    _MISSION_ID,
    _index("event_index", "event", "events"),
    _record_id("event"),
    _date_column("date", "When it happened", required=True),
    _enum("kind", EventKind, "What kind of event it is"),
    _text("summary", "What happened, briefly", required=True),
    _text("place", "Where it happened: the place's name"),
    _text("place_country", "The alpha-3 code of the place's country"),
    _text("place_country_name", "The name of the place's country"),
    *_coordinates("", "The place's position"),
    _list("actors", "Who took part: actor ids, or states' alpha-3 codes"),
    _list("actor_names", "Their names, in the same order"),
    _disputes("event"),
    _UNCONFIRMED,
    _NOTE,
    *_SOURCES,
)
_COVERAGE = (
    _MISSION_ID,
    _index("note_index", "note", "coverage"),
    _enum("topic", Topic, "What part of the record it is about (a table's name); empty for the whole mission"),
    _enum("status", CoverageStatus, "What it says: what is known (and from when), missing, or unconfirmed", required=True),
    _date_column("start", "From when it applies (for 'known': where the data of the topic begin)"),
    _date_column("end", "Until when it applies"),
    _text("text", "The statement, in plain words", required=True),
    *_SOURCES,
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    "missions": _MISSION,
    "mandates": _MANDATE,
    "contributions": _CONTRIBUTION,
    "claims": _CLAIM,
    "personnel": _PERSONNEL,
    "appointments": _APPOINTMENT,
    "positions": _POSITION,
    "fatalities": _FATALITY,
    "fatality_counts": _FATALITY_COUNT,
    "budgets": _BUDGET,
    "events": _EVENT,
    "coverage": _COVERAGE,
    "sites": _SITE,
    "site_contingents": _SITE_CONTINGENT,
    "sources": _SOURCE,
}
"""Each table's columns, in order, by the table's name in `TABLES`."""

MISSION_COLUMNS = tuple(c.name for c in _MISSION)
MANDATE_COLUMNS = tuple(c.name for c in _MANDATE)
CONTRIBUTION_COLUMNS = tuple(c.name for c in _CONTRIBUTION)
CLAIM_COLUMNS = tuple(c.name for c in _CLAIM)
PERSONNEL_COLUMNS = tuple(c.name for c in _PERSONNEL)
APPOINTMENT_COLUMNS = tuple(c.name for c in _APPOINTMENT)
POSITION_COLUMNS = tuple(c.name for c in _POSITION)
FATALITY_COLUMNS = tuple(c.name for c in _FATALITY)
FATALITY_COUNT_COLUMNS = tuple(c.name for c in _FATALITY_COUNT)
BUDGET_COLUMNS = tuple(c.name for c in _BUDGET)
EVENT_COLUMNS = tuple(c.name for c in _EVENT)
COVERAGE_COLUMNS = tuple(c.name for c in _COVERAGE)
SITE_COLUMNS = tuple(c.name for c in _SITE)
SITE_CONTINGENT_COLUMNS = tuple(c.name for c in _SITE_CONTINGENT)
SOURCE_COLUMNS = tuple(c.name for c in _SOURCE)


# --- rows ---------------------------------------------------------------------------------------


def _missions(missions: Mission | Iterable[Mission]) -> Iterable[Mission]:
    return (missions,) if isinstance(missions, Mission) else missions


def _date(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _joined(values: Iterable[str]) -> str | None:
    return SEPARATOR.join(values) or None


def _country(code: str | None) -> str | None:
    """The name of the country with alpha-3 ``code`` (former states included); None for None."""
    if code is None:
        return None
    try:
        return country_name(code)
    except KeyError:  # not a code: a record built without validation; give no name rather than a wrong one
        return None


def _strength(prefix: str, strength: Strength) -> Row:
    return {
        f"{prefix}_min": strength.low,
        f"{prefix}_max": strength.high,
        f"{prefix}_text": str(strength),
        "is_exact" if prefix == "strength" else f"{prefix}_is_exact": strength.is_exact,
    }


class _Names:
    """A mission's names for the ids its records use: actors (declared, or states) and sources."""

    __slots__ = ("actors", "countries", "titles")

    def __init__(self, mission: Mission) -> None:
        self.actors = {actor.id: actor.name for actor in mission.actors}
        self.countries = {actor.id: actor.country for actor in mission.actors}
        self.titles = {source.id: source.title for source in mission.sources}

    def actor(self, reference: str | None) -> str | None:
        if reference is None:
            return None
        name = self.actors.get(reference)
        if name is None and is_country_code(reference):
            name = country_name(reference)
        return name

    def country(self, reference: str) -> str | None:
        """The alpha-3 code of an actor's country: a declared actor's ``country``, or a state's own code."""
        declared = self.countries.get(reference)
        if declared is not None or reference in self.actors:
            return declared
        return reference if is_country_code(reference) else None

    def sources(self, ids: Sequence[str]) -> Row:
        return {
            "sources": _joined(ids),
            "source_titles": _joined(self.titles.get(source_id, source_id) for source_id in ids),
        }


def _place(prefix: str, place: Place | None) -> Row:
    if place is None:
        return {
            prefix: None,
            f"{prefix}_country": None,
            f"{prefix}_country_name": None,
            f"{prefix}_latitude": None,
            f"{prefix}_longitude": None,
        }
    return {
        prefix: place.name,
        f"{prefix}_country": place.country,
        f"{prefix}_country_name": _country(place.country),
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
        >>> row["id"], row["headquarters"], row["countries"], row["country_names"]
        ('unifil', 'Naqoura', 'LBN', 'Lebanon')
    """
    rows: list[Row] = []
    for m in _missions(missions):
        names = _Names(m)
        row: Row = {
            "id": m.id,
            "name": m.name,
            "acronym": m.acronym,
            "kind": m.kind.value,
            "status": m.status.value,
            "area": m.area,
            "countries": _joined(m.countries),
            "country_names": _joined(_country(code) or code for code in m.countries),
        }
        row.update(_place("headquarters", m.headquarters))
        row.update(_place("location", m.location))
        row.update(
            {
                "established": _date(m.established),
                "ended": _date(m.ended),
                "lead": m.lead,
                "lead_name": names.actor(m.lead),
                "mandates": len(m.mandates),
                "contributions": len(m.contributions),
                "appointments": len(m.appointments),
                "positions": len(m.positions),
                "fatalities": len(m.fatalities),
                "fatality_counts": len(m.fatality_counts),
                "budgets": len(m.budgets),
                "events": len(m.events),
                "sites": len(m.sites),
            }
        )
        row.update(names.sources(m.profile_sources))
        rows.append(row)
    return rows


def _contribution_row(mission: Mission, names: _Names, c: Contribution) -> Row:
    row: Row = {
        "mission": mission.id,
        "contributor": c.contributor,
        "contributor_name": names.actor(c.contributor),
        "kind": c.kind.value,
        "status": c.status.value,
    }
    row.update(_strength("strength", c.strength))
    row.update(
        {
            "female": c.female,
            "male": c.male,
            "as_of": _date(c.as_of),
            "role": c.role,
            "caveats": _joined(c.caveats),
            "claim_id": c.id,
            "supersedes": c.supersedes,
            "unconfirmed": c.unconfirmed,
            "note": c.note,
        }
    )
    row.update(names.sources(c.sources))
    return row


def contribution_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per contribution, with its mission's id: every claim recorded, current or not.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import datasets
        >>> rows = contribution_rows(datasets.load("isf"))
        >>> list(rows[0])[:5]
        ['mission', 'contributor', 'contributor_name', 'kind', 'status']
        >>> row = next(row for row in rows if row["strength_text"] == "unknown")
        >>> row["strength_min"], row["strength_max"], row["is_exact"]
        (0, None, False)
    """
    rows: list[Row] = []
    for m in _missions(missions):
        names = _Names(m)
        rows.extend(_contribution_row(m, names, c) for c in m.contributions)
    return rows


def claim_rows(missions: Mission | Iterable[Mission], on: DateLike | None = None) -> list[Row]:
    """One row per current claim on ``on``, with its mission's id and whether it is disputed.

    The current claims are those of `missionmodel.claims.latest_claims`: for each contributor
    and kind, the latest claim known by ``on``, whatever its status (a pledge that was later
    declined gives one row, ``declined``). Claims of the same time and status give one row, with
    the range covering their strengths and all their sources (``unconfirmed`` only when every
    report is, and the notes of all); claims of the same time that disagree on the status give a
    row each, with ``disputed`` True. The columns are those of `contribution_rows` and
    ``disputed`` (`CLAIM_COLUMNS`).

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
        >>> row["status"], row["strength_text"], row["as_of"], row["disputed"]
        ('pledged', 'up to 8,000', '2026-02-19', False)
    """
    rows: list[Row] = []
    for m in _missions(missions):
        names = _Names(m)
        for claim in latest_claims(m.contributions, on=on):
            row = _contribution_row(m, names, claim.contribution)
            row["unconfirmed"] = all(record.unconfirmed for record in claim.records)
            row["note"] = _joined(dict.fromkeys(r.note for r in claim.records if r.note is not None))
            row["disputed"] = claim.disputed
            rows.append(row)
    return rows


def position_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per stakeholder position, with its mission's id and the stakeholder's name.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import datasets
        >>> rows = position_rows(datasets.load("isf"))
        >>> tuple(rows[0]) == POSITION_COLUMNS
        True
    """
    rows: list[Row] = []
    for m in _missions(missions):
        names = _Names(m)
        for p in m.positions:
            row: Row = {
                "mission": m.id,
                "actor": p.actor,
                "actor_name": names.actor(p.actor),
                "stance": p.stance.value,
                "subject": p.subject,
                "summary": p.summary,
                "demands": _joined(p.demands),
                "date": _date(p.date),
                "unconfirmed": p.unconfirmed,
            }
            row.update(names.sources(p.sources))
            rows.append(row)
    return rows


def fatality_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per fatality, with its mission's id and the name of the person's country.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import datasets
        >>> fatality_rows(datasets.load("unifil"))
        []
    """
    rows: list[Row] = []
    for m in _missions(missions):
        names = _Names(m)
        for f in m.fatalities:
            row: Row = {
                "mission": m.id,
                "date": _date(f.date),
                "nationality": f.nationality,
                "nationality_name": _country(f.nationality),
                "gender": None if f.gender is None else f.gender.value,
                "personnel_type": f.personnel_type,
                "incident_type": f.incident_type,
                "casualty_type": f.casualty_type,
                "casualty_id": f.casualty_id,
            }
            row.update(names.sources(f.sources))
            rows.append(row)
    return rows


def site_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per deployment site (`Mission.sites`), with its mission's id and its position in the mission.

    The troops at the site are a strength (``troops_min``, ``troops_max``, ``troops_text``,
    ``troops_is_exact``): a site whose troops the source does not count has ``troops_min`` 0
    and no ``troops_max``, never a count of 0. Each contingent is a row of `site_contingent_rows`.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import Mission, MissionKind, MissionStatus, Place, Site, SiteContingent
        >>> bunia = Site(place=Place(name="Bunia", country="COD", latitude=1.5667, longitude=30.25), as_of="2005-06",
        ...              contingents=[SiteContingent(contributor="BGD", strength=850), SiteContingent(contributor="PAK")])
        >>> monuc = Mission(id="monuc", name="MONUC", kind=MissionKind.PEACEKEEPING, status=MissionStatus.CLOSED, sites=[bunia])
        >>> row = site_rows(monuc)[0]
        >>> row["place"], row["country_name"], row["troops_text"], row["contributor_names"], row["contingents"]
        ('Bunia', 'Congo, The Democratic Republic of the', 'unknown', 'Bangladesh; Pakistan', 'BGD 850; PAK unknown')
    """
    rows: list[Row] = []
    for m in _missions(missions):
        names = _Names(m)
        for index, site in enumerate(m.sites):
            place = site.place
            contributors = site.contributors()
            row: Row = {
                "mission": m.id,
                "site_index": index,
                "place": place.name,
                "country": place.country,
                "country_name": _country(place.country),
                "latitude": place.latitude,
                "longitude": place.longitude,
                "as_of": str(site.as_of),
            }
            row.update(_strength("troops", site.troops))
            row.update(
                {
                    "contributors": _joined(contributors),
                    "contributor_names": _joined(_country(code) or code for code in contributors),
                    "contingents": _joined(str(c) for c in site.contingents),
                    "contributing_countries": site.contributing_countries,
                    "headquarters": None if site.headquarters is None else site.headquarters.value,
                    "police": site.police,
                    "military_observers": site.military_observers,
                    "liaison_office": site.liaison_office,
                    "units": _joined(str(u) for u in site.units),
                    "source_note": site.source_note,
                    "note": site.note,
                }
            )
            row.update(names.sources(site.sources))
            rows.append(row)
    return rows


def site_contingent_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per contingent at a deployment site: who had how many personnel where, and when.

    ``site_index`` is the site's position in the mission's sites, the key of `site_rows`; the
    site's place and date are repeated for convenience.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import Mission, MissionKind, MissionStatus, Site, SiteContingent
        >>> site = Site(place="Bunia", as_of="2005-06", contingents=[SiteContingent(contributor="BGD", strength=850)])
        >>> monuc = Mission(id="monuc", name="MONUC", kind=MissionKind.PEACEKEEPING, status=MissionStatus.CLOSED, sites=[site])
        >>> [(r["place"], r["contributor_name"], r["strength_min"]) for r in site_contingent_rows(monuc)]
        [('Bunia', 'Bangladesh', 850)]
    """
    rows: list[Row] = []
    for m in _missions(missions):
        for index, site in enumerate(m.sites):
            as_of = str(site.as_of)
            for contingent in site.contingents:
                row: Row = {
                    "mission": m.id,
                    "site_index": index,
                    "place": site.place.name,
                    "as_of": as_of,
                    "contributor": contingent.contributor,
                    "contributor_name": _country(contingent.contributor),
                    "name": contingent.name,
                }
                row.update(_strength("strength", contingent.strength))
                rows.append(row)
    return rows


def source_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per declared source, with its mission's id: what the ``sources`` columns cite.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import datasets
        >>> row = next(r for r in source_rows(datasets.load("isf")) if r["id"] == "sc-16225")
        >>> row["publisher"], row["published"]
        ('United Nations', '2025-11-17')
    """
    return [
        {
            "mission": m.id,
            "id": s.id,
            "title": s.title,
            "kind": None if s.kind is None else s.kind.value,
            "publisher": s.publisher,
            "url": s.url,
            "language": s.language,
            "published": _date(s.published),
            "accessed": _date(s.accessed),
            "note": s.note,
        }
        for m in _missions(missions)
        for s in m.sources
    ]


def _vote(vote: Vote | None) -> Row:
    if vote is None:
        return dict.fromkeys(("vote", "in_favour", "against", "abstentions", "unanimous", "meeting"))
    return {
        "vote": str(vote),
        "in_favour": vote.in_favour,
        "against": vote.against,
        "abstentions": vote.abstentions,
        "unanimous": vote.unanimous,
        "meeting": vote.meeting,
    }


def _flags(record: Any) -> Row:
    """A record's ``unconfirmed`` and ``note``."""
    return {"unconfirmed": record.unconfirmed, "note": record.note}


def mandate_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per mandate, with what its chain leaves in force: each link of a chain as recorded.

    A renewal gives only what it changes: ``tasks`` lists the tasks it gives or adds, ``drops``
    those it drops, and the ceiling columns (``authorized_strength_min`` ...) the ceiling it
    sets, empty when it sets none. ``tasks_in_force`` and ``ceiling_in_force`` give what is in
    force under it, carried along its chain (``follows``) from the first mandate, as
    `Mission.tasks_on` and `Mission.authorized_strength_on` find them; ``ceiling_set_by`` names
    the mandate that set that ceiling.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import Authority, AuthorityKind, Mandate, MandateAction, Task
        >>> council = AuthorityKind.UN_SECURITY_COUNCIL
        >>> first = Mandate(id="res-1701", authority=Authority(kind=council, instruments=["S/RES/1701 (2006)"]),
        ...                 tasks=[Task.CEASEFIRE_MONITORING], authorized_strength="up to 15,000", start="2006-08-11")
        >>> renewal = Mandate(authority=Authority(kind=council, instruments=["S/RES/1773 (2007)"]),
        ...                   actions=[MandateAction.RENEWS], follows="res-1701", start="2007-08-31")
        >>> unifil = Mission(id="unifil", name="UNIFIL", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
        ...                  mandates=[first, renewal])
        >>> row = mandate_rows(unifil)[1]
        >>> row["follows"], row["tasks"], row["tasks_in_force"], row["authorized_strength_text"], row["ceiling_in_force"]
        ('res-1701', None, 'ceasefire_monitoring', None, 'up to 15,000')
        >>> row["ceiling_set_by"]
        'S/RES/1701 (2006)'
    """
    rows: list[Row] = []
    for m in _missions(missions):
        names = _Names(m)
        for index, mandate in enumerate(m.mandates):
            authority = mandate.authority
            tasks, ceiling = carried_over(mandate_chain(m.mandates, mandate))
            row: Row = {
                "mission": m.id,
                "mandate_index": index,
                "id": mandate.id,
                "follows": mandate.follows,
                "authority_kind": authority.kind.value,
                "body": authority.body,
                "instruments": _joined(authority.instruments),
                "adopted": _date(authority.adopted),
            }
            row.update(_vote(authority.vote))
            row.update(
                {
                    "actions": _joined(action.value for action in mandate.actions),
                    "legal_basis": mandate.legal_basis,
                    "summary": mandate.summary,
                    "tasks": _joined(task.value for task in mandate.tasks),
                    "drops": _joined(task.value for task in mandate.drops),
                    "tasks_in_force": _joined(task.value for task in tasks),
                    "references": _joined(mandate.references),
                    "restrictions": _joined(mandate.restrictions),
                    "start": _date(mandate.start),
                    "end": _date(mandate.end),
                }
            )
            if mandate.authorized_strength is None:
                row.update(dict.fromkeys(("authorized_strength_min", "authorized_strength_max", "authorized_strength_text")))
                row["authorized_strength_is_exact"] = None
            else:
                row.update(_strength("authorized_strength", mandate.authorized_strength))
            row.update(
                {
                    "approximate": mandate.approximate,
                    "ceiling_in_force": None if ceiling is None else str(ceiling),
                    "ceiling_set_by": None if ceiling is None else _instruments(ceiling.set_by),
                }
            )
            row.update(_flags(mandate))
            row.update(names.sources(mandate.sources))
            rows.append(row)
    return rows


def _instruments(mandate: Mandate) -> str | None:
    return _joined(mandate.authority.instruments) or mandate.id


def personnel_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per personnel figure: the strength of the mission as a whole (or of some of its personnel).

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import datasets
        >>> row = next(r for r in personnel_rows(datasets.load("isf")) if r["kind"] == "planned")
        >>> row["strength_text"], row["personnel"]
        ('20,000', 'troops')
    """
    rows: list[Row] = []
    for m in _missions(missions):
        names = _Names(m)
        for index, figure in enumerate(m.personnel):
            row: Row = {
                "mission": m.id,
                "figure_index": index,
                "kind": figure.kind.value,
                "personnel": _joined(kind.value for kind in figure.personnel),
            }
            row.update(_strength("strength", figure.strength))
            row.update(
                {
                    "approximate": figure.approximate,
                    "contributing_countries": figure.contributing_countries,
                    "as_of": _date(figure.as_of),
                    "note": figure.note,
                    "unconfirmed": figure.unconfirmed,
                }
            )
            row.update(names.sources(figure.sources))
            rows.append(row)
    return rows


def appointment_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per appointment: who held which post (for which unit), from when to when, and how sure it is.

    An alternative account (another handover date, say) is its own row, naming in ``disputes``
    the appointment it contradicts; ``acting`` marks an acting or ad interim holder.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import Appointment, Post
        >>> m = Mission(id="m", name="M", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
        ...             appointments=[Appointment(post=Post.DEPUTY_FORCE_COMMANDER, holder="IDN", acting=True)])
        >>> row = appointment_rows(m)[0]
        >>> row["post"], row["holder_name"], row["holder_country"], row["acting"]
        ('deputy_force_commander', 'Indonesia', 'IDN', True)
    """
    rows: list[Row] = []
    for m in _missions(missions):
        names = _Names(m)
        for index, appointment in enumerate(m.appointments):
            country = names.country(appointment.holder)
            row: Row = {
                "mission": m.id,
                "appointment_index": index,
                "id": appointment.id,
                "post": appointment.post.value,
                "unit": appointment.unit,
                "holder": appointment.holder,
                "holder_name": names.actor(appointment.holder),
                "holder_country": country,
                "holder_country_name": _country(country),
                "acting": appointment.acting,
                "start": _date(appointment.start),
                "end": _date(appointment.end),
                "disputes": appointment.disputes,
            }
            row.update(_flags(appointment))
            row.update(names.sources(appointment.sources))
            rows.append(row)
    return rows


def fatality_count_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per reported count of a mission's dead, as reported (conflicting counts each a row).

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import FatalityCount
        >>> m = Mission(id="m", name="M", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
        ...             fatality_counts=[FatalityCount(count=270, as_of="2008-03-19")])
        >>> row = fatality_count_rows(m)[0]
        >>> row["count"], row["as_of"], row["since"], row["unconfirmed"]
        (270, '2008-03-19', None, False)
    """
    rows: list[Row] = []
    for m in _missions(missions):
        names = _Names(m)
        for index, count in enumerate(m.fatality_counts):
            row: Row = {
                "mission": m.id,
                "count_index": index,
                "id": count.id,
                "count": count.count,
                "as_of": _date(count.as_of),
                "since": _date(count.since),
                "disputes": count.disputes,
                "unconfirmed": count.unconfirmed,
                "note": count.note,
            }
            row.update(names.sources(count.sources))
            rows.append(row)
    return rows


def budget_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per budget figure: the fiscal period, what the figure is, the amount, and who decided it.

    ``amount`` is in whole units of ``currency`` and empty when the source gives none (only the
    vote, say); ``net`` and ``approximate`` say what kind of figure it is.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import Budget, BudgetKind
        >>> m = Mission(id="m", name="M", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
        ...             budgets=[Budget(start="2010-07-01", end="2011-06-30", kind=BudgetKind.APPROVED,
        ...                             amount=518_710_000)])
        >>> row = budget_rows(m)[0]
        >>> row["start"], row["kind"], row["amount"], row["currency"], row["net"]
        ('2010-07-01', 'approved', 518710000, 'USD', False)
    """
    rows: list[Row] = []
    for m in _missions(missions):
        names = _Names(m)
        for index, budget in enumerate(m.budgets):
            row: Row = {
                "mission": m.id,
                "budget_index": index,
                "id": budget.id,
                "start": _date(budget.start),
                "end": _date(budget.end),
                "kind": budget.kind.value,
                "amount": budget.amount,
                "currency": budget.currency,
                "net": budget.net,
                "approximate": budget.approximate,
                "decided_by": budget.decided_by,
                "decided": _date(budget.decided),
            }
            row.update(_vote(budget.vote))
            row["disputes"] = budget.disputes
            row.update(_flags(budget))
            row.update(names.sources(budget.sources))
            rows.append(row)
    return rows


def event_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per event of a mission's timeline: when, what, where and who.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import Event, EventKind
        >>> m = Mission(id="m", name="M", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
        ...             events=[Event(date="2006-10-15", kind=EventKind.DEPLOYMENT,
        ...                           summary="The Maritime Task Force deploys.", actors=["DEU"])])
        >>> row = event_rows(m)[0]
        >>> row["date"], row["kind"], row["actors"], row["actor_names"], row["place"]
        ('2006-10-15', 'deployment', 'DEU', 'Germany', None)
    """
    rows: list[Row] = []
    for m in _missions(missions):
        names = _Names(m)
        for index, event in enumerate(m.events):
            place = event.place
            row: Row = {
                "mission": m.id,
                "event_index": index,
                "id": event.id,
                "date": str(event.date),
                "kind": None if event.kind is None else event.kind.value,
                "summary": event.summary,
                "place": None if place is None else place.name,
                "place_country": None if place is None else place.country,
                "place_country_name": None if place is None else _country(place.country),
                "latitude": None if place is None else place.latitude,
                "longitude": None if place is None else place.longitude,
                "actors": _joined(event.actors),
                "actor_names": _joined(names.actor(actor) or actor for actor in event.actors),
                "disputes": event.disputes,
            }
            row.update(_flags(event))
            row.update(names.sources(event.sources))
            rows.append(row)
    return rows


def coverage_rows(missions: Mission | Iterable[Mission]) -> list[Row]:
    """One row per coverage note: what a mission's data hold (and from when), miss, or hold only unconfirmed.

    Args:
        missions: One mission or several.

    Example:
        >>> from missionmodel import CoverageNote, CoverageStatus, Topic
        >>> m = Mission(id="m", name="M", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
        ...             coverage=[CoverageNote(topic=Topic.BUDGETS, status=CoverageStatus.MISSING, start="1998",
        ...                                    end="2009", text="No amounts found.")])
        >>> row = coverage_rows(m)[0]
        >>> row["topic"], row["status"], row["start"], row["end"], row["text"]
        ('budgets', 'missing', '1998', '2009', 'No amounts found.')
    """
    rows: list[Row] = []
    for m in _missions(missions):
        names = _Names(m)
        for index, note in enumerate(m.coverage):
            row: Row = {
                "mission": m.id,
                "note_index": index,
                "topic": None if note.topic is None else note.topic.value,
                "status": note.status.value,
                "start": _date(note.start),
                "end": _date(note.end),
                "text": note.text,
            }
            row.update(names.sources(note.sources))
            rows.append(row)
    return rows


TABLES: dict[str, Callable[..., list[Row]]] = {
    "missions": mission_rows,
    "mandates": mandate_rows,
    "contributions": contribution_rows,
    "claims": claim_rows,
    "personnel": personnel_rows,
    "appointments": appointment_rows,
    "positions": position_rows,
    "fatalities": fatality_rows,
    "fatality_counts": fatality_count_rows,
    "budgets": budget_rows,
    "events": event_rows,
    "coverage": coverage_rows,
    "sites": site_rows,
    "site_contingents": site_contingent_rows,
    "sources": source_rows,
}
"""Every table by name: its function takes one mission or several (and ``on=`` for ``claims``)."""


def table_of(columns: Sequence[str]) -> str | None:
    """Return the name of the table whose columns are ``columns``, in order; None if none is.

    Args:
        columns: Column names, e.g. the keys of a row.

    Example:
        >>> table_of(CLAIM_COLUMNS), table_of(["a"])
        ('claims', None)
    """
    wanted = tuple(columns)
    return next((name for name, spec in COLUMNS.items() if tuple(c.name for c in spec) == wanted), None)


# --- CSV ----------------------------------------------------------------------------------------


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


# --- typed columns: pandas and Parquet ----------------------------------------------------------


def _spec(rows: Sequence[Row], columns: Sequence[str] | None, table: str | None) -> tuple[list[str], dict[str, Column]]:
    """The columns to give, in order, and the description of those the table describes."""
    if table is not None and table not in COLUMNS:
        raise ValueError(f"no table named {table!r}; the tables are: {', '.join(repr(name) for name in COLUMNS)}")
    keys = list(rows[0]) if rows else None
    if table is None:
        table = table_of(keys) if keys is not None else (table_of(columns) if columns is not None else None)
    described = {c.name: c for c in COLUMNS[table]} if table is not None else {}
    if columns is not None:
        names = list(columns)
    elif keys is not None:
        names = keys
    else:
        names = list(described)
    return names, described


def _inferred_type(values: Sequence[Value]) -> ColumnType | None:
    """The type of a column that no table describes, from its values; None for mixed or no values."""
    present = [value for value in values if value is not None]
    if not present:
        return None
    if all(value.__class__ is bool for value in present):
        return "boolean"
    if all(isinstance(value, int) and value.__class__ is not bool for value in present):
        return "integer"
    if all(isinstance(value, (int, float)) and value.__class__ is not bool for value in present):
        return "number"
    if all(isinstance(value, str) for value in present):
        return "string"
    return None


def _bounds(name: str, values: Sequence[Value]) -> tuple[list[datetime.date | None], list[datetime.date | None]]:
    """The first and last days of each partial date of a column (None for an empty cell)."""
    starts: list[datetime.date | None] = []
    ends: list[datetime.date | None] = []
    for index, value in enumerate(values):
        if value is None:
            starts.append(None)
            ends.append(None)
            continue
        try:
            date = PartialDate.parse(value) if isinstance(value, str) else PartialDate.coerce(value)  # type: ignore[arg-type]
        except ValidationError as error:
            raise FormatError(f"row {index}, column {name!r}: {error.errors[0].message}") from None
        starts.append(date.earliest())
        ends.append(date.latest())
    return starts, ends


def _check_values(name: str, column: Column, values: Sequence[Value]) -> None:
    """Refuse a value that the column cannot hold, naming the row: nothing is turned into a missing value."""
    allowed = column.values
    for index, value in enumerate(values):
        if value is None:
            continue
        if allowed is not None:
            if value not in allowed:
                raise FormatError(f"row {index}, column {name!r}: {value!r} is not one of {', '.join(allowed)}")
            continue
        kind = column.type
        fits = (
            (kind == "integer" and isinstance(value, int) and value.__class__ is not bool)
            or (kind == "number" and isinstance(value, (int, float)) and value.__class__ is not bool)
            or (kind == "boolean" and value.__class__ is bool)
            or (kind in ("string", "list", "partial_date") and isinstance(value, str))
        )
        if not fits:
            raise FormatError(f"row {index}, column {name!r}: {value!r} is not of the column's type ({kind})")


def _columns_out(
    rows: Sequence[Row], names: list[str], described: Mapping[str, Column]
) -> list[tuple[str, Column | None, list[Value]]]:
    """Each column with its description (or one inferred from its values) and its values, checked."""
    result: list[tuple[str, Column | None, list[Value]]] = []
    for name in names:
        values = [row.get(name) for row in rows]
        column = described.get(name)
        if column is None:
            kind = _inferred_type(values)
            column = None if kind is None else Column(name=name, type=kind, description="")
        else:
            _check_values(name, column, values)
        result.append((name, column, values))
    return result


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_dataframe() needs pandas, which is not installed; install it with: pip install pandas"
            " (from a clone: pip install -e '.[pandas]')"
        ) from error
    return pd


def _datetimes(days: Sequence[datetime.date | None]) -> Any:
    import numpy as np

    return np.array(["NaT" if day is None else day.isoformat() for day in days], dtype="datetime64[s]")


def to_dataframe(rows: Iterable[Row], columns: Sequence[str] | None = None, *, table: str | None = None) -> pandas.DataFrame:
    """Return the rows as a pandas DataFrame with typed columns (needs pandas: ``pip install pandas``).

    The rows of a table in `TABLES` are recognised by their columns (or name the table with
    ``table``), and each column gets the type `COLUMNS` gives it:

    - counts and strength bounds: nullable integers (``Int64``), so that a missing count and
      an unbounded strength stay missing (``<NA>``) rather than becoming 0 or a float;
    - enum values (``kind``, ``status``, ``stance`` ...): ``category``, with every value of the
      enum as a category (in the enum's order), present or not;
    - booleans: ``boolean`` (nullable); text and joined lists: ``string``; coordinates:
      ``Float64``;
    - a date column keeps its text (``"2026-02"``, as precise as it was reported) and is
      followed by ``<column>_start`` and ``<column>_end``, its first and last days as
      ``datetime64[s]`` (``NaT`` when empty): February 2026 is 2026-02-01 to 2026-02-28.

    Columns that no table describes are typed from their values (all int: ``Int64``; all bool:
    ``boolean``; all numbers: ``Float64``; all text: ``string``; else left as objects).

    Args:
        rows: The rows, e.g. from `contribution_rows`.
        columns: The columns, in order; by default the keys of the first row (or the table's
            columns when there are no rows and ``table`` is given).
        table: The name of the table the rows come from, when they are not recognised by their
            columns.

    Raises:
        ImportError: If pandas is not installed, saying how to install it.
        FormatError: If a value does not fit its column (text in a count, a value that is not
            one of the enum's), naming the row and the column. Nothing is turned into a missing
            value silently.
        ValueError: If ``table`` names no table.

    Example:
        >>> frame = to_dataframe([{"mission": "unifil", "female": 25}, {"mission": "isf", "female": None}])
        >>> str(frame["female"].dtype), frame["female"].isna().tolist()
        ('Int64', [False, True])
        >>> from missionmodel import datasets
        >>> frame = to_dataframe(contribution_rows(datasets.load("isf")))
        >>> str(frame["kind"].dtype), str(frame["strength_max"].dtype), str(frame["as_of_start"].dtype)
        ('category', 'Int64', 'datetime64[s]')
    """
    pd = _pandas()
    materialised = list(rows)
    names, described = _spec(materialised, columns, table)
    data: dict[str, Any] = {}
    for name, column, values in _columns_out(materialised, names, described):
        data[name] = _series(pd, column, values)
        if column is not None and column.type == "partial_date" and name in described:
            starts, ends = _bounds(name, values)
            data[f"{name}_start"] = pd.Series(_datetimes(starts))
            data[f"{name}_end"] = pd.Series(_datetimes(ends))
    frame = pd.DataFrame(data, index=pd.RangeIndex(len(materialised)))
    result: pandas.DataFrame = frame
    return result


_PANDAS_DTYPES: dict[str, str] = {
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "string": "string",
    "list": "string",
    "partial_date": "string",
}


def _series(pd: Any, column: Column | None, values: list[Value]) -> Any:
    if column is None:
        return pd.Series(values, dtype=object)
    if column.values is not None:
        return pd.Series(pd.Categorical(values, categories=list(column.values)))
    return pd.Series(pd.array(values, dtype=_PANDAS_DTYPES[column.type]))


def _pyarrow() -> tuple[Any, Any]:
    try:  # pyarrow has no type information: imported as a module of unknown type
        pa = importlib.import_module("pyarrow")
        pq = importlib.import_module("pyarrow.parquet")
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError(
            "write_parquet() needs pyarrow, which is not installed; install it with: pip install pyarrow"
            " (from a clone: pip install -e '.[parquet]')"
        ) from error
    return pa, pq


def _arrow_table(rows: Sequence[Row], columns: Sequence[str] | None, table: str | None) -> Any:
    pa, _ = _pyarrow()
    names, described = _spec(rows, columns, table)
    arrays: list[Any] = []
    fields: list[Any] = []
    pandas_columns: list[dict[str, Any]] = []

    def add(name: str, array: Any, description: str, pandas_type: str, numpy_type: str, metadata: Any = None) -> None:
        arrays.append(array)
        fields.append(pa.field(name, array.type, metadata={"description": description} if description else None))
        pandas_columns.append(
            {"name": name, "field_name": name, "pandas_type": pandas_type, "numpy_type": numpy_type, "metadata": metadata}
        )

    for name, column, values in _columns_out(rows, names, described):
        if column is None:
            if any(value is not None for value in values):
                raise FormatError(f"column {name!r}: its values are of several types; a Parquet column has one")
            add(name, pa.nulls(len(values)), "", "empty", "object")
            continue
        if column.values is not None:
            categories = list(column.values)
            position = {value: code for code, value in enumerate(categories)}
            indices = pa.array([None if v is None else position[str(v)] for v in values], pa.int32())
            array = pa.DictionaryArray.from_arrays(indices, pa.array(categories, pa.string()))
            add(name, array, column.description, "categorical", "int32", {"num_categories": len(categories), "ordered": False})
            continue
        arrow_type, pandas_type = {
            "integer": (pa.int64(), "int64"),
            "number": (pa.float64(), "float64"),
            "boolean": (pa.bool_(), "bool"),
        }.get(column.type, (pa.string(), "unicode"))
        add(name, pa.array(values, arrow_type), column.description, pandas_type, _PANDAS_DTYPES[column.type])
        if column.type == "partial_date" and name in described:
            starts, ends = _bounds(name, values)
            add(f"{name}_start", pa.array(starts, pa.date32()), f"The first day of '{name}'", "date", "object")
            add(f"{name}_end", pa.array(ends, pa.date32()), f"The last day of '{name}'", "date", "object")
    # The pandas metadata (the format pandas documents for Parquet files) lets pandas.read_parquet
    # give back the DataFrame's nullable types (Int64, boolean, string) without pandas here.
    pandas_metadata = {
        "index_columns": [],
        "column_indexes": [],
        "columns": pandas_columns,
        "creator": {"library": "missionmodel", "version": _version()},
        "pandas_version": "2.1.2",
    }
    schema = pa.schema(fields, metadata={"pandas": json.dumps(pandas_metadata)})
    return pa.Table.from_arrays(arrays, schema=schema)


def _version() -> str:
    from . import __version__

    return __version__


def write_parquet(
    rows: Iterable[Row], path: str | os.PathLike[str], columns: Sequence[str] | None = None, *, table: str | None = None
) -> None:
    """Write rows to a Parquet file, typed as `to_dataframe` types them, atomically (needs pyarrow).

    Install pyarrow (``pip install pyarrow``, or from a clone ``pip install -e '.[parquet]'``). The columns are typed by the
    table the rows come from (recognised by their columns, or named with ``table``): counts and
    strength bounds ``int64``, coordinates ``double``, booleans ``bool``, text and lists
    ``string``, enum values dictionary-encoded strings (every value of the enum in the
    dictionary), and each date column as its text followed by ``<column>_start`` and
    ``<column>_end`` as ``date32`` (a DuckDB ``DATE``). An empty cell is a null. Each field
    carries its description as metadata. `pandas.read_parquet` gives back the types of
    `to_dataframe` (the bounds of dates as `datetime.date` objects).

    Args:
        rows: The rows, e.g. from `contribution_rows`.
        path: The file to write.
        columns: The columns, in order; by default the keys of the first row.
        table: The name of the table the rows come from, when they are not recognised by their
            columns.

    Raises:
        ImportError: If pyarrow is not installed, saying how to install it.
        FormatError: If a value does not fit its column, naming the row and the column, or the
            file cannot be written (naming it and the system's reason).
        ValueError: If ``table`` names no table.

    Example:
        >>> import tempfile, pathlib
        >>> import pyarrow.parquet as pq
        >>> from missionmodel import datasets
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "contributions.parquet"
        >>> write_parquet(contribution_rows(datasets.load("isf")), path)
        >>> schema = pq.read_schema(path)
        >>> str(schema.field("strength_max").type), str(schema.field("as_of_start").type)
        ('int64', 'date32[day]')
    """
    _, pq = _pyarrow()
    arrow = _arrow_table(list(rows), columns, table)
    buffer = io.BytesIO()
    pq.write_table(arrow, buffer)
    atomic_write_bytes(path, buffer.getvalue())
