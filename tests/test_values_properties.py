"""Property tests of the value parsers: they never raise, and every spelling
of the same figure reads back to the same value."""

from __future__ import annotations

import math
import os
from decimal import Decimal

import cn2an
from hypothesis import given, settings
from hypothesis import strategies as st

from perfeval_xl.model import Comparator, Measure
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

# No deadline: the first call imports cn2an (~0.2 s) and the machine is shared.
# PERFEVAL_HYPOTHESIS=thorough runs 2000 examples per property (about two minutes).
settings.register_profile("values", deadline=None, derandomize=True)
settings.register_profile("values-thorough", deadline=None, max_examples=2000)
settings.load_profile("values-thorough" if os.environ.get("PERFEVAL_HYPOTHESIS") == "thorough" else "values")

FULL_WIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")
SPACES = st.sampled_from(["", " ", "  ", "\u3000", "\t", "\n"])

# Anything a cell (or a confused caller) can hand over.
any_cell = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(),
    st.text(alphabet="0123456789,.%-+eE万亿元分家人次约或至≥≤<>=＞＝ 　十百千零一二三四五六七八九点负百分之以上下内"),
    st.datetimes(),
    st.dates(),
    st.times(),
    st.binary(),
    st.lists(st.integers(), max_size=3),
    st.complex_numbers(allow_nan=True, allow_infinity=True),
)
any_format = st.one_of(st.none(), st.text(max_size=20), st.sampled_from(["0%", "0.00%", "General", '0.00"万元"', "@", '"', ";;;"]))


def _is_sound(parsed: NumberParse) -> bool:
    if parsed.value is not None:
        return parsed.problem is None and math.isfinite(parsed.value)
    return parsed.decimals is None or parsed.decimals >= 0


# ---------------------------------------------------------------- never raise


@given(any_cell, any_format)
def test_number_parsers_never_raise_and_stay_sound(value, number_format):
    for parser in (parse_number, parse_rate, parse_score):
        parsed = parser(value, number_format)
        assert isinstance(parsed, NumberParse)
        assert _is_sound(parsed)
    for unit in ("万元", "元"):
        assert _is_sound(parse_amount(value, number_format, default_unit=unit))


@given(any_cell, any_format)
def test_parse_measure_never_raises(value, number_format):
    measure = parse_measure(value, number_format)
    assert isinstance(measure, Measure)
    assert measure.text == cell_text(value)
    if measure.is_quantitative:
        assert measure.level is None and math.isfinite(measure.number)
    else:
        assert measure.comparator is Comparator.NONE


@given(any_cell)
def test_label_parsers_never_raise(value):
    assert isinstance(cell_text(value), str)
    label = normalize_label(value)
    assert not any(ch.isspace() for ch in label)
    name, weight = split_weight_label(value)
    assert isinstance(name, str) and (weight is None or weight >= 0)
    grade, ticked, _ = parse_grade(value)
    assert grade is None or ticked == (grade,)
    for year in (parse_year(value), year_from_title(value)):
        assert year is None or 1990 <= year <= 2100


# ---------------------------------------------------------------- round trips

amounts = st.decimals(min_value=Decimal("-999999999"), max_value=Decimal("999999999"), places=2, allow_nan=False)
units = st.sampled_from([None, "万元", "元", "亿元", "%", "分", "家", "人", "个", "次", "天", "人次", "公里"])


def _written(d: Decimal, thousands: bool) -> str:
    return f"{d:,f}" if thousands else f"{d:f}"


@given(amounts, units, st.booleans(), st.booleans(), SPACES, SPACES, SPACES)
def test_formatted_numbers_parse_back(d, unit, thousands, full_width, before, between, after):
    text = _written(d, thousands)
    if full_width:
        text = text.translate(FULL_WIDTH)
    text = before + text + between + (unit or "") + after
    parsed = parse_number(text)
    assert parsed == NumberParse(float(d), unit, max(0, -d.as_tuple().exponent), None)


@given(st.integers(min_value=-(10**8), max_value=10**8), st.sampled_from(["", "家", "万元", "元", "人"]))
def test_chinese_numerals_parse_back(n, unit):
    # cn2an's own inverse writes the numeral, so the grammar is not ours to guess
    parsed = parse_number(cn2an.an2cn(n, "low") + unit)
    assert parsed.problem is None
    # '六十万元' reads as 60 万元 and '六十万' as 60 万, as '60万元' / '60万' do
    scale = {"万": 10**4, "亿": 10**8}.get((parsed.unit or "")[:1], 1)
    if scale > 1 and unit in ("", "元"):
        assert parsed.unit == parsed.unit[0] + unit
    else:
        assert parsed.unit == (unit or None)
        scale = 1
    assert parsed.value * scale == n


@given(st.decimals(min_value=0, max_value=Decimal("99999999"), places=2, allow_nan=False), st.booleans())
def test_yuan_amounts_equal_wan_amounts_times_10000(wan, thousands):
    yuan = wan * 10000
    as_wan = parse_amount(_written(wan, thousands) + "万元")
    as_yuan = parse_amount(_written(yuan, thousands) + "元")
    bare_yuan = parse_amount(float(yuan), default_unit="元")
    assert as_wan.value == as_yuan.value == bare_yuan.value == float(wan)


