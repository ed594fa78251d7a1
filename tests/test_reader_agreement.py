"""The fast reader and the openpyxl fallback read every workbook alike.

``perfeval_xl.read.xlsx.FastSheets`` (lxml straight from the zip) is what runs;
``perfeval_xl.read.grid.load_grids`` (openpyxl) takes over when it gives up. A
workbook must not read differently depending on which of the two happened to
read it. Compared per sheet: each cell's value (a date cell — by its XML, see
:mod:`tests.independent_forms.xlsx_facts` — must be a date on both sides, not a
serial number), its formula text, and the merged ranges.

Every workbook we have: the independent forms, the XML-quirk reader books, the
copies LibreOffice re-saved of both, ``samples/*.xlsx``, ``input_templates/*.xlsx`` and
any workbook under ``tests/``. The reader books also say what a person sees in
their tricky cells; both readers must read exactly that.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from perfeval_xl.read.grid import Grid, load_grids
from perfeval_xl.read.xlsx import FastSheets
from tests.independent_forms import FORMS, READER_BOOKS
from tests.independent_forms.corpus import shared
from tests.independent_forms.xlsx_facts import date_cells

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(
    {*ROOT.glob("samples/*.xlsx"), *ROOT.glob("input_templates/*.xlsx"), *ROOT.glob("tests/**/*.xlsx"),
     *ROOT.glob("tests/**/*.xlsm")}
)
MOMENTS = (dt.date, dt.time, dt.timedelta)  # datetime is a date


def _workbooks() -> list[tuple[str, str]]:
    out = [("form", f.name) for f in FORMS]
    out += [("book", b.name) for b in READER_BOOKS]
    out += [("libreoffice", f.name) for f in FORMS]
    out += [("libreoffice-book", b.name) for b in READER_BOOKS]
    out += [("file", str(p.relative_to(ROOT))) for p in FILES]
    return out


def _path(kind: str, name: str) -> Path:
    corpus = shared()
    if kind == "form":
        return corpus.forms[name]
    if kind == "book":
        return corpus.books[name]
    if kind in ("libreoffice", "libreoffice-book"):
        copies = corpus.resaved if kind == "libreoffice" else corpus.resaved_books
        if name not in copies:
            pytest.skip(f"no LibreOffice copy: {corpus.resave_error}")
        return copies[name]
    return ROOT / name


def _blank(v: object) -> bool:
    return v is None or v == ""


def _as_moment(v: object) -> object:
    return dt.datetime.combine(v, dt.time()) if isinstance(v, dt.date) and not isinstance(v, dt.datetime) else v


def same_value(a: object, b: object) -> bool:
    if _blank(a) and _blank(b):
        return True
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
    if isinstance(a, MOMENTS) and isinstance(b, MOMENTS):
        return _as_moment(a) == _as_moment(b)
    return a == b


def _fast_grids(path: Path) -> tuple[dict[str, Grid], list[str]]:
    problems = []
    grids: dict[str, Grid] = {}
    with FastSheets(path) as sheets:
        for name in sheets.names:
            try:
                grids[name] = sheets.get(name)
            except Exception as exc:  # noqa: BLE001 - reported as a difference, with its reason
                problems.append(f"fast reader gave up on sheet {name!r} (the openpyxl fallback would be used): {exc}")
    return grids, problems


def compare(path: Path) -> list[str]:
    fast, problems = _fast_grids(path)
    try:
        slow = {g.name: g for g in load_grids(path)}
    except Exception as exc:  # noqa: BLE001 - a fallback that cannot read the file is a difference too
        return problems + [f"openpyxl could not read the workbook: {type(exc).__name__}: {exc}"]
    if list(fast) != list(slow) and not problems:
        problems.append(f"sheets differ: fast {list(fast)}, openpyxl {list(slow)}")
    dates = date_cells(path)
    for name in fast.keys() & slow.keys():
        a, b = fast[name], slow[name]
        if sorted(a.merges) != sorted(b.merges):
            problems.append(f"{name}: merges differ: fast {sorted(a.merges)}, openpyxl {sorted(b.merges)}")
        for row, col in sorted(a.cells.keys() | b.cells.keys()):
            ca, cb = a.get(row, col), b.get(row, col)
            va, vb = (ca.value if ca else None), (cb.value if cb else None)
            fa, fb = (ca.formula if ca else None), (cb.formula if cb else None)
            where = f"{name}!{a.ref(row, col).cell}"
            if (row, col) in dates.get(name, set()):
                if not (isinstance(va, MOMENTS) and isinstance(vb, MOMENTS)):
                    problems.append(f"{where}: a date cell must read as a date: fast {va!r}, openpyxl {vb!r}")
                    continue
            if not same_value(va, vb):
                problems.append(f"{where}: value fast {va!r}, openpyxl {vb!r}")
            if (fa or None) != (fb or None):
                problems.append(f"{where}: formula fast {fa!r}, openpyxl {fb!r}")
    return problems


@pytest.mark.parametrize("kind,name", _workbooks())
def test_fast_reader_agrees_with_openpyxl(kind, name):
    path = _path(kind, name)
    problems = compare(path)
    assert not problems, f"{kind} {name}: the two readers disagree\n" + "\n".join(f"  {p}" for p in problems)


@pytest.mark.parametrize("name", [b.name for b in READER_BOOKS])
@pytest.mark.parametrize("reader", ["fast", "openpyxl"])
def test_reader_book_reads_what_a_person_sees(reader, name):
    book = next(b for b in READER_BOOKS if b.name == name)
    path = shared().books[name]
    grids = _fast_grids(path)[0] if reader == "fast" else {g.name: g for g in load_grids(path)}
    wrong = []
    for (sheet, ref), expected in book.expected.items():
        letters, row = coordinate_from_string(ref)
        cell = grids[sheet].get(row, column_index_from_string(letters)) if sheet in grids else None
        got = cell.value if cell else None
        ok = same_value(got, expected) and (isinstance(got, MOMENTS) == isinstance(expected, MOMENTS))
        if not ok:
            wrong.append(f"  {sheet}!{ref}: expected {expected!r}, read {got!r}")
    assert not wrong, f"{reader} reader on {name} ({book.about}):\n" + "\n".join(wrong)
