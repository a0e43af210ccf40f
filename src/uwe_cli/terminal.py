"""The table format: a view's shown text laid out by Rich for a terminal, a pipe or a file.

All Rich code lives here, imported only for this format. Rich markup, emoji codes and
highlighting are off: data is shown as it is (controls made visible first).
"""

from __future__ import annotations

import re
import sys
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table as RichTable
from rich.text import Text

from uwe_cli.encoding import degrade
from uwe_cli.fitting import fit
from uwe_cli.sanitize import visible
from uwe_cli.shown import Shown, ShownSection, ShownTable


def make_console(*, no_color: bool = False, stderr: bool = False) -> Console:
    # Rich honours NO_COLOR, FORCE_COLOR and TERM=dumb itself; --no-color adds to them.
    console = Console(stderr=stderr, no_color=no_color or None, highlight=False, emoji=False, markup=False,
                      soft_wrap=False)  # fmt: skip

    def broken_pipe() -> None:
        # Rich would exit 1 here; let the caller end quietly instead (`uwe clusters | head -1`).
        console.quiet = True
        raise BrokenPipeError

    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]
    return console


def show(shown: Shown, *, console: Console) -> RenderableType:
    """What the screen shows of `shown`, laid out for the console's width."""
    return Group(*_renderables(shown, width=console.width))


# Rich breaks lines at any white space, no-break spaces included, so French `62,3 %` or
# `Statut : active` could start a line with `%` or `:`. Laid out, they are placeholders
# that Rich takes for letters one cell wide (two Unicode noncharacters), swapped back after.
# A plain space that French typography puts before `: ; ! ? % »` or after `«` is glued
# the same way (the slides' own text has plain spaces there; it is shown as it is).
_GLUE = str.maketrans({"\u00a0": "\ufdd0", "\u202f": "\ufdd1"})
_GLUED_SPACE = re.compile(r" (?=[:;!?%»])|(?<=«) ")
_UNGLUE = str.maketrans({"\ufdd0": "\u00a0", "\ufdd1": "\u202f", "\ufdd2": " "})


def print_plain_or_styled(renderable: RenderableType, *, console: Console) -> None:
    with console.capture() as captured:
        console.print(renderable)
    shown = captured.get().translate(_UNGLUE)
    if console.color_system is None:
        # Plain text (a pipe, a file, TERM=dumb): Rich pads every line of a table to the
        # screen's width; drop those trailing spaces so the output greps and diffs cleanly.
        shown = "".join(line.rstrip() + "\n" for line in shown.splitlines())
    console.file.write(shown)
    console.file.flush()


def _shown(value: str) -> str:
    """Data text as the screen will show it: controls visible, degraded to the encoding,
    no-break spaces glued (see _GLUE)."""
    shown = degrade(visible(value), sys.stdout).translate(_GLUE)  # (visible: data has no placeholder)
    return _GLUED_SPACE.sub("\ufdd2", shown)


def _text(value: str, style: str = "") -> Text:
    return Text(_shown(value), style=style)


def _renderables(shown: Shown, *, width: int) -> list[RenderableType]:
    out: list[RenderableType] = [_text(shown.title, "bold")]
    if isinstance(shown, ShownTable):
        out.append(_table(shown, width=width))
        if shown.chart:
            out += [_text(""), _text(shown.chart_title, "bold"), _bars(shown, width=width)]
    else:
        if shown.fields:
            out.append(_fields(shown.fields))
        for section in shown.sections:
            out += _section(section)
    if shown.notes:
        out.append(_text(""))
        out += [_text(note, "dim italic") for note in shown.notes]
    return out


def _section(section: ShownSection) -> list[RenderableType]:
    out: list[RenderableType] = [_text(""), _text(section.heading, "bold underline")]
    if section.fields:
        out.append(_fields(section.fields))
    if section.items:
        out.append(_bullets("•", [(item.text, item.points) for item in section.items]))
    if section.verbatim:
        out.append(_text(section.verbatim))
    return out


def _table(shown: ShownTable, *, width: int) -> RenderableType:
    headers = [(_shown(label), justify) for label, justify in shown.headers]
    rows = [[_shown(cell) for cell in row] for row in shown.rows]
    widths = fit(headers, rows, available=width - 3 * (len(headers) - 1))
    if widths is None:  # too narrow a screen for every column: tell the rows one by one
        return _stacked(shown)
    table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for (label, justify), column_width in zip(shown.headers, widths, strict=True):
        table.add_column(_text(label, "bold"), justify=justify, overflow="fold", width=column_width)
    for row in shown.rows:
        table.add_row(*(_text(cell) for cell in row))
    return table


def _stacked(shown: ShownTable) -> RenderableType:
    """A table too wide for the screen, told row by row: "Header  value" under each name."""
    blocks: list[RenderableType] = []
    for first, *rest in shown.rows:
        blocks.append(_text(first or "—", "bold"))
        pairs = tuple((label, cell) for (label, _), cell in zip(shown.headers[1:], rest, strict=True) if cell)
        if pairs:
            blocks.append(Padding(_fields(pairs), (0, 0, 0, 2), expand=False))
    return Group(*blocks)


def _fields(fields: tuple[tuple[str, str], ...]) -> RenderableType:
    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(style="bold", overflow="fold")
    grid.add_column(overflow="fold")
    for label, value in fields:
        grid.add_row(_text(label), _text(value))
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
    label_width = max(len(b.label) for b in shown.chart)
    shown_width = max(len(b.shown) for b in shown.chart)
    room = max(5, min(40, width - min(label_width, width // 3) - shown_width - 4))
    top = max(b.value for b in shown.chart) or 1
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(overflow="fold", max_width=max(8, width // 3))
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    for bar in shown.chart:
        grid.add_row(_text(bar.label), _text("█" * max(1, round(room * bar.value / top)), "cyan"), _text(bar.shown))
    return grid


def export(renderable: RenderableType, *, suffix: str, width: int, title: str) -> str:
    """`renderable` as the screen showed it, in an SVG, HTML or text file, with its styles."""
    import io

    console = Console(file=io.StringIO(), record=True, width=width, force_terminal=True, color_system="truecolor",
                      highlight=False, emoji=False, markup=False)  # fmt: skip
    console.print(renderable)
    if suffix == ".svg":
        content = console.export_svg(title=visible(title))
    elif suffix == ".html":
        content = console.export_html()
    else:
        content = console.export_text()
    return content.translate(_UNGLUE)


def status(message: str) -> Any:
    """A spinner on stderr while something slow runs."""
    return make_console(stderr=True).status(message)
