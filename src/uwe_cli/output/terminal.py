"""The table format: a view's shown text laid out by Rich for a terminal, a pipe or a file.

All Rich code lives here, imported only for this format. Rich markup, emoji codes and
highlighting are off: data is shown as it is (controls made visible first).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table as RichTable
from rich.text import Text

from uwe_cli.names.matching import spans
from uwe_cli.output.encoding import degrade
from uwe_cli.output.fitting import fit
from uwe_cli.output.sanitize import visible
from uwe_cli.output.screen import GLUE, TYPESET, glued, width_of
from uwe_cli.output.shown import Shown, ShownSection, ShownTable

# Bar chart cells narrower than this say little; labels wrap instead.
_MIN_BARS = 5
# A value beside its label gets at least this many columns (or its own length), else
# it goes under its label.
_MIN_VALUE = 16


def make_console(*, no_color: bool = False, stderr: bool = False, width: int | None = None) -> Console:
    # Rich honours FORCE_COLOR and TERM=dumb itself. --no-color (and NO_COLOR) mean plain
    # text: no colour, and no bold or underline either (Rich's own no_color keeps those).
    plain = no_color or bool(os.environ.get("NO_COLOR"))
    # Rich takes COLUMNS=0 for a screen of no width (and prints nothing), and fails on
    # COLUMNS=²: a COLUMNS or LINES that is not a positive number is treated as unset, as
    # screen.py does. (Rich reads them whenever width or height is left to it.)
    height = None
    if _not_a_size(os.environ.get("COLUMNS")) or _not_a_size(os.environ.get("LINES")):
        stream = sys.stderr if stderr else sys.stdout
        width = width or width_of(stream) or 80  # (Rich's size off a terminal: 80 by 25)
        lines = os.environ.get("LINES", "")
        height = int(lines) if not _not_a_size(lines) else _lines_of(stream) or 25
    console = Console(stderr=stderr, color_system=None if plain else "auto", highlight=False, emoji=False,
                      markup=False, soft_wrap=False, width=width, height=height)  # fmt: skip

    def broken_pipe() -> None:
        # Rich would exit 1 here; let the caller end quietly instead (`uwe clusters | head -1`).
        console.quiet = True
        raise BrokenPipeError

    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]
    return console


def _lines_of(stream: Any) -> int | None:
    try:
        return os.get_terminal_size(stream.fileno()).lines
    except (AttributeError, ValueError, OSError):  # (not a terminal)
        return None


def _not_a_size(given: str | None) -> bool:
    """A COLUMNS or LINES that is set but not a positive number of cells."""
    return given is not None and not (given.isascii() and given.isdigit() and int(given) > 0)


def show(shown: Shown, *, console: Console) -> RenderableType:
    """What the screen shows of `shown`, laid out for the console's width."""
    return Group(*renderables(shown, width=console.width))


# Rich breaks lines at any white space, no-break spaces included, so French `62,3 %` or
# `Statut : active` could start a line with `%` or `:`. Laid out, they are placeholders
# that Rich takes for letters one cell wide (two Unicode noncharacters), swapped back after.
# A plain space that French typography puts before `: ; ! ? % »` or after `«` is glued
# the same way, and written as the no-break space typography puts there (screen.TYPESET),
# so that a table pasted into a document, or an exported file, keeps the rule too.
_NO_BREAK = str.maketrans({"\u00a0": "\ufdd0", "\u202f": "\ufdd1"})
UNGLUE = str.maketrans({"\ufdd0": "\u00a0", "\ufdd1": "\u202f", GLUE: " ", **TYPESET})


def print_plain_or_styled(renderable: RenderableType, *, console: Console, pager: bool = False) -> None:
    # crop=False: verbatim text (a BibTeX entry) keeps its long lines whole; everything
    # else is laid out to fit already.
    with console.capture() as captured:
        console.print(renderable, crop=False)
    shown = captured.get().translate(UNGLUE)
    if console.color_system is None:
        # Plain text (a pipe, a file, TERM=dumb): Rich pads every line of a table to the
        # screen's width; drop those trailing spaces so the output greps and diffs cleanly.
        shown = "".join(line.rstrip() + "\n" for line in shown.splitlines())
    if pager:  # (pager.py: on a terminal, for a view taller than the screen)
        from uwe_cli.output import pager as paging

        paging.write(shown, stream=console.file)
        return
    console.file.write(shown)
    console.file.flush()


def _shown(value: str) -> str:
    """Data text as the screen will show it: controls visible, degraded to the encoding,
    no-break spaces glued (see _NO_BREAK)."""
    shown = degrade(visible(value), sys.stdout).translate(_NO_BREAK)  # (visible: data has no placeholder)
    return glued(shown)


def _text(value: str, style: str = "", *, highlight: str = "") -> Text:
    text = Text(_shown(value), style=style)
    if highlight:  # (styles show on a colour terminal only; plain output drops them)
        for start, end in spans(text.plain, highlight):
            text.stylize("bold reverse", start, end)
    return text


def renderables(shown: Shown, *, width: int, note_style: str = "dim italic") -> list[RenderableType]:
    out: list[RenderableType] = [_text(shown.title, "bold")]
    if isinstance(shown, ShownTable):
        if not shown.rows:  # an empty result: its title says so; render.py says what to try
            return out
        out.append(_table(shown, width=width))
        if shown.chart:
            out += [_text(""), _text(shown.chart_title, "bold"), _bars(shown, width=width)]
    else:
        if shown.fields:
            out.append(_fields(shown.fields, width=width))
        for section in shown.sections:
            out += _section(section, width=width)
    if shown.notes:
        out.append(_text(""))
        out += [_text(note, note_style) for note in shown.notes]
    return out


