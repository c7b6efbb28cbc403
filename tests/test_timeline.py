"""The rules of `missionmodel.timeline`: what dates mean, when records are known, in force or held."""

import datetime
import itertools
import warnings

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import missionmodel as mm
from missionmodel import (
    Appointment,
    Authority,
    AuthorityKind,
    Mandate,
    Mission,
    MissionKind,
    MissionStatus,
    PartialDate,
    Post,
    Strength,
    Task,
    testing,
)
from missionmodel.timeline import (
    carried_over,
    certainly_before,
    conflicting_terms,
    effective_date,
    holders_on,
    in_force,
    known_by,
    latest_first,
    mandate_chain,
    mandate_in_force,
    mandate_on,
    newest,
    terms_overlap,
)

FC = Post.FORCE_COMMANDER
DHOM = Post.DEPUTY_HEAD_OF_MISSION
UN = Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL)
SINGLE = [post for post in Post if post.single_holder]
SEVERAL = [post for post in Post if not post.single_holder]

dates = testing.partial_dates(2019, 2022)
maybe_dates = st.none() | dates


def day(text):
    return PartialDate.parse(text)


def mission_with(appointments=(), mandates=()):
    people = dict.fromkeys(a.holder for a in appointments if a.holder.islower())
    return Mission(
        id="m",
        name="M",
        kind=MissionKind.PEACEKEEPING,
        status=MissionStatus.ACTIVE,
        appointments=appointments,
        mandates=mandates,
        actors=[mm.Actor(id=person, name=person, kind=mm.ActorKind.PERSON) for person in people],
    )


def share_a_day(first, second):
    return first.earliest() <= second.latest() and second.earliest() <= first.latest()


# --- later, known by, newest ---------------------------------------------------------------------


@given(maybe_dates)
def test_certainly_before_is_irreflexive(a):
    assert not certainly_before(a, a)


@given(maybe_dates, maybe_dates)
def test_certainly_before_is_asymmetric_and_means_no_day_in_common(a, b):
    assert not (certainly_before(a, b) and certainly_before(b, a))
    if a is not None and b is not None:
        assert certainly_before(a, b) or certainly_before(b, a) or share_a_day(a, b)
        assert not (share_a_day(a, b) and certainly_before(a, b))
    else:
        assert certainly_before(a, b) is (a is None and b is not None)  # undated: before every dated record


@given(maybe_dates, maybe_dates, maybe_dates)
def test_certainly_before_is_transitive(a, b, c):
    if certainly_before(a, b) and certainly_before(b, c):
        assert certainly_before(a, c)


@given(st.lists(maybe_dates, max_size=8))
def test_latest_first_never_puts_a_record_before_one_that_is_certainly_later(records):
    ordered = latest_first(records, lambda d: d)
    assert sorted(map(str, ordered)) == sorted(map(str, records))
    for index, newer in enumerate(ordered):
        assert not any(certainly_before(newer, older) for older in ordered[index + 1 :])


@given(maybe_dates, maybe_dates)
def test_known_by_means_not_certainly_after_the_date_asked_about(record, on):
    assert known_by(record, on) is (on is None or not certainly_before(on, record))
    assert known_by(record, None)
    if record is not None:
        assert known_by(record, record)


@given(maybe_dates, dates, dates)
def test_what_is_known_stays_known(record, on, later):
    if known_by(record, on) and certainly_before(on, later):
        assert known_by(record, later)


def test_known_by_examples():
    assert known_by(day("2026-02"), "2026-02-10")  # may fall on or before the 10th
    assert known_by(day("2026-02-19"), "2026-02")  # asking about February: all of February is known
    assert not known_by(day("2026-03-04"), "2026-02-19")
    assert known_by(None, "1900")
    assert known_by(day("2026-02-19"), "2026-02-19")
    assert not known_by(day("2026-02-20"), "2026-02-19")


