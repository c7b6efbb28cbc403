import datetime

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import missionmodel as mm
from missionmodel import (
    Actor,
    ActorKind,
    Appointment,
    Authority,
    AuthorityKind,
    Budget,
    BudgetKind,
    Contribution,
    ContributionKind,
    ContributionStatus,
    CoverageNote,
    CoverageStatus,
    Event,
    FatalityCount,
    Mandate,
    Mission,
    MissionKind,
    MissionStatus,
    PartialDate,
    Position,
    Post,
    Source,
    Stance,
    Strength,
    ValidationError,
    testing,
)
from missionmodel.testing import missions

TROOPS = ContributionKind.TROOPS
PLEDGED = ContributionStatus.PLEDGED


def pledge(contributor, strength, as_of=None, kind=TROOPS, status=PLEDGED):
    return Contribution(contributor=contributor, kind=kind, status=status, strength=strength, as_of=as_of, sources=["s"])


@pytest.fixture
def force():
    return Mission(
        id="force",
        name="Test Force",
        kind=MissionKind.STABILIZATION,
        status=MissionStatus.AUTHORIZED,
        countries=["PSE"],
        lead="board",
        established="2025-11-17",
        mandates=[
            Mandate(authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL), start="2020", end="2024", sources=["s"]),
            Mandate(authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL), start="2025-11-17", end="2027-12-31"),
        ],
        contributions=[
            pledge("IDN", Strength.between(5000, 8000), "2026-02-15", status=ContributionStatus.OFFERED),
            pledge("IDN", Strength.at_most(8000), "2026-02-19"),
            pledge("KAZ", Strength.unknown(), "2026-02-19", kind=ContributionKind.MEDICAL),
            pledge("ALB", Strength.unknown(), "2026-02-19"),
            pledge("MAR", Strength.exact(10), "2026-03", kind=ContributionKind.POLICE),
            pledge("MAR", Strength.exact(20), "2026-03", kind=ContributionKind.POLICE),
        ],
        appointments=[
            Appointment(post=Post.FORCE_COMMANDER, holder="jeffers", start="2026-01-16"),
            Appointment(post=Post.DEPUTY_FORCE_COMMANDER, holder="IDN", start="2026-02-19"),
        ],
        positions=[
            Position(actor="hamas", stance=Stance.OPPOSES, date="2025-11-18"),
            Position(actor="IDN", stance=Stance.CONDITIONAL, date="2026-02-14"),
            Position(actor="hamas", stance=Stance.OPPOSES, date="2026-02-20"),
        ],
        actors=[
            Actor(id="board", name="Board of Peace", kind=ActorKind.INTERNATIONAL_ORGANIZATION),
            Actor(id="jeffers", name="Jasper Jeffers", kind=ActorKind.PERSON, country="USA"),
            Actor(id="hamas", name="Hamas", kind=ActorKind.POLITICAL_MOVEMENT, country="PSE"),
        ],
        sources=[Source(id="s", title="A report")],
    )


def test_contributors(force):
    assert force.contributors() == ("IDN", "KAZ", "ALB", "MAR")
    assert force.contributors(status=PLEDGED, kind=TROOPS) == ("IDN", "ALB")
    # Indonesia's offer was superseded by its pledge four days later.
    assert force.contributors(status=ContributionStatus.OFFERED) == ()
    assert force.contributors(status=ContributionStatus.OFFERED, on="2026-02-17") == ("IDN",)
    assert force.contributors(status=ContributionStatus.DEPLOYED) == ()
    assert force.contributors(on="2026-02-16") == ("IDN",)


def test_contributors_leave_out_those_that_declined(force):
    declined = attrs.evolve(
        force,
        contributions=[*force.contributions, pledge("ALB", Strength.unknown(), "2026-03-01", status=ContributionStatus.DECLINED)],
    )
    assert declined.contributors(kind=TROOPS) == ("IDN",)
    assert declined.contributors(status=ContributionStatus.DECLINED) == ("ALB",)
    assert declined.contributors(kind=TROOPS, on="2026-02-28") == ("IDN", "ALB")


