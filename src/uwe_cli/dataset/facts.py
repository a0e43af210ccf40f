"""Each fact's one slide: a figure, a text of the slides, a membership, a bullet names the slide
that states it, never the several slides of its record.

In a data file a fact carries `slide: ID` where its record cites several slides (`placed`
lists them, for `uwe data check` to refuse one that names none), and inherits its record's one slide
otherwise. `resolve` writes that slide into every fact of the validated data, once, when a
folder is validated: the views, JSON, CSV and the export read `fact["slide"]` and nothing else.
A fact's parts (a figure's quote, a bullet's sub-bullets) are on the fact's slide.
"""

from __future__ import annotations

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
    # (data parsed from JSON: dicts, lists and leaves only; a lesson may hold 460,000 points, so
    # only containers are recursed into)
    if type(value) is dict:
        if "slide" in value:
            if value["slide"] is None:
                if slide is None:
                    del value["slide"]
                else:
                    value["slide"] = slide
            slide = value.get("slide", slide)
        items: Any = value.values()
    elif type(value) is list:
        items = value
    else:
        return
    for item in items:
        if type(item) is dict or type(item) is list:
            _fill(item, slide)


def placed(record: Any, loc: tuple[Any, ...]) -> list[tuple[tuple[Any, ...], str | None]]:
    """(where, slide) for each fact of `record` (a model) that names its slide, and (where,
    None) for each outermost one that does not (its parts are on its slide, whichever it is)."""
    from pydantic import BaseModel

    from uwe_cli.dataset.texts import Words

    # (a list filled in, not nested generators: a lesson may hold 460,000 points, each a model)
    found: list[tuple[tuple[Any, ...], str | None]] = []

    def walk(value: Any, loc: tuple[Any, ...], placed: bool) -> None:
        if isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, (BaseModel, tuple)):  # (nothing else holds a fact)
                    walk(item, (*loc, i), placed)
            return
        if not isinstance(value, BaseModel) or isinstance(value, Words):  # (Words: the tool's, no slide says them)
            return
        names, has_slide = _field_names(type(value))
        if has_slide:
            slide = value.slide  # type: ignore[attr-defined]
            if slide is None and not placed:
                found.append((loc, None))
                return  # (its parts would only say the same again)
            if slide is not None:
                found.append((loc, slide))
            placed = True
        for name in names:
            item = getattr(value, name)
            if isinstance(item, (BaseModel, tuple)):
                walk(item, (*loc, name), placed)

    for name in _field_names(type(record))[0]:
        if name not in _NOT_FACTS:
            walk(getattr(record, name), (*loc, name), False)
    return found


_FIELD_NAMES: dict[Any, tuple[tuple[str, ...], bool]] = {}


def _field_names(model: Any) -> tuple[tuple[str, ...], bool]:
    """A model's fields but `slide`, and whether it has a `slide` (once per model class)."""
    found = _FIELD_NAMES.get(model)
    if found is None:
        fields = model.model_fields
        found = _FIELD_NAMES[model] = (tuple(name for name in fields if name != "slide"), "slide" in fields)
    return found
