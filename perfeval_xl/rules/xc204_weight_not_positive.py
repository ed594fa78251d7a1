"""XC204: an indicator's 分值 is blank, not a number, or not positive."""

from perfeval_xl.findings import Severity
from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.tolerance import fmt_number


@rule(id="XC204", name="structure.weight_not_positive", severity="error", title="指标分值为空或不大于0")
def check(project: Project, ctx: RuleContext) -> None:
    """三级指标的分值为空、不是数字或不大于 0。

    为什么：分值 ≤ 0 的指标不参与评价，却占着一行（绩效系统对“权重 ≤ 0”直接拒收）；
    分值为空则该指标无法评分。

    何时报告：三级指标名称已填，而分值无法识别或 ≤ 0（错误），或为空（未填完整，警告）。

    何时通过：分值是大于 0 的数字；表中根本没有分值列（有的自评表只在一级指标上写权重）。
    """
    if all(ind.weight.ref is None for ind in project.indicators):
        return  # the form has no 分值 column at all (湖北式 自评表 gives 一级 weights only)
    for ind in project.indicators:
        if ind.weight.present and ind.weight.value > 0:
            continue
        if ind.weight.present:
            what, actual = f"为 {fmt_number(ind.weight.value)}，应大于 0", fmt_number(ind.weight.value)
        elif ind.weight.raw.strip():
            what, actual = f"“{ind.weight.raw.strip()}”不是数字", ind.weight.raw.strip()
        else:
            what, actual = "未填写", "（空）"
        ctx.report(
            at=ind.weight,
            fallback=ind.name.ref,
            message=f"指标“{ind.name.value or ''}”的分值{what}。",
            expected="大于 0 的分值",
            actual=actual,
            severity=Severity.WARNING if ind.weight.blank and ctx.severity is Severity.ERROR else None,
        )
