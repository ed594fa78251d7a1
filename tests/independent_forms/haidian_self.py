"""Beijing 海淀 2016-style 项目支出绩效自评表, written with xlsxwriter.

The funds block has 年初预算数(A) / 全年执行数(B) / 分值(10分) / 执行率(B/A) / 得分 /
得分计算方法 (no separate 全年预算数: A is the budget). The indicator table puts 分值
*before* 年度指标值(A) / 全年实际值(B) and has a 得分计算方法 column (B/A×分值, A/B×分值,
达到指标值记满分). 10 + 90 = 100, funds counted in 总分.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import xlsxwriter

from tests.independent_forms import _figures as fig
from tests.independent_forms._case import Fault, FormCase
from tests.independent_forms._rows import Ind, changed, groups, scores

SHEET = "项目支出绩效自评表"
FIRST = 14  # first indicator row (1-based)
FOOTNOTE = "注：完成值达到指标值，记满分；未达到指标值，按B/A或A/B*该指标分值记分。执行率得分=执行率*该指标分值，最高不得超过分值上限。"


@dataclass
class HaidianForm:
    year: int
    project: str
    department: str
    implementer: str
    budget: float
    spent: float
    fiscal_spent: float | None
    expected: str
    achieved: str
    rows: list[Ind]

    @property
    def rate(self) -> float:
        return fig.rate(self.spent, self.budget)

    @property
    def funds_score(self) -> float:
        return fig.funds_score(self.rate, 10)


def _method(ind: Ind) -> str:
    if ind.score == ind.weight:
        return "达到指标值，记满分"
    return "A/B×分值" if str(ind.target).startswith("≤") else "B/A×分值"


def write(path: Path, form: HaidianForm) -> None:
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    ws = wb.add_worksheet(SHEET)
    cell = wb.add_format({"border": 1, "text_wrap": True, "valign": "vcenter", "font_size": 10})
    pct = wb.add_format({"border": 1, "num_format": "0.00%", "font_size": 10})
    day = wb.add_format({"border": 1, "num_format": "yyyy-mm-dd", "font_size": 10})
    ws.write("A1", "附件2")
    ws.merge_range("A2:J2", f"{form.year}年度项目支出绩效自评表", wb.add_format({"bold": True, "font_size": 16, "align": "center"}))
    ws.merge_range("A3:J3", "填报单位：（盖章）")
    ws.write("A4", "项目名称", cell)
    ws.merge_range("B4:J4", form.project, cell)
    ws.write("A5", "主管部门及代码", cell)
    ws.merge_range("B5:E5", form.department, cell)
    ws.write("F5", "实施单位", cell)
    ws.merge_range("G5:J5", form.implementer, cell)
    ws.write("A6", "项目负责人", cell)
    ws.merge_range("B6:E6", "", cell)
    ws.write("F6", "联系电话", cell)
    ws.merge_range("G6:J6", "", cell)
    ws.merge_range("A7:A10", "项目资金\n（万元）", cell)
    for col, label in zip("BCDEFG", ("", "年初预算数(A)", "全年执行数(B)", "分值(10分)", "执行率(B/A)", "得分")):
        ws.write(f"{col}7", label, cell)
    ws.merge_range("H7:J7", "得分计算方法", cell)
    ws.write("B8", "年度资金总额：", cell)
    ws.write_number("C8", form.budget, cell)
    ws.write_number("D8", form.spent, cell)
    ws.write_number("E8", 10, cell)
    ws.write_number("F8", form.rate, pct)
    ws.write_number("G8", form.funds_score, cell)
    ws.merge_range("H8:J10", "执行率×该指标分值，最高不得超过分值上限", cell)
    ws.write("B9", "其中：财政拨款", cell)
    ws.write_number("C9", form.budget, cell)
    if form.fiscal_spent is not None:
        ws.write_number("D9", form.fiscal_spent, cell)
    ws.write("B10", "其他资金", cell)
    ws.merge_range("A11:A12", "年度总体目标", cell)
    ws.merge_range("B11:F11", "预期目标", cell)
    ws.merge_range("G11:J11", "实际完成情况", cell)
    ws.merge_range("B12:F12", form.expected, cell)
    ws.merge_range("G12:J12", form.achieved, cell)
    heads = ("一级指标", "二级指标", "三级指标", "分值", "年度指标值(A)", "全年实际值(B)", "得分计算方法", "得分", "未完成原因分析")
    for c, label in enumerate(heads, start=1):
        ws.write(FIRST - 2, c, label, cell)
    r = FIRST - 1  # 0-based
    for group in groups(form.rows):
        first = r
        for ind in group:
            ws.write(r, 2, ind.l2, cell)
            ws.write(r, 3, ind.name, cell)
            ws.write(r, 4, ind.weight, cell)
            ws.write(r, 5, ind.target, cell)
            if isinstance(ind.actual, dt.date):
                ws.write_datetime(r, 6, dt.datetime.combine(ind.actual, dt.time()), day)
            else:
                ws.write(r, 6, ind.actual, cell)
            ws.write(r, 7, _method(ind), cell)
            ws.write(r, 8, ind.score, cell)
            ws.write(r, 9, ind.why, cell)
            r += 1
        if r - 1 > first:
            ws.merge_range(first, 1, r - 1, 1, group[0].l1, cell)
        else:
            ws.write(first, 1, group[0].l1, cell)
    ws.merge_range(FIRST - 2, 0, r - 1, 0, "绩效\n指标", cell)
    ws.merge_range(r, 0, r, 3, "总分", cell)
    ws.write_number(r, 4, 100, cell)
    ws.write_number(r, 8, fig.total(scores(form.rows), form.funds_score), cell)
    ws.merge_range(r + 1, 0, r + 1, 9, FOOTNOTE)
    ws.set_column("A:A", 6)
    ws.set_column("B:D", 14)
    ws.set_column("E:I", 10)
    ws.set_column("J:J", 24)
    wb.close()


def _written(build: Callable[[], HaidianForm]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        form = build()
        assert sum(i.weight for i in form.rows) == 90, form.project
        write(path, form)

    return make


OUT, EFF, SAT = "产出指标（50分）", "效益指标（30分）", "满意度指标（10分）"


def _stations(**change) -> HaidianForm:
    rows = [
        Ind(OUT, "数量指标", "运营补贴驿站数量", "≥30个", "30个", 10, 10),
        Ind(OUT, "数量指标", "服务老年人人次", "≥60000人次", "63200人次", 10, 10),
        Ind(OUT, "质量指标", "驿站星级评定达标率", "≥90%", "93.3%", 10, 10),
        Ind(OUT, "时效指标", "补贴拨付时间", "每季度首月", "按季度首月拨付", 10, 10),
        Ind(OUT, "成本指标", "单个驿站年运营补贴", "≤10万元/个", "9.95万元/个", 10, 10),
        Ind(EFF, "社会效益指标", "居家养老服务可及性", "明显提升", "明显提升", 15, 15),
        Ind(EFF, "可持续影响指标", "驿站持续运营率", "≥95%", "100%", 15, 15),
        Ind(SAT, "服务对象满意度指标", "老年人满意度", "≥90%", "95%", 10, 10),
    ]
    form = HaidianForm(
        year=2016,
        project="社区养老服务驿站运营补贴",
        department="[112]北京市海淀区民政局",
        implementer="北京市海淀区养老服务指导中心",
        budget=310.2,
        spent=298.6,
        fiscal_spent=298.6,
        expected="对全区30个社区养老服务驿站按季度拨付运营补贴，全年服务老年人6万人次以上。",
        achieved="30个驿站全部按季度获得补贴，全年服务63200人次；2个驿站年底结算延后，结余11.6万元。",
        rows=rows,
    )
    return replace(form, **change)


def _grid_rows() -> list[Ind]:
    return [
        Ind(OUT, "数量指标", "网格巡查覆盖社区数", "≥52个", "52个", 10, 10),
        Ind(OUT, "数量指标", "受理城市管理问题数", "≥18000件", "19650件", 10, 10),
        Ind(OUT, "质量指标", "问题按期结案率", "≥95%", "96.8%", 10, 10),
        Ind(OUT, "时效指标", "12345诉求平均办结时间", "≤5个工作日", "6个工作日", 10, fig.ratio_score(5, 6, 10),
            "汛期诉求集中，部分跨部门事项协调时间较长；建立跨部门会商机制。"),
        Ind(OUT, "成本指标", "网格员人均年经费", "≤2.9万元/人", "2.88万元/人", 10, 10),
        Ind(EFF, "社会效益指标", "城市环境秩序", "持续改善", "持续改善", 15, 15),
        Ind(EFF, "可持续影响指标", "网格化管理机制", "常态长效", "常态长效", 15, 15),
        Ind(SAT, "服务对象满意度指标", "居民满意度", "≥85%", "90.6%", 10, 10),
    ]


def _grid(**change) -> HaidianForm:
    form = HaidianForm(
        year=2016,
        project="城市管理网格化运行经费",
        department="[118]北京市海淀区城市管理委员会",
        implementer="北京市海淀区城市管理监督指挥中心",
        budget=150,
        spent=150,
        fiscal_spent=150,
        expected="全区52个社区网格巡查全覆盖，问题按期结案率95%以上，12345诉求5个工作日内办结。",
        achieved="全年受理问题19650件，按期结案率96.8%，诉求平均6个工作日办结。",
        rows=_grid_rows(),
    )
    return replace(form, **change)


def _schools(**change) -> HaidianForm:
    rows = [
        Ind(OUT, "数量指标", "维修改造校舍面积", "≥12000平方米", "12460平方米", 10, 10),
        Ind(OUT, "质量指标", "工程验收合格率", "100%", "100%", 10, 10),
        Ind(OUT, "时效指标", "暑期维修完成时间", "8月31日前", dt.date(2016, 8, 26), 10, 10),
        Ind(OUT, "成本指标", "单位面积维修成本", "≤420元/平方米", "416元/平方米", 10, 10),
        Ind(OUT, "成本指标", "监理服务合同价", "≤9.5万元", "9.2万元", 10, 10),
        Ind(EFF, "社会效益指标", "校舍安全隐患整改", "全部整改", "基本完成", 15, 11.25,
            "2所学校外墙保温层整改需结合秋季施工窗口，已于10月完成。"),
        Ind(EFF, "可持续影响指标", "校舍定期检查制度", "建立并运行", "建立并运行", 15, 15),
        Ind(SAT, "服务对象满意度指标", "师生满意度", "≥90%", "92%", 10, 10),
    ]
    form = HaidianForm(
        year=2016,
        project="中小学校舍暑期维修改造项目",
        department="[136]北京市海淀区教育委员会",
        implementer="北京市海淀区教育委员会",
        budget=520,
        spent=518.8,
        fiscal_spent=None,
        expected="利用暑期完成12000平方米校舍维修改造，开学前全部完工。",
        achieved="8月26日完成12460平方米校舍维修改造并通过验收。",
        rows=rows,
    )
    return replace(form, **change)


def _facilities(**change) -> HaidianForm:
    rows = [
        Ind(OUT, "数量指标", "维护社区服务设施", "≥46处", "46处", 10, 10),
        Ind(OUT, "质量指标", "维护验收合格率", "100%", "100%", 10, 10),
        Ind(OUT, "时效指标", "报修响应时间", "≤48小时", "平均40小时", 10, 10),
        Ind(OUT, "时效指标", "汛期前隐患排查", "6月底前", "6月24日完成", 10, 10),
        Ind(OUT, "成本指标", "单处年维护费", "≤1.85万元/处", "1.85万元/处", 10, 10),
        Ind(EFF, "社会效益指标", "设施完好率", "≥95%", "97%", 15, 15),
        Ind(EFF, "可持续影响指标", "长效维护机制", "建立", "部分建立", 15, 9.75, "部分社区未落实专人管护；下年度纳入考核。"),
        Ind(SAT, "服务对象满意度指标", "居民满意度", "≥90%", "93%", 10, 10),
    ]
    form = HaidianForm(
        year=2016,
        project="街道社区公共服务设施维护经费",
        department="[171]北京市海淀区学院路街道办事处",
        implementer="北京市海淀区学院路街道办事处",
        budget=85,
        spent=85,
        fiscal_spent=85,
        expected="维护辖区46处社区公共服务设施，汛期前完成隐患排查。",
        achieved="46处设施全部完成维护，6月24日完成汛期前隐患排查。",
        rows=rows,
    )
    return replace(form, **change)


def _reverse_formula_wrong() -> HaidianForm:
    rows = changed(_grid_rows(), 3, score=9)  # 5/6 × 10 = 8.33
    return _grid(project="街乡网格化管理运行经费", rows=rows)


FORMS = [
    FormCase("haidian_01_yanglao_yizhan", "haidian_self", _written(_stations),
             "年初预算数(A) as the only budget column, 分值 before 指标值, 得分计算方法 column"),
    FormCase("haidian_02_wanggehua", "haidian_self", _written(_grid),
             "反向 target missed, scored A/B × 分值 and explained"),
    FormCase("haidian_03_xiaoshe_weixiu", "haidian_self", _written(_schools),
             "date cell yyyy-mm-dd, contract price as cost, 基本完成 in its band, 其中 row without 执行数"),
    FormCase(
        "haidian_04_jiexiang_wangge", "haidian_self", _written(_reverse_formula_wrong),
        "反向 A/B × 分值 = 8.33 scored 9",
        faults=(Fault(SHEET, "I17", "办结时间指标≤5个工作日，实际6个工作日，按A/B×分值应得8.33分，表中为9分"),),
    ),
    FormCase("haidian_05_shequ_sheshi", "haidian_self", _written(_facilities),
             "部分建立 at 65% explained, ≤48小时 / 平均20小时, 6月底前 / 6月24日完成"),
]
