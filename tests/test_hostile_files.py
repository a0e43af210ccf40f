"""Hostile files: refused quickly, never executed, memory bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import edit, problems
from uwe_cli.dataset import store


def write_alias_bomb(path: Path) -> None:
    """A "billion laughs": nine levels of nine aliases, 9**9 strings once expanded."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]")
    lines.append("regions: *i")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_python_tags_are_refused_never_run(data_copy: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    (data_copy / "regions.yaml").write_text(
        f'regions: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8"
    )
    assert problems(data_copy) == [
        "DATA/regions.yaml:1:10: regions: YAML tag '!!python/object/apply:os.system' is not allowed "
        "(plain values, lists and mappings only)"
    ]
    assert not marker.exists()


def test_alias_bomb_is_refused(data_copy: Path) -> None:
    write_alias_bomb(data_copy / "regions.yaml")
    assert problems(data_copy) == [
        "DATA/regions.yaml:5:8: YAML aliases expand to more than 10,000 values; refusing what looks like an alias bomb"
    ]


def test_a_few_aliases_are_fine(data_copy: Path) -> None:
    edit(data_copy / "regions.yaml", "    source: belgium\n", "    source: &b belgium\n")
    edit(data_copy / "regions.yaml", "    source: belgium\n", "    source: *b\n")
    assert len(store.load_dataset(data_copy)["regions"]) == 5


def test_too_large_file_is_refused_before_reading(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "MAX_FILE_BYTES", 1000)
    size = (data_copy / "about.yaml").stat().st_size
    assert problems(data_copy)[0] == f"DATA/about.yaml: file is too large ({size:,} bytes; the limit is 1,000)"


def test_deep_nesting_is_refused(data_copy: Path) -> None:
    (data_copy / "regions.yaml").write_text("regions: " + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
    assert problems(data_copy) == ["DATA/regions.yaml:1:74: nesting is too deep (the limit is 64 levels)"]


def test_alias_bomb_memory_stays_bounded(data_copy: Path) -> None:
    import tracemalloc

    write_alias_bomb(data_copy / "regions.yaml")
    tracemalloc.start()
    try:
        problems(data_copy)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 32 * 1024 * 1024  # a billion "lol"s would need gigabytes


def test_self_referencing_alias(data_copy: Path) -> None:
    (data_copy / "regions.yaml").write_text("regions: &r [*r]\n", encoding="utf-8")
    assert problems(data_copy) == [
        "DATA/regions.yaml:1:14: YAML alias '*r' cannot be used: it refers to a value that contains it"
    ]


def test_other_tags_are_refused(data_copy: Path) -> None:
    (data_copy / "regions.yaml").write_text("regions: !custom [1]\n", encoding="utf-8")
    assert problems(data_copy) == [
        "DATA/regions.yaml:1:10: regions: YAML tag '!custom' is not allowed (plain values, lists and mappings only)"
    ]


SWAPPED = """
import os, sys
from pathlib import Path
from uwe_cli.dataset import readfile
from uwe_cli.dataset import store
from uwe_cli.errors import DataError

folder, fifo = Path(sys.argv[1]), sys.argv[2]
real_stat, regular = os.stat, os.stat(Path(sys.argv[1]) / "about.yaml")
# The check by name sees a regular file; by the open, a FIFO stands there: the race.
readfile.os.stat = lambda path, *args, **kwargs: regular if str(path) == fifo else real_stat(path, *args, **kwargs)
try:
    store.load_models(folder)
except DataError as exc:
    print(*exc.problems, sep="\\n")
"""


def test_a_file_swapped_for_a_fifo_after_the_check_is_not_waited_on(data_copy: Path) -> None:
    import os
    import subprocess
    import sys

    fifo = data_copy / "regions.yaml"
    fifo.unlink()
    os.mkfifo(fifo)
    # A child process with a timeout: an open that waited for a writer would never return.
    run = subprocess.run(
        [sys.executable, "-c", SWAPPED, str(data_copy), str(fifo)], capture_output=True, text=True, timeout=60
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == f"{fifo}: is not a regular file\n"
