"""Forms county clerks build themselves, each in its own way (openpyxl and xlsxwriter).

- ``plain``: no merged cells at all, a 序号 column, 一级/二级 written once with blanks
  below, money in 元 as text with thousands separators (``1,176,000``) under a
  “单位：元” note, a 小计 row per 一级, then 总分 / 自评等次 / 评分说明 rows.
- ``typed``: 部门评价 with a 指标类型 column (正向/反向/定性), percentages stored as
  fractions formatted ``0%``, 小计 rows in the 一级 column, and the whole report
  pasted into one cell of 评价报告.
- ``formulas``: written like a workbook saved by Excel: 执行率, 得分, 总分 and 评价等次
  are formulas with their cached values.
- ``cover``: a 封面 sheet before the form, blank 执行率 and 等次, a 评价方式 row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

import openpyxl
import xlsxwriter

from tests.independent_forms import _figures as fig
from tests.independent_forms._case import Fault, FormCase
from tests.independent_forms._rows import Facts, Ind, changed, groups, scores, weights


@dataclass
class CountyForm(Facts):
    method: str = "单位自评"
    funds_weight: float = 10  # shown on the funds row
    report: list[str] = field(default_factory=list)
    fiscal_budget: float | None = None  # 其中：当年财政拨款 全年预算数, when it differs from the total
    carryover_budget: float | None = None

    @property
    def rate(self) -> float:
        return fig.rate(self.spent, self.budget)

    @property
    def funds_score(self) -> float:
        return fig.funds_score(self.rate, self.funds_weight)

    @property
    def total(self) -> float:
        if self.method == "单位自评":
            return fig.total(scores(self.rows), self.funds_score)
        return scores(self.rows)


def _yuan(wan: float) -> str:
    return f"{round(wan * 10000):,}"


# ---------------------------------------------------------------- plain (openpyxl, no merges, 元)

PLAIN = "绩效自评表"


def write_plain(path: Path, form: CountyForm) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = PLAIN
    ws["A1"] = "附件3"
    ws["A2"] = f"{form.year}年度项目支出绩效自评表"
    ws["A3"] = f"填报单位：{form.implementer}"
    ws["H3"] = "单位：元"
    ws.append(["项目名称", form.project])
    ws.append(["主管部门", form.department, None, None, "实施单位", form.implementer])
    ws.append(["项目资金", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    ws.append([None, "年度资金总额", _yuan(form.initial), _yuan(form.budget), _yuan(form.spent), form.funds_weight,
               f"{form.rate * 100:g}%", form.funds_score])
    ws.append([None, "其中：当年财政拨款", _yuan(form.initial), _yuan(form.budget), _yuan(form.spent)])
    ws.append([None, "上年结转资金"])
    ws.append([None, "其他资金"])
    ws.append(["年度总体目标", f"预期目标：{form.expected}", None, None, None, f"实际完成情况：{form.achieved}"])
    ws.append([])
    ws.append(["序号", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
    n = 0
    for group in groups(form.rows):
        previous_l2 = None
        for i, ind in enumerate(group):
            n += 1
            ws.append([n, ind.l1 if i == 0 else None, ind.l2 if ind.l2 != previous_l2 else None, ind.name,
                       ind.target, ind.actual, ind.weight, ind.score, ind.why or None])
            previous_l2 = ind.l2
        ws.append([None, "小计", None, None, None, None, weights(group), scores(group)])
    ws.append(["总分", None, None, None, None, None, 100, form.total])
    ws.append(["自评等次", fig.grade(form.total)])
    ws.append(["评分说明", "定量指标按完成比例计分，定性指标按达成、部分达成、未达成三档计分；总分90分（含）以上为优，80（含）-90分为良，60（含）-80分为中，60分以下为差。"])
    for col, width in zip("ABCDEFGHI", (8, 12, 12, 22, 14, 16, 6, 6, 26)):
        ws.column_dimensions[col].width = width
    wb.save(path)


def _toilets(**change) -> CountyForm:
    out, eff, sat = "产出指标", "效益指标", "满意度指标"
    rows = [
        Ind(out, "数量指标", "改造农村户厕数量", "≥980户", "980户", 10, 10),
        Ind(out, "质量指标", "改厕验收合格率", "≥95%", "97.6%", 10, 10),
        Ind(out, "质量指标", "户厕粪污无害化处理", "按标准执行", "按标准执行", 10, 10),
        Ind(out, "时效指标", "改厕任务完成时间", "10月底前", "2023年10月26日", 10, 10),
        Ind(out, "成本指标", "户均奖补标准", "≤1200元/户", "1200元/户", 10, 10),
        Ind(eff, "社会效益指标", "农村人居环境", "明显改善", "明显改善", 10, 10),
        Ind(eff, "生态效益指标", "粪污乱排乱放现象", "明显减少", "明显减少", 10, 10),
        Ind(eff, "可持续影响指标", "改厕后续管护机制", "持续发挥作用", "已建立村级管护员队伍，常态化巡检", 10, 10),
        Ind(sat, "服务对象满意度指标", "改厕农户满意度", "≥90%", "93%", 10, 10),
    ]
    form = CountyForm(
        year=2023,
        project="2023年农村户厕改造奖补资金",
        department="永新县农业农村局",
        implementer="永新县农村能源服务站",
        initial=120,
        budget=120,
        spent=117.6,
        expected="完成980户农村户厕改造，10月底前完工，验收合格率95%以上。",
        achieved="完成980户改厕，10月26日全部完工，验收合格率97.6%。",
        rows=rows,
    )
    return replace(form, **change)


def _level1_weights_wrong() -> CountyForm:
    form = _toilets(project="2023年农村改厕问题整改资金")
    # 产出 rows now total 45 under a 50-point 产出 heading, 效益 rows 35 under 30: Σ still 90
    form.rows = changed(form.rows, 4, weight=5, score=5)
    form.rows = changed(form.rows, 7, weight=15, score=15)
    form.rows = [_relabel(r) for r in form.rows]
    return form


def _relabel(ind: Ind) -> Ind:
    labels = {"产出指标": "产出指标（50分）", "效益指标": "效益指标（30分）", "满意度指标": "满意度指标（10分）"}
    return Ind(**{**ind.__dict__, "l1": labels[ind.l1]})


def _missed_unexplained() -> CountyForm:
    form = _toilets(project="2023年农村厕所革命整村推进资金")
    form.rows = changed(form.rows, 0, target="≥500户", actual="460户", score=fig.ratio_score(460, 500, 10))
    form.spent = 55.2
    form.budget = form.initial = 60
    form.expected = "完成500户农村户厕改造，10月底前完工，验收合格率95%以上。"
    form.achieved = "完成460户改厕，10月26日完工，验收合格率97.6%。"
    return form


# ---------------------------------------------------------------- typed (xlsxwriter, 指标类型 column)

TYPED = "评价表"
REPORT = "评价报告"


def write_typed(path: Path, form: CountyForm) -> None:
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    ws = wb.add_worksheet(TYPED)
    pct = wb.add_format({"num_format": "0%"})
    pct2 = wb.add_format({"num_format": "0.00%"})
    ws.write_row(0, 0, [f"{form.project}部门绩效评价表"])
    ws.write_row(1, 0, ["项目名称", form.project])
    ws.write_row(2, 0, ["主管部门", form.department, "", "", "实施单位", form.implementer])
    ws.write_row(3, 0, ["评价方式", form.method])
    ws.write_row(4, 0, ["项目资金（万元）", "", "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率", "得分"])
    ws.write_row(5, 0, ["", "年度资金总额", form.initial, form.budget, form.spent, form.funds_weight])
    ws.write_number(5, 6, form.rate, pct2)
    ws.write_number(5, 7, form.funds_score)
    ws.write_row(6, 0, ["", "其中：当年财政拨款", form.initial, form.budget, form.spent])
    ws.write_row(7, 0, ["", "上年结转资金"])
    ws.write_row(8, 0, ["", "其他资金"])
    ws.write_row(9, 0, ["年度总体目标", "预期目标", "", "", "", "实际完成情况"])
    ws.write_row(10, 0, ["", form.expected, "", "", "", form.achieved])
    ws.write_row(11, 0, ["一级指标", "二级指标", "三级指标", "指标类型", "年度指标值", "全年完成值", "分值", "得分", "偏差原因分析及改进措施"])
    r = 12
    for group in groups(form.rows):
        for i, ind in enumerate(group):
            ws.write_row(r, 0, [ind.l1 if i == 0 else "", ind.l2, ind.name, ind.kind])
            for c, value in ((4, ind.target), (5, ind.actual)):
                if isinstance(value, float) and value <= 1.5:
                    ws.write_number(r, c, value, pct)
                else:
                    ws.write(r, c, value)
            ws.write_row(r, 6, [ind.weight, ind.score, ind.why])
            r += 1
        ws.write_row(r, 0, ["小计", "", "", "", "", "", weights(group), scores(group)])
        r += 1
    ws.write_row(r, 0, ["总分", "", "", "", "", "", weights(form.rows), form.total])
    ws.write_row(r + 1, 0, ["评价等次", fig.grade(form.total)])
    if form.report:
        rep = wb.add_worksheet(REPORT)
        rep.write_string(0, 0, "\n".join(form.report), wb.add_format({"text_wrap": True, "valign": "top"}))
        rep.set_column(0, 0, 120)
    wb.close()


def _stockpile(**change) -> CountyForm:
    d, p, o, e = "项目决策", "项目过程", "项目产出", "项目效益"
    rate = fig.rate(87.3, 90)
    rows = [
        Ind(d, "项目立项", "立项依据充分性", "全部符合", "全部符合", 3, 3, kind="定性"),
        Ind(d, "项目立项", "立项程序规范性", "全部符合", "全部符合", 2, 2, kind="定性"),
        Ind(d, "绩效目标", "绩效目标合理性", "全部符合", "全部符合", 5, 5, kind="定性"),
        Ind(d, "绩效目标", "绩效指标明确性", "全部符合", "基本符合", 5, 4, "部分效益指标未量化；下年度补充。", kind="定性"),
        Ind(d, "资金投入", "预算编制科学性", "全部符合", "全部符合", 3, 3, kind="定性"),
        Ind(d, "资金投入", "资金分配合理性", "全部符合", "全部符合", 2, 2, kind="定性"),
        Ind(p, "资金管理", "资金到位率", 1.0, 1.0, 3, 3, kind="正向"),
        Ind(p, "资金管理", "预算执行率", 1.0, rate, 4, fig.half_up(4 * rate, 2), "采购节余2.7万元。", kind="正向"),
        Ind(p, "资金管理", "资金使用合规性", "全部符合", "全部符合", 3, 3, kind="定性"),
        Ind(p, "组织实施", "管理制度健全性", "全部符合", "全部符合", 5, 5, kind="定性"),
        Ind(p, "组织实施", "制度执行有效性", "全部符合", "全部符合", 5, 5, kind="定性"),
        Ind(o, "产出数量", "储备救灾帐篷数量", "≥200顶", "200顶", 5, 5, kind="正向"),
        Ind(o, "产出质量", "物资入库验收合格率", 1.0, 1.0, 5, 5, kind="正向"),
        Ind(o, "产出时效", "物资采购入库时间", "汛期前（5月底前）", "5月24日全部入库", 5, 5, kind="定性"),
        Ind(o, "产出成本", "帐篷采购单价", "≤1800元/顶", "1780元/顶", 5, 5, kind="反向"),
        Ind(o, "产出成本", "物资采购合同总价", "≤88万元", "87.3万元", 10, 10, kind="反向"),
        Ind(e, "社会效益", "县级应急保障能力", "有效提升", "有效提升", 15, 15, kind="定性"),
        Ind(e, "满意度", "乡镇应急站满意度", "≥90%", "96%", 15, 15, kind="正向"),
    ]
    total = scores(rows)
    form = CountyForm(
        year=2023,
        project="2023年县级应急物资储备项目",
        department="泰和县应急管理局",
        implementer="泰和县应急物资储备中心",
        initial=90,
        budget=90,
        spent=87.3,
        expected="汛期前完成救灾帐篷等应急物资采购入库，提升县级应急保障能力。",
        achieved="5月24日前完成200顶帐篷等物资采购入库，验收合格率100%。",
        rows=rows,
        method="部门评价",
        report=[
            "泰和县应急管理局2023年县级应急物资储备项目绩效评价报告",
            "一、项目基本情况",
            "项目全年预算90万元，实际支出87.3万元，预算执行率97%。",
            "5月24日前完成200顶救灾帐篷等物资的采购入库，验收合格率100%。",
            "二、评价结论",
            f"经评价，该项目得分{fig.show(total)}分，评价等级为“{fig.grade(total)}”。",
        ],
    )
    return replace(form, **change)


# ---------------------------------------------------------------- formulas (xlsxwriter with cached values)

FORMULAS = "项目支出绩效自评表"


def write_formulas(path: Path, form: CountyForm) -> None:
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    ws = wb.add_worksheet(FORMULAS)
    pct = wb.add_format({"num_format": "0.00%"})
    ws.merge_range("A1:H1", f"{form.project}绩效自评表")
    ws.write_row("A2", ["项目名称", form.project])
    ws.write_row("A3", ["主管部门", form.department, "", "", "实施单位", form.implementer])
    ws.write_row("A4", ["评价方式", form.method])
    ws.merge_range("A5:A9", "项目资金（万元）")
    ws.write_row("B5", ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    ws.write_row("B6", ["年度资金总额"])
    ws.write_formula("C6", "=C7+C8+C9", None, form.initial)
    ws.write_formula("D6", "=D7+D8+D9", None, form.budget)
    ws.write_formula("E6", "=E7+E8+E9", None, form.spent)
    ws.write_number("F6", form.funds_weight)
    ws.write_formula("G6", "=IF(D6=0,0,E6/D6)", pct, form.spent / form.budget)
    ws.write_formula("H6", "=ROUND(MIN(G6,1)*F6,2)", None, fig.funds_score(form.spent / form.budget, form.funds_weight))
    ws.write_row("B7", ["其中：当年财政拨款", form.initial, form.budget, form.spent])
    ws.write_row("B8", ["上年结转资金", 0, 0, 0])
    ws.write_row("B9", ["其他资金", 0, 0, 0])
    ws.write_row("A10", ["年度总体目标", "预期目标", "", "", "实际完成情况"])
    ws.write_row("A11", ["", form.expected, "", "", form.achieved])
    ws.write_row("A12", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
    r = 13
    first = r
    for group in groups(form.rows):
        for i, ind in enumerate(group):
            ws.write_row(f"A{r}", [ind.l1 if i == 0 else "", ind.l2, ind.name, ind.target, ind.actual, ind.weight, ind.score, ind.why])
            r += 1
    ws.write(f"A{r}", "总分")
    ws.write_formula(f"F{r}", f"=SUM(F{first}:F{r - 1})+F6", None, 100)
    ws.write_formula(f"G{r}", f"=SUM(G{first}:G{r - 1})+H6", None, form.total)
    ws.write(f"A{r + 1}", "评价等次")
    ws.write_formula(f"B{r + 1}", f'=IF(G{r}>=90,"优",IF(G{r}>=80,"良",IF(G{r}>=60,"中","差")))', None, fig.grade(form.total))
    wb.close()


def _extension(**change) -> CountyForm:
    out, eff, sat = "产出指标(50分)", "效益指标(30分)", "满意度指标(10分)"
    rows = [
        Ind(out, "数量指标", "培育农业科技示范主体", "≥160户", "162户", 10, 10),
        Ind(out, "数量指标", "建设农业科技示范基地", "≥8个", "8个", 10, 10),
        Ind(out, "质量指标", "农技人员培训合格率", "≥95%", "100%", 10, 10),
        Ind(out, "时效指标", "项目实施完成时间", "当年内", "提前完成", 10, 10),
        Ind(out, "成本指标", "示范主体户均补助", "≤0.2万元/户", "0.2万元/户", 10, 10),
        Ind(eff, "经济效益指标", "示范主体主推品种增产", "≥5%", "6.2%", 10, 10),
        Ind(eff, "社会效益指标", "主推技术到位率", "≥95%", "95.5%", 10, 10),
        Ind(eff, "可持续影响指标", "农技推广服务机制", "持续运行", "持续运行", 10, 10),
        Ind(sat, "服务对象满意度指标", "示范主体满意度", "≥90%", "94%", 10, 10),
    ]
    form = CountyForm(
        year=2023,
        project="2023年基层农技推广体系改革与建设补助项目",
        department="吉水县农业农村局",
        implementer="吉水县农业技术推广中心",
        initial=64,
        budget=64,
        spent=61.44,
        expected="培育农业科技示范主体160户以上，建设示范基地8个，主推技术到位率95%以上。",
        achieved="培育示范主体162户，建设示范基地8个，主推技术到位率95.5%；结余2.56万元按规定收回。",
        rows=rows,
    )
    return replace(form, **change)


# ---------------------------------------------------------------- cover (openpyxl, a 封面 sheet first)

COVER_FORM = "项目自评表"


def write_cover(path: Path, form: CountyForm) -> None:
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "封面"
    cover["A3"] = f"{form.year}年度项目支出绩效自评材料"
    cover["A6"] = f"报送单位：{form.implementer}"
    cover["A7"] = "报送日期：2024年2月"
    ws = wb.create_sheet(COVER_FORM)
    ws["A1"] = "单位：万元"
    rows = [
        ["项目名称", form.project],
        ["主管部门", form.department, None, "实施单位", form.implementer],
        ["评价年度", form.year, None, "评价方式", form.method],
        ["项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", form.initial, form.budget, form.spent, form.funds_weight, None, form.funds_score],
        ["", "其中：当年财政拨款", form.fiscal_budget if form.fiscal_budget is not None else form.initial,
         form.fiscal_budget if form.fiscal_budget is not None else form.budget,
         form.spent if form.carryover_budget is None else fig.total(form.spent, -form.carryover_budget)],
        ["", "上年结转资金", form.carryover_budget, form.carryover_budget, form.carryover_budget],
        ["", "其他资金"],
        ["年度总体目标", "预期目标", None, None, "实际完成情况"],
        ["", form.expected, None, None, form.achieved],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ]
    for row in rows:
        ws.append(row)
    for group in groups(form.rows):
        for ind in group:
            ws.append([ind.l1, ind.l2, ind.name, ind.target, ind.actual, ind.weight, ind.score, ind.why or None])
            if isinstance(ind.actual, dt.date):
                ws.cell(ws.max_row, 5).number_format = "yyyy/m/d"
    ws.append(["总分", None, None, None, None, 100, form.total])
    ws.append(["评价等次", None])
    wb.save(path)


def _relief(**change) -> CountyForm:
    out, eff, sat = "产出指标", "效益指标", "满意度指标"
    rows = [
        Ind(out, "数量指标", "临时救助人次", "≥1500人次", "1632人次", 10, 10),
        Ind(out, "质量指标", "救助对象认定准确率", "100%", "100%", 10, 10),
        Ind(out, "时效指标", "急难型救助审批时限", "按期", "按期完成", 10, 10),
        Ind(out, "时效指标", "年度救助资金拨付", "年底前", dt.date(2023, 12, 22), 10, 10),
        Ind(out, "成本指标", "人均救助金额", "≤1500元/人次", "1409元/人次", 10, 10),
        Ind(eff, "社会效益指标", "困难群众基本生活", "得到保障", "得到保障", 15, 15),
        Ind(eff, "可持续影响指标", "“先行救助”机制", "持续运行", "持续运行", 15, 15),
        Ind(sat, "服务对象满意度指标", "救助对象满意度", "≥90%", "约95%", 10, 10),
    ]
    form = CountyForm(
        year=2023,
        project="2023年困难群众临时救助资金",
        department="峡江县民政局",
        implementer="峡江县社会救助服务中心",
        initial=230,
        budget=230,
        spent=230,
        expected="对遭遇突发性、紧迫性困难的群众及时给予临时救助，全年救助1500人次以上。",
        achieved="全年临时救助1632人次，支出230万元，急难型救助均按期审批。",
        rows=rows,
    )
    return replace(form, **change)


def _parts_do_not_sum() -> CountyForm:
    # 年度资金总额 全年预算数 230 but 当年财政拨款 180 + 上年结转 30 = 210
    return _relief(project="2023年特困人员临时生活补助资金", fiscal_budget=180, carryover_budget=30)


def _nursing_home(**change) -> CountyForm:
    out, eff, sat = "产出指标", "效益指标", "满意度指标"
    rows = [
        Ind(out, "数量指标", "改造敬老院数量", "≥5所", "5所", 10, 10),
        Ind(out, "数量指标", "新增护理床位", "≥60张", "62张", 10, 10),
        Ind(out, "质量指标", "消防验收合格率", "100%", "100%", 10, 10),
        Ind(out, "时效指标", "改造完成时间", "第三季度", "9月底完工", 10, 10),
        Ind(out, "成本指标", "单所改造补助", "≤17万元/所", "16.66万元/所", 10, 10),
        Ind(eff, "社会效益指标", "特困老人集中供养条件", "明显改善", "明显改善", 10, 10),
        Ind(eff, "社会效益指标", "特困人员集中供养率", "≥60%", "63%", 10, 10),
        Ind(eff, "可持续影响指标", "敬老院管理服务机制", "持续发挥作用", "已建立院长负责制，常态化运行", 10, 10),
        Ind(sat, "服务对象满意度指标", "入住老人满意度", "≥90%", "95%", 10, 10),
    ]
    form = CountyForm(
        year=2023,
        project="2023年农村敬老院提升改造资金",
        department="遂川县民政局",
        implementer="遂川县社会福利中心",
        initial=85,
        budget=85,
        spent=83.3,
        expected="完成5所农村敬老院提升改造，新增护理床位60张，第三季度完工。",
        achieved="5所敬老院9月底完工，新增护理床位62张，消防验收全部合格。",
        rows=rows,
    )
    return replace(form, **change)


def _vaccination(**change) -> CountyForm:
    out, eff, sat = "产出指标", "效益指标", "满意度指标"
    rows = [
        Ind(out, "数量指标", "猪瘟免疫头数", "≥18万头", "18.6万头", 10, 10, kind="正向"),
        Ind(out, "数量指标", "强制免疫病种数", "4种", "4种", 10, 10, kind="正向"),
        Ind(out, "质量指标", "免疫抗体合格率", "≥70%", 0.86, 10, 10, kind="正向"),
        Ind(out, "时效指标", "春季集中免疫完成时间", "5月底前", "5月25日前完成", 10, 10, kind="定性"),
        Ind(out, "成本指标", "每头份疫苗补助", "≤0.8元/头份", "0.78元/头份", 10, 10, kind="反向"),
        Ind(eff, "社会效益指标", "重大动物疫情发生数", "0起", "0起", 15, 15, kind="反向"),
        Ind(eff, "可持续影响指标", "基层动物防疫体系", "持续稳定运行", "持续稳定运行", 15, 15, kind="定性"),
        Ind(sat, "服务对象满意度指标", "养殖户满意度", "≥90%", 0.94, 10, 10, kind="正向"),
    ]
    form = CountyForm(
        year=2023,
        project="2023年动物疫病强制免疫补助",
        department="万安县农业农村局",
        implementer="万安县畜牧兽医站",
        initial=52,
        budget=52,
        spent=52,
        expected="对猪瘟等4种重大动物疫病实施强制免疫，免疫抗体合格率70%以上。",
        achieved="全年免疫猪18.6万头，抗体合格率86%，未发生重大动物疫情。",
        rows=rows,
    )
    return replace(form, **change)


def _rehab(**change) -> CountyForm:
    out, eff, sat = "产出指标", "效益指标", "满意度指标"
    rows = [
        Ind(out, "数量指标", "康复救助残疾儿童人数", "≥260人", "268人", 10, 10),
        Ind(out, "质量指标", "康复训练达标率", "≥85%", "88%", 10, 10),
        Ind(out, "时效指标", "救助资金拨付", "按季度拨付", "按季度及时拨付", 10, 10),
        Ind(out, "时效指标", "年度康复评估完成时间", "12月20日前", dt.date(2023, 12, 15), 10, 10),
        Ind(out, "成本指标", "人均康复救助标准", "≤0.9万元/人·年", "0.86万元/人·年", 10, 10),
        Ind(eff, "社会效益指标", "残疾儿童康复状况", "明显改善", "明显改善", 15, 15),
        Ind(eff, "可持续影响指标", "康复服务体系", "持续完善", "持续完善", 15, 15),
        Ind(sat, "服务对象满意度指标", "家长满意度", "≥90%", "96%", 10, 10),
    ]
    form = CountyForm(
        year=2023,
        project="2023年残疾儿童康复救助资金",
        department="永丰县残疾人联合会",
        implementer="永丰县残疾人康复中心",
        initial=230,
        budget=230,
        spent=230,
        expected="为260名以上残疾儿童提供康复救助，12月20日前完成年度评估。",
        achieved="全年救助268名残疾儿童，12月15日完成年度评估，上年结转30万元一并使用。",
        rows=rows,
        fiscal_budget=200,
        carryover_budget=30,
    )
    return replace(form, **change)


def _written(writer: Callable[[Path, CountyForm], None], build: Callable[[], CountyForm]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        form = build()
        expected = 90 if form.method == "单位自评" else 100
        assert weights(form.rows) == expected, (form.project, weights(form.rows))
        writer(path, form)

    return make


FORMS = [
    FormCase("county_01_huce_gaizao", "county_handmade", _written(write_plain, _toilets),
             "no merges, 序号, written-once labels, 元 as text, 小计 rows, 总分/自评等次/评分说明 rows"),
    FormCase("county_02_yingji_wuzi", "county_handmade", _written(write_typed, _stockpile),
             "部门评价, 指标类型 column, fractions shown as 0%, 小计 in the 一级 column, report in one cell"),
    FormCase("county_03_nongji_tuiguang", "county_handmade", _written(write_formulas, _extension),
             "formulas with cached values for 执行率, 资金得分, 总分, 等次 (IF), 当年内 / 提前完成"),
    FormCase("county_04_linshi_jiuzhu", "county_handmade", _written(write_cover, _relief),
             "封面 sheet first, blank 执行率 and 等次, 按期 / 按期完成, 约95%, date cell yyyy/m/d"),
    FormCase(
        "county_05_gaice_zhenggai", "county_handmade", _written(write_plain, _level1_weights_wrong),
        "一级 labels 50/30 over rows summing 45/35",
        faults=(
            Fault(PLAIN, "B14", "产出指标标明50分，其下三级指标分值合计45分", also=("G19",)),
            Fault(PLAIN, "B20", "效益指标标明30分，其下三级指标分值合计35分", also=("G23",)),
        ),
    ),
    FormCase(
        "county_06_cesuo_geming", "county_handmade", _written(write_plain, _missed_unexplained),
        "≥500户 target, 460户 done, no 偏差原因",
        faults=(Fault(PLAIN, "I14", "改厕数量目标500户，完成460户，未达成目标却未填写偏差原因", also=("F14", "H14")),),
    ),
    FormCase(
        "county_07_tekun_buzhu", "county_handmade", _written(write_cover, _parts_do_not_sum),
        "全年预算数 230 but 其中 rows 180 + 30",
        faults=(Fault(COVER_FORM, "D6", "年度资金总额全年预算数230万元，其中当年财政拨款180万元与上年结转30万元合计210万元",
                      also=("C6", "D7", "D8", "C7", "C8", "E6", "E7", "E8")),),
    ),
    FormCase("county_08_jinglaoyuan", "county_handmade", _written(write_plain, _nursing_home),
             "no merges, 元 as text, 第三季度 / 9月底完工, restated qualitative, 小计 and 自评等次 rows"),
    FormCase(
        "county_09_qiangzhi_mianyi", "county_handmade", _written(write_typed, _vaccination),
        "单位自评 with 指标类型 column, fractions shown as 0%, 反向 met, 0起",
        # (first written as clean; the lead's review: the 总分 row's 分值 90 counts the indicators only while its
        # 得分 100 includes the funds' 10 points, so the row cannot be right as written — a planted fault)
        faults=(Fault(TYPED, "G24", "总分行分值写90分（只计指标），得分100分却含资金部分10分，同一行口径不一，满分应为100分"),),
    ),
    FormCase("county_10_kangfu_jiuzhu", "county_handmade", _written(write_cover, _rehab),
             "cover sheet, 上年结转 part consistent (200 + 30), blank 执行率 and 等次, date cell"),
]
