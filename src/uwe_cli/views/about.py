"""The overview `uwe` shows alone, and the UWE with the source document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from uwe_cli.dataset.records import Dataset, Record
from uwe_cli.i18n.formatting import date_message, figure, long_date
from uwe_cli.i18n.language import LANGUAGE_NAMES, SOURCE_LANGUAGE, Language
from uwe_cli.i18n.messages import msg, msg_p
from uwe_cli.views.common import fact_labels, record_data, source_section, tool_words, without_none
from uwe_cli.views.form import Document, Field, Section
from uwe_cli.vocabulary import LANGS

if TYPE_CHECKING:
    from uwe_cli.dataset.shapes import SlideData

# What to try next, with what each command does.
_COMMANDS = {
    "uwe regions": msg("compare GDP per capita"),
    "uwe region wallonia": msg("one region's profile"),
    "uwe schemes": msg("the four schemes side by side"),
    "uwe clusters --sector energy": msg("find groupings"),
    "uwe results": msg("the poles' first assessment"),
    "uwe lessons": msg("what the policy taught"),
    "uwe concepts": msg("definitions of clustering"),
    "uwe search grappe": msg("search everything"),
    "uwe about": msg("the UWE and the source"),
    "uwe --help": msg("every command"),
}


def _region_summary(r: Record, lang: Language) -> str:
    parts = [figure(r.get("population"), lang)]
    if r.get("gdp_per_capita"):
        parts.append(lang.message(msg("GDP per capita {figure}", figure=figure(r["gdp_per_capita"], lang))))
    parts += [
        lang.message(msg("index {figure}", figure=figure(f, lang))) for f in r.get("gdp_per_capita_index", ())[:1]
    ]
    return ", ".join(p for p in parts if p)


def _scheme_summary(s: Record, lang: Language) -> str:
    return lang.message(msg("{label}: {text}", label=s["name"], text=s["summary"]))


def _command(command: str, lang: Language) -> str:
    # (the command in the reader's words where the catalogue gives them: `uwe region wallonië`)
    said = msg_p("typography", "{before} — {after}", before=lang.gettext(command, "example"), after=_COMMANDS[command])
    return lang.message(said)


def overview(ds: Dataset) -> Document:
    everyone = ds["regions"]
    # The country, and Wallonia where the dataset has it (a user's own data may not).
    shown = [r for r in everyone if r["kind"] == "country"] + [r for r in everyone if r["id"] == "wallonia"]
    p = ds["presentation"]
    data = {
        "regions": [record_data(ds, r) for r in shown],
        "schemes": [
            {
                "id": s["id"],
                "name": s["name"],
                "summary": s["summary"],
                "source": ds.sources(s["source"]),
                "tool_words": tool_words(written=["summary"]),
            }
            for s in ds["schemes"]
        ],
        "commands": list(_COMMANDS),
    }
    fields = tuple(Field(r["name"], f"regions.{i}", _region_summary) for i, r in enumerate(shown))
    sections = (
        Section(msg("Schemes (the tool's summaries)"), items="schemes", show=_scheme_summary),
        Section(msg("Go further"), items="commands", show=_command),
    )
    title = msg("uwe: Belgium, Wallonia and business clusters ({author}, {place}, {date})",
                author=p["author"], place=p["place"], date=date_message(p["date"]))  # fmt: skip
    return Document(title, data, fields, sections)


def deck_size(slides: Sequence[SlideData]) -> int:
    """The fewest slides the deck can have: a slide printed "p. 20" has 19 before it, and
    the slides recorded after it follow. The source has only some slides' text."""
    after_pages = [page + len(slides) - i - 1 for i, s in enumerate(slides) if (page := s["page"])]
    return max([len(slides), *after_pages])


def _slide_count(count: dict[str, int], lang: Language) -> str:
    if count["in_the_deck_at_least"] == count["recorded"]:
        return str(count["recorded"])
    return lang.message(msg("{recorded} recorded; the deck has at least {deck} (computed by the tool from its page numbers)",
                            recorded=count["recorded"], deck=count["in_the_deck_at_least"]))  # fmt: skip


def about(ds: Dataset) -> Document:
    o = ds["organisation"]
    slides = ds["presentation"]["slides"]
    data: dict[str, Any] = {
        "organisation": record_data(ds, o),
        "presentation": without_none(ds["presentation"]),
        "slide_count": {"recorded": len(slides), "in_the_deck_at_least": deck_size(slides)},
        "tool_words": tool_words(computed=["slide_count.in_the_deck_at_least"]),
        "languages": _languages(ds),
    }
    fields = (
        Field(msg("Name"), "organisation", lambda o, lang: f"{o['name']} ({o['acronym']})"),
        Field(msg("Founded"), "organisation.founded", figure),
        Field(msg("Kind"), "organisation.kind"),
        Field(msg("Members"), "organisation.members", figure),
        Field(msg("Member federations"), "organisation.member_federations", figure),
        Field(msg("Funding"), "organisation.funding"),
        Field(msg("Role"), "organisation.role"),
        Field(msg("Mission"), "organisation.mission"),
    )
    source = (
        Field(msg("Author"), "presentation.author"),
        Field(msg("Event"), "presentation.event"),
        Field(msg("Place"), "presentation.place"),
        Field(msg("Date"), "presentation.date", long_date),
        Field(msg("Slides"), "slide_count", _slide_count),
    )
    actions = (Section(msg("Actions"), items="organisation.actions"),)
    labels = fact_labels(fields, actions, within="organisation.")
    sections = (
        *actions,
        source_section(ds, o, labels=labels, items="organisation.source"),
        Section(msg("The source"), fields=source),
        # (each named as every citation names it: two slides with one title say which is which)
        Section(
            msg("Slides recorded"),
            items="presentation.slides",
            show=lambda slide, lang: str(lang.localize(ds.sources([slide["id"]])[0])),
        ),
        Section(msg("Languages of the texts"), items="languages", show=_language),
    )
    return Document(o["name"], data, fields, sections)


def _languages(ds: Dataset) -> list[dict[str, str]]:
    """Each language the dataset's texts are in, and whose words they are: the slides' (the
    source's French), the tool's translation, or one a data folder adds (not the tool's)."""
    from uwe_cli.i18n import translations

    def words(code: str) -> str:
        if code == SOURCE_LANGUAGE:
            return "slides"
        return "translated by the tool" if code in LANGS else "translated in the data folder"

    return [{"code": code, "words": words(code)} for code in translations.languages(ds.dump())]


def _language(entry: Record, lang: Language) -> str:
    name = LANGUAGE_NAMES.get(entry["code"], entry["code"])
    if entry["words"] == "slides":
        return lang.message(msg("{language}: the slides' own words", language=name))
    if entry["words"] == "translated in the data folder":
        return lang.message(msg("{language}: translated from the slides' French in the data folder", language=name))
    return lang.message(msg("{language}: translated from the slides' French by the tool", language=name))
