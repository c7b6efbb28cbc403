"""UNIFIL's whole history (1978-2026) in the shipped dataset, checked through the public API.

The facts come from the project's fact sheets on UNIFIL (its history, the shared sheet and the
table of source addresses); these tests do not read the sheets, they check the dataset built from
them: who commanded when, the chain of resolutions with their votes, ends and ceilings, the
composition of 1982, budgets, reported fatality counts, the timeline, the coverage notes, and that
every source can be checked.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TypeVar

import pytest

import missionmodel as mm
from missionmodel import (
    BudgetKind,
    ContributionKind,
    ContributionStatus,
    CoverageStatus,
    CoverageWarning,
    EventKind,
    HeadquartersLevel,
    MandateAction,
    PartialDate,
    Post,
    SourceKind,
    Strength,
    Task,
    Topic,
    datasets,
)

K = ContributionKind
S = ContributionStatus
T = TypeVar("T")


@pytest.fixture(scope="module")
def unifil() -> mm.Mission:
    return datasets.load("unifil")


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def holder(mission: mm.Mission, post: Post, day: str) -> str:
    """The id of whoever held ``post`` on ``day`` (failing if nobody did)."""
    appointment = mission.holder_on(post, day)
    assert appointment is not None, (post, day)
    return appointment.holder


def without_warning(call: Callable[[], T]) -> T:
    """Run ``call`` and fail if it warns that the date falls outside the data."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", CoverageWarning)
        return call()


def with_coverage_warning(call: Callable[[], T]) -> T:
    """Run ``call`` and fail unless it warns that the date falls in a gap of the data."""
    with pytest.warns(CoverageWarning):
        return call()


# --- leadership ---------------------------------------------------------------------------------

FORCE_COMMANDERS = [
    ("1979-06-01", "emmanuel-erskine", "Emmanuel Erskine", "GHA", False),
    ("1983-06-01", "william-callaghan", "William Callaghan", "IRL", False),
    ("1987-06-01", "gustav-hagglund", "Gustav Hägglund", "FIN", False),
    ("1990-06-01", "lars-eric-wahlgren", "Lars-Eric Wahlgren", "SWE", False),
    ("1996-06-01", "stanislaw-wozniak", "Stanisław Woźniak", "POL", False),
    ("1998-06-01", "jioje-konrote", "Jioje Konousi Konrote", "FJI", False),
    ("2000-06-01", "seth-kofi-obeng", "Seth Kofi Obeng", "GHA", False),
    ("2001-06-01", "ganesan-athmanathan", "Ganesan Athmanathan", "IND", True),
    ("2003-01-01", "lalit-mohan-tewari", "Lalit Mohan Tewari", "IND", False),
    ("2005-06-01", "alain-pellegrini", "Alain Pellegrini", "FRA", False),
    ("2008-06-01", "claudio-graziano", "Claudio Graziano", "ITA", False),
    ("2010-06-01", "alberto-asarta-cuevas", "Alberto Asarta Cuevas", "ESP", False),
    ("2013-06-01", "paolo-serra", "Paolo Serra", "ITA", False),
    ("2015-06-01", "luciano-portolano", "Luciano Portolano", "ITA", False),
    ("2017-06-01", "michael-beary", "Michael Beary", "IRL", False),
    ("2020-06-01", "stefano-del-col", "Stefano Del Col", "ITA", False),
    ("2023-06-01", "aroldo-lazaro-saenz", "Aroldo Lázaro Sáenz", "ESP", False),
    ("2025-07-01", "diodato-abagnara", "Diodato Abagnara", "ITA", False),
]


@pytest.mark.parametrize(("day", "holder", "name", "nationality", "acting"), FORCE_COMMANDERS)
def test_force_commander_across_history(
    unifil: mm.Mission, day: str, holder: str, name: str, nationality: str, acting: bool
) -> None:
    appointment = without_warning(lambda: unifil.holder_on(Post.FORCE_COMMANDER, day))
    assert appointment is not None
    assert (appointment.holder, appointment.acting) == (holder, acting)
    person = unifil.actor(holder)
    assert (person.name, person.kind, person.nationality) == (name, mm.ActorKind.PERSON, nationality)


def test_force_commanders_in_order_with_their_terms(unifil: mm.Mission) -> None:
    terms = [
        (a.holder, None if a.start is None else str(a.start), None if a.end is None else str(a.end))
        for a in unifil.appointments
        if a.post is Post.FORCE_COMMANDER and a.disputes is None
    ]
    assert terms == [
        ("emmanuel-erskine", "1978", "1981"),
        ("william-callaghan", "1981-02", "1986-05"),
        ("gustav-hagglund", "1986", "1988"),
        ("lars-eric-wahlgren", "1988", "1993"),
        ("stanislaw-wozniak", "1995", "1997"),
        ("jioje-konrote", "1997", "1999-09-30"),
        ("seth-kofi-obeng", "1999-12-01", "2001-05-15"),
        ("ganesan-athmanathan", "2001-05-15", None),
        ("lalit-mohan-tewari", "2001-08", "2004-02"),
        ("alain-pellegrini", "2004-02-13", "2007-02-02"),
        ("claudio-graziano", "2007-02-02", "2010-01-28"),
        ("alberto-asarta-cuevas", "2010-01-28", "2012-01-28"),
        ("paolo-serra", "2012-01-28", "2014-07-24"),
        ("luciano-portolano", "2014-07-24", "2016-07-19"),
        ("michael-beary", "2016-07-19", "2018-08-07"),
        ("stefano-del-col", "2018-08-07", "2022-02-28"),
        ("aroldo-lazaro-saenz", "2022-02-28", "2025-06-24"),
        ("diodato-abagnara", "2025-06-24", None),
    ]


