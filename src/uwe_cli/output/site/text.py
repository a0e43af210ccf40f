"""Text as a page shows it: escaped, French typography kept, the slides' French marked.

On a page in another language, words of the slides kept in French (a quote, a title,
a text not yet translated) are wrapped in `<span lang="fr">`, so that a screen reader
reads them as French and the stylesheet marks them: the French strings of the data a
value shows, found in what it shows. On the pages of a language a data folder adds
(languages.py), its texts are marked so too, among the interface's English.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from uwe_cli.i18n.language import SOURCE_LANGUAGE, Language, is_text
from uwe_cli.output.sanitize import visible
from uwe_cli.output.screen import GLUE, glued
from uwe_cli.output.site.languages import AddedLanguage

# Keys whose plain strings are the slides' words (a quote kept in French); `…_fr` too.
QUOTED = frozenset({"quote", "words", "status_quote"})
# How far into a value to look for French, and how much (a list of 10,000 is not a value shown).
_DEPTH, _MOST = 4, 200


@lru_cache(maxsize=1 << 16)  # (a page repeats its labels; a site, its pages' navigation)
def escaped(text: str) -> str:
    """`text` for HTML: controls made visible, no line break where the terminal allows none
    (French `: ; ! ? % »`, `15 avril`, `p. 20`), new lines as line breaks."""
    shown = glued(visible(text)).replace(GLUE, "\u00a0")
    return html.escape(shown, quote=False).replace("\n", "<br>")


def french(raw: Any, lang: Language, texts: list[tuple[str, Any]] | None = None) -> list[tuple[str, str]]:
    """The words in `raw` a page in `lang` shows in another language than the page's, with
    that language, longest first: the slides' French where `lang` has no translation (or
    always, as quotes), and on the pages of a language a data folder adds (English
    around them), that language's texts. `texts`: `texts_in(raw)`, where the caller has it
    (a page's languages share it)."""
    added = isinstance(lang, AddedLanguage)
    if lang.is_source and not added:
        return []
    code = lang.code
    found: dict[str, str] = {}
    for words, text in texts_in(raw) if texts is None else texts:
        translated = None if text is None else text.get(code)
        # (the French only where the page's language has no translation: shown marked `[fr]`
        # as on screen; where it has one, the French is not what the page shows)
        if translated is None and isinstance(words, str) and len(words) > 2:
            found[words] = SOURCE_LANGUAGE
        elif added and isinstance(translated, str) and len(translated) > 2:
            found[translated] = code
    return sorted(found.items(), key=lambda item: len(item[0]), reverse=True)


def texts_in(raw: Any) -> list[tuple[str, Any]]:
    """The texts of the slides in `raw`, whatever the language: (French, the text) for each
    text, (words, None) for each plain quote."""
    found: list[tuple[str, Any]] = []
    _collect(raw, "", found, _DEPTH)
    return found


def _collect(value: Any, key: str, found: list[tuple[str, Any]], depth: int) -> None:
    if len(found) > _MOST or depth < 0:
        return
    if isinstance(value, dict):
        if is_text(value):
            found.append((value[SOURCE_LANGUAGE], value))
            return
        for k, v in value.items():
            _collect(v, k, found, depth - 1)
    elif isinstance(value, list):
        for v in value[:_MOST]:
            _collect(v, key, found, depth - 1)
    elif isinstance(value, str) and (key in QUOTED or key.endswith("_fr")):
        found.append((value, None))


def marked(text: str, words: Sequence[tuple[str, str]]) -> str:
    """`text` escaped, with each occurrence of `words` marked with its language (the slides'
    French also as the slides' words)."""
    if not words or not text:
        return escaped(text)
    spans: list[tuple[int, int, str]] = []
    for w, code in words:
        start = text.find(w)
        while start >= 0:
            end = start + len(w)
            if all(end <= a or start >= b for a, b, _ in spans):
                spans.append((start, end, code))
            start = text.find(w, end)
    if not spans:
        return escaped(text)
    out, at = [], 0
    for start, end, code in sorted(spans):
        out.append(escaped(text[at:start]))
        kind = ' class="slides-words"' if code == SOURCE_LANGUAGE else ""
        out.append(f'<span lang="{code}"{kind}>{escaped(text[start:end])}</span>')
        at = end
    out.append(escaped(text[at:]))
    return "".join(out)


@lru_cache(maxsize=1 << 12)
def attribute(text: str) -> str:
    return html.escape(visible(text), quote=True)
