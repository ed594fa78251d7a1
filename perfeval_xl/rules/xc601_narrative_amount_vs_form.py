"""XC601: an amount the report states differs from the form's funds block."""

from perfeval_xl.model import Project
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.facts import (
    form_balance,
    form_money,
    label,
    money_agrees,
    show,
    trusted,
)
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._narrative import report_against_form, report_claim
from perfeval_xl.tolerance import fmt_number


@rule(id="XC601", name="narrative.amount_vs_form", severity="error", title="报告所述资金金额与评价表不符")
def check(project: Project, ctx: RuleContext) -> None:
    """报告中的预算、年初预算、支出（使用）、结余金额与评价表项目资金栏不一致。

    为什么：报告与评价表是同一项目的同一组数字，两处金额不同，至少有一处是错的，审核人员很少逐段对照。

    何时报告：报告某段明确说“预算60万元”“共使用41.83万元”“结余资金5万元”等（主语清楚、不是“其中”
    的分项、不是其他年度），而评价表全年预算数/年初预算数、全年执行数、或 全年预算数−全年执行数 与之相差
    超过0.01万元（也超过报告所写位数的四舍五入）。“预算”未说明年初还是全年时，与任一相符即通过。

    何时通过：金额一致；或主语不明确（如“资金60万元”）、为分项、为上年或累计数；或评价表没有该金额。
    """
    claims = project_claims(project)
    for subject in ("budget", "full_year_budget", "initial_budget", "spent"):
        for claim in trusted(claims, subject):
            cells = form_money(project, subject)
            if not cells or any(money_agrees(claim, c.value) for c in cells):
                continue
            form = cells[0]
            report_against_form(ctx, claim, label(subject), form.ref, f"{fmt_number(form.value)}万元", cells)
    balance = form_balance(project)
    if balance is None:
        return
    value, cells = balance
    for claim in trusted(claims, "balance"):
        if not money_agrees(claim, value):
            report_claim(
                ctx,
                claim,
                f"报告所述结余资金与评价表不一致：“{claim.fragment}”写{show(claim)}，"
                f"而评价表全年预算数−全年执行数={fmt_number(value)}万元。",
                expected=f"{fmt_number(value)}万元",
                related=cells,
            )
