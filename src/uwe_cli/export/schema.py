"""The tables of an export, declared once for both formats (tables.py has the rules).

Record tables (`regions`, `schemes`, `groupings`...) have one row per record; the tables
named after them (`region_figures`, `scheme_list_items`, `memberships`...) hold what a
record has several of, one row each, keyed on the record's id and a position. Foreign keys
tie them together and to `slides`. SPECS lists parents before the tables that refer to
them, so that a reader loading them in order meets every referenced row first.

Link tables are keyed on position, not on the value they list: valid data may list a
sector or a slide twice, and the export keeps what the data says.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from uwe_cli.dataset import evidence
from uwe_cli.export.tables import (
    FIGURE,
    POSITION,
    SLIDE,
    SOURCE,
    Column,
    Data,
    Figures,
    ForeignKey,
    Kind,
    Row,
    Spec,
    figure_cells,
    figures_spec,
    items_spec,
    record_slides,
    record_spec,
    slides_spec,
    sources,
    text_column,
    words_spec,
)

ORGANISATION = Kind("organisation", "organisation", lambda d: [d["organisation"]])
REGION = Kind("region", "regions", lambda d: d["regions"])
SECTOR = Kind("sector", "sectors", lambda d: d["sectors"])
SCHEME = Kind("scheme", "schemes", lambda d: d["schemes"])
GROUPING = Kind("grouping", "groupings", lambda d: d["clusters"])  # (clusters.yaml, `uwe clusters`)
LESSON = Kind("lesson", "lessons", lambda d: d["lessons"])
CONCEPT = Kind("concept", "concepts", lambda d: d["concepts"])
TERM = Kind("term", "glossary", lambda d: d["glossary"])

# The figures of each kind of record, by field (a field may hold several: one per base or period).
REGION_FIGURES = (
    "official_languages", "area", "population", "gdp_per_capita", "gdp_per_capita_index",
    "gdp_per_capita_world_rank", "unemployment_rate", "employment_rate", "subdivisions",
)  # fmt: skip
SCHEME_FIGURES = (
    "groupings", "test_phase", "funding.amount_per_year", "funding.duration", "funding.degression.floor_share",
    "funding.degression.years", "funding.accreditation", "average_project_duration",
)  # fmt: skip
ORGANISATION_FIGURES = ("members", "member_federations")
SCHEME_LISTS = ("criteria", "features", "objectives", "obligations", "activity_axes", "outcome", "funding.notes")
REGION_LISTS = ("form_of_state", "main_industrial_sectors")
_CODE = "added by the tool to join official statistics, not in the slides"
_UWE_WORDS = "the tool's own words for finding the record, not the slides'"


def _gdp_shares(dataset: Data) -> Iterable[Row]:
    """GDP per capita as a share of the country's: what `uwe regions` computes, marked computed."""
    country = next((r for r in dataset["regions"] if r["kind"] == "country"), None)
    base = country["gdp_per_capita"] if country else None
    if not country or not base or not base["value"]:
        return
    name = country["name"]
    note = {
        "fr": f"Calculé par l’outil : 100 × PIB par habitant / PIB par habitant ({name['fr']}), arrondi au dixième",
        "en": f"Computed by the tool: 100 × GDP per capita / GDP per capita of {name['en']}, rounded to 0.1",
    }
    for region in dataset["regions"]:
        gdp = region["gdp_per_capita"]
        # A share of figures in other units or of other periods would mean nothing.
        if not gdp or (gdp["unit"], gdp["period"]) != (base["unit"], base["period"]):
            continue
        share = {"value": round(100 * gdp["value"] / base["value"], 1), "unit": "%", "period": gdp["period"],
                 "maximum": False, "computed": True, "note": note}  # fmt: skip
        cited = "; ".join(dict.fromkeys([*region["source"], *country["source"]]))
        measure = f"gdp_per_capita_share_of_{country['id']}"
        yield {"region_id": region["id"], "measure": measure, "position": 1, **figure_cells(share), "source": cited}


