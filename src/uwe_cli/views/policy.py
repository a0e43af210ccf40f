"""What the policy taught (lessons), the poles' first results, and the concepts of clustering."""

from __future__ import annotations

from typing import Any

from uwe_cli import lookup
from uwe_cli.dataset import Dataset, Record
from uwe_cli.errors import UsageError
from uwe_cli.form import Column, Document, Section, Table, msg
from uwe_cli.formatting import unit_value
from uwe_cli.language import Language
from uwe_cli.views.common import record_data
from uwe_cli.vocabulary import CONCEPT_KINDS, LESSON_KINDS

# Section headings, by lesson and concept kind, in the source's order.
LESSON_HEADINGS = {
    "difficulty": msg("Evaluation difficulties"),
    "effect": msg("Observed effects"),
    "improvement": msg("Points to improve"),
    "good-practice": msg("Good practices"),
    "conclusion": msg("Conclusions"),
}
CONCEPT_HEADINGS = {
    "definition": msg("Definitions of clustering"),
    "driver": msg("Why clusters?"),
    "characteristic": msg("Characteristics of clustering"),
    "objective": msg("Objectives of clustering"),
}
assert LESSON_HEADINGS.keys() == LESSON_KINDS.keys() and tuple(CONCEPT_HEADINGS) == CONCEPT_KINDS


def _text(record: Record, lang: Language) -> str:
    return str(record["text"])


def _points(record: Record, lang: Language) -> list[str]:
    return list(record.get("points", ()))


def _grouped(records: list[Record], headings: dict[str, Any], *, show: Any, points: Any) -> tuple[Section, ...]:
    """A section per kind of record, in the order the kinds first appear."""
    kinds = dict.fromkeys(r["kind"] for r in records)
    return tuple(Section(headings[k], items="", show=show, points=points, only=("kind", k)) for k in kinds)


def lessons(ds: Dataset, *, kind: str | None = None) -> Document:
    wanted = lookup.choose(kind, LESSON_KINDS, what="lesson kind") if kind is not None else None
    chosen = [x for x in ds["lessons"] if wanted in (None, x["kind"])]
    sections = _grouped(chosen, LESSON_HEADINGS, show=_text, points=_points)
    title = msg("Lessons from the Walloon experience")
    return Document(title, [record_data(ds, x) for x in chosen], sections=sections)


def results(ds: Dataset) -> Table:
    assessed = next((s for s in ds["schemes"] if s["results"]), None)
    if assessed is None:
        raise UsageError("this dataset has no assessment results")
    parent = {r["id"]: r["part_of"] for r in assessed["results"]}

    def depth(result_id: str | None) -> int:
        return 0 if result_id is None else 1 + depth(parent[result_id])

    source = ds.sources(assessed["results_source"] or assessed["source"])
    data = [
        {
            "id": r["id"],
            "label": r["label"],
            "value": r["figure"]["value"],
            "unit": r["figure"]["unit"],
            "period": r["figure"]["period"],
            "part_of": r["part_of"],
            "scheme": assessed["id"],
            "source": source,
        }
        for r in assessed["results"]
    ]
    indent = {r["id"]: "  " * depth(r["part_of"]) for r in assessed["results"]}
    columns = (
        # ("Result", not "First assessment": the title says that already.)
        Column("", msg("Result"), lambda r, lang: indent.get(r["id"], "") + r["label"]),
        Column("", msg("Figure"), lambda r, lang: unit_value(r["value"], r["unit"], lang), "right"),
    )
    title = msg("First assessment: {scheme}", scheme=assessed["name"])
    notes = (assessed["assessment"],) if assessed["assessment"] else ()
    return Table(title, columns, data, notes=notes)


def _concept(c: Record, lang: Language) -> str:
    body = str(c["text"])
    if c["kind"] == "definition":
        # The French is the quotation the slide gives; any other language is uwe's translation.
        quote = msg("“{text}” [translated from the French]", text=body)
        body = lang.message(msg("« {text} »", text=body) if lang.is_source else quote)
        who = ", ".join(str(x) for x in (c.get("author"), c.get("year")) if x)
        body += f" ({who})" if who else ""
    return body


def _concept_points(c: Record, lang: Language) -> list[str]:
    subs = list(c.get("points", ()))
    if c.get("quoted_in"):
        subs.append(lang.message(msg("Quoted in: {work}", work=c["quoted_in"])))
    return subs


def concepts(ds: Dataset) -> Document:
    sections = _grouped(ds["concepts"], CONCEPT_HEADINGS, show=_concept, points=_concept_points)
    title = msg("Clustering: definitions and concepts")
    return Document(title, [record_data(ds, c) for c in ds["concepts"]], sections=sections)
