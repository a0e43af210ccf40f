"""The error boundary: the one place where exceptions become exit codes.

`run` runs uwe and maps whatever ends it to an exit code (errors.ExitCode) and at most one
line on stderr: the tool's own errors, Click's usage errors, a closed or full output, Ctrl-C and
other signals, and the unforeseen. The command group's `main` (command_line.Group) goes through
it, so the `uwe` program and Typer's CliRunner in the tests give the same answers; it is
entered once per run. `__main__.run` maps with `exit_code` only what happens outside it: a
signal while the libraries load, or once the answer is given.

At load this module imports only small modules of the standard library (others when they
are needed): `__main__` imports it before the libraries, so that a Ctrl-C while they load
meets it too.
"""

from __future__ import annotations

import codecs
import errno
import os
import sys

from uwe_cli.cli.process import Terminated

TYPE_CHECKING = False  # (not typing's: importing typing would take longer than the rest)
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any


def run(call: Callable[[], int | None], args: Sequence[str]) -> int:
    """Run `call` (uwe on `args`), flush its output, and return the exit code."""
    _tolerate_unencodable_text()
    try:
        try:
            code = int(_from_files_if_cache_failed(call) or 0)
        except BaseException as exc:
            return exit_code(exc, args)
        return _flushed(code, args)
    except BaseException as late:  # a signal that landed while the answer was being given
        return _signal_code(late) or _internal()


def _from_files_if_cache_failed(call: Callable[[], int | None]) -> int | None:
    """`call()`; if it fails on a dataset read from the cache, once more from the files.

    Such an entry passed its digest, so someone recomputed it (cache.py): it is dropped, and
    the dataset rebuilt. Not for the answers a command gives on any data (a name not found,
    a usage error), nor a closed pipe."""
    try:
        return call()
    except Exception as exc:
        store = sys.modules.get("uwe_cli.dataset.store")
        if store is None or _expected(exc) or not store.discard_cached():
            raise
    return call()


def _expected(exc: Exception) -> bool:
    from uwe_cli.errors import UweError

    exits, _, click_errors = _click_exceptions()
    return isinstance(exc, (UweError, *exits, *click_errors, BrokenPipeError))


def exit_code(exc: BaseException, args: Sequence[str]) -> int:
    """The exit code for `exc`, after saying on stderr (one line at most) what happened."""
    from uwe_cli.errors import ExitCode, UweError

    signalled = _signal_code(exc)
    if signalled is not None:
        _drop_stdout()  # what is not written yet is abandoned: exiting must not wait on a reader
        _show_cursor()
        return signalled
    exits, _, click_errors = _click_exceptions()
    if isinstance(exc, (SystemExit, *exits)):  # --help, --version, shell completion
        code = exc.code if isinstance(exc, SystemExit) else getattr(exc, "exit_code", 0)
        return _flushed(code if isinstance(code, int) else int(code is not None), args)
    if isinstance(exc, UweError):
        _say(exc.summary())
        return exc.exit_code
    if isinstance(exc, click_errors):
        return _usage_error(exc, args)
    if isinstance(exc, BrokenPipeError):  # the reader went away (`uwe clusters | head -1`): done
        _drop_stdout()
        return ExitCode.OK
    if isinstance(exc, OSError) and exc.filename is not None:  # a file the user named, not the output
        _say(_unusable(exc))
        return ExitCode.DATA_ERROR
    if isinstance(exc, OSError):  # the output cannot be written: closed, a full disk, a lost terminal
        _drop_stdout()
        _say(_unwritable(exc))
        return ExitCode.OUTPUT_ERROR
    return _unforeseen(exc, args)


def _unwritable(exc: OSError) -> str:
    from uwe_cli.errors import system_reason
    from uwe_cli.i18n.language import current
    from uwe_cli.i18n.messages import msg

    reason = msg("standard output is closed") if exc.errno == errno.EBADF else system_reason(exc)
    return current().message(msg("cannot write the output ({reason})", reason=reason))


def _unusable(exc: OSError) -> str:
    from uwe_cli.errors import system_reason
    from uwe_cli.i18n.language import current
    from uwe_cli.i18n.messages import msg

    path = os.fsdecode(exc.filename) if isinstance(exc.filename, (str, bytes)) else str(exc.filename)
    return current().message(msg("{path}: cannot be used ({reason})", path=path, reason=system_reason(exc)))


def _signal_code(exc: BaseException) -> int | None:
    """128 + the signal's number if a signal is what ended the program, else None.

    The exception chain counts: a terminal that went away (SIGHUP) makes the cleanup's own
    writes fail, and the resulting OSError must not hide the signal."""
    from uwe_cli.errors import ExitCode

    _, aborts, _ = _click_exceptions()
    seen = 0
    cause: BaseException | None = exc
    while cause is not None and seen < 16:
        if isinstance(cause, Terminated):
            return cause.exit_code
        if isinstance(cause, (KeyboardInterrupt, *aborts)):
            return ExitCode.INTERRUPTED
        cause, seen = cause.__context__, seen + 1
    return None


