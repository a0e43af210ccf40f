"""A view's form as text in one language: what the table and Markdown formats show.

`derive` is the one place where a form's data becomes display text: every cell, field and
item is its `show` function applied to the localized data, the very data `--format json`
prints. So the table, Markdown and JSON cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from uwe_cli.i18n.language import Language
from uwe_cli.i18n.messages import msg
from uwe_cli.names import matching
from uwe_cli.output.screen import typeset
from uwe_cli.views.form import Comparison, Document, Field, Form, Section, Table

# What every view says of its texts outside the slides' own language.
TRANSLATED = msg("Texts translated from the slides' French by the tool; --lang fr shows the slides' own words.")


@dataclass(frozen=True)
class Bar:
    """One bar of a horizontal bar chart."""

    label: str
    value: float
    shown: str


@dataclass(frozen=True)
class ShownTable:
    title: str
    headers: tuple[tuple[str, Literal["left", "right"]], ...]
    rows: tuple[tuple[str, ...], ...]
    chart: tuple[Bar, ...] = ()
    chart_title: str = ""
    notes: tuple[str, ...] = ()
    # A search key: the table view highlights the words that start with it.
    highlight: str = ""


@dataclass(frozen=True)
class ShownItem:
    text: str
    points: tuple[str, ...] = ()
    # The localized data item it shows, for a renderer that links it (output/site).
    item: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ShownSection:
    heading: str
    items: tuple[ShownItem, ...] = ()
    # Label/value pairs shown before the items.
    fields: tuple[tuple[str, str], ...] = ()
    # Text shown as it is, line for line (a BibTeX entry), after the items.
    verbatim: str = ""
    # Items of the data not shown (derive's `most`): counted, for the reader.
    more: int = 0


@dataclass(frozen=True)
class ShownDocument:
    title: str
    fields: tuple[tuple[str, str], ...] = ()
    sections: tuple[ShownSection, ...] = ()
    notes: tuple[str, ...] = ()


Shown = ShownTable | ShownDocument


def localized(form: Form, lang: Language) -> Any:
    """The form's data in `lang`, in the order it is shown: what `--format json` prints."""
    data = lang.localize(form.data)
    if isinstance(form, (Table, Comparison)) and form.order_by is not None:
        key = form.order_by
        data.sort(key=lambda row: matching.fold(str(row.get(key) or "")), reverse=form.order_reversed)
    return data


def derive(form: Form, data: Any, lang: Language, *, most: int | None = None) -> Shown:
    """`form` shown in `lang`, from `data`: the form's data as `lang.localize` gave it; with
    `most`, a section's first `most` items only (the rest counted in its `more`)."""
    # (the tool's own words typeset: French `Capitale :` keeps its no-break space in any format)
    notes = tuple(typeset(str(lang.localize(note))) for note in form.notes)
    if form.translated and not lang.is_source:
        notes += (typeset(lang.message(TRANSLATED)),)
    title = typeset(str(lang.localize(form.title)))
    if isinstance(form, Table):
        return _table(form, data, lang, title=title, notes=notes)
    if isinstance(form, Comparison):
        headers = (("", "left"), *((str(record.get(form.header, "")), "left") for record in data))
        # (every cell is shown, None included: a comparison says "—" rather than leave a gap)
        rows = tuple(
            (typeset(str(lang.localize(f.label))), *(f.show(at(record, f.key), lang) for record in data))
            for f in form.rows
        )
        return ShownTable(title, headers, rows, notes=notes)  # type: ignore[arg-type]
    return _document(form, data, lang, title=title, notes=notes, most=most)


def _table(
    form: Table, data: list[dict[str, Any]], lang: Language, *, title: str, notes: tuple[str, ...]
) -> ShownTable:
    headers = tuple((typeset(str(lang.localize(c.label))), c.justify) for c in form.columns)
    rows = [tuple(c.show(at(row, c.key), lang) for c in form.columns) for row in data]
    bars = []
    if form.chart:
        chart = form.chart
        bars = [Bar(str(at(row, chart.label)), at(row, chart.value), chart.show(at(row, chart.value), lang))
                for row in data if at(row, chart.value) is not None]  # fmt: skip
    chart_title = typeset(lang.message(form.chart.title)) if form.chart else ""
    return ShownTable(title, headers, tuple(rows), tuple(bars), chart_title, notes, form.highlight)


def _document(
    form: Document, data: Any, lang: Language, *, title: str, notes: tuple[str, ...], most: int | None
) -> ShownDocument:
    fields = _fields(form.fields, data, lang)
    shown = (_section(section, data, lang, most=most) for section in form.sections)
    sections = tuple(s for s in shown if s is not None)
    return ShownDocument(title, fields, sections, notes)


def _fields(fields: tuple[Field, ...], data: Any, lang: Language) -> tuple[tuple[str, str], ...]:
    shown = ((typeset(str(lang.localize(f.label))), _value(f, data, lang)) for f in fields)
    return tuple((label, value) for label, value in shown if value)


def _value(field: Field, data: Any, lang: Language) -> str:
    value = at(data, field.key)
    return field.show(value, lang) if value is not None else ""


def _section(section: Section, data: Any, lang: Language, *, most: int | None) -> ShownSection | None:
    items: list[ShownItem] = []
    more = 0
    if section.items is not None:
        found = at(data, section.items)
        listed = found if isinstance(found, list) else [] if found in (None, "") else [found]
        if section.only is not None:
            key, wanted = section.only
            listed = [item for item in listed if item.get(key) == wanted]
        if most is not None and len(listed) > most:  # (before `show`: 60,000 items cost seconds)
            listed, more = listed[:most], len(listed) - most
        for item in listed:
            text = section.show(item, lang)
            if text:
                points = tuple(section.points(item, lang)) if section.points else ()
                items.append(ShownItem(text, points, item))
        if section.distinct:
            items = list({item.text: item for item in items}.values())
    fields = _fields(section.fields, data, lang)
    verbatim = str(at(data, section.verbatim) or "") if section.verbatim else ""
    if not (items or fields or verbatim):
        return None
    return ShownSection(typeset(str(lang.localize(section.heading))), tuple(items), fields, verbatim, more)


def at(data: Any, key: str) -> Any:
    """The value at a dotted `key` of the data (`organisation.members`, `regions.0`); "" is all."""
    if not key:
        return data
    for part in key.split("."):
        if isinstance(data, list):
            data = data[int(part)] if part.isdigit() and int(part) < len(data) else None
        elif isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data
