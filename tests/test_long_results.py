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
        schemes.read_text(encoding="utf-8")
        + "  - {id: big, name: {fr: Grand, en: Big}, summary: {fr: Beaucoup, en: Many}, status: active,"
        " groupings: {value: 1003, unit: count}, source: walloon-experiences}\n",
        encoding="utf-8",
    )
    clusters = data_copy / "clusters.yaml"
    extra = "".join(
        f"  - {{id: g{i}, name: {{fr: Gzz{i}, en: Gzz{i}}}, sectors: [energy], status: active, source: walloon-experiences, "
        f"memberships: [{{scheme: big, domain: {{fr: D{i}, en: D{i}}}}}]}}\n"
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
        f"  - {{id: w{i}, name: {{fr: W{i}, en: W{i}}}, kind: community, within: wallonia, "
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
        f"  - {{id: sc{i}, name: {{fr: Régime {i}, en: Scheme {i}}}, summary: {{fr: s, en: s}}, status: active, "
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


def test_the_points_under_an_item_are_bounded_too() -> None:
    # (a glossary term with 45,000 usages took Rich minutes to lay out)
    from uwe_cli.i18n.choice import resolve
    from uwe_cli.i18n.messages import msg
    from uwe_cli.output.shown import ShownDocument, derive
    from uwe_cli.views.form import Document, Section

    form = Document(
        msg("Concepts"),
        [{"name": "grappe"}],
        sections=(Section(msg("Glossary"), items="", show=lambda item, lang: item["name"],
                          points=lambda item, lang: [f"usage {i}" for i in range(1_005)]),),
    )  # fmt: skip
    lang = resolve("en", {})
    shown = derive(form, form.data, lang, most=1_000)
    assert isinstance(shown, ShownDocument)
    points = shown.sections[0].items[0].points
    assert points[:2] == ("usage 0", "usage 1") and points[999] == "usage 999"
    assert points[1000:] == ("and 5 more, not shown: --format json gives every one",)
    assert len(derive(form, form.data, lang).sections[0].items[0].points) == 1_005  # (JSON's and Markdown's)
