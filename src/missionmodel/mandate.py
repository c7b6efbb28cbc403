"""Mandates: who authorised a mission, on what basis, to do what, until when.

Example:
    >>> mandate = Mandate(
    ...     authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL, body="UN Security Council",
    ...                         instruments=["S/RES/1701 (2006)"], adopted="2006-08-11"),
    ...     tasks=[Task.CEASEFIRE_MONITORING, Task.SUPPORT_TO_HOST_ARMED_FORCES],
    ...     authorized_strength=Strength.at_most(15000),
    ...     start="2006-08-11",
    ... )
    >>> str(mandate.authorized_strength)
    'up to 15,000'
"""

from __future__ import annotations

import enum
from typing import Any, ClassVar

import attrs

from ._checks import as_tuple, at_least, check_slug, checked, quoted
from ._engine import RecordCheck, record_check, validate
from ._fields import not_itself, period
from .dates import DateLike, PartialDate, optional_date
from .exceptions import ErrorDetail
from .strength import Strength, optional_strength
from .timeline import effective_date, in_force

__all__ = ["Authority", "AuthorityKind", "Ceiling", "Mandate", "MandateAction", "MandatedTask", "Task", "TaskModality", "Vote"]


class AuthorityKind(enum.Enum):
    """The kind of body that authorised a mission.

    Example:
        >>> AuthorityKind("un_security_council") is AuthorityKind.UN_SECURITY_COUNCIL
        True
    """

    UN_SECURITY_COUNCIL = "un_security_council"
    """The UN Security Council, by resolution."""
    UN_GENERAL_ASSEMBLY = "un_general_assembly"
    """The UN General Assembly, by resolution."""
    REGIONAL_ORGANIZATION = "regional_organization"
    """A regional organisation (African Union, EU, ECOWAS, ...)."""
    AD_HOC_COALITION = "ad_hoc_coalition"
    """A coalition or board of states set up for the purpose."""
    BILATERAL_AGREEMENT = "bilateral_agreement"
    """An agreement between two states."""
    HOST_STATE_AGREEMENT = "host_state_agreement"
    """An invitation from, or agreement with, the host state."""
    NATIONAL = "national"
    """A decision of one state alone."""


class Task(enum.Enum):
    """A task that a mandate gives a mission.

    The vocabulary is coarser than some sources': the 41 tasks of the Peacekeeping Mandates
    (PEMA) dataset map onto it (``missionmodel.importers.pema.TASKS``), several onto one task
    where PEMA splits a domain finely (PEMA's ``JusticeReform``, ``CorrectionsReform``,
    ``LegalReform`` and ``TransJustice`` are all `RULE_OF_LAW`); a `MandatedTask` then keeps the
    source's own name of the task, and how the mandate gives it (a `TaskModality`).

    Example:
        >>> Task.CEASEFIRE_MONITORING.value
        'ceasefire_monitoring'
    """

    CEASEFIRE_MONITORING = "ceasefire_monitoring"
    """Monitor, support or secure a ceasefire or cessation of hostilities."""
    WITHDRAWAL_VERIFICATION = "withdrawal_verification"
    """Confirm the withdrawal of foreign forces."""
    RESTORE_PEACE_AND_SECURITY = "restore_peace_and_security"
    """Restore international peace and security."""
    STATE_AUTHORITY = "state_authority"
    """Help the host government restore or extend its authority, including over natural resources."""
    CIVILIAN_PROTECTION = "civilian_protection"
    """Protect civilians."""
    HUMANITARIAN_ACCESS = "humanitarian_access"
    """Support, protect or ensure humanitarian relief, access and operations, corridors, the return of the displaced."""
    MEDICAL_ASSISTANCE = "medical_assistance"
    """Provide medical care, or support public health."""
    RECONSTRUCTION = "reconstruction"
    """Support reconstruction, economic recovery and development."""
    POLICE_TRAINING = "police_training"
    """Reform, train and build the capacity of the police."""
    DISARMAMENT = "disarmament"
    """Disarm, demobilise and reintegrate combatants; decommission weapons, destroy military infrastructure."""
    WEAPONS_FREE_ZONE = "weapons_free_zone"
    """Establish or keep an area free of armed personnel and weapons other than those authorised (a buffer zone, a safe area)."""
    BORDER_SECURITY = "border_security"
    """Monitor, control or secure borders or border areas."""
    MARITIME_SECURITY = "maritime_security"
    """Maritime interdiction or patrol, as by a maritime task force."""
    SUPPORT_TO_HOST_ARMED_FORCES = "support_to_host_armed_forces"
    """Accompany and support the host state's armed forces."""
    SECURITY_SECTOR_REFORM = "security_sector_reform"
    """Reform of the host state's security sector, or of its armed forces."""
    ELECTORAL_ASSISTANCE = "electoral_assistance"
    """Support elections: their organisation, their security, the education of voters."""
    HUMAN_RIGHTS_MONITORING = "human_rights_monitoring"
    """Monitor, report on, promote and protect human rights, including children's rights and against sexual violence."""
    MINE_ACTION = "mine_action"
    """Clear mines and explosive remnants of war."""
    TRANSITIONAL_ADMINISTRATION = "transitional_administration"
    """Administer a territory for a transition."""
    ARMS_CONTROL = "arms_control"
    """Control arms: small arms and light weapons, arms embargoes."""
    RULE_OF_LAW = "rule_of_law"
    """Reform justice, prisons and laws; transitional justice."""
    POLITICAL_PROCESS = "political_process"
    """Support a peace process: its agreement, power sharing, reconciliation, democratic institutions, civil society."""
    PUBLIC_INFORMATION = "public_information"
    """Inform the public, and support free media."""
    USE_OF_FORCE = "use_of_force"
    """Use force as authorised ("all necessary means"), including offensive operations."""
    GENDER = "gender"
    """Gender equality and the participation of women."""
    CULTURAL_HERITAGE = "cultural_heritage"
    """Protect cultural heritage."""


