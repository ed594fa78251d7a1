"""The rows of the summary workbook as plain data (no xlsxwriter here), so
the figures can be tested apart from the layout."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import islice

from perfeval_xl.findings import BatchResult, FileResult, Severity
from perfeval_xl.write.ranking import Ranked, computed_total, duplicate_groups, rank_projects

GRADES = ("优", "良", "中", "差")
NAMED_DUPLICATES = 5  # more names help no one, and 600 copies of a project would put 600 names in each of 600 rows


@dataclass(frozen=True)
class ProjectRow:
    """One line of 汇总排名."""

    rank: int | None
    name: str
    department: str
    implementer: str
    year: int | None
    method: str
    budget: float | None  # 全年预算数（A）, 万元
    spent: float | None  # 全年执行数（B）, 万元
    reported_score: float | None
    computed_score: float | None
    reported_grade: str
    computed_grade: str
    errors: int
    warnings: int
    duplicate_of: tuple[str, ...]  # the first NAMED_DUPLICATES other files holding the same project
    duplicates: int  # how many other files hold it
    file: str
    output: str | None
    narrative_only: bool = False  # a report without its form: 仅核对报告正文, never ranked

    @property
    def rate(self) -> float | None:
        if self.budget and self.spent is not None and self.budget > 0:
            return self.spent / self.budget
        return None


def _value(sourced) -> object:
    return sourced.value if sourced is not None else None


def _str(sourced) -> str:
    value = _value(sourced)
    return "" if value is None else str(value)


def _float(sourced) -> float | None:
    value = _value(sourced)
    return float(value) if isinstance(value, (int, float)) else None


def project_row(ranked: Ranked, groups: dict[str, tuple[str, ...]]) -> ProjectRow:
    r: FileResult = ranked.result
    group = groups.get(r.file, ())
    p, s = r.project, r.scoring
    total = p.funds.total if p.funds else None
    year = _value(p.year)
    return ProjectRow(
        rank=ranked.rank,
        name=_str(p.name),
        department=_str(p.department),
        implementer=_str(p.implementer),
        year=year if isinstance(year, int) else None,
        method=_str(p.method),
        budget=_float(total.budget) if total else None,
        spent=_float(total.spent) if total else None,
        reported_score=_float(p.total_score),
        computed_score=computed_total(r),
        reported_grade=_str(p.grade.value),
        computed_grade=(s.computed_grade or "") if s is not None else "",
        errors=r.count(Severity.ERROR),
        warnings=r.count(Severity.WARNING),
        duplicate_of=tuple(islice((f for f in group if f != r.file), NAMED_DUPLICATES)),
        duplicates=max(len(group) - 1, 0),
        file=r.file,
        output=r.output,
        narrative_only=bool(getattr(p, "narrative_only", False)),
    )


def project_rows(batch: BatchResult) -> list[ProjectRow]:
    groups = duplicate_groups(batch)
    return [project_row(r, groups) for r in rank_projects(batch)]


DEPARTMENT_COLUMNS = ("主管部门", "项目数", "全年预算数", "全年执行数", "执行率", "平均核定总分", *GRADES, "错误", "警告")
NO_DEPARTMENT = "（未填主管部门）"


def department_table(rows: list[ProjectRow]) -> list[dict[str, object]]:
    """Per 主管部门 (keys of ``DEPARTMENT_COLUMNS``): projects, A and B totals,
    execution rate, average 核定总分, grade counts and error/warning counts,
    best average score first. A total, rate or average nothing was known for
    is None. Plain Python: a few dozen departments do not need pandas, whose
    import was a third of a run's start."""
    groups: dict[str, list[ProjectRow]] = {}
    for r in rows:
        groups.setdefault(r.department or NO_DEPARTMENT, []).append(r)
    table = []
    for department, members in groups.items():
        budget = _total(r.budget for r in members)
        spent = _total(r.spent for r in members)
        scores = [r.computed_score for r in members if r.computed_score is not None]
        grades = [r.computed_grade for r in members]
        table.append({
            "主管部门": department,
            "项目数": len(members),
            "全年预算数": budget,
            "全年执行数": spent,
            "执行率": spent / budget if budget is not None and spent is not None and budget > 0 else None,
            "平均核定总分": math.fsum(scores) / len(scores) if scores else None,
            **{g: grades.count(g) for g in GRADES},
            "错误": sum(r.errors for r in members),
            "警告": sum(r.warnings for r in members),
        })
    table.sort(key=lambda d: (d["平均核定总分"] is None, -(d["平均核定总分"] or 0), d["主管部门"]))
    return table


def _total(values) -> float | None:
    known = [v for v in values if v is not None]
    return math.fsum(known) if known else None
