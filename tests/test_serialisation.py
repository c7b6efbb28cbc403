import json
import os
import re

import attrs
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import missionmodel as mm
from missionmodel import testing

RECORDS = {
    mm.Strength: testing.strengths(),
    mm.PartialDate: testing.partial_dates(),
    mm.Source: testing.sources(),
    mm.Actor: testing.actors(),
    mm.Vote: testing.votes(),
    mm.Authority: testing.authorities(),
    mm.PersonnelFigure: testing.personnel_figures(),
    mm.Mandate: testing.mandates(mandate_id="res-2", follows=["res-1"]) | testing.mandates(),
    mm.Contribution: testing.contributions(),
    mm.Position: testing.positions(),
    mm.Appointment: testing.slugs().flatmap(lambda slug: testing.appointments(appointment_id=slug)) | testing.appointments(),
    mm.Budget: testing.budgets(),
    mm.Event: testing.events(),
    mm.FatalityCount: testing.fatality_counts(),
    mm.CoverageNote: testing.coverage_notes(),
    mm.Mission: testing.missions(),
}
RECORD_CLASSES = [cls for cls in RECORDS if cls not in (mm.Strength, mm.PartialDate)]


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda c: c.__name__)
@given(data=st.data())
def test_round_trip_through_dict_json_and_yaml(cls, data):
    record = data.draw(RECORDS[cls])
    assert mm.from_dict(mm.to_dict(record), cls) == record
    text = mm.dumps(record)
    assert mm.loads(text, cls) == record
    assert mm.dumps(mm.loads(text, cls)) == text
    yaml_text = mm.dumps(record, format="yaml")
    assert mm.loads(yaml_text, cls, format="yaml") == record
    assert mm.dumps(mm.loads(yaml_text, cls, format="yaml"), format="yaml") == yaml_text


@given(testing.missions())
def test_dict_form_is_plain_data(mission):
    data = mm.to_dict(mission)
    assert json.loads(json.dumps(data)) == data


def test_canonical_form():
    c = mm.Contribution(
        contributor="IDN",
        kind=mm.ContributionKind.TROOPS,
        status=mm.ContributionStatus.PLEDGED,
        strength=mm.Strength.at_most(8000),
        as_of="2026-02-19",
    )
    assert mm.to_dict(c) == {
        "contributor": "IDN",
        "kind": "troops",
        "status": "pledged",
        "strength": {"min": 0, "max": 8000},
        "as_of": "2026-02-19",
    }
    exact = mm.Contribution(
        contributor="ITA", kind=mm.ContributionKind.TROOPS, status=mm.ContributionStatus.DEPLOYED, strength=1068
    )
    assert mm.to_dict(exact)["strength"] == 1068
    unknown = mm.Contribution(contributor="KAZ", kind=mm.ContributionKind.MEDICAL, status=mm.ContributionStatus.PLEDGED)
    assert mm.to_dict(unknown)["strength"] == "unknown"
    floor = mm.Contribution(
        contributor="KAZ",
        kind=mm.ContributionKind.MEDICAL,
        status=mm.ContributionStatus.PLEDGED,
        strength=mm.Strength.at_least(5),
    )
    assert mm.to_dict(floor)["strength"] == {"min": 5}


def test_keys_follow_field_order_and_empty_values_are_left_out():
    mission = mm.Mission(id="m", name="M", kind=mm.MissionKind.OBSERVER, status=mm.MissionStatus.ACTIVE, acronym="M")
    assert list(mm.to_dict(mission)) == ["id", "name", "kind", "status", "acronym"]
    assert (
        mm.dumps(mission)
        == '{\n  "id": "m",\n  "name": "M",\n  "kind": "observer",\n  "status": "active",\n  "acronym": "M"\n}\n'
    )
    assert mm.dumps(mission, format="yaml") == "id: m\nname: M\nkind: observer\nstatus: active\nacronym: M\n"


