from perfeval_xl.findings import Severity
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.facts import number_agrees, show, trusted
from perfeval_xl.rules._base import rule
from perfeval_xl.tolerance import fmt_number


@rule(id="XC603", name="narrative.total_score_vs_form", severity=Severity.ERROR, title="报告所述总分与评价表不符")
def narrative_total_score_vs_form(project, ctx):
    """报告中的评价总分与评价表总分行的得分不一致。

    为什么：总分决定等次，报告与评价表各写一个分数时，读者无法判断哪个是最终结论。

    何时报告：报告写“评价得分95分”“综合得分为88.5分”“总分90分”等，而评价表总分行得分与之相差超过0.01分。

    何时通过：一致；或只写“得分N分”而看不出是总分还是某个指标的得分；或评价表总分为空。
    """
    form = project.total_score
    if not form.present:
        return
    for claim in trusted(project_claims(project), "total_score"):
        if not number_agrees(claim, form.value):
            ctx.report(
                claim.ref,
                f"报告所述总分与评价表不一致：“{claim.fragment}”写{show(claim)}，评价表{form.ref}总分为{fmt_number(form.value)}分。",
                expected=f"{fmt_number(form.value)}分",
                actual=show(claim),
                related=[form],
            )
