"""A :class:`DepartmentNotice` laid out as a Word document in the style of a
公文 (GB/T 9704): A4 with the standard margins, the title in 小标宋 二号,
headings in 黑体 三号, the body in 仿宋 三号 on a fixed 28 pt line, page
numbers as ``— 1 —``, and findings in tables whose header row repeats on
every page.

Fonts are named in the styles for Latin and Chinese text alike (Word and
LibreOffice take Chinese text's font from ``w:eastAsia`` only); the font
table says what to fall back to where a font is missing: 仿宋_GB2312, on
government machines, is 仿宋 (FangSong) on an ordinary Windows one, and
方正小标宋简体 falls back to 宋体.
"""

from __future__ import annotations

import datetime as dt
import re
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.text.run import Run
from lxml import etree

from perfeval_xl.outputs.notices.content import (
    DepartmentNotice,
    ProblemLine,
    heading_number,
)

BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
TITLE_FONT = "方正小标宋简体"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"
# font -> (what a machine without it uses instead, font family, pitch) for the font table
FALLBACKS = {
    BODY_FONT: ("仿宋", "modern", "fixed"),
    HEADING_FONT: ("SimHei", "modern", "fixed"),
    TITLE_FONT: ("宋体", "roman", "variable"),
}

# 公文 sizes: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt
TITLE_SIZE, BODY_SIZE, PAGE_NUMBER_SIZE, TABLE_SIZE = Pt(22), Pt(16), Pt(14), Pt(10.5)
LINE = Pt(28)  # 22 lines in the 225 mm type area
TWO_CHARACTERS = Pt(32)  # paragraph indent and signature inset: two 三号 characters
# widths in mm; the 156 mm type area of an A4 page with 28 mm / 26 mm side margins
COLUMNS = (("序号", 10), ("位置", 32), ("问题", 59), ("应为", 19), ("实为", 19), ("严重程度", 17))
RULE_COLUMN = ("规则", 14)  # taken from 问题 when rule IDs are asked for

TITLE, HEADING, TABLE_TEXT, TABLE_HEADER, SIGNATURE = "公文标题", "一级标题", "表格文字", "表格标题行", "落款"
GRID = "Table Grid"  # python-docx's default template has it: single lines round every cell
# characters XML 1.0 cannot hold (python-docx refuses them); a clerk's text can contain them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def notice_document(notice: DepartmentNotice, created: dt.datetime):
    """The notice as a python-docx ``Document``, ready to save."""
    doc = Document()
    _page(doc.sections[0])
    ids = _styles(doc)
    _page_number(doc.sections[0])
    _font_table(doc)
    _properties(doc, notice, created)

    def paragraph(text: str, style: str | None = None):
        # styles by ID: python-docx looks a style up by name by walking every style (2 ms each time)
        added = doc.add_paragraph()
        if style is not None:
            added._p.style = ids[style]
        if text:
            added.add_run(clean(text))
        return added

    paragraph(notice.title, TITLE)
    paragraph("")  # 标题下空一行
    paragraph(notice.department + "：", SIGNATURE).alignment = WD_ALIGN_PARAGRAPH.LEFT  # 主送机关, flush left
    paragraph(notice.opening)
    for number, project in enumerate(notice.projects, start=1):
        paragraph(heading_number(number) + (project.name or project.file), HEADING)
        source = paragraph(f"报送文件：{project.file}")
        source.alignment = WD_ALIGN_PARAGRAPH.LEFT  # a file name does not break between words: justified, it would be stretched
        facts = paragraph(f"{project.scores}存在以下问题（{project.counts}）：")
        for kept in (source, facts):
            kept.paragraph_format.keep_with_next = True
        _table(doc, ids, project.lines, notice.rule_ids)
        paragraph("", TABLE_TEXT)  # Word needs a paragraph between two tables; it also gives air
    ending = [
        paragraph(notice.closing),
        paragraph("特此反馈。"),
        paragraph(""),
        paragraph(notice.office, SIGNATURE),
        paragraph(notice.signed, SIGNATURE),
    ]
    for kept in ending[:-1]:  # the signature never stands on a page of its own
        kept.paragraph_format.keep_with_next = True
    return doc


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _page(section) -> None:
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(20)


def _page_number(section) -> None:
    """``— 1 —`` centred below the type area, in 宋体 四号."""
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(footer.paragraph_format, None, first_line=Pt(0))
    footer.add_run("— ")
    number = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    footer._p.append(number)
    footer.add_run(" —")
    for run in [*footer.runs, *(Run(r, footer) for r in number.iter(qn("w:r")))]:
        _fonts(run._r.get_or_add_rPr(), PAGE_NUMBER_FONT, PAGE_NUMBER_FONT)
        run.font.size = PAGE_NUMBER_SIZE


