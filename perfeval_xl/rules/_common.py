"""Small model questions several rules ask: which indicator is the 预算执行率
one, is a unit money, was a target met, is there an explanation somewhere.

Kept here so that two rules never answer the same question differently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from perfeval_xl.model import (
    Comparator,
    Funds,
    Indicator,
    Measure,
    Project,
    QualLevel,
    Sourced,
)
from perfeval_xl.scheme import Scheme
from perfeval_xl.tolerance import money_equal, score_equal
from perfeval_xl.values.timing import completion_of, deadline_met
from perfeval_xl.values.units import MONEY_UNITS, normalise_unit, unit_factors

_WHITESPACE = re.compile(r"\s+")


def compact(text: str | None) -> str:
    """Text without any whitespace (clerks type 项 目 名 称)."""
    return _WHITESPACE.sub("", text or "")


def to_wan(number: float, unit: str | None) -> float | None:
    """A money figure in 万元, or None when the unit is not money."""
    factor = MONEY_UNITS.get(normalise_unit(unit) or "")
    return None if factor is None else number * factor


def comparable(target: Measure, actual: Measure) -> tuple[float, float] | None:
    """Target and actual numbers in one unit, or None when they cannot be compared.

    Money is converted to 万元 (60万元 and 600000元 are the same amount); a unit
    missing on one side is taken to be the other side's (clerks often write
    ``≥20家`` / ``20``), except a percentage against a bare number (0.95 may be
    a fraction). Different units give None (XC402 reports those).
    """
    if target.number is None or actual.number is None:
        return None
    t_unit, a_unit = normalise_unit(target.unit), normalise_unit(actual.unit)
    if "%" in (t_unit, a_unit) and None in (t_unit, a_unit):
        return None  # ≥90% against a bare 0.95: a fraction or a percentage? not guessed
    factors = unit_factors(target.unit, actual.unit)
    if factors is None:
        return None
    return target.number * factors[0], actual.number * factors[1]


def target_missed(target: Measure, actual: Measure) -> bool | None:
    """Whether the actual falls short of the target; None when it cannot be told.

    Time: by the deadline and the completion's date or words.
    Quantitative: by the comparator (a bare number counts as 达到, i.e. ≥);
    an approximate or bounded actual (约19家, 30家以上) decides nothing here.
    Qualitative: 部分达成 / 未达成 are misses; 基本达成 is a miss only against
    a 达成-level target (全部符合 → 基本符合), not against a 基本 target.
    """
    if target.timing is not None:
        done = completion_of(actual)
        if done is not None:
            met = deadline_met(target.timing, done)
            return None if met is None else not met
        if actual.is_quantitative:
            return None
    numbers = comparable(target, actual)
    if numbers is not None and (actual.approximate or actual.comparator is not Comparator.NONE):
        return None  # 约19家, 30家以上: an inexact actual never alone says the target was missed
    if numbers is not None:
        goal, got = numbers
        scale = max(abs(goal), 1.0) * 1e-9
        return {
            Comparator.GE: got < goal - scale,
            Comparator.NONE: got < goal - scale,
            Comparator.GT: got <= goal + scale,
            Comparator.LE: got > goal + scale,
            Comparator.LT: got >= goal - scale,
            Comparator.EQ: abs(got - goal) > scale,
        }[target.comparator]
    if target.is_quantitative or actual.is_quantitative:
        return None
    if actual.level in (QualLevel.PARTIAL, QualLevel.NOT_ACHIEVED):
        return True
    if actual.level is QualLevel.BASIC:
        return True if target.level is QualLevel.ACHIEVED else None
    if actual.level is QualLevel.ACHIEVED:
        return False
    return None


def named(project: Project, *keywords: str) -> Iterator[Indicator]:
    """Indicators whose 三级 name contains any keyword."""
    for ind in project.indicators:
        name = compact(ind.name.value)
        if any(k in name for k in keywords):
            yield ind


def is_cost_indicator(ind: Indicator) -> bool:
    """Cost indicators: 二级 产出成本 / 成本指标, or 一级 成本指标 (财预〔2021〕101号)."""
    return "成本" in compact(ind.level2.value) or "成本" in compact(ind.level1.value)


# names that say the indicator is the whole project's cost, not an item's
WHOLE_PROJECT = re.compile(r"项目总成本|总成本|项目成本|项目资金|项目总投资|项目总投入|总投入|总投资|资金总额|项目支出|项目经费|资金总量")


def stands_for_whole_project(ind: Indicator, project: Project) -> bool:
    """Is this cost indicator the project's whole spending? Its name says so
    (项目总成本), or its ceiling is the project's budget (≤60万元 with 全年预算数 60).
    A unit cost, a contract price or one item's cost is neither."""
    if WHOLE_PROJECT.search(compact(ind.name.value)):
        return True
    target = ind.target.value
    if target is None or target.number is None or project.funds is None:
        return False
    ceiling = to_wan(target.number, target.unit)
    budgets = [row.value for row in (project.funds.total.budget, project.funds.total.initial) if row.present]
    return ceiling is not None and any(money_equal(ceiling, b) for b in budgets)


