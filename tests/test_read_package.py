"""The one package layer: parts are inflated from the file's bytes without
zipfile.open, the content must be what zipfile reads, a damaged part must fail
as zipfile fails (BadZipFile), never come back as silently wrong bytes, and no
read goes past the limits, whatever the zip's directory claims."""

from __future__ import annotations

import io
import os
import struct
import zipfile

import pytest

from perfeval_xl.ooxml.package import _inflate

TEXT = ("<sheetData>" + "<row><c><v>1</v></c></row>" * 500 + "</sheetData>").encode()


def inflate(archive: bytes, info: zipfile.ZipInfo, limit: int | None = None) -> bytes:
    """The whole entry, or its first ``limit`` bytes."""
    return _inflate(archive, info, info.file_size + 1 if limit is None else limit)


def _zip(method: int, content: bytes = TEXT) -> tuple[bytes, zipfile.ZipInfo]:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", method) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", content)
    data = stream.getvalue()
    return data, zipfile.ZipFile(io.BytesIO(data)).infolist()[0]


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_part_reads_as_zipfile_reads_it(method):
    data, info = _zip(method)
    assert inflate(data, info) == zipfile.ZipFile(io.BytesIO(data)).read(info) == TEXT


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_limit_stops_inflating(method):
    data, info = _zip(method)
    assert inflate(data, info, 100) == TEXT[:100]


def test_other_methods_are_read_by_zipfile():
    data, info = _zip(zipfile.ZIP_BZIP2)
    assert inflate(data, info) == TEXT
    assert inflate(data, info, 100) == TEXT[:100]


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_changed_byte_is_a_bad_zip(method):
    data, info = _zip(method)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    damaged = bytearray(data)
    damaged[start + info.compress_size // 2] ^= 0x55
    with pytest.raises(zipfile.BadZipFile):
        inflate(bytes(damaged), info)


def test_a_truncated_file_is_a_bad_zip():
    data, info = _zip(zipfile.ZIP_DEFLATED)
    with pytest.raises(zipfile.BadZipFile):
        inflate(data[: info.header_offset + 40], info)


def test_a_wrong_header_offset_is_a_bad_zip():
    data, info = _zip(zipfile.ZIP_DEFLATED)
    info.header_offset += 3
    with pytest.raises(zipfile.BadZipFile):
        inflate(data, info)


def _write_zip(path, content: bytes) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml", content)


def _directory_reads(monkeypatch) -> list[int]:
    from perfeval_xl.ooxml import package

    calls: list[int] = []
    real = package.zipfile.ZipFile

    def counting(*args, **kw):
        calls.append(1)
        return real(*args, **kw)

    monkeypatch.setattr(package.zipfile, "ZipFile", counting)
    return calls


def test_open_archive_gives_the_bytes_and_the_entries_zipfile_gives(tmp_path):
    from perfeval_xl.ooxml.package import open_archive

    path = tmp_path / "a.xlsx"
    _write_zip(path, TEXT)
    data, infos = open_archive(path)
    assert data == path.read_bytes()
    assert [(i.filename, i.CRC, i.header_offset) for i in infos] == [
        (i.filename, i.CRC, i.header_offset) for i in zipfile.ZipFile(path).infolist()
    ]
    assert inflate(data, infos[0]) == TEXT


def test_the_copy_opening_the_file_just_read_reuses_its_directory(tmp_path, monkeypatch):
    from perfeval_xl.ooxml.package import open_archive

    path = tmp_path / "a.xlsx"
    _write_zip(path, TEXT)
    calls = _directory_reads(monkeypatch)
    first = open_archive(path)
    second = open_archive(path)
    assert len(calls) == 1 and second[0] is first[0] and second[1] == first[1]
    second[1].clear()  # each caller gets its own list
    assert open_archive(path)[1] == first[1]


def test_a_file_replaced_or_touched_in_between_is_read_anew(tmp_path, monkeypatch):
    import os

    from perfeval_xl.ooxml.package import open_archive

    path, replacement = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    _write_zip(path, TEXT)
    _write_zip(replacement, TEXT.replace(b"1", b"2"))  # same size, other content
    calls = _directory_reads(monkeypatch)
    open_archive(path)
    os.replace(replacement, path)
    data, infos = open_archive(path)
    assert inflate(data, infos[0]) == TEXT.replace(b"1", b"2")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    open_archive(path)
    assert len(calls) == 3


# -- the limits, on every read ------------------------------------------------

from perfeval_xl.ooxml.package import Limits, Package, WorkbookRefused  # noqa: E402

SMALL = Limits(max_part_bytes=1024 * 1024, max_total_bytes=3 * 1024 * 1024, ratio_floor=100 * 1024, max_ratio=100)


def _package_file(path, parts: dict[str, bytes]):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _forge_size(path, name: str, size: int) -> None:
    """Make the zip's directory (and local header) claim ``name`` inflates to ``size`` bytes."""
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo(name)
    struct.pack_into("<L", data, info.header_offset + 22, size)
    central = 0
    while True:  # find this entry's central header by its name
        central = data.index(b"PK\x01\x02", central)
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_len] == name.encode():
            break
        central += 4
    struct.pack_into("<L", data, central + 24, size)
    path.write_bytes(bytes(data))


