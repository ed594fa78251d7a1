"""The two sheets added to a completed workbook: 核查结果 (every finding, each
with a link to its cell) and 核定评分 (self score against 核定 score)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from perfeval_xl.findings import FileResult, Severity
from perfeval_xl.model import Project, Sourced
from perfeval_xl.outputs.completed._styles import FontChange, Look, StyleBook
from perfeval_xl.outputs.newsheet import Cell, Formula, NewSheet
from perfeval_xl.scheme import ProjectScore

FILL = {Severity.ERROR: "FFFFC7CE", Severity.WARNING: "FFFFEB9C", Severity.INFO: "FFDDEBF7"}


@dataclass(frozen=True)
class Styles:
    """Cell formats of the added sheets, derived from the workbook's default."""

    title: int
    header: int
    text: int
    number: int
    link: int
    severity: dict

    @staticmethod
    def make(book: StyleBook) -> "Styles":
        return Styles(
            title=book.derive(0, Look(font=FontChange(bold=True))),
            header=book.derive(0, Look(fill="FFD9E1F2", font=FontChange(bold=True), wrap=True, border=True)),
            text=book.derive(0, Look(wrap=True, border=True)),
            number=book.derive(0, Look(border=True, num_fmt=0, wrap=True)),  # wrap also aligns to the top, like the text beside it
            link=book.derive(0, Look(font=FontChange(color="FF0563C1", underline=True), wrap=True, border=True)),
            severity={s: book.derive(0, Look(fill=FILL[s], wrap=True, border=True)) for s in Severity},
        )


def findings_sheet(result: FileResult, styles: Styles, link_to: Callable[[str, str], str | None]) -> NewSheet:
    """核查结果: one row per finding, worst first; the location jumps to the cell."""
    sheet = NewSheet(widths=[6, 8, 9, 16, 60, 18, 18, 22], freeze_rows=2, filter_row=2, fit_from_row=2)
    counts = "、".join(f"{s.label} {result.count(s)} 条" for s in Severity)
    sheet.add(Cell(f"核查结果：{result.file}（共 {len(result.findings)} 条：{counts}）", styles.title))
    headers = ["序号", "严重程度", "规则", "位置", "问题说明", "应为", "实为", "相关单元格"]
    sheet.add(*(Cell(h, styles.header) for h in headers))
    ordered = sorted(result.findings, key=lambda f: f.severity.rank)
    for n, f in enumerate(ordered, start=1):
        target = link_to(f.sheet, f.cell) if f.sheet and f.cell else None
        where = Cell(f.location or "（整表）", styles.link if target else styles.text, link=target)
        sheet.add(
            Cell(n, styles.number),
            Cell(f.severity.label, styles.severity[f.severity]),
            Cell(f.rule, styles.text),
            where,
            Cell(f.message, styles.text),
            Cell(f.expected or "", styles.text),
            Cell(f.actual or "", styles.text),
            Cell("、".join(f.related), styles.text),
        )
    if not ordered:
        sheet.add(Cell("", styles.text), Cell("未发现问题", styles.text))
    return sheet


def _num(s: Sourced | None) -> float | None:
    return s.value if s is not None and isinstance(s.value, (int, float)) else None


def _diff(row: int, self_col: str, core_col: str, a: float | None, b: float | None) -> Formula | str:
    """核定 − 自评 as a live formula with its value cached."""
    if a is None or b is None:
        return ""
    return Formula(f"{core_col}{row}-{self_col}{row}", round(b - a, 4))