def _styles(doc) -> dict[str, str]:
    """Set up Normal and add the notice's paragraph styles; name -> style ID."""
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(defaults, LATIN_FONT, BODY_FONT)
    language = defaults.find(qn("w:lang"))
    language.set(qn("w:val"), "zh-CN")
    language.set(qn("w:eastAsia"), "zh-CN")

    normal = doc.styles["Normal"]
    _fonts(normal.element.get_or_add_rPr(), LATIN_FONT, BODY_FONT)
    normal.font.size = BODY_SIZE
    _spacing(normal.paragraph_format, LINE, first_line=TWO_CHARACTERS)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.widow_control = True

    title = _style(doc, TITLE, TITLE_FONT, TITLE_FONT, TITLE_SIZE)
    _spacing(title.paragraph_format, Pt(36), first_line=Pt(0))
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    heading = _style(doc, HEADING, HEADING_FONT, HEADING_FONT, BODY_SIZE)
    heading.paragraph_format.keep_with_next = True
    heading.paragraph_format.space_before = Pt(6)

    for name, east_asian, alignment in ((TABLE_TEXT, BODY_FONT, WD_ALIGN_PARAGRAPH.LEFT), (TABLE_HEADER, HEADING_FONT, WD_ALIGN_PARAGRAPH.CENTER)):
        style = _style(doc, name, LATIN_FONT if east_asian == BODY_FONT else HEADING_FONT, east_asian, TABLE_SIZE)
        _spacing(style.paragraph_format, None, first_line=Pt(0))
        style.paragraph_format.alignment = alignment

    signature = _style(doc, SIGNATURE, LATIN_FONT, BODY_FONT, BODY_SIZE)
    signature.paragraph_format.first_line_indent = Pt(0)
    signature.paragraph_format.right_indent = TWO_CHARACTERS  # 右空二字
    signature.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return {name: doc.styles[name].style_id for name in (TITLE, HEADING, TABLE_TEXT, TABLE_HEADER, SIGNATURE, GRID)}


def _style(doc, name: str, latin: str, east_asian: str, size):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    _fonts(style.element.get_or_add_rPr(), latin, east_asian)
    style.font.size = size
    return style


def _spacing(fmt, line, *, first_line) -> None:
    fmt.space_after = Pt(0)
    if line is None:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = line
    fmt.first_line_indent = first_line


def _fonts(run_properties, latin: str, east_asian: str) -> None:
    """Name the font for every script; theme fonts would otherwise win."""
    fonts = run_properties.get_or_add_rFonts()
    for attribute in list(fonts.attrib):
        if "theme" in attribute.lower():
            del fonts.attrib[attribute]
    for slot, font in (("w:ascii", latin), ("w:hAnsi", latin), ("w:cs", latin), ("w:eastAsia", east_asian)):
        fonts.set(qn(slot), font)


def _font_table(doc) -> None:
    """Declare the 公文 fonts with their fallbacks (python-docx has no API for
    the font table, so its part's bytes are rewritten)."""
    part = next(p for p in doc.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
    table = etree.fromstring(part.blob)
    for name, (alternative, family, pitch) in FALLBACKS.items():
        font = etree.SubElement(table, qn("w:font"), {qn("w:name"): name})
        etree.SubElement(font, qn("w:altName"), {qn("w:val"): alternative})
        etree.SubElement(font, qn("w:charset"), {qn("w:val"): "86"})  # GB2312
        etree.SubElement(font, qn("w:family"), {qn("w:val"): family})
        etree.SubElement(font, qn("w:pitch"), {qn("w:val"): pitch})
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _properties(doc, notice: DepartmentNotice, created: dt.datetime) -> None:
    properties = doc.core_properties
    properties.title = clean(notice.title)[:_PROPERTY_LENGTH]
    properties.subject = clean(notice.department)[:_PROPERTY_LENGTH]
    properties.author = properties.last_modified_by = clean(notice.office)[:_PROPERTY_LENGTH]
    properties.created = properties.modified = created
    properties.revision = 1
    properties.language = "zh-CN"
    properties.comments = "由 perfeval 核查生成"
    properties.keywords = ""


_PROPERTY_LENGTH = 255  # python-docx refuses longer document properties


def _table(doc, ids: dict[str, str], lines: tuple[ProblemLine, ...], rule_ids: bool) -> None:
    columns = list(COLUMNS)
    if rule_ids:
        columns[2] = (columns[2][0], columns[2][1] - RULE_COLUMN[1])
        columns.append(RULE_COLUMN)
    widths = [round(Mm(width).twips) for _, width in columns]
    table = doc.add_table(rows=0, cols=len(columns))
    table._tbl.tblPr.style = ids[GRID]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # fixed layout: the widths below, not the text, decide the columns
    _cell_margins(table)
    for column, (_, width) in zip(table.columns, columns):
        column.width = Mm(width)
    # rows as XML: python-docx's cell API costs ~1 ms a cell, 30 s for a department with 2,000 findings
    table._tbl.append(_row([name for name, _ in columns], widths, ids[TABLE_HEADER], header=True))
    for number, line in enumerate(lines, start=1):
        values = [str(number), line.location, line.problem, line.expected, line.actual, line.severity]
        if rule_ids:
            values.append(line.rule)
        table._tbl.append(_row(values, widths, ids[TABLE_TEXT]))


CENTRED = (0, 5)  # 序号 and 严重程度 read best centred
_CENTRE = '<w:jc w:val="center"/>'


def _row(values: list[str], widths: list[int], style_id: str, *, header: bool = False):
    """One table row. Every row is kept whole on a page (a finding is read
    whole); the header row is repeated at the top of every page the table
    runs onto."""
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{escape(style_id)}"/>{_CENTRE if i in CENTRED else ""}</w:pPr>'
        f"<w:r>{_text_xml(value)}</w:r></w:p></w:tc>"
        for i, (value, width) in enumerate(zip(values, widths))
    )
    properties = "<w:cantSplit/><w:tblHeader/>" if header else "<w:cantSplit/>"
    return parse_xml(f'<w:tr {nsdecls("w")}><w:trPr>{properties}</w:trPr>{cells}</w:tr>')


def _text_xml(text: str) -> str:
    """A run's text; line breaks in it become ``w:br`` as in Word."""
    lines = clean(text).split("\n")
    return "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)


def _cell_margins(table) -> None:
    """1 mm either side instead of Word's 1.9 mm: room for 严重程度 on one line.
    Placed before ``w:tblLook``: Word reads table properties in schema order only."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "57")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties = table._tbl.tblPr
    look = properties.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        properties.append(margins)
