"""Wallonia's four clustering schemes: side by side, and one in full."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from uwe_cli.dataset.records import Dataset, Record
from uwe_cli.i18n.formatting import figure, unit_value
from uwe_cli.i18n.language import Language
from uwe_cli.i18n.messages import msg, msg_p
from uwe_cli.views import sorting
from uwe_cli.views.clusters import status_word
from uwe_cli.views.common import (
    AS_THE_SLIDES_SAY,
    as_read,
    fact_labels,
    find,
    record_data,
    scheme_ids,
    slides_words,
    source_section,
    tool_words,
)
from uwe_cli.views.form import Comparison, Document, Field, Section, Show, text
from uwe_cli.vocabulary import SCHEME_SORT_KEYS

if TYPE_CHECKING:
    from uwe_cli.dataset.shapes import SchemeData


def _funding(f: Record | None, lang: Language) -> str:
    if not f:
        return ""
    shown = figure(f["amount_per_year"], lang)
    if f.get("duration"):
        shown = lang.message(msg("{amount} for {duration}", amount=shown, duration=figure(f["duration"], lang)))
    if f.get("degression"):
        d = f["degression"]
        tapering = msg(
            "tapering down to {share} over {years}",
            share=figure(d["floor_share"], lang),
            years=figure(d["years"], lang),
        )
        shown = lang.listing([shown, lang.message(tapering)], style="semicolon")
    return shown


def _funding_words(f: Record | None, lang: Language) -> str:
    quote = f and f["amount_per_year"].get("quote")
    return lang.message(msg_p("the slides' words", "“{text}”", text=quote)) if quote else ""


def _period(s: Record, lang: Language) -> str:
    """A scheme's years, where the slides give them: `1999–2005`, `since 2006`."""
    # (each year names its slide and words: `start`, `end`, figures in the unit `year`)
    if s.get("start") and s.get("end"):
        return f"{figure(s['start'], lang)}–{figure(s['end'], lang)}"
    if s.get("start"):
        return lang.message(msg("since {year}", year=figure(s["start"], lang)))
    return ""


_STATUS = {"active": msg_p("scheme status", "active"), "ended": msg_p("scheme status", "ended")}


def _status(status: str, lang: Language) -> str:
    return lang.message(_STATUS[status])


def _status_read(s: Record, lang: Language) -> str:
    """The status uwe reads from the slides, with their words (`status_quote`)."""
    # (quoted: the slides' own words, in French whatever the language; a translation in
    # quotation marks would pass for them)
    return as_read(_status(s["status"], lang), s.get("status_quote"), lang)


def _or_dash(show: Show) -> Show:
    """`show`, or a dash where a scheme has nothing to say (a comparison has no empty cells)."""
    return lambda value, lang: show(value, lang) or "—"


def _outcome(s: Record, lang: Language) -> str:
    return " ".join(s.get("outcome", ())) or s.get("assessment") or ""


def _scheme_data(ds: Dataset, s: SchemeData) -> dict[str, Any]:
    data = record_data(ds, s)
    data["clusters"] = [c["id"] for c in ds["clusters"] if s["id"] in scheme_ids(c)]
    counted = ["groupings"] if s["groupings"].get("computed") else []
    written = [
        "summary",
        *(["participants"] if s.get("participants") else []),
        *(["results.label"] if s["results"] else []),
        *(["aliases"] if s.get("aliases") else []),
    ]
    data["tool_words"] = tool_words(computed=counted, written=written, classified=["status"])
    return data


def schemes(ds: Dataset, *, names: Sequence[str] = (), sort: str | None = None) -> Comparison:
    order = sorting.parse(sort, SCHEME_SORT_KEYS)
    chosen = list({id(s): s for s in (find(ds, "schemes", n) for n in names)}.values()) if names else ds["schemes"]
    if order is not None and order.key != "name":  # (start: the earliest first; groupings: the most first)
        value = (
            (lambda s: (s.get("start") or {}).get("value"))
            if order.key == "start"
            else (lambda s: s["groupings"]["value"])
        )
        chosen = sorting.ordered(chosen, value, largest_first=order.key == "groupings", reverse=order.reverse)
    rows = (
        Field(msg("Period"), "", _or_dash(_period)),
        Field(msg("Status (the tool's reading)"), "status", _status),
        Field(msg("Legal basis"), "legal_basis", _or_dash(text)),
        Field(msg("Funding"), "funding", _or_dash(_funding)),
        Field(msg("Groupings"), "groupings", figure),
        Field(msg("Who takes part (the tool's summary)"), "participants", _or_dash(text)),
        Field(msg("Outcome"), "", _or_dash(_outcome)),
    )
    data = [_scheme_data(ds, s) for s in chosen]
    by_name = order is not None and order.key == "name"
    return Comparison(msg("Wallonia's clustering schemes"), "name", rows, data, order_by="name" if by_name else None,
                      order_reversed=by_name and order is not None and order.reverse)  # fmt: skip


