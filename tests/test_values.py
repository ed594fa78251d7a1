"""Example-based tests of the value parsers (perfeval_xl.read.values).

Cases come from the brief, the seed report's form (≥20家 / 20家, ≤60万元,
春节前 / 部分实现, 优☑良□        中□差□) and the spellings standards.md lists.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from perfeval_xl.model import Comparator, QualLevel
from perfeval_xl.read.values import (
    NumberParse,
    cell_text,
    normalize_label,
    parse_amount,
    parse_grade,
    parse_measure,
    parse_number,
    parse_rate,
    parse_score,
    parse_year,
    split_weight_label,
    year_from_title,
)

# ---------------------------------------------------------------- labels / text


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("项 目 名 称", "项目名称"),
        ("全年预算数（A）", "全年预算数(A)"),
        ("全年预算数(A)", "全年预算数(A)"),
        ("其中：当年财政拨款", "其中:当年财政拨款"),
        ("项目\n名称\t", "项目名称"),
        ("\u3000项目名称\u3000", "项目名称"),  # ideographic spaces
        ("ＡＢＣ１２３", "ABC123"),
        ("项目资金〔万元〕", "项目资金(万元)"),
        (None, ""),
        (2023, "2023"),
    ],
)
def test_normalize_label(raw, expected):
    assert normalize_label(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        (None, ""),
        ("  全部符合 ", "全部符合"),
        ("第一段\r\n第二段", "第一段\n第二段"),
        (60, "60"),
        (60.0, "60"),
        (69.71, "69.71"),
        (0.1 + 0.2, "0.3"),  # float noise is not what Excel shows
        (1e-05, "0.00001"),
        (Decimal("41.830"), "41.83"),
        (True, "TRUE"),
        (dt.datetime(2023, 1, 20), "2023-01-20"),
        (dt.datetime(2023, 1, 20, 9, 30), "2023-01-20 09:30:00"),
        (dt.date(2023, 1, 20), "2023-01-20"),
        (float("nan"), "nan"),
        (1e308, "1E+308"),  # as Excel shows it, not 309 digits
        (-1.5e20, "-1.5E+20"),
        (999999999999999.0, "999999999999999"),
    ],
)
def test_cell_text(raw, expected):
    assert cell_text(raw) == expected


def test_cell_text_of_an_object_whose_str_fails():
    class Hostile:
        def __str__(self):
            raise RuntimeError("boom")

    assert cell_text(Hostile()) == ""


# ---------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    "raw, value, unit, decimals",
    [
        ("60", 60.0, None, 0),
        ("６０", 60.0, None, 0),
        ("1,234.5", 1234.5, None, 1),
        ("60万元", 60.0, "万元", 0),
        ("600,000元", 600000.0, "元", 0),
        ("95分", 95.0, "分", 0),
        ("20家", 20.0, "家", 0),
        ("  60 ", 60.0, None, 0),
        ("六十", 60.0, None, 0),
        ("六十万元", 60.0, "万元", 0),
        ("一千二百三十四万元", 1234.0, "万元", 0),
        ("百分之九十", 90.0, "%", 0),
        ("1.2e3", 1200.0, None, 0),
        ("-5", -5.0, None, 0),
        ("41.83", 41.83, None, 2),
        ("69.71%", 69.71, "%", 2),
        ("69.71％", 69.71, "%", 2),
        ("16.4亿元", 16.4, "亿元", 1),
        ("十六点四亿元", 16.4, "亿元", 1),
        ("一百九十万零三千九百七十一元", 1903971.0, "元", 0),
        ("两百人", 200.0, "人", 0),
        ("二十家", 20.0, "家", 0),
        ("6万人", 60000.0, "人", 0),
        ("≈", None, None, None),  # not blank: checked below for a problem
        (60, 60.0, None, 0),
        (60.0, 60.0, None, 0),
        (41.83, 41.83, None, 2),
        (Decimal("41.83"), 41.83, None, 2),
    ],
)
def test_parse_number_values(raw, value, unit, decimals):
    parsed = parse_number(raw)
    assert (parsed.value, parsed.unit, parsed.decimals) == (value, unit, decimals)
    if value is not None:
        assert parsed.problem is None


@pytest.mark.parametrize("raw", [None, "", "   ", "—", "——", "-", "/", "无", "－", "／", "\u3000"])
def test_dash_likes_are_blank_without_problem(raw):
    assert parse_number(raw) == NumberParse(None, None, None, None)


@pytest.mark.parametrize(
    "raw, problem",
    [
        ("约六十", "“约六十”不是确切数字"),
        ("60万元左右", "“60万元左右”不是确切数字"),
        ("20余家", "“20余家”不是确切数字"),
        ("#DIV/0!", "“#DIV/0!”是公式错误，没有数值"),
        ("#N/A", "“#N/A”是公式错误，没有数值"),
        ("N/A", "“N/A”不是数字"),
        ("inf", "“inf”不是数字"),
        ("nan", "“nan”不是数字"),
        ("abc", "“abc”不是数字"),
        ("60或70", "“60或70”不是单一数字"),
        ("60-70", "“60-70”不是单一数字"),
        ("十分满意", "“十分满意”不是数字"),
        ("≈", "“≈”不是数字"),
        (True, "“TRUE”是逻辑值，不是数字"),
        (float("nan"), "“nan”不是数字"),
        (float("inf"), "“inf”不是数字"),
        (dt.date(2023, 1, 1), "“2023-01-01”是日期或时间，不是数字"),
    ],
)
def test_parse_number_problems(raw, problem):
    parsed = parse_number(raw)
    assert parsed.value is None
    assert parsed.problem == problem


@pytest.mark.parametrize(
    "raw, fmt, value, unit, decimals",
    [
        (0.5, "0.00%", 0.5, "%", 2),  # a % cell keeps its raw number
        (1, "0%", 1.0, "%", 0),
        (0.6971, "0.00%", 0.6971, "%", 2),
        (60, "0.00", 60.0, None, 2),
        (1234.5, "#,##0.00", 1234.5, None, 2),
        (12.5, '#,##0.00"万元"', 12.5, "万元", 2),
        (60, '0"家"', 60.0, "家", 0),
        (60, "General", 60.0, None, 0),
        (41.83, "General", 41.83, None, 2),
        (0.5, '0.0%;[Red]-0.0%', 0.5, "%", 1),
        (60, None, 60.0, None, 0),
        (60, "@", 60.0, None, 0),
        (69.7, '0.0"%"', 69.7, "%", 1),  # a quoted % is text: no ×100
        (45000, 'yyyy"年"m"月"d"日"', 45000.0, None, 0),  # a date format names no unit
        (-5, "0.00_);(0.00)", -5.0, None, 2),
    ],
)
def test_parse_number_uses_the_number_format(raw, fmt, value, unit, decimals):
    assert parse_number(raw, fmt) == NumberParse(value, unit, decimals, None)


def test_quoted_percent_format_is_percent_points_for_rates_and_measures():
    assert parse_rate(69.71, '0.00"%"') == NumberParse(0.6971, "%", 2, None)
    assert parse_measure(90, '0"%"').number == 90.0


@pytest.mark.parametrize("raw, value", [("\u22125", -5.0), ("60。", 60.0), ("60万元。", 60.0), ("'60", 60.0)])
def test_text_pasted_from_word(raw, value):
    assert parse_number(raw).value == value


def test_text_cells_ignore_a_percent_format():
    # the format belongs to numbers; typed text says what it says
    assert parse_number("60", "0%") == NumberParse(60.0, None, 0, None)


# ---------------------------------------------------------------- parse_amount


@pytest.mark.parametrize(
    "raw, fmt, default_unit, value, unit",
    [
        ("600,000元", None, "万元", 60.0, "元"),
        ("0.6亿元", None, "万元", 6000.0, "亿元"),
        ("60万元", None, "万元", 60.0, "万元"),
        ("60万", None, "万元", 60.0, "万"),
        (60, None, "万元", 60.0, "万元"),
        ("60", None, "万元", 60.0, "万元"),
        (600000, None, "元", 60.0, "元"),
        ("60万元", None, "元", 60.0, "万元"),  # a written unit beats the block's
        ("418,300元", None, "万元", 41.83, "元"),
        (418300.0, "#,##0.00", "元", 41.83, "元"),
        ("六十万元", None, "万元", 60.0, "万元"),
        ("十六点四亿元", None, "万元", 164000.0, "亿元"),
        ("123.45元", None, "万元", 0.012345, "元"),
        (418300, '#,##0"元"', "万元", 41.83, "元"),  # the format's unit beats the block's
        ("5千元", None, "万元", 0.5, "千元"),
    ],
)
def test_parse_amount(raw, fmt, default_unit, value, unit):
    parsed = parse_amount(raw, fmt, default_unit=default_unit)
    assert (parsed.value, parsed.unit, parsed.problem) == (value, unit, None)


def test_parse_amount_keeps_decimals_in_the_unit_shown():
    assert parse_amount("41.83万元").decimals == 2
    assert parse_amount("418,300.5元").decimals == 1


def test_parse_amount_rejects_non_money_units():
    parsed = parse_amount("20家")
    assert parsed.value is None
    assert parsed.problem == "“20家”不是金额（应以万元或元计）"


def test_parse_amount_passes_blank_and_problems_through():
    assert parse_amount("—") == NumberParse(None, None, None, None)
    assert parse_amount("约60万元").problem == "“约60万元”不是确切数字"


# ---------------------------------------------------------------- parse_rate


@pytest.mark.parametrize(
    "raw, fmt, value, decimals",
    [
        ("100%", None, 1.0, 0),
        ("69.71%", None, 0.6971, 2),
        (1, "0%", 1.0, 0),
        (0.6971, "0.00%", 0.6971, 2),
        (100, None, 1.0, 0),
        ("100", None, 1.0, 0),
        ("69.71", None, 0.6971, 2),
        (0.6971, None, 0.6971, 2),
        ("0.6971", None, 0.6971, 2),
        (0.7, None, 0.7, 0),
        (1, None, 1.0, 0),
        ("百分之九十", None, 0.9, 0),
        ("百分之六十九点七一", None, 0.6971, 2),
        ("１００％", None, 1.0, 0),
        (1.2, None, 1.2, 0),  # 120% written as a fraction (≤ 1.5)
    ],
)
def test_parse_rate(raw, fmt, value, decimals):
    assert parse_rate(raw, fmt) == NumberParse(value, "%", decimals, None)


def test_parse_rate_problems():
    assert parse_rate("20家").problem == "“20家”不是百分比"
    assert parse_rate("约70%").problem == "“约70%”不是确切数字"
    assert parse_rate("") == NumberParse(None, None, None, None)


# ---------------------------------------------------------------- parse_score


@pytest.mark.parametrize(
    "raw, value, unit, decimals",
    [("95分", 95.0, "分", 0), ("9.5 分", 9.5, "分", 1), (95, 95.0, None, 0), ("９５", 95.0, None, 0), ("九十五分", 95.0, "分", 0)],
)
def test_parse_score(raw, value, unit, decimals):
    assert parse_score(raw) == NumberParse(value, unit, decimals, None)


def test_parse_score_rejects_other_units():
    assert parse_score("95%").problem == "“95%”不是分数"
    assert parse_score("95%").value is None


# ---------------------------------------------------------------- parse_measure


@pytest.mark.parametrize(
    "raw, comparator, number, unit",
    [
        ("≥20家", Comparator.GE, 20.0, "家"),
        ("20家", Comparator.NONE, 20.0, "家"),
        ("≤60万元", Comparator.LE, 60.0, "万元"),
        ("60万元", Comparator.NONE, 60.0, "万元"),
        ("600000元", Comparator.NONE, 600000.0, "元"),  # money is not converted in measures
        ("100%", Comparator.NONE, 100.0, "%"),
        ("≥95%", Comparator.GE, 95.0, "%"),
        ("≥80%", Comparator.GE, 80.0, "%"),
        ("二十家", Comparator.NONE, 20.0, "家"),
        ("≥ 8 次", Comparator.GE, 8.0, "次"),
        ("＞５家", Comparator.GT, 5.0, "家"),
        ("≥２０家", Comparator.GE, 20.0, "家"),
        ("90%以上", Comparator.GE, 90.0, "%"),
        ("90%及以上", Comparator.GE, 90.0, "%"),
        ("60万元以内", Comparator.LE, 60.0, "万元"),
        ("5天以下", Comparator.LE, 5.0, "天"),
        ("≥90%以上", Comparator.GE, 90.0, "%"),
        ("百分之九十", Comparator.NONE, 90.0, "%"),
        ("不少于 20 人", Comparator.GE, 20.0, "人"),
        ("达到95%", Comparator.GE, 95.0, "%"),
        ("=100%", Comparator.EQ, 100.0, "%"),
        ("90%（含）以上", Comparator.GE, 90.0, "%"),
        ("≥90%(含)", Comparator.GE, 90.0, "%"),
        ("0", Comparator.NONE, 0.0, None),
        (20, Comparator.NONE, 20.0, None),
    ],
)
def test_parse_measure_quantitative(raw, comparator, number, unit):
    measure = parse_measure(raw)
    assert (measure.comparator, measure.number, measure.unit, measure.level) == (comparator, number, unit, None)
    assert measure.text == cell_text(raw)
    assert measure.is_quantitative


def test_percent_formatted_number_cell_is_100_based():
    measure = parse_measure(0.9, "0%")
    assert (measure.number, measure.unit, measure.comparator) == (90.0, "%", Comparator.NONE)
    assert parse_measure(1, "0.00%").number == 100.0


def test_number_cell_unit_from_format():
    assert parse_measure(20, '0"家"').unit == "家"


@pytest.mark.parametrize(
    "raw, level",
    [
        ("全部符合", QualLevel.ACHIEVED),
        ("完全符合", QualLevel.ACHIEVED),
        ("完全达成", QualLevel.ACHIEVED),
        ("达成", QualLevel.ACHIEVED),
        ("已完成", QualLevel.ACHIEVED),
        ("完成", QualLevel.ACHIEVED),
        ("按期完成", QualLevel.ACHIEVED),
        ("全部完成", QualLevel.ACHIEVED),
        ("全部实现", QualLevel.ACHIEVED),
        ("已实现", QualLevel.ACHIEVED),
        ("实现", QualLevel.ACHIEVED),
        ("达到", QualLevel.ACHIEVED),
        ("是", QualLevel.ACHIEVED),
        ("有效", QualLevel.ACHIEVED),
        ("较好", QualLevel.ACHIEVED),
        ("全部符合，制度健全", QualLevel.ACHIEVED),
        ("全部符合。", QualLevel.ACHIEVED),
        (" 全部 符合 ", QualLevel.ACHIEVED),
        ("达到预期目标", QualLevel.ACHIEVED),
        ("达成预期指标", QualLevel.ACHIEVED),  # Anhui 2022 wording
        ("达成年度指标", QualLevel.ACHIEVED),
        ("基本符合", QualLevel.BASIC),
        ("基本完成", QualLevel.BASIC),
        ("基本实现", QualLevel.BASIC),
        ("基本达成", QualLevel.BASIC),
        ("基本达到", QualLevel.BASIC),
        ("基本完成目标", QualLevel.BASIC),
        ("部分实现", QualLevel.PARTIAL),
        ("部分符合", QualLevel.PARTIAL),
        ("部分达成", QualLevel.PARTIAL),
        ("部分完成", QualLevel.PARTIAL),
        ("部分达成年度指标并具有一定效果", QualLevel.PARTIAL),
        ("未完成", QualLevel.NOT_ACHIEVED),
        ("未实现", QualLevel.NOT_ACHIEVED),
        ("不符合", QualLevel.NOT_ACHIEVED),
        ("不符合要求", QualLevel.NOT_ACHIEVED),
        ("未达成", QualLevel.NOT_ACHIEVED),
        ("未达到", QualLevel.NOT_ACHIEVED),
        ("否", QualLevel.NOT_ACHIEVED),
        ("无效", QualLevel.NOT_ACHIEVED),
        ("未达成年度指标且效果较差", QualLevel.NOT_ACHIEVED),
        ("已全部完成", QualLevel.ACHIEVED),
        ("满意", QualLevel.ACHIEVED),
        # effects said as reached, and hedged words real forms use (issue 19)
        ("有效提升", QualLevel.ACHIEVED),
        ("效果显著", QualLevel.ACHIEVED),
        ("基本合理", QualLevel.BASIC),
        ("部分有效", QualLevel.PARTIAL),
        ("基本满意", QualLevel.BASIC),
        ("未全部完成", QualLevel.PARTIAL),  # "not fully" never reads as success
        ("未按期完成", QualLevel.NOT_ACHIEVED),
        ("不满意", QualLevel.NOT_ACHIEVED),
        # no grade named: a person must judge
        ("春节前", None),
        ("有效推进中", None),
        ("体现县委县政府的关心关爱", None),
        ("完成率高", None),
        ("完成，但部分未完成", None),  # negation wins over the leading word
        ("全部符合，但个别企业未完成", None),
        ("", None),
        ("—", None),
    ],
)
def test_parse_measure_qualitative(raw, level):
    measure = parse_measure(raw)
    assert measure.number is None
    assert measure.comparator is Comparator.NONE
    assert measure.level is level
    assert measure.text == raw.strip()


@pytest.mark.parametrize(
    "raw",
    [dt.date(2023, 1, 20), dt.datetime(2023, 1, 20, 8), True, None, float("nan"), "#DIV/0!", "60或70家"],
)
def test_parse_measure_oddities_are_qualitative_without_level(raw):
    measure = parse_measure(raw)
    assert (measure.number, measure.level, measure.comparator) == (None, None, Comparator.NONE)
    assert measure.text == cell_text(raw)


@pytest.mark.parametrize(
    "raw,number,unit,qualifier,approximate,comparator",
    [
        # issue 19: a qualified number is a number, with its qualifier kept
        ("约60万元", 60, "万元", "约", True, Comparator.NONE),
        ("60万元左右", 60, "万元", "左右", True, Comparator.NONE),
        ("约20家", 20, "家", "约", True, Comparator.NONE),
        ("1200余人", 1200, "人", "余", True, Comparator.NONE),
        ("20多家", 20, "家", "多", True, Comparator.NONE),
        ("近300人", 300, "人", "近", True, Comparator.NONE),
        ("平均6分钟", 6, "分钟", "平均", False, Comparator.NONE),
        ("30家以上", 30, "家", "以上", False, Comparator.GE),
        ("1,200批次以上", 1200, "批次", "以上", False, Comparator.GE),
        ("不低于95%", 95, "%", "不低于", False, Comparator.GE),
        ("3个工作日内", 3, "个工作日", "内", False, Comparator.LE),
    ],
)
def test_parse_measure_qualified_numbers(raw, number, unit, qualifier, approximate, comparator):
    measure = parse_measure(raw)
    assert (measure.number, measure.unit, measure.qualifier) == (number, unit, qualifier)
    assert (measure.approximate, measure.comparator) == (approximate, comparator)


def test_parse_measure_date_cell_is_a_completion_date():
    measure = parse_measure(dt.datetime(2023, 10, 26))
    assert measure.timing is not None and measure.timing.span.first == measure.timing.span.last == dt.date(2023, 10, 26)


# ---------------------------------------------------------------- weights in labels


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("项目决策（20分）", ("项目决策", 20.0)),
        ("项目产出 （30分）", ("项目产出", 30.0)),
        ("产出指标(50分)", ("产出指标", 50.0)),
        ("满意度指标（10）", ("满意度指标", 10.0)),
        ("效益指标 30分", ("效益指标", 30.0)),
        ("效益指标（7.5分）", ("效益指标", 7.5)),
        ("项目决策（二十分）", ("项目决策", 20.0)),
        ("项 目 决 策\n（20分）", ("项目决策", 20.0)),
        ("项目决策", ("项目决策", None)),
        ("项目资金（万元）", ("项目资金(万元)", None)),
        ("指标1", ("指标1", None)),
        ("", ("", None)),
        (None, ("", None)),
    ],
)
def test_split_weight_label(raw, expected):
    assert split_weight_label(raw) == expected


# ---------------------------------------------------------------- grade


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("优", ("优", ("优",), False)),
        ("良好", ("良", ("良",), False)),
        ("优秀", ("优", ("优",), False)),
        ("中等", ("中", ("中",), False)),
        ("较差", ("差", ("差",), False)),
        (" 良 ", ("良", ("良",), False)),
        ("优（95分）", ("优", ("优",), False)),
        ("优☑良□        中□差□", ("优", ("优",), True)),  # the seed's spelling
        ("☑优 □良 □中 □差", ("优", ("优",), True)),
        ("□优 ☑良 □中 □差", ("良", ("良",), True)),
        ("优□良□中□差☑", ("差", ("差",), True)),
        ("优□良□中□差□", (None, (), True)),
        ("优☑良☑中□差□", (None, ("优", "良"), True)),
        ("优√良□中□差□", ("优", ("优",), True)),
        ("优■良□中□差□", ("优", ("优",), True)),
        ("优☐良✔中☐差☐", ("良", ("良",), True)),
        ("优秀☑良好□中等□较差□", ("优", ("优",), True)),
        ("", (None, (), False)),
        ("A", (None, (), False)),
    ],
)
def test_parse_grade(raw, expected):
    assert parse_grade(raw) == expected


# ---------------------------------------------------------------- years


@pytest.mark.parametrize(
    "raw, expected",
    [
        (2023, 2023),
        ("2023", 2023),
        ("2023年", 2023),
        ("2023年度", 2023),
        ("２０２３", 2023),
        (" 2023 年度 ", 2023),
        (2023.0, 2023),
        (Decimal("2023"), 2023),
        ("二〇二三年", 2023),
        (dt.date(2023, 12, 31), 2023),
        ("2023.0", 2023),
        ("2023.5", None),
        (1989, None),
        (2101, None),
        (2023.5, None),
        ("23年", None),
        ("abc", None),
        (True, None),
        (None, None),
        (float("nan"), None),
    ],
)
def test_parse_year(raw, expected):
    assert parse_year(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2023年县领导春节走访慰问困难企业资金项目绩效评价表", 2023),
        ("信丰县2023年度县领导春节走访慰问困难企业资金项目绩效评价报告", 2023),
        ("二〇二二年度项目支出绩效评价表", 2022),
        ("１２０２３年", None),  # five digits are not a year
        ("3000年规划与2024年预算", 2024),
        ("项目支出绩效评价表", None),
        (None, None),
    ],
)
def test_year_from_title(raw, expected):
    assert year_from_title(raw) == expected


# ---------------------------------------------------------------- the lexicon file


def _lexicon_file():
    import tomllib
    from importlib import resources

    return tomllib.loads(resources.files("perfeval_xl.values").joinpath("qual_levels.toml").read_text("utf-8"))


def test_lexicon_phrases_sit_in_exactly_one_level_and_read_as_it():
    levels = _lexicon_file()["levels"]
    expected = {"achieved": QualLevel.ACHIEVED, "basic": QualLevel.BASIC, "partial": QualLevel.PARTIAL, "not_achieved": QualLevel.NOT_ACHIEVED}
    assert set(levels) == set(expected)
    seen: dict[str, str] = {}
    for key, phrases in levels.items():
        for phrase in phrases:
            assert phrase not in seen, f"{phrase} is under both {seen[phrase]} and {key}"
            seen[phrase] = key
            assert parse_measure(phrase).level is expected[key], phrase


def test_negated_phrases_never_read_as_success():
    for phrases in _lexicon_file()["levels"].values():
        for phrase in phrases:
            if phrase.startswith(("未", "不", "没有", "无")):
                assert parse_measure(phrase).level in (QualLevel.PARTIAL, QualLevel.NOT_ACHIEVED), phrase
