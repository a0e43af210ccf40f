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


def test_a_profiles_long_list_is_bounded_and_counted(main: Callable[..., Any], data_copy: Path) -> None:
    # A scheme of 1,003 groupings: its profile lists the first 1,000 (a reader would not
    # wait for Rich to lay out 18,000, in the table or an --export), and counts the rest.
    schemes = data_copy / "schemes.yaml"
    schemes.write_text(
        schemes.read_text(encoding="utf-8") + "  - {id: big, name: Grand, summary: {fr: Beaucoup}, status: active,"
        " groupings: {value: 1003, unit: count}, source: walloon-experiences}\n",
        encoding="utf-8",
    )
    clusters = data_copy / "clusters.yaml"
    extra = "".join(
        f"  - {{id: g{i}, name: Gzz{i}, sectors: [energy], status: active, source: walloon-experiences, "
        f"memberships: [{{scheme: big, domain: {{fr: D{i}}}}}]}}\n"
        for i in range(1_003)
    )
    clusters.write_text(clusters.read_text(encoding="utf-8") + extra, encoding="utf-8")
    run = main("--data-dir", str(data_copy), "scheme", "big", "--width", "200")
    assert run.exit_code == 0, run.stderr
    assert len([line for line in run.stdout.splitlines() if "Gzz" in line]) == 1_000
    assert "Groupings: 3 more items not shown; --format json gives every item" in run.stdout
    shown = json.loads(main("--data-dir", str(data_copy), "scheme", "big", "--format", "json").stdout)
    assert len(shown["clusters"]) == 1_003


def test_a_document_shows_200_sections_and_counts_the_rest(main: Callable[..., Any], data_copy: Path) -> None:
    # `uwe notes` on 250 communities in Wallonia: a note each, 200 notes shown (laying out
    # 8,000 took 15 s of CPU), the rest counted; JSON gives every one.
    regions = data_copy / "regions.yaml"
    extra = "".join(
        f"  - {{id: w{i}, name: W{i}, kind: community, within: wallonia, "
        f"population: {{value: {1000 + i}, unit: people}}, source: belgium}}\n"
        for i in range(250)
    )
    regions.write_text(regions.read_text(encoding="utf-8") + extra, encoding="utf-8")
    run = main("--data-dir", str(data_copy), "notes", "--width", "200")
    assert run.exit_code == 0, run.stderr
    everything = json.loads(main("--data-dir", str(data_copy), "notes", "--format", "json").stdout)
    notes = [note for note in everything if "title" in note and "kind" in note]
    # (a section per note, and the slides' errata last)
    assert f"and {len(notes) + 1 - 200} more sections, not shown: --format json gives every one" in run.stdout
    assert notes[199]["title"] in run.stdout and notes[200]["title"] not in run.stdout


def test_a_comparison_sets_50_records_side_by_side_and_counts_the_rest(
    main: Callable[..., Any], data_copy: Path
) -> None:
    schemes = data_copy / "schemes.yaml"
    extra = "".join(
        f"  - {{id: sc{i}, name: Scheme {i}, summary: {{fr: s}}, status: active, "
        f"groupings: {{value: 0, unit: count}}, source: walloon-experiences}}\n"
        for i in range(60)
    )
    schemes.write_text(schemes.read_text(encoding="utf-8") + extra, encoding="utf-8")
    run = main("--data-dir", str(data_copy), "schemes", "--width", "200")
    assert run.exit_code == 0, run.stderr
    total = len(json.loads(main("--data-dir", str(data_copy), "schemes", "--format", "json").stdout))
    assert f"and {total - 50} more, not shown side by side: --format json gives every one" in run.stdout
    shown = 50 - (total - 60)  # (the shipped schemes come first)
    assert f"Scheme {shown - 1} " in run.stdout and f"Scheme {shown} " not in run.stdout
