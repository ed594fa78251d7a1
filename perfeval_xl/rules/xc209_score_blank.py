"""XC209: an indicator with a 分值 has no 得分."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule


@rule(id="XC209", name="structure.score_blank", severity="warning", title="指标得分未填写")
def check(project: Project, ctx: RuleContext) -> None:
    """三级指标有分值，却没有填写得分（或得分不是数字）。

    为什么：常见于把完成值、得分留空而合计照写 100 的表（四川样表），此时总分无法复核。

    何时报告：分值已填，得分为空或无法识别为数字。

    何时通过：得分已填写为数字；分值也为空时由 XC204 报告。
    """
    for ind in project.indicators:
        if not ind.weight.present or ind.score.present:
            continue
        what = f"“{ind.score.raw.strip()}”不是数字" if ind.score.raw.strip() else "未填写"
        ctx.report_as_written(
            ind.score,
            fallback=ind.name.ref,
            message=f"指标“{ind.name.value or ''}”的得分{what}，无法复核总分。",
            expected="填写得分",
            related=[ind.weight],
        )
