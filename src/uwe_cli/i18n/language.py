"""The language a command answers in: its catalogue of interface words, and the data's texts.

The interface is written in English in the code, each message marked with `msg()` (see
form.py), and translated through one gettext catalogue per language,
`locale/LANG/LC_MESSAGES/uwe.po` beside this file: the format translators' tools read and
`pybabel extract -k msg -k Message` can refresh. A dataset's texts carry their own
languages (`{fr: ..., en: ...}`, French being the slides' own words).

`Language.localize` turns what a view returns into what JSON shows in that language:
dataset texts become strings, messages are translated and filled in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from uwe_cli.errors import Worded
from uwe_cli.i18n.messages import Day, Listing, Message, Preferred, Quantity, msg, msg_p

# The languages of the dataset's texts; the first is the source's (the slides are French).
TEXT_LANGUAGES = ("fr", "en")
SOURCE_LANGUAGE = TEXT_LANGUAGES[0]
# Each language's name, a message of the catalogue (context "language").
LANGUAGE_NAMES = {
    "fr": msg_p("language", "French"),
    "en": msg_p("language", "English"),
    "nl": msg_p("language", "Dutch"),
    "de": msg_p("language", "German"),
    "bg": msg_p("language", "Bulgarian"),
}


def is_text(value: Mapping[str, Any]) -> bool:
    """Whether validated data is a dataset text (keyed by language codes), not a record."""
    return SOURCE_LANGUAGE in value and all(len(key) == 2 for key in value)


# Where the language of a command may come from, in order: the option, the tool's variable,
# then the POSIX locale as gettext reads it.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def asked_for(option: str | None, environ: Mapping[str, str], *, known: Iterable[str]) -> tuple[str, str]:
    """The language asked for, and where it was asked: `--lang`, `UWE_LANG`, a locale variable.

    A locale names a language only when it is one of `known` (`fr_BE.UTF-8` is French;
    `C` or `es_ES` says nothing and English is used); an option or UWE_LANG is always a
    request, to be refused with its origin if uwe does not speak it.
    """
    wanted = set(known)
    for asked, origin in ((option, "--lang"), (environ.get("UWE_LANG"), "UWE_LANG")):
        if asked:  # (a locale's name, `fr_BE.UTF-8`, asks for its language there too)
            return (_code(asked) if _code(asked) in wanted else asked), origin
    for variable in LOCALE_VARIABLES:
        for entry in environ.get(variable, "").split(":"):
            code = _code(entry)
            if code in wanted:
                return code, variable
        if environ.get(variable) and variable != "LANGUAGE":
            break  # the first locale variable set decides, as in gettext (LANGUAGE may list several)
    return "en", "default"


def _code(locale: str) -> str:
    """The language of a locale's name: `fr` for `fr_BE.UTF-8`, `fr-BE` or `fr@euro`."""
    return locale.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()


def resolve(option: str | None, environ: Mapping[str, str]) -> Language:
    """The language of a command (see asked_for); an unknown one names where it came from."""
    from uwe_cli.errors import UsageError
    from uwe_cli.names import lookup
    from uwe_cli.vocabulary import LANGS

    asked, origin = asked_for(option, environ, known=LANGS)
    try:
        return Language(lookup.choose(asked, LANGS, what="language"))
    except UsageError as exc:
        if origin == "--lang":
            raise
        raise exc.of(origin) from None


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


