"""An empty result says so, in words, on stderr, with what to try next; the data formats
stay what a script expects: JSON `[]`, CSV its header row. It is not an error: exit 0."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Uwe = Callable[..., object]


@pytest.mark.parametrize(
    ("args", "title", "message"),
    [
        (
            ["clusters", "--search", "aerospace"],
            "Named groupings (0): “aerospace”",
            "no grouping's name or domain mentions “aerospace”, but it is a sector: try 'uwe clusters --sector aerospace'",
        ),
        (
            ["clusters", "--search", "rocket science"],
            "Named groupings (0): “rocket science”",
            "no grouping's name or domain mentions “rocket science”; to search everything, try "
            "'uwe search \"rocket science\"'",
        ),
        (
            ["clusters", "--sector", "energy", "--status", "in-formation"],
            "Named groupings (0): sector Energy, in formation",
            "no grouping passes all these filters; try fewer ('uwe clusters' lists all 27)",
        ),
        (
            ["search", "xyzzy"],
            "“xyzzy”: 0 matches",
            "nothing mentions “xyzzy”; search finds words by their beginning, in any of the tool's languages "
            "('uwe search energ' finds energy and énergie); 'uwe sectors' lists the sectors",
        ),
        (["search", "enrgy"], "“enrgy”: 0 matches", "nothing mentions “enrgy”; did you mean “Energy”?"),
        (["search", "tweeed"], "“tweeed”: 0 matches", "nothing mentions “tweeed”; did you mean “TWEED”?"),
    ],
)
def test_an_empty_result_says_what_to_try(uwe: Uwe, args: list[str], title: str, message: str) -> None:
    run = uwe(*args)
    # The title tells the count; no empty table header under it.
    assert (run.exit_code, run.stdout, run.stderr) == (0, f"{title}\n", f"uwe: {message}\n")


def test_an_empty_result_in_french(uwe: Uwe) -> None:
    run = uwe("clusters", "--search", "aerospace", "--lang", "fr")
    assert (run.exit_code, run.stdout, run.stderr) == (
        0,
        "Groupements nommés (0)\xa0: «\xa0aerospace\xa0»\n",  # (typeset: the tool's title)
        "uwe : aucun groupement ne mentionne « aerospace » dans son nom ou son domaine, mais c’est un secteur : "
        "essayez « uwe clusters --sector aerospace »\n",
    )


@pytest.mark.parametrize(
    ("args", "header"),
    [
        (
            ["clusters", "--search", "aerospace"],
            "id,name,schemes,domain,domains,sectors,status,source,tool_words.classified",
        ),
        (["search", "xyzzy"], "kind,id,name,field,field_label,lang,text,source"),
    ],
)
def test_empty_csv_has_its_header_and_json_is_an_empty_list(uwe: Uwe, args: list[str], header: str) -> None:
    csv = uwe(*args, "--format", "csv")
    assert (csv.exit_code, csv.stdout) == (0, f"{header}\n")
    assert csv.stderr.startswith("uwe: ")  # (what to try, on stderr: the data stays clean)
    json = uwe(*args, "--format", "json")
    assert (json.exit_code, json.stdout) == (0, "[]\n")
    # The header of an empty result is the header of a full one.
    full = uwe(args[0], *(["--search", "energy"] if args[0] == "clusters" else ["energy"]), "--format", "csv")
    assert full.stdout.splitlines()[0] == header


def test_empty_markdown_keeps_its_table_header(uwe: Uwe) -> None:
    run = uwe("clusters", "--search", "aerospace", "--format", "markdown")
    assert run.stdout == (
        "## Named groupings (0): “aerospace”\n\n"
        "| Grouping | Schemes | Domain | Sectors | Status |\n| --- | --- | --- | --- | --- |\n\n"
        "*Sectors and statuses are the tool's classification; \\`uwe cluster NAME\\` shows the slides' words behind them.*\n\n"
        "*Texts translated from the slides' French by the tool; --lang fr shows the slides' own words.*\n"
    )


@pytest.mark.parametrize(
    ("args", "told"),
    [
        (
            ["clusters", "--scheme", "technology-grappes"],
            "uwe: the slides name none of the 10 groupings of Technology grappes; "
            "'uwe scheme technology-grappes' says what they say of it\n",
        ),
        (
            ["clusters", "--scheme", "poles", "--sector", "energy"],
            "uwe: no grouping of Competitiveness poles has the sector Energy; in other schemes: TWEED and "
            "Environment (try 'uwe clusters --sector energy')\n",
        ),
        (
            ["--lang", "fr", "clusters", "--scheme", "poles", "--sector", "énergie"],
            "uwe : aucun groupement des Pôles de compétitivité n’a le secteur Énergie ; dans d’autres dispositifs : "
            "TWEED et Environnement (essayez « uwe clusters --sector energy »)\n",
        ),
    ],
)
def test_an_empty_list_says_what_the_data_does_hold(uwe: Uwe, args: list[str], told: str) -> None:
    run = uwe(*args, env={"COLUMNS": "500"})
    assert (run.exit_code, run.stderr) == (0, told)
