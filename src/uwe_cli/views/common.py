"""What several views share: finding records by name, records as JSON shows them, sources."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from uwe_cli.dataset.records import Dataset, Record
from uwe_cli.errors import UsageError
from uwe_cli.i18n.formatting import long_date
from uwe_cli.i18n.language import SOURCE_LANGUAGE, Language, every_language, is_text
from uwe_cli.i18n.messages import Listing, OverSlidesWords, msg, msg_p
from uwe_cli.names import lookup, matching
from uwe_cli.views.form import Section, Show

if TYPE_CHECKING:
    from uwe_cli.dataset.shapes import ClusterData, RegionData, SchemeData, SectorData, TextData


# The record found has the shape of its kind (shapes.py); for the type checker only, as
# `typing.overload` would cost every command start-up time.
if TYPE_CHECKING:

    @overload
    def find(ds: Dataset, kind: Literal["regions"], name: str) -> RegionData: ...
    @overload
    def find(ds: Dataset, kind: Literal["schemes"], name: str) -> SchemeData: ...
    @overload
    def find(ds: Dataset, kind: Literal["clusters"], name: str) -> ClusterData: ...
    @overload
    def find(ds: Dataset, kind: Literal["sectors"], name: str) -> SectorData: ...
    @overload
    def find(ds: Dataset, kind: str, name: str) -> Record: ...


def find(ds: Dataset, kind: str, name: str) -> Record:
    """The region, scheme, cluster or sector (`kind`, plural) that `name` names."""
    exact = ds.with_id(kind, name)
    if exact is not None:  # (an id is found first anyway; this finds it without a scan)
        return exact
    what = kind.removesuffix("s")
    command = "uwe " + kind
    try:
        return lookup.find(ds[kind], name, what=what, hint=msg("see '{command}'", command=command))
    except lookup.NotFound as exc:
        meant = _meant(ds, kind, name)
        if not meant:
            raise
        unknown = msg("unknown {what} '{query}'", what=lookup.WHAT.get(what, what), query=name)
        names = Listing(tuple(msg("'{name}'", name=r["name"]) for r in meant), style="or")
        raise lookup.NotFound(msg("{error} (did you mean {names}?)", error=unknown, names=names)) from exc


def _meant(ds: Dataset, kind: str, name: str) -> Sequence[Record]:
    """What a word that names no record means, where the tool knows its meaning (suggestions ranked
    by meaning before spelling): the sector a related word points to (`solar`: Energy); the
    groupings of the sector a word names (`logistique`: Logistics in Wallonia), closest first."""
    from uwe_cli.vocabulary import RELATED_SECTOR_WORDS

    if kind == "sectors":
        wanted = RELATED_SECTOR_WORDS.get(matching.fold(name))
        return [s for s in ds["sectors"] if s["id"] == wanted]
    if kind != "clusters":
        return []
    try:
        sector = find(ds, "sectors", name)
    except UsageError:
        return []
    tagged = [c for c in ds["clusters"] if sector["id"] in c["sectors"]]
    import difflib

    def likeness(c: ClusterData) -> float:
        return max(difflib.SequenceMatcher(None, matching.fold(name), matching.fold(n)).ratio()
                   for n in map(str, c["name"].values()))  # fmt: skip

    return sorted(tagged, key=likeness, reverse=True)[:3]


def shown_words(words: dict[str, Any]) -> Any:
    """For lookup.choose: by choice, what the tool shows for it (a message, or several) in
    every language, so that a reader may type back any word a table or heading showed."""

    def every() -> dict[str, tuple[str, ...]]:
        found: dict[str, tuple[str, ...]] = {}
        for key, shown in words.items():
            messages = shown if isinstance(shown, tuple) else (shown,)
            found[key] = tuple(word for m in messages for word in every_language(m))
        return found

    return every


def choice_words(choices: Any) -> dict[str, Any]:
    """Each choice as one word the reader types, in their language (`en-formation`,
    `in-oprichting`): what an error's hint lists, as the help does."""
    return {key: msg_p("choice", key) for key in choices}


