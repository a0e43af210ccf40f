"""Write the site's folder whole or not at all, and never delete what `uwe site` did not write.

The pages go to a new folder beside the target; only a complete one takes the target's
name (a rename), so a full disk or an interrupt leaves the old folder, or none, never half
a site. A folder `uwe site` wrote lists its files in a marker file (build.MARKER): it is
replaced if it still holds exactly those (checked before the build and again at the swap,
newfile.replace_own). Any other folder that is not empty is refused; with --force it is
set aside under a name the user sees (`DIR.uwe-kept-…`), never deleted. A symbolic link
is never followed, and the folder that holds the data in use is never taken.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
from collections.abc import Callable, Iterable
from pathlib import Path

from uwe_cli import newfile
from uwe_cli.errors import UsageError, UweError, system_reason
from uwe_cli.i18n.messages import msg
from uwe_cli.output.site.build import MARKER

# The first line of the marker file; the files of the site follow, one a line (path, size
# and time of last change, tab-separated).
MANIFEST_HEADING = "uwe site: the files it wrote"


def check(target: Path, *, force: bool, data_dir: Path | None) -> None:
    """Refuse a target before any work is done."""
    if target.is_symlink():
        raise UsageError(msg("site {path}: is a symbolic link; uwe does not replace it, even with --force: give a "
                             "folder", path=target))  # fmt: skip
    if target.exists() and not target.is_dir():
        raise UsageError(msg("site {path}: is a file; give a folder for the site", path=target))
    if not target.parent.is_dir():
        raise UsageError(msg("site {path}: folder {folder} does not exist", path=target, folder=target.parent))
    if data_dir is not None and _holds(target, data_dir):
        raise UsageError(msg("site {path}: holds the data folder in use; give another folder", path=target))
    if _holds(target, Path.cwd()):  # (`uwe site .`: the folder would be taken from under the reader)
        raise UsageError(msg("site {path}: holds the folder you are in; give another folder", path=target))
    if target.is_dir() and not force and _not_empty(target) and own_site(target) is None:
        raise UsageError(msg("site {path}: holds files uwe did not write; move them, or add --force to set the "
                             "folder aside (kept, under a new name)", path=target))  # fmt: skip


def own_site(path: Path) -> list[Path] | None:
    """Every file and folder of the site `uwe site` wrote at `path`, deepest first (to be
    removed in that order), or None if it holds anything else: a file its marker does not
    list, a link, or no marker."""
    try:
        listed = (path / MARKER).read_text(encoding="utf-8").splitlines()
        if (path / MARKER).is_symlink() or listed[:1] != [MANIFEST_HEADING]:
            return None
        files: list[Path] = []
        folders: list[Path] = []
        for where, dirs, names in os.walk(path):
            here = Path(where)
            for name in (*dirs, *names):
                if (here / name).is_symlink():
                    return None
            files += (here / name for name in names)
            folders.append(here)
    except (OSError, UnicodeError):
        return None
    # Each file as written: its name, size and time of change (a page the user edited is theirs).
    written = {path / line.split("\t")[0]: line for line in listed[1:]}
    if set(files) != {*written, path / MARKER}:
        return None
    try:
        if any(_entry(file, path) != line for file, line in written.items()):
            return None
    except OSError:
        return None
    # (the folder itself is the caller's to remove)
    return [*files, *sorted(folders[1:], key=lambda folder: len(folder.parts), reverse=True)]


def _entry(file: Path, site: Path) -> str:
    """A file's line in the marker: its path in the site, size and time of last change."""
    found = os.stat(file)
    return f"{file.relative_to(site)}\t{found.st_size}\t{found.st_mtime_ns}"


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


def write(target: Path, files: Files, *, force: bool, workers: int = 1) -> tuple[int, Path | None]:
    """Write the site's files as the folder `target`: the number of files written, and
    where the folder that was at `target` is now, if --force set it aside.

    With `workers` > 1 (where processes can fork), that many processes write a share of
    the pages each: a site of 10,000 groupings is 50,000 pages.
    """
    real = target.parent.resolve() / target.name if target.name not in ("", ".", "..") else target.resolve()
    building = real.with_name(f".{real.name}.{os.urandom(6).hex()}.tmp")
    try:
        building.mkdir()
        count = _write_shares(building, files, workers if hasattr(os, "fork") else 1)
        written = sorted(_entry(path, building) for path in building.rglob("*") if path.is_file())
        (building / MARKER).write_text("\n".join([MANIFEST_HEADING, *written]) + "\n", encoding="utf-8")
        return count, _swap(real, building, force=force)
    except OSError as exc:
        raise UweError(msg("site {path}: cannot write ({reason})", path=target, reason=system_reason(exc))) from None
    finally:
        if building.exists():
            with newfile.uninterrupted():
                shutil.rmtree(building, ignore_errors=True)


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


def _swap(target: Path, building: Path, *, force: bool) -> Path | None:
    """Give the complete folder the target's name; what was there before goes only then,
    and only if it is a site of the tool's still; with --force anything else is kept aside."""
    if target.is_dir() and not _not_empty(target):
        with contextlib.suppress(OSError):  # (an empty folder: a later rename fails if it filled up)
            target.rmdir()
    try:
        if not os.path.lexists(target):
            newfile.rename_new(building, target)
            return None
        if not force or own_site(target) is not None:
            newfile.replace_own(building, target, own=own_site)
            return None
        kept = target.with_name(f"{target.name[:200]}.uwe-kept-{os.urandom(3).hex()}")
        with newfile.uninterrupted():
            os.rename(target, kept)
            try:
                newfile.rename_new(building, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    newfile.rename_new(kept, target)
                raise
        return kept
    except FileExistsError:
        raise UsageError(
            msg("site {path}: appeared while uwe was writing; nothing was replaced", path=target)
        ) from None
    except newfile.AddedMeanwhile as exc:
        raise UsageError(msg("site {path}: was replaced, but files were added to the old site meanwhile; uwe kept "
                             "them in {kept}", path=target, kept=exc.kept)) from None  # fmt: skip
    except newfile.NotOwn as exc:
        if exc.kept is not None:
            raise UsageError(msg("{path} appeared while uwe was writing; what was there before is now {kept}",
                                 path=target, kept=exc.kept)) from None  # fmt: skip
        raise UsageError(msg("site {path}: holds files uwe did not write; move them, or add --force to set the "
                             "folder aside (kept, under a new name)", path=target)) from None  # fmt: skip
