"""XC506: a qualitative 完成值 whose wording fits no band."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._scoring import assessments, label, points, scheme_of


@rule(id="XC506", name="scoring.qualitative_wording_unrecognised", severity="warning", title="定性完成值无法归档")
def check(project: Project, ctx: RuleContext) -> None:
    """定性指标的完成值措辞无法归入达成、部分达成或未达成。

    为什么：定性指标按完成程度的档位计分。完成值写成“有效提升”“春节后”之类的描述时，
    无法判断该给哪一档的分，只能沿用自评得分，核定结果因此不可靠。本工具不猜测。

    何时报告：指标值为定性表述（或指标类型为“定性”），完成值是文字，既不能识别为
    全部符合／已完成（达成）、基本符合（基本达成）、部分实现（部分达成）、未完成
    （未达成）等措辞，也不与指标值写法相同。

    何时通过：完成值能归档，或与指标值写法相同（如“春节前／春节前”视为达成）；完成值
    为空或为数字（由其他规则处理）。
    """
    scheme = scheme_of(ctx)
    for ind, a in assessments(project, ctx):
        if not a.unrecognised_wording:
            continue
        own = f"，核定沿用自评得分 {points(ind.score.value, scheme)} 分" if ind.score.present else ""
        ctx.report(
            at=ind.actual,
            message=(
                f"{label(ind)}的完成值「{ind.actual.value.text}」无法归入达成、部分达成或未达成，"
                f"不能按档位核定得分{own}。请写明完成程度，如“全部完成”“基本完成”“部分完成”“未完成”。"
            ),
            expected="达成／基本达成／部分达成／未达成 的措辞",
            actual=ind.actual.value.text,
            related=[ind.target, ind.score],
        )
