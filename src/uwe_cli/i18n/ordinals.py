"""Ordinals (`17th`, `17e`, `1re`): rules, not words, so not in the catalogue; CLDR has no
short ordinal forms."""

from __future__ import annotations


def ordinal(code: str, n: int) -> str:
    """`n` as an ordinal in the language `code` (English's rule for a language without one)."""
    return _ORDINALS.get(code, _english_ordinal)(n)


def _english_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_ORDINALS = {
    "en": _english_ordinal,
    "fr": lambda n: f"{n}{'re' if n == 1 else 'e'}",
    "nl": lambda n: f"{n}e",
    "de": lambda n: f"{n}.",
    "bg": lambda n: _bulgarian_ordinal(n),
}


def _bulgarian_ordinal(n: int) -> str:
    """Neuter, as for място (a place in a ranking) and тримесечие (a quarter): 1-во, 17-о."""
    if 11 <= n % 100 <= 19:
        return f"{n}-о"
    return f"{n}-" + {1: "во", 2: "ро", 3: "то", 4: "то", 7: "мо", 8: "мо"}.get(n % 10, "о")
