"""Time phrases of 时效 indicators: deadlines and completions.

Targets of time indicators are deadlines far more often than numbers
(``10月底前``, ``11月30日前``, ``年底前``, ``春节前``, ``第三季度``, ``上半年``,
``按期``, ``当年内``); their actuals are dates (a date cell, ``2023年10月26日``),
phrases with a date (``9月底完工``, ``2月8日前全部发放``, ``春节前完成``) or
words about the deadline (``按期完成``, ``提前完成``, ``延期至次年3月``).

:func:`parse_timing` reads such a text into a :class:`~perfeval_xl.model.Timing`
placed in the evaluation year (a bare ``10月`` is that year's; ``次年3月`` the
next one's). Festivals move every year and come from a maintained calendar
library (lunar-python), never from a table of ours. :func:`deadline_met`
compares a deadline with a completion: met, missed, or unknown (None) when
the words or windows leave it open.

Only a text that is *all* time phrase is read as one (``10月底前完成``,
``2023年10月26日``); ``10月底前完成20户改造`` is a target with a number in it
and stays what the other parsers make of it.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from functools import lru_cache

from perfeval_xl.model import Measure, Period, Timeliness, Timing
from perfeval_xl.values.dates import serial_to_date

_ONE_DAY = _dt.timedelta(days=1)

# 1-31 as clerks write them in dates: digits or Chinese numerals up to 三十一
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = r"(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"

_YEAR = r"(?:(?P<year>(?:19|20)\d{2})年度?|(?P<rel>次年度?|翌年|下一年度?|下年度?|明年|来年|第二年|当年度?|本年度?|今年|上一?年度?|去年))"
_DATE = re.compile(
    rf"(?:{_YEAR})?"
    rf"(?:(?P<month>{_SMALL})月份?"
    rf"(?:(?P<day>{_SMALL})[日号]|(?P<part>底|末|上旬|中旬|下旬|初|中))?)"
)
_NUMERIC_DATE = re.compile(r"(?P<year>(?:19|20)\d{2})[./\-](?P<month>\d{1,2})[./\-](?P<day>\d{1,2})(?:日)?")
_QUARTER = re.compile(rf"(?:{_YEAR})?第?(?P<q>[一二三四1234])季度")
_HALF = re.compile(rf"(?:{_YEAR})?(?P<half>上半年|下半年)")
_YEAR_END = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})|(?P<rel>次|翌|明|来|当|本|今|上|去))?(?P<end>年底|年末|年终|年内|年度内)|(?P<alone>岁末|全年)"
)
_WHOLE_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})年度?|(?P<rel>次年度?|翌年|下一年度?|明年|来年|当年度?|本年度?|今年)(?:内)?")

# Festivals a form anchors deadlines on: (lunar month, lunar day) or a fixed solar date.
_LUNAR = {"春节": (1, 1), "元宵": (1, 15), "端午": (5, 5), "中秋": (8, 15), "重阳": (9, 9)}
_SOLAR = {
    "元旦": (1, 1), "劳动节": (5, 1), "五一": (5, 1), "儿童节": (6, 1), "六一": (6, 1),
    "建党节": (7, 1), "七一": (7, 1), "建军节": (8, 1), "八一": (8, 1), "教师节": (9, 10),
    "国庆": (10, 1),
}  # fmt: skip
# Early in the year: a form of year Y may mean Y's festival or Y+1's (年终慰问 before next 春节).
_EARLY = {"春节", "除夕", "元宵", "元旦"}
_FESTIVAL = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})年|(?P<rel>次年|翌年|明年|来年|当年|今年))?"
    r"(?P<name>春节|除夕|元宵|端午|中秋|重阳|元旦|清明|劳动节|五一|儿童节|六一|建党节|七一|建军节|八一|教师节|国庆)节?"
)

_BEFORE = re.compile(r"(?:之前|以前|前|以内|内|为止|止)")
_BY = re.compile(r"^(?:截至|截止到?|至|于|在|到)")
# Words about the deadline; LATE first: 未按期 contains 按期.
_LATE = re.compile(r"延期|延迟|推迟|滞后|逾期|超期|拖延|延后|顺延|延至|未按期|未按时|未能按期|未能按时|未如期|未及时|不及时")
_ON_TIME = re.compile(r"按期|按时|如期|准时|及时|提前|按计划|按进度|按合同约定")
# What may stand around a time phrase in a cell that is all time phrase.
_FILLER = re.compile(
    r"(?:已经|已|均|全部|部分|全面|顺利|基本|如数|足额|按要求|工作|任务|项目|资金|慰问金|补助|补贴|款项|"
    r"完成|完工|竣工|建成|发放|拨付|兑付|支付|到位|实施|开展|开工|验收|交付|上线|投入使用|结束|启动|办结|"
    r"前|之前|以前|以内|内|为止|止|截至|截止到?|至|于|在|到|的|并|且|和|及|、|,|，|。|;|；|:|：|\(|\)|（|）)"
)


def _small(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    tens, _, units = text.partition("十")
    if "十" not in text:
        return _CN_DIGIT.get(text)
    return (_CN_DIGIT.get(tens, 1) if tens else 1) * 10 + (_CN_DIGIT.get(units, 0) if units else 0)


def _year_of(m: re.Match, year: int | None) -> int | None:
    """The year a matched phrase is in: written (2024年), relative to the
    evaluation year (次年, 上年), or the evaluation year itself."""
    groups = m.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    if year is None:
        return None
    rel = groups.get("rel") or ""
    if rel.startswith(("次", "翌", "下", "明", "来", "第二")):
        return year + 1
    if rel.startswith(("上", "去")):
        return year - 1
    return year


def _month_end(y: int, m: int) -> _dt.date:
    return _dt.date(y, m, calendar.monthrange(y, m)[1])


@lru_cache(maxsize=256)
def festival_day(name: str, year: int) -> _dt.date | None:
    """The festival's date in ``year`` (solar calendar), or None when the
    calendar library cannot place it."""
    try:
        if name in _SOLAR:
            m, d = _SOLAR[name]
            return _dt.date(year, m, d)
        from lunar_python import (  # imported here: most forms name no festival
            Lunar,
            Solar,
        )

        if name == "除夕":
            return festival_day("春节", year) - _ONE_DAY  # type: ignore[operator]
        if name == "清明":
            solar = Solar.fromYmd(year, 1, 1).getLunar().getJieQiTable()["清明"]
        else:
            solar = Lunar.fromYmd(year, *_LUNAR[name]).getSolar()
        return _dt.date(solar.getYear(), solar.getMonth(), solar.getDay())
    except Exception:  # noqa: BLE001 - a year out of the library's range is no date, not a crash
        return None


def _status(text: str) -> Timeliness | None:
    if _LATE.search(text):
        return Timeliness.LATE
    if _ON_TIME.search(text):
        return Timeliness.ON_TIME
    return None


def _span(text: str, year: int | None) -> tuple[Period | None, str, str | None, re.Match | None]:
    """(span, grain, festival, match) of the first time expression in ``text``."""
    if m := _NUMERIC_DATE.search(text):
        try:
            day = _dt.date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        except ValueError:
            return None, "day", None, None
        return Period(day, day), "day", None, m
    if m := _FESTIVAL.search(text):
        name = m.group("name")
        y = _year_of(m, year)
        if y is None:
            return None, "festival", name, m
        this = festival_day(name, y)
        later = festival_day(name, y + 1) if name in _EARLY and not (m.group("year") or m.group("rel")) else this
        if this is None or later is None:
            return None, "festival", name, m
        return Period(this, later), "festival", name, m
    if m := _QUARTER.search(text):
        y = _year_of(m, year)
        q = "一二三四".find(m.group("q")) + 1 or int(m.group("q"))
        if y is None:
            return None, "quarter", None, m
        return Period(_dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q)), "quarter", None, m
    if m := _HALF.search(text):
        y = _year_of(m, year)
        if y is None:
            return None, "half", None, m
        first_half = m.group("half") == "上半年"
        return Period(_dt.date(y, 1 if first_half else 7, 1), _month_end(y, 6 if first_half else 12)), "half", None, m
    if m := _DATE.search(text):
        y = _year_of(m, year)
        month, day, part = _small(m.group("month")), _small(m.group("day")), m.group("part")
        if month is None or not 1 <= month <= 12 or y is None:
            return None, "day", None, m if month and 1 <= month <= 12 else None
        end = _month_end(y, month)
        if day is not None:
            if not 1 <= day <= end.day:
                return None, "day", None, None
            d = _dt.date(y, month, day)
            return Period(d, d), "day", None, m
        if part in ("底", "末"):
            return Period(end, end), "end", None, m
        if part in ("上旬", "初"):
            return Period(_dt.date(y, month, 1), _dt.date(y, month, 10)), "month", None, m
        if part in ("中旬", "中"):
            return Period(_dt.date(y, month, 11), _dt.date(y, month, 20)), "month", None, m
        if part == "下旬":
            return Period(_dt.date(y, month, 21), end), "month", None, m
        return Period(_dt.date(y, month, 1), end), "month", None, m
    if m := _YEAR_END.search(text):
        y = _year_of(m, year)
        if y is None:
            return None, "end", None, m
        if m.group("end") in ("年内", "年度内", "全年"):
            return Period(_dt.date(y, 1, 1), _dt.date(y, 12, 31)), "year", None, m
        return Period(_dt.date(y, 12, 31), _dt.date(y, 12, 31)), "end", None, m
    if m := _WHOLE_YEAR.fullmatch(text.rstrip("内前完成")):
        y = _year_of(m, year)
        if y is None:
            return None, "year", None, m
        return Period(_dt.date(y, 1, 1), _dt.date(y, 12, 31)), "year", None, m
    return None, "day", None, None


@lru_cache(maxsize=4096)
def parse_timing(text: str, year: int | None, lenient: bool = False) -> Timing | None:
    """The time phrase ``text`` is, placed in evaluation year ``year``; None
    when the text is not (all) a time phrase. ``text`` is squeezed (NFKC, no
    whitespace). ``lenient``: other words may stand around the date (a
    completion beside a deadline: ``10月8日完成全部场次``, ``8月到货``), but no
    other figure."""
    if not text or len(text) > 40:
        return None
    status = _status(text)
    span, grain, festival, m = _span(text, year)
    if m is None:
        # no date at all: only words about the deadline (按期 / 按期完成 / 提前完成 / 延期)
        rest = _FILLER.sub("", _ON_TIME.sub("", _LATE.sub("", text)))
        if status is not None and (not rest or (lenient and not any(ch.isdigit() for ch in text))):
            return Timing(status=status)
        return None
    before_text, after_text = text[: m.start()], text[m.end() :]
    rest = _FILLER.sub("", _ON_TIME.sub("", _LATE.sub("", before_text + after_text)))
    if any(ch.isdigit() for ch in before_text + after_text) or (rest and not lenient):
        return None  # more than a time phrase: 10月底前完成20户, 2023年度预算 …
    before = bool(_BEFORE.match(after_text)) or bool(_BY.search(before_text))
    return Timing(span, before, grain, status, festival)


def date_timing(day: _dt.date) -> Timing:
    """A date cell as a completion (or a deadline): that one day."""
    if isinstance(day, _dt.datetime):
        day = day.date()
    return Timing(Period(day, day))


def effective_deadline(target: Timing, actual: Timing) -> Period | None:
    """The deadline window, with an early-year festival (春节, 元旦) read as the
    evaluation year's unless the completion falls late in the year, when the
    next year's festival may be meant (年终走访 before next 春节)."""
    deadline = target.deadline()
    done = actual.done()
    if deadline is None or done is None or target.grain != "festival" or deadline.first == deadline.last:
        return deadline
    if done.last < _dt.date(deadline.first.year, 11, 1):
        return Period(deadline.first, deadline.first)  # a 2023 form, done in spring: 2023's festival
    return deadline


