"""A data folder's translations/ folder: every PO file in it is a language the data adds, or a
located problem; the slides' French is never replaced; a folder that cannot be read is named."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from uwe_cli.dataset import store

FORGED_FRENCH = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgctxt "regions/belgium/name"\nmsgid "Belgique"\nmsgstr "Royaume FORGED"\n'
)


def test_a_french_catalogue_never_replaces_the_slides_words(main: Callable[..., Any], data_copy: Path) -> None:
    (data_copy / "translations" / "fr.po").write_text(FORGED_FRENCH, encoding="utf-8")
    run = main("--data-dir", str(data_copy), "data", "check")
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr.splitlines()[0] == (
        f"{data_copy}/translations/fr.po: the slides' own words are French: no translation file replaces them; "
        "remove this file"
    )
    view = main("--data-dir", str(data_copy), "--lang", "fr", "regions")
    assert view.exit_code == 1 and "FORGED" not in view.stdout + view.stderr


@pytest.mark.parametrize(
    ("name", "example"), [("NL.po", "nl.po"), ("pt_BR.po", "pt.po"), ("XX.po", "es.po"), ("xx.po", "es.po")]
)
def test_a_catalogue_not_named_after_a_language_is_a_problem(
    main: Callable[..., Any], data_copy: Path, name: str, example: str
) -> None:
    (data_copy / "translations" / name).write_bytes((data_copy / "translations" / "nl.po").read_bytes())
    run = main("--data-dir", str(data_copy), "data", "check")
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr.splitlines()[0] == (
        f"{data_copy}/translations/{name}: is not named after a language: name it with a two-letter language code "
        f"in lower case (ISO 639-1), such as {example}"
    )


def test_an_unreadable_translations_folder_is_named(
    main: Callable[..., Any], data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.listdir
    folder = data_copy / "translations"

    def listdir(path: Any = ".") -> list[str]:
        if Path(path) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(store.os, "listdir", listdir)
    run = main("--data-dir", str(data_copy), "data", "check")
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr.splitlines()[0] == f"{folder}: cannot be read (permission denied)"
    assert main("--data-dir", str(data_copy), "regions").exit_code == 1  # (not French in silence)
