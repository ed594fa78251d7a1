"""XC212: 评价方式 is not one of the three modes."""

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import compact

METHODS = ("单位自评", "部门评价", "财政评价")


@rule(id="XC212", name="project.method_unknown", severity="warning", title="评价方式不规范")
def check(project: Project, ctx: RuleContext) -> None:
    """评价方式不是“单位自评、部门评价、财政评价”之一。

    为什么：《项目支出绩效评价管理办法》（财预〔2020〕10号）只规定这三种方式，
    评分方案（资金得分是否计入总分、指标总分 90 还是 100）也由它决定。

    何时报告：评价方式格已填写，但其中没有（或不止一个）这三种方式之一。

    何时通过：写明了其中一种（如“部门评价（委托第三方）”）；未填写时不在此报告（评分方案会按表的结构推断并另行提示）。
    """
    method = project.method
    text = compact(method.raw)
    # "部门评价（委托第三方）" still names one mode
    if not text or sum(m in text for m in METHODS) == 1:
        return
    ctx.report_as_written(
        method,
        message=f"评价方式“{method.raw.strip()}”不是单位自评、部门评价、财政评价之一。",
        expected="单位自评 / 部门评价 / 财政评价",
    )
