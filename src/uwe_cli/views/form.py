"""What a view returns: its data, once, and how to present it; never formatted text.

`data` is what `--format json` shows (after `Language.localize`): numbers as numbers, every
record with its source. The rest describes how to present that data: columns, fields and
sections naming a key of the data, a label (a `Message`) and how to show the value (a
function of the localized value and the language). The output layer derives
the table, Markdown and CSV from this one form, so they cannot drift apart.

A `Table` is many rows (a list, a comparison of regions); a `Comparison` sets a few records
side by side, one column each; a `Document` tells one thing (or a list, grouped) in fields
and sections.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Union

from uwe_cli.i18n.messages import Message, OverSlidesWords

if TYPE_CHECKING:
    from uwe_cli.dataset.shapes import TextData, WordsData
    from uwe_cli.i18n.language import Language

# How a value is shown: its localized JSON value and the language in, display text out.
Show = Callable[[Any, "Language"], str]
# A text of the dataset (a record's name), shown in the reader's language.
DatasetText = Union["TextData", "WordsData"]
# A label: a message, one over the slides' words that says when they are translated, or a
# text of the dataset (a region's name over its summary).
Label = Union[Message, OverSlidesWords, DatasetText]
# How an item of a section is shown with the points under it.
ShowPoints = Callable[[Any, "Language"], list[str]]


def text(value: Any, lang: Language) -> str:
    """The default way to show a value: as it is ("" for none)."""
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Column:
    key: str
    label: Label
    show: Show = text
    justify: Literal["left", "right"] = "left"


@dataclass(frozen=True)
class Field:
    """A label and the value at `key` (a dotted path; "" is the record itself)."""

    label: Label
    key: str
    show: Show = text


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart of the rows' `value` (rows without one have no bar)."""

    title: Message
    label: str
    value: str
    show: Show = text


@dataclass(frozen=True)
class Table:
    title: Message
    columns: tuple[Column, ...]
    data: list[dict[str, Any]]
    chart: Chart | None = None
    notes: tuple[Any, ...] = ()  # messages or dataset texts
    # A key whose shown value orders the rows (a name, in the reader's language), A to Z
    # or, with `order_reversed`, Z to A.
    order_by: str | None = None
    order_reversed: bool = False
    # The keys of a row of the data: the CSV header, which an empty result still prints.
    keys: tuple[str, ...] = ()
    # What to tell the reader (on stderr) when there are no rows, and what to try next.
    when_empty: Any = None
    # A search key whose matches the table view highlights (matching.spans).
    highlight: str = ""
    translated: bool = True  # see Document


@dataclass(frozen=True)
class Comparison:
    """Records side by side: a column per record (headed by its `header` key), a row per field."""

    title: Message
    header: str
    rows: tuple[Field, ...]
    data: list[dict[str, Any]]
    notes: tuple[Any, ...] = ()  # messages or dataset texts
    translated: bool = True  # see Document
    order_by: str | None = None  # see Table
    order_reversed: bool = False


@dataclass(frozen=True)
class Section:
    """A heading over fields, a list of items, or text shown line for line.

    `items` is the key of a list in the data ("" for the data itself, when it is a list);
    `only` keeps the items whose `key` holds `value`; `show` gives an item's text and
    `points` the texts under it. A section with nothing to show is left out.
    """

    heading: Message
    items: str | None = None
    show: Show = text
    points: ShowPoints | None = None
    only: tuple[str, Any] | None = None
    fields: tuple[Field, ...] = ()
    verbatim: str | None = None
    # Show an item once, however often the data lists it (two slides with one title).
    distinct: bool = False


@dataclass(frozen=True)
class Document:
    # A message, or a dataset text (a record's name).
    title: Message | DatasetText
    data: dict[str, Any] | list[dict[str, Any]]
    fields: tuple[Field, ...] = ()
    sections: tuple[Section, ...] = ()
    notes: tuple[Any, ...] = ()  # messages or dataset texts
    # Whether the form shows the data's texts in the reader's language, so that outside the
    # slides' own language the table and Markdown say they are the tool's translation.
    translated: bool = True
    # The key of the data that `--format bibtex` prints alone (`uwe cite`); None: no BibTeX.
    bibtex: str | None = None


Form = Table | Comparison | Document
