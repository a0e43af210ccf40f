"""A data folder's translations are data under the folder's limits: each PO string counts as
a value, a translation obeys the text limit, and outdated entries are listed as problems are
(the first 1,000, then their number)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def catalogue(entries: int, *, start: int = 0) -> str:
    return HEADER + "".join(f'msgctxt "x/{i}"\nmsgid "a"\nmsgstr "b"\n\n' for i in range(start, start + entries))


def test_po_strings_count_as_values(main: Callable[..., Any], data_copy: Path) -> None:
    po = data_copy / "translations" / "es.po"
    po.write_text(catalogue(170_000), encoding="utf-8")
    run = main("--data-dir", str(data_copy), "data", "check")
    assert (run.exit_code, run.stdout) == (1, "")
    first, last = run.stderr.splitlines()
    assert first.startswith(f"{po}:") and first.endswith(
        ": too many values: the files of a data folder may hold 500,000 in all (scalars, lists and mappings, and each "
        "string of a translation); the count goes over here"
    )
    line = int(first.split(":")[1])
    assert 400_000 < line < 680_000
    assert last == f"uwe: error: 1 problem in {data_copy}"


def test_a_translation_obeys_the_text_limit(main: Callable[..., Any], data_copy: Path) -> None:
    po = data_copy / "translations" / "nl.po"
    text = po.read_text(encoding="utf-8")
    at = text.index('msgstr "', text.index('msgctxt "regions/belgium/name"'))
    long = '"' + "x" * 10_001 + '"'
    po.write_text(text[:at] + 'msgstr ""\n' + long + text[text.index("\n", at) :], encoding="utf-8")
    line = text[:at].count("\n") + 2
    run = main("--data-dir", str(data_copy), "data", "check")
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr.splitlines()[0] == f"{po}:{line}: should be at most 10,000 characters long"


def test_outdated_translations_are_listed_as_problems_are(main: Callable[..., Any], data_copy: Path) -> None:
    (data_copy / "translations" / "es.po").write_text(catalogue(1_500), encoding="utf-8")
    run = main("--data-dir", str(data_copy), "data", "check")
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len([line for line in lines if line.startswith("outdated translation: translations/es.po: x/")]) == 1_000
    assert lines[-1] == "and 500 more outdated translations (only the first 1,000 are listed)"
