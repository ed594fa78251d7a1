"""Find the blocks of the 绩效评价表 by their labels and read them (the indicator
table's rows are read in :mod:`perfeval_xl.read.table`).

Nothing here knows fixed addresses: every block is located from its label or
header row, so extra title rows, a leading 序号 column, shifted blocks and
merged or blank-continued labels all read the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from perfeval_xl.model import Funds, FundsRow, Grade, Sourced
from perfeval_xl.read import vocabulary as L
from perfeval_xl.read.sheet import SheetView
from perfeval_xl.read.values import (
    parse_amount,
    parse_grade,
    parse_rate,
    parse_score,
    parse_year,
)

_SCORE_HEADER = {"weight": [r"分值(\(.*\))?", r"权重(\(.*\))?"], "score": [r"得分(\(.*\))?"]}


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: two module-level tables
class _HeaderTable:
    """The columns a header row may name, and the order they are tried in."""

    columns: dict[str, list[str]]
    order: tuple[str, ...]


_FUNDS = _HeaderTable(L.FUNDS_COLUMNS, ("rate", "initial", "budget", "spent", "weight", "score", "explanation"))
_INDICATORS = _HeaderTable(
    L.INDICATOR_COLUMNS,
    ("level1", "level2", "name", "kind", "unit", "deviation", "target", "actual", "weight", "score"),
)


@lru_cache(maxsize=8192)  # every form of a batch asks about the same header texts
def _classify(text: str, table: _HeaderTable) -> str | None:
    for key in table.order:
        patterns = _SCORE_HEADER.get(key)
        if patterns is not None:
            if L.matches(text, patterns):
                return key
        elif L.matches(text, table.columns[key], prefix=True):
            return key
    return None


@dataclass
class HeaderRow:
    row: int
    columns: dict[str, int]
    last_row: int = 0  # the header's bottom row when it spans two

    def __post_init__(self) -> None:
        self.last_row = max(self.last_row, self.row)


def _header_columns(view: SheetView, row: int, table: _HeaderTable) -> tuple[dict[str, int], int]:
    """Columns named on a header row. A header may span two rows (a label merged
    down beside sub-labels below it, or a caption merged across above): every
    column is named by the text of the merge covering it on this row, or on the
    row below when this row's cell belongs to a merge that goes down."""
    last = row
    cols: dict[str, int] = {}
    for c in range(1, view.grid.max_col + 1):
        merge = view.grid.merge_of(row, c)
        if merge and merge[1] == c and _classify(view.norm(merge[0], c), table):
            last = max(last, min(merge[2], row + 1))  # a column label merged down: its sub-labels sit below
    for r in range(row, last + 1):
        for c in range(1, view.grid.max_col + 1):
            ar, ac = view.grid.anchor(r, c)
            if ac != c:
                continue
            text = view.norm(ar, ac)
            if not text:
                continue
            key = _classify(text, table)
            if key and key not in cols:
                cols[key] = c
    return cols, last


def _find_header(view: SheetView, rows, table: _HeaderTable, accept) -> HeaderRow | None:
    tried: set[int] = set()
    for r, _c, text in view.text_cells():
        if r in tried or r not in rows or _classify(text, table) is None:
            continue
        tried.add(r)
        cols, last = _header_columns(view, r, table)
        if accept(cols):
            return HeaderRow(r, cols, last)
    return None


def find_indicator_header(view: SheetView) -> HeaderRow | None:
    """The row holding 三级指标 together with 分值/得分 columns."""
    return _find_header(
        view,
        range(1, view.grid.max_row + 1),
        _INDICATORS,
        lambda cols: "name" in cols and ("weight" in cols or "score" in cols),
    )


def find_funds_header(view: SheetView, before_row: int) -> HeaderRow | None:
    """The row holding 年初预算数 / 全年预算数 / 全年执行数 above the indicator table.
    A form whose only budget column is 年初预算数(A) (Beijing 海淀) divides by it:
    that column is then the budget A as well."""
    header = _find_header(
        view,
        range(1, before_row),
        _FUNDS,
        lambda cols: ("budget" in cols and ("spent" in cols or "initial" in cols)) or {"initial", "spent"} <= cols.keys(),
    )
    if header is not None and "budget" not in header.columns:
        header.columns["budget"] = header.columns["initial"]
    return header


