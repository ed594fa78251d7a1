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
