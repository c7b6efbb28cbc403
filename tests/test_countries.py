import pytest

from missionmodel.countries import KOSOVO, code_problem, country_name, is_country_code, suggest_code


def test_codes():
    assert is_country_code("IDN")
    assert is_country_code(KOSOVO)
    assert not is_country_code("idn")
    assert not is_country_code("ID")
    assert not is_country_code(360)


def test_names():
    assert country_name("IDN") == "Indonesia"
    assert country_name("XKX") == "Kosovo"
    assert country_name("KOR") == "South Korea"
    with pytest.raises(KeyError, match="'XYZ' is not an ISO 3166-1 alpha-3 code"):
        country_name("XYZ")


@pytest.mark.parametrize(
    ("text", "code"),
    [("ID", "IDN"), ("idn", "IDN"), ("Indonesia", "IDN"), ("XK", "XKX"), ("kosovo", "XKX"), ("Atlantis", None)],
)
def test_suggest_code(text, code):
    assert suggest_code(text) == code


def test_code_problem_hints():
    assert code_problem("IDN") is None
    assert code_problem("ID") == "'ID' is not an ISO 3166-1 alpha-3 country code; did you mean 'IDN'?"
    assert code_problem("XYZ") == "'XYZ' is not an ISO 3166-1 alpha-3 country code"
