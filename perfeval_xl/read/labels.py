"""Labels that carry a value: ``项目决策（20分）``, the 评价等次 row
(``优☑良□中□差□``), the 评价年度 and the year in the title."""

from __future__ import annotations

import datetime as _dt
import math
import re
from decimal import Decimal

from perfeval_xl.values.memo import remembered
from perfeval_xl.values.numbers import read_text_figure
from perfeval_xl.values.numerals import digits_to_int
from perfeval_xl.values.text import cell_text, normalize_label, squeeze

# '(20分)' / '(20)' / '20分' at the end of a normalised label.
_WEIGHT_BRACKETED = re.compile(r"^(?P<label>.*?)\((?P<weight>[^()]+)\)$")
_WEIGHT_BARE = re.compile(r"^(?P<label>.*?[^\d.])(?P<weight>\d+(?:\.\d+)?分)$")


@remembered
def split_weight_label(text: object) -> tuple[str, float | None]:
    """``'项目决策（20分）'`` → ``('项目决策', 20.0)``; ``'效益指标 30分'`` →
    ``('效益指标', 30.0)``; ``'项目决策'`` → ``('项目决策', None)``."""
    label = normalize_label(text)
    for pattern in (_WEIGHT_BRACKETED, _WEIGHT_BARE):
        m = pattern.match(label)
        if not m:
            continue
        figure = read_text_figure(m.group("weight"))
        if figure.number is not None and figure.unit in (None, "分") and figure.number >= 0:
            return m.group("label"), float(figure.number)
    return label, None


# ---------------------------------------------------------------- 评价等次

# Full names first so '优秀' is not read as '优' followed by '秀'.
_GRADE_WORDS = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差", "优": "优", "良": "良", "中": "中", "差": "差"}
_GRADE_ORDER = sorted(_GRADE_WORDS, key=len, reverse=True)
TICKED = frozenset("☑✔✓√■☒▣●✅☒")
UNTICKED = frozenset("□☐○▢◻")
_LABEL_PREFIX = re.compile(r"^(?:评价)?(?:等次|等级)[:]?")


# A check box typed in the Wingdings 2 font, as Excel's 插入 > 符号 does: the cell stores
# the letter (R is a ticked box, S a box with a cross, £ an empty box). Only a cell that
# is nothing but grades and such letters is read this way.
_WINGDINGS_BOXES = re.compile(r"(?:(?:优秀?|良好?|中等?|差|合格|不合格)[RS£*]){2,5}")
_WINGDINGS_TO_BOXES = str.maketrans({"R": "☑", "S": "☑", "£": "□", "*": "□"})


def parse_grade(text: object) -> tuple[str | None, tuple[str, ...], bool]:
    """The 评价等次 cell → ``(grade, ticked grades, is checkbox form)``.

    ``'优'`` → ``('优', ('优',), False)``; ``'优☑良□中□差□'`` and
    ``'☑优 □良 □中 □差'`` → ``('优', ('优',), True)``; no tick or several
    ticks → grade None (the ticked ones are still listed).
    """
    s = _LABEL_PREFIX.sub("", squeeze(cell_text(text)))
    if _WINGDINGS_BOXES.fullmatch(s):
        s = s.translate(_WINGDINGS_TO_BOXES)
    if any(ch in TICKED or ch in UNTICKED for ch in s):
        ticked = _ticked_grades(s)
        return (ticked[0] if len(ticked) == 1 else None), ticked, True
    grade = _plain_grade(s)
    return grade, ((grade,) if grade else ()), False


def _ticked_grades(s: str) -> tuple[str, ...]:
    """Pair each mark with its grade word: the mark before the word when the
    text starts with a mark (``☑优□良``), after it otherwise (``优☑良□``)."""
    tokens: list[tuple[str, str]] = []  # ('grade', '优') or ('mark', '☑')
    i = 0
    while i < len(s):
        word = next((w for w in _GRADE_ORDER if s.startswith(w, i)), None)
        if word:
            tokens.append(("grade", _GRADE_WORDS[word]))
            i += len(word)
            continue
        if s[i] in TICKED or s[i] in UNTICKED:
            tokens.append(("mark", s[i]))
        i += 1
    box_first = s[0] in TICKED or s[0] in UNTICKED
    ticked: list[str] = []
    for k, (kind, grade) in enumerate(tokens):
        if kind != "grade":
            continue
        neighbour = k - 1 if box_first else k + 1
        if 0 <= neighbour < len(tokens) and tokens[neighbour][0] == "mark":
            if tokens[neighbour][1] in TICKED and grade not in ticked:
                ticked.append(grade)
    return tuple(ticked)


def _plain_grade(s: str) -> str | None:
    """'优' / '优秀' / '良好（85分）' → the grade; anything else → None."""
    head = re.split(r"[(,;，；。:]", s, maxsplit=1)[0]
    return _GRADE_WORDS.get(head)


# ---------------------------------------------------------------- years

YEAR_MIN, YEAR_MAX = 1990, 2100
_YEAR_TEXT = re.compile(r"^(?P<year>\d{4}|[零〇○一二三四五六七八九]{4})(?:年度?)?$")
_YEAR_IN_TITLE = re.compile(r"(?<![\d零〇○一二三四五六七八九])(\d{4}|[零〇○一二三四五六七八九]{4})年")


def _in_range(year: int | None) -> int | None:
    return year if year is not None and YEAR_MIN <= year <= YEAR_MAX else None


def parse_year(value: object) -> int | None:
    """``2023``, ``2023.0``, ``'2023年度'``, ``'２０２３'``, ``'二〇二三年'`` → 2023;
    anything outside 1990..2100 → None."""
    try:
        if isinstance(value, bool) or value is None:
            return None
        if isinstance(value, int):
            return _in_range(value)
        if isinstance(value, float):
            return _in_range(int(value)) if math.isfinite(value) and value.is_integer() else None
        if isinstance(value, Decimal):
            return _in_range(int(value)) if value.is_finite() and value == value.to_integral_value() else None
        if isinstance(value, (_dt.date, _dt.datetime)):
            return _in_range(value.year)
        text = squeeze(cell_text(value))
        m = _YEAR_TEXT.match(text)
        if m:
            return _in_range(_year_digits(m.group("year")))
        figure = read_text_figure(text)  # '2023.0' typed as text
        if figure.number is not None and figure.unit in (None, "年") and figure.number == figure.number.to_integral_value():
            return _in_range(int(figure.number))
        return None
    except Exception:  # never raise on data
        return None


def year_from_title(text: object) -> int | None:
    """The first plausible ``YYYY年`` in a title:
    ``'2023年县领导春节走访…绩效评价表'`` → 2023."""
    for m in _YEAR_IN_TITLE.finditer(squeeze(cell_text(text))):
        year = _in_range(_year_digits(m.group(1)))
        if year is not None:
            return year
    return None


def _year_digits(text: str) -> int | None:
    return int(text) if text.isdigit() else digits_to_int(text)
