"""The shipped datasets, checked fact by fact against their fact sheets, through the public API."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

import missionmodel as mm
from missionmodel import (
    ActorKind,
    AuthorityKind,
    ContributionKind,
    ContributionStatus,
    MissionKind,
    MissionStatus,
    PartialDate,
    Post,
    Stance,
    Strength,
    Task,
    datasets,
)

K = ContributionKind
S = ContributionStatus


@pytest.fixture(scope="module")
def isf() -> mm.Mission:
    return datasets.load("isf")


@pytest.fixture(scope="module")
def unifil() -> mm.Mission:
    return datasets.load("unifil")


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


# --- names() and load() ---------------------------------------------------------------------


def test_names_are_sorted_and_complete() -> None:
    assert datasets.names() == ("isf", "unifil")


def test_load_returns_a_validated_mission_and_caches_it() -> None:
    for name in datasets.names():
        mission = datasets.load(name)
        assert isinstance(mission, mm.Mission)
        assert mission.id == name
        assert datasets.load(name) is mission


@pytest.mark.parametrize("name", ["kfor", "ISF", "isf.yaml", "../x", "../isf", "./isf", "datasets/isf", "", " isf"])
def test_unknown_names_are_rejected_with_the_known_ones_listed(name: str) -> None:
    with pytest.raises(datasets.UnknownDatasetError) as caught:
        datasets.load(name)
    assert str(caught.value) == f"no dataset named {name!r}; the datasets are: 'isf', 'unifil'"


def test_unknown_dataset_error_is_a_lookup_error_and_a_missionmodel_error() -> None:
    with pytest.raises(LookupError):
        datasets.load("nope")
    with pytest.raises(mm.MissionModelError):
        datasets.load("nope")


def test_a_name_that_is_not_text_is_rejected() -> None:
    with pytest.raises(datasets.UnknownDatasetError):
        datasets.load(None)  # type: ignore[arg-type]


# --- canonical form and provenance ------------------------------------------------------------


@pytest.mark.parametrize("name", ["isf", "unifil"])
def test_file_is_in_the_exact_canonical_serialisation(name: str) -> None:
    text = files("missionmodel.datasets").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    assert mm.dumps(datasets.load(name), "yaml") == text


@pytest.mark.parametrize("name", ["isf", "unifil"])
def test_json_round_trip(name: str) -> None:
    mission = datasets.load(name)
    assert mm.loads(mm.dumps(mission)) == mission


CITING = (
    "mandates",
    "contributions",
    "personnel",
    "appointments",
    "positions",
    "fatality_counts",
    "budgets",
    "events",
    "actors",
)
"""The collections whose every record cites a source (coverage notes and per-person fatalities may not)."""


@pytest.mark.parametrize("name", ["isf", "unifil"])
def test_every_record_cites_a_declared_source(name: str) -> None:
    mission = datasets.load(name)
    declared = {source.id for source in mission.sources}
    records = [record for collection in CITING for record in getattr(mission, collection)]
    assert records
    for record in records:
        assert record.sources, record
        assert set(record.sources) <= declared, record
        assert all(isinstance(source, mm.Source) for source in mission.sources_of(record))


@pytest.mark.parametrize("name", ["isf", "unifil"])
def test_every_declared_source_has_a_title_and_no_made_up_url(name: str) -> None:
    mission = datasets.load(name)
    assert len({source.id for source in mission.sources}) == len(mission.sources)
    for source in mission.sources:
        assert source.title.strip()
        assert source.url is None or source.url in URLS_IN_FACT_SHEETS or _from_the_symbol(source), source.id


URLS_IN_FACT_SHEETS = frozenset(
    line.strip()
    for line in (Path(__file__).parent / "fixtures" / "fact_sheet_urls.txt").read_text(encoding="utf-8").splitlines()
    if line.startswith("http")
)
"""Every address written in the project's fact sheets (see the fixture's header): no other is recorded."""


def _from_the_symbol(source: mm.Source) -> bool:
    """True for a UN document address built from the symbol the source's title gives (source-urls.md's rule)."""
    url = source.url or ""
    prefix = "https://undocs.org/"
    return url.startswith(prefix) and url[len(prefix) :].replace("(", " (").replace("  (", " (") in source.title


@pytest.mark.parametrize("name", ["isf", "unifil"])
def test_sources_can_be_checked(name: str) -> None:
    mission = datasets.load(name)
    with_url = [source for source in mission.sources if source.url is not None]
    assert len(with_url) / len(mission.sources) >= 0.7, f"{len(with_url)} of {len(mission.sources)}"
    for source in mission.sources:
        assert source.publisher, source.id
        assert source.kind is not None, source.id


# --- ISF: identity and mandate ------------------------------------------------------------------


def test_isf_identity(isf: mm.Mission) -> None:
    assert isf.id == "isf"
    assert isf.name == "International Stabilization Force"
    assert isf.acronym == "ISF"
    assert isf.kind is MissionKind.STABILIZATION
    assert isf.status is MissionStatus.AUTHORIZED
    assert isf.area == "Gaza Strip"
    assert isf.countries == ("PSE",)
    assert isf.lead == "board-of-peace"
    assert isf.actor("board-of-peace").name == "Board of Peace"
    assert isf.actor("board-of-peace").kind is ActorKind.INTERNATIONAL_ORGANIZATION


def test_isf_mandate_of_resolution_2803(isf: mm.Mission) -> None:
    assert len(isf.mandates) == 1
    mandate = isf.mandate_on("2026-03-01")
    assert mandate is not None
    assert mandate.authority.kind is AuthorityKind.UN_SECURITY_COUNCIL
    assert mandate.authority.body == "UN Security Council"
    assert mandate.authority.instrument == "S/RES/2803 (2025)"
    assert mandate.authority.adopted == d("2025-11-17")
    assert mandate.start == d("2025-11-17")
    assert mandate.end == d("2027-12-31")
    assert mandate.tasks == (
        Task.BORDER_SECURITY,
        Task.CIVILIAN_PROTECTION,
        Task.HUMANITARIAN_ACCESS,
        Task.DISARMAMENT,
        Task.POLICE_TRAINING,
    )
    assert Task.TRANSITIONAL_ADMINISTRATION not in mandate.tasks  # the Board, not the ISF, administers
    assert mandate.authorized_strength is None  # resolution 2803 sets no ceiling
    assert mandate.summary is not None
    for words in ("Board of Peace", "transitional administration", "all necessary measures", "Egypt and Israel", "six months"):
        assert words in mandate.summary
    assert isf.sources_of(mandate)[0].title == "Security Council press release SC/16225"


def test_isf_mandate_in_force_until_end_of_2027(isf: mm.Mission) -> None:
    assert isf.mandate_on("2025-11-16") is None
    assert isf.mandate_on("2027-12-31") is not None
    assert isf.mandate_on("2028-01-01") is None


# --- ISF: leadership --------------------------------------------------------------------------


def test_isf_force_commander_jasper_jeffers(isf: mm.Mission) -> None:
    assert isf.holder_on(Post.FORCE_COMMANDER, "2026-01-15") is None
    appointment = isf.holder_on(Post.FORCE_COMMANDER, "2026-01-16")
    assert appointment is not None
    assert appointment.holder == "jasper-jeffers"
    assert appointment.start == d("2026-01-16")
    jeffers = isf.actor("jasper-jeffers")
    assert (jeffers.name, jeffers.kind, jeffers.country) == ("Jasper Jeffers", ActorKind.PERSON, "USA")


def test_isf_deputy_command_held_by_indonesia(isf: mm.Mission) -> None:
    assert isf.holder_on(Post.DEPUTY_FORCE_COMMANDER, "2026-02-18") is None
    appointment = isf.holder_on(Post.DEPUTY_FORCE_COMMANDER, "2026-02-19")
    assert appointment is not None
    assert appointment.holder == "IDN"
    assert isf.actor("IDN").name == "Indonesia"


def test_isf_board_of_peace_chaired_by_trump(isf: mm.Mission) -> None:
    appointment = isf.holder_on(Post.CHAIR, "2026-01-22")
    assert appointment is not None
    assert appointment.holder == "donald-trump"
    assert appointment.start is None  # the source gives no start date
    assert isf.actor("donald-trump").country == "USA"


# --- ISF: pledges of 19 February 2026 ---------------------------------------------------------


def test_first_pledges_of_19_february_2026(isf: mm.Mission) -> None:
    pledged = [c for c in isf.contributions if c.status is S.PLEDGED and c.as_of == d("2026-02-19")]
    assert tuple(dict.fromkeys(c.contributor for c in pledged)) == ("IDN", "MAR", "KAZ", "XKX", "ALB")
    assert isf.contributors(status=S.PLEDGED, on="2026-02-19") == ("IDN", "MAR", "KAZ", "XKX", "ALB")
    # Later, Indonesia suspended its deployment and Kosovo's parliament approved its contribution;
    # Albania's preparations (May 2026) and Egypt's commitment (June 2026) are reported unconfirmed.
    assert isf.contributors(status=S.PLEDGED) == ("MAR", "KAZ", "ALB", "EGY")
    assert isf.confirmed_only().contributors(status=S.PLEDGED) == ("MAR", "KAZ", "ALB")
    unconfirmed = {(s.contributor, s.kind) for s in isf.standings() if s.unconfirmed}
    # ... and the sheet's section "Countries that set conditions or declined" is UNCONFIRMED as a whole.
    assert unconfirmed == {
        ("ALB", K.TROOPS),
        ("EGY", K.TROOPS),
        ("MAR", K.TROOPS),
        ("AZE", K.TROOPS),
        ("PAK", K.TROOPS),
        ("ITA", K.TRAINING),
    }


def test_indonesia_pledge_up_to_8000_with_its_terms(isf: mm.Mission) -> None:
    (pledge,) = [c for c in isf.contributions_of("IDN") if c.status is S.PLEDGED]
    assert pledge.kind is K.TROOPS
    assert pledge.strength == Strength.at_most(8000)
    assert str(pledge.strength) == "up to 8,000"
    assert pledge.as_of == d("2026-02-19")
    assert pledge.role == "deputy commander"
    assert pledge.caveats == (
        "strictly humanitarian mandate: civilian protection, medical assistance, reconstruction and capacity building "
        "for Palestinian police",
        "no combat operations or direct confrontation with armed groups",
    )
    assert pledge.sources == ("seed-article",)


def test_indonesia_army_chief_range_kept_as_its_own_claim(isf: mm.Mission) -> None:
    (offer,) = [c for c in isf.contributions_of("IDN") if c.status is S.OFFERED]
    assert offer.kind is K.TROOPS
    assert offer.strength == Strength.between(5000, 8000)
    assert offer.as_of == d("2026-02-15")
    assert offer.sources == ("the-star-2026-02-15",)
    assert isf.source("the-star-2026-02-15").publisher == "The Star"
    assert len(isf.contributions_of("IDN")) == 3


def test_indonesia_history_offer_pledge_suspension(isf: mm.Mission) -> None:
    """Regression: the offer is superseded by the pledge four days later, the pledge by the suspension."""
    steps = {
        "2026-02-14": None,
        "2026-02-15": (S.OFFERED, "5,000 to 8,000"),
        "2026-02-18": (S.OFFERED, "5,000 to 8,000"),
        "2026-02-19": (S.PLEDGED, "up to 8,000"),
        "2026-03-16": (S.PLEDGED, "up to 8,000"),
        "2026-03-17": (S.SUSPENDED, "unknown"),
        "2026-07-01": (S.SUSPENDED, "unknown"),
    }
    for day, expected in steps.items():
        claims = isf.latest_claims(kind=K.TROOPS, on=day)
        indonesia = [(c.status, str(c.strength)) for c in claims if c.contributor == "IDN"]
        assert indonesia == ([] if expected is None else [expected]), day
    assert "IDN" not in isf.contributors(kind=K.TROOPS, status=S.OFFERED)
    assert isf.total_strength(kind=K.TROOPS, status=S.OFFERED, on="2026-02-18") == Strength.at_least(5000)
    assert isf.total_strength(kind=K.TROOPS, status=S.PLEDGED, on="2026-03-01") == Strength.at_least(0)
    assert "IDN" not in isf.contributors()
    assert isf.contributors(status=S.SUSPENDED) == ("IDN",)
    (suspension,) = [c for c in isf.contributions_of("IDN") if c.status is S.SUSPENDED]
    assert suspension.sources == ("viva-antara-2026-03-17", "anews-2026-03-18")
    assert isf.source("viva-antara-2026-03-17").url.startswith("https://jawawa.id/")
    (gap,) = [g for g in isf.pledge_gaps() if g.contributor == "IDN"]
    assert (str(gap.pledged), str(gap.deployed), gap.status) == ("up to 8,000", "0", S.SUSPENDED)


def test_kosovo_parliament_approved_troops(isf: mm.Mission) -> None:
    (approval,) = [c for c in isf.contributions_of("XKX") if c.status is S.APPROVED]
    assert (approval.kind, str(approval.as_of), approval.strength) == (K.TROOPS, "2026-04-17", Strength.unknown())
    assert approval.sources == ("ap-kosovo-2026-04", "getduit-2026-04-17")
    assert isf.source("ap-kosovo-2026-04").publisher == "Associated Press"
    assert isf.contributors(status=S.APPROVED) == ("XKX",)
    assert isf.contributors(status=S.PLEDGED, on="2026-04-16").count("XKX") == 1


def test_kazakhstan_claims_are_not_merged(isf: mm.Mission) -> None:
    claims = isf.contributions_of("KAZ")
    assert [(c.kind, c.status, str(c.as_of), c.sources) for c in claims] == [
        (K.TROOPS, S.PLEDGED, "2026-02-19", ("seed-article", "afp-2026-02-20")),
        (K.MEDICAL, S.PLEDGED, "2026-02-19", ("seed-article",)),
        (K.MEDICAL, S.PLEDGED, "2026-03-04", ("kazinform-2026-03-04",)),
        (K.MILITARY_OBSERVERS, S.PLEDGED, "2026-03-04", ("kazinform-2026-03-04",)),
    ]
    assert all(c.strength.is_unknown for c in claims)  # no numbers were given
    clarified = [c for c in claims if c.as_of == d("2026-03-04")]
    assert clarified[0].role == "medical units with a field hospital"
    assert clarified[1].role == "observers to the Civil-Military Coordination Center (CMCC)"
    for claim in clarified:
        assert claim.caveats == ("humanitarian tasks only", "no combat contingent")
    assert isf.source("kazinform-2026-03-04").published == d("2026-03-04")


def test_kazakhstan_clarification_supersedes_its_troop_pledge(isf: mm.Mission) -> None:
    """The Foreign Ministry's clarification (no combat contingent) replaces the troop pledge, by an explicit link."""
    troops, _, medical, _ = isf.contributions_of("KAZ")
    assert medical.supersedes == troops.id == "kaz-troops-2026-02-19"
    assert [(c.kind, str(c.as_of)) for c in isf.latest_claims() if c.contributor == "KAZ"] == [
        (K.MEDICAL, "2026-03-04"),
        (K.MILITARY_OBSERVERS, "2026-03-04"),
    ]
    assert [c.kind for c in isf.latest_claims(on="2026-03-03") if c.contributor == "KAZ"] == [K.TROOPS, K.MEDICAL]
    assert "KAZ" not in isf.contributors(kind=K.TROOPS)