def find_label(view: SheetView, patterns: list[str], rows: range | None = None) -> tuple[int, int, str] | None:
    """The first cell whose whole text is one of ``patterns`` (or ``label:value``)."""
    either, exact, inline = _label_patterns(tuple(patterns))
    for r, c, text in view.text_cells():
        if rows is not None and r not in rows:
            continue
        if not either.match(text):  # most cells: one test rules out both forms
            continue
        if exact(text):
            return r, c, ""
        m = inline.match(text)
        if m:
            return r, c, m.group(1)
    return None


@lru_cache(maxsize=256)  # the same few label lists, asked about on every form
def _label_patterns(patterns: tuple[str, ...]):
    """(either form, the label alone, ``label:value``) for :func:`find_label`."""
    body = "|".join(f"(?:{p})" for p in patterns)
    either = re.compile(f"^(?:{body})(?:[:]?$|[:].+$)")
    return either, L.matcher(list(patterns)), re.compile(f"^(?:{body})[:](.+)$")


def label_value(view: SheetView, patterns: list[str], rows: range | None = None) -> Sourced[str] | None:
    """The value of a ``label | value`` pair: first non-empty cell right of the
    label, or the text after a colon in the label cell itself."""
    hit = find_label(view, patterns, rows)
    if hit is None:
        return None
    r, c, inline = hit
    if inline:
        raw = view.text(r, c)
        value = re.split(r"[:：]", raw, maxsplit=1)[-1].strip()
        return Sourced(value or None, value, view.grid.ref(r, c))
    pos = view.right_of(r, c)
    if pos is None:
        merge = view.grid.merge_of(r, c)
        col = (merge[3] if merge else c) + 1
        return Sourced(None, "", view.grid.ref(r, col))
    return view.sourced_text(*pos)


def money_unit(view: SheetView, header: HeaderRow, last_row: int) -> str:
    """元 / 万元 / 亿元 as stated by the block label, the header cells, or a
    “单位：元” note on the rows just above the block."""
    first_value_col = min(header.columns.values())
    texts = [view.norm(header.row, c) for c in header.columns.values()]
    for r in range(max(1, header.row - 1), last_row + 1):
        for c in range(1, first_value_col):
            texts.append(view.norm(*view.grid.anchor(r, c)))
    for text in texts:
        m = re.search(r"\((万元|元|亿元)\)", text)
        if m:
            return m.group(1)
    for r in range(max(1, header.row - 2), header.row + 1):
        for c in range(1, view.grid.max_col + 1):
            m = re.search(r"(?:金额|资金)?单位[:]?(万元|元|亿元)$", view.norm(r, c))
            if m:
                return m.group(1)
    return "万元"


def read_funds(view: SheetView, header: HeaderRow, stop_row: int) -> tuple[Funds | None, dict[str, int]]:
    """Read the funds rows under ``header``; returns the block and the rows found."""
    first_value_col = min(header.columns.values())
    found: dict[str, int] = {}
    for r in range(header.last_row + 1, min(stop_row, header.last_row + 10)):
        for c in range(1, first_value_col):
            text = view.norm(r, c)
            if not text:
                continue
            for key, patterns in L.FUNDS_ROWS.items():
                if key not in found and L.matches(text, patterns):
                    found[key] = r
                    break
    if "total" not in found:
        return None, found
    unit = money_unit(view, header, max(found.values()))
    rows = {key: _funds_row(view, header, r, unit) for key, r in found.items()}
    total = rows["total"]
    if "weight" not in header.columns:
        total = replace(total, weight=_stated_funds_weight(view, header) or total.weight)
    explanation = Sourced.absent()
    if "explanation" in header.columns:
        explanation = view.sourced_text(found["total"], header.columns["explanation"])
    funds = Funds(
        total=total,
        fiscal=rows.get("fiscal"),
        carryover=rows.get("carryover"),
        other=rows.get("other"),
        source_unit=unit,
        explanation=explanation,
    )
    return funds, found


_STATED_WEIGHT = re.compile(r"\((\d+(?:\.\d+)?)分")


def _stated_funds_weight(view: SheetView, header: HeaderRow) -> Sourced[float] | None:
    """A funds block without a 分值 column may state its weight in its label
    (``预算执行情况（万元）（20分）``) or its 得分 header (``得分(20分×执行率)``)."""
    first_value_col = min(header.columns.values())
    cells = [(header.row, c) for c in range(1, first_value_col)]
    if "score" in header.columns:
        cells.append((header.row, header.columns["score"]))
    for r, c in cells:
        ar, ac = view.grid.anchor(r, c)
        m = _STATED_WEIGHT.search(view.norm(ar, ac))
        if m:
            return Sourced(float(m.group(1)), view.text(ar, ac), view.grid.ref(ar, ac))
    return None


