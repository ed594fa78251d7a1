"""XC605: the number of indicators the report states differs from the form."""

from perfeval_xl.model import Project
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.facts import trusted
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.tolerance import fmt_number


def form_counts(project: Project) -> dict[str, int]:
    """Distinct 一级 and 二级 labels and the number of 三级 rows in the form."""
    level1 = {i.level1.value for i in project.indicators if i.level1.value}
    level2 = {(i.level1.value, i.level2.value) for i in project.indicators if i.level2.value}
    return {"count_level1": len(level1), "count_level2": len(level2), "count_level3": len(project.indicators)}


_NAMES = {"count_level1": "一级指标", "count_level2": "二级指标", "count_level3": "三级指标"}


@rule(id="XC605", name="narrative.indicator_count_vs_form", severity="warning", title="报告所述指标个数与评价表不符")
def check(project: Project, ctx: RuleContext) -> None:
    """报告所说的一级/二级/三级指标个数与评价表不一致。

    为什么：报告介绍指标体系时常从别的项目照抄，个数与本项目评价表对不上，说明报告未按本项目修改。

    何时报告：报告写“4个一级指标”“下设11个二级指标”“17个三级指标”等，而评价表中不同的一级指标、二级指标
    个数或三级指标行数与之不同。

    何时通过：个数一致；或评价表没有指标行。
    """
    if not project.indicators:
        return
    counts = form_counts(project)
    anchor = project.indicators[0].name
    for subject, name in _NAMES.items():
        for claim in trusted(project_claims(project), subject):
            if int(claim.value) != counts[subject]:
                ctx.report(
                    claim.ref,
                    f"报告所述{name}个数与评价表不一致：“{claim.fragment}”写{fmt_number(float(claim.value))}个，"
                    f"评价表有{counts[subject]}个。",
                    expected=f"{counts[subject]}个",
                    actual=f"{fmt_number(float(claim.value))}个",
                    related=[anchor],
                )