class Language:
    """One language of the interface: words from its catalogue, numbers in its style."""

    def __init__(self, code: str) -> None:
        self.code = code
        self._catalogue, self._plural = _catalogue(code)
        self.cldr: dict[str, Any] = _cldr()[code]

    @property
    def is_source(self) -> bool:
        """Whether the dataset's texts in this language are the slides' own words."""
        return self.code == SOURCE_LANGUAGE

    def gettext(self, message: str, context: str | None = None) -> str:
        found = self._catalogue.get((context, message))
        return found[0] if found and found[0] else message

    def ngettext(self, singular: str, plural: str, n: float) -> str:
        found = self._catalogue.get((None, singular))
        index = self._plural(int(n))
        if found and len(found) > index and found[index]:
            return str(found[index])
        return singular if int(n) == 1 else plural

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
        return _ORDINALS.get(self.code, _english_ordinal)(n)

    def text(self, value: Any) -> str:
        """A dataset text in this language (a plain string is the same in every language).

        Where the data has no translation (or only an outdated one), the slides' French,
        marked as such, rather than nothing.
        """
        if isinstance(value, Mapping):
            found = value.get(self.code)
            return str(found) if found is not None else f"{value[SOURCE_LANGUAGE]} [{SOURCE_LANGUAGE}]"
        return "" if value is None else str(value)

    def message(self, message: Message) -> str:
        if message.plural is not None:
            template = self.ngettext(message.id, message.plural, message.args["n"])
        else:
            template = self.gettext(message.id, message.context)
        args = {key: self.localize(value) for key, value in message.args.items()}
        if "«" in template:  # « Les “grappes technologiques” »: quotes inside quotes are the other pair
            args = {key: _nested(value) if f"{{{key}}} »" in template else value for key, value in args.items()}
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
            return {key: self.localize(item) for key, item in value.items()}
        if kind is list or kind is tuple:
            return [self.localize(item) for item in value]
        if kind is Message:
            return self.message(value)
        if kind is Day:
            return self.date(value.day)
        if kind is Quantity:
            from uwe_cli.i18n.formatting import number  # (formatting imports this module: not at its top)

            return number(value.value, self)
        if kind is Preferred:
            chosen = dict(value.values).get(self.code, value.values[0][1]) if value.values else None
            return self.localize(chosen)
        if kind is Listing:
            return self.listing([str(self.localize(item)) for item in value.items], style=value.style)
        return value


_GUILLEMETS = re.compile(r"«[\s\u00a0\u202f]*(.*?)[\s\u00a0\u202f]*»", re.S)


def _nested(value: Any) -> Any:
    """A text that goes inside « »: its own « » become “ ” (French never nests « « » »)."""
    return _GUILLEMETS.sub(r"“\1”", value) if isinstance(value, str) and "«" in value else value


# Ordinals (`17th`, `17e`, `1re`): rules, not words, so not in the catalogue; CLDR has no
# short ordinal forms.


# A whole part of four digits, `1,211` (not `12,110` or `1,211,000`).
_FOUR_DIGITS = re.compile(r"(?<![\d,])(\d),(\d{3})(?![\d,])")
# How items are set apart where a comma would not do (`11.1% (2013); 11.2% (Q4 2013)`).
_SEMICOLON = msg_p("list", "; ")


def _english_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_ORDINALS = {
    "en": _english_ordinal,
    "fr": lambda n: f"{n}{'re' if n == 1 else 'e'}",
    "nl": lambda n: f"{n}e",
    "de": lambda n: f"{n}.",
    "bg": lambda n: _bulgarian_ordinal(n),
}


def _bulgarian_ordinal(n: int) -> str:
    """Neuter, as for място (a place in a ranking) and тримесечие (a quarter): 1-во, 17-о."""
    if 11 <= n % 100 <= 19:
        return f"{n}-о"
    return f"{n}-" + {1: "во", 2: "ро", 3: "то", 4: "то", 7: "мо", 8: "мо"}.get(n % 10, "о")


# The catalogue: a gettext PO file, read with the standard library (a few hundred entries
# cost well under a millisecond; no compiled .mo to keep in step with its source).

_LOCALE = Path(__file__).resolve().parent / "locale"
_PLURAL = re.compile(r"plural\s*=\s*([^;]+)")
_SAFE_PLURAL = re.compile(r"^[n0-9\s()<>=!&|%?:]+$")

Catalogue = dict[tuple[str | None, str], list[str]]


@cache
def _cldr() -> dict[str, Any]:
    """Numbers, dates and lists by CLDR's rules, per language (scripts/update-cldr writes it)."""
    import json

    return dict(json.loads((_LOCALE / "cldr.json").read_text(encoding="utf-8")))


