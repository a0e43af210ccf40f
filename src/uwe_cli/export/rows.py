"""The rows of an export's tables: each fact, one row, citing the one slide that states it.

schema.py declares the tables and their columns; this module reads the validated dataset
(plain JSON data) into their rows: every figure of every record in one table, every
bulleted list in one, and the link tables. A fact cites its own slide where the data names
one (its `slide`), else the first slide of its record (tables.Slides).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from uwe_cli import arithmetic
from uwe_cli.dataset import evidence
from uwe_cli.export.tables import Data, Row, Slides, get


@dataclass(frozen=True)
class Kind:
    """A kind of record: its table, and where the dataset holds its records."""

    table: str
    records: Callable[[Data], Iterable[Data]]


ORGANISATION = Kind("organisation", lambda d: [d["organisation"]])
REGION = Kind("regions", lambda d: d["regions"])
SECTOR = Kind("sectors", lambda d: d["sectors"])
SCHEME = Kind("schemes", lambda d: d["schemes"])
GROUPING = Kind("groupings", lambda d: d["clusters"])  # (clusters.yaml, `uwe clusters`)
LESSON = Kind("lessons", lambda d: d["lessons"])
CONCEPT = Kind("concepts", lambda d: d["concepts"])
TERM = Kind("glossary", lambda d: d["glossary"])

# The figures of each kind of record, by field (a field may hold several: one per base or period).
FIGURES = (
    (ORGANISATION, ("members", "member_federations")),
    (REGION, ("official_languages", "area", "population", "gdp_per_capita", "gdp_per_capita_index",
              "gdp_per_capita_world_rank", "unemployment_rate", "employment_rate", "subdivisions")),
    (SCHEME, ("groupings", "test_phase", "funding.amount_per_year", "funding.duration",
              "funding.degression.floor_share", "funding.degression.years", "funding.accreditation",
              "average_project_duration")),
)  # fmt: skip
# The bulleted lists of each kind of record, by field; activities and benefits are below.
LISTS = (
    (ORGANISATION, ("actions",)),
    (REGION, ("form_of_state", "main_industrial_sectors")),
    (SCHEME, ("criteria", "features", "objectives", "obligations", "activity_axes", "outcome", "funding.notes")),
    (LESSON, ("points",)),
    (CONCEPT, ("points",)),
)
_SHARE_NOTE = {
    "fr": "Calculé par l’outil, absent des diapositives : 100 × PIB par habitant / PIB par habitant ({fr}), arrondi au dixième",
    "en": "Computed by the tool, not on the slides: 100 × GDP per capita / GDP per capita of {en}, rounded to 0.1",
    "nl": "Berekend door het programma, niet op de dia's: 100 × bbp per inwoner / bbp per inwoner van {nl}, afgerond op 0,1",
    "de": "Vom Werkzeug berechnet, nicht auf den Folien: 100 × BIP pro Kopf / BIP pro Kopf ({de}), auf 0,1 gerundet",
    "bg": "Изчислено от инструмента, не е на слайдовете: 100 × БВП на човек / БВП на човек ({bg}), закръглено до 0,1",
}  # fmt: skip


# Figures.


def _figure(table: str, record: Data, measure: str, position: int, figure: Data, slides: Slides) -> Row:
    slide = slides.of(figure, record)
    return {"subject_table": table, "subject_id": record["id"], "measure": measure, "position": position, **figure,
            "slide_id": slide, "page": slides.page.get(slide) if slide else None}  # fmt: skip


def figures(dataset: Data) -> Iterable[Row]:
    slides = Slides(dataset)
    for kind, measures in FIGURES:
        for record in kind.records(dataset):
            for measure in measures:
                found = get(record, measure)
                for position, figure in enumerate(found if isinstance(found, list) else [found] if found else [], 1):
                    yield _figure(kind.table, record, measure, position, figure, slides)
            if kind is SCHEME:
                yield from _results(record, slides)
    yield from _gdp_shares(dataset, slides)


def _results(scheme: Data, slides: Slides) -> Iterable[Row]:
    # Each result's figure names its slide (`slide`), else the scheme's first is cited.
    for result in scheme["results"]:
        related = {key: f"results.{result[key]}" if result[key] else None for key in ("part_of", "output_of")}
        row = _figure(SCHEME.table, scheme, f"results.{result['id']}", 1, result["figure"], slides)
        yield {**row, "label": result["label"], **related}


def _gdp_shares(dataset: Data, slides: Slides) -> Iterable[Row]:
    """GDP per capita as a share of the country's: what `uwe regions` computes, marked computed."""
    country = next((r for r in dataset["regions"] if r["kind"] == "country"), None)
    base = country["gdp_per_capita"] if country else None
    if not country or not base or not base["value"]:
        return
    note = {lang: text.format(**country["name"]) for lang, text in _SHARE_NOTE.items() if lang in country["name"]}
    for region in dataset["regions"]:
        gdp = region["gdp_per_capita"]
        # A share of figures in other units or of other periods would mean nothing.
        if not gdp or (gdp["unit"], gdp["period"]) != (base["unit"], base["period"]):
            continue
        # (cites the slide of the region's GDP per capita; the note names the country's)
        value = arithmetic.share(gdp["value"], base["value"])
        if value is None:  # (not computable, arithmetic.py: no row, as `uwe notes` says)
            continue
        share = {"value": value, "unit": "%", "period": gdp["period"],
                 "maximum": False, "computed": True, "note": note, "slide": slides.of(gdp, region)}  # fmt: skip
        yield _figure(REGION.table, region, f"gdp_per_capita_share_of_{country['id']}", 1, share, slides)


