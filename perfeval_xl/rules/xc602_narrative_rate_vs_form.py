from perfeval_xl.findings import Severity
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.facts import find_indicator, percent_fraction, rate_agrees, show, trusted
from perfeval_xl.rules._base import rule
from perfeval_xl.tolerance import fmt_rate


def _execution_rate(project):
    """(accepted fractions, cells) of the form's 执行率: B/A and the 执行率 cell of
    the funds block (the cell shown last in messages), else the 预算执行率 indicator."""
    f = project.funds
    if f is not None:
        row = f.total
        values, cells = [], [row.rate, row.budget, row.spent]
        if row.budget.present and row.spent.present and row.budget.value:
            values.append(row.spent.value / row.budget.value)
        if row.rate.present:
            values.append(row.rate.value)
        if values:
            return values, cells
    return _indicator_rate(project, "执行率")


def _indicator_rate(project, word):
    ind = find_indicator(project, word)
    fraction = percent_fraction(ind.actual.value) if ind else None
    return ([fraction], [ind.actual]) if fraction is not None else ([], [])


@rule(id="XC602", name="narrative.rate_vs_form", severity=Severity.ERROR, title="报告所述执行率、到位率与评价表不符")
def narrative_rate_vs_form(project, ctx):
    """报告中的预算执行率、资金到位率与评价表不一致。

    为什么：样本报告写“预算执行率为69.71%”，而评价表执行率为100%、预算执行率指标满分，前后矛盾。

    何时报告：报告明确写出执行率（预算执行率、资金执行率、支出率）或到位率，而它与评价表不符：执行率对照
    项目资金栏的 全年执行数÷全年预算数 及执行率单元格（无资金栏时对照“预算执行率”指标完成值），到位率对照
    “资金到位率”指标的完成值。按报告所写小数位，四舍五入或截断后相等即视为一致。

    何时通过：一致；或评价表没有可对照的数；或该百分数不是执行率/到位率（如“20%的项目资金”“同比增长14%”）。
    """
    claims = project_claims(project)
    for subject, (values, cells), name in (
        ("execution_rate", _execution_rate(project), "预算执行率"),
        ("arrival_rate", _indicator_rate(project, "到位率"), "资金到位率"),
    ):
        if not values:
            continue
        for claim in trusted(claims, subject):
            if any(rate_agrees(claim, v) for v in values):
                continue
            ctx.report(
                claim.ref,
                f"报告所述{name}与评价表不一致：“{claim.fragment}”写{show(claim)}，评价表{cells[0].ref}为{fmt_rate(values[-1])}。",
                expected=fmt_rate(values[-1]),
                actual=show(claim),
                related=cells,
            )
