"""The tool's languages, each registered once: adding a language starts here.

An entry gives what no catalogue can: the language's name (a message every catalogue
translates, context "language"), the CLDR locale whose numbers, dates and lists it follows
(`scripts/update-cldr` copies their rules into `locale/cldr.json`), the words a reader may
type for it (`--lang nederlands`), and its ordinals (17th, 17e, 17.). Everything else lives
in data: the interface's catalogue `locale/CODE/LC_MESSAGES/uwe.po`, the dataset's
translations `data/translations/CODE.po`, and golden outputs under `tests/golden/CODE/`
(README, "Adding a language"). The order is the order `--lang` lists them in.

Imported at start-up (by vocabulary.py): it imports only the messages and the ordinal rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from uwe_cli.i18n.messages import Message, msg_p
from uwe_cli.i18n.ordinals import bulgarian_ordinal, english_ordinal, french_ordinal


class Registered(NamedTuple):
    name: Message  # its name in English, which each catalogue translates
    locale: str  # the CLDR locale it follows (Belgian usage where CLDR has it)
    typed: tuple[str, ...]  # the other words a reader may type for it, in any of the languages
    ordinal: Callable[[int], str]


LANGUAGES: dict[str, Registered] = {
    # (British English, whose dates read `15 April 2014`)
    "en": Registered(
        msg_p("language", "English"),
        "en_GB",
        ("english", "anglais", "engels", "englisch", "английски"),
        english_ordinal,
    ),
    "fr": Registered(
        msg_p("language", "French"),
        "fr_BE",
        ("french", "français", "francais", "frans", "französisch", "френски"),
        french_ordinal,
    ),
    "nl": Registered(
        msg_p("language", "Dutch"),
        "nl_BE",
        ("dutch", "nederlands", "néerlandais", "vlaams", "niederländisch", "нидерландски"),
        lambda n: f"{n}e",
    ),
    "de": Registered(
        msg_p("language", "German"),
        "de_BE",
        ("german", "deutsch", "allemand", "duits", "немски"),
        lambda n: f"{n}.",
    ),
    "bg": Registered(
        msg_p("language", "Bulgarian"),
        "bg_BG",
        ("bulgarian", "български", "bulgare", "bulgaars", "bulgarisch"),
        bulgarian_ordinal,
    ),
}
