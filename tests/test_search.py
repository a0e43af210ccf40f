"""`uwe search`: ranked hits in words a reader knows, never ids, units or internal paths."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

Uwe = Callable[..., Any]
# Fields that hold the source's words; everything else (ids, units, codes, periods) is never searched.
TEXT_FIELDS = re.compile(r"^(name|title|subtitle|aliases|synonyms|acronym|author|summary|definition|criteria|features|"
                         r"objectives|activity_axes|activities|benefits|outcome|assessment|participants|legal_basis|"
                         r"period|funding|groupings|results|text|points|quoted_in|actions|kind|mission|role|members|"
                         r"member_federations|capital|form_of_state|language_note|main_industrial_sectors|"
                         r"subdivisions|gdp_per_capita_world_rank|memberships|meaning|usages|obligations|heading|\w+(\[\d+\])?\.quote)\b")  # fmt: skip


def test_hits_are_ranked_names_first(uwe: Uwe) -> None:
    hits = uwe("search", "grappe", "-f", "json").json()
    assert [(h["kind"], h["id"], h["field"]) for h in hits] == [
        ("term", "grappe", "name"),
        ("term", "grappe-technologique", "name"),
        ("term", "grappe-d-exportation", "name"),
        ("scheme", "technology-grappes", "name"),
        ("scheme", "export-grappes", "name"),
        ("slide", "technology-grappes", "title"),
        ("slide", "export-grappes", "title"),
        ("slide", "export-grappes-benefits", "title"),
        ("slide", "export-grappes-existing", "title"),
        ("scheme", "technology-grappes", "aliases[0]"),
        ("scheme", "export-grappes", "aliases[0]"),
        ("term", "grappe", "meaning"),
        ("term", "grappe", "usages[0].quote"),
        ("term", "grappe-technologique", "meaning"),
        ("term", "grappe-technologique", "usages[0].quote"),
        ("term", "grappe-d-exportation", "meaning"),
        ("term", "grappe-d-exportation", "usages[0].quote"),
        ("scheme", "technology-grappes", "groupings.quote"),
        ("scheme", "poles", "summary"),
        ("scheme", "poles", "features[6]"),
        ("scheme", "export-grappes", "groupings.note"),
        ("scheme", "export-grappes", "benefits[0].benefits"),
    ]


@pytest.mark.parametrize("query", ["e", "eur", "export-grappes", "regional-clusters", "people", "as presented", "BE3"])
def test_ids_units_codes_and_periods_are_never_matched(uwe: Uwe, query: str) -> None:
    for hit in uwe("search", query, "-f", "json").json():
        assert TEXT_FIELDS.match(hit["field"]) and not re.search(r"\.(scheme|unit|period|base|id)$", hit["field"]), hit
        assert hit["text"] not in ("EUR", "export-grappes", "people", "as presented, April 2014"), hit
    # An id's words match the names that have them, never the id nor the references to it.
    assert [h["field"] for h in uwe("search", "export-grappes", "-f", "json").json()] == [
        "aliases[4]",
        "meaning",
        "meaning",
    ]


def test_fields_are_named_as_a_reader_knows_them(uwe: Uwe) -> None:
    hits = uwe("search", "valorisation", "-f", "json").json()
    assert [(h["id"], h["field"], h["field_label"], h["lang"]) for h in hits] == [
        ("waste", "synonyms[10]", "Also matches", None),
        ("technology-grappes", "objectives[2]", "Objectives", "fr"),
        ("val-plus", "memberships[0].domain", "Domain (Regional clusters)", "fr"),
        ("insufficient-rd-valorisation", "text", "Text", "fr"),
    ]
    assert hits[3]["name"] == "Points to improve"  # (a lesson has no name; its heading says what it is)
    french = uwe("search", "valorisation", "-f", "json", "--lang", "fr").json()
    assert [h["field_label"] for h in french] == [
        "Autres noms reconnus",
        "Objectifs",
        "Domaine (Clusters régionaux)",
        "Texte",
    ]


def test_the_table_names_the_language_of_a_match_in_the_other_one(uwe: Uwe) -> None:
    out = uwe("search", "valorisation", env={"COLUMNS": "120"}).stdout.splitlines()
    assert out[:6] == [
        "“valorisation”: 4 matches",
        "Record                Kind       Field                                   Match",
        "─" * 120,
        "Waste                 sector     Also matches                            valorisation des déchets",
        "",
        "Technology clusters   scheme     Objectives, in French                   valorisation",
    ]
    assert "Texte " in uwe("search", "valorisation", "--lang", "fr", env={"COLUMNS": "120"}).stdout


@pytest.mark.parametrize("query", ["sponsors", "grappe", "pôles", "entreprises", "r&d"])
def test_snippets_are_cut_between_words(uwe: Uwe, query: str) -> None:
    hits = uwe("search", query, "-f", "json").json()
    shown = uwe("search", query, "-f", "markdown").stdout.splitlines()[4:]
    assert len(shown) == len(hits)
    for hit, line in zip(hits, shown, strict=True):
        snippet = line.rstrip(" |").rsplit(" | ", 1)[1].replace("\\\\", "")
        inner = snippet.strip("…")
        text = hit["text"]
        assert inner in text, (inner, text)
        start = text.index(inner)
        end = start + len(inner)
        assert start == 0 or text[start - 1] == " ", (query, snippet)
        assert end == len(text) or text[end] == " " or text[end - 1] in ".,;:", (query, snippet)
        assert snippet.startswith("…") == (start > 0) and snippet.endswith("…") == (end < len(text.rstrip()))


def test_a_hit_in_a_facts_words_cites_that_facts_slide(uwe: Uwe) -> None:
    # Wallonia cites two slides; its unemployment rate is on its own, its population on Belgium's.
    hits = uwe("search", "chômage", "-f", "json").json()
    assert [(h["id"], h["field"], h["source"]) for h in hits] == [
        ("wallonia", "unemployment_rate[0].quote", ["Wallonia in a few figures"])
    ]
    hits = uwe("search", "3,6 millions", "-f", "json").json()
    assert [(h["field"], h["field_label"], h["source"]) for h in hits] == [
        ("population.quote", "Population", ["Belgium in a few words"])
    ]
