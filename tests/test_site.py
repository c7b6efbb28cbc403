"""Deployment sites, and a mission's sites."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given

from missionmodel import (
    Mission,
    MissionKind,
    MissionStatus,
    PartialDate,
    Place,
    Source,
    Strength,
    ValidationError,
    dumps,
    from_dict,
    loads,
)
from missionmodel.site import HeadquartersLevel, Site, SiteContingent, SiteUnit, UnitKind
from missionmodel.testing import missions, site_contingents, sites


def messages(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(detail) for detail in error.value.errors]


BUNIA = Place(name="Bunia", country="COD", latitude=1.5667, longitude=30.25)


def test_site_keeps_what_the_source_gives() -> None:
    site = Site(
        place=BUNIA,
        as_of="2005-06",
        troops=1450,
        contingents=[SiteContingent(contributor="BGD", strength=850), SiteContingent(contributor="PAK")],
        contributing_countries=2,
        headquarters=HeadquartersLevel.SECTOR,
        police=True,
        units=[SiteUnit(kind=UnitKind.RESERVE, strength=150)],
        source_note="Map no. 4121 Rev. 20",
        sources=["geo-pko"],
    )
    assert site.as_of == PartialDate(year=2005, month=6)
    assert site.troops == Strength.exact(1450)
    assert site.contingents[1].strength.is_unknown
    assert site.contributors() == ("BGD", "PAK")
    assert site.contingent_total() == Strength.at_least(850)
    assert site.military_observers is None and site.liaison_office is None
    assert str(site) == "Bunia, 2005-06: 1,450 troops (BGD 850, PAK unknown), sector headquarters"
    assert Site(place="Goma", as_of="2010").contingent_total() == Strength.exact(0)


def test_site_rules() -> None:
    with pytest.raises(ValidationError) as raised:
        Site(place=None, as_of="June 2005", troops=-1, contributing_countries=-2, police="yes")  # type: ignore[arg-type]
    assert messages(raised) == [
        "place: 'place' must be a place name, a Place or a mapping of Place fields (got None that is a NoneType)",
        "as_of: 'as_of' must be a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (got 'June 2005')",
        "troops: 'troops' must not be negative (got -1)",
        "contributing_countries: 'contributing_countries' must not be negative (got -2)",
        "police: 'police' must be true or false (got 'yes' that is a str)",
    ]
    with pytest.raises(ValidationError) as raised:
        SiteContingent(contributor="Nepal", strength=10)
    assert messages(raised) == ["contributor: 'Nepal' is not an ISO 3166-1 alpha-3 country code; did you mean 'NPL'?"]
    with pytest.raises(ValidationError) as raised:
        SiteContingent(contributor="IRL", name="Ireland and Scotland")
    assert messages(raised) == [
        "name: 'name' is for a contributor without a country code: give 'contributor' or 'name'",
    ]
    with pytest.raises(ValidationError) as raised:
        SiteUnit(kind="reserve")  # type: ignore[arg-type]
    assert messages(raised) == ["kind: 'kind' must be UnitKind('reserve'), not the plain str 'reserve'"]


def test_contingent_and_unit_text() -> None:
    assert str(SiteContingent(contributor="NPL", strength=850)) == "NPL 850"
    assert str(SiteContingent(name="Ireland and Scotland", strength=650)) == "'Ireland and Scotland' 650"
    assert str(SiteContingent()) == "unknown contributor unknown"
    assert str(SiteUnit(kind=UnitKind.REGIONAL_PROTECTION_FORCE, strength=2250)) == "regional protection force 2,250"


def mission(*records: Site, sources: tuple[Source, ...] = ()) -> Mission:
    return Mission(
        id="monuc",
        name="MONUC",
        kind=MissionKind.PEACEKEEPING,
        status=MissionStatus.CLOSED,
        sites=records,
        sources=sources,
    )


def test_mission_sites_round_trip_and_cite_declared_sources() -> None:
    geo = Source(id="geo-pko", title="Geo-PKO")
    site = Site(
        place=BUNIA,
        as_of="2005-06",
        troops=Strength.unknown(),
        contingents=[SiteContingent(contributor="BGD", strength=850), SiteContingent(name="MA")],
        headquarters=HeadquartersLevel.NONE,
        sources=["geo-pko"],
    )
    m = mission(site, sources=(geo,))
    text = dumps(m, "yaml")
    assert "sites:\n- place:\n    name: Bunia\n    country: COD\n" in text
    assert "  troops: unknown\n" in text and "  headquarters: none\n" in text
    assert loads(text, format="yaml") == m
    assert loads(dumps(m)) == m
    assert m.sources_of(site) == (geo,)
    with pytest.raises(ValidationError) as raised:
        mission(Site(place="Goma", as_of="2005", sources=["nowhere"]))
    assert messages(raised) == ["sites[0].sources[0]: cites source 'nowhere', which is not declared in 'sources'"]
    with pytest.raises(ValidationError) as raised:
        from_dict(
            {
                "id": "m",
                "name": "M",
                "kind": "peacekeeping",
                "status": "active",
                "sites": [{"place": "Goma", "as_of": "2005-13", "headquarters": "hq", "sources": ["x"]}],
            },
            Mission,
        )
    assert messages(raised) == [
        "sites[0].as_of: 'as_of' has month 13, out of range 1 to 12",
        "sites[0].headquarters: 'headquarters' must be one of 'none', 'contingent', 'sector', 'mission' (got 'hq' that is a str)",
        "sites[0].sources[0]: cites source 'x', which is not declared in 'sources'",
    ]


def test_as_of_leaves_out_later_sites() -> None:
    early, late = Site(place="Bunia", as_of="2003-06"), Site(place="Bunia", as_of="2010-01")
    assert mission(early, late).as_of("2005").sites == (early,)


def test_missions_without_sites_omit_the_key() -> None:
    assert "sites" not in dumps(mission())


@given(sites(["a", "b"]))
def test_generated_sites_round_trip(site: Site) -> None:
    assert loads(dumps(site), Site) == site
    assert loads(dumps(site, "yaml"), Site, format="yaml") == site


@given(site_contingents())
def test_generated_contingents_round_trip(contingent: SiteContingent) -> None:
    assert loads(dumps(contingent), SiteContingent) == contingent


@given(missions(max_records=2, histories=False))
def test_generated_missions_with_sites_round_trip(m: Mission) -> None:
    assert loads(dumps(m)) == m


def test_unknown_strengths_are_written_even_when_a_mission_was_written_before_any_site() -> None:
    script = (
        "import missionmodel as mm\n"
        "from missionmodel.site import Site, SiteContingent\n"
        "kw = dict(id='m', name='M', kind=mm.MissionKind.PEACEKEEPING, status=mm.MissionStatus.ACTIVE)\n"
        "mm.dumps(mm.Mission(**kw))\n"
        "site = Site(place='Goma', as_of='2005', contingents=[SiteContingent(contributor='IND')])\n"
        "print(mm.dumps(mm.Mission(**kw, sites=[site]), 'yaml'), end='')\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    expected = "sites:\n- place: Goma\n  as_of: '2005'\n  troops: unknown\n"
    expected += "  contingents:\n  - strength: unknown\n    contributor: IND\n"
    assert out.endswith(expected)
