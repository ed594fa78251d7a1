"""Fault injection: recall and false alarms of the cross-check catalog.

Usage::

    python benchmarks/fault_injection.py [--clean 100] [--per-fault 30] [--seed 0]

Clean projects come from ``tests.support.synth`` (consistent figures, six
sectors, 部门评价 / 财政评价 / 单位自评, in the wording real forms use: deadlines
met by date cells, 30家以上, 约20家, 全部发放, unit costs, 小计 rows, a blank
等次 — see ``PHRASINGS``) written as real workbooks in random layouts, read
back by the reader and checked by the whole pipeline
(``pipeline.evaluate_file``: reader, scoring and every rule), so the figures
measure what a clerk would get.

- **False alarms**: every warning or error on a clean workbook. Reported for
  the XC1xx–XC4xx catalog (this benchmark's subject) and for everything else.
- **Recall**: each fault kind below is injected into fresh clean projects (a
  random indicator / row each time); it counts as found when a warning or
  error sits on the fault's *anchor* cell — the cell a reviewer must look at,
  as named per fault (for a sum that does not add up: the total's cell).

Faulted workbooks are written without formulas: a formula cell recomputes
itself, so a wrong figure cannot be planted in it. (Clean 单位自评 workbooks
with formulas get a 总分 row of =SUM over the indicator rows, i.e. 分值 90 and
the indicator subtotal; the catalog accepts that convention, see XC205/XC206.)
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import datetime as dt
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout, not installed

from perfeval_xl.findings import Finding, Severity  # noqa: E402
from perfeval_xl.pipeline import evaluate_file  # noqa: E402
from tests.support.synth import deadlines, write_project  # noqa: E402
from tests.support.synth.canon import fmt_plain, is_approximate, is_qualified, number_of, parse_measure  # noqa: E402
from perfeval_xl.outputs.template.layout import CHOICES, LayoutOptions  # noqa: E402
from perfeval_xl.outputs.template.spec import IndicatorSpec, ProjectSpec, SubtotalSpec  # noqa: E402
from tests.support.synth.variants import random_layout, random_spec  # noqa: E402

OURS = ("XC1", "XC2", "XC3", "XC4")
GRADES = ("优", "良", "中", "差")

# A fault changes a spec in place and returns the model path of its anchor, or
# None when it does not apply to this project.
Fault = Callable[[ProjectSpec, random.Random], "str | None"]


# ---------------------------------------------------------------- helpers


def _pct(fraction: float) -> str:
    return f"{fraction * 100:.2f}%"


def _indices(spec: ProjectSpec, test: Callable[[IndicatorSpec], bool]) -> list[int]:
    return [i for i, ind in enumerate(spec.indicators) if test(ind)]


def _quantitative(ind: IndicatorSpec) -> bool:
    m = parse_measure(ind.target)
    return isinstance(m, tuple) and m[2] not in (None, "")


def _deadline(spec: ProjectSpec, ind: IndicatorSpec) -> deadlines.Deadline | None:
    """The deadline a 时效 indicator's target names (None when it names none)."""
    return deadlines.deadline_of(ind.target, spec.year) if isinstance(ind.target, str) and spec.year else None


def _dated_deadline(spec: ProjectSpec, ind: IndicatorSpec) -> bool:
    deadline = _deadline(spec, ind)
    return deadline is not None and deadline.dated


def _full_marks(spec: ProjectSpec, i: int, deviation: str) -> str:
    """Give indicator ``i`` its whole 分值, with a 偏差原因, and keep 总分 and 等次 consistent."""
    ind = spec.indicators[i]
    ind.score, ind.deviation = number_of(ind.weight), deviation
    _retotal(spec)
    return f"indicators[{i}].score"


def _retotal(spec: ProjectSpec) -> None:
    """总分 = Σ 得分 (+ the funds 得分 under 单位自评), 等次 its band (a blank 等次 stays blank)."""
    spec.total_score = round(sum(number_of(x.score) or 0 for x in spec.indicators) + _funds_in_total(spec), 2)
    spec.grade = _band(spec.total_score) if spec.grade else ""


