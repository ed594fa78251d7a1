"""报告中的数字 in every output: the terminal list of ``perfeval check``, the
``figures`` of ``--json``'s model and the filterable sheet of the completed
copy. One row per figure: where (paragraph cell), the words quoted, subject,
role, value, unit, what it is checked against, and the findings on it."""

from __future__ import annotations

from typing import Any, Callable

from perfeval_xl.findings import FileResult
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.basis import Figure, report_figures
from perfeval_xl.outputs.newsheet import Cell, NewSheet

SHEET_NAME = "报告中的数字"
HEADERS = ["序号", "位置", "原文", "数字", "主语", "角色", "数值", "单位", "指标", "核对对象", "核对结果"]


def figures_of(result: FileResult) -> list[Figure]:
    project = result.project
    if project is None or not project.narrative:
        return []
    try:
        return report_figures(project, project_claims(project))
    except Exception:  # noqa: BLE001 - the rules have reported it (XC000); the outputs must still be written
        return []


def findings_on(figure: Figure, result: FileResult) -> list[str]:
    """The rules that found a problem with this very figure: on its cell, with
    it as the value found."""
    sheet, _, cell = figure.cell.partition("!")
    return sorted({f.rule for f in result.findings if f.sheet == sheet and f.cell == cell and f.actual == figure.value})


def outcome(figure: Figure, result: FileResult) -> str:
    rules = findings_on(figure, result)
    if rules:
        return "有问题：" + "、".join(rules)
    return "未发现问题" if figure.checked else "未核对"


def figures_data(result: FileResult) -> list[dict[str, Any]]:
    """JSON rows (``perfeval check --json``: ``model.figures``)."""
    return [
        {"cell": f.cell, "quote": f.quote, "text": f.text, "subject": f.subject, "subject_label": f.subject_label,
         "role": f.role, "role_label": f.role_label, "value": f.value, "unit": f.unit, "indicator": f.indicator or None,
         "confidence": f.claim.confidence.name.lower(), "checked_against": f.checked_against,
         "findings": findings_on(f, result)}
        for f in figures_of(result)
    ]


def render_figures(result: FileResult) -> list[str]:
    """Terminal lines: one per figure."""
    figures = figures_of(result)
    if not figures:
        return []
    lines = [f"报告中的数字（{len(figures)} 个）："]
    for f in figures:
        about = f"“{f.indicator}”" if f.indicator else ""
        lines.append(f"  {f.cell} “{f.text}” {about}{f.subject_label}·{f.role_label} = {f.value}"
                     f" ｜ 原文：{f.quote} ｜ 核对：{f.checked_against} ｜ {outcome(f, result)}")
    return lines


def figures_sheet(result: FileResult, styles, link_to: Callable[[str, str], str | None]) -> NewSheet:
    """The completed copy's sheet: one filterable row per figure, each linked to its paragraph."""
    sheet = NewSheet(widths=[6, 12, 46, 12, 14, 10, 12, 6, 16, 36, 14], freeze_rows=2, filter_row=2, fit_from_row=2)
    figures = figures_of(result)
    sheet.add(Cell(f"报告中的数字：{result.file}（共 {len(figures)} 个；“核对对象”说明每个数与什么比较，"
                   "目标值、分项、约数、以前年度的数不与实际数比较）", styles.title))
    sheet.add(*(Cell(h, styles.header) for h in HEADERS))
    for n, f in enumerate(figures, start=1):
        sheet_name, _, cell = f.cell.partition("!")
        target = link_to(sheet_name, cell)
        sheet.add(
            Cell(n, styles.number),
            Cell(f.cell, styles.link if target else styles.text, link=target),
            Cell(f.quote, styles.text),
            Cell(f.text, styles.text),
            Cell(f.subject_label, styles.text),
            Cell(f.role_label, styles.text),
            Cell(f.value, styles.text),
            Cell(f.unit, styles.text),
            Cell(f.indicator, styles.text),
            Cell(f.checked_against, styles.text),
            Cell(outcome(f, result), styles.text),
        )
    if not figures:
        sheet.add(Cell("", styles.text), Cell("报告正文中没有数字（或没有评价报告）", styles.text))
    return sheet
