"""The 绩效评价指标 table: its header, one 三级指标 per row, the 总分 row."""

from __future__ import annotations

from bisect import bisect_right

from perfeval_xl.importer.labels import INDICATOR_HEADER, match
from perfeval_xl.outputs.template.meaning import number_of
from perfeval_xl.outputs.template.spec import IndicatorSpec

# Columns the standard form has no place for (kept out, and said so).
_UNPLACED = {"method": "得分计算方法"}


def indicator_header(cells: list[str]) -> list[str | None] | None:
    """The key of every column, or None if the row is not the indicator header."""
    keys = [match(cell, INDICATOR_HEADER) for cell in cells]
    if "name" in keys and ("level1" in keys or "level2" in keys) and ("weight" in keys or "score" in keys):
        return keys
    return None


class IndicatorTable:
    """Accumulates 三级指标 rows; blank 一级/二级 cells mean "same as above"."""

    def __init__(self, columns: list[str | None], starts: list[int] | None = None):
        self.columns = columns
        self.starts = starts  # grid column of each header cell (Word), else None
        self.indicators: list[IndicatorSpec] = []
        self._level1 = ""
        self._level2 = ""
        self._reported_columns: set[str] = set()

    def aligned(self, cells: list[str], starts: list[int] | None) -> list[str | None] | None:
        """The header key over each cell: by position when the row has as many
        cells as the header, else by grid column when both rows have a grid
        (Word: a value merged across two columns); None when neither can tell."""
        if len(cells) == len(self.columns):
            return list(self.columns)
        if self.starts is None or starts is None or len(starts) != len(cells):
            return None
        return [self.columns[max(0, bisect_right(self.starts, start) - 1)] for start in starts]

    def add(self, cells: list[str], where: str, notes: list[str], starts: list[int] | None = None) -> None:
        keys = self.aligned(cells, starts)
        if keys is not None:
            self._add_values(self._values(keys, cells, where, notes), notes, where)
            return
        width = len(self.columns)
        if len(cells) > width and len(cells) % width == 0:
            # Rows whose line break was lost: one row per header width.
            for start in range(0, len(cells), width):
                self.add(cells[start:start + width], where, notes)
            return
        if len(cells) < width:
            # Merged 一级/二级 cells may be missing at the front, never at the end.
            cells = [""] * (width - len(cells)) + cells
        values = self._values(self.columns, cells, where, notes)
        extra = [c for c in cells[width:] if c]
        if extra:
            notes.append(f"{where}多出的内容未填入：{'、'.join(extra)}。")
        self._add_values(values, notes, where)

    @staticmethod
    def _values(keys: list[str | None], cells: list[str], where: str, notes: list[str]) -> dict[str, str]:
        values: dict[str, str] = {}
        for key, text in zip(keys, cells):
            if key and text and key not in values:
                values[key] = text
            elif text:
                notes.append(f"{where}的“{text}”不在任何已知列下，未填入。")
        return values

    def _add_values(self, values: dict[str, str], notes: list[str], where: str) -> None:
        for key, label in _UNPLACED.items():
            if values.get(key) and key not in self._reported_columns:
                self._reported_columns.add(key)
                notes.append(f"评价表的“{label}”列在标准表中没有对应位置，未填入。")
        if not values.get("name") and not values.get("weight") and not values.get("score"):
            if any(values.values()):
                notes.append(f"{where}没有三级指标名称和分值，未作为指标导入：{'、'.join(v for v in values.values())}。")
            return
        self._level1 = values.get("level1") or self._level1
        if values.get("level1"):
            self._level2 = ""
        self._level2 = values.get("level2") or self._level2
        self.indicators.append(IndicatorSpec(
            level1=self._level1,
            level2=self._level2,
            name=values.get("name", ""),
            target=values.get("target", ""),
            actual=values.get("actual", ""),
            weight=_number(values.get("weight")),
            score=_number(values.get("score")),
            deviation=values.get("deviation", ""),
            kind=values.get("kind", ""),
        ))


def total_row(cells: list[str], keys: list[str | None] | None) -> tuple[object, object]:
    """(分值, 得分) of the 总分 row: by the header key over each cell when known
    (Word's grid), else the numbers in order (分值 before 得分, a lone number is 得分)."""
    if keys and len(cells) == len(keys) and ("weight" in keys or "score" in keys):
        weight = next((c for k, c in zip(keys, cells) if k == "weight"), None)
        score = next((c for k, c in zip(keys, cells) if k == "score"), None)
        return _number(weight), _number(score)
    numbers = [c for c in cells[1:] if number_of(c) is not None]
    if len(numbers) >= 2:
        return _number(numbers[-2]), _number(numbers[-1])
    return None, (_number(numbers[0]) if numbers else None)


def _number(text: str | None):
    if text is None or not text.strip():
        return None
    value = number_of(text)
    return text if value is None else value
