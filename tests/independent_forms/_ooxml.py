"""A small SpreadsheetML package writer, to write workbooks the way particular
applications do, one XML detail at a time (zipfile only, no spreadsheet library).

What each application writes differently, and where that was learnt:

- **Excel (zh-CN)**: shared strings, each ``<si>`` with a ``<phoneticPr fontId=".."
  type="noConversion"/>`` and, for text typed through a Chinese IME, ``<rPh>``
  phonetic runs that are not part of the text (openxlsx issue #374 “宁东大道dao”;
  ExcelDataReader PR #109); rich-text runs ``<r><rPr>…</rPr><t>``; a formula filled
  down becomes a *shared* formula (``<f t="shared" ref=".." si="0">`` on the first
  cell, ``<f t="shared" si="0"/>`` on the others); a string result is ``t="str"``
  and an empty one ``<v></v>``; a carriage return inside text is stored as
  ``_x000D_`` (ECMA-376 ST_Xstring escaping); the locale's date formats are the
  built-in ids 27–36 and 50–58, written with no ``<numFmt>`` element at all
  (hucre PR #444, ExcelDataReader issue #541, SheetJS SSFImplicit table); a typed
  date format such as ``yyyy"年"m"月"d"日"`` is a custom id from 176; ``spans`` and
  ``x14ac:dyDescent`` on rows, ``mc:Ignorable``, a calcChain part.
- **WPS**: a ``<dimension ref="A1"/>`` that does not cover the data (dify issue
  #1039: openpyxl's read-only mode then sees one cell); ``docProps/custom.xml``
  with ``KSOProductBuildVer`` (2052-… for zh-CN) and ``ICV``, as in the Anhui
  2022 自评表 download; cell pictures as ``_xlfn.DISPIMG("ID_…",1)`` formulas with a
  ``t="str"`` cached text and an ``xl/cellimages.xml`` part (hucre PR #184,
  exceljs issue #2786); ``yyyy/m/d`` as its default date format (Luckyexcel PR #7).
- **Other generators** (web exports, report servers, SAS, PHP writers): inline
  strings ``t="inlineStr"`` and no sharedStrings part (PHP_XLSXWriter issue #91),
  an empty ``<c t="inlineStr"/>`` (openxlsx2 issue #1038), no ``<dimension>``,
  rows and cells without ``r`` attributes, ISO dates as ``t="d"`` (written by few
  programs, read by Excel: PyExcelerate issue #11), prefixed element names
  (``<x:worksheet>``), absolute part names in relationships, custom number format
  ids below 164 (Apple Numbers' ``numFmtId="59"``: PHPExcel issue #1241) and a
  built-in id redefined as a non-date format (hucre issue #568).
- **1904 date system** (``<workbookPr date1904="1"/>``, Excel for Mac workbooks).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"


# ---------------------------------------------------------------- cell values


@dataclass(frozen=True)
class Formula:
    text: str  # without the leading '='
    cached: object = None  # None: no cached value written
    shared: str | None = None  # shared-formula index (si)
    ref: str | None = None  # on the master cell of a shared formula: the range it covers


@dataclass(frozen=True)
class Rich:
    runs: tuple[tuple[str, str | None], ...]  # (text, font name or None for the cell's font)


@dataclass(frozen=True)
class Phonetic:
    text: str
    guide: str  # the pinyin Excel keeps beside the text


@dataclass(frozen=True)
class Error:
    code: str  # "#N/A", "#DIV/0!", …


@dataclass(frozen=True)
class Styled:
    value: object
    style: str  # a key of STYLE_KEYS


# cellXfs of the styles part every flavour (but the generator's) writes: key -> (numFmtId, fontId)
STYLE_KEYS = {
    "general": (0, 0),
    "pct": (10, 0),  # 0.00%
    "pct0": (9, 0),  # 0%
    "d14": (14, 0),  # short date: yyyy/m/d in a zh-CN Excel
    "d22": (22, 0),  # date and time
    "d31": (31, 0),  # zh-CN built-in: yyyy"年"m"月"d"日"
    "d57": (57, 0),  # zh-CN built-in: yyyy"年"m"月"
    "d58": (58, 0),  # zh-CN built-in: m"月"d"日"
    "d_cn": (176, 0),  # custom yyyy"年"m"月"d"日";@ typed by a clerk
    "d_slash": (177, 0),  # custom yyyy/m/d, WPS's default
    "d59": (59, 0),  # an id below 164 defined by the file itself as yyyy-mm-dd (Numbers)
    "redefined50": (50, 0),  # built-in date id 50 redefined by the file as 0.00
    "wingdings": (0, 1),
    "text": (49, 0),  # @
    "d27": (27, 0), "d28": (28, 0), "d29": (29, 0), "d30": (30, 0), "d32": (32, 0), "d33": (33, 0),
    "d34": (34, 0), "d35": (35, 0), "d36": (36, 0), "d50": (50, 0), "d51": (51, 0), "d52": (52, 0),
    "d53": (53, 0), "d54": (54, 0), "d55": (55, 0), "d56": (56, 0),
    "d15": (15, 0), "d16": (16, 0), "d17": (17, 0),
}  # fmt: skip
CUSTOM_FORMATS = {176: 'yyyy"年"m"月"d"日";@', 177: "yyyy/m/d", 59: "yyyy-mm-dd", 50: "0.00"}


def serial(day: dt.date | dt.datetime, date1904: bool = False) -> float:
    base = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
    moment = day if isinstance(day, dt.datetime) else dt.datetime.combine(day, dt.time())
    delta = moment - base
    return delta.days + delta.seconds / 86400


# ---------------------------------------------------------------- flavours


@dataclass(frozen=True)
class Flavor:
    name: str
    shared_strings: bool = True
    phonetic_pr: bool = False  # <phoneticPr> on every <si>
    dimension: str = "true"  # "true", "A1" (a wrong one), "none"
    addresses: bool = True  # r= on rows and cells
    prefix: str = ""  # element prefix for the main namespace, e.g. "x"
    row_extras: bool = False  # spans and x14ac:dyDescent on rows (Excel)
    iso_dates: bool = False  # t="d" cells instead of serial numbers
    date1904: bool = False
    absolute_targets: bool = False
    calc_chain: bool = False
    kso_props: bool = False  # WPS custom document properties
    cell_images: bool = False  # WPS xl/cellimages.xml
    application: str = "Microsoft Excel"


EXCEL = Flavor("excel_zh", phonetic_pr=True, row_extras=True, calc_chain=True)
WPS = Flavor("wps", dimension="A1", kso_props=True, cell_images=True, application="WPS 表格")
GENERATOR = Flavor("generator", shared_strings=False, dimension="none", addresses=False, prefix="x",
                   iso_dates=True, absolute_targets=True, application="")
MAC1904 = Flavor("excel_mac_1904", date1904=True, application="Microsoft Macintosh Excel")


@dataclass
class Sheet:
    name: str
    cells: dict[tuple[int, int], object] = field(default_factory=dict)  # (row, col) -> value (maybe Styled)
    merges: list[str] = field(default_factory=list)

    def put(self, ref: str, value: object, style: str | None = None) -> None:
        from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

        letters, row = coordinate_from_string(ref)
        self.cells[(row, column_index_from_string(letters))] = Styled(value, style) if style else value

    def merge(self, ref: str, value: object = None, style: str | None = None) -> None:
        self.merges.append(ref)
        if value is not None:
            self.put(ref.split(":")[0], value, style)


# ---------------------------------------------------------------- writing


class _Strings:
    def __init__(self) -> None:
        self.items: list[object] = []
        self.index: dict[object, int] = {}

    def add(self, value: object) -> int:
        if value not in self.index:
            self.index[value] = len(self.items)
            self.items.append(value)
        return self.index[value]


def _text(s: str, p: str = "") -> str:
    escaped = escape(s.replace("\r", "_x000D_"))
    space = ' xml:space="preserve"' if s != s.strip() or "\n" in s else ""
    return f"<{p}t{space}>{escaped}</{p}t>"


def _string_body(value: object, flavor: Flavor, p: str = "") -> str:
    """The inside of an <si> or <is>."""
    tail = f'<{p}phoneticPr fontId="2" type="noConversion"/>' if flavor.phonetic_pr else ""
    if isinstance(value, Rich):
        runs = []
        for text, font in value.runs:
            charset = 2 if font and font.startswith("Wingdings") else 134  # symbol fonts vs GB2312
            props = f'<{p}rPr><{p}sz val="11"/><{p}rFont val="{font}"/><{p}charset val="{charset}"/></{p}rPr>' if font else ""
            runs.append(f"<{p}r>{props}{_text(text, p)}</{p}r>")
        return "".join(runs) + tail
    if isinstance(value, Phonetic):
        guide = f'<{p}rPh sb="0" eb="{len(value.text)}">{_text(value.guide, p)}</{p}rPh>'
        return _text(value.text, p) + guide + (tail or f'<{p}phoneticPr fontId="2" type="noConversion"/>')
    return _text(str(value), p) + tail


def _number(x: float | int) -> str:
    if isinstance(x, int) or float(x).is_integer():
        return str(int(x))
    return repr(float(x))


def _cell_xml(ref: str, value: object, style: int, flavor: Flavor, strings: _Strings) -> str:
    p = f"{flavor.prefix}:" if flavor.prefix else ""
    attrs = (f' r="{ref}"' if flavor.addresses else "") + (f' s="{style}"' if style else "")

    def cell(kind: str, body: str) -> str:
        t = f' t="{kind}"' if kind else ""
        return f"<{p}c{attrs}{t}>{body}</{p}c>"

    def v(text: str) -> str:
        return f"<{p}v>{escape(text)}</{p}v>"

    if value is None:
        return f"<{p}c{attrs}/>"
    if isinstance(value, Formula):
        f_text = escape(value.text)
        if value.shared is None:
            body = f"<{p}f>{f_text}</{p}f>"
        elif value.ref:
            body = f'<{p}f t="shared" ref="{value.ref}" si="{value.shared}">{f_text}</{p}f>'
        else:
            body = f'<{p}f t="shared" si="{value.shared}"/>'
        cached = value.cached
        if cached is None:
            return cell("", body)
        if isinstance(cached, str):
            return cell("str", body + v(cached))
        if isinstance(cached, bool):
            return cell("b", body + v("1" if cached else "0"))
        return cell("", body + v(_number(cached)))
    if isinstance(value, bool):
        return cell("b", v("1" if value else "0"))
    if isinstance(value, Error):
        return cell("e", v(value.code))
    if isinstance(value, (dt.date, dt.datetime)):
        if flavor.iso_dates:
            moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
            return cell("d", v(moment.isoformat()))
        return cell("", v(_number(serial(value, flavor.date1904))))
    if isinstance(value, (int, float)):
        return cell("", v(_number(value)))
    if flavor.shared_strings:
        return cell("s", v(str(strings.add(value))))
    if isinstance(value, str) and value == "":
        return f'<{p}c{attrs} t="inlineStr"/>'  # an empty inline string, as some exporters write
    return cell("inlineStr", f"<{p}is>{_string_body(value, flavor, p)}</{p}is>")


def _worksheet(sheet: Sheet, flavor: Flavor, strings: _Strings, styles: dict[str, int]) -> str:
    p = f"{flavor.prefix}:" if flavor.prefix else ""
    xmlns = f'xmlns:{flavor.prefix}="{MAIN}"' if flavor.prefix else f'xmlns="{MAIN}"'
    extra = f' xmlns:mc="{MC}" mc:Ignorable="x14ac" xmlns:x14ac="{X14AC}"' if flavor.row_extras else ""
    rows = sorted({r for r, _ in sheet.cells})
    last_col = max((c for _, c in sheet.cells), default=1)
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p}worksheet {xmlns} xmlns:r="{REL}"{extra}>']
    if flavor.dimension == "true":
        out.append(f'<{p}dimension ref="A1:{get_column_letter(last_col)}{rows[-1]}"/>')
    elif flavor.dimension == "A1":
        out.append(f'<{p}dimension ref="A1"/>')
    out.append(f"<{p}sheetData>")
    previous = 0
    for row in rows:
        if not flavor.addresses:
            out.extend(f"<{p}row/>" for _ in range(row - previous - 1))  # rows are counted, not named
        previous = row
        cols = sorted(c for r, c in sheet.cells if r == row)
        attrs = f' r="{row}"' if flavor.addresses else ""
        if flavor.row_extras:
            attrs += f' spans="{cols[0]}:{cols[-1]}" x14ac:dyDescent="0.25"'
        out.append(f"<{p}row{attrs}>")
        col_seen = 0
        for col in cols:
            raw = sheet.cells[(row, col)]
            style_key = raw.style if isinstance(raw, Styled) else "general"
            value = raw.value if isinstance(raw, Styled) else raw
            if not flavor.addresses:
                out.extend(f"<{p}c/>" for _ in range(col - col_seen - 1))  # a cell without r follows the previous one
            col_seen = col
            out.append(_cell_xml(f"{get_column_letter(col)}{row}", value, styles.get(style_key, 0), flavor, strings))
        out.append(f"</{p}row>")
    out.append(f"</{p}sheetData>")
    if sheet.merges:
        out.append(f'<{p}mergeCells count="{len(sheet.merges)}">')
        out.extend(f'<{p}mergeCell ref="{m}"/>' for m in sheet.merges)
        out.append(f"</{p}mergeCells>")
    out.append(f'<{p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
    out.append(f"</{p}worksheet>")
    return "".join(out)


def _styles() -> tuple[str, dict[str, int]]:
    keys = list(STYLE_KEYS)
    fmts = "".join(f'<numFmt numFmtId="{i}" formatCode="{escape(code, {chr(34): "&quot;"})}"/>' for i, code in CUSTOM_FORMATS.items())
    xfs = "".join(
        f'<xf numFmtId="{fmt}" fontId="{font}" fillId="0" borderId="0" xfId="0" applyNumberFormat="{int(bool(fmt))}"/>'
        for fmt, font in STYLE_KEYS.values()
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
        f'<numFmts count="{len(CUSTOM_FORMATS)}">{fmts}</numFmts>'
        '<fonts count="3"><font><sz val="11"/><name val="等线"/><charset val="134"/><scheme val="minor"/></font>'
        '<font><sz val="11"/><name val="Wingdings 2"/><charset val="2"/></font>'
        '<font><sz val="9"/><name val="等线"/><charset val="134"/><scheme val="minor"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(keys)}">{xfs}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )
    return xml, {k: i for i, k in enumerate(keys)}


def _sst(strings: _Strings, flavor: Flavor, uses: int) -> str:
    items = "".join(f"<si>{_string_body(v, flavor)}</si>" for v in strings.items)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" count="{uses}" '
        f'uniqueCount="{len(strings.items)}">{items}</sst>'
    )


def write_package(path: Path, sheets: list[Sheet], flavor: Flavor) -> None:
    styles_xml, styles = _styles()
    strings = _Strings()
    sheet_xml = [_worksheet(s, flavor, strings, styles) for s in sheets]
    uses = sum(1 for s in sheets for v in s.cells.values() if isinstance(v if not isinstance(v, Styled) else v.value, (str, Rich, Phonetic)))
    root = "/" if flavor.absolute_targets else ""
    rels = [(f"rId{i + 1}", "worksheet", f"{root}{'xl/' if root else ''}worksheets/sheet{i + 1}.xml") for i in range(len(sheets))]
    rels.append((f"rId{len(sheets) + 1}", "styles", f"{root}{'xl/' if root else ''}styles.xml"))
    if flavor.shared_strings:
        rels.append((f"rId{len(sheets) + 2}", "sharedStrings", "sharedStrings.xml"))
    if flavor.calc_chain:
        rels.append((f"rId{len(sheets) + 3}", "calcChain", "calcChain.xml"))
    overrides = {
        "/xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "/xl/styles.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
    for i in range(len(sheets)):
        overrides[f"/xl/worksheets/sheet{i + 1}.xml"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    parts: dict[str, str | bytes] = {}
    if flavor.shared_strings:
        overrides["/xl/sharedStrings.xml"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    if flavor.calc_chain:
        overrides["/xl/calcChain.xml"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"
        chain = "".join(
            f'<c r="{get_column_letter(c)}{r}" i="{i + 1}"/>'
            for i, s in enumerate(sheets) for (r, c), v in sorted(s.cells.items())
            if isinstance(v.value if isinstance(v, Styled) else v, Formula)
        )
        parts["xl/calcChain.xml"] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="{MAIN}">{chain}</calcChain>'
    if flavor.kso_props:
        overrides["/docProps/custom.xml"] = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
        parts["docProps/custom.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-11.1.0.11691</vt:lpwstr></property>'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV"><vt:lpwstr>FEAB6FBF67D44AA19C24BC22CBB840E5</vt:lpwstr></property>'
            "</Properties>"
        )
    if flavor.cell_images:
        overrides["/xl/cellimages.xml"] = "application/vnd.wps-officedocument.cellimage+xml"
        rels.append((f"rId{len(sheets) + 4}", "cellimages", "cellimages.xml"))
        parts["xl/cellimages.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<etc:cellImages xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData" '
            'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"></etc:cellImages>'
        )
    rel_types = {
        "worksheet": f"{REL}/worksheet", "styles": f"{REL}/styles", "sharedStrings": f"{REL}/sharedStrings",
        "calcChain": f"{REL}/calcChain", "cellimages": "http://www.wps.cn/officeDocument/2020/cellImage",
    }  # fmt: skip
    workbook_pr = '<workbookPr date1904="1"/>' if flavor.date1904 else '<workbookPr/>'
    sheet_list = "".join(f'<sheet name="{escape(s.name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, s in enumerate(sheets))
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in overrides.items())
        + "</Types>"
    )
    parts["_rels/.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL}">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="{root}xl/workbook.xml"/>'
        f'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="{root}docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="{root}docProps/app.xml"/>'
        + (f'<Relationship Id="rId4" Type="{REL}/custom-properties" Target="docProps/custom.xml"/>' if flavor.kso_props else "")
        + "</Relationships>"
    )
    parts["docProps/core.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>财务室</dc:creator>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-15T02:13:00Z</dcterms:created></cp:coreProperties>'
    )
    parts["docProps/app.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>{escape(flavor.application)}</Application></Properties>"
    )
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" xmlns:r="{REL}">'
        f"{workbook_pr}<bookViews><workbookView/></bookViews><sheets>{sheet_list}</sheets><calcPr calcId=\"191029\"/></workbook>"
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL}">'
        + "".join(f'<Relationship Id="{i}" Type="{rel_types[t]}" Target="{target}"/>' for i, t, target in rels)
        + "</Relationships>"
    )
    parts["xl/styles.xml"] = styles_xml
    for i, xml in enumerate(sheet_xml):
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = xml
    if flavor.shared_strings:
        parts["xl/sharedStrings.xml"] = _sst(strings, flavor, uses)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
