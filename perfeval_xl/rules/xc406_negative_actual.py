"""XC406: a negative 全年完成值."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.tolerance import fmt_number


@rule(id="XC406", name="measures.negative_actual", severity="error", title="完成值为负数")
def check(project: Project, ctx: RuleContext) -> None:
    """全年完成值是负数。

    为什么：完成的数量、比率、金额都不会小于 0；绩效系统把负的完成值按 0 计分，
    出现负数多半是录入错误（多了一个“-”）。

    何时报告：完成值是小于 0 的数字。

    何时通过：完成值 ≥ 0，或不是数字。
    """
    for ind in project.indicators:
        if not ind.actual.present or ind.actual.value.number is None or ind.actual.value.number >= 0:
            continue
        ctx.report(
            at=ind.actual,
            message=f"指标“{ind.name.value or ''}”完成值 {ind.actual.raw.strip()} 为负数，完成值不应小于 0。",
            expected="≥ 0",
            actual=fmt_number(ind.actual.value.number),
        )
