"""Assembling imported records into missions, and the monthly questions asked of them."""

from __future__ import annotations

import calendar
import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missionmodel import (
    Contribution,
    ContributionKind,
    ContributionStatus,
    Mission,
    MissionKind,
    MissionStatus,
    PartialDate,
    Source,
    Strength,
    ValidationError,
    claims,
)
from missionmodel.importers import assemble, ipi, un
from missionmodel.mission import slug_of
from missionmodel.series import (
    Difference,
    Headcount,
    MonthlyCount,
    MonthlyRow,
    contingents,
    country_series,
    differences,
    monthly_table,
    months,
    top_contributors,
    totals,
    totals_by_kind,
)
from missionmodel.testing import monthly_panels as public_monthly_panels

FIXTURES = Path(__file__).parent / "fixtures"
TROOPS = ContributionKind.TROOPS
STAFF = ContributionKind.STAFF_OFFICERS
DEPLOYED = ContributionStatus.DEPLOYED
WITHDRAWN = ContributionStatus.WITHDRAWN
SEPTEMBER = PartialDate(year=2024, month=9)


@pytest.fixture(scope="module")
def assembly():  # type: ignore[no-untyped-def]
    return assemble(
        un.read_missions(FIXTURES / "un_missions.csv"),
        contributions=un.read_contributions(FIXTURES / "un_contributions.csv"),
        fatalities=un.read_fatalities(FIXTURES / "un_fatalities.csv"),
    )


def test_contribution_women_and_men() -> None:
    c = Contribution(contributor="IDN", kind=TROOPS, status=ContributionStatus.DEPLOYED, strength=10, female=3, male=7)
    assert (c.female, c.male) == (3, 7)
    Contribution(contributor="IDN", kind=TROOPS, status=ContributionStatus.DEPLOYED, female=3, male=7)  # unknown strength: fits
    Contribution(
        contributor="IDN", kind=TROOPS, status=ContributionStatus.DEPLOYED, strength=Strength.between(5, 12), female=3, male=7
    )
    with pytest.raises(ValidationError) as raised:
        Contribution(contributor="IDN", kind=TROOPS, status=ContributionStatus.DEPLOYED, strength=10, female=3, male=8)
    assert [str(e) for e in raised.value.errors] == [
        "strength: 'female' + 'male' is 3 + 8 = 11, which does not fit 'strength' (10)"
    ]
    with pytest.raises(ValidationError) as raised:
        Contribution(contributor="IDN", kind=TROOPS, status=ContributionStatus.DEPLOYED, strength=10, female=-1, male=1.5)  # type: ignore[arg-type]
    assert [str(e) for e in raised.value.errors] == [
        "female: 'female' must not be negative (got -1)",
        "male: 'male' must be int (got 1.5 that is a float)",
    ]
    with pytest.raises(ValidationError) as raised:
        Contribution(contributor="IDN", kind=TROOPS, status=ContributionStatus.DEPLOYED, strength=Strength.at_most(5), female=6)
    assert [str(e) for e in raised.value.errors] == ["female: 'female' (6) is more than 'strength' (up to 5)"]


def test_police_kinds() -> None:
    assert [kind.value for kind in ContributionKind if kind.is_police] == ["police", "formed_police_units", "individual_police"]


def test_from_acronym() -> None:
    m = Mission.from_acronym("UNEF I", kind=MissionKind.PEACEKEEPING, status=MissionStatus.CLOSED)
    assert (m.id, m.name, m.acronym) == ("unef-i", "UNEF I", "UNEF I")
    named = Mission.from_acronym(
        "UNEF I", name="First UN Emergency Force", kind=MissionKind.PEACEKEEPING, status=MissionStatus.CLOSED
    )
    assert named.name == "First UN Emergency Force"
    with pytest.raises(ValidationError):
        Mission.from_acronym("--", kind=MissionKind.PEACEKEEPING, status=MissionStatus.CLOSED)
    assert slug_of("MINUSMA") == "minusma"


