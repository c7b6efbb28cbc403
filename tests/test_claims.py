"""The rules of `missionmodel.claims`: which contribution claim is current on a date, and what it adds up to.

Property tests of the laws through the public API (`Mission` queries and the `claims` functions),
then the rules one by one on the ISF's own cases.
"""

import datetime
from collections import Counter

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import missionmodel as mm
from missionmodel import (
    Contribution,
    ContributionKind,
    ContributionStatus,
    FigureKind,
    Mission,
    MissionKind,
    MissionStatus,
    PartialDate,
    Post,
    Strength,
    claims,
    testing,
)
from missionmodel.timeline import certainly_before, known_by

TROOPS = ContributionKind.TROOPS
POLICE = ContributionKind.POLICE
FPU = ContributionKind.FORMED_POLICE_UNITS
IPO = ContributionKind.INDIVIDUAL_POLICE
OFFERED = ContributionStatus.OFFERED
PLEDGED = ContributionStatus.PLEDGED
DEPLOYED = ContributionStatus.DEPLOYED
DECLINED = ContributionStatus.DECLINED
WITHDRAWN = ContributionStatus.WITHDRAWN
SUSPENDED = ContributionStatus.SUSPENDED

STATUSES = [None, *ContributionStatus]
PERSONNEL = [kind for kind in ContributionKind if kind.is_personnel]
NOT_PERSONNEL = [kind for kind in ContributionKind if not kind.is_personnel]
ZERO = Strength.exact(0)

histories = testing.claim_histories()
police_histories = testing.claim_histories(kinds=[POLICE, FPU, IPO, TROOPS], max_claims=10)
query_dates = st.none() | testing.partial_dates(2023, 2027)


def claim(contributor, status, strength="unknown", as_of=None, kind=TROOPS, **fields):
    return Contribution(contributor=contributor, kind=kind, status=status, strength=strength, as_of=as_of, **fields)


def mission_of(contributions):
    cited = dict.fromkeys(source for c in contributions for source in c.sources)
    return Mission(
        id="m",
        name="M",
        kind=MissionKind.STABILIZATION,
        status=MissionStatus.AUTHORIZED,
        contributions=contributions,
        sources=[mm.Source(id=source, title=source) for source in cited],
    )


def counted(found):
    """What one current claim adds to a total of its own status: all of it, or "up to" it when disputed."""
    return Strength(low=0, high=found.strength.high) if found.disputed else found.strength


def unlinked(record):
    return attrs.evolve(record, supersedes=None)


def view(found):
    """A current claim without the links that `Mission.as_of` drops."""
    return attrs.evolve(
        found,
        contribution=unlinked(found.contribution),
        records=tuple(unlinked(r) for r in found.records),
        disputed_by=tuple(unlinked(r) for r in found.disputed_by),
    )


def loose(found):
    """A current claim as a value that does not depend on the order of the records."""
    return (
        found.contributor,
        found.kind,
        found.status,
        found.strength,
        found.as_of,
        found.disputed,
        frozenset(found.sources),
        frozenset(map(id, found.records)),
        frozenset(map(id, found.disputed_by)),
    )


def answers(contributions):
    """Every latest answer: claims, contributors and totals for each status."""
    return (
        claims.latest_claims(contributions),
        [claims.contributors(contributions, status) for status in STATUSES],
        [claims.total_strength(contributions, status) for status in STATUSES],
    )


# --- the laws -------------------------------------------------------------------------------


@settings(max_examples=50)
@given(histories, st.sampled_from(list(ContributionStatus)), st.sampled_from(PERSONNEL), query_dates)
def test_a_total_of_one_status_and_kind_adds_up_the_current_claims_of_that_status(history, status, kind, on):
    found = claims.latest_claims(history, status=status, kind=kind, on=on)
    assert all(c.status is status and c.kind is kind for c in found)
    assert len({c.contributor for c in found}) == len(found)  # one claim of a status per contingent
    expected = sum((counted(c) for c in found), ZERO)
    assert claims.total_strength(history, status=status, kind=kind, on=on) == expected
    assert mission_of(history).total_strength(status=status, kind=kind.value, on=on) == expected


@settings(max_examples=50)
@given(histories, st.sampled_from(PERSONNEL), query_dates)
def test_a_total_of_active_claims_covers_each_contingent_s_active_claims(history, kind, on):
    expected = ZERO
    for standing in claims.standings(history, on):
        if standing.kind is kind:
            each = [c.strength if c.status.is_active else ZERO for c in standing.claims]
            covering = each[0]
            for value in each[1:]:
                covering = covering.hull(value)
            expected += covering
    assert claims.total_strength(history, kind=kind, on=on) == expected