def test_morocco_police_and_further_detail(isf: mm.Mission) -> None:
    claims = isf.contributions_of("MAR")
    assert [(c.kind, c.status, c.unconfirmed) for c in claims] == [
        (K.POLICE, S.PLEDGED, False),
        (K.TRAINING, S.PLEDGED, False),
        (K.STAFF_OFFICERS, S.PLEDGED, False),
        (K.MEDICAL, S.PLEDGED, False),
        (K.TROOPS, S.DEPLOYED, True),  # first elements reportedly joined on 24 Jun 2026 (le360, via aggregators)
    ]
    assert all(c.strength.is_unknown for c in claims)
    assert all(c.as_of == d("2026-02-19") for c in claims[:4]) and claims[4].as_of == d("2026-06-24")
    assert claims[0].sources == ("seed-article", "afp-2026-02-20", "lbci-afp-2026-02-19")
    assert claims[2].role == "senior officers for the ISF joint command"
    assert claims[3].role == "military field hospital"
    assert set(claims[1].sources) == {"lbci-afp-2026-02-19", "le-matin-2026-02"}


def test_albania_and_kosovo_pledged_troops_without_numbers(isf: mm.Mission) -> None:
    albania, preparing = isf.contributions_of("ALB")
    assert (preparing.status, preparing.as_of, preparing.unconfirmed) == (S.PLEDGED, d("2026-05-18"), True)
    kosovo, approval = isf.contributions_of("XKX")
    assert (approval.status, approval.as_of, approval.unconfirmed) == (S.APPROVED, d("2026-04-17"), False)
    for claim in (albania, kosovo):
        assert (claim.kind, claim.status, claim.strength) == (K.TROOPS, S.PLEDGED, Strength.unknown())
        assert claim.as_of == d("2026-02-19")
    assert "a-news-2026-02-20" in albania.sources
    assert "menafn-2026-02-21" in kosovo.sources
    assert isf.actor("XKX").name == "Kosovo"


