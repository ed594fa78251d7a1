"""A grid seen the way the reader needs it: display text, normalised labels,
values with formulas recomputed, and every value turned into a ``Sourced``.
"""

from __future__ import annotations

from typing import Callable

from perfeval_xl.findings import Finding
from perfeval_xl.model import Sourced
from perfeval_xl.read import problems
from perfeval_xl.read.formula import EXCEL_ERRORS, ExcelError, Unsupported, evaluate
from perfeval_xl.read.grid import Grid, Sheets
from perfeval_xl.read.values import NumberParse, cell_text, normalize_label

_PENDING = object()


class SheetView:
    """Read access to one sheet, with findings collected for bad cells."""

    def __init__(self, grid: Grid, others: Sheets, file: str, findings: list[Finding]):
        self.grid = grid
        self.others = others
        self.file = file
        self.findings = findings
        self._values: dict[tuple[str, int, int], object] = {}
        self._norms: dict[tuple[int, int], str] | None = None
        self._reported: set[tuple[int, int]] = set()
        self._text_cells: list[tuple[int, int, str]] | None = None

    # -- raw values -------------------------------------------------------
    def value(self, row: int, col: int) -> object:
        """The cell's value: cached, or recomputed from its formula, or None."""
        raw = self.grid.cells.get((row, col))
        if raw is None:
            return None
        if raw.formula is None or raw.value is not None:  # nearly every cell: as stored
            return raw.value
        return self._resolve(self.grid.name, row, col)

    def _resolve(self, sheet: str | None, row: int, col: int) -> object:
        grid = self.grid if sheet in (None, self.grid.name) else self.others.get(sheet)
        if grid is None:
            raise Unsupported(f"sheet {sheet}")
        key = (grid.name, row, col)
        if key in self._values:
            if self._values[key] is _PENDING:
                raise Unsupported("circular reference")
            return self._values[key]
        raw = grid.get(row, col)
        if raw is None:
            return None
        if raw.formula is None or raw.value is not None:
            return raw.value
        self._values[key] = _PENDING
        try:
            result = evaluate(raw.formula, self._resolve)
        except ExcelError as err:
            result = str(err)
        except (Unsupported, RecursionError, ValueError, TypeError, OverflowError):
            self._values[key] = None
            raise
        self._values[key] = result
        return result

    def safe_value(self, row: int, col: int) -> object:
        """Like :meth:`value`, but an uncomputable formula becomes a READ002
        finding on its cell and the value None, and a formula whose result is
        an error value (#NUM!, #DIV/0!…) a READ003 finding on its cell."""
        raw = self.grid.cells.get((row, col))
        if raw is None or raw.formula is None:  # nearly every cell: a value as stored, nothing to report
            return None if raw is None else raw.value
        value = self._value_or_report(row, col)
        if isinstance(value, str) and value in EXCEL_ERRORS:
            formula = self.formula(row, col)
            if formula is not None:
                self._report_once(
                    row, col, problems.FORMULA_ERROR, f"公式（={formula}）的结果为错误值 {value}，该单元格无法参与核对。", actual=value
                )
        return value

    def _value_or_report(self, row: int, col: int) -> object:
        """:meth:`value`, with an uncomputable formula reported (READ002) as None."""
        try:
            return self.value(row, col)
        except (Unsupported, RecursionError, ValueError, TypeError, OverflowError):
            raw = self.grid.get(row, col)
            self._report_once(
                row,
                col,
                problems.FORMULA_NOT_COMPUTED,
                f"公式没有保存计算结果，且本工具无法复算（={raw.formula if raw else ''}）。"
                "请在 Excel 或 WPS 中打开该文件、保存后重新提交。",
                actual=f"={raw.formula}" if raw else None,
            )
            return None

    def number_format(self, row: int, col: int) -> str | None:
        raw = self.grid.cells.get((row, col))
        return raw.number_format if raw else None

    def formula(self, row: int, col: int) -> str | None:
        raw = self.grid.cells.get((row, col))
        return raw.formula if raw else None

    def text(self, row: int, col: int) -> str:
        return cell_text(self.safe_value(row, col))

    def norm(self, row: int, col: int) -> str:
        """The cell's text normalised for matching labels ("" when it holds no text)."""
        norms = self._norms if self._norms is not None else self._normalise_all()
        return norms.get((row, col), "")

    def _normalise_all(self) -> dict[tuple[int, int], str]:
        # All at once: finding the blocks looks at nearly every text cell of a form anyway,
        # and a look-up is then one dict access. A label may be a formula (a title built
        # from 项目名称): its cached text is used, never evaluated here.
        self._norms = {key: normalize_label(raw.value) for key, raw in self.grid.cells.items() if isinstance(raw.value, str)}
        return self._norms

    # -- locating -----------------------------------------------------------
    def text_cells(self) -> list[tuple[int, int, str]]:
        """Every cell holding text, as (row, col, normalised text), in reading order."""
        if self._text_cells is None:
            norms = self._norms if self._norms is not None else self._normalise_all()
            self._text_cells = [(r, c, n) for (r, c), n in sorted(norms.items()) if n]
        return self._text_cells

    def right_of(self, row: int, col: int, limit: int | None = None) -> tuple[int, int] | None:
        """The first non-empty cell right of (row, col) outside the label's own merge."""
        merge = self.grid.merge_of(row, col)
        start = merge[3] + 1 if merge else col + 1
        stop = min(self.grid.max_col, limit) if limit else self.grid.max_col
        cells = self.grid.cells
        for c in range(start, stop + 1):
            raw = cells.get((row, c))
            if raw is not None and (raw.formula is not None or cell_text(raw.value) != ""):
                return row, c
        return None

    # -- sourced values -----------------------------------------------------
    def sourced_text(self, row: int, col: int) -> Sourced[str]:
        text = self.text(row, col)
        raw = self.grid.cells.get((row, col))
        return Sourced(text or None, text, self.grid.ref(row, col), raw.formula if raw is not None else None)

    def sourced_parse(self, row: int, col: int, parse: Callable[..., NumberParse], what: str, **kw) -> Sourced[float]:
        """Parse a numeric cell with ``parse``; garbage becomes a finding on the cell."""
        raw = self.grid.cells.get((row, col))  # looked up once: a form reads some fifty numbers this way
        if raw is None or raw.formula is None:
            value = None if raw is None else raw.value
        else:
            value = self._value_or_report(row, col)  # an error value is reported below, naming the field
        raw_text = cell_text(value)
        ref = self.grid.ref(row, col)
        formula = None if raw is None else raw.formula
        if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
            self._report_once(
                row,
                col,
                problems.FORMULA_ERROR,
                f"{what}单元格的值为错误值 {value.strip()}，无法参与核对。",
                actual=value.strip(),
            )
            return Sourced(None, raw_text, ref, formula)
        parsed = parse(value, None if raw is None else raw.number_format, **kw)
        if parsed.problem:
            self._report_once(
                row,
                col,
                problems.UNREADABLE_NUMBER,
                f"{what}应填确切数字，但{parsed.problem}，该项无法核对。",
                expected="数字",
                actual=raw_text,
            )
        return Sourced(parsed.value, raw_text, ref, formula, parsed.decimals, parsed.unit)

    def _report_once(self, row: int, col: int, problem: problems.Problem, message: str, **kw) -> None:
        if (row, col) in self._reported:
            return
        self._reported.add((row, col))
        self.findings.append(problem.finding(self.file, self.grid.ref(row, col), message, **kw))
