"""`--export FILE`: the table view saved at a fixed width, said on stderr, never over a file
without --force; HTML with its title and language, SVG that needs no network."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

Uwe = Callable[..., Any]


def test_export_says_where_it_wrote_and_leaves_stdout_alone(uwe: Uwe, tmp_path: Path) -> None:
    path = tmp_path / "regions.txt"
    run = uwe("regions", "--export", str(path))
    assert (run.exit_code, run.stdout, run.stderr) == (0, uwe("regions").stdout, f"uwe: wrote {path}\n")
    french = uwe("regions", "--lang", "fr", "--export", str(tmp_path / "régions.txt"))
    assert french.stderr == f"uwe : fichier écrit : {tmp_path / 'régions.txt'}\n"


def test_export_has_a_fixed_width_whatever_the_screen(uwe: Uwe, tmp_path: Path) -> None:
    for columns in ("40", "200"):
        path = tmp_path / f"regions-{columns}.txt"
        assert uwe("regions", "--export", str(path), env={"COLUMNS": columns}).exit_code == 0
    narrow, wide = ((tmp_path / f"regions-{c}.txt").read_text(encoding="utf-8") for c in ("40", "200"))
    assert narrow == wide
    lines = narrow.splitlines()
    # 100 columns: the table, not the stacked records a 40-column screen shows; headers on
    # one line where the room allows, in reading order.
    assert lines[1:4] == [
        "                                                           vs Belgium         Index         Index",
        "Region                       Population   GDP per capita   (computed)   EU-28\xa0=\xa0100   EU-15\xa0=\xa0100",
        "─" * 97,
    ]
    assert (
        lines[6] == "Brussels                    1.1 million          €54,700       179.3%"
    )  # (whole, at 100 columns)


def test_width_changes_the_screen_and_the_export(uwe: Uwe, tmp_path: Path) -> None:
    path = tmp_path / "clusters.txt"
    run = uwe("clusters", "--sector", "energy", "--width", "40", "--export", str(path))
    assert max(len(line) for line in run.stdout.splitlines()) <= 40
    assert max(len(line.rstrip()) for line in path.read_text(encoding="utf-8").splitlines()) <= 40
    assert run.stdout.splitlines()[1:3] == ["TWEED", "  Schemes  Regional clusters"]


def test_force_replaces_an_export(uwe: Uwe, tmp_path: Path) -> None:
    path = tmp_path / "results.txt"
    path.write_text("an older export\n", encoding="utf-8")
    refused = uwe("results", "--export", str(path))
    assert (refused.exit_code, refused.stdout, refused.stderr) == (
        2,
        "",
        f"uwe: error: --export {path}: file already exists (add --force to replace it)\n",
    )
    assert path.read_text(encoding="utf-8") == "an older export\n"
    forced = uwe("results", "--export", str(path), "--force")
    assert (forced.exit_code, forced.stderr) == (0, f"uwe: wrote {path}\n")
    assert path.read_text(encoding="utf-8").startswith("First assessment: Competitiveness poles\n")


def test_html_has_a_title_and_a_language(uwe: Uwe, tmp_path: Path, data_copy: Path) -> None:
    path = tmp_path / "regions.html"
    assert uwe("regions", "--lang", "fr", "--export", str(path)).exit_code == 0
    page = path.read_text(encoding="utf-8")
    assert page.startswith(
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="UTF-8">\n'
        "<title>La Belgique et ses régions\xa0: PIB par habitant</title>\n"
    )
    # A title from the data is text: escaped for HTML, braces kept.
    clusters = data_copy / "clusters.yaml"
    clusters.write_text(
        clusters.read_text(encoding="utf-8").replace("name: TWEED", 'name: "TW<b>&{x}"'), encoding="utf-8"
    )
    assert uwe("--data-dir", str(data_copy), "cluster", "tweed", "--export", str(tmp_path / "t.html")).exit_code == 0
    assert "<title>TW&lt;b&gt;&amp;{x}</title>" in (tmp_path / "t.html").read_text(encoding="utf-8")


def test_svg_needs_no_network(uwe: Uwe, tmp_path: Path) -> None:
    path = tmp_path / "regions.svg"
    assert uwe("regions", "--export", str(path)).exit_code == 0
    svg = path.read_text(encoding="utf-8")
    assert re.findall(r"https?://[^\s\"'()<>]+", svg) == ["http://www.w3.org/2000/svg"]
    assert "@font-face" not in svg and "font-family: Menlo, 'DejaVu Sans Mono'" in svg
    assert "German-speaking" in svg
