"""Country codes: ISO 3166 alpha-3 codes and the states they name, present and past.

A contributor or an actor that is a state is written as its ISO 3166-1 alpha-3 code (``IDN`` for
Indonesia). Kosovo is not in ISO 3166-1; the widely used user-assigned code ``XKX`` is accepted
for it. States that no longer exist keep the alpha-3 code they had, as ISO 3166-3 records it
(``YUG`` Yugoslavia, ``SCG`` Serbia and Montenegro, ``CSK`` Czechoslovakia, ``SUN`` the Soviet
Union, ``DDR``, ``YMD``, ``ZAR`` Zaire ...): a 1990s contingent of Yugoslavia is recorded as the
state it was, not as one of its successors. Names and codes come from pycountry (the ISO 3166 data
it ships), read lazily on first use.

Names are matched as the field's tables write them: accents, apostrophes, punctuation, spaces and
a leading "the" are ignored (``Côte dIvoire``, ``Cote d'Ivoire`` and ``COTE D IVOIRE`` are the
same name), the UN's forms ``Bolivia (Plurinational State of)`` and ``Republic of Korea`` are
read as ISO's ``Bolivia, Plurinational State of`` and ``Korea, Republic of``, and a short table
of common English names that ISO does not list (``Russia``, ``Ivory Coast``, ``DR Congo``, ``U.K.``)
completes them. A name that could mean two states (``Korea``, ``Congo, Republic``) is not guessed.

Example:
    >>> country_name("IDN")
    'Indonesia'
    >>> suggest_code("ID")
    'IDN'
    >>> suggest_code("Côte dIvoire"), suggest_code("Yugoslavia"), country_name("YUG")
    ('CIV', 'YUG', 'Yugoslavia')
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from ._checks import quoted

if TYPE_CHECKING:
    from pycountry.db import Country

__all__ = ["KOSOVO", "country_name", "is_country_code", "is_historic", "suggest_code"]

KOSOVO = "XKX"
"""The user-assigned code used for Kosovo, which ISO 3166-1 does not list."""

_EXTRA_NAMES = {KOSOVO: "Kosovo"}

_HISTORIC_NAMES = {
    "ANT": "Netherlands Antilles",
    "BUR": "Burma",
    "BYS": "Byelorussian SSR",
    "CSK": "Czechoslovakia",
    "DDR": "German Democratic Republic",
    "DHY": "Dahomey",
    "HVO": "Upper Volta",
    "RHO": "Southern Rhodesia",
    "SCG": "Serbia and Montenegro",
    "SUN": "Soviet Union",
    "TMP": "East Timor",
    "VDR": "Democratic Republic of Viet-Nam",
    "YMD": "People's Democratic Republic of Yemen",
    "YUG": "Yugoslavia",
    "ZAR": "Zaire",
}
"""Common English names for the former states that peace-operations tables name; others keep ISO's name."""

_ALIASES = {
    "britain": "GBR",
    "great britain": "GBR",
    "uk": "GBR",
    "england": "GBR",
    "usa": "USA",
    "us": "USA",
    "united states": "USA",
    "america": "USA",
    "russia": "RUS",
    "ivory coast": "CIV",
    "drc": "COD",
    "dr congo": "COD",
    "dem rep congo": "COD",
    "democratic republic of congo": "COD",
    "congo kinshasa": "COD",
    "congo brazzaville": "COG",
    "republic of congo": "COG",
    "republic of the congo": "COG",
    "south korea": "KOR",
    "korea rok": "KOR",
    "korea south": "KOR",
    "rok": "KOR",
    "north korea": "PRK",
    "korea dprk": "PRK",
    "dprk": "PRK",
    "turkey": "TUR",
    "brunei": "BRN",
    "macedonia": "MKD",
    "fyrom": "MKD",
    "the former yugoslav republic of macedonia": "MKD",
    "former yugoslav republic of macedonia": "MKD",
    "cape verde": "CPV",
    "swaziland": "SWZ",
    "czech republic": "CZE",
    "slovak republic": "SVK",
    "vietnam": "VNM",
    "laos": "LAO",
    "syria": "SYR",
    "burma": "MMR",
    "east timor": "TLS",
    "timor": "TLS",
    "vatican": "VAT",
    "holy see": "VAT",
    "palestine": "PSE",
    "occupied palestinian territory": "PSE",
    "yugoslavia": "YUG",
    "federal republic of yugoslavia": "YUG",
    "socialist federal republic of yugoslavia": "YUG",
    "serbia and montenegro": "SCG",
    "soviet union": "SUN",
    "ussr": "SUN",
    "czechoslovakia": "CSK",
    "east germany": "DDR",
    "german democratic republic": "DDR",
    "west germany": "DEU",
    "south yemen": "YMD",
    "zaire": "ZAR",
    "micronesia": "FSM",
    # the Correlates of War names (Geo-PKO's ``name`` column)
    "congo democratic republic of": "COD",
    "congo democratic republic of zaire": "COD",
    "zimbabwe rhodesia": "ZWE",
}
"""Names in common English use that ISO 3166 does not list, by their `_key`."""

_AMBIGUOUS = frozenset({"korea", "congo republic", "guinea republic"})
"""Names that could mean more than one state: never guessed."""


