"""``perfeval run`` on an inbox of broken and hostile inputs, end to end in a
subprocess, as a clerk runs it: the batch finishes, every failure is listed
with its own reason, nothing else is, no input is touched, no input text
becomes a formula, and a killed run leaves no half-written workbook.

The run is capped at 1 GB of address space per process (``RLIMIT_AS``): the
inbox holds 1.5 GB bombs in the parts only the completed copy reads, which
a copy inflating without limits turned into a MemoryError (or, uncapped, a
6 GB worker)."""

from __future__ import annotations

import json
import os
import re
import signal
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from tests.hostile_corpus import (
    UNREAD_PART,
    INJECTED_DEPARTMENT,
    INJECTED_DEVIATION,
    INJECTED_IMPLEMENTER,
    INJECTED_INDICATOR,
    INJECTED_NAME,
    UNCOMPUTABLE,
    build_corpus,
    snapshot,
)
from tests.seedform import write_seed_form

REPO = Path(__file__).resolve().parents[1]
ADDRESS_SPACE = 1 << 30  # 1 GB per process
# Runs perfeval under the cap and reports the peak resident memory of its processes
# (the run and its workers are all this launcher's descendants, and only theirs count).
_CAPPED = """
import resource, subprocess, sys
cap = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
code = subprocess.call([sys.executable, "-m", "perfeval_xl", *sys.argv[2:]])
print(f"PEAK_RSS_KB={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}", file=sys.stderr)
sys.exit(code)
"""


def perfeval(*args: str, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "perfeval_xl", *args], env=env, capture_output=True, text=True, timeout=120, **kw)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    corpus = build_corpus(base / "收件")
    before = snapshot(corpus.root)
    out = base / "结果"
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", _CAPPED, str(ADDRESS_SPACE), "run", str(corpus.root), "-o", str(out)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    elapsed = time.perf_counter() - started
    return corpus, before, out, proc, elapsed


@pytest.fixture(scope="module")
def results(hostile):
    _corpus, _before, out, _proc, _elapsed = hostile
    return json.loads((out / "results.json").read_text(encoding="utf-8"))


def test_the_batch_finishes_with_exit_1_quickly(hostile):
    _corpus, _before, _out, proc, elapsed = hostile
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert elapsed < 60


def test_the_run_stays_under_1_gb_without_running_out_of_memory(hostile, results):
    proc = hostile[3]
    peak_kb = int(re.search(r"PEAK_RSS_KB=(\d+)", proc.stderr).group(1))
    assert 0 < peak_kb < ADDRESS_SPACE // 1024
    assert "MemoryError" not in proc.stderr
    assert not [f for f in results["findings"] if "MemoryError" in f["message"]]


def test_a_bomb_in_a_part_only_the_copy_reads_refuses_the_whole_file(hostile, results):
    """Refused like a file the reader refuses: in failed, with no project, no
    findings and no copy (not half a copy, and not a copy without its notes)."""
    corpus, _before, out, _proc, _elapsed = hostile
    bombs = {f for f in corpus.failing if f.startswith("副本炸弹/")}
    assert len(bombs) == 8
    assert not bombs & {p["file"] for p in results["projects"]}
    assert not bombs & {f["file"] for f in results["findings"]}
    copies = {p.relative_to(out).as_posix() for p in (out / "副本炸弹").glob("*.xlsx")}
    assert copies == {"副本炸弹/带批注_核查.xlsx", "副本炸弹/无人读取的图片_核查.xlsx"}


def test_the_clerks_note_and_ours_are_both_in_the_copy_of_a_commented_form(hostile):
    with zipfile.ZipFile(hostile[2] / "副本炸弹/带批注_核查.xlsx") as z:
        comments = b"".join(z.read(n) for n in z.namelist() if "comment" in n and n.endswith(".xml"))
        drawings = b"".join(z.read(n) for n in z.namelist() if n.endswith(".vml"))
    assert "已核实".encode() in comments and "perfeval 核查".encode() in comments
    assert drawings.count(b":shape ") >= 2  # the clerk's box (ns0:shape) and ours (v:shape)