@given(st.lists(maybe_dates, max_size=8))
def test_newest_returns_the_records_that_nothing_is_certainly_later_than_all_of_one_time(records):
    found = newest(records, lambda d: d)
    kept = [i for i, r in enumerate(records) if any(f is r for f in found)]
    assert [records[i] for i in kept] == found  # recorded order
    for first in found:
        for second in found:
            if first is not None and second is not None:
                assert share_a_day(first, second)
        assert not any(certainly_before(first, other) for other in records)
    for index, record in enumerate(records):
        if index not in kept:
            assert any(certainly_before(record, other) for other in found)
    if any(r is not None for r in records):
        assert None not in found
    else:
        assert found == records


def test_newest_examples():
    found = newest([day("2026-02-15"), day("2026-02"), day("2026-02-19"), None], lambda d: d)
    assert found == [day("2026-02"), day("2026-02-19")]
    assert newest([None, None], lambda d: d) == [None, None]
    assert newest([], lambda d: d) == []


# --- inclusive ends ------------------------------------------------------------------------------


def test_ends_are_inclusive():
    mandate = Mandate(authority=UN, start="2025-08-28", end="2026-12-31")
    assert mandate.in_force_on("2026-12-31")
    assert not mandate.in_force_on("2027-01-01")
    assert mandate.in_force_on("2025-08-28")
    assert not mandate.in_force_on("2025-08-27")
    term = Appointment(post=FC, holder="ITA", start="2022-02-28", end="2025-06-01")
    assert term.held_on("2025-06-01")
    assert not term.held_on("2025-06-02")
    assert mission_with([term]).holder_on(FC, "2025-06-01") == term
    assert mission_with([term]).holder_on(FC, "2025-06-02") is None
    assert in_force(day("2007"), day("2012"), "2012-12-31")  # a partial end counts generously
    assert in_force(None, None, "1066")


@given(maybe_dates, maybe_dates, dates)
def test_in_force_is_from_start_to_end_both_included(start, end, on):
    assume(start is None or end is None or not certainly_before(end, start))
    inside = (start is None or not certainly_before(on, start)) and (end is None or not certainly_before(end, on))
    assert in_force(start, end, on) is inside
    assert Appointment(post=FC, holder="ITA", start=start, end=end).held_on(on) is inside


# --- appointments -------------------------------------------------------------------------------


def test_on_a_handover_day_the_successor_holds_the_post():
    first = Appointment(post=FC, holder="ITA", start="2022-02-28", end="2025-06-01")
    second = Appointment(post=FC, holder="ESP", start="2025-06-01")
    mission = mission_with([first, second])
    assert mission.holder_on(FC, "2025-05-31") == first
    assert mission.holder_on(FC, "2025-06-01") == second
    assert mission.holders_on(FC, "2025-06-01") == (second,)
    assert not first.overlaps(second)


def test_a_predecessor_with_no_reported_end_does_not_block_its_successor():
    first = Appointment(post=FC, holder="jeffers", start="2026-01-16")
    second = Appointment(post=FC, holder="ITA", start="2026-06-01", end="2027-06-01")
    mission = mission_with([first, second])  # accepted: the successor ends the first term
    assert mission.holder_on(FC, "2026-03-01") == first
    assert mission.holder_on(FC, "2026-06-01") == second
    assert mission.holder_on(FC, "2026-12-01") == second
    assert mission.holder_on(FC, "2027-06-02") is None  # the first term does not come back
    assert mission.holder_on(FC, "2026-01-15") is None


def test_several_deputy_heads_of_mission_at_once_are_accepted():
    first = Appointment(post=DHOM, holder="ITA", start="2025-01-01", end="2026-12-31")
    second = Appointment(post=DHOM, holder="FRA", start="2025-06-01")
    mission = mission_with([first, second])
    assert mission.holders_on(DHOM, "2026-01-01") == (second, first)  # the latest begun first
    assert mission.holder_on(DHOM, "2026-01-01") == second
    assert mission.holders_on(DHOM, "2027-01-01") == (second,)
    assert conflicting_terms([first, second]) == ([], 0)


