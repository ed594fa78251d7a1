"""Importing the seed report (.txt, and a .docx built from it) gives the seed's form."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from perfeval_xl.importer import import_report, write_imported
from perfeval_xl.pipeline import evaluate_file
from perfeval_xl.read.workbook import read_workbook
from perfeval_xl.outputs.serialize import to_data
from tests.report_builders import SEED_TXT, seed_body, seed_grid, write_docx
from tests.seedform import INDICATORS, NAME, write_seed_form


def model_data(path: Path) -> dict:
    """The read model minus what names the file or the grade's spacing."""
    read = read_workbook(path)
    assert read.failure is None, read.failure
    data = to_data(read.project)
    data.pop("file")
    data["grade"]["value"]["raw"] = "".join(data["grade"]["value"]["raw"].split())
    return data


@pytest.fixture(scope="module")
def seed_import(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seed_import")
    result = import_report(SEED_TXT)
    assert result.ok, result.failure
    return result, write_imported(result, tmp / "seed.xlsx")


@pytest.fixture(scope="module")
def seed_reference(tmp_path_factory):
    """The seed's 附件 as the reader tests know it, with the seed's body as narrative."""
    return write_seed_form(tmp_path_factory.mktemp("seed_ref") / "ref.xlsx", narrative=seed_body())


def test_the_form_equals_the_seed_attachment_cell_for_cell(seed_import, seed_reference):
    _, workbook = seed_import
    imported, reference = model_data(workbook), model_data(seed_reference)
    assert imported == reference
    form = openpyxl.load_workbook(workbook)["绩效评价表"]
    assert form["B2"].value == NAME and form["B32"].value.startswith("优☑")
    for row, (_, _, name, target, actual, weight, score, _) in enumerate(INDICATORS, start=14):
        assert [form[f"{c}{row}"].value for c in "CDEFG"] == [name, target, actual, weight, score]
    assert (form["F31"].value, form["G31"].value) == (100, 95)


def test_seventeen_indicators_total_95_grade_excellent(seed_import):
    result, workbook = seed_import
    spec = result.spec
    assert len(spec.indicators) == 17 and sum(ind.weight for ind in spec.indicators) == 100
    assert (spec.total_weight, spec.total_score, spec.grade) == (100, 95, "优")
    project = read_workbook(workbook).project
    assert project.total_score.value == 95 and project.grade.value.value == "优"


def test_report_sheet_holds_every_body_paragraph_without_bookmarks(seed_import):
    result, workbook = seed_import
    body = seed_body()
    assert len(body) > 100 and body[0].startswith("工信局2023年") and body[-1] == "无"
    sheet = openpyxl.load_workbook(workbook)["评价报告"]
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == body
    assert not any("bookmark" in text for text in result.spec.narrative)


def test_what_was_not_placed_is_said(seed_import):
    notes = seed_import[0].notes
    # The text repeats the 分值 and 执行率 on the 财政拨款 row; the form scores the total row only.
    assert any("当年财政拨款" in n and "分值" in n for n in notes)
    assert any("评价方式" in n and "部门评价" in n for n in notes)


def test_pipeline_reports_the_seed_known_findings(seed_import, seed_reference):
    _, workbook = seed_import
    found = evaluate_file(workbook, "seed.xlsx")
    expected = evaluate_file(seed_reference, "seed.xlsx")
    key = lambda f: (f.rule, f.severity, f.sheet, f.cell, f.message)  # noqa: E731
    assert [key(f) for f in found.findings] == [key(f) for f in expected.findings]
    rules = {f.rule for f in found.findings}
    assert "XC503" in rules  # 走访慰问时间 部分实现 scored 9 of 10 (band allows at most 7.99)
    assert found.scoring is not None


def test_docx_built_from_the_seed_imports_to_the_same_workbook(seed_import, tmp_path):
    body = seed_body()
    headings = {t for t in body if t[:2] in ("一、", "二、", "三、", "四、", "五、", "六、", "七、")}
    grid = seed_grid(tmp_path)
    assert grid.merges, "the Word table must have merged cells"
    report = write_docx(tmp_path / "seed.docx", body, [grid], headings=headings)
    result = import_report(report)
    assert result.ok, result.failure
    assert result.spec.narrative == body
    workbook = write_imported(result, tmp_path / "from_docx.xlsx")
    assert model_data(workbook) == model_data(seed_import[1])


def test_docx_table_split_across_pages_joins(seed_import, tmp_path):
    grid = seed_grid(tmp_path)
    header = 12  # the 一级指标 … header row (0-based); row 24 (Excel 25) starts 项目产出, no merge crosses it
    for repeat in (None, header):
        pages = grid.split(24, repeat_header_row=repeat)
        report = write_docx(tmp_path / f"split_{repeat}.docx", seed_body(), pages)
        result = import_report(report)
        assert result.ok and len(result.spec.indicators) == 17, result.notes
        assert model_data(write_imported(result, tmp_path / f"split_{repeat}.xlsx")) == model_data(seed_import[1])


def test_input_report_is_never_modified(tmp_path):
    copy = tmp_path / "report.txt"
    copy.write_bytes(SEED_TXT.read_bytes())
    before = copy.read_bytes(), copy.stat().st_mtime_ns
    result = import_report(copy)
    write_imported(result, tmp_path / "report.xlsx")
    assert (copy.read_bytes(), copy.stat().st_mtime_ns) == before
    with pytest.raises(ValueError):
        write_imported(result, copy)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt", "report.xlsx"]  # no temp file left