def test_a_term_with_no_reported_end_is_ended_by_the_next_holder(unifil: mm.Mission) -> None:
    assert holder(unifil, Post.FORCE_COMMANDER, "2001-07-31") == "ganesan-athmanathan"
    assert holder(unifil, Post.FORCE_COMMANDER, "2001-08-15") == "lalit-mohan-tewari"
    assert holder(unifil, Post.FORCE_COMMANDER, "2004-02-12") == "lalit-mohan-tewari"
    assert holder(unifil, Post.FORCE_COMMANDER, "2004-02-13") == "alain-pellegrini"


@pytest.mark.parametrize("day", ["1994-06-01", "1999-10-15"])
def test_force_commander_gaps_warn_rather_than_answer(unifil: mm.Mission, day: str) -> None:
    assert with_coverage_warning(lambda: unifil.holder_on(Post.FORCE_COMMANDER, day)) is None


def test_heads_of_mission_recorded_from_2007(unifil: mm.Mission) -> None:
    heads = [(a.holder, str(a.start)) for a in unifil.appointments if a.post is Post.HEAD_OF_MISSION and a.disputes is None]
    assert heads[0] == ("claudio-graziano", "2007-02-02")
    assert [holder for holder, _ in heads] == [
        "claudio-graziano",
        "alberto-asarta-cuevas",
        "paolo-serra",
        "luciano-portolano",
        "michael-beary",
        "stefano-del-col",
        "aroldo-lazaro-saenz",
        "diodato-abagnara",
    ]
    assert unifil.holder_on(Post.HEAD_OF_MISSION, "2005-06-01") is None  # no source names a head before 2007


def test_disputed_handover_of_2007(unifil: mm.Mission) -> None:
    (other,) = [a for a in unifil.appointments if a.id == "fc-pellegrini-17-feb"]
    assert (other.holder, str(other.end), other.disputes) == ("alain-pellegrini", "2007-02-17", "fc-pellegrini")
    assert set(other.sources) == {"afp-naharnet-2007-01-18", "afp-infoduweb-2007"}
    # Queries follow the account that is disputed: the ceremony of 2 February 2007.
    assert holder(unifil, Post.FORCE_COMMANDER, "2007-02-10") == "claudio-graziano"


def test_disputed_handover_of_2025_the_23_june_account_is_unconfirmed(unifil: mm.Mission) -> None:
    others = [a for a in unifil.appointments if a.disputes in ("fc-abagnara", "hom-abagnara")]
    assert sorted((a.post.value, str(a.start), a.unconfirmed) for a in others) == [
        ("force_commander", "2025-06-23", True),
        ("head_of_mission", "2025-06-23", True),
    ]
    assert all(a.sources == ("adnkronos-2025-06",) for a in others)
    for post in (Post.FORCE_COMMANDER, Post.HEAD_OF_MISSION):
        assert holder(unifil, post, "2025-06-23") == "aroldo-lazaro-saenz"
        assert holder(unifil, post, "2025-06-24") == "diodato-abagnara"


def test_deputies_sector_commanders_and_maritime_task_force(unifil: mm.Mission) -> None:
    def held(post: Post) -> list[tuple[str, str | None, str | None, str | None]]:
        return [
            (a.holder, a.unit, None if a.start is None else str(a.start), None if a.end is None else str(a.end))
            for a in unifil.appointments
            if a.post is post
        ]

    assert held(Post.DEPUTY_FORCE_COMMANDER) == [
        ("ganesan-athmanathan", None, "2001-05", "2001-05-15"),
        ("sandeep-singh-bajai", None, "2016-12", "2016-12"),
    ]
    assert held(Post.DEPUTY_HEAD_OF_MISSION) == [
        ("imran-riza", None, "2016-12", "2016-12"),
        ("jack-christofides", None, "2023", "2023"),
        ("herve-lecoq", None, "2023", None),
    ]
    assert held(Post.SECTOR_COMMANDER) == [
        ("claudio-confessore", "Sector West", "2006-11-01", None),
        ("alberto-asarta-cuevas", "Sector East", "2008-12", "2009-04"),
        ("ugo-cillo", "Sector West", "2016-12", "2016-12"),
        ("aroldo-lazaro-saenz", "Sector East", "2016-12", "2016-12"),
    ]
    maritime = held(Post.COMPONENT_HEAD)
    assert {unit for _, unit, _, _ in maritime} == {"Maritime Task Force"}
    assert [(holder, start, end) for holder, _, start, end in maritime] == [
        ("DEU", "2006-10", "2008-02"),
        ("ruggiero-di-biase", "2008-02", None),
        ("ITA", "2009-08", "2009-08"),
        ("DEU", "2009-08", "2009-11-30"),
        ("ITA", "2009-11-30", None),
        ("sergio-renato-berna-salgueirinho", "2021", "2021"),
        ("axel-schulz", "2021", None),
    ]
    assert [a.holder for a in unifil.holders_on(Post.COMPONENT_HEAD, "2007-06-01")] == ["DEU"]


