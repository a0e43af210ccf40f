"""Find a record by what a person types: its id, English or French name, or an alias."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from uwe_cli.errors import UsageError
from uwe_cli.text import fold

T = TypeVar("T")


def find(records: Sequence[T], query: str, *, what: str, names: Callable[[T], Iterable[str]]) -> T:
    """The record `query` names, by exact key first, then by unique prefix.

    Raises UsageError with the closest names when nothing (or more than one) matches.
    """
    key = fold(query)
    keyed = [(fold(n), n, r) for r in records for n in names(r) if fold(n)]
    exact = _unique(r for k, _, r in keyed if k == key)
    if len(exact) == 1:
        return exact[0]
    prefixed = _unique(r for k, _, r in keyed if key and k.startswith(key))
    if len(prefixed) == 1:
        return prefixed[0]
    if len(prefixed) > 1:
        options = ", ".join(f"'{_label(r, names)}'" for r in prefixed[:5])
        raise UsageError(f"'{query}' could be several {what}s: {options}")
    raise UsageError(f"unknown {what} '{query}'" + suggestion(query, [n for r in records for n in names(r)]))


def suggestion(query: str, candidates: Iterable[str]) -> str:
    """`" (did you mean 'TWEED'?)"`, or "" when nothing is close."""
    by_key: dict[str, str] = {}
    for name in candidates:
        by_key.setdefault(fold(name), name)
    close = difflib.get_close_matches(fold(query), list(by_key), n=3, cutoff=0.6)
    if not close:
        return ""
    return " (did you mean " + " or ".join(f"'{by_key[k]}'" for k in close) + "?)"


def _unique(records: Iterable[T]) -> list[T]:
    seen: list[T] = []
    for record in records:
        if not any(record is s for s in seen):
            seen.append(record)
    return seen


def _label(record: T, names: Callable[[T], Iterable[str]]) -> str:
    return next(iter(names(record)))