def test_assembly_attaches_records_and_declares_sources(assembly) -> None:  # type: ignore[no-untyped-def]
    unifil = assembly.mission("unifil")
    assert assembly.mission("UNIFIL") is unifil
    assert len(unifil.contributions) == 8
    assert len(unifil.fatalities) == 2
    assert [s.id for s in unifil.sources] == ["un-data-hub-missions", "un-data-hub-contributions", "un-data-hub-fatalities"]
    assert len(assembly.mission("UNMISS").contributions) == 2
    assert assembly.mission("UNMISS").fatalities == ()
    assert assembly.unmatched_acronyms() == ("UNPROFOR", "MINUSMA", "MINUSCA")  # not in the mission list: kept, not dropped
    assert [entry.row for entry in assembly.unmatched] == [4, 5, 8]
    with pytest.raises(KeyError, match="no mission 'XYZ' in the assembly"):
        assembly.mission("XYZ")


def test_assembly_makes_missions_from_acronyms_when_asked() -> None:
    made = assemble(
        contributions=ipi.read_contributions(FIXTURES / "ipi_contributions.csv"),
        kind=MissionKind.PEACEKEEPING,
        status=MissionStatus.ACTIVE,
    )
    assert [(m.id, m.name) for m in made.missions] == [
        ("unifil", "United Nations Interim Force in Lebanon"),
        ("unmiss", "United Nations Mission in the Republic of South Sudan"),
        ("unmil", "United Nations Mission in Liberia"),
    ]  # the catalogue's names (the UN Data Hub's mission list)
    assert made.unmatched == ()
    assert [s.id for s in made.mission("UNMIL").sources] == [
        "un-data-hub-missions-2024-02-19",
        "un-timeline-2008-2008",
        "geo-pko-v1",
        "ipi-mission-totals",
        "ipi-providing-for-peacekeeping",
    ]  # the catalogue's sources of the made mission's facts first, then the records'
    with pytest.raises(ValueError, match="give both 'kind' and 'status'"):
        assemble(kind=MissionKind.PEACEKEEPING)


def test_contingents_in_a_month(assembly) -> None:  # type: ignore[no-untyped-def]
    unifil = assembly.mission("UNIFIL")
    got = [(c.contributor, c.kind.value, c.strength.low) for c in contingents(unifil, "2024-09")]
    assert got == [
        ("IDN", "troops", 1231),
        ("ITA", "troops", 1068),
        ("IND", "troops", 903),
        ("FRA", "troops", 678),
        ("ESP", "troops", 670),
        ("GHA", "staff_officers", 17),
        ("GHA", "military_observers", 3),
    ]
    assert [c.strength.low for c in contingents(unifil, "2024-08-15")] == [1224]
    assert [c.contributor for c in contingents(unifil, "2024-09", kind=ContributionKind.STAFF_OFFICERS)] == ["GHA"]
    assert months(unifil) == (PartialDate(year=2024, month=8), PartialDate(year=2024, month=9))
    with pytest.raises(ValueError, match="a month is needed"):
        contingents(unifil, "2024")


def test_top_contributors(assembly) -> None:  # type: ignore[no-untyped-def]
    assert top_contributors(assembly.missions, "2024-09", n=3) == [
        ("IDN", Strength.exact(1231)),
        ("ITA", Strength.exact(1068)),
        ("IND", Strength.exact(903)),
    ]
    assert top_contributors(assembly.mission("UNMISS"), "2024-09") == [("RWA", Strength.exact(160)), ("NPL", Strength.exact(35))]
    assert top_contributors(assembly.missions, "2024-09", kind=ContributionKind.STAFF_OFFICERS) == [("GHA", Strength.exact(17))]


