"""XC602: a 执行率 or 到位率 the report states differs from the form."""

from perfeval_xl.model import Project
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.facts import form_rates, rate_agrees, trusted
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._narrative import report_against_form
from perfeval_xl.tolerance import fmt_rate


@rule(id="XC602", name="narrative.rate_vs_form", severity="error", title="报告所述执行率、到位率与评价表不符")
def check(project: Project, ctx: RuleContext) -> None:
    """报告中的预算执行率、资金到位率与评价表不一致。

    为什么：样本报告写“预算执行率为69.71%”，而评价表执行率为100%、预算执行率指标满分，前后矛盾。

    何时报告：报告明确写出执行率（预算执行率、资金执行率、支出率）或到位率，而它与评价表不符：执行率对照
    项目资金栏的 全年执行数÷全年预算数 及执行率单元格（无资金栏时对照“预算执行率”指标完成值），到位率对照
    “资金到位率”指标的完成值。按报告所写小数位，四舍五入或截断后相等即视为一致。

    何时通过：一致；或评价表没有可对照的数；或该百分数不是执行率/到位率（如“20%的项目资金”“同比增长14%”）。
    """
    claims = project_claims(project)
    for subject, name in (("execution_rate", "预算执行率"), ("arrival_rate", "资金到位率")):
        values, cells = form_rates(project, subject)
        if not values:
            continue
        for claim in trusted(claims, subject):
            if any(rate_agrees(claim, v) for v in values):
                continue
            report_against_form(ctx, claim, name, cells[0].ref, fmt_rate(values[-1]), cells)
