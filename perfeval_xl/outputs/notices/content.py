"""What each 核查意见 says, as plain data (no python-docx here), so the
wording, the choice of findings and their order can be tested apart from
the page layout.

Built only from what the run's parent already holds: the slim per-project
results (heading fields, total score and grade, 核定 score and grade, and
the findings); the workers are not asked for anything more.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import cn2an

from perfeval_xl.config import NoticeSettings
from perfeval_xl.findings import BatchResult, FileResult, Finding, Severity
from perfeval_xl.outputs.records import computed_total

NO_DEPARTMENT = "（未填主管部门）"
NO_OFFICE = "（核查单位）"
NOTHING = "无"
# Findings about the tool's own outputs, not about the department's form: not theirs to correct.
TOOL_RULES = frozenset({"OUT001"})
SEVERITY_MEANING = {
    Severity.ERROR: "“错误”所列为数字或表述相互矛盾、计算有误之处，须予更正",
    Severity.WARNING: "“警告”所列为存在疑点之处，须核实并作出说明",
}
_SPACE = re.compile(r"\s+")
_A1 = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")
_YEAR_PLACEHOLDER = re.compile(r"\{年度\}(年度|年)?")


@dataclass(frozen=True)
class ProblemLine:
    """One row of a project's table."""

    location: str  # sheet!cell of the input workbook
    problem: str
    expected: str
    actual: str
    severity: str  # 错误 / 警告
    rule: str


@dataclass(frozen=True)
class ProjectProblems:
    name: str
    file: str
    scores: str  # the reported and the 核定 总分 and 等次, one sentence
    counts: str  # 错误3处、警告1处
    lines: tuple[ProblemLine, ...]


@dataclass(frozen=True)
class DepartmentNotice:
    department: str  # as written on the forms (NO_DEPARTMENT when none was)
    title: str
    opening: str
    projects: tuple[ProjectProblems, ...]
    closing: str
    office: str
    signed: str  # the run date, 2026年12月4日
    rule_ids: bool


def chinese_date(day: dt.date) -> str:
    """``2026年12月19日``: Arabic numerals without leading zeros, as 公文 dates are written."""
    return f"{day.year}年{day.month}月{day.day}日"


def deadline(settings: NoticeSettings, run_date: dt.date) -> dt.date:
    return settings.deadline or run_date + dt.timedelta(days=settings.deadline_days)


def department_notices(batch: BatchResult, settings: NoticeSettings, run_date: dt.date) -> list[DepartmentNotice]:
    """One notice per 主管部门 with a project that has a finding to send back,
    departments in the order their first project was read."""
    shown = {Severity.ERROR, Severity.WARNING} if settings.warnings else {Severity.ERROR}
    departments: dict[str, list[FileResult]] = {}
    for result in batch.read:
        if result.project is not None:
            departments.setdefault(_department_key(result), []).append(result)
    notices = []
    for members in departments.values():
        projects = tuple(p for p in (_project(r, shown, settings.rule_ids) for r in members) if p is not None)
        if projects:
            notices.append(_notice(members, projects, settings, run_date, shown))
    return notices


def _department_key(result: FileResult) -> str:
    # "信丰县 工信局" and "信丰县工信局" are one addressee: one letter, not two
    return _SPACE.sub("", _text(result.project.department.value))


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _notice(members, projects, settings: NoticeSettings, run_date: dt.date, shown) -> DepartmentNotice:
    department = _text(members[0].project.department.value) or NO_DEPARTMENT
    years = sorted({y for y in (r.project.year.value for r in members) if isinstance(y, int)})
    year_text = "、".join(map(str, years))
    present = [s for s in (Severity.ERROR, Severity.WARNING) if s in shown and any(
        line.severity == s.label for p in projects for line in p.lines)]
    office = settings.office or NO_OFFICE
    return DepartmentNotice(
        department=department,
        title=_title(settings.title, year_text, department),
        opening=(
            f"按照预算绩效管理工作安排，我单位对你单位报送的{year_text + '年度' if years else ''}项目支出绩效评价表"
            f"及评价报告进行了核查。本次共核查你单位项目{len(members)}个，其中{len(projects)}个项目存在"
            f"{'需要更正或说明' if Severity.WARNING in present else '需要更正'}的问题。现将核查情况反馈如下："
        ),
        projects=projects,
        closing=(
            f"请你单位对照上述问题逐项核实（{'；'.join(SEVERITY_MEANING[s] for s in present)}），"
            f"并于{chinese_date(deadline(settings, run_date))}前将更正后的绩效评价表及评价报告重新报送{office}。"
        ),
        office=office,
        signed=chinese_date(run_date),
        rule_ids=settings.rule_ids,
    )


