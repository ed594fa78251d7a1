"""The result of judging one indicator, richer than the ``IndicatorScore`` it becomes.

Rules need more than the 核定 score (was the target met? by how much? which
band did the wording fall in?), so scoring functions return an
:class:`Assessment` and :func:`perfeval_xl.scoring.score_project` turns it
into the model's :class:`perfeval_xl.scheme.IndicatorScore`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from perfeval_xl.model import QualLevel
from perfeval_xl.tolerance import EPS, score_matches

# indicator kinds, as the forms and schemes name them
POSITIVE = "正向"
REVERSE = "反向"
EQUAL = "等于"
QUALITATIVE = "定性"
TIME = "时效"  # a deadline target (10月底前, 春节前, 按期)


@dataclass(frozen=True)
class Assessment:
    """How one indicator is scored under a scheme.

    ``computed`` is the 核定得分 (``None`` when it cannot be judged and there
    is no self-score to keep); ``[allowed_low, allowed_high]`` the range the
    rules allow (for a formula both are the formula value); ``judged`` False
    means the rules could not be applied and ``computed`` keeps the self-score.
    """

    kind: str  # 正向 / 反向 / 等于 / 定性 / 时效, "" when not judged before the kind was known
    judged: bool
    reason: str  # Chinese: how the 核定 score was reached, or why it could not be judged
    computed: float | None = None
    allowed_low: float | None = None
    allowed_high: float | None = None
    met: bool | None = None  # the target was met (None: unknown)
    formula: float | None = None  # the exact formula score before rounding (quantitative)
    target: float | None = None  # numbers compared, after unit conversion (quantitative)
    actual: float | None = None
    level: QualLevel | None = None  # the band the wording fell in (qualitative)
    unrecognised_wording: bool = False  # qualitative 完成值 matching no level (or a completion with no date)
    approximate: bool = False  # the 完成值 is an approximate figure (约20家): never alone an error

    def exceeds(self, own: float, decimals: int | None) -> bool:
        """Is a written score above what the rules allow? A formula score
        accepts the clerk's rounding; a band's top is exact (it is already
        the highest writable score: 8 is not in [6, 7.99])."""
        if self.allowed_high is None:
            return False
        if self.formula is not None:
            return own > self.allowed_high and not score_matches(own, self.formula, decimals)
        return own > self.allowed_high + EPS

    def falls_short(self, own: float, decimals: int | None) -> bool:
        """Is a written score below the formula or the band's bottom?"""
        if self.allowed_low is None:
            return False
        if self.formula is not None:
            return own < self.allowed_low and not score_matches(own, self.formula, decimals)
        return own < self.allowed_low - EPS


def round_score(value: float, decimals: int) -> float:
    """Half-up rounding of a score (Python's round() is banker's rounding)."""
    scale = 10**decimals
    return int(value * scale + 0.5 + 1e-9) / scale if value >= 0 else -round_score(-value, decimals)


def highest_below(bound: float, decimals: int) -> float:
    """The highest score strictly below ``bound`` that can be written with
    ``decimals`` decimals: the top of a half-open band (8 → 7.99)."""
    scale = 10**decimals
    return (math.ceil(bound * scale - 1e-9) - 1) / scale


def clamp_to_band(own: float, low: float, high: float, decimals: int) -> float:
    """A self-score moved into [low, high], landing on a score writable with
    ``decimals`` decimals inside the band; a score already inside is kept."""
    scale = 10**decimals
    if own < low - EPS:
        return math.ceil(low * scale - 1e-9) / scale
    if own > high + EPS:
        return math.floor(high * scale + 1e-9) / scale
    return own
