"""Bands for qualitative (定性) indicators.

Shares of 分值, with the scheme's ``qual_high`` / ``qual_low`` (0.8 / 0.6,
older schemes 0.8 / 0.5):

- 达成 [high, 100%]; 部分达成 [low, high); 未达成 [0, low);
- 基本符合 / 基本完成 / 基本实现 (QualLevel.BASIC): [low, high] closed, since
  practice scores them on either side of the boundary (the seed 60%, many
  counties 80%).

Half-open bands end at the highest score writable at the scheme's
rounding: 部分达成 of 10 points at 2 decimals allows at most 7.99.

Which band applies (``effective_level``):

- a 完成值 written exactly like its 指标值 (春节前 / 春节前) met the target: 达成;
- a BASIC 完成值 against a BASIC 指标值 (基本完成 / 基本完成) met what was
  promised: 达成. The target itself only asked for 基本完成, so holding
  the actual to the [60%, 80%] band would punish an exactly met target.
  Likewise any 完成值 at or above a lower-level 指标值 (基本完成 against
  部分完成);
- otherwise the level the reader recognised in the 完成值 wording; none
  means the indicator cannot be judged (rule XC506 asks for a clear wording).
"""

from __future__ import annotations

import unicodedata

from perfeval_xl.model import Measure, QualLevel
from perfeval_xl.scheme import Scheme
from perfeval_xl.scoring.assessment import highest_below

_TRAILING = "。.；;，,！!"
_RANK = {QualLevel.NOT_ACHIEVED: 0, QualLevel.PARTIAL: 1, QualLevel.BASIC: 2, QualLevel.ACHIEVED: 3}


def same_wording(a: str, b: str) -> bool:
    """Texts equal after width, whitespace and trailing punctuation are normalised."""

    def norm(text: str) -> str:
        return "".join(unicodedata.normalize("NFKC", text).split()).rstrip(_TRAILING)

    return bool(norm(a)) and norm(a) == norm(b)


def effective_level(target: Measure | None, actual: Measure) -> tuple[QualLevel | None, str]:
    """The band the 完成值 falls in and why (Chinese)."""
    if target is not None and same_wording(target.text, actual.text):
        return QualLevel.ACHIEVED, f"完成值「{actual.text}」与指标值一致，视为达成"
    if (
        target is not None
        and target.level not in (None, QualLevel.ACHIEVED)
        and actual.level is not None
        and _RANK[actual.level] >= _RANK[target.level]
    ):
        return QualLevel.ACHIEVED, f"指标值本身为「{target.text}」，完成值「{actual.text}」已达到，视为达成"
    if actual.level is None:
        return None, f"完成值「{actual.text}」无法归入达成、部分达成或未达成"
    return actual.level, f"完成值「{actual.text}」属于{actual.level.value}"


def band(level: QualLevel, weight: float, scheme: Scheme) -> tuple[float, float, str]:
    """The allowed score range for a level and how it reads (达成 [8, 10])."""
    high, low, r = scheme.qual_high * weight, scheme.qual_low * weight, scheme.rounding
    if level is QualLevel.ACHIEVED:
        lo, hi, text = high, weight, f"{_pct(scheme.qual_high)}（含）至100%"
    elif level is QualLevel.BASIC:
        lo, hi, text = low, high, f"{_pct(scheme.qual_low)}（含）至{_pct(scheme.qual_high)}（含）"
    elif level is QualLevel.PARTIAL:
        lo, hi, text = low, highest_below(high, r), f"{_pct(scheme.qual_low)}（含）至{_pct(scheme.qual_high)}（不含）"
    else:
        lo, hi, text = 0.0, highest_below(low, r), f"0 至{_pct(scheme.qual_low)}（不含）"
    return max(0.0, lo), max(0.0, hi), text


def _pct(share: float) -> str:
    return f"{share * 100:g}%"
