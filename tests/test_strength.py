import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import missionmodel as mm
from missionmodel import Strength, ValidationError
from missionmodel.strength import FORMS, _text_pattern
from missionmodel.testing import strengths


def test_constructors_keep_what_was_said():
    assert Strength.exact(500) == Strength(low=500, high=500)
    assert Strength.at_most(8000) == Strength(low=0, high=8000)
    assert Strength.at_least(100) == Strength(low=100, high=None)
    assert Strength.between(5000, 8000) == Strength(low=5000, high=8000)
    assert Strength.unknown() == Strength(low=0, high=None)


@pytest.mark.parametrize(
    ("strength", "text"),
    [
        (Strength.exact(1231), "1,231"),
        (Strength.at_most(8000), "up to 8,000"),
        (Strength.at_least(500), "at least 500"),
        (Strength.between(5000, 8000), "5,000 to 8,000"),
        (Strength.unknown(), "unknown"),
        (Strength.exact(0), "0"),
    ],
)
def test_str_reads_as_written(strength, text):
    assert str(strength) == text


def test_addition_is_interval_addition():
    assert Strength.exact(500) + Strength.at_most(8000) == Strength.between(500, 8500)
    assert Strength.exact(500) + Strength.unknown() == Strength.at_least(500)
    assert Strength.between(1, 2) + 3 == Strength.between(4, 5)
    assert sum([Strength.exact(1), Strength.exact(2)]) == Strength.exact(3)


def test_adding_something_else_is_a_type_error():
    with pytest.raises(TypeError):
        Strength.exact(1) + "2"  # type: ignore[operator]


def test_predicates_and_membership():
    assert Strength.exact(3).is_exact
    assert not Strength.at_most(3).is_exact
    assert Strength.unknown().is_unknown
    assert not Strength.at_least(1).is_unknown
    assert Strength.at_most(3).is_bounded
    assert not Strength.at_least(3).is_bounded
    assert 8000 in Strength.at_most(8000)
    assert 8001 not in Strength.at_most(8000)
    assert 10**9 in Strength.at_least(5)
    assert "5" not in Strength.at_least(5)
    assert True not in Strength.at_least(0)


def test_hull_covers_both():
    assert Strength.between(5000, 8000).hull(Strength.at_most(8000)) == Strength.at_most(8000)
    assert Strength.exact(3).hull(Strength.at_least(10)) == Strength.at_least(3)


def test_negative_is_rejected():
    with pytest.raises(ValidationError) as info:
        Strength.exact(-1)
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("", "must not be negative (got -1)"),
    ]


def test_inverted_range_is_rejected():
    with pytest.raises(ValidationError) as info:
        Strength.between(10, 5)
    assert info.value.errors[0].message == "is an inverted range: the lower bound 10 is above the upper bound 5"


def test_wrong_types_are_rejected():
    with pytest.raises(ValidationError) as info:
        Strength(low="5", high=True)  # type: ignore[arg-type]
    messages = [e.message for e in info.value.errors]
    assert messages == ["'low' must be int (got '5' that is a str)", "'high' must be int (got True that is a bool)"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12, Strength.exact(12)),
        ("unknown", Strength.unknown()),
        ({"min": 0, "max": 8000}, Strength.at_most(8000)),
        ({"min": 100}, Strength.at_least(100)),
        ({"max": 2000}, Strength.at_most(2000)),
        ({"min": 100, "max": None}, Strength.at_least(100)),
        ("up to 2,000", Strength.at_most(2000)),
        ("1,231", Strength.exact(1231)),
    ],
)
def test_coerce_reads_canonical_and_friendly_forms(value, expected):
    assert Strength.coerce(value) == expected


