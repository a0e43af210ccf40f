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
from dataclasses import dataclass

from uwe_cli.tables import (
    FIGURE,
    POSITION,
    SOURCE,
    Column,
    Data,
    Figures,
    ForeignKey,
    Row,
    Spec,
    figure_cells,
    get,
    id_column,
    record_rows,
    ref_column,
    sources,
)

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


ORGANISATION = Kind("organisation", "organisation", lambda d: [d["organisation"]])
SLIDE = Kind("slide", "slides", lambda d: d["presentation"]["slides"])
REGION = Kind("region", "regions", lambda d: d["regions"])
SECTOR = Kind("sector", "sectors", lambda d: d["sectors"])
SCHEME = Kind("scheme", "schemes", lambda d: d["schemes"])
GROUPING = Kind("grouping", "groupings", lambda d: d["clusters"])  # (clusters.yaml, `uwe clusters`)
LESSON = Kind("lesson", "lessons", lambda d: d["lessons"])
CONCEPT = Kind("concept", "concepts", lambda d: d["concepts"])

# The figures of each kind of record, by field (a field may hold several: one per base or period).
REGION_FIGURES = (
    "official_languages", "area", "population", "gdp_per_capita", "gdp_per_capita_index",
    "gdp_per_capita_world_rank", "unemployment_rate", "employment_rate",
)  # fmt: skip
SCHEME_FIGURES = ("groupings", "funding.amount_per_year", "funding.duration", "funding.accreditation")
ORGANISATION_FIGURES = ("members", "member_federations")
SCHEME_LISTS = ("criteria", "features", "objectives", "activity_axes", "outcome", "funding.notes")
REGION_LISTS = ("form_of_state", "main_industrial_sectors")
_CODE = "added by uwe to join official statistics, not in the slides"
_UWE_WORDS = "uwe's own words for finding the record, not the slides'"


def _text(name: str, description: str, *, required: bool = False, path: str | None = None) -> Column:
    return Column(name, "string", description, required=required, text=True, path=path)


def _record_spec(kind: Kind, *, description: str, columns: tuple[Column, ...], refs: tuple[ForeignKey, ...] = ()) -> Spec:
    """The table of a kind of record, keyed on their id."""
    columns = (id_column(kind.owner), *columns)
    return Spec(kind.table, kind.table.capitalize(), description, columns, ("id",), refs, record_rows(kind.records, columns))


def _slides_spec(name: str, *, table: str, keys: tuple[Column, ...], references: tuple[str, ...], cited: Cited) -> Spec:
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


def _record_slides(kind: Kind) -> Spec:
    cited: Cited = lambda dataset: (((r["id"],), r["source"]) for r in kind.records(dataset))  # noqa: E731
    return _slides_spec(f"{kind.owner}_slides", table=kind.table, keys=(kind.key_column,), references=("id",), cited=cited)


def _items_spec(kind: Kind, *, name: str, lists: tuple[str, ...], what: str) -> Spec:
    """The texts a record lists (a slide's bullets), with a `list` column where it has several lists."""
    several = len(lists) > 1

    def rows(dataset: Data) -> Iterable[Row]:
        for record in kind.records(dataset):
            for list_name in lists:
                for position, text in enumerate(get(record, list_name) or (), 1):
                    yield {kind.key: record["id"], "list": list_name, "position": position, "text": text, "source": sources(record)}

    list_column = Column("list", "string", f"Which list: {', '.join(lists)}.", required=True)
    columns = (kind.key_column, *((list_column,) if several else ()), POSITION, _text("text", what, required=True), SOURCE)
    primary = (kind.key, "list", "position") if several else (kind.key, "position")
    description = f"{what} of each row of {kind.table}, one row per item, in the slide's order."
    return Spec(name, f"{what} of {kind.table}", description, columns, primary, (kind.foreign_key,), rows)


