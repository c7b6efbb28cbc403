"""Sources: what kind of document each is, in which language, and what a reader should know about it."""

from __future__ import annotations

import pycountry
import pytest
from hypothesis import given

import missionmodel as mm
from missionmodel import Source, SourceKind, testing
from missionmodel.exceptions import ErrorDetail
from missionmodel.sources import check_language


def test_a_source_with_its_kind_language_and_note() -> None:
    source = Source(id="afp-1", title="[Report of the pledges]", kind=SourceKind.NEWS_REPORT, publisher="AFP",
                    url="https://example.org/afp", language="fr", published="2026-02-19",
                    note="Republication of an AFP dispatch; the date is not shown on the page.")  # fmt: skip
    assert list(mm.to_dict(source)) == ["id", "title", "kind", "publisher", "url", "language", "published", "note"]
    assert mm.from_dict(mm.to_dict(source), Source) == source
    assert Source(id="s", title="T").kind is None and Source(id="s", title="T").language is None


def test_the_kinds_of_source() -> None:
    assert [kind.value for kind in SourceKind] == [
        "un_document", "press_release", "official_statement", "news_report", "analysis", "reference_work", "dataset",
        "social_media", "other",
    ]  # fmt: skip
    with pytest.raises(mm.ValidationError) as raised:
        mm.from_dict({"id": "s", "title": "T", "kind": "news"}, Source)
    [problem] = raised.value.errors
    assert problem.path == "kind" and "'news_report'" in problem.message


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("EN", "'language' must be an ISO 639-1 code in lower case, such as 'en' or 'fr' (got 'EN'); did you mean 'en'?"),
        ("Fr", "'language' must be an ISO 639-1 code in lower case, such as 'en' or 'fr' (got 'Fr'); did you mean 'fr'?"),
        ("eng", "'language' must be an ISO 639-1 code in lower case, such as 'en' or 'fr' (got 'eng')"),
        ("english", "'language' must be an ISO 639-1 code in lower case, such as 'en' or 'fr' (got 'english')"),
        ("zz", "'language' must be an ISO 639-1 code in lower case, such as 'en' or 'fr' (got 'zz')"),
    ],
)
def test_a_language_that_is_not_a_code_is_refused_with_a_hint(value: str, message: str) -> None:
    with pytest.raises(mm.ValidationError) as built:
        Source(id="s", title="T", language=value)
    with pytest.raises(mm.ValidationError) as loaded:
        mm.from_dict({"id": "s", "title": "T", "language": value}, Source)
    assert [(e.path, e.message) for e in built.value.errors] == [("language", message)]
    assert loaded.value.errors == built.value.errors


def test_the_languages_are_those_of_iso_639_1() -> None:
    codes = {language.alpha_2 for language in pycountry.languages if hasattr(language, "alpha_2")}
    assert {"en", "fr", "it", "id", "ar", "ru", "sv", "no", "es", "sw", "pl", "he"} <= codes
    for code in sorted(codes):
        found: list[ErrorDetail] = []
        check_language(code, "language", found)
        assert found == [], code


@given(testing.sources())
def test_generated_sources_round_trip(source: Source) -> None:
    assert mm.from_dict(mm.to_dict(source), Source) == source
    text = mm.dumps(source, format="yaml")
    assert mm.loads(text, Source, format="yaml") == source
    assert mm.dumps(mm.loads(text, Source, format="yaml"), format="yaml") == text


@given(testing.languages())
def test_generated_languages_are_accepted(language: str) -> None:
    assert Source(id="s", title="T", language=language).language == language


@pytest.mark.parametrize("name", ["isf", "unifil"])
def test_the_sources_of_the_shipped_datasets_give_their_kind_and_publisher(name: str) -> None:
    from missionmodel import datasets

    mission = datasets.load(name)
    assert [source.id for source in mission.sources if source.kind is None or source.publisher is None] == []