def test_yaml_dates_written_unquoted_by_hand_are_read():
    text = "contributor: IDN\nkind: troops\nstatus: pledged\nas_of: 2026-02-19\nsources: [a]\n"
    assert mm.loads(text, mm.Contribution, format="yaml").as_of == mm.PartialDate.parse("2026-02-19")
    assert mm.loads("post: chair\nholder: IDN\nstart: 1978\n", mm.Appointment, format="yaml").start == mm.PartialDate(year=1978)


def test_yaml_is_read_safely_python_tags_are_refused_not_run():
    with pytest.raises(mm.FormatError, match="invalid YAML"):
        mm.loads("id: !!python/object/apply:os.system ['true']\n", mm.Mission, format="yaml")


def test_invalid_json_names_line_and_column():
    with pytest.raises(mm.FormatError) as info:
        mm.loads('{\n  "id": "m",\n  "name" "M"\n}', mm.Mission)
    assert str(info.value) == "invalid JSON at line 3, column 10: Expecting ':' delimiter"
    assert (info.value.line, info.value.column) == (3, 10)


def test_invalid_yaml_names_line_and_column():
    with pytest.raises(mm.FormatError) as info:
        mm.loads("id: m\nname: [M\n", mm.Mission, format="yaml")
    assert str(info.value).startswith("invalid YAML at line 3, column 1:")


def test_unknown_format_is_refused():
    with pytest.raises(mm.FormatError, match="format must be 'json' or 'yaml'"):
        mm.dumps(mm.Source(id="a", title="T"), format="toml")  # type: ignore[arg-type]


def test_top_level_must_be_a_mapping():
    with pytest.raises(mm.ValidationError) as info:
        mm.loads("[1, 2]", mm.Mission)
    [problem] = info.value.errors
    assert problem.path == ""
    assert "mapping" in problem.message and "(got [1, 2] that is a list)" in problem.message


def test_to_dict_refuses_non_records():
    with pytest.raises(TypeError, match="to_dict"):
        mm.to_dict(5)


@pytest.fixture
def mission():
    return mm.Mission(
        id="unifil",
        name="United Nations Interim Force in Lebanon",
        kind=mm.MissionKind.PEACEKEEPING,
        status=mm.MissionStatus.ACTIVE,
        countries=["LBN"],
        contributions=[
            mm.Contribution(
                contributor="IDN", kind=mm.ContributionKind.TROOPS, status=mm.ContributionStatus.DEPLOYED, strength=1231
            )
        ],
    )


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".yml"])
def test_dump_and_load_files(tmp_path, mission, suffix):
    path = tmp_path / f"unifil{suffix}"
    mm.dump(mission, path)
    assert mm.load(path) == mission
    text = path.read_text(encoding="utf-8")
    mm.dump(mm.load(path), path)
    assert path.read_text(encoding="utf-8") == text
    assert os.listdir(tmp_path) == [path.name]


def test_dump_is_atomic(tmp_path, mission, monkeypatch):
    path = tmp_path / "unifil.json"
    path.write_text("previous content\n", encoding="utf-8")

    def failing_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(mm.FormatError) as info:
        mm.dump(mission, path)
    assert str(info.value) == f"cannot write {str(path)!r}: disk full"
    assert path.read_text(encoding="utf-8") == "previous content\n"
    assert os.listdir(tmp_path) == ["unifil.json"]


def test_dump_refuses_unknown_suffix_without_writing(tmp_path, mission):
    with pytest.raises(mm.FormatError, match=r"must end in \.json, \.yaml or \.yml"):
        mm.dump(mission, tmp_path / "unifil.txt")
    assert os.listdir(tmp_path) == []


def test_load_names_the_file_in_errors(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump({"id": "bad", "name": "Bad", "kind": "peacekeeping", "status": "open"}), encoding="utf-8")
    with pytest.raises(mm.ValidationError) as info:
        mm.load(path)
    assert str(info.value).startswith(f"{path} has 1 problem:")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(mm.FormatError, match=f"^{broken}: invalid JSON at line 1"):
        mm.load(broken)


