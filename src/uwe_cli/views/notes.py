"""What uwe notices in its source: slides' figures that do not agree with one another.

Every note is computed here, at run time, from the data folder in use: a user's own figures
get their own notes, and a folder whose figures agree gets none. Each note gives the
slides' figures it starts from, what the tool computed from them (as a formula over record ids,
`flanders.population`), what that is compared with, and the difference. They are the tool's
computations, not the slides' words: every note says so under `tool_words`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from uwe_cli.dataset.records import Dataset, Record
from uwe_cli.i18n.formatting import figure, index_base, number, percent, unit_value
from uwe_cli.i18n.language import Language
from uwe_cli.i18n.messages import Message, msg, msg_n
from uwe_cli.views.common import tool_words
from uwe_cli.views.form import Document, Field, Section


def _fig(record: Record, measure: str, fig: Record) -> dict[str, Any]:
    """One of the slides' figures a note starts from."""
    return {
        "of": record["id"],
        "name": record["name"],
        "measure": measure,
        "value": fig["value"],
        "unit": fig["unit"],
        "base": fig.get("base"),
    }


def _value(record: Record, measure: str) -> float:
    """A figure's value, 0 where the record has none."""
    return record[measure]["value"] if record[measure] else 0


def _ref(record: Record, measure: str) -> str:
    return f"{record['id']}.{measure}"


def _percent(part: tuple[str, float], whole: tuple[str, float]) -> dict[str, Any]:
    """100 × part / whole, rounded to 0.1: its formula over (reference, value) pairs, and its value."""
    return {"formula": f"100 × {part[0]} / {whole[0]}", "value": round(100 * part[1] / whole[1], 1), "unit": "%"}


def _difference(value: float, against: float, unit: str) -> dict[str, Any]:
    shown: dict[str, Any] = {"value": round(value - against, 1), "unit": "percentage points" if unit == "%" else unit}
    if unit != "%" and against:
        shown["relative_pct"] = round(100 * (value - against) / against, 1)
    return shown


def _population_sum(country: Record, regions: list[Record]) -> Iterator[dict[str, Any]]:
    """The regions' populations, added up, against the country's."""
    if not (country["population"] and regions) or not all(r["population"] for r in regions):
        return
    total = sum(r["population"]["value"] for r in regions)
    national = country["population"]["value"]
    if total == national:
        return
    more = msg("The regions' populations add up to more than the country's ({country})", country=country["name"])
    less = msg("The regions' populations add up to less than the country's ({country})", country=country["name"])
    yield {
        "id": "population-sum",
        "title": more if total > national else less,
        "figures": [_fig(r, "population", r["population"]) for r in [*regions, country]],
        "computed": {"formula": " + ".join(_ref(r, "population") for r in regions), "value": total, "unit": "people"},
        "against": {"formula": _ref(country, "population"), "value": national, "unit": "people"},
        "difference": _difference(total, national, "people"),
    }


def _weighted_gdp(country: Record, regions: list[Record]) -> Iterator[dict[str, Any]]:
    """The regions' GDP per capita weighted by their populations, against the country's."""
    if not (country["gdp_per_capita"] and regions) or not all(r["population"] and r["gdp_per_capita"] for r in regions):
        return
    people = sum(r["population"]["value"] for r in regions)
    if not people:
        return
    weighted = round(sum(r["population"]["value"] * r["gdp_per_capita"]["value"] for r in regions) / people)
    national = country["gdp_per_capita"]["value"]
    if weighted == national:
        return
    products = " + ".join(f"{_ref(r, 'population')} × {_ref(r, 'gdp_per_capita')}" for r in regions)
    yield {
        "id": "weighted-gdp-per-capita",
        "title": msg(
            "The regions' GDP per capita, weighted by their populations, is not the country's ({country})",
            country=country["name"],
        ),
        "figures": [_fig(r, m, r[m]) for r in regions for m in ("population", "gdp_per_capita")]
        + [_fig(country, "gdp_per_capita", country["gdp_per_capita"])],
        "computed": {
            "formula": f"round(({products}) / ({' + '.join(_ref(r, 'population') for r in regions)}))",
            "value": weighted,
            "unit": "EUR",
        },
        "against": {"formula": _ref(country, "gdp_per_capita"), "value": national, "unit": "EUR"},
        "difference": _difference(weighted, national, "EUR"),
    }


