"""XC604: the 评价等次 the report states differs from the form."""

from perfeval_xl.model import GRADES, Project
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.facts import trusted
from perfeval_xl.rules._base import RuleContext, rule


def _form_grade(project: Project) -> str | None:
    value = (project.grade.value.value or "").strip()
    if value[:1] in GRADES:
        return value[:1]
    checked = [g[:1] for g in project.grade.checked if g[:1] in GRADES]
    return checked[0] if len(checked) == 1 else None


@rule(id="XC604", name="narrative.grade_vs_form", severity="error", title="报告所述评价等次与评价表不符")
def check(project: Project, ctx: RuleContext) -> None:
    """报告中的评价等次（优/良/中/差）与评价表勾选的等次不一致。

    为什么：等次是评价结论，报告与评价表不一致会直接影响结果应用。

    何时报告：报告写“绩效评价等级为‘优’”“评价等次为良”等，而评价表评价等次为另一等次。

    何时通过：一致；或评价表未选或多选等次（那由评价表规则报告）。
    """
    form = _form_grade(project)
    if form is None:
        return
    for claim in trusted(project_claims(project), "grade"):
        if claim.value != form:
            ctx.report(
                claim.ref,
                f"报告所述评价等次与评价表不一致：“{claim.fragment}”写“{claim.value}”，评价表{project.grade.value.ref}为“{form}”。",
                expected=form,
                actual=claim.value,
                related=[project.grade.value],
            )
