"""``perfeval import`` and ``perfeval run`` on a folder holding Word reports."""

from __future__ import annotations

import hashlib
import json
import shutil

import openpyxl
from click.testing import CliRunner

from perfeval_xl.cli import main
from tests.report_builders import SEED_TXT, seed_body, seed_grid, write_docx


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_writes_workbooks_prints_notes_and_leaves_reports_alone(tmp_path):
    txt = tmp_path / "seed.txt"
    shutil.copy(SEED_TXT, txt)
    docx_report = write_docx(tmp_path / "seed.docx", seed_body(), [seed_grid(tmp_path)])
    before = {p: _digest(p) for p in (txt, docx_report)}
    out = tmp_path / "导入结果"
    result = CliRunner().invoke(main, ["import", str(txt), str(docx_report), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["seed_docx_导入.xlsx", "seed_导入.xlsx"]  # same stem: both kept
    assert "17 个三级指标" in result.output
    assert "未填入：标准表只在“年度资金总额”行计分" in result.output  # the seed text's repeated 分值
    assert {p: _digest(p) for p in (txt, docx_report)} == before
    for name in ("seed_导入.xlsx", "seed_docx_导入.xlsx"):
        assert openpyxl.load_workbook(out / name)["绩效评价表"]["G31"].value == 95


def test_import_failure_exits_1_with_the_reason(tmp_path):
    letter = tmp_path / "通知.txt"
    letter.write_text("关于开展绩效评价的通知\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(letter)])
    assert result.exit_code == 1
    assert "没有找到绩效评价表" in result.output
    assert list(tmp_path.iterdir()) == [letter]


def test_run_imports_word_reports_on_the_fly(tmp_path):
    inbox = tmp_path / "收件"
    inbox.mkdir()
    write_docx(inbox / "走访慰问.docx", seed_body(), [seed_grid(tmp_path)])
    shutil.copy(SEED_TXT, inbox / "说明.txt")  # text is not picked up from a folder
    (inbox / "~$走访慰问.docx").write_bytes(b"Word lock file")
    (inbox / "损坏.docx").write_bytes(b"PK\x03\x04 broken")
    out = tmp_path / "结果"
    result = CliRunner().invoke(main, ["run", str(inbox), "-o", str(out)])
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert [p["file"] for p in data["projects"]] == ["走访慰问.docx"], result.output
    project = data["projects"][0]
    assert project["output"] == "走访慰问_导入_核查.xlsx" and project["reported_score"] == 95
    completed = openpyxl.load_workbook(out / project["output"])
    assert completed["绩效评价表"]["C14"].value == "立项依据充分性"  # the imported form, annotated
    rules = {f["rule"] for f in data["findings"]}
    assert "XC503" in rules
    assert [(f["file"], "无法" in f["error"]) for f in data["failed"]] == [("损坏.docx", True)]


def test_a_word_report_given_to_the_workbook_pipeline_says_how_to_import_it(tmp_path):
    from perfeval_xl.pipeline import evaluate_file

    report = write_docx(tmp_path / "r.docx", ["正文"], [seed_grid(tmp_path)])
    result = evaluate_file(report, "r.docx")
    assert result.project is None and "perfeval import" in result.failure
