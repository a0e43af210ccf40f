"""Put a file or folder in place whole or not at all, and never over anything of the user's.

`--export`, `uwe data init`, `uwe data export` and the cache write what a person (or the next
run) opens next: a full disk or an interrupt must not leave a truncated file behind, and
nothing that appeared meanwhile may be replaced. So the bytes go to a temporary name in the
same folder first (a short one: a long final name plus a suffix would pass NAME_MAX), and
only a complete file or folder gets the final name, with a rename that fails when the name
is taken (`rename_new`). `replace_own` swaps an earlier export of the tool's for a new one, and
only once it has checked, at the moment of the swap, that the old one is still all the tool's.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

# What a file system without hard links (FAT, some network shares) answers os.link.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.ENOSYS, errno.EMLINK}
# What renameat2 answers where the kernel or the file system lacks RENAME_NOREPLACE.
_NO_NOREPLACE = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}
# What renaming a folder over a name that is taken answers (a file, a folder not empty).
_TAKEN = {errno.EEXIST, errno.ENOTEMPTY, errno.ENOTDIR, errno.EISDIR}
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_RENAME_NOREPLACE = 1
_AT_FDCWD = -100
# The signals that stop uwe, held back while a swap is half done (see `uninterrupted`).
_STOPPING = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def temporary_name(folder: Path, *, suffix: str = ".uwe-tmp") -> Path:
    """A hidden name in `folder` for work in progress, short whatever the final name."""
    return folder / f".uwe-{os.urandom(6).hex()}{suffix}"


def reserve(folder: Path, *, is_folder: bool) -> Path:
    """A new, private, empty file (or folder) under a temporary name in `folder`."""
    temporary = temporary_name(folder)
    if is_folder:
        os.mkdir(temporary, 0o700)
    else:
        os.close(os.open(temporary, _FLAGS, 0o600))
    return temporary


def create(path: Path, data: bytes, *, replace: bool = False, mode: int = 0o666, durable: bool = True) -> None:
    """Write `data` to the new file `path`, whole or not at all.

    Raises FileExistsError if `path` exists (or appears meanwhile), else the OSError of the
    write (a full disk: ENOSPC); nothing is left behind either way, nor on an interrupt.
    With `replace` (`--export --force`, the cache), an existing file is replaced by the
    complete new one. `mode` (before the umask): 0o600 for what only the user may read.
    `durable=False` skips waiting for the disk: only for a file whose loss in a system crash
    costs nothing but time (the cache, which checks every entry it reads).
    """
    temporary = temporary_name(path.parent, suffix=".tmp")
    fd = os.open(temporary, _FLAGS, mode)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            if durable:
                os.fsync(out.fileno())  # a full disk may only show when the data reaches it
        if replace:
            os.replace(temporary, path)  # (atomic: the old file or the new one, never half)
        else:
            rename_new(temporary, path)
    finally:
        _remove(temporary)


def rename_new(source: Path, target: Path) -> None:
    """Rename `source` (a file or a folder) to `target`, only if `target` does not exist.

    Raises FileExistsError if it does, even if it appeared a moment ago: the test and the
    rename are one step (renameat2's RENAME_NOREPLACE on Linux, a hard link for a file; where
    neither exists, a folder's rename replaces at most an empty folder, and a file's name is
    claimed first with O_EXCL).
    """
    if _renameat2(source, target):
        return
    if os.name == "nt" or source.is_dir():
        # (Windows never renames over an existing name; POSIX renames a folder over an empty
        # folder only, which holds nothing to lose.)
        try:
            os.rename(source, target)
        except OSError as exc:
            if isinstance(exc, FileExistsError) or exc.errno in _TAKEN:
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
            raise
        return
    try:
        os.link(source, target)
    except OSError as exc:
        if isinstance(exc, FileExistsError) or exc.errno not in _NO_LINKS:
            raise
        _claim_and_replace(source, target)
        return
    _remove(source)


def _claim_and_replace(source: Path, target: Path) -> None:
    """Without hard links: claim the name with O_EXCL (which fails when it is taken), then
    replace the empty claim, which is the tool's own, by the complete file."""
    os.close(os.open(target, _FLAGS, 0o600))
    try:
        os.replace(source, target)
    except BaseException:
        _remove(target)
        raise


