"""Read a Word report (python-docx): paragraphs and tables in document order.

Text is taken from the XML rather than ``Paragraph.text`` so that what clerks
put in forms survives: runs inside content controls (``w:sdt``) and tracked
insertions, and check boxes typed as Wingdings symbols (``w:sym`` or a
Wingdings run), which become ☑ / □ for the 评价等次.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable

from perfeval_xl.importer.source import Block, Paragraph, Table, clean_text

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_T, _SYM, _TAB, _BR, _CR, _R = qn("w:t"), qn("w:sym"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:r")
_FONT_ATTRS = (qn("w:ascii"), qn("w:hAnsi"), qn("w:eastAsia"))
_RFONTS = qn("w:rFonts")

# Check-box glyphs of the symbol fonts, by font: code point -> what it shows.
_SYMBOLS = {
    "wingdings": {0xFE: "☑", 0xFD: "☒", 0xFC: "✓", 0xA8: "□", 0x6F: "□", 0x71: "□", 0x78: "☒"},
    "wingdings 2": {0x52: "☑", 0x54: "☒", 0x50: "✓", 0xA3: "□", 0x2A: "□", 0x51: "☒"},
}


def read_docx(path: Path) -> list[Block]:
    """Every body paragraph (headings included) and table, in order.

    Raises what python-docx raises for a file that is not a Word document;
    the caller turns that into a failure message.
    """
    document = docx.Document(str(path))
    blocks: list[Block] = []
    _walk(document.element.body, document, blocks)
    return blocks


def _walk(container, document, blocks: list[Block]) -> None:
    for element in container.iterchildren():
        if element.tag == _P:
            blocks.append(Paragraph(clean_text(_paragraph_text(element))))
        elif element.tag == _TBL:
            blocks.append(_table(DocxTable(element, document)))
        elif element.tag == _SDT:  # a content control around whole paragraphs or tables
            for content in element.iterchildren(_SDT_CONTENT):
                _walk(content, document, blocks)


def _table(table: DocxTable) -> Table:
    """Rows of distinct cells. python-docx repeats a merged cell's text across
    the grid (same ``_tc`` element): across columns it is kept once, down rows
    it becomes ``""`` so a merged 一级指标 reads as "same as above"."""
    # Keyed by id() but holding the element too: lxml proxies that are
    # dropped can be recreated at a recycled address.
    seen: dict[int, object] = {}
    rows, starts = [], []
    for row in table.rows:
        cells: list[str] = []
        columns: list[int] = []
        in_row: set[int] = set()
        for column, cell in enumerate(row.cells):
            key = id(cell._tc)
            if key in in_row:
                continue  # the rest of a cell merged across columns
            in_row.add(key)
            cells.append("" if key in seen else clean_text(_cell_text(cell._tc)))
            columns.append(column)
            seen[key] = cell._tc
        rows.append(cells)
        starts.append(columns)
    return Table(rows, starts)


def _cell_text(tc) -> str:
    """A cell's paragraphs are its lines; a nested table's rows become lines too."""
    lines: list[str] = []
    for element in tc.iterchildren():
        if element.tag == _P:
            lines.append(_paragraph_text(element))
        elif element.tag == _TBL:
            for tr in element.iterchildren(qn("w:tr")):
                lines.append("\t".join(_cell_text(inner) for inner in tr.iterchildren(qn("w:tc"))))
        elif element.tag == _SDT:
            for content in element.iterchildren(_SDT_CONTENT):
                lines.append(_cell_text(content))
    return "\n".join(lines)


def _paragraph_text(p) -> str:
    parts: list[str] = []
    for element in p.iter(_T, _SYM, _TAB, _BR, _CR):
        if element.tag == _T:
            parts.append(_symbol_run_text(element) or element.text or "")
        elif element.tag == _SYM:
            parts.append(_glyph(element.get(qn("w:font")), element.get(qn("w:char"))))
        elif element.tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _symbol_run_text(t) -> str | None:
    """The text of a run set in a symbol font, as the glyphs it shows."""
    run = t.getparent()
    if run is None or run.tag != _R:
        return None
    fonts = run.find(f"{qn('w:rPr')}/{_RFONTS}")
    if fonts is None:
        return None
    font = next((fonts.get(a) for a in _FONT_ATTRS if fonts.get(a)), None)
    if not font or font.lower() not in _SYMBOLS:
        return None
    return "".join(_glyph(font, f"{ord(ch) & 0xFF:02X}") if ord(ch) < 0x100 or 0xF000 <= ord(ch) <= 0xF0FF
                   else ch for ch in (t.text or ""))


def _glyph(font: str | None, code: str | None) -> str:
    table = _SYMBOLS.get((font or "").lower(), {})
    try:
        value = int(code or "", 16) & 0xFF
    except ValueError:
        return ""
    return table.get(value, "")
