"""Parse one YAML file safely, at a cost bounded by its values; locate any value on demand.

Data folders are written by hand and shared, so the parser trusts nothing: it refuses
non-UTF-8 bytes, duplicate keys, tags that are not plain YAML (`!!python/object` is never
constructed), alias expansion beyond a small budget ("billion laughs"), nesting beyond
MAX_DEPTH, and more than a caller's budget of values (store.MAX_VALUES for a folder).

It builds plain Python values straight from libyaml's event stream. PyYAML's composer
would first build a node tree with two position marks per node, about 700 bytes a value
(gigabytes for a 16 MiB list of `1,1,1,…`), and could only be stopped once it was done.
Positions are not kept either: the line and column of a value are needed only to report a
problem, so `YamlDocument.positions` finds them by reading the events once more, then.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml
import yaml.reader
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from uwe_cli.dataset.readfile import not_utf8
from uwe_cli.dataset.yaml_scalars import at, brief, scalar, tag_refused
from uwe_cli.errors import Problem, dotted
from uwe_cli.i18n.messages import Quantity, msg

try:  # libyaml is several times faster; PyYAML without it still works.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# Documented in README.md ("Data folder limits"), with store.MAX_FILE_BYTES and MAX_VALUES,
# and yaml_scalars.MAX_DIGITS.
MAX_ALIAS_NODES = 10_000
MAX_DEPTH = 64
_CONTAINER_TAGS = {SequenceStartEvent: "tag:yaml.org,2002:seq", MappingStartEvent: "tag:yaml.org,2002:map"}
_NO_KEY = object()  # a mapping awaiting its next key
_OTHER_KEY = object()  # (positions:) a key given by an alias
_NODE_EVENTS = (ScalarEvent, AliasEvent, SequenceStartEvent, MappingStartEvent)

# Where a value stands in a document: its keys and list indices from the top.
KeyPath = tuple[Any, ...]


_PLAIN_KEY = msg("a mapping key must be a plain value, not a list or mapping")


class YamlProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


class TooManyValues(YamlProblem):
    """The values counted so far went over the caller's limit."""


class YamlDocument:
    """A parsed file: its data, how many values it holds, and where its values stand."""

    __slots__ = ("data", "values", "_raw")

    def __init__(self, data: Any, *, values: int, raw: bytes) -> None:
        self.data = data
        self.values = values  # scalars, lists and mappings, keys included
        self._raw = raw  # (the caller holds these bytes anyway; text would be a second copy)

    def positions(self, paths: Iterable[KeyPath]) -> dict[KeyPath, tuple[int, int] | tuple[None, None]]:
        """The (line, column) of each path (1-based), or of its nearest ancestor that has one.

        Asked only to report problems, so found then, by a second reading of the file: all
        the paths a report needs at once.
        """
        return _positions(_text(self._raw), list(paths))


def parse_yaml(raw: bytes, *, display: str, max_values: int | None = None, counted: int = 0) -> YamlDocument:
    """Parse the bytes of one file; `display` is how the file is named in messages.

    Refuses the file as soon as `counted` (the values of the files read before it) and its
    own values (scalars, lists, mappings, keys included) are more than `max_values`, so
    that the cost of a folder stays proportional to that limit, whatever its files hold.
    """

    def fail(message: Any, line: int | None = None, column: int | None = None, field: str | None = None) -> YamlProblem:
        return YamlProblem(Problem(display, message, line, column, field))

    try:
        text = _text(raw)
    except UnicodeDecodeError as exc:
        raise fail(not_utf8(raw, exc)) from None
    builder = _Builder(text, fail=fail, max_values=max_values, counted=counted)
    data = _read_events(text, fail=fail, feed=builder.feed)
    if builder.values == counted:
        raise fail(msg("file is empty (expected a YAML mapping)"))
    return YamlDocument(data, values=builder.values - counted, raw=raw)


def _text(raw: bytes) -> str:
    return raw.decode("utf-8").removeprefix("\ufeff")


