"""The tables of an export, declared once for both formats (tables.py has the rules, rows.py
reads the dataset into their rows).

The schema an analyst would draw: one table per kind of record (`regions`, `schemes`,
`groupings`...), ONE table of every figure (`figures`), ONE table of every bulleted list
(`lists`), and link tables only where a relation is many-to-many (`memberships`,
`grouping_sectors`, `region_languages`). Every fact cites the one slide that states it
(`slide_id`). SPECS lists parents before the tables that refer to them, so that a reader
loading them in order meets every referenced row first; each table's description says why
it exists.

A figure or a list item belongs to a record of one of several tables: it names that table
and the record's id (`subject_table`/`subject_id`, `owner_table`/`owner_id`), so its key
cannot be declared as a foreign key; tests check that every one refers to a row.
"""

from __future__ import annotations

from uwe_cli.export import rows
from uwe_cli.export.rows import (
    CONCEPT,
    FIGURES,
    GROUPING,
    LESSON,
    LISTS,
    ORGANISATION,
    REGION,
    SCHEME,
    SECTOR,
    TERM,
    Kind,
)
from uwe_cli.export.tables import (
    FIRST_SLIDE,
    SLIDE_ID,
    SLIDES_FK,
    TOOL,
    TOOL_ORDER,
    ExportColumn,
    ForeignKey,
    Spec,
    id_column,
    record_rows,
    ref_column,
    text_column,
)

_CODE = "added by the tool to join official statistics; not in the slides"


def _record(kind: Kind, what: str, description: str, columns: tuple[ExportColumn, ...], *, cited: bool = True,
            refs: tuple[ForeignKey, ...] = ()) -> Spec:  # fmt: skip
    """The table of a kind of record, keyed on their id, in the tool's order.

    Each text of the slides' words in it (not the record's name, not the tool's words) is
    followed by the one slide that states it (`kind_slide_id`): a record may span several
    slides, its facts may not, and the record's `slide_id` is only the first it appears on.
    """
    columns = (id_column(what), TOOL_ORDER, *_with_slides(columns), *((FIRST_SLIDE,) if cited else ()))
    keys = (*refs, *((SLIDES_FK,) if cited else ()))
    keys += tuple(ForeignKey((c.name,), "slides", ("id",)) for c in columns if c.name.endswith("_slide_id"))
    return Spec(
        kind.table, kind.table.capitalize(), description, columns, ("id",), keys, record_rows(kind.records, columns)
    )


def _with_slides(columns: tuple[ExportColumn, ...]) -> tuple[ExportColumn, ...]:
    out: list[ExportColumn] = []
    for column in columns:
        out.append(column)
        if column.text and not column.tool_words and column.name != "name":
            out.append(ExportColumn(f"{column.name}_slide_id", "string", f"The one slide that states {column.name}_*: "
                              "refers to slides.id.", path=f"{column.path or column.name}.slide"))  # fmt: skip
    return tuple(out)


_OWNER = (
    ExportColumn("owner_table", "string", "The table of the record the item belongs to (organisation, regions, schemes, "
           "lessons, concepts or glossary).", required=True),
    ExportColumn("owner_id", "string", "That record's id in that table.", required=True),
)  # fmt: skip
_SLIDE_COLUMNS = (
    ExportColumn("id", "string", "The slide's id (the tool's).", required=True),
    ExportColumn("position", "integer", "Place in the presentation's order, from 1.", required=True),
    text_column("title", "The slide's title", required=True),
    text_column("subtitle", "The slide's second line"),
    ExportColumn(
        "page", "integer", "The page number printed on the slide; empty where none is printed (none is guessed)."
    ),
    ExportColumn(
        "text",
        "string",
        "All the slide's words, one line of the source a line (its bullet glyph written •, the "
        "deck's running footer left out), not translated by the tool; empty where the data folder gives none",
        text=True,
        french_only=True,
    ),
)
_LIST_NAMES = ", ".join(f"{kind.table}: {', '.join(names)}" for kind, names in LISTS)
_MEASURES = "; ".join(f"{kind.table}: {', '.join(measures)}" for kind, measures in FIGURES)

