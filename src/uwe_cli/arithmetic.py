"""the tool's computations on the slides' figures, each finite or "not computable" (None).

A figure may be any finite number (`1.0e-310` is one), and a share of it may still overflow:
100 × 30,000 / 1.0e-310 is infinite in floating point, and `round()` of it fails. No reader
must ever see `inf`, `nan` or `Infinity` (which is not JSON): a computation whose result is
not a finite number, or that divides by a number too close to zero to mean anything, is
None, shown as not computable (a dash, null, an empty cell, NULL), and `uwe notes` says why.
"""

from __future__ import annotations

import math
import sys

# A divisor smaller than this (a subnormal number) is taken for zero: dividing by it
# overflows or loses every digit of precision.
TINY = sys.float_info.min


def finite(value: float | None) -> float | None:
    """`value` if it is a finite number, else None."""
    try:
        return value if value is not None and math.isfinite(value) else None
    except OverflowError:  # (an int too large for a float)
        return None


def share(part: float, whole: float, *, digits: int | None = 1) -> float | None:
    """100 × part / whole, rounded to `digits` (unrounded where `digits` is None, as `uwe notes`
    computes); None if it cannot be computed."""
    found = _quotient(part, whole, scale=100)
    return found if found is None or digits is None else round(found, digits)


def ratio(part: float, whole: float, *, digits: int = 4) -> float | None:
    """part / whole, rounded to `digits`; None if it cannot be computed (a base of 1.0e-308)."""
    found = _quotient(part, whole)
    return None if found is None else rounded(found, digits)


def _quotient(part: float, whole: float, *, scale: int = 1) -> float | None:
    """scale × part / whole, or None: a divisor too close to zero, or a result not finite."""
    try:
        if not math.isfinite(whole) or abs(whole) < TINY:
            return None
        result = scale * part / whole
    except (OverflowError, ZeroDivisionError):
        return None
    return result if math.isfinite(result) else None


def rounded(value: float, digits: int | None = None) -> float | None:
    """round(value, digits) (an int when digits is None), or None if it is not finite."""
    try:
        if not math.isfinite(value):
            return None
        return round(value) if digits is None else round(value, digits)
    except OverflowError:
        return None
