"""The languages of the site: the tool's five, then any a data folder adds (`translations/es.po`).

A language a data folder adds has the data's texts in it, where its catalogue translates
them, and nothing else: the interface does not speak it. Its pages say the tool's words as
the terminal says them to a reader whose language uwe does not speak (`LANG=es_ES`): in
English, with English numbers and dates; and a text its catalogue leaves out is the slides'
French, marked `[fr]`, as in every language. Each of its texts is marked with its language
(`<span lang="es">`) on a page that is otherwise English (`<html lang="en">`).
"""

from __future__ import annotations

from uwe_cli.dataset.records import Dataset
from uwe_cli.i18n.language import Language
from uwe_cli.i18n.messages import msg
from uwe_cli.output.screen import typeset
from uwe_cli.vocabulary import LANGS

# The language of the tool's words on the pages of a language the interface does not speak.
INTERFACE_FALLBACK = "en"


class AddedLanguage(Language):
    """A language of the data folder's texts only: `text` picks its translations, every
    other word (messages, numbers, dates, lists) is `INTERFACE_FALLBACK`'s."""

    def __init__(self, code: str) -> None:
        super().__init__(INTERFACE_FALLBACK)
        self.code = code


def whose(lang: Language, note: str) -> str:
    """A page's note as `lang` says it: on an added language's pages, the tool's note that it
    translated the texts (shown.TRANSLATED) says instead who did."""
    from uwe_cli.output.shown import TRANSLATED

    if isinstance(lang, AddedLanguage) and note == typeset(lang.message(TRANSLATED)):
        return added_note(lang)
    return note


def added_note(lang: Language) -> str:
    """Whose words the pages of a language a data folder adds show."""
    return typeset(lang.message(msg(
        "Texts in '{language}' are translated from the slides' French in the data folder, not by the program uwe; "
        "a text it leaves out is the slides' French, marked [fr]; the program's own words are in English.",
        language=lang.code)))  # fmt: skip


def page_language(lang: Language) -> str:
    """The language most of a page in `lang` is written in: the interface's."""
    return INTERFACE_FALLBACK if isinstance(lang, AddedLanguage) else lang.code


def speaker(code: str) -> Language:
    return Language(code) if code in LANGS else AddedLanguage(code)


def site_languages(ds: Dataset) -> tuple[str, ...]:
    """The tool's languages in their order, then those the data folder's translations add."""
    from uwe_cli.i18n import translations

    added = [code for code in translations.languages(ds.dump()) if code not in LANGS]
    return (*LANGS, *added)
