"""The one exception family of uwe, and the exit codes it maps to.

Everything the user can get wrong raises a `UweError`; the error boundary (boundary.py)
turns it, like every other exception, into one line on stderr and an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """What `uwe` exits with; README.md's "Exit codes" documents each."""

    OK = 0
    DATA_ERROR = 1
    USAGE_ERROR = 2
    INTERNAL_ERROR = 3
    OUTPUT_ERROR = 4  # standard output (or an export) cannot be written: closed, full, gone
    # Stopped by a signal: 128 + its number, as a shell reports a program a signal ended.
    HANGUP = 129  # SIGHUP: the terminal went away
    INTERRUPTED = 130  # SIGINT: Ctrl-C
    TERMINATED = 143  # SIGTERM: asked to stop (kill, systemd, docker stop)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, located like a compiler error."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class UweError(Exception):
    exit_code = ExitCode.DATA_ERROR

    def summary(self) -> str:
        """The one line the user sees: a message in the language of the command (language.py)."""
        message = self.args[0] if self.args else ""
        if type(message).__name__ == "Message":  # (form.Message, imported only when one is raised)
            from uwe_cli.language import current

            return current().message(message)  # type: ignore[arg-type]
        return str(self)

    def __str__(self) -> str:
        message = self.args[0] if self.args else ""
        if type(message).__name__ == "Message":
            from uwe_cli.language import Language

            return Language("en").message(message)  # type: ignore[arg-type]
        return super().__str__()


class DataError(UweError):
    """The data folder cannot be used: every problem found, in file order."""

    def __init__(self, problems: list[Problem], *, folder: str | None = None, count: int | None = None) -> None:
        if not problems:
            raise ValueError("a DataError needs at least one problem")
        self.problems = problems
        self.folder = folder  # the data folder, for the command that lists every problem
        # How many problems there are: more than the lines, where a line counts unlisted ones.
        self.count = len(problems) if count is None else count
        super().__init__(str(problems[0]))

    def summary(self) -> str:
        first = str(self.problems[0])
        more = self.count - 1
        if more:
            import shlex

            check = "uwe data check" + (f" {shlex.quote(self.folder)}" if self.folder else "")
            first += f" (and {more} more: run '{check}' to list them all)"
        return first


class UsageError(UweError):
    """The command line asks for something that does not exist (a name, a sector, a format)."""

    exit_code = ExitCode.USAGE_ERROR
