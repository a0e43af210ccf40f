"""The `uwe` process: signals at any moment, closed and full standard streams, folder paths
that are not UTF-8. Real processes throughout, as a user or a script runs them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import fresh_signals
from uwe_cli.dataset import store

RUN = "\nfrom uwe_cli.__main__ import run\nrun()\n"


def uwe(*args: str | bytes, prelude: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the `uwe` program; `prelude` is Python run first in the same process."""
    return subprocess.run(
        [sys.executable, "-c", prelude + RUN, *args],
        capture_output=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        preexec_fn=fresh_signals,
    )


def shell(command: str) -> subprocess.CompletedProcess[bytes]:
    """`command` run by bash, where `uwe` is this Python's uwe."""
    return subprocess.run(
        ["bash", "-c", f'uwe() {{ "{sys.executable}" -m uwe_cli "$@"; }}; {command}'],
        capture_output=True,
        timeout=60,
        preexec_fn=fresh_signals,
    )


# Signals, delivered at a chosen moment: the prelude sends the signal to the process itself
# from where it must land, then runs a few more bytecodes for Python to act on it there.

LAND = "os.kill(os.getpid(), signal.{signal})\n{indent}for _ in range(1000): pass\n"

MOMENTS = {
    # while the libraries load (the import of typer.core)
    "import": """
import importlib.abc, os, signal, sys
class Moment(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "typer.core":
            {land}
sys.meta_path.insert(0, Moment())
""",
    # while the table is being written out
    "output": """
import os, signal, sys
class Moment:
    def __init__(self, stream): self.stream = stream
    def __getattr__(self, name): return getattr(self.stream, name)
    def write(self, text):
        {land}
        return self.stream.write(text)
sys.stdout = Moment(sys.stdout)
""",
    # while the cache entry is written: its temporary file exists, not yet renamed
    "cache write": """
import os, signal
replace = os.replace
def moment(*args, **kwargs):
    {land}
    return replace(*args, **kwargs)
os.replace = moment
""",
}


