"""XC303: the project's total-cost indicator disagrees with 全年执行数."""

import re

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import compact, is_cost_indicator, normalise_unit, to_wan
from perfeval_xl.tolerance import fmt_number, money_equal

# per-unit costs (人均、每家、单价…) are not the project's total and are not compared with B
PER_UNIT = re.compile(r"单位|人均|户均|亩均|每|平均|单价|标准|/")


@rule(id="XC303", name="indicators.cost_differs_from_spent", severity="warning", title="成本指标完成值与执行数不符")
def check(project: Project, ctx: RuleContext) -> None:
    """成本指标（二级或一级含“成本”）的完成值是金额，却与资金表全年执行数（B）不一致。

    为什么：项目总成本就是全年实际支出；两者不同，要么成本指标填错，要么执行数填错。

    何时报告：表中恰有一个“总额型”成本指标——完成值单位是 元/万元/亿元，名称和单位
    不是人均、每…、单价等单位成本——其完成值换算为万元后与 B 相差超过 0.01 万元。

    何时通过：两者相等；没有或有多个总额型成本指标（可能各管一部分）时不检查；
    单位成本指标不检查。
    """
    if project.funds is None or not project.funds.total.spent.present:
        return
    totals = [
        ind
        for ind in project.indicators
        if is_cost_indicator(ind)
        and ind.actual.present
        and ind.actual.value.number is not None
        and to_wan(ind.actual.value.number, ind.actual.value.unit) is not None
        and not PER_UNIT.search(compact(ind.name.value) + (normalise_unit(ind.actual.value.unit) or ""))
    ]
    if len(totals) != 1:
        return
    ind = totals[0]
    spent = project.funds.total.spent
    cost = to_wan(ind.actual.value.number, ind.actual.value.unit)
    if money_equal(cost, spent.value):
        return
    converted = "" if normalise_unit(ind.actual.value.unit) == "万元" else f"（{fmt_number(cost, 4)} 万元）"
    ctx.report(
        at=ind.actual,
        message=(
            f"成本指标“{ind.name.value}”完成值 {ind.actual.raw.strip()}{converted}，"
            f"与全年执行数（B）{fmt_number(spent.value)} 万元不一致。"
        ),
        expected=f"{fmt_number(spent.value)}万元",
        actual=ind.actual.raw.strip(),
        related=[spent],
    )
