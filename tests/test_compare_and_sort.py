"""Comparing with a chosen region (`--base`) and sorting every list whose order matters."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest

Uwe = Callable[..., Any]


def test_base_gives_the_difference_and_the_ratio_marked_as_computed(uwe: Uwe) -> None:
    rows = {r["id"]: r for r in uwe("regions", "brussels", "wallonia", "--base", "wallonia", "-f", "json").json()}
    assert rows["brussels"]["gdp_difference_from_base_eur"] == 33200
    assert rows["brussels"]["gdp_ratio_to_base"] == pytest.approx(2.5442, abs=1e-4)
    assert (rows["wallonia"]["gdp_difference_from_base_eur"], rows["wallonia"]["gdp_ratio_to_base"]) == (0, 1.0)
    assert rows["brussels"]["base"] == "wallonia"
    computed = ["gdp_difference_from_base_eur", "gdp_ratio_to_base", "gdp_share_of_belgium_pct"]
    assert sorted(rows["brussels"]["tool_words"]["computed"]) == computed


def test_base_in_the_table_csv_and_every_language(uwe: Uwe) -> None:
    out = uwe("regions", "--base", "wallonia", env={"COLUMNS": "120"}).stdout
    assert out.startswith("Belgium and its regions: GDP per capita, compared with Wallonia\n")
    line = next(line for line in out.splitlines() if line.startswith("Brussels "))
    assert line.split()[4:6] == ["+€33,200", "2.54×"]
    assert "Difference and ratio to Wallonia are computed by the tool" in " ".join(out.split())
    table = list(csv.DictReader(io.StringIO(uwe("regions", "--base", "wallonia", "-f", "csv").stdout)))
    assert [r["gdp_difference_from_base_eur"] for r in table] == ["9000", "7300", "33200", "0", ""]
    shown = {
        "fr": ("Bruxelles", "+33 200 €", "2,54 ×"),
        "nl": ("Brussel", "€ +33.200", "2,54×"),
        "de": ("Brüssel", "+33.200 €", "2,54×"),
        "bg": ("Брюксел", "+33 200 €", "2,54×"),
    }
    for lang, (_, difference, ratio) in shown.items():
        out = uwe("regions", "brussels", "--base", "wallonia", "--lang", lang, env={"COLUMNS": "160"}).stdout
        out = out.replace("\u202f", " ").replace("\xa0", " ")
        assert difference in out and ratio in out, lang
        assert "compared with" not in out and "computed" not in out, lang
    flanders = uwe("regions", "flanders", "--base", "brussels", "-f", "markdown").stdout
    assert "-€25,900" in flanders and "0.53×" in flanders


@pytest.mark.parametrize(
    ("base", "said"),
    [
        ("wallonia", "à la Wallonie"),
        ("flanders", "à la Flandre"),
        ("belgium", "à la Belgique"),
        ("brussels", "à Bruxelles"),
    ],
)
def test_base_names_the_region_with_its_french_article(uwe: Uwe, base: str, said: str) -> None:
    out = uwe("regions", "--base", base, "--lang", "fr", env={"COLUMNS": "200"}).stdout
    out = out.replace("\xa0", " ").replace("\u202f", " ")
    assert out.splitlines()[0] == f"La Belgique et ses régions : PIB par habitant, par rapport {said}"
    assert f"L’écart et le rapport {said} sont calculés par l’outil" in out


def test_base_needs_a_region_with_a_gdp(uwe: Uwe) -> None:
    run = uwe("regions", "--base", "dg")
    assert (run.exit_code, run.stderr) == (
        2,
        "uwe: error: --base dg: the slides give no GDP per capita for the German-speaking Community; "
        "use Belgium, Flanders, Brussels or Wallonia\n",
    )
    # The names the reader reads, each with the article French gives it in a sentence.
    assert uwe("regions", "--base", "dg", "--lang", "fr").stderr.replace("\xa0", " ").replace("\u202f", " ") == (
        "uwe : erreur : --base dg : les diapositives ne donnent pas de PIB par habitant pour la Communauté "
        "germanophone ; utilisez Belgique, Flandre, Bruxelles ou Wallonie\n"
    )
    assert uwe("regions", "--base", "walonia").stderr == (
        "uwe: error: unknown region 'walonia' (did you mean 'Wallonia'?)\n"
    )


def ids(run: Any) -> list[str]:
    return [r["id"] for r in run.json()]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["regions", "--sort", "gdp"], ["brussels", "belgium", "flanders", "wallonia", "german-speaking-community"]),
        (["regions", "--sort", "-gdp"], ["wallonia", "flanders", "belgium", "brussels", "german-speaking-community"]),
        (["regions", "--sort", "population"], ["belgium", "flanders", "wallonia", "brussels", "german-speaking-community"]),
        (["regions", "--sort", "-population"], ["german-speaking-community", "brussels", "wallonia", "flanders", "belgium"]),
        (["regions", "--sort", "name"], ["belgium", "brussels", "flanders", "german-speaking-community", "wallonia"]),
        (["regions", "--sort", "-name"], ["wallonia", "german-speaking-community", "flanders", "brussels", "belgium"]),
        (["regions", "--sort", "-nom", "--lang", "fr"], ["wallonie", "flandre", "communaute", "bruxelles", "belgique"]),
        (["schemes", "--sort", "start"], ["technology-grappes", "regional-clusters", "poles", "export-grappes"]),
        (["schemes", "--sort", "-start"], ["poles", "regional-clusters", "technology-grappes", "export-grappes"]),
    ],
)  # fmt: skip
def test_sort_has_a_documented_direction_and_minus_reverses_it(uwe: Uwe, args: list[str], expected: list[str]) -> None:
    run = uwe(*args, "-f", "json")
    found = ids(run) if "fr" not in args else [r["name"].split()[0].lower() for r in run.json()]
    found = [{"communauté": "communaute"}.get(f, f) for f in found]
    assert found == expected


def test_clusters_sort_by_name_status_scheme_and_sectors(uwe: Uwe) -> None:
    from uwe_cli.names.matching import fold

    names = [r["name"] for r in uwe("clusters", "--sort", "name", "-f", "json").json()]
    assert names == sorted(names, key=fold) and len(names) == 27 and names[0] == "Airports and ports"
    assert [r["name"] for r in uwe("clusters", "--sort", "-name", "-f", "json").json()] == names[::-1]
    statuses = [r["status"] or "not-stated" for r in uwe("clusters", "--sort", "status", "-f", "json").json()]
    assert statuses == sorted(statuses, key=["active", "in-formation", "not-stated"].index)
    sectors = [len(r["sectors"]) for r in uwe("clusters", "--sort", "sectors", "-f", "json").json()]
    assert sectors == sorted(sectors, reverse=True) and sectors[0] > sectors[-1]
    fewest = [len(r["sectors"]) for r in uwe("clusters", "--sort", "-sectors", "-f", "json").json()]
    assert fewest == sorted(sectors)
    schemes = [r["schemes"][0] for r in uwe("clusters", "--sort", "-scheme", "-f", "json").json()]
    assert schemes[0] == "export-grappes" and schemes[-1] == "regional-clusters"


def test_search_sorts_by_relevance_name_or_kind(uwe: Uwe) -> None:
    default = uwe("search", "grappe", "-f", "json").json()
    assert uwe("search", "grappe", "--sort", "relevance", "-f", "json").json() == default
    assert uwe("search", "grappe", "--sort", "-relevance", "-f", "json").json() == default[::-1]
    kinds = [hit["kind"] for hit in uwe("search", "grappe", "--sort", "kind", "-f", "json").json()]
    assert kinds == sorted(kinds, key=["scheme", "slide", "term"].index) and len(set(kinds)) == 3
    assert uwe("search", "grappe", "--sort", "-kind", "-f", "json").json()[0]["kind"] == "term"


@pytest.mark.parametrize(
    ("args", "keys"),
    [
        (["regions"], "gdp, population or name"),
        (["clusters"], "name, scheme, status or sectors"),
        (["schemes"], "name, start or groupings"),
        (["search", "x"], "relevance, name or kind"),
    ],
)
def test_an_unknown_sort_key_lists_the_valid_ones(uwe: Uwe, args: list[str], keys: str) -> None:
    run = uwe(*args, "--sort", "size")
    assert (run.exit_code, run.stderr) == (2, f"uwe: error: unknown sort key 'size' (use {keys})\n")


def test_csv_keeps_every_domain_of_a_grouping(uwe: Uwe) -> None:
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(uwe("clusters", "-f", "csv").stdout))}
    assert rows["logistics-in-wallonia"]["domains"] == "Transport and logistics; Transport – logistics"
    assert rows["logistics-in-wallonia"]["schemes"] == "regional-clusters; poles"
    assert rows["tweed"]["domains"] == "Sustainable energy" and rows["airports-ports"]["domains"] == ""
    french = {r["id"]: r for r in csv.DictReader(io.StringIO(uwe("clusters", "-f", "csv", "-l", "fr").stdout))}
    assert french["logistics-in-wallonia"]["domains"] == "Transport et logistique; Le transport – logistique"


def test_csv_for_excel_starts_with_a_byte_order_mark(tmp_path: Any) -> None:
    import os
    import subprocess
    import sys

    def csv_bytes(*args: str, env: dict[str, str] | None = None) -> bytes:
        full = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
        command = [sys.executable, "-m", "uwe_cli", "clusters", "-f", "csv", *args]
        return subprocess.run(command, capture_output=True, env=full, check=True).stdout

    plain = csv_bytes()
    assert plain.startswith(b"id,name,") and "Infopôle".encode() in plain
    assert csv_bytes("--bom") == b"\xef\xbb\xbf" + plain
    assert csv_bytes(env={"UWE_CSV_BOM": "1"}) == b"\xef\xbb\xbf" + plain
    assert csv_bytes("--bom").decode("utf-8-sig") == plain.decode("utf-8")  # (as Excel reads it)
