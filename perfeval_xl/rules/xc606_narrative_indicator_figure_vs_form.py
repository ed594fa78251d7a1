from perfeval_xl.findings import Severity
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.claims import (
    INDICATOR_ACTUAL, INDICATOR_DEDUCTION, INDICATOR_SCORE, INDICATOR_TARGET,
)
from perfeval_xl.narrative.facts import measure_agrees, number_agrees, show, show_measure
from perfeval_xl.rules._base import rule
from perfeval_xl.tolerance import fmt_number, score_equal


@rule(id="XC606", name="narrative.indicator_figure_vs_form", severity=Severity.ERROR, title="报告所述指标值、得分、扣分与评价表不符")
def narrative_indicator_figure_vs_form(project, ctx):
    """报告对某个三级指标写的目标值、完成值、得分或扣分与评价表该指标行不一致。

    为什么：指标分析段落逐项解释得分，若写“扣2分，得分3分”而分值是5、评价表得分是4，说明有一处算错或抄错。

    何时报告：段落点名某指标（写出指标名称，或位于以该指标/唯一对应的二级指标为标题的小节下），并且：
    完成值或目标值与评价表不同（单位可比时）；“得分M分”与评价表得分不同；“扣N分”时 分值−N 既不等于
    同句所写得分，也不等于评价表得分。

    何时通过：一致；或单位不可比、定性表述；或无法确定说的是哪个指标。
    """
    claims = [c for c in project_claims(project) if c.trusted and c.indicator is not None]
    for claim in claims:
        ind = project.indicators[claim.indicator]
        name = ind.name.value
        if claim.subject in (INDICATOR_ACTUAL, INDICATOR_TARGET):
            cell = ind.actual if claim.subject == INDICATOR_ACTUAL else ind.target
            what = "完成值" if claim.subject == INDICATOR_ACTUAL else "年度指标值"
            if measure_agrees(claim, cell.value) is False:
                ctx.report(claim.ref, f"报告所述“{name}”{what}与评价表不一致：“{claim.fragment}”写{show(claim)}，"
                           f"评价表{cell.ref}为{show_measure(cell.value)}。",
                           expected=show_measure(cell.value), actual=show(claim), related=[cell])
        elif claim.subject == INDICATOR_SCORE and ind.score.present:
            if not number_agrees(claim, ind.score.value):
                ctx.report(claim.ref, f"报告所述“{name}”得分与评价表不一致：“{claim.fragment}”写{show(claim)}，"
                           f"评价表{ind.score.ref}为{fmt_number(ind.score.value)}分。",
                           expected=f"{fmt_number(ind.score.value)}分", actual=show(claim), related=[ind.score])
        elif claim.subject == INDICATOR_DEDUCTION and ind.weight.present:
            left = ind.weight.value - float(claim.value)
            stated = [c for c in claims if c.subject == INDICATOR_SCORE and c.paragraph == claim.paragraph
                      and c.indicator == claim.indicator]
            agrees = [score_equal(left, float(s.value)) for s in stated]
            if ind.score.present:
                agrees.append(score_equal(left, ind.score.value))
            if agrees and not any(agrees):
                said = f"，同段写得分{show(stated[0])}" if stated else ""
                ctx.report(claim.ref, f"报告所述“{name}”扣分与得分对不上：“{claim.fragment}”扣{show(claim)}，"
                           f"分值{fmt_number(ind.weight.value)}−{fmt_number(float(claim.value))}={fmt_number(left)}分{said}，"
                           f"评价表{ind.score.ref}得分{fmt_number(ind.score.value) if ind.score.present else '空'}。",
                           expected=f"{fmt_number(left)}分", actual=show(stated[0]) if stated else None,
                           related=[ind.weight, ind.score])
