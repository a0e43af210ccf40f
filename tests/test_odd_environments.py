"""Odd environments: a COLUMNS or LINES that is not a positive number is treated as unset
(off a terminal: 80 columns, the width the other tests pin)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

COMMANDS = [("regions",), ("region", "wallonia"), ("clusters",), ("search", "tweed"), ("about",), ("notes",),
            ("cite",), ()]  # fmt: skip


@pytest.mark.parametrize("columns", ["0", "-1", "junk", "", "²", "0x50"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_columns_that_is_not_a_width_is_unset(uwe: Callable[..., Any], columns: str, args: tuple[str, ...]) -> None:
    expected = uwe(*args)
    assert expected.exit_code == 0 and expected.stdout.strip()
    run = uwe(*args, env={"COLUMNS": columns, "LINES": columns})
    assert (run.exit_code, run.stdout, run.stderr) == (0, expected.stdout, expected.stderr)
