"""The named groupings (clusters, poles, export grappes) and the sector vocabulary."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from uwe_cli.dataset import evidence
from uwe_cli.dataset.records import Dataset, Record
from uwe_cli.i18n.language import Language, in_languages
from uwe_cli.i18n.messages import Listing, OverSlidesWords, msg, msg_n, msg_p
from uwe_cli.names import lookup, matching
from uwe_cli.views import sorting
from uwe_cli.views.common import (
    as_read,
    choice_words,
    either,
    find,
    first_domain,
    named,
    names,
    record_data,
    scheme_ids,
    search_key,
    shell_word,
    shown_words,
    slides_words,
    source_section,
    tool_words,
)
from uwe_cli.views.form import Column, Document, Field, Section, Table
from uwe_cli.vocabulary import CLUSTER_SORT_KEYS, CLUSTER_STATUSES, NOT_STATED

if TYPE_CHECKING:
    from uwe_cli.dataset.evidence import Said
    from uwe_cli.dataset.shapes import ClusterData, SectorData

# A grouping's status, as a reader says it; the data has none where the slides state none.
STATUS_WORDS = {
    "active": msg_p("cluster status", "active"),
    "in-formation": msg_p("cluster status", "in formation"),
    NOT_STATED: msg_p("cluster status", "not stated"),
}
_NO_SECTOR = msg("none: the slides' words name no sector of the tool's vocabulary")
_CLASSIFIED = msg(
    "Sectors and statuses are the tool's classification; `uwe cluster NAME` shows the slides' words behind them."
)


def status_word(status: str | None, lang: Language) -> str:
    return lang.message(STATUS_WORDS[status or NOT_STATED])


def _classified(c: ClusterData) -> dict[str, list[str]]:
    return tool_words(classified=["sectors", *(["status"] if c["status"] else [])])


def clusters(
    ds: Dataset,
    *,
    sector: Sequence[str] = (),
    scheme_name: Sequence[str] = (),
    status: Sequence[str] = (),
    search: str | None = None,
    sort: str | None = None,
) -> Table:
    """The groupings that pass every filter given; a filter given twice means either value."""
    order = sorting.parse(sort, CLUSTER_SORT_KEYS)
    chosen: list[ClusterData] = ds["clusters"]
    filters: list[Any] = []
    if sector:
        sectors = list({s["id"]: s for s in (find(ds, "sectors", x) for x in sector)}.values())
        ids = {s["id"] for s in sectors}
        chosen = [c for c in chosen if not ids.isdisjoint(c["sectors"])]
        filters.append(msg("sector {names}", names=either([s["name"] for s in sectors])))
    if scheme_name:
        schemes = list({s["id"]: s for s in (find(ds, "schemes", x) for x in scheme_name)}.values())
        ids = {s["id"] for s in schemes}
        chosen = [c for c in chosen if any(m["scheme"] in ids for m in c["memberships"])]
        filters.append(either([s["name"] for s in schemes]))
    if status:
        statuses = list(
            dict.fromkeys(
                lookup.choose(
                    s,
                    CLUSTER_STATUSES,
                    what="status",
                    shown=shown_words(STATUS_WORDS),
                    words=choice_words(CLUSTER_STATUSES),
                )
                for s in status
            )
        )
        chosen = [c for c in chosen if (c["status"] or NOT_STATED) in statuses]
        filters.append(either([STATUS_WORDS[s] for s in statuses]))
    key = search_key(search) if search is not None else ""
    if search is not None:
        chosen = [c for c in chosen if _mentions(c, key)]
        filters.append(msg("“{text}”", text=search))
    if order is not None and order.key != "name":
        chosen = sorting.ordered(chosen, _sort_value(ds, order.key), largest_first=order.key == "sectors",
                                 reverse=order.reverse)  # fmt: skip
    data = [
        {
            "id": c["id"],
            "name": c["name"],
            "schemes": scheme_ids(c),
            "domain": first_domain(c),
            # Every scheme's domain (Logistics in Wallonia has two): for CSV and the table.
            "domains": [m["domain"] for m in c["memberships"] if m["domain"]],
            "sectors": list(c["sectors"]),
            "status": c["status"],
            "source": ds.sources(c["source"]),
            "tool_words": _classified(c),
        }
        for c in chosen
    ]
    columns = (
        Column("name", msg("Grouping")),
        Column("schemes", msg("Schemes"), named(names(ds["schemes"]), separator="\n")),
        Column("domains", msg("Domain"), _lines),
        Column("sectors", msg("Sectors"), named(names(ds["sectors"]))),
        Column("status", msg("Status"), status_word),
    )
    title = msg("Named groupings ({count})", count=len(data))
    if filters:
        title = msg("{title}: {filters}", title=title, filters=_joined(filters))
    when_empty = None
    if not data:
        when_empty = _none_of_the_scheme(ds, scheme_name, sector) or _nothing(ds, search)
    return Table(
        title,
        columns,
        data,
        notes=(_CLASSIFIED,),
        keys=KEYS,
        when_empty=when_empty,
        highlight=key if search is not None else "",
        order_by="name" if order is not None and order.key == "name" else None,
        order_reversed=order is not None and order.reverse,
    )


def _sort_value(ds: Dataset, key: str) -> Any:
    """What `--sort scheme|status|sectors` orders groupings by: the schemes' order in the data
    (their first scheme), active before in formation, the number of sectors (most first)."""
    if key == "scheme":
        rank = {s["id"]: i for i, s in enumerate(ds["schemes"])}
        return lambda c: min((rank.get(m["scheme"], len(rank)) for m in c["memberships"]), default=None)
    if key == "status":
        rank = {status: i for i, status in enumerate(CLUSTER_STATUSES)}
        return lambda c: rank.get(c["status"] or NOT_STATED)
    return lambda c: len(c["sectors"])


# The JSON keys of a grouping in the list: the CSV header, even of an empty list.
KEYS = ("id", "name", "schemes", "domain", "domains", "sectors", "status", "source", "tool_words.classified")


def _lines(texts: list[str] | None, lang: Language) -> str:
    return "\n".join(texts or ())


def _nothing(ds: Dataset, search: str | None) -> Any:
    """What to try when no grouping passes the filters: the sector the search text names,
    a search of everything, or fewer filters."""
    if search is not None and not any(_mentions(c, search_key(search)) for c in ds["clusters"]):
        try:
            sector = find(ds, "sectors", search)
        except lookup.UsageError:  # (not a sector's name)
            command = f"uwe search {shell_word(search)}"
            return msg("no grouping's name or domain mentions “{text}”; to search everything, try '{command}'",
                       text=search, command=command)  # fmt: skip
        command = f"uwe clusters --sector {sector['id']}"
        return msg("no grouping's name or domain mentions “{text}”, but it is a sector: try '{command}'",
                   text=search, command=command)  # fmt: skip
    return msg("no grouping passes all these filters; try fewer ('uwe clusters' lists all {count})",
               count=len(ds["clusters"]))  # fmt: skip


def _none_of_the_scheme(ds: Dataset, scheme_name: Sequence[str], sector: Sequence[str]) -> Any:
    """What the data does hold, where a scheme filter empties the list: the slides name none of
    that scheme's groupings (the 10 technology grappes), or the sector's groupings are in
    other schemes (energy: TWEED, a regional cluster)."""
    if not scheme_name:
        return None
    schemes = [find(ds, "schemes", x) for x in scheme_name]
    ids = {s["id"] for s in schemes}
    named = [c for c in ds["clusters"] if any(m["scheme"] in ids for m in c["memberships"])]
    if not named:
        counted = [s for s in schemes if s["groupings"] and s["groupings"].get("value")]
        if len(schemes) == 1 and counted:
            return msg("the slides name none of the {count} groupings of {scheme}; 'uwe scheme {id}' says what "
                       "they say of it", count=int(counted[0]["groupings"]["value"]), scheme=schemes[0]["name"],
                       id=schemes[0]["id"])  # fmt: skip
        return msg("the slides name none of the groupings of {schemes}", schemes=either([s["name"] for s in schemes]))
    if not sector:
        return None
    tags = list({t["id"]: t for t in (find(ds, "sectors", x) for x in sector)}.values())
    sectors = {t["id"] for t in tags}
    elsewhere = [c for c in ds["clusters"] if not sectors.isdisjoint(c["sectors"])]
    if not elsewhere:
        return None
    command = "uwe clusters " + " ".join(f"--sector {t['id']}" for t in tags)
    return msg("no grouping of {schemes} has the sector {sectors}; in other schemes: {names} (try '{command}')",
               schemes=either([s["name"] for s in schemes]), sectors=either([t["name"] for t in tags]),
               names=Listing(tuple(c["name"] for c in elsewhere[:6])), command=command)  # fmt: skip


def _mentions(c: ClusterData, key: str) -> bool:
    return any(matching.mentions(t, key) for t in _cluster_texts(c))


def _joined(parts: list[Any]) -> Any:
    shown = parts[0]
    for part in parts[1:]:
        shown = msg("{first}, {second}", first=shown, second=part)
    return shown


def _cluster_texts(c: ClusterData) -> Iterator[str]:
    # Words a reader sees: the name and domains, not the id (`uwe search` neither).
    for t in (c["name"], *(m["domain"] for m in c["memberships"] if m["domain"])):
        yield from in_languages(t).values()


def cluster(ds: Dataset, name: str) -> Document:
    c = find(ds, "clusters", name)
    scheme_names = names(ds["schemes"])

    def domain(m: Record, lang: Language) -> str:
        if not m.get("domain"):
            return ""
        return lang.message(msg("{label}: {text}", label=scheme_names[m["scheme"]], text=m["domain"]))

    sector_names = names(ds["sectors"])

    def sector(tag: Record, lang: Language) -> str:
        name = lang.text(sector_names[tag["sector"]])
        if not tag.get("quote"):
            return lang.message(msg("{sector} (the tool's reading: no words of the slides name it)", sector=name))
        # In quotation marks, the slides' own words (French) whatever the language: a
        # translation there would pass for them.
        return lang.message(msg("{sector}, named by “{words}”", sector=name, words=tag["quote"]))

    fields = (
        Field(msg("Schemes"), "schemes", named(scheme_names)),
        Field(msg("Status"), "", status_read),
        Field(msg("Sectors"), "sectors", lambda ids, lang: "" if ids else lang.message(_NO_SECTOR)),
    )
    sections = (
        Section(msg("Domain"), items="memberships", show=domain),
        Section(msg("Sectors (the tool's classification)"), items="sector_words", show=sector),
        source_section(ds, c, labels={"memberships": msg("Domain")}),
    )
    data = record_data(ds, c)
    # As in `uwe clusters`: every scheme, and the first domain, with no need to read memberships.
    data["schemes"] = scheme_ids(c)
    found = first_domain(c)
    if found is not None:  # (empty fields are left out, as everywhere in record_data)
        data["domain"] = found
    # Each tag with the slides' words that name it, and the slides that say them.
    data["sector_words"] = [_tag(ds, c, s) for s in ds["sectors"] if s["id"] in c["sectors"]]
    data["tool_words"] = _classified(c)
    return Document(c["name"], data, fields, sections)


def _tag(ds: Dataset, c: ClusterData, sector: SectorData) -> dict[str, Any]:
    said = evidence.words(c, sector)
    if said is None:
        return {"sector": sector["id"], "quote": None, "source": []}
    return {"sector": sector["id"], "quote": said["text"], "source": ds.sources(said["source"])}


def status_read(record: Record, lang: Language) -> str:
    """A status with the slides' words uwe reads it from (`status_quote`), or "not stated"."""
    # (quoted: the slides' own words, in French whatever the language, as in `sector`)
    return as_read(status_word(record.get("status"), lang), record.get("status_quote"), lang)


