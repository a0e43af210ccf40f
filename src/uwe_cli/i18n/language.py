"""The language a command answers in: its catalogue of interface words, and the data's texts.

The interface is written in English in the code, each message marked with `msg()` (see
messages.py), and translated through one gettext catalogue per language,
`locale/LANG/LC_MESSAGES/uwe.po` beside this file: the format translators' tools read and
`pybabel extract -k msg -k msg_n:1,2 -k msg_p:1c,2` can refresh; the build compiles each to
the `uwe.mo` beside it, which gettext reads. A dataset's texts carry their own
languages (`{fr: ..., en: ...}`, French being the slides' own words).

`Language.localize` turns what a view returns into what JSON shows in that language:
dataset texts become strings, messages are translated and filled in.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any, Final, Literal

from uwe_cli.i18n import mo
from uwe_cli.i18n.languages import LANGUAGES
from uwe_cli.i18n.messages import Day, Listing, Message, OverSlidesWords, Preferred, Quantity, msg, msg_n, msg_p, nested
from uwe_cli.i18n.mo import Catalogue
from uwe_cli.i18n.ordinals import english_ordinal

# The languages of the dataset's texts; the first is the source's (the slides are French).
# (literal types: a text's `text[SOURCE_LANGUAGE]` is checked as `text["fr"]`)
TEXT_LANGUAGES: tuple[Literal["fr"], Literal["en"]] = ("fr", "en")
SOURCE_LANGUAGE: Final = TEXT_LANGUAGES[0]
# Each language's name, a message of the catalogue (context "language"), as registered.
LANGUAGE_NAMES = {code: registered.name for code, registered in LANGUAGES.items()}


# Fields that hold the slides' words a fact is read from. JSON gives them as the slides
# print them (French) in every language, with the translation beside them under
# `FIELD_translation`: `{"lang": "en", "text": ...}`, null in French (nothing is translated)
# or where the language has no translation. So a quote is never a translation in disguise.
QUOTE_FIELDS = frozenset({"quote", "status_quote"})


def is_text(value: Mapping[str, Any]) -> bool:
    """Whether validated data is a dataset text (keyed by language codes), not a record.

    A text of the slides also names its slide (`slide`: dataset/facts.py), which is no language.
    """
    # (a list, not all() over a generator: three times faster, and this runs for each of a dataset's texts)
    return SOURCE_LANGUAGE in value and not [key for key in value if len(key) != 2 and key != "slide"]


def in_languages(text: Mapping[str, Any]) -> dict[str, str]:
    """A dataset text's words by language, without its slide."""
    return {key: words for key, words in text.items() if key != "slide"}


def every_language(message: Message) -> tuple[str, ...]:
    """`message` as each of the tool's languages shows it (English first), without repeats: what a
    reader may type back for a word the tool showed them (`actief`, `aktiv`, `активно`)."""
    from uwe_cli.vocabulary import LANGS

    return tuple(dict.fromkeys(Language(code).message(message) for code in LANGS))


_current: Language | None = None


def use(language: Language) -> None:
    """Make `language` the language of this command's messages, errors included."""
    global _current
    _current = language


def current() -> Language:
    """The language of this command (English until the command has chosen one)."""
    return _current if _current is not None else Language("en")


class Worded(Exception):
    """An exception whose words are a message (messages.Message): `message`, said in the
    reader's language where it is reported; `str()`, its English (a traceback, a log,
    pydantic). Here rather than in `uwe_cli.errors` (which re-exports it): saying it
    needs a `Language`, and this module imports nothing of the tool's but its messages."""

    def __init__(self, message: Any, *args: Any) -> None:
        super().__init__(*args)
        self.message = message

    def __str__(self) -> str:
        return str(Language("en").localize(self.message))


