"""`uwe data export PATH`: the data folder in use, whole, as a Data Package or an SQLite file.

What PATH names decides the format: a folder (an existing one, a name ending in '/', or a
name without a suffix) gets a Frictionless Data Package, a name ending in .db, .sqlite or
.sqlite3 an SQLite database. The export is written beside PATH under a hidden temporary
name and renamed to PATH only once complete, so a failure or Ctrl-C never leaves half an
export there; the temporary is removed on any failure. The rename never replaces what
appeared at PATH meanwhile (a folder a user made, a concurrent export): newfile.py. An
existing PATH is replaced only with --force, and only if it is an export of the tool's of the
same kind, every file of it described by its datapackage.json (checked before the build and
again at the swap, so a file the user added meanwhile is kept, and the export refused): uwe
never deletes a folder or file of the user's that it did not write, and never opens a FIFO
or a device at PATH (it would wait forever).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

from uwe_cli import newfile
from uwe_cli.dataset import store
from uwe_cli.errors import UsageError, UweError, system_reason
from uwe_cli.i18n.messages import Listing, Message, Quantity, msg
from uwe_cli.shell import command

SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
_SQLITE_HEADER = b"SQLite format 3\x00"


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
    # What is at PATH first: an existing folder is the answer, whatever its parent (/etc/).
    if _lexists(path):
        _check_replaceable(path, target, folder=folder, force=force)
    parent = path.parent
    if not parent.is_dir():
        if parent.exists():
            raise UsageError(msg("{target}: {parent} is not a folder", target=target, parent=parent))
        raise UsageError(msg("{target}: {parent} does not exist (create it first: {command})", target=target,
                             parent=parent, command=command("mkdir", "-p", names=(parent,))))  # fmt: skip
    if not os.access(parent, os.W_OK | os.X_OK):
        # (access() says no, not why: a read-only file system, or the folder's permissions)
        refused = OSError(errno.EROFS if _read_only(parent) else errno.EACCES, "")
        raise UsageError(msg("{target}: cannot write in {parent} ({reason}); choose a folder you can write to",
                             target=target, parent=parent, reason=system_reason(refused)))  # fmt: skip
    return path, folder


def _lexists(path: Path) -> bool:
    try:
        os.lstat(path)
    except OSError as exc:
        return exc.errno not in (errno.ENOENT, errno.ENOTDIR)
    return True


def _read_only(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # (no statvfs: Windows)
        return False


def _check_replaceable(path: Path, target: str, *, folder: bool, force: bool) -> None:
    """Refuse to replace `path` unless --force and it is an export of the same kind."""
    if folder and _empty_folder(path):
        return  # an empty folder: nothing of the user's to replace
    if not force:
        raise UsageError(msg("{target} already exists; add --force to replace it, or give a new name", target=target))
    if path.is_symlink():
        raise UsageError(msg("{target} is a symbolic link; uwe does not replace it, even with --force: give a new name",
                             target=target))  # fmt: skip
    if (_own_package if folder else _own_database)(path) is None:
        raise _not_own(path, target, folder=folder)


def _not_own(path: Path, target: str, *, folder: bool) -> UsageError:
    if folder:
        return UsageError(msg(
            "{target} is not a Data Package that uwe wrote (only datapackage.json and CSV files); uwe does not "
            "delete it, even with --force: give a new folder", target=target,
        ))  # fmt: skip
    return UsageError(msg(
        "{target} is not an SQLite database that uwe wrote; uwe does not replace it, even with --force: give a new name",
        target=target,
    ))  # fmt: skip


def _empty_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode) and not os.listdir(path)
    except OSError:
        return False


def _own_package(path: Path) -> list[Path] | None:
    """The files of the Data Package uwe wrote at `path`, or None if it holds anything else:
    a regular datapackage.json whose resources are exactly the folder's other files, each a
    regular CSV file (not a link, not a folder, not a file the user added)."""
    import json

    try:
        if not stat.S_ISDIR(os.lstat(path).st_mode):
            return None
        names = os.listdir(path)
        if "datapackage.json" not in names:
            return None
        if not all(stat.S_ISREG(os.lstat(path / name).st_mode) for name in names):
            return None
        descriptor = json.loads(_read_regular(path / "datapackage.json"))
        described = {resource["path"] for resource in descriptor["resources"]}
        mine = _described_as_own(descriptor)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    others = set(names) - {"datapackage.json"}
    if not mine or described != others or not all(name.endswith(".csv") for name in others):
        return None
    return [path / name for name in names]


def _described_as_own(descriptor: dict[str, object]) -> bool:
    """Whether a datapackage.json is one `uwe data export` wrote, not any Frictionless
    package: the tool's description names the database's own table, and it lists the
    languages of the texts (a property of the tool's, not of the standard)."""
    from uwe_cli.export import metadata

    return f"'{metadata.TABLE}'" in str(descriptor.get("description", "")) and isinstance(
        descriptor.get("languages"), list
    )


def _own_database(path: Path) -> list[Path] | None:
    """[path] if it is a regular file holding an SQLite database `uwe data export` wrote (or
    nothing), else None: any other database is the user's. Never opens anything but a
    regular file: a FIFO or a device would make uwe wait."""
    try:
        head = _read_regular(path, limit=len(_SQLITE_HEADER))
    except OSError:
        return None
    if head == b"":
        return [path]
    return [path] if head == _SQLITE_HEADER and _database_as_own(path) else None


def _database_as_own(path: Path) -> bool:
    """Its tables are exactly those its `_metadata` descriptor describes, and that
    descriptor is the tool's (read only, never written: the file may be anyone's)."""
    import json
    import sqlite3

    from uwe_cli.export import metadata

    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            found = connection.execute(
                f'SELECT value FROM "{metadata.TABLE}" WHERE name = ?', (metadata.DATAPACKAGE,)
            ).fetchone()
        finally:
            connection.close()
        descriptor = json.loads(found[0])
        described = {resource["name"] for resource in descriptor["resources"]}
        return _described_as_own(descriptor) and tables == described | {metadata.TABLE}
    except (sqlite3.Error, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return False


def _read_regular(path: Path, *, limit: int = 64 * 1024 * 1024) -> bytes:
    """A regular file's first `limit` bytes, never waiting on a FIFO or a device (OSError)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return handle.read(limit)


def _atomically(path: Path, *, folder: bool, force: bool, write: Callable[[Path], None]) -> None:
    """Run `write` on a new temporary sibling of `path`, then rename it to `path`.

    The temporary is removed on any failure, Ctrl-C included, and an old export at `path`
    is replaced only once the new one is complete, and only if it is still all the tool's.
    """
    try:
        temporary = newfile.reserve(path.parent, is_folder=folder)
    except OSError as exc:
        raise UweError(
            msg("cannot write in {folder} ({reason})", folder=path.parent, reason=system_reason(exc))
        ) from None
    try:
        write(temporary)
        # The work in progress is private; an export gets the permissions of any new file.
        temporary.chmod(_new_file_mode(folder=folder))
        _put(temporary, path, folder=folder, force=force)
    except BaseException as exc:
        with newfile.uninterrupted():
            _remove(temporary)
        if isinstance(exc, OSError):
            raise UweError(msg("cannot write {path} ({reason})", path=path, reason=system_reason(exc))) from None
        raise


def _put(temporary: Path, path: Path, *, folder: bool, force: bool) -> None:
    """Give the complete export its name: never over anything that appeared meanwhile, and
    with --force over an earlier export of the tool's only, checked again at the swap."""
    if folder and _empty_folder(path):
        with contextlib.suppress(OSError):  # (the user's empty folder: a later rename fails if it filled up)
            path.rmdir()
    try:
        if force and _lexists(path):
            newfile.replace_own(temporary, path, own=_own_package if folder else _own_database)
        else:
            newfile.rename_new(temporary, path)
    except FileExistsError:  # (something appeared at PATH meanwhile)
        raise _appeared(path) from None
    except newfile.AddedMeanwhile as exc:
        raise UsageError(msg("{path} was replaced, but files were added to the old export meanwhile; "
                             "uwe kept them in {kept}", path=path, kept=exc.kept)) from None  # fmt: skip
    except newfile.NotOwn as exc:
        if exc.kept is not None:
            raise UsageError(msg("{path} appeared while uwe was writing; what was there before is now {kept}",
                                 path=path, kept=exc.kept)) from None  # fmt: skip
        raise _not_own(path, str(path), folder=folder) from None


def _appeared(path: Path) -> UsageError:
    return UsageError(msg("{path} appeared while uwe was writing; nothing was replaced", path=path))


def _remove(temporary: Path) -> None:
    if temporary.is_dir() and not temporary.is_symlink():
        shutil.rmtree(temporary, ignore_errors=True)
    else:
        temporary.unlink(missing_ok=True)


def _new_file_mode(*, folder: bool) -> int:
    mask = os.umask(0)
    os.umask(mask)
    return (0o777 if folder else 0o666) & ~mask
