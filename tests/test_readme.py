"""README.md tells the truth: its examples are real output, and every command is in it.

`UWE_UPDATE_README=1 pytest tests/test_readme.py` rewrites the examples from the code.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer.main

from uwe_cli.cli import commands as cli
from uwe_cli.dataset import store

README = Path(__file__).resolve().parents[1] / "README.md"
EXAMPLE = re.compile(r"```console\n\$ uwe(?P<args>[^\n]*)\n(?P<output>.*?)```", re.S)


def commands() -> list[tuple[str, object]]:
    group = typer.main.get_command(cli.app)
    found = []
    for name, command in group.commands.items():
        sub = getattr(command, "commands", None)
        if sub:
            found += [(f"{name} {n}", c) for n, c in sub.items()]
        else:
            found.append((name, command))
    return found


def test_examples_are_real_output(uwe: Callable[..., object]) -> None:
    text = README.read_text(encoding="utf-8")
    examples = list(EXAMPLE.finditer(text))
    assert len(examples) >= 15

    def real(match: re.Match[str]) -> str:
        run = uwe(*shlex.split(match["args"]))
        assert run.exit_code == 0, (match["args"], run.stderr)
        # Rich pads table lines to the screen's width; a README has no use for the spaces.
        output = "\n".join(line.rstrip() for line in run.stdout.splitlines())
        # Where the shipped data lies depends on the install.
        output = output.replace(str(store.shipped_data_dir()), "/path/to/uwe_cli/data")
        return f"```console\n$ uwe{match['args']}\n{output}\n```"

    updated = EXAMPLE.sub(real, text)
    if os.environ.get("UWE_UPDATE_README"):
        README.write_text(updated, encoding="utf-8")
    assert updated == text, "README examples are stale: run UWE_UPDATE_README=1 pytest tests/test_readme.py"


@pytest.mark.parametrize(("name", "command"), commands(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_has_help_and_docs(name: str, command: object) -> None:
    assert (command.help or "").strip(), f"uwe {name} has no help text"
    assert "Example: uwe" in (command.epilog or ""), f"uwe {name} has no example in its help"
    assert f"uwe {name}" in README.read_text(encoding="utf-8"), f"uwe {name} is not in README.md"


def test_quick_start_has_exactly_two_lines() -> None:
    section = README.read_text(encoding="utf-8").split("## Quick start", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    lines = block.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("uwe regions") and "pytest" in lines[1]


def test_quick_start_leaves_uwe_runnable_by_name(tmp_path: Path) -> None:
    # The first line's last steps, in a shell whose PATH knows no uwe, with `.venv` being
    # the environment these tests run in (where uwe is installed): `uwe` answers by name.
    import subprocess
    import sys

    if sys.prefix == sys.base_prefix:
        pytest.skip("the tests run outside a virtual environment: there is no activate script to try")
    section = README.read_text(encoding="utf-8").split("## Quick start", 1)[1]
    first = section.split("```sh\n", 1)[1].splitlines()[0]
    steps = [step.strip() for step in first.split("&&")]
    assert steps[0] == "python3 -m venv .venv" and steps[1].startswith(".venv/bin/pip install")
    assert steps[2:] == [". .venv/bin/activate", "uwe regions"]
    (tmp_path / ".venv").symlink_to(sys.prefix, target_is_directory=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = subprocess.run(
        ["bash", "-c", " && ".join([*steps[2:-1], "uwe --version"])],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (run.returncode, run.stdout.startswith("uwe "), run.stderr) == (0, True, "")


def test_the_language_sections_input_examples_run(uwe: Callable[..., Any]) -> None:
    # One input per language, each a word the tool shows in that language (`actief`, `Брюксел-столица`).
    text = README.read_text(encoding="utf-8")
    block = text[text.index("```text\n$ uwe -l nl clusters --status actief") :].split("```")[1]
    commands = [shlex.split(line)[2:] for line in block.splitlines() if line.startswith("$ uwe")]
    assert [c[1] for c in commands if c[0] == "-l"] == ["nl", "bg", "de", "fr", "en"]
    for args in commands:
        run = uwe(*args)
        assert run.exit_code == 0 and run.stdout.strip(), (args, run.stderr)