_LATE_REASON = "原因：受汛期和招标进度影响工期顺延；措施：加强调度，督促施工单位加快进度。"


def _pick(rng: random.Random, choices: list[int]) -> int | None:
    return rng.choice(choices) if choices else None


def _total(spec: ProjectSpec):
    return spec.funds["total"]


def _set_spent(spec: ProjectSpec, spent: float) -> None:
    """Change 全年执行数 keeping 其中 rows, 执行率 and 得分 consistent."""
    total = _total(spec)
    budget = number_of(total.budget)
    delta = spent - number_of(total.spent)
    total.spent = round(spent, 2)
    fiscal = spec.funds.get("fiscal")
    if fiscal is not None and number_of(fiscal.spent) is not None:
        fiscal.spent = round(number_of(fiscal.spent) + delta, 2)
    rate = total.spent / budget
    total.rate = _pct(rate)
    total.score = round(min(round(rate, 4), 1) * 10, 2)


# ---------------------------------------------------------------- faults


def wrong_rate(spec, rng):
    rate = number_of(_total(spec).rate, percent=True)
    _total(spec).rate = _pct(rate - rng.uniform(0.03, 0.2) if rate > 0.5 else rate + 0.1)
    return "funds.total.rate"


def _beyond_rounding(written: float, true: float) -> bool:
    """Is ``written`` wrong even as a rounding of ``true`` to the decimals it shows?
    (The writer drops trailing zeros: 97.00% is shown 97%, a rounding of 96.6%.)"""
    decimals = len(fmt_plain(written, 2).partition(".")[2])
    return abs(written - true) > 0.5 * 10**-decimals + 1e-9


def rate_slightly_wrong(spec, rng):
    """Off by 0.3–1 percentage point: beyond rounding, easy to miss by eye."""
    rate = number_of(_total(spec).spent) / number_of(_total(spec).budget)
    offset = rng.choice((-1, 1)) * rng.uniform(0.003, 0.01) if rate < 0.99 else -0.005
    wrong = round((rate + offset) * 100, 2)
    if not _beyond_rounding(wrong, rate * 100):  # 96.6% written 97%: show the hundredths
        wrong = round(wrong + (0.07 if offset > 0 else -0.07), 2)
    _total(spec).rate = f"{wrong:.2f}%"
    return "funds.total.rate"


def total_slightly_wrong(spec, rng):
    true = number_of(spec.total_score)
    deltas = [sign * step for sign in (-1, 1) for step in (0.05, 0.1, 0.25, 0.5)]
    rng.shuffle(deltas)
    spec.total_score = next(round(true + d, 2) for d in deltas if _beyond_rounding(round(true + d, 2), true))
    return "total_score"


def parts_off_by_cents(spec, rng):
    """A 其中 row 0.05–0.5 万元 (500–5000 元) off its total."""
    fiscal = spec.funds.get("fiscal")
    if fiscal is None or number_of(fiscal.spent) is None:
        return None
    fiscal.spent = round(number_of(fiscal.spent) - rng.choice((0.05, 0.1, 0.5)), 2)
    return "funds.total.spent"


def wrong_funds_score(spec, rng):
    score = number_of(_total(spec).score)
    _total(spec).score = round(score - rng.choice((1, 2, 0.5)), 2) if score >= 2 else score + 1
    return "funds.total.score"


def parts_do_not_sum(spec, rng):
    fiscal = spec.funds.get("fiscal")
    column = rng.choice(("initial", "budget", "spent"))
    if fiscal is None or number_of(getattr(fiscal, column)) is None:
        return None
    setattr(fiscal, column, round(number_of(getattr(fiscal, column)) * rng.uniform(0.6, 0.95), 2))
    return f"funds.total.{column}"


def spent_over_budget(spec, rng):
    _set_spent(spec, number_of(_total(spec).budget) * rng.uniform(1.05, 1.3))
    return "funds.total.spent"


def budget_missing(spec, rng):
    _total(spec).budget = rng.choice((None, 0))
    return "funds.total.budget"


