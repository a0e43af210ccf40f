"""Thousands separators in a data file's figures: what a Belgian writes, what YAML reads.

A Belgian (and a French speaker) writes 28 800 as `28.800` or `28,800`; YAML does not:
- `value: 28.800` is the number 28.8: a wrong figure that passes every check. For units
  that count whole things (euros, people, km², counts...), a value written with groups
  of three digits after dots is refused, with the two ways to say what was meant: the
  file's author fixes it in a second, where a silently wrong figure would be shown as
  the source's. (A percentage or an index may well have three decimals: not refused.)
- `{value: 28,800, unit: EUR}` is two entries, `value: 28` and `800:`, inside a flow
  mapping; `value: 28,800` on its own line is the text "28,800". Both are refused
  anyway; the messages here say why, and what to write.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from uwe_cli.dataset.checks.findings import Finding, dotted
from uwe_cli.dataset.yaml_messages import written
from uwe_cli.i18n.messages import Message, Quantity, msg

# Units whose figures are whole things: `28.800` there is a thousands separator.
WHOLE_UNITS = frozenset({"EUR", "EUR/year", "people", "km2", "count", "rank", "years", "year"})
_DOTTED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_GROUPED = re.compile(r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+")
_WRITTEN_VALUE = re.compile(r"value\s*:\s*([0-9][0-9.]*)")


def as_written(text: str) -> str | None:
    """`28800` for text written with thousands separators (`28,800`, `28.800`), else None."""
    text = text.strip()
    return re.sub(r"\D", "", text) if _GROUPED.fullmatch(text) else None


def number_text(value: str) -> Message:
    """The message for a figure's value given as text, such as '28,800'."""
    plain = as_written(value)
    if plain is None:
        return msg("should be a number, got {value}", value=written(value))
    return msg("should be a number, got {value}: write {plain}, without a thousands separator", value=written(value),
               plain=plain)  # fmt: skip


def split_entry(mapping: Any, key: int) -> Message | None:
    """For `{value: 28,800}`, read as `value: 28` and `800:`, the message; else None."""
    if not isinstance(mapping, dict):
        return None
    keys = list(mapping)
    at = keys.index(key) if key in keys else 0
    before = keys[at - 1] if at else None
    if before is None or isinstance(mapping[before], bool) or not isinstance(mapping[before], int):
        return None
    # `6,400,000` is `value: 6` and the entries `400:` and `000:` (read as 0), without values.
    # Only groups of three digits are a thousands separator's: `11,1` (a decimal comma) or a
    # group YAML did not read as a number (`080`) gets no advice rather than a wrong figure.
    groups = [key]
    for later in keys[at + 1 :]:
        if mapping[later] is not None:
            break
        groups.append(later)
    if not all(type(group) is int and (100 <= group <= 999 or group == 0) for group in groups):
        return None
    written = ",".join([str(mapping[before]), *(f"{group:03d}" for group in groups)])
    return msg("'{entry}' reads as separate entries, because a comma separates the entries inside {{ }}: write {fixed}, "
               "without a thousands separator", entry=f"{before}: {written}",
               fixed=f"{before}: {written.replace(',', '')}")  # fmt: skip


def explained(data: Any, loc: tuple[Any, ...], kind: str, value: Any) -> Message | None:
    """What a validation error at `loc` means when a thousands separator caused it, or None."""
    if kind == "invalid_key" and isinstance(value, int):
        mapping: Any = data
        for part in loc[:-1]:
            mapping = mapping[part] if isinstance(mapping, (dict, list)) else None
        return split_entry(mapping, value)
    if kind == "value_error" and isinstance(value, str) and as_written(value):
        return number_text(value)
    return None


def dotted_thousands(doc: Any, text: str, *, name: str) -> Iterator[Finding]:
    """Every figure of whole things of file `name` whose value is written like `28.800`."""
    lines = text.splitlines()
    suspects = [(path, figure) for path, figure in _figures(doc.data, ())
                if isinstance(figure.get("unit"), str) and figure["unit"] in WHOLE_UNITS
                and isinstance(figure.get("value"), float)]  # fmt: skip
    if not suspects:
        return
    found_at = doc.positions([(*path, "value") for path, _ in suspects])  # (one more read of the file)
    for path, figure in suspects:
        where: tuple[Any, ...] = (*path, "value")
        line, column = found_at[where]
        if line is None or line > len(lines):
            continue
        found = _WRITTEN_VALUE.match(lines[line - 1][(column or 1) - 1 :])
        if found and _DOTTED.fullmatch(found.group(1)):
            written = found.group(1)
            # (`{number}` as the reader writes a number, 28,8 in French; `{read}` as the file must)
            message = msg("value {written} reads as {number}: if you meant {meant}, write it without the dot (a "
                          "thousands separator); if you meant {number}, write {read}", written=written,
                          number=Quantity(figure["value"]), read=f"{figure['value']:g}",
                          meant=written.replace(".", ""))  # fmt: skip
            yield Finding(name, (*path, "value"), message, dotted((*path, "value")))


def _figures(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    if isinstance(value, dict):
        if "value" in value and "unit" in value:
            yield path, value
        for key, item in value.items():
            yield from _figures(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _figures(item, (*path, i))