def record_data(ds: Dataset, record: Record) -> dict[str, Any]:
    """A record as JSON shows it: empty fields left out, its source and each fact's slide as
    slide labels (a text of the slides shows as its words, in the reader's language)."""
    data: dict[str, Any] = _slides_named(ds, without_none(record))
    if "source" in data:
        data["source"] = ds.sources(record["source"])
    return data


def _slides_named(ds: Dataset, value: Any) -> Any:
    # (only containers recursed into: a lesson may hold 460,000 points)
    if type(value) is dict:
        if is_text(value):  # (its words, and the slide it is on, as the data has them)
            return dict(value)
        if "slide" in value:
            return {k: ds.sources([v])[0] if k == "slide" else _slides_named(ds, v) for k, v in value.items()}
        return {k: _slides_named(ds, v) if type(v) is dict or type(v) is list else v for k, v in value.items()}
    if type(value) is list:
        return [_slides_named(ds, v) if type(v) is dict or type(v) is list else v for v in value]
    return value


def tool_words(
    *, computed: Iterable[str] = (), written: Iterable[str] = (), classified: Iterable[str] = ()
) -> dict[str, list[str]]:
    """Which fields of a record are the tool's, not the slides': what JSON and CSV say under `tool_words`.

    `computed`: a figure the tool computed or counted; `written`: the tool's words (a summary, a label,
    a gloss); `classified`: the tool's classification (a sector tag, a status read from the
    slides' words). Any other text of a record in French is the slides' own words.
    """
    found = {"computed": list(computed), "written": list(written), "classified": list(classified)}
    return {kind: fields for kind, fields in found.items() if fields}


def slides_words(record: Record, key: str, lang: Language) -> str:
    """The slides' words at `record[key]` (a quote, localized: the French, with its
    `KEY_translation`) in the reader's language: as the slides print them in French, else
    the translation, else the French marked as French. The label over them says which
    (`OverSlidesWords`)."""
    french = record.get(key)
    if not french:
        return ""
    translated = record.get(f"{key}_translation")
    if translated:
        return str(translated["text"])
    return str(french) if lang.is_source else f"{french} [{SOURCE_LANGUAGE}]"


def as_read(shown: str, words: Any, lang: Language) -> str:
    """The tool's classification (`shown`, a status) with the slides' words it is read from, if any."""
    return lang.message(msg("{status}, as the tool reads “{words}”", status=shown, words=words)) if words else shown


# The label over the slides' words a fact is read from (`slides_words`).
AS_THE_SLIDES_SAY = OverSlidesWords(msg("As the slides say"), msg("As the slides say (translated)"))


def without_none(value: Any) -> Any:
    # (only containers recursed into: a lesson may hold 460,000 points)
    if type(value) is dict:
        return {k: without_none(v) if type(v) is dict or type(v) is list else v
                for k, v in value.items() if v is not None}  # fmt: skip
    if type(value) is list:
        return [without_none(v) if type(v) is dict or type(v) is list else v for v in value]
    return value


def source_section(
    ds: Dataset, record: Record | None = None, *, labels: dict[str, Any] | None = None, items: str = "source"
) -> Section:
    """The slides a record cites (its data's `source`), each with the presentation's place and date.

    Where the record cites several, each slide says which of the facts shown it states (each
    fact names its one slide: dataset/facts.py); `labels` are the view's labels of its fields.
    """
    p = ds["presentation"]
    stated: dict[str, list[Any]] = {}
    if record is not None and labels and len(record["source"]) > 1:
        for key, label in labels.items():
            for slide in dict.fromkeys(slides_in(record.get(key))):
                if label not in stated.setdefault(slide, []):
                    stated[slide].append(label)

    def line(label: str, lang: Language) -> str:
        where = f"{lang.text(p['author'])}, {lang.text(p['place'])}, {long_date(p['date'], lang)}"
        shown = lang.message(msg_p("typography", "{before} — {after}", before=label, after=where))
        # (two slides may share a label: « Les clusters régionaux »)
        ids = [s for s in (record or {}).get("source", ()) if stated and lang.localize(ds.sources([s])[0]) == label]
        facts: list[Any] = []
        for fact in (fact for s in ids for fact in stated.get(s, ())):
            facts += [fact] if fact not in facts else []
        if facts:
            return lang.message(msg("{label}: {text}", label=shown, text=Listing(tuple(facts), style="comma")))
        return shown

    return Section(msg("Source"), items=items, show=line, distinct=True)


