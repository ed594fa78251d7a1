"""Write a ``ProjectSpec`` into an .xlsx in the layout ``LayoutOptions`` asks for,
and say what the reader must find where.

What a typed value means (to re-spell it for a layout and to state what the
reader must find) comes from a :class:`Meaning` passed in: production passes
``outputs.template.meaning`` (read with ``perfeval_xl.values``); the test-data
generator passes its own reading, independent of the reader's.

``write_project`` returns ``{model path: Expected}``; model paths follow the
attribute names of ``perfeval_xl.model`` (``funds.total.budget``,
``indicators[3].level1_weight``, ``narrative[5]``). openpyxl is used because
it writes formulas without cached values, which is exactly what files made by
programs look like.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter

from perfeval_xl.model import GRADES
from perfeval_xl.outputs.template.layout import (
    LayoutOptions,
    brackets,
    fiscal_label,
    label,
    lettered,
)
from perfeval_xl.outputs.template.spec import (
    FUNDS_ROW_KEYS,
    FUNDS_ROW_LABELS,
    IndicatorSpec,
    ProjectSpec,
    Raw,
    SubtotalSpec,
)

_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_WORDS = {"≥": "不低于", "≤": "不高于"}
_ASCII = {"≥": ">=", "≤": "<="}


class Meaning(Protocol):
    """What typed values mean, in the model's conventions (money in 万元, rates
    as fractions, measures as ``(comparator, number, unit)`` or their text)."""

    def number_of(self, raw: Raw, percent: bool = False) -> float | None: ...

    def parse_measure(self, text: str | dt.date) -> tuple[str, float, str | None] | str | dt.date | None: ...

    def is_approximate(self, text: object) -> bool: ...

    def is_qualified(self, text: object) -> bool: ...

    def split_level1(self, label: str) -> tuple[str, float | None]: ...


def fmt_plain(x: float, decimals: int = 4) -> str:
    """A number as a clerk types it: ``60``, ``41.83``, never ``60.0``."""
    s = f"{x:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if s in ("", "-0") else s


@dataclass(frozen=True)
class Cell:
    """A value with its number format (a measure written as a number cell)."""

    value: object
    number_format: str | None = None


class Formula(str):
    """A cell formula written on purpose (every other string is text)."""


@dataclass(frozen=True)
class Expected:
    """What the reader must parse for one model path, and from which cell.

    ``cell`` None means the value has no cell in this layout (e.g. the 评价方式
    of a layout without that row): the reader must then report no value.
    """

    value: object
    sheet: str | None
    cell: str | None


def a1(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


class _Form:
    """Cursor over the form sheet; records merges and expected values."""

    def __init__(self, ws, layout: LayoutOptions, meaning: Meaning):
        self.ws = ws
        self.layout = layout
        self.meaning = meaning
        self.row = 1 + layout.row_offset
        base = 1 + layout.col_offset
        self.serial_col = base if layout.serial_column else None
        self.c0 = base + (1 if layout.serial_column else 0)
        self.last_col = self.c0 + (8 if layout.kind_column else 7)
        self.expected: dict[str, Expected] = {}

    def put(self, row: int, col: int, value, number_format: str | None = None) -> str:
        if isinstance(value, Cell):
            value, number_format = value.value, value.number_format
        cell = self.ws.cell(row=row, column=col)
        cell.value = value
        if isinstance(value, str) and not isinstance(value, Formula):
            cell.data_type = "s"  # typed text (＝100%) stays text, never a formula
        if number_format:
            cell.number_format = number_format
        return a1(row, col)

    def merge(self, row: int, col: int, end_row: int, end_col: int) -> None:
        if (end_row, end_col) != (row, col):
            self.ws.merge_cells(start_row=row, start_column=col, end_row=end_row, end_column=end_col)

    def expect(self, path: str, value, cell: str | None) -> None:
        self.expected[path] = Expected(value, self.ws.title if cell else None, cell)

    def gap(self) -> None:
        self.row += self.layout.blank_rows_between

    # -- numbers -------------------------------------------------------------

    def number(self, raw: Raw, unit: str = "分"):
        """A score/weight (or the year, unit 年) as this layout types numbers."""
        value = self.meaning.number_of(raw)
        if value is None:
            return raw if isinstance(raw, str) and raw.strip() else None
        if self.layout.score_units:
            return fmt_plain(value) + unit
        style = self.layout.number_style
        if style == "number":
            return value
        text = fmt_plain(value)
        return text.translate(_FULLWIDTH) if style == "fullwidth" else text

    def money(self, raw: Raw):
        """An amount (spec in 万元) in this layout's unit and spelling."""
        value = self.meaning.number_of(raw)
        if value is None:
            return raw if isinstance(raw, str) and raw.strip() else None
        layout = self.layout
        if layout.money_unit == "元_cell":
            return f"{round(value * 10000, 2):,.2f}".rstrip("0").rstrip(".") + "元"
        amount = round(value * 10000, 2) if layout.money_unit == "元_block" else value
        unit = "元" if layout.money_unit == "元_block" else "万元"
        style = layout.number_style
        if style == "number":
            return amount
        if style == "thousands":
            whole, _, frac = fmt_plain(amount).partition(".")
            return f"{int(whole):,}" + (f".{frac}" if frac else "")
        text = fmt_plain(amount)
        if style == "fullwidth":
            return text.translate(_FULLWIDTH)
        return text + unit if style == "unit" else text

    def rate(self, raw: Raw) -> tuple[object, str | None]:
        """An 执行率 (spec fraction or ``100%``) and its number format."""
        value = self.meaning.number_of(raw, percent=True)
        if value is None:
            return (raw if isinstance(raw, str) and raw.strip() else None), None
        percent = fmt_plain(value * 100, 2)
        style = self.layout.rate_style
        if style == "text":
            return percent + "%", None
        if style == "text_2dp":
            return f"{value * 100:.2f}%", None
        if style == "bare":
            return (value * 100 if self.layout.number_style == "number" else percent), None
        decimals = len(percent.partition(".")[2])
        return value, "0%" if decimals == 0 else "0." + "0" * decimals + "%"

    def measure(self, text: str | dt.date):
        """Re-spell a quantitative measure: comparator (≥ / >= / 不低于), spacing,
        or a bare ``100%``/``20`` as a number cell; a date as a date cell in the
        layout's date format; qualitative text and figures with qualifying words
        (``30家以上``, ``约20家``) unchanged."""
        if isinstance(text, dt.date):
            return Cell(text, self.layout.date_format)
        parsed = self.meaning.parse_measure(text)
        if not isinstance(parsed, tuple) or self.meaning.is_qualified(text):
            return text
        comparator, number, unit = parsed
        if self.layout.measure_numbers == "numeric" and not comparator and unit in ("%", None):
            if unit is None:
                return Cell(number)
            decimals = len(fmt_plain(number).partition(".")[2])
            return Cell(number / 100, "0%" if decimals == 0 else "0." + "0" * decimals + "%")
        if self.layout.comparator_style == "spaced":
            return " ".join(x for x in (comparator, fmt_plain(number), unit or "") if x)
        if not comparator:
            return text
        table = {"ascii": _ASCII, "words": _WORDS}.get(self.layout.comparator_style, {})
        if parsed[0] not in table:
            return text
        stripped = text.lstrip()
        for written in ("≥", "≤", ">=", "<=", "不低于", "不少于", "不高于", "不超过"):
            if stripped.startswith(written):
                return table[parsed[0]] + stripped[len(written):]
        return text


