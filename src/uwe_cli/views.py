"""One function per view: dataset + options in, a `Table` or `Document` out.

Views choose and word what to show, in the user's language; they never format for a
screen (that is output.py) and never read files (that is store.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from uwe_cli import lookup, text
from uwe_cli.errors import UsageError
from uwe_cli.lookup import display_name
from uwe_cli.records import Record, is_text, memo, presentation_date, slide
from uwe_cli.results import Bar, Column, Document, Item, Section, Table
from uwe_cli.text import figure, figure_with_period, local, word
from uwe_cli.vocabulary import CLUSTER_STATUSES, LESSON_KINDS

LANGUAGE_NAMES = {"fr": ("French", "français"), "nl": ("Dutch", "néerlandais"), "de": ("German", "allemand")}


def find_region(ds: Record, name: str) -> Record:
    return lookup.find(ds.regions, name, what="region", hint="see 'uwe regions'")


def find_scheme(ds: Record, name: str) -> Record:
    return lookup.find(ds.schemes, name, what="scheme", hint="see 'uwe schemes'")


def find_cluster(ds: Record, name: str) -> Record:
    return lookup.find(ds.clusters, name, what="cluster", hint="see 'uwe clusters'")


def find_sector(ds: Record, name: str) -> Record:
    return lookup.find(ds.sectors, name, what="sector", hint="see 'uwe sectors'")


# A grouping's schemes and domain, read from its validated data (`Record.dump()`): the
# clusters view reads thousands of groupings that way, without wrapping them.


def scheme_ids(cluster: dict[str, Any]) -> list[str]:
    """The schemes a grouping belongs to, in the order of its memberships."""
    return [m["scheme"] for m in cluster["memberships"]]


def first_domain(cluster: dict[str, Any], lang: str) -> str | None:
    """The domain given to a grouping by the first of its schemes that gives one."""
    return next((m["domain"][lang] for m in cluster["memberships"] if m["domain"]), None)


# Machine form of records: the chosen language's text, sources as slide titles.


def slide_label(shown: Record, lang: str) -> str:
    """`Title — subtitle (p. 20)`: how a slide is named wherever it is cited."""
    label = display_name(shown, lang)
    return f"{label} (p. {shown.page})" if shown.page else label


def _sources(ds: Record, ids: Iterable[str], lang: str) -> list[str]:
    # Labelled once per slide: a list of many groupings cites the same few slides.
    labels = memo(ds, f"slide labels {lang}", dict)
    for slide_id in ids:
        if slide_id not in labels:
            labels[slide_id] = slide_label(slide(ds, slide_id), lang)
    return [labels[slide_id] for slide_id in ids]


def _localize(value: Any, lang: str) -> Any:
    """JSON data in one language: `{fr, en}` texts become strings; empty fields are left out."""
    if isinstance(value, dict):
        if is_text(value):
            return value[lang]
        return {k: _localize(v, lang) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_localize(v, lang) for v in value]
    return value


def record_data(ds: Record, record: Any, lang: str) -> dict[str, Any]:
    data = _localize(record.dump(), lang)
    if "source" in data:
        data["source"] = _sources(ds, record.source, lang)
    return data


# Regions


def _share(region: Record, belgium: Record | None) -> float | None:
    """GDP per capita as a share of Belgium's: computed here, not a figure of the source."""
    if not (belgium and belgium.gdp_per_capita and region.gdp_per_capita and belgium.gdp_per_capita.value):
        return None
    return round(100 * region.gdp_per_capita.value / belgium.gdp_per_capita.value, 1)


def _index_key(fig: Record) -> str:
    # The whole base: EU28=100 and EU15=100 (or EU28=75) are different figures.
    return "gdp_index_" + "_".join(text.search_key(fig.base or "").split())


