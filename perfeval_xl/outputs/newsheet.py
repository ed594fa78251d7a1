"""A new worksheet part, built from rows of values, for the sheets we add.

Strings are inline strings (never formulas); a :class:`Formula` always
carries the value we computed, so viewers that do not recalculate (pandas,
calamine, phone apps, WPS preview) still show numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from openpyxl.utils.cell import get_column_letter

from perfeval_xl.ooxml.names import MAX_CELL_TEXT, NS_MAIN, NS_REL, xml_text
from perfeval_xl.outputs.textfit import row_height


@dataclass(frozen=True)
class Formula:
    text: str  # without the leading '='
    cached: float | str


class Cell(NamedTuple):
    """A named tuple, not a frozen dataclass: every copy makes a few hundred and
    a frozen dataclass costs twice as much to build."""

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
        # Written as text, not built with lxml: these sheets are new, so there is
        # nothing to preserve, and element-by-element building was the largest
        # cost of a completed copy. The output is what lxml serialised, byte for byte.
        out = [_HEAD, '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews>']
        if self.freeze_rows:
            top = f"A{self.freeze_rows + 1}"
            out.append(
                f'<sheetView workbookViewId="0"><pane ySplit="{self.freeze_rows}" topLeftCell="{top}" activePane="bottomLeft" state="frozen"/>'
                f'<selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/></sheetView>'
            )
        else:
            out.append('<sheetView workbookViewId="0"/>')
        out.append('</sheetViews><sheetFormatPr defaultRowHeight="15"/>')
        if self.widths:
            out.append("<cols>")
            out.extend(f'<col min="{i}" max="{i}" width="{width}" customWidth="1"/>' for i, width in enumerate(self.widths, start=1))
            out.append("</cols>")
        links: list[tuple[str, str, str]] = []
        ncols = max((len(r) for r in self.rows), default=1)
        columns = _columns(self.widths, ncols)
        out.append("<sheetData>" if self.rows else "<sheetData/>")
        for r, row in enumerate(self.rows, start=1):
            fit = r >= self.fit_from_row
            wrapping = []  # (text, width) of the texts that may need more than one line
            cells = []
            # a few hundred cells per copy: fields unpacked once, and a short text's
            # escaped form looked up without a call of our own in between
            for (letter, width, one_line), cell in zip(columns, row):
                value, style, link = cell
                if link:
                    links.append((f"{letter}{r}", link, str(value or "")))
                if value is None or value.__class__ is str:  # the common cases: text written inline, or blank
                    if value:
                        if fit and width is not None and len(value) > one_line:
                            wrapping.append((value, width))
                        text = _remembered_inline(value) if len(value) <= _REMEMBERED_TEXT else _inline(value)
                        cells.append(f'<c r="{letter}{r}"{_style(style)} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>')
                    elif style:  # a blank keeps only its style
                        cells.append(f'<c r="{letter}{r}"{_style(style)}/>')
                    continue
                if value.__class__ is int:  # 序号 and counts: written as _cell_xml would, without its checks
                    cells.append(f'<c r="{letter}{r}"{_style(style)}><v>{value}</v></c>')
                    continue
                if fit and width is not None and isinstance(value, str) and len(value) > one_line:
                    wrapping.append((value, width))
                cells.append(_cell_xml(f"{letter}{r}", cell))
            height = row_height(wrapping) if wrapping else None
            out.append(f'<row r="{r}" ht="{height}" customHeight="1"' if height else f'<row r="{r}"')
            body = "".join(cells)
            out.append(f">{body}</row>" if body else "/>")
        if self.rows:
            out.append("</sheetData>")
        if self.filter_row and self.rows:
            out.append(f'<autoFilter ref="A{self.filter_row}:{get_column_letter(ncols)}{len(self.rows)}"/>')
        if links:
            out.append("<hyperlinks>")
            out.extend(
                f'<hyperlink ref="{ref}" location="{_attr(location)}" display="{_attr(xml_text(display)[:255])}"/>'
                for ref, location, display in links
            )
            out.append("</hyperlinks>")
        out.append(_TAIL)
        return "".join(out).encode("utf-8")


_HEAD = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}">'
)
_TAIL = (
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>'
)
# The escapes lxml applies: in text, &, <, > and a carriage return (which a parser
# would otherwise fold into the newline); in attributes also quotes, newlines and tabs.
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"})


def _columns(widths: list[float], ncols: int) -> list[tuple[str, float | None, int]]:
    """(letter, width, longest text surely on one line) of each column; a text
    no longer than half its column fits even if every character is wide."""
    return [
        (get_column_letter(c), width, max(int(width) - 1, 1) // 2 if width is not None else 0)
        for c, width in zip(range(1, ncols + 1), [*widths, *[None] * ncols])
    ]


@lru_cache(maxsize=256)
def _style(index: int) -> str:
    return f' s="{index}"' if index else ""


def _inline(value: str) -> str:
    """A cell text as written inside <t>: cut to Excel's limit (cut before
    escaping, as Excel counts characters), then escaped."""
    return _remembered_inline(value) if len(value) <= _REMEMBERED_TEXT else _escape_text(xml_text(value)[:MAX_CELL_TEXT])


_REMEMBERED_TEXT = 200  # labels, headers, names and messages; a long text is not kept


@lru_cache(maxsize=8192)  # headers, labels and indicator names come back in every copy
def _remembered_inline(value: str) -> str:
    return _escape_text(xml_text(value))


def _escape_text(value: str) -> str:
    """``value.translate(_TEXT_ESCAPES)``, faster: most texts hold none of these."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    return value


def escaped(value: str) -> str:
    """``value`` as the text of an XML element: illegal characters dropped, the rest escaped as lxml does."""
    return _escape_text(xml_text(value))


def _attr(value: str) -> str:
    return xml_text(value).translate(_ATTR_ESCAPES)


def _cell_xml(ref: str, cell: Cell) -> str:
    value = None if cell.value == "" else cell.value
    if value is None and not cell.style:
        return ""
    style = f' s="{cell.style}"' if cell.style else ""
    if value is None:
        return f'<c r="{ref}"{style}/>'
    if isinstance(value, Formula):
        formula = f"<f>{escaped(value.text)}</f>"
        if isinstance(value.cached, str):
            return f'<c r="{ref}"{style} t="str">{formula}<v>{escaped(value.cached)}</v></c>'
        return f'<c r="{ref}"{style}>{formula}<v>{_number(value.cached)}</v></c>'
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return f'<c r="{ref}"{style}><v>{_number(value)}</v></c>'
    text = _inline(str(value))
    return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(round(float(x), 10))


def location(sheet: str, cell: str) -> str:
    """An in-workbook hyperlink location: ``'绩效评价表'!G6``."""
    return "'" + sheet.replace("'", "''") + "'!" + cell
