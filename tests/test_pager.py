"""A pager for a view taller than the terminal, as git's: only on a terminal (a real
pseudo-terminal here), $UWE_PAGER / $PAGER honoured, colour kept, ways to turn it off, and
robust when the pager is missing or quits early."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import sys
import termios
from pathlib import Path

import pytest

ROWS, COLS = 24, 80


def in_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run `uwe ARGS` with a pseudo-terminal as its standard streams: (exit code, screen text)."""
    full = {
        k: v
        for k, v in os.environ.items()
        if k not in ("COLUMNS", "LINES", "PAGER", "UWE_PAGER", "NO_COLOR", "UWE_NO_PAGER")
    }
    full.update(env, TERM="xterm-256color")
    pid, fd = pty.fork()
    if pid == 0:  # (the child: exec at once, whatever happens)
        try:
            os.execve(sys.executable, [sys.executable, "-m", "uwe_cli", *args], full)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    out = b""
    while select.select([fd], [], [], 30)[0]:
        try:
            data = os.read(fd, 65536)
        except OSError:  # (the child closed the terminal)
            break
        if not data:
            break
        out += data
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace").replace("\r\n", "\n")


@pytest.fixture
def recorder(tmp_path: Path) -> tuple[str, Path]:
    """A pager that keeps what it is given, and the LESS it was given, in a file."""
    kept = tmp_path / "paged.txt"
    script = tmp_path / "pager.py"
    script.write_text(
        "import os, sys\n"
        f"with open({str(kept)!r}, 'w', encoding='utf-8') as f:\n"
        "    f.write('LESS=' + os.environ.get('LESS', '') + '\\n' + sys.stdin.read())\n"
        "print('PAGED')\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}", kept


def test_a_view_taller_than_the_terminal_goes_through_the_pager_with_its_colour(recorder: tuple[str, Path]) -> None:
    pager, kept = recorder
    code, screen = in_terminal(["concepts"], {"PAGER": pager})
    assert (code, screen) == (0, "PAGED\n")
    paged = kept.read_text(encoding="utf-8")
    assert paged.startswith("LESS=FRX\n\x1b[1mClustering: definitions and concepts\x1b[0m\n")
    assert paged.count("\n") > ROWS


def test_less_keeps_the_readers_own_settings(recorder: tuple[str, Path]) -> None:
    pager, kept = recorder
    assert in_terminal(["concepts"], {"PAGER": pager, "LESS": "-S"})[0] == 0
    assert kept.read_text(encoding="utf-8").startswith("LESS=-S\n")


def test_uwe_pager_comes_before_pager(recorder: tuple[str, Path]) -> None:
    pager, kept = recorder
    assert in_terminal(["concepts"], {"PAGER": "no-such-pager", "UWE_PAGER": pager}) == (0, "PAGED\n")


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["regions", "wallonia"], {}),  # fits the screen
        (["concepts", "--no-pager"], {}),
        (["--no-pager", "concepts"], {}),
        (["concepts"], {"UWE_NO_PAGER": "1"}),
        (["concepts"], {"UWE_PAGER": ""}),
        (["concepts"], {"UWE_PAGER": "cat"}),
        (["concepts", "-f", "json"], {}),  # (not the table: the data as it is, for a script)
    ],
)
def test_no_pager_when_the_view_fits_or_it_is_turned_off(
    recorder: tuple[str, Path], args: list[str], env: dict[str, str]
) -> None:
    pager, kept = recorder
    code, screen = in_terminal(args, {"PAGER": pager, **env})
    assert code == 0 and "PAGED" not in screen and not kept.exists()
    assert screen.count("\n") > 3


def test_no_pager_in_a_pipe(recorder: tuple[str, Path]) -> None:
    import subprocess

    pager, kept = recorder
    env = {**os.environ, "PAGER": pager, "LINES": "10", "UWE_NO_PAGER": ""}
    run = subprocess.run([sys.executable, "-m", "uwe_cli", "concepts"], capture_output=True, text=True, env=env)
    assert (run.returncode, run.stderr) == (0, "") and run.stdout.startswith("Clustering: definitions and concepts\n")
    assert not kept.exists()


def test_a_missing_pager_means_the_text_is_printed() -> None:
    code, screen = in_terminal(["concepts"], {"PAGER": "no-such-pager --flag"})
    assert code == 0 and "Clustering: definitions and concepts" in screen and "Error" not in screen
    assert screen.count("\n") > ROWS


@pytest.mark.parametrize("pager", ["true", "head -c 10"])
def test_a_pager_that_quits_early_ends_uwe_quietly(pager: str) -> None:
    code, screen = in_terminal(["concepts"], {"PAGER": pager})
    assert code == 0 and "Traceback" not in screen and "error" not in screen
