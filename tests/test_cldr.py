"""Numbers, dates and lists follow CLDR: the shipped rules are Babel's, and they are used."""

from __future__ import annotations

import json
import runpy
from datetime import date
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent

from uwe_cli.i18n import language
from uwe_cli.i18n.formatting import euros, number, percent
from uwe_cli.i18n.language import Language

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = runpy.run_path(str(ROOT / "scripts" / "update-cldr"))
LOCALES: dict[str, str] = SCRIPT["LOCALES"]


def test_the_shipped_rules_are_what_babel_says_today() -> None:
    shipped = json.loads((language._LOCALE / "cldr.json").read_text(encoding="utf-8"))
    assert shipped == {lang: SCRIPT["rules"](code) for lang, code in LOCALES.items()}, "run scripts/update-cldr"


@pytest.mark.parametrize("lang", sorted(LOCALES))
def test_numbers_money_percentages_dates_and_lists_match_babel(lang: str) -> None:
    ours, code = Language(lang), LOCALES[lang]
    assert number(21500, ours) == format_decimal(21500, locale=code)
    assert number(62.3, ours) == format_decimal(62.3, locale=code)
    whole_euros = Locale.parse(code).currency_formats["standard"].pattern.replace(".00", "")
    assert euros(21500, ours) == format_currency(21500, "EUR", format=whole_euros, locale=code, currency_digits=False)
    assert percent(62.3, ours) == format_percent(
        0.623, format=ours.cldr["percent"].replace("{number}", "#,##0.#"), locale=code
    )
    assert ours.date(date(2014, 4, 15)) == format_date(date(2014, 4, 15), "long", locale=code)
    assert ours.listing(["a", "b", "c"]) == format_list(["a", "b", "c"], locale=code)
    assert ours.listing(["a", "b", "c"], style="or") == format_list(["a", "b", "c"], style="or", locale=code)


def test_the_examples_of_the_language_issue() -> None:
    assert [euros(21500, Language(x)) for x in ("fr", "nl", "de", "bg", "en")] == [
        "21\u202f500\xa0€", "€\xa021.500", "21.500\xa0€", "21\xa0500\xa0€", "€21,500"]  # fmt: skip
    assert percent(62.3, Language("fr")) == "62,3\xa0%"


def test_bulgarian_groups_digits_from_five_on_as_cldr_says() -> None:
    # CLDR's minimumGroupingDigits (2 for bg), which Babel does not apply.
    bg = Language("bg")
    assert [number(n, bg) for n in (1211, 12110, 1211000)] == ["1211", "12\xa0110", "1\xa0211\xa0000"]
    assert number(1211, Language("fr")) == "1\u202f211"
