"""XC304: a cost target written with ≥ / > / = instead of ≤."""

import re

from perfeval_xl.model import Comparator, Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import (
    compact,
    is_cost_indicator,
    money_unit,
    stands_for_whole_project,
)

# 成本节约率、成本降低额 are 正向 by nature: more saving is better
SAVING = re.compile(r"节约|节省|降低|下降|减少|压缩")


@rule(id="XC304", name="indicators.cost_target_not_upper_bound", severity="warning", title="成本指标未写为≤")
def check(project: Project, ctx: RuleContext) -> None:
    """成本指标的年度指标值用了 ≥、> 或 =，而不是 ≤。

    为什么：成本指标是反向指标，目标是“不超过”某个金额（≤60万元）；写成 ≥ 会让
    超支被当作超额完成，按正向公式计分。

    何时报告：二级或一级含“成本”的指标，年度指标值是金额（单位为元、万元等，
    也包括 元/人 这类单位成本），比较符为 ≥ 或 >；或代表项目总成本的指标写为 =。

    何时通过：比较符为 ≤ 或 <，或未写比较符；补助标准、单价等固定标准写为 =（“=3300元/人”）；成本节约率、降低额等正向指标和
    非金额指标不检查。
    """
    for ind in project.indicators:
        if not (is_cost_indicator(ind) and ind.target.present):
            continue
        target = ind.target.value
        if target.number is None or money_unit(target.unit) is None or SAVING.search(compact(ind.name.value)):
            continue
        if target.comparator not in (Comparator.GE, Comparator.GT, Comparator.EQ):
            continue
        if target.comparator is Comparator.EQ and not stands_for_whole_project(ind, project):
            continue  # =3300元/人: a fixed standard (补助标准, 单价) is rightly written with =
        ctx.report_as_written(
            ind.target,
            message=(
                f"成本指标“{ind.name.value}”的年度指标值写为“{ind.target.raw.strip()}”，"
                f"成本指标应写为“≤”（不超过）。"
            ),
            expected=f"≤{target.number:g}{target.unit}",
        )