def police_rule(found):
    """The standings that a total of all kinds counts: personnel, each contributor's police once per stage."""
    kept = []
    for standing in found:
        if not standing.kind.is_personnel:
            continue
        if standing.kind.is_police:
            mine = [s for s in found if s.contributor == standing.contributor and s.kind.is_police]
            [generic] = [s for s in mine if s.kind is POLICE] or [None]
            if generic is not None:
                split = [s for s in mine if s.kind is not POLICE and set(s.statuses) & set(generic.statuses)]
                if split and (standing is generic or standing in split):
                    generic_is_later = all(
                        certainly_before(early.as_of, late.as_of)
                        for s in split
                        for c in s.claims
                        for early in c.records
                        for g in generic.claims
                        for late in g.records
                    )
                    if generic_is_later != (standing is generic):
                        continue
        kept.append(standing)
    return kept


@settings(max_examples=50)
@given(police_histories, st.sampled_from(STATUSES), query_dates)
def test_a_total_of_all_kinds_counts_each_contributor_s_police_once(history, status, on):
    found = claims.standings(history, on)
    kept = police_rule(found)
    assert claims.personnel(found) == kept
    expected = sum((s.counted(status) for s in kept), ZERO)
    assert claims.total_strength(history, status=status, on=on) == expected
    if status is not None:
        by_kind = [claims.latest_claims(history, status=status, kind=kind, on=on) for kind in PERSONNEL]
        split_or_generic = {(s.contributor, s.kind) for s in kept}
        each = [counted(c) for found in by_kind for c in found if (c.contributor, c.kind) in split_or_generic]
        assert expected == sum(each, ZERO)


@settings(max_examples=50)
@given(histories, st.data())
def test_a_claim_certainly_older_than_the_current_ones_changes_no_answer(history, data):
    found = [s for s in claims.standings(history) if s.as_of is not None]
    assume(found)
    standing = data.draw(st.sampled_from(found))
    first_day = min(r.as_of.earliest() for c in standing.claims for r in c.records)
    day = first_day - datetime.timedelta(days=data.draw(st.integers(1, 800)))
    as_of = data.draw(st.sampled_from([None, PartialDate.from_date(day), PartialDate(year=day.year, month=day.month)]))
    assume(all(certainly_before(as_of, r.as_of) for c in standing.claims for r in c.records))
    older = claim(
        standing.contributor,
        data.draw(st.sampled_from(list(ContributionStatus))),
        data.draw(testing.strengths(10_000)),
        as_of,
        kind=standing.kind,
    )
    assert answers([*history, older]) == answers(history)


@settings(max_examples=40)
@given(testing.missions(), st.data())
def test_as_of_then_a_query_is_the_query_on_that_date(mission, data):
    dates = [c.as_of for c in mission.contributions] + [f.as_of for f in mission.personnel]
    dates += [a.start for a in mission.appointments] + [a.end for a in mission.appointments]
    dates += [m.effective for m in mission.mandates]
    dated = [d for d in dates if d is not None]
    day = data.draw(st.sampled_from(dated) | testing.partial_dates(1990, 2030) if dated else testing.partial_dates(1990, 2030))
    past = mission.as_of(day)
    assert [view(c) for c in past.latest_claims()] == [view(c) for c in mission.latest_claims(on=day)]
    assert [view(c) for c in past.latest_claims(kind=TROOPS)] == [view(c) for c in mission.latest_claims(kind=TROOPS, on=day)]
    for status in STATUSES:
        assert past.contributors(status) == mission.contributors(status, on=day)
        assert past.total_strength(status) == mission.total_strength(status, on=day)
    assert past.pledge_gaps() == mission.pledge_gaps(on=day)
    for post in Post:
        assert past.holder_on(post, day) == mission.holder_on(post, day)
        assert past.holders_on(post, day) == mission.holders_on(post, day)
    assert past.mandate_on(day) == mission.mandate_on(day)
    for kind in FigureKind:
        assert past.personnel_figure(kind) == mission.personnel_figure(kind, on=day)