def is_satisfaction_indicator(ind: Indicator) -> bool:
    return any("满意" in compact(s.value) for s in (ind.name, ind.level2, ind.level1))


def texts(project: Project) -> Iterable[str]:
    """Every free text where a clerk may have explained something."""
    for p in project.narrative:
        yield p.text
    for ind in project.indicators:
        if ind.deviation.value:
            yield ind.deviation.value  # "无" and the like never match an explanation pattern
    if project.goal_actual.value:
        yield project.goal_actual.value
    if project.funds is not None and project.funds.explanation.value:
        yield project.funds.explanation.value  # the funds block's own 原因 column


def any_text_matches(project: Project, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(compact(t)) for t in texts(project))


def shown_decimals_of(value: Sourced) -> int | None:
    """Like :func:`shown_decimals`, but a number cell's own format wins (the
    reader records it: 0.998 formatted ``0%`` is shown as 100%, 0 decimals)."""
    if value.decimals is not None:
        return value.decimals
    return shown_decimals(value.value) if isinstance(value.value, Measure) else None


def shown_decimals(measure: Measure) -> int | None:
    """Decimals of a percentage as the clerk sees it: from the text when it is
    written with ``%`` (``69.70%`` -> 2), else from the parsed number (a cell
    holding 0.9631 formatted as a percentage reads 96.31% -> 2)."""
    if measure.number is None:
        return None
    m = re.search(r"\d+(?:\.(\d+))?\s*[%％]", measure.text or "")
    if m:
        return len(m.group(1) or "")
    digits = f"{measure.number:.6f}".rstrip("0")
    return len(digits.split(".")[1])


def percent_of(measure: Measure) -> float | None:
    """A percentage measure as a fraction (``100%`` -> 1.0); None when it is not one."""
    if measure.number is None or normalise_unit(measure.unit) not in ("%", None):
        return None
    return measure.number / 100


def money_unit(unit: str | None) -> str | None:
    """The money part of a unit (``元/户`` -> ``元``), or None when it is not money."""
    head = (normalise_unit(unit) or "").split("/")[0]
    return head if head in MONEY_UNITS else None


def parts_sum(funds: Funds, attr: str) -> float | None:
    """Σ of the 其中 rows' filled cells in one column (None when all are blank)."""
    filled = [getattr(row, attr) for row in funds.parts if getattr(row, attr).present]
    return sum(cell.value for cell in filled) if filled else None


def is_indicator_subtotal_row(project: Project, scheme: Scheme) -> bool:
    """A 单位自评 form whose 总分 row totals the 90 indicator points only (分值 90 and
    得分 = Σ 三级得分), the funds block being scored beside it. Consistent in
    itself, so neither the 总分 nor its 分值 is wrong."""
    weight, score = project.total_weight, project.total_score
    if not (scheme.funds_in_total and weight.present and score.present):
        return False
    scores = [ind.score.value for ind in project.indicators]
    if not scores or any(s is None for s in scores):
        return False
    return score_equal(weight.value, scheme.indicator_total) and score_equal(score.value, sum(scores))


# what clerks type in 偏差原因 when they have nothing to say; none of it explains a miss
NO_EXPLANATION = {"无", "/", "／", "-", "—", "——", "－", "无偏差", "暂无", "没有", "不适用", "无。", "无偏差。"}


def explains(text: str | None) -> bool:
    """Does a 偏差原因 cell say anything?"""
    return compact(text) not in NO_EXPLANATION | {""}
