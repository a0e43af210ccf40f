"""Matching what a person types: keys that ignore case, accents, spaces and punctuation.

Pure functions of strings, the same in every language; nothing here prints.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


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


@lru_cache(maxsize=64)
def _phrase(key: str) -> re.Pattern[str]:
    """Each word of the key at the beginning of a word of the text, in order, one after the
    other: `полюс на конкурентоспособност` finds « полюси на конкурентоспособността »."""
    words = key.split()
    return re.compile(r"(?<![^ ])" + r"\S* ".join(re.escape(w) for w in words)) if words else re.compile(r"(?!)")


def mentions(value: str, key: str) -> bool:
    """Whether each word of the search key starts a word of `value`, in order: `R&D` ("r d")
    finds "R&D" and "R&D-projects", not "autour d'activités"."""
    return _phrase(key).search(search_key(value)) is not None


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
    # (`where[k]` is the character of `value` that folded[k] comes from)
    return [(where[m.start()], where[m.end() - 1] + 1) for m in _phrase(key).finditer("".join(folded))]


# Bulgarian in Latin letters, as a reader without a Cyrillic keyboard types it: the official
# system (the Transliteration Act of 2009: `щ` sht, `ъ` a, `ю` yu, `я` ya, and a final `-ия`
# written `-ia`, as in Sofia), the same without the final rule (Flandriya), and the common
# informal writing (`ж` j, `ц` c, `ъ` u, `ю` iu, `я` ia, `ия` ia).
_OFFICIAL = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
}  # fmt: skip
_INFORMAL = {**_OFFICIAL, "ж": "j", "ц": "c", "ъ": "u", "й": "i", "ю": "iu", "я": "ia"}


def latin(text: str) -> tuple[str, ...]:
    """`text` in Latin letters, if it has Cyrillic ones: the ways a reader may write it."""
    lower = text.casefold()
    if not any("а" <= c <= "я" for c in lower):
        return ()
    official = "".join(_OFFICIAL.get(c, c) for c in lower)
    informal = "".join(_INFORMAL.get(c, c) for c in lower.replace("ия", "ia"))
    final_rule = "".join(w[:-3] + "ia" if w.endswith("iya") else w for w in _words_kept(official))
    return tuple(dict.fromkeys((final_rule, official, informal)))


def _words_kept(text: str) -> list[str]:
    """`text` cut into words and what lies between them, so each word can be rewritten."""
    return re.findall(r"\w+|\W+", text)
