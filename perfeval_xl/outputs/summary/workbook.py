"""The summary workbook ``汇总.xlsx`` at the top of the output folder.

Sheets: 汇总排名 (projects ranked by 核定总分), 问题清单 (every finding, linked
into the completed workbooks), 部门汇总 (per 主管部门, with charts),
指标明细 (every indicator of every project, linked to its row),
未处理文件 (files that could not be read, and why) and 说明 (what was run).
The figures come from the batch's DataFrames (:mod:`perfeval_xl.outputs.tables`).

The name is fixed, not dated: a re-run replaces the completed workbooks in
the same folder, so a dated summary from an earlier run would link to files
that no longer say what it says. The run date is on the 说明 sheet.

Every input text goes through ``write_string`` on a workbook created with
``strings_to_formulas=False``, so a project named ``=HYPERLINK(…)`` stays
text; every formula is written with its value, so viewers that do not
recalculate show the right numbers.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
from xlsxwriter.utility import xl_rowcol_to_cell

from perfeval_xl.findings import Severity
from perfeval_xl.ooxml.atomic import atomic_target
from perfeval_xl.outputs.frames import Batch
from perfeval_xl.outputs.records import NARRATIVE_ONLY, SUMMARY_NAME
from perfeval_xl.outputs.summary._departments import departments_sheet
from perfeval_xl.outputs.summary._format import (
    MAX_TEXT,
    Formats,
    SummaryWorkbook,
    external_link,
    fit_row,
    header,
    printable,
    put,
)
from perfeval_xl.outputs.summary._indicators import IndicatorRows
from perfeval_xl.outputs.tables import department_table, duplicate_texts, plain_tuples

MAX_LINKS = 65000  # Excel allows 65,530 hyperlinks per sheet
SEVERITY_LABEL = {s.value: s.label for s in Severity}

RUN_INFO_LABELS = {
    "input_dir": "输入文件夹",
    "output_dir": "输出文件夹",
    "started_at": "开始时间",
    "finished_at": "完成时间",
    "scheme": "评分方案",
    "command": "运行命令",
    "version": "程序版本",
    "config": "配置文件",
}


def write_summary(tables: Batch, output_dir: Path | str, *, run_info: dict) -> Path:
    """Write ``汇总.xlsx`` into ``output_dir`` (atomically) and return its path.

    ``run_info`` describes the run for the 说明 sheet; known keys are
    labelled in Chinese (see ``RUN_INFO_LABELS``), other keys are shown as given.
    """
    path = Path(output_dir) / SUMMARY_NAME
    with atomic_target(path) as tmp:
        wb = SummaryWorkbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False})
        wb.set_properties({"title": "预算绩效评价核查汇总", "author": "perfeval"})
        fmts = Formats(wb)
        with IndicatorRows(fmts, tables) as indicator_rows:  # the largest sheet's rows, made beside the others
            _sheets(wb, fmts, tables, indicator_rows, run_info)
            wb.close()
            indicator_rows.put_into(tmp)
    return path


def _sheets(wb, fmts: Formats, tables: Batch, indicator_rows: IndicatorRows, run_info: dict) -> None:
    _ranking_sheet(wb, fmts, tables)
    _findings_sheet(wb, fmts, tables)
    departments_sheet(wb, fmts, department_table(tables.projects))
    indicator_rows.sheet(wb)
    _failed_sheet(wb, fmts, tables)
    _about_sheet(wb, fmts, tables, run_info)


RANKING_HEADERS = [
    ("排名", 5), ("项目名称", 26), ("主管部门", 14), ("实施单位", 14), ("年度", 6), ("评价方式", 9),
    ("全年预算数A（万元）", 11), ("全年执行数B（万元）", 11), ("执行率", 9), ("自评总分", 8), ("核定总分", 8),
    ("差异（核定−自评）", 9), ("自评等次", 6), ("核定等次", 6), ("错误", 6), ("警告", 6), ("重复提交", 16),
    ("核查后工作簿", 20), ("源文件", 18),
]


RANKED = (
    "rank", "project", "department", "implementer", "year", "method", "budget", "spent", "rate",
    "reported_score", "computed_score", "reported_grade", "computed_grade", "errors", "warnings", "output", "file",
    "narrative_only",
)


def _ranking_sheet(wb, fmts: Formats, tables: Batch) -> None:
    ws = wb.add_worksheet("汇总排名")
    header(ws, fmts, RANKING_HEADERS)
    projects = tables.projects
    duplicates = duplicate_texts(projects).tolist()
    widths = [w for _, w in RANKING_HEADERS]
    for i, (p, duplicate) in enumerate(zip(plain_tuples(projects[list(RANKED)]), duplicates), start=1):
        (rank, name, department, implementer, year, method, budget, spent, rate, reported, computed,
         reported_grade, computed_grade, errors, warnings, output, file, narrative_only) = p
        a, b = xl_rowcol_to_cell(i, 6), xl_rowcol_to_cell(i, 7)
        put(ws, i, 0, rank, fmts.center)
        for col, text in enumerate([name, department, implementer], start=1):
            put(ws, i, col, text, fmts.text)
        put(ws, i, 4, year, fmts.center)
        put(ws, i, 5, method, fmts.center)
        put(ws, i, 6, budget, fmts.money)
        put(ws, i, 7, spent, fmts.money)
        if rate is not None:
            ws.write_formula(i, 8, f"={b}/{a}", fmts.rate, rate)
        else:
            ws.write_blank(i, 8, None, fmts.rate)
        put(ws, i, 9, reported, fmts.score)
        if narrative_only:  # checked on its narrative only: nothing scored, the reason where the score would be
            put(ws, i, 10, NARRATIVE_ONLY, fmts.center)
        else:
            put(ws, i, 10, computed, fmts.score)
        if reported is not None and computed is not None:
            ws.write_formula(i, 11, f"={xl_rowcol_to_cell(i, 10)}-{xl_rowcol_to_cell(i, 9)}", fmts.score, round(computed - reported, 2))
        else:
            ws.write_blank(i, 11, None, fmts.score)
        put(ws, i, 12, reported_grade, fmts.center)
        put(ws, i, 13, computed_grade, fmts.center)
        put(ws, i, 14, errors, fmts.int)
        put(ws, i, 15, warnings, fmts.int)
        put(ws, i, 16, duplicate, fmts.text)
        if output:
            ws.write_url(i, 17, external_link(output), fmts.link, string=output, tip="打开核查后的工作簿")
        else:
            ws.write_blank(i, 17, None, fmts.text)
        put(ws, i, 18, file, fmts.text)
        fit_row(ws, i, [(name, widths[1]), (department, widths[2]), (implementer, widths[3]), (duplicate, widths[16]), (output, widths[17]), (file, widths[18])])
    last = max(len(projects), 1)
    ws.freeze_panes(1, 2)
    ws.autofilter(0, 0, last, len(RANKING_HEADERS) - 1)
    if len(projects):
        _problem_colours(ws, fmts, last)
    printable(ws, title="预算绩效评价核查汇总排名")


def _problem_colours(ws, fmts: Formats, last: int) -> None:
    """Make problems visible at a glance: errors red, warnings amber, a 核定
    score below the self score, a changed grade, low execution, duplicates."""
    ws.conditional_format(1, 14, last, 14, {"type": "cell", "criteria": ">", "value": 0, "format": fmts.bad})
    ws.conditional_format(1, 15, last, 15, {"type": "cell", "criteria": ">", "value": 0, "format": fmts.warn})
    ws.conditional_format(1, 11, last, 11, {"type": "cell", "criteria": "<=", "value": -0.01, "format": fmts.bad})
    ws.conditional_format(1, 13, last, 13, {"type": "formula", "criteria": '=AND($M2<>"",$N2<>"",$M2<>$N2)', "format": fmts.bad})
    ws.conditional_format(1, 8, last, 8, {"type": "formula", "criteria": '=AND(ISNUMBER($I2),$I2<0.9)', "format": fmts.warn})
    ws.conditional_format(1, 16, last, 16, {"type": "formula", "criteria": '=LEN($Q2)>0', "format": fmts.bad})


FINDING_HEADERS = [
    ("序号", 6), ("项目名称", 24), ("主管部门", 12), ("文件", 22), ("严重程度", 7), ("规则", 7),
    ("位置", 16), ("问题说明", 50), ("应为", 14), ("实为", 14), ("相关单元格", 18),
]


LISTED = ("project", "department", "file", "severity", "rule", "sheet", "cell", "message", "expected", "actual", "related")


def _findings_sheet(wb, fmts: Formats, tables: Batch) -> None:
    """Every finding, file by file in input order, the worst first within a file."""
    ws = wb.add_worksheet("问题清单")
    header(ws, fmts, FINDING_HEADERS)
    findings = tables.findings
    # each file's place in the input (the first finding's file is 0: a comparison with the shifted
    # column would give <NA> there, and the sort put that file's findings last)
    file_order = pd.factorize(findings["file"])[0]
    listed = findings.assign(_file=file_order).sort_values(["_file", "severity"], ascending=[True, False], kind="stable")
    outputs = tables.projects.set_index("file")["output"].dropna().to_dict()
    widths = [w for _, w in FINDING_HEADERS]
    row = links = 0
    for name, dept, file, severity, rule, sheet, cell, message, expected, actual, related in plain_tuples(listed[list(LISTED)]):
        row += 1
        location = f"{sheet}!{cell}" if sheet and cell else (sheet or "")
        output = outputs.get(file)
        put(ws, row, 0, row, fmts.int)
        put(ws, row, 1, name, fmts.text)
        put(ws, row, 2, dept, fmts.text)
        put(ws, row, 3, file, fmts.text)
        put(ws, row, 4, SEVERITY_LABEL[severity], fmts.sev_cell[Severity(severity)])
        put(ws, row, 5, rule, fmts.center)
        if output and links < MAX_LINKS:
            ws.write_url(row, 6, external_link(output, sheet, cell), fmts.link, string=location or "（打开工作簿）", tip="在核查后的工作簿中打开此单元格")
            links += 1
        else:
            put(ws, row, 6, location, fmts.text)
        put(ws, row, 7, message, fmts.text)
        put(ws, row, 8, expected, fmts.text)
        put(ws, row, 9, actual, fmts.text)
        put(ws, row, 10, related, fmts.text)
        fit_row(ws, row, [(name, widths[1]), (dept, widths[2]), (file, widths[3]), (message, widths[7]), (expected, widths[8]), (actual, widths[9]), (related, widths[10])])
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(row, 1), len(FINDING_HEADERS) - 1)
    printable(ws, title="问题清单")


def _failed_sheet(wb, fmts: Formats, tables: Batch) -> None:
    ws = wb.add_worksheet("未处理文件")
    header(ws, fmts, [("序号", 6), ("文件", 40), ("未能处理的原因", 80)])
    for i, (file, error) in enumerate(plain_tuples(tables.failed[["file", "error"]]), start=1):
        put(ws, i, 0, i, fmts.int)
        put(ws, i, 1, file, fmts.text)
        put(ws, i, 2, error, fmts.text)
    if not len(tables.failed):
        put(ws, 1, 1, "所有文件均已读取。", fmts.text)
    ws.freeze_panes(1, 0)
    printable(ws, title="未处理文件")


HOW_TO_READ = [
    "汇总排名：每个项目一行，按核定总分从高到低排名，分数相同者名次相同。红色表示有错误、核定分低于自评分或等次改变；黄色表示有警告或执行率低于90%；“重复提交”列标出项目名称和主管部门都相同的文件。",
    "问题清单：所有项目的全部问题。点击“位置”可打开核查后的工作簿并定位到该单元格（核查后的工作簿需与本汇总保持相对位置不变）。可用表头的筛选按钮按项目、严重程度或规则筛选。",
    "部门汇总：按主管部门汇总项目数、预算与执行金额、执行率、平均核定总分、各等次项目数和问题数，并附图表。",
    "指标明细：所有项目的每个三级指标一行（指标值与完成值的原文和读出的数值、单位，分值、自评得分、核定得分、达成情况、该行的问题）。用表头的筛选按钮选出同一指标，即可在各项目间比较；点击“位置”打开核查后的工作簿中的该行。",
    "未处理文件：无法读取的文件及原因，请按原因修改后重新运行。",
    "仅核对报告正文：未附绩效评价表的评价报告（Word 或纯文本），只核对报告正文中的数字是否前后一致、能否算得通，不评分，列在排名之后，“核定总分”一栏写“仅核对报告正文”。",
    "严重程度：错误＝表内数字不可能同时成立，须更正；警告＝存在疑点，须说明原因；提示＝供参考。",
    "核查后的工作簿：原表内容保持不变；有问题的单元格按严重程度着色（红色错误、黄色警告）并附批注；原表空白处由程序计算填写的执行率、得分、总分、等次以蓝色斜体显示并附批注“由程序计算”。每个工作簿另附“核查结果”和“核定评分”两张工作表。",
]


def _about_sheet(wb, fmts: Formats, tables: Batch, run_info: dict) -> None:
    ws = wb.add_worksheet("说明")
    ws.set_column(0, 0, 16)
    ws.set_column(1, 1, 90)
    ws.write_string(0, 0, "预算绩效评价核查汇总", fmts.title)
    info = dict(run_info)
    if "finished_at" not in info:
        info["generated_at"] = datetime.now().strftime("%Y-%m-%d %H:%M")
    labels = {**RUN_INFO_LABELS, "generated_at": "生成时间"}
    row = 2
    for key, value in info.items():
        ws.write_string(row, 0, labels.get(key, str(key)), fmts.header)
        ws.write_string(row, 1, str(value)[:MAX_TEXT], fmts.text)
        row += 1
    severity = tables.findings["severity"]
    errors, warnings = int((severity == "error").sum()), int((severity == "warning").sum())
    read, failed = len(tables.projects), len(tables.failed)
    counts = f"共 {read + failed} 个文件：已读取 {read} 个，未能处理 {failed} 个；发现错误 {errors} 条、警告 {warnings} 条。"
    ws.write_string(row, 0, "处理结果", fmts.header)
    ws.write_string(row, 1, counts, fmts.text)
    schemes = sorted(tables.projects["scheme"].dropna().unique())
    ws.write_string(row + 1, 0, "使用的评分方案", fmts.header)
    ws.write_string(row + 1, 1, "、".join(schemes) or "（未评分）", fmts.text)
    row += 3
    ws.write_string(row, 0, "如何阅读", fmts.title)
    for i, text in enumerate(HOW_TO_READ, start=row + 1):
        ws.write_string(i, 1, text, fmts.plain)
        ws.set_row(i, 45)
    printable(ws, header_row=0)