def test_contributions_of(force):
    assert [str(c.strength) for c in force.contributions_of("IDN")] == ["5,000 to 8,000", "up to 8,000"]
    assert force.contributions_of("USA") == ()


def test_total_strength_counts_each_contributor_once(force):
    # The offer is no longer current: Indonesia pledged on 19 February.
    assert force.total_strength(kind=TROOPS, status=ContributionStatus.OFFERED) == Strength.exact(0)
    assert force.total_strength(kind=TROOPS, status=ContributionStatus.OFFERED, on="2026-02-18") == Strength.between(5000, 8000)
    # Albania gave no number, so the pledged troops have no ceiling.
    assert force.total_strength(kind=TROOPS, status=PLEDGED) == Strength.unknown()
    # Without Albania, Indonesia's later claim (up to 8,000) replaces its earlier one (5,000 to 8,000).
    without_albania = attrs.evolve(force, contributions=[c for c in force.contributions if c.contributor != "ALB"])
    assert without_albania.total_strength(kind=TROOPS) == Strength.at_most(8000)
    # Two claims of the same date are combined into the range that covers both.
    assert force.total_strength(kind=ContributionKind.POLICE) == Strength.between(10, 20)
    assert force.total_strength(status=ContributionStatus.DEPLOYED) == Strength.exact(0)


def test_positions_by(force):
    assert [p.date.isoformat() for p in force.positions_by(Stance.OPPOSES)] == ["2025-11-18", "2026-02-20"]
    assert force.positions_by(Stance.SUPPORTS) == ()


def test_mandate_on(force):
    assert force.mandate_on("2026-03-01") is force.mandates[1]
    assert force.mandate_on("2022-06") is force.mandates[0]
    assert force.mandate_on("2028") is None
    assert force.mandate_on("2019") is None


def test_holder_on(force):
    assert force.holder_on(Post.FORCE_COMMANDER, "2026-03-01").holder == "jeffers"
    assert force.holder_on(Post.FORCE_COMMANDER, "2025-12") is None
    assert force.holder_on(Post.DEPUTY_FORCE_COMMANDER, "2026-02-19").holder == "IDN"


def test_as_of(force):
    before = force.as_of("2026-02-16")
    assert before.contributors() == ("IDN",)
    assert before.holder_on(Post.DEPUTY_FORCE_COMMANDER, "2026-02-16") is None
    assert [p.date.isoformat() for p in before.positions] == ["2025-11-18", "2026-02-14"]
    assert len(before.mandates) == 2
    assert len(force.as_of("2024").mandates) == 1
    assert force.as_of("2030") == force


def test_as_of_reopens_a_mission_closed_later():
    closed = Mission(id="m", name="M", kind=MissionKind.OBSERVER, status=MissionStatus.CLOSED, established="1990", ended="2000")
    assert closed.as_of("1995").status is MissionStatus.ACTIVE
    assert closed.as_of("1995").ended is None
    assert closed.as_of("2001").status is MissionStatus.CLOSED


def test_actor_and_source_lookups(force):
    assert force.actor("hamas").name == "Hamas"
    assert force.actor("IDN") == Actor.state("IDN")
    with pytest.raises(KeyError, match="no actor 'nobody' in mission 'force'"):
        force.actor("nobody")
    assert force.source("s").title == "A report"
    assert force.sources_of(force.contributions[0]) == (force.sources[0],)
    with pytest.raises(KeyError, match="no source 'x'"):
        force.source("x")


