"""Numbers, figures and dates as a reader of a language writes them.

Pure functions of localized JSON values (see views/form.py) and a `Language`; every word comes
from the language's catalogue. A figure is `{value, unit, period, base, maximum, alternative, ...}`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from uwe_cli.i18n.messages import Day, msg, msg_n, msg_p

if TYPE_CHECKING:  # (a Language is given; `language.py` imports this module to write a Quantity)
    from uwe_cli.i18n.language import Language


def number(value: float, lang: Language) -> str:
    if isinstance(value, float) and not math.isfinite(value):  # (never shown as inf or nan)
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return lang.digits(f"{value:,}")


def percent(value: float, lang: Language) -> str:
    return str(lang.cldr["percent"].format(number=number(value, lang)))


def euros(value: float, lang: Language) -> str:
    return str(lang.cldr["currency"].format(number=number(value, lang)))


def signed(value: float, shown: str, lang: Language) -> str:
    """`shown` (the number `value`, written without its sign) with a sign: `+€33,200`,
    `-33 200 €`, `€ +33.200`; a sign stands where CLDR puts a minus, before the currency
    symbol that leads the number, else before the number."""
    sign = "+" if value > 0 else "-" if value < 0 else ""
    if not sign:
        return shown
    currency = str(lang.cldr["currency"])
    if currency.startswith("€{number}"):
        return sign + shown
    digit = next((i for i, c in enumerate(shown) if c.isdigit()), 0)
    return shown[:digit] + sign + shown[digit:]


def date_message(day: date | str) -> Day:
    """A date for a message, written in the reader's language when shown."""
    return Day(date.fromisoformat(day) if isinstance(day, str) else day)


def long_date(day: date | str, lang: Language) -> str:
    return lang.date(date_message(day).day)


def figure(fig: Mapping[str, Any] | None, lang: Language) -> str:
    """A figure as a person reads it: `€30,500` in English, `30 500 €` in French."""
    if not fig:
        return ""
    shown = unit_value(fig["value"], fig["unit"], lang, base=fig.get("base"))
    if fig.get("maximum"):
        shown = lang.message(msg("max. {figure}", figure=shown))
    if fig.get("alternative") is not None:
        other = unit_value(fig["alternative"], fig["unit"], lang, base=fig.get("base"))
        shown = lang.message(msg("{figure} (or {other})", figure=shown, other=other))
    if fig.get("computed"):  # wherever it is shown, a figure of the tool's says so
        shown = lang.message(msg("{figure} (computed by the tool)", figure=shown))
    return shown


def unit_value(value: float, unit: str, lang: Language, *, base: str | None = None) -> str:
    """`value` in `unit` (one of the data's units, see dataset/values.py, Unit)."""
    shown = number(value, lang)
    if unit == "EUR":
        return euros(value, lang)
    if unit == "EUR/year":
        return lang.message(msg("{amount}/year", amount=euros(value, lang)))
    if unit == "people" and value >= 1_000_000:
        millions = value / 1_000_000
        return lang.message(
            msg_n("{number} million", "{number} million", n=millions, number=number(round(millions, 3), lang))
        )
    if unit == "km2":
        return lang.message(msg("{number} km²", number=shown))
    if unit == "%":
        return percent(value, lang)
    if unit == "index":
        return f"{shown} ({lang.localize(index_base(base or ''))})"
    if unit == "rank":
        return lang.ordinal(int(value))
    if unit == "year":  # (a calendar year, as written: 1969, never 1 969)
        return str(int(value))
    if unit == "years":
        return lang.message(msg_n("{number} year", "{number} years", n=value, number=shown))
    return shown


_QUARTER = re.compile(r"^Q([1-4]) (\d{4})$")


_EU_BASE = re.compile(r"^EU(\d+)=(\d+)$")


def index_base(base: str) -> Any:
    """An index's base as the reader's language writes it (`EU-28 = 100`, `UE28 = 100`, `ЕС-28 = 100`),
    its spaces no-break ones: a base is read whole."""
    found = _EU_BASE.match(base or "")
    return msg("EU-{members}\u00a0=\u00a0{base}", members=found.group(1), base=found.group(2)) if found else base


def period(value: str, lang: Language) -> str:
    """A reference period: a year as it is, a quarter (`Q4 2013`) in the reader's words."""
    quarter = _QUARTER.match(value)
    if quarter:
        n = int(quarter.group(1))
        return lang.message(msg("Q{quarter} {year}", quarter=n, nth=lang.ordinal(n), year=quarter.group(2)))
    if value.isdigit():
        return lang.message(msg_p("period", "{year}", year=value))
    return lang.gettext(value, "period")


def figure_with_period(fig: Mapping[str, Any] | None, lang: Language) -> str:
    """`11.1% (2013)`: a figure with the period its slide gives, if it gives one."""
    if not fig:
        return ""
    shown = figure(fig, lang)
    return f"{shown} ({period(fig['period'], lang)})" if fig.get("period") else shown


def figures(figs: Sequence[Mapping[str, Any]] | None, lang: Language) -> str:
    """Several figures of one thing, each with its period: `11.1% (2013); 11.2% (Q4 2013)`."""
    return lang.listing([figure_with_period(f, lang) for f in figs or ()], style="semicolon")


def joined(values: list[Any] | None, lang: Language) -> str:
    return ", ".join(str(v) for v in values or ())


def lines(values: list[Any] | None, lang: Language) -> str:
    return "\n".join(str(v) for v in values or ())
