"""assemble: records attached through the catalogue, and to the field of their type."""

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
    Place,
    Source,
)
from missionmodel.fatality import Fatality
from missionmodel.importers import MissionEntry, un
from missionmodel.importers.assembly import assemble, record_field
from missionmodel.personnel import FigureKind, PersonnelFigure

FIXTURES = Path(__file__).parent / "fixtures"
PK, ACTIVE = MissionKind.PEACEKEEPING, MissionStatus.ACTIVE
SOURCE = Source(id="test-source", title="A test table")


def troops(contributor: str, n: int, month: str = "2010-05") -> Contribution:
    return Contribution(
        contributor=contributor, kind=ContributionKind.TROOPS, status=ContributionStatus.DEPLOYED, strength=n, as_of=month,
        sources=("test-source",),
    )  # fmt: skip


def entry(mission: str, record: object, row: int = 2) -> MissionEntry[object]:
    return MissionEntry(mission=mission, record=record, row=row)


def test_records_of_a_renamed_mission_attach_to_one_made_mission() -> None:
    made = assemble(
        contributions=[entry("MONUC", troops("IND", 100, "2010-05")), entry("MONUSCO", troops("IND", 120, "2010-08"))],
        sources=[SOURCE],
        kind=PK,
        status=ACTIVE,
    )
    assert len(made.missions) == 1
    monusco = made.missions[0]
    assert (monusco.id, monusco.acronym, monusco.countries) == ("monusco", "MONUSCO", ("COD",))
    assert [str(c.strength) for c in monusco.contributions] == ["100", "120"]
    assert made.mission("MONUC") is made.mission("monusco") is monusco
    assert {"test-source", "ipi-mission-totals", "geo-pko-v1"} <= {s.id for s in monusco.sources}
    assert set(monusco.profile_sources) == {"un-data-hub-missions-2024-02-19", "ipi-mission-totals", "geo-pko-v1"}
    assert str(monusco.established) == "1999-11-30"  # MONUC's start: one mission with two names


def test_a_made_mission_gets_the_catalogue_name_countries_and_dates() -> None:
    made = assemble(records=[entry("unifil", troops("IDN", 1231, "2024-09"))], sources=[SOURCE], kind=PK, status=ACTIVE)
    unifil = made.mission("UNIFIL")
    assert (unifil.name, unifil.countries, unifil.established, unifil.ended) == (
        "United Nations Interim Force in Lebanon",
        ("LBN",),
        PartialDate(year=1978, month=3, day=19),
        None,
    )
    assert {"un-data-hub-missions-2024-02-19", "un-timeline-2008-1970s"} <= set(unifil.profile_sources)
    unknown = assemble(records=[entry("UNXYZ", troops("IDN", 1))], sources=[SOURCE], kind=PK, status=ACTIVE).mission("UNXYZ")
    assert (unknown.name, unknown.countries, [s.id for s in unknown.sources]) == ("UNXYZ", (), ["test-source"])


def test_records_attach_to_a_given_mission_through_its_former_name() -> None:
    monusco = Mission.from_acronym("MONUSCO", kind=PK, status=ACTIVE, sources=[SOURCE])
    assembly = assemble([monusco], contributions=[entry("MONUC", troops("PAK", 50))])
    assert assembly.unmatched == () and len(assembly.mission("MONUSCO").contributions) == 1


def test_an_exact_acronym_wins_over_the_catalogue() -> None:
    monuc = Mission.from_acronym("MONUC", kind=PK, status=MissionStatus.CLOSED, sources=[SOURCE])
    monusco = Mission.from_acronym("MONUSCO", kind=PK, status=ACTIVE, sources=[SOURCE])
    assembly = assemble([monuc, monusco], contributions=[entry("MONUSCO", troops("IND", 1)), entry("MONUC", troops("IND", 2))])
    assert [str(c.strength) for c in assembly.mission("MONUC").contributions] == ["2"]
    assert [str(c.strength) for c in assembly.mission("MONUSCO").contributions] == ["1"]


def test_each_record_goes_to_the_field_of_its_type() -> None:
    figure = PersonnelFigure(kind=FigureKind.ACTUAL, strength=500, as_of="2010-05", sources=("test-source",))
    fatality = Fatality(date="2010-05-01", sources=("test-source",))
    first, last = Place(name="Goma", country="COD"), Place(name="Kinshasa", country="COD", latitude=-4.325, longitude=15.3222)
    given = [entry("MONUC", figure), entry("MONUC", first), entry("MONUSCO", fatality), entry("MONUSCO", last)]
    monusco = assemble(records=given, sources=[SOURCE], kind=PK, status=ACTIVE).missions[0]
    assert monusco.personnel == (figure,)
    assert monusco.fatalities == (fatality,)
    assert monusco.headquarters == last  # the last place given
    assert [record_field(r) for r in (figure, fatality, first, troops("IND", 1))] == [
        "personnel", "fatalities", "headquarters", "contributions"
    ]  # fmt: skip


def test_sites_attach_without_assembly_knowing_them() -> None:
    site_module = pytest.importorskip("missionmodel.site")
    if "sites" not in {f.name for f in __import__("attrs").fields(Mission)}:
        pytest.skip("Mission has no sites field yet")
    site = site_module.Site(place=Place(name="Bunia", country="COD", latitude=1.5667, longitude=30.25), as_of="2005-06")
    assert record_field(site) == "sites"
    monusco = assemble(records=[entry("MONUC", site)], kind=PK, status=ACTIVE).missions[0]
    assert monusco.sites == (site,)


def test_a_record_of_no_known_kind_is_refused() -> None:
    with pytest.raises(TypeError, match="a Mission has no field for records of type str"):
        assemble(records=[entry("UNIFIL", "a note")], kind=PK, status=ACTIVE)
    with pytest.raises(TypeError):
        record_field(3)


def test_unmatched_records_are_kept_without_kind_and_status() -> None:
    assembly = assemble(records=[entry("UNXYZ", troops("IDN", 1)), entry("MONUC", troops("IDN", 2))])
    assert assembly.missions == () and assembly.unmatched_acronyms() == ("UNXYZ", "MONUC")


def test_the_real_style_list_and_records_of_both_names() -> None:
    missions = un.read_missions(FIXTURES / "un_missions_real_style.csv")
    assembly = assemble(
        missions, contributions=[entry("MONUC", troops("IND", 3)), entry("Monusco", troops("IND", 4))], sources=[SOURCE]
    )
    assert [str(c.strength) for c in assembly.mission("MONUC").contributions] == ["3"]  # the list has both rows
    assert [str(c.strength) for c in assembly.mission("MONUSCO").contributions] == ["4"]
    assert assembly.unmatched == ()


def test_todays_behaviour_is_kept() -> None:
    assembly = assemble(
        un.read_missions(FIXTURES / "un_missions.csv"),
        contributions=un.read_contributions(FIXTURES / "un_contributions.csv"),
        fatalities=un.read_fatalities(FIXTURES / "un_fatalities.csv"),
    )
    unifil = assembly.mission("UNIFIL")
    assert (len(unifil.contributions), len(unifil.fatalities)) == (8, 2)
    assert [s.id for s in unifil.sources] == ["un-data-hub-missions", "un-data-hub-contributions", "un-data-hub-fatalities"]
    assert assembly.unmatched_acronyms() == ("UNPROFOR", "MINUSMA", "MINUSCA")
    with pytest.raises(ValueError, match="give both 'kind' and 'status'"):
        assemble(kind=PK)
