"""The unforeseen: one line and a hint, the traceback only with --debug; documented exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from uwe_cli.errors import ExitCode
from uwe_cli.views import clusters as cluster_views
from uwe_cli.views import regions as region_views


def explode(*args: object, **kwargs: object) -> None:
    secret = "hunter2"  # noqa: F841 - a local variable that must never be shown
    raise RuntimeError("boom")


def test_unexpected_error_is_one_line_with_a_hint(main, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(region_views, "regions", explode)
    run = main("regions")
    assert (run.exit_code, run.stdout) == (3, "")
    assert run.stderr == "uwe: error: unexpected RuntimeError: boom (re-run with --debug to see the traceback)\n"


def test_debug_shows_the_traceback_without_locals(main, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(region_views, "regions", explode)
    run = main("--debug", "regions")
    assert run.exit_code == 3
    assert run.stderr.startswith("Traceback (most recent call last):")
    assert run.stderr.rstrip().endswith("RuntimeError: boom")
    assert "hunter2" not in run.stderr


def test_interrupt_exits_130_quietly(main, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cluster_views, "clusters", interrupted)
    run = main("clusters")
    assert (run.exit_code, run.stdout, run.stderr) == (130, "", "")


def test_exit_codes_are_documented() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert [int(c) for c in ExitCode] == [0, 1, 2, 3, 4, 129, 130, 143]
    for code in ExitCode:
        assert f"| {int(code)} |" in readme


@pytest.mark.parametrize(
    "args",
    [
        ["regions", "-f", "csv"],
        ["--version"],
        ["--data-dir", "/nonexistent", "regions"],
        ["region", "atlantis"],
        ["regions", "--bogus"],
        ["nosuchcommand"],
        ["region"],
        ["--debug", "regions", "--format", "nope"],
    ],
)
def test_clirunner_answers_as_the_program_does(uwe, main, args: list[str]) -> None:
    # The tests run most commands through Typer's CliRunner: it must meet the same boundary.
    assert uwe(*args) == main(*args)


def test_clirunner_meets_the_unforeseen_as_the_program_does(uwe, main, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(region_views, "regions", explode)
    assert uwe("regions") == main("regions")


def test_a_group_without_its_command_shows_its_help(main) -> None:
    # `uwe data` alone asks what it does: its help, as with --help, and success.
    run = main("data")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith("Usage: uwe data [OPTIONS] COMMAND [ARGS]...\n")
