"""General mechanisms of the narrative reader that carry over to reports it was
not tuned on (the fresh split of tests/fixtures/real_reports/): numbers with
less common units, the several tables of a pasted 自评表, breakdowns, totals and
their parts, goals. The sentences are our own, in the shapes published reports use."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfeval_xl.model import CellRef, Paragraph
from perfeval_xl.narrative import extract_claims
from perfeval_xl.values.running_text import find_quantities, normalise_text


def claims(*texts, project=None):
    paras = [Paragraph(t, CellRef("评价报告", f"A{i + 1}")) for i, t in enumerate(texts)]
    return extract_claims(paras, project)


def figures(*texts, project=None):
    return [(c.text, c.subject, c.role) for c in claims(*texts, project=project)]


@pytest.mark.parametrize("text,expected", [
    ("新修道路2.4km，其中主路1段", [("2.4km", Decimal("2.4"), "公里"), ("1段", Decimal(1), "段")]),
    ("拆除危房35栋，改造屋面210平米", [("35栋", Decimal(35), "栋"), ("210平米", Decimal(210), "平方米")]),
    ("惠及农户3万余户", [("3万余户", Decimal(30000), "户")]),
    ("服务分为9类", [("9类", Decimal(9), "类")]),
    ("新立标识牌一块。", [("一块", Decimal(1), "块")]),
    ("项目（二期）建设一批冷库，招聘一名管理员", []),  # a name and articles, not counts
    ("经过一段时间，二类地区", []),
])
def test_less_common_units_and_words_that_are_no_counts(text, expected):
    assert [(q.text, q.value, q.unit) for q in find_quantities(normalise_text(text))] == expected


def test_approximate_after_a_multiplier():
    (q,) = find_quantities("受益群众2万余人")
    assert (q.value, q.approximate) == (Decimal(20000), True)


SELF_EVALUATION_TABLE = [
    "地方主管部门 | 卫健委 | 资金使用单位 | 卫健委",
    "资金投入情况（万元） | 全年预算数（A） | 全年执行数（B） | 预算执行率（B/A×100%）",
    "年度资金总额： | 120.5万 | 118万 | 97.93%",
    "其中：中央财政资金 | 100万 | 100万 | 100%",
    "地方资金 | 20.5 | 18 | 87.80%",
    "总体目标 | 全年实际完成情况",
    "为困难群众提供医疗救助，减轻就医负担。 | 全年医疗救助惠及2.3万人次，目标已经完成，困难群众就医负担有所减轻。",
    "一级指标 | 二级指标 | 三级指标 | 指标值 | 全年实际完成值",
    "产出指标 | 数量指标 | 救助人次 | ≥20000人次 | 23015",
]


def test_a_pasted_self_evaluation_form_is_several_tables_each_under_its_header():
    assert figures(*SELF_EVALUATION_TABLE) == [
        ("100%", "other", "actual"),  # in the header's formula
        ("120.5万", "full_year_budget", "total"), ("118万", "spent", "total"), ("97.93%", "execution_rate", "actual"),
        ("100万", "full_year_budget", "part"), ("100万", "spent", "part"), ("100%", "execution_rate", "part"),
        ("20.5", "full_year_budget", "part"), ("18", "spent", "part"), ("87.80%", "execution_rate", "part"),
        ("2.3万人次", "indicator_value", "actual"),  # a count in the 完成情况 column, written as a sentence
        ("20000人次", "indicator_value", "target"), ("23015", "indicator_value", "actual"),
    ]


def test_a_bare_count_takes_its_rows_unit_and_is_firm_only_with_one():
    got = claims("三级指标 | 指标值 | 实际完成值", "受助学生人数 | 1500人 | 1526", "培训场次 | 12 | 12")
    counted = [(c.text, c.unit, c.value, c.firm) for c in got]
    assert counted == [("1500人", "人", Decimal(1500), True), ("1526", "人", Decimal(1526), True),
                       ("12", "", Decimal(12), False), ("12", "", Decimal(12), False)]


@pytest.mark.parametrize("header,subject", [
    ("预算到位（D/C×100%）", "arrival_rate"),
    ("预算执行（E/C×100%）", "execution_rate"),
    ("全年执行资金（E）", "spent"),
])
def test_columns_worked_out_as_ratios_are_rates(header, subject):
    (c,) = [c for c in claims(f"资金（万元） | 全年预算数（A） | {header}", "年度资金总额 | 60 | 45")
            if c.text == "45"]
    assert c.subject == subject


def test_a_target_column_written_as_sentences_states_plans():
    got = figures("总体目标完成情况 | 年初设定目标 | 全年实际完成情况",
                  "入住老人按每人每月200元给予补贴，全年补贴不少于300人。 | 已按标准发放补贴，惠及312人。")
    assert ("200元", "unit_price", "target") in got
    assert ("312人", "indicator_value", "actual") in got


def test_a_funds_line_and_its_source_line_are_total_and_parts():
    """The form's funds row written out as text, then its 其中 row: the bare amounts take the unit declared in
    the paragraph before, restate the same subjects, and so are parts of the first line's figures."""
    got = claims("项目资金（元）：年度资金总额年初预算数180,000.00，全年执行数162,345.5，分值10分，执行率90.19%，得分9.02分",
                 "其中：当年财政拨款年初预算数180000.00，全年执行数162345.5；其他资金无")
    assert [(c.text, c.subject, c.role, c.value) for c in got] == [
        ("180,000.00", "initial_budget", "total", Decimal(18)), ("162,345.5", "spent", "total", Decimal("16.23455")),
        ("10分", "indicator_score", "maximum", Decimal(10)), ("90.19%", "execution_rate", "actual", Decimal("0.9019")),
        ("9.02分", "indicator_score", "actual", Decimal("9.02")),  # the funds line's score, not the project's
        ("180000.00", "initial_budget", "part", Decimal(18)), ("162345.5", "spent", "part", Decimal("16.23455")),
    ]
    assert got[1].trusted and got[1].whole  # the total is still what the report says the project spent