@cache
def _catalogue(code: str) -> tuple[Catalogue, Any]:
    path = _LOCALE / code / "LC_MESSAGES" / "uwe.po"
    if not path.is_file():  # English: the messages are the catalogue's own keys
        return {}, lambda n: 0 if n == 1 else 1
    entries = parse_po(path.read_text(encoding="utf-8"))
    header = entries.pop((None, ""), [""])[0]
    return entries, _plural_rule(header)


def _plural_rule(header: str) -> Any:
    """The `plural=` expression of a PO header, as a function of n (C syntax, checked)."""
    found = _PLURAL.search(header)
    expression = found.group(1).strip() if found else "n != 1"
    if not _SAFE_PLURAL.match(expression) or "?" in expression:
        expression = "n != 1"  # a plain comparison only: the catalogue is data, not code
    python = expression.replace("&&", " and ").replace("||", " or ")
    return lambda n: int(eval(python, {"__builtins__": {}}, {"n": n}))


def parse_po(source: str) -> Catalogue:
    """msgctxt / msgid / msgid_plural / msgstr[N] entries; comments and fuzzy flags honoured.

    An entry without msgstr, an entry or a keyword given twice and an unknown escape are
    errors, as for msgfmt: a translator's slip, not a translation to show."""
    entries: Catalogue = {}
    entry: dict[str, str] = {}
    fuzzy = False
    last = ""
    start = 0  # the line the entry begins on

    def flush() -> None:
        if "msgid" in entry and not fuzzy:
            forms = [entry[k] for k in sorted(k for k in entry if k.startswith("msgstr"))]
            if not forms:
                raise POError(start, msg("an entry without msgstr"))
            key = (entry.get("msgctxt"), entry["msgid"])
            if key in entries:
                raise POError(start, msg("an entry given twice: '{key}'", key=(key[0] or key[1])[:60]))
            entries[key] = forms
        entry.clear()

    for number, line in enumerate(source.splitlines(), start=1):
        line = line.strip()
        if not line:
            flush()
            fuzzy = False
        elif line.startswith("#"):
            fuzzy = fuzzy or (line.startswith("#,") and "fuzzy" in line)
        elif line.startswith('"'):
            if last not in entry:
                raise POError(number, msg("a string that continues nothing"))
            entry[last] += _string(line, number)
        else:
            keyword, _, rest = line.partition(" ")
            if not _KEYWORD.match(keyword):
                raise POError(number, msg("unknown keyword {keyword}", keyword=repr(keyword[:20])))
            if keyword in ("msgctxt", "msgid") and "msgstr" in "".join(entry):
                flush()
            if not entry:
                start = number
            last = keyword.replace("msgstr[", "msgstr_").rstrip("]") if keyword.startswith("msgstr[") else keyword
            if last in entry:
                raise POError(number, msg("{keyword} given twice in one entry", keyword=keyword))
            entry[last] = _string(rest, number)
    flush()
    return entries


class POError(Worded, ValueError):
    """A catalogue that is not a PO file: where (`line`), and why (`message`)."""

    def __init__(self, line: int, message: Message) -> None:
        super().__init__(message)
        self.line = line

    def __str__(self) -> str:
        return f"line {self.line}: {super().__str__()}"


_KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr|msgstr\[[0-9]\])$")


_ESCAPE = re.compile(r"\\(.)")
_ESCAPED = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _string(quoted: str, line: int = 0) -> str:
    """The text of a PO string literal: `"a \\"b\\""` is `a "b"`."""
    quoted = quoted.strip()
    if len(quoted) < 2 or quoted[0] != '"' or quoted[-1] != '"':
        raise POError(line, msg("a string should be in double quotes"))
    unknown = next((m.group(0) for m in _ESCAPE.finditer(quoted[1:-1]) if m.group(1) not in _ESCAPED), None)
    if unknown is not None:
        raise POError(line, msg("unknown escape {escape}", escape=unknown))
    return _ESCAPE.sub(lambda m: _ESCAPED[m.group(1)], quoted[1:-1])
