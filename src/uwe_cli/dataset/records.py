"""A data folder's validated content, as commands read it: plain JSON data, and a few indexes.

The pydantic models (models.py) validate a folder once; what they validated is kept as
plain JSON data (the cache stores it). Commands read that data as dicts and lists,
without importing pydantic, whose classes alone would cost more than the rest of a command.
Every field of the models is present in the data (None or [] where a file leaves it out).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from uwe_cli.i18n.messages import Listing, msg, msg_n

Record = dict[str, Any]


class Dataset:
    """The validated data of one folder, with the indexes views share built once."""

    __slots__ = ("_data", "_slides", "_slide_labels", "_by_id", "_derived")

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data
        self._slides: dict[str, Record] | None = None
        self._slide_labels: dict[str, Any] = {}
        self._by_id: dict[str, dict[str, Record]] = {}
        self._derived: dict[str, Any] = {}

    def __getitem__(self, kind: str) -> Any:
        """A list of records (`regions`, `schemes`, ...), `organisation` or `presentation`."""
        return self._data[kind]

    @property
    def outdated_translations(self) -> list[dict[str, str]]:
        """Translations of French the data no longer has (translations.py), as recorded at load."""
        return list(self._data.get("translation_notes", ()))

    @property
    def outdated_not_listed(self) -> int:
        """How many more outdated translations there are than `outdated_translations` lists."""
        return int(self._data.get("translation_notes_more", 0))

    def derived(self, key: str, compute: Callable[[], Any]) -> Any:
        """What `compute` gives, computed once per dataset: `uwe site` asks a page per record
        whether the notes concern it, and computing them each time made it quadratic."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]

    def dump(self) -> dict[str, Any]:
        """The validated data itself, as JSON holds it."""
        return self._data

    @property
    def presentation_date(self) -> date:
        return date.fromisoformat(self._data["presentation"]["date"])

    def summary(self) -> Listing:
        """What the folder holds, counted as `uwe data check` says it: `1 country, 3 regions, ...`.

        Regions are counted by kind: Belgium is a country, and the German-speaking Community
        lies within Wallonia, so neither is a region.
        """
        kinds = [r["kind"] for r in self._data["regions"]]
        counts = [(kind, kinds.count(kind)) for kind in dict.fromkeys(kinds)]
        counts += [(name, len(self._data[name])) for name in ("schemes", "clusters", "sectors", "lessons", "concepts")]
        counts += [("glossary", len(self._data["glossary"])), ("slides", len(self._data["presentation"]["slides"]))]
        return Listing(tuple(_COUNTED[what](n) for what, n in counts), style="comma")

    def with_id(self, kind: str, record_id: str) -> Record | None:
        """The record of `kind` whose id is exactly `record_id`, if any: `uwe site` shows every
        grouping, and a search of 10,000 by name for each would cost minutes."""
        index = self._by_id.get(kind)
        if index is None:
            index = self._by_id[kind] = {r["id"]: r for r in self._data[kind]}
        return index.get(record_id)

    def slide(self, slide_id: str) -> Record:
        if self._slides is None:
            self._slides = {s["id"]: s for s in self._data["presentation"]["slides"]}
        return self._slides[slide_id]

    def sources(self, ids: Iterable[str]) -> list[Any]:
        """The slides `ids` name, each as its label in every language (see slide_label)."""
        labels = self._slide_labels
        out = []
        for slide_id in ids:
            if slide_id not in labels:  # a list of many groupings cites the same few slides
                labels[slide_id] = slide_label(self.slide(slide_id))
            out.append(labels[slide_id])
        return out


# How `uwe data check` counts each kind of record.
_COUNTED = {
    "country": lambda n: msg_n("{n} country", "{n} countries", n=n),
    "region": lambda n: msg_n("{n} region", "{n} regions", n=n),
    "community": lambda n: msg_n("{n} community", "{n} communities", n=n),
    "schemes": lambda n: msg_n("{n} scheme", "{n} schemes", n=n),
    "clusters": lambda n: msg_n("{n} cluster", "{n} clusters", n=n),
    "sectors": lambda n: msg_n("{n} sector", "{n} sectors", n=n),
    "lessons": lambda n: msg_n("{n} lesson", "{n} lessons", n=n),
    "concepts": lambda n: msg_n("{n} concept", "{n} concepts", n=n),
    "glossary": lambda n: msg_n("{n} glossary term", "{n} glossary terms", n=n),
    "slides": lambda n: msg_n("{n} slide", "{n} slides", n=n),
}


def slide_label(slide: Record) -> Any:
    """`Title — subtitle (p. 20)`: how a slide is named wherever it is cited (a message whose
    parts are dataset texts, shown in the reader's language)."""
    return label(slide["title"], slide.get("subtitle"), slide.get("page"))


def label(title: Any, subtitle: Any, page: int | None) -> Any:
    """A slide's label from its title, subtitle and page (texts, or strings in one language)."""
    shown = msg("{title} — {subtitle}", title=title, subtitle=subtitle) if subtitle else title
    return msg("{title} (p. {page})", title=shown, page=page) if page else shown
