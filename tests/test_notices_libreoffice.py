"""Open every 核查意见 of a samples run in a real word processor.

LibreOffice (headless Writer) converts each notice to PDF; the text poppler's
``pdftotext`` reads back must name every project that has errors or
warnings and every such finding's cell, in the letter to that project's
主管部门, and nothing of the projects without problems. Skipped when
``soffice`` or ``pdftotext`` is missing, or when PERFEVAL_SKIP_LIBREOFFICE=1;
CI installs both (``.ci/run``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from perfeval_xl.config import NoticeSettings
from perfeval_xl.findings import Severity
from perfeval_xl.batch import run

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT, PDFINFO = shutil.which("pdftotext"), shutil.which("pdfinfo")
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
pytestmark = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None or PDFINFO is None or os.environ.get("PERFEVAL_SKIP_LIBREOFFICE") == "1",
    reason="LibreOffice (soffice) or poppler-utils is not installed, or PERFEVAL_SKIP_LIBREOFFICE=1",
)
SHOWN = (Severity.ERROR, Severity.WARNING)


def _squeezed(text: str) -> str:
    # a name wraps over two lines, a cell over two lines of its column: compare without white space
    return re.sub(r"\s+", "", text)


def _pages(pdf: Path) -> list[str]:
    info = subprocess.run([PDFINFO, str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d* x 841\.\d* pts \(A4\)", info), info
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return [
        subprocess.run([PDFTOTEXT, "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        for n in range(1, count + 1)
    ]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notices")
    inputs = folder / "in"
    shutil.copytree(SAMPLES, inputs, ignore=shutil.ignore_patterns("*.md", "specs"))
    outcome = run(inputs, folder / "out", notices=NoticeSettings(office="赣州市财政局"))
    notices = outcome.notices.written
    profile = folder / "profile"
    pdf_dir = folder / "pdf"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to", "pdf",
         "--outdir", str(pdf_dir), *map(str, notices)],
        check=True, capture_output=True, timeout=300,
    )
    pages = {}
    for notice in notices:
        pdf = pdf_dir / (notice.stem + ".pdf")
        assert pdf.is_file(), f"{pdf.name} was not rendered: is LibreOffice Writer installed (libreoffice-writer-nogui)?"
        pages[notice.name] = _pages(pdf)
    return outcome, pages


def _department(result) -> str:
    return _squeezed(str(result.project.department.value or ""))


def test_one_notice_for_each_department_with_problems(rendered):
    outcome, pages = rendered
    with_problems = {_department(r) for r in outcome.batch.read if any(r.count(s) for s in SHOWN)}
    assert len(with_problems) >= 5  # the samples: seven departments with errors or warnings
    assert sorted(pages) == sorted(d + "_核查意见.docx" for d in with_problems)


def test_every_project_with_problems_and_every_cell_is_in_its_departments_notice(rendered):
    outcome, pages = rendered
    checked = 0
    for result in outcome.batch.read:
        text = _squeezed("".join(pages.get(_department(result) + "_核查意见.docx", [])))
        name = _squeezed(result.project.name.value)
        findings = [f for f in result.findings if f.severity in SHOWN]
        if not findings:
            assert all(name not in _squeezed("".join(p)) for p in pages.values()), name
            continue
        assert name in text, name
        for finding in findings:
            assert _squeezed(finding.location) in text, (name, finding.location)
            checked += 1
        assert "赣州市财政局" in text and "重新报送" in text
    assert checked >= 15
    assert not any(re.search(r"XC\d{3}", "".join(p)) for p in pages.values())  # no rule IDs unless asked for


def test_every_page_with_findings_shows_the_table_header(rendered):
    outcome, pages = rendered
    cells = {_squeezed(f.location) for f in outcome.batch.findings if f.severity in SHOWN and f.cell}
    continued = 0
    for notice, texts in pages.items():
        for number, page in enumerate(texts, start=1):
            if any(cell in _squeezed(page) for cell in cells):
                assert "严重程度" in page, (notice, number)
                continued += number > 1
    assert continued >= 1  # at least one table runs onto a second page, where its header row is repeated
