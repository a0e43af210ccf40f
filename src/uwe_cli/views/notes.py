"""What uwe notices in its source: slides' figures that do not agree with one another, and
remarks a reader of the figures should know.

Every note is computed here, at run time, from the data folder in use: a user's own figures
get their own notes, and a folder whose figures agree gets no disagreement. Each note says
its `kind` (a `disagreement` between the slides' figures, or a `remark`, which is none),
gives the slides' figures it starts from, what the tool computed from them, what that is compared
with, and the difference. A computation is said in words in the reader's language
(`in_words`) and, for scripts, as a formula over record ids (`formula`,
`flanders.population`). Values are computed from the unrounded figures and kept unrounded
in JSON; the table rounds them only to show them. They are the tool's computations, not the
slides' words: every note says so under `tool_words`. A computation whose result would not be a
finite number (a figure too close to zero to divide by, arithmetic.py) is `not computable`:
its value is null, and a note of that kind says why.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from uwe_cli import arithmetic
from uwe_cli.dataset.records import Dataset, Record
from uwe_cli.i18n.formatting import figure, index_base, number, percent, unit_value
from uwe_cli.i18n.language import Language
from uwe_cli.i18n.messages import Listing, Message, msg, msg_n
from uwe_cli.views.common import tool_words
from uwe_cli.views.form import Document, Field, Section

# What a value that cannot be computed shows (arithmetic.py), and the kind of its note.
NOT_COMPUTABLE = msg("not computable")
_NOT_COMPUTABLE_KIND = "not computable"
# (a figure too close to zero to divide by, or a result too large for a number)
_NOT_COMPUTABLE_WHY = msg("uwe cannot compute this from these figures: the result would not be a finite number")


def _fig(record: Record, measure: str, fig: Record) -> dict[str, Any]:
    """One of the slides' figures a note starts from."""
    return {
        "of": record["id"],
        "name": record["name"],
        "measure": measure,
        "value": fig["value"],
        "unit": fig["unit"],
        "base": fig.get("base"),
        "slide": fig.get("slide"),
    }


def _value(record: Record, measure: str) -> float:
    """A figure's value, 0 where the record has none."""
    return record[measure]["value"] if record[measure] else 0


def _ref(record: Record, measure: str) -> str:
    return f"{record['id']}.{measure}"


def _percent(part: tuple[str, float], whole: tuple[str, float], *, in_words: Message) -> dict[str, Any]:
    """100 × part / whole, unrounded: its formula over (reference, value) pairs, and its value
    (None: not computable, arithmetic.py)."""
    return {"formula": f"100 × {part[0]} / {whole[0]}", "in_words": in_words,
            "value": arithmetic.share(part[1], whole[1], digits=None), "unit": "%"}  # fmt: skip


def _difference(value: float, against: float, unit: str) -> dict[str, Any] | None:
    """value − against, from the unrounded values (70.49% − 73.95% is −3.46 points, shown −3.5,
    where the rounded 70.5% − 73.9% would make it −3.4); None if it is not a finite number."""
    difference = arithmetic.finite(value - against)
    if difference is None:
        return None
    shown: dict[str, Any] = {"value": difference, "unit": "percentage points" if unit == "%" else unit}
    relative = arithmetic.share(difference, against, digits=None) if unit != "%" and against else None
    if relative is not None:  # (left out where not computable, as where `against` is zero)
        shown["relative_pct"] = relative
    return shown


def _not_computable(figures: list[dict[str, Any]], computed: dict[str, Any], about: str) -> dict[str, Any]:
    """The note that `computed` (its value None) cannot be computed from `figures`."""
    return {"id": f"not-computable-{about}", "kind": _NOT_COMPUTABLE_KIND, "title": _NOT_COMPUTABLE_WHY,
            "figures": figures, "computed": {**computed, "value": None}}  # fmt: skip


def _names(records: list[Record]) -> Listing:
    return Listing(tuple(r["name"] for r in records))


def _population_sum(country: Record, regions: list[Record]) -> Iterator[dict[str, Any]]:
    """The regions' populations, added up, against the country's."""
    if not (country["population"] and regions) or not all(r["population"] for r in regions):
        return
    total = arithmetic.finite(sum(r["population"]["value"] for r in regions))
    national = country["population"]["value"]
    difference = None if total is None else _difference(total, national, "people")
    if total is not None and difference is None:  # (nothing to add: the sum is a number)
        return
    if total is None:
        computed = {"formula": " + ".join(_ref(r, "population") for r in regions), "unit": "people",
                    "in_words": msg("the populations of {regions}, added up", regions=_names(regions))}  # fmt: skip
        yield _not_computable([_fig(r, "population", r["population"]) for r in regions], computed, "population-sum")
        return
    if total == national:
        return
    more = msg("The regions' populations add up to more than the country's ({country})", country=country["name"])
    less = msg("The regions' populations add up to less than the country's ({country})", country=country["name"])
    yield {
        "id": "population-sum",
        "kind": "disagreement",
        "title": more if total > national else less,
        "figures": [_fig(r, "population", r["population"]) for r in [*regions, country]],
        "computed": {
            "formula": " + ".join(_ref(r, "population") for r in regions),
            "in_words": msg("the populations of {regions}, added up", regions=_names(regions)),
            "value": total,
            "unit": "people",
        },
        "against": {
            "formula": _ref(country, "population"),
            "in_words": msg("the population of {place}", place=country["name"]),
            "value": national,
            "unit": "people",
        },
        "difference": difference,
    }


