"""`uwe data init DIRECTORY`: a copy of the shipped data folder, to edit and use."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from uwe_cli.dataset.store import FILES, _translation_files, shipped_data_dir
from uwe_cli.errors import DataError, Problem, system_reason
from uwe_cli.i18n import translations
from uwe_cli.i18n.messages import msg


def init_data_dir(target: Path) -> list[Path]:
    """Copy the shipped dataset into `target` for editing; never over an existing file.

    All or nothing: when a write fails or is interrupted, every file and folder it made is
    removed, and each file is written whole or not at all (newfile.py).
    """
    from uwe_cli import newfile

    source = shipped_data_dir()
    if target.exists() and not target.is_dir():
        raise DataError([Problem(str(target), msg("exists and is not a folder"))])
    clashes = [target / f"{n}.yaml" for n in FILES if (target / f"{n}.yaml").exists()]
    if clashes:
        raise DataError([_clash(clashes[0])])
    files = [f"{name}.yaml" for name in FILES]
    files += [f"{translations.FOLDER}/{path.name}" for path in _translation_files(source)[0]]
    try:
        contents = {name: (source / name).read_bytes() for name in files}
    except OSError as exc:
        unread = msg("the shipped data cannot be read ({reason})", reason=system_reason(exc))
        raise DataError([Problem(str(source), unread)]) from None
    made: list[Path] = []  # folders and files, in the order they were made
    try:
        for folder in _missing_folders(target):
            folder.mkdir()
            made.append(folder)
        for name, raw in contents.items():
            path = target / name
            if not path.parent.is_dir():  # (translations/)
                path.parent.mkdir()
                made.append(path.parent)
            try:
                newfile.create(path, raw)
            except FileExistsError:  # it appeared since the check above
                raise DataError([_clash(path)]) from None
            made.append(path)
    except BaseException as exc:
        for path in reversed(made):
            with suppress(OSError):  # (a folder is removed only if empty: rmdir refuses otherwise)
                if path.is_dir():
                    path.rmdir()
                else:
                    path.unlink()
        if isinstance(exc, OSError):
            unwritten = msg("cannot write there ({reason})", reason=system_reason(exc))
            raise DataError([Problem(str(target), unwritten)]) from None
        raise
    return [path for path in made if path.is_file()]


def _clash(path: Path) -> Problem:
    """A data file `data init` finds already there: never overwritten."""
    never = msg("already exists; uwe never overwrites a data file")
    return Problem(str(path), never, hint=msg("give a new folder, or an empty one"))


def _missing_folders(target: Path) -> list[Path]:
    """The folders to make for `target` to exist, outermost first."""
    missing = []
    while not target.exists() and target.parent != target:
        missing.append(target)
        target = target.parent
    return missing[::-1]
