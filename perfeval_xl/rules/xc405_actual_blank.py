"""XC405: an indicator with a target has no 全年完成值."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule


@rule(id="XC405", name="measures.actual_blank", severity="warning", title="全年完成值未填写")
def check(project: Project, ctx: RuleContext) -> None:
    """三级指标填了年度指标值，全年完成值却为空。

    为什么：没有完成值就无法判断目标是否达成、得分是否合理（常见于只填分值和得分的表）。

    何时报告：年度指标值已填写，全年完成值为空。

    何时通过：完成值已填写；年度指标值也为空时由 XC211 报告。
    """
    for ind in project.indicators:
        if not ind.target.raw.strip() or ind.actual.raw.strip():
            continue
        ctx.report_as_written(
            ind.actual,
            fallback=ind.name.ref,
            message=f"指标“{ind.name.value or ''}”（年度指标值“{ind.target.raw.strip()}”）未填写全年完成值。",
            expected="填写全年完成值",
            related=[ind.target],
        )
