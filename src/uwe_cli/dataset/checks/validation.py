"""Validate one parsed data file with its pydantic model; say each error the way a data
file's author thinks, and never more of them than a person can read.

pydantic reports every error it finds, some 300 bytes each, and about a kilobyte more once
listed in Python: a file of a million wrong values would take a gigabyte to report. So a
file's records are validated in slices of SLICE, each slice's errors are counted, and only
the first MAX_LISTED of a file are turned into findings; the rest are counted only.
"""

from __future__ import annotations

import re
import typing
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from uwe_cli.dataset.checks.findings import Finding, dotted
from uwe_cli.dataset.yaml_messages import written
from uwe_cli.i18n.messages import Listing, Quantity, msg, msg_n

if TYPE_CHECKING:
    from pydantic import BaseModel

# Documented in README.md ("Data folder limits").
MAX_LISTED = 1_000
SLICE = 500


def validate_file(file_model: type[BaseModel], data: Any, *, key: str) -> tuple[Any, list[Finding]]:
    """The file's model, or None and what is wrong (at most MAX_LISTED findings, then a count).

    `key` is the file's name and its top-level key (`regions`). The records of `data` are
    let go as they are validated: they are read once (see _in_slices).
    """
    if not isinstance(data, dict):
        if isinstance(data, list):
            wrong = msg("expected a mapping with the key '{key}:', got a list", key=key)
        else:
            wrong = msg("expected a mapping with the key '{key}:', got a single value ({type})", key=key,
                        type=type(data).__name__)  # fmt: skip
        return None, [Finding(key, (), wrong)]
    records = data.get(key)
    if set(data) == {key} and isinstance(records, list):
        return _in_slices(file_model, records, key=key)
    try:  # (about.yaml, or a file whose top level is wrong: validated whole)
        return file_model.model_validate(data), []
    except ValidationError as exc:
        count = exc.error_count()
        errors = exc.errors(include_url=False) if count <= MAX_LISTED else []
    findings = [_finding(file_model, err, name=key, data=data) for err in errors]
    return None, findings + _unlisted(key, count=count - len(findings), listed=len(findings))


def _in_slices(file_model: type[BaseModel], records: list[Any], *, key: str) -> tuple[Any, list[Finding]]:
    valid: list[Any] = []
    findings: list[Finding] = []
    total = shown = 0  # errors found, and errors the findings tell
    for start in range(0, len(records), SLICE):
        part = records[start : start + SLICE]
        # Parsed records are not needed once validated: letting them go as their models
        # come halves the peak memory of a first read (never both in full at once).
        records[start : start + SLICE] = [None] * len(part)
        try:
            valid += getattr(file_model.model_validate({key: part}), key)
            continue
        except ValidationError as exc:
            count = exc.error_count()
            errors = exc.errors(include_url=False) if shown + count <= MAX_LISTED else None
        total += count
        if errors is not None:
            findings += [_finding(file_model, err, name=key, data={key: part}, offset=start) for err in errors]
            shown += count
        elif shown < MAX_LISTED:
            more, told = _record_findings(file_model, part, key=key, start=start, room=MAX_LISTED - shown)
            findings += more
            shown += told
    if total:
        return None, findings + _unlisted(key, count=total - shown, listed=len(findings))
    return file_model.model_validate({key: valid}), []


def _record_findings(
    file_model: type[BaseModel], part: list[Any], *, key: str, start: int, room: int
) -> tuple[list[Finding], int]:
    """The first `room` findings of a slice, record by record; and how many errors they tell."""
    findings: list[Finding] = []
    told = 0
    for i, record in enumerate(part):
        try:
            file_model.model_validate({key: [record]})
            continue
        except ValidationError as exc:
            count = exc.error_count()
            errors = exc.errors(include_url=False) if count <= MAX_LISTED else None
        if errors is None:  # one vast record: said in one line
            told_all = msg_n("{n} problem in this record", "{n} problems in this record", n=count)
            findings.append(Finding(key, (key, start + i), told_all, dotted((key, start + i)), count=count))
            return findings, told + count
        taken = errors[: room - len(findings)]
        findings += [_finding(file_model, err, name=key, data={key: [record]}, offset=start + i) for err in taken]
        told += len(taken)
        if len(findings) >= room:
            break
    return findings, told


def _moved(err: Any, offset: int) -> Any:
    """An error of records validated apart, placed where they stand in the file."""
    loc = err["loc"]
    return {**err, "loc": (loc[0], loc[1] + offset, *loc[2:])} if len(loc) > 1 and isinstance(loc[1], int) else err


def _unlisted(key: str, *, count: int, listed: int) -> list[Finding]:
    if count <= 0:
        return []
    if listed:
        more = msg_n("and {n} more problem (only the first {limit} of a file are listed)",
                     "and {n} more problems (only the first {limit} of a file are listed)",
                     n=count, limit=Quantity(MAX_LISTED))  # fmt: skip
        return [Finding(key, (), more, count=count)]
    many = msg("{count} problems, too many to list (the limit is {limit} a file)", count=Quantity(count),
               limit=Quantity(MAX_LISTED))  # fmt: skip
    return [Finding(key, (), many, count=count)]


