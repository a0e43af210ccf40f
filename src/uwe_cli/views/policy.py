"""What the policy taught (lessons), the poles' first results, and the concepts of clustering."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from uwe_cli.dataset.records import Dataset, Record
from uwe_cli.errors import UsageError
from uwe_cli.i18n.formatting import unit_value
from uwe_cli.i18n.language import Language
from uwe_cli.i18n.messages import msg, msg_p
from uwe_cli.names import lookup
from uwe_cli.views.common import AS_THE_SLIDES_SAY, choice_words, record_data, shown_words, slides_words, tool_words
from uwe_cli.views.form import Column, Document, Section, Table
from uwe_cli.vocabulary import CONCEPT_KINDS, LESSON_KINDS

# Section headings, by lesson and concept kind, in the source's order. Two are the slides'
# subtitles (« Points à améliorer », « Bonnes pratiques »); the others are the tool's, and say so.
LESSON_HEADINGS = {
    "difficulty": msg("Evaluation difficulties (a heading not in the slides)"),
    "effect": msg("Observed effects (a heading not in the slides)"),
    "improvement": msg("Points to improve"),
    "good-practice": msg("Good practices"),
    "conclusion": msg("Conclusions (a heading not in the slides)"),
}
CONCEPT_HEADINGS = {
    "definition": msg("Definitions of clustering"),
    "driver": msg("Why clusters?"),
    "characteristic": msg("Characteristics of clustering"),
    "objective": msg("Objectives of clustering"),
}
# A lesson kind as each language names it in one word or two (the help lists them), with its heading.
LESSON_WORDS = {
    "difficulty": (msg_p("lesson kind", "difficulties"), LESSON_HEADINGS["difficulty"]),
    "effect": (msg_p("lesson kind", "effects"), LESSON_HEADINGS["effect"]),
    "improvement": (msg_p("lesson kind", "improvements"), LESSON_HEADINGS["improvement"]),
    "good-practice": (msg_p("lesson kind", "good practices"), LESSON_HEADINGS["good-practice"]),
    "conclusion": (msg_p("lesson kind", "conclusions"), LESSON_HEADINGS["conclusion"]),
}
assert LESSON_HEADINGS.keys() == LESSON_KINDS.keys() and tuple(CONCEPT_HEADINGS) == CONCEPT_KINDS
# The glossary (concepts.yaml's `glossary`), after the concepts.
_GLOSSARY = msg("Glossary: the slides' words")


def _text(record: Record, lang: Language) -> str:
    return str(record["text"])


def _points(record: Record, lang: Language) -> list[str]:
    return list(record.get("points", ()))


def _grouped(records: Sequence[Record], headings: dict[str, Any], *, show: Any, points: Any) -> tuple[Section, ...]:
    """A section per kind of record, in the order the kinds first appear."""
    kinds = dict.fromkeys(r["kind"] for r in records)
    return tuple(Section(headings[k], items="", show=show, points=points, only=("kind", k)) for k in kinds)


def lessons(ds: Dataset, *, kind: str | None = None) -> Document:
    wanted = (
        lookup.choose(
            kind,
            LESSON_KINDS,
            what="lesson kind",
            shown=shown_words(LESSON_WORDS),
            words=choice_words(LESSON_KINDS),
        )
        if kind is not None
        else None
    )
    chosen = [x for x in ds["lessons"] if wanted in (None, x["kind"])]
    sections = _grouped(chosen, LESSON_HEADINGS, show=_text, points=_points)
    title = msg("Lessons from the Walloon experience")
    grouped = msg("Grouped by kind, not in the slides' order: `--format json` gives each lesson's slide.")
    return Document(title, [record_data(ds, x) for x in chosen], sections=sections, notes=(grouped,))


_DEEPEST = 8  # indent levels shown in `uwe results`


def results(ds: Dataset) -> Table:
    assessed = next((s for s in ds["schemes"] if s["results"]), None)
    if assessed is None:
        raise UsageError(msg("this dataset has no assessment results"))
    # A result under the one it is part of (40 of the 130 R&D projects), or under the one
    # that produced it (300 innovations came out of the 40 completed projects).
    parent = {r["id"]: r["part_of"] or r["output_of"] for r in assessed["results"]}
    depths: dict[str | None, int] = {None: 0}

    def depth(result_id: str | None) -> int:
        # Walked, not recursed: a data folder may chain thousands of results (`data check`
        # refuses only cycles), deeper than Python's recursion limit.
        chain: list[str] = []
        while result_id is not None and result_id not in depths:
            chain.append(result_id)
            result_id = parent[result_id]
        for above in reversed(chain):
            depths[above] = depths[result_id] + 1
            result_id = above
        return depths[result_id]

    data = [
        {
            "id": r["id"],
            "label": r["label"],
            "value": r["figure"]["value"],
            "unit": r["figure"]["unit"],
            "period": r["figure"]["period"],
            "quote": r["figure"]["quote"],
            "part_of": r["part_of"],
            "output_of": r["output_of"],
            "scheme": assessed["id"],
            # The one slide that states the figure (dataset/facts.py).
            "source": ds.sources([r["figure"]["slide"]]),
            "tool_words": tool_words(written=["label"]),
        }
        for r in assessed["results"]
    ]
    # Past a few levels an indent tells nothing more and would push the label off the screen.
    indent = {
        r["id"]: "  " * min(depth(parent[r["id"]]), _DEEPEST) + ("→ " if r["output_of"] else "")
        for r in assessed["results"]
    }
    columns = (
        Column("", msg("Result (the tool's label)"), lambda r, lang: indent.get(r["id"], "") + r["label"]),
        Column("", msg("Figure"), lambda r, lang: unit_value(r["value"], r["unit"], lang), "right"),
        Column("", AS_THE_SLIDES_SAY, lambda r, lang: slides_words(r, "quote", lang)),
    )
    title = msg("First assessment: {scheme}", scheme=assessed["name"])
    notes = [*((assessed["assessment"],) if assessed["assessment"] else ())]
    if any(r["output_of"] for r in assessed["results"]):
        notes.append(
            msg("Indented: a part of the result above it; with →, what that result produced, not a part of it.")
        )
    return Table(title, columns, data, notes=tuple(notes))


def _concept(c: Record, lang: Language) -> str:
    if c["kind"] == "term":
        return lang.message(msg("{term}: {meaning} [the tool's gloss]", term=c["name"], meaning=c["meaning"]))
    body = str(c["text"])
    if c["kind"] == "definition":
        # The French is the quotation the slide gives, with the slide's own « (PORTER, 1998) »;
        # any other language is a translation of that French rendering, never put in
        # quotation marks as the author's words (Porter wrote in English, not these words).
        if lang.is_source:
            who = c.get("cited_as") or ", ".join(str(x) for x in (c.get("author"), c.get("year")) if x)
            body = lang.message(msg("« {text} »", text=body)) + (f" {who}" if c.get("cited_as") else f" ({who})")
        else:
            who = ", ".join(str(x) for x in (c.get("author"), c.get("year")) if x)
            if who:
                return lang.message(msg("{who}, in a translation of the slides' French: {text}", who=who, text=body))
    return body


def _concept_points(c: Record, lang: Language) -> list[str]:
    if c["kind"] == "term":  # each use of the word, quoted, with its slide
        return [_usage(u, lang) for u in c["usages"]]
    subs = list(c.get("points", ()))
    if c.get("quoted_in"):
        subs.append(lang.message(msg("Quoted in: {work}", work=c["quoted_in"]["text"])))
    return subs


def _usage(u: Record, lang: Language) -> str:
    if not u["quote_translation"] or u["quote_translation"]["text"] == u["quote"]:
        return lang.message(msg("« {quote} » ({slide})", quote=u["quote"], slide=u["slide"]))
    # The translation outside the quotation marks, which hold the slides' words only.
    translated = u["quote_translation"]["text"]
    return lang.message(msg("« {quote} » ({slide}), in translation: {translation}", quote=u["quote"],
                            translation=translated, slide=u["slide"]))  # fmt: skip


def concepts(ds: Dataset) -> Document:
    records = [record_data(ds, c) for c in ds["concepts"]]
    for t in ds["glossary"]:
        # A glossary of the slides' words quotes them as they are, whatever the language shown
        # (a quote is the French, with its translation beside it).
        usages = [{"quote": u["quote"], "slide": ds.sources([u["slide"]])[0]} for u in t["usages"]]
        records.append({"id": t["id"], "kind": "term", "name": t["name"], "meaning": t["meaning"], "usages": usages,
                        "source": ds.sources(t["source"]), "tool_words": tool_words(written=["name", "meaning"])})  # fmt: skip
    sections = _grouped(records, {**CONCEPT_HEADINGS, "term": _GLOSSARY}, show=_concept, points=_concept_points)
    title = msg("Clustering: definitions and concepts")
    return Document(title, records, sections=sections)
