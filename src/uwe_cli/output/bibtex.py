"""BibTeX entries for `uwe cite`, valid for any text the data holds.

A field's value is written in braces, so BibTeX only needs its braces to balance; but
BibTeX counts a brace even after a backslash, so `\\}` is no escape there (a title with a
`}` made the entry invalid). Every character that BibTeX or LaTeX treats specially is
written as a LaTeX command whose own braces balance: `}` as `\\textbraceright{}`, `\\` as
`\\textbackslash{}`, `%` as `\\%`. A run of spaces, tabs and line breaks becomes one space,
as LaTeX shows it anyway (an empty line in a title would end a paragraph); a no-break space
(French `15 avril`, Bulgarian `2014 г.`) is LaTeX's `~`, which pdfLaTeX reads where it would
stop at the Unicode character.
"""

from __future__ import annotations

import re
from datetime import date

_SPECIAL = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\textbraceleft{}",
        "}": r"\textbraceright{}",
        "%": r"\%",
        "&": r"\&",
        "#": r"\#",
        "$": r"\$",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
        "\u00a0": "~",
        "\u202f": "~",
    }
)
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
# What a citation key may hold in every BibTeX reader.
_NOT_IN_KEY = re.compile(r"[^A-Za-z0-9:._-]")


def escape(text: str) -> str:
    """`text` as the value of a BibTeX field: LaTeX that shows `text` as it is."""
    return _SPACES.sub(" ", text).strip().translate(_SPECIAL)


def misc(*, key: str, author: str, title: str, howpublished: str, day: date, note: str, pages: str = "") -> str:
    """A `@misc` entry; `author` is an organisation (kept whole: double braces); `pages`
    only where there are some (a page is a field of its own, never part of the title)."""
    return "\n".join(
        [
            f"@misc{{{_NOT_IN_KEY.sub('-', key)},",
            f"  author       = {{{{{escape(author)}}}}},",
            f"  title        = {{{escape(title)}}},",
            f"  howpublished = {{{escape(howpublished)}}},",
            f"  year         = {{{day.year}}},",
            f"  month        = {day:%b}".lower() + ",",  # (BibTeX's month macros: jan, feb, ...)
            *([f"  pages        = {{{escape(pages)}}},"] if pages else []),
            f"  note         = {{{escape(note)}}},",
            "}",
        ]
    )