ANY_FORM = f"a range {{min: .., max: ..}} (either bound may be left out), or text such as {FORMS}"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("lots", f"must be a number of personnel written as {FORMS} (got 'lots' that is a str)"),
        (True, f"must be a number, {ANY_FORM} (got True that is a bool)"),
        (800.0, f"must be a number, {ANY_FORM} (got 800.0 that is a float)"),
        ([1, 2], f"must be a number, {ANY_FORM} (got [1, 2] that is a list)"),
        ({}, "must give 'min' (at least), 'max' (up to) or both (got {} that is a dict)"),
        ({"max": None}, "must give 'min' (at least), 'max' (up to) or both (got {'max': None} that is a dict)"),
        ({"min": 1, "most": 5}, "has unknown key(s) 'most'; a strength range has 'min' (at least), 'max' (up to) or both"),
        ({"max": -5}, "must not be negative (got -5)"),
    ],
)
def test_coerce_rejects_other_forms(value, message):
    with pytest.raises(ValidationError) as info:
        Strength.coerce(value)
    assert info.value.errors[0].message == message


@given(strengths(), strengths())
def test_addition_commutes(a, b):
    assert a + b == b + a


@given(strengths(), strengths(), strengths())
def test_addition_associates(a, b, c):
    assert (a + b) + c == a + (b + c)


@given(strengths())
def test_exact_zero_is_the_identity(a):
    assert a + Strength.exact(0) == a
    assert sum([a]) == a


@given(st.data(), strengths(), strengths())
def test_sum_of_members_is_a_member_of_the_sum(data, a, b):
    x = data.draw(st.integers(a.low, a.high if a.high is not None else a.low + 1000))
    y = data.draw(st.integers(b.low, b.high if b.high is not None else b.low + 1000))
    assert x + y in a + b


@given(strengths(), strengths())
def test_hull_contains_both_bounds(a, b):
    hull = a.hull(b)
    assert a.low in hull and b.low in hull
    if hull.high is not None:
        assert a.high is not None and b.high is not None
        assert a.high in hull and b.high in hull


@given(strengths())
def test_coerce_reads_back_the_canonical_form(a):
    assert Strength.coerce(a._to_canonical()) == a


def test_range_bounds_of_the_wrong_type_are_named_as_written():
    with pytest.raises(ValidationError) as info:
        Strength.coerce({"min": "5", "max": True})
    assert [e.message for e in info.value.errors] == [
        "has 'min' of the wrong type: must be int (got '5' that is a str); "
        "has 'max' of the wrong type: must be int (got True that is a bool)"
    ]


# --- Strength.parse: text as people write it ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,231", Strength.exact(1231)),
        ("1231", Strength.exact(1231)),
        ("0", Strength.exact(0)),
        ("10,000,000", Strength.exact(10_000_000)),
        ("up to 2,000", Strength.at_most(2000)),
        ("Up To 2,000", Strength.at_most(2000)),
        ("  up   to\t2,000 ", Strength.at_most(2000)),
        ("at most 2,000", Strength.at_most(2000)),
        ("no more than 2,000", Strength.at_most(2000)),
        ("not more than 2000", Strength.at_most(2000)),
        ("at least 500", Strength.at_least(500)),
        ("no fewer than 500", Strength.at_least(500)),
        ("no less than 500", Strength.at_least(500)),
        ("more than 500", Strength.at_least(501)),
        ("fewer than 500", Strength.at_most(499)),
        ("less than 1", Strength.exact(0)),
        ("5,000 to 8,000", Strength.between(5000, 8000)),
        ("5,000\u20138,000", Strength.between(5000, 8000)),  # en dash
        ("5,000 \u2013 8,000", Strength.between(5000, 8000)),
        ("5000-8000", Strength.between(5000, 8000)),
        ("5,000\u20148,000", Strength.between(5000, 8000)),  # em dash
        ("between 5,000 and 8,000", Strength.between(5000, 8000)),
        ("from 5,000 to 8,000", Strength.between(5000, 8000)),
        ("0 to 8,000", Strength.at_most(8000)),
        ("500 to 500", Strength.exact(500)),
        ("unknown", Strength.unknown()),
        ("Unknown", Strength.unknown()),
        ("at least 0", Strength.unknown()),
    ],
)
def test_parse_reads_what_people_write(text, expected):
    assert Strength.parse(text) == expected


