"""XC102: the funds block's 得分 is not min(执行率, 1) × 分值."""

from perfeval_xl.model import FundsRow, Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.tolerance import fmt_number, fmt_rate, score_matches


def _rates(row: FundsRow, ctx: RuleContext) -> list[float]:
    """The rates a clerk may have scored with: the exact B/A and the rate shown."""
    denominator = row.initial if ctx.scheme.rate_denominator == "initial" else row.budget
    rates = []
    if denominator.present and row.spent.present and denominator.value > 0:
        rates.append(row.spent.value / denominator.value)
    if row.rate.present:
        rates.append(row.rate.value)
    return rates


@rule(id="XC102", name="funds.score_mismatch", severity="error", title="资金得分不等于执行率×分值")
def check(project: Project, ctx: RuleContext) -> None:
    """资金得分与 min(执行率, 100%) × 分值 不符。

    为什么：资金得分按“执行率 × 分值，最高不超过分值”计算；单位自评中它计入总分，
    算错会改变总分和等次。

    何时报告：某资金行的分值与得分都已填写，且得分与 min(执行率, 1) × 分值 相差
    超过 0.01 分——执行率既按 B/A 精确值算，也按表中显示的执行率算，两者都不符才报告
    （执行率本身填错由 XC101 报告，不在此重复）。

    何时通过：得分与任一算法的结果相差不超过 0.01 分（得分只写一位小数时，按一位小数
    四舍五入或截断的结果也接受）；分值、得分为空或无法得到执行率时不检查。
    """
    if project.funds is None:
        return
    for row in [project.funds.total, *project.funds.parts]:
        if not (row.weight.present and row.score.present):
            continue
        rates = _rates(row, ctx)
        if not rates:
            continue
        candidates = [min(rate, 1.0) * row.weight.value for rate in rates]
        if any(score_matches(row.score.value, c, row.score.decimals) for c in candidates):
            continue
        rate = rates[0]
        expected = fmt_number(candidates[0])
        ctx.report(
            at=row.score,
            message=(
                f"{row.label.value or '资金'}行得分应为 min(执行率, 100%) × 分值 = "
                f"min({fmt_rate(rate)}, 100%) × {fmt_number(row.weight.value)} = {expected}，"
                f"表中填写 {fmt_number(row.score.value)}。"
            ),
            expected=expected,
            actual=fmt_number(row.score.value),
            related=[row.rate, row.weight, row.spent, row.budget],
        )
