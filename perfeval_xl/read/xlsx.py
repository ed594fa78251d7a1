"""A fast, bounded reader of .xlsx/.xlsm files into grids.

openpyxl builds a full object model and takes tens of milliseconds per small
form; reading the few parts we need straight from the zip is several times
faster and lets us bound what an untrusted file may cost:

- every part is read through :class:`perfeval_xl.ooxml.package.Package`,
  which holds it to :class:`Limits` (entry count, each part's inflated size
  and ratio, their total) and refuses a DOCTYPE or entity declaration, so
  neither a zip bomb nor billion-laughs nor an external entity can do anything;
- the rows and cells read per sheet are limited too, so a sheet with a
  million rows is refused instead of exhausting memory;
- one pass gives values, formulas, number formats and merges together.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree
from openpyxl.formula.translate import Translator
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, range_boundaries

from perfeval_xl.ooxml import names
from perfeval_xl.ooxml.names import rels_path, resolve_target, workbook_part
from perfeval_xl.ooxml.package import (
    DEFAULT_LIMITS,
    MB,
    XML_PARSER,
    Limits,
    Package,
    WorkbookRefused,
)
from perfeval_xl.read.grid import Grid, RawCell
from perfeval_xl.values.dates import serial_to_date
from perfeval_xl.values.number_format import builtin_format, is_date_format
from perfeval_xl.values.text import unescape_xstring

__all__ = ["DEFAULT_LIMITS", "MB", "FastSheets", "Limits", "SheetUnreadable", "WorkbookRefused", "check_package"]

NS = "{%s}" % names.NS_MAIN
NS_STRICT = "{%s}" % names.NS_MAIN_STRICT
NS_REL = "{%s}" % names.NS_REL
_TEXT_TAGS = {f"{NS}t", f"{NS_STRICT}t"}


def too_many_rows(sheet: str, limits: Limits) -> str:
    return (
        f"工作表“{sheet}”超过 {limits.max_rows} 行，不像评价表，已停止读取"
        "（上限可在 perfeval.toml 的 [limits] max_rows 中调整）。"
    )


def too_many_cells(sheet: str, limits: Limits) -> str:
    return (
        f"工作表“{sheet}”的单元格（含合并单元格）超过 {limits.max_cells} 个，不像评价表，已停止读取"
        "（上限可在 perfeval.toml 的 [limits] max_cells 中调整）。"
    )


# A merged range larger than this carries no layout a form needs (its value is
# in its top-left cell anyway), and indexing every cell of A1:XFD1048576 would
# never finish: such merges are ignored rather than expanded.
MAX_MERGE_CELLS = 10_000


def check_package(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Hold every part of the zip to ``limits``, for readers (openpyxl) that
    may inflate any of them: raises :class:`WorkbookRefused`."""
    Package(path, limits).check_all()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _rels(pkg: Package, part: str) -> dict[str, tuple[str, str]]:
    """The relationships of ``part``: Id -> (target part, relationship type)."""
    rels_name = rels_path(part)
    if not pkg.has(rels_name):
        return {}
    return {rel.get("Id", ""): (resolve_target(part, rel.get("Target", "")), rel.get("Type", "")) for rel in pkg.xml(rels_name)}


def _shared_strings(pkg: Package, part: str | None) -> list[str]:
    if not part or not pkg.has(part):
        return []
    out = []
    for si in pkg.xml(part):
        if len(si) == 1 and si[0].tag in _TEXT_TAGS:  # nearly every string: <si><t>…</t></si>
            out.append(unescape_xstring(si[0].text or ""))
            continue
        # rich text runs (r/t) joined; phonetic guides (rPh) are not part of the text
        texts = [t.text or "" for t in si.iter() if _local(t.tag) == "t" and _local(t.getparent().tag) != "rPh"]
        out.append(unescape_xstring("".join(texts)))
    return out


def _number_formats(pkg: Package, part: str | None) -> tuple[str, ...]:
    """Number format code per cell style index (cellXfs order)."""
    if not part or not pkg.has(part):
        return ()
    data = pkg.read(part)
    return _remembered_formats(data) if len(data) <= _REMEMBERED_STYLES_BYTES else _formats_of_styles(data)


_REMEMBERED_STYLES_BYTES = 256 * 1024  # a template's styles.xml is a few KB; a huge one is not kept


@lru_cache(maxsize=64)  # workbooks filled from one template share their styles.xml byte for byte
def _remembered_formats(data: bytes) -> tuple[str, ...]:
    return _formats_of_styles(data)


def _formats_of_styles(data: bytes) -> tuple[str, ...]:
    root = etree.fromstring(data, XML_PARSER)
    custom: dict[int, str] = {}
    xfs: list[str] = []
    for el in root:
        name = _local(el.tag) if isinstance(el.tag, str) else ""
        if name == "numFmts":
            for fmt in el:
                custom[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "General")
        elif name == "cellXfs":
            for xf in el:
                fid = int(xf.get("numFmtId", "0"))
                xfs.append(custom.get(fid) or builtin_format(fid))
    return tuple(xfs)