class TaskModality(enum.Enum):
    """How a mandate gives a task: the PEMA dataset's three modalities of engagement, or only encouraged.

    Example:
        >>> TaskModality("security") is TaskModality.SECURITY
        True
    """

    MONITOR = "monitor"
    """Observe compliance with, or the implementation of, the task."""
    ASSIST = "assist"
    """Take an active part in carrying it out: implement, coordinate, support."""
    SECURITY = "security"
    """Provide security for it."""
    ENCOURAGED = "encouraged"
    """Only encouraged, in encouraging rather than requesting words."""


class MandateAction(enum.Enum):
    """What an instrument does to a mission's mandate.

    A resolution may do several: renew a mandate and adjust it. The mandate it acts on is the
    one in force before it.

    Example:
        >>> MandateAction("renews") is MandateAction.RENEWS
        True
    """

    ESTABLISHES = "establishes"
    """Establishes the mission, or gives it its first mandate."""
    RENEWS = "renews"
    """Renews or extends the mandate in force, for a further period."""
    ADJUSTS = "adjusts"
    """Changes part of the mandate in force (PEMA's minor adjustment)."""
    REVISES = "revises"
    """Revises the mandate as a whole (PEMA's complete adjustment)."""


@record_check("unanimous", "against", "abstentions", applies=("against", "abstentions"))
def _unanimous(record: Any, problems: list[ErrorDetail]) -> None:
    """A unanimous vote has no votes against and no abstentions."""
    if record.unanimous is True:
        for name in ("against", "abstentions"):
            count = getattr(record, name)
            if count:
                problems.append(ErrorDetail(path=name, message=f"a unanimous vote cannot have {count} {name.replace('_', ' ')}"))


