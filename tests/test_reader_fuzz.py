"""Mutated workbooks: the reader never raises and never reports a wrong cell.

Valid workbooks (the seed form and samples of every layout) are mutated with a
fixed seed: random values and types in random cells, cleared cells, deleted
and inserted rows, blocks moved right or down, row blocks swapped, sheets
renamed. For each mutant:

- ``read_workbook`` returns (never raises, never an internal error), and so
  does the whole check (scoring and every rule: no ``XC000``);
- every ``Sourced`` with a cell points at a cell of a sheet that is in the
  file, and what it says was written there is what the file holds there
  (checked against the sheet XML itself, not through the reader's loader);
- every narrative paragraph is a line of the cell it names.

The completed copy reads parts the reader never does (comments, their VML
drawing, the sheet's relationships, content types, styles for the copy).
Those are mutated too (garbled, truncated, emptied, deleted, given a DOCTYPE,
odd attribute values, duplicated or dropped elements, padded into a bomb, or
given a forged size in the zip's directory), and each file is then taken
through the batch's own per-file step (read, check, write the copy) under
small limits: it never raises, never ends in an internal error, either gives
a copy that opens or says why not, and never allocates more than the limits allow.

``PERFEVAL_FUZZ_N`` sets the number of mutants of each kind (default 100, a few seconds).
"""

from __future__ import annotations

import dataclasses
import io
import os
import random
import re
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from openpyxl.cell.cell import MergedCell

from perfeval_xl.model import Paragraph, Sourced
from perfeval_xl.pipeline import Settings, evaluate_file
from perfeval_xl.ooxml.package import Limits
from perfeval_xl.read.values import cell_text
from perfeval_xl.batch import _process
from tests.hostile_corpus import (
    COMMENTS,
    COMMENTS_VML,
    SHEET_RELS,
    commented_form,
    padded_part,
    rewrite_zip,
    seed_variant,
    without_comments,
)
from tests.seedform import write_seed_form

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
MUTANTS = int(os.environ.get("PERFEVAL_FUZZ_N", "100"))
SEED = 20261125

GARBAGE = [
    "约六十", "—", "-", "#DIV/0!", "#N/A", "N/A", "inf", "nan", "", " ", "６０", "六十万元", "60万元", "600,000元",
    "1,234.5", "95%", "百分之九十", "0.00%", "≥95%", "≤60万元", "基本完成", "部分实现", "优☑良☑中□差□", "优□良□中□差□",
    "项目名称", "总分", "三级指标", "合计", "评价等次", "年度资金总额", "=1/0", "=SUM(G14:G30)", "=A1", "=F6*2",
    "=VLOOKUP(A1,B1:C2,2,FALSE)", '=HYPERLINK("http://x","y")', "@SUM(1)", "+1", "\t=1", "1e5", "1E+308",
    "字" * 3000, "第一段\n第二段", "  全部符合 ", "12.345.6", "(60)", "¥60", "60 万元", "6O",
    -60, 0, 0.0, 1e308, -1e308, 1e-300, 69.71, 0.6971, 100, 95.5, 2**63, -0.0, True, False,
]


def _bases(tmp: Path) -> list[bytes]:
    seed = write_seed_form(tmp / "seed.xlsx", narrative=["一、基本情况", "项目预算60万元，执行60万元，执行率100%。"])
    chosen = [seed] + [p for p in sorted(SAMPLES.glob("*.xlsx")) if p.name[:2] in ("04", "05", "10")]
    return [p.read_bytes() for p in chosen]


def _cells(ws) -> list:
    return [c for row in ws.iter_rows() for c in row if not isinstance(c, MergedCell)]


def _set(rng: random.Random, ws) -> None:
    cells = _cells(ws)
    if not cells:
        return
    cell = rng.choice(cells)
    cell.value = rng.choice(GARBAGE)


def _retype(rng: random.Random, ws) -> None:
    """A number typed as text, or text that reads as a number typed as one."""
    cells = _cells(ws)
    for cell in rng.sample(cells, k=min(5, len(cells))):
        if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
            cell.value = str(cell.value)
        elif isinstance(cell.value, str) and re.fullmatch(r"-?\d+(\.\d+)?", cell.value.strip()):
            cell.value = float(cell.value)


