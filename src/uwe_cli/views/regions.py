"""Belgium, its regions and the German-speaking Community: the comparison and a profile."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from uwe_cli import arithmetic
from uwe_cli.dataset.records import Dataset, Record
from uwe_cli.errors import UsageError
from uwe_cli.i18n.formatting import (
    figure,
    figure_with_period,
    figures,
    index_base,
    joined,
    number,
    percent,
    signed,
    unit_value,
)
from uwe_cli.i18n.language import LANGUAGE_NAMES, Language
from uwe_cli.i18n.messages import Listing, msg, msg_p
from uwe_cli.names import matching
from uwe_cli.views import sorting
from uwe_cli.views.common import (
    choice_words,
    fact_labels,
    find,
    record_data,
    shown_words,
    source_section,
    tool_words,
)
from uwe_cli.views.form import Chart, Column, Document, Field, Section, Table
from uwe_cli.views.notes import pointer
from uwe_cli.vocabulary import SORT_KEYS

if TYPE_CHECKING:
    from uwe_cli.dataset.shapes import FigureData, RegionData


def _share(region: RegionData, belgium: RegionData | None) -> float | None:
    """GDP per capita as a share of Belgium's: computed here, not a figure of the source."""
    ours, theirs = region["gdp_per_capita"], belgium and belgium["gdp_per_capita"]
    if not (ours and theirs and theirs["value"]):
        return None
    return arithmetic.share(ours["value"], theirs["value"])  # (None: not computable, see `uwe notes`)


def _index_key(base: str) -> str:
    # The whole base: EU28=100 and EU15=100 (or EU28=75) are different figures.
    return "gdp_index_" + "_".join(matching.search_key(base).split())


def _value(fig: FigureData | None) -> float | None:
    return fig["value"] if fig else None


def _people(value: float | None, lang: Language) -> str:
    return "" if value is None else unit_value(value, "people", lang)


def _euros(value: float | None, lang: Language) -> str:
    return "" if value is None else unit_value(value, "EUR", lang)


def _share_shown(value: float | None, lang: Language) -> str:
    # (empty also where it cannot be computed: `uwe notes` says why; a dash would need the row)
    return "" if value is None else percent(value, lang)


def _index(value: float | None, lang: Language) -> str:
    return "" if value is None else number(value, lang)


# A sort key as each language says it (the help lists them), and the column it sorts by.
SORT_WORDS = {
    "gdp": (msg_p("sort key", "gdp"), msg("GDP per capita")),
    "population": (msg_p("sort key", "population"), msg("Population")),
    "name": (msg_p("sort key", "name"), msg("Region")),
}


def _gdp(r: RegionData) -> float | None:
    return r["gdp_per_capita"]["value"] if r["gdp_per_capita"] else None


def _population(r: RegionData) -> float | None:
    return r["population"]["value"] if r["population"] else None


