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

Reading and writing (`dumps`, `loads`, `dump`, `load`, `to_dict`, `from_dict`) and the
submodules that building records does not need (`datasets`, `importers`, `series`, `tables`,
`testing`, `serialisation`, `claims`, `timeline`, `catalogue`, `geography`, `totals`) are attributes of the package too, each
imported the first time it is touched (PEP 562), so that ``import missionmodel`` stays cheap:

    >>> mm.datasets.load("isf").id
    'isf'
"""

import importlib as _importlib
import typing as _typing

from .actor import Actor, ActorKind
from .appointment import Appointment, Post
from .budget import Budget, BudgetKind
from .compare import Comparison, ComparisonRow, compare, render_markdown, render_text
from .contribution import Contribution, ContributionKind, ContributionStatus
from .coverage import CoverageNote, CoverageStatus, Topic
from .dates import DateLike, PartialDate
from .event import Event, EventKind
from .exceptions import CoverageWarning, ErrorDetail, FormatError, MissionModelError, ValidationError
from .fatality import Fatality, FatalityCount, Gender
from .mandate import Authority, AuthorityKind, Ceiling, Mandate, MandateAction, MandatedTask, Task, TaskModality, Vote
from .mission import Mission, MissionKind, MissionStatus
from .personnel import FigureKind, PersonnelFigure
from .place import Place
from .position import Position, Stance
from .site import HeadquartersLevel, Site, SiteContingent, SiteUnit, UnitKind
from .sources import Source, SourceKind
from .strength import Strength

if _typing.TYPE_CHECKING:
    # For type checkers only: at run time each of these is imported by ``__getattr__`` on first use.
    # The redundant aliases mark them as re-exported (mypy --strict, ruff F401).
    from . import catalogue as catalogue
    from . import claims as claims
    from . import datasets as datasets
    from . import geography as geography
    from . import importers as importers
    from . import serialisation as serialisation
    from . import series as series
    from . import tables as tables
    from . import testing as testing
    from . import timeline as timeline
    from . import totals as totals
    from .claims import Claim as Claim
    from .claims import PledgeGap as PledgeGap
    from .claims import Standing as Standing
    from .serialisation import Format as Format
    from .serialisation import dump as dump
    from .serialisation import dumps as dumps
    from .serialisation import from_dict as from_dict
    from .serialisation import load as load
    from .serialisation import loads as loads
    from .serialisation import to_dict as to_dict
    from .totals import ContributorTotal as ContributorTotal

__version__ = "0.1.0"

_LAZY_SUBMODULES = frozenset(
    {"catalogue", "claims", "datasets", "geography", "importers", "serialisation", "series", "tables", "testing"}
    | {"timeline", "totals"}
)
"""Submodules imported the first time they are touched rather than with the package."""

_LAZY_NAMES = {
    **{name: "serialisation" for name in ("Format", "dump", "dumps", "from_dict", "load", "loads", "to_dict")},
    **{name: "claims" for name in ("Claim", "PledgeGap", "Standing")},
    "ContributorTotal": "totals",
}
"""Names of ``__all__`` defined in a submodule (the value) imported the first time they are touched.

Reading and writing need the converter (and cattrs), which building a record does not. (`compare`
is imported with the package: a lazy function named like its module would be replaced by the
module as soon as the module is imported.)"""

__all__ = [
    "Actor",
    "ActorKind",
    "Appointment",
    "Authority",
    "AuthorityKind",
    "Budget",
    "BudgetKind",
    "Ceiling",
    "Claim",
    "Comparison",
    "ComparisonRow",
    "Contribution",
    "ContributionKind",
    "ContributionStatus",
    "ContributorTotal",
    "CoverageNote",
    "CoverageStatus",
    "CoverageWarning",
    "DateLike",
    "ErrorDetail",
    "Event",
    "EventKind",
    "Fatality",
    "FatalityCount",
    "FigureKind",
    "Format",
    "FormatError",
    "Gender",
    "HeadquartersLevel",
    "Mandate",
    "MandateAction",
    "MandatedTask",
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
    "Site",
    "SiteContingent",
    "SiteUnit",
    "Source",
    "SourceKind",
    "Stance",
    "Standing",
    "Strength",
    "Task",
    "TaskModality",
    "Topic",
    "UnitKind",
    "ValidationError",
    "Vote",
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


def _lazy_attribute(name: str) -> object:
    """Import a lazy submodule, or the submodule defining a lazy name, on first access (PEP 562).

    Args:
        name: The attribute asked for.

    Returns:
        The submodule or the object. Either is then stored in the package's namespace, so this
        runs once per name.

    Raises:
        AttributeError: If the package has no attribute ``name``.
        ImportError: If the submodule needs a package that is not installed (`testing` needs
            hypothesis).
    """
    if name in _LAZY_SUBMODULES:
        value: object = _importlib.import_module(f"{__name__}.{name}")
    elif name in _LAZY_NAMES:
        value = getattr(_importlib.import_module(f"{__name__}.{_LAZY_NAMES[name]}"), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


if not _typing.TYPE_CHECKING:
    # Hidden from type checkers, which would otherwise accept any attribute of the package (typos
    # included); they see the submodules through the imports above.
    __getattr__ = _lazy_attribute


def __dir__() -> list[str]:
    """List the package's attributes, including those not imported yet."""
    return sorted(set(globals()) | _LAZY_SUBMODULES | _LAZY_NAMES.keys())
