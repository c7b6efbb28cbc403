"""The validation engine: one set of rules, the same messages built in code and loaded, fast and closed."""

from __future__ import annotations

import enum
import typing
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import missionmodel as mm
from missionmodel import _engine

# A valid document of each record class, as small as it can be.
BASES: dict[type, dict[str, Any]] = {
    mm.Contribution: {"contributor": "IDN", "kind": "troops", "status": "pledged"},
    mm.Mandate: {"authority": {"kind": "un_security_council"}},
    mm.Authority: {"kind": "un_security_council"},
    mm.Vote: {},
    mm.Appointment: {"post": "force_commander", "holder": "IDN"},
    mm.Position: {"actor": "IDN", "stance": "supports"},
    mm.Actor: {"id": "board", "name": "Board of Peace", "kind": "coalition"},
    mm.Source: {"id": "s", "title": "T"},
    mm.Place: {"name": "Naqoura"},
    mm.Fatality: {"date": "2020-01-01"},
    mm.PersonnelFigure: {"kind": "actual", "strength": 5},
    mm.Budget: {"start": "2010-07-01", "end": "2011-06-30", "kind": "approved"},
    mm.FatalityCount: {"count": 270},
    mm.Event: {"date": "2006-10-15", "summary": "The Maritime Task Force deploys."},
    mm.CoverageNote: {"status": "known", "text": "Budgets from 1978 on."},
    mm.Mission: {"id": "m", "name": "M", "kind": "peacekeeping", "status": "active"},
}

FIELDS = [(cls, field.name) for cls in BASES for field in attrs.fields(cls)]

# Bad values of every kind: wrong types, empty and blank text, a lone surrogate, control
# characters, numbers out of range and too long, lists with a wrong element, nested junk.
BAD_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    10_000_001,
    10**20,
    10**5000,
    [10**5000],
    {10**5000: 1},
    1.5,
    float("nan"),
    "",
    "   ",
    "\ud800",
    "isf\n",
    "x" * 300,
    "2026-13-40",
    "Indonesia",
    [],
    [1],
    ["ok", 2],
    ["\ud800"],
    {"min": -1},
    {"min": 9, "max": 1},
    {"junk": 1},
    set(),
    object(),
]


def _leaf(tp: Any) -> Any:
    args = [a for a in typing.get_args(tp) if a is not type(None) and a is not Ellipsis]
    return _leaf(args[0]) if args else tp


def _is_a_representation(cls: type, name: str, value: Any) -> bool:
    """True when ``value`` is how a document writes a valid value that code writes otherwise.

    Such values (an enum's text, a record's mapping) are read when loaded and refused when built
    in code, by design, so the two are not compared for them.
    """
    attrs.resolve_types(cls)
    leaf = _leaf(attrs.fields_dict(cls)[name].type)
    values = value if isinstance(value, list) else [value]
    if isinstance(leaf, type) and issubclass(leaf, enum.Enum):
        return any(isinstance(v, str) and v in {m.value for m in leaf} for v in values)
    if attrs.has(leaf) and leaf not in (mm.PartialDate, mm.Strength):
        return any(isinstance(v, dict) for v in values)
    return False


def _outcome(make: Any) -> tuple[str, Any]:
    try:
        return ("ok", make())
    except mm.ValidationError as error:
        return ("error", [(e.path, e.message) for e in error.errors])


def _built_and_loaded(cls: type, name: str, value: Any) -> tuple[tuple[str, Any], tuple[str, Any]]:
    base = mm.from_dict(BASES[cls], cls)
    fields = {field.name: getattr(base, field.name) for field in attrs.fields(cls)}
    built = _outcome(lambda: cls(**{**fields, name: value}))
    loaded = _outcome(lambda: mm.from_dict({**BASES[cls], name: value}, cls))
    return built, loaded


@pytest.mark.parametrize(("cls", "name"), FIELDS, ids=[f"{cls.__name__}.{name}" for cls, name in FIELDS])
def test_every_field_gives_the_same_message_built_and_loaded(cls: type, name: str) -> None:
    compared = 0
    for value in BAD_VALUES:
        if _is_a_representation(cls, name, value):
            continue
        built, loaded = _built_and_loaded(cls, name, value)
        assert built[0] == loaded[0], (value, built, loaded)
        if built[0] == "error":
            assert built[1] == loaded[1], value
            for _, message in built[1]:
                assert len(message) < 700  # the allowed values of a long enum, and at most ~80 characters of the value
                assert "sys.set_int_max_str_digits" not in message
        else:
            assert built[1] == loaded[1]
        compared += 1
    assert compared >= len(BAD_VALUES) - 6