def _words_spec(kind: Kind, *, name: str, word: Column, description: str, cited: bool, refers: tuple[ForeignKey, ...] = ()) -> Spec:
    """Plain words a record lists: language codes, sector ids, synonyms, aliases (`cited`: from a slide)."""

    def rows(dataset: Data) -> Iterable[Row]:
        for record in kind.records(dataset):
            for position, value in enumerate(get(record, word.path or word.name), 1):
                row = {kind.key: record["id"], word.name: value, "position": position}
                yield {**row, "source": sources(record)} if cited else row

    columns = (kind.key_column, word, POSITION, *((SOURCE,) if cited else ()))
    title = f"{word.name} of {kind.table}"
    return Spec(name, title, description, columns, (kind.key, "position"), (kind.foreign_key, *refers), rows)


def _figures_spec(kind: Kind, *, measures: tuple[str, ...], computed: Callable[[Data], Iterable[Row]] | None = None) -> Spec:
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


def _gdp_shares(dataset: Data) -> Iterable[Row]:
    """GDP per capita as a share of the country's: what `uwe regions` computes, marked computed."""
    country = next((r for r in dataset["regions"] if r["kind"] == "country"), None)
    base = country["gdp_per_capita"] if country else None
    if not country or not base or not base["value"]:
        return
    name = country["name"]
    note = {
        "fr": f"Calculé par uwe : 100 × PIB par habitant / PIB par habitant ({name['fr']}), arrondi au dixième",
        "en": f"Computed by uwe: 100 × GDP per capita / GDP per capita of {name['en']}, rounded to 0.1",
    }
    for region in dataset["regions"]:
        gdp = region["gdp_per_capita"]
        # A share of figures in other units or of other periods would mean nothing.
        if not gdp or (gdp["unit"], gdp["period"]) != (base["unit"], base["period"]):
            continue
        share = {"value": round(100 * gdp["value"] / base["value"], 1), "unit": "%", "period": gdp["period"],
                 "base": None, "maximum": False, "note": note}  # fmt: skip
        cited = "; ".join(dict.fromkeys([*region["source"], *country["source"]]))
        measure = f"gdp_per_capita_share_of_{country['id']}"
        yield {"region_id": region["id"], "measure": measure, "position": 1, **figure_cells(share, computed=True), "source": cited}


def _results_source(scheme: Data) -> list[str]:
    # The slide of the results, where the data names one, else the scheme's slides.
    return scheme["results_source"] or scheme["source"]


def _results(dataset: Data) -> Iterable[Row]:
    for scheme in dataset["schemes"]:
        for position, result in enumerate(scheme["results"], 1):
            yield {"scheme_id": scheme["id"], "id": result["id"], "position": position, "label": result["label"],
                   "part_of": result["part_of"], **figure_cells(result["figure"]), "source": "; ".join(_results_source(scheme))}  # fmt: skip


def _result_parts(dataset: Data) -> Iterable[Row]:
    for scheme in dataset["schemes"]:
        for result in scheme["results"]:
            if result["part_of"]:
                yield {"scheme_id": scheme["id"], "result_id": result["id"], "part_of": result["part_of"],
                       "source": "; ".join(_results_source(scheme))}  # fmt: skip


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
            yield {"grouping_id": grouping["id"], "scheme_id": membership["scheme"], "position": position,
                   "domain": membership["domain"], "source": sources(grouping)}  # fmt: skip


def _presentation(dataset: Data) -> Iterable[Row]:
    # The one presentation, id 1; it is the source itself, so it cites no slide.
    return [{"id": 1, **{k: v for k, v in dataset["presentation"].items() if k != "slides"}}]


