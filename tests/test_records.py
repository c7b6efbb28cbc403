"""Unit tests of the small record classes: Source, Actor, Authority, Mandate, Contribution, Position, Appointment."""

import datetime

import pytest

from missionmodel import (
    Actor,
    ActorKind,
    Appointment,
    Authority,
    AuthorityKind,
    Contribution,
    ContributionKind,
    ContributionStatus,
    Mandate,
    PartialDate,
    Position,
    Post,
    Source,
    Stance,
    Strength,
    Task,
    ValidationError,
)


def problems(call):
    with pytest.raises(ValidationError) as info:
        call()
    return [(e.path, e.message) for e in info.value.errors]


def test_records_are_frozen_slotted_and_keyword_only():
    source = Source(id="a", title="T")
    with pytest.raises(AttributeError):
        source.id = "b"  # type: ignore[misc]
    assert not hasattr(source, "__dict__")
    with pytest.raises(TypeError):
        Source("a", "T")  # type: ignore[misc]


def test_lists_become_tuples_and_text_becomes_dates():
    c = Contribution(
        contributor="IDN",
        kind=ContributionKind.TROOPS,
        status=ContributionStatus.PLEDGED,
        strength=8000,
        as_of=datetime.date(2026, 2, 19),
        caveats=["no combat"],
        sources=["seed"],
    )
    assert c.strength == Strength.exact(8000)
    assert c.as_of == PartialDate(year=2026, month=2, day=19)
    assert c.caveats == ("no combat",)
    assert c.sources == ("seed",)


def test_source_checks():
    assert problems(lambda: Source(id="Seed Article", title="", url="www.example.org")) == [
        ("id", "'id' must be a lower-case slug of letters, digits and hyphens, such as 'unifil' (got 'Seed Article')"),
        ("title", "'title' must not be empty"),
        ("url", "'url' must start with http:// or https:// (got 'www.example.org')"),
    ]
    assert problems(lambda: Source(id="s", title="T", kind="news_report", language="EN", note="")) == [  # type: ignore[arg-type]
        ("kind", "'kind' must be SourceKind('news_report'), not the plain str 'news_report'"),
        ("language", "'language' must be an ISO 639-1 code in lower case, such as 'en' or 'fr' (got 'EN'); did you mean 'en'?"),
        ("note", "'note' must not be empty"),
    ]


def test_actor_checks_and_states():
    assert Actor.state("XKX") == Actor(id="XKX", name="Kosovo", kind=ActorKind.STATE, country="XKX")
    assert problems(lambda: Actor.state("ID")) == [("id", "'ID' is not an ISO 3166-1 alpha-3 country code; did you mean 'IDN'?")]
    assert problems(lambda: Actor(id="Hamas", name="Hamas", kind="armed_group", country="PS")) == [  # type: ignore[arg-type]
        ("id", "'id' must be a lower-case slug such as 'board-of-peace' or an ISO 3166-1 alpha-3 code (got 'Hamas')"),
        ("kind", "'kind' must be ActorKind('armed_group'), not the plain str 'armed_group'"),
        ("country", "'PS' is not an ISO 3166-1 alpha-3 country code; did you mean 'PSE'?"),
    ]


def test_mandate_in_force():
    mandate = Mandate(authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL), start="2025-08-28", end="2026-12-31")
    assert mandate.in_force_on("2026-12-31")
    assert not mandate.in_force_on("2027-01-01")
    assert not mandate.in_force_on("2025-08-27")
    assert mandate.in_force_on("2025")  # a year that contains the start
    assert Mandate(authority=Authority(kind=AuthorityKind.NATIONAL)).in_force_on("1900")


def test_mandate_checks():
    assert problems(
        lambda: Mandate(
            authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL),
            tasks=["ceasefire_monitoring"],
            start="2026",
            end="2025",
            authorized_strength={"min": 5, "max": 1},
        )
    ) == [
        ("tasks[0]", "'tasks[0]' must be Task('ceasefire_monitoring'), not the plain str 'ceasefire_monitoring'"),
        ("end", "'end' (2025) is before 'start' (2026)"),
        ("authorized_strength", "'authorized_strength' is an inverted range: the lower bound 5 is above the upper bound 1"),
    ]
    assert Mandate(
        authority=Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL), tasks=[Task.DISARMAMENT], start="2026", end="2026"
    ).tasks == (Task.DISARMAMENT,)


