"""Matching what a person types: keys that ignore case, accents, spaces and punctuation.

Pure functions of strings, the same in every language; nothing here prints.
"""

from __future__ import annotations

import unicodedata


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("œ", "oe").replace("Œ", "Oe"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """The key two names are compared by: no case, accents, spaces or punctuation but '+'.

    So `val+` finds "(Val)+", `cap 2020` finds "CAP 2020" and `wallonie` finds "Wallonie".
    """
    return "".join(c for c in _strip_accents(text) if c.isalnum() or c == "+")


# ASCII punctuation and controls as spaces: the search key of an ASCII text in one step.
_ASCII_WORDS = {c: " " for c in range(128) if not chr(c).isalnum()}


def search_key(text: str) -> str:
    """Like fold(), but keeps word boundaries so a phrase can be found inside a text."""
    if text.isascii():  # (no accents to strip: the same key, without a loop over characters)
        return " ".join(text.lower().translate(_ASCII_WORDS).split())
    words = "".join(c if c.isalnum() else " " for c in _strip_accents(text))
    return " ".join(words.split())


def mentions(value: str, key: str) -> bool:
    """Whether `value` has a word starting with the search key: `R&D` ("r d") finds
    "R&D" and "R&D-projects", not "autour d'activités"."""
    return f" {key}" in f" {search_key(value)}"


def locate(value: str, key: str) -> int:
    """Where in `value` the words of the search key (see mentions) start, or -1."""
    found = spans(value, key)
    return found[0][0] if found else -1


def spans(value: str, key: str) -> list[tuple[int, int]]:
    """Each (start, end) of `value` where the search key matches (see mentions), in order."""
    folded: list[str] = []
    where: list[int] = []
    for i, char in enumerate(value):
        for piece in _strip_accents(char):
            piece = piece if piece.isalnum() else " "
            if piece == " " and (not folded or folded[-1] == " "):
                continue
            folded.append(piece)
            where.append(i)
    text, found, start = " " + "".join(folded), [], 0
    while key and (at := text.find(f" {key}", start)) >= 0:
        # `at` is the space before the match: the match is folded[at : at + len(key)].
        found.append((where[at], where[at + len(key) - 1] + 1))
        start = at + len(key)
    return found
