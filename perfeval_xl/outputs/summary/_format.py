"""Cell formats and small writing helpers shared by the summary's sheets (xlsxwriter)."""

from __future__ import annotations

import re
from typing import Any

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from perfeval_xl.findings import Severity
from perfeval_xl.outputs.completed.marks import is_cell
from perfeval_xl.outputs.textfit import row_height

MAX_TEXT = 32767  # Excel's limit on characters in one cell
_FUNCTION_CALL = re.compile(r"[A-Za-z0-9_.]\(")  # every renamed function ends so


class _Worksheet(Worksheet):
    """A worksheet whose formulas without a function call skip xlsxwriter's
    renaming of newer functions (``FILTER(`` -> ``_xlfn._xlws.FILTER(``):
    thirty substitutions per formula, a sixth of writing a 10,000-project
    summary whose 20,000 formulas are all ``=H2/G2`` and ``=K2-J2``. Should
    xlsxwriter rename the hook, every formula simply goes the long way again."""

    def _prepare_formula(self, formula, expand_future_functions=False):
        if _FUNCTION_CALL.search(formula):
            return super()._prepare_formula(formula, expand_future_functions)
        return formula.removeprefix("{").removeprefix("=").removesuffix("}")


class SummaryWorkbook(xlsxwriter.Workbook):
    worksheet_class = _Worksheet


class Formats:
    def __init__(self, wb: xlsxwriter.Workbook):
        base = {"font_name": "宋体", "font_size": 10, "valign": "top", "border": 1}
        self.header = wb.add_format({**base, "bold": True, "bg_color": "#D9E1F2", "text_wrap": True, "align": "center", "valign": "vcenter"})
        self.text = wb.add_format({**base, "text_wrap": True})
        self.center = wb.add_format({**base, "align": "center"})
        self.money = wb.add_format({**base, "num_format": "#,##0.00"})
        self.rate = wb.add_format({**base, "num_format": "0.00%"})
        self.score = wb.add_format({**base, "num_format": "0.00"})
        self.int = wb.add_format({**base, "num_format": "0"})
        self.link = wb.add_format({**base, "font_color": "#0563C1", "underline": 1, "text_wrap": True})
        self.line = wb.add_format(base)  # text kept on one line: long tables are read by filtering
        self.link_line = wb.add_format({**base, "font_color": "#0563C1", "underline": 1})
        self.number = wb.add_format(base)  # as written: 3100, 95, 0.5
        self.title = wb.add_format({"font_name": "宋体", "bold": True, "font_size": 14})
        self.plain = wb.add_format({"font_name": "宋体", "font_size": 10, "text_wrap": True, "valign": "top"})
        self.bad = wb.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"})
        self.warn = wb.add_format({"bg_color": "#FFEB9C", "font_color": "#9C5700"})
        self.sev_cell = {
            Severity.ERROR: wb.add_format({**base, "bg_color": "#FFC7CE", "align": "center"}),
            Severity.WARNING: wb.add_format({**base, "bg_color": "#FFEB9C", "align": "center"}),
            Severity.INFO: wb.add_format({**base, "bg_color": "#DDEBF7", "align": "center"}),
        }


def external_link(output: str, sheet: str | None = None, cell: str | None = None) -> str:
    """A link to a completed copy (relative to the summary), at a cell when one is given."""
    url = "external:" + output
    if sheet and is_cell(cell):
        url += "#'" + sheet.replace("'", "''") + "'!" + cell
    return url


def put(ws, row: int, col: int, value: Any, fmt) -> None:
    """Numbers as numbers, everything else as text (never a formula)."""
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        ws.write_number(row, col, value, fmt)
    else:
        ws.write_string(row, col, str(value)[:MAX_TEXT], fmt)


def fit_row(ws, row: int, texts: list[tuple[Any, float]]) -> None:
    height = row_height(texts)
    if height:
        ws.set_row(row, height)


def header(ws, fmts: Formats, headers: list[tuple[str, float]], row: int = 0) -> None:
    for col, (name, width) in enumerate(headers):
        ws.write_string(row, col, name, fmts.header)
        ws.set_column(col, col, width)
    ws.set_row(row, 30)


def printable(ws, header_row: int = 0, title: str = "") -> None:
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)  # fit the width, as many pages down as needed
    ws.repeat_rows(header_row)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.set_footer("&C第 &P 页，共 &N 页")
    if title:
        ws.set_header("&C" + title.replace("&", "&&"))