def at(moment: str, name: str) -> str:
    template = MOMENTS[moment]
    indent = template.split("{land}")[0].rsplit("\n", 1)[1]
    return template.replace("{land}", LAND.format(signal=name, indent=indent))


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize(("name", "code"), [("SIGINT", 130), ("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_signal_at_any_moment_ends_quietly_with_its_code(moment: str, name: str, code: int, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run = uwe("regions", prelude=at(moment, name), env={"UWE_CACHE_DIR": str(cache)})
    assert (run.returncode, run.stdout, run.stderr) == (code, b"", b"")
    # Nothing left behind: a half-written cache entry is removed, never renamed into place.
    left = sorted(entry.name for entry in cache.iterdir()) if cache.exists() else []
    if moment == "output":  # (the cache entry was complete before the output began)
        assert len(left) == 1 and left[0].startswith("dataset-") and left[0].endswith(".json")
    else:
        assert left == []


# After the answer is written and its exit code decided (the last thing the program does).
DECIDED = """
import gc, os, signal
freeze = gc.freeze
def moment():
    {land}
    return freeze()
gc.freeze = moment
"""


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_signal_once_the_answer_is_decided_changes_nothing(name: str, tmp_path: Path) -> None:
    # The whole answer was written: exit 0 says so, not 130 over a complete table (nor a
    # traceback from a signal outside the boundary).
    env = {"UWE_CACHE_DIR": str(tmp_path / "cache")}
    whole = uwe("regions", env=env)
    run = uwe("regions", prelude=DECIDED.replace("{land}", LAND.format(signal=name, indent="    ")), env=env)
    assert (run.returncode, run.stderr) == (0, b"")
    assert run.stdout == whole.stdout and b"Wallonia" in run.stdout


@pytest.mark.parametrize("name", ["SIGHUP", "SIGINT"])
def test_a_signal_the_parent_ignores_stays_ignored(name: str) -> None:
    # `nohup uwe ...` ignores SIGHUP, a shell's background job SIGINT: uwe carries on.
    ignored = f"import signal\nsignal.signal(signal.{name}, signal.SIG_IGN)\n"
    run = uwe("regions", "-f", "csv", prelude=ignored + at("output", name))
    assert (run.returncode, run.stdout, run.stderr) == (0, uwe("regions", "-f", "csv").stdout, b"")


def test_a_signal_swallowed_by_a_library_still_ends_with_its_code(tmp_path: Path) -> None:
    # The signal lands in a finaliser, where Python cannot raise it: the command ends, then
    # exits with the signal's code, and prints no "Exception ignored" traceback.
    prelude = """
import os, signal, sys
class Finaliser:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(1000): pass
class Moment:
    def __init__(self, stream): self.stream = stream
    def __getattr__(self, name): return getattr(self.stream, name)
    def write(self, text):
        Finaliser()
        return self.stream.write(text)
sys.stdout = Moment(sys.stdout)
"""
    run = uwe("regions", "-f", "csv", prelude=prelude)
    assert (run.returncode, run.stderr) == (143, b"")
    assert run.stdout == uwe("regions", "-f", "csv").stdout


# Closed and full standard streams.

REGIONS_CSV_START = b"id,name,kind,within,"
CLOSED = b"uwe: error: cannot write the output (standard output is closed)\n"
FULL = b"uwe: error: cannot write the output (no space left on the disk)\n"
NO_FOLDER = (
    b"uwe: error: /nonexistent: data folder does not exist (check the path, or make one with "
    b"'uwe data init /nonexistent')\n"
)


@pytest.mark.parametrize(
    ("command", "code", "stderr"),
    [
        ("uwe regions >&-", 4, CLOSED),
        ("uwe regions -f json >&-", 4, CLOSED),
        ("uwe --version >&-", 4, CLOSED),
        ("uwe --help >&-", 4, CLOSED),
        ("uwe data path >&-", 4, CLOSED),
        ("uwe regions > /dev/full", 4, FULL),
        ("uwe clusters -f csv > /dev/full", 4, FULL),
        ("uwe --help > /dev/full", 4, FULL),
        ("uwe data > /dev/full", 4, FULL),  # (the help of `uwe data`)
        ("uwe --data-dir /nonexistent regions >&-", 1, NO_FOLDER),
    ],
)
def test_standard_output_closed_or_full(command: str, code: int, stderr: bytes) -> None:
    if "/dev/full" in command and not Path("/dev/full").exists():
        pytest.skip("needs /dev/full (Linux)")
    run = shell(command)
    assert (run.returncode, run.stderr) == (code, stderr)


@pytest.mark.parametrize(
    ("command", "code", "stdout"),
    [
        ("uwe regions -f csv 2>&-", 0, REGIONS_CSV_START),
        ("uwe --data-dir /nonexistent regions 2>&-", 1, b""),  # never on stdout instead
        ("uwe --data-dir /nonexistent regions 2>/dev/full", 1, b""),
        ("uwe regions -f csv <&-", 0, REGIONS_CSV_START),
        ("uwe regions >&- 2>&-", 4, b""),
    ],
)
def test_standard_error_or_input_closed(command: str, code: int, stdout: bytes) -> None:
    if "/dev/full" in command and not Path("/dev/full").exists():
        pytest.skip("needs /dev/full (Linux)")
    run = shell(command)
    assert (run.returncode, run.stdout[: len(stdout)], run.stderr) == (code, stdout, b"")
    assert bool(run.stdout) == bool(stdout)


# Folder paths that are not valid UTF-8 (Python hands them over as str with surrogates).


def test_a_missing_folder_whose_name_is_not_utf8(tmp_path: Path) -> None:
    # ($'\xff/data', as bash reads it: the command works when typed as shown)
    expected = (
        1, b"", b"uwe: error: \\xff/data: data folder does not exist (check the path, or make one with "
                b"'uwe data init $'\\xff/data'')\n"
    )  # fmt: skip
    run = subprocess.run(
        [sys.executable, "-m", "uwe_cli", "--data-dir", b"\xff/data", "regions"], capture_output=True, cwd=tmp_path
    )
    assert (run.returncode, run.stdout, run.stderr) == expected
    env = {**os.environ, "UWE_DATA_DIR": "\udcff/data"}  # (how os.environ holds the byte 0xff)
    run = subprocess.run([sys.executable, "-m", "uwe_cli", "regions"], capture_output=True, cwd=tmp_path, env=env)
    named = b"uwe: error: UWE_DATA_DIR=\\xff/data: data folder does not exist (set UWE_DATA_DIR to a data folder, "
    assert (run.returncode, run.stdout, run.stderr[: len(named)]) == (1, b"", named)


def test_a_folder_whose_name_is_not_utf8_is_read_and_cached(tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode(b"donn\xe9es")
    shutil.copytree(store.shipped_data_dir(), folder)
    cache = tmp_path / "cache"
    env = {"UWE_CACHE_DIR": str(cache)}
    expected = uwe("clusters", "-f", "json", env=env)
    first = uwe("--data-dir", os.fsencode(folder), "clusters", "-f", "json", env=env)
    assert [entry.name.startswith("dataset-") for entry in cache.iterdir()] == [True, True]
    second = uwe("--data-dir", os.fsencode(folder), "clusters", "-f", "json", env=env)  # from the cache
    assert (
        (first.returncode, first.stdout, first.stderr)
        == (second.returncode, second.stdout, second.stderr)
        == (0, expected.stdout, b"")
    )
    path = uwe("--data-dir", os.fsencode(folder), "data", "path")
    assert (path.returncode, path.stdout) == (0, os.fsencode(folder) + b"\n")  # its own bytes, for scripts
    check = uwe("data", "check", os.fsencode(folder))
    assert (check.returncode, check.stdout.endswith(b"23 slides (" + os.fsencode(folder) + b")\n")) == (0, True)


def test_a_byte_that_is_not_utf8_leaves_the_rest_of_the_message_as_it_is(tmp_path: Path) -> None:
    run = uwe("--lang", "fr", "region", b"zz\xff")
    assert (run.returncode, run.stderr) == (
        2,
        "uwe : erreur : région introuvable : « zz\\xff » (voir « uwe regions »)\n".encode(),
    )


def test_a_file_name_the_system_refuses_names_the_file_not_the_output(tmp_path: Path) -> None:
    # Too long a name: a file error (exit 1, its name and why), not standard output (exit 4).
    name = tmp_path / ("a" * 300 + ".svg")
    run = subprocess.run([sys.executable, "-m", "uwe_cli", "--lang", "de", "regions", "--export", str(name)],
                         capture_output=True, text=True)  # fmt: skip
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == f"uwe: Fehler: {name}: kann nicht verwendet werden (Dateiname zu lang)\n"


def test_a_ctrl_c_while_the_program_starts_ends_it_as_the_signal_does(tmp_path: Path) -> None:
    # (before cli/process.py is in place, a KeyboardInterrupt raised inside an import would
    # print a traceback; the console script is a file named `uwe`)
    script = tmp_path / "uwe"
    script.write_text("import signal\nimport uwe_cli\nprint(signal.getsignal(signal.SIGINT) is signal.SIG_DFL)\n")
    started = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    assert started.stdout == "True\n"
    imported = subprocess.run(
        [sys.executable, "-c", "import signal, uwe_cli; print(signal.getsignal(signal.SIGINT).__name__)"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert imported.stdout == "default_int_handler\n"  # another program's signals are its own