def slides_in(value: Any) -> list[str]:
    """The slides of the facts in `value` (a field of a record), in their order."""
    if isinstance(value, dict):
        own = [value["slide"]] if isinstance(value.get("slide"), str) else []
        return own + [s for k, v in value.items() if k != "slide" for s in slides_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in slides_in(v)]
    return []


def fact_labels(fields: Iterable[Any], sections: Iterable[Any], within: str = "", **more: Any) -> dict[str, Any]:
    """Each field of a record the view shows (its first key, under `within`: "organisation."),
    with the view's label for it."""
    labels: dict[str, Any] = {}
    for field in fields:
        if field.key:
            labels.setdefault(field.key.removeprefix(within).split(".")[0], field.label)
    for section in sections:
        if section.items:
            labels.setdefault(section.items.removeprefix(within).split(".")[0], section.heading)
    return {**labels, **more}


def scheme_ids(cluster: ClusterData) -> list[str]:
    """The schemes a grouping belongs to, in the order of its memberships."""
    return [m["scheme"] for m in cluster["memberships"]]


def first_domain(cluster: ClusterData) -> TextData | None:
    """The domain given to a grouping by the first of its schemes that gives one."""
    return next((m["domain"] for m in cluster["memberships"] if m["domain"]), None)


def search_key(query: str) -> str:
    """What a search for `query` compares (matching.search_key); something must be left."""
    key = matching.search_key(query)
    if not key:
        raise UsageError(msg("give some letters or digits to search for"))
    return key


def either(values: list[Any]) -> Listing:
    """`a, b or c`: the values of a filter given more than once."""
    return Listing(tuple(values), style="or")


def shell_word(text: str) -> str:
    """`text` as a shell reads it back as one word: bare, else in double quotes (which read
    well inside a message's single quotes: 'uwe search "rocket science"')."""
    import re

    if re.fullmatch(r"[\w+.,:/@%=-]+", text):
        return text
    return '"' + re.sub(r'(["\\$`])', r"\\\1", text) + '"'


def names(records: Iterable[Record]) -> dict[str, Any]:
    """Each record's name by id, for a view that shows ids as names."""
    return {r["id"]: r["name"] for r in records}


def named(mapping: dict[str, Any], *, separator: str = ", ") -> Show:
    """Show a list of ids (or one id) as the names `mapping` gives them, joined by `separator`."""

    def show(ids: Any, lang: Language) -> str:
        ids = [ids] if isinstance(ids, str) else ids or ()
        return separator.join(lang.text(mapping[i]) for i in ids)

    return show


# What each kind of record is called, in a search's results and a citation.
RECORD_KINDS = {
    "region": msg_p("record kind", "region"), "scheme": msg_p("record kind", "scheme"),
    "cluster": msg_p("record kind", "grouping"), "lesson": msg_p("record kind", "lesson"),
    "concept": msg_p("record kind", "concept"), "organisation": msg_p("record kind", "organisation"),
    "slide": msg_p("record kind", "slide"), "sector": msg_p("record kind", "sector"),
    "term": msg_p("record kind", "term"), "view": msg_p("record kind", "view"),
    # Belgium and the German-speaking Community are records of `uwe regions`, but not Regions.
    "country": msg_p("record kind", "country"), "community": msg_p("record kind", "community"),
    "figure": msg_p("record kind", "figure"),
}  # fmt: skip


def citable(ds: Dataset, *, slides: bool) -> list[tuple[str, Record]]:
    """(kind, record) for every record that cites slides; the slides themselves if asked."""
    found: list[tuple[str, Record]] = [
        # The glossary first: a search for "grappe" meets what the word means before its uses.
        *(("term", t) for t in ds["glossary"]),
        *(("region", r) for r in ds["regions"]),
        *(("scheme", r) for r in ds["schemes"]),
        *(("cluster", r) for r in ds["clusters"]),
        *(("lesson", r) for r in ds["lessons"]),
        *(("concept", r) for r in ds["concepts"]),
        ("organisation", ds["organisation"]),
    ]
    return found + [("slide", s) for s in ds["presentation"]["slides"]] if slides else found
