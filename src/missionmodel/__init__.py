"""missionmodel: typed, validated, sourced data on international missions.

Model peace operations (UN peacekeeping missions such as UNIFIL, ad hoc coalition forces such as
the International Stabilization Force for Gaza) as frozen, validated records; read and write them
as JSON and YAML; and ask the questions analysts ask of them.

Example:
    >>> import missionmodel as mm
    >>> pledge = mm.Contribution(contributor="IDN", kind=mm.ContributionKind.TROOPS,
    ...                          status=mm.ContributionStatus.PLEDGED,
    ...                          strength=mm.Strength.at_most(8000))
    >>> str(pledge.strength)
    'up to 8,000'
"""

from .actor import Actor, ActorKind
from .appointment import Appointment, Post
from .claims import Claim, PledgeGap, Standing
from .compare import ComparisonRow, compare, render_markdown, render_text
from .contribution import Contribution, ContributionKind, ContributionStatus
from .dates import DateLike, PartialDate
from .exceptions import ErrorDetail, FormatError, MissionModelError, ValidationError
from .fatality import Fatality, Gender
from .mandate import Authority, AuthorityKind, Mandate, Task, Vote
from .mission import Mission, MissionKind, MissionStatus
from .personnel import FigureKind, PersonnelFigure
from .place import Place
from .position import Position, Stance
from .serialisation import Format, dump, dumps, from_dict, load, loads, to_dict
from .sources import Source
from .strength import Strength

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorKind",
    "Appointment",
    "Authority",
    "AuthorityKind",
    "Claim",
    "ComparisonRow",
    "Contribution",
    "ContributionKind",
    "ContributionStatus",
    "DateLike",
    "ErrorDetail",
    "FigureKind",
    "Fatality",
    "Format",
    "FormatError",
    "Gender",
    "Mandate",
    "Mission",
    "MissionKind",
    "MissionModelError",
    "MissionStatus",
    "PartialDate",
    "PersonnelFigure",
    "Place",
    "PledgeGap",
    "Position",
    "Post",
    "Source",
    "Stance",
    "Standing",
    "Strength",
    "Task",
    "Vote",
    "ValidationError",
    "__version__",
    "compare",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "render_markdown",
    "render_text",
    "to_dict",
]
