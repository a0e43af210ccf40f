"""The validated-data cache: used when the files are unchanged, rebuilt when they change,
ignored when broken, and never able to run code."""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

import pytest

from uwe_cli import cache, store


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
    assert set(content) == {"key", "dataset"}
    assert content["dataset"]["regions"][0]["id"] == "belgium"
    assert not list(cache.directory().glob(".dataset-*"))  # no temporary file left behind


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


def test_an_unwritable_cache_directory_is_skipped(data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("UWE_CACHE_DIR", str(blocker / "cache"))
    assert len(store.load_dataset(data_copy)["clusters"]) == 27


def test_no_cache_neither_reads_nor_writes(data_copy: Path, uwe) -> None:
    run = uwe("--no-cache", "--data-dir", str(data_copy), "regions", "-f", "json")
    assert run.exit_code == 0 and entries() == []
    uwe("--data-dir", str(data_copy), "regions", "-f", "json")
    (entry,) = entries()
    # A valid entry (right key) whose data differs from the files: only a cache read shows it.
    content = json.loads(entry.read_text(encoding="utf-8"))
    content["dataset"]["regions"][0]["id"] = "from-the-cache"
    entry.write_text(json.dumps(content), encoding="utf-8")
    assert uwe("--data-dir", str(data_copy), "regions", "-f", "json").json()[0]["id"] == "from-the-cache"
    assert uwe("--no-cache", "--data-dir", str(data_copy), "regions", "-f", "json").json()[0]["id"] == "belgium"


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
    assert shown and shown[0] == sum(p.stat().st_size for p in data_copy.glob("*.yaml"))
    store.load_dataset(data_copy, on_slow_load=progress)  # cached: nothing slow to show
    assert len(shown) == 1
