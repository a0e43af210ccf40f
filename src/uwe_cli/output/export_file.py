"""`--export FILE`: the table view saved as SVG, HTML or text, over a file only with --force."""

from __future__ import annotations

from pathlib import Path

from uwe_cli.errors import UsageError, UweError, system_reason
from uwe_cli.i18n.messages import Listing, msg
from uwe_cli.vocabulary import EXPORT_SUFFIXES


def check(path: Path | None, *, force: bool = False) -> None:
    """Refuse an export path before any work is done (an existing file only with `force`)."""
    if path is None:
        return
    suffixes = Listing(EXPORT_SUFFIXES, style="or")
    if path.is_dir():
        raise UsageError(msg("--export {path}: is a folder; give a file name ending in {suffixes}", path=path,
                             suffixes=suffixes))  # fmt: skip
    if path.suffix.lower() not in EXPORT_SUFFIXES:
        raise UsageError(msg("--export {path}: use a file name ending in {suffixes}", path=path, suffixes=suffixes))
    if path.exists() and not force:
        raise UsageError(msg("--export {path}: file already exists (add --force to replace it)", path=path))
    if not path.parent.is_dir():
        raise UsageError(msg("--export {path}: folder {folder} does not exist", path=path, folder=path.parent))


def write(path: Path, content: str, *, force: bool = False) -> None:
    """Save `content` at `path`, whole or not at all (newfile.py); over a file only with `force`."""
    from uwe_cli import newfile

    try:
        newfile.create(path, content.encode("utf-8"), replace=force)
    except FileExistsError:  # it appeared since `check`
        raise UsageError(msg("--export {path}: file already exists (add --force to replace it)", path=path)) from None
    except OSError as exc:  # the disk, not what was asked: a data/IO error (exit 1), not usage
        raise UweError(msg("--export {path}: cannot write ({reason})", path=path, reason=system_reason(exc))) from None
