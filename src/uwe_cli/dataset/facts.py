"""Each fact's one slide: a figure, a text of the slides, a membership, a bullet names the slide
that states it, never the several slides of its record.

In a data file a fact carries `slide: ID` where its record cites several slides (`placed`
lists them, for `uwe data check` to refuse one that names none), and inherits its record's one slide
otherwise. `resolve` writes that slide into every fact of the validated data, once, when a
folder is validated: the views, JSON, CSV and the export read `fact["slide"]` and nothing else.
A fact's parts (a figure's quote, a bullet's sub-bullets) are on the fact's slide.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# What a record holds that is not a fact of one slide: its id and name (which name the
# record on every slide), the slides it cites, and the tool's own additions.
_NOT_FACTS = frozenset({"id", "name", "source"})
# The records that cite slides, by the key of their list in the data.
KINDS = ("regions", "schemes", "clusters", "lessons", "concepts")


def resolve(data: dict[str, Any]) -> None:
    """Give every fact of the validated data (plain JSON) its slide, in place.

    A `slide` left empty takes the record's, where the record cites one slide; elsewhere
    (a slide's title, the presentation's place) an empty `slide` is dropped.
    """
    records = [record for kind in KINDS for record in data[kind]] + [data["organisation"]]
    for record in records:
        own = record["source"][0] if len(record["source"]) == 1 else None
        for key, value in record.items():
            _fill(value, None if key in _NOT_FACTS else own)
    for term in data.get("glossary", ()):  # (a usage names its one slide: `slide`)
        for usage in term["usages"]:
            _fill(usage["quote"], usage["slide"])
    _fill(data["presentation"], None)


def _fill(value: Any, slide: str | None) -> None:
    if isinstance(value, dict):
        if "slide" in value:
            if value["slide"] is None:
                if slide is None:
                    del value["slide"]
                else:
                    value["slide"] = slide
            slide = value.get("slide", slide)
        for item in value.values():
            _fill(item, slide)
    elif isinstance(value, list):
        for item in value:
            _fill(item, slide)


def placed(record: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str | None]]:
    """(where, slide) for each fact of `record` (a model) that names its slide, and (where,
    None) for each outermost one that does not (its parts are on its slide, whichever it is)."""
    for name in type(record).model_fields:
        if name not in _NOT_FACTS:
            yield from _walk(getattr(record, name), (*loc, name), placed=False)


def _walk(value: Any, loc: tuple[Any, ...], *, placed: bool) -> Iterator[tuple[tuple[Any, ...], str | None]]:
    from pydantic import BaseModel

    from uwe_cli.dataset.texts import Words

    if isinstance(value, Words):  # (the tool's words: no slide says them)
        return
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        if "slide" in fields:
            slide = value.slide  # type: ignore[attr-defined]
            if slide is None and not placed:
                yield loc, None
                return  # (its parts would only say the same again)
            if slide is not None:
                yield loc, slide
            placed = True
        for name in fields:
            if name != "slide":
                yield from _walk(getattr(value, name), (*loc, name), placed=placed)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _walk(item, (*loc, i), placed=placed)