def test_building_an_inconsistent_mission_reports_every_problem():
    with pytest.raises(ValidationError) as info:
        Mission(
            id="m",
            name="M",
            kind=MissionKind.OBSERVER,
            status=MissionStatus.ACTIVE,
            countries=["LB"],
            lead="un",
            contributions=[pledge("IDN", 5)],
            appointments=[
                Appointment(post=Post.FORCE_COMMANDER, holder="IDN", start="2020", end="2023"),
                Appointment(post=Post.FORCE_COMMANDER, holder="ITA", start="2021", end="2022"),
            ],
            sources=[Source(id="t", title="T"), Source(id="t", title="U")],
        )
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("countries[0]", "'LB' is not an ISO 3166-1 alpha-3 country code; did you mean 'LBN'?"),
        ("lead", "refers to actor 'un', which is not declared in 'actors' and is not an ISO 3166-1 alpha-3 code"),
        ("contributions[0].sources[0]", "cites source 's', which is not declared in 'sources'"),
        ("appointments[1]", "'ITA' holds 'force_commander' at the same time as 'IDN' (appointments[0])"),
        ("sources[1].id", "duplicate source id 't' (first declared at sources[0].id)"),
    ]


@given(missions())
def test_generated_missions_answer_queries_consistently(mission):
    for contributor in mission.contributors():
        assert mission.contributions_of(contributor)
    total = mission.total_strength()
    assert total.low >= 0
    assert mission.as_of("9999") == mission
    for stance in Stance:
        assert all(p.stance is stance for p in mission.positions_by(stance))


def test_a_later_mandate_supersedes_an_open_ended_one():
    un = Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL)
    mission = Mission(
        id="m",
        name="M",
        kind=MissionKind.PEACEKEEPING,
        status=MissionStatus.ACTIVE,
        mandates=[
            Mandate(authority=un, start="1978-03-19"),
            Mandate(authority=un, start="2006-08-11"),
            Mandate(authority=un, start="2025-08-28", end="2026-12-31"),
        ],
    )
    assert mission.mandate_on("1990") is mission.mandates[0]
    assert mission.mandate_on("2010-01-01") is mission.mandates[1]
    assert mission.mandate_on("2026-06") is mission.mandates[2]
    assert mission.mandate_on("2027-06-01") is None
    assert mission.mandate_on("1970") is None
    assert mission.latest_mandate() is mission.mandates[2]


def test_latest_claims_merges_same_day_claims_and_keeps_their_sources(force):
    claims = force.latest_claims()
    assert [(c.contributor, c.kind.value, str(c.strength)) for c in claims] == [
        ("IDN", "troops", "up to 8,000"),
        ("KAZ", "medical", "unknown"),
        ("ALB", "troops", "unknown"),
        ("MAR", "police", "10 to 20"),
    ]
    assert force.latest_claims(status=ContributionStatus.OFFERED) == ()
    assert force.latest_claims(status=ContributionStatus.OFFERED, on="2026-02-15")[0].strength == Strength.between(5000, 8000)
    [police] = [c for c in claims if c.kind is ContributionKind.POLICE]
    assert len(police.records) == 2
    assert not police.disputed


def test_personnel_figure_returns_the_latest_known_figure():
    from missionmodel import FigureKind, PersonnelFigure

    figures = [
        PersonnelFigure(kind=FigureKind.ACTUAL, strength=10058, as_of="2024-09-02"),
        PersonnelFigure(kind=FigureKind.ACTUAL, strength=9900, approximate=True, as_of="2025-11-20"),
        PersonnelFigure(kind=FigureKind.PLANNED, strength=20000, as_of="2026-02-20"),
    ]
    mission = Mission(id="m", name="M", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE, personnel=figures)
    assert mission.personnel_figure() is figures[1]
    assert mission.personnel_figure(on="2025-01") is figures[0]
    assert mission.personnel_figure(on="2020") is None
    assert mission.personnel_figure(FigureKind.PLANNED) is figures[2]
    assert mission.as_of("2025-10").personnel == (figures[0],)
    civilians = PersonnelFigure(
        kind=FigureKind.ACTUAL, strength=800, approximate=True, personnel=[ContributionKind.CIVILIAN], as_of="2024-10"
    )
    mission = attrs.evolve(mission, personnel=[*figures, civilians])
    assert mission.personnel_figure(on="2024-12") is civilians
    assert mission.personnel_figure(on="2024-12", personnel=[]) is figures[0]
    assert mission.personnel_figure(personnel=[ContributionKind.CIVILIAN]) is civilians


