"""One slide of the presentation: its label, its whole text (where the data has it), the
words of it the data records, with their translations, and what cites it.

The web reference (`uwe site`) links every fact to the page of the slide it comes from;
this is that page. A fact's slide is its own `slide` where the data gives one, else its
record's `source` (a record may span several slides).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from uwe_cli.dataset.records import Dataset, Record
from uwe_cli.i18n.formatting import long_date
from uwe_cli.i18n.language import SOURCE_LANGUAGE, Language, is_text
from uwe_cli.i18n.messages import msg
from uwe_cli.names import lookup
from uwe_cli.views.common import RECORD_KINDS, citable
from uwe_cli.views.form import Document, Field, Section

if TYPE_CHECKING:
    from uwe_cli.dataset.shapes import SlideData

# The keys under which a record holds the slides' own words (a figure's quote, a lesson's
# text and points, a grouping's domain); names, summaries, labels and glosses are left out:
# they are the tool's words, or shown as the record's link.
WORDS = frozenset({"quote", "text", "points", "domain", "words", "status_quote", "criteria", "features",
                   "objectives", "activities", "activity_axes", "obligations", "actions", "role", "mission"})  # fmt: skip


# Keys whose plain strings are the slides' words too (a quote without a translation).
_QUOTED = frozenset({"quote", "words", "status_quote"})


def find(ds: Dataset, name: str) -> SlideData:
    """A slide by id (exactly), else by title as `uwe cite slide:NAME` finds it."""
    slides = ds["presentation"]["slides"]
    exact = next((s for s in slides if s["id"] == name), None)
    return exact if exact is not None else lookup.find(slides, name, what="slide")


def slide(ds: Dataset, name: str, *, citing: dict[str, list[tuple[str, Record, list[Any]]]] | None = None) -> Document:
    """The slide `name`; `citing` (from `citations`) spares a site of many slides a walk per slide."""
    s = find(ds, name)
    found = (citing if citing is not None else citations(ds)).get(s["id"], [])
    words = [{"words": w if isinstance(w, str) else w[SOURCE_LANGUAGE], "translation": w, "record": r["id"],
              "kind": kind} for kind, r, said in found for w in said]  # fmt: skip
    p = ds["presentation"]
    data: dict[str, Any] = {
        "id": s["id"],
        "title": s["title"],
        "title_fr": s["title"][SOURCE_LANGUAGE],
        "subtitle": s.get("subtitle"),
        "subtitle_fr": s["subtitle"][SOURCE_LANGUAGE] if s["subtitle"] else None,
        "page": s.get("page"),
        # All the slide's words, where the data has them (the French only: no one translates a slide whole).
        "text_fr": s.get("text"),
        "presentation": {"author": p["author"], "event": p["event"], "place": p["place"], "date": p["date"]},
        "words": list({(w["words"], w["record"]): w for w in words}.values()),
        "cited_by": list(
            {
                (k, r["id"]): {"kind": _kind(k, r), "id": r["id"], "name": lookup.display_name(r)} for k, r, _ in found
            }.values()
        ),  # fmt: skip
    }
    fields = (
        Field(msg("Title"), "title_fr", _slides_words),
        Field(msg("Subtitle"), "subtitle_fr", _slides_words),
        Field(msg("Page"), "page"),
        Field(msg("Presentation"), "presentation", _presentation),
    )
    sections = (
        Section(msg("The whole slide, as it is written (in French)"), verbatim="text_fr"),
        Section(msg("The slide's words, as the data records them"), items="words", show=_words),
        Section(msg("Cited by"), items="cited_by", show=_cited),
    )
    return Document(ds.sources([s["id"]])[0], data, fields, sections)


def _slides_words(text: Any, lang: Language) -> str:
    return lang.message(msg("« {text} »", text=text)) if text else ""


def _words(item: Record, lang: Language) -> str:
    translation = item["translation"]
    if lang.is_source or not translation or translation == item["words"]:
        return _slides_words(item["words"], lang)
    # (the translation outside quotation marks, which hold the slides' words only)
    return lang.message(msg("« {quote} », in translation: {translation}", quote=item["words"], translation=translation))


def _kind(kind: str, record: Record) -> str:
    """A record's kind as its reader names it: among `uwe regions`, Belgium is a country and the
    German-speaking Community a community, not Regions."""
    return str(record["kind"]) if kind == "region" and record.get("kind") in RECORD_KINDS else kind


def _cited(item: Record, lang: Language) -> str:
    kind = RECORD_KINDS.get(item["kind"])
    name = str(lang.localize(item["name"]))
    return lang.message(msg("{label}: {text}", label=kind, text=name)) if kind else name


def _presentation(p: Record, lang: Language) -> str:
    return (
        ", ".join(str(lang.localize(x)) for x in (p["author"], p["event"], p["place"]))
        + ", "
        + long_date(p["date"], lang)
    )


def citations(ds: Dataset) -> dict[str, list[tuple[str, Record, list[Any]]]]:
    """For each slide id, the records citing it, with the slides' words of it each records."""
    out: dict[str, list[tuple[str, Record, list[Any]]]] = {}
    for kind, record in citable(ds, slides=False):
        said: dict[str, list[Any]] = {}
        for slide_id, words in _facts(record, _ids(record.get("source"))):
            said.setdefault(slide_id, []).extend(words)
        for slide_id in _ids(record.get("source")):
            said.setdefault(slide_id, [])
        for slide_id, words in said.items():
            out.setdefault(slide_id, []).append((kind, record, words))
    return out


def _ids(source: Any) -> list[str]:
    if source is None:
        return []
    return [source] if isinstance(source, str) else [s for s in source if isinstance(s, str)]


def _facts(value: Any, slides: list[str], key: str = "") -> Iterator[tuple[str, list[Any]]]:
    """(slide, words) for each text under a WORDS key, cited by the nearest `slide` or `source`."""
    if isinstance(value, dict) and is_text(value):
        if key:
            for slide_id in slides:
                yield slide_id, [value]
    elif isinstance(value, dict):
        own = _ids(value.get("slide")) or _ids(value.get("source")) or slides
        for k, v in value.items():
            yield from _facts(v, own, k if k in WORDS else key)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _facts(v, slides, key)
    elif key and isinstance(value, str) and key in _QUOTED:
        for slide_id in slides:
            yield slide_id, [value]
