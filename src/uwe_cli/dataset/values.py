"""The values a record's fields hold besides texts: ids, figures, dates, years, units and
statuses, each refused in the tool's words (`Invalid`) when a hand-written file gets one wrong.

Apart from models.py, which puts them together into records; the statuses are the
command line's choices, defined once in vocabulary.py.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Field, PlainValidator

from uwe_cli import vocabulary
from uwe_cli.dataset.yaml_messages import written
from uwe_cli.errors import Worded
from uwe_cli.i18n.messages import Quantity, msg

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]


# The largest figure: every whole number up to it is exact as a float, so that shares,
# sums and formats computed from figures never overflow or round. Documented in README.md.
MAX_FIGURE = 10**15


class Invalid(Worded, ValueError):
    """A value a model refuses, in the tool's words (validation.py says them in the reader's language)."""


def _number(value: Any) -> int | float:
    # One clear message instead of pydantic's one-per-union-member; figures are never negative.
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Invalid(msg("should be a number, got {value}", value=written(value)))
    # (math.isfinite on a whole number of 10**309 or more would raise OverflowError)
    if isinstance(value, float) and not math.isfinite(value):
        raise Invalid(msg("should be a finite number, got {value}", value=written(value)))
    if value < 0:
        if value > -MAX_FIGURE:
            raise Invalid(msg("cannot be negative (got {value})", value=value))
        raise Invalid(msg("cannot be negative"))
    if value > MAX_FIGURE:
        raise Invalid(msg("is too large (a figure is at most {limit})", limit=Quantity(MAX_FIGURE)))
    return value


Number = Annotated[Union[int, float], PlainValidator(_number)]


def _day(value: Any) -> date:
    # pydantic would take a number, even quoted, for a Unix time (`date: "0"` is 1 January
    # 1970) and a time of day at midnight for its date: a date is written as one, YYYY-MM-DD.
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise Invalid(msg("should be a date (YYYY-MM-DD)"))


Day = Annotated[date, BeforeValidator(_day)]
# Whole numbers other than figures are bounded too: nothing shown is ever a vast number.
Year = Annotated[int, Field(ge=1900, le=2100)]

Unit = Literal["EUR", "EUR/year", "people", "km2", "%", "index", "rank", "count", "years"]
# The choices the command line also offers, defined once in vocabulary.py.
SchemeStatus = Literal[tuple(vocabulary.SCHEME_STATUSES)]  # type: ignore[valid-type]
ClusterStatus = Literal[tuple(s for s in vocabulary.CLUSTER_STATUSES if s != vocabulary.NOT_STATED)]  # type: ignore[valid-type]
LessonKind = Literal[tuple(vocabulary.LESSON_KINDS)]  # type: ignore[valid-type]
ConceptKind = Literal[vocabulary.CONCEPT_KINDS]  # type: ignore[valid-type]
