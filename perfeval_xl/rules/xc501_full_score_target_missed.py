"""XC501: full points for an indicator whose target was missed."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._scoring import (
    approximate_note,
    assessed,
    figures,
    full_marks_for_missed_target,
    inexact_severity,
    label,
    points,
    scheme_of,
)
from perfeval_xl.scoring.assessment import TIME


@rule(id="XC501", name="scoring.full_score_target_missed", severity="error", title="未完成目标却得满分")
def check(project: Project, ctx: RuleContext) -> None:
    """指标未达到年度指标值，自评却给了满分。

    为什么：评分规则只给达到目标的指标满分；未完成的定量指标按 完成值/指标值 × 分值
    （反向指标按方案的公式）计分，定性指标按“部分达成”“未达成”等档位计分。未完成
    却得满分是自评得分虚高最常见的形式，会抬高总分和等次。

    何时报告：指标可以核定（完成值与指标值可比较，或完成值能归入定性档位），目标
    未达成（正向 完成值 < 指标值、反向 完成值 > 指标值、等于 完成值 ≠ 指标值，定性为
    基本达成／部分达成／未达成），得分等于分值，且高于评分规则允许的最高分（定量
    允许按填写的小数位四舍五入）。期望值为允许的最高分。

    完成值是约数（约18家）且明显不足时只是警告：约数本身不能证明得分错了。

    何时通过：目标已达成；约数与指标值相差在约数误差（10%）之内；或得分低于分值；或公式结果四舍五入后本身就是满分（如
    99.95% × 10 = 9.995 ≈ 10）；无法核定的指标（单位不同、完成值不是数字、措辞无法
    归档）由其他规则提示，这里不判断。
    """
    scheme = scheme_of(ctx)
    for ind, a in assessed(project, ctx):
        if not full_marks_for_missed_target(ind, a):
            continue
        allowed = points(a.allowed_high, scheme)
        ctx.report(
            at=ind.score,
            message=(
                f"{label(ind)}{'未在期限内完成' if a.kind == TIME else '未达到年度指标值'}（{figures(ind)}），"
                f"却得满分 {points(ind.score.value, scheme)} 分；"
                f"按评分规则最多 {allowed} 分。依据：{a.reason}。{approximate_note(a)}"
            ),
            severity=inexact_severity(a, ctx),
            expected=allowed,
            actual=points(ind.score.value, scheme),
            related=[ind.target, ind.actual, ind.weight],
        )