# --- mandates: the chain, votes, ends and ceilings ---------------------------------------------

RESOLUTIONS = [
    # id, instruments, adopted, (in favour, against, abstentions, unanimous, meeting) or None, end
    ("res-425-426", ("S/RES/425 (1978)", "S/RES/426 (1978)"), "1978-03-19", (12, 0, 2, False, "2,074th meeting"), None),
    ("res-427", ("S/RES/427 (1978)",), "1978-05-03", (12, 0, 2, False, "2,076th meeting"), None),
    ("res-434", ("S/RES/434 (1978)",), "1978", (12, 0, 2, False, "2,085th meeting"), "1979-01-19"),
    ("res-501", ("S/RES/501 (1982)",), "1982-02-25", (13, 0, 2, False, "2,332nd meeting"), None),
    ("ext-1986-07-18", (), "1986-07-18", None, "1987-01-19"),
    ("res-594", ("S/RES/594 (1987)",), "1987-01-15", (None, None, None, True, None), "1987-07-31"),
    ("res-1337", ("S/RES/1337 (2001)",), "2001-01-30", (None, None, None, True, None), "2001-07-31"),
    ("res-1365", ("S/RES/1365 (2001)",), "2001-07-31", (None, None, None, True, None), "2002-01-31"),
    ("res-1391", ("S/RES/1391 (2002)",), "2002-01-28", (None, None, None, True, "4,455th meeting"), "2002-07-31"),
    ("res-1428", ("S/RES/1428 (2002)",), "2002-07-30", None, None),
    ("res-1461", ("S/RES/1461 (2003)",), "2003-01-30", (None, None, None, True, None), "2003-07-31"),
    ("res-1614", ("S/RES/1614 (2005)",), "2005-07-29", None, None),
    ("res-1655", ("S/RES/1655 (2006)",), "2006-01-31", (15, 0, 0, False, "5,362nd meeting"), "2006-07-31"),
    ("res-1697", ("S/RES/1697 (2006)",), "2006-07-31", (None, None, None, True, "5,501st meeting"), "2006-08-31"),
    ("res-1701", ("S/RES/1701 (2006)",), "2006-08-11", (None, None, None, True, "5,511th meeting"), "2007-08-31"),
    ("res-1773", ("S/RES/1773 (2007)",), "2007-08-24", (15, 0, 0, False, "5,733rd meeting"), "2008-08-31"),
    ("res-1832", ("S/RES/1832 (2008)",), "2008-08-27", (15, 0, 0, False, "5,967th meeting"), "2009-08-31"),
    ("res-1884", ("S/RES/1884 (2009)",), "2009-08-27", (None, None, None, True, "6,183rd meeting"), "2010-08-31"),
    ("res-1937", ("S/RES/1937 (2010)",), "2010-08-30", (15, 0, 0, False, "6,375th meeting"), "2011-08-31"),
    ("res-2004", ("S/RES/2004 (2011)",), "2011-08-30", (None, None, None, True, "6,605th meeting"), "2012-08-31"),
    ("res-2064", ("S/RES/2064 (2012)",), "2012-08-30", (None, None, None, True, "6,825th meeting"), "2013-08-31"),
    ("res-2115", ("S/RES/2115 (2013)",), "2013-08-29", (None, None, None, True, "7,025th meeting"), "2014-08-31"),
    ("res-2172", ("S/RES/2172 (2014)",), "2014-08-26", (None, None, None, True, "7,248th meeting"), "2015-08-31"),
    ("res-2236", ("S/RES/2236 (2015)",), "2015-08-21", (None, None, None, True, None), "2016-08-31"),
    ("res-2305", ("S/RES/2305 (2016)",), "2016-08-30", (None, None, None, True, None), None),
    ("res-2373", ("S/RES/2373 (2017)",), "2017-08-30", (15, None, None, True, None), "2018-08-31"),
    ("res-2433", ("S/RES/2433 (2018)",), "2018-08-30", (None, None, None, True, None), "2019-08-31"),
    ("res-2485", ("S/RES/2485 (2019)",), "2019-08-29", (None, None, None, True, "8,610th meeting"), "2020-08-31"),
    ("res-2539", ("S/RES/2539 (2020)",), "2020-08-28", (None, None, None, True, None), "2021-08-31"),
    ("res-2591", ("S/RES/2591 (2021)",), "2021-08-30", (None, None, None, True, None), "2022-08-31"),
    ("res-2650", ("S/RES/2650 (2022)",), "2022-08-31", (None, None, None, True, None), "2023-08-31"),
    ("res-2695", ("S/RES/2695 (2023)",), "2023-08-31", (13, 0, 2, False, "9,409th meeting"), "2024-08-31"),
    ("res-2749", ("S/RES/2749 (2024)",), "2024-08-28", (None, None, None, True, None), "2025-08-31"),
    ("res-2790", ("S/RES/2790 (2025)",), "2025-08-28", (None, None, None, True, "9,989th meeting"), "2026-12-31"),
]


