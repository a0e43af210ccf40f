"""The dataset as normalised relational tables: plain rows and their schema, no I/O.

One definition serves both exports: datapackage.py writes these tables as CSV files with a
Table Schema each, database.py as SQLite tables. The input is the validated dataset as
plain JSON data (`store.load_dataset(...).dump()`), so nothing here depends on how uwe
shows data on screen.

- Every text of the data becomes one column per language (`name_fr`, `name_en`): French is
  the slides' own wording, English is the tool's translation; a column of the tool's own words (a
  summary, a label, a gloss) says so in its description, in both languages.
- Every row taken from a slide carries the slide ids it comes from in `source` (link tables
  such as `region_slides` give the same as rows, with foreign keys to `slides`).
- Every figure has its value, unit, period (only where the slide states one), base,
  `maximum`, `alternative` and the slide's words (`quote`); a figure the tool computed or counted
  (GDP per capita as a share of Belgium's, the export grappes counted) has `computed` true
  and a `note` that says how.
- `position` keeps the source's order, which a relational table would otherwise lose.

The tables themselves are declared in `schema.py`; this module holds the building blocks
and turns declarations and data into rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

# French first: it is the source's language; English is the tool's translation.
LANGS = ("fr", "en")
SOURCE_LANG = "fr"
_NAMES = {"fr": "French", "en": "English", "nl": "Dutch", "de": "German", "bg": "Bulgarian"}


def _in_language(lang: str, *, tool_words: bool) -> str:
    name = _NAMES.get(lang, f"'{lang}'")
    if tool_words:
        return f"the tool's words, in {name}"
    return "in French, the slides' own words" if lang == SOURCE_LANG else f"in {name}, the tool's translation"


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
    # A text column of the tool's own words (models.Words), not the slides'.
    tool_words: bool = False
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


LICENCE = {
    "name": "MIT",
    "path": "https://opensource.org/licenses/MIT",
    "title": "MIT License, for the uwe tool's compilation, translation and schema; the facts are the UWE's slides'",
}


def describe(dataset: Data, *, langs: tuple[str, ...]) -> About:
    """The export's title, description, source, version, languages and licence, in English."""
    from uwe_cli import __version__
    from uwe_cli.i18n.formatting import long_date
    from uwe_cli.i18n.language import Language

    talk = dataset["presentation"]
    when = long_date(talk["date"], Language("en"))
    author = f"{dataset['organisation']['name']['en']} ({dataset['organisation']['acronym']})"
    source = f"{author}, presentation at {talk['event']['en']}, {talk['place']['en']}, {when}"
    if len(langs) > 1:
        others = ", ".join(f"_{code}" for code in langs if code != SOURCE_LANG)
        said = f"French (columns ending _fr) is the slides' own wording; every other language ({others}) is the tool's translation."
    elif langs == (SOURCE_LANG,):
        said = "This export holds the French texts only (columns ending _fr): the slides' own wording."
    else:
        said = (f"This export holds the tool's translation into '{langs[0]}' only (columns ending _{langs[0]}); "
                "the French original is left out.")  # fmt: skip
    description = (
        f"Belgium's regions and Wallonia's business-clustering policies as the {author} presented them in "
        f"{talk['place']['en']} on {when}, compiled by the uwe tool {__version__} as relational tables. Every row taken from "
        "a slide names it in 'source' (slide ids; see the table 'slides'). Each text has a column per language: "
        f"{said} Columns of the tool's own words (summaries, labels, glosses) say so in their description. The tool adds "
        "NUTS and ISO 3166 codes, the sector vocabulary and its tags (with the slides' words that name each), search "
        "aliases, and figures it computed or counted, whose 'computed' is true. Licence: the facts are the "
        "UWE's, as its slides give them (cite the slides); the tool's compilation, translation and schema are under the "
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
        replace(column, name=f"{column.name}_{lang}",
                description=f"{column.description} ({_in_language(lang, tool_words=column.tool_words)})",
                text=False, language=lang,
                # (French and English are in the data files; another language's translation
                # may be missing from a data folder's translations/LANG.po: an empty cell)
                required=column.required and lang in (SOURCE_LANG, "en"))
        for lang in langs
    ]  # fmt: skip


