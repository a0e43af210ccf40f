"""`uwe search`: ranked hits in words a reader knows, never ids, units or internal paths."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from uwe_cli.i18n.messages import Message
from uwe_cli.names import matching
from uwe_cli.views import search

Uwe = Callable[..., Any]
# Fields that hold the source's words; everything else (ids, units, codes, periods) is never searched.
TEXT_FIELDS = re.compile(r"^(name|title|subtitle|aliases|synonyms|acronym|author|summary|definition|criteria|features|"
                         r"objectives|activity_axes|activities|benefits|outcome|assessment|participants|legal_basis|"
                         r"period|funding|groupings|results|text|points|quoted_in|actions|kind|mission|role|members|"
                         r"member_federations|capital|form_of_state|language_note|main_industrial_sectors|"
                         r"subdivisions|gdp_per_capita_world_rank|memberships|meaning|usages|obligations|heading|cited_as|\w+(\[\d+\])?\.quote)\b")  # fmt: skip


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
        ("slide", "export-grappes-existing", "title"),  # (the slide has no subtitle: i19a, as the source)
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
        "name",  # ("Export grappes": the scheme, and the titles of its two slides)
        "title",
        "title",
        "aliases[4]",
        "meaning",
        "meaning",
        "usages[0].quote",
    ]


def test_fields_are_named_as_a_reader_knows_them(uwe: Uwe) -> None:
    hits = uwe("search", "valorisation", "-f", "json").json()
    assert [(h["id"], h["field"], h["field_label"], h["lang"]) for h in hits] == [
        ("waste", "synonyms[10]", "Also matches", None),
        ("technology-grappes", "objectives[2]", "Objectives", "en"),  # (matched in English too: shown so)
        ("val-plus", "memberships[0].domain", "Domain (Regional clusters)", "fr"),
        ("insufficient-rd-valorisation", "text", "Text", "en"),
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
    assert out[:9] == [
        "“valorisation”: 4 matches",
        "Record               Kind       Field                                   Match",
        "─" * 120,
        "Waste                sector     Also matches                            valorisation des déchets",
        "Technology grappes   scheme     Objectives                              Exploitation of results (valorisation)",
        "(Val)+               grouping   Domain (Regional clusters), in French   Collecte, traitement et valorisation des déchets",
        "",
        "Points to improve    lesson     Text                                    Too little exploitation (valorisation) of the",
        "                                                                        results of R&D projects",
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


def _every_field(ds: Any) -> list[tuple[str, Any]]:
    from uwe_cli.views.common import citable

    names = {s["id"]: s["name"] for s in ds["schemes"]}
    return [
        (field, search._label(record, field, names))
        for kind, record in [*citable(ds, slides=True), *(("sector", s) for s in ds["sectors"])]
        for field, _, _, _ in search._strings(record)
    ]


@pytest.mark.parametrize("lang", ["fr", "nl", "de", "bg"])
def test_every_field_search_can_name_is_named_in_the_readers_language(lang: str) -> None:
    from babel.messages.pofile import read_po

    from uwe_cli.dataset import store
    from uwe_cli.i18n.language import _LOCALE, Language

    ds = store.load_dataset(store.shipped_data_dir(), use_cache=False)
    fields = _every_field(ds)
    assert len(fields) > 300
    english = Language("en")
    with (_LOCALE / lang / "LC_MESSAGES" / "uwe.po").open("rb") as handle:
        catalogue = {(m.context, m.id) for m in read_po(handle) if m.id and m.string}
    for field, label in fields:
        assert isinstance(label, Message), field  # never the path itself (`funding, amount per year, quote`)
        assert (label.context, label.id) in catalogue, (lang, field, english.message(label))


@pytest.mark.parametrize(
    ("lang", "query", "record", "text"),
    [
        # Each word of the phrase starts a word, in order: inflected forms are found.
        ("bg", "полюс на конкурентоспособност", "poles", "Полюси на конкурентоспособност"),
        ("nl", "regionale cluster", "regional-clusters", "Regionale clusters"),
        ("de", "Wettbewerbspol", "poles", "Wettbewerbspole"),
        ("fr", "pôle de compét", "poles", "Pôles de compétitivité"),
    ],
)
def test_a_phrase_matches_word_beginnings_in_order_and_in_the_readers_language(
    uwe: Uwe, lang: str, query: str, record: str, text: str
) -> None:
    hits = uwe("search", query, "-f", "json", "--lang", lang).json()
    assert (record, text, lang) in [(h["id"], h["text"], h["lang"]) for h in hits]


def test_a_phrase_finds_as_much_in_bulgarian_as_in_english(uwe: Uwe) -> None:
    english = uwe("search", "competitiveness pole", "-f", "json").json()
    bulgarian = uwe("search", "полюс на конкурентоспособност", "-f", "json", "--lang", "bg").json()
    assert len(bulgarian) >= len(english) >= 9
    assert not matching.mentions("competitiveness poles", "pole competitiveness")  # (in order)
    assert not matching.mentions("competitiveness and poles", "competitiveness pole")  # (one after the other)


def test_search_matches_words_from_their_start_not_inside_them(uwe: Uwe) -> None:
    # "energ" starts "Énergie"/"energy"; "erg" is only inside those words (and "Ergebnisse"
    # is German, which `uwe search` shows as a hit of its own, word-start again).
    def ids(*args: str) -> list[str]:
        return [c["id"] for c in uwe("clusters", *args, "-f", "json").json()]

    assert ids("--search", "energ") == ["cap-2020", "tweed", "environment"]
    assert ids("--search", "erg") == ids("--search", "nergie") == []
    assert [hit["id"] for hit in uwe("search", "ergebnis", "-f", "json").json()] == [
        "insufficient-rd-valorisation",
        "varied-objectives",
    ]
    assert uwe("search", "rgebnis", "-f", "json").json() == []


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


def test_a_match_is_highlighted_over_exactly_the_characters_typed() -> None:
    # What the screen highlights: from the first character of the match to its last, accents,
    # capitals and punctuation of the text kept, nothing before or after.
    text = "R&D-projets d’Énergie, pôle ÉNERGIE"
    assert [text[start:end] for start, end in matching.spans(text, "r d")] == ["R&D"]
    assert [text[start:end] for start, end in matching.spans(text, "energ")] == ["Énerg", "ÉNERG"]
    assert [text[start:end] for start, end in matching.spans(text, "pole energie")] == ["pôle ÉNERGIE"]
    assert matching.spans(text, "nergie") == []  # (a word's start only)