def regions(ds: Record, *, lang: str, names: Sequence[str] = (), sort: str | None = None) -> Table:
    chosen = [find_region(ds, n) for n in names] if names else list(ds.regions)
    chosen = list(dict.fromkeys(chosen))
    if sort == "gdp":
        chosen.sort(key=lambda r: -(r.gdp_per_capita.value if r.gdp_per_capita else -1))
    elif sort == "population":
        chosen.sort(key=lambda r: -(r.population.value if r.population else -1))
    elif sort == "name":
        chosen.sort(key=lambda r: text.fold(r.name.get(lang)))
    belgium = next((r for r in ds.regions if r.kind == "country"), None)
    # Index columns from every region, so that the columns do not depend on the selection.
    bases = {_index_key(f): f.base for r in ds.regions for f in r.gdp_per_capita_index}
    rows, data = [], []
    for r in chosen:
        share = _share(r, belgium)
        rows.append(
            {
                "name": r.name.get(lang),
                "population": figure(r.population, lang) if r.population else "",
                "gdp": figure(r.gdp_per_capita, lang) if r.gdp_per_capita else "",
                "share": text.percent(share, lang) if share is not None else "",
                **{_index_key(f): text.number(f.value, lang) for f in r.gdp_per_capita_index},
            }
        )
        row: dict[str, Any] = {
            "id": r.id,
            "name": r.name.get(lang),
            "kind": r.kind,
            "within": r.within,
            "population": r.population.value if r.population else None,
            "gdp_per_capita_eur": r.gdp_per_capita.value if r.gdp_per_capita else None,
            "gdp_share_of_belgium_pct": share,
        }
        # Every row has every index column (None where the slide gives none), for CSV.
        indices = {_index_key(f): f.value for f in r.gdp_per_capita_index}
        row.update({key: indices.get(key) for key in bases})
        row.update({"nuts": r.codes.nuts, "iso_3166": r.codes.iso_3166, "source": _sources(ds, r.source, lang)})
        data.append(row)
    computed = word("computed", lang)
    columns = (
        Column("name", word("region", lang).capitalize() if lang == "en" else "Région"),
        Column("population", word("population", lang), "right"),
        Column("gdp", word("gdp", lang), "right"),
        Column("share", f"{word('share_be', lang)} ({computed})", "right"),
        *(Column(key, f"{'Index' if lang == 'en' else 'Indice'} {base}", "right") for key, base in bases.items()),
    )
    bars = tuple(
        Bar(r.name.get(lang), r.gdp_per_capita.value, figure(r.gdp_per_capita, lang))
        for r in chosen
        if r.gdp_per_capita
    )
    notes = (
        "Share of Belgium is computed by uwe from the GDP per capita figures; it is not a figure of the source."
        if lang == "en"
        else "La part de la Belgique est calculée par uwe à partir du PIB par habitant ; ce n'est pas un chiffre de la source.",
    )
    by_id = {r.id: r for r in ds.regions}
    for r in chosen:
        if r.within in by_id:
            inside, outside = r.name.get(lang), by_id[r.within].name.get(lang)
            notes += (
                f"{inside} lies within {outside}: its figures are part of {outside}'s, never added to them."
                if lang == "en"
                else f"{inside} : territoire compris dans « {outside} » ; ses chiffres en font partie, ils ne s'y ajoutent jamais.",
            )
    title = (
        "Belgium and its regions: GDP per capita" if lang == "en" else "La Belgique et ses régions : PIB par habitant"
    )
    return Table(title, columns, tuple(rows), data, bars, word("gdp", lang), notes)


def _figures(figs: Iterable[Record], lang: str) -> str:
    return "; ".join(figure_with_period(f, lang) for f in figs)


def region(ds: Record, name: str, *, lang: str) -> Document:
    r = find_region(ds, name)
    within = next((x for x in ds.regions if x.id == r.within), None)
    languages = ", ".join(LANGUAGE_NAMES.get(c, (c, c))[lang == "fr"] for c in r.languages)
    if r.language_note:
        languages += f" ({r.language_note.get(lang)})" if languages else r.language_note.get(lang)
    codes = ", ".join(f"{k} {v}" for k, v in (("NUTS", r.codes.nuts), ("ISO 3166", r.codes.iso_3166)) if v)
    candidates = [
        (word("kind", lang), word(r.kind, lang) + (f" ({'within' if lang == 'en' else 'en'} {within.name.get(lang)})" if within else "")),
        (word("code", lang), codes),
        (word("capital", lang), local(r.capital, lang)),
        (word("form_of_state", lang), ", ".join(t.get(lang) for t in r.form_of_state)),
        ("Official languages" if lang == "en" else "Langues officielles", figure(r.official_languages, lang) if r.official_languages else ""),
        ("Regions" if lang == "en" else "Régions", local(r.subdivisions, lang)),
        (word("languages", lang), languages),
        (word("area", lang), figure_with_period(r.area, lang) if r.area else ""),
        (word("population", lang), figure_with_period(r.population, lang) if r.population else ""),
        (word("gdp", lang), figure_with_period(r.gdp_per_capita, lang) if r.gdp_per_capita else ""),
        (word("eu_index", lang), _figures(r.gdp_per_capita_index, lang)),
        (word("world_rank", lang), figure_with_period(r.gdp_per_capita_world_rank, lang) if r.gdp_per_capita_world_rank else ""),
        (word("unemployment", lang), _figures(r.unemployment_rate, lang)),
        (word("employment", lang), _figures(r.employment_rate, lang)),
    ]
    fields = tuple((label, value) for label, value in candidates if value)
    sections = []
    if r.main_industrial_sectors:
        heading = "Main industrial sectors" if lang == "en" else "Principaux secteurs industriels"
        sections.append(Section(heading, tuple(Item(t.get(lang)) for t in r.main_industrial_sectors)))
    sections.append(_source_section(ds, r.source, lang))
    return Document(r.name.get(lang), record_data(ds, r, lang), fields, tuple(sections))


