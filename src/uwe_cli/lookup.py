"""Find a record by what a person types: its id, English or French name, or an alias."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from uwe_cli.errors import UsageError
from uwe_cli.text import fold

T = TypeVar("T")


def find(
    records: Sequence[T], query: str, *, what: str, names: Callable[[T], Iterable[str]], hint: str = ""
) -> T:
    """The record `query` names, by exact key first, then by unique prefix.

    `names(record)` lists what a record may be called, its display name first. Raises
    UsageError with the closest records (or `hint`) when nothing, or several, match.
    """
    key = fold(query)
    keyed = [(fold(n), r) for r in records for n in names(r) if fold(n)]
    exact = _unique(r for k, r in keyed if k == key)
    if len(exact) == 1:
        return exact[0]
    prefixed = _unique(r for k, r in keyed if key and k.startswith(key))
    if len(prefixed) == 1:
        return prefixed[0]
    if len(prefixed) > 1:
        options = ", ".join(f"'{_label(r, names)}'" for r in prefixed[:5])
        raise UsageError(f"'{query}' could be several {what}s: {options}")
    close = suggestion(query, [(n, _label(r, names)) for r in records for n in names(r)])
    raise UsageError(f"unknown {what} '{query}'" + (close or (f" ({hint})" if hint else "")))


def suggestion(query: str, candidates: Iterable[str | tuple[str, str]]) -> str:
    """`" (did you mean 'TWEED'?)"`, or "" when nothing is close.

    A candidate is a name, or a (name, label) pair where several names lead to one label
    (a sector and its synonyms): each label is suggested once.
    """
    import difflib  # only when a name is not found

    labels: dict[str, str] = {}
    for candidate in candidates:
        name, label = candidate if isinstance(candidate, tuple) else (candidate, candidate)
        labels.setdefault(fold(name), label)
    close = difflib.get_close_matches(fold(query), list(labels), n=6, cutoff=0.6)
    shown = list(dict.fromkeys(labels[k] for k in close))[:3]
    if not shown:
        return ""
    return " (did you mean " + " or ".join(f"'{label}'" for label in shown) + "?)"


def _unique(records: Iterable[T]) -> list[T]:
    seen: list[T] = []
    for record in records:
        if not any(record is s for s in seen):
            seen.append(record)
    return seen


def _label(record: T, names: Callable[[T], Iterable[str]]) -> str:
    return next(iter(names(record)))
