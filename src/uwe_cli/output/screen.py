"""The width of the reader's terminal, for the text uwe wraps itself: help, messages, lines.

Not `shutil.get_terminal_size`, which asks standard output only: `uwe --help | less` and
`uwe data check 2>&1 | less` still have a terminal behind another stream, and its width
is the one to lay text out for.
"""

from __future__ import annotations

import os
import re
from typing import TextIO

# French typography puts a space before `: ; ! ? % »` and after `«`: no line may start with
# one of those marks, so no line breaks at such a space (terminal.py keeps that rule too).
# Nor does a line break between a day and its month (`15. April`, `15 avril`, `15 април`),
# or in a page number (`p. 20`).
GLUED_SPACE = re.compile(
    r" (?=[:;!?%»])|(?<=«) |(?:(?<=\b\d)|(?<=\b\d\d)|(?<=\b\d\.)|(?<=\b\d\d\.)) (?=[^\W\d_])|(?<=\bp\.) (?=\d)"
)
# A short command in backticks or quotes (`uwe notes`, « uwe cluster tweed ») stays on one
# line, to be read and typed whole.
_COMMAND = re.compile(r"`[^`\n]{1,40}`|(?:(?<=[„‘'“«])|(?<=« ))uwe [^„“‘’'«»”`\n]{1,36}(?=[“’'”»]| »)")
GLUE = "\ufdd2"  # (a noncharacter: textwrap takes it for a letter, and it never comes from data)
# The no-break spaces of typography, written as the characters themselves in the tool's own
# words (titles, labels, headings, notes) wherever a reader's software may re-wrap them (a
# table pasted into a document, Markdown, an exported file): a no-break space before `:` and
# `%` (CLDR's percent) and inside « » (the Imprimerie nationale's espace insécable), a narrow
# one before `; ! ?` (its espace fine). The slides' words are shown with the spaces they have.
NO_BREAK, NARROW = "\ufdd3", "\ufdd4"
TYPESET = {NO_BREAK: "\u00a0", NARROW: "\u202f"}


def width_of(*streams: TextIO | None) -> int | None:
    """$COLUMNS, else the width of the first of `streams` that is a terminal; None if none is."""
    given = os.environ.get("COLUMNS", "")
    if given.isascii() and given.isdigit() and int(given) > 0:
        return int(given)
    for stream in streams:
        try:
            return os.get_terminal_size(stream.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):  # (None, closed, or not a terminal)
            continue
    return None


def is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):  # (closed)
        return False


def glued(text: str) -> str:
    """`text` with GLUE for each space no line may break at (see GLUED_SPACE, _COMMAND)."""
    if "uwe" in text or "`" in text:
        text = _COMMAND.sub(lambda found: found.group(0).replace(" ", GLUE), text)
    return GLUED_SPACE.sub(GLUE, text)


def _glue(found: re.Match[str]) -> str:
    """The placeholder for a glued space: French punctuation's no-break spaces are written as
    such; between a number and a word (`15 avril`, `3,6 millions`) a plain space is kept."""
    after, before = found.string[found.end() : found.end() + 1], found.string[found.start() - 1 : found.start()]
    if after == "%" and not before.isdigit():  # (`En % de la Belgique`: a word, not a percentage)
        return GLUE
    if after in (";", "!", "?"):
        return NARROW
    return NO_BREAK if after in (":", "%", "»") or before == "«" else GLUE


def typeset(text: str) -> str:
    """`text` with the no-break spaces of typography written as characters (see NO_BREAK)."""
    return GLUED_SPACE.sub(lambda found: TYPESET.get(_glue(found), " "), text)


def lines(text: str, *, width: int, indent: str = "") -> list[str]:
    """`text` in lines of at most `width` columns, broken between words only (never at a
    hyphen: `--data-dir` stays whole, nor at a glued space), the next ones after `indent`."""
    import textwrap

    broken = textwrap.wrap(glued(text), width, subsequent_indent=indent, break_long_words=False,
                           break_on_hyphens=False)  # fmt: skip
    return [line.replace(GLUE, " ") for line in broken]


def wrapped(text: str, *, width: int) -> str:
    """A message for a terminal `width` columns wide: its next lines indented."""
    return "".join(line + "\n" for line in lines(text, width=max(width - 1, 20), indent="  ") or [""])
