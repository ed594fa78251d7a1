"""The completed workbook: the clerk's file kept as written, plus marks, notes,
computed values and the two added sheets."""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from python_calamine import CalamineWorkbook

from perfeval_xl.ooxml.editable import XlsxPackage
from perfeval_xl.outputs.completed._sheet import SheetPatch
from perfeval_xl.outputs.completed.workbook import FINDINGS_SHEET, KEPT_BLANK, SCORING_SHEET, completed_name, write_completed
from perfeval_xl.findings import FileResult
from tests.hostile_corpus import rewrite_zip
from tests.write_builders import F, CLERK_NOTE, FORM, INJECTED, REPORT, make_form, make_result

RED, AMBER = "FFFFC7CE", "FFFFEB9C"


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("completed")
    src = make_form(folder / "in.xlsx")
    os.utime(src, (1_600_000_000, 1_600_000_000))  # a known mtime to compare with
    before = src.read_bytes()
    out = folder / "out" / "in_核查.xlsx"
    write_completed(src, out, make_result())
    return src, before, out


@pytest.fixture(scope="module")
def wb(made):
    return openpyxl.load_workbook(made[2])


def test_input_is_never_touched(made):
    src, before, _ = made
    assert src.read_bytes() == before
    assert src.stat().st_mtime == 1_600_000_000


def test_no_temporary_file_is_left_behind(made):
    assert [p.name for p in made[2].parent.iterdir()] == [made[2].name]


def test_everything_the_clerk_wrote_is_kept(made, wb):
    original = openpyxl.load_workbook(made[0])
    filled = {"G6", "H6", "G11", "G12", "B13"}  # blank cells the program fills
    for ws in original:
        copy = wb[ws.title]
        for row in ws.iter_rows():
            for c in row:
                if c.coordinate not in filled:
                    assert copy[c.coordinate].value == c.value, (ws.title, c.coordinate)
        assert {str(r) for r in copy.merged_cells.ranges} == {str(r) for r in ws.merged_cells.ranges}
    form = wb[FORM]
    assert form["F12"].value == "=SUM(F9:F11)"  # the clerk's formula stays a formula
    assert form["A1"].fill.fgColor.rgb == "FFFFFF00" and form["A1"].font.b and form["A1"].font.sz == 14
    assert form.column_dimensions["C"].width == 24
    assert wb.sheetnames == [FORM, REPORT, FINDINGS_SHEET, SCORING_SHEET]


def test_added_sheets_print_with_their_header_row_repeated(wb):
    for name in (FINDINGS_SHEET, SCORING_SHEET):
        ws = wb[name]
        assert ws.print_title_rows == "$2:$2"
        assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage


def test_untouched_parts_are_copied_byte_for_byte(made):
    with zipfile.ZipFile(made[0]) as a, zipfile.ZipFile(made[2]) as b:
        for part in ("xl/theme/theme1.xml", "docProps/core.xml", "docProps/app.xml"):
            assert a.read(part) == b.read(part)


def test_every_xml_part_is_well_formed(made):
    with zipfile.ZipFile(made[2]) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels", ".vml")):
                etree.fromstring(z.read(name))


def test_flagged_cells_are_filled_by_severity_with_notes(wb):
    form = wb[FORM]
    assert form["G10"].fill.fgColor.rgb == RED
    assert "XC501" in form["G10"].comment.text and "应为：2.79" in form["G10"].comment.text and "实为：4" in form["G10"].comment.text
    # C2 lies inside the merged B2:H2: the mark lands on B2, below the clerk's own note
    assert form["B2"].fill.fgColor.rgb == AMBER
    assert form["B2"].comment.text.startswith(CLERK_NOTE) and "XC201" in form["B2"].comment.text
    # info: a note, no fill (A1 keeps the clerk's yellow)
    assert form["A1"].fill.fgColor.rgb == "FFFFFF00" and "XC001" in form["A1"].comment.text
    assert "XC601" in wb[REPORT]["A2"].comment.text


