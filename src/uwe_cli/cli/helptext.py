"""Help as the tool lays it out: in the reader's language, for the terminal's width, each
command's help in full, arguments named by their placeholder (`NAME`, `FICHIER`).

Used by the manners of every command (command_line.py); only Click's public API.
"""

from __future__ import annotations

import inspect
import os
import re
import sys
from typing import Any

from uwe_cli.errors import UsageError

# Help wider than this is hard to read, however wide the terminal.
MAX_HELP_WIDTH = 80
# Under this width, help puts each description under its option rather than beside it.
NARROW_HELP = 60
# The catalogues' context of an example command: each language gives its own, with names and
# choices in its words (`uwe region wallonië`), which uwe accepts as it accepts the ids.
EXAMPLE = "example"


def definitions(formatter: Any, heading: str, rows: list[tuple[str, str]]) -> None:
    """A help section of terms and their descriptions: side by side where the screen is
    wide enough, else each description under its term, so that no line is squeezed."""
    if not rows:
        return
    from uwe_cli.i18n.messages import msg_p

    # (the heading's colon as the reader's language writes it: `Options :` in French)
    formatter.write_paragraph()
    formatter.write(
        f"{'':{formatter.current_indent}}{help_language().message(msg_p('help', '{heading}:', heading=heading))}\n"
    )
    formatter.indent()
    try:
        _rows(formatter, rows)
    finally:
        formatter.dedent()


def _rows(formatter: Any, rows: list[tuple[str, str]]) -> None:
    """The terms and their descriptions of a help section (see definitions)."""
    indent = formatter.current_indent
    if formatter.width < NARROW_HELP:
        for term, description in rows:
            formatter.write(f"{'':{indent}}{term}\n")
            wrapped(formatter, description, indent + 4)
        return
    column = min(max(len(term) for term, _ in rows), 30) + 2
    for term, description in rows:
        lines = _lines(description, formatter.width - indent - column)
        if len(term) > column - 2:  # a long term on a line of its own
            formatter.write(f"{'':{indent}}{term}\n")
        else:
            formatter.write(f"{'':{indent}}{term:{column}}{lines.pop(0) if lines else ''}\n")
        formatter.write("".join(f"{'':{indent + column}}{line}\n" for line in lines))


