"""Adding cell formats to an existing ``styles.xml`` without disturbing the old ones.

A flagged cell keeps its own look (borders, font, alignment, number format)
and only gains a fill or a font colour: we copy its ``<xf>`` and change the
one attribute, so the clerk's formatting survives.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from perfeval_xl.ooxml.editable import PartUnusable, XlsxPackage
from perfeval_xl.ooxml.names import CT_STYLES, REL_STYLES, q, serialize
from perfeval_xl.ooxml.package import parse_xml

_MINIMAL_STYLES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    b'<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    b'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    b'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    b'<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    b"</styleSheet>"
)
# Child order of <font> in the schema; Excel refuses a file that breaks it.
_FONT_ORDER = ["b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "family", "charset", "scheme"]
# Children of <styleSheet> in schema order, to insert a missing collection in the right place.
_SHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"]


@dataclass(frozen=True)
class FontChange:
    """What to change on a copied font (None = keep)."""

    color: str | None = None  # ARGB
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class Look:
    """A change to apply on top of an existing cell format."""

    fill: str | None = None  # ARGB of a solid fill
    font: FontChange | None = None
    num_fmt: int | None = None  # built-in number format id
    wrap: bool = False
    border: bool = False  # thin border all round


class StyleBook:
    """The workbook's ``styles.xml``, with derived formats added on demand.

    Workbooks filled from one template share their ``styles.xml`` byte for
    byte and ask for the same derived formats, so parsing it, copying ``<xf>``
    elements and serialising again was the same work per file (a tenth of a
    completed copy). A derived format's index is known without the tree (each
    new one is appended to ``cellXfs``), so the book only records what is
    asked for; the new ``styles.xml`` is built on save, once per distinct
    (original, requests) pair of a process."""

    def __init__(self, package: XlsxPackage):
        self.package = package
        found = package.workbook_rels.by_type(REL_STYLES)
        if found:
            self.part = found[0][1]
            self._source = package.read(self.part) or b""
        else:
            self.part = "xl/styles.xml"
            self._source = _MINIMAL_STYLES
            package.add_override(self.part, CT_STYLES)
            package.workbook_rels.add(REL_STYLES, self.part)
        try:
            self._original = _cell_formats(self._source)  # numFmtId of each existing <xf>, as written
        except etree.XMLSyntaxError:
            raise PartUnusable(f"文件部件 {self.part} 已损坏（不是完整的 XML）") from None
        self._derived: list[int | None] = []  # numFmtId of each derived <xf> (None: the base's, unparsed)
        self._bases: list[int] = []
        self._cache: dict[tuple[int, Look], int] = {}

    def derive(self, base_xf: int, look: Look) -> int:
        """The index of a cell format equal to ``base_xf`` changed by ``look``."""
        key = (base_xf, look)
        index = self._cache.get(key)
        if index is None:
            # an empty cellXfs first gets the default format at 0, then the derived ones follow
            index = self._cache[key] = max(len(self._original), 1) + len(self._derived)
            self._bases.append(base_xf if 0 <= base_xf < self._count() else 0)
            self._derived.append(look.num_fmt)
        return index

    def _count(self) -> int:
        return max(len(self._original), 1) + len(self._derived) if self._derived else len(self._original)

    def num_fmt_of(self, xf_index: int) -> int:
        if not 0 <= xf_index < self._count():
            return 0
        first_derived = max(len(self._original), 1)
        while xf_index >= first_derived:
            own = self._derived[xf_index - first_derived]
            if own is not None:
                return own
            xf_index = self._bases[xf_index - first_derived]
        return int(self._original[xf_index]) if xf_index < len(self._original) else 0

    def save(self) -> None:
        if not self._cache and self._source is not _MINIMAL_STYLES:
            return  # nothing derived: the original part is copied as it is
        requests = tuple(self._cache)  # in the order asked, which is the order of their indices
        if len(self._source) <= _REMEMBERED_BYTES:
            rendered = _remembered_render(self._source, requests)
        else:
            rendered = _render(self._source, requests)
        self.package.write(self.part, rendered)


_REMEMBERED_BYTES = 256 * 1024  # a template's styles.xml is a few KB; a huge one is not kept


@lru_cache(maxsize=64)
def _remembered_cell_formats(data: bytes) -> tuple[str, ...]:
    return _cell_formats_of(data)


def _cell_formats(data: bytes) -> tuple[str, ...]:
    return _remembered_cell_formats(data) if len(data) <= _REMEMBERED_BYTES else _cell_formats_of(data)


def _cell_formats_of(data: bytes) -> tuple[str, ...]:
    xfs = parse_xml(data).find(q("cellXfs"))
    return tuple(xf.get("numFmtId", "0") for xf in xfs) if xfs is not None else ()


@lru_cache(maxsize=64)
def _remembered_render(data: bytes, requests: tuple[tuple[int, Look], ...]) -> bytes:
    return _render(data, requests)


def _render(data: bytes, requests: tuple[tuple[int, Look], ...]) -> bytes:
    tree = _StyleTree(parse_xml(data))
    for base_xf, look in requests:
        tree.derive(base_xf, look)
    return serialize(tree.root)


class _StyleTree:
    """``styles.xml`` parsed, and the derived formats appended to it."""

    def __init__(self, root: etree._Element):
        self.root = root
        self._fills: dict[str, int] = {}
        self._border: int | None = None
        self._collections: dict[str, etree._Element] = {}  # found once: each derive asks several times

    def _collection(self, tag: str) -> etree._Element:
        el = self._collections.get(tag)
        if el is None:
            el = self._collections[tag] = self._find_or_add(tag)
        return el

    def _find_or_add(self, tag: str) -> etree._Element:
        el = self.root.find(q(tag))
        if el is None:
            el = etree.Element(q(tag))
            later = _SHEET_ORDER[_SHEET_ORDER.index(tag) + 1 :]
            for i, child in enumerate(self.root):
                if etree.QName(child).localname in later:
                    self.root.insert(i, el)
                    break
            else:
                self.root.append(el)
        return el

    def _append(self, tag: str, item: etree._Element) -> int:
        coll = self._collection(tag)
        coll.append(item)
        coll.set("count", str(len(coll)))
        return len(coll) - 1

    def _fill(self, argb: str) -> int:
        if argb not in self._fills:
            fill = etree.Element(q("fill"))
            pattern = etree.SubElement(fill, q("patternFill"), patternType="solid")
            etree.SubElement(pattern, q("fgColor"), rgb=argb)
            etree.SubElement(pattern, q("bgColor"), indexed="64")
            self._fills[argb] = self._append("fills", fill)
        return self._fills[argb]

    def _thin_border(self) -> int:
        if self._border is None:
            border = etree.Element(q("border"))
            for side in ("left", "right", "top", "bottom"):
                etree.SubElement(etree.SubElement(border, q(side), style="thin"), q("color"), indexed="64")
            etree.SubElement(border, q("diagonal"))
            self._border = self._append("borders", border)
        return self._border

    def _font(self, base_id: int, change: FontChange) -> int:
        fonts = self._collection("fonts")
        base = fonts[base_id] if 0 <= base_id < len(fonts) else None
        font = copy.deepcopy(base) if base is not None else etree.Element(q("font"))
        wanted = {"b": change.bold, "i": change.italic, "u": change.underline}
        for tag, on in wanted.items():
            if on and font.find(q(tag)) is None:
                _insert_ordered(font, etree.Element(q(tag)))
        if change.color:
            for old in font.findall(q("color")):
                font.remove(old)
            _insert_ordered(font, etree.Element(q("color"), rgb=change.color))
        return self._append("fonts", font)

    def derive(self, base_xf: int, look: Look) -> int:
        """The index of a cell format equal to ``base_xf`` changed by ``look``."""
        xfs = self._collection("cellXfs")
        if len(xfs) == 0:
            etree.SubElement(xfs, q("xf"), numFmtId="0", fontId="0", fillId="0", borderId="0", xfId="0")
        base = xfs[base_xf] if 0 <= base_xf < len(xfs) else xfs[0]
        xf = copy.deepcopy(base)
        if look.fill:
            xf.set("fillId", str(self._fill(look.fill)))
            xf.set("applyFill", "1")
        if look.font:
            xf.set("fontId", str(self._font(int(xf.get("fontId", "0")), look.font)))
            xf.set("applyFont", "1")
        if look.num_fmt is not None:
            xf.set("numFmtId", str(look.num_fmt))
            xf.set("applyNumberFormat", "1")
        if look.border:
            xf.set("borderId", str(self._thin_border()))
            xf.set("applyBorder", "1")
        if look.wrap:
            align = xf.find(q("alignment"))
            if align is None:
                align = etree.Element(q("alignment"))
                xf.insert(0, align)
            align.set("wrapText", "1")
            align.set("vertical", "top")
            xf.set("applyAlignment", "1")
        return self._append("cellXfs", xf)


def _insert_ordered(parent: etree._Element, child: etree._Element) -> None:
    """Insert ``child`` into a <font> respecting the schema's child order."""
    rank = _FONT_ORDER.index(etree.QName(child).localname)
    for i, existing in enumerate(parent):
        name = etree.QName(existing).localname
        if name in _FONT_ORDER and _FONT_ORDER.index(name) > rank:
            parent.insert(i, child)
            return
    parent.append(child)
