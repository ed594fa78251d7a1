"""XC616: a count the report states is not the number of names it lists."""

from perfeval_xl.model import Project
from perfeval_xl.narrative.wording import counted_lists, counted_names
from perfeval_xl.rules._base import RuleContext, rule

_LEVELS = {1: "一级指标", 2: "二级指标", 3: "三级指标"}


@rule(id="XC616", name="narrative.count_vs_list", severity="warning", title="报告所述个数与所列名称个数不符")
def check(project: Project, ctx: RuleContext) -> None:
    """报告写“……N个二级指标”或“直属事业单位10个，分别为……”，而紧挨着列出的名称不是N个。

    为什么：样本报告写“项目立项、……、服务对象满意度11个二级指标”，实际列了12个名称，说明报告是照其他
    项目改写的，漏改了个数或名称；没有附评价表时，这是发现它的唯一办法。单位、项目的个数与所列名称不符同理。

    何时报告：报告没有可对照的评价表指标（有评价表时由 XC605、XC620 与评价表对照），且一句话以顿号列出
    至少两个名称并称其为“N个一级/二级/三级指标”（名称在个数之前，或“N个一级指标，即/包括……”在之后），而
    名称个数不是N；或（有无评价表都查）“N个（家、所…）……，分别为/即/具体为”之后以顿号列出、直到句末的名称不是N个
    （最后一项含“和/及/与”时按多一个计）。

    何时通过：个数与名称相符；或名称不是用顿号列举的；指标名称有评价表可对照；或列举带“等”、含数字、
    中途有逗号（不一定列全、看不清边界）。
    """
    for para in project.narrative:
        for listing in counted_names(para.text):
            if listing.count in (len(listing.names), listing.alternative):
                continue
            ctx.report(
                para.ref,
                f"报告所述个数与所列名称不符：“{listing.fragment}”写{listing.count}个，"
                f"列出的名称有{len(listing.names)}个（{'、'.join(listing.names)}）。",
                expected=f"{len(listing.names)}个",
                actual=f"{listing.count}个",
            )
    if project.indicators:
        return
    for para in project.narrative:
        for listing in counted_lists(para.text):
            if len(listing.names) == listing.count:
                continue
            level = _LEVELS[listing.level]
            ctx.report(
                para.ref,
                f"报告所述{level}个数与所列名称不符：“{listing.fragment}”写{listing.count}个{level}，"
                f"列出的名称有{len(listing.names)}个（{'、'.join(listing.names)}）。",
                expected=f"{len(listing.names)}个",
                actual=f"{listing.count}个",
            )
