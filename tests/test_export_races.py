"""`uwe data export` never deletes or replaces what it did not write, even what appears while
it works: the tests put a folder or file in place between the build and the swap (a hook on
the writer, deterministic), run a second export inside the first, and stop one mid-swap."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from uwe_cli import newfile
from uwe_cli.export import database, datapackage
from uwe_cli.export import writer as data_export

WRITERS = {"pkg/": (datapackage, "write"), "uwe.db": (database, "write")}


def everything(folder: Path) -> dict[str, bytes | None]:
    """Every entry below `folder`, hidden ones included, with a file's bytes."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


def meanwhile(monkeypatch: pytest.MonkeyPatch, target: str, action: Callable[[], None]) -> None:
    """Run `action` once the export is built, before it is given its name."""
    module, name = WRITERS[target]
    real = getattr(module, name)

    def write(*args: Any, **kwargs: Any) -> None:
        real(*args, **kwargs)
        action()

    monkeypatch.setattr(module, name, write)


@pytest.fixture(params=["renameat2", "fallback"])
def renames(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test runs with renameat2 and with the fallback of systems without it."""
    if request.param == "fallback":
        monkeypatch.setattr(newfile, "_renameat2", lambda source, target: False)
    return str(request.param)


def test_a_folder_that_appears_during_an_export_is_kept(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, renames: str
) -> None:
    out = tmp_path / "out"

    def user() -> None:
        out.mkdir()
        (out / "mine.txt").write_text("precious", encoding="utf-8")

    meanwhile(monkeypatch, "pkg/", user)
    run = main("data", "export", f"{out}/")
    assert (run.exit_code, run.stderr) == (
        2,
        f"uwe: error: {out} appeared while uwe was writing; nothing was replaced\n",
    )
    assert everything(tmp_path) == {"out": None, "out/mine.txt": b"precious"}


def test_a_file_that_appears_during_an_export_is_kept(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, renames: str
) -> None:
    out = tmp_path / "uwe.db"
    meanwhile(monkeypatch, "uwe.db", lambda: out.write_bytes(b"precious"))
    for force in ((), ("--force",)):
        run = main("data", "export", str(out), *force)
        assert run.exit_code == 2, run.stderr
        out.unlink()
    assert everything(tmp_path) == {}


@pytest.mark.parametrize("target", ["pkg/", "uwe.db"])
@pytest.mark.parametrize("force", [(), ("--force",)])
def test_concurrent_exports_never_overwrite_each_other(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, force: tuple[str, ...]
) -> None:
    # A second export to the same place runs, whole, while the first is being built: the
    # first must not replace it without --force (with --force it may: that is the tool's export).
    path = f"{tmp_path}/{target}"
    inner: list[int] = []

    def second() -> None:
        if not inner:
            inner.append(-1)  # (the second export's own hook does nothing)
            inner[0] = main("data", "export", path, "--texts", "fr").exit_code

    meanwhile(monkeypatch, target, second)
    run = main("data", "export", path, *force)
    assert inner == [0]
    if force:
        assert run.exit_code == 0, run.stderr
    else:
        assert (run.exit_code, run.stderr) == (
            2, f"uwe: error: {tmp_path / target.rstrip('/')} appeared while uwe was writing; nothing was replaced\n"
        )  # fmt: skip
    languages = 1 if not force else 5
    if target == "uwe.db":
        connection = sqlite3.connect(tmp_path / "uwe.db")
        columns = [row[1] for row in connection.execute("PRAGMA table_info(regions)") if row[1].startswith("name_")]
        connection.close()
    else:
        columns = (tmp_path / "pkg" / "regions.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
        columns = [c for c in columns if c.startswith("name_")]
    assert len(columns) == languages
    assert [p.name for p in tmp_path.iterdir()] == [target.rstrip("/")]  # nothing hidden left behind


def test_force_keeps_a_file_the_user_adds_to_the_old_export_meanwhile(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, renames: str
) -> None:
    pkg = tmp_path / "pkg"
    assert main("data", "export", f"{pkg}/", "--texts", "fr").exit_code == 0
    meanwhile(monkeypatch, "pkg/", lambda: (pkg / "notes.txt").write_text("mine", encoding="utf-8"))
    before = everything(tmp_path)
    before["pkg/notes.txt"] = b"mine"
    run = main("data", "export", f"{pkg}/", "--force")
    assert (run.exit_code, run.stderr) == (2, (
        f"uwe: error: {pkg} is not a Data Package that uwe wrote (only datapackage.json and CSV files); uwe does not "
        "delete it, even with --force: give a new folder\n"
    ))  # fmt: skip
    assert everything(tmp_path) == before


def test_force_keeps_a_csv_file_the_export_does_not_describe(main: Callable[..., Any], tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    assert main("data", "export", f"{pkg}/", "--texts", "fr").exit_code == 0
    (pkg / "my-own.csv").write_text("a,b\n", encoding="utf-8")
    before = everything(tmp_path)
    assert main("data", "export", f"{pkg}/", "--force").exit_code == 2
    assert everything(tmp_path) == before


@pytest.mark.parametrize("target", ["pkg/", "uwe.db"])
def test_an_interrupted_force_swap_leaves_nothing_behind(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    # Ctrl-C arrives just as the old export is set aside: it waits until the swap is done.
    path = tmp_path / target.rstrip("/")
    assert main("data", "export", f"{tmp_path}/{target}", "--texts", "fr").exit_code == 0
    real_rename = os.rename

    def rename(source: Any, destination: Any) -> None:
        real_rename(source, destination)
        if Path(source) == path:
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(os, "rename", rename)
    run = main("data", "export", f"{tmp_path}/{target}", "--force")
    assert run.exit_code == 130
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no hidden .uwe-old, no temporary


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_fifo_is_never_opened(tmp_path: Path, force: list[str]) -> None:
    fifo = tmp_path / "f.db"
    os.mkfifo(fifo)
    env = {**os.environ, "COLUMNS": "200"}
    run = subprocess.run(
        [sys.executable, "-m", "uwe_cli", "data", "export", str(fifo), *force],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert run.returncode == 2
    expected = (
        "is not an SQLite database that uwe wrote; uwe does not replace it, even with --force: give a new name"
        if force
        else "already exists; add --force to replace it, or give a new name"
    )
    assert run.stderr == f"uwe: error: {fifo} {expected}\n"


def test_a_name_as_long_as_the_file_system_allows(main: Callable[..., Any], tmp_path: Path) -> None:
    longest = os.pathconf(tmp_path, "PC_NAME_MAX") if hasattr(os, "pathconf") else 255
    for target in ("d" * longest, "f" * (longest - 3) + ".db"):
        run = main("data", "export", str(tmp_path / target), "--texts", "fr")
        assert run.exit_code == 0, run.stderr
    assert sorted(len(p.name) for p in tmp_path.iterdir()) == [longest, longest]


def test_an_existing_folder_is_named_before_its_parent(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `uwe data export /etc/`: the answer is /etc, not "cannot write in /".
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "passwd").write_text("x", encoding="utf-8")
    monkeypatch.setattr(data_export.os, "access", lambda *args, **kwargs: False)
    run = main("data", "export", f"{tmp_path}/etc/")
    assert (run.exit_code, run.stderr) == (
        2, f"uwe: error: {tmp_path}/etc/ already exists; add --force to replace it, or give a new name\n"
    )  # fmt: skip


def test_rename_new_never_replaces(tmp_path: Path, renames: str) -> None:
    for kind in ("file", "folder"):
        source, target = tmp_path / f"{kind}-new", tmp_path / f"{kind}-there"
        if kind == "file":
            source.write_text("new", encoding="utf-8")
        else:
            source.mkdir()
            (source / "x").write_text("new", encoding="utf-8")
        target.mkdir()
        (target / "mine").write_text("mine", encoding="utf-8")
        with pytest.raises(FileExistsError):
            newfile.rename_new(source, target)
        assert (target / "mine").read_text(encoding="utf-8") == "mine" and source.exists()
        (target / "mine").unlink()
        target.rmdir()
        newfile.rename_new(source, target)
        assert not source.exists() and target.exists()


def test_what_was_set_aside_is_never_hidden(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, renames: str
) -> None:
    # --force sets the old export aside, finds a file of the user's in it, and cannot put it
    # back: something took its name meanwhile. It is renamed where the user sees it, and said.
    pkg = tmp_path / "pkg"
    assert main("data", "export", f"{pkg}/", "--texts", "fr").exit_code == 0
    (pkg / "notes.txt").write_text("mine", encoding="utf-8")

    def own(path: Path) -> list[Path] | None:
        # (at the swap, the check before it left out: the old export is aside, and a folder
        # takes its name)
        pkg.mkdir()
        (pkg / "theirs.txt").write_text("theirs", encoding="utf-8")
        return None

    monkeypatch.setattr(data_export, "_own_package", own)
    monkeypatch.setattr(data_export, "_check_replaceable", lambda *args, **kwargs: None)
    run = main("data", "export", f"{pkg}/", "--force")
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("pkg.uwe-kept-")]
    assert len(kept) == 1 and (kept[0] / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (run.exit_code, run.stderr) == (
        2, f"uwe: error: {pkg} appeared while uwe was writing; what was there before is now {kept[0]}\n"
    )  # fmt: skip
    assert (pkg / "theirs.txt").read_text(encoding="utf-8") == "theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg", kept[0].name]  # nothing hidden


def test_a_file_added_to_the_old_export_during_the_swap_is_kept_where_the_user_sees_it(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The old export passes the check at the swap; then, through a folder the user had open,
    # a file lands in it before uwe removes it: kept under a visible name, and said (exit 2).
    pkg = tmp_path / "pkg"
    assert main("data", "export", f"{pkg}/", "--texts", "fr").exit_code == 0
    real = data_export._own_package

    def own(path: Path) -> list[Path] | None:
        files = real(path)
        if path != pkg:  # (at the swap, the old export aside; not at the check before the build)
            (path / "mine.txt").write_text("mine", encoding="utf-8")
        return files

    monkeypatch.setattr(data_export, "_own_package", own)
    run = main("data", "export", f"{pkg}/", "--force", "--texts", "fr")
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("pkg.uwe-kept-")]
    assert len(kept) == 1 and [p.name for p in kept[0].iterdir()] == ["mine.txt"]
    assert (run.exit_code, run.stderr) == (
        2, f"uwe: error: {pkg} was replaced, but files were added to the old export meanwhile; uwe kept them in "
        f"{kept[0]}\n",
    )  # fmt: skip
    assert (pkg / "datapackage.json").is_file()  # the new export
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg", kept[0].name]  # nothing hidden


def test_force_never_replaces_a_database_of_the_users(main: Callable[..., Any], tmp_path: Path) -> None:
    mine = tmp_path / "mine.db"
    with sqlite3.connect(mine) as db:
        db.execute("CREATE TABLE precious (x)")
        db.execute("INSERT INTO precious VALUES ('gold')")
    db.close()
    before = mine.read_bytes()
    run = main("data", "export", str(mine), "--force")
    assert (run.exit_code, run.stderr) == (
        2, f"uwe: error: {mine} is not an SQLite database that uwe wrote; uwe does not replace it, even with --force: give a new "
        "name\n",
    )  # fmt: skip
    assert mine.read_bytes() == before


def test_force_never_replaces_a_data_package_of_the_users(main: Callable[..., Any], tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "precious.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (pkg / "datapackage.json").write_text(
        '{"name": "mine", "resources": [{"name": "precious", "path": "precious.csv"}]}', encoding="utf-8"
    )
    before = everything(pkg)
    run = main("data", "export", f"{pkg}/", "--force")
    assert run.exit_code == 2 and "is not a Data Package that uwe wrote" in run.stderr
    assert everything(pkg) == before


@pytest.mark.parametrize("target", ["pkg/", "uwe.db"])
def test_force_replaces_an_export_of_the_tools(main: Callable[..., Any], tmp_path: Path, target: str) -> None:
    path = tmp_path / target
    assert main("data", "export", str(path), "--texts", "fr").exit_code == 0
    run = main("data", "export", str(path), "--force")
    assert (run.exit_code, run.stderr) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.rstrip("/")]
