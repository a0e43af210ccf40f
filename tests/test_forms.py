"""Views return their data once: every format is derived from what JSON shows, in any language."""

from __future__ import annotations

import gettext
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from babel.messages.pofile import read_po

from uwe_cli.dataset import store
from uwe_cli.dataset.records import Dataset
from uwe_cli.i18n import language
from uwe_cli.i18n.language import Language
from uwe_cli.output.machine import to_csv, to_json
from uwe_cli.output.markdown import to_markdown
from uwe_cli.output.shown import derive, localized
from uwe_cli.views import about, cite, clusters, notes, policy, regions, schemes, search
from uwe_cli.views.form import Form, Table

VIEWS: list[tuple[Callable[..., Form], dict[str, Any]]] = [
    (about.overview, {}),
    (about.about, {}),
    (regions.regions, {}),
    (regions.regions, {"sort": "name"}),
    (regions.regions, {"names": ["german"]}),
    *((regions.region, {"name": r}) for r in ("belgium", "flanders", "brussels", "wallonia", "german")),
    (schemes.schemes, {}),
    *((schemes.scheme, {"name": s}) for s in ("technology-grappes", "regional-clusters", "poles", "export-grappes")),
    (clusters.clusters, {}),
    (clusters.clusters, {"sector": ["energy", "media"], "status": ["active"], "search": "e"}),
    (clusters.clusters, {"status": ["in-formation"]}),
    (clusters.clusters, {"status": ["not-stated"], "scheme_name": ["poles"]}),
    *((clusters.cluster, {"name": c}) for c in ("logistics", "btp", "twist")),
    (clusters.sectors, {}),
    (policy.lessons, {}),
    (policy.results, {}),
    (policy.concepts, {}),
    (cite.cite, {}),
    (cite.cite, {"target_words": ("tweed",)}),
    (cite.cite, {"target_words": ("results",)}),
    (cite.cite, {"target_words": ("wallonia", "gdp-per-capita")}),
    (search.search, {"query": "grappe"}),
    # Empty results, and what they suggest.
    (clusters.clusters, {"search": "aerospace"}),
    (clusters.clusters, {"search": "rocket"}),
    (clusters.clusters, {"sector": ["energy"], "status": ["in-formation"]}),
    (search.search, {"query": "xyzzy"}),
    (search.search, {"query": "enrgy"}),
    (notes.notes, {}),
]
IDS = [f"{view.__name__}{sorted(options.items())}" for view, options in VIEWS]


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return store.load_dataset(store.shipped_data_dir(), use_cache=False)


@pytest.mark.parametrize("code", ["en", "fr"])
@pytest.mark.parametrize(("view", "options"), VIEWS, ids=IDS)
def test_table_and_markdown_are_derived_from_the_json(
    ds: Dataset, view: Any, options: dict[str, Any], code: str
) -> None:
    lang = Language(code)
    form = view(ds, **options)
    data = localized(form, lang)
    printed = json.loads(to_json(data))  # what `--format json` prints, read back
    assert printed == data
    # The same form shown from the printed JSON gives the same screen and page: what the
    # table and Markdown show is a function of that JSON and the form's labels alone.
    assert derive(form, printed, lang) == derive(form, data, lang)
    assert to_markdown(derive(form, printed, lang)) == to_markdown(derive(form, data, lang))


def test_a_changed_value_in_the_json_changes_the_table(ds: Dataset) -> None:
    lang = Language("en")
    form = regions.regions(ds)
    data = localized(form, lang)
    data[3]["name"], data[3]["gdp_per_capita_eur"] = "Walloon Region", 21000
    shown = derive(form, data, lang)
    assert shown.rows[3][:3] == ("Walloon Region", "3.6 million", "€21,000")  # type: ignore[union-attr]
    assert [bar.shown for bar in shown.chart][3] == "€21,000"  # type: ignore[union-attr]


def _babel_keys(code: str) -> set[tuple[str | None, str]]:
    """(context, message) of every translated entry of a catalogue, as Babel reads it."""
    with (language._LOCALE / code / "LC_MESSAGES" / "uwe.po").open("rb") as handle:
        return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(handle) if m.id and m.string}


