"""A new worksheet part, built from rows of values, for the sheets we add.

Strings are inline strings (never formulas); a :class:`Formula` always
carries the value we computed, so viewers that do not recalculate (pandas,
calamine, phone apps, WPS preview) still show numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from lxml import etree
from openpyxl.utils.cell import get_column_letter

from perfeval_xl.write._package import NS_MAIN, NS_REL, q, serialize, xml_text
from perfeval_xl.write._sheet import MAX_CELL_TEXT
from perfeval_xl.write._textfit import row_height


@dataclass(frozen=True)
class Formula:
    text: str  # without the leading '='
    cached: float | str


@dataclass(frozen=True)
class Cell:
    value: str | float | int | Formula | None
    style: int = 0
    link: str | None = None  # an in-workbook location: 'sheet'!A1


@dataclass
class NewSheet:
    """Rows of cells plus the few sheet settings we use."""

    rows: list[list[Cell]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    freeze_rows: int = 0
    filter_row: int | None = None  # 1-based row of the header to filter on
    fit_from_row: int = 1  # rows from here on get a height that fits their wrapped text

    def add(self, *cells: Cell) -> int:
        """Append a row; returns its 1-based row number."""
        self.rows.append(list(cells))
        return len(self.rows)

    def to_xml(self) -> bytes:
        root = etree.Element(q("worksheet"), nsmap={None: NS_MAIN, "r": NS_REL})
        # without fitToPage the pageSetup's fitToWidth is ignored and wide sheets split across pages
        etree.SubElement(etree.SubElement(root, q("sheetPr")), q("pageSetUpPr"), fitToPage="1")
        views = etree.SubElement(etree.SubElement(root, q("sheetViews")), q("sheetView"), workbookViewId="0")
        if self.freeze_rows:
            top = f"A{self.freeze_rows + 1}"
            etree.SubElement(views, q("pane"), ySplit=str(self.freeze_rows), topLeftCell=top, activePane="bottomLeft", state="frozen")
            etree.SubElement(views, q("selection"), pane="bottomLeft", activeCell=top, sqref=top)
        etree.SubElement(root, q("sheetFormatPr"), defaultRowHeight="15")
        if self.widths:
            cols = etree.SubElement(root, q("cols"))
            for i, width in enumerate(self.widths, start=1):
                etree.SubElement(cols, q("col"), min=str(i), max=str(i), width=str(width), customWidth="1")
        data = etree.SubElement(root, q("sheetData"))
        links: list[tuple[str, str, str]] = []
        ncols = max((len(r) for r in self.rows), default=1)
        for r, row in enumerate(self.rows, start=1):
            row_el = etree.SubElement(data, q("row"), r=str(r))
            height = row_height((cell.value, width) for cell, width in zip(row, self.widths)) if r >= self.fit_from_row else None
            if height:
                row_el.set("ht", str(height))
                row_el.set("customHeight", "1")
            for c, cell in enumerate(row, start=1):
                ref = f"{get_column_letter(c)}{r}"
                _write_cell(row_el, ref, cell)
                if cell.link:
                    links.append((ref, cell.link, str(cell.value or "")))
        if self.filter_row and self.rows:
            etree.SubElement(root, q("autoFilter"), ref=f"A{self.filter_row}:{get_column_letter(ncols)}{len(self.rows)}")
        if links:
            hyperlinks = etree.SubElement(root, q("hyperlinks"))
            for ref, location, display in links:
                etree.SubElement(hyperlinks, q("hyperlink"), ref=ref, location=location, display=xml_text(display)[:255])
        etree.SubElement(root, q("pageMargins"), left="0.5", right="0.5", top="0.6", bottom="0.6", header="0.3", footer="0.3")
        etree.SubElement(root, q("pageSetup"), paperSize="9", orientation="landscape", fitToWidth="1", fitToHeight="0")
        return serialize(root)


def _write_cell(row_el: etree._Element, ref: str, cell: Cell) -> None:
    value = None if cell.value == "" else cell.value
    if value is None and not cell.style:
        return
    c = etree.SubElement(row_el, q("c"), r=ref)
    if cell.style:
        c.set("s", str(cell.style))
    if value is None:
        return
    if isinstance(value, Formula):
        etree.SubElement(c, q("f")).text = value.text
        if isinstance(value.cached, str):
            c.set("t", "str")
            etree.SubElement(c, q("v")).text = xml_text(value.cached)
        else:
            etree.SubElement(c, q("v")).text = _number(value.cached)
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        etree.SubElement(c, q("v")).text = _number(value)
    else:
        c.set("t", "inlineStr")
        t = etree.SubElement(etree.SubElement(c, q("is")), q("t"))
        t.text = xml_text(str(value))[:MAX_CELL_TEXT]
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(round(float(x), 10))


def location(sheet: str, cell: str) -> str:
    """An in-workbook hyperlink location: ``'绩效评价表'!G6``."""
    return "'" + sheet.replace("'", "''") + "'!" + cell