def unexplained_adjustment(spec, rng):
    total = _total(spec)
    factor = rng.uniform(0.7, 0.95)
    total.initial = round(number_of(total.initial) * factor, 2)
    fiscal = spec.funds.get("fiscal")
    if fiscal is not None and number_of(fiscal.initial) is not None:
        others = sum(number_of(getattr(spec.funds[k], "initial")) or 0 for k in ("carryover", "other"))
        fiscal.initial = round(total.initial - others, 2)
    return "funds.total.budget"


def low_execution_unexplained(spec, rng):
    _set_spent(spec, number_of(_total(spec).budget) * rng.uniform(0.5, 0.85))
    for ind in spec.indicators:
        if "执行率" in ind.name:
            ind.deviation = ""
    return "funds.total.rate"


def weight_total_wrong(spec, rng):
    i = rng.randrange(len(spec.indicators))
    ind = spec.indicators[i]
    ind.weight = number_of(ind.weight) + rng.choice((1, 2, -1))
    ind.score = min(number_of(ind.score), ind.weight)
    _retotal(spec)
    return "total_weight"


def level1_weights_swapped(spec, rng):
    """Two indicators of different 一级 trade weight: Σ stays right, both groups go wrong."""
    groups = defaultdict(list)
    for i, ind in enumerate(spec.indicators):
        groups[ind.level1].append(i)
    labels = [g for g in groups if groups[g]]
    if len(labels) < 2:
        return None
    a_label, b_label = rng.sample(labels, 2)
    a, b = rng.choice(groups[a_label]), rng.choice(groups[b_label])
    wa, wb = number_of(spec.indicators[a].weight), number_of(spec.indicators[b].weight)
    if wa == wb:
        return None
    for i, w in ((a, wb), (b, wa)):
        ind = spec.indicators[i]
        ratio = number_of(ind.score) / number_of(ind.weight)
        ind.weight, ind.score = w, round(w * ratio, 2)
    _retotal(spec)
    first = min(groups[a_label][0], groups[b_label][0])
    return f"indicators[{first}].level1_weight"


def score_over_weight(spec, rng):
    i = rng.randrange(len(spec.indicators))
    spec.indicators[i].score = number_of(spec.indicators[i].weight) + rng.choice((1, 2, 5))
    return f"indicators[{i}].score"


def weight_not_positive(spec, rng):
    i = rng.randrange(len(spec.indicators))
    spec.indicators[i].weight = rng.choice((0, -2, None))
    return f"indicators[{i}].weight"


def score_blank(spec, rng):
    i = rng.randrange(len(spec.indicators))
    spec.indicators[i].score = None
    return f"indicators[{i}].score"


def total_score_wrong(spec, rng):
    spec.total_score = round(number_of(spec.total_score) + rng.choice((-5, -2, -1, 1, 3)), 2)
    return "total_score"


def total_weight_wrong(spec, rng):
    spec.total_weight = rng.choice((90, 110, 120))
    return "total_weight"


def grade_wrong(spec, rng):
    spec.grade = rng.choice([g for g in GRADES if g != spec.grade])
    return "grade.value"


def duplicate_indicator(spec, rng):
    if len(spec.indicators) < 2:
        return None
    i, j = sorted(rng.sample(range(len(spec.indicators)), 2))
    spec.indicators[j].name = spec.indicators[i].name
    return f"indicators[{j}].name"


def target_placeholder(spec, rng):
    i = rng.randrange(len(spec.indicators))
    spec.indicators[i].target = rng.choice(("≥**", "≥XX%", "___", "……", "-", ""))
    return f"indicators[{i}].target"


def method_unknown(spec, rng):
    spec.method = rng.choice(("第三方评价", "绩效自评价", "综合评价"))
    return "method"


def execution_indicator_wrong(spec, rng):
    i = _pick(rng, _indices(spec, lambda ind: "执行率" in ind.name))
    if i is None:
        return None
    rate = number_of(_total(spec).rate, percent=True)
    spec.indicators[i].actual = _pct(max(rate - rng.uniform(0.05, 0.3), 0.1))
    return f"indicators[{i}].actual"


