"""--export for a projector and a printed report: a light page, every text at WCAG AA contrast
(computed from the exported colours), the title once, and an SVG drawn alike by a renderer
that ignores `textLength` (cairosvg, here; `chromium --headless --screenshot=x.png x.svg`
draws it as a browser does, README "Exports")."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Uwe = Callable[..., Any]


def luminance(hex_colour: str) -> float:
    """WCAG 2's relative luminance of `#rrggbb`."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_is_computed_as_wcag_says() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#7f7f7f", "#ffffff") == pytest.approx(4.0, abs=0.01)  # (Rich's "dim" grey: too pale)


def exported(uwe: Uwe, tmp_path: Path, suffix: str, *args: str) -> str:
    path = tmp_path / f"view{suffix}"
    assert uwe(*args, "--export", str(path)).exit_code == 0
    return path.read_text(encoding="utf-8")


VIEWS = [
    ["regions"],
    ["clusters", "--search", "energy"],
    ["lessons", "--lang", "fr"],
    ["regions", "--base", "wallonia"],
]


@pytest.mark.parametrize("args", VIEWS)
def test_every_text_of_an_svg_reads_at_wcag_aa_on_a_light_page(uwe: Uwe, tmp_path: Path, args: list[str]) -> None:
    svg = exported(uwe, tmp_path, ".svg", *args)
    background = re.search(r'<rect width="100%" height="100%" fill="(#[0-9a-f]{6})"/>', svg)
    assert background is not None and luminance(background.group(1)) > 0.9  # (light: for a projector and paper)
    fills = dict(re.findall(r"\.(terminal-\d+-r\d+) \{ fill: (#[0-9a-f]{6})", svg))
    used = set(re.findall(r'<text class="(terminal-\d+-r\d+)"', svg))
    # (a highlighted match is reversed: light text on the dark cells drawn behind it)
    behind = set(re.findall(r'<rect fill="(#[0-9a-f]{6})" x=', svg)) - {background.group(1)}
    assert used and used <= set(fills)
    for css in used:
        grounds = behind if fills[css] == background.group(1) else {background.group(1)}
        assert grounds and all(contrast(fills[css], ground) >= 4.5 for ground in grounds), (css, fills[css])
    assert "textLength" not in svg


@pytest.mark.parametrize("args", VIEWS)
def test_every_text_of_an_html_page_reads_at_wcag_aa(uwe: Uwe, tmp_path: Path, args: list[str]) -> None:
    page = exported(uwe, tmp_path, ".html", *args)
    body = re.search(r"body \{\s*color: (#[0-9a-f]{6});\s*background-color: (#[0-9a-f]{6});", page)
    assert body is not None and luminance(body.group(2)) > 0.9
    colours = set(re.findall(r"[{;\s]color: (#[0-9a-f]{6})", page.split("body {")[0])) | {body.group(1)}
    backgrounds = set(re.findall(r"background-color: (#[0-9a-f]{6})", page.split("body {")[0]))
    for colour in colours:
        assert contrast(colour, body.group(2)) >= 4.5, colour
    for colour in backgrounds:  # (a highlighted match: reversed)
        assert contrast(colour, body.group(2)) >= 4.5 or contrast(colour, "#ffffff") < 1.5


def test_notes_are_italic_in_their_own_grey(uwe: Uwe, tmp_path: Path) -> None:
    svg = exported(uwe, tmp_path, ".svg", "regions")
    assert ".terminal-" in svg and re.search(r"fill: #555555;font-style: italic", svg)


def test_the_svg_says_its_title_once(uwe: Uwe, tmp_path: Path) -> None:
    svg = exported(uwe, tmp_path, ".svg", "regions")
    drawn = [html.unescape(text) for text in re.findall(r"<text [^>]*>([^<]*)</text>", svg)]
    title = "Belgium and its regions: GDP per capita"
    assert [text.replace("\xa0", " ").strip() for text in drawn].count(title) == 1
    assert f"<title>{title}</title>" in svg  # (what a reader or a screen reader is told the file is)


def test_export_headers_use_the_room_they_have(uwe: Uwe, tmp_path: Path) -> None:
    lines = exported(uwe, tmp_path, ".txt", "regions").splitlines()
    # (100 columns: room for "GDP per capita" on one line, not for every header)
    assert "GDP per capita" in lines[2] and max(len(line) for line in lines[:3]) <= 100


def test_a_renderer_that_ignores_text_length_draws_each_text_in_its_cells(uwe: Uwe, tmp_path: Path) -> None:
    cairosvg = pytest.importorskip("cairosvg")
    from PIL import Image

    svg = exported(uwe, tmp_path, ".svg", "regions")
    png = tmp_path / "view.png"
    cairosvg.svg2png(bytestring=svg.encode("utf-8"), write_to=str(png))
    image = Image.open(png).convert("RGB")
    # The bar chart's Brussels line: its label, its bar and its figure, each in its cells
    # (12.2 pixels a column: Rich's 0.61 of the font's 20 pixels).
    runs = re.findall(r'<text class="[^"]*" x="([\d. ]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg)
    bar_line = [run for run in runs if run[2].count("█") >= 40]
    assert len(bar_line) == 1
    y = float(bar_line[0][1])
    label, bar, figure = [run for run in runs if run[1] == bar_line[0][1] and html.unescape(run[2]).strip()]
    assert html.unescape(label[2]).startswith("Brussels") and "54,700" in figure[2]
    margin = 10  # (the page's translate(10, 10))
    bar_start = float(bar[0].split()[0]) + margin
    bar_end = bar_start + 40 * 12.2
    figure_start = float(figure[0].split()[0]) + margin
    ink: dict[str, list[int]] = {"bar": [], "text": []}
    for py in range(int(y + margin - 18), int(y + margin + 4)):
        for px in range(image.width):
            r, g, b = image.getpixel((px, py))  # type: ignore[misc]
            if b > r + 40:  # the bars' teal (its edges blended with white too)
                ink["bar"].append(px)
            elif max(r, g, b) < 140 and abs(r - b) < 30:  # black or grey text
                ink["text"].append(px)
    # (a block glyph may overhang its cell by a few pixels, into the space before the figure)
    assert ink["bar"] and min(ink["bar"]) >= bar_start - 1 and max(ink["bar"]) <= bar_end + 4 < figure_start
    label_ink = [px for px in ink["text"] if px < bar_start]
    figure_ink = [px for px in ink["text"] if px >= bar_start]
    assert label_ink and figure_ink and min(figure_ink) >= figure_start - 1  # (no bar over the figure)
    assert max(label_ink) < bar_start  # (no label under the bar)