def write_project(spec: ProjectSpec, layout: LayoutOptions, path: str | Path, meaning: Meaning) -> dict[str, Expected]:
    """Write ``spec`` to ``path`` in ``layout``; return what the reader must find
    (by ``meaning``'s reading of the typed values)."""
    wb = Workbook()
    wb.remove(wb.active)
    for i in range(layout.sheets_before):
        cover = wb.create_sheet(("封面", "目录", "附表说明")[i % 3] + ("" if i < 3 else str(i)))
        cover["A1"] = spec.title or spec.name
        cover["A3"] = "编制单位：" + spec.department
    if layout.instructions_sheet == "before":
        _write_instructions(wb)
    form = _Form(wb.create_sheet(layout.form_sheet_name), layout, meaning)
    _write_header(form, spec)
    form.gap()
    _write_funds(form, spec)
    form.gap()
    _write_goals(form, spec)
    form.gap()
    _write_indicators(form, spec)
    expected = form.expected
    if layout.instructions_sheet == "after":
        _write_instructions(wb)
    if layout.narrative_style != "none" and spec.narrative:
        expected.update(_write_narrative(wb, spec, layout))
    _set_widths(form)
    _dress(form.ws)
    wb.save(path)
    return expected


def _write_header(form: _Form, spec: ProjectSpec) -> None:
    layout, c0 = form.layout, form.c0
    if layout.title_row:
        form.put(form.row, c0, spec.title)
        form.merge(form.row, c0, form.row, form.last_col)
        form.expect("title", spec.title.strip() or None, a1(form.row, c0))
        title_cell = a1(form.row, c0)
        form.row += 1
    else:
        form.expect("title", None, None)
        title_cell = None
    for i in range(layout.note_rows):
        if i == 0:
            form.put(form.row, c0, f"填报单位（盖章）：{spec.implementer}")
            form.put(form.row, c0 + 5, "填报日期：2024年3月15日")
        else:
            form.put(form.row, c0, "注：本表由项目实施单位填报，主管部门审核。")
        form.row += 1

    def field_row(pairs: list[tuple[str, str, object, int, int]]) -> None:
        span = layout.header_label_span
        for text, path, value, label_col, value_end in pairs:
            form.put(form.row, label_col, label(text, layout, colon=True))
            form.merge(form.row, label_col, form.row, label_col + span - 1)
            cell = form.put(form.row, label_col + span, value)
            if layout.merge_values:
                form.merge(form.row, label_col + span, form.row, value_end)
            form.expect(path, _text_or_none(value) if path != "year" else spec.year, cell)
        form.row += 1

    def pair_row(left: tuple, right: tuple) -> None:
        if layout.header_one_per_row:
            field_row([(*left, c0, form.last_col)])
            field_row([(*right, c0, form.last_col)])
        else:
            field_row([(*left, c0, c0 + 3), (*right, c0 + 4, form.last_col)])

    field_row([("项目名称", "name", spec.name, c0, form.last_col)])
    pair_row(("主管部门", "department", spec.department), ("实施单位", "implementer", spec.implementer))
    if layout.year_row:
        pair_row(("评价年度", "year", form.number(spec.year, "年")), ("评价方式", "method", spec.method))
    else:
        form.expect("year", spec.year if title_cell and spec.year else None, title_cell)
        form.expect("method", None, None)


