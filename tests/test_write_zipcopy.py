"""Parts nobody changed are copied into the completed workbook as their
original compressed bytes; the container we write must still be a zip that
zipfile, openpyxl and Excel accept, whatever the input's entries look like
(non-ASCII names, stored entries, sizes left to a data descriptor)."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest

from perfeval_xl.ooxml.editable import XlsxPackage
from perfeval_xl.ooxml.zipwrite import Entry, ZipTooLarge, zip_bytes
from perfeval_xl.outputs.completed.workbook import write_completed
from tests.write_builders import make_form, make_result

ODD_NAME = "xl/media/图片 一.bin"  # needs the UTF-8 name flag
STORED = "docProps/app.xml"
CHANGED = "docProps/core.xml"


class _Unseekable(io.RawIOBase):
    """A write-only stream zipfile cannot seek back in: it must then use data descriptors."""

    def __init__(self):
        self.buffer = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.buffer += b
        return len(b)


def _input(tmp_path: Path, seekable: bool) -> Path:
    """The form of write_builders, re-zipped with an odd name and a stored part."""
    form = make_form(tmp_path / "form.xlsx")
    stream = io.BytesIO() if seekable else _Unseekable()
    with zipfile.ZipFile(form) as src, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            method = zipfile.ZIP_STORED if info.filename == STORED else zipfile.ZIP_DEFLATED
            dst.writestr(info.filename, src.read(info), compress_type=method)
        dst.writestr(ODD_NAME, bytes(range(256)) * 40)
    path = tmp_path / ("seekable.xlsx" if seekable else "descriptor.xlsx")
    path.write_bytes(stream.getvalue() if seekable else bytes(stream.buffer))
    return path


def _raw(path: Path) -> dict[str, tuple[int, int, bytes]]:
    """name -> (method, CRC, compressed bytes), read from the local headers."""
    data = path.read_bytes()
    out = {}
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            name_len, extra_len = struct.unpack_from("<2H", data, info.header_offset + 26)
            start = info.header_offset + 30 + name_len + extra_len
            out[info.filename] = (info.compress_type, info.CRC, data[start : start + info.compress_size])
    return out


@pytest.mark.parametrize("seekable", [True, False], ids=["plain", "data-descriptor"])
def test_unchanged_parts_are_copied_compressed_and_the_zip_opens(tmp_path, seekable):
    src = _input(tmp_path, seekable)
    with zipfile.ZipFile(src) as z:
        assert all(bool(i.flag_bits & 0x8) != seekable for i in z.infolist())
    package = XlsxPackage(src)
    package.write(CHANGED, b"<changed/>")
    out = tmp_path / "out.xlsx"
    package.save(out)

    before, after = _raw(src), _raw(out)
    assert list(after)[0] == "[Content_Types].xml"
    assert before.keys() == after.keys()
    copied = set(before) - {CHANGED, "[Content_Types].xml", "xl/workbook.xml"}
    assert {ODD_NAME, STORED} <= copied
    for name in copied:
        assert after[name] == before[name], name
    assert after[STORED][0] == zipfile.ZIP_STORED
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None
        assert z.read(CHANGED) == b"<changed/>"
        assert z.read(ODD_NAME) == bytes(range(256)) * 40
        assert z.getinfo(ODD_NAME).flag_bits & 0x800 and not z.getinfo(STORED).flag_bits & 0x808
    openpyxl.load_workbook(out)


@pytest.mark.parametrize("seekable", [True, False], ids=["plain", "data-descriptor"])
def test_a_completed_copy_of_such_an_input_opens(tmp_path, seekable):
    out = tmp_path / "out" / "done.xlsx"
    write_completed(_input(tmp_path, seekable), out, make_result())
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None and ODD_NAME in z.namelist()
    assert "核查结果" in openpyxl.load_workbook(out).sheetnames


def test_sizes_that_need_zip64_are_refused_not_written_wrong():
    huge = Entry("big.bin", b"", zipfile.ZIP_DEFLATED, 0, size=0xFFFFFFFF)
    with pytest.raises(ZipTooLarge):
        zip_bytes([huge])


def test_relationships_are_serialised_once_but_read_back_current(tmp_path):
    package = XlsxPackage(_input(tmp_path, seekable=True))
    rels = package.workbook_rels
    calls = []
    render = rels._render
    rels._render = lambda: calls.append(1) or render()
    rels.add("urn:example/a", "xl/a.xml")
    rels.add("urn:example/b", "xl/b.xml")
    assert calls == []  # nothing serialised per add
    current = package.read(rels.path)
    assert b'Target="a.xml"' in current and b'Target="b.xml"' in current
    package.save(tmp_path / "out.xlsx")
    assert calls == [1]
    with zipfile.ZipFile(tmp_path / "out.xlsx") as z:
        assert z.read(rels.path) == current


def test_crc_of_two_pieces_joined_is_the_crc_of_the_whole():
    import os
    import random
    import zlib

    from perfeval_xl.ooxml.zipwrite import crc32_joined

    rng = random.Random(7)
    for size in (0, 1, 3, 65535, 65536, 65537, 300_001):
        a, b = os.urandom(rng.randrange(0, 500)), os.urandom(size)
        assert crc32_joined(zlib.crc32(a), zlib.crc32(b), len(b)) == zlib.crc32(a + b), size


def test_a_piece_compressed_apart_reads_back_inside_its_entry():
    from perfeval_xl.ooxml.zipwrite import deflated_around, deflated_piece

    rows = ["<row>行一</row>" * 3000, "", "<row>" + "x" * 70000 + "</row>"]
    entry = deflated_around("xl/worksheets/sheet4.xml", "<sheetData>".encode(), deflated_piece(rows), "</sheetData>".encode())
    with zipfile.ZipFile(io.BytesIO(zip_bytes([entry]))) as zf:
        assert zf.testzip() is None  # the CRC checks out
        assert zf.read("xl/worksheets/sheet4.xml").decode() == "<sheetData>" + "".join(rows) + "</sheetData>"
