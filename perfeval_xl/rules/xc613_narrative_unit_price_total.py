"""XC613: count × unit price is not the total the report states."""

from decimal import Decimal

from perfeval_xl.model import Project
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.claim import UNIT_PRICE, Claim
from perfeval_xl.narrative.facts import rounding, sentence_of, show
from perfeval_xl.narrative.roles import TOTAL
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.tolerance import MONEY, fmt_number

# what is counted (家、人、户 …), not a duration or a measure
_COUNTABLE = {"家", "个", "人", "户", "所", "名", "项", "次", "人次", "村", "台", "套", "辆", "座", "间", "处", "场",
              "件", "份", "册", "张", "株", "头", "只", "批", "艘", "盏", "床", "例", "篇", "期", "亩", "平方米", "公里", "吨"}


def _count_before(sentence: list[Claim], price: Claim) -> Claim | None:
    """The count the price multiplies: the nearest countable figure before it in
    the sentence, preferring the one whose unit follows 每 (每户 -> 户)."""
    counts = [c for c in sentence if c.end <= price.start and c.unit in _COUNTABLE
              and isinstance(c.value, Decimal) and c.value == c.value.to_integral_value()]
    return counts[-1] if counts else None


@rule(id="XC613", name="narrative.unit_price_total", severity="error", title="报告所述数量×单价与合计不符")
def check(project: Project, ctx: RuleContext) -> None:
    """报告写“N家，每家X万元，共计Y万元”，而 N×X ≠ Y。

    为什么：这是报告里最容易核对的算术，算错说明金额或数量有一处不实。

    何时报告：同一句话依次写出数量（家、个、人、户……，可带千分位：1,200人）、单价（“每家3万元”“每户补助
    2,000元”“人均500元”）、其后的合计金额（“共计/合计/总计”），且 数量×单价 与合计之差超过0.01万元，也超过
    合计所写位数的四舍五入。

    何时通过：相符；或单价有两个“每”（每人每月……，还差一个数量）；或句中缺数量或合计（不猜测）。
    """
    claims = project_claims(project)
    for price in claims:
        if price.subject != UNIT_PRICE or not price.firm:
            continue
        sentence = sentence_of(claims, price)
        count = _count_before(sentence, price)
        totals = [c for c in sentence if c.start > price.start and c.unit == "万元" and c.role == TOTAL]
        if count is None or not totals or _two_rates(price.fragment):
            continue
        total = totals[0]
        expected = count.value * price.value
        tolerance = max(Decimal(str(MONEY)), Decimal(str(rounding(total))))
        if abs(expected - total.value) <= tolerance:
            continue
        ctx.report(
            price.ref,
            f"报告所述数量×单价与合计不符：“{price.fragment}”，{count.text}×{price.text}"
            f"={fmt_number(float(expected), 4)}万元，而合计写{show(total)}。",
            expected=f"{fmt_number(float(expected), 4)}万元",
            actual=show(total),
        )


def _two_rates(fragment: str) -> bool:
    """每人每月500元 needs a second count (months); 每生每年 in a one-year project does not."""
    return fragment.replace("每年", "").count("每") >= 2
