"""Find what a person types: a record by id, name in any language or alias, or a choice.

Comparison ignores case, accents, spaces and punctuation (matching.fold), so `val+` finds
"(Val)+" and `wallonie` finds Wallonia. Whatever is not found gets the closest names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from uwe_cli.errors import UsageError
from uwe_cli.i18n.language import in_languages
from uwe_cli.i18n.messages import Listing, Message, msg, msg_p
from uwe_cli.names.matching import fold, latin

T = TypeVar("T")


class NotFound(UsageError):
    """Nothing has that name."""


class Ambiguous(UsageError):
    """Several things have a name that starts so."""


def _in_every_language(text: dict[str, str]) -> tuple[str, ...]:
    """A text's words in every language it has, English first (suggestions are English; a text
    whose English translation is outdated has none: its French comes first)."""
    return tuple(dict.fromkeys((text.get("en") or text["fr"], *in_languages(text).values())))


def names(record: Any) -> tuple[str, ...]:
    """What a record (validated data) may be called, in any language, its English name first."""
    label = record.get("name") or record.get("title")
    shown: tuple[str, ...] = _in_every_language(label) if label is not None else ()
    subtitle = record.get("subtitle")  # a slide: "title — subtitle" tells it apart
    if label is not None and subtitle is not None:
        full = {lang: f"{text} — {subtitle.get(lang, subtitle['fr'])}" for lang, text in label.items()}
        shown = (*_in_every_language(full), *shown, *_in_every_language(subtitle))
    codes = record.get("codes") or {}  # a region's NUTS and ISO 3166 codes
    codes = tuple(c for c in (codes.get("nuts"), codes.get("iso_3166")) if c)
    return (*shown, record["id"], *record.get("aliases", ()), *record.get("synonyms", ()), *codes)


def display_name(record: Any) -> Any:
    """A record's name in every language (a slide's with its subtitle); its id where it has none."""
    label = record.get("name") or record.get("title")
    if label is None:
        return record["id"]
    subtitle = record.get("subtitle")
    return msg("{title} — {subtitle}", title=label, subtitle=subtitle) if subtitle else label


def find(
    records: Sequence[T],
    query: str,
    *,
    what: str,
    hint: Any = "",
    names: Callable[[T], Iterable[str]] = names,
) -> T:
    """The record `query` names: by exact id, then exact name, then unique prefix.

    Raises UsageError with the closest names (or `hint`) when nothing, or several, match.
    """
    key = fold(query)
    by_id = [r for r in records if key and isinstance(_record_of(r), dict) and fold(_record_of(r)["id"]) == key]
    if len(by_id) == 1:
        return by_id[0]
    keyed = [(k, r) for r in records for n in names(r) if (k := fold(n))]
    exact = _unique(r for k, r in keyed if k == key)
    if len(exact) > 1:  # several answer to the name: the one whose display name it is
        exact = [r for r in exact if fold(_label(r, names)) == key] or exact
    if len(exact) == 1:
        return exact[0]
    prefixed = exact or _unique(r for k, r in keyed if key and k.startswith(key))
    if not prefixed and key and key.isascii():  # Bulgarian names in Latin letters: `valonia`, `bryuksel`
        keyed = [(k, r) for r in records for n in names(r) for w in latin(n) if (k := fold(w))]
        prefixed = _unique(r for k, r in keyed if k == key) or _unique(r for k, r in keyed if k.startswith(key))
    if len(prefixed) == 1:
        return prefixed[0]
    if prefixed:
        shown = list({repr(label): label for label in (_shown_label(r, names) for r in prefixed[:5])}.values())
        ids = {
            repr(_shown_label(r, names)): _record_of(r).get("id")
            for r in prefixed[:5]
            if isinstance(_record_of(r), dict)
        }
        # (each with its id, the one word that is never ambiguous: 'Export grappes' (export-grappes))
        options = Listing(tuple(msg("'{name}' ({id})", name=label, id=ids[repr(label)]) if ids.get(repr(label))
                                else msg("'{name}'", name=label) for label in shown), style="comma")  # fmt: skip
        kinds = _WHAT_PLURAL.get(what, f"{what}s")
        raise Ambiguous(msg("'{query}' could be several {what}: {options}; type an id in brackets, or more of the name",
                            query=query, what=kinds, options=options))  # fmt: skip
    unknown = (
        _UNKNOWN_CHOICE[what] if what in _UNKNOWN_CHOICE else msg("unknown {what} '{query}'", what=WHAT.get(what, what))
    )
    unknown = Message(unknown.id, {**unknown.args, "query": query}, context=unknown.context)
    candidates = [(n, _shown_label(r, names)) for r in records for n in names(r)]
    raise NotFound(did_you_mean(unknown, query, candidates, otherwise=hint))


def choose(
    value: str,
    choices: Mapping[str, tuple[str, ...]],
    *,
    what: str,
    shown: Callable[[], Mapping[str, Iterable[str]]] | None = None,
    words: Mapping[str, Any] | None = None,
) -> str:
    """The canonical choice `value` stands for (`en formation` -> `in-formation`).

    `shown` gives, by choice, the words the tool shows for it in every language (`actief`,
    `активно`): what the tool shows, it accepts. Asked for only when the choices' own words
    do not answer, so that `--status active` reads no catalogue. `words`: each choice as the
    reader's language says it, for the hint (`utilisez pib, population ou nom`).
    """
    entries = list(choices.items())
    said = tuple(words[key] for key in choices) if words else tuple(choices)
    hint = msg("use {choices}", choices=Listing(said, style="or"))
    try:
        return find(entries, value, what=what, hint=hint, names=lambda entry: (entry[0], *entry[1]))[0]
    except NotFound:
        if shown is None:
            raise
    words = shown()
    entries = [(key, (*aliases, *words.get(key, ()))) for key, aliases in choices.items()]
    return find(entries, value, what=what, hint=hint, names=lambda entry: (entry[0], *entry[1]))[0]


# What a person looks for, as the messages name it (one and several).
WHAT = {
    "region": msg_p("what", "region"), "scheme": msg_p("what", "scheme"), "cluster": msg_p("what", "grouping"),
    "sector": msg_p("what", "sector"), "record": msg_p("what", "record"), "slide": msg_p("what", "slide"),
    "format": msg_p("what", "format"), "language": msg_p("what", "language"), "sort key": msg_p("what", "sort key"),
    "status": msg_p("what", "status"), "lesson kind": msg_p("what", "lesson kind"),
    "result": msg_p("what", "result"), "figure": msg_p("what", "figure"),
}  # fmt: skip
# A choice nobody searched for is unknown, not "not found" (« format inconnu », not introuvable).
_UNKNOWN_CHOICE = {
    "format": msg("unknown format '{query}'"), "language": msg("unknown language '{query}'"),
    "sort key": msg("unknown sort key '{query}'"), "status": msg("unknown status '{query}'"),
    "lesson kind": msg("unknown lesson kind '{query}'"),
}  # fmt: skip
_WHAT_PLURAL = {
    "region": msg_p("what", "regions"), "scheme": msg_p("what", "schemes"), "cluster": msg_p("what", "groupings"),
    "sector": msg_p("what", "sectors"), "record": msg_p("what", "records"), "slide": msg_p("what", "slides"),
    "format": msg_p("what", "formats"), "language": msg_p("what", "languages"),
    "sort key": msg_p("what", "sort keys"), "status": msg_p("what", "statuses"),
    "lesson kind": msg_p("what", "lesson kinds"), "figure": msg_p("what", "figures"),
}  # fmt: skip


def _shown_label(record: Any, names: Callable[[Any], Iterable[str]]) -> Any:
    """How a message names a record: its name in every language (the reader's is shown)."""
    data = _record_of(record)
    if isinstance(data, dict) and (data.get("name") or data.get("title")):
        return display_name(data)
    return _label(record, names)


def _record_of(entry: Any) -> Any:
    """The record of an entry: itself, or the record of a (kind, record) entry of `uwe cite`."""
    if isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], dict) and "id" in entry[1]:
        return entry[1]
    return entry


