"""Which cells of a workbook are dates, decided from its XML alone.

An oracle for the reader tests, independent of both readers under test: a cell
is a date when it is ``t="d"``, or a number whose style's format is a date —
a built-in date id (14–22, 27–36, 45–47, 50–58: ECMA-376 §18.8.30 and the CJK
ids Chinese, Japanese and Korean Excel write without a ``<numFmt>``) unless the
file defines that id itself, or a format code with date or time tokens outside
quoted text, escapes and colour/condition brackets.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree as ET

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

BUILTIN_DATE_IDS = set(range(14, 23)) | set(range(27, 37)) | set(range(45, 48)) | set(range(50, 59))
_QUOTED = re.compile(r'"[^"]*"|\\.|_.|\*.')
_BRACKET = re.compile(r"\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]", re.IGNORECASE)
_DATE_TOKEN = re.compile(r"[ymdhs]", re.IGNORECASE)


def is_date_code(code: str) -> bool:
    first = code.split(";")[0]
    bare = _BRACKET.sub("", _QUOTED.sub("", first))
    return bool(_DATE_TOKEN.search(bare.replace("General", "")))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for seg in (str(PurePosixPath(base).parent) + "/" + target).split("/"):
        if seg == "..":
            parts.pop()
        elif seg not in ("", "."):
            parts.append(seg)
    return "/".join(parts)


def _rels(z: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    p = PurePosixPath(part)
    name = f"{p.parent}/_rels/{p.name}.rels".lstrip("./")
    if name not in z.namelist():
        return {}
    return {
        el.get("Id", ""): (_resolve(part, el.get("Target", "")), el.get("Type", ""))
        for el in ET.fromstring(z.read(name))
    }


def date_cells(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Sheet name -> the (row, column) of every date cell."""
    with zipfile.ZipFile(path) as z:
        root_rels = _rels(z, "")
        workbook = next((t for t, kind in root_rels.values() if kind.endswith("/officeDocument")), "xl/workbook.xml")
        rels = _rels(z, workbook)
        styles = next((t for t, kind in rels.values() if kind.endswith("/styles")), None)
        date_styles = _date_styles(ET.fromstring(z.read(styles))) if styles and styles in z.namelist() else set()
        out: dict[str, set[tuple[int, int]]] = {}
        for el in ET.fromstring(z.read(workbook)).iter():
            if _local(el.tag) != "sheet":
                continue
            rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), "")
            part = rels.get(rid, ("", ""))[0]
            if part in z.namelist():
                out[el.get("name", "")] = _dates_in_sheet(ET.fromstring(z.read(part)), date_styles)
        return out


def _date_styles(root: ET.Element) -> set[int]:
    custom: dict[int, str] = {}
    xfs: list[int] = []
    for el in root:
        if _local(el.tag) == "numFmts":
            custom = {int(f.get("numFmtId", "0")): f.get("formatCode", "") for f in el}
        elif _local(el.tag) == "cellXfs":
            xfs = [int(xf.get("numFmtId", "0")) for xf in el]
    return {
        i for i, fmt in enumerate(xfs)
        if (is_date_code(custom[fmt]) if fmt in custom else fmt in BUILTIN_DATE_IDS)
    }


def _dates_in_sheet(root: ET.Element, date_styles: set[int]) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    row = 0
    for row_el in root.iter():
        if _local(row_el.tag) != "row":
            continue
        row = int(row_el.get("r")) if row_el.get("r") else row + 1
        col = 0
        for c in row_el:
            if _local(c.tag) != "c":
                continue
            ref = c.get("r")
            if ref:
                letters, row = coordinate_from_string(ref)
                col = column_index_from_string(letters)
            else:
                col += 1
            kind = c.get("t", "n")
            has_value = any(_local(ch.tag) == "v" and (ch.text or "").strip() for ch in c)
            if kind == "d" and has_value or kind == "n" and has_value and int(c.get("s", "0")) in date_styles:
                found.add((row, col))
    return found