def test_queries_accept_enum_values_as_text_and_refuse_unknown_ones(force):
    assert force.contributors(status="pledged", kind="troops") == force.contributors(status=PLEDGED, kind=TROOPS)
    assert force.total_strength(kind="police") == Strength.between(10, 20)
    assert force.latest_claims("offered") == force.latest_claims(ContributionStatus.OFFERED)
    assert force.positions_by("opposes") == force.positions_by(Stance.OPPOSES)
    assert force.holder_on("force_commander", "2026-03-01").holder == "jeffers"
    assert force.personnel_figure("planned") is None
    with pytest.raises(ValidationError) as info:
        force.total_strength(kind="troop")
    assert [(e.path, e.message[:41]) for e in info.value.errors] == [("kind", "'kind' must be one of 'troops', 'police',")]
    assert info.value.errors[0].message.endswith("did you mean 'troops'?")
    with pytest.raises(ValidationError):
        force.holder_on("commander", "2026")


# --- reading a mission: repr, str, summary, HTML ---------------------------------------------------


def test_repr_is_one_short_line(force):
    assert (
        repr(force)
        == "<Mission force: Test Force (stabilization, authorized; 2 mandates, 6 contributions, 2 appointments, 3 positions)>"
    )
    bare = Mission(id="x", name="X", kind=MissionKind.NAVAL, status=MissionStatus.DRAWING_DOWN)
    assert repr(bare) == "<Mission x: X (naval, drawing down)>"


def test_repr_of_the_datasets_is_short():
    from missionmodel import datasets

    for name in datasets.names():
        mission = datasets.load(name)
        text = repr(mission)
        assert "\n" not in text and len(text) < 200
        assert text.startswith(f"<Mission {mission.id}: {mission.name} (")
    unifil = datasets.load("unifil")
    counts = ", ".join(
        f"{len(getattr(unifil, name))} {name}" for name in ("mandates", "contributions", "appointments", "sites")
        if getattr(unifil, name)
    )  # fmt: skip
    assert repr(unifil) == f"<Mission unifil: United Nations Interim Force in Lebanon (peacekeeping, active; {counts})>"


def test_a_long_name_is_cut_in_the_repr():
    mission = Mission(id="x", name="N" * 300, kind=MissionKind.NAVAL, status=MissionStatus.ACTIVE)
    assert repr(mission) == f"<Mission x: {'N' * 77}... (naval, active)>"


def test_str_is_the_summary(force):
    assert str(force) == force.summary()
    assert f"{force}" == force.summary()


def test_summary_of_everything_recorded(force):
    text = force.summary()
    assert text == (
        "Test Force\n"
        "stabilization, authorized\n"
        "\n"
        "Mission\n"
        "  led by     Board of Peace\n"
        "  countries  Palestine, State of (PSE)\n"
        "  dates      established 2025-11-17\n"
        "\n"
        "Mandate (the latest recorded)\n"
        "  instrument  instrument not recorded (un security council)\n"
        "  in force    from 2025-11-17 to 2027-12-31\n"
        "  ceiling     none recorded\n"
        "\n"
        "Command (the holders on 2026-02-19, the latest appointment recorded)\n"
        "  force commander         Jasper Jeffers (from 2026-01-16)\n"
        "  deputy force commander  Indonesia (from 2026-02-19)\n"
        "\n"
        "Contributors (the current claim of each)\n"
        "  pledged  4 contributors; personnel in all: at least 10 (2 of 4 claims give no number)\n"
        "             Indonesia, troops: up to 8,000 (2026-02-19)\n"
        "             Kazakhstan, medical: unknown (2026-02-19)\n"
        "             Albania, troops: unknown (2026-02-19)\n"
        "             Morocco, police: 10 to 20 (2026-03)\n"
        "\n"
        "Positions\n"
        "  conditional  Indonesia (2026-02-14)\n"
        "  opposes      Hamas (2025-11-18)\n"
        "                 Hamas (2026-02-20)\n"
        "\n"
        "Records\n"
        "  sources              1\n"
        "  mandates             2\n"
        "  contribution claims  6\n"
        "  appointments         2\n"
        "  positions            3\n"
    )