def _title(template: str, year_text: str, department: str) -> str:
    if year_text:
        title = template.replace("{年度}", year_text)
    else:  # no year on any form: "关于{年度}年度项目…" reads "关于项目…", not "关于年度项目…"
        title = _YEAR_PLACEHOLDER.sub("", template)
    return title.replace("{部门}", department if department != NO_DEPARTMENT else "")


def _project(result: FileResult, shown: set[Severity], rule_ids: bool) -> ProjectProblems | None:
    findings = [f for f in result.findings if f.severity in shown and f.rule not in TOOL_RULES]
    if not findings:
        return None
    project = result.project
    findings.sort(key=form_order(project.form_sheet, project.narrative_sheet))
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = len(findings) - errors
    counts = "、".join(text for n, text in ((errors, f"错误{errors}处"), (warnings, f"警告{warnings}处")) if n)
    return ProjectProblems(
        name=_text(project.name.value),
        file=result.file,
        scores=_scores(result),
        counts=counts,
        lines=tuple(_line(f) for f in findings),
    )


def _scores(result: FileResult) -> str:
    project, scoring = result.project, result.scoring
    reported = project.total_score.value if project.total_score is not None else None
    reported_grade = project.grade.value.value if project.grade is not None else None
    computed_grade = scoring.computed_grade if scoring is not None else None
    return (
        f"填报总分：{_score(reported)}，等次：{_text(reported_grade) or NOTHING}；"
        f"核定总分：{_score(computed_total(result))}，等次：{_text(computed_grade) or NOTHING}。"
    )


def _score(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return NOTHING
    if value != value or value in (float("inf"), float("-inf")):
        return NOTHING
    return f"{float(value):.2f}".rstrip("0").rstrip(".") + "分"


def _line(finding: Finding) -> ProblemLine:
    return ProblemLine(
        location=finding.location or "—",
        problem=finding.message,
        expected=_text(finding.expected) or "—",
        actual=_text(finding.actual) or "—",
        severity=finding.severity.label,
        rule=finding.rule,
    )


def form_order(form_sheet: str | None, report_sheet: str | None):
    """Sort key: the form sheet first, then the report sheet, then any other
    sheet; within a sheet by row, then column; a finding without a cell
    after the cells of its sheet, one without a sheet last. Python's sort is
    stable, so findings on one cell keep the order the rules gave them."""

    def key(finding: Finding) -> tuple:
        sheet = finding.sheet
        if sheet is None:
            return (3, "", _NO_CELL)
        rank = 0 if sheet == form_sheet else 1 if sheet == report_sheet else 2
        return (rank, sheet if rank == 2 else "", _cell_position(finding.cell))

    return key


_NO_CELL = (float("inf"), float("inf"))


def _cell_position(cell: str | None) -> tuple[float, float]:
    match = _A1.match(cell or "")
    if match is None:
        return _NO_CELL
    column = 0
    for letter in match.group(1).upper():
        column = column * 26 + ord(letter) - 64
    return (int(match.group(2)), column)


def heading_number(index: int) -> str:
    """``一、`` ``二、`` … ``十一、``: 公文 first-level headings."""
    return cn2an.an2cn(index) + "、"
