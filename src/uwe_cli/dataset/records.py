"""A data folder's validated content, as commands read it: plain JSON data, and a few indexes.

The pydantic models (models.py) validate a folder once; what they validated is kept as
plain JSON data (the cache stores it). Commands read that data as dicts and lists,
without importing pydantic, whose classes alone would cost more than the rest of a command.
Every field of the models is present in the data (None or [] where a file leaves it out).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, overload

from uwe_cli.i18n.messages import Listing, msg, msg_n

if TYPE_CHECKING:  # (shapes.py is for the type checker: nothing of it runs in a command)
    from uwe_cli.dataset.shapes import (
        ClusterData,
        ConceptData,
        DatasetData,
        LessonData,
        OrganisationData,
        OutdatedNote,
        PresentationData,
        RegionData,
        SchemeData,
        SectorData,
        SlideData,
        TermData,
    )

# A record's data where any kind of record will do (a search, the JSON of a record, read-only);
# a view that knows the kind reads its shape (shapes.py: `RegionData`, `SchemeData`, ...).
Record = Mapping[str, Any]


class Dataset:
    """The validated data of one folder, with the indexes views share built once."""

    __slots__ = ("_data", "_slides", "_slide_labels", "_by_id", "_derived")

    def __init__(self, data: DatasetData) -> None:
        self._data = data
        self._slides: dict[str, SlideData] | None = None
        self._slide_labels: dict[str, Any] = {}
        self._by_id: dict[str, dict[str, Record]] = {}
        self._derived: dict[str, Any] = {}

    # Each key of the data with its shape, so that the type checker reads `ds["regions"][0]["area"]`
    # (for the type checker only: `typing.overload` would cost every command start-up time).
    if TYPE_CHECKING:

        @overload
        def __getitem__(self, kind: Literal["regions"]) -> list[RegionData]: ...
        @overload
        def __getitem__(self, kind: Literal["schemes"]) -> list[SchemeData]: ...
        @overload
        def __getitem__(self, kind: Literal["clusters"]) -> list[ClusterData]: ...
        @overload
        def __getitem__(self, kind: Literal["sectors"]) -> list[SectorData]: ...
        @overload
        def __getitem__(self, kind: Literal["lessons"]) -> list[LessonData]: ...
        @overload
        def __getitem__(self, kind: Literal["concepts"]) -> list[ConceptData]: ...
        @overload
        def __getitem__(self, kind: Literal["glossary"]) -> list[TermData]: ...
        @overload  # (not a list: a run-time `kind` names a list, the overload below)
        def __getitem__(self, kind: Literal["organisation"]) -> OrganisationData: ...  # type: ignore[overload-overlap]
        @overload
        def __getitem__(self, kind: Literal["presentation"]) -> PresentationData: ...  # type: ignore[overload-overlap]
        @overload  # (a kind known only at run time, `ds[kind + "s"]`: any record)
        def __getitem__(self, kind: str) -> list[Record]: ...

    def __getitem__(self, kind: str) -> Any:
        """A list of records (`regions`, `schemes`, ...), `organisation` or `presentation`."""
        return self._data[kind]  # type: ignore[literal-required]  # (the overloads say which)

    @property
    def outdated_translations(self) -> list[OutdatedNote]:
        """Translations of French the data no longer has (translations.py), as recorded at load."""
        return list(self._data.get("translation_notes", []))

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

    def dump(self) -> DatasetData:
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
        counts: list[tuple[str, int]] = [(kind, kinds.count(kind)) for kind in dict.fromkeys(kinds)]
        counts += [(name, len(self[name])) for name in ("schemes", "clusters", "sectors", "lessons", "concepts")]
        counts += [("glossary", len(self._data["glossary"])), ("slides", len(self._data["presentation"]["slides"]))]
        return Listing(tuple(_COUNTED[what](n) for what, n in counts), style="comma")

    def with_id(self, kind: str, record_id: str) -> Record | None:
        """The record of `kind` whose id is exactly `record_id`, if any: `uwe site` shows every
        grouping, and a search of 10,000 by name for each would cost minutes."""
        index = self._by_id.get(kind)
        if index is None:
            index = self._by_id[kind] = {r["id"]: r for r in self[kind]}
        return index.get(record_id)

    def slide(self, slide_id: str) -> SlideData:
        if self._slides is None:
            self._slides = {s["id"]: s for s in self._data["presentation"]["slides"]}
        return self._slides[slide_id]

    def _alike(self, slide: SlideData) -> list[Any]:
        """The slides whose label would be `slide`'s, in the deck's order (grouped once: a
        search of 20,000 slides names each, and comparing each with all took minutes)."""
        groups: dict[tuple[Any, ...], list[Any]] = self.derived("slides by heading", self._by_heading)
        return groups[_heading(slide)]

    def _by_heading(self) -> dict[tuple[Any, ...], list[Any]]:
        groups: dict[tuple[Any, ...], list[Any]] = {}
        for slide in self._data["presentation"]["slides"]:
            groups.setdefault(_heading(slide), []).append(slide)
        return groups

    def sources(self, ids: Iterable[str]) -> list[Any]:
        """The slides `ids` name, each as its label in every language (see slide_label)."""
        labels = self._slide_labels
        out = []
        for slide_id in ids:
            if slide_id not in labels:  # a list of many groupings cites the same few slides
                labels[slide_id] = slide_label(self.slide(slide_id), self._alike(self.slide(slide_id)))
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


def slide_label(slide: Record, among: Iterable[Record] = ()) -> Any:
    """`Title — subtitle (p. 20)`: how a slide is named wherever it is cited (a message whose
    parts are dataset texts, shown in the reader's language).

    Where several of the slides `among` (the presentation's) would get the same label (two
    slides titled « Les clusters régionaux », neither with a page), the label says which of
    them it is, in the deck's order: a citation names one slide, never two.
    """
    shown = label(slide["title"], slide.get("subtitle"), slide.get("page"))
    same = [s["id"] for s in among if _heading(s) == _heading(slide)]
    if len(same) > 1 and slide["id"] in same:
        return msg("{label} (slide {n} of {count} with this title)", label=shown, n=same.index(slide["id"]) + 1,
                   count=len(same))  # fmt: skip
    return shown


def _heading(slide: Record) -> tuple[Any, ...]:
    subtitle = slide.get("subtitle")
    return slide["title"]["fr"], subtitle["fr"] if subtitle else None, slide.get("page")


def label(title: Any, subtitle: Any, page: int | None) -> Any:
    """A slide's label from its title, subtitle and page (texts, or strings in one language)."""
    shown = msg("{title} — {subtitle}", title=title, subtitle=subtitle) if subtitle else title
    return msg("{title} (p. {page})", title=shown, page=page) if page else shown
