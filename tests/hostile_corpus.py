"""A folder of what a reviewer's inbox really holds: broken, disguised,
malicious and garbage-filled workbooks, built fresh in a temporary folder.

``build_corpus(folder)`` writes every case and returns a :class:`Corpus`
saying, per file, what a run must do with it: read it (possibly with
findings), fail it with a reason containing given words, or skip it
silently (lock files, hidden files, folders, symlink loops, non-workbooks).
"""

from __future__ import annotations

import os
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl
from openpyxl.comments import Comment

from perfeval_xl.ooxml.zipwrite import Entry, deflated, zip_bytes
from tests.seedform import write_seed_form

SHEET = "xl/worksheets/sheet1.xml"
INJECTED_NAME = '=HYPERLINK("http://x","y")'
INJECTED_DEPARTMENT = "@SUM(1)"
INJECTED_INDICATOR = "+1"


@dataclass
class Corpus:
    root: Path
    failing: dict[str, tuple[str, ...]] = field(default_factory=dict)  # relpath -> words its reason must contain
    readable: set[str] = field(default_factory=set)
    skipped: set[str] = field(default_factory=set)  # present in the folder, never reported

    @property
    def workbooks(self) -> set[str]:
        return set(self.failing) | self.readable


# -- building blocks -------------------------------------------------------


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A minimal but well-formed OLE compound file (CFB v3, 512-byte sectors)
    holding ``streams`` in the root storage, as Excel writes an encrypted
    package or an old .xls. Streams are padded to 4 KB so none needs the mini stream."""
    end, free, fat_sect, nostream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    names = sorted(streams, key=lambda n: (len(n), n.upper()))  # CFB's directory order
    datas = [streams[n].ljust(4096, b"\0") for n in names]
    dir_sectors = (len(names) + 1 + 3) // 4
    fat: list[int] = [fat_sect] + [i + 2 if i + 1 < dir_sectors else end for i in range(1, dir_sectors + 1)]
    starts = []
    for data in datas:
        n = -(-len(data) // 512)
        start = len(fat)
        starts.append(start)
        fat += [start + i + 1 for i in range(n - 1)] + [end]
    assert len(fat) <= 128, "one FAT sector is enough for a test file"
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB3I", len(encoded), kind, 1, nostream, right, child)
            + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
            + struct.pack("<IQ", start, size)
        )

    entries = [entry("Root Entry", 5, 1 if names else nostream, nostream, end, 0)]
    for i, (name, data) in enumerate(zip(names, datas)):
        right = i + 2 if i + 1 < len(names) else nostream
        entries.append(entry(name, 2, nostream, right, starts[i], len(streams[name])))
    directory = b"".join(entries).ljust(dir_sectors * 512, b"\0")
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0) + struct.pack("<I", free) * 108
    )
    assert len(header) == 512
    body = struct.pack("<128I", *fat) + directory + b"".join(d.ljust(-(-len(d) // 512) * 512, b"\0") for d in datas)
    return header + body


def rewrite_zip(
    src: Path, dst: Path, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None, drop: set[str] | tuple[str, ...] = ()
) -> Path:
    replace = replace or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename not in drop:
                zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


def sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(SHEET)


def with_entity(body: bytes, prolog: bytes, entity: bytes) -> bytes:
    body = body.split(b"?>", 1)[1] if body.startswith(b"<?xml") else body
    return prolog + body.replace(b"<t>", b"<t>" + entity, 1)


def set_numeric_xml(body: bytes, cell: str, text: str) -> bytes:
    """Give ``cell`` a numeric <v> of exactly ``text`` (e.g. ``nan``, ``inf``), which no library writes."""
    start = body.index(f'<c r="{cell}"'.encode())
    stop = body.index(b"</c>", start) + 4
    return body[:start] + f'<c r="{cell}"><v>{text}</v></c>'.encode() + body[stop:]


def seed_variant(path: Path, cells: dict[str, object]) -> Path:
    write_seed_form(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for ref, value in cells.items():
        ws[ref] = value
        if isinstance(value, str) and value.startswith("="):
            ws[ref].data_type = "s"  # text a clerk typed with a leading ', not a formula
    wb.save(path)
    return path


# -- the cases -------------------------------------------------------------

GARBAGE = {
    "C6": -60,  # negative 年初预算数
    "D6": 0,  # zero 全年预算数: every rate divides by it
    "E6": "约六十",
    "H6": "#DIV/0!",
    "G14": "N/A",
    "G15": "—",
    "G16": "inf",
    "G17": 1e308,
    "F18": "约五分",
    "E19": "约六十",
    "E20": "—",
    "G31": 1e308,
}
GARBAGE_NUMERIC_XML = {"G18": "nan", "G19": "inf", "F20": "-inf", "E7": "1e308"}


def garbage_form(path: Path) -> Path:
    """The seed form with every kind of garbage a clerk or a tool may leave in number cells."""
    seed_variant(path, GARBAGE)
    body = sheet_xml(path)
    for cell, text in GARBAGE_NUMERIC_XML.items():
        body = set_numeric_xml(body, cell, text)
    tmp = path.with_suffix(".tmp")
    path.rename(tmp)
    rewrite_zip(tmp, path, {SHEET: body})
    tmp.unlink()
    return path


INJECTED_DEVIATION = "-扣1分，见=1+1"
INJECTED_IMPLEMENTER = "\t=cmd|' /C calc'!A0"  # the classic DDE payload behind a tab
UNCOMPUTABLE = "=VLOOKUP(A1,B1:C2,2,FALSE)"  # a real formula with no cached value: quoted in a READ002 finding


def injection_form(path: Path) -> Path:
    """Input text that would be live formulas if an output wrote it carelessly."""
    seed_variant(path, {"B2": INJECTED_NAME, "B3": INJECTED_DEPARTMENT, "C16": INJECTED_INDICATOR, "H16": INJECTED_DEVIATION, "F3": INJECTED_IMPLEMENTER})
    wb = openpyxl.load_workbook(path)
    wb.active["G31"] = UNCOMPUTABLE
    wb.save(path)
    return path


def macro_form(path: Path) -> Path:
    src = write_seed_form(path.with_suffix(".src.xlsx"))
    with zipfile.ZipFile(src) as z:
        types = z.read("[Content_Types].xml").replace(
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )
        types = types.replace(b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
        rels = z.read("xl/_rels/workbook.xml.rels").replace(
            b"</Relationships>",
            b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
            b'Target="vbaProject.bin"/></Relationships>',
        )
    vba = ole_file({"PROJECT": b'ID="{00000000}"\r\nDocument=ThisWorkbook/&H00000000\r\n', "dir": b"\x01" * 64})
    rewrite_zip(src, path, {"[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels}, {"xl/vbaProject.bin": vba})
    src.unlink()
    return path


def billion_laughs(path: Path, seed: Path) -> Path:
    lol = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode() for i in range(1, 10)
    ) + b"]>"
    return rewrite_zip(seed, path, {SHEET: with_entity(sheet_xml(seed), lol, b"&lol9;")})


def xxe(path: Path, seed: Path, secret: Path) -> Path:
    prolog = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>'.encode()
    return rewrite_zip(seed, path, {SHEET: with_entity(sheet_xml(seed), prolog, b"&xxe;")})


def zip_bomb(path: Path, seed: Path) -> Path:
    """The sheet part itself inflates 30 MB of nothing (a needed part, so it must be opened)."""
    padded = sheet_xml(seed).replace(b"</worksheet>", b"<!--" + b"x" * (30 * 1024 * 1024) + b"--></worksheet>")
    return rewrite_zip(seed, path, {SHEET: padded})


def many_rows(path: Path, seed: Path, rows: int = 300_000) -> Path:
    """The form followed by ``rows`` rows of distinct numbers (compresses ~10×, so no bomb alarm)."""
    extra = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i * 7919) for i in range(40, 40 + rows))
    body = sheet_xml(seed)
    body = body.replace(b"</sheetData>", extra + b"</sheetData>")
    return rewrite_zip(seed, path, {SHEET: body})


def sparse_wide(path: Path, rows: int = 3000) -> Path:
    """A few KB: the form, then one stray cell in the last column (XFD) on each of ``rows`` rows."""
    src = write_seed_form(path.with_suffix(".src.xlsx"))
    stray = b"".join(b'<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>' % (i, i) for i in range(40, 40 + rows))
    rewrite_zip(src, path, {SHEET: sheet_xml(src).replace(b"</sheetData>", stray + b"</sheetData>")})
    src.unlink()
    return path


def merge_bomb(path: Path, seed: Path) -> Path:
    """One mergeCell of 17 billion cells: 30 bytes that must not be expanded."""
    body = sheet_xml(seed).replace(b"</mergeCells>", b'<mergeCell ref="J40:XFD1048576"/></mergeCells>')
    return rewrite_zip(seed, path, {SHEET: body})


# -- bombs in the parts only the completed copy reads ------------------------

MB = 1024 * 1024
BOMB_BYTES = 1536 * MB  # 1.5 GB of padding: about 1.5 MB once deflated
COMMENTS = "xl/comments/comment1.xml"  # where openpyxl writes a sheet's notes…
COMMENTS_VML = "xl/drawings/commentsDrawing1.vml"  # …and their boxes
SHEET_RELS = "xl/worksheets/_rels/sheet1.xml.rels"
UNREAD_PART = "xl/media/image1.emf"  # a picture nobody references: never inflated, copied as it is


def commented_form(path: Path) -> Path:
    """The seed form with a planted mistake (总分 G31 is not the sum) and the
    clerk's own note on G14: its completed copy must patch the sheet, its
    comments, their drawing, the sheet's relationships and the content types."""
    seed_variant(path, {"G31": 99})
    wb = openpyxl.load_workbook(path)
    wb.active["G14"].comment = Comment("已核实", "填表人")
    wb.save(path)
    return path