def arrival_below_execution(spec, rng):
    i = _pick(rng, _indices(spec, lambda ind: "到位率" in ind.name))
    rate = number_of(_total(spec).rate, percent=True)
    if i is None or rate < 0.5:
        return None
    spec.indicators[i].actual = _pct(rate - rng.uniform(0.1, 0.4))
    return f"indicators[{i}].actual"


def _money_cost_totals(spec: ProjectSpec) -> list[int]:
    """Cost indicators in money that are not per-unit costs (项目总成本, a contract price, one item's cost)."""
    def money_total(ind):
        m = parse_measure(ind.target)
        return ("成本" in ind.level2 and isinstance(m, tuple) and m[2] in ("万元", "元")
                and not any(w in ind.name for w in ("单位", "每", "均", "单价")))
    return _indices(spec, money_total)


def cost_differs(spec, rng):
    """The project's total cost ≠ B. Only where 项目总成本 is the form's one money cost
    total: beside a contract price both cover parts, and XC303 compares neither."""
    totals = _money_cost_totals(spec)
    if len(totals) != 1 or spec.indicators[totals[0]].name != "项目总成本":
        return None
    i = totals[0]
    spent = number_of(_total(spec).spent)
    spec.indicators[i].actual = f"{spent * rng.uniform(0.5, 0.95):.2f}万元"
    return f"indicators[{i}].actual"


def cost_written_ge(spec, rng):
    i = _pick(rng, _indices(spec, lambda ind: ind.name == "项目总成本"))
    if i is None:
        return None
    ind = spec.indicators[i]
    ind.target = rng.choice(("≥", "=")) + ind.target.lstrip("≤<=")
    return f"indicators[{i}].target"


def actual_not_numeric(spec, rng):
    i = _pick(rng, _indices(spec, _quantitative))
    if i is None:
        return None
    spec.indicators[i].actual = rng.choice(("完成", "已完成", "达成预期指标", "全部完成"))
    return f"indicators[{i}].actual"


def unit_mismatch(spec, rng):
    i = _pick(rng, _indices(spec, _quantitative))
    if i is None:
        return None
    ind = spec.indicators[i]
    _, number, unit = parse_measure(ind.actual)
    other = rng.choice([u for u in ("个", "次", "项", "人次") if u != unit])
    ind.actual = f"{number:g}{other}"
    return f"indicators[{i}].actual"


def missed_without_deviation(spec, rng):
    def missable(ind):
        m = parse_measure(ind.target)
        return (isinstance(m, tuple) and m[0] == "≥" and m[1] > 0) or ind.target in ("全部符合",)

    i = _pick(rng, _indices(spec, missable))
    if i is None:
        return None
    ind = spec.indicators[i]
    m = parse_measure(ind.target)
    if isinstance(m, tuple):
        ind.actual = f"{m[1] * rng.uniform(0.5, 0.9):.2f}{m[2] or ''}"
    else:
        ind.actual = rng.choice(("部分实现", "基本符合", "未完成"))
    ind.deviation = ""
    return f"indicators[{i}].deviation"


def satisfaction_over_100(spec, rng):
    i = _pick(rng, _indices(spec, lambda ind: "满意" in ind.name))
    if i is None:
        return None
    spec.indicators[i].actual = rng.choice(("101%", "105%", "120%"))
    return f"indicators[{i}].actual"


def negative_actual(spec, rng):
    i = _pick(rng, _indices(spec, _quantitative))
    if i is None:
        return None
    ind = spec.indicators[i]
    _, number, unit = parse_measure(ind.actual)
    ind.actual = f"-{number:g}{unit or ''}" if number else f"-1{unit or ''}"
    return f"indicators[{i}].actual"


def actual_blank(spec, rng):
    i = rng.randrange(len(spec.indicators))
    spec.indicators[i].actual = ""
    return f"indicators[{i}].actual"


