"""Every record of any kind that mentions a text, in any of the dataset's languages.

Only words a reader can see are searched: the texts of records, their aliases and synonyms,
never ids, references to other records, units or codes (a search for `e` must not find the
unit EUR of every figure). Hits come ranked, names first, each field named as the views
name it ("Domain (Regional clusters)", not `memberships[0].domain`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from uwe_cli.dataset.records import Dataset, Record
from uwe_cli.i18n.language import LANGUAGE_NAMES, SOURCE_LANGUAGE, Language, in_languages, is_text
from uwe_cli.i18n.messages import Message, Preferred, msg, msg_n
from uwe_cli.names import matching
from uwe_cli.names.lookup import display_name
from uwe_cli.views import sorting
from uwe_cli.views.clusters import sector_slides
from uwe_cli.views.common import RECORD_KINDS, citable, either, search_key
from uwe_cli.views.form import Column, Show, Table
from uwe_cli.views.policy import CONCEPT_HEADINGS, LESSON_HEADINGS
from uwe_cli.vocabulary import SEARCH_SORT_KEYS

if TYPE_CHECKING:
    from uwe_cli.dataset.shapes import SectorData

# Plain strings that are words of the source (every other plain string is an id, a unit,
# a code or a period).
_WORDS = frozenset({"aliases", "synonyms", "author", "acronym"})

# Fields not searched: a grouping's status quote is the one phrase of the slide that lists
# the export grappes (« Les grappes existantes »), the same for a dozen records.
_NOT_SEARCHED = frozenset({"status_quote", "tool_words"})

# What each field is called, by its path without list indices; the first rank wins.
_NAMES = {"name": msg("Name"), "title": msg("Title"), "subtitle": msg("Subtitle")}
_OTHER_NAMES = {"aliases": msg("Also called"), "synonyms": msg("Also matches"), "acronym": msg("Acronym")}
_FIELDS: dict[str, Message] = {
    **_NAMES,
    **_OTHER_NAMES,
    "summary": msg("Summary"), "definition": msg("Definition"), "criteria": msg("Defining criteria"),
    "features": msg("Features"), "objectives": msg("Objectives"), "activity_axes": msg("Lines of activity"),
    "activities.text": msg("Activities"), "activities.points": msg("Activities"),
    "benefits.beneficiary": msg("Benefits"), "benefits.benefits": msg("Benefits"), "outcome": msg("Outcome"),
    "assessment": msg("First assessment: conclusion"), "participants": msg("Who takes part"), "legal_basis": msg("Legal basis"),
    "period": msg("As the slides say"), "funding.degression": msg("Funding"), "funding.notes": msg("Funding rules"),
    "groupings.note": msg("Groupings"), "results.label": msg("First assessment"),
    "results.figure.note": msg("First assessment"), "text": msg("Text"), "points": msg("Points"),
    "quoted_in": msg("Quoted in"), "author": msg("Author"), "actions": msg("Actions"), "funding": msg("Funding"),
    "kind": msg("Kind"), "mission": msg("Mission"), "role": msg("Role"), "members.note": msg("Members"),
    "member_federations.note": msg("Member federations"), "capital": msg("Capital"),
    "form_of_state": msg("Form of state"), "language_note": msg("Languages"),
    "main_industrial_sectors": msg("Main industrial sectors"), "subdivisions": msg("Regions"),
    "gdp_per_capita_world_rank.note": msg("World rank (GDP per capita)"),
    "meaning": msg("Meaning"), "usages.quote": msg("As the slides say"),
    "groupings.quote": msg("As the slides say"), "obligations": msg("Obligations"),
    "heading": msg("Heading on the slide"),
    # A figure's words, under the figure's name.
    "population.quote": msg("Population"), "gdp_per_capita.quote": msg("GDP per capita"), "area.quote": msg("Area"),
    "gdp_per_capita_index.quote": msg("GDP per capita index"), "unemployment_rate.quote": msg("Unemployment rate"),
    "employment_rate.quote": msg("Employment rate"), "official_languages.quote": msg("Official languages"),
    "subdivisions.quote": msg("Regions"), "gdp_per_capita_world_rank.quote": msg("World rank (GDP per capita)"),
    "members.quote": msg("Members"), "member_federations.quote": msg("Member federations"),
    "test_phase.quote": msg("Test phase"), "average_project_duration.quote": msg("Average project duration"),
    "founded.quote": msg("Founded"), "start.quote": msg("Period"), "end.quote": msg("Period"),
    "legal_basis_year.quote": msg("Legal basis"),
}  # fmt: skip
# A figure's field, named as the views name it: its quote is "FIELD, as the slides say".
_FIGURES: dict[str, Message] = {
    "population": msg("Population"), "gdp_per_capita": msg("GDP per capita"), "area": msg("Area"),
    "official_languages": msg("Official languages"), "subdivisions": msg("Regions"),
    "gdp_per_capita_index": msg("GDP per capita index"), "gdp_per_capita_world_rank": msg("World rank (GDP per capita)"),
    "unemployment_rate": msg("Unemployment rate"), "employment_rate": msg("Employment rate"),
    "average_project_duration": msg("Average project duration"), "test_phase": msg("Test phase"),
    "funding.accreditation": msg("Accreditation"), "funding.amount_per_year": msg("Funding"),
    "funding.degression": msg("Funding"), "funding.duration": msg("Funding"), "results.figure": msg("First assessment"),
    "members": msg("Members"), "member_federations": msg("Member federations"), "quoted_in": msg("Quoted in"),
    "founded": msg("Founded"), "start": msg("Period"), "end": msg("Period"), "legal_basis_year": msg("Legal basis"),
}  # fmt: skip
# A quote field's label: the slides' words, or (a match in another language) a translation of them.
_QUOTE, _QUOTE_TRANSLATED = msg("As the slides say"), msg("As the slides say (translated)")
# The JSON keys of a hit: the CSV header, even of an empty result.
KEYS = ("kind", "id", "name", "field", "field_label", "lang", "text", "source")


def _strings(value: Any, path: str = "") -> list[tuple[str, str | None, str, str | None]]:
    """(field, language or None, text, its slide) for every text of a record a reader would search."""
    # (a list filled in, not nested generators: a lesson may hold 460,000 points)
    found: list[tuple[str, str | None, str, str | None]] = []
    _texts(value, path, found)
    return found


def _texts(value: Any, path: str, found: list[tuple[str, str | None, str, str | None]]) -> None:
    if isinstance(value, dict):
        if is_text(value):
            slide = value.get("slide")
            found += ((path, lang, text, slide) for lang, text in in_languages(value).items())
            return
        for key, item in value.items():
            if key not in _NOT_SEARCHED:
                _texts(item, f"{path}.{key}" if path else key, found)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _texts(item, f"{path}[{i}]", found)
    elif isinstance(value, str) and path.split("[")[0] in _WORDS:
        found.append((path, None, value, None))


# A field's indexes (`points[3]`), and a membership's domain, whose label names its scheme.
_INDEX = re.compile(r"\[\d+\]")
_DOMAIN = re.compile(r"memberships\[(\d+)\]\.domain")


def _label(record: Record, field: str, names: dict[str, Any]) -> Any:
    """A field's name as a reader knows it: `memberships[0].domain` is "Domain (Regional clusters)"."""
    found = _DOMAIN.fullmatch(field)
    if found:
        scheme = record["memberships"][int(found.group(1))]["scheme"]
        return msg("Domain ({scheme})", scheme=names.get(scheme, scheme))
    bare = _INDEX.sub("", field)
    if bare in _FIELDS:
        return _FIELDS[bare]
    parent, _, last = bare.rpartition(".")
    if parent in _FIGURES:  # a figure's quote (or the text of a citation): the figure's name
        said = msg("{field}, as the slides say", field=_FIGURES[parent]) if last == "quote" else _FIGURES[parent]
        return said
    # A field the tool has no name for (a user's own data): a name in the reader's words all the same.
    return _QUOTE if last == "quote" else msg("Other text")