def test_more_than_is_not_at_least():
    # Whole people: "more than 500" rules out 500, which "at least 500" would admit.
    more = Strength.parse("more than 500")
    assert 500 not in more and 501 in more
    assert str(more) == "at least 501"
    fewer = Strength.parse("fewer than 500")
    assert 500 not in fewer and 499 in fewer
    assert str(fewer) == "up to 499"


DIGITS = "must be a whole number, with commas between thousands ('1,231')"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lots", f"must be a number of personnel written as {FORMS} (got 'lots' that is a str)"),
        ("", f"must be a number of personnel written as {FORMS} (got '' that is a str)"),
        ("1,231 troops", f"must be a number of personnel written as {FORMS} (got '1,231 troops' that is a str)"),
        ("over 500", f"must be a number of personnel written as {FORMS} (got 'over 500' that is a str)"),
        ("5,000to8,000", f"must be a number of personnel written as {FORMS} (got '5,000to8,000' that is a str)"),
        ("1.231", f"{DIGITS}: '1.231' has a decimal point (got '1.231' that is a str)"),
        ("up to 2.5", f"{DIGITS}: '2.5' has a decimal point (got 'up to 2.5' that is a str)"),
        ("12,34", f"{DIGITS}: the commas of '12,34' are not between thousands (got '12,34' that is a str)"),
        ("1,2345", f"{DIGITS}: the commas of '1,2345' are not between thousands (got '1,2345' that is a str)"),
        ("-500", "must not be negative (got '-500' that is a str)"),
        ("fewer than 0", "cannot be fewer than 0 personnel (got 'fewer than 0' that is a str)"),
        ("8,000 to 5,000", "is an inverted range: the lower bound 8,000 is above the upper bound 5,000"),
        ("20,000,000", "must be at most 10,000,000 personnel (got 20,000,000)"),
        ("9" * 40, "must be at most 10,000,000 personnel (got a number of 40 digits)"),
        (
            "about 800",
            "cannot be approximate (got 'about 800' that is a str): a strength is an exact number or a range;"
            " write the number the source gives, or a range that it supports (such as '700 to 900');"
            " only a personnel figure can mark its number as approximate (approximate: true)",
        ),
    ],
)
def test_parse_refuses_anything_else_with_a_plain_message(text, message):
    with pytest.raises(ValidationError) as info:
        Strength.parse(text)
    assert [(e.path, e.message) for e in info.value.errors] == [("", message)]
    assert info.value.subject == "Strength"


@pytest.mark.parametrize("text", ["about 800", "around 800", "approximately 5,000 to 8,000", "some 800", "c. 800", "~800"])
def test_parse_refuses_every_approximate_form(text):
    with pytest.raises(ValidationError, match="cannot be approximate"):
        Strength.parse(text)


def test_parse_takes_text_only():
    with pytest.raises(ValidationError) as info:
        Strength.parse(800)  # type: ignore[arg-type]
    assert info.value.errors[0].message == f"must be text such as {FORMS} (got 800 that is an int)"


def test_a_huge_text_is_refused_with_a_short_message():
    with pytest.raises(ValidationError) as info:
        Strength.parse("up to " + "1" * 100_000)
    assert len(str(info.value)) < 200


@given(strengths())
def test_parse_inverts_str(a):
    assert Strength.parse(str(a)) == a


@given(strengths(), st.sampled_from([str.upper, str.title, lambda t: f"  {t}\t", lambda t: t.replace(" ", "  ")]))
def test_parse_ignores_case_and_spacing(a, change):
    assert Strength.parse(change(str(a))) == a


@given(st.integers(0, 10_000_000), st.integers(0, 10_000_000), st.sampled_from(["-", "\u2013", " to ", " - ", " \u2013 "]))
def test_ranges_read_with_any_dash(low, high, dash):
    low, high = min(low, high), max(low, high)
    for written in (f"{low:,}{dash}{high:,}", f"{low}{dash}{high}"):
        assert Strength.parse(written) == Strength(low=low, high=high)


# --- the JSON Schema pattern of strengths written as text ----------------------------------------


PATTERN = re.compile(_text_pattern())
APPROXIMATE_PATTERN = re.compile(_text_pattern(approximate=True))