def test_pledged_total_is_honestly_unbounded(isf: mm.Mission) -> None:
    assert str(isf.total_strength(status=S.PLEDGED)) == "unknown"
    assert str(isf.total_strength(status=S.PLEDGED, kind=K.POLICE)) == "unknown"
    # Only Pakistan's offer (no number) is still an offer of troops: Indonesia's was superseded.
    assert isf.total_strength(status=S.OFFERED, kind=K.TROOPS) == Strength.unknown()
    assert isf.contributors(status=S.OFFERED, kind=K.TROOPS) == ("PAK",)


# --- ISF: training offers, conditions and refusals ----------------------------------------------


def test_egypt_and_jordan_offer_police_training_not_troops(isf: mm.Mission) -> None:
    egypt, commitment = isf.contributions_of("EGY")
    assert (egypt.kind, egypt.status, egypt.role) == (K.TRAINING, S.OFFERED, "training Palestinian police forces")
    # The Board of Peace's announcement of 5 Jun 2026, reported by one analysis piece only.
    assert (commitment.status, commitment.as_of, commitment.unconfirmed) == (S.PLEDGED, d("2026-06-05"), True)
    jordan = isf.contributions_of("JOR")
    # The refusal to send troops is reported for Feb 2026 and, per the URL table, was said in Oct 2025.
    assert [(c.kind, c.status, str(c.as_of)) for c in jordan] == [
        (K.TRAINING, S.OFFERED, "2026-02-19"),
        (K.TROOPS, S.DECLINED, "2026-02"),
        (K.TROOPS, S.DECLINED, "2025-10"),
    ]
    assert jordan[0].caveats == ("no troops",)
    assert "JOR" not in isf.contributors(kind=K.TROOPS, status=S.PLEDGED)


