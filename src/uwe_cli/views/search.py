"""Every record of any kind that mentions a text, in any of the dataset's languages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from uwe_cli import matching
from uwe_cli.dataset import Dataset, Record
from uwe_cli.form import Column, Show, Table, msg, msg_n
from uwe_cli.language import Language, is_text
from uwe_cli.lookup import display_name
from uwe_cli.views.clusters import sector_slides
from uwe_cli.views.common import citable, search_key


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str | None, str]]:
    """(field, language or None, text) for every text inside a record."""
    if isinstance(value, dict):
        if is_text(value):
            yield from ((path, lang, text) for lang, text in value.items())
            return
        for key, item in value.items():
            if key not in ("source", "id"):
                yield from _strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, None, value


def _hits(ds: Dataset, key: str) -> Iterator[dict[str, Any]]:
    for kind, record in [*citable(ds, slides=True), *(("sector", s) for s in ds["sectors"])]:
        seen: set[str] = set()
        for field, found_lang, value in _strings(record):
            if field in seen or not matching.mentions(value, key):
                continue
            seen.add(field)  # one hit per field, in the first language that matches
            yield {"kind": kind, "id": record["id"], "name": display_name(record), "field": field,
                   "lang": found_lang, "text": value, "source": ds.sources(_slides(ds, kind, record))}  # fmt: skip


def _slides(ds: Dataset, kind: str, record: Record) -> list[str]:
    if kind == "slide":
        return [record["id"]]
    return sector_slides(ds, record) if kind == "sector" else record["source"]


def search(ds: Dataset, *, query: str) -> Table:
    key = search_key(query)
    data = list(_hits(ds, key))
    columns = (
        Column("kind", msg("Kind")),
        Column("name", msg("Record")),
        Column("", msg("Field"), lambda hit, lang: hit["field"] + (f" ({hit['lang']})" if hit["lang"] else "")),
        Column("text", msg("Match"), _snippet(key)),
    )
    title = msg_n("“{query}”: {n} match", "“{query}”: {n} matches", n=len(data), query=query)
    return Table(title, columns, data, translated=False)  # (each match names its language)


def _snippet(key: str, room: int = 80) -> Show:
    def show(value: str, lang: Language) -> str:
        if len(value) <= room:
            return value
        start = max(0, matching.locate(value, key) - room // 3)
        piece = value[start : start + room]
        return ("…" if start else "") + piece + ("…" if start + room < len(value) else "")

    return show
