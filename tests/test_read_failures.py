"""Files the reader must refuse with a clear reason, and cells it must report."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from perfeval_xl.read.workbook import read_workbook
from tests.hostile_corpus import ole_file
from tests.seedform import write_seed_form


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", ("空文件",)),
        (b"this is not a zip", ("不是 Excel 工作簿", "CSV")),
        ("项目名称,得分\n慰问资金,95\n".encode("gb18030"), ("CSV", "另存为")),
        ("项目名称\t得分\n慰问".encode("utf-8") * 2000, ("CSV",)),  # the 4 KB window may cut a character
        (b"\xef\xbb\xbf<!DOCTYPE html><html><body><table></table>", ("HTML", "另存为")),
        (b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">', ("2003 XML", "另存为")),
        (b"%PDF-1.4\n%\xe2\xe3", ("PDF",)),
        (bytes(range(256)) * 4, ("无法识别",)),
        (ole_file({"EncryptionInfo": b"\4\0" * 40, "EncryptedPackage": b"\x99" * 5000}), ("已加密", "密码")),
        (ole_file({"Workbook": b"\x09\x08" * 100}), ("旧版 .xls", "另存为")),
        (ole_file({"Book": b"\x09\x02" * 100}), ("旧版 .xls",)),
        (ole_file({"WordDocument": b"\xec\xa5" * 100}), ("Word",)),
        (ole_file({"Other": b"x"}), ("旧版 Office",)),
    ],
    ids=["empty", "text", "csv", "long-text", "html", "xml2003", "pdf", "binary", "encrypted", "xls", "xls95", "doc", "ole"],
)
def test_a_file_that_is_not_a_workbook_says_what_it_is(tmp_path, content, words):
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    result = read_workbook(path)
    assert result.project is None
    for word in words:
        assert word in result.failure


def test_zip_cases_say_what_is_wrong(tmp_path):
    seed = write_seed_form(tmp_path / "seed.xlsx")
    data = seed.read_bytes()
    cases = {
        "half.xlsx": (data[: len(data) // 2], "已损坏或不完整"),
        "plain.xlsx": (_zip({"a.txt": b"x"}), "普通压缩包"),
        "docx.xlsx": (_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}), "Word 文档"),
        "ods.xlsx": (_zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}), ".ods"),
        "xlsb.xlsx": (_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.bin": b"\0"}), ".xlsb"),
    }
    for name, (content, words) in cases.items():
        (tmp_path / name).write_bytes(content)
        assert words in read_workbook(tmp_path / name).failure, name


def test_a_workbook_with_a_damaged_part_is_damaged(tmp_path):
    seed = write_seed_form(tmp_path / "seed.xlsx")
    with zipfile.ZipFile(seed) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(damaged, "w", zipfile.ZIP_STORED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    raw = bytearray(damaged.read_bytes())
    at = raw.index(b"<sheetData")
    raw[at : at + 10] = b"\xff" * 10  # same length: the zip stays a zip, the CRC no longer matches
    damaged.write_bytes(bytes(raw))
    failure = read_workbook(damaged).failure
    assert failure.startswith("文件已损坏") and "另存为" in failure


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, content in parts.items():
            z.writestr(name, content)
    return buf.getvalue()


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
