"""Why a file that should be a workbook cannot be read, in words a clerk can act on.

Only called after loading failed, so it may look at the bytes again. It tells
apart the usual culprits of an inbox folder by their content, never by their
name (a renamed file keeps its real content):

- an empty file (a copy that never finished);
- an OLE compound file: a password-protected .xlsx (Excel encrypts the whole
  package into an OLE stream named ``EncryptedPackage``), or a real old .xls /
  other old Office file renamed to .xlsx;
- a zip: cut short (half copied), not a workbook at all (a Word document, an
  .ods, an .xlsb, any other zip), or a workbook with a damaged part;
- PDF, HTML ("导出 Excel" from web systems), an Excel 2003 XML sheet, CSV/text.

Every reason starts with the kind of problem (空文件 / 已加密 / 旧版 .xls /
已损坏 / 不是 Excel 工作簿) followed by what to do.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from perfeval_xl.ooxml.package import open_archive, read_head

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# OLE directory entries hold stream names in UTF-16LE; an encrypted OOXML file
# has these streams (MS-OFFCRYPTO), an .xls has "Workbook" (or "Book" before 97).
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_XLS_STREAMS = ("Workbook".encode("utf-16-le"), "Book\0".encode("utf-16-le"))
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_SCAN_BYTES = 64 * 1024 * 1024  # the directory of a real file is well inside this
_CHUNK = 1024 * 1024

SAVE_AS = "请用 Excel 或 WPS 打开，“另存为” Excel 工作簿（.xlsx）后重新提交。"


def failure_reason(path: Path, error: Exception | None = None) -> str:
    """A Chinese reason why ``path`` could not be read as a workbook."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError as err:
        return f"无法打开文件：{err.strerror or err}（文件可能正被其他程序占用，或没有读取权限）。"
    if size == 0:
        return "空文件（0 字节）：可能是复制或下载没有完成，请重新复制或重新提交。"
    if head.startswith(OLE_MAGIC):
        return _ole_reason(path)
    if head.startswith(b"PK"):
        return _zip_reason(path, error)
    return _other_reason(head)


def _ole_reason(path: Path) -> str:
    if _contains(path, (_ENCRYPTED,)):
        return "文件已加密（设有打开密码），无法读取：请在 Excel 中去掉打开密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后重新提交。"
    if _contains(path, _XLS_STREAMS):
        return "旧版 .xls 格式（只是改了扩展名）：" + SAVE_AS
    if _contains(path, (_WORD_STREAM,)):
        return "不是 Excel 工作簿：这是旧版 Word 文档（.doc），请提交评价表的 Excel 文件。"
    return "旧版 Office 文件（不是 .xlsx 格式）：" + SAVE_AS


def _contains(path: Path, needles: tuple[bytes, ...]) -> bool:
    """Whether any needle occurs in the first ``_SCAN_BYTES`` of the file (read in chunks)."""
    overlap = max(len(n) for n in needles) - 1
    tail = b""
    read = 0
    with open(path, "rb") as fh:
        while read < _SCAN_BYTES:
            chunk = fh.read(_CHUNK)
            if not chunk:
                return False
            read += len(chunk)
            window = tail + chunk
            if any(n in window for n in needles):
                return True
            tail = window[-overlap:]
    return False


def _zip_reason(path: Path, error: Exception | None) -> str:
    try:
        archive, infos = open_archive(path)
        entries = {info.filename: info for info in infos}
        names = set(entries)
        mimetype = read_head(archive, entries["mimetype"], 100) if "mimetype" in entries else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "文件已损坏或不完整（压缩包结构残缺，常见于复制、下载或邮件附件未完成）：请重新复制原文件，或用 Excel 打开确认后重新提交。"
    if b"opendocument.spreadsheet" in mimetype:
        return "不是 Excel 工作簿：这是 OpenDocument 表格（.ods），" + SAVE_AS
    if "word/document.xml" in names:
        return "不是 Excel 工作簿：这是 Word 文档（.docx），请提交评价表的 Excel 文件。"
    if "xl/workbook.bin" in names:
        return "Excel 二进制工作簿（.xlsb）暂不支持：" + SAVE_AS
    if not any(n.startswith("xl/") and n.endswith("workbook.xml") for n in names) or "[Content_Types].xml" not in names:
        return "不是 Excel 工作簿：这是一个普通压缩包，里面没有工作簿内容，请提交评价表的 Excel 文件。"
    detail = f"（{type(error).__name__}）" if error is not None else ""
    return f"文件已损坏{detail}：工作簿内部有部件无法读取。" + SAVE_AS


def _other_reason(head: bytes) -> str:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"%pdf"):
        return "不是 Excel 工作簿：这是 PDF 文件（只改了扩展名），请提交评价表的 Excel 文件。"
    if b"urn:schemas-microsoft-com:office:spreadsheet" in text:
        return "Excel 2003 XML 表格（只改了扩展名）：" + SAVE_AS
    if text.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")) or b"<html" in text[:512]:
        return "不是 Excel 工作簿：这是网页（HTML）文件，常见于从系统“导出 Excel”，" + SAVE_AS
    if _looks_like_text(head):
        return "不是 Excel 工作簿：这是文本或 CSV 文件（只改了扩展名），" + SAVE_AS
    return "文件已损坏或不是 Excel 工作簿（无法识别的文件内容）：请用 Excel 或 WPS 打开确认后，另存为 .xlsx 重新提交。"


def _looks_like_text(head: bytes) -> bool:
    if b"\0" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as err:
            if err.start > len(head) - 4:  # only the last character was cut by the 4 KB window
                return True
    return False
