"""XC302: a 资金到位率 indicator that the funds block makes impossible."""

import re

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import compact, named, percent_of, shown_decimals_of
from perfeval_xl.tolerance import EPS, fmt_number, fmt_rate, rate_matches

# the money kind of 到位率, not 主推技术到位率 or 人员到位率
FUNDS_ARRIVAL = re.compile(r"^(?:资金|经费|预算|补助|财政|项目)?(?:资金)?到位率$|(?:资金|经费|预算资金|财政资金|补助资金)到位率")


@rule(
    id="XC302",
    name="indicators.arrival_rate_inconsistent",
    severity="error",
    title="资金到位率与资金表矛盾",
)
def check(project: Project, ctx: RuleContext) -> None:
    """“资金到位率”指标的完成值与项目资金表矛盾：低于执行率，或超过 100%。

    为什么：资金到位率 = 实际到位资金 / 预算资金。支出不可能多于到位的资金，
    所以到位率不能低于执行率 B/A；到位资金多于全年预算时应先调整预算，
    到位率不会超过 100%。

    何时报告：指标是资金的到位率（名称为“到位率”“资金到位率”“经费到位率”等；“主推技术
    到位率”“人员到位率”不是）、完成值是百分数，且低于资金表的 B/A
    （按完成值的小数位四舍五入或截断后仍低），或高于 100%。

    何时通过：B/A ≤ 到位率 ≤ 100%；完成值不是百分数时不检查，缺 A、B 时只检查上限。
    """
    row = project.funds.total if project.funds is not None else None
    for ind in named(project, "到位率"):
        if not FUNDS_ARRIVAL.search(compact(ind.name.value)):
            continue  # 主推技术到位率, 人员到位率: not money
        if not ind.actual.present:
            continue
        arrival = percent_of(ind.actual.value)
        if arrival is None:
            continue
        if arrival > 1 + EPS:
            ctx.report_as_written(
                ind.actual,
                message=f"指标“{ind.name.value}”完成值 {ind.actual.raw.strip()} 超过 100%：到位资金不应多于全年预算。",
                expected="≤ 100%",
            )
            continue
        if row is None or not (row.budget.present and row.spent.present) or row.budget.value <= 0:
            continue
        execution = row.spent.value / row.budget.value
        if arrival >= execution - EPS or rate_matches(arrival, execution, shown_decimals_of(ind.actual)):
            continue
        ctx.report_as_written(
            ind.actual,
            message=(
                f"指标“{ind.name.value}”完成值 {ind.actual.raw.strip()} 低于资金表执行率 B/A = "
                f"{fmt_number(row.spent.value)}/{fmt_number(row.budget.value)} = {fmt_rate(execution)}："
                "支出不可能多于到位资金。"
            ),
            expected=f"≥ {fmt_rate(execution)}",
            related=[row.spent, row.budget],
        )
