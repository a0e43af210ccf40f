"""The value of one YAML scalar, as PyYAML's SafeLoader reads it, and the refusals that
keep a hand-written number or date from meaning what no one meant (base 60, octal, a
vast number, an explicit tag). Part of yamlfile.py's parser, apart to keep each short.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml.resolver
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

from uwe_cli.i18n.messages import Quantity, msg

if TYPE_CHECKING:
    from uwe_cli.dataset.yamlfile import YamlProblem

# Python converts at most 4300 digits between text and int (sys.get_int_max_str_digits):
# a longer number could not even be shown in a message.
MAX_DIGITS = 4300

_STR = "tag:yaml.org,2002:str"
_VALUE, _MERGE = "tag:yaml.org,2002:value", "tag:yaml.org,2002:merge"
_SCALAR_TAGS = {_STR, *(f"tag:yaml.org,2002:{t}" for t in ("int", "float", "bool", "null", "timestamp"))}
# YAML 1.1's plain-scalar rules, by first character, as PyYAML's SafeLoader applies them.
_IMPLICIT = {first: tuple(rules) for first, rules in yaml.resolver.Resolver.yaml_implicit_resolvers.items()}
_CONSTRUCTOR = SafeConstructor()
# A plain decimal whole number: what YAML 1.1 and int() read alike (not 017, octal in YAML).
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
# Numbers YAML 1.1 reads in a way no one writing a figure means: `190:20:30` (base 60,
# 685230), `1:30.5` (90.5) and `017` (octal, 15).
_SURPRISING_NUMBER = re.compile(r"[-+]?(?:[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|0[0-7_]*[1-7][0-7_]*)\Z")


def at(event: Any) -> tuple[int, int]:
    """Where an event starts in its file: (line, column), 1-based."""
    return event.start_mark.line + 1, event.start_mark.column + 1


def brief(value: Any, limit: int = 60) -> str:
    """`value` as text of at most `limit` characters, for a message."""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def scalar(event: Any, fail: Any) -> Any:
    """The value of a scalar event, as PyYAML's SafeLoader makes it, for the tags allowed."""
    value, tag = event.value, event.tag
    if tag is None or tag == "!":
        rules = _IMPLICIT.get(value[:1])
        if not event.implicit[0] or rules is None:  # quoted, a block, or plain words: a string
            return value
        if _DECIMAL.match(value) and len(value) <= MAX_DIGITS:  # (the commonest number, made fast)
            return int(value)
        tag = next((t for t, rule in rules if rule.match(value)), _STR)
    implicit = event.tag in (None, "!")
    if tag == _STR or (tag == _VALUE and implicit):  # (`=` alone: YAML 1.1's "default value" tag, which no one means)
        return value
    if tag == _MERGE and implicit:
        raise fail(msg("YAML merge keys (<<) are not allowed: write the fields out in full"), *at(event))
    if tag not in _SCALAR_TAGS:
        raise tag_refused(event, fail, tag=tag)
    if tag.endswith(":int") and len(value) > MAX_DIGITS:
        raise fail(msg("number has {count} digits (the limit is {limit})", count=Quantity(len(value)),
                       limit=Quantity(MAX_DIGITS)), *at(event))  # fmt: skip
    try:
        result = _CONSTRUCTOR.yaml_constructors[tag](
            _CONSTRUCTOR, ScalarNode(tag, value, event.start_mark, event.end_mark)
        )
    except Exception:  # PyYAML's constructors, on any text: whatever fails is bad data
        if tag.endswith(":timestamp"):  # (the constructor's own words are English; a date is what fails)
            raise fail(msg("invalid date '{value}' (write YYYY-MM-DD)", value=brief(value)), *at(event)) from None
        raise fail(msg("invalid value '{value}'", value=brief(value)), *at(event)) from None
    if type(result) in (int, float) and _SURPRISING_NUMBER.match(value):
        raise fail(msg("'{value}' is a YAML 1.1 number in base 60 or octal, read as {read}: write the number you "
                       "mean, or quote it as text", value=brief(value), read=result), *at(event))  # fmt: skip
    if type(result) is int and result.bit_length() > MAX_DIGITS * 3:  # 0x..., 1:2:3...: few digits, a vast number
        raise fail(msg("number '{value}' is too large (more than {limit} digits)", value=brief(value),
                       limit=Quantity(MAX_DIGITS)), *at(event))  # fmt: skip
    return result


def tag_refused(event: Any, fail: Any, *, tag: str | None = None) -> YamlProblem:
    tag = (tag or event.tag or "").replace("tag:yaml.org,2002:", "!!")
    problem: YamlProblem = fail(
        msg("YAML tag '{tag}' is not allowed (plain values, lists and mappings only)", tag=brief(tag)), *at(event)
    )
    return problem
