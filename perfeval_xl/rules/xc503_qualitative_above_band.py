"""XC503: a qualitative score above the band of its wording."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._scoring import figures, label, report_above_allowed


@rule(id="XC503", name="scoring.qualitative_above_band", severity="error", title="定性指标得分超出档位")
def check(project: Project, ctx: RuleContext) -> None:
    """定性指标的自评得分高于其完成情况所在档位的上限。

    为什么：定性指标按档位计分（占分值的比例，按方案设定）：达成 80%（含）至 100%，
    部分达成 60%（含）至 80%（不含），未达成 60% 以下；基本符合／基本完成／基本实现
    在实践中两种计法都有，允许 60%（含）至 80%（含）。超出档位的得分没有依据，例如
    样本中“春节前／部分实现”得 9 分（满分 10，部分达成最多 7.99 分）。

    何时报告：完成值能归入某一档（或与指标值措辞相同，视为达成；完成值达到指标值本身
    所写的档次，如指标值“基本完成”、完成值“基本完成”，视为达成），自评得分高于该档上限。半开区间的上限
    取方案小数位下可写的最高分（8 的不含上限即 7.99）。期望值为该上限。未达成目标而
    得满分由 XC501 报告，得分超过分值由结构检查报告，这里不重复。

    何时通过：得分在档位内或更低；完成值措辞无法归档时不判断（由 XC506 提示）。
    """
    report_above_allowed(
        project,
        ctx,
        applies=lambda a: a.level is not None,
        why=lambda ind, a, allowed: f"{label(ind)}（{figures(ind)}）属于“{a.level.value}”档，得分最多 {allowed} 分",
        verdict="超出档位",
    )