def test_a_source_restated_after_qizhong_in_the_same_paragraph():
    assert figures("全年预算数80万元，全年执行数76万元，执行率95%；其中当年财政拨款全年预算数80万元，全年执行数76万元，执行率95%") == [
        ("80万元", "full_year_budget", "total"), ("76万元", "spent", "total"), ("95%", "execution_rate", "actual"),
        ("80万元", "full_year_budget", "part"), ("76万元", "spent", "part"), ("95%", "execution_rate", "part"),
    ]


def test_total_colon_100_is_the_scale():
    assert figures("总分：100分；自评得分：96分") == [("100分", "total_score", "maximum"), ("96分", "total_score", "actual")]


@pytest.mark.parametrize("text,expected", [
    # a list opened by a few words and a colon; the 安排 that opens it names no item
    ("全年实际到位资金90万元，分配情况为：甲单位经费30万元；乙单位经费60万元。",
     [("90万元", "arrived", "total"), ("30万元", "arrived", "part"), ("60万元", "arrived", "part")]),
    ("预算经费200万元，具体包括：设备购置120万元、人员培训80万元。",
     [("200万元", "budget", "total"), ("120万元", "budget", "part"), ("80万元", "budget", "part")]),
    # an aside that lists two amounts is the amount's breakdown; one amount inside is a part of an actual
    ("预拨资金300万元（中央资金200万元、省级资金100万元）已分配到各单位。",
     [("300万元", "budget", "total"), ("200万元", "budget", "part"), ("100万元", "budget", "part")]),
    # a nested breakdown: the 合计 item is the total of its own list, and still an item of the outer one
    ("共下拨补助资金合计500万元；其中甲单位合计300万元，包括A资金120万元、B资金180万元。",
     [("500万元", "budget", "total"), ("300万元", "budget", "total"), ("120万元", "budget", "part"),
      ("180万元", "budget", "part")]),
    # amounts that add up to another stated next to them are its items, whatever words stand between
    ("年初分配经费60万元；年终考核后，又将剩余经费40万元分配到位。全年经费100万元已全部执行完毕。",
     [("60万元", "budget", "part"), ("40万元", "budget", "part"), ("100万元", "budget", "total")]),
    # …but not amounts of other subjects (支出+结余=预算 is no breakdown), nor one more of a list of prices
    ("项目预算100万元，实际支出60万元，结余40万元。",
     [("100万元", "budget", "actual"), ("60万元", "spent", "actual"), ("40万元", "balance", "actual")]),
    ("按人数分别给予每人每月100元、200元、300元的补贴。",
     [("100元", "unit_price", "actual"), ("200元", "unit_price", "actual"), ("300元", "unit_price", "actual")]),
])
def test_breakdowns_opened_by_other_words_nested_or_proved_by_the_sum(text, expected):
    assert figures(text) == expected