# Sectors


def sector_slides(ds: Dataset, sector: SectorData) -> list[str]:
    """A tag is the tool's: the slides that support it are those whose words name it (evidence.py)."""
    return _slides(evidence.tagged(ds, sector))


def _slides(tagged: Sequence[tuple[ClusterData, Said | None]]) -> list[str]:
    return list(dict.fromkeys(slide for _, said in tagged if said for slide in said["source"]))


# Over the slides' words that name a sector, in French or translated.
_NAMED_BY = OverSlidesWords(msg("Named by the slides' words"), msg("Named by the slides' words (translated)"))
# How many groupings a sector's line names before it says how many more there are.
_NAMED = 6


def _named_by(tags: list[Record], lang: Language) -> str:
    """Each grouping with the slides' words that name the sector: `TWEED: “Sustainable energy”`."""

    def line(t: Record) -> str:
        if not t["quote"]:
            return lang.message(msg("{sector} (the tool's reading: no words of the slides name it)", sector=t["name"]))
        words = slides_words(t, "quote", lang)
        if words == t["name"]:  # an export grappe, named by its own name
            return lang.message(msg_p("the slides' words", "“{text}”", text=words))
        return lang.message(msg("{label}: “{text}”", label=t["name"], text=words))

    shown = [line(t) for t in tags[:_NAMED]]
    if len(tags) > _NAMED:  # (a large data folder: the rest is in --format json)
        shown.append(lang.message(msg_n("… and {n} more", "… and {n} more", n=len(tags) - _NAMED)))
    return "\n".join(shown)


