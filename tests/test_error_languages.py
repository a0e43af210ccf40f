"""Errors in the reader's language: every problem uwe finds is a message of its catalogue."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers import edit, english_messages
from uwe_cli.dataset import store
from uwe_cli.errors import DataError
from uwe_cli.i18n.messages import Message

Uwe = Callable[..., Any]

# One mistake of each kind a data file's author can make: every kind of check uwe runs.
MISTAKES = [
    ("regions.yaml", "population: {value: 11000000", "population: {value: lots"),  # not a number
    ("regions.yaml", "gdp_per_capita: {value: 30500", "gdp_per_capita: {value: -30500"),  # negative
    ("regions.yaml", "gdp_per_capita: {value: 28800", "gdp_per_capita: {value: .inf"),  # not finite
    ("regions.yaml", '{value: 11.1, unit: "%"', '{value: 111.1, unit: "%"'),  # a percentage over 100
    ("regions.yaml", '{value: 119, unit: index, base: "EU28=100",', "{value: 119, unit: index,"),  # no base
    ("regions.yaml", "    kind: country", "    kind: province"),  # not one of the kinds
    ("regions.yaml", '    name: {fr: "Belgique"', '    nmae: {fr: "Belgique"'),  # unknown field, missing field
    ("regions.yaml", "    codes: {nuts: BE, iso_3166: BE}", "    codes: [BE]"),  # a list for a mapping
    ("regions.yaml", "  - id: belgium", "  - id: Belgium X"),  # not an id
    ("about.yaml", "    value: 1969", "    value: 1800"),  # out of range
    ("about.yaml", "      page: 8", "      page: 0"),  # out of range
    ("schemes.yaml", "      value: 1999", "      value: 2009"),  # ends before it starts
    ("clusters.yaml", "    status: active", "    status: alive"),  # not a status
    ("clusters.yaml", "  - id: tweed", "  - id: tweed\n    colour: green"),  # unknown field
]


# Between the files: a fact that names no slide where its record cites several, and one
# that names a slide its record does not cite.
SLIDE_MISTAKES = [
    ("regions.yaml", '    capital: {fr: "Namur", slide: wallonia}', "    capital: Namur"),
    ("clusters.yaml", "        slide: six-poles", "        slide: uwe"),
]


@pytest.mark.parametrize(
    "mistakes",
    [
        MISTAKES,
        [("about.yaml", "  date: 2014-04-15", "  date: 2014-13-45")],  # not a date (the file stops there)
        [("regions.yaml", "regions:", "regions:\n  - &a {id: x}\n  - *b")],  # an alias to nothing
        [("lessons.yaml", "lessons:", "lessons:\n  {[a]: 1}:")],  # a key that is a list
        SLIDE_MISTAKES,
        [
            (
                "regions.yaml",
                "    population: {value: 11000000, unit: people,",
                "    population: {value: 1.000, unit: [1],",
            )
        ],
    ],
)
def test_every_problem_of_a_data_file_is_a_message_of_the_catalogue(
    data_copy: Path, mistakes: list[tuple[str, str, str]]
) -> None:
    # A plain string would be said in English whatever the language asked for.
    for file, old, new in mistakes:
        edit(data_copy / file, old, new)
    with pytest.raises(DataError) as caught:
        store.load_models(data_copy)
    found = caught.value.problems
    assert len(found) >= len(mistakes)
    assert [str(p) for p in found if not isinstance(p.message, Message)] == []


@pytest.mark.parametrize("lang", ["nl", "de", "bg"])
def test_data_check_answers_in_the_chosen_language(uwe: Uwe, data_copy: Path, lang: str) -> None:
    for file, old, new in MISTAKES:
        edit(data_copy / file, old, new)
    (data_copy / "lessons.yaml").write_text("lessons:\n  - id: x\n   text: [\n", encoding="utf-8")  # YAML syntax
    (data_copy / "concepts.yaml").write_text("concepts:\n  {[a]: 1}:\n", encoding="utf-8")  # a list for a key
    run = uwe("--lang", lang, "data", "check", str(data_copy), env={"COLUMNS": "1000"})
    assert run.exit_code == 1
    lines = run.stderr.splitlines()
    assert len(lines) > len(MISTAKES)
    leaked = sorted(p for p in english_messages() if p in run.stderr.replace(str(data_copy), "DATA"))
    assert leaked == [], leaked[:5]
    assert not any(line.startswith("uwe: error:") for line in lines), lines[-1]
    assert [line for line in lines if _english(line)] == []


@pytest.mark.parametrize("lang", ["fr", "nl", "de", "bg"])
def test_a_fact_without_its_one_slide_is_told_in_the_chosen_language(uwe: Uwe, data_copy: Path, lang: str) -> None:
    for file, old, new in SLIDE_MISTAKES:
        edit(data_copy / file, old, new)
    run = uwe("--lang", lang, "data", "check", str(data_copy), env={"COLUMNS": "1000"})
    assert run.exit_code == 1
    lines = run.stderr.splitlines()
    # (the field, then a colon as the language sets it: `capital:`, `capital :`)
    assert len(lines) == 3 and "regions[3].capital" in lines[0] and "memberships[1].slide" in lines[1]
    if lang == "fr":  # (the slides it may name, quoted as French quotes, after a French colon)
        told = lines[0].replace("\xa0", " ").replace("\u202f", " ")
        assert "regions[3].capital : ne nomme aucune diapositive" in told
        assert told.endswith("avec celle qui l’énonce : « belgium » ou « wallonia »)")
    leaked = sorted(p for p in english_messages() if p in run.stderr.replace(str(data_copy), "DATA"))
    assert leaked == [], leaked[:5]
    assert [line for line in lines if _english(line)] == []


# English words no other language of the tool's has (Dutch has `is`, `of`, `in`), found once the
# values a message quotes, and the places it names, are taken out.
_ENGLISH = re.compile(r"\b(the|should|expected|found|not|are|and|but|with|must|cannot|unknown|missing)\b")
_QUOTED = re.compile(r"'[^']*'|„[^“]*“|‘[^’]*’|“[^”]*”|«[^»]*»|\S+\.yaml(:\d+)*|\S+\[\d+\]\S*")


def _english(line: str) -> bool:
    return bool(_ENGLISH.search(_QUOTED.sub("", line)))


@pytest.mark.parametrize(
    "args",
    [
        ["region"],  # a missing argument
        ["region", "wallonia", "extra"],  # an extra one
        ["regions", "--no-cache=1"],  # a value for a flag
        ["regions", "--width", "5"],
        ["search", "!!"],
        ["clusters", "--export", "x.pdf"],
        ["clusters", "--format", "json", "--export", "x.svg"],
        ["data", "export", "x.csv"],
        ["data", "export", "/nonexistent/x.db"],
        ["--data-dir", "/nonexistent", "regions"],
    ],
)
@pytest.mark.parametrize("lang", ["nl", "de", "bg"])
def test_usage_and_file_errors_answer_in_the_chosen_language(uwe: Uwe, lang: str, args: list[str]) -> None:
    run = uwe("--lang", lang, *args, env={"COLUMNS": "1000"})
    assert run.exit_code in (1, 2) and run.stdout == ""
    leaked = sorted(p for p in english_messages() if p in run.stderr)
    assert leaked == [], (run.stderr, leaked[:5])
    assert not run.stderr.startswith("uwe: error:"), run.stderr
