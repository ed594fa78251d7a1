"""An xlsx file as a set of parts we can patch without re-writing the rest.

openpyxl load + save loses charts, images, some formatting and OLE objects
(pitfalls.md), so the completed workbook is made by editing only the XML
parts that must change (a sheet, styles, workbook, relationships, content
types) and copying every other part's bytes unchanged.

Every part is read through the reader's :class:`perfeval_xl.ooxml.package.Package`,
so the copy obeys the same ``[limits]`` as reading: a part over a limit (a
comments drawing padded to gigabytes) raises ``WorkbookRefused`` and the
whole file is refused. Parts are parsed without entities or DTDs (the
package's parser) through lxml, which, unlike ElementTree, keeps namespace prefixes as
written; Excel rejects a file whose ``mc:Ignorable`` names a prefix that
re-serialisation dropped.
"""

from __future__ import annotations

import weakref
import zipfile
from pathlib import Path
from typing import Callable

from lxml import etree

from perfeval_xl.ooxml import zipwrite
from perfeval_xl.ooxml.atomic import atomic_write
from perfeval_xl.ooxml.names import (
    CT_WORKBOOK_XLSM,
    CT_WORKBOOK_XLSX,
    CT_WORKSHEET,
    NS_CT,
    NS_PKG_REL,
    NS_REL,
    REL_VBA,
    REL_WORKSHEET,
    q,
    relative_target,
    rels_path,
    resolve_target,
    serialize,
    workbook_part,
)
from perfeval_xl.ooxml.package import DEFAULT_LIMITS, Limits, Package, parse_xml


