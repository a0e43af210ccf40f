"""French typography survives any screen width: no line starts with `: ; ! ? % »`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

# A line whose first visible character (after a bullet or a table's indent) closes a phrase.
STARTS_WITH_CLOSING = re.compile(r"^[\s•–]*[:;!?%»]")
VIEWS = [[], ["regions"], ["region", "wallonia"], ["region", "belgium"], ["schemes"], ["scheme", "regional-clusters"],
         ["clusters", "--sector", "energy"], ["lessons"], ["concepts"], ["about"], ["results"], ["cite", "tweed"]]  # fmt: skip


@pytest.mark.parametrize("width", [40, 52, 64])
@pytest.mark.parametrize("lang", ["en", "fr", "nl", "de", "bg"])
def test_no_line_breaks_where_typography_forbids(uwe, lang: str, width: int) -> None:
    # Not before `: ; ! ? % »`, not inside a short command in backticks, not after `p.`.
    for args in [*VIEWS, ["search", "grappe"]]:
        out = uwe("--lang", lang, *args, env={"COLUMNS": str(width)}).stdout
        bad = [line for line in out.splitlines() if STARTS_WITH_CLOSING.match(line)]
        assert bad == [], (args, bad)
        split = [line for line in out.splitlines() if line.count("`") % 2 or re.search(r"\((p|S|с)\.$", line)]
        assert split == [], (args, split)


def test_no_break_spaces_are_kept_and_shown_as_they_are(uwe, data_copy) -> None:
    path = data_copy / "regions.yaml"
    text = path.read_text(encoding="utf-8").replace(
        '"langue française"', '"langue\\u00a0française\\u202f: dite « FR »"'
    )
    path.write_text(text, encoding="utf-8")
    out = uwe("--data-dir", str(data_copy), "--lang", "fr", "region", "wallonia", env={"COLUMNS": "200"}).stdout
    assert (
        "français ; selon les diapositives : « langue\u00a0française\u202f: dite “FR” »" in out
    )  # (inner quotes: “ ”)


def test_a_message_wrapped_on_a_terminal_never_starts_a_line_with_closing_punctuation(uwe) -> None:
    from uwe_cli.output import screen

    for args in (["region", "walonia"], ["cluster", "t"], ["regions", "--sort", "size"], ["data", "export", "x.csv"]):
        message = uwe("--lang", "fr", *args).stderr.strip()
        assert " : " in message
        for width in range(20, 81):
            lines = screen.wrapped(message, width=width).splitlines()
            assert [line for line in lines if STARTS_WITH_CLOSING.match(line)] == [], (width, lines)
            assert " ".join(line.strip() for line in lines) == message


@pytest.mark.parametrize("lang", ["en", "fr", "nl", "de", "bg"])
def test_a_date_never_breaks_between_its_day_and_its_month(uwe, lang: str) -> None:
    for width in range(30, 61, 2):
        out = uwe("--lang", lang, "cite", "tweed", env={"COLUMNS": str(width)}).stdout
        assert not re.search(r"\b15\.? *\n", out), (width, out)


@pytest.mark.parametrize("lang", ["en", "fr", "nl", "de", "bg"])
def test_a_command_quoted_in_a_message_stays_on_one_line(uwe, lang: str) -> None:
    from uwe_cli.output import screen

    message = uwe("--lang", lang, "cluster").stderr.strip()
    for width in range(30, 81):
        lines = screen.wrapped(message, width=width).splitlines()
        assert any("uwe cluster tweed" in line for line in lines), (width, lines)
        assert any("uwe clusters" in line for line in lines), (width, lines)


def test_french_no_break_spaces_are_characters_in_every_format_of_the_tools_words(uwe: Any, tmp_path: Path) -> None:
    """A browser, a word processor or a pager re-wraps text: `:` `;` `»` must not start a line."""
    markdown = uwe("region", "wallonia", "-f", "markdown", "--lang", "fr").stdout
    assert "- **Capitale\u00a0:** Namur" in markdown
    table = uwe("clusters", "--search", "aerospace", "--lang", "fr").stdout
    assert table.startswith("Groupements nommés (0)\u00a0: «\u00a0aerospace\u00a0»")
    for suffix in (".txt", ".html", ".svg"):
        path = tmp_path / f"regions{suffix}"
        assert uwe("regions", "--lang", "fr", "--export", str(path)).exit_code == 0
        assert "régions\u00a0:" in path.read_text(encoding="utf-8"), suffix  # (SVG writes spaces as &#160;)
    english = uwe("region", "wallonia", "-f", "markdown").stdout
    assert "- **Capital:** Namur" in english


def test_a_quotation_inside_a_quotation_takes_the_other_pair_in_english() -> None:
    # The English of the slides' words quotes with “ ”, as the interface does: shown inside the
    # interface's own “ ”, its quotes become ‘ ’ (never “The “technology grappes””).
    from uwe_cli.i18n.language import Language
    from uwe_cli.i18n.messages import msg_p

    quoted = msg_p("quote", "“{text}”", text="The “technology grappes”")
    assert Language("en").message(quoted) == "“The ‘technology grappes’”"
    assert Language("en").message(msg_p("quote", "“{text}”", text="Export grappes")) == "“Export grappes”"