def scoring_sheet(project: Project | None, scoring: ProjectScore | None, styles: Styles, link_to: Callable[[str, str], str | None]) -> NewSheet:
    """核定评分: each indicator's self score and 核定 score, the difference and why."""
    sheet = NewSheet(widths=[6, 12, 12, 22, 14, 14, 7, 9, 9, 8, 48, 14], freeze_rows=2, fit_from_row=2)
    if scoring is None:
        sheet.add(Cell("核定评分：未能核定（评价表无法读取或无法评分，见“核查结果”）", styles.title))
    else:
        sheet.add(Cell(f"核定评分（评分方案：{scoring.scheme.name}，方案依据：{scoring.scheme_source}）", styles.title))
    headers = ["序号", "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "自评得分", "核定得分", "差异", "核定依据", "表内位置"]
    sheet.add(*(Cell(h, styles.header) for h in headers))
    if project is None:
        return sheet
    by_index = {s.index: s for s in scoring.indicators} if scoring else {}
    first = len(sheet.rows) + 1
    for i, ind in enumerate(project.indicators):
        core = by_index.get(i)
        own = _num(ind.score)
        computed = core.computed if core else None
        row = len(sheet.rows) + 1
        ref = ind.score.ref or ind.name.ref
        target = link_to(ref.sheet, ref.cell) if ref else None
        sheet.add(
            Cell(i + 1, styles.number),
            Cell(ind.level1.value or "", styles.text),
            Cell(ind.level2.value or "", styles.text),
            Cell(ind.name.value or "", styles.text),
            Cell(ind.target.value.text if ind.target.value else ind.target.raw, styles.text),
            Cell(ind.actual.value.text if ind.actual.value else ind.actual.raw, styles.text),
            Cell(_num(ind.weight), styles.number),
            Cell(own, styles.number),
            Cell(computed, styles.number),
            Cell(_diff(row, "H", "I", own, computed), styles.number),
            Cell((core.reason if core else "") or ("未能判定，保留自评得分" if core and not core.judged else ""), styles.text),
            Cell(str(ref) if ref else "", styles.link if target else styles.text, link=target),
        )
    last = len(sheet.rows)
    own_scores = [_num(ind.score) for ind in project.indicators]
    if project.indicators:
        row = len(sheet.rows) + 1
        own_sum = sum(x for x in own_scores if x is not None)
        core_sum = sum(s.computed for s in by_index.values() if s.computed is not None)
        sheet.add(
            *(Cell("", styles.text) for _ in range(3)),
            Cell("三级指标得分合计", styles.header),
            *(Cell("", styles.text) for _ in range(2)),
            Cell(Formula(f"SUM(G{first}:G{last})", sum(_num(i.weight) or 0 for i in project.indicators)), styles.number),
            Cell(Formula(f"SUM(H{first}:H{last})", own_sum), styles.number),
            Cell(Formula(f"SUM(I{first}:I{last})", core_sum) if scoring else None, styles.number),
            Cell(_diff(row, "H", "I", own_sum, core_sum if scoring else None), styles.number),
            Cell("", styles.text),
            Cell("", styles.text),
        )
    _totals(sheet, project, scoring, styles, link_to)
    return sheet


def _totals(sheet: NewSheet, project: Project, scoring: ProjectScore | None, styles: Styles, link_to) -> None:
    def line(label: str, weight, own, core, ref, note: str = "") -> None:
        row = len(sheet.rows) + 1
        target = link_to(ref.sheet, ref.cell) if ref else None
        numeric = isinstance(own, (int, float)) or isinstance(core, (int, float))
        if numeric:
            diff = _diff(row, "H", "I", own, core)
        else:
            diff = ("一致" if own == core else "不一致") if own and core else ""
        sheet.add(
            *(Cell("", styles.text) for _ in range(3)),
            Cell(label, styles.header),
            *(Cell("", styles.text) for _ in range(2)),
            Cell(weight, styles.number),
            Cell(own, styles.number if numeric else styles.text),
            Cell(core, styles.number if numeric else styles.text),
            Cell(diff, styles.number if numeric else styles.text),
            Cell(note, styles.text),
            Cell(str(ref) if ref else "", styles.link if target else styles.text, link=target),
        )

    funds = project.funds.total if project.funds else None
    if funds is not None:
        counted = "计入总分" if scoring and scoring.scheme.funds_in_total else "不计入总分"
        line("项目资金得分", _num(funds.weight), _num(funds.score), scoring.funds_score if scoring else None, funds.score.ref, counted if scoring else "")
    line("总分", scoring.scheme.total if scoring else _num(project.total_weight), _num(project.total_score), scoring.computed_total if scoring else None, project.total_score.ref)
    line("评价等次", None, project.grade.value.value or "", (scoring.computed_grade or "") if scoring else "", project.grade.value.ref)