@given(strengths())
def test_the_schema_pattern_matches_every_printed_strength(a):
    assert PATTERN.search(str(a)) is not None
    assert PATTERN.search(str(a).upper()) is not None


@pytest.mark.parametrize(
    "text",
    [t for t in ("1,231", "Up To 2,000", "no fewer than 5", "more than 500", "5,000\u20138,000", "between 1 and 2", "unknown")],
)
def test_the_schema_pattern_matches_what_parse_reads(text):
    Strength.parse(text)
    assert PATTERN.search(text) is not None


@pytest.mark.parametrize("text", ["lots", "1.231", "12,34", "-500", "about 800", "5,000to8,000", "1,231 troops", ""])
def test_the_schema_pattern_refuses_what_parse_refuses(text):
    with pytest.raises(ValidationError):
        Strength.parse(text)
    assert PATTERN.search(text) is None


def test_the_approximate_pattern_adds_the_approximate_forms():
    assert APPROXIMATE_PATTERN.search("about 800") is not None
    assert APPROXIMATE_PATTERN.search("Around 5,000 to 8,000") is not None
    assert APPROXIMATE_PATTERN.search("about lots") is None
    assert PATTERN.search("about 800") is None


@given(st.text(alphabet="0123456789,.- \u2013tounkwlebsimaxfrpc~", max_size=20))
def test_the_schema_pattern_agrees_with_parse(text):
    try:
        Strength.parse(text)
    except ValidationError as error:
        message = error.errors[0].message
        # the pattern checks the form only; the value rules (negative, too many, inverted) are the loader's
        assert PATTERN.search(text) is None or message.startswith(("is an inverted range", "must be at most", "cannot be fewer"))
    else:
        assert PATTERN.search(text) is not None


# --- documents: every reader takes the friendly forms, every writer the canonical one -------------


CONTRIBUTION = {"contributor": "IDN", "kind": "troops", "status": "pledged"}
IN_CODE = {"contributor": "IDN", "kind": mm.ContributionKind.TROOPS, "status": mm.ContributionStatus.PLEDGED}


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ({"max": 2000}, {"min": 0, "max": 2000}),
        ({"min": 500}, {"min": 500}),
        ("up to 2,000", {"min": 0, "max": 2000}),
        ("at least 500", {"min": 500}),
        ("5,000 to 8,000", {"min": 5000, "max": 8000}),
        ("5,000\u20138,000", {"min": 5000, "max": 8000}),
        ("1,231", 1231),
        ("500", 500),
        ("unknown", "unknown"),
    ],
)
def test_documents_take_the_friendly_forms_and_write_the_canonical_one(written, canonical):
    data = {**CONTRIBUTION, "strength": written}
    from_dict = mm.from_dict(data, mm.Contribution)
    from_json = mm.loads(json.dumps(data), mm.Contribution)
    yaml_value = json.dumps(written) if isinstance(written, dict) else written
    from_yaml = mm.loads(
        "contributor: IDN\nkind: troops\nstatus: pledged\nstrength: " + yaml_value + "\n", mm.Contribution, "yaml"
    )
    assert from_dict == from_json == from_yaml == mm.Contribution(**IN_CODE, strength=written)
    assert mm.to_dict(from_dict)["strength"] == canonical
    assert mm.loads(mm.dumps(from_yaml, "yaml"), mm.Contribution, "yaml") == from_yaml


