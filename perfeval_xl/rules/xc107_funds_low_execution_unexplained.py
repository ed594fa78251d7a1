"""XC107: 执行率 below the scheme's threshold and no reason given."""

import re

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import compact, explains, named, texts
from perfeval_xl.tolerance import EPS, fmt_rate

# a sentence is an explanation when it is about spending and gives a reason
# ("结转次年完成" about unfinished work is not about money: 结转 counts only next to 资金/使用)
ABOUT_SPENDING = re.compile(
    r"执行率|执行进度|支出进度|支付进度|结余|未支出|未使用|未执行|未拨付|未支付|资金.{0,10}结转|结转.{0,6}(资金|使用)"
)
GIVES_REASON = re.compile(r"原因|由于|因为|因|导致|受.{0,20}影响|主要是|系")


@rule(
    id="XC107",
    name="funds.low_execution_unexplained",
    severity="warning",
    title="执行率偏低未说明原因",
)
def check(project: Project, ctx: RuleContext) -> None:
    """预算执行率低于方案规定的门槛（默认 90%），但没有说明原因。

    为什么：执行率未达 90% 需说明原因（四川自评表填表要求）；否则评价者无法
    判断是项目未实施、资金结余还是数字填错。

    何时报告：年度资金总额行的执行率（有 A、B 时按 B/A，否则按表中执行率）低于
    方案的 low_execution_threshold，且“预算执行率”指标的偏差原因为空、
    报告中也没有一段文字同时谈到执行/结余（执行率、结余、未支出、未使用……）
    并给出原因（原因、由于、因、导致、受……影响……）。

    何时通过：执行率达到门槛；或有上述说明；执行率无法得到时不检查。
    """
    if project.funds is None:
        return
    row = project.funds.total
    if row.budget.present and row.spent.present and row.budget.value > 0:
        rate = row.spent.value / row.budget.value
    elif row.rate.present:
        rate = row.rate.value
    else:
        return
    threshold = ctx.scheme.low_execution_threshold
    if rate >= threshold - EPS:
        return
    if any(explains(ind.deviation.raw) for ind in named(project, "执行率")):
        return
    if any(ABOUT_SPENDING.search(compact(t)) and GIVES_REASON.search(compact(t)) for t in texts(project)):
        return
    ctx.report(
        at=row.rate if row.rate.ref else row.spent,
        message=(
            f"预算执行率 {fmt_rate(rate)} 低于 {fmt_rate(threshold)}，但报告和偏差原因中未说明执行率偏低的原因。"
        ),
        expected=f"执行率 ≥ {fmt_rate(threshold)} 或说明原因",
        actual=fmt_rate(rate),
        related=[row.spent, row.budget],
    )
