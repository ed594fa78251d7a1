"""XC506: a qualitative or time 完成值 that cannot be banded."""

from perfeval_xl.findings import Severity
from perfeval_xl.model import Indicator, Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import compact
from perfeval_xl.rules._scoring import assessments, label, points, scheme_of
from perfeval_xl.scoring.assessment import TIME
from perfeval_xl.tolerance import score_equal
from perfeval_xl.values.measures import NEGATIVE_CUE


def negative_cue(ind: Indicator) -> tuple[str, str] | None:
    """(the cue, the text it is in) in the 完成值 or the 偏差原因 column."""
    for text in (ind.actual.raw, ind.deviation.raw):
        m = NEGATIVE_CUE.search(compact(text))
        if m:
            return m.group(), text.strip()
    return None


@rule(id="XC506", name="scoring.qualitative_wording_unrecognised", severity="info", title="定性完成值无法归档")
def check(project: Project, ctx: RuleContext) -> None:
    """定性指标（或时效指标）的完成值无法归入达成、部分达成或未达成。

    为什么：定性指标按完成程度的档位计分，时效指标按是否在期限内完成计分。完成值写成
    “持续发挥作用”“春节后陆续发放”之类的描述，或时效指标只写了一个无法与期限比较的日期时，
    无法判断该给哪一档的分，只能沿用自评得分。本工具不猜测，因此这只是提示，不是错误。
    但若完成值或偏差原因中有“未”“尚未”“部分”“滞后”“延期”“不足”等表示未完成的字眼，
    自评却给了满分，就是需要说明的疑点：此时为警告，并引用这些字眼。

    何时报告：指标值为定性表述（或为期限），完成值是文字或日期，既不能识别为全部符合／
    已完成（达成）、基本符合（基本达成）、部分实现（部分达成）、未完成（未达成）等措辞，
    也不与指标值写法相同，时效指标也无法判断是否在期限内完成。得分为满分且文字中有上述
    字眼时为警告，否则为提示。

    何时通过：完成值能归档，或与指标值写法相同（如“春节前／春节前”视为达成），或时效
    指标能判断按期与否；完成值为空或为数字（由其他规则处理）。
    """
    scheme = scheme_of(ctx)
    for ind, a in assessments(project, ctx):
        if not a.unrecognised_wording:
            continue
        own = f"，核定沿用自评得分 {points(ind.score.value, scheme)} 分" if ind.score.present else ""
        if a.kind == TIME:
            message = (
                f"{label(ind)}的完成值「{ind.actual.value.text}」无法与期限「{ind.target.value.text}」比较，"
                f"不能判断是否按期完成{own}。请写明完成日期，如“2023年10月26日”“9月底完工”，或“按期完成”。"
            )
            expected = "完成日期或“按期完成”"
        else:
            message = (
                f"{label(ind)}的完成值「{ind.actual.value.text}」无法归入达成、部分达成或未达成，"
                f"不能按档位核定得分{own}。请写明完成程度，如“全部完成”“基本完成”“部分完成”“未完成”。"
            )
            expected = "达成／基本达成／部分达成／未达成 的措辞"
        severity = None
        cue = negative_cue(ind)
        full = ind.score.present and ind.weight.present and score_equal(ind.score.value, ind.weight.value)
        if cue and full:
            severity = Severity.WARNING
            message += f"文字中有“{cue[0]}”（“{cue[1]}”），却给了满分，请说明。"
        ctx.report(
            at=ind.actual,
            message=message,
            expected=expected,
            actual=ind.actual.value.text,
            related=[ind.target, ind.score, ind.deviation] if cue else [ind.target, ind.score],
            severity=severity,
        )