def closest(candidates: Iterable[tuple[str, Any]], query: str) -> list[Any]:
    """The (at most three) labels whose names are closest to `query`, closest first."""
    import difflib  # only when a name is not found

    labels: dict[str, Any] = {}
    for name, label in candidates:
        labels.setdefault(fold(name), label)
    labels.pop(fold(query), None)  # (never what was typed: it is what did not work)
    close = difflib.get_close_matches(fold(query), list(labels), n=6, cutoff=0.6)
    return list({repr(labels[k]): labels[k] for k in close}.values())[:3]


def did_you_mean(error: Any, query: str, candidates: Iterable[str | tuple[str, Any]], *, otherwise: Any = "") -> Any:
    """`error (did you mean 'TWEED'?)`; else `error (otherwise)`, or just `error`.

    A candidate is a name, or a (name, label) pair where several names lead to one label
    (a sector and its synonyms): each label is suggested once.
    """
    pairs = (candidate if isinstance(candidate, tuple) else (candidate, candidate) for candidate in candidates)
    close = closest(pairs, query)
    if close:
        names = Listing(tuple(msg("'{name}'", name=label) for label in close), style="or")
        return msg("{error} (did you mean {names}?)", error=error, names=names)
    return msg("{error} ({hint})", error=error, hint=otherwise) if otherwise else error


def _unique(records: Iterable[T]) -> list[T]:
    """`records` without repeats, in order: the same record, not an equal one (records may be
    unhashable). A set of ids, not a search of the list so far: a prefix that matches
    10,000 groupings would otherwise cost 50 million comparisons."""
    seen: set[int] = set()
    unique: list[T] = []
    for record in records:
        if id(record) not in seen:  # (every record is alive in `records`: ids are not reused)
            seen.add(id(record))
            unique.append(record)
    return unique


def _label(record: T, names: Callable[[T], Iterable[str]]) -> str:
    return next(iter(names(record)))
