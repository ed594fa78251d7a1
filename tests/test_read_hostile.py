"""Untrusted workbooks: entity tricks, zip bombs and huge sheets are refused
with a reason, quickly, and nothing they point at is ever read."""

from __future__ import annotations

import time
import zipfile

import pytest

from perfeval_xl.read.workbook import read_workbook
from perfeval_xl.read.xlsx import Limits
from tests.seedform import write_seed_form


def _rewrite(src, dst, replace: dict[str, bytes], add: dict[str, bytes] | None = None):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


@pytest.fixture
def seed(tmp_path):
    return write_seed_form(tmp_path / "seed.xlsx")


SHEET = "xl/worksheets/sheet1.xml"


def _sheet(seed) -> bytes:
    with zipfile.ZipFile(seed) as z:
        return z.read(SHEET)


def _with_entity(seed, prolog: bytes, entity: bytes) -> bytes:
    body = _sheet(seed)
    body = body.split(b"?>", 1)[1] if body.startswith(b"<?xml") else body
    return prolog + body.replace(b"<t>", b"<t>" + entity, 1)


def test_billion_laughs_is_refused_without_expanding(seed, tmp_path):
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode() for i in range(1, 10)
        )
        + b"]>"
    )
    bomb = _rewrite(seed, tmp_path / "lol.xlsx", {SHEET: _with_entity(seed, lol, b"&lol9;")})
    started = time.perf_counter()
    result = read_workbook(bomb)
    assert result.project is None and "DOCTYPE" in result.failure
    assert time.perf_counter() - started < 5


