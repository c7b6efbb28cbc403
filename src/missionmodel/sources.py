"""Sources: where each fact was reported.

Every mandate, contribution, appointment and position cites the sources that reported it by their
ids; the mission declares each `Source` once.

Example:
    >>> Source(id="sc-16225", title="Security Council press release SC/16225",
    ...        publisher="United Nations", published="2025-11-17").published
    PartialDate(year=2025, month=11, day=17)
"""

from __future__ import annotations

import enum
from functools import cache

import attrs

from ._checks import check_slug, check_url, checked, passes_when, quoted
from ._engine import validate
from .dates import PartialDate, optional_date
from .exceptions import ErrorDetail

__all__ = ["Source", "SourceKind"]


class SourceKind(enum.Enum):
    """What kind of document a source is, so that a reader can weigh it.

    Example:
        >>> SourceKind("news_report") is SourceKind.NEWS_REPORT
        True
    """

    UN_DOCUMENT = "un_document"
    """A UN document: a resolution, a report or letter of the Secretary-General, a record of a meeting."""
    PRESS_RELEASE = "press_release"
    """A press release or meetings coverage of the UN, a mission or a government."""
    OFFICIAL_STATEMENT = "official_statement"
    """A statement, speech, letter or transcript of a government or an official."""
    NEWS_REPORT = "news_report"
    """A report of a news agency, newspaper or broadcaster, or its republication by another site."""
    ANALYSIS = "analysis"
    """An analysis, feature or commentary: think tanks, magazines, blogs."""
    REFERENCE_WORK = "reference_work"
    """An encyclopedia or other reference work, including Wikipedia, its mirrors and Wikisource."""
    DATASET = "dataset"
    """A published data file, such as a table of the UN Peace and Security Data Hub."""
    SOCIAL_MEDIA = "social_media"
    """A post on a social network."""
    OTHER = "other"
    """Anything else."""


@cache
def _languages() -> frozenset[str]:
    import pycountry

    return frozenset(language.alpha_2 for language in pycountry.languages if hasattr(language, "alpha_2"))


def _is_language(value: object) -> bool:
    return isinstance(value, str) and value in _languages()


@passes_when(_is_language, text=True)
def check_language(value: object, path: str, problems: list[ErrorDetail]) -> None:
    """Append a problem when ``value`` is text that is not an ISO 639-1 language code (``en``, ``fr``)."""
    if not isinstance(value, str) or not value.strip() or _is_language(value):
        return
    hint = f"; did you mean {value.lower()!r}?" if _is_language(value.lower()) else ""
    problems.append(
        ErrorDetail(
            path=path,
            message=f"'language' must be an ISO 639-1 code in lower case, such as 'en' or 'fr' (got {quoted(value)}){hint}",
        )
    )


@attrs.frozen(slots=True, kw_only=True)
class Source:
    """A document, article or dataset that reports facts about a mission.

    Attributes:
        id: Short slug by which records cite it, unique within the mission (``sc-16225``).
        title: The title or document symbol as published; a title in square brackets is a
            description supplied by the compilers, not the headline.
        kind: What kind of document it is (a UN document, a news report, ...).
        publisher: Who published it (a news agency, the UN, a ministry).
        url: Where it was read, when known (``http://`` or ``https://``).
        language: The language it is written in, as an ISO 639-1 code (``en``, ``fr``).
        published: When it was published.
        accessed: When it was read.
        note: Anything a reader should know: a republication, a date not shown, how sure the
            address is.

    Example:
        >>> Source(id="seed-article", title="Five Countries Pledge Troops for Gaza").id
        'seed-article'
    """

    id: str = attrs.field(metadata=checked(check_slug))
    title: str
    kind: SourceKind | None = None
    publisher: str | None = None
    url: str | None = attrs.field(default=None, metadata=checked(check_url))
    language: str | None = attrs.field(default=None, metadata=checked(check_language))
    published: PartialDate | None = attrs.field(default=None, converter=optional_date)
    accessed: PartialDate | None = attrs.field(default=None, converter=optional_date)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        validate(self)
