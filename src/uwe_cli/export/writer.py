"""`uwe data export PATH`: the data folder in use, whole, as a Data Package or an SQLite file.

What PATH names decides the format: a folder (an existing one, a name ending in '/', or a
name without a suffix) gets a Frictionless Data Package, a name ending in .db, .sqlite or
.sqlite3 an SQLite database. The export is written beside PATH under a hidden temporary
name and renamed to PATH only once complete, so a failure or Ctrl-C never leaves half an
export there; the temporary is removed on any failure. An existing PATH is replaced only
with --force, and only if it is an export of the same kind: uwe never deletes a folder or
file of the user's that it did not write.
"""

from __future__ import annotations

import errno
import os
import shlex
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from uwe_cli.dataset import store
from uwe_cli.errors import UsageError, UweError, system_reason
from uwe_cli.i18n.messages import Listing, Message, Quantity, msg

SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
_SQLITE_HEADER = b"SQLite format 3\x00"
_TEMPORARY = ".uwe-tmp"


def export(target: str, *, data_dir: Path | None, use_cache: bool, lang: str | None, force: bool) -> Message:
    """Export the dataset of `data_dir` (or the one in use) to `target`; return what was written, in a line."""
    from uwe_cli.export import schema, tables
    from uwe_cli.i18n import translations

    path, folder = _destination(target, force=force)
    dataset = store.load_dataset(store.resolve_data_dir(data_dir), use_cache=use_cache).dump()
    langs = (lang,) if lang else translations.languages(dataset)
    built = tables.build(schema.SPECS, dataset, langs=langs)
    about = tables.describe(dataset, langs=langs)
    if folder:
        from uwe_cli.export import datapackage

        _atomically(
            path,
            folder=True,
            force=force,
            write=lambda temporary: datapackage.write(built, about=about, folder=temporary),
        )
        kind = msg("a Frictionless Data Package (datapackage.json and CSV files)")
    else:
        from uwe_cli.export import database

        # (named after PATH, not the temporary file: Datasette serves it under PATH's stem)
        _atomically(
            path, folder=False, force=force,
            write=lambda temporary: database.write(built, about=about, path=temporary, name=path.stem),
        )  # fmt: skip
        kind = msg("an SQLite database")
    rows = sum(len(table.rows) for table in built)
    return msg(
        "wrote {tables} tables ({rows} rows, {languages}) as {kind} to {path}",
        tables=len(built), rows=Quantity(rows), languages=Listing(langs, style="comma"), kind=kind, path=path,
    )  # fmt: skip


def _destination(target: str, *, force: bool) -> tuple[Path, bool]:
    """The path to write and whether it is a folder; a UsageError for what cannot be written."""
    if not target.strip():
        raise UsageError(msg("give a folder (for a Data Package) or a file name ending in .db (for SQLite)"))
    path = Path(target)
    folder = target.endswith(("/", os.sep)) or path.is_dir() or not path.suffix
    if not folder and path.suffix.lower() not in SQLITE_SUFFIXES:
        raise UsageError(msg(
            "{target}: give a folder (ending in '/') for a Data Package, or a file name ending in {suffixes} "
            "for SQLite; '{suffix}' is neither",
            target=target, suffixes=Listing(SQLITE_SUFFIXES, style="or"), suffix=path.suffix,
        ))  # fmt: skip
    parent = path.parent
    if not parent.is_dir():
        if parent.exists():
            raise UsageError(msg("{target}: {parent} is not a folder", target=target, parent=parent))
        raise UsageError(msg("{target}: {parent} does not exist (create it first: {command})", target=target,
                             parent=parent, command=f"mkdir -p {shlex.quote(str(parent))}"))  # fmt: skip
    if not os.access(parent, os.W_OK | os.X_OK):
        # (access() says no, not why: a read-only file system, or the folder's permissions)
        refused = OSError(errno.EROFS if _read_only(parent) else errno.EACCES, "")
        raise UsageError(msg("{target}: cannot write in {parent} ({reason}); choose a folder you can write to",
                             target=target, parent=parent, reason=system_reason(refused)))  # fmt: skip
    if path.exists() or path.is_symlink():
        _check_replaceable(path, target, folder=folder, force=force)
    return path, folder


