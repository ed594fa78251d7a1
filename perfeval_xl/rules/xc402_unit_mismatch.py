"""XC402: target and actual written in different units."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import money_unit, normalise_unit


def _same_kind(a: str, b: str) -> bool:
    if a == b:
        return True
    # money in 元 and in 万元 is one quantity: the checks convert it (600000元 = 60万元)
    a_head, _, a_rest = a.partition("/")
    b_head, _, b_rest = b.partition("/")
    return money_unit(a_head) is not None and money_unit(b_head) is not None and a_rest == b_rest


@rule(id="XC402", name="measures.unit_mismatch", severity="error", title="指标值与完成值单位不一致")
def check(project: Project, ctx: RuleContext) -> None:
    """同一指标的年度指标值和全年完成值使用了不同的计量单位（如 家 与 个、% 与 人）。

    为什么：单位不同的两个数无法比较，完成情况和得分都无从判断，
    多半是完成值填错了行或单位写错。

    何时报告：两者都是带单位的数字，且单位（统一全角、同义写法后）不同。
    金额单位之间（元、万元、亿元，含 元/户 与 万元/户）不算不一致：换算后即可比较。

    何时通过：单位相同、同义，或都是金额单位；任一方没有写单位时不在此报告
    （缺单位由 XC408 提示）。
    """
    for ind in project.indicators:
        if not (ind.target.present and ind.actual.present):
            continue
        target, actual = ind.target.value, ind.actual.value
        if target.number is None or actual.number is None:
            continue
        t_unit, a_unit = normalise_unit(target.unit), normalise_unit(actual.unit)
        if t_unit is None or a_unit is None or _same_kind(t_unit, a_unit):
            continue
        ctx.report(
            at=ind.actual,
            message=(
                f"指标“{ind.name.value or ''}”年度指标值单位为“{target.unit}”，"
                f"全年完成值单位却为“{actual.unit}”，两者无法比较。"
            ),
            expected=target.unit,
            actual=actual.unit,
            related=[ind.target],
        )
