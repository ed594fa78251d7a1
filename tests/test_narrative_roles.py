"""Every figure of a report gets a subject and a role (issue 20): the
sentences the issue names, read the way a careful reviewer reads them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfeval_xl.model import CellRef, Paragraph
from perfeval_xl.narrative import extract_claims
from perfeval_xl.narrative.sections import places
from perfeval_xl.rules import RuleSettings, run_rules
from perfeval_xl.scheme import DEPARTMENT
from tests import rulekit

BASELINE = rulekit.build_project(rulekit.load_project_data("baseline_部门评价"))


def figures(*texts, project=None):
    paras = [Paragraph(t, CellRef("评价报告", f"A{i + 1}")) for i, t in enumerate(texts)]
    return [(c.text, c.subject, c.role) for c in extract_claims(paras, project)]


@pytest.mark.parametrize("text,expected", [
    ("支付运维服务费88.00万元、设备配件更换费7.13万元，合计支出95.13万元。",
     [("88.00万元", "spent", "part"), ("7.13万元", "spent", "part"), ("95.13万元", "spent", "total")]),
    ("预算执行率：年度指标值100%，实际完成93.94%，扣1.5分，该指标得分3.5分。",
     [("100%", "execution_rate", "target"), ("93.94%", "execution_rate", "actual"),
      ("扣1.5分", "indicator_deduction", "actual"), ("3.5分", "indicator_score", "actual")]),
    ("本次评价总分100分，其中项目决策20分、项目过程20分。",
     [("100分", "total_score", "maximum"), ("20分", "indicator_score", "maximum"), ("20分", "indicator_score", "maximum")]),
    ("项目年初预算100万元，其中中央资金80万元、省级资金20万元。",
     [("100万元", "initial_budget", "total"), ("80万元", "initial_budget", "part"), ("20万元", "initial_budget", "part")]),
    ("上年预算执行率85%，受益群众1200余人，约20家企业参加。",
     [("85%", "execution_rate", "earlier"), ("1200余人", "other", "approximate"), ("20家", "other", "approximate")]),
    ("共慰问困难户30户，每户补助2,000元，合计发放慰问金6万元。",
     [("30户", "other", "actual"), ("2,000元", "unit_price", "actual"), ("6万元", "spent", "total")]),
    ("年初预算8个项目985万元（含结转项目50万元），调整预算后项目预算861.46万元。",
     [("8个", "other", "actual"), ("985万元", "initial_budget", "actual"), ("50万元", "initial_budget", "part"),
      ("861.46万元", "full_year_budget", "actual")]),
    ("评价总分为92分，等级为优。", [("92分", "total_score", "actual"), ("优", "grade", "actual")]),
])
def test_roles_of_the_issues_sentences(text, expected):
    assert figures(text) == expected


def test_the_whole_before_its_breakdown_is_a_total_still_held_against_the_form():
    """项目年初预算100万元，其中…: the 100 is the sum of what follows (a total, as the real-report corpus labels
    it) and still what the report says the budget was; its items point at it."""
    paras = [Paragraph(t, CellRef("评价报告", "A1")) for t in ["项目年初预算100万元，其中中央资金80万元、省级资金20万元。"]]
    whole, *items = extract_claims(paras)
    assert (whole.role, whole.whole, whole.trusted) == ("total", True, True)
    assert [(c.role, c.whole_at, c.trusted) for c in items] == [("part", whole.start, False)] * 2


@pytest.mark.parametrize("text,expected", [
    # the list after 其中 runs on over ；, its unnamed items are items of the whole's subject
    ("本项目共申请预算资金90万元。其中：30万元用于预算编制；30万元用于审计；30万元用于设计。",
     [("90万元", "budget", "total"), ("30万元", "budget", "part"), ("30万元", "budget", "part"),
      ("30万元", "budget", "part")]),
    # 用于 lists the uses of an amount; the list ends at ； (money named by its source is the budget: after the
    # 省级 money, the 市级 money of the same sentence is one more source, a part)
    ("省级资金转移支付124.23万元，用于美丽乡村建设25万元、水毁修复100万元；市级资金260.3万元。",
     [("124.23万元", "budget", "total"), ("25万元", "budget", "part"), ("100万元", "budget", "part"),
      ("260.3万元", "budget", "part")]),
    # a 其中 list runs on over ；, and an amount with a breakdown of its own after the ； is no item of it
    ("全年预算数2089万元，其中中央资金1777万元，占比85.06%；省级配套资金312万元，占比14.94%。",
     [("2089万元", "full_year_budget", "total"), ("1777万元", "full_year_budget", "part"), ("85.06%", "other", "actual"),
      ("312万元", "full_year_budget", "part"), ("14.94%", "other", "actual")]),
    ("下达资金755.19万元，其中中央资金124.23万元；省级资金260.3万元，其中督查奖励10万元。",
     [("755.19万元", "budget", "total"), ("124.23万元", "budget", "part"), ("260.3万元", "budget", "total"),
      ("10万元", "budget", "part")]),
    # an item named by a use or a category is an item of its whole's subject all the same (the real-report
    # README's part: one item or sub-amount of a larger whole); an amount stating something else ends the list
    ("合计批复投资6222.4万元，其中建筑工程6025.215万元，实际支出6000万元。",
     [("6222.4万元", "budget", "total"), ("6025.215万元", "budget", "part"), ("6000万元", "spent", "actual")]),
])
def test_breakdowns(text, expected):
    assert figures(text) == expected


def claims_of(*texts):
    return extract_claims([Paragraph(t, CellRef("评价报告", f"A{i + 1}")) for i, t in enumerate(texts)])


@pytest.mark.parametrize("texts,expected", [
    # 拨付 under a 资金到位 heading: the money arrived
    (["一、资金情况", "1.资金到位情况。衔接资金2179万元已全部拨付，及时安排到项目。"], [("2179万元", "arrived", "actual")]),
    # 万元 written as 万; 转移支付 is funding, not a payment
    (["投入中央直达资金29.6万，执行数29.6万。"], [("29.6万", "budget", "actual"), ("29.6万", "spent", "actual")]),
    (["2023年下达的中央转移支付资金为29.6万元。"], [("29.6万元", "budget", "actual")]),
    # a count of indicators without a level: the 三级 ones (LOW: sometimes all levels are meant)
    (["项目共设绩效目标指标12个，其中一级指标3个、二级指标9个、三级指标12个。"],
     [("12个", "count_level3", "actual"), ("3个", "count_level1", "actual"), ("9个", "count_level2", "actual"),
      ("12个", "count_level3", "actual")]),
    # weight and score in one paragraph, with the weight in the heading
    (["一、投入（14分）", "1.项目绩效目标设立（3分）。根据年度实施规划科学设定绩效目标，自评得3分。"],
     [("14分", "indicator_score", "maximum"), ("3分", "indicator_score", "maximum"), ("3分", "indicator_score", "actual")]),
    (["可持续影响：指标值为“是”，实际基本达到，该项分值8分，得7分。"],
     [("8分", "indicator_score", "maximum"), ("7分", "indicator_score", "actual")]),
    (["一、资金保障方面，指标评价得分12", "本项指标评价得分7分。"],
     [("12", "indicator_score", "actual"), ("7分", "indicator_score", "actual")]),
    # a plan is planned to its end, 约 or not; 实际≥90% is what happened
    (["计划新建冷藏库10个，容量约50000立方米；物流仓储中心约20000平方米。"],
     [("10个", "indicator_value", "target"), ("50000立方米", "indicator_value", "target"),
      ("20000平方米", "indicator_value", "target")]),
    (["产出质量：采购的原原种合格率，年度指标值≥90%，实际≥90%。"],
     [("90%", "indicator_value", "target"), ("90%", "indicator_value", "actual")]),
    (["主要问题是预算执行率未达到100%。"], [("100%", "execution_rate", "target")]),
    # a change of the money is no item of the total after it
    (["年中调减中央财政资金300万，全年预算执行数合计2089万元。"], [("300万", "other", "actual"), ("2089万元", "spent", "actual")]),
    # after 其中： every amount of the sentence is an item, named or not; a batch is a part of the money
    (["其中：道路硬化支出180万元，亮化工程支出90万元。"], [("180万元", "spent", "part"), ("90万元", "spent", "part")]),
    (["上级共下达资金两批，合计860万元，其中第一批600万元，第二批260万元。"],
     [("两批", "other", "part"), ("860万元", "budget", "total"), ("600万元", "budget", "part"), ("260万元", "budget", "part")]),
    # statistics of the county and the count of projects are not outputs
    (["2.效益指标。项目建成后可解决全县15个乡镇33个行政村的出行难题。"], [("15个", "other", "actual"), ("33个", "other", "actual")]),
])
def test_sentences_published_reports_write(texts, expected):
    assert [(c.text, c.subject, c.role) for c in claims_of(*texts)] == expected


def test_a_section_on_handing_out_the_money_states_what_was_allotted():
    """一、绩效目标分解下达情况 (the transfer-payment template): its amounts are allotted, its batches no outputs;
    what it plans in words, and a goals heading inside it, are still targets."""
    got = figures("一、绩效目标分解下达情况", "（一）资金安排、分解下达预算和绩效目标情况",
                  "中央财政分3批下达资金6800万元，全年预算执行数合计6500万元。",
                  "计划新建冷藏库10个。", "2.年度绩效目标：新建农村公路18.8公里。")
    assert got == [("3批", "other", "target"), ("6800万元", "budget", "actual"), ("6500万元", "spent", "actual"),
                   ("10个", "indicator_value", "target"), ("18.8公里", "indicator_value", "target")]


def test_a_cut_off_in_november_states_the_year_but_not_firmly():
    claims = claims_of("项目资金合计8010万元，截至2023年11月30日已拨付8010万元，执行率100%。")
    spent, rate = claims[1], claims[2]
    assert (spent.role, rate.role) == ("actual", "actual") and not spent.firm and not rate.firm
    june = claims_of("截至2023年6月底已拨付4000万元，执行率50%。")
    assert [c.role for c in june] == ["earlier", "earlier"]


def test_initial_and_adjusted_budget_are_different_subjects():
    got = figures("年初预算120万元，调整后预算150万元，全年预算150万元。")
    assert [s for _, s, _ in got] == ["initial_budget", "full_year_budget", "full_year_budget"]


def test_goal_section_states_targets_and_the_analysis_states_results():
    got = figures("（二）项目绩效目标", "全年培训农民不少于500人，培训合格率95%。",
                  "三、绩效目标完成情况", "全年培训农民526人，培训合格率97%。")
    assert [(t, r) for t, _, r in got] == [("500人", "target"), ("95%", "target"), ("526人", "actual"), ("97%", "actual")]


def test_a_goal_indicator_heading_in_the_analysis_is_not_the_goal_section():
    paras = [Paragraph(t, CellRef("评价报告", f"A{i + 1}")) for i, t in enumerate(
        ["四、绩效评价指标分析", "（一）项目决策情况", "2、绩效目标", "（1）绩效目标合理性", "目标设置基本合理，得3分。"])]
    assert not any(p.in_targets for p in places(paras))


def test_a_form_target_is_not_held_against_the_form_result():
    project = rulekit.build_project(rulekit.apply_delta(rulekit.load_project_data("baseline_部门评价"), {"set": {
        "narrative": ["（二）项目绩效目标", "被慰问企业满意度95%。"]}}))
    findings = run_rules(project, DEPARTMENT, settings=RuleSettings(only=frozenset({"XC606"}), raise_errors=True))
    assert findings == []


def test_text_table_cells_take_their_column():
    got = figures("支出内容 | 预算数（万元） | 执行数（万元） | 执行率", "运维服务费 | 88.00 | 88.00 | 100%",
                  "合计 | 88.00 | 88.00 | 100%")
    assert got == [("88.00", "budget", "part"), ("88.00", "spent", "part"), ("100%", "execution_rate", "part"),
                   ("88.00", "budget", "total"), ("88.00", "spent", "total"), ("100%", "execution_rate", "actual")]
    # a rate on the 合计 row is not a sum of the rows' rates: it is the whole's rate, what happened


def test_text_table_rows_total_header_figures_prices_and_words():
    got = figures("资金投入情况（万元） | 全年预算数（A） | 全年执行数（B） | 执行率（B/A×100%）",
                  "年度资金总额 | 808.1 | 692.98 | 86%", "其中：中央财政资金 | 808.1 | 692.98 | 86%")
    assert got == [("100%", "other", "actual"),  # the header's B/A×100% is no figure of a row
                   ("808.1", "full_year_budget", "total"), ("692.98", "spent", "total"), ("86%", "execution_rate", "actual"),
                   ("808.1", "full_year_budget", "part"), ("692.98", "spent", "part"), ("86%", "execution_rate", "part")]
    got = figures("一级指标 | 指标名称 | 目标值 | 完成值 | 合格人数", "产出 | 补贴标准 | 3000元/人 | 2600元/人 | 842",
                  "产出 | 培训对象年龄 | 18—54周岁 | 存在18岁以下、54周岁以上 | ")
    assert got == [("3000元", "unit_price", "target"), ("2600元", "unit_price", "actual"), ("842", "other", "actual"),
                   ("54周岁", "other", "actual"), ("18岁", "other", "actual"), ("54周岁", "other", "actual")]


def test_sub_projects_of_a_report_on_several_are_parts():
    got = figures("一、基本情况", "（一）“数说红河”展厅运维经费", "该项目到位资金88.00万元。",
                  "（二）数据平台运维项目", "该项目到位资金7.13万元。")
    assert [(t, r) for t, _, r in got] == [("88.00万元", "part"), ("7.13万元", "part")]


def test_claim_spans_point_at_the_figure():
    (claim,) = extract_claims([Paragraph("项目实际 支出１４２.５万元。", CellRef("评价报告", "A1"))])
    assert (claim.text, claim.value) == ("142.5万元", Decimal("142.5"))
    assert "项目实际支出142.5万元"[claim.start:claim.end] == claim.text


_PIECES = ["预算", "支出", "到位", "结余", "执行率", "合计", "其中", "每户", "约", "上年", "年度指标值", "实际完成", "扣",
           "得", "分值", "总分", "满分", "等级为优", "个二级指标", "、", "，", "。", "：", " | ", "（", "）", "60", "1,200",
           "3.5", "100", "万元", "元", "%", "分", "人", "家", "（二）项目绩效目标", "2022年", "2024年"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join), min_size=1, max_size=6))
def test_any_text_gives_claims_and_checks_without_raising(paragraphs):
    data = rulekit.apply_delta(rulekit.load_project_data("baseline_部门评价"), {"set": {"narrative": paragraphs}})
    project = rulekit.build_project(data)
    for claim in extract_claims(project.narrative, project):
        assert claim.role in ("actual", "total", "part", "target", "maximum", "earlier", "approximate")
        assert claim.text and claim.start < claim.end
    narrative_rules = frozenset(r for r in ("XC601", "XC602", "XC603", "XC604", "XC605", "XC606", "XC607", "XC610",
                                            "XC611", "XC612", "XC613", "XC614", "XC615", "XC616", "XC620", "XC621"))
    run_rules(project, DEPARTMENT, settings=RuleSettings(only=narrative_rules, raise_errors=True))