def _source_section(ds: Record, ids: Iterable[str], lang: str) -> Section:
    p = ds.presentation
    where = f"{p.author.get(lang)}, {p.place.get(lang)}, {text.long_date(presentation_date(ds), lang)}"
    titles = dict.fromkeys(_sources(ds, ids, lang))  # two slides may share a title
    return Section(word("source", lang), tuple(Item(f"{s} — {where}") for s in titles))


# Schemes


def _funding(s: Record, lang: str) -> str:
    if not s.funding:
        return ""
    f = s.funding
    parts = [figure(f.amount_per_year, lang)]
    if f.duration:
        parts.append(("for " if lang == "en" else "pendant ") + figure(f.duration, lang))
    shown = " ".join(parts)
    if f.degression:
        shown += f"; {f.degression.get(lang)}"
    return shown


def _period(s: Record, lang: str) -> str:
    """A scheme's years, where the slides give them: `1999–2005`, `since 2006`."""
    if s.start and s.end:
        return f"{s.start}–{s.end}"
    if s.start:
        return f"{'since' if lang == 'en' else 'depuis'} {s.start}"
    return ""


def _scheme_data(ds: Record, s: Record, lang: str) -> dict[str, Any]:
    data = record_data(ds, s, lang)
    data["clusters"] = [c.id for c in ds.clusters if s.id in scheme_ids(c.dump())]
    return data


def schemes(ds: Record, *, lang: str, names: Sequence[str] = ()) -> Table:
    chosen = list(dict.fromkeys(find_scheme(ds, n) for n in names)) if names else list(ds.schemes)
    attributes = [
        ("period", lambda s: _period(s, lang) or "—"),
        ("status", lambda s: word(s.status, lang)),
        ("legal_basis", lambda s: local(s.legal_basis, lang) or "—"),
        ("funding", lambda s: _funding(s, lang) or "—"),
        ("groupings", lambda s: figure(s.groupings, lang)),
        ("participants", lambda s: local(s.participants, lang) or "—"),
        ("outcome", lambda s: " ".join(t.get(lang) for t in s.outcome) or local(s.assessment, lang) or "—"),
    ]
    columns = (Column("field", ""), *(Column(s.id, s.name.get(lang)) for s in chosen))
    rows = tuple({"field": word(key, lang), **{s.id: get(s) for s in chosen}} for key, get in attributes)
    data = [_scheme_data(ds, s, lang) for s in chosen]
    title = "Wallonia's clustering schemes" if lang == "en" else "Les dispositifs de clustering en Wallonie"
    return Table(title, columns, rows, data)


