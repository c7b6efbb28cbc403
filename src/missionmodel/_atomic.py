"""Private engine: atomic writing of files, shared by every function that writes a file.

The content goes to a temporary file in the target's folder, is flushed to disk, and is renamed
over the target only when complete. Where the system allows (Linux, with ``O_TMPFILE``), the
temporary file has no name until it is complete, so that even a killed process leaves nothing
behind; elsewhere it is a named file ``.mm-XXXXXXXX.tmp``, short whatever the target's name, that
is removed on any failure, an interruption included. A new file is created with mode ``0o666``,
which the system narrows by the umask in force at that moment (or by the folder's default ACL);
a replaced file keeps its mode. A symbolic link at the target is followed. Every failure of the
system is a `FormatError` that names the target, never the temporary file.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from .exceptions import FormatError

_O_TMPFILE: int = getattr(os, "O_TMPFILE", 0)
"""``os.O_TMPFILE`` where the system has it, else 0 (then only named temporary files are used)."""

_OPEN_FLAGS = os.O_RDWR | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_ATTEMPTS = 100
_CHUNK = 1 << 20
_NEW_FILE_MODE = 0o666  # narrowed by the umask (or a default ACL) by the system, at the time of the call
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def describe_os_error(error: OSError) -> str:
    """Return the system's reason for ``error``, e.g. ``No such file or directory``."""
    return error.strerror or str(error) or "the system refused"


def describe_kind(mode: int) -> str:
    """Return what a file of mode ``mode`` is, e.g. ``a directory``, for a message."""
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def _write_error(name: str, error: OSError) -> FormatError:
    return FormatError(f"cannot write {name!r}: {describe_os_error(error)}")


def _temporary_name(directory: Path) -> Path:
    return directory / f".mm-{os.urandom(4).hex()}.tmp"


def _inspect_target(name: str) -> tuple[Path, int | None]:
    """Return the file a write to ``name`` replaces (links followed) and its mode, None if it is new."""
    try:
        target = Path(name).resolve()
        info = os.stat(target)
    except FileNotFoundError:
        return target, None
    except OSError as error:
        raise _write_error(name, error) from None
    except RuntimeError:  # a loop of symbolic links (Python < 3.13)
        raise FormatError(f"cannot write {name!r}: too many levels of symbolic links") from None
    except ValueError:  # a NUL character in the name
        raise FormatError(f"cannot write {name!r}: a file name cannot hold a NUL character") from None
    if not stat.S_ISREG(info.st_mode):
        raise FormatError(f"cannot write {name!r}: it is {describe_kind(info.st_mode)}, not a regular file")
    return target, stat.S_IMODE(info.st_mode)


def _create_named(directory: Path, mode: int) -> tuple[int, Path]:
    for _ in range(_ATTEMPTS):
        candidate = _temporary_name(directory)
        try:
            return os.open(candidate, _OPEN_FLAGS | os.O_CREAT | os.O_EXCL, mode), candidate
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary file name in {os.fspath(directory)!r}")  # pragma: no cover


def _create_temporary(directory: Path, mode: int) -> tuple[int, Path | None]:
    """Return a new file in ``directory``, nameless (``O_TMPFILE``) where possible, and its name or None."""
    if _O_TMPFILE:
        try:
            return os.open(directory, _OPEN_FLAGS | _O_TMPFILE, mode), None
        except OSError:  # not supported by this kernel or file system: a named file will do
            pass
    return _create_named(directory, mode)


