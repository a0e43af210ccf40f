"""Shell completion: `uwe cluster t<TAB>` offers what `uwe cluster t` would match.

The name matcher (lookup.find) takes an id, a name in either language, an alias or a
synonym, ignoring case, accents, spaces and punctuation, and a unique beginning of any
of them. Completion offers one word for every record or choice with a name that begins
so: its id where the id begins with what was typed, else that name, spelt to begin with
what was typed and with hyphens for spaces and punctuation (`--sector É<TAB>` offers
`Énergie`; `uwe cluster t<TAB>` offers `tweed`, `twist` and `transport-ferroviaire`).
Every word offered begins with what was typed (Typer keeps no other), needs no quoting
in a shell, and names its record to the matcher.

Loaded at every start (options.py names these functions in its options), so it imports
nothing but the standard library until the shell asks for completions.
"""

# No `from __future__ import annotations`: Typer reads the annotations of these functions
# (by their names `ctx` and `incomplete`) when it builds the commands.
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

Completer = Callable[[Any, str], list[str]]


def records(kind: str) -> Completer:
    """Complete a record of `kind` (`regions`, `clusters`...; `citable`: anything `uwe cite` takes)."""

    def complete(ctx: Any, incomplete: str) -> list[str]:
        from uwe_cli.names import lookup

        dataset = _dataset(ctx)
        if dataset is None:
            return []
        if kind == "citable":
            from uwe_cli.views.common import citable

            return matching([(r["id"], lookup.names(r)) for _, r in citable(dataset, slides=False)], incomplete)
        return matching([(r["id"], lookup.names(r)) for r in dataset[kind]], incomplete)

    return complete


def citable(ctx: Any, incomplete: str) -> list[str]:
    """Complete what `uwe cite` takes: first a view, a kind or a record; after a kind, a
    record of that kind (`slide w<TAB>`); after a record, one of its figures
    (`wallonia g<TAB>` offers `gdp-per-capita`, `gdp-per-capita-index`...)."""
    from uwe_cli.names import lookup

    dataset = _dataset(ctx)
    if dataset is None:
        return []
    from uwe_cli.errors import UsageError
    from uwe_cli.views import cite
    from uwe_cli.views.common import citable as records
    from uwe_cli.vocabulary import CITED_VIEWS

    before = [str(word) for word in (ctx.params.get("what") or ())] if ctx is not None else []
    if not before:
        return matching([*((v, (v,)) for v in CITED_VIEWS), *((w, (w,)) for w in cite.KIND_WORDS),
                         *((r["id"], lookup.names(r)) for _, r in records(dataset, slides=False))], incomplete)  # fmt: skip
    kind = cite.kind_of(before[0])
    if len(before) == 1 and kind is not None:
        everything = [*records(dataset, slides=True), *cite.views(dataset)]
        return matching([(r["id"], lookup.names(r)) for k, r in everything if k == kind], incomplete)
    try:
        found = cite.target(dataset, before)
    except UsageError:
        return []
    if found.kind in ("view", "figure", "dataset"):
        return []
    owner = next(r for k, r in records(dataset, slides=True) if (k, r["id"]) == (found.kind, found.ident))
    return matching([(name, (name,)) for name in cite.figures(found.kind, owner)], incomplete)


def choices(options: dict[str, tuple[str, ...]]) -> Completer:
    """Complete one of the fixed choices of vocabulary.py, by its value or another word for it."""

    def complete(ctx: Any, incomplete: str) -> list[str]:
        return matching([(value, (value, *words)) for value, words in options.items()], incomplete)

    return complete


def matching(candidates: Iterable[tuple[str, Iterable[str]]], incomplete: str) -> list[str]:
    """A word for each of `candidates` (id, names) with a name that begins like `incomplete`."""
    from uwe_cli.names.matching import fold

    if re.search(r"[^\w+-]", incomplete):  # (a quote or a bracket: the shell's business)
        return []
    key = fold(incomplete)
    offered: list[str] = []
    for value, names in candidates:
        names = [name for name in names if fold(name).startswith(key)]
        word = value if value.startswith(incomplete) else next(filter(None, (_spelt(n, incomplete) for n in names)), "")
        if names and word and word not in offered:
            offered.append(word)
    return offered


def _spelt(name: str, incomplete: str) -> str:
    """`name` as one shell word that begins with `incomplete` and folds as `name` does
    (`Transport ferroviaire` after `t` is `transport-ferroviaire`), or "": where what was
    typed has accents, only a name with the same accents (`É` gives `Énergie`, never
    `Énvironment`)."""
    from uwe_cli.names.matching import fold

    slug = re.sub(r"[^\w+]+", "-", name).strip("-")
    if not incomplete.isascii() and not slug.casefold().startswith(incomplete.casefold()):
        return ""
    key = fold(incomplete)
    for end in range(len(slug) + 1):  # the shortest beginning of the name that was typed
        if fold(slug[:end]) == key:
            return incomplete + slug[end:]
    return ""


def _dataset(ctx: Any) -> Any:
    """The dataset in use (`--data-dir`, else $UWE_DATA_DIR, else the shipped data), or None."""
    from uwe_cli.dataset import store
    from uwe_cli.errors import UweError

    try:
        given = ctx.find_root().params.get("data_dir") if ctx is not None else None
        return store.load_dataset(store.resolve_data_dir(Path(given) if given else None))
    except (UweError, OSError, AttributeError):
        return None