def test_dump_gives_new_files_the_usual_mode_and_keeps_an_existing_files_mode(tmp_path, mission):
    umask = os.umask(0o022)
    try:
        path = tmp_path / "new.json"
        mm.dump(mission, path)
        assert path.stat().st_mode & 0o777 == 0o644
        existing = tmp_path / "existing.yaml"
        existing.write_text("x: 1\n", encoding="utf-8")
        existing.chmod(0o640)
        mm.dump(mission, existing)
        assert existing.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(umask)


@pytest.mark.parametrize(
    ("text", "format", "message"),
    [
        ('{"contributor": "IDN", "kind": "troops", "kind": "police"}', "json", "invalid JSON: duplicate key 'kind'"),
        ("contributor: IDN\nkind: troops\nkind: police\n", "yaml", "invalid YAML at line 3, column 1: duplicate key 'kind'"),
        (
            "contributor: IDN\ncaveats: &c [a]\nsources: *c\n",
            "yaml",
            "invalid YAML at line 3, column 10: aliases (*name) are not accepted; write the value out in full",
        ),
        ("[" * 100_000 + "]" * 100_000, "json", "invalid JSON: nested too deeply"),
    ],
)
def test_documents_that_would_be_read_ambiguously_are_refused(text, format, message):
    with pytest.raises(mm.FormatError) as info:
        mm.loads(text, mm.Contribution, format=format)
    assert str(info.value) == message


def test_an_integer_too_long_to_read_is_a_format_error():
    with pytest.raises(mm.FormatError) as info:
        mm.loads('{"strength": ' + "9" * 5000 + "}", mm.Contribution)
    assert str(info.value) == "invalid JSON at line 1, column 14: the integer '" + "9" * 60 + "'… has more than 30 digits"
    assert "sys.set_int_max_str_digits" not in str(info.value)


def test_load_refuses_text_that_is_not_utf8_and_accepts_a_bom(tmp_path):
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("contributor: IDN\nkind: troops\nstatus: pledged\nrole: d\xe9put\xe9\n".encode("latin-1"))
    with pytest.raises(mm.FormatError) as info:
        mm.load(latin, mm.Contribution)
    assert str(info.value) == f"{latin}: not UTF-8 text at line 4, column 8 (byte 0xe9 at offset 53)"
    assert (info.value.line, info.value.column) == (4, 8)
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + b'{"contributor": "IDN", "kind": "troops", "status": "pledged"}')
    assert mm.load(bom, mm.Contribution).contributor == "IDN"


def test_to_dict_and_dump_refuse_plain_data(tmp_path):
    with pytest.raises(TypeError, match=r"to_dict\(\) takes a record such as a Mission \(got dict\)"):
        mm.dump({"a": 1}, tmp_path / "a.json")
    with pytest.raises(TypeError):
        mm.to_dict(mm.Strength.exact(1))
    assert os.listdir(tmp_path) == []


