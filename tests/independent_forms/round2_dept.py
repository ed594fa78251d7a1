"""Round 2: 部门评价 / 财政评价 评分表 with a 评分标准 column (openpyxl, by hand).

The score sheet third-party evaluators attach to a 部门评价 or 财政评价 report in the
northern and southern provinces the first round did not cover (河北, 河南, 山东, 广西, 重庆):
the 分值 comes right after the 三级指标, a 评分标准 column says how each score was given
(“执行率×分值”, “每发现一处不符扣1分，扣完为止”), then 年度指标值 / 实际完成值 / 得分 and a
扣分原因 column. 一级 weights other than 20/20/30/30 (决策15/过程20/产出35/效益30,
决策10/过程20/产出40/效益30), and one framework with 成本 as an 一级 of its own
(决策15/过程15/产出30/成本10/效益30, after 财预〔2021〕101号). The funds block shows
10 points not counted in 总分 — or is absent, as on score sheets where 资金到位率 and
预算执行率 are only 三级 indicators. The 评价等级 is plain text or ticked with ■ / □
(not ☑); some forms carry a 评价报告 sheet.

Sources for the layout: the 评分表 attached to the Yueyang 2018 自评报告
(www.yueyang.gov.cn/cgj/9886/9901/content_1560779.html), the 不适用/折算 and B/A, A/B notes of
biz.doczj.com/doc/174893555.html, the 百色 管理办法 (czj.baise.gov.cn/…/t11098246.shtml) for the
three evaluation modes, and 豫财效〔2024〕1号 as quoted by izhc.cn/info/1088/17792.htm for 成本指标
weighted as an 一级.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side

from tests.independent_forms import _figures as fig
from tests.independent_forms import _round2 as r2
from tests.independent_forms._case import Fault, FormCase
from tests.independent_forms._cells import merge as _merge
from tests.independent_forms._rows import Ind, Shown, groups, runs

SHEET = "评分表"
REPORT = "评价报告"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BANDS = "评分说明：总分90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差。"
SIGN = "评价人员：                    复核人：                    评价日期："


@dataclass
class DeptForm:
    year: int
    method: str  # 部门评价 / 财政评价
    agency: str
    project: str
    department: str
    implementer: str
    rows: list[Ind]
    standards: dict[str, str] = field(default_factory=dict)  # 三级指标 -> 评分标准
    money: tuple[float, float, float] | None = None  # (年初, 全年预算, 全年执行) in 万元, or no funds block
    grade: str = "plain"  # "plain" or "boxes" (优□ 良■ 中□ 差□)
    grade_override: str | None = None
    report: list[str] = field(default_factory=list)

    @property
    def total(self) -> float:
        return r2.score_sum(self.rows)

    @property
    def grade_text(self) -> str:
        chosen = self.grade_override or fig.grade(self.total)
        if self.grade == "plain":
            return chosen
        return "  ".join(f"{g}{'■' if g == chosen else '□'}" for g in "优良中差")


def write(path: Path, form: DeptForm) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    _merge(ws, "A1:J1", f"{form.project}绩效评价指标评分表")
    ws["A1"].font = Font(name="黑体", size=15)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = "项目名称"
    _merge(ws, "B2:J2", form.project)
    ws["A3"] = "主管部门"
    _merge(ws, "B3:E3", form.department)
    ws["F3"] = "实施单位"
    _merge(ws, "G3:J3", form.implementer)
    ws["A4"] = "评价年度"
    _merge(ws, "B4:E4", f"{form.year}年度")
    ws["F4"] = "评价方式"
    _merge(ws, "G4:J4", form.method)
    ws["A5"] = "评价机构"
    _merge(ws, "B5:J5", form.agency)
    r = 6
    if form.money is not None:
        initial, budget, spent = form.money
        rate, funds_score = r2.funds(spent, budget)
        _merge(ws, "A6:A9", "项目资金（万元）")
        for col, label in zip("CDEFGH", ("年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率", "得分")):
            ws[f"{col}6"] = label
        ws["B7"], ws["B8"], ws["B9"] = "年度资金总额", "其中：财政资金", "其他资金"
        for row in (7, 8):
            ws[f"C{row}"], ws[f"D{row}"], ws[f"E{row}"] = initial, budget, spent
        ws["F7"], ws["G7"], ws["H7"] = 10, rate, funds_score
        ws["G7"].number_format = "0.00%"
        _merge(ws, "I6:J9", "注：资金执行情况单列，其分值不计入总分。")
        r = 10
    heads = ("一级指标", "二级指标", "三级指标", "分值", "评分标准", "年度指标值", "实际完成值", "得分")
    for col, label in zip("ABCDEFGH", heads):
        ws[f"{col}{r}"] = label
    _merge(ws, f"I{r}:J{r}", "扣分原因及改进建议")
    r += 1
    for group in groups(form.rows):
        first = r
        for run in runs(group):
            start = r
            for ind in run:
                ws[f"C{r}"], ws[f"D{r}"] = ind.name, ind.weight
                ws[f"E{r}"] = form.standards.get(ind.name)
                for col, value in (("F", ind.target), ("G", ind.actual)):
                    if isinstance(value, Shown):
                        ws[f"{col}{r}"] = value.value
                        ws[f"{col}{r}"].number_format = value.number_format
                    else:
                        ws[f"{col}{r}"] = value
                ws[f"H{r}"] = ind.score
                _merge(ws, f"I{r}:J{r}", ind.why or None)
                r += 1
            _merge(ws, f"B{start}:B{r - 1}", run[0].l2)
        _merge(ws, f"A{first}:A{r - 1}", group[0].l1)
    _merge(ws, f"A{r}:C{r}", "合计")
    ws[f"D{r}"] = 100
    ws[f"H{r}"] = form.total
    _merge(ws, f"A{r + 1}:C{r + 1}", "评价等级")
    _merge(ws, f"D{r + 1}:J{r + 1}", form.grade_text)
    last = r + 1
    _merge(ws, f"A{r + 2}:J{r + 2}", BANDS)
    _merge(ws, f"A{r + 3}:J{r + 3}", SIGN)
    for row in ws.iter_rows(min_row=2, max_row=last, max_col=10):
        for cell in row:
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    for col, width in zip("ABCDEFGHIJ", (11, 11, 20, 6, 26, 12, 14, 7, 14, 14)):
        ws.column_dimensions[col].width = width
    if form.report:
        rep = wb.create_sheet(REPORT)
        for i, paragraph in enumerate(form.report, start=1):
            rep[f"A{i}"] = paragraph
        rep.column_dimensions["A"].width = 100
    wb.save(path)


def _written(build: Callable[[], DeptForm], *, weights_add_up: bool = True) -> Callable[[Path], None]:
    return r2.written(write, build, 100, weights_add_up=weights_add_up)


STANDARDS = {
    "立项依据充分性": "符合法律法规、政策和部门职责的得满分，每发现一处不符扣1分，扣完为止",
    "立项程序规范性": "按规定程序申请设立、审批文件齐全的得满分，否则酌情扣分",
    "绩效目标合理性": "目标与实际工作内容相关、与预算相匹配的得满分，基本合理的得80%",
    "绩效指标明确性": "指标细化、量化、可衡量的得满分，部分量化的按60%-80%计分",
    "预算编制科学性": "预算经过科学论证、内容与项目匹配的得满分",
    "资金分配合理性": "分配依据充分、额度与实际相适应的得满分",
    "资金到位率": "资金到位率=实际到位资金/预算资金×100%，得分=到位率×分值",
    "预算执行率": "预算执行率=实际支出/实际到位资金×100%，得分=执行率×分值",
    "资金使用合规性": "发现一处违规使用扣1分，扣完为止",
    "管理制度健全性": "制度健全得满分，缺一项扣1分",
    "制度执行有效性": "严格执行制度的得满分，基本执行的得80%，部分执行的得60%-80%",
}
QUANT = "完成值/指标值×分值，最高不超过分值"
REVERSE = "实际值不超过指标值得满分，超过的按指标值/实际值×分值计分"
SATIS = "满意度达到指标值得满分，未达到的按实际值/指标值×分值计分"


def _standards(rows: list[Ind], quantitative: set[str], reverse: set[str], satisfaction: set[str]) -> dict[str, str]:
    out = {r.name: STANDARDS[r.name] for r in rows if r.name in STANDARDS}
    out.update({n: QUANT for n in quantitative})
    out.update({n: REVERSE for n in reverse})
    out.update({n: SATIS for n in satisfaction})
    return out


# ---------------------------------------------------------------- forms


def _drinking_water() -> DeptForm:
    d, p, o, e = "项目决策（15分）", "项目过程（20分）", "项目产出（35分）", "项目效益（30分）"
    rows = [
        Ind(d, "项目立项", "立项依据充分性", "充分", "充分", 3, 3),
        Ind(d, "项目立项", "立项程序规范性", "规范", "规范", 2, 2),
        Ind(d, "绩效目标", "绩效目标合理性", "合理", "合理", 3, 3),
        Ind(d, "绩效目标", "绩效指标明确性", "明确", "基本明确", 3, 2.4, why="部分产出指标未细化量化。"),
        Ind(d, "资金投入", "预算编制科学性", "科学", "科学", 2, 2),
        Ind(d, "资金投入", "资金分配合理性", "合理", "合理", 2, 2),
        Ind(p, "资金管理", "资金到位率", "100%", "100%", 4, 4),
        Ind(p, "资金管理", "预算执行率", "100%", "98%", 4, 3.92, why="工程结算审减7.6万元。"),
        Ind(p, "资金管理", "资金使用合规性", "合规", "合规", 4, 4),
        Ind(p, "组织实施", "管理制度健全性", "健全", "健全", 4, 4),
        Ind(p, "组织实施", "制度执行有效性", "有效", "基本有效", 4, 3.2, why="个别工程资料归档不及时。"),
        Ind(o, "产出数量", "维修养护集中供水工程", "≥56处", "56处", 8, 8),
        Ind(o, "产出数量", "更换老旧供水管网", "≥42公里", "39.9公里", 7, fig.ratio_score(39.9, 42, 7),
            why="2个村庄因道路改造推迟施工，管网更换延至次年春季。"),
        Ind(o, "产出质量", "维修工程验收合格率", "100%", "100%", 7, 7),
        Ind(o, "产出时效", "汛前维修完成时间", "6月底前", "6月25日完成", 6, 6),
        Ind(o, "产出成本", "每公里管网更换成本", "≤4.5万元/公里", "4.38万元/公里", 7, 7),
        Ind(e, "社会效益", "农村集中供水率", "≥95%", "96.2%", 10, 10),
        Ind(e, "社会效益", "农村供水保证率", "≥95%", Shown(0.97, "0%"), 10, 10),
        Ind(e, "满意度", "受益群众满意度", "≥90%", "93%", 10, 10),
    ]
    return DeptForm(
        year=2023, method="部门评价", agency="沧州市献县水务局绩效评价工作组",
        project="2023年农村饮水安全工程维修养护项目",
        department="献县水务局", implementer="献县农村供水管理站",
        rows=rows, money=(380, 380, 372.4),
        standards=_standards(rows, {"维修养护集中供水工程", "更换老旧供水管网", "农村集中供水率", "农村供水保证率"},
                             {"每公里管网更换成本"}, {"受益群众满意度"}),
    )


def _three_supports_rows() -> list[Ind]:
    d, p, o, e = "项目决策（20分）", "项目过程（20分）", "项目产出（30分）", "项目效益（30分）"
    return [
        Ind(d, "项目立项", "立项依据充分性", "充分", "充分", 4, 4),
        Ind(d, "项目立项", "立项程序规范性", "规范", "规范", 3, 3),
        Ind(d, "绩效目标", "绩效目标合理性", "合理", "基本合理", 4, 3.2, why="绩效目标未区分年度目标与长期目标。"),
        Ind(d, "绩效目标", "绩效指标明确性", "明确", "明确", 3, 3),
        Ind(d, "资金投入", "预算编制科学性", "科学", "基本科学", 3, 2.4, why="预算测算依据不够细化，年中调减预算。"),
        Ind(d, "资金投入", "资金分配合理性", "合理", "合理", 3, 3),
        Ind(p, "资金管理", "资金到位率", "100%", "100%", 4, 4),
        Ind(p, "资金管理", "预算执行率", "100%", "95%", 4, 3.8, why="部分人员提前解约，生活补贴未全额支出。"),
        Ind(p, "资金管理", "资金使用合规性", "合规", "合规", 4, 4),
        Ind(p, "组织实施", "管理制度健全性", "健全", "健全", 4, 4),
        Ind(p, "组织实施", "制度执行有效性", "有效", "部分有效", 4, 2.8, why="服务期满考核资料不全。"),
        Ind(o, "产出数量", "招募“三支一扶”人员", "≥160人", "128人", 10, fig.ratio_score(128, 160, 10),
            why="部分岗位报名人数不足、部分人员放弃；下年度提前开展招募宣传。"),
        Ind(o, "产出质量", "服务期满考核合格率", "≥95%", "96.1%", 8, 8),
        Ind(o, "产出质量", "岗前培训覆盖率", "100%", "100%", 6, 6),
        Ind(o, "产出时效", "生活补贴发放", "按月", "按月及时发放", 6, 6),
        Ind(e, "社会效益", "期满人员基层留任率", "≥60%", "45%", 10, fig.ratio_score(45, 60, 10),
            why="部分人员考取外地岗位或升学；加大本地就业政策衔接。"),
        Ind(e, "社会效益", "基层公共服务能力", "有所提升", "部分提升", 10, 6.5, why="服务岗位分布不均，部分乡镇未配备。"),
        Ind(e, "满意度", "服务单位满意度", "≥90%", "86%", 10, fig.ratio_score(86, 90, 10),
            why="部分服务单位反映人员专业与岗位匹配度不高。"),
    ]


def _three_supports() -> DeptForm:
    rows = _three_supports_rows()
    return DeptForm(
        year=2023, method="财政评价", agency="河南正信会计师事务所有限公司",
        project="2023年高校毕业生“三支一扶”计划补助资金",
        department="周口市人力资源和社会保障局", implementer="周口市高校毕业生就业服务中心",
        rows=rows, money=(512, 416, 395.2), grade="boxes",
        standards=_standards(rows, {"招募“三支一扶”人员", "服务期满考核合格率", "岗前培训覆盖率", "期满人员基层留任率"},
                             set(), {"服务单位满意度"}),
    )


def _sugarcane() -> DeptForm:
    d, p, o, e = "项目决策（10分）", "项目过程（20分）", "项目产出（40分）", "项目效益（30分）"
    rows = [
        Ind(d, "项目立项", "立项依据充分性", "充分", "充分", 2, 2),
        Ind(d, "绩效目标", "绩效目标合理性", "合理", "合理", 3, 3),
        Ind(d, "绩效目标", "绩效指标明确性", "明确", "明确", 2, 2),
        Ind(d, "资金投入", "资金分配合理性", "合理", "合理", 3, 3),
        Ind(p, "资金管理", "资金到位率", "100%", "100%", 5, 5),
        Ind(p, "资金管理", "预算执行率", "100%", "98%", 5, 4.9, why="部分补助对象核查后取消资格，结余25.2万元。"),
        Ind(p, "资金管理", "资金使用合规性", "合规", "合规", 5, 5),
        Ind(p, "组织实施", "制度执行有效性", "有效", "有效", 5, 5),
        Ind(o, "产出数量", "推广糖料蔗良种面积", "≥4.2万亩", "4.26万亩", 10, 10),
        Ind(o, "产出数量", "推广机械化种植面积", "≥1.5万亩", "1.38万亩", 10, fig.ratio_score(1.38, 1.5, 10),
            why="部分地块坡度大，不宜大型机械作业；推广适用小型农机。"),
        Ind(o, "产出质量", "良种验收合格率", "≥95%", "97.5%", 10, 10),
        Ind(o, "产出时效", "补助资金兑付时间", "11月底前", "11月20日兑付完毕", 5, 5),
        Ind(o, "产出成本", "亩均补助标准", "≤300元/亩", "290元/亩", 5, 5),
        Ind(e, "经济效益", "糖料蔗亩均增产", "≥0.5吨", "0.6吨", 10, 10),
        Ind(e, "经济效益", "蔗农亩均增收", "≥300元", "360元", 10, 10),
        Ind(e, "满意度", "蔗农满意度", "≥90%", "94%", 10, 10),
    ]
    report = [
        "崇左市江州区2022年糖料蔗良种良法技术推广补助项目部门评价报告",
        "一、项目基本情况",
        "该项目年初预算1260万元，全年预算1260万元，全年执行1234.8万元，预算执行率98%。",
        "二、绩效目标完成情况",
        "全年推广糖料蔗良种4.26万亩，推广机械化种植1.38万亩，良种验收合格率97.5%，补助资金于11月20日兑付完毕。",
        "三、评价结论",
        "经评价，该项目综合得分99.1分，评价等级为“优”。",
        "四、存在问题及建议",
        "部分地块坡度较大，机械化种植推广面积未达到年度目标，建议因地制宜推广适用的小型农机。",
    ]
    return DeptForm(
        year=2022, method="部门评价", agency="崇左市江州区农业农村局评价组",
        project="2022年糖料蔗良种良法技术推广补助",
        department="崇左市江州区农业农村局", implementer="崇左市江州区糖料蔗技术推广站",
        rows=rows, money=(1260, 1260, 1234.8), report=report,
        standards=_standards(rows, {"推广糖料蔗良种面积", "推广机械化种植面积", "良种验收合格率", "糖料蔗亩均增产",
                                    "蔗农亩均增收"}, {"亩均补助标准"}, {"蔗农满意度"}),
    )


def _bridges() -> DeptForm:
    d, p, o, e = "决策（20分）", "过程（20分）", "产出（30分）", "效益（30分）"
    rows = [
        Ind(d, "项目立项", "立项依据充分性", "充分", "充分", 4, 4),
        Ind(d, "项目立项", "立项程序规范性", "规范", "规范", 4, 4),
        Ind(d, "绩效目标", "绩效目标合理性", "合理", "合理", 4, 4),
        Ind(d, "绩效目标", "绩效指标明确性", "明确", "明确", 4, 4),
        Ind(d, "资金投入", "预算编制科学性", "科学", "科学", 4, 4),
        Ind(p, "资金管理", "资金到位率", "100%", "100%", 5, 5),
        Ind(p, "资金管理", "预算执行率", "100%", "96.8%", 5, 4.84, why="检测合同尾款按约定于次年支付。"),
        Ind(p, "资金管理", "资金使用合规性", "合规", "合规", 5, 5),
        Ind(p, "组织实施", "制度执行有效性", "有效", "有效", 5, 5),
        Ind(o, "产出数量", "完成城市桥梁定期检测", "≥128座", "128座", 8, 8),
        Ind(o, "产出数量", "完成隧道定期检测", "≥16座", "16座", 7, 7),
        Ind(o, "产出质量", "检测报告合格率", "100%", "100%", 5, 5),
        Ind(o, "产出时效", "定期检测完成时间", "第三季度", "9月28日完成", 5, 5),
        Ind(o, "产出成本", "单座桥梁检测费用", "≤1.8万元/座", "1.72万元/座", 5, 5),
        Ind(e, "社会效益", "桥隧结构安全隐患", "及时发现并处置", "及时发现并处置", 15, 15),
        Ind(e, "满意度", "市民满意度", "≥90%", "92.6%", 15, 15),
    ]
    return DeptForm(
        year=2024, method="部门评价", agency="重庆市渝北区城市管理局绩效评价小组",
        project="2024年城市桥梁隧道定期检测经费",
        department="重庆市渝北区城市管理局", implementer="重庆市渝北区市政设施管理所",
        rows=rows, money=None,
        standards=_standards(rows, {"完成城市桥梁定期检测", "完成隧道定期检测"}, {"单座桥梁检测费用"}, {"市民满意度"}),
    )


def _fry_release() -> DeptForm:
    d, p, o, c, e = "项目决策（15分）", "项目过程（15分）", "项目产出（30分）", "项目成本（10分）", "项目效益（30分）"
    rows = [
        Ind(d, "项目立项", "立项依据充分性", "充分", "充分", 5, 5),
        Ind(d, "绩效目标", "绩效目标合理性", "合理", "合理", 5, 5),
        Ind(d, "资金投入", "资金分配合理性", "合理", "合理", 5, 5),
        Ind(p, "资金管理", "资金到位率", "100%", "100%", 3, 3),
        Ind(p, "资金管理", "预算执行率", "100%", "98.8%", 4, 3.95, why="苗种采购招标节约资金3.6万元。"),
        Ind(p, "资金管理", "资金使用合规性", "合规", "合规", 4, 4),
        Ind(p, "组织实施", "制度执行有效性", "有效", "有效", 4, 4),
        Ind(o, "产出数量", "放流海洋经济物种苗种", "≥1.2亿单位", "1.26亿单位", 10, 10),
        Ind(o, "产出质量", "放流苗种检验检疫合格率", "100%", "100%（检疫合格）", 10, 10),
        Ind(o, "产出时效", "放流完成时间", "8月底前", "7月15日完成", 10, 10),
        Ind(c, "经济成本", "单位苗种放流成本", "≤250元/万单位", "235.2元/万单位", 5, 5),
        Ind(c, "社会成本", "放流区域临时禁捕天数", "≤15天", "12天", 5, 5),
        Ind(e, "经济效益", "放流区渔获量增长", "≥5%", "6.2%", 10, 10),
        Ind(e, "生态效益", "近海渔业资源", "逐步恢复", "逐步恢复", 10, 10),
        Ind(e, "满意度", "渔民满意度", "≥90%", "95%", 10, 10),
    ]
    return DeptForm(
        year=2023, method="部门评价", agency="日照市岚山区海洋发展局评价组",
        project="2023年渔业增殖放流项目",
        department="日照市岚山区海洋发展局", implementer="日照市岚山区渔业技术推广站",
        rows=rows, money=(300, 300, 296.4),
        standards=_standards(rows, {"放流海洋经济物种苗种", "放流区渔获量增长"},
                             {"单位苗种放流成本", "放流区域临时禁捕天数"}, {"渔民满意度"}),
    )


def _medical_aid() -> DeptForm:
    d, p, o, e = "项目决策（20分）", "项目过程（20分）", "项目产出（30分）", "项目效益（30分）"
    rows = [
        Ind(d, "项目立项", "立项依据充分性", "充分", "充分", 4, 4),
        Ind(d, "项目立项", "立项程序规范性", "规范", "规范", 4, 4),
        Ind(d, "绩效目标", "绩效目标合理性", "合理", "基本合理", 4, 3.2, why="部分目标值未结合上年实际测算。"),
        Ind(d, "绩效目标", "绩效指标明确性", "明确", "部分明确", 4, 2.8, why="效益指标以定性描述为主。"),
        Ind(d, "资金投入", "预算编制科学性", "科学", "科学", 4, 4),
        Ind(p, "资金管理", "资金到位率", "100%", "100%", 5, 5),
        Ind(p, "资金管理", "预算执行率", "100%", "88%", 5, 4.4, why="部分救助对象年底前未完成结算，结余资金结转下年。"),
        Ind(p, "资金管理", "资金使用合规性", "合规", "合规", 5, 5),
        Ind(p, "组织实施", "制度执行有效性", "有效", "基本有效", 5, 4, why="个别乡镇审核材料不全。"),
        Ind(o, "产出数量", "医疗救助人次", "≥2,600人次", "2,080人次", 10, fig.ratio_score(2080, 2600, 10),
            why="符合条件的申请人次少于预期；加强政策宣传和主动发现。"),
        Ind(o, "产出质量", "救助对象精准率", "100%", "100%", 10, 10),
        Ind(o, "产出时效", "一站式结算", "及时", "基本及时", 5, 4, why="异地就医救助需手工报销。"),
        Ind(o, "产出成本", "次均救助金额", "≤1800元/人次", "1777元/人次", 5, 5),
        Ind(e, "社会效益", "重特大疾病患者自付比例", "≤30%", "28.5%", 10, 10),
        Ind(e, "社会效益", "因病致贫返贫", "有效遏制", "部分遏制", 10, 6.5, why="个别家庭仍存在因病返贫风险。"),
        Ind(e, "满意度", "救助对象满意度", "≥90%", "86%", 10, fig.ratio_score(86, 90, 10),
            why="部分群众反映报销材料繁琐。"),
    ]
    return DeptForm(
        year=2023, method="部门评价", agency="邢台市南和区医疗保障局评价组",
        project="2023年城乡居民重特大疾病医疗救助资金",
        department="邢台市南和区医疗保障局", implementer="邢台市南和区医疗保障事务中心",
        rows=rows, money=(420, 420, 369.6), grade="boxes", grade_override="优",
        standards=_standards(rows, {"医疗救助人次"}, {"次均救助金额", "重特大疾病患者自付比例"}, {"救助对象满意度"}),
    )


def _dangerous_houses() -> DeptForm:
    d, p, o, e = "项目决策（20分）", "项目过程（20分）", "项目产出（30分）", "项目效益（30分）"
    rows = [
        Ind(d, "项目立项", "立项依据充分性", "充分", "充分", 5, 5),
        Ind(d, "项目立项", "立项程序规范性", "规范", "规范", 5, 5),
        Ind(d, "绩效目标", "绩效目标合理性", "合理", "合理", 5, 5),
        Ind(d, "资金投入", "资金分配合理性", "合理", "合理", 5, 5),
        Ind(p, "资金管理", "资金到位率", "100%", "100%", 5, 5),
        Ind(p, "资金管理", "预算执行率", "100%", "93%", 5, 4.65, why="部分农户改造未完成验收，补助资金未拨付。"),
        Ind(p, "资金管理", "资金使用合规性", "合规", "合规", 5, 5),
        Ind(p, "组织实施", "制度执行有效性", "有效", "有效", 5, 5),
        Ind(o, "产出数量", "完成农村危房改造户数", "200-220户", "186户", 10, 10),
        Ind(o, "产出质量", "改造后房屋安全鉴定合格率", "100%", "100%", 10, 10),
        Ind(o, "产出时效", "改造完成时间", "11月底前", "11月26日完成", 5, 5),
        Ind(o, "产出成本", "户均补助标准", "≤3万元/户", "3万元/户", 5, 5),
        Ind(e, "社会效益", "农村低收入群体住房安全", "有效保障", "有效保障", 15, 15),
        Ind(e, "满意度", "改造农户满意度", "≥90%", "95.5%", 15, 15),
    ]
    return DeptForm(
        year=2023, method="财政评价", agency="山东鲁信会计师事务所有限公司",
        project="2023年农村危房改造补助资金",
        department="临朐县住房和城乡建设局", implementer="临朐县村镇建设服务中心",
        rows=rows, money=(600, 600, 558),
        standards=_standards(rows, {"完成农村危房改造户数"}, {"户均补助标准"}, {"改造农户满意度"}),
    )


def _resettlement() -> DeptForm:
    d, p, o, e = "项目决策（20分）", "项目过程（20分）", "项目产出（30分）", "项目效益（30分）"
    rows = [
        Ind(d, "项目立项", "立项依据充分性", "充分", "充分", 5, 5),
        Ind(d, "项目立项", "立项程序规范性", "规范", "规范", 5, 5),
        Ind(d, "绩效目标", "绩效目标合理性", "合理", "合理", 5, 5),
        Ind(d, "资金投入", "资金分配合理性", "合理", "合理", 5, 5),
        Ind(p, "资金管理", "资金到位率", "100%", "100%", 5, 5),
        Ind(p, "资金管理", "预算执行率", "100%", "95.2%", 5, 4.76, why="2个项目工程款按合同约定于次年支付。"),
        Ind(p, "资金管理", "资金使用合规性", "合规", "合规", 5, 5),
        Ind(p, "组织实施", "制度执行有效性", "有效", "有效", 5, 5),
        Ind(o, "产出数量", "实施后期扶持项目数", "≥18个", "18个", 10, 10),
        Ind(o, "产出质量", "工程验收合格率", "100%", "100%", 10, 10),
        Ind(o, "产出时效", "项目完工时间", "11月底前", "11月15日完工", 5, 5),
        Ind(o, "产出成本", "项目平均投资", "≤48万元/个", "45.48万元/个", 5, 5),
        Ind(e, "经济效益", "移民人均可支配收入增幅", "≥8%", "8.6%", 10, 10),
        Ind(e, "社会效益", "移民村生产生活条件", "明显改善", "明显改善", 10, 10),
        Ind(e, "满意度", "移民群众满意度", "≥90%", "93%", 10, 10),
    ]
    report = [
        "百色市田阳区2023年大中型水库移民后期扶持项目部门评价报告",
        "一、项目基本情况",
        "该项目年初预算860万元，全年预算860万元，全年执行818.72万元，预算执行率为97.5%。",
        "二、绩效目标完成情况",
        "全年实施后期扶持项目18个，工程验收合格率100%，项目于11月15日全部完工，移民人均可支配收入增长8.6%。",
        "三、评价结论",
        "经评价，该项目综合得分99.76分，评价等级为“优”。",
    ]
    return DeptForm(
        year=2023, method="部门评价", agency="百色市田阳区水库移民工作管理中心评价组",
        project="2023年大中型水库移民后期扶持项目",
        department="百色市田阳区水库移民工作管理中心", implementer="百色市田阳区水库移民工作管理中心",
        rows=rows, money=(860, 860, 818.72), report=report,
        standards=_standards(rows, {"实施后期扶持项目数", "移民人均可支配收入增幅"}, {"项目平均投资"}, {"移民群众满意度"}),
    )


FORMS = [
    FormCase("round2_dept_01_yinshui_weixiu", "round2_dept", _written(_drinking_water),
             "决策15/过程20/产出35/效益30, 评分标准 column, 分值 before 指标值, 基本明确 / 基本有效 at 80%, "
             "shortfall B/A 6.65, 0.97 shown 97%"),
    FormCase("round2_dept_02_sanzhi_yifu", "round2_dept", _written(_three_supports),
             "财政评价, 良 ticked with ■, budget cut, several shortfalls scored B/A and in band, 部分有效 at 70%"),
    FormCase("round2_dept_03_tangliaozhe", "round2_dept", _written(_sugarcane),
             "决策10/过程20/产出40/效益30, 评价报告 sheet with consistent figures (98%, 99.1分, 优)"),
    FormCase("round2_dept_04_qiaoliang_jiance", "round2_dept", _written(_bridges),
             "no funds block (资金到位率 / 预算执行率 as 三级 only), 一级 labels 决策（20分）, 第三季度 / 9月28日完成"),
    FormCase("round2_dept_05_zengzhi_fangliu", "round2_dept", _written(_fry_release),
             "项目成本（10分） as an 一级 of its own, 100%（检疫合格）, 8月底前 / 7月15日完成"),
    FormCase(
        "round2_dept_06_yiliao_jiuzhu", "round2_dept", _written(_medical_aid),
        "■ on 优 for a total of 89.46",
        faults=(Fault(SHEET, "D28", "总分89.46分应为“良”，表中勾选“优”"),),
    ),
    FormCase(
        "round2_dept_07_weifang_gaizao", "round2_dept", _written(_dangerous_houses),
        "range target 200-220户, 186户 done, full marks and no reason",
        faults=(Fault(SHEET, "H19", "改造户数目标200-220户，实际186户，未达成目标却得满分10分（应为186/200×10=9.3分）",
                      also=("G19", "I19")),),
    ),
    FormCase(
        "round2_dept_08_yimin_fuchi", "round2_dept", _written(_resettlement),
        "report states 97.5% while the form shows 818.72/860 = 95.2%",
        faults=(Fault(REPORT, "A3", "报告称预算执行率97.5%，评价表全年执行数818.72万元/全年预算数860万元=95.2%"),),
    ),
]