def test_every_resolution_with_its_vote_and_end(unifil: mm.Mission) -> None:
    table = []
    for mandate in unifil.mandates:
        vote = mandate.authority.vote
        votes = None if vote is None else (vote.in_favour, vote.against, vote.abstentions, vote.unanimous, vote.meeting)
        end = None if mandate.end is None else str(mandate.end)
        table.append((mandate.id, mandate.authority.instruments, str(mandate.authority.adopted), votes, end))
    assert table == RESOLUTIONS
    assert all(m.authority.kind is mm.AuthorityKind.UN_SECURITY_COUNCIL for m in unifil.mandates)


def test_each_renewal_follows_the_mandate_before_it(unifil: mm.Mission) -> None:
    ids = [m.id for m in unifil.mandates]
    assert unifil.mandates[0].follows is None
    assert [m.follows for m in unifil.mandates[1:]] == ids[:-1]
    assert [m.id for m in unifil.mandate_chain("res-2790")] == ids
    assert unifil.mandates[0].actions == (MandateAction.ESTABLISHES,)
    assert unifil.mandate_chain("res-1701")[-1].actions == (MandateAction.ADJUSTS,)


def test_one_decision_by_two_resolutions_is_one_mandate(unifil: mm.Mission) -> None:
    (establishing,) = [m for m in unifil.mandates if "S/RES/426 (1978)" in m.authority.instruments]
    assert establishing.authority.instruments == ("S/RES/425 (1978)", "S/RES/426 (1978)")
    assert establishing.authority.instrument == "S/RES/425 (1978)"
    assert establishing.references == ("S/12611",)
    assert establishing.note is not None and "2,075th meeting" in establishing.note


def test_resolutions_only_recalled_by_501_are_not_mandates(unifil: mm.Mission) -> None:
    instruments = {instrument for m in unifil.mandates for instrument in m.authority.instruments}
    for number, year in ((444, 1979), (450, 1979), (467, 1980), (474, 1980), (483, 1980), (488, 1981), (490, 1981), (498, 1981)):
        assert f"S/RES/{number} ({year})" not in instruments
    (note,) = [n for n in unifil.coverage if n.topic is Topic.MANDATES and "444 and 450" in n.text]
    assert note.status is CoverageStatus.MISSING
    assert (str(note.start), str(note.end)) == ("1979-01-20", "1986-07-17")


def test_resolution_434_is_an_inference_and_the_1986_extension_has_no_number(unifil: mm.Mission) -> None:
    (r434,) = [m for m in unifil.mandates if m.id == "res-434"]
    assert r434.unconfirmed
    assert r434.note is not None and "inference" in r434.note
    (r1986,) = [m for m in unifil.mandates if m.id == "ext-1986-07-18"]
    assert r1986.authority.instruments == ()
    assert (str(r1986.authority.adopted), str(r1986.end)) == ("1986-07-18", "1987-01-19")
    assert r1986.sources == ("un-chronicle-vlex-594",)
    assert (
        unifil.source("un-chronicle-vlex-594").url
        == "https://international.vlex.com/vid/extends-mandate-until-reiterates-lebanon-53298194"
    )


CEILINGS = [
    # day, ceiling, approximate, set by, whether the day falls in a gap (between recorded renewals, or after the data end)
    ("1978-04-01", 4000, False, "res-425-426", False),
    ("1980-06-01", 6000, False, "res-427", True),
    ("1990-06-01", 7000, True, "res-501", True),
    ("2001-06-01", 4500, False, "res-1337", False),
    ("2002-06-01", 2000, True, "res-1391", False),
    ("2010-06-01", 15000, False, "res-1701", False),
    ("2021-06-01", 13000, False, "res-2539", False),
    ("2026-06-01", 13000, False, "res-2539", True),  # after the data end (2 Dec 2025): a gap
]


@pytest.mark.parametrize(("day", "ceiling", "approximate", "set_by", "in_gap"), CEILINGS)
def test_authorized_strength_over_time(
    unifil: mm.Mission, day: str, ceiling: int, approximate: bool, set_by: str, in_gap: bool
) -> None:
    found = with_coverage_warning if in_gap else without_warning
    answer = found(lambda: unifil.authorized_strength_on(day))
    assert answer is not None
    assert answer.strength == Strength.at_most(ceiling)
    assert (answer.approximate, answer.set_by.id) == (approximate, set_by)


