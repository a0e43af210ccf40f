"""Terminals and pipes: colour only where wanted, quiet ends, narrow and ASCII screens."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import fresh_signals

SGR_COLOUR = "\x1b[36m"  # the bar chart's cyan
ESC = "\x1b"


def in_terminal(*args: str, env: dict[str, str] | None = None, columns: int = 80) -> str:
    """Run `uwe ARGS` on a real pseudo-terminal and return what it wrote there."""
    return terminal([sys.executable, "-m", "uwe_cli", *args], env=env, columns=columns)[0]


def terminal(argv: list[str], *, env: dict[str, str] | None = None, columns: int = 80) -> tuple[str, int]:
    """Run `argv` on a real pseudo-terminal: what it wrote there, and its exit code."""
    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    environment.update({"TERM": "xterm-256color", "COLUMNS": str(columns), **(env or {})})
    process = subprocess.Popen(
        argv, stdin=follower, stdout=follower, stderr=follower, env=environment, preexec_fn=fresh_signals
    )
    os.close(follower)
    chunks = []
    while True:
        # Until the program closes the terminal: a busy machine may keep it silent for long
        # (a fixed short wait made these tests fail under load); the limit is for a hang only.
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the program closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    code = process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace"), code


def piped(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "uwe_cli", *args], capture_output=True, text=True, env=environment, timeout=120
    )


def test_colour_on_a_terminal() -> None:
    assert SGR_COLOUR in in_terminal("regions")


@pytest.mark.parametrize(("args", "env"), [(["--no-color"], {}), ([], {"NO_COLOR": "1"})])
def test_no_colour_when_asked(args: list[str], env: dict[str, str]) -> None:
    shown = in_terminal("regions", *args, env=env)
    assert "Belgium" in shown and SGR_COLOUR not in shown


@pytest.mark.parametrize(
    ("args", "env"), [(["--no-color"], {}), ([], {"NO_COLOR": "1"}), (["--no-color"], {"FORCE_COLOR": "1"})]
)
def test_no_colour_means_no_style_at_all(args: list[str], env: dict[str, str]) -> None:
    # Not even bold or underline: plain text, as in a pipe.
    shown = in_terminal("scheme", "poles", *args, env=env)
    assert "Competitiveness poles" in shown and ESC not in shown


def test_search_highlights_the_match_on_a_colour_terminal_only() -> None:
    shown = in_terminal("search", "energ", "--lang", "fr")  # (in French, the matches are French)
    assert "\x1b[1;7mÉnerg\x1b[0m" in shown and "\x1b[1;7ménerg\x1b[0m" in shown
    assert ESC not in in_terminal("search", "energ", "--no-color")
    piped_out = piped("search", "energ", "--lang", "fr").stdout
    assert "Énergie" in piped_out and ESC not in piped_out


def test_term_dumb_gets_no_escape_codes() -> None:
    shown = in_terminal("regions", env={"TERM": "dumb"})
    assert "Belgium" in shown and ESC not in shown


def shell(command: str) -> subprocess.CompletedProcess[str]:
    """`command` run by bash with pipefail, so that the tool's own exit code counts in a pipe."""
    return subprocess.run(
        f"set -o pipefail; {command}",
        shell=True,
        capture_output=True,
        text=True,
        executable="/bin/bash",
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_closed_pipe_ends_quietly(fmt: str) -> None:
    # `uwe clusters | head -1`, where head is gone before uwe writes: the pipe's reading end
    # is closed before uwe starts, so its first write really breaks the pipe (an output that
    # fits the pipe's buffer would not break it behind a `head` that reads it slowly).
    reader, writer = os.pipe()
    os.close(reader)
    try:
        run = subprocess.run([sys.executable, "-m", "uwe_cli", "clusters", "--format", fmt], stdout=writer,
                             stderr=subprocess.PIPE, text=True, timeout=60, preexec_fn=fresh_signals)  # fmt: skip
    finally:
        os.close(writer)
    assert (run.returncode, run.stderr) == (0, "")
    run = shell(f"{sys.executable} -m uwe_cli clusters --format {fmt} | head -1")
    assert (run.returncode, run.stderr, run.stdout.count("\n")) == (0, "", 1)


def test_ascii_terminal_degrades_instead_of_crashing() -> None:
    run = piped("regions", "--lang", "fr", env={"PYTHONIOENCODING": "ascii", "COLUMNS": "80"})
    assert run.returncode == 0, run.stderr
    assert "30 500 EUR" in run.stdout and "regions" in run.stdout
    run = piped("regions", env={"PYTHONIOENCODING": "ascii", "COLUMNS": "80"})
    assert "EUR 30,500" in run.stdout and "EUR30" not in run.stdout
    run = piped("region", "wallonia", "--lang", "fr", "-f", "json", env={"PYTHONIOENCODING": "ascii"})
    assert run.returncode == 0 and '"Namur"' in run.stdout and "fabrications m\\u00e9talliques" in run.stdout


def test_forty_columns_on_a_terminal() -> None:
    shown = re.sub(r"\x1b\[[0-9;]*m", "", in_terminal("clusters", columns=40))
    assert max(len(line) for line in shown.replace("\r", "").split("\n")) <= 40
    assert "Logistics in Wallonia" in shown


def test_messages_wrap_between_words_on_a_narrow_terminal() -> None:
    # One line in a pipe or a log (see test_cli); on a terminal, never a word cut at its edge.
    shown = in_terminal("cluster", columns=40).replace("\r", "")
    assert shown.splitlines() == [  # (a command in quotes is kept whole, to be read and typed)
        "uwe: error: missing NAME: try",
        "  'uwe cluster tweed', or",
        "  'uwe clusters' to list them all",
    ]
    shown = in_terminal("clusters", "--search", "aerospace", "--no-color", columns=40).replace("\r", "")
    assert shown.splitlines()[1:] == [
        "uwe: no grouping's name or domain",
        "  mentions “aerospace”, but it is a",
        "  sector: try",
        "  'uwe clusters --sector aerospace'",
    ]


# Ctrl-C from outside, at a moment the child says it has reached: it writes one byte to a
# pipe there and waits; the test sends SIGINT only then, so that a loaded machine changes
# nothing (a signal sent after a fixed delay can land while Python itself starts, before
# any of uwe runs, or after uwe is done).
CTRL_C_AT = {
    # while the libraries load
    "import": """
import importlib.abc, sys
class Moment(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "typer.core":
            ready()
sys.meta_path.insert(0, Moment())
""",
    # while the data loads
    "loading": """
from uwe_cli.dataset import store
load = store.load_dataset
def moment(*args, **kwargs):
    ready()
    return load(*args, **kwargs)
store.load_dataset = moment
""",
    # while the answer is written out
    "output": """
import sys
class Moment:
    def __init__(self, stream): self.stream = stream
    def __getattr__(self, name): return getattr(self.stream, name)
    def write(self, text):
        ready()
        return self.stream.write(text)
sys.stdout = Moment(sys.stdout)
""",
}
READY = """
import os, time
def ready():
    os.write({fd}, b"!")
    time.sleep(60)  # (the signal's KeyboardInterrupt ends the wait)
"""


@pytest.mark.parametrize("moment", list(CTRL_C_AT))
def test_ctrl_c_exits_130_quietly(moment: str) -> None:
    reader, writer = os.pipe()
    program = READY.format(fd=writer) + CTRL_C_AT[moment] + "from uwe_cli.__main__ import run\nrun()\n"
    process = subprocess.Popen(
        [sys.executable, "-c", program, "about"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        pass_fds=(writer,),
        preexec_fn=fresh_signals,
    )
    os.close(writer)
    try:
        assert select.select([reader], [], [], 120)[0] and os.read(reader, 1) == b"!", moment
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        os.close(reader)
        process.kill()
    assert (process.returncode, out, err) == (130, b"", b"")


def test_piped_tables_have_no_trailing_spaces() -> None:
    for args in (["regions"], ["clusters"], ["scheme", "poles"]):
        out = piped(*args, env={"COLUMNS": "80"}).stdout
        assert out and not [line for line in out.splitlines() if line.endswith(" ")], args


SPINNER_STARTED_THEN = """
import os, signal, rich.live
start = rich.live.Live.start
def started(self, *args, **kwargs):
    start(self, *args, **kwargs)
    os.kill(os.getpid(), signal.{name})
    for _ in range(1000): pass
rich.live.Live.start = started
from uwe_cli.__main__ import run
run()
"""
HIDE_CURSOR, SHOW_CURSOR = "\x1b[?25l", "\x1b[?25h"


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129), ("SIGINT", 130)])
def test_a_signal_while_the_spinner_runs_shows_the_cursor_again(name: str, code: int, data_copy: Path) -> None:
    from uwe_cli.dataset import store

    # A folder large enough for the spinner; the signal arrives just after it hid the cursor,
    # before the code that would show it again is even in place.
    with (data_copy / "concepts.yaml").open("a", encoding="utf-8") as padding:
        padding.write(("# " + "x" * 78 + "\n") * (store.SLOW_BYTES // 80 + 1))
    shown, exit_code = terminal(
        [sys.executable, "-c", SPINNER_STARTED_THEN.replace("{name}", name), "--data-dir", str(data_copy), "regions"]
    )
    assert exit_code == code
    assert HIDE_CURSOR in shown and shown.rindex(SHOW_CURSOR) > shown.rindex(HIDE_CURSOR)
    assert "Traceback" not in shown and "Belgium" not in shown


def test_data_check_lines_wrap_between_words_on_a_terminal() -> None:
    shown = in_terminal("data", "check", columns=40).replace("\r", "").splitlines()
    # (a word longer than the screen, such as the data folder's path, has a line of its own)
    assert len(shown) > 1 and all(len(line) <= 40 or " " not in line.strip() for line in shown)
    assert all(line.startswith("  ") for line in shown[1:])
    assert " ".join(line.strip() for line in shown) == piped("data", "check").stdout.strip()


def test_help_in_a_pipe_is_laid_out_for_the_terminal_behind_it() -> None:
    # `uwe --help | less` on a 40-column terminal: standard output is a pipe, but standard
    # error (and input) are that terminal, whose width is the one to fit.
    import fcntl
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 40, 0, 0))
    environment = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    try:
        run = subprocess.run([sys.executable, "-m", "uwe_cli", "clusters", "--help"], stdin=follower,
                             stderr=follower, stdout=subprocess.PIPE, text=True, env=environment, timeout=120)  # fmt: skip
    finally:
        os.close(follower)
        os.close(leader)
    lines = run.stdout.splitlines()
    assert run.returncode == 0 and max(len(line) for line in lines) < 40
    assert lines[:2] == ["Usage: uwe clusters", "           [OPTIONS]"]  # (no space left at a line's end)
