"""Private: rules shared by several record classes."""

from __future__ import annotations

from typing import Any

from ._checks import passes_when
from ._engine import RecordCheck
from .dates import PartialDate
from .exceptions import ErrorDetail


def period(start_name: str = "start", end_name: str = "end") -> RecordCheck:
    """The rule that a record's ``end_name`` is not certainly before its ``start_name``."""

    def check(record: Any, problems: list[ErrorDetail]) -> None:
        start, end = getattr(record, start_name), getattr(record, end_name)
        if isinstance(start, PartialDate) and isinstance(end, PartialDate) and end.latest() < start.earliest():
            problems.append(ErrorDetail(path=end_name, message=f"'{end_name}' ({end}) is before '{start_name}' ({start})"))

    return RecordCheck(needs=(start_name, end_name), check=check, applies=(end_name,))


def not_itself(link: str) -> RecordCheck:
    """The rule that a record's ``link`` field (``disputes``, ``follows``) does not name its own ``id``."""

    def check(record: Any, problems: list[ErrorDetail]) -> None:
        if record.id is not None and record.id == getattr(record, link):
            problems.append(ErrorDetail(path=link, message=f"{link!r} names the record's own id ({record.id!r})"))

    return RecordCheck(needs=("id", link), check=check, applies=(link,))


def _is_code(value: object) -> bool:
    from .countries import is_country_code

    return is_country_code(value)


@passes_when(_is_code, text=True)
def check_country(value: object, path: str, problems: list[ErrorDetail]) -> None:
    """Append a problem (with a hint) when a string is not an ISO 3166-1 alpha-3 code."""
    from .countries import code_problem

    if isinstance(value, str) and value.strip():
        problem = code_problem(value)
        if problem:
            problems.append(ErrorDetail(path=path, message=problem))
