"""The blank template matches the contract table of spec/workbook.md.

Addresses are written out here from the contract, not taken from the layout
module, so a layout change that breaks the contract fails loudly.
"""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from perfeval_xl.scheme import DEPARTMENT, SELF
from perfeval_xl.outputs.template.blank import write_template
from perfeval_xl.outputs.template.blank_layout import form_layout
from perfeval_xl.outputs.template.blank_text import GUIDE_LINES, HINTS

SCHEMES = ("部门评价", "单位自评")

CONTRACT_LABELS = {
    "A2": "项目名称", "A3": "主管部门", "E3": "实施单位", "A4": "评价年度", "E4": "评价方式",
    "A5": "项目资金（万元）", "C5": "年初预算数", "D5": "全年预算数（A）", "E5": "全年执行数（B）",
    "F5": "分值", "G5": "执行率", "H5": "得分",
    "B6": "年度资金总额", "B7": "其中：当年财政拨款", "B8": "上年结转资金", "B9": "其他资金",
    "A10": "年度总体目标", "B10": "预期目标", "F10": "实际完成情况", "A12": "绩效评价指标评分",
    "A13": "一级指标", "B13": "二级指标", "C13": "三级指标", "D13": "年度指标值", "E13": "全年完成值",
    "F13": "分值", "G13": "得分", "H13": "偏差原因分析及改进措施",
}
CONTRACT_MERGES = {"A1:H1", "B2:H2", "B3:D3", "F3:H3", "A5:A9", "A10:A11", "B10:E10", "F10:H10", "A12:H12"}
INPUT_CELLS = ("B2", "B3", "F3", "B4", "F4", "C6", "D6", "E6", "C9", "E9", "B11", "F11")
LEVEL1 = {
    "部门评价": ["项目决策（20分）", "项目过程（20分）", "项目产出（30分）", "项目效益（30分）"],
    "单位自评": ["产出指标（50分）", "效益指标（30分）", "满意度指标（10分）"],
}


@pytest.fixture(scope="module", params=SCHEMES)
def template(request, tmp_path_factory):
    path = write_template(tmp_path_factory.mktemp("tpl") / "t.xlsx", request.param)
    return request.param, openpyxl.load_workbook(path)


def _rows_by_label(ws, column: str) -> dict[str, int]:
    return {ws[f"{column}{r}"].value: r for r in range(1, ws.max_row + 1) if isinstance(ws[f"{column}{r}"].value, str)}


def test_sheets_in_contract_order(template):
    _, wb = template
    assert wb.sheetnames == ["绩效评价表", "评价报告", "填表说明"]
    assert wb.active.title == "绩效评价表"


def test_labels_and_merges_where_the_contract_puts_them(template):
    scheme, wb = template
    ws = wb["绩效评价表"]
    assert {cell: ws[cell].value for cell in CONTRACT_LABELS} == CONTRACT_LABELS
    assert CONTRACT_MERGES <= {str(r) for r in ws.merged_cells.ranges}
    assert ws["F4"].value == scheme  # 评价方式 pre-set to the template's scheme


def test_indicator_block_for_the_scheme(template):
    scheme, wb = template
    ws = wb["绩效评价表"]
    labels = _rows_by_label(ws, "A")
    assert [label for label in labels if label in LEVEL1[scheme]] == LEVEL1[scheme]
    total, grade = labels["总分"], labels["评价等次"]
    assert grade == total + 1 and labels[LEVEL1[scheme][0]] == 14
    merges = {str(r) for r in ws.merged_cells.ranges}
    level1_rows = [labels[name] for name in LEVEL1[scheme]] + [total]
    for first, following in zip(level1_rows, level1_rows[1:]):
        assert f"A{first}:A{following - 1}" in merges  # 一级 merged down over its 三级 rows
    names = [ws[f"C{r}"].value for r in range(14, total) if ws[f"C{r}"].value]
    weights = [ws[f"F{r}"].value for r in range(14, total) if ws[f"F{r}"].value is not None]
    if scheme == "部门评价":
        assert names == ["立项依据充分性", "立项程序规范性", "绩效目标合理性", "绩效指标明确性", "预算编制科学性",
                         "资金分配合理性", "资金到位率", "预算执行率", "资金使用合规性", "管理制度健全性",
                         "制度执行有效性"]
        assert weights == [3, 2, 5, 5, 3, 2, 3, 4, 3, 5, 5]
        level2 = {ws[f"B{r}"].value for r in range(14, total)} - {None}
        assert {"产出数量", "产出质量", "产出时效", "产出成本", "社会效益", "满意度"} <= level2
    else:
        assert names == [] and weights == []
        level2 = [ws[f"B{r}"].value for r in range(14, total) if ws[f"B{r}"].value]
        assert level2 == ["数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标",
                          "生态效益指标", "可持续影响指标", "服务对象满意度指标"]


