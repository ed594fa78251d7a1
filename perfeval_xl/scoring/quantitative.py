"""Formulas for quantitative (定量) indicators.

- 正向 (≥ > 不低于 达到, bare numbers): full 分值 when 完成值 B ≥ 指标值 A,
  else B/A × 分值; over-achievement is capped at 分值.
- 反向 (≤ <, 成本 indicators): full when B ≤ A, else by the scheme's
  ``reverse_formula``: ``ratio`` A/B × 分值, or ``linear``
  (1 − (B − A)/A) × 分值, reaching 0 at B = 2A.
- 等于 (=): full when B = A; below, B/A × 分值 as for 正向; above, A/B ×
  分值 (the excess costs as much as a shortfall of the same proportion).
- A target of 0 (≤0 起 accidents, =0 complaints): full when B ≤ 0, else 0;
  a 正向 target of 0 is always met.
- A negative 完成值 counts as 0 (FASP2 does the same).

``>`` is scored like ``≥`` and ``<`` like ``≤``, as the finance systems do:
an actual exactly on the boundary is not worth an error.
"""

from __future__ import annotations

from perfeval_xl.scoring.assessment import EQUAL, POSITIVE, REVERSE
from perfeval_xl.tolerance import fmt_number

_SAME = 1e-9


def quantitative_score(kind: str, target: float, actual: float, weight: float, reverse_formula: str):
    """The exact formula score, whether the target was met, and a Chinese
    explanation. ``target`` and ``actual`` are in one unit, ``actual`` ≥ 0."""
    a, b, w = target, actual, weight
    fa, fb, fw = fmt_number(a, 4), fmt_number(b, 4), fmt_number(w)
    if kind == POSITIVE:
        if b >= a - _SAME * max(1.0, abs(a)):
            return w, True, f"完成值 {fb} 达到指标值 {fa}，得满分 {fw}"
        if a <= 0:
            return w, True, f"指标值为 {fa}，完成值 {fb} 已达到，得满分 {fw}"
        score = b / a * w
        return score, False, f"完成值 {fb} 未达到指标值 {fa}：{fb}/{fa} × {fw} = {fmt_number(score)}"
    if kind == REVERSE:
        if b <= a + _SAME * max(1.0, abs(a)):
            return w, True, f"完成值 {fb} 未超过指标值 {fa}，得满分 {fw}"
        if a <= 0:
            return 0.0, False, f"指标值为 {fa}，完成值 {fb} 超出，得 0 分"
        if reverse_formula == "linear":
            score = max(0.0, 1 - (b - a) / a) * w
            return score, False, (
                f"完成值 {fb} 超过指标值 {fa}：按线性公式 (1 − ({fb} − {fa})/{fa}) × {fw} = {fmt_number(score)}"
            )
        score = a / b * w
        return score, False, f"完成值 {fb} 超过指标值 {fa}：按 指标值/完成值 × 分值 = {fa}/{fb} × {fw} = {fmt_number(score)}"
    if kind == EQUAL:
        if abs(b - a) <= _SAME * max(1.0, abs(a)):
            return w, True, f"完成值 {fb} 等于指标值 {fa}，得满分 {fw}"
        if a <= 0:
            return 0.0, False, f"指标值为 {fa}，完成值 {fb} 不等于指标值，得 0 分"
        if b < a:
            score = b / a * w
            return score, False, f"完成值 {fb} 低于指标值 {fa}：{fb}/{fa} × {fw} = {fmt_number(score)}"
        score = a / b * w
        return score, False, f"完成值 {fb} 高于指标值 {fa}（应等于）：{fa}/{fb} × {fw} = {fmt_number(score)}"
    raise ValueError(f"not a quantitative kind: {kind}")
