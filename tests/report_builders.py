"""Reports as people write them, built for the importer's tests.

A form is a ``Grid``: an 8-or-more column grid of texts (``None`` under a merge)
plus its merged ranges. The same grid is written as a Word table (python-docx,
real merged cells) or flattened into text the way the seed file is (each
distinct cell after a tab, a blank line after each row). Independent of the
importer, so a shared mistake cannot hide.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl

from tests.support.synth.canon import fmt_plain, number_of
from perfeval_xl.outputs.template.spec import ProjectSpec
from tests.seedform import write_seed_form

SEED_TXT = Path("/work/shared/seed/000_cfa23fe69ecf857b.txt")
GRADES = "优良中差"


@dataclass
class Grid:
    rows: list[list[str | None]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2 (0-based, inclusive)

    @property
    def width(self) -> int:
        return max(len(r) for r in self.rows)

    def covered(self, r: int, c: int) -> str | None:
        """"h" under a merge to the left, "v" under a merge from above, else None."""
        for r1, c1, r2, c2 in self.merges:
            if r1 <= r <= r2 and c1 <= c <= c2 and (r, c) != (r1, c1):
                return "h" if r == r1 else ("v" if c == c1 else "h")
        return None

    def split(self, at_row: int, repeat_header_row: int | None = None) -> list["Grid"]:
        """Two grids as a table broken across pages (merges must not straddle ``at_row``)."""
        top = Grid(self.rows[:at_row], [m for m in self.merges if m[2] < at_row])
        rest_rows = self.rows[at_row:]
        shift = at_row
        merges = [(a - shift, b, c - shift, d) for a, b, c, d in self.merges if a >= at_row]
        if repeat_header_row is not None:
            rest_rows = [self.rows[repeat_header_row]] + rest_rows
            merges = [(a + 1, b, c + 1, d) for a, b, c, d in merges]
        return [top, Grid(rest_rows, merges)]


def seed_body() -> list[str]:
    """The seed's narrative: every non-empty line before 附件, bookmarks removed."""
    import re

    lines = SEED_TXT.read_text(encoding="utf-8").split("\n")
    end = lines.index("附件")
    return [t for line in lines[:end] if (t := re.sub(r"\[bookmark:[^\]]*\]", "", line).strip())]


def seed_grid(tmp: Path) -> Grid:
    """The seed's 附件 as the contract layout has it (tests/seedform), as a grid."""
    ws = openpyxl.load_workbook(write_seed_form(tmp / "seedform_for_grid.xlsx")).active
    rows = [[_text(ws.cell(r, c).value) for c in range(1, 9)] for r in range(1, ws.max_row + 1)]
    merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
    for r1, c1, r2, c2 in merges:
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    rows[r][c] = None
    return Grid(rows, merges)


def _text(value) -> str:
    if value is None:
        return ""
    return fmt_plain(value) if isinstance(value, (int, float)) else str(value)


def write_docx(path: Path, before: list[str], grids: list[Grid], *, between: str = "续表",
               after: list[str] = (), headings: set[str] = frozenset(), annex: str = "附件",
               title: str = "") -> Path:
    document = docx.Document()
    for text in before:
        if text in headings:
            document.add_heading(text, level=2)
        else:
            document.add_paragraph(text)
    if annex:
        document.add_paragraph(annex)
    if title:
        document.add_paragraph(title)
    for i, grid in enumerate(grids):
        if i:
            document.add_paragraph(between)
        table = document.add_table(rows=len(grid.rows), cols=grid.width)
        for r1, c1, r2, c2 in grid.merges:
            table.cell(r1, c1).merge(table.cell(r2, c2))
        for r, row in enumerate(grid.rows):
            cells = table.rows[r].cells  # one grid lookup per row: table.cell() rescans the table
            for c, text in enumerate(row):
                if text and grid.covered(r, c) is None:
                    cells[c].text = text
    for text in after:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def flatten(grids: list[Grid], *, wrap_first: bool = True, lose_break_after: int | None = None,
            between: str = "续表") -> str:
    """The grids as the seed's text: ``\\t`` before each distinct cell, the first
    cell's text on its own line when ``wrap_first`` (as the seed's 一级 labels
    are), a blank line after each row; ``lose_break_after`` drops one row break."""
    out: list[str] = []
    for g, grid in enumerate(grids):
        if g:
            out.append(between + "\n")
        for r, row in enumerate(grid.rows):
            lines = []
            for c, text in enumerate(row):
                kind = grid.covered(r, c)
                if kind == "h":
                    continue
                text = "" if kind == "v" else (text or "")
                if c == 0 and wrap_first and text:
                    lines.append("\t")
                    lines.append(text)
                else:
                    lines.append("\t" + text)
            out.append("\n".join(lines))
            out.append("\n" if r == lose_break_after else "\n\n")
    return "".join(out)