def _read_events(text: str, *, fail: Any, feed: Any) -> Any:
    """Give every event of `text` to `feed` until it returns a result; YAML errors located."""
    loader = _Loader(text)
    try:
        get = loader.get_event
        while True:
            done, result = feed(get())
            if done:
                return result
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        from uwe_cli.dataset.yaml_messages import words

        what: Any = words(exc.problem) if exc.problem else msg("invalid YAML")
        if exc.context:
            what = (
                msg("{problem} ({context})", problem=what, context=words(exc.context))
                if exc.problem
                else words(exc.context)
            )
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise fail(msg("YAML syntax error: {problem}", problem=what), line, column) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow in text
        before = text[: exc.position]
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise fail(msg("character {char} is not allowed in YAML text (write it as an escape)", char=repr(char)), line,
                   column) from None  # fmt: skip
    except yaml.YAMLError as exc:
        raise fail(msg("YAML syntax error: {problem}", problem=str(exc).splitlines()[0])) from None
    finally:
        loader.dispose()


class _Builder:
    """Turns events into Python values, one at a time, so that nothing unsafe is built."""

    def __init__(self, text: str, *, fail: Any, max_values: int | None, counted: int) -> None:
        self.text, self.fail, self.max_values = text, fail, max_values
        # Open lists and mappings, innermost last: [container, pending key, anchor, values before, event].
        self.stack: list[list[Any]] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (value, values it holds)
        self.values = counted
        self.expanded = 0  # values that aliases repeat
        self.documents = 0
        self.root: Any = None

    def feed(self, event: Any) -> tuple[bool, Any]:
        kind = type(event)
        if kind is ScalarEvent:
            self._count(event)
            value = scalar(event, self._fail_here)
            if event.anchor is not None:
                self._anchor(event, value, size=1)
        elif kind is SequenceStartEvent or kind is MappingStartEvent:
            self._open(event, kind)
            return False, None
        elif kind is SequenceEndEvent or kind is MappingEndEvent:
            value, _, anchor, before, start = self.stack.pop()
            if anchor is not None:
                self._anchor(start, value, size=self.values + self.expanded - before)
        elif kind is AliasEvent:
            self._count(event)
            value = self._alias(event)
        elif kind is DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                from uwe_cli.dataset.yaml_messages import words

                problem = msg("{problem} ({context})", problem=words("but found another document"),
                              context=words("expected a single document in the stream"))  # fmt: skip
                raise self.fail(msg("YAML syntax error: {problem}", problem=problem), *at(event))
            return False, None
        elif kind is StreamEndEvent:
            return True, self.root
        else:  # the stream's and the document's other markers
            return False, None
        if not self.stack:
            self.root = value
        else:
            self._place(value, event)
        return False, None

    def _count(self, event: Any) -> None:
        self.values += 1
        if self.max_values is not None and self.values > self.max_values:
            message = msg("too many values: the files of a data folder may hold {limit} in all (scalars, lists and "
                          "mappings); the count goes over here", limit=Quantity(self.max_values))  # fmt: skip
            raise TooManyValues(self.fail(message, *at(event)).problem)
        if len(self.stack) > MAX_DEPTH:
            raise self.fail(msg("nesting is too deep (the limit is {limit} levels)", limit=MAX_DEPTH), *at(event))

    def _open(self, event: Any, kind: type) -> None:
        self._count(event)
        if event.tag not in (None, "!", _CONTAINER_TAGS[kind]):  # type: ignore[index]
            raise tag_refused(event, self._fail_here)
        if self.stack and type(self.stack[-1][0]) is dict and self.stack[-1][1] is _NO_KEY:
            raise self.fail(_PLAIN_KEY, *at(event))
        container: list[Any] | dict[Any, Any] = [] if kind is SequenceStartEvent else {}
        self.stack.append([container, _NO_KEY, event.anchor, self.values + self.expanded, event])

    def _place(self, value: Any, event: Any) -> None:
        frame = self.stack[-1]
        container = frame[0]
        if type(container) is list:
            container.append(value)
        elif frame[1] is not _NO_KEY:
            container[frame[1]] = value
            frame[1] = _NO_KEY
        else:
            if type(value) in (list, dict):  # (an alias to a list or mapping)
                raise self.fail(_PLAIN_KEY, *at(event))
            key = _mapping_key(value)
            if key in container:
                where = (*self._path(), key)
                first = _positions(self.text, [where])[where][0]
                raise self.fail(msg("duplicate key '{key}' (first given on line {line})", key=brief(key), line=first),
                            *at(event))  # fmt: skip
            frame[1] = key

    def _path(self) -> KeyPath:
        """Where the innermost open mapping stands (for the rare message that needs a position)."""
        return tuple(frame[1] if type(frame[0]) is dict else len(frame[0]) for frame in self.stack[:-1])

    def _fail_here(self, message: Any, line: int | None = None, column: int | None = None) -> YamlProblem:
        """A problem of the value being read, with its field (`regions[0].population.value`)."""
        path = []
        for container, key, *_ in self.stack:
            if type(container) is list:
                path.append(len(container))
            elif key is _NO_KEY:  # the value is a key: the mapping is the field
                break
            else:
                path.append(key)
        problem: YamlProblem = self.fail(message, line, column, dotted(tuple(path)) or None)
        return problem

    def _anchor(self, event: Any, value: Any, *, size: int) -> None:
        if event.anchor in self.anchors:
            raise self.fail(
                msg("YAML anchor '{anchor}' is defined twice", anchor=f"&{brief(event.anchor)}"), *at(event)
            )
        self.anchors[event.anchor] = (value, size)

    def _alias(self, event: Any) -> Any:
        if event.anchor not in self.anchors:
            inside = any(frame[2] == event.anchor for frame in self.stack)
            alias = f"*{brief(event.anchor)}"
            if inside:
                why = msg("YAML alias '{alias}' cannot be used: it refers to a value that contains it", alias=alias)
            else:
                why = msg("YAML alias '{alias}' cannot be used: no value has that anchor before it", alias=alias)
            raise self.fail(why, *at(event))
        # The value is shared, not copied; what reads it later still sees every repetition.
        value, size = self.anchors[event.anchor]
        self.expanded += size
        if self.expanded > MAX_ALIAS_NODES:
            bomb = msg("YAML aliases expand to more than {limit} values; refusing what looks like an alias bomb",
                       limit=Quantity(MAX_ALIAS_NODES))  # fmt: skip
            raise self.fail(bomb, *at(event))
        return value