SPECS: tuple[Spec, ...] = (
    Spec(
        "presentation", "The presentation", "The presentation all the data comes from: by whom, where and when. "
        "One row; it exists so that the source is data too, in every language.",
        (ExportColumn("id", "integer", "Always 1: the one presentation.", required=True), text_column("author", "Who gave it"),
         text_column("event", "The event"), text_column("place", "Where"), ExportColumn("date", "date", "When.", required=True)),
        ("id",), (), rows.presentation,
    ),
    Spec(
        "slides", "Slides", "The slides of the presentation, in its order, with the page printed on each: what every "
        "slide_id refers to, so that each fact can be found in the deck.",
        _SLIDE_COLUMNS, ("id",), (), record_rows(lambda d: d["presentation"]["slides"], _SLIDE_COLUMNS),
    ),
    _record(
        ORGANISATION, "organisation", "The organisation that gave the presentation, the UWE: one row.",
        (text_column("name", "Name", required=True), ExportColumn("acronym", "string", "Acronym.", required=True),
         ExportColumn("founded", "integer", "The year it was founded (with its slide and the slide's words in figures, measure "
                "founded).", required=True, path="founded.value"),
         text_column("kind", "What it is", required=True), text_column("funding", "How it is funded", required=True),
         text_column("role", "Its role", required=True), text_column("mission", "Its mission", required=True)),
    ),
    _record(
        REGION, "region", "Belgium, its regions and the German-speaking Community, which lies within Wallonia (its "
        "figures are part of Wallonia's: never add them). One row per place; their figures are in figures.",
        (text_column("name", "Name", required=True),
         ExportColumn("kind", "string", f"country, region or community: the tool's classification ({TOOL}).", required=True),
         ExportColumn("within", "string", f"The region this one lies within, refers to regions.id: the tool's reading ({TOOL}; "
                "the slides say '3 régions (voire 4)').", required=False),
         ExportColumn("nuts", "string", f"NUTS code, {_CODE}.", path="codes.nuts"),
         ExportColumn("iso_3166", "string", f"ISO 3166 code, {_CODE}.", path="codes.iso_3166"),
         text_column("capital", "Capital"), text_column("language_note", "What the slide says of its languages")),
        refs=(ForeignKey(("within",), "regions", ("id",)),),
    ),
    Spec(
        "region_languages", "Languages of regions", "The languages each region speaks, as ISO 639-1 codes (the tool's "
        "codes for what the slide says, in regions.language_note): a region has several languages and a language "
        "several regions, hence a link table.",
        (ref_column("region_id", "regions"), ExportColumn("language", "string", f"ISO 639-1 code ({TOOL}).", required=True),
         TOOL_ORDER, SLIDE_ID),
        ("region_id", "position"), (ForeignKey(("region_id",), "regions", ("id",)), SLIDES_FK), rows.region_languages,
    ),
    _record(
        SECTOR, "sector", f"The tool's sector vocabulary, which tags the groupings ({TOOL}; the slides give each "
        "grouping's domain: see memberships, and grouping_sectors.words). It exists to find groupings by sector.",
        (text_column("name", "Name", required=True, tool_words=True),), cited=False,
    ),
    _record(
        SCHEME, "scheme", "Wallonia's clustering schemes: technology grappes, regional clusters, competitiveness "
        "poles, export grappes. One row per scheme; their figures and lists are in figures and lists.",
        (text_column("name", "Name", required=True),
         ExportColumn("english_term", "string", "The English term the slide itself gives ('competitiveness cluster')."),
         text_column("summary", "In one line: the tool's summary", required=True, tool_words=True),
         ExportColumn("status", "string", f"active or ended: the tool's reading of status_quote ({TOOL}).", required=True),
         text_column("status_quote", "The slide's words the status is read from"),
         ExportColumn("start_year", "integer", "The year it started (its slide and words: figures, measure start).",
                path="start.value"),
         ExportColumn("end_year", "integer", "The year it ended (its slide and words: figures, measure end).",
                path="end.value"),
         text_column("period", "Its period, as the slide says it"), text_column("legal_basis", "Legal basis"),
         ExportColumn("legal_basis_year", "integer", "The year of the law it is governed by (its slide and words: figures, "
                "measure legal_basis_year).", path="legal_basis_year.value"),
         text_column("definition", "Definition"),
         text_column("participants", "Who takes part: the tool's summary of the slides", tool_words=True),
         text_column("funding_degression", "How the funding tapers off, as the slide says it; its floor share and years are in figures",
                     path="funding.degression.quote"),
         text_column("assessment", "The slides' assessment")),
    ),
    _record(
        GROUPING, "grouping", "The named groupings (clusters.yaml, `uwe clusters`): regional clusters, competitiveness "
        "poles and export grappes. Which schemes each belongs to is in memberships, its sectors in grouping_sectors.",
        (text_column("name", "Name", required=True),
         ExportColumn("status", "string", f"active or in-formation: the tool's reading of status_quote ({TOOL}); empty "
                "where the slides state no status."),
         text_column("status_quote", "The slide's words the status is read from")),
    ),
    Spec(
        "memberships", "Memberships of groupings", "Which schemes each grouping belongs to, with the domain that "
        "scheme's slide gives it: a grouping may belong to several schemes (TWEED), a scheme has many groupings.",
        (ref_column("grouping_id", "groupings"), ref_column("scheme_id", "schemes"), TOOL_ORDER,
         text_column("domain", "The grouping's domain, as the scheme's slide gives it"), SLIDE_ID),
        ("grouping_id", "scheme_id"),
        (ForeignKey(("grouping_id",), "groupings", ("id",)), ForeignKey(("scheme_id",), "schemes", ("id",)), SLIDES_FK),
        rows.memberships,
    ),
    Spec(
        "grouping_sectors", "Sectors of groupings", "The sectors of each grouping: the tool's tags, each with the "
        "slides' words that name it (the grouping's domain or name) and the slide that says them. A grouping may "
        "have several sectors, a sector many groupings.",
        (ref_column("grouping_id", "groupings"),
         ExportColumn("sector_id", "string", f"The tool's tag ({TOOL}): refers to sectors.id.", required=True), TOOL_ORDER,
         text_column("words", "The slide's words that name the sector; empty where none do"),
         ExportColumn("slide_id", "string", "The slide that says those words (or, where none do, the first slide of the "
                "grouping): refers to slides.id.", required=True)),
        ("grouping_id", "position"),
        (ForeignKey(("grouping_id",), "groupings", ("id",)), ForeignKey(("sector_id",), "sectors", ("id",)), SLIDES_FK),
        rows.grouping_sectors,
    ),
    _record(
        LESSON, "lesson", "What the Walloon experience taught, one lesson a row (their points are in lists).",
        (ExportColumn("kind", "string", f"difficulty, effect, improvement, good-practice or conclusion: the tool's "
                f"classification ({TOOL}).", required=True), text_column("text", "The lesson", required=True)),
    ),
    _record(
        CONCEPT, "concept", "Definitions of clustering, why clusters, their characteristics and objectives (their "
        "points are in lists).",
        (ExportColumn("kind", "string", f"definition, driver, characteristic or objective: the tool's classification ({TOOL}).",
                required=True),
         text_column("text", "The concept, as the slide words it (for a definition: the slides' French rendering of "
                     "its author, not the author's own words)", required=True),
         ExportColumn("author", "string", "Who gave the definition, as the slide names them."),
         ExportColumn("year", "integer", "The year of the definition."),
         text_column("quoted_in", "The work that quotes it, as the slide names it", path="quoted_in.text"),
         ExportColumn("quoted_in_author", "string", "The author of that work.", path="quoted_in.author"),
         ExportColumn("quoted_in_place", "string", "Where that work was written.", path="quoted_in.place"),
         ExportColumn("quoted_in_year", "integer", "The year of that work.", path="quoted_in.year"),
         ExportColumn("cited_as", "string", "How the slide names the author and year, verbatim ('(PORTER, 1998)')."),
         text_column("heading", "The slide's heading over it, where it has one")),
    ),
    _record(
        TERM, "term", "A glossary of the slides' own words for clustering (grappe, pôle de compétitivité...), with "
        "the tool's gloss; where the slides use each word is in lists (list 'usages').",
        (text_column("name", "The headword", required=True,
                     original="The headword: a French word of the slides, in the form the tool gives it (singular); the "
                     "slides' own uses of it are in lists, list 'usages'",
                     translated="The headword: the slides' French word, followed by the tool's translation of it in "
                     "brackets"),
         text_column("meaning", "What it means: the tool's gloss", required=True, tool_words=True)),
    ),
    Spec(
        "figures", "Figures", "Every figure, one row each: what it is about, its value, unit, period and base, the "
        "slide and page that state it and the slide's words. One table for all, so that one query finds any figure.",
        (ExportColumn("subject_table", "string", "The table of what the figure is about: organisation, regions or schemes.",
                required=True),
         ExportColumn("subject_id", "string", "Its id in that table.", required=True),
         ExportColumn("measure", "string", f"Which figure: the field of the data ({_MEASURES}); results.ID for a result of "
                "a scheme's assessment; gdp_per_capita_share_of_ID for the tool's computed share.", required=True),
         ExportColumn("position", "integer", "1, or 2, 3... where the data gives the same measure several times (per "
                "period or base), in the tool's order.", required=True),
         text_column("label", "What a result counts: the tool's label (the slide's words are in quote)",
                     tool_words=True),
         ExportColumn("value", "number", "The figure, in the unit of column 'unit'.", required=True),
         ExportColumn("unit", "string", "EUR, EUR/year, people, km2, %, index (on 'base'), rank, count, years (a "
                "duration) or year (a calendar year: 1969).",
                required=True),
         ExportColumn("period", "string", "The period the slide gives ('2013', 'Q4 2013'); empty where it gives none (the "
                "presentation's date is when the slides were presented)."),
         ExportColumn("base", "string", "The base of an index, such as 'EU28=100'."),
         ExportColumn("maximum", "boolean", "1 where the slide gives a ceiling ('max.'), not an amount; else 0.",
                required=True),
         ExportColumn("alternative", "number", "A second value the slide allows beside the first ('3 régions (voire 4)': 4)."),
         ExportColumn("computed", "boolean", "1 for a figure the tool computed or counted (not a figure of the slides; "
                "'note' says from what); else 0.", required=True),
         ExportColumn("part_of", "string", "For a result: the measure of the result it is a part of, same subject (40 of "
                f"the 130 R&D projects are completed): the tool's reading ({TOOL})."),
         ExportColumn("output_of", "string", "For a result: the measure of the result that produced it, same subject (the "
                f"300 innovations came out of the completed projects): an output, not a part; the tool's reading ({TOOL})."),
         ExportColumn("slide_id", "string", "The one slide that states the figure (for a computed share, the slide of "
                "the subject's own figure it is computed from): refers to slides.id.", required=True),
         ExportColumn("page", "integer", "The page printed on that slide (as in slides.page), here so that a citation "
                "needs no join; empty where the slide prints none."),
         text_column("quote", "The slide's words the figure is read from"),
         text_column("note", "How the tool computed or counted the figure, from what", tool_words=True)),
        ("subject_table", "subject_id", "measure", "position"), (SLIDES_FK,), rows.figures,
    ),
    Spec(
        "lists", "Bulleted lists", "Every bulleted list of the slides, one item a row: a record's list (owner_table, "
        "owner_id, list), the item's place in it, the slide that shows it and its words. One table for all lists, "
        "so that one query reads any.",
        (*_OWNER,
         ExportColumn("list", "string", f"Which list: the field of the data ({_LIST_NAMES}; schemes also: activities, "
                "activities.points, benefits.beneficiary, benefits.benefits; glossary: usages, the slides' uses of "
                "the word).", required=True),
         ExportColumn("position", "integer", "Place in the list, from 1, in the slide's order (activities.points: "
                "numbered across the scheme's activities; usages: the tool's order, slide after slide).", required=True),
         ExportColumn("under", "integer", "For activities.points and benefits.benefits: the position of the item they are "
                "under, in activities or benefits.beneficiary; else empty."),
         SLIDE_ID,
         text_column("text", "The item", required=True)),
        ("owner_table", "owner_id", "list", "position"), (SLIDES_FK,), rows.lists,
    ),
    Spec(
        # (a table of its own, not rows of lists: an erratum is no bulleted list, and its three parts,
        # the slide's words, the tool's reading and why, are the slides' and the tool's in turn)
        "errata", "Errata of the source", "The slides' slips (typos), one a row: the slide's words as written, which "
        "the other tables keep verbatim wherever they quote the slides, the tool's reading of them and what is "
        "wrong. A table of its own so that a reader can tell a slip of the slides from the tool's words.",
        (id_column("erratum"),
         ExportColumn("position", "integer", "Place in the tool's order, from 1.", required=True),
         ExportColumn("written", "string", "The slide's words, as written (in French).", required=True),
         ExportColumn("reading", "string", f"How the tool reads them ({TOOL}).", required=True),
         text_column("note", "What is wrong", tool_words=True),
         SLIDE_ID),
        ("id",), (SLIDES_FK,), rows.errata,
    ),
    Spec(
        "aliases", "Aliases", f"Other names by which the tool finds a region, a scheme or a sector ({TOOL}; for a "
        "sector, its synonyms). Not from the slides: no slide is cited.",
        (ExportColumn("owner_table", "string", "The table of the record: regions, schemes or sectors.", required=True),
         ExportColumn("owner_id", "string", "That record's id in that table.", required=True), TOOL_ORDER,
         ExportColumn("alias", "string", f"Another name of the record ({TOOL}).", required=True)),
        ("owner_table", "owner_id", "position"), (), rows.aliases,
    ),
)  # fmt: skip
