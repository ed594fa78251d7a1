"""Open every output of a small run in a real spreadsheet application.

LibreOffice (headless) loads each workbook, recalculates every formula, and
saves it again; the recalculated values must equal the values the tool
cached, and none may be an error. The summary is also rendered to PDF.
Skipped when ``soffice`` is not installed (``apt-get install libreoffice-calc``)
or when ``PERFEVAL_SKIP_LIBREOFFICE=1`` (for quick local loops).
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import openpyxl
import pytest

from perfeval_xl.batch import run
from perfeval_xl.outputs.completed.workbook import write_completed
from tests.seedform import write_seed_form
from tests.write_builders import FORM, make_form, make_result

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
pytestmark = pytest.mark.skipif(
    SOFFICE is None or os.environ.get("PERFEVAL_SKIP_LIBREOFFICE") == "1",
    reason="LibreOffice (soffice) is not installed, or PERFEVAL_SKIP_LIBREOFFICE=1 (about a minute on two cores)",
)

ERRORS = {"#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#N/A", "#NUM!", "#NULL!"}
# Make LibreOffice recalculate on load instead of trusting the cached values.
RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def _soffice(profile: Path, fmt: str, outdir: Path, files: list[Path]) -> None:
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to", fmt, "--outdir", str(outdir), *map(str, files)],
        check=True, capture_output=True, timeout=300,
    )


def _load(path: Path, data_only: bool):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # conditional-format extensions openpyxl does not know
        return openpyxl.load_workbook(path, data_only=data_only)


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("libreoffice")
    inputs = folder / "in"
    (inputs / "sub").mkdir(parents=True)
    if not any(SAMPLES.glob("*.xlsx")):  # a checkout without samples: the seed form, and one with blanks to fill
        write_seed_form(inputs / "种子.xlsx")
        seed = openpyxl.load_workbook(inputs / "种子.xlsx")
        for ref in ("G6", "H6", "G31", "B32"):
            seed[FORM][ref] = None
        seed.save(inputs / "sub" / "种子_空白.xlsx")
    (inputs / "坏.xlsx").write_bytes(b"not a workbook")
    for sample in SAMPLES.glob("*.xlsx"):  # the shipped samples, errors and all
        shutil.copy(sample, inputs / "sub" / sample.name)
    out = folder / "out"
    outcome = run(inputs, out)
    write_completed(make_form(folder / "builder.xlsx"), out / "builder_核查.xlsx", make_result())

    staged = folder / "staged"  # flat, unique names: soffice writes by base name
    staged.mkdir()
    originals = {}
    for i, path in enumerate(sorted(out.rglob("*.xlsx"))):
        copy = staged / f"{i:02d}_{path.name}"
        shutil.copy(path, copy)
        originals[copy.name] = path
    profile = folder / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_PROFILE, encoding="utf-8")
    recalculated = folder / "recalculated"
    _soffice(profile, "xlsx", recalculated, sorted(staged.iterdir()))
    pdf_dir = folder / "pdf"
    _soffice(profile, "pdf", pdf_dir, [outcome.summary])
    return staged, recalculated, pdf_dir / (outcome.summary.stem + ".pdf"), originals


def test_every_output_loads(converted):
    staged, recalculated, _, originals = converted
    assert len(originals) >= 4  # the summary and the completed copies
    for name in originals:
        assert (recalculated / name).is_file(), name


def _same(cached, recalc) -> bool:
    if isinstance(cached, (int, float)) and isinstance(recalc, (int, float)):
        return math.isclose(cached, recalc, rel_tol=1e-9, abs_tol=1e-6)
    return cached == recalc


def test_recalculated_values_equal_cached_values_and_none_is_an_error(converted):
    staged, recalculated, _, _ = converted
    compared = 0
    per_sheet: dict[str, int] = {}
    for path in sorted(staged.iterdir()):
        formulas, cached, recalc = _load(path, False), _load(path, True), _load(recalculated / path.name, True)
        for ws in formulas:
            for row in ws.iter_rows():
                for c in row:
                    if c.data_type != "f":
                        continue
                    before = cached[ws.title][c.coordinate].value
                    if before is None and ws.title == FORM:
                        continue  # the clerk's own formula, saved without a value by the tool that made the test form
                    after = recalc[ws.title][c.coordinate].value
                    assert before is not None, (path.name, ws.title, c.coordinate, "formula without a cached value")
                    assert _same(before, after), (path.name, ws.title, c.coordinate, before, after)
                    compared += 1
                    per_sheet[ws.title] = per_sheet.get(ws.title, 0) + 1
        for ws in recalc:
            for row in ws.iter_rows(values_only=True):
                for value in row:
                    assert not (isinstance(value, str) and (value in ERRORS or value.startswith("Err:"))), (path.name, ws.title, value)
    assert compared > 20
    assert per_sheet.get("指标明细", 0) > 100  # every indicator's link into its completed copy


def test_summary_renders_to_pdf_pages(converted):
    pdf = converted[2]
    assert pdf.is_file()
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    else:
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert pages >= 6  # one sheet at least per page: 汇总排名, 问题清单, 部门汇总, 指标明细, 未处理文件, 说明


def test_the_indicator_sheet_reads_the_same_in_libreoffice(converted):
    """指标明细 has its rows rendered by us, not cell by cell by xlsxwriter:
    LibreOffice must read every line, text as text and numbers as numbers."""
    staged, recalculated, _, originals = converted
    summary = next(name for name, path in originals.items() if path.name == "汇总.xlsx")
    ours, theirs = _load(staged / summary, True)["指标明细"], _load(recalculated / summary, True)["指标明细"]
    rows = list(ours.iter_rows(values_only=True))
    assert len(rows) > 100 and rows == list(theirs.iter_rows(values_only=True))
    numbers = [v for row in rows[1:] for v in row[12:15] if v is not None]
    assert numbers and all(isinstance(v, (int, float)) for v in numbers)
    assert theirs.auto_filter.ref == ours.auto_filter.ref == f"A1:T{len(rows)}"  # (headless, LibreOffice keeps no frozen panes, of any sheet)
