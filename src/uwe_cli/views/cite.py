"""How to cite a record, a slide or the whole dataset: as text and as a BibTeX entry."""

from __future__ import annotations

from typing import Any

from uwe_cli import __version__
from uwe_cli.dataset.records import Dataset, Record, slide_label
from uwe_cli.i18n.formatting import date_message
from uwe_cli.i18n.language import SOURCE_LANGUAGE, Language
from uwe_cli.i18n.messages import Listing, msg, msg_n, msg_p
from uwe_cli.names import lookup
from uwe_cli.output.bibtex import misc
from uwe_cli.views.common import RECORD_KINDS, citable
from uwe_cli.views.form import Document, Field, Section
from uwe_cli.vocabulary import LANGS


def _find(ds: Dataset, name: str) -> tuple[str, Record]:
    """A record by its name, else a slide (a slide shares its id with the record it shows:
    `wallonia` is the region; `slide:wallonia` is the slide)."""

    def entry_names(entry: tuple[str, Record]) -> tuple[str, ...]:
        return lookup.names(entry[1])

    slides = [("slide", s) for s in ds["presentation"]["slides"]]
    if name.startswith("slide:"):
        return lookup.find(slides, name.removeprefix("slide:"), what="slide", names=entry_names)
    try:
        return lookup.find(citable(ds, slides=False), name, what="record", names=entry_names)
    except lookup.NotFound:  # (several records: say so, do not pick a slide instead)
        try:
            return lookup.find(slides, name, what="slide", names=entry_names)
        except lookup.NotFound:
            pass
        raise


def _entry(ds: Dataset, *, key: str, title: str, note: Any, lang: Language) -> str:
    """The BibTeX entry in `lang`, with BibTeX's own month; titles quoted stay in the source's words."""
    p, day = ds["presentation"], ds.presentation_date
    source = SOURCE_LANGUAGE
    published = lang.message(msg("Presentation, {event}, {place}", event=p["event"], place=p["place"]))
    note = lang.message(
        msg("{date}; {note}; data: uwe {version}", date=date_message(day), note=note, version=__version__)
    )
    author = ds["organisation"]["name"][source]
    return misc(key=f"uwe{day.year}-{key}", author=author, title=title, howpublished=published, day=day, note=note)


def in_source(value: Any) -> str:
    """A text as the source says it (slide titles are cited as the slides print them)."""
    return str(Language(SOURCE_LANGUAGE).localize(value))


def cite(ds: Dataset, *, name: str | None = None) -> Document:
    p, o = ds["presentation"], ds["organisation"]
    source = SOURCE_LANGUAGE
    where = msg("{event}, {place}, {date}", event=p["event"], place=p["place"], date=date_message(p["date"]))
    author = f"{o['name'][source]} ({o['acronym']})"
    if name is None:
        kind, key, label = "dataset", "all", None
        slides = list(p["slides"])
        citation = msg(
            "{author}. Slides, {where}. Data: uwe {version}.", author=author, where=where, version=__version__
        )
        bib_title: Any = msg("Slides, {event}, {place}", event=p["event"], place=p["place"])
        note: Any = msg_n("{n} slide recorded", "{n} slides recorded", n=len(slides))
    else:
        kind, record = _find(ds, name)
        slides = [record] if kind == "slide" else [ds.slide(s) for s in record["source"]]
        key, label = record["id"], lookup.display_name(record)
        labels = [in_source(slide_label(s)) for s in slides]
        # (built apart: Babel does not extract a message whose call holds another's)
        titles = Listing(tuple(msg_p("quote", "“{text}”", text=t) for t in labels), style="semicolon")
        citation = msg_n(
            "{author}. {titles} (slide), {where}. Data: uwe {version}, {kind} '{key}'.",
            "{author}. {titles} (slides), {where}. Data: uwe {version}, {kind} '{key}'.",
            n=len(slides), author=author, titles=titles, where=where,
            version=__version__, kind=RECORD_KINDS.get(kind, kind), key=key,
        )  # fmt: skip
        bib_title = note = Listing(tuple(labels), style="semicolon")
    # An entry per language, as a dataset text is: the output layer keeps the reader's.
    bibtex = {
        code: _entry(ds, key=key, title=Language(code).localize(bib_title), note=note, lang=Language(code))
        for code in LANGS
    }  # fmt: skip (one per language of the interface)
    data: dict[str, Any] = {
        "record": key,
        "kind": kind,
        "name": label,
        "slides": [in_source(slide_label(s)) for s in slides],
        "citation": citation,
        "bibtex": bibtex,
    }
    title = msg("How to cite: {name}", name=label) if label else msg("How to cite")
    # (the citation and BibTeX are in the slides' language whatever the reader's)
    fields, sections = (Field(msg("Source"), "citation"),), (Section(msg("BibTeX"), verbatim="bibtex"),)
    return Document(title, data, fields, sections, translated=False)
