"""The one way into a workbook package: every zip entry the reader, the
completed copy or the importer inflates goes through :class:`Package`, which
holds it to :class:`Limits` (``[limits]`` in perfeval.toml).

An untrusted file may be a zip bomb (a part of a few MB that inflates to
gigabytes), a billion-laughs or external-entity XML, or a zip whose directory
lies about its sizes. So, for every part read:

- the archive's entry count is bounded and duplicate names are refused;
- the part's declared inflated size, its inflation ratio and the total of
  everything read from one package are checked *before* inflating;
- inflating stops one byte past the declared size, so a forged directory
  cannot make a part larger than the checks above allowed;
- a markup part (XML, relationships, VML) declaring a DOCTYPE or ENTITY is
  refused (no real Office file has one), and XML is parsed with entity
  expansion, DTD loading and network access off.

A refusal is a :class:`WorkbookRefused` whose ``reason`` is Chinese, names the
part and the ``[limits]`` setting to change. Parts nobody reads (pictures,
untouched sheets) are never inflated: the completed copy copies them as
their compressed bytes (:meth:`Package.stored`).

Entries are slices of the file's bytes, inflated in one call, without
``zipfile.ZipFile.open`` (which seeks, re-reads the local header and wraps a
stream: for the seven small parts of a form that was a tenth of reading it).
The reader opens an input and moments later the completed copy opens it
again: the bytes and directory are then reused (:func:`open_archive`).

This module sits in ``read`` (the lowest layer with I/O), so both the reader
and the writer may use it; nothing else inflates zip entries itself. Libraries
that open a zip on their own (openpyxl in the reader's fallback, python-docx in
the importer) are given a file only after :meth:`Package.check_all` passed:
``zipfile`` never inflates an entry past its declared size.
"""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one workbook may cost. Defaults follow Apache POI's hardened ones."""

    max_entries: int = 1000  # files inside the zip
    max_part_bytes: int = 100 * MB  # one inflated part
    max_total_bytes: int = 300 * MB  # all parts read from one package
    max_ratio: float = 100.0  # inflated / compressed, checked on parts above ratio_floor
    ratio_floor: int = 100 * 1024
    max_rows: int = 20_000  # rows read per sheet; an evaluation form has well under 200
    # cells kept per sheet, merged cells counted (a form has under 2,000; each costs ~500 bytes in memory)
    max_cells: int = 300_000


DEFAULT_LIMITS = Limits()


