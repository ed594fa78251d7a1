"""The 绩效评价指标 table: its header, one 三级指标 per row, the 总分 row."""

from __future__ import annotations

from perfeval_xl.importer.labels import INDICATOR_HEADER, match
from perfeval_xl.synth.canon import number_of
from perfeval_xl.synth.spec import IndicatorSpec

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

    def __init__(self, columns: list[str | None]):
        self.columns = columns
        self.indicators: list[IndicatorSpec] = []
        self._level1 = ""
        self._level2 = ""
        self._reported_columns: set[str] = set()

    def add(self, cells: list[str], where: str, notes: list[str]) -> None:
        width = len(self.columns)
        if len(cells) > width and len(cells) % width == 0:
            # Rows whose line break was lost: one row per header width.
            for start in range(0, len(cells), width):
                self.add(cells[start:start + width], where, notes)
            return
        if len(cells) < width:
            # Merged 一级/二级 cells may be missing at the front, never at the end.
            cells = [""] * (width - len(cells)) + cells
        values: dict[str, str] = {}
        for key, text in zip(self.columns, cells):
            if key and text and key not in values:
                values[key] = text
            elif text and key is None:
                notes.append(f"{where}的“{text}”不在任何已知列下，未填入。")
        extra = [c for c in cells[width:] if c]
        if extra:
            notes.append(f"{where}多出的内容未填入：{'、'.join(extra)}。")
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


def total_row(cells: list[str], columns: list[str | None] | None) -> tuple[object, object]:
    """(分值, 得分) of the 总分 row: by column when the row has the header's
    width, else the numbers in order (分值 before 得分, a lone number is 得分)."""
    if columns and len(cells) == len(columns) and "weight" in columns and "score" in columns:
        return _number(cells[columns.index("weight")]), _number(cells[columns.index("score")])
    numbers = [c for c in cells[1:] if number_of(c) is not None]
    if len(numbers) >= 2:
        return _number(numbers[-2]), _number(numbers[-1])
    return None, (_number(numbers[0]) if numbers else None)


def _number(text: str | None):
    if text is None or not text.strip():
        return None
    value = number_of(text)
    return text if value is None else value
