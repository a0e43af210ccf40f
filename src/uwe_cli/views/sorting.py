"""`--sort KEY` for every list whose order matters (regions, groupings, schemes, search hits).

One rule everywhere, said in every command's help: a name sorts A to Z and a figure largest
first, the order a reader most often wants; `-KEY` reverses it (`--sort -gdp`: smallest
first). Rows without the value come last either way; ties keep the source's order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from uwe_cli.names import lookup

T = TypeVar("T")


@dataclass(frozen=True)
class Order:
    """A sort asked for: the key, and whether `-KEY` reversed its natural direction."""

    key: str
    reverse: bool = False


def parse(
    sort: str | None, keys: Mapping[str, tuple[str, ...]], *, shown: Any = None, words: Any = None
) -> Order | None:
    """The order `--sort` asks for (`gdp`, `-gdp`, `pib`), or None for the source's order.
    An unknown key lists the valid ones (lookup.choose); `shown`, the words the tool shows
    for each key in every language (`bbp`, `БВП`), which it accepts too; `words`, each key in
    the reader's words, for the hint."""
    if sort is None:
        return None
    text = sort.strip()
    reverse = text.startswith("-")
    return Order(
        lookup.choose(text.removeprefix("-").strip(), keys, what="sort key", shown=shown, words=words), reverse
    )


def ordered(rows: Sequence[T], value: Callable[[T], Any], *, largest_first: bool, reverse: bool = False) -> list[T]:
    """`rows` by `value` (None last), largest first or smallest first, flipped by `reverse`."""
    known = [r for r in rows if value(r) is not None]
    missing = [r for r in rows if value(r) is None]
    descending = largest_first != reverse
    return sorted(known, key=value, reverse=descending) + missing
