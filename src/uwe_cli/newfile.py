"""Create a file whole or not at all, and never over an existing one.

`--export` and `uwe data init` write files that a person opens next: a full disk or an
interrupt must not leave a truncated one behind (the next try would refuse "already
exists"), and a file that appeared meanwhile must not be replaced. So the bytes go to a
temporary file in the same folder first, and only a complete file gets the final name,
with `os.link`, which (unlike a rename) fails when the name is taken.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

# What a file system without hard links (FAT, some network shares) answers os.link.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.ENOSYS, errno.EMLINK}
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def create(path: Path, data: bytes, *, replace: bool = False) -> None:
    """Write `data` to the new file `path`, whole or not at all.

    Raises FileExistsError if `path` exists (or appears meanwhile), else the OSError of the
    write (a full disk: ENOSPC); nothing is left behind either way, nor on an interrupt.
    With `replace` (`--export --force`), an existing file is replaced by the complete new one.
    """
    temporary = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
    # 0o666 and the umask, as for any new file (mkstemp would make it private to the user).
    fd = os.open(temporary, _FLAGS, 0o666)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())  # a full disk may only show when the data reaches it
        if replace:
            os.replace(temporary, path)  # (atomic: the old file or the new one, never half)
            return
        try:
            os.link(temporary, path)
        except OSError as exc:
            if isinstance(exc, FileExistsError) or exc.errno not in _NO_LINKS:
                raise
            _create_without_links(path, data)
    finally:
        _remove(temporary)


def _create_without_links(path: Path, data: bytes) -> None:
    """The same guarantees, where hard links do not exist: the final name is opened with
    "x" (never replacing) only once the bytes are complete in memory, and removed if the
    write fails."""
    with open(path, "xb") as out:
        try:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        except BaseException:
            _remove(path)
            raise


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
