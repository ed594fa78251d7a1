import re
from decimal import Decimal

from perfeval_xl.findings import Severity
from perfeval_xl.narrative.numbers import ARABIC_NUMBER, MONEY_UNITS, normalise_text
from perfeval_xl.rules._base import rule
from perfeval_xl.tolerance import MONEY, fmt_number



def _money(name: str) -> str:
    return rf"(?P<{name}>{ARABIC_NUMBER})(?P<{name}_unit>亿元|万元|元)"


# "20家，每家慰问金额3万元，共计60万元": a count, a per-unit amount, a total — in one sentence.
_PATTERN = re.compile(
    # no other figure between the count and 每: in "58所…受助学生12504人，每生1000元" the count is 12504
    r"(?P<n>\d+)(?P<what>家|个|人|户|所|名|项|次|村|台|套)[^。；\d]{0,30}?每(?P=what)?[^，。；\d]{0,12}?"
    + _money("price")
    + r"[^。；\d]{0,12}?(?:共计|合计|总计|共|累计|总额)[^，。；\d]{0,10}?"
    + _money("total")
)


def _wan(m, name) -> Decimal:
    return Decimal(m.group(name).replace(",", "")) * MONEY_UNITS[m.group(f"{name}_unit")]


@rule(id="XC613", name="narrative.unit_price_total", severity=Severity.ERROR, title="报告所述数量×单价与合计不符")
def narrative_unit_price_total(project, ctx):
    """报告写“N家，每家X万元，共计Y万元”，而 N×X ≠ Y。

    为什么：这是报告里最容易核对的算术，算错说明金额或数量有一处不实。

    何时报告：同一句话依次写出数量（家、个、人、户……）、“每…”单价金额、“共计/合计/总计”金额，且
    数量×单价与合计相差超过0.01万元。

    何时通过：相符；或句子不是“数量—每—单价—共计”的写法（不猜测）。
    """
    for para in project.narrative:
        text = normalise_text(para.text)
        for m in _PATTERN.finditer(text):
            expected = int(m.group("n")) * _wan(m, "price")
            total = _wan(m, "total")
            if abs(expected - total) > Decimal(str(MONEY)):
                ctx.report(
                    para.ref,
                    f"报告所述数量×单价与合计不符：“{m.group(0)}”，{m.group('n')}×{fmt_number(float(_wan(m, 'price')), 4)}万元"
                    f"={fmt_number(float(expected), 4)}万元，而非{fmt_number(float(total), 4)}万元。",
                    expected=f"{fmt_number(float(expected), 4)}万元",
                    actual=f"{fmt_number(float(total), 4)}万元",
                )