def _mapping_key(value: Any) -> Any:
    """A mapping key as the data holds it: text or a whole number; anything else as text."""
    return value if isinstance(value, (str, int)) and not isinstance(value, bool) else str(value)


def _positions(text: str, paths: Iterable[KeyPath]) -> dict[KeyPath, tuple[int, int] | tuple[None, None]]:
    """The (line, column) of each of `paths` in a parsed document, or of its nearest ancestor.

    One reading of the events, which follows only the branches that lead to a wanted path
    (a trie of them), so that its cost is the file's events plus the paths' length, however
    many problems ask. A mapping's value stands where its key does; a value an alias
    repeats, where the alias does.
    """
    root: list[Any] = [{}, None]  # a trie node: [children by key or index, (line, column)]
    unfound = [1]  # trie nodes without a position yet: the reading stops when none is left
    for path in paths:
        node = root
        for part in path:
            if part not in node[0]:
                node[0][part] = [{}, None]
                unfound[0] += 1
            node = node[0][part]
    # Open lists and mappings: [trie node or None, is a mapping, next index or pending key].
    stack: list[list[Any]] = []
    fail = lambda message, line=None, column=None: YamlProblem(Problem("", message, line, column))

    def feed(event: Any) -> tuple[bool, None]:
        kind = type(event)
        if kind is StreamEndEvent:
            return True, None
        if kind is SequenceEndEvent or kind is MappingEndEvent:
            stack.pop()
            return False, None
        if kind not in _NODE_EVENTS:
            return False, None
        node = root
        if stack:
            parent, is_mapping, slot = frame = stack[-1]
            if not is_mapping:
                frame[2] += 1
            elif slot is _NO_KEY:  # a key: its value will stand here too
                slot = frame[2] = _OTHER_KEY
                if parent is not None and kind is ScalarEvent:
                    slot = frame[2] = _mapping_key(scalar(event, fail))
            else:
                frame[2] = _NO_KEY
            node = parent[0].get(slot) if parent is not None else None  # type: ignore[assignment]
        if node is not None and node[1] is None:
            node[1] = at(event)
            unfound[0] -= 1
        if kind is SequenceStartEvent or kind is MappingStartEvent:
            stack.append([node, kind is MappingStartEvent, _NO_KEY if kind is MappingStartEvent else 0])
        return unfound[0] == 0, None

    _read_events(text, fail=fail, feed=feed)
    found: dict[KeyPath, tuple[int, int] | tuple[None, None]] = {}
    for path in paths:
        node, best = root, root[1]
        for part in path:
            node = node[0][part]
            best = node[1] or best
        found[path] = best or (None, None)
    return found
