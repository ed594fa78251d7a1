"""XC502: a quantitative score above what its formula gives."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._scoring import figures, label, report_above_allowed


@rule(id="XC502", name="scoring.score_above_formula", severity="error", title="定量指标得分高于公式结果")
def check(project: Project, ctx: RuleContext) -> None:
    """定量指标的自评得分高于评分公式算出的分数。

    为什么：定量指标的得分由公式决定：正向指标 完成值/指标值 × 分值，反向指标按方案的
    公式（指标值/完成值 × 分值，或线性扣分），等于型按偏离比例，超额完成最高得满分。
    得分高于公式结果，说明多给了分，核定总分会低于自评总分。

    何时报告：指标值和完成值都是可比较的数字（单位相同，元与万元先换算），自评得分
    高于公式结果，且不是公式结果按填写的小数位四舍五入所得（公式 7.9167，填 7.92
    或 7.9 均可；填 8 不可）。期望值为公式结果。满分而未达标的情形由 XC501 报告，
    得分超过分值由结构检查报告，这里不重复。

    何时通过：得分等于公式结果（或其四舍五入）或更低；指标为定性指标；指标值或完成值
    不是数字、单位不同而无法计算时不判断。
    """
    report_above_allowed(
        project,
        ctx,
        applies=lambda a: a.formula is not None,
        why=lambda ind, a, allowed: f"{label(ind)}（{figures(ind)}）按评分公式应得 {allowed} 分",
        verdict="偏高",
    )