def _done_late(spec: ProjectSpec, rng: random.Random) -> int | None:
    """A 时效 indicator with a dated deadline, now done after it (a date cell or a date text)."""
    i = _pick(rng, _indices(spec, lambda ind: _dated_deadline(spec, ind)))
    if i is not None:
        ind = spec.indicators[i]
        ind.actual = deadlines.late_completion(rng, _deadline(spec, ind), spec.year)
    return i


def deadline_missed_full_marks(spec, rng):
    """A 时效 indicator done after its deadline, still at full marks."""
    i = _done_late(spec, rng)
    return None if i is None else _full_marks(spec, i, _LATE_REASON)


def deadline_late_words_full_marks(spec, rng):
    """A 时效 indicator whose 完成值 says it was late or only partly done, still at full marks."""
    i = _pick(rng, _indices(spec, lambda ind: _deadline(spec, ind) is not None))
    if i is None:
        return None
    spec.indicators[i].actual = rng.choice(("延期至次年3月", "部分未按期完成", "未按期完成", "部分完成", "延期完成"))
    return _full_marks(spec, i, _LATE_REASON)


def deadline_missed_unexplained(spec, rng):
    """Done after the deadline, scored in the 部分达成 band, with no 偏差原因."""
    i = _done_late(spec, rng)
    if i is None:
        return None
    ind = spec.indicators[i]
    ind.score, ind.deviation = round(number_of(ind.weight) * 0.7, 2), ""
    _retotal(spec)
    return f"indicators[{i}].deviation"


def subtotal_wrong(spec, rng):
    """A 小计 row whose 分值 or 得分 is not the sum of its rows (the layout gets 小计 rows)."""
    groups = list(dict.fromkeys(ind.level1 for ind in spec.indicators))
    k = rng.randrange(len(groups))
    members = [ind for ind in spec.indicators if ind.level1 == groups[k]]
    column = rng.choice(("weight", "score"))
    figure = round(sum(number_of(getattr(ind, column)) for ind in members), 2)
    wrong = round(figure + rng.choice((-3, -2, -1, -0.5, 1, 2)), 2)
    spec.subtotals = [SubtotalSpec(groups[k], **{column: wrong})]
    return f"subtotals[{k}].{column}"


def _counted(ind: IndicatorSpec) -> bool:
    m = parse_measure(ind.target)
    return isinstance(m, tuple) and m[0] == "≥" and m[1] >= 5 and m[2] not in (None, "%") and "成本" not in ind.level2


def approximate_short_full_marks(spec, rng):
    """约12家 against ≥20家 at full marks: short by far more than an approximation's margin."""
    i = _pick(rng, _indices(spec, _counted))
    if i is None:
        return None
    ind = spec.indicators[i]
    _, number, unit = parse_measure(ind.target)
    figure = max(1, round(number * rng.uniform(0.4, 0.75)))
    ind.actual = rng.choice(("约{}{}", "{}{}左右")).format(figure, unit)
    return _full_marks(spec, i, "原因：部分对象未纳入；措施：下年度加大工作力度。")


def qualified_target_missed(spec, rng):
    """A target written 30家以上 / 3个工作日内, missed by an exact figure, at full marks."""
    i = _pick(rng, _indices(spec, lambda ind: is_qualified(ind.target) and isinstance(parse_measure(ind.target), tuple)))
    if i is None:
        return None
    ind = spec.indicators[i]
    comparator, number, unit = parse_measure(ind.target)
    factor = rng.uniform(0.5, 0.85) if comparator == "≥" else rng.uniform(1.3, 2)
    ind.actual = f"{max(1, round(number * factor))}{unit}"
    return _full_marks(spec, i, "原因：受客观因素影响；措施：加强调度。")


def unit_cost_over_full_marks(spec, rng):
    """A unit cost or contract price above its ceiling, at full marks."""
    def ceiling(ind):
        m = parse_measure(ind.target)
        return "成本" in ind.level2 and ind.name != "项目总成本" and isinstance(m, tuple) and m[0] == "≤"

    i = _pick(rng, _indices(spec, ceiling))
    if i is None:
        return None
    ind = spec.indicators[i]
    _, number, unit = parse_measure(ind.target)
    ind.actual = f"{number * rng.uniform(1.15, 1.5):.2f}{unit}"
    return _full_marks(spec, i, "原因：材料价格上涨；措施：加强成本控制。")


