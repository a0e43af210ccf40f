"""The dataset as normalised relational tables: plain rows and their schema, no I/O.

One definition serves both exports: datapackage.py writes these tables as CSV files with a
Table Schema each, database.py as SQLite tables. The input is the validated dataset as
plain JSON data (`store.load_dataset(...).dump()`), so nothing here depends on how uwe
shows data on screen.

- Every text of the data becomes one column per language (`name_fr`, `name_en`): French is
  the slides' own wording, English is uwe's translation.
- Every row taken from a slide carries the slide ids it comes from in `source` (link tables
  such as `region_slides` give the same as rows, with foreign keys to `slides`).
- Every figure has its value, unit, period, base and `maximum`; the one kind of figure uwe
  computes itself (GDP per capita as a share of Belgium's) has `computed` true.
- `position` keeps the source's order, which a relational table would otherwise lose.

The tables themselves are declared in `schema.py`; this module holds the building blocks
and turns declarations and data into rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

# French first: it is the source's language; English is uwe's translation.
LANGS = ("fr", "en")
SOURCE_LANG = "fr"
_IN_LANGUAGE = {"fr": "in French, the slides' own words", "en": "in English, uwe's translation"}

Data = dict[str, Any]
Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """A column. A `text` column is declared once and built as one column per language."""

    name: str
    type: str  # a Table Schema type: string, integer, number, boolean or date
    description: str
    required: bool = False
    text: bool = False
    # Where the value is in a record, when not under the column's name ("codes.nuts").
    path: str | None = None
    # The language of a built text column ("fr" for name_fr).
    language: str | None = None


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    references: tuple[str, ...]


@dataclass(frozen=True)
class Figures:
    """What a table of figures is about: read by database.py to build its `figures` view."""

    subject_table: str  # the table of the records the figures describe
    subject_key: str  # the column that holds the record's id
    measure: str  # the column that names the figure


@dataclass(frozen=True)
class Spec:
    """A table as declared in schema.py: its columns, keys, and how to get its rows."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    rows: Callable[[Data], Iterable[Row]]
    figures: Figures | None = None


@dataclass(frozen=True)
class Table:
    """A table ready to write: its declaration, its columns in order, one tuple of cells per row."""

    spec: Spec
    columns: tuple[Column, ...]
    rows: list[tuple[Any, ...]]


@dataclass(frozen=True)
class About:
    """What an export is, said once for both formats (datapackage.json, the database's meta_dataset)."""

    name: str
    title: str
    description: str
    version: str
    source: str  # the presentation, as a reference
    languages: tuple[str, ...]
    licence: dict[str, str]


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
LICENCE = {
    "name": "MIT",
    "path": "https://opensource.org/licenses/MIT",
    "title": "MIT License, for uwe's compilation, translation and schema; the facts are the UWE's slides'",
}


def describe(dataset: Data, *, langs: tuple[str, ...]) -> About:
    """The export's title, description, source, version, languages and licence, in English."""
    from uwe_cli import __version__

    talk = dataset["presentation"]
    year, month, day = (int(part) for part in talk["date"].split("-"))
    when = f"{day} {_MONTHS[month - 1]} {year}"
    author = f"{dataset['organisation']['name']['en']} ({dataset['organisation']['acronym']})"
    source = f"{author}, presentation at {talk['event']['en']}, {talk['place']['en']}, {when}"
    if langs == LANGS:
        said = "French (columns ending _fr) is the slides' own wording; English (_en) is uwe's translation."
    elif langs == (SOURCE_LANG,):
        said = "This export holds the French texts only (columns ending _fr): the slides' own wording."
    else:
        said = "This export holds uwe's English translation only (columns ending _en); the French original is left out."
    description = (
        f"Belgium's regions and Wallonia's business-clustering policies as the {author} presented them in "
        f"{talk['place']['en']} on {when}, compiled by uwe {__version__} as relational tables. Every row taken from "
        "a slide names it in 'source' (slide ids; see the table 'slides'). Each text has a column per language: "
        f"{said} uwe adds only NUTS and ISO 3166 codes, the sector vocabulary, search aliases, and one computed "
        "figure (GDP per capita as a share of the country's), whose 'computed' is true. Licence: the facts are the "
        "UWE's, as its slides give them (cite the slides); uwe's compilation, translation and schema are under the "
        "MIT licence of the uwe project."
    )
    title = f"Belgium's regions and Wallonia's clustering policies ({dataset['organisation']['acronym']}, {talk['place']['en']}, {when})"
    return About("uwe-wallonia-clusters", title, description, __version__, source, langs, LICENCE)