# Serial numbers Excel gives the dates a form can mean (2000-01-01 to 2099-12-31):
# a completion typed in a cell left General shows as one.
_SERIALS = range(36_526, 73_051)


def completion_of(measure: Measure) -> Timing | None:
    """When an actual says the work was done: its time phrase or date cell,
    or a bare whole number that can only be a date serial (``45225`` beside
    a deadline is 2023-10-26, not forty-five thousand of anything)."""
    if measure.timing is not None:
        return measure.timing
    number = measure.number
    if number is not None and not measure.unit and float(number).is_integer() and int(number) in _SERIALS:
        return date_timing(serial_to_date(int(number)))  # type: ignore[arg-type]
    return None


def deadline_met(target: Timing, actual: Timing) -> bool | None:
    """Was the deadline ``target`` met by the completion ``actual``?

    True or False only when every reading of both windows agrees (and the
    words, when they also speak, say the same); None otherwise: 按期完成 against
    a date, 9月 against 9月20日前, or dates that prove one thing while the words
    say another.
    """
    by_dates: bool | None = None
    if target.festival and target.festival == actual.festival and actual.before:
        by_dates = True  # 春节前完成 against 春节前: the same deadline, whichever year's
    else:
        deadline, done = effective_deadline(target, actual), actual.done()
        if deadline is not None and done is not None:
            if done.last <= deadline.first:
                by_dates = True
            elif done.first > deadline.last:
                by_dates = False
    by_words = None if actual.status is None else actual.status is Timeliness.ON_TIME
    if by_dates is not None and by_words is not None and by_dates != by_words:
        return None
    return by_dates if by_dates is not None else by_words
