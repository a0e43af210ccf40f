"""coercion.py converts flags and text options exactly as Typer itself would."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import pytest
import typer
import typer.main

from uwe_cli import coercion

try:  # Typer >= 0.29 vendors Click, and its exceptions
    from typer import TyperException as ParseError
except ImportError:
    from click import ClickException as ParseError  # type: ignore[assignment]


def parse(args: list[str], *, light: bool, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> Any:
    """What a command receives for `args`, or the message Typer gives: with or without uwe's converter."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    app = typer.Typer()
    seen: list[dict[str, Any]] = []

    @app.command()
    def show(
        name: str,
        word: Annotated[Optional[str], typer.Option()] = None,
        many: Annotated[Optional[list[str]], typer.Option("--many")] = None,
        path: Annotated[Optional[Path], typer.Option()] = None,
        flag: Annotated[bool, typer.Option("--flag/--no-flag", envvar="UWE_TEST_FLAG")] = False,
        number: Annotated[int, typer.Option()] = 1,
        existing: Annotated[Optional[Path], typer.Option(exists=True)] = None,
        label: Annotated[str, typer.Option()] = 7,  # type: ignore[assignment]  # not text: Typer's str(7)
    ) -> None:
        seen.append(dict(name=name, word=word, many=many, path=path, flag=flag, number=number, existing=existing, label=label))

    command = typer.main.get_command(app)
    if light:
        coercion.install(command.params)
    try:
        command.main(args, standalone_mode=False)
    except ParseError as exc:
        return exc.format_message()
    except ValueError as exc:  # (how Click, before Typer 0.29, fails on a NUL in a path)
        return repr(exc)
    return seen[0]


CASES = [
    ([], {}),
    (["--word", "énergie", "--many", "a", "--many", "b", "--path", "some/file.txt", "--flag", "--number", "3"], {}),
    (["--path", "."], {}),
    (["--no-flag"], {"UWE_TEST_FLAG": "yes"}),
    ([], {"UWE_TEST_FLAG": "yes"}),  # a flag given as text: coercion.py hands it back to Typer
    ([], {"UWE_TEST_FLAG": "perhaps"}),
    (["--number", "many"], {}),  # not text: Typer's own conversion, and its message
    (["--existing", "/no/such/path"], {}),  # a path with a check: Typer's too
    (["--word"], {}),
    (["--path", "a\0b"], {}),  # no such path can exist: Typer's message
    (["--word", "", "--path", "", "--many", ""], {}),
    (["--word", "caf\udce9"], {}),  # bytes that are not UTF-8, as Python hands them over
]


@pytest.mark.parametrize(("args", "env"), CASES)
def test_the_same_values_and_messages_as_typer(args: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    typers = parse(["x", *args], light=False, monkeypatch=monkeypatch, env=env)
    ours = parse(["x", *args], light=True, monkeypatch=monkeypatch, env=env)
    assert ours == typers


def test_the_values_are_what_a_command_expects(monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["x", "--many", "a", "--many", "b", "--path", "f.txt"]
    assert parse(args, light=True, monkeypatch=monkeypatch, env={"UWE_TEST_FLAG": "yes"}) == {
        "name": "x", "word": None, "many": ["a", "b"], "path": Path("f.txt"), "flag": True, "number": 1, "existing": None,
        "label": "7",
    }