def build(specs: Iterable[Spec], dataset: Data, *, langs: tuple[str, ...] = LANGS) -> list[Table]:
    """The tables of `dataset`, with text columns in `langs` only."""
    return [_table(spec, dataset, langs) for spec in specs]


def _table(spec: Spec, dataset: Data, langs: tuple[str, ...]) -> Table:
    columns = tuple(built for column in spec.columns for built in _built(column, langs))
    return Table(spec, columns, [_cells(spec.columns, row, langs) for row in spec.rows(dataset)])


def _built(column: Column, langs: tuple[str, ...]) -> list[Column]:
    if not column.text:
        return [column]
    return [
        replace(column, name=f"{column.name}_{lang}", description=f"{column.description} ({_IN_LANGUAGE[lang]})",
                text=False, language=lang)
        for lang in langs
    ]  # fmt: skip


def _cells(columns: tuple[Column, ...], row: Row, langs: tuple[str, ...]) -> tuple[Any, ...]:
    cells: list[Any] = []
    for column in columns:
        value = row.get(column.name)
        if column.text:
            cells.extend(value[lang] if value is not None else None for lang in langs)
        else:
            cells.append(value)
    return tuple(cells)


# Building blocks for schema.py.


def get(record: Data, path: str) -> Any:
    """The value at a dotted `path` of a record ("funding.notes"); None where there is none."""
    value: Any = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def sources(record: Data) -> str:
    """A record's slide ids, as the `source` cell of every row taken from it."""
    return "; ".join(record["source"])


def id_column(what: str) -> Column:
    return Column("id", "string", f"The {what}'s id: lowercase letters, digits and hyphens.", required=True)


def ref_column(name: str, table: str, *, required: bool = True) -> Column:
    return Column(name, "string", f"Refers to {table}.id.", required=required)


POSITION = Column("position", "integer", "Place in the source's order, from 1.", required=True)
SOURCE = Column(
    "source", "string", "The slides this row comes from: slide ids (slides.id), separated by '; '.", required=True
)
FIGURE = (
    Column("value", "number", "The figure, in the unit of column 'unit'.", required=True),
    Column(
        "unit", "string", "EUR, EUR/year, people, km2, %, index (on 'base'), rank, count or years.", required=True
    ),
    Column(
        "period", "string", "The period the slide gives ('2013', 'Q4 2013'), else 'as presented, April 2014'.",
        required=True,
    ),
    Column("base", "string", "The base of an index, such as 'EU28=100'."),
    Column("maximum", "boolean", "True where the slide gives a ceiling ('max.'), not an amount.", required=True),
    Column(
        "computed", "boolean", "True for a figure uwe computed from the slides' figures: not a figure of the source.",
        required=True,
    ),
    Column("note", "string", "What the slide says with the figure (for a computed figure: how uwe computed it)", text=True),
)


def figure_cells(figure: Data, *, computed: bool = False) -> Row:
    """The FIGURE columns of one figure of the data."""
    return {**figure, "computed": computed}


def record_rows(records: Callable[[Data], Iterable[Data]], columns: tuple[Column, ...]) -> Callable[[Data], Iterable[Row]]:
    """Rows of a record table: one per record, each column read from the record's field."""

    def rows(dataset: Data) -> Iterable[Row]:
        for position, record in enumerate(records(dataset), 1):
            row = {column.name: get(record, column.path or column.name) for column in columns}
            row["position"] = position
            if "source" in record:
                row["source"] = sources(record)
            yield row

    return rows
