"""Writing where the output encoding lacks a character: plain letters, never a crash."""

from __future__ import annotations

from typing import Any

# Where the output encoding cannot show a character ('€', '─', 'é' under
# PYTHONIOENCODING=ascii), say it in plain letters rather than crash or print '?'.
_PLAIN = str.maketrans(
    {"€": "EUR", "²": "2", "•": "*", "–": "-", "—": "-", "─": "-", "█": "#", "…": "...", "’": "'",
     "«": '"', "»": '"', "“": '"', "”": '"', "\u00a0": " ", "\u202f": " "}
)  # fmt: skip


def encodable(text: str, stream: Any) -> bool:
    try:
        # (surrogateescape: a path's byte that is not UTF-8 is the streams' error handler's to
        # write, boundary.py; it must not make the rest of the line plain letters)
        text.encode(getattr(stream, "encoding", None) or "utf-8", "surrogateescape")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def degrade(text: str, stream: Any) -> str:
    """`text` as `stream`'s encoding can show it."""
    if encodable(text, stream):
        return text
    import re
    import unicodedata

    # "€30,500" is "EUR 30,500", not "EUR30,500" ("30 500 €" is "30 500 EUR" already).
    plain = unicodedata.normalize("NFKD", re.sub("€(?=[0-9])", "EUR ", text).translate(_PLAIN))
    return "".join(c for c in plain if not unicodedata.combining(c))
