"""`--export FILE`: the table view as an SVG, HTML or text file, fit for a projector and print.

A light theme (dark text on white) whatever the terminal's, every text at WCAG AA contrast
(4.5:1) or better: notes are a dark grey, not Rich's "dim", which blends them to 4.0:1.
The SVG has no window chrome (its title is the view's own first line, and the file's
<title>) and places every character in its cell (an x for each), so that a renderer that
ignores `textLength` (cairosvg, librsvg) draws it as a browser does: no label runs into its
bar. tests/test_export_page.py renders it with cairosvg and checks the contrast.
"""

from __future__ import annotations

import html
import io
import re

from rich.console import Console, Group
from rich.terminal_theme import TerminalTheme

from uwe_cli.output.sanitize import visible
from uwe_cli.output.shown import Shown

# The fonts of an SVG or HTML export: monospace fonts every system has, loaded from nowhere.
LOCAL_FONTS = "Menlo, 'DejaVu Sans Mono', Consolas, 'Liberation Mono', 'Courier New', monospace"
# Black on white; the bars' cyan and every other colour dark enough to read at 4.5:1 or better.
LIGHT = TerminalTheme(
    (255, 255, 255),
    (0, 0, 0),
    [(0, 0, 0), (160, 0, 0), (0, 110, 0), (110, 80, 0), (0, 60, 170), (130, 0, 130), (0, 105, 125), (85, 85, 85)],
    [(85, 85, 85), (170, 0, 0), (0, 110, 0), (110, 80, 0), (0, 60, 170), (130, 0, 130), (0, 105, 125), (0, 0, 0)],
)
NOTE_STYLE = "italic #555555"  # 7.5:1 on white

_SVG = """<svg class="rich-terminal" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">
    <title>TITLE</title>
    <style>
    .{unique_id}-matrix {{
        font-family: FONTS;
        font-size: {char_height}px;
        line-height: {line_height}px;
    }}
    {styles}
    </style>
    <defs>
    <clipPath id="{unique_id}-clip-terminal">
      <rect x="0" y="0" width="{terminal_width}" height="{terminal_height}" />
    </clipPath>
    {lines}
    </defs>
    <rect width="100%" height="100%" fill="BACKGROUND"/>
    <g transform="translate(TERMINAL_X, TERMINAL_Y)" clip-path="url(#{unique_id}-clip-terminal)">
    {backgrounds}
    <g class="{unique_id}-matrix">
    {matrix}
    </g>
    </g>
</svg>
"""
_TEXT = re.compile(r'<text class="([^"]*)" x="([\d.]+)" y="([\d.]+)" textLength="([\d.]+)" ([^>]*)>([^<]*)</text>')
_ENTITY = re.compile(r"&#?\w+;")


def export(shown: Shown, *, suffix: str, width: int, lang: str) -> str:
    """`shown` laid out for `width` columns, as an SVG, HTML or text file."""
    from uwe_cli.output import terminal

    console = Console(file=io.StringIO(), record=True, width=width, force_terminal=True, color_system="truecolor",
                      highlight=False, emoji=False, markup=False)  # fmt: skip
    console.print(Group(*terminal.renderables(shown, width=width, note_style=NOTE_STYLE)), crop=False)
    title = visible(shown.title)
    if suffix == ".svg":
        return _cells(console.export_svg(title="", theme=LIGHT, code_format=_svg_page(title))).translate(
            terminal.UNGLUE
        )
    if suffix == ".html":
        return console.export_html(theme=LIGHT, code_format=_html_page(title, lang)).translate(terminal.UNGLUE)
    text = console.export_text().translate(terminal.UNGLUE)
    return "".join(line.rstrip() + "\n" for line in text.splitlines())  # (as on a pipe)


def _braces(text: str) -> str:
    return html.escape(text).replace("{", "{{").replace("}", "}}")


def _svg_page(title: str) -> str:
    # (Rich's margins without its chrome: the page starts at the text)
    page = _SVG.replace("TITLE", _braces(title)).replace("FONTS", LOCAL_FONTS)
    return (
        page.replace("BACKGROUND", LIGHT.background_color.hex).replace("TERMINAL_X", "10").replace("TERMINAL_Y", "10")
    )


def _cells(svg: str) -> str:
    """Every character of the SVG's text at the x of its cell (an x per character, which every
    renderer honours) rather than a run stretched to `textLength` (which some ignore)."""

    def placed(found: re.Match[str]) -> str:
        css, x, y, length, rest, content = found.groups()
        count = len(_ENTITY.sub("_", content))
        if count == 0:
            return found.group(0)
        cell = float(length) / count
        xs = " ".join(f"{float(x) + i * cell:.1f}" for i in range(count))
        return f'<text class="{css}" x="{xs}" y="{y}" {rest}>{content}</text>'

    return _TEXT.sub(placed, svg)


def _html_page(title: str, lang: str) -> str:
    """Rich's HTML page with the language and a title (Rich's `code_format` fields kept)."""
    return (
        f'<!DOCTYPE html>\n<html lang="{_braces(lang)}">\n<head>\n<meta charset="UTF-8">\n'
        f"<title>{_braces(title)}</title>\n"
        "<style>\n{stylesheet}\nbody {{\n    color: {foreground};\n    background-color: {background};\n}}\n</style>\n"
        "</head>\n<body>\n"
        f'    <pre style="font-family:{LOCAL_FONTS}"><code style="font-family:inherit">{{code}}</code></pre>\n'
        "</body>\n</html>\n"
    )