def _cells(columns: tuple[Column, ...], row: Row, langs: tuple[str, ...]) -> tuple[Any, ...]:
    cells: list[Any] = []
    for column in columns:
        value = row.get(column.name)
        if column.text:
            cells.extend(value.get(lang) if value is not None else None for lang in langs)  # (none: not translated)
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
    Column("unit", "string", "EUR, EUR/year, people, km2, %, index (on 'base'), rank, count or years.", required=True),
    Column(
        "period",
        "string",
        "The period the slide gives ('2013', 'Q4 2013'); empty where it gives none (the "
        "presentation's date is when the slides were presented).",
    ),
    Column("base", "string", "The base of an index, such as 'EU28=100'."),
    Column("maximum", "boolean", "True where the slide gives a ceiling ('max.'), not an amount.", required=True),
    Column("alternative", "number", "A second value the slide allows beside the first ('3 régions (voire 4)': 4)."),
    Column(
        "computed",
        "boolean",
        "True for a figure the tool computed or counted: not a figure of the source.",
        required=True,
    ),
    Column("quote", "string", "The slide's words the figure is read from", text=True),
    Column("note", "string", "How the tool computed or counted the figure", text=True, tool_words=True),
)


def figure_cells(figure: Data) -> Row:
    """The FIGURE columns of one figure of the data."""
    return {**figure, "computed": bool(figure.get("computed"))}


def record_rows(
    records: Callable[[Data], Iterable[Data]], columns: tuple[Column, ...]
) -> Callable[[Data], Iterable[Row]]:
    """Rows of a record table: one per record, each column read from the record's field."""

    def rows(dataset: Data) -> Iterable[Row]:
        for position, record in enumerate(records(dataset), 1):
            row = {column.name: get(record, column.path or column.name) for column in columns}
            row["position"] = position
            if "source" in record:
                row["source"] = sources(record)
            yield row

    return rows


# Declaring tables: kinds of record, and the specs schema.py builds from them.

Records = Callable[[Data], Iterable[Data]]
# (the key of a record, the slide ids it cites), for a link table to the slides
Cited = Callable[[Data], Iterable[tuple[tuple[str, ...], list[str]]]]


@dataclass(frozen=True)
class Kind:
    """A kind of record: `region` records, in the table `regions`, referred to as `region_id`."""

    owner: str
    table: str
    records: Records

    @property
    def key(self) -> str:
        return f"{self.owner}_id"

    @property
    def key_column(self) -> Column:
        return ref_column(self.key, self.table)

    @property
    def foreign_key(self) -> ForeignKey:
        return ForeignKey((self.key,), self.table, ("id",))


SLIDE = Kind("slide", "slides", lambda d: d["presentation"]["slides"])


def text_column(
    name: str, description: str, *, required: bool = False, path: str | None = None, tool_words: bool = False
) -> Column:
    return Column(name, "string", description, required=required, text=True, path=path, tool_words=tool_words)


def record_spec(
    kind: Kind, *, description: str, columns: tuple[Column, ...], refs: tuple[ForeignKey, ...] = ()
) -> Spec:
    """The table of a kind of record, keyed on their id."""
    columns = (id_column(kind.owner), *columns)
    return Spec(
        kind.table, kind.table.capitalize(), description, columns, ("id",), refs, record_rows(kind.records, columns)
    )


