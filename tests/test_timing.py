"""Time phrases of 时效 indicators (issue 19): deadlines, completions and how they compare."""

import datetime as dt

import pytest

from perfeval_xl.model import Measure, Timeliness
from perfeval_xl.values.text import squeeze
from perfeval_xl.values.timing import completion_of, deadline_met, festival_day, parse_timing

D = dt.date


def timing(text: str, year: int | None = 2023):
    return parse_timing(squeeze(text), year)


@pytest.mark.parametrize(
    "text,first,last,before",
    [
        ("10月底前", D(2023, 10, 31), D(2023, 10, 31), True),
        ("十月底前", D(2023, 10, 31), D(2023, 10, 31), True),
        ("11月30日前", D(2023, 11, 30), D(2023, 11, 30), True),
        ("十二月三十一日前", D(2023, 12, 31), D(2023, 12, 31), True),
        ("年底前", D(2023, 12, 31), D(2023, 12, 31), True),
        ("2023年底前", D(2023, 12, 31), D(2023, 12, 31), True),
        ("当年内", D(2023, 1, 1), D(2023, 12, 31), False),
        ("第三季度", D(2023, 7, 1), D(2023, 9, 30), False),
        ("上半年", D(2023, 1, 1), D(2023, 6, 30), False),
        ("2023年10月26日", D(2023, 10, 26), D(2023, 10, 26), False),
        ("2023.10.26", D(2023, 10, 26), D(2023, 10, 26), False),
        ("9月底完工", D(2023, 9, 30), D(2023, 9, 30), False),
        ("2月8日前全部发放", D(2023, 2, 8), D(2023, 2, 8), True),
        ("截至2023年12月31日", D(2023, 12, 31), D(2023, 12, 31), True),
        ("延期至次年3月", D(2024, 3, 1), D(2024, 3, 31), False),
        # 春节 early in the year: this year's (strict) or next year's (lenient) festival
        ("春节前", D(2023, 1, 22), D(2024, 2, 10), True),
        ("国庆节前", D(2023, 10, 1), D(2023, 10, 1), True),
    ],
)
def test_time_phrases_are_placed_in_the_evaluation_year(text, first, last, before):
    t = timing(text)
    assert t is not None and (t.span.first, t.span.last, t.before) == (first, last, before)


@pytest.mark.parametrize("text,status", [("按期", Timeliness.ON_TIME), ("按期完成", Timeliness.ON_TIME),
                                         ("提前完成", Timeliness.ON_TIME), ("部分未按期完成", Timeliness.LATE)])
def test_words_about_the_deadline(text, status):
    t = timing(text)
    assert t is not None and t.span is None and t.status is status


@pytest.mark.parametrize("text", ["全部符合", "≥95%", "10月底前完成20户改造", "3个工作日内", "每月10日前", "有效提升", ""])
def test_other_texts_are_not_time_phrases(text):
    assert timing(text) is None


def test_festivals_come_from_the_calendar_library():
    assert festival_day("春节", 2023) == D(2023, 1, 22)
    assert festival_day("春节", 2024) == D(2024, 2, 10)
    assert festival_day("中秋", 2023) == D(2023, 9, 29)
    assert festival_day("除夕", 2024) == D(2024, 2, 9)


def test_an_unknown_year_places_nothing():
    assert timing("10月底前", None).span is None


@pytest.mark.parametrize(
    "deadline,done,met",
    [
        ("10月底前", "2023年10月26日", True),
        ("10月底前", "9月底完工", True),
        ("10月底前", "按期完成", True),
        ("10月底前", "延期至次年3月", False),
        ("11月30日前", "12月2日", False),
        ("第三季度", "2023年10月26日", False),
        ("上半年", "7月1日", False),
        ("春节前", "春节前完成", True),
        # a festival early in the year is the evaluation year's (2023-01-22): the domain notes' reading
        ("春节前", "1月15日", True),
        ("春节前", "2月8日前全部发放", False),  # the bound names the day the work closed
        ("春节前", "2023年12月20日", None),  # late in the year: next year's 春节 may be meant
        ("按期", "按期完成", True),
        ("按期", "部分未按期完成", False),
        # vague windows decide nothing
        ("10月前", "10月15日", None),
        ("11月30日前", "11月30日", None),
        ("按期", "2023年10月26日", None),
        # the dates say met, the words say late: not decided
        ("12月底前", "延期至10月", None),
    ],
)
def test_deadline_met(deadline, done, met):
    assert deadline_met(timing(deadline), timing(done)) is met


def test_a_bare_serial_beside_a_deadline_is_a_date():
    done = completion_of(Measure("45225", number=45225.0))
    assert done.span.first == D(2023, 10, 26)
    assert completion_of(Measure("95%", number=95.0, unit="%")) is None