def test_a_part_nobody_reads_is_copied_compressed_never_inflated(hostile):
    """A 120 MB picture (over max_part_mb) no sheet shows refuses nothing: the
    copy carries its compressed bytes, exactly as the input has them."""
    corpus, _before, out, _proc, _elapsed = hostile

    def stored(path: Path) -> tuple[int, bytes]:
        data = path.read_bytes()
        with zipfile.ZipFile(path) as z:
            info = z.getinfo(UNREAD_PART)
        name_len, extra_len = struct.unpack_from("<2H", data, info.header_offset + 26)
        start = info.header_offset + 30 + name_len + extra_len
        return info.CRC, data[start : start + info.compress_size]

    assert stored(out / "副本炸弹/无人读取的图片_核查.xlsx") == stored(corpus.root / "副本炸弹/无人读取的图片.xlsx")


def test_exactly_the_broken_files_fail_each_with_its_own_reason(hostile, results):
    corpus = hostile[0]
    failed = {f["file"]: f["error"] for f in results["failed"]}
    assert set(failed) == set(corpus.failing)
    for file, words in corpus.failing.items():
        for word in words:
            assert word in failed[file], (file, failed[file])
    assert len(set(failed.values())) >= 12  # reasons are specific, not one catch-all
    assert not any("内部错误" in reason for reason in failed.values())


def test_the_readable_files_are_read_and_nothing_skipped_is_reported(hostile, results):
    corpus = hostile[0]
    assert {p["file"] for p in results["projects"]} == corpus.readable
    reported = {p["file"] for p in results["projects"]} | {f["file"] for f in results["failed"]}
    assert not reported & corpus.skipped
    assert not any("文件夹.xlsx/" in file or "循环/" in file for file in reported)


