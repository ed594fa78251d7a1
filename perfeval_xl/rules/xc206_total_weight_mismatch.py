"""XC206: the 分值 written on the 总分 row is not the scheme's total."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import is_indicator_subtotal_row
from perfeval_xl.tolerance import fmt_number, score_equal


@rule(id="XC206", name="structure.total_weight_mismatch", severity="error", title="总分行分值不是满分")
def check(project: Project, ctx: RuleContext) -> None:
    """总分行“分值”格填写的数字不等于评分方案的满分（一般为 100）。

    为什么：总分行的分值是读者判断得分高低的参照，填错会误导阅读。

    何时报告：总分行分值已填，与方案满分（指标总分，加上计入总分的资金分值）相差超过
    0.01 分，而三级分值合计本身正确。

    何时通过：该格等于方案满分；单位自评表的总分行只合计指标部分（分值 90、得分 = 三级
    得分之和，资金另计）；该格为空；或三级分值合计本身就不对——那时由 XC201
    在同一格报告，不重复。
    """
    cell = project.total_weight
    if not cell.present:
        return
    expected = ctx.scheme.total
    if score_equal(cell.value, expected) or is_indicator_subtotal_row(project, ctx.scheme):
        return
    weights = [ind.weight.value for ind in project.indicators if ind.weight.present]
    if not score_equal(sum(weights), ctx.scheme.indicator_total):
        return  # XC201 reports the same cell
    ctx.report(
        at=cell,
        message=f"总分行的分值应为满分 {fmt_number(expected)} 分（{ctx.scheme.name}），表中填写 {fmt_number(cell.value)}。",
        expected=fmt_number(expected),
        actual=fmt_number(cell.value),
    )