@attrs.frozen(slots=True, kw_only=True)
class Vote:
    """How a body voted on an instrument, as far as reported.

    Give the counts that the source gives; a vote reported only as "unanimous" is
    ``Vote(unanimous=True)`` without counts. Who abstained or voted against, and why, belongs in
    the mission's positions.

    Attributes:
        in_favour: Votes in favour.
        against: Votes against.
        abstentions: Abstentions.
        unanimous: True when the source reports the adoption as unanimous.
        meeting: The meeting at which it was taken, e.g. ``"10,046th meeting"``.

    Example:
        >>> str(Vote(in_favour=13, against=0, abstentions=2))
        '13 in favour, 0 against, 2 abstentions'
        >>> str(Vote(unanimous=True, meeting="5,511th meeting"))
        'unanimous (5,511th meeting)'
    """

    in_favour: int | None = attrs.field(default=None, metadata=checked(at_least(0, 10_000)))
    against: int | None = attrs.field(default=None, metadata=checked(at_least(0, 10_000)))
    abstentions: int | None = attrs.field(default=None, metadata=checked(at_least(0, 10_000)))
    unanimous: bool = False
    meeting: str | None = None

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (_unanimous,)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def __str__(self) -> str:
        parts = []
        if self.unanimous:
            parts.append("unanimous")
        for name, words in (("in_favour", "in favour"), ("against", "against"), ("abstentions", "abstentions")):
            count = getattr(self, name)
            if count is not None:
                parts.append(f"{count} {'abstention' if words == 'abstentions' and count == 1 else words}")
        text = ", ".join(parts) or "vote not reported"
        return f"{text} ({self.meeting})" if self.meeting else text


@record_check("instruments")
def _each_instrument_once(record: Any, problems: list[ErrorDetail]) -> None:
    """No instrument is listed twice."""
    seen: set[str] = set()
    for index, instrument in enumerate(record.instruments):
        if instrument in seen:
            problems.append(ErrorDetail(path=f"instruments[{index}]", message=f"lists {quoted(instrument)} twice"))
        seen.add(instrument)


@attrs.frozen(slots=True, kw_only=True)
class Authority:
    """The body and instruments that authorised a mandate.

    One decision may take several instruments: UNIFIL was established by resolutions 425 and
    426 (1978), adopted the same day. Files written before ``instruments`` existed give a single
    ``instrument``; they still load (as a one-element ``instruments``).

    Attributes:
        kind: What kind of body it is.
        body: Its name, e.g. ``"UN Security Council"``.
        instruments: The resolutions or agreements, e.g. ``("S/RES/1701 (2006)",)``; empty when
            the source does not say which (an extension whose resolution is not named).
        adopted: When the (first) instrument was adopted.
        vote: How it was adopted, when reported.

    Example:
        >>> authority = Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL,
        ...                       instruments=["S/RES/425 (1978)", "S/RES/426 (1978)"])
        >>> authority.instrument, str(authority)
        ('S/RES/425 (1978)', 'S/RES/425 (1978) and S/RES/426 (1978)')
    """

    kind: AuthorityKind
    body: str | None = None
    instruments: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    adopted: PartialDate | None = attrs.field(default=None, converter=optional_date)
    vote: Vote | None = None

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (_each_instrument_once,)

    def __attrs_post_init__(self) -> None:
        validate(self)

    @property
    def instrument(self) -> str | None:
        """The first of ``instruments``, or None: the instrument when there is one."""
        return self.instruments[0] if self.instruments else None

    def __str__(self) -> str:
        if not self.instruments:
            return f"{self.body or self.kind.value.replace('_', ' ')} (instrument not reported)"
        if len(self.instruments) == 1:
            return self.instruments[0]
        return ", ".join(self.instruments[:-1]) + " and " + self.instruments[-1]