SPECS: tuple[Spec, ...] = (
    Spec(
        "presentation", "The presentation", "The presentation all the data comes from: by whom, where and when.",
        (Column("id", "integer", "Always 1: the one presentation.", required=True), _text("author", "Who gave it"),
         _text("event", "The event"), _text("place", "Where"), Column("date", "date", "When.", required=True)),
        ("id",), (), _presentation,
    ),
    _record_spec(
        SLIDE, description="The slides of the presentation, in its order: what every 'source' refers to.",
        columns=(POSITION, _text("title", "The slide's title", required=True), _text("subtitle", "The slide's second line"),
                 Column("page", "integer", "The page number printed on the slide; empty where none is printed (none is guessed).")),
    ),
    _record_spec(
        ORGANISATION, description="The organisation that gave the presentation.",
        columns=(_text("name", "Name", required=True), Column("acronym", "string", "Acronym.", required=True),
                 Column("founded", "integer", "The year it was founded.", required=True),
                 _text("kind", "What it is", required=True), _text("funding", "How it is funded", required=True),
                 _text("role", "Its role", required=True), _text("mission", "Its mission", required=True), SOURCE),
    ),
    _record_slides(ORGANISATION),
    _figures_spec(ORGANISATION, measures=ORGANISATION_FIGURES),
    _items_spec(ORGANISATION, name="organisation_actions", lists=("actions",), what="Actions"),
    _record_spec(
        REGION, description="Belgium, its regions and the German-speaking Community, which lies within Wallonia "
        "(its figures are part of Wallonia's: never add them).",
        columns=(POSITION, _text("name", "Name", required=True),
                 Column("kind", "string", "country, region or community.", required=True),
                 Column("within", "string", "The region this one lies within: refers to regions.id."),
                 Column("nuts", "string", f"NUTS code, {_CODE}.", path="codes.nuts"),
                 Column("iso_3166", "string", f"ISO 3166 code, {_CODE}.", path="codes.iso_3166"),
                 _text("capital", "Capital"), _text("subdivisions", "Subdivisions"),
                 _text("language_note", "What the slide says of its languages"), SOURCE),
        refs=(ForeignKey(("within",), "regions", ("id",)),),
    ),
    _record_slides(REGION),
    _words_spec(REGION, name="region_languages", cited=True,
                word=Column("language", "string", "ISO 639-1 code of a language the slide names.", required=True, path="languages"),
                description="The languages of each region the slide names, as ISO 639-1 codes."),
    _figures_spec(REGION, measures=REGION_FIGURES, computed=_gdp_shares),
    _items_spec(REGION, name="region_list_items", lists=REGION_LISTS, what="Form of state and main industrial sectors"),
    _record_spec(
        SECTOR, description="uwe's sector vocabulary, which tags the groupings: uwe's classification, not the "
        "slides' (the slides give each grouping's domain: see memberships).",
        columns=(POSITION, _text("name", "Name", required=True)),
    ),
    _words_spec(SECTOR, name="sector_synonyms", cited=False,
                word=Column("synonym", "string", f"A word for the sector, {_UWE_WORDS}.", required=True, path="synonyms"),
                description=f"Synonyms of each sector: {_UWE_WORDS}."),
    _record_spec(
        SCHEME, description="Wallonia's clustering schemes: technology clusters, regional clusters, competitiveness "
        "poles, export clusters.",
        columns=(POSITION, _text("name", "Name", required=True), _text("summary", "In one line", required=True),
                 Column("status", "string", "active or ended.", required=True),
                 Column("start_year", "integer", "The year it started.", path="start"),
                 Column("end_year", "integer", "The year it ended.", path="end"),
                 _text("period", "Its period, as the slide says it"), _text("legal_basis", "Legal basis"),
                 _text("definition", "Definition"), _text("participants", "Who takes part"),
                 _text("funding_degression", "How the funding tapers off", path="funding.degression"),
                 _text("assessment", "The slides' assessment"), SOURCE),
    ),
    _record_slides(SCHEME),
    _words_spec(SCHEME, name="scheme_aliases", cited=False,
                word=Column("alias", "string", f"Another name of the scheme, {_UWE_WORDS}.", required=True, path="aliases"),
                description=f"Aliases of each scheme: {_UWE_WORDS}."),
    _figures_spec(SCHEME, measures=SCHEME_FIGURES),
    _items_spec(SCHEME, name="scheme_list_items", lists=SCHEME_LISTS,
                what="Criteria, features, objectives, activity axes, outcome and funding notes"),
    Spec(
        "scheme_activities", "Activities of schemes", "What a scheme's groupings do; the points under each are in "
        "scheme_activity_points.",
        (SCHEME.key_column, POSITION, _text("text", "The activity", required=True), SOURCE),
        ("scheme_id", "position"), (SCHEME.foreign_key,), _nested(SCHEME, "activities"),
    ),
    Spec(
        "scheme_activity_points", "Points of scheme activities", "The points under each of a scheme's activities.",
        (SCHEME.key_column, Column("activity_position", "integer", "The activity: scheme_activities.position.", required=True),
         POSITION, _text("text", "The point", required=True), SOURCE),
        ("scheme_id", "activity_position", "position"),
        (ForeignKey(("scheme_id", "activity_position"), "scheme_activities", ("scheme_id", "position")),), _activity_points,
    ),
    Spec(
        "scheme_benefits", "Benefits of schemes", "Who benefits from a scheme, and how.",
        (SCHEME.key_column, POSITION, _text("beneficiary", "Who", required=True),
         _text("benefits", "What they gain", required=True), SOURCE),
        ("scheme_id", "position"), (SCHEME.foreign_key,), _nested(SCHEME, "benefits"),
    ),
    Spec(
        "results", "Results of schemes", "A scheme's assessment, figure by figure (the competitiveness poles' first results).",
        (SCHEME.key_column, Column("id", "string", "The result's id, unique within its scheme.", required=True),
         POSITION, _text("label", "What is counted", required=True),
         Column("part_of", "string", "The result this one is part of, in the same scheme (result_parts has it with its keys)."),
         *FIGURE, SOURCE),
        ("scheme_id", "id"), (SCHEME.foreign_key,), _results, Figures("schemes", "scheme_id", "id"),
    ),
    # A table of its own rather than a key on results.part_of: a two-column key with one
    # empty cell is a broken reference to Frictionless, though not to SQL.
    Spec(
        "result_parts", "Results that are part of others", "Which result each result is part of (the 300 "
        "innovations came from the 40 completed R&D projects).",
        (SCHEME.key_column, Column("result_id", "string", "Refers to results.id.", required=True),
         Column("part_of", "string", "The result it is part of: refers to results.id.", required=True), SOURCE),
        ("scheme_id", "result_id"),
        (ForeignKey(("scheme_id", "result_id"), "results", ("scheme_id", "id")),
         ForeignKey(("scheme_id", "part_of"), "results", ("scheme_id", "id"))),
        _result_parts,
    ),
    _slides_spec("result_slides", table="results", references=("scheme_id", "id"), cited=_result_slides,
                 keys=(SCHEME.key_column, Column("result_id", "string", "Refers to results.id.", required=True))),
    _record_spec(
        GROUPING, description="The named groupings (clusters.yaml, `uwe clusters`): regional clusters, "
        "competitiveness poles and export clusters.",
        columns=(POSITION, _text("name", "Name", required=True),
                 Column("status", "string", "active or in-formation.", required=True), SOURCE),
    ),
    _record_slides(GROUPING),
    Spec(
        "memberships", "Memberships of groupings", "Which schemes each grouping belongs to, with the domain that "
        "scheme's slide gives it.",
        (GROUPING.key_column, SCHEME.key_column, POSITION,
         _text("domain", "The grouping's domain, as the scheme's slide gives it"), SOURCE),
        ("grouping_id", "scheme_id"), (GROUPING.foreign_key, SCHEME.foreign_key), _memberships,
    ),
    _words_spec(GROUPING, name="grouping_sectors", cited=True, refers=(SECTOR.foreign_key,),
                word=Column("sector_id", "string", "Refers to sectors.id: uwe's tag for the grouping's domain.",
                            required=True, path="sectors"),
                description="The sectors of each grouping: uwe's tags, from the domain its slides give it."),
    _record_spec(
        LESSON, description="What the Walloon experience taught.",
        columns=(POSITION, Column("kind", "string", "difficulty, effect, improvement, good-practice or conclusion.",
                                  required=True), _text("text", "The lesson", required=True), SOURCE),
    ),
    _record_slides(LESSON),
    _items_spec(LESSON, name="lesson_points", lists=("points",), what="Points"),
    _record_spec(
        CONCEPT, description="Definitions of clustering, why clusters, their characteristics and objectives.",
        columns=(POSITION, Column("kind", "string", "definition, driver, characteristic or objective.", required=True),
                 _text("text", "The concept", required=True), Column("author", "string", "Who gave the definition."),
                 Column("year", "integer", "The year of the definition."), _text("quoted_in", "The work that quotes it"),
                 SOURCE),
    ),
    _record_slides(CONCEPT),
    _items_spec(CONCEPT, name="concept_points", lists=("points",), what="Points"),
)  # fmt: skip
