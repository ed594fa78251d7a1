"""核定 of one 三级 indicator: which kind it is, then formula or band.

Quantitative indicators get their formula score (``quantitative.py``); a
self-score that equals it up to the clerk's rounding is kept as written, so
a clean form re-scores to exactly its own 总分. Qualitative indicators keep
their self-score clamped into the band of their wording
(``qualitative.py``). Anything that cannot be judged keeps the self-score
and says why.
"""

from __future__ import annotations

from perfeval_xl.model import Comparator, Indicator, Measure, Project, QualLevel
from perfeval_xl.scheme import Scheme
from perfeval_xl.scoring import qualitative
from perfeval_xl.scoring.assessment import (
    EQUAL,
    POSITIVE,
    QUALITATIVE,
    REVERSE,
    TIME,
    Assessment,
    clamp_to_band,
    round_score,
)
from perfeval_xl.scoring.quantitative import quantitative_score
from perfeval_xl.tolerance import fmt_number, score_matches
from perfeval_xl.values.timing import completion_of, deadline_met, effective_deadline
from perfeval_xl.values.units import MONEY_UNITS, normalise_unit, unit_factors

_BY_COMPARATOR = {
    Comparator.GE: POSITIVE,
    Comparator.GT: POSITIVE,
    Comparator.LE: REVERSE,
    Comparator.LT: REVERSE,
    Comparator.EQ: EQUAL,
}


def indicator_kind(ind: Indicator) -> str:
    """正向 / 反向 / 等于 / 定性 / 时效, or "" when the target is missing.

    A deadline target (10月底前, 春节前, 按期) is 时效. An explicit comparator wins; a bare number follows the 指标类型 column,
    else a money amount under a 成本 二级 is 反向 (costs are ceilings; a
    成本节约率 percentage stays 正向), else 正向 like 达到.
    """
    declared = (ind.kind.value or "").strip()
    target = ind.target.value
    if target is not None and target.timing is not None:
        return TIME  # a deadline is judged by its dates even where 指标类型 says 定性
    if declared == QUALITATIVE:
        return QUALITATIVE
    if target is None:
        return ""
    if not target.is_quantitative:
        return QUALITATIVE
    if target.comparator in _BY_COMPARATOR:
        return _BY_COMPARATOR[target.comparator]
    if declared in (POSITIVE, REVERSE):
        return declared
    is_cost = "成本" in (ind.level2.value or "") and (target.unit is None or normalise_unit(target.unit) in MONEY_UNITS)
    return REVERSE if is_cost else POSITIVE


# The assessments of the last project and scheme asked about: score_project
# and the XC5xx rules all need them. Keyed by identity, not by value (hashing a
# whole frozen Project costs more than assessing it); holding the objects keeps
# their ids from being reused.
_last: tuple[Project, Scheme, tuple[Assessment, ...]] | None = None


def assess_project(project: Project, scheme: Scheme) -> tuple[Assessment, ...]:
    """:func:`assess_indicator` of every indicator of ``project``, in order;
    computed once for a project and scheme."""
    global _last
    if _last is None or _last[0] is not project or _last[1] is not scheme:
        _last = (project, scheme, tuple(assess_indicator(ind, scheme) for ind in project.indicators))
    return _last[2]


def assess_indicator(ind: Indicator, scheme: Scheme) -> Assessment:
    """The 核定 of one indicator under ``scheme``; never raises on data."""
    own = ind.score.value
    weight = ind.weight.value
    kind = indicator_kind(ind)

    def keep(reason: str, **extra) -> Assessment:
        return Assessment(kind, judged=False, reason=f"{reason}，核定得分沿用自评得分", computed=own, **extra)

    if weight is None or weight <= 0:
        return keep("分值缺失或不为正数，无法核定")
    target, actual = ind.target.value, ind.actual.value
    if actual is None or (actual.number is None and not actual.text.strip()):
        return keep("全年完成值未填写，无法核定")
    if kind == "":
        return keep("年度指标值未填写，无法核定")
    if kind == TIME:
        return _assess_time(ind, scheme, weight)
    if kind == QUALITATIVE:
        if actual.is_quantitative and not qualitative.same_wording(target.text if target else "", actual.text):
            return keep(f"指标值为定性表述而完成值「{actual.text}」是数字，无法按档位核定")
        return _assess_qualitative(ind, scheme, weight)
    if not actual.is_quantitative:
        return keep(f"指标值是数字而完成值「{actual.text}」不是，无法按公式核定")
    return _assess_quantitative(ind, scheme, kind, weight, keep)


