"""Editing single cells of an existing worksheet part, in place.

Only the cells we annotate are touched; rows, other cells, merges, column
widths, print settings and everything else stay exactly as written.
"""

from __future__ import annotations

import math
import re
from functools import cached_property, lru_cache

from lxml import etree
from openpyxl.utils.cell import (
    column_index_from_string,
    get_column_letter,
    range_boundaries,
)
from openpyxl.utils.exceptions import CellCoordinatesException

from perfeval_xl.ooxml.editable import Relationships, XlsxPackage
from perfeval_xl.ooxml.names import (
    MAX_CELL_TEXT,
    NS_MAIN,
    NS_REL,
    q,
    serialize,
    xml_text,
)

# Children of <worksheet> that must come after <legacyDrawing> (schema order).
_AFTER_LEGACY_DRAWING = {"legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"}
_STRING_LITERAL = re.compile(r'"(?:[^"]|"")*"')
_REFERENCE = re.compile(
    r"(?:(?P<sheet>'(?:[^']|'')+'|[^\s!'\"(),:;=+\-*/&<>^{}]+)!)?"
    r"\$?(?P<c1>[A-Z]{1,3})\$?(?P<r1>\d+)(?::\$?(?P<c2>[A-Z]{1,3})\$?(?P<r2>\d+))?"
    r"|(?:(?P<csheet>'(?:[^']|'')+'|[^\s!'\"(),:;=+\-*/&<>^{}]+)!)?\$?(?P<k1>[A-Z]{1,3}):\$?(?P<k2>[A-Z]{1,3})\b"
)


# openpyxl's coordinate pattern, matched here directly: its coordinate_from_string
# was most of the cost of opening a sheet for editing.
_COORD = re.compile(r"^([A-Za-z]{1,3})(\d+)$")
# Whether any row or cell lacks its optional address (rare: most sheets have them all).
_UNNUMBERED = etree.XPath("boolean(m:row[not(@r)] | m:row/m:c[not(@r)])", namespaces={"m": NS_MAIN})


# The same merges and ranges come back in every file made from one template.
_bounds = lru_cache(maxsize=4096)(range_boundaries)
_MERGE_CELL = re.compile(rb"""<(?:[\w.-]+:)?mergeCell\b[^>]*?\sref\s*=\s*(["'])([^"']*)\1""")


class CellAnchors:
    """Where a cell's value shows: the top-left cell of the merged range
    holding it. Found in the part's bytes, not its parsed tree: most sheets
    are opened only to know where a link lands, and parsing a whole form for
    its few ``<mergeCell>`` elements was a tenth of a completed copy."""

    def __init__(self, xml: bytes):
        self.merges = [_bounds(m.group(2).decode()) for m in _MERGE_CELL.finditer(xml) if m.group(2)]

    def anchor(self, ref: str) -> str:
        """The cell that shows a value: the top-left of a merged range holding ``ref``."""
        col, row = split_ref(ref)
        for min_col, min_row, max_col, max_row in self.merges:
            if min_col <= col <= max_col and min_row <= row <= max_row:
                return f"{get_column_letter(min_col)}{min_row}"
        return f"{get_column_letter(col)}{row}"


@lru_cache(maxsize=16384)
def split_ref(ref: str) -> tuple[int, int]:
    """``G6`` -> (column 7, row 6); ``$g$6`` too."""
    match = _COORD.match(ref.replace("$", "").upper())
    if not match:
        raise CellCoordinatesException(f"Invalid cell coordinates ({ref})")
    row = int(match.group(2))
    if not row:
        raise CellCoordinatesException(f"There is no row 0 ({ref})")
    return column_index_from_string(match.group(1)), row