def test_country_series(assembly) -> None:  # type: ignore[no-untyped-def]
    assert country_series(assembly.missions, "IDN") == [
        MonthlyCount(
            month=PartialDate(year=2024, month=8),
            mission="unifil",
            kind=TROOPS,
            strength=Strength.exact(1224),
            female=24,
            male=1200,
        ),
        MonthlyCount(
            month=PartialDate(year=2024, month=9),
            mission="unifil",
            kind=TROOPS,
            strength=Strength.exact(1231),
            female=25,
            male=1206,
        ),
    ]
    assert [(p.mission, p.kind.value) for p in country_series(assembly.missions, "GHA")] == [
        ("unifil", "military_observers"),
        ("unifil", "staff_officers"),
    ]
    assert country_series(assembly.missions, "GHA", kind=TROOPS) == []


def test_totals_by_kind_and_gender(assembly) -> None:  # type: ignore[no-untyped-def]
    september = totals(assembly.missions, "2024-09")
    assert september == Headcount(total=Strength.exact(4765), female=203, male=4562)
    assert september.female_share == pytest.approx(203 / 4765)
    by_kind = totals_by_kind(assembly.missions, "2024-09")
    assert list(by_kind) == [
        ContributionKind.TROOPS,
        ContributionKind.FORMED_POLICE_UNITS,
        ContributionKind.INDIVIDUAL_POLICE,
        ContributionKind.MILITARY_OBSERVERS,
        ContributionKind.STAFF_OFFICERS,
    ]
    assert by_kind[ContributionKind.TROOPS] == Headcount(total=Strength.exact(4550), female=149, male=4401)
    assert by_kind[ContributionKind.INDIVIDUAL_POLICE] == Headcount(total=Strength.exact(35), female=10, male=25)
    # Contributions without women and men (IPI) count as unreported.
    ipi_missions = assemble(
        contributions=ipi.read_contributions(FIXTURES / "ipi_contributions.csv"),
        kind=MissionKind.PEACEKEEPING,
        status=MissionStatus.ACTIVE,
    ).missions
    ipi_totals = totals(ipi_missions, "2024-09")
    assert ipi_totals == Headcount(total=Strength.exact(1570), unreported=Strength.exact(1570))
    assert ipi_totals.female_share is None


# --- one contingent, counted once a month (issue #8) ----------------------------------------


@pytest.fixture(scope="module")
def both():  # type: ignore[no-untyped-def]
    """The UN and IPI fixtures together: both report Indonesia in UNIFIL, September 2024 (1,231)."""
    un_rows = un.read_contributions(FIXTURES / "un_contributions.csv")
    ipi_rows = ipi.read_contributions(FIXTURES / "ipi_contributions.csv")
    return assemble(
        un.read_missions(FIXTURES / "un_missions.csv"),
        contributions=[*un_rows.records, *ipi_rows.records],
        sources=[*un_rows.sources, *ipi_rows.sources],
    )


def report(contributor, strength, as_of, kind=TROOPS, status=DEPLOYED, sources=(), **fields):  # type: ignore[no-untyped-def]
    return Contribution(
        contributor=contributor, kind=kind, status=status, strength=strength, as_of=as_of, sources=sources, **fields
    )


def mission_of(*records: Contribution) -> Mission:
    cited = dict.fromkeys(source for record in records for source in record.sources)
    return Mission.from_acronym(
        "TEST",
        kind=MissionKind.PEACEKEEPING,
        status=MissionStatus.ACTIVE,
        contributions=records,
        sources=[Source(id=source, title=source) for source in cited],
    )


