"""The dataset as relational tables: plain rows and their schema, no I/O.

One definition serves both exports: datapackage.py writes these tables as CSV files with a
Table Schema each, database.py as SQLite tables, with the same columns and the same values
(a number is the same number in both: 100, never 100 in one and 100.0 in the other). The
input is the validated dataset as plain JSON data (`store.load_dataset(...).dump()`), so
nothing here depends on how uwe shows data on screen.

Three kinds of words, told apart in every column's description:
- the slides' words: the French column of a text (`text_fr`), verbatim;
- translations of them: the other columns of that text (`text_en`...), the tool's;
- the tool's own words (summaries, labels, glosses, classifications, codes, computed values).

Every fact cites the one slide that states it (`slide_id`, a key of `slides`). The tables
themselves are declared in `schema.py` and their rows read in `rows.py`; this module holds
the building blocks and turns declarations and data into rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from uwe_cli.dataset.shapes import DatasetData

from uwe_cli.i18n.language import LANGUAGE_NAMES, SOURCE_LANGUAGE, TEXT_LANGUAGES

# French first: it is the source's language; the others are the tool's translations.
LANGS = TEXT_LANGUAGES
SOURCE_LANG = SOURCE_LANGUAGE
# Each language's English name, as the interface's catalogue has it (one list of languages).
_NAMES = {code: name.id for code, name in LANGUAGE_NAMES.items()}
TOOL = "the tool's own words, not the slides'"


def language_name(lang: str) -> str:
    return _NAMES.get(lang, f"'{lang}'")


def _in_language(column: ExportColumn, lang: str) -> str:
    name = language_name(lang)
    if column.tool_words:
        return f"{column.description} ({TOOL}; in {name})."
    if lang == SOURCE_LANG:
        if column.original:
            return f"{column.original} (in French)."
        return f"{column.description} (the slides' own words, in French, verbatim)."
    if column.translated:
        return f"{column.translated} (in {name})."
    return (f"{column.description} (in {name}: the tool's translation of {column.name}_{SOURCE_LANG}, "
            "not the slides' words).")  # fmt: skip


# A record, or a part of one, read by its keys (a column's dotted path: `get`).
Data = Mapping[str, Any]
Row = dict[str, Any]


@dataclass(frozen=True)
class ExportColumn:
    """A column. A `text` column is declared once and built as one column per language."""

    name: str
    type: str  # a Table Schema type: string, integer, number, boolean or date
    description: str
    required: bool = False
    text: bool = False
    # A text column of the tool's own words (a summary, a gloss), in every language.
    tool_words: bool = False
    # The description of the columns in languages other than French, where it is not a
    # plain translation of the French (a glossary headword with the tool's translation).
    translated: str | None = None
    # The same for the French column, where it is not the slides' words verbatim.
    original: str | None = None
    # Where the value is in a record, when not under the column's name ("codes.nuts").
    path: str | None = None
    # The language of a built text column ("fr" for name_fr).
    language: str | None = None
    # A text of the slides that the tool does not translate (a slide's whole text): its
    # French column only, and none in an export without French.
    french_only: bool = False


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    references: tuple[str, ...]


@dataclass(frozen=True)
class Spec:
    """A table as declared in schema.py: what it holds and why it exists, its columns, keys and rows."""

    name: str
    title: str
    description: str
    columns: tuple[ExportColumn, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    rows: Callable[[DatasetData], Iterable[Row]]


@dataclass(frozen=True)
class ExportTable:
    """A table ready to write: its declaration, its columns in order, one tuple of cells per row."""

    spec: Spec
    columns: tuple[ExportColumn, ...]
    rows: list[tuple[Any, ...]]


@dataclass(frozen=True)
class ExportDescription:
    """What an export is, said once for both formats (datapackage.json, the database's metadata)."""

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
    "title": "MIT License, for the uwe program's compilation, translations and schema; the facts are the UWE's slides'",
}


def describe(dataset: DatasetData, *, langs: tuple[str, ...]) -> ExportDescription:
    """The export's title, description, source, version, languages and licence, in English."""
    from uwe_cli import __version__
    from uwe_cli.i18n.formatting import long_date
    from uwe_cli.i18n.language import Language

    talk = dataset["presentation"]
    english = Language("en").text  # (the French, marked, where translations/en.po is outdated)
    when = long_date(talk["date"], Language("en"))
    author = f"{english(dataset['organisation']['name'])} ({dataset['organisation']['acronym']})"
    source = f"{author}, presentation at {english(talk['event'])}, {english(talk['place'])}, {when}"
    if len(langs) > 1:
        others = ", ".join(f"_{code}" for code in langs if code != SOURCE_LANG)
        said = (f"A text's column ending _fr holds the slides' own words, verbatim, and its columns ending {others} "
                "the tool's translations of them, unless the column's description says it holds the tool's own words.")  # fmt: skip
    elif langs == (SOURCE_LANG,):
        said = "This export holds the French texts only (columns ending _fr): the slides' own words."
    else:
        said = (f"This export holds the tool's translation into {language_name(langs[0])} only (columns ending "
                f"_{langs[0]}); the slides' French is left out.")  # fmt: skip
    description = (
        f"Belgium's regions and Wallonia's business-clustering policies as the {author} presented them in "
        f"{english(talk['place'])} on {when}, compiled by the uwe program (version {__version__}). Every fact names "
        "the one slide that states it in 'slide_id' (see the table 'slides', with its page). Each text has a column "
        f"per language. {said} Columns of the tool's own words (summaries, labels, glosses, classifications, codes) "
        "say so in their description; figures the tool computed or counted have 'computed' = 1 and a 'note' that "
        "says from what. Booleans are 1 (true) and 0 (false). Texts are exactly as in the data: none is altered for "
        "spreadsheets (the views' --format csv, such as 'uwe regions --format csv', puts an apostrophe before a text "
        "that starts with = + - or @; this export does not, so import its CSV files into a spreadsheet as text). Licence: the facts "
        "are the UWE's, as its slides give them (cite the slides); the compilation, translations and schema are "
        "under the MIT licence of the uwe project."
    )
    title = f"Belgium's regions and Wallonia's clustering policies ({dataset['organisation']['acronym']}, {english(talk['place'])}, {when})"
    return ExportDescription("uwe-wallonia-clusters", title, description, __version__, source, langs, LICENCE)


