"""Text from data, shown as text: what a terminal would act on, or a reader not see, is
made visible as an escape.

Data folders are shared and hand-written, so any text in them may hold characters that
change what a screen or a file shows rather than show themselves: terminal controls (ESC
sequences), bidirectional overrides (text shown in another order than it is stored), line
and paragraph separators (U+2028, U+2029: a new line to many readers, so a name can forge
a row of a table), and invisible format characters (zero-width spaces and joiners, the
soft hyphen, tag characters that can hide words). All of them are shown as escapes, the
way Python writes them: `\\x1b`, `\\u2028`, `\\U000e0041`.

One compiled pattern, listed by hand: computing it from `unicodedata` at start-up would
cost more than a command. tests/test_hostile_text.py checks that it holds every format
character (category Cf) of the running Python's Unicode database.
"""

from __future__ import annotations

import re

# Tab and newline are the only controls kept (a tab is shown as a space, by visible()).
CONTROL = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 controls, DEL, C1 controls
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"  # format characters (Cf) ...
    "\u200b-\u200f"  # zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
    "\u2028-\u202e"  # line and paragraph separators; bidirectional embeddings and overrides
    "\u2060-\u2064\u2066-\u206f"  # word joiner, invisible operators; bidirectional isolates ...
    "\ufdd0-\ufdef"  # noncharacters, never text (terminal.py lays out no-break spaces as some)
    "\ufeff\ufff9-\ufffb"  # zero-width no-break space (BOM); interlinear annotation
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e007f"  # tag characters
    "]"
)


def visible(text: str) -> str:
    """`text` with every control and format character shown as an escape, tabs as spaces."""
    return CONTROL.sub(_escape, text).replace("\t", " ")


def json_escaped(text: str) -> str:
    """JSON text with every control and format character as a `\\uXXXX` escape (a surrogate
    pair beyond U+FFFF): the same JSON value, that nothing acts on when it is shown."""
    return CONTROL.sub(_json_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x100:
        return repr(char)[1:-1]  # \x1b, \r, \xad: as Python writes them
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
