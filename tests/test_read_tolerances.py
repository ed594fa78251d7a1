"""Targeted tolerances beyond the random layout variants (which live in
test_layout_variants.py): each builds a workbook for one quirk and asserts
the parsed value and its cell."""

from __future__ import annotations

import openpyxl
import pytest

from perfeval_xl.read.workbook import read_workbook
from tests.seedform import write_seed_form


def _edit(path, **cells):
    wb = openpyxl.load_workbook(path)
    ws = wb["绩效评价表"]
    for addr, value in cells.items():
        ws[addr] = value
    wb.save(path)
    return path


@pytest.fixture
def seed_path(tmp_path):
    return write_seed_form(tmp_path / "s.xlsx")


def test_label_and_value_in_one_cell(seed_path):
    _edit(seed_path, A3="主管部门：信丰县工信局", B3=None)
    project = read_workbook(seed_path).project
    assert project.department.value == "信丰县工信局" and project.department.ref.cell == "A3"


def test_plain_budget_header_and_spaced_labels(seed_path):
    _edit(seed_path, D5="预算数", A2="项 目\n名 称", B6="年度资金 总额")
    project = read_workbook(seed_path).project
    assert project.funds.total.budget.value == 60 and project.funds.total.budget.ref.cell == "D6"
    assert project.name.ref.cell == "B2"


def test_money_in_yuan_per_cell_is_converted(seed_path):
    _edit(seed_path, D6="600,000元", E6="418,300元")
    total = read_workbook(seed_path).project.funds.total
    assert total.budget.value == pytest.approx(60) and total.spent.value == pytest.approx(41.83)
    assert total.spent.unit == "元" and total.spent.ref.cell == "E6"


def test_rate_spellings_agree(seed_path):
    wb = openpyxl.load_workbook(seed_path)
    ws = wb["绩效评价表"]
    ws["G6"] = 1
    ws["G6"].number_format = "0%"
    ws["G7"] = 100
    ws["G8"] = "１００％"
    wb.save(seed_path)
    funds = read_workbook(seed_path).project.funds
    assert funds.total.rate.value == funds.fiscal.rate.value == funds.carryover.rate.value == 1.0


def test_narrative_with_serial_column_and_one_cell_report(tmp_path):
    path = write_seed_form(tmp_path / "n.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("报告正文")
    ws["A1"], ws["B1"] = 1, "一、基本情况"
    ws["A2"], ws["B2"] = 2, "该项目预算60万元。\n实际到位60万元。"
    wb.save(path)
    project = read_workbook(path).project
    assert [(p.text, p.ref.cell) for p in project.narrative] == [
        ("一、基本情况", "B1"),
        ("该项目预算60万元。", "B2"),
        ("实际到位60万元。", "B2"),
    ]
    assert project.narrative_sheet == "报告正文"


def test_form_sheet_with_another_name_after_other_sheets(tmp_path):
    path = write_seed_form(tmp_path / "o.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["绩效评价表"].title = "附件2"
    cover = wb.create_sheet("封面", 0)
    cover["A1"] = "2023年度项目绩效评价材料"
    wb.save(path)
    project = read_workbook(path).project
    assert project.form_sheet == "附件2" and str(project.total_score.ref) == "附件2!G31"


def test_year_from_title_when_no_year_field(seed_path):
    _edit(seed_path, A4=None, B4=None)
    project = read_workbook(seed_path).project
    assert project.year.value == 2023 and project.year.ref.cell == "A1"


def test_two_row_indicator_header_with_labels_merged_down(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效评价表"
    ws["A1"], ws["B1"] = "项目名称", "测试项目"
    ws["A2"], ws["B2"] = "主管部门", "某局"
    ws["A4"], ws["D4"], ws["F4"] = "一级指标", "指标值", "分值"
    ws["B4"], ws["C4"], ws["H4"] = "二级指标", "三级指标", "偏差原因分析及改进措施"
    ws["D5"], ws["E5"] = "年度指标值", "全年完成值"
    ws["F5"], ws["G5"] = "分值", "得分"
    for rng in ["A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:G4", "H4:H5"]:
        ws.merge_cells(rng)
    ws.append(["产出指标（100分）", "数量指标", "培训人次", "≥100人次", "120人次", 100, 100, ""])
    ws["A7"], ws["F7"], ws["G7"] = "总分", 100, 100
    wb.save(tmp_path / "h.xlsx")
    project = read_workbook(tmp_path / "h.xlsx").project
    (ind,) = project.indicators
    assert (ind.name.value, ind.name.ref.cell) == ("培训人次", "C6")
    assert (ind.target.value.number, ind.target.ref.cell) == (100, "D6")
    assert (ind.actual.value.number, ind.actual.ref.cell) == (120, "E6")
    assert (ind.weight.value, ind.weight.ref.cell, ind.score.value, ind.score.ref.cell) == (100, "F6", 100, "G6")
    assert project.total_score.ref.cell == "G7"


def test_checkbox_grade_spread_over_cells(seed_path):
    wb = openpyxl.load_workbook(seed_path)
    ws = wb["绩效评价表"]
    ws.unmerge_cells("B32:H32")
    ws["B32"], ws["C32"], ws["D32"], ws["E32"] = "优☑", "良☑", "中□", "差□"
    wb.save(seed_path)
    grade = read_workbook(seed_path).project.grade
    assert grade.checkbox_form and grade.checked == ("优", "良") and grade.value.ref.cell == "B32"


def test_unit_note_above_the_funds_block(seed_path):
    _edit(seed_path, H4="金额单位：元", D6=600000, E6=418300, A5="项目资金")
    total = read_workbook(seed_path).project.funds.total
    assert total.budget.value == pytest.approx(60) and total.spent.value == pytest.approx(41.83)
