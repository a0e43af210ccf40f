"""Start-up stays near the import floor by structure: what a command does not need, it
does not import. (Timings are for benchmarks/run.py, not for tests.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from uwe_cli.dataset import store

PROBE = """
import contextlib, io, json, sys
from uwe_cli.cli import commands as cli
with contextlib.redirect_stdout(io.StringIO()):
    code = cli.main(sys.argv[1:])
assert code == 0, code  # a command that failed early would import little and prove nothing
print(json.dumps(sorted(sys.modules)))
"""


def imported(*args: str, cache_dir: str) -> set[str]:
    env = {**os.environ, "UWE_CACHE_DIR": cache_dir}
    env.pop("UWE_DATA_DIR", None)
    run = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=True)
    return set(json.loads(run.stdout))


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    cache_dir = str(tmp_path_factory.mktemp("speed-cache"))
    imported("regions", "--format", "json", cache_dir=cache_dir)  # builds the cache
    return cache_dir


@pytest.mark.parametrize(
    "args", [["--version"], ["regions", "--format", "json"], ["clusters", "--sector", "energy", "-f", "csv"]]
)
def test_machine_formats_and_version_do_not_import_rich(args: list[str], warm_cache: str) -> None:
    modules = imported(*args, cache_dir=warm_cache)
    assert "rich.table" not in modules and "rich.console" not in modules


@pytest.mark.parametrize("args", [["regions"], ["clusters", "--sector", "energy"], ["lessons"]])
def test_a_warm_cache_skips_yaml_and_the_record_models(args: list[str], warm_cache: str) -> None:
    modules = imported(*args, cache_dir=warm_cache)
    assert "rich.table" in modules  # (the table view does need Rich)
    assert (
        "yaml" not in modules and "uwe_cli.dataset.models" not in modules and "uwe_cli.dataset.yamlfile" not in modules
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["regions", "--sort", "gdp", "--lang", "fr"],
        ["clusters", "-s", "energy", "-s", "ict", "--status", "active", "--search", "e", "-f", "json"],
        ["--data-dir", str(store.shipped_data_dir()), "lessons", "--export", "{tmp}/lessons.txt"],
        ["data", "path"],
    ],
)
def test_options_are_parsed_without_pydantic_schema_machinery(args: list[str], warm_cache: str, tmp_path: Path) -> None:
    # Typer 0.29 would build a pydantic TypeAdapter per option (about 60 ms); coercion.py
    # spares it. This fails when a Typer release changes what coercion.py relies on.
    modules = imported(*[a.replace("{tmp}", str(tmp_path)) for a in args], cache_dir=warm_cache)
    assert "typer._adapters" not in modules and "pydantic.type_adapter" not in modules


def test_version_imports_no_data_layer(warm_cache: str) -> None:
    modules = imported("--version", cache_dir=warm_cache)
    assert not {"uwe_cli.dataset.store", "uwe_cli.views", "uwe_cli.output.render", "yaml"} & modules
