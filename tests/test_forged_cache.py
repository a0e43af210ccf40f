"""A cache entry whose digest was recomputed but whose dataset makes no sense is stale: a
command that fails on it rebuilds the dataset from the files and answers as from them, and
`uwe data check`, the documented repair, always repairs it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from uwe_cli.dataset import cache, store

FORGED = {
    "deep": b"[" * 200_000 + b"]" * 200_000,
    "empty": b"{}",
    "regions is a number": None,  # (the real dataset, with "regions": 5)
    "lone surrogate": None,  # (the real dataset, with a name "\ud800")
    "no regions": None,
}


def forge(data_dir: Path, name: str) -> None:
    """Replace the dataset of `data_dir`'s entry by a forged one, its digest recomputed."""
    path = cache.entry_path(data_dir)
    raw = path.read_bytes()
    start = raw.index(b'"dataset":') + len(b'"dataset":')
    body = FORGED[name]
    real = raw[start:-1]
    if name == "regions is a number":
        body = real.replace(b'"regions":[', b'"regions":5,"was":[', 1)
    elif name == "lone surrogate":
        body = real.replace(b'"Wallonia"', b'"\\ud800"')
    elif name == "no regions":
        body = real.replace(b'"regions":[', b'"regionz":[', 1)
    key = raw[len(b'{"format":"') + len(cache.FORMAT) + len(b'","key":"') :][:64].decode()
    assert body is not None and body != real
    head = f'{{"format":"{cache.FORMAT}","key":"{key}","digest":"{cache._digest(body, key=key)}","dataset":'
    path.write_bytes(head.encode() + body + b"}")
    problem = cache.inspect(data_dir, key=key)[1]
    assert problem is None or "digest" not in str(problem)  # (the digest holds: forged, not damaged)


@pytest.mark.parametrize("name", list(FORGED))
@pytest.mark.parametrize("args", [("regions", "-f", "json"), ("search", "wallonia"), ("notes",)], ids=" ".join)
def test_a_command_on_a_forged_entry_answers_from_the_files(
    main: Callable[..., Any], data_copy: Path, name: str, args: tuple[str, ...]
) -> None:
    expected = main("--data-dir", str(data_copy), *args)  # (builds the entry)
    assert expected.exit_code == 0
    forge(data_copy, name)
    run = main("--data-dir", str(data_copy), *args)
    assert (run.exit_code, run.stdout, run.stderr) == (0, expected.stdout, expected.stderr)
    assert main("--data-dir", str(data_copy), *args).stdout == expected.stdout  # (and the entry is sound again)


@pytest.mark.parametrize("name", list(FORGED))
def test_data_check_repairs_a_forged_entry(main: Callable[..., Any], data_copy: Path, name: str) -> None:
    assert main("--data-dir", str(data_copy), "regions").exit_code == 0
    forge(data_copy, name)
    run = main("--data-dir", str(data_copy), "data", "check")
    assert run.exit_code == 0, run.stderr
    assert f"cache: {cache.entry_path(data_copy)} " in run.stdout and run.stdout.rstrip().endswith("; rebuilt")
    contents = store._read_files(data_copy)[0]
    assert cache.inspect(data_copy, key=cache.key(contents))[1] is None