def _rank(field: str) -> int:
    """Names and titles first, then other names, then the rest, in the records' order."""
    bare = _INDEX.sub("", field)
    return 0 if bare in _NAMES else 1 if bare in _OTHER_NAMES else 2


def _hits(ds: Dataset, key: str) -> Iterator[dict[str, Any]]:
    scheme_names = {s["id"]: s["name"] for s in ds["schemes"]}
    labels: dict[str, tuple[Any, str]] = {}
    for kind, record in [*citable(ds, slides=True), *(("sector", s) for s in ds["sectors"])]:
        # One hit per field, with every language (or alias) that matches: the reader sees
        # the match in their own language where it matched there, else in the first.
        found: dict[str, tuple[str, Any, list[tuple[str | None, str]], list[str]]] = {}
        said: dict[str, bool] = {}  # (whether a text mentions the key: the same words in several languages, once)
        last: str | None = None
        # (one tuple for each (language, words) found, however often: a lesson's 460,000 points
        # are one hit of 2.3 million matches, and three tuples for each took 400 MiB)
        pairs: dict[tuple[str | None, str], tuple[str | None, str]] = {}
        for field, found_lang, value, slide in _strings(record):
            mentioned = said.get(value)
            if mentioned is None:
                mentioned = said[value] = matching.mentions(value, key)
            if not mentioned:
                continue
            if field != last:  # (a field's label, and the key it is grouped by, once per field)
                last, label, grouped = field, *_labelled(record, field, scheme_names, labels)
            hit = found.setdefault(grouped, (field, label, [], []))
            pair = (found_lang, value)
            hit[2].append(pairs.setdefault(pair, pair))
            if slide:  # (the one slide of the words found, where they are a fact's: dataset/facts.py)
                hit[3].append(slide)
        for field, label, matches, slides in found.values():
            shown_kind = record["kind"] if kind == "region" and record.get("kind") in RECORD_KINDS else kind
            # (a quote matched in a translation is labelled as one: its words are not the slides')
            quote = _is_quote(field)
            translated = _translated(label) if quote else label
            per_lang = {lang: (lang, translated if lang != SOURCE_LANGUAGE else label) for lang, _ in matches}
            langs = {lang: (lang, lang) for lang, _ in matches}
            yield {"kind": shown_kind, "id": record["id"], "name": _name(kind, record, ds), "field": field,
                   "field_label": Preferred(tuple(per_lang[lang] for lang, _ in matches)),
                   "lang": Preferred(tuple(langs[lang] for lang, _ in matches)),
                   "text": Preferred(tuple(matches)), "source": ds.sources(slides[:1] or _slides(ds, kind, record))}  # fmt: skip


