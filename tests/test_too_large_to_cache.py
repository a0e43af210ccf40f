"""A dataset too large for the cache is said to be, in one line on stderr, on every run that
validates it again: never re-validated in silence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from uwe_cli.dataset import cache


def test_a_dataset_too_large_to_cache_says_so_once(
    main: Callable[..., Any], data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = main("--data-dir", str(data_copy), "regions", "--no-cache").stdout
    monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", 100_000)
    note = (
        f"uwe: {data_copy}: 1 MiB of validated data, too large for the tool's cache (0 MiB at most): every command reads "
        "and validates the folder again\n"
    )
    for _ in range(2):
        run = main("--data-dir", str(data_copy), "regions")
        assert (run.exit_code, run.stdout) == (0, expected)
        assert run.stderr.replace("\n", " ").rstrip() + "\n" == note.replace("\n", " ").rstrip() + "\n"
    assert not cache.entry_path(data_copy).exists()
    check = main("--data-dir", str(data_copy), "data", "check")
    assert check.exit_code == 0 and check.stderr.count("too large for the tool's cache") == 1
