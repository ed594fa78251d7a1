"""XC612: a rate the report states is not the ratio of the amounts it states."""

from collections.abc import Iterator

from perfeval_xl.model import Project
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.claim import Claim
from perfeval_xl.narrative.facts import form_rates, rate_agrees, show
from perfeval_xl.narrative.roles import ACTUAL, PART, TOTAL
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._narrative import report_claim
from perfeval_xl.tolerance import fmt_rate

# rate subject -> (numerator, denominators): the first denominator must be stated in the
# paragraph; the others are accepted alternatives.
_DEFINITIONS = {
    "execution_rate": (("spent",), ("budget", "arrived")),  # 预算 first; some reports divide by 到位
    "arrival_rate": (("arrived",), ("budget",)),
}


# 全年预算 is the 预算 of the ratio when the report names it so
_SAME = {"budget": ("budget", "full_year_budget")}


def _one_value(peers: list[Claim], subjects: tuple[str, ...]) -> float | None:
    values = {float(c.value) for c in peers if c.subject in subjects}
    return values.pop() if len(values) == 1 else None


def _rates(claims: list[Claim]) -> Iterator[tuple[Claim, list[Claim]]]:
    """Rates to check, each with the figures it may be computed from: a stated
    result with the results of its paragraph; a text-table row's rate with its row
    (like with like: an item's rate with that item's amounts)."""
    for rate in claims:
        if rate.subject not in _DEFINITIONS or not rate.firm:
            continue
        if rate.table is None and not rate.happened:
            continue
        if rate.table is not None and rate.role not in (ACTUAL, PART, TOTAL):
            continue
        # a table row is its own sentence: its amounts are the row's whatever their role (the 合计 row's rate is
        # the whole's rate, its amounts totals)
        same_role = rate.table is not None or None
        peers = [c for c in claims if c.firm and c.paragraph == rate.paragraph and (same_role or c.role == rate.role)
                 and c.table == rate.table and c.scope == rate.scope and c.scoped == rate.scoped]
        yield rate, peers


@rule(id="XC612", name="narrative.rate_not_ratio", severity="error", title="报告所述比率与所写金额不符")
def check(project: Project, ctx: RuleContext) -> None:
    """报告同一段写出的执行率（到位率）不等于同段所写金额之比；文字表格中某一行的执行率不等于该行金额之比。

    为什么：“预算60万元，支出54万元，执行率100%”这样的段落自相矛盾，不必看评价表就能发现。

    何时报告：同一段有执行率和唯一的支出金额、预算（或到位）金额（都是实际数），而执行率既不等于 支出÷预算
    也不等于 支出÷到位；到位率同理（到位÷预算）。文字表格（“|”分隔）的每一行按该行的预算数、执行数核对该行
    执行率。按所写小数位四舍五入或截断后相等即视为一致。

    何时通过：比率与金额相符；或同段缺少其中某个金额，或同一主语写了多个金额；或目标值、分项的比率与合计
    的金额混在一起（只比同类的数）；或该比率已与评价表不符（由 XC602 报告，同一个数只报一次）。
    """
    claims = project_claims(project)
    for rate, peers in _rates(claims):
        numerators, denominators = _DEFINITIONS[rate.subject]
        if rate.trusted and rate.table is None:
            form_values, _ = form_rates(project, rate.subject)
            if form_values and not any(rate_agrees(rate, v) for v in form_values):
                continue  # XC602 reports this number against the form already
        top = _one_value(peers, numerators)
        bottoms = [_one_value(peers, _SAME.get(d, (d,))) for d in denominators]
        if top is None or not bottoms[0]:
            continue  # the defining denominator (预算) is not stated here: nothing to hold it to
        bottoms = [b for b in bottoms if b]
        ratios = [top / b for b in bottoms]
        if any(rate_agrees(rate, r) for r in ratios):
            continue
        where = f"表中“{rate.table_row}”行" if rate.table is not None else f"“{rate.fragment}”"
        report_claim(
            ctx,
            rate,
            f"报告所述比率与所写金额不符：{where}写{show(rate)}，按所写金额计算应为{fmt_rate(ratios[0])}。",
            expected=fmt_rate(ratios[0]),
        )
