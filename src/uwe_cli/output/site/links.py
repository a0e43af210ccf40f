"""Where each page of the site is, and how a fact finds the slide that states it.

Pages are `LANG/NAME.html` (a view) and `LANG/KIND/ID.html` (a record or a slide); links
are relative, so the folder works from `file://`, a USB stick or any static server.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from uwe_cli.dataset.records import Dataset

# The records that have a page of their own, in the order an id is looked for.
RECORD_KINDS = ("region", "scheme", "cluster")
# The views that have a page, by the name of their page (and of their `uwe` command).
VIEW_PAGES = ("regions", "schemes", "clusters", "sectors", "lessons", "results", "concepts", "notes", "about")


def page_name(record_id: str) -> str:
    """A file name for an id (ids are validated slugs; anything else is escaped, not trusted)."""
    return quote(record_id, safe="") + ".html"


def relative(here: str, there: str) -> str:
    """The link from the page `here` to `there` (both paths from the site's root, as
    written here: no `.` or `..` in them): up to the root, then down (a path's relpath
    would cost as much as the rest of a page)."""
    top, _, _ = here.partition("/")
    if there.startswith(top + "/"):  # (within a language's folder: `../slide/wallonia.html`)
        return "../" * (here.count("/") - 1) + there[len(top) + 1 :]
    return "../" * here.count("/") + there


class Links:
    """The site's pages by record, and each slide label by slide id (see slide_ids)."""

    def __init__(self, ds: Dataset) -> None:
        self.records: dict[str, dict[str, str]] = {
            kind: {r["id"]: f"{kind}/{page_name(r['id'])}" for r in ds[kind + "s"]} for kind in RECORD_KINDS
        }
        # Each record's name, to link a value that names records by id (a grouping's schemes).
        self.names: dict[str, tuple[str, Any]] = {
            r["id"]: (kind, r["name"]) for kind in reversed(RECORD_KINDS) for r in ds[kind + "s"]
        }
        slides = ds["presentation"]["slides"]
        self.slides = {s["id"]: f"slide/{page_name(s['id'])}" for s in slides}
        # Each slide's title and subtitle, whose words its label shows (marked by their language).
        self.titles: dict[str, list[Any]] = {s["id"]: [s["title"], s.get("subtitle")] for s in slides}
        # A view's `source` holds the labels ds.sources made, one object per slide (cached):
        # the object tells the slide, even where two slides have the same title.
        labels = [(s["id"], ds.sources([s["id"]])[0]) for s in slides]
        self._by_object = {id(label): slide_id for slide_id, label in labels}
        self._labels = labels
        self._shown: dict[tuple[str, str], str] = {}

    def label(self, slide_id: str, lang: Any) -> str:
        """The slide's label in `lang`, as a fact cites it (`Pourquoi des clusters? (p. 8)`)."""
        key = (slide_id, lang.code)
        if key not in self._shown:
            self._shown[key] = str(lang.localize(dict(self._labels)[slide_id]))
        return self._shown[key]

    def record(self, record_id: Any, kind: Any = None) -> str | None:
        """The page of the record `record_id` (of `kind` if it is a kind with pages)."""
        if not isinstance(record_id, str):
            return None
        if kind in self.records and record_id in self.records[kind]:
            return self.records[kind][record_id]
        return next((pages[record_id] for pages in self.records.values() if record_id in pages), None)

    def slide_ids(self, source: Any) -> list[str]:
        """The slides a `slide` or `source` value names: slide ids, or labels a view made."""
        listed = source if isinstance(source, list) else [] if source is None else [source]
        found = []
        for item in listed:
            if isinstance(item, str) and item in self.slides:
                found.append(item)
            elif id(item) in self._by_object:
                found.append(self._by_object[id(item)])
            else:  # (a label built again: the first slide it equals)
                found += [slide_id for slide_id, label in self._labels if label == item][:1]
        return list(dict.fromkeys(found))

    def facts_slides(self, raw: Any, inherited: list[str]) -> list[str]:
        """The slides of a fact: its own `slide` where the data gives one, else its `source`,
        else those of the record it belongs to (`inherited`)."""
        if isinstance(raw, dict):
            own = self.slide_ids(raw.get("slide")) or self.slide_ids(raw.get("source"))
            if own:
                return own
        if isinstance(raw, list):
            found = [s for item in raw if isinstance(item, dict) for s in self.facts_slides(item, [])]
            if found:
                return list(dict.fromkeys(found))
        return inherited
