"""Column widths for a table on a screen of a given width: pure arithmetic, no Rich."""

from __future__ import annotations

from collections.abc import Sequence


def fit(
    headers: Sequence[tuple[str, str]], rows: Sequence[Sequence[str]], *, available: int
) -> list[int] | None:
    """Column widths that fit `available`, wrapping text between words, never inside one.

    Each column starts at its natural width; the widest column of words gives up room
    first, down to its longest word (a name cut in two reads as two names). Figures
    (right-aligned columns) keep their width; their header wraps instead. None: no fit.
    """
    natural, floor = [], []
    for i, (header, justify) in enumerate(headers):
        cells = [row[i] for row in rows]
        lines = [line for cell in cells for line in cell.splitlines()] or [""]
        words = [w for text in (header, *cells) for w in text.split()] or [""]
        if justify == "right":
            width = max(max(len(line) for line in lines), max((len(w) for w in header.split()), default=0))
            natural.append(width)
            floor.append(width)
        else:
            natural.append(max(max(len(line) for line in lines), len(header)))
            floor.append(max(len(w) for w in words))
    widths = list(natural)
    excess = sum(widths) - available
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > floor[i]]
        if not shrinkable:
            return None
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return widths