def test_a_nested_total_points_at_its_whole_and_its_items_at_it():
    outer, inner, a, b = claims("共下拨补助资金合计500万元；其中甲单位合计300万元，包括A资金120万元、B资金180万元。")
    assert inner.whole_at == outer.start and a.whole_at == b.whole_at == inner.start


@pytest.mark.parametrize("text,expected", [
    # a bare 预算 after the sentence named the 年初 budget with no amount of its own is that budget (not firmly)
    ("本单位年初预算项目12个，预算项目经费860万元。", [("12个", "other", "actual"), ("860万元", "initial_budget", "actual")]),
    ("年初预算100万元，另安排预算资金20万元。", [("100万元", "initial_budget", "actual"), ("20万元", "budget", "actual")]),
    ("在年初预算基础上，安排预算资金20万元。", [("20万元", "budget", "actual")]),
    ("年初预算100万元，追加预算资金20万元。", [("100万元", "initial_budget", "actual"), ("20万元", "other", "actual")]),
    # one amount named after two sources is their sum, not one of them
    ("中央和省级财政共下达专项经费725.63万元。", [("725.63万元", "budget", "actual")]),
    ("省财政安排30万元，县财政安排20万元。", [("30万元", "budget", "part"), ("20万元", "budget", "part")]),
    # money left, a standard per head, the money's 使用率 (not an indicator's)
    ("剩余的0.38万元不足一名学生4000元的资助标准。", [("0.38万元", "balance", "actual"), ("4000元", "unit_price", "actual")]),
    ("预算35万元，实际支付35万元，使用率100%。",
     [("35万元", "budget", "actual"), ("35万元", "spent", "actual"), ("100%", "execution_rate", "actual")]),
    ("场馆设施使用率95%。", [("95%", "indicator_value", "actual")]),
    # money carried over from last year is this year's money: the sentence is not about another year
    ("上年度结转资金10万元，本年度预算安排50万元，合计可用资金60万元。",
     [("10万元", "budget", "part"), ("50万元", "budget", "part"), ("60万元", "budget", "total")]),
])
def test_subjects_from_the_sentence(text, expected):
    assert figures(text) == expected


def test_an_inherited_budget_is_not_firm():
    (_, budget) = claims("本单位年初预算项目12个，预算项目经费860万元。")
    assert not budget.firm


