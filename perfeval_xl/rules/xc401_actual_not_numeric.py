"""XC401: a numeric target answered with words."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule


@rule(id="XC401", name="measures.actual_not_numeric", severity="warning", title="定量指标完成值不是数字")
def check(project: Project, ctx: RuleContext) -> None:
    """年度指标值是数字（如“≤30万元”），全年完成值却是文字（如“完成”“达成预期指标”）。

    为什么：定量指标要按完成值/指标值计分；完成值写成“完成”就无法复核得分
    （四川样表“成本控制数 ≤30万元，完成值‘完成’，得分 90”）。

    何时报告：年度指标值含数字，全年完成值已填写但其中没有可识别的数字。

    何时通过：完成值也是数字；年度指标值是定性文字；完成值为空时由 XC405 报告。
    """
    for ind in project.indicators:
        if not (ind.target.present and ind.target.value.is_quantitative):
            continue
        if not ind.actual.raw.strip() or (ind.actual.present and ind.actual.value.is_quantitative):
            continue
        ctx.report_as_written(
            ind.actual,
            message=(
                f"指标“{ind.name.value or ''}”的年度指标值是数字“{ind.target.raw.strip()}”，"
                f"全年完成值却写为“{ind.actual.raw.strip()}”，应填写实际完成的数值。"
            ),
            expected=f"与“{ind.target.raw.strip()}”同单位的数值",
            related=[ind.target],
        )
