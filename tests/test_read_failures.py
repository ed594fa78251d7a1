"""Files the reader must refuse with a clear reason, and cells it must report."""

from __future__ import annotations

import openpyxl

from perfeval_xl.read.workbook import read_workbook
from tests.seedform import write_seed_form


def test_garbage_bytes_are_a_failure_not_a_crash(tmp_path):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"this is not a zip")
    result = read_workbook(path)
    assert result.project is None and "已损坏" in result.failure


def test_ole_header_is_reported_as_encrypted_or_xls(tmp_path):
    path = tmp_path / "enc.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert "加密" in read_workbook(path).failure


def test_workbook_without_indicator_table_is_not_a_form(tmp_path):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "会议签到表"
    wb.save(tmp_path / "x.xlsx")
    assert read_workbook(tmp_path / "x.xlsx").failure.startswith("不是绩效评价表")


def test_missing_project_name_names_the_cell(tmp_path):
    path = write_seed_form(tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active["B2"] = None
    wb.save(path)
    failure = read_workbook(path).failure
    assert "缺少项目名称" in failure and "绩效评价表!B2" in failure


def test_formulas_without_cached_values_are_recomputed(tmp_path):
    path = write_seed_form(tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["G6"] = "=E6/D6"
    ws["G6"].number_format = "0.00%"
    ws["G31"] = "=SUM(G14:G30)"
    ws["H6"] = "=MIN(E6/D6,1)*F6"
    wb.save(path)  # openpyxl writes no cached values
    project = read_workbook(path).project
    assert project.funds.total.rate.value == 1.0 and project.funds.total.rate.formula == "E6/D6"
    assert project.funds.total.rate.decimals == 2
    assert project.total_score.value == 95 and project.total_score.ref.cell == "G31"
    assert project.funds.total.score.value == 10


def test_uncomputable_formula_and_garbage_become_findings_on_their_cells(tmp_path):
    path = write_seed_form(tmp_path / "g.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["G31"] = "=VLOOKUP(A1,B1:C2,2,FALSE)"
    ws["E6"] = "约六十"
    ws["H6"] = "#DIV/0!"
    wb.save(path)
    result = read_workbook(path)
    assert result.project is not None
    by_cell = {(f.cell, f.rule) for f in result.findings}
    assert ("G31", "READ002") in by_cell
    assert ("E6", "READ001") in by_cell
    assert ("H6", "READ003") in by_cell
    assert result.project.funds.total.spent.value is None and result.project.funds.total.spent.raw == "约六十"