def _key(name: str) -> str:
    """A name reduced for matching: no accents, apostrophes, punctuation, spaces or leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = re.sub(r"['’`´]", "", text)  # a lost apostrophe and a kept one read the same
    words = re.sub(r"[^0-9a-z]+", " ", text).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return "".join(words)


@cache
def _countries() -> tuple[Country, ...]:
    # pycountry is imported here, on the first lookup, not when missionmodel is imported: importing
    # it (and importlib.metadata, which it uses) costs more than the rest of missionmodel's imports.
    import pycountry

    return tuple(pycountry.countries)


@cache
def _historic() -> dict[str, str]:
    """Former states by alpha-3 code (ISO 3166-3), with their common names; current codes excluded."""
    import pycountry

    current = {country.alpha_3 for country in _countries()}
    return {
        country.alpha_3: _HISTORIC_NAMES.get(country.alpha_3, country.name)
        for country in pycountry.historic_countries
        if country.alpha_3 not in current
    }


@cache
def _names() -> dict[str, str]:
    """Current states (and Kosovo) by alpha-3 code, with their common names."""
    names = {country.alpha_3: getattr(country, "common_name", country.name) for country in _countries()}
    names.update(_EXTRA_NAMES)
    return names


@cache
def _all_names() -> dict[str, str]:
    names = {**_historic(), **_names()}
    _loaded_names.update(names)
    return names


@cache
def _alpha2() -> dict[str, str]:
    codes = {country.alpha_2: country.alpha_3 for country in _countries()}
    codes["XK"] = KOSOVO
    return codes


def _inverted(name: str) -> str | None:
    """ISO's ``Korea, Republic of`` as the UN writes it: ``Republic of Korea``."""
    head, comma, tail = name.partition(", ")
    if not comma or "," in tail:
        return None
    return f"{tail} {head}"


@cache
def _by_name() -> dict[str, str]:
    names: dict[str, str] = {}
    heads: dict[str, set[str]] = {}
    import pycountry

    # former states first, so that a current state's name wins where both have it
    for country in (*pycountry.historic_countries, *_countries()):
        code = country.alpha_3
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if not value:
                continue
            for form in (value, _inverted(value)):
                if form:
                    names[_key(form)] = code
            if ", " in value:  # "Tanzania, United Republic of": "Tanzania", where only one state has it
                heads.setdefault(_key(value.partition(", ")[0]), set()).add(code)
    for head, codes in heads.items():
        if len(codes) == 1 and head not in names:
            names[head] = next(iter(codes))
    for code, name in _historic().items():
        names[_key(name)] = code
    names.update((_key(alias), code) for alias, code in _ALIASES.items())
    names["kosovo"] = KOSOVO
    for ambiguous in _AMBIGUOUS:
        names.pop(_key(ambiguous), None)
    return names


def is_country_code(code: object) -> bool:
    """Tell whether ``code`` is an ISO 3166 alpha-3 code of a state, present or former (or ``XKX``).

    Args:
        code: The value to test; only upper-case strings can match.

    Returns:
        True if ``code`` names a country, e.g. ``"IDN"``, or a former state, e.g. ``"YUG"``.
    """
    names = _loaded_names or _all_names()
    return isinstance(code, str) and code in names


def is_historic(code: str) -> bool:
    """Tell whether ``code`` is the alpha-3 code of a state that no longer exists (ISO 3166-3).

    Example:
        >>> is_historic("YUG"), is_historic("SRB")
        (True, False)
    """
    return code in _historic()


_loaded_names: dict[str, str] = {}
"""The codes and names once read (filled on the first look-up): `is_country_code` runs per record."""


def country_name(code: str) -> str:
    """Return the common English name of the country with alpha-3 ``code``.

    Args:
        code: An ISO 3166 alpha-3 code of a present or former state, or ``XKX``.

    Returns:
        The name, e.g. ``"Indonesia"`` for ``"IDN"``, ``"Yugoslavia"`` for ``"YUG"``.

    Raises:
        KeyError: If ``code`` is not a known alpha-3 code.
    """
    try:
        return _all_names()[code]
    except KeyError:
        raise KeyError(f"{quoted(code)} is not an ISO 3166-1 alpha-3 code") from None


def suggest_code(text: str) -> str | None:
    """Guess the alpha-3 code meant by an alpha-2 code, a lower-case code or a country name.

    Args:
        text: What was written, such as ``"ID"``, ``"idn"``, ``"Indonesia"``, ``"Cote dIvoire"``,
            ``"Republic of Korea"`` or ``"Yugoslavia"``.

    Returns:
        The alpha-3 code, or None when nothing matches or the name could mean more than one state.
    """
    stripped = text.strip()
    upper = stripped.upper()
    if upper in _all_names():
        return upper
    if upper in _alpha2():
        return _alpha2()[upper]
    key = _key(stripped)
    return _by_name().get(key) if key else None


def code_problem(value: str) -> str | None:
    """Return why ``value`` is not a country code (with a hint), or None if it is one."""
    if is_country_code(value):
        return None
    message = f"{quoted(value)} is not an ISO 3166-1 alpha-3 country code"
    hint = suggest_code(value)
    if hint:
        message += f"; did you mean {hint!r}?"
    return message