def _write_funds(form: _Form, spec: ProjectSpec) -> None:
    layout, c0, top = form.layout, form.c0, form.row
    unit = "元" if layout.money_unit == "元_block" else "万元"
    form.put(top, c0, label("项目资金", layout) + brackets(f"（{unit}）", layout))
    headers = [label("年初预算数", layout), lettered("全年预算数", "A", layout),
               lettered(layout.spent_label, "B", layout), label("分值", layout),
               label("执行率", layout), label("得分", layout)]
    for j, text in enumerate(headers):
        form.put(top, c0 + 2 + j, text)
    columns = ("initial", "budget", "spent", "weight", "rate", "score")
    keys = [k for k in FUNDS_ROW_KEYS if k in _funds_rows_written(spec, layout)]
    for key in FUNDS_ROW_KEYS:
        if key not in keys:  # row left out: the reader must report no such row
            for field_name in columns:
                form.expect(f"funds.{key}.{field_name}", None, None)
    for i, key in enumerate(keys):
        row = top + 1 + i
        spec_row = spec.funds[key]
        if key == "fiscal":
            form.put(row, c0 + 1, fiscal_label(layout))
        else:
            form.put(row, c0 + 1, label(FUNDS_ROW_LABELS[key], layout))
        for j, field_name in enumerate(columns):
            col = c0 + 2 + j
            raw = getattr(spec_row, field_name)
            number_format = None
            if field_name in ("initial", "budget", "spent"):
                value, meaning = form.money(raw), form.meaning.number_of(raw)
                parts = [form.meaning.number_of(getattr(spec.funds[k], field_name)) for k in keys[1:]]
                if (key == "total" and layout.sum_formulas and meaning is not None
                        and any(p is not None for p in parts)
                        and abs(sum(p or 0.0 for p in parts) - meaning) < 1e-9):
                    value = Formula(f"=SUM({a1(row + 1, col)}:{a1(row + len(keys) - 1, col)})")
            elif field_name == "rate":
                value, number_format = form.rate(raw)
                meaning = form.meaning.number_of(raw, percent=True)
                budget, spent = form.meaning.number_of(spec_row.budget), form.meaning.number_of(spec_row.spent)
                if layout.formulas and meaning is not None and budget and spent is not None:
                    value = Formula(f"={a1(row, c0 + 4)}/{a1(row, c0 + 3)}")
                    number_format = number_format or "0.00%"
                    meaning = spent / budget
            else:
                value, meaning = form.number(raw), form.meaning.number_of(raw)
            cell = form.put(row, col, value, number_format)
            form.expect(f"funds.{key}.{field_name}", meaning, cell)
    if layout.level_labels != "blank":
        form.merge(top, c0, top + len(keys), c0)
    form.row = top + 1 + len(keys)


