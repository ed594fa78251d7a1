"""A workbook as plain grids of cells: value, formula, number format, merges.

Everything above this module reasons about grids, never about openpyxl, so
the loading backend can change (e.g. a faster XML reader) without touching
how blocks are found.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol

from openpyxl.utils import get_column_letter

from perfeval_xl.model import CellRef
from perfeval_xl.values.dates import serial_to_date


class RawCell(NamedTuple):
    """One cell as stored. A named tuple, not a dataclass: a batch makes
    millions of them and a frozen dataclass costs three times as much to build."""

    value: object  # cached value (None when a formula has none)
    formula: str | None = None  # formula text without the leading '='
    number_format: str | None = None


@dataclass
class Grid:
    """One sheet. Rows and columns are 1-based, as in Excel."""

    name: str
    cells: dict[tuple[int, int], RawCell] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, min_col, max_row, max_col
    max_row: int = 0
    max_col: int = 0
    _merge_of: dict[tuple[int, int], tuple[int, int, int, int]] = field(default_factory=dict, repr=False)
    _refs: dict[tuple[int, int], CellRef] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.index_merges()

    def index_merges(self) -> None:
        self._merge_of = {}
        for m in self.merges:
            r1, c1, r2, c2 = m
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    self._merge_of[(r, c)] = m

    def get(self, row: int, col: int) -> RawCell | None:
        return self.cells.get((row, col))

    def merge_of(self, row: int, col: int) -> tuple[int, int, int, int] | None:
        return self._merge_of.get((row, col))

    def anchor(self, row: int, col: int) -> tuple[int, int]:
        """The top-left cell of the merge holding (row, col), or the cell itself."""
        m = self._merge_of.get((row, col))
        return (m[0], m[1]) if m else (row, col)

    def ref(self, row: int, col: int) -> CellRef:
        found = self._refs.get((row, col))
        if found is None:  # each cell is named several times while a form is read; a CellRef is immutable
            found = self._refs[(row, col)] = _cell_ref(self.name, row, col)
        return found

    def rows(self) -> range:
        return range(1, self.max_row + 1)


@lru_cache(maxsize=4_096)  # forms of one template name the same cells of the same sheet, file after file; ~2 MB
def _cell_ref(sheet: str, row: int, col: int) -> CellRef:
    return CellRef(sheet, f"{get_column_letter(col)}{row}")


class Sheets(Protocol):
    """A workbook's worksheets by name, in workbook order; a sheet's grid may
    be read only when first asked for."""

    names: list[str]

    def get(self, name: str) -> Grid | None: ...


class LoadedSheets:
    """Sheets already read (the openpyxl fallback reads them all at once)."""

    def __init__(self, grids: list[Grid]):
        self._grids = {g.name: g for g in grids}
        self.names = [g.name for g in grids]

    def get(self, name: str) -> Grid | None:
        return self._grids.get(name)




def load_grids(path: Path, skip: set[str] = frozenset()) -> list[Grid]:
    """Read every sheet (except those named in ``skip``) into grids.

    Formulas are read as text; their cached values come from a second,
    values-only pass, done only when the workbook has formulas at all.
    """
    import openpyxl

    with warnings.catch_warnings():
        # openpyxl warns about data validation / conditional formats it drops: harmless for reading.
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path, data_only=False, keep_links=False, rich_text=False)
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    from perfeval_xl.values.number_format import builtin_format, is_date_format
    from perfeval_xl.values.text import unescape_xstring

    date1904 = wb.epoch == CALENDAR_MAC_1904
    grids: list[Grid] = []
    formula_sheets: list[str] = []
    for ws in wb.worksheets:
        if ws.title in skip:
            continue
        grid = Grid(ws.title)
        has_formula = False
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if value is None:
                    continue
                formula = None
                if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=") and cell.data_type == "f"):
                    formula = str(value)[1:] if str(value).startswith("=") else str(value)
                    value = None
                    has_formula = True
                elif not isinstance(value, (str, int, float, bool)) and hasattr(value, "text"):
                    # array formulas / data table formulas come back as objects
                    formula = str(getattr(value, "text", "") or "").lstrip("=") or None
                    value = None
                    has_formula = True
                if type(value) is str:
                    value = unescape_xstring(value)  # openpyxl leaves Excel's _x000D_ escapes in the text
                number_format = cell.number_format
                if number_format == "General" and cell.has_style:
                    # openpyxl knows no East Asian built-in formats (ids 27-58): a zh-CN date shows as General
                    number_format = builtin_format(cell._style.numFmtId)
                    if type(value) in (int, float) and is_date_format(number_format):
                        value = serial_to_date(value, date1904)
                grid.cells[(cell.row, cell.column)] = RawCell(value, formula, number_format)
                grid.max_row = max(grid.max_row, cell.row)
                grid.max_col = max(grid.max_col, cell.column)
        grid.merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
        grid.index_merges()
        grids.append(grid)
        if has_formula:
            formula_sheets.append(ws.title)
    wb.close()
    if formula_sheets:
        _fill_cached_values(path, grids, set(formula_sheets))
    return grids


def _fill_cached_values(path: Path, grids: list[Grid], sheets: set[str]) -> None:
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path, data_only=True, read_only=True, keep_links=False)
    try:
        for grid in grids:
            if grid.name not in sheets:
                continue
            ws = wb[grid.name]
            ws.reset_dimensions()  # read-only mode trusts <dimension>; WPS writes A1 for a whole sheet
            formula_cells = {k for k, v in grid.cells.items() if v.formula is not None}
            if not formula_cells:
                continue
            last_row = max(r for r, _ in formula_cells)
            for r_idx, row in enumerate(ws.iter_rows(min_row=1, max_row=last_row, values_only=True), start=1):
                for c_idx, value in enumerate(row, start=1):
                    if (r_idx, c_idx) in formula_cells and value is not None:
                        old = grid.cells[(r_idx, c_idx)]
                        grid.cells[(r_idx, c_idx)] = RawCell(value, old.formula, old.number_format)
    finally:
        wb.close()
