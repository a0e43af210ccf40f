"""Belgium, its regions and the German-speaking Community: the comparison and a profile."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from uwe_cli.dataset.records import Dataset, Record
from uwe_cli.i18n.formatting import figure, figure_with_period, figures, index_base, joined, number, percent, unit_value
from uwe_cli.i18n.language import LANGUAGE_NAMES, Language
from uwe_cli.i18n.messages import msg, msg_p
from uwe_cli.names import lookup, matching
from uwe_cli.views.common import by_uwe, fact_labels, find, names, record_data, source_section
from uwe_cli.views.form import Chart, Column, Document, Field, Section, Table
from uwe_cli.views.notes import pointer
from uwe_cli.vocabulary import SORT_KEYS


def _share(region: Record, belgium: Record | None) -> float | None:
    """GDP per capita as a share of Belgium's: computed here, not a figure of the source."""
    ours, theirs = region["gdp_per_capita"], belgium and belgium["gdp_per_capita"]
    if not (ours and theirs and theirs["value"]):
        return None
    return round(100 * float(ours["value"]) / float(theirs["value"]), 1)


def _index_key(base: str) -> str:
    # The whole base: EU28=100 and EU15=100 (or EU28=75) are different figures.
    return "gdp_index_" + "_".join(matching.search_key(base).split())


def _value(fig: Record | None) -> float | None:
    return fig["value"] if fig else None


def _people(value: float | None, lang: Language) -> str:
    return "" if value is None else unit_value(value, "people", lang)


def _euros(value: float | None, lang: Language) -> str:
    return "" if value is None else unit_value(value, "EUR", lang)


def _share_shown(value: float | None, lang: Language) -> str:
    return "" if value is None else percent(value, lang)


def _index(value: float | None, lang: Language) -> str:
    return "" if value is None else number(value, lang)


_SORTS = {
    "gdp": lambda r: -(r["gdp_per_capita"]["value"] if r["gdp_per_capita"] else -1),
    "population": lambda r: -(r["population"]["value"] if r["population"] else -1),
}


def regions(ds: Dataset, *, names: Sequence[str] = (), sort: str | None = None) -> Table:
    if sort is not None:  # (`population`, `pib`: what a person types, made a sort key)
        sort = lookup.choose(sort, SORT_KEYS, what="sort key")
    everyone = ds["regions"]
    chosen = list({id(r): r for r in (find(ds, "regions", n) for n in names)}.values()) if names else list(everyone)
    if sort in _SORTS:
        chosen.sort(key=_SORTS[sort])
    belgium = next((r for r in everyone if r["kind"] == "country"), None)
    # Index columns from every region, so that the columns do not depend on the selection.
    bases = {_index_key(f["base"]): f["base"] for r in everyone for f in r["gdp_per_capita_index"]}
    data = [_row(ds, r, belgium, bases) for r in chosen]
    columns = (
        Column("name", msg("Region")),
        Column("population", msg("Population"), _people, "right"),
        Column("gdp_per_capita_eur", msg("GDP per capita"), _euros, "right"),
        Column("gdp_share_of_belgium_pct", msg("vs Belgium (computed)"), _share_shown, "right"),
        *(Column(key, msg("Index {base}", base=index_base(base)), _index, "right") for key, base in bases.items()),
    )
    notes = [
        msg("Share of Belgium is computed by uwe from the GDP per capita figures; it is not a figure of the source.")
    ]
    by_id = {r["id"]: r for r in everyone}
    for r in chosen:
        if r["within"] in by_id:
            outside = by_id[r["within"]]["name"]
            notes.append(msg("{inside} lies within {outside}: its figures are part of {outside}'s, never added to them.",
                             inside=r["name"], outside=outside))  # fmt: skip
    notes += pointer(ds, {r["id"] for r in chosen})
    chart = Chart(msg("GDP per capita"), label="name", value="gdp_per_capita_eur", show=_euros)
    title = msg("Belgium and its regions: GDP per capita")
    return Table(title, columns, data, chart, tuple(notes), order_by="name" if sort == "name" else None)


