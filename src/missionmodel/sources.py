"""Sources: where each fact was reported.

Every mandate, contribution, appointment and position cites the sources that reported it by their
ids; the mission declares each `Source` once.

Example:
    >>> Source(id="sc-16225", title="Security Council press release SC/16225",
    ...        publisher="United Nations", published="2025-11-17").published
    PartialDate(year=2025, month=11, day=17)
"""

from __future__ import annotations

import attrs

from ._checks import check_slug, check_url, checked
from ._engine import validate
from .dates import PartialDate, optional_date

__all__ = ["Source"]


@attrs.frozen(slots=True, kw_only=True)
class Source:
    """A document, article or dataset that reports facts about a mission.

    Attributes:
        id: Short slug by which records cite it, unique within the mission (``sc-16225``).
        title: The title or document symbol as published.
        publisher: Who published it (a news agency, the UN, a ministry).
        url: Where it was read, when known (``http://`` or ``https://``).
        published: When it was published.
        accessed: When it was read.

    Example:
        >>> Source(id="seed-article", title="Five Countries Pledge Troops for Gaza").id
        'seed-article'
    """

    id: str = attrs.field(metadata=checked(check_slug))
    title: str
    publisher: str | None = None
    url: str | None = attrs.field(default=None, metadata=checked(check_url))
    published: PartialDate | None = attrs.field(default=None, converter=optional_date)
    accessed: PartialDate | None = attrs.field(default=None, converter=optional_date)

    def __attrs_post_init__(self) -> None:
        validate(self)
