"""Assembling imported records into missions, and the monthly questions asked of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from missionmodel import (
    Contribution,
    ContributionKind,
    ContributionStatus,
    Mission,
    MissionKind,
    MissionStatus,
    PartialDate,
    Strength,
    ValidationError,
)
from missionmodel.importers import assemble, ipi, un
from missionmodel.mission import slug_of
from missionmodel.series import (
    Headcount,
    MonthlyCount,
    contingents,
    country_series,
    months,
    top_contributors,
    totals,
    totals_by_kind,
)

FIXTURES = Path(__file__).parent / "fixtures"
TROOPS = ContributionKind.TROOPS


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
    assert [(m.id, m.name) for m in made.missions] == [("unifil", "UNIFIL"), ("unmiss", "UNMISS"), ("unmil", "UNMIL")]
    assert made.unmatched == ()
    assert [s.id for s in made.mission("UNMIL").sources] == ["ipi-providing-for-peacekeeping"]
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
