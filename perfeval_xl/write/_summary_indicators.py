"""The 指标明细 sheet: every 三级指标 of every project, one line each, from
``Batch.indicators``, so a reviewer filters one indicator and compares it
across projects. Numbers are numbers; each line's 位置 opens its row in the
completed copy. Lines are not wrapped: a table of thousands of lines is read
by filtering, and the full text is in the cell (the findings' text also in 问题清单).

The sheet has about fifteen lines per project, more than all other sheets
together: written cell by cell through xlsxwriter they took a second per
thousand projects, a quarter of a whole run. So xlsxwriter lays out the sheet
(columns, frozen header, filter, printing) and keeps its texts in the shared
string table, while its rows are rendered here in one pass, column by column:
each distinct text is rendered once. Each link is a HYPERLINK formula with
its text cached (a formula, unlike a hyperlink object, has no limit of 65,530
per sheet).
"""

from __future__ import annotations

import math
from itertools import islice
from typing import Any, Iterable, Iterator

from xlsxwriter.utility import xl_col_to_name

from perfeval_xl.write._newsheet import escaped
from perfeval_xl.write._summary_format import MAX_TEXT, Formats, SummaryWorkbook, printable
from perfeval_xl.write.tables import Batch, plain_tuples

SHEET = "指标明细"

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
MAX_FORMULA = 8000  # Excel allows 8,192 characters in a formula; a longer link is shown as text


class _RenderedRowsWorksheet(SummaryWorkbook.worksheet_class):
    """A worksheet whose cells are rendered in bulk instead of stored cell by
    cell: ``rows`` gives the XML of its ``<row>`` elements, header first, a
    part at a time (100,000 lines need not be one string); xlsxwriter writes
    everything around them."""

    rows: Iterable[str] = ()
    last_cell: str = "A1"

    def _write_dimension(self) -> None:
        self._xml_empty_tag("dimension", [("ref", f"A1:{self.last_cell}")])

    def _write_sheet_data(self) -> None:
        self._xml_start_tag("sheetData")
        for part in self.rows:
            self.fh.write(part)
        self._xml_end_tag("sheetData")


def indicators_sheet(wb, fmts: Formats, tables: Batch) -> None:
    ws = wb.add_worksheet(SHEET, worksheet_class=_RenderedRowsWorksheet)
    for col, (_, width, _, _) in enumerate(COLUMNS):
        ws.set_column(col, col, width)
    indicators = tables.indicators
    n = len(indicators)
    ws.last_cell = f"{xl_col_to_name(len(COLUMNS) - 1)}{n + 1}"
    outputs = tables.projects.set_index("file")["output"].dropna().to_dict()
    ws.rows = render_rows(_Strings(ws.str_table), fmts, indicators, outputs)  # texts numbered now, rows made when written
    ws.freeze_panes(1, 5)
    ws.autofilter(0, 0, max(n, 1), len(COLUMNS) - 1)
    printable(ws, title=SHEET)


class _Strings:
    """The workbook's shared strings, as xlsxwriter's own ``write_string`` uses them."""

    def __init__(self, table) -> None:
        self._table = table

    def cell(self, text: str, s: int) -> str:
        """What follows ``<c r="A1`` for a text cell."""
        return f'" s="{s}" t="s"><v>{self._table._get_shared_string_index(text[:MAX_TEXT])}</v></c>'

    def column(self, values: list[Any], s: int) -> list[str]:
        """A column of texts (None: blank). Names, labels and units repeat line
        after line: each distinct one is rendered once, and counted each time."""
        rendered: dict[Any, str] = {None: f'" s="{s}"/>'}
        repeats = 0
        for value in values:
            if value in rendered:
                repeats += value is not None
            else:
                rendered[value] = self.cell(str(value), s)
        self._table.count += repeats  # the sst's count of uses, as write_string keeps it
        return [rendered[value] for value in values]


def render_rows(strings: _Strings, fmts: Formats, indicators, outputs: dict[str, str]) -> Iterator[str]:
    """The ``<row>`` elements of the sheet: the header, then one per indicator,
    in parts. Texts and formats are numbered now, rows put together as they are
    written (xlsxwriter numbers formats when first written, its shared strings
    before the sheets are)."""
    style = {
        "header": fmts.header._get_xf_index(),
        "text": fmts.line._get_xf_index(),
        "center": fmts.center._get_xf_index(),
        "number": fmts.number._get_xf_index(),
        "score": fmts.score._get_xf_index(),
        "link": fmts.link_line._get_xf_index(),
    }
    letters = [xl_col_to_name(c) for c in range(len(COLUMNS))]
    header = "".join(f'<c r="{letter}1{strings.cell(name, style["header"])}' for letter, (name, *_) in zip(letters, COLUMNS))
    frame = indicators[[c[2] for c in COLUMNS] + ["sheet"]]
    columns = [list(values) for values in zip(*plain_tuples(frame))] if len(frame) else [[] for _ in range(len(COLUMNS) + 1)]
    sheets, files = columns[-1], columns[[c[2] for c in COLUMNS].index("file")]
    tails = []
    for (_, _, _, kind), values in zip(COLUMNS, columns):
        if kind == "link":
            tails.append([_link_tail(strings, outputs.get(f), sheet, cell, style) for f, sheet, cell in zip(files, sheets, values)])
        elif kind in ("number", "score"):
            tails.append(_number_tails(values, style[kind]))
        else:
            tails.append(strings.column(values, style[kind]))
    # one str.format per row: {0} is the row number, {1}… what follows each cell's reference
    row = '<row r="{0}">' + "".join(f'<c r="{letter}{{0}}{{{i}}}' for i, letter in enumerate(letters, start=1)) + "</row>"
    return _parts(f'<row r="1" ht="30" customHeight="1">{header}</row>', row, tails)


def _parts(header: str, row: str, tails: list[list[str]]) -> Iterator[str]:
    yield header
    lines = enumerate(zip(*tails), start=2)
    while part := [row.format(number, *cells) for number, cells in islice(lines, 2000)]:
        yield "".join(part)


def _number_tails(values: list[Any], s: int) -> list[str]:
    rendered: dict[Any, str] = {None: f'" s="{s}"/>'}
    for value in set(values) - rendered.keys():
        finite = math.isfinite(value)
        rendered[value] = f'" s="{s}"><v>{value:.16g}</v></c>' if finite else rendered[None]
    return [rendered[value] for value in values]


def _link_tail(strings: _Strings, output: str | None, sheet: str | None, cell: str | None, style: dict[str, int]) -> str:
    """The row's place, a link into the completed copy when there is one."""
    if cell is None:
        return f'" s="{style["text"]}"/>'
    place = f"{sheet}!{cell}" if sheet else cell
    if not output:
        return strings.cell(place, style["text"])
    target = output.replace("/", "\\")  # as xlsxwriter writes a link to a file
    if sheet:
        target += "#'" + sheet.replace("'", "''") + "'!" + cell
    formula = f'HYPERLINK("{_quoted(target)}","{_quoted(place)}")'
    if len(formula) > MAX_FORMULA:
        return strings.cell(place, style["text"])
    return f'" s="{style["link"]}" t="str"><f>{escaped(formula)}</f><v>{escaped(place)}</v></c>'


def _quoted(text: str) -> str:
    return text.replace('"', '""')
