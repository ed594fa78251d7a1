"""Reports published without their 评价表 (issue 20): ``perfeval import``,
``perfeval run`` and ``perfeval check`` take them, check their narrative
alone, mark them 仅核对报告正文 and keep them out of the ranking; every output
lists 报告中的数字."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import perfeval_xl
from perfeval_xl.cli import main
from perfeval_xl.importer import import_report
from perfeval_xl.importer.narrative_only import NOTE
from tests.report_builders import write_docx

REPORT = [
    "某县2023年度农村饮水安全维修养护项目绩效自评报告",
    "一、基本情况",
    "2023年项目调整后全年预算150万元，实际到位资金150万元，资金到位率100%。",
    "截至2023年12月31日，项目实际支出142.5万元，结余资金7.5万元，预算执行率95%。",
    "资金主要用于支付维修材料费98.6万元、人工费43.9万元，合计支出143.5万元。",
    "三、自评结论",
    "本次自评总分100分，项目自评得分93.5分，等级为优。",
]
PARTS_ROW = "A5"  # 98.6 + 43.9 = 142.5, not 143.5


@pytest.fixture
def report_txt(tmp_path):
    path = tmp_path / "饮水项目自评报告.txt"
    path.write_text("\n".join(REPORT) + "\n", encoding="utf-8")
    return path


def test_import_takes_a_report_without_a_form(report_txt, tmp_path):
    result = import_report(report_txt)
    assert result.ok and result.narrative_only, result.failure
    assert NOTE in result.notes
    spec = result.spec
    assert (spec.name, spec.year, spec.method, spec.indicators) == ("某县2023年度农村饮水安全维修养护项目", 2023, "单位自评", [])
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["import", str(report_txt), "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert "报告未附绩效评价表" in run.output
    wb = openpyxl.load_workbook(out / "饮水项目自评报告_导入.xlsx")
    assert [wb["评价报告"][f"A{i + 1}"].value for i in range(len(REPORT))] == REPORT


def test_a_letter_is_still_not_a_report(tmp_path):
    letter = tmp_path / "通知报告.txt"
    letter.write_text("关于报送绩效评价报告的通知\n各单位：请于月底前报送。\n", encoding="utf-8")
    result = import_report(letter)
    assert not result.ok and "没有找到绩效评价表" in result.failure


@pytest.mark.parametrize("title,name", [
    ("就业补助资金绩效自评表（2024年度）", "就业补助资金绩效自评表（2024年度）"),
    ("2021年吕梁山护工培训项目绩效目标完成情况", "2021年吕梁山护工培训项目绩效目标完成情况"),
    ("2023年度新增地方政府专项债券项目绩效评价情况", "2023年度新增地方政府专项债券项目绩效评价情况"),
])
def test_a_self_evaluation_table_or_summary_published_as_text_is_a_report(tmp_path, title, name):
    """Published without a report body: a 绩效自评表 pasted as text, or a 绩效…情况 summary, in 亿元 too."""
    path = tmp_path / "表.txt"
    path.write_text(f"{title}\n项目 | 全年预算数（A） | 全年执行数（B） | 执行率\n年度资金总额 | 808.1 | 692.98 | 86%\n"
                    "争取债券资金1.69亿元。\n", encoding="utf-8")
    result = import_report(path)
    assert result.ok and result.narrative_only, result.failure
    assert result.spec.title == name


def test_a_notice_with_a_table_title_but_no_figures_is_refused(tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text("关于填报项目支出绩效自评表的通知\n请各单位于月底前填报绩效自评表。\n", encoding="utf-8")
    assert not import_report(path).ok


def test_check_lists_the_figures_and_finds_the_sum(report_txt):
    run = CliRunner().invoke(main, ["check", str(report_txt), "--json"])
    assert run.exit_code == 1, run.output  # an error was found
    data = json.loads(run.output)
    assert data["projects"][0]["scheme"] == "仅核对报告正文" and data["projects"][0]["rank"] is None
    assert [(f["rule"], f["cell"]) for f in data["findings"] if f["severity"] != "info"] == [("XC614", PARTS_ROW)]
    model = data["model"]
    assert model["narrative_only"] is True and model["indicators"] == [] and model["funds"] is None
    figures = {(f["cell"], f["text"]): f for f in model["figures"]}
    total = figures[(f"评价报告!{PARTS_ROW}", "143.5万元")]
    assert (total["subject"], total["role"], total["value"], total["findings"]) == ("spent", "total", "143.5万元", ["XC614"])
    maximum = figures[("评价报告!A7", "100分")]
    assert maximum["role"] == "maximum" and maximum["checked_against"].startswith("不核对")
    assert {"cell", "quote", "subject_label", "role_label", "unit", "checked_against"} <= set(total)
    text = CliRunner().invoke(main, ["check", str(report_txt)]).output
    assert "仅核对报告正文" in text and "报告中的数字（" in text and "“143.5万元”" in text


def test_check_lists_the_figures_of_a_workbook_too():
    run = CliRunner().invoke(main, ["check", "samples/01_县领导春节走访慰问困难企业资金（种子）.xlsx", "--json"])
    figures = json.loads(run.output)["model"]["figures"]
    arrived = [f for f in figures if f["text"] == "41.83万元"]
    assert [(f["subject"], f["role"], f["findings"]) for f in arrived] == [("arrived", "actual", ["XC610"])]


def test_run_checks_reports_without_a_form_and_keeps_them_out_of_the_ranking(report_txt, tmp_path):
    inbox = tmp_path / "收件"
    inbox.mkdir()
    shutil.copy(report_txt, inbox / report_txt.name)
    shutil.copy(report_txt, inbox / "说明.txt")  # text not named as a report stays out of a run
    write_docx(inbox / "饮水项目.docx", REPORT, [])
    shutil.copy("samples/02_农村饮水安全巩固提升工程（清洁）.xlsx", inbox / "水利.xlsx")
    out = tmp_path / "结果"
    run = CliRunner().invoke(main, ["run", str(inbox), "-o", str(out)])
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    projects = {p["file"]: p for p in data["projects"]}
    assert set(projects) == {"饮水项目自评报告.txt", "饮水项目.docx", "水利.xlsx"}, run.output
    assert [p["file"] for p in data["projects"]][0] == "水利.xlsx" and projects["水利.xlsx"]["rank"] == 1
    for name in ("饮水项目自评报告.txt", "饮水项目.docx"):
        p = projects[name]
        assert (p["scheme"], p["rank"], p["computed_score"], p["errors"]) == ("仅核对报告正文", None, None, 1)
    copy = openpyxl.load_workbook(out / projects["饮水项目.docx"]["output"])
    assert copy.sheetnames == ["绩效评价表", "评价报告", "核查结果", "报告中的数字"]
    assert copy["评价报告"][PARTS_ROW].fill.fgColor.rgb == "FFFFC7CE"  # the error's cell, red
    figures = copy["报告中的数字"]
    assert figures.auto_filter.ref.startswith("A2")
    assert [c.value for c in figures[2]][:6] == ["序号", "位置", "原文", "数字", "主语", "角色"]
    rows = {(r[1].value, r[3].value): [c.value for c in r] for r in figures.iter_rows(min_row=3)}
    total = rows[(f"评价报告!{PARTS_ROW}", "143.5万元")]
    assert (total[4], total[5], total[10]) == ("支出（使用）资金", "合计数", "有问题：XC614")
    assert figures[f"B{3 + list(rows).index((f'评价报告!{PARTS_ROW}', '143.5万元'))}"].hyperlink is not None
    ranking = openpyxl.load_workbook(out / "汇总.xlsx")["汇总排名"]
    marks = {row[18].value: row[10].value for row in ranking.iter_rows(min_row=2)}
    assert marks == {"水利.xlsx": 99.92, "饮水项目.docx": "仅核对报告正文", "饮水项目自评报告.txt": "仅核对报告正文"}
    tables = perfeval_xl.read_results(out / "results.json").projects.set_index("file")
    assert tables["narrative_only"].to_dict() == {"水利.xlsx": False, "饮水项目.docx": True, "饮水项目自评报告.txt": True}
    assert tables["rank"].isna().tolist() == [False, True, True]
    # a results.json written before the key existed marks such a report by its scheme alone
    for project in data["projects"]:
        del project["narrative_only"]
    older = tmp_path / "older.json"
    older.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert perfeval_xl.read_results(older).projects.set_index("file")["narrative_only"].equals(tables["narrative_only"])


def test_only_the_narrative_rules_run_on_a_report_without_its_form(report_txt):
    from perfeval_xl.importer.narrative_only import narrative_project
    from perfeval_xl.rules import RuleSettings, run_rules
    from perfeval_xl.scheme import DEPARTMENT

    imported = import_report(report_txt)
    project = narrative_project(imported.spec, imported.layout, report_txt.name)
    findings = run_rules(project, DEPARTMENT, settings=RuleSettings(raise_errors=True))
    assert [(f.rule, f.cell) for f in findings] == [("XC614", PARTS_ROW)]  # no 缺少项目资金/指标 from the form rules


CLEAN_REPORTS = sorted((Path(__file__).parent / "fixtures" / "narrative_only").glob("*.txt"))


@pytest.mark.parametrize("path", CLEAN_REPORTS, ids=lambda p: p.stem)
def test_consistent_reports_without_a_form_raise_nothing(path):
    run = CliRunner().invoke(main, ["check", str(path), "--json"])
    data = json.loads(run.output)
    alarms = [(f["rule"], f["cell"], f["message"]) for f in data["findings"] if f["severity"] != "info"]
    assert alarms == [] and run.exit_code == 0
    assert len(data["model"]["figures"]) >= 20


@pytest.mark.parametrize("path,change,expected", [
    ("多项目单位自评报告.txt", ("合计支出95.13万元", "合计支出96.13万元"), ("XC614", "A9")),
    ("多项目单位自评报告.txt", ("实际支出180万元", "实际支出190万元"), ("XC611", "A10")),
    ("耕地地力保护补贴自评报告.txt", ("结余0.12万元，预算", "结余1.12万元，预算"), ("XC615", "A6")),
], ids=["sub_project_items", "sub_project_spent_over_arrived", "balance"])
def test_a_planted_error_in_them_is_found(tmp_path, path, change, expected):
    text = (Path(__file__).parent / "fixtures" / "narrative_only" / path).read_text("utf-8")
    assert change[0] in text
    changed = tmp_path / path
    changed.write_text(text.replace(change[0], change[1]), encoding="utf-8")
    data = json.loads(CliRunner().invoke(main, ["check", str(changed), "--json"]).output)
    assert [(f["rule"], f["cell"]) for f in data["findings"] if f["severity"] != "info"] == [expected]
