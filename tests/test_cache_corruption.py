"""Property: however a cache entry is damaged, a command answers exactly what it answers
from a fresh cache, and the entry is sound again afterwards."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from uwe_cli.cli import commands as cli
from uwe_cli.dataset import cache, store

COMMANDS = [
    ["regions", "-f", "json"],
    ["clusters", "--sector", "energy", "-f", "csv"],
    ["scheme", "poles", "-f", "markdown"],
]


def run(data: Path, args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.app, ["--data-dir", str(data), *args], prog_name="uwe")
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, bytes, dict[str, tuple[int, str, str]]]]:
    data = tmp_path_factory.mktemp("corruption") / "data"
    shutil.copytree(store.shipped_data_dir(), data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UWE_CACHE_DIR", str(tmp_path_factory.mktemp("corruption-cache")))
        patch.setenv("COLUMNS", "80")
        expected = {" ".join(args): run(data, args) for args in COMMANDS}  # builds the cache
        yield data, cache.entry_path(data).read_bytes(), expected


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from paths(item, (*prefix, key))


def numbers(value: Any) -> list[tuple[Any, ...]]:
    return [p for p in paths(value) if type(get(value, p)) in (int, float)]


def get(value: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        value = value[key]
    return value


OTHER_VALUES = st.sampled_from([None, 0, -1, 1.5, 10**400, "", "x", True, [], {}, [1], {"fr": "x", "en": "y"}])


@st.composite
def damaged(draw: st.DrawFn, entry: bytes) -> bytes:
    """`entry` damaged in one of many ways: bytes cut or changed, or its JSON edited."""
    how = draw(st.sampled_from(["truncate", "flip", "splice", "retype", "delete", "swap"]))
    if how == "truncate":
        return entry[: draw(st.integers(0, len(entry) - 1))]
    if how == "flip":
        at = draw(st.integers(0, len(entry) - 1))
        return entry[:at] + bytes([entry[at] ^ draw(st.integers(1, 255))]) + entry[at + 1 :]
    if how == "splice":  # bytes inserted: text, or a piece of the entry itself
        at = draw(st.integers(0, len(entry)))
        return entry[:at] + draw(st.binary(min_size=1, max_size=20) | st.just(entry[:40])) + entry[at:]
    content = json.loads(entry)
    everything = list(paths(content))[1:]
    if how == "retype":
        path = draw(st.sampled_from(everything))
        new = draw(OTHER_VALUES.filter(lambda v: v != get(content, path) or type(v) is not type(get(content, path))))
        get(content, path[:-1])[path[-1]] = new
    elif how == "delete":
        path = draw(st.sampled_from(everything))
        del get(content, path[:-1])[path[-1]]
    else:  # two figures swapped: still well-formed, and false
        found = numbers(content["dataset"])
        first = draw(st.sampled_from(found))
        second = draw(
            st.sampled_from([p for p in found if get(content["dataset"], p) != get(content["dataset"], first)])
        )
        a, b = get(content["dataset"], first), get(content["dataset"], second)
        get(content["dataset"], first[:-1])[first[-1]] = b
        get(content["dataset"], second[:-1])[second[-1]] = a
    # (compact, as uwe writes it, so that only the edit differs)
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data(), st.sampled_from(COMMANDS))
def test_a_damaged_entry_changes_no_answer(setup, data: st.DataObject, args: list[str]) -> None:
    folder, entry, expected = setup
    bad = data.draw(damaged(entry))
    cache.entry_path(folder).write_bytes(bad)
    assert run(folder, args) == expected[" ".join(args)]
    assert cache.entry_path(folder).read_bytes() == entry  # rebuilt, as it was
