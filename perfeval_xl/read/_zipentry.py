"""One entry of a zip held in memory, without ``zipfile.ZipFile.open``.

Opening an entry through zipfile seeks, re-reads its local header and wraps
it in a stream object: for the seven small parts read from every workbook
that was a tenth of reading one. The reader and the completed copy both hold
the whole file in memory, so an entry is a slice of it, inflated in one call.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # signature … name length, extra length


def compressed_data(archive: bytes | memoryview, info: zipfile.ZipInfo) -> memoryview:
    """The entry's bytes as stored (compressed), located through its local header.

    Sizes come from the central directory, which is right even when the local
    header left them to a data descriptor (flag bit 3)."""
    start = info.header_offset
    try:
        signature, *_, name_len, extra_len = LOCAL_HEADER.unpack_from(archive, start)
    except struct.error:
        raise zipfile.BadZipFile(f"bad local header for {info.filename!r}") from None
    if signature != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header for {info.filename!r}")
    if info.flag_bits & 0x1:
        raise zipfile.BadZipFile(f"{info.filename!r} is encrypted")
    data_start = start + LOCAL_HEADER.size + name_len + extra_len
    data = memoryview(archive)[data_start : data_start + info.compress_size]
    if len(data) != info.compress_size:
        raise zipfile.BadZipFile(f"{info.filename!r} is truncated")
    return data


def inflate(archive: bytes | memoryview, info: zipfile.ZipInfo, limit: int | None = None) -> bytes:
    """The entry's content, checked against its size and CRC as zipfile checks
    it; at most ``limit`` bytes (then unchecked: the caller refuses it as too
    large). A compression method other than stored or deflated (bzip2, lzma)
    is left to zipfile, which knows them."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        with zipfile.ZipFile(io.BytesIO(archive)) as zf, zf.open(info) as fh:
            return fh.read(-1 if limit is None else limit)
    stored = compressed_data(archive, info)
    if info.compress_type == zipfile.ZIP_STORED:
        data = bytes(stored if limit is None else stored[:limit])
    else:
        try:
            data = zlib.decompressobj(-15).decompress(stored, 0 if limit is None else limit)
        except zlib.error as exc:
            raise zipfile.BadZipFile(f"{info.filename!r}: {exc}") from None
    if (limit is None or len(data) < limit) and (len(data) != info.file_size or zlib.crc32(data) != info.CRC):
        raise zipfile.BadZipFile(f"bad CRC or size for {info.filename!r}")
    return data


# The last file opened in this process. The reader opens an input and, moments
# later, the completed copy opens it again: the bytes and the zip directory are
# then taken from here (parsing the directory was the larger part of opening).
# Keyed by the file's identity and change time, so a file replaced in between is read anew.
_last_opened: tuple[tuple, bytes, tuple[zipfile.ZipInfo, ...]] | None = None


def open_archive(path: Path | str) -> tuple[bytes, list[zipfile.ZipInfo]]:
    """The bytes of the zip at ``path`` and its entries (``ZipFile.infolist()``).
    Raises what ``zipfile`` and ``open`` raise for a file that is no zip or cannot be read."""
    global _last_opened
    with open(path, "rb") as fh:
        st = os.fstat(fh.fileno())
        key = (os.fspath(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        if _last_opened is not None and _last_opened[0] == key:
            return _last_opened[1], list(_last_opened[2])
        data = fh.read()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
    _last_opened = (key, data, tuple(infos))
    return data, list(infos)
