"""With standard error closed (`2>&-`), error messages are lost, never written into the
data on standard output; the exit code still says what happened."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def without_stderr(*args: str) -> subprocess.CompletedProcess[str]:
    # `exec ... 2>&-` closes file descriptor 2 before Python starts, as a shell user would.
    command = ["sh", "-c", 'exec "$0" "$@" 2>&-', sys.executable, "-m", "uwe_cli", *args]
    return subprocess.run(command, stdout=subprocess.PIPE, text=True, timeout=60)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX shell")
@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--data-dir", "/nonexistent/uwe", "regions"], 1),  # a data error
        (["data", "check", "/nonexistent/uwe"], 1),  # a list of problems
        (["regions", "--bogus"], 2),  # Typer's own usage error
        (["region", "atlantis"], 2),  # a name not found
    ],
)
def test_errors_never_reach_stdout(args: list[str], code: int) -> None:
    run = without_stderr(*args)
    assert (run.returncode, run.stdout) == (code, "")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX shell")
def test_a_broken_data_folder_with_stderr_closed(data_copy: Path) -> None:
    (data_copy / "regions.yaml").write_text("regions: [\n", encoding="utf-8")
    run = without_stderr("--data-dir", str(data_copy), "regions", "-f", "csv")
    assert (run.returncode, run.stdout) == (1, "")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX shell")
def test_data_is_still_written(data_copy: Path) -> None:
    run = without_stderr("--data-dir", str(data_copy), "regions", "-f", "csv")
    assert run.returncode == 0 and run.stdout.startswith("id,name,kind,")


def test_in_process_with_sys_stderr_none(main, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", None)
    run = main("region", "atlantis")
    assert (run.exit_code, run.stdout) == (2, "")
