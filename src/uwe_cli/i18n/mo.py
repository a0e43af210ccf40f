"""The interface's catalogues as gettext reads them: the compiled .mo files, written from the
.po files translators edit when the package is built (hatch_build.py, with Babel), read with
the standard library's gettext: no parsing at run time. (Measured on one machine: parsing the
French .po, 26 ms under load and 3.4 ms idle, of every command in French; reading its .mo, a
twentieth.) In a source checkout whose .po changed since the package was installed, the .po
is read and compiled in memory instead, so that a translator sees their change at once; the
two readings agree with each other and with Babel's (tests/test_catalogues.py).
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Callable
from pathlib import Path

LOCALE = Path(__file__).resolve().parent / "locale"
# A .po this much newer than its .mo was changed since the build (installing a wheel may
# write a .po a moment after its .mo).
_STALE_NS = 2 * 10**9

Catalogue = dict[tuple[str | None, str], list[str]]


def read(code: str, *, parse: Callable[[str], Catalogue]) -> gettext.NullTranslations:
    """The interface's catalogue for `code`, as gettext reads it (English: none, the messages
    are the catalogue's keys); `parse` reads a .po changed since the build."""
    folder = LOCALE / code / "LC_MESSAGES"
    po_time, mo_time = _mtime(folder / "uwe.po"), _mtime(folder / "uwe.mo")
    if mo_time is not None and (po_time is None or po_time <= mo_time + _STALE_NS):
        with (folder / "uwe.mo").open("rb") as compiled:
            return gettext.GNUTranslations(compiled)
    if po_time is None:
        return gettext.NullTranslations()
    compiled_now = compile_mo(parse((folder / "uwe.po").read_text(encoding="utf-8")), code=code)
    return gettext.GNUTranslations(io.BytesIO(compiled_now))


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return None


def compile_mo(entries: Catalogue, *, code: str) -> bytes:
    """A catalogue read by parse_po, as the .mo file msgfmt would write (what gettext reads).

    A header without a plural rule gets the language's rule from CLDR (`plurals.json`,
    written by scripts/update-cldr), as Babel does: gettext's own default, `n != 1`, is
    wrong for Polish, Czech or Russian."""
    header = entries.get((None, ""), [""])[0]
    if "plural=" not in header:
        header += f"Plural-Forms: {_plural_forms(code)}\n"
    pairs = {"": header}
    for (context, message), forms in entries.items():
        if message and forms and any(forms):
            key = message if context is None else f"{context}\x04{message}"
            pairs[key + ("\x00" if len(forms) > 1 else "")] = "\x00".join(forms)
    return _mo_file(sorted((k.encode("utf-8"), v.encode("utf-8")) for k, v in pairs.items()))


def _mo_file(pairs: list[tuple[bytes, bytes]]) -> bytes:
    # GNU's layout: magic, revision, count, the two tables of (length, offset), no hash
    # table; then the keys and the strings, each followed by a NUL.
    import struct

    start = 7 * 4 + 16 * len(pairs)
    keys = b"".join(k + b"\0" for k, _ in pairs)
    offsets, at = [], start
    for key, _ in pairs:
        offsets.append((len(key), at))
        at += len(key) + 1
    for _, value in pairs:
        offsets.append((len(value), at))
        at += len(value) + 1
    head = struct.pack("<7I", 0x950412DE, 0, len(pairs), 7 * 4, 7 * 4 + 8 * len(pairs), 0, start)
    table = b"".join(struct.pack("<2I", length, offset) for length, offset in offsets)
    return head + table + keys + b"".join(v + b"\0" for _, v in pairs)


def _plural_forms(code: str) -> str:
    """CLDR's plural rule for a language, as a PO header writes it; `n != 1` if CLDR has none."""
    import json

    rules = json.loads((LOCALE / "plurals.json").read_text(encoding="utf-8"))
    return str(rules.get(code.split("_")[0], "nplurals=2; plural=(n != 1);"))