def test_ceiling_sources_and_the_reconfiguration_of_2002(unifil: mm.Mission) -> None:
    (initial,) = [m for m in unifil.mandates if m.id == "res-425-426"]
    assert "snl-unifil-en" in initial.sources
    (r1391,) = [m for m in unifil.mandates if m.id == "res-1391"]
    assert r1391.note is not None and "recommended reconfiguration" in r1391.note
    assert unifil.authorized_strength_on("2027-06-01") is None


def test_tasks_are_carried_along_the_chain(unifil: mm.Mission) -> None:
    original = (Task.WITHDRAWAL_VERIFICATION, Task.RESTORE_PEACE_AND_SECURITY, Task.STATE_AUTHORITY)
    added_in_2006 = (
        Task.CEASEFIRE_MONITORING,
        Task.SUPPORT_TO_HOST_ARMED_FORCES,
        Task.HUMANITARIAN_ACCESS,
        Task.WEAPONS_FREE_ZONE,
    )
    assert without_warning(lambda: unifil.tasks_on("2001-06-01")) == original
    assert without_warning(lambda: unifil.tasks_on("2015-06-01")) == original + added_in_2006
    given = [m.id for m in unifil.mandates if m.tasks]
    assert given == ["res-425-426", "res-1701"]


def test_a_gap_between_recorded_renewals_warns(unifil: mm.Mission) -> None:
    mandate = with_coverage_warning(lambda: unifil.mandate_on("1990-06-01"))
    assert mandate is not None and mandate.id == "res-594"
    latest = without_warning(lambda: unifil.mandate_on("2025-10-01"))
    assert latest is not None and latest.id == "res-2790"
    # After the data end (2 Dec 2025) every query says so, though 2790 runs to the end of 2026.
    final = with_coverage_warning(lambda: unifil.mandate_on("2026-06-01"))
    assert final is not None and final.id == "res-2790"
    assert with_coverage_warning(lambda: unifil.mandate_on("2027-01-01")) is None
    assert with_coverage_warning(lambda: unifil.holder_on("force_commander", "2026-06-01")) is not None


# --- contributions and personnel ----------------------------------------------------------------

COMPOSITION_1982 = {
    "FJI": (628, "infantry battalion 628"),
    "FRA": (1370, "infantry battalion 595 + logistic unit 775"),
    "GHA": (697, "infantry battalion 557 + HQ camp command 140"),
    "IRL": (722, "infantry battalion 671 + HQ camp command 51"),
    "NPL": (432, "infantry battalion 432"),
    "NLD": (810, "infantry battalion 810"),
    "NGA": (696, "infantry battalion 696"),
    "NOR": (851, "infantry battalion 660 + logistic unit 191"),
    "SEN": (561, "infantry battalion 561"),
    "ITA": (34, "logistic unit 34"),
    "SWE": (144, "logistic unit 144"),
}


def test_composition_of_3_june_1982(unifil: mm.Mission) -> None:
    claims = [c for c in unifil.contributions if c.as_of == d("1982-06-03")]
    assert {c.contributor: (c.strength.low, c.role) for c in claims} == COMPOSITION_1982
    assert all((c.kind, c.status, c.sources) == (K.TROOPS, S.DEPLOYED, ("s-15194",)) for c in claims)
    assert sum(c.strength.low for c in claims) == 6945
    # The confirmed reports deployed on that day add up to the total of S/15194.
    confirmed = unifil.confirmed_only()
    assert confirmed.total_strength(on="1982-06-03", status="deployed") == Strength.exact(6945)
    assert set(confirmed.contributors(on="1982-06-03", status="deployed")) == set(COMPOSITION_1982)


def test_untso_observers_and_the_total_of_1982(unifil: mm.Mission) -> None:
    figures = {f.personnel: f for f in unifil.personnel if f.as_of == d("1982-06-03")}
    assert figures[(K.TROOPS,)].strength == Strength.exact(6945)
    assert figures[(K.MILITARY_OBSERVERS,)].strength == Strength.exact(87)
    assert figures[(K.MILITARY_OBSERVERS,)].sources == ("s-15194",)


def test_contingents_of_2024(unifil: mm.Mission) -> None:
    def on(day: str) -> dict[str, int | None]:
        return {c.contributor: c.strength.low for c in unifil.contributions if c.as_of == d(day)}

    assert on("2024-09-02") == {
        "IDN": 1231, "ITA": 1068, "IND": 903, "NPL": 876, "GHA": 873, "MYS": 833,
        "ESP": 676, "FRA": 673, "CHN": 418, "IRL": 370, "KOR": 294,
    }  # fmt: skip
    assert on("2024-11-23") == {
        "IDN": 1230, "ITA": 1044, "IND": 902, "GHA": 878, "NPL": 876, "MYS": 832, "FRA": 810, "ESP": 675, "CHN": 419,
    }  # fmt: skip
    # Global South World's undated figures are not claims (undated, they would count on every date
    # asked about): an unconfirmed coverage note holds them, with their source.
    assert [c for c in unifil.contributions if c.as_of is None] == []
    (note,) = [n for n in unifil.coverage if n.sources == ("global-south-world",)]
    assert note.status is mm.CoverageStatus.UNCONFIRMED and note.topic is mm.Topic.CONTRIBUTIONS
    for figure in ("Indonesia 1,255", "Italy 1,098", "India 902", "Ghana 878", "Nepal 876", "Malaysia 831"):
        assert figure in note.text
    for figure in ("France 749", "Spain 690", "China 484", "Ireland 335"):
        assert figure in note.text