def _funds_row(view: SheetView, header: HeaderRow, row: int, unit: str) -> FundsRow:
    cols = header.columns

    def money(key: str, what: str) -> Sourced[float]:
        if key not in cols:
            return Sourced.absent()
        return view.sourced_parse(row, cols[key], parse_amount, what, default_unit=unit)

    def other(key: str, parse, what: str) -> Sourced[float]:
        if key not in cols:
            return Sourced.absent()
        return view.sourced_parse(row, cols[key], parse, what)

    label_col = next((c for c in range(1, min(cols.values())) if view.norm(row, c)), 1)
    return FundsRow(
        label=view.sourced_text(row, label_col),
        initial=money("initial", "年初预算数"),
        budget=money("budget", "全年预算数"),
        spent=money("spent", "全年执行数"),
        weight=other("weight", parse_score, "资金分值"),
        rate=other("rate", parse_rate, "执行率"),
        score=other("score", parse_score, "资金得分"),
    )


def read_goals(view: SheetView, rows: range) -> tuple[Sourced[str], Sourced[str]]:
    """年度总体目标: the texts under (or right of) 预期目标 and 实际完成情况."""
    block = find_label(view, L.GOALS_BLOCK, rows)
    if block is None:
        return Sourced.absent(), Sourced.absent()
    sub_rows = range(block[0], min(rows.stop, block[0] + 4))

    def under(patterns: list[str]) -> Sourced[str]:
        hit = find_label(view, patterns, sub_rows)
        if hit is None:
            return Sourced.absent()
        r, c, inline = hit
        if inline:
            return Sourced(inline, inline, view.grid.ref(r, c))
        merge = view.grid.merge_of(r, c)
        below = (merge[2] if merge else r) + 1
        if below < rows.stop and view.text(below, c):
            return view.sourced_text(below, c)
        pos = view.right_of(r, c)
        if pos is not None and not L.matches(view.norm(*pos), L.GOAL_ACTUAL + L.GOAL_EXPECTED, prefix=True):
            return view.sourced_text(*pos)
        if below < rows.stop:  # the blank cell the text belongs in
            return Sourced(None, "", view.grid.ref(below, c))
        return Sourced.absent()  # the cell below is outside the block: not this field's

    return under(L.GOAL_EXPECTED), under(L.GOAL_ACTUAL)


def header_total(view: SheetView, rows: range) -> Sourced[float] | None:
    """A 总分 stated above the table (``总分：99.65分`` beside the 填报日期), or None."""
    found = label_value(view, L.HEADER_TOTAL, rows)
    if found is None or not found.raw:
        return None
    parsed = parse_score(found.raw)
    if parsed.value is None:
        return None
    return Sourced(parsed.value, found.raw, found.ref, found.formula, parsed.decimals, parsed.unit)


def label_at_row(view: SheetView, row: int, header: HeaderRow) -> Sourced[str]:
    """The label cell of a row (its first text left of the value columns)."""
    first_value = min(c for k, c in header.columns.items() if k in ("target", "actual", "weight", "score"))
    for c in range(1, first_value):
        if view.text(row, c):
            return view.sourced_text(row, c)
    return Sourced.absent(view.grid.ref(row, 1))


def read_grade(view: SheetView, rows: range) -> Grade | None:
    value = label_value(view, L.GRADE_ROW, rows)
    if value is None:
        return None
    if not value.raw:
        return Grade(value)
    text = _rest_of_row(view, value) if value.ref is not None else value.raw
    grade, checked, checkbox = parse_grade(text)
    return Grade(Sourced(grade, text, value.ref, value.formula), tuple(checked), checkbox)


def _rest_of_row(view: SheetView, first: Sourced) -> str:
    """The checkbox form is sometimes spread over cells (优☑ | 良□ | 中□ | 差□):
    the grade is everything from the value cell to the end of the row."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    letters, row = coordinate_from_string(first.ref.cell)
    col = column_index_from_string(letters)
    texts = [view.text(row, c) for c in range(col, view.grid.max_col + 1)]
    joined = " ".join(t for t in texts if t)
    return joined if any(mark in joined for mark in "☑✔✓√■☒▣●□☐○▢") else first.raw


def read_year(view: SheetView, rows: range) -> Sourced[int]:
    found = label_value(view, L.HEADER_FIELDS["year"], rows)
    if found is None or not found.raw:
        return Sourced(None, "", found.ref if found else None)
    return Sourced(parse_year(found.raw), found.raw, found.ref, found.formula)
