"""The layout-variant writer, checked without the reader: every expected cell,
read back with openpyxl, must hold a spelling of the expected value."""

from __future__ import annotations

import datetime as dt
import random

import openpyxl
import pytest

from tests.support.synth.canon import is_approximate, number_of, parse_measure, split_level1
from perfeval_xl.outputs.template.layout import LayoutOptions
from tests.support.synth.variants import random_layout, random_spec
from tests.support.synth.writer import write_project


def _means(path: str, raw, number_format: str, expected) -> bool:
    """Does the written cell content stand for the expected value?"""
    if isinstance(raw, str) and raw.startswith("="):
        return True  # formulas are checked separately
    if expected is None:
        return raw is None or (isinstance(raw, str) and not raw.strip()) or path.endswith("level1_weight")
    if path.endswith(".approximate"):
        return is_approximate(raw) == expected
    if isinstance(expected, dt.date):  # a date cell, formatted as a date
        return isinstance(raw, dt.datetime) and raw.date() == expected and "d" in number_format
    if path.endswith(".level1"):
        return split_level1(raw)[0] == expected
    if path.endswith(".level1_weight"):
        return split_level1(raw)[1] == expected
    if path.endswith((".target", ".actual")):
        if isinstance(raw, (int, float)):  # a bare figure written as a number cell
            got = ("", raw * 100, "%") if "%" in number_format else ("", raw, None)
            return (expected[0], expected[2]) == (got[0], got[2]) and abs(expected[1] - got[1]) < 1e-9
        return parse_measure(raw) == expected
    if path == "year" and isinstance(raw, str) and raw.startswith(f"{expected}年"):
        return True  # no 评价年度 row: the year stands in the title
    if isinstance(expected, float) or path == "year":
        if path.endswith(".rate"):
            if isinstance(raw, (int, float)):  # a % format, or bare percentage points
                return abs((raw if "%" in number_format else raw / 100) - expected) < 1e-9
            return abs(number_of(raw, percent=True) - expected) < 1e-9
        got = number_of(raw)
        return got is not None and abs(got - expected) < 1e-6
    if path == "grade.value":
        return raw == expected or f"{expected}☑" in raw
    if path.startswith("narrative"):
        return expected in raw.split("\n")
    return raw.strip() == expected


@pytest.mark.parametrize("seed", range(60))
def test_every_expected_cell_holds_its_value(tmp_path, seed):
    rng = random.Random(seed)
    spec, layout = random_spec(rng), random_layout(rng)
    target = tmp_path / "v.xlsx"
    expected = write_project(spec, layout, target)
    wb = openpyxl.load_workbook(target)
    # money written in 元 must be read as 万元: scale written numbers back.
    for path, want in expected.items():
        if want.cell is None:
            continue
        cell = wb[want.sheet][want.cell]
        raw = cell.value
        if (layout.money_unit == "元_block" and path.startswith("funds.")
                and path.rsplit(".", 1)[1] in ("initial", "budget", "spent") and raw is not None
                and not str(raw).startswith("=")):
            raw = number_of(raw) / 10000 if not isinstance(raw, str) or "元" not in raw else raw
        assert _means(path, raw, cell.number_format, want.value), (layout.describe(), path, raw, want)


