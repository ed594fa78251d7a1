"""XC106: 全年预算数 differs from 年初预算数 and nothing explains the adjustment."""

import re

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import any_text_matches
from perfeval_xl.tolerance import fmt_number, money_equal

# wording of a mid-year budget change (四川表："年中发生预算调整的(追加或调减)，应单独说明理由")
ADJUSTMENT_WORDING = re.compile(
    r"调整|追加|调减|调增|追减|核减|压减|调剂|调入|调出|预算变更"
    r"|预算.{0,15}(增加|减少|增至|减至|变动|变更)|(增加|减少|收回).{0,8}预算"
)


def _carryover_explains(project: Project) -> bool:
    """The whole change sits in the 上年结转资金 row (carried-over money added mid-year)."""
    funds = project.funds
    row = funds.carryover
    if row is None or not row.budget.present:
        return False
    change = funds.total.budget.value - funds.total.initial.value
    carried = row.budget.value - (row.initial.value if row.initial.present else 0)
    return abs(carried) > 0 and money_equal(change, carried)


@rule(
    id="XC106", name="funds.adjustment_unexplained", severity="warning", title="预算调整未说明原因"
)
def check(project: Project, ctx: RuleContext) -> None:
    """全年预算数与年初预算数不同，但报告和偏差原因中都没有说明预算调整。

    为什么：年中追加或调减预算应单独说明理由（四川自评表填表要求）；
    没有说明时无法判断全年预算数是否填错。

    何时报告：年度资金总额行的年初预算数与全年预算数都已填写、相差超过 0.01 万元，
    且评价报告各段、各指标的偏差原因、年度目标实际完成情况中都没有
    “调整、追加、调减、调增、核减、压减、调剂”等字样，差额也不是上年结转资金的增加。

    何时通过：两数相等（0.01 万元以内）；任一处文字说明了调整（含“预算由…增加至…”
    这类说法）；或差额恰好是“上年结转资金”行年中增加的数（表内已说明来源）；任一数为空或全年预算数 ≤ 0
    时不检查（由 XC105 报告）。
    """
    if project.funds is None:
        return
    row = project.funds.total
    if not (row.initial.present and row.budget.present) or row.budget.value <= 0:
        return  # A ≤ 0 is XC105's (or XC103's) finding, not an adjustment
    if money_equal(row.initial.value, row.budget.value):
        return
    if any_text_matches(project, ADJUSTMENT_WORDING) or _carryover_explains(project):
        return
    change = row.budget.value - row.initial.value
    ctx.report(
        at=row.budget,
        message=(
            f"全年预算数 {fmt_number(row.budget.value)} 万元与年初预算数 {fmt_number(row.initial.value)} 万元"
            f"相差 {fmt_number(change)} 万元，但报告和偏差原因中未说明预算调整（追加或调减）的理由。"
        ),
        expected="说明预算调整理由",
        actual="未说明",
        related=[row.initial],
    )