def test_dump_through_a_symlink_replaces_the_target_not_the_link(tmp_path, mission):
    real = tmp_path / "real.json"
    real.write_text("{}\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    mm.dump(mission, link)
    assert link.is_symlink()
    assert mm.load(real) == mission


CONTRIBUTION = "contributor: IDN\nkind: troops\nstatus: pledged\n"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("role: !!bool maybe", "invalid YAML at line 4, column 7: 'maybe' is not a valid !!bool value"),
        ("strength: !!int abc", "invalid YAML at line 4, column 11: 'abc' is not a valid !!int value"),
        ("strength: !!int 0x", "invalid YAML at line 4, column 11: '0x' is not a valid !!int value"),
        ("strength: !!float abc", "invalid YAML at line 4, column 11: 'abc' is not a valid !!float value"),
        ("as_of: !!timestamp nonsense", "invalid YAML at line 4, column 8: 'nonsense' is not a valid !!timestamp value"),
        ("as_of: !!timestamp 2026-02-30", "invalid YAML at line 4, column 8: '2026-02-30' is not a valid !!timestamp value"),
        ("role: !!binary 'not base64 é'", "invalid YAML at line 4, column 7: the tag '!!binary' is not accepted"),
        ("role: !!binary aGVsbG8=", "invalid YAML at line 4, column 7: the tag '!!binary' is not accepted"),
        ("role: !!set abc", "invalid YAML at line 4, column 7: the tag '!!set' is not accepted"),
        ("caveats: !!set {a, b}", "invalid YAML at line 4, column 10: the tag '!!set' is not accepted"),
        ("role: !!omap abc", "invalid YAML at line 4, column 7: the tag '!!omap' is not accepted"),
        ("caveats: !!pairs [a: 1]", "invalid YAML at line 4, column 10: the tag '!!pairs' is not accepted"),
        ("role: !!python/name:os.system", "invalid YAML at line 4, column 7: the tag '!!python/name:os.system' is not accepted"),
        (
            "role: !!python/object/new:int [1]",
            "invalid YAML at line 4, column 7: the tag '!!python/object/new:int' is not accepted",
        ),
        ("role: !local x", "invalid YAML at line 4, column 7: the tag '!local' is not accepted"),
        ("role: !!map x", "invalid YAML at line 4, column 7: expected a mapping, but found a scalar"),
        ("role: !!str [a]", "invalid YAML at line 4, column 7: expected a scalar node, but found sequence"),
        ("<<: {role: x}", "invalid YAML at line 4, column 1: merge keys (<<) are not accepted; write the keys out in full"),
        ("? [a]\n: x", "invalid YAML at line 4, column 3: a sequence cannot be a key"),
        (
            "strength: .nan",
            "invalid YAML at line 4, column 11: '.nan' is not a finite number (NaN and infinity are not accepted)",
        ),
        (
            "strength: -.inf",
            "invalid YAML at line 4, column 11: '-.inf' is not a finite number (NaN and infinity are not accepted)",
        ),
        ("strength: 1" + "0" * 30, "invalid YAML at line 4, column 11: the integer '1" + "0" * 30 + "' has more than 30 digits"),
        ('role: "\\ud800"', "invalid YAML at line 4, column 7: the text holds a lone surrogate (U+D800), which is not text"),
        ('role: "a\\udfffb"', "invalid YAML at line 4, column 7: the text holds a lone surrogate (U+DFFF), which is not text"),
        ('"\\udc00": x', "invalid YAML at line 4, column 1: the text holds a lone surrogate (U+DC00), which is not text"),
        ("role: a\x00", "invalid YAML at line 4, column 8: the character U+0000 is not allowed"),
        ("role: !<%ED%A0%80> a", "invalid YAML at line 4, column 9: the %-escapes of a tag are not UTF-8"),
        ("strength: !!int +", "invalid YAML at line 4, column 11: '+' is not a valid !!int value"),
        ("{a: 1}: x", "invalid YAML at line 4, column 1: a mapping cannot be a key"),
        ("role: x\ud800", "invalid YAML at line 4, column 8: the text holds a lone surrogate (U+D800), which is not text"),
    ],
)
def test_yaml_values_that_cannot_be_read_are_format_errors_with_their_place(line, message):
    with pytest.raises(mm.FormatError) as info:
        mm.loads(CONTRIBUTION + line + "\n", mm.Contribution, format="yaml")
    assert str(info.value) == message
    assert info.value.line == 4


def test_a_sexagesimal_yaml_number_stays_text_and_is_refused_by_the_field():
    # YAML 1.1 reads 1:00:00 as 3600: a 9 KB one was once a 5,335-digit int. It is kept as written.
    text = CONTRIBUTION + "strength: 1" + ":00" * 3000 + "\n"
    with pytest.raises(mm.ValidationError) as info:
        mm.loads(text, mm.Contribution, format="yaml")
    assert len(str(info.value)) < 400 and "strength" in str(info.value)
    with pytest.raises(mm.ValidationError, match="got '1:00:00:00:00'"):
        mm.loads(CONTRIBUTION + "strength: 1:00:00:00:00\n", mm.Contribution, format="yaml")