def slides_spec(name: str, *, table: str, keys: tuple[Column, ...], references: tuple[str, ...], cited: Cited) -> Spec:
    """The link table from each row of `table` to the slides it comes from, in its order."""
    names = tuple(c.name for c in keys)

    def rows(dataset: Data) -> Iterable[Row]:
        for key, slides in cited(dataset):
            for position, slide in enumerate(slides, 1):
                yield {**dict(zip(names, key, strict=True)), "slide_id": slide, "position": position}

    return Spec(
        name, f"Slides of {table}", f"Which slides each row of {table} comes from, in its order.",
        (*keys, SLIDE.key_column, POSITION), (*names, "position"),
        (ForeignKey(names, table, references), SLIDE.foreign_key), rows,
    )  # fmt: skip


def record_slides(kind: Kind) -> Spec:
    cited: Cited = lambda dataset: (((r["id"],), r["source"]) for r in kind.records(dataset))
    return slides_spec(
        f"{kind.owner}_slides", table=kind.table, keys=(kind.key_column,), references=("id",), cited=cited
    )


def items_spec(kind: Kind, *, name: str, lists: tuple[str, ...], what: str) -> Spec:
    """The texts a record lists (a slide's bullets), with a `list` column where it has several lists."""
    several = len(lists) > 1

    def rows(dataset: Data) -> Iterable[Row]:
        for record in kind.records(dataset):
            for list_name in lists:
                for position, text in enumerate(get(record, list_name) or (), 1):
                    yield {
                        kind.key: record["id"],
                        "list": list_name,
                        "position": position,
                        "text": text,
                        "source": sources(record),
                    }

    list_column = Column("list", "string", f"Which list: {', '.join(lists)}.", required=True)
    columns = (
        kind.key_column,
        *((list_column,) if several else ()),
        POSITION,
        text_column("text", what, required=True),
        SOURCE,
    )
    primary = (kind.key, "list", "position") if several else (kind.key, "position")
    description = f"{what} of each row of {kind.table}, one row per item, in the slide's order."
    return Spec(name, f"{what} of {kind.table}", description, columns, primary, (kind.foreign_key,), rows)


def words_spec(
    kind: Kind, *, name: str, word: Column, description: str, cited: bool, refers: tuple[ForeignKey, ...] = ()
) -> Spec:
    """Plain words a record lists: language codes, sector ids, synonyms, aliases (`cited`: from a slide)."""

    def rows(dataset: Data) -> Iterable[Row]:
        for record in kind.records(dataset):
            for position, value in enumerate(get(record, word.path or word.name), 1):
                row = {kind.key: record["id"], word.name: value, "position": position}
                yield {**row, "source": sources(record)} if cited else row

    columns = (kind.key_column, word, POSITION, *((SOURCE,) if cited else ()))
    title = f"{word.name} of {kind.table}"
    return Spec(name, title, description, columns, (kind.key, "position"), (kind.foreign_key, *refers), rows)


def figures_spec(
    kind: Kind, *, measures: tuple[str, ...], computed: Callable[[Data], Iterable[Row]] | None = None
) -> Spec:
    """One row per figure of each record: `measure` names the field, `position` counts repeats."""

    def rows(dataset: Data) -> Iterable[Row]:
        for record in kind.records(dataset):
            for measure in measures:
                found = get(record, measure)
                for position, figure in enumerate(found if isinstance(found, list) else [found] if found else [], 1):
                    yield {kind.key: record["id"], "measure": measure, "position": position, **figure_cells(figure),
                           "source": sources(record)}  # fmt: skip
        yield from computed(dataset) if computed else ()

    names = ", ".join(measures) + (", or a computed one" if computed else "")
    measure = Column("measure", "string", f"Which figure (the field of the data): {names}.", required=True)
    return Spec(
        f"{kind.owner}_figures", f"Figures of {kind.table}", f"Every figure of {kind.table}, one row each, with its unit and period.",
        (kind.key_column, measure, POSITION, *FIGURE, SOURCE), (kind.key, "measure", "position"), (kind.foreign_key,),
        rows, Figures(kind.table, kind.key, "measure"),
    )  # fmt: skip