def _results_source(scheme: Data) -> list[str]:
    # The slide of the results, where the data names one, else the scheme's slides.
    return list(scheme["results_source"] or scheme["source"])


def _results(dataset: Data) -> Iterable[Row]:
    for scheme in dataset["schemes"]:
        for position, result in enumerate(scheme["results"], 1):
            yield {"scheme_id": scheme["id"], "id": result["id"], "position": position, "label": result["label"],
                   "part_of": result["part_of"], "output_of": result["output_of"], **figure_cells(result["figure"]),
                   "source": "; ".join(_results_source(scheme))}  # fmt: skip


def _result_links(relation: str) -> Callable[[Data], Iterable[Row]]:
    """The results that are `relation` (part_of, output_of) another, one row each."""

    def rows(dataset: Data) -> Iterable[Row]:
        for scheme in dataset["schemes"]:
            for result in scheme["results"]:
                if result[relation]:
                    yield {"scheme_id": scheme["id"], "result_id": result["id"], relation: result[relation],
                           "source": "; ".join(_results_source(scheme))}  # fmt: skip

    return rows


def _result_links_spec(relation: str, *, name: str, title: str, description: str, what: str) -> Spec:
    # A table of its own rather than a key on results.part_of: a two-column key with one
    # empty cell is a broken reference to Frictionless, though not to SQL.
    return Spec(
        name, title, description,
        (SCHEME.key_column, Column("result_id", "string", "Refers to results.id.", required=True),
         Column(relation, "string", f"The result {what}: refers to results.id.", required=True), SOURCE),
        ("scheme_id", "result_id"),
        (ForeignKey(("scheme_id", "result_id"), "results", ("scheme_id", "id")),
         ForeignKey(("scheme_id", relation), "results", ("scheme_id", "id"))),
        _result_links(relation),
    )  # fmt: skip


def _result_slides(dataset: Data) -> Iterable[tuple[tuple[str, ...], list[str]]]:
    return (((s["id"], r["id"]), _results_source(s)) for s in dataset["schemes"] for r in s["results"])


def _nested(kind: Kind, field: str) -> Callable[[Data], Iterable[Row]]:
    """Rows of the mappings a record lists under `field` (a scheme's activities, its benefits)."""

    def rows(dataset: Data) -> Iterable[Row]:
        for record in kind.records(dataset):
            for position, item in enumerate(record[field], 1):
                yield {kind.key: record["id"], "position": position, **item, "source": sources(record)}

    return rows


def _activity_points(dataset: Data) -> Iterable[Row]:
    for scheme in dataset["schemes"]:
        for activity, point in enumerate(scheme["activities"], 1):
            for position, text in enumerate(point["points"], 1):
                yield {"scheme_id": scheme["id"], "activity_position": activity, "position": position, "text": text,
                       "source": sources(scheme)}  # fmt: skip


def _memberships(dataset: Data) -> Iterable[Row]:
    for grouping in dataset["clusters"]:
        for position, membership in enumerate(grouping["memberships"], 1):
            # The slide that lists the grouping in this scheme, where the data names one.
            cited = membership["source"] or sources(grouping)
            yield {"grouping_id": grouping["id"], "scheme_id": membership["scheme"], "position": position,
                   "domain": membership["domain"], "source": cited}  # fmt: skip


def _grouping_sectors(dataset: Data) -> Iterable[Row]:
    """Each tag with the slides' words that name it, citing the slide that says them (evidence.py)."""
    sectors = {s["id"]: s for s in dataset["sectors"]}
    for grouping in dataset["clusters"]:
        for position, sector in enumerate(grouping["sectors"], 1):
            said = evidence.words(grouping, sectors[sector])
            yield {"grouping_id": grouping["id"], "sector_id": sector, "position": position,
                   "words": said and said["text"], "source": "; ".join(said["source"]) if said else sources(grouping)}  # fmt: skip


