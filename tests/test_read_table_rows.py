"""The indicator table's own rows (issue 19): 小计 rows are subtotals, not
indicators; closing rows (自评等次, 评分说明, 备注) are never indicators; date
cells are dates. Workbooks written by hand here, in the ways local forms do it."""

import datetime as dt
from pathlib import Path

import openpyxl

from perfeval_xl.pipeline import evaluate_file
from perfeval_xl.read.workbook import read_workbook

HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


def _form(path: Path, rows: list[list], closing: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效自评表"
    ws.append(["2023年度项目支出绩效自评表"])
    ws.append(["项目名称", "农村道路养护项目"])
    ws.append(["主管部门", "某县交通运输局", None, None, "实施单位", "某县公路中心"])
    ws.append(["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    ws.append([None, "年度资金总额", 100, 100, 100, 10, "100%", 10])
    ws.append(HEADER)
    for row in rows + closing:
        ws.append(row)
    for r in range(7, 7 + len(rows)):
        if isinstance(ws.cell(r, 5).value, dt.date):
            ws.cell(r, 5).number_format = 'yyyy"年"m"月"d"日"'
    wb.save(path)
    return path


ROWS = [
    ["产出指标（50分）", "数量指标", "养护里程", "≥100公里", "105公里", 20, 20, ""],
    [None, "时效指标", "完工时间", "10月底前", dt.datetime(2023, 10, 26), 20, 20, ""],
    [None, "成本指标", "每公里养护成本", "≤1万元/公里", "0.95万元/公里", 10, 10, ""],
    [None, "小计", None, None, None, 50, 50, ""],
    ["效益指标（30分）", "社会效益", "群众出行条件", "有效改善", "有效改善", 30, 30, ""],
    [None, "小计", None, None, None, 30, 30, ""],
    ["满意度指标（10分）", "服务对象满意度", "沿线群众满意度", "≥90%", "约95%", 10, 10, ""],
    [None, "小计", None, None, None, 10, 10, ""],
]
CLOSING = [
    ["总分", None, None, None, None, 100, 100, ""],
    ["自评等次", "优"],
    ["评分说明：定量指标按完成值/指标值计分，定性指标按档位计分。"],
    ["填表人：张三", None, None, "联系电话：12345678"],
]


def test_subtotal_rows_are_not_indicators(tmp_path):
    project = read_workbook(_form(tmp_path / "f.xlsx", ROWS, CLOSING), "f.xlsx").project
    assert [ind.name.value for ind in project.indicators] == ["养护里程", "完工时间", "每公里养护成本", "群众出行条件", "沿线群众满意度"]
    assert [(s.first, s.stop, s.weight.value, s.score.value) for s in project.subtotals] == [
        (0, 3, 50, 50), (3, 4, 30, 30), (4, 5, 10, 10)
    ]
    assert project.subtotals[0].weight.ref.cell == "F10"
    assert project.total_score.value == 100 and project.grade.value.value == "优"


def test_date_cell_is_read_as_a_date(tmp_path):
    project = read_workbook(_form(tmp_path / "f.xlsx", ROWS, CLOSING), "f.xlsx").project
    actual = project.indicators[1].actual.value
    assert actual.timing.span.first == dt.date(2023, 10, 26)


def test_clean_hand_written_form_has_no_alarm(tmp_path):
    result = evaluate_file(_form(tmp_path / "f.xlsx", ROWS, CLOSING), "f.xlsx")
    alarms = [f for f in result.findings if f.severity.value in ("error", "warning")]
    assert alarms == [], [f"{f.rule} {f.cell} {f.message}" for f in alarms]


def test_wrong_subtotal_is_reported_on_its_cell(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[3][6] = 48  # 产出 小计 得分 48, the rows above sum to 50
    result = evaluate_file(_form(tmp_path / "f.xlsx", rows, CLOSING), "f.xlsx")
    assert [(f.rule, f.cell) for f in result.findings if f.severity.value == "error"] == [("XC213", "G10")]


def test_notes_end_a_table_without_total_row(tmp_path):
    closing = [["评分说明：100-90（含）分为优"], ["备注", "无"]]
    project = read_workbook(_form(tmp_path / "f.xlsx", ROWS, closing), "f.xlsx").project
    assert len(project.indicators) == 5
