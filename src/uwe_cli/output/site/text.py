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


def french(raw: Any, lang: Language) -> list[tuple[str, str]]:
    """The words in `raw` a page in `lang` shows in another language than the page's, with
    that language, longest first: the slides' French where `lang` has no translation (or
    always, as quotes), and on the pages of a language a data folder adds (English
    around them), that language's texts."""
    added = isinstance(lang, AddedLanguage)
    if lang.is_source and not added:
        return []
    found: dict[str, str] = {}
    _collect(raw, lang.code, "", found, _DEPTH, added)
    return sorted(found.items(), key=lambda item: len(item[0]), reverse=True)


def _collect(value: Any, code: str, key: str, found: dict[str, str], depth: int, added: bool) -> None:
    if len(found) > _MOST or depth < 0:
        return
    if isinstance(value, dict):
        if is_text(value):
            # (only where the page's language has no translation: the French is shown, marked
            # `[fr]` as on screen; where it has one, the French is not what the page shows)
            words, translated = value[SOURCE_LANGUAGE], value.get(code)
            if translated is None and isinstance(words, str) and len(words) > 2:
                found[words] = SOURCE_LANGUAGE
            elif added and isinstance(translated, str) and len(translated) > 2:
                found[translated] = code
            return
        for k, v in value.items():
            _collect(v, code, k, found, depth - 1, added)
    elif isinstance(value, list):
        for v in value[:_MOST]:
            _collect(v, code, key, found, depth - 1, added)
    elif isinstance(value, str) and (key in QUOTED or key.endswith("_fr")) and len(value) > 2:
        found[value] = SOURCE_LANGUAGE


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