def _weighted_gdp(country: Record, regions: list[Record]) -> Iterator[dict[str, Any]]:
    """The regions' GDP per capita weighted by their populations, against the country's."""
    if not (country["gdp_per_capita"] and regions) or not all(r["population"] and r["gdp_per_capita"] for r in regions):
        return
    people = sum(r["population"]["value"] for r in regions)
    if not people:
        return
    try:
        weighted = arithmetic.finite(sum(r["population"]["value"] * r["gdp_per_capita"]["value"] for r in regions)
                                     / people)  # fmt: skip
    except OverflowError:
        weighted = None
    national = country["gdp_per_capita"]["value"]
    products = " + ".join(f"{_ref(r, 'population')} × {_ref(r, 'gdp_per_capita')}" for r in regions)
    in_words = msg(
        "the GDP per capita of {regions}, averaged with their populations as weights", regions=_names(regions)
    )
    if weighted is None:
        computed = {"formula": f"({products}) / ({' + '.join(_ref(r, 'population') for r in regions)})",
                    "in_words": in_words, "unit": "EUR"}  # fmt: skip
        figures = [_fig(r, m, r[m]) for r in regions for m in ("population", "gdp_per_capita")]
        yield _not_computable(figures, computed, "weighted-gdp-per-capita")
        return
    difference = _difference(weighted, national, "EUR")
    if difference is None or round(difference["value"]) == 0:  # (agreeing to the euro, as the table shows them)
        return
    yield {
        "id": "weighted-gdp-per-capita",
        "kind": "disagreement",
        "title": msg(
            "The regions' GDP per capita, weighted by their populations, is not the country's ({country})",
            country=country["name"],
        ),
        "figures": [_fig(r, m, r[m]) for r in regions for m in ("population", "gdp_per_capita")]
        + [_fig(country, "gdp_per_capita", country["gdp_per_capita"])],
        "computed": {
            "formula": f"({products}) / ({' + '.join(_ref(r, 'population') for r in regions)})",
            "in_words": in_words,
            "value": weighted,
            "unit": "EUR",
        },
        "against": {
            "formula": _ref(country, "gdp_per_capita"),
            "in_words": msg("the GDP per capita of {place}", place=country["name"]),
            "value": national,
            "unit": "EUR",
        },
        "difference": difference,
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
        names = {"part": r["name"], "whole": country["name"]}
        euros = _percent(
            (_ref(r, gdp), r[gdp]["value"]),
            (_ref(country, gdp), country[gdp]["value"]),
            in_words=msg("the GDP per capita of {part} as a percentage of that of {whole}", **names),
        )
        index = _percent((_ref(r, measure), found["value"]), (_ref(country, measure), theirs["value"]),
                         in_words=msg("the GDP per capita index ({base}) of {part} as a percentage of that of {whole}",
                                      base=index_base(found["base"]), **names))  # fmt: skip
        if euros["value"] is None or index["value"] is None:  # (said by `_shares_not_computable`)
            continue
        difference = _difference(euros["value"], index["value"], "%")
        if difference is None or round(difference["value"], 1) == 0:  # (agreeing to the 0.1 point the table shows)
            continue
        yield {
            "id": f"gdp-ratio-{r['id']}",
            "kind": "disagreement",
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
            "difference": difference,
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
            (_ref(inside, people), inside[people]["value"]),
            (_ref(outside, people), outside[people]["value"]),
            in_words=msg("population as a percentage: {part} / {whole}",
                         part=inside["name"], whole=outside["name"]),
        )  # fmt: skip
        if share["value"] is None:  # (such a share is no finding: nothing to say)
            continue
        # Not a disagreement: nothing here contradicts anything; a reader adding up must know it.
        yield {
            "id": f"within-{inside['id']}",
            "kind": "remark",
            "title": msg(
                "{inside}: its territory lies in {outside}; its figures are part of those of {outside}, never to be added to them",
                inside=inside["name"],
                outside=outside["name"],
            ),
            "figures": [_fig(x, "population", x["population"]) for x in (inside, outside)],
            "computed": share,
        }


def _shares_not_computable(country: Record, everyone: list[Record]) -> Iterator[dict[str, Any]]:
    """The shares of the country's GDP per capita (`uwe regions`) that cannot be computed."""
    gdp = "gdp_per_capita"
    if not _value(country, gdp):
        return
    for r in everyone:
        if r is country or not r[gdp]:
            continue
        share = _percent((_ref(r, gdp), r[gdp]["value"]), (_ref(country, gdp), country[gdp]["value"]),
                         in_words=msg("the GDP per capita of {part} as a percentage of that of {whole}",
                                      part=r["name"], whole=country["name"]))  # fmt: skip
        if share["value"] is None:
            yield _not_computable([_fig(x, gdp, x[gdp]) for x in (r, country)], share, f"share-{r['id']}")


def compute(ds: Dataset) -> list[dict[str, Any]]:
    """The notes on the dataset's figures, computed once per dataset (Dataset.derived)."""
    return ds.derived("notes", lambda: _compute(ds))  # type: ignore[no-any-return]


def _compute(ds: Dataset) -> list[dict[str, Any]]:
    """Every note the data folder's figures call for, each with the ids of the records it is about."""
    # (read as any record: the checks below narrow what the types cannot follow)
    everyone: list[Record] = list(ds["regions"])
    country = next((r for r in everyone if r["kind"] == "country"), None)
    # The regions proper: a community lies within one, so it is never one of the parts.
    regions = [r for r in everyone if r["kind"] == "region" and not r["within"]]
    found = [*_within(everyone)]
    if country is not None:
        found = [
            *_population_sum(country, regions),
            *_weighted_gdp(country, regions),
            *_ratios(country, regions),
            *_shares_not_computable(country, everyone),
            *found,
        ]
    by_id = {r["id"]: r for r in everyone}
    for note in found:
        about = list(dict.fromkeys(f["of"] for f in note["figures"]))
        computed = [key for key in ("computed", "against", "difference") if key in note]
        note.update(
            about=about,
            # The slides that state the figures, each figure's own (dataset/facts.py).
            source=ds.sources(
                dict.fromkeys(f["slide"] or s for f in note["figures"] for s in by_id[f["of"]]["source"][:1])
            ),
            tool_words=tool_words(computed=computed),
        )
    return found


def pointer(ds: Dataset, ids: set[str]) -> tuple[Message, ...]:
    """The line a view of records `ids` adds when some note is about them."""
    if any(ids.intersection(note["about"]) for note in compute(ds) if note["kind"] == "disagreement"):
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


def _shown(value: float, unit: str) -> float:
    """A computed value as the table shows it: to 0.1 for a percentage or points, else whole."""
    return round(value, 1) if unit in ("%", "percentage points") else round(value)


def _computed(part: Record | None, lang: Language) -> str:
    """What was computed, in words, and its value rounded to show (the formula is for JSON)."""
    if not part:
        return ""
    if part["value"] is None:
        return f"{part['in_words']} = {lang.message(NOT_COMPUTABLE)}"  # (in_words: already in the reader's language)
    value = unit_value(_shown(part["value"], part["unit"]), part["unit"], lang)
    return lang.message(msg("{value} ({what})", value=value, what=part["in_words"]))


def _signed(d: Record | None, lang: Language) -> str:
    if not d:
        return ""
    size = abs(_shown(d["value"], d["unit"]))
    if d["unit"] == "percentage points":
        shown = lang.message(
            msg_n("{number} percentage point", "{number} percentage points", n=size, number=number(size, lang))
        )
    else:
        shown = unit_value(size, d["unit"], lang)
    shown = ("+" if d["value"] > 0 else "−") + shown
    if d.get("relative_pct") is not None:
        relative = round(d["relative_pct"], 1)
        shown += f" ({'+' if relative > 0 else '−'}{percent(abs(relative), lang)})"
    return shown


# What kind of note each is, as its first line says.
_KINDS = {
    "disagreement": msg("a disagreement: the slides' figures do not agree with one another"),
    "remark": msg("a remark: the figures agree; read them with it"),
    _NOT_COMPUTABLE_KIND: NOT_COMPUTABLE,
}


def notes(ds: Dataset) -> Document:
    found = compute(ds)
    sections = tuple(
        Section(
            note["title"],
            fields=(
                Field(msg("Note"), f"{i}.kind", lambda kind, lang: lang.message(_KINDS[kind])),
                Field(msg("As the slides say"), f"{i}.figures", _figures),
                Field(msg("Computed by the tool"), f"{i}.computed", _computed),
                Field(msg("Against"), f"{i}.against", _computed),
                Field(msg("Difference"), f"{i}.difference", _signed),
            ),
        )
        for i, note in enumerate(found)
    )
    explain = msg(
        "Computed by the tool from the data in use, from the unrounded figures, and rounded only to be shown; "
        "--format json gives each formula over record ids."
    )
    from uwe_cli.views import errata  # (the slides' slips: listed apart from the figures)

    return Document(
        msg("Notes on the source ({count})", count=len(found)),
        [*found, *errata.errata(ds)],
        sections=(*sections, errata.section()),
        notes=(explain,),
    )