def _assess_quantitative(ind: Indicator, scheme: Scheme, kind: str, weight: float, keep) -> Assessment:
    target, actual = ind.target.value, ind.actual.value
    factors = unit_factors(target.unit, actual.unit)
    if factors is None:
        return keep(f"指标值单位「{target.unit}」与完成值单位「{actual.unit}」不同，无法比较")
    a = target.number * factors[0] * _fraction_scale(target, actual)
    b = actual.number * factors[1] * _fraction_scale(actual, target)
    note = ""
    if b < 0:
        b, note = 0.0, f"完成值 {fmt_number(actual.number)} 为负数，按 0 计；"
    open_question = _inexact_actual(kind, a, b, actual)
    if open_question:
        return keep(open_question)
    exact, met, why = quantitative_score(kind, a, b, weight, scheme.reverse_formula)
    exact = min(exact, weight)  # over-achievement never earns more than 分值
    # full marks are the 分值 as written (1.375 stays 1.375), never a rounding of it
    rounded = weight if met else min(round_score(exact, scheme.rounding), weight)
    own = ind.score.value
    if own is not None and score_matches(own, exact, ind.score.decimals):
        computed, tail = own, ""
    else:
        computed, tail = rounded, f"；核定得分 {fmt_number(rounded, scheme.rounding)}"
    return Assessment(
        kind,
        judged=True,
        reason=f"{kind}指标：{note}{why}{tail}",
        computed=computed,
        allowed_low=rounded,
        allowed_high=rounded,
        met=met,
        formula=exact,
        target=a,
        actual=b,
        approximate=actual.approximate,
    )


def _assess_qualitative(ind: Indicator, scheme: Scheme, weight: float) -> Assessment:
    level, why = qualitative.effective_level(ind.target.value, ind.actual.value)
    own = ind.score.value
    if level is None:
        return Assessment(
            QUALITATIVE,
            judged=False,
            reason=f"{why}，核定得分沿用自评得分",
            computed=own,
            unrecognised_wording=True,
        )
    return _banded(QUALITATIVE, level, why, own, scheme, weight)


def _banded(kind: str, level: QualLevel, why: str, own: float | None, scheme: Scheme, weight: float) -> Assessment:
    """The assessment of a qualitative or time indicator whose level is known:
    the self-score kept when inside the level's band, else moved into it."""
    low, high, band_text = qualitative.band(level, weight, scheme)
    r = scheme.rounding
    reason = f"{kind}指标：{why}，允许得分为分值的{band_text}，即 {fmt_number(low, r)}–{fmt_number(high, r)} 分"
    if own is None:
        computed = None
        reason += "；自评得分未填写"
    else:
        computed = clamp_to_band(own, low, high, r)
        if computed != own:
            reason += f"；自评得分 {fmt_number(own, r)} 不在该档内，核定为 {fmt_number(computed, r)}"
    return Assessment(
        kind,
        judged=True,
        reason=reason,
        computed=computed,
        allowed_low=low,
        allowed_high=high,
        met=level is QualLevel.ACHIEVED,
        level=level,
    )


def _fraction_scale(value: Measure, other: Measure) -> float:
    """100 when ``value`` is a bare fraction beside a percentage (0.98 against ≥95%:
    a cell left General holds the fraction), else 1."""
    if normalise_unit(value.unit) is None and normalise_unit(other.unit) == "%":
        if abs(value.number) <= 1.5 < abs(other.number):
            return 100.0
    return 1.0


