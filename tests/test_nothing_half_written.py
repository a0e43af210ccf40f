"""Nothing half-written: `--export` and `uwe data init` write whole files or nothing, remove
what they made when they fail, and say with the exit code whether the disk or the request
failed."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from uwe_cli import newfile
from uwe_cli.dataset import store

_fdopen = os.fdopen


class FullDisk:
    """Stands for os.fdopen: writes the first bytes it is given, then the disk is full."""

    def __init__(self, fd: int, mode: str) -> None:
        self.out = _fdopen(fd, mode)

    def __enter__(self) -> FullDisk:
        return self

    def __exit__(self, *args: object) -> None:
        self.out.close()

    def write(self, data: bytes) -> int:
        self.out.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_export_on_a_full_disk_leaves_nothing_and_exits_1(uwe, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    with monkeypatch.context() as patch:
        patch.setattr(newfile.os, "fdopen", FullDisk)
        run = uwe("regions", "--export", str(target))
    assert run.exit_code == 1  # the disk, not the request: a data/IO error, not usage (2)
    assert run.stderr == f"uwe: error: --export {target}: cannot write (no space left on the disk)\n"
    assert listing(tmp_path) == []  # neither a truncated file nor a temporary one
    again = uwe("regions", "--export", str(target))  # the next try does not say "already exists"
    assert again.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("Belgium and its regions: GDP per capita\n")
    assert listing(tmp_path) == ["out.txt"]


def test_a_full_disk_seen_only_at_fsync(uwe, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(newfile.os, "fsync", full)
    run = uwe("regions", "--export", str(tmp_path / "out.svg"))
    assert (run.exit_code, listing(tmp_path)) == (1, [])


@pytest.mark.parametrize("rename", ["_renameat2", "link"])
def test_an_export_file_that_appears_meanwhile_is_never_replaced(
    uwe, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rename: str
) -> None:
    # Through renameat2's RENAME_NOREPLACE, and through the hard link of systems without it.
    target = tmp_path / "out.html"
    where = newfile if rename == "_renameat2" else newfile.os
    real = getattr(where, rename)

    def someone_else_first(src: Path, dst: Path) -> bool:
        Path(dst).write_text("theirs", encoding="utf-8")
        return real(src, dst)

    if rename == "link":
        monkeypatch.setattr(newfile, "_renameat2", lambda src, dst: False)
    monkeypatch.setattr(where, rename, someone_else_first)
    run = uwe("regions", "--export", str(target))
    assert run.exit_code == 2
    assert run.stderr == f"uwe: error: --export {target}: file already exists (add --force to replace it)\n"
    assert target.read_text(encoding="utf-8") == "theirs" and listing(tmp_path) == ["out.html"]


def test_an_export_is_an_ordinary_file(uwe, tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        assert uwe("regions", "--export", str(tmp_path / "out.txt")).exit_code == 0
    finally:
        os.umask(umask)
    assert (tmp_path / "out.txt").stat().st_mode & 0o777 == 0o644  # (not private like a temporary file)


@pytest.mark.parametrize("full", [False, True])
def test_without_hard_links_a_file_is_still_whole_or_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full: bool
) -> None:
    def no_links(src: str, dst: str) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(newfile.os, "link", no_links)
    monkeypatch.setattr(newfile, "_renameat2", lambda src, dst: False)
    target = tmp_path / "out.txt"
    if full:
        # The name is claimed (O_EXCL) and then replaced by the complete file: a failure
        # there removes the claim.
        def fails(src: Path, dst: Path) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(newfile.os, "replace", fails)
        with pytest.raises(OSError, match="No space left"):
            newfile.create(target, b"data")
        assert listing(tmp_path) == []
    else:
        newfile.create(target, b"data")
        assert target.read_bytes() == b"data" and listing(tmp_path) == ["out.txt"]
    with pytest.raises(FileExistsError):
        target.write_bytes(b"mine")
        newfile.create(target, b"data")
    assert target.read_bytes() == b"mine"


def test_an_interrupted_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt  # (SIGTERM is turned into an exception the same way)

    monkeypatch.setattr(newfile.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        newfile.create(tmp_path / "out.txt", b"data")
    assert listing(tmp_path) == []


def test_data_init_on_a_full_disk_removes_every_file_and_folder_it_made(
    uwe, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "new" / "deeper" / "data"
    real_create = newfile.create
    written: list[Path] = []

    def full_on_the_third(path: Path, data: bytes) -> None:
        if len(written) == 2:
            monkeypatch.setattr(newfile.os, "fdopen", FullDisk)
        real_create(path, data)
        written.append(path)

    monkeypatch.setattr(newfile, "create", full_on_the_third)
    run = uwe("data", "init", str(target))
    assert run.exit_code == 1 and run.stdout == ""
    assert run.stderr == f"uwe: error: {target}: cannot write there (no space left on the disk)\n"
    assert len(written) == 2 and listing(tmp_path) == []  # new/, deeper/ and data/ are gone too


def test_data_init_keeps_a_folder_it_did_not_make(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr(newfile.os, "fdopen", FullDisk)
    with pytest.raises(store.DataError, match="no space left on the disk"):
        store.init_data_dir(tmp_path / "mine")
    assert listing(tmp_path / "mine") == ["notes.txt"]


def test_an_interrupted_data_init_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fsync, calls = os.fsync, []

    def interrupted_on_the_fourth(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 4:
            raise KeyboardInterrupt  # (SIGTERM is turned into an exception the same way)
        real_fsync(fd)

    monkeypatch.setattr(newfile.os, "fsync", interrupted_on_the_fourth)
    with pytest.raises(KeyboardInterrupt):
        store.init_data_dir(tmp_path / "a" / "b")
    assert listing(tmp_path) == []
