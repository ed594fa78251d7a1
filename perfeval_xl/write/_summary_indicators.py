"""The 指标明细 sheet: every 三级指标 of every project, one line each, from
``Batch.indicators``, so a reviewer filters one indicator and compares it
across projects. Numbers are numbers; each line's 位置 opens its row in the
completed copy. Lines are not wrapped: a table of thousands of lines is read
by filtering, and the full text is in the cell (the findings' text also in 问题清单)."""

from __future__ import annotations

from perfeval_xl.write._summary_format import Formats, external_link, printable
from perfeval_xl.write.tables import Batch, plain_tuples

SHEET = "指标明细"
MAX_LINKS = 65000  # Excel allows 65,530 hyperlinks per sheet; the rest show their place as text

# (header, width, column of Batch.indicators, kind of cell)
COLUMNS = [
    ("项目名称", 24, "project", "text"),
    ("主管部门", 14, "department", "text"),
    ("一级指标", 10, "level1", "text"),
    ("二级指标", 12, "level2", "text"),
    ("三级指标", 24, "level3", "text"),
    ("指标类型", 7, "kind", "center"),
    ("年度指标值", 14, "target_text", "text"),
    ("指标值（数值）", 9, "target_value", "number"),
    ("指标值单位", 6, "target_unit", "center"),
    ("全年完成值", 14, "actual_text", "text"),
    ("完成值（数值）", 9, "actual_value", "number"),
    ("完成值单位", 6, "actual_unit", "center"),
    ("分值", 6, "weight", "score"),
    ("自评得分", 7, "self_score", "score"),
    ("核定得分", 7, "computed_score", "score"),
    ("达成情况", 8, "achievement", "center"),
    ("问题", 10, "rules", "text"),
    ("问题说明", 40, "messages", "text"),
    ("位置", 14, "cell", "link"),
    ("源文件", 20, "file", "text"),
]
LOCATION = next(i for i, c in enumerate(COLUMNS) if c[3] == "link")


def indicators_sheet(wb, fmts: Formats, tables: Batch) -> None:
    ws = wb.add_worksheet(SHEET)
    for col, (name, width, _, _) in enumerate(COLUMNS):
        ws.write_string(0, col, name, fmts.header)
        ws.set_column(col, col, width)
    ws.set_row(0, 30)
    indicators = tables.indicators
    outputs = tables.projects.set_index("file")["output"].dropna().to_dict()
    look = {"text": fmts.line, "center": fmts.center, "number": fmts.number, "score": fmts.score}
    cells = [(col, look.get(kind), kind) for col, (_, _, _, kind) in enumerate(COLUMNS)]
    links = 0
    for row, values in enumerate(plain_tuples(indicators[[c[2] for c in COLUMNS] + ["sheet"]]), start=1):
        sheet = values[-1]
        for (col, fmt, kind), value in zip(cells, values):
            if value is None:
                ws.write_blank(row, col, None, fmt or fmts.line)
            elif kind == "link":
                place = f"{sheet}!{value}" if sheet else str(value)
                output = outputs.get(values[-2])
                if output and links < MAX_LINKS:
                    ws.write_url(row, col, external_link(output, sheet, value), fmts.link_line, string=place, tip="在核查后的工作簿中打开此行")
                    links += 1
                else:
                    ws.write_string(row, col, place, fmts.line)
            elif kind in ("number", "score"):
                ws.write_number(row, col, value, fmt)
            else:
                ws.write_string(row, col, value, fmt)
    ws.freeze_panes(1, 5)
    ws.autofilter(0, 0, max(len(indicators), 1), len(COLUMNS) - 1)
    printable(ws, title=SHEET)
