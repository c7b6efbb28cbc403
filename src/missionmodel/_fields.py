"""Private engine: field definitions shared by the record classes."""

from __future__ import annotations

from .dates import PartialDate
from .exceptions import ErrorDetail


def check_period(
    start: object, end: object, problems: list[ErrorDetail], start_name: str = "start", end_name: str = "end"
) -> None:
    """Append a problem when ``end`` is certainly before ``start``."""
    if isinstance(start, PartialDate) and isinstance(end, PartialDate) and end.latest() < start.earliest():
        problems.append(ErrorDetail(path=end_name, message=f"'{end_name}' ({end}) is before '{start_name}' ({start})"))


def check_country(value: object, path: str, problems: list[ErrorDetail]) -> None:
    """Append a problem (with a hint) when a string is not an ISO 3166-1 alpha-3 code."""
    from .countries import code_problem

    if isinstance(value, str) and value.strip():
        problem = code_problem(value)
        if problem:
            problems.append(ErrorDetail(path=path, message=problem))
