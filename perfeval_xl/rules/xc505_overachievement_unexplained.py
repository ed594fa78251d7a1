"""XC505: a target exceeded by far, with no explanation."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._scoring import assessments, figures, label, scheme_of
from perfeval_xl.scoring import POSITIVE
from perfeval_xl.scoring.indicator import APPROXIMATE_SHARE
from perfeval_xl.tolerance import fmt_number

# a target of 0 has no ratio: Guangxi asks for a reason from an actual of 30 (standards §2.7)
ZERO_TARGET_ACTUAL = 30


@rule(id="XC505", name="scoring.overachievement_unexplained", severity="warning", title="超额完成较多未说明原因")
def check(project: Project, ctx: RuleContext) -> None:
    """正向定量指标的完成值远超指标值，偏差原因栏却是空的。

    为什么：完成值达到指标值的 130%（方案参数 overachieve_threshold）以上，多半说明
    年初指标值设定偏低；财政部要求分析原因，指标值明显偏低的应按偏离度调减分值
    （广西等地系统强制填写原因）。

    何时报告：正向指标（≥、>、不低于、达到或只写数字）完成值 ≥ 指标值 × 阈值；
    指标值为 0 时完成值 ≥ 30；且该行“偏差原因分析及改进措施”为空。

    何时通过：完成值低于阈值；指标值是范围（2~3次）而完成值不超过其上限；偏差原因已填写；反向、等于型和定性指标，以及单位不同
    无法比较的指标不判断（等于型超出属于未达标，由偏差原因规则处理）。
    """
    scheme = scheme_of(ctx)
    for ind, a in assessments(project, ctx):
        if ind.deviation.present and ind.deviation.value.strip():
            continue
        if a.kind != POSITIVE or a.formula is None:
            continue
        upper = ind.target.value.upper  # a range (2~3次) is exceeded only above its upper end
        if upper is not None and a.target > 0:
            ceiling = upper * a.target / ind.target.value.number  # in the unit the assessment compared
            if a.actual <= ceiling:
                continue
        if a.target > 0:
            # an approximate actual (约135公里) counts at the low end of its error
            base = ceiling if upper is not None else a.target
            ratio = a.actual * (1 - APPROXIMATE_SHARE if a.approximate else 1) / base
            if ratio < scheme.overachieve_threshold - 1e-9:
                continue
            how = f"为指标值的 {fmt_number(ratio * 100, 1)}%，达到 {fmt_number(scheme.overachieve_threshold * 100)}% 以上"
        elif a.target == 0 and a.actual >= ZERO_TARGET_ACTUAL:
            how = f"而指标值为 0（完成值达到 {ZERO_TARGET_ACTUAL} 即须说明）"
        else:
            continue
        ctx.report(
            at=ind.deviation,
            message=(
                f"{label(ind)}（{figures(ind)}）完成值{how}，超额较多却未在“偏差原因分析及改进措施”栏说明原因"
                f"（指标值可能设定偏低）。"
            ),
            expected="填写超额完成的原因",
            actual="空",
            related=[ind.target, ind.actual],
        )
