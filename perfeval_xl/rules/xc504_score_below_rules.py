"""XC504: a score below its formula or band (for the record)."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._scoring import assessed, figures, label, points, scheme_of


@rule(id="XC504", name="scoring.score_below_rules", severity="info", title="得分低于评分规则结果")
def check(project: Project, ctx: RuleContext) -> None:
    """自评得分低于评分公式的结果或所在档位的下限。

    为什么：从严计分不是错误，许多报告写明了自己更严的规则（如“部分实现按 50% 计分”），
    但核定得分与自评得分会因此不同，审核人应当知道差额从何而来。

    何时报告：定量指标的得分低于公式结果（且不是其四舍五入），或定性指标的得分低于
    其档位下限（如完成值“全部符合”只得分值的 50%）。期望值为公式结果或档位下限。

    何时通过：得分等于公式结果或在档位内；无法核定的指标不判断；得分为负数时由
    XC203 报告，这里不重复。
    """
    scheme = scheme_of(ctx)
    for ind, a in assessed(project, ctx):
        if not a.judged or not a.falls_short(ind.score.value, ind.score.decimals):
            continue
        if ind.score.value < 0:  # out of [0, 分值]: the structure check XC203 reports it
            continue
        floor = points(a.allowed_low, scheme)
        what = "按评分公式应得" if a.formula is not None else f"属于“{a.level.value}”档，至少可得"
        ctx.report(
            at=ind.score,
            message=(
                f"{label(ind)}（{figures(ind)}）{what} {floor} 分，自评 {points(ind.score.value, scheme)} 分偏低；"
                f"如系从严计分可不处理。依据：{a.reason}。"
            ),
            expected=floor,
            actual=points(ind.score.value, scheme),
            related=[ind.target, ind.actual, ind.weight],
        )
