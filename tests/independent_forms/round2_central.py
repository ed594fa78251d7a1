"""Round 2: 项目支出绩效自评表 in the layout that followed 财预〔2021〕101号 (openpyxl, by hand).

What the central template looks like after 《中央部门项目支出核心绩效目标和指标设置及取值
指引（试行）》 (财预〔2021〕101号, text seen at lsrwf.cn/news/708af42006d811ec81694b356a0c000d)
and the provinces that copied it: 成本指标 is a 一级指标 of its own, with the 二级
经济成本指标 / 社会成本指标 / 生态环境成本指标, beside 产出 / 效益 / 满意度; an 二级 that
does not apply to the project is kept as a row marked 不适用 (or 无) with no 分值, as the
Anhui 2022 download leaves an empty 经济效益指标 row (anthempetcare.com/upload_cz/download?id=502364).

Ten columns: a vertical 绩效指标 label, 一级 / 二级 / 三级, 年度指标值 holding the comparator
and the number, the unit in a separate 计量单位 column, 实际完成值 as a bare number, 分值,
得分, 偏差原因分析及改进措施. Funds block 年初预算数 / 全年预算数 / 全年执行数 / 分值 /
执行率 / 得分 with the 10 funds points in 总分 (Σ 三级 = 90, split 产出 40 / 成本 10 /
效益 30 / 满意度 10). No 评价等次 row (the central form has none); notes under the table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side

from tests.independent_forms import _figures as fig
from tests.independent_forms import _round2 as r2
from tests.independent_forms._case import Fault, FormCase
from tests.independent_forms._cells import merge as _merge
from tests.independent_forms._rows import Ind, changed, groups, runs

SHEET = "项目支出绩效自评表"
FIRST = 13  # first indicator row
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
NOTE_WEIGHTS = (
    "注：1.一级指标分值设置为：产出指标40分、成本指标10分、效益指标30分、满意度指标10分，预算执行率10分。"
    "2.不适用的二级指标保留行次、不设分值。3.定量指标以年度指标值为准，实际完成值单位与计量单位一致。"
)
NOTE_SIGN = "填报人：              联系电话：              填报日期："


@dataclass
class Money:
    initial: float | None
    budget: float | None
    spent: float | None


@dataclass
class CentralForm:
    year: int
    project: str
    department: str
    implementer: str
    total: Money
    fiscal: Money
    expected: str
    achieved: str
    rows: list[Ind]
    carryover: Money | None = None
    other: Money | None = None
    rate_override: float | None = None  # the 执行率 as written, when it is not B/A
    funds_score_override: float | None = None
    notes: tuple[str, ...] = (NOTE_WEIGHTS, NOTE_SIGN)
    merge_l1_l2: tuple[str, ...] = ()  # 一级 labels whose rows merge 一级 and 二级 into one cell (B:C)
    date_format: str = 'yyyy"年"m"月"d"日"'

    @property
    def rate(self) -> float:
        if self.rate_override is not None:
            return self.rate_override
        return r2.funds(self.total.spent, self.total.budget)[0]

    @property
    def funds_score(self) -> float:
        if self.funds_score_override is not None:
            return self.funds_score_override
        return r2.funds(self.total.spent, self.total.budget)[1]

    @property
    def total_score(self) -> float:
        return fig.total(r2.score_sum(self.rows), self.funds_score)


def write(path: Path, form: CentralForm) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    _merge(ws, "A1:J1", "项目支出绩效自评表")
    ws["A1"].font = Font(name="方正小标宋简体", size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    _merge(ws, "A2:J2", f"（{form.year}年度）")
    ws["A2"].alignment = Alignment(horizontal="center")
    ws["A3"] = "项目名称"
    _merge(ws, "B3:J3", form.project)
    ws["A4"] = "主管部门"
    _merge(ws, "B4:E4", form.department)
    ws["F4"] = "实施单位"
    _merge(ws, "G4:J4", form.implementer)

    _merge(ws, "A5:A9", "项目资金\n（万元）")
    _merge(ws, "B5:C5")
    for col, label in zip("DEFGHI", ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")):
        ws[f"{col}5"] = label
    money_rows = (("年度资金总额", form.total), ("其中：当年财政拨款", form.fiscal),
                  ("上年结转资金", form.carryover), ("其他资金", form.other))
    for r, (label, money) in enumerate(money_rows, start=6):
        _merge(ws, f"B{r}:C{r}", label)
        if money is None:
            continue
        for col, value in zip("DEF", (money.initial, money.budget, money.spent)):
            if value is not None:
                ws[f"{col}{r}"] = value
                ws[f"{col}{r}"].number_format = "0.00"
    ws["G6"] = 10
    ws["H6"] = form.rate
    ws["H6"].number_format = "0.00%"
    ws["I6"] = form.funds_score

    _merge(ws, "A10:A11", "年度总体目标")
    _merge(ws, "B10:F10", "预期目标")
    _merge(ws, "G10:J10", "实际完成情况")
    _merge(ws, "B11:F11", form.expected)
    _merge(ws, "G11:J11", form.achieved)

    heads = ("一级指标", "二级指标", "三级指标", "年度指标值", "计量单位", "实际完成值", "分值", "得分",
             "偏差原因分析及改进措施")
    for col, label in zip("BCDEFGHIJ", heads):
        ws[f"{col}{FIRST - 1}"] = label
    r = FIRST
    for group in groups(form.rows):
        first = r
        merged_levels = group[0].l1 in form.merge_l1_l2
        for run in runs(group):
            start = r
            for ind in run:
                ws[f"D{r}"], ws[f"E{r}"], ws[f"F{r}"] = ind.name, ind.target, ind.unit or None
                ws[f"G{r}"], ws[f"H{r}"], ws[f"I{r}"] = ind.actual, ind.weight, ind.score
                ws[f"J{r}"] = ind.why or None
                if isinstance(ind.actual, dt.date):
                    ws[f"G{r}"].number_format = form.date_format
                r += 1
            if not merged_levels:
                _merge(ws, f"C{start}:C{r - 1}", run[0].l2)
        if merged_levels:
            _merge(ws, f"B{first}:C{r - 1}", group[0].l1)
        else:
            _merge(ws, f"B{first}:B{r - 1}", group[0].l1)
    _merge(ws, f"A{FIRST - 1}:A{r - 1}", "绩效\n指标")
    _merge(ws, f"B{r}:G{r}", "总分")
    ws[f"H{r}"] = 100
    ws[f"I{r}"] = form.total_score
    last = r
    for note in form.notes:
        r += 1
        _merge(ws, f"A{r}:J{r}", note)
    for row in ws.iter_rows(min_row=3, max_row=last, max_col=10):
        for cell in row:
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    for col, width in zip("ABCDEFGHIJ", (6, 11, 13, 24, 12, 9, 14, 7, 7, 26)):
        ws.column_dimensions[col].width = width
    wb.save(path)


def _written(build: Callable[[], CentralForm], *, weights_add_up: bool = True) -> Callable[[Path], None]:
    return r2.written(write, build, 90, weights_add_up=weights_add_up)


OUT, COST, EFF, SAT = "产出指标", "成本指标", "效益指标", "满意度指标"
NA = "不适用"

# ---------------------------------------------------------------- forms


def _weather() -> CentralForm:
    rows = [
        Ind(OUT, "数量指标", "维护国家级地面气象观测站数量", "≥105", 105, 10, 10, unit="个"),
        Ind(OUT, "数量指标", "设备巡检次数", "≥4", 4, 5, 5, unit="次/站·年"),
        Ind(OUT, "质量指标", "观测数据业务可用率", "≥98", 99.2, 10, 10, unit="%"),
        Ind(OUT, "质量指标", "设备故障修复及时率", "≥95", 96.8, 5, 5, unit="%"),
        Ind(OUT, "时效指标", "汛期前巡检完成时间", "5月31日前", "5月26日完成", 5, 5),
        Ind(OUT, "时效指标", "备件采购到货时间", "第三季度", "8月到货", 5, 5),
        Ind(COST, "经济成本指标", "单站年均维护成本", "≤4.6", 4.56, 6, 6, unit="万元/站"),
        Ind(COST, "社会成本指标", "本项目不涉及", NA, NA, "/", "/"),
        Ind(COST, "生态环境成本指标", "废旧蓄电池规范处置率", "=100", 100, 4, 4, unit="%"),
        Ind(EFF, "社会效益指标", "气象预警信息公众覆盖率", "≥95", 97.3, 10, 10, unit="%"),
        Ind(EFF, "社会效益指标", "为防灾减灾提供观测数据支撑", "有效支撑", "达到预期", 10, 10),
        Ind(EFF, "可持续影响指标", "观测站网稳定运行", "长期", "持续稳定运行", 10, 10),
        Ind(SAT, "服务对象满意度指标", "用户单位满意度", "≥90", 93, 10, 10, unit="%"),
    ]
    return CentralForm(
        year=2023,
        project="国家级地面气象观测站设备运行维护",
        department="中国气象局",
        implementer="新疆维吾尔自治区气象局",
        total=Money(486.5, 486.5, 479.28),
        fiscal=Money(486.5, 486.5, 479.28),
        expected="对全区105个国家级地面气象观测站开展设备巡检、维护和备件更换，观测数据业务可用率不低于98%。",
        achieved="完成105个站点维护，每站巡检4次，观测数据业务可用率99.2%，备件8月到货，站网运行稳定。",
        rows=rows,
    )


def _levee() -> CentralForm:
    o, c, e, s = "产出指标（40分）", "成本指标（10分）", "效益指标（30分）", "满意度指标（10分）"
    rows = [
        Ind(o, "数量指标", "堤防工程维修养护长度", "≥186", 186, 8, 8, unit="公里"),
        Ind(o, "数量指标", "险工坝垛维修养护", "≥1,240", "1,252", 7, 7, unit="道"),
        Ind(o, "质量指标", "工程维修养护考核合格率", "=100", 100, 8, 8, unit="%"),
        Ind(o, "质量指标", "水毁工程修复验收合格率", "100%", "100%（已通过汛前检查）", 7, 7),
        Ind(o, "时效指标", "汛前工程检查完成时间", "6月15日前", dt.date(2023, 6, 12), 5, 5),
        Ind(o, "时效指标", "水毁工程修复完成时间", "10月底前", "按期完成", 5, 5),
        Ind(c, "经济成本指标", "项目总成本", "≤2412.6", 2398.47, 6, 6, unit="万元"),
        Ind(c, "社会成本指标", "施工临时占用耕地", "≤0", 0, 2, 2, unit="亩"),
        Ind(c, "生态环境成本指标", "施工期新增水土流失", "不发生", "未发生", 2, 2),
        Ind(e, "社会效益指标", "黄河下游安全度汛", "确保安全度汛", "实现安全度汛", 10, 10),
        Ind(e, "生态效益指标", "堤防防护林成活率", "≥90", 93, 10, 10, unit="%"),
        Ind(e, "可持续影响指标", "工程完好率", "≥95", 96.5, 10, 10, unit="%"),
        Ind(s, "服务对象满意度指标", "沿黄群众满意度", "≥90", 94.6, 10, 10, unit="%"),
    ]
    return CentralForm(
        year=2023,
        project="黄河下游防洪工程维修养护",
        department="水利部",
        implementer="黄河水利委员会河南黄河河务局",
        total=Money(2360, 2412.6, 2398.47),
        fiscal=Money(2360, 2412.6, 2398.47),
        expected="完成186公里堤防和1240道险工坝垛维修养护，10月底前完成水毁工程修复，确保黄河下游安全度汛。",
        achieved="汛后水毁修复年中追加预算52.6万元；全年完成堤防养护186公里、坝垛养护1252道，水毁工程按期修复，实现安全度汛。",
        rows=rows,
        date_format='yyyy"年"m"月"d"日"',
    )


def _desert() -> CentralForm:
    rows = [
        Ind(OUT, "数量指标", "长期定位观测样地数量", "≥24", 24, 8, 8, unit="个"),
        Ind(OUT, "数量指标", "发布观测数据集", "≥3", 2, 6, 4, unit="套",
            why="1套数据集因质控复核延至次年发布；已安排专人跟进，次年一季度发布。"),
        Ind(OUT, "质量指标", "观测数据完整率", "≥95", 97.6, 8, 8, unit="%"),
        Ind(OUT, "质量指标", "野外仪器完好率", "≥90", 92, 6, 6, unit="%"),
        Ind(OUT, "时效指标", "年度观测数据汇交时间", "次年1月31日前", "2024年1月18日完成汇交", 6, 6),
        Ind(OUT, "时效指标", "台站运维合同签订", "第一季度", "3月完成", 6, 6),
        Ind(COST, "经济成本指标", "样地年均观测成本", "≤12.5", 12.36, 10, 10, unit="万元/个"),
        Ind(COST, "社会成本指标", "无", "/", "/", None, None),
        Ind(COST, "生态环境成本指标", "无", "/", "/", None, None),
        Ind(EFF, "社会效益指标", "为区域生态保护决策提供数据支撑", "有效支撑", "效果显著", 10, 10),
        Ind(EFF, "生态效益指标", "台站周边植被恢复监测", "持续开展", "持续开展", 10, 10),
        Ind(EFF, "可持续影响指标", "观测数据共享服务能力", "持续提升", "持续提升", 10, 10),
        Ind(SAT, "服务对象满意度指标", "数据用户满意度", "≥85", 90, 10, 10, unit="%"),
    ]
    return CentralForm(
        year=2023,
        project="荒漠生态系统野外观测台站运行费",
        department="中国科学院",
        implementer="中国科学院新疆生态与地理研究所",
        total=Money(318, 318, 296.74),
        fiscal=Money(318, 318, 296.74),
        expected="维持24个长期定位观测样地运行，发布观测数据集3套，数据完整率95%以上。",
        achieved="24个样地全年运行正常，数据完整率97.6%；发布数据集2套，另1套延至次年一季度发布。",
        rows=rows,
        notes=(NOTE_WEIGHTS, "注：社会成本指标、生态环境成本指标本项目不涉及，填“无”。", NOTE_SIGN),
    )


def _forest() -> CentralForm:
    rows = [
        Ind(COST, "经济成本指标", "扑火物资储备采购成本", "≤420", 416.8, 5, 5, unit="万元"),
        Ind(COST, "经济成本指标", "防火瞭望塔维护单价", "≤3.5", 3.42, 5, 5, unit="万元/座"),
        Ind(COST, "社会成本指标", "—", NA, NA, None, None),
        Ind(OUT, "数量指标", "专业扑火队伍培训", "≥1,200", "1,286", 10, 10, unit="人次"),
        Ind(OUT, "数量指标", "维护防火瞭望塔", "≥64", 64, 5, 5, unit="座"),
        Ind(OUT, "质量指标", "扑火物资验收合格率", "=100", 100, 10, 10, unit="%"),
        Ind(OUT, "时效指标", "春季防火物资到位时间", "3月15日前", dt.date(2022, 3, 10), 10, 10),
        Ind(OUT, "时效指标", "秋季防火期巡护", "按期", "按期完成", 5, 5),
        Ind(EFF, "生态效益指标", "森林火灾受害率", "≤0.9", 0.12, 10, 10, unit="‰"),
        Ind(EFF, "社会效益指标", "重特大森林火灾", "0", 0, 10, 10, unit="起"),
        Ind(EFF, "可持续影响指标", "森林防火长效机制", "健全", "达到预期", 10, 10),
        Ind(SAT, SAT, "林区职工群众满意度", "≥90", 95, 10, 10, unit="%"),
    ]
    return CentralForm(
        year=2022,
        project="重点国有林区森林防火补助",
        department="国家林业和草原局",
        implementer="内蒙古大兴安岭重点国有林管理局",
        total=Money(1280, 1280, 1280),
        fiscal=Money(1280, 1280, 1280),
        expected="3月15日前完成春防物资储备，培训专业扑火队员1200人次，维护瞭望塔64座，不发生重特大森林火灾。",
        achieved="春防物资3月10日全部到位，培训1286人次，维护瞭望塔64座，森林火灾受害率0.12‰，未发生重特大森林火灾。",
        rows=rows,
        merge_l1_l2=(SAT,),
        date_format='m"月"d"日"',
    )


def _survey() -> CentralForm:
    rows = [
        Ind(OUT, "数量指标", "运维调查终端设备数量", "≥2,300", "2,316", 8, 8, unit="台"),
        Ind(OUT, "数量指标", "开展系统等级保护测评", "1", 1, 6, 6, unit="次"),
        Ind(OUT, "质量指标", "系统年度可用率", "≥99.5", 99.1, 8, fig.ratio_score(99.1, 99.5, 8), unit="%",
            why="6月机房供电线路检修导致系统中断约30小时；已增配UPS不间断电源。"),
        Ind(OUT, "质量指标", "等保测评结果", "达到三级要求", "达到预期", 6, 6),
        Ind(OUT, "时效指标", "故障响应时间", "≤2", 1.5, 6, 6, unit="小时"),
        Ind(OUT, "时效指标", "等保测评完成时间", "国庆节前", "9月22日完成", 6, 6),
        Ind(COST, "经济成本指标", "终端年均运维成本", "≤700", 640, 10, 10, unit="元/台"),
        Ind(COST, "社会成本指标", "本项目不涉及", NA, NA, "/", "/"),
        Ind(COST, "生态环境成本指标", "本项目不涉及", NA, NA, "/", "/"),
        Ind(EFF, "社会效益指标", "统计数据采集及时性", "及时", "及时", 15, 15),
        Ind(EFF, "可持续影响指标", "调查数据质量", "持续提升", "持续提升", 15, 15),
        Ind(SAT, "服务对象满意度指标", "调查户及基层调查员满意度", "≥90", 92.4, 10, 10, unit="%"),
    ]
    return CentralForm(
        year=2024,
        project="住户调查数据采集系统运行维护",
        department="国家统计局",
        implementer="国家统计局甘肃调查总队",
        total=Money(156, 168.4, 160.18),
        fiscal=Money(156, 156, 147.78),
        carryover=Money(0, 12.4, 12.4),
        expected="保障2300台以上调查终端和数据采集系统稳定运行，系统可用率99.5%以上，国庆节前完成等级保护测评。",
        achieved="运维终端2316台，系统可用率99.1%（6月供电检修中断约30小时），等保测评9月22日完成，上年结转12.4万元已全部支出。",
        rows=rows,
    )


def _dredging(**change) -> CentralForm:
    rows = [
        Ind(OUT, "数量指标", "河口段河道疏浚长度", "≥14", 14.3, 10, 10, unit="公里"),
        Ind(OUT, "数量指标", "疏浚土方量", "≥96", 97.2, 5, 5, unit="万立方米"),
        Ind(OUT, "质量指标", "疏浚工程验收合格率", "=100", 100, 10, 10, unit="%"),
        Ind(OUT, "时效指标", "疏浚工程完工时间", "汛期前", "6月20日完工", 10, 10),
        Ind(OUT, "时效指标", "工程结算完成时间", "11月底前", "11月24日完成", 5, 5),
        Ind(COST, "经济成本指标", "项目总成本", "≤860", 843.6, 6, 6, unit="万元"),
        Ind(COST, "社会成本指标", "本项目不涉及", NA, NA, "/", "/"),
        Ind(COST, "生态环境成本指标", "疏浚弃土规范处置率", "=100", 100, 4, 4, unit="%"),
        Ind(EFF, "社会效益指标", "河口段行洪能力", "明显提升", "明显提升", 10, 10),
        Ind(EFF, "生态效益指标", "河口湿地补水面积", "≥3.5", 3.8, 10, 10, unit="万亩"),
        Ind(EFF, "可持续影响指标", "河道长效管护机制", "健全", "达到预期", 10, 10),
        Ind(SAT, "服务对象满意度指标", "沿河群众满意度", "≥90", 92, 10, 10, unit="%"),
    ]
    form = CentralForm(
        year=2023,
        project="黄河河口段河道疏浚工程",
        department="水利部",
        implementer="黄河水利委员会山东黄河河务局",
        total=Money(860, 860, 843.6),
        fiscal=Money(860, 860, 843.6),
        expected="汛期前完成河口段14公里河道疏浚，疏浚土方96万立方米以上，提升河口段行洪能力。",
        achieved="6月20日完成疏浚14.3公里、土方97.2万立方米，工程验收合格，结算审减后支出843.6万元。",
        rows=rows,
    )
    return replace(form, **change)


def _dredging_cost_not_spent() -> CentralForm:
    form = _dredging(project="黄河河口段清淤疏浚工程")
    form.rows = changed(form.rows, 5, actual=851.2)  # 项目总成本 851.2万元, but the funds block spent 843.6万元
    return form


def _relics() -> CentralForm:
    o, c, e, s = "产出指标", "成本指标", "效益指标", "满意度指标"
    rows = [
        Ind(o, "数量指标", "完成古建筑本体修缮", "≥6", 6, 10, 10, unit="处"),
        Ind(o, "数量指标", "安防监控点位建设", "≥48", 52, 5, 5, unit="个"),
        Ind(o, "质量指标", "修缮工程竣工验收合格率", "=100", 100, 10, 10, unit="%"),
        Ind(o, "时效指标", "修缮方案报批时间", "4月底前", "4月18日获批", 5, 5),
        Ind(o, "时效指标", "修缮工程竣工时间", "11月底前", "11月22日竣工", 10, 10),
        Ind(c, "经济成本指标", "单处修缮平均成本", "≤110", 104.5, 6, 6, unit="万元/处"),
        Ind(c, "社会成本指标", "修缮期间闭馆天数", "≤60", 45, 4, 4, unit="天"),
        Ind(c, "生态环境成本指标", "本项目不涉及", NA, NA, "/", "/"),
        Ind(e, "社会效益指标", "文物本体安全状况", "明显改善", "明显改善", 10, 10),
        Ind(e, "社会效益指标", "文物开放展示水平", "有所提升", "基本达到预期", 10, 8,
            why="2处修缮后展陈尚未布置完成；次年上半年完成展陈。"),
        Ind(e, "可持续影响指标", "文物日常巡查养护机制", "健全", "达到预期", 10, 10),
        Ind(s, "服务对象满意度指标", "游客满意度", "≥90", 94, 10, 10, unit="%"),
    ]
    return CentralForm(
        year=2023,
        project="省级文物保护专项资金（古建筑修缮）",
        department="陕西省文物局",
        implementer="韩城市文物旅游中心",
        total=Money(680, 680, 668.9),
        fiscal=Money(680, 680, 668.9),
        expected="完成6处古建筑本体修缮和48个安防监控点位建设，11月底前竣工，改善文物安全状况。",
        achieved="6处修缮工程11月22日竣工并验收合格，建成监控点位52个；2处展陈布置延至次年上半年。",
        rows=rows,
    )


def _relics_basic_full() -> CentralForm:
    form = _relics()
    form.project = "省级文物保护专项资金（古建筑保护修缮）"
    form.rows = changed(form.rows, 9, score=10)  # 基本达到预期 scored 10 of 10
    return form


def _meals() -> CentralForm:
    rows = [
        Ind(OUT, "数量指标", "享受营养膳食补助学生人数", "≥14,000", "14,120", 10, 10, unit="人"),
        Ind(OUT, "数量指标", "补助学校数量", "≥126", 126, 5, 5, unit="所"),
        Ind(OUT, "质量指标", "食品安全抽检合格率", "≥98", 99.3, 10, 10, unit="%"),
        Ind(OUT, "时效指标", "春季学期补助资金拨付", "3月底前", "3月24日拨付", 5, 5),
        Ind(OUT, "时效指标", "秋季学期补助资金拨付", "9月底前", "9月20日拨付", 10, 10),
        Ind(COST, "经济成本指标", "生均膳食补助标准", "≤5", 5, 10, 10, unit="元/生·天"),
        Ind(COST, "社会成本指标", "本项目不涉及", NA, NA, "/", "/"),
        Ind(COST, "生态环境成本指标", "本项目不涉及", NA, NA, "/", "/"),
        Ind(EFF, "社会效益指标", "学生营养健康状况", "持续改善", "持续改善", 15, 15),
        Ind(EFF, "可持续影响指标", "营养改善计划长效机制", "健全", "达到预期", 15, 15),
        Ind(SAT, "服务对象满意度指标", "学生及家长满意度", "≥90", 95.2, 10, 10, unit="%"),
    ]
    return CentralForm(
        year=2023,
        project="农村义务教育学生营养改善计划膳食补助",
        department="甘肃省教育厅",
        implementer="定西市安定区教育局",
        total=Money(1500, 1500, 1418.36),
        fiscal=Money(1500, 1500, 1418.36),
        expected="为126所学校1.4万名农村义务教育学生按每生每天5元标准提供营养膳食补助。",
        achieved="全年补助学生14120人，春秋两季补助资金按期拨付，食品安全抽检合格率99.3%。",
        rows=rows,
    )


def _meals_rate_wrong() -> CentralForm:
    form = _meals()
    form.project = "农村义务教育学生营养改善计划（膳食补助）"
    form.rate_override = 0.965  # 1418.36 / 1500 = 94.56%
    form.funds_score_override = 9.65  # scored on the wrong rate
    return form


FORMS = [
    FormCase("round2_central_01_qixiang_guance", "round2_central", _written(_weather),
             "成本指标 as 一级, unit in 计量单位 column, bare % numbers, 不适用 row with “/”, 第三季度 / 8月到货"),
    FormCase("round2_central_02_huanghe_difang", "round2_central", _written(_levee),
             "weights in 一级 labels incl. 成本指标（10分）, 项目总成本 = 执行数, budget raise explained (追加), "
             "≥1,240 / 1,252, 100%（已通过汛前检查）, 年月日 date cell"),
    FormCase("round2_central_03_huangmo_taizhan", "round2_central", _written(_desert),
             "无 rows with “/” and blank 分值, shortfall scored B/A and explained, 次年1月31日前 met, 效果显著 / 持续提升"),
    FormCase("round2_central_04_senlin_fanghuo", "round2_central", _written(_forest),
             "成本指标 first, two money cost rows, 一级/二级 merged into one cell for 满意度, m月d日 date cell, ‰, 0起"),
    FormCase("round2_central_05_zhuhu_diaocha", "round2_central", _written(_survey),
             "上年结转 explains the budget change, decimal score 7.97 explained, 国庆节前 / 9月22日完成, 元/台 cost"),
    FormCase(
        "round2_central_06_hekou_shujun", "round2_central", _written(_dredging_cost_not_spent),
        "项目总成本 ≤ 全年预算数, its 实际完成值 not the 执行数",
        faults=(Fault(SHEET, "G18", "项目总成本指标完成值851.2万元，与资金表全年执行数843.6万元不一致"),),
    ),
    FormCase("round2_central_07_wenwu_xiushan", "round2_central", _written(_relics),
             "provincial use of the 101号 layout, 基本达到预期 at 80% explained, 社会成本 as days"),
    FormCase(
        "round2_central_08_wenwu_baohu", "round2_central", _written(_relics_basic_full),
        "基本达到预期 scored full",
        faults=(Fault(SHEET, "I22", "文物开放展示水平完成值为“基本达到预期”，得分最多为分值的80%即8分，表中为满分10分",
                      also=("G22", "J22")),),
    ),
    FormCase(
        "round2_central_09_yingyang_gaishan", "round2_central", _written(_meals_rate_wrong),
        "执行率 96.50% for 1418.36/1500",
        faults=(Fault(SHEET, "H6", "全年执行数1418.36万元/全年预算数1500万元=94.56%，表中执行率填96.50%",
                      also=("I6", "I24")),),
    ),
    FormCase("round2_central_10_yingyang_buzhu", "round2_central", _written(_meals),
             "two 不适用 成本 rows, 生均 cost met at the cap (≤5 / 5), 14,120 人"),
]