FAULTS: dict[str, Fault] = {
    f.__name__: f
    for f in (
        wrong_rate, rate_slightly_wrong, wrong_funds_score, parts_do_not_sum, parts_off_by_cents, spent_over_budget, budget_missing,
        unexplained_adjustment, low_execution_unexplained, weight_total_wrong, level1_weights_swapped,
        score_over_weight, weight_not_positive, score_blank, total_score_wrong, total_slightly_wrong,
        total_weight_wrong,
        grade_wrong, duplicate_indicator, target_placeholder, method_unknown, execution_indicator_wrong,
        arrival_below_execution, cost_differs, cost_written_ge, actual_not_numeric, unit_mismatch,
        missed_without_deviation, satisfaction_over_100, negative_actual, actual_blank,
        deadline_missed_full_marks, deadline_late_words_full_marks, deadline_missed_unexplained, subtotal_wrong,
        approximate_short_full_marks, qualified_target_missed, unit_cost_over_full_marks,
    )
}


def _funds_in_total(spec: ProjectSpec) -> float:
    return number_of(_total(spec).score) or 0 if spec.method == "单位自评" else 0


def _band(total: float) -> str:
    return next(g for g, low in (("优", 90), ("良", 80), ("中", 60), ("差", -1e9)) if total >= low - 1e-9)


# ---------------------------------------------------------------- real-form phrasings

_DATE_TEXT = re.compile(r"\d{1,2}月(\d{1,2}日|底)")


def _any(spec: ProjectSpec, test: Callable[[IndicatorSpec], bool]) -> bool:
    return any(test(ind) for ind in spec.indicators)


# The phrasings of issue 19 a clean workbook may hold (each must raise nothing).
PHRASINGS: dict[str, Callable[[ProjectSpec, LayoutOptions], bool]] = {
    "date cell": lambda spec, _: _any(spec, lambda ind: isinstance(ind.actual, dt.date)),
    "date text": lambda spec, _: _any(spec, lambda ind: _deadline(spec, ind) is not None
                                      and isinstance(ind.actual, str) and bool(_DATE_TEXT.search(ind.actual))),
    "deadline met in words": lambda spec, _: _any(spec, lambda ind: _dated_deadline(spec, ind)
                                                  and ind.actual in ("按期完成", "提前完成", "按时完成", "如期完成")),
    "festival deadline": lambda spec, _: _any(spec, lambda ind: ind.target == "春节前"),
    "qualified target": lambda spec, _: _any(spec, lambda ind: is_qualified(ind.target)),
    "approximate actual": lambda spec, _: _any(spec, lambda ind: is_approximate(ind.actual)),
    "restating actual": lambda spec, _: _any(spec, lambda ind: ind.target in ("按时足额发放", "按期完工", "应保尽保")
                                             and ind.actual != ind.target and ind.score == ind.weight),
    "unit cost": lambda spec, _: _any(spec, lambda ind: "成本" in ind.level2 and "/" in ind.target),
    "contract price": lambda spec, _: _any(spec, lambda ind: "合同" in ind.name),
    "小计 rows": lambda _, layout: layout.subtotal_rows != "none",
    "closing rows": lambda _, layout: layout.closing_rows,
    "blank 等次": lambda spec, _: spec.grade == "",
}


# ---------------------------------------------------------------- running


def _alarms(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]


def _clean_layout(spec: ProjectSpec, rng: random.Random, formulas_allowed: bool):
    layout = random_layout(rng)
    if not formulas_allowed:
        layout = dataclasses.replace(layout, formulas=False, sum_formulas=False)
    if spec.subtotals and layout.subtotal_rows == "none":  # a planted 小计 needs its row
        layout = dataclasses.replace(layout, subtotal_rows=rng.choice(CHOICES["subtotal_rows"][1:]))
    return layout


def _evaluate(spec, layout, folder: Path, name: str):
    path = folder / f"{name}.xlsx"
    expected = write_project(spec, layout, path)
    return expected, evaluate_file(path, path.name)