def test_the_summary_lists_every_failed_file_with_its_reason(hostile, results):
    out = hostile[2]
    ws = openpyxl.load_workbook(out / "汇总.xlsx")["未处理文件"]
    rows = {r[1]: r[2] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows == {f["file"]: f["error"] for f in results["failed"]}


def test_inputs_are_never_modified(hostile):
    corpus, before, _out, _proc, _elapsed = hostile
    assert snapshot(corpus.root) == before


def test_nothing_an_entity_points_at_reaches_any_output(hostile):
    out = hostile[2]
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            blob = data if path.suffix == ".json" else b"".join(_parts(path))
            assert b"TOP-SECRET" not in blob, path


def test_every_output_workbook_opens_and_no_temporary_is_left(hostile):
    out = hostile[2]
    books = sorted(out.rglob("*.xlsx"))
    assert len(books) == 1 + len(hostile[0].readable)  # the summary and one copy per readable file
    for book in books:
        with zipfile.ZipFile(book) as z:
            assert z.testzip() is None
            for name in z.namelist():
                if name.endswith((".xml", ".rels", ".vml")):
                    etree.fromstring(z.read(name))  # every part is well-formed XML
        if book.name != "合并炸弹_核查.xlsx":  # openpyxl expands every merged cell: 17 billion of them there
            openpyxl.load_workbook(book).close()
    assert not [p for p in out.rglob("*") if p.name.startswith(".~")]


def test_the_macro_workbook_becomes_a_macro_free_xlsx(hostile):
    out = hostile[2]
    with zipfile.ZipFile(out / "带宏_xlsm_核查.xlsx") as z:
        names = z.namelist()
        assert not [n for n in names if "vba" in n.lower()]
        assert b"macroEnabled" not in z.read("[Content_Types].xml")
        assert b"vbaProject" not in z.read("xl/_rels/workbook.xml.rels")


def test_garbage_cells_are_findings_on_those_cells(hostile, results):
    on = {(f["cell"], f["rule"]) for f in results["findings"] if f["file"] == "乱填数字.xlsx"}
    for cell in ("E6", "E7", "G14", "G16", "G17", "F18", "G18", "G19", "F20", "G31"):
        assert (cell, "READ001") in on, cell
    assert ("H6", "READ003") in on
    cells = {cell for cell, _rule in on}
    assert {"C6", "D6"} <= cells  # a negative 年初预算数 and a zero 全年预算数 (XC103/XC105 say which)
    messages = [f["message"] for f in results["findings"] if f["file"] == "乱填数字.xlsx"]
    assert not [m for m in messages if "0000000000" in m]  # 1e308 is shown as 1E+308


def test_the_same_project_twice_is_flagged_in_the_summary(hostile):
    ws = openpyxl.load_workbook(hostile[2] / "汇总.xlsx")["汇总排名"]
    header = [c.value for c in ws[1]]
    file_col, dup_col = header.index("源文件"), header.index("重复提交")
    dup = {row[file_col]: row[dup_col] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert "重复/二科-副本.xlsx" in dup["重复/一科.xlsx"]
    assert "重复/一科.xlsx" in dup["重复/二科-副本.xlsx"]
    assert dup["公式注入.xlsx"] in (None, "")  # another name and department: not a duplicate


# the only formulas our outputs write: 执行率 =H2/G2, 差异 =K2-J2, 合计 =SUM(B2:B5), and 指标明细's
# links =HYPERLINK("<copy>#'<sheet>'!C14","<sheet>!C14"), whose two string literals no input text can leave
_LITERAL = r'"(?:[^"]|"")*"'
OWN_FORMULA = re.compile(rf"=(SUM\([A-Z]+\d+:[A-Z]+\d+\)|[A-Z]+\d+[/-][A-Z]+\d+|HYPERLINK\({_LITERAL},{_LITERAL}\))")


@pytest.mark.parametrize("book", ["汇总.xlsx", "公式注入_核查.xlsx"])
def test_input_text_never_becomes_a_formula(hostile, book):
    wb = openpyxl.load_workbook(hostile[2] / book)
    texts, formulas = {}, {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    formulas[(ws.title, cell.coordinate)] = str(cell.value)
                elif isinstance(cell.value, str):
                    texts[(ws.title, cell.coordinate)] = cell.value
    clerks_own = {("绩效评价表", "G31"): UNCOMPUTABLE}  # a real formula in the input stays one in its copy
    for where, formula in formulas.items():
        assert OWN_FORMULA.fullmatch(formula) or clerks_own.get(where) == formula, (where, formula)
    as_text = set(texts.values())
    injected = {INJECTED_NAME, INJECTED_DEPARTMENT}
    if book != "汇总.xlsx":
        injected |= {INJECTED_INDICATOR, INJECTED_DEVIATION}
    assert injected <= as_text  # present, as plain text cells
    assert any(INJECTED_IMPLEMENTER.strip() in t for t in as_text)
    quoted = [t for t in as_text if t.startswith(UNCOMPUTABLE)]
    assert quoted, "the READ002 finding quotes the formula as text"


def test_a_killed_run_leaves_no_half_written_workbook_and_a_rerun_replaces_outputs(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    seed = write_seed_form(inbox / "表00.xlsx")
    for i in range(1, 12):
        (inbox / f"表{i:02}.xlsx").write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "perfeval_xl", "run", str(inbox), "-o", str(out)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*_核查.xlsx"))) < 2:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole group: the run and its worker processes
    proc.wait()
    written = list(out.glob("*_核查.xlsx"))
    assert 2 <= len(written) < 12, "the run was killed mid-way"
    assert not (out / "汇总.xlsx").exists() and not (out / "results.json").exists()
    for book in out.iterdir():
        if book.name.startswith(".~"):
            continue  # a temporary: hidden, never under a final name, skipped as input
        with zipfile.ZipFile(book) as z:
            assert z.testzip() is None, book
        openpyxl.load_workbook(book).close()

    first_mtimes = {p.name: p.stat().st_mtime_ns for p in written}
    leftovers = {p.name for p in out.iterdir() if p.name.startswith(".~")}
    (inbox / "表11.xlsx").unlink()
    rerun = perfeval("run", str(inbox), "-o", str(out))
    assert rerun.returncode in (0, 1), rerun.stderr
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert len(data["projects"]) == 11 and data["failed"] == []
    for name, mtime in first_mtimes.items():
        if name != "表11_核查.xlsx":
            assert (out / name).stat().st_mtime_ns > mtime  # replaced, not kept
    assert {p.name for p in out.iterdir() if p.name.startswith(".~")} <= leftovers  # the rerun left none of its own


def _parts(path: Path) -> list[bytes]:
    try:
        with zipfile.ZipFile(path) as z:
            return [z.read(n) for n in z.namelist()]
    except zipfile.BadZipFile:
        return [path.read_bytes()]


def test_writing_the_outputs_into_the_input_folder_is_refused(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    write_seed_form(inbox / "a.xlsx")
    write_seed_form(inbox / "a_核查.xlsx")  # the name a's completed copy would take
    before = snapshot(inbox)
    proc = perfeval("run", str(inbox), "-o", str(inbox / "." ))
    assert proc.returncode == 2 and "不能与输入文件夹相同" in proc.stderr
    assert snapshot(inbox) == before
