"""XC103: 年度资金总额 is not the sum of its 其中 rows."""

from perfeval_xl.findings import Severity
from perfeval_xl.model import FundsRow, Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.tolerance import fmt_number, money_equal

COLUMNS = (("initial", "年初预算数"), ("budget", "全年预算数"), ("spent", "全年执行数"))
# a blank total 全年预算数 is XC105's finding, a blank total 全年执行数 XC108's
BLANK_OWNED_ELSEWHERE = {"budget", "spent"}


def _filled_elsewhere(row: FundsRow) -> bool:
    return any(getattr(row, attr).present for attr, _ in COLUMNS)


def _label(row: FundsRow) -> str:
    return (row.label.value or "").replace("其中：", "").replace("其中:", "") or "其中"


@rule(id="XC103", name="funds.total_not_sum_of_parts", severity="error", title="资金总额不等于其中各项之和")
def check(project: Project, ctx: RuleContext) -> None:
    """年度资金总额与“其中”各行（当年财政拨款、上年结转资金、其他资金）之和不符。

    为什么：总额行是执行率和得分的计算基础；常见错误是只填了其中一行、总额留 0，
    或改了其中一行忘记改总额。

    何时报告：在年初预算数、全年预算数、全年执行数三列中，凡有至少一个“其中”行
    填了数的列，总额与已填“其中”各行之和相差超过 0.01 万元（错误）；总额未填时
    是警告（空白不是错误：表没填完整），同样写明应填的合计；总额大于已填各项之和、而差额可能
    就是某个“其中”行在该列漏填的数（该行其他列有数、这一格空白）时也是警告，并指出那一行；
    整行空白的“其中”行表示没有这项资金，合计不符仍是错误。

    何时通过：各列总额与“其中”各行之和相差不超过 0.01 万元；“其中”行在该列全空时
    不检查该列；总额的全年预算数、全年执行数为空时分别由 XC105、XC108 报告。
    """
    if project.funds is None or not project.funds.parts:
        return
    for attr, title in COLUMNS:
        total = getattr(project.funds.total, attr)
        rows = [row for row in project.funds.parts if getattr(row, attr).present]
        filled = [getattr(row, attr) for row in rows]
        if not filled:
            continue
        expected = sum(p.value for p in filled)
        if total.present and money_equal(total.value, expected):
            continue
        if not total.present and attr in BLANK_OWNED_ELSEWHERE:
            continue
        found = fmt_number(total.value) if total.present else "（空）"
        # a gap only where a row was filled in other columns and left blank in this one: a wholly
        # blank 其中 row means there is no such money, and 不详 in a cell is the clerk's error
        gaps = [row for row in project.funds.parts if getattr(row, attr).blank and _filled_elsewhere(row)]
        unreadable = any(not getattr(row, attr).present and not getattr(row, attr).blank for row in project.funds.parts)
        part_missing = total.present and total.value > expected and bool(gaps) and not unreadable
        note = f"（其中“{_label(gaps[0])}”的{title}未填写，差额可能就是该项）" if part_missing else ""
        if len(filled) == 1:
            should = f"应等于其中“{_label(rows[0])}”的 {fmt_number(expected)} 万元"
        else:
            terms = " + ".join(fmt_number(p.value) for p in filled)
            should = f"应为其中各项之和 {terms} = {fmt_number(expected)} 万元"
        ctx.report(
            at=total,
            message=f"年度资金总额的{title}{should}，表中填写 {found}{note}。",
            expected=fmt_number(expected),
            actual=found,
            related=[*filled, getattr(gaps[0], attr)] if part_missing else filled,
            severity=Severity.WARNING if (total.blank or part_missing) and ctx.severity is Severity.ERROR else None,
        )
