"""`--export FILE`: the table view saved as SVG, HTML or text, over a file only with --force."""

from __future__ import annotations

from pathlib import Path

from uwe_cli.errors import UsageError, UweError
from uwe_cli.vocabulary import EXPORT_SUFFIXES


def check(path: Path | None, *, force: bool = False) -> None:
    """Refuse an export path before any work is done (an existing file only with `force`)."""
    if path is None:
        return
    if path.is_dir():
        raise UsageError(f"--export {path}: is a folder; give a file name ending in {', '.join(EXPORT_SUFFIXES)}")
    if path.suffix.lower() not in EXPORT_SUFFIXES:
        raise UsageError(f"--export {path}: use a file name ending in {', '.join(EXPORT_SUFFIXES)}")
    if path.exists() and not force:
        raise UsageError(f"--export {path}: file already exists (add --force to replace it)")
    if not path.parent.is_dir():
        raise UsageError(f"--export {path}: folder {path.parent} does not exist")


def write(path: Path, content: str, *, force: bool = False) -> None:
    """Save `content` at `path`, whole or not at all (newfile.py); over a file only with `force`."""
    from uwe_cli import newfile

    try:
        newfile.create(path, content.encode("utf-8"), replace=force)
    except FileExistsError:  # it appeared since `check`
        raise UsageError(f"--export {path}: file already exists; add --force to replace it") from None
    except OSError as exc:  # the disk, not what was asked: a data/IO error (exit 1), not usage
        raise UweError(f"--export {path}: cannot write ({exc.strerror or exc})") from None
