"""XC207: 评价等次 is not the band of 总分."""

import re

from perfeval_xl.findings import Severity
from perfeval_xl.model import GRADES, Project
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._common import compact
from perfeval_xl.tolerance import fmt_number

GRADE_WORDS = {"优秀": "优", "良好": "良", "中等": "中", "合格": "中", "较差": "差", "不合格": "差"}


def normalise_grade(text: str | None) -> str | None:
    """优/良/中/差 from what was written: 优秀, 良好, “优（95分）”; None when unclear."""
    text = re.sub(r"[（(].*?[)）]", "", compact(text)).strip("“”\"'")
    if not text:
        return None
    if text in GRADE_WORDS:
        return GRADE_WORDS[text]
    return text if text in GRADES else None


def _computed_total(project: Project, ctx: RuleContext) -> float | None:
    scores = [ind.score for ind in project.indicators]
    if not scores or not all(s.present for s in scores):
        return None
    total = sum(s.value for s in scores)
    if ctx.scheme.funds_in_total and project.funds is not None and project.funds.total.score.present:
        total += project.funds.total.score.value
    return total


@rule(id="XC207", name="grade.mismatch", severity="error", title="评价等次与总分不符")
def check(project: Project, ctx: RuleContext) -> None:
    """评价等次与总分所在的档次不符：优 [90, 100]、良 [80, 90)、中 [60, 80)、差 [0, 60)
    （档次取自评分方案）。

    为什么：等次是评价的最终结论，必须由总分按档次确定。

    何时报告：等次（或勾选式中唯一勾选的等次）已填，而它既不是表中总分的档次，
    也不是各项得分合计的档次，或写的不是优/良/中/差。等次格为空不是错误：核查后的
    工作簿按核定总分填入（蓝色斜体并附批注），这里只作提示。

    何时通过：等次是表中总分或得分合计的档次（总分本身算错由 XC205 报告，
    等次随错误总分一致时不重复报告）；勾选式未勾或多勾时由 XC208 报告。
    """
    grade = project.grade
    if grade.checkbox_form and len(grade.checked) != 1:
        return  # XC208
    if grade.value.ref is None and not grade.value.raw.strip():
        return  # the form has no 评价等次 row at all: nothing to compare
    totals = [t for t in (project.total_score.value, _computed_total(project, ctx)) if t is not None]
    if not totals:
        return
    bands = [ctx.scheme.grade_for(t) for t in totals]
    chosen = normalise_grade(grade.value.value if grade.value.present else (grade.checked or [None])[0])
    if chosen in bands:
        return
    total = totals[0]
    if not grade.value.raw.strip() and not grade.checked:
        # a blank is not a wrong grade: the completed copy fills it as computed (blue, with a note)
        ctx.report(
            at=grade.value,
            message=f"评价等次未填写；按总分 {fmt_number(total)} 分应为“{bands[0]}”，核查后的工作簿已按核定总分填入。",
            expected=bands[0],
            actual="（空）",
            related=[project.total_score],
            severity=Severity.INFO,
        )
        return
    shown = grade.value.raw.strip()
    if grade.checkbox_form and chosen:
        shown = f"{chosen}（勾选）"
    ref = grade.value.ref
    where = "表中填写"
    if ref is not None and ref.sheet != project.form_sheet:  # taken from the report (XC622): its cell is a paragraph
        where, shown = f"报告正文{ref}写", grade.value.value
    ctx.report(
        at=grade.value,
        message=f"总分 {fmt_number(total)} 分对应的评价等次为“{bands[0]}”，{where}“{shown}”。",
        expected=bands[0],
        actual=shown,
        related=[project.total_score],
    )
