"""Deadlines of 时效 indicators and completions that meet or miss them, as a
clerk writes them.

Real forms write time targets as deadlines (``10月底前``, ``11月30日前``,
``年底前``, ``当年内``, ``第三季度``, ``上半年``, ``春节前``, ``国庆节前``,
``按期``) and their actuals as date cells, date texts (``2023年10月26日``),
phrases with a date (``9月底完工``, ``1月18日前全部发放``) or words
(``按期完成``, ``提前完成``).

The generator's own reading, kept apart from ``perfeval_xl.values.timing`` so
that it cannot share the reader's mistakes. It is deliberately clear-cut:
a completion it calls *on time* is on or before the earliest day any reading
of the deadline allows (``11月30日前`` -> 11-29; ``春节前`` -> the eve of the
evaluation year's 春节), and one it calls *late* is after the latest day any
reading allows (``春节前`` may mean the next year's 春节 on a form about year-end
visits). Completions in between are never generated.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
import re
from dataclasses import dataclass

# 春节 (the lunar new year) of the years specs use. A table, not a calendar
# library: the reader uses lunar-python, and the generator must not share its
# answers. Checked against the published dates of each year.
SPRING_FESTIVAL = {
    2021: dt.date(2021, 2, 12),
    2022: dt.date(2022, 2, 1),
    2023: dt.date(2023, 1, 22),
    2024: dt.date(2024, 2, 10),
    2025: dt.date(2025, 1, 29),
}

DEADLINE_KINDS = ("month_end", "day", "year_end", "within_year", "quarter", "half", "spring", "national_day", "words")
_QUARTERS = "一二三四"


@dataclass(frozen=True)
class Deadline:
    """A deadline as written, with the days that surely meet and surely miss it.

    ``on_time_until`` is the last completion day every reading accepts;
    ``late_from`` the first day every reading rejects. Both are None for a
    deadline in words only (``按期``), which only words can answer.
    """

    text: str
    on_time_until: dt.date | None
    late_from: dt.date | None

    @property
    def dated(self) -> bool:
        return self.on_time_until is not None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def make_deadline(rng: random.Random, year: int, kinds: tuple[str, ...] = DEADLINE_KINDS) -> Deadline:
    """A random deadline of one of ``kinds`` in evaluation year ``year``."""
    kind = rng.choice(kinds)
    day = dt.timedelta(days=1)
    if kind == "month_end":
        month = rng.randint(6, 11)
        end = _month_end(year, month)
        return Deadline(f"{month}月底前", end, end + day)
    if kind == "day":
        month = rng.randint(6, 12)
        d = dt.date(year, month, rng.choice((15, 20, 25, 30 if month != 2 else 28)))
        return Deadline(f"{month}月{d.day}日前", d - day, d + day)
    if kind == "year_end":
        return Deadline(rng.choice(("年底前", "年底前", "12月底前", f"{year}年底前")), dt.date(year, 12, 31),
                        dt.date(year + 1, 1, 1))
    if kind == "within_year":
        return Deadline(rng.choice(("当年内", "年内")), dt.date(year, 12, 31), dt.date(year + 1, 1, 1))
    if kind == "quarter":
        q = rng.randint(2, 4)
        end = _month_end(year, 3 * q)
        return Deadline(f"第{_QUARTERS[q - 1]}季度", end, end + day)
    if kind == "half":
        return Deadline("上半年", dt.date(year, 6, 30), dt.date(year, 7, 1))
    if kind == "spring" and year in SPRING_FESTIVAL and year + 1 in SPRING_FESTIVAL:
        # 春节前 on a form of year Y: that year's festival, or (year-end visits) the next one's
        return Deadline("春节前", SPRING_FESTIVAL[year] - day, SPRING_FESTIVAL[year + 1])
    if kind == "national_day":
        return Deadline("国庆节前", dt.date(year, 9, 30), dt.date(year, 10, 1))
    return Deadline(rng.choice(("按期", "按期完成", "按时完成")), None, None)


def on_time_day(rng: random.Random, deadline: Deadline, year: int) -> dt.date:
    """A completion day that meets ``deadline`` (in the evaluation year, after 1月5日)."""
    last = deadline.on_time_until
    first = max(dt.date(year, 1, 5), last - dt.timedelta(days=60))
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def late_day(rng: random.Random, deadline: Deadline) -> dt.date:
    """A completion day that misses ``deadline`` by one to ten weeks."""
    return deadline.late_from + dt.timedelta(days=rng.randint(7, 70))


def on_time_completion(rng: random.Random, deadline: Deadline, year: int) -> str | dt.date:
    """What a clerk writes for a completion that met ``deadline``: a date cell,
    a date text, a phrase with a date, or words."""
    words = rng.choice(("按期完成", "提前完成", "按时完成", "如期完成"))
    if not deadline.dated or rng.random() < 0.15:
        return words
    if deadline.text == "春节前" and rng.random() < 0.3:
        return rng.choice(("春节前完成", "春节前全部发放"))
    done = on_time_day(rng, deadline, year)
    style = rng.choice(("cell", "cell", "full", "month_day", "before", "month_end"))
    if style == "cell":
        return done
    if style == "full":
        return f"{done.year}年{done.month}月{done.day}日"
    if style == "month_day":
        return f"{done.month}月{done.day}日" + rng.choice(("", "完成", "完工"))
    if style == "before":
        return f"{done.month}月{done.day}日前" + rng.choice(("全部发放", "完成", "全部完成"))
    end = _month_end(year, done.month)
    if end > deadline.on_time_until:  # the month's end would be too late: say the day
        return f"{done.year}年{done.month}月{done.day}日"
    return f"{done.month}月底" + rng.choice(("完工", "前完成", "完成"))


def late_completion(rng: random.Random, deadline: Deadline, year: int) -> str | dt.date:
    """What a clerk writes for a completion that missed a dated ``deadline``:
    a date cell or a date text after it."""
    done = late_day(rng, deadline)
    style = rng.choice(("cell", "cell", "full", "month_day"))
    if style == "cell":
        return done
    if style == "month_day" and done.year == year:
        return f"{done.month}月{done.day}日" + rng.choice(("完成", "完工", ""))
    return f"{done.year}年{done.month}月{done.day}日"


_TEXTS = re.compile(r"^(?:\d{1,2}月底前|\d{1,2}月\d{1,2}日前|(?:\d{4})?年底前|12月底前|当年内|年内|第[一二三四]季度|上半年|春节前|国庆节前)$")


def is_deadline(text: object) -> bool:
    """Is ``text`` one of the deadlines :func:`make_deadline` writes (dated or in words)?"""
    return isinstance(text, str) and (bool(_TEXTS.match(text.strip())) or text.strip() in ("按期", "按期完成", "按时完成"))


def deadline_of(text: str, year: int) -> Deadline | None:
    """The :class:`Deadline` a text written by :func:`make_deadline` means in ``year``."""
    text = text.strip()
    day = dt.timedelta(days=1)
    if m := re.fullmatch(r"(\d{1,2})月底前", text):
        end = _month_end(year, int(m.group(1)))
        return Deadline(text, end, end + day)
    if m := re.fullmatch(r"(\d{1,2})月(\d{1,2})日前", text):
        d = dt.date(year, int(m.group(1)), int(m.group(2)))
        return Deadline(text, d - day, d + day)
    if re.fullmatch(r"(?:\d{4})?年底前|当年内|年内", text):
        return Deadline(text, dt.date(year, 12, 31), dt.date(year + 1, 1, 1))
    if m := re.fullmatch(r"第([一二三四])季度", text):
        end = _month_end(year, 3 * (_QUARTERS.index(m.group(1)) + 1))
        return Deadline(text, end, end + day)
    if text == "上半年":
        return Deadline(text, dt.date(year, 6, 30), dt.date(year, 7, 1))
    if text == "春节前" and year in SPRING_FESTIVAL and year + 1 in SPRING_FESTIVAL:
        return Deadline(text, SPRING_FESTIVAL[year] - day, SPRING_FESTIVAL[year + 1])
    if text == "国庆节前":
        return Deadline(text, dt.date(year, 9, 30), dt.date(year, 10, 1))
    if text in ("按期", "按期完成", "按时完成"):
        return Deadline(text, None, None)
    return None
