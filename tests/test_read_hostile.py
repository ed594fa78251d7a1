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
