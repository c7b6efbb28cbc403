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
own record with its own source and date. The ISF data is as of early March 2026; the UNIFIL data
runs from 1978 to the final mandate of resolution 2790 (2025).

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

from functools import cache
from importlib.resources import files

from ..exceptions import MissionModelError, ValidationError
from ..mission import Mission
from ..serialisation import loads

__all__ = ["UnknownDatasetError", "load", "names"]

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
    return tuple(sorted(name for name in found if name and not name.startswith(".")))


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


@cache
def _read(name: str) -> Mission:
    text = files(__name__).joinpath(name + _SUFFIX).read_text(encoding="utf-8")
    try:
        return loads(text, Mission, "yaml")
    except ValidationError as error:
        raise ValidationError(error.errors, subject=f"dataset {name!r}") from None