def regions(ds: Dataset, *, names: Sequence[str] = (), sort: str | None = None, base: str | None = None) -> Table:
    # (`population`, `pib`, `-gdp`, `bbp`: what a person types, in any of the tool's languages)
    order = sorting.parse(sort, SORT_KEYS, shown=shown_words(SORT_WORDS), words=choice_words(SORT_KEYS))
    everyone = ds["regions"]
    chosen = list({id(r): r for r in (find(ds, "regions", n) for n in names)}.values()) if names else list(everyone)
    if order is not None and order.key != "name":
        value = _gdp if order.key == "gdp" else _population
        chosen = sorting.ordered(chosen, value, largest_first=True, reverse=order.reverse)
    belgium = next((r for r in everyone if r["kind"] == "country"), None)
    against = _base(ds, base) if base is not None else None
    # Index columns from every region, so that the columns do not depend on the selection.
    # (an index always has its base: models.Figure)
    bases = {_index_key(b): b for r in everyone for f in r["gdp_per_capita_index"] if (b := f["base"])}
    data = [_row(ds, r, belgium, bases, against) for r in chosen]
    columns = (
        Column("name", msg("Region")),
        Column("population", msg("Population"), _people, "right"),
        Column("gdp_per_capita_eur", msg("GDP per capita"), _euros, "right"),
        *_against_columns(against),
        # (with another base, the share of Belgium's stays in JSON and CSV, off the table: it fits)
        *(
            ()
            if against
            else (Column("gdp_share_of_belgium_pct", msg("vs Belgium (computed)"), _share_shown, "right"),)
        ),
        *(Column(key, msg("Index {base}", base=index_base(base)), _index, "right") for key, base in bases.items()),
    )
    notes = []
    if against is None:
        notes.append(
            msg(
                "The comparison with Belgium is computed by the tool from the GDP per capita figures; it is not a figure from the source."
            )
        )
    else:
        notes.append(msg("Difference and ratio to {region} are computed by the tool from the GDP per capita figures; "
                         "they are not figures of the source.", region=in_a_sentence(against)))  # fmt: skip
    by_id = {r["id"]: r for r in everyone}
    for r in chosen:
        if r["within"] in by_id:
            outside = by_id[r["within"]]["name"]
            # (where a community lies is the tool's reading: the slides list it among Belgium's regions)
            notes.append(msg("{inside}: its territory lies in {outside} (the tool's reading, not stated in the slides); "
                             "its figures are part of {outside}'s, never added to them.",
                             inside=r["name"], outside=outside))  # fmt: skip
    notes += pointer(ds, {r["id"] for r in chosen})
    chart = Chart(msg("GDP per capita"), label="name", value="gdp_per_capita_eur", show=_euros)
    title = msg("Belgium and its regions: GDP per capita")
    if against is not None:
        title = msg("{title}, compared with {region}", title=title, region=in_a_sentence(against))
    by_name = order is not None and order.key == "name"
    return Table(title, columns, data, chart, tuple(notes), order_by="name" if by_name else None,
                 order_reversed=by_name and order is not None and order.reverse)  # fmt: skip


def _base(ds: Dataset, name: str) -> RegionData:
    """The region `--base` names: one the slides give a GDP per capita for."""
    found = find(ds, "regions", name)
    if _gdp(found) is None:
        # (the names the reader reads in `uwe regions`, which --base takes as well as the ids)
        with_gdp = Listing(tuple(r["name"] for r in ds["regions"] if _gdp(r) is not None), style="or")
        raise UsageError(msg("--base {name}: the slides give no GDP per capita for {region}; use {choices}",
                             name=name, region=in_a_sentence(found), choices=with_gdp))  # fmt: skip
    return found


def in_a_sentence(region: Record) -> Any:
    """A region's name inside a sentence, as each language writes it there: French puts an
    article before most names (« par rapport à la Wallonie », « à la Flandre ») but not before
    Bruxelles, so each shipped region has its own message, whose context names it; a region
    of another data folder is named as its record names it."""
    name = region["name"]
    match region["id"]:
        case "belgium":
            return msg_p("Belgium, inside a sentence", "{name}", name=name)
        case "flanders":
            return msg_p("Flanders, inside a sentence", "{name}", name=name)
        case "brussels":
            return msg_p("Brussels, inside a sentence", "{name}", name=name)
        case "wallonia":
            return msg_p("Wallonia, inside a sentence", "{name}", name=name)
        case "german-speaking-community":
            return msg_p("the German-speaking Community, inside a sentence", "the {name}", name=name)
    return name


def _against_columns(against: RegionData | None) -> tuple[Column, ...]:
    if against is None:
        return ()
    return (
        # (short headings: the title names the region compared with)
        Column("gdp_difference_from_base_eur", msg("Difference (computed)"), _signed_euros, "right"),
        Column("gdp_ratio_to_base", msg("Ratio (computed)"), _ratio, "right"),
    )


