"""Budgets: what a mission was given or spent, for which fiscal period, decided by whom.

UN peacekeeping budgets run from 1 July to 30 June and are appropriated by the General
Assembly; each figure is kept as reported, with the document that decided it. Figures that
conflict (an appropriation and another total for the same year) are separate records, one
naming the other in ``disputes``.

Example:
    >>> budget = Budget(start="2010-07-01", end="2011-06-30", kind=BudgetKind.APPROVED,
    ...                 amount=518_710_000, decided="2010-06-24")
    >>> str(budget)
    'USD 518,710,000 approved for 2010-07-01 to 2011-06-30'
"""

from __future__ import annotations

import enum
import re
from typing import ClassVar

import attrs

from ._checks import as_tuple, at_least, check_slug, checked, passes_when, quoted
from ._engine import RecordCheck, validate
from ._fields import not_itself, period
from .dates import PartialDate, optional_date
from .exceptions import ErrorDetail
from .mandate import Vote

__all__ = ["Budget", "BudgetKind"]

_CURRENCY = re.compile(r"[A-Z]{3}")


class BudgetKind(enum.Enum):
    """What a budget figure is.

    Example:
        >>> BudgetKind("approved") is BudgetKind.APPROVED
        True
    """

    PROPOSED = "proposed"
    """Proposed, e.g. in a report of the Secretary-General."""
    APPROVED = "approved"
    """Approved or appropriated, e.g. by the General Assembly."""
    SPENT = "spent"
    """Spent: the expenditure reported for the period."""


@passes_when(lambda value: _CURRENCY.fullmatch(value) is not None, text=True)
def check_currency(value: object, path: str, problems: list[ErrorDetail]) -> None:
    """Append a problem when ``value`` is text that is not an ISO 4217 code such as ``USD``."""
    if isinstance(value, str) and value.strip() and not _CURRENCY.fullmatch(value):
        hint = f"; did you mean {value.upper()!r}?" if _CURRENCY.fullmatch(value.upper()) else ""
        problems.append(
            ErrorDetail(
                path=path,
                message="'currency' must be an ISO 4217 code of three capital letters, such as 'USD'"
                f" (got {quoted(value)}){hint}",
            )
        )


@attrs.frozen(slots=True, kw_only=True)
class Budget:
    """One reported budget figure of a mission for one fiscal period.

    Attributes:
        id: A slug by which another figure names this one in ``disputes``.
        start: The first day of the fiscal period (``2010-07-01``).
        end: Its last day (``2011-06-30``).
        kind: Proposed, approved or spent.
        amount: The amount in whole units of ``currency`` ("$518.71 million" is 518,710,000);
            None when the source gives no amount (only the vote, say).
        currency: The ISO 4217 code of the currency.
        net: True for a net figure (after staff assessment); False for gross or not stated.
        approximate: True when the source gives the amount as approximate ("about $487 million").
        decided_by: The document that decided it, e.g. ``"A/RES/51/233"``.
        decided: When it was decided.
        vote: How the deciding body voted, when reported.
        disputes: The ``id`` of another figure for the same period that this one contradicts.
        unconfirmed: True when only one weak source reports it, or sources conflict.
        note: Anything a reader should know, e.g. what the figure covers.
        sources: Ids of the sources that report it.

    Example:
        >>> Budget(start="1997-07-01", end="1998-06-30", kind=BudgetKind.APPROVED,
        ...        amount=120_860_700, net=True, decided_by="A/RES/51/233").net
        True
    """

    id: str | None = attrs.field(default=None, metadata=checked(check_slug))
    start: PartialDate = attrs.field(converter=optional_date)
    end: PartialDate = attrs.field(converter=optional_date)
    kind: BudgetKind
    amount: int | None = attrs.field(default=None, metadata=checked(at_least(0)))
    currency: str = attrs.field(default="USD", metadata=checked(check_currency))
    net: bool = False
    approximate: bool = False
    decided_by: str | None = None
    decided: PartialDate | None = attrs.field(default=None, converter=optional_date)
    vote: Vote | None = None
    disputes: str | None = attrs.field(default=None, metadata=checked(check_slug))
    unconfirmed: bool = False
    note: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (period(), not_itself("disputes"))

    def __attrs_post_init__(self) -> None:
        validate(self)

    def __str__(self) -> str:
        if self.amount is None:
            amount = "amount not reported"
        else:
            amount = f"{'about ' if self.approximate else ''}{self.currency} {self.amount:,}{' net' if self.net else ''}"
        flag = " (unconfirmed)" if self.unconfirmed else ""
        return f"{amount} {self.kind.value} for {self.start} to {self.end}{flag}"
