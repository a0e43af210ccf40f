"""The one output layer: a `Table` or `Document` in, table / JSON / CSV / Markdown out.

All Rich code lives here, and Rich is imported only for the `table` format: JSON, CSV and
Markdown are written with the standard library, which keeps scripts' start-up short.
Text from data is shown, never interpreted: no Rich markup, no emoji codes, and control
characters (ESC, BEL, C1 codes...) are made visible before anything reaches a terminal.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from uwe_cli.errors import UsageError, UweError
from uwe_cli.results import Result, Table
from uwe_cli.sanitize import json_escaped, visible
from uwe_cli.vocabulary import EXPORT_SUFFIXES

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def render(result: Result, *, fmt: str, no_color: bool = False, export: Path | None = None) -> None:
    """Write `result` to stdout in `fmt`; with `export`, also save what the table showed."""
    if fmt == "json":
        # \u escapes keep JSON exact where the output encoding cannot show a character.
        _write(_json(result.data, ascii_only=not _encodable("€—é", sys.stdout)))
    elif fmt == "csv":
        _write(_csv(result.data))
    elif fmt == "markdown":
        _write(_markdown(result))
    else:
        _rich(result, no_color=no_color, export=export)


def error(message: str) -> None:
    """One line on stderr: what is wrong, where, and what to do."""
    _write_stderr(f"uwe: error: {visible(message)}\n".replace("\n", " ").rstrip() + "\n")


def problems(found: Iterable[object]) -> None:
    """Every problem of a data folder, one per line on stderr (`uwe data check`)."""
    _write_stderr("".join(f"{visible(str(problem))}\n" for problem in found))


def _write_stderr(text: str) -> None:
    # With standard error closed (`uwe regions 2>&-`) Python sets sys.stderr to None, and
    # `None or sys.stdout` would send the message into the data. It is dropped instead (the
    # exit code still says what happened), as when stderr cannot be written at all.
    if sys.stderr is None:
        return
    try:
        _write(text, stream=sys.stderr)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def line(text: str) -> None:
    """A line of plain text on stdout (the `uwe data` commands)."""
    _write(f"{visible(text)}\n")


def progress(total_bytes: int) -> Any:
    """A spinner on stderr while a large data folder is validated (on a terminal only)."""
    from contextlib import nullcontext

    if sys.stderr is None or not sys.stderr.isatty():  # (None: standard error is closed)
        return nullcontext()
    console = make_console(stderr=True)
    return console.status(f"Reading and validating {total_bytes / 2**20:.1f} MiB of data…")


def check_export(path: Path | None) -> None:
    """Refuse an export path before any work is done (never overwrite a user's file)."""
    if path is None:
        return
    if path.is_dir():
        raise UsageError(f"--export {path}: is a folder; give a file name ending in {', '.join(EXPORT_SUFFIXES)}")
    if path.suffix.lower() not in EXPORT_SUFFIXES:
        raise UsageError(f"--export {path}: use a file name ending in {', '.join(EXPORT_SUFFIXES)}")
    if path.exists():
        raise UsageError(f"--export {path}: file already exists; uwe never overwrites a file")
    if not path.parent.is_dir():
        raise UsageError(f"--export {path}: folder {path.parent} does not exist")


def _write(text: str, *, stream: Any = None) -> None:
    stream = sys.stdout if stream is None else stream
    stream.write(_degrade(text, stream))


# Where the output encoding cannot show a character ('€', '─', 'é' under
# PYTHONIOENCODING=ascii), say it in plain letters rather than crash or print '?'.
_PLAIN = str.maketrans(
    {"€": "EUR", "²": "2", "•": "*", "–": "-", "—": "-", "─": "-", "█": "#", "…": "...", "’": "'",
     "«": '"', "»": '"', "“": '"', "”": '"', "\u00a0": " ", "\u202f": " "}
)


def _encodable(text: str, stream: Any) -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _degrade(text: str, stream: Any) -> str:
    if _encodable(text, stream):
        return text
    import unicodedata

    plain = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return "".join(c for c in plain if not unicodedata.combining(c))


# JSON and CSV: the machine form, numbers as numbers.


def _json(data: Any, *, ascii_only: bool = False) -> str:
    if isinstance(data, list):
        # A list of records: one record per line. Readable, easy to grep, and encoded by
        # json's C encoder (an indent makes it fall back to pure Python, ~10x slower).
        lines = ",\n  ".join(json.dumps(row, ensure_ascii=ascii_only) for row in data)
        shown = f"[\n  {lines}\n]" if data else "[]"
    else:
        shown = json.dumps(data, ensure_ascii=ascii_only, indent=2)
    # json escapes C0 controls itself; C1 controls, bidi overrides, separators and format
    # characters are valid JSON text but a terminal or reader acts on them: escape them too.
    return json_escaped(shown) + "\n"


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """One CSV row: nested fields as `field.sub`, lists of values joined with `; `."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(_flatten(item, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(value, list):
        if not value:
            return {prefix: ""}  # an empty cell, so that the columns do not depend on the rows
        if all(not isinstance(v, (dict, list)) for v in value):
            return {prefix: "; ".join("" if v is None else str(v) for v in value)}
        out = {}
        for i, item in enumerate(value):
            out.update(_flatten(item, f"{prefix}.{i}"))
        return out
    return {prefix: value}


def _csv(data: Any) -> str:
    import csv

    rows = [_flatten(r) for r in (data if isinstance(data, list) else [data])]
    if not rows:
        return ""  # no rows, no columns to name
    header = list(dict.fromkeys(k for r in rows for k in r))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(k)) for k in header])
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # as in JSON, not Python's True/False
    shown = visible(str(value))
    # A spreadsheet would run a cell starting with = + - @ as a formula: data is text.
    if shown[:1] in ("=", "+", "-", "@") and not isinstance(value, (int, float)):
        shown = "'" + shown
    return shown


# Markdown: a pipe table or headed lists, with data's markdown characters escaped.

_FENCE = "`" * 3
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", visible(text)).replace("\n", "<br>")


def _markdown(result: Result) -> str:
    lines = [f"## {_md(result.title)}", ""]
    if isinstance(result, Table):
        lines.append("| " + " | ".join(_md(c.header) for c in result.columns) + " |")
        lines.append("| " + " | ".join("---:" if c.justify == "right" else "---" for c in result.columns) + " |")
        for row in result.rows:
            lines.append("| " + " | ".join(_md(row.get(c.key, "")) for c in result.columns) + " |")
        lines.append("")
    else:
        for label, value in result.fields:
            lines.append(f"- **{_md(label)}:** {_md(value)}")
        if result.fields:
            lines.append("")
        for section in result.sections:
            lines += [f"### {_md(section.heading)}", ""]
            lines += [f"- **{_md(label)}:** {_md(value)}" for label, value in section.fields]
            for item in section.items:
                lines.append(f"- {_md(item.text)}")
                lines += [f"  - {_md(sub)}" for sub in item.items]
            if section.verbatim:  # a fenced block; a fence inside the text would end it early
                lines += [_FENCE, visible(section.verbatim).replace(_FENCE, "'" * 3), _FENCE]
            lines.append("")
    lines += [f"*{_md(note)}*\n" for note in result.notes]
    return "\n".join(lines).rstrip("\n") + "\n"


# The table format: Rich, imported here only.


def make_console(*, no_color: bool = False, stderr: bool = False, record: bool = False) -> Console:
    from rich.console import Console

    # Rich honours NO_COLOR, FORCE_COLOR and TERM=dumb itself; --no-color adds to them.
    console = Console(
        stderr=stderr,
        no_color=no_color or None,
        record=record,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )

    def broken_pipe() -> None:
        # Rich would exit 1 here; let the caller end quietly instead (`uwe clusters | head -1`).
        console.quiet = True
        raise BrokenPipeError

    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]
    return console


def _rich(result: Result, *, no_color: bool, export: Path | None) -> None:
    from rich.console import Group

    console = make_console(no_color=no_color)
    shown = Group(*_renderables(result, console=console))
    if console.color_system is None:
        # Plain text (a pipe, a file, TERM=dumb): Rich pads every line of a table to the
        # screen's width; drop those trailing spaces so the output greps and diffs cleanly.
        with console.capture() as captured:
            console.print(shown)
        # (split at newlines only: splitlines() would also split at U+2028 and its kin)
        console.file.write("".join(line.rstrip() + "\n" for line in captured.get().removesuffix("\n").split("\n")))
        console.file.flush()
    else:
        console.print(shown)
    if export is not None:
        _export(shown, export, width=console.width, title=result.title)


def _export(shown: RenderableType, path: Path, *, width: int, title: str) -> None:
    """Save `shown` as the screen showed it, with its styles whatever the screen was."""
    from rich.console import Console

    console = Console(file=io.StringIO(), record=True, width=width, force_terminal=True, color_system="truecolor",
                      highlight=False, emoji=False, markup=False)
    console.print(shown)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        content = console.export_svg(title=visible(title))
    elif suffix == ".html":
        content = console.export_html()
    else:
        content = console.export_text()
    from uwe_cli import newfile

    try:
        # Whole or not at all, and never over a file that appeared since check_export.
        newfile.create(path, content.encode("utf-8"))
    except FileExistsError:
        raise UsageError(f"--export {path}: file already exists; uwe never overwrites a file") from None
    except OSError as exc:  # the disk, not what was asked: a data/IO error (exit 1), not usage
        raise UweError(f"--export {path}: cannot write ({exc.strerror or exc})") from None


def _shown(value: str) -> str:
    """Data text as the screen will show it: controls visible, degraded to the encoding."""
    return _degrade(visible(value), sys.stdout)


def _text(value: str, style: str = "") -> Any:
    from rich.text import Text

    return Text(_shown(value), style=style)


def _renderables(result: Result, *, console: Console) -> list[RenderableType]:
    width = console.width
    out: list[RenderableType] = [_text(result.title, "bold")]
    if isinstance(result, Table):
        out.append(_table(result, console=console))
        if result.chart:
            out += [_text(""), _text(result.chart_title, "bold"), *_bars(result, width=width)]
    else:
        if result.fields:
            out.append(_fields(result.fields))
        for section in result.sections:
            out += [_text(""), _text(section.heading, "bold underline")]
            if section.fields:
                out.append(_fields(section.fields))
            if section.items:
                out.append(_items(section))
            if section.verbatim:
                out.append(_text(section.verbatim))
    if result.notes:
        out.append(_text(""))
        out += [_text(note, "dim italic") for note in result.notes]
    return out


def _table(result: Table, *, console: Console) -> RenderableType:
    from rich import box
    from rich.table import Table as RichTable

    widths = _fit(result, available=console.width - 3 * (len(result.columns) - 1))
    if widths is None:  # too narrow a screen for every column: tell the rows one by one
        return _stacked(result)
    table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for column, width in zip(result.columns, widths, strict=True):
        table.add_column(_text(column.header, "bold"), justify=column.justify, overflow="fold", width=width)
    for row in result.rows:
        table.add_row(*(_text(row.get(c.key, "")) for c in result.columns))
    return table


def _fit(result: Table, *, available: int) -> list[int] | None:
    """Column widths that fit `available`, wrapping text between words, never inside one.

    Each column starts at its natural width; the widest column of words gives up room
    first, down to its longest word (a name cut in two reads as two names). Figures
    (right-aligned columns) keep their width; their header wraps instead. None: no fit.
    """
    natural, floor = [], []
    for column in result.columns:
        cells = [_shown(row.get(column.key, "")) for row in result.rows]
        lines = [line for cell in cells for line in cell.splitlines()] or [""]
        words = [w for text in (column.header, *cells) for w in text.split()] or [""]
        header_word = max((len(w) for w in column.header.split()), default=0)
        if column.justify == "right":
            width = max(max(len(line) for line in lines), header_word)
            natural.append(width)
            floor.append(width)
        else:
            natural.append(max(max(len(line) for line in lines), len(column.header)))
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


def _stacked(result: Table) -> RenderableType:
    """A table too wide for the screen, told row by row: "Header  value" under each name."""
    from rich.console import Group
    from rich.padding import Padding

    first, *rest = result.columns
    blocks: list[RenderableType] = []
    for row in result.rows:
        blocks.append(_text(row.get(first.key, "") or "—", "bold"))
        shown = [(c.header, row.get(c.key, "")) for c in rest if row.get(c.key)]
        if shown:
            blocks.append(Padding(_fields(tuple(shown)), (0, 0, 0, 2), expand=False))
    return Group(*blocks)


def _fields(fields: tuple[tuple[str, str], ...]) -> RenderableType:
    from rich.table import Table as RichTable

    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(style="bold", overflow="fold")
    grid.add_column(overflow="fold")
    for label, value in fields:
        grid.add_row(_text(label), _text(value))
    return grid


def _items(section: Any) -> RenderableType:
    from rich.table import Table as RichTable

    def bullets(mark: str, texts: Any) -> Any:
        # A grid, so that a long text wraps under its own first letter, not under the mark.
        grid = RichTable.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for text, subs in texts:
            body = _text(text)
            if subs:
                from rich.console import Group

                body = Group(body, bullets("–", [(sub, ()) for sub in subs]))
            grid.add_row(_text(mark), body)
        return grid

    return bullets("•", [(item.text, item.items) for item in section.items])


def _bars(result: Table, *, width: int) -> list[RenderableType]:
    from rich.table import Table as RichTable

    label_width = max(len(b.label) for b in result.chart)
    shown_width = max(len(b.shown) for b in result.chart)
    room = max(5, min(40, width - min(label_width, width // 3) - shown_width - 4))
    top = max(b.value for b in result.chart) or 1
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(overflow="fold", max_width=max(8, width // 3))
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    for bar in result.chart:
        grid.add_row(_text(bar.label), _text("█" * max(1, round(room * bar.value / top)), "cyan"), _text(bar.shown))
    return [grid]
