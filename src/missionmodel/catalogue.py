"""The mission catalogue: what the published tables and the UN's own pages say of each mission.

The catalogue ships with the package (``missionmodel/data/missions.csv``, read once when first
asked, then kept) and is built by ``tools/build_catalogue.py`` from:

* the mission acronyms of the UN Data Hub's mission list (DPPADPOSS-PKO, 81 operations), of IPI's
  per-mission table, of Geo-PKO and of the UN Data Hub's fatalities table, which together name
  about a hundred UN operations (peacekeeping operations and some political missions and offices);
* full names, start and end dates and headquarters (the town and its coordinates) from the Data
  Hub's mission list, checked against the UN's own pages where one was read: where they agree
  both are cited, where they disagree both values are kept (`MissionInfo.other_values`);
* the host countries that IPI's table gives each mission (one each), those where Geo-PKO places
  at least a tenth of its sites, the ones a UN page names, and those that the Data Hub's name of
  the mission names ("... in Iraq"); every country where Geo-PKO places a site is kept apart in
  ``site_countries``.

A fact no source gives is left empty, never guessed. Every fact cites its sources
(`CATALOGUE_SOURCES`, `MissionInfo.sources_of`), and what a source says that the catalogue does
not keep (another source's date, a point written with latitude and longitude swapped, a
truncated name) is in `MissionInfo.other_values`, with a note. A renamed mission
is one mission with two names: MONUC, renamed MONUSCO in 2010, is looked up as MONUSCO, whose
``former_acronyms`` keeps MONUC. Spelling variants (ONUCI for UNOCI, ``UNEF 1`` for ``UNEF I``)
resolve to their mission too. Acronyms that tables use for several missions at once (``UNAVEM``
for UNAVEM I to III, ``UNEF``, ``UNOSOM``) are entries of their own, with a note, and are never
resolved to one of the missions they may mean.

Example:
    >>> info = lookup("monuc")
    >>> info.acronym, info.former_acronyms, info.countries
    ('MONUSCO', ('MONUC',), ('COD',))
    >>> lookup("UNIFIL").name
    'United Nations Interim Force in Lebanon'
    >>> str(lookup("UNIFIL").start), [s.id for s in lookup("UNIFIL").sources_of("start")]
    ('1978-03-19', ['un-data-hub-missions-2024-02-19', 'un-timeline-2008-1970s'])
    >>> hq = lookup("MINUSMA").headquarters
    >>> hq.name, hq.country, hq.latitude, hq.longitude    # the Data Hub swaps them: swapped back
    ('Bamako', 'MLI', 12.65, -8.0)
    >>> lookup("no such mission") is None
    True
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import ClassVar

import attrs

from ._checks import as_tuple, checked
from ._engine import RecordCheck, validate
from ._fields import check_country, period
from .dates import PartialDate, optional_date
from .exceptions import ErrorDetail
from .place import Place
from .sources import Source

__all__ = ["CATALOGUE_SOURCES", "MissionInfo", "OtherValue", "all_missions", "catalogue_key", "lookup"]

_ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv", "5": "v"}
_TRAILING_NUMBER = re.compile(r"([a-z])([1-5])$")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")

_FACTS = ("name", "countries", "site_countries", "start", "end", "headquarters")


def catalogue_key(name: str) -> str:
    """Return how the catalogue compares a mission's name: letters and digits, lower case, numbers Roman.

    Case, spaces and punctuation are ignored, ``&`` reads as ``and``, and a final 1 to 5 reads as
    I to V, so ``UNEF-I``, ``unef i`` and ``UNEF 1`` are all one key (but ``... Mission (I & II)``
    is not ``... Mission III``).

    Args:
        name: An acronym or a name, e.g. ``"UNAVEM II"``.

    Example:
        >>> catalogue_key("UNAVEM 2") == catalogue_key("Unavem-II")
        True
    """
    key = _NON_ALNUM.sub("", name.casefold().replace("&", "and"))
    return _TRAILING_NUMBER.sub(lambda match: match.group(1) + _ROMAN[match.group(2)], key)


def _check_fact(value: object, path: str, problems: list[ErrorDetail]) -> None:
    if value not in _FACTS:
        problems.append(ErrorDetail(path=path, message=f"must be one of {', '.join(_FACTS)} (got {value!r})"))


@attrs.frozen(slots=True, kw_only=True)
class OtherValue:
    """What a source says of a mission that the catalogue does not keep as the fact, and why.

    Another source's date where two disagree, the name the UN's 2008 timeline gives where the Data
    Hub gives another, a point written with latitude and longitude swapped, a truncated name.

    Attributes:
        fact: The fact it is about: ``"name"``, ``"start"``, ``"end"``, ``"headquarters"`` ...
        value: The value as that source gives it (a headquarters as ``town (latitude, longitude)``).
        sources: The ids of the sources that give it (see `CATALOGUE_SOURCES`).
        note: Why the catalogue keeps another value, or what was repaired.

    Example:
        >>> [(o.value, o.sources) for o in lookup("UNTSO").other_values_of("start")]
        [('1948-05-29', ('un-data-hub-missions-2024-02-19',)), ('1948-06', ('un-timeline-2008-1948',))]
    """

    fact: str = attrs.field(metadata=checked(_check_fact))
    value: str
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        validate(self)


@attrs.frozen(slots=True, kw_only=True)
class MissionInfo:
    """What the catalogue knows of one mission, each fact with its sources.

    Attributes:
        acronym: The acronym the mission is known by (the current one, for a renamed mission).
        name: Its full name as the Data Hub's mission list writes it, else as a UN page does
            (``UN`` written out as ``United Nations``); None when no source read gives it.
        former_acronyms: Acronyms it had before a renaming (``MONUC`` for MONUSCO).
        variants: Other spellings of its acronym found in tables (``ONUCI`` for UNOCI).
        countries: ISO 3166-1 alpha-3 codes of its host countries (historic states allowed).
        site_countries: Every country where Geo-PKO places one of its sites, host countries
            first; empty when Geo-PKO does not cover the mission.
        start: When it started, to the precision of the source (the day in the Data Hub, often the
            month on a UN page); where two sources disagree, what both say (the month or the
            year they share), each source's own value being in ``other_values``.
        end: When it ended, likewise; None when no source read gives an end (which does not
            mean it is still active).
        headquarters: Its headquarters as the Data Hub's mission list gives it: the town, its
            coordinates (swapped back where the list swaps them; GeoNames' where the list's point
            is far from the town it names) and the country the town is in (GeoNames'); None
            when the list gives none.
        in_tables: The ids of the tables whose rows name it.
        note: What to know before using the entry, e.g. that an acronym covers several missions.
        other_values: What sources say that the catalogue does not keep as the fact, with why
            (`OtherValue`); `other_values_of` gives those of one fact.
        name_sources: The ids of the sources of ``name`` (see `CATALOGUE_SOURCES`); `sources_of`
            gives the sources of any fact as `Source` records.
        countries_sources: The ids of the sources of ``countries``.
        site_countries_sources: The ids of the sources of ``site_countries``.
        start_sources: The ids of the sources of ``start``.
        end_sources: The ids of the sources of ``end``.
        headquarters_sources: The ids of the sources of ``headquarters``.

    Example:
        >>> MissionInfo(acronym="UNX", countries=["LBN"]).countries
        ('LBN',)
    """

    acronym: str
    name: str | None = None
    former_acronyms: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    variants: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    countries: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple, metadata=checked(check_country))
    site_countries: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple, metadata=checked(check_country))
    start: PartialDate | None = attrs.field(default=None, converter=optional_date)
    end: PartialDate | None = attrs.field(default=None, converter=optional_date)
    headquarters: Place | None = None
    in_tables: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    note: str | None = None
    other_values: tuple[OtherValue, ...] = attrs.field(factory=tuple, converter=as_tuple)
    name_sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    countries_sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    site_countries_sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    start_sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    end_sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    headquarters_sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (period("start", "end"),)

    def __attrs_post_init__(self) -> None:
        validate(self)

    @property
    def names(self) -> tuple[str, ...]:
        """Every acronym it is known by: its own, the former ones, the variants."""
        return (self.acronym, *self.former_acronyms, *self.variants)

    def sources_of(self, fact: str) -> tuple[Source, ...]:
        """Return the sources of one fact.

        Args:
            fact: ``"name"``, ``"countries"``, ``"site_countries"``, ``"start"``, ``"end"`` or
                ``"headquarters"``.

        Raises:
            KeyError: If ``fact`` is not one of these.

        Example:
            >>> [s.id for s in lookup("MINURCAT").sources_of("countries")]
            ['geo-pko-v1', 'ipi-mission-totals']
        """
        if fact not in _FACTS:
            raise KeyError(f"no fact {fact!r}: the facts are {', '.join(_FACTS)}")
        ids: tuple[str, ...] = getattr(self, f"{fact}_sources")
        return tuple(CATALOGUE_SOURCES[source_id] for source_id in ids)

    def other_values_of(self, fact: str) -> tuple[OtherValue, ...]:
        """Return what sources say of one fact that the catalogue does not keep as it (see `OtherValue`).

        Args:
            fact: ``"name"``, ``"start"``, ``"end"``, ``"headquarters"`` ...

        Example:
            >>> [o.note for o in lookup("UNMEE").other_values_of("headquarters")][0][:60]
            "the Data Hub's point is 351 km from GeoNames' Asmara (ERI), "
        """
        return tuple(other for other in self.other_values if other.fact == fact)


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("missionmodel").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@functools.cache
def _sources() -> Mapping[str, Source]:
    return {
        row["id"]: Source(id=row["id"], title=row["title"], publisher=row["publisher"], url=row["url"])
        for row in _read("missions_sources.csv")
    }


def _acronyms(text: str) -> list[str]:
    """Acronyms, which may hold spaces (``UNAVEM 2``), are separated by semicolons."""
    return [part.strip() for part in text.split(";") if part.strip()]


def _float(text: str) -> float | None:
    return float(text) if text else None


def _headquarters(row: Mapping[str, str]) -> Place | None:
    if not row["headquarters"]:
        return None
    return Place(
        name=row["headquarters"],
        country=row["headquarters_country"] or None,
        latitude=_float(row["headquarters_latitude"]),
        longitude=_float(row["headquarters_longitude"]),
    )


@functools.cache
def _catalogue() -> tuple[tuple[MissionInfo, ...], Mapping[str, MissionInfo]]:
    others: dict[str, list[OtherValue]] = {}
    for row in _read("missions_other_values.csv"):
        others.setdefault(row["acronym"], []).append(
            OtherValue(fact=row["fact"], value=row["value"], sources=row["source"].split(), note=row["note"] or None)
        )
    missions = []
    for row in _read("missions.csv"):
        missions.append(
            MissionInfo(
                acronym=row["acronym"],
                name=row["name"] or None,
                former_acronyms=_acronyms(row["former_acronyms"]),
                variants=_acronyms(row["variants"]),
                countries=row["countries"].split(),
                site_countries=row["site_countries"].split(),
                start=PartialDate.parse(row["start"]) if row["start"] else None,
                end=PartialDate.parse(row["end"]) if row["end"] else None,
                headquarters=_headquarters(row),
                in_tables=row["in_tables"].split(),
                note=row["note"] or None,
                other_values=others.get(row["acronym"], ()),
                name_sources=row["name_source"].split(),
                countries_sources=row["countries_source"].split(),
                site_countries_sources=row["site_countries_source"].split(),
                start_sources=row["start_source"].split(),
                end_sources=row["end_source"].split(),
                headquarters_sources=row["headquarters_source"].split(),
            )
        )
    index: dict[str, MissionInfo] = {}
    for info in missions:
        for name in info.names:
            index.setdefault(catalogue_key(name), info)
    for info in missions:
        if info.name:
            index.setdefault(catalogue_key(info.name), info)
    for info in missions:  # names other sources give (the UN timeline's, MONUC's own, UNCPSG's)
        for other in info.other_values_of("name"):
            index.setdefault(catalogue_key(other.value), info)
    return tuple(missions), index


class _Sources(Mapping[str, Source]):
    """The catalogue's sources by id, read when first used."""

    def __getitem__(self, key: str) -> Source:
        return _sources()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(_sources())

    def __len__(self) -> int:
        return len(_sources())

    def __repr__(self) -> str:
        return f"CATALOGUE_SOURCES({', '.join(self)})"


CATALOGUE_SOURCES: Mapping[str, Source] = _Sources()
"""The sources the catalogue's facts cite, by id: the UN Data Hub's mission list
(``un-data-hub-missions-2024-02-19``), IPI's per-mission table (``ipi-mission-totals``), Geo-PKO
(``geo-pko-v1``), the UN fatalities table (``un-fatalities-2025-04-04``), GeoNames' populated
places (``geonames-cities1000``) and each UN page read (``un-timeline-2008-1970s`` ...), each with
its address."""


def lookup(name: str) -> MissionInfo | None:
    """Return the mission that ``name`` names, or None when the catalogue does not know it.

    Args:
        name: An acronym (current, former or a variant) or a full name (the catalogue's, or one
            another source gives), in any case, with any spaces and punctuation: ``"MONUC"``,
            ``"unef-1"``, ``"United Nations Interim Force in Lebanon"``.

    Example:
        >>> lookup("ONUCI").acronym, lookup("unef 1").acronym
        ('UNOCI', 'UNEF I')
    """
    if not isinstance(name, str):
        return None
    return _catalogue()[1].get(catalogue_key(name))


def all_missions() -> tuple[MissionInfo, ...]:
    """Return every mission of the catalogue, by acronym.

    Example:
        >>> len(all_missions()) > 90
        True
    """
    return _catalogue()[0]