def test_two_force_commanders_at_once_are_refused_naming_both():
    first = Appointment(post=FC, holder="IDN", start="2020", end="2023")
    second = Appointment(post=FC, holder="ITA", start="2021", end="2022")
    with pytest.raises(mm.ValidationError) as info:
        mission_with([first, second])
    [problem] = info.value.errors
    assert problem.path == "appointments[1]"
    assert "'ITA'" in problem.message and "'IDN'" in problem.message and "force_commander" in problem.message
    assert "appointments[0]" in problem.message


def test_terms_of_one_holder_and_undated_terms_never_conflict():
    terms = [
        Appointment(post=FC, holder="ITA", start="2020", end="2023"),
        Appointment(post=FC, holder="ITA", start="2021-03", end="2024"),  # sources disagreeing on dates
        Appointment(post=FC, holder="IDN"),
        Appointment(post=FC, holder="FRA", end="2022"),
    ]
    assert conflicting_terms(terms) == ([], 0)
    mission_with(terms)


def test_conflicting_terms_lists_up_to_a_limit_and_counts_them_all():
    terms = [Appointment(post=FC, holder=f"holder-{i}", start="2020-01-01", end="2020-12-31") for i in range(30)]
    pairs, total = conflicting_terms([*terms, None], limit=20)
    assert total == 30 * 29 // 2
    assert len(pairs) == 20
    assert len(set(pairs)) == 20
    assert all(i < j < 30 for i, j in pairs)
    with pytest.raises(mm.ValidationError) as info:
        mission_with(terms)
    messages = [e.message for e in info.value.errors]
    assert len(messages) == 21  # 20 pairs, and how many more
    assert "415 more pairs of appointments hold one post at the same time" in messages


@st.composite
def terms(draw):
    start = draw(maybe_dates)
    end = draw(maybe_dates)
    if start is not None and end is not None and certainly_before(end, start):
        start, end = end, start
    return Appointment(
        post=draw(st.sampled_from([FC, Post.HEAD_OF_MISSION, DHOM])),
        holder=draw(st.sampled_from(["IDN", "ITA", "FRA", "jeffers"])),
        start=start,
        end=end,
    )


def brute_force_conflicts(appointments):
    return {
        (i, j)
        for i, first in enumerate(appointments)
        for j, second in enumerate(appointments)
        if i < j
        and first is not None
        and second is not None
        and first.post is second.post
        and first.post.single_holder
        and first.holder != second.holder
        and terms_overlap(first, second)
    }


@given(st.lists(st.none() | terms(), max_size=40), st.integers(0, 30))
def test_conflicting_terms_agrees_with_a_brute_force_count(appointments, limit):
    pairs, total = conflicting_terms(appointments, limit=limit)
    expected = brute_force_conflicts(appointments)
    assert total == len(expected)
    assert set(pairs) <= expected
    assert len(pairs) == len(set(pairs)) == min(limit, total)
    assert pairs == sorted(pairs, key=lambda pair: (pair[1], pair[0]))


@given(terms(), terms())
def test_overlap_is_symmetric(first, second):
    assert terms_overlap(first, second) is terms_overlap(second, first) is first.overlaps(second)


@given(
    st.sampled_from(SINGLE),
    st.dates(datetime.date(2000, 1, 1), datetime.date(2030, 12, 31)),
    st.integers(0, 2000),
    st.none() | st.integers(0, 2000),
    st.sampled_from(["day", "month", "year"]),
)
def test_a_handover_day_is_no_overlap_and_the_successor_holds_the_post_on_it(post, handover, before, after, precision):
    one_day = datetime.timedelta(days=1)
    began = handover - before * one_day
    start = {"day": str(began), "month": str(began)[:7], "year": str(began)[:4]}[precision]
    assume(day(start).latest() <= handover)
    first = Appointment(post=post, holder="ITA", start=start, end=handover)
    second = Appointment(post=post, holder="ESP", start=handover, end=None if after is None else handover + after * one_day)
    assert not first.overlaps(second)
    mission = mission_with([first, second])
    assert mission.holder_on(post, handover) == second
    if day(start).earliest() < handover:
        assert mission.holder_on(post, handover - one_day) == first
    assert mission.holders_on(post, handover) == (second,)


