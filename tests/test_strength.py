import pytest
from hypothesis import given
from hypothesis import strategies as st

from missionmodel import Strength, ValidationError
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
    ],
)
def test_coerce_reads_canonical_forms(value, expected):
    assert Strength.coerce(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("lots", "must be an int, a mapping with 'min' and 'max', or 'unknown' (got 'lots' that is a str)"),
        (True, "must be an int, a mapping with 'min' and 'max', or 'unknown' (got True that is a bool)"),
        ({"max": 5}, "needs 'min' in a strength range (use 0 for 'up to')"),
        ({"min": 1, "most": 5}, "has unknown key(s) 'most'; a strength range has 'min' and 'max'"),
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
