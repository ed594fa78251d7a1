"""The 指标明细 sheet: every 三级指标 of every project, one line each, as
``Batch.indicators`` lists them, so a reviewer filters one indicator and compares it
across projects. Numbers are numbers; each line's 位置 opens its row in the
completed copy. Lines are not wrapped: a table of thousands of lines is read
by filtering, and the full text is in the cell (the findings' text also in 问题清单).

The sheet has about fifteen lines per project, more than all other sheets
together: written cell by cell through xlsxwriter they took two seconds per
thousand projects, half a whole run. So xlsxwriter lays out the sheet
(columns, frozen header, filter, printing) around an empty ``sheetData``,
while the rows are rendered in one pass, column by column (each distinct text
once), and compressed in a forked process as the other sheets are written;
the compressed rows then take their place in the finished workbook's zip
(:func:`perfeval_xl.ooxml.zipwrite.deflated_around`). Texts are inline
strings, each link a HYPERLINK formula with its text cached (a formula, unlike
a hyperlink object, has no limit of 65,530 per sheet).
"""

from __future__ import annotations

import io
import math
import multiprocessing
import struct
import tempfile
import zipfile
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator

from xlsxwriter.utility import xl_col_to_name

from perfeval_xl.ooxml.package import compressed_data
from perfeval_xl.ooxml.zipwrite import (
    Deflated,
    copied,
    deflated_around,
    deflated_piece,
    zip_bytes,
)
from perfeval_xl.outputs.frames import Batch
from perfeval_xl.outputs.newsheet import escaped
from perfeval_xl.outputs.records import INDICATOR_FIELDS
from perfeval_xl.outputs.summary._format import (
    MAX_TEXT,
    Formats,
    SummaryWorkbook,
    printable,
)
from perfeval_xl.outputs.tables import PROJECT_OF_ROW

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
    ("指标值数值", 8, "target_value", "number"),
    ("指标值单位", 6, "target_unit", "center"),
    ("全年完成值", 14, "actual_text", "text"),
    ("完成值数值", 8, "actual_value", "number"),
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


ROWS_MARK = "<!--perfeval:rows-->"


class _RowsElsewhereWorksheet(SummaryWorkbook.worksheet_class):
    """A worksheet whose ``sheetData`` holds only a mark where the rows go."""

    last_cell: str = "A1"

    def _write_dimension(self) -> None:
        self._xml_empty_tag("dimension", [("ref", f"A1:{self.last_cell}")])

    def _write_sheet_data(self) -> None:
        self._xml_start_tag("sheetData")
        self.fh.write(ROWS_MARK)
        self._xml_end_tag("sheetData")


