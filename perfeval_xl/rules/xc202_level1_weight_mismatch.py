"""XC202: a 一级 group's 分值 do not add up to the weight in its label."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.tolerance import fmt_number, score_equal


@rule(id="XC202", name="structure.level1_weight_mismatch", severity="error", title="一级指标分值合计不符")
def check(project: Project, ctx: RuleContext) -> None:
    """某个一级指标下各三级指标的分值之和，不等于一级指标名称中写明的权重，
    如“项目决策（20分）”。

    为什么：一级权重是评分方案的骨架（20/20/30/30 或 50/30/10），三级分值合计不符
    说明某个分值填错或指标归错了类。

    何时报告：一级指标名称里带有分数，且该组已填分值之和与之相差超过 0.01 分；
    报告在一级指标名称格上。

    何时通过：各组分值之和等于名称中的分数；名称中没有分数的组、其下没有填写任何分值的组
    （表中没有分值列）不检查；组内有分值为空或不是数字、而已填分值之和小于标明分数时不报告
    （差额可能正是那格，由 XC204 报告在该格上）。
    """
    for label, group in project.level1_groups().items():
        declared = group[0].level1_weight
        if not declared.present:
            continue
        weights = [ind.weight for ind in group if ind.weight.present]
        if not weights:
            continue  # no 分值 written under it (or no 分值 column): nothing to add up
        total = sum(w.value for w in weights)
        if score_equal(total, declared.value):
            continue
        if total < declared.value and any(not ind.weight.present for ind in group):
            continue  # the missing 分值 may be the difference: XC204 names that cell
        ctx.report(
            at=declared,
            fallback=group[0].level1.ref,
            message=(
                f"一级指标“{label}”标明 {fmt_number(declared.value)} 分，"
                f"但其下 {len(weights)} 个三级指标分值合计为 {fmt_number(total)} 分。"
            ),
            expected=fmt_number(declared.value),
            actual=fmt_number(total),
            related=weights,
        )
