"""Private engine: atomic writing of text files, shared by every function that writes a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def _current_umask() -> int:
    # os.umask can only be read by setting it; this runs once, at import, before any thread of
    # the caller's can be creating files.
    umask = os.umask(0)
    os.umask(umask)
    return umask


_NEW_FILE_MODE = 0o666 & ~_current_umask()


@contextmanager
def atomic_writer(path: str | os.PathLike[str], newline: str = "\n") -> Iterator[TextIO]:
    """Open a UTF-8 text file for writing that appears at ``path`` only when complete.

    The text goes to a temporary file in the same folder, is flushed to disk, and is renamed
    over ``path`` when the ``with`` block ends without an error. On any error the temporary file
    is removed and an earlier file at ``path`` is left untouched. The new file gets the mode of
    the file it replaces, or the mode a new file gets under the umask; a symbolic link at
    ``path`` is followed, so the file it points to is replaced, not the link.

    Args:
        path: The file to write.
        newline: How line ends are written (``"\\n"``, or ``""`` for the csv module).
    """
    target = Path(path).resolve()
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = _NEW_FILE_MODE
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline=newline) as handle:
            os.fchmod(handle.fileno(), mode)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
