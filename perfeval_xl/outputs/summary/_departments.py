"""The 部门汇总 sheet: per 主管部门 figures and the two charts."""

from __future__ import annotations

import math

import pandas as pd
from xlsxwriter.utility import xl_rowcol_to_cell

from perfeval_xl.model import GRADES
from perfeval_xl.outputs.summary._format import Formats, header, printable, put
from perfeval_xl.outputs.tables import DEPARTMENT_COLUMNS, plain_rows

DEPT_HEADERS = [
    ("主管部门", 18), ("项目数", 7), ("全年预算数A（万元）", 12), ("全年执行数B（万元）", 12), ("执行率", 9),
    ("平均核定总分", 9), *((g, 5) for g in GRADES), ("错误", 6), ("警告", 6),
]


def departments_sheet(wb, fmts: Formats, departments: pd.DataFrame) -> None:
    """``departments``: :func:`perfeval_xl.outputs.tables.department_table`."""
    ws = wb.add_worksheet("部门汇总")
    header(ws, fmts, DEPT_HEADERS)
    table = plain_rows(departments)
    n = len(table)
    for i, rec in enumerate(table, start=1):
        put(ws, i, 0, rec["主管部门"], fmts.text)
        put(ws, i, 1, rec["项目数"], fmts.int)
        put(ws, i, 2, rec["全年预算数"], fmts.money)
        put(ws, i, 3, rec["全年执行数"], fmts.money)
        _rate(ws, i, rec["执行率"], fmts)
        put(ws, i, 5, rec["平均核定总分"], fmts.score)
        for j, g in enumerate(GRADES, start=6):
            put(ws, i, j, rec[g], fmts.int)
        put(ws, i, 10, rec["错误"], fmts.int)
        put(ws, i, 11, rec["警告"], fmts.int)
    total = n + 1
    put(ws, total, 0, "合计", fmts.header)
    sums = {}
    for col, fmt in [(1, fmts.int), (2, fmts.money), (3, fmts.money), *((c, fmts.int) for c in range(6, 12))]:
        sums[col] = math.fsum(rec[DEPARTMENT_COLUMNS[col]] or 0 for rec in table)
        ws.write_formula(total, col, f"=SUM({xl_rowcol_to_cell(1, col)}:{xl_rowcol_to_cell(max(n, 1), col)})", fmt, sums[col])
    budget, spent = sums[2], sums[3]
    _rate(ws, total, spent / budget if budget else None, fmts)
    ws.write_blank(total, 5, None, fmts.score)
    ws.freeze_panes(1, 1)
    printable(ws, title="部门汇总")
    if n:
        _charts(wb, ws, n, total)


def _rate(ws, row: int, rate: float | None, fmts: Formats) -> None:
    """执行率 = B ÷ A as a formula with its value, blank when A is missing or 0."""
    if rate is None:
        ws.write_blank(row, 4, None, fmts.rate)
        return
    a, b = xl_rowcol_to_cell(row, 2), xl_rowcol_to_cell(row, 3)
    ws.write_formula(row, 4, f"={b}/{a}", fmts.rate, rate)


def _charts(wb, ws, n: int, total_row: int) -> None:
    """Grade distribution (from the 合计 row) and average score per department."""
    grades = wb.add_chart({"type": "column"})
    grades.add_series({
        "name": "项目数",
        "categories": ["部门汇总", 0, 6, 0, 9],
        "values": ["部门汇总", total_row, 6, total_row, 9],
        "data_labels": {"value": True},
        "points": [{"fill": {"color": c}} for c in ("#70AD47", "#5B9BD5", "#FFC000", "#C00000")],
    })
    grades.set_title({"name": "核定等次分布", "name_font": {"name": "宋体", "size": 12}})
    grades.set_legend({"none": True})
    grades.set_y_axis({"name": "项目数", "major_gridlines": {"visible": True}, "min": 0})
    grades.set_x_axis({"num_font": {"name": "宋体"}})
    ws.insert_chart(total_row + 2, 0, grades, {"x_scale": 1.0, "y_scale": 1.0})

    scores = wb.add_chart({"type": "bar"})
    scores.add_series({
        "name": "平均核定总分",
        "categories": ["部门汇总", 1, 0, n, 0],
        "values": ["部门汇总", 1, 5, n, 5],
        "data_labels": {"value": True, "num_format": "0.0"},
        "fill": {"color": "#5B9BD5"},
    })
    scores.set_title({"name": "各部门平均核定总分", "name_font": {"name": "宋体", "size": 12}})
    scores.set_legend({"none": True})
    scores.set_x_axis({"min": 0, "max": 100})
    scores.set_y_axis({"reverse": True, "num_font": {"name": "宋体"}})
    scores.set_size({"width": 520, "height": max(240, 40 + 28 * n)})
    ws.insert_chart(total_row + 2, 7, scores)  # beside the first chart, not over it
