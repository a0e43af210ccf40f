"""Shared fixtures: every test sees the same screen and none of the user's settings."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from uwe_cli.cli import commands as cli
from uwe_cli.dataset import store

WIDTH = 80


@pytest.fixture(autouse=True)
def _pinned_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    # Rich reads COLUMNS when not on a terminal: the same width on every machine.
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    monkeypatch.setenv("LINES", "25")
    for name in ("UWE_LANG", "UWE_DATA_DIR", "FORCE_COLOR", "NO_COLOR", "TERM", "UWE_CACHE_DIR", "PAGER", "UWE_PAGER"):
        monkeypatch.delenv(name, raising=False)
    # A test on a pseudo-terminal must not wait on a pager (test_pager.py turns it on).
    monkeypatch.setenv("UWE_NO_PAGER", "1")
    # Never read or write the user's real cache.
    monkeypatch.setenv("UWE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> object:
        return json.loads(self.stdout)


@pytest.fixture
def uwe() -> Callable[..., Run]:
    """Run `uwe ARGS...` through Typer's CliRunner and return exit code, stdout and stderr."""

    def run(*args: str, env: dict[str, str] | None = None) -> Run:
        result = CliRunner().invoke(cli.app, list(args), env=env, prog_name="uwe")
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def main(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run the real entry point (`cli.main`), which also handles Typer's own usage errors."""

    def run(*args: str) -> Run:
        code = cli.main(list(args))
        out = capsys.readouterr()
        return Run(code, out.out, out.err)

    return run


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data folder."""
    target = tmp_path / "data"
    shutil.copytree(store.shipped_data_dir(), target)
    return target
