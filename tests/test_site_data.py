"""`uwe site` on what a data folder holds: a language it adds (`translations/es.po`) has its
pages, linked to and from the others; a slide's whole text, where the data has it, is on the
slide's page, in French, and a folder without it keeps the words its facts quote."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import html5lib
import pytest

from uwe_cli.dataset import store
from uwe_cli.output.site import build
from uwe_cli.output.site.text import escaped
from uwe_cli.vocabulary import LANGS

SPANISH = """# A made-up Spanish translation of three texts.
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: es\\n"

msgctxt "regions/wallonia/name"
msgid "Wallonie"
msgstr "Valonia"

msgctxt "regions/belgium/name"
msgid "Belgique"
msgstr "Bélgica"

msgctxt "regions/wallonia/capital"
msgid "Namur"
msgstr "Namur (ciudad)"
"""


@pytest.fixture
def spanish(main: Callable[..., object], data_copy: Path, tmp_path: Path) -> Path:
    (data_copy / "translations" / "es.po").write_text(SPANISH, encoding="utf-8")
    run = main("--data-dir", str(data_copy), "site", str(tmp_path / "site"))
    assert run.exit_code == 0, run.stderr  # type: ignore[attr-defined]
    return tmp_path / "site"


def _alternates(page: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([a-z]+)" href="([^"]+)">', page))


def test_a_language_the_data_folder_adds_has_every_page_linked_to_and_from_the_others(spanish: Path) -> None:
    for lang in LANGS:
        pages = sorted(p.relative_to(spanish / lang) for p in (spanish / lang).rglob("*.html"))
        assert pages == sorted(p.relative_to(spanish / "es") for p in (spanish / "es").rglob("*.html")), lang
    for page in (spanish / "bg" / "region" / "wallonia.html", spanish / "es" / "region" / "wallonia.html"):
        found = _alternates(page.read_text(encoding="utf-8"))
        assert list(found) == [*LANGS, "es"]
        assert (page.parent / found["es"]).resolve() == spanish / "es" / "region" / "wallonia.html"
        assert (page.parent / found["bg"]).resolve() == spanish / "bg" / "region" / "wallonia.html"
    switch = (spanish / "de" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../es/index.html" hreflang="es" lang="es">es</a>' in switch
    first = (spanish / "index.html").read_text(encoding="utf-8")
    assert '<li lang="en"><a href="es/index.html" hreflang="es" lang="es">es</a> — Texts in \'es\' are' in first


def test_its_pages_are_english_around_its_texts_each_marked_with_its_language(spanish: Path) -> None:
    text = (spanish / "es" / "region" / "wallonia.html").read_text(encoding="utf-8")
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)
    # The interface does not speak it: its words, numbers and dates are English, as the terminal's
    # for a reader whose language uwe does not speak; the data folder's texts are Spanish, marked so.
    assert tree.get("lang") == "en"
    assert '<h1><span lang="es">Valonia</span></h1>' in text
    assert "<dt>GDP per capita</dt><dd>€21,500" in text
    assert '<dt>Capital</dt><dd><span lang="es">Namur (ciudad)</span>' in text
    # A text its catalogue leaves out: the slides' French, marked [fr], as in every language.
    assert '<span lang="fr" class="slides-words">La Wallonie en quelques chiffres</span> [fr]</a>' in text
    # Whose translation it is: the data folder's, never said to be the tool's.
    note = ("Texts in 'es' are translated from the slides' French in the data folder, not by the program uwe; a "
            "text it leaves out is the slides' French, marked [fr]; the program's own words are in English.")  # fmt: skip
    assert f"<p>{note}</p></div>" in text and f"<li>{note}</li>" in text
    assert "by the tool" not in text and "made by the program uwe, and say so" not in text
    bg = (spanish / "bg" / "region" / "wallonia.html").read_text(encoding="utf-8")
    assert '<html lang="bg">' in bg and 'lang="es"' not in bg.split("</header>")[1]


def test_a_slides_page_shows_its_whole_text_in_french() -> None:
    ds = store.load_dataset(store.shipped_data_dir(), use_cache=False)
    pages = dict(build.files(ds, languages=("bg", "fr")))
    slide = pages["bg/slide/wallonia.html"]
    text = next(s["text"] for s in ds["presentation"]["slides"] if s["id"] == "wallonia")
    # (each line as the terminal sets French: no line break inside `3,6 millions` or before `:`)
    lines = "".join(f"<p>{escaped(line)}</p>" for line in text.splitlines())
    assert f'<h2>Целият слайд, както е написан (на френски)</h2><blockquote class="slide-text slides-words" ' \
           f'lang="fr">{lines}</blockquote>' in slide  # fmt: skip
    assert "<p>• PIB/hab (eur28=100)\u00a0: indice 88  (pour EUR15=100, indice 80)</p>" in slide
    assert "<p>métalliques,  agro-alimentaire, chimie.</p></blockquote>" in slide
    # The words the data records from it follow, each with its translation.
    assert "<h2>Думите от слайда, както са записани в данните</h2>" in slide
    assert "“, в превод: БВП/човек (ЕС28=100): индекс 88</li>" in slide  # (a translation is no quotation)
    assert "<h2>La diapositive entière, telle qu’elle est écrite</h2>" in pages["fr/slide/wallonia.html"]


def test_a_data_folder_without_the_slides_text_keeps_the_words_its_facts_quote(data_copy: Path) -> None:
    about = data_copy / "about.yaml"
    about.write_text(re.sub(r"\n      text: \|-\n(        .*\n)+", "\n", about.read_text(encoding="utf-8")), "utf-8")
    ds = store.load_dataset(data_copy, use_cache=False)
    assert not any(s.get("text") for s in ds["presentation"]["slides"])
    slide = dict(build.files(ds, languages=("en",)))["en/slide/wallonia.html"]
    assert "slide-text" not in slide and "The whole slide" not in slide
    assert "<h2>The slide's words, as the data records them</h2>" in slide


def test_from_the_bulgarian_home_page_to_wallonias_gdp_per_capita_and_its_slide() -> None:
    # The path of a reader who never used a terminal: home, Wallonia, its GDP per capita, the slide.
    ds = store.load_dataset(store.shipped_data_dir(), use_cache=False)
    pages = dict(build.files(ds, languages=("bg",)))
    assert '<dt><a href="region/wallonia.html">Валония</a></dt><dd>3,6 млн., БВП на човек 21 500 €' in pages[
        "bg/index.html"
    ].replace("\u00a0", " ")
    assert '<li><a href="../bg/about.html">UWE и източникът</a></li>' in pages["bg/index.html"]
    # (no command a web page cannot run: every item of "Go further" opens a page)
    further = pages["bg/index.html"].split("<h2>За повече информация</h2>")[1].split("</ul>")[0]
    assert further.count("<li><a href=") == further.count("<li>") == 8
    assert "uwe search" not in further and "--help" not in further
    region = pages["bg/region/wallonia.html"]
    gdp = region[region.index("<dt>БВП на човек</dt>") :].split("</dd>")[0]
    assert gdp.endswith('<a class="slide-ref" href="../slide/belgium.html">Белгия накратко</a></span>')
    slide = pages["bg/slide/belgium.html"]
    assert "<p>• Wallonie (langue française, 3,6\u00a0millions d’habitants, PIB/hab: 21 500 €)</p>" in slide