def _section(section: ShownSection, *, width: int) -> list[RenderableType]:
    out: list[RenderableType] = [_text(""), _text(section.heading, "bold underline")]
    if section.fields:
        out.append(_fields(section.fields, width=width))
    if section.items:
        out.append(_bullets("•", [(item.text, item.points) for item in section.items]))
    if section.verbatim:  # as it is, whatever the width: a line cut in two is no longer BibTeX
        out.append(Text(_shown(section.verbatim), no_wrap=True, overflow="ignore"))
    return out


def _table(shown: ShownTable, *, width: int) -> RenderableType:
    headers = [(_shown(label), justify) for label, justify in shown.headers]
    rows = [[_shown(cell) for cell in row] for row in shown.rows]
    widths = fit(headers, rows, available=width - 3 * (len(headers) - 1))
    if widths is None:  # too narrow a screen for every column: tell the rows one by one
        return _stacked(shown, width=width)
    # Where a cell takes more than one line, a blank line between rows keeps its second
    # line from reading as a row of its own ("Brussels-Capital" / "Region"): between every
    # two rows, or, where a few rows only are that tall (a wide screen), around those rows.
    tall = [any(len(cell) > w or "\n" in cell for cell, w in zip(row, widths, strict=True)) for row in rows]
    few = sum(tall) <= len(rows) // 4
    table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False,
                      show_lines=any(tall) and not few)  # fmt: skip
    for (label, justify), column_width in zip(shown.headers, widths, strict=True):
        table.add_column(_text(label, "bold"), justify=justify, overflow="fold", width=column_width)
    for i, row in enumerate(shown.rows):
        apart = few and i + 1 < len(rows) and (tall[i] or tall[i + 1])
        table.add_row(*(_text(cell, highlight=shown.highlight) for cell in row), end_section=apart)
    return table


def _stacked(shown: ShownTable, *, width: int) -> RenderableType:
    """A table too wide for the screen, told row by row: "Header  value" under each name,
    laid out alike for every row."""
    rows = [(first, tuple((label, cell) for (label, _), cell in zip(shown.headers[1:], rest, strict=True) if cell))
            for first, *rest in shown.rows]  # fmt: skip
    layout = _layout([pair for _, pairs in rows for pair in pairs], width=width - 2)
    blocks: list[RenderableType] = []
    for first, pairs in rows:
        blocks.append(_text(first or "—", "bold", highlight=shown.highlight))
        if pairs:
            fields = _fields(pairs, width=width - 2, highlight=shown.highlight, layout=layout)
            blocks.append(Padding(fields, (0, 0, 0, 2), expand=False))
    return Group(*blocks)


def _layout(fields: list[tuple[str, str]] | tuple[tuple[str, str], ...], *, width: int) -> int:
    """The label column's width for `fields` side by side, or 0: each value under its label,
    where the labels would leave the values too little room."""
    if not fields:
        return 0
    label_width = max(len(_shown(label)) for label, _ in fields)
    values = [_shown(value) for _, value in fields]
    longest_word = max((len(word) for value in values for word in value.split()), default=0)
    needed = max(longest_word, min(_MIN_VALUE, max(len(value) for value in values)))
    return label_width if width - label_width - 2 >= needed else 0


def _fields(
    fields: tuple[tuple[str, str], ...], *, width: int, highlight: str = "", layout: int | None = None
) -> RenderableType:
    """Labels and values: side by side, each label on one line (a label wrapped in two would
    read as two fields), or each value under its label (see `_layout`)."""
    label_width = _layout(fields, width=width) if layout is None else layout
    if not label_width:
        blocks: list[RenderableType] = []
        for label, value in fields:
            blocks += [_text(label, "bold"), Padding(_text(value, highlight=highlight), (0, 0, 0, 2), expand=False)]
        return Group(*blocks)
    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True, min_width=label_width)
    grid.add_column(overflow="fold")
    for label, value in fields:
        grid.add_row(_text(label), _text(value, highlight=highlight))
    return grid


def _bullets(mark: str, texts: list[tuple[str, tuple[str, ...]]]) -> RenderableType:
    # A grid, so that a long text wraps under its own first letter, not under the mark.
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for text, points in texts:
        body: RenderableType = _text(text)
        if points:
            body = Group(body, _bullets("–", [(point, ()) for point in points]))
        grid.add_row(_text(mark), body)
    return grid


def _bars(shown: ShownTable, *, width: int) -> RenderableType:
    """The chart: labels whole where there is room for bars beside them, else wrapped
    between words, with a blank line after each bar so that a label's second line does
    not read as another bar's."""
    labels = [_shown(b.label) for b in shown.chart]
    shown_width = max(len(b.shown) for b in shown.chart)
    label_width = max(len(label) for label in labels)
    wrapped = width - label_width - shown_width - 2 < _MIN_BARS
    if wrapped:
        longest_word = max(len(word) for label in labels for word in label.split())
        label_width = max(longest_word, width - shown_width - 2 - _MIN_BARS)
    room = max(_MIN_BARS, min(40, width - label_width - shown_width - 2))
    top = max(b.value for b in shown.chart) or 1
    grid = RichTable.grid(padding=(0, 1, 1 if wrapped else 0, 0))
    grid.add_column(overflow="fold", width=label_width)
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    for bar in shown.chart:
        grid.add_row(_text(bar.label), _text("█" * max(1, round(room * bar.value / top)), "cyan"), _text(bar.shown))
    return grid


def status(message: str) -> Any:
    """A spinner on stderr while something slow runs."""
    return make_console(stderr=True).status(message)