def build(specs: Iterable[Spec], dataset: DatasetData, *, langs: tuple[str, ...] = LANGS) -> list[ExportTable]:
    """The tables of `dataset`, with text columns in `langs` only."""
    return [_table(spec, dataset, langs) for spec in specs]


def _table(spec: Spec, dataset: DatasetData, langs: tuple[str, ...]) -> ExportTable:
    columns = tuple(built for column in spec.columns for built in _built(column, langs))
    return ExportTable(spec, columns, [_cells(spec.columns, row, langs) for row in spec.rows(dataset)])


def _built(column: ExportColumn, langs: tuple[str, ...]) -> list[ExportColumn]:
    if not column.text:
        return [column]
    return [
        replace(column, name=f"{column.name}_{lang}", description=_in_language(column, lang), text=False, language=lang,
                # (French is in the data files; any translation, English included, may be
                # missing from a data folder's translations/LANG.po: an empty cell)
                required=column.required and lang == SOURCE_LANG)
        for lang in _langs(column, langs)
    ]  # fmt: skip


def _langs(column: ExportColumn, langs: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(lang for lang in langs if lang == SOURCE_LANG) if column.french_only else langs


def _cells(columns: tuple[ExportColumn, ...], row: Row, langs: tuple[str, ...]) -> tuple[Any, ...]:
    cells: list[Any] = []
    for column in columns:
        value = row.get(column.name)
        if column.text:
            if isinstance(value, str):  # (a text the tool does not translate: French only)
                value = {SOURCE_LANG: value}
            # (none: not translated)
            cells.extend(value.get(lang) if value is not None else None for lang in _langs(column, langs))
        elif column.type == "boolean":
            cells.append(None if value is None else int(bool(value)))  # 1 and 0 in both formats
        elif column.type == "number" and isinstance(value, float) and value.is_integer():
            cells.append(int(value))  # 100, not 100.0: the same number written the same way in both formats
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


class Slides:
    """The presentation's slides by id: their order and page, to cite a fact's slide."""

    def __init__(self, dataset: DatasetData) -> None:
        slides = dataset["presentation"]["slides"]
        self.order = {slide["id"]: position for position, slide in enumerate(slides, 1)}
        self.page = {slide["id"]: slide["page"] for slide in slides}

    def first(self, record: Data) -> str | None:
        """The first slide, in the presentation's order, that a record cites."""
        cited = record.get("source") or ()
        return min(cited, key=lambda slide: self.order.get(slide, len(self.order) + 1), default=None)

    def of(self, fact: Any, record: Data) -> str | None:
        """The slide that states `fact`: its own where the data names one, else its record's first."""
        own = fact.get("slide") if isinstance(fact, dict) else None
        return own or self.first(record)


def id_column(what: str) -> ExportColumn:
    return ExportColumn(
        "id", "string", f"The {what}'s id (the tool's): lowercase letters, digits and hyphens.", required=True
    )


def ref_column(name: str, table: str, *, required: bool = True, what: str = "") -> ExportColumn:
    return ExportColumn(name, "string", f"{what}Refers to {table}.id.".strip(), required=required)


def text_column(
    name: str,
    description: str,
    *,
    required: bool = False,
    path: str | None = None,
    tool_words: bool = False,
    translated: str | None = None,
    original: str | None = None,
) -> ExportColumn:
    return ExportColumn(name, "string", description, required=required, text=True, path=path, tool_words=tool_words,
                  translated=translated, original=original)  # fmt: skip


SLIDE_ID = ExportColumn("slide_id", "string", "The one slide that states it: refers to slides.id.", required=True)
FIRST_SLIDE = ExportColumn(
    "slide_id",
    "string",
    "The first slide, in the presentation's order, on which the record appears: refers to slides.id. Its "
    "figures and list items cite their own slides, and each of its texts of the slides its own in the column "
    "that follows it (kind_slide_id).",
)
TOOL_ORDER = ExportColumn(
    "position",
    "integer",
    "Place in the tool's order (the order of its data files), from 1: not a ranking, and not necessarily the "
    "slides' order.",
    required=True,
)
SLIDES_FK = ForeignKey(("slide_id",), "slides", ("id",))


def record_rows(
    records: Callable[[DatasetData], Iterable[Data]], columns: tuple[ExportColumn, ...]
) -> Callable[[DatasetData], Iterable[Row]]:
    """Rows of a record table: one per record, each column read from the record's field."""

    def rows(dataset: DatasetData) -> Iterable[Row]:
        slides = Slides(dataset)
        for position, record in enumerate(records(dataset), 1):
            row = {column.name: get(record, column.path or column.name) for column in columns}
            row["position"] = position
            row["slide_id"] = slides.first(record)
            yield row

    return rows