def test_italy_offers_carabinieri_police_training_twice_reported(isf: mm.Mission) -> None:
    claims = isf.contributions_of("ITA")
    assert [(c.kind, c.status, str(c.as_of), c.sources) for c in claims] == [
        (K.TRAINING, S.OFFERED, "2025-11", ("crosetto-2025-11",)),
        (K.TRAINING, S.OFFERED, "2026-02-16", ("tajani-2026-02-16",)),
    ]
    for claim in claims:
        assert claim.role == "police training by the Carabinieri"
        assert claim.caveats == ("outside Gaza", "no troops")


def test_azerbaijan_set_a_condition_then_declined(isf: mm.Mission) -> None:
    claims = isf.contributions_of("AZE")
    assert [(c.status, str(c.as_of)) for c in claims] == [(S.OFFERED, "2025-11-07"), (S.DECLINED, "2026-01-05")]
    assert claims[0].caveats == ("only after a full halt to fighting",)
    assert claims[1].sources == ("report-az-2026-01-05",)
    assert isf.contributors(status=S.DECLINED) == ("JOR", "AZE")
    # Regression: Azerbaijan is no longer listed as offering troops once it declined.
    assert "AZE" not in isf.contributors(status=S.OFFERED)
    assert "AZE" in isf.contributors(status=S.OFFERED, on="2025-12")


def test_pakistan_willing_in_principle_but_not_to_disarm_hamas(isf: mm.Mission) -> None:
    (claim,) = isf.contributions_of("PAK")
    assert (claim.status, claim.as_of) == (S.OFFERED, d("2025-11-29"))
    assert claim.caveats == ("not ready to disarm Hamas", "waiting for the terms")
    (position,) = [p for p in isf.positions if p.actor == "PAK"]
    assert position.stance is Stance.CONDITIONAL
    assert position.demands == ("no task of disarming Hamas",)