def _clear(rng: random.Random, ws) -> None:
    cells = _cells(ws)
    for cell in rng.sample(cells, k=min(3, len(cells))):
        cell.value = None


def _delete_rows(rng: random.Random, ws) -> None:
    ws.delete_rows(rng.randint(1, max(ws.max_row, 1)), rng.randint(1, 3))


def _insert_rows(rng: random.Random, ws) -> None:
    ws.insert_rows(rng.randint(1, max(ws.max_row, 1)), rng.randint(1, 3))


def _move_block(rng: random.Random, ws) -> None:
    top = rng.randint(1, max(ws.max_row, 1))
    bottom = rng.randint(top, max(ws.max_row, top))
    ws.move_range(f"A{top}:{openpyxl.utils.get_column_letter(max(ws.max_column, 1))}{bottom}", rows=rng.randint(0, 4), cols=rng.randint(0, 2))


def _swap_blocks(rng: random.Random, ws) -> None:
    """Two row blocks change places (values only; merges stay where they were)."""
    if ws.max_row < 4:
        return
    size = rng.randint(1, max(1, ws.max_row // 4))
    a = rng.randint(1, ws.max_row - size + 1)
    b = rng.randint(1, ws.max_row - size + 1)
    for i in range(size):
        for col in range(1, ws.max_column + 1):
            x, y = ws.cell(a + i, col), ws.cell(b + i, col)
            if isinstance(x, MergedCell) or isinstance(y, MergedCell):
                continue
            x.value, y.value = y.value, x.value


def _rename(rng: random.Random, ws) -> None:
    ws.title = rng.choice(["Sheet1", "表1", "绩效评价表 (2)", "附件1", "评价报告"]) + str(rng.randint(0, 9))


MUTATIONS = [_set, _set, _set, _set, _retype, _clear, _delete_rows, _insert_rows, _move_block, _swap_blocks, _rename]


def _mutant(rng: random.Random, base: bytes, path: Path) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(base))
    for _ in range(rng.randint(1, 8)):
        ws = rng.choice(wb.worksheets)
        rng.choice(MUTATIONS)(rng, ws)
    wb.save(path)


# -- what the file really holds, read from its XML ----------------------------


def _file_cells(path: Path) -> dict[str, dict[str, tuple[object, str | None]]]:
    """sheet name -> cell -> (value, formula), straight from the parts openpyxl wrote."""
    wb_ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as z:
        names = [s.get("name") for s in etree.fromstring(z.read("xl/workbook.xml")).iter(f"{wb_ns}sheet")]
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in etree.fromstring(z.read("xl/sharedStrings.xml")):
                strings.append("".join(t.text or "" for t in si.iter(f"{wb_ns}t")))
        sheets = {}
        for i, name in enumerate(names, start=1):
            cells = {}
            for c in etree.fromstring(z.read(f"xl/worksheets/sheet{i}.xml")).iter(f"{wb_ns}c"):
                v, f, inline = c.find(f"{wb_ns}v"), c.find(f"{wb_ns}f"), c.find(f"{wb_ns}is")
                kind = c.get("t", "n")
                if kind == "s" and v is not None:
                    value: object = strings[int(v.text)]
                elif kind == "inlineStr" and inline is not None:
                    value = "".join(t.text or "" for t in inline.iter(f"{wb_ns}t"))
                elif kind == "b" and v is not None:
                    value = v.text == "1"
                elif kind in ("str", "e") and v is not None:
                    value = v.text
                elif v is not None and v.text:
                    value = float(v.text) if re.search(r"[.eEna]", v.text) else int(v.text)
                else:
                    value = None
                cells[c.get("r")] = (value, f.text if f is not None else None)
            sheets[name] = cells
    return sheets


def _sourced(obj, path: str = "project"):
    """Every (where-in-the-model, Sourced or Paragraph) inside ``obj``."""
    if isinstance(obj, (Sourced, Paragraph)):
        yield path, obj
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from _sourced(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, (tuple, list)):
        for i, item in enumerate(obj):
            yield from _sourced(item, f"{path}[{i}]")


def _wrong_cells(project, sheets) -> list[str]:
    wrong = []
    for where, item in _sourced(project):
        ref = item.ref
        if ref is None:
            continue
        if ref.sheet not in sheets:
            wrong.append(f"{where}: sheet {ref.sheet!r} is not in the file")
            continue
        value, formula = sheets[ref.sheet].get(ref.cell, (None, None))
        if isinstance(item, Paragraph):
            if formula is None and item.text not in cell_text(value):  # a formula's text is computed
                wrong.append(f"{where}: {item.text!r} is not in {ref} = {value!r}")
            continue
        if item.formula is not None or formula is not None:
            if (item.formula or "").lstrip("=") != (formula or "").lstrip("="):
                wrong.append(f"{where}: formula {item.formula!r}, but {ref} has {formula!r}")
            continue
        if item.raw != cell_text(value):
            wrong.append(f"{where}: raw {item.raw!r}, but {ref} holds {value!r}")
    return wrong


@pytest.fixture(scope="module")
def mutants(tmp_path_factory) -> list[Path]:
    tmp = tmp_path_factory.mktemp("fuzz")
    rng = random.Random(SEED)
    bases = _bases(tmp)
    paths = []
    for i in range(MUTANTS):
        path = tmp / f"mutant{i:03}.xlsx"
        _mutant(rng, bases[i % len(bases)], path)
        paths.append(path)
    return paths


def test_the_reader_never_raises_and_never_reports_a_wrong_cell(mutants):
    problems, read = [], 0
    for path in mutants:
        # the whole check: read_workbook turns its own crash into an "内部错误" failure, a crashing rule is XC000
        result = evaluate_file(path, path.name)
        assert result.failure is None or "内部错误" not in result.failure, (path.name, result.failure)
        crashed = [f.message for f in result.findings if f.rule == "XC000"]
        assert not crashed, (path.name, crashed)
        if result.project is None:
            continue
        read += 1
        sheets = _file_cells(path)
        problems += [f"{path.name}: {w}" for w in _wrong_cells(result.project, sheets)]
        for finding in result.findings:
            if finding.cell and finding.sheet not in sheets:
                problems.append(f"{path.name}: {finding.rule} on missing sheet {finding.sheet}")
    assert not problems, "\n".join(problems[:20])
    assert read >= MUTANTS // 2, "most mutants should still be readable forms"


# -- the completed copy: parts only the writer reads --------------------------

MB = 1024 * 1024
SMALL = Limits(max_part_bytes=MB, max_total_bytes=4 * MB)
WRITER_PARTS = [COMMENTS, COMMENTS_VML, SHEET_RELS, "[Content_Types].xml", "xl/styles.xml"]
ODD_VALUES = [
    "", "../../../../etc/passwd", "/", "/xl/worksheets/sheet1.xml", "/xl/drawings/commentsDrawing1.vml", "rId1",
    "-1", "0", "99999999999999999999", "XFD1048577", "A0", "G14:XFD1048576", "x" * 5000, "#REF!", "1e308",
]
_ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')
_EMPTY_ELEMENT = re.compile(rb"<[A-Za-z][^<>]*/>")


def _garble(rng: random.Random, data: bytes) -> bytes | None:
    """``data`` mutated one way; None deletes the part."""
    kind = rng.choice(["truncate", "flip", "doctype", "empty", "noise", "attribute", "attribute", "repeat", "drop", "delete"])
    if kind == "truncate":
        return data[: rng.randrange(len(data) or 1)]
    if kind == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            if out:
                out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if kind == "doctype":
        return b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]>' + data.split(b"?>", 1)[-1]
    if kind == "empty":
        return b""
    if kind == "noise":
        return rng.randbytes(rng.randint(1, 4000))
    if kind == "delete":
        return None
    if kind == "attribute":
        found = list(_ATTRIBUTE.finditer(data))
        if not found:
            return data
        m = rng.choice(found)
        return data[: m.start(2)] + rng.choice(ODD_VALUES).encode() + data[m.end(2) :]
    found = list(_EMPTY_ELEMENT.finditer(data))
    if not found:
        return data
    m = rng.choice(found)
    return data[: m.end()] + m.group() * rng.randint(1, 50) + data[m.end() :] if kind == "repeat" else data[: m.start()] + data[m.end() :]


