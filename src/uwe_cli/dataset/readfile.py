"""Read a file only if it is a regular file of bounded size, without ever waiting on it.

Data files and cache entries are named by path, and what a path names can change between
a check and the open (a FIFO swapped in, a device, a file that keeps growing). So the file
is opened first, without blocking (O_NONBLOCK: opening a FIFO does not wait for a writer),
and what was opened is checked (fstat of the descriptor, not of the name); only then, and
never more than the limit, is it read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from uwe_cli.errors import Worded
from uwe_cli.i18n.messages import Message, Quantity, msg

# O_NOCTTY: a terminal device swapped in never becomes the tool's controlling terminal.
_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY if os.name == "posix" else os.O_RDONLY | getattr(os, "O_BINARY", 0)


class NotRegular(Worded, OSError):
    """A folder, FIFO, socket or device: nothing uwe reads."""

    def __init__(self, *, folder: bool) -> None:
        super().__init__(msg("is a folder, not a file") if folder else msg("is not a regular file"))
        self.folder = folder


class TooLarge(Worded, OSError):
    """Larger than the caller's limit."""

    def __init__(self, *, size: int | None, limit: int) -> None:
        if size is None:
            super().__init__(msg("file is too large (the limit is {limit} bytes)", limit=Quantity(limit)))
        else:
            super().__init__(msg("file is too large ({size} bytes; the limit is {limit})", size=Quantity(size),
                                 limit=Quantity(limit)))  # fmt: skip


def not_utf8(raw: bytes, error: UnicodeDecodeError) -> Message:
    """What is wrong with `raw`, which is not UTF-8 text: the first bad byte, and where."""
    return msg("is not UTF-8 text (invalid byte {byte} at offset {offset})", byte=f"0x{raw[error.start]:02x}",
               offset=Quantity(error.start))  # fmt: skip


def read_regular(path: Path, *, limit: int) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file `path` (at most `limit`), and its status when opened.

    Raises NotRegular, TooLarge, or the OSError of the open or the read.
    """
    # A first look by name spares opening a device at all (opening some has effects).
    _check(os.stat(path), limit=limit)
    try:
        fd = os.open(path, _FLAGS)
    except (IsADirectoryError, PermissionError):
        if path.is_dir():  # (Windows refuses to open a folder with "permission denied")
            raise NotRegular(folder=True) from None
        raise
    try:
        info = os.fstat(fd)
        _check(info, limit=limit)  # what was opened, whatever the name names by now
        chunks, left = [], limit + 1  # never more, even if the file grows meanwhile
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 22))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > limit:
        raise TooLarge(size=None, limit=limit)
    return raw, info


def _check(info: os.stat_result, *, limit: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise NotRegular(folder=stat.S_ISDIR(info.st_mode))
    if info.st_size > limit:
        raise TooLarge(size=info.st_size, limit=limit)