def test_norway_and_sweden_periods(unifil: mm.Mission) -> None:
    confirmed = unifil.confirmed_only()
    deployed = {day: confirmed.contributors(on=day, status="deployed") for day in ("1990", "2000", "2006-12", "2008-06", "2010")}
    assert "NOR" in deployed["1990"]
    assert "NOR" not in deployed["2000"]
    assert "NOR" in deployed["2006-12"]
    assert "NOR" in deployed["2008-06"]
    assert "NOR" not in deployed["2010"]
    assert "SWE" in deployed["1990"]
    assert "SWE" not in confirmed.contributors(on="1995", status="deployed")
    hospital = [e for e in unifil.events if "hospital" in e.summary]
    assert [str(e.date) for e in hospital] == ["1980-08", "1992-04"]


def test_contributors_named_in_november_1999(unifil: mm.Mission) -> None:
    named = tuple(c.contributor for c in unifil.contributions if c.as_of == d("1999-11-16"))
    assert named == ("FJI", "FIN", "FRA", "GHA", "IND", "IRL", "ITA", "NPL", "POL")


def test_strength_figures_over_time(unifil: mm.Mission) -> None:
    figures = {(str(f.as_of), f.strength.low): f for f in unifil.personnel}
    assert ("1978-05", 4000) in figures
    assert figures[("2006-11", 9700)].approximate
    assert figures[("2006-11", 9700)].contributing_countries == 21
    assert figures[("2007-08-24", 13600)].note is not None and "11,428 ground troops" in figures[("2007-08-24", 13600)].note
    assert figures[("2017-08-31", 10541)].unconfirmed
    assert figures[("2022-02-06", 13048)].unconfirmed
    assert figures[("2025-11-20", 9900)].unconfirmed
    assert not figures[("2024-09-02", 10058)].unconfirmed
    latest = unifil.personnel_figure()
    assert latest is not None and latest.as_of == d("2025-11-20")


# --- budgets and fatalities ---------------------------------------------------------------------


def test_budgets_by_fiscal_year(unifil: mm.Mission) -> None:
    budgets = unifil.budgets
    assert all(b.currency == "USD" for b in budgets)
    assert all((b.start.month, b.start.day, b.end.month, b.end.day) == (7, 1, 6, 30) for b in budgets)
    amounts = [(b.start.year, b.kind, b.amount, b.net) for b in budgets]
    assert (1997, BudgetKind.APPROVED, 124_969_700, False) in amounts
    assert (1997, BudgetKind.APPROVED, 120_860_700, True) in amounts
    assert (2010, BudgetKind.APPROVED, 518_710_000, False) in amounts
    assert (2011, BudgetKind.APPROVED, 545_470_000, False) in amounts
    assert (2012, BudgetKind.APPROVED, 546_900_000, False) in amounts
    assert (2017, BudgetKind.APPROVED, 483_000_000, False) in amounts
    assert (2018, BudgetKind.APPROVED, 474_400_000, False) in amounts
    assert (2024, BudgetKind.APPROVED, 582_630_000, False) in amounts
    (gross,) = [b for b in budgets if b.id == "budget-1997-gross"]
    assert (gross.decided_by, str(gross.decided)) == ("A/RES/51/233", "1997-06-13")


def test_conflicting_figures_for_2013_are_kept_apart(unifil: mm.Mission) -> None:
    figures = [b for b in unifil.budgets if b.start == d("2013-07-01")]
    assert [(b.id, b.amount, b.disputes) for b in figures] == [
        ("budget-2013-ga-11390", 520_440_000, None),
        ("budget-2013-s-2013-457", 492_600_000, "budget-2013-ga-11390"),
    ]


def test_years_known_only_by_their_votes(unifil: mm.Mission) -> None:
    votes = {b.start.year: b.vote for b in unifil.budgets if b.amount is None and b.vote is not None}
    assert votes == {
        2016: mm.Vote(in_favour=155, against=3, abstentions=0),
        2022: mm.Vote(in_favour=115, against=3, abstentions=2, meeting="89th meeting"),
        2025: mm.Vote(in_favour=147, against=3, abstentions=1),
    }
    (lbci,) = [b for b in unifil.budgets if b.amount == 552_800_000]
    assert lbci.unconfirmed and lbci.sources == ("lbci-2025-08-28",)
    (about,) = [b for b in unifil.budgets if b.approximate]
    assert (about.amount, about.unconfirmed) == (487_000_000, True)


