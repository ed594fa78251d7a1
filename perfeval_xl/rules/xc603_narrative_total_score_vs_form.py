"""XC603: the 总分 the report states differs from the form."""

from perfeval_xl.model import Project, Sourced
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.facts import number_agrees, show, trusted
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._narrative import report_claim
from perfeval_xl.tolerance import fmt_number, score_equal


def form_totals(project: Project) -> list[tuple[float, list[Sourced], str]]:
    """(总分, the cells it rests on, how it was reached) the form supports.

    When the 总分/合计 row weighs 90 and the funds block weighs 10 (单位自评
    forms that total the indicators only), the project's 总分 is that row plus
    the funds block's 得分, as the report states it."""
    row = project.total_score
    totals = [(row.value, [row], f"{row.ref}总分为{fmt_number(row.value)}分")]
    funds = project.funds.total if project.funds else None
    if (
        funds is not None and funds.score.present and funds.weight.present and project.total_weight.present
        and score_equal(project.total_weight.value + funds.weight.value, 100)
    ):
        total = row.value + funds.score.value
        how = f"{row.ref}指标合计{fmt_number(row.value)}分+{funds.score.ref}资金得分{fmt_number(funds.score.value)}分={fmt_number(total)}分"
        totals.insert(0, (total, [row, funds.score], how))
    return totals


@rule(id="XC603", name="narrative.total_score_vs_form", severity="error", title="报告所述总分与评价表不符")
def check(project: Project, ctx: RuleContext) -> None:
    """报告中的评价总分与评价表总分不一致。

    为什么：总分决定等次，报告与评价表各写一个分数时，读者无法判断哪个是最终结论。

    何时报告：报告写“评价得分95分”“综合得分为88.5分”“该项目得分90分”等，而评价表总分行得分与之相差超过
    0.01分。总分行只合计指标（分值90）、资金栏另计10分的表，以 总分行+资金栏得分 为总分，两者之一相符即通过。

    何时通过：一致；或只写“得分N分”而看不出是总分还是某个指标的得分；或评价表总分为空。
    """
    if not project.total_score.present:
        return
    totals = form_totals(project)
    for claim in trusted(project_claims(project), "total_score"):
        if any(number_agrees(claim, value) for value, _, _ in totals):
            continue
        value, cells, how = totals[0]
        report_claim(
            ctx,
            claim,
            f"报告所述总分与评价表不一致：“{claim.fragment}”写{show(claim)}，评价表{how}。",
            expected=f"{fmt_number(value)}分",
            related=cells,
        )
