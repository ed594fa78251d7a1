"""The arithmetic a clerk does by hand when filling a form, written once.

Clean forms take their rates, sums, funds scores and grades from here so that
they are consistent by construction; a faulted form overrides one figure.
This is deliberately not the tool's own code (nor tests.support.synth): it is
the form author's side of the calculation.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def half_up(x: float, decimals: int = 2) -> float:
    """Round as people and Excel do (0.125 -> 0.13), not as Python's round()."""
    q = Decimal(1).scaleb(-decimals)
    return float(Decimal(str(x)).quantize(q, rounding=ROUND_HALF_UP))


def rate(spent: float, budget: float, decimals: int = 2) -> float:
    """执行率 as a fraction, rounded to ``decimals`` decimals of a percentage."""
    return half_up(spent / budget * 100, decimals) / 100


def percent_text(fraction: float, decimals: int = 2) -> str:
    return f"{fraction * 100:.{decimals}f}%"


def funds_score(fraction: float, weight: float) -> float:
    return half_up(min(fraction, 1.0) * weight, 2)


def ratio_score(part: float, whole: float, weight: float) -> float:
    """正向 B/A × 分值 (or 反向 A/B × 分值 with the arguments swapped), 2 decimals."""
    return half_up(part / whole * weight, 2)


def total(*scores: float) -> float:
    return half_up(sum(scores), 2)


def grade(score: float) -> str:
    if score >= 90:
        return "优"
    if score >= 80:
        return "良"
    if score >= 60:
        return "中"
    return "差"


def show(x: float) -> str:
    """A figure as a clerk writes it: 60, 41.83, 0.5 (no trailing zeros)."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text or "0"