def spec_grid(spec: ProjectSpec, *, unit: str = "万元", serial: bool = False, kind: bool = False,
              title_row: bool = False, year_row: bool = True, checkbox: bool = True) -> Grid:
    """A spec's form as a report author lays it out (8 columns, merged labels)."""
    grid = Grid([])
    width = 8 + (1 if serial else 0) + (1 if kind else 0)

    def add(cells: list[str | None], spans: list[int]) -> int:
        row: list[str | None] = []
        r = len(grid.rows)
        for text, span in zip(cells, spans):
            c = len(row)
            row.append(text)
            row.extend([None] * (span - 1))
            if span > 1:
                grid.merges.append((r, c, r, c + span - 1))
        row.extend([""] * (width - len(row)))
        grid.rows.append(row)
        return r

    if title_row:
        add([spec.title], [width])
    add(["项目名称：", spec.name], [1, width - 1])
    half = (width - 2) // 2
    add(["主管部门", spec.department, "实施单位", spec.implementer], [1, half, 1, width - 2 - half])
    if year_row:
        add(["评价年度", str(spec.year), "评价方式", spec.method], [1, half, 1, width - 2 - half])
    money = (lambda v: "" if v is None else fmt_plain(number_of(v) * (10000 if unit == "元" else 1), 2))
    top = add([f"项目资金（{unit}）", "", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率", "得分"],
              [1, 1, 1, 1, 1, 1, 1, width - 7])
    labels = {"total": "年度资金总额", "fiscal": "其中：当年财政拨款", "carryover": "上年结转资金", "other": "其他资金"}
    for key, label in labels.items():
        f = spec.funds[key]
        rate = number_of(f.rate, percent=True)
        add(["", label, money(f.initial), money(f.budget), money(f.spent), _num(f.weight),
             "" if rate is None else fmt_plain(rate * 100, 2) + "%", _num(f.score)], [1] * 7 + [width - 7])
    grid.merges.append((top, 0, top + 4, 0))
    for r in range(top + 1, top + 5):
        grid.rows[r][0] = None
    goals = add(["年度总体目标", "预期目标", "实际完成情况"], [1, 4, width - 5])
    add(["", spec.goal_expected, spec.goal_actual], [1, 4, width - 5])
    grid.merges.append((goals, 0, goals + 1, 0))
    grid.rows[goals + 1][0] = None
    header = (["序号"] if serial else []) + ["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值",
                                          "得分", "偏差原因分析及改进措施"] + (["指标类型"] if kind else [])
    add(header, [1] * width)
    first = len(grid.rows)
    lead = 1 if serial else 0
    for i, ind in enumerate(spec.indicators):
        add(([str(i + 1)] if serial else []) + [ind.level1, ind.level2, ind.name, ind.target, as_written(ind.actual),
                                                 _num(ind.weight), _num(ind.score), ind.deviation]
            + ([ind.kind] if kind else []), [1] * width)
    for col, key in ((lead, lambda x: x.level1), (lead + 1, lambda x: (x.level1, x.level2))):
        start = 0
        for i in range(1, len(spec.indicators) + 1):
            if i == len(spec.indicators) or key(spec.indicators[i]) != key(spec.indicators[start]):
                if i - 1 > start:
                    grid.merges.append((first + start, col, first + i - 1, col))
                    for r in range(first + start + 1, first + i):
                        grid.rows[r][col] = None
                start = i
    add(["总分", _num(spec.total_weight), _num(spec.total_score), ""], [lead + 5, 1, 1, width - lead - 7])
    grade = "".join(g + ("☑" if g == spec.grade else "□") for g in GRADES) if checkbox else spec.grade
    add(["评价等次", grade], [1, width - 1])
    return grid


def as_written(value) -> str:
    """A cell value as a report's text: a date (a date cell in the spec) as 2023年10月26日."""
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return value


def _num(value) -> str:
    number = number_of(value) if value is not None else None
    return "" if number is None else fmt_plain(number, 2)