def _finding(file_model: type[BaseModel], err: Any, *, name: str, data: Any, offset: int = 0) -> Finding:
    """One pydantic error as a finding, said the way a data file's author thinks.

    `data` is what was validated (the file, or its records from `offset` on)."""
    from uwe_cli.dataset.checks import separators
    from uwe_cli.names.lookup import did_you_mean

    within = tuple(err["loc"])  # (where in `data`)
    err = _moved(err, offset)
    loc = tuple(err["loc"])
    kind = err["type"]
    if kind == "missing":
        return Finding(name, loc, msg("missing required field '{field}'", field=loc[-1]), dotted(loc[:-1]) or None)
    if kind == "extra_forbidden":
        known = _fields_at(file_model, loc[:-1])
        expected = msg("expected one of: {fields}", fields=Listing(tuple(known), style="comma")) if known else ""
        unknown = msg("unknown field '{field}'", field=_shorten(str(loc[-1])))
        return Finding(name, loc, did_you_mean(unknown, str(loc[-1]), known, otherwise=expected),
                       dotted(loc[:-1]) or None)  # fmt: skip
    message = _message(kind, err)
    value = err.get("input")
    thousands = separators.explained(data, within, kind, value)  # (`28,800`: say why, and what to write)
    if thousands:
        return Finding(name, loc, thousands, dotted(loc[:-1] if kind == "invalid_key" else loc))
    if kind != "value_error" and (value is None or isinstance(value, (str, int, float, bool))):
        # (yamlfile refuses numbers too long for str(); a long one is still not worth showing)
        if isinstance(value, int) and value.bit_length() >= 200:
            got: Any = msg("a number of {count} digits", count=Quantity(len(str(value))))
        else:
            got = written(value)  # (as YAML writes it: `null`, « TWEED bad », 2014-04-15)
        message = msg("{error}, got {value}", error=message, value=got)
        if kind in ("list_type", "tuple_type") and isinstance(value, str) and len(value) <= 60:
            message = msg("{error} (write {written})", error=message, written=f"[{value}]")
    return Finding(name, loc, message, dotted(loc))


def _message(kind: str, err: Any) -> Any:
    """What pydantic's error `err` means, in words the tool's catalogue translates."""
    ctx = err.get("ctx") or {}
    loc = err["loc"]
    if kind == "model_type" and ctx.get("class_name") == "Text":
        return msg("should be a text: a string, or {{fr: ...}}")
    if kind == "none_required" and loc and loc[-1] == "slide":  # (texts.Words: a summary, a label, a note)
        return msg(
            "should be left out: this text is not the slides' words (a summary, a label, a note) and names no slide"
        )
    if kind == "too_short" and loc and loc[-1] == "source":
        return msg("should name at least one slide (an id from about.yaml)")
    if kind in _PLAIN_MESSAGES:
        return _PLAIN_MESSAGES[kind]
    if kind.startswith("date_"):  # (date_parsing, date_from_datetime_inexact, date_future...)
        return _PLAIN_MESSAGES["date_type"]
    if kind == "literal_error":
        # (each quoted as the reader's language quotes: « region », „region“)
        choices = tuple(msg("'{name}'", name=c) for c in re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        return msg("should be {choices}", choices=Listing(choices, style="or"))
    if kind == "string_too_long":
        limit = int(ctx.get("max_length", 0))
        return msg_n("should be at most {n} character long", "should be at most {n} characters long", n=limit)
    if kind == "greater_than_equal":
        return msg("should be at least {limit}", limit=ctx.get("ge"))
    if kind == "less_than_equal":
        return msg("should be at most {limit}", limit=ctx.get("le"))
    if kind == "value_error" and hasattr(ctx.get("error"), "message"):
        return ctx["error"].message  # (values.Invalid: said in the tool's words already)
    # pydantic's own words (English): for kinds the tool's models do not produce (tests list those they do).
    return str(err["msg"]).removeprefix("Value error, ").replace("Input should", "should")


def _shorten(text: str) -> str:
    return text[:60] + "…" if len(text) > 60 else text


# pydantic's words for the commonest mistakes, said the way a data file's author thinks.
_PLAIN_MESSAGES = {
    "string_pattern_mismatch": msg("should be a lowercase id of letters, digits and single hyphens (like 'cap-2020')"),
    "string_type": msg("should be text"),
    "string_too_short": msg("should not be empty"),
    "tuple_type": msg("should be a list"),
    "list_type": msg("should be a list"),
    "model_type": msg("should be a mapping (field: value, ...)"),
    "dict_type": msg("should be a mapping (field: value, ...)"),
    "int_type": msg("should be a whole number"),
    "int_parsing": msg("should be a whole number"),
    "int_from_float": msg("should be a whole number"),
    "int_parsing_size": msg("is too long a number"),
    "bool_type": msg("should be true or false"),
    "bool_parsing": msg("should be true or false"),
    "date_type": msg("should be a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": msg("should be a date (YYYY-MM-DD)"),
    "too_short": msg("should list at least one item"),
    "invalid_key": msg("should be a field name (text)"),
}


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model found at `loc`, for 'did you mean' suggestions."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        current = _model_in(field.annotation) if field else None
        if current is None:
            return []
    return list(current.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found:
            return found
    return None