def test_fatality_counts(unifil: mm.Mission) -> None:
    counts = [(f.count, None if f.as_of is None else str(f.as_of)) for f in unifil.fatality_counts]
    assert counts == [
        (35, "1982-04"),
        (237, "2001-05"),
        (251, "2006-10-24"),
        (270, "2008-03-19"),
        (293, "2012-01"),
        (283, "2014-07"),
        (297, "2017-02"),
        (297, None),
        (329, None),
        (339, "2025-04-04"),
        (335, "2024"),
        (334, "2024-10"),
    ]
    about = next(f for f in unifil.fatality_counts if f.count == 335)
    assert (about.approximate, about.unconfirmed, str(about)) == (True, True, "about 335 dead as of 2024 (unconfirmed)")
    first = unifil.fatality_counts[0]
    assert first.note is not None and "145 combat casualties" in first.note
    (lower,) = [f for f in unifil.fatality_counts if f.count == 283]
    assert (lower.disputes, lower.unconfirmed) == ("fatalities-2012-01", True)


def test_fatalities_counted_from_the_data_hub_export(unifil: mm.Mission) -> None:
    (counted,) = [f for f in unifil.fatality_counts if f.count == 339]
    assert counted.as_of == d("2025-04-04")
    (source,) = unifil.sources_of(counted)
    assert (source.kind, source.url) == (SourceKind.DATASET, "https://peacekeeping.un.org/en/peacekeeper-fatalities")
    assert source.note is not None and "2025-04-04" in source.note


# --- places, events and coverage ----------------------------------------------------------------


def test_headquarters_from_ipi_and_the_area_of_operations(unifil: mm.Mission) -> None:
    hq = unifil.headquarters
    assert hq is not None
    assert (hq.name, hq.country, hq.latitude, hq.longitude) == ("Naqoura", "LBN", 33.12, 35.1342)
    ipi = unifil.source("ipi-mission-totals")
    assert (ipi.kind, ipi.publisher) == (SourceKind.DATASET, "International Peace Institute")
    assert ipi.note is not None and "Naquora" in ipi.note
    assert {"ipi-mission-totals", "unifil-2018-08-01"} <= set(unifil.profile_sources)
    assert unifil.area is not None and "1,060 km²" in unifil.area


def test_sector_headquarters(unifil: mm.Mission) -> None:
    sites = [(s.place.name, s.place.country, str(s.as_of), s.headquarters) for s in unifil.sites]
    assert sites == [
        ("Naqoura", "LBN", "1990-11-30", HeadquartersLevel.MISSION),
        ("Tibnin", "LBN", "2006-11-01", HeadquartersLevel.SECTOR),
        ("Marjayoun", "LBN", "2006", HeadquartersLevel.SECTOR),
        ("Shama", "LBN", "2022", HeadquartersLevel.SECTOR),
    ]


def test_timeline(unifil: mm.Mission) -> None:
    events = {(str(e.date), e.kind): e for e in unifil.events}
    assert events[("1978-03-23", EventKind.DEPLOYMENT)].actors == ("FRA",)
    assert events[("1978-03-26", EventKind.DEPLOYMENT)].actors == ("NOR",)
    mtf = events[("2006-10-15", EventKind.DEPLOYMENT)]
    assert "first naval force" in mtf.summary
    assert events[("2001-05-15", EventKind.HANDOVER)].actors == ("seth-kofi-obeng", "ganesan-athmanathan")
    briefing = events[("2004-02-19", EventKind.STATEMENT)].place
    assert briefing is not None and briefing.name == "New York"
    assert ("2018-07-23", EventKind.OTHER) in events
    assert ("2008-03-19", EventKind.OTHER) in events
    assert ("2018-09", EventKind.OTHER) in events
    sector_west = events[("2006-11-01", EventKind.HANDOVER)].place
    assert sector_west is not None and (sector_west.name, sector_west.country) == ("Tibnin", "LBN")
    handovers = [str(e.date) for e in unifil.events if e.kind is EventKind.HANDOVER and "Maritime Task Force" in e.summary]
    assert handovers == ["2008-02", "2009-08", "2009-11-30", "2021"]
    assert all(e.place.country == "LBN" for e in unifil.events if e.place is not None and e.place.name != "New York")


def test_disputed_accounts_in_the_timeline(unifil: mm.Mission) -> None:
    disputed = {(str(e.date), e.disputes, e.unconfirmed) for e in unifil.events if e.disputes is not None}
    assert disputed == {
        ("2018-07-13", "del-col-appointed-12-jul", False),
        ("2025-06-23", "command-change-2025-06-24", True),
    }


