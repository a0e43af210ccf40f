"""The one output layer: a view's form in, the chosen format on stdout.

Every format comes from the same localized data (shown.py): JSON and CSV print it,
Markdown and the table show what `shown.derive` makes of it. Rich is imported only for
the table format, so scripts asking for JSON or CSV start faster. Errors and `uwe data`
lines are written here too, with control characters made visible.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from uwe_cli.i18n.language import Language, current
from uwe_cli.i18n.messages import Message, msg, msg_n, msg_p
from uwe_cli.output import screen
from uwe_cli.output.encoding import degrade, encodable
from uwe_cli.output.sanitize import visible
from uwe_cli.output.shown import ShownDocument, ShownTable, derive, localized
from uwe_cli.views.form import Comparison, Document, Form, Table

if TYPE_CHECKING:
    from uwe_cli.errors import Problem

# The width of an --export file, whatever the screen: the same file from any terminal
# (a 40-column terminal would otherwise export a stacked slide). README documents it.
EXPORT_WIDTH = 100
# The rows a table shows at most, on a screen or in an --export file (see _bounded).
MAX_ROWS = 1_000
# The sections a document shows at most (a section is a block of lines: a note of `uwe notes`).
MAX_SECTIONS = 200
# The characters a table's cell shows at most (a text may have 10,000; JSON gives it whole).
MAX_CELL = 1_000
# The records a comparison sets side by side at most (`uwe schemes`: a column each).
MAX_COLUMNS = 50
# What ends a label in Markdown's `**Label:** value`, as the language writes it (`Capitale :`).
_LABEL_COLON = msg_p("typography", "{label}:", label="")


def render(
    form: Form,
    *,
    fmt: str,
    lang: Language,
    no_color: bool = False,
    width: int | None = None,
    export: Path | None = None,
    force: bool = False,
    pager: bool = False,
    bom: bool = False,
) -> None:
    """Write `form` to stdout in `fmt` and `lang` (the table for `width` columns, default the
    screen's); with `export`, also save the table view as a file (EXPORT_WIDTH columns)."""
    data = localized(form, lang)
    if fmt == "json":
        from uwe_cli.output.machine import to_json

        # \u escapes keep JSON exact where the output encoding cannot show a character.
        _write(to_json(data, ascii_only=not encodable("€—é", sys.stdout)))
    elif fmt == "csv":
        from uwe_cli.output.machine import to_csv

        # A byte-order mark tells Excel the file is UTF-8 (without one it shows Infopôle as InfopÃ´le).
        mark = "\ufeff" if bom and encodable("\ufeff", sys.stdout) else ""
        _write(mark + to_csv(data, keys=form.keys if isinstance(form, Table) else ()))
    elif fmt == "bibtex":  # the entry alone, for a .bib file (the command checked it has one)
        _write(str(data[form.bibtex]) + "\n")  # type: ignore[union-attr]
    elif fmt == "markdown":
        from uwe_cli.output.markdown import to_markdown

        _write(to_markdown(derive(form, data, lang), colon=screen.typeset(lang.message(_LABEL_COLON))))
    else:
        _terminal(_bounded(form, data, lang), no_color=no_color, width=width, pager=pager)
    if isinstance(form, Table) and not data and form.when_empty is not None:
        note(lang.localize(form.when_empty))
    if export is not None:
        from uwe_cli.output import export_file as exporting
        from uwe_cli.output import export_page

        shown = _bounded(form, data, lang)
        exporting.write(export, export_page.export(shown, suffix=export.suffix.lower(), width=width or EXPORT_WIDTH,
                                                lang=lang.code), force=force)  # fmt: skip
        note(lang.message(msg("wrote {file}", file=str(export))))


def _bounded(form: Form, data: Any, lang: Language) -> Any:
    """The table view of `form`, bounded: laying out more takes Rich longer than a reader
    would wait (a minute for 55,000 rows), for more than a screen can show. A table shows
    its first MAX_ROWS rows, a document its first MAX_SECTIONS sections and MAX_ROWS items
    of a list, a comparison its first MAX_COLUMNS records; the rest is counted, and JSON
    (or CSV) gives everything."""
    untold: list[Message] = []
    if isinstance(form, Table) and len(data) > MAX_ROWS:
        untold.append(msg_n("and {n} more row, not shown: --format csv or json gives every row",
                            "and {n} more rows, not shown: --format csv or json gives every row",
                            n=len(data) - MAX_ROWS))  # fmt: skip
        data = data[:MAX_ROWS]
    elif isinstance(form, Comparison) and len(data) > MAX_COLUMNS:
        untold.append(msg_n("and {n} more, not shown side by side: --format json gives every one",
                            "and {n} more, not shown side by side: --format json gives every one",
                            n=len(data) - MAX_COLUMNS))  # fmt: skip
        data = data[:MAX_COLUMNS]
    elif isinstance(form, Document) and len(form.sections) > MAX_SECTIONS:
        # (cut before the sections are derived, which costs too: a note per record of a large folder)
        untold.append(msg_n("and {n} more section, not shown: --format json gives every one",
                            "and {n} more sections, not shown: --format json gives every one",
                            n=len(form.sections) - MAX_SECTIONS))  # fmt: skip
        form = replace(form, sections=form.sections[:MAX_SECTIONS])
    shown = derive(form, data, lang, most=MAX_ROWS)
    if isinstance(shown, ShownTable) and any(len(cell) > MAX_CELL for row in shown.rows for cell in row):
        # (Rich takes seconds to wrap a few hundred cells of 10,000 characters)
        rows = tuple(tuple(_cut(cell) for cell in row) for row in shown.rows)
        shown = replace(shown, rows=rows)
        untold.append(msg("Long texts are cut short […] in this table: --format json gives them whole."))
    if isinstance(shown, ShownDocument):
        # (and the bullets and points of all its sections, MAX_ROWS at most: output/render._fewer_bullets)
        shown = _fewer_bullets(shown, lang)
        untold += [
            msg_n(
                "{section}: {n} more item not shown; --format json gives every item",
                "{section}: {n} more items not shown; --format json gives every item",
                section=section.heading,
                n=section.more,
            )  # fmt: skip
            for section in shown.sections
            if section.more
        ]
    if not untold:
        return shown
    return replace(shown, notes=(*(lang.message(told) for told in untold), *shown.notes))


def _cut(text: str) -> str:
    """`text` cut after MAX_CELL characters at most, between words where it can be."""
    if len(text) <= MAX_CELL:
        return text
    kept = text[:MAX_CELL]
    return (kept.rsplit(" ", 1)[0] if " " in kept[MAX_CELL // 2 :] else kept).rstrip() + " […]"


def _fewer_bullets(shown: ShownDocument, lang: Language) -> ShownDocument:
    """`shown` with its first MAX_ROWS bullets and points at most (a lesson of 460,000 points
    took Rich minutes to lay out); the rest counted in a note."""
    if sum(1 + len(item.points) for section in shown.sections for item in section.items) <= MAX_ROWS:
        return shown
    from dataclasses import replace

    left, hidden = MAX_ROWS, 0
    sections = []
    for section in shown.sections:
        items = []
        for item in section.items:
            if left <= 0:
                hidden += 1 + len(item.points)
                continue
            kept = item.points[: left - 1]
            hidden += len(item.points) - len(kept)
            left -= 1 + len(kept)
            items.append(replace(item, points=kept))
        if items or section.fields or section.verbatim:  # (a heading over nothing says nothing)
            sections.append(replace(section, items=tuple(items)))
    more = msg_n("and {n} more point, not shown: --format json gives every point",
                 "and {n} more points, not shown: --format json gives every point", n=hidden)  # fmt: skip
    return replace(shown, sections=tuple(sections), notes=(lang.message(more), *shown.notes))


def _terminal(shown: Any, *, no_color: bool, width: int | None, pager: bool = False) -> None:
    from uwe_cli.output import terminal

    console = terminal.make_console(no_color=no_color, width=width)
    terminal.print_plain_or_styled(terminal.show(shown, console=console), console=console, pager=pager)


def note(message: str) -> None:
    """A line for the reader on stderr, not part of the output: stdout stays the data."""
    _write_stderr(_for_stderr(current().message(msg_p("stderr", "uwe: {message}", message=visible(message)))))


def error(message: str) -> None:
    """One line on stderr: what is wrong, where, and what to do."""
    said = current().message(msg_p("stderr", "uwe: error: {message}", message=visible(message)))
    _write_stderr(_for_stderr(said.replace("\n", " ").rstrip()))


def problems(found: Iterable[Problem]) -> None:
    """Every problem of a data folder, one per line on stderr (`uwe data check`)."""
    lang = current()
    _write_stderr("".join(_for_stderr(visible(problem.told(lang))) for problem in found))


def _for_stderr(message: str) -> str:
    """A message as one line, for a log or a script; on a terminal, wrapped between words
    to its width (the terminal would cut words), its next lines indented."""
    if not screen.is_terminal(sys.stderr):
        return message + "\n"
    return screen.wrapped(message, width=screen.width_of(sys.stderr) or 80)


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


def line(text: Any, *, prose: bool = False) -> None:
    """A line of plain text on stdout (the `uwe data` commands): a message, said in the
    language of the command. `prose` is wrapped between words on a terminal (which would
    cut them); anything else (a path, a command to copy) stays one line."""
    shown = visible(str(current().localize(text)))
    if prose and screen.is_terminal(sys.stdout):
        _write(screen.wrapped(shown, width=screen.width_of(sys.stdout) or 80))
    else:
        _write(shown + "\n")


def progress(total_bytes: int) -> Any:
    """A spinner on stderr while a large data folder is validated (on a terminal only)."""
    from contextlib import nullcontext

    if sys.stderr is None or not sys.stderr.isatty():  # (None: standard error is closed)
        return nullcontext()
    from uwe_cli.output import terminal

    size = current().digits(f"{total_bytes / 2**20:.1f}")
    return terminal.status(current().message(msg("Reading and validating {size} MiB of data…", size=size)))


def _write(text: str, *, stream: Any = None) -> None:
    stream = sys.stdout if stream is None else stream
    stream.write(degrade(text, stream))
