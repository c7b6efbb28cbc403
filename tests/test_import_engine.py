"""The import engine (`missionmodel.importers._csv`): dates as tables write them, JSON exports,
row-level resilience and the post-pass, on a small table of its own."""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missionmodel.dates import PartialDate
from missionmodel.exceptions import FormatError
from missionmodel.importers._csv import FIELD_LIMIT, TWO_DIGIT_PIVOT, Cells, Layout, RowParser, read_date, run
from missionmodel.importers.result import RowIssue

LAYOUT = Layout(
    name="test table",
    columns={"name": ("name",), "date": ("date", "reporting date"), "count": ("count",)},
    required=frozenset({"name", "date"}),
)


def _parser(layout: Layout) -> RowParser[tuple[str, PartialDate, int | None]]:
    def parse(cells: Cells) -> Iterator[tuple[str, PartialDate, int | None]]:
        name = cells.text("name", required=True)
        date = cells.date("date", required=True)
        count = cells.integer("count")
        if name is not None and date is not None and not cells.problems:
            yield (name, date, count)

    return parse


def read(source, **options):
    return run(source, [LAYOUT], "the test table", _parser, strict=False, **options)


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2011-06-27", "2011-06-27"),
        ("2011-06-27T00:00:00Z", "2011-06-27"),
        ("31-Jan-21", "2021-01-31"),
        ("21-Feb-92", "1992-02-21"),
        ("21-feb-1992", "1992-02-21"),
        ("5 March 2003", "2003-03-05"),
        ("13may2003", "2003-05-13"),
        ("1sep1999", "1999-09-01"),
        ("2003m5", "2003-05"),
        ("2003m12", "2003-12"),
        ("2003-05", "2003-05"),
        ("1948", "1948"),
        (f"01-Jan-{TWO_DIGIT_PIVOT}", "1948-01-01"),
        (f"01-Jan-{TWO_DIGIT_PIVOT - 1}", "2047-01-01"),
    ],
)
def test_dates_in_the_forms_the_field_uses(text, date):
    found, repair, problem = read_date(text)
    assert (str(found), repair, problem) == (date, None, None)


def test_day_month_year_is_read_with_a_repair_unless_the_format_says_so():
    assert read_date("27/06/2011")[1] == "read the date '27/06/2011' as day/month/year: 2011-06-27"
    assert read_date("27/06/2011", day_first=True) == (PartialDate(year=2011, month=6, day=27), None, None)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("31-Feb-21", "is not a real date (got '31-Feb-21': day is out of range for month)"),
        ("2003m13", "is not a real date (got '2003m13': month must be in 1..12)"),
        ("13foo2003", "must be a date such as"),
        ("1617235200000", "must be a date such as"),  # epoch milliseconds only in a JSON export
        ("sometime", "must be a date such as"),
    ],
)
def test_what_is_not_a_date(text, problem):
    found, _, message = read_date(text)
    assert found is None and message is not None and message.startswith(problem)


def test_epoch_milliseconds_in_a_json_export():
    assert read_date("1617235200000", epoch=True) == (PartialDate(year=2021, month=4, day=1), None, None)
    assert read_date("0", epoch=True)[0] == PartialDate(year=1970, month=1, day=1)
    assert read_date("2003", epoch=True)[0] == PartialDate(year=2003)  # four digits: a year first
    before_1970 = int(datetime.datetime(1948, 7, 6, tzinfo=datetime.timezone.utc).timestamp()) * 1000
    assert read_date(str(before_1970), epoch=True)[0] == PartialDate(year=1948, month=7, day=6)
    found, repair, _ = read_date("1617238800000", epoch=True)  # 01:00 UTC: the time is dropped, said
    assert found == PartialDate(year=2021, month=4, day=1)
    assert repair == "read 1617238800000 (milliseconds since 1970) as 2021-04-01 01:00 UTC: kept the day 2021-04-01"


@given(st.dates(min_value=datetime.date(1948, 1, 1), max_value=datetime.date(2047, 12, 31)))
def test_two_digit_years_round_trip_within_the_pivot(day):
    for text in (day.strftime("%d-%b-%y"), day.strftime("%d%b%Y").lower(), day.isoformat()):
        assert read_date(text)[0] == PartialDate(year=day.year, month=day.month, day=day.day)
    assert read_date(f"{day.year}m{day.month}")[0] == PartialDate(year=day.year, month=day.month)


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_epoch_milliseconds_round_trip(day):
    moment = datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc)
    milliseconds = int(moment.timestamp()) * 1000
    assert read_date(str(milliseconds), epoch=True) == (PartialDate(year=day.year, month=day.month, day=day.day), None, None)


# --- rows that cannot be read reject themselves only -------------------------------------------


