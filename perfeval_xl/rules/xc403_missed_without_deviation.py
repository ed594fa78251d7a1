"""XC403: a target missed with no 偏差原因."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import explains, target_missed


@rule(id="XC403", name="measures.missed_without_deviation", severity="warning", title="未完成目标未说明偏差原因")
def check(project: Project, ctx: RuleContext) -> None:
    """指标未达到年度指标值，偏差原因分析及改进措施却为空（或只写了“无”“/”之类）。

    为什么：自评表要求在“偏差原因分析及改进措施”中说明偏离目标、不能完成的原因
    及拟采取的措施；不说明就无法判断扣分是否合理。

    何时报告：偏差原因为空或只有“无、/、-、无偏差”等，且目标未达成——定量：按比较符判断（≥ 时完成值小于目标、
    ≤ 时大于目标、= 时不等；金额换算为万元后比较）；定性：完成值为部分达成、未达成，
    或目标为“全部符合”一类而完成值为“基本符合”一类。

    何时通过：目标已达成或无法判断（单位不同、定性文字无法归档），或已填写偏差原因。
    """
    for ind in project.indicators:
        if explains(ind.deviation.raw) or not (ind.target.present and ind.actual.present):
            continue
        if not target_missed(ind.target.value, ind.actual.value):
            continue
        ctx.report_as_written(
            ind.deviation,
            fallback=ind.actual.ref,
            message=(
                f"指标“{ind.name.value or ''}”年度指标值“{ind.target.raw.strip()}”，全年完成值"
                f"“{ind.actual.raw.strip()}”，未达成目标，但未填写偏差原因分析及改进措施。"
            ),
            expected="填写偏差原因及改进措施",
            related=[ind.target, ind.actual],
        )