class Language:
    """One language of the interface: words from its catalogue, numbers in its style."""

    def __init__(self, code: str) -> None:
        self.code = code
        self._translations = _translations(code)
        self.cldr: dict[str, Any] = _cldr()[code]

    @property
    def is_source(self) -> bool:
        """Whether the dataset's texts in this language are the slides' own words."""
        return self.code == SOURCE_LANGUAGE

    def gettext(self, message: str, context: str | None = None) -> str:
        if context is None:
            return self._translations.gettext(message)
        return self._translations.pgettext(context, message)

    def ngettext(self, singular: str, plural: str, n: float) -> str:
        return self._translations.ngettext(singular, plural, int(n))

    def digits(self, shown: str) -> str:
        """A number written `1,234.5` in this language's symbols (CLDR's: `1 234,5` in French;
        `1211` in Bulgarian, which groups only from five digits on)."""
        if self.cldr["min_grouping"] > 1:
            shown = _FOUR_DIGITS.sub(r"\1\2", shown)
        return shown.translate(str.maketrans({",": self.cldr["group"], ".": self.cldr["decimal"]}))

    def date(self, day: date) -> str:
        month = self.cldr["months"][day.month - 1]
        return str(self.cldr["date"].format(day=day.day, month=month, year=day.year))

    def listing(self, items: list[str], *, style: str = "standard") -> str:
        """`a, b and c` (or `a, b or c`) as CLDR's list patterns join them in this language;
        `comma`: `a, b, c`, a plain enumeration; `semicolon`: `a; b; c` (`a ; b` in French)."""
        if style == "comma":
            return ", ".join(items)
        if style == "semicolon":
            return self.message(_SEMICOLON).join(items)
        patterns = self.cldr["lists"][style]
        if len(items) < 2:
            return "".join(items)
        if len(items) == 2:
            return str(patterns["2"].format(*items))
        shown = patterns["end"].format(items[-2], items[-1])
        for item in reversed(items[1:-2]):
            shown = patterns["middle"].format(item, shown)
        return str(patterns["start"].format(items[0], shown))

    def ordinal(self, n: int) -> str:
        registered = LANGUAGES.get(self.code)
        return registered.ordinal(n) if registered else english_ordinal(n)

    def text(self, value: Any) -> str:
        """A dataset text in this language (a plain string is the same in every language).

        Where the data has no translation (or only an outdated one), the slides' French,
        marked as such, rather than nothing.
        """
        if isinstance(value, Mapping):
            found = value.get(self.code)
            return str(found) if found is not None else f"{value[SOURCE_LANGUAGE]} [{SOURCE_LANGUAGE}]"
        return "" if value is None else str(value)

    def translation(self, value: Mapping[str, Any] | None) -> dict[str, str] | None:
        """A text of the slides' words translated into this language, saying which language:
        None in the slides' own language, or where this language has no translation of it."""
        if value is None or self.is_source or value.get(self.code) is None:
            return None
        return {"lang": self.code, "text": str(value[self.code])}

    def message(self, message: Message) -> str:
        if message.plural is not None:
            template = self.ngettext(message.id, message.plural, message.args["n"])
        else:
            template = self.gettext(message.id, message.context)
        args = {key: self.localize(value) for key, value in message.args.items()}
        # « Les “grappes technologiques” », “The ‘technology grappes’”: quotes inside quotes are the other pair
        args = {key: nested(value, inside="«") if f"{{{key}}} »" in template else
                nested(value, inside="“") if f"“{{{key}}}”" in template else value for key, value in args.items()}  # fmt: skip
        if message.plural is not None:
            args["n"] = self.localize(Quantity(message.args["n"]))
        try:
            return template.format(**args)
        except (KeyError, IndexError, ValueError):  # a translation that names a field its message has not
            english = message.id if message.plural is None or message.args["n"] == 1 else message.plural
            try:
                return english.format(**args)
            except (KeyError, IndexError, ValueError):  # (a fault of the tool's own: never worse than its words)
                return english

    def localize(self, value: Any) -> Any:
        """Data as JSON shows it in this language: texts chosen, messages translated."""
        kind = type(value)
        if kind is dict:
            if is_text(value):
                return self.text(value)
            shown: dict[str, Any] = {}
            for key, item in value.items():
                if key in QUOTE_FIELDS and (item is None or (type(item) is dict and is_text(item))):
                    shown[key] = item and item[SOURCE_LANGUAGE]
                    shown[f"{key}_translation"] = self.translation(item)
                else:
                    shown[key] = self.localize(item)
            return shown
        if kind is list or kind is tuple:
            return [self.localize(item) for item in value]
        if kind is Message:
            return self.message(value)
        if kind is OverSlidesWords:
            return self.message(value.source if self.is_source else value.translated)
        if kind is Day:
            return self.date(value.day)
        if kind is Quantity:
            from uwe_cli.i18n.formatting import number  # (only where a message has a quantity)

            return number(value.value, self)
        if kind is Preferred:
            chosen = dict(value.values).get(self.code, value.values[0][1]) if value.values else None
            return self.localize(chosen)
        if kind is Listing:
            return self.listing([str(self.localize(item)) for item in value.items], style=value.style)
        return value


