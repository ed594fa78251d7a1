"""Draws the 绩效评价表 sheet of the blank template from its layout.

Every formula is written with the value it has in the blank form (xlsxwriter
``value=``), so viewers that do not recalculate (and python-calamine) show
the right thing instead of 0.
"""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from perfeval_xl.model import GRADES
from perfeval_xl.outputs.template.blank_layout import (
    DEPARTMENT_ROW,
    FIRST_INDICATOR_ROW,
    FUNDS_FIRST_ROW,
    FUNDS_HEADER,
    FUNDS_HEADER_ROW,
    FUNDS_ROW_LABELS,
    GOAL_HEADER_ROW,
    GOAL_TEXT_ROW,
    GRADE_NOTE,
    INDICATOR_HEADER,
    INDICATOR_HEADER_ROW,
    METHODS,
    NAME_ROW,
    SCORING_TITLE_ROW,
    TITLE_ROW,
    YEAR_ROW,
    FormLayout,
)
from perfeval_xl.outputs.template.blank_style import Formats
from perfeval_xl.outputs.template.blank_text import HINTS

COLUMN_WIDTHS = {"A": 13, "B": 18, "C": 24, "D": 14, "E": 14, "F": 7, "G": 7, "H": 26}
MAX_SCORE = 100  # upper bound for 分值/得分 validations
A4_PAPER = 9
HEADER_ROW_HEIGHT = 24  # header labels stand out from the data rows
TITLE = "项目支出绩效评价表"


def _number(value: float) -> int | float:
    """Whole numbers as int, so the cached value reads ``40`` and not ``40.0``."""
    return int(value) if float(value).is_integer() else value


def _hint(ws: Worksheet, cells: str, key: str, **validation) -> None:
    """Attach the input message ``key`` (and an optional validation) to ``cells``."""
    hint = HINTS[key]
    options = {"validate": "any", "input_title": hint.title, "input_message": hint.message}
    ws.data_validation(cells, {**options, **validation})


def _soft_number(minimum: float, maximum: float | None = None) -> dict:
    """A numeric validation that warns instead of refusing: pasted data must not be lost."""
    if maximum is None:
        rule = {"criteria": ">=", "value": minimum}
    else:
        rule = {"criteria": "between", "minimum": minimum, "maximum": maximum}
    return {
        "validate": "decimal",
        **rule,
        "error_type": "warning",
        "error_title": "请填写数字",
        "error_message": "此处应填数字（不带单位）。确定要保留当前内容吗？",
    }


def _merge(ws: Worksheet, cells: str, value: str, fmt) -> None:
    """Write ``value`` over a range, merging it unless it is a single cell."""
    first, _, last = cells.partition(":")
    if not last or first == last:
        ws.write_string(first, value, fmt)
    else:
        ws.merge_range(cells, value, fmt)


def _draw_header(ws: Worksheet, layout: FormLayout, f: Formats) -> None:
    # Plain text, not a formula on 项目名称: readers skip formula cells when looking for labels.
    ws.merge_range(f"A{TITLE_ROW}:H{TITLE_ROW}", TITLE, f.title)
    _hint(ws, f"A{TITLE_ROW}", "title")
    ws.set_row(TITLE_ROW - 1, 30)

    ws.write_string(f"A{NAME_ROW}", "项目名称", f.label)
    ws.merge_range(f"B{NAME_ROW}:H{NAME_ROW}", "", f.text_input)
    _hint(ws, f"B{NAME_ROW}", "name")

    ws.write_string(f"A{DEPARTMENT_ROW}", "主管部门", f.label)
    ws.merge_range(f"B{DEPARTMENT_ROW}:D{DEPARTMENT_ROW}", "", f.text_input)
    _hint(ws, f"B{DEPARTMENT_ROW}", "department")
    ws.write_string(f"E{DEPARTMENT_ROW}", "实施单位", f.label)
    ws.merge_range(f"F{DEPARTMENT_ROW}:H{DEPARTMENT_ROW}", "", f.text_input)
    _hint(ws, f"F{DEPARTMENT_ROW}", "implementer")

    ws.write_string(f"A{YEAR_ROW}", "评价年度", f.label)
    ws.merge_range(f"B{YEAR_ROW}:D{YEAR_ROW}", "", f.number_input)
    _hint(ws, f"B{YEAR_ROW}", "year", validate="integer", criteria="between", minimum=2000, maximum=2100,
          error_type="warning", error_title="评价年度", error_message="评价年度应为四位年份，如 2023。")
    ws.write_string(f"E{YEAR_ROW}", "评价方式", f.label)
    ws.merge_range(f"F{YEAR_ROW}:H{YEAR_ROW}", layout.scheme.name, f.text_input)
    _hint(ws, f"F{YEAR_ROW}", "method", validate="list", source=list(METHODS),
          error_title="评价方式", error_message="请从下拉列表选择：" + "、".join(METHODS))