class WorkbookRefused(Exception):
    """The file is refused on purpose; ``reason`` is Chinese, for the clerk."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# No entity expansion, no network, no DTD: billion-laughs and external entities cannot work.
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
MARKUP_SUFFIXES = (".xml", ".rels", ".vml")
LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # signature … name length, extra length


def parse_xml(data: bytes) -> etree._Element:
    """``data`` parsed with entities, DTDs and the network off."""
    return etree.fromstring(data, XML_PARSER)


def is_markup(name: str) -> bool:
    return name.lower().endswith(MARKUP_SUFFIXES)


class Package:
    """One opened workbook package whose every read is held to ``limits``.

    Raises :class:`WorkbookRefused` (too many entries, duplicate names) and
    what ``zipfile`` and ``open`` raise for a file that is no zip or cannot be read."""

    def __init__(self, path: Path | str, limits: Limits = DEFAULT_LIMITS):
        self.archive, infos = open_archive(path)
        self.limits = limits
        self.total = 0  # declared inflated bytes of the parts read so far
        if len(infos) > limits.max_entries:
            raise WorkbookRefused(
                f"文件内部包含 {len(infos)} 个部件，超过上限 {limits.max_entries}，疑似恶意文件，已拒绝读取"
                "（上限可在 perfeval.toml 的 [limits] max_entries 中调整）。"
            )
        self.infos = {i.filename: i for i in infos}
        if len(self.infos) != len(infos):
            raise WorkbookRefused("文件内部有重名部件，疑似被篡改，已拒绝读取。")
        self.names = [i.filename for i in infos if not i.is_dir()]  # in archive order

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str, *, markup: bool = True) -> bytes:
        """The inflated part, within the limits; ``markup`` parts (any the
        caller parses or edits as text) must not declare a DOCTYPE or entity.
        Raises KeyError for a part that is not in the package."""
        info = self.infos[name]
        self.check(info)
        self.total += info.file_size
        if self.total > self.limits.max_total_bytes:
            raise WorkbookRefused(_over_total(self.limits))
        data = self._inflate(info)
        if markup and _DOCTYPE.search(data):
            raise WorkbookRefused(f"文件部件 {name} 含有 DOCTYPE/实体声明（正常的 Excel 文件不会有），疑似恶意文件，已拒绝读取。")
        return data

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.read(name))

    def stored(self, name: str) -> memoryview:
        """The part's compressed bytes as they are in the file (nothing inflated)."""
        return compressed_data(self.archive, self.infos[name])

    def check(self, info: zipfile.ZipInfo) -> None:
        """Refuse a part whose declared inflated size or inflation ratio is
        beyond the limits (nothing inflated; reading never goes past the
        declared size)."""
        lim = self.limits
        if info.file_size > lim.max_part_bytes or (
            info.file_size > lim.ratio_floor and info.file_size > lim.max_ratio * max(info.compress_size, 1)
        ):
            raise WorkbookRefused(
                f"文件部件 {info.filename} 解压后过大（{info.file_size // 1024} KB，压缩比 "
                f"{info.file_size / max(info.compress_size, 1):.0f} 倍），疑似“压缩炸弹”，已拒绝读取"
                "（上限可在 perfeval.toml 的 [limits] max_part_mb、max_ratio 中调整）。"
            )

    def check_all(self) -> None:
        """Hold every part to the limits, for a library (openpyxl, python-docx)
        that will open the file itself and may inflate any part: declared
        sizes, ratios and their total, and no DOCTYPE in any markup part."""
        total = 0
        for info in self.infos.values():
            self.check(info)
            total += info.file_size
        if total > self.limits.max_total_bytes:
            raise WorkbookRefused(_over_total(self.limits))
        for name in self.names:
            if is_markup(name):
                self.read(name)  # within the total just checked

    def _inflate(self, info: zipfile.ZipInfo) -> bytes:
        data = _inflate(self.archive, info, info.file_size + 1)
        if len(data) > info.file_size:
            raise WorkbookRefused(
                f"文件部件 {info.filename} 解压后比压缩包目录记录的大小更大，文件已损坏或被篡改（疑似“压缩炸弹”），已拒绝读取。"
            )
        return data


def _over_total(limits: Limits) -> str:
    return (
        f"文件解压后总大小超过上限（{limits.max_total_bytes // MB} MB），疑似“压缩炸弹”，已拒绝读取"
        "（上限可在 perfeval.toml 的 [limits] max_total_mb 中调整）。"
    )


def read_head(archive: bytes, info: zipfile.ZipInfo, size: int) -> bytes:
    """At most the first ``size`` bytes of an entry, unchecked (to tell what a file is)."""
    return _inflate(archive, info, size)


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


def _inflate(archive: bytes | memoryview, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The entry's content, checked against its size and CRC as zipfile checks
    it; at most ``limit`` bytes (then unchecked: the caller refuses it as too
    large). A compression method other than stored or deflated (bzip2, lzma)
    is left to zipfile, which knows them (and never inflates past the declared size)."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        with zipfile.ZipFile(io.BytesIO(archive)) as zf, zf.open(info) as fh:
            return fh.read(limit)
    stored = compressed_data(archive, info)
    if info.compress_type == zipfile.ZIP_STORED:
        data = bytes(stored[:limit])
    else:
        try:
            data = zlib.decompressobj(-15).decompress(stored, limit)
        except zlib.error as exc:
            raise zipfile.BadZipFile(f"{info.filename!r}: {exc}") from None
    if len(data) < limit and (len(data) != info.file_size or zlib.crc32(data) != info.CRC):
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
