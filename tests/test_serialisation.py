import json
import os

import pytest
import yaml
from hypothesis import given
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
    mm.Mandate: testing.mandates(),
    mm.Contribution: testing.contributions(),
    mm.Position: testing.positions(),
    mm.Appointment: testing.appointments(),
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
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("", "must be a mapping of Mission fields (got [1, 2] that is a list)")
    ]


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
    with pytest.raises(OSError, match="disk full"):
        mm.dump(mission, path)
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
    with pytest.raises(mm.FormatError, match=r"^invalid JSON: Exceeds the limit"):
        mm.loads('{"strength": ' + "9" * 5000 + "}", mm.Contribution)


def test_load_refuses_text_that_is_not_utf8_and_accepts_a_bom(tmp_path):
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("contributor: IDN\nkind: troops\nstatus: pledged\nrole: d\xe9put\xe9\n".encode("latin-1"))
    with pytest.raises(mm.FormatError) as info:
        mm.load(latin, mm.Contribution)
    assert str(info.value) == f"{latin}: not UTF-8 text (byte 0xe9 at offset 53)"
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
