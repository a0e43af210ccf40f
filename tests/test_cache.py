"""The validated-data cache: used when the files are unchanged, rebuilt when they change,
ignored when broken, and never able to run code."""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

import pytest

from uwe_cli.dataset import cache, store


def entries() -> list[Path]:
    return sorted(cache.directory().glob("dataset-*.json"))


def refuse_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated although the cache was fresh")

    monkeypatch.setattr(store, "validate", fail)


def test_second_load_comes_from_the_cache(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = store.load_dataset(data_copy)
    assert len(entries()) == 1
    refuse_validation(monkeypatch)
    second = store.load_dataset(data_copy)
    assert second.dump() == first.dump()
    assert len(second["clusters"]) == 27


def test_the_cache_is_plain_json(data_copy: Path) -> None:
    store.load_dataset(data_copy)
    (entry,) = entries()
    content = json.loads(entry.read_text(encoding="utf-8"))
    assert list(content) == ["format", "key", "digest", "dataset"]
    assert content["dataset"]["regions"][0]["id"] == "belgium"
    assert entry.stat().st_mode & 0o777 == 0o600  # readable and writable by the user only
    assert [p.name for p in cache.directory().iterdir()] == [entry.name]  # no temporary file left behind


def test_a_changed_file_is_validated_again(data_copy: Path) -> None:
    store.load_dataset(data_copy)
    path = data_copy / "clusters.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: TWEED", "name: TWEED2"), encoding="utf-8")
    assert any(c["name"]["en"] == "TWEED2" for c in store.load_dataset(data_copy)["clusters"])
    assert len(entries()) == 1  # one entry per folder, replaced


def test_a_broken_change_is_reported_even_with_a_cache(data_copy: Path) -> None:
    store.load_dataset(data_copy)
    (data_copy / "regions.yaml").write_text("regions: [\n", encoding="utf-8")
    with pytest.raises(store.DataError):
        store.load_dataset(data_copy)


@pytest.mark.parametrize("garbage", [b"", b"{not json", b"[]", b'{"key": "x", "dataset": {}}', b"\x80\x81"])
def test_a_corrupt_cache_is_ignored_and_rebuilt(data_copy: Path, garbage: bytes) -> None:
    store.load_dataset(data_copy)
    (entry,) = entries()
    entry.write_bytes(garbage)
    assert len(store.load_dataset(data_copy)["clusters"]) == 27
    assert json.loads(entry.read_text(encoding="utf-8"))["dataset"]["clusters"][0]["id"] == "aresa"