def test_summary_on_a_day_shows_what_stood_then(force):
    text = force.summary(on="2026-02-16")
    assert text.startswith("Test Force\nstabilization, authorized; as it stood on 2026-02-16\n")
    assert "Mandate in force on 2026-02-16\n  instrument  instrument not recorded (un security council)\n" in text
    assert "Command on 2026-02-16\n  force commander         Jasper Jeffers (from 2026-01-16)\n" in text
    assert "  deputy force commander  vacant or not recorded\n" in text
    assert (
        "Contributors (the current claim of each, on 2026-02-16)\n"
        "  offered  1 contributor; personnel in all: 5,000 to 8,000\n"
        "             Indonesia, troops: 5,000 to 8,000 (2026-02-15)\n\n"
    ) in text
    assert "Positions\n  conditional  Indonesia (2026-02-14)\n  opposes      Hamas (2025-11-18)\n\n" in text
    assert "Records (of all dates)\n" in text
    assert "Note:" not in text


def test_summary_notes_a_day_before_the_records_begin(force):
    text = force.summary(on="2019")
    assert text.splitlines()[2] == (
        "Note: 2019 is before this mission's records begin (2020, its first mandate): little or nothing was known then."
    )
    assert "Mandate in force on 2019\n  mandate  none recorded by 2019\n" in text
    assert "Contributors (the current claim of each, on 2019)\n  contributors  none recorded\n" in text


def test_summary_says_when_no_mandate_is_in_force_and_which_was_the_last(force):
    text = force.summary(on="2025-06")
    assert "Mandate in force on 2025-06\n  mandate  none in force\n" in text
    assert "\n             the latest before: instrument not recorded (un security council), from 2020 to 2024\n" in text
    assert text.splitlines()[2] == "Note: 2025-06 is before the mission was established (2025-11-17)."


def test_summary_counts_only_current_claims():
    # A pledge later withdrawn, and one later declined: listed as withdrawn and declined, never counted as pledged.
    mission = Mission(
        id="m",
        name="M",
        kind=MissionKind.STABILIZATION,
        status=MissionStatus.AUTHORIZED,
        contributions=[
            pledge("IDN", Strength.exact(1000), "2026-01"),
            pledge("IDN", Strength.unknown(), "2026-03", status=ContributionStatus.WITHDRAWN),
            pledge("JOR", Strength.exact(500), "2026-01"),
            pledge("JOR", Strength.unknown(), "2026-02", status=ContributionStatus.DECLINED),
            pledge("ITA", Strength.exact(300), "2026-01"),
        ],
        sources=[Source(id="s", title="A report")],
    )
    text = mission.summary()
    assert (
        "  pledged    1 contributor; personnel in all: 300\n"
        "               Italy, troops: 300 (2026-01)\n"
        "  withdrawn  1 contributor\n"
        "               Indonesia, troops (2026-03)\n"
        "  declined   1 contributor\n"
        "               Jordan, troops (2026-02)\n"
    ) in text
    assert "1,000" not in text and "1,800" not in text
    assert "personnel in all: 1,000 to" not in mission.summary(on="2026-04")
    assert "  pledged  3 contributors; personnel in all: 1,800\n" in mission.summary(on="2026-01-31")


