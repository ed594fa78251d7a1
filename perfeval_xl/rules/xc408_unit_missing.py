"""XC408: a quantitative target without a unit."""

import re

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import compact

# pure numbers by nature: 农田灌溉水有效利用系数 ≥0.56, 价格指数, 倍数, 比值
DIMENSIONLESS = re.compile(r"系数|指数|倍数|比值|比例|指标值为")


@rule(id="XC408", name="measures.unit_missing", severity="info", title="定量指标缺少计量单位")
def check(project: Project, ctx: RuleContext) -> None:
    """定量指标的年度指标值是数字，却没有写计量单位（如“≥20”应写“≥20家”）。

    为什么：绩效系统要求定量指标填写计量单位；没有单位，完成值是否可比只能靠猜。

    何时报告：年度指标值含数字但没有单位。只作提示。

    何时通过：写了单位（%、家、人、万元……）；指标是定性的；或指标本身是无量纲的
    系数、指数、倍数、比值（如“农田灌溉水有效利用系数 ≥0.56”）。
    """
    for ind in project.indicators:
        if not ind.target.present:
            continue
        target = ind.target.value
        if target.number is None or (target.unit or "").strip() or DIMENSIONLESS.search(compact(ind.name.value)):
            continue
        ctx.report_as_written(
            ind.target,
            message=f"指标“{ind.name.value or ''}”的年度指标值“{ind.target.raw.strip()}”没有写计量单位。",
            expected="带计量单位的指标值",
        )