def test_a_goals_section_that_tells_what_was_done_states_results():
    """Under a …绩效目标情况 heading, a paragraph that says what was actually paid, and nothing of a plan, reports
    results: its amounts are actual, its counts are no indicator targets."""
    got = figures("一、项目绩效目标情况", "维修项目：预算20万元，全年实际支付20万元，使用率100%。维修范围为屋面防水600平方米。")
    assert got == [("20万元", "budget", "actual"), ("20万元", "spent", "actual"), ("100%", "execution_rate", "actual"),
                   ("600平方米", "other", "actual")]
    assert not any(c.firm for c in claims("一、项目绩效目标情况", "维修项目：全年实际支付20万元，预算执行率达到100%。"))
    planned = figures("一、项目绩效目标情况", "计划完成屋面防水600平方米。项目预算20万元。")
    assert planned == [("600平方米", "indicator_value", "target"), ("20万元", "budget", "actual")]


@pytest.mark.parametrize("text,expected", [
    ("2024年全市的目标任务是：改造老旧小区120个，发放租赁补贴3500户。",
     [("120个", "indicator_value", "target"), ("3500户", "indicator_value", "target")]),
    ("省政府下达的开工指标为76万套。", [("76万套", "indicator_value", "target")]),
    # a label that only names the kind of indicator states no goal
    ("质量指标：培训合格率95%，高于90%的目标。", [("95%", "indicator_value", "actual"), ("90%", "other", "target")]),
    ("省政府把棚户区改造列为年度30件民生实事之一。", [("30件", "other", "actual")]),
    # the pool a share is taken from is not the project's money; the share is a part
    ("我区从奖励资金31714万元中分配20977.80万元用于住房保障。",
     [("31714万元", "other", "actual"), ("20977.80万元", "budget", "part")]),
    # 用于X 6万元 after the money is named: what a share of that money went to
    ("下达的自治区水利发展资金，用于设施维养6万元。", [("6万元", "budget", "part")]),
])
def test_goals_and_shares_named_by_the_sentence(text, expected):
    assert figures(text) == expected


def test_the_money_stated_in_a_goals_section_is_the_budget():
    got = figures("（一）绩效目标情况", "全省用于该项工作的中央和省级财政资金共计12.8亿元，其中中央财政资金4.9亿元、省级财政资金7.9亿元。")
    assert got == [("12.8亿元", "budget", "total"), ("4.9亿元", "budget", "part"), ("7.9亿元", "budget", "part")]


def test_an_amount_before_a_colon_and_the_enumerated_paragraphs_below_it():
    got = figures("为该项目安排预算资金500万元，涉及政策任务3个，具体如下：",
                  "一是医院建设，安排预算资金300万元，用于重点医院建设。",
                  "二是人才培养，安排预算资金150万元。",
                  "三、存在的问题", "部分资金支付进度偏慢，结余资金50万元。")
    assert got == [("500万元", "budget", "total"), ("3个", "other", "actual"), ("300万元", "budget", "part"),
                   ("150万元", "budget", "part"), ("50万元", "balance", "actual")]


def test_two_amounts_of_one_subject_joined_in_a_clause_are_items():
    assert figures("把提前下达的资金3.8亿元和正式下达的资金2.3亿元分解到市县。") == [
        ("3.8亿元", "budget", "part"), ("2.3亿元", "budget", "part")]
    assert figures("项目预算100万元和实际支出96万元均已入账。") == [
        ("100万元", "budget", "actual"), ("96万元", "spent", "actual")]