def _is_quote(field: str) -> bool:
    return _INDEX.sub("", field).endswith("quote")


def _labelled(record: Record, field: str, names: dict[str, Any], labels: dict[str, tuple[Any, str]]) -> tuple[Any, str]:
    """A field's label and its repr (which groups a record's hits), kept in `labels` by the field
    without its indexes: the same for each of a lesson's points (but a membership's domain)."""
    if _DOMAIN.fullmatch(field):
        label = _label(record, field, names)
        return label, repr(label)
    bare = _INDEX.sub("", field)
    known = labels.get(bare)
    if known is None:
        label = _label(record, field, names)
        known = labels[bare] = (label, repr(label))
    return known


def _translated(label: Any) -> Any:
    """The label of a quote, over a translation of the slides' words."""
    if label == _QUOTE:
        return _QUOTE_TRANSLATED
    if isinstance(label, Message) and label.id == "{field}, as the slides say":
        return msg("{field}, as the slides say (translated)", **label.args)
    return label


def _name(kind: str, record: Record, ds: Dataset) -> Any:
    """What a hit's record is called: a slide with its page; a lesson or a concept, which
    have no name, by the heading it comes under (its id means nothing to a reader)."""
    if kind == "slide":
        return ds.sources([record["id"]])[0]  # (as every citation names it: one slide, never two)
    headings = {"lesson": LESSON_HEADINGS, "concept": CONCEPT_HEADINGS}.get(kind)
    return headings.get(record["kind"], record["id"]) if headings else display_name(record)