def test_uae_and_turkey(isf: mm.Mission) -> None:
    (uae,) = [p for p in isf.positions if p.actor == "ARE"]
    assert (uae.stance, uae.demands, uae.date) == (Stance.CONDITIONAL, ("a clear legal framework",), d("2025-11"))
    israel, at_the_council = [p for p in isf.positions if p.actor == "ISR"]
    assert (israel.stance, israel.subject) == (Stance.OPPOSES, "Turkish troops in the ISF")
    assert (at_the_council.date, at_the_council.unconfirmed) == (d("2026-05-21"), True)
    assert isf.contributions_of("TUR") == ()  # no Turkish offer is reported


# --- ISF: positions -------------------------------------------------------------------------------


def test_china_and_russia_abstained(isf: mm.Mission) -> None:
    neutral = isf.positions_by(Stance.NEUTRAL)
    assert [(p.actor, p.subject, str(p.date), p.sources) for p in neutral] == [
        ("CHN", "resolution 2803 (2025)", "2025-11-17", ("sc-16225",)),
        ("RUS", "resolution 2803 (2025)", "2025-11-17", ("sc-16225",)),
    ]


def test_hamas_positions(isf: mm.Mission) -> None:
    hamas = [p for p in isf.positions if p.actor == "hamas"]
    assert [(p.stance, p.subject, str(p.date)) for p in hamas] == [
        (Stance.OPPOSES, "resolution 2803 (2025)", "2025-11"),
        (Stance.OPPOSES, "the proposed political arrangements for Gaza", "2026-02"),
        (Stance.OPPOSES, "the Board of Peace's first report to the Security Council", "2026-05-20"),
        (Stance.CONDITIONAL, "the arrival of international forces", "2026-06-30"),
    ]
    assert hamas[0].summary is not None and "international guardianship" in hamas[0].summary
    assert hamas[0].sources == ("a-news-2025-11-18",)
    assert hamas[1].demands == (
        "complete cessation of Israeli military operations",
        "lifting of the blockade",
        "recognition of the Palestinian people's national rights, including self-determination",
        "open border crossings",
        "unrestricted humanitarian aid",
        "immediate reconstruction",
        "full implementation of existing agreements",
        "a permanent ceasefire",
    )
    assert hamas[1].sources == ("seed-article",)
    assert isf.actor("hamas").kind is ActorKind.POLITICAL_MOVEMENT


def test_amnesty_international_indonesia_concerned(isf: mm.Mission) -> None:
    position = isf.positions_by(Stance.CONCERNED)[0]
    assert position.actor == "amnesty-international-indonesia"
    assert position.date == d("2026-02-12")
    assert position.summary is not None and "dangerous gamble" in position.summary
    assert position.sources == ("seed-article", "suara-2026-02-12")
    actor = isf.actor("amnesty-international-indonesia")
    assert (actor.kind, actor.country) == (ActorKind.NGO, "IDN")


def test_indonesia_conditional_with_its_terms(isf: mm.Mission) -> None:
    indonesia = [p for p in isf.positions if p.actor == "IDN"]
    assert [(p.stance, str(p.date)) for p in indonesia] == [(Stance.CONDITIONAL, "2026-02-14"), (Stance.CONDITIONAL, "2026-02")]
    assert indonesia[0].demands == (
        "strictly humanitarian mandate: civilian protection, medical assistance, reconstruction and capacity building "
        "for Palestinian police",
        "no combat operations or direct confrontation with armed groups",
    )
    assert indonesia[1].demands == (
        "no role in disarmament",
        "remains under Indonesian national command",
        "consent of the Palestinian Authority",
        "withdrawal if the mission deviates",
    )


def test_positions_by_stance(isf: mm.Mission) -> None:
    assert [p.actor for p in isf.positions_by(Stance.OPPOSES)] == ["hamas", "ISR", "hamas", "hamas"]
    assert [p.actor for p in isf.positions_by(Stance.CONDITIONAL)] == ["AZE", "ARE", "PAK", "IDN", "IDN", "hamas"]
    assert [p.actor for p in isf.positions_by(Stance.SUPPORTS)] == [
        "palestinian-authority",
        "united-nations",
        "XKX",
        "EGY",
        "QAT",
        "TUR",
    ]
    assert [p.actor for p in isf.positions_by(Stance.OPPOSES, on="2026-03-01")] == ["hamas", "ISR", "hamas"]


def test_isf_as_it_stood_before_the_pledging_meeting(isf: mm.Mission) -> None:
    before = isf.as_of("2026-02-18")
    assert before.contributors(status=S.PLEDGED) == ()
    assert before.holder_on(Post.DEPUTY_FORCE_COMMANDER, "2026-02-18") is None