def test_summary_marks_a_dispute_and_counts_it_from_zero():
    mission = Mission(
        id="m",
        name="M",
        kind=MissionKind.STABILIZATION,
        status=MissionStatus.AUTHORIZED,
        contributions=[
            pledge("JOR", Strength.exact(500), "2026-02-19"),
            pledge("JOR", Strength.unknown(), "2026-02-19", status=ContributionStatus.DECLINED),
        ],
        sources=[Source(id="s", title="A report")],
    )
    text = mission.summary()
    assert "  pledged   1 contributor; personnel in all: up to 500\n" in text
    assert "Jordan, troops: 500 (2026-02-19; disputed: also reported declined)" in text
    assert "Jordan, troops (2026-02-19; disputed: also reported pledged)" in text


def test_summary_gives_a_ceiling_from_an_earlier_mandate_as_such():
    council = Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL, body="UN Security Council")
    mission = Mission(
        id="m",
        name="M",
        kind=MissionKind.PEACEKEEPING,
        status=MissionStatus.ACTIVE,
        mandates=[
            Mandate(
                authority=attrs.evolve(council, instruments=["S/RES/1701 (2006)"]),
                start="2006-08-11",
                authorized_strength="up to 15,000",
            ),
            Mandate(authority=attrs.evolve(council, instruments=["S/RES/2790 (2025)"]), start="2025-08-28", end="2026-12-31"),
        ],
    )
    assert "  ceiling     none given in this mandate; S/RES/1701 (2006) authorised up to 15,000 personnel\n" in mission.summary()
    assert "  ceiling     up to 15,000 personnel\n" in mission.summary(on="2010")


def test_summary_of_the_datasets():
    from missionmodel import datasets

    isf = datasets.load("isf")
    text = isf.summary(on="2026-02-20")
    assert text.startswith("ISF: International Stabilization Force\nstabilization, authorized; as it stood on 2026-02-20\n")
    assert "  pledged   5 contributors; personnel in all: unknown (8 of 9 claims give no number)\n" in text
    assert "Indonesia, troops: up to 8,000 (2026-02-19)" in text
    assert "  declined  2 contributors\n" in text
    latest = isf.summary()
    assert "Indonesia, troops: unknown (2026-03-17)" in latest.split("  suspended")[1]
    assert "up to 8,000" not in latest.split("Contributors")[1].split("Personnel figures")[0]
    mission = datasets.load("unifil")
    unifil = mission.summary()
    deployed = mission.latest_claims(status=ContributionStatus.DEPLOYED)
    stale = {s.contributor for s in mission.standings() if s.absent_from is not None and s.has(ContributionStatus.DEPLOYED)}
    counted_on = next(s.absent_from for s in mission.standings() if s.absent_from is not None)
    head = f"  deployed   {len({c.contributor for c in deployed})} contributors ({len(stale)} not in the count of {counted_on});"
    assert head + " personnel in all: " in unifil
    assert f"personnel in all: {mission.total_strength(status=ContributionStatus.DEPLOYED)} (" in unifil
    # the ceiling in force under the last mandate, set by an earlier link of its chain and kept
    ceiling = mission.authorized_strength_on("2026-01-01")
    assert f"  ceiling       {ceiling} personnel, set by {ceiling.set_by.authority} and kept by " in unifil
    troops = mission.personnel_figure(personnel=[ContributionKind.TROOPS])
    assert "Personnel figures (the latest of each)\n" in unifil and str(troops) in unifil
    # on a day, the latest figure of each set of personnel known then, not a later one
    then = mission.personnel_figure(on="2024-09-30", personnel=[ContributionKind.TROOPS])
    assert f"  {then}" in mission.summary(on="2024-09-30") and str(then) not in unifil


def test_summary_refuses_a_bad_date(force):
    with pytest.raises(ValidationError) as info:
        force.summary(on="2026-13")
    assert info.value.errors[0].path == "on"


