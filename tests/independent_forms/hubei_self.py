"""湖北-style 项目支出绩效目标自评表: funds worth 20 points (得分 = 20分 × 执行率),
indicators worth 80 (产出 50 / 效益 20 / 满意度 10), written with openpyxl.

The 总分 sits at the top beside 填报日期 (funds + indicators); the 合计 row under
the table is the indicators' own subtotal. The funds block has 预算数(A) / 执行数(B)
/ 执行率(B/A) / 得分(20分×执行率) and no 分值 column; one variant has no 分值 column
in the indicator table either (the weights are only in the 一级 labels); one was
written by a program with formulas and no cached values.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import openpyxl
from openpyxl.styles import Alignment

from tests.independent_forms import _figures as fig
from tests.independent_forms._cells import merge as _merge
from tests.independent_forms._case import Fault, FormCase
from tests.independent_forms._rows import Ind, Shown, changed, groups, scores

SHEET = "自评表"
FIRST = 10  # first indicator row


@dataclass
class HubeiForm:
    year: int
    project: str
    department: str
    implementer: str
    budget: float
    spent: float
    rows: list[Ind]
    filled: str = "2023年1月16日"
    weight_column: bool = True
    formulas: bool = False
    funds_score_override: float | None = None
    top_total_override: float | None = None

    @property
    def rate(self) -> float:
        return fig.rate(self.spent, self.budget)

    @property
    def funds_score(self) -> float:
        if self.funds_score_override is not None:
            return self.funds_score_override
        return fig.funds_score(self.rate, 20)

    @property
    def total(self) -> float:
        if self.top_total_override is not None:
            return self.top_total_override
        return fig.total(scores(self.rows), self.funds_score)


def write(path: Path, form: HubeiForm) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    _merge(ws, "A1:I1", f"{form.year}年度项目支出绩效目标自评表")
    _merge(ws, "A2:E2", f"填报日期：{form.filled}")
    _merge(ws, "F2:I2", f"总分：{fig.show(form.total)}分")
    ws["A3"] = "项目名称"
    _merge(ws, "B3:I3", form.project)
    ws["A4"] = "主管部门"
    _merge(ws, "B4:D4", form.department)
    ws["E4"] = "项目实施单位"
    _merge(ws, "F4:I4", form.implementer)
    ws["A5"] = "项目类别"
    _merge(ws, "B5:I5", "部门预算项目☑  省直专项□  省对下转移支付项目□")
    ws["A6"] = "项目属性"
    _merge(ws, "B6:I6", "持续性项目☑  新增性项目□")
    _merge(ws, "A7:B7", "预算执行情况（万元）（20分）")
    for col, label in zip("CDEF", ("预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分×执行率)")):
        ws[f"{col}7"] = label
    _merge(ws, "A8:B8", "年度财政资金总额")
    ws["C8"], ws["D8"] = form.budget, form.spent
    if form.formulas:
        ws["E8"] = "=ROUND(D8/C8,4)"
        ws["F8"] = "=ROUND(MIN(E8,1)*20,2)"
    else:
        ws["E8"] = form.rate
        ws["F8"] = form.funds_score
    ws["E8"].number_format = "0.00%"
    heads = ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)"]
    heads += ["分值", "得分"] if form.weight_column else ["得分"]
    heads += ["偏差大或目标未完成原因分析", "改进措施及结果应用方案"]
    for c, label in enumerate(heads, start=1):
        ws.cell(FIRST - 1, c, label)
    score_col = 7 if form.weight_column else 6
    r = FIRST
    for group in groups(form.rows):
        first = r
        for ind in group:
            ws.cell(r, 2, ind.l2)
            ws.cell(r, 3, ind.name)
            for c, value in ((4, ind.target), (5, ind.actual)):
                cell = ws.cell(r, c, value.value if isinstance(value, Shown) else value)
                if isinstance(value, Shown):
                    cell.number_format = value.number_format
            if form.weight_column:
                ws.cell(r, 6, ind.weight)
            ws.cell(r, score_col, ind.score)
            if ind.why:
                reason, _, action = ind.why.partition("；")
                ws.cell(r, score_col + 1, reason)
                ws.cell(r, score_col + 2, action or None)
            r += 1
        _merge(ws, f"A{first}:A{r - 1}", group[0].l1)
    ws.cell(r, 1, "合计")
    letter = "FG"[score_col - 6]
    if form.weight_column:
        ws.cell(r, 6, 80)
    if form.formulas:
        ws.cell(r, score_col, f"=SUM({letter}{FIRST}:{letter}{r - 1})")
    else:
        ws.cell(r, score_col, scores(form.rows))
    for row in ws.iter_rows(min_row=1, max_row=r, max_col=9):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    wb.save(path)


def _written(build: Callable[[], HubeiForm]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        form = build()
        assert sum(i.weight for i in form.rows) == 80, form.project
        write(path, form)

    return make


OUT, EFF, SAT = "产出指标（50分）", "效益指标（20分）", "满意度指标（10分）"

# ---------------------------------------------------------------- forms


def _aid_rows() -> list[Ind]:
    return [
        Ind(OUT, "数量", "国家奖学金人数", "≥12人", "12人", 10, 10),
        Ind(OUT, "数量", "国家励志奖学金人数", "≥310人", "305人", 10, fig.ratio_score(305, 310, 10),
            "全校学生总数减少，名额相应减少，资助比例未降低；按在校生比例申报下年度名额"),
        Ind(OUT, "数量", "国家助学金人数", "≥2100人", "2136人", 10, 10),
        Ind(OUT, "成本", "国家助学金人均资助", "3300元/人", "3300元/人", 10, 10),
        Ind(OUT, "时效", "秋季学期资助资金发放", "11月30日前", "11月25日前全部发放", 10, 10),
        Ind(EFF, "社会效益指标", "资金发放率", "100%", "100%", 10, 10),
        Ind(EFF, "社会效益指标", "困难生完成学业率", "≥98%", "99.2%", 10, 10),
        Ind(SAT, "服务对象满意度指标", "受助学生满意度", "≥95%", "97%", 10, 10),
    ]


def _aid(**change) -> HubeiForm:
    form = HubeiForm(
        year=2022,
        project="2022年学生资助项目",
        department="湖北省教育厅",
        implementer="鄂东职业技术学院",
        budget=1260.5,
        spent=1248.3,
        rows=_aid_rows(),
    )
    return replace(form, **change)


def _culture_rows() -> list[Ind]:
    return [
        Ind(OUT, "数量", "送戏下乡场次", "≥120场", "126场", 10, 10),
        Ind(OUT, "数量", "农家书屋补充图书", "≥6000册", "6000册以上", 10, 10),
        Ind(OUT, "质量", "演出节目原创比例", "≥30%", "35%", 10, 10),
        Ind(OUT, "时效", "年度演出任务完成时间", "年底前", "12月中旬全部完成", 10, 10),
        Ind(OUT, "成本", "单场演出补助标准", "≤0.8万元/场", "0.8万元/场", 10, 10),
        Ind(EFF, "社会效益指标", "群众文化生活", "持续丰富", "持续丰富", 10, 10),
        Ind(EFF, "可持续影响指标", "基层文艺队伍建设", "持续发挥作用", "已组建38人团队并常态化送教", 10, 10),
        Ind(SAT, "服务对象满意度指标", "观演群众满意度", "≥90%", "94%", 10, 10),
    ]


def _culture(**change) -> HubeiForm:
    form = HubeiForm(
        year=2022,
        project="公共文化服务体系建设补助资金",
        department="红安县文化和旅游局",
        implementer="红安县文化馆",
        budget=108,
        spent=108,
        rows=_culture_rows(),
        weight_column=False,
    )
    return replace(form, **change)


def _water_rows() -> list[Ind]:
    return [
        Ind(OUT, "数量", "新建改造供水管网长度", "≥42公里", "42.8公里", 15, 15),
        Ind(OUT, "质量", "工程竣工验收合格率", "100%", "100%", 10, 10),
        Ind(OUT, "时效", "工程完工时间", "汛期前", "5月20日完工", 10, 10),
        Ind(OUT, "成本", "管网单位造价", "≤16万元/公里", "15.7万元/公里", 15, 15),
        Ind(EFF, "社会效益指标", "农村自来水普及率", "≥95%", "96.3%", 10, 10),
        Ind(EFF, "可持续影响指标", "工程运行管护机制", "有效运行", "有效运行", 10, 10),
        Ind(SAT, "服务对象满意度指标", "受益群众满意度", "≥90%", "92.5%", 10, 10),
    ]


def _water(**change) -> HubeiForm:
    form = HubeiForm(
        year=2022,
        project="农村供水保障工程补助资金",
        department="麻城市水利和湖泊局",
        implementer="麻城市农村供水管理站",
        budget=680,
        spent=672.8,
        rows=_water_rows(),
        formulas=True,
    )
    return replace(form, **change)


def _workers(**change) -> HubeiForm:
    rows = [
        Ind(OUT, "数量", "帮扶困难职工户数", "≥600户", "612户", 10, 10),
        Ind(OUT, "质量", "帮扶对象精准率", "100%", "100%", 10, 10),
        Ind(OUT, "时效", "帮扶资金发放", "春节前", "2月6日前发放完毕", 15, 15),
        Ind(OUT, "成本", "户均帮扶标准", "≤1000元/户", "980元/户", 15, 15),
        Ind(EFF, "社会效益指标", "困难职工基本生活", "得到保障", "得到保障", 20, 20),
        Ind(SAT, "服务对象满意度指标", "帮扶对象满意度", "≥95%", "97%", 10, 10),
    ]
    form = HubeiForm(
        year=2024,
        project="2024年春节困难职工帮扶资金",
        department="黄冈市总工会",
        implementer="黄冈市职工服务中心",
        budget=60,
        spent=60,
        rows=rows,
        filled="2025年1月20日",
    )
    return replace(form, **change)


def _preschool(**change) -> HubeiForm:
    rows = [
        Ind(OUT, "数量", "资助幼儿人数", "≥2800人", "2850人", 10, 10),
        Ind(OUT, "数量", "新增公办学位", "≥360个", "360个", 10, 10),
        Ind(OUT, "质量", "幼儿园保教质量达标率", Shown(0.95, "0%"), Shown(0.97, "0%"), 10, 10),
        Ind(OUT, "时效", "资金下达时间", "≤30天", "26天", 10, 10),
        Ind(OUT, "成本", "生均保教费减免标准", "≤500元/生·学期", "500元/生·学期", 10, 10),
        Ind(EFF, "社会效益指标", "学前三年毛入园率", Shown(0.9, "0%"), Shown(0.923, "0.0%"), 10, 10),
        Ind(EFF, "可持续影响指标", "普惠性资源覆盖率", "≥85%", "88%", 10, 10),
        Ind(SAT, "服务对象满意度指标", "家长满意度", "≥90%", "96%", 10, 10),
    ]
    form = HubeiForm(
        year=2022,
        project="2022年学前教育发展资金",
        department="蕲春县教育局",
        implementer="蕲春县学前教育管理中心",
        budget=420,
        spent=411.6,
        rows=rows,
    )
    return replace(form, **change)


def _funds_score_wrong() -> HubeiForm:
    form = _aid(project="2022年研究生学业奖学金项目")
    form.funds_score_override = 18.5  # 20 × 99.03% = 19.81
    return form


def _top_total_wrong() -> HubeiForm:
    form = _water(project="农村饮水安全巩固提升工程", formulas=False)
    form.top_total_override = fig.total(scores(form.rows), form.funds_score, -2.5)
    return form


def _deadline_partly_missed() -> HubeiForm:
    rows = _culture_rows()
    rows = changed(rows, 3, actual="部分未按期，延期至次年1月完成", score=10)
    return _culture(project="文化惠民演出补助资金", rows=rows)


FORMS = [
    FormCase("hubei_01_xuesheng_zizhu", "hubei_self", _written(_aid),
             "20-point funds row, 总分 at the top, indicator 合计 of 80, shortfall explained in two columns"),
    FormCase("hubei_02_gonggong_wenhua", "hubei_self", _written(_culture),
             "no 分值 column (weights only in the 一级 labels), 6000册以上, 已组建38人团队并常态化送教"),
    FormCase("hubei_03_nongcun_gongshui", "hubei_self", _written(_water),
             "funds and 合计 as formulas without cached values, 汛期前 / 5月20日完工"),
    FormCase(
        "hubei_04_yanjiusheng_jiangxuejin", "hubei_self", _written(_funds_score_wrong),
        "funds score 18.5 for 20 × 99.03%",
        faults=(Fault(SHEET, "F8", "执行率99.03%，得分应为20×99.03%=19.81分，表中为18.5分", also=("F2",)),),
    ),
    FormCase(
        "hubei_05_yinshui_anquan", "hubei_self", _written(_top_total_wrong),
        "总分 at the top 2.5 below funds + indicators",
        faults=(Fault(SHEET, "F2", "总分应为预算执行得分19.79分与指标得分80分之和99.79分，表头写97.29分"),),
    ),
    FormCase(
        "hubei_06_wenhua_huimin", "hubei_self", _written(_deadline_partly_missed),
        "年底前 missed (延期至次年1月) with full marks",
        faults=(Fault(SHEET, "F13", "年度演出任务要求年底前完成，完成值写明部分延期至次年1月，却得满分10分", also=("E13", "G13")),),
    ),
    FormCase("hubei_07_kunnan_zhigong_2024", "hubei_self", _written(_workers),
             "2024 春节前 met by 2月6日前发放完毕, 20-point funds at 100%"),
    FormCase("hubei_08_xueqian_jiaoyu", "hubei_self", _written(_preschool),
             "percentages stored as fractions formatted 0% / 0.0%, funds 98.00% × 20"),
]
