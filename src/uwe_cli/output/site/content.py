"""A view's form as the main content of a page: semantic HTML from `shown.derive`.

Every text is what `derive` makes of the form, as on screen; this module only adds what
a page can do and a terminal cannot: a link from each record to its page, and from each
fact to the slide that states it (links.py), and `lang` on the slides' French (text.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from uwe_cli.i18n.language import Language, is_text
from uwe_cli.i18n.messages import msg
from uwe_cli.names import matching
from uwe_cli.output.shown import ShownDocument, ShownSection, ShownTable, at, derive
from uwe_cli.output.site.languages import whose
from uwe_cli.output.site.links import VIEW_PAGES, Links, page_name, relative
from uwe_cli.output.site.text import attribute, escaped, french, marked, texts_in
from uwe_cli.views.form import Comparison, Document, Form, Table

SLIDES = msg("Slides")


@dataclass(frozen=True)
class Where:
    """The page being written: its path from the site's root, its language, the links."""

    path: str
    lang: Language
    links: Links
    # What the page's translations share, by the id of a value of their form (alive while its
    # pages are written): the texts it holds (text.texts_in), the slides of its facts.
    shared: dict[Any, Any] = field(default_factory=dict, compare=False)
    # The words in another language each value of this page holds (text.french), by its id.
    _french: dict[int, list[tuple[str, str]]] = field(default_factory=dict, compare=False)

    def french(self, value: Any) -> list[tuple[str, str]]:
        found = self._french.get(id(value))
        if found is None:
            # (the value is kept with what is found in it: no other value takes its id meanwhile)
            _, texts = self.shared.get(id(value)) or self.shared.setdefault(id(value), (value, texts_in(value)))
            found = self._french[id(value)] = french(value, self.lang, texts)
        return found

    def facts_slides(self, raw: Any, inherited: list[str]) -> list[str]:
        """links.facts_slides, once for all the page's languages."""
        key = ("slides", id(raw), tuple(inherited))
        _, found = self.shared.get(key) or self.shared.setdefault(key, (raw, self.links.facts_slides(raw, inherited)))
        return list(found)

    def href(self, target: str) -> str:
        return attribute(relative(self.path, f"{self.lang.code}/{target}"))


def content(form: Form, where: Where) -> tuple[str, str]:
    """The page's title and its main content."""
    lang = where.lang
    raw: Any = form.data
    data = lang.localize(raw)
    if isinstance(form, Table) and form.order_by is not None:  # (as shown.localized orders it)
        key = form.order_by
        order = sorted(range(len(data)), key=lambda i: matching.fold(str(data[i].get(key) or "")))
        raw, data = [raw[i] for i in order], [data[i] for i in order]
    shown = derive(form, data, lang)
    if isinstance(form, Table):
        assert isinstance(shown, ShownTable)
        body = _table(shown, raw, where, tuple(c.key for c in form.columns)) + _chart(shown, where)
    elif isinstance(form, Comparison):
        assert isinstance(shown, ShownTable)
        body = _comparison(shown, raw, where)
    else:
        assert isinstance(shown, ShownDocument)
        body = _document(form, shown, raw, data, where)
    words = french(list(form.notes), lang)
    notes = "".join(f"<p>{_commands(marked(whose(lang, n), words), where)}</p>" for n in shown.notes)
    if notes:
        body += f'<div class="notes">{notes}</div>'
    return shown.title, body


# A command a note names in backticks (`uwe notes`, `uwe cluster NAME`), as escaped text has it.
_COMMAND = re.compile("`(uwe(?:[ \u00a0][^`<>]{1,40})?)`")


def _commands(shown_html: str, where: Where) -> str:
    """Each command a note names, as code, linked to the page that shows the same (if any)."""

    def code(found: re.Match[str]) -> str:
        target = _command_page(found[1].split()[1:], where)
        html_code = f"<code>{found[1]}</code>"
        return f'<a href="{where.href(target)}">{html_code}</a>' if target else html_code

    return _COMMAND.sub(code, shown_html)