def test_two_reports_of_one_contingent_count_once(both) -> None:  # type: ignore[no-untyped-def]
    unifil = both.mission("UNIFIL")
    indonesia = [c for c in unifil.contributions if c.contributor == "IDN" and c.as_of == PartialDate.parse("2024-09-30")]
    assert [c.strength for c in indonesia] == [Strength.exact(1231), Strength.exact(1231)]  # UN and IPI
    assert totals(unifil, "2024-09", kind=TROOPS).total == Strength(low=3582, high=4550)  # not 1,231 more
    assert totals(unifil, "2024-09").total == Strength(low=3602, high=4570)
    [idn] = [c for c in contingents(unifil, "2024-09") if c.contributor == "IDN"]
    assert idn.strength == Strength.exact(1231)
    assert idn.sources == ("un-data-hub-contributions", "ipi-providing-for-peacekeeping")
    assert (idn.female, idn.male) == (25, 1206)  # one source gives women and men; the other, silent, does not disagree
    assert top_contributors(both.missions, "2024-09", n=1) == [("IDN", Strength.exact(1231))]
    assert [(str(p.month), p.strength.low) for p in country_series(both.missions, "IDN")] == [
        ("2024-08", 1224),
        ("2024-09", 1231),
    ]
    # Same-time reports that disagree count as the range that covers them.
    [ita] = [c for c in contingents(unifil, "2024-09") if c.contributor == "ITA"]
    assert ita.strength == Strength.between(100, 1068)


def test_totals_agree_with_the_claims_policy_on_the_fixtures(both) -> None:  # type: ignore[no-untyped-def]
    for mission in both.missions:
        for month in months(mission):
            deployed = claims.total_strength(mission.contributions, status="deployed", on=month)
            assert totals(mission, month).total == deployed
            for kind in totals_by_kind(mission, month):
                expected = claims.total_strength(mission.contributions, status="deployed", kind=kind, on=month)
                assert totals(mission, month, kind=kind).total == expected


def test_differences_say_where_the_reports_disagreed(both) -> None:  # type: ignore[no-untyped-def]
    found = differences(both.missions)
    assert [(d.mission, str(d.month), d.contributor, d.kind.value) for d in found] == [
        ("unifil", "2024-09", "ITA", "troops"),
        ("unmiss", "2024-09", "NPL", "individual_police"),
    ]  # Indonesia's two reports agree: no difference, counted once all the same
    ita = found[0]
    assert isinstance(ita, Difference)
    assert ita.strengths == (Strength.exact(1068), Strength.exact(100))
    assert ita.statuses == (DEPLOYED,)
    assert ita.sources == ("un-data-hub-contributions", "ipi-providing-for-peacekeeping")
    assert [r.strength.low for r in ita.records] == [1068, 100]
    assert [c.strength for c in ita.chosen] == [Strength.between(100, 1068)]
    assert ita.counted == Strength.between(100, 1068)
    assert not ita.disputed
    assert str(ita) == (
        "unifil 2024-09, ITA troops: deployed 1,068 (un-data-hub-contributions); "
        "deployed 100 (ipi-providing-for-peacekeeping); counted 100 to 1,068"
    )
    assert differences(both.missions, "2024-08") == ()
    assert [d.contributor for d in differences(both.missions, "2024-09", kind="individual_police")] == ["NPL"]
    assert differences(both.mission("UNIFIL"), month="2024-09", kind=STAFF) == ()


