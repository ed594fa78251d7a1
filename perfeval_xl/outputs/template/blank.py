"""The blank standardized workbook (``perfeval template``).

``write_template(path, scheme)`` writes the official 项目支出绩效评价表 layout
(sheet 绩效评价表), an empty 评价报告 sheet for the narrative and a 填表说明
sheet, as described in ``spec/workbook.md``. xlsxwriter is used because it
can store each formula's cached value (openpyxl cannot).

The generated templates are committed under ``input_templates/``; after
changing anything here, regenerate them with::

    python -m perfeval_xl.outputs.template.blank
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from xlsxwriter.workbook import Workbook

from perfeval_xl.outputs.template.blank_form import A4_PAPER, draw_form
from perfeval_xl.outputs.template.blank_layout import (
    FORM_SHEET,
    GUIDE_SHEET,
    REPORT_SHEET,
    SCHEMES,
    form_layout,
)
from perfeval_xl.outputs.template.blank_style import Formats, build_formats
from perfeval_xl.outputs.template.blank_text import GUIDE_LINES, GUIDE_TITLE, HINTS

# Fixed so that the same code always writes the same parts (the staleness test compares them).
DOCUMENT_DATE = datetime(2024, 1, 1)
GUIDE_WIDTH = 70  # characters; fits A4 portrait at 11 pt even unscaled
LINE_HEIGHT = 15  # points per wrapped line of 11 pt text
REPORT_ROWS = 2000  # rows of 评价报告 that carry the paste hint
COMMITTED_DIR = Path(__file__).resolve().parents[3] / "input_templates"


def template_filename(scheme: str) -> str:
    """The file name the template of ``scheme`` is published under."""
    return f"绩效评价表_{scheme}.xlsx"


def _draw_report(workbook: Workbook, formats: Formats) -> None:
    # Nothing is written into column A: every non-empty row there is a paragraph for the reader.
    ws = workbook.add_worksheet(REPORT_SHEET)
    ws.set_column("A:A", GUIDE_WIDTH, formats.paragraph)
    hint = HINTS["report"]
    ws.data_validation(f"A1:A{REPORT_ROWS}", {"validate": "any", "input_title": hint.title,
                                                  "input_message": hint.message})
    ws.set_paper(A4_PAPER)
    ws.fit_to_pages(1, 0)


def _text_width(text: str) -> int:
    """Width in Excel character units: a Chinese character takes two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _draw_guide(workbook: Workbook, formats: Formats) -> None:
    ws = workbook.add_worksheet(GUIDE_SHEET)
    ws.set_column("A:A", GUIDE_WIDTH)
    ws.write_string("A1", GUIDE_TITLE, formats.guide_title)
    ws.set_row(0, 24)
    for row, line in enumerate(GUIDE_LINES, start=1):
        is_heading = line[0] in "一二三四五六七八九十"
        ws.write_string(row, 0, line, formats.guide_heading if is_heading else formats.guide_line)
        # Spreadsheet applications do not grow rows for wrapped text on opening: size them here.
        lines = -(-_text_width(line) // (GUIDE_WIDTH - 4))
        ws.set_row(row, LINE_HEIGHT * lines + 4)
    ws.set_paper(A4_PAPER)
    ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.protect("")


def _build(target: str, scheme: str) -> None:
    layout = form_layout(scheme)
    workbook = Workbook(target, {"strings_to_formulas": False, "strings_to_numbers": False})
    try:
        workbook.set_properties({
            "title": f"项目支出绩效评价表（{scheme}）",
            "subject": "预算绩效评价标准化填报模板",
            "author": "perfeval-xl",
            "comments": "由 perfeval template 生成；请勿修改栏目名称。",
            "created": DOCUMENT_DATE,
        })
        formats = build_formats(workbook)
        draw_form(workbook.add_worksheet(FORM_SHEET), layout, formats)
        _draw_report(workbook, formats)
        _draw_guide(workbook, formats)
        workbook.worksheets()[0].activate()
    finally:
        workbook.close()


def _default_file_mode() -> int:
    """The mode a normally created file gets under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_template(path: str | os.PathLike, scheme: str = "部门评价") -> Path:
    """Write the blank template for ``scheme`` (部门评价 or 单位自评) to ``path``.

    The file appears atomically: it is built under a temporary name in the
    same folder and moved into place, so a reader never sees half a file.
    Raises ``ValueError`` for an unknown scheme and ``OSError`` when the
    folder cannot be written.
    """
    form_layout(scheme)  # validate before touching the disk
    target = Path(path)
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", prefix=".template-", dir=target.parent or ".")
    os.close(handle)
    try:
        _build(temporary, scheme)
        os.chmod(temporary, _default_file_mode())  # mkstemp makes 0600; a template is meant to be shared
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def regenerate_committed(folder: Path = COMMITTED_DIR) -> list[Path]:
    """(Re)write every scheme's template into ``folder`` (default ``input_templates/``)."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_template(folder / template_filename(name), name) for name in SCHEMES]


if __name__ == "__main__":
    for written in regenerate_committed(Path(sys.argv[1]) if len(sys.argv) > 1 else COMMITTED_DIR):
        print(written)