def test_an_unwritable_cache_directory_is_skipped(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("UWE_CACHE_DIR", str(blocker / "cache"))
    assert len(store.load_dataset(data_copy)["clusters"]) == 27


def test_no_cache_neither_reads_nor_writes(data_copy: Path, uwe) -> None:
    run = uwe("--no-cache", "--data-dir", str(data_copy), "regions", "-f", "json")
    assert run.exit_code == 0 and entries() == []
    assert uwe("--no-cache", "--data-dir", str(data_copy), "data", "check").exit_code == 0
    assert entries() == []
    uwe("--data-dir", str(data_copy), "regions", "-f", "json")
    (entry,) = entries()
    before = entry.read_bytes()
    entry.write_bytes(before.replace(b'"belgium"', b'"from-the-cache"', 1))
    assert uwe("--no-cache", "--data-dir", str(data_copy), "regions", "-f", "json").json()[0]["id"] == "belgium"
    assert uwe("--no-cache", "--data-dir", str(data_copy), "data", "check").stdout.count("\n") == 1  # (no cache line)
    assert b"from-the-cache" in entry.read_bytes()  # left as it was


def test_the_cache_key_follows_contents_and_version(monkeypatch: pytest.MonkeyPatch) -> None:
    base = cache.key({"a": b"1"})
    assert cache.key({"a": b"1"}) == base
    assert cache.key({"a": b"2"}) != base
    assert cache.key({"b": b"1"}) != base
    monkeypatch.setattr(cache, "__version__", "9.9.9")
    assert cache.key({"a": b"1"}) != base


def test_a_slow_first_load_shows_progress(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[int] = []

    @contextmanager
    def progress(total: int):
        shown.append(total)
        yield

    monkeypatch.setattr(store, "SLOW_BYTES", 0)
    store.load_dataset(data_copy, on_slow_load=progress)
    assert shown and shown[0] == sum(
        p.stat().st_size for p in (*data_copy.glob("*.yaml"), *data_copy.glob("translations/*.po"))
    )
    store.load_dataset(data_copy, on_slow_load=progress)  # cached: nothing slow to show
    assert len(shown) == 1


def test_a_slow_first_load_on_a_terminal_says_how_much_it_reads(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import re
    import sys

    from uwe_cli.output import render

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(store, "SLOW_BYTES", 0)
    monkeypatch.setattr(sys, "stderr", Terminal())
    store.load_dataset(data_copy, on_slow_load=render.progress)
    said = re.findall(r"Reading and validating (\d+\.\d) MiB of data…", sys.stderr.getvalue())
    total = sum(p.stat().st_size for p in (*data_copy.glob("*.yaml"), *data_copy.glob("translations/*.po")))
    assert said and set(said) == {f"{total / 2**20:.1f}"}
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # (not a terminal: nothing shown)
    store.load_dataset(data_copy, on_slow_load=render.progress, use_cache=False)
    assert sys.stderr.getvalue() == ""


# A cache entry is verified on every read: whatever is wrong with it, uwe answers as from
# the files, and rebuilds it.


def fresh(uwe, data: Path, *args: str) -> str:
    """What `uwe ARGS` prints on `data`, from the files (no cache involved)."""
    run = uwe("--no-cache", "--data-dir", str(data), *args)
    assert run.exit_code == 0
    return run.stdout


def answers_as_from_the_files(uwe, data: Path, *args: str) -> None:
    run = uwe("--data-dir", str(data), *args)
    assert (run.exit_code, run.stdout, run.stderr) == (0, fresh(uwe, data, *args), "")
    assert cache.inspect(data, key=cache_key(data))[0] is not None  # rebuilt, sound


def cache_key(data: Path) -> str:
    return cache.key(store._read_files(data)[0])


def test_an_edited_entry_is_rebuilt_not_believed(uwe, data_copy: Path) -> None:
    store.load_dataset(data_copy)
    (entry,) = entries()
    content = json.loads(entry.read_bytes())
    content["dataset"]["regions"][0]["gdp_per_capita"]["value"] = 99999  # well-formed, and false
    entry.write_text(json.dumps(content, separators=(",", ":")), encoding="utf-8")
    answers_as_from_the_files(uwe, data_copy, "regions", "-f", "json")
    assert "99999" not in entry.read_text(encoding="utf-8")


def test_an_entry_copied_from_another_folder_is_not_used(uwe, data_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    store.init_data_dir(other)
    (other / "regions.yaml").write_text(
        (other / "regions.yaml").read_text(encoding="utf-8").replace("Belgium", "Atlantis"), encoding="utf-8"
    )
    store.load_dataset(data_copy)
    store.load_dataset(other)
    cache.entry_path(data_copy).write_bytes(cache.entry_path(other).read_bytes())
    answers_as_from_the_files(uwe, data_copy, "regions")


def test_data_check_reports_a_damaged_entry_and_rebuilds_it(
    uwe, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.load_dataset(data_copy)
    (entry,) = entries()
    entry.write_bytes(entry.read_bytes().replace(b"30500", b"30600", 1))
    run = uwe("--data-dir", str(data_copy), "data", "check")
    assert run.exit_code == 0
    assert run.stdout.splitlines()[1] == f"cache: {entry} does not match its digest (damaged or edited); rebuilt"
    assert uwe("--data-dir", str(data_copy), "data", "check").stdout.count("\n") == 1  # sound now: nothing to say
    refuse_validation(monkeypatch)
    assert store.load_dataset(data_copy)["regions"][0]["gdp_per_capita"]["value"] == 30500


def test_data_check_compares_the_entry_with_the_files(uwe, data_copy: Path) -> None:
    # An edit whose digest was recomputed passes the check on read (cache.py says why);
    # `uwe data check` still finds it, comparing the entry with what the files say.
    store.load_dataset(data_copy)
    (entry,) = entries()
    head, body = entry.read_bytes().split(b',"dataset":', 1)
    body = body[:-1].replace(b"30500", b"30600", 1)
    forged = head.rsplit(b'"digest":"', 1)[0] + b'"digest":"' + cache._digest(body, key=cache_key(data_copy)).encode()
    entry.write_bytes(forged + b'","dataset":' + body + b"}")
    assert cache.read(data_copy, key=cache_key(data_copy))["regions"][0]["gdp_per_capita"]["value"] == 30600
    run = uwe("--data-dir", str(data_copy), "data", "check")
    assert run.stdout.splitlines()[1] == f"cache: {entry} differs from what the data files say; rebuilt"
    assert cache.read(data_copy, key=cache_key(data_copy))["regions"][0]["gdp_per_capita"]["value"] == 30500


def test_a_fifo_in_place_of_the_entry_is_not_waited_on(data_copy: Path) -> None:
    import os
    import subprocess
    import sys

    store.load_dataset(data_copy)
    (entry,) = entries()
    entry.unlink()
    os.mkfifo(entry)
    # In a child process: were the FIFO opened for reading without O_NONBLOCK, it would wait
    # for a writer for ever; the timeout turns that into a failure instead of a hung suite.
    run = subprocess.run(
        [sys.executable, "-m", "uwe_cli", "--data-dir", str(data_copy), "regions", "-f", "csv"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert entry.is_file() and cache.read(data_copy, key=cache_key(data_copy)) is not None


@pytest.mark.parametrize("kind", ["device", "huge", "folder", "writable by others", "another user's"])
def test_only_a_regular_bounded_file_of_the_user_is_read(
    uwe, data_copy: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    store.load_dataset(data_copy)
    (entry,) = entries()
    sound = entry.read_bytes()
    if kind == "device":  # /dev/zero would fill memory if read to its end
        entry.unlink()
        entry.symlink_to("/dev/zero")
    elif kind == "huge":  # (sparse: no disk used)
        with entry.open("r+b") as out:
            out.truncate(cache.MAX_ENTRY_BYTES + 1)
    elif kind == "folder":
        entry.unlink()
        entry.mkdir()
    elif kind == "writable by others":
        entry.chmod(0o666)
    else:
        monkeypatch.setattr(cache.os, "geteuid", lambda: os.stat(entry).st_uid + 1)
    assert cache.read(data_copy, key=cache_key(data_copy)) is None
    run = uwe("--data-dir", str(data_copy), "regions", "-f", "csv")
    assert (run.exit_code, run.stdout, run.stderr) == (0, fresh(uwe, data_copy, "regions", "-f", "csv"), "")
    if kind == "folder":  # (a folder is never removed: the cache is skipped instead)
        assert entry.is_dir()
    elif kind != "another user's":
        assert entry.read_bytes() == sound and entry.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("mode", [0o400, 0o644, 0o755, 0o711])
def test_an_entry_only_its_user_can_write_is_read_whoever_may_read_it(data_copy: Path, mode: int) -> None:
    # Only writing by others makes an entry untrustworthy; reading or running it does not.
    store.load_dataset(data_copy)
    (entry,) = entries()
    entry.chmod(mode)
    assert cache.inspect(data_copy, key=cache_key(data_copy))[1] is None
    assert cache.read(data_copy, key=cache_key(data_copy)) is not None


def test_clear_cache(uwe, data_copy: Path) -> None:
    store.load_dataset(data_copy)
    store.load_dataset(store.shipped_data_dir())
    (cache.directory() / ".dataset-abc.tmp").write_bytes(b"half")
    (cache.directory() / "notes.txt").write_text("mine", encoding="utf-8")  # not the tool's: kept
    run = uwe("data", "clear-cache")
    assert (run.exit_code, run.stdout, run.stderr) == (0, f"removed 3 cache files from {cache.directory()}\n", "")
    assert sorted(p.name for p in cache.directory().iterdir()) == ["notes.txt"]
    assert uwe("data", "clear-cache").stdout == f"removed 0 cache files from {cache.directory()}\n"
    assert len(store.load_dataset(data_copy)["clusters"]) == 27 and len(entries()) == 1


def test_clear_cache_without_a_cache_directory(uwe, tmp_path: Path) -> None:
    run = uwe("data", "clear-cache", env={"UWE_CACHE_DIR": str(tmp_path / "none")})
    assert (run.exit_code, run.stdout) == (0, f"removed 0 cache files from {tmp_path / 'none'}\n")


def test_old_entries_and_stale_temporaries_are_pruned(data_copy: Path) -> None:
    import os
    import time

    folder = cache.directory()
    folder.mkdir(parents=True, exist_ok=True)
    now = time.time()
    old = [folder / f"dataset-{i:032x}.json" for i in range(cache.MAX_ENTRIES + 3)]
    for age, path in enumerate(old, start=1):
        path.write_bytes(b"{}")
        os.utime(path, (now - age * 60, now - age * 60))
    stale, live = folder / ".uwe-0a1b2c3d4e5f.tmp", folder / ".uwe-f5e4d3c2b1a0.tmp"
    older = folder / ".dataset-killed.tmp"  # (what an earlier uwe left)
    for path, age in ((stale, cache.STALE_SECONDS + 60), (live, 5), (older, cache.STALE_SECONDS + 60)):
        path.write_bytes(b"half")
        os.utime(path, (now - age, now - age))
    store.load_dataset(data_copy)  # writes an entry, then prunes
    kept = sorted(folder.glob("dataset-*.json"))
    assert len(kept) == cache.MAX_ENTRIES
    assert cache.entry_path(data_copy) in kept
    assert set(kept) - {cache.entry_path(data_copy)} == set(old[: cache.MAX_ENTRIES - 1])  # the newest
    assert not stale.exists() and not older.exists() and live.exists()


def test_an_interrupted_write_leaves_no_temporary_file(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt  # (SIGTERM is turned into an exception the same way)

    monkeypatch.setattr(cache.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.load_dataset(data_copy)
    assert list(cache.directory().iterdir()) == []


def test_a_full_disk_while_writing_the_cache_costs_only_time(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    real_fdopen = cache.os.fdopen

    class Full:
        def __init__(self, handle: int, mode: str) -> None:
            self.out = real_fdopen(handle, mode)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *args: object) -> None:
            self.out.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cache.os, "fdopen", Full)
    assert len(store.load_dataset(data_copy)["clusters"]) == 27
    assert list(cache.directory().iterdir()) == []


def test_a_folder_whose_name_is_not_utf8(uwe, main, tmp_path: Path) -> None:
    import os
    import shutil

    folder = tmp_path / os.fsdecode(b"donn\xe9es")  # Latin-1, as an old archive would name it
    shutil.copytree(store.shipped_data_dir(), folder)
    for _ in range(2):  # the first run builds the cache entry, the second reads it
        run = uwe("--data-dir", str(folder), "regions", "-f", "csv")
        assert (run.exit_code, run.stderr) == (0, "") and run.stdout.startswith("id,name,kind,")
    assert len(entries()) == 1
    import subprocess
    import sys

    # The real program: standard output carries the folder's own bytes back.
    run = subprocess.run([sys.executable, "-m", "uwe_cli", "data", "check", os.fsencode(folder)], capture_output=True)
    assert run.returncode == 0 and run.stdout.startswith(b"ok: ") and b"donn\xe9es" in run.stdout


def test_data_check_says_when_a_damaged_entry_cannot_be_rebuilt(
    uwe, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.load_dataset(data_copy)
    (entry,) = entries()
    entry.write_bytes(b"{}")

    def unwritable(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    from uwe_cli import newfile

    monkeypatch.setattr(newfile, "create", unwritable)  # (what cache.write writes its entry with)
    run = uwe("--data-dir", str(data_copy), "data", "check")
    assert run.exit_code == 0
    assert (
        run.stdout.splitlines()[1]
        == f"cache: {entry} is not a complete uwe cache entry; left as it is: the cache cannot be written"
    )
