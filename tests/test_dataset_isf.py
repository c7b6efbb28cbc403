"""The shipped ISF dataset after March 2026: claims, the timeline, sources and coverage, through the public API."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

import missionmodel as mm
from missionmodel import ContributionKind, ContributionStatus, MissionStatus, PartialDate, Post, Stance, datasets
from missionmodel.coverage import CoverageStatus, Topic
from missionmodel.event import EventKind
from missionmodel.sources import SourceKind
from missionmodel.timeline import certainly_before

K = ContributionKind
S = ContributionStatus


@pytest.fixture(scope="module")
def isf() -> mm.Mission:
    return datasets.load("isf")


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def current(isf: mm.Mission, contributor: str, kind: ContributionKind, on: str | None = None) -> list[tuple[S, str]]:
    return [(c.status, str(c.as_of)) for c in isf.latest_claims(kind=kind, on=on) if c.contributor == contributor]


# --- contributions ----------------------------------------------------------------------------------


def test_indonesia_pledged_on_1_march_and_suspended_from_17_march_2026(isf: mm.Mission) -> None:
    assert current(isf, "IDN", K.TROOPS, on="2026-03-01") == [(S.PLEDGED, "2026-02-19")]
    assert current(isf, "IDN", K.TROOPS, on="2026-03-16") == [(S.PLEDGED, "2026-02-19")]
    assert current(isf, "IDN", K.TROOPS, on="2026-03-17") == [(S.SUSPENDED, "2026-03-17")]
    assert current(isf, "IDN", K.TROOPS) == [(S.SUSPENDED, "2026-03-17")]
    (standing,) = [s for s in isf.standings() if s.contributor == "IDN"]
    assert (standing.kind, standing.statuses, standing.as_of) == (K.TROOPS, (S.SUSPENDED,), d("2026-03-17"))
    (claim,) = standing.claims
    assert claim.sources == ("viva-antara-2026-03-17", "anews-2026-03-18")
    assert {isf.source(s).publisher for s in claim.sources} == {"jawawa.id (VIVA/ANTARA)", "A News (Anadolu Agency)"}
    assert claim.contribution.note is not None and '"Everything is on hold"' in claim.contribution.note
    assert "IDN" not in isf.contributors()


def test_indonesia_keeps_the_deputy_command_and_the_suspension_is_an_event(isf: mm.Mission) -> None:
    appointment = isf.holder_on(Post.DEPUTY_FORCE_COMMANDER, "2026-07-01")
    assert appointment is not None and appointment.holder == "IDN" and appointment.end is None
    (event,) = [e for e in isf.events if e.id == "indonesia-suspends-deployment"]
    assert (event.date, event.kind, event.actors) == (d("2026-03-17"), EventKind.DECISION, ("IDN",))
    assert event.sources == ("viva-antara-2026-03-17", "anews-2026-03-18")
    (on_hold,) = [e for e in isf.events if e.id == "indonesia-discussions-on-hold"]
    assert on_hold.date == d("2026-03-03")
    assert on_hold.note is not None and "late Tuesday" in on_hold.note
    (notes,) = [n for n in isf.coverage if n.topic is Topic.APPOINTMENTS]
    assert notes.status is CoverageStatus.MISSING and "deputy commander" in notes.text


def test_kosovo_approved_on_1_may_2026(isf: mm.Mission) -> None:
    assert current(isf, "XKX", K.TROOPS, on="2026-04-16") == [(S.PLEDGED, "2026-02-19")]
    assert current(isf, "XKX", K.TROOPS, on="2026-05-01") == [(S.APPROVED, "2026-04-17")]
    (approval,) = [c for c in isf.contributions_of("XKX") if c.status is S.APPROVED]
    assert approval.note is not None and '"Friday"' in approval.note and "getduit.com" in approval.note
    assert approval.sources == ("ap-kosovo-2026-04", "getduit-2026-04-17")
    (quote,) = [p for p in isf.positions if p.actor == "XKX"]
    assert (quote.stance, quote.unconfirmed, quote.sources) == (Stance.SUPPORTS, True, ("getduit-2026-04-17",))


def newest(isf: mm.Mission, contributor: str) -> mm.Contribution:
    claims = isf.contributions_of(contributor)
    return max(claims, key=lambda c: c.as_of or d("1900"))


def test_morocco_and_egypt_newest_claims_are_unconfirmed(isf: mm.Mission) -> None:
    morocco = newest(isf, "MAR")
    assert (morocco.kind, morocco.status, morocco.as_of, morocco.unconfirmed) == (K.TROOPS, S.DEPLOYED, d("2026-06-24"), True)
    assert morocco.note is not None and "le360" in morocco.note
    assert morocco.strength.is_unknown  # no number was reported
    egypt = newest(isf, "EGY")
    assert (egypt.status, egypt.as_of, egypt.unconfirmed) == (S.PLEDGED, d("2026-06-05"), True)
    assert egypt.sources == ("slashnews-2026",)
    assert isf.source("slashnews-2026").kind is SourceKind.ANALYSIS
    # The earlier, confirmed claims stay: Morocco's pledges of 19 February, Egypt's training offer.
    assert [c.status for c in isf.contributions_of("MAR") if c.as_of == d("2026-02-19")] == [S.PLEDGED] * 4
    assert current(isf, "EGY", K.TRAINING) == [(S.OFFERED, "2026-02-19")]


def test_albania_reportedly_preparing_is_unconfirmed_and_kazakhstan_unchanged(isf: mm.Mission) -> None:
    albania = newest(isf, "ALB")
    assert (albania.status, albania.as_of, albania.unconfirmed) == (S.PLEDGED, d("2026-05-18"), True)
    assert [c.as_of for c in isf.contributions_of("KAZ")] == [d("2026-02-19"), d("2026-02-19"), d("2026-03-04"), d("2026-03-04")]


def test_jordans_refusal_of_troops_is_also_recorded_at_its_source_date(isf: mm.Mission) -> None:
    declined = [c for c in isf.contributions_of("JOR") if c.status is S.DECLINED]
    assert [(str(c.as_of), c.sources) for c in declined] == [
        ("2026-02", ("news-reports-2026-02",)),
        ("2025-10", ("arab-news-2025-10-27",)),
    ]
    assert declined[0].note is not None and "October 2025" in declined[0].note


# --- events -------------------------------------------------------------------------------------------


def test_the_two_endurance_accounts_dispute_each_other(isf: mm.Mission) -> None:
    gaza, israel = (
        next(e for e in isf.events if e.id == name) for name in ("endurance-vehicles-gaza", "endurance-vehicles-kerem-shalom")
    )
    assert (gaza.disputes, israel.disputes) == (israel.id, gaza.id)
    assert gaza.date == israel.date == d("2026-06-30")
    assert gaza.place is not None and israel.place is not None
    assert gaza.place != israel.place
    assert (gaza.place.country, israel.place.country) == ("PSE", "ISR")
    assert "Kerem Shalom" in israel.place.name
    assert gaza.sources == ("arab-canada-news-2026-06-30",)
    assert israel.sources == ("news-times-2026-07",)


def test_timeline_in_date_order_with_its_sources(isf: mm.Mission) -> None:
    dates = [e.date for e in isf.events]
    assert not any(certainly_before(later, earlier) for earlier, later in itertools.pairwise(dates))
    by_id = {e.id: e for e in isf.events}
    expected = {
        "resolution-2803": "2025-11-17",
        "ceasefire-signed": "2025-10-09",
        "ceasefire-in-effect": "2025-10-10",
        "cmcc-opened": "2025-10-17",
        "board-charter-signed": "2026-01-22",
        "jeffers-named": "2026-01-16",
        "pledging-meeting": "2026-02-19",
        "mui-statement": "2026-03-01",
        "kosovo-parliament-approves": "2026-04-17",
        "albania-assessment-team": "2026-05-18",
        "board-first-report": "2026-05-19",
        "security-council-10155": "2026-05-21",
        "egypt-commitment-announced": "2026-06-05",
        "council-debate-june": "2026-06",
        "morocco-first-elements": "2026-06-24",
        "cairo-talks": "2026-07-01",
        "kiryat-gat-vehicles": "2026-07",
    }
    assert {key: str(by_id[key].date) for key in expected} == expected
    for event in isf.events:
        assert event.sources, event.id
    unconfirmed = {e.id for e in isf.events if e.unconfirmed}
    assert {
        "albania-assessment-team",
        "egypt-commitment-announced",
        "morocco-first-elements",
        "kiryat-gat-vehicles",
    } <= unconfirmed
    assert "security-council-10155" not in unconfirmed
    council = by_id["security-council-10155"]
    assert council.kind is EventKind.MEETING
    assert {"ramiz-alakbarov", "nickolay-mladenov"} <= set(council.actors)
    cairo = by_id["cairo-talks"]
    assert cairo.place is not None and (cairo.place.name, cairo.place.country) == ("Cairo", "EGY")


# --- positions and actors -------------------------------------------------------------------------


def test_positions_after_march_2026(isf: mm.Mission) -> None:
    later = [(p.actor, p.stance, str(p.date), p.unconfirmed) for p in isf.positions if p.date and p.date >= d("2026-03")]
    assert ("hamas", Stance.OPPOSES, "2026-05-20", False) in later
    assert ("hamas", Stance.CONDITIONAL, "2026-06-30", False) in later
    assert ("ISR", Stance.CONCERNED, "2026-05-21", True) in later
    assert {actor for actor, *_ in later} >= {
        "hamas",
        "ISR",
        "EGY",
        "QAT",
        "TUR",
        "board-of-peace",
        "nickolay-mladenov",
        "united-nations",
    }
    mladenov = isf.actor("nickolay-mladenov")
    assert mladenov.country is None  # no source in the fact sheets gives his nationality


# --- sources ----------------------------------------------------------------------------------------


def test_at_least_70_percent_of_sources_have_an_address(isf: mm.Mission) -> None:
    urls = [s.url for s in isf.sources if s.url is not None]
    assert len(urls) / len(isf.sources) >= 0.7
    assert all(url.startswith(("https://", "http://")) for url in urls)
    assert isf.source("seed-article").url == (
        "https://newswatchint.com/international-force-for-gaza-indonesia-morocco-kosovo-among-contributors"
    )


def test_every_source_has_a_publisher_and_a_kind(isf: mm.Mission) -> None:
    for source in isf.sources:
        assert source.publisher and source.publisher.strip(), source.id
        assert isinstance(source.kind, SourceKind), source.id
    # The language is known for all but two, whose notes say so.
    unknown = [s for s in isf.sources if s.language is None]
    assert [s.id for s in unknown] == ["sputnik-2026-01-17", "al-bayan-walla-2026-07"]
    assert all(s.note is not None and "language" in s.note for s in unknown)


def test_every_source_is_cited_and_every_citation_declared(isf: mm.Mission) -> None:
    declared = {s.id for s in isf.sources}
    cited = set(isf.profile_sources)
    citations: list[tuple[str, ...]] = [
        *(r.sources for r in isf.mandates),
        *(r.sources for r in isf.contributions),
        *(r.sources for r in isf.personnel),
        *(r.sources for r in isf.appointments),
        *(r.sources for r in isf.positions),
        *(r.sources for r in isf.events),
        *(r.sources for r in isf.actors),
        *(r.sources for r in isf.coverage),
    ]
    for sources in citations:
        cited |= set(sources)
    assert cited == declared


def dated(isf: mm.Mission) -> Iterator[tuple[str, PartialDate | None]]:
    """Every date a record was reported or happened (a mandate's end, a date in law, is not one)."""
    for c in isf.contributions:
        yield f"contribution {c.contributor}", c.as_of
    for f in isf.personnel:
        yield "personnel", f.as_of
    for a in isf.appointments:
        yield f"appointment {a.holder}", a.start
    for p in isf.positions:
        yield f"position {p.actor}", p.date
    for e in isf.events:
        yield f"event {e.id}", e.date
    for s in isf.sources:
        yield f"source {s.id}", s.published
        yield f"source {s.id}", s.accessed
    for n in isf.coverage:
        yield "coverage", n.start
        yield "coverage", n.end


def test_nothing_is_dated_after_july_2026(isf: mm.Mission) -> None:
    last = d("2026-07-31")
    for what, day in dated(isf):
        assert day is None or day.latest() <= last.latest(), what


# --- coverage and status ---------------------------------------------------------------------------


def test_coverage_notes(isf: mm.Mission) -> None:
    whole = [n for n in isf.coverage if n.topic is None]
    (missing,) = [n for n in whole if n.status is CoverageStatus.MISSING]
    assert missing.start == d("2026-07-02")  # "nothing after about 1 Jul 2026"
    assert missing.text.startswith("Nothing after about 1 Jul 2026 was found.")
    (known,) = [n for n in whole if n.status is CoverageStatus.KNOWN]
    earliest = min((day for _, day in dated(isf) if day is not None), key=lambda day: day.earliest())
    assert known.start == earliest == d("2025-09-29")
    assert any(n.status is CoverageStatus.UNCONFIRMED for n in whole)
    (no_troops,) = [n for n in isf.coverage if n.topic is Topic.CONTRIBUTIONS]
    assert no_troops.status is CoverageStatus.MISSING and "inside Gaza" in no_troops.text


def test_the_mission_is_still_only_authorized(isf: mm.Mission) -> None:
    assert isf.status is MissionStatus.AUTHORIZED
