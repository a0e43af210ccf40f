"""The named groupings (clusters, poles, export grappes) and the sector vocabulary."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from uwe_cli import lookup, matching
from uwe_cli.dataset import Dataset, Record
from uwe_cli.form import Column, Document, Field, Listing, Section, Show, Table, msg, msg_p
from uwe_cli.language import Language
from uwe_cli.views.common import (
    either,
    find,
    first_domain,
    named,
    names,
    record_data,
    scheme_ids,
    search_key,
    shell_word,
    source_section,
)
from uwe_cli.vocabulary import CLUSTER_STATUSES

# A grouping's status, as a reader says it.
STATUS_WORDS = {"active": msg_p("cluster status", "active"), "in-formation": msg_p("cluster status", "in formation")}


def _status(status: str, lang: Language) -> str:
    return lang.message(STATUS_WORDS[status])


def clusters(
    ds: Dataset,
    *,
    sector: Sequence[str] = (),
    scheme_name: Sequence[str] = (),
    status: Sequence[str] = (),
    search: str | None = None,
) -> Table:
    """The groupings that pass every filter given; a filter given twice means either value."""
    chosen: list[Record] = ds["clusters"]
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
        statuses = list(dict.fromkeys(lookup.choose(s, CLUSTER_STATUSES, what="status") for s in status))
        chosen = [c for c in chosen if c["status"] in statuses]
        filters.append(either([STATUS_WORDS[s] for s in statuses]))
    key = search_key(search) if search is not None else ""
    if search is not None:
        chosen = [c for c in chosen if _mentions(c, key)]
        filters.append(msg("“{text}”", text=search))
    data = [
        {
            "id": c["id"],
            "name": c["name"],
            "schemes": scheme_ids(c),
            "domain": first_domain(c),
            "sectors": list(c["sectors"]),
            "status": c["status"],
            "source": ds.sources(c["source"]),
        }
        for c in chosen
    ]
    columns = (
        Column("name", msg("Grouping")),
        Column("schemes", msg("Schemes"), _lines(names(ds["schemes"]))),
        Column("domain", msg("Domain")),
        Column("sectors", msg("Sectors"), named(names(ds["sectors"]))),
        Column("status", msg("Status"), _status),
    )
    title = msg("Named groupings ({count})", count=len(data))
    if filters:
        title = msg("{title}: {filters}", title=title, filters=_joined(filters))
    when_empty = _nothing(ds, search) if not data else None
    return Table(title, columns, data, keys=KEYS, when_empty=when_empty, highlight=key if search is not None else "")


# The JSON keys of a grouping in the list: the CSV header, even of an empty list.
KEYS = ("id", "name", "schemes", "domain", "sectors", "status", "source")


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


def _mentions(c: Record, key: str) -> bool:
    return any(matching.mentions(t, key) for t in _cluster_texts(c))


def _joined(parts: list[Any]) -> Any:
    shown = parts[0]
    for part in parts[1:]:
        shown = msg("{first}, {second}", first=shown, second=part)
    return shown


def _lines(mapping: dict[str, Any]) -> Show:
    """Show a list of ids as the names `mapping` gives them, one per line."""
    return lambda ids, lang: "\n".join(lang.text(mapping[i]) for i in ids)


def _cluster_texts(c: Record) -> Iterator[str]:
    # Words a reader sees: the name and domains, not the id (`uwe search` neither).
    for t in (c["name"], *(m["domain"] for m in c["memberships"] if m["domain"])):
        yield from t.values()


def cluster(ds: Dataset, name: str) -> Document:
    c = find(ds, "clusters", name)
    scheme_names = names(ds["schemes"])

    def domain(m: Record, lang: Language) -> str:
        if not m.get("domain"):
            return ""
        return lang.message(msg("{label}: {text}", label=scheme_names[m["scheme"]], text=m["domain"]))

    fields = (
        Field(msg("Schemes"), "schemes", named(scheme_names)),
        Field(msg("Status"), "status", _status),
        Field(msg("Sectors"), "sectors", lambda ids, lang: named(names(ds["sectors"]))(ids, lang) or "—"),
    )
    sections = (
        Section(msg("Domain"), items="memberships", show=domain),
        source_section(ds),
    )
    data = record_data(ds, c)
    # As in `uwe clusters`: every scheme, and the first domain, with no need to read memberships.
    data["schemes"] = scheme_ids(c)
    found = first_domain(c)
    if found is not None:  # (empty fields are left out, as everywhere in record_data)
        data["domain"] = found
    return Document(c["name"], data, fields, sections)


# Sectors


def sector_slides(ds: Dataset, sector: Record) -> list[str]:
    """The sector tags are uwe's: what supports one is the slides of the groupings it tags."""
    return list(dict.fromkeys(s for c in ds["clusters"] if sector["id"] in c["sectors"] for s in c["source"]))


def _also(s: Record, lang: Language) -> str:
    # The French and English names where the reader's is another, and enough synonyms to
    # recognise the sector; the full list is in --format json.
    others = [name for name in dict.fromkeys((s["name_fr"], s["name_en"])) if name != s["name"]]
    synonyms = s["synonyms"]
    return ", ".join([*others, *synonyms[:3]]) + (", …" if len(synonyms) > 3 else "")


def sectors(ds: Dataset) -> Table:
    counts = {s["id"]: sum(s["id"] in c["sectors"] for c in ds["clusters"]) for s in ds["sectors"]}
    data = [
        {
            "id": s["id"],
            "name": s["name"],
            "name_en": s["name"]["en"],
            "name_fr": s["name"]["fr"],
            "synonyms": list(s["synonyms"]),
            "groupings": counts[s["id"]],
            "source": ds.sources(sector_slides(ds, s)),
        }
        for s in ds["sectors"]
    ]
    columns = (
        Column("name", msg("Sector")),
        Column("id", msg("--sector")),
        Column("groupings", msg("Groupings"), justify="right"),
        Column("", msg("Also matches"), _also),
    )
    return Table(msg("Sectors"), columns, data)