def _funds_rows_written(spec: ProjectSpec, layout: LayoutOptions) -> set[str]:
    """The 其中 rows a layout may drop are the ones the clerk left entirely blank."""
    def blank(key: str) -> bool:
        row = spec.funds[key]
        return all(getattr(row, f) in (None, "") for f in ("initial", "budget", "spent", "weight", "rate", "score"))

    keep = {"all": FUNDS_ROW_KEYS, "total_fiscal": ("total", "fiscal"), "total_only": ("total",)}[layout.funds_rows]
    return {k for k in FUNDS_ROW_KEYS if k == "total" or k in keep or not blank(k)}


def _write_goals(form: _Form, spec: ProjectSpec) -> None:
    layout, c0, top = form.layout, form.c0, form.row
    form.put(top, c0, label("年度总体目标", layout))
    form.put(top, c0 + 1, label("预期目标", layout))
    form.put(top, c0 + 5, label("实际完成情况", layout))
    expected_cell = form.put(top + 1, c0 + 1, spec.goal_expected)
    actual_cell = form.put(top + 1, c0 + 5, spec.goal_actual)
    form.expect("goal_expected", _text_or_none(spec.goal_expected), expected_cell)
    form.expect("goal_actual", _text_or_none(spec.goal_actual), actual_cell)
    if layout.merge_values:
        for r in (top, top + 1):
            form.merge(r, c0 + 1, r, c0 + 4)
            form.merge(r, c0 + 5, r, form.last_col)
    if layout.level_labels != "blank":
        form.merge(top, c0, top + 1, c0)
    form.row = top + 2


