"""A long result is bounded in the table view (on a screen and in an --export file): the first
1,000 rows, then how many more; JSON and CSV give every row."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from uwe_cli.names import matching


def test_a_table_shows_1000_rows_and_counts_the_rest(main: Callable[..., Any], data_copy: Path, tmp_path: Path) -> None:
    regions = data_copy / "regions.yaml"
    extra = "".join(f"  - {{id: r{i}, name: Rzz{i}, kind: region, source: belgium}}\n" for i in range(1_200))
    regions.write_text(regions.read_text(encoding="utf-8") + extra, encoding="utf-8")
    run = main("--data-dir", str(data_copy), "regions", "--width", "200")
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len([line for line in lines if line.startswith("Rzz")]) == 1_000 - 5  # (the 5 shipped rows first)
    assert "and 205 more rows, not shown: --format csv or json gives every row" in lines
    assert len(json.loads(main("--data-dir", str(data_copy), "regions", "--format", "json").stdout)) == 1_205
    export = tmp_path / "x.txt"
    assert main("--data-dir", str(data_copy), "regions", "--export", str(export)).exit_code == 0
    assert "and 205 more rows" in export.read_text(encoding="utf-8")


def test_a_document_shows_1000_bullets_and_counts_the_rest(main: Callable[..., Any], data_copy: Path) -> None:
    # (a lesson of 460,000 points took Rich minutes to lay out whole: benchmarks/run.py)
    lessons = data_copy / "lessons.yaml"
    points = ", ".join(f"pt{i}" for i in range(1_100))
    extra = f"  - {{id: many, kind: conclusion, text: Many, source: lessons-evaluation, points: [{points}]}}\n"
    lessons.write_text(lessons.read_text(encoding="utf-8") + extra, encoding="utf-8")
    run = main("--data-dir", str(data_copy), "lessons", "--width", "200")
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    shown = [line.strip() for line in lines if line.strip().startswith(("•", "–"))]
    # The shipped 24 bullets and points and this lesson's 1,101, in sections by kind: the 12 shipped
    # lines of the first three kinds, this lesson and its first 987 points; the later kinds are counted.
    assert len(shown) == 1_000
    assert shown[-1] == "– pt986"
    assert "and 125 more points, not shown: --format json gives every point" in lines
    assert "Good practices" not in lines
    listed = json.loads(main("--data-dir", str(data_copy), "lessons", "--format", "json").stdout)
    assert len(listed[-1]["points"]) == 1_100
    french = main("--data-dir", str(data_copy), "--lang", "fr", "lessons", "--width", "200").stdout
    assert "et 125 autres points, non affichés : --format json donne tous les points" in french


@given(st.text(st.characters(max_codepoint=127)) | st.text())
def test_the_fast_search_key_of_ascii_text_is_the_search_key(text: str) -> None:
    # (search_key's fast path for ASCII, which a search runs on every string of the data)
    words = "".join(c if c.isalnum() else " " for c in matching._strip_accents(text))
    assert matching.search_key(text) == " ".join(words.split())
