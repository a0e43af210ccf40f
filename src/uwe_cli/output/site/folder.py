"""Write the site's folder whole or not at all, and never over a folder `uwe site` did not write.

The pages go to a new folder beside the target; only a complete one takes the target's
name (a rename), so a full disk or an interrupt leaves the old folder, or none, never half
a site. A folder `uwe site` wrote has a marker file (build.MARKER) and is replaced; any
other folder that is not empty is replaced only with --force, and never one that holds
the data folder in use.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable
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


def write(target: Path, files: Iterable[tuple[str, str]], *, force: bool) -> int:
    """Write `files` (path, text) as the folder `target`; the number of files written."""
    tag = os.urandom(6).hex()
    building = target.with_name(f".{target.name}.{tag}.tmp")
    old = target.with_name(f".{target.name}.{tag}.old")
    count = 0
    try:
        building.mkdir()
        made: set[Path] = {building}
        for name, text in files:
            path = building / name
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            path.write_text(text, encoding="utf-8", newline="\n")
            count += 1
        (building / MARKER).write_text("uwe site\n", encoding="utf-8")
        _swap(target, building, old, force=force)
    except OSError as exc:
        raise UweError(msg("site {path}: cannot write ({reason})", path=target, reason=system_reason(exc))) from None
    finally:
        for leftover in (building, old):
            if leftover.exists():
                shutil.rmtree(leftover, ignore_errors=True)
    return count


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
