"""The slides' words behind the tool's sector tags: which words of a grouping name each of its sectors.

A sector tag is the tool's classification, not the slides'. The data tags a grouping with a sector
only where the grouping's domain, or its name, says the sector's name or one of its
synonyms (sectors.yaml): « Énergie durable » names Energy. This module finds those words at
run time, so that the views and the exports show them beside the tag and cite only the
slide that says them; a tag that no words name (possible in a user's own data) has none.

Pure functions of the validated data (plain dicts); nothing here formats or prints.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypedDict

from uwe_cli.names.matching import search_key

if TYPE_CHECKING:
    from uwe_cli.dataset.shapes import ClusterData, SectorData, TextData

    class Said(TypedDict):
        """A grouping's words that name a sector, and the slides that say them."""

        text: TextData
        source: list[str]


def _keys(sector: SectorData) -> tuple[str, ...]:
    """The sector's words as search keys: its names and synonyms."""
    return _keys_of((*map(str, sector["name"].values()), *sector["synonyms"]))


@lru_cache(maxsize=1024)
def _keys_of(words: tuple[str, ...]) -> tuple[str, ...]:
    # (a grouping's page asks for its sectors' keys: 10,000 groupings, a few sectors)
    return tuple(key for key in dict.fromkeys(search_key(w) for w in words) if key)


def _said(cluster: ClusterData) -> Iterator[tuple[TextData, list[str]]]:
    """A grouping's own words, each with the slides that say them: its domains, then its name."""
    for membership in cluster["memberships"]:
        if domain := membership["domain"]:
            yield domain, [membership["slide"]] if membership.get("slide") else cluster["source"]
    yield cluster["name"], cluster["source"]


@lru_cache(maxsize=4096)
def _padded(text: str) -> str:
    # Many groupings share a domain's words; a large data folder asks for them again and again.
    return f" {search_key(text)} "


def words(cluster: ClusterData, sector: SectorData, keys: Sequence[str] | None = None) -> Said | None:
    """The first of the grouping's texts whose French names the sector: `{text, source}`, else None.

    `text` is the slides' text in every language (the French is theirs, verbatim); `source`
    the ids of the slides that say it. `keys`: the sector's, when the caller has them.
    """
    keys = _keys(sector) if keys is None else keys
    for text, slides in _said(cluster):
        said = _padded(text["fr"])
        if any(f" {key} " in said for key in keys):
            return {"text": text, "source": list(slides)}
    return None


def tagged(dataset: Any, sector: SectorData) -> list[tuple[ClusterData, Said | None]]:
    """Every grouping tagged with `sector`, with the words that name it (None where none do)."""
    keys = _keys(sector)
    return [(c, words(c, sector, keys)) for c in dataset["clusters"] if sector["id"] in c["sectors"]]