def test_standard_weights_add_up_to_their_level1_label():
    layout = form_layout("部门评价")
    for level1, expected in (("项目决策（20分）", 20), ("项目过程（20分）", 20)):
        assert sum(s.weight for s in layout.slots if s.level1 == level1) == expected
    for scheme in (DEPARTMENT, SELF):
        labels = {s.level1 for s in form_layout(scheme.name).slots}
        embedded = sum(int("".join(c for c in label if c.isdigit())) for label in labels)
        assert embedded == scheme.indicator_total


def test_labels_locked_inputs_unlocked(template):
    scheme, wb = template
    ws = wb["绩效评价表"]
    for cell in CONTRACT_LABELS:
        assert ws[cell].protection.locked, cell
    total = _rows_by_label(ws, "A")["总分"]
    inputs = list(INPUT_CELLS) + [f"{c}{r}" for r in (14, total - 1) for c in "DEFGH"]
    for cell in inputs:
        assert not ws[cell].protection.locked, cell
    for cell in ("G6", "H6", f"F{total}", f"G{total}"):  # computed cells cannot be typed over by mistake
        assert str(ws[cell].value).startswith("=") and ws[cell].protection.locked, cell
    assert ws["A14"].font.name == "宋体" and ws["C13"].alignment.wrap_text


def test_sheet_protected_without_password(template):
    _, wb = template
    for name in ("绩效评价表", "填表说明"):
        protection = wb[name].protection
        assert protection.sheet and not protection.password, name
    assert not wb["评价报告"].protection.sheet  # the narrative is pasted freely
    assert wb["绩效评价表"].protection.insertRows is False  # False = allowed: extra 三级 rows can be inserted


def test_print_setup(template):
    _, wb = template
    ws = wb["绩效评价表"]
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.page_setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0  # 1 wide, any tall
    assert ws.print_title_rows == "$12:$13"
    assert ws.print_area.endswith(f"$H${_rows_by_label(ws, 'A')['评价等次'] + 1}")


def test_validations_and_hints(template):
    scheme, wb = template
    ws = wb["绩效评价表"]
    by_cell = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    grade_row = _rows_by_label(ws, "A")["评价等次"]
    assert by_cell["F4"].type == "list" and by_cell["F4"].formula1 == '"单位自评,部门评价,财政评价"'
    assert by_cell[f"B{grade_row}"].type == "list" and by_cell[f"B{grade_row}"].formula1 == '"优,良,中,差"'
    assert by_cell["C6:E9"].type == "decimal" and "万元" in by_cell["C6:E9"].prompt
    assert by_cell["B4"].type == "whole"
    target = next(dv for key, dv in by_cell.items() if key.startswith("D14:"))
    assert "≥20家" in target.prompt and "≤60万元" in target.prompt
    # Soft validations only warn: a pasted value is never refused outright.
    assert all(dv.errorStyle == "warning" for dv in by_cell.values() if dv.type in ("decimal", "whole"))
    assert all(dv.showInputMessage for dv in by_cell.values())
    report_hint = wb["评价报告"].data_validations.dataValidation[0]
    assert "每段一行" in report_hint.prompt and str(report_hint.sqref).startswith("A1:")


def test_hints_fit_excel_limits():
    # Excel (and xlsxwriter, which then drops the validation) limits titles to 32, messages to 255.
    assert all(len(h.title) <= 32 and len(h.message) <= 255 for h in HINTS.values())


def test_guide_says_what_the_brief_requires(template):
    _, wb = template
    ws = wb["填表说明"]
    text = "\n".join(str(ws[f"A{r}"].value) for r in range(1, ws.max_row + 1))
    assert ws["A1"].value == "填表说明" and text.count("\n") == len(GUIDE_LINES)
    for needle in ("万元", "%号", "单位自评", "部门评价", "财政评价", "每个段落占一行", "不要修改", "栏目名称"):
        assert needle in text, needle


def test_deterministic_document_properties(template):
    scheme, wb = template
    assert wb.properties.created == datetime(2024, 1, 1)
    assert scheme in wb.properties.title