def _row(ds: Dataset, r: Record, belgium: Record | None, bases: dict[str, str]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": r["id"],
        "name": r["name"],
        "kind": r["kind"],
        "within": r["within"],
        "population": _value(r["population"]),
        "gdp_per_capita_eur": _value(r["gdp_per_capita"]),
        "gdp_share_of_belgium_pct": _share(r, belgium),
    }
    # Every row has every index column (None where the slide gives none), for CSV.
    indices = {_index_key(f["base"]): f["value"] for f in r["gdp_per_capita_index"]}
    row.update({key: indices.get(key) for key in bases})
    # The slides of the figures in the row, each figure's own (a region may cite more).
    shown = [r["population"], r["gdp_per_capita"], *r["gdp_per_capita_index"]]
    slides = list(dict.fromkeys(f["slide"] for f in shown if f and f.get("slide"))) or r["source"]
    row.update({"nuts": r["codes"]["nuts"], "iso_3166": r["codes"]["iso_3166"], "source": ds.sources(slides)})
    # NUTS and ISO codes, and where a community lies, are uwe's additions: the slides have none.
    added = (["within"] if r["within"] else []) + [code for code in ("nuts", "iso_3166") if r["codes"][code]]
    row["by_uwe"] = by_uwe(computed=["gdp_share_of_belgium_pct"], classified=added)
    return row


# One region's profile


def region(ds: Dataset, name: str) -> Document:
    r = find(ds, "regions", name)
    everyone = names(ds["regions"])

    def kind(record: Record, lang: Language) -> str:
        shown = lang.message(_KINDS[record["kind"]])
        if record.get("within") in everyone:
            shown = lang.message(msg("{kind} (within {region}: not stated in the slides)", kind=shown,
                                     region=everyone[record["within"]]))  # fmt: skip
        return shown

    fields = (
        Field(msg("Kind"), "", kind),
        Field(msg("Code (not in the slides)"), "codes", _codes),
        Field(msg("Capital"), "capital"),
        Field(msg("Form of state"), "form_of_state", joined),
        Field(msg("Official languages"), "official_languages", figure),
        Field(msg("Regions"), "subdivisions", figure),
        Field(msg("Languages"), "", _languages),
        Field(msg("Area"), "area", figure_with_period),
        Field(msg("Population"), "population", figure_with_period),
        Field(msg("GDP per capita"), "gdp_per_capita", figure_with_period),
        Field(msg("GDP per capita index"), "gdp_per_capita_index", figures),
        Field(msg("World rank (GDP per capita)"), "gdp_per_capita_world_rank", figure_with_period),
        Field(msg("Unemployment rate"), "unemployment_rate", figures),
        Field(msg("Employment rate"), "employment_rate", figures),
    )
    listed = (Section(msg("Main industrial sectors"), items="main_industrial_sectors"),)
    labels = fact_labels(fields, listed, language_note=msg("Languages"))
    sections = (*listed, source_section(ds, r, labels=labels))
    data = record_data(ds, r)
    # (names a reader may type, codes and where a community lies: uwe's, not the slides')
    added = [key for key in ("codes", "within") if r[key] and (key != "codes" or any(r["codes"].values()))]
    data["by_uwe"] = by_uwe(written=["aliases"] if r.get("aliases") else [], classified=added)
    return Document(r["name"], data, fields, sections, notes=pointer(ds, {r["id"]}))


def _codes(codes: dict[str, str] | None, lang: Language) -> str:
    codes = codes or {}
    return ", ".join(
        f"{label} {codes[key]}" for label, key in (("NUTS", "nuts"), ("ISO 3166", "iso_3166")) if codes.get(key)
    )


_KINDS = {"country": msg_p("region kind", "country"), "region": msg_p("region kind", "region"),
          "community": msg_p("region kind", "community")}  # fmt: skip


def _languages(record: Record, lang: Language) -> str:
    codes = record.get("languages", ())
    shown = ", ".join(lang.message(LANGUAGE_NAMES[c]) if c in LANGUAGE_NAMES else c for c in codes)
    note = record.get("language_note")
    if note:
        shown = f"{shown} ({note})" if shown else note
    return shown
