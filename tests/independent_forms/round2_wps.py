"""Round 2: county 项目支出绩效自评表 from the west (云南, 贵州, 甘肃, 内蒙古, 新疆) as WPS and
Excel (zh-CN) save them, written at the XML level with :mod:`tests.independent_forms._ooxml`.

The central 2022 layout as counties fill it (an 附件2 line, a 填报单位 / 填报日期 line dated in
the following year, 项目资金 in 万元 or 元), nine columns, 产出 50 / 效益 30 / 满意度 10 — or
产出 40 / 成本 10 / 效益 30 / 满意度 10 where the county adopted 成本指标 as an 一级
(红河州 2024 单位自评报告, www.hh.gov.cn/info/11481/1179592.htm, is such a unit's report).
What the XML carries: WPS's wrong ``<dimension ref="A1">`` and KSO properties, Excel's
phonetic runs and shared formulas with cached values (执行率, 得分, 总分), dates stored as
serials under the zh-CN built-in formats 14, 31 (yyyy年m月d日) and 58 (m月d日, no year shown),
percentages stored as fractions under 0.00%, money as text (“1,280,000.00”, “860万元”), and
festival deadlines (端午节前, 国庆节前, 中秋节前) met or missed by such dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from tests.independent_forms import _figures as fig
from tests.independent_forms import _round2 as r2
from tests.independent_forms._case import Fault, FormCase
from tests.independent_forms._ooxml import EXCEL, WPS, Flavor, Formula, Phonetic, Sheet, Styled, write_package
from tests.independent_forms._rows import Ind, groups, runs

SHEET = "自评表"
FIRST = 15


@dataclass
class CountyForm:
    year: int
    project: str
    department: str
    implementer: str
    filled: str  # 填报日期 as written
    initial: float
    budget: float
    spent: float
    expected: str
    achieved: str
    rows: list[Ind]
    money_unit: str = "万元"
    money_text: Callable[[float], str] | None = None  # money written as text, e.g. “1,280,000.00”
    formulas: bool = False  # 执行率, 得分 and 总分 as shared formulas with cached values
    phonetic: bool = False
    rate_written: str | None = None  # the 执行率 as text, when it is not B/A
    funds_score_written: float | None = None
    notes: tuple[str, ...] = ()

    @property
    def rate(self) -> float:
        return r2.funds(self.spent, self.budget)[0]

    @property
    def funds_score(self) -> float:
        if self.funds_score_written is not None:
            return self.funds_score_written
        return r2.funds(self.spent, self.budget)[1]

    @property
    def total(self) -> float:
        return fig.total(r2.score_sum(self.rows), self.funds_score)


def lay_out(form: CountyForm) -> Sheet:
    sh = Sheet(SHEET)

    def label(text: str, guide: str) -> object:
        return Phonetic(text, guide) if form.phonetic else text

    sh.put("A1", "附件2")
    sh.merge("A2:I2", "项目支出绩效自评表")
    sh.merge("A3:I3", f"（{form.year}年度）")
    sh.merge("A4:E4", f"填报单位：{form.implementer}")
    sh.merge("F4:I4", f"填报日期：{form.filled}")
    sh.put("A5", label("项目名称", "xiàng mù míng chēng"))
    sh.merge("B5:I5", form.project)
    sh.put("A6", label("主管部门", "zhǔ guǎn bù mén"))
    sh.merge("B6:D6", form.department)
    sh.put("E6", label("实施单位", "shí shī dān wèi"))
    sh.merge("F6:I6", form.implementer)
    sh.merge("A7:A11", f"项目资金\n（{form.money_unit}）")
    sh.merge("B7:C7")
    for col, text in zip("DEFGHI", ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")):
        sh.put(f"{col}7", text)
    money = (form.initial, form.budget, form.spent)
    money_rows = (("年度资金总额", money), ("其中：财政拨款", money), ("上年结转资金", None), ("其他资金", None))
    for r, (text, money) in enumerate(money_rows, start=8):
        sh.merge(f"B{r}:C{r}", text)
        if money is None:
            continue
        for col, value in zip("DEF", money):
            sh.put(f"{col}{r}", form.money_text(value) if form.money_text else value)
    sh.put("G8", 10)
    if form.rate_written is not None:
        sh.put("H8", form.rate_written)
        sh.put("I8", form.funds_score)
    elif form.formulas:
        sh.put("H8", Formula('IFERROR(F8/E8,"")', form.spent / form.budget, shared="0", ref="H8:H9"), "pct")
        sh.put("H9", Formula('IFERROR(F9/E9,"")', form.spent / form.budget, shared="0"), "pct")
        sh.put("I8", Formula("ROUND(MIN(H8,1)*G8,2)", form.funds_score))
    else:
        sh.put("H8", form.rate, "pct")
        sh.put("I8", form.funds_score)
    sh.merge("A12:A13", "年度总体目标")
    sh.merge("B12:E12", "预期目标")
    sh.merge("F12:I12", "实际完成情况")
    sh.merge("B13:E13", form.expected)
    sh.merge("F13:I13", form.achieved)
    heads = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
    for col, text in zip("ABCDEFG", heads):
        sh.put(f"{col}{FIRST - 1}", text)
    sh.merge(f"H{FIRST - 1}:I{FIRST - 1}", "偏差原因分析及改进措施")
    r = FIRST
    for group in groups(form.rows):
        first = r
        for run in runs(group):
            start = r
            for ind in run:
                sh.put(f"C{r}", ind.name)
                sh.cells[(r, 4)] = ind.target
                sh.cells[(r, 5)] = ind.actual
                sh.put(f"F{r}", ind.weight)
                sh.put(f"G{r}", ind.score)
                if ind.why:
                    sh.merge(f"H{r}:I{r}", ind.why)
                else:
                    sh.merges.append(f"H{r}:I{r}")
                r += 1
            (sh.merge(f"B{start}:B{r - 1}", run[0].l2) if r - 1 > start else sh.put(f"B{start}", run[0].l2))
        (sh.merge(f"A{first}:A{r - 1}", group[0].l1) if r - 1 > first else sh.put(f"A{first}", group[0].l1))
    sh.merge(f"A{r}:E{r}", "总分")
    sh.put(f"F{r}", 100)
    if form.formulas:
        sh.put(f"G{r}", Formula(f"SUM(G{FIRST}:G{r - 1})+I8", form.total))
    else:
        sh.put(f"G{r}", form.total)
    for note in form.notes:
        r += 1
        sh.merge(f"A{r}:I{r}", note)
    return sh


def _written(flavor: Flavor, build: Callable[[], CountyForm], *, weights_add_up: bool = True) -> Callable[[Path], None]:
    def write(path: Path, form: CountyForm) -> None:
        write_package(path, [lay_out(form)], flavor)

    return r2.written(write, build, 90, weights_add_up=weights_add_up)


OUT, EFF, SAT = "产出指标", "效益指标", "满意度指标"
COST = "成本指标"
SAT2 = "服务对象满意度指标"
NOTE = "注：执行率=全年执行数/全年预算数；预算执行率得分=执行率×10分，最高10分；定量指标按完成比例计分，定性指标按档次计分。"


def _yuan(value: float) -> str:
    return f"{value:,.2f}"


def _wan(value: float) -> str:
    return f"{fig.show(value)}万元"


# ---------------------------------------------------------------- forms


def _border_clinics() -> CountyForm:
    rows = [
        Ind(OUT, "数量指标", "补助边境村卫生室数量", "≥64个", "64个", 10, 10),
        Ind(OUT, "数量指标", "村医驻村服务天数", "≥240天/年", "252天/年", 5, 5),
        Ind(OUT, "质量指标", "村卫生室标准化建设达标率", "≥90%", Styled(0.953, "pct"), 10, 10),
        Ind(OUT, "时效指标", "上半年补助拨付", "端午节前", Styled(dt.date(2023, 6, 19), "d58"), 5, 5),
        Ind(OUT, "时效指标", "下半年补助拨付", "11月底前", Styled(dt.date(2023, 11, 24), "d31"), 5, 5),
        Ind(OUT, "成本指标", "每个卫生室年补助标准", "2万元/个", "2万元/个", 15, 15),
        Ind(EFF, "社会效益指标", "边境群众就近就医", "有效保障", "达到预期", 15, 15),
        Ind(EFF, "可持续影响指标", "村级医疗服务网底", "持续巩固", "持续巩固", 15, 15),
        Ind(SAT, SAT2, "边境村群众满意度", "≥90%", Styled(0.95, "pct"), 10, 10),
    ]
    return CountyForm(
        year=2023,
        project="2023年边境村卫生室运行补助资金",
        department="河口瑶族自治县卫生健康局",
        implementer="河口瑶族自治县卫生健康局",
        filled="2024年2月26日",
        initial=1280000, budget=1280000, spent=1280000,
        money_unit="元", money_text=_yuan,
        expected="对64个边境村卫生室按每个2万元标准给予运行补助，端午节前拨付上半年补助。",
        achieved="64个卫生室补助全部拨付，上半年补助6月19日拨付，下半年补助11月24日拨付。",
        rows=rows,
        notes=(NOTE,),
    )


def _relocation() -> CountyForm:
    rows = [
        Ind(OUT, "数量指标", "运维安置点数量", "≥12个", "12个", 10, 10),
        Ind(OUT, "数量指标", "开展就业技能培训", "800人次以上", "836人次", 10, 10),
        Ind(OUT, "质量指标", "公共服务设施完好率", "≥95%", "96.5%（季度巡检）", 10, 10),
        Ind(OUT, "时效指标", "冬季取暖设施检修", "国庆节前", "9月28日完成", 5, 5),
        Ind(OUT, "时效指标", "培训任务完成时间", "年内", "11月完成", 5, 5),
        Ind(OUT, "成本指标", "每个安置点年运维费用", "≤38万元", "36.38万元", 10, 10),
        Ind(EFF, "社会效益指标", "搬迁群众稳得住", "有效保障", "效果显著", 10, 10),
        Ind(EFF, "经济效益指标", "搬迁劳动力就业率", "≥90%", "92.3%", 10, 10),
        Ind(EFF, "可持续影响指标", "安置点社区治理水平", "持续提升", "持续提升", 10, 10),
        Ind(SAT, SAT2, "搬迁群众满意度", "≥90%", "94%", 10, 10),
    ]
    return CountyForm(
        year=2023,
        project="易地扶贫搬迁安置点公共服务运维经费",
        department="毕节市七星关区生态移民局",
        implementer="毕节市七星关区易地扶贫搬迁服务中心",
        filled="2024年3月5日",
        initial=450, budget=450, spent=436.5,
        expected="保障12个安置点公共服务设施正常运行，开展就业技能培训800人次以上。",
        achieved="12个安置点设施运行良好，完成培训836人次，取暖设施9月28日检修完毕。",
        rows=rows,
        formulas=True,
        phonetic=True,
        notes=(NOTE,),
    )


def _school_repair() -> CountyForm:
    rows = [
        Ind(OUT, "数量指标", "维修改造校舍面积", "≥2.6万平方米", "2.63万平方米", 10, 10),
        Ind(OUT, "数量指标", "受益学校数量", "≥23所", "23所", 5, 5),
        Ind(OUT, "质量指标", "工程竣工验收合格率", "100%", "100%（竣工验收合格）", 10, 10),
        Ind(OUT, "时效指标", "暑期维修工程完工时间", "8月31日前", Styled(dt.date(2024, 8, 25), "d31"), 10, 10),
        Ind(OUT, "时效指标", "工程结算完成时间", "第四季度", "12月完成", 5, 5),
        Ind(COST, "经济成本指标", "单位面积维修改造成本", "≤330元/平方米", "324元/平方米", 10, 10),
        Ind(COST, "社会成本指标", "不适用", "不适用", "—", "—", "—"),
        Ind(COST, "生态环境成本指标", "不适用", "不适用", "—", "—", "—"),
        Ind(EFF, "社会效益指标", "校舍安全隐患", "全部消除", "全部消除", 15, 15),
        Ind(EFF, "可持续影响指标", "农村学校办学条件", "持续改善", "持续改善", 15, 15),
        Ind(SAT, SAT2, "师生满意度", "≥90%", "95%", 10, 10),
    ]
    return CountyForm(
        year=2024,
        project="2024年农村中小学校舍维修改造资金",
        department="会宁县教育局",
        implementer="会宁县教育基建管理办公室",
        filled="2025年1月20日",
        initial=860, budget=860, spent=851.4,
        money_text=_wan,
        expected="暑期完成23所学校2.6万平方米校舍维修改造，消除校舍安全隐患。",
        achieved="完成23所学校2.63万平方米维修改造，8月25日全部完工并验收合格，12月完成结算。",
        rows=rows,
        notes=("注：一级指标分值为产出指标40分、成本指标10分、效益指标30分、满意度指标10分，预算执行率10分。"
               "社会成本、生态环境成本指标不适用，不设分值。",),
    )


def _grassland() -> CountyForm:
    rows = [
        Ind(OUT, "数量指标", "禁牧补助面积", "520万亩", "520万亩", 10, 10),
        Ind(OUT, "数量指标", "草畜平衡奖励面积", "1,168万亩", "1,168万亩", 10, 10),
        Ind(OUT, "质量指标", "补奖资金兑付准确率", "100%", "100%", 10, 10),
        Ind(OUT, "时效指标", "补奖资金兑付时间", "11月30日前", Styled(dt.date(2023, 11, 17), "d14"), 10, 10),
        Ind(OUT, "成本指标", "禁牧补助标准", "7.5元/亩", "7.5元/亩", 10, 10),
        Ind(EFF, "生态效益指标", "草原植被综合盖度", "≥45%", "45.8%", 10, 10),
        Ind(EFF, "经济效益指标", "牧民人均政策性收入", "稳中有升", "稳中有升", 10, 10),
        Ind(EFF, "可持续影响指标", "禁牧和草畜平衡制度", "长期落实", "长期落实", 10, 10),
        Ind(SAT, SAT2, "农牧民满意度", "≥90%", "96%", 10, 10),
    ]
    return CountyForm(
        year=2023,
        project="第三轮草原生态保护补助奖励资金",
        department="锡林郭勒盟阿巴嘎旗林业和草原局",
        implementer="阿巴嘎旗草原工作站",
        filled="2024年1月31日",
        initial=6820, budget=6820, spent=6820,
        expected="落实禁牧520万亩、草畜平衡1168万亩，11月30日前将补奖资金兑付到户。",
        achieved="补奖资金6820万元于11月17日全部兑付到户，草原植被综合盖度45.8%。",
        rows=rows,
        phonetic=True,
        notes=(NOTE,),
    )


def _rural_housing() -> CountyForm:
    rows = [
        Ind(OUT, "数量指标", "建设农村安居房", "≥520户", "520户", 10, 10),
        Ind(OUT, "质量指标", "抗震设防达标率", "100%", "100%", 10, 10),
        Ind(OUT, "时效指标", "主体工程完工时间", "10月底前", "提前完成", 10, 10),
        Ind(OUT, "时效指标", "竣工验收时间", "年内", "11月中旬完成验收", 10, 10),
        Ind(OUT, "成本指标", "户均补助标准", "≤3万元/户", "2.99万元/户", 10, 10),
        Ind(EFF, "社会效益指标", "农村住房安全保障", "有效保障", "有效保障", 15, 15),
        Ind(EFF, "可持续影响指标", "农村人居环境", "持续改善", "持续改善", 15, 15),
        Ind(SAT, SAT2, "农户满意度", "≥95%", "98%", 10, 10),
    ]
    return CountyForm(
        year=2022,
        project="2022年农村安居工程建设补助资金",
        department="喀什地区疏附县住房和城乡建设局",
        implementer="疏附县村镇建设服务中心",
        filled="2023年2月15日",
        initial=1480, budget=1560, spent=1552.2,
        expected="建设农村安居房520户，10月底前完成主体工程，抗震设防全部达标。",
        achieved="年中追加安居工程补助80万元；520户安居房主体工程提前完工，11月中旬全部竣工验收。",
        rows=rows,
        notes=(NOTE,),
    )


def _mid_autumn() -> CountyForm:
    rows = [
        Ind(OUT, "数量指标", "慰问困难职工户数", "≥960户", "960户", 15, 15),
        Ind(OUT, "质量指标", "慰问对象精准率", "100%", "100%", 10, 10),
        Ind(OUT, "时效指标", "慰问金发放时间", "中秋节前", Styled(dt.date(2024, 9, 20), "d58"), 10, 10),
        Ind(OUT, "成本指标", "户均慰问标准", "500元/户", "500元/户", 15, 15),
        Ind(EFF, "社会效益指标", "困难职工节日生活", "得到保障", "得到保障", 15, 15),
        Ind(EFF, "可持续影响指标", "常态化帮扶机制", "持续发挥作用", "持续发挥作用", 15, 15),
        Ind(SAT, SAT2, "困难职工满意度", "≥95%", "98%", 10, 10),
    ]
    return CountyForm(
        year=2024,
        project="2024年中秋节困难职工慰问资金",
        department="普洱市思茅区总工会",
        implementer="普洱市思茅区职工服务中心",
        filled="2025年1月10日",
        initial=48, budget=48, spent=48,
        expected="中秋节前向960户困难职工每户发放慰问金500元。",
        achieved="向960户困难职工发放慰问金48万元，每户500元。",
        rows=rows,
        notes=(NOTE,),
    )


def _youth_palaces() -> CountyForm:
    rows = [
        Ind(OUT, "数量指标", "补助乡村学校少年宫数量", "≥32所", "32所", 10, 10),
        Ind(OUT, "数量指标", "开展活动场次", "不少于30场/所", "32场/所", 10, 10),
        Ind(OUT, "质量指标", "辅导教师培训合格率", "≥95%", "97%", 10, 10),
        Ind(OUT, "时效指标", "补助资金拨付时间", "6月底前", Styled(dt.date(2023, 6, 16), "d31"), 10, 10),
        Ind(OUT, "成本指标", "每所少年宫年补助标准", "≤3万元/所", "2.94万元/所", 10, 10),
        Ind(EFF, "社会效益指标", "乡村学生课余文化生活", "明显丰富", "明显丰富", 15, 15),
        Ind(EFF, "可持续影响指标", "少年宫常态化运行", "持续运行", "持续运行", 15, 15),
        Ind(SAT, SAT2, "学生及家长满意度", "≥90%", Styled(0.86, "pct"), 10, 10),
    ]
    return CountyForm(
        year=2023,
        project="乡村学校少年宫运行补助资金",
        department="遵义市播州区教育体育局",
        implementer="遵义市播州区教育体育局",
        filled="2024年2月28日",
        initial=96, budget=96, spent=94.08,
        expected="补助32所乡村学校少年宫，每所开展活动不少于30场，6月底前拨付补助资金。",
        achieved="32所少年宫全部运行，每所平均开展活动32场，补助资金6月16日拨付。",
        rows=rows,
        notes=(NOTE,),
    )


def _free_opening() -> CountyForm:
    rows = [
        Ind(OUT, "数量指标", "免费开放文化馆、图书馆", "2个", "2个", 10, 10),
        Ind(OUT, "数量指标", "免费开放乡镇综合文化站", "≥18个", "18个", 10, 10),
        Ind(OUT, "质量指标", "每周免费开放时间", "≥42小时", "48小时", 10, 10),
        Ind(OUT, "时效指标", "补助资金拨付", "第二季度", "5月拨付到位", 10, 10),
        Ind(OUT, "成本指标", "每个文化站年补助标准", "≤5万元/个", "5万元/个", 10, 10),
        Ind(EFF, "社会效益指标", "公共文化服务均等化水平", "有所提升", "有所提升", 15, 15),
        Ind(EFF, "可持续影响指标", "免费开放长效机制", "健全", "达到预期", 15, 15),
        Ind(SAT, SAT2, "群众满意度", "≥90%", "93%", 10, 10),
    ]
    return CountyForm(
        year=2023,
        project="基层公共文化设施免费开放补助资金",
        department="临夏县文体广电和旅游局",
        implementer="临夏县文化馆",
        filled="2024年2月18日",
        initial=128, budget=128, spent=122,
        expected="保障县文化馆、图书馆和18个乡镇综合文化站免费开放，每周开放不少于42小时。",
        achieved="2馆18站全部免费开放，每周开放48小时，补助资金5月拨付到位。",
        rows=rows,
        rate_written="98.50%",
        funds_score_written=9.85,
        notes=(NOTE,),
    )


FORMS = [
    FormCase("round2_wps_01_bianjing_weishengshi", "round2_wps", _written(WPS, _border_clinics),
             "WPS, money in 元 as text “1,280,000.00”, 0.953 under 0.00%, 端午节前 / 6月19日 (format 58), "
             "11月底前 / yyyy年m月d日 (format 31)"),
    FormCase("round2_wps_02_banqian_anzhidian", "round2_wps", _written(EXCEL, _relocation),
             "Excel zh: phonetic labels, shared 执行率 formula, ROUND funds score, SUM 总分 with cached values, "
             "800人次以上, 96.5%（季度巡检）, 国庆节前 / 9月28日完成, 年内 / 11月完成"),
    FormCase("round2_wps_03_xiaoshe_weixiu", "round2_wps", _written(WPS, _school_repair),
             "WPS, 成本指标 as 一级 with two 不适用 rows (— in 分值), money as “860万元”, 8月31日前 met by a format-31 date"),
    FormCase("round2_wps_04_caoyuan_buzhu", "round2_wps", _written(EXCEL, _grassland),
             "Excel zh, 1,168万亩, 7.5元/亩 standard, 11月30日前 met by a format-14 date, filled in the next year"),
    FormCase("round2_wps_05_nongcun_anju", "round2_wps", _written(WPS, _rural_housing),
             "WPS, budget raised and explained (追加), 10月底前 / 提前完成, 年内 / 11月中旬完成验收"),
    FormCase(
        "round2_wps_06_zhongqiu_weiwen", "round2_wps", _written(EXCEL, _mid_autumn),
        "2024 中秋节 is 17 September; paid 20 September (format-58 date), full marks",
        faults=(Fault(SHEET, "G17", "2024年中秋节为9月17日，慰问金9月20日才发放，未按期却得满分10分",
                      also=("E17", "H17")),),
    ),
    FormCase(
        "round2_wps_07_shaonian_gong", "round2_wps", _written(WPS, _youth_palaces),
        "满意度 0.86 under 0.00% against ≥90%, full marks, no reason",
        faults=(Fault(SHEET, "G22", "满意度目标≥90%，实际86%，未达成目标却得满分10分（应为86/90×10=9.56分）",
                      also=("E22", "H22")),),
    ),
    FormCase(
        "round2_wps_08_mianfei_kaifang", "round2_wps", _written(EXCEL, _free_opening),
        "执行率 written 98.50% for 122/128",
        faults=(Fault(SHEET, "H8", "全年执行数122万元/全年预算数128万元=95.31%，表中执行率填98.50%",
                      also=("I8", "G23")),),
    ),
]
