"""The gettext PO format, read as GNU msgfmt reads it: the interface's catalogues and a data
folder's `translations/LANG.po` (translations.py), which is data under the folder's limits.
"""

from __future__ import annotations

import re

from uwe_cli.errors import Worded
from uwe_cli.i18n.messages import Message, Quantity, msg, msg_n

Catalogue = dict[tuple[str | None, str], list[str]]


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
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ESCAPED = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _unescaped(text: str, line: int) -> str:
    """The text of a string between its quotes."""
    if "\\" not in text:
        return text
    unknown = next((m.group(0) for m in _ESCAPE.finditer(text) if m.group(1) not in _ESCAPED), None)
    if unknown is not None:
        raise POError(line, msg("unknown escape {escape}", escape=unknown))
    return _ESCAPE.sub(lambda m: _ESCAPED[m.group(1)], text)


def _string(quoted: str, line: int = 0) -> str:
    """The text of a PO string literal: `"a \\"b\\""` is `a "b"`."""
    quoted = quoted.strip()
    if len(quoted) < 2 or quoted[0] != '"' or quoted[-1] != '"':
        raise POError(line, msg("a string should be in double quotes"))
    unknown = next((m.group(0) for m in _ESCAPE.finditer(quoted[1:-1]) if m.group(1) not in _ESCAPED), None)
    if unknown is not None:
        raise POError(line, msg("unknown escape {escape}", escape=unknown))
    return _ESCAPE.sub(lambda m: _ESCAPED[m.group(1)], quoted[1:-1])
