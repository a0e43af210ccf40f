"""coercion.py converts flags and text options exactly as Typer itself would, and steps
aside for Typer's own conversion whatever a Typer release changes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import pytest
import typer
import typer.core as core
import typer.main

from uwe_cli.cli import coercion

try:
    import typer._coercion as private
except ImportError:  # Typer < 0.29 converts without pydantic: no slot, nothing to simulate
    private = None  # type: ignore[assignment]

try:  # Typer >= 0.29: its own exceptions
    from typer import TyperException as ParseError
except ImportError:  # Click's, where Typer's Exit is: Click itself, or Typer's copy of it (0.26 to 0.28)
    import importlib

    ParseError = importlib.import_module(typer.Exit.__module__).ClickException  # type: ignore[misc]


def parse(args: list[str], *, light: bool, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> Any:
    """What a command receives for `args`, or the message Typer gives: with or without the tool's converter."""
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
        seen.append(
            {
                "name": name,
                "word": word,
                "many": many,
                "path": path,
                "flag": flag,
                "number": number,
                "existing": existing,
                "label": label,
            }
        )

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
def test_the_same_values_and_messages_as_typer(
    args: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    typers = parse(["x", *args], light=False, monkeypatch=monkeypatch, env=env)
    ours = parse(["x", *args], light=True, monkeypatch=monkeypatch, env=env)
    assert ours == typers


def test_the_values_are_what_a_command_expects(monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["x", "--many", "a", "--many", "b", "--path", "f.txt"]
    assert parse(args, light=True, monkeypatch=monkeypatch, env={"UWE_TEST_FLAG": "yes"}) == {
        "name": "x",
        "word": None,
        "many": ["a", "b"],
        "path": Path("f.txt"),
        "flag": True,
        "number": 1,
        "existing": None,
        "label": "7",
    }


# A Typer release may change the private slot coercion.py uses. Whatever it changes, every
# command must still work, through Typer's own conversion if need be. Each case below
# simulates one such release of Typer 0.29's internals.


def process_value(convert: Any) -> Any:
    """Typer 0.29's `process_value`, asking for the conversion as `convert(self, value, ctx)` does."""

    def process(self: Any, ctx: Any, value: Any) -> Any:
        if not (self.type_descriptor.annotation is bool and isinstance(value, bool)):
            value = convert(self, value, ctx)
        if self.required and self.value_is_missing(value):
            raise core._click.exceptions.MissingParameter(ctx=ctx, param=self)
        if self.callback is not None:
            value = self.callback(ctx, self, value)
        return value

    return process


def no_slot(mp: pytest.MonkeyPatch) -> None:
    # Typer keeps its converters elsewhere: parameters have no `_runtime_param` any more.
    for cls in (core.TyperOption, core.TyperArgument):

        def init(self: Any, *args: Any, __init: Any = cls.__init__, **kwargs: Any) -> None:
            __init(self, *args, **kwargs)
            del self._runtime_param

        mp.setattr(cls, "__init__", init)
    mp.setattr(core._TyperParameter, "get_runtime_param", lambda self: core.build_runtime_param(self.type_descriptor))


def another_method(mp: pytest.MonkeyPatch) -> None:
    # Typer asks its converter to `convert`, not to `coerce`.
    mp.setattr(private.RuntimeParam, "convert", private.RuntimeParam.coerce, raising=False)
    mp.setattr(
        core._TyperParameter,
        "process_value",
        process_value(lambda self, value, ctx: self.get_runtime_param().convert(value, param=self, ctx=ctx)),
    )


def positional_arguments(mp: pytest.MonkeyPatch) -> None:
    # Typer passes the parameter and the context by position.
    mp.setattr(
        core._TyperParameter,
        "process_value",
        process_value(lambda self, value, ctx: self.get_runtime_param().coerce(value, self, ctx)),
    )


def our_conversion_fails(mp: pytest.MonkeyPatch) -> None:
    # Something in the fast path raises at parse time (a missing attribute, say).
    def fail(self: Any, value: Any) -> Any:
        raise AttributeError("simulated")

    mp.setattr(coercion._Converter, "_convert", fail)


def built_elsewhere(mp: pytest.MonkeyPatch) -> None:
    # No `get_runtime_param`: Typer reads the slot itself; and the tool's conversion fails too.
    def convert(self: Any, value: Any, ctx: Any) -> Any:
        if self._runtime_param is None:
            self._runtime_param = core.build_runtime_param(self.type_descriptor)
        return self._runtime_param.coerce(value, param=self, ctx=ctx)

    mp.delattr(core._TyperParameter, "get_runtime_param")
    mp.setattr(core._TyperParameter, "process_value", process_value(convert))
    our_conversion_fails(mp)


def helpers_changed(mp: pytest.MonkeyPatch) -> None:
    # The helpers coercion.py once subclassed or called take other arguments, need a new
    # field, lose `_coerce_value`: uwe no longer touches them.
    def build(descriptor: Any, mode: Any) -> Any:
        raise TypeError("build_runtime_param() missing 1 required positional argument: 'mode'")

    mp.setattr(private, "build_runtime_param", build)
    mp.setattr(private.RuntimeParam, "__init__", lambda self, parameter_info, annotation, mode: None)
    mp.delattr(private.RuntimeParam, "_coerce_value")


# (the case, whether Typer's own conversion must then do the work)
RELEASES = [
    (no_slot, True),
    (another_method, True),
    (positional_arguments, True),
    (our_conversion_fails, True),
    (built_elsewhere, True),
    (helpers_changed, False),
]

COMMANDS = [
    [],
    ["--lang", "fr", "--no-color", "regions", "brussels", "wallonia", "--sort", "gdp", "-f", "csv"],
    ["region", "wallonia", "-l", "fr"],
    ["schemes", "poles", "-f", "markdown"],
    ["scheme", "poles", "-f", "json"],
    ["clusters", "-s", "energy", "-s", "ict", "--scheme", "regional-clusters", "--status", "active", "--search", "e"],
    ["cluster", "tweed", "--no-color"],
    ["sectors", "-f", "csv"],
    ["lessons", "--kind", "good-practice"],
    ["results", "-f", "json"],
    ["concepts", "-f", "markdown"],
    ["about"],
    ["cite", "tweed"],
    ["search", "énergie"],
    ["--no-cache", "--data-dir", "{data}", "data", "check"],
    ["data", "path"],
    ["data", "init", "{tmp}/mine"],
    ["clusters", "--sector", "media", "--export", "{tmp}/media.txt"],
    ["--version"],
    ["regions", "--help"],
    ["regions", "--format", "nope"],
    ["region"],
    ["clusters", "--frmat", "x"],
]


@pytest.mark.skipif(private is None, reason="Typer < 0.29 has no converter slot whose changes to simulate")
@pytest.mark.parametrize(("release", "typers_own"), RELEASES, ids=[case.__name__ for case, _ in RELEASES])
def test_every_command_works_whatever_typer_changes(
    release: Any, typers_own: bool, uwe: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from uwe_cli.dataset import store

    def answers(label: str) -> list[tuple[int, str, str]]:
        folder = tmp_path / label
        folder.mkdir()
        found = []
        for args in COMMANDS:
            run = uwe(*(a.replace("{tmp}", str(folder)).replace("{data}", str(store.shipped_data_dir())) for a in args))
            found.append((run.exit_code, *(s.replace(str(folder), "TMP") for s in (run.stdout, run.stderr))))
        return found

    expected = answers("before")
    built: list[object] = []

    def spy(descriptor: Any) -> Any:
        built.append(descriptor)
        return real_build(descriptor)

    real_build = core.build_runtime_param
    monkeypatch.setattr(core, "build_runtime_param", spy)  # what Typer calls
    monkeypatch.setattr(private, "build_runtime_param", spy)  # where it is defined
    release(monkeypatch)
    assert answers("after") == expected
    assert bool(built) == typers_own  # the case did make Typer convert (or not)
    assert all(run[0] in (0, 2) for run in expected) and [run[0] for run in expected].count(2) == 3