@given(st.sampled_from(list(Post)), st.data())
def test_generated_successions_are_valid_missions(post, data):
    succession = data.draw(testing.successions(post, max_terms=5))
    mission = mission_with(succession)
    assert conflicting_terms(succession) == ([], 0)
    assert mission.as_of("9999") == mission


def expected_holder(succession, on):
    """Who holds a single-holder post on ``on`` (all dates to the day): whoever began last, unless that term had ended."""
    begun = [(a.start.earliest(), index) for index, a in enumerate(succession) if a.start.earliest() <= on]
    if not begun:
        return None
    _, index = max(begun)
    term = succession[index]
    return term if term.end is None or on <= term.end.earliest() else None


@given(st.sampled_from(SINGLE), st.data())
def test_the_holder_of_a_single_holder_post_follows_the_succession(post, data):
    succession = data.draw(testing.successions(post, max_terms=4, partial=False))
    mission = mission_with(succession)
    one_day = datetime.timedelta(days=1)
    for index, term in enumerate(succession):
        following = succession[index + 1] if index + 1 < len(succession) else None
        boundaries = [term.start.earliest(), *([term.end.earliest()] if term.end is not None else [])]
        for moment in boundaries:
            for on in (moment - one_day, moment, moment + one_day):
                assert mission.holder_on(post, on) == expected_holder(succession, on)
        if term.end is not None and following is not None and term.end == following.start:
            assert mission.holder_on(post, term.end).start == following.start  # a handover day: the successor
        if term.end is not None and (following is None or following.start.earliest() > term.end.earliest()):
            assert mission.holder_on(post, term.end) == term  # the end is inclusive
            if following is None or following.start.earliest() > term.end.earliest() + one_day:
                assert mission.holder_on(post, term.end.earliest() + one_day) is None
        if term.end is None and following is not None and following.start.earliest() > term.start.earliest():
            assert mission.holder_on(post, following.start.earliest() - one_day) == term  # a missing end holds on
        assert len(mission.holders_on(post, term.start)) <= 1


@given(st.sampled_from(SEVERAL), st.data())
def test_posts_with_several_holders_keep_each_term_until_its_end(post, data):
    succession = data.draw(testing.successions(post, max_terms=5))
    mission = mission_with(succession)
    candidates = [a.start for a in succession if a.start is not None] + [a.end for a in succession if a.end is not None]
    on = data.draw(st.sampled_from(candidates) if candidates else dates)
    held = mission.holders_on(post, on)
    assert sorted(map(id, held)) == sorted(id(a) for a in succession if a.held_on(on))
    assert held == holders_on(succession, post, on)
    starts = [a.start for a in held]
    assert all(not certainly_before(newer, older) for newer, older in itertools.pairwise(starts))


def test_a_term_known_to_begin_some_day_in_a_year_does_not_certainly_overlap_a_successor_that_began_that_year():
    # IDN's term began some day of 2020 and its end was not reported; ITA held the post from 1 June 2020.
    # IDN may well have begun in January and been succeeded by ITA on 1 June: the terms do not
    # certainly overlap, and holder_on treats ITA as the successor.
    first = Appointment(post=FC, holder="IDN", start="2020")
    second = Appointment(post=FC, holder="ITA", start="2020-06-01", end="2021-03-01")
    assert not first.overlaps(second)
    mission = mission_with([first, second])
    assert mission.holder_on(FC, "2020-12-31") == second


# --- mandates -----------------------------------------------------------------------------------


@settings(max_examples=50)
@given(testing.mandates())
def test_a_mandate_takes_effect_at_its_start_else_at_its_adoption(mandate):
    assert effective_date(mandate) == mandate.effective
    assert mandate.effective == (mandate.start if mandate.start is not None else mandate.authority.adopted)


