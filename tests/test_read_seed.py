"""The reader on the seed's 评价表, asserting values *and* their cells."""

from __future__ import annotations

import pytest

from perfeval_xl.model import Comparator, QualLevel
from perfeval_xl.read.workbook import read_workbook
from tests.seedform import INDICATORS, NAME, write_seed_form


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    path = write_seed_form(tmp_path_factory.mktemp("seed") / "seed.xlsx", narrative=["一、基本情况", "该项目预算60万元。"])
    result = read_workbook(path)
    assert result.failure is None, result.failure
    return result.project


def cell(s):
    return s.ref.cell if s.ref else None


def test_header_fields_and_cells(seed):
    assert (seed.name.value, cell(seed.name)) == (NAME, "B2")
    assert (seed.department.value, cell(seed.department)) == ("信丰县工信局", "B3")
    assert (seed.implementer.value, cell(seed.implementer)) == ("信丰县工信局", "F3")
    assert (seed.year.value, cell(seed.year)) == (2023, "B4")
    assert (seed.method.value, cell(seed.method)) == ("部门评价", "F4")
    assert cell(seed.title) == "A1" and seed.form_sheet == "绩效评价表"


def test_funds_block(seed):
    total = seed.funds.total
    assert [(s.value, cell(s)) for s in (total.initial, total.budget, total.spent, total.weight, total.score)] == [
        (60, "C6"),
        (60, "D6"),
        (60, "E6"),
        (10, "F6"),
        (10, "H6"),
    ]
    assert total.rate.value == pytest.approx(1.0) and cell(total.rate) == "G6" and total.rate.decimals == 0
    assert seed.funds.fiscal.budget.value == 60 and cell(seed.funds.fiscal.budget) == "D7"
    assert seed.funds.carryover.budget.value is None and cell(seed.funds.carryover.budget) == "D8"
    assert cell(seed.funds.other.label) == "B9"


def test_goals(seed):
    assert seed.goal_expected.value.startswith("县领导春节走访") and cell(seed.goal_expected) == "B11"
    assert seed.goal_actual.value.startswith("为困难企业发放") and cell(seed.goal_actual) == "F11"


def test_all_seventeen_indicators_with_cells(seed):
    assert len(seed.indicators) == 17
    for i, (ind, row) in enumerate(zip(seed.indicators, INDICATORS)):
        r = 14 + i
        assert ind.name.value == row[2] and cell(ind.name) == f"C{r}"
        assert ind.weight.value == row[5] and cell(ind.weight) == f"F{r}"
        assert ind.score.value == row[6] and cell(ind.score) == f"G{r}"
        assert cell(ind.target) == f"D{r}" and cell(ind.actual) == f"E{r}"
        assert cell(ind.deviation) == f"H{r}"


def test_merged_level_labels_carry_down_with_their_own_cell(seed):
    ind = seed.indicators[1]  # 立项程序规范性, inside merges A14:A19 and B14:B15
    assert (ind.level1.value, cell(ind.level1)) == ("项目决策", "A14")
    assert (ind.level1_weight.value, cell(ind.level1_weight)) == (20, "A14")
    assert (ind.level2.value, cell(ind.level2)) == ("项目立项", "B14")
    output = seed.indicators[11]
    assert (output.level1.value, output.level1_weight.value, cell(output.level1)) == ("项目产出", 30, "A25")


def test_measures(seed):
    visits = seed.indicators[11].target.value
    assert (visits.comparator, visits.number, visits.unit) == (Comparator.GE, 20, "家")
    cost = seed.indicators[14].target.value
    assert (cost.comparator, cost.number, cost.unit) == (Comparator.LE, 60, "万元")
    assert seed.indicators[13].actual.value.level is QualLevel.PARTIAL
    assert seed.indicators[13].target.value.number is None
    assert seed.indicators[2].actual.value.level is QualLevel.BASIC


def test_total_and_grade(seed):
    assert (seed.total_weight.value, cell(seed.total_weight)) == (100, "F31")
    assert (seed.total_score.value, cell(seed.total_score)) == (95, "G31")
    assert seed.grade.value.value == "优" and cell(seed.grade.value) == "B32"
    assert seed.grade.checkbox_form and seed.grade.checked == ("优",)


def test_narrative_rows(seed):
    assert [p.text for p in seed.narrative] == ["一、基本情况", "该项目预算60万元。"]
    assert [str(p.ref) for p in seed.narrative] == ["评价报告!A1", "评价报告!A2"]


def test_blank_continued_labels_read_like_merged(tmp_path):
    project = read_workbook(write_seed_form(tmp_path / "blank.xlsx", merged_labels=False)).project
    ind = project.indicators[1]
    assert (ind.level1.value, cell(ind.level1), ind.level2.value, cell(ind.level2)) == ("项目决策", "A14", "项目立项", "B14")