# One scheme in full


def _slides_period(s: Record, lang: Language) -> str:
    """The slide's own words on the period, where the years leave them out."""
    return s.get("period", "") if _period(s, lang) else ""


def _groupings(fig: Record, lang: Language) -> str:
    if fig.get("note"):  # (the tool's note, which says how uwe counted)
        return f"{unit_value(fig['value'], fig['unit'], lang)} ({fig['note']})"
    return figure(fig, lang)


def _accreditation(f: Record | None, lang: Language) -> str:
    return figure(f.get("accreditation"), lang) if f else ""


def _point(p: Record, lang: Language) -> str:
    return str(p["text"])


def _points(p: Record, lang: Language) -> list[str]:
    return list(p.get("points", ()))


def _benefit(b: Record, lang: Language) -> str:
    return lang.message(msg("{label}: {text}", label=b["beneficiary"], text=b["benefits"]))


def _result(r: Record, lang: Language) -> str:
    """A result as the slide says it; the tool's labels are in `uwe results`."""
    said = msg_p("typography", "{before} — {after}", before=figure(r["figure"], lang), after=r["label"])
    return slides_words(r["figure"], "quote", lang) or lang.message(said)


def scheme(ds: Dataset, name: str) -> Document:
    s = find(ds, "schemes", name)
    clusters = {c["id"]: c for c in ds["clusters"]}

    def grouping(cluster_id: str, lang: Language) -> str:
        c = clusters[cluster_id]
        domain = next((m["domain"] for m in c["memberships"] if m["scheme"] == s["id"] and m["domain"]), None)
        line = lang.text(c["name"])
        if domain:
            line = lang.message(msg_p("typography", "{before} — {after}", before=line, after=domain))
        # (only a status the slides state other than "existing": the export grappes in formation)
        return line + (f" ({status_word(c['status'], lang)})" if c["status"] not in (None, "active") else "")

    fields = (
        Field(msg("Period"), "", lambda r, lang: _period(r, lang) or r.get("period", "")),
        Field(AS_THE_SLIDES_SAY, "", _slides_period),
        Field(msg("Test phase"), "test_phase", figure),
        Field(
            msg("The slides' English term"),
            "english_term",
            lambda term, lang: lang.message(msg_p("quote", "“{text}”", text=term)),
        ),
        Field(msg("Status"), "", _status_read),
        Field(msg("Legal basis"), "legal_basis"),
        Field(msg("Groupings"), "groupings", _groupings),
        Field(msg("Who takes part (the tool's summary)"), "participants"),
        # The figures, laid out in the reader's language; then the slide's own words.
        Field(msg("Funding in figures"), "funding", _funding),
        Field(msg("Funding in the slides' words"), "funding", _funding_words),
        Field(msg("Accreditation"), "funding", _accreditation),
        Field(msg("Average project duration"), "average_project_duration", figure),
    )
    listed = (
        Section(msg("Definition"), items="definition"),
        Section(msg("Defining criteria"), items="criteria"),
        Section(msg("Features"), items="features"),
        Section(msg("Objectives"), items="objectives"),
        Section(msg("Funding rules"), items="funding.notes"),
        Section(msg("Obligations"), items="obligations"),
        Section(msg("Lines of activity"), items="activity_axes"),
        Section(msg("Activities"), items="activities", show=_point, points=_points),
        Section(msg("Benefits"), items="benefits", show=_benefit),
        Section(msg("Outcome"), items="outcome"),
        Section(msg("First assessment"), items="results", show=_result, distinct=True),
        Section(msg("First assessment: conclusion"), items="assessment"),
        Section(msg("Groupings"), items="clusters", show=grouping),
    )
    labels = fact_labels(
        fields,
        listed,
        period=msg("As the slides say"),
        status_quote=msg("Status"),
        funding=msg("Funding"),
        start=msg("Period"),
        end=msg("Period"),
        legal_basis_year=msg("Legal basis"),
    )
    sections = (*listed, source_section(ds, s, labels=labels))
    return Document(s["name"], _scheme_data(ds, s), fields, sections)
