"""Helpers shared by the data-folder tests."""

from __future__ import annotations

import re
import signal
from pathlib import Path

import pytest

from uwe_cli.dataset import store
from uwe_cli.errors import DataError
from uwe_cli.i18n import language


def problems(folder: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        store.load_models(folder)
    return [str(p).replace(str(folder), "DATA") for p in caught.value.problems]


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in `path`; return the line number where it stood."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def line_of(path: Path, needle: str, *, after: str = "") -> int:
    """The line number of the first `needle` in `path` that follows `after`."""
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    return text[: text.index(needle, start)].count("\n") + 1


def english_messages() -> set[str]:
    """The interface's English messages that the other languages translate differently,
    with their placeholders cut out: the pieces that would show English leaking."""
    from babel.messages.pofile import read_po

    pieces: set[str] = set()
    with (language._LOCALE / "nl" / "LC_MESSAGES" / "uwe.po").open("rb") as handle:
        for message in read_po(handle):
            ids = [message.id] if isinstance(message.id, str) else list(message.id)
            strings = [message.string] if isinstance(message.string, str) else list(message.string)
            if not message.id or ids[0] in strings or message.context == "example":
                continue  # (an example is a command: its ids are accepted in every language)
            for english in ids:
                pieces.update(p.strip(" :;,.()") for p in re.split(r"\{\w+\}", english))
    return {p for p in pieces if len(p) >= 8 and " " in p}  # (phrases, not words a language shares)


def fresh_signals() -> None:
    """A child process's `preexec_fn`: it starts with the signals as an interactive shell
    gives them, whatever the tests' own process inherited. Under `nohup` SIGHUP is ignored,
    in a shell's background job SIGINT is: dispositions and the blocked set survive `exec`,
    and uwe rightly leaves an ignored signal ignored, so a test of what a signal does would
    test the caller's shell instead."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