def _write_indicators(form: _Form, spec: ProjectSpec) -> None:
    layout, c0 = form.layout, form.c0
    if layout.indicator_caption:
        form.put(form.row, c0, label("绩效评价指标评分", layout))
        form.merge(form.row, c0, form.row, form.last_col)
        form.row += 1
    header = [label("一级指标", layout), label("二级指标", layout), label("三级指标", layout),
              label(layout.target_label, layout), label(layout.actual_label, layout),
              label("分值", layout), label("得分", layout), label(layout.deviation_label, layout)]
    if layout.kind_column:
        header.append(label("指标类型", layout))
    if form.serial_col:
        form.put(form.row, form.serial_col, label("序号", layout))
    for j, text in enumerate(header):
        form.put(form.row, c0 + j, text)
    form.row += 1
    rows: list[int] = []
    groups: list[tuple[int, int]] = []  # (first, stop) indicator indices of each 一级 group
    for i in range(len(spec.indicators)):
        _write_indicator_row(form, spec.indicators, i, form.row)
        rows.append(form.row)
        form.row += 1
        if i + 1 == len(spec.indicators) or spec.indicators[i + 1].level1 != spec.indicators[i].level1:
            groups.append((_group_start(spec.indicators, i, lambda x: x.level1), i + 1))
            if layout.subtotal_rows != "none":
                _write_subtotal(form, spec, len(groups) - 1, groups[-1], rows)
                form.row += 1
    form.expect(f"subtotals[{len(groups) if layout.subtotal_rows != 'none' else 0}]", None, None)
    _merge_groups(form, spec.indicators, rows)

    total_row = form.row
    form.put(total_row, c0, label(layout.total_label, layout))
    if layout.merge_values:
        form.merge(total_row, c0, total_row, c0 + 4)
    weight, score = form.number(spec.total_weight), form.number(spec.total_score)
    weight_meaning, score_meaning = form.meaning.number_of(spec.total_weight), form.meaning.number_of(spec.total_score)
    if layout.formulas and spec.indicators:
        ranges = [(rows[first], rows[stop - 1]) for first, stop in groups]
        column_sum = {
            "weight": ("+".join(f"SUM({a1(top, c0 + 5)}:{a1(bottom, c0 + 5)})" for top, bottom in ranges),
                       [ind.weight for ind in spec.indicators]),
            "score": ("+".join(f"SUM({a1(top, c0 + 6)}:{a1(bottom, c0 + 6)})" for top, bottom in ranges),
                      [ind.score for ind in spec.indicators]),
        }
        if layout.subtotal_rows == "none":  # one block of rows: one SUM, as a clerk writes it
            column_sum = {k: (f"SUM({a1(rows[0], c0 + col)}:{a1(rows[-1], c0 + col)})", raws)
                          for (k, (_, raws)), col in zip(column_sum.items(), (5, 6))}
        weight = _total_formula(form, "weight", weight_meaning, *column_sum["weight"]) or weight
        score = _total_formula(form, "score", score_meaning, *column_sum["score"]) or score
    form.expect("total_weight", weight_meaning, form.put(total_row, c0 + 5, weight))
    form.expect("total_score", score_meaning, form.put(total_row, c0 + 6, score))
    form.row += 1

    grade_row = form.row
    form.put(grade_row, c0, label(layout.grade_label, layout))
    if layout.grade_style != "plain" and spec.grade in GRADES:
        boxes = [g + ("☑" if g == spec.grade else "□") for g in GRADES]
        if layout.grade_style == "checkbox_spaced":
            boxes[1] += " " * 8
        grade_text = "".join(boxes)
    else:
        grade_text = spec.grade or None  # a blank 等次: the completed copy fills it
    cell = form.put(grade_row, c0 + 1, grade_text)
    if layout.merge_values:
        form.merge(grade_row, c0 + 1, grade_row, form.last_col)
    form.expect("grade.value", spec.grade or None, cell)
    form.row += 1
    if layout.grade_legend:
        form.put(form.row, c0 + 1, brackets("100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差", layout))
        form.row += 1
    if layout.closing_rows:
        _write_closing_rows(form, spec)


def _write_subtotal(form: _Form, spec: ProjectSpec, k: int, group: tuple[int, int], rows: list[int]) -> None:
    """The 小计 row closing 一级 group ``k``: the sums of its rows, unless the
    spec says what the clerk typed there."""
    layout, c0, row = form.layout, form.c0, form.row
    first, stop = group
    members = spec.indicators[first:stop]
    level1 = members[0].level1
    typed = next((sub for sub in spec.subtotals if sub.level1 == level1), SubtotalSpec(level1))
    if layout.subtotal_rows == "named":
        text = form.meaning.split_level1(level1)[0] + "小计"
        label_cell = form.put(row, c0, text)
        form.merge(row, c0, row, c0 + 2)
    else:
        text = "小计"
        label_cell = form.put(row, c0 + 1, text)
    form.expect(f"subtotals[{k}].label", text, label_cell)
    form.expect(f"subtotals[{k}].first", first, None)
    form.expect(f"subtotals[{k}].stop", stop, None)
    for field_name, col in (("weight", c0 + 5), ("score", c0 + 6)):
        parts = [form.meaning.number_of(getattr(ind, field_name)) for ind in members]
        column_sum = round(sum(p for p in parts if p is not None), 2)
        raw = getattr(typed, field_name)
        meaning = column_sum if raw is None else form.meaning.number_of(raw)
        value = form.number(column_sum if raw is None else raw)
        if (layout.formulas and meaning is not None and None not in parts
                and abs(sum(parts) - meaning) < 1e-6):
            value = Formula(f"=SUM({a1(rows[first], col)}:{a1(rows[stop - 1], col)})")
        form.expect(f"subtotals[{k}].{field_name}", meaning, form.put(row, col, value))


