"""Read a Word report (python-docx): paragraphs and tables in document order."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from perfeval_xl.importer.source import Block, Paragraph, Table, clean_text


def read_docx(path: Path) -> list[Block]:
    """Every body paragraph (headings included) and table, in order.

    Raises what python-docx raises for a file that is not a Word document;
    the caller turns that into a failure message.
    """
    document = docx.Document(str(path))
    blocks: list[Block] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(Paragraph(clean_text(DocxParagraph(element, document).text)))
        elif tag == "tbl":
            blocks.append(_table(DocxTable(element, document)))
    return blocks


def _table(table: DocxTable) -> Table:
    """Rows of distinct cells. python-docx repeats a merged cell's text across
    the grid (same ``_tc`` element): across columns it is kept once, down rows
    it becomes ``""`` so a merged 一级指标 reads as "same as above"."""
    # Keyed by id() but holding the element too: lxml proxies that are
    # dropped can be recreated at a recycled address.
    seen: dict[int, object] = {}
    rows = []
    for row in table.rows:
        cells: list[str] = []
        in_row: set[int] = set()
        for cell in row.cells:
            key = id(cell._tc)
            if key in in_row:
                continue  # the rest of a cell merged across columns
            in_row.add(key)
            cells.append("" if key in seen else clean_text(_cell_text(cell)))
            seen[key] = cell._tc
        rows.append(cells)
    return Table(rows)


def _cell_text(cell) -> str:
    # A cell's paragraphs are its lines; nested tables are flattened into lines too.
    parts = [p.text for p in cell.paragraphs]
    for nested in cell.tables:
        parts.extend("\t".join(c.text for c in r.cells) for r in nested.rows)
    return "\n".join(parts)
