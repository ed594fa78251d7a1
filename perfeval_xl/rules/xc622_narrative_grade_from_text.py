"""XC622: the form's blank 评价等次 is taken from the report's text."""

from perfeval_xl.model import Project
from perfeval_xl.narrative.grade import stated_grade
from perfeval_xl.rules._base import RuleContext, rule


@rule(id="XC622", name="narrative.grade_from_text", severity="info", title="评价等次取自报告正文")
def check(project: Project, ctx: RuleContext) -> None:
    """评价表没有填写评价等次（或没有等次一栏），而报告正文明确写了项目的等次：以报告所写为填报等次。

    为什么：不少报告只在正文写“评价等级为优”，附表的等次一栏空着或没有；这个等次仍是单位报来的结论，
    汇总表和 results.json 应显示它，也应与总分的档次核对（XC207）。

    何时报告：评价表等次为空或没有等次行，报告中对项目等次的明确说法（不是其他项目、以前年度的）都相同：
    在该段落提示取自哪一段、哪个等次（提示，不是问题）。

    何时通过：评价表填了等次（或勾选了）；报告没有明确写等次；或报告前后写的等次不一（由 XC610 报告）。
    """
    claim = stated_grade(project)
    if claim is None:
        return
    ctx.report(
        claim.ref,
        f"评价表未填写评价等次，填报等次取报告正文{claim.ref}所写“{claim.value}”：“{claim.fragment}”。",
        actual=str(claim.value),
        related=[project.grade.value.ref] if project.grade.value.ref and project.grade.value.ref != claim.ref else [],
    )
