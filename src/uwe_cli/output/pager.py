"""A pager for a view taller than the screen, as git and gh have one.

Only when standard output is a terminal (never in a pipe or a file) and the text has more
lines than the screen. The pager is $UWE_PAGER, else $PAGER, else `less`; `UWE_PAGER=` (empty)
or `cat`, `--no-pager` and `UWE_NO_PAGER=1` turn it off. `less` gets LESS=FRX unless $LESS is
set (as git does): it keeps colour (R), quits at once when the text fits after all (F), and
leaves the text on the screen (X). A pager that cannot be started means the text is printed
directly; a reader who quits it early ends uwe quietly, exit 0.
"""

from __future__ import annotations

import os
import sys
from typing import IO, Any


def wanted(stream: IO[str], *, lines: int, enabled: bool = True) -> list[str] | None:
    """The pager's command line for `lines` lines on `stream`, or None for none."""
    import shlex

    if not enabled or os.environ.get("UWE_NO_PAGER"):
        return None
    try:
        if not stream.isatty():
            return None
        height = _height(stream)
    except (AttributeError, ValueError, OSError):  # (a stand-in for stdout, or closed)
        return None
    if height is None or lines < height:  # (the last line of the screen is the prompt's)
        return None
    chosen = os.environ.get("UWE_PAGER")
    if chosen is None:
        chosen = os.environ.get("PAGER") or "less"
    try:
        command = shlex.split(chosen)
    except ValueError:  # (an unbalanced quote: not a command line)
        return None
    return command if command and command != ["cat"] else None


def _height(stream: IO[str]) -> int | None:
    given = os.environ.get("LINES", "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    return os.get_terminal_size(stream.fileno()).lines


def page(text: str, *, command: list[str], stream: IO[str]) -> bool:
    """Show `text` through the pager `command`: True once shown (or the reader quit), False if
    the pager could not be started (the caller prints the text itself)."""
    import signal
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")  # (lv, a pager of some systems: keep colour too)
    stream.flush()
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=stream, env=env)
    except (OSError, ValueError):
        return False
    # Ctrl-C is for the pager while it runs (less uses it to stop a search), as in git.
    previous = _ignore_interrupts(signal)
    try:
        assert process.stdin is not None
        try:
            encoding = getattr(stream, "encoding", None) or "utf-8"
            process.stdin.write(text.encode(encoding, errors="replace"))
            process.stdin.close()
        except (BrokenPipeError, OSError):  # the reader quit before the end: what they wanted
            pass
        process.wait()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return True


def _ignore_interrupts(signal: Any) -> Any:
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGINT, signal.SIG_IGN)


def write(text: str, *, stream: IO[str] | None = None, enabled: bool = True) -> None:
    """`text` on `stream` (standard output), through a pager where one is wanted."""
    stream = stream or sys.stdout
    command = wanted(stream, lines=text.count("\n"), enabled=enabled)
    if command is None or not page(text, command=command, stream=stream):
        stream.write(text)
        stream.flush()
