"""Compile the interface's gettext catalogues when the package is built.

Each `src/uwe_cli/i18n/locale/LANG/LC_MESSAGES/uwe.po` becomes the `uwe.mo` beside it, which
uwe reads at run time with the standard library's `gettext` (uwe_cli/i18n/language.py). The
compiler is Babel's (a build requirement in pyproject.toml, from PyPI like hatchling, so a
build needs no system gettext tools and works offline from a local package index). Its
reading of a catalogue is the one tests/test_catalogues.py holds uwe's to; a catalogue
without a Plural-Forms header gets its language's rule from CLDR, as Babel knows it.

The .mo files are written into the source tree (and listed as build artifacts, since git
ignores them): a wheel ships them, and an editable install (`pip install -e`) finds them
where its source is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("src") / "uwe_cli" / "i18n" / "locale"


def compile_catalogues(root: Path) -> list[Path]:
    """Write every catalogue's .mo beside its .po; the .mo files written."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted((root / LOCALE).glob("*/LC_MESSAGES/uwe.po")):
        language = po.parent.parent.name
        with po.open("rb") as source:
            catalogue = read_po(source, locale=language, domain="uwe")
        mo = po.with_suffix(".mo")
        partial = mo.with_suffix(".mo.part")
        with partial.open("wb") as target:
            write_mo(target, catalogue, use_fuzzy=False)
        partial.replace(mo)  # (a reader never sees half a catalogue)
        written.append(mo)
    return written


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "wheel":  # (an editable install is a wheel too)
            compile_catalogues(Path(self.root))
