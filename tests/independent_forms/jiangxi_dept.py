"""部门评价 forms laid out like Jiangxi counties' 项目支出绩效评价表 (openpyxl, by hand).

Eight columns; 项目决策 / 项目过程 / 项目产出 / 项目效益 weighted 20/20/30/30 in
their merged labels; the 10-point funds row is shown but not counted in 总分
(Σ 三级 = 100). Variants: a 小计 row closing each 一级 group, a 评分说明 row
under 评价等次, the ☑ grade in one cell or spread over four, a blank 等次 cell,
an 评价方式 row, and a 评价报告 sheet with a short consistent narrative.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

import openpyxl
from openpyxl.styles import Alignment, Font

from tests.independent_forms import _figures as fig
from tests.independent_forms._cells import merge as _merge
from tests.independent_forms._case import Fault, FormCase
from tests.independent_forms._rows import Facts, Ind, changed, groups, runs, scores, weights

SHEET = "绩效评价表"
REPORT = "评价报告"
BANDS = "100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差"


@dataclass
class JiangxiForm(Facts):
    method_row: bool = False
    subtotals: bool = False
    grade: object = "checkbox"  # "checkbox" (one cell), "spread" (four cells), "plain", "" (left blank) or a text
    bands_row: bool = False
    rate_as_number: bool = False
    report: list[str] = field(default_factory=list)
    subtotal_override: dict[str, float] = field(default_factory=dict)  # 一级 label -> 小计得分 written
    total_override: float | None = None
    grade_override: str | None = None

    @property
    def rate(self) -> float:
        return fig.rate(self.spent, self.budget)

    @property
    def total(self) -> float:
        return self.total_override if self.total_override is not None else scores(self.rows)


def _grade_text(form: JiangxiForm) -> str:
    chosen = form.grade_override or fig.grade(scores(form.rows))
    return "".join(f"{g}{'☑' if g == chosen else '□'}" for g in "优良中差")


def write(path: Path, form: JiangxiForm) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    _merge(ws, "A1:H1", f"{form.project}绩效评价表")
    ws["A1"].font = Font(size=15, bold=True)
    ws["A2"] = "项目名称："
    _merge(ws, "B2:H2", form.project)
    ws["A3"] = "主管部门"
    _merge(ws, "B3:D3", form.department)
    ws["E3"] = "实施单位"
    _merge(ws, "F3:H3", form.implementer)
    r = 4
    if form.method_row:
        ws["A4"] = "评价年度"
        _merge(ws, "B4:D4", f"{form.year}年")
        ws["E4"] = "评价方式"
        _merge(ws, "F4:H4", "部门评价")
        r = 5
    _merge(ws, f"A{r}:A{r + 4}", "项目资金（万元）")
    for col, label in zip("CDEFGH", ("年初预算数", "全年预算数A", "全年执行数B", "分值", "执行率", "得分")):
        ws[f"{col}{r}"] = label
    ws[f"B{r + 1}"] = "年度资金总额"
    ws[f"C{r + 1}"], ws[f"D{r + 1}"], ws[f"E{r + 1}"] = form.initial, form.budget, form.spent
    ws[f"F{r + 1}"] = 10
    if form.rate_as_number:
        ws[f"G{r + 1}"] = form.rate
        ws[f"G{r + 1}"].number_format = "0.00%"
    else:
        ws[f"G{r + 1}"] = fig.percent_text(form.rate)
    ws[f"H{r + 1}"] = fig.funds_score(form.rate, 10)
    ws[f"B{r + 2}"] = "其中：当年财政拨款"
    ws[f"C{r + 2}"], ws[f"D{r + 2}"], ws[f"E{r + 2}"] = form.initial, form.budget, form.spent
    ws[f"B{r + 3}"] = "上年结转资金"
    ws[f"B{r + 4}"] = "其他资金"
    r += 5
    _merge(ws, f"A{r}:A{r + 1}", "年度总体目标")
    _merge(ws, f"B{r}:E{r}", "预期目标")
    _merge(ws, f"F{r}:H{r}", "实际完成情况")
    _merge(ws, f"B{r + 1}:E{r + 1}", form.expected)
    _merge(ws, f"F{r + 1}:H{r + 1}", form.achieved)
    r += 2
    _merge(ws, f"A{r}:H{r}", "绩效评价指标评分")
    r += 1
    heads = ("一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "得分", "偏差原因分析及改进措施")
    for col, label in zip("ABCDEFGH", heads):
        ws[f"{col}{r}"] = label
    r += 1
    for group in groups(form.rows):
        first = r
        for run in runs(group):
            start = r
            for ind in run:
                ws[f"C{r}"], ws[f"D{r}"], ws[f"E{r}"] = ind.name, ind.target, ind.actual
                ws[f"F{r}"], ws[f"G{r}"], ws[f"H{r}"] = ind.weight, ind.score, ind.why or None
                if isinstance(ind.actual, dt.date):
                    ws[f"E{r}"].number_format = "yyyy/m/d"
                r += 1
            _merge(ws, f"B{start}:B{r - 1}", run[0].l2)
        if form.subtotals:
            _merge(ws, f"B{r}:E{r}", "小计")
            ws[f"F{r}"] = weights(group)
            ws[f"G{r}"] = form.subtotal_override.get(group[0].l1, scores(group))
            r += 1
        _merge(ws, f"A{first}:A{r - 1}", group[0].l1)
    _merge(ws, f"A{r}:E{r}", "总分")
    ws[f"F{r}"], ws[f"G{r}"] = weights(form.rows), form.total
    r += 1
    ws[f"A{r}"] = "评价等次"
    if form.grade == "checkbox":
        _merge(ws, f"B{r}:H{r}", _grade_text(form))
    elif form.grade == "spread":
        text = _grade_text(form)
        for col, i in zip("BCDE", range(0, 8, 2)):
            ws[f"{col}{r}"] = text[i : i + 2]
    elif form.grade == "plain":
        _merge(ws, f"B{r}:H{r}", form.grade_override or fig.grade(form.total))
    else:
        _merge(ws, f"B{r}:H{r}")  # left blank: the reviewer fills it
    if form.bands_row:
        r += 1
        ws[f"A{r}"] = "评分说明"
        _merge(ws, f"B{r}:H{r}", BANDS)
    for col, width in zip("ABCDEFGH", (14, 12, 20, 13, 16, 7, 7, 30)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2, max_row=r, max_col=8):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    if form.report:
        rep = wb.create_sheet(REPORT)
        for i, paragraph in enumerate(form.report, start=1):
            rep[f"A{i}"] = paragraph
        rep.column_dimensions["A"].width = 100
    wb.save(path)


# ---------------------------------------------------------------- the standard 决策 / 过程 rows

D, P, O, E = "项目决策（20分）", "项目过程（20分）", "项目产出（30分）", "项目效益（30分）"


def decision_rows(deduct: dict[str, tuple[str, float, str]] | None = None) -> list[Ind]:
    """项目决策 20: six qualitative rows; ``deduct`` maps a name to (完成值, 得分, 偏差原因)."""
    base = [
        ("项目立项", "立项依据充分性", 3),
        ("项目立项", "立项程序规范性", 2),
        ("绩效目标", "绩效目标合理性", 5),
        ("绩效目标", "绩效指标明确性", 5),
        ("资金投入", "预算编制科学性", 3),
        ("资金投入", "资金分配合理性", 2),
    ]
    out = []
    for l2, name, w in base:
        actual, score, why = (deduct or {}).get(name, ("全部符合", w, ""))
        out.append(Ind(D, l2, name, "全部符合", actual, w, score, why))
    return out


def process_rows(rate: float, deduct: dict[str, tuple[str, float, str]] | None = None, rate_why: str = "") -> list[Ind]:
    """项目过程 20: 资金到位率 100%, 预算执行率 as in the funds block (4 × rate when below 100%)."""
    rate_score = fig.half_up(min(rate, 1) * 4, 2)
    out = [
        Ind(P, "资金管理", "资金到位率", "100%", "100%", 3, 3),
        Ind(P, "资金管理", "预算执行率", "100%", fig.percent_text(rate), 4, rate_score, rate_why if rate < 1 else ""),
    ]
    for l2, name, w in (("资金管理", "资金使用合规性", 3), ("组织实施", "管理制度健全性", 5), ("组织实施", "制度执行有效性", 5)):
        actual, score, why = (deduct or {}).get(name, ("全部符合", w, ""))
        out.append(Ind(P, l2, name, "全部符合", actual, w, score, why))
    return out


def _written(build: Callable[[], JiangxiForm]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        form = build()
        assert weights(form.rows) == 100, (form.project, weights(form.rows))
        write(path, form)

    return make


# ---------------------------------------------------------------- forms


def _children(**change) -> JiangxiForm:
    rows = (
        decision_rows({"绩效目标合理性": ("基本符合", 4, "部分指标值设定偏保守；下年度据实调整。")})
        + process_rows(1.0, {"制度执行有效性": ("基本符合", 4, "个别站点服务台账更新不及时；已开展专项检查。")})
        + [
            Ind(O, "产出数量", "关爱服务留守儿童人数", "≥1200人", "1236人", 5, 5),
            Ind(O, "产出数量", "开展关爱活动场次", "≥48场", "52场", 5, 5),
            Ind(O, "产出质量", "服务对象建档率", "100%", "100%", 5, 5),
            Ind(O, "产出时效", "暑期关爱活动完成时间", "8月底前", "8月25日前全部完成", 5, 5),
            Ind(O, "产出成本", "人均服务成本", "≤375元/人", "364元/人", 10, 10),
            Ind(E, "社会效益", "家庭监护责任落实", "有效落实", "有效落实", 10, 10),
            Ind(E, "社会效益", "留守儿童意外伤害事件", "≤2起", "2起", 10, 10),
            Ind(E, "满意度", "留守儿童及监护人满意度", "≥90%", "95.6%", 10, 10),
        ]
    )
    form = JiangxiForm(
        year=2023,
        project="2023年农村留守儿童关爱服务项目",
        department="宁都县民政局",
        implementer="宁都县儿童福利指导中心",
        initial=45,
        budget=45,
        spent=45,
        expected="为全县1200名以上农村留守儿童提供关爱服务，建档率100%，落实家庭监护责任。",
        achieved="全年服务留守儿童1236人，开展关爱活动52场，建档率100%，发生轻微意外伤害事件2起。",
        rows=rows,
        report=[
            "宁都县民政局2023年农村留守儿童关爱服务项目部门评价报告",
            "一、基本情况",
            "该项目2023年预算45万元，实际到位45万元，资金到位率100%；全年支出45万元，预算执行率100%。",
            "二、绩效评价指标体系",
            "本次评价设置项目决策、项目过程、项目产出、项目效益4个一级指标，下设11个二级指标、19个三级指标。",
            "三、综合评价结论",
            "经综合评价，该项目得分98分，评价等级为“优”。",
            "四、存在的问题",
            "绩效目标设置偏保守，个别站点服务台账更新不及时。",
        ],
    )
    return replace(form, **change)


def _garbage_rows() -> list[Ind]:
    rate = fig.rate(178.6, 186)
    return (
        decision_rows({
            "绩效目标合理性": ("基本符合", 3, "个别指标与年度任务衔接不够；下年度细化。"),
            "绩效指标明确性": ("部分符合", 3, "部分指标未量化；下年度补充量化指标。"),
            "预算编制科学性": ("基本符合", 2, "年中调减预算14万元，编制不够精准。"),
        })
        + process_rows(rate, {"制度执行有效性": ("基本符合", 4, "部分乡镇考核记录不全；已督促整改。")},
                       rate_why="部分村转运设施结算延后至次年。")
        + [
            Ind(O, "产出数量", "覆盖行政村数量", "≥120个", "120个", 5, 5),
            Ind(O, "产出数量", "垃圾清运车辆配置", "≥36辆", "36辆", 5, 5),
            Ind(O, "产出质量", "生活垃圾无害化处理率", "≥95%", "93%", 5, fig.ratio_score(93, 95, 5),
                "个别偏远村转运不及时；增加转运频次。"),
            Ind(O, "产出时效", "乡镇转运站建成时间", "10月底前", "11月15日建成", 5, 2,
                "受征地影响开工推迟，延期半个月建成；今后提前做好用地保障。"),
            Ind(O, "产出成本", "村均保洁经费", "≤1.5万元/村", "1.49万元/村", 10, 10),
            Ind(E, "社会效益", "村庄环境卫生状况", "明显改善", "明显改善", 10, 10),
            Ind(E, "可持续影响", "农村保洁长效机制", "建立健全", "基本建立", 10, 7, "部分村保洁员管理不规范；下年度纳入考核。"),
            Ind(E, "满意度", "村民满意度", "≥90%", "88%", 10, fig.ratio_score(88, 90, 10), "部分村民对清运频次不满意；增加清运频次。"),
        ]
    )


def _garbage(**change) -> JiangxiForm:
    form = JiangxiForm(
        year=2023,
        project="2023年农村生活垃圾治理专项资金",
        department="于都县城市管理局",
        implementer="于都县环境卫生服务中心",
        initial=200,
        budget=186,
        spent=178.6,
        expected="覆盖全县120个行政村，配置清运车辆36辆，生活垃圾无害化处理率95%以上。",
        achieved="因部分转运设施由上级项目建设，年中调减预算14万元；全年覆盖120个行政村，无害化处理率93%。",
        rows=_garbage_rows(),
        subtotals=True,
        grade="plain",
        bands_row=True,
    )
    return replace(form, **change)


def _festival_rows() -> list[Ind]:
    return (
        decision_rows({"绩效指标明确性": ("基本符合", 4, "效益指标不够具体；下年度细化。")})
        + process_rows(1.0)
        + [
            Ind(O, "产出数量", "走访慰问困难群众户数", "≥400户", "400户", 5, 5),
            Ind(O, "产出质量", "慰问对象精准率", "100%", "100%", 5, 5),
            Ind(O, "产出时效", "慰问金发放时间", "春节前", "2月8日前全部发放", 10, 10),
            Ind(O, "产出成本", "户均慰问标准", "≤2000元/户", "2000元/户", 10, 10),
            Ind(E, "社会效益", "党和政府关怀传递", "有效传递", "困难群众切实感受到党和政府的温暖", 15, 15),
            Ind(E, "满意度", "慰问对象满意度", "≥95%", "98%", 15, 15),
        ]
    )


def _festival(**change) -> JiangxiForm:
    form = JiangxiForm(
        year=2024,
        project="2024年春节走访慰问困难群众资金",
        department="瑞金市民政局",
        implementer="瑞金市社会救助服务中心",
        initial=80,
        budget=80,
        spent=80,
        expected="春节前完成对全市400户困难群众的走访慰问，每户慰问金2000元。",
        achieved="2月8日前完成400户困难群众走访慰问，慰问金全部发放到户。",
        rows=_festival_rows(),
        grade="spread",
        report=[
            "瑞金市民政局2024年春节走访慰问困难群众资金部门评价报告",
            "一、项目概况",
            "项目预算80万元，到位80万元，资金到位率100%，实际支出80万元，预算执行率100%。",
            "2024年春节（2月10日）前，全市共走访慰问困难群众400户，每户慰问金2000元。",
            "二、评价结论",
            "经评价，该项目综合得分99分，绩效等级为“优”。",
        ],
    )
    return replace(form, **change)


def _toilet_rows() -> list[Ind]:
    rate = fig.rate(118.51, 120)
    return (
        decision_rows({"预算编制科学性": ("基本符合", 2, "单座改造预算测算偏粗；下年度按设计概算编制。")})
        + process_rows(rate, rate_why="项目结余1.49万元，已按规定收回。")
        + [
            Ind(O, "产出数量", "提升改造公共厕所数量", "≥24座", "24座", 10, 10),
            Ind(O, "产出质量", "改造工程验收合格率", "100%", "100%", 5, 5),
            Ind(O, "产出时效", "改造完成时间", "11月30日前", dt.date(2023, 11, 20), 5, 5),
            Ind(O, "产出成本", "单座改造成本", "≤5万元/座", "4.94万元/座", 10, 10),
            Ind(E, "社会效益", "如厕环境", "明显改善", "明显改善", 15, 15),
            Ind(E, "满意度", "市民满意度", "≥90%", "91.3%", 15, 15),
        ]
    )


def _toilet(**change) -> JiangxiForm:
    form = JiangxiForm(
        year=2023,
        project="2023年城区公共厕所提升改造项目",
        department="石城县城市管理局",
        implementer="石城县市政公用事业服务中心",
        initial=120,
        budget=120,
        spent=118.51,
        expected="完成城区24座公共厕所提升改造，11月底前完工，验收合格率100%。",
        achieved="24座公共厕所于11月20日全部完成改造并通过验收，结余1.49万元。",
        rows=_toilet_rows(),
        method_row=True,
        grade="",
        rate_as_number=True,
    )
    return replace(form, **change)


def _clinic_rows() -> list[Ind]:
    rate = fig.rate(312.4, 318)
    return (
        decision_rows()
        + process_rows(rate, rate_why="设备招标节余5.6万元。")
        + [
            Ind(O, "产出数量", "配置DR设备数量", "≥6台", "6台", 5, 5),
            Ind(O, "产出数量", "配置全自动生化分析仪数量", "≥6台", "6台", 5, 5),
            Ind(O, "产出质量", "设备验收合格率", "100%", "100%", 5, 5),
            Ind(O, "产出时效", "设备采购完成时间", "第三季度", "9月底完成采购", 5, 5),
            Ind(O, "产出时效", "人员操作培训完成时间", "上半年", dt.date(2023, 6, 28), 2, 2),
            Ind(O, "产出成本", "DR设备单价", "≤38万元/台", "37.6万元/台", 4, 4),
            Ind(O, "产出成本", "生化分析仪采购合同价", "≤14万元/台", "14万元/台", 4, 4),
            Ind(E, "社会效益", "乡镇卫生院检查能力", "显著提升", "6所卫生院均可开展DR检查", 15, 15),
            Ind(E, "满意度", "就诊群众满意度", "≥90%", "94%", 15, 15),
        ]
    )


def _clinic(**change) -> JiangxiForm:
    form = JiangxiForm(
        year=2023,
        project="2023年乡镇卫生院医疗设备购置项目",
        department="会昌县卫生健康委员会",
        implementer="会昌县卫生健康委员会",
        initial=318,
        budget=318,
        spent=312.4,
        expected="为6所乡镇卫生院各配置DR及全自动生化分析仪1台，第三季度完成采购并投入使用。",
        achieved="6所卫生院设备于9月底前完成采购安装并投入使用，操作人员6月底前完成培训。",
        rows=_clinic_rows(),
        grade="plain",
        bands_row=True,
    )
    return replace(form, **change)


def _after_school(**change) -> JiangxiForm:
    rate = fig.rate(147, 150)
    rows = (
        decision_rows({"绩效目标合理性": ("基本符合", 4, "个别学校服务时长目标偏低；下年度统一标准。")})
        + process_rows(rate, rate_why="部分学校课后服务经费据实结算，结余3万元收回。")
        + [
            Ind(O, "产出数量", "开展课后服务学校数", "≥42所", "42所", 5, 5),
            Ind(O, "产出数量", "参与课后服务学生人数", "≥2.1万人", "约2.3万人", 5, 5),
            Ind(O, "产出质量", "义务教育学校课后服务覆盖率", "≥90%", "95%", 5, 5),
            Ind(O, "产出时效", "补助资金拨付", "每学期结束后1个月内", "按学期及时拨付", 5, 5),
            Ind(O, "产出成本", "生均补助标准", "≤70元/生·年", "64元/生·年", 10, 10),
            Ind(E, "社会效益", "家长接送难问题", "有效缓解", "有效缓解", 15, 15),
            Ind(E, "满意度", "家长满意度", "≥90%", "94.5%", 15, 15),
        ]
    )
    form = JiangxiForm(
        year=2023,
        project="2023年城区中小学课后服务补助资金",
        department="南康区教育体育局",
        implementer="南康区教育体育局",
        initial=150,
        budget=150,
        spent=147,
        expected="全区42所义务教育学校开展课后服务，覆盖率90%以上。",
        achieved="42所学校全部开展课后服务，参与学生约2.3万人，覆盖率95%。",
        rows=rows,
        method_row=True,
        subtotals=True,
        grade="",
    )
    return replace(form, **change)


def _cameras(**change) -> JiangxiForm:
    rows = (
        decision_rows({"预算编制科学性": ("基本符合", 2, "运维费按上年标准测算，未考虑新增点位；下年度据实测算。")})
        + process_rows(1.0)
        + [
            Ind(O, "产出数量", "运维监控点位", "≥56个", "56个", 5, 5),
            Ind(O, "产出质量", "系统正常运行率", "≥98%", "99.1%", 5, 5),
            Ind(O, "产出时效", "故障修复时间", "≤24小时", "平均20小时", 5, 5),
            Ind(O, "产出时效", "防火期前巡检完成时间", "9月底前", dt.date(2023, 9, 22), 5, 5),
            Ind(O, "产出成本", "单点年运维费", "≤1.25万元/个", "1.21万元/个", 10, 10),
            Ind(E, "社会效益", "森林火情发现时效", "明显提升", "明显提升", 15, 15),
            Ind(E, "满意度", "林区管护人员满意度", "≥90%", "93%", 15, 15),
        ]
    )
    form = JiangxiForm(
        year=2023,
        project="2023年森林防火视频监控系统运维经费",
        department="崇义县林业局",
        implementer="崇义县森林防火指挥部办公室",
        initial=68,
        budget=68,
        spent=68,
        expected="保障全县56个森林防火视频监控点位正常运行，防火期前完成全面巡检。",
        achieved="56个点位全年正常运行率99.1%，9月22日完成防火期前巡检。",
        rows=rows,
        grade="spread",
        report=[
            "崇义县林业局2023年森林防火视频监控系统运维经费部门评价报告",
            "一、项目基本情况",
            "项目预算68万元，实际到位68万元，全年支出68万元，预算执行率100%。",
            "二、绩效评价指标体系",
            "评价指标体系包括项目决策、项目过程、项目产出、项目效益4个一级指标，11个二级指标和18个三级指标。",
            "三、评价结论",
            "该项目综合得分99分，绩效评价等级为“优”。",
        ],
    )
    return replace(form, **change)


def _road_safety(**change) -> JiangxiForm:
    rate = fig.rate(252.2, 260)
    rows = (
        decision_rows({
            "绩效目标合理性": ("基本符合", 3, "目标未区分县道、乡道；下年度细化。"),
            "绩效指标明确性": ("部分符合", 3, "效益指标难以量化考核；下年度补充量化指标。"),
            "预算编制科学性": ("基本符合", 2, "材料价格测算偏低。"),
        })
        + process_rows(rate, {"制度执行有效性": ("基本符合", 4, "部分标段监理日志不全；已督促整改。")},
                       rate_why="1个标段尾款待审计后支付。")
        + [
            Ind(O, "产出数量", "实施安防工程里程", "≥120公里", "112公里", 10, fig.ratio_score(112, 120, 10),
                "2个村道改线暂缓实施；下年度纳入计划。"),
            Ind(O, "产出质量", "交工验收合格率", "100%", "100%", 5, 5),
            Ind(O, "产出时效", "工程完工时间", "年底前", "12月26日完工", 5, 5),
            Ind(O, "产出成本", "每公里造价", "≤2.2万元/公里", "2.25万元/公里", 10, fig.ratio_score(2.2, 2.25, 10),
                "波形护栏钢材涨价；今后预算考虑价格波动。"),
            Ind(E, "社会效益", "农村公路交通事故", "同比下降", "部分实现", 15, 10.5, "部分路段事故未减少；加强警示设施。"),
            Ind(E, "满意度", "沿线群众满意度", "≥90%", "86%", 15, fig.ratio_score(86, 90, 15), "部分群众认为施工期通行不便。"),
        ]
    )
    plain = {D: "项目决策", P: "项目过程", O: "项目产出", E: "项目效益"}
    rows = [Ind(**{**r.__dict__, "l1": plain[r.l1]}) for r in rows]
    form = JiangxiForm(
        year=2023,
        project="2023年农村公路安全生命防护工程",
        department="大余县交通运输局",
        implementer="大余县农村公路管理所",
        initial=260,
        budget=260,
        spent=252.2,
        expected="完成120公里农村公路安全生命防护工程，年底前完工。",
        achieved="完成112公里，12月26日完工，交工验收合格率100%。",
        rows=rows,
    )
    return replace(form, **change)


def _subtotal_wrong() -> JiangxiForm:
    form = _garbage(project="2023年农村生活垃圾收运体系建设资金")
    product = groups(form.rows)[2]
    form.subtotal_override = {O: fig.total(scores(product), 1)}  # 产出小计 one point above its rows
    return form


def _grade_wrong() -> JiangxiForm:
    rows = _children().rows
    rows = changed(rows, 12, actual="40场", score=fig.ratio_score(40, 48, 5), why="受汛期影响，部分活动取消。")
    rows = changed(rows, 14, actual="部分完成", score=3, why="受高温天气影响，部分活动延至9月开展。")
    rows = changed(rows, 16, actual="基本落实", score=7, why="部分监护人责任意识不强；加强走访督促。")
    rows = changed(rows, 17, actual="3起", score=fig.ratio_score(2, 3, 10), why="发生3起轻微意外伤害；加强安全教育。")
    rows = changed(rows, 18, actual="86%", score=fig.ratio_score(86, 90, 10), why="部分监护人对活动频次不满意。")
    return _children(project="2023年困境儿童关爱保护项目", rows=rows, report=[], grade_override="优")


def _rate_indicator_wrong() -> JiangxiForm:
    rows = _children().rows
    rows = changed(rows, 7, actual="100%", score=4)  # funds block shows 91.56%
    rows = changed(rows, 15, actual="333元/人")  # 41.2万元 / 1236人
    return _children(project="2023年农村留守儿童之家运行经费", spent=41.2, rows=rows, report=[],
                     achieved="全年服务留守儿童1236人，开展关爱活动52场；结余3.8万元结转下年使用。")


def _report_total_wrong() -> JiangxiForm:
    form = _festival(project="2024年春节走访慰问困难老党员资金")
    form.report = [p.replace("综合得分99分", "综合得分92分") for p in form.report]
    return form


def _festival_2023_missed() -> JiangxiForm:
    """The same phrasing in a 2023 form: 春节 fell on 22 January 2023, so 2月8日 is late."""
    rows = _festival_rows()
    return _festival(year=2023, project="2023年春节走访慰问困难群众资金", rows=rows, report=[],
                     expected="春节前完成对全市400户困难群众的走访慰问，每户慰问金2000元。")


FORMS = [
    FormCase("jiangxi_01_liushou_ertong", "jiangxi_dept", _written(_children),
             "seed-like 部门评价, ☑ grade, 评价报告 sheet with consistent figures"),
    FormCase("jiangxi_02_laji_zhili", "jiangxi_dept", _written(_garbage),
             "小计 rows, 评分说明 row, budget cut explained, missed deadline scored in the lower band"),
    FormCase("jiangxi_03_chunjie_weiwen_2024", "jiangxi_dept", _written(_festival),
             "2024 春节前 met by 2月8日前全部发放, ☑ grade spread over four cells, report"),
    FormCase("jiangxi_04_gonggong_cesuo", "jiangxi_dept", _written(_toilet),
             "评价方式 row, blank 等次 cell, 执行率 as a % number, date cell actual"),
    FormCase("jiangxi_05_weishengyuan_shebei", "jiangxi_dept", _written(_clinic),
             "unit prices and contract price as cost indicators, 第三季度, 上半年 met by a date cell"),
    FormCase(
        "jiangxi_06_laji_shouyun", "jiangxi_dept", _written(_subtotal_wrong),
        "产出 小计 is not the sum of its rows",
        faults=(Fault(SHEET, "G31", "项目产出小计得分应为各三级指标得分之和26.89分，表中为27.89分"),),
    ),
    FormCase(
        "jiangxi_07_kunjing_ertong", "jiangxi_dept", _written(_grade_wrong),
        "grade 优 ticked for a 良 total",
        faults=(Fault(SHEET, "B33", "总分88.4分应为“良”，表中勾选“优”"),),
    ),
    FormCase(
        "jiangxi_08_ertong_zhijia", "jiangxi_dept", _written(_rate_indicator_wrong),
        "预算执行率 indicator 100% while the funds block shows 91.56%",
        faults=(Fault(SHEET, "E20", "资金表执行率为91.56%，预算执行率指标完成值却填100%并得满分", also=("G20",)),),
    ),
    FormCase(
        "jiangxi_09_lao_dangyuan", "jiangxi_dept", _written(_report_total_wrong),
        "report states 92 points, the form 99",
        faults=(Fault(REPORT, "A6", "报告称综合得分92分，评价表总分为99分"),),
    ),
    FormCase(
        "jiangxi_10_chunjie_weiwen_2023", "jiangxi_dept", _written(_festival_2023_missed),
        "2023 春节 (22 January) deadline, paid by 8 February, full marks",
        faults=(Fault(SHEET, "G26", "2023年春节为1月22日，慰问金2月8日前才发放完毕，未按期完成却得满分10分", also=("E26", "H26")),),
    ),
    FormCase("jiangxi_11_kehou_fuwu", "jiangxi_dept", _written(_after_school),
             "小计 rows, 评价方式 row, blank 等次, 约2.3万人, 每学期结束后1个月内 / 按学期及时拨付"),
    FormCase("jiangxi_12_fanghuo_jiankong", "jiangxi_dept", _written(_cameras),
             "date cell met, ≤24小时 / 平均8小时, spread ☑ grade, report with counts"),
    FormCase("jiangxi_13_anfang_gongcheng", "jiangxi_dept", _written(_road_safety),
             "一级 labels without weights, 良 ticked, shortfalls scored B/A, A/B and in band, all explained"),
]
