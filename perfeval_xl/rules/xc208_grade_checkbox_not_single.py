"""XC208: the checkbox grade form has no tick, or several."""

from perfeval_xl.findings import Severity
from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule


@rule(id="XC208", name="grade.checkbox_not_single", severity="error", title="评价等次未勾选或多选")
def check(project: Project, ctx: RuleContext) -> None:
    """勾选式评价等次（如“优☑良□中□差□”）没有勾选任何等次，或勾选了多个。

    为什么：勾选式等次必须且只能勾选一个，否则评价结论不明确。

    何时报告：等次格是勾选式（含 □/☑ 等符号），且勾选了多个等次（错误）；一个也没有
    勾选时等于等次未填写，只作提示。

    何时通过：恰好勾选一个等次；非勾选式的等次格不在此检查（由 XC207 检查）。
    """
    grade = project.grade
    if not grade.checkbox_form or len(grade.checked) == 1:
        return
    if grade.checked:
        problem, actual = f"同时勾选了 {'、'.join(grade.checked)}", "、".join(grade.checked)
        severity = None
    else:
        # the template's boxes left as they were: a blank 等次, not a contradiction
        problem, actual, severity = "没有勾选任何等次（等于未填写）", "未勾选", Severity.INFO
    ctx.report(
        at=grade.value,
        message=f"评价等次“{grade.value.raw.strip()}”{problem}，应只勾选一个等次。",
        expected="勾选一个等次",
        actual=actual,
        related=[project.total_score],
        severity=severity,
    )