def test_html_is_a_table_with_every_text_escaped():
    mission = Mission(
        id="x",
        name="<script>alert(1)</script> & Co",
        kind=MissionKind.POLITICAL,
        status=MissionStatus.ACTIVE,
        area='Gaza "Strip" <b>',
    )
    page = mission._repr_html_()
    assert page.startswith('<table class="missionmodel-summary">')
    assert page.endswith("</table>")
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    assert "Gaza &quot;Strip&quot; &lt;b&gt;" in page


def test_html_shows_the_same_rows_as_the_text(force):
    page = force._repr_html_()
    for line in ("Jasper Jeffers (from 2026-01-16)", "Indonesia, troops: up to 8,000 (2026-02-19)", "Positions"):
        assert line in page
    from missionmodel._summary import summarise

    summary = summarise(force)
    assert page.count("<tr>") == len(summary.sections) + sum(len(section.rows) for section in summary.sections)


@given(missions())
def test_every_mission_has_a_short_repr_and_a_summary(mission):
    assert "\n" not in repr(mission) and len(repr(mission)) < 250
    text = mission.summary()
    title = f"{mission.acronym}: {mission.name}" if mission.acronym and mission.acronym != mission.name else mission.name
    assert text.endswith("\n") and text.startswith(title + "\n")
    assert mission._repr_html_().count("<table") == 1


# --- issue 11: links by id, chains, alternatives, and as_of -------------------------------------


def dates_in(record):
    """Every date in a record, at any depth."""
    if isinstance(record, PartialDate):
        yield record
    elif isinstance(record, tuple):
        for item in record:
            yield from dates_in(item)
    elif attrs.has(type(record)) and not isinstance(record, Strength):
        for field in attrs.fields(type(record)):
            yield from dates_in(getattr(record, field.name))


@st.composite
def missions_and_days(draw):
    """A mission, and a day near one of its own dates (the day before, of, or after), or any day."""
    mission = draw(missions())
    own = list(dates_in(mission))
    if own and draw(st.booleans()):
        date = draw(st.sampled_from(own))
        shift = datetime.timedelta(days=draw(st.sampled_from((-1, 0, 1))))
        base = date.earliest() if draw(st.booleans()) else date.latest()
        return mission, PartialDate.from_date(base + shift)
    return mission, draw(testing.partial_dates(1940, 2040))


def links(mission):
    """Each (collection, field, id named) of a mission's links by id."""
    for collection, field in (("mandates", "follows"), ("appointments", "disputes"), ("fatality_counts", "disputes"),
                              ("budgets", "disputes"), ("events", "disputes")):  # fmt: skip
        for record in getattr(mission, collection):
            if getattr(record, field) is not None:
                yield collection, field, getattr(record, field)


@pytest.mark.filterwarnings("ignore::missionmodel.CoverageWarning")
@settings(max_examples=60)
@given(missions_and_days())
def test_as_of_gives_a_valid_mission_whose_links_all_resolve(mission_and_day):
    mission, day = mission_and_day
    before = mission.as_of(day)  # building it validates it: a link to a record left out would be refused
    assert mm.from_dict(mm.to_dict(before), Mission) == before
    for collection, _, named in links(before):
        assert named in {record.id for record in getattr(before, collection)}
    for collection in ("appointments", "fatality_counts", "budgets", "events"):
        # Each account kept is the mission's own; an account of a record not known by then is left out with it.
        assert all(record in getattr(mission, collection) for record in getattr(before, collection))
    kept_ids = {mandate.id for mandate in before.mandates}
    for mandate in before.mandates:
        # Each mandate kept is the mission's own, or its own with a link to a mandate not yet in effect cut.
        if mandate not in mission.mandates:
            original = next(m for m in mission.mandates if attrs.evolve(m, follows=None) == mandate)
            assert original.follows not in kept_ids
    assert before.as_of(day) == before


