"""Reading and writing files: `load` refuses what is not a regular file, `dump` is atomic and tidy."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import missionmodel as mm
from missionmodel import _atomic, serialisation
from missionmodel.tables import write_csv

if TYPE_CHECKING:
    from typing_extensions import assert_type

    def _static_types(path: Path, text: str) -> None:
        """Never run: ``mypy --strict tests/test_files.py`` checks the types that the overloads give."""
        assert_type(mm.load(path), mm.Mission)
        assert_type(mm.load(path, max_bytes=10), mm.Mission)
        assert_type(mm.load(path, mm.Contribution), mm.Contribution)
        assert_type(mm.load(path, mm.Source, max_bytes=10), mm.Source)
        assert_type(mm.loads(text), mm.Mission)
        assert_type(mm.loads(text, format="yaml"), mm.Mission)
        assert_type(mm.loads(text, mm.Contribution), mm.Contribution)
        assert_type(mm.loads(text, mm.Contribution, "yaml"), mm.Contribution)
        assert_type(mm.loads(text, cls=mm.Actor, format="json"), mm.Actor)
        assert_type(mm.from_dict({}, mm.Contribution), mm.Contribution)


posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file system semantics")


@pytest.fixture
def mission() -> mm.Mission:
    return mm.Mission(
        id="unifil",
        name="United Nations Interim Force in Lebanon",
        kind=mm.MissionKind.PEACEKEEPING,
        status=mm.MissionStatus.ACTIVE,
        countries=["LBN"],
    )


def _use(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `dump` use nameless temporary files (``"o_tmpfile"``, where the system has them) or named ones."""
    if kind == "named":
        monkeypatch.setattr(_atomic, "_O_TMPFILE", 0)
    elif not _atomic._O_TMPFILE:
        pytest.skip("no O_TMPFILE on this system")


@pytest.fixture(params=["o_tmpfile", "named"])
def temporary_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with nameless temporary files (where the system has them) and with named ones."""
    kind: str = request.param
    _use(kind, monkeypatch)
    return kind


@pytest.fixture
def o_tmpfile(tmp_path: Path) -> None:
    """Skip a test where the system or the file system of ``tmp_path`` has no ``O_TMPFILE``."""
    if not _atomic._O_TMPFILE:
        pytest.skip("no O_TMPFILE on this system")
    try:
        os.close(os.open(tmp_path, os.O_RDWR | _atomic._O_TMPFILE, 0o600))
    except OSError:
        pytest.skip("this file system has no O_TMPFILE")


@pytest.fixture
def umask() -> Iterator[Callable[[int], object]]:
    """Set the umask for the test, and restore it after."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield os.umask
    os.umask(previous)


