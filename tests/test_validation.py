"""A battery of invalid documents, one for each validation rule, checked for the exact path and message."""

import copy

import pytest

import missionmodel as mm

VALID = {
    "id": "isf",
    "name": "International Stabilization Force",
    "kind": "stabilization",
    "status": "authorized",
    "countries": ["PSE"],
    "lead": "board-of-peace",
    "mandates": [
        {
            "authority": {"kind": "un_security_council", "instruments": ["S/RES/2803 (2025)"], "adopted": "2025-11-17"},
            "tasks": ["border_security"],
            "end": "2027-12-31",
            "sources": ["sc-16225"],
        }
    ],
    "contributions": [
        {"contributor": "IDN", "kind": "troops", "status": "pledged", "strength": {"min": 0, "max": 8000}, "sources": ["seed"]},
        {"contributor": "KAZ", "kind": "medical", "status": "pledged", "strength": "unknown", "sources": ["seed"]},
        {"contributor": "XKX", "kind": "troops", "status": "pledged", "strength": "unknown", "sources": ["seed"]},
    ],
    "appointments": [{"post": "force_commander", "holder": "jasper-jeffers", "start": "2026-01-16", "sources": ["seed"]}],
    "positions": [{"actor": "hamas", "stance": "opposes", "date": "2026-02", "sources": ["seed"]}],
    "actors": [
        {"id": "board-of-peace", "name": "Board of Peace", "kind": "international_organization"},
        {"id": "jasper-jeffers", "name": "Jasper Jeffers", "kind": "person", "country": "USA"},
        {"id": "hamas", "name": "Hamas", "kind": "political_movement"},
    ],
    "sources": [{"id": "seed", "title": "Five Countries Pledge Troops"}, {"id": "sc-16225", "title": "SC/16225"}],
}


def test_the_valid_document_loads():
    mission = mm.from_dict(VALID, mm.Mission)
    assert mission.contributors() == ("IDN", "KAZ", "XKX")
    assert mm.to_dict(mission) == VALID


def test_the_old_form_of_an_authority_loads_as_the_new_one():
    old = copy.deepcopy(VALID)
    old["mandates"][0]["authority"] = {"kind": "un_security_council", "instrument": "S/RES/2803 (2025)", "adopted": "2025-11-17"}
    assert mm.from_dict(old, mm.Mission) == mm.from_dict(VALID, mm.Mission)
    assert mm.to_dict(mm.from_dict(old, mm.Mission)) == VALID  # written in the new form
    old["mandates"][0]["authority"]["instrument"] = None
    assert mm.from_dict(old, mm.Mission).mandates[0].authority.instruments == ()


def _mandate(**fields):
    return {"authority": {"kind": "un_security_council"}, **fields}


def _budget(**fields):
    return {"start": "2010-07-01", "end": "2011-06-30", "kind": "approved", **fields}


def _cycle(d):
    d["mandates"][0].update(id="c", follows="a")
    d["mandates"].append(_mandate(id="a", follows="b", start="2025-11-17"))
    d["mandates"].append(_mandate(id="b", follows="c", start="2025-11-17"))


def edited(edit):
    document = copy.deepcopy(VALID)
    edit(document)
    return document


def problems_of(document):
    with pytest.raises(mm.ValidationError) as info:
        mm.from_dict(document, mm.Mission)
    return [(e.path, e.message) for e in info.value.errors]