def scheme(ds: Record, name: str, *, lang: str) -> Document:
    s = find_scheme(ds, name)
    f = s.funding
    candidates = [
        (word("period", lang), _period(s, lang) or local(s.period, lang)),
        # The slide's own words on the period, where the years above leave them out.
        (word("as_the_slides_say", lang), local(s.period, lang) if _period(s, lang) else ""),
        (word("status", lang), word(s.status, lang)),
        (word("legal_basis", lang), local(s.legal_basis, lang)),
        (word("groupings", lang), figure(s.groupings, lang) + (f" ({s.groupings.note.get(lang)})" if s.groupings.note else "")),
        (word("participants", lang), local(s.participants, lang)),
        (word("funding", lang), _funding(s, lang)),
        ("Accreditation" if lang == "en" else "Agrément", figure(f.accreditation, lang) if f and f.accreditation else ""),
    ]
    fields = tuple((k, v) for k, v in candidates if v)

    def texts(heading: str, items: Iterable[Any]) -> Section | None:
        found = tuple(Item(t.get(lang)) for t in items)
        return Section(heading, found) if found else None

    named = [c for c in ds.clusters if s.id in scheme_ids(c.dump())]
    results_section = None
    if s.results:
        results_section = Section(
            word("results", lang),
            tuple(Item(f"{figure(r.figure, lang)} — {r.label.get(lang)}") for r in s.results),
        )
    sections = [
        texts("Definition" if lang == "en" else "Définition", [s.definition] if s.definition else []),
        texts(word("criteria", lang), s.criteria),
        texts(word("features", lang), s.features),
        texts("Objectives" if lang == "en" else "Objectifs", s.objectives),
        texts("Funding rules" if lang == "en" else "Règles de financement", f.notes if f else ()),
        texts(word("axes", lang), s.activity_axes),
        Section("Activities" if lang == "en" else "Activités", tuple(Item(p.text.get(lang), tuple(t.get(lang) for t in p.points)) for p in s.activities)) if s.activities else None,
        Section(word("benefits", lang), tuple(Item(f"{b.beneficiary.get(lang)}{text.colon(lang)}{b.benefits.get(lang)}") for b in s.benefits)) if s.benefits else None,
        texts(word("outcome", lang), s.outcome),
        results_section,
        texts(word("assessment", lang), [s.assessment] if s.assessment else []),
        Section(word("clusters", lang), tuple(Item(_cluster_line(c, s.id, lang)) for c in named)) if named else None,
        _source_section(ds, s.source, lang),
    ]
    return Document(s.name.get(lang), _scheme_data(ds, s, lang), fields, tuple(x for x in sections if x))


def _cluster_line(c: Record, scheme_id: str, lang: str) -> str:
    domain = next((m.domain for m in c.memberships if m.scheme == scheme_id and m.domain), None)
    line = c.name.get(lang) + (f" — {domain.get(lang)}" if domain else "")
    return line + (f" ({word(c.status, lang)})" if c.status != "active" else "")


# Clusters and sectors


def clusters(
    ds: Record,
    *,
    lang: str,
    sector: Sequence[str] = (),
    scheme_name: Sequence[str] = (),
    status: Sequence[str] = (),
    search: str | None = None,
) -> Table:
    """The groupings that pass every filter given; a filter given twice means either value."""
    # Filters and rows read the validated data itself, not Records: on a folder of 10,000
    # groupings, wrapping each one to read a field would cost more than the rest of the
    # command.
    chosen: list[dict[str, Any]] = ds.dump()["clusters"]
    filters = []
    either = " or " if lang == "en" else " ou "
    if sector:
        sectors = list(dict.fromkeys(find_sector(ds, s) for s in sector))
        ids = {s.id for s in sectors}
        chosen = [c for c in chosen if not ids.isdisjoint(c["sectors"])]
        filters.append(f"{word('sector', lang).lower()} " + either.join(s.name.get(lang) for s in sectors))
    if scheme_name:
        schemes = list(dict.fromkeys(find_scheme(ds, s) for s in scheme_name))
        ids = {s.id for s in schemes}
        chosen = [c for c in chosen if any(m["scheme"] in ids for m in c["memberships"])]
        filters.append(either.join(s.name.get(lang) for s in schemes))
    if status:
        statuses = list(dict.fromkeys(lookup.choose(s, CLUSTER_STATUSES, what="status") for s in status))
        chosen = [c for c in chosen if c["status"] in statuses]
        filters.append(either.join(word(s, lang) for s in statuses))
    if search is not None:
        key = _search_key(search)
        chosen = [c for c in chosen if any(text.mentions(t, key) for t in _cluster_texts(Record(c)))]
        filters.append(f"“{search}”")
    names = {s.id: s.name.get(lang) for s in ds.schemes}
    sector_names = {s.id: s.name.get(lang) for s in ds.sectors}
    rows, data = [], []
    for c in chosen:
        in_schemes = scheme_ids(c)
        domain = first_domain(c, lang)
        rows.append(
            {
                "name": c["name"][lang],
                "schemes": "\n".join(names[m] for m in in_schemes),
                "domain": domain or "",
                "sectors": ", ".join(sector_names[x] for x in c["sectors"]),
                "status": word(c["status"], lang),
            }
        )
        data.append(
            {
                "id": c["id"],
                "name": c["name"][lang],
                "schemes": in_schemes,
                "domain": domain,
                "sectors": list(c["sectors"]),
                "status": c["status"],
                "source": _sources(ds, c["source"], lang),
            }
        )
    columns = (
        Column("name", word("cluster", lang)),
        Column("schemes", word("schemes", lang)),
        Column("domain", word("domain", lang)),
        Column("sectors", word("sectors", lang)),
        Column("status", word("status", lang)),
    )
    title = ("Named groupings" if lang == "en" else "Groupements nommés") + f" ({len(rows)})"
    if filters:
        title += text.colon(lang) + ", ".join(filters)
    return Table(title, columns, tuple(rows), data)


