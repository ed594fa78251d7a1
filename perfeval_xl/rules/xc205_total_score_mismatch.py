"""XC205: 总分 is not the sum of the 得分 (plus the funds 得分 where the scheme counts it)."""

from perfeval_xl.findings import Severity
from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import is_indicator_subtotal_row
from perfeval_xl.tolerance import SCORE, fmt_number, score_matches


@rule(id="XC205", name="structure.total_score_mismatch", severity="error", title="总分与分项得分合计不符")
def check(project: Project, ctx: RuleContext) -> None:
    """总分行的得分不等于各三级指标得分之和（单位自评等把资金得分计入总分的方案，
    再加上资金部分得分）。

    为什么：总分决定评价等次和排名，是最常被引用的数字；合计错误直接导致结论错误。

    何时报告：每个三级指标都填了得分，且总分与合计相差超过 0.01 分（错误）；总分为空时
    只作提示（空白不是错误：核查后的工作簿已填入合计）。方案计入资金得分（funds_in_total）
    时，资金部分得分也须已填。

    何时通过：总分等于合计（0.01 分以内；总分只写一位小数时按一位小数四舍五入或截断
    也接受）；单位自评表的总分行只合计 90 分指标（分值 90、得分 = 三级得分之和）时，
    资金部分另行计分，也接受；有三级指标得分为空时不检查（空得分由 XC209 报告，避免重复）；计入总分的资金得分为空时
    （由 XC108 报告，并由程序算出填入），总分只要在三级得分合计与合计加资金分值之间即可——超出这个范围，
    无论资金得分是多少都不可能，仍是错误。总分为空时只作提示：核查后的工作簿已填入核定总分。
    """
    scores = [ind.score for ind in project.indicators]
    if not scores or not all(s.present for s in scores):
        return
    total = sum(s.value for s in scores)
    related = list(scores)
    funds_note = ""
    if ctx.scheme.funds_in_total and project.funds is not None:
        funds_score = project.funds.total.score
        if not funds_score.present:  # XC108 reports it and the copy computes it: only an impossible 总分 is wrong
            _outside_what_any_funds_score_allows(project, ctx, total, related)
            return
        total += funds_score.value
        related.append(funds_score)
        funds_note = f"（含资金部分得分 {fmt_number(funds_score.value)}）"
    reported = project.total_score
    if reported.present and score_matches(reported.value, total, reported.decimals):
        return
    if is_indicator_subtotal_row(project, ctx.scheme):
        return
    if reported.ref is None and not reported.raw.strip():
        return  # the form has no 总分 row at all: nothing to compare
    found = fmt_number(reported.value) if reported.present else (reported.raw.strip() or "（空）")
    ctx.report(
        at=reported,
        message=f"总分应为各项得分合计 {fmt_number(total)} 分{funds_note}，表中填写 {found}。",
        expected=fmt_number(total),
        actual=found,
        related=related,
        severity=Severity.INFO if reported.blank else None,
    )


def _outside_what_any_funds_score_allows(project: Project, ctx: RuleContext, indicators_total: float, related: list) -> None:
    """With the funds 得分 blank, 总分 lies between the indicators' sum and that sum plus the funds 分值."""
    reported = project.total_score
    if not reported.present or project.funds is None:
        return
    weight = project.funds.total.weight
    highest = indicators_total + (weight.value if weight.present else ctx.scheme.funds_weight)
    if indicators_total - SCORE <= reported.value <= highest + SCORE:
        return
    ctx.report(
        at=reported,
        message=(
            f"资金部分得分未填写，但总分 {fmt_number(reported.value)} 不可能成立：三级指标得分合计 {fmt_number(indicators_total)} 分，"
            f"加上资金部分至多 {fmt_number(highest)} 分。"
        ),
        expected=f"{fmt_number(indicators_total)} 至 {fmt_number(highest)}",
        actual=fmt_number(reported.value),
        related=[*related, project.funds.total.score],
    )
