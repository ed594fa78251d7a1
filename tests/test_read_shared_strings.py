"""Shared strings: a plain <si><t> is read directly; rich text runs are joined
and phonetic guides (rPh) left out, as before the plain case was a shortcut."""

from __future__ import annotations

import zipfile
from pathlib import Path

import xlsxwriter

from perfeval_xl.read.xlsx import FastSheets

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def test_plain_rich_and_phonetic_strings(tmp_path: Path):
    source = tmp_path / "source.xlsx"
    with xlsxwriter.Workbook(source) as wb:  # xlsxwriter writes shared strings (openpyxl writes them inline)
        ws = wb.add_worksheet("绩效评价表")
        for row, text in enumerate(["项目名称", "占位二", "占位三"]):
            ws.write_string(row, 0, text)
    strings = (
        f'<sst xmlns="{NS}" count="3" uniqueCount="3">'
        "<si><t>项目名称</t></si>"
        "<si><r><rPr><b/></rPr><t>全年</t></r><r><t xml:space=\"preserve\">预算数 </t></r></si>"
        "<si><t>绩效</t><rPh sb=\"0\" eb=\"2\"><t>ジセキ</t></rPh><phoneticPr fontId=\"1\"/></si>"
        "</sst>"
    ).encode()
    target = tmp_path / "target.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        assert "xl/sharedStrings.xml" in src.namelist()
        for info in src.infolist():
            dst.writestr(info, strings if info.filename == "xl/sharedStrings.xml" else src.read(info))
    with FastSheets(target) as sheets:
        grid = sheets.get(sheets.names[0])
    assert [grid.get(r, 1).value for r in (1, 2, 3)] == ["项目名称", "全年预算数 ", "绩效"]
