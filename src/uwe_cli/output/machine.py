"""The machine formats, JSON and CSV: the view's data itself, numbers as numbers."""

from __future__ import annotations

import io
import json
import re
from typing import Any

from uwe_cli.output.sanitize import json_escaped, visible
from uwe_cli.vocabulary import FORMULA_STARTS


def to_json(data: Any, *, ascii_only: bool = False) -> str:
    try:
        return _json(data, ascii_only=ascii_only)
    except ValueError:  # (a number that is not finite: NaN and Infinity are not JSON)
        return _json(_finite(data), ascii_only=ascii_only)


def _finite(value: Any) -> Any:
    """`value` with every number that is not finite made null (arithmetic.py's "not computable")."""
    from uwe_cli import arithmetic

    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    if isinstance(value, float):
        return arithmetic.finite(value)
    return value


def _json(data: Any, *, ascii_only: bool) -> str:
    if isinstance(data, list):
        # A list of records: one record per line. Readable, easy to grep, and encoded by
        # json's C encoder (an indent makes it fall back to pure Python, ~10x slower).
        lines = ",\n  ".join(json.dumps(row, ensure_ascii=ascii_only, allow_nan=False) for row in data)
        shown = f"[\n  {lines}\n]" if data else "[]"
    else:
        shown = json.dumps(data, ensure_ascii=ascii_only, indent=2, allow_nan=False)
    # json escapes C0 controls itself; C1 controls and bidi overrides are valid JSON text
    # but a terminal would act on them, so escape them too (still valid JSON).
    return json_escaped(shown) + "\n"


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """One CSV row: nested fields as `field.sub`, lists of values joined with `; `."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(_flatten(item, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(value, list):
        if not value:
            return {prefix: ""}  # an empty cell, so that the columns do not depend on the rows
        if all(not isinstance(v, (dict, list)) for v in value):
            return {prefix: "; ".join("" if v is None else str(v) for v in value)}
        out = {}
        for i, item in enumerate(value):
            out.update(_flatten(item, f"{prefix}.{i}"))
        return out
    return {prefix: value}


def to_csv(data: Any, *, keys: tuple[str, ...] = ()) -> str:
    """A header row and a row per record; with no records, the header `keys` alone (a
    script reading the columns by name must not fail on an empty result)."""
    import csv

    rows = [_flatten(r) for r in (data if isinstance(data, list) else [data])]
    header = list(dict.fromkeys(k for r in rows for k in r)) if rows else list(keys)
    if not header:
        return ""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(k)) for k in header])
    return buffer.getvalue()


_BIBTEX = re.compile(r"@[a-z]+\{[^\s,{}]+,\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # as in JSON, not Python's True/False
    shown = visible(str(value))
    # A spreadsheet would run such a cell as a formula: data is text. A BibTeX entry
    # (`@misc{...`) is no formula and must stay one, to be pasted into a .bib file.
    if shown.startswith(FORMULA_STARTS) and not isinstance(value, (int, float)) and not _BIBTEX.match(shown):
        shown = "'" + shown
    return shown
