"""XC108: the 年度资金总额 row lacks 执行数, 执行率 or 得分."""

from perfeval_xl.findings import Severity
from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule


@rule(id="XC108", name="funds.total_incomplete", severity="warning", title="资金总额行未填完整")
def check(project: Project, ctx: RuleContext) -> None:
    """年度资金总额行填了全年预算数，却没有填全年执行数，或填了分值却没有填执行率、得分。

    为什么：空着的执行数、执行率或得分使资金部分无法复核，单位自评中还会让总分
    少算资金得分（四川样表即有“完成值、得分为空而合计 100”的情况）。

    何时报告：全年预算数已填而全年执行数为空（警告）；或分值已填而执行率、得分为空
    或不是数字。执行数已填时，空白的执行率、得分由核查后的工作簿计算填入（蓝色斜体并附
    批注），只作提示。每个空格各报告一次。

    何时通过：这些格都已填写；全年预算数本身为空时由 XC105 报告，不在此重复。
    """
    if project.funds is None:
        return
    row = project.funds.total
    if not row.budget.present:
        return
    missing = []
    if not row.spent.present:
        missing.append((row.spent, "全年执行数（B）"))
    if row.weight.present:
        missing += [(cell, title) for cell, title in ((row.rate, "执行率"), (row.score, "得分")) if not cell.present]
    for cell, title in missing:
        what = f"“{cell.raw.strip()}”不是数字" if cell.raw.strip() else "未填写"
        filled = cell.blank and cell is not row.spent and row.spent.present
        ctx.report_as_written(
            cell,
            message=f"年度资金总额行的{title}{what}，"
            + ("核查后的工作簿已按全年执行数与预算数计算填入。" if filled else "资金部分无法复核。"),
            expected=f"填写{title}",
            related=[row.budget],
            severity=Severity.INFO if filled else None,
        )