def test_an_oversized_cell_a_nul_byte_and_broken_quoting_reject_their_rows_only():
    huge = "x" * (FIELD_LIMIT + 1)
    text = f'name,date\na,2020-01-01\n"{huge}",2020-01-02\nb\x00,2020-01-03\nc,2020-01-04\n'
    result = read(io.StringIO(text))
    assert [record[0] for record in result.records] == ["a", "c"]
    assert (result.report.rows_read, result.report.rows_taken) == (4, 2)
    assert [(issue.row, issue.message) for issue in result.report.rejected] == [
        (3, f"has a cell longer than {FIELD_LIMIT:,} characters, or a quote that is never closed: not read"),
        (4, "contains a NUL byte"),
    ]


def test_the_limit_on_a_cell_does_not_depend_on_what_another_package_set():
    before = csv.field_size_limit(1 << 30)  # as reverse_geocode does when imported
    try:
        result = read(io.StringIO(f'name,date\n"{"x" * (FIELD_LIMIT + 1)}",2020-01-02\n'))
        assert result.report.rows_rejected == 1
        assert csv.field_size_limit() == 1 << 30
    finally:
        csv.field_size_limit(before)


def test_bytes_that_are_not_utf8_reject_their_rows_and_the_rest_is_read(tmp_path: Path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\xef\xbb\xbfname,date\na,2020-01-01\nC\xf4te,2020-01-02\n\"multi\nline \xff\",2020-01-03\nd,2020-01-04\n")
    result = read(path)
    assert [(record[0], str(record[1])) for record in result.records] == [("a", "2020-01-01"), ("d", "2020-01-04")]
    assert [str(issue) for issue in result.report.rejected] == [
        "line 3: has a byte that is not UTF-8 text (0xF4 at byte 2 of line 3): was the file saved in another encoding?",
        "line 4: has a byte that is not UTF-8 text (0xFF at byte 6 of line 5): was the file saved in another encoding?",
    ]
    assert result.report.rows_taken + result.report.rows_rejected == result.report.rows_read == 4


def test_a_header_that_is_not_utf8_is_a_format_error(tmp_path: Path):
    path = tmp_path / "header.csv"
    path.write_bytes(b"n\xe4me,date\na,2020-01-01\n")
    with pytest.raises(FormatError, match=r"line 1: the header has a byte that is not UTF-8 text \(0xE4"):
        read(path)


def test_an_unknown_header_names_the_missing_columns():
    with pytest.raises(FormatError, match=r"missing column\(s\) 'date'"):
        read(io.StringIO("name,when\na,2020\n"))


# --- JSON exports ----------------------------------------------------------------------------------


def test_a_json_array_is_read_as_rows_numbered_by_line():
    rows = [{"name": "a", "date": 1617235200000, "count": 3}, {"name": "b", "date": "2021-05-01", "count": None}]
    text = "[\n" + ",\n".join(json.dumps(row) for row in rows) + "\n]\n"
    result = read(io.StringIO(text))
    april, may = PartialDate(year=2021, month=4, day=1), PartialDate(year=2021, month=5, day=1)
    assert result.records == (("a", april, 3), ("b", may, None))
    assert result.report.format == "test table (JSON)"


def test_a_json_object_wrapping_the_rows_and_rows_that_are_not_objects():
    text = '{"meta": {"n": 4},\n "data": [\n  {"name": "a", "date": "2020-01-01"},\n  [1, 2],\n'
    text += '  {"name": {"x": 1}, "date": "2020-01-01"},\n  {"name": "d", "reporting date": "2020-01-02"}\n]}'
    result = read(io.StringIO(text))
    assert [record[0] for record in result.records] == ["a"]
    assert [str(issue) for issue in result.report.rejected] == [
        "line 4: is not a JSON object (got array)",
        "line 5: name: holds a JSON object, not a single value",
        "line 6, date: is empty",  # the key 'reporting date' is a second spelling of date: not read twice
    ]


def test_json_that_is_not_json_is_a_format_error_with_line_and_column():
    with pytest.raises(FormatError, match=r"line 2, column 11: not valid JSON"):
        read(io.StringIO('[{"name": "a", "date": "2020-01-01"},\n {"name": ]'))
    with pytest.raises(FormatError, match="holds no array of objects"):
        read(io.StringIO('{"data": 3}'))


# --- the post-pass ---------------------------------------------------------------------------------


def test_finish_reconciles_records_after_the_last_row():
    def keep_last_of_each_name(records, warn):
        last = {}
        for record in records:
            if record[0] in last:
                warn(RowIssue(row=0, column="name", message=f"{record[0]!r} given twice: kept the later row"))
            last[record[0]] = record
        return list(last.values())

    result = read(io.StringIO("name,date\na,2020-01-01\nb,2020-01-02\na,2020-02-01\n"), finish=keep_last_of_each_name)
    later, other = PartialDate(year=2020, month=2, day=1), PartialDate(year=2020, month=1, day=2)
    assert result.records == (("a", later, None), ("b", other, None))
    assert result.report.rows_taken == 3
    assert [issue.message for issue in result.report.warnings] == ["'a' given twice: kept the later row"]


