"""How to cite anything a reader can see: a view, a record, a slide, a figure, or the whole
dataset, as text (in the reader's language) and as a BibTeX entry.

What `uwe cite` takes (`target`, the words after it):
- nothing: the whole dataset;
- a view's name (`results`, `regions`, `lessons`, ...): the slides that view shows;
- a record's name (`tweed`), or a kind and a name (`region wallonia`, `slide wallonia`;
  `slide:wallonia` too): that record, or that slide;
- a record and one of its figures (`wallonia gdp-per-capita`, `poles patents`).

Every entry's key says what it cites, so that no two entries uwe can write share a key:
`uwe2014`, `uwe2014:view:results`, `uwe2014:region:wallonia`, `uwe2014:slide:wallonia`,
`uwe2014:region:wallonia:gdp-per-capita` (ids never hold a colon). The slides' titles are
the entry's title, in the slides' words; their pages, where every cited slide prints one, go
in `pages`, never in the title.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from uwe_cli import __version__
from uwe_cli.dataset.records import Dataset, Record, label
from uwe_cli.errors import UsageError
from uwe_cli.i18n.formatting import date_message
from uwe_cli.i18n.language import SOURCE_LANGUAGE, Language
from uwe_cli.i18n.messages import Listing, Message, msg, msg_n, msg_p
from uwe_cli.names import lookup
from uwe_cli.output.bibtex import misc
from uwe_cli.views.common import RECORD_KINDS, citable
from uwe_cli.views.form import Document, Field, Section
from uwe_cli.vocabulary import CITED_VIEWS, LANGS

if TYPE_CHECKING:
    from uwe_cli.dataset.shapes import SlideData


def _view_slides(ds: Dataset) -> dict[str, Callable[[], list[str]]]:
    """Each view a reader can cite, with the slides (ids) of what it shows."""
    from uwe_cli.views.clusters import sector_slides
    from uwe_cli.views.notes import compute

    def of(records: Any) -> list[str]:
        return [s for r in records for s in r["source"]]

    def results() -> list[str]:
        # Each result's own slide (its figure's `slide`), else its scheme's.
        return [r["figure"].get("slide") or s["source"][0] for s in ds["schemes"] for r in s["results"]]

    def notes() -> list[str]:
        by_id = {r["id"]: r for r in ds["regions"]}
        return [s for note in compute(ds) for i in note["about"] for s in by_id[i]["source"]]

    slides = {
        "regions": lambda: of(ds["regions"]),
        "schemes": lambda: of(ds["schemes"]),
        "clusters": lambda: of(ds["clusters"]),
        "sectors": lambda: [x for s in ds["sectors"] for x in sector_slides(ds, s)],
        "lessons": lambda: of(ds["lessons"]),
        "results": results,
        "concepts": lambda: of([*ds["concepts"], *ds["glossary"]]),
        "notes": notes,
        "about": lambda: [s["id"] for s in ds["presentation"]["slides"]],
    }
    assert tuple(slides) == CITED_VIEWS
    return slides


# The words that name a kind of record before its name (`uwe cite region wallonia`); the
# kinds' names in every language of the interface are taken too (`diapositive wallonie`).
KIND_WORDS = {
    "region": "region", "scheme": "scheme", "cluster": "cluster", "grouping": "cluster", "lesson": "lesson",
    "concept": "concept", "term": "term", "slide": "slide", "organisation": "organisation", "view": "view",
}  # fmt: skip


def kind_of(word: str, *, english_only: bool = False) -> str | None:
    """The kind of record `word` names, in any language of the interface (`dia` is a slide)."""
    from uwe_cli.names.matching import fold

    key = fold(word)
    for english, kind in KIND_WORDS.items():
        if fold(english) == key:
            return kind
    if english_only:
        return None
    for code in LANGS:  # (reads every catalogue: only for a word that names no record)
        for kind, said in RECORD_KINDS.items():
            if kind in KIND_WORDS.values() and fold(Language(code).message(said)) == key:
                return kind
    return None


def views(ds: Dataset) -> list[tuple[str, Record]]:
    """(`view`, entry) for every view `uwe cite` takes: named by its command, `uwe results`."""
    # (a name the same in every language: a command is typed as it is)
    return [("view", {"id": name, "name": dict.fromkeys(LANGS, f"uwe {name}")}) for name in _view_slides(ds)]


def _names(entry: tuple[str, Record]) -> tuple[str, ...]:
    return lookup.names(entry[1])


def _find(ds: Dataset, name: str, kind: str | None = None) -> tuple[str, Record]:
    """A view, a record or a slide by its name; `kind` (a KIND_WORDS value) keeps one kind."""
    slides = [("slide", s) for s in ds["presentation"]["slides"]]
    everything = [*views(ds), *citable(ds, slides=False)]
    if kind == "slide":
        return lookup.find(slides, name, what="slide", names=_names)
    if kind is not None:
        return lookup.find([e for e in everything if e[0] == kind], name, what="record", names=_names)
    try:
        return lookup.find(everything, name, what="record", names=_names)
    except lookup.NotFound:  # (several records: say so, do not pick a slide instead)
        try:
            return lookup.find(slides, name, what="slide", names=_names)
        except lookup.NotFound:
            pass
        raise


def _other_kind(ds: Dataset, word: str) -> str | None:
    """The kind `word` names in another language (`diapositive`), unless it names a record
    (`wallonia gdp-per-capita`: a record, then its figure), which is quicker to tell."""
    try:
        _find(ds, word)
    except UsageError:
        return kind_of(word)
    return None


def _is_figure(value: Any) -> bool:
    return isinstance(value, dict) and "value" in value and "unit" in value


def figures(kind: str, record: Record) -> dict[str, list[tuple[Record, list[str]]]]:
    """A record's figures by the name `uwe cite RECORD FIGURE` takes (`gdp-per-capita`,
    `funding-amount-per-year`, a result's id): each figure with the slides (ids) it cites."""
    found: dict[str, list[tuple[Record, list[str]]]] = {}

    def slides(fig: Record, default: Sequence[str]) -> list[str]:
        # A fact names its one slide (`slide`) where the data gives it; else its record's.
        own = fig.get("slide")
        return [own] if isinstance(own, str) else list(own) if own else list(default)

    def walk(value: Any, path: str) -> None:
        if _is_figure(value):
            found.setdefault(path, []).append((value, slides(value, record["source"])))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}-{key.replace('_', '-')}" if path else key.replace("_", "-"))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item, path)

    if kind not in ("region", "scheme", "organisation"):
        return found
    for key, value in record.items():
        if key == "results":  # a result by its own id (`poles patents`)
            for r in value:
                found.setdefault(r["id"], []).append((r["figure"], slides(r["figure"], record["source"])))
        elif key not in ("source", "codes"):
            walk(value, key.replace("_", "-"))
    return found


