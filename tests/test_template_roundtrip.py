"""Round trip: blank template → filled by code (openpyxl) → read_workbook → the same
values, at the cells they were written to.

openpyxl drops the formulas' cached values on save, so 执行率, 得分, 总分 and 等次
come back only because the reader recomputes the template's formulas.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from perfeval_xl.read.workbook import read_workbook
from perfeval_xl.outputs.template.blank import write_template
from perfeval_xl.outputs.template.blank_layout import form_layout
from tests.template_fill import SEED_FUNDS, SEED_GOALS, SEED_HEADER, SEED_NARRATIVE, Row, fill_template

SELF_ROWS = (  # one row under every 二级 of the 单位自评 form: no blank rows left between them
    Row("数量指标", "培训人次", "≥200人次", "215人次", 15, 15),
    Row("质量指标", "培训合格率", "≥90%", "85%", 10, 9.44, "原因：部分学员缺考；措施：组织补考。"),
    Row("时效指标", "完成时间", "12月底前", "12月底前", 10, 10),
    Row("成本指标", "培训成本", "≤80万元", "80万元", 15, 15),
    Row("经济效益指标", "带动就业", "≥50人", "50人", 5, 5),
    Row("社会效益指标", "技能水平", "有效提升", "有效提升", 10, 10),
    Row("生态效益指标", "无纸化", "全部符合", "全部符合", 5, 5),
    Row("可持续影响指标", "长效机制", "基本建立", "基本建立", 10, 8, "原因：制度待完善；措施：年内出台办法。"),
    Row("服务对象满意度指标", "学员满意度", "≥95%", "96%", 10, 10),
)
SELF_HEADER = {**SEED_HEADER, "name": "2024年职业技能培训项目", "year": 2024, "method": "单位自评"}
SELF_FUNDS = {"年度资金总额": (100, 100, 80), "其中：当年财政拨款": (100, 100, 80)}


def _read(path: Path):
    result = read_workbook(path)
    assert result.failure is None, result.failure
    return result


def _at(sourced) -> str | None:
    return sourced.ref.cell if sourced.ref else None


def _assert_rows_read_back(project, placed: dict[int, Row], scheme: str) -> None:
    layout = form_layout(scheme)
    assert [ind.row for ind in project.indicators] == sorted(placed)
    for ind in project.indicators:
        row, slot = placed[ind.row], layout.slots[ind.row - 14]
        label, _, weight = slot.level1.partition("（")
        assert (ind.level1.value, ind.level1_weight.value) == (label, float(weight.rstrip("分）")))
        assert ind.level2.value == row.level2
        assert (ind.name.value, _at(ind.name)) == (row.name or slot.name, f"C{ind.row}")
        assert (ind.target.value.text, _at(ind.target)) == (row.target, f"D{ind.row}")
        assert (ind.actual.value.text, _at(ind.actual)) == (row.actual, f"E{ind.row}")
        assert (ind.weight.value, _at(ind.weight)) == (row.weight or slot.weight, f"F{ind.row}")
        assert (ind.score.value, _at(ind.score)) == (row.score, f"G{ind.row}")
        assert (ind.deviation.value, _at(ind.deviation)) == (row.deviation or None, f"H{ind.row}")


def test_department_template_round_trip(tmp_path):
    filled = tmp_path / "filled.xlsx"
    placed = fill_template(write_template(tmp_path / "t.xlsx", "部门评价"), filled)
    result = _read(filled)
    assert result.findings == []
    p = result.project
    assert p.form_sheet == "绩效评价表"
    header = {"name": p.name, "department": p.department, "implementer": p.implementer, "year": p.year,
              "method": p.method}
    assert {k: (v.value, _at(v)) for k, v in header.items()} == {
        "name": (SEED_HEADER["name"], "B2"), "department": (SEED_HEADER["department"], "B3"),
        "implementer": (SEED_HEADER["implementer"], "F3"), "year": (2023, "B4"), "method": ("部门评价", "F4")}
    total, fiscal = p.funds.total, p.funds.fiscal
    for row, (initial, budget, spent), excel_row in ((total, SEED_FUNDS["年度资金总额"], 6),
                                                      (fiscal, SEED_FUNDS["其中：当年财政拨款"], 7)):
        assert [(s.value, _at(s)) for s in (row.initial, row.budget, row.spent)] == [
            (initial, f"C{excel_row}"), (budget, f"D{excel_row}"), (spent, f"E{excel_row}")]
    assert p.funds.carryover.budget.blank and p.funds.other.spent.blank
    # Recomputed from the template's formulas: 60/60 → 100%, 10 points; Σ 得分 95 → 优.
    assert (total.weight.value, total.rate.value, total.score.value) == (10, 1.0, 10)
    assert (_at(total.rate), _at(total.score)) == ("G6", "H6")
    assert (p.goal_expected.value, _at(p.goal_expected)) == (SEED_GOALS[0], "B11")
    assert (p.goal_actual.value, _at(p.goal_actual)) == (SEED_GOALS[1], "F11")
    assert len(p.indicators) == 17
    _assert_rows_read_back(p, placed, "部门评价")
    layout = form_layout("部门评价")
    assert (p.total_weight.value, _at(p.total_weight)) == (100, f"F{layout.total_row}")
    assert (p.total_score.value, _at(p.total_score)) == (95, f"G{layout.total_row}")
    assert (p.grade.value.value, _at(p.grade.value)) == ("优", f"B{layout.grade_row}")
    assert [(par.text, par.ref.cell) for par in p.narrative] == [
        (text, f"A{i}") for i, text in enumerate(SEED_NARRATIVE, start=1)]
    assert p.narrative_sheet == "评价报告"


def test_self_evaluation_template_round_trip(tmp_path):
    filled = tmp_path / "filled.xlsx"
    placed = fill_template(write_template(tmp_path / "t.xlsx", "单位自评"), filled, "单位自评",
                           header=SELF_HEADER, funds=SELF_FUNDS, rows=SELF_ROWS, narrative=())
    result = _read(filled)
    assert result.findings == []
    p = result.project
    assert (p.method.value, p.year.value) == ("单位自评", 2024)
    _assert_rows_read_back(p, placed, "单位自评")
    # 80/100 → 80%, 8 of 10 points, counted in 总分 under 单位自评: 87.44 + 8 = 95.44 → 优.
    assert (p.funds.total.rate.value, p.funds.total.score.value) == (0.8, 8)
    assert p.total_weight.value == 100
    assert p.total_score.value == pytest.approx(95.44)
    assert p.grade.value.value == "优"
    assert p.narrative == ()


def test_values_typed_over_formulas_win(tmp_path):
    # The clerk may overwrite 总分 and pick 等次 from the drop-down; the typed values are what is read.
    filled = tmp_path / "filled.xlsx"
    layout = form_layout("部门评价")
    fill_template(write_template(tmp_path / "t.xlsx"), filled,
                  overrides={f"G{layout.total_row}": 88, f"B{layout.grade_row}": "良"})
    p = _read(filled).project
    assert (p.total_score.value, p.total_score.formula) == (88, None)
    assert p.grade.value.value == "良"


def test_sparse_fill_keeps_indicators_after_unused_slots(tmp_path):
    rows = (SELF_ROWS[0], SELF_ROWS[5], SELF_ROWS[8])  # 数量, 社会效益, 满意度: 5 and 4 blank rows between
    filled = tmp_path / "filled.xlsx"
    placed = fill_template(write_template(tmp_path / "t.xlsx", "单位自评"), filled, "单位自评",
                           header=SELF_HEADER, funds=SELF_FUNDS, rows=rows, narrative=())
    p = _read(filled).project
    assert [ind.row for ind in p.indicators] == sorted(placed)
    assert p.total_score.value == 15 + 10 + 10 + 8
