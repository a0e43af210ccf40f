"""Huge and odd numbers in data: one located data error each (exit 1), never a crash (exit 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import edit, problems

POPULATION = "population: {value: 11000000"
FIELD = "regions[0].population.value"

ODD_FIGURES = {
    # YAML value: (column, message); column 18 is the key `value`, 25 the number itself.
    "10**309": ("1" + "0" * 309, 18, f"{FIELD}: is too large (a figure is at most 1,000,000,000,000,000)"),
    "10**15 + 1": ("1000000000000001", 18, f"{FIELD}: is too large (a figure is at most 1,000,000,000,000,000)"),
    "a float beyond float": ("1.0e+400", 18, f"{FIELD}: should be a finite number, got inf"),
    ".inf": (".inf", 18, f"{FIELD}: should be a finite number, got inf"),
    "-.inf": ("-.inf", 18, f"{FIELD}: should be a finite number, got -inf"),
    ".nan": (".nan", 18, f"{FIELD}: should be a finite number, got nan"),
    "1e400 (YAML 1.1 text)": ("1e400", 18, f"{FIELD}: should be a number, got '1e400'"),
    "-10**20": ("-100000000000000000000", 18, f"{FIELD}: cannot be negative"),
    "5,000 digits": ("9" * 5000, 25, f"{FIELD}: number has 5,000 digits (the limit is 4,300)"),
    "a vast hexadecimal": (
        "0x" + "f" * 4000,
        25,
        f"{FIELD}: number '0x{'f' * 57}…' is too large (more than 4,300 digits)",
    ),
}


@pytest.mark.parametrize("case", ODD_FIGURES, ids=list(ODD_FIGURES))
def test_an_odd_figure_is_a_located_data_error(uwe, data_copy: Path, case: str) -> None:
    value, column, message = ODD_FIGURES[case]
    line = edit(data_copy / "regions.yaml", POPULATION, "population: {value: " + value)
    assert problems(data_copy) == [f"DATA/regions.yaml:{line}:{column}: {message}"]
    where = f"{data_copy}/regions.yaml:{line}:{column}"
    for args in (["regions"], ["clusters", "-f", "json"], ["data", "check", str(data_copy)]):
        run = uwe("--data-dir", str(data_copy), *args)
        assert run.exit_code == 1 and run.stdout == ""
        assert f"{where}: {message}" in run.stderr


@pytest.mark.parametrize(
    ("old", "new", "column", "message"),
    [
        (
            "page: 8",
            "page: " + "1" + "0" * 400,
            7,
            "presentation.slides[5].page: should be at most 100000",
        ),
        ("page: 8", "page: .inf", 7, "presentation.slides[5].page: should be a finite number"),
        ("value: 1969", "value: 1" + "0" * 309, 5, "organisation.founded.value: should be at most 2100"),
        (
            "value: 1969",
            "value: '" + "1" * 5000 + "'",
            5,
            "organisation.founded.value: is too long a number, got '1111",
        ),
    ],
)
def test_other_whole_numbers_are_bounded(data_copy: Path, old: str, new: str, column: int, message: str) -> None:
    line = edit(data_copy / "about.yaml", old, new)
    (found,) = problems(data_copy)
    assert found.startswith(f"DATA/about.yaml:{line}:{column}: {message}")
    assert len(found) < 200  # a long number is never shown whole


@pytest.mark.parametrize(("written", "read"), [("190:20:30", 685230), ("017", 15), ("1:30", 90), ("1:30.5", 90.5)])
def test_a_base_60_or_octal_number_is_refused_not_misread(data_copy: Path, written: str, read: int) -> None:
    line = edit(data_copy / "regions.yaml", "population: {value: 11000000", f"population: {{value: {written}")
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{line}:25: regions[0].population.value: '{written}' is a YAML 1.1 number in base 60 or octal, read as {read}: write "
        "the number you mean, or quote it as text"
    ]


@pytest.mark.parametrize("value", ["0", "0.5", "1000000000000000"])
def test_a_figure_from_zero_to_the_largest_is_accepted(uwe, data_copy: Path, value: str) -> None:
    # The edges of what a figure may be: nothing, a part of one, the largest (10**15).
    edit(data_copy / "regions.yaml", POPULATION, "population: {value: " + value)
    run = uwe("--data-dir", str(data_copy), "region", "belgium", "-f", "json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["population"]["value"] == (float(value) if "." in value else int(value))