@settings(max_examples=50)
@given(histories, st.data())
def test_a_claim_certainly_later_than_all_others_is_the_only_current_claim_of_its_contingent(history, data):
    contributor = data.draw(st.sampled_from([c.contributor for c in history]) if history else testing.country_codes())
    kind = data.draw(st.sampled_from(ContributionKind))
    status = data.draw(st.sampled_from(list(ContributionStatus)))
    strength = data.draw(testing.strengths(10_000))
    later = claim(contributor, status, strength, data.draw(testing.partial_dates(2028, 2030)), kind=kind)
    before = {(s.contributor, s.kind): s for s in claims.standings(history)}
    after = {(s.contributor, s.kind): s for s in claims.standings([*history, later])}
    assert after.pop((contributor, kind)) == claims.Standing(
        contributor=contributor, kind=kind, claims=(claims.Claim(contribution=later, records=(later,)),)
    )
    before.pop((contributor, kind), None)
    assert after == before
    for other in ContributionStatus:
        listed = contributor in claims.contributors([*history, later], other, kind)
        assert listed is (other is status)  # a decline, a withdrawal or a suspension ends a pledge
    if kind.is_personnel:
        alone = claims.total_strength([later], kind=kind)
        assert alone == (later.strength if status.is_active else ZERO)


@given(
    testing.country_codes(),
    st.sampled_from(PERSONNEL),
    st.lists(st.sampled_from(list(ContributionStatus)), min_size=2, max_size=2, unique=True),
    st.lists(testing.strengths(10_000), min_size=2, max_size=2),
    st.dates(datetime.date(2020, 1, 1), datetime.date(2030, 12, 31)),
    st.sampled_from(["day", "month", "year"]),
)
def test_same_time_claims_of_different_statuses_are_a_dispute(contributor, kind, statuses, strengths, day, precision):
    overlapping = {"day": str(day), "month": str(day)[:7], "year": str(day)[:4]}[precision]
    first = claim(contributor, statuses[0], strengths[0], str(day), kind=kind)
    second = claim(contributor, statuses[1], strengths[1], overlapping, kind=kind)
    [standing] = claims.standings([first, second])
    assert standing.disputed
    assert standing.statuses == tuple(s for s in ContributionStatus if s in statuses)  # lifecycle order
    found = claims.latest_claims([first, second])
    assert {c.status for c in found} == set(statuses)
    assert all(c.disputed for c in found)
    for record, other in ((first, second), (second, first)):
        [mine] = [c for c in found if c.status is record.status]
        assert mine.records == (record,)
        assert mine.disputed_by == (other,)
        assert claims.total_strength([first, second], status=record.status) == Strength(low=0, high=record.strength.high)


@given(
    st.sampled_from(list(ContributionStatus)),
    st.lists(testing.strengths(10_000), min_size=2, max_size=4),
    st.sampled_from(["2026-02", "2026-02-19", None]),
)
def test_same_time_claims_of_one_status_are_one_claim_covering_their_strengths(status, strengths, as_of):
    reports = [claim("JOR", status, s, "2026-02-19" if i == 0 else as_of, sources=[f"s{i}"]) for i, s in enumerate(strengths)]
    if as_of is None:
        reports = [attrs.evolve(r, as_of=None) for r in reports]
    [found] = claims.latest_claims(reports)
    covering = strengths[0]
    for s in strengths[1:]:
        covering = covering.hull(s)
    assert found.strength == covering
    assert found.records == tuple(reports)
    assert found.sources == tuple(f"s{i}" for i in range(len(strengths)))
    assert not found.disputed


def current_records(history, on):
    """The records current on ``on``, by brute force over the rules of the module's docstring."""
    known = [c for c in history if known_by(c.as_of, on)]
    replaced = {c.supersedes for c in known if c.supersedes is not None}
    live = [c for c in known if c.id is None or c.id not in replaced]
    return [
        c
        for c in live
        if not any(o.contributor == c.contributor and o.kind == c.kind and certainly_before(c.as_of, o.as_of) for o in live)
    ]


@given(histories, query_dates)
def test_the_current_claims_are_the_known_unsuperseded_ones_that_nothing_is_certainly_later_than(history, on):
    found = claims.latest_claims(history, on=on)
    assert Counter(id(r) for c in found for r in c.records) == Counter(id(r) for r in current_records(history, on))
    for c in found:
        assert c.as_of == max((r.as_of for r in c.records if r.as_of is not None), default=None)


