"""Write the site's folder whole or not at all, and never over a folder `uwe site` did not write.

The pages go to a new folder beside the target; only a complete one takes the target's
name (a rename), so a full disk or an interrupt leaves the old folder, or none, never half
a site. A folder `uwe site` wrote has a marker file (build.MARKER) and is replaced; any
other folder that is not empty is replaced only with --force, and never one that holds
the data folder in use.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
from collections.abc import Callable, Iterable
from pathlib import Path

from uwe_cli.errors import UsageError, UweError, system_reason
from uwe_cli.i18n.messages import msg
from uwe_cli.output.site.build import MARKER


def check(target: Path, *, force: bool, data_dir: Path | None) -> None:
    """Refuse a target before any work is done."""
    if target.exists() and not target.is_dir():
        raise UsageError(msg("site {path}: is a file; give a folder for the site", path=target))
    if not target.parent.is_dir():
        raise UsageError(msg("site {path}: folder {folder} does not exist", path=target, folder=target.parent))
    if data_dir is not None and _holds(target, data_dir):
        raise UsageError(msg("site {path}: holds the data folder in use; give another folder", path=target))
    if _holds(target, Path.cwd()):  # (`uwe site .`: the folder would be taken from under the reader)
        raise UsageError(msg("site {path}: holds the folder you are in; give another folder", path=target))
    if target.is_dir() and not force and not (target / MARKER).is_file() and _not_empty(target):
        raise UsageError(msg("site {path}: folder is not empty and not a site uwe wrote (add --force to replace it)",
                             path=target))  # fmt: skip


def _holds(target: Path, data_dir: Path) -> bool:
    try:
        inside, outer = data_dir.resolve(), target.resolve()
    except OSError:
        return False
    return inside == outer or outer in inside.parents


def _not_empty(folder: Path) -> bool:
    try:
        return any(folder.iterdir())
    except OSError as exc:
        raise UweError(msg("site {path}: cannot read ({reason})", path=folder, reason=system_reason(exc))) from None


# What `write` is given: the files of the share `part` of `parts` (build.files).
Files = Callable[[int, int], Iterable[tuple[str, str]]]


def write(target: Path, files: Files, *, force: bool, workers: int = 1) -> int:
    """Write the site's files as the folder `target`; the number of files written.

    With `workers` > 1 (where processes can fork), that many processes write a share of
    the pages each: a site of 10,000 groupings is 50,000 pages.
    """
    tag = os.urandom(6).hex()
    real = target.resolve()  # (`out/..` or a link to a folder: the folder itself, beside which to build)
    building = real.with_name(f".{real.name}.{tag}.tmp")
    old = real.with_name(f".{real.name}.{tag}.old")
    try:
        building.mkdir()
        count = _write_shares(building, files, workers if hasattr(os, "fork") else 1)
        (building / MARKER).write_text("uwe site\n", encoding="utf-8")
        _swap(real, building, old, force=force)
    except OSError as exc:
        raise UweError(msg("site {path}: cannot write ({reason})", path=target, reason=system_reason(exc))) from None
    finally:
        for leftover in (building, old):
            if leftover.exists():
                shutil.rmtree(leftover, ignore_errors=True)
    return count


def _write(building: Path, files: Iterable[tuple[str, str]]) -> int:
    count = 0
    made: set[Path] = {building}
    for name, text in files:
        path = building / name
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(text, encoding="utf-8", newline="\n")
        count += 1
    return count


def _write_shares(building: Path, files: Files, workers: int) -> int:
    """Write every share: the first here, the others in child processes; an error in any is
    the error of the whole (an OSError keeps its errno: a full disk says so)."""
    if workers <= 1:
        return _write(building, files(0, 1))
    children: list[int] = []
    done = False
    try:
        for part in range(1, workers):
            pid = os.fork()
            if pid == 0:  # (the child: its share, then out, without the parent's exit handlers)
                status = 255
                try:
                    _write(building, files(part, workers))
                    status = 0
                except OSError as exc:
                    status = exc.errno if exc.errno and 0 < exc.errno < 255 else 254
                finally:
                    os._exit(status)
            children.append(pid)
        _write(building, files(0, workers))
        done = True
    finally:
        if not done:  # (an error or an interrupt here: the children's work is of no use)
            for pid in children:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGTERM)
        statuses = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children]
    for status in statuses:
        if status == 254 or status < 0:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        if status == 255:
            raise RuntimeError("uwe site: a process writing pages failed")
        if status:
            raise OSError(status, os.strerror(status))
    return sum(len(names) for _, _, names in os.walk(building))


def _swap(target: Path, building: Path, old: Path, *, force: bool) -> None:
    """Give the complete folder the target's name; the folder there before goes only then."""
    if target.is_dir():
        check(target, force=force, data_dir=None)  # (it may have changed since the first check)
        os.rename(target, old)
        try:
            os.rename(building, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.rename(old, target)
            raise
        return
    os.rename(building, target)  # (fails if a folder with files appeared meanwhile)
