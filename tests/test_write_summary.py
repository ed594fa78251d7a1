"""The summary workbook, ranking and results.json, re-read with openpyxl and calamine."""

from __future__ import annotations

import json
import re
import warnings
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from python_calamine import CalamineWorkbook

from perfeval_xl.findings import BatchResult, FileResult
from perfeval_xl.outputs.completed.workbook import completed_name, write_completed
from perfeval_xl.outputs.records import results_records
from perfeval_xl.outputs.results_json import results_json, write_results_json
from perfeval_xl.outputs.summary.workbook import SUMMARY_NAME, write_summary
from perfeval_xl.outputs.frames import Batch
from perfeval_xl.outputs.tables import department_table, duplicate_text, duplicate_texts, plain_rows
from tests.write_builders import INJECTED, S, make_form, make_result, make_scoring

FAILURE = "不是评价表：找不到“绩效评价指标”表头，请使用标准模板。"


def _result(file: str, total: float | None, grade: str = "优", reported: float | None = None, **project_kw) -> FileResult:
    r = make_result(file, **project_kw)
    if reported is not None:
        r.project = replace(r.project, total_score=S(reported, "G12"))
    r.scoring = make_scoring(total, grade) if total is not None else None
    r.output = completed_name(file)
    return r


def make_batch() -> BatchResult:
    return BatchResult([
        _result("一/甲.xlsx", 90, "优", name="甲项目", department="工信局"),
        _result("一/乙.xlsx", 95.004, "优", reported=96, name="乙项目", department="工信局"),
        _result("二/丙.xlsx", 95, "优", name=INJECTED, department="财政局"),
        _result("二/丁.xlsx", None, name="丁项目", department="财政局"),
        _result("二/甲-副本.xlsx", 70, "中", name="甲 项目", department="工信局"),
        FileResult("坏.xlsx", failure=FAILURE),
    ])


def tables_of(batch: BatchResult, output_dir: Path | None = None) -> Batch:
    return Batch.from_records(results_records(batch, output_dir))


def test_ties_share_a_rank_and_the_next_rank_skips():
    ranked = [(r["rank"], r["file"]) for r in plain_rows(tables_of(make_batch()).projects)]
    assert ranked == [(1, "一/乙.xlsx"), (1, "二/丙.xlsx"), (3, "一/甲.xlsx"), (4, "二/甲-副本.xlsx"), (None, "二/丁.xlsx")]


def test_same_project_and_department_twice_is_a_duplicate():
    projects = tables_of(make_batch()).projects.set_index("file")
    assert projects["duplicates"].to_dict() == {"一/乙.xlsx": 0, "二/丙.xlsx": 0, "一/甲.xlsx": 1, "二/甲-副本.xlsx": 1, "二/丁.xlsx": 0}
    assert projects["duplicate_group"].dropna().to_dict() == {"一/甲.xlsx": "一/甲.xlsx", "二/甲-副本.xlsx": "一/甲.xlsx"}
    texts = duplicate_texts(projects.reset_index()).tolist()
    assert texts == ["", "", "与 二/甲-副本.xlsx 重复", "与 一/甲.xlsx 重复", ""]


def test_department_table_groups_and_totals():
    table = {row["主管部门"]: row for row in plain_rows(department_table(tables_of(make_batch()).projects))}
    gx = table["工信局"]
    assert gx["项目数"] == 3 and gx["全年预算数"] == 180 and gx["全年执行数"] == pytest.approx(125.49)
    assert gx["执行率"] == pytest.approx(125.49 / 180)
    assert gx["平均核定总分"] == pytest.approx((90 + 95 + 70) / 3)
    assert (gx["优"], gx["中"], gx["错误"]) == (2, 1, 6)
    assert table["财政局"]["平均核定总分"] == 95  # the unscored project does not drag the mean