@attrs.frozen(slots=True, kw_only=True)
class MandatedTask:
    """One task of a mandate, with how it is given and where the instrument gives it.

    Attributes:
        task: The task.
        modality: How it is given: to monitor, assist or secure it, or only encouraged; None
            when the source does not say.
        paragraphs: The paragraphs that give it, as the source cites them (``"4"``, ``"17 c"``,
            ``"p.3"`` for a preambular paragraph, ``"26 (S/26090)"`` for a paragraph of another
            document); empty when the source does not cite them.
        carried_from: The instrument that gave the task when it is carried over from an earlier
            one, e.g. ``"S/RES/1159"``; its ``paragraphs`` are then that instrument's. None when
            the mandate's own instrument gives it.
        source_task: The source's own name of the task, when the model's `Task` is coarser,
            e.g. PEMA's ``"ChildRights"`` for `Task.HUMAN_RIGHTS_MONITORING`.

    Example:
        >>> task = MandatedTask(task=Task.CIVILIAN_PROTECTION, modality=TaskModality.SECURITY, paragraphs=["15"])
        >>> str(task)
        'civilian protection (security; paragraph 15)'
    """

    task: Task
    modality: TaskModality | None = None
    paragraphs: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    carried_from: str | None = None
    source_task: str | None = None

    def __attrs_post_init__(self) -> None:
        validate(self)

    def __str__(self) -> str:
        details = [f"as {self.source_task}"] if self.source_task is not None else []
        if self.modality is not None:
            details.append(self.modality.value)
        if self.paragraphs:
            details.append(("paragraphs " if len(self.paragraphs) > 1 else "paragraph ") + ", ".join(self.paragraphs))
        if self.carried_from is not None:
            details.append(f"carried over from {self.carried_from}")
        text = self.task.value.replace("_", " ")
        return f"{text} ({'; '.join(details)})" if details else text

    @property
    def requested(self) -> bool:
        """True unless the task is only encouraged."""
        return self.modality is not TaskModality.ENCOURAGED


@record_check("actions")
def _each_action_once(record: Any, problems: list[ErrorDetail]) -> None:
    """No action is listed twice."""
    if len(set(record.actions)) != len(record.actions):
        problems.append(ErrorDetail(path="actions", message="'actions' lists an action more than once"))


@record_check("tasks", "mandated_tasks", applies=("mandated_tasks",))
def _tasks_agree(record: Any, problems: list[ErrorDetail]) -> None:
    """Each task requested in ``mandated_tasks`` is listed in ``tasks``; no task detail is given twice."""
    listed = record.tasks  # enum members compare by identity: a tuple is quicker here than a set, which hashes them
    seen: dict[tuple[Any, ...], int] = {}
    for index, detail in enumerate(record.mandated_tasks):
        path = f"mandated_tasks[{index}]"
        key = (id(detail.task), detail.source_task, id(detail.modality), detail.carried_from)  # members are singletons
        if key in seen:
            message = f"repeats mandated_tasks[{seen[key]}] (the same task, source task, modality and instrument)"
            problems.append(ErrorDetail(path=path, message=message))
            continue
        seen[key] = index
        if detail.requested and detail.task not in listed:
            problems.append(
                ErrorDetail(path=path, message=f"the task {detail.task.value!r} is given here but not listed in 'tasks'")
            )


@record_check("approximate", "authorized_strength", applies=("approximate",))
def _ceiling_if_approximate(record: Any, problems: list[ErrorDetail]) -> None:
    """Only a ceiling can be approximate."""
    if record.approximate is True and record.authorized_strength is None:
        message = "'approximate' is true but the mandate sets no 'authorized_strength'"
        problems.append(ErrorDetail(path="approximate", message=message))