def _renameat2(source: Path, target: Path) -> bool:
    """Rename with RENAME_NOREPLACE; False where the system cannot (the caller falls back)."""
    call = _libc_renameat2()
    if call is None:
        return False
    import ctypes

    if call(_AT_FDCWD, os.fsencode(source), _AT_FDCWD, os.fsencode(target), _RENAME_NOREPLACE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_NOREPLACE:
        return False
    raise OSError(code, os.strerror(code), str(target))


_found: list[Callable[..., int] | None] = []


def _libc_renameat2() -> Callable[..., int] | None:
    if not _found:
        _found.append(_load_renameat2())
    return _found[0]


def _load_renameat2() -> Callable[..., int] | None:
    try:
        import ctypes

        call = ctypes.CDLL(None, use_errno=True).renameat2  # (glibc 2.28 and later, musl 1.2.2)
    except (OSError, AttributeError, TypeError, ImportError):  # (not Linux: macOS, Windows)
        return None
    call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    call.restype = ctypes.c_int
    return call


def replace_own(new: Path, old: Path, *, own: Callable[[Path], list[Path] | None]) -> None:
    """Put `new` in place of `old`, an earlier export of the tool's, or raise.

    `own(path)` lists the files of `path` uwe wrote (and its folders, deepest first), or None
    if `path` holds anything else: it
    is asked again here, once `old` is set aside under a hidden name, so that a file the user
    added meanwhile is never deleted (NotOwn is raised, and `old` is put back). Raises
    FileExistsError if something took `old`'s name while it was aside. Stopping signals wait
    until the swap is done, so that no hidden copy is left behind.
    """
    aside = temporary_name(old.parent, suffix=".uwe-old")
    with uninterrupted():
        try:
            os.rename(old, aside)
        except FileNotFoundError:  # (gone meanwhile: nothing to replace)
            rename_new(new, old)
            return
        files = own(aside)
        if files is None:
            try:
                rename_new(aside, old)
            except FileExistsError:  # (something took the name meanwhile: never hide what was there)
                kept = old.with_name(f"{old.name[:200]}.uwe-kept-{os.urandom(3).hex()}")
                os.rename(aside, kept)
                raise NotOwn(old, kept=kept) from None
            raise NotOwn(old)
        try:
            rename_new(new, old)
        finally:  # (the old export goes either way: it was the tool's, and --force asked to replace it)
            for path in files:  # (files, then the folders they were in, deepest first)
                if path.is_dir() and not path.is_symlink():
                    _remove_folder(path)
                else:
                    _remove(path)
            left = _left_in(aside)
        if left:
            # Written into the old export after it was checked (through a folder a user had
            # open): the user's, so kept, under a name they can see, and the command says where.
            kept = old.with_name(f"{old.name[:200]}.uwe-kept-{os.urandom(3).hex()}")
            os.rename(aside, kept)
            raise AddedMeanwhile(old, kept=kept)


def _remove_folder(path: Path) -> None:
    with contextlib.suppress(OSError):  # (not empty: something was added, which _left_in finds)
        os.rmdir(path)


def _left_in(aside: Path) -> bool:
    """Remove `aside` if it is an empty folder (or gone: a file aside was one of the files
    removed); whether something is left in it."""
    try:
        aside.rmdir()
    except FileNotFoundError:
        return False
    except OSError:
        return aside.is_dir() and any(True for _ in os.scandir(aside))
    return False


class AddedMeanwhile(Exception):
    """The new export is in place, but files were added to the old one while it was being
    replaced: they are at `kept`."""

    def __init__(self, path: Path, *, kept: Path) -> None:
        super().__init__(str(path))
        self.kept = kept


class NotOwn(Exception):
    """What was to be replaced holds something uwe did not write; `kept`: where it is now,
    if something else took its name while it was set aside (else it is back in place)."""

    def __init__(self, path: Path, *, kept: Path | None = None) -> None:
        super().__init__(str(path))
        self.kept = kept


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold back Ctrl-C, SIGTERM and SIGHUP until the block ends, then deliver the first.

    The handlers are swapped for one that only takes note (masking the signals would not
    do: another thread may take a signal, and Python runs its handler all the same)."""
    import threading

    if threading.current_thread() is not threading.main_thread():  # (only it may set handlers)
        yield
        return
    arrived: list[int] = []
    previous = {signum: signal.getsignal(signum) for signum in _STOPPING}
    for signum, handler in previous.items():
        if handler not in (signal.SIG_IGN, None):
            signal.signal(signum, lambda signum, frame: arrived.append(signum))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            if handler is not None:
                signal.signal(signum, handler)
        if arrived:
            signal.raise_signal(arrived[0])


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
