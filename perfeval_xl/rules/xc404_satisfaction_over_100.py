"""XC404: a 满意度 above 100%."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import is_satisfaction_indicator, percent_of
from perfeval_xl.tolerance import EPS


@rule(id="XC404", name="measures.satisfaction_over_100", severity="error", title="满意度超过100%")
def check(project: Project, ctx: RuleContext) -> None:
    """满意度指标的完成值超过 100%。

    为什么：满意度 = 回答满意的人数 / 有效调查人数，不可能超过 100%。

    何时报告：指标名称、二级或一级含“满意”，完成值是百分数且大于 100%。

    何时通过：完成值不超过 100%，或不是百分数。
    """
    for ind in project.indicators:
        if not (is_satisfaction_indicator(ind) and ind.actual.present):
            continue
        rate = percent_of(ind.actual.value)
        if rate is None or rate <= 1 + EPS or ind.actual.value.unit is None:
            continue
        ctx.report_as_written(
            ind.actual,
            message=f"满意度指标“{ind.name.value or ''}”完成值 {ind.actual.raw.strip()} 超过 100%，满意度不可能超过 100%。",
            expected="≤ 100%",
        )