def _cluster_texts(c: Record) -> Iterator[str]:
    yield c.id
    for t in (c.name, *(m.domain for m in c.memberships if m.domain)):
        yield t.fr
        yield t.en


def cluster(ds: Record, name: str, *, lang: str) -> Document:
    c = find_cluster(ds, name)
    schemes_by_id = {s.id: s for s in ds.schemes}
    sector_names = {s.id: s.name.get(lang) for s in ds.sectors}
    fields = [
        (word("schemes", lang), ", ".join(schemes_by_id[m].name.get(lang) for m in scheme_ids(c.dump()))),
        (word("status", lang), word(c.status, lang)),
        (word("sectors", lang), ", ".join(sector_names[s] for s in c.sectors) or "—"),
    ]
    domains = Section(
        word("domain", lang),
        tuple(
            Item(f"{schemes_by_id[m.scheme].name.get(lang)}{text.colon(lang)}{m.domain.get(lang)}")
            for m in c.memberships
            if m.domain
        ),
    )
    sections = tuple(x for x in (domains if domains.items else None, _source_section(ds, c.source, lang)) if x)
    data = record_data(ds, c, lang)
    # As in `uwe clusters`: every scheme, and the first domain, with no need to read memberships.
    data["schemes"] = scheme_ids(c.dump())
    domain = first_domain(c.dump(), lang)
    if domain is not None:  # (empty fields are left out, as everywhere in record_data)
        data["domain"] = domain
    return Document(c.name.get(lang), data, tuple(fields), sections)


def _sector_slides(ds: Record, sector: Record) -> list[str]:
    """The sector tags are uwe's: what supports one is the slides of the groupings it tags."""
    return list(dict.fromkeys(slide_id for c in ds.clusters if sector.id in c.sectors for slide_id in c.source))


def sectors(ds: Record, *, lang: str) -> Table:
    counts = {s.id: sum(s.id in c.sectors for c in ds.clusters) for s in ds.sectors}
    other = "fr" if lang == "en" else "en"
    rows = tuple(
        {
            "name": s.name.get(lang),
            "id": s.id,
            "count": str(counts[s.id]),
            # The full list is in --format json; a table shows enough to recognise the sector.
            "also": ", ".join([s.name.get(other), *s.synonyms[:3]]) + (", …" if len(s.synonyms) > 3 else ""),
        }
        for s in ds.sectors
    )
    data = [
        {
            "id": s.id,
            "name_en": s.name.en,
            "name_fr": s.name.fr,
            "synonyms": list(s.synonyms),
            "groupings": counts[s.id],
            "source": _sources(ds, _sector_slides(ds, s), lang),
        }
        for s in ds.sectors
    ]
    columns = (
        Column("name", word("sector", lang)),
        Column("id", "--sector"),
        Column("count", word("groupings", lang), "right"),
        Column("also", "Also matches" if lang == "en" else "Autres noms reconnus"),
    )
    return Table(word("sectors", lang), columns, rows, data)


# What the experience taught, the first results, the concepts


