"""核查意见: which departments get a letter, what it says, in which order,
under which file name, and how the Word document is set up."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from perfeval_xl.config import ConfigError, NoticeSettings, parse_all
from perfeval_xl.findings import BatchResult, FileResult
from perfeval_xl.model import Grade
from perfeval_xl.outputs.notices import NOTICES_FOLDER, write_notices
from perfeval_xl.outputs.notices.content import chinese_date, department_notices, form_order
from perfeval_xl.outputs.notices.document import BODY_FONT, HEADING_FONT, TITLE_FONT
from perfeval_xl.outputs.notices.filenames import SUFFIX, notice_stem, unique_names
from tests.write_builders import FORM, REPORT, F, S, make_project, make_scoring

RUN_DATE = dt.date(2026, 12, 4)


def result(file: str, department: str, findings, name: str | None = None, **kw) -> FileResult:
    project = make_project(name=name or Path(file).stem, department=department, file=file)
    project = replace(
        project, narrative_sheet=REPORT, total_score=S(kw.pop("reported", 95), "G12"), grade=Grade(S(kw.pop("grade", "优"), "B13"))
    )
    return FileResult(file=file, project=project, findings=list(findings), scoring=kw.pop("scoring", make_scoring(93.99, "优")))


def notices_for(batch: BatchResult, **settings):
    return department_notices(batch, NoticeSettings(**settings), RUN_DATE)


def test_one_notice_per_department_with_errors_or_warnings_and_none_for_the_rest():
    batch = BatchResult([
        result("a.xlsx", "水利局", [F("XC101", "error", "G6")]),
        result("b.xlsx", "教育局", [F("XC001", "info", "A1")]),  # info only: nothing to send back
        result("c.xlsx", "教育局", []),
        result("d.xlsx", "水 利局", [F("XC620", "warning", "A5", sheet=REPORT)]),  # the same addressee, spaced
        FileResult("broken.xlsx", failure="已损坏"),
    ])
    notices = notices_for(batch)
    assert [n.department for n in notices] == ["水利局"]
    assert [p.name for p in notices[0].projects] == ["a", "d"]
    assert "本次共核查你单位项目2个，其中2个项目" in notices[0].opening


def test_warnings_can_be_left_out_and_info_and_tool_findings_always_are():
    batch = BatchResult([
        result("a.xlsx", "水利局", [F("XC101", "error", "G6"), F("XC620", "warning", "A5", sheet=REPORT), F("XC001", "info", "A1")]),
        result("b.xlsx", "教育局", [F("XC620", "warning", "A5", sheet=REPORT), F("OUT001", "warning", None, sheet=None)]),
    ])
    full = notices_for(batch)
    assert [[line.rule for p in n.projects for line in p.lines] for n in full] == [["XC101", "XC620"], ["XC620"]]
    assert "须核实并作出说明" in full[0].closing and "须予更正" in full[0].closing
    assert "须予更正" not in full[1].closing  # a letter with warnings only explains warnings only
    errors_only = notices_for(batch, warnings=False)
    assert [n.department for n in errors_only] == ["水利局"]
    assert [line.severity for line in errors_only[0].projects[0].lines] == ["错误"]
    assert "须核实并作出说明" not in errors_only[0].closing and "需要更正的问题" in errors_only[0].opening


def test_findings_follow_the_form_sheet_then_the_report_sheet_by_row_then_column():
    shuffled = [
        F("R1", "error", None, sheet=None),
        F("R2", "error", "A3", sheet=REPORT),
        F("R3", "error", "AA10", sheet=FORM),
        F("R4", "error", None, sheet=FORM),
        F("R5", "error", "B10", sheet=FORM),
        F("R6", "error", "C9", sheet=FORM),
        F("R7", "error", "A12", sheet="封面"),
        F("R8", "error", "$B$2", sheet=REPORT),
        F("R9", "error", "H9", sheet=FORM),
    ]
    ordered = sorted(shuffled, key=form_order(FORM, REPORT))
    assert [f.rule for f in ordered] == ["R6", "R9", "R5", "R3", "R4", "R8", "R2", "R7", "R1"]
    notice = notices_for(BatchResult([result("a.xlsx", "水利局", shuffled)]))[0]
    assert [line.rule for line in notice.projects[0].lines] == [f.rule for f in ordered]
    assert notice.projects[0].lines[0].location == "绩效评价表!C9"
    assert notice.projects[0].lines[-1].location == "—"


def test_scores_grades_and_a_project_without_a_total_says_none():
    scored = result("a.xlsx", "水利局", [F("XC205", "error", "G12")], reported=95, grade="优", scoring=make_scoring(87.684, "良"))
    narrative_only = result("b.xlsx", "水利局", [F("XC603", "error", "A6", sheet=REPORT)], reported=None, grade=None, scoring=None)
    projects = notices_for(BatchResult([scored, narrative_only]))[0].projects
    assert projects[0].scores == "填报总分：95分，等次：优；核定总分：87.68分，等次：良。"
    assert projects[1].scores == "填报总分：无，等次：无；核定总分：无，等次：无。"
    assert projects[0].counts == "错误1处"


def test_title_year_department_deadline_and_signing_date():
    batch = BatchResult([result("a.xlsx", "水利局", [F("XC101", "error", "G6")])])
    notice = notices_for(batch, office="某县财政局")[0]
    assert notice.title == "关于2023年度项目支出绩效评价表核查情况的反馈意见"
    assert notice.signed == "2026年12月4日" and notice.office == "某县财政局"
    assert "于2026年12月19日前" in notice.closing and notice.closing.endswith("重新报送某县财政局。")
    chosen = notices_for(batch, title="{部门}{年度}年绩效评价核查意见", deadline=dt.date(2027, 1, 5))[0]
    assert chosen.title == "水利局2023年绩效评价核查意见" and "于2027年1月5日前" in chosen.closing
    assert notices_for(batch)[0].office == "（核查单位）"  # no office configured: a visible blank to fill in

    no_year = replace(batch.files[0], project=replace(batch.files[0].project, year=S(None, "B4")))
    assert notices_for(BatchResult([no_year]))[0].title == "关于项目支出绩效评价表核查情况的反馈意见"
    later = result("b.xlsx", "水利局", [F("XC101", "error", "G6")])
    later = replace(later, project=replace(later.project, year=S(2022, "B4")))
    assert notices_for(BatchResult([batch.files[0], later]))[0].title.startswith("关于2022、2023年度")
    assert chinese_date(dt.date(2027, 1, 5)) == "2027年1月5日"


@pytest.mark.parametrize(
    "notices,fragment",
    [
        ({"enable": True}, "enable"),
        ({"enabled": "yes"}, "enabled"),
        ({"office": ""}, "office"),
        ({"title": "关于{年份}的意见"}, "{年份}"),
        ({"title": "关于{年度的意见"}, "花括号"),
        ({"deadline": "下周五"}, "deadline"),
        ({"deadline": "2026-02-30"}, "deadline"),
        ({"deadline_days": 0}, "deadline_days"),
        ({"deadline_days": 15.5}, "deadline_days"),
        ({"deadline": dt.date(2026, 12, 19), "deadline_days": 10}, "只能写一个"),
        ({"warnings": 1}, "warnings"),
    ],
)
def test_notices_settings_are_checked_strictly(notices, fragment):
    with pytest.raises(ConfigError) as info:
        parse_all({"notices": notices}, "perfeval.toml")
    assert fragment in str(info.value) and "[notices]" in str(info.value)


def test_notices_settings_are_read():
    settings = parse_all({"notices": {
        "enabled": False, "office": " 某县财政局 ", "deadline": "2026年12月19日", "title": "关于{年度}年度的核查意见",
        "warnings": False, "rule_ids": True,
    }}).notices
    assert settings == NoticeSettings(False, "某县财政局", dt.date(2026, 12, 19), 15, "关于{年度}年度的核查意见", False, True)
    assert parse_all({"notices": {"deadline": dt.date(2027, 1, 5)}}).notices.deadline == dt.date(2027, 1, 5)
    assert parse_all({}).notices == NoticeSettings()


@pytest.mark.parametrize(
    "department,stem",
    [
        ("信丰县工信局", "信丰县工信局"),
        ("../../etc/passwd", "etc_passwd"),
        ("水利局/农水股", "水利局_农水股"),
        ('a<b>c:d"e|f?g*h\\i', "a_b_c_d_e_f_g_h_i"),
        ("CON", "_CON"),
        ("nul.局", "_nul.局"),
        ("  . . ", "未填主管部门"),
        ("信丰县\u200b工信局\u202e", "信丰县工信局"),
        ("工\x00信\n局", "工_信_局"),
        ("局" * 300, "局" * 40),
    ],
)
def test_department_names_become_safe_file_names(department, stem):
    assert notice_stem(department) == stem


def test_names_that_collide_are_numbered():
    assert unique_names(["水利局/一股", "水利局_一股", "Water局", "water局"]) == [
        "水利局_一股" + SUFFIX, "水利局_一股_2" + SUFFIX, "Water局" + SUFFIX, "water局_2" + SUFFIX,
    ]


HOSTILE = ["../../逃逸", "/etc/cron.d/x", "CON", "..", "局\x01\ufffe名", "（未填主管部门）", "a" * 500]


def test_hostile_department_names_stay_inside_the_notices_folder(tmp_path):
    quoting = [F("XC602", "error", "A4", "报告写“甲\n乙\x0c丙”", sheet=REPORT)]  # a quoted paragraph with a line break and a form feed
    batch = BatchResult([result(f"{i}.xlsx", name, quoting) for i, name in enumerate(HOSTILE)])
    written = write_notices(batch, tmp_path / "out", run_date=RUN_DATE)
    folder = (tmp_path / "out" / NOTICES_FOLDER).resolve()
    assert not written.failed and len(written.written) == len(HOSTILE)
    assert all(path.resolve().parent == folder and path.name.endswith(SUFFIX) for path in written.written)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written.written)  # no temporary files left
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    letter = Document(str(written.written[4]))
    assert "局名：" in _text(letter)  # characters XML cannot hold are dropped, not a crash
    assert letter.tables[0].rows[1].cells[2].text == "报告写“甲\n乙丙”"


def test_a_rerun_removes_letters_the_results_no_longer_support(tmp_path):
    out = tmp_path / "out"
    first = BatchResult([result("a.xlsx", "水利局", [F("XC101", "error", "G6")]), result("b.xlsx", "教育局", [F("XC101", "error", "G6")])])
    write_notices(first, out, run_date=RUN_DATE)
    folder = out / NOTICES_FOLDER
    (folder / "说明.txt").write_text("reviewer's own note", encoding="utf-8")
    second = BatchResult([result("a.xlsx", "水利局", [F("XC101", "error", "G6")]), result("b.xlsx", "教育局", [])])
    write_notices(second, out, run_date=RUN_DATE)
    assert sorted(p.name for p in folder.iterdir()) == ["水利局" + SUFFIX, "说明.txt"]


def test_a_file_in_the_way_of_the_folder_is_reported_not_a_crash(tmp_path):
    (tmp_path / NOTICES_FOLDER).write_bytes(b"not a folder")
    written = write_notices(BatchResult([result("a.xlsx", "水利局", [F("XC101", "error", "G6")])]), tmp_path, run_date=RUN_DATE)
    assert written.written == [] and [d for d, _ in written.failed] == ["水利局"]
    assert (tmp_path / NOTICES_FOLDER).read_bytes() == b"not a folder"


def test_nothing_is_removed_when_the_input_lies_in_the_notices_folder(tmp_path):
    folder = tmp_path / "out" / NOTICES_FOLDER
    inbox = folder / "收件"
    inbox.mkdir(parents=True)
    (folder / "旧的_核查意见.docx").write_bytes(b"an earlier letter")
    write_notices(BatchResult([result("a.xlsx", "水利局", [])]), tmp_path / "out", run_date=RUN_DATE, input_dir=inbox)
    assert (folder / "旧的_核查意见.docx").is_file()


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    findings = [F("XC101", "error", "G6", "执行率应为 69.71%", expected="69.71%", actual="100%"),
                F("XC620", "warning", "A5", "报告列举的二级指标评价表中没有", sheet=REPORT)]
    batch = BatchResult([result("a/春节慰问.xlsx", "信丰县工信局", findings, name="春节走访慰问资金")])
    written = write_notices(batch, tmp_path_factory.mktemp("notice"), NoticeSettings(office="信丰县财政局"), run_date=RUN_DATE)
    return written.written[0]


def _text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_letter_reads_as_a_notice(document):
    doc = Document(str(document))
    paragraphs = [p.text for p in doc.paragraphs if p.text]
    assert paragraphs[0] == "关于2023年度项目支出绩效评价表核查情况的反馈意见"
    assert paragraphs[1] == "信丰县工信局："
    assert paragraphs[3] == "一、春节走访慰问资金"
    assert paragraphs[4] == "报送文件：a/春节慰问.xlsx"
    assert paragraphs[5] == "填报总分：95分，等次：优；核定总分：93.99分，等次：优。存在以下问题（错误1处、警告1处）："
    assert paragraphs[-3:] == ["特此反馈。", "信丰县财政局", "2026年12月4日"]
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "位置", "问题", "应为", "实为", "严重程度"]
    assert [c.text for c in table.rows[1].cells] == ["1", "绩效评价表!G6", "执行率应为 69.71%", "69.71%", "100%", "错误"]
    assert [c.text for c in table.rows[2].cells][1:] == ["评价报告!A5", "报告列举的二级指标评价表中没有", "—", "—", "警告"]
    assert not re.search(r"XC\d{3}", _text(doc))  # no rule IDs unless asked for


def test_page_fonts_and_repeating_table_header(document):
    doc = Document(str(document))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (37, 28)

    def east_asian(style_name: str) -> str:
        return doc.styles[style_name].element.rPr.rFonts.get(qn("w:eastAsia"))

    assert east_asian("Normal") == BODY_FONT
    assert doc.styles["Normal"].font.size.pt == 16
    title, heading = (p for p in doc.paragraphs if p.text.startswith(("关于", "一、")))
    assert east_asian(title.style.name) == TITLE_FONT and title.style.font.size.pt == 22
    assert east_asian(heading.style.name) == HEADING_FONT
    table_properties = [etree.QName(child).localname for child in doc.tables[0]._tbl.tblPr]
    assert table_properties.index("tblCellMar") < table_properties.index("tblLook")  # schema order, or Word refuses the file
    header_row = doc.tables[0].rows[0]._tr
    assert header_row.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in doc.tables[0].rows[1:])
    with zipfile.ZipFile(document) as package:
        fonts = etree.fromstring(package.read("word/fontTable.xml"))
        footer = package.read("word/footer1.xml").decode("utf-8") if "word/footer1.xml" in package.namelist() else ""
    declared = {f.get(qn("w:name")): f.find(qn("w:altName")).get(qn("w:val")) for f in fonts if f.find(qn("w:altName")) is not None}
    assert declared == {BODY_FONT: "仿宋", HEADING_FONT: "SimHei", TITLE_FONT: "宋体"}
    assert 'w:instr="PAGE"' in footer


def test_rule_ids_column_when_asked_for(tmp_path):
    batch = BatchResult([result("a.xlsx", "水利局", [F("XC101", "error", "G6")])])
    written = write_notices(batch, tmp_path, NoticeSettings(rule_ids=True), run_date=RUN_DATE)
    table = Document(str(written.written[0])).tables[0]
    assert table.rows[0].cells[-1].text == "规则" and table.rows[1].cells[-1].text == "XC101"


def test_run_writes_notices_unless_told_not_to(tmp_path):
    from click.testing import CliRunner

    from perfeval_xl.cli import main
    from tests.seedform import write_seed_form

    inbox = tmp_path / "in"
    inbox.mkdir()
    write_seed_form(inbox / "种子.xlsx")  # the seed report's own inconsistencies
    (inbox / "perfeval.toml").write_text('[notices]\noffice = "信丰县财政局"\ndeadline = 2027-01-15\n', encoding="utf-8")
    runner = CliRunner()
    quiet = runner.invoke(main, ["run", str(inbox), "-o", str(tmp_path / "quiet"), "--no-notices"])
    assert quiet.exit_code == 1 and not (tmp_path / "quiet" / NOTICES_FOLDER).exists()
    loud = runner.invoke(main, ["run", str(inbox), "-o", str(tmp_path / "loud")])
    assert loud.exit_code == 1 and "核查意见：1 份" in loud.output
    assert "落款暂为" not in loud.output  # the office is named in [notices]
    (notice,) = (tmp_path / "loud" / NOTICES_FOLDER).iterdir()
    text = _text(Document(str(notice)))
    assert "信丰县财政局" in text and "2027年1月15日前" in text