def test_a_later_report_in_the_month_wins() -> None:
    mission = mission_of(
        report("IDN", 1000, "2024-09-05"),
        report("IDN", 0, "2024-09-20", status=WITHDRAWN),  # left later in the month
        report("ITA", 500, "2024-09-05"),
        report("ITA", 520, "2024-09-25"),  # a newer figure
        report("FRA", 300, "2024-09-05", status=WITHDRAWN),
        report("FRA", 310, "2024-09-25"),  # back later in the month
        report("GHA", 200, "2024-08-31"),
        report("GHA", 200, "2024-09-10"),
        report("GHA", 0, "2024-09-30", status=ContributionStatus.SUSPENDED),
    )
    assert [(c.contributor, c.strength.low) for c in contingents(mission, "2024-09")] == [("ITA", 520), ("FRA", 310)]
    assert totals(mission, "2024-09").total == Strength.exact(830)
    assert totals(mission, "2024-09").total == claims.total_strength(mission.contributions, status="deployed", on="2024-09")
    assert months(mission) == (PartialDate(year=2024, month=8), SEPTEMBER)
    found = {d.contributor: d for d in differences(mission)}
    assert sorted(found) == ["FRA", "GHA", "IDN", "ITA"]
    assert found["IDN"].statuses == (DEPLOYED, WITHDRAWN) and found["IDN"].counted == Strength.exact(0)
    assert [c.status for c in found["IDN"].chosen] == [WITHDRAWN]
    assert str(found["IDN"]) == "test 2024-09, IDN troops: deployed 1,000 on 2024-09-05; withdrawn 0 on 2024-09-20; counted 0"
    assert found["ITA"].counted == Strength.exact(520)
    # A month whose only contingent left in it has nothing deployed, and no row.
    gone = mission_of(report("IDN", 1000, "2024-09-05"), report("IDN", 0, "2024-09-20", status=WITHDRAWN))
    assert months(gone) == () and monthly_table(gone) == () and totals(gone, "2024-09") == Headcount(total=Strength.exact(0))


def test_a_disputed_deployment_counts_from_zero() -> None:
    mission = mission_of(
        report("IDN", 1000, "2024-09-30", female=100, male=900, sources=["a"]),
        report("IDN", 0, "2024-09", status=WITHDRAWN, sources=["b"]),  # the same time: a dispute
        report("ITA", 500, "2024-09-30", female=50, male=450),
    )
    [idn] = [c for c in contingents(mission, "2024-09") if c.contributor == "IDN"]
    assert idn.strength == Strength.at_most(1000) and (idn.female, idn.male) == (None, None)
    assert totals(mission, "2024-09") == Headcount(
        total=Strength.between(500, 1500), female=50, male=450, unreported=Strength.at_most(1000)
    )
    assert monthly_table(mission) == (
        MonthlyRow(
            mission="test",
            month=SEPTEMBER,
            kind=TROOPS,
            strength=Strength.between(500, 1500),
            female=50,
            male=450,
            unreported=Strength.at_most(1000),
            contingents=2,
            disputed=1,
        ),
    )
    [difference] = differences(mission)
    assert difference.disputed and difference.counted == Strength.at_most(1000)
    assert difference.sources == ("a", "b")
    assert [p.female for p in country_series(mission, "IDN")] == [None]


def test_police_are_counted_once_a_month() -> None:
    mission = mission_of(
        report("BGD", 50, "2024-09-30", kind=ContributionKind.POLICE),
        report("BGD", 40, "2024-09-30", kind=ContributionKind.FORMED_POLICE_UNITS),
        report("BGD", 10, "2024-09-30", kind=ContributionKind.INDIVIDUAL_POLICE),
        report("NPL", 12, "2024-09-05", kind=ContributionKind.INDIVIDUAL_POLICE),
        report("NPL", 30, "2024-09-28", kind=ContributionKind.POLICE),  # certainly later: the police figure counts
        report("RWA", 7, "2024-09-30", kind=ContributionKind.FUNDING),  # not personnel
    )
    assert totals(mission, "2024-09").total == Strength.exact(80)
    assert totals(mission, "2024-09").total == claims.total_strength(mission.contributions, status="deployed", on="2024-09")
    by_kind = totals_by_kind(mission, "2024-09")
    assert {kind.value: count.total.low for kind, count in by_kind.items()} == {
        "police": 30,
        "formed_police_units": 40,
        "individual_police": 10,
    }
    assert sum((count.total for count in by_kind.values()), Strength.exact(0)) == Strength.exact(80)
    # One kind asked for: its reports alone, as claims.total_strength counts them.
    assert totals(mission, "2024-09", kind="police").total == Strength.exact(80)
    assert claims.total_strength(mission.contributions, status="deployed", kind="police", on="2024-09") == Strength.exact(80)
    assert [r.strength.low for r in monthly_table(mission, kind=ContributionKind.POLICE)] == [80]
    assert top_contributors(mission, "2024-09") == [("BGD", Strength.exact(50)), ("NPL", Strength.exact(30))]
    assert [(p.kind.value, p.strength.low) for p in country_series(mission, "BGD")] == [
        ("formed_police_units", 40),
        ("individual_police", 10),
    ]
    assert differences(mission) == ()  # the police rule is applied, not a disagreement of one kind's reports