def _usage_error(exc: Any, args: Sequence[str]) -> int:
    from uwe_cli.errors import ExitCode

    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
        # `uwe data` alone asks what `uwe data` does: its help, and success, as `uwe data --help`.
        try:
            sys.stdout.write(ctx.get_help() + "\n")
        except Exception as failed:
            return exit_code(failed, args)
        return _flushed(ExitCode.OK, args)
    message = exc.format_message().rstrip(".")  # (Click's words: command_line.py says most in the tool's)
    if ctx is not None:
        message += f" (see '{ctx.command_path} --help')"
    _say(message)
    return int(getattr(exc, "exit_code", ExitCode.USAGE_ERROR))


def _unforeseen(exc: BaseException, args: Sequence[str]) -> int:
    """A bug: one line and the way to learn more, or with --debug the plain traceback."""
    if _root_flag(args, "--debug"):
        import contextlib
        import traceback

        with contextlib.suppress(Exception):  # (stderr closed or full: the exit code tells)
            # The plain traceback: never local variables, which may hold the user's data.
            traceback.print_exception(type(exc), exc, exc.__traceback__)
    else:
        _say(_unexpected(exc))
    return _internal()


def _unexpected(exc: BaseException) -> str:
    try:
        from uwe_cli.i18n.language import current
        from uwe_cli.i18n.messages import msg

        return current().message(msg("unexpected {error}: {detail} (re-run with --debug to see the traceback)",
                                     error=type(exc).__name__, detail=str(exc)))  # fmt: skip
    except Exception:  # (a fault of the tool's own: its catalogue may be what fails)
        return f"unexpected {type(exc).__name__}: {exc} (re-run with --debug to see the traceback)"


def _internal() -> int:
    from uwe_cli.errors import ExitCode

    return ExitCode.INTERNAL_ERROR


def _flushed(code: int, args: Sequence[str]) -> int:
    """`code`, once standard output is written out: a failed write is reported here, not at exit."""
    try:
        sys.stdout.flush()
    except Exception as exc:
        return exit_code(exc, args)
    return code


def _say(message: str) -> None:
    """One line on stderr; if stderr is closed or full, nothing (the exit code still tells)."""
    try:
        from uwe_cli.output import render as output

        output.error(message)
    except Exception:
        try:
            sys.stderr.write(f"uwe: error: {message}\n")
            sys.stderr.flush()
        except Exception:
            pass


def _drop_stdout() -> None:
    # Point standard output at /dev/null, so that what is still buffered (and Python's own
    # flush at exit) goes nowhere instead of failing again or waiting on a stalled reader.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _show_cursor() -> None:
    # A spinner (Rich's status, on stderr) hides the cursor while it runs and shows it again
    # when it stops; a signal can land between the two. Show it again here, but only where
    # a spinner was made at all: a plain or dumb terminal must not receive escape codes.
    if "rich.status" not in sys.modules:
        return
    try:
        if sys.stderr.isatty():
            sys.stderr.write("\x1b[?25h")
            sys.stderr.flush()
    except Exception:
        pass


def _root_flag(args: Sequence[str], flag: str) -> bool:
    """Whether `flag` is among the options before the command (`uwe --debug regions`)."""
    takes_value = {"--data-dir", "--lang", "-l"}
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == flag:
            return True
        elif arg in takes_value:
            skip = True
        elif arg == "--" or not arg.startswith("-"):
            return False
    return False


def _click_exceptions() -> tuple[tuple[type[BaseException], ...], ...]:
    """Click's Exit, Abort and exception base, once Typer is loaded (before, none can be raised)."""
    if "typer" in sys.modules:
        try:
            import importlib

            import typer

            # Click's exception base is where Typer's Exit is: in Click itself (Typer < 0.26),
            # in Typer's copy of Click (0.26 to 0.28); from 0.29, Typer's own base is theirs.
            error = getattr(typer, "TyperException", None)
            if error is None:
                error = importlib.import_module(typer.Exit.__module__).ClickException
            return (typer.Exit,), (typer.Abort,), (error,)
        except Exception:  # Typer half loaded (interrupted while importing): none of it ran
            pass
    return (), (), ()


# Text the output's encoding cannot carry. A path that is not valid UTF-8 reaches Python as
# str with surrogates (b"\xff" is "\udcff"): on standard output, its own bytes again, so that
# `uwe data path` gives the real path; in a message on stderr, spelled `\xff`. Any other
# character: '?' (output/encoding.py spells most of them out in plain letters first).


def _tolerate_unencodable_text() -> None:
    import contextlib

    for stream, handler in ((sys.stdout, "uwe-as-bytes"), (sys.stderr, "uwe-escaped")):
        reconfigure = getattr(stream, "reconfigure", None)  # (not on a stand-in for a closed stream)
        with contextlib.suppress(ValueError):
            if reconfigure is not None:
                reconfigure(errors=handler)


def _as_bytes(error: UnicodeError) -> tuple[str | bytes, int]:
    return _unencodable(error, lambda byte: bytes([byte]))


def _escaped(error: UnicodeError) -> tuple[str | bytes, int]:
    return _unencodable(error, lambda byte: f"\\x{byte:02x}".encode())


def _unencodable(error: UnicodeError, surrogate: Callable[[int], bytes]) -> tuple[str | bytes, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    replaced = b"".join(surrogate(ord(c) - 0xDC00) if 0xDC80 <= ord(c) <= 0xDCFF else b"?" for c in bad)
    return replaced, error.end


codecs.register_error("uwe-as-bytes", _as_bytes)
codecs.register_error("uwe-escaped", _escaped)