def test_effective_date_examples():
    adopted = Authority(kind=AuthorityKind.UN_SECURITY_COUNCIL, adopted="2025-11-17")
    assert Mandate(authority=adopted).effective == day("2025-11-17")
    assert Mandate(authority=adopted, start="2026-01-01").effective == day("2026-01-01")
    assert Mandate(authority=UN).effective is None
    mandate = Mandate(authority=adopted, end="2027-12-31")
    assert not mandate.in_force_on("2025-11-16")
    assert mandate.in_force_on("2025-11-17")
    assert mandate_on([mandate], "2025-11-16") is None
    assert mandate_on([mandate], "2027-12-31") is mandate


def test_a_later_mandate_supersedes_an_earlier_open_ended_one():
    first = Mandate(authority=UN, start="1978-03-19")
    second = Mandate(authority=UN, start="2006-08-11")
    third = Mandate(authority=UN, start="2025-08-28", end="2026-12-31")
    mission = mission_with(mandates=[first, second, third])
    assert mission.mandate_on("1990") is first
    assert mission.mandate_on("2006-08-10") is first
    assert mission.mandate_on("2006-08-11") is second
    assert mission.mandate_on("2026-12-31") is third
    assert mission.mandate_on("2027-01-01") is None  # the last one expired: the earlier ones do not come back
    assert mission.mandate_on("1978-03-18") is None


@settings(max_examples=50)
@given(st.lists(testing.mandates(), max_size=5), testing.partial_dates(1940, 2040))
def test_the_mandate_on_a_date_is_in_force_and_none_known_took_effect_certainly_later(mandates, on):
    found = mandate_on(mandates, on)
    assert mission_with(mandates=mandates).mandate_on(on) == found
    begun = [m for m in mandates if known_by(m.effective, on)]
    if found is None:
        # Nothing had taken effect, or the one that took effect last had expired.
        assert not begun or not latest_first(begun, effective_date)[0].in_force_on(on)
        return
    assert any(found is m for m in begun)
    assert found.in_force_on(on)
    assert not any(certainly_before(found.effective, m.effective) for m in begun)


@given(
    st.lists(st.tuples(st.integers(1, 900), st.booleans()), min_size=1, max_size=5),
    st.data(),
)
def test_consecutive_mandates_are_each_in_force_over_their_own_term(terms, data):
    one_day = datetime.timedelta(days=1)
    starts = []
    current = datetime.date(2000, 1, 1)
    for gap, _ in terms:
        current += gap * one_day
        starts.append(current)
    ends = [following - one_day for following in starts[1:]] + [starts[-1] + 365 * one_day]
    mandates = [
        Mandate(authority=UN, start=PartialDate.from_date(start), end=None if open_ended else PartialDate.from_date(end))
        for start, end, (_, open_ended) in zip(starts, ends, terms, strict=True)
    ]
    index = data.draw(st.integers(0, len(mandates) - 1))
    on = data.draw(st.dates(starts[index], ends[index]))
    mission = mission_with(mandates=data.draw(st.permutations(mandates)))
    assert mission.mandate_on(on) is mandates[index]
    assert mission.mandate_on(starts[0] - one_day) is None
    after = ends[-1] + one_day
    assert mission.mandate_on(after) is (mandates[-1] if mandates[-1].end is None else None)


def test_a_term_with_no_end_that_began_inside_another_holder_s_term_conflicts():
    # x began some day of 2020, while Del Col certainly held the post (7 Aug 2018 to Feb 2022).
    del_col = Appointment(post=FC, holder="stefano-del-col", start="2018-08-07", end="2022-02")
    inside = Appointment(post=FC, holder="x", start="2020")
    assert inside.overlaps(del_col) and del_col.overlaps(inside)
    assert conflicting_terms([del_col, inside]) == ([(0, 1)], 1)
    # A start that may fall on Del Col's last possible day is not certainly inside his term.
    edge = Appointment(post=FC, holder="x", start="2022-02")
    assert not edge.overlaps(del_col)


# --- chains of mandates -------------------------------------------------------------------------

quiet = pytest.mark.filterwarnings("ignore::missionmodel.CoverageWarning")


