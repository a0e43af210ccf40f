"""References between records and files: what pydantic cannot see file by file.

Every check is linear in the number of records and references (sets and dicts, never a
search through a list per item), so that a folder at the size limits is checked in
seconds; the problems are `Finding`s, located afterwards all at once (findings.locate).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypedDict, Union

from uwe_cli.dataset import facts
from uwe_cli.dataset.checks.findings import Finding, dotted
from uwe_cli.i18n.messages import Listing, msg, msg_n
from uwe_cli.names.lookup import WHAT, did_you_mean
from uwe_cli.names.matching import fold

if TYPE_CHECKING:
    from uwe_cli.dataset import models

    class Parts(TypedDict):
        """The validated files, by name (store.FILES): what the checks read, typed by the models."""

        about: models.AboutFile
        regions: models.RegionsFile
        schemes: models.SchemesFile
        clusters: models.ClustersFile
        sectors: models.SectorsFile
        lessons: models.LessonsFile
        concepts: models.ConceptsFile

    # A record that cites slides (`source`).
    Citing = Union[models.Region, models.Scheme, models.Cluster, models.Lesson, models.Concept, models.Organisation]
    # _References.check: (what, value, known, file name, *where) -> findings.
    Refers = Callable[..., Iterator[Finding]]

# "did you mean" compares a name with every known one (difflib, a few microseconds each):
# offered while the comparisons made stay under this many, a second or so.
MAX_COMPARED = 200_000
# A cycle of results names the others it goes through, up to this many.
MAX_THROUGH = 5


def _at(name: str, loc: tuple[Any, ...], message: Any, *, first: tuple[Any, ...] | None = None) -> Finding:
    return Finding(name, loc, message, dotted(loc), first)


class _References:
    """Checks that a reference names a known id; suggests close ids within MAX_COMPARED."""

    def __init__(self) -> None:
        self.compared = 0

    def check(self, what: str, value: str | None, known: dict[str, None], name: str, *loc: Any) -> Iterator[Finding]:
        if value is None or value in known:
            return
        unknown = msg("unknown {what} '{query}'", what=WHAT[what], query=value)
        if self.compared + len(known) <= MAX_COMPARED:
            self.compared += len(known)
            unknown = did_you_mean(unknown, value, list(known))
        yield _at(name, loc, unknown)


def check(parts: Parts, files: tuple[str, ...]) -> Iterator[Finding]:
    """Every problem between the validated files `parts` (file name -> content), in `files` order."""
    refers = _References().check
    about = parts["about"]
    slides = dict.fromkeys(s.id for s in about.presentation.slides)
    yield from _duplicates([s.id for s in about.presentation.slides], name="about", loc=("presentation", "slides"))
    lists: dict[str, tuple[Any, ...]] = {name: getattr(parts[name], name) for name in files if name != "about"}  # type: ignore[literal-required]
    for name, records in lists.items():
        yield from _duplicates([r.id for r in records], name=name, loc=(name,))

    # Every slide cited exists.
    cited: list[tuple[str, Citing, tuple[Any, ...], str]] = [("about", about.organisation, ("organisation",), "source")]
    cited += [(n, r, (n, i), "source") for n, records in lists.items() if n != "sectors" for i, r in enumerate(records)]
    for name, record, loc, field in cited:
        for j, slide in enumerate(getattr(record, field)):
            yield from refers("slide", slide, slides, name, *loc, field, j)
        yield from _facts(name, record, loc)
    # (a glossary term's source is its usages' slides: each usage names one)
    for i, term in enumerate(parts["concepts"].glossary):
        for j, usage in enumerate(term.usages):
            yield from refers("slide", usage.slide, slides, "concepts", "glossary", i, "usages", j, "slide")
            if usage.quote.slide not in (None, usage.slide):  # (a usage's words are on its one slide)
                where = ("glossary", i, "usages", j, "quote", "slide")
                message = msg("slide '{slide}' is not one of its record's (source)", slide=usage.quote.slide)
                hint = msg("name one of {slides}, or add '{slide}' to the record's source",
                           slides=Listing((msg("'{name}'", name=usage.slide),), style="or"), slide=usage.quote.slide)  # fmt: skip
                yield Finding("concepts", where, message, dotted(where), hint=hint)

    regions = parts["regions"].regions
    region_ids = dict.fromkeys(r.id for r in regions)
    for i, region in enumerate(regions):
        yield from refers("region", region.within, region_ids, "regions", "regions", i, "within")
        if region.within == region.id:  # (its figures would be counted within themselves)
            yield _at("regions", ("regions", i, "within"), msg("a region cannot lie within itself"))

    for i, erratum in enumerate(about.errata):
        yield from refers("slide", erratum.slide, slides, "about", "errata", i, "slide")
    yield from _duplicates([e.id for e in about.errata], name="about", loc=("errata",))
    yield from _clusters(parts, refers)
    for i, scheme in enumerate(parts["schemes"].schemes):
        yield from _results(scheme, index=i, refers=refers)
    yield from _sector_words(parts["sectors"].sectors)


def _facts(name: str, record: Citing, loc: tuple[Any, ...]) -> Iterator[Finding]:
    """Each fact names the one slide that states it: one of its record's, and where the record
    cites several, one given (facts.py)."""
    own = dict.fromkeys(record.source)
    cites = Listing(tuple(msg("'{name}'", name=s) for s in own), style="or")  # (quoted as the reader's language quotes)
    for where, slide in facts.placed(record, loc):
        if slide is None and len(own) > 1:
            message = msg("names no slide, and its record cites several")
            hint = msg("add 'slide:' with the one that states it: {slides}", slides=cites)
            yield Finding(name, where, message, dotted(where), hint=hint)
        elif slide is not None and slide not in own:
            message = msg("slide '{slide}' is not one of its record's (source)", slide=slide)
            hint = msg("name one of {slides}, or add '{slide}' to the record's source", slides=cites, slide=slide)
            yield Finding(name, (*where, "slide"), message, dotted((*where, "slide")), hint=hint)


def _clusters(parts: Parts, refers: Refers) -> Iterator[Finding]:
    """Each grouping's schemes and sectors exist; each scheme counts the groupings it names."""
    schemes = parts["schemes"].schemes
    scheme_ids = dict.fromkeys(s.id for s in schemes)
    sector_ids = dict.fromkeys(s.id for s in parts["sectors"].sectors)
    named: dict[str, int] = {}
    for i, cluster in enumerate(parts["clusters"].clusters):
        seen: set[str] = set()
        for j, membership in enumerate(cluster.memberships):
            loc = ("clusters", i, "memberships", j, "scheme")
            yield from refers("scheme", membership.scheme, scheme_ids, "clusters", *loc)
            if membership.scheme in seen:
                yield _at("clusters", loc, msg("scheme '{scheme}' is listed twice", scheme=membership.scheme))
            seen.add(membership.scheme)
            named[membership.scheme] = named.get(membership.scheme, 0) + 1
        for j, sector in enumerate(cluster.sectors):
            yield from refers("sector", sector, sector_ids, "clusters", "clusters", i, "sectors", j)
    for i, scheme in enumerate(schemes):
        count = named.get(scheme.id, 0)
        # A scheme whose groupings the source does not name has none in clusters.yaml.
        if count and count != scheme.groupings.value:
            message = msg("says {said} groupings but clusters.yaml names {count} with this scheme: correct the one "
                          "that is wrong", said=f"{scheme.groupings.value:g}", count=count)  # fmt: skip
            yield _at("schemes", ("schemes", i, "groupings"), message)


