"""Every quotation of the shipped data is on the one slide it names, verbatim.

The slides are found in the source text as its README says: a line that starts with exactly one
space starts a slide. Two things the README's rule leaves to the reader are read so: a chunk
of one line directly followed by another chunk is that chunk's title (the PDF gave the title a
text box of its own: « Premier bilan des pôles de compétitivité »); and a chunk that holds
several of the recorded slides (about.yaml, in their order) is split where the next one's
title stands on a line of its own (« Pourquoi des clusters? »).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from uwe_cli.dataset import store
from uwe_cli.dataset.facts import KINDS
from uwe_cli.i18n.language import is_text

SOURCE = Path(__file__).parent / "source" / "uwe-sofia-2014.txt"
# Brackets in a quotation are the tool's ([sic : Silicon Valley]); the source has none.
TOOLS_OWN = re.compile(r"\s*\[[^\]]*\]")


def squeezed(text: str) -> str:
    """The words without the PDF's line breaks, spacing and bullets (`�`)."""
    return "".join(text.replace("\ufffd", "").split())


def chunks(lines: list[str]) -> list[list[str]]:
    found: list[list[str]] = []
    for line in lines:
        if re.match(r"^ \S", line) or not found:
            found.append([])
        found[-1].append(line)
    joined: list[list[str]] = []
    for chunk in found:
        if joined and len([x for x in joined[-1] if x.strip()]) == 1:  # (a title in a box of its own)
            joined[-1] = joined[-1] + chunk
        else:
            joined.append(chunk)
    return joined


def slide_lines(slides: list[dict[str, Any]], source: str) -> dict[str, list[str]]:
    """Each recorded slide's lines of the source, as they stand there, by id."""
    lines: dict[str, list[str]] = {}
    pending = list(slides)
    for chunk in chunks(source.splitlines()):
        if not pending:
            break
        starts = [(0, pending.pop(0)["id"])]
        keys = [squeezed(line) for line in chunk]
        while pending:
            title = squeezed(pending[0]["title"]["fr"])
            after = [i for i, key in enumerate(keys) if key == title and i > starts[-1][0]]
            if not after:
                break
            starts.append((after[0], pending.pop(0)["id"]))
        for n, (start, slide_id) in enumerate(starts):
            end = starts[n + 1][0] if n + 1 < len(starts) else len(chunk)
            lines[slide_id] = chunk[start:end]
    assert not pending, [s["id"] for s in pending]
    return lines


def slide_texts(slides: list[dict[str, Any]], source: str) -> dict[str, str]:
    """Each recorded slide's words, squeezed, by id."""
    return {slide_id: squeezed("\n".join(lines)) for slide_id, lines in slide_lines(slides, source).items()}


# The deck's running footer (`IFAG/CCI Bulgare Sofia, 15 avril 2014 9`, or a page number alone): no
# slide's text holds it (its event and date are the presentation's, its number a slide's `page`).
FOOTER = re.compile(r"^(IFAG/CCI Bulgare Sofia, 15 avril 2014 )?(\d+)$")


def slide_text(lines: list[str]) -> str:
    """A slide's text as the data records it: its lines of the source, stripped, without blank
    lines and the footer, the bullet glyph the PDF lost (`\ufffd`) written `•`."""
    kept = [line.strip() for line in lines if line.strip() and not FOOTER.match(line.strip())]
    return "\n".join(kept).replace("\ufffd", "•")