def test_defaults_follow_the_contract_illustration(tmp_path):
    rng = random.Random(3)
    spec = random_spec(rng)
    expected = write_project(spec, LayoutOptions(), tmp_path / "d.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "d.xlsx")["绩效评价表"]
    assert ws["A2"].value == "项目名称："
    assert expected["name"].cell == "B2"
    assert ws["A5"].value == "项目资金（万元）"
    assert ws["D5"].value == "全年预算数（A）" and ws["E5"].value == "全年执行数（B）"
    assert expected["funds.total.budget"].cell == "D6"
    assert "A5:A9" in {str(r) for r in ws.merged_cells.ranges}
    assert ws[expected["grade.value"].cell].value.count("☑") == 1


def test_formulas_have_no_cached_value_and_point_at_the_right_cells(tmp_path):
    spec = random_spec(random.Random(5))
    layout = LayoutOptions(formulas=True)
    expected = write_project(spec, layout, tmp_path / "f.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "f.xlsx")["绩效评价表"]
    assert ws["G6"].value == "=E6/D6"
    total = ws[expected["total_score"].cell].value
    first, last = expected["indicators[0].score"].cell, expected[f"indicators[{len(spec.indicators) - 1}].score"].cell
    assert total == f"=SUM({first}:{last})"
    assert expected["total_score"].value == pytest.approx(sum(i.score for i in spec.indicators))
    cached = openpyxl.load_workbook(tmp_path / "f.xlsx", data_only=True)["绩效评价表"]
    assert cached["G6"].value is None  # never opened in Excel: no cached result


def test_blank_continued_labels_leave_blanks_and_point_at_the_first_row(tmp_path):
    spec = random_spec(random.Random(7))
    expected = write_project(spec, LayoutOptions(level_labels="blank"), tmp_path / "b.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "b.xlsx")["绩效评价表"]
    assert not ws.merged_cells.ranges or all(r.min_row == r.max_row for r in ws.merged_cells.ranges)
    second = expected["indicators[1].name"].cell
    assert expected["indicators[1].level1"].cell != "A" + second[1:]
    assert ws["A" + second[1:]].value is None


def test_text_typed_like_a_formula_stays_text(tmp_path):
    spec = random_spec(random.Random(11))
    spec.indicators[0].target = "=5元"
    expected = write_project(spec, LayoutOptions(), tmp_path / "t.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "t.xlsx")["绩效评价表"][expected["indicators[0].target"].cell]
    assert cell.data_type == "s" and cell.value == "=5元"
    assert expected["indicators[0].target"].value == ("=", 5.0, "元")


def test_money_in_yuan_and_other_sheet_names(tmp_path):
    spec = random_spec(random.Random(13))
    layout = LayoutOptions(money_unit="元_block", form_sheet_name="附件1", sheets_before=2,
                           instructions_sheet="before", narrative_sheet="报告正文", narrative_style="one_cell")
    expected = write_project(spec, layout, tmp_path / "y.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "y.xlsx")
    assert wb.sheetnames == ["封面", "目录", "填表说明", "附件1", "报告正文"]
    ws = wb["附件1"]
    assert ws[expected["funds.total.budget"].cell].value == pytest.approx(spec.funds["total"].budget * 10000)
    assert "（元）" in ws["A5"].value
    assert {e.cell for p, e in expected.items() if p.startswith("narrative")} == {"A1"}


def test_random_specs_are_consistent():
    sizes = set()
    for seed in range(200):
        spec = random_spec(random.Random(seed))
        assert 5 <= len(spec.indicators) <= 25
        sizes.add(len(spec.indicators))
        assert len({ind.name for ind in spec.indicators}) == len(spec.indicators)
        groups: dict[str, float] = {}
        for ind in spec.indicators:
            groups[ind.level1] = groups.get(ind.level1, 0) + ind.weight
            assert 0 <= ind.score <= ind.weight
            target, actual = parse_measure(ind.target), parse_measure(ind.actual)
            if isinstance(target, tuple) and isinstance(actual, tuple) and target[1] > 0:
                assert actual[1] < 1.3 * target[1] or ind.deviation, (ind.name, ind.target, ind.actual)
        assert all(split_level1(label)[1] == weight for label, weight in groups.items())
        funds = spec.funds["total"]
        assert number_of(funds.rate, percent=True) == pytest.approx(round(funds.spent / funds.budget, 4))
        parts = [spec.funds[k] for k in ("fiscal", "carryover", "other")]
        assert sum(p.budget or 0 for p in parts) == pytest.approx(funds.budget)
        assert sum(p.spent or 0 for p in parts) == pytest.approx(funds.spent)
        extra = funds.score if spec.method == "单位自评" else 0
        assert spec.total_score == pytest.approx(sum(i.score for i in spec.indicators) + extra)
    assert min(sizes) <= 8 and max(sizes) >= 20  # small and big forms both occur


def test_sum_formulas_replace_the_total_money_cells(tmp_path):
    spec = random_spec(random.Random(5))
    expected = write_project(spec, LayoutOptions(sum_formulas=True), tmp_path / "s.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx")["绩效评价表"]
    assert ws["D6"].value == "=SUM(D7:D9)"
    assert expected["funds.total.budget"].value == pytest.approx(number_of(spec.funds["total"].budget))


def test_numeric_measures_and_spaced_narrative(tmp_path):
    spec = random_spec(random.Random(2))
    spec.indicators[0].actual = "100%"
    layout = LayoutOptions(measure_numbers="numeric", narrative_style="rows_spaced")
    expected = write_project(spec, layout, tmp_path / "m.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "m.xlsx")
    cell = wb["绩效评价表"][expected["indicators[0].actual"].cell]
    assert (cell.value, cell.number_format) == (1.0, "0%")
    assert [expected[f"narrative[{i}]"].cell for i in range(3)] == ["A1", "A3", "A5"]
    assert wb["评价报告"]["A2"].value is None


def test_blank_other_funds_rows_may_be_left_out(tmp_path):
    spec = random_spec(random.Random(4))
    spec.funds["carryover"] = spec.funds["other"] = type(spec.funds["other"])()
    expected = write_project(spec, LayoutOptions(funds_rows="total_fiscal"), tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["绩效评价表"]
    labels = [ws.cell(row=r, column=2).value for r in range(6, 10)]
    assert "上年结转资金" not in labels and "其他资金" not in labels
    assert expected["funds.carryover.budget"].cell is None
    assert expected["goal_expected"].cell == "B9"  # the goals block moved up two rows


def test_header_fields_one_per_row_and_mixed_labels(tmp_path):
    spec = random_spec(random.Random(6))
    layout = LayoutOptions(header_one_per_row=True, header_label_span=2, level_labels="mixed")
    expected = write_project(spec, layout, tmp_path / "h.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "h.xlsx")["绩效评价表"]
    assert [expected[p].cell for p in ("name", "department", "implementer", "year", "method")] == \
        ["C2", "C3", "C4", "C5", "C6"]
    assert "A2:B2" in {str(r) for r in ws.merged_cells.ranges}
    level2_merges = [r for r in ws.merged_cells.ranges if r.min_col == 2 and r.max_row > r.min_row]
    assert level2_merges == []
