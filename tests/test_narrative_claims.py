"""Claim extraction: numerals, units, subjects, and the traps that must not
become claims."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perfeval_xl.model import CellRef, Paragraph
from perfeval_xl.narrative import Confidence, extract_claims
from perfeval_xl.values.running_text import find_quantities, normalise_text
from tests import rulekit

BASELINE = rulekit.build_project(rulekit.load_project_data("baseline_部门评价"))


def claims_of(*texts, project=None):
    """The firm statements of what happened to the project (a unit price or a
    figure about something else is a claim too, but of another subject:
    tests/test_narrative_roles.py covers those)."""
    paras = [Paragraph(t, CellRef("评价报告", f"A{i + 1}")) for i, t in enumerate(texts)]
    return [(c.subject, c.value) for c in extract_claims(paras, project) if c.trusted
            and c.subject not in ("unit_price", "other")]


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("六十万元", Decimal(60), "万元"),
        ("一千二百三十四万元", Decimal(1234), "万元"),
        ("四十一点八三万元", Decimal("41.83"), "万元"),
        ("16.4亿元", Decimal(164000), "万元"),  # exact, not 163999.99…
        ("1,200,000元", Decimal(120), "万元"),
        ("６０万元", Decimal(60), "万元"),
        ("百分之九十", Decimal("0.9"), "%"),
        ("百分之百", Decimal(1), "%"),
        ("69.71%", Decimal("0.6971"), "%"),
        ("九十五分", Decimal(95), "分"),
    ],
)
def test_numerals_are_read_exactly(text, value, unit):
    (q,) = find_quantities(normalise_text(text))
    assert (q.value, q.unit) == (value, unit)


def test_percent_keeps_the_decimals_shown():
    (q,) = find_quantities("69.71%")
    assert q.decimals == 2


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=99_999))
def test_chinese_and_arabic_amounts_agree(n):
    chinese = cn2an.an2cn(str(n))
    assert claims_of(f"项目预算{chinese}万元。") == claims_of(f"项目预算{n}万元。") == [("budget", Decimal(n))]


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False))
def test_spent_amount_round_trips(amount):
    assert claims_of(f"该项目共使用{amount}万元。") == [("spent", amount)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("该项目共使用60万元，实际到位资金41.83万元，预算执行率为69.71%。",
         [("spent", Decimal(60)), ("arrived", Decimal("41.83")), ("execution_rate", Decimal("0.6971"))]),
        ("结余资金0万 元, 资金执行率100%", [("balance", Decimal(0)), ("execution_rate", Decimal(1))]),
        ("项目评价得分95分，绩效评价等级为“优”。", [("grade", "优"), ("total_score", Decimal(95))]),
        ("下设11个二级指标，二级指标又下设17个三级指标", [("count_level2", Decimal(11)), ("count_level3", Decimal(17))]),
    ],
)
def test_subjects(text, expected):
    assert sorted(claims_of(text), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "text",
    [
        "根据（赣财绩〔2022〕5号）和（信财绩字〔2024〕3号）等文件要求",
        "每年选择不少于20%的单位和20%的项目资金开展部门评价，以5年为周期实现全覆盖",
        "全年新增规上企业30家，全年规上工业总产值301.4亿元，同比增长14%",
        "2022年该项目预算50万元，支出48万元",
        "上年结转资金10万元，去年实际支出45万元",
        "项目预算60万元，其中：慰问资金支出50万元",
        "满意度达到95%以上，人均慰问标准2000元",
        "2023年1月15日前完成全部走访，历时5天",
    ],
)
def test_traps_are_not_firm_claims(text):
    # with the project, so the extractor knows the evaluation year is 2023
    firm = [c for c in claims_of(text, project=BASELINE) if c != ("budget", Decimal(60))]
    assert firm == []


def test_ambiguous_score_is_low_confidence():
    (claim,) = extract_claims([Paragraph("经评价，得分85分。", CellRef("评价报告", "A1"))])
    assert (claim.subject, claim.confidence) == ("total_score", Confidence.LOW)


def test_claim_carries_paragraph_cell_and_fragment():
    (claim,) = extract_claims([Paragraph("项目基本情况。该项目预算60万元。", CellRef("评价报告", "A9"))])
    assert claim.ref == CellRef("评价报告", "A9")
    assert claim.fragment == "该项目预算60万元"