class SheetPatch:
    """One worksheet part opened for cell-level edits."""

    def __init__(self, package: XlsxPackage, part: str):
        self.package = package
        self.part = part
        self.root = package.xml(part)
        self.anchors = CellAnchors(package.read(part))
        self.data = self.root.find(q("sheetData"))
        if self.data is None:  # a sheet with no cells at all still needs one
            self.data = etree.Element(q("sheetData"))
            self._insert_before(self.data, {"sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "mergeCells", "hyperlinks", "pageMargins", "legacyDrawing", *_AFTER_LEGACY_DRAWING})
        # Most sheets are opened only to find where links land (anchor); numbering
        # and relationships wait until a cell is edited.
        self._numbered = False

    @cached_property
    def rels(self) -> Relationships:
        return Relationships(self.package, self.part)

    def _number_rows_and_cells(self) -> None:
        """Give every row and cell its address: ``r`` is optional in the
        format (rows and cells then follow one another), and some generators
        leave it out; inserting by address needs it."""
        if self._numbered:
            return
        self._numbered = True
        if not _UNNUMBERED(self.data):
            return
        previous_row = 0
        for row in self.data.findall(q("row")):
            if not row.get("r"):
                row.set("r", str(previous_row + 1))
            previous_row = int(row.get("r"))
            previous_col = 0
            for c in row.findall(q("c")):
                if not c.get("r"):
                    c.set("r", f"{get_column_letter(previous_col + 1)}{previous_row}")
                previous_col = split_ref(c.get("r"))[0]

    def formula_inputs(self, sheet_name: str) -> list[tuple[int, int, int, int]]:
        """The areas (min_col, min_row, max_col, max_row) of this sheet that its
        own formulas read. Filling a blank cell inside one would change a
        figure the clerk's formulas computed, so such cells are left blank.
        Deliberately generous: a function name that looks like an address
        (LOG10) only makes us more careful."""
        areas = []
        for f in self.root.iter(q("f")):
            text = _STRING_LITERAL.sub("", f.text or "")
            grow_cols = grow_rows = 0
            if f.get("t") == "shared" and f.get("ref"):  # the master's text serves a whole block
                min_c, min_r, max_c, max_r = _bounds(f.get("ref"))
                grow_cols, grow_rows = max_c - min_c, max_r - min_r
            for m in _REFERENCE.finditer(text):
                sheet = m.group("sheet") or m.group("csheet")
                if sheet and sheet.strip("'").replace("''", "'") != sheet_name:
                    continue
                if m.group("k1"):
                    c1, c2 = sorted((column_index_from_string(m.group("k1")), column_index_from_string(m.group("k2"))))
                    areas.append((c1, 1, c2 + grow_cols, 1_048_576))
                    continue
                c1, r1 = column_index_from_string(m.group("c1")), int(m.group("r1"))
                c2 = column_index_from_string(m.group("c2")) if m.group("c2") else c1
                r2 = int(m.group("r2")) if m.group("r2") else r1
                areas.append((min(c1, c2), min(r1, r2), max(c1, c2) + grow_cols, max(r1, r2) + grow_rows))
        return areas

    def anchor(self, ref: str) -> str:
        return self.anchors.anchor(ref)

    def cell(self, ref: str) -> etree._Element:
        """The ``<c>`` element of ``ref``, created (in order) when absent."""
        self._number_rows_and_cells()
        col, row_no = split_ref(ref)
        row = self._row(row_no)
        for c in row.findall(q("c")):
            c_col, _ = split_ref(c.get("r"))
            if c_col == col:
                return c
            if c_col > col:
                new = etree.Element(q("c"), r=f"{get_column_letter(col)}{row_no}")
                c.addprevious(new)
                return new
        new = etree.SubElement(row, q("c"), r=f"{get_column_letter(col)}{row_no}")
        self._grow_dimension(col, row_no)
        return new

    def _row(self, row_no: int) -> etree._Element:
        for row in self.data.findall(q("row")):
            r = int(row.get("r", "0"))
            if r == row_no:
                row.attrib.pop("spans", None)  # an optimisation hint we may now contradict
                return row
            if r > row_no:
                new = etree.Element(q("row"), r=str(row_no))
                row.addprevious(new)
                return new
        return etree.SubElement(self.data, q("row"), r=str(row_no))

    def _grow_dimension(self, col: int, row: int) -> None:
        dim = self.root.find(q("dimension"))
        if dim is None or not dim.get("ref"):
            return
        try:
            min_col, min_row, max_col, max_row = _bounds(dim.get("ref"))
        except ValueError:
            return
        if None in (min_col, min_row, max_col, max_row):
            return
        new = (min(min_col, col), min(min_row, row), max(max_col, col), max(max_row, row))
        dim.set("ref", f"{get_column_letter(new[0])}{new[1]}:{get_column_letter(new[2])}{new[3]}")

    @staticmethod
    def style_of(c: etree._Element) -> int:
        return int(c.get("s", "0"))

    @staticmethod
    def set_number(c: etree._Element, value: float) -> None:
        _clear(c)
        c.attrib.pop("t", None)
        etree.SubElement(c, q("v")).text = repr(float(value)) if value != int(value) else str(int(value))

    @staticmethod
    def set_text(c: etree._Element, text: str) -> None:
        """An inline string: always text, never a formula, whatever it starts with."""
        _clear(c)
        c.set("t", "inlineStr")
        t = etree.SubElement(etree.SubElement(c, q("is")), q("t"))
        t.text = xml_text(text)[:MAX_CELL_TEXT]
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    # -- the VML drawing that carries comment boxes ------------------------
    def legacy_drawing_part(self) -> str | None:
        el = self.root.find(q("legacyDrawing"))
        return self.rels.target_of(el.get(q("id", NS_REL), "")) if el is not None else None

    def set_legacy_drawing(self, rel_id: str) -> None:
        el = etree.Element(q("legacyDrawing"))
        el.set(q("id", NS_REL), rel_id)
        self._insert_before(el, _AFTER_LEGACY_DRAWING)

    def _insert_before(self, el: etree._Element, later: set[str]) -> None:
        for child in self.root:
            if isinstance(child.tag, str) and etree.QName(child).localname in later:
                child.addprevious(el)
                return
        self.root.append(el)

    def save(self) -> None:
        self._number_rows_and_cells()
        _unreadable_numbers_as_text(self.data)
        self.package.write(self.part, serialize(self.root))


def _unreadable_numbers_as_text(data: etree._Element) -> None:
    """A numeric cell holding ``nan``, ``inf`` or other non-numbers (written by
    some export tools, never by Excel) makes Excel offer a repair and openpyxl
    refuse the file. In a sheet we rewrite anyway, such a cell keeps its text
    as an inline string, so the annotated copy opens cleanly."""
    for c in data.iter(q("c")):
        if c.get("t", "n") != "n" or c.find(q("f")) is not None:
            continue
        v = c.find(q("v"))
        if v is None or _finite(v.text):
            continue
        text = (v.text or "").strip()
        if text:
            SheetPatch.set_text(c, text)
        else:
            c.remove(v)  # <v/>: no value at all


def _finite(text: str | None) -> bool:
    try:
        return math.isfinite(float(text or ""))
    except ValueError:
        return False


def _clear(c: etree._Element) -> None:
    for child in list(c):
        if etree.QName(child).localname in ("f", "v", "is"):
            c.remove(child)
