"""Read-only views over validated data, cheap enough for every command's start-up.

The pydantic models (models.py) validate a data folder once; what they validated is kept
as plain JSON data (store.py caches it). Commands read it through these wrappers, which
give attribute access (`cluster.name.get("fr")`, `region.population.value`) without
importing pydantic, whose classes alone would cost more than the rest of a command.
Every field of the models is present in the data, so every attribute a model has, a
record has too.
"""

from __future__ import annotations

from datetime import date
from typing import Any


class Record:
    """One record (or any nested mapping) of validated data."""

    __slots__ = ("_data", "_wrapped")

    def __init__(self, data: dict[str, Any]) -> None:
        object.__setattr__(self, "_data", data)
        object.__setattr__(self, "_wrapped", {})

    def __getattr__(self, name: str) -> Any:
        try:
            return self._wrapped[name]
        except KeyError:
            pass
        try:
            value = self._data[name]
        except KeyError:
            raise AttributeError(name) from None
        # Wrapped once, on first use: a command reads a few fields of many records.
        self._wrapped[name] = value = wrap(value)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def dump(self) -> dict[str, Any]:
        """The JSON form of the record, as validated."""
        return self._data


class Text(Record):
    """A text in French and English."""

    __slots__ = ()

    def get(self, lang: str) -> str:
        return self._data["fr" if lang == "fr" else "en"]


def wrap(value: Any) -> Any:
    if isinstance(value, dict):
        return Text(value) if value.keys() == {"fr", "en"} else Record(value)
    if isinstance(value, list):
        # Validated lists hold one kind of item: ids and numbers need no wrapping.
        if value and isinstance(value[0], (dict, list)):
            return tuple([wrap(v) for v in value])
        return tuple(value)
    return value


def slide(dataset: Record, slide_id: str) -> Record:
    index = dataset._wrapped.get(" slides")  # (a key no field can have)
    if index is None:
        index = dataset._wrapped[" slides"] = {s.id: s for s in dataset.presentation.slides}
    return index[slide_id]


def presentation_date(dataset: Record) -> date:
    return date.fromisoformat(dataset.presentation.date)
