"""Column widths for a table on a screen of a given width: pure arithmetic, no Rich."""

from __future__ import annotations

from collections.abc import Sequence


def fit(headers: Sequence[tuple[str, str]], rows: Sequence[Sequence[str]], *, available: int) -> list[int] | None:
    """Column widths that fit `available`, wrapping text between words, never inside one.

    Each column starts at its natural width, its header on one line. Where that is too
    wide, figures (right-aligned columns) first wrap their headers, over two lines, then
    three..., down to their longest figure or header word; then the widest column gives
    up room, down to its longest word (a name cut in two reads as two names). None: no fit.
    """
    natural, floor = [], []
    for i, (header, justify) in enumerate(headers):
        cells = [row[i] for row in rows]
        lines = [line for cell in cells for line in cell.splitlines()] or [""]
        words = [w for text in (header, *cells) for w in text.split()] or [""]
        natural.append(max(max(len(line) for line in lines), len(header)))
        if justify == "right":
            floor.append(max(max(len(line) for line in lines), max((len(w) for w in header.split()), default=0)))
        else:
            floor.append(max(len(w) for w in words))
    # (no column is wider than the screen: a 10,000-character text would make the search
    # below try every width down from 10,000)
    widths = [min(width, max(available, 1)) for width in natural]
    right = [i for i, (_, justify) in enumerate(headers) if justify == "right"]
    # Figures' headers wrap as little as the room allows, all over the same few lines.
    for height in range(2, 1 + max((len(headers[i][0].split()) for i in right), default=0)):
        if sum(widths) <= available:
            break
        for i in right:
            widths[i] = max(floor[i], _narrowest(headers[i][0], height))
    # Headers wrapped all alike may leave room: give it back, a header on one line, in reading
    # order ("GDP per capita" whole when the table has 16 columns to spare).
    spare = available - sum(widths)
    for i in right:
        if 0 < natural[i] - widths[i] <= spare:
            spare -= natural[i] - widths[i]
            widths[i] = natural[i]
    excess = sum(widths) - available
    fewest = _fewest_wrapped(headers, rows, widths, floor, excess=excess)
    if fewest is not None:
        return fewest
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > floor[i]]
        if not shrinkable:
            return None
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return widths


def _narrowest(header: str, lines: int) -> int:
    """The narrowest width that wraps `header` between words over at most `lines` lines."""
    import textwrap

    longest = max((len(word) for word in header.split()), default=0)
    for width in range(longest, len(header) + 1):
        if len(textwrap.wrap(header, width, break_long_words=False, break_on_hyphens=False)) <= lines:
            return width
    return len(header)


def _fewest_wrapped(
    headers: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[str]],
    widths: list[int],
    floor: list[int],
    *,
    excess: int,
) -> list[int] | None:
    """On a wide screen, the widths that wrap the fewest cells (one long name, rather than every
    domain), as even as can be among those; None where that would still wrap more than a
    quarter of the rows (a narrow screen: every column gives up room alike, see fit)."""
    if excess <= 0 or not rows:
        return None
    import bisect

    longest = [
        sorted(max((len(line) for line in row[i].splitlines()), default=0) for row in rows) for i in range(len(headers))
    ]
    # best[r]: (cells wrapped, sum of squared widths, widths) for the columns so far, r columns given up
    best: dict[int, tuple[int, int, list[int]]] = {0: (0, 0, [])}
    for i in range(len(headers)):
        after: dict[int, tuple[int, int, list[int]]] = {}
        for given, (wrapped, squares, chosen) in best.items():
            for width in range(widths[i], floor[i] - 1, -1):
                total = min(excess, given + widths[i] - width)
                candidate = (
                    wrapped + len(longest[i]) - bisect.bisect_right(longest[i], width),
                    squares + width * width,
                    [*chosen, width],
                )
                if total not in after or candidate[:2] < after[total][:2]:
                    after[total] = candidate
                if total == excess:  # (narrower still would leave room unused)
                    break
        best = after
    found = best.get(excess)
    if found is None or found[0] > len(rows) // 4:
        return None
    return found[2]
