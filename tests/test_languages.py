"""Five languages: every view reads as written in each, from one catalogue per language."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from helpers import english_messages
from uwe_cli.i18n import choice, language
from uwe_cli.i18n.languages import LANGUAGES

Uwe = Callable[..., Any]
# Every registered language (a language added to the registry needs its golden files).
LANGS = tuple(LANGUAGES)
GOLDEN = Path(__file__).parent / "golden"
VIEWS = {
    "overview": [],
    "regions": ["regions"],
    "clusters-energy": ["clusters", "--sector", "energy"],
    "lessons": ["lessons"],
    "schemes": ["schemes"],
    "region-wallonia": ["region", "wallonia"],
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_golden_output_at_80_columns(uwe: Uwe, lang: str, view: str) -> None:
    """`UWE_UPDATE_GOLDEN=1 pytest tests/test_languages.py` writes them anew (then read the diff)."""
    run = uwe("--lang", lang, *VIEWS[view])
    assert (run.exit_code, run.stderr) == (0, "")
    path = GOLDEN / lang / f"{view}.txt"
    if os.environ.get("UWE_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(run.stdout, encoding="utf-8")
    assert run.stdout == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["nl", "de", "bg"])
def test_no_english_message_leaks_into_another_language(uwe: Uwe, lang: str) -> None:
    english = english_messages()
    assert len(english) > 30
    for args in [*VIEWS.values(), ["sectors"], ["results"], ["concepts"], ["about"], ["notes"], ["cite", "tweed"]]:
        out = uwe("--lang", lang, *args, env={"COLUMNS": "1000"}).stdout
        leaked = sorted(p for p in english if p in out)
        assert leaked == [], (lang, args, leaked[:5])


@pytest.mark.parametrize("lang", ["fr", "nl", "de", "bg"])
def test_json_keys_ids_and_numbers_stay_texts_change(uwe: Uwe, lang: str) -> None:
    english = uwe("regions", "-f", "json").json()
    other = uwe("regions", "-f", "json", "--lang", lang).json()
    assert [sorted(r) for r in other] == [sorted(r) for r in english]
    for ours, theirs in zip(english, other, strict=True):
        # (a row's slides are named by their titles: texts, in the reader's language)
        assert {k: v for k, v in ours.items() if not isinstance(v, str) and k not in ("source", "figure_slides")} == {
            k: v for k, v in theirs.items() if not isinstance(v, str) and k not in ("source", "figure_slides")
        }
        assert theirs["id"] == ours["id"] and theirs["kind"] == ours["kind"]
    names = {r["id"]: r["name"] for r in other}
    assert names["wallonia"] == {"fr": "Wallonie", "nl": "Wallonië", "de": "Wallonien", "bg": "Валония"}[lang]
    assert names["flanders"] == {"fr": "Flandre", "nl": "Vlaanderen", "de": "Flandern", "bg": "Фландрия"}[lang]


@pytest.mark.parametrize(
    ("lang", "name", "found"),
    [
        ("nl", "wallonië", "Wallonië"),
        ("de", "wallonien", "Wallonien"),
        ("bg", "ВАЛОНИЯ", "Валония"),
        ("bg", "валония", "Валония"),
        # Short names a reader types, the tool's aliases: the Community's own, Brussels' in German and Bulgarian.
        ("de", "DG", "Deutschsprachige Gemeinschaft"),
        ("de", "ostbelgien", "Deutschsprachige Gemeinschaft"),
        ("bg", "брюксел", "Брюксел"),
        ("bg", "брюксел-столица", "Брюксел"),
    ],
)
def test_names_match_in_every_language_ignoring_case_and_accents(uwe: Uwe, lang: str, name: str, found: str) -> None:
    run = uwe("--lang", lang, "region", name)
    assert run.exit_code == 0 and run.stdout.splitlines()[0] == found


def test_the_language_comes_from_the_locale(uwe: Uwe) -> None:
    assert uwe("regions", env={"LANG": "de_BE.UTF-8"}).stdout.startswith("Belgien")
    assert uwe("regions", env={"LANG": "de_BE.UTF-8", "UWE_LANG": "nl"}).stdout.startswith("België")
    assert uwe("regions", env={"LC_ALL": "C.UTF-8"}).stdout.startswith("Belgium")


def test_an_outdated_translation_is_reported_and_shown_in_french(uwe: Uwe, data_copy: Path) -> None:
    path = data_copy / "clusters.yaml"
    text = path.read_text(encoding="utf-8")
    assert "Énergie durable" in text
    path.write_text(text.replace("Énergie durable", "Énergie durable et renouvelable", 1), encoding="utf-8")
    check = uwe("data", "check", str(data_copy))
    assert check.exit_code == 0
    outdated = [line for line in check.stdout.splitlines() if line.startswith("outdated translation:")]
    assert outdated == [
        f"outdated translation: translations/{lang}.po: clusters/tweed/memberships/0/domain: "
        "the French text has changed since it was translated"
        for lang in ("en", "bg", "de", "nl")  # (English is a translation like any other: translations/en.po)
    ]
    for lang in ("nl", "en"):
        shown = uwe("--data-dir", str(data_copy), "--lang", lang, "cluster", "tweed").stdout
        assert "Énergie durable et renouvelable [fr]" in shown
        assert "Sustainable energy" not in shown
    data = uwe("--data-dir", str(data_copy), "cluster", "tweed", "-f", "json").json()
    assert data["memberships"][0]["domain"] == "Énergie durable et renouvelable [fr]"


def test_english_in_the_data_files_is_refused_for_translations_en_po(uwe: Uwe, data_copy: Path) -> None:
    # (one place for every translation: an English beside the French would never be found outdated)
    path = data_copy / "clusters.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('{fr: "Énergie durable"}', '{fr: "Énergie durable", en: "Green energy"}', 1),
                    encoding="utf-8")  # fmt: skip
    check = uwe("data", "check", str(data_copy))
    assert check.exit_code != 0
    assert (
        ": has English beside the French: a text's English belongs in translations/en.po, like every "
        "translation (remove 'en' here)" in " ".join(check.stderr.split())
    )


def test_about_says_whose_words_each_language_is(uwe: Uwe) -> None:
    data = uwe("about", "-f", "json").json()
    assert data["languages"] == [
        {"code": "fr", "words": "slides"},
        *({"code": code, "words": "translated by the tool"} for code in ("en", "nl", "de", "bg")),
    ]


def test_a_language_a_data_folder_adds_is_the_data_folders_translation(uwe: Uwe, data_copy: Path) -> None:
    (data_copy / "translations" / "es.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n\nmsgctxt "regions/belgium/name"\nmsgid "Belgique"\nmsgstr "Bélgica"\n',
        encoding="utf-8",
    )
    data = uwe("--data-dir", str(data_copy), "about", "-f", "json").json()
    assert data["languages"][-1] == {"code": "es", "words": "translated in the data folder"}
    shown = uwe("--data-dir", str(data_copy), "--lang", "fr", "about", env={"COLUMNS": "200"}).stdout
    assert "es : traduction propre au dossier de données, à partir du français des diapositives" in shown


@pytest.mark.parametrize(
    "args", [["data", "check"], ["data", "path"], ["data", "clear-cache"], ["data", "init", "NEW"]]
)
def test_an_unknown_language_is_refused_by_every_command(uwe: Uwe, tmp_path: Path, args: list[str]) -> None:
    new = tmp_path / "new"
    run = uwe("--lang", "xx", *(str(new) if arg == "NEW" else arg for arg in args))
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == "uwe: error: unknown language 'xx' (use en, fr, nl, de or bg)\n"
    assert not new.exists()


@pytest.mark.parametrize("lang", LANGS)
def test_every_dataset_text_exists_in_every_language(lang: str) -> None:
    from uwe_cli.dataset import store
    from uwe_cli.i18n import translations

    data = store.load_dataset(store.shipped_data_dir(), use_cache=False).dump()
    missing = [address for address, text in translations.texts(data) if lang not in text]
    assert missing == []


@pytest.mark.parametrize(
    ("lang", "args", "said"),
    [
        ("de", ["region", "walonia"], "Gebiet nicht gefunden: „walonia“ (meinten Sie „Wallonien“?)"),
        (
            "fr",
            ["cluster", "t"],
            "« t » peut désigner plusieurs groupements : « TWEED » (tweed), « TWIST » (twist), "
            "« Transport ferroviaire » (rail-transport) ; tapez un identifiant entre parenthèses, ou précisez le nom",
        ),
        ("nl", ["regions", "--sort", "size"], "onbekende sorteersleutel: ‘size’ (gebruik bbp, bevolking of naam)"),
        ("bg", ["region", "xyzzy"], "няма регион „xyzzy“ (вижте „uwe regions“)"),
        ("en", ["region", "walonia"], "unknown region 'walonia' (did you mean 'Wallonia'?)"),
    ],
)
def test_errors_and_suggestions_answer_in_the_chosen_language(uwe: Uwe, lang: str, args: list[str], said: str) -> None:
    run = uwe("--lang", lang, *args)
    assert (run.exit_code, run.stderr) == (2, f"{ERROR[lang]}{said}\n")


# How an error line starts in each language.
ERROR = {
    "en": "uwe: error: ",
    "fr": "uwe : erreur : ",
    "nl": "uwe: fout: ",
    "de": "uwe: Fehler: ",
    "bg": "uwe: грешка: ",
}


@pytest.mark.parametrize("lang", [code for code in LANGS if code != "en"])
def test_every_help_text_is_in_every_catalogue(lang: str) -> None:
    import typer

    from uwe_cli.cli import commands as cli
    from uwe_cli.cli import helptext

    wanted = helptext.help_messages(typer.main.get_command(cli.app))
    assert len(wanted) > 50
    with (language._LOCALE / lang / "LC_MESSAGES" / "uwe.po").open("rb") as handle:
        translated = {(m.context, m.id) for m in read_po(handle) if m.id and m.string}
    assert wanted - translated == set()


@pytest.mark.parametrize(
    ("lang", "usage", "options"), [("fr", "Utilisation : uwe clusters [OPTIONS]", "Options"),
                                   ("de", "Aufruf: uwe clusters [OPTIONEN]", "Optionen")],
)  # fmt: skip
def test_help_is_in_the_chosen_language(uwe: Uwe, lang: str, usage: str, options: str) -> None:
    for args in (["--lang", lang, "clusters", "--help"], ["clusters", "--help", "--lang", lang]):
        shown = uwe(*args).stdout
        assert shown.startswith(usage), shown[:60]
        assert f"\n{options}" in shown and "Show this message and exit." not in shown
    assert uwe("clusters", "--help", env={"UWE_LANG": lang}).stdout.startswith(usage)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["-l", "fr", "clusters", "--sektor", "x"],
            "option inconnue : « --sektor » (vouliez-vous dire « --sector » ?)",
        ),
        (["-l", "nl", "regoins"], "onbekende opdracht: ‘regoins’ (bedoelde u ‘regions’ of ‘region’?)"),
        (["-l", "de", "clusters", "--sector"], "Wert fehlt nach --sector (siehe „uwe clusters --help“)"),
    ],
)
def test_usage_errors_answer_in_the_chosen_language(uwe: Uwe, args: list[str], said: str) -> None:
    run = uwe(*args)
    assert (run.exit_code, run.stderr) == (2, f"{ERROR[args[1]]}{said}\n")


def test_a_locale_name_asks_for_its_language_and_a_bad_uwe_lang_is_refused_in_the_locales() -> None:
    from uwe_cli.errors import UsageError

    assert choice.resolve("de-BE", {}).code == "de"
    assert choice.resolve(None, {"UWE_LANG": "fr_BE.UTF-8", "LANG": "nl_BE.UTF-8"}).code == "fr"
    with pytest.raises(UsageError) as refused:
        choice.resolve(None, {"UWE_LANG": "zz", "LANG": "bg_BG.UTF-8"})
    assert str(refused.value) == "UWE_LANG: unknown language 'zz' (use en, fr, nl, de or bg)"


def test_the_error_about_uwe_lang_is_said_in_the_locales_language(uwe: Uwe) -> None:
    run = uwe("regions", env={"UWE_LANG": "zz", "LANG": "bg_BG.UTF-8", "LC_ALL": "", "LANGUAGE": ""})
    assert (run.exit_code, run.stderr) == (
        2,
        "uwe: грешка: UWE_LANG: непознат език „zz“ (използвайте en, fr, nl, de или bg)\n",
    )