def _results(scheme: models.Scheme, *, index: int, refers: Refers) -> Iterator[Finding]:
    """A scheme's results: unique ids, known parents, and no result that comes from itself.

    A result is part of another (a subset) or an output of it: either way it points to one.
    """
    ids = [r.id for r in scheme.results]
    yield from _duplicates(ids, name="schemes", loc=("schemes", index, "results"))
    known = dict.fromkeys(ids)
    parent = {r.id: (r.part_of or r.output_of) for r in scheme.results}
    cycles = _cycles(parent)
    for k, result in enumerate(scheme.results):
        field = "part_of" if result.part_of else "output_of"
        loc = ("schemes", index, "results", k, field)
        yield from refers("result", parent[result.id], known, "schemes", *loc)
        if result.id in cycles:
            through = sorted(cycles[result.id] - {result.id})
            if field == "part_of":
                itself = msg("'{id}' is part of itself", id=result.id)
            else:
                itself = msg("'{id}' is an output of itself", id=result.id)
            if through:
                more = len(through) - MAX_THROUGH
                listed: Any = Listing(tuple(through[:MAX_THROUGH]), style="comma")
                if more > 0:
                    listed = msg_n("{listed} and {n} more", "{listed} and {n} more", n=more, listed=listed)
                itself = msg("{error} (through {ids})", error=itself, ids=listed)
            yield _at("schemes", loc, itself)


def _cycles(parent: dict[str, str | None]) -> dict[str, frozenset[str]]:
    """Each id that is, through its parents, part of itself -> the ids of its cycle.

    Each id is walked once (a chain met again is not walked again): linear, however long
    the chains.
    """
    done: set[str] = set()
    cycles: dict[str, frozenset[str]] = {}
    for start in parent:
        chain: dict[str, None] = {}
        current: str | None = start
        while current in parent and current not in done and current not in chain:
            chain[current] = None
            current = parent[current]
        if current in chain:  # the walk came back to itself: a cycle from `current` on
            members = list(chain)[list(chain).index(current) :]
            cycle = frozenset(members)
            cycles.update(dict.fromkeys(members, cycle))
        done.update(chain)
    return cycles


def _sector_words(sectors: tuple[models.Sector, ...]) -> Iterator[Finding]:
    """A sector word must lead to one sector only, or `--sector WORD` would be ambiguous."""
    owner: dict[str, str] = {}
    for i, sector in enumerate(sectors):
        # (the names in translations/*.po come after validation, English included: not checked here)
        for word in sorted({sector.id, sector.name.fr, sector.name.en or sector.name.fr, *sector.synonyms}):
            key = fold(word)
            if owner.setdefault(key, sector.id) != sector.id:
                yield _at("sectors", ("sectors", i), msg("'{word}' already names sector '{sector}'", word=word,
                                                         sector=owner[key]))  # fmt: skip


def _duplicates(ids: list[str], *, name: str, loc: tuple[Any, ...], field: str = "id") -> Iterator[Finding]:
    first: dict[str, int] = {}
    for i, record_id in enumerate(ids):
        if record_id in first:
            yield _at(
                name, (*loc, i, field), msg("duplicate id '{id}'", id=record_id), first=(*loc, first[record_id], field)
            )
        else:
            first[record_id] = i