def lessons(ds: Record, *, lang: str, kind: str | None = None) -> Document:
    wanted = lookup.choose(kind, LESSON_KINDS, what="lesson kind") if kind is not None else None
    chosen = [x for x in ds.lessons if wanted in (None, x.kind)]
    sections = tuple(
        Section(word(k, lang), tuple(Item(x.text.get(lang), tuple(p.get(lang) for p in x.points)) for x in chosen if x.kind == k))
        for k in dict.fromkeys(x.kind for x in chosen)
    )
    title = "Lessons from the Walloon experience" if lang == "en" else "Les leçons à tirer des expériences wallonnes"
    return Document(title, [record_data(ds, x, lang) for x in chosen], sections=sections)


def results(ds: Record, *, lang: str) -> Table:
    assessed = next((s for s in ds.schemes if s.results), None)
    if assessed is None:
        raise UsageError("this dataset has no assessment results")
    by_id = {r.id: r for r in assessed.results}

    def depth(result_id: str | None) -> int:
        return 0 if result_id is None else 1 + depth(by_id[result_id].part_of)

    rows = tuple(
        {"label": "  " * depth(r.part_of) + r.label.get(lang), "figure": figure(r.figure, lang)} for r in assessed.results
    )
    data = [
        {
            "id": r.id,
            "label": r.label.get(lang),
            "value": r.figure.value,
            "unit": r.figure.unit,
            "period": r.figure.period,
            "part_of": r.part_of,
            "scheme": assessed.id,
            "source": _sources(ds, assessed.results_source or assessed.source, lang),
        }
        for r in assessed.results
    ]
    columns = (Column("label", word("results", lang)), Column("figure", word("figure", lang), "right"))
    title = f"{word('results', lang)}{text.colon(lang)}{assessed.name.get(lang)}"
    notes = (assessed.assessment.get(lang),) if assessed.assessment else ()
    return Table(title, columns, rows, data, notes=notes)


def concepts(ds: Record, *, lang: str) -> Document:
    def item(c: Any) -> Item:
        body = c.text.get(lang)
        if c.kind == "definition":
            who = ", ".join(str(x) for x in (c.author, c.year) if x)
            # In English, the quotation is our translation of the French the slide quotes.
            body = f"« {body} »" if lang == "fr" else f"“{body}” [translated from the French]"
            body += f" ({who})" if who else ""
        subs = tuple(p.get(lang) for p in c.points)
        if c.quoted_in:
            subs += (("Quoted in: " if lang == "en" else "Cité dans : ") + c.quoted_in.get(lang),)
        return Item(body, subs)

    sections = tuple(
        Section(word(k, lang), tuple(item(c) for c in ds.concepts if c.kind == k))
        for k in dict.fromkeys(c.kind for c in ds.concepts)
    )
    title = "Clustering: definitions and concepts" if lang == "en" else "Le clustering : définitions et concepts"
    return Document(title, [record_data(ds, c, lang) for c in ds.concepts], sections=sections)


def about(ds: Record, *, lang: str) -> Document:
    o, p = ds.organisation, ds.presentation
    day = text.long_date(presentation_date(ds), lang)
    fields = (
        (word("name", lang), f"{o.name.get(lang)} ({o.acronym})"),
        ("Founded" if lang == "en" else "Création", str(o.founded)),
        (word("kind", lang), o.kind.get(lang)),
        ("Members" if lang == "en" else "Membres", figure(o.members, lang)),
        ("Member federations" if lang == "en" else "Fédérations adhérentes", figure(o.member_federations, lang)),
        (word("funding", lang), o.funding.get(lang)),
        ("Role" if lang == "en" else "Rôle", o.role.get(lang)),
        ("Mission", o.mission.get(lang)),
    )
    slides = tuple(
        Item(slide_label(s, lang))
        for s in p.slides
    )
    presentation = Section(
        "The source" if lang == "en" else "La source",
        fields=(
            ("Author" if lang == "en" else "Auteur", p.author.get(lang)),
            ("Event" if lang == "en" else "Événement", p.event.get(lang)),
            ("Place" if lang == "en" else "Lieu", p.place.get(lang)),
            ("Date", day),
            (word("slides", lang), str(len(p.slides))),
        ),
    )
    sections = (
        Section("Actions", tuple(Item(a.get(lang)) for a in o.actions)),
        presentation,
        Section(word("slides", lang), slides),
    )
    data = {
        "organisation": record_data(ds, o, lang),
        "presentation": _localize(p.dump(), lang),
    }
    return Document(o.name.get(lang), data, fields, sections)


