"""XC620: 二级指标 the report lists that the form does not have."""

from perfeval_xl.model import Project
from perfeval_xl.narrative.wording import level2_lists
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.values.running_text import normalise_text


def _core(name: str) -> str:
    return name[: -len("指标")] if name.endswith("指标") and len(name) > 3 else name


def _known(name: str, form_names: set[str]) -> bool:
    # 服务对象满意度 for the form's 满意度, 数量指标 for 产出数量: the same indicator in other words.
    name = _core(name)
    return any(name == f or (len(f) >= 2 and (f in name or name in f)) for f in map(_core, form_names))


@rule(id="XC620", name="narrative.second_level_names_not_in_form", severity="warning", title="报告列举的二级指标评价表中没有")
def check(project: Project, ctx: RuleContext) -> None:
    """报告介绍指标体系时列举的二级指标名称，评价表中没有。

    为什么：样本报告列出“……社会效益、可持续影响、服务对象满意度11个二级指标”，列了12个名称，其中
    “可持续影响”评价表里根本没有，说明报告是照其他项目改写的。

    何时报告：一段中以顿号列举至少三个名称并称其为二级指标（“下设A、B、C……N个二级指标”或“二级指标包括
    A、B、C”），其中有名称与评价表任何二级指标都对不上（相互包含视为对上，如“服务对象满意度”与“满意度”）。

    何时通过：列举的名称评价表中都有；或评价表没有二级指标。
    """
    form_names = {normalise_text(i.level2.value or "") for i in project.indicators} - {""}
    if not form_names:
        return
    cells = [i.level2 for i in project.indicators if i.level2.present]
    for para in project.narrative:
        for listing in level2_lists(para.text):
            unknown = [n for n in listing.names if not _known(n, form_names)]
            if not unknown:
                continue
            ctx.report(
                para.ref,
                f"报告列举的二级指标评价表中没有：“{'、'.join(unknown)}”（见“{listing.fragment}”，共列{len(listing.names)}个名称）；"
                f"评价表的二级指标为：{'、'.join(dict.fromkeys(i.level2.value for i in project.indicators if i.level2.value))}。",
                expected="与评价表一致的二级指标",
                actual="、".join(unknown),
                related=cells[:1],
            )
