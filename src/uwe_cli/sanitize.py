"""Data is text to show, never to obey: control and format characters made visible.

Text from a data folder reaches a terminal, a CSV cell, a Markdown page and JSON; none may
carry a character that a terminal or a reader would act on instead of showing.
"""

from __future__ import annotations

import re

# C0 and C1 controls but newline and tab, DEL, the bidirectional overrides that can make
# a terminal show text in another order than it is stored, and the noncharacters U+FDD0-
# U+FDEF (never text; terminal.py lays out no-break spaces as some of them).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef]")


def visible(text: str) -> str:
    """`text` with every control character shown as an escape (`\\x1b`), tabs as spaces."""
    return CONTROL.sub(_escape, text).replace("\t", " ")


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    return repr(char)[1:-1] if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def json_escaped(text: str) -> str:
    """JSON text with the controls a terminal would act on as `\\uXXXX` (still valid JSON)."""
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