def test_external_entity_is_refused_and_the_file_is_never_read(seed, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    xxe = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>'.encode()
    bad = _rewrite(seed, tmp_path / "xxe.xlsx", {SHEET: _with_entity(seed, xxe, b"&xxe;")})
    result = read_workbook(bad)
    assert result.project is None and "TOP-SECRET" not in (result.failure or "")
    assert "DOCTYPE" in result.failure


def test_zip_bomb_part_is_refused(seed, tmp_path):
    bomb = _rewrite(seed, tmp_path / "bomb.xlsx", {}, add={"xl/media/padding.bin": b"\0" * (50 * 1024 * 1024)})
    # the padding part is never needed, so it must not even be inflated; a needed part that inflates is refused:
    assert read_workbook(bomb).project is not None
    padded = _sheet(seed).replace(b"</worksheet>", b"<!--" + b"x" * (30 * 1024 * 1024) + b"--></worksheet>")
    bomb2 = _rewrite(seed, tmp_path / "bomb2.xlsx", {SHEET: padded})
    result = read_workbook(bomb2)
    assert result.project is None and "压缩炸弹" in result.failure


def test_too_many_rows_is_refused_within_bounds(seed, tmp_path):
    rows = b"".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>'.encode() for i in range(40, 3000))
    big = _rewrite(seed, tmp_path / "rows.xlsx", {SHEET: _sheet(seed).replace(b"</sheetData>", rows + b"</sheetData>")})
    result = read_workbook(big, limits=Limits(max_rows=1000))
    assert result.project is None and "超过 1000 行" in result.failure
    assert read_workbook(big).project is not None  # the default limit is far above a real form


def test_too_many_parts_is_refused(seed, tmp_path):
    many = _rewrite(seed, tmp_path / "many.xlsx", {}, add={f"junk/{i}.xml": b"<a/>" for i in range(50)})
    result = read_workbook(many, limits=Limits(max_entries=40))
    assert result.project is None and "部件" in result.failure


def test_doctype_hidden_behind_a_long_comment_is_still_refused(seed, tmp_path):
    prolog = b'<?xml version="1.0"?><!--' + b"pad" * 5000 + b'--><!DOCTYPE x [<!ENTITY e "boom">]>'
    bad = _rewrite(seed, tmp_path / "late.xlsx", {SHEET: _with_entity(seed, prolog, b"&e;")})
    result = read_workbook(bad)
    assert result.project is None and "DOCTYPE" in result.failure


def test_the_openpyxl_fallback_is_held_to_the_same_limits(seed, tmp_path, monkeypatch):
    """openpyxl may inflate any part, so before falling back to it every part is checked."""
    import perfeval_xl.read.workbook as workbook

    def fast_reader_gives_up(*_args, **_kwargs):
        raise ValueError("unusual part names")

    monkeypatch.setattr(workbook, "FastSheets", fast_reader_gives_up)
    assert read_workbook(seed).project is not None  # the fallback itself works
    bomb = _rewrite(seed, tmp_path / "bomb.xlsx", {}, add={"xl/media/padding.bin": b"\0" * (5 * 1024 * 1024)})
    result = read_workbook(bomb)
    assert result.project is None and "压缩炸弹" in result.failure and "padding.bin" in result.failure
    rows = b"".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>'.encode() for i in range(40, 400))
    tall = _rewrite(seed, tmp_path / "tall.xlsx", {SHEET: _sheet(seed).replace(b"</sheetData>", rows + b"</sheetData>")})
    result = read_workbook(tall, limits=Limits(max_rows=200))
    assert result.project is None and "超过 200 行" in result.failure


@pytest.mark.parametrize(
    "formula, value",
    [("ROUND(1.5,1E+300)", 1.5), ("ROUND(1.5,-400)", 0.0), ("ROUND(123.456,2)", 123.46), ("ROUND(1250,-2)", 1300)],
)
def test_hostile_round_arguments_neither_hang_nor_crash(formula, value):
    from perfeval_xl.read.formula import evaluate

    started = time.perf_counter()
    assert evaluate(formula, lambda *_: None) == pytest.approx(value)
    assert time.perf_counter() - started < 1


def test_formulas_that_cannot_be_computed_are_findings_never_crashes(seed, tmp_path):
    import openpyxl

    path = tmp_path / "formulas.xlsx"
    wb = openpyxl.load_workbook(seed)
    ws = wb.active
    ws["G14"], ws["G15"], ws["G16"] = "=ROUND(3,1E+300)", "=ROUND(2,-400)", "=10^400"
    ws["G17"], ws["G18"], ws["G19"] = "=G17+1", "=SUM(A1:XFD1048576)", "=1/0"
    wb.save(path)  # openpyxl stores no cached values: the reader must compute or report each
    started = time.perf_counter()
    result = read_workbook(path)
    assert result.project is not None, result.failure
    assert time.perf_counter() - started < 5
    scores = {i.score.ref.cell: i.score for i in result.project.indicators}
    assert scores["G14"].value == 3 and scores["G15"].value == 0
    on = {(f.cell, f.rule) for f in result.findings}
    assert {("G16", "READ002"), ("G17", "READ002"), ("G18", "READ002"), ("G19", "READ003")} <= on


def test_a_stray_cell_in_the_last_column_does_not_make_every_row_cost_16384_lookups(tmp_path):
    """A sparse sheet (one cell in column XFD on each of thousands of rows) is a few KB;
    reading must cost what the file holds, not rows × 16,384 columns."""
    seed = write_seed_form(tmp_path / "seed.xlsx", narrative=["一、基本情况", "项目预算60万元。"])
    stray = b"".join(b'<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>' % (i, i) for i in range(40, 3040))
    parts = {}
    with zipfile.ZipFile(seed) as z:
        for name in (SHEET, "xl/worksheets/sheet2.xml"):
            parts[name] = z.read(name).replace(b"</sheetData>", stray + b"</sheetData>")
    wide = _rewrite(seed, tmp_path / "wide.xlsx", parts)
    started = time.perf_counter()
    result = read_workbook(wide)
    assert result.project is not None and len(result.project.narrative) == 2 + 3000
    assert time.perf_counter() - started < 5


def test_a_merge_over_the_whole_sheet_is_ignored_not_expanded(seed, tmp_path):
    """<mergeCell ref="J40:XFD1048576"/> is 17 billion cells in 30 bytes; indexing them never finished."""
    body = _sheet(seed).replace(b'<mergeCell ref="A1:H1"/>', b'<mergeCell ref="A1:H1"/><mergeCell ref="J40:XFD1048576"/>')
    assert body != _sheet(seed)
    bomb = _rewrite(seed, tmp_path / "merge.xlsx", {SHEET: body})
    started = time.perf_counter()
    result = read_workbook(bomb)
    assert result.project is not None and time.perf_counter() - started < 5


def test_too_many_cells_or_merged_cells_are_refused(seed, tmp_path):
    dense = b"".join(
        b'<row r="%d">' % r + b"".join(b'<c r="%s%d"><v>1</v></c>' % (c.encode(), r) for c in "JKLMNOPQRS") + b"</row>"
        for r in range(40, 240)
    )
    many = _rewrite(seed, tmp_path / "dense.xlsx", {SHEET: _sheet(seed).replace(b"</sheetData>", dense + b"</sheetData>")})
    result = read_workbook(many, limits=Limits(max_cells=1500))
    assert result.project is None and "超过 1500 个" in result.failure and "max_cells" in result.failure
    assert read_workbook(many).project is not None
    merges = b"".join(b'<mergeCell ref="J%d:AC%d"/>' % (r, r) for r in range(40, 140))  # 100 merges of 20 cells
    merged = _rewrite(seed, tmp_path / "merged.xlsx", {SHEET: _sheet(seed).replace(b"</mergeCells>", merges + b"</mergeCells>")})
    result = read_workbook(merged, limits=Limits(max_cells=1500))
    assert result.project is None and "合并单元格" in result.failure


@pytest.mark.parametrize(
    "formula, error",
    [
        ("(-8)^(1/3)", "#NUM!"),  # Python: (1.0000000000000002+1.7320508075688772j)
        ("-8^(1/3)", "#NUM!"),  # Excel's unary minus binds before ^
        ("(-1)^0.5*0", "#NUM!"),
        ("ROUND((-8)^(1/3),2)", "#NUM!"),
        ("0^-1", "#DIV/0!"),  # Python raises ZeroDivisionError
        ("0^0", "#NUM!"),
        ("A1*2", "#NUM!"),  # an error in an operand is the result
        ("SUM(A1:A3)", "#NUM!"),  # an error in a range too: a SUM must not skip it
        ("A1&\"x\"", "#NUM!"),
        ("A1>0", "#NUM!"),
    ],
)
def test_what_python_makes_complex_or_cannot_raise_is_an_excel_error(formula, error):
    from perfeval_xl.read.formula import ExcelError, evaluate

    def resolve(_sheet, row, _col):
        return "#NUM!" if row == 1 else 1

    with pytest.raises(ExcelError) as raised:
        evaluate(formula, resolve)
    assert str(raised.value) == error


@pytest.mark.parametrize("formula, value", [("(-8)^3", -512), ("(-2)^-1", -0.5), ("4^0.5", 2), ("IFERROR((-8)^(1/3),7)", 7)])
def test_real_powers_still_compute(formula, value):
    from perfeval_xl.read.formula import evaluate

    assert evaluate(formula, lambda *_: None) == pytest.approx(value)


def test_a_cell_whose_formula_is_an_error_is_reported_on_that_cell(seed, tmp_path):
    import openpyxl

    path = tmp_path / "errors.xlsx"
    wb = openpyxl.load_workbook(seed)
    ws = wb.active
    ws["G16"], ws["G17"] = "=(-8)^(1/3)", "=G16*2"  # scores
    ws["E19"], ws["E20"] = "=(-8)^(1/3)", "=0^-1"  # 全年完成值 (text columns)
    wb.save(path)  # no cached values: the reader computes them
    result = read_workbook(path)
    assert result.project is not None, result.failure
    errors = {f.cell: f for f in result.findings if f.rule == "READ003"}
    assert set(errors) == {"G16", "G17", "E19", "E20"}
    assert errors["G16"].actual == "#NUM!" and "得分" in errors["G16"].message
    assert errors["E19"].actual == "#NUM!" and "(-8)^(1/3)" in errors["E19"].message
    assert errors["E20"].actual == "#DIV/0!"
    assert not [f for f in result.findings if f.rule == "READ002" and f.cell in errors]
