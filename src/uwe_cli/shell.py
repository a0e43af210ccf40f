"""Commands that uwe suggests, written to work when typed (or pasted) as shown.

A name is quoted for a POSIX shell; one with characters a terminal would not show as typed
(a tab, a newline, a byte that is not UTF-8) is written `$'...'` with escapes, which bash,
zsh and ksh read (uwe shows such characters escaped anyway, so plain quoting would not
paste back); a name that starts with '-' comes after `--`, so that it is not taken for an
option.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def quote(name: str | Path) -> str:
    """`name` as one word of a shell command line."""
    text = os.fspath(name)
    if text.isprintable():
        return shlex.quote(text)
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif "\udc80" <= char <= "\udcff":  # (a byte that is not UTF-8, as os.fsdecode keeps it)
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        elif not char.isprintable():
            out.append("".join(f"\\x{byte:02x}" for byte in char.encode("utf-8")))
        else:
            out.append(char)
    return "$'" + "".join(out) + "'"


def command(*words: str, names: tuple[str | Path, ...] = ()) -> str:
    """`words` then `names` (arguments that are names), quoted; `--` before names if one
    starts with '-'."""
    quoted = [quote(name) for name in names]
    dash = ["--"] if any(os.fspath(name).startswith("-") for name in names) else []
    return " ".join([*words, *dash, *quoted])