_JUNK = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIELDS), _JUNK)
def test_generated_bad_values_give_the_same_message_built_and_loaded(field: tuple[type, str], value: Any) -> None:
    cls, name = field
    if _is_a_representation(cls, name, value):
        return
    built, loaded = _built_and_loaded(cls, name, value)
    assert built[0] == loaded[0]
    assert built[1] == loaded[1]


def test_loading_reports_cross_field_problems_with_a_broken_field() -> None:
    # An unknown kind and an end before the start: both reported at once.
    with pytest.raises(mm.ValidationError) as info:
        mm.from_dict({**BASES[mm.Mission], "kind": "robot", "established": "2020", "ended": "2019"}, mm.Mission)
    assert [e.path for e in info.value.errors] == ["kind", "ended"]


def test_cross_record_checks_run_on_the_readable_part_of_a_broken_record() -> None:
    document = {
        **BASES[mm.Mission],
        "contributions": [{"contributor": "IDN", "kind": "robots", "status": "pledged", "sources": ["nowhere"]}],
        "actors": [{"id": {}, "name": "X", "kind": "person"}],
    }
    with pytest.raises(mm.ValidationError) as info:
        mm.from_dict(document, mm.Mission)
    assert [(e.path, e.message.split(" (")[0]) for e in info.value.errors] == [
        (
            "contributions[0].kind",
            "'kind' must be one of 'troops', 'police', 'formed_police_units', 'individual_police', "
            "'military_observers', 'staff_officers', 'medical', 'engineers', 'training', 'civilian', 'funding', 'logistics'",
        ),
        ("contributions[0].sources[0]", "cites source 'nowhere', which is not declared in 'sources'"),
        ("actors[0].id", "'id' must be str"),
    ]


def test_a_huge_report_keeps_its_first_problems_and_counts_the_rest() -> None:
    document = {**BASES[mm.Mission], "contributions": [{"contributor": "IDN", "kind": "x", "status": "y"}] * 3000}
    with pytest.raises(mm.ValidationError) as info:
        mm.from_dict(document, mm.Mission)
    error = info.value
    assert error.count == 6000
    assert len(error.errors) == mm.ValidationError.MOST_KEPT
    assert str(error).splitlines()[0] == "Mission has 6,000 problems:"
    assert "more problems not shown" in str(error).splitlines()[-1]
    assert len(str(error)) < 20_000


def test_the_engine_imports_no_domain_class() -> None:
    from pathlib import Path

    source = Path(_engine.__file__).read_text(encoding="utf-8")
    for module in ("mission", "contribution", "appointment", "mandate", "strength", "dates", "place"):
        assert f"from .{module} import" not in source
        assert f"from missionmodel.{module} import" not in source


def test_ids_and_codes_refuse_control_characters_and_trailing_newlines() -> None:
    for value in ("isf\n", "is\tf", "isf\x00"):
        with pytest.raises(mm.ValidationError):
            mm.Source(id=value, title="T")
        with pytest.raises(mm.ValidationError):
            mm.Contribution(contributor=value, kind=mm.ContributionKind.TROOPS, status=mm.ContributionStatus.PLEDGED)
    with pytest.raises(mm.ValidationError):
        mm.Contribution(contributor="IDN\n", kind=mm.ContributionKind.TROOPS, status=mm.ContributionStatus.PLEDGED)


def test_numbers_are_bounded() -> None:
    with pytest.raises(mm.ValidationError, match="at most 10,000,000"):
        mm.Strength.exact(10_000_001)
    with pytest.raises(mm.ValidationError, match="at most 10,000,000"):
        mm.from_dict({**BASES[mm.Contribution], "female": 10_000_001}, mm.Contribution)
    with pytest.raises(mm.ValidationError) as info:
        mm.from_dict({**BASES[mm.Contribution], "strength": 10**5000}, mm.Contribution)
    assert "digits" in str(info.value) and "set_int_max_str_digits" not in str(info.value)
    assert len(str(info.value)) < 300


def test_messages_quote_at_most_about_80_characters_of_a_value() -> None:
    with pytest.raises(mm.ValidationError) as info:
        mm.from_dict({**BASES[mm.Contribution], "contributor": "Indonesia" * 30_000}, mm.Contribution)
    assert len(str(info.value)) < 400


def test_a_record_field_given_a_mapping_in_code_says_how_to_build_it() -> None:
    with pytest.raises(mm.ValidationError) as info:
        mm.Mandate(authority={"kind": "national"})  # type: ignore[arg-type]
    [problem] = info.value.errors
    assert problem.path == "authority"
    assert "in code, build Authority(...)" in problem.message


def test_a_bad_date_given_to_a_query_is_reported_at_the_argument() -> None:
    isf = mm.datasets.load("isf")
    with pytest.raises(mm.ValidationError) as info:
        isf.total_strength(on="Feb 2026")
    assert [(e.path, e.message.split(" (")[0]) for e in info.value.errors] == [
        ("on", "'on' must be a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'")
    ]
