"""Ordinals (`17th`, `17e`, `1re`): rules, not words, so not in the catalogue; CLDR has no
short ordinal forms. Each language names its rule in the registry (languages.py); the rules
that take more than a line are here."""

from __future__ import annotations


def english_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def french_ordinal(n: int) -> str:
    return f"{n}{'re' if n == 1 else 'e'}"


def bulgarian_ordinal(n: int) -> str:
    """Neuter, as for място (a place in a ranking) and тримесечие (a quarter): 1-во, 17-о."""
    if 11 <= n % 100 <= 19:
        return f"{n}-о"
    return f"{n}-" + {1: "во", 2: "ро", 3: "то", 4: "то", 7: "мо", 8: "мо"}.get(n % 10, "о")