def test_isf_seed_article_source(isf: mm.Mission) -> None:
    seed = isf.source("seed-article")
    assert seed.title == (
        "Five Countries Pledge Troops for Gaza Under New International Stabilization Plan as Hamas Rejects Initiative"
    )
    assert seed.published == d("2026-02")
    assert seed.url == "https://newswatchint.com/international-force-for-gaza-indonesia-morocco-kosovo-among-contributors"
    assert (seed.kind, seed.language) == (mm.SourceKind.NEWS_REPORT, "en")
    sc = isf.source("sc-16225")
    assert (sc.publisher, sc.published) == ("United Nations", d("2025-11-17"))


# --- UNIFIL -------------------------------------------------------------------------------------


def test_unifil_identity(unifil: mm.Mission) -> None:
    assert unifil.id == "unifil"
    assert unifil.name == "United Nations Interim Force in Lebanon"
    assert unifil.acronym == "UNIFIL"
    assert unifil.kind is MissionKind.PEACEKEEPING
    assert unifil.status is MissionStatus.ACTIVE
    # IPI's per-mission table (which spells it "Naquora") gives the coordinates.
    assert unifil.headquarters == mm.Place(name="Naqoura", country="LBN", latitude=33.12, longitude=35.1342)
    assert unifil.area is not None and unifil.area.startswith("Southern Lebanon, between the Litani River and the Blue Line")
    assert "1,060 km²" in unifil.area
    assert unifil.countries == ("LBN",)
    assert unifil.established == d("1978-03-19")
    assert unifil.ended is None
    assert unifil.actor(unifil.lead or "").name == "UN Department of Peace Operations"


def test_unifil_mandate_of_1978(unifil: mm.Mission) -> None:
    first = unifil.mandates[0]
    assert first.authority.kind is AuthorityKind.UN_SECURITY_COUNCIL
    assert first.authority.instruments == ("S/RES/425 (1978)", "S/RES/426 (1978)")
    assert first.authority.adopted == d("1978-03-19")
    assert first.tasks == (Task.WITHDRAWAL_VERIFICATION, Task.RESTORE_PEACE_AND_SECURITY, Task.STATE_AUTHORITY)
    assert unifil.mandate_on("1978-04-01") is first
    assert unifil.mandate_on("1978-03-18") is None  # before UNIFIL existed: no warning, nothing to miss
    # 1990 falls between resolution 594 (to 31 Jul 1987) and resolution 1337 (2001): the renewals
    # between are not recorded, and the answer says so.
    with pytest.warns(mm.CoverageWarning, match="gap of the data"):
        mandate = unifil.mandate_on("1990-01-01")
    assert mandate is not None and mandate.authority.instruments == ("S/RES/594 (1987)",)


def test_unifil_mandate_of_2006_and_its_renewals(unifil: mm.Mission) -> None:
    resolution_1701 = next(m for m in unifil.mandates if m.authority.instrument == "S/RES/1701 (2006)")
    assert resolution_1701.authority.adopted == d("2006-08-11")
    assert resolution_1701.tasks == (
        Task.CEASEFIRE_MONITORING,
        Task.SUPPORT_TO_HOST_ARMED_FORCES,
        Task.HUMANITARIAN_ACCESS,
        Task.WEAPONS_FREE_ZONE,
    )
    assert resolution_1701.authorized_strength == Strength.at_most(15000)
    in_2010 = unifil.mandate_on("2010-01-01")
    assert in_2010 is not None and in_2010.authority.instrument == "S/RES/1884 (2009)"
    assert in_2010.end == d("2010-08-31")
    assert resolution_1701 in unifil.mandate_chain(in_2010)
    # The renewal carries 1701's tasks and ceiling over, and the tasks of 1978 before them.
    assert unifil.tasks_on("2010-01-01") == first_tasks(unifil) + resolution_1701.tasks
    ceiling = unifil.authorized_strength_on("2010-01-01")
    assert ceiling is not None and ceiling.set_by is resolution_1701 and str(ceiling) == "up to 15,000"


def first_tasks(unifil: mm.Mission) -> tuple[Task, ...]:
    return unifil.mandates[0].tasks


def test_unifil_final_mandate_of_2025(unifil: mm.Mission) -> None:
    mandate = unifil.mandate_on("2026-06-01")
    assert mandate is not None
    assert mandate.authority.instrument == "S/RES/2790 (2025)"
    assert mandate.authority.adopted == d("2025-08-28")
    assert (mandate.start, mandate.end) == (d("2025-08-28"), d("2026-12-31"))
    assert mandate.restrictions == (
        "final extension of the mandate",
        "cease operations on 31 December 2026 and withdraw within one year",
    )
    assert mandate.summary is not None and "1 June 2026" in mandate.summary
    sc = unifil.source("sc-16159")
    assert sc.title.startswith("Unanimously Adopting Resolution 2790 (2025)")
    assert sc.url == "https://press.un.org/en/2025/sc16159.doc.htm"
    assert unifil.mandate_chain(mandate)[0] is unifil.mandates[0]
    assert len(unifil.mandate_chain(mandate)) == len(unifil.mandates)


