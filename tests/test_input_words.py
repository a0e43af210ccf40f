"""What uwe shows, it accepts: every word shown for a choice or a record, in every language."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from typing import Any

import pytest
import typer

from uwe_cli.cli import commands as cli
from uwe_cli.cli import helptext
from uwe_cli.dataset import store
from uwe_cli.dataset.records import Dataset
from uwe_cli.i18n.language import Language
from uwe_cli.names import lookup
from uwe_cli.views import clusters, common, policy, regions
from uwe_cli.vocabulary import (
    CLUSTER_SORT_KEYS,
    CLUSTER_STATUSES,
    LESSON_KINDS,
    SCHEME_SORT_KEYS,
    SEARCH_SORT_KEYS,
    SORT_KEYS,
)

Uwe = Callable[..., Any]
LANGS = ("en", "fr", "nl", "de", "bg")
# Each choice, with what the tool shows for it: its words and headings.
CHOICES = [
    ("status", CLUSTER_STATUSES, clusters.STATUS_WORDS),
    ("lesson kind", LESSON_KINDS, policy.LESSON_WORDS),
    ("sort key", SORT_KEYS, regions.SORT_WORDS),
]


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return store.load_dataset(store.shipped_data_dir(), use_cache=False)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("what", "choices", "shown"), CHOICES, ids=[c[0] for c in CHOICES])
def test_every_word_shown_for_a_choice_is_accepted(lang: str, what: str, choices: Any, shown: Any) -> None:
    language = Language(lang)
    for key, messages in shown.items():
        for message in messages if isinstance(messages, tuple) else (messages,):
            word = language.message(message)
            found = lookup.choose(word, choices, what=what, shown=common.shown_words(shown))
            assert found == key, (lang, word)


@pytest.mark.parametrize("lang", ["fr", "nl", "de", "bg"])
@pytest.mark.parametrize(("option", "what", "choices", "shown"), [
    ("--status", "status", CLUSTER_STATUSES, clusters.STATUS_WORDS),
    ("--kind", "lesson kind", LESSON_KINDS, policy.LESSON_WORDS),
    ("--sort", "sort key", SORT_KEYS, regions.SORT_WORDS),
])  # fmt: skip
def test_the_choices_the_help_lists_are_the_readers_words_and_accepted(
    lang: str, option: str, what: str, choices: Any, shown: Any
) -> None:
    language = Language(lang)
    group = typer.main.get_command(cli.app)
    param = next(p for c in group.commands.values() for p in c.params if option in getattr(p, "opts", ()))
    # (the choices come first, before the rule that follows a colon or the default in brackets)
    listed = re.split(r" \(|\s?: ", language.gettext(param.help))[0].rstrip(".")
    or_word = {"fr": "ou", "nl": "of", "de": "oder", "bg": "или"}[lang]
    words = re.split(rf", | {or_word} ", listed)
    assert len(words) == len(choices), listed
    assert sum(w in choices for w in words) <= 1, listed  # the reader's words, not the ids (`population` may be both)
    assert [lookup.choose(w, choices, what=what, shown=common.shown_words(shown)) for w in words] == list(choices)


def _shown_names(ds: Dataset, kind: str) -> list[tuple[str, str]]:
    found = []
    for record in ds[kind]:
        for lang in LANGS:
            found.append((record["id"], Language(lang).text(record["name"])))
    return found


@pytest.mark.parametrize("kind", ["regions", "schemes", "clusters", "sectors"])
def test_every_name_shown_in_every_language_finds_its_record(ds: Dataset, kind: str) -> None:
    names = _shown_names(ds, kind)
    assert len(names) >= 5 * len(ds[kind])
    for record_id, name in names:
        assert common.find(ds, kind, name)["id"] == record_id, name


@pytest.mark.parametrize(
    ("lang", "args", "found"),
    [
        ("nl", ["clusters", "--status", "actief"], "actief"),
        ("de", ["clusters", "--status", "aktiv"], "aktiv"),
        ("bg", ["clusters", "--status", "активно"], "активно"),
        ("nl", ["clusters", "--status", "in-oprichting"], "in oprichting"),
        ("nl", ["lessons", "--kind", "verbeterpunten"], "Verbeterpunten"),
        ("bg", ["lessons", "--kind", "добри практики"], "Добри практики"),
        ("nl", ["regions", "--sort", "bbp"], "Bbp per"),
        ("bg", ["regions", "--sort", "БВП"], "БВП на"),
        ("nl", ["scheme", "polen"], "Competitiviteitspolen"),
        ("bg", ["scheme", "експортни"], "Износни клъстери"),
        ("nl", ["clusters", "--sector", "logistiek"], "Transport en logistiek"),
        ("nl", ["clusters", "--sector", "luchtvaart"], "Lucht- en ruimtevaart"),
        ("nl", ["clusters", "--sector", "voeding"], "Agrovoeding"),
        ("de", ["clusters", "--sector", "Lebensmittel"], "Agrar- und Ernährungswirtschaft"),
        ("bg", ["clusters", "--sector", "логистика"], "Транспорт и логистика"),
    ],
)
def test_the_readers_words_are_accepted(uwe: Uwe, lang: str, args: list[str], found: str) -> None:
    run = uwe("--lang", lang, *args)
    assert (run.exit_code, run.stderr) == (0, "")
    assert found in run.stdout


@pytest.mark.parametrize(
    ("name", "region"),
    [
        # Official names and their short forms, in each language.
        ("Vlaams Gewest", "flanders"), ("Région flamande", "flanders"), ("Flämische Region", "flanders"),
        ("Flemish Region", "flanders"), ("Фламандски регион", "flanders"),
        ("Waals Gewest", "wallonia"), ("Région wallonne", "wallonia"), ("Wallonische Region", "wallonia"),
        ("Walloon Region", "wallonia"), ("Валонски регион", "wallonia"),
        ("Bruxelles-Capitale", "brussels"), ("Région de Bruxelles-Capitale", "brussels"),
        ("Brussels Hoofdstedelijk Gewest", "brussels"), ("Region Brüssel-Hauptstadt", "brussels"),
        ("Brussels-Capital Region", "brussels"), ("Брюксел-столица", "brussels"), ("Brussel", "brussels"),
        ("Oostbelgië", "german-speaking-community"), ("Ostbelgien", "german-speaking-community"),
        ("Koninkrijk België", "belgium"),
        # Bulgarian definite forms.
        ("Германоезичната общност", "german-speaking-community"), ("Валонския регион", "wallonia"),
        ("Фламандският регион", "flanders"), ("Брюкселският столичен регион", "brussels"),
        # Bulgarian in Latin letters: the official system, with and without its final -ia, and the informal one.
        ("valonia", "wallonia"), ("valoniya", "wallonia"), ("flandriya", "flanders"), ("flandria", "flanders"),
        ("bryuksel", "brussels"), ("briuksel", "brussels"), ("belgiya", "belgium"),
        ("germanoezichna obshtnost", "german-speaking-community"),
    ],
)  # fmt: skip
def test_official_names_definite_forms_and_transliterations_find_the_region(uwe: Uwe, name: str, region: str) -> None:
    run = uwe("region", name, "-f", "json")
    assert (run.exit_code, run.stderr) == (0, ""), name
    assert run.json()["id"] == region


def _examples() -> list[tuple[str, str]]:
    group = typer.main.get_command(cli.app)
    found = sorted(m for c, m in helptext.help_messages(group) if c == helptext.EXAMPLE)
    assert len(found) > 15
    # (commands that write files, `uwe data …` and `uwe site DIR`, have their own tests)
    return [(lang, m) for lang in ("fr", "nl", "de", "bg") for m in found if not m.startswith(("uwe data", "uwe site"))]


@pytest.mark.parametrize(("lang", "example"), _examples())
def test_every_example_in_the_help_runs_in_the_readers_words(uwe: Uwe, lang: str, example: str) -> None:
    language = Language(lang)
    shown = language.gettext(example, helptext.EXAMPLE)
    assert shown.startswith("uwe")
    run = uwe("--lang", lang, *shlex.split(shown)[1:], env={"COLUMNS": "100"})
    assert (run.exit_code, run.stderr) == (0, ""), shown


@pytest.mark.parametrize("lang", ["fr", "nl", "de", "bg"])
@pytest.mark.parametrize(
    ("command", "keys"),
    [("schemes", SCHEME_SORT_KEYS), ("clusters", CLUSTER_SORT_KEYS), ("search", SEARCH_SORT_KEYS)],
)
def test_every_sort_key_the_help_lists_is_in_the_readers_words_and_accepted(lang: str, command: str, keys: Any) -> None:
    group = typer.main.get_command(cli.app)
    param = next(p for p in group.commands[command].params if "--sort" in getattr(p, "opts", ()))
    listed = re.split(r" \(|\s?: ", Language(lang).gettext(param.help))[0]
    or_word = {"fr": "ou", "nl": "of", "de": "oder", "bg": "или"}[lang]
    words = re.split(rf", | {or_word} ", listed)
    assert sum(w in keys for w in words) <= 1, listed  # the reader's words, not the ids (`status` may be both)
    assert [lookup.choose(w, keys, what="sort key") for w in words] == list(keys), listed