def _writer_mutant(rng: random.Random, base: Path, path: Path) -> None:
    with zipfile.ZipFile(base) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    present = [p for p in WRITER_PARTS if p in parts]
    replaced: dict[str, bytes] = {}
    deleted: set[str] = set()
    for part in rng.sample(present, k=rng.randint(1, min(3, len(present)))):
        garbled = _garble(rng, parts[part])
        if garbled is None:
            deleted.add(part)
        else:
            replaced[part] = garbled
    staged = rewrite_zip(base, path.with_suffix(".staged.xlsx"), replaced, drop=deleted)
    bombable = [p for p in present if p not in deleted and p not in replaced]
    if bombable and rng.random() < 0.3:  # a 64 MB bomb, honest or with a directory claiming its old size
        part = rng.choice(bombable)
        padded_part(staged, path, part, pad=64 * MB, declared=len(parts[part]) if rng.random() < 0.5 else None)
        staged.unlink()
    else:
        staged.replace(path)


def _damaged_entries(path: Path) -> set[str]:
    """Entries whose content does not match their CRC or size (zipfile stops at the declared size)."""
    damaged = set()
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            try:
                with z.open(info) as fh:
                    while fh.read(1 << 20):
                        pass
            except (zipfile.BadZipFile, zlib.error, EOFError):
                damaged.add(info.filename)
    return damaged


