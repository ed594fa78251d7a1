"""XC213: a 小计 row that is not the sum of the indicator rows it closes."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.tolerance import fmt_number, score_equal


@rule(id="XC213", name="structure.subtotal_mismatch", severity="error", title="小计与所属指标合计不符")
def check(project: Project, ctx: RuleContext) -> None:
    """指标表中的“小计”行，其分值或得分不等于它上方所属各三级指标之和。

    为什么：许多地方的评价表在每个一级指标下加一行小计。小计不是指标，而是其上各行
    （自上一个小计或表头起）的合计；小计与各行之和不符，说明某个分值、得分或小计本身
    填错了，总分和等次也可能随之出错。

    何时报告：小计行的分值（或得分）已填，其上所属各三级指标的分值（或得分）也都已填，
    两者相差超过 0.01 分；报告在小计的分值（或得分）格上。

    何时通过：小计等于各行之和；所属各行有空白得分时不核对得分（空白由其他规则报告）。
    """
    for sub in project.subtotals:
        group = project.indicators[sub.first : sub.stop]
        if not group:
            continue
        name = group[0].level1.value or sub.label.value or "小计"
        for column, what in ((sub.weight, "分值"), (sub.score, "得分")):
            if not column.present:
                continue
            cells = [ind.weight if what == "分值" else ind.score for ind in group]
            if not all(c.present for c in cells):
                continue
            total = sum(c.value for c in cells)
            if score_equal(total, column.value):
                continue
            ctx.report(
                at=column,
                message=(
                    f"“{name}”的小计{what}为 {fmt_number(column.value)} 分，"
                    f"但其上 {len(group)} 个三级指标的{what}合计为 {fmt_number(total)} 分。"
                ),
                expected=fmt_number(total),
                actual=fmt_number(column.value),
                related=cells,
            )
