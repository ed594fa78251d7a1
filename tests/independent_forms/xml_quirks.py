"""Forms written at the XML level the way Excel (zh-CN), WPS, other generators and
Excel for Mac save them (see :mod:`tests.independent_forms._ooxml` for what each
writes and the sources), plus reader-only workbooks whose tricky cells have a
known true value (``READER_BOOKS``).

The forms use the seed's eight-column layout; what differs is the XML: phonetic
guides and rich runs in shared strings, shared formulas with cached ``t="str"``
results, ``_x000D_`` in pasted text, locale date ids 14/22/31/57/58 with no
``<numFmt>``, a custom ``yyyy"年"m"月"d"日"`` format, a wrong ``<dimension>``, WPS
cell pictures, inline strings, rows and cells without ``r``, ``t="b"``/``t="e"``/
``t="d"`` cells, prefixed element names and the 1904 date system.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from tests.independent_forms import _figures as fig
from tests.independent_forms._case import Fault, FormCase
from tests.independent_forms._ooxml import (
    EXCEL,
    GENERATOR,
    MAC1904,
    WPS,
    Error,
    Flavor,
    Formula,
    Phonetic,
    Rich,
    Sheet,
    Styled,
    write_package,
)
from tests.independent_forms._rows import Facts, Ind, changed, groups, runs, scores, weights

SHEET = "绩效评价表"
FIRST = 13  # first indicator row


@dataclass
class QuirkForm(Facts):
    method: str  # 单位自评 / 部门评价
    title: object = None  # str or Rich; default “<project>绩效评价表”
    phonetic_labels: bool = False
    funds_formulas: bool = False  # shared IFERROR(E/D,"") down G6:G9 and ROUND(MIN(G6,1)*F6,2)
    total_formula: bool = False
    rate_text: str | None = None  # the 执行率 as text instead of a % number
    grade: object = None  # default: plain 优/良/中/差 of the total
    total_weight: float = 100
    extra: dict[str, object] = field(default_factory=dict)  # cell -> value written besides the form
    spent_style: str | None = None

    @property
    def rate(self) -> float:
        return fig.rate(self.spent, self.budget)

    @property
    def funds_score(self) -> float:
        return fig.funds_score(self.spent / self.budget, 10)

    @property
    def total(self) -> float:
        if self.method == "单位自评":
            return fig.total(scores(self.rows), self.funds_score)
        return scores(self.rows)


def _label(text: str, guide: str, form: QuirkForm) -> object:
    return Phonetic(text, guide) if form.phonetic_labels else text


def lay_out(form: QuirkForm) -> Sheet:
    sh = Sheet(SHEET)
    sh.merge("A1:H1", form.title or f"{form.project}绩效评价表")
    sh.put("A2", _label("项目名称", "xiàng mù míng chēng", form))
    sh.merge("B2:H2", form.project)
    sh.put("A3", _label("主管部门", "zhǔ guǎn bù mén", form))
    sh.merge("B3:D3", form.department)
    sh.put("E3", _label("实施单位", "shí shī dān wèi", form))
    sh.merge("F3:H3", form.implementer)
    sh.put("A4", "评价年度")
    sh.merge("B4:D4", form.year)
    sh.put("E4", "评价方式")
    sh.merge("F4:H4", form.method)
    sh.merge("A5:A9", "项目资金（万元）")
    for col, label in zip("CDEFGH", ("年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率", "得分")):
        sh.put(f"{col}5", label)
    sh.put("B6", "年度资金总额")
    sh.put("C6", form.initial)
    sh.put("D6", form.budget)
    sh.put("E6", form.spent, form.spent_style)
    sh.put("F6", 10)
    sh.put("B7", "其中：当年财政拨款")
    sh.put("C7", form.initial)
    sh.put("D7", form.budget)
    sh.put("E7", form.spent, form.spent_style)
    sh.put("B8", "上年结转资金")
    sh.put("B9", "其他资金")
    if form.funds_formulas:
        exact = form.spent / form.budget
        sh.put("G6", Formula('IFERROR(E6/D6,"")', exact, shared="0", ref="G6:G9"), "pct")
        sh.put("G7", Formula('IFERROR(E7/D7,"")', exact, shared="0"), "pct")
        sh.put("G8", Formula('IFERROR(E8/D8,"")', "", shared="0"), "pct")
        sh.put("G9", Formula('IFERROR(E9/D9,"")', "", shared="0"), "pct")
        sh.put("H6", Formula("ROUND(MIN(G6,1)*F6,2)", form.funds_score))
    elif form.rate_text is not None:
        sh.put("G6", form.rate_text)
        sh.put("H6", form.funds_score)
    else:
        sh.put("G6", form.rate, "pct")
        sh.put("H6", form.funds_score)
    sh.merge("A10:A11", "年度总体目标")
    sh.merge("B10:E10", "预期目标")
    sh.merge("F10:H10", "实际完成情况")
    sh.merge("B11:E11", form.expected)
    sh.merge("F11:H11", form.achieved)
    heads = ("一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "得分", "偏差原因分析及改进措施")
    for col, label in zip("ABCDEFGH", heads):
        sh.put(f"{col}{FIRST - 1}", label)
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
                    sh.put(f"H{r}", ind.why)
                r += 1
            (sh.merge(f"B{start}:B{r - 1}", run[0].l2) if r - 1 > start else sh.put(f"B{start}", run[0].l2))
        (sh.merge(f"A{first}:A{r - 1}", group[0].l1) if r - 1 > first else sh.put(f"A{first}", group[0].l1))
    sh.merge(f"A{r}:E{r}", "总分")
    sh.put(f"F{r}", form.total_weight)
    if form.total_formula:
        funds = "+H6" if form.method == "单位自评" else ""
        sh.put(f"G{r}", Formula(f"SUM(G{FIRST}:G{r - 1}){funds}", form.total))
    else:
        sh.put(f"G{r}", form.total)
    sh.put(f"A{r + 1}", "评价等次")
    grade = form.grade if form.grade is not None else fig.grade(form.total)
    sh.merge(f"B{r + 1}:H{r + 1}", grade)
    for ref, value in form.extra.items():
        sh.cells[_rc(ref)] = value
    return sh


def _rc(ref: str) -> tuple[int, int]:
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    letters, row = coordinate_from_string(ref)
    return row, column_index_from_string(letters)


def _written(flavor: Flavor, build: Callable[[], QuirkForm], *, weights_add_up: bool = True) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        form = build()
        if weights_add_up:
            assert weights(form.rows) == (90 if form.method == "单位自评" else 100), form.project
        write_package(path, [lay_out(form)], flavor)

    return make


# ---------------------------------------------------------------- forms

OUT, EFF, SAT = "产出指标(50分)", "效益指标(30分)", "满意度指标(10分)"


def _water_rows() -> list[Ind]:
    return [
        Ind(OUT, "数量指标", "水质监测点位数", "≥36个", "36个", 10, 10),
        Ind(OUT, "数量指标", "年度监测频次", "≥4次/点", "4次/点", 10, 10),
        Ind(OUT, "质量指标", "监测数据有效率", "≥98%", "99.4%", 10, 10),
        Ind(OUT, "时效指标", "丰水期采样完成时间", "8月31日前", Styled(dt.date(2023, 8, 22), "d14"), 5, 5),
        Ind(OUT, "时效指标", "年度监测报告报送时间", "11月30日前", Styled(dt.date(2023, 11, 24), "d_cn"), 5, 5),
        Ind(OUT, "成本指标", "单次监测成本", "≤1500元/点次", "1480元/点次", 10, 10),
        Ind(EFF, "社会效益指标", "饮水安全隐患", "及时发现并处置", "及时发现并处置", 15, 15),
        Ind(EFF, "可持续影响指标", "监测网络运行", "长期稳定运行", "长期稳定运行", 15, 15),
        Ind(SAT, "服务对象满意度指标", "农村用水户满意度", "≥90%", "93%", 10, 10),
    ]


def _water(**change) -> QuirkForm:
    form = QuirkForm(
        method="单位自评",
        year=2023,
        project="2023年农村饮用水水质监测项目",
        department="赣县区卫生健康委员会",
        implementer="赣县区疾病预防控制中心",
        initial=21.6,
        budget=21.6,
        spent=21.31,
        expected="1.对全区36个农村集中式供水点开展水质监测，每点每年4次。\r\n2.11月底前报送年度监测报告。",
        achieved="完成36个点位各4次监测，数据有效率99.4%，11月24日报送年度报告。",
        rows=_water_rows(),
        title=Rich((("2023年农村饮用水水质监测项目", None), ("绩效自评表", "方正小标宋简体"))),
        phonetic_labels=True,
        funds_formulas=True,
        total_formula=True,
    )
    return replace(form, **change)


D, P, O, E = "项目决策（20分）", "项目过程（20分）", "项目产出（30分）", "项目效益（30分）"


def _dept_rows(rate: float, rate_why: str, output: list[Ind], effect: list[Ind]) -> list[Ind]:
    rows = [
        Ind(D, "项目立项", "立项依据充分性", "全部符合", "全部符合", 3, 3),
        Ind(D, "项目立项", "立项程序规范性", "全部符合", "全部符合", 2, 2),
        Ind(D, "绩效目标", "绩效目标合理性", "全部符合", "全部符合", 5, 5),
        Ind(D, "绩效目标", "绩效指标明确性", "全部符合", "基本符合", 5, 4, "个别指标未细化量化。"),
        Ind(D, "资金投入", "预算编制科学性", "全部符合", "全部符合", 3, 3),
        Ind(D, "资金投入", "资金分配合理性", "全部符合", "全部符合", 2, 2),
        Ind(P, "资金管理", "资金到位率", "100%", "100%", 3, 3),
        Ind(P, "资金管理", "预算执行率", "100%", fig.percent_text(rate), 4, fig.half_up(min(rate, 1) * 4, 2),
            rate_why if rate < 1 else ""),
        Ind(P, "资金管理", "资金使用合规性", "全部符合", "全部符合", 3, 3),
        Ind(P, "组织实施", "管理制度健全性", "全部符合", "全部符合", 5, 5),
        Ind(P, "组织实施", "制度执行有效性", "全部符合", "全部符合", 5, 5),
    ]
    return rows + output + effect


def _village_rows() -> list[Ind]:
    rate = fig.rate(296.4, 300)
    return _dept_rows(
        rate,
        "工程结算审减3.6万元。",
        [
            Ind(O, "产出数量", "示范村创建数量", "≥6个", "6个", 10, 10),
            Ind(O, "产出质量", "创建验收合格率", "100%", "100%", 5, 5),
            Ind(O, "产出时效", "创建任务完成时间", "11月底前", Styled(dt.date(2023, 11, 16), "d_slash"), 5, 5),
            Ind(O, "产出成本", "单村补助标准", "≤50万元/村", "49.4万元/村", 10, 10),
        ],
        [
            Ind(E, "社会效益", "村容村貌", "明显改善", "明显改善", 15, 15),
            Ind(E, "满意度", "村民满意度", "≥90%", "95%", 15, 15),
        ],
    )


def _village(**change) -> QuirkForm:
    form = QuirkForm(
        method="部门评价",
        year=2023,
        project="2023年乡村振兴示范村创建补助资金",
        department="安远县农业农村局",
        implementer="安远县乡村振兴服务中心",
        initial=300,
        budget=300,
        spent=296.4,
        expected="创建乡村振兴示范村6个，11月底前完成验收。",
        achieved="6个示范村于11月16日全部通过验收，工程结算审减3.6万元。",
        rows=_village_rows(),
        grade="优☑良□中□差□",
        extra={
            "I12": "现场照片",
            "I13": Formula('_xlfn.DISPIMG("ID_8C2F4A1E0B3D4E6F9A7B5C3D1E2F4A6B",1)', '=DISPIMG("ID_8C2F4A1E0B3D4E6F9A7B5C3D1E2F4A6B",1)'),
            "I24": Formula('_xlfn.DISPIMG("ID_1B2C3D4E5F60718293A4B5C6D7E8F901",1)', '=DISPIMG("ID_1B2C3D4E5F60718293A4B5C6D7E8F901",1)'),
        },
    )
    return replace(form, **change)


def _broadband_rows() -> list[Ind]:
    return [
        Ind(OUT, "数量指标", "新建行政村5G基站", "≥40个", "40个", 10, 10),
        Ind(OUT, "数量指标", "光纤入户改造户数", "≥3000户", "2700户", 10, fig.ratio_score(2700, 3000, 10),
            "部分自然村入户线路需结合农房改造同步施工，延至次年实施。"),
        Ind(OUT, "质量指标", "基站验收合格率", "100%", "100%", 10, 10),
        Ind(OUT, "时效指标", "基站开通时间", "第三季度", Styled(dt.date(2023, 9, 26), "d14"), 10, 10),
        Ind(OUT, "成本指标", "单站建设补助", "≤4万元/个", "4万元/个", 10, 10),
        Ind(EFF, "社会效益指标", "农村网络覆盖", "明显提升", "基本实现", 15, 11,
            "偏远山区仍有信号盲区，下年度补点建设。"),
        Ind(EFF, "可持续影响指标", "网络运维机制", "建立", "已建立", 15, 15),
        Ind(SAT, "服务对象满意度指标", "农村用户满意度", "≥90%", "91%", 10, 10),
    ]


def _broadband(**change) -> QuirkForm:
    form = QuirkForm(
        method="单位自评",
        year=2023,
        project="2023年数字乡村基础设施补助资金",
        department="全南县工业和信息化局",
        implementer="全南县工业和信息化局",
        initial=180,
        budget=180,
        spent=178.2,
        expected="新建行政村5G基站40个，完成光纤入户改造3000户。",
        achieved="新建基站40个，9月26日全部开通；光纤入户改造2700户。",
        rows=_broadband_rows(),
        rate_text="99%",
        extra={"J12": "已复核", "J13": True, "J14": False, "K12": "辅助列", "K13": Error("#N/A"), "H15": ""},
    )
    return replace(form, **change)


def _orchard_rows() -> list[Ind]:
    return [
        Ind(OUT, "数量指标", "改造低产果园面积", "≥2000亩", "2060亩", 15, 15),
        Ind(OUT, "质量指标", "苗木成活率", "≥90%", "94%", 10, 10),
        Ind(OUT, "时效指标", "春季补植完成时间", "4月15日前", Styled(dt.date(2023, 4, 10), "d59"), 10, 10),
        Ind(OUT, "成本指标", "亩均补助标准", "≤280元/亩", "280元/亩", 15, 15),
        Ind(EFF, "经济效益指标", "亩均增收", "≥300元", "约320元", 15, 15),
        Ind(EFF, "可持续影响指标", "果园管护", "持续发挥作用", "合作社统一管护，长期运行", 15, 15),
        Ind(SAT, "服务对象满意度指标", "果农满意度", "≥90%", "92%", 10, 10),
    ]


def _orchard(**change) -> QuirkForm:
    form = QuirkForm(
        method="单位自评",
        year=2023,
        project="2023年脐橙低产果园改造补助资金",
        department="寻乌县果业发展中心",
        implementer="寻乌县果业发展中心",
        initial=57.68,
        budget=57.68,
        spent=57.68,
        expected="改造低产果园2000亩以上，4月中旬前完成春季补植。",
        achieved="改造低产果园2060亩，4月10日完成春季补植，按每亩280元兑现补助。",
        rows=_orchard_rows(),
        spent_style="redefined50",
    )
    return replace(form, **change)


def _checkbox_rows() -> list[Ind]:
    rate = fig.rate(76.5, 78)
    return _dept_rows(
        rate,
        "培训场地由乡镇提供，节约租赁费1.5万元。",
        [
            Ind(O, "产出数量", "培训新型职业农民人数", "≥600人", "612人", 10, 10),
            Ind(O, "产出质量", "培训考核合格率", "≥95%", "97%", 5, 5),
            Ind(O, "产出时效", "培训完成时间", "10月底前", Styled(dt.date(2023, 10, 20), "d58"), 5, 5),
            Ind(O, "产出成本", "人均培训成本", "≤1300元/人", "1250元/人", 10, 10),
        ],
        [
            Ind(E, "社会效益", "农民生产技能", "有效提升", "有效提升", 15, 15),
            Ind(E, "满意度", "参训学员满意度", "≥90%", "96%", 15, 15),
        ],
    )


def _checkbox(**change) -> QuirkForm:
    form = QuirkForm(
        method="部门评价",
        year=2023,
        project="2023年高素质农民培育项目",
        department="上犹县农业农村局",
        implementer="上犹县农业广播电视学校",
        initial=78,
        budget=78,
        spent=76.5,
        expected="培训新型职业农民600人以上，10月底前完成。",
        achieved="培训612人，10月20日完成，考核合格率97%。",
        rows=_checkbox_rows(),
        grade=Rich((("优", None), ("R", "Wingdings 2"), ("良", None), ("£", "Wingdings 2"),
                    ("中", None), ("£", "Wingdings 2"), ("差", None), ("£", "Wingdings 2"))),
        phonetic_labels=True,
        total_formula=True,
    )
    return replace(form, **change)


def _solar(**change) -> QuirkForm:
    rows = [
        Ind(OUT, "数量指标", "运维村级光伏电站", "≥35座", "35座", 10, 10),
        Ind(OUT, "数量指标", "发电收益分配村数", "≥35个", "35个", 10, 10),
        Ind(OUT, "质量指标", "电站正常运行率", "≥95%", "97.2%", 10, 10),
        Ind(OUT, "时效指标", "年度检修完成时间", "11月底前", Styled(dt.date(2023, 11, 10), "d31"), 10, 10),
        Ind(OUT, "成本指标", "单站年运维补助", "≤0.9万元/座", "0.9万元/座", 10, 10),
        Ind(EFF, "经济效益指标", "村集体年均增收", "≥3万元", "约3.2万元", 15, 15),
        Ind(EFF, "可持续影响指标", "电站运维机制", "长效运行", "长效运行", 15, 15),
        Ind(SAT, "服务对象满意度指标", "村民满意度", "≥90%", "95%", 10, 10),
    ]
    form = QuirkForm(
        method="单位自评",
        year=2023,
        project="2023年村级光伏电站运维补助",
        department="定南县乡村振兴局",
        implementer="定南县乡村振兴服务中心",
        initial=31.5,
        budget=31.5,
        spent=31.5,
        expected="保障35座村级光伏电站正常运行，11月底前完成年度检修。",
        achieved="35座电站正常运行率97.2%，11月10日完成年度检修，村集体年均增收约3.2万元。",
        rows=rows,
        title=Rich((("2023年村级光伏电站运维补助", "宋体"), ("项目支出绩效自评表", "黑体"))),
    )
    return replace(form, **change)


def _drains(**change) -> QuirkForm:
    rate = fig.rate(123.75, 125)
    rows = _dept_rows(
        rate,
        "清淤量据实结算，结余1.25万元。",
        [
            Ind(O, "产出数量", "清淤管网长度", "≥85公里", "86.5公里", 10, 10),
            Ind(O, "产出质量", "清淤验收合格率", "100%", "100%", 5, 5),
            Ind(O, "产出时效", "主汛期前清淤", "5月底前", Styled(dt.date(2023, 5, 26), "d14"), 5, 5),
            Ind(O, "产出时效", "下半年清淤完成", "10月底前", Styled(dt.date(2023, 10, 1), "d57"), 5, 5),
            Ind(O, "产出成本", "每公里清淤成本", "≤1.45万元/公里", "1.43万元/公里", 5, 5),
        ],
        [
            Ind(E, "社会效益", "城区内涝点", "明显减少", "明显减少", 15, 15),
            Ind(E, "满意度", "市民满意度", "≥90%", "92%", 15, 15),
        ],
    )
    form = QuirkForm(
        method="部门评价",
        year=2023,
        project="2023年城区排水管网清淤项目",
        department="龙南市城市管理局",
        implementer="龙南市排水管理所",
        initial=125,
        budget=125,
        spent=123.75,
        expected="完成城区85公里排水管网清淤，主汛期前完成第一轮清淤。",
        achieved="完成清淤86.5公里，5月26日完成汛前清淤，10月完成下半年清淤。",
        rows=rows,
        phonetic_labels=True,
        funds_formulas=True,
        total_formula=True,
    )
    return replace(form, **change)


def _late_report() -> QuirkForm:
    rows = changed(_water_rows(), 4, target="9月30日前", actual=Styled(dt.date(2023, 10, 18), "d58"))
    return _water(project="2023年城市供水水质督查项目", rows=rows, title=None,
                  expected="完成全区城市供水水质督查，9月底前报送督查报告。",
                  achieved="完成36个点位各4次监测，督查报告10月18日报送。")


def _weights_wrong() -> QuirkForm:
    rows = _village_rows()
    rows = changed(rows, 12, weight=3, score=3)  # 创建验收合格率 5 -> 3: 项目产出 28, Σ 98, total row still says 100
    return _village(project="2023年美丽乡村建设补助资金", rows=rows, extra={})


FORMS = [
    FormCase("quirk_01_excel_shuizhi", "xml_quirks", _written(EXCEL, _water),
             "Excel zh-CN: phonetic guides, rich title, shared formulas with t=str \"\" results, _x000D_, date ids 14 and custom 年月日, calcChain"),
    FormCase("quirk_02_wps_shifancun", "xml_quirks", _written(WPS, _village),
             "WPS: <dimension ref=A1>, KSOProductBuildVer, DISPIMG cell pictures with cellimages.xml, yyyy/m/d date"),
    FormCase("quirk_03_generator_kuandai", "xml_quirks", _written(GENERATOR, _broadband),
             "another generator: inline strings, no dimension, no r attributes, x: prefix, t=d/b/e cells, empty inlineStr"),
    FormCase("quirk_04_mac1904_qicheng", "xml_quirks", _written(MAC1904, _orchard),
             "1904 date system, numFmtId 59 defined by the file, built-in id 50 redefined as 0.00 on a number"),
    FormCase("quirk_05_excel_checkbox", "xml_quirks", _written(EXCEL, _checkbox),
             "grade ticked with Wingdings 2 R/£ rich runs, date id 58 (m月d日), phonetic labels"),
    FormCase(
        "quirk_06_excel_duchashuizhi", "xml_quirks", _written(EXCEL, _late_report),
        "deadline 9月30日前, date cell 10月18日 (id 58), full marks",
        faults=(Fault(SHEET, "G17", "报告报送时限为9月30日前，实际10月18日报送，未按期却得满分5分", also=("E17", "H17")),),
    ),
    FormCase(
        "quirk_08_wps_meili_xiangcun", "xml_quirks", _written(WPS, _weights_wrong, weights_add_up=False),
        "项目产出 labelled 30 over rows of 28; 总分 row claims 100 for Σ 98",
        faults=(
            Fault(SHEET, "F30", "三级指标分值合计98分，总分行分值写100分"),
            Fault(SHEET, "A24", "项目产出标明30分，其下三级指标分值合计28分"),
        ),
    ),
    FormCase("quirk_09_wps_guangfu", "xml_quirks", _written(WPS, _solar),
             "WPS: date id 31 (yyyy年m月d日) with no numFmt, rich title runs, 约3.2万元"),
    FormCase("quirk_10_excel_paishui", "xml_quirks", _written(EXCEL, _drains),
             "Excel zh-CN 部门评价: date ids 14 and 57 (yyyy年m月) for deadlines, shared funds formulas"),
]


# ---------------------------------------------------------------- reader-only workbooks


@dataclass(frozen=True)
class ReaderBook:
    name: str
    build: Callable[[Path], None]
    about: str
    expected: dict[tuple[str, str], object]  # (sheet, cell) -> the value a person sees

    @property
    def filename(self) -> str:
        return f"{self.name}.xlsx"


DAY = dt.date(2023, 10, 26)
# (no "d50": these books redefine id 50 as 0.00 below, so a cell styled with id 50 shows 45225.00 in Excel,
# not a date — the lead's review found the first version expecting both)
DATE_STYLES = ["d14", "d15", "d16", "d17", "d22", "d27", "d28", "d29", "d30", "d31", "d32", "d33", "d34", "d35", "d36",
               "d51", "d52", "d53", "d54", "d55", "d56", "d57", "d58", "d_cn", "d_slash", "d59"]


def _dates_sheet(name: str) -> Sheet:
    sh = Sheet(name)
    sh.put("A1", "格式")
    sh.put("B1", "值")
    for i, style in enumerate(DATE_STYLES, start=2):
        sh.put(f"A{i}", style)
        sh.put(f"B{i}", DAY, style)
    n = len(DATE_STYLES) + 2
    sh.put(f"A{n}", "redefined50")
    sh.put(f"B{n}", 45225, "redefined50")  # the serial of DAY, shown as 45225.00: a number, not a date
    sh.put(f"A{n + 1}", "general")
    sh.put(f"B{n + 1}", 45225)
    return sh


def _dates_expected(name: str) -> dict[tuple[str, str], object]:
    out: dict[tuple[str, str], object] = {(name, f"B{i}"): DAY for i in range(2, len(DATE_STYLES) + 2)}
    n = len(DATE_STYLES) + 2
    out[(name, f"B{n}")] = 45225
    out[(name, f"B{n + 1}")] = 45225
    return out


def _strings_sheet(name: str, shared_formulas: bool = True) -> Sheet:
    """Shared formulas only where the application writes them: a program that
    leaves out cell addresses does not write shared formulas either."""
    sh = Sheet(name)
    sh.put("A1", Phonetic("宁都县", "níng dū xiàn"))
    sh.put("A2", Rich((("项目", None), ("名称", "黑体"))))
    sh.put("A3", "第一段。\r\n第二段。")
    sh.put("A4", "  前后有空格  ")
    sh.put("A5", Rich((("优", None), ("R", "Wingdings 2"), ("良", None), ("£", "Wingdings 2"))))
    sh.put("A6", Formula('IF(1>0,"是","否")', "是"))
    sh.put("A7", Formula('IFERROR(1/0,"")', ""))
    sh.put("A8", True)
    sh.put("A9", Error("#DIV/0!"))
    shared = "0" if shared_formulas else None
    sh.put("B1", Formula("SUM(C1:C3)", 6, shared=shared, ref="B1:B3" if shared else None))
    sh.put("B2", Formula("SUM(C2:C4)", 9, shared=shared))
    sh.put("B3", Formula("SUM(C3:C5)", 12, shared=shared))
    for i, n in enumerate((1, 2, 3, 4, 5), start=1):
        sh.put(f"C{i}", n)
    sh.merge("D1:E2", "合并")
    return sh


_STRINGS_EXPECTED = {
    "A1": "宁都县",
    "A2": "项目名称",
    "A3": "第一段。\r\n第二段。",
    "A4": "  前后有空格  ",
    "A5": "优R良£",
    "A6": "是",
    "A8": True,
    "B1": 6,
    "B2": 9,
    "B3": 12,
}


def _book(flavor: Flavor, make_sheets: Callable[[], list[Sheet]]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        write_package(path, make_sheets(), flavor)

    return build


READER_BOOKS = [
    ReaderBook("reader_dates_excel", _book(EXCEL, lambda: [_dates_sheet("日期")]),
               "every zh-CN built-in date id, custom 年月日 and yyyy/m/d, an id <164 defined by the file, id 50 redefined",
               _dates_expected("日期")),
    ReaderBook("reader_dates_1904", _book(MAC1904, lambda: [_dates_sheet("日期")]),
               "the same dates in a 1904-system workbook", _dates_expected("日期")),
    ReaderBook("reader_dates_iso", _book(GENERATOR, lambda: [_dates_sheet("日期")]),
               "the same dates as t=\"d\" ISO cells without r attributes", _dates_expected("日期")),
    ReaderBook("reader_strings_excel", _book(EXCEL, lambda: [_strings_sheet("文本")]),
               "phonetic guide, rich runs, _x000D_, preserved spaces, t=str/b/e, shared formulas",
               {("文本", k): v for k, v in _STRINGS_EXPECTED.items()}),
    ReaderBook("reader_strings_inline", _book(GENERATOR, lambda: [_strings_sheet("文本", shared_formulas=False)]),
               "the same as inline strings (rich runs and phonetic guide inside <is>), prefixed, no r",
               {("文本", k): v for k, v in _STRINGS_EXPECTED.items()}),
    ReaderBook("reader_wps_dimension", _book(WPS, lambda: [_strings_sheet("文本"), _dates_sheet("日期")]),
               "two sheets under a wrong <dimension ref=A1>, WPS custom properties",
               {**{("文本", k): v for k, v in _STRINGS_EXPECTED.items()}, **_dates_expected("日期")}),
]