def quotations(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(address, text) for every text of the slides in the validated data: each names its slide."""

    def walk(value: Any, address: str) -> Iterator[tuple[str, dict[str, Any]]]:
        if isinstance(value, dict):
            if is_text(value) and "slide" in value:
                yield address, value
                return
            for key, item in value.items():
                yield from walk(item, f"{address}/{key}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(item, f"{address}/{i}")

    for kind in (*KINDS, "glossary"):
        for record in data[kind]:
            yield from walk(record, f"{kind}/{record['id']}")
    yield from walk(data["organisation"], "organisation")


def misplaced(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(address, French, slide) for each quotation not found, verbatim, on the slide it names."""
    on = slide_texts(data["presentation"]["slides"], SOURCE.read_text(encoding="utf-8"))
    wrong = []
    for address, text in quotations(data):
        words = squeezed(TOOLS_OWN.sub("", text["fr"]))
        if words not in on[text["slide"]]:
            wrong.append((address, text["fr"], text["slide"]))
    return wrong


@pytest.fixture(scope="module")
def shipped() -> dict[str, Any]:
    return store.load_dataset(store.shipped_data_dir(), use_cache=False).dump()


def test_the_source_splits_into_the_recorded_slides(shipped: dict[str, Any]) -> None:
    on = slide_texts(shipped["presentation"]["slides"], SOURCE.read_text(encoding="utf-8"))
    assert list(on) == [s["id"] for s in shipped["presentation"]["slides"]]
    assert on["poles-first-results"].startswith(squeezed("Premier bilan des pôles de compétitivité 600 entreprises"))
    assert on["export-grappes"].startswith(squeezed("Les grappes d’exportation Constitution de la grappe"))
    # « Les grappes d’exportation » closes the benefits slide (p. 20), before « Aéroports et Ports » starts the next.
    assert on["export-grappes-benefits"].endswith(squeezed("20 Les grappes d’exportation"))
    assert on["export-grappes-existing"].startswith(squeezed("Aéroports et Ports"))
    assert on["why-clusters"].startswith(squeezed("Pourquoi des clusters?"))


def test_each_slides_text_is_its_lines_of_the_source_verbatim(shipped: dict[str, Any]) -> None:
    source = SOURCE.read_text(encoding="utf-8")
    lines = slide_lines(shipped["presentation"]["slides"], source)
    slides = shipped["presentation"]["slides"]
    assert {s["id"]: s["text"] for s in slides} == {slide_id: slide_text(found) for slide_id, found in lines.items()}
    # Nothing of the source is lost but its blank lines and its footer, each naming a page the data records.
    said = [line for s in slides for line in s["text"].replace("•", "\ufffd").split("\n")]
    left = [line.strip() for line in source.splitlines() if line.strip() and line.strip() not in said]
    assert left and all(FOOTER.match(line) for line in left)
    assert {int(FOOTER.match(line)[2]) for line in left} == {s["page"] for s in slides if s["page"]}  # type: ignore[index]
    wallonia = next(s for s in slides if s["id"] == "wallonia")["text"]
    assert wallonia.splitlines()[4] == "• PIB/hab (eur28=100) : indice 88  (pour EUR15=100, indice 80)"


def test_every_quotation_is_verbatim_on_the_slide_it_names(shipped: dict[str, Any]) -> None:
    found = list(quotations(shipped))
    assert len(found) > 220
    assert misplaced(shipped) == []


def test_every_figure_of_the_slides_has_their_words(shipped: dict[str, Any]) -> None:
    def figures(value: Any) -> Iterator[dict[str, Any]]:
        if isinstance(value, dict):
            if "value" in value and "unit" in value:
                yield value
            for item in value.values():
                yield from figures(item)
        elif isinstance(value, list):
            for item in value:
                yield from figures(item)

    stated = [f for kind in ("regions", "schemes") for f in figures(shipped[kind]) if not f["computed"]]
    stated += [shipped["organisation"][key] for key in ("founded", "members", "member_federations")]
    assert len(stated) >= 50
    assert [f for f in stated if not f["quote"] or not f["slide"]] == []


def _region(data: dict[str, Any], region_id: str) -> dict[str, Any]:
    return next(r for r in data["regions"] if r["id"] == region_id)


def test_a_quotation_on_a_wrong_slide_is_caught(shipped: dict[str, Any]) -> None:
    data = copy.deepcopy(shipped)
    # The Belgium slide has no unemployment rate: the Wallonia slide states it.
    _region(data, "wallonia")["unemployment_rate"][0]["quote"]["slide"] = "belgium"
    assert misplaced(data) == [
        ("regions/wallonia/unemployment_rate/0/quote", "Taux de chômage: 11,1% en 2013", "belgium")
    ]


def test_a_paraphrase_or_a_corrected_typo_is_caught(shipped: dict[str, Any]) -> None:
    data = copy.deepcopy(shipped)
    poles = next(s for s in data["schemes"] if s["id"] == "poles")
    poles["funding"]["amount_per_year"]["quote"]["fr"] = "max. 400 000 € par an"
    spontaneous = next(c for c in data["concepts"] if c["id"] == "spontaneous-and-organised-clusters")
    spontaneous["text"]["fr"] = spontaneous["text"]["fr"].replace(
        "Silicone Valley [sic : Silicon Valley]", "Silicon Valley"
    )
    assert [address for address, _, _ in misplaced(data)] == [
        "schemes/poles/funding/amount_per_year/quote",
        "concepts/spontaneous-and-organised-clusters/text",
    ]


def test_a_year_cites_its_slide_and_words_in_the_views(uwe: Any) -> None:
    import json

    founded = json.loads(uwe("about", "--format", "json", "--lang", "de").stdout)["organisation"]["founded"]
    assert (founded["value"], founded["quote"], founded["slide"]) == (
        1969, "Fédération intersectorielle créée en 1969", "Die Union Wallonne des Entreprises (UWE)"
    )  # fmt: skip
    assert founded["quote_translation"] == {"lang": "de", "text": "Branchenübergreifender Verband, gegründet 1969"}
    # The table shows the year as written (never `1.969`), and its slide says it states it.
    shown = uwe("about", "--lang", "de").stdout
    assert shown.splitlines()[2] == "Gegründet          1969"
    source = uwe("scheme", "poles", "--lang", "fr").stdout.split("Source\n")[1]
    assert "• Les pôles de compétitivité — UWE, Sofia, 15 avril 2014 : " in source
    slides = " ".join(source.split()).split("• ")
    assert "Période" in next(slide for slide in slides if slide.startswith("Les pôles de compétitivité —"))


def test_no_two_slides_are_named_alike(shipped: dict[str, Any]) -> None:
    # Two slides are titled « Les clusters régionaux », neither with a page: a citation of one
    # must not name both (the funding is on the second).
    from uwe_cli.dataset.records import Dataset
    from uwe_cli.i18n.language import Language

    ds = Dataset(shipped)
    ids = [s["id"] for s in shipped["presentation"]["slides"]]
    for code in ("en", "fr", "nl", "de", "bg"):
        names = [str(Language(code).localize(label)) for label in ds.sources(ids)]
        assert len(set(names)) == len(names), code
    french = dict(zip(ids, (str(Language("fr").localize(label)) for label in ds.sources(ids)), strict=True))
    assert french["regional-clusters-funding"] == "Les clusters régionaux (diapositive 2 sur 2 portant ce titre)"
    assert french["why-clusters"] == "Pourquoi des clusters? (p. 8)"


def test_the_regions_table_names_each_figures_one_slide(uwe: Any) -> None:
    import csv
    import io
    import json

    rows = {r["id"]: r for r in json.loads(uwe("regions", "-f", "json").stdout)}
    # Wallonia's row cites two slides; each of its figures names the one that states it.
    assert rows["wallonia"]["source"] == ["Belgium in a few words", "Wallonia in a few figures"]
    assert rows["wallonia"]["figure_slides"] == {
        "population": "Belgium in a few words", "gdp_per_capita_eur": "Belgium in a few words",
        "gdp_index_eu28_100": "Wallonia in a few figures", "gdp_index_eu15_100": "Wallonia in a few figures",
    }  # fmt: skip
    french = {r["id"]: r for r in csv.DictReader(io.StringIO(uwe("regions", "-f", "csv", "--lang", "fr").stdout))}
    assert french["wallonia"]["figure_slides.gdp_index_eu15_100"] == "La Wallonie en quelques chiffres"
    assert french["flanders"]["figure_slides.gdp_index_eu15_100"] == ""  # (no such figure: no slide)
