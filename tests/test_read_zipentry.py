"""Parts are inflated from the file's bytes without zipfile.open: the content
must be what zipfile reads, and a damaged part must fail as zipfile fails
(BadZipFile), never come back as silently wrong bytes."""

from __future__ import annotations

import io
import zipfile

import pytest

from perfeval_xl.read._zipentry import inflate

TEXT = ("<sheetData>" + "<row><c><v>1</v></c></row>" * 500 + "</sheetData>").encode()


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
    from perfeval_xl.read import _zipentry

    calls: list[int] = []
    real = _zipentry.zipfile.ZipFile

    def counting(*args, **kw):
        calls.append(1)
        return real(*args, **kw)

    monkeypatch.setattr(_zipentry.zipfile, "ZipFile", counting)
    return calls


def test_open_archive_gives_the_bytes_and_the_entries_zipfile_gives(tmp_path):
    from perfeval_xl.read._zipentry import open_archive

    path = tmp_path / "a.xlsx"
    _write_zip(path, TEXT)
    data, infos = open_archive(path)
    assert data == path.read_bytes()
    assert [(i.filename, i.CRC, i.header_offset) for i in infos] == [
        (i.filename, i.CRC, i.header_offset) for i in zipfile.ZipFile(path).infolist()
    ]
    assert inflate(data, infos[0]) == TEXT


def test_the_copy_opening_the_file_just_read_reuses_its_directory(tmp_path, monkeypatch):
    from perfeval_xl.read._zipentry import open_archive

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

    from perfeval_xl.read._zipentry import open_archive

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