def test_every_strength_field_of_a_mission_takes_the_friendly_forms():
    text = """\
id: force
name: Test Force
kind: stabilization
status: authorized
mandates:
- authority: {kind: un_security_council}
  authorized_strength: up to 20,000
contributions:
- contributor: IDN
  kind: troops
  status: pledged
  strength: 5,000–8,000
- {contributor: KAZ, kind: troops, status: pledged, strength: {max: 300}}
personnel:
- kind: actual
  strength: about 800
  personnel: [civilian]
- {kind: planned, strength: 'at least 1,000'}
sites:
- place: Naqoura
  as_of: 2024-09
  troops: up to 1,500
  contingents:
  - {contributor: NPL, strength: 850}
"""
    mission = mm.loads(text, format="yaml")
    assert mission.mandates[0].authorized_strength == Strength.at_most(20000)
    assert [c.strength for c in mission.contributions] == [Strength.between(5000, 8000), Strength.at_most(300)]
    figure = mission.personnel[0]
    assert (figure.strength, figure.approximate) == (Strength.exact(800), True)
    assert (mission.personnel[1].strength, mission.personnel[1].approximate) == (Strength.at_least(1000), False)
    assert mission.sites[0].troops == Strength.at_most(1500)
    data = mm.to_dict(mission)
    assert data["personnel"][0] == {"kind": "actual", "strength": 800, "personnel": ["civilian"], "approximate": True}
    assert data["mandates"][0]["authorized_strength"] == {"min": 0, "max": 20000}
    assert data["contributions"][1]["strength"] == {"min": 0, "max": 300}
    assert mm.loads(mm.dumps(mission), mm.Mission) == mission


@pytest.mark.parametrize("approximate", [None, True])
def test_a_personnel_figure_reads_about_as_approximate(approximate):
    data = {"kind": "actual", "strength": "about 10,800"}
    if approximate is not None:
        data["approximate"] = approximate
    figure = mm.from_dict(data, mm.PersonnelFigure)
    assert figure == mm.PersonnelFigure(kind=mm.FigureKind.ACTUAL, strength=10800, approximate=True)
    assert str(figure) == "about 10,800 personnel (actual)"
    assert mm.loads(json.dumps(data), mm.PersonnelFigure) == figure


def test_a_personnel_figure_said_not_approximate_cannot_say_about():
    with pytest.raises(ValidationError) as info:
        mm.from_dict({"kind": "actual", "strength": "about 800", "approximate": False}, mm.PersonnelFigure)
    assert [e.path for e in info.value.errors] == ["strength"]
    assert info.value.errors[0].message.startswith("'strength' cannot be approximate (got 'about 800' that is a str)")


def test_about_is_refused_where_the_record_cannot_say_approximate():
    text = '{"id": "f", "name": "F", "kind": "naval", "status": "active", "contributions": [%s]}'
    claim = json.dumps({**CONTRIBUTION, "strength": "about 800"})
    with pytest.raises(ValidationError) as info:
        mm.loads(text % claim)
    [problem] = info.value.errors
    assert problem.path == "contributions[0].strength"
    assert problem.message.startswith("'strength' cannot be approximate (got 'about 800' that is a str): ")
    assert "only a personnel figure can mark its number as approximate (approximate: true)" in problem.message


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("lots", f"'strength' must be a number of personnel written as {FORMS} (got 'lots' that is a str)"),
        ("1.231", f"'strength' {DIGITS}: '1.231' has a decimal point (got '1.231' that is a str)"),
        ("8,000 to 5,000", "'strength' is an inverted range: the lower bound 8,000 is above the upper bound 5,000"),
        ({"max": "2,000"}, "'strength' has 'max' of the wrong type: must be int (got '2,000' that is a str)"),
        ({}, "'strength' must give 'min' (at least), 'max' (up to) or both (got {} that is a dict)"),
    ],
)
def test_a_bad_strength_in_a_document_is_reported_at_its_path(written, message):
    with pytest.raises(ValidationError) as info:
        mm.from_dict({**CONTRIBUTION, "strength": written, "female": -1}, mm.Contribution)
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("strength", message),
        ("female", "'female' must not be negative (got -1)"),
    ]


def test_records_built_in_code_take_the_same_forms():
    claim = mm.Contribution(**IN_CODE, strength="up to 2,000")
    assert claim.strength == Strength.at_most(2000)
    assert mm.Mandate(
        authority=mm.Authority(kind=mm.AuthorityKind.NATIONAL), authorized_strength={"max": 50}
    ).authorized_strength == (Strength.at_most(50))
    with pytest.raises(ValidationError, match="cannot be approximate"):
        mm.Contribution(**IN_CODE, strength="about 800")