# --- a point: the one rule every table shares ---------------------------------------------------

POINT = Layout(
    name="points",
    columns={"name": ("name",), "date": ("date",), "lat": ("lat",), "lon": ("lon",)},
    required=frozenset({"name", "date"}),
)


def _points(keep_row: bool):
    def parser(layout: Layout) -> RowParser[tuple[float | None, float | None]]:
        def parse(cells: Cells) -> Iterator[tuple[float | None, float | None]]:
            point = cells.coordinates("lat", "lon", keep_row=keep_row)
            if not cells.problems:
                yield point

        return parse

    return parser


@pytest.mark.parametrize("keep_row", [False, True])
def test_coordinates_one_rule(keep_row):
    text = "name,date,lat,lon\na,2020,33.1,35.1\nb,2020,35.1,33.1\nc,2020,135.1,33.1\nd,2020,,35.1\ne,2020,95,200\n"
    result = run(io.StringIO(text), [POINT], "points", _points(keep_row), strict=False)
    issues = [(issue.row, issue.column, issue.message) for issue in result.report.warnings]
    assert issues[:2] == [
        (4, "lat", "latitude 135.1 is out of range and longitude 33.1 is not: swapped them"),
        (5, "lon", "dropped: a coordinate was given without the other"),
    ]
    if keep_row:
        assert result.records == ((33.1, 35.1), (35.1, 33.1), (33.1, 135.1), (None, None), (None, None))
        assert issues[2] == (6, "lat", "latitude 95.0, longitude 200.0 is no place on Earth: dropped them")
    else:
        assert result.records == ((33.1, 35.1), (35.1, 33.1), (33.1, 135.1), (None, None))
        assert [str(issue) for issue in result.report.rejected] == ["line 6, lat: must be between -90 and 90 (got 95.0)"]


# --- a row the csv module cannot read costs that row only ---------------------------------------


@pytest.mark.parametrize("as_path", [False, True])
def test_a_quote_never_closed_costs_its_line_only(tmp_path: Path, as_path):
    good = "".join(f"n{k},2020-01-{k:02d}\n" for k in range(3, 30))
    text = 'name,date\na,2020-01-01\n"b,2020-01-02\n' + good  # the quote on line 3 is never closed
    source = tmp_path / "quote.csv" if as_path else io.StringIO(text)
    if as_path:
        source.write_text(text, encoding="utf-8")
    result = read(source)
    [issue] = result.report.rejected
    assert str(issue).startswith("line 3: has a quote that is not closed where the row ends (a row of 1 fields over lines 3 to")
    assert [record[0] for record in result.records] == ["a"] + [f"n{k}" for k in range(3, 30)]
    assert result.report.rows_read == result.report.rows_taken + result.report.rows_rejected == 29


def test_an_oversized_quoted_cell_over_lines_is_one_rejection_and_the_rest_is_read(tmp_path: Path):
    path = tmp_path / "long.csv"
    path.write_text('name,date\na,2020-01-01\n"' + "x" * (FIELD_LIMIT + 1) + '",2020-01-02\nc,2020-01-03\n', encoding="utf-8")
    result = read(path)
    assert [record[0] for record in result.records] == ["a", "c"]
    assert result.report.rows_rejected == 1


def test_a_byte_that_is_not_utf8_in_a_file_with_carriage_returns_only(tmp_path: Path):
    path = tmp_path / "mac.csv"
    path.write_bytes(b"name,date\ra,2020-01-01\rC\xf4te,2020-01-02\rd,2020-01-04\r")
    result = read(path)
    assert [record[0] for record in result.records] == ["a", "d"]
    assert [issue.row for issue in result.report.rejected] == [3]


def test_a_minified_json_export_numbers_its_rows_by_place():
    rows = [{"name": "a", "date": "2020"}, {"name": "", "date": "2020"}, {"name": "", "date": "2020"}]
    result = read(io.StringIO(json.dumps(rows)))
    assert result.report.format == "test table (JSON; rows numbered by their place in the array)"
    assert result.report.rejected_rows == (2, 3)
    assert result.report.rows_read == result.report.rows_taken + result.report.rows_rejected == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[{"name": "a", "date": "2020", "n": %s}]' % ("1" * 5000), "not readable as JSON"),
        ("[" * 100_000, "not readable as JSON: the values are nested too deep"),
    ],
)
def test_json_that_python_cannot_hold_is_a_format_error(text, message):
    with pytest.raises(FormatError, match=message):
        read(io.StringIO(text))


def test_epoch_milliseconds_beyond_the_calendar_are_a_problem():
    found, _, problem = read_date("-99999999999999", epoch=True)
    assert found is None and problem is not None and "not between the years 1 and 9999" in problem
