"""Coverage: what a mission's data cover, and a warning, not a silent None, for a date they do not cover."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import missionmodel as mm
from missionmodel import (
    Appointment,
    CoverageNote,
    CoverageStatus,
    CoverageWarning,
    Mission,
    MissionKind,
    MissionStatus,
    PartialDate,
    Post,
    Topic,
    testing,
)
from missionmodel.coverage import data_begin, gaps_on, mission_start, uncovered
from missionmodel.timeline import certainly_before

FC = Post.FORCE_COMMANDER


def warned(query) -> list[str]:  # type: ignore[no-untyped-def]
    """The messages of the coverage warnings that ``query()`` issues."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        query()
    return [str(w.message) for w in caught if issubclass(w.category, CoverageWarning)]


def mission(**fields) -> Mission:  # type: ignore[no-untyped-def]
    return Mission(id="m", name="M", acronym="M", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE, **fields)


TERMS = [
    Appointment(post=FC, holder="ESP", start="2006-08-11", end="2010-01-28"),
    Appointment(post=FC, holder="ITA", start="2010-01-28"),
]


def test_a_coverage_note() -> None:
    note = CoverageNote(topic=Topic.BUDGETS, status=CoverageStatus.MISSING, start="1998", end="2009",
                        text="No amounts found for 1998/99 to 2009/10.")  # fmt: skip
    assert str(note) == "budgets, 1998 to 2009 (missing): No amounts found for 1998/99 to 2009/10."
    whole = CoverageNote(status=CoverageStatus.UNCONFIRMED, text="Several figures come from one aggregator.")
    assert str(whole) == "the whole mission (unconfirmed): Several figures come from one aggregator."
    assert mm.to_dict(note) == {"topic": "budgets", "status": "missing", "start": "1998", "end": "2009",
                                "text": "No amounts found for 1998/99 to 2009/10."}  # fmt: skip
    with pytest.raises(mm.ValidationError) as raised:
        mm.from_dict({"topic": "staff", "status": "known", "start": "2010", "end": "2009", "text": "x"}, CoverageNote)
    assert [e.path for e in raised.value.errors] == ["topic", "end"]
    assert [topic.value for topic in Topic] == [
        "mandates", "contributions", "personnel", "appointments", "positions", "fatalities", "fatality_counts", "budgets",
        "events", "sites",
    ]  # fmt: skip
    assert all(hasattr(Mission, topic.value) for topic in Topic)


@given(testing.coverage_notes())
def test_generated_coverage_notes_round_trip(note: CoverageNote) -> None:
    assert mm.from_dict(mm.to_dict(note), CoverageNote) == note
    text = mm.dumps(note, format="yaml")
    assert mm.loads(text, CoverageNote, format="yaml") == note
    assert mm.dumps(mm.loads(text, CoverageNote, format="yaml"), format="yaml") == text


def test_the_data_of_a_topic_begin_at_a_known_note_or_at_the_earliest_record() -> None:
    plain = mission(appointments=TERMS)
    assert data_begin(plain, Topic.APPOINTMENTS) == PartialDate.parse("2006-08-11")
    assert data_begin(plain, "appointments") == data_begin(plain, Topic.APPOINTMENTS)
    assert data_begin(plain, Topic.BUDGETS) is None
    noted = mission(appointments=TERMS, coverage=[
        CoverageNote(topic=Topic.APPOINTMENTS, status=CoverageStatus.KNOWN, start="1978", text="Every commander since 1978."),
        CoverageNote(topic=Topic.APPOINTMENTS, status=CoverageStatus.MISSING, start="1970", text="Not a known note."),
        CoverageNote(status=CoverageStatus.KNOWN, start="1960", text="The whole mission: not about appointments."),
    ])  # fmt: skip
    assert data_begin(noted, Topic.APPOINTMENTS) == PartialDate(year=1978)


def test_a_query_before_the_data_begin_warns_and_one_after_does_not() -> None:
    unifil = mission(established="1978-03-19", appointments=TERMS)
    assert mission_start(unifil) == PartialDate.parse("1978-03-19")
    [message] = warned(lambda: unifil.holder_on(FC, "1990"))
    assert message == (
        "M: holders_on('force_commander') on 1990: the data on appointments begin in 2006-08-11, after the mission"
        " began (1978-03-19); an answer of None means not recorded, not none"
    )
    assert warned(lambda: unifil.holder_on(FC, "2006-08-11")) == []
    assert warned(lambda: unifil.holder_on(FC, "2020")) == []
    assert warned(lambda: unifil.holder_on(FC, "1970")) == []  # before the mission began: nothing to miss
    assert warned(lambda: mission(appointments=TERMS).holder_on(FC, "1990")) == []  # the mission's start is not known
    noted = mission(established="1978-03-19", appointments=TERMS, coverage=[
        CoverageNote(topic=Topic.APPOINTMENTS, status=CoverageStatus.KNOWN, start="1978", text="All of them."),
    ])  # fmt: skip
    assert warned(lambda: noted.holder_on(FC, "1990")) == []


