"""The pages of the site, made from the views, each in every language.

A view's form knows no language: each is made once and written in every language, so a
page and its translations show the same data. A view the data cannot give (a folder
without assessment results) becomes a page that says why, as `uwe results` would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from importlib import resources
from typing import Any

from uwe_cli.dataset.records import Dataset
from uwe_cli.errors import UsageError
from uwe_cli.output.site.content import Where, content
from uwe_cli.output.site.languages import AddedLanguage, site_languages, speaker
from uwe_cli.output.site.links import Links, page_name
from uwe_cli.output.site.page import Site, choose_language, page
from uwe_cli.output.site.text import french

# The marker of a folder `uwe site` wrote: a folder that has it may be written again.
MARKER = ".uwe-site"


def _views() -> list[tuple[str, Callable[[Dataset], Any]]]:
    from uwe_cli.views import about, clusters, notes, policy, regions, schemes

    return [
        ("index.html", about.overview),
        ("regions.html", regions.regions),
        ("schemes.html", schemes.schemes),
        ("clusters.html", clusters.clusters),
        ("sectors.html", clusters.sectors),
        ("results.html", policy.results),
        ("lessons.html", policy.lessons),
        ("concepts.html", policy.concepts),
        ("notes.html", notes.notes),
        ("about.html", about.about),
    ]


def _records(ds: Dataset) -> Iterator[tuple[str, Callable[[], Any]]]:
    from uwe_cli.views import clusters, regions, schemes, slides

    views: tuple[tuple[str, Callable[..., Any]], ...] = (
        ("region", regions.region), ("scheme", schemes.scheme), ("cluster", clusters.cluster)
    )  # fmt: skip
    for kind, view in views:
        for r in ds[kind + "s"]:
            yield f"{kind}/{page_name(r['id'])}", partial(view, ds, r["id"])
    citing = slides.citations(ds)
    for s in ds["presentation"]["slides"]:
        yield f"slide/{page_name(s['id'])}", partial(slides.slide, ds, s["id"], citing=citing)


def pages(ds: Dataset) -> int:
    """How many pages the site has in each language."""
    return (
        len(_views())
        + sum(len(ds[kind]) for kind in ("regions", "schemes", "clusters"))
        + len(ds["presentation"]["slides"])
    )


def files(
    ds: Dataset, *, part: int = 0, parts: int = 1, languages: tuple[str, ...] | None = None
) -> Iterator[tuple[str, str]]:
    """(path, text) for every file of the site, in `languages` (by default the tool's and
    any the data folder adds); with `parts`, the share `part` of them (every `parts`-th page
    from the `part`-th: folder.py writes the shares side by side)."""
    site = Site(languages or site_languages(ds))
    links = Links(ds)
    speakers = [speaker(code) for code in site.languages]
    if part == 0:
        yield "index.html", choose_language(site)
        yield "style.css", resources.files(__package__).joinpath("style.css").read_text(encoding="utf-8")
    made: list[tuple[str, Callable[[], Any]]] = [(name, partial(view, ds)) for name, view in _views()]
    for number, (name, make) in enumerate([*made, *_records(ds)]):
        if number % parts != part:
            continue
        try:
            form: Any = make()
        except UsageError as exc:  # (what the data cannot give, said as the command says it)
            form = exc
        shared: dict[object, object] = {}  # (what the page's languages share: content.Where)
        for lang in speakers:
            path = f"{lang.code}/{name}"
            where = Where(path, lang, links, shared)
            if isinstance(form, UsageError):
                yield path, page(title=form.told(lang), body="", where=where, name=name, site=site)
                continue
            title, body = content(form, where)
            # (a title in another language than the page's: a record's name on an added language's page)
            words = french(form.title, lang) if isinstance(lang, AddedLanguage) else []
            yield path, page(title=title, body=body, where=where, name=name, site=site, words=words)