def test_coverage_notes(unifil: mm.Mission) -> None:
    def notes(topic: Topic, status: CoverageStatus) -> list[mm.CoverageNote]:
        return [n for n in unifil.coverage if n.topic is topic and n.status is status]

    assert [str(n.start) for n in notes(Topic.MANDATES, CoverageStatus.KNOWN)] == ["1978-03-19"]
    gaps = [(str(n.start), str(n.end)) for n in notes(Topic.MANDATES, CoverageStatus.MISSING) if n.start is not None]
    assert gaps == [("1979-01-20", "1986-07-17"), ("1987-08-01", "2001-01-29"), ("2003-08-01", "2006-01-30")]
    assert [str(n.start) for n in notes(Topic.APPOINTMENTS, CoverageStatus.KNOWN)] == ["1978"]
    assert any("Phelan" in n.text for n in notes(Topic.APPOINTMENTS, CoverageStatus.UNCONFIRMED))
    assert any("Furuhovde" in n.text for n in notes(Topic.APPOINTMENTS, CoverageStatus.MISSING))
    budget_gaps = [(str(n.start), str(n.end)) for n in notes(Topic.BUDGETS, CoverageStatus.MISSING)]
    assert budget_gaps == [("1998-07-01", "2010-06-30"), ("2014-07-01", "2017-06-30"), ("2019-07-01", "2024-06-30")]


# --- sources ------------------------------------------------------------------------------------


def test_sources_can_be_checked(unifil: mm.Mission) -> None:
    sources = unifil.sources
    with_url = [s for s in sources if s.url is not None]
    assert len(with_url) / len(sources) >= 0.7, f"{len(with_url)} of {len(sources)}"
    for source in sources:
        assert source.publisher, source.id
        assert source.kind is not None, source.id
    for source in with_url:
        assert source.url is not None and source.url.startswith(("http://", "https://")), source.id


def test_every_source_is_cited_by_some_record(unifil: mm.Mission) -> None:
    cited = set(unifil.profile_sources)
    for collection in (
        "mandates", "contributions", "personnel", "appointments", "positions", "fatalities",
        "fatality_counts", "budgets", "events", "sites", "actors", "coverage",
    ):  # fmt: skip
        for record in getattr(unifil, collection):
            cited |= set(record.sources)
    assert cited == {source.id for source in unifil.sources}


def test_document_addresses_are_built_from_their_symbols(unifil: mm.Mission) -> None:
    built = [s for s in unifil.sources if s.url is not None and s.url.startswith("https://undocs.org/")]
    assert len(built) >= 70
    for source in built:
        assert source.url is not None
        symbol = source.url.removeprefix("https://undocs.org/").replace("(", " (")
        assert symbol in source.title, source.id
        assert source.kind is SourceKind.UN_DOCUMENT, source.id


def test_renamed_titles_use_the_real_headlines(unifil: mm.Mission) -> None:
    assert unifil.source("sg-a-2355").title.startswith("Secretary-General appoints Major General Diodato Abagnara")
    assert unifil.source("sc-16159").title.startswith("Unanimously Adopting Resolution 2790 (2025)")
    assert unifil.source("ga-12611").title.startswith("Taking Up Fifth, Fourth Committee Reports")
    assert unifil.source("tribunnews-2024-09").published == d("2024-10-11")


# --- what the fact sheets mark UNCONFIRMED -----------------------------------------------------


def test_unconfirmed_items_of_the_fact_sheets_are_marked(unifil: mm.Mission) -> None:
    appointments = {(a.holder, a.post.value) for a in unifil.appointments if a.unconfirmed}
    assert {
        ("lars-eric-wahlgren", "force_commander"),
        ("stanislaw-wozniak", "force_commander"),
        ("diodato-abagnara", "force_commander"),  # the handover of 23 June 2025
        ("diodato-abagnara", "head_of_mission"),
        ("herve-lecoq", "deputy_head_of_mission"),  # the year of "May 9"
    } <= appointments
    assert [m.id for m in unifil.mandates if m.unconfirmed] == ["res-434"]
    assert {(f.count, None if f.as_of is None else str(f.as_of)) for f in unifil.fatality_counts if f.unconfirmed} == {
        (283, "2014-07"),
        (297, "2017-02"),
        (329, None),
        (335, "2024"),
        (334, "2024-10"),
    }
    assert {f.strength.low for f in unifil.personnel if f.unconfirmed} == {10541, 13048, 9900}
    assert {b.amount for b in unifil.budgets if b.unconfirmed} == {487_000_000, 552_800_000}
    (spain,) = [c for c in unifil.contributions if c.contributor == "ESP" and c.as_of == d("2022-02-06")]
    assert (spain.strength, spain.unconfirmed) == (Strength.exact(632), True)
    assert all(c.unconfirmed for c in unifil.contributions if c.as_of is None)
    assert {str(e.date) for e in unifil.events if e.unconfirmed} == {"2021", "2023-05-09", "2025-06-23"}
    unconfirmed_notes = [n.text for n in unifil.coverage if n.status is CoverageStatus.UNCONFIRMED]
    assert any("Phelan" in text for text in unconfirmed_notes)
    assert any("1 September 2023" in text for text in unconfirmed_notes)
    assert any("434" in text for text in unconfirmed_notes)


def test_confirmed_facts_are_not_marked(unifil: mm.Mission) -> None:
    for holder in ("emmanuel-erskine", "william-callaghan", "claudio-graziano", "aroldo-lazaro-saenz"):
        assert not any(a.unconfirmed for a in unifil.appointments if a.holder == holder and a.disputes is None), holder
    assert not any(c.unconfirmed for c in unifil.contributions if c.as_of == d("1982-06-03"))