class PartUnusable(ValueError):
    """A part the copy must edit is missing or damaged (the reader did not need
    it, so the findings stand); ``reason`` says which, in Chinese."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class Relationships:
    """The ``.rels`` part of one source part."""

    def __init__(self, package: "XlsxPackage", source_part: str):
        # weakly: the package keeps its workbook's relationships (and their pending
        # render), so a strong reference back made a cycle, and every copy's parts
        # and trees stayed in memory until the cycle collector found them
        self.package = weakref.proxy(package)
        self.source_part = source_part
        self.path = rels_path(source_part)
        self.root = package.xml(self.path) if self.path in package else etree.Element(q("Relationships", NS_PKG_REL), nsmap={None: NS_PKG_REL})

    def __iter__(self):
        return iter(self.root.findall(q("Relationship", NS_PKG_REL)))

    def target_of(self, rel_id: str) -> str | None:
        for rel in self:
            if rel.get("Id") == rel_id and rel.get("TargetMode") != "External":
                return resolve_target(self.source_part, rel.get("Target", ""))
        return None

    def by_type(self, rel_type: str) -> list[tuple[str, str]]:
        """(Id, part) of every internal relationship of a type."""
        return [
            (rel.get("Id"), resolve_target(self.source_part, rel.get("Target", "")))
            for rel in self
            if rel.get("Type") == rel_type and rel.get("TargetMode") != "External"
        ]

    def by_type_any(self) -> list[tuple[str, str]]:
        """(Id, part) of every internal relationship."""
        return [(rel.get("Id"), resolve_target(self.source_part, rel.get("Target", ""))) for rel in self if rel.get("TargetMode") != "External"]

    def add(self, rel_type: str, part: str) -> str:
        used = {rel.get("Id") for rel in self}
        n = len(used) + 1
        while f"rId{n}" in used:
            n += 1
        rel_id = f"rId{n}"
        etree.SubElement(
            self.root,
            q("Relationship", NS_PKG_REL),
            Id=rel_id,
            Type=rel_type,
            Target=relative_target(self.source_part, part),
        )
        self.package.write_later(self.path, self._render)
        return rel_id

    def remove_type(self, rel_type: str) -> list[str]:
        removed = []
        for rel in list(self):
            if rel.get("Type") == rel_type:
                removed.append(resolve_target(self.source_part, rel.get("Target", "")))
                self.root.remove(rel)
        self.package.write_later(self.path, self._render)
        return removed

    def save(self) -> None:
        self.package.write(self.path, self._render())

    def _render(self) -> bytes:
        return serialize(self.root)


class XlsxPackage:
    """The parts of an xlsx: original bytes, with the patched or added ones on top.

    Parts are inflated only when read, within ``limits``, and on save every
    part nobody wrote is copied as its original compressed bytes
    (:mod:`.zipwrite`): most parts of a completed copy are never looked at,
    and re-compressing them was the largest cost of writing one."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS):
        self._source = Package(path, limits)
        self._order: list[str] = list(self._source.names)
        self._original: dict[str, zipfile.ZipInfo] = {n: self._source.infos[n] for n in self._order}  # parts not (yet) replaced
        self._inflated: dict[str, bytes] = {}
        self._written: dict[str, bytes] = {}
        self._pending: dict[str, Callable[[], bytes]] = {}  # written, but rendered on save or read
        self.content_types = self.xml("[Content_Types].xml")
        self.workbook_part = workbook_part(self.xml("_rels/.rels"))
        self.workbook = self.xml(self.workbook_part)
        self.workbook_rels = Relationships(self, self.workbook_part)

    # -- raw parts -------------------------------------------------------
    def read(self, part: str, *, markup: bool = True) -> bytes | None:
        """The part's current bytes, None when there is no such part. An
        original part is inflated within the limits (``markup``: see
        :meth:`Package.read`)."""
        if part in self._pending:
            self.write(part, self._pending[part]())
        if part in self._written:
            return self._written[part]
        if part not in self._inflated:
            if part not in self._original:
                return None
            self._inflated[part] = self._source.read(part, markup=markup)
        return self._inflated[part]

    def xml(self, part: str) -> etree._Element:
        """The part parsed; :class:`PartUnusable` when it is missing or not well-formed."""
        data = self.read(part)
        if data is None:
            raise PartUnusable(f"文件部件 {part} 缺失")
        try:
            return parse_xml(data)
        except etree.XMLSyntaxError:
            raise PartUnusable(f"文件部件 {part} 已损坏（不是完整的 XML）") from None

    def __contains__(self, part: str) -> bool:
        return part in self._written or part in self._pending or part in self._original

    def write(self, part: str, data: bytes) -> None:
        self._forget(part)
        self._written[part] = data

    def write_later(self, part: str, render: Callable[[], bytes]) -> None:
        """Like :meth:`write`, with the bytes made by ``render()`` only when the
        part is saved or read: a part edited many times is serialised once."""
        self._forget(part)
        self._pending[part] = render

    def _forget(self, part: str) -> None:
        """Drop what ``part`` held, keeping (or taking) its place in the order."""
        if part not in self:
            self._order.append(part)
        for held in (self._written, self._pending, self._original, self._inflated):
            held.pop(part, None)

    def delete(self, part: str) -> None:
        if part in self:
            self._forget(part)
            self._order.remove(part)
            self.remove_override(part)

    def new_part_name(self, pattern: str) -> str:
        """The first free name for ``pattern`` (``xl/comments{}.xml``)."""
        n = 1
        while pattern.format(n) in self:
            n += 1
        return pattern.format(n)

    # -- content types ---------------------------------------------------
    def add_override(self, part: str, content_type: str) -> None:
        self.remove_override(part)
        etree.SubElement(self.content_types, q("Override", NS_CT), PartName="/" + part, ContentType=content_type)

    def remove_override(self, part: str) -> None:
        for el in self.content_types.findall(q("Override", NS_CT)):
            if el.get("PartName", "").lstrip("/") == part:
                self.content_types.remove(el)

    def ensure_default(self, extension: str, content_type: str) -> None:
        for el in self.content_types.findall(q("Default", NS_CT)):
            if el.get("Extension", "").lower() == extension:
                return
        default = etree.Element(q("Default", NS_CT), Extension=extension, ContentType=content_type)
        self.content_types.insert(0, default)

    # -- workbook --------------------------------------------------------
    def sheets(self) -> dict[str, str]:
        """Sheet name -> worksheet part, in workbook order (chart sheets left out)."""
        result: dict[str, str] = {}
        sheets = self.workbook.find(q("sheets"))
        for sheet in sheets if sheets is not None else ():
            part = self.workbook_rels.target_of(sheet.get(q("id", NS_REL), ""))
            if part and part in self and "worksheets/" in part:
                result[sheet.get("name", "")] = part
        return result

    def add_sheet(self, name: str, xml: bytes, *, print_title_rows: str | None = None) -> str:
        part = self.new_part_name("xl/worksheets/sheet{}.xml")
        self.write(part, xml)
        self.add_override(part, CT_WORKSHEET)
        rel_id = self.workbook_rels.add(REL_WORKSHEET, part)
        sheets = self.workbook.find(q("sheets"))
        next_id = 1 + max((int(s.get("sheetId", "0")) for s in sheets), default=0)
        el = etree.SubElement(sheets, q("sheet"), name=name, sheetId=str(next_id))
        el.set(q("id", NS_REL), rel_id)
        if print_title_rows:
            quoted = "'" + name.replace("'", "''") + "'"
            self._define_name("_xlnm.Print_Titles", f"{quoted}!{print_title_rows}", local_sheet=len(sheets) - 1)
        return part

    def _define_name(self, name: str, value: str, local_sheet: int) -> None:
        names = self.workbook.find(q("definedNames"))
        if names is None:
            names = etree.Element(q("definedNames"))
            # schema order: … sheets, functionGroups, externalReferences, definedNames, calcPr …
            anchor = self.workbook.find(q("externalReferences"))
            anchor = anchor if anchor is not None else self.workbook.find(q("functionGroups"))
            anchor = anchor if anchor is not None else self.workbook.find(q("sheets"))
            anchor.addnext(names)
        etree.SubElement(names, q("definedName"), name=name, localSheetId=str(local_sheet)).text = value

    def drop_macros(self) -> bool:
        """Turn an .xlsm into a plain .xlsx: drop the VBA project, declare the
        workbook as macro-free. Returns whether there was anything to drop."""
        removed = self.workbook_rels.remove_type(REL_VBA)
        for part in removed:
            signed = [part for _, part in Relationships(self, part).by_type_any()]  # its signatures
            for extra in (part, rels_path(part), *signed):
                self.delete(extra)
        changed = bool(removed)
        for el in self.content_types.findall(q("Override", NS_CT)):
            if el.get("PartName", "").lstrip("/") == self.workbook_part and el.get("ContentType") == CT_WORKBOOK_XLSM:
                el.set("ContentType", CT_WORKBOOK_XLSX)
                changed = True
        return changed

    # -- output ----------------------------------------------------------
    def save(self, output_path: Path) -> None:
        """Write atomically: a temporary file beside the target, then ``os.replace``."""
        self.write(self.workbook_part, serialize(self.workbook))
        self.write("[Content_Types].xml", serialize(self.content_types))
        for part, render in list(self._pending.items()):
            self.write(part, render())
        order = ["[Content_Types].xml"] + [p for p in self._order if p != "[Content_Types].xml"]
        # a part the input had (styles, workbook, content types, rels) is often the
        # same in every copy of one template; the sheets we add never are
        entries = [
            zipwrite.deflated(part, self._written[part], remember=part in self._source.infos)
            if part in self._written
            else self._copy(part)
            for part in order
        ]
        atomic_write(output_path, zipwrite.zip_bytes(entries))

    def _copy(self, part: str) -> zipwrite.Entry:
        info = self._original[part]
        if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            return zipwrite.copied(self._source.stored(part), info)
        # a method not every reader knows (bzip2, lzma…): deflate it, as a rewrite always did
        return zipwrite.deflated(part, self.read(part, markup=False))