def _write_closing_rows(form: _Form, spec: ProjectSpec) -> None:
    """What many forms put under the table: how it was scored, who filled it in."""
    c0 = form.c0
    form.put(form.row, c0, "评分说明：定量指标按完成值与指标值之比计分，定性指标按达成、部分达成、未达成三档计分。")
    form.merge(form.row, c0, form.row, form.last_col)
    form.row += 1
    form.put(form.row, c0, "填表人：张三")
    form.put(form.row, c0 + 3, "联系电话：0797-1234567")
    form.put(form.row, c0 + 5, f"填报日期：{(spec.year or 2023) + 1}年3月15日")
    form.row += 1


def _total_formula(form: _Form, field_name: str, written: float | None, sum_expr: str, raws: list) -> Formula | None:
    """The 总分 formula a spreadsheet author would write for this total: Σ of the
    column, plus the funds block's cell where the total counts it (单位自评).
    None when no such formula gives the written figure (a deliberately wrong
    total must stay wrong)."""
    if written is None:
        return None
    column = sum(form.meaning.number_of(r) or 0.0 for r in raws)
    if abs(column - written) < 1e-6:
        return Formula("=" + sum_expr)
    funds = form.expected.get(f"funds.total.{field_name}")
    if funds and funds.value is not None and abs(column + funds.value - written) < 1e-6:
        return Formula(f"={sum_expr}+{funds.cell}")
    return None


def _write_indicator_row(form: _Form, indicators: list[IndicatorSpec], i: int, row: int) -> None:
    layout, c0, ind = form.layout, form.c0, indicators[i]
    prefix = f"indicators[{i}]"
    if form.serial_col:
        form.put(row, form.serial_col, i + 1)
    level1_start = _group_start(indicators, i, lambda x: x.level1)
    level2_start = _group_start(indicators, i, lambda x: (x.level1, x.level2))
    level1_cell = a1(row - (i - level1_start), c0)
    level2_cell = a1(row - (i - level2_start), c0 + 1)
    if level1_start == i:
        form.put(row, c0, brackets(ind.level1, layout))
    if level2_start == i:
        form.put(row, c0 + 1, ind.level2)
    level1_name, level1_weight = form.meaning.split_level1(ind.level1)
    form.expect(f"{prefix}.level1", level1_name or None, level1_cell)
    form.expect(f"{prefix}.level1_weight", level1_weight, level1_cell)
    form.expect(f"{prefix}.level2", _text_or_none(ind.level2), level2_cell)
    form.expect(f"{prefix}.name", _text_or_none(ind.name), form.put(row, c0 + 2, ind.name))
    for field_name, col in (("target", c0 + 3), ("actual", c0 + 4)):
        raw = getattr(ind, field_name)
        meaning = form.meaning.parse_measure(raw)
        cell = form.put(row, col, form.measure(raw))
        form.expect(f"{prefix}.{field_name}", meaning, cell)
        if isinstance(meaning, tuple):  # a figure: 约20家 is approximate, 20家以上 is not
            form.expect(f"{prefix}.{field_name}.approximate", form.meaning.is_approximate(raw), cell)
    form.expect(f"{prefix}.weight", form.meaning.number_of(ind.weight), form.put(row, c0 + 5, form.number(ind.weight)))
    form.expect(f"{prefix}.score", form.meaning.number_of(ind.score), form.put(row, c0 + 6, form.number(ind.score)))
    form.expect(f"{prefix}.deviation", _text_or_none(ind.deviation), form.put(row, c0 + 7, ind.deviation or None))
    if layout.kind_column:
        form.expect(f"{prefix}.kind", _text_or_none(ind.kind), form.put(row, c0 + 8, ind.kind or None))