CASES = {
    "wrong type": (
        lambda d: d["contributions"][1].update(contributor=398),
        [("contributions[1].contributor", "'contributor' must be str (got 398 that is an int)")],
    ),
    "wrong type of list": (
        lambda d: d.update(countries="PSE"),
        [("countries", "'countries' must be a list of str (got 'PSE' that is a str)")],
    ),
    "unknown enum value": (
        lambda d: d["positions"][0].update(stance="rejects"),
        [
            (
                "positions[0].stance",
                "'stance' must be one of 'supports', 'conditional', 'concerned', 'opposes', 'neutral' "
                "(got 'rejects' that is a str)",
            )
        ],
    ),
    "unknown key": (
        lambda d: d["contributions"][0].update(contributer=d["contributions"][0].pop("contributor")),
        [
            ("contributions[0].contributor", "'contributor' is required"),
            ("contributions[0].contributer", "unknown key 'contributer'; did you mean 'contributor'?"),
        ],
    ),
    "missing required field": (
        lambda d: d.pop("name"),
        [("name", "'name' is required")],
    ),
    "alpha-2 country code": (
        lambda d: d.update(countries=["PS"]),
        [("countries[0]", "'PS' is not an ISO 3166-1 alpha-3 country code; did you mean 'PSE'?")],
    ),
    "country name instead of code": (
        lambda d: d["contributions"][0].update(contributor="Indonesia"),
        [
            (
                "contributions[0].contributor",
                "'contributor' must be a lower-case slug such as 'board-of-peace' or an ISO 3166-1 alpha-3 code "
                "(got 'Indonesia'); did you mean 'IDN'?",
            )
        ],
    ),
    "code not in ISO 3166-1": (
        lambda d: d["contributions"][2].update(contributor="KOS"),
        [("contributions[2].contributor", "'KOS' is not an ISO 3166-1 alpha-3 country code")],
    ),
    "negative strength": (
        lambda d: d["contributions"][0].update(strength=-100),
        [("contributions[0].strength", "'strength' must not be negative (got -100)")],
    ),
    "inverted strength": (
        lambda d: d["contributions"][0].update(strength={"min": 8000, "max": 5000}),
        [
            (
                "contributions[0].strength",
                "'strength' is an inverted range: the lower bound 8,000 is above the upper bound 5,000",
            )
        ],
    ),
    "malformed date": (
        lambda d: d["positions"][0].update(date="Feb 2026"),
        [("positions[0].date", "'date' must be a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (got 'Feb 2026')")],
    ),
    "end before start": (
        lambda d: d["mandates"][0].update(start="2028-01-01"),
        [("mandates[0].end", "'end' (2027-12-31) is before 'start' (2028-01-01)")],
    ),
    "mission ended before established": (
        lambda d: d.update(established="2025-11-17", ended="2025-10"),
        [("ended", "'ended' (2025-10) is before 'established' (2025-11-17)")],
    ),
    "undeclared actor": (
        lambda d: d["positions"][0].update(actor="amnesty-indonesia"),
        [
            (
                "positions[0].actor",
                "refers to actor 'amnesty-indonesia', which is not declared in 'actors' and is not an ISO 3166-1 alpha-3 code",
            )
        ],
    ),
    "undeclared source": (
        lambda d: d["contributions"][1].update(sources=["seed", "kazinform"]),
        [("contributions[1].sources[1]", "cites source 'kazinform', which is not declared in 'sources'")],
    ),
    "duplicate actor id": (
        lambda d: d["actors"].append({"id": "hamas", "name": "Hamas movement", "kind": "armed_group"}),
        [("actors[3].id", "duplicate actor id 'hamas' (first declared at actors[2].id)")],
    ),
    "duplicate source id": (
        lambda d: d["sources"].append({"id": "seed", "title": "Another article"}),
        [("sources[2].id", "duplicate source id 'seed' (first declared at sources[0].id)")],
    ),
    "two holders of one post": (
        lambda d: d["appointments"].append(
            {"post": "force_commander", "holder": "USA", "start": "2025-12", "end": "2026-06", "sources": ["seed"]}
        ),
        [("appointments[1]", "'USA' holds 'force_commander' at the same time as 'jasper-jeffers' (appointments[0])")],
    ),
    "bad slug id": (
        lambda d: d.update(id="ISF Gaza"),
        [("id", "'id' must be a lower-case slug of letters, digits and hyphens, such as 'unifil' (got 'ISF Gaza')")],
    ),
    "empty text": (
        lambda d: d.update(name="  "),
        [("name", "'name' must not be empty")],
    ),
    "currency in lower case": (
        lambda d: d.update(budgets=[_budget(currency="usd")]),
        [
            (
                "budgets[0].currency",
                "'currency' must be an ISO 4217 code of three capital letters, such as 'USD' (got 'usd'); did you mean 'USD'?",
            )
        ],
    ),
    "currency that is not a code": (
        lambda d: d.update(budgets=[_budget(currency="dollars")]),
        [("budgets[0].currency", "'currency' must be an ISO 4217 code of three capital letters, such as 'USD' (got 'dollars')")],
    ),
    "language in upper case": (
        lambda d: d["sources"][0].update(language="EN"),
        [
            (
                "sources[0].language",
                "'language' must be an ISO 639-1 code in lower case, such as 'en' or 'fr' (got 'EN'); did you mean 'en'?",
            )
        ],
    ),
    "language that is not a code": (
        lambda d: d["sources"][0].update(language="english"),
        [("sources[0].language", "'language' must be an ISO 639-1 code in lower case, such as 'en' or 'fr' (got 'english')")],
    ),
    "source kind unknown": (
        lambda d: d["sources"][0].update(kind="newspaper"),
        [
            (
                "sources[0].kind",
                "'kind' must be one of 'un_document', 'press_release', 'official_statement', 'news_report', 'analysis', "
                "'reference_work', 'dataset', 'social_media', 'other' (got 'newspaper' that is a str)",
            )
        ],
    ),
    "follows naming no mandate": (
        lambda d: d["mandates"][0].update(follows="res-1"),
        [("mandates[0].follows", "names mandate 'res-1', which no mandate has as its 'id'")],
    ),
    "follows its own id": (
        lambda d: d["mandates"][0].update(id="res-2", follows="res-2"),
        [("mandates[0].follows", "'follows' names the record's own id ('res-2')")],
    ),
    "follows a later mandate": (
        lambda d: (
            d["mandates"][0].update(id="first", follows="later"),
            d["mandates"].append(_mandate(id="later", start="2028-01-01")),
        ),
        [("mandates[0].follows", "follows mandate 'later', which takes effect later (2028-01-01)")],
    ),
    "follows cycle": (
        _cycle,
        [("mandates[1].follows", "the mandates follow one another in a cycle ('c' -> 'a' -> 'b' -> 'c')")],
    ),
    "duplicate mandate id": (
        lambda d: (d["mandates"][0].update(id="res"), d["mandates"].append(_mandate(id="res", start="2026"))),
        [("mandates[1].id", "duplicate mandate id 'res' (first declared at mandates[0].id)")],
    ),
    "approximate without a ceiling": (
        lambda d: d["mandates"][0].update(approximate=True),
        [("mandates[0].approximate", "'approximate' is true but the mandate sets no 'authorized_strength'")],
    ),
    "instrument listed twice": (
        lambda d: d["mandates"][0]["authority"].update(instruments=["S/RES/2803 (2025)", "S/RES/2803 (2025)"]),
        [("mandates[0].authority.instruments[1]", "lists 'S/RES/2803 (2025)' twice")],
    ),
    "instrument and instruments both given": (
        lambda d: d["mandates"][0]["authority"].update(instrument="S/RES/2803 (2025)"),
        [("mandates[0].authority.instrument", "unknown key 'instrument'; did you mean 'instruments'?")],
    ),
    "appointment disputes nothing": (
        lambda d: d["appointments"][0].update(disputes="fc-1"),
        [("appointments[0].disputes", "names appointment 'fc-1', which no appointment has as its 'id'")],
    ),
    "duplicate appointment id": (
        lambda d: (
            d["appointments"][0].update(id="fc"),
            d["appointments"].append({"id": "fc", "post": "force_commander", "holder": "USA", "start": "2026-01-20"}),
        ),
        [("appointments[1].id", "duplicate appointment id 'fc' (first declared at appointments[0].id)")],
    ),
    "event disputes nothing": (
        lambda d: d.update(events=[{"date": "2026", "summary": "Troops arrive.", "disputes": "e1"}]),
        [("events[0].disputes", "names event 'e1', which no event has as its 'id'")],
    ),
    "event with an undeclared actor": (
        lambda d: d.update(events=[{"date": "2026", "summary": "Troops arrive.", "actors": ["IDN", "nobody"]}]),
        [
            (
                "events[0].actors[1]",
                "refers to actor 'nobody', which is not declared in 'actors' and is not an ISO 3166-1 alpha-3 code",
            )
        ],
    ),
    "fatality count disputes nothing": (
        lambda d: d.update(fatality_counts=[{"count": 3, "disputes": "e1"}]),
        [("fatality_counts[0].disputes", "names fatality count 'e1', which no fatality count has as its 'id'")],
    ),
    "budget disputes itself": (
        lambda d: d.update(budgets=[_budget(id="b", disputes="b")]),
        [("budgets[0].disputes", "'disputes' names the record's own id ('b')")],
    ),
    "budget disputes nothing": (
        lambda d: d.update(budgets=[_budget(disputes="b")]),
        [("budgets[0].disputes", "names budget 'b', which no budget has as its 'id'")],
    ),
    "coverage note citing an undeclared source": (
        lambda d: d.update(coverage=[{"status": "known", "text": "All of it.", "sources": ["nope"]}]),
        [("coverage[0].sources[0]", "cites source 'nope', which is not declared in 'sources'")],
    ),
    "record that is not a mapping": (
        lambda d: d["contributions"].append("ALB"),
        [("contributions[3]", "'contributions[3]' must be Contribution, or a mapping of its fields (got 'ALB' that is a str)")],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_rule(case):
    edit, expected = CASES[case]
    assert problems_of(edited(edit)) == expected


def test_every_problem_is_reported_together():
    def many(d):
        for case in ("wrong type", "unknown enum value", "negative strength", "undeclared source", "duplicate actor id"):
            CASES[case][0](d)

    found = problems_of(edited(many))
    expected = sorted(
        (
            p
            for case in ("wrong type", "unknown enum value", "negative strength", "undeclared source", "duplicate actor id")
            for p in CASES[case][1]
        ),
    )
    assert sorted(found) == expected


def test_cross_record_problems_are_found_even_when_a_record_is_broken():
    def edit(d):
        d["contributions"][0]["strength"] = -1
        d["positions"][0]["actor"] = "nobody"

    assert problems_of(edited(edit)) == [
        ("contributions[0].strength", "'strength' must not be negative (got -1)"),
        (
            "positions[0].actor",
            "refers to actor 'nobody', which is not declared in 'actors' and is not an ISO 3166-1 alpha-3 code",
        ),
    ]


def test_error_message_lists_problems_one_a_line():
    with pytest.raises(mm.ValidationError) as info:
        mm.from_dict(edited(lambda d: d.update(name="", kind="mission")), mm.Mission)
    lines = str(info.value).splitlines()
    assert lines[0] == "Mission has 2 problems:"
    assert lines[1] == "  name: 'name' must not be empty"
    assert lines[2].startswith("  kind: 'kind' must be one of 'peacekeeping'")


def test_a_fields_own_check_runs_even_when_another_field_fails():
    def edit(d):
        d["contributions"][0].update(contributor="Indonesia", kind="troop")

    assert [path for path, _ in problems_of(edited(edit))] == ["contributions[0].contributor", "contributions[0].kind"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("contributor", "Indonesia"), ("status", "pledge"), ("strength", -5), ("as_of", "2026-13"), ("caveats", "no combat")],
)
def test_building_and_loading_give_the_same_message(field, value):
    fields = {"contributor": "IDN", "kind": "troops", "status": "pledged", field: value}
    with pytest.raises(mm.ValidationError) as loaded:
        mm.from_dict(fields, mm.Contribution)
    built_fields = {**fields, "kind": mm.ContributionKind.TROOPS}
    if field != "status":
        built_fields["status"] = mm.ContributionStatus.PLEDGED
    with pytest.raises(mm.ValidationError) as built:
        mm.Contribution(**built_fields)
    assert loaded.value.errors == built.value.errors