def _draw_funds(ws: Worksheet, layout: FormLayout, f: Formats) -> None:
    last_row = FUNDS_FIRST_ROW + len(FUNDS_ROW_LABELS) - 1
    ws.merge_range(f"A{FUNDS_HEADER_ROW}:A{last_row}", "项目资金（万元）", f.label)
    ws.write_blank(f"B{FUNDS_HEADER_ROW}", None, f.label)
    for column, label in zip("CDEFGH", FUNDS_HEADER):
        ws.write_string(f"{column}{FUNDS_HEADER_ROW}", label, f.label)
    ws.set_row(FUNDS_HEADER_ROW - 1, HEADER_ROW_HEIGHT)
    for label in FUNDS_ROW_LABELS:
        row = layout.funds_row(label)
        ws.write_string(f"B{row}", label, f.label)
        for column in "CDE":
            ws.write_blank(f"{column}{row}", None, f.number_input)
        if row != FUNDS_FIRST_ROW:
            for column in "FGH":
                ws.write_blank(f"{column}{row}", None, f.filler)
    _hint(ws, f"C{FUNDS_FIRST_ROW}:E{last_row}", "money", **_soft_number(0))

    total = FUNDS_FIRST_ROW
    ws.write_number(f"F{total}", _number(layout.scheme.funds_weight), f.formula)
    # 执行率 = B/A and 得分 = MIN(B/A,1)×分值; blank while A is blank or 0 (no #DIV/0!).
    # Only functions the reader can recompute (read/formula.py), since files filled by
    # programs carry no cached values.
    no_budget = f'OR(D{total}="",D{total}=0)'
    ws.write_formula(f"G{total}", f'=IF({no_budget},"",E{total}/D{total})', f.percent_formula, "")
    ws.write_formula(f"H{total}", f'=IF({no_budget},"",ROUND(MIN(E{total}/D{total},1)*F{total},2))',
                     f.formula, "")


def _draw_goals(ws: Worksheet, f: Formats) -> None:
    ws.merge_range(f"A{GOAL_HEADER_ROW}:A{GOAL_TEXT_ROW}", "年度总体目标", f.label)
    ws.merge_range(f"B{GOAL_HEADER_ROW}:E{GOAL_HEADER_ROW}", "预期目标", f.label)
    ws.merge_range(f"F{GOAL_HEADER_ROW}:H{GOAL_HEADER_ROW}", "实际完成情况", f.label)
    ws.merge_range(f"B{GOAL_TEXT_ROW}:E{GOAL_TEXT_ROW}", "", f.block_input)
    ws.merge_range(f"F{GOAL_TEXT_ROW}:H{GOAL_TEXT_ROW}", "", f.block_input)
    _hint(ws, f"B{GOAL_TEXT_ROW}", "goal_expected")
    _hint(ws, f"F{GOAL_TEXT_ROW}", "goal_actual")
    ws.set_row(GOAL_TEXT_ROW - 1, 90)


def _draw_indicators(ws: Worksheet, layout: FormLayout, f: Formats) -> None:
    ws.merge_range(f"A{SCORING_TITLE_ROW}:H{SCORING_TITLE_ROW}", "绩效评价指标评分", f.label)
    for column, label in zip("ABCDEFGH", INDICATOR_HEADER):
        ws.write_string(f"{column}{INDICATOR_HEADER_ROW}", label, f.label)
    ws.set_row(INDICATOR_HEADER_ROW - 1, HEADER_ROW_HEIGHT)

    for first, last, label in layout.runs("level1"):
        _merge(ws, f"A{first}:A{last}", label, f.label)
    for first, last, label in layout.runs("level2"):
        # Standard 决策/过程 二级 names are fixed; 产出/效益 ones may be renamed.
        standard = layout.slots[first - FIRST_INDICATOR_ROW].name is not None
        _merge(ws, f"B{first}:B{last}", label, f.label if standard else f.text_input)
        if not standard:
            _hint(ws, f"B{first}", "level2")

    for index, slot in enumerate(layout.slots):
        row = layout.slot_row(index)
        if slot.name is None:
            ws.write_blank(f"C{row}", None, f.text_input)
            _hint(ws, f"C{row}", "indicator_name")
        else:
            ws.write_string(f"C{row}", slot.name, f.label_left)
        for column in "DE":
            ws.write_blank(f"{column}{row}", None, f.text_input)
        if slot.weight is None:
            ws.write_blank(f"F{row}", None, f.number_input)
        else:
            ws.write_number(f"F{row}", _number(slot.weight), f.number_input)
        ws.write_blank(f"G{row}", None, f.number_input)
        ws.write_blank(f"H{row}", None, f.block_input)

    first, last = FIRST_INDICATOR_ROW, layout.last_indicator_row
    _hint(ws, f"D{first}:D{last}", "target")
    _hint(ws, f"E{first}:E{last}", "actual")
    _hint(ws, f"F{first}:F{last}", "weight", **_soft_number(0, MAX_SCORE))
    _hint(ws, f"G{first}:G{last}", "score", **_soft_number(0, MAX_SCORE))
    _hint(ws, f"H{first}:H{last}", "deviation")