def clean_case(seed: int, k: int) -> tuple[ProjectSpec, LayoutOptions]:
    """The ``k``-th clean (spec, layout) of a run: formulas allowed."""
    rng = random.Random(seed * 100_000 + k)
    spec = random_spec(rng)
    return spec, _clean_layout(spec, rng, True)


def measure_clean(count: int, seed: int, folder: Path, out) -> tuple[int, int]:
    """Returns (files with any warning or error, of them with an XC1xx–XC4xx one)."""
    ours, others = Counter(), Counter()
    files_with_ours = files_with_any = 0
    seen = Counter()
    for k in range(count):
        spec, layout = clean_case(seed, k)
        seen.update(name for name, present in PHRASINGS.items() if present(spec, layout))
        _, result = _evaluate(spec, layout, folder, f"clean_{k}")
        if result.failure:
            print(f"  clean {k}: 读取失败 {result.failure}", file=out)
            files_with_any += 1
            continue
        alarms = _alarms(result.findings)
        mine = [f for f in alarms if f.rule.startswith(OURS)]
        files_with_ours += bool(mine)
        files_with_any += bool(alarms)
        for f in alarms:
            (ours if f in mine else others)[f.rule] += 1
            print(f"  clean {k}: {f.rule} {f.severity.value} {f.location} {f.message}", file=out)
    print(f"clean workbooks: {count}; with any warning/error: {files_with_any}; "
          f"with an XC1xx–XC4xx one: {files_with_ours}", file=out)
    print(f"  XC1xx–XC4xx alarms: {sum(ours.values())} {dict(ours)}", file=out)
    print(f"  other rules' alarms (scoring/narrative/reader): {sum(others.values())} {dict(others)}", file=out)
    print("  real-form phrasings (workbooks holding each): "
          + ", ".join(f"{name} {seen[name]}" for name in PHRASINGS), file=out)
    return files_with_any, files_with_ours


def measure_recall(per_fault: int, seed: int, folder: Path, out) -> float:
    found_total = tried_total = 0
    for name, fault in FAULTS.items():
        found = tried = attempts = 0
        caught_by = Counter()
        while tried < per_fault and attempts < per_fault * 5:
            attempts += 1
            rng = random.Random(f"{seed}:{name}:{attempts}")
            spec = copy.deepcopy(random_spec(rng))
            anchor = fault(spec, rng)
            if anchor is None:
                continue
            layout = _clean_layout(spec, rng, formulas_allowed=False)
            expected, result = _evaluate(spec, layout, folder, f"{name}_{attempts}")
            target = expected.get(anchor)
            if result.failure or target is None or target.cell is None:
                continue  # this layout has no such cell (e.g. no 评价方式 row)
            tried += 1
            hits = [f for f in _alarms(result.findings) if f.sheet == target.sheet and f.cell == target.cell]
            if hits:
                found += 1
                caught_by.update({f.rule for f in hits})
            else:
                near = "; ".join(f"{f.rule}@{f.cell}" for f in _alarms(result.findings)) or "无"
                print(f"  MISSED {name} #{attempts} at {target.sheet}!{target.cell} ({anchor}); findings: {near}", file=out)
        found_total += found
        tried_total += tried
        share = found / tried if tried else float("nan")
        print(f"{name:28s} {found:3d}/{tried:<3d} {share:7.1%}  {dict(caught_by)}", file=out)
    recall = found_total / tried_total if tried_total else float("nan")
    print(f"recall: {found_total}/{tried_total} = {recall:.1%}", file=out)
    return recall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", type=int, default=100, help="clean workbooks for the false-alarm count")
    parser.add_argument("--per-fault", type=int, default=30, help="faulted workbooks per fault kind")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files_with_alarms, _ = measure_clean(args.clean, args.seed, folder, sys.stdout)
        recall = measure_recall(args.per_fault, args.seed, folder, sys.stdout)
    print(f"time: {time.time() - started:.0f} s")
    return 0 if recall >= 0.99 and files_with_alarms == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