def _raw_deflate(data: bytes, final: bool) -> bytes:
    """``data`` as raw deflate blocks that start afresh (no reference to earlier
    data), so segments can be concatenated into one stream."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    return co.compress(data) + co.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)


def padded_part(src: Path, dst: Path, part: str, pad: int = BOMB_BYTES, declared: int | None = None) -> Path:
    """``src`` with ``pad`` spaces inserted before the closing tag of ``part``
    (still valid XML or VML). The padding is deflated once per MB and repeated,
    so a 1.5 GB part costs a fraction of a second to build. ``declared`` forges
    the size the zip's directory claims for the part."""
    with zipfile.ZipFile(src) as z:
        parts = {info.filename: z.read(info) for info in z.infolist()}
    body = parts[part]
    cut = body.rindex(b"</")
    head, tail = body[:cut], body[cut:]
    block = b" " * MB
    crc = zlib.crc32(head)
    for _ in range(pad // MB):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    data = _raw_deflate(head, False) + _raw_deflate(block, False) * (pad // MB) + _raw_deflate(tail, True)
    size = len(head) + pad // MB * MB + len(tail)
    entries = [
        Entry(name, data, zipfile.ZIP_DEFLATED, crc, size if declared is None else declared) if name == part else deflated(name, content)
        for name, content in parts.items()
    ]
    dst.write_bytes(zip_bytes(entries))
    return dst


def without_comments(src: Path, dst: Path) -> Path:
    """The commented form with its comments part gone but its VML drawing kept
    (as a sheet with form controls has one): the copy appends its boxes there."""
    with zipfile.ZipFile(src) as z:
        types = re.sub(rb'<Override PartName="/xl/comments/[^"]*"[^>]*/>', b"", z.read("[Content_Types].xml"))
        rels = re.sub(rb'<Relationship [^>]*/comments"[^>]*/>', b"", z.read(SHEET_RELS))
    return rewrite_zip(src, dst, {"[Content_Types].xml": types, SHEET_RELS: rels}, drop={COMMENTS})


def with_unread_part(src: Path, dst: Path) -> Path:
    """A 120 MB (over max_part_mb) picture no sheet shows: nobody inflates it,
    so it refuses nothing and is copied into the completed copy as it is."""
    with zipfile.ZipFile(src) as z:
        parts = {info.filename: z.read(info) for info in z.infolist()}
    block = b"\0" * MB
    crc = 0
    for _ in range(120):
        crc = zlib.crc32(block, crc)
    emf = Entry(UNREAD_PART, _raw_deflate(block, False) * 119 + _raw_deflate(block, True), zipfile.ZIP_DEFLATED, crc, 120 * MB)
    dst.write_bytes(zip_bytes([deflated(name, content) for name, content in parts.items()] + [emf]))
    return dst


def add_writer_bombs(c: Corpus, work: Path) -> None:
    """A bomb in every part the completed copy reads, each on a form with
    findings (so the copy must patch it). Each must be refused as a whole,
    naming the part and the [limits] setting, without inflating it."""
    form = commented_form(work / "commented.xlsx")
    controls = without_comments(form, work / "controls.xlsx")
    too_large = ("压缩炸弹", "max_part_mb")
    for rel, src, part in [
        ("副本炸弹/批注框.xlsx", form, COMMENTS_VML),
        ("副本炸弹/批注.xlsx", form, COMMENTS),
        ("副本炸弹/样式.xlsx", form, "xl/styles.xml"),
        ("副本炸弹/工作表关系.xlsx", form, SHEET_RELS),
        ("副本炸弹/内容类型.xlsx", form, "[Content_Types].xml"),
        ("副本炸弹/控件绘图.xlsx", controls, COMMENTS_VML),
    ]:
        c.failing[rel] = (part, *too_large)
        padded_part(src, c.root / rel, part)
    forged = "副本炸弹/批注框谎报大小.xlsx"
    c.failing[forged] = (COMMENTS_VML, "篡改")
    padded_part(form, c.root / forged, COMMENTS_VML, declared=10 * 1024)
    entity = "副本炸弹/批注实体.xlsx"
    c.failing[entity] = (COMMENTS, "DOCTYPE")
    with zipfile.ZipFile(form) as z:
        comments = z.read(COMMENTS)
    rewrite_zip(form, c.root / entity, {COMMENTS: with_entity(comments, b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY e "boom">]>', b"&e;")})
    c.readable.add("副本炸弹/无人读取的图片.xlsx")
    with_unread_part(form, c.root / "副本炸弹/无人读取的图片.xlsx")
    c.readable.add("副本炸弹/带批注.xlsx")
    (c.root / "副本炸弹/带批注.xlsx").write_bytes(form.read_bytes())


def truncated(path: Path, seed: Path) -> Path:
    data = seed.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def plain_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("说明.txt", "这是一个压缩包".encode())
    return path


def build_corpus(root: Path) -> Corpus:
    root.mkdir(parents=True, exist_ok=True)
    c = Corpus(root)
    work = root.parent / (root.name + "_build")
    work.mkdir(exist_ok=True)
    seed = write_seed_form(work / "seed.xlsx")
    secret = work / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")

    def failing(rel: str, *words: str) -> Path:
        c.failing[rel] = words
        return root / rel

    def readable(rel: str) -> Path:
        c.readable.add(rel)
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        return root / rel

    # read, with findings where the content is bad
    write_seed_form(readable("正常.xlsx"))
    garbage_form(readable("乱填数字.xlsx"))
    injection_form(readable("公式注入.xlsx"))
    macro_form(readable("带宏.xlsm"))
    sparse_wide(readable("稀疏超宽.xlsx"))
    merge_bomb(readable("合并炸弹.xlsx"), seed)
    # the one intended duplicate pair: a department none of the other (seed-based) files has
    seed_variant(readable("重复/一科.xlsx"), {"B3": "信丰县财政局"})
    seed_variant(readable("重复/二科-副本.xlsx"), {"B3": "信丰县财政局"})

    # fail, each with its own reason
    failing("加密.xlsx", "已加密", "密码").write_bytes(
        ole_file({"EncryptionInfo": b"\x04\x00\x04\x00" + b"\0" * 60, "EncryptedPackage": os.urandom(6000)})
    )
    failing("改名的旧版.xlsx", "旧版 .xls", "另存为").write_bytes(ole_file({"Workbook": b"\x09\x08" + b"\0" * 200}))
    failing("真旧版.xls", "旧版 .xls", "另存为").write_bytes(ole_file({"Workbook": b"\x09\x08" + b"\0" * 200}))
    truncated(failing("复制一半.xlsx", "已损坏或不完整"), seed)
    failing("表格导出.xlsx", "CSV").write_text("项目名称,主管部门,得分\n慰问资金,工信局,95\n", encoding="gb18030")
    failing("网页导出.xlsx", "HTML").write_text(
        "<html><body><table><tr><td>项目名称</td></tr></table></body></html>", encoding="utf-8"
    )
    failing("报告.xlsx", "PDF").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n")
    failing("空文件.xlsx", "空文件").write_bytes(b"")
    plain_zip(failing("压缩包.xlsx", "普通压缩包"))
    no_name = failing("缺项目名称.xlsx", "缺少项目名称", "B2")
    seed_variant(no_name, {"B2": None})
    sign_in = openpyxl.Workbook()
    sign_in.active["A1"] = "会议签到表"
    sign_in.save(failing("签到表.xlsx", "不是绩效评价表"))
    billion_laughs(failing("实体炸弹.xlsx", "DOCTYPE"), seed)
    xxe(failing("外部实体.xlsx", "DOCTYPE"), seed, secret)
    zip_bomb(failing("压缩炸弹.xlsx", "压缩炸弹"), seed)
    many_rows(failing("三十万行.xlsx", "超过 20000 行", "max_rows"), seed)
    (root / "副本炸弹").mkdir()
    add_writer_bombs(c, work)
    # a Word report is imported with python-docx, which inflates every part: held to the limits first
    report = work / "report.docx"
    docx.Document().save(report)
    padded_part(report, failing("报告炸弹.docx", "word/document.xml", "压缩炸弹"), "word/document.xml")

    # present, never reported
    def skipped(rel: str) -> Path:
        c.skipped.add(rel)
        return root / rel

    skipped("~$正常.xlsx").write_bytes(b"\0" * 165)  # Excel's owner file
    skipped(".~lock.正常.xlsx#").write_text(",user,host,25.11.2026 10:00,file:///x;")
    write_seed_form(skipped(".隐藏.xlsx"))
    (skipped("文件夹.xlsx")).mkdir()
    write_seed_form(root / "文件夹.xlsx" / ".看不见.xlsx")  # hidden, inside a folder named like a workbook
    os.symlink(".", skipped("循环"), target_is_directory=True)
    os.symlink("自指.xlsx", skipped("自指.xlsx"))  # a symlink to itself: ELOOP on open
    os.mkfifo(skipped("管道.xlsx"))  # opening it would block the run forever
    skipped("说明.txt").write_text("请查收")
    skipped("perfeval.toml").write_text("[rules]\n")
    return c


def snapshot(root: Path) -> dict[str, tuple[bytes, int, int]]:
    """Content, mtime (ns) and size of every regular file under ``root`` (symlinks not followed)."""
    out = {}
    for dirpath, _dirs, files in os.walk(root, followlinks=False):
        for name in files:
            path = Path(dirpath) / name
            if path.is_symlink():
                out[path.relative_to(root).as_posix()] = (os.readlink(path).encode(), 0, 0)
                continue
            st = path.stat()
            content = path.read_bytes() if stat.S_ISREG(st.st_mode) else b"<not a regular file>"
            out[path.relative_to(root).as_posix()] = (content, st.st_mtime_ns, st.st_size)
    return out