def test_dates_written_without_quotes_are_read_by_the_record_with_the_other_problems():
    text = CONTRIBUTION + "as_of: 2026-02-30\nfemale: -1\n"
    with pytest.raises(mm.ValidationError) as info:
        mm.loads(text, mm.Contribution, format="yaml")
    assert [e.path for e in info.value.errors] == ["female", "as_of"]
    assert mm.loads(CONTRIBUTION + "as_of: 2026-02-19\n", mm.Contribution, format="yaml").as_of == mm.PartialDate.parse(
        "2026-02-19"
    )


def test_yaml_surrogate_pairs_written_as_two_escapes_are_one_character():
    text = CONTRIBUTION + 'role: "\\ud83d\\ude00 \\U0001F600"\n'
    assert mm.loads(text, mm.Contribution, format="yaml").role == "\U0001f600 \U0001f600"


def test_the_plain_value_equals_sign_is_text():
    assert mm.loads(CONTRIBUTION + "role: =\n", mm.Contribution, format="yaml").role == "="


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"strength": NaN}',
            "invalid JSON at line 1, column 14: NaN is not a number that JSON allows (NaN and infinity are not accepted)",
        ),
        (
            '{"strength": -Infinity}',
            "invalid JSON at line 1, column 14: -Infinity is not a number that JSON allows (NaN and infinity are not accepted)",
        ),
        ('{"strength": 1e400}', "invalid JSON at line 1, column 14: the number '1e400' is too large"),
        (
            '{"strength": -' + "1" * 31 + "}",
            "invalid JSON at line 1, column 14: the integer '-" + "1" * 31 + "' has more than 30 digits",
        ),
        ('{"a": NaN, "b": NaN}', "invalid JSON: NaN is not a number that JSON allows (NaN and infinity are not accepted)"),
        (
            '{"contributor": "IDN",\n "role": "x\\ud800"}',
            "invalid JSON at line 2, column 12: the escape \\ud800 is a lone surrogate, which is not text",
        ),
        (
            '{"role": "\\ude00\\ud83d"}',
            "invalid JSON at line 1, column 11: the escape \\ude00 is a lone surrogate, which is not text",
        ),
        ('{"\\udBFF": 1}', "invalid JSON at line 1, column 3: the escape \\udBFF is a lone surrogate, which is not text"),
        ('{"role":\n"x\ud800"}', "invalid JSON at line 2, column 3: the text holds a lone surrogate (U+D800), which is not text"),
        ('{"' + "k" * 500 + '": 1, "' + "k" * 500 + '": 2}', "invalid JSON: duplicate key '" + "k" * 60 + "'…"),
    ],
)
def test_json_values_that_are_refused_are_format_errors_with_their_place(text, message):
    with pytest.raises(mm.FormatError) as info:
        mm.loads(text, mm.Contribution)
    assert str(info.value) == message


def test_json_escapes_that_are_not_lone_surrogates_are_read():
    text = '{"contributor": "IDN", "kind": "troops", "status": "pledged", "role": "\\\\ud800 \\ud83d\\ude00 \\u00e9"}'
    assert mm.loads(text, mm.Contribution).role == "\\ud800 \U0001f600 é"


def test_a_byte_order_mark_at_the_start_of_text_is_ignored():
    text = '\ufeff{"contributor": "IDN", "kind": "troops", "status": "pledged"}'
    assert mm.loads(text, mm.Contribution).contributor == "IDN"
    assert mm.loads("\ufeff" + CONTRIBUTION, mm.Contribution, format="yaml").contributor == "IDN"


