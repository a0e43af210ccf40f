"""What YAML's parser says of a syntax error, as messages of the tool's catalogue.

libyaml, the parser PyYAML's wheels bring, words its errors in English: a problem (`did not
find expected key`) and what it was reading (`while parsing a block mapping`). The English
messages here are those words, so English reads as before; `{found}` stands for the quoted
characters a message names (`'-'`), which no language translates. Words not listed here
(rare ones, and most of PyYAML's own parser, used only where libyaml is missing) are shown
as the parser says them.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from uwe_cli.i18n.messages import Message, msg_p

# The problems and contexts the parser says, commonest first (a fuzzing of the shipped files
# with broken characters found each of them); a message naming `{found}` after any that
# would also match its words.
_WORDS = (
    msg_p("yaml", "found unexpected end of stream"),
    msg_p("yaml", "did not find expected key"),
    msg_p("yaml", "mapping values are not allowed in this context"),
    msg_p("yaml", "mapping values are not allowed here"),
    msg_p("yaml", "did not find expected hexdecimal number"),
    msg_p("yaml", "found character that cannot start any token"),
    msg_p("yaml", "did not find expected <document start>"),
    msg_p("yaml", "did not find expected <stream-end>"),
    msg_p("yaml", "found unknown escape character"),
    msg_p("yaml", "did not find expected comment or line break"),
    msg_p("yaml", "did not find expected node content"),
    msg_p("yaml", "block sequence entries are not allowed in this context"),
    msg_p("yaml", "did not find expected alphabetic or numeric character"),
    msg_p("yaml", "did not find expected tag URI"),
    msg_p("yaml", "found undefined alias"),
    msg_p("yaml", "found undefined tag handle"),
    msg_p("yaml", "found a tab character that violates indentation"),
    msg_p("yaml", "found a tab character where an indentation space is expected"),
    msg_p("yaml", "but found another document"),
    msg_p("yaml", "could not find expected directive name"),
    msg_p("yaml", "did not find expected whitespace or line break"),
    msg_p("yaml", "did not find URI escaped octet"),
    msg_p("yaml", "found incompatible YAML document"),
    msg_p("yaml", "did not find expected ',' or ']'"),
    msg_p("yaml", "did not find expected ',' or '}}'"),  # (a brace doubled: every message is a format)
    msg_p("yaml", "did not find expected {found} indicator"),
    msg_p("yaml", "could not find expected {found}"),
    msg_p("yaml", "did not find expected {found}"),
    msg_p("yaml", "found unexpected {found}"),
    msg_p("yaml", "expected <block end>, but found {found}"),
    msg_p("yaml", "found character {found} that cannot start any token"),
    msg_p("yaml", "while scanning a quoted scalar"),
    msg_p("yaml", "while scanning a simple key"),
    msg_p("yaml", "while scanning a plain scalar"),
    msg_p("yaml", "while scanning a block scalar"),
    msg_p("yaml", "while scanning for the next token"),
    msg_p("yaml", "while scanning an alias"),
    msg_p("yaml", "while scanning an anchor"),
    msg_p("yaml", "while scanning a tag"),
    msg_p("yaml", "while scanning a directive"),
    msg_p("yaml", "while parsing a block mapping"),
    msg_p("yaml", "while parsing a block collection"),
    msg_p("yaml", "while parsing a block node"),
    msg_p("yaml", "while parsing a flow mapping"),
    msg_p("yaml", "while parsing a flow sequence"),
    msg_p("yaml", "while parsing a flow node"),
    msg_p("yaml", "while parsing a quoted scalar"),
    msg_p("yaml", "while parsing a tag"),
    msg_p("yaml", "while parsing a node"),
    msg_p("yaml", "expected a single document in the stream"),
)


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], Message], ...]:
    # The parser's words are the message's once its field is a group and its doubled braces single.
    return tuple((re.compile("(?P<found>.+)".join(re.escape(part.replace("{{", "{").replace("}}", "}"))
                                                for part in m.id.split("{found}")) + "$"), m) for m in _WORDS)  # fmt: skip


def words(said: str) -> Any:
    """The parser's words `said` as a message (their own words if none matches)."""
    for pattern, message in _patterns():
        found = pattern.match(said)
        if found:
            return Message(message.id, found.groupdict(), context=message.context)
    return said


def written(value: Any, *, room: int = 60) -> Any:
    """A value read from YAML as the reader would write it, never as Python shows it: text in
    the reader's quotes (« TWEED bad »), `null` for nothing, `true`, a date as YAML writes it
    (2014-04-15), a list or a mapping by what it is."""
    from datetime import date

    from uwe_cli.i18n.messages import msg

    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        shown = str(value)
    elif isinstance(value, date):
        shown = value.isoformat()
    elif isinstance(value, str):
        text = value if len(value) <= room else value[:room] + "…"
        return msg("'{name}'", name=text)
    elif isinstance(value, (list, tuple)):
        return msg("a list")
    elif isinstance(value, dict):
        return msg("a mapping")
    else:
        shown = str(value)
    return shown if len(shown) <= room else shown[:room] + "…"
