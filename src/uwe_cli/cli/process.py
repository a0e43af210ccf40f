"""The `uwe` program as a process: the signals that stop it and its standard streams.

Only the program sets these up (`__main__.run`), never uwe run inside another Python
program such as the tests' CliRunner: signal handlers and file descriptors belong to the
whole process. This module imports only small modules of the standard library,
so that it is in place a few milliseconds after Python starts.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import sys

TYPE_CHECKING = False  # (not typing's: importing typing would take longer than the rest)
if TYPE_CHECKING:
    from typing import Any

# Ctrl-C; a request to stop (kill, systemd, docker stop); the terminal going away.
# (Windows has no SIGHUP.)
_STOPPING = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))

# Those of them uwe handles: not one its parent told it to ignore (`nohup` ignores SIGHUP; a
# shell without job control, SIGINT for a command in the background).
_handled: list[int] = []

# Signals whose exception a library swallowed (see `_unraisable`), first one first.
_swallowed: list[int] = []


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived. Raised in the main thread, like KeyboardInterrupt for
    Ctrl-C, so that every `finally` and `except BaseException` runs on the way out (a
    half-written cache file is removed, a spinner shows the cursor again); a BaseException
    so that no `except Exception` stops it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.exit_code = 128 + signum


def prepare() -> None:
    """Set up the process before anything else runs: streams, signals, the unraisable hook."""
    _stand_in_for_closed_streams()
    _handled[:] = [signum for signum in _STOPPING if signal.getsignal(signum) is not signal.SIG_IGN]
    _arm()
    sys.unraisablehook = _unraisable


def settle() -> None:
    """From now on these signals change nothing: the answer and its exit code are decided."""
    for signum in _handled:
        signal.signal(signum, signal.SIG_IGN)


def exit_code(code: int) -> int:
    """`code`, unless a signal arrived that a library swallowed: then that signal's code."""
    return 128 + _swallowed[0] if _swallowed else code


def _arm() -> None:
    for signum in _handled:
        signal.signal(signum, _stop)


def _stop(signum: int, frame: Any) -> None:
    # The first signal unwinds the program; those after it are ignored, so that nothing cuts
    # the cleanup short and no second exception can escape the boundary while it reports the
    # first. A program stuck after that still ends with Ctrl-\ (SIGQUIT) or SIGKILL.
    settle()
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Terminated(signum)


def _unraisable(unraisable: Any) -> None:
    # A signal can land while Python runs code whose exceptions it cannot propagate (a
    # finaliser, a callback from C): it would print "Exception ignored ... Traceback" and
    # carry on as if nothing had happened. Keep the signal instead: the command ends with its
    # exit code (`exit_code`), and the next signal interrupts at once.
    exc = unraisable.exc_value
    if isinstance(exc, (KeyboardInterrupt, Terminated)):
        _swallowed.append(exc.signum if isinstance(exc, Terminated) else signal.SIGINT)
        _arm()
        return
    sys.__unraisablehook__(unraisable)


class _Closed(io.TextIOBase):
    """Standard output when the caller closed it (`uwe regions >&-`): writing fails as
    writing to the closed stream would, and the boundary says so on stderr."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _stand_in_for_closed_streams() -> None:
    # Python makes a standard stream that was closed when it started None: the first write
    # to it would crash, and the next file uwe opens would take its number (and anything
    # written to that number). Hold each number with /dev/null, and give Python a stream:
    # output fails like the closed stream; errors, with nowhere to go, are dropped (the
    # exit code still tells), never sent to standard output instead.
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        _hold(fd, os.O_RDONLY if fd < 2 else os.O_WRONLY)
        if name == "stdout":
            sys.stdout = _Closed()
        elif name == "stderr":
            sys.stderr = open(fd, "w", encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115


def _hold(fd: int, flags: int) -> None:
    try:
        held = os.open(os.devnull, flags)
        if held != fd:
            os.dup2(held, fd)
            os.close(held)
    except OSError:
        pass