# How far an approximate figure (约20家, 60万元左右) may be from the exact one.
APPROXIMATE_SHARE = 0.10


def _inexact_actual(kind: str, a: float, b: float, actual: Measure) -> str:
    """Why a bound or an approximate actual leaves the outcome open ("" when it
    does not): ``30家以上`` meets ≥30 but says nothing about ≥40; ``约19家``
    may well be 20."""
    comparator = actual.comparator
    written = f"完成值「{actual.text}」"
    if comparator in (Comparator.GE, Comparator.GT):  # a lower bound
        if (kind == POSITIVE and b >= a) or (kind == REVERSE and b > a):
            return ""
        return f"{written}只给出下限，无法判断是否达到指标值"
    if comparator in (Comparator.LE, Comparator.LT):  # an upper bound
        if (kind == REVERSE and b <= a) or (kind == POSITIVE and b < a):
            return ""
        return f"{written}只给出上限，无法判断是否达到指标值"
    if actual.approximate:
        low, high = b * (1 - APPROXIMATE_SHARE), b * (1 + APPROXIMATE_SHARE)
        if kind == POSITIVE and (low >= a or high < a):
            return ""
        if kind == REVERSE and (high <= a or low > a):
            return ""
        return f"{written}是约数，与指标值 {fmt_number(a, 4)} 相差在约数的误差之内，无法判断是否达到"
    return ""


def _assess_time(ind: Indicator, scheme: Scheme, weight: float) -> Assessment:
    """A deadline: met is 达成; missed is scored as a missed qualitative target
    (部分达成 when it was done late, 未达成 when the words say it was not done);
    unknown keeps the self-score. When no date or words decide it, the
    完成值's wording is banded as any qualitative answer (``部分实现``)."""
    target, actual = ind.target.value, ind.actual.value
    done = completion_of(actual)
    met = deadline_met(target.timing, done) if done is not None else None
    if met is None and not qualitative.same_wording(target.text, actual.text):
        if done is None and actual.level is not None:
            return _assess_qualitative(ind, scheme, weight)
        if done is None and actual.is_quantitative:
            return Assessment(
                TIME,
                judged=False,
                reason=f"期限「{target.text}」的完成值「{actual.text}」是数字而不是日期，核定得分沿用自评得分",
                computed=ind.score.value,
            )
        return Assessment(
            TIME,
            judged=False,
            reason=f"无法判断完成值「{actual.text}」是否在期限「{target.text}」内，核定得分沿用自评得分",
            computed=ind.score.value,
            unrecognised_wording=True,
        )
    dates = f"期限「{target.text}」{_deadline_text(target, done)}，完成值「{actual.text}」{_done_text(done, actual.text)}"
    if met is None or met:
        level, why = QualLevel.ACHIEVED, f"{dates}，按期完成"
    else:
        level = QualLevel.NOT_ACHIEVED if actual.level is QualLevel.NOT_ACHIEVED else QualLevel.PARTIAL
        why = f"{dates}，未按期完成"
    return _banded(TIME, level, why, ind.score.value, scheme, weight)


def _deadline_text(target: Measure, done) -> str:
    deadline = effective_deadline(target.timing, done) if target.timing and done else None
    if deadline is None:
        return ""
    if deadline.first == deadline.last:
        return f"（即不晚于 {deadline.last.isoformat()}）"
    return f"（即不晚于 {deadline.first.isoformat()}，宽松理解不晚于 {deadline.last.isoformat()}）"


def _done_text(done, written: str) -> str:
    period = done.done() if done is not None else None
    if period is None or written in (str(period), _zh_date(period.last)):
        return ""  # 2023年12月20日 needs no (2023-12-20) after it
    return f"（{period}）"


def _zh_date(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
