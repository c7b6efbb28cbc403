import pytest
from hypothesis import given

import missionmodel as mm
from missionmodel.personnel import FigureKind, PersonnelFigure
from missionmodel.testing import personnel_figures


def test_str_reads_as_reported():
    figure = PersonnelFigure(
        kind=FigureKind.ACTUAL,
        strength=10058,
        personnel=[mm.ContributionKind.TROOPS],
        contributing_countries=50,
        as_of="2024-09-02",
    )
    assert str(figure) == "10,058 troops from 50 countries (actual, 2024-09-02)"
    about = PersonnelFigure(kind=FigureKind.ACTUAL, strength=9900, approximate=True, as_of="2025-11-20")
    assert str(about) == "about 9,900 personnel (actual, 2025-11-20)"
    planned = PersonnelFigure(kind=FigureKind.PLANNED, strength=20000, personnel=[mm.ContributionKind.TROOPS])
    assert str(planned) == "20,000 troops (planned)"


def test_canonical_form():
    figure = PersonnelFigure(
        kind=FigureKind.ACTUAL, strength=800, approximate=True, personnel=[mm.ContributionKind.CIVILIAN], as_of="2024-10"
    )
    assert mm.to_dict(figure) == {
        "kind": "actual",
        "strength": 800,
        "personnel": ["civilian"],
        "approximate": True,
        "as_of": "2024-10",
    }
    exact = PersonnelFigure(kind=FigureKind.PLANNED, strength=20000)
    assert mm.to_dict(exact) == {"kind": "planned", "strength": 20000}


def test_problems_are_reported_together():
    with pytest.raises(mm.ValidationError) as info:
        mm.from_dict({"kind": "actual", "strength": 5, "approximate": "yes", "contributing_countries": 0}, PersonnelFigure)
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("approximate", "'approximate' must be true or false (got 'yes' that is a str)"),
        ("contributing_countries", "'contributing_countries' must be at least 1 (got 0)"),
    ]
    with pytest.raises(mm.ValidationError) as info:
        PersonnelFigure(
            kind=FigureKind.ACTUAL,
            strength=5,
            approximate=1,
            personnel=[mm.ContributionKind.TROOPS] * 2,  # type: ignore[arg-type]
        )
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("personnel", "'personnel' lists a kind more than once"),
        ("approximate", "'approximate' must be true or false (got 1 that is an int)"),
    ]


@given(personnel_figures())
def test_round_trip(figure):
    assert mm.loads(mm.dumps(figure), PersonnelFigure) == figure
    assert mm.loads(mm.dumps(figure, format="yaml"), PersonnelFigure, format="yaml") == figure