# The overview, citations and search across everything


def overview(ds: Record, *, lang: str) -> Document:
    shown = [r for r in ds.regions if r.kind == "country"] + [r for r in ds.regions if r.id == "wallonia"]
    fields = []
    for r in shown:
        parts = [figure(r.population, lang) if r.population else ""]
        if r.gdp_per_capita:
            parts.append(f"{word('gdp', lang)} {figure(r.gdp_per_capita, lang)}")
        parts += [f"{'index' if lang == 'en' else 'indice'} {figure(f, lang)}" for f in r.gdp_per_capita_index[:1]]
        fields.append((r.name.get(lang), ", ".join(p for p in parts if p)))
    schemes_section = Section(
        word("schemes", lang),
        tuple(Item(f"{s.name.get(lang)}{text.colon(lang)}{s.summary.get(lang)}") for s in ds.schemes),
    )
    commands = (
        ("uwe regions", "compare GDP per capita", "comparer le PIB par habitant"),
        ("uwe region wallonia", "one region's profile", "le profil d'une région"),
        ("uwe schemes", "the four schemes side by side", "les quatre dispositifs côte à côte"),
        ("uwe clusters --sector energy", "find groupings", "trouver des groupements"),
        ("uwe results", "the poles' first assessment", "le premier bilan des pôles"),
        ("uwe lessons", "what the policy taught", "les leçons de la politique"),
        ("uwe concepts", "definitions of clustering", "définitions du clustering"),
        ("uwe search TEXT", "search everything", "chercher partout"),
        ("uwe about", "the UWE and the source", "l'UWE et la source"),
        ("uwe --help", "every command", "toutes les commandes"),
    )
    go = Section(
        "Go further" if lang == "en" else "Pour aller plus loin",
        tuple(Item(f"{cmd}  —  {fr if lang == 'fr' else en}") for cmd, en, fr in commands),
    )
    p, day = ds.presentation, presentation_date(ds)
    title = (
        f"uwe: Belgium, Wallonia and business clusters ({p.author.en}, {p.place.en}, {text.long_date(day, lang)})"
        if lang == "en"
        else f"uwe : la Belgique, la Wallonie et les clusters ({p.author.fr}, {p.place.fr}, {text.long_date(day, lang)})"
    )
    data = {
        "regions": [record_data(ds, r, lang) for r in shown],
        "schemes": [
            {"id": s.id, "name": s.name.get(lang), "summary": s.summary.get(lang), "source": _sources(ds, s.source, lang)}
            for s in ds.schemes
        ],
        "commands": [cmd for cmd, _, _ in commands],
    }
    return Document(title, data, tuple(fields), (schemes_section, go))


def _citable(ds: Record, *, slides: bool) -> list[tuple[str, Any]]:
    """(kind, record) for every record that cites slides; the slides themselves if asked."""
    found = [
        *(("region", r) for r in ds.regions),
        *(("scheme", r) for r in ds.schemes),
        *(("cluster", r) for r in ds.clusters),
        *(("lesson", r) for r in ds.lessons),
        *(("concept", r) for r in ds.concepts),
        ("organisation", ds.organisation),
    ]
    return found + [("slide", s) for s in ds.presentation.slides] if slides else found


def _find_citable(ds: Record, name: str) -> tuple[str, Any]:
    """A record by its name, else a slide (a slide shares its id with the record it shows:
    `wallonia` is the region; `slide:wallonia` is the slide)."""
    entry_names = lambda entry: lookup.names(entry[1])
    if name.startswith("slide:"):
        slides = [("slide", s) for s in ds.presentation.slides]
        return lookup.find(slides, name.removeprefix("slide:"), what="slide", names=entry_names)
    try:
        return lookup.find(_citable(ds, slides=False), name, what="record", names=entry_names)
    except lookup.NotFound:  # (several records: say so, do not pick a slide instead)
        slides = [("slide", s) for s in ds.presentation.slides]
        try:
            return lookup.find(slides, name, what="slide", names=entry_names)
        except lookup.NotFound:
            pass
        raise


