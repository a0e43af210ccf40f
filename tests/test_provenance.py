"""Every word is the slides' or marked as the tool's, in every format; and uwe audits its source (issue 11)."""

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


# the tool's words and the slides', told apart


# Where a community lies is the tool's reading (the slides list it among Belgium's "3 régions (voire 4)"):
# the table's note and the profile say so in every language, as JSON and CSV do (`tool_words.classified`).
WITHIN = {
    "en": ("its territory lies in Wallonia (the tool's reading, not stated in the slides);",
           "community (its territory in Wallonia: the tool's reading, not stated in the slides)"),
    "fr": ("son territoire est situé en Wallonie (interprétation de l’outil, que les diapositives n’énoncent pas),",
           "communauté (son territoire est situé en Wallonie : interprétation de l’outil, que les diapositives "
           "n’énoncent pas)"),
    "nl": ("het grondgebied ligt in Wallonië (interpretatie door het programma, niet vermeld in de dia's);",
           "gemeenschap (met grondgebied in Wallonië: interpretatie door het programma, niet vermeld in de dia's)"),
    "de": ("Ihr Gebiet liegt in Wallonien (Deutung der Anwendung, steht nicht in den Folien);",
           "Gemeinschaft (ihr Gebiet liegt in Wallonien: Deutung der Anwendung, steht nicht in den Folien)"),
    "bg": ("територията ѝ е в рамките на Валония (прочит на програмата, не е посочено в слайдовете);",
           "общност (с територия в рамките на Валония: прочит на програмата, не е посочено в слайдовете)"),
}  # fmt: skip


@pytest.mark.parametrize("lang", list(WITHIN))
def test_where_a_community_lies_is_marked_as_the_tools_reading(uwe: Uwe, lang: str) -> None:
    note, kind = WITHIN[lang]
    table = " ".join(uwe("regions", "--lang", lang).stdout.split())  # type: ignore[attr-defined]
    markdown = " ".join(uwe("regions", "--lang", lang, "-f", "markdown").stdout.split())  # type: ignore[attr-defined]
    assert note in table and note in markdown
    profile = " ".join(uwe("region", "german-speaking-community", "--lang", lang).stdout.split())  # type: ignore[attr-defined]
    assert f" {kind} " in profile


def test_uwes_summaries_labels_and_readings_are_named_in_json_and_csv(uwe: Uwe) -> None:
    schemes = {s["id"]: s for s in uwe("schemes", "-f", "json", "--lang", "fr").json()}
    assert schemes["poles"]["tool_words"] == {
        "written": ["summary", "participants", "results.label", "aliases"],
        "classified": ["status"],
    }
    # Names a reader may type (`DG`): the tool's, not the slides'.
    # Codes and where a community lies are the tool's additions too: the slides give neither.
    assert uwe("region", "german", "-f", "json").json()["tool_words"] == {
        "written": ["aliases"],
        "classified": ["within"],  # (the Community has no NUTS or ISO code of its own)
    }
    assert schemes["export-grappes"]["tool_words"]["computed"] == ["groupings"]
    assert schemes["export-grappes"]["groupings"]["computed"] is True
    regions = list(csv.DictReader(io.StringIO(uwe("regions", "-f", "csv").stdout)))
    assert {r["tool_words.computed"] for r in regions} == {"gdp_share_of_belgium_pct"}
    result = uwe("results", "-f", "json", "--lang", "fr").json()[0]
    assert (result["label"], result["quote"], result["tool_words"]) == (
        "Entreprises membres des pôles", "600 entreprises membres des pôles", {"written": ["label"]},
    )  # fmt: skip


def test_the_table_labels_uwes_words_and_says_english_is_a_translation(uwe: Uwe) -> None:
    out = uwe("schemes", "poles").stdout
    assert "Who takes part (the tool's summary)" in " ".join(out.split())
    assert lines(uwe("schemes", "poles"))[-2:] == [
        "Texts translated from the slides' French by the tool; --lang fr shows the",
        "slides' own words.",
    ]
    assert "translated" not in uwe("schemes", "poles", "--lang", "fr").stdout
    assert "Schemes (the tool's summaries)" in uwe().stdout
    markdown = uwe("results", "-f", "markdown").stdout.splitlines()
    assert markdown[2] == "| Result (the tool's label) | Figure | As the slides say (translated) |"
    assert (
        "| Résultat (libellé de l’outil) | Chiffre | Selon les diapositives |"
        in uwe("results", "-f", "markdown", "--lang", "fr").stdout
    )
    assert (
        markdown[-1] == "*Texts translated from the slides' French by the tool; --lang fr shows the slides' own words.*"
    )