# A whole part of four digits, `1,211` (not `12,110` or `1,211,000`).
_FOUR_DIGITS = re.compile(r"(?<![\d,])(\d),(\d{3})(?![\d,])")
# How items are set apart where a comma would not do (`11.1% (2013); 11.2% (Q4 2013)`).
_SEMICOLON = msg_p("list", "; ")


# The catalogues (mo.py) and CLDR's data, beside this file.
_LOCALE = mo.LOCALE


@cache
def _cldr() -> dict[str, Any]:
    """Numbers, dates and lists by CLDR's rules, per language (scripts/update-cldr writes it)."""
    import json

    return dict(json.loads((_LOCALE / "cldr.json").read_text(encoding="utf-8")))


@cache
def _translations(code: str) -> gettext.NullTranslations:
    """The interface's catalogue for `code` (mo.py)."""
    return mo.read(code, parse=parse_po)


def parse_po(
    source: str, *, values: list[int] | None = None, max_values: int = 0, max_text: int | None = None
) -> Catalogue:
    """msgctxt / msgid / msgid_plural / msgstr[N] entries; comments and fuzzy flags honoured.

    An entry without msgstr, an entry or a keyword given twice and an unknown escape are
    errors, as for msgfmt: a translator's slip, not a translation to show. A data folder's
    catalogue is data under the folder's limits: `values[0]`, the values the folder may
    still hold (of `max_values`), goes down by one for each string (msgctxt, msgid, msgstr),
    and a string is at most `max_text` characters; POLimit says where a limit is passed."""
    entries: Catalogue = {}
    entry: dict[str, str] = {}
    fuzzy = translated = False  # (translated: the entry has a msgstr, so a msgid starts the next)
    last = ""
    start = 0  # the line the entry begins on
    simple = _SIMPLE.fullmatch
    left = max_text if max_text is not None else len(source)

    def flush() -> None:
        if entry and not fuzzy:
            if "msgid" not in entry:
                raise POError(start, msg("{keyword} without msgid", keyword=_keyword(next(iter(entry)))))
            if "msgstr" in entry:
                forms = [entry["msgstr"]]
            else:
                forms = [entry[k] for k in sorted(k for k in entry if k.startswith("msgstr"))]
            if not forms:
                raise POError(start, msg("an entry without msgstr"))
            if ("msgid_plural" in entry) != ("msgstr" not in entry):
                raise POError(start, msg("msgid_plural takes msgstr[0], msgstr[1]…, and a msgid alone takes msgstr"))
            key = (entry.get("msgctxt"), entry["msgid"])
            if key in entries:
                raise POError(start, msg("an entry given twice: '{key}'", key=(key[0] or key[1])[:60]))
            entries[key] = forms
        entry.clear()

    # Lines end at \n only, as for msgfmt: U+2028, U+0085 or a form feed inside a string is
    # text (str.splitlines would break there). A byte order mark at the start is no text.
    for number, line in enumerate(source.removeprefix("\ufeff").split("\n"), start=1):
        line = line.strip(" \t\r")
        if not line:
            flush()
            fuzzy = translated = False
            continue
        if line[0] == "#":
            if translated:  # (the comments of the next entry)
                flush()
                fuzzy = translated = False
            fuzzy = fuzzy or (line.startswith("#,") and "fuzzy" in line)
            continue
        found = simple(line)  # (most lines: a keyword and one string without escapes)
        keyword, strings = found.groups() if found is not None else _po_line(line, number)
        if keyword is None:
            if last not in entry:
                raise POError(number, msg("a string that continues nothing"))
            entry[last] += strings
        else:
            if translated and keyword in ("msgctxt", "msgid"):
                flush()  # (the next entry)
                fuzzy = translated = False
            if keyword == "msgctxt" and "msgid" in entry:
                raise POError(number, msg("msgctxt comes before msgid"))
            if not entry:
                start = number
            if keyword[-1] == "]":
                last = keyword.replace("msgstr[", "msgstr_").rstrip("]")
            else:
                last = keyword
            translated = translated or last[:6] == "msgstr"
            if last in entry:
                raise POError(number, msg("{keyword} given twice in one entry", keyword=keyword))
            entry[last] = strings
            if values is not None:
                values[0] -= 1
                if values[0] < 0:
                    raise POLimit(number, msg("too many values: the files of a data folder may hold {limit} in all "
                                              "(scalars, lists and mappings, and each string of a translation); the "
                                              "count goes over here", limit=Quantity(max_values)))  # fmt: skip
        if len(strings) > left or len(entry[last]) > left:
            raise POLimit(number, msg_n("should be at most {n} character long", "should be at most {n} characters long",
                                        n=left))  # fmt: skip
    flush()
    return entries


