"""XC407: no 满意度 indicator although the scheme has a 满意度 part."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import is_satisfaction_indicator


@rule(id="XC407", name="indicators.satisfaction_missing", severity="warning", title="缺少满意度指标")
def check(project: Project, ctx: RuleContext) -> None:
    """评分方案设有满意度一级指标（如单位自评的“满意度指标 10 分”），表中却没有任何满意度指标。

    为什么：服务对象满意度是自评表的固定组成部分（产出 50、效益 30、满意度 10）；
    缺少它说明指标体系不完整，或满意度被并入了其他指标。

    何时报告：方案的一级权重中有含“满意”的一项，而没有一个三级指标的名称、二级或
    一级含“满意”。报告在最后一个指标的名称格上（满意度指标通常位于表末）。

    何时通过：有满意度指标；或方案（如部门评价框架）不单设满意度一级指标。
    """
    if not any("满意" in name for name in ctx.scheme.level1_weights):
        return
    if not project.indicators or any(is_satisfaction_indicator(ind) for ind in project.indicators):
        return
    last = project.indicators[-1]
    ctx.report(
        at=last.name,
        message=f"{ctx.scheme.name}方案设有满意度指标，但表中没有任何满意度指标（如服务对象满意度）。",
        expected="至少一个满意度指标",
        actual="无",
    )