def _read_only(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # (no statvfs: Windows)
        return False


def _check_replaceable(path: Path, target: str, *, folder: bool, force: bool) -> None:
    """Refuse to replace `path` unless --force and it is an export of the same kind."""
    if folder and path.is_dir() and not path.is_symlink() and not any(path.iterdir()):
        return  # an empty folder: nothing of the user's to replace
    if not force:
        raise UsageError(msg("{target} already exists; add --force to replace it, or give a new name", target=target))
    if path.is_symlink():
        raise UsageError(msg("{target} is a symbolic link; uwe does not replace it, even with --force: give a new name",
                             target=target))  # fmt: skip
    if folder and not _is_data_package(path):
        raise UsageError(msg(
            "{target} is not a Data Package that uwe wrote (only datapackage.json and CSV files); uwe does not "
            "delete it, even with --force: give a new folder", target=target,
        ))  # fmt: skip
    if not folder and not _is_sqlite(path):
        raise UsageError(msg(
            "{target} is not an SQLite database; uwe does not replace it, even with --force: give a new name",
            target=target,
        ))  # fmt: skip


def _is_data_package(path: Path) -> bool:
    if not path.is_dir():
        return False
    entries = list(path.iterdir())
    names = {entry.name for entry in entries}
    return "datapackage.json" in names and all(
        entry.is_file() and not entry.is_symlink() and (entry.name == "datapackage.json" or entry.suffix == ".csv")
        for entry in entries
    )


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except OSError:  # a folder, or a file that cannot be read
        return False
    return path.is_file() and (head == _SQLITE_HEADER or head == b"")


def _atomically(path: Path, *, folder: bool, force: bool, write: Callable[[Path], None]) -> None:
    """Run `write` on a new temporary sibling of `path`, then rename it to `path`.

    The temporary is removed on any failure, Ctrl-C included, and an old export at `path`
    is replaced only once the new one is complete.
    """
    prefix = f".{path.name}."
    try:
        if folder:
            temporary = Path(tempfile.mkdtemp(prefix=prefix, suffix=_TEMPORARY, dir=path.parent))
        else:
            handle, name = tempfile.mkstemp(prefix=prefix, suffix=_TEMPORARY, dir=path.parent)
            os.close(handle)
            temporary = Path(name)
    except OSError as exc:
        raise UweError(
            msg("cannot write in {folder} ({reason})", folder=path.parent, reason=system_reason(exc))
        ) from None
    try:
        write(temporary)
        # mkstemp and mkdtemp make private files; an export gets the permissions of any new file.
        temporary.chmod(_new_file_mode(folder=folder))
        _rename(temporary, path, folder=folder, force=force)
    except BaseException as exc:
        _remove(temporary)
        if isinstance(exc, OSError):
            raise UweError(msg("cannot write {path} ({reason})", path=path, reason=system_reason(exc))) from None
        raise


def _rename(temporary: Path, path: Path, *, folder: bool, force: bool) -> None:
    if not folder:
        if force:
            os.replace(temporary, path)  # atomic: readers see the old file or the new one
        else:
            _rename_new(temporary, path)
        return
    if path.is_dir() and not any(path.iterdir()):
        path.rmdir()  # (an empty folder the user made for the export)
    if not path.exists():
        try:
            os.rename(temporary, path)
        except OSError:  # (something appeared at PATH meanwhile)
            raise _appeared(path) from None
        return
    # A folder cannot be swapped atomically: set the old one aside, put the new one in its
    # place (or the old one back if that fails), and only then delete the old one.
    aside = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".uwe-old", dir=path.parent))
    aside.rmdir()  # (a free name: renaming a folder over an empty one fails on some systems)
    os.rename(path, aside)
    try:
        os.rename(temporary, path)
    except BaseException:
        os.replace(aside, path)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def _rename_new(temporary: Path, path: Path) -> None:
    """Rename a file to `path` unless a file appeared there since the checks (a hard link fails then)."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise _appeared(path) from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise _appeared(path) from None
        os.replace(temporary, path)
        return
    temporary.unlink()


def _appeared(path: Path) -> UsageError:
    return UsageError(msg("{path} appeared while uwe was writing; nothing was replaced", path=path))


def _remove(temporary: Path) -> None:
    if temporary.is_dir():
        shutil.rmtree(temporary, ignore_errors=True)
    else:
        temporary.unlink(missing_ok=True)


def _new_file_mode(*, folder: bool) -> int:
    mask = os.umask(0)
    os.umask(mask)
    return (0o777 if folder else 0o666) & ~mask
