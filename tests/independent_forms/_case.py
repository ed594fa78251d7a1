"""What a form in this corpus is: a function that writes one workbook, and its truth.

The truth is what a careful reviewer can prove from the form alone:

- ``clean``: every figure is consistent under the domain rules (执行率 = B/A as
  shown, funds 得分 = min(执行率, 1) × 分值, Σ 分值 = 100 or 90 + 10, Σ 得分 = 总分,
  qualitative scores in their bands, a missed target explained, …). The tool must
  raise no warning and no error on it.
- planted faults: each names the cell a reviewer has to look at (``cell``), a
  short Chinese note of what is wrong, and the cells a consequence of the same
  fault may also be reported on (``also``). The tool must raise a warning or an
  error on every anchor, and none outside the anchors and their ``also`` cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class Fault:
    sheet: str
    cell: str
    note: str
    also: tuple[str, ...] = ()  # other cells of the same sheet where this fault may show too

    def covers(self, sheet: str | None, cell: str | None) -> bool:
        return sheet == self.sheet and (cell == self.cell or cell in self.also)


@dataclass(frozen=True)
class FormCase:
    name: str  # the workbook's file stem, unique in the corpus
    family: str  # the layout family (module) it belongs to
    build: Callable[[Path], None]  # writes the workbook to the given path
    about: str  # what the form exercises, in a few words
    faults: tuple[Fault, ...] = field(default=())

    @property
    def clean(self) -> bool:
        return not self.faults

    @property
    def filename(self) -> str:
        return f"{self.name}.xlsx"
