"""The dataset's texts in other languages: one gettext catalogue per language, kept honest.

The data files hold each text in French (the slides' words, or the tool's). Every other
language, English included, lives in the data folder's `translations/LANG.po`, the format
translators' tools read (one mechanism for all, so that none goes stale unseen): an
entry's context is the text's address in the dataset (`clusters/tweed/name`), its msgid the
French it translates, its msgstr the translation. When the French at that address changes,
the entry no longer matches: it is outdated, reported by `uwe data check`, and the views
show the French (marked) rather than a translation of words the data no longer has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from uwe_cli.i18n.language import SOURCE_LANGUAGE, POError, POLimit, in_languages, is_text, parse_po
from uwe_cli.i18n.messages import Message, msg

# A language a data folder may add: an ISO 639-1 code (`translations/es.po`).
LANGUAGE_FILE = re.compile(r"^([a-z]{2})\.po$")
FOLDER = "translations"
_KINDS = ("regions", "schemes", "clusters", "sectors", "lessons", "concepts", "glossary")


def misnamed(catalogues: Iterable[str]) -> Iterator[tuple[str, Message]]:
    """(name, why) for each catalogue whose name is not a language it may add: the slides'
    French is their own words, never replaced; any other is a two-letter ISO 639-1 code in
    lower case that CLDR knows (`nl.po`, not `NL.po`, `pt_BR.po` or `xx.po`)."""
    from babel import localedata

    for name in catalogues:
        if name == SOURCE_LANGUAGE:
            yield name, msg("the slides' own words are French: no translation file replaces them; remove this file")
        elif not LANGUAGE_FILE.match(f"{name}.po") or not localedata.exists(name):
            code = name.split("_")[0].split("-")[0].lower()
            example = f"{code}.po" if re.fullmatch("[a-z]{2}", code) and localedata.exists(code) else "es.po"
            yield name, msg("is not named after a language: name it with a two-letter language code in lower "
                            "case (ISO 639-1), such as {example}", example=example)  # fmt: skip


class NotPO(Exception):
    """A data folder's catalogue that cannot be read as a PO file."""

    def __init__(self, lang: str, error: POError) -> None:
        super().__init__(str(error))
        self.lang, self.line, self.message = lang, error.line, error.message


class PastLimit(NotPO):
    """A data folder's catalogue past one of the folder's limits."""


@dataclass(frozen=True)
class Outdated:
    """A translation of French the dataset no longer has (or of a text it no longer has)."""

    lang: str
    address: str
    cause: str  # a key of CAUSES


# Why a translation is outdated, as `uwe data check` says it.
CAUSES = {
    "removed": msg("the dataset has no such text any more"),
    "changed": msg("the French text has changed since it was translated"),
}


def texts(data: Mapping[str, Any]) -> list[tuple[str, dict[str, str]]]:
    """(address, text) for every text of the validated dataset, in the files' order."""
    # (a list filled in, not nested generators: a lesson may hold 460,000 points)
    found: list[tuple[str, dict[str, str]]] = []
    for kind in _KINDS:
        for record in data[kind]:
            _walk(record, f"{kind}/{record['id']}", found)
    _walk(data["organisation"], "about/organisation", found)
    _walk(data["presentation"], "about/presentation", found)
    for erratum in data.get("errata", ()):
        _walk(erratum, f"about/errata/{erratum['id']}", found)
    return found


def _walk(value: Any, address: str, found: list[tuple[str, dict[str, str]]]) -> None:
    if type(value) is dict:
        if is_text(value):
            found.append((address, value))
            return
        for key, item in value.items():
            if type(item) is dict or type(item) is list:  # (data parsed from JSON; nothing else holds a text)
                _walk(item, f"{address}/{key}", found)
    elif type(value) is list:
        for i, item in enumerate(value):
            if type(item) is dict:
                # Records in a list are addressed by id: a new slide does not shift the others.
                where = item["id"] if isinstance(item.get("id"), str) else str(i)
                _walk(item, f"{address}/{where}", found)
            elif type(item) is list:
                _walk(item, f"{address}/{i}", found)


def languages(data: Mapping[str, Any]) -> tuple[str, ...]:
    """The languages of the dataset's texts: French (the source's), then the tool's languages in
    their order (English first), then any other a data folder adds."""
    from uwe_cli.vocabulary import LANGS

    found = dict.fromkeys(code for _, text in texts(data) for code in in_languages(text))
    ours = (c for c in LANGS if c in found and c != SOURCE_LANGUAGE)
    return (SOURCE_LANGUAGE, *ours, *sorted(set(found) - set(LANGS)))


def apply(
    data: dict[str, Any], catalogues: dict[str, str], *, values: list[int] | None = None, max_values: int = 0
) -> list[Outdated]:
    """Add each language's translations (`catalogues`: code -> PO text) to the data's texts.

    English comes first: a text the same in French and English that a later catalogue leaves
    out is taken for a name (TWEED, a plain string in the files), the same in every language.
    Returns the outdated entries; their texts are left
    without that language. `values`: what is left of the folder's limit (parse_po);
    a translation obeys the text limit of the data files (TooLarge, like NotPO, says where).
    """
    from uwe_cli.dataset.texts import MAX_TEXT

    outdated: list[Outdated] = []
    found = dict(texts(data))
    for lang, source in sorted(catalogues.items(), key=lambda item: (item[0] != "en", item[0])):
        try:
            entries = parse_po(source, values=values, max_values=max_values, max_text=MAX_TEXT)
        except POLimit as exc:
            raise PastLimit(lang, exc) from None
        except POError as exc:
            raise NotPO(lang, exc) from None
        for (address, french), forms in entries.items():
            translation = forms[0] if forms else ""
            if address is None or not translation:
                continue  # the header, or an entry not translated yet
            text = found.get(address)
            if text is None:
                outdated.append(Outdated(lang, address, "removed"))
            elif text[SOURCE_LANGUAGE] != french:
                outdated.append(Outdated(lang, address, "changed"))
            else:
                text[lang] = translation
        for text in found.values():
            if lang not in text and text[SOURCE_LANGUAGE] == text.get("en"):
                text[lang] = text[SOURCE_LANGUAGE]
    return outdated


def template(data: dict[str, Any], *, lang: str, existing: str = "") -> str:
    """A PO file for `lang` with every text of the dataset, keeping what `existing` translated."""
    done = {key: forms[0] for key, forms in parse_po(existing).items() if forms and forms[0]}
    lines = [
        f"# The dataset's texts in '{lang}', translated by the tool from the slides' French.",
        "# msgctxt: where the text is in the dataset; msgid: the French it translates.",
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        f'"Language: {lang}\\n"',
        "",
    ]
    for address, text in texts(data):
        french = text[SOURCE_LANGUAGE]
        # (a text the same in French and English is often a name, to copy: TWEED; not always:
        # Construction, Innovations)
        english = [f"#. en: {text['en']}".replace("\n", " ")] if text.get("en") else []
        lines += [*english, f"msgctxt {_quoted(address)}", f"msgid {_quoted(french)}",
                  f"msgstr {_quoted(done.get((address, french), ''))}", ""]  # fmt: skip
    return "\n".join(lines)


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
