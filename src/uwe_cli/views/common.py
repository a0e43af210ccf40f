"""What several views share: finding records by name, records as JSON shows them, sources."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from uwe_cli.dataset.records import Dataset, Record
from uwe_cli.errors import UsageError
from uwe_cli.i18n.formatting import long_date
from uwe_cli.i18n.language import Language
from uwe_cli.i18n.messages import Listing, msg, msg_p
from uwe_cli.names import lookup, matching
from uwe_cli.views.form import Section, Show


def find(ds: Dataset, kind: str, name: str) -> Record:
    """The region, scheme, cluster or sector (`kind`, plural) that `name` names."""
    exact = ds.with_id(kind, name)
    if exact is not None:  # (an id is found first anyway; this finds it without a scan)
        return exact
    what = kind.removesuffix("s")
    command = "uwe " + kind
    return lookup.find(ds[kind], name, what=what, hint=msg("see '{command}'", command=command))


def record_data(ds: Dataset, record: Record) -> dict[str, Any]:
    """A record as JSON shows it: empty fields left out, its source as slide labels."""
    data: dict[str, Any] = without_none(record)
    if "source" in data:
        data["source"] = ds.sources(record["source"])
    return data


def by_uwe(
    *, computed: Iterable[str] = (), written: Iterable[str] = (), classified: Iterable[str] = ()
) -> dict[str, list[str]]:
    """Which fields of a record are uwe's, not the slides': what JSON and CSV say under `by_uwe`.

    `computed`: a figure uwe computed or counted; `written`: uwe's words (a summary, a label,
    a gloss); `classified`: uwe's classification (a sector tag, a status read from the
    slides' words). Any other text of a record in French is the slides' own words.
    """
    found = {"computed": list(computed), "written": list(written), "classified": list(classified)}
    return {kind: fields for kind, fields in found.items() if fields}


def as_read(shown: str, words: Any, lang: Language) -> str:
    """uwe's classification (`shown`, a status) with the slides' words it is read from, if any."""
    return lang.message(msg("{status}, as uwe reads “{words}”", status=shown, words=words)) if words else shown


def without_none(value: Any) -> Any:
    if type(value) is dict:
        return {k: without_none(v) for k, v in value.items() if v is not None}
    if type(value) is list:
        return [without_none(v) for v in value]
    return value


def source_section(ds: Dataset) -> Section:
    """The slides a record cites (its data's `source`), each with the presentation's place and date."""
    p = ds["presentation"]

    def line(label: str, lang: Language) -> str:
        where = f"{lang.text(p['author'])}, {lang.text(p['place'])}, {long_date(p['date'], lang)}"
        return f"{label} — {where}"

    return Section(msg("Source"), items="source", show=line, distinct=True)


def scheme_ids(cluster: Record) -> list[str]:
    """The schemes a grouping belongs to, in the order of its memberships."""
    return [m["scheme"] for m in cluster["memberships"]]


def first_domain(cluster: Record) -> dict[str, str] | None:
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
    "term": msg_p("record kind", "term"),
}  # fmt: skip


def citable(ds: Dataset, *, slides: bool) -> list[tuple[str, Record]]:
    """(kind, record) for every record that cites slides; the slides themselves if asked."""
    found = [
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