def _ratios(country: Record, regions: list[Record]) -> Iterator[dict[str, Any]]:
    """A region's GDP per capita over the country's, in euros and as the ratio of their EU indices."""
    indices = {f["base"]: f for f in country["gdp_per_capita_index"]}
    for r in regions:
        found = next((f for f in r["gdp_per_capita_index"] if f["base"] in indices), None)
        # (a zero would leave nothing to divide by: no note rather than a crash)
        if not (
            found and r["gdp_per_capita"] and _value(country, "gdp_per_capita") and indices[found["base"]]["value"]
        ):
            continue
        theirs, measure = indices[found["base"]], "gdp_per_capita_index"
        gdp = "gdp_per_capita"
        euros = _percent((_ref(r, gdp), r[gdp]["value"]), (_ref(country, gdp), country[gdp]["value"]))
        index = _percent((_ref(r, measure), found["value"]), (_ref(country, measure), theirs["value"]))
        if euros["value"] == index["value"]:
            continue
        yield {
            "id": f"gdp-ratio-{r['id']}",
            "title": msg(
                "GDP per capita, {region} as a share of {country}: not the same in euros and in EU indices ({base})",
                region=r["name"],
                country=country["name"],
                base=index_base(found["base"]),
            ),
            "figures": [_fig(x, gdp, x[gdp]) for x in (r, country)]
            + [_fig(r, measure, found), _fig(country, measure, theirs)],
            "computed": euros,
            "against": index,
            "difference": _difference(euros["value"], index["value"], "%"),
        }


def _within(everyone: list[Record]) -> Iterator[dict[str, Any]]:
    """A community inside a region: its people are counted in the region's, never again."""
    by_id = {r["id"]: r for r in everyone}
    for inside in everyone:
        outside = by_id.get(inside["within"] or "")
        if not (outside and inside["population"] and _value(outside, "population")):
            continue
        people = "population"
        share = _percent(
            (_ref(inside, people), inside[people]["value"]), (_ref(outside, people), outside[people]["value"])
        )
        yield {
            "id": f"within-{inside['id']}",
            "title": msg(
                "{inside} lies within {outside}: its figures are part of those of {outside}, never to be added to them",
                inside=inside["name"],
                outside=outside["name"],
            ),
            "figures": [_fig(x, "population", x["population"]) for x in (inside, outside)],
            "computed": share,
        }


def compute(ds: Dataset) -> list[dict[str, Any]]:
    """Every note the data folder's figures call for, each with the ids of the records it is about."""
    everyone: list[Record] = ds["regions"]
    country = next((r for r in everyone if r["kind"] == "country"), None)
    # The regions proper: a community lies within one, so it is never one of the parts.
    regions = [r for r in everyone if r["kind"] == "region" and not r["within"]]
    found = [*_within(everyone)]
    if country is not None:
        found = [
            *_population_sum(country, regions),
            *_weighted_gdp(country, regions),
            *_ratios(country, regions),
            *found,
        ]
    by_id = {r["id"]: r for r in everyone}
    for note in found:
        about = list(dict.fromkeys(f["of"] for f in note["figures"]))
        computed = [key for key in ("computed", "against", "difference") if key in note]
        note.update(
            about=about,
            source=ds.sources(dict.fromkeys(s for i in about for s in by_id[i]["source"])),
            tool_words=tool_words(computed=computed),
        )
    return found


def pointer(ds: Dataset, ids: set[str]) -> tuple[Message, ...]:
    """The line a view of records `ids` adds when some note is about them."""
    if any(ids.intersection(note["about"]) for note in compute(ds)):
        return (msg("Some of the source's figures do not agree with one another: see `uwe notes`."),)
    return ()


def _figures(figs: list[Record], lang: Language) -> str:
    """The slides' figures, grouped by record: `Flanders 6.4 million, €28,800`."""
    grouped: dict[str, list[str]] = {}
    names = {}
    for f in figs:
        names[f["of"]] = f["name"]
        grouped.setdefault(f["of"], []).append(figure(f, lang))
    return "\n".join(
        lang.message(msg("{label}: {text}", label=names[i], text=", ".join(shown))) for i, shown in grouped.items()
    )


def _computed(part: Record | None, lang: Language) -> str:
    if not part:
        return ""
    return f"{part['formula']} = {unit_value(part['value'], part['unit'], lang)}"


def _signed(d: Record | None, lang: Language) -> str:
    if not d:
        return ""
    size = abs(d["value"])
    if d["unit"] == "percentage points":
        shown = lang.message(
            msg_n("{number} percentage point", "{number} percentage points", n=size, number=number(size, lang))
        )
    else:
        shown = unit_value(size, d["unit"], lang)
    shown = ("+" if d["value"] > 0 else "−") + shown
    if d.get("relative_pct") is not None:
        shown += f" ({'+' if d['relative_pct'] > 0 else '−'}{percent(abs(d['relative_pct']), lang)})"
    return shown


def notes(ds: Dataset) -> Document:
    found = compute(ds)
    sections = tuple(
        Section(
            note["title"],
            fields=(
                Field(msg("As the slides say"), f"{i}.figures", _figures),
                Field(msg("Computed by the tool"), f"{i}.computed", _computed),
                Field(msg("Against"), f"{i}.against", _computed),
                Field(msg("Difference"), f"{i}.difference", _signed),
            ),
        )
        for i, note in enumerate(found)
    )
    explain = msg("Computed by the tool from the data in use: ids name its records (`uwe regions --format json`).")
    return Document(
        msg("Notes on the source: figures that do not agree ({count})", count=len(found)),
        found,
        sections=sections,
        notes=(explain,),
    )
