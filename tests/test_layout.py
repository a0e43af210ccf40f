"""Tables on narrow and wide screens: a wrapped cell never reads as a row of its own, and
no word is cut, in either language."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

Uwe = Callable[..., object]
COMMANDS = [[], ["regions"], ["region", "wallonia"], ["region", "german"], ["schemes"], ["scheme", "poles"],
            ["clusters"], ["cluster", "logistics"], ["sectors"], ["lessons"], ["results"], ["concepts"], ["about"],
            ["search", "grappe"], ["cite", "tweed"]]  # fmt: skip


def words(text: str) -> set[str]:
    """The words of an output, without rules and bars (whose length is the screen's)."""
    return {w for w in text.split() if not set(w) <= set("─█•–—")}


def first_header(text: str) -> set[str]:
    """The words heading a table's first column: a stacked table heads each row with its
    name instead."""
    lines = text.splitlines()
    rules = [i for i, line in enumerate(lines) if line.startswith("──")]
    # (the header line's first cell: the words before the first gap of two spaces or more)
    return set(re.split(r"\s{2,}", lines[rules[0] - 1].strip())[0].split()) if rules else set()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_word_is_cut_and_no_line_is_too_long(uwe: Uwe, lang: str) -> None:
    for command in COMMANDS:
        wide = uwe(*command, "--lang", lang, env={"COLUMNS": "1000"}).stdout
        for width in (40, 80):
            out = uwe(*command, "--lang", lang, env={"COLUMNS": str(width)}).stdout
            missing = words(wide) - words(out) - first_header(wide)
            assert not missing, (command, lang, width, sorted(missing)[:5])
            if command[:1] != ["cite"]:  # (BibTeX is verbatim: see test_cite_prints_bibtex_verbatim)
                assert max(len(line) for line in out.splitlines()) <= width, (command, lang, width)


def test_a_table_whose_cells_wrap_separates_its_rows(uwe: Uwe) -> None:
    assert uwe("clusters", "--status", "in-formation").stdout.splitlines()[:7] == [
        "Named groupings (2): in formation",
        "Grouping                   Schemes          Domain   Sectors        Status",
        "─" * 80,
        "Construction (building     Export grappes            Construction   in formation",
        "and public works)",
        "",  # ("and public works)" is not a grouping of its own)
        "Glass industry             Export grappes            Glass          in formation",
    ]


def test_a_wide_terminal_wraps_the_fewest_cells_and_parts_only_the_tall_rows(uwe: Uwe) -> None:
    # At 160 columns every domain and sector fits on its line: only the one long name wraps
    # (and Logistics in Wallonia has two schemes, each with its domain), with a blank line
    # around those rows only.
    lines = uwe("clusters", env={"COLUMNS": "160"}).stdout.splitlines()
    infopole = (
        "Infopôle                             Regional clusters       Information and Communication Technologies (ICT)"
    )
    assert any(line.startswith(infopole + "   ICT ") for line in lines)
    assert lines[8:13] == [
        "",
        "Logistics in Wallonia                Regional clusters       Transport and logistics                            "
        "Transport and logistics             not stated",
        "                                     Competitiveness poles   Transport – logistics",
        "",
        "Photonique                           Regional clusters       Photonics (light, laser, etc.)                     "
        "Photonics                           not stated",
    ]
    assert len(lines) < 42
    # At 200 columns nothing wraps at all.
    wide = uwe("clusters", env={"COLUMNS": "200"}).stdout.splitlines()
    assert "Construction (building and public works)" in " ".join(wide)
    assert wide.count("") == 3  # (around Logistics in Wallonia's two schemes, and before the note)


def test_fit_narrows_a_column_of_one_long_name_before_a_column_of_many(uwe: Uwe) -> None:
    from uwe_cli.output.fitting import fit

    headers = [("Name", "left"), ("Domain", "left")]
    rows = [["A very long name indeed", "a domain of words"], *([["Short", "another domain of words"]] * 3)]
    assert fit(headers, rows, available=40) == [17, 23]  # one cell wraps, not three domains
    assert fit(headers, rows, available=46) == [23, 23]  # (room enough: nothing wraps)
    assert fit(headers, rows, available=30) == [7, 23]  # (still the one long name)
    assert fit(headers, rows, available=20) == [10, 10]  # (most rows wrap anyway: alike)


def test_a_table_whose_cells_fit_has_no_blank_lines_and_no_repeated_title(uwe: Uwe) -> None:
    lines = uwe("results", env={"COLUMNS": "160"}).stdout.splitlines()
    assert lines[:5] == [
        "First assessment: Competitiveness poles",
        "Result (the tool's label)                       Figure   As the slides say (translated)",
        "─" * 108,
        "Member companies of the poles                      600   600 member companies of the poles",
        "Share of value added                               45%   45% of value added and 24% of industrial employment",
    ]
    assert "" not in lines[: lines.index("The pole policy can only be assessed over the long term.") - 1]


def test_the_bar_chart_keeps_its_labels_whole_at_40_columns(uwe: Uwe) -> None:
    out = uwe("regions", env={"COLUMNS": "40"}).stdout
    chart = out.split("\nGDP per capita\n", 1)[1].split("\n\n")[0].splitlines()
    assert chart == [
        "Belgium  █████████████           €30,500",
        "Flanders ████████████            €28,800",
        "Brussels ███████████████████████ €54,700",
        "Wallonia █████████               €21,500",
    ]


def test_a_label_never_wraps_beside_its_value(uwe: Uwe) -> None:
    # Too long for the screen beside its value: the value goes under its label instead.
    out = uwe("region", "wallonia", "--lang", "fr", env={"COLUMNS": "40"}).stdout.splitlines()
    # (the codes' label says they are not the slides', i19a)
    assert out[:5] == ["Wallonie", "Type", "  région", "Code (absent des diapositives)", "  NUTS BE3, ISO 3166 BE-WAL"]
    assert "Indice du PIB par habitant" in out
    # Where the labels leave the values room, side by side, the same for every record.
    stacked = uwe("clusters", env={"COLUMNS": "40"}).stdout.splitlines()
    assert stacked[1:7] == [
        "ARESA",
        "  Schemes  Regional clusters",
        "  Domain   Clinical research",
        "  Sectors  Research",
        "  Status   not stated",
        "CAP 2020",
    ]


def test_french_headers_wrap_between_words_over_few_lines(uwe: Uwe) -> None:
    lines = uwe("regions", "--lang", "fr").stdout.splitlines()
    assert lines[1:5] == [
        "                                             En % de",
        "                                                  la",
        "                                 PIB par    Belgique        Indice        Indice",
        "Région             Population   habitant   (calculé)   UE-28\xa0=\xa0100   UE-15\xa0=\xa0100",
    ]


def test_the_overview_writes_periods_with_an_en_dash(uwe: Uwe) -> None:
    out = uwe().stdout
    assert "(1999–2005)" in out and not re.search(r"\d{4}-\d{4}", out)
