"""Names of the OOXML package: namespaces, relationship and content types,
and the paths of relationship parts — one definition for reading and writing."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

from lxml import etree

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_MAIN_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"  # ISO strict files (Excel "Strict Open XML")
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_WORKSHEET = NS_REL + "/worksheet"
REL_STYLES = NS_REL + "/styles"
REL_COMMENTS = NS_REL + "/comments"
REL_VML = NS_REL + "/vmlDrawing"
REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
CT_WORKBOOK_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_WORKBOOK_XLSM = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
MAX_CELL_TEXT = 32767  # Excel's limit on characters in one cell

# XML 1.0 forbids most control characters; a pasted report can contain them.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text safe to put in an XML element (illegal control characters dropped)."""
    return _ILLEGAL_XML.sub("", text)


def q(tag: str, ns: str = NS_MAIN) -> str:
    return f"{{{ns}}}{tag}"


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rels_path(part: str) -> str:
    """``xl/worksheets/sheet1.xml`` -> ``xl/worksheets/_rels/sheet1.xml.rels``."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve_target(source_part: str, target: str) -> str:
    """A relationship target, relative to its source part, as a zip entry name.
    A ``..`` above the package root stays at the root (a hostile target cannot
    name a part outside the package)."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for segment in posixpath.join(posixpath.dirname(source_part), target).split("/"):
        if segment == "..":
            if parts:
                parts.pop()
        elif segment not in ("", "."):
            parts.append(segment)
    return "/".join(parts)


def workbook_part(root_relationships: etree._Element) -> str:
    """The workbook's part name, from the package's ``_rels/.rels``."""
    for rel in root_relationships:
        if rel.get("Type", "").endswith("/officeDocument"):
            return resolve_target("", rel.get("Target") or "xl/workbook.xml")
    return "xl/workbook.xml"


@lru_cache(maxsize=1024)  # relpath goes through abspath (the working directory) each time; the pairs repeat
def relative_target(source_part: str, part: str) -> str:
    return posixpath.relpath(part, posixpath.dirname(source_part))
