"""Three origins never confused (issue 19, item 4): the slides' words (French), a translation
of them (into a named language), the tool's own words, in every format and language."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

import pytest

Uwe = Callable[..., object]


def lines(run: object) -> list[str]:
    return [line.rstrip() for line in run.stdout.splitlines()]  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["en", "nl", "de", "bg"])
def test_a_quote_is_the_slides_french_with_its_translation_beside_it(uwe: Uwe, lang: str) -> None:
    first = uwe("results", "-f", "json", "--lang", lang).json()[0]  # type: ignore[attr-defined]
    assert first["quote"] == "600 entreprises membres des pôles"
    assert first["quote_translation"]["lang"] == lang
    assert first["quote_translation"]["text"] not in ("", first["quote"])


def test_in_french_a_quote_has_no_translation_and_the_keys_stay_the_same(uwe: Uwe) -> None:
    french = uwe("results", "-f", "json", "--lang", "fr").json()[0]  # type: ignore[attr-defined]
    english = uwe("results", "-f", "json").json()[0]  # type: ignore[attr-defined]
    assert (french["quote"], french["quote_translation"]) == ("600 entreprises membres des pôles", None)
    assert list(french) == list(english)


def test_every_quote_of_a_record_is_french_nested_ones_and_statuses_too(uwe: Uwe) -> None:
    funding = uwe("scheme", "regional-clusters", "-f", "json").json()["funding"]  # type: ignore[attr-defined]
    assert funding["degression"]["quote"] == "dégressif jusque 50% sur 9 ans"
    assert funding["degression"]["quote_translation"] == {"lang": "en", "text": "tapering down to 50% over 9 years"}
    btp = uwe("cluster", "btp", "-f", "json", "--lang", "de").json()  # type: ignore[attr-defined]
    assert (btp["status_quote"], btp["status_quote_translation"]) == (
        "BTP (en formation)", {"lang": "de", "text": "Hoch- und Tiefbau (im Aufbau)"},
    )  # fmt: skip
    tweed = uwe("cluster", "tweed", "-f", "json").json()  # type: ignore[attr-defined]
    assert tweed["sector_words"][0]["quote"] == "Énergie durable"
    assert tweed["sector_words"][0]["quote_translation"] == {"lang": "en", "text": "Sustainable energy"}


def test_csv_gives_the_french_quote_and_the_translation_in_their_own_columns(uwe: Uwe) -> None:
    rows = list(csv.DictReader(io.StringIO(uwe("results", "-f", "csv", "--lang", "nl").stdout)))  # type: ignore[attr-defined]
    assert (rows[3]["quote"], rows[3]["quote_translation.lang"], rows[3]["quote_translation.text"]) == (
        "240 projets financés", "nl", "240 gefinancierde projecten",
    )  # fmt: skip


def test_the_glossary_gives_its_quotes_as_every_other_view_does(uwe: Uwe) -> None:
    terms = [c for c in uwe("concepts", "-f", "json", "--lang", "nl").json() if c["kind"] == "term"]  # type: ignore[attr-defined]
    usage = terms[0]["usages"][1]
    assert (usage["quote"], usage["quote_translation"]["lang"]) == ("10 grappes", "nl")
    assert "translation" not in usage


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("en", "As the slides say (translated)"),
        ("nl", "Volgens de dia's (vertaald)"),
        ("de", "Laut Folien (übersetzt)"),
        ("bg", "Според слайдовете (превод)"),
        ("fr", "Selon les diapositives"),
    ],
)
def test_a_label_over_translated_words_says_they_are_translated(uwe: Uwe, lang: str, label: str) -> None:
    header = uwe("results", "-f", "markdown", "--lang", lang).stdout.splitlines()[2]  # type: ignore[attr-defined]
    assert header.endswith(f"| {label} |")


@pytest.mark.parametrize(
    ("lang", "label"),
    [("nl", "Woorden van de dia's (vertaald)"), ("de", "Benannt in den Folien (übersetzt)"),
     ("fr", "D’après les diapositives")],
)  # fmt: skip
def test_the_sectors_label_over_the_slides_words_says_when_they_are_translated(uwe: Uwe, lang: str, label: str) -> None:
    header = uwe("sectors", "-f", "markdown", "--lang", lang).stdout.splitlines()[2]  # type: ignore[attr-defined]
    assert header.endswith(f"| {label} |")


def test_a_translated_definition_is_never_put_in_quotation_marks_as_its_authors_words(uwe: Uwe) -> None:
    english = lines(uwe("concepts"))
    assert english[3] == "• Porter, 1998, in a translation of the slides' French: Clusters are geographic"
    definitions = "\n".join(english[3 : english.index("Why clusters?")])
    # (the dissertation that quotes them has its title in quotation marks: a title, not their words)
    said = re.sub(r"– Quoted in:.*?(?=\n• |\Z)", "", definitions, flags=re.S)
    assert "Quoted in" not in said and "Graitson, 2000" in said
    assert "“" not in said and "Porter, 1998)" not in definitions
    german = lines(uwe("concepts", "--lang", "de"))
    assert german[3].startswith("• Porter, 1998, aus dem Französischen der Folien übersetzt: Cluster sind")
    french = lines(uwe("concepts", "--lang", "fr"))
    assert french[3].startswith("• « Les clusters sont des concentrations")
    # (the slides' own « (PORTER, 1998) », verbatim: i19a's cited_as)
    assert any(line.endswith("(PORTER, 1998)") for line in french[3:8])


def test_a_search_match_in_a_quote_says_whether_it_is_the_slides_words_or_a_translation(uwe: Uwe) -> None:
    def labels(*args: str) -> list[tuple[str, str]]:
        return [(h["field_label"], h["lang"]) for h in uwe("search", *args, "-f", "json").json()]  # type: ignore[attr-defined]

    # (a figure's quote is named by its figure: "First assessment, as the slides say")
    assert labels("patents filed") == [
        ("First assessment", "en"),
        ("First assessment, as the slides say (translated)", "en"),
    ]
    assert labels("brevets") == [("First assessment", "fr"), ("First assessment, as the slides say", "fr")]
    dutch = lines(uwe("search", "octrooiaanvragen", "--lang", "nl"))
    assert dutch[-3:] == [
        "Competitiviteitspolen   regeling   Eerste balans,          202 ingediende",
        "                                   volgens de dia's        octrooiaanvragen",
        "                                   (vertaald)",
    ]


@pytest.mark.parametrize("lang", ["en", "nl", "de", "bg"])
def test_quotation_marks_hold_only_the_slides_words(uwe: Uwe, lang: str) -> None:
    # The words a status or a sector tag is read from are quoted as the slides print them.
    btp = " ".join(uwe("cluster", "btp", "--lang", lang).stdout.split())  # type: ignore[attr-defined]
    assert "BTP (en formation)" in btp
    tweed = " ".join(uwe("cluster", "tweed", "--lang", lang).stdout.split())  # type: ignore[attr-defined]
    assert "Énergie durable" in tweed
