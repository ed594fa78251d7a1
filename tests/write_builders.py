"""Small builders for writer tests: an input form made with openpyxl and the
FileResult a run would produce for it, built straight from the model."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from perfeval_xl.findings import FileResult, Finding, Severity
from perfeval_xl.model import CellRef, Funds, FundsRow, Grade, Indicator, Measure, Project, QualLevel, Comparator, Sourced
from perfeval_xl.scheme import DEPARTMENT, IndicatorScore, ProjectScore

FORM = "绩效评价表"
REPORT = "评价报告"
CLERK_NOTE = "财务股填写"
INJECTED = '=HYPERLINK("http://example.invalid","点我")'


def make_form(path: Path) -> Path:
    """A form with merged cells, a clerk's note, a coloured cell, a formula,
    and blank 执行率 / 得分 / 总分 / 等次 cells."""
    wb = Workbook()
    ws = wb.active
    ws.title = FORM
    ws["A1"] = "2023年测试项目绩效评价表"
    ws.merge_cells("A1:H1")
    ws["A1"].fill = PatternFill("solid", fgColor="FFFFFF00")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"], ws["B2"] = "项目名称", "测试项目"
    ws.merge_cells("B2:H2")
    ws["B2"].comment = Comment(CLERK_NOTE, "clerk")
    ws["A3"], ws["B3"], ws["E3"], ws["F3"] = "主管部门", "工信局", "实施单位", "工信局"
    ws["A4"], ws["B4"], ws["E4"], ws["F4"] = "评价年度", 2023, "评价方式", "部门评价"
    for col, label in zip("BCDEFGH", ["", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率", "得分"]):
        ws[f"{col}5"] = label or None
    ws["A5"] = "项目资金（万元）"
    ws["B6"], ws["C6"], ws["D6"], ws["E6"], ws["F6"] = "年度资金总额", 60, 60, 41.83, 10
    for col, label in zip("ABCDEFGH", ["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "得分", "偏差原因分析及改进措施"]):
        ws[f"{col}8"] = label
    ws.append(["项目决策（20分）", "项目立项", "立项依据充分性", "全部符合", "全部符合", 3, 3, None])
    ws.append([None, "资金管理", "预算执行率", "100%", "69.71%", 4, 4, None])
    ws.append(["项目产出（30分）", "产出时效", "春节前", "春节前", "部分实现", 10, None, None])
    ws["A12"], ws["F12"] = "总分", "=SUM(F9:F11)"
    ws["A13"] = "评价等次"
    ws.column_dimensions["C"].width = 24
    report = wb.create_sheet(REPORT)
    report["A1"] = "一、基本情况"
    report["A2"] = "该项目共使用60万元，预算执行率为69.71%。"
    wb.save(path)
    return path


def S(value, cell: str | None = None, raw: str | None = None, sheet: str = FORM) -> Sourced:
    ref = CellRef(sheet, cell) if cell else None
    return Sourced(value, raw if raw is not None else ("" if value is None else str(value)), ref)


def _row(label, cells: str, initial=None, budget=None, spent=None, weight=None) -> FundsRow:
    c = {k: f"{k}{cells}" for k in "BCDEFGH"}
    return FundsRow(S(label, c["B"]), S(initial, c["C"]), S(budget, c["D"]), S(spent, c["E"]), S(weight, c["F"]), S(None, c["G"]), S(None, c["H"]))


def _indicator(row: int, l1, l2, name, target: Measure, actual: Measure, weight, score) -> Indicator:
    return Indicator(
        level1=S(l1, f"A{row}"), level1_weight=S(None), level2=S(l2, f"B{row}"), name=S(name, f"C{row}"),
        target=S(target, f"D{row}", target.text), actual=S(actual, f"E{row}", actual.text),
        weight=S(weight, f"F{row}"), score=S(score, f"G{row}"), deviation=S(None, f"H{row}"),
    )


def make_project(name: str = "测试项目", department: str = "工信局", file: str = "a/测试.xlsx") -> Project:
    quals = Measure("全部符合", level=QualLevel.ACHIEVED)
    return Project(
        file=file, form_sheet=FORM, title=S("2023年测试项目绩效评价表", "A1"), name=S(name, "B2"),
        department=S(department, "B3"), implementer=S("工信局", "F3"), year=S(2023, "B4"), method=S("部门评价", "F4"),
        funds=Funds(total=_row("年度资金总额", "6", 60, 60, 41.83, 10)),
        goal_expected=S(None), goal_actual=S(None),
        indicators=(
            _indicator(9, "项目决策", "项目立项", "立项依据充分性", quals, quals, 3, 3),
            _indicator(10, "项目决策", "资金管理", "预算执行率", Measure("100%", Comparator.NONE, 100, "%"), Measure("69.71%", Comparator.NONE, 69.71, "%"), 4, 4),
            _indicator(11, "项目产出", "产出时效", "春节前", Measure("春节前"), Measure("部分实现", level=QualLevel.PARTIAL), 10, None),
        ),
        total_weight=S(17, "F12"), total_score=S(None, "G12"), grade=Grade(S(None, "B13")),
    )


def make_scoring(total: float = 12.79, grade: str = "差") -> ProjectScore:
    return ProjectScore(
        scheme=DEPARTMENT, scheme_source="评价方式",
        indicators=(
            IndicatorScore(0, 3, 3, reason="达成，满分"),
            IndicatorScore(1, 4, 2.79, reason="执行率69.71%×4"),
            IndicatorScore(2, None, 7, reason="部分达成：60%–80%档"),
        ),
        funds_score=6.97, computed_total=total, computed_grade=grade,
    )


def F(rule, severity, cell, message="说明", sheet=FORM, **kw) -> Finding:
    return Finding(rule=rule, severity=Severity(severity), message=message, file="a/测试.xlsx", sheet=sheet, cell=cell, **kw)


def make_findings() -> list[Finding]:
    return [
        F("XC501", "error", "G10", "预算执行率指标得分与执行率不符", expected="2.79", actual="4"),
        F("XC201", "warning", "C2", "项目名称与标题不一致"),  # inside the merged B2:H2, where the clerk's note is
        F("XC001", "info", "A1", "提示信息"),
        F("XC601", "error", "A2", "报告所述执行率与评价表不一致", sheet=REPORT, related=("绩效评价表!E10",)),
        F("XC000", "warning", None, INJECTED),
        F("XC999", "warning", "Z99", "不存在的工作表", sheet="不存在"),
    ]


def make_result(file: str = "a/测试.xlsx", **project_kw) -> FileResult:
    return FileResult(file=file, project=make_project(file=file, **project_kw), findings=make_findings(), scoring=make_scoring(), output=None)
