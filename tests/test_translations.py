"""The dataset in other languages: translations by address, outdated ones caught."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from uwe_cli.dataset import store
from uwe_cli.errors import DataError
from uwe_cli.i18n import translations
from uwe_cli.i18n.language import Language, POError, parse_po


def _french_and_english() -> dict:
    """The shipped data with its English translation only (translations/en.po)."""
    import shutil
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp()) / "data"
    shutil.copytree(store.shipped_data_dir(), folder, ignore=shutil.ignore_patterns("[!e]*.po"))
    return store.load_dataset(folder, use_cache=False).dump()


DATA = _french_and_english()


def catalogue(*entries: tuple[str, str, str]) -> str:
    lines = ['msgid ""', 'msgstr ""', '"Language: nl\\n"', ""]
    for address, french, translation in entries:
        lines += [f'msgctxt "{address}"', f'msgid "{french}"', f'msgstr "{translation}"', ""]
    return "\n".join(lines)


def tweed(data: dict) -> dict:
    return next(c for c in data["clusters"] if c["id"] == "tweed")


def test_a_translation_is_found_by_its_address_and_shown() -> None:
    data = copy.deepcopy(DATA)
    outdated = translations.apply(
        data, {"nl": catalogue(("clusters/tweed/memberships/0/domain", "Énergie durable", "Duurzame energie"))}
    )
    assert outdated == []
    domain = tweed(data)["memberships"][0]["domain"]
    # (and the slide that says it: facts.py; no language)
    assert domain == {
        "fr": "Énergie durable",
        "en": "Sustainable energy",
        "slide": "walloon-clusters",
        "nl": "Duurzame energie",
    }
    assert Language("en").localize(domain) == "Sustainable energy"
    assert tweed(data)["name"]["nl"] == "TWEED"  # a name is the same in every language


def test_an_outdated_translation_is_reported_and_the_french_shown_marked() -> None:
    data = copy.deepcopy(DATA)
    outdated = translations.apply(data, {"nl": catalogue(
        ("clusters/tweed/memberships/0/domain", "Énergie", "Energie"),
        ("clusters/atlantis/name", "Atlantide", "Atlantis"),
    )})  # fmt: skip
    assert outdated == [
        translations.Outdated("nl", "clusters/tweed/memberships/0/domain", "changed"),
        translations.Outdated("nl", "clusters/atlantis/name", "removed"),
    ]
    domain = tweed(data)["memberships"][0]["domain"]
    assert "nl" not in domain
    assert Language("fr").text(domain) == "Énergie durable"
    assert Language("de").text(domain) == "Énergie durable [fr]"


def test_the_template_lists_every_text_to_translate_and_babel_reads_it() -> None:
    po = translations.template(
        DATA,
        lang="de",
        existing=catalogue(("clusters/tweed/memberships/0/domain", "Énergie durable", "Nachhaltige Energie")),
    )
    parsed = read_po(io.StringIO(po))
    by_context = {m.context: m for m in parsed if m.id}
    every = {address for address, _ in translations.texts(DATA)}
    assert set(by_context) == every
    assert by_context["clusters/tweed/memberships/0/domain"].string == "Nachhaltige Energie"
    assert by_context["clusters/tweed/memberships/0/domain"].auto_comments == ["en: Sustainable energy"]
    assert by_context["schemes/poles/name"].id == "Pôles de compétitivité"


def test_the_language_comes_from_the_option_then_uwe_lang_then_the_locale() -> None:
    from uwe_cli.i18n.choice import asked_for

    known = ("en", "fr", "nl", "de", "bg")
    assert asked_for("de", {"UWE_LANG": "fr", "LANG": "nl_BE.UTF-8"}, known=known) == ("de", "--lang")
    assert asked_for(None, {"UWE_LANG": "xx", "LANG": "nl_BE.UTF-8"}, known=known) == ("xx", "UWE_LANG")
    assert asked_for(None, {"LANG": "nl_BE.UTF-8"}, known=known) == ("nl", "LANG")
    assert asked_for(None, {"LC_ALL": "bg_BG.UTF-8", "LANG": "fr_BE.UTF-8"}, known=known) == ("bg", "LC_ALL")
    assert asked_for(None, {"LANGUAGE": "es:de", "LANG": "fr_BE.UTF-8"}, known=known) == ("de", "LANGUAGE")
    assert asked_for(None, {"LC_ALL": "C", "LANG": "fr_BE.UTF-8"}, known=known) == ("en", "default")
    assert asked_for(None, {"LANG": "es_ES.UTF-8"}, known=known) == ("en", "default")
    assert asked_for(None, {}, known=known) == ("en", "default")


@pytest.mark.parametrize(
    ("po", "said"),
    [
        ('msgctxt "a"\nmsgid "x"\n', "line 1: an entry without msgstr"),
        (
            'msgctxt "a"\nmsgid "x"\nmsgstr "y"\n\nmsgctxt "a"\nmsgid "x"\nmsgstr "z"\n',
            "line 5: an entry given twice: 'a'",
        ),
        ('msgid "x"\nmsgstr "B\\qx"\n', "line 2: unknown escape \\q"),
        ('msgid "x"\nmsgstr y\n', "line 2: a string should be in double quotes"),
        ('"y"\n', "line 1: a string that continues nothing"),
        ('msgid "a"\nmsgid "b"\nmsgstr "B"\n', "line 2: msgid given twice in one entry"),
    ],
)
def test_a_po_file_with_a_translators_slip_is_refused_where_the_slip_is(po: str, said: str) -> None:
    with pytest.raises(POError) as refused:
        parse_po(po)
    assert str(refused.value) == said


def test_a_broken_po_file_is_a_located_problem_of_the_data_folder(data_copy: Path) -> None:
    path = data_copy / "translations" / "nl.po"
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgctxt "regions/belgium/name"\nmsgid "Belgique"\nmsgstr "B"\n',
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(DataError) as caught:
        store.load_dataset(data_copy, use_cache=False)
    line = path.read_text(encoding="utf-8").count("\n") - 2
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:{line}: is not a gettext PO file (an entry given twice: 'regions/belgium/name')"
    ]