@attrs.frozen(slots=True, kw_only=True)
class Mandate:
    """What a mission is authorised to do, by whom, and for how long.

    A mandate that renews, extends or adjusts an earlier one names it in ``follows``: the
    mandates of a mission form a chain from the one that established it. A link of the chain
    has its own dates and end, and gives only what it changes: the tasks it adds (``tasks``),
    those it drops (``drops``), a new ceiling (``authorized_strength``); the rest is carried
    over from the mandates before it (`Mission.tasks_on`, `Mission.authorized_strength_on`).

    Attributes:
        id: A slug by which another mandate names this one in ``follows`` (``res-1701``).
        authority: Who authorised it and by which instruments.
        actions: What the instrument does to the mission's mandate (establishes, renews,
            adjusts, revises it), when reported; empty when not reported, or when the source
            reports that it does none of these.
        follows: The ``id`` of the mandate this one renews, extends or adjusts.
        legal_basis: The legal basis, e.g. ``"UN Charter Chapter VII"``, when stated.
        summary: The mandate in the instrument's own words, briefly.
        tasks: The tasks given, each once (tasks only encouraged are not given); for a link of
            a chain, the tasks it adds.
        drops: Tasks of the mandates it follows that it no longer gives.
        mandated_tasks: Each task in detail, when the source gives them so: how it is given
            (monitor, assist, security, or only encouraged), in which paragraphs, and whether
            it is carried over from an earlier instrument. Each task given here is also in
            ``tasks``.
        references: Other documents the instrument takes its tasks from, such as a report of
            the Secretary-General whose recommendations it approves (``"S/24075"``).
        restrictions: Limits placed on the mission, e.g. ``"no combat operations"``.
        start: When the mandate took effect.
        end: Its last day in force, if set.
        authorized_strength: The personnel ceiling it sets, if any; None when it sets none,
            or keeps the ceiling of the mandate it follows.
        approximate: True when the source gives the ceiling only approximately ("about
            7,000"); in a document, ``authorized_strength: about 7,000`` reads so.
        unconfirmed: True when only one weak source reports it, or sources conflict.
        note: Anything a reader should know, such as how a date or number was inferred.
        sources: Ids of the sources that report it.

    Example:
        >>> Mandate(authority=Authority(kind=AuthorityKind.NATIONAL), start="2020", end="2021").end
        PartialDate(year=2021, month=None, day=None)
    """

    id: str | None = attrs.field(default=None, metadata=checked(check_slug))
    authority: Authority
    actions: tuple[MandateAction, ...] = attrs.field(factory=tuple, converter=as_tuple)
    follows: str | None = attrs.field(default=None, metadata=checked(check_slug))
    legal_basis: str | None = None
    summary: str | None = None
    tasks: tuple[Task, ...] = attrs.field(factory=tuple, converter=as_tuple)
    drops: tuple[Task, ...] = attrs.field(factory=tuple, converter=as_tuple)
    mandated_tasks: tuple[MandatedTask, ...] = attrs.field(factory=tuple, converter=as_tuple)
    references: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    restrictions: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    start: PartialDate | None = attrs.field(default=None, converter=optional_date)
    end: PartialDate | None = attrs.field(default=None, converter=optional_date)
    authorized_strength: Strength | None = attrs.field(default=None, converter=optional_strength)
    approximate: bool = False
    unconfirmed: bool = False
    note: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)

    __record_checks__: ClassVar[tuple[RecordCheck, ...]] = (
        period(),
        _each_action_once,
        _tasks_agree,
        not_itself("follows"),
        _ceiling_if_approximate,
    )

    def __attrs_post_init__(self) -> None:
        validate(self)

    @property
    def effective(self) -> PartialDate | None:
        """When the mandate takes effect: ``start``, else the adoption date of its instrument."""
        return effective_date(self)

    def in_force_on(self, day: DateLike) -> bool:
        """Tell whether the mandate may be in force on ``day``, from its effective date to its end, both included.

        A mandate with no effective date is taken to have been in force from the beginning, one
        with no end to be still in force. Partial dates count generously: a mandate that ends
        "2026" is in force on any day of 2026. This looks at this mandate alone:
        `Mission.mandate_on` also lets a later mandate supersede it.

        Args:
            day: The date to ask about.
        """
        return in_force(self.effective, self.end, day)


@attrs.frozen(slots=True, kw_only=True)
class Ceiling:
    """The personnel ceiling in force, as `Mission.authorized_strength_on` finds it.

    Attributes:
        strength: The ceiling (``up to 15,000``).
        approximate: True when the mandate gives it only approximately ("about 7,000").
        set_by: The mandate that set it; renewals after it kept it.

    Example:
        >>> mandate = Mandate(authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL,
        ...                                       instruments=["S/RES/501 (1982)"]),
        ...                   authorized_strength=Strength.at_most(7000), approximate=True)
        >>> ceiling = Ceiling(strength=mandate.authorized_strength, approximate=mandate.approximate, set_by=mandate)
        >>> str(ceiling), str(ceiling.set_by.authority)
        ('up to about 7,000', 'S/RES/501 (1982)')
    """

    strength: Strength
    approximate: bool = False
    set_by: Mandate

    def __str__(self) -> str:
        text = str(self.strength)
        if not self.approximate:
            return text
        for prefix in ("up to ", "at least "):
            if text.startswith(prefix):
                return prefix + "about " + text[len(prefix) :]
        return "about " + text
