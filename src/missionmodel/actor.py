"""Actors: the states, organisations, movements and people that missions involve.

States need not be declared: an ISO 3166-1 alpha-3 code such as ``IDN`` stands for the state
(see `missionmodel.countries`). Everything else is declared once in the mission's ``actors`` and
referred to by its slug id.

Example:
    >>> Actor(id="board-of-peace", name="Board of Peace", kind=ActorKind.INTERNATIONAL_ORGANIZATION).kind.value
    'international_organization'
    >>> Actor.state("IDN").name
    'Indonesia'
"""

from __future__ import annotations

import enum

import attrs

from ._checks import SLUG, as_tuple, checked, passes_when, quoted
from ._engine import validate
from ._fields import check_country
from .countries import code_problem, country_name, is_country_code
from .exceptions import ErrorDetail, ValidationError

__all__ = ["Actor", "ActorKind"]


class ActorKind(enum.Enum):
    """What kind of actor an `Actor` is.

    Example:
        >>> ActorKind("political_movement")
        <ActorKind.POLITICAL_MOVEMENT: 'political_movement'>
    """

    STATE = "state"
    """A sovereign state or a territory with an ISO 3166-1 code."""
    INTERNATIONAL_ORGANIZATION = "international_organization"
    """A global intergovernmental body such as the United Nations or the Board of Peace."""
    REGIONAL_ORGANIZATION = "regional_organization"
    """A regional body such as the African Union, the EU or the Arab League."""
    COALITION = "coalition"
    """An ad hoc group of states acting together."""
    ARMED_GROUP = "armed_group"
    """A non-state armed group."""
    POLITICAL_MOVEMENT = "political_movement"
    """A political movement or party, including one with an armed wing."""
    NGO = "ngo"
    """A non-governmental organisation, such as a human-rights group."""
    GOVERNMENT_BODY = "government_body"
    """A ministry, army, parliament or other organ of a state."""
    PERSON = "person"
    """A natural person, such as a force commander."""


@passes_when(lambda value: is_country_code(value) or SLUG.fullmatch(value) is not None, text=True)
def check_actor_id(value: object, path: str, problems: list[ErrorDetail]) -> None:
    """Append a problem when ``value`` is neither a slug nor an alpha-3 country code."""
    if not isinstance(value, str) or not value.strip() or SLUG.fullmatch(value) or is_country_code(value):
        return
    problem = code_problem(value)
    if value.isupper() and problem:
        message = problem
    else:
        message = (
            f"'{path.rpartition('.')[2]}' must be a lower-case slug such as 'board-of-peace'"
            f" or an ISO 3166-1 alpha-3 code (got {quoted(value)})"
        )
        if problem and "did you mean" in problem:
            message += problem[problem.index(";") :]
    problems.append(ErrorDetail(path=path, message=message))


@attrs.frozen(slots=True, kw_only=True)
class Actor:
    """A state, organisation, group or person that takes part in or takes a stance on a mission.

    Attributes:
        id: A lower-case slug (``hamas``, ``jasper-jeffers``) or, for a state, its ISO 3166-1
            alpha-3 code.
        name: The name as commonly written.
        kind: What kind of actor it is.
        country: The alpha-3 code of the country it belongs to, if any (a ministry's state, a
            commander's nationality, an NGO's country).
        sources: Ids of the sources that report who the actor is (a person's nationality, say).

    Example:
        >>> Actor(id="jasper-jeffers", name="Jasper Jeffers", kind=ActorKind.PERSON, country="USA").country
        'USA'
    """

    id: str = attrs.field(metadata=checked(check_actor_id))
    name: str
    kind: ActorKind
    country: str | None = attrs.field(default=None, metadata=checked(check_country))
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        validate(self)

    @property
    def nationality(self) -> str | None:
        """A person's nationality: their ``country``; None for an actor that is not a person.

        Example:
            >>> Actor(id="michael-beary", name="Michael Beary", kind=ActorKind.PERSON, country="IRL").nationality
            'IRL'
        """
        return self.country if self.kind is ActorKind.PERSON else None

    @classmethod
    def state(cls, code: str) -> Actor:
        """The state with ISO 3166-1 alpha-3 ``code`` (``XKX`` for Kosovo), named from ISO 3166.

        Args:
            code: The alpha-3 code.

        Raises:
            ValidationError: If ``code`` is not an alpha-3 code (the message suggests one when an
                alpha-2 code or a name was given).
        """
        problem = code_problem(code) if isinstance(code, str) else f"must be str (got {quoted(code)})"
        if problem:
            raise ValidationError([ErrorDetail(path="id", message=problem)], subject="Actor")
        return cls(id=code, name=country_name(code), kind=ActorKind.STATE, country=code)
