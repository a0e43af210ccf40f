"""No number that is not finite reaches a reader: a share of a figure too close to zero, or a
sum too large for a number, is "not computable" (empty in the table and in CSV, null in JSON,
no row in the export), and `uwe notes` says why. JSON is always valid JSON."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from helpers import edit

# (regions.yaml: Belgium's GDP per capita; a figure is at most 10**15, so only a divisor
# too close to zero overflows)
CASES = {
    "tiny divisor": ("value: 30500, unit: EUR", "value: 1.0e-310, unit: EUR"),
    "smallest": ("value: 30500, unit: EUR", "value: 5.0e-324, unit: EUR"),
}


def strict_json(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture(params=list(CASES))
def odd(request: pytest.FixtureRequest, data_copy: Path) -> Path:
    old, new = CASES[request.param]
    edit(data_copy / "regions.yaml", old, new)
    return data_copy


def test_every_format_says_not_computable(uwe: Any, odd: Path) -> None:
    assert uwe("--data-dir", str(odd), "data", "check").exit_code == 0
    table = uwe("--data-dir", str(odd), "regions")
    assert table.exit_code == 0 and "inf" not in table.stdout.lower() and "nan" not in table.stdout.lower()
    rows = strict_json(uwe("--data-dir", str(odd), "regions", "--format", "json").stdout)
    shares = {r["id"]: r["gdp_share_of_belgium_pct"] for r in rows}
    assert None in shares.values()
    assert all(s is None or isinstance(s, float) and abs(s) < 1e300 for s in shares.values())
    cells = list(csv.DictReader(io.StringIO(uwe("--data-dir", str(odd), "regions", "--format", "csv").stdout)))
    assert "" in {c["gdp_share_of_belgium_pct"] for c in cells}
    assert not [c for c in cells if "inf" in c["gdp_share_of_belgium_pct"].lower()]


def test_notes_say_why(uwe: Any, odd: Path) -> None:
    run = uwe("--data-dir", str(odd), "notes")
    assert run.exit_code == 0, run.stderr
    assert "uwe cannot compute this from these figures: the result would not be a finite" in run.stdout
    assert "= not computable" in " ".join(run.stdout.split())
    assert "inf" not in run.stdout.lower()
    notes = strict_json(uwe("--data-dir", str(odd), "notes", "--format", "json").stdout)
    assert [n for n in notes if n["id"].startswith("not-computable")]


def test_the_export_has_no_infinity(main: Any, odd: Path, tmp_path: Path) -> None:
    assert main("--data-dir", str(odd), "data", "export", str(tmp_path / "x.db")).exit_code == 0
    assert main("--data-dir", str(odd), "data", "export", f"{tmp_path}/pkg/").exit_code == 0
    connection = sqlite3.connect(tmp_path / "x.db")
    tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        for row in connection.execute(f'SELECT * FROM "{table}"'):
            assert not [v for v in row if isinstance(v, float) and (v != v or abs(v) == float("inf"))], table
    connection.close()
    for path in (tmp_path / "pkg").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as file:
            cells = {cell.lower() for row in csv.reader(file) for cell in row}
        assert not cells & {"inf", "-inf", "nan", "infinity"}, path.name


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown", "json"])
def test_a_ratio_to_a_base_too_close_to_zero_is_not_computable(uwe: Any, data_copy: Path, fmt: str) -> None:
    edit(data_copy / "regions.yaml", "value: 21500, unit: EUR", "value: 1.0e-308, unit: EUR")  # Wallonia's
    run = uwe("--data-dir", str(data_copy), "regions", "--base", "wallonia", "--format", fmt)
    assert run.exit_code == 0, run.stderr
    assert "inf" not in run.stdout.lower() and "nan" not in run.stdout.lower()
    if fmt == "json":
        ratios = {r["id"]: r["gdp_ratio_to_base"] for r in strict_json(run.stdout)}
        assert set(ratios.values()) == {None}  # (a base below the smallest normal number is no base)