def _pairs(raw: Any, data: Any) -> dict[int, Any]:
    """The raw data of each item of a localized list, by the item's id: what a shown item
    (ShownItem.item, a localized object) was made from."""
    if isinstance(data, list) and isinstance(raw, (list, tuple)) and len(raw) == len(data):
        return {id(d): r for r, d in zip(raw, data, strict=True)}
    return {id(data): raw}


def _slide_refs(slides: list[str], where: Where) -> str:
    """Links to the slides' pages, each named as the slide is cited."""
    if not slides:
        return ""
    refs = []
    for slide_id in slides:
        label = marked(where.links.label(slide_id, where.lang), where.french(where.links.titles[slide_id]))
        refs.append(f'<a class="slide-ref" href="{where.href(where.links.slides[slide_id])}">{label}</a>')
    # (`a ; b` in French, its space kept from breaking the line as the terminal keeps it)
    separator = where.lang.listing(["", ""], style="semicolon").replace(" ;", "\u00a0;")
    return f' <span class="refs">{separator.join(refs)}</span>'


def _record_link(raw: Any, text_html: str, where: Where) -> str:
    if isinstance(raw, dict):
        target = where.links.record(raw.get("id"), raw.get("kind"))
        if target is not None and f"{where.lang.code}/{target}" != where.path:
            return f'<a href="{where.href(target)}">{text_html}</a>'
    return text_html


def _table(shown: ShownTable, raw: list[Any], where: Where, keys: tuple[str, ...] = ()) -> str:
    lang = where.lang
    with_slides = any(isinstance(r, dict) and where.facts_slides(r, []) for r in raw)
    head = "".join(f'<th scope="col"{_num(j)}>{escaped(h)}</th>' for h, j in shown.headers)
    if with_slides:
        head += f'<th scope="col">{escaped(lang.message(SLIDES))}</th>'
    rows = []
    for row, record in zip(shown.rows, raw, strict=True):
        words = where.french(record)
        cells = []
        for i, (cell, (_, justify)) in enumerate(zip(row, shown.headers, strict=True)):
            shown_cell = marked(cell, words)
            if i == 0:
                cells.append(f'<th scope="row">{_record_link(record, shown_cell, where)}</th>')
            else:
                key = keys[i] if i < len(keys) else ""
                named = _named(cell, record.get(key), where) if key and isinstance(record, dict) else None
                cells.append(f"<td{_num(justify)}>{named or shown_cell}</td>")
        if with_slides:
            cells.append(f"<td>{_slide_refs(where.facts_slides(record, []), where).strip()}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return _scrolling(shown.title, f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>")


def _named(shown: str, value: Any, where: Where) -> str | None:
    """A value that names records by id (`["poles", "regional-clusters"]`), shown as their
    names, with each name linked to its record's page; None for any other value."""
    ids = [value] if isinstance(value, str) else value
    if not ids or not isinstance(ids, list) or not all(isinstance(i, str) and i in where.links.names for i in ids):
        return None
    names = [where.lang.text(where.links.names[i][1]) for i in ids]
    for separator in (", ", "\n"):
        if separator.join(names) == shown:
            links = [
                _record_link({"id": i, "kind": where.links.names[i][0]}, escaped(n), where)
                for i, n in zip(ids, names, strict=True)
            ]
            return ("<br>" if separator == "\n" else ", ").join(links)
    return None


def _num(justify: str) -> str:
    return ' class="num"' if justify == "right" else ""


def _scrolling(title: str, table: str) -> str:
    # A wide table scrolls inside its own box on a phone, which a keyboard can reach.
    return (
        f'<div class="scroll" role="region" aria-label="{attribute(title)}" tabindex="0"><table>{table}</table></div>'
    )


