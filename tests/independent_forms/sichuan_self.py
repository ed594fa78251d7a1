"""四川 部门预算项目支出绩效自评表 (报表编号 510000_0013zp), written with xlsxwriter.

Eleven columns. 预算执行情况(10分): 年初预算 / 调整后预算数 / 预算执行数 / 预算执行率 /
权重 / 得分 / 原因, rows 总额 and four 其中 rows with “/” in 权重 and 得分. 绩效指标(90分):
the comparator sits in its own 指标性质 column (=, ≥, ≤, 定性) and the unit in a 度量单位
column, so 指标值 and 完成值 are bare numbers. 合计 shows 100 (90 + 10) and the score
including the funds part. No 评价等次 row; 评价结论 / 存在问题 / 改进措施 close the form.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import xlsxwriter

from tests.independent_forms import _figures as fig
from tests.independent_forms._case import Fault, FormCase
from tests.independent_forms._rows import Ind, changed, groups, runs, scores

SHEET = "Sheet1"
REASON_NOTE = (
    "1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因(100字以内)；"
    "2.年中发生预算调整的(追加或调减)，应单独说明理由；3.其他资金包括：社会投入资金、银行贷款."
)


@dataclass
class SichuanForm:
    code: str
    project: str
    department: str
    implementer: str
    goal: str
    done: str
    process: str
    initial: float
    budget: float
    spent: float
    rows: list[Ind]
    reason: str = ""  # written in the 原因 cell before the standard note
    rate_text: bool = True
    rate_override: float | None = None
    total_override: float | None = None
    conclusion: str = ""
    problems: str = "无"
    measures: str = "无"
    year: int = 2023
    unit_funds: tuple[float, float, float] | None = None  # 单位资金 (年初, 调整后, 执行), part of 总额

    @property
    def rate(self) -> float:
        return self.rate_override if self.rate_override is not None else fig.rate(self.spent, self.budget)

    @property
    def funds_score(self) -> float:
        return fig.funds_score(fig.rate(self.spent, self.budget), 10)

    @property
    def total(self) -> float:
        if self.total_override is not None:
            return self.total_override
        return fig.total(scores(self.rows), self.funds_score)


def write(path: Path, form: SichuanForm) -> None:
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    ws = wb.add_worksheet(SHEET)
    box = wb.add_format({"border": 1, "text_wrap": True, "valign": "vcenter", "font_name": "宋体", "font_size": 10})
    title = wb.add_format({"bold": True, "font_size": 14, "align": "center", "font_name": "方正小标宋简体"})
    money = wb.add_format({"border": 1, "num_format": "0.00", "font_size": 10})
    pct = wb.add_format({"border": 1, "num_format": "0.00%", "font_size": 10})
    ws.merge_range("A1:K1", "报表编号：510000_0013zp", wb.add_format({"align": "right", "font_size": 9}))
    ws.merge_range("A2:K2", f"部门预算项目支出绩效自评表（{form.year}年度）", title)
    ws.write("A3", "项目名称", box)
    ws.merge_range("B3:K3", f"{form.code}-{form.project}", box)
    ws.write("A4", "主管部门", box)
    ws.merge_range("B4:E4", form.department, box)
    ws.merge_range("F4:G4", "实施单位\n（盖章）", box)
    ws.merge_range("H4:K4", form.implementer, box)
    ws.merge_range("A5:A7", "项目基本情况", box)
    ws.merge_range("B5:C6", "1.项目年度目标完成情况", box)
    ws.merge_range("D5:G5", "项目年度目标", box)
    ws.merge_range("H5:K5", "年度目标完成情况", box)
    ws.merge_range("D6:G6", form.goal, box)
    ws.merge_range("H6:K6", form.done, box)
    ws.merge_range("B7:C7", "2.项目实施内容及过程概述", box)
    ws.merge_range("D7:K7", form.process, box)

    ws.merge_range("A8:A13", "预算执行情况(10分)", box)
    for col, label in zip("BCDEFGH", ("年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分")):
        ws.write(f"{col}8", label, box)
    ws.merge_range("I8:K8", "原因", box)
    ws.write("B9", "总额", box)
    ws.write_number("C9", form.initial, money)
    ws.write_number("D9", form.budget, money)
    ws.write_number("E9", form.spent, money)
    if form.rate_text:
        ws.write_string("F9", fig.percent_text(form.rate), box)
    else:
        ws.write_number("F9", form.rate, pct)
    ws.write_number("G9", 10, box)
    ws.write_number("H9", form.funds_score, box)
    ws.merge_range("I9:K13", (form.reason + "\n" if form.reason else "") + REASON_NOTE, box)
    own = form.unit_funds or (0, 0, 0)
    fiscal = (fig.total(form.initial, -own[0]), fig.total(form.budget, -own[1]), fig.total(form.spent, -own[2]))
    parts = (("其中：财政资金", *fiscal), ("财政专户管理资金", 0, 0, 0), ("单位资金", *own))
    for r, (label, a, b, c) in enumerate(parts, start=10):
        ws.write(f"B{r}", label, box)
        for col, value in zip("CDE", (a, b, c)):
            ws.write_number(f"{col}{r}", value, money)
        rate = fig.rate(c, b) if b else 0.0
        if form.rate_text:
            ws.write_string(f"F{r}", fig.percent_text(rate), box)
        else:
            ws.write_number(f"F{r}", rate, pct)
        ws.write(f"G{r}", "/", box)
        ws.write(f"H{r}", "/", box)
    ws.write("B13", "其他资金", box)
    ws.write("G13", "/", box)
    ws.write("H13", "/", box)

    heads = ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析")
    for col, label in zip("BCDEFGHIJK", heads):
        ws.write(f"{col}14", label, box)
    r = 15
    date_fmt = wb.add_format({"border": 1, "num_format": 14, "font_size": 10})
    for group in groups(form.rows):
        first = r
        for run in runs(group):
            start = r
            for ind in run:
                row = r - 1  # xlsxwriter rows are 0-based
                ws.write(row, 3, ind.name, box)
                ws.write(row, 4, ind.kind, box)
                ws.write(row, 5, ind.target, box)
                ws.write(row, 6, ind.unit, box)
                if isinstance(ind.actual, dt.date):
                    ws.write_datetime(row, 7, dt.datetime.combine(ind.actual, dt.time()), date_fmt)
                else:
                    ws.write(row, 7, ind.actual, box)
                ws.write(row, 8, ind.weight, box)
                ws.write(row, 9, ind.score, box)
                ws.write(row, 10, ind.why, box)
                r += 1
            if r - 1 > start:
                ws.merge_range(f"C{start}:C{r - 1}", run[0].l2, box)
            else:
                ws.write(f"C{start}", run[0].l2, box)
        if r - 1 > first:
            ws.merge_range(f"B{first}:B{r - 1}", group[0].l1, box)
        else:
            ws.write(f"B{first}", group[0].l1, box)
    ws.merge_range(f"A14:A{r - 1}", "绩效指标(90分)", box)
    ws.merge_range(f"A{r}:H{r}", "合计", box)
    ws.write_number(f"I{r}", 100, box)
    ws.write_number(f"J{r}", form.total, box)
    ws.write(f"K{r}", "", box)
    for label, text in (("评价结论", form.conclusion), ("存在问题", form.problems), ("改进措施", form.measures)):
        r += 1
        ws.write(f"A{r}", label, box)
        ws.merge_range(f"B{r}:K{r}", text, box)
    r += 1
    ws.merge_range(f"A{r}:E{r}", "项目负责人：", box)
    ws.merge_range(f"F{r}:K{r}", "财务负责人：", box)
    ws.set_column("A:A", 8)
    ws.set_column("B:D", 14)
    ws.set_column("E:J", 9)
    ws.set_column("K:K", 26)
    wb.close()


def _written(build: Callable[[], SichuanForm]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        form = build()
        assert sum(i.weight for i in form.rows) == 90, form.project
        write(path, form)

    return make


OUT, EFF, SAT = "产出指标", "效益指标", "满意度指标"

# ---------------------------------------------------------------- forms


def _salary(**change) -> SichuanForm:
    rows = [
        Ind(OUT, "数量指标", "发放（缴纳）覆盖率", 100, 100, 30, 30, kind="=", unit="%"),
        Ind(OUT, "时效指标", "工资发放及时性", "每月按时发放", "按时发放", 20, 20, kind="定性"),
        Ind(EFF, "社会效益指标", "足额保障率（参保率）", 100, 100, 30, 30, kind="=", unit="%"),
        Ind(SAT, "服务对象满意度指标", "在职职工满意度", 90, 95, 10, 10, kind="≥", unit="%"),
    ]
    form = SichuanForm(
        code="51142524R000000019951",
        project="工资性支出",
        department="青神县发展和改革局本级",
        implementer="青神县发展和改革局",
        goal="严格执行相关政策，保障工资及时、足额发放，社保及时、足额缴纳，预算编制科学合理，减少结余资金。",
        done="全年工资按月足额发放，社保及时足额缴纳，无结余。",
        process="按月发放在职人员工资，按规定缴纳社会保险费和住房公积金。",
        initial=238.93,
        budget=251.89,
        spent=251.89,
        rows=rows,
        reason="年中调资追加预算12.96万元。",
        conclusion="项目自评得分100分，工资及社保均足额按时发放。",
    )
    return replace(form, **change)


def _checkup_rows() -> list[Ind]:
    return [
        Ind(OUT, "数量指标", "健康体检人数", 15000, 12800, 20, fig.ratio_score(12800, 15000, 20),
            "外出务工人员较多，部分人员未参检；下年度增设周末体检点。", kind="≥", unit="人"),
        Ind(OUT, "质量指标", "体检报告反馈率", 95, 98, 20, 20, kind="≥", unit="%"),
        Ind(OUT, "时效指标", "体检报告反馈时间", 15, 12, 10, 10, kind="≤", unit="天"),
        Ind(OUT, "成本指标", "人均体检费用", 100, 99.6, 10, 10, kind="≤", unit="元/人"),
        Ind(EFF, "社会效益指标", "慢性病早期发现能力", "有效提升", "有效提升", 20, 20, kind="定性"),
        Ind(SAT, "服务对象满意度指标", "体检群众满意度", 90, 92, 10, 10, kind="≥", unit="%"),
    ]


def _checkup(**change) -> SichuanForm:
    form = SichuanForm(
        code="51142524T000007712604",
        project="2023年城乡居民健康体检项目",
        department="青神县卫生健康局",
        implementer="青神县疾病预防控制中心",
        goal="为全县15000名城乡居民提供免费健康体检，体检报告15天内反馈。",
        done="全年完成体检12800人，报告反馈率98%，平均12天反馈。",
        process="分乡镇组织集中体检，体检费用按实际人次结算。",
        initial=150,
        budget=150,
        spent=127.5,
        rows=_checkup_rows(),
        reason="部分乡镇体检费用于次年1月结算，资金结转使用。",
        rate_text=False,
        conclusion="项目自评得分95.57分。体检人数未达预期，其余指标均已完成。",
        problems="部分外出务工人员未能参检。",
        measures="增设周末及节假日体检点。",
    )
    return replace(form, **change)


def _subsidy_rows() -> list[Ind]:
    return [
        Ind(OUT, "数量指标", "补贴发放人数", 2360, 2360, 20, 20, kind="=", unit="人"),
        Ind(OUT, "质量指标", "补贴标准执行", "按标准执行", "按标准执行", 15, 15, kind="定性"),
        Ind(OUT, "质量指标", "补贴资金足额发放", "足额发放", "全部发放", 10, 10, kind="定性"),
        Ind(OUT, "时效指标", "年度补贴发放完成时间", "年底前", dt.date(2023, 12, 18), 15, 15, kind="定性"),
        Ind(EFF, "社会效益指标", "困难残疾人生活保障水平", "持续改善", "持续改善", 20, 20, kind="定性"),
        Ind(SAT, "服务对象满意度指标", "补贴对象满意度", 95, 97.5, 10, 10, kind="≥", unit="%"),
    ]


def _subsidy(**change) -> SichuanForm:
    form = SichuanForm(
        code="51092324T000010188420",
        project="困难残疾人生活补贴",
        department="大英县残疾人联合会",
        implementer="大英县残疾人联合会",
        goal="按标准向2360名困难残疾人按月发放生活补贴。",
        done="全年向2360人足额发放补贴，12月18日完成全年发放。",
        process="按月通过“一卡通”发放补贴资金。",
        initial=169.92,
        budget=169.92,
        spent=169.92,
        rows=_subsidy_rows(),
        conclusion="项目自评得分100分。",
    )
    return replace(form, **change)


def _security_rows() -> list[Ind]:
    return [
        Ind(OUT, "数量指标", "购置安可电脑数量", 13, 13, 20, 20, kind="=", unit="台"),
        Ind(OUT, "质量指标", "设备验收合格率", 100, 100, 20, 20, kind="=", unit="%"),
        Ind(OUT, "时效指标", "资金支付完成时间", "12月前", "11月28日完成支付", 10, 10, kind="定性"),
        Ind(OUT, "成本指标", "单台采购价格", 0.7, 0.68, 10, 10, kind="≤", unit="万元/台"),
        Ind(EFF, "社会效益指标", "办公系统安全可控水平", "有效提升", "有效提升", 20, 20, kind="定性"),
        Ind(SAT, "服务对象满意度指标", "使用人员满意度", 90, 100, 10, 10, kind="≥", unit="%"),
    ]


def _security(**change) -> SichuanForm:
    form = SichuanForm(
        code="51092324T000010263357",
        project="2023年全县安可替代补助资金项目",
        department="大英县司法局部门",
        implementer="大英县司法局",
        goal="根据要求购买安可设备，并完成项目资金支付。",
        done="购买13台安可电脑，11月28日完成资金支付。",
        process="2023年购买13台安可电脑，并于12月前完成资金支付。",
        initial=8.84,
        budget=8.84,
        spent=8.84,
        rows=_security_rows(),
        conclusion="项目自评得分100分。",
    )
    return replace(form, **change)


def _doctors(**change) -> SichuanForm:
    rows = [
        Ind(OUT, "数量指标", "补助乡村医生人数", 320, 326, 20, 20, kind="≥", unit="人"),
        Ind(OUT, "质量指标", "乡村医生培训合格率", 95, 97.5, 15, 15, kind="≥", unit="%"),
        Ind(OUT, "时效指标", "补助资金发放及时率", 100, 100, 15, 15, kind="=", unit="%"),
        Ind(OUT, "成本指标", "人均年补助", 3000, 2945, 10, 10, kind="≤", unit="元/人"),
        Ind(EFF, "社会效益指标", "村卫生室服务能力", "明显提升", "明显提升", 20, 20, kind="定性"),
        Ind(SAT, "服务对象满意度指标", "乡村医生满意度", 90, 93, 10, 10, kind="≥", unit="%"),
    ]
    form = SichuanForm(
        code="51112224T000009834512",
        project="2023年乡村医生补助",
        department="井研县卫生健康局",
        implementer="井研县卫生健康局",
        goal="按标准向320名以上在岗乡村医生发放补助，稳定乡村医生队伍。",
        done="全年向326名乡村医生按季度足额发放补助。",
        process="按季度核定在岗人数并拨付补助资金。",
        initial=96,
        budget=96,
        spent=96,
        rows=rows,
        rate_text=False,
        conclusion="项目自评得分100分。",
    )
    return replace(form, **change)


def _school_repair(**change) -> SichuanForm:
    rows = [
        Ind(OUT, "数量指标", "维修校舍面积", 3200, 3260, 20, 20, kind="≥", unit="平方米"),
        Ind(OUT, "质量指标", "工程验收合格率", 100, 100, 20, 20, kind="=", unit="%"),
        Ind(OUT, "时效指标", "暑期完工率", 100, 100, 10, 10, kind="=", unit="%"),
        Ind(OUT, "成本指标", "单位面积维修成本", 290, 277, 10, 10, kind="≤", unit="元/平方米"),
        Ind(EFF, "社会效益指标", "校舍安全隐患", "全部消除", "全部消除", 20, 20, kind="定性"),
        Ind(SAT, "服务对象满意度指标", "师生满意度", 90, 95, 10, 10, kind="≥", unit="%"),
    ]
    form = SichuanForm(
        code="51112224T000009902211",
        project="2023年中小学校舍维修项目",
        department="井研县教育局",
        implementer="井研县教育局",
        goal="暑期完成3200平方米校舍维修，消除校舍安全隐患。",
        done="完成3260平方米校舍维修，8月底前全部完工并通过验收。",
        process="财政资金80万元、学校自有资金12万元共同保障。",
        initial=92,
        budget=92,
        spent=90.4,
        unit_funds=(12, 12, 12),
        rows=rows,
        conclusion="项目自评得分99.83分。",
    )
    return replace(form, **change)


def _veterans(**change) -> SichuanForm:
    rows = [
        Ind(OUT, "数量指标", "慰问退役军人人数", 900, 900, 20, 20, kind="≥", unit="人"),
        Ind(OUT, "质量指标", "慰问对象精准率", 100, 100, 20, 20, kind="=", unit="%"),
        Ind(OUT, "时效指标", "慰问金发放时间", "春节前", "2月6日前全部发放", 20, 20, kind="定性"),
        Ind(OUT, "成本指标", "人均慰问标准", 500, 500, 10, 10, kind="≤", unit="元/人"),
        Ind(EFF, "社会效益指标", "退役军人获得感", "明显增强", "明显增强", 10, 10, kind="定性"),
        Ind(SAT, "服务对象满意度指标", "慰问对象满意度", 95, 99, 10, 10, kind="≥", unit="%"),
    ]
    form = SichuanForm(
        code="51112224T000010044308",
        project="2024年春节走访慰问退役军人经费",
        department="井研县退役军人事务局",
        implementer="井研县退役军人服务中心",
        goal="春节前走访慰问900名退役军人及其他优抚对象。",
        done="2月6日前完成900人走访慰问，慰问金全部发放。",
        process="分乡镇组织走访，慰问金通过“一卡通”发放。",
        initial=45,
        budget=45,
        spent=45,
        rows=rows,
        year=2024,
        conclusion="项目自评得分100分。",
    )
    return replace(form, **change)


def _cost_over_full_marks() -> SichuanForm:
    rows = _security_rows()
    rows = changed(rows, 3, actual=0.76)  # ≤0.7万元/台, paid 0.76, still 10 of 10
    return _security(project="2023年法律援助中心安可设备购置", spent=9.88, initial=9.88, budget=9.88, rows=rows,
                     done="购买13台安可电脑，单价0.76万元，11月28日完成资金支付。")


def _rate_wrong() -> SichuanForm:
    return _checkup(project="2023年老年人健康体检项目", rate_override=0.935)  # 127.5 / 150 = 85.00%


FORMS = [
    FormCase("sichuan_01_gongzi", "sichuan_self", _written(_salary),
             "510000_0013zp layout, 指标性质 =/定性, 度量单位 column, budget raise explained in 原因"),
    FormCase("sichuan_02_jiankang_tijian", "sichuan_self", _written(_checkup),
             "执行率 85% explained in 原因, ≤ in 指标性质 with a bare number, 正向 shortfall B/A"),
    FormCase("sichuan_03_canji_butie", "sichuan_self", _written(_subsidy),
             "按标准执行 / 全部发放, 年底前 met by a date cell (built-in format 14)"),
    FormCase("sichuan_04_anke_tidai", "sichuan_self", _written(_security),
             "unit price in 万元/台 as cost, 12月前 / 11月28日完成支付"),
    FormCase(
        "sichuan_05_falv_yuanzhu", "sichuan_self", _written(_cost_over_full_marks),
        "≤0.7万元/台 exceeded (0.76) with full marks",
        faults=(Fault(SHEET, "J18", "单台采购价格指标为≤0.7万元/台，完成值0.76万元/台，超出成本指标却得满分10分", also=("H18", "K18")),),
    ),
    FormCase(
        "sichuan_06_laonian_tijian", "sichuan_self", _written(_rate_wrong),
        "预算执行率 93.50% for 127.5/150",
        faults=(Fault(SHEET, "F9", "预算执行数127.5万元/调整后预算数150万元=85.00%，表中填93.50%", also=("H9",)),),
    ),
    FormCase("sichuan_08_xiangcun_yisheng", "sichuan_self", _written(_doctors),
             "≥/=/≤ in 指标性质, bare numbers, 执行率 as a % number"),
    FormCase("sichuan_09_xiaoshe_weixiu", "sichuan_self", _written(_school_repair),
             "单位资金 part of 总额 (80 财政 + 12 单位), 执行率 98.26%"),
    FormCase("sichuan_10_tuiyi_junren_2024", "sichuan_self", _written(_veterans),
             "2024 春节前 met by 2月6日前全部发放 (定性 in 指标性质)"),
]