class _Recording(Language):
    """A language that remembers every message its catalogue does not translate."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.missing: set[tuple[str | None, str]] = set()
        self.known = _babel_keys(code)

    def gettext(self, message: str, context: str | None = None) -> str:
        if (context, message) not in self.known:
            self.missing.add((context, message))
        return super().gettext(message, context)

    def ngettext(self, singular: str, plural: str, n: float) -> str:
        if (None, singular) not in self.known:
            self.missing.add((None, singular))
        return super().ngettext(singular, plural, n)


def test_every_word_of_every_view_is_in_the_french_catalogue(ds: Dataset) -> None:
    lang = _Recording("fr")
    for view, options in VIEWS:
        form = view(ds, **options)
        to_markdown(derive(form, localized(form, lang), lang))
        if isinstance(form, Table):
            lang.localize(form.when_empty)
    assert lang.missing == set()


@pytest.mark.parametrize(
    ("view", "options"),
    [v for v in VIEWS if v[0] in (clusters.clusters, search.search)],
    ids=lambda v: v.__name__ if callable(v) else repr(v),
)
def test_a_tables_keys_are_its_csv_header(ds: Dataset, view: Any, options: dict[str, Any]) -> None:
    # The header an empty result prints is the one a full result has.
    form = view(ds, **options)
    data = localized(form, Language("en"))
    assert isinstance(form, Table) and form.keys
    if data:
        assert to_csv(data).splitlines()[0] == ",".join(form.keys)
    else:
        assert to_csv(data, keys=form.keys) == ",".join(form.keys) + "\n"


def test_the_catalogue_is_a_valid_po_file_that_babel_reads() -> None:
    # (tests/test_catalogues.py: uwe reads every catalogue as Babel does)
    path = language._LOCALE / "fr" / "LC_MESSAGES" / "uwe.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    assert catalogue.locale.language == "fr"
    assert catalogue.plural_expr == "(n > 1)"
    assert len(_babel_keys("fr")) == len([m for m in catalogue if m.id]) > 300


def test_a_view_knows_no_language() -> None:
    from pathlib import Path

    import uwe_cli.views

    folder = Path(uwe_cli.views.__file__).parent
    for module in folder.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        for mention in ('== "fr"', '== "en"', "'fr'", "'en'", 'lang="fr"', 'Language("en")'):
            assert mention not in source, (module.name, mention)


def test_every_message_translators_tools_extract_is_in_every_catalogue() -> None:
    from babel.messages.extract import extract_from_dir

    source = language._LOCALE.parents[1]  # (the package: every module that says something)
    keywords = {"msg": None, "msg_n": (1, 2), "msg_p": ((1, "c"), 2)}
    extracted = {
        (context, message if isinstance(message, str) else message[0])
        for _, _, message, _, context in extract_from_dir(str(source), keywords=keywords)
    }
    assert len(extracted) > 100
    for po in sorted(language._LOCALE.glob("*/LC_MESSAGES/uwe.po")):
        with po.open("rb") as handle:
            translated = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(handle) if m.string}
        assert extracted - translated == set(), po.parent.parent.name


def test_every_translation_names_only_fields_its_message_has() -> None:
    # A translation naming a field its message lacks could not be formatted (the English is
    # shown then: Language.message); `nth` is the quarter's ordinal, offered to every language.
    fields = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")
    for po in sorted(language._LOCALE.glob("*/LC_MESSAGES/uwe.po")):
        with po.open("rb") as handle:
            for m in read_po(handle):
                ids = [m.id] if isinstance(m.id, str) else list(m.id)
                strings = [m.string] if isinstance(m.string, str) else list(m.string)
                known = {name for text in ids for name in fields.findall(text)} | {"n", "nth"}
                for string in strings:
                    assert set(fields.findall(string)) <= known, (po.parent.parent.name, ids[0], string)


def test_a_translation_that_cannot_be_formatted_falls_back_to_the_english() -> None:
    from uwe_cli.i18n.messages import msg

    class Faulty(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return "{argument} fehlt: {ziel}" if message == "missing {argument}" else message

    lang = Language("de")
    lang._translations = Faulty()
    assert lang.message(msg("missing {argument}", argument="NAME")) == "missing NAME"


def test_every_message_and_translation_is_a_format_that_formats() -> None:
    # Every message is formatted, with or without fields: a lone brace (`'}'`) must be doubled.
    fields = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")
    for po in sorted(language._LOCALE.glob("*/LC_MESSAGES/uwe.po")):
        with po.open("rb") as handle:
            for m in read_po(handle):
                if not m.id:
                    continue
                texts = [m.id] if isinstance(m.id, str) else list(m.id)
                texts += [m.string] if isinstance(m.string, str) else list(m.string)
                values = {name: "x" for text in texts for name in fields.findall(text)} | {"n": 1, "nth": "1st"}
                for text in texts:
                    text.format(**values)  # (raises for a lone brace)
