"""XC105: 全年预算数 is missing or not positive."""

from perfeval_xl.findings import Severity
from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import parts_sum
from perfeval_xl.tolerance import fmt_number, money_equal


@rule(id="XC105", name="funds.budget_missing", severity="error", title="全年预算数缺失或不大于0")
def check(project: Project, ctx: RuleContext) -> None:
    """年度资金总额行的全年预算数（A）为空、无法识别或不大于 0。

    为什么：执行率 = B/A，A 缺失或为 0 时执行率和资金得分都无从计算。

    何时报告：项目资金表存在，年度资金总额行的 A ≤ 0 或不是数字（错误），或为空（警告：
    空白不是错误，表没填完整）。

    何时通过：A 是大于 0 的数字；A 填了 0 而“其中”各行有数时，由 XC103 报告应填的合计，
    不在此重复。
    """
    if project.funds is None:
        return
    budget = project.funds.total.budget
    if budget.present and budget.value > 0:
        return
    parts = parts_sum(project.funds, "budget")
    if budget.present and parts is not None and not money_equal(budget.value, parts):
        return  # a total of 0 beside filled 其中 rows: XC103 says what it should be
    if budget.present:
        message = f"全年预算数（A）为 {fmt_number(budget.value)}，应大于 0，执行率无法计算。"
        actual = fmt_number(budget.value)
    elif budget.raw.strip():
        message = f"全年预算数（A）“{budget.raw.strip()}”不是数字，执行率无法计算。"
        actual = budget.raw.strip()
    else:
        message = "年度资金总额行未填写全年预算数（A），执行率无法计算。"
        actual = "（空）"
    ctx.report(
        at=budget, message=message, expected="大于 0 的金额", actual=actual,
        severity=Severity.WARNING if budget.blank and ctx.severity is Severity.ERROR else None,
    )
