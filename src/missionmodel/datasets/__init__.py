"""Sourced example datasets shipped with missionmodel: the ISF for Gaza and UNIFIL.

Each dataset is one `Mission`, stored in this package as a YAML file in the canonical
serialisation and read with `importlib.resources`, so it works from a wheel or a zip as well as
from a source tree. A dataset is parsed and validated on first use and then cached; a `Mission`
is frozen, so every caller can share the same object.

Where the facts come from: every record (mandate, contribution, appointment, position) cites the
sources that reported it, and each dataset declares those sources in its ``sources``, with the
publisher and publication date as reported (see ``Mission.sources_of``). The facts were compiled
from UN documents (Security Council resolutions and press releases, UN peacekeeping and UNIFIL
pages) and news reports (the news article of February 2026 "Five Countries Pledge Troops for
Gaza Under New International Stabilization Plan as Hamas Rejects Initiative", AFP, Xinhua,
Anadolu Agency, Reuters and others). Source titles in square brackets are descriptions supplied
by the compilers, not headlines as published. Where sources disagree, each claim is kept as its
own record with its own source and date. The ISF data runs to early July 2026; the UNIFIL data
from 1978 to the final mandate of resolution 2790 (2025). Each dataset has metadata (`info`: its
version, the date it is current to, its licence) and coverage notes (``Mission.coverage``: what
is known, missing, unconfirmed); `cite` gives a citation with its version.

Example:
    >>> from missionmodel import datasets
    >>> datasets.names()
    ('isf', 'unifil')
    >>> isf = datasets.load("isf")
    >>> isf.mandates[0].authority.instrument
    'S/RES/2803 (2025)'
    >>> isf.source("sc-16225").publisher
    'United Nations'
    >>> datasets.load("isf") is isf
    True
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import attrs

from ..dates import PartialDate
from ..exceptions import MissionModelError, ValidationError
from ..mission import Mission
from ..serialisation import loads

__all__ = ["CitationStyle", "DatasetInfo", "UnknownDatasetError", "cite", "info", "load", "names"]

CitationStyle = Literal["text", "bibtex", "csl-json"]
"""The forms of `cite`: plain text, a BibTeX entry, or CSL-JSON (for Zotero, Pandoc, citeproc)."""

_METADATA = "_metadata.yml"
_COMPILERS = "missionmodel developers"

_SUFFIX = ".yaml"


class UnknownDatasetError(MissionModelError, LookupError):
    """No dataset has the name asked for; the message lists the names that exist.

    Example:
        >>> from missionmodel import datasets
        >>> try:
        ...     datasets.load("kfor")
        ... except datasets.UnknownDatasetError as error:
        ...     print(error)
        no dataset named 'kfor'; the datasets are: 'isf', 'unifil'
    """


@cache
def names() -> tuple[str, ...]:
    """Return the names of the shipped datasets, sorted.

    Returns:
        The names that `load` accepts.

    Example:
        >>> from missionmodel import datasets
        >>> datasets.names()
        ('isf', 'unifil')
    """
    found = (entry.name[: -len(_SUFFIX)] for entry in files(__name__).iterdir() if entry.name.endswith(_SUFFIX))
    return tuple(sorted(name for name in found if name and not name.startswith((".", "_"))))


def load(name: str) -> Mission:
    """Return the shipped dataset ``name`` as a validated `Mission`.

    The file is read and validated the first time and cached; later calls return the same
    (frozen) object. ``name`` is a dataset name from `names`, never a path.

    Args:
        name: A name from `names`, e.g. ``"unifil"``.

    Returns:
        The mission.

    Raises:
        UnknownDatasetError: If ``name`` is not one of `names` (the message lists them).

    Example:
        >>> from missionmodel import datasets
        >>> str(datasets.load("unifil").established)
        '1978-03-19'
    """
    known = names()
    if not isinstance(name, str) or name not in known:
        listed = ", ".join(repr(known_name) for known_name in known)
        raise UnknownDatasetError(f"no dataset named {name!r}; the datasets are: {listed}")
    return _read(name)


@attrs.frozen(slots=True, kw_only=True)
class DatasetInfo:
    """What a shipped dataset is: its title, version, the date it is current to, its licence.

    Attributes:
        name: The dataset's name, as `load` takes it.
        title: Its title, for citations.
        version: The compilation's version (the date it was compiled, ``YYYY.MM.DD``).
        as_of: The latest date the data describe: nothing later was found.
        compiled: When its sources were last searched.
        licence: The licence of the compilation, as an SPDX identifier (``CC-BY-4.0``).
        description: What it holds, in a sentence or two.
        compilers: Who compiled it.

    Example:
        >>> from missionmodel import datasets
        >>> about = datasets.info("isf")
        >>> about.version, str(about.as_of), about.licence
        ('2026.11.27', '2026-07-01', 'CC-BY-4.0')
    """

    name: str
    title: str
    version: str
    as_of: PartialDate
    compiled: PartialDate
    licence: str
    description: str
    compilers: str = _COMPILERS

    @property
    def coverage(self) -> tuple[Any, ...]:
        """The dataset's coverage notes (``Mission.coverage``): what is known, missing, unconfirmed."""
        return load(self.name).coverage