def _keyword(key: str) -> str:
    return key.replace("msgstr_", "msgstr[") + "]" if key.startswith("msgstr_") else key


def _po_line(line: str, number: int) -> tuple[str | None, str]:
    """A line's keyword (None for a string that continues the last one) and its strings' text.

    As msgfmt reads it: a keyword, then one or more strings in double quotes, each ending at
    a quote that is not escaped (`"abc\\"` never ends; `"a"b"` is a string and then junk)."""
    simple = _SIMPLE.fullmatch(line)  # (most lines: a keyword and one string without escapes)
    if simple is not None:
        return simple.group(1), simple.group(2)
    keyword, rest = None, line
    if not line.startswith('"'):
        keyword, _, rest = line.partition(" ")
        if "\t" in keyword:
            keyword, _, more = keyword.partition("\t")
            rest = f"{more} {rest}"
        if not _KEYWORD.match(keyword):
            raise POError(number, msg("unknown keyword {keyword}", keyword=repr(keyword[:20])))
    found = _STRINGS.fullmatch(rest.strip(" \t"))
    if found is None:
        raise POError(number, msg("a string should be in double quotes"))
    return keyword, "".join(_unescaped(part, number) for part in _STRING.findall(found.group(0)))


class POError(Worded, ValueError):
    """A catalogue that is not a PO file: where (`line`), and why (`message`)."""

    def __init__(self, line: int, message: Message) -> None:
        super().__init__(message)
        self.line = line

    def __str__(self) -> str:
        return f"line {self.line}: {super().__str__()}"


class POLimit(POError):
    """A data folder's catalogue past one of the folder's limits (store.py)."""


_KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr|msgstr\[[0-9]\])$")


_SIMPLE = re.compile(r'(?:(msgctxt|msgid|msgid_plural|msgstr(?:\[[0-9]\])?)[ \t]+)?"([^"\\]*)"')
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"', re.DOTALL)
_STRINGS = re.compile(r'(?:"(?:[^"\\]|\\.)*"[ \t]*)+', re.DOTALL)
# As GNU gettext's PO reader takes them: a letter, up to three octal digits, or `x` and hex
# digits; a number is a byte (`\\303\\251` is é in a UTF-8 catalogue).
_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))", re.DOTALL)
_ESCAPED = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _unescaped(text: str, line: int) -> str:
    """The text of a string between its quotes."""
    if "\\" not in text:
        return text
    out, at = bytearray(), 0
    for m in _ESCAPE.finditer(text):
        octal, hexadecimal, letter = m.groups()
        if letter is not None and letter not in _ESCAPED:
            raise POError(line, msg("unknown escape {escape}", escape=m.group(0)))
        out += text[at : m.start()].encode("utf-8", "surrogatepass")
        out += (
            _ESCAPED[letter].encode()
            if letter
            else bytes([int(octal, 8) & 0xFF if octal else int(hexadecimal[-2:], 16)])
        )
        at = m.end()
    try:  # (bytes by number, read as UTF-8 as gettext reads them)
        return (out + text[at:].encode("utf-8", "surrogatepass")).decode("utf-8")
    except UnicodeDecodeError:
        raise POError(line, msg("the escaped bytes are not UTF-8 text")) from None