def _write_all(descriptor: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _name_anonymous(descriptor: int, directory: Path) -> Path:
    """Give the nameless file open as ``descriptor`` a temporary name in ``directory``; return it."""
    try:
        for _ in range(_ATTEMPTS):
            candidate = _temporary_name(directory)
            try:
                os.link(f"/proc/self/fd/{descriptor}", candidate, follow_symlinks=True)
            except FileExistsError:
                continue
            return candidate
    except OSError:  # no /proc: copy the content to a named file instead
        pass
    copy, name = _create_named(directory, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(copy, stat.S_IMODE(os.fstat(descriptor).st_mode))
        os.lseek(descriptor, 0, os.SEEK_SET)
        while chunk := os.read(descriptor, _CHUNK):
            _write_all(copy, chunk)
        os.fsync(copy)
    except BaseException:
        os.close(copy)
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    os.close(copy)
    return name


def _sync_directory(directory: Path) -> None:
    """Flush the folder's entry of a renamed file to disk, where the system allows it."""
    if os.name != "posix":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Open a binary file for writing that appears at ``path`` only when complete.

    The content is flushed to disk and renamed over ``path`` when the ``with`` block ends
    without an error. On any error (a ``KeyboardInterrupt`` included) the temporary file is
    removed and an earlier file at ``path`` is left untouched. An error of the block itself is
    raised as it is; an error of the system while preparing or completing the file is a
    `FormatError` naming ``path`` and the system's reason.

    Args:
        path: The file to write.

    Raises:
        FormatError: If ``path`` exists and is not a regular file, or the system refuses a step.
    """
    name = os.fspath(path)
    target, kept_mode = _inspect_target(name)
    directory = target.parent
    try:
        descriptor, temporary = _create_temporary(directory, _NEW_FILE_MODE if kept_mode is None else 0o600)
    except OSError as error:
        raise _write_error(name, error) from None
    handle: BinaryIO | None = None
    in_block = False
    try:
        handle = os.fdopen(descriptor, "wb")
        if kept_mode is not None:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), kept_mode)
            elif temporary is not None:  # pragma: no cover - Windows
                os.chmod(temporary, kept_mode)
        in_block = True
        yield handle
        in_block = False
        handle.flush()
        os.fsync(handle.fileno())
        if temporary is None:
            temporary = _name_anonymous(handle.fileno(), directory)
        handle.close()
        os.replace(temporary, target)
    except BaseException as error:
        if handle is None:
            with contextlib.suppress(OSError):
                os.close(descriptor)
        else:
            with contextlib.suppress(Exception):
                handle.close()
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        if isinstance(error, OSError) and not in_block:
            raise _write_error(name, error) from None
        raise
    _sync_directory(directory)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see `atomic_file`).

    Raises:
        FormatError: If ``path`` exists and is not a regular file, or the system refuses a step;
            the message names ``path``.
    """
    name = os.fspath(path)
    with atomic_file(path) as handle:
        try:
            handle.write(data)
        except OSError as error:
            raise _write_error(name, error) from None


@contextmanager
def atomic_writer(path: str | os.PathLike[str], newline: str = "\n") -> Iterator[TextIO]:
    """Open a UTF-8 text file for writing that appears at ``path`` only when complete.

    As `atomic_file`, for text; text that UTF-8 cannot encode (a lone surrogate) is a `FormatError`.

    Args:
        path: The file to write.
        newline: How line ends are written (``"\\n"``, or ``""`` for the csv module).
    """
    name = os.fspath(path)
    with atomic_file(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline=newline)
        try:
            yield text
        except UnicodeEncodeError as error:
            if error.encoding.replace("-", "").lower() != "utf8":
                raise
            bad = error.object[error.start] if isinstance(error.object, str) else "?"
            raise FormatError(
                f"cannot write {name!r}: the text holds a lone surrogate (U+{ord(bad):04X}), which cannot be written as UTF-8"
            ) from None
        try:
            text.detach()  # flushes the text into ``raw``, which stays open
        except OSError as error:
            raise _write_error(name, error) from None


_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _check_regular(name: str, info: os.stat_result, max_bytes: int | None) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise FormatError(f"cannot read {name!r}: it is {describe_kind(info.st_mode)}, not a regular file")
    if max_bytes is not None and info.st_size > max_bytes:
        raise FormatError(
            f"cannot read {name!r}: it is {info.st_size:,} bytes long, more than the limit of {max_bytes:,} (max_bytes)"
        )


def open_for_reading(name: str, max_bytes: int | None = None) -> tuple[int, os.stat_result]:
    """Open the regular file ``name`` for reading, refusing anything else at once and without blocking.

    A named pipe, a device, a directory or a file larger than ``max_bytes`` is refused before a
    byte is read; any system error becomes a `FormatError` naming the file and the reason.

    Returns:
        The open descriptor (the caller closes it) and the file's status.
    """
    try:
        info = os.stat(name)
    except OSError as error:
        raise FormatError(f"cannot read {name!r}: {describe_os_error(error)}") from None
    except ValueError:  # a NUL character in the name
        raise FormatError(f"cannot read {name!r}: a file name cannot hold a NUL character") from None
    _check_regular(name, info, max_bytes)  # before opening: opening a device can do things
    try:
        descriptor = os.open(name, _READ_FLAGS)
    except OSError as error:
        raise FormatError(f"cannot read {name!r}: {describe_os_error(error)}") from None
    try:
        info = os.fstat(descriptor)
        _check_regular(name, info, max_bytes)  # the file may have been swapped since os.stat
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)  # a regular file: read it as usual
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor, info
