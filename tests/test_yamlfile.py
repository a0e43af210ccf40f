"""yamlfile builds values from libyaml's events: it must read YAML exactly as PyYAML's
SafeLoader does, and place every value where PyYAML's composer would."""

from __future__ import annotations

import datetime
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from uwe_cli.dataset.yamlfile import YamlProblem, parse_yaml

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(
        ["yes", "No", "on", "~", "null", "0x1F", "017", "1_000", "1:30", ".inf", "2014-04-15", "-0", "+5"]
    )
    | st.dates(min_value=datetime.date(1900, 1, 1))
)
keys = st.text(min_size=1, max_size=8) | st.integers(0, 99)
documents = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=25
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8), documents, min_size=1, max_size=4), st.booleans())
def test_values_are_read_as_pyyaml_reads_them(data: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    assert parse_yaml(text.encode(), display="x").data == yaml.safe_load(text)


def pyyaml_positions(text: str) -> dict[tuple[Any, ...], tuple[int, int]]:
    """Where PyYAML's composer puts each value: its node's mark, or its key's for a mapping value."""
    found: dict[tuple[Any, ...], tuple[int, int]] = {}

    def walk(node: yaml.Node, path: tuple[Any, ...], mark: Any) -> None:
        found[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*path, i), item.start_mark)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*path, yaml.safe_load(yaml.serialize(key))), key.start_mark)

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    walk(root, (), root.start_mark)
    return found


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8), documents, min_size=1, max_size=4), st.booleans())
def test_every_value_is_located_as_pyyaml_locates_it(data: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    expected = pyyaml_positions(text)
    expected = {
        path: where
        for path, where in expected.items()
        if all(isinstance(p, (str, int)) and not isinstance(p, bool) for p in path)
    }
    assert parse_yaml(text.encode(), display="x").positions(list(expected)) == expected


def test_aliases_repeat_the_value_once_built() -> None:
    doc = parse_yaml(b"a: &x {k: [1, 2]}\nb: *x\nc: [*x, *x]\n", display="x")
    assert doc.data == yaml.safe_load("a: &x {k: [1, 2]}\nb: *x\nc: [*x, *x]\n")
    assert doc.data["b"] is doc.data["a"]  # shared, not copied: an alias costs nothing
    assert doc.positions([("c", 1, "k", 0)]) == {("c", 1, "k", 0): (3, 9)}  # (where the alias stands)


def test_a_missing_path_is_placed_at_its_nearest_ancestor() -> None:
    doc = parse_yaml(b"regions:\n  - id: x\n    name: y\n", display="x")
    assert doc.positions([("regions", 0, "kind"), ("regions", 5), ()]) == {
        ("regions", 0, "kind"): (2, 5),
        ("regions", 5): (1, 1),
        (): (1, 1),
    }


def test_alias_problems_are_located() -> None:
    for text, message in [
        (b"a: *nowhere\n", "1:4: YAML alias '*nowhere' cannot be used: no value has that anchor before it"),
        (b"a: &r [1, *r]\n", "1:11: YAML alias '*r' cannot be used: it refers to a value that contains it"),
        (b"a: &r 1\nb: &r 2\n", "2:4: YAML anchor '&r' is defined twice"),
        (b"a: &k [1]\n*k : 2\n", "2:1: a mapping key must be a plain value, not a list or mapping"),
    ]:
        try:
            parse_yaml(text, display="f")
        except YamlProblem as exc:
            assert str(exc.problem) == f"f:{message}"
        else:
            raise AssertionError(f"{text!r} was accepted")