@cache
def _metadata() -> dict[str, Any]:
    import yaml

    text = files(__name__).joinpath(_METADATA).read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def info(name: str) -> DatasetInfo:
    """Return the metadata of the shipped dataset ``name``.

    Args:
        name: A name from `names`.

    Raises:
        UnknownDatasetError: If ``name`` is not one of `names`.

    Example:
        >>> from missionmodel import datasets
        >>> datasets.info("unifil").title
        'United Nations Interim Force in Lebanon (UNIFIL), 1978-2026: a sourced dataset'
    """
    load(name)  # an unknown name: the error lists the names
    entry = _metadata()[name]
    return DatasetInfo(
        name=name,
        title=entry["title"],
        version=entry["version"],
        as_of=PartialDate.parse(entry["as_of"]),
        compiled=PartialDate.parse(entry["compiled"]),
        licence=entry["licence"],
        description=" ".join(entry["description"].split()),
    )


def cite(name: str, style: CitationStyle = "text") -> str:
    """Return a citation of the shipped dataset ``name``, with its version and the date it is current to.

    Cite the dataset for the compilation, and the sources each fact cites (``Mission.sources_of``)
    for the facts themselves.

    Args:
        name: A name from `names`.
        style: ``"text"`` (one plain paragraph), ``"bibtex"`` (a ``@misc`` entry) or
            ``"csl-json"`` (a CSL-JSON array of one item, for Zotero, Pandoc and citeproc).

    Returns:
        The citation, ending with a newline.

    Raises:
        UnknownDatasetError: If ``name`` is not one of `names`.
        MissionModelError: If ``style`` is not one of the styles.

    Example:
        >>> from missionmodel import datasets
        >>> citation = datasets.cite("isf")
        >>> citation.startswith("missionmodel developers (2026). International Stabilization Force (ISF) for Gaza")
        True
        >>> "(version 2026.11.27; data as of 2026-07-01) [Data set]" in citation
        True
    """
    from .. import __version__

    about = info(name)
    year = about.compiled.year
    package = f"the Python package missionmodel {__version__}"
    if style == "text":
        return (
            f"{about.compilers} ({year}). {about.title} (version {about.version}; data as of {about.as_of}) [Data set]."
            f' Dataset "{name}" of {package}. Licence: {about.licence}.\n'
        )
    if style == "bibtex":
        fields = {
            "author": "{" + about.compilers + "}",
            "title": about.title,
            "year": str(year),
            "version": about.version,
            "howpublished": f"Dataset \\texttt{{{name}}} of {package}",
            "note": f"Data as of {about.as_of}. Licence: {about.licence}",
        }
        body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items())
        return f"@misc{{missionmodel-{name}-{about.version.replace('.', '-')},\n{body}\n}}\n"
    if style == "csl-json":
        item = {
            "id": f"missionmodel-{name}-{about.version}",
            "type": "dataset",
            "title": about.title,
            "author": [{"literal": about.compilers}],
            "issued": {"date-parts": [[about.compiled.year, about.compiled.month, about.compiled.day]]},
            "version": about.version,
            "publisher": "missionmodel",
            "medium": f"Dataset {name!r} of {package}",
            "note": f"Data as of {about.as_of}. Licence: {about.licence}.",
        }
        return json.dumps([item], ensure_ascii=False, indent=2) + "\n"
    raise MissionModelError(f"citation style must be 'text', 'bibtex' or 'csl-json' (got {style!r})")


@cache
def _read(name: str) -> Mission:
    text = files(__name__).joinpath(name + _SUFFIX).read_text(encoding="utf-8")
    try:
        return loads(text, Mission, "yaml")
    except ValidationError as error:
        raise ValidationError(error.errors, subject=f"dataset {name!r}") from None
