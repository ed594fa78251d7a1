"""XC210: the same 三级 indicator appears twice."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import compact


@rule(id="XC210", name="indicators.duplicate_name", severity="warning", title="三级指标重复")
def check(project: Project, ctx: RuleContext) -> None:
    """同一个三级指标名称在表中出现了两次以上。

    为什么：重复的指标会被重复计分，多半是复制粘贴时多了一行或忘了改名。

    何时报告：两个三级指标的名称（去掉空白后）相同；报告在后出现的那一行，
    相关格为第一次出现的位置。

    何时通过：所有三级指标名称互不相同；名称为空的行不比较。
    """
    first_seen = {}
    for ind in project.indicators:
        key = compact(ind.name.value)
        if not key:
            continue
        if key not in first_seen:
            first_seen[key] = ind
            continue
        first = first_seen[key]
        ctx.report(
            at=ind.name,
            message=f"三级指标“{ind.name.value}”与第 {first.row} 行重复，请删除重复行或改正指标名称。",
            expected="指标名称不重复",
            actual=ind.name.value,
            related=[first.name],
        )