def _usages(dataset: Data) -> Iterable[Row]:
    for term in dataset["glossary"]:
        for position, usage in enumerate(term["usages"], 1):
            yield {"term_id": term["id"], "position": position, "quote": usage["quote"], "source": usage["source"]}


def _presentation(dataset: Data) -> Iterable[Row]:
    # The one presentation, id 1; it is the source itself, so it cites no slide.
    return [{"id": 1, **{k: v for k, v in dataset["presentation"].items() if k != "slides"}}]


SPECS: tuple[Spec, ...] = (
    Spec(
        "presentation", "The presentation", "The presentation all the data comes from: by whom, where and when.",
        (Column("id", "integer", "Always 1: the one presentation.", required=True), text_column("author", "Who gave it"),
         text_column("event", "The event"), text_column("place", "Where"), Column("date", "date", "When.", required=True)),
        ("id",), (), _presentation,
    ),
    record_spec(
        SLIDE, description="The slides of the presentation, in its order: what every 'source' refers to.",
        columns=(POSITION, text_column("title", "The slide's title", required=True), text_column("subtitle", "The slide's second line"),
                 Column("page", "integer", "The page number printed on the slide; empty where none is printed (none is guessed).")),
    ),
    record_spec(
        ORGANISATION, description="The organisation that gave the presentation.",
        columns=(text_column("name", "Name", required=True), Column("acronym", "string", "Acronym.", required=True),
                 Column("founded", "integer", "The year it was founded.", required=True),
                 text_column("kind", "What it is", required=True), text_column("funding", "How it is funded", required=True),
                 text_column("role", "Its role", required=True), text_column("mission", "Its mission", required=True), SOURCE),
    ),
    record_slides(ORGANISATION),
    figures_spec(ORGANISATION, measures=ORGANISATION_FIGURES),
    items_spec(ORGANISATION, name="organisation_actions", lists=("actions",), what="Actions"),
    record_spec(
        REGION, description="Belgium, its regions and the German-speaking Community, which lies within Wallonia "
        "(its figures are part of Wallonia's: never add them).",
        columns=(POSITION, text_column("name", "Name", required=True),
                 Column("kind", "string", "country, region or community.", required=True),
                 Column("within", "string", "The region this one lies within: refers to regions.id."),
                 Column("nuts", "string", f"NUTS code, {_CODE}.", path="codes.nuts"),
                 Column("iso_3166", "string", f"ISO 3166 code, {_CODE}.", path="codes.iso_3166"),
                 text_column("capital", "Capital"),
                 text_column("language_note", "What the slide says of its languages"), SOURCE),
        refs=(ForeignKey(("within",), "regions", ("id",)),),
    ),
    record_slides(REGION),
    words_spec(REGION, name="region_languages", cited=True,
                word=Column("language", "string", "ISO 639-1 code of a language the slide names.", required=True, path="languages"),
                description="The languages of each region the slide names, as ISO 639-1 codes."),
    words_spec(REGION, name="region_aliases", cited=False,
                word=Column("alias", "string", f"Another name of the region, {_UWE_WORDS}.", required=True, path="aliases"),
                description=f"Aliases of each region: {_UWE_WORDS}."),
    figures_spec(REGION, measures=REGION_FIGURES, computed=_gdp_shares),
    items_spec(REGION, name="region_list_items", lists=REGION_LISTS, what="Form of state and main industrial sectors"),
    record_spec(
        SECTOR, description="The tool's sector vocabulary, which tags the groupings: the tool's classification, not the "
        "slides' (the slides give each grouping's domain: see memberships, and grouping_sectors.words).",
        columns=(POSITION, text_column("name", "Name", required=True, tool_words=True)),
    ),
    words_spec(SECTOR, name="sector_synonyms", cited=False,
                word=Column("synonym", "string", f"A word for the sector, {_UWE_WORDS}.", required=True, path="synonyms"),
                description=f"Synonyms of each sector: {_UWE_WORDS}."),
    record_spec(
        SCHEME, description="Wallonia's clustering schemes: technology clusters, regional clusters, competitiveness "
        "poles, export clusters.",
        columns=(POSITION, text_column("name", "Name", required=True),
                 Column("english_term", "string", "The English term the slide itself gives ('competitiveness cluster')."),
                 text_column("summary", "In one line: the tool's summary", required=True, tool_words=True),
                 Column("status", "string", "active or ended: the tool's reading of status_quote.", required=True),
                 text_column("status_quote", "The slide's words the status is read from"),
                 Column("start_year", "integer", "The year it started.", path="start"),
                 Column("end_year", "integer", "The year it ended.", path="end"),
                 text_column("period", "Its period, as the slide says it"), text_column("legal_basis", "Legal basis"),
                 Column("legal_basis_year", "integer", "The year of the law it is governed by."),
                 text_column("definition", "Definition"),
                 text_column("participants", "Who takes part: the tool's summary of the slides", tool_words=True),
                 text_column("funding_degression", "How the funding tapers off (the floor share and years are in "
                             "scheme_figures)", path="funding.degression.quote"),
                 text_column("assessment", "The slides' assessment"), SOURCE),
    ),
    record_slides(SCHEME),
    words_spec(SCHEME, name="scheme_aliases", cited=False,
                word=Column("alias", "string", f"Another name of the scheme, {_UWE_WORDS}.", required=True, path="aliases"),
                description=f"Aliases of each scheme: {_UWE_WORDS}."),
    figures_spec(SCHEME, measures=SCHEME_FIGURES),
    items_spec(SCHEME, name="scheme_list_items", lists=SCHEME_LISTS,
                what="Criteria, features, objectives, obligations, activity axes, outcome and funding notes"),
    Spec(
        "scheme_activities", "Activities of schemes", "What a scheme's groupings do; the points under each are in "
        "scheme_activity_points.",
        (SCHEME.key_column, POSITION, text_column("text", "The activity", required=True), SOURCE),
        ("scheme_id", "position"), (SCHEME.foreign_key,), _nested(SCHEME, "activities"),
    ),
    Spec(
        "scheme_activity_points", "Points of scheme activities", "The points under each of a scheme's activities.",
        (SCHEME.key_column, Column("activity_position", "integer", "The activity: scheme_activities.position.", required=True),
         POSITION, text_column("text", "The point", required=True), SOURCE),
        ("scheme_id", "activity_position", "position"),
        (ForeignKey(("scheme_id", "activity_position"), "scheme_activities", ("scheme_id", "position")),), _activity_points,
    ),
    Spec(
        "scheme_benefits", "Benefits of schemes", "Who benefits from a scheme, and how.",
        (SCHEME.key_column, POSITION, text_column("beneficiary", "Who", required=True),
         text_column("benefits", "What they gain", required=True), SOURCE),
        ("scheme_id", "position"), (SCHEME.foreign_key,), _nested(SCHEME, "benefits"),
    ),
    Spec(
        "results", "Results of schemes", "A scheme's assessment, figure by figure (the competitiveness poles' first results).",
        (SCHEME.key_column, Column("id", "string", "The result's id, unique within its scheme.", required=True),
         POSITION, text_column("label", "What is counted: the tool's label (the slide's words are in quote)", required=True,
                                tool_words=True),
         Column("part_of", "string", "The result this one is a part of, in the same scheme (result_parts has it with its keys)."),
         Column("output_of", "string", "The result that produced this one, in the same scheme (result_outputs has it "
                "with its keys)."),
         *FIGURE, SOURCE),
        ("scheme_id", "id"), (SCHEME.foreign_key,), _results, Figures("schemes", "scheme_id", "id"),
    ),
    _result_links_spec("part_of", name="result_parts", title="Results that are part of others", what="it is a part of",
                       description="Which result each result is a part of (40 of the 130 R&D projects are completed)."),
    _result_links_spec("output_of", name="result_outputs", title="Results that others produced", what="that produced it",
                       description="Which result produced each result (the 300 innovations came out of the 40 completed "
                       "R&D projects): an output, not a part."),
    slides_spec("result_slides", table="results", references=("scheme_id", "id"), cited=_result_slides,
                 keys=(SCHEME.key_column, Column("result_id", "string", "Refers to results.id.", required=True))),
    record_spec(
        GROUPING, description="The named groupings (clusters.yaml, `uwe clusters`): regional clusters, "
        "competitiveness poles and export clusters.",
        columns=(POSITION, text_column("name", "Name", required=True),
                 Column("status", "string", "active or in-formation: the tool's reading of status_quote; empty where the "
                        "slides state no status."),
                 text_column("status_quote", "The slide's words the status is read from"), SOURCE),
    ),
    record_slides(GROUPING),
    Spec(
        "memberships", "Memberships of groupings", "Which schemes each grouping belongs to, with the domain that "
        "scheme's slide gives it.",
        (GROUPING.key_column, SCHEME.key_column, POSITION,
         text_column("domain", "The grouping's domain, as the scheme's slide gives it"), SOURCE),
        ("grouping_id", "scheme_id"), (GROUPING.foreign_key, SCHEME.foreign_key), _memberships,
    ),
    Spec(
        "grouping_sectors", "Sectors of groupings", "The sectors of each grouping: the tool's tags, each with the slides' "
        "words that name it (the grouping's domain or name) and the slide that says them.",
        (GROUPING.key_column, Column("sector_id", "string", "Refers to sectors.id: the tool's tag.", required=True), POSITION,
         text_column("words", "The slide's words that name the sector; empty where none do"), SOURCE),
        ("grouping_id", "position"), (GROUPING.foreign_key, SECTOR.foreign_key), _grouping_sectors,
    ),
    record_spec(
        LESSON, description="What the Walloon experience taught.",
        columns=(POSITION, Column("kind", "string", "difficulty, effect, improvement, good-practice or conclusion.",
                                  required=True), text_column("text", "The lesson", required=True), SOURCE),
    ),
    record_slides(LESSON),
    items_spec(LESSON, name="lesson_points", lists=("points",), what="Points"),
    record_spec(
        CONCEPT, description="Definitions of clustering, why clusters, their characteristics and objectives.",
        columns=(POSITION, Column("kind", "string", "definition, driver, characteristic or objective.", required=True),
                 text_column("text", "The concept", required=True), Column("author", "string", "Who gave the definition."),
                 Column("year", "integer", "The year of the definition."),
                 text_column("quoted_in", "The work that quotes it, as the slide names it", path="quoted_in.text"),
                 Column("quoted_in_author", "string", "The author of that work.", path="quoted_in.author"),
                 Column("quoted_in_place", "string", "Where that work was written.", path="quoted_in.place"),
                 Column("quoted_in_year", "integer", "The year of that work.", path="quoted_in.year"),
                 SOURCE),
    ),
    record_slides(CONCEPT),
    items_spec(CONCEPT, name="concept_points", lists=("points",), what="Points"),
    record_spec(
        TERM, description="A glossary of the slides' own words for clustering (grappe, pôle de compétitivité...): "
        "the tool's headword and gloss; the slides' uses are in glossary_usages.",
        columns=(POSITION, text_column("name", "The word, as a headword (in English with the tool's translation)",
                                       required=True, tool_words=True),
                 text_column("meaning", "What it means: the tool's gloss", required=True, tool_words=True), SOURCE),
    ),
    record_slides(TERM),
    Spec(
        "glossary_usages", "Uses of glossary words", "Each slide's words that use a glossary word, quoted.",
        (TERM.key_column, POSITION, text_column("quote", "The slide's words", required=True),
         Column("source", "string", "The slide that says them (slides.id).", required=True)),
        ("term_id", "position"), (TERM.foreign_key, ForeignKey(("source",), "slides", ("id",))), _usages,
    ),
)  # fmt: skip