def _figure(kind: str, record: Record, name: str) -> tuple[str, list[str]]:
    """The figure of `record` that `name` names, and its slides; an unknown one says which there are."""
    found = figures(kind, record)
    choices = {key: (key.replace("-", "_"),) for key in found}
    if not choices:
        raise UsageError(msg("{record} has no figures to cite: cite it whole, as in '{command}'",
                             record=lookup.display_name(record), command=f"uwe cite {record['id']}"))  # fmt: skip
    key = lookup.choose(name, choices, what="figure")
    return key, [s for _, slides in found[key] for s in slides]


@dataclass(frozen=True)
class Target:
    """What `uwe cite WORDS` cites."""

    kind: str  # dataset, view, figure, slide, or a record's kind
    ident: str  # the words that name it again (`tweed`, `wallonia gdp-per-capita`); "" for the dataset
    name: Any  # its name, in every language; None for the dataset
    slides: list[str]  # the slides (ids) it cites
    key: str  # its BibTeX key without the year's prefix: `region:wallonia:gdp-per-capita`


def target(ds: Dataset, words: Sequence[str]) -> Target:
    """What `words` cite. Raises UsageError, with the closest names or what to type."""
    if not words:
        return Target("dataset", "", None, [s["id"] for s in ds["presentation"]["slides"]], "")
    words = list(words)
    kind = None
    if words[0].startswith("slide:"):
        kind, words[0] = "slide", words[0].removeprefix("slide:")
    elif len(words) > 1 and (kind := kind_of(words[0], english_only=True) or _other_kind(ds, words[0])):
        words.pop(0)
    if len(words) > 2 or (kind == "slide" and len(words) > 1):
        raise UsageError(msg("cite one thing at a time: a view, a record, a slide, or a record and one of its "
                             "figures, as in '{command}'", command=msg_p("example", "uwe cite wallonia gdp-per-capita")))  # fmt: skip
    found, record = _find(ds, words[0], kind)
    if found == "view":
        return Target("view", record["id"], record["name"], _view_slides(ds)[record["id"]](), f"view:{record['id']}")
    if len(words) == 2:
        figure, slides = _figure(found, record, words[1])
        name = msg("{label}: {text}", label=lookup.display_name(record), text=figure)
        return Target("figure", f"{record['id']} {figure}", name, slides, f"{found}:{record['id']}:{figure}")
    slides = [record["id"]] if found == "slide" else list(record["source"])
    return Target(found, record["id"], lookup.display_name(record), slides, f"{found}:{record['id']}")