def cite(ds: Record, *, lang: str, name: str | None = None) -> Document:
    from uwe_cli import __version__
    from uwe_cli.bibtex import misc

    p, day = ds.presentation, presentation_date(ds)
    where = f"{p.event.get(lang)}, {p.place.get(lang)}, {text.long_date(day, lang)}"
    author = f"{ds.organisation.name.fr} ({ds.organisation.acronym})"
    if name is None:
        kind, slides, label, key = "dataset", list(p.slides), "", "all"
    else:
        kind, record = _find_citable(ds, name)
        slides = [record] if kind == "slide" else [slide(ds, s) for s in record.source]
        label, key = display_name(record, lang), record.id
    # Slide titles are cited in the original French; the page where the slide prints one.
    titles = [f"« {slide_label(s, 'fr')} »" for s in slides]
    if kind == "dataset":
        text_citation = f"{author}. {word('slides', lang)}, {where}. {word('data', lang)}{text.colon(lang)}uwe {__version__}."
        bib_title = f"{word('slides', 'fr')}, {p.event.fr}, {p.place.fr}"
        note = f"{len(slides)} slides"
    else:
        slide_word = word("slide" if len(slides) == 1 else "slides", lang).lower()
        text_citation = (
            f"{author}. {'; '.join(titles)} ({slide_word}), {where}. "
            f"{word('data', lang)}{text.colon(lang)}uwe {__version__}, {kind} '{key}'."
        )
        bib_title = "; ".join(slide_label(s, "fr") for s in slides)
        note = "; ".join(slide_label(s, "fr") for s in slides)
    bibtex = misc(
        key=f"uwe{day.year}-{key}",
        author=ds.organisation.name.fr,
        title=bib_title,
        howpublished=f"Presentation, {p.event.fr}, {p.place.fr}",
        day=day,
        note=f"{text.long_date(day, 'en')}; {note}; data: uwe {__version__}",
    )
    fields = ((word("source", lang), text_citation),)
    sections = (Section("BibTeX", verbatim=bibtex),)
    data = {
        "record": key,
        "kind": kind,
        "name": label or None,
        "slides": [slide_label(s, "fr") for s in slides],
        "citation": text_citation,
        "bibtex": bibtex,
    }
    title = word("how_to_cite", lang) + (f"{text.colon(lang)}{label}" if label else "")
    return Document(title, data, fields, sections)


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str | None, str]]:
    """(field, language or None, text) for every text inside a dumped record."""
    if isinstance(value, dict):
        if is_text(value):
            yield path, "fr", value["fr"]
            yield path, "en", value["en"]
            return
        for key, item in value.items():
            if key not in ("source", "id"):
                yield from _strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, None, value


def search(ds: Record, *, lang: str, query: str) -> Table:
    key = _search_key(query)
    rows, data = [], []
    for kind, record in [*_citable(ds, slides=True), *(("sector", s) for s in ds.sectors)]:
        dumped = record.dump()
        seen: set[str] = set()
        for field, found_lang, value in _strings(dumped):
            if field in seen or not text.mentions(value, key):
                continue
            seen.add(field)  # one hit per field, in the first language that matches
            name = display_name(record, lang)
            rows.append({"kind": kind, "record": name, "field": field + (f" ({found_lang})" if found_lang else ""), "text": _snippet(value, key)})
            slides = [record.id] if kind == "slide" else _sector_slides(ds, record) if kind == "sector" else record.source
            source = _sources(ds, slides, lang)
            data.append({"kind": kind, "id": record.id, "name": name, "field": field, "lang": found_lang, "text": value,
                         "source": source})
    columns = (
        Column("kind", word("kind", lang)),
        Column("record", "Record" if lang == "en" else "Fiche"),
        Column("field", "Field" if lang == "en" else "Champ"),
        Column("text", "Match" if lang == "en" else "Correspondance"),
    )
    title = (f"“{query}”: {len(rows)} match{'es' if len(rows) != 1 else ''}" if lang == "en" else f"« {query} » : {len(rows)} résultat{'s' if len(rows) != 1 else ''}")
    return Table(title, columns, tuple(rows), data)


def _search_key(query: str) -> str:
    key = text.search_key(query)
    if not key:
        raise UsageError("give some letters or digits to search for")
    return key


def _snippet(value: str, key: str, room: int = 80) -> str:
    if len(value) <= room:
        return value
    start = max(0, text.locate(value, key) - room // 3)
    piece = value[start : start + room]
    return ("…" if start else "") + piece + ("…" if start + room < len(value) else "")
