"""XC201: the 三级 分值 do not add up to the scheme's indicator total."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.tolerance import fmt_number, score_equal


@rule(id="XC201", name="structure.weight_total_mismatch", severity="error", title="指标分值合计不符")
def check(project: Project, ctx: RuleContext) -> None:
    """全部三级指标的分值之和不等于评分方案规定的指标总分（部门评价 100，单位自评 90）。

    为什么：分值合计不对，说明漏填、多填了指标或某项分值填错，得分和等次都失去依据。

    何时报告：至少有一个三级指标，且已填分值之和与方案的 indicator_total 相差超过
    0.01 分。报告在总分行的分值格上（该格缺失时报告在最后一个指标的分值格上），
    相关格为各指标分值。

    何时通过：分值之和等于方案总分（0.01 分以内）；有指标的分值为空或不是数字、而已填分值之和
    小于方案总分时不报告：差额可能正是那格，由 XC204 报告在该格上（一格空白不算三处错误）。
    """
    weights = [ind.weight for ind in project.indicators if ind.weight.present]
    if not weights:
        return
    total = sum(w.value for w in weights)
    expected = ctx.scheme.indicator_total
    if score_equal(total, expected):
        return
    if total < expected and any(not ind.weight.present for ind in project.indicators):
        return  # the missing 分值 may be the difference: XC204 names that cell
    funds_note = "（另加资金部分 {} 分）".format(fmt_number(ctx.scheme.funds_weight)) if ctx.scheme.funds_in_total else ""
    ctx.report(
        at=project.total_weight,
        fallback=project.indicators[-1].weight.ref,
        message=(
            f"各三级指标分值合计为 {fmt_number(total)} 分，{ctx.scheme.name}方案要求为 "
            f"{fmt_number(expected)} 分{funds_note}，请核对是否漏填、多填指标或分值填错。"
        ),
        expected=fmt_number(expected),
        actual=fmt_number(total),
        related=weights,
    )