def _slides(ds: Dataset, kind: str, record: Record) -> list[str]:
    if kind == "slide":
        return [record["id"]]
    return sector_slides(ds, cast("SectorData", record)) if kind == "sector" else record["source"]


def search(ds: Dataset, *, query: str, sort: str | None = None) -> Table:
    order = sorting.parse(sort, SEARCH_SORT_KEYS)
    key = search_key(query)
    data = sorted(_hits(ds, key), key=lambda hit: _rank(hit["field"]))
    if order is not None and order.key == "kind":  # (kinds in the order the dataset has them)
        kinds = {kind: i for i, kind in enumerate(RECORD_KINDS)}
        data = sorting.ordered(data, lambda hit: kinds.get(hit["kind"]), largest_first=False, reverse=order.reverse)
    elif order is not None and order.key == "relevance" and order.reverse:
        data.reverse()
    columns = (
        Column("name", msg("Record")),
        Column(
            "kind", msg("Kind"), lambda kind, lang: lang.message(RECORD_KINDS[kind]) if kind in RECORD_KINDS else kind
        ),
        Column("", msg("Field"), _field),
        Column("text", msg("Match"), _snippet(key)),
    )
    title = msg_n("“{query}”: {n} match", "“{query}”: {n} matches", n=len(data), query=query)
    by_name = order is not None and order.key == "name"
    return Table(title, columns, data, keys=KEYS, when_empty=_nothing(ds, query), highlight=key,
                 translated=False,  # (each match names its language)
                 order_by="name" if by_name else None, order_reversed=by_name and order is not None and order.reverse)  # fmt: skip


def _field(hit: dict[str, Any], lang: Language) -> str:
    """The field's name, and the language of the match where it is not the reader's."""
    label = str(hit["field_label"])
    if hit["lang"] and hit["lang"] != lang.code:
        language = LANGUAGE_NAMES.get(hit["lang"], hit["lang"])
        return lang.message(msg("{field}, in {language}", field=label, language=language))
    return label


def _nothing(ds: Dataset, query: str) -> Message:
    """What an empty search says: the closest names, else how search finds words."""
    import difflib

    names: dict[str, Any] = {}
    for _, record in [*citable(ds, slides=False), *(("sector", s) for s in ds["sectors"])]:
        shown = display_name(record)
        for name in (*(shown.values() if isinstance(shown, dict) else [shown]), *record.get("synonyms", ())):
            names.setdefault(matching.fold(name), shown)
    close = difflib.get_close_matches(matching.fold(query), list(names), n=6, cutoff=0.7)
    found = list({repr(names[k]): names[k] for k in close}.values())[:3]
    if found:
        suggested = either([msg("“{text}”", text=name) for name in found])
        return msg("nothing mentions “{text}”; did you mean {names}?", text=query, names=suggested)
    return msg("nothing mentions “{text}”; search finds words by their beginning, in any of the tool's languages "
               "('uwe search energ' finds energy and énergie); 'uwe sectors' lists the sectors", text=query)  # fmt: skip


def _snippet(key: str, room: int = 80) -> Show:
    """The text around the match, cut between words."""

    def show(value: str, lang: Language) -> str:
        if len(value) <= room:
            return value
        match = max(0, matching.locate(value, key))
        start = max(0, match - room // 3)
        if start:  # from the first whole word, but never past the match
            start = min(match, value.find(" ", start) + 1 or match)
        end = start + room
        if end < len(value):  # up to the last whole word
            end = max(value.rfind(" ", start, end + 1), match + len(key))
        piece = value[start:end].strip()
        return ("…" if start else "") + piece + ("…" if end < len(value) else "")

    return show
