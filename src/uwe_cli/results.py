"""What a command produces: plain data for the output layer to render, never formatted text.

A `Table` is many rows (a comparison, a list); a `Document` is one thing told in fields and
sections (a profile, the lessons). Both carry `data`, the machine form that JSON and CSV show:
numbers as numbers, every record with its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    justify: Literal["left", "right"] = "left"


@dataclass(frozen=True)
class Bar:
    """One bar of a horizontal bar chart."""

    label: str
    value: float
    shown: str


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    # Display strings keyed by column key, one dict per row.
    rows: tuple[dict[str, str], ...]
    data: list[dict[str, Any]]
    chart: tuple[Bar, ...] = ()
    chart_title: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Item:
    text: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    heading: str
    items: tuple[Item, ...] = ()
    # Label/value pairs shown before the items.
    fields: tuple[tuple[str, str], ...] = ()
    # Text shown as it is, line for line (a BibTeX entry), after the items.
    verbatim: str = ""


@dataclass(frozen=True)
class Document:
    title: str
    data: dict[str, Any] | list[dict[str, Any]]
    fields: tuple[tuple[str, str], ...] = ()
    sections: tuple[Section, ...] = ()
    notes: tuple[str, ...] = field(default=())


Result = Table | Document