def test_a_part_declared_over_the_limit_is_refused_before_inflating(tmp_path):
    path = _package_file(tmp_path / "a.xlsx", {"xl/big.xml": b"<a>" + b"x" * (2 * 1024 * 1024) + b"</a>"})
    pkg = Package(path, SMALL)
    with pytest.raises(WorkbookRefused) as refused:
        pkg.read("xl/big.xml")
    assert "xl/big.xml" in refused.value.reason and "max_part_mb" in refused.value.reason
    assert "压缩炸弹" in refused.value.reason


def test_a_part_over_the_ratio_is_refused(tmp_path):
    path = _package_file(tmp_path / "a.xlsx", {"xl/drawings/vmlDrawing1.vml": b"<xml>" + b"\0" * (900 * 1024) + b"</xml>"})
    with pytest.raises(WorkbookRefused) as refused:
        Package(path, SMALL).read("xl/drawings/vmlDrawing1.vml")
    assert "vmlDrawing1.vml" in refused.value.reason and "max_ratio" in refused.value.reason


def test_the_total_read_from_one_package_is_bounded(tmp_path):
    parts = {f"xl/p{i}.xml": os.urandom(400 * 1024).hex().encode()[: 800 * 1024] for i in range(5)}
    pkg = Package(_package_file(tmp_path / "a.xlsx", parts), SMALL)
    pkg.read("xl/p0.xml")
    pkg.read("xl/p1.xml")
    pkg.read("xl/p2.xml")
    with pytest.raises(WorkbookRefused) as refused:
        pkg.read("xl/p3.xml")
    assert "max_total_mb" in refused.value.reason


def test_a_directory_that_understates_a_size_cannot_make_a_read_larger(tmp_path):
    """A 50 MB part whose directory claims 1 KB: at most 1 KB + 1 byte is inflated, then it is refused."""
    import tracemalloc

    path = _package_file(tmp_path / "a.xlsx", {"xl/comments1.xml": b"<a>" + b" " * (50 * 1024 * 1024) + b"</a>"})
    _forge_size(path, "xl/comments1.xml", 1024)
    pkg = Package(path, SMALL)
    tracemalloc.start()
    try:
        with pytest.raises(WorkbookRefused) as refused:
            pkg.read("xl/comments1.xml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "xl/comments1.xml" in refused.value.reason and "篡改" in refused.value.reason
    assert peak < 1024 * 1024


def test_doctype_in_any_markup_part_is_refused_but_binary_parts_are_not_scanned(tmp_path):
    doctype = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>'
    path = _package_file(tmp_path / "a.xlsx", {"[Content_Types].xml": doctype, "xl/media/image1.png": b"\x89PNG<!ENTITY"})
    pkg = Package(path)
    with pytest.raises(WorkbookRefused) as refused:
        pkg.read("[Content_Types].xml")
    assert "[Content_Types].xml" in refused.value.reason and "DOCTYPE" in refused.value.reason
    assert pkg.read("xl/media/image1.png", markup=False) == b"\x89PNG<!ENTITY"


def test_too_many_entries_names_the_setting(tmp_path):
    path = _package_file(tmp_path / "a.xlsx", {f"junk/{i}.xml": b"<a/>" for i in range(12)})
    with pytest.raises(WorkbookRefused) as refused:
        Package(path, Limits(max_entries=10))
    assert "max_entries" in refused.value.reason


def test_check_all_holds_parts_nobody_reads_to_the_limits(tmp_path):
    """Before a library (openpyxl, python-docx) that inflates every part opens the file."""
    fine = _package_file(tmp_path / "fine.xlsx", {"xl/a.xml": b"<a/>", "xl/media/x.bin": os.urandom(2000)})
    Package(fine, SMALL).check_all()
    hidden_doctype = _package_file(tmp_path / "d.xlsx", {"xl/a.xml": b"<a/>", "customXml/item1.xml": b"<!DOCTYPE x><x/>"})
    with pytest.raises(WorkbookRefused, match="customXml/item1.xml"):
        Package(hidden_doctype, SMALL).check_all()
    bomb = _package_file(tmp_path / "b.xlsx", {"xl/a.xml": b"<a/>", "xl/media/pad.bin": b"\0" * (2 * 1024 * 1024)})
    with pytest.raises(WorkbookRefused, match="pad.bin"):
        Package(bomb, SMALL).check_all()
