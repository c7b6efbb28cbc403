"""Country codes: ISO 3166-1 alpha-3 codes and the states they name.

A contributor or an actor that is a state is written as its ISO 3166-1 alpha-3 code (``IDN`` for
Indonesia). Kosovo is not in ISO 3166-1; the widely used user-assigned code ``XKX`` is accepted
for it. Names come from pycountry (the ISO 3166 data it ships), read lazily on first use.

Example:
    >>> country_name("IDN")
    'Indonesia'
    >>> suggest_code("ID")
    'IDN'
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ._checks import quoted

if TYPE_CHECKING:
    from pycountry.db import Country

__all__ = ["KOSOVO", "country_name", "is_country_code", "suggest_code"]

KOSOVO = "XKX"
"""The user-assigned code used for Kosovo, which ISO 3166-1 does not list."""

_EXTRA_NAMES = {KOSOVO: "Kosovo"}


@cache
def _countries() -> tuple[Country, ...]:
    # pycountry is imported here, on the first lookup, not when missionmodel is imported: importing
    # it (and importlib.metadata, which it uses) costs more than the rest of missionmodel's imports.
    import pycountry

    return tuple(pycountry.countries)


@cache
def _names() -> dict[str, str]:
    names = {country.alpha_3: getattr(country, "common_name", country.name) for country in _countries()}
    names.update(_EXTRA_NAMES)
    _loaded_names.update(names)
    return names


@cache
def _alpha2() -> dict[str, str]:
    codes = {country.alpha_2: country.alpha_3 for country in _countries()}
    codes["XK"] = KOSOVO
    return codes


@cache
def _by_name() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in _countries():
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[value.casefold()] = country.alpha_3
    names["kosovo"] = KOSOVO
    return names


def is_country_code(code: object) -> bool:
    """Tell whether ``code`` is an ISO 3166-1 alpha-3 code (or ``XKX`` for Kosovo).

    Args:
        code: The value to test; only upper-case strings can match.

    Returns:
        True if ``code`` names a country.
    """
    names = _loaded_names or _names()
    return isinstance(code, str) and code in names


_loaded_names: dict[str, str] = {}
"""The codes and names once read (filled on the first look-up): `is_country_code` runs per record."""


def country_name(code: str) -> str:
    """Return the common English name of the country with alpha-3 ``code``.

    Args:
        code: An ISO 3166-1 alpha-3 code, or ``XKX``.

    Returns:
        The name, e.g. ``"Indonesia"`` for ``"IDN"``.

    Raises:
        KeyError: If ``code`` is not a known alpha-3 code.
    """
    try:
        return _names()[code]
    except KeyError:
        raise KeyError(f"{quoted(code)} is not an ISO 3166-1 alpha-3 code") from None


def suggest_code(text: str) -> str | None:
    """Guess the alpha-3 code meant by an alpha-2 code, a lower-case code or a country name.

    Args:
        text: What was written, such as ``"ID"``, ``"idn"`` or ``"Indonesia"``.

    Returns:
        The alpha-3 code, or None when nothing matches.
    """
    stripped = text.strip()
    upper = stripped.upper()
    if upper in _names():
        return upper
    if upper in _alpha2():
        return _alpha2()[upper]
    return _by_name().get(stripped.casefold())


def code_problem(value: str) -> str | None:
    """Return why ``value`` is not a country code (with a hint), or None if it is one."""
    if is_country_code(value):
        return None
    message = f"{quoted(value)} is not an ISO 3166-1 alpha-3 country code"
    hint = suggest_code(value)
    if hint:
        message += f"; did you mean {hint!r}?"
    return message