COMMANDERS = [
    ("claudio-graziano", "Claudio Graziano", "ITA", "2007-02-02", "2010-01-28"),
    ("alberto-asarta-cuevas", "Alberto Asarta Cuevas", "ESP", "2010-01-28", "2012-01-28"),
    ("paolo-serra", "Paolo Serra", "ITA", "2012-01-28", "2014-07-24"),
    ("luciano-portolano", "Luciano Portolano", "ITA", "2014-07-24", "2016-07-19"),
    ("michael-beary", "Michael Beary", "IRL", "2016-07-19", "2018-08-07"),
    ("stefano-del-col", "Stefano Del Col", "ITA", "2018-08-07", "2022-02-28"),
    ("aroldo-lazaro-saenz", "Aroldo Lázaro Sáenz", "ESP", "2022-02-28", "2025-06-24"),
    ("diodato-abagnara", "Diodato Abagnara", "ITA", "2025-06-24", None),
]
"""Heads of mission and force commanders since 2007, when both posts are recorded together."""


@pytest.mark.parametrize("post", [Post.HEAD_OF_MISSION, Post.FORCE_COMMANDER])
def test_unifil_heads_of_mission_and_force_commanders(unifil: mm.Mission, post: Post) -> None:
    terms = [
        (a.holder, str(a.start), None if a.end is None else str(a.end))
        for a in unifil.appointments
        if a.post is post and a.disputes is None and a.start is not None and a.start >= d("2007")
    ]
    assert terms == [(person, start, end) for person, _, _, start, end in COMMANDERS]
    for person, name, country, _, _ in COMMANDERS:
        actor = unifil.actor(person)
        assert (actor.name, actor.kind, actor.country, actor.nationality) == (name, ActorKind.PERSON, country, country)
    # The 2025 handover: 24 June (LBCI, Naharnet) and, unconfirmed, 23 June (adnkronos).
    alternative = [a for a in unifil.appointments if a.post is post and a.disputes is not None and a.holder == "diodato-abagnara"]
    assert [(str(a.start), a.unconfirmed) for a in alternative] == [("2025-06-23", True)]


@pytest.mark.parametrize(
    ("day", "holder"),
    [
        ("2010-06-01", "alberto-asarta-cuevas"),
        ("2015-06-01", "luciano-portolano"),
        ("2018-08-06", "michael-beary"),
        ("2018-08-07", "stefano-del-col"),
        ("2022-02-28", "aroldo-lazaro-saenz"),
        ("2025-06-23", "aroldo-lazaro-saenz"),
        ("2025-06-24", "diodato-abagnara"),
        ("2026-11-01", "diodato-abagnara"),
    ],
)
def test_unifil_holder_on(unifil: mm.Mission, day: str, holder: str) -> None:
    for post in (Post.HEAD_OF_MISSION, Post.FORCE_COMMANDER):
        appointment = unifil.holder_on(post, day)
        assert appointment is not None
        assert appointment.holder == holder


def test_unifil_abagnara_appointment_cites_sg_a_2355(unifil: mm.Mission) -> None:
    appointment = unifil.holder_on(Post.FORCE_COMMANDER, "2025-07-01")
    assert appointment is not None
    assert "sg-a-2355" in appointment.sources
    source = unifil.source("sg-a-2355")
    assert source.title.startswith("Secretary-General appoints Major General Diodato Abagnara of Italy")
    assert (source.url, source.kind) == ("https://press.un.org/en/2025/sga2355.doc.htm", mm.SourceKind.PRESS_RELEASE)


CONTINGENTS_2024 = {
    "IDN": 1231,
    "ITA": 1068,
    "IND": 903,
    "NPL": 876,
    "GHA": 873,
    "MYS": 833,
    "ESP": 676,
    "FRA": 673,
    "CHN": 418,
    "IRL": 370,
    "KOR": 294,
}


def test_unifil_largest_contingents_of_2_september_2024(unifil: mm.Mission) -> None:
    snapshot = [c for c in unifil.contributions if c.as_of == d("2024-09-02")]
    assert {c.contributor: c.strength for c in snapshot} == {code: Strength.exact(n) for code, n in CONTINGENTS_2024.items()}
    for claim in snapshot:
        assert claim.status is S.DEPLOYED and claim.kind is K.TROOPS
        assert set(claim.sources) >= {"unifil-tcc-page", "tribunnews-2024-09"}
    # The force total of 10,058 from 50 countries is a personnel figure; the contingents recorded are the largest only.
    figure = [f for f in unifil.personnel if f.as_of == d("2024-09-02") and f.personnel == (K.TROOPS,)]
    assert [(f.strength, f.contributing_countries) for f in figure] == [(Strength.exact(10058), 50)]


def test_unifil_has_no_positions(unifil: mm.Mission) -> None:
    assert unifil.positions == ()


# --- figures and votes -------------------------------------------------------------------------


def test_isf_vote_on_resolution_2803(isf: mm.Mission) -> None:
    vote = isf.mandates[0].authority.vote
    assert vote == mm.Vote(in_favour=13, against=0, abstentions=2, meeting="10,046th meeting")


def test_isf_planned_size_given_by_the_commander(isf: mm.Mission) -> None:
    planned = isf.personnel_figure(mm.FigureKind.PLANNED)
    assert planned is not None
    assert planned.strength == Strength.exact(20000)
    assert planned.personnel == (K.TROOPS,)
    assert not planned.approximate
    assert planned.note is not None and "12,000 Palestinian police to be trained" in planned.note
    assert "Rafah" in planned.note
    # Xinhua gives the numbers; "Rafah first, then sector by sector" is Reuters's (source-urls.md, row 23).
    assert [source.id for source in isf.sources_of(planned)] == ["xinhua-2026-02-20", "news-reports-2026-02"]
    assert isf.sources_of(planned)[0].publisher == "Xinhua"
    assert isf.source("xinhua-2026-02-20").published == d("2026-02-20")
    assert isf.personnel_figure(mm.FigureKind.ACTUAL) is None


