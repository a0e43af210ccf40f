"""Every word is the slides' or marked as uwe's, in every format; and uwe audits its source (issue 11)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import edit

Uwe = Callable[..., object]


def lines(run: object) -> list[str]:
    return [line.rstrip() for line in run.stdout.splitlines()]  # type: ignore[attr-defined]


# uwe's words and the slides', told apart


def test_uwes_summaries_labels_and_readings_are_named_in_json_and_csv(uwe: Uwe) -> None:
    schemes = {s["id"]: s for s in uwe("schemes", "-f", "json", "--lang", "fr").json()}
    assert schemes["poles"]["by_uwe"] == {
        "written": ["summary", "participants", "results.label", "aliases"],
        "classified": ["status"],
    }
    # Names a reader may type (`DG`): uwe's, not the slides'.
    # Codes and where a community lies are uwe's additions too: the slides give neither.
    assert uwe("region", "german", "-f", "json").json()["by_uwe"] == {
        "written": ["aliases"],
        "classified": ["within"],  # (the Community has no NUTS or ISO code of its own)
    }
    assert schemes["export-grappes"]["by_uwe"]["computed"] == ["groupings"]
    assert schemes["export-grappes"]["groupings"]["computed"] is True
    regions = list(csv.DictReader(io.StringIO(uwe("regions", "-f", "csv").stdout)))
    assert {r["by_uwe.computed"] for r in regions} == {"gdp_share_of_belgium_pct"}
    result = uwe("results", "-f", "json", "--lang", "fr").json()[0]
    assert (result["label"], result["quote"], result["by_uwe"]) == (
        "Entreprises membres des pôles", "600 entreprises membres des pôles", {"written": ["label"]},
    )  # fmt: skip


def test_the_table_labels_uwes_words_and_says_english_is_a_translation(uwe: Uwe) -> None:
    out = uwe("schemes", "poles").stdout
    assert "Who takes part (uwe's summary)" in " ".join(out.split())
    assert lines(uwe("schemes", "poles"))[-2:] == [
        "Texts translated from the slides' French by uwe; --lang fr shows the slides' own",
        "words.",
    ]
    assert "translated" not in uwe("schemes", "poles", "--lang", "fr").stdout
    assert "Schemes (uwe's summaries)" in uwe().stdout
    markdown = uwe("results", "-f", "markdown").stdout.splitlines()
    assert markdown[2] == "| Result (uwe's label) | Figure | As the slides say |"
    assert markdown[-1] == "*Texts translated from the slides' French by uwe; --lang fr shows the slides' own words.*"


def test_a_scheme_tells_its_status_from_the_slides_words_and_its_english_term(uwe: Uwe) -> None:
    out = lines(uwe("scheme", "poles"))
    assert out[1:7] == [
        "Period                          since 2006",
        "As the slides say               Flagship policy of the Walloon Government since",
        "                                2006",
        "The slides' English term        “competitiveness cluster”",
        "Status                          active, as uwe reads “Flagship policy of the",
        "                                Walloon Government since 2006”",
    ]
    french = lines(uwe("scheme", "poles", "--lang", "fr"))
    assert "Le terme anglais des diapositives   « competitiveness cluster »" in french
    # The slide's own bullets, verbatim, in the scheme; uwe's labels in `uwe results`.
    assert "• 45% de la valeur ajoutée et 24% de l’emploi industriel" in french


def test_a_grouping_shows_the_words_behind_its_sector_and_status(uwe: Uwe) -> None:
    assert lines(uwe("cluster", "tweed", "--lang", "fr"))[:8] == [
        "TWEED",
        "Dispositifs  Clusters régionaux",
        "Statut       non précisé",
        "",
        "Domaine",
        "• Clusters régionaux : Énergie durable",
        "",
        "Secteurs (classement d’uwe)",
    ]
    assert lines(uwe("cluster", "tweed", "--lang", "fr"))[8] == "• Énergie, d’après « Énergie durable »"
    assert (
        lines(uwe("cluster", "btp", "--lang", "fr"))[2]
        == "Statut       en formation, selon uwe, d’après « BTP (en formation) »"
    )
    data = uwe("cluster", "btp", "-f", "json", "--lang", "fr").json()
    assert (data["status"], data["status_quote"], data["by_uwe"]) == (
        "in-formation", "BTP (en formation)", {"classified": ["sectors", "status"]},
    )  # fmt: skip
    twist = uwe("cluster", "twist", "-f", "json").json()
    assert ("status" in twist, twist["sectors"], twist["sector_words"]) == (False, [], [])


def test_status_not_stated_is_a_filter(uwe: Uwe) -> None:
    ids = [c["id"] for c in uwe("clusters", "--status", "non précisé", "-f", "json").json()]
    assert len(ids) == 15 and "tweed" in ids and "steel" not in ids
    assert len(uwe("clusters", "--status", "active", "-f", "json").json()) == 10


def test_sectors_cite_only_the_slides_whose_words_name_them(uwe: Uwe) -> None:
    sectors = {s["id"]: s for s in uwe("sectors", "-f", "json", "--lang", "fr").json()}
    health = sectors["health"]
    # Not the 10 Walloon clusters' slide (ARESA's « Recherche clinique » is research) nor the poles'.
    assert health["source"] == ["Les grappes existantes"]
    assert health["named_by"] == [{"grouping": "health", "name": "Santé", "words": "hôpital - équipement médical - pharmacie",
                                   "source": health["source"]}]  # fmt: skip
    transport = sectors["transport-logistics"]
    assert transport["source"] == ["La politique de redéploiement économique — Les 10 clusters wallons",
                                   "Les grappes existantes"]  # fmt: skip
    out = lines(uwe("sectors"))
    assert out[:2] == ["Sectors", "                                                            Named by the slides'"]
    assert "Energy                 energy                           2   TWEED: “Sustainable" in out


# Small errors, fixed


def test_about_tells_recorded_slides_from_the_decks_size(uwe: Uwe) -> None:
    out = lines(uwe("about"))
    at = out.index("The source")
    assert out[at + 5 : at + 7] == [
        "Slides  23 recorded; the deck has at least 25 (computed by uwe from its page",
        "        numbers)",
    ]
    data = uwe("about", "-f", "json").json()
    assert (data["slide_count"], data["by_uwe"]) == (
        {"recorded": 23, "in_the_deck_at_least": 25}, {"computed": ["slide_count.in_the_deck_at_least"]},
    )  # fmt: skip


def test_results_show_outputs_apart_from_parts(uwe: Uwe) -> None:
    out = lines(uwe("results", "--lang", "fr"))
    assert [line[:44].rstrip() for line in out if line.lstrip().startswith(("Projets R&D", "→"))] == [
        "Projets R&D                             130",
        "  Projets R&D finalisés                  40",
        "    → Innovations                       300",
        "    → Brevets déposés                   202",
        "    → Entreprises créées                 19",
    ]
    assert out[-2:] == [
        "En retrait : une composante du résultat qui précède ; avec → : ce que ce",
        "résultat a produit, et non une de ses composantes.",
    ]
    data = {r["id"]: r for r in uwe("results", "-f", "json").json()}
    assert (data["completed-rd-projects"]["part_of"], data["innovations"]["output_of"]) == (
        "rd-projects",
        "completed-rd-projects",
    )


def test_the_objectives_are_translated_as_the_slide_means_them(uwe: Uwe) -> None:
    out = " ".join(uwe("concepts").stdout.split())
    assert "Better relations between principals (the customers who place orders) and suppliers" in out
    assert "Better responsiveness to changes in demand" in out
    assert "contractors" not in out and "Faster response" not in out


def test_figures_have_no_guessed_period(uwe: Uwe) -> None:
    results = uwe("results", "-f", "json").json()
    assert {r["period"] for r in results} == {None}
    wallonia = uwe("region", "wallonia", "-f", "json").json()
    assert "period" not in wallonia["population"] and wallonia["unemployment_rate"][0]["period"] == "2013"


# The glossary


def test_the_glossary_is_in_concepts_and_first_in_search(uwe: Uwe) -> None:
    concepts = uwe("concepts", "-f", "json", "--lang", "fr").json()
    terms = [c for c in concepts if c["kind"] == "term"]
    assert [t["name"] for t in terms] == ["grappe", "grappe technologique", "grappe d’exportation",
                                          "pôle de compétitivité", "cluster", "animateur", "coopétition"]  # fmt: skip
    animateur = terms[5]
    assert animateur["usages"][0] == {"quote": "Obligation d’engager un animateur.", "translation": "Obligation d’engager un animateur.",
                                      "source": "Les clusters régionaux"}  # fmt: skip
    out = lines(uwe("concepts", "--lang", "fr"))
    at = out.index("Glossaire : les mots des diapositives")
    assert out[at + 1].startswith("• grappe : Le mot des diapositives pour un groupement d’entreprises")
    english = " ".join(uwe("concepts").stdout.split())
    # The slides' words stay theirs in English, with uwe's translation beside them.
    assert "« Obligation d’engager un animateur. »: “Obligation to hire a facilitator.” (Regional clusters)" in english
    hits = uwe("search", "grappe", "-f", "json").json()
    assert (hits[0]["kind"], hits[0]["id"], hits[0]["field"]) == ("term", "grappe", "name")
    assert uwe("cite", "coopétition", "-f", "json").json()["slides"] == ["Pourquoi des clusters? (p. 8)"]


# uwe notes


def test_notes_exact(uwe: Uwe) -> None:
    assert lines(uwe("notes"))[:11] == [
        "Notes on the source: figures that do not agree (4)",
        "",
        "The regions' populations add up to more than the country's (Belgium)",
        "As the slides say  Flanders: 6.4 million",
        "                   Brussels-Capital Region: 1.1 million",
        "                   Wallonia: 3.6 million",
        "                   Belgium: 11 million",
        "uwe computed       flanders.population + brussels.population +",
        "                   wallonia.population = 11.1 million",
        "Against            belgium.population = 11 million",
        "Difference         +100,000 (+0.9%)",
    ]


def test_notes_json_has_the_numbers_and_formulas(uwe: Uwe) -> None:
    notes = {n["id"]: n for n in uwe("notes", "-f", "json").json()}
    assert list(notes) == [
        "population-sum",
        "weighted-gdp-per-capita",
        "gdp-ratio-wallonia",
        "within-german-speaking-community",
        "silicone-valley",  # (the source's errata, apart: `kind` erratum)
        "coopetion",
    ]
    assert [n["source"] for n in notes.values() if n.get("kind") == "erratum"] == [["Why clusters? (p. 8)"]] * 2
    weighted = notes["weighted-gdp-per-capita"]
    assert (weighted["computed"]["value"], weighted["against"]["value"], weighted["difference"]) == (
        28999, 30500, {"value": -1501, "unit": "EUR", "relative_pct": -4.9},
    )  # fmt: skip
    ratio = notes["gdp-ratio-wallonia"]
    assert (ratio["computed"]["value"], ratio["against"]["value"], ratio["difference"]["value"]) == (70.5, 73.9, -3.4)
    assert ratio["against"]["formula"] == "100 × wallonia.gdp_per_capita_index / belgium.gdp_per_capita_index"
    assert notes["within-german-speaking-community"]["by_uwe"] == {"computed": ["computed"]}
    rows = list(csv.DictReader(io.StringIO(uwe("notes", "-f", "csv").stdout)))
    assert rows[0]["computed.value"] == "11100000" and rows[0]["by_uwe.computed"] == "computed; against; difference"


def test_notes_are_computed_from_the_data_in_use(uwe: Uwe, data_copy: Path) -> None:
    regions = data_copy / "regions.yaml"
    # Figures that add up give no note; a changed figure gives its own.
    edit(regions, "population: {value: 6400000", "population: {value: 6300000")
    edit(regions, "gdp_per_capita: {value: 28800", "gdp_per_capita: {value: 30000")
    found = uwe("--data-dir", str(data_copy), "notes", "-f", "json").json()
    notes = {n["id"]: n for n in found if n.get("kind") != "erratum"}
    assert list(notes) == ["weighted-gdp-per-capita", "gdp-ratio-wallonia", "within-german-speaking-community"]
    # (6,300,000 × 30,000 + 1,100,000 × 54,700 + 3,600,000 × 21,500) / 11,000,000
    assert notes["weighted-gdp-per-capita"]["computed"]["value"] == 29688


def test_the_views_concerned_point_to_the_notes(uwe: Uwe, data_copy: Path) -> None:
    pointer = "Some of the source's figures do not agree with one another: see `uwe notes`."
    assert lines(uwe("regions"))[-3] == pointer
    assert lines(uwe("region", "flanders"))[-3] == pointer
    # Without Belgium's figures, only the community's note is left: it is about Wallonia, not Brussels.
    edit(data_copy / "regions.yaml", '    population: {value: 11000000, unit: people, quote: {fr: "11 millions d’habitants", '
         'en: "11 million inhabitants"}}\n', "")  # fmt: skip
    edit(data_copy / "regions.yaml", '    gdp_per_capita: {value: 30500, unit: EUR, quote: {fr: "PIB par habitant : 30 500 €", '
         'en: "GDP per capita: €30,500"}}\n', "")  # fmt: skip
    folder = ("--data-dir", str(data_copy))
    found = uwe(*folder, "notes", "-f", "json").json()
    assert [n["id"] for n in found if n.get("kind") != "erratum"] == ["within-german-speaking-community"]
    assert pointer not in " ".join(uwe(*folder, "region", "brussels").stdout.split())
    assert pointer in " ".join(uwe(*folder, "region", "wallonia").stdout.split())


@pytest.mark.parametrize("width", [40, 80, 160])
def test_notes_fit_the_screen(uwe: Uwe, width: int) -> None:
    out = uwe("notes", "--lang", "fr", env={"COLUMNS": str(width)}).stdout
    assert max(len(line.rstrip()) for line in out.splitlines()) <= width


def test_a_tag_no_words_name_is_shown_as_uwes_reading(uwe: Uwe, data_copy: Path) -> None:
    clusters = data_copy / "clusters.yaml"
    clusters.write_text(
        clusters.read_text(encoding="utf-8").replace("    sectors: [", "    sectors: [glass, "), encoding="utf-8"
    )
    folder = ("--data-dir", str(data_copy))
    glass = next(s for s in uwe(*folder, "sectors", "-f", "json").json() if s["id"] == "glass")
    # Only the Verrière grappe's name says glass: the other 25 tags are readings, and cite nothing.
    assert (glass["groupings"], [t["words"] for t in glass["named_by"]].count(None)) == (26, 25)
    assert glass["source"] == ["The existing clusters"]
    out = " ".join(uwe(*folder, "sectors").stdout.split())
    assert "ARESA (uwe's reading: no words of the slides name it) CAP 2020 (uwe's reading:" in out
    assert "… and 20 more" in out
    assert "• Glass (uwe's reading: no words of the slides name it)" in uwe(*folder, "cluster", "aresa").stdout