class IndicatorRows:
    """The rows of 指标明细, rendered and compressed beside the other sheets
    (in a forked process where there is fork; else when they are needed)."""

    def __init__(self, fmts: Formats, tables: Batch) -> None:
        # rendered from the records Batch.indicators is built from, not from that table: building
        # it and reading it back as Python values cost 0.03 s more per 1000 projects
        records = tables.records
        self.count = len(records.get("indicators", ()))
        styles = _styles(fmts)  # formats are numbered now, before the fork, so both sides agree
        projects = {p["file"]: p for p in records.get("projects", ())}
        self._render = lambda: deflated_piece(render_rows(styles, records.get("indicators", ()), projects))
        self._folder = tempfile.TemporaryDirectory(prefix="perfeval-rows-")
        self._file = Path(self._folder.name) / "rows"
        self._process = None
        if "fork" in multiprocessing.get_all_start_methods():
            self._process = multiprocessing.get_context("fork").Process(target=self._write, daemon=True)
            self._process.start()

    def __enter__(self) -> "IndicatorRows":
        return self

    def __exit__(self, *exc) -> None:
        """Whatever happened, the process is gone and its file removed."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
        self._folder.cleanup()

    def _write(self) -> None:
        piece = self._render()
        self._file.write_bytes(struct.pack("<2Q", piece.crc, piece.size) + piece.data)

    def _piece(self) -> Deflated:
        if self._process is not None:
            self._process.join()
            if self._process.exitcode == 0 and self._file.is_file():
                data = self._file.read_bytes()
                crc, size = struct.unpack_from("<2Q", data)
                return Deflated(data[16:], crc, size)
        return self._render()  # no fork, or the process failed: here, then

    def sheet(self, wb) -> None:
        """Add the 指标明细 sheet (its rows come with :meth:`put_into`)."""
        ws = wb.add_worksheet(SHEET, worksheet_class=_RowsElsewhereWorksheet)
        for col, (_, width, _, _) in enumerate(COLUMNS):
            ws.set_column(col, col, width)
        ws.last_cell = f"{xl_col_to_name(len(COLUMNS) - 1)}{self.count + 1}"
        ws.freeze_panes(1, 5)
        ws.autofilter(0, 0, max(self.count, 1), len(COLUMNS) - 1)
        printable(ws, title=SHEET)
        self._part = f"xl/worksheets/sheet{ws.index + 1}.xml"

    def put_into(self, workbook: Path) -> None:
        """Put the rows into the written workbook, every other part copied as it is."""
        piece = self._piece()
        archive = workbook.read_bytes()
        with zipfile.ZipFile(io.BytesIO(archive)) as zf:
            entries = []
            for info in zf.infolist():
                if info.filename != self._part:
                    entries.append(copied(compressed_data(archive, info), info))
                    continue
                before, after = zf.read(info).split(ROWS_MARK.encode(), 1)
                entries.append(deflated_around(info.filename, before, piece, after))
        workbook.write_bytes(zip_bytes(entries))


def _styles(fmts: Formats) -> dict[str, int]:
    return {
        "header": fmts.header._get_xf_index(),
        "text": fmts.line._get_xf_index(),
        "center": fmts.center._get_xf_index(),
        "number": fmts.number._get_xf_index(),
        "score": fmts.score._get_xf_index(),
        "link": fmts.link_line._get_xf_index(),
    }


def render_rows(style: dict[str, int], indicators: Iterable, projects: dict[str, dict[str, Any]]) -> Iterator[str]:
    """The ``<row>`` elements of the sheet, in parts: the header, then one per
    indicator record (``INDICATOR_FIELDS`` in order, or a dict from
    results.json), with its project's name and department from ``projects``
    (records by file), as ``Batch.indicators`` joins them."""
    letters = [xl_col_to_name(c) for c in range(len(COLUMNS))]
    yield '<row r="1" ht="30" customHeight="1">' + "".join(
        f'<c r="{letter}1{_text(name, style["header"])}' for letter, (name, *_) in zip(letters, COLUMNS)
    ) + "</row>"
    rows = [r if not isinstance(r, dict) else [r.get(name) for name in INDICATOR_FIELDS] for r in indicators]
    fields = list(zip(*rows)) if rows else [() for _ in INDICATOR_FIELDS]
    by_name = dict(zip(INDICATOR_FIELDS, fields))
    files = by_name["file"]
    for name in PROJECT_OF_ROW:
        by_name[name] = [projects[f].get(name) if f in projects else None for f in files]
    columns = [by_name[column] for _, _, column, _ in COLUMNS]
    sheets = by_name["sheet"]
    outputs = {f: p["output"] for f, p in projects.items() if p.get("output")}
    tails = []
    for (_, _, _, kind), values in zip(COLUMNS, columns):
        if kind == "link":
            tails.append(_link_tails(files, sheets, values, outputs, style))
        elif kind in ("number", "score"):
            tails.append(_number_tails(values, style[kind]))
        else:
            tails.append(_text_tails(values, style[kind]))
    # one str.format per row: {0} is the row number, {1}… what follows each cell's reference
    row = '<row r="{0}">' + "".join(f'<c r="{letter}{{0}}{{{i}}}' for i, letter in enumerate(letters, start=1)) + "</row>"
    lines = enumerate(zip(*tails), start=2)
    while part := [row.format(number, *cells) for number, cells in islice(lines, 2000)]:
        yield "".join(part)


def _text(value: str, s: int) -> str:
    """What follows ``<c r="A1`` for a text cell: an inline string, marked to
    keep its spaces only when it begins or ends with one, as xlsxwriter marks
    its strings (the mark on every text was a quarter of the sheet's bytes)."""
    text = escaped(value[:MAX_TEXT])
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'" s="{s}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _text_tails(values: list[Any], s: int) -> list[str]:
    """Names, labels and units repeat line after line: each distinct text is rendered once."""
    rendered: dict[Any, str] = {None: f'" s="{s}"/>'}
    for value in set(values) - rendered.keys():
        rendered[value] = _text(str(value), s)
    return [rendered[value] for value in values]


def _number_tails(values: list[Any], s: int) -> list[str]:
    rendered: dict[Any, str] = {None: f'" s="{s}"/>'}
    for value in set(values) - rendered.keys():
        finite = math.isfinite(value)
        rendered[value] = f'" s="{s}"><v>{value:.16g}</v></c>' if finite else rendered[None]
    return [rendered[value] for value in values]


def _link_tail(output: str | None, sheet: str | None, cell: str | None, style: dict[str, int]) -> str:
    """The row's place, a link into the completed copy when there is one."""
    if cell is None:
        return f'" s="{style["text"]}"/>'
    place = f"{sheet}!{cell}" if sheet else cell
    if not output:
        return _text(place, style["text"])
    target = output.replace("/", "\\")  # as xlsxwriter writes a link to a file
    if sheet:
        target += "#'" + sheet.replace("'", "''") + "'!" + cell
    formula = f'HYPERLINK("{_quoted(target)}","{_quoted(place)}")'
    if len(formula) > MAX_FORMULA:
        return _text(place, style["text"])
    return f'" s="{style["link"]}" t="str"><f>{escaped(formula)}</f><v>{escaped(place)}</v></c>'


def _link_tails(files: list[str], sheets: list[str | None], cells: list[str | None], outputs: dict[str, str], style: dict[str, int]) -> list[str]:
    """:func:`_link_tail` of every line; what a link says but its cell is
    rendered once per file (a project's fifteen lines share it)."""
    around: dict[tuple, tuple[str, str, str] | None] = {}
    tails = []
    for file, sheet, cell in zip(files, sheets, cells):
        output = outputs.get(file)
        if not (output and sheet and cell and cell.isascii() and cell.isalnum()):
            tails.append(_link_tail(output, sheet, cell, style))
            continue
        key = (output, sheet)
        if key not in around:  # the formula and its text, split where the cell goes
            target = output.replace("/", "\\") + "#'" + sheet.replace("'", "''") + "'!"
            parts = ('HYPERLINK("' + _quoted(target), '","' + _quoted(sheet + "!"), '")')
            fits = len("".join(parts)) + 20 <= MAX_FORMULA
            around[key] = (escaped(parts[0]), escaped(parts[1]), escaped(sheet + "!")) if fits else None
        pieces = around[key]
        if pieces is None:
            tails.append(_link_tail(output, sheet, cell, style))
            continue
        head, middle, place = pieces
        tails.append(f'" s="{style["link"]}" t="str"><f>{head}{cell}{middle}{cell}")</f><v>{place}{cell}</v></c>')
    return tails


def _quoted(text: str) -> str:
    return text.replace('"', '""')
