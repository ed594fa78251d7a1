"""Fill the shipped template by code, the way a clerk would by hand.

The project below is the seed report's 附件 (2023 信丰县 部门评价, 17 三级指标,
总分 95, 优). openpyxl keeps the template's formulas but drops their cached
values on save, exactly like files written by programs in the wild.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl

from perfeval_xl.outputs.template.blank_layout import (
    DEPARTMENT_ROW,
    FORM_SHEET,
    GOAL_TEXT_ROW,
    NAME_ROW,
    REPORT_SHEET,
    YEAR_ROW,
    form_layout,
)


@dataclass(frozen=True)
class Row:
    """One filled 三级 row. ``name`` None: keep the pre-filled standard name."""

    level2: str
    name: str | None
    target: str
    actual: str
    weight: float | None
    score: float
    deviation: str = ""


SEED_HEADER = {
    "name": "2023年县领导春节走访慰问困难企业资金项目",
    "department": "信丰县工信局",
    "implementer": "信丰县工信局",
    "year": 2023,
    "method": "部门评价",
}
SEED_FUNDS = {  # label -> (年初预算数, 全年预算数（A）, 全年执行数（B）)
    "年度资金总额": (60, 60, 60),
    "其中：当年财政拨款": (60, 60, 60),
}
SEED_GOALS = (
    "县领导春节走访慰问困难企业，助力工业发展，提升我县营商环境。",
    "为困难企业发放春节慰问金，资金拨付率100%，提升了我县营收环境，企业获得感增强。",
)
_FULL = "全部符合"
SEED_ROWS = (
    Row("项目立项", None, _FULL, _FULL, None, 3),
    Row("项目立项", None, _FULL, _FULL, None, 2),
    Row("绩效目标", None, _FULL, "基本符合", None, 3, "原因：对绩效知识学习不够；措施：加强学习培训。"),
    Row("绩效目标", None, _FULL, _FULL, None, 5),
    Row("资金投入", None, _FULL, _FULL, None, 3),
    Row("资金投入", None, _FULL, _FULL, None, 2),
    Row("资金管理", None, "100%", "100%", None, 3),
    Row("资金管理", None, "100%", "100%", None, 4),
    Row("资金管理", None, _FULL, _FULL, None, 3),
    Row("组织实施", None, _FULL, "基本符合", None, 3, "原因：管理制度不够健全；措施：完善管理制度"),
    Row("组织实施", None, _FULL, _FULL, None, 5),
    Row("产出数量", "走访慰问困难企业数", "≥20家", "20家", 5, 5),
    Row("产出质量", "企业对营商政策知晓率", "≥80%", "90%", 5, 5),
    Row("产出时效", "走访慰问时间", "春节前", "部分实现", 10, 9,
        "原因：企业提供资金拨付材料需要一定时间，部分企业春节后拨付；整改措施：督促企业及时提交材料。"),
    Row("产出成本", "县领导春节走访慰问困难企业资金", "≤60万元", "60万元", 10, 10),
    Row("社会效益", "体现县委县政府的关心关爱", "基本完成", "基本完成", 15, 15),
    Row("满意度", "被慰问企业满意度", "≥95%", "100%", 15, 15),
)
SEED_NARRATIVE = (
    "2023年县领导春节走访慰问困难企业资金项目绩效评价报告",
    "一、基本情况",
    "该项目共使用60万元，实际到位资金41.83万元，预算执行率为69.71%。",
)


def place_rows(scheme: str, rows: tuple[Row, ...]) -> dict[int, Row]:
    """Excel row of each filled row: standard rows in order, the others in the first free
    blank slot of their 二级 — the way a clerk fills top-down and leaves spare rows blank."""
    layout = form_layout(scheme)
    free = [i for i, slot in enumerate(layout.slots) if slot.name is None]
    standard = [i for i, slot in enumerate(layout.slots) if slot.name is not None]
    placed: dict[int, Row] = {}
    for row in rows:
        if row.name is None:
            index = standard.pop(0)
        else:
            index = next(i for i in free if layout.slots[i].level2 == row.level2)
            free.remove(index)
        placed[layout.slot_row(index)] = row
    return placed


def fill_template(template: Path, target: Path, scheme: str = "部门评价",
                  header: dict = SEED_HEADER, funds: dict = SEED_FUNDS,
                  rows: tuple[Row, ...] = SEED_ROWS, narrative: tuple[str, ...] = SEED_NARRATIVE,
                  overrides: dict[str, object] | None = None) -> dict[int, Row]:
    """Write a project into the template's input cells; returns where each row went.

    ``overrides`` writes raw cells last (e.g. a typed 总分 over its formula).
    """
    layout = form_layout(scheme)
    workbook = openpyxl.load_workbook(template)
    ws = workbook[FORM_SHEET]
    ws[f"B{NAME_ROW}"] = header["name"]
    ws[f"B{DEPARTMENT_ROW}"] = header["department"]
    ws[f"F{DEPARTMENT_ROW}"] = header["implementer"]
    ws[f"B{YEAR_ROW}"] = header["year"]
    ws[f"F{YEAR_ROW}"] = header["method"]
    for label, amounts in funds.items():
        for column, amount in zip("CDE", amounts):
            ws[f"{column}{layout.funds_row(label)}"] = amount
    ws[f"B{GOAL_TEXT_ROW}"], ws[f"F{GOAL_TEXT_ROW}"] = SEED_GOALS
    placed = place_rows(scheme, rows)
    for excel_row, row in placed.items():
        if row.name is not None:
            ws[f"C{excel_row}"] = row.name
        if row.weight is not None:
            ws[f"F{excel_row}"] = row.weight
        ws[f"D{excel_row}"], ws[f"E{excel_row}"] = row.target, row.actual
        ws[f"G{excel_row}"] = row.score
        if row.deviation:
            ws[f"H{excel_row}"] = row.deviation
    report = workbook[REPORT_SHEET]
    for number, paragraph in enumerate(narrative, start=1):
        report[f"A{number}"] = paragraph
    for cell, value in (overrides or {}).items():
        ws[cell] = value
    workbook.save(target)
    return placed
