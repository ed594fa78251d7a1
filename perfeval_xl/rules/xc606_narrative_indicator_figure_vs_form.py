"""XC606: a figure or 得分 the report states for an indicator differs from its row."""

from perfeval_xl.model import Project
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.claim import INDICATOR_SCORE, INDICATOR_VALUE
from perfeval_xl.narrative.facts import measure_agrees, number_agrees, show_measure
from perfeval_xl.narrative.roles import ACTUAL, TARGET
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._narrative import report_against_form
from perfeval_xl.tolerance import fmt_number


@rule(id="XC606", name="narrative.indicator_figure_vs_form", severity="error", title="报告所述指标值、得分与评价表不符")
def check(project: Project, ctx: RuleContext) -> None:
    """报告对某个三级指标写的完成值、目标值或得分与评价表该指标行不一致。

    为什么：指标分析段落逐项说明完成情况和得分，若写“满意度96%”“该指标得分4分”而评价表为100%、3分，
    说明有一处抄错或算错。

    何时报告：段落点名某指标（写出指标名称，或位于以该指标/唯一对应的二级指标为标题的小节下），并且：
    实际完成的数与评价表完成值不同（单位可比时）；目标值（“年度指标值…”“目标为…”）与评价表年度指标值
    不同；“得分M分”与评价表得分不同。只拿同类的数比较：目标只比目标，完成只比完成。

    何时通过：一致；或单位不可比、定性表述；或无法确定说的是哪个指标；或是约数、以前年度的数、分值（满分）。
    扣分与得分的算术由 XC607 核对。
    """
    for claim in project_claims(project):
        if not claim.firm or claim.indicator is None:
            continue
        ind = project.indicators[claim.indicator]
        name = ind.name.value
        if claim.subject == INDICATOR_VALUE and claim.role in (ACTUAL, TARGET):
            cell = ind.actual if claim.role == ACTUAL else ind.target
            what = "完成值" if claim.role == ACTUAL else "年度指标值"
            if measure_agrees(claim, cell.value) is False:
                report_against_form(ctx, claim, f"“{name}”{what}", cell.ref, show_measure(cell.value), [cell])
        elif claim.subject == INDICATOR_SCORE and claim.role == ACTUAL and ind.score.present:
            if not number_agrees(claim, ind.score.value):
                score = f"{fmt_number(ind.score.value)}分"
                report_against_form(ctx, claim, f"“{name}”得分", ind.score.ref, score, [ind.score])