@settings(max_examples=50)
@given(histories, query_dates)
def test_standings_come_by_contributor_then_kind_in_order_of_first_mention(history, on):
    found = [(s.contributor, s.kind) for s in claims.standings(history, on)]
    known = [c for c in history if known_by(c.as_of, on)]
    order = list(dict.fromkeys(c.contributor for c in known))
    replaced = {c.supersedes for c in known}
    live = [c for c in known if c.id is None or c.id not in replaced]  # a superseded claim does not place its kind
    kinds = {who: list(dict.fromkeys(c.kind for c in live if c.contributor == who)) for who in order}
    assert found == sorted(found, key=lambda pair: (order.index(pair[0]), kinds[pair[0]].index(pair[1])))
    assert len(found) == len(set(found))


@settings(max_examples=50)
@given(histories, query_dates)
def test_an_explicit_link_wins_over_dates(history, on):
    current = {id(r) for c in claims.latest_claims(history, on=on) for r in c.records}
    by_id = {c.id: c for c in history if c.id is not None}
    for record in history:
        if record.supersedes is not None and known_by(record.as_of, on):
            assert id(by_id[record.supersedes]) not in current


@settings(max_examples=50)
@given(histories, st.data())
def test_the_order_of_the_records_does_not_change_the_answers(history, data):
    shuffled = data.draw(st.permutations(history))
    assert set(map(loose, claims.latest_claims(shuffled))) == set(map(loose, claims.latest_claims(history)))
    for status in STATUSES:
        assert claims.total_strength(shuffled, status) == claims.total_strength(history, status)
        assert set(claims.contributors(shuffled, status)) == set(claims.contributors(history, status))


@settings(max_examples=50)
@given(histories, st.data())
def test_answers_do_not_depend_on_unrelated_contributors(history, data):
    mine = {c.contributor for c in history}
    others = data.draw(testing.claim_histories(avoid_ids={c.id for c in history if c.id is not None}))
    others = [c for c in others if c.contributor not in mine]  # links stay within one contributor
    both = [*history, *others]
    mission_of(both)  # still a valid mission
    assert claims.standings(both) == claims.standings(history) + claims.standings(others)
    mixed = data.draw(st.permutations(both))
    for status in STATUSES:
        apart = claims.total_strength(history, status) + claims.total_strength(others, status)
        assert claims.total_strength(mixed, status) == apart
        assert [c for c in claims.contributors(mixed, status) if c in mine] == [
            c for c in claims.contributors([c for c in mixed if c.contributor in mine], status)
        ]


@settings(max_examples=50)
@given(histories, testing.claim_histories(kinds=NOT_PERSONNEL, links=False), st.sampled_from(NOT_PERSONNEL))
def test_funding_and_logistics_never_add_to_a_total(history, money, kind):
    for status in STATUSES:
        assert claims.total_strength([*history, *money], status) == claims.total_strength(history, status)
        assert claims.total_strength(money, status) == ZERO
    with pytest.raises(mm.ValidationError, match="kind of personnel"):
        claims.total_strength(history, kind=kind)
    with pytest.raises(mm.ValidationError, match="kind of personnel"):
        mission_of(history).total_strength(kind=kind.value)


