"""XC303: the project's total-cost indicator disagrees with 全年执行数."""

import re

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import (
    compact,
    is_cost_indicator,
    normalise_unit,
    stands_for_whole_project,
    to_wan,
)
from perfeval_xl.tolerance import fmt_number, money_equal

# per-unit costs (人均、每家、单价…) are not the project's total and are not compared with B
PER_UNIT = re.compile(r"单位|人均|户均|亩均|每|平均|单价|标准|/")


@rule(id="XC303", name="indicators.cost_differs_from_spent", severity="warning", title="成本指标完成值与执行数不符")
def check(project: Project, ctx: RuleContext) -> None:
    """代表项目总成本的成本指标，完成值却与资金表全年执行数（B）不一致。

    为什么：项目总成本就是全年实际支出；两者不同，要么成本指标填错，要么执行数填错。
    但很多成本指标只是单位成本、合同价或某一项的费用，它们本来就不等于 B，比较会误报。

    何时报告：表中恰有一个金额型成本指标（二级或一级含“成本”，完成值单位是元/万元/
    亿元，不是人均、每…、单价等单位成本），它代表项目总成本——名称写明项目总成本、
    项目资金等，或其指标值（上限）等于全年预算数或年初预算数——且其完成值换算为万元后
    与 B 相差超过 0.01 万元。

    何时通过：两者相等；成本指标是单位成本、合同价、单项费用（名称和指标值都看不出代表
    整个项目）时不检查；有多个金额型成本指标（各管一部分）时不检查。
    """
    if project.funds is None or not project.funds.total.spent.present:
        return
    totals = [
        ind
        for ind in project.indicators
        if is_cost_indicator(ind)
        and ind.actual.present
        and ind.actual.value.number is not None
        and not ind.actual.value.approximate  # 约1009万元 is not a figure to hold against B
        and to_wan(ind.actual.value.number, ind.actual.value.unit) is not None
        and not PER_UNIT.search(compact(ind.name.value) + (normalise_unit(ind.actual.value.unit) or ""))
    ]
    if len(totals) != 1 or not stands_for_whole_project(totals[0], project):
        return  # several cost amounts each cover a part; one item's cost is not the project's
    ind = totals[0]
    spent = project.funds.total.spent
    cost = to_wan(ind.actual.value.number, ind.actual.value.unit)
    if money_equal(cost, spent.value):
        return
    converted = "" if normalise_unit(ind.actual.value.unit) == "万元" else f"（{fmt_number(cost, 4)} 万元）"
    ctx.report_as_written(
        ind.actual,
        message=(
            f"成本指标“{ind.name.value}”代表项目总成本，完成值 {ind.actual.raw.strip()}{converted}，"
            f"与全年执行数（B）{fmt_number(spent.value)} 万元不一致。"
        ),
        expected=f"{fmt_number(spent.value)}万元",
        related=[spent],
    )