def _group_start(indicators: list[IndicatorSpec], i: int, key) -> int:
    """Index of the first row of the run of equal labels that row ``i`` belongs to."""
    while i > 0 and key(indicators[i - 1]) == key(indicators[i]):
        i -= 1
    return i


def _merge_groups(form: _Form, indicators: list[IndicatorSpec], rows: list[int]) -> None:
    """Merge runs of equal 一级 (and 二级) labels down their rows; a 小计 row
    written in the 二级 column sits under its 一级 label's merge."""
    style = form.layout.level_labels
    if style == "blank":
        return
    columns = [(form.c0, lambda x: x.level1, form.layout.subtotal_rows == "level2")]
    if style == "merged":  # "mixed": 一级 merged, 二级 written once with blanks below
        columns.append((form.c0 + 1, lambda x: (x.level1, x.level2), False))
    for col, key, over_subtotal in columns:
        start = 0
        for i in range(1, len(indicators) + 1):
            if i == len(indicators) or key(indicators[i]) != key(indicators[start]):
                group_ends = i == len(indicators) or indicators[i].level1 != indicators[i - 1].level1
                last = rows[i - 1] + (1 if over_subtotal and group_ends else 0)
                form.merge(rows[start], col, last, col)
                start = i


def _write_narrative(wb: Workbook, spec: ProjectSpec, layout: LayoutOptions) -> dict[str, Expected]:
    ws = wb.create_sheet(layout.narrative_sheet)
    ws.column_dimensions["A"].width = 100
    paragraphs = [p.strip() for p in spec.narrative if p.strip()]
    expected = {}
    if layout.narrative_style.startswith("one_cell"):
        separator = "\n\n" if layout.narrative_style == "one_cell_spaced" else "\n"
        ws["A1"] = separator.join(paragraphs)
        ws["A1"].data_type = "s"
        ws["A1"].alignment = Alignment(wrap_text=True, vertical="top")
        for i, text in enumerate(paragraphs):
            expected[f"narrative[{i}]"] = Expected(text, ws.title, "A1")
        return expected
    step = 2 if layout.narrative_style == "rows_spaced" else 1
    for i, text in enumerate(paragraphs):
        cell = ws.cell(row=i * step + 1, column=1, value=text)
        cell.data_type = "s"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        expected[f"narrative[{i}]"] = Expected(text, ws.title, f"A{i * step + 1}")
    return expected


def _write_instructions(wb: Workbook) -> None:
    ws = wb.create_sheet("填表说明")
    lines = [
        "填表说明",
        "1. 金额单位默认为万元；如以元填列，请在表头注明。",
        "2. 执行率＝全年执行数÷全年预算数，得分＝执行率×分值，最高不超过分值。",
        "3. 定量指标未达到指标值的，按完成值÷指标值×分值计分，并说明偏差原因。",
        "4. 定性指标按达成、部分达成、未达成三档评分。",
    ]
    for i, text in enumerate(lines):
        ws.cell(row=i + 1, column=1, value=text)


_THIN = Side(style="thin", color="FF808080")


def _dress(ws) -> None:
    """Make the form look and print like a real one: borders, wrapped text,
    A4 one page wide. Style only: no value or cell changes."""
    border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
    wrap = Alignment(wrap_text=True, vertical="center")
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        for cell in row:
            if cell.value is not None or cell.coordinate in ws.merged_cells:
                cell.border = border
                cell.alignment = wrap
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _set_widths(form: _Form) -> None:
    for col in range(1, form.last_col + 1):
        form.ws.column_dimensions[get_column_letter(col)].width = 14
    form.ws.column_dimensions[get_column_letter(form.c0 + 2)].width = 24
    form.ws.column_dimensions[get_column_letter(form.c0 + 7)].width = 30


def _text_or_none(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
