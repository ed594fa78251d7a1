"""XC203: an indicator's 得分 is negative or above its 分值."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.tolerance import SCORE, fmt_number


@rule(id="XC203", name="structure.score_out_of_range", severity="error", title="得分超出0至分值范围")
def check(project: Project, ctx: RuleContext) -> None:
    """三级指标得分小于 0 或大于该指标分值。

    为什么：任何指标的得分都只能在 0 到分值之间；超出会虚增（或虚减）总分。

    何时报告：分值 > 0、得分已填，且得分 < 0 或得分 > 分值（容差 0.01 分）。

    何时通过：0 ≤ 得分 ≤ 分值；分值为空或 ≤ 0 时由 XC204 报告，不在此检查。
    """
    for ind in project.indicators:
        if not (ind.weight.present and ind.score.present) or ind.weight.value <= 0:
            continue
        score, weight = ind.score.value, ind.weight.value
        if -SCORE <= score <= weight + SCORE:
            continue
        problem = "为负数" if score < 0 else f"超过分值 {fmt_number(weight)}"
        ctx.report(
            at=ind.score,
            message=f"指标“{ind.name.value or ''}”得分 {fmt_number(score)} {problem}，应在 0 至 {fmt_number(weight)} 之间。",
            expected=f"0～{fmt_number(weight)}",
            actual=fmt_number(score),
            related=[ind.weight],
        )
