"""Every command uwe suggests works when typed as shown: a name starting with '-' comes
after `--`, one with a tab or a byte that is not UTF-8 is written $'...'; and a symbolic link
loop is not "does not exist"."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from uwe_cli.shell import quote


def suggested(stderr: str) -> str:
    found = re.search(r"make one with '(uwe .*)'\)", stderr)
    assert found, stderr
    return found.group(1)


def test_a_hint_for_a_name_starting_with_a_dash_runs_as_shown(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = main("--data-dir", "-x", "regions")
    assert run.exit_code == 1
    hint = suggested(run.stderr)
    assert hint == "uwe data init -- -x"
    init = main(*shlex.split(hint)[1:])
    assert init.exit_code == 0, init.stderr
    use = init.stdout.splitlines()[-1].removeprefix("use them with: ")
    assert use == "uwe --data-dir=-x regions"
    assert main(*shlex.split(use)[1:]).exit_code == 0


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
@pytest.mark.parametrize("name", ["a\tb", "new\nline", "caf\udce9", "it's", "plain", "-dash"])
def test_a_quoted_name_is_the_name_in_a_shell(name: str) -> None:
    shown = quote(name)
    assert shown.isprintable()
    run = subprocess.run(["bash", "-c", f"printf %s {shown}"], capture_output=True, check=True)
    assert run.stdout == os.fsencode(name)


def test_a_symbolic_link_loop_is_not_a_missing_folder(main: Callable[..., Any], tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    run = main("--data-dir", str(loop), "regions")
    assert (run.exit_code, run.stderr) == (
        1, f"uwe: error: {loop}: data folder cannot be read (too many levels of symbolic links)\n"
    )  # fmt: skip