def test_unifil_votes(unifil: mm.Mission) -> None:
    resolution_1701 = next(m for m in unifil.mandates if m.authority.instrument == "S/RES/1701 (2006)")
    assert resolution_1701.authority.vote == mm.Vote(unanimous=True, meeting="5,511th meeting")
    assert unifil.mandates[0].authority.vote == mm.Vote(
        in_favour=12, against=0, abstentions=2, meeting="2,074th and 2,075th meetings"
    ) or (
        unifil.mandates[0].authority.vote is not None
        and (unifil.mandates[0].authority.vote.in_favour, unifil.mandates[0].authority.vote.abstentions) == (12, 2)
    )
    final = unifil.mandate_on("2026-06")
    assert final is not None and final.authority.vote == mm.Vote(unanimous=True, meeting="9,989th meeting")


def test_unifil_latest_figures(unifil: mm.Mission) -> None:
    troops = unifil.personnel_figure(personnel=[K.TROOPS])
    assert troops is not None
    assert (troops.strength, troops.contributing_countries, troops.as_of) == (Strength.exact(10150), 48, d("2024-11-23"))
    civilians = unifil.personnel_figure(personnel=[K.CIVILIAN])
    assert civilians is not None and (civilians.strength, civilians.as_of) == (Strength.exact(800), d("2024-11-23"))
    latest = unifil.personnel_figure()
    assert latest is not None
    assert (latest.strength, latest.approximate, latest.unconfirmed, latest.as_of) == (
        Strength.exact(9900),
        True,
        True,
        d("2025-11-20"),
    )
    assert latest.note is not None and "about 10,500" in latest.note


def test_unifil_mandates_succeed_one_another(unifil: mm.Mission) -> None:
    assert unifil.mandate_on("2025-08-27").authority.instrument == "S/RES/2749 (2024)"
    assert unifil.mandate_on("2027-06-01") is None


@pytest.mark.parametrize("name", ["isf", "unifil"])
def test_every_declared_source_is_cited_and_the_mission_facts_are_sourced(name: str) -> None:
    mission = datasets.load(name)
    assert mission.profile_sources
    cited = set(mission.profile_sources)
    for collection in (*CITING, "coverage"):
        for record in getattr(mission, collection):
            cited |= set(record.sources)
    assert cited == {source.id for source in mission.sources}


# --- metadata and citation --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["isf", "unifil"])
def test_metadata_says_version_as_of_and_licence(name: str) -> None:
    about = datasets.info(name)
    assert about.name == name and about.title and about.description
    assert about.licence == "CC-BY-4.0"
    assert about.version == f"{about.compiled.year}.{about.compiled.month:02}.{about.compiled.day:02}"
    assert not mm.timeline.certainly_before(about.compiled, about.as_of)
    assert about.coverage == datasets.load(name).coverage and about.coverage


@pytest.mark.parametrize("name", ["isf", "unifil"])
def test_nothing_is_dated_after_the_as_of_date(name: str) -> None:
    mission, about = datasets.load(name), datasets.info(name)
    dated = (
        [(f"contributions[{i}]", c.as_of) for i, c in enumerate(mission.contributions)]
        + [(f"personnel[{i}]", f.as_of) for i, f in enumerate(mission.personnel)]
        + [(f"positions[{i}]", p.date) for i, p in enumerate(mission.positions)]
        + [(f"appointments[{i}]", a.start) for i, a in enumerate(mission.appointments)]
        + [(f"events[{i}]", e.date) for i, e in enumerate(mission.events)]
        + [(f"fatality_counts[{i}]", c.as_of) for i, c in enumerate(mission.fatality_counts)]
        + [(f"budgets[{i}]", b.decided) for i, b in enumerate(mission.budgets)]
    )
    late = [(path, str(day)) for path, day in dated if day is not None and mm.timeline.certainly_before(about.as_of, day)]
    assert late == []


def test_cite_in_three_styles() -> None:
    import json

    about = datasets.info("unifil")
    text = datasets.cite("unifil")
    assert text.endswith("\n") and text.count("\n") == 1
    assert f"version {about.version}" in text and f"data as of {about.as_of}" in text and about.title in text
    bibtex = datasets.cite("unifil", "bibtex")
    assert bibtex.startswith("@misc{missionmodel-unifil-2026-11-27,\n") and bibtex.endswith("}\n")
    assert "  version = {2026.11.27},\n" in bibtex and "  title = {" + about.title + "},\n" in bibtex
    (item,) = json.loads(datasets.cite("unifil", "csl-json"))
    assert (item["type"], item["title"], item["version"]) == ("dataset", about.title, about.version)
    assert item["issued"] == {"date-parts": [[2026, 11, 27]]}
    with pytest.raises(mm.MissionModelError, match="citation style must be"):
        datasets.cite("unifil", "apa")  # type: ignore[arg-type]
    with pytest.raises(datasets.UnknownDatasetError):
        datasets.info("kfor")
