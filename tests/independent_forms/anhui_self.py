"""单位自评 in the central 2022 layout as Anhui counties fill it (openpyxl, by hand).

Nine columns: a vertical 绩效指标 label in column A, the 一级 label carrying its
weight (``产出指标(50分)``) merged down column B, 二级 merged or written once.
The funds block has 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分 with
the 10-point funds row counted in 总分 (Σ 三级 = 90). The central form has no
评价等次 row; some counties add a 自评等级 line, some leave 执行率 blank, some put
“—” in the 其中 rows' 分值 and 执行率.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side

from tests.independent_forms import _figures as fig
from tests.independent_forms._cells import merge as _merge
from tests.independent_forms._case import Fault, FormCase
from tests.independent_forms._rows import Ind, changed, groups, runs, scores

SHEET = "自评表"
DATE_CN = 'yyyy"年"m"月"d"日"'
HEADER_ROW = 13
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


@dataclass
class Money:
    initial: object
    budget: object
    spent: object


@dataclass
class AnhuiForm:
    year: int
    project: str
    department: str
    implementer: str
    total: Money
    fiscal: Money | None
    carryover: Money | None = None
    other: Money | None = None
    rate: object = "computed"  # "computed" (a % number), "text", None (left blank), or a value written as is
    funds_score: object = "computed"
    expected: str = ""
    achieved: str = ""
    rows: list[Ind] = field(default_factory=list)
    total_score: object = "computed"
    grade_line: tuple[str, str] | None = None  # (“自评等级”, “优”) under the table, when the county adds one
    dash_parts: bool = False  # “—” in the 其中 rows' 分值 / 执行率, as in Tianchang's form
    l2_merged: bool = True
    unit: str = "万元"
    notes: tuple[str, ...] = ()

    def figures(self) -> tuple[float, float, float]:
        """(rate, funds score, 总分) as the clerk computes them."""
        rate = fig.rate(_num(self.total.spent), _num(self.total.budget))
        funds = fig.funds_score(rate, 10) if self.funds_score == "computed" else _num(self.funds_score)
        return rate, funds, fig.total(scores(self.rows), funds)


def _num(x: object) -> float:
    return float(str(x).replace(",", "")) if not isinstance(x, (int, float)) else float(x)


def write(path: Path, form: AnhuiForm) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws["A1"] = "附件："
    _merge(ws, "A2:I2", "项目支出绩效自评表")
    ws["A2"].font = Font(size=16, bold=True)
    ws["A2"].alignment = Alignment(horizontal="center")
    _merge(ws, "A3:I3", f"（{form.year}年度）")
    ws["A4"] = "项目名称"
    _merge(ws, "B4:I4", form.project)
    ws["A5"] = "主管部门"
    _merge(ws, "B5:D5", form.department)
    ws["E5"] = "实施单位"
    _merge(ws, "F5:I5", form.implementer)

    _merge(ws, "A6:A10", f"项目资金\n（{form.unit}）")
    _merge(ws, "B6:C6")
    for col, label in zip("DEFGHI", ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")):
        ws[f"{col}6"] = label
    rate, funds, total = form.figures()
    money_rows = (("年度资金总额：", form.total), ("其中：本年财政拨款", form.fiscal), ("上年结转资金", form.carryover), ("其他资金", form.other))
    for r, (label, money) in enumerate(money_rows, start=7):
        _merge(ws, f"B{r}:C{r}", label)
        if money is not None:
            ws[f"D{r}"], ws[f"E{r}"], ws[f"F{r}"] = money.initial, money.budget, money.spent
            for col in "DEF":
                if isinstance(ws[f"{col}{r}"].value, float):
                    ws[f"{col}{r}"].number_format = "0.00"
        if r > 7 and form.dash_parts:
            ws[f"G{r}"], ws[f"H{r}"] = "—", "—"
    ws["G7"] = 10
    if form.rate == "computed":
        ws["H7"] = rate
        ws["H7"].number_format = "0.00%"
    elif form.rate == "text":
        ws["H7"] = fig.percent_text(rate)
    elif form.rate is not None:
        ws["H7"] = form.rate
    ws["I7"] = funds

    _merge(ws, "A11:A12", "年度总体目标")
    _merge(ws, "B11:E11", "预期目标")
    _merge(ws, "F11:I11", "实际完成情况")
    _merge(ws, "B12:E12", form.expected)
    _merge(ws, "F12:I12", form.achieved)

    heads = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
    for col, label in zip("BCDEFGHI", heads):
        ws[f"{col}{HEADER_ROW}"] = label
    r = HEADER_ROW + 1
    for group in groups(form.rows):
        first = r
        for run in runs(group):
            start = r
            for ind in run:
                ws[f"D{r}"], ws[f"E{r}"], ws[f"F{r}"] = ind.name, ind.target, ind.actual
                ws[f"G{r}"], ws[f"H{r}"], ws[f"I{r}"] = ind.weight, ind.score, ind.why or None
                for col in "EF":
                    if isinstance(ws[f"{col}{r}"].value, dt.date):
                        ws[f"{col}{r}"].number_format = DATE_CN
                r += 1
            if form.l2_merged:
                _merge(ws, f"C{start}:C{r - 1}", run[0].l2)
            else:
                ws[f"C{start}"] = run[0].l2
        _merge(ws, f"B{first}:B{r - 1}", group[0].l1)
    _merge(ws, f"A{HEADER_ROW}:A{r - 1}", "绩效\n指标")
    _merge(ws, f"A{r}:F{r}", "总分")
    ws[f"G{r}"] = 100
    ws[f"H{r}"] = total if form.total_score == "computed" else form.total_score
    last = r
    if form.grade_line:
        r += 1
        _merge(ws, f"A{r}:F{r}", form.grade_line[0])
        _merge(ws, f"G{r}:I{r}", form.grade_line[1])
    for note in form.notes:
        r += 1
        _merge(ws, f"A{r}:I{r}", note)
    for row in ws.iter_rows(min_row=4, max_row=last, max_col=9):
        for cell in row:
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    for col, width in zip("ABCDEFGHI", (6, 12, 12, 22, 14, 14, 7, 7, 24)):
        ws.column_dimensions[col].width = width
    wb.save(path)


NOTE = "注：一级指标分值统一设置为产出指标50分、效益指标30分、服务对象满意度指标10分、预算资金执行率10分。"

# ---------------------------------------------------------------- forms


def _jobs_rows() -> list[Ind]:
    out = "产出指标(50分)"
    eff = "效益指标(30分)"
    sat = "满意度指标(10分)"
    return [
        Ind(out, "数量指标", "开发公益性岗位数", "≥120个", "126个", 10, 10),
        Ind(out, "数量指标", "岗前培训人次", "≥300人次", "270人次", 5, 4.5, "部分人员外出务工未能参训；下年度分批次开展补训。"),
        Ind(out, "质量指标", "岗位人员在岗率", "≥95%", "98%", 10, 10),
        Ind(out, "时效指标", "补贴发放时间", "每季度末前", "按季度按时发放", 10, 10),
        Ind(out, "时效指标", "年度考核完成时间", "12月底前", dt.date(2022, 12, 20), 5, 5),
        Ind(out, "成本指标", "岗位补贴标准", "≤600元/人·月", "600元/人·月", 10, 10),
        Ind(eff, "社会效益指标", "带动脱贫人口就业", "≥100人", "约110人", 15, 15),
        Ind(eff, "可持续影响指标", "公益性岗位管理机制", "持续发挥作用", "已形成常态化管理机制", 15, 15),
        Ind(sat, "服务对象满意度指标", "岗位人员满意度", "≥90%", "96%", 10, 10),
    ]


def _jobs(**change) -> AnhuiForm:
    form = AnhuiForm(
        year=2022,
        project="2022年农村公益性岗位补贴资金",
        department="池州市贵池区人力资源和社会保障局",
        implementer="池州市贵池区就业服务中心",
        total=Money(86.4, 86.4, 86.4),
        fiscal=Money(86.4, 86.4, 86.4),
        expected="开发乡村公益性岗位120个，按季度足额发放岗位补贴，帮助脱贫人口和监测对象就近就业。",
        achieved="全年开发岗位126个，岗位补贴按季度足额发放，带动约110名脱贫人口就近就业。",
        rows=_jobs_rows(),
        notes=(NOTE,),
    )
    return replace(form, **change)


def _roads_rows() -> list[Ind]:
    out = "产出指标(50分)"
    eff = "效益指标(30分)"
    sat = "满意度指标(10分)"
    return [
        Ind(out, "数量指标", "维修城区道路长度", "≥12公里", "12.6公里", 10, 10),
        Ind(out, "数量指标", "修复人行道面积", "≥8000平方米", "8350平方米", 5, 5),
        Ind(out, "质量指标", "工程验收合格率", "100%", "100%", 10, 10),
        Ind(out, "时效指标", "工程完工时间", "10月底前", "9月底完工", 10, 10),
        Ind(out, "成本指标", "单公里维修成本", "≤13万元/公里", "12.1万元/公里", 10, 10),
        Ind(out, "成本指标", "人行道修复合同价", "≤65万元", "60万元左右", 5, 5),
        Ind(eff, "社会效益指标", "道路通行条件", "明显改善", "明显改善", 10, 10),
        Ind(eff, "生态效益指标", "施工扬尘投诉", "≤4件", "4件", 10, 10),
        Ind(eff, "可持续影响指标", "道路养护长效机制", "持续发挥作用", "已建立巡查养护台账，常态化运行", 10, 10),
        Ind(sat, "服务对象满意度指标", "沿线群众满意度", "≥90%", "93.5%", 10, 10),
    ]


def _roads(**change) -> AnhuiForm:
    form = AnhuiForm(
        year=2022,
        project="城区道路维修改造项目",
        department="池州市贵池区住房和城乡建设局",
        implementer="池州市贵池区市政设施管理所",
        total=Money(160, 160, 153),
        fiscal=Money(160, 160, 153),
        expected="完成城区12公里道路维修及人行道修复，10月底前完工，改善城区通行条件。",
        achieved="完成道路维修12.6公里、人行道修复8350平方米，9月底完工并通过验收，结余资金7万元按规定收回。",
        rows=_roads_rows(),
        grade_line=("自评等级", "优"),
    )
    return replace(form, **change)


def _flood_rows() -> list[Ind]:
    out = "产出指标(50分)"
    eff = "效益指标(30分)"
    sat = "满意度指标(10分)"
    return [
        Ind(out, "数量指标", "完成中型灌区节水改造项目数量", "1个", "1个", 10, 10),
        Ind(out, "数量指标", "完成农业综合水价改革项目", "1个", "1个", 10, 10),
        Ind(out, "质量指标", "工程质量合格", "合格", "合格", 10, 10),
        Ind(out, "时效指标", "年度资金支付完成率", "100%", "100%", 10, 10),
        Ind(out, "成本指标", "资金执行在预算范围内", "≤880万元", "880万元", 10, 10),
        Ind(eff, "经济效益指标", "全市安全度汛", "安全度汛", "实现安全度汛", 10, 10),
        Ind(eff, "社会效益指标", "保护全市人口财产不受损失", "有效保障", "有效保障", 10, 10),
        Ind(eff, "可持续影响指标", "已建工程良性运行", "良性运行", "良性运行", 10, 10),
        Ind(sat, "服务对象满意度指标", "服务对象满意度", "90%", "100%", 10, 10),
    ]


def _flood(**change) -> AnhuiForm:
    form = AnhuiForm(
        year=2022,
        project="水旱灾害防御经费",
        department="天长市水利局",
        implementer="天长市水利局",
        total=Money(880, 880, 880),
        fiscal=Money(880, 880, 880),
        rate=None,
        dash_parts=True,
        l2_merged=False,
        expected="完成年度防汛工作，完成中型灌区节水改造项目和农业综合水价改革项目。",
        achieved="完成年度目标。",
        rows=_flood_rows(),
        notes=(NOTE, "2.执行率为空时按全年执行数/全年预算数计算。"),
    )
    return replace(form, **change)


def _lab_rows() -> list[Ind]:
    out = "产出指标(50分)"
    eff = "效益指标(30分)"
    sat = "满意度指标(10分)"
    return [
        Ind(out, "数量指标", "农产品质量安全抽检批次", "≥1000批次", "1,200批次以上", 10, 10),
        Ind(out, "数量指标", "快检室运行数量", "≥18个", "18个", 5, 5),
        Ind(out, "质量指标", "抽检合格率", "≥95%", "不低于95%", 10, 10),
        Ind(out, "时效指标", "检测结果出具时间", "≤7分钟", "平均6分钟", 10, 10),
        Ind(out, "时效指标", "年度抽检任务完成时间", "11月30日前", "2022年11月18日", 5, 5),
        Ind(out, "成本指标", "单批次检测成本", "≤120元/批次", "115元/批次", 10, 10),
        Ind(eff, "社会效益指标", "农产品质量安全事件", "0起", "0起", 15, 15),
        Ind(eff, "可持续影响指标", "检测体系运行", "长期稳定运行", "长期稳定运行", 15, 15),
        Ind(sat, "服务对象满意度指标", "生产经营主体满意度", "≥90%", "95.2%", 10, 10),
    ]


def _lab(**change) -> AnhuiForm:
    form = AnhuiForm(
        year=2022,
        project="农产品质量安全监管检测经费",
        department="宣城市宣州区农业农村局",
        implementer="宣城市宣州区农产品质量安全检测站",
        total=Money(48, 52.5, 51.8),
        fiscal=Money(48, 52.5, 51.8),
        rate="text",
        expected="全年完成农产品质量安全抽检1000批次以上，抽检合格率95%以上，确保不发生区域性农产品质量安全事件。",
        achieved="年中追加抽检经费4.5万元（宣区财农〔2022〕36号），全年完成抽检1200余批次，合格率不低于95%，未发生质量安全事件。",
        rows=_lab_rows(),
        grade_line=("自评等级", "优"),
    )
    return replace(form, **change)


def _yuan_rows() -> list[Ind]:
    out = "产出指标(50分)"
    eff = "效益指标(30分)"
    sat = "满意度指标(10分)"
    return [
        Ind(out, "数量指标", "资助家庭经济困难学生人数", "≥420人", "436人", 10, 10),
        Ind(out, "质量指标", "资助对象认定准确率", "100%", "100%", 10, 10),
        Ind(out, "时效指标", "秋季学期资助资金发放时间", "11月30日前", dt.date(2022, 11, 25), 10, 10),
        Ind(out, "时效指标", "春季学期资助资金发放时间", "6月30日前", "6月20日前全部发放", 5, 5),
        Ind(out, "成本指标", "生均资助标准", "≤2500元/生·年", "2500元/生·年", 15, 15),
        Ind(eff, "社会效益指标", "因贫辍学学生人数", "0人", "0人", 15, 15),
        Ind(eff, "可持续影响指标", "资助政策知晓率", "≥90%", "92%", 15, 15),
        Ind(sat, "服务对象满意度指标", "受助学生及家长满意度", "≥95%", "97%", 10, 10),
    ]


def _yuan(**change) -> AnhuiForm:
    form = AnhuiForm(
        year=2022,
        project="普通高中家庭经济困难学生国家助学金",
        department="池州市贵池区教育体育局",
        implementer="池州市贵池区学生资助管理中心",
        unit="元",
        total=Money("1,090,000.00", "1,090,000.00", "1,090,000.00"),
        fiscal=Money("1,090,000.00", "1,090,000.00", "1,090,000.00"),
        expected="资助普通高中家庭经济困难学生420人以上，按学期及时足额发放助学金。",
        achieved="全年资助436人，春、秋两季助学金均按期足额发放。",
        rows=_yuan_rows(),
        notes=(NOTE,),
    )
    return replace(form, **change)


def _pension(**change) -> AnhuiForm:
    out, eff, sat = "产出指标(50分)", "效益指标(30分)", "满意度指标(10分)"
    rows = [
        Ind(out, "数量指标", "参保缴费人数", "≥18.5万人", "18.72万人", 10, 10),
        Ind(out, "数量指标", "待遇发放人数", "≥6.2万人", "6.26万人", 10, 10),
        Ind(out, "质量指标", "待遇按时足额发放率", "100%", "100%", 10, 10),
        Ind(out, "时效指标", "参保缴费集中征收", "上半年", "2022年6月28日完成", 10, 10),
        Ind(out, "时效指标", "经办系统升级", "当年内", "提前完成", 5, 5),
        Ind(out, "成本指标", "人均经办成本", "≤2元/人", "1.92元/人", 5, 5),
        Ind(eff, "社会效益指标", "城乡居民养老保障水平", "稳步提高", "稳步提高", 15, 15),
        Ind(eff, "可持续影响指标", "经办服务能力", "持续提升", "持续提升", 15, 15),
        Ind(sat, "服务对象满意度指标", "参保群众满意度", "≥95%", "不低于95%", 10, 10),
    ]
    form = AnhuiForm(
        year=2022,
        project="城乡居民基本养老保险经办服务经费",
        department="安庆市宜秀区人力资源和社会保障局",
        implementer="安庆市宜秀区社会保险服务中心",
        total=Money(36, 36, 36),
        fiscal=Money(36, 36, 36),
        rate="text",
        dash_parts=True,
        l2_merged=False,
        expected="做好18.5万城乡居民参保缴费和6.2万人待遇发放经办服务，上半年完成集中征收。",
        achieved="参保缴费18.72万人，待遇发放6.26万人，6月28日完成集中征收，经办系统升级提前完成。",
        rows=rows,
        grade_line=("评价等级", "优"),
    )
    return replace(form, **change)


def _holiday(**change) -> AnhuiForm:
    out, eff, sat = "产出指标(50分)", "效益指标(30分)", "满意度指标(10分)"
    rows = [
        Ind(out, "数量指标", "两节补助发放户数", "≥4700户", "4700户", 15, 15),
        Ind(out, "质量指标", "补助对象精准率", "100%", "100%", 10, 10),
        Ind(out, "时效指标", "补助发放时间", "元旦前", "12月28日前全部发放", 10, 10),
        Ind(out, "成本指标", "户均补助标准", "500元/户", "500元/户", 15, 15),
        Ind(eff, "社会效益指标", "困难群众节日生活", "得到保障", "全部发放到户，节日生活得到保障", 15, 15),
        Ind(eff, "可持续影响指标", "兜底保障机制", "持续发挥作用", "持续发挥作用", 15, 15),
        Ind(sat, "服务对象满意度指标", "受助群众满意度", "≥95%", "98%", 10, 10),
    ]
    form = AnhuiForm(
        year=2022,
        project="城乡低保对象元旦春节两节补助资金",
        department="六安市裕安区民政局",
        implementer="六安市裕安区社会救助服务中心",
        unit="元",
        total=Money(2350000, 2350000, 2350000),
        fiscal=Money(2350000, 2350000, 2350000),
        expected="元旦前向4700户城乡低保对象每户发放两节补助500元。",
        achieved="12月28日前向4700户低保对象全部发放到户。",
        rows=rows,
        notes=(NOTE,),
    )
    return replace(form, **change)


def _forest(**change) -> AnhuiForm:
    out, eff, sat = "产出指标(50分)", "效益指标(30分)", "满意度指标(10分)"
    rows = [
        Ind(out, "数量指标", "购置扑火机具", "≥120台套", "120台套", 10, 10),
        Ind(out, "数量指标", "开展防火巡护", "≥2000人次", "2150人次", 10, 10),
        Ind(out, "质量指标", "森林火灾受害率", "≤0.8‰", "0.7‰", 10, 10),
        Ind(out, "时效指标", "防火期物资到位时间", "10月底前", "10月25日前全部到位", 10, 10),
        Ind(out, "成本指标", "巡护人员日均补助", "≤120元/人·日", "130元/人·日", 10, fig.ratio_score(120, 130, 10),
            "受物价上涨影响补助标准上调；下年度据实编制预算。"),
        Ind(eff, "社会效益指标", "重特大森林火灾", "0起", "0起", 15, 15),
        Ind(eff, "可持续影响指标", "群防群治机制", "建立健全", "部分完成", 15, 10.5, "部分乡镇护林员队伍不稳定；加强培训管理。"),
        Ind(sat, "服务对象满意度指标", "林区群众满意度", "≥90%", "92%", 10, 10),
    ]
    form = AnhuiForm(
        year=2022,
        project="森林防火专项经费",
        department="黄山市徽州区林业局",
        implementer="黄山市徽州区森林防火指挥部办公室",
        total=Money(75, 80, 77.6),
        fiscal=Money(75, 80, 77.6),
        expected="购置扑火机具120台套，开展防火巡护2000人次以上，确保不发生重特大森林火灾。",
        achieved="因防火期延长，年中追加巡护经费5万元；全年巡护2150人次，未发生重特大森林火灾。",
        rows=rows,
    )
    return replace(form, **change)


def _written(build: Callable[[], AnhuiForm]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        write(path, build())

    return make


def _deadline_missed_full_marks() -> AnhuiForm:
    rows = _yuan_rows()
    rows = changed(rows, 2, actual=dt.date(2022, 12, 15))  # 秋季 deadline 11月30日前, paid 15 December, still 10 of 10
    return _yuan(project="普通高中国家助学金（秋季学期）", rows=rows)


def _total_not_sum() -> AnhuiForm:
    form = _lab(project="农产品质量安全例行监测经费")
    _, _, total = form.figures()
    form.total_score = fig.total(total, -1)  # one point less than Σ得分 + 资金得分
    form.grade_line = ("自评等级", fig.grade(form.total_score))
    return form


def _partial_above_band() -> AnhuiForm:
    rows = _jobs_rows()
    # 部分完成 allows 60%–80% of 分值: 15 of 15 is above the band
    rows = changed(rows, 7, actual="部分完成", why="个别乡镇岗位管理台账不全，已督促整改。")
    return _jobs(project="2022年乡村保洁公益性岗位补贴资金", rows=rows)


FORMS = [
    FormCase("anhui_01_gongyi_gangwei", "anhui_self", _written(_jobs),
             "central layout, date cell actual, 约110人, qualitative restatement, missed count explained"),
    FormCase("anhui_02_chengqu_daolu", "anhui_self", _written(_roads),
             "执行率 95.63% as % number, 9月底完工 vs 10月底前, 60万元左右, unit cost, 自评等级 line"),
    FormCase("anhui_03_shuihan_fangyu", "anhui_self", _written(_flood),
             "Tianchang style: blank 执行率, “—” in 其中 rows, 二级 written once, two note rows"),
    FormCase("anhui_04_nongchanpin_jiance", "anhui_self", _written(_lab),
             "budget raised mid-year and explained, 1,200批次以上, 不低于95%, 平均6分钟, % as text"),
    FormCase("anhui_05_gaozhong_zizhu", "anhui_self", _written(_yuan),
             "money in 元 with thousands separators, date cell actual, 6月20日前全部发放"),
    FormCase(
        "anhui_06_zizhu_qiuji", "anhui_self", _written(_deadline_missed_full_marks),
        "deadline missed by a date cell, full marks kept",
        faults=(Fault(SHEET, "H16", "发放时限为11月30日前，实际2022年12月15日发放，未按期却得满分10分", also=("F16", "I16")),),
    ),
    FormCase(
        "anhui_08_lijian_jiance", "anhui_self", _written(_total_not_sum),
        "总分 one point above the sum",
        faults=(Fault(SHEET, "H23", "总分比各项得分与资金得分之和少1分"),),
    ),
    FormCase(
        "anhui_09_baojie_gangwei", "anhui_self", _written(_partial_above_band),
        "部分完成 scored full",
        faults=(Fault(SHEET, "H21", "完成值为“部分完成”，得分应在分值的60%–80%之间，表中为满分15分"),),
    ),
    FormCase("anhui_10_yanglao_jingban", "anhui_self", _written(_pension),
             "上半年 / 2022年6月28日完成, 当年内 / 提前完成, 不低于95%, 评价等级 line, 二级 written once"),
    FormCase("anhui_11_liangjie_buzhu", "anhui_self", _written(_holiday),
             "money in 元 as numbers, 元旦前 / 12月28日前全部发放, bare unit standard as cost"),
    FormCase("anhui_12_senlin_fanghuo", "anhui_self", _written(_forest),
             "反向 unit cost overrun scored A/B and explained, 部分完成 at 70%, budget raise explained, ‰ units"),
]
