"""The interface's messages: English texts marked for translation, with what fills them.

`msg`, `msg_n` and `msg_p` are the keywords translators' tools extract (gettext's
gettext, ngettext and pgettext); a `Message` is translated and formatted only when the
output layer shows it, in the reader's language (`uwe_cli.i18n.language`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal


@dataclass(frozen=True)
class Message:
    """A message of the interface: an English text, translated by the language's catalogue.

    `args` fill the `{name}` fields after translation (they may be dataset texts, numbers
    or messages); `plural` and `args["n"]` choose a plural form (`{n}`, a count, is written
    with the reader's digits, as a `Quantity` is; a plain number, such as a year, as it is);
    `context` tells apart one English word with two translations.
    """

    id: str
    args: Mapping[str, Any] = field(default_factory=dict)
    plural: str | None = None
    context: str | None = None


@dataclass(frozen=True)
class Day:
    """A date, written as the reader's language writes it (`15 April 2014`, `15. April 2014`)."""

    day: date


@dataclass(frozen=True)
class Quantity:
    """A quantity in a message, written with the reader's digits (`12,000`, `12 000`, `12.000`)."""

    value: float


@dataclass(frozen=True)
class Listing:
    """Items joined as the reader's language joins a list: `a, b and c`, `a, b or c`."""

    items: tuple[Any, ...]
    style: Literal["standard", "or", "comma", "semicolon"] = "standard"


@dataclass(frozen=True)
class Preferred:
    """One value of several, by language: the reader's where there is one, else the first
    (a search's match, found in French and in Dutch, is shown in Dutch to a Dutch reader)."""

    values: tuple[tuple[str | None, Any], ...]


@dataclass(frozen=True)
class OverSlidesWords:
    """A label over the slides' words: `source` where they are shown as the slides print
    them (in French), `translated` where they are shown in the reader's language, which is a
    translation and must say so ("As the slides say" over Dutch words would pass them off as
    the slides')."""

    source: Message
    translated: Message


def msg(message: str, /, **args: Any) -> Message:
    """Mark `message` for translation (the keyword translators' tools extract)."""
    return Message(message, args)


def msg_p(context: str, message: str, /, **args: Any) -> Message:
    """A message whose English word has other meanings elsewhere (gettext's pgettext)."""
    return Message(message, args, context=context)


def msg_n(singular: str, plural: str, /, *, n: float, **args: Any) -> Message:
    """A message with a plural form chosen by `n`."""
    return Message(singular, {"n": n, **args}, plural=plural)


_GUILLEMETS = re.compile(r"«[\s\u00a0\u202f]*(.*?)[\s\u00a0\u202f]*»", re.S)


def nested(value: Any, *, inside: str = "«") -> Any:
    """A text that goes inside « »: its own « » become “ ” (French never nests « « » »); inside
    “ ” (`inside="“"`), its own “ ” become ‘ ’ (the English of the slides' words quotes with “ ”,
    as the interface does: “Super clusters” inside a quotation is ‘Super clusters’)."""
    if not isinstance(value, str) or inside not in value:
        return value
    return _GUILLEMETS.sub(r"“\1”", value) if inside == "«" else _DOUBLE.sub(r"‘\1’", value)


_DOUBLE = re.compile(r"“(.*?)”", re.S)
