from perfeval_xl.findings import Severity
from perfeval_xl.narrative.wording import counted_lists
from perfeval_xl.rules._base import rule

_LEVELS = {1: "一级指标", 2: "二级指标", 3: "三级指标"}


@rule(id="XC616", name="narrative.count_vs_list", severity=Severity.WARNING, title="报告所述指标个数与所列名称个数不符")
def narrative_count_vs_list(project, ctx):
    """报告写“……N个二级指标”，而紧挨着列出的名称不是N个。

    为什么：样本报告写“项目立项、……、服务对象满意度11个二级指标”，实际列了12个名称，说明报告是照其他
    项目改写的，漏改了个数或名称；没有附评价表时，这是发现它的唯一办法。

    何时报告：报告没有可对照的评价表指标（有评价表时由 XC605、XC620 与评价表对照），且一句话以顿号列出
    至少两个名称并称其为“N个一级/二级/三级指标”（名称在个数之前，或“N个一级指标，即/包括……”在之后），而
    名称个数不是N。

    何时通过：个数与名称相符；或名称不是用顿号列举的；或有评价表。
    """
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
