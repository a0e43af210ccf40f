"""Text as a page shows it: escaped, French typography kept, the slides' French marked.

On a page in another language, words of the slides kept in French (a quote, a title,
a text not yet translated) are wrapped in `<span lang="fr">`, so that a screen reader
reads them as French and the stylesheet marks them: the French strings of the data a
value shows, found in what it shows.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

from uwe_cli.i18n.language import SOURCE_LANGUAGE, Language, is_text
from uwe_cli.output.sanitize import visible
from uwe_cli.output.screen import GLUE, glued

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


def french(raw: Any, lang: Language) -> list[str]:
    """The slides' French words in `raw` that a page in `lang` may show as they are, longest first."""
    if lang.is_source:
        return []
    found: set[str] = set()
    _collect(raw, lang.code, "", found, _DEPTH)
    return sorted(found, key=len, reverse=True)


def _collect(value: Any, code: str, key: str, found: set[str], depth: int) -> None:
    if len(found) > _MOST or depth < 0:
        return
    if isinstance(value, dict):
        if is_text(value):
            # (only where the page's language has no translation: the French is shown, marked
            # `[fr]` as on screen; where it has one, the French is not what the page shows)
            words = value[SOURCE_LANGUAGE]
            if isinstance(words, str) and value.get(code) is None and len(words) > 2:
                found.add(words)
            return
        for k, v in value.items():
            _collect(v, code, k, found, depth - 1)
    elif isinstance(value, list):
        for v in value[:_MOST]:
            _collect(v, code, key, found, depth - 1)
    elif isinstance(value, str) and (key in QUOTED or key.endswith("_fr")) and len(value) > 2:
        found.add(value)


def marked(text: str, words: list[str]) -> str:
    """`text` escaped, with each occurrence of `words` (French) marked as French."""
    if not words or not text:
        return escaped(text)
    spans: list[tuple[int, int]] = []
    for w in words:
        start = text.find(w)
        while start >= 0:
            end = start + len(w)
            if all(end <= a or start >= b for a, b in spans):
                spans.append((start, end))
            start = text.find(w, end)
    if not spans:
        return escaped(text)
    out, at = [], 0
    for start, end in sorted(spans):
        out.append(escaped(text[at:start]))
        out.append(f'<span lang="fr" class="slides-words">{escaped(text[start:end])}</span>')
        at = end
    out.append(escaped(text[at:]))
    return "".join(out)


@lru_cache(maxsize=1 << 12)
def attribute(text: str) -> str:
    return html.escape(visible(text), quote=True)