@pytest.fixture(scope="module")
def writer_mutants(tmp_path_factory) -> list[Path]:
    tmp = tmp_path_factory.mktemp("fuzz_writer")
    commented = commented_form(tmp / "commented.xlsx")
    bases = [commented, without_comments(commented, tmp / "controls.xlsx"), seed_variant(tmp / "plain.xlsx", {"G31": 99})]
    rng = random.Random(SEED + 1)
    paths = []
    for i in range(MUTANTS):
        path = tmp / "in" / f"writer{i:03}.xlsx"
        path.parent.mkdir(exist_ok=True)
        _writer_mutant(rng, bases[i % len(bases)], path)
        paths.append(path)
    return paths


def test_mutated_parts_only_the_copy_reads_never_crash_the_batch_or_escape_the_limits(writer_mutants, tmp_path):
    import tracemalloc

    out = tmp_path / "out"
    settings = Settings(limits=SMALL)
    problems, copies = [], 0
    tracemalloc.start()
    try:
        for path in writer_mutants:
            tracemalloc.reset_peak()
            result = _process((path, path.name, out, settings))  # what the batch does per file, in each worker
            peak = tracemalloc.get_traced_memory()[1]
            if peak > 2 * SMALL.max_total_bytes:
                problems.append(f"{path.name}: {peak / MB:.1f} MB allocated under a {SMALL.max_total_bytes // MB} MB limit")
            if result.failure is not None:
                if "内部错误" in result.failure or not re.search(r"[\u4e00-\u9fff]", result.failure):
                    problems.append(f"{path.name}: {result.failure}")
                if result.project is not None or result.findings or result.output:
                    problems.append(f"{path.name}: refused, yet kept a project, findings or a copy")
                continue
            problems += [f"{path.name}: {f.message}" for f in result.findings if f.rule == "XC000"]
            if result.output is None:
                why = [f.message for f in result.findings if f.rule == "OUT001"]
                if not why or re.search(r"[A-Za-z]+(Error|Exception)", why[0]):  # a crash, not a reason
                    problems.append(f"{path.name}: no copy, and {why or 'no word why'}")
                continue
            copies += 1
            # a damaged part nobody needed is copied as it is; the copy must damage nothing itself
            made = _damaged_entries(out / result.output) - _damaged_entries(path)
            if made:
                problems.append(f"{path.name}: the copy has damaged entries {sorted(made)}")
            with zipfile.ZipFile(out / result.output) as z:
                etree.fromstring(z.read("[Content_Types].xml"))  # always re-written by the copy
    finally:
        tracemalloc.stop()
    assert not problems, "\n".join(problems[:20])
    assert copies >= MUTANTS // 4, "many mutants still give a copy"
