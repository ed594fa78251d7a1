"""Round 2: provincial 项目支出绩效自评表 with 权重 instead of 分值 (openpyxl, by hand).

The east-coast county form: a 填报单位（盖章） line with “金额单位：元” at the top right, a
项目负责人 / 联系电话 row, a 预算执行情况 block (年初预算数 / 全年预算数 / 全年执行数 / 权重 /
执行率 / 得分) with its own 偏差原因 cell — the column Sichuan calls 原因 (dyxrmt.cn/article-157795-21.html,
where 权重 also replaces 分值) — then the 产出 50 / 效益 30 / 满意度 10 indicators with 权重,
得分 and 未完成原因分析及改进措施, a 合计 or 总分 row, a 自评等级 line and notes.

What differs from round 1: money in 元 (numbers shown with thousands separators, or text
“3,460,000.00”); decimal weights such as 7.5 (weights of 22.5 appear in dyrmt.com/article-132779-22.html);
percentages stored as fractions under a % format and as a bare 95; targets written with
以上 / 不少于 / 不低于 / 不超过 / ranges (2~3次); the 一级 and 二级 merged into one cell for
满意度; a hidden 指标编码 column exported by the budget system and hidden template rows the
clerk did not use (hidden, not deleted — what a printed form does not show).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side

from tests.independent_forms import _figures as fig
from tests.independent_forms import _round2 as r2
from tests.independent_forms._case import Fault, FormCase
from tests.independent_forms._cells import merge as _merge
from tests.independent_forms._rows import Ind, Shown, groups, runs

SHEET = "自评表"
FIRST = 13
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


@dataclass
class WeightForm:
    year: int
    project: str
    department: str
    implementer: str
    manager: str
    phone: str
    initial: float
    budget: float
    spent: float
    expected: str
    achieved: str
    rows: list[Ind]
    money_unit: str = "元"  # the unit every money cell is in
    unit_at_top: bool = True  # “金额单位：元” in row 2 (else in the block label)
    money_text: bool = False  # money written as text “3,460,000.00”
    money_format: str = "#,##0.00"
    rate_text: bool = False
    funds_reason: str = ""
    codes: bool = False  # a hidden 指标编码 column K
    template_rows: int = 0  # unused template rows, hidden, before the total row
    total_label: str = "总分"
    grade_line: bool = True
    merge_sat: bool = True  # 满意度 rows: 一级 and 二级 in one merged cell
    notes: tuple[str, ...] = ()
    date_format: str = "yyyy/m/d"
    total_weight: float = 100

    @property
    def rate(self) -> float:
        return r2.funds(self.spent, self.budget)[0]

    @property
    def funds_score(self) -> float:
        return r2.funds(self.spent, self.budget)[1]

    @property
    def total(self) -> float:
        return fig.total(r2.score_sum(self.rows), self.funds_score)


def _money(ws, ref: str, value: float, form: WeightForm) -> None:
    if form.money_text:
        ws[ref] = f"{value:,.2f}"
    else:
        ws[ref] = value
        ws[ref].number_format = form.money_format


def _put(ws, ref: str, value: object, form: WeightForm) -> None:
    if isinstance(value, Shown):
        ws[ref] = value.value
        ws[ref].number_format = value.number_format
    else:
        ws[ref] = value
        if isinstance(value, dt.date):
            ws[ref].number_format = form.date_format


def write(path: Path, form: WeightForm) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    _merge(ws, "A1:J1", f"{form.year}年度项目支出绩效自评表")
    ws["A1"].font = Font(name="黑体", size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    _merge(ws, "A2:F2", f"填报单位（盖章）：{form.implementer}")
    if form.unit_at_top:
        _merge(ws, "G2:J2", f"金额单位：{form.money_unit}")
        ws["G2"].alignment = Alignment(horizontal="right")
    ws["A3"] = "项目名称"
    _merge(ws, "B3:J3", form.project)
    ws["A4"] = "主管部门"
    _merge(ws, "B4:E4", form.department)
    ws["F4"] = "实施单位"
    _merge(ws, "G4:J4", form.implementer)
    ws["A5"] = "项目负责人"
    _merge(ws, "B5:E5", form.manager)
    ws["F5"] = "联系电话"
    _merge(ws, "G5:J5", form.phone)

    block = "预算执行情况" if form.unit_at_top else f"项目资金（{form.money_unit}）"
    _merge(ws, "A6:A9", block)
    for col, label in zip("CDEFGH", ("年初预算数", "全年预算数", "全年执行数", "权重", "执行率", "得分")):
        ws[f"{col}6"] = label
    _merge(ws, "I6:J6", "偏差原因")
    ws["B7"], ws["B8"], ws["B9"] = "年度资金总额", "其中：财政拨款", "其他资金"
    for col, value in zip("CDE", (form.initial, form.budget, form.spent)):
        _money(ws, f"{col}7", value, form)
        _money(ws, f"{col}8", value, form)
    ws["F7"] = 10
    if form.rate_text:
        ws["G7"] = fig.percent_text(form.rate)
    else:
        ws["G7"] = form.rate
        ws["G7"].number_format = "0.00%"
    ws["H7"] = form.funds_score
    _merge(ws, "I7:J9", form.funds_reason or None)

    _merge(ws, "A10:A11", "年度总体目标")
    _merge(ws, "B10:E10", "预期目标")
    _merge(ws, "F10:J10", "实际完成情况")
    _merge(ws, "B11:E11", form.expected)
    _merge(ws, "F11:J11", form.achieved)

    heads = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "权重", "得分")
    for col, label in zip("BCDEFGH", heads):
        ws[f"{col}{FIRST - 1}"] = label
    _merge(ws, f"I{FIRST - 1}:J{FIRST - 1}", "未完成原因分析及改进措施")
    if form.codes:
        ws[f"K{FIRST - 1}"] = "指标编码"
    r = FIRST
    for g, group in enumerate(groups(form.rows), start=1):
        first = r
        sat = form.merge_sat and "满意" in group[0].l1
        for k, run in enumerate(runs(group), start=1):
            start = r
            for n, ind in enumerate(run, start=1):
                ws[f"D{r}"] = ind.name
                _put(ws, f"E{r}", ind.target, form)
                _put(ws, f"F{r}", ind.actual, form)
                ws[f"G{r}"], ws[f"H{r}"] = ind.weight, ind.score
                _merge(ws, f"I{r}:J{r}", ind.why or None)
                if form.codes:
                    ws[f"K{r}"] = f"{g:02d}{k:02d}{n:02d}"
                r += 1
            if not sat:
                _merge(ws, f"C{start}:C{r - 1}", run[0].l2)
        _merge(ws, f"B{first}:{'C' if sat else 'B'}{r - 1}", group[0].l1)
    for _ in range(form.template_rows):
        ws[f"D{r}"] = "（请填写三级指标名称）"
        ws.row_dimensions[r].hidden = True
        r += 1
    _merge(ws, f"A{FIRST - 1}:A{r - 1}", "绩效指标")
    _merge(ws, f"B{r}:F{r}", form.total_label)
    ws[f"G{r}"] = form.total_weight
    ws[f"H{r}"] = form.total
    last = r
    if form.grade_line:
        r += 1
        _merge(ws, f"B{r}:F{r}", "自评等级")
        _merge(ws, f"G{r}:J{r}", fig.grade(form.total))
        last = r
    for note in form.notes:
        r += 1
        _merge(ws, f"A{r}:J{r}", note)
    for row in ws.iter_rows(min_row=3, max_row=last, max_col=10):
        for cell in row:
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    for col, width in zip("ABCDEFGHIJK", (6, 10, 12, 24, 14, 16, 7, 7, 14, 14, 10)):
        ws.column_dimensions[col].width = width
    if form.codes:
        ws.column_dimensions["K"].hidden = True
    wb.save(path)


def _written(build: Callable[[], WeightForm], *, weights_add_up: bool = True) -> Callable[[Path], None]:
    return r2.written(write, build, 90, weights_add_up=weights_add_up)


OUT, EFF, SAT = "产出指标", "效益指标", "满意度指标"
SAT2 = "服务对象满意度指标"
PCT1 = "0.0%"
PCT0 = "0%"
NOTES = ("说明：1.执行率=全年执行数/全年预算数，得分=执行率×权重，最高不超过权重。",
         "2.定量指标按实际完成值/年度指标值×权重计分，反向指标按年度指标值/实际完成值×权重计分；"
         "定性指标按达成、部分达成、未达成分档计分。")

# ---------------------------------------------------------------- forms


def _public_health() -> WeightForm:
    rows = [
        Ind(OUT, "数量指标", "65岁及以上老年人健康管理人数", "≥28000人", "28,436人", 8, 8),
        Ind(OUT, "数量指标", "高血压患者规范管理人数", "≥9500人", "9,612人", 7, 7),
        Ind(OUT, "质量指标", "居民电子健康档案建档率", "≥90%", Shown(0.934, PCT1), 8, 8),
        Ind(OUT, "质量指标", "适龄儿童免疫规划疫苗接种率", "≥95%", "98.6%（抽检核实）", 7, 7),
        Ind(OUT, "时效指标", "补助资金拨付", "按季度拨付", "按季度及时拨付", 5, 5),
        Ind(OUT, "时效指标", "年度绩效考核完成时间", "12月20日前", "延期至次年1月10日完成", 5, 2.5,
            why="受年底集中接种任务影响，考核工作延期；下年度提前部署考核。"),
        Ind(OUT, "成本指标", "人均基本公共卫生服务补助标准", "89元/人", "89元/人", 10, 10),
        Ind(EFF, "社会效益指标", "居民健康素养水平", "≥30%", "32.6%", 10, 10),
        Ind(EFF, "社会效益指标", "重点人群健康管理覆盖面", "持续扩大", "效果显著", 10, 10),
        Ind(EFF, "可持续影响指标", "基层医疗卫生服务能力", "持续提升", "持续提升", 10, 10),
        Ind(SAT, SAT2, "居民对基本公共卫生服务满意度", "≥85%", "91.2%", 10, 10),
    ]
    return WeightForm(
        year=2023,
        project="2023年基本公共卫生服务补助资金",
        department="杭州市临平区卫生健康局",
        implementer="杭州市临平区疾病预防控制中心",
        manager="沈建华",
        phone="0571-86236105",
        initial=8650000, budget=8650000, spent=8563246.5,
        expected="按人均89元标准落实基本公共卫生服务补助，65岁及以上老年人健康管理2.8万人以上。",
        achieved="全年管理老年人28436人、高血压患者9612人，建档率93.4%，补助资金按季度拨付；年度考核延期至次年1月完成。",
        rows=rows,
        codes=True,
        notes=NOTES,
    )


def _after_school() -> WeightForm:
    rows = [
        Ind(OUT, "数量指标", "参加课后服务学生人数", "不少于12000人", "11,830人", 7.5,
            fig.ratio_score(11830, 12000, 7.5), why="部分学生转学及家长自愿退出；下学期加强政策宣传。"),
        Ind(OUT, "数量指标", "开展课后服务学校数", "46所", "46所", 7.5, 7.5),
        Ind(OUT, "质量指标", "义务教育学校课后服务覆盖率", "100%", "100%", 7.5, 7.5),
        Ind(OUT, "质量指标", "参与教师培训合格率", "≥95%", "97%", 7.5, 7.5),
        Ind(OUT, "时效指标", "春季学期补助发放", "7月底前", "7月19日发放完毕", 5, 5),
        Ind(OUT, "时效指标", "秋季学期补助发放", "元旦前", "12月27日前全部发放", 5, 5),
        Ind(OUT, "成本指标", "生均课后服务补助标准", "≤300元/生·学期", "260元/生·学期", 10, 10),
        Ind(EFF, "社会效益指标", "家长接送难问题", "有效缓解", "效果显著", 15, 15),
        Ind(EFF, "可持续影响指标", "课后服务长效机制", "健全", "基本健全", 15, 12,
            why="部分学校课后服务管理制度尚需细化；下年度出台全区统一管理办法。"),
        Ind(SAT, SAT2, "学生家长满意度", "≥90%", 95, 10, 10),
    ]
    return WeightForm(
        year=2024,
        project="义务教育课后服务财政补助资金",
        department="南通市海门区教育体育局",
        implementer="南通市海门区教育体育局",
        manager="陆晓东",
        phone="0513-82216637",
        initial=3460000, budget=3120000, spent=3082416,
        expected="为46所义务教育学校1.2万名学生提供课后服务，按学期足额发放补助。",
        achieved="因参与学生数低于预期，年中调减预算34万元；全年服务学生11830人，两季补助均按期发放。",
        rows=rows,
        unit_at_top=False,
        money_text=True,
        template_rows=2,
        total_label="合计",
        notes=NOTES,
    )


def _disability() -> WeightForm:
    rows = [
        Ind(OUT, "数量指标", "困难残疾人生活补贴发放人数", "≥3800人", "3,912人", 10, 10),
        Ind(OUT, "数量指标", "重度残疾人护理补贴发放人数", "≥4200人", "4,306人", 10, 10),
        Ind(OUT, "质量指标", "补贴对象认定准确率", "100%", "100%", 10, 10),
        Ind(OUT, "时效指标", "补贴发放时间", "每月10日前", "按月及时发放", 10, 10),
        Ind(OUT, "成本指标", "困难残疾人生活补贴标准", "80元/人·月", "80元/人·月", 10, 10),
        Ind(EFF, "社会效益指标", "残疾人基本生活保障水平", "有效保障", "达到预期", 15, 15),
        Ind(EFF, "可持续影响指标", "两项补贴动态管理机制", "持续运行", "持续运行", 15, 15),
        Ind(SAT, SAT2, "补贴对象满意度", "90%以上", "96.3%", 10, 10),
    ]
    return WeightForm(
        year=2023,
        project="困难残疾人生活补贴和重度残疾人护理补贴",
        department="莆田市荔城区民政局",
        implementer="莆田市荔城区残疾人联合会",
        manager="林秀琴",
        phone="0594-2285319",
        initial=5184000, budget=5316600, spent=5316600,
        expected="按月足额发放困难残疾人生活补贴和重度残疾人护理补贴，补贴对象认定准确率100%。",
        achieved="年中新增认定对象，追加资金132,600元；全年发放生活补贴3912人、护理补贴4306人。",
        rows=rows,
        money_format='#,##0"元"',
        rate_text=True,
        merge_sat=False,
        notes=NOTES,
    )


def _rural_roads() -> WeightForm:
    rows = [
        Ind(OUT, "数量指标", "农村公路日常养护里程", "≥1260公里", "1,268公里", 8, 8),
        Ind(OUT, "数量指标", "桥梁定期检查", "2~3次", "3次", 6, 6),
        Ind(OUT, "数量指标", "安防设施完善里程", "45公里以上", "46.2公里", 6, 6),
        Ind(OUT, "质量指标", "养护工程验收合格率", "100%", "100%（交工验收合格）", 8, 8),
        Ind(OUT, "质量指标", "优良路率", "不低于80%", Shown(0.83, PCT0), 6, 6),
        Ind(OUT, "时效指标", "汛前隐患排查完成", "第二季度", "5月完成", 4, 4),
        Ind(OUT, "时效指标", "年度养护工程完工时间", "国庆节前", dt.date(2023, 9, 26), 4, 4),
        Ind(OUT, "成本指标", "每公里年均养护成本", "≤1.4万元/公里", "1.35万元/公里", 8, 8),
        Ind(EFF, "社会效益指标", "农村群众出行条件", "明显改善", "明显改善", 10, 10),
        Ind(EFF, "经济效益指标", "农产品运输成本", "有所降低", "有所降低", 10, 10),
        Ind(EFF, "可持续影响指标", "农村公路路长制运行", "常态化", "常态化运行", 10, 10),
        Ind(SAT, SAT2, "沿线群众满意度", "≥85%", "89.6%", 10, 10),
    ]
    return WeightForm(
        year=2023,
        project="农村公路养护工程资金",
        department="清远市清新区交通运输局",
        implementer="清远市清新区公路事务中心",
        manager="黄志强",
        phone="0763-5812046",
        initial=1850, budget=1850, spent=1712.4,
        money_unit="万元",
        expected="完成1260公里农村公路日常养护和45公里安防设施完善，国庆节前完成年度养护工程。",
        achieved="养护1268公里，完善安防设施46.2公里，年度养护工程9月26日完工；预算执行率92.56%。",
        rows=rows,
        codes=True,
        notes=NOTES,
    )


def _farmland() -> WeightForm:
    o, e, s = "产出指标（50分）", "效益指标（30分）", "满意度指标（10分）"
    rows = [
        Ind(o, "数量指标", "新建高标准农田面积", "≥1.2万亩", "1.2万亩", 10, 10),
        Ind(o, "数量指标", "新建及改造灌排渠道", "≥38公里", "39.5公里", 5, 5),
        Ind(o, "质量指标", "工程质量验收合格率", "100%", "100%", 10, 10),
        Ind(o, "时效指标", "项目开工时间", "4月底前", "4月20日开工", 5, 5),
        Ind(o, "时效指标", "工程完工时间", "年底前", "11月底完工", 10, 10),
        Ind(o, "成本指标", "亩均财政投入", "≤1900元/亩", "1944元/亩", 10, fig.ratio_score(1900, 1944, 10),
            why="钢材、水泥等主要材料价格上涨；下年度据实测算亩均投资标准。"),
        Ind(e, "经济效益指标", "项目区粮食亩均增产", "≥50公斤", "56公斤", 10, 10),
        Ind(e, "生态效益指标", "节水灌溉面积占比", "≥60%", Shown(0.64, PCT0), 10, 10),
        Ind(e, "可持续影响指标", "工程设施管护机制", "建立", "已建立并落实管护主体", 10, 10),
        Ind(s, "满意度指标", "项目区农户满意度", "≥90%", "93%", 10, 10),
    ]
    return WeightForm(
        year=2022,
        project="2022年高标准农田建设项目",
        department="菏泽市牡丹区农业农村局",
        implementer="菏泽市牡丹区农田建设服务中心",
        manager="孙立国",
        phone="0530-5961273",
        initial=2400, budget=2400, spent=2332.8,
        money_unit="万元",
        unit_at_top=False,
        expected="新建高标准农田1.2万亩，年底前完工，项目区粮食亩均增产50公斤以上。",
        achieved="新建高标准农田1.2万亩，11月底完工并通过验收，亩均财政投入1944元（材料涨价）。",
        rows=rows,
        total_label="合计",
        notes=NOTES,
    )


def _sewage() -> WeightForm:
    rows = [
        Ind(OUT, "数量指标", "运维污水处理站点数", "≥126个", "126个", 10, 10),
        Ind(OUT, "数量指标", "管网巡查里程", "≥3,600公里", "3,742公里", 5, 5),
        Ind(OUT, "质量指标", "出水水质达标率", "≥95%", "98.7%（第三方检测）", 10, 10),
        Ind(OUT, "质量指标", "设施正常运行率", "≥95%", Shown(0.972, PCT1), 5, 5),
        Ind(OUT, "时效指标", "故障处置时限", "3个工作日以内", "平均1.5个工作日", 5, 5),
        Ind(OUT, "时效指标", "年度水质检测报告报送", "按期", "按期报送", 5, 5),
        Ind(OUT, "成本指标", "单站年均运维费用", "不超过4.5万元/个", "4.28万元/个", 10, 10),
        Ind(EFF, "生态效益指标", "化学需氧量削减量", "≥850吨", "912吨", 10, 10),
        Ind(EFF, "社会效益指标", "农村人居环境", "持续改善", "持续改善", 10, 10),
        Ind(EFF, "可持续影响指标", "运维长效机制", "建立健全", "达到预期", 10, 10),
        Ind(SAT, SAT2, "受益群众满意度", "≥90%", "94.5%", 10, 10),
    ]
    return WeightForm(
        year=2024,
        project="农村生活污水处理设施运维资金",
        department="湖州市吴兴区生态环境分局",
        implementer="湖州市吴兴区农村生活污水治理中心",
        manager="钱丽萍",
        phone="0572-2039581",
        initial=6200000, budget=6200000, spent=5394000,
        expected="对126个农村生活污水处理站点开展专业化运维，出水水质达标率95%以上。",
        achieved="完成126个站点运维和3742公里管网巡查，出水水质达标率98.7%；受管网改造结算延后影响，预算执行率87%。",
        rows=rows,
        funds_reason="受管网改造工程结算延后影响，部分运维费用未在年内支付，预算执行率87%；结余资金已按规定结转，次年一季度支付。",
        codes=True,
        template_rows=3,
        notes=NOTES,
    )


def _culture() -> WeightForm:
    rows = [
        Ind(OUT, "数量指标", "送戏下乡演出场次", "≥240场", "246场", 10, 10),
        Ind(OUT, "数量指标", "公益电影放映场次", "≥1,800场", "1,836场", 5, 5),
        Ind(OUT, "数量指标", "惠民演出观众人次", "20万人次以上", "21.6万人次", 5, 5),
        Ind(OUT, "质量指标", "演出节目审核通过率", "100%", "100%", 10, 10),
        Ind(OUT, "时效指标", "中秋国庆系列演出完成时间", "中秋节前", "10月8日完成全部场次", 5, 5),
        Ind(OUT, "时效指标", "年度演出计划下达时间", "3月底前", "3月15日下达", 5, 5),
        Ind(OUT, "成本指标", "每场演出补助标准", "≤8000元/场", "7,800元/场", 10, 10),
        Ind(EFF, "社会效益指标", "群众精神文化生活", "不断丰富", "效果显著", 15, 15),
        Ind(EFF, "可持续影响指标", "公共文化服务体系", "持续完善", "持续完善", 15, 15),
        Ind(SAT, SAT2, "观众满意度", "≥90%", "96%", 10, 10),
    ]
    return WeightForm(
        year=2023,
        project="公共文化惠民演出补助资金",
        department="盐城市大丰区文化广电和旅游局",
        implementer="盐城市大丰区文化馆",
        manager="王海燕",
        phone="0515-83512468",
        initial=2800000, budget=2800000, spent=2763520,
        expected="全年送戏下乡240场以上，中秋节前完成中秋国庆系列演出，放映公益电影1800场以上。",
        achieved="全年送戏下乡246场、放映公益电影1836场，观众21.6万人次。",
        rows=rows,
        notes=NOTES,
    )


def _clinics() -> WeightForm:
    rows = [
        Ind(OUT, "数量指标", "实施基本药物制度卫生院数", "≥42所", "42所", 10, 10),
        Ind(OUT, "质量指标", "基本药物配备使用率", "≥90%", "93.5%", 10, 10),
        Ind(OUT, "质量指标", "药品零差率销售执行率", "100%", "100%", 10, 10),
        Ind(OUT, "时效指标", "补助资金拨付时间", "第三季度", "9月拨付到位", 10, 10),
        Ind(OUT, "成本指标", "所均补助标准", "≤15万元/所", "14.63万元/所", 10, 10),
        Ind(EFF, "社会效益指标", "群众基本药物费用负担", "有所减轻", "有所减轻", 15, 15),
        Ind(EFF, "可持续影响指标", "基层医疗机构运行", "持续稳定", "持续稳定", 13, 13),
        Ind(SAT, SAT2, "患者满意度", "≥90%", "92.8%", 10, 10),
    ]
    return WeightForm(
        year=2023,
        project="乡镇卫生院实施基本药物制度补助资金",
        department="南平市建阳区卫生健康局",
        implementer="南平市建阳区卫生健康局",
        manager="张丽华",
        phone="0599-5826137",
        initial=620, budget=620, spent=614.5,
        money_unit="万元",
        expected="对42所乡镇卫生院实施基本药物制度给予补助，基本药物配备使用率90%以上。",
        achieved="42所卫生院全部实行药品零差率销售，补助资金9月拨付到位。",
        rows=rows,
        notes=NOTES,
    )


def _garbage() -> WeightForm:
    rows = [
        Ind(OUT, "数量指标", "收运生活垃圾量", "≥18万吨", "18.6万吨", 10, 10),
        Ind(OUT, "质量指标", "垃圾分类收运覆盖率", "≥98%", Shown(0.99, PCT0), 10, 10),
        Ind(OUT, "质量指标", "市民有效投诉", "20件以下", "14件", 5, 5),
        Ind(OUT, "时效指标", "垃圾清运时限", "≤48小时", "60小时", 5, 4.5,
            why="台风期间道路受阻，部分片区清运延迟；已完善应急调度预案。"),
        Ind(OUT, "时效指标", "年度收运服务合同续签", "第一季度", "2月完成", 10, 10),
        Ind(OUT, "成本指标", "吨垃圾收运成本", "≤55元/吨", "51元/吨", 10, 10),
        Ind(EFF, "社会效益指标", "城区环境卫生状况", "明显改善", "效果显著", 15, 15),
        Ind(EFF, "可持续影响指标", "垃圾分类长效机制", "持续完善", "持续完善", 15, 15),
        Ind(SAT, SAT2, "市民满意度", "≥85%", "90.3%", 10, 10),
    ]
    return WeightForm(
        year=2024,
        project="城区生活垃圾分类收运服务经费",
        department="江门市蓬江区城市管理和综合执法局",
        implementer="江门市蓬江区环境卫生管理所",
        manager="梁伟文",
        phone="0750-3271590",
        initial=960, budget=960, spent=949.44,
        money_unit="万元",
        expected="全年分类收运城区生活垃圾18万吨以上，垃圾清运不超过48小时，分类收运覆盖率98%以上。",
        achieved="全年收运生活垃圾18.6万吨，分类收运覆盖率99%；台风期间部分片区清运延迟，最长60小时。",
        rows=rows,
        codes=True,
        notes=NOTES,
    )


FORMS = [
    FormCase("round2_weights_01_jiben_gongwei", "round2_weights", _written(_public_health),
             "权重, money in 元 with #,##0.00, 金额单位 at the top, 0.934 shown 93.4%, 98.6%（抽检核实）, "
             "12月20日前 missed (延期至次年1月10日) scored 2.5 of 5 and explained, hidden 指标编码 column, 自评等级 line"),
    FormCase("round2_weights_02_kehou_fuwu", "round2_weights", _written(_after_school),
             "权重 7.5, 元 as text “3,460,000.00” under 项目资金（元）, budget cut explained (调减), 不少于 shortfall "
             "B/A, 基本健全 at 80%, bare 95, 元旦前 / 12月27日, two hidden template rows, 合计"),
    FormCase("round2_weights_03_canji_butie", "round2_weights", _written(_disability),
             "money shown #,##0\"元\", rate as text, 追加 explained, 90%以上, 每月10日前 / 按月及时发放, "
             "满意度 一级 and 二级 in separate cells"),
    FormCase("round2_weights_04_nongcun_gonglu", "round2_weights", _written(_rural_roads),
             "万元 at the top, 2~3次 range, 45公里以上, 不低于80% / 0.83 as 0%, 第二季度 / 5月完成, "
             "国庆节前 / yyyy/m/d date, 92.56%"),
    FormCase("round2_weights_05_gaobiaozhun_nongtian", "round2_weights", _written(_farmland),
             "一级 weights in labels, 反向 unit cost missed scored A/B 9.77 and explained, 0.64 shown 64%, 年底前 / 11月底完工"),
    FormCase("round2_weights_06_wushui_yunwei", "round2_weights", _written(_sewage),
             "执行率 87% explained in the funds 偏差原因 cell, 不超过, 3个工作日以内 / 平均1.5个工作日, 按期, "
             "hidden column and three hidden template rows"),
    FormCase(
        "round2_weights_07_huimin_yanchu", "round2_weights", _written(_culture),
        "中秋节前 (2023-09-29) missed, full marks",
        faults=(Fault(SHEET, "H17", "2023年中秋节为9月29日，系列演出10月8日才完成，未按期却得满分5分",
                      also=("F17", "I17")),),
    ),
    FormCase(
        "round2_weights_08_jiben_yaowu", "round2_weights", _written(_clinics, weights_add_up=False),
        "三级 权重 add to 88 (+10) under a 100 total",
        faults=(Fault(SHEET, "G21", "三级指标权重合计88分，加预算执行率10分共98分，不是满分100分", also=("G19",)),),
    ),
    FormCase(
        "round2_weights_09_laji_shouyun", "round2_weights", _written(_garbage),
        "反向 ≤48小时 missed (60小时), 4.5 of 5 where A/B × 权重 = 4",
        faults=(Fault(SHEET, "H16", "垃圾清运时限指标≤48小时，实际60小时，按48/60×5应得4分，表中为4.5分"),),
    ),
]