@given(st.integers(min_value=2, max_value=15000), st.integers(min_value=0, max_value=2))
def test_rate_spellings_agree(hundredths, decimals):
    # a rate of `hundredths`/100 percent, shown with `decimals` decimals
    points = Decimal(hundredths).scaleb(-2).quantize(Decimal(1).scaleb(-decimals))
    fraction = points / 100
    text = f"{points:f}"
    spellings = [
        parse_rate(text + "%"),
        parse_rate(text + "％"),
        parse_rate(float(fraction), "0" + ("." + "0" * decimals if decimals else "") + "%"),
    ]
    if points > Decimal("1.5"):  # a bare figure above 1.5 is percent points
        spellings.append(parse_rate(text))
        if written(points) == decimals:  # a number cell shows no trailing zeros
            spellings.append(parse_rate(float(points)))
    expected = NumberParse(float(fraction), "%", decimals, None)
    assert all(s == expected for s in spellings), spellings


def written(d: Decimal) -> int:
    return max(0, -d.normalize().as_tuple().exponent)


# ---------------------------------------------------------------- measures

COMPARATOR_SPELLINGS = {
    Comparator.GE: ["≥", ">=", "≧", "＞＝", "不低于", "不少于", "不小于", "大于等于", "达到"],
    Comparator.GT: [">", "＞", "大于", "高于", "超过"],
    Comparator.LE: ["≤", "<=", "≦", "＜＝", "不高于", "不超过", "不大于", "小于等于"],
    Comparator.LT: ["<", "＜", "小于", "低于"],
    Comparator.EQ: ["=", "＝", "等于"],
}
TRAILING = {Comparator.GE: ["以上", "及以上"], Comparator.LE: ["以下", "以内", "及以下"]}
measure_units = st.sampled_from(["%", "家", "人", "个", "次", "天", "万元", "元", "分"])
measure_numbers = st.decimals(min_value=0, max_value=Decimal("100000"), places=2, allow_nan=False)


@given(
    st.sampled_from([(c, s) for c, spellings in COMPARATOR_SPELLINGS.items() for s in spellings]),
    measure_numbers,
    measure_units,
    SPACES,
    st.booleans(),
)
def test_measures_read_every_comparator_spelling(comparator_spelling, number, unit, space, full_width):
    comparator, spelling = comparator_spelling
    figure = f"{number:f}"
    if full_width:
        figure = figure.translate(FULL_WIDTH)
    measure = parse_measure(spelling + space + figure + space + unit)
    assert (measure.comparator, measure.number, measure.unit) == (comparator, float(number), unit)


@given(
    st.sampled_from([(c, s) for c, spellings in TRAILING.items() for s in spellings]),
    measure_numbers,
    measure_units,
)
def test_measures_read_trailing_comparators(comparator_spelling, number, unit):
    comparator, spelling = comparator_spelling
    measure = parse_measure(f"{number:f}{unit}{spelling}")
    assert (measure.comparator, measure.number, measure.unit) == (comparator, float(number), unit)


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=2))
def test_percent_measures_agree_between_text_and_percent_cells(points, decimals):
    fmt = "0" + ("." + "0" * decimals if decimals else "") + "%"
    assert parse_measure(points / 100, fmt).number == parse_measure(f"{points}%").number == float(points)


# ---------------------------------------------------------------- labels

cjk_label = st.text(alphabet="项目决策过程产出效益满意度指标资金管理", min_size=1, max_size=8)


@given(st.text(max_size=30), st.lists(st.sampled_from([" ", "\u3000", "\n", "\t"]), max_size=5), st.randoms())
def test_normalize_label_ignores_whitespace_and_is_idempotent(text, spaces, rnd):
    once = normalize_label(text)
    assert normalize_label(once) == once
    chars = list(text)
    for space in spaces:
        chars.insert(rnd.randint(0, len(chars)), space)
    assert normalize_label("".join(chars)) == once


@given(cjk_label, st.decimals(min_value=0, max_value=100, places=1, allow_nan=False), st.sampled_from(["（{}分）", "({}分)", " （{}分）", "（{}）", " {}分"]))
def test_split_weight_label_reads_every_spelling(label, weight, pattern):
    assert split_weight_label(label + pattern.format(f"{weight:f}")) == (label, float(weight))


GRADES = ("优", "良", "中", "差")


@given(st.lists(st.booleans(), min_size=4, max_size=4), st.booleans(), SPACES, st.sampled_from("☑✔✓√■☒▣●"), st.sampled_from("□☐○▢"))
def test_parse_grade_checkbox_forms(ticks, box_first, space, tick, box):
    marks = [tick if t else box for t in ticks]
    parts = [m + g if box_first else g + m for g, m in zip(GRADES, marks)]
    ticked = tuple(g for g, t in zip(GRADES, ticks) if t)
    expected = (ticked[0] if len(ticked) == 1 else None, ticked, True)
    assert parse_grade(space.join(parts)) == expected


@given(st.integers(min_value=1000, max_value=9999), st.sampled_from(["{}", "{}年", "{}年度", " {} 年度 "]), st.booleans())
def test_years_agree_across_spellings(year, pattern, full_width):
    text = pattern.format(year)
    if full_width:
        text = text.translate(FULL_WIDTH)
    expected = year if 1990 <= year <= 2100 else None
    assert parse_year(text) == parse_year(year) == parse_year(float(year)) == expected
    assert year_from_title(f"{year}年某某项目绩效评价表") == expected


# ---------------------------------------------------------------- consistency between parsers

plain_cells = st.one_of(
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False),
)


@given(plain_cells)
def test_a_number_and_its_display_text_read_the_same(value):
    # a figure typed as text must not read differently from the number cell
    assert parse_number(cell_text(value)) == parse_number(value)


@given(measure_numbers, measure_units)
def test_a_bare_measure_reads_like_parse_number(number, unit):
    text = f"{number:f}{unit}"
    measure, figure = parse_measure(text), parse_number(text)
    assert (measure.comparator, measure.number, measure.unit) == (Comparator.NONE, figure.value, figure.unit)