def _in_order(ds: Dataset, ids: list[str]) -> list[SlideData]:
    """The slides `ids` name, once each, in the deck's order."""
    wanted = set(ids)
    return [s for s in ds["presentation"]["slides"] if s["id"] in wanted]


def _pages(slides: list[SlideData]) -> str:
    """The slides' pages, where every one of them prints one (a page for some would mislead)."""
    pages = list(dict.fromkeys(s["page"] for s in slides))
    return ", ".join(str(p) for p in pages) if slides and all(pages) else ""


def in_source(value: Any) -> str:
    """A text as the source says it (slide titles are cited as the slides print them)."""
    return str(Language(SOURCE_LANGUAGE).localize(value))


# The title of an entry for the whole deck: the slides print none, so this one is the tool's, in
# brackets as a cataloguer marks a title supplied for an untitled work.
_DECK = msg("[Slides on Belgium's regions and Wallonia's clustering policies]")


def cite(ds: Dataset, *, target_words: Sequence[str] = ()) -> Document:
    p, o = ds["presentation"], ds["organisation"]
    it = target(ds, target_words)
    kind, ident, name = it.kind, it.ident, it.name
    slides = _in_order(ds, it.slides)
    where = msg("{event}, {place}, {date}", event=p["event"], place=p["place"], date=date_message(p["date"]))
    author = f"{o['name'][SOURCE_LANGUAGE]} ({o['acronym']})"
    # Titles without their pages (a field of their own), each once (two slides may share one).
    labels = list(dict.fromkeys(in_source(label(s["title"], s.get("subtitle"), None)) for s in slides))
    whole = kind == "dataset" or (kind == "view" and ident == "about")
    if whole:
        citation = msg(
            "{author}. Slides, {where}. Data: uwe {version}.", author=author, where=where, version=__version__
        )
        bib_title: Any = _DECK
    else:
        # (built apart: Babel does not extract a message whose call holds another's)
        titles = Listing(tuple(msg_p("quote", "“{text}”", text=t) for t in labels), style="semicolon")
        citation = msg_n(
            "{author}. {titles} (slide), {where}. Data: uwe {version}, {kind} '{key}'.",
            "{author}. {titles} (slides), {where}. Data: uwe {version}, {kind} '{key}'.",
            n=len(slides), author=author, titles=titles, where=where, version=__version__,
            kind=RECORD_KINDS.get(kind, kind), key=f"uwe {ident}" if kind == "view" else ident,
        )  # fmt: skip
        bib_title = Listing(tuple(labels), style="semicolon")
    what: Message = (
        msg_n("{n} slide recorded", "{n} slides recorded", n=len(slides))
        if kind == "dataset"
        else msg("{kind} '{key}'", kind=RECORD_KINDS.get(kind, kind), key=f"uwe {ident}" if kind == "view" else ident)
    )
    year = ds.presentation_date.year
    key, pages = (f"uwe{year}:{it.key}" if it.key else f"uwe{year}"), _pages(slides)
    # An entry per language, as a dataset text is: the output layer keeps the reader's.
    bibtex = {code: _entry(ds, key=key, title=bib_title, what=what, pages=pages, lang=Language(code)) for code in LANGS}
    data: dict[str, Any] = {
        "kind": kind,
        "id": ident or None,
        "key": key,
        "name": name,
        "slides": [in_source(label(s["title"], s.get("subtitle"), s.get("page"))) for s in slides],
        "pages": pages or None,
        "citation": citation,
        "bibtex": bibtex,
    }
    title = msg("How to cite: {name}", name=name) if name else msg("How to cite")
    # (the slides' titles stay in their words whatever the reader's language)
    fields, sections = (Field(msg("Source"), "citation"),), (Section(msg("BibTeX"), verbatim="bibtex"),)
    return Document(title, data, fields, sections, translated=False, bibtex="bibtex")


def _entry(ds: Dataset, *, key: str, title: Any, what: Any, pages: str, lang: Language) -> str:
    """The BibTeX entry in `lang`, with BibTeX's own month; titles quoted stay in the source's words."""
    p, day = ds["presentation"], ds.presentation_date
    published = lang.message(msg("Presentation, {event}, {place}", event=p["event"], place=p["place"]))
    note = lang.message(msg("{date}; {note}; data: uwe {version}", date=date_message(day), note=what,
                            version=__version__))  # fmt: skip
    author = ds["organisation"]["name"][SOURCE_LANGUAGE]
    return misc(key=key, author=author, title=str(lang.localize(title)), howpublished=published, day=day,
                pages=pages, note=note)  # fmt: skip