def expected_in_force(chain, task):
    """The law: a task is in force when a link of the chain gives it and no later link drops it."""
    gives = [index for index, link in enumerate(chain) if task in link.tasks]
    drops = [index for index, link in enumerate(chain) if task in link.drops]
    return bool(gives) and (not drops or max(gives) >= max(drops))


def expected_ceiling(chain):
    """The law: the ceiling set last along the chain, with its own approximate flag."""
    setting = [link for link in chain if link.authorized_strength is not None]
    return None if not setting else (setting[-1].authorized_strength, setting[-1].approximate, setting[-1])


@st.composite
def chains_and_days(draw):
    """A chain of mandates, and a day: any, or next to a date of one of its mandates (where the answers change)."""
    chain = draw(testing.mandate_chains())
    gaps = [  # between the end of a mandate and the start of the next, which follows it: renewals not recorded
        (previous.end.latest() + datetime.timedelta(days=1), effective_date(following).earliest() - datetime.timedelta(days=1))
        for previous, following in itertools.pairwise(chain)  # in the order they take effect
        if following.follows is not None
        and following.follows == previous.id
        and previous.end is not None
        and certainly_before(previous.end, effective_date(following))
    ]
    gaps = [(first, last) for first, last in gaps if first <= last]
    if gaps and draw(st.booleans()):
        first, last = draw(st.sampled_from(gaps))
        return chain, PartialDate.from_date(draw(st.dates(first, last)))
    dates = [date for m in chain for date in (effective_date(m), m.end) if date is not None]
    if dates and draw(st.sampled_from((True, True, False))):
        date = draw(st.sampled_from(dates))
        shift = datetime.timedelta(days=draw(st.sampled_from((-1, 0, 1, 30))))
        return chain, PartialDate.from_date((date.earliest() if draw(st.booleans()) else date.latest()) + shift)
    return chain, draw(testing.partial_dates(1940, 2040))


@given(testing.mandate_chains())
def test_generated_chains_are_valid_and_each_chain_starts_with_a_mandate_that_follows_none(chain):
    mission = mission_with(mandates=chain)
    by_id = {m.id: m for m in chain if m.id is not None}
    for mandate in chain:
        links = mandate_chain(chain, mandate)
        assert links[-1] is mandate and links[0].follows is None
        assert mission.mandate_chain(mandate) == links
        for earlier, later in itertools.pairwise(links):
            assert later.follows == earlier.id and by_id[later.follows] is earlier
            assert not certainly_before(effective_date(later), effective_date(earlier))


@quiet
@settings(max_examples=150)
@given(chains_and_days())
def test_tasks_on_are_the_union_along_the_chain_minus_what_it_drops(chain_and_day):
    chain, on = chain_and_day
    mission = mission_with(mandates=chain)
    found = mission.mandate_on(on)
    tasks = mission.tasks_on(on)
    assert len(tasks) == len(set(tasks))
    if found is None:
        assert tasks == ()
        return
    links = mandate_chain(chain, found)
    assert {task for task in Task if expected_in_force(links, task)} == set(tasks)
    assert carried_over(links)[0] == tasks


@quiet
@settings(max_examples=150)
@given(chains_and_days())
def test_the_ceiling_on_a_date_is_the_one_set_last_along_the_chain(chain_and_day):
    chain, on = chain_and_day
    mission = mission_with(mandates=chain)
    found = mission.mandate_on(on)
    ceiling = mission.authorized_strength_on(on)
    expected = None if found is None else expected_ceiling(mandate_chain(chain, found))
    if expected is None:
        assert ceiling is None
    else:
        assert (ceiling.strength, ceiling.approximate, ceiling.set_by) == expected
        assert ceiling.set_by.authorized_strength is not None


@given(testing.mandate_chains())
def test_a_renewal_that_sets_no_ceiling_keeps_the_one_before(chain):
    for mandate in chain:
        links = mandate_chain(chain, mandate)
        if mandate.authorized_strength is None and len(links) > 1:
            assert carried_over(links)[1] == carried_over(links[:-1])[1]
        if not mandate.tasks and not mandate.drops and len(links) > 1:
            assert carried_over(links)[0] == carried_over(links[:-1])[0]