def test_a_scheme_tells_its_status_from_the_slides_words_and_its_english_term(uwe: Uwe) -> None:
    out = lines(uwe("scheme", "poles"))
    assert out[1:7] == [
        "Period                               since 2006",
        "As the slides say (translated)       Flagship policy of the Walloon Government",
        "                                     since 2006",
        "The slides' English term             “competitiveness cluster”",
        # In quotation marks only the slides' own words: the French, whatever the language.
        "Status                               active, as the tool reads “Politique-phare",
        "                                     du Gouvernement wallon depuis 2006”",
    ]
    french = lines(uwe("scheme", "poles", "--lang", "fr"))
    assert "Terme anglais des diapositives      « competitiveness cluster »" in french
    # The slide's own bullets, verbatim, in the scheme; the tool's labels in `uwe results`.
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
        "Secteurs (classement de l’outil)",
    ]
    assert lines(uwe("cluster", "tweed", "--lang", "fr"))[8] == "• Énergie, d’après « Énergie durable »"
    assert (
        lines(uwe("cluster", "btp", "--lang", "fr"))[2]
        == "Statut       en formation, selon l’outil, d’après « BTP (en formation) »"
    )
    data = uwe("cluster", "btp", "-f", "json", "--lang", "fr").json()
    assert (data["status"], data["status_quote"], data["tool_words"]) == (
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
    assert health["named_by"] == [{"grouping": "health", "name": "Santé", "quote": "hôpital - équipement médical - pharmacie",
                                   "quote_translation": None, "source": health["source"]}]  # fmt: skip
    transport = sectors["transport-logistics"]
    assert transport["source"] == ["La politique de redéploiement économique — Les 10 clusters wallons",
                                   "Les grappes existantes"]  # fmt: skip
    out = lines(uwe("sectors"))
    assert out[:2] == ["Sectors", "                                                            Named by the slides'"]
    assert out[2].endswith("words (translated)")
    assert "Energy                 energy                           2   TWEED: “Sustainable" in out


# Small errors, fixed


def test_about_tells_recorded_slides_from_the_decks_size(uwe: Uwe) -> None:
    out = lines(uwe("about"))
    at = out.index("The source")
    assert out[at + 5 : at + 7] == [
        "Slides  23 recorded; the deck has at least 25 (computed by the tool from its",
        "        page numbers)",
    ]
    data = uwe("about", "-f", "json").json()
    assert (data["slide_count"], data["tool_words"]) == (
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
        "En retrait\xa0: une composante du résultat qui précède\u202f; avec →\xa0: ce que ce",
        "résultat a produit, et non une de ses composantes.",
    ]
    data = {r["id"]: r for r in uwe("results", "-f", "json").json()}
    assert (data["completed-rd-projects"]["part_of"], data["innovations"]["output_of"]) == (
        "rd-projects",
        "completed-rd-projects",
    )


def test_the_objectives_are_translated_as_the_slide_means_them(uwe: Uwe) -> None:
    out = " ".join(uwe("concepts").stdout.split())
    assert "Better relations between main contractors and suppliers" in out
    assert "Better responsiveness to changes in demand" in out
    assert "principals" not in out and "Faster response" not in out


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
    assert animateur["usages"][0] == {"quote": "Obligation d’engager un animateur.", "quote_translation": None,
                                      "slide": "Les clusters régionaux (diapositive 2 sur 2 portant ce titre)"}  # fmt: skip
    english = next(c for c in uwe("concepts", "-f", "json").json() if c["id"] == "animateur")
    assert english["usages"][0] == {"quote": "Obligation d’engager un animateur.",
                                    "quote_translation": {"lang": "en", "text": "Obligation to hire a facilitator"},
                                    "slide": "Regional clusters (slide 2 of 2 with this title)"}  # fmt: skip
    out = lines(uwe("concepts", "--lang", "fr"))
    at = out.index("Glossaire\xa0: les mots des diapositives")  # (the tool's heading, typeset)
    assert out[at + 1].startswith("• grappe : Le mot des diapositives pour un groupement d’entreprises")
    english = " ".join(uwe("concepts").stdout.split())
    # The slides' words stay theirs in English, with the tool's translation beside them, outside the
    # quotation marks (which hold the slides' words only).
    assert (
        "« Obligation d’engager un animateur. » (Regional clusters (slide 2 of 2 with this title)), in translation: Obligation to hire a facilitator"
        in english
    )
    hits = uwe("search", "grappe", "-f", "json").json()
    assert (hits[0]["kind"], hits[0]["id"], hits[0]["field"]) == ("term", "grappe", "name")
    assert uwe("cite", "coopétition", "-f", "json").json()["slides"] == ["Pourquoi des clusters? (p. 8)"]


# uwe notes


def test_notes_exact(uwe: Uwe) -> None:
    assert lines(uwe("notes"))[:13] == [
        "Notes on the source (4)",
        "",
        "The regions' populations add up to more than the country's (Belgium)",
        "Note                  a disagreement: the slides' figures do not agree with one",
        "                      another",
        "As the slides say     Flanders: 6.4 million",
        "                      Brussels: 1.1 million",
        "                      Wallonia: 3.6 million",
        "                      Belgium: 11 million",
        "Computed by the tool  11.1 million (the populations of Flanders, Brussels and",
        "                      Wallonia, added up)",
        "Against               11 million (the population of Belgium)",
        "Difference            +100,000 (+0.9%)",
    ]


def test_notes_compute_from_unrounded_values(uwe: Uwe) -> None:
    out = lines(uwe("notes"))
    at = out.index("GDP per capita, Wallonia as a share of Belgium: not the same in euros and in EU")
    # 21,500 / 30,500 = 70.49%, 88 / 119 = 73.95%: −3.46 points, −3.5 (not 70.5 − 73.9 = −3.4).
    assert out[at + 6 : at + 12] == [
        "Computed by the tool  70.5% (the GDP per capita of Wallonia as a percentage of",
        "                      that of Belgium)",
        "Against               73.9% (the GDP per capita index (EU-28\xa0=\xa0100) of Wallonia",
        "                      as a percentage of that of Belgium)",
        "Difference            −3.5 percentage points",
        "",
    ]
    ratio = {n["id"]: n for n in uwe("notes", "-f", "json").json()}["gdp-ratio-wallonia"]
    assert ratio["computed"]["value"] == pytest.approx(100 * 21500 / 30500)
    assert ratio["difference"]["value"] == pytest.approx(100 * 21500 / 30500 - 100 * 88 / 119)


def test_a_remark_is_not_counted_as_a_disagreement(uwe: Uwe) -> None:
    notes = {n["id"]: n for n in uwe("notes", "-f", "json").json()}
    assert {i: n["kind"] for i, n in notes.items()} == {
        "population-sum": "disagreement", "weighted-gdp-per-capita": "disagreement",
        "gdp-ratio-wallonia": "disagreement", "within-german-speaking-community": "remark",
        # (the source's errata, listed apart: neither a disagreement nor a remark)
        "silicone-valley": "erratum", "coopetion": "erratum",
    }  # fmt: skip
    out = lines(uwe("notes"))
    at = out.index("German-speaking Community: its territory lies in Wallonia; its figures are part")
    assert out[at + 2] == "Note                  a remark: the figures agree; read them with it"
    french = lines(uwe("notes", "--lang", "fr"))
    assert "Note                    remarque : les chiffres concordent ; à lire en gardant" in french


ERRATA = {
    "en": "• “Silicone Valley” [sic: Silicon Valley]: a typo: the Californian region is called Silicon Valley",
    "fr": "• « coopétion » [sic : coopétition] : faute de frappe : le mot, formé sur coopération et compétition, "
          "s’écrit coopétition (Pourquoi des clusters? (p. 8))",
    "nl": "• “coopétion” [sic: coopétition]: tikfout: het woord, van coopération en compétition, is coopétition",
    "de": "• „coopétion“ [sic: coopétition]: Tippfehler: Das Wort, aus coopération und compétition, lautet coopétition",
    "bg": "• „Silicone Valley“ [sic: Silicon Valley]:",
}  # fmt: skip


@pytest.mark.parametrize("lang", list(ERRATA))
def test_an_erratum_gives_the_tools_reading_in_brackets_never_in_quotation_marks(uwe: Uwe, lang: str) -> None:
    # Quotation marks hold the slides' words only: the tool's reading is bracketed, as in a quotation.
    shown = " ".join(uwe("notes", "--lang", lang).stdout.split())  # type: ignore[attr-defined]
    assert ERRATA[lang] in shown
    assert "« coopétition »" not in shown and "“coopétition”" not in shown and "„Silicon Valley“" not in shown


@pytest.mark.parametrize("lang", ["en", "fr", "nl", "de", "bg"])
def test_notes_write_their_formulas_in_words_and_ids_only_in_json(uwe: Uwe, lang: str) -> None:
    shown = uwe("notes", "--lang", lang).stdout
    for code_like in ("wallonia.population", "gdp_per_capita", "round(", "×", "german-speaking-community"):
        assert code_like not in shown
    notes = uwe("notes", "-f", "json", "--lang", lang).json()
    assert notes[0]["computed"]["formula"] == "flanders.population + brussels.population + wallonia.population"
    assert notes[0]["against"]["formula"] == "belgium.population"
    in_words = {"en": "the population of Belgium", "fr": "population : Belgique", "nl": "bevolking: België",
                "de": "Einwohner: Belgien", "bg": "население: Белгия"}  # fmt: skip
    assert notes[0]["against"]["in_words"] == in_words[lang]


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
    exact = (6400000 * 28800 + 1100000 * 54700 + 3600000 * 21500) / 11100000
    assert (weighted["computed"]["value"], weighted["against"]["value"]) == (pytest.approx(exact), 30500)
    assert weighted["difference"]["value"] == pytest.approx(exact - 30500)
    assert weighted["difference"]["relative_pct"] == pytest.approx(100 * (exact - 30500) / 30500)
    assert "Against               €30,500 (the GDP per capita of Belgium)" in lines(uwe("notes"))
    assert "Difference            −€1,501 (−4.9%)" in lines(uwe("notes"))
    ratio = notes["gdp-ratio-wallonia"]
    assert ratio["against"]["formula"] == "100 × wallonia.gdp_per_capita_index / belgium.gdp_per_capita_index"
    assert notes["within-german-speaking-community"]["tool_words"] == {"computed": ["computed"]}
    rows = list(csv.DictReader(io.StringIO(uwe("notes", "-f", "csv").stdout)))
    assert rows[0]["computed.value"] == "11100000" and rows[0]["tool_words.computed"] == "computed; against; difference"
    assert rows[0]["kind"] == "disagreement"


def test_notes_are_computed_from_the_data_in_use(uwe: Uwe, data_copy: Path) -> None:
    regions = data_copy / "regions.yaml"
    # Figures that add up give no note; a changed figure gives its own.
    edit(regions, "population: {value: 6400000", "population: {value: 6300000")
    edit(regions, "gdp_per_capita: {value: 28800", "gdp_per_capita: {value: 30000")
    found = uwe("--data-dir", str(data_copy), "notes", "-f", "json").json()
    notes = {n["id"]: n for n in found if n.get("kind") != "erratum"}
    assert list(notes) == ["weighted-gdp-per-capita", "gdp-ratio-wallonia", "within-german-speaking-community"]
    # (6,300,000 × 30,000 + 1,100,000 × 54,700 + 3,600,000 × 21,500) / 11,000,000
    assert round(notes["weighted-gdp-per-capita"]["computed"]["value"]) == 29688


def test_the_views_concerned_point_to_the_notes(uwe: Uwe, data_copy: Path) -> None:
    pointer = "Some of the source's figures do not agree with one another: see `uwe notes`."
    assert lines(uwe("regions"))[-3] == pointer
    assert lines(uwe("region", "flanders"))[-3] == pointer
    # Without Belgium's figures, only the community's remark is left: a remark is no disagreement,
    # so no view points to it.
    edit(data_copy / "regions.yaml", '    population: {value: 11000000, unit: people, quote: {fr: "11 millions d’habitants"}}\n',
         "")  # fmt: skip
    edit(data_copy / "regions.yaml", '    gdp_per_capita: {value: 30500, unit: EUR, quote: {fr: "PIB par habitant : 30 500 €"}}\n',
         "")  # fmt: skip
    folder = ("--data-dir", str(data_copy))
    found = uwe(*folder, "notes", "-f", "json").json()
    assert [n["id"] for n in found if n.get("kind") != "erratum"] == ["within-german-speaking-community"]
    assert pointer not in " ".join(uwe(*folder, "region", "brussels").stdout.split())
    assert pointer not in " ".join(uwe(*folder, "region", "wallonia").stdout.split())
    assert pointer not in " ".join(uwe(*folder, "region", "german").stdout.split())


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
    assert (glass["groupings"], [t["quote"] for t in glass["named_by"]].count(None)) == (26, 25)
    assert glass["source"] == ["The existing grappes"]
    out = " ".join(uwe(*folder, "sectors").stdout.split())
    assert "ARESA (the tool's reading: no words of the slides name it) CAP 2020 (the tool's reading:" in out
    assert "… and 20 more" in out
    assert "• Glass (the tool's reading: no words of the slides name it)" in uwe(*folder, "cluster", "aresa").stdout