CLEAN_SHAPES = [
    ["年初预算100万元，调整后为：120万元。"],
    ["年初预算50万元，调整情况为：追加30万元、追加40万元，调整后预算120万元。"],
    ["项目资金100万元，资金来源为：中央资金60万元、省级资金40万元。"],
    ["项目预算100万元，实际支出60万元，结余40万元，预算执行率60%。"],
    ["按入住人数分别给予每人每月100元、200元、300元的补贴。"],
    ["共下拨补助资金合计500万元；其中甲单位合计300万元，包括A资金120万元、B资金180万元；乙单位200万元。"],
    ["内设事业单位2个，即财政事务中心和国库集中支付中心；实施项目4个，即甲项目、乙项目、丙项目、丁项目。", "全年支出10万元。"],
    ["下达资金100万元，其中：中央资金50万元，省级资金30万元。"],
    ["全年预算数80万元，全年执行数76万元，执行率95%；其中当年财政拨款全年预算数80万元，全年执行数76万元，执行率95%。"],
    ["把提前下达的资金3.8亿元和正式下达的资金2.3亿元分解到市县。"],
    ["年初分配经费60万元；年终考核后，又将剩余经费40万元分配到位。全年经费100万元已全部执行完毕。"],
    ["为该项目安排预算资金500万元，具体如下：", "一是医院建设，安排预算资金300万元。", "二是人才培养，安排预算资金200万元。"],
    SELF_EVALUATION_TABLE,
    ["项目年初预算120万元，年中调减20万元，调整后预算100万元，全年支出98万元，执行率98%。"],
    ["项目资金来源：中央财政补助资金120万元，省级配套资金50万元，县级配套30万元，合计200万元。全年支出200万元，执行率100%。"],
    ["全年预算100万元，执行率95%。", "其中：中央资金60万元，执行率100%；省级资金40万元，执行率87.5%。"],
    ["上年度结转资金10万元，本年度预算安排50万元，合计可用资金60万元，全年支出60万元，执行率100%。"],
    ["资金使用情况：购置设备支出80万元，培训费支出20万元，劳务费支出15万元，共计115万元。"],
]


@pytest.mark.parametrize("paragraphs", CLEAN_SHAPES, ids=lambda p: p[0][:12])
def test_the_shapes_these_mechanisms_read_raise_nothing_when_consistent(tmp_path, paragraphs):
    """Consistent paragraphs in every shape the mechanisms above read, each as a report without a form: no
    warning, no error (the real-report harness runs the same importer path)."""
    from perfeval_xl.findings import Severity
    from perfeval_xl.importer.evaluate import evaluated_report

    path = tmp_path / "某项目绩效自评报告.txt"
    path.write_text("\n".join(["某项目2024年度绩效自评报告", *paragraphs]) + "\n", encoding="utf-8")
    with evaluated_report(path, path.name) as (result, _workbook):
        pass
    assert result.project is not None and result.project.narrative_only
    alarms = [f"{f.rule} {f.location}: {f.message}" for f in result.findings
              if f.rule.startswith("XC6") and f.severity is not Severity.INFO]
    assert alarms == []


def test_a_footer_of_two_cells_after_a_wide_table_is_a_paragraph():
    got = figures("一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值", "产出指标 | 数量指标 | 培训人数 | 500人 | 512人",
                  "自评总分 | 95分")
    assert got[-1] == ("95分", "total_score", "actual")


def test_progress_after_a_breakdown_is_not_one_more_item():
    # 107.13 = its 其中 item 1.07 + the rest; 目前已拨付106.36 says how much was paid out, not a second item
    # (found on the holdout split's second measurement; the lead's fix, disclosed in the closing note)
    from perfeval_xl.rules import RuleSettings, run_rules
    from tests import rulekit

    data = rulekit.load_project_data("baseline_部门评价")
    data["narrative"] = ["项目统筹整合使用财政涉农资金107.13万元，其中项目管理费1.07万元，目前已拨付项目资金106.36万元。"]
    findings = run_rules(rulekit.build_project(data), rulekit.scheme_for(data), settings=RuleSettings(only=frozenset({"XC614"})))
    assert findings == []


def test_a_report_published_as_a_statement_of_results_is_read():
    # real pages publish evaluations as …绩效评价结果的说明 / …绩效评价结果公开, not only …报告
    from perfeval_xl.importer.narrative_only import looks_like_report
    from perfeval_xl.importer.split import Parts

    for title in ("重庆市2018年度水利发展资金绩效评价结果的说明", "2023年度部门预算项目绩效评价结果公开"):
        assert looks_like_report(Parts(narrative=[title, "项目预算60万元，实际支出58万元，执行率96.67%。"]))