def test_blank_cells_get_computed_values_marked_as_computed(wb):
    form = wb[FORM]
    expected = {"G6": 41.83 / 60, "H6": 6.97, "G11": 7, "G12": 12.79, "B13": "差"}
    for ref, value in expected.items():
        cell = form[ref]
        assert cell.value == pytest.approx(value, abs=1e-6) if isinstance(value, float) else cell.value == value
        assert cell.font.i and cell.font.color.rgb == "FF0070C0", ref
        assert "由程序计算" in cell.comment.text, ref
    assert form["G6"].number_format == "0.00%"
    assert "69.72%" in form["G6"].comment.text


def _links(ws):
    return [(c.coordinate, c.hyperlink.location) for row in ws.iter_rows() for c in row if c.hyperlink]


def test_links_jump_to_existing_sheets_and_cells(wb):
    links = _links(wb[FINDINGS_SHEET]) + _links(wb[SCORING_SHEET])
    assert len(links) >= 10
    for _, location in links:
        m = re.fullmatch(r"'((?:[^']|'')+)'!([A-Z]+[0-9]+)", location)
        assert m, location
        assert m.group(1).replace("''", "'") in wb.sheetnames
    findings = {wb[FINDINGS_SHEET][ref].value: loc for ref, loc in _links(wb[FINDINGS_SHEET])}
    assert findings["绩效评价表!C2"] == "'绩效评价表'!B2"  # the visible cell of the merge
    assert "不存在!Z99" not in findings  # a sheet that is not in the workbook gets no dead link


def test_findings_sheet_lists_every_finding_as_text(made, wb):
    ws = wb[FINDINGS_SHEET]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == len(make_result().findings)
    assert [r[1] for r in rows] == ["错误", "错误", "警告", "警告", "警告", "提示"]
    injected = next(c for row in ws.iter_rows() for c in row if c.value == INJECTED)
    assert injected.data_type == "s"
    values = CalamineWorkbook.from_path(str(made[2])).get_sheet_by_name(FINDINGS_SHEET).to_python()
    assert any(INJECTED in row for row in values)


def test_scoring_sheet_formulas_carry_their_values(made):
    with zipfile.ZipFile(made[2]) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet") and n not in ("xl/worksheets/sheet1.xml",)]
        for name in sheets:
            root = etree.fromstring(z.read(name))
            for c in root.iter("{*}c"):
                if c.find("{*}f") is not None:
                    assert c.find("{*}v") is not None and c.find("{*}v").text, (name, c.get("r"))
    rows = CalamineWorkbook.from_path(str(made[2])).get_sheet_by_name(SCORING_SHEET).to_python()
    by_name = {r[3]: r for r in rows}
    assert by_name["预算执行率"][9] == pytest.approx(-1.21)
    assert by_name["三级指标得分合计"][6:10] == [17, 7, 12.79, pytest.approx(5.79)]
    assert by_name["评价等次"][8] == "差"


