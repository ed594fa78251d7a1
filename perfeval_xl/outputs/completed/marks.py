"""What to show on the form itself: which cells are flagged, which blank
cells get a computed value, and the note text for each. Pure data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from perfeval_xl.findings import FileResult, Finding, Severity
from perfeval_xl.model import CellRef, Project, Sourced
from perfeval_xl.scheme import ProjectScore
from perfeval_xl.tolerance import fmt_number, fmt_rate

COMPUTED_NOTE = "由程序计算"
_A1 = re.compile(r"^\$?[A-Za-z]{1,3}\$?[1-9][0-9]{0,6}$")


def is_cell(ref: str | None) -> bool:
    """A usable A1 address (a finding may carry something else; it then stays off the form)."""
    return bool(ref) and bool(_A1.match(ref))


@dataclass(frozen=True)
class Computed:
    """A value the clerk left blank and the program filled in."""

    ref: CellRef
    value: float | str
    note: str
    percent: bool = False


@dataclass
class Mark:
    """Everything that happens to one cell of the form."""

    severity: Severity | None = None  # the worst finding on the cell
    notes: list[str] = field(default_factory=list)
    computed: Computed | None = None

    def add_finding(self, finding: Finding) -> None:
        if self.severity is None or finding.severity.rank < self.severity.rank:
            self.severity = finding.severity
        self.notes.append(finding_note(finding))

    @property
    def text(self) -> str:
        parts = [self.computed.note] if self.computed else []
        return "\n\n".join(parts + self.notes)


def finding_note(finding: Finding) -> str:
    lines = [f"【{finding.severity.label}】{finding.rule}：{finding.message}"]
    if finding.expected not in (None, ""):
        lines.append(f"应为：{finding.expected}")
    if finding.actual not in (None, ""):
        lines.append(f"实为：{finding.actual}")
    return "\n".join(lines)


def _fillable(s: Sourced | None) -> bool:
    return s is not None and s.ref is not None and s.blank and s.formula is None


def computed_values(project: Project | None, scoring: ProjectScore | None) -> list[Computed]:
    """The blank 执行率 / 得分 / 总分 / 等次 cells and what goes in them."""
    if project is None:
        return []
    out: list[Computed] = []
    total = project.funds.total if project.funds else None
    if total is not None and _fillable(total.rate):
        use_initial = scoring is not None and scoring.scheme.rate_denominator == "initial"
        denom = total.initial if use_initial else total.budget
        if denom.value and total.spent.value is not None and denom.value > 0:
            rate = total.spent.value / denom.value
            label = "年初预算数" if use_initial else "全年预算数（A）"
            out.append(Computed(total.rate.ref, round(rate, 6), f"{COMPUTED_NOTE}：执行率 = 全年执行数（B）÷ {label} = {fmt_number(total.spent.value)} ÷ {fmt_number(denom.value)} = {fmt_rate(rate)}", percent=True))
    if scoring is None:
        return out
    if total is not None and _fillable(total.score) and scoring.funds_score is not None:
        out.append(Computed(total.score.ref, scoring.funds_score, f"{COMPUTED_NOTE}：资金得分 {fmt_number(scoring.funds_score)}"))
    for item in scoring.indicators:
        if not (0 <= item.index < len(project.indicators)) or item.computed is None or not item.judged:
            continue
        score = project.indicators[item.index].score
        if _fillable(score):
            reason = f"（{item.reason}）" if item.reason else ""
            out.append(Computed(score.ref, item.computed, f"{COMPUTED_NOTE}：核定得分 {fmt_number(item.computed)}{reason}"))
    if _fillable(project.total_score) and scoring.computed_total is not None:
        out.append(Computed(project.total_score.ref, scoring.computed_total, f"{COMPUTED_NOTE}：核定总分 {fmt_number(scoring.computed_total)}（方案：{scoring.scheme.name}）"))
    if _fillable(project.grade.value) and scoring.computed_grade:
        out.append(Computed(project.grade.value.ref, scoring.computed_grade, f"{COMPUTED_NOTE}：按核定总分确定的评价等次"))
    return out


def collect_marks(result: FileResult, sheet_names: set[str]) -> dict[str, dict[str, Mark]]:
    """sheet -> cell -> Mark, for cells on sheets that exist in the workbook.
    Findings are taken worst first, so notes read in order of importance."""
    marks: dict[str, dict[str, Mark]] = {}

    def mark(sheet: str, cell: str) -> Mark:
        return marks.setdefault(sheet, {}).setdefault(cell.replace("$", "").upper(), Mark())

    for finding in sorted(result.findings, key=lambda f: f.severity.rank):
        if finding.sheet in sheet_names and is_cell(finding.cell):
            mark(finding.sheet, finding.cell).add_finding(finding)
    for comp in computed_values(result.project, result.scoring):
        if comp.ref.sheet in sheet_names and is_cell(comp.ref.cell):
            mark(comp.ref.sheet, comp.ref.cell).computed = comp
    return marks
