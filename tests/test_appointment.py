"""Appointments: units, acting holders, and alternative accounts that dispute another."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import missionmodel as mm
from missionmodel import Appointment, Mission, MissionKind, MissionStatus, Post, testing

FC = Post.FORCE_COMMANDER


def problems(make) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with pytest.raises(mm.ValidationError) as caught:
        make()
    return [(error.path, error.message) for error in caught.value.errors]


def mission(*appointments: Appointment) -> Mission:
    return Mission(id="m", name="M", kind=MissionKind.PEACEKEEPING, status=MissionStatus.ACTIVE, appointments=appointments)


def test_an_appointment_with_its_unit_and_an_acting_holder() -> None:
    sector = Appointment(id="west-1", post=Post.SECTOR_COMMANDER, holder="ITA", unit="Sector West", acting=True,
                         start="2024-05", unconfirmed=True, note="The start read from 'last month'.")  # fmt: skip
    # The required keys first, then the others in field order (as for every record).
    assert list(mm.to_dict(sector)) == ["post", "holder", "id", "unit", "acting", "start", "unconfirmed", "note"]
    assert mm.from_dict(mm.to_dict(sector), Appointment) == sector
    assert not sector.is_alternative
    assert list(mm.to_dict(Appointment(post=FC, holder="ESP"))) == ["post", "holder"]


def test_the_rules_of_an_appointment() -> None:
    assert problems(lambda: Appointment(id="A 1", post=FC, holder="ITA", unit=" ", disputes="a-1")) == [
        ("id", "'id' must be a lower-case slug of letters, digits and hyphens, such as 'unifil' (got 'A 1')"),
        ("unit", "'unit' must not be empty"),
    ]
    assert problems(lambda: Appointment(id="a", post=FC, holder="ITA", disputes="a")) == [
        ("disputes", "'disputes' names the record's own id ('a')")
    ]


def test_an_alternative_account_is_kept_but_not_followed() -> None:
    # Sources disagree on the handover day: 28 January 2010, or a month later.
    first = Appointment(post=FC, holder="ESP", start="2006-08-11", end="2010-01-28")
    second = Appointment(id="asarta", post=FC, holder="ITA", start="2010-01-28")
    other = Appointment(post=FC, holder="ITA", start="2010-02-28", disputes="asarta", unconfirmed=True)
    unifil = mission(first, second, other)  # the alternative overlaps the first term: no conflict reported
    assert other.is_alternative and unifil.appointments[2] is other
    assert unifil.holder_on(FC, "2010-02") == second
    assert unifil.holders_on(FC, "2010-03") == (second,)
    with pytest.raises(mm.ValidationError) as raised:
        mission(first, second, Appointment(post=FC, holder="FRA", start="2009"))  # not an alternative: a conflict
    assert [e.path for e in raised.value.errors] == ["appointments[2]"]


@given(testing.slugs().flatmap(lambda slug: testing.appointments(appointment_id=slug)))
def test_generated_appointments_round_trip(appointment: Appointment) -> None:
    assert mm.from_dict(mm.to_dict(appointment), Appointment) == appointment
    text = mm.dumps(appointment, format="yaml")
    assert mm.loads(text, Appointment, format="yaml") == appointment
    assert mm.dumps(mm.loads(text, Appointment, format="yaml"), format="yaml") == text


@settings(max_examples=100)
@given(st.lists(st.sampled_from(list(Post)), min_size=1, max_size=3, unique=True), st.data())
def test_alternative_accounts_never_conflict_and_never_change_who_held_a_post(posts: list[Post], data: st.DataObject) -> None:
    terms = [term for post in posts for term in data.draw(testing.successions(post))]
    with_alternatives = data.draw(testing.alternative_accounts(terms))
    plain, disputed = mission(*terms), mission(*with_alternatives)  # both valid
    ids = [a.id for a in with_alternatives if a.id is not None]
    assert len(ids) == len(set(ids))
    assert all(a.disputes in ids for a in with_alternatives if a.disputes is not None)
    day = data.draw(testing.partial_dates(1950, 2031))

    def terms_held(held: tuple[Appointment, ...]) -> list[tuple[object, ...]]:
        return [(a.post, a.holder, a.start, a.end) for a in held]  # the disputed terms may have been given an id

    for post in posts:
        assert terms_held(disputed.holders_on(post, day)) == terms_held(plain.holders_on(post, day))
        assert all(not a.is_alternative for a in disputed.holders_on(post, day))


def test_one_unit_has_one_holder_at_a_time() -> None:
    west = Appointment(post=Post.SECTOR_COMMANDER, holder="ITA", unit="Sector West", start="2020")
    east = Appointment(post=Post.SECTOR_COMMANDER, holder="ESP", unit="Sector East", start="2020")
    next_west = Appointment(post=Post.SECTOR_COMMANDER, holder="IRL", unit="Sector West", start="2022-05")
    force = mission(west, east, next_west)
    assert set(force.holders_on(Post.SECTOR_COMMANDER, "2021")) == {west, east}
    assert set(force.holders_on(Post.SECTOR_COMMANDER, "2023")) == {east, next_west}  # the later term ends the earlier


@settings(max_examples=50)
@given(st.sampled_from([post for post in Post if not post.single_holder]), st.data())
def test_generated_terms_of_a_post_with_several_holders_name_each_unit_once(post: Post, data: st.DataObject) -> None:
    units = [term.unit for term in data.draw(testing.successions(post, max_terms=5)) if term.unit is not None]
    assert len(units) == len(set(units))