@settings(max_examples=50)
@given(testing.monthly_panels(silent_months=False), st.integers(0, 12))
def test_a_monthly_panel_adds_up_the_contingents_on_the_ground(panel, offset):
    month = PartialDate(year=2024 + offset // 12, month=offset % 12 + 1)  # the panel starts in January 2024
    expected = ZERO
    for contributor in dict.fromkeys(c.contributor for c in panel):
        reports = [c for c in panel if c.contributor == contributor and c.as_of <= month]
        if reports and reports[-1].status is DEPLOYED:
            expected += reports[-1].strength
    assert claims.total_strength(panel, DEPLOYED, on=month) == expected
    assert claims.total_strength(panel, on=month) == expected
    assert expected.is_exact


@settings(max_examples=50)
@given(testing.monthly_panels(), st.integers(0, 12))
def test_a_contingent_silent_in_the_latest_count_counts_from_zero(panel, offset):
    month = PartialDate(year=2024 + offset // 12, month=offset % 12 + 1)
    known = [c for c in panel if c.as_of <= month]
    reporting: dict[PartialDate, set[str]] = {}
    for c in known:
        if c.status is DEPLOYED:
            reporting.setdefault(c.as_of, set()).add(c.contributor)
    counts = [day for day, who in reporting.items() if len(who) > 1]
    latest = max(counts, key=lambda day: day.earliest()) if counts else None
    low, high = ZERO, ZERO
    for contributor in dict.fromkeys(c.contributor for c in known):
        last = [c for c in known if c.contributor == contributor][-1]
        if last.status is not DEPLOYED:
            continue
        high += last.strength
        if latest is None or contributor in reporting[latest] or not certainly_before(last.as_of, latest):
            low += last.strength
    assert claims.total_strength(panel, DEPLOYED, on=month) == Strength.between(low.low or 0, high.high or 0)


@settings(max_examples=50)
@given(histories)
def test_generated_histories_make_valid_missions(history):
    mission = mission_of(history)
    assert mission.as_of("9999") == mission
    ids = [c.id for c in history if c.id is not None]
    assert len(ids) == len(set(ids))
    owner = {c.id: c.contributor for c in history if c.id is not None}
    assert all(owner[c.supersedes] == c.contributor and c.supersedes != c.id for c in history if c.supersedes is not None)


# --- the rules on the ISF's cases ---------------------------------------------------------------


@pytest.fixture
def indonesia():
    return [
        claim("IDN", OFFERED, Strength.between(5000, 8000), "2026-02-15", sources=["jakarta-globe"]),
        claim("IDN", PLEDGED, Strength.at_most(8000), "2026-02-19", sources=["bop-meeting"]),
        claim("IDN", SUSPENDED, as_of="2026-03-17", sources=["jawawa"]),
    ]


def test_indonesia_offered_then_pledged_then_suspended(indonesia):
    mission = mission_of(indonesia)
    assert [(c.status, str(c.strength)) for c in mission.latest_claims(on="2026-02-17")] == [(OFFERED, "5,000 to 8,000")]
    assert [(c.status, str(c.strength)) for c in mission.latest_claims(on="2026-02-28")] == [(PLEDGED, "up to 8,000")]
    assert str(mission.total_strength(on="2026-02-28")) == "up to 8,000"
    assert mission.total_strength(PLEDGED, on="2026-02-28") == Strength(low=0, high=8000)
    assert mission.total_strength(OFFERED, on="2026-02-28") == ZERO
    assert [c.status for c in mission.latest_claims()] == [SUSPENDED]
    assert mission.total_strength() == ZERO
    assert mission.total_strength(PLEDGED) == ZERO
    assert mission.contributors() == ()
    assert mission.contributors(SUSPENDED) == ("IDN",)
    assert mission.contributors(on="2026-02-28") == ("IDN",)
    assert mission.latest_claims(on="2026-02-14") == ()
    assert mission.total_strength(on="2026-02-14") == ZERO
    # Asked about February as a whole, every claim dated in February is known: the pledge is current.
    assert [c.status for c in mission.latest_claims(on="2026-02")] == [PLEDGED]


def test_azerbaijan_declined_is_no_longer_listed_as_offered():
    history = [claim("AZE", OFFERED, as_of="2025-11-07"), claim("AZE", DECLINED, as_of="2026-01-05")]
    mission = mission_of(history)
    assert mission.contributors(OFFERED, on="2025-12") == ("AZE",)
    assert mission.contributors(OFFERED, on="2026-01-10") == ()
    assert mission.contributors(OFFERED) == ()
    assert mission.latest_claims(OFFERED) == ()
    assert [c.status for c in mission.latest_claims()] == [DECLINED]
    assert mission.contributors(DECLINED) == ("AZE",)
    assert mission.contributors() == ()


def test_a_withdrawn_contingent_leaves_the_total_deployed():
    history = [
        claim("PAK", DEPLOYED, 300, "2026-01"),
        claim("ITA", DEPLOYED, 100, "2026-01-20"),
        claim("PAK", WITHDRAWN, as_of="2026-03-02"),
    ]
    mission = mission_of(history)
    assert mission.total_strength(DEPLOYED, on="2026-02") == Strength.exact(400)
    assert mission.total_strength(DEPLOYED) == Strength.exact(100)
    assert mission.total_strength() == Strength.exact(100)
    assert mission.contributors(DEPLOYED) == ("ITA",)
    assert mission.contributors(WITHDRAWN) == ("PAK",)


def test_an_approved_contribution_is_active_and_counts_as_a_pledge():
    history = [claim("XKX", PLEDGED, as_of="2026-02-19"), claim("XKX", ContributionStatus.APPROVED, 60, "2026-04-09")]
    mission = mission_of(history)
    assert mission.contributors() == ("XKX",)
    assert mission.contributors(ContributionStatus.APPROVED) == ("XKX",)
    assert mission.contributors(PLEDGED) == ()
    assert mission.total_strength() == Strength.exact(60)
    [gap] = mission.pledge_gaps()
    assert (gap.pledged, gap.deployed, gap.status) == (Strength.exact(60), ZERO, ContributionStatus.APPROVED)


def test_a_newer_deployed_figure_replaces_the_older_one():
    history = [claim("ITA", DEPLOYED, 100, "2026-01"), claim("ITA", DEPLOYED, 250, "2026-02")]
    assert claims.total_strength(history, DEPLOYED) == Strength.exact(250)
    assert claims.total_strength(history, DEPLOYED, on="2026-01-31") == Strength.exact(100)


def test_a_same_day_pledge_and_decline_are_a_dispute():
    pledge = claim("JOR", PLEDGED, 500, "2026-02-19", sources=["a"])
    decline = claim("JOR", DECLINED, as_of="2026-02-19", sources=["b"])
    found = mission_of([pledge, decline]).latest_claims()
    assert [(c.status, c.disputed) for c in found] == [(PLEDGED, True), (DECLINED, True)]
    assert found[0].disputed_by == (decline,)
    assert claims.total_strength([pledge, decline], PLEDGED) == Strength(low=0, high=500)
    assert str(claims.total_strength([decline, pledge])) == "up to 500"
    assert claims.contributors([pledge, decline], PLEDGED) == ("JOR",)
    assert claims.contributors([pledge, decline], DECLINED) == ("JOR",)


def test_a_month_and_a_day_in_it_are_the_same_time():
    pledge = claim("EGY", PLEDGED, 1000, "2026-02")
    decline = claim("EGY", DECLINED, as_of="2026-02-19")
    [standing] = claims.standings([pledge, decline])
    assert standing.disputed
    assert standing.statuses == (PLEDGED, DECLINED)
    assert standing.as_of == PartialDate.parse("2026-02-19")
    assert str(claims.total_strength([pledge, decline], PLEDGED)) == "up to 1,000"
    # A day of the following month is certainly later: no dispute.
    later = claim("EGY", DECLINED, as_of="2026-03-01")
    assert [c.status for c in claims.latest_claims([pledge, later])] == [DECLINED]


def test_undated_claims_are_the_oldest():
    undated = claim("MAR", DEPLOYED, 50)
    dated = claim("MAR", PLEDGED, 20, "1990")
    assert [c.contribution for c in claims.latest_claims([dated, undated])] == [dated]
    assert [c.contribution for c in claims.latest_claims([undated])] == [undated]
    assert [c.contribution for c in claims.latest_claims([dated, undated], on="1900")] == [undated]  # undated: always known
    both = claims.latest_claims([undated, claim("MAR", DECLINED)])
    assert [(c.status, c.disputed) for c in both] == [(DEPLOYED, True), (DECLINED, True)]  # two undated: the same time


def test_the_police_split_counts_unless_the_generic_claim_is_certainly_later():
    generic = claim("BGD", DEPLOYED, 200, "2026-01", kind=POLICE)
    units = claim("BGD", DEPLOYED, 140, "2026-03", kind=FPU)
    officers = claim("BGD", DEPLOYED, 60, "2026-03", kind=IPO)
    other = claim("NPL", DEPLOYED, 30, "2026-01", kind=POLICE)
    history = [generic, units, officers, other]
    assert claims.total_strength(history) == Strength.exact(230)
    assert claims.total_strength(history, DEPLOYED) == Strength.exact(230)
    assert claims.total_strength(history, kind=POLICE) == Strength.exact(230)  # a kind given: no rule
    assert claims.total_strength(history, on="2026-02") == Strength.exact(230)  # the split is not known yet
    later = attrs.evolve(generic, as_of="2026-04-01")
    assert claims.total_strength([later, units, officers, other]) == Strength.exact(230)  # 200 + 30
    assert claims.total_strength([later, units, officers, other], on="2026-03-31") == Strength.exact(230)  # 140 + 60 + 30
    same_time = attrs.evolve(generic, strength=210, as_of="2026-03")
    assert claims.total_strength([same_time, units, officers]) == Strength.exact(200)  # not certainly later: the split


def test_an_explicit_link_wins_over_dates_kazakhstan():
    troops = claim("KAZ", PLEDGED, as_of="2026-02-19", id="kaz-troops")
    medical = claim("KAZ", PLEDGED, as_of="2026-03-04", kind=ContributionKind.MEDICAL, supersedes="kaz-troops")
    mission = mission_of([troops, medical])
    assert [c.kind for c in mission.latest_claims()] == [ContributionKind.MEDICAL]
    assert [c.kind for c in mission.latest_claims(on="2026-03-01")] == [TROOPS]  # the clarification is not known yet
    assert mission.contributors(kind=TROOPS) == ()
    # A link wins even against a later date: the correction replaces the claim it names.
    wrong = claim("ITA", DEPLOYED, 500, "2026-03", id="ita-march")
    fixed = claim("ITA", DEPLOYED, 300, "2026-02", supersedes="ita-march")
    assert claims.total_strength([wrong, fixed]) == Strength.exact(300)
    assert claims.total_strength([fixed, wrong]) == Strength.exact(300)


def test_links_are_validated_by_the_mission():
    with pytest.raises(mm.ValidationError, match="cannot supersede itself"):
        claim("KAZ", PLEDGED, id="kaz", supersedes="kaz")
    with pytest.raises(mm.ValidationError, match="no contribution has as its 'id'"):
        mission_of([claim("KAZ", PLEDGED, supersedes="nothing")])
    with pytest.raises(mm.ValidationError, match="not of 'KAZ'"):
        mission_of([claim("ITA", PLEDGED, id="ita"), claim("KAZ", PLEDGED, supersedes="ita")])
    with pytest.raises(mm.ValidationError, match="duplicate"):
        mission_of([claim("ITA", PLEDGED, id="one"), claim("KAZ", PLEDGED, id="one")])


def test_a_total_of_funding_is_refused():
    history = [claim("USA", PLEDGED, 1_000_000, kind=ContributionKind.FUNDING), claim("ITA", DEPLOYED, 10)]
    assert claims.total_strength(history) == Strength.exact(10)
    with pytest.raises(mm.ValidationError, match="'kind' must be a kind of personnel to add up"):
        claims.total_strength(history, kind="funding")
    with pytest.raises(mm.ValidationError):
        mission_of(history).total_strength(kind=ContributionKind.LOGISTICS)


def test_pledge_gaps(indonesia):
    history = [
        *indonesia,
        claim("ITA", DEPLOYED, 100, "2026-03"),
        claim("ALB", OFFERED, 50, "2026-02"),
        claim("MAR", PLEDGED, 300, "2026-02-19", kind=FPU),
        claim("MAR", DEPLOYED, 120, "2026-04", kind=FPU),
        claim("USA", PLEDGED, 10_000_000, "2026-02-19", kind=ContributionKind.FUNDING),
    ]
    mission = mission_of(history)
    gaps = {(g.contributor, g.kind): g for g in mission.pledge_gaps()}
    assert set(gaps) == {("IDN", TROOPS), ("ITA", TROOPS), ("MAR", FPU)}  # never pledged nor deployed: left out
    assert (gaps["IDN", TROOPS].pledged, gaps["IDN", TROOPS].deployed, gaps["IDN", TROOPS].status) == (
        Strength.at_most(8000),
        ZERO,
        SUSPENDED,
    )
    assert (gaps["ITA", TROOPS].pledged, gaps["ITA", TROOPS].deployed) == (None, Strength.exact(100))
    assert (gaps["MAR", FPU].pledged, gaps["MAR", FPU].deployed, gaps["MAR", FPU].status) == (
        Strength.exact(300),
        Strength.exact(120),
        DEPLOYED,
    )
    early = {(g.contributor, g.kind): g for g in mission.pledge_gaps(on="2026-02-28")}
    assert set(early) == {("IDN", TROOPS), ("MAR", FPU)}
    assert (early["IDN", TROOPS].pledged, early["IDN", TROOPS].deployed, early["IDN", TROOPS].status) == (
        Strength.at_most(8000),
        ZERO,
        PLEDGED,
    )
    assert early["IDN", TROOPS].as_of == PartialDate.parse("2026-02-19")
    assert (early["MAR", FPU].pledged, early["MAR", FPU].deployed) == (Strength.exact(300), ZERO)


def test_the_generic_police_claim_must_be_later_than_every_report_behind_the_split():
    # The split reports of "2026-02" and "2026-02-19" are one standing; "2026-02" may be any day of
    # February, so a generic report of 25 February is not certainly later than it: the split counts.
    history = [
        claim("MAR", DEPLOYED, 140, "2026-02", kind=FPU),
        claim("MAR", DEPLOYED, 140, "2026-02-19", kind=FPU),
        claim("MAR", DEPLOYED, 60, "2026-02-19", kind=IPO),
        claim("MAR", DEPLOYED, 500, "2026-02-25", kind=POLICE),
    ]
    assert claims.total_strength(history, status=DEPLOYED) == mm.Strength.exact(200)
    later = [*history[:3], claim("MAR", DEPLOYED, 500, "2026-03-02", kind=POLICE)]
    assert claims.total_strength(later, status=DEPLOYED) == mm.Strength.exact(500)


def test_police_at_different_stages_are_different_people():
    # 200 police deployed, then a formed police unit of 100 pledged: both count, each at its stage.
    history = [
        claim("FRA", DEPLOYED, 200, "2026-01-10", kind=POLICE),
        claim("FRA", ContributionStatus.PLEDGED, 100, "2026-03-01", kind=FPU),
    ]
    assert claims.total_strength(history, status=DEPLOYED) == mm.Strength.exact(200)
    assert claims.total_strength(history, status=ContributionStatus.PLEDGED) == mm.Strength.exact(100)
    assert claims.total_strength(history) == mm.Strength.exact(300)


def test_claims_that_supersede_one_another_in_a_cycle_are_refused():
    history = [
        claim("FRA", DEPLOYED, 100, "2026-01-01", id="a", supersedes="b"),
        claim("FRA", DEPLOYED, 200, "2026-02-01", id="b", supersedes="a"),
    ]
    with pytest.raises(mm.ValidationError, match="cycle"):
        mission_of(history)


# --- rule 6: a deployment not in a later count may have ended ----------------------------------


def test_a_deployment_absent_from_a_later_count_counts_from_zero():
    history = [
        claim("SEN", DEPLOYED, 561, "1982-06-03"),
        claim("FJI", DEPLOYED, 628, "1982-06-03"),
        claim("FJI", DEPLOYED, 150, "2024-11-23"),
        claim("IDN", DEPLOYED, 1230, "2024-11-23"),
    ]
    found = {s.contributor: s for s in claims.standings(history)}
    assert found["SEN"].absent_from == PartialDate.parse("2024-11-23")
    assert found["FJI"].absent_from is None and found["IDN"].absent_from is None
    assert found["SEN"].counted(DEPLOYED) == Strength.between(0, 561)
    assert claims.total_strength(history, DEPLOYED) == Strength.between(1380, 1941)
    # As the count of 1982 stood, Senegal's battalion was in it.
    assert claims.total_strength(history, DEPLOYED, on="1990") == Strength.exact(561 + 628)
    assert [s.absent_from for s in claims.standings(history, on="1990")] == [None, None]
    assert claims.contributors(history, DEPLOYED) == ("SEN", "FJI", "IDN")  # still its current claim, marked


def test_one_contributors_report_is_not_a_count_and_pledges_are_not_touched():
    history = [
        claim("SEN", DEPLOYED, 561, "1982-06-03"),
        claim("MAR", DEPLOYED, as_of="2026-06-24"),  # one contributor alone: not a count
        claim("ALB", PLEDGED, 100, "2020"),
        claim("RWA", DEPLOYED, as_of="2026-06-24", kind=ContributionKind.FUNDING),  # not personnel
    ]
    assert all(s.absent_from is None for s in claims.standings(history))
    assert claims.total_strength(history, DEPLOYED) == Strength.at_least(561)


@settings(max_examples=80)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["FJI", "SEN", "IDN", "ITA"]),
            st.integers(0, 900),
            st.sampled_from(["1982-06-03", "2001", "2024-09-02", "2024-11-23"]),
        ),
        max_size=8,
    )
)
def test_a_count_never_adds_more_than_before_and_never_less_than_the_latest_count(reports):
    history = [claim(who, DEPLOYED, n, day) for who, n, day in reports]
    total = claims.total_strength(history, DEPLOYED)
    current = {s.contributor: s.claims for s in claims.standings(history)}
    without_rule = sum((c.strength for found in current.values() for c in found), ZERO)
    assert total.high == without_rule.high  # the rule only widens: it never adds people
    counts = [day for day in {d for _, _, d in reports} if len({w for w, _, d in reports if d == day}) > 1]
    if counts:
        latest = max(counts, key=lambda day: PartialDate.parse(day).earliest())
        in_count = [c for who, found in current.items() for c in found if str(c.as_of) == latest]
        assert total.low >= sum((c.strength.low or 0) for c in in_count)
