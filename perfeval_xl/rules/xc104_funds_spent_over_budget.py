"""XC104: 全年执行数 exceeds 全年预算数."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.tolerance import MONEY, fmt_number


@rule(id="XC104", name="funds.spent_over_budget", severity="warning", title="执行数超过全年预算数")
def check(project: Project, ctx: RuleContext) -> None:
    """全年执行数（B）大于全年预算数（A），执行率超过 100%。

    为什么：执行数不应超过调整后的全年预算；超出通常是预算数填成了年初数、
    或执行数含了其他年度资金，需要核实。

    何时报告：年度资金总额行 A、B 都已填写，且 B − A 超过 0.01 万元。

    何时通过：B ≤ A（允许 0.01 万元误差），或 A、B 有一项为空。
    """
    if project.funds is None:
        return
    row = project.funds.total
    if not (row.budget.present and row.spent.present):
        return
    if row.spent.value - row.budget.value <= MONEY:
        return
    ctx.report(
        at=row.spent,
        message=(
            f"全年执行数（B）{fmt_number(row.spent.value)} 万元超过全年预算数（A）"
            f"{fmt_number(row.budget.value)} 万元，请核实预算数或执行数。"
        ),
        expected=f"≤ {fmt_number(row.budget.value)}",
        actual=fmt_number(row.spent.value),
        related=[row.budget],
    )
