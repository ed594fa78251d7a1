"""Cell comments (Excel "notes") added to a sheet that may already have some.

A note lives in two parts: the text in ``commentsN.xml`` and the yellow box
in a VML drawing. A clerk's own note on a cell we flag is kept; our text is
appended below it. New boxes are appended to the sheet's existing VML (which
may also hold form controls) by text insertion, because Excel's VML is not
always well-formed XML and must not be re-serialised.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from lxml import etree

from perfeval_xl.ooxml.editable import XlsxPackage
from perfeval_xl.ooxml.names import (
    CT_COMMENTS,
    CT_VML,
    REL_COMMENTS,
    REL_VML,
    q,
    serialize,
    xml_text,
)
from perfeval_xl.outputs.completed._sheet import SheetPatch, split_ref

AUTHOR = "perfeval 核查"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Appended shapes declare their own prefixes: a VML written by another tool may
# bind v/o/x to nothing (openpyxl writes ns0:, ns1:…).
_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"'
_VML_HEAD = """<xml {ns}>
 <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{block}"/></o:shapelayout>
"""
_SHAPETYPE = """ <v:shapetype {ns} id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">
  <v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/>
 </v:shapetype>
"""
_SHAPE = """ <v:shape {ns} id="_x0000_s{sid}" type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;width:{width}pt;height:{height}pt;z-index:{z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">
  <v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>
  <v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>
  <x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>{row}</x:Row><x:Column>{col}</x:Column></x:ClientData>
 </v:shape>
"""


def add_comments(package: XlsxPackage, sheet: SheetPatch, notes: dict[str, str], block: int) -> None:
    """Attach ``notes`` (cell -> text) to ``sheet``. ``block`` numbers the VML
    shape-id block for a new drawing and must differ between sheets."""
    if not notes:
        return
    comments_part, comments = _comments_part(package, sheet)
    author_id = _author_id(_child(comments, "authors", first=True))
    comment_list = _child(comments, "commentList")
    existing = {c.get("ref", "").upper(): c for c in comment_list.findall(q("comment"))}
    boxes: list[str] = []
    for ref, text in notes.items():
        if ref.upper() in existing:  # the clerk's note stays; ours follows it
            _append_run(_child(existing[ref.upper()], "text"), "\n——\n" + text)
            continue
        comment = etree.SubElement(comment_list, q("comment"), ref=ref, authorId=str(author_id))
        _append_run(etree.SubElement(comment, q("text")), text, bold_prefix=AUTHOR + "：\n")
        boxes.append(ref)
    package.write(comments_part, serialize(comments))
    if boxes:
        _add_boxes(package, sheet, {ref: notes[ref] for ref in boxes}, block)


def _comments_part(package: XlsxPackage, sheet: SheetPatch) -> tuple[str, etree._Element]:
    found = sheet.rels.by_type(REL_COMMENTS)
    if found and found[0][1] in package:
        part = found[0][1]
        return part, package.xml(part)
    part = package.new_part_name("xl/comments{}.xml")
    root = etree.Element(q("comments"), nsmap={None: "http://schemas.openxmlformats.org/spreadsheetml/2006/main"})
    etree.SubElement(root, q("authors"))
    etree.SubElement(root, q("commentList"))
    package.add_override(part, CT_COMMENTS)
    sheet.rels.add(REL_COMMENTS, part)
    return part, root


def _child(parent: etree._Element, tag: str, first: bool = False) -> etree._Element:
    """``parent``'s ``tag`` child, added (first or last) when a damaged part lacks it."""
    found = parent.find(q(tag))
    if found is None:
        found = etree.Element(q(tag))
        parent.insert(0, found) if first else parent.append(found)
    return found


def _author_id(authors: etree._Element) -> int:
    names = [a.text or "" for a in authors.findall(q("author"))]
    if AUTHOR in names:
        return names.index(AUTHOR)
    etree.SubElement(authors, q("author")).text = AUTHOR
    return len(names)


def _append_run(text_el: etree._Element, text: str, bold_prefix: str = "") -> None:
    def run(content: str, bold: bool) -> None:
        r = etree.Element(q("r"))
        rpr = etree.SubElement(r, q("rPr"))
        if bold:
            etree.SubElement(rpr, q("b"))
        etree.SubElement(rpr, q("sz"), val="9")
        etree.SubElement(rpr, q("rFont"), val="宋体")
        t = etree.SubElement(r, q("t"))
        t.text = xml_text(content)
        t.set(_XML_SPACE, "preserve")
        # runs come after a plain <t> and before phonetic parts
        tail = [c for c in text_el if etree.QName(c).localname in ("rPh", "phoneticPr")]
        if tail:
            tail[0].addprevious(r)
        else:
            text_el.append(r)

    if bold_prefix:
        run(bold_prefix, True)
    run(text, False)


def _box_size(text: str) -> tuple[int, int, int, int]:
    """Columns and rows the box spans, and its size in points, from the text."""
    lines = sum(max(1, -(-len(line) // 24)) for line in text.split("\n")) + 1
    rows = min(max(lines, 3), 30)
    return 4, rows, 200, rows * 13


def _add_boxes(package: XlsxPackage, sheet: SheetPatch, notes: dict[str, str], block: int) -> None:
    vml_part = sheet.legacy_drawing_part()
    # edited as bytes: the drawing is kept exactly as written (whatever its encoding),
    # and a large one is not copied into a str and back
    vml = package.read(vml_part) if vml_part else None
    if vml is None:
        vml_part = package.new_part_name("xl/drawings/vmlDrawing{}.vml")
        vml = (_VML_HEAD.format(ns=_NS, block=block) + _SHAPETYPE.format(ns=_NS) + "</xml>").encode()
        package.ensure_default("vml", CT_VML)
        sheet.set_legacy_drawing(sheet.rels.add(REL_VML, vml_part))
    ids = [int(n) for n in re.findall(rb"_x0000_s(\d+)", vml)]
    # shape ids must stay inside the drawing's id block (idmap data × 1024 + n)
    idmap = re.search(rb'<(?:\w+:)?idmap[^>]*data="(\d+)', vml)
    next_id = max(ids + [int(idmap.group(1)) * 1024 if idmap else block * 1024]) + 1
    shapes = [] if b"_x0000_t202" in vml else [_SHAPETYPE.format(ns=_NS)]
    for ref, text in notes.items():
        col, row = split_ref(ref)
        cols, rows, width, height = _box_size(text)
        anchor = f"{col}, 15, {max(row - 2, 0)}, 10, {col + cols}, 15, {max(row - 2, 0) + rows}, 4"
        shapes.append(_SHAPE.format(ns=_NS, sid=next_id, z=len(ids) + len(shapes) + 1, width=width, height=height, anchor=escape(anchor), row=row - 1, col=col - 1))
        next_id += 1
    added = "".join(shapes).encode()
    end = vml.rfind(b"</xml>")
    package.write(vml_part, vml[:end] + added + vml[end:] if end >= 0 else vml + added)
