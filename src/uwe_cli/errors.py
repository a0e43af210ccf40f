"""The one exception family of uwe, and the exit codes it maps to.

Everything the user can get wrong raises a `UweError`; the error boundary (boundary.py)
turns it, like every other exception, into one line on stderr and an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from uwe_cli.i18n.language import Language, Worded, current
from uwe_cli.i18n.messages import msg, msg_p

__all__ = ["DataError", "ExitCode", "Problem", "UsageError", "UweError", "Worded", "dotted", "system_reason"]


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
    message: Any  # a messages.Message (a plain string only where no language has words for it)
    line: int | None = None
    column: int | None = None
    field: str | None = None
    hint: Any = None  # what to do, a messages.Message: said after the message, in brackets

    def told(self, lang: Language) -> str:
        """`file:line:column: field: message (hint)`, in `lang` (the place is in no language)."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        told = self.message if self.hint is None else msg("{error} ({hint})", error=self.message, hint=self.hint)
        if self.field:  # (the field, then the message, as the language sets a colon: `kind : doit être…`)
            told = msg("{origin}: {error}", origin=self.field, error=told)
        if self.line is None:  # (a path alone is the subject of a sentence: `about.yaml : existe déjà`)
            return str(lang.message(msg("{origin}: {error}", origin=where, error=told)))
        # (`file:line:column:` stays as compilers write it, for editors that jump to it)
        return f"{where}: {lang.localize(told)}"

    def __str__(self) -> str:
        return self.told(Language("en"))


def dotted(loc: tuple[Any, ...]) -> str:
    """A field's place as a person writes it (a Problem's `field`): `clusters[3].memberships[0].scheme`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class UweError(Worded):
    """An error the user can mend: its message, said in their language."""

    exit_code = ExitCode.DATA_ERROR

    def __init__(self, message: Any) -> None:
        super().__init__(message, message)

    def told(self, lang: Language) -> str:
        return str(lang.localize(self.message))

    def summary(self) -> str:
        """The one line the user sees: the message in the language of the command (language.py)."""
        return self.told(current())

    def __str__(self) -> str:
        return self.told(Language("en"))


class DataError(UweError):
    """The data folder cannot be used: every problem found, in file order."""

    def __init__(self, problems: list[Problem], *, folder: str | None = None, count: int | None = None) -> None:
        if not problems:
            raise ValueError("a DataError needs at least one problem")
        self.problems = problems
        self.folder = folder  # the data folder, for the command that lists every problem
        # How many problems there are: more than the lines, where a line counts unlisted ones.
        self.count = len(problems) if count is None else count
        super().__init__(problems[0].message)

    def told(self, lang: Language) -> str:
        first = self.problems[0].told(lang)
        more = self.count - 1
        if more:
            from uwe_cli.i18n.messages import msg_n
            from uwe_cli.shell import command

            check = command("uwe", "data", "check", names=(self.folder,) if self.folder else ())
            first += " " + lang.message(
                msg_n("(and {n} more: run '{check}' to list it)", "(and {n} more: run '{check}' to list them all)",
                      n=more, check=check)
            )  # fmt: skip
        return first


class UsageError(UweError):
    """The command line asks for something that does not exist (a name, a sector, a format)."""

    exit_code = ExitCode.USAGE_ERROR

    def of(self, origin: str) -> UsageError:
        """The same error, naming where the value came from (`--texts`, `UWE_LANG`)."""
        return UsageError(msg("{origin}: {error}", origin=origin, error=self.message))


def system_reason(exc: OSError) -> Any:
    """Why `exc` happened as a message (`permission denied`), else the error's name (`EBUSY`).

    Not `exc.strerror`: the C library's words are English whatever language was asked for.
    """
    import errno

    reasons = {
        errno.EACCES: msg_p("system", "permission denied"),
        errno.EPERM: msg_p("system", "permission denied"),
        errno.ENOENT: msg_p("system", "no such file or folder"),
        errno.ENOSPC: msg_p("system", "no space left on the disk"),
        errno.EDQUOT: msg_p("system", "disk quota exceeded"),
        errno.EROFS: msg_p("system", "the file system is read-only"),
        errno.EISDIR: msg_p("system", "is a folder"),
        errno.ENOTDIR: msg_p("system", "a part of the path is not a folder"),
        errno.EEXIST: msg_p("system", "already exists"),
        errno.EIO: msg_p("system", "input/output error"),
        errno.ENAMETOOLONG: msg_p("system", "file name too long"),
        errno.ELOOP: msg_p("system", "too many levels of symbolic links"),
        errno.EMFILE: msg_p("system", "too many open files"),
        errno.EFBIG: msg_p("system", "file too large"),
        errno.EXDEV: msg_p("system", "on another file system"),
        errno.EBUSY: msg_p("system", "in use by another program"),
    }
    if exc.errno in reasons:
        return reasons[exc.errno]
    return errno.errorcode.get(exc.errno or 0) or type(exc).__name__
