"""Text from data is shown, never obeyed: no Rich markup, no emoji codes, no terminal controls."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import unicodedata
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uwe_cli.i18n.language import Language
from uwe_cli.i18n.messages import msg
from uwe_cli.output import render as output
from uwe_cli.output.sanitize import visible
from uwe_cli.views.form import Column, Document, Field, Section, Table

# What a terminal would act on, or a reader would not see: controls (but newline), line and
# paragraph separators, format characters (bidirectional overrides, zero-width characters,
# the soft hyphen, tag characters...). Built from the Unicode database, not from the tool's list.
CONTROL = re.compile(
    "["
    + "".join(
        re.escape(chr(code))
        for code in range(0x110000)
        if code != 10 and (unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp") or 0xE0000 <= code <= 0xE007F)
    )
    + "]"
)
# The only escape sequences uwe itself writes: colours and bold (SGR).
SGR = re.compile(r"\x1b\[[0-9;]*m")

HOSTILE = "[red]TW[/red] [link=https://evil.example]x[/link] :smile: \x1b]8;;https://evil\x07link\x1b]8;;\x07 \x1b[2J\x9b31m\u202e"
HOSTILE_YAML = (
    r'"[red]TW[/red] [link=https://evil.example]x[/link] :smile: \e]8;;https://evil\alink\e]8;;\a \e[2J\x9b31m\u202e"'
)

FORMAT = st.characters(categories=("Cc", "Cf", "Zl", "Zp")) | st.characters(
    min_codepoint=0xE0000, max_codepoint=0xE007F
)
texts = (
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
    | st.text(alphabet=FORMAT | st.sampled_from("ab |,"), max_size=20)
    | st.sampled_from(
        [
            HOSTILE,
            "[bold]x",
            "[/]",
            "\x1b[31m",
            "\x07",
            "\x1b]0;title\x07",
            ":thumbs_up:",
            "\r\n",
            "\t",
            "\x00",
            "row\u2028forged",
            "a\u200bb\u200dc\u2060d\ufeffe\xadf\u061cg\u180eh\ufff9i\U000e0041",
        ]
    )
)


def render(form: object, fmt: str) -> str:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        output.render(form, fmt=fmt, lang=Language("en"))  # type: ignore[arg-type]
    return buffer.getvalue()


def table(value: str) -> Table:
    # The value as data (a cell) and in a message (a title, a column label, a note).
    label = msg("{value}", value=value)
    return Table(
        label, (Column("a", label), Column("b", msg("n"), justify="right")), [{"a": value, "b": value}], notes=(label,)
    )


def document(value: str) -> Document:
    label = msg("{value}", value=value)
    section = Section(label, items="items", fields=(Field(label, "v"),), verbatim="v")
    return Document(label, {"v": value, "items": [value]}, (Field(label, "v"),), (section,), (label,))


def squeezed(text: str) -> str:
    """`text` without white space: a table wraps a long value over several lines."""
    return "".join(text.split())


@settings(max_examples=150, deadline=None)
@given(texts, st.sampled_from(["table", "csv", "markdown"]))
def test_no_renderer_writes_control_characters_and_every_value_is_shown(value: str, fmt: str) -> None:
    for form in (table(value), document(value)):
        shown = render(form, fmt)
        assert not CONTROL.search(shown.replace("\n", ""))
        if fmt == "table":
            assert squeezed(visible(value)) in squeezed(shown)
    rows = list(csv.reader(io.StringIO(render(table(value), "csv"))))
    assert rows[0] == ["a", "b"]
    expected = visible(value).replace("\t", " ")
    expected = "'" + expected if expected[:1] in ("=", "+", "-", "@") else expected  # never a formula
    assert rows[1] == [expected, expected]


@settings(max_examples=100, deadline=None)
@given(texts)
def test_json_stays_exact_and_inert(value: str) -> None:
    shown = render(document(value), "json")
    assert not CONTROL.search(shown.replace("\n", ""))
    assert json.loads(shown) == {"v": value, "items": [value]}


@settings(max_examples=100, deadline=None)
@given(texts)
def test_on_a_terminal_only_colour_codes_are_written(value: str) -> None:
    with mock.patch.dict(os.environ, {"FORCE_COLOR": "1"}):
        shown = render(table(value), "table")
    assert SGR.search(shown)
    assert not CONTROL.search(SGR.sub("", shown).replace("\n", ""))
    assert squeezed(visible(value)) in squeezed(SGR.sub("", shown))


@settings(max_examples=60, deadline=None)
@given(texts)
def test_errors_are_one_inert_line(value: str) -> None:
    buffer = io.StringIO()
    with contextlib.redirect_stderr(buffer):
        output.error(f"unknown cluster '{value}'")
    shown = buffer.getvalue()
    assert shown.count("\n") == 1 and shown.endswith("\n")
    assert not CONTROL.search(shown[:-1])


@pytest.fixture
def hostile_data(data_copy: Path) -> Path:
    path = data_copy / "clusters.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: TWEED", f"name: {HOSTILE_YAML}"), encoding="utf-8")
    return data_copy


def test_markup_and_emoji_codes_stay_literal(uwe, hostile_data: Path) -> None:
    for args in (["cluster", "tweed"], ["clusters", "--sector", "energy"], ["cluster", "tweed", "-f", "markdown"]):
        out = uwe("--data-dir", str(hostile_data), *args).stdout
        assert ":smile:" in out and "😄" not in out
        assert not CONTROL.search(out.replace("\n", ""))
        if "markdown" in args:  # markdown escapes its own special characters too
            assert r"\[red\]TW\[/red\]" in out and r"\\x1b\]8;;https://evil\\x07link" in out
        else:
            assert "[red]TW[/red]" in out and "\\x1b]8;;https://evil\\x07link" in out


def test_hostile_text_on_a_forced_terminal(uwe, hostile_data: Path) -> None:
    out = uwe("--data-dir", str(hostile_data), "cluster", "tweed", env={"FORCE_COLOR": "1"}).stdout
    assert SGR.search(out)  # bold, from uwe itself
    assert not CONTROL.search(SGR.sub("", out).replace("\n", ""))
    assert "[red]TW[/red]" in out


def test_export_files_are_inert(uwe, hostile_data: Path, tmp_path: Path) -> None:
    for suffix in (".txt", ".svg", ".html"):
        path = tmp_path / f"out{suffix}"
        assert uwe("--data-dir", str(hostile_data), "cluster", "tweed", "--export", str(path)).exit_code == 0
        content = path.read_text(encoding="utf-8")
        assert not CONTROL.search(content.replace("\n", "")), suffix
        assert "href" not in content  # no hyperlink made out of data
        assert "evil.example" not in content or "[link=https://evil.example]" in content.replace("&#91;", "[")


def test_hostile_name_on_the_command_line(uwe) -> None:
    run = uwe("cluster", "\x1b[31mred\x07")
    assert run.exit_code == 2
    assert run.stderr == "uwe: error: unknown grouping '\\x1b[31mred\\x07' (see 'uwe clusters')\n"


def test_hostile_field_name_in_a_data_error(uwe, data_copy: Path) -> None:
    path = data_copy / "regions.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("    kind: country", '    "\\e[2Jkind": country', 1), encoding="utf-8"
    )
    run = uwe("data", "check", str(data_copy))
    assert run.exit_code == 1
    assert "unknown field '\\x1b[2Jkind' (did you mean 'kind'?)" in run.stderr
    assert "\x1b" not in run.stderr


def test_data_path_is_shown_inert(uwe) -> None:
    run = uwe("data", "path", env={"UWE_DATA_DIR": "/tmp/\x1b[31mred"})
    assert run.stdout == "/tmp/\\x1b[31mred\n"


def test_csv_cells_are_never_formulas(uwe, data_copy: Path) -> None:
    path = data_copy / "clusters.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: TWEED", 'name: "=HYPERLINK(1)"'), encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(uwe("--data-dir", str(data_copy), "clusters", "-f", "csv").stdout)))
    assert next(r for r in rows if r["id"] == "tweed")["name"] == "'=HYPERLINK(1)"


def test_every_format_character_is_made_visible() -> None:
    from uwe_cli.output.sanitize import CONTROL as UWE_CONTROL

    missed = [
        f"U+{code:04X}"
        for code in range(0x110000)
        if code != 10 and code != 9 and CONTROL.match(chr(code)) and not UWE_CONTROL.match(chr(code))
    ]
    assert missed == []


def test_how_hidden_characters_are_shown() -> None:
    from uwe_cli.output.sanitize import visible

    assert (
        visible("a\u2028b\u2029c\u200bd\xade\U000e0041f\x1bg\th")
        == "a\\u2028b\\u2029c\\u200bd\\xade\\U000e0041f\\x1bg h"
    )


def test_json_escapes_hidden_characters_and_stays_exact() -> None:
    value = "tag\U000e0041 zw\u200b sep\u2028 bidi\u202e"
    shown = render(document(value), "json")
    assert "\\udb40\\udc41" in shown and "\\u200b" in shown and "\\u2028" in shown  # (a surrogate pair beyond U+FFFF)
    assert not CONTROL.search(shown.replace("\n", "")) and json.loads(shown) == {"v": value, "items": [value]}


def test_a_line_separator_in_a_name_forges_no_row(uwe, data_copy: Path) -> None:
    before = uwe("--data-dir", str(data_copy), "clusters", "--sector", "energy").stdout
    path = data_copy / "clusters.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "name: TWEED", 'name: "TWEED\u2028Forged   Regional clusters   x   active\u2029"'
        ),
        encoding="utf-8",
    )
    for args in (
        ["clusters", "--sector", "energy"],
        ["clusters", "--sector", "energy", "-f", "csv"],
        ["clusters", "--sector", "energy", "-f", "markdown"],
    ):
        out = uwe("--data-dir", str(data_copy), *args).stdout
        assert "\u2028" not in out and "\u2029" not in out
        assert "TWEED\\u2028Forged" in out.replace("\\\\", "\\")  # (markdown escapes the backslash)
        assert len(out.splitlines()) == len(out.split("\n")) - 1  # no line but at newlines
    table = uwe("--data-dir", str(data_copy), "clusters", "--sector", "energy").stdout
    assert len([line for line in table.split("\n") if line.startswith("Forged")]) == 0
    assert len(table.split("\n")) >= len(before.split("\n"))


def test_an_error_message_shows_hidden_characters(uwe) -> None:
    run = uwe("cluster", "x\u2028y\u200bz")
    assert run.stderr == "uwe: error: unknown grouping 'x\\u2028y\\u200bz' (see 'uwe clusters')\n"