def _signed_euros(value: float | None, lang: Language) -> str:
    return "" if value is None else signed(value, _euros(abs(value), lang), lang)


def _ratio(value: float | None, lang: Language) -> str:
    return "" if value is None else lang.message(msg("{ratio}×", ratio=lang.digits(f"{value:.2f}")))


def _row(
    ds: Dataset, r: RegionData, belgium: RegionData | None, bases: dict[str, str], against: RegionData | None
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": r["id"],
        "name": r["name"],
        "kind": r["kind"],
        "within": r["within"],
        "population": _value(r["population"]),
        "gdp_per_capita_eur": _value(r["gdp_per_capita"]),
    }
    computed = ["gdp_share_of_belgium_pct"]
    if against is not None:  # (computed here, not figures of the source; tool_words says so)
        ours, theirs = _gdp(r), _gdp(against)
        row["base"] = against["id"]
        row["gdp_difference_from_base_eur"] = (
            None if ours is None or theirs is None else arithmetic.finite(ours - theirs)
        )
        row["gdp_ratio_to_base"] = None if ours is None or theirs is None else arithmetic.ratio(ours, theirs)
        computed += ["gdp_difference_from_base_eur", "gdp_ratio_to_base"]
    row["gdp_share_of_belgium_pct"] = _share(r, belgium)
    # Every row has every index column (None where the slide gives none), for CSV.
    indices = {_index_key(b): f["value"] for f in r["gdp_per_capita_index"] if (b := f["base"])}
    row.update({key: indices.get(key) for key in bases})
    # The slides of the figures in the row (a region may cite more), and each figure's one slide
    # by its column: Wallonia's GDP per capita is on the Belgium slide, its indices on its own.
    figures = {"population": r["population"], "gdp_per_capita_eur": r["gdp_per_capita"],
               **{_index_key(b): f for f in r["gdp_per_capita_index"] if (b := f["base"])}}  # fmt: skip
    own = {key: f["slide"] for key, f in figures.items() if f and f.get("slide")}
    slides = list(dict.fromkeys(own.values())) or r["source"]
    row.update({"nuts": r["codes"]["nuts"], "iso_3166": r["codes"]["iso_3166"], "source": ds.sources(slides)})
    row["figure_slides"] = {key: ds.sources([own[key]])[0] if key in own else None for key in ("population",
                            "gdp_per_capita_eur", *bases)}  # fmt: skip
    # NUTS and ISO codes, and where a community lies, are the tool's additions: the slides have none.
    added = (["within"] if r["within"] else []) + [code for code in ("nuts", "iso_3166") if r["codes"][code]]
    row["tool_words"] = tool_words(computed=computed, classified=added)
    return row


# One region's profile


def region(ds: Dataset, name: str) -> Document:
    r = find(ds, "regions", name)
    # (by id, not a map of every region's name: `uwe site` shows a profile per region)
    outside = ds.with_id("regions", within) if (within := r["within"]) else None

    def kind(record: Record, lang: Language) -> str:
        shown = lang.message(_KINDS[record["kind"]])
        if outside is not None:
            shown = lang.message(
                msg(
                    "{kind} (its territory in {region}: the tool's reading, not stated in the slides)",
                    kind=shown,
                    region=outside["name"],
                )
            )
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
    # (names a reader may type, codes and where a community lies: the tool's, not the slides')
    added = [key for key in ("codes", "within") if r[key] and (key != "codes" or any(r["codes"].values()))]
    data["tool_words"] = tool_words(written=["aliases"] if r.get("aliases") else [], classified=added)
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
    if note:  # (the slides' words about the languages, shown as theirs: « bilingue FR/AL »)
        said = msg("as the slides say: {note}", note=note)  # (in quotes where verbatim: French)
        shown = lang.message(msg("{languages}; {said}", languages=shown, said=said) if shown else said)
    return shown
