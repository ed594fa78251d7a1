"""XC301: a 预算执行率 indicator's 完成值 disagrees with the funds block."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import named, percent_of, shown_decimals_of
from perfeval_xl.tolerance import fmt_number, fmt_rate, rate_matches


@rule(
    id="XC301",
    name="indicators.execution_rate_mismatch",
    severity="error",
    title="预算执行率指标与资金表不符",
)
def check(project: Project, ctx: RuleContext) -> None:
    """“预算执行率”三级指标的完成值与项目资金表的执行率不一致。

    为什么：部门评价把预算执行率再作为三级指标评分；同一个执行率在表中两处数字不同，
    至少一处是错的（种子报告正文即出现过 100% 与 69.71% 并存）。

    何时报告：指标名称含“执行率”、完成值是百分数，资金表年度资金总额行有 A、B，
    而完成值既不等于 B/A（按完成值的小数位四舍五入或截断，超过 100% 时也接受 100%），
    也不等于 B/实际到位资金（= B/(A × 资金到位率指标完成值)，部门评价框架的定义），
    也不等于资金表中填写的执行率。

    何时通过：与上述任一口径相符；完成值不是百分数或资金表缺 A、B 时不检查。
    """
    if project.funds is None:
        return
    row = project.funds.total
    arrival = next((percent_of(i.actual.value) for i in named(project, "到位率") if i.actual.present), None)
    for ind in named(project, "执行率"):
        if not ind.actual.present:
            continue
        shown = percent_of(ind.actual.value)
        if shown is None:
            continue
        decimals = shown_decimals_of(ind.actual)
        candidates = []
        if row.budget.present and row.spent.present and row.budget.value > 0:
            exact = row.spent.value / row.budget.value
            candidates += [exact, min(exact, 1.0)]
            if arrival:
                candidates.append(min(row.spent.value / (row.budget.value * arrival), 1.0))
        if not candidates:
            continue  # nothing recomputable: the shown funds rate alone is not evidence enough
        if row.rate.present:
            candidates.append(row.rate.value)
        if any(rate_matches(shown, c, decimals) for c in candidates):
            continue
        expected = fmt_rate(candidates[0])
        ctx.report_as_written(
            ind.actual,
            message=(
                f"指标“{ind.name.value}”完成值 {ind.actual.raw.strip()}，但资金表执行率 B/A = "
                f"{fmt_number(row.spent.value)}/{fmt_number(row.budget.value)} = {expected}。"
            ),
            expected=expected,
            related=[row.rate, row.spent, row.budget],
        )
