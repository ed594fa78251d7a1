"""Scoring: schemes as data, scheme resolution, and the 核定 of indicators and projects."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from perfeval_xl.scheme import DEPARTMENT, SELF
from perfeval_xl.scoring import (
    SchemeError,
    assess_indicator,
    builtin_scheme_names,
    indicator_kind,
    load_scheme,
    parse_scheme,
    resolve_scheme,
    score_project,
)
from perfeval_xl.scoring.assessment import highest_below
from tests.scoring_models import SEED_PARTIAL_ROW, funds, indicator, project, seed_project

# ---------------------------------------------------------------- schemes


def _without_description(scheme):
    return dataclasses.replace(scheme, description="")


def test_builtin_files_agree_with_the_model_constants():
    assert _without_description(load_scheme("部门评价")) == DEPARTMENT
    assert _without_description(load_scheme("单位自评")) == SELF
    fiscal = load_scheme("财政评价")
    assert dataclasses.replace(_without_description(fiscal), name="部门评价") == DEPARTMENT


def test_every_builtin_has_a_description_and_is_its_own_method():
    for name in builtin_scheme_names():
        scheme = load_scheme(name)
        assert scheme.name == name and scheme.method == name
        assert scheme.description


VARIANT = """
name = "某省单位自评（旧版）"
base = "单位自评"
qual_low = 0.5
reverse_formula = "linear"
"""


def test_a_variant_inherits_from_its_base_and_keeps_its_method(tmp_path: Path):
    path = tmp_path / "variant.toml"
    path.write_text(VARIANT, encoding="utf-8")
    scheme = load_scheme(str(path))
    assert scheme.name == "某省单位自评（旧版）"
    assert scheme.method == "单位自评"
    assert (scheme.qual_high, scheme.qual_low, scheme.reverse_formula) == (0.8, 0.5, "linear")
    assert scheme.funds_in_total and scheme.indicator_total == 90


@pytest.mark.parametrize(
    "text, words",
    [
        ('name = "x"\nindicator_total = 100\nfunds_weight = 10\nfunds_in_total = false\nqual_hihg = 0.8', ["qual_hihg"]),
        ('name = "x"\nindicator_total = 100\nfunds_weight = 10', ["funds_in_total"]),
        ('base = "单位自评"\nname = "x"\nreverse_formula = "quadratic"', ["reverse_formula", "ratio"]),
        ('base = "单位自评"\nname = "x"\nqual_low = 0.9', ["qual_low", "qual_high"]),
        ('base = "单位自评"\nname = "x"\nqual_high = 80', ["qual_high", "0 到 1"]),
        ('base = "单位自评"\nname = "x"\nfunds_in_total = 1', ["funds_in_total", "true"]),
        ('base = "单位自评"\nname = "x"\nrounding = 2.5', ["rounding"]),
        ('base = "单位自评"\nname = "x"\nrate_denominator = "spent"', ["rate_denominator"]),
        ('base = "单位自评"\nname = "x"\noverachieve_threshold = 0.7', ["overachieve_threshold"]),
        ('base = "单位自评"\nname = "x"\n[level1_weights]\n"产出指标" = 60\n"效益指标" = 40', ["合计", "90"]),
        ('base = "单位自评"\nname = "x"\n[grade_bands]\n"优" = 90\n"良" = 80', ["下限为 0"]),
        ('base = "省评价"\nname = "x"', ["base"]),
        ('base = "单位自评"', ["name"]),
        ("name = ", ["TOML"]),
    ],
)
def test_bad_schemes_are_refused_in_chinese(text, words):
    with pytest.raises(SchemeError) as err:
        parse_scheme(text, origin="测试方案")
    message = str(err.value)
    assert message.startswith("测试方案")
    for word in words:
        assert word in message


FULL = 'indicator_total = 100\nfunds_weight = 10\nfunds_in_total = false\n'


def test_a_scheme_without_base_takes_its_method_from_its_name():
    assert parse_scheme('name = "某市部门评价"\n' + FULL).method == "部门评价"
    assert parse_scheme('name = "某市方案"\napplies_to = "财政评价"\n' + FULL).method == "财政评价"


@pytest.mark.parametrize("head", ['name = "某市方案"\n', 'name = "某市方案"\napplies_to = "第三方评价"\n'])
def test_a_scheme_must_say_which_method_it_scores(head):
    with pytest.raises(SchemeError, match="applies_to"):
        parse_scheme(head + FULL)


def test_unknown_scheme_name_lists_the_builtins():
    with pytest.raises(SchemeError, match="部门评价、财政评价、单位自评"):
        load_scheme("省级评价")


# ---------------------------------------------------------------- resolution


def _weights_project(method: str, total: float):
    inds = [indicator(f"指标{i}", "全部符合", "全部符合", total / 5, total / 5, row=14 + i) for i in range(5)]
    return project(inds, method=method)


def test_scheme_comes_from_the_form_first():
    scheme, source, note = resolve_scheme(_weights_project("单位自评", 100))
    assert (scheme.name, source, note) == ("单位自评", "评价方式", None)


def test_override_used_when_the_form_is_silent():
    scheme, source, note = resolve_scheme(_weights_project("", 100), "单位自评")
    assert (scheme.name, source, note) == ("单位自评", "--scheme", None)


def test_override_for_another_method_loses_to_the_form_with_a_note():
    scheme, source, note = resolve_scheme(_weights_project("部门评价", 100), "单位自评")
    assert (scheme.name, source) == ("部门评价", "评价方式")
    assert "不一致" in note and "部门评价" in note and "单位自评" in note


def test_variant_override_for_the_same_method_wins(tmp_path: Path):
    path = tmp_path / "jx.toml"
    path.write_text('name = "江西部门评价"\nbase = "部门评价"\nqual_low = 0.5\n', encoding="utf-8")
    scheme, source, note = resolve_scheme(_weights_project("部门评价", 100), str(path))
    assert (scheme.name, source, note) == ("江西部门评价", "--scheme", None)


@pytest.mark.parametrize("total, expected", [(90, "单位自评"), (100, "部门评价"), (85, "部门评价")])
def test_scheme_inferred_from_the_weights_with_a_note(total, expected):
    scheme, source, note = resolve_scheme(_weights_project("", total))
    assert (scheme.name, source) == (expected, "推断")
    assert f"推断为「{expected}」" in note and "未填写评价方式" in note


def test_unrecognised_method_is_named_in_the_note():
    _, source, note = resolve_scheme(_weights_project("第三方评价", 100))
    assert source == "推断" and "第三方评价" in note


# ---------------------------------------------------------------- indicator kinds and formulas


def _one(target, actual, weight=10, score=None, **kw):
    return indicator("指标", target, actual, weight, score, **kw)


@pytest.mark.parametrize(
    "target, level2, kind, expected",
    [
        ("≥20家", "产出数量", None, "正向"),
        ("20家", "产出数量", None, "正向"),
        ("≤60万元", "产出成本", None, "反向"),
        ("60万元", "产出成本", None, "反向"),
        ("5%", "产出成本", None, "正向"),  # 成本节约率 is a rate to reach
        ("=100%", "产出质量", None, "等于"),
        ("100", "产出数量", "反向", "反向"),
        ("全部符合", "产出质量", None, "定性"),
        ("100%", "产出质量", "定性", "定性"),
    ],
)
def test_indicator_kind(target, level2, kind, expected):
    assert indicator_kind(_one(target, "1", level2=level2, kind=kind)) == expected


@pytest.mark.parametrize(
    "target, actual, expected, met",
    [
        ("≥20家", "20家", 10, True),
        ("≥20家", "25家", 10, True),  # over-achievement is capped
        ("≥20家", "15家", 7.5, False),
        ("20家", "10家", 5, False),  # a bare number reads like 达到
        ("≥90%", "-5%", 0, False),  # negative actual counts as 0
        ("≥0起", "3起", 10, True),
        ("=100%", "100%", 10, True),
        ("=100%", "80%", 8, False),
        ("=100%", "125%", 8, False),
        ("=0次", "0次", 10, True),
        ("=0次", "2次", 0, False),
        ("≥20家", "2万元", None, None),  # units that cannot be compared
    ],
)
def test_positive_and_equal_formulas(target, actual, expected, met):
    a = assess_indicator(_one(target, actual), DEPARTMENT)
    assert a.met is met
    if expected is None:
        assert not a.judged and "单位" in a.reason
    else:
        assert a.judged and a.allowed_high == a.allowed_low == expected


@pytest.mark.parametrize(
    "formula, actual, expected",
    [
        ("ratio", "60万元", 10),
        ("ratio", "80万元", 7.5),  # 60/80 × 10
        ("linear", "80万元", 6.67),  # (1 − 20/60) × 10
        ("linear", "150万元", 0),  # beyond 2A
        ("ratio", "800000元", 7.5),  # 元 converted to 万元 first
    ],
)
def test_reverse_formulas(formula, actual, expected):
    scheme = dataclasses.replace(DEPARTMENT, reverse_formula=formula)
    a = assess_indicator(_one("≤60万元", actual, level2="产出成本"), scheme)
    assert a.kind == "反向" and a.allowed_high == expected


def test_reverse_zero_target():
    a = assess_indicator(_one("≤0起", "1起", level2="产出质量"), DEPARTMENT)
    assert a.allowed_high == 0 and a.met is False


def test_self_score_rounded_by_the_clerk_is_kept():
    # 19/24 × 10 = 7.9166…: 7.92 and 7.9 are roundings of it, 8 is not
    for written, kept in ((7.92, True), (7.9, True), (8.0, False)):
        a = assess_indicator(_one("≥24人", "19人", score=written), DEPARTMENT)
        assert (a.computed == written) is kept
        assert a.exceeds(written, None if written == 8.0 else 2) is not kept


def test_non_numeric_actual_for_numeric_target_keeps_the_self_score():
    a = assess_indicator(_one("≥20家", "完成", score=9), DEPARTMENT)
    assert not a.judged and a.computed == 9 and "沿用自评得分" in a.reason


def test_missing_actual_keeps_the_self_score():
    a = assess_indicator(_one("≥20家", "", score=9), DEPARTMENT)
    assert not a.judged and a.computed == 9


# ---------------------------------------------------------------- qualitative bands


def test_highest_below_is_the_top_of_a_half_open_band():
    assert highest_below(8, 2) == 7.99
    assert highest_below(6, 1) == 5.9
    assert highest_below(3, 2) == 2.99


@pytest.mark.parametrize(
    "target, actual, score, low, high, computed, met",
    [
        ("全部符合", "全部符合", 10, 8, 10, 10, True),
        ("全部符合", "部分实现", 9, 6, 7.99, 7.99, False),  # the seed's defect
        ("全部符合", "部分实现", 5, 6, 7.99, 6, False),
        ("全部符合", "基本符合", 6, 6, 8, 6, False),  # the seed scores 基本符合 at 60%
        ("全部符合", "基本符合", 8, 6, 8, 8, False),  # many counties at 80%
        ("全部符合", "未完成", 7, 0, 5.99, 5.99, False),
        ("基本完成", "基本完成", 10, 8, 10, 10, True),  # the target only asked for 基本完成
        ("部分完成", "基本完成", 10, 8, 10, 10, True),  # above a lower-level target
        ("基本完成", "部分完成", 7, 6, 7.99, 7, False),  # below it
        ("春节前", "春节前", 10, 8, 10, 10, True),  # actual written like the target
    ],
)
def test_qualitative_bands(target, actual, score, low, high, computed, met):
    a = assess_indicator(_one(target, actual, score=score), DEPARTMENT)
    assert (a.allowed_low, a.allowed_high, a.computed, a.met) == (low, high, computed, met)


def test_unrecognised_wording_is_not_judged():
    # (有效提升, the first example here, is a recognised 达成 wording since issue 19)
    a = assess_indicator(_one("全部符合", "陆续走访", score=9), DEPARTMENT)
    assert not a.judged and a.unrecognised_wording and a.computed == 9


def test_older_bands_from_a_scheme():
    older = dataclasses.replace(DEPARTMENT, qual_low=0.5)
    a = assess_indicator(_one("全部符合", "部分实现", score=5), older)
    assert (a.allowed_low, a.allowed_high, a.computed) == (5, 7.99, 5)


# ---------------------------------------------------------------- projects, end to end


def test_seed_rescored_under_department_scheme():
    seed = seed_project()
    scheme, source, note = resolve_scheme(seed)
    score = score_project(seed, scheme, source=source, note=note)
    assert (scheme.name, source, note) == ("部门评价", "评价方式", None)
    partial = score.indicators[SEED_PARTIAL_ROW - 14]
    assert (partial.self_score, partial.computed, partial.allowed_high) == (9, 7.99, 7.99)
    assert "部分达成" in partial.reason and "7.99" in partial.reason
    # every other indicator keeps its self-score (基本符合 3/5 is inside [3, 4])
    assert [s.computed for s in score.indicators if s is not partial] == [
        s.self_score for s in score.indicators if s is not partial
    ]
    assert score.funds_score == 10  # shown, not added: 部门评价
    assert (score.computed_total, score.computed_grade) == (93.99, "优")


def test_seed_under_fiscal_scheme_scores_the_same():
    seed = seed_project()
    score = score_project(seed, load_scheme("财政评价"))
    assert score.computed_total == 93.99


def test_clean_seed_rescores_to_its_own_total():
    seed = seed_project(走访慰问时间={"score": 7})
    score = score_project(seed, load_scheme("部门评价"))
    assert score.computed_total == 93 == sum(i.score.value for i in seed.indicators)


def _self_evaluation(spent: float, funds_self: float):
    rows = [
        ("产出指标", "产出数量", "培训人数", "≥200人", "180人", 20, 18),
        ("产出指标", "产出质量", "合格率", "≥95%", "96%", 15, 15),
        ("产出指标", "产出成本", "培训成本", "≤50万元", "48万元", 15, 15),
        ("效益指标", "社会效益", "技能提升", "全部符合", "基本符合", 30, 24),
        ("满意度指标", "满意度", "学员满意度", "≥90%", "95%", 10, 10),
    ]
    inds = [
        indicator(name, t, a, w, s, row=14 + i, level1=l1, level2=l2) for i, (l1, l2, name, t, a, w, s) in enumerate(rows)
    ]
    return project(inds, method="单位自评", funds_block=funds(50, 50, spent, funds_self))


def test_self_evaluation_adds_the_funds_block():
    proj = _self_evaluation(spent=41.83, funds_self=8.37)
    scheme, source, _ = resolve_scheme(proj)
    score = score_project(proj, scheme, source=source)
    assert scheme.name == "单位自评" and score.funds_score == 8.37  # 41.83/50 × 10 = 8.366
    assert score.computed_total == 18 + 15 + 15 + 24 + 10 + 8.37
    assert score.computed_grade == "优"


def test_self_evaluation_funds_score_recomputed_when_wrong():
    proj = _self_evaluation(spent=30, funds_self=10)
    score = score_project(proj, load_scheme("单位自评"))
    assert score.funds_score == 6
    assert score.computed_total == 88 and score.computed_grade == "良"


def test_custom_scheme_end_to_end(tmp_path: Path):
    path = tmp_path / "old.toml"
    path.write_text(
        'name = "旧版自评"\nbase = "单位自评"\nqual_low = 0.5\nreverse_formula = "linear"\n'
        'rate_denominator = "initial"\n[grade_bands]\n"优" = 85\n"良" = 75\n"中" = 60\n"差" = 0\n',
        encoding="utf-8",
    )
    rows = [
        ("产出指标", "产出数量", "培训人数", "≥200人", "200人", 30, 30),
        ("产出指标", "产出质量", "课程质量", "全部符合", "部分实现", 10, 5),  # 50% is 部分达成 under 0.5
        ("产出指标", "产出成本", "培训成本", "≤50万元", "60万元", 10, 10),  # linear: 8, not 50/60 × 10
        ("效益指标", "社会效益", "技能提升", "全部符合", "全部符合", 30, 30),
        ("满意度指标", "满意度", "学员满意度", "≥90%", "95%", 10, 10),
    ]
    inds = [
        indicator(name, t, a, w, s, row=14 + i, level1=l1, level2=l2) for i, (l1, l2, name, t, a, w, s) in enumerate(rows)
    ]
    # 年初预算 40, 全年预算 50, spent 40: 100% of the initial budget
    proj = project(inds, method="单位自评", funds_block=funds(40, 50, 40, 8))
    scheme, source, _ = resolve_scheme(proj, str(path))
    score = score_project(proj, scheme, source=source)
    assert (scheme.name, source) == ("旧版自评", "--scheme")
    assert [s.computed for s in score.indicators] == [30, 5, 8, 30, 10]
    assert score.funds_score == 10
    assert score.computed_total == 93 and score.computed_grade == "优"


def test_project_without_indicators_has_no_total():
    score = score_project(project([], method="部门评价"), DEPARTMENT)
    assert score.computed_total is None and score.computed_grade is None


def test_unjudged_blank_score_counts_zero_and_says_so():
    inds = [indicator("指标", "春节前", "有效提升", 10, None)]
    score = score_project(project(inds), DEPARTMENT)
    assert score.indicators[0].computed is None and "按 0 分" in score.indicators[0].reason
    assert score.computed_total == 0


def test_scheme_examples_in_the_user_docs_load():
    doc = (Path(__file__).parents[1] / "docs" / "评分方案.md").read_text(encoding="utf-8")
    blocks = doc.split("```toml\n")[1:]
    assert len(blocks) >= 2
    for block in blocks:
        scheme = parse_scheme(block.split("```")[0], origin="文档示例")
        assert scheme.method == "单位自评" and scheme.name != "单位自评"


@pytest.mark.parametrize("target, actual, met", [("≥95%", "0.98", True), ("≥95%", "0.9", False), ("≥0.95", "98%", True)])
def test_a_bare_fraction_beside_a_percentage_is_a_fraction(target, actual, met):
    # issue 19: a cell left General holds 0.98 for 98%; reading it as 0.98 points made a false XC501
    a = assess_indicator(_one(target, actual, score=10 if met else 9.47), DEPARTMENT)
    assert a.judged and a.met is met
