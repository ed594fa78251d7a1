"""Every tolerance the checks use, in one place.

Rounding is the main source of false alarms in consistency checkers, so each
comparison states its tolerance here and nowhere else:

- money: 0.01 万元 (one 百元; forms show two decimals of 万元);
- scores: 0.01 points; a score written with one decimal is also accepted when
  it is the computed score rounded or truncated to that decimal (6.972 -> 7.0
  or 6.9); whole-number scores get no such leeway (10 for 9.6 is an error);
- rates: judged against the decimals shown. A shown rate is accepted when it
  equals the exact ratio rounded *or truncated* to the shown decimals
  (41.83/60 = 69.716…% shown as 69.71% or 69.72% are both accepted). A
  stored value with more precision than its format shows is judged as
  displayed; the exact ratio itself (a formula) is always accepted.
"""

from __future__ import annotations

import math

MONEY = 0.01  # 万元
SCORE = 0.01  # points
EPS = 1e-9


def money_equal(a: float, b: float) -> bool:
    return abs(a - b) <= MONEY + EPS


def score_equal(a: float, b: float) -> bool:
    return abs(a - b) <= SCORE + EPS


def rate_matches(shown: float, exact: float, decimals: int | None) -> bool:
    """Is ``shown`` (a fraction) the ``exact`` fraction rounded or truncated to
    ``decimals`` decimals *of a percentage*? ``decimals`` None means unknown:
    allow half a unit of the second percent decimal."""
    if abs(shown - exact) <= EPS:
        return True  # the exact ratio itself, e.g. a formula =E6/D6 shown as 99.8%
    if decimals is None:
        return abs(shown - exact) <= 0.00005 + EPS
    scale = 10 ** (decimals + 2)
    exact_scaled = exact * scale
    candidates = {
        math.floor(exact_scaled + 0.5 + EPS),  # rounded half up
        round(exact_scaled),  # banker's rounding, as some tools do
        math.floor(exact_scaled + EPS),  # truncated
        math.ceil(exact_scaled - EPS),
    }
    # judge what the clerk sees: a stored 0.99798… formatted 0.0% reads 99.8%
    shown_scaled = round(shown * scale)
    return any(abs(shown_scaled - c) <= 1e-6 for c in candidates if abs(c - exact_scaled) < 1 + EPS)


def fmt_number(x: float | None, decimals: int = 2) -> str:
    """Human display of a figure: no trailing zeros (60, 41.83, 0.5)."""
    if x is None:
        return ""
    s = f"{x:.{decimals}f}"
    if "." in s:  # strip only fractional zeros: 70 must stay 70
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def fmt_rate(x: float | None, decimals: int = 2) -> str:
    if x is None:
        return ""
    return fmt_number(x * 100, decimals) + "%"


def score_matches(shown: float, exact: float, decimals: int | None) -> bool:
    """Is a written score ``shown`` the computed score ``exact``?

    Within :data:`SCORE`, or ``exact`` rounded half up to the one or two
    decimals the clerk showed (B/A × 分值 = 4.1667 written as 4.2). Rounding
    to a whole number is *not* accepted: 4.6 written as 5 overstates the
    score by 0.4, which is what the scoring checks exist to catch.
    """
    if abs(shown - exact) <= SCORE + EPS:
        return True
    if decimals is None or decimals < 1:
        return False
    scale = 10**decimals
    rounded = math.floor(exact * scale + 0.5 + EPS) / scale
    return abs(shown - rounded) <= 1e-6