def _chart(shown: ShownTable, where: Where) -> str:
    if not shown.chart:
        return ""
    top = max((bar.value for bar in shown.chart), default=0) or 1
    bars = "".join(
        f'<li><span class="bar-label">{escaped(bar.label)}</span>'
        f'<span class="bar-track" aria-hidden="true"><span class="bar" style="width:{max(0.5, 100 * bar.value / top):.1f}%">'
        f'</span></span><span class="bar-value">{escaped(bar.shown)}</span></li>'
        for bar in shown.chart
    )
    return f'<figure class="chart"><figcaption>{escaped(shown.chart_title)}</figcaption><ul>{bars}</ul></figure>'


def _comparison(shown: ShownTable, raw: list[Any], where: Where) -> str:
    lang = where.lang
    head = '<th scope="col"></th>' + "".join(
        f'<th scope="col">{_record_link(r, escaped(h), where)}</th>'
        for (h, _), r in zip(shown.headers[1:], raw, strict=True)
    )
    words = [where.french(r) for r in raw]
    rows = [
        f'<tr><th scope="row">{escaped(row[0])}</th>'
        + "".join(f"<td>{marked(cell, w)}</td>" for cell, w in zip(row[1:], words, strict=True))
        + "</tr>"
        for row in shown.rows
    ]
    refs = [_slide_refs(where.facts_slides(r, []), where).strip() for r in raw]
    if any(refs):
        rows.append(f'<tr><th scope="row">{escaped(lang.message(SLIDES))}</th>'
                    + "".join(f"<td>{r}</td>" for r in refs) + "</tr>")  # fmt: skip
    return _scrolling(shown.title, f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>")


def _document(form: Document, shown: ShownDocument, raw: Any, data: Any, where: Where) -> str:
    lang = where.lang
    inherited = where.facts_slides(raw, []) if isinstance(raw, dict) else []
    parts = [_fields(form.fields, shown.fields, raw, inherited, where)]
    remaining = list(shown.sections)
    for section in form.sections:
        heading = lang.message(section.heading)
        found = next((s for s in remaining if s.heading == heading), None)
        if found is None:
            continue
        remaining.remove(found)
        pairs = _pairs(at(raw, section.items), at(data, section.items)) if section.items is not None else {}
        french = bool(section.verbatim and section.verbatim.endswith("_fr"))  # (a slide's text)
        parts.append(_section(found, section.fields, raw, pairs, inherited, where, french=french))
    return "".join(parts)


def _fields(fields: Any, shown: Any, raw: Any, inherited: list[str], where: Where) -> str:
    """Label and value, each with its slide: a field's own, else its record's."""
    if not shown:
        return ""
    lang = where.lang
    facts = [where.facts_slides(at(raw, f.key), inherited) for f in fields]
    found, left = [], list(shown)
    for f, slides in zip(fields, facts, strict=True):
        label = str(lang.localize(f.label))
        if left and left[0][0] == label:
            found.append((label, left.pop(0)[1], slides, at(raw, f.key)))
    if not found:
        return ""
    # Facts all from the slides of their record: said once, above them.
    shared = all(slides == found[0][2] for _, _, slides, _ in found)
    words = where.french(raw)
    out = [f"<dt>{_label_link(label, fact, where)}</dt><dd>{_named(value, fact, where) or marked(value, words)}"
           f"{'' if shared else _slide_refs(slides, where)}</dd>" for label, value, slides, fact in found]  # fmt: skip
    above = f'<p class="section-refs">{_slide_refs(found[0][2], where).strip()}</p>' if shared and found[0][2] else ""
    return f'{above}<dl class="fields">{"".join(out)}</dl>'


def _label_link(label: str, fact: Any, where: Where) -> str:
    """A field's label that names a record (the overview's `Wallonia`), linked to its page."""
    if isinstance(fact, dict) and "name" in fact and where.lang.text(fact["name"]) == label:
        return _record_link(fact, escaped(label), where)
    return escaped(label)


def _section(
    shown: ShownSection,
    fields: Any,
    raw: Any,
    pairs: dict[int, Any],
    inherited: list[str],
    where: Where,
    *,
    french: bool = False,
) -> str:
    parts = [f"<h2>{escaped(shown.heading)}</h2>", _fields(fields, shown.fields, raw, inherited, where)]
    if shown.items:
        sources = [pairs.get(id(item.item), item.item) for item in shown.items]
        # A slide's label (a record's `source`) links to the slide; anything else, to its slide.
        labels = [_slide_of(s, where) for s in sources]
        slides = [[] if label else where.facts_slides(s, inherited) for s, label in zip(sources, labels, strict=True)]
        # Items all from the slides of their record: said once, under the heading.
        shared = all(s == slides[0] for s in slides) and not any(labels)
        if shared and slides[0] and slides[0] != inherited:  # (the record's own are said above)
            parts.append(f'<p class="section-refs">{_slide_refs(slides[0], where).strip()}</p>')
        # (a record's words are all in it: its French is looked for once)
        whole = where.french(raw) if isinstance(raw, dict) and len(sources) <= _FEW else None
        lis = []
        for item, source, label, own in zip(shown.items, sources, labels, slides, strict=True):
            if isinstance(source, str) and source.startswith("uwe ") and not _command_page(source.split()[1:], where):
                continue  # (a command no page shows, `uwe search`, `uwe --help`: nothing a reader can open)
            words = whole if whole is not None else where.french(source)
            text = marked(item.text, words)
            if label:
                text = f'<a href="{where.href(where.links.slides[label])}">{text}</a>'
            else:
                text = _item_link(source, text, where)
            points = "".join(f"<li>{marked(p, words)}</li>" for p in item.points)
            refs = "" if shared or label else _slide_refs(own, where)
            lis.append(f"<li>{text}{refs}{f'<ul>{points}</ul>' if points else ''}</li>")
        parts.append(f"<ul>{''.join(lis)}</ul>")
    if shown.verbatim and french:  # (the slides' words, line for line, in French on every page)
        lines = "".join(f"<p>{escaped(line)}</p>" for line in shown.verbatim.splitlines())
        parts.append(f'<blockquote class="slide-text slides-words" lang="fr">{lines}</blockquote>')
    elif shown.verbatim:
        parts.append(f"<pre>{escaped(shown.verbatim)}</pre>")
    return f"<section>{''.join(parts)}</section>"


# How many items a section may have for its record's French to be looked for in each of them.
_FEW = 50


def _slide_of(source: Any, where: Where) -> str | None:
    """The slide an item is the label of (a record's `source`), if it is one: not a record or a string."""
    if isinstance(source, str) or (isinstance(source, dict) and not is_text(source)):
        return None
    found = where.links.slide_ids(source)
    return found[0] if found else None


def _item_link(source: Any, text_html: str, where: Where) -> str:
    """An item links to the page of what it names: a record, or the page of a command."""
    if isinstance(source, str) and source.startswith("uwe "):
        target = _command_page(source.split()[1:], where)
        return f'<a href="{where.href(target)}">{text_html}</a>' if target else text_html
    if isinstance(source, str) and source in where.links.names:  # (a list of ids: a scheme's groupings)
        return _record_link({"id": source, "kind": where.links.names[source][0]}, text_html, where)
    return _record_link(source, text_html, where)


def _command_page(words: list[str], where: Where) -> str | None:
    """The page that shows what `uwe WORDS` shows (`uwe region wallonia`: Wallonia's page)."""
    if not words:
        return None
    if words[0] in VIEW_PAGES:
        return f"{words[0]}.html"
    if len(words) > 1 and words[0] in where.links.records and words[1] in where.links.records[words[0]]:
        return f"{words[0]}/{page_name(words[1])}"
    return None
