import datetime

import pytest
from hypothesis import given

from missionmodel import PartialDate, ValidationError
from missionmodel.testing import partial_dates


@pytest.mark.parametrize(
    ("text", "fields"),
    [("1978", (1978, None, None)), ("2026-02", (2026, 2, None)), ("2026-02-19", (2026, 2, 19))],
)
def test_parse(text, fields):
    date = PartialDate.parse(text)
    assert (date.year, date.month, date.day) == fields
    assert str(date) == text
    assert date.isoformat() == text


def test_earliest_and_latest():
    assert PartialDate.parse("1978").earliest() == datetime.date(1978, 1, 1)
    assert PartialDate.parse("1978").latest() == datetime.date(1978, 12, 31)
    assert PartialDate.parse("2024-02").latest() == datetime.date(2024, 2, 29)
    assert PartialDate.parse("2025-02").latest() == datetime.date(2025, 2, 28)
    assert PartialDate.parse("2026-02-19").earliest() == PartialDate.parse("2026-02-19").latest()


def test_precision_and_contains():
    assert PartialDate.parse("2026").precision == "year"
    assert PartialDate.parse("2026-02").precision == "month"
    assert PartialDate.parse("2026-02-19").precision == "day"
    assert PartialDate.parse("2026").contains("2026-02-19")
    assert not PartialDate.parse("2026-02").contains("2026")


def test_coerce():
    assert PartialDate.coerce(datetime.date(2026, 2, 19)) == PartialDate.parse("2026-02-19")
    assert PartialDate.coerce(1978) == PartialDate(year=1978)
    assert PartialDate.coerce("2026-02") == PartialDate(year=2026, month=2)


def test_ordering_puts_less_precise_first():
    assert PartialDate.parse("1978") < PartialDate.parse("1978-01") < PartialDate.parse("1978-01-01")
    assert PartialDate.parse("1978-12-31") < PartialDate.parse("1979")
    assert sorted(map(PartialDate.parse, ["2026-02-19", "2025", "2026-02"])) == [
        PartialDate(year=2025),
        PartialDate(year=2026, month=2),
        PartialDate(year=2026, month=2, day=19),
    ]


def test_comparison_with_other_types_is_refused():
    with pytest.raises(TypeError):
        _ = PartialDate(year=2020) < "2021"  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("19 Feb 2026", "must be a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (got '19 Feb 2026')"),
        ("2026-13", "has month 13, out of range 1 to 12"),
        ("2025-02-29", "has day 29, out of range 1 to 28 for 2025-02"),
        ("0000", "has year 0, out of range 1 to 9999"),
    ],
)
def test_bad_text_is_rejected_with_the_reason(text, message):
    with pytest.raises(ValidationError) as info:
        PartialDate.parse(text)
    assert [e.message for e in info.value.errors] == [message]


def test_day_without_month_is_rejected():
    with pytest.raises(ValidationError) as info:
        PartialDate(year=2020, day=3)
    assert info.value.errors[0].message == "has a day but no month"


@given(partial_dates())
def test_text_round_trip(date):
    assert PartialDate.parse(str(date)) == date


@given(partial_dates())
def test_earliest_not_after_latest(date):
    assert date.earliest() <= date.latest()
    assert date.contains(date)


@given(partial_dates(), partial_dates())
def test_ordering_is_total_and_antisymmetric(a, b):
    assert (a < b) + (a == b) + (a > b) == 1
    assert (a <= b) == (not a > b)


@given(partial_dates(), partial_dates(), partial_dates())
def test_ordering_is_transitive(a, b, c):
    if a <= b and b <= c:
        assert a <= c


@given(partial_dates(), partial_dates())
def test_ordering_agrees_with_earliest_day(a, b):
    if a < b:
        assert a.earliest() <= b.earliest()


def test_a_time_of_day_is_refused_rather_than_dropped():
    assert PartialDate.coerce(datetime.datetime(2026, 2, 19)) == PartialDate.parse("2026-02-19")
    with pytest.raises(ValidationError) as info:
        PartialDate.coerce(datetime.datetime(2026, 2, 19, 10, 30))
    assert info.value.errors[0].message == "must be a date without a time of day (got 2026-02-19 10:30:00)"
