"""年度指标值 / 全年完成值 cells: ``≥20家``, ``≤60万元``, ``90%以上``, ``全部符合``.

A measure is quantitative (comparator + number + unit as written; money is
*not* converted, rules compare units explicitly) or qualitative (the text and
the grade it names, from the lexicon in ``qual_levels.toml``).
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources

from perfeval_xl.model import Comparator, Measure, QualLevel
from perfeval_xl.values.memo import remembered
from perfeval_xl.values.numbers import read_figure, read_text_figure
from perfeval_xl.values.text import cell_text, squeeze
from perfeval_xl.values.timing import date_timing, parse_timing

# Spellings after NFKC (＞ → >, ＝ → =). Longest first, so '>=' wins over '>'
# and '大于等于' over '大于'.
_LEADING: dict[str, Comparator] = {
    **dict.fromkeys(["≥", ">=", "=>", "≧", "⩾", "不低于", "不少于", "不小于", "大于等于", "大于或等于", "达到"], Comparator.GE),
    **dict.fromkeys([">", "大于", "高于", "超过", "多于"], Comparator.GT),
    **dict.fromkeys(["≤", "<=", "=<", "≦", "⩽", "不高于", "不超过", "不大于", "不多于", "小于等于", "小于或等于"], Comparator.LE),
    **dict.fromkeys(["<", "小于", "低于", "少于"], Comparator.LT),
    **dict.fromkeys(["=", "==", "等于"], Comparator.EQ),
}  # fmt: skip
_TRAILING: dict[str, Comparator] = {
    "及以上": Comparator.GE,
    "以上": Comparator.GE,
    "及以下": Comparator.LE,
    "以下": Comparator.LE,
    "以内": Comparator.LE,
    "内": Comparator.LE,  # 10分钟内, 3个工作日内 (年内 and 10月内 are time phrases, read before)
}
# Alternatives longest first: regex alternation takes the first that matches.
_LEADING_RE = re.compile("^(?:" + "|".join(map(re.escape, sorted(_LEADING, key=len, reverse=True))) + ")")
_TRAILING_RE = re.compile("(?<=.)(?:" + "|".join(map(re.escape, sorted(_TRAILING, key=len, reverse=True))) + ")$")

# Punctuation that ends the leading phrase of a qualitative answer.
_PHRASE_END = set(",，;；。.、:：!！(（") | {"\n"}
_TRAILING_PUNCT = "。.!！;；,，"


_TRAILING_NOTE = re.compile(r"(?<=[\d%‰A-Za-z\u4e00-\u9fff])\((?:[^()]*[^\d()][^()]*)\)$")

# Words that qualify a figure. Approximate ones make it inexact (约20家, 60万元左右,
# 1200余人, 20多家, 近300人); the others only say what kind of figure it is (平均6分钟).
_APPROX_LEADING = ("大约", "约为", "将近", "接近", "约", "近", "大概")
_PLAIN_LEADING = ("平均", "人均", "户均", "累计", "共计", "合计", "总计", "共")
# Words saying a figure was reached, around the figure: 完成100%, 已完成20家, 100%完成, 20家已完成.
_DONE_LEADING = ("全年共完成", "全年完成", "实际完成", "已完成", "共完成", "累计完成", "完成", "实现", "已达到")
_DONE_TRAILING = ("已全部完成", "全部完成", "已完成", "完成")
_APPROX_TRAILING = ("左右", "上下", "许")
_APPROX_INNER = re.compile(r"^([\d.,]+)(余|多)(?=\D)")


@remembered
def parse_measure(value: object, number_format: str | None = None, year: int | None = None) -> Measure:
    """Read a target or actual value; never raises (garbage comes back
    qualitative with no level). ``year`` is the evaluation year, in which a
    time phrase (``10月底前``, ``春节前``) is placed."""
    text = cell_text(value)
    try:
        return _parse_measure(value, text, number_format, year)
    except Exception:  # last-resort guard: a parser must never end a batch
        return Measure(text=text)


def _parse_measure(value: object, text: str, number_format: str | None, year: int | None) -> Measure:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return _number_cell(value, text, number_format)
    if isinstance(value, _dt.date):  # a date cell: when it was done (or the deadline)
        return Measure(text=text, timing=date_timing(value))
    if isinstance(value, (bool, _dt.time)) or value is None:
        return Measure(text=text)
    squeezed = squeeze(text)
    timing = parse_timing(squeezed.rstrip(_TRAILING_PUNCT), year)
    if timing is not None:
        return Measure(text=text, level=qualitative_level(text), timing=timing)
    # '90%（含）以上': （含） only says the bound is inclusive, as ≥ already does; '98.6%（抽检核实）':
    # a note in brackets after a figure says where it comes from, not what it is
    qualifier, approximate, rest = _qualifiers(_TRAILING_NOTE.sub("", squeezed.replace("(含)", "")))
    comparator, rest = split_comparator(rest)
    figure = read_text_figure(rest, explain=False)
    if figure.number is not None:
        if comparator is not Comparator.NONE:
            qualifier = qualifier or _comparator_words(squeezed)
        return Measure(text, comparator, float(figure.number), figure.unit, qualifier=qualifier, approximate=approximate)
    if comparator is Comparator.NONE and (span := _range(rest)) is not None:
        low, high, unit = span  # 200-220户: at least 200 (a target met from its lower end)
        return Measure(text, Comparator.GE, low, unit, qualifier=rest, upper=high)
    return Measure(text=text, level=qualitative_level(text))


_RANGE = re.compile(r"^(?P<low>\d[\d,]*(?:\.\d+)?)(?P<u1>[^\d~～\-—–至到]*)(?:~|～|-|—|–|至|到)(?P<high>\d[\d,]*(?:\.\d+)?)(?P<u2>\D*)$")


def _range(text: str) -> tuple[float, float, str | None] | None:
    """``200-220户`` / ``2~3次`` / ``85%-90%``: (low, high, unit) when both ends read as
    figures of one unit and low ≤ high; None otherwise."""
    m = _RANGE.match(text)
    if m is None:
        return None
    low = read_text_figure(m.group("low") + (m.group("u1") or m.group("u2")), explain=False)
    high = read_text_figure(m.group("high") + m.group("u2"), explain=False)
    if low.number is None or high.number is None or low.unit != high.unit or low.number > high.number:
        return None
    return float(low.number), float(high.number), low.unit


def _qualifiers(text: str) -> tuple[str, bool, str]:
    """(qualifier words, approximate?, the figure without them): ``约20家`` →
    ('约', True, '20家'); ``平均6分钟`` → ('平均', False, '6分钟');
    ``1200余人`` → ('余', True, '1200人')."""
    words: list[str] = []
    approximate = False
    for word in _DONE_LEADING:
        if text.startswith(word) and len(text) > len(word) and text[len(word)].isdigit():
            text = text[len(word) :]
            break
    for word in _DONE_TRAILING:
        if text.endswith(word) and len(text) > len(word):
            text = text[: -len(word)]
            break
    for word in _APPROX_LEADING + _PLAIN_LEADING:
        if text.startswith(word) and len(text) > len(word) and (text[len(word)].isdigit() or text[len(word)] in "≥≤<>="):
            words.append(word)
            approximate = word in _APPROX_LEADING
            text = text[len(word) :]
            break
    for word in _APPROX_TRAILING:
        if text.endswith(word) and len(text) > len(word):
            words.append(word)
            approximate = True
            text = text[: -len(word)]
            break
    if m := _APPROX_INNER.match(text):
        words.append(m.group(2))
        approximate = True
        text = m.group(1) + text[m.end() :]
    return "".join(words), approximate, text


def _comparator_words(text: str) -> str:
    if m := _LEADING_RE.match(text):
        return m.group()
    if m := _TRAILING_RE.search(text.rstrip(_TRAILING_PUNCT)):
        return m.group()
    return ""


def _number_cell(value: int | float | Decimal, text: str, number_format: str | None) -> Measure:
    figure = read_figure(value, number_format)
    if figure.number is None:  # nan, inf, absurdly large
        return Measure(text=text)
    number = figure.number
    if figure.fraction_shown_as_percent:  # 0.9 shown as 90%: measures are 100-based, like '90%'
        number *= 100
    return Measure(text, Comparator.NONE, float(number), figure.unit)


def comparator_symbol(text: str) -> Comparator | None:
    """A comparator written alone, as in a 指标性质 column (``≥``, ``≤``, ``=``,
    ``大于等于``); None for anything else (正向, 定性, blank)."""
    text = squeeze(text)
    if not text:
        return None
    if text in _LEADING:
        return _LEADING[text]
    return _TRAILING.get(text)


def split_comparator(text: str) -> tuple[Comparator, str]:
    """``'≥20家'`` → ``(GE, '20家')``, ``'90%以上'`` → ``(GE, '90%')``.
    A leading comparator wins over a trailing one (``'≥90%以上'``)."""
    comparator = Comparator.NONE
    if m := _LEADING_RE.match(text):
        comparator, text = _LEADING[m.group()], text[m.end() :]
    if m := _TRAILING_RE.search(text):
        if comparator is Comparator.NONE:
            comparator = _TRAILING[m.group()]
        text = text[: m.start()]
    return comparator, text


# ---------------------------------------------------------------- lexicon


@cache
def _lexicon() -> tuple[dict[str, QualLevel], tuple[str, ...]]:
    """Phrase → level, and the allowed tails longest first."""
    data = tomllib.loads(resources.files("perfeval_xl.values").joinpath("qual_levels.toml").read_text("utf-8"))
    levels = {
        "achieved": QualLevel.ACHIEVED,
        "basic": QualLevel.BASIC,
        "partial": QualLevel.PARTIAL,
        "not_achieved": QualLevel.NOT_ACHIEVED,
    }
    phrases: dict[str, QualLevel] = {}
    for key, level in levels.items():
        for phrase in data["levels"][key]:
            phrases[squeeze(phrase)] = level
    tails = sorted((squeeze(t) for t in data["tails"]["words"]), key=len, reverse=True)
    return phrases, tuple(tails)


_RANK = {QualLevel.NOT_ACHIEVED: 0, QualLevel.PARTIAL: 1, QualLevel.BASIC: 2, QualLevel.ACHIEVED: 3}

# Words that say a target was not (fully) met. 未 is not one in 未来, 未发生（事故）
# and the like, where not happening is the good outcome.
NEGATIVE_CUE = re.compile(
    r"尚未|未能|未(?!来|发生|出现|收到|接到|有|造成|引发|产生|超|违|被|因|曾)|部分|滞后|延期|延迟|推迟|逾期|不足|欠缺|差距"
)


def qualitative_level(text: object) -> QualLevel | None:
    """The grade a qualitative answer names, or None when it names none.

    ``'全部符合'`` / ``'全部符合，制度健全'`` → ACHIEVED; ``'未完成'`` →
    NOT_ACHIEVED; ``'春节前'`` / ``'有效提升'`` → None. When the words after
    the leading phrase name a lower grade (``'完成，但部分未完成'``) the
    answer is ambiguous and gets None, so negation never reads as success.
    """
    return _level_of(squeeze(cell_text(text)).rstrip(_TRAILING_PUNCT))


# 基本合理, 部分有效: 基本 / 部分 before a short positive word grade it, as 基本符合 and 部分实现 do
_HEDGED = re.compile(r"^(基本|部分)([\u4e00-\u9fff]{2,4})$")


@lru_cache(maxsize=4096)  # the same few answers recur on every form of a batch
def _level_of(t: str) -> QualLevel | None:
    phrases, tails = _lexicon()
    if not t:
        return None
    if t in phrases:
        return phrases[t]
    if (m := _HEDGED.match(t)) and not NEGATIVE_CUE.search(m.group(2)):
        return QualLevel.BASIC if m.group(1) == "基本" else QualLevel.PARTIAL
    for phrase in sorted((p for p in phrases if t.startswith(p)), key=len, reverse=True):
        rest = t[len(phrase) :]
        tail = next((w for w in tails if rest.startswith(w)), "")
        after = rest[len(tail) :]
        if after and after[0] not in _PHRASE_END:
            continue
        level = phrases[phrase]
        if any(_RANK[lower] < _RANK[level] for p, lower in phrases.items() if len(p) > 1 and p in after):
            return None
        if level is not QualLevel.NOT_ACHIEVED and NEGATIVE_CUE.search(after):
            return None  # 已完工，但部分未验收: success qualified by a shortfall is no clear grade
        return level
    return None
