"""Read-only views over validated data, cheap enough for every command's start-up.

The pydantic models (models.py) validate a data folder once; what they validated is kept
as plain JSON data (store.py caches it). Commands read it through these wrappers, which
give attribute access (`cluster.name.get("fr")`, `region.population.value`) without
importing pydantic, whose classes alone would cost more than the rest of a command.
Every field of the models is present in the data, so every field a model has, a record
has too (a model's derived properties are not: views.py derives what it needs).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

T = TypeVar("T")


class Record:
    """One record (or any nested mapping) of validated data."""

    # `__dict__` keeps each field once wrapped, where Python looks before calling
    # `__getattr__`: a command reads a few fields of many records, some of them often.
    __slots__ = ("_data", "__dict__")

    def __init__(self, data: dict[str, Any]) -> None:
        object.__setattr__(self, "_data", data)

    def __getattr__(self, name: str) -> Any:
        try:
            value = self._data[name]
        except KeyError:
            raise AttributeError(name) from None
        self.__dict__[name] = value = wrap(value)
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


_TEXT = frozenset(("fr", "en"))


def is_text(data: dict[str, Any]) -> bool:
    """Whether validated data is a text in French and English (a `Text`), not a record."""
    return data.keys() == _TEXT


def wrap(value: Any) -> Any:
    # `type() is`, not isinstance: validated JSON holds only plain dicts and lists, and this
    # runs once per record read, ten thousand times on a large folder.
    kind = type(value)
    if kind is dict:
        return Text(value) if is_text(value) else Record(value)
    if kind is list:
        # Validated lists hold one kind of item: ids and numbers need no wrapping.
        if value and type(value[0]) in (dict, list):
            return tuple(map(wrap, value))
        return tuple(value)
    return value


def memo(dataset: Record, name: str, build: Callable[[], T]) -> T:
    """What `build` returns, built once per dataset: indexes and labels a view reuses."""
    key = " " + name  # (a leading space: no field's name)
    try:
        return dataset.__dict__[key]  # type: ignore[no-any-return]
    except KeyError:
        value = dataset.__dict__[key] = build()
        return value


def slide(dataset: Record, slide_id: str) -> Record:
    return memo(dataset, "slides", lambda: {s.id: s for s in dataset.presentation.slides})[slide_id]


def presentation_date(dataset: Record) -> date:
    return date.fromisoformat(dataset.presentation.date)
