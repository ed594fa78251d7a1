"""Sheets are read from the zip only when needed: the form, the report, and a
sheet a formula on them refers to. A 填表说明 or 封面 sheet nobody needs is
never parsed, so it can neither slow a batch down nor sink a good form."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from perfeval_xl.read.workbook import read_workbook
from perfeval_xl.read.xlsx import FastSheets
from tests.seedform import NAME, write_seed_form


def _with_extra_sheets(tmp_path: Path) -> Path:
    path = write_seed_form(tmp_path / "seed.xlsx")
    wb = openpyxl.load_workbook(path)
    cover = wb.create_sheet("封面", 0)
    cover["B2"] = "信丰县工业和信息化局"
    wb.create_sheet("填表说明")["A1"] = "请按模板填写"
    wb["绩效评价表"]["B3"] = "=封面!B2"  # 主管部门 taken from the cover sheet
    wb.save(path)
    return path


def _sheet_parts(path: Path) -> dict[str, str]:
    with FastSheets(path) as sheets:
        return dict(sheets._parts)


def _replace_part(path: Path, part: str, data: bytes, target: Path) -> Path:
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == part else src.read(info.filename))
    return target


def test_only_the_needed_sheets_are_parsed(tmp_path):
    path = _with_extra_sheets(tmp_path)
    with FastSheets(path) as sheets:
        assert sheets.names == ["封面", "绩效评价表", "填表说明"]
        form = sheets.get("绩效评价表")
        assert form is not None and form.get(2, 2).value == NAME
        assert set(sheets._grids) == {"绩效评价表"}


def test_a_formula_reaches_a_sheet_read_on_demand(tmp_path):
    path = _with_extra_sheets(tmp_path)  # saved by openpyxl: the formula has no cached value
    result = read_workbook(path)
    assert result.failure is None
    assert result.project.department.value == "信丰县工业和信息化局"
    assert result.project.department.formula == "封面!B2"


def test_a_broken_sheet_nobody_needs_does_not_sink_the_form(tmp_path):
    path = _with_extra_sheets(tmp_path)
    broken = _replace_part(path, _sheet_parts(path)["填表说明"], b"<worksheet><sheetData><row>", tmp_path / "broken.xlsx")
    result = read_workbook(broken)
    assert result.failure is None and result.project.name.value == NAME


def test_a_broken_form_sheet_is_still_a_reported_failure(tmp_path):
    path = _with_extra_sheets(tmp_path)
    broken = _replace_part(path, _sheet_parts(path)["绩效评价表"], b"<worksheet><sheetData><row>", tmp_path / "broken.xlsx")
    result = read_workbook(broken)
    assert result.project is None and result.failure


def test_the_fast_reader_reads_every_sample_without_falling_back():
    """A bug in the fast reader would be hidden by the openpyxl fallback (same
    results, ten times slower): every sheet of every sample must load fast."""
    samples = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.xlsx"))
    assert len(samples) >= 10
    for sample in samples:
        with FastSheets(sample) as sheets:
            assert sheets.names, sample.name
            for name in sheets.names:
                assert sheets.get(name) is not None, f"{sample.name}!{name}"