def test_a_query_in_a_gap_warns() -> None:
    gap = CoverageNote(topic=Topic.APPOINTMENTS, status=CoverageStatus.MISSING, start="2008", end="2009",
                       text="Two years without a source.")  # fmt: skip
    whole = CoverageNote(status=CoverageStatus.MISSING, start="2012", end="2012", text="Nothing found for 2012.")
    other = CoverageNote(topic=Topic.BUDGETS, status=CoverageStatus.MISSING, start="2014", end="2014", text="Budgets.")
    gappy = mission(established="2006", appointments=TERMS, coverage=[gap, whole, other])
    assert gaps_on(gappy, Topic.APPOINTMENTS, PartialDate.parse("2008-05")) == (gap,)
    assert warned(lambda: gappy.holder_on(FC, "2008-05")) == [
        "M: holders_on('force_commander') on 2008-05 falls in a gap of the data: Two years without a source."
    ]
    assert warned(lambda: gappy.holder_on(FC, "2012-03-01")) == [
        "M: holders_on('force_commander') on 2012-03-01 falls in a gap of the data: Nothing found for 2012."
    ]
    assert warned(lambda: gappy.holder_on(FC, "2014-03-01")) == []  # a gap of another topic
    assert warned(lambda: gappy.holder_on(FC, "2010")) == []


def test_a_coverage_warning_can_be_made_an_error() -> None:
    unifil = mission(established="1978-03-19", appointments=TERMS)
    with warnings.catch_warnings():
        warnings.simplefilter("error", CoverageWarning)
        with pytest.raises(CoverageWarning):
            unifil.holder_on(FC, "1990")


def test_contributions_and_mandates_warn_too() -> None:
    claims = [mm.Contribution(contributor="IDN", kind=mm.ContributionKind.TROOPS, status=mm.ContributionStatus.DEPLOYED,
                              strength=1000, as_of="2006-10")]  # fmt: skip
    mandates = [mm.Mandate(authority=mm.Authority(kind=mm.AuthorityKind.UN_SECURITY_COUNCIL), start="2006-08-11")]
    force = mission(established="1978-03-19", contributions=claims, mandates=mandates)
    assert len(warned(lambda: force.total_strength(on="1990"))) == 1
    assert len(warned(lambda: force.standings(on="1990"))) == 1
    assert warned(lambda: force.total_strength()) == []
    assert len(warned(lambda: force.mandate_on("1990"))) == 1
    assert len(warned(lambda: force.tasks_on("1990"))) == 1
    assert len(warned(lambda: force.authorized_strength_on("1990"))) == 1
    assert warned(lambda: force.mandate_on("2007")) == []


@st.composite
def missions_and_days(draw):  # type: ignore[no-untyped-def]
    """A mission, and a day: any, or next to the start of the mission's data on appointments or one of its notes."""
    generated = draw(testing.missions(max_records=3))
    near = [data_begin(generated, Topic.APPOINTMENTS), mission_start(generated)]
    near += [date for note in generated.coverage for date in (note.start, note.end)]
    near = [date for date in near if date is not None]
    if near and draw(st.booleans()):
        date = draw(st.sampled_from(near))
        return generated, PartialDate.from_date(date.earliest() if draw(st.booleans()) else date.latest())
    return generated, draw(testing.partial_dates(1940, 2040))


@settings(max_examples=60)
@given(missions_and_days())
def test_the_coverage_law(mission_and_day) -> None:  # type: ignore[no-untyped-def]
    """A query before the data begin (after the mission began) warns; on or after, it does not, unless in a gap."""
    generated, day = mission_and_day
    for post in Post:
        found = warned(lambda: generated.holders_on(post, day))  # noqa: B023
        begin, start = data_begin(generated, Topic.APPOINTMENTS), mission_start(generated)
        in_gap = bool(gaps_on(generated, Topic.APPOINTMENTS, day))
        expected = uncovered(generated, Topic.APPOINTMENTS, day, f"holders_on({post.value!r})")
        assert found == ([] if expected is None else [expected])
        if in_gap:
            assert found
        elif begin is None or not certainly_before(day, begin):
            assert found == []
        elif start is not None and certainly_before(start, begin) and not certainly_before(day, start):
            assert found
