"""XC507: the scoring scheme was inferred, or --scheme was overruled."""

from perfeval_xl.model import CellRef, Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.scoring import resolve_scheme


@rule(id="XC507", name="scoring.scheme_inferred", severity="info", title="评分方案由分值推断")
def check(project: Project, ctx: RuleContext) -> None:
    """评分方案不是由评价表的“评价方式”确定的。

    为什么：单位自评（执行率 10 分计入总分、指标 90 分）与部门评价（指标 100 分，
    资金得分不计入）的总分算法不同，方案选错，核定总分和等次就会错。评价方式未填写
    或无法识别时，本工具按三级指标分值合计推断（合计 90 为单位自评，100 为部门评价）；
    命令行 --scheme 指定的方案与评价表的评价方式不一致时，以评价表为准。审核人应当
    知道这一点。

    何时报告：评价方式为空或无法识别而按分值推断了方案；或 --scheme 指定的方案适用于
    另一种评价方式而被评价表的评价方式取代。报告在“评价方式”单元格。

    何时通过：评价表写明了单位自评、部门评价或财政评价；或评价方式为空而用了
    --scheme 指定的方案。
    """
    if ctx.scoring is not None:
        note = ctx.scoring.scheme_note
    else:
        note = resolve_scheme(project, None)[2]
    if not note:
        return
    ctx.report(
        at=project.method,
        message=note,
        expected="单位自评／部门评价／财政评价",
        actual=project.method.raw or "空",
        related=[project.total_weight],
        fallback=CellRef(project.form_sheet, "A1"),
    )