def _within(seconds: float, function: Callable[[], Any], unblock: Callable[[], None] | None = None) -> Any:
    """Run ``function`` in a thread and return its result, failing if it has not ended within ``seconds``."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = function()
        except BaseException as error:  # noqa: BLE001 - raised again in the caller's thread
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if unblock is not None:
            unblock()
        pytest.fail(f"still running after {seconds} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


# load ----------------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_load_refuses_a_named_pipe_at_once_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)

    def unblock() -> None:  # open the other end, so that a blocked reader sees the end of the file
        descriptor = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        os.close(descriptor)

    with pytest.raises(mm.FormatError) as info:
        _within(5, lambda: mm.load(pipe), unblock)
    assert str(info.value) == f"cannot read {str(pipe)!r}: it is a named pipe (FIFO), not a regular file"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_load_refuses_a_device_without_reading_it(tmp_path: Path) -> None:
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    with pytest.raises(mm.FormatError) as info:
        _within(5, lambda: mm.load(zero))
    assert str(info.value) == f"cannot read {str(zero)!r}: it is a character device, not a regular file"


def test_load_refuses_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    with pytest.raises(mm.FormatError) as info:
        mm.load(folder)
    assert str(info.value) == f"cannot read {str(folder)!r}: it is a directory, not a regular file"


def test_load_names_a_missing_file_and_the_systems_reason(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    with pytest.raises(mm.FormatError) as info:
        mm.load(missing)
    assert str(info.value) == f"cannot read {str(missing)!r}: {os.strerror(errno.ENOENT)}"


def test_load_turns_any_os_error_into_a_format_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.json"
    path.write_text("{}", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(mm.FormatError) as info:
        mm.load(path)
    assert str(info.value) == f"cannot read {str(path)!r}: Permission denied"


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_load_names_a_file_it_may_not_read(tmp_path: Path) -> None:
    path = tmp_path / "secret.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(mm.FormatError) as info:
        mm.load(path)
    assert str(info.value) == f"cannot read {str(path)!r}: {os.strerror(errno.EACCES)}"


def test_load_refuses_a_name_with_a_nul_character() -> None:
    with pytest.raises(mm.FormatError, match="cannot hold a NUL character"):
        mm.load("a\x00b.json")


def test_load_refuses_a_file_larger_than_max_bytes_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.json"
    path.write_text('{"id": "m"}', encoding="utf-8")  # 11 bytes
    with pytest.raises(mm.FormatError) as info:
        mm.load(path, max_bytes=10)
    assert str(info.value) == f"cannot read {str(path)!r}: it is 11 bytes long, more than the limit of 10 (max_bytes)"
    with pytest.raises(mm.ValidationError):  # at the limit: read
        mm.load(path, max_bytes=11)

    def refuse_to_read(*args: object) -> bytes:
        raise AssertionError("read")

    monkeypatch.setattr(os, "read", refuse_to_read)
    with pytest.raises(mm.FormatError, match="more than the limit"):
        mm.load(path, max_bytes=10)


def test_load_enforces_max_bytes_while_reading_a_file_that_grows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "growing.json"
    path.write_text('{"id": "m"}' + " " * 1000, encoding="utf-8")
    real_stat, real_fstat = os.stat, os.fstat

    def small(info: os.stat_result) -> os.stat_result:  # the size the file had when it was looked at
        fields = list(info)
        fields[stat.ST_SIZE] = 5
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", lambda *args, **kwargs: small(real_stat(*args, **kwargs)))
    monkeypatch.setattr(os, "fstat", lambda descriptor: small(real_fstat(descriptor)))
    reads: list[int] = []
    real_read = os.read

    def read(descriptor: int, size: int) -> bytes:
        reads.append(size)
        return real_read(descriptor, size)

    monkeypatch.setattr(os, "read", read)
    with pytest.raises(mm.FormatError) as info:
        mm.load(path, max_bytes=100)
    assert str(info.value) == f"cannot read {str(path)!r}: it is longer than the limit of 100 bytes (max_bytes)"
    assert sum(reads) <= 101 + 65536


def test_max_bytes_must_be_a_non_negative_int(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="max_bytes must be a non-negative int"):
        mm.load(tmp_path / "m.json", max_bytes=-1)


def test_load_names_the_line_and_column_of_text_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"\xef\xbb\xbfcontributor: IDN\nrole: d\xc3\xa9put\xe9\n")
    with pytest.raises(mm.FormatError) as info:
        mm.load(path, mm.Contribution)
    assert str(info.value) == f"{path}: not UTF-8 text at line 2, column 12 (byte 0xe9 at offset 32)"
    assert (info.value.line, info.value.column) == (2, 12)


def test_load_reads_a_lone_surrogate_escape_as_a_format_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"contributor": "IDN",\n "role": "\\ud800"}', encoding="utf-8")
    with pytest.raises(mm.FormatError) as info:
        mm.load(path, mm.Contribution)
    assert (
        str(info.value) == f"{path}: invalid JSON at line 2, column 11: the escape \\ud800 is a lone surrogate, which is not text"
    )


# dump ----------------------------------------------------------------------------------------


@posix_only
@pytest.mark.parametrize(("mask", "mode"), [(0o077, 0o600), (0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_dump_gives_a_new_file_the_mode_of_the_umask_at_the_time_of_the_call(
    tmp_path: Path, mission: mm.Mission, umask: Callable[[int], object], temporary_kind: str, mask: int, mode: int
) -> None:
    umask(mask)
    path = tmp_path / "new.json"
    mm.dump(mission, path)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    umask(0o022)
    mm.dump(mission, path)  # a replaced file keeps its mode
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert mm.load(path) == mission


def test_dump_writes_a_long_file_name(tmp_path: Path, mission: mm.Mission, temporary_kind: str) -> None:
    path = tmp_path / ("m" * 245 + ".yaml")  # 250 bytes: within NAME_MAX (255) on most file systems
    try:
        path.write_text("", encoding="utf-8")
    except OSError:
        pytest.skip("this file system refuses a 250-byte name")
    path.unlink()
    mm.dump(mission, path)
    assert mm.load(path) == mission
    assert os.listdir(tmp_path) == [path.name]


def test_dump_uses_a_short_temporary_name_in_the_same_folder(
    tmp_path: Path, mission: mm.Mission, monkeypatch: pytest.MonkeyPatch, temporary_kind: str
) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def replace(source: str, target: str) -> None:
        seen.append(os.fspath(source))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    mm.dump(mission, tmp_path / "m.json")
    assert len(seen) == 1
    assert Path(seen[0]).parent == tmp_path
    assert re.fullmatch(r"\.mm-[0-9a-f]{8}\.tmp", Path(seen[0]).name)


@pytest.mark.usefixtures("o_tmpfile")
def test_dump_with_o_tmpfile_gives_the_file_no_name_until_it_is_complete(
    tmp_path: Path, mission: mm.Mission, monkeypatch: pytest.MonkeyPatch
) -> None:
    listings: list[list[str]] = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        listings.append(os.listdir(tmp_path))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    mm.dump(mission, tmp_path / "m.json")
    assert listings and listings[0] == []


@pytest.mark.parametrize("interruption", [KeyboardInterrupt(), SystemExit(143), OSError("disk full")], ids=repr)
@pytest.mark.parametrize(
    ("kind", "step"),
    [("o_tmpfile", "fsync"), ("o_tmpfile", "link"), ("o_tmpfile", "replace"), ("named", "fsync"), ("named", "replace")],
)
def test_dump_leaves_no_temporary_file_and_the_old_file_untouched_on_any_failure(
    tmp_path: Path, mission: mm.Mission, monkeypatch: pytest.MonkeyPatch, kind: str, step: str, interruption: BaseException
) -> None:
    _use(kind, monkeypatch)
    path = tmp_path / "unifil.json"
    path.write_text("previous content\n", encoding="utf-8")

    def fail(*args: object, **kwargs: object) -> None:
        raise interruption

    if step == "link":  # the nameless file gets its name, then the copy made instead fails too
        monkeypatch.setattr(os, "link", fail)
        monkeypatch.setattr(os, "lseek", fail)
    else:
        monkeypatch.setattr(os, step, fail)
    expected = mm.FormatError if isinstance(interruption, OSError) else type(interruption)
    with pytest.raises(expected) as info:
        mm.dump(mission, path)
    if isinstance(interruption, OSError):
        assert str(info.value) == f"cannot write {str(path)!r}: disk full"
    assert path.read_text(encoding="utf-8") == "previous content\n"
    assert os.listdir(tmp_path) == ["unifil.json"]


@pytest.mark.usefixtures("o_tmpfile")
def test_dump_copies_the_nameless_file_where_it_cannot_be_linked(
    tmp_path: Path, mission: mm.Mission, monkeypatch: pytest.MonkeyPatch, umask: Callable[[int], object]
) -> None:
    umask(0o027)

    def no_proc(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError(errno.ENOENT, "No such file or directory")

    monkeypatch.setattr(os, "link", no_proc)
    path = tmp_path / "m.yaml"
    mm.dump(mission, path)
    assert mm.load(path) == mission
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["m.yaml"]


def test_dump_writes_nothing_when_the_text_cannot_be_made(
    tmp_path: Path, mission: mm.Mission, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(json, "dumps", fail)
    with pytest.raises(KeyboardInterrupt):
        mm.dump(mission, tmp_path / "m.json")
    assert os.listdir(tmp_path) == []


def test_dump_refuses_text_with_a_lone_surrogate_naming_where_it_is(tmp_path: Path) -> None:
    source = mm.Source(id="a", title="T")
    object.__setattr__(source, "title", "x\ud800")  # past the record's own checks
    for suffix in (".json", ".yaml"):
        with pytest.raises(mm.FormatError) as info:
            mm.dump(source, tmp_path / f"s{suffix}")
        assert str(info.value) == "title: the text holds a lone surrogate (U+D800), which cannot be written as UTF-8"
    assert os.listdir(tmp_path) == []


def test_the_text_writer_refuses_a_lone_surrogate_as_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    with pytest.raises(mm.FormatError) as info, _atomic.atomic_writer(path) as handle:
        handle.write("a\nx\udc80\n")
    assert (
        str(info.value)
        == f"cannot write {str(path)!r}: the text holds a lone surrogate (U+DC80), which cannot be written as UTF-8"
    )
    assert os.listdir(tmp_path) == []


def test_write_csv_is_atomic_and_its_errors_name_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.csv"
    write_csv([{"a": 1}], path)

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(mm.FormatError) as info:
        write_csv([{"a": 2}], path)
    assert str(info.value) == f"cannot write {str(path)!r}: No space left on device"
    assert path.read_text(encoding="utf-8") == "a\n1\n"
    assert os.listdir(tmp_path) == ["t.csv"]


def test_dump_errors_name_the_target(tmp_path: Path, mission: mm.Mission) -> None:
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(mm.FormatError) as info:
        mm.dump(mission, folder)
    assert str(info.value) == f"cannot write {str(folder)!r}: it is a directory, not a regular file"
    missing = tmp_path / "no" / "such" / "m.json"
    with pytest.raises(mm.FormatError) as info:
        mm.dump(mission, missing)
    assert str(info.value) == f"cannot write {str(missing)!r}: {os.strerror(errno.ENOENT)}"
    with pytest.raises(mm.FormatError, match="cannot hold a NUL character"):
        mm.dump(mission, "a\x00b.json")
    assert sorted(os.listdir(tmp_path)) == ["folder.json"]


@posix_only
def test_dump_refuses_a_loop_of_links(tmp_path: Path, mission: mm.Mission) -> None:
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    one.symlink_to(two)
    two.symlink_to(one)
    with pytest.raises(mm.FormatError, match=r"^cannot write '.*one\.json': "):
        mm.dump(mission, one)
    assert one.is_symlink() and two.is_symlink()


@posix_only
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_dump_refuses_to_replace_a_named_pipe(tmp_path: Path, mission: mm.Mission) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with pytest.raises(mm.FormatError, match="it is a named pipe"):
        _within(5, lambda: mm.dump(mission, pipe))
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes any folder")
def test_dump_names_a_folder_it_may_not_write(tmp_path: Path, mission: mm.Mission) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(mm.FormatError) as info:
            mm.dump(mission, folder / "m.json")
        assert str(info.value) == f"cannot write {str(folder / 'm.json')!r}: {os.strerror(errno.EACCES)}"
    finally:
        folder.chmod(0o700)


def test_import_missionmodel_does_not_import_yaml() -> None:
    import subprocess

    code = "import sys, missionmodel; print('yaml' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    assert serialisation.Format is not None


def test_load_keeps_the_count_of_a_long_report_and_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    contributions = [{"contributor": "IDN", "kind": "troops", "status": "pledged", "x": i} for i in range(1500)]
    path.write_text(json.dumps({"id": "m", "name": "M", "kind": "observer", "status": "active", "contributions": contributions}))
    with pytest.raises(mm.ValidationError) as info:
        mm.load(path)
    assert info.value.subject == str(path)
    assert info.value.count == 1500
    assert str(info.value).startswith(f"{path} has 1,500 problems:")