def _lines(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width`, broken between words only: an option name such
    as `--data-dir` is never cut at its hyphen (Click's wrapping would), no line starts with
    French typography's `: ; ! ? %`."""
    from uwe_cli.output import screen

    return screen.lines(" ".join(text.split()), width=max(width, 10))


def wrapped(formatter: Any, text: str, indent: int) -> None:
    """Paragraphs of `text`, each wrapped at `indent`; a blank line between them."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    formatter.write("\n".join("".join(f"{'':{indent}}{line}\n" for line in _lines(p, formatter.width - indent))
                              for p in paragraphs))  # fmt: skip


def help_width() -> int:
    """The width help is laid out for: the terminal's (or $COLUMNS), at most MAX_HELP_WIDTH;
    in a pipe (`uwe --help | less`), that of the terminal the pipe's reader is in."""
    from uwe_cli.output import screen

    columns = screen.width_of(sys.stdout, sys.stderr, sys.stdin) or MAX_HELP_WIDTH
    return max(20, min(columns, MAX_HELP_WIDTH) - 1)


def metavars(text: str, lang: Any) -> str:
    """`text` (a usage line, an option's `--export FILE`) with its placeholders in `lang`: `FICHIER`."""
    return _METAVAR.sub(lambda found: lang.message(_METAVARS[found.group(0)]), text)


# The placeholders of the tool's usage lines and options, as each language names them.
def _metavar_messages() -> dict[str, Any]:
    from uwe_cli.i18n.messages import msg_p

    return {
        "DIRECTORY": msg_p("metavar", "DIRECTORY"), "FILE": msg_p("metavar", "FILE"),
        "FORMAT": msg_p("metavar", "FORMAT"), "KEY": msg_p("metavar", "KEY"), "KIND": msg_p("metavar", "KIND"),
        "LANG": msg_p("metavar", "LANG"), "NAME": msg_p("metavar", "NAME"), "PATH": msg_p("metavar", "PATH"),
        "SCHEME": msg_p("metavar", "SCHEME"), "SECTOR": msg_p("metavar", "SECTOR"),
        "STATUS": msg_p("metavar", "STATUS"), "TEXT": msg_p("metavar", "TEXT"),
        "COMMAND": msg_p("metavar", "COMMAND"), "OPTIONS": msg_p("metavar", "OPTIONS"), "ARGS": msg_p("metavar", "ARGS"),
        "WHAT": msg_p("metavar", "WHAT"),
    }  # fmt: skip


_METAVARS = _metavar_messages()
_METAVAR = re.compile(r"\b(?:" + "|".join(_METAVARS) + r")\b")


def placeholder(param: Any) -> str:
    """How help and usage name an argument: its metavar (`NAME`), `NAME...` for several."""
    shown = param.metavar or param.name.upper()
    return f"{shown}..." if param.nargs != 1 else shown


# Help in the reader's language: the command line as typed (a --lang may follow --help),
# and the catalogue's translation of each help text, keyed by the English text itself.
TYPED: list[str] = []
_DEFAULT = re.compile(r"^(?P<help>.*?)\s*\[default: (?P<value>[^\]]*)\]$", re.S)


def help_language() -> Any:
    from uwe_cli.i18n import choice, language

    option = None
    for i, arg in enumerate(TYPED):
        if arg in ("--lang", "-l") and i + 1 < len(TYPED):
            option = TYPED[i + 1]
        elif arg.startswith("--lang="):
            option = arg.partition("=")[2]
    # Help and usage errors never fail for a language uwe does not speak: $UWE_LANG or the
    # locale, else English (the command itself then says what is wrong with --lang).
    without_uwe_lang = {k: v for k, v in os.environ.items() if k != "UWE_LANG"}
    for asked, environ in ((option, os.environ), (None, os.environ), (None, without_uwe_lang)):
        try:
            return choice.resolve(asked, environ)
        except UsageError:
            continue
    return language.Language("en")


def help_text(command: Any) -> str:
    """A command's help text, as written in its docstring (the catalogue's key)."""
    return inspect.cleandoc((getattr(command, "help", None) or "").partition("\f")[0])


def first_sentence(text: str) -> str:
    first = text.split("\n\n")[0]
    end = re.search(r"[.!?](\s|$)", first)
    return " ".join((first[: end.end()] if end else first).split())


def translated_epilog(epilog: str) -> str:
    lang = help_language()
    example = epilog.removeprefix("Example: ")
    if example != epilog:
        from uwe_cli.i18n.messages import msg

        return str(lang.message(msg("Example: {command}", command=lang.gettext(example, EXAMPLE))))
    return str(lang.gettext(epilog))


def option_help(param: Any, shown: str, lang: Any) -> str:
    """An option's help in `lang`, with the default Click adds (`[default: table]`)."""
    from uwe_cli.i18n.messages import msg

    found = _DEFAULT.match(shown)
    text = lang.gettext(getattr(param, "help", None) or (found.group("help") if found else shown))
    if found:
        text += " " + lang.message(msg("[default: {value}]", value=found.group("value")))
    return str(text)


def help_messages(group: Any) -> set[tuple[str | None, str]]:
    """(context, message) of every help text of `group` and its commands: what each
    language's catalogue translates (tests/test_languages.py checks it does)."""
    found: set[tuple[str | None, str]] = {("help", "Usage:"), ("help", "Arguments"), ("help", "Options"),
                                          ("help", "Commands"), (None, "Example: {command}"),
                                          (None, "[default: {value}]"), (None, "Show this message and exit.")}  # fmt: skip

    def walk(command: Any) -> None:
        if help_text(command):
            found.add((None, help_text(command)))
        epilog = inspect.cleandoc(getattr(command, "epilog", None) or "")
        if epilog and not epilog.startswith("Example: "):
            found.add((None, epilog))
        elif epilog:
            found.add((EXAMPLE, epilog.removeprefix("Example: ")))
        for param in getattr(command, "params", ()):
            if getattr(param, "help", None) and not getattr(param, "hidden", False):
                found.add((None, param.help))
        for sub in getattr(command, "commands", {}).values():
            if not sub.hidden:
                walk(sub)

    walk(group)
    return found
