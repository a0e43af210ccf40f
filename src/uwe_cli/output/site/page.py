"""A whole page: the head (language, title, stylesheet, its translations), the navigation,
the main content (content.py) and the footer that says whose words are whose."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from uwe_cli import __version__
from uwe_cli.i18n.language import LANGUAGE_NAMES, Language
from uwe_cli.i18n.messages import Message, msg
from uwe_cli.output.site.content import Where
from uwe_cli.output.site.languages import AddedLanguage, added_note, page_language, speaker
from uwe_cli.output.site.text import attribute, escaped, marked

# The navigation: each view's page, by its file name.
NAVIGATION: tuple[tuple[str, Message], ...] = (
    ("index.html", msg("Overview")),
    ("regions.html", msg("Regions")),
    ("schemes.html", msg("Schemes")),
    ("clusters.html", msg("Groupings")),
    ("sectors.html", msg("Sectors")),
    ("results.html", msg("Results")),
    ("lessons.html", msg("Lessons")),
    ("concepts.html", msg("Concepts and glossary")),
    ("notes.html", msg("Notes")),
    ("about.html", msg("About")),
)
_ORIGINS = (
    msg("Where the words come from"),
    msg("The slides' own words are French, as the UWE's slides print them; on a page in another language they are kept in French and marked so."),
    msg("Translations of the slides' words are made by the program uwe, and say so in a note under each page."),
    msg("Labels, summaries, classifications and computed figures are the program's own words, and are named so where they appear."),
    msg("Each fact links to the slide it comes from."),
)  # fmt: skip


@dataclass(frozen=True)
class Site:
    """What every page shares: its languages (the five, in this order, then any the data adds)."""

    languages: tuple[str, ...]


@cache
def native_name(code: str) -> str:
    """A language's name in that language (`Nederlands`, `български`); a language a data
    folder adds, by its code (`es`), as `uwe about` names it."""
    name = LANGUAGE_NAMES.get(code)
    return Language(code).message(name) if isinstance(name, Message) else str(name or code)


def page(*, title: str, body: str, where: Where, name: str, site: Site, words: Sequence[tuple[str, str]] = ()) -> str:
    """The page `name` (its path inside a language's folder) in `where.lang`; `words`, those
    of the title in another language than the page's (text.french)."""
    lang = where.lang
    up = "../" * where.path.count("/")  # (from this page to the site's root)
    alternates = "".join(
        f'<link rel="alternate" hreflang="{code}" href="{attribute(f"{up}{code}/{name}")}">\n'
        for code in site.languages
    )
    switch = "".join(
        f'<li><a href="{attribute(f"{up}{code}/{name}")}" hreflang="{code}" lang="{code}"'
        + (' aria-current="page"' if code == lang.code else "")
        + f">{escaped(native_name(code))}</a></li>"
        for code in site.languages
    )
    nav = "".join(
        f'<li><a href="{up}{lang.code}/{href}"'
        + (' aria-current="page"' if target == name else "")
        + f">{label}</a></li>"
        for target, href, label in _navigation(lang)
    )
    chrome = _chrome(lang)
    return (
        f'<!DOCTYPE html>\n<html lang="{page_language(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escaped(title)}</title>\n"
        f'<link rel="stylesheet" href="{up}style.css">\n{alternates}</head>\n<body>\n'
        f'<a class="skip" href="#main">{chrome["skip"]}</a>\n'
        f'<header>\n<nav class="languages" aria-label="{chrome["languages"]}"><ul>{switch}</ul></nav>\n'
        f'<nav class="pages" aria-label="{chrome["pages"]}"><ul>{nav}</ul></nav>\n</header>\n'
        f'<main id="main">\n<h1>{marked(title, words)}</h1>\n{body}\n</main>\n{chrome["footer"]}'
        "</body>\n</html>\n"
    )


@lru_cache(maxsize=64)
def _navigation(lang: Language) -> tuple[tuple[str, str, str], ...]:
    """Each view's page: its name, the link to it from the language's folder, its label."""
    return tuple((target, attribute(target), escaped(lang.message(label))) for target, label in NAVIGATION)


@lru_cache(maxsize=64)
def _chrome(lang: Language) -> dict[str, str]:
    """What every page in `lang` says around its content, said once."""
    said = [lang.message(m) for m in _ORIGINS[1:]]
    if isinstance(lang, AddedLanguage):  # (its texts are not the tool's translations)
        said[1] = added_note(lang)
    origins = "".join(f"<li>{escaped(words)}</li>" for words in said)
    made = lang.message(msg("Made by the program uwe {version}; nothing on these pages is loaded from the network.",
                            version=__version__))  # fmt: skip
    return {
        "skip": escaped(lang.message(msg("Skip to the content"))),
        "languages": attribute(lang.message(msg("Languages"))),
        "pages": attribute(lang.message(msg("Pages"))),
        "footer": f"<footer>\n<h2>{escaped(lang.message(_ORIGINS[0]))}</h2>\n<ul>{origins}</ul>\n"
        f"<p>{escaped(made)}</p>\n</footer>\n",
    }


def choose_language(site: Site) -> str:
    """The site's first page (`index.html`): each language's overview, named in its language."""
    items = "".join(
        f'<li lang="{page_language(speaker(code))}"><a href="{code}/index.html" hreflang="{code}" lang="{code}">'
        f"{escaped(native_name(code))}</a> — {escaped(_choice(speaker(code)))}</li>"
        for code in site.languages
    )
    alternates = "".join(f'<link rel="alternate" hreflang="{c}" href="{c}/index.html">\n' for c in site.languages)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>uwe</title>\n"
        f'<link rel="stylesheet" href="style.css">\n{alternates}</head>\n<body>\n<main id="main">\n'
        f'<h1>uwe</h1>\n<ul class="choose">{items}</ul>\n</main>\n</body>\n</html>\n'
    )


def _choice(lang: Language) -> str:
    """What a language's pages are, said on the first page: a language a data folder adds
    has its texts translated, and no more (not 'in your language')."""
    return added_note(lang) if isinstance(lang, AddedLanguage) else lang.message(_TITLE)


_TITLE = msg("Belgium, Wallonia and business clusters: a reference in your language")
