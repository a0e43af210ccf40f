"""The command line as a newcomer meets it: help that fits, errors that say what to type,
options wherever they are typed, aliases, and completion that offers what the matcher takes."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer.main

from uwe_cli import __version__
from uwe_cli.cli import commands as cli
from uwe_cli.cli import helptext
from uwe_cli.dataset import store

Uwe = Callable[..., object]
WIDTHS = [40, 80, 160]


def help_texts() -> list[tuple[str, str, list[str]]]:
    """(command line, help text, option helps) for `uwe` and every command."""
    group = typer.main.get_command(cli.app)
    found = [("", group.help or "", [p.help or "" for p in group.params])]
    for name, command in group.commands.items():
        subcommands = getattr(command, "commands", {})
        for sub, child in [(name, command), *((f"{name} {n}", c) for n, c in subcommands.items())]:
            found.append((sub, child.help or "", [getattr(p, "help", None) or "" for p in child.params]))
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_help_fits_the_screen_and_cuts_no_word(uwe: Uwe, width: int) -> None:
    for command, text, option_helps in help_texts():
        out = uwe(*command.split(), "--help", env={"COLUMNS": str(width)}).stdout
        assert max(len(line) for line in out.splitlines()) <= width, (command, width)
        shown = set(out.split())
        for word in " ".join([inspect.cleandoc(text), *map(helptext.ours, option_helps)]).split():
            assert word in shown, (command, width, word)


@pytest.mark.parametrize("width", WIDTHS)
def test_help_lists_every_command_in_full(uwe: Uwe, width: int) -> None:
    out = " ".join(uwe("--help", env={"COLUMNS": str(width)}).stdout.split("Commands:")[1].split())
    assert "..." not in out
    for name, command in typer.main.get_command(cli.app).commands.items():
        first_sentence = " ".join((command.help or "").split("\n\n")[0].split()).split(". ")[0]
        assert f"{name} {first_sentence}" in out, (name, width)


def test_help_names_arguments_by_their_placeholder(uwe: Uwe) -> None:
    regions = uwe("regions", "--help").stdout
    assert regions.startswith("Usage: uwe regions [OPTIONS] [NAME...]\n")
    assert "\n  NAME...  Regions to compare (default: all).\n" in regions
    cluster = uwe("cluster", "--help").stdout
    assert cluster.startswith("Usage: uwe cluster [OPTIONS] NAME\n")
    for command in ("regions", "region", "schemes", "scheme", "cluster", "cite", "search", "data check", "data init"):
        out = uwe(*command.split(), "--help").stdout
        assert "<" not in out and "str]" not in out and "[required]" not in out, command


def test_narrow_help_puts_descriptions_under_their_options(uwe: Uwe) -> None:
    lines = uwe("--help", env={"COLUMNS": "40"}).stdout.splitlines()
    at = lines.index("  --data-dir PATH")
    assert lines[at + 1 : at + 4] == [
        "      Read this data folder (default:",
        "      $UWE_DATA_DIR, else the shipped",
        "      data).",
    ]


def test_help_and_version_are_aliases(uwe: Uwe) -> None:
    assert uwe("help").stdout == uwe("--help").stdout
    # `uwe data help` is `uwe data --help` (not "did you mean 'help'?"), as `uwe help` is `uwe --help`
    assert (uwe("data", "help").exit_code, uwe("data", "help").stdout) == (0, uwe("data", "--help").stdout)
    assert uwe("data", "help", "export").stdout == uwe("data", "export", "--help").stdout
    for command in (["clusters"], ["data"], ["data", "check"]):
        run = uwe("help", *command)
        assert (run.exit_code, run.stdout) == (0, uwe(*command, "--help").stdout), command
    assert (uwe("version").exit_code, uwe("version").stdout) == (0, f"uwe {__version__}\n")


def test_root_options_work_after_the_command(uwe: Uwe, data_copy: Path) -> None:
    (data_copy / "clusters.yaml").write_text(
        (data_copy / "clusters.yaml").read_text(encoding="utf-8").replace("name: TWEED", "name: TWEED (copy)"),
        encoding="utf-8",
    )
    run = uwe("cluster", "tweed", "--data-dir", str(data_copy), "--no-cache", "--debug", "-f", "json")
    assert (run.exit_code, run.stderr, run.json()["name"]) == (0, "", "TWEED (copy)")  # type: ignore[index]
    run = uwe("cluster", f"--data-dir={data_copy}", "tweed", "-f", "json")
    assert run.json()["name"] == "TWEED (copy)"  # type: ignore[index]
    assert uwe("data", "path", "--data-dir", str(data_copy)).stdout == f"{data_copy}\n"
    assert uwe("regions", "--version").stdout == f"uwe {__version__}\n"
    # An option the command has itself stays the command's.
    assert uwe("clusters", "--lang", "fr", "-f", "json").json()[0]["domain"] == "Recherche clinique"  # type: ignore[index]
    # What follows `--` is not an option.
    run = uwe("search", "--", "--no-cache")
    assert run.exit_code == 0 and run.stdout.startswith("“--no-cache”: 0 matches")


def test_no_color_after_the_command_for_commands_without_it(uwe: Uwe) -> None:
    assert uwe("data", "path", "--no-color").stdout == f"{store.shipped_data_dir()}\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["cluster"], "missing NAME: try 'uwe cluster tweed', or 'uwe clusters' to list them all"),
        (["region"], "missing NAME: try 'uwe region wallonia', or 'uwe regions' to list them all"),
        (["scheme"], "missing NAME: try 'uwe scheme regional-clusters', or 'uwe schemes' to list them all"),
        (["search"], "missing TEXT: try 'uwe search énergie'"),
        (["data", "init"], "missing DIRECTORY: try 'uwe data init ./my-data'"),
        (["data", "export"], "missing PATH: try 'uwe data export ./uwe-data/'"),
        (["regions", "--format"], "missing value after --format (see 'uwe regions --help')"),
        (["regions", "--frmat", "json"], "unknown option '--frmat' (did you mean '--format'?)"),
        (["regions", "--zzz"], "unknown option '--zzz' (see 'uwe regions --help')"),
        (["clusters", "energy"], "unexpected extra argument 'energy' (did you mean 'uwe clusters --sector energy'?)"),
        (
            ["clusters", "--status", "active", "formation"],
            "unexpected extra argument 'formation' (did you mean 'uwe clusters --status active --status formation'?)",
        ),
        (["lessons", "effects"], "unexpected extra argument 'effects' (did you mean 'uwe lessons --kind effects'?)"),
        (
            ["region", "brussels", "wallonia"],
            "unexpected extra argument 'wallonia' (did you mean 'uwe regions brussels wallonia'?)",
        ),
        (
            ["scheme", "poles", "grappes"],
            "unexpected extra argument 'grappes' (did you mean 'uwe schemes poles grappes'?)",
        ),
        (["-f", "json", "regions"], "'-f' is an option of 'uwe regions': type 'uwe regions -f json'"),
        (
            ["--sector", "energy", "clusters"],
            "'--sector' is an option of 'uwe clusters': type 'uwe clusters --sector energy'",
        ),
        (
            ["--export", "x.svg", "regions"],
            "'--export' is an option of 'uwe regions': type 'uwe regions --export x.svg'",
        ),
        (
            ["--no-cache", "--force", "-f=csv", "regions", "brussels"],
            "'--force' is an option of 'uwe regions': type 'uwe --no-cache regions --force -f=csv brussels'",
        ),
        (["export"], "unknown command 'export' (did you mean 'uwe data export'?)"),
        (["check", "my data"], "unknown command 'check' (did you mean 'uwe data check \"my data\"'?)"),
        (
            ["compare", "brussels", "wallonia"],
            "unknown command 'compare' (did you mean 'uwe regions brussels wallonia'?)",
        ),
        (["poles"], "unknown command 'poles' (did you mean 'uwe clusters --scheme poles'?)"),
        (["data", "helpp"], "unknown command 'helpp' (see 'uwe data --help')"),
        (["clusters", "--sector", "solar"], "unknown sector 'solar' (did you mean 'Energy'?)"),
        (
            ["cluster", "logistique"],
            "unknown grouping 'logistique' (did you mean 'Logistics in Wallonia', 'Airports and ports' or 'Rail transport'?)",
        ),
        (
            ["cluster", "logistics", "in", "wallonia"],
            "unexpected extra arguments 'in wallonia': a name with spaces needs quotes, as in "
            "uwe cluster 'logistics in wallonia' (see 'uwe cluster --help')",
        ),
        (["nosuchcommand"], "unknown command 'nosuchcommand' (see 'uwe --help')"),
        (["vrsion"], "unknown command 'vrsion' (did you mean 'version', 'region' or 'regions'?)"),
        (["data", "chek"], "unknown command 'chek' (did you mean 'check'?)"),
        (["regions", "--lang", "es"], "unknown language 'es' (use en, fr, nl, de or bg)"),
        (["regions", "--width", "wide"], "--width wide: give a number of columns from 20 to 1000, such as --width 100"),
    ],
)
def test_every_usage_error_says_what_to_type_next(main: Callable[..., object], args: list[str], message: str) -> None:
    run = main(*args)
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", f"uwe: error: {message}\n")


def test_a_language_from_the_environment_names_its_variable(uwe: Uwe) -> None:
    run = uwe("regions", env={"UWE_LANG": "xx"})
    assert (run.exit_code, run.stderr) == (
        2,
        "uwe: error: UWE_LANG: unknown language 'xx' (use en, fr, nl, de or bg)\n",
    )
    assert uwe("regions", "--lang", "en", env={"UWE_LANG": "xx"}).exit_code == 0


def test_data_alone_is_its_help(uwe: Uwe) -> None:
    run = uwe("data")
    assert (run.exit_code, run.stdout) == (0, uwe("data", "--help").stdout)


# Completion, through the protocol the shell speaks.


def completions(line: str, monkeypatch: pytest.MonkeyPatch | None = None) -> list[str]:
    """What the shell gets for `line`: through the real program, or in this process (the
    same protocol, without a new interpreter's start-up) when given `monkeypatch`."""
    words = line.split()
    index = len(words) if line.endswith(" ") else len(words) - 1
    env = {"_UWE_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(index)}
    if monkeypatch is None:
        run = subprocess.run([sys.executable, "-m", "uwe_cli"], env={**os.environ, **env}, capture_output=True,
                             text=True, timeout=120)  # fmt: skip
        assert run.returncode == 0, run.stderr
        return run.stdout.split()
    import contextlib
    import io

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main([]) == 0
    return out.getvalue().split()


def test_completion_offers_what_the_matcher_would_match(uwe: Uwe) -> None:
    assert (
        uwe("cluster", "t").stderr
        == "uwe: error: 't' could be several groupings: 'TWEED' (tweed), 'TWIST' (twist), 'Rail transport' "
        "(rail-transport); type an id in brackets, or more of the name\n"
    )
    offered = completions("uwe cluster t")
    assert offered == ["tweed", "twist", "transport-ferroviaire"]
    for word in offered:  # every word offered names its record
        assert uwe("cluster", word, "-f", "json").exit_code == 0, word


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("uwe clusters --sector É", ["Équipement-médical", "Énergie", "Écologie"]),
        ("uwe clusters --sector ener", ["energy"]),
        ("uwe clusters --sector énerg", ["énergie"]),
        ("uwe clusters --scheme pô", ["pôles-de-compétitivité"]),
        ("uwe clusters --status en", ["en-formation"]),
        ("uwe lessons --kind bonnes", ["bonnes-pratiques"]),
        ("uwe cite tw", ["tweed", "twist"]),
        ("uwe cite porter", ["porter-1998"]),
        ("uwe region wallonie", ["wallonie"]),
        ("uwe regions brussels w", ["wallonia"]),
        ("uwe schemes gr", ["grappes-technologiques", "grappes-d-exportation"]),
        ("uwe regions --format m", ["markdown"]),
        ("uwe cluster (", []),
    ],
)
def test_completion_covers_every_name_argument(line: str, offered: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert completions(line, monkeypatch) == offered


def test_completion_offers_every_citable_record(monkeypatch: pytest.MonkeyPatch) -> None:
    offered = completions("uwe cite ", monkeypatch)
    # The views first, then the kinds of record, then the 68 records.
    assert offered[:9] == ["regions", "schemes", "clusters", "sectors", "lessons", "results", "concepts", "notes",
                           "about"]  # fmt: skip
    assert offered[9:19] == ["region", "scheme", "cluster", "grouping", "lesson", "concept", "term", "slide",
                             "organisation", "view"]  # fmt: skip
    # (68 records; the glossary's "cluster" is offered once, a word that is also a kind's)
    assert len(offered[19:]) == 67 and offered[19:22] == ["grappe", "grappe-technologique", "grappe-d-exportation"]
    assert offered[-1] == "uwe"


def test_completion_offers_a_records_figures_and_a_kinds_records(monkeypatch: pytest.MonkeyPatch) -> None:
    assert completions("uwe cite wallonia g", monkeypatch) == ["gdp-per-capita", "gdp-per-capita-index"]
    assert completions("uwe cite poles p", monkeypatch) == ["patents"]
    assert completions("uwe cite slide walloni", monkeypatch) == ["wallonia"]
    # (a record by any name a reader may type: the aliases « Région flamande », « Région de Bruxelles-Capitale », « Région wallonne »)
    assert completions("uwe cite re", monkeypatch) == ["regions", "results", "region", "region-flamande",
                                                       "region-de-Bruxelles-Capitale", "region-wallonne",
                                                       "regional-clusters"]  # fmt: skip
    assert completions("uwe cite tweed ", monkeypatch) == []  # (a grouping has no figures)


@pytest.mark.parametrize(
    ("typed", "meant"), [("--sektor", "--sector"), ("--secto", "--sector"), ("--serch", "--search")]
)
def test_a_misspelt_option_gets_the_closest_one(uwe: Uwe, typed: str, meant: str) -> None:
    run = uwe("clusters", typed, "x")
    assert (run.exit_code, run.stderr) == (2, f"uwe: error: unknown option '{typed}' (did you mean '{meant}'?)\n")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["data", "init", ""], "an empty argument: give a folder"),  # (not the current folder)
        (["data", "check", ""], "an empty argument: give a folder, or leave it out"),
        (["clusters", "--export", ""], "missing value after --export"),
        (["--data-dir", "", "regions"], "missing value after --data-dir"),
        (["--data-dir=", "regions"], "missing value after --data-dir"),
    ],
)
def test_an_empty_word_is_refused_before_anything_is_done(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    run = main(*args)
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", f"uwe: error: {said}\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("typed", "region"),
    [("flemish", "flanders"), ("bxl", "brussels"), ("walloon", "wallonia"), ("Vlaams Gewest", "flanders"),
     ("région wallonne", "wallonia")],
)  # fmt: skip
def test_regions_answer_to_their_usual_names_and_abbreviations(uwe: Uwe, typed: str, region: str) -> None:
    assert uwe("region", typed, "-f", "json").json()["id"] == region  # type: ignore[index]
