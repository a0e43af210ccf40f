"""One path per command: the error boundary is entered once per run, and the language is
resolved once, where the run starts, and the same answer given to the command."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import uwe_cli
from uwe_cli.i18n import choice
from uwe_cli.i18n.language import Language

COUNTED = """
import sys
from uwe_cli.cli import boundary
entered = []
run = boundary.run
def counted(*args, **kwargs):
    entered.append(1)
    return run(*args, **kwargs)
boundary.run = counted
from uwe_cli.__main__ import run as uwe
try:
    uwe()
except SystemExit as end:
    sys.stderr.write(f"entered {len(entered)}, exit {end.code}\\n")
"""


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["clusters", "--sector", "energy"], 0),
        (["--data-dir", "/nowhere-at-all", "regions"], 1),
        (["region", "atlantis"], 2),
        (["regions", "-x"], 2),
    ],
)
def test_the_program_enters_the_error_boundary_once(args: list[str], code: int) -> None:
    run = subprocess.run([sys.executable, "-c", COUNTED, *args], capture_output=True, text=True, env=os.environ)
    assert run.stderr.splitlines()[-1] == f"entered 1, exit {code}", run.stderr


def test_the_language_is_resolved_once_per_run(main: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str | None] = []
    resolved = choice._resolved

    def counted(option: str | None, environ: Any) -> Language | Exception:
        calls.append(option)
        return resolved(option, environ)

    monkeypatch.setattr(choice, "_RESOLVED", {})
    monkeypatch.setattr(choice, "_resolved", counted)
    run = main("clusters", "--sector", "energy", "--lang", "nl")
    assert run.exit_code == 0 and "Energie" in run.stdout
    assert calls == ["nl"]


def test_a_language_refused_is_refused_by_the_command_as_before(
    main: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str | None] = []
    resolved = choice._resolved

    def counted(option: str | None, environ: Any) -> Language | Exception:
        calls.append(option)
        return resolved(option, environ)

    monkeypatch.setattr(choice, "_RESOLVED", {})
    monkeypatch.setattr(choice, "_resolved", counted)
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    run = main("regions", "--lang", "xx")
    # Said in the language of the locale (the one asked for is refused), once resolved each.
    assert run.exit_code == 2 and "xx" in run.stderr and "langue" in run.stderr, run.stderr
    assert calls == ["xx", None]


VIEWS = sorted((Path(uwe_cli.__file__).parent / "views").glob("*.py"))


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: p.name)
def test_a_view_meets_a_language_only_in_its_show_functions(path: Path) -> None:
    """No view chooses, sets or makes a language, nor keeps state: the language reaches it only
    as the `lang` argument the renderer gives a show function (views/form.py, `Show`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert node.module != "uwe_cli.i18n.choice", path.name
            if node.module == "uwe_cli.i18n.language":
                assert not {"use", "current"} & {alias.name for alias in node.names}, path.name
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Language":
            # (never the reader's: `uwe cite` writes its BibTeX entry in every language, the
            # output keeping the reader's as for any dataset text, and cites titles in the
            # slides' own; it reads a word typed in any language of the interface)
            assert path.name == "cite.py" and ast.unparse(node.args[0]) in ("code", "SOURCE_LANGUAGE"), node.lineno
        assert not isinstance(node, (ast.Global, ast.Nonlocal)), path.name
        if isinstance(node, (ast.FunctionDef, ast.Lambda)) and "lang" in [a.arg for a in node.args.args]:
            # (the show functions' shape: the value first, the language last)
            assert node.args.args[-1].arg == "lang" and not node.args.kwonlyargs, (path.name, node.lineno)