# Lists.


def lists(dataset: Data) -> Iterable[Row]:
    slides = Slides(dataset)
    for kind, names in LISTS:
        for record in kind.records(dataset):
            for name in names:
                for position, item in enumerate(get(record, name) or (), 1):
                    yield _item(kind, record, name, position, item, slides)
            if kind is SCHEME:
                yield from _scheme_lists(record, slides)
    for term in TERM.records(dataset):
        for position, usage in enumerate(term["usages"], 1):
            yield _item(
                TERM, term, "usages", position, usage["quote"], slides, slide=usage.get("slide") or usage.get("source")
            )


def _item(kind: Kind, record: Data, name: str, position: int, item: Data, slides: Slides, *,
          under: int | None = None, slide: str | None = None) -> Row:  # fmt: skip
    # An item is its text in every language, or a mapping that holds it under `text` (with its `slide`).
    text = item["text"] if isinstance(item.get("text"), dict) else item
    return {"owner_table": kind.table, "owner_id": record["id"], "list": name, "position": position, "under": under,
            "slide_id": slide or slides.of(item if item.get("slide") else text, record), "text": text}  # fmt: skip


def _scheme_lists(scheme: Data, slides: Slides) -> Iterable[Row]:
    """A scheme's activities with the points under each, and who benefits with what they gain."""
    points = 0
    for position, activity in enumerate(scheme["activities"], 1):
        yield _item(SCHEME, scheme, "activities", position, activity, slides)
        for point in activity["points"]:
            points += 1
            yield _item(SCHEME, scheme, "activities.points", points, point, slides, under=position)
    for position, benefit in enumerate(scheme["benefits"], 1):
        yield _item(SCHEME, scheme, "benefits.beneficiary", position, benefit["beneficiary"], slides)
        yield _item(SCHEME, scheme, "benefits.benefits", position, benefit["benefits"], slides, under=position)


# Link tables and the tool's words.


def memberships(dataset: Data) -> Iterable[Row]:
    slides = Slides(dataset)
    for grouping in dataset["clusters"]:
        for position, membership in enumerate(grouping["memberships"], 1):
            # The slide that lists the grouping in this scheme, where the data names one.
            slide = membership.get("slide") or membership.get("source") or slides.first(grouping)
            yield {"grouping_id": grouping["id"], "scheme_id": membership["scheme"], "position": position,
                   "domain": membership["domain"], "slide_id": slide}  # fmt: skip


def errata(dataset: Data) -> Iterable[Row]:
    """The source's errata (about.yaml), each with the one slide that has it."""
    for position, erratum in enumerate(dataset.get("errata") or (), 1):
        yield {"id": erratum["id"], "position": position, "written": erratum["written"],
               "reading": erratum["reading"], "note": erratum["note"], "slide_id": erratum["slide"]}  # fmt: skip


def grouping_sectors(dataset: Data) -> Iterable[Row]:
    """Each tag with the slides' words that name it, citing the slide that says them (evidence.py)."""
    slides = Slides(dataset)
    # (by sector, as evidence.tagged reads a sector's words once for all its groupings)
    said = {
        (grouping["id"], sector["id"]): words
        for sector in dataset["sectors"]
        for grouping, words in evidence.tagged(dataset, sector)
    }
    for grouping in dataset["clusters"]:
        for position, sector in enumerate(grouping["sectors"], 1):
            words = said.get((grouping["id"], sector))
            # (the slide that says the words: `slide`, or the first of `source`, as evidence.py gives it)
            slide = words and (words.get("slide") or slides.first({"source": words.get("source")}))
            yield {"grouping_id": grouping["id"], "sector_id": sector, "position": position,
                   "words": words and words["text"], "slide_id": slide or slides.first(grouping)}  # fmt: skip


def region_languages(dataset: Data) -> Iterable[Row]:
    slides = Slides(dataset)
    for region in dataset["regions"]:
        for position, language in enumerate(region["languages"], 1):
            # (the codes stand for the region's language note, and cite its slide)
            slide = slides.of(region["language_note"], region)
            yield {"region_id": region["id"], "language": language, "position": position, "slide_id": slide}


def aliases(dataset: Data) -> Iterable[Row]:
    for kind, field in ((REGION, "aliases"), (SCHEME, "aliases"), (SECTOR, "synonyms")):
        for record in kind.records(dataset):
            for position, alias in enumerate(record[field], 1):
                yield {"owner_table": kind.table, "owner_id": record["id"], "position": position, "alias": alias}


def presentation(dataset: Data) -> Iterable[Row]:
    # The one presentation, id 1; it is the source itself, so it cites no slide.
    return [{"id": 1, **{k: v for k, v in dataset["presentation"].items() if k != "slides"}}]