@quiet
@settings(max_examples=150)
@given(chains_and_days())
def test_mandate_on_never_returns_a_mandate_that_took_effect_after_the_day(chain_and_day):
    chain, on = chain_and_day
    mission = mission_with(mandates=chain)
    found, continued_by = mandate_in_force(chain, on)
    assert mission.mandate_on(on) is found
    assert mandate_on(chain, on) is found
    if found is None:
        assert continued_by is None
        return
    assert known_by(effective_date(found), on)
    assert not any(certainly_before(effective_date(found), effective_date(m)) for m in chain if known_by(effective_date(m), on))
    if continued_by is None:
        assert found.in_force_on(on)
    else:  # ended, but a mandate recorded later continues its chain: the renewals between are not recorded
        assert not found.in_force_on(on)
        assert not known_by(effective_date(continued_by), on)
        assert any(link is found for link in mandate_chain(chain, continued_by))


@settings(max_examples=100)
@given(chains_and_days())
def test_a_mandate_found_across_unrecorded_renewals_comes_with_a_coverage_warning(chain_and_day):
    chain, on = chain_and_day
    mission = mission_with(mandates=chain)
    _, continued_by = mandate_in_force(chain, on)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        mission.mandate_on(on)
    renewals = [w for w in caught if issubclass(w.category, mm.CoverageWarning) and "renewals between" in str(w.message)]
    assert len(renewals) == (continued_by is not None)


def test_a_chain_across_unrecorded_renewals():
    first = Mandate(id="res-425", authority=UN, tasks=[Task.CEASEFIRE_MONITORING], start="1978-03-19", end="1978-09-18",
                    authorized_strength=4000)  # fmt: skip
    second = Mandate(id="res-501", authority=UN, follows="res-425", start="1982-02-25", end="1982-08-19",
                     authorized_strength=7000, approximate=True)  # fmt: skip
    third = Mandate(id="res-1701", authority=UN, follows="res-501", tasks=[Task.SUPPORT_TO_HOST_ARMED_FORCES],
                    drops=[Task.CEASEFIRE_MONITORING], start="2006-08-11", authorized_strength=15000)  # fmt: skip
    renewal = Mandate(id="res-2790", authority=UN, follows="res-1701", start="2025-08-28", end="2026-12-31")
    mission = mission_with(mandates=[first, second, third, renewal])
    assert mission.mandate_chain("res-2790") == (first, second, third, renewal)
    assert mission.mandate_chain(first) == (first,)
    with pytest.raises(KeyError):
        mission.mandate_chain("res-9999")
    assert mission.mandate_on("1978-06") is first
    with pytest.warns(mm.CoverageWarning, match="the renewals between are not recorded"):
        assert mission.mandate_on("1980") is first
    with pytest.warns(mm.CoverageWarning):
        assert str(mission.authorized_strength_on("1990")) == "about 7,000"
    assert mission.tasks_on("2006-08-11") == (Task.SUPPORT_TO_HOST_ARMED_FORCES,)
    assert mission.tasks_on("2026-01") == (Task.SUPPORT_TO_HOST_ARMED_FORCES,)
    ceiling = mission.authorized_strength_on("2026-01")
    assert ceiling.set_by is third and ceiling.strength == Strength.exact(15000) and not ceiling.approximate
    assert mission.mandate_on("2027-01-01") is None  # the last one ended and nothing recorded follows it
    assert mission.tasks_on("2027-01-01") == () and mission.authorized_strength_on("2027-01-01") is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # before the mission began: nothing is missing, nothing to warn of
        assert mission.mandate_on("1977") is None


def test_a_mandate_without_an_id_is_never_found_across_a_gap():
    ended = Mandate(authority=UN, start="2000", end="2001")
    later = Mandate(authority=UN, start="2005")
    assert mandate_in_force([ended, later], "2003") == (None, None)