def sectors(ds: Dataset) -> Table:
    data = []
    for s in ds["sectors"]:
        tagged = evidence.tagged(ds, s)
        named_by = [{"grouping": c["id"], "name": c["name"], "quote": said and said["text"],
                     "source": ds.sources(said["source"] if said else [])} for c, said in tagged]  # fmt: skip
        data.append(
            {
                "id": s["id"],
                "name": s["name"],
                "name_en": s["name"].get("en"),  # (none where translations/en.po is outdated)
                "name_fr": s["name"]["fr"],
                "synonyms": list(s["synonyms"]),
                "groupings": len(tagged),
                "named_by": named_by,
                "source": ds.sources(_slides(tagged)),
                "tool_words": tool_words(written=["name_en", "name_fr", "synonyms"], classified=["groupings"]),
            }
        )
    columns = (
        Column("name", msg("Sector")),
        Column("id", msg("--sector")),
        Column("groupings", msg("Groupings"), justify="right"),
        Column("named_by", _NAMED_BY, _named_by),
    )
    notes = (
        msg("The sectors are the tool's vocabulary: a grouping has a sector only where its domain or name says it."),
        msg(
            "--sector also takes a sector's name in any of the tool's languages, or a synonym (--format json lists them)."
        ),
    )
    return Table(msg("Sectors"), columns, data, notes=notes)