_INTEGER = re.compile(r"-?\d+")


def _iso_date(text: str) -> object:
    from datetime import datetime

    try:
        return datetime.fromisoformat(text.rstrip("Z"))
    except ValueError:
        return text


def _number(text: str) -> int | float:
    if _INTEGER.fullmatch(text):
        return int(text)
    value = float(text)
    return int(value) if value.is_integer() and abs(value) < 1e15 and "e" not in text.lower() else value


@lru_cache(maxsize=65_536)  # forms repeat their figures (10, 100, 0.95…)
def _cell_number(text: str) -> int | float | str:
    """A numeric cell's stored text as a number; text that is none stays text."""
    try:
        return _number(text)
    except ValueError:
        return text


_REF = re.compile(r"([A-Za-z]{1,3})(\d+)$")
_IN_MEMORY_BYTES = 4 * 1024 * 1024  # smaller sheets are parsed whole (faster); larger ones are streamed


@lru_cache(maxsize=65_536)  # the same addresses come back in every form
def _address(ref: str) -> tuple[int, int] | None:
    """``'G6'`` -> (row 6, column 7); None when ``ref`` is not an address."""
    m = _REF.match(ref)
    return (int(m.group(2)), column_index_from_string(m.group(1).upper())) if m else None


@lru_cache(maxsize=16_384)  # forms of one template merge the same ranges
def _merge_bounds(ref: str) -> tuple[int, int, int, int]:
    return range_boundaries(ref)


_CELL_CHILD = {f"{ns}{tag}": tag for ns in (NS, NS_STRICT) for tag in ("v", "f", "is")}


def _cell_elements(data: bytes, tags: tuple[str, ...]):
    # lxml's own iterator when parsed whole, not a generator around it: one
    # Python frame less for each of a sheet's hundreds of elements
    if len(data) <= _IN_MEMORY_BYTES:
        return etree.fromstring(data, XML_PARSER).iter(*tags)
    return _streamed(data, tags)


def _streamed(data: bytes, tags: tuple[str, ...]):
    for _event, el in etree.iterparse(
        io.BytesIO(data), events=("end",), tag=tags, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    ):
        yield el


def _inline_text(el: etree._Element) -> str:
    # <is><t>…</t></is>, or rich runs <is><r><t>…</t></r>…</is>; phonetic runs (rPh) are not text
    if len(el) == 1 and el[0].tag in _TEXT_TAGS:  # nearly every inline string
        return el[0].text or ""
    parts = []
    for child in el:
        tag = _local(child.tag) if isinstance(child.tag, str) else ""
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts.extend(t.text or "" for t in child if t.tag in _TEXT_TAGS)
    return "".join(parts)


def _sheet_grid(
    pkg: Package, name: str, part: str, strings: list[str], formats: list[str], date1904: bool = False
) -> Grid:
    grid = Grid(name)
    data = pkg.read(part)
    shared: dict[str, tuple[str, str]] = {}  # si -> (master formula, master cell)
    row_no = last_col = rows_seen = merged_cells = 0
    tags = tuple(f"{ns}{t}" for ns in (NS, NS_STRICT) for t in ("c", "row", "mergeCell"))
    cell_tags = {f"{NS}c", f"{NS_STRICT}c"}
    row_tags = {f"{NS}row", f"{NS_STRICT}row"}
    merge_tags = {f"{NS}mergeCell", f"{NS_STRICT}mergeCell"}
    cells = grid.cells
    max_cells = pkg.limits.max_cells
    format_of: dict[str | None, str] = {}  # the s= attribute as written -> number format
    dated: set[str | None] = set()  # s= attributes whose format shows a date
    streamed = len(data) > _IN_MEMORY_BYTES
    max_row = max_col = 0
    for el in _cell_elements(data, tags):
        tag = el.tag
        if tag not in cell_tags:
            if tag in row_tags:
                # rows come before their cells in document order when parsed whole, after them when streamed
                rows_seen += 1
                if rows_seen > pkg.limits.max_rows:
                    raise WorkbookRefused(too_many_rows(name, pkg.limits))
                last_col = 0
            elif tag in merge_tags:
                ref = el.get("ref", "")
                if ":" in ref:
                    c1, r1, c2, r2 = _merge_bounds(ref)
                    area = (abs(r2 - r1) + 1) * (abs(c2 - c1) + 1)
                    if area <= MAX_MERGE_CELLS:
                        grid.merges.append((r1, c1, r2, c2))
                        merged_cells += area
                        if merged_cells + len(cells) > pkg.limits.max_cells:
                            raise WorkbookRefused(too_many_cells(name, pkg.limits))
            continue
        ref = el.get("r")
        address = _address(ref) if ref else None
        if address:
            row_no, col = address
        else:  # a cell without an address follows the previous one in its row
            parent = el.getparent()
            r_attr = parent.get("r") if parent is not None else None
            row_no = int(r_attr) if r_attr and r_attr.isdigit() else max(rows_seen, 1)
            col = last_col + 1
            ref = f"{get_column_letter(col)}{row_no}"
        last_col = col
        kind = el.get("t", "n")
        value: object = None
        formula: str | None = None
        for child in el:
            ctag = _CELL_CHILD.get(child.tag)
            if ctag == "v":
                text = (child.text or "").strip()
                if kind == "s":
                    idx = int(text) if text.isdigit() else -1
                    value = strings[idx] if 0 <= idx < len(strings) else None
                elif kind == "b":
                    value = text == "1"
                elif kind in ("str", "e"):
                    value = child.text or ""
                elif kind == "d":  # an ISO 8601 date (Strict files, some exporters)
                    value = _iso_date(text)
                elif text:
                    value = _cell_number(text)
            elif ctag == "is":
                value = unescape_xstring(_inline_text(child))
            elif ctag == "f":
                formula = _formula(child, ref, shared)
        if value is not None or formula:
            style = el.get("s")
            number_format = format_of.get(style)
            if number_format is None:
                s_idx = int(style) if style and style.isdigit() else 0
                number_format = format_of[style] = formats[s_idx] if s_idx < len(formats) else "General"
                if is_date_format(number_format):
                    dated.add(style)
            if style in dated and kind == "n" and type(value) in (int, float):
                value = serial_to_date(value, date1904)  # a date cell is a date, as openpyxl reads it
            cells[(row_no, col)] = RawCell(value, formula or None, number_format)
            if len(cells) + merged_cells > max_cells:
                raise WorkbookRefused(too_many_cells(name, pkg.limits))
            if row_no > max_row:
                max_row = row_no
            if col > max_col:
                max_col = col
        if streamed:
            el.clear()
    grid.max_row, grid.max_col = max_row, max_col
    grid.index_merges()
    return grid


