"""Parse one YAML file safely, remembering where every value stands.

Data folders are written by hand and shared, so the parser trusts nothing: it refuses
non-UTF-8 bytes, duplicate keys, tags that are not plain YAML
(`!!python/object` is never constructed), and alias expansion beyond a small budget
("billion laughs"). It returns plain Python data plus the line and column of each value,
so that a validation error can point at the line a person has to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
import yaml.reader
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from uwe_cli.errors import Problem

try:  # libyaml is several times faster; PyYAML without it still works.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# Documented in README.md ("Data folder limits"), with store.MAX_FILE_BYTES.
MAX_ALIAS_NODES = 10_000
MAX_DEPTH = 64

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"

# Where a value stands in a document: its keys and list indices from the top.
KeyPath = tuple[Any, ...]


@dataclass(frozen=True)
class YamlDocument:
    data: Any
    # Where each value stands: path (keys and indices) -> (line, column), 1-based.
    positions: dict[KeyPath, tuple[int, int]]

    def position(self, path: KeyPath) -> tuple[int, int] | tuple[None, None]:
        """The position of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found:
                return found
        return (None, None)


class YamlProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def parse_yaml(raw: bytes, *, display: str) -> YamlDocument:
    """Parse the bytes of one file; `display` is how the file is named in messages."""

    def fail(message: str, line: int | None = None, column: int | None = None) -> YamlProblem:
        return YamlProblem(Problem(display, message, line, column))

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(f"is not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    text = text.removeprefix("\ufeff")

    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "invalid YAML"
        if exc.problem and exc.context:
            what = f"{exc.problem} ({exc.context})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise fail(f"YAML syntax error: {what}", line, column) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow in text
        before = text[: exc.position]
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise fail(f"character {char!r} is not allowed in YAML text (write it as an escape)", line, column) from None
    except yaml.YAMLError as exc:
        raise fail(f"YAML syntax error: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise fail(f"nesting is too deep (the limit is {MAX_DEPTH} levels)") from None
    finally:
        loader.dispose()
    if root is None:
        raise fail("file is empty (expected a YAML mapping)")
    builder = _Builder(fail)
    data = builder.build(root, (), 0)
    return YamlDocument(data, builder.positions)


class _Builder:
    """Turns composed nodes into Python values, node by node, so nothing unsafe is built."""

    def __init__(self, fail: Any) -> None:
        self.fail = fail
        self.positions: dict[KeyPath, tuple[int, int]] = {}
        self.constructor = SafeConstructor()
        self.seen: set[int] = set()
        self.alias_nodes = 0
        self.in_alias = 0

    def build(self, node: Node, path: KeyPath, depth: int) -> Any:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        if depth > MAX_DEPTH:
            raise self.fail(f"nesting is too deep (the limit is {MAX_DEPTH} levels)", line, column)
        # An alias makes the composer hand us the same node again: count what it expands to.
        again = id(node) in self.seen
        self.seen.add(id(node))
        self.in_alias += again
        try:
            if self.in_alias:
                self.alias_nodes += 1
                if self.alias_nodes > MAX_ALIAS_NODES:
                    raise self.fail(
                        f"YAML aliases expand to more than {MAX_ALIAS_NODES:,} values; "
                        "refusing what looks like an alias bomb",
                        line,
                        column,
                    )
            self.positions.setdefault(path, (line, column))
            if isinstance(node, ScalarNode):
                return self._scalar(node, line, column)
            if isinstance(node, SequenceNode):
                self._check_tag(node, _SEQ_TAG, line, column)
                return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
            if isinstance(node, MappingNode):
                self._check_tag(node, _MAP_TAG, line, column)
                return self._mapping(node, path, depth)
            raise self.fail("unsupported YAML node", line, column)  # pragma: no cover
        finally:
            self.in_alias -= again

    def _mapping(self, node: MappingNode, path: KeyPath, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, ScalarNode):
                raise self.fail("a mapping key must be a plain value, not a list or mapping", line, column)
            key = self._scalar(key_node, line, column)
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                key = str(key)
            if key in result:
                first = self.positions.get((*path, key), (None, None))[0]
                raise self.fail(f"duplicate key '{key}' (first given on line {first})", line, column)
            self.positions[(*path, key)] = (line, column)
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result

    def _scalar(self, node: ScalarNode, line: int, column: int) -> Any:
        self._check_tag(node, None, line, column)
        try:
            return self.constructor.construct_object(node)
        except (ConstructorError, ValueError) as exc:
            raise self.fail(f"invalid value {node.value!r} ({exc})", line, column) from None

    def _check_tag(self, node: Node, expected: str | None, line: int, column: int) -> None:
        allowed = _SCALAR_TAGS if expected is None else {expected}
        if node.tag not in allowed:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise self.fail(f"YAML tag '{tag}' is not allowed (plain values, lists and mappings only)", line, column)