def test_arguments_are_checked() -> None:
    mission = mission_of(report("IDN", 10, "2024-09-30"))
    with pytest.raises(ValidationError, match="a month is needed"):
        totals(mission, "2024")
    with pytest.raises(ValidationError, match="must be a date"):
        top_contributors(mission, "September")
    with pytest.raises(ValidationError, match="'kind' must be a kind of personnel"):
        totals(mission, "2024-09", kind=ContributionKind.FUNDING)
    with pytest.raises(ValidationError, match="'kind' must be one of"):
        monthly_table(mission, kind="cooks")
    assert totals(mission, "2024-09", kind="troops").total == Strength.exact(10)


def test_the_monthly_table_is_the_monthly_totals(both) -> None:  # type: ignore[no-untyped-def]
    table = monthly_table(both.missions)
    assert [(r.mission, str(r.month), r.kind.value, r.strength.low, r.contingents) for r in table] == [
        ("unifil", "2024-08", "troops", 1224, 1),
        ("unifil", "2024-09", "troops", 3582, 5),
        ("unifil", "2024-09", "military_observers", 3, 1),
        ("unifil", "2024-09", "staff_officers", 17, 1),
        ("unmiss", "2024-09", "formed_police_units", 200, 2),
        ("unmiss", "2024-09", "individual_police", 37, 3),
        ("unmiss", "2024-09", "military_observers", 2, 1),
    ]
    assert_table_matches_totals(both.missions)


def assert_table_matches_totals(missions) -> None:  # type: ignore[no-untyped-def]
    """Check `monthly_table` against `totals`, `totals_by_kind`, `contingents` and `months`, month by month."""
    table = monthly_table(missions)
    for mission in missions:
        rows = [r for r in table if r.mission == mission.id]
        assert months(mission) == tuple(dict.fromkeys(r.month for r in rows))
        for month in months(mission):
            of_month = [r for r in rows if r.month == month]
            assert {r.kind: r.headcount for r in of_month} == totals_by_kind(mission, month)
            assert sum((r.headcount for r in of_month), Headcount(total=Strength.exact(0))) == totals(mission, month)
            found = contingents(mission, month)
            assert sum(r.contingents for r in of_month) == len(found)
            assert sum((c.strength for c in found), Strength.exact(0)) == totals(mission, month).total
            for row in of_month:
                [alone] = [r for r in monthly_table(mission, kind=row.kind) if r.month == month]
                assert alone.headcount == totals(mission, month, kind=row.kind)
    for month in {r.month for r in table}:
        everyone = top_contributors(missions, month, n=1000)
        assert sum((total for _, total in everyone), Strength.exact(0)) == totals(missions, month).total


# --- a generated monthly panel ---------------------------------------------------------------

_AWAY = ("away", "arrive")
_THERE = ("report", "twice", "twice_differ", "leave", "leave_late", "dispute")