def test_department_table_order_and_unknown_figures():
    def row(department: str, score: float | None, budget: float | None = None, spent: float | None = None) -> dict:
        return {
            "file": f"{department}{score}.xlsx", "project": "x", "department": department, "year": 2024, "budget": budget,
            "spent": spent, "computed_score": score, "computed_grade": "良" if score else None, "errors": 1, "warnings": 0,
        }

    projects = Batch.from_records({"projects": [row("乙局", 80, 10, 5), row("", None), row("甲局", 80), row("丙局", 90, 0, 3), row("甲局", None)]}).projects
    table = plain_rows(department_table(projects))
    assert [d["主管部门"] for d in table] == ["丙局", "乙局", "甲局", "（未填主管部门）"]
    by_name = {d["主管部门"]: d for d in table}
    assert by_name["乙局"]["执行率"] == 0.5
    assert by_name["丙局"]["全年预算数"] == 0 and by_name["丙局"]["执行率"] is None  # A = 0: no rate
    assert by_name["甲局"]["全年预算数"] is None and by_name["甲局"]["执行率"] is None
    assert by_name["甲局"]["平均核定总分"] == 80 and by_name["甲局"]["项目数"] == 2 and by_name["甲局"]["良"] == 1
    assert by_name["（未填主管部门）"]["平均核定总分"] is None and by_name["（未填主管部门）"]["错误"] == 1


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """A small run: completed workbooks in the output folder, then the summary."""
    folder = tmp_path_factory.mktemp("summary")
    src = make_form(folder / "form.xlsx")
    out = folder / "out"
    batch = make_batch()
    for r in batch.read:
        write_completed(src, out / r.output, r)
    path = write_summary(tables_of(batch, out), out, run_info={"input_dir": "样例", "scheme": "按评价方式", "started_at": "2026-11-25 10:00"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl does not know conditional-format extensions
        wb = openpyxl.load_workbook(path)
    return batch, out, path, wb


def test_summary_sheets_and_fixed_name(run):
    _, out, path, wb = run
    assert path == out / SUMMARY_NAME
    assert wb.sheetnames == ["汇总排名", "问题清单", "部门汇总", "指标明细", "未处理文件", "说明"]
    assert [p.name for p in out.iterdir() if p.name.startswith(".~")] == []


def test_ranking_sheet_rows_and_injected_name(run):
    _, _, path, wb = run
    ws = wb["汇总排名"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [1, 1, 3, 4, None]
    injected = ws["B3"]
    assert injected.value == INJECTED and injected.data_type == "s"
    assert "二/甲-副本.xlsx" in rows[2][16] and rows[1][16] is None
    calamine = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("汇总排名").to_python()
    assert calamine[2][1] == INJECTED
    assert calamine[1][8] == pytest.approx(41.83 / 60)  # 执行率 formula read back through its cached value
    assert (calamine[1][9], calamine[1][10], calamine[1][11]) == (96, 95, -1)  # 差异 = 核定 − 自评, cached


def test_ranking_sheet_is_set_up_for_reading_and_printing(run):
    ws = run[3]["汇总排名"]
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref.startswith("A1:S")
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
    assert ws.page_setup.fitToWidth in (None, 1)  # 1 is the default and may be left out
    assert ws.print_title_rows == "$1:$1"
    assert len(ws.conditional_formatting) >= 6
    assert ws["G2"].number_format == "#,##0.00" and ws["I2"].number_format == "0.00%"


def _formula_cells(path: Path):
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                for c in etree.fromstring(z.read(name)).iter("{*}c"):
                    if c.find("{*}f") is not None:
                        yield name, c


def test_every_formula_carries_its_value(run):
    cells = list(_formula_cells(run[2]))
    assert len(cells) > 10
    for name, c in cells:
        v = c.find("{*}v")
        assert v is not None and v.text not in (None, ""), (name, c.get("r"))
    dept = CalamineWorkbook.from_path(str(run[2])).get_sheet_by_name("部门汇总").to_python()
    total = next(r for r in dept if r[0] == "合计")
    assert total[1:4] == [5, 300, pytest.approx(209.15)] and total[4] == pytest.approx(209.15 / 300)


def test_findings_are_listed_file_by_file_in_input_order_worst_first(run):
    batch, _, _, wb = run
    listed = [(r[3], r[4], r[5]) for r in wb["问题清单"].iter_rows(min_row=2, values_only=True)]
    expected = [(r.file, f.severity.label, f.rule) for r in batch.files for f in sorted(r.findings, key=lambda f: f.severity.rank)]
    assert listed == expected and len(expected) > 3


def test_links_open_the_completed_workbook_at_the_cell(run):
    batch, out, _, wb = run
    ws = wb["问题清单"]
    links = [c.hyperlink for row in ws.iter_rows(min_row=2) for c in row if c.hyperlink]
    assert len(links) == len(batch.findings)
    for link in links:
        target = out / link.target.replace("\\", "/")
        assert target.is_file(), link.target
        if link.location:
            sheet, cell = re.fullmatch(r"'((?:[^']|'')+)'!([A-Z]+\d+)", link.location).groups()
            assert sheet.replace("''", "'") in openpyxl.load_workbook(target, read_only=True).sheetnames or sheet == "不存在"
    book_links = [c.hyperlink.target.replace("\\", "/") for c in wb["汇总排名"]["R"][1:] if c.hyperlink]
    assert sorted(book_links) == sorted(r.output for r in batch.read)


def test_failed_files_and_run_description(run):
    wb = run[3]
    assert list(wb["未处理文件"].iter_rows(min_row=2, values_only=True)) == [(1, "坏.xlsx", FAILURE)]
    about = {r[0]: r[1] for r in wb["说明"].iter_rows(values_only=True) if r[0]}
    assert about["输入文件夹"] == "样例" and about["评分方案"] == "按评价方式"
    assert "未能处理 1 个" in about["处理结果"]


def test_charts_are_included(run):
    with zipfile.ZipFile(run[2]) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2


def test_results_json_follows_the_contract(run, tmp_path):
    batch = run[0]
    data = results_json(batch)
    assert set(data) == {"projects", "failed", "findings", "indicators"}
    keys = {"file", "status", "project", "department", "year", "scheme", "reported_score", "computed_score",
            "reported_grade", "computed_grade", "rank", "output", "errors", "warnings"}
    added = {"infos", "implementer", "method", "budget", "spent", "rate", "narrative_only"}  # README: results.json
    assert all(set(p) == keys | added for p in data["projects"])
    assert len(data["indicators"]) == 3 * len(batch.read)
    first = data["projects"][0]
    assert (first["file"], first["rank"], first["computed_score"], first["scheme"], first["output"]) == ("一/乙.xlsx", 1, 95.0, "部门评价", "一/乙_核查.xlsx")
    assert data["failed"] == [{"file": "坏.xlsx", "error": FAILURE}]
    finding_keys = {"file", "rule", "severity", "sheet", "cell", "related", "message", "expected", "actual"}
    assert len(data["findings"]) == len(batch.findings) and all(set(f) == finding_keys for f in data["findings"])
    assert {f["severity"] for f in data["findings"]} == {"error", "warning", "info"}
    path = tmp_path / "results.json"
    write_results_json(results_records(batch), path)
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(json.dumps(data))
    assert [p.name for p in tmp_path.iterdir()] == ["results.json"]


def test_results_json_makes_absolute_outputs_relative(tmp_path):
    r = _result("x.xlsx", 80, "良")
    r.output = str(tmp_path / "sub" / "x_核查.xlsx")
    assert results_json(BatchResult([r]), tmp_path)["projects"][0]["output"] == "sub/x_核查.xlsx"


def test_empty_batch_still_gives_a_readable_summary(tmp_path):
    path = write_summary(tables_of(BatchResult([])), tmp_path, run_info={})
    assert CalamineWorkbook.from_path(str(path)).sheet_names == ["汇总排名", "问题清单", "部门汇总", "指标明细", "未处理文件", "说明"]
    assert results_json(BatchResult([])) == {"projects": [], "failed": [], "findings": [], "indicators": []}


def test_duplicate_column_names_a_few_files_and_counts_the_rest():
    assert duplicate_text(["x.xlsx"], "x.xlsx") == ""
    assert duplicate_text(["一/甲.xlsx", "x.xlsx"], "x.xlsx") == "与 一/甲.xlsx 重复"
    many = [f"{i}.xlsx" for i in range(601)]
    assert duplicate_text(many, "600.xlsx") == "与 0.xlsx、1.xlsx、2.xlsx、3.xlsx、4.xlsx 等共 600 个文件 重复"


def test_many_copies_of_a_project_name_five_others_and_count_them_all():
    copies = BatchResult([_result(f"{i:02d}.xlsx", 90, name="甲项目", department="工信局") for i in range(8)])
    projects = tables_of(copies).projects
    texts = dict(zip(projects["file"], duplicate_texts(projects)))
    assert texts["03.xlsx"] == "与 00.xlsx、01.xlsx、02.xlsx、04.xlsx、05.xlsx 等共 7 个文件 重复"
    assert set(projects["duplicates"]) == {7} and set(projects["duplicate_group"]) == {"00.xlsx"}


_FORMULA_TEXT = st.text(alphabet="=({}):/-+,.$_ \"ABCFILTERSUMXLOOKUPsingle0123456789", max_size=30)


@given(formula=_FORMULA_TEXT, future=st.booleans())
def test_summary_formulas_are_prepared_as_xlsxwriter_prepares_them(formula, future):
    from xlsxwriter.worksheet import Worksheet

    from perfeval_xl.outputs.summary._format import SummaryWorkbook

    ours, theirs = SummaryWorkbook.worksheet_class(), Worksheet()
    assert ours._prepare_formula(formula, future) == theirs._prepare_formula(formula, future)


def test_summary_formulas_with_a_function_are_still_renamed():
    from perfeval_xl.outputs.summary._format import SummaryWorkbook

    sheet = SummaryWorkbook.worksheet_class()
    assert sheet._prepare_formula("=FILTER(A1:A3,B1:B3)") == "_xlfn._xlws.FILTER(A1:A3,B1:B3)"
    assert sheet._prepare_formula("{=H2/G2}") == "H2/G2"


def test_indicator_sheet_lists_every_indicator_as_the_table_does(run):
    batch, out, path, wb = run
    from perfeval_xl.outputs.summary._indicators import COLUMNS

    ws = wb["指标明细"]
    assert ws.freeze_panes == "F2" and ws.auto_filter.ref == f"A1:T{len(batch.read) * 3 + 1}"
    assert [c.value for c in ws[1]] == [name for name, *_ in COLUMNS]
    table = tables_of(batch, out).indicators
    shown = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(shown) == len(table) == 3 * len(batch.read)
    for line, record in zip(shown, plain_rows(table)):
        for value, (_, _, column, kind) in zip(line, COLUMNS):
            if kind == "link":
                assert value.startswith("=HYPERLINK(") and record["cell"] in value
            else:
                assert value == record[column], (column, value, record[column])
    assert any(line[0] == INJECTED for line in shown)  # text as text: the injected name is no formula
    calamine = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("指标明细").to_python()
    assert calamine[1][12] == 3 and isinstance(calamine[1][14], float)  # 分值 and 核定得分 as numbers
    assert calamine[1][18] == "绩效评价表!" + table["cell"][0]  # the link's cached text


def test_indicator_links_open_the_completed_copy_at_the_row(run):
    batch, out, _, wb = run
    formulas = [c.value for c in wb["指标明细"]["S"][1:]]
    for formula in formulas:
        target, shown = re.fullmatch(r'=HYPERLINK\("([^"]+)","([^"]+)"\)', formula).groups()
        file, place = target.split("#")
        sheet, cell = re.fullmatch(r"'((?:[^']|'')+)'!([A-Z]+\d+)", place).groups()
        assert (out / file.replace("\\", "/")).is_file() and shown == f"{sheet}!{cell}"
        assert sheet in openpyxl.load_workbook(out / file.replace("\\", "/"), read_only=True).sheetnames


def _indicator_lines(path: Path) -> list[tuple]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(openpyxl.load_workbook(path)["指标明细"].iter_rows(values_only=True))


def test_indicator_rows_are_the_same_without_a_helper_process(run, tmp_path, monkeypatch):
    """Where there is no fork, or the process that renders the rows fails, the
    summary renders them itself: the same sheet either way."""
    import os

    from perfeval_xl.outputs.summary import _indicators as _summary_indicators

    batch, out, path, _ = run
    expected = _indicator_lines(path)
    tables = tables_of(batch, out)
    for folder in ("alone", "failed"):
        (tmp_path / folder).mkdir()
    monkeypatch.setattr(_summary_indicators.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    alone = write_summary(tables, tmp_path / "alone", run_info={})
    monkeypatch.undo()
    monkeypatch.setattr(_summary_indicators.IndicatorRows, "_write", lambda self: os._exit(3))
    failed = write_summary(tables, tmp_path / "failed", run_info={})
    assert _indicator_lines(alone) == _indicator_lines(failed) == expected and len(expected) > 10
    assert sorted(p.name for p in (tmp_path / "failed").iterdir()) == ["汇总.xlsx"]


def test_an_indicator_text_keeps_its_leading_and_trailing_spaces():
    from perfeval_xl.outputs.summary._indicators import _text

    assert _text("项目", 1) == '" s="1" t="inlineStr"><is><t>项目</t></is></c>'
    for spaced in (" 项目", "项目 ", "\u3000项目", "项目\n"):
        assert '<t xml:space="preserve">' in _text(spaced, 1), repr(spaced)


def test_an_indicator_link_keeps_quotes_in_names_inside_its_strings():
    from perfeval_xl.outputs.summary._indicators import _link_tail, _link_tails

    styles = {"text": 1, "link": 2}
    tail = _link_tail('甲"乙_核查.xlsx', "表'1\"", "C5", styles)
    formula = re.search(r"<f>(.*)</f>", tail).group(1)
    expected = 'HYPERLINK("甲""乙_核查.xlsx#' + "'表''1\"\"'!C5" + '","' + "表'1\"\"!C5" + '")'
    assert formula == expected
    assert _link_tail(None, "表", "C5", styles).endswith('<t>表!C5</t></is></c>')  # no copy: text
    assert _link_tail("x.xlsx", "表", None, styles) == '" s="1"/>'
    lines = [("a.xlsx", "表'1\"", "C5"), ("a.xlsx", "表'1\"", "D7"), ("b.xlsx", None, "C5"), ("c.xlsx", "表", "C5"), ("a.xlsx", "表", None)]
    outputs = {"a.xlsx": '甲"乙_核查.xlsx', "b.xlsx": "b_核查.xlsx"}
    files, sheets, cells = (list(column) for column in zip(*lines))
    assert _link_tails(files, sheets, cells, outputs, styles) == [_link_tail(outputs.get(f), s, c, styles) for f, s, c in lines]