def test_xlsm_gives_a_macro_free_xlsx(tmp_path):
    src = make_form(tmp_path / "plain.xlsx")
    xlsm = tmp_path / "m.xlsm"
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(xlsm, "w") as b:
        for item in a.infolist():
            data = a.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"spreadsheetml.sheet.main+xml", b"spreadsheetml.sheet.main+xml").replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
                ).replace(b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            if item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')
            b.writestr(item, data)
        b.writestr("xl/vbaProject.bin", b"fake macro code")
        b.writestr("xl/_rels/vbaProject.bin.rels", b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProjectSignature" Target="vbaProjectSignature.bin"/></Relationships>')
        b.writestr("xl/vbaProjectSignature.bin", b"fake signature")
    out = tmp_path / completed_name("m.xlsm")
    write_completed(xlsm, out, make_result())
    assert out.name == "m_xlsm_核查.xlsx"  # distinct from the copy of a sibling m.xlsx
    with zipfile.ZipFile(out) as z:
        assert not [n for n in z.namelist() if "vbaProject" in n]
        assert b"macroEnabled" not in z.read("[Content_Types].xml")
        assert b"vbaProject" not in z.read("xl/_rels/workbook.xml.rels")
    assert FINDINGS_SHEET in openpyxl.load_workbook(out).sheetnames


def test_a_sheet_the_clerk_already_named_like_ours_is_not_replaced(tmp_path):
    src = make_form(tmp_path / "in.xlsx")
    wb = openpyxl.load_workbook(src)
    wb.create_sheet(FINDINGS_SHEET)["A1"] = "clerk's own"
    wb.save(src)
    out = tmp_path / "out.xlsx"
    write_completed(src, out, make_result())
    copy = openpyxl.load_workbook(out)
    assert copy[FINDINGS_SHEET]["A1"].value == "clerk's own"
    assert f"{FINDINGS_SHEET}(2)" in copy.sheetnames


def test_a_file_without_scoring_still_gets_its_findings(tmp_path):
    src = make_form(tmp_path / "in.xlsx")
    result = make_result()
    result.scoring = None
    out = tmp_path / "out.xlsx"
    write_completed(src, out, result)
    wb = openpyxl.load_workbook(out)
    assert "未能核定" in wb[SCORING_SHEET]["A1"].value
    assert wb[FORM]["G12"].value is None  # nothing to fill without a 核定 score
    assert wb[FORM]["G6"].value == pytest.approx(41.83 / 60)  # 执行率 needs only A and B


def test_rewriting_replaces_the_previous_output(made, tmp_path):
    out = tmp_path / "again.xlsx"
    shutil.copy(made[2], out)
    write_completed(made[0], out, make_result())
    assert openpyxl.load_workbook(out).sheetnames.count(FINDINGS_SHEET) == 1


TEMPLATES = Path(__file__).resolve().parent.parent / "input_templates"


@pytest.mark.skipif(not any(TEMPLATES.glob("*.xlsx")), reason="no shipped templates")
def test_shipped_template_keeps_validations_and_protection(tmp_path):
    """A workbook written by another tool (xlsxwriter: shared strings, data
    validation, sheet protection, defined names) survives the patching."""
    src = sorted(TEMPLATES.glob("*.xlsx"))[0]
    out = tmp_path / "t.xlsx"
    write_completed(src, out, make_result())
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(out) as b:
        before, after = a.read("xl/worksheets/sheet1.xml"), b.read("xl/worksheets/sheet1.xml")
        for element in (b"<dataValidations", b"<sheetProtection", b"<mergeCells"):
            assert (element in before) == (element in after), element
        assert a.read("xl/sharedStrings.xml") == b.read("xl/sharedStrings.xml")
        for name in b.namelist():
            if name.endswith((".xml", ".rels", ".vml")):
                etree.fromstring(b.read(name))
    form = openpyxl.load_workbook(out)[FORM]
    merged = next((m for m in form.merged_cells.ranges if "G10" in m), None)
    shown = form.cell(merged.min_row, merged.min_col) if merged else form["G10"]  # the template merges here
    assert shown.fill.fgColor.rgb == RED and "XC501" in shown.comment.text


def test_rows_and_cells_without_addresses_are_patched_in_place(tmp_path):
    """``r`` is optional on rows and cells (they then follow one another);
    some generators leave it out, and cells must still be found by address."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = FORM
    for row in range(1, 4):
        ws.append([f"{col}{row}" for col in "ABC"])
    src = tmp_path / "in.xlsx"
    wb.save(src)
    stripped = tmp_path / "noaddr.xlsx"
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(stripped, "w") as b:
        for item in a.infolist():
            data = a.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'(<(?:row|c)\b[^>]*?) r="[A-Z]*\d+"', rb"\1", data)
                assert b' r="' not in data.split(b"<sheetData>")[1]
            b.writestr(item, data)
    out = tmp_path / "out.xlsx"
    write_completed(stripped, out, FileResult("x.xlsx", findings=[F("XC501", "error", "B2"), F("XC201", "warning", "C3")]))
    form = openpyxl.load_workbook(out)[FORM]
    assert [[c.value for c in row] for row in form.iter_rows(max_row=3)] == [[f"{c}{r}" for c in "ABC"] for r in range(1, 4)]
    assert form["B2"].fill.fgColor.rgb == RED and form["C3"].fill.fgColor.rgb == AMBER


def test_a_finding_with_an_unusable_cell_address_is_listed_but_not_placed(tmp_path):
    src = make_form(tmp_path / "in.xlsx")
    result = make_result()
    result.findings = [F("XC501", "error", "第10行"), F("XC502", "error", "G10")]
    out = tmp_path / "out.xlsx"
    write_completed(src, out, result)
    wb = openpyxl.load_workbook(out)
    assert [r[2] for r in wb[FINDINGS_SHEET].iter_rows(min_row=3, values_only=True)] == ["XC501", "XC502"]
    assert wb[FORM]["G10"].fill.fgColor.rgb == RED


def test_a_blank_cell_read_by_the_clerks_formulas_is_not_filled(tmp_path):
    """Filling G11 would change what =SUM(G9:G11) in G12 shows once Excel recalculates."""
    src = make_form(tmp_path / "in.xlsx")
    wb = openpyxl.load_workbook(src)
    wb[FORM]["G12"] = "=SUM(G9:G11)"
    wb.save(src)
    out = tmp_path / "out.xlsx"
    write_completed(src, out, make_result())
    form = openpyxl.load_workbook(out)[FORM]
    assert form["G11"].value is None and KEPT_BLANK in form["G11"].comment.text
    assert "核定得分 7" in form["G11"].comment.text
    assert form["G12"].value == "=SUM(G9:G11)"  # the clerk's formula stays, unfilled
    assert form["G6"].value == pytest.approx(41.83 / 60)  # not read by any formula: filled


def test_formula_inputs_reads_this_sheets_references_only(tmp_path):
    src = make_form(tmp_path / "in.xlsx")
    wb = openpyxl.load_workbook(src)
    ws = wb[FORM]
    ws["J1"] = '=SUM(B5:C6)+评价报告!Z9+\'绩效评价表\'!$D$20+LEN("A1")'
    ws["J2"] = "=SUM(K:K)"
    wb.save(src)
    package = XlsxPackage(src)
    areas = SheetPatch(package, package.sheets()[FORM]).formula_inputs(FORM)
    assert (2, 5, 3, 6) in areas and (4, 20, 4, 20) in areas and (11, 1, 11, 1_048_576) in areas
    assert (26, 9, 26, 9) not in areas  # another sheet's cell
    assert (1, 1, 1, 1) not in areas  # text inside a string literal


def test_same_name_xlsx_and_xlsm_get_distinct_copies():
    assert completed_name("子/x.xlsx") == "子/x_核查.xlsx"
    assert completed_name("子/x.xlsm") == "子/x_xlsm_核查.xlsx"


def test_non_numbers_in_numeric_cells_are_kept_as_text_so_the_copy_opens(tmp_path):
    """Some export tools write <v>nan</v> or <v>inf</v>; Excel would offer a repair and openpyxl refuses the file."""
    from perfeval_xl.pipeline import evaluate_file
    from perfeval_xl.outputs.completed.workbook import write_completed
    from tests.hostile_corpus import garbage_form

    src = garbage_form(tmp_path / "乱填.xlsx")
    with pytest.raises(ValueError):
        openpyxl.load_workbook(src)  # the input itself is unreadable to openpyxl
    result = evaluate_file(src, src.name)
    out = tmp_path / "out.xlsx"
    write_completed(src, out, result)
    ws = openpyxl.load_workbook(out)["绩效评价表"]
    assert (ws["G18"].value, ws["G19"].value, ws["F20"].value) == ("nan", "inf", "-inf")
    assert ws["E7"].value == 1e308 and ws["E6"].value == "约六十"  # valid cells untouched


def test_a_written_copy_is_freed_without_the_garbage_collector(tmp_path, monkeypatch):
    """A reference cycle through the package kept each copy's parts and parsed
    trees alive until the cycle collector ran (with the young generation collected
    every 50,000 allocations, a run over 2,500 files peaked 36 MB higher)."""
    import gc
    import weakref

    packages: list[weakref.ref] = []
    original_init = XlsxPackage.__init__

    def remembering_init(self, path, *args, **kwargs):
        original_init(self, path, *args, **kwargs)
        packages.append(weakref.ref(self))

    monkeypatch.setattr(XlsxPackage, "__init__", remembering_init)
    src = make_form(tmp_path / "in.xlsx")
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        write_completed(src, tmp_path / "out.xlsx", make_result())
        assert packages, "the copy was written through XlsxPackage"
        assert [ref() for ref in packages] == [None] * len(packages)
    finally:
        if was_enabled:
            gc.enable()


# -- parts only the copy reads: damaged, missing, or beyond the limits ---------

COMMENTS_PART = "xl/comments/comment1.xml"  # where openpyxl put the clerk's note of make_form


def test_a_comments_part_without_its_lists_still_takes_our_notes(tmp_path):
    src = make_form(tmp_path / "in.xlsx")
    bare = rewrite_zip(src, tmp_path / "bare.xlsx", {COMMENTS_PART: b'<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'})
    out = tmp_path / "out.xlsx"
    write_completed(bare, out, make_result())
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read(COMMENTS_PART))
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    assert [etree.QName(c).localname for c in root] == ["authors", "commentList"]  # schema order
    assert root.find(f"{ns}authors/{ns}author").text == "perfeval 核查"
    assert len(root.findall(f"{ns}commentList/{ns}comment")) >= 1


@pytest.mark.parametrize(
    "damage, words",
    [
        ({"drop": ("[Content_Types].xml",)}, ("[Content_Types].xml", "缺失")),
        ({"replace": {"xl/worksheets/_rels/sheet1.xml.rels": b"<Relationships"}}, ("sheet1.xml.rels", "已损坏")),
        ({"replace": {COMMENTS_PART: b""}}, (COMMENTS_PART, "已损坏")),
    ],
)
def test_a_damaged_part_the_copy_must_edit_is_named_and_nothing_is_written(tmp_path, damage, words):
    from perfeval_xl.ooxml.editable import PartUnusable

    damaged = rewrite_zip(make_form(tmp_path / "in.xlsx"), tmp_path / "damaged.xlsx", **damage)
    out = tmp_path / "out" / "out.xlsx"
    with pytest.raises(PartUnusable) as unusable:
        write_completed(damaged, out, make_result())
    assert all(word in unusable.value.reason for word in words)
    assert not out.parent.exists() or not list(out.parent.iterdir())


def test_a_part_beyond_the_limits_refuses_the_copy_before_writing_anything(tmp_path):
    from perfeval_xl.ooxml.package import Limits, WorkbookRefused
    from tests.hostile_corpus import padded_part

    src = make_form(tmp_path / "in.xlsx")
    with zipfile.ZipFile(src) as z:
        vml = next(n for n in z.namelist() if n.endswith(".vml"))
    bomb = padded_part(src, tmp_path / "bomb.xlsx", vml, pad=8 * 1024 * 1024)
    out = tmp_path / "out" / "out.xlsx"
    with pytest.raises(WorkbookRefused) as refused:
        write_completed(bomb, out, make_result(), Limits(max_part_bytes=4 * 1024 * 1024))
    assert vml in refused.value.reason and "max_part_mb" in refused.value.reason
    assert not out.parent.exists() or not list(out.parent.iterdir())