def test_contribution_checks():
    assert problems(
        lambda: Contribution(contributor="Indonesia", kind=ContributionKind.TROOPS, status="pledge", strength=-1)  # type: ignore[arg-type]
    ) == [
        (
            "contributor",
            "'contributor' must be a lower-case slug such as 'board-of-peace' or an ISO 3166-1 alpha-3 code "
            "(got 'Indonesia'); did you mean 'IDN'?",
        ),
        (
            "status",
            "'status' must be one of 'offered', 'pledged', 'approved', 'confirmed', 'deployed', 'suspended', "
            "'withdrawn', 'declined' (got 'pledge' that is a str); did you mean 'pledged'?",
        ),
        ("strength", "'strength' must not be negative (got -1)"),
    ]


def test_contribution_defaults_to_unknown_strength():
    c = Contribution(contributor="KAZ", kind=ContributionKind.MEDICAL, status=ContributionStatus.PLEDGED)
    assert c.strength.is_unknown
    assert c.caveats == () and c.sources == () and c.as_of is None


def test_position_checks():
    position = Position(actor="hamas", stance=Stance.OPPOSES, demands=["a permanent ceasefire"], date="2026-02")
    assert position.demands == ("a permanent ceasefire",)
    assert problems(lambda: Position(actor="hamas", stance=Stance.OPPOSES, demands="a permanent ceasefire")) == [
        ("demands", "'demands' must be a list of str (got 'a permanent ceasefire' that is a str)")
    ]


def test_appointment_terms():
    beary = Appointment(post=Post.FORCE_COMMANDER, holder="michael-beary", start="2016", end="2018-08-07")
    del_col = Appointment(post=Post.FORCE_COMMANDER, holder="stefano-del-col", start="2018-08-07", end="2022-02")
    assert beary.held_on("2018-08-06")
    assert beary.held_on("2018-08-07")  # the end is the last day in office; Mission.holder_on gives it to the successor
    assert not beary.held_on("2018-08-08")
    assert del_col.held_on("2018-08-07")
    assert not beary.overlaps(del_col)  # a handover day is not an overlap
    graziano = Appointment(post=Post.FORCE_COMMANDER, holder="claudio-graziano", start="2007", end="2012")
    serra = Appointment(post=Post.FORCE_COMMANDER, holder="paolo-serra", start="2012", end="2014")
    assert not graziano.overlaps(serra)
    assert graziano.held_on("2012-06")
    current = Appointment(post=Post.FORCE_COMMANDER, holder="x", start="2020")
    assert current.overlaps(del_col)
    assert problems(lambda: Appointment(post=Post.FORCE_COMMANDER, holder="x", start="2020-05", end="2020-04-30")) == [
        ("end", "'end' (2020-04-30) is before 'start' (2020-05)")
    ]


def test_bad_date_text_in_code_is_reported_under_its_field():
    assert problems(lambda: Position(actor="hamas", stance=Stance.OPPOSES, date="18 Nov 2025")) == [
        ("date", "'date' must be a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (got '18 Nov 2025')")
    ]


def test_vote():
    from missionmodel import Vote

    assert str(Vote(in_favour=13, against=0, abstentions=2, meeting="10,046th meeting")) == (
        "13 in favour, 0 against, 2 abstentions (10,046th meeting)"
    )
    assert str(Vote(unanimous=True)) == "unanimous"
    assert str(Vote()) == "vote not reported"
    assert problems(lambda: Vote(in_favour=-1, against=2, unanimous=True)) == [
        ("in_favour", "'in_favour' must not be negative (got -1)"),
        ("against", "a unanimous vote cannot have 2 against"),
    ]
    authority = Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL, vote=Vote(unanimous=True))
    assert authority.vote == Vote(unanimous=True)


def test_sets_are_refused_because_they_have_no_order():
    assert problems(lambda: Position(actor="IDN", stance=Stance.SUPPORTS, demands={"a ceasefire"})) == [
        ("demands", "'demands' must be a list of str (got {'a ceasefire'} that is a set)")
    ]


def test_messages_show_a_huge_value_briefly():
    found = problems(lambda: Position(actor="IDN", stance=Stance.SUPPORTS, summary=list(range(10**6))))  # type: ignore[arg-type]
    assert found == [("summary", "'summary' must be str (got [0, 1, 2, 3, ...] that is a list)")]


def test_dates_need_ascii_digits():
    assert problems(lambda: PartialDate.parse("２０２６-０２-１９")) == [
        ("", "must be a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (got '２０２６-０２-１９')")
    ]