def _formula(el: etree._Element, ref: str, shared: dict[str, tuple[str, str]]) -> str | None:
    text = el.text or ""
    if el.get("t") == "shared":
        si = el.get("si", "")
        if text:
            shared[si] = (text, ref)
        elif si in shared:
            master, origin = shared[si]
            try:
                text = Translator("=" + master, origin=origin).translate_formula(ref)[1:]
            except Exception:  # noqa: BLE001 - an untranslatable shared formula is just not recomputed
                text = ""
    return text or None


class SheetUnreadable(Exception):
    """The fast reader could not make sense of a sheet (unusual XML or part
    names): the caller falls back to openpyxl, which knows more corners."""


class FastSheets:
    """The worksheets of one workbook, each read from the zip only when first
    asked for: a 封面, 目录 or 填表说明 sheet is never parsed unless a formula
    on the form refers to it. Limits hold for every part that is read
    (:class:`perfeval_xl.ooxml.package.Package`). Use as a context manager."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS):
        self._pkg = Package(path, limits)  # the parts are slices of the file's bytes, read whole
        self._open()

    def _open(self) -> None:
        pkg = self._pkg
        wb_part = workbook_part(pkg.xml("_rels/.rels"))
        rels = _rels(pkg, wb_part)
        root = pkg.xml(wb_part)
        strings_part = styles_part = None
        for target, kind in rels.values():
            if kind.endswith("/sharedStrings"):
                strings_part = target
            elif kind.endswith("/styles"):
                styles_part = target
        self._date1904 = any(
            pr.get("date1904", "").lower() in ("1", "true") for pr in root.iter(f"{NS}workbookPr", f"{NS_STRICT}workbookPr")
        )
        self._strings = _shared_strings(pkg, strings_part)
        self._formats = _number_formats(pkg, styles_part)
        self._parts: dict[str, str] = {}
        for sheet in root.iter(f"{NS}sheet", f"{NS_STRICT}sheet"):
            name = sheet.get("name", "")
            rid = sheet.get(f"{NS_REL}id") or sheet.get("{http://purl.oclc.org/ooxml/officeDocument/relationships}id")
            part = rels.get(rid or "", ("", ""))[0]
            if not part or not pkg.has(part) or name in self._parts:
                continue  # chartsheets and dialog sheets have no cells we need
            if not part.startswith("xl/worksheets/") and "worksheet" not in part:
                continue
            self._parts[name] = part
        self.names = list(self._parts)
        self._grids: dict[str, Grid] = {}

    def get(self, name: str) -> Grid | None:
        if name not in self._grids:
            part = self._parts.get(name)
            if part is None:
                return None
            try:
                self._grids[name] = _sheet_grid(self._pkg, name, part, self._strings, self._formats, self._date1904)
            except (WorkbookRefused, zipfile.BadZipFile, OSError):
                raise
            except Exception as exc:  # noqa: BLE001 - the caller retries with openpyxl
                raise SheetUnreadable(f"{name}: {type(exc).__name__}: {exc}") from exc
        return self._grids[name]

    def close(self) -> None:
        """Nothing is held open (the file was read whole); kept for the readers' protocol."""

    def __enter__(self) -> "FastSheets":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()