def test_as_of_keeps_an_alternative_account_valid_before_the_account_it_disputes():
    # Sources disagree on the handover day: 1 January 2012, or 1 June 2011 (an alternative account).
    first = Appointment(id="a", post=Post.FORCE_COMMANDER, holder="ITA", start="2010", end="2012-01-01")
    second = Appointment(id="b", post=Post.FORCE_COMMANDER, holder="ESP", start="2012-01-01")
    other = Appointment(post=Post.FORCE_COMMANDER, holder="ESP", start="2011-06-01", disputes="b")
    mission = Mission(id="m", name="M", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
                      appointments=[first, second, other])  # fmt: skip
    assert mission.holder_on(Post.FORCE_COMMANDER, "2011-07") == first  # queries follow the account disputed
    before = mission.as_of("2011-07")
    assert before.appointments == (first,)  # the alternative account of a term not yet begun is left out with it
    assert all(a.disputes is None or a.disputes in {b.id for b in before.appointments} for a in before.appointments)


@pytest.mark.filterwarnings("ignore::missionmodel.CoverageWarning")
@settings(max_examples=50)
@given(missions_and_days())
def test_the_queries_of_a_chain_agree_with_mandate_on(mission_and_day):
    mission, day = mission_and_day
    found = mission.mandate_on(day)
    if found is None:
        assert mission.tasks_on(day) == () and mission.authorized_strength_on(day) is None
        return
    chain = mission.mandate_chain(found)
    assert chain[-1] is found and chain[0].follows is None
    ceiling = mission.authorized_strength_on(day)
    assert ceiling is None or any(ceiling.set_by is link for link in chain)
    assert set(mission.tasks_on(day)) <= {task for link in chain for task in link.tasks}


@pytest.mark.filterwarnings("ignore::missionmodel.CoverageWarning")
@settings(max_examples=50)
@given(missions_and_days())
def test_holders_on_ignores_alternative_accounts(mission_and_day):
    mission, day = mission_and_day
    plain = attrs.evolve(mission, appointments=[a for a in mission.appointments if a.disputes is None])
    for post in {a.post for a in mission.appointments}:
        assert mission.holders_on(post, day) == plain.holders_on(post, day)
        assert all(a.disputes is None for a in mission.holders_on(post, day))


def test_record_links_are_checked_in_every_collection():
    with pytest.raises(ValidationError) as raised:
        Mission(
            id="m", name="M", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
            mandates=[Mandate(id="r", authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL), follows="q")],
            appointments=[Appointment(post=Post.FORCE_COMMANDER, holder="ITA", disputes="x")],
            fatality_counts=[FatalityCount(id="c", count=1), FatalityCount(id="c", count=2)],
            budgets=[Budget(start="2010-07-01", end="2011-06-30", kind=BudgetKind.APPROVED, disputes="z")],
            events=[Event(date="2026", summary="S", disputes="y")],
        )  # fmt: skip
    assert [(e.path, e.message) for e in raised.value.errors] == [
        ("mandates[0].follows", "names mandate 'q', which no mandate has as its 'id'"),
        ("appointments[0].disputes", "names appointment 'x', which no appointment has as its 'id'"),
        ("fatality_counts[1].id", "duplicate fatality count id 'c' (first declared at fatality_counts[0].id)"),
        ("budgets[0].disputes", "names budget 'z', which no budget has as its 'id'"),
        ("events[0].disputes", "names event 'y', which no event has as its 'id'"),
    ]


def test_the_new_collections_are_written_in_field_order():
    mission = Mission(
        id="m", name="M", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE,
        events=[Event(date="2026", summary="S")], budgets=[Budget(start="2010", end="2011", kind=BudgetKind.SPENT)],
        fatality_counts=[FatalityCount(count=3)], coverage=[CoverageNote(status=CoverageStatus.KNOWN, text="T")],
        mandates=[Mandate(authority=Authority(kind=AuthorityKind.NATIONAL))],
    )  # fmt: skip
    assert list(mm.to_dict(mission)) == [
        "id", "name", "kind", "status", "coverage", "mandates", "fatality_counts", "budgets", "events",
    ]  # fmt: skip
    assert mission.sources_of(mission.budgets[0]) == ()