@st.composite
def monthly_panels(draw):  # type: ignore[no-untyped-def]
    """Contributors x months of monthly reports: deployed figures every month while there, a
    ``withdrawn`` claim when leaving, some months reported twice (by two sources), some disputed."""
    start = draw(st.integers(0, 11))
    dates = [divmod(start + i, 12) for i in range(draw(st.integers(1, 8)))]
    records = []
    for contributor in draw(st.lists(st.sampled_from(["IDN", "ITA", "IND", "GHA", "FRA"]), min_size=1, max_size=4, unique=True)):
        for kind in draw(st.lists(st.sampled_from([TROOPS, STAFF]), min_size=1, max_size=2, unique=True)):
            there = False
            for offset, number in dates:
                year, month = 2023 + offset, number + 1
                last = f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
                whole = f"{year}-{month:02d}"
                action = draw(st.sampled_from(_THERE if there else _AWAY))
                figure = draw(st.integers(0, 2000))
                when = draw(st.sampled_from([last, whole]))

                def add(strength, as_of, status=DEPLOYED, source="un", contributor=contributor, kind=kind):  # type: ignore[no-untyped-def]
                    records.append(report(contributor, strength, as_of, kind=kind, status=status, sources=[source]))

                if action in ("arrive", "report", "twice", "twice_differ"):
                    add(figure, when)
                    there = True
                if action == "twice":
                    add(figure, draw(st.sampled_from([last, whole])), source="ipi")
                elif action == "twice_differ":
                    add(draw(st.integers(0, 2000)), draw(st.sampled_from([last, whole])), source="ipi")
                elif action == "leave":
                    add(0, when, status=WITHDRAWN)
                    there = False
                elif action == "leave_late":
                    add(figure, f"{whole}-05")
                    add(0, f"{whole}-20", status=WITHDRAWN)
                    there = False
                elif action == "dispute":
                    add(figure, last)
                    add(0, when, status=WITHDRAWN, source="ipi")
    months_asked = [PartialDate(year=2023 + offset, month=number + 1) for offset, number in dates]
    return months_asked, draw(st.permutations(records))


@given(monthly_panels())
def test_series_agree_with_claims_on_monthly_data(panel) -> None:  # type: ignore[no-untyped-def]
    months_asked, records = panel
    mission = mission_of(*records)
    for month in months_asked:
        expected = claims.total_strength(records, status="deployed", on=month)
        assert totals(mission, month).total == expected
        for kind in (TROOPS, STAFF):
            assert totals(mission, month, kind=kind).total == claims.total_strength(records, "deployed", kind, month)
    assert_table_matches_totals([mission])
    for contributor in {r.contributor for r in records}:
        series = country_series(mission, contributor)
        for point in series:
            [same] = [c for c in contingents(mission, point.month, kind=point.kind) if c.contributor == contributor]
            assert same.strength == point.strength
        assert len(series) == sum(
            1 for month in months_asked for c in contingents(mission, month) if c.contributor == contributor
        )


def test_a_panel_reported_twice_counts_once() -> None:
    records = [
        report(code, figure, f"2024-{month:02d}-{calendar.monthrange(2024, month)[1]:02d}", sources=[source])
        for month, (code, figure), source in itertools.product(range(1, 13), [("IDN", 1000), ("ITA", 800)], ["un", "ipi"])
    ]
    mission = mission_of(*records)
    assert len(months(mission)) == 12
    assert {r.strength for r in monthly_table(mission)} == {Strength.exact(1800)}
    assert all(r.contingents == 2 for r in monthly_table(mission))
    assert differences(mission) == ()


def test_people_beyond_the_women_and_men_reported_are_of_unknown_gender() -> None:
    mission = mission_of(
        report("IDN", 100, "2024-09", female=10, male=90, sources=["a"]),
        report("IDN", 120, "2024-09", sources=["b"]),  # the same month, another figure, no gender
    )
    count = totals(mission, "2024-09")
    assert (count.total, count.female, count.male) == (Strength(low=100, high=120), 10, 90)
    assert count.unreported == Strength(low=0, high=20)


@given(public_monthly_panels(silent_months=False))
def test_series_agrees_with_total_strength_on_the_public_monthly_panels(panel) -> None:
    from missionmodel import claims

    mission = mission_of(*panel)
    for month in {str(c.as_of) for c in panel}:
        assert totals(mission, month).total == claims.total_strength(panel, status="deployed", on=month)
