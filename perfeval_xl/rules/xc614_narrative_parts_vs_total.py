"""XC614: the parts the report lists do not add up to its total."""

from collections.abc import Iterator
from decimal import Decimal

from perfeval_xl.model import Project
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.claim import OTHER, UNIT_PRICE, Claim
from perfeval_xl.narrative.facts import label, rounding, sentence_of, show
from perfeval_xl.narrative.roles import PART, TOTAL
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._narrative import report_claim
from perfeval_xl.tolerance import MONEY, fmt_number


def _listed_before(sentence: list[Claim], total: Claim) -> list[Claim] | None:
    """The items a 合计 sums in prose: the run of parts right before it in its
    sentence, of its subject (or of none: 购置图书21.6万元). None when a unit
    price is among them (XC613's case)."""
    items = []
    for c in reversed([c for c in sentence if c.end <= total.start and c.unit == total.unit]):
        if c.subject == UNIT_PRICE:
            return None
        if c.role != PART or c.subject not in (total.subject, OTHER):
            break  # 实际到位95.13万元，支付A 88万元、B 7.13万元，合计95.13万元: the run starts after 到位
        items.append(c)
    return items[::-1]


def _table_groups(claims: list[Claim]) -> Iterator[tuple[Claim, list[Claim]]]:
    """(total, parts) per money column of each text table with one 合计 row."""
    columns: dict[tuple[int, str], list[Claim]] = {}
    for c in claims:
        if c.table is not None and c.unit == "万元" and c.role in (PART, TOTAL):
            columns.setdefault((c.table, c.subject), []).append(c)
    for group in columns.values():
        totals = [c for c in group if c.role == TOTAL]
        parts = [c for c in group if c.role == PART]
        if len(totals) == 1 and len(parts) >= 2 and not any("小计" in c.table_row for c in group):
            yield totals[0], parts


def _breakdowns(claims: list[Claim]) -> Iterator[tuple[Claim, list[Claim]]]:
    """(whole, items) of each amount followed by its breakdown (预算100万元，其中…)."""
    items: dict[tuple[int, int], list[Claim]] = {}
    for c in claims:
        if c.whole_at is not None and c.unit == "万元":
            items.setdefault((c.paragraph, c.whole_at), []).append(c)
    for c in claims:
        if c.role == TOTAL and (c.paragraph, c.start) in items:  # a nested one too (合计118万元，包括…)
            yield c, items[(c.paragraph, c.start)]


def _groups(claims: list[Claim]) -> Iterator[tuple[Claim, list[Claim], bool]]:
    """(total, parts, complete): complete when the parts must add up to the total;
    a breakdown after 其中/用于 may list only some items (then only more is wrong)."""
    for total in claims:
        if total.role != TOTAL or total.unit != "万元" or total.table is not None:
            continue
        parts = _listed_before(sentence_of(claims, total), total)
        if parts and len(parts) >= 2:
            yield total, parts, True
    for total, parts in _table_groups(claims):
        yield total, parts, True
    for whole, parts in _breakdowns(claims):
        yield whole, parts, False


@rule(id="XC614", name="narrative.parts_vs_total", severity="error", title="报告所列分项金额之和与合计不符")
def check(project: Project, ctx: RuleContext) -> None:
    """报告逐项列出金额再写合计（“支付运维服务费88.00万元、设备配件更换费7.13万元，合计支出96.13万元”），
    或文字表格中各行金额与“合计”行不符。

    为什么：分项与合计都写在报告里，加起来对不上，说明有一项漏写、抄错或合计算错。

    何时报告：同一句中先列出至少两项金额，其后写“合计/共计/总计/累计”金额；或文字表格（“|”分隔）某一金额列
    有“合计”行和至少两行分项：分项之和与合计之差超过0.01万元，也超过其中最粗的数所写位数的半个单位
    （“3.58万元”对 12,345元+23,456元 是四舍五入）。先写总数、再以“其中”“用于”逐项列出的（“下达资金755.19万元，
    其中中央级124.23万元、省级370.83万元、市级260.3万元”），所列各项之和超过总数（同样的容差）。

    何时通过：相符；或“其中”“用于”之后所列之和不超过总数（不一定列全，不报）；或表格有“小计”行（层级不明）；
    或句中有单价（数量×单价由 XC613 核对）；嵌套的“其中”（括号里的、分项之后的）不计入上一层。
    """
    claims = project_claims(project)
    for total, parts, complete in _groups(claims):
        summed = sum((p.value for p in parts), Decimal(0))
        tolerance = max(MONEY, rounding(total), *(rounding(p) for p in parts)) + 1e-9  # the coarsest figure's half unit
        excess = float(summed - total.value)
        if excess <= tolerance and (not complete or -excess <= tolerance):
            continue
        items = "+".join(p.text for p in parts)
        summed_text = f"{fmt_number(float(summed), 4)}万元"
        where = f"表中“{total.table_row}”行" if total.table is not None else f"“{total.fragment}”"
        if complete:
            message = f"报告所列分项{label(total.subject)}之和与合计不符：{where}，{items}={summed_text}，而合计写{show(total)}。"
        else:
            message = (f"报告所列分项{label(total.subject)}之和超过总数：{where}写{show(total)}，"
                       f"其后所列{items}={summed_text}，已超过总数。")
        report_claim(
            ctx,
            total,
            message,
            expected=summed_text if complete else f"≥{summed_text}",
            related=[p.ref for p in parts if p.ref != total.ref],
        )
