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

from perfeval_xl.importer.source import Block, Paragraph, Table, clean_text

# The line that opens the attached form: 附件 / 附件1 / 附件：xxx评价表.
ANNEX = re.compile(r"^\s*(\[bookmark:[^\]]*\]\s*)*附\s*件\s*[0-9一二三]*\s*[:：]?")


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
            table.rows.append(_row_cells("\n".join(row_lines)))
            row_lines.clear()

    for i, line in enumerate(lines):
        before_annex = annex is not None and i < annex
        if before_annex or (not row_lines and "\t" not in line):
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


def _annex_line(lines: list[str]) -> int | None:
    """The last short ``附件…`` line that still has table lines after it."""
    found = None
    for i, line in enumerate(lines):
        if "\t" in line and found is not None:
            return found
        if ANNEX.match(line) and len(line.strip()) <= 40:
            found = i
    return None


def _row_cells(text: str) -> list[str]:
    """Cells of one flattened row: split on tabs; the text before the first tab
    is a cell only when it holds something (the converter starts rows with a tab)."""
    parts = text.split("\t")
    first, rest = parts[0], parts[1:]
    cells = [clean_text(part) for part in rest]
    if first.strip():
        cells.insert(0, clean_text(first))
    return cells