@pytest.mark.parametrize(
    ("format", "text"),
    [
        ("json", '{"caveats": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        ("json", '{"caveats": ' + '{"a": ' * 3_000 + "1" + "}" * 3_000 + "}"),
        ("yaml", '{"caveats": ' + "[" * 3_000 + "]" * 3_000 + "}"),
        ("yaml", "caveats:\n" + "".join("  " * level + "-\n" for level in range(3_000))),
        ("yaml", "caveats:\n" + "".join(" " * level + "a:\n" for level in range(3_000))),
    ],
    ids=["json-lists", "json-objects", "yaml-flow", "yaml-block-lists", "yaml-block-mappings"],
)
def test_deep_nesting_is_a_format_error(format, text):
    with pytest.raises(mm.FormatError) as info:
        mm.loads(text, mm.Contribution, format=format)
    if format == "json":
        assert str(info.value) == "invalid JSON: nested too deeply"
    else:
        assert re.fullmatch(r"invalid YAML at line \d+, column \d+: nested too deeply \(more than 100 levels\)", str(info.value))


def test_yaml_nesting_up_to_the_limit_is_read():
    with pytest.raises(mm.ValidationError, match=r"caveats\[0\]"):
        mm.loads('{"caveats": ' + "[" * 99 + "]" * 99 + "}", mm.Contribution, format="yaml")


def test_dumps_refuses_a_lone_surrogate_instead_of_writing_text_that_cannot_be_encoded():
    source = mm.Source(id="a", title="T")
    object.__setattr__(source, "title", "x\udc80")  # past the record's own checks
    for format in ("json", "yaml"):
        with pytest.raises(mm.FormatError) as info:
            mm.dumps(source, format=format)
        assert str(info.value) == "title: the text holds a lone surrogate (U+DC80), which cannot be written as UTF-8"
    mission = mm.Mission(id="m", name="M", kind=mm.MissionKind.OBSERVER, status=mm.MissionStatus.ACTIVE, sources=[source])
    with pytest.raises(mm.FormatError, match=r"^sources\[0\]\.title: the text holds a lone surrogate"):
        mm.dumps(mission, format="yaml")


def test_messages_quote_at_most_a_short_part_of_a_bad_value():
    long = "x" * 10_000
    for text, format in [
        (CONTRIBUTION + f"role: !!bool {long}\n", "yaml"),
        (CONTRIBUTION + f"role: !{long} x\n", "yaml"),
        (CONTRIBUTION + f"strength: {'9' * 10_000}\n", "yaml"),
        ('{"strength": ' + "9" * 10_000 + "}", "json"),
        (f'{{"{long}": 1, "{long}": 2}}', "json"),
    ]:
        with pytest.raises(mm.FormatError) as info:
            mm.loads(text, mm.Contribution, format=format)
        assert len(str(info.value)) < 160, str(info.value)


_FUZZ_TOKENS = [
    "!!bool ", "!!int ", "!!float ", "!!timestamp ", "!!binary ", "!!set ", "!!omap ", "!!pairs ", "!!map ", "!!seq ",
    "!!str ", "!!null ", "!!merge ", "!!value ", "!!python/object/apply:os.system ", "!local ", "!<tag:x> ", "&a ", "*a",
    "<<: ", "? ", "- ", ": ", "{", "}", "[", "]", ",", '"', "'", "\n", "\t", "#", "%YAML 1.1\n", "---\n", "...\n", "|",
    ">", "\\", "\\ud800", "\\udc00\\ud800", "\\u", "\x00", "\x85", "\ufeff", "\ud800", "1:00:00:00:00:00:00:00:00:00:00",
    "9" * 40, "-0", "0x", "0b2", "0o7", "1e400", ".nan", "-.inf", "NaN", "Infinity", "true", "null", "=", "~", "2026-02-30",
    "2026-02-19 25:61:00", "é", "\U0001f600", "@", "`", "%",
]  # fmt: skip


def _mutate(text, rng):
    operation = rng.randrange(6)
    position = rng.randrange(len(text) + 1)
    if operation == 0 and text:  # flip a byte of the UTF-8 form; undecodable bytes become lone surrogates
        data = bytearray(text.encode("utf-8", "surrogatepass"))
        index = rng.randrange(len(data))
        data[index] ^= 1 << rng.randrange(8)
        return data.decode("utf-8", "surrogateescape" if rng.random() < 0.5 else "replace")
    if operation == 1:
        return text[:position]
    if operation == 2:
        return text[:position] + rng.choice(_FUZZ_TOKENS) + text[position:]
    if operation == 3:
        return text[:position] + text[position + rng.randrange(1, 20) :]
    if operation == 4:
        end = min(len(text), position + rng.randrange(1, 40))
        return text[:end] + text[position:end] + text[end:]
    return text[:position] + chr(rng.randrange(0x110000)) + text[position:]


def test_random_mutations_of_a_valid_document_raise_only_missionmodel_errors():
    import random

    mission = mm.Mission(
        id="isf",
        name="International Stabilization Force",
        kind=mm.MissionKind.STABILIZATION,
        status=mm.MissionStatus.ACTIVE,
        countries=["LBN"],
        contributions=[
            mm.Contribution(
                contributor="IDN",
                kind=mm.ContributionKind.TROOPS,
                status=mm.ContributionStatus.PLEDGED,
                strength=mm.Strength.at_most(8000),
                as_of="2026-02-19",
            ),
            mm.Contribution(
                contributor="ITA", kind=mm.ContributionKind.TROOPS, status=mm.ContributionStatus.DEPLOYED, strength=1068
            ),
        ],
    )
    rng = random.Random(20260219)
    outcomes = {"record": 0, "ValidationError": 0, "FormatError": 0}
    for format in ("json", "yaml"):
        valid = mm.dumps(mission, format=format)
        assert mm.loads(valid, format=format) == mission
        for _ in range(1_500):
            text = valid
            for _ in range(rng.randrange(1, 4)):
                text = _mutate(text, rng)
            try:
                mm.loads(text, format=format)
            except (mm.ValidationError, mm.FormatError) as error:
                outcomes[type(error).__name__] += 1
                assert len(str(error).splitlines()[0]) < 400
            except BaseException as error:  # noqa: BLE001 - the point of the test
                pytest.fail(f"{type(error).__name__} escaped for {format} text {text!r}: {error}")
            else:
                outcomes["record"] += 1
    assert all(outcomes.values()), outcomes


def test_the_canonical_form_does_not_depend_on_what_was_built_first():
    # A fresh interpreter that writes out a mission before it has built any contribution: the
    # writer for contributions is made then, and must still keep an unknown strength.
    import subprocess
    import sys

    code = (
        "import missionmodel as mm\n"
        "kind, status = mm.MissionKind.PEACEKEEPING, mm.MissionStatus.ACTIVE\n"
        "first = mm.Mission(id='m', name='M', kind=kind, status=status, fatalities=[mm.Fatality(date='2024')])\n"
        "mm.dumps(first, 'yaml')\n"
        "c = mm.Contribution(contributor='IDN', kind=mm.ContributionKind.TROOPS, status=mm.ContributionStatus.PLEDGED)\n"
        "print(mm.to_dict(mm.Mission(id='m', name='M', kind=kind, status=status, contributions=[c])))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "'strength': 'unknown'" in done.stdout, done.stdout


# --- no marker is lost --------------------------------------------------------------------------

MARKERS = ("approximate", "unconfirmed")


def markers(record, path=""):
    """Each (path, field) of a record, at any depth, whose ``approximate`` or ``unconfirmed`` is true."""
    if isinstance(record, tuple):
        for index, item in enumerate(record):
            yield from markers(item, f"{path}[{index}]")
    elif attrs.has(type(record)) and not isinstance(record, (mm.Strength, mm.PartialDate)):
        for field in attrs.fields(type(record)):
            value = getattr(record, field.name)
            if field.name in MARKERS and value is True:
                yield path, field.name
            else:
                yield from markers(value, f"{path}.{field.name}" if path else field.name)


def marker_paths(document, path=""):
    """The same, read from a document (plain data)."""
    if isinstance(document, list):
        for index, item in enumerate(document):
            yield from marker_paths(item, f"{path}[{index}]")
    elif isinstance(document, dict):
        for key, value in document.items():
            if key in MARKERS and value is True:
                yield path, key
            else:
                yield from marker_paths(value, f"{path}.{key}" if path else key)


def assert_no_marker_lost(mission):
    before = sorted(markers(mission))
    assert sorted(marker_paths(mm.to_dict(mission))) == before
    for format in ("json", "yaml"):
        again = mm.loads(mm.dumps(mission, format=format), mm.Mission, format=format)
        assert again == mission
        assert sorted(markers(again)) == before
    return before


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(testing.missions())
def test_no_approximate_or_unconfirmed_marker_is_lost_in_a_round_trip(mission):
    assert_no_marker_lost(mission)


def test_the_markers_are_found_where_they_are():
    mission = mm.Mission(
        id="m", name="M", kind=mm.MissionKind.PEACEKEEPING, status=mm.MissionStatus.ACTIVE,
        mandates=[mm.Mandate(authority=mm.Authority(kind=mm.AuthorityKind.NATIONAL), authorized_strength=7000,
                             approximate=True)],
        personnel=[mm.PersonnelFigure(kind=mm.FigureKind.ACTUAL, strength=800, approximate=True, unconfirmed=True)],
        budgets=[mm.Budget(start="2010", end="2011", kind=mm.BudgetKind.SPENT, unconfirmed=True)],
    )  # fmt: skip
    assert assert_no_marker_lost(mission) == [
        ("budgets[0]", "unconfirmed"),
        ("mandates[0]", "approximate"),
        ("personnel[0]", "approximate"),
        ("personnel[0]", "unconfirmed"),
    ]


@pytest.mark.parametrize("name", ["isf", "unifil"])
def test_no_marker_is_lost_in_a_round_trip_of_the_shipped_datasets(name):
    from missionmodel import datasets

    mission = datasets.load(name)
    found = assert_no_marker_lost(mission)
    assert mm.to_dict(datasets.load(name)) == mm.to_dict(mission)
    assert found == sorted(markers(mm.from_dict(mm.to_dict(mission), mm.Mission)))


# --- the earlier form of an authority ----------------------------------------------------------


@given(testing.authorities())
def test_the_old_instrument_form_loads_equal_to_the_new_instruments(authority):
    new = mm.to_dict(authority)
    if len(authority.instruments) > 1:
        return
    old = {key: value for key, value in new.items() if key != "instruments"}
    old["instrument"] = authority.instrument  # None when there is none
    assert mm.from_dict(old, mm.Authority) == authority
    assert mm.to_dict(mm.from_dict(old, mm.Authority)) == new  # written in the new form
    assert authority.instrument == (authority.instruments[0] if authority.instruments else None)
    yaml_text = mm.dumps(authority, format="yaml").replace("instruments:\n- ", "instrument: ")
    assert mm.loads(yaml_text, mm.Authority, format="yaml") == authority


def test_the_old_form_of_a_mission_loads_and_is_written_anew():
    text = (
        "id: m\nname: M\nkind: peacekeeping\nstatus: active\nmandates:\n"
        "- authority:\n    kind: un_security_council\n    instrument: S/RES/425 (1978)\n    adopted: '1978-03-19'\n"
    )
    mission = mm.loads(text, mm.Mission, format="yaml")
    assert mission.mandates[0].authority.instruments == ("S/RES/425 (1978)",)
    assert "    instruments:\n    - S/RES/425 (1978)\n" in mm.dumps(mission, format="yaml")
    with pytest.raises(mm.ValidationError) as raised:
        mm.loads(text.replace("    adopted", "    instruments: [S/RES/426 (1978)]\n    adopted"), mm.Mission, format="yaml")
    assert [(e.path, e.message) for e in raised.value.errors] == [
        ("mandates[0].authority.instrument", "unknown key 'instrument'; did you mean 'instruments'?")
    ]