def _draw_totals(ws: Worksheet, layout: FormLayout, f: Formats) -> None:
    first, last, row = FIRST_INDICATOR_ROW, layout.last_indicator_row, layout.total_row
    scheme, funds = layout.scheme, FUNDS_FIRST_ROW
    ws.write_string(f"A{row}", "总分", f.label)
    ws.merge_range(f"B{row}:E{row}", "", f.filler)

    weight_total = sum(slot.weight or 0 for slot in layout.slots)
    weight_formula = f"=SUM(F{first}:F{last})"
    # ROUND to 2 decimals: a float sum like 89.99999999999999 must not turn 优 into 良.
    score_formula = f'=IF(COUNT(G{first}:G{last})=0,"",ROUND(SUM(G{first}:G{last}),2))'
    if scheme.funds_in_total:  # 单位自评: the funds block's 10 points count toward 总分
        weight_total += scheme.funds_weight
        weight_formula += f"+F{funds}"
        score_formula = f'=IF(COUNT(G{first}:G{last},H{funds})=0,"",ROUND(SUM(G{first}:G{last},H{funds}),2))'
    ws.write_formula(f"F{row}", weight_formula, f.formula, _number(weight_total))
    ws.write_formula(f"G{row}", score_formula, f.formula, "")
    ws.write_blank(f"H{row}", None, f.filler)

    grade_row = layout.grade_row
    ws.write_string(f"A{grade_row}", "评价等次", f.label)
    ws.merge_range(f"B{grade_row}:H{grade_row}", "", f.grade_input)
    ws.write_formula(f"B{grade_row}", _grade_formula(layout), f.grade_input, "")
    _hint(ws, f"B{grade_row}", "grade", validate="list", source=list(GRADES),
          error_title="评价等次", error_message="请从下拉列表选择：优、良、中、差")
    ws.merge_range(f"A{layout.note_row}:H{layout.note_row}", GRADE_NOTE, f.note)


def _grade_formula(layout: FormLayout) -> str:
    """优/良/中/差 from 总分 by the scheme's half-open bands; blank while 总分 is blank."""
    total = f"G{layout.total_row}"
    bands = sorted(layout.scheme.grade_bands, key=lambda band: -band.lower)
    expression = f'"{bands[-1].grade}"'
    for band in reversed(bands[:-1]):
        expression = f'IF({total}>={_number(band.lower)},"{band.grade}",{expression})'
    return f'=IF({total}="","",{expression})'


def _page_setup(ws: Worksheet, layout: FormLayout) -> None:
    for column, width in COLUMN_WIDTHS.items():
        ws.set_column(f"{column}:{column}", width)
    ws.set_paper(A4_PAPER)
    ws.set_portrait()
    ws.fit_to_pages(1, 0)  # one page wide, as many pages tall as needed
    ws.repeat_rows(SCORING_TITLE_ROW - 1, INDICATOR_HEADER_ROW - 1)
    ws.print_area(0, 0, layout.note_row - 1, len(COLUMN_WIDTHS) - 1)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.set_footer("&C第 &P 页，共 &N 页")
    # No password: the lock only guards labels and formulas against slips.
    ws.protect("", {"format_rows": True, "format_columns": True, "insert_rows": True})


def draw_form(ws: Worksheet, layout: FormLayout, formats: Formats) -> None:
    """Draw the whole 绩效评价表 sheet."""
    _draw_header(ws, layout, formats)
    _draw_funds(ws, layout, formats)
    _draw_goals(ws, formats)
    _draw_indicators(ws, layout, formats)
    _draw_totals(ws, layout, formats)
    _page_setup(ws, layout)
