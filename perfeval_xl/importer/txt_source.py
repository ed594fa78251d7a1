"""Read a report saved as plain text (the seed's shape).

In such a file the narrative is one paragraph per line, and the 评价表 is
flattened: every cell starts with a tab, a line without a tab continues the
cell before it (a wrapped cell), and a blank line ends a table row. Real files
lose a row break now and then (the seed's ``100%\\n \\t上年结转资金``); the form
parser splits such a row on the label that starts the next one.
"""

from __future__ import annotations

import re
from pathlib import Path

from perfeval_xl.importer.labels import FIELDS, GRADE, match
from perfeval_xl.importer.source import Block, Paragraph, Table, clean_text

# The line that opens the attached form: 附件 / 附件1 / 附件：xxx评价表.
ANNEX = re.compile(r"^\s*(\[bookmark:[^\]]*\]\s*)*附\s*[件表]\s*[0-9一二三]*\s*[:：]?")


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) first, then GB18030 as Chinese Windows saves it."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def read_txt(path: Path) -> list[Block]:
    return parse_text(decode(path.read_bytes()))


def parse_text(text: str) -> list[Block]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    annex = _annex_line(lines)
    blocks: list[Block] = []
    row_lines: list[str] = []
    table: Table | None = None

    def end_row() -> None:
        nonlocal table
        if row_lines:
            if table is None:
                table = Table()
                blocks.append(table)
            table.rows.extend(_rows_of_block(row_lines))
            row_lines.clear()

    for i, line in enumerate(lines):
        before_annex = annex is not None and i < annex
        if before_annex or ("\t" not in line and (not row_lines or _labelled_line(line, row_lines[-1]))):
            # A tab in the body is indentation, not a table cell.
            end_row()
            if line.strip():
                table = None  # a paragraph between rows ends the table (续表 follows)
                blocks.append(Paragraph(clean_text(line.replace("\t", " "))))
            continue
        if not line.strip() and "\t" not in line:
            end_row()
            continue
        row_lines.append(line)
    end_row()
    return blocks


def _labelled_line(line: str, previous: str) -> bool:
    """``评价等次：优`` under the table is a line of its own, not a wrapped cell
    (a label alone after an empty cell, a tab then ``项目名称：``, is the cell's text)."""
    _, colon, value = line.partition("：") if "：" in line else line.partition(":")
    if not colon or not value.strip() or not previous.strip():
        return False
    return match(line, GRADE, prefix=True) is not None or match(line, FIELDS, prefix=True) is not None


def _annex_line(lines: list[str]) -> int | None:
    """The last short ``附件…`` line that still has table lines after it."""
    found = None
    for i, line in enumerate(lines):
        if "\t" in line and found is not None:
            return found
        if ANNEX.match(line) and len(line.strip()) <= 40:
            found = i
    return None


def _rows_of_block(lines: list[str]) -> list[list[str]]:
    """One row per block in the seed's shape; but a block whose lines start
    with text before the tab is tab-separated values, one row per line (a
    following line without a tab still continues the last cell)."""
    line_per_row = any("\t" in line and line.split("\t", 1)[0].strip() for line in lines)
    if not line_per_row:
        return [_row_cells("\n".join(lines))]
    rows: list[list[str]] = []
    for line in lines:
        if "\t" in line or not rows:
            rows.append([clean_text(part) for part in line.split("\t")])  # a leading blank is a cell here
        elif rows[-1]:
            rows[-1][-1] = clean_text(rows[-1][-1] + "\n" + line)
    return rows


def _row_cells(text: str) -> list[str]:
    """Cells of one flattened row: split on tabs; the text before the first tab
    is a cell only when it holds something (the converter starts rows with a tab)."""
    parts = text.split("\t")
    first, rest = parts[0], parts[1:]
    cells = [clean_text(part) for part in rest]
    if first.strip():
        cells.insert(0, clean_text(first))
    return cells
