"""XC101: the funds block's 执行率 is not B/A."""

from perfeval_xl.model import FundsRow, Project, Sourced
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.tolerance import fmt_number, fmt_rate, rate_matches


def _denominator(row: FundsRow, ctx: RuleContext) -> Sourced[float]:
    # Some provinces divide by 年初预算数 (scheme.rate_denominator = "initial")
    return row.initial if ctx.scheme.rate_denominator == "initial" else row.budget


@rule(id="XC101", name="funds.rate_mismatch", severity="error", title="执行率不等于全年执行数/全年预算数")
def check(project: Project, ctx: RuleContext) -> None:
    """项目资金表中执行率与 全年执行数（B）/全年预算数（A） 不符。

    为什么：执行率是资金得分和报告结论的依据，算错会直接抬高或压低得分。

    何时报告：某一资金行的 A、B、执行率都已填写、A > 0，且表中执行率既不是
    B/A 按显示位数四舍五入的结果，也不是截断的结果（41.83/60 = 69.716…%，
    填 69.72% 或 69.71% 都接受）。

    何时通过：执行率等于 B/A 按显示位数四舍五入或截断的值；A、B 或执行率空缺、
    A ≤ 0 时不在此报告（由 XC105、XC108 报告）。
    """
    if project.funds is None:
        return
    for row in [project.funds.total, *project.funds.parts]:
        denominator = _denominator(row, ctx)
        if not (denominator.present and row.spent.present and row.rate.present) or denominator.value <= 0:
            continue
        exact = row.spent.value / denominator.value
        if rate_matches(row.rate.value, exact, row.rate.decimals):
            continue
        # at least two decimals, so 41.83/60 reads 69.72% even when the form shows whole percents
        shown_decimals = max(row.rate.decimals or 0, 2)
        letter = "A" if denominator is row.budget else "年初预算数"
        expected = fmt_rate(exact, shown_decimals)
        # as the clerk sees it: 95% for a cell holding 0.95 formatted as a percentage
        shown = row.rate.raw.strip() if "%" in row.rate.raw else fmt_rate(row.rate.value, shown_decimals)
        ctx.report(
            at=row.rate,
            message=(
                f"{row.label.value or '资金'}行执行率应为 B/{letter} = {fmt_number(row.spent.value)}/"
                f"{fmt_number(denominator.value)} = {expected}，表中填写 {shown}。"
            ),
            expected=expected,
            actual=shown,
            related=[row.spent, denominator],
        )
