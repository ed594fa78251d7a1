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
from perfeval_xl.read._memo import remembered
from perfeval_xl.read.numbers import read_figure, read_text_figure
from perfeval_xl.read.text import cell_text, squeeze

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
}
# Alternatives longest first: regex alternation takes the first that matches.
_LEADING_RE = re.compile("^(?:" + "|".join(map(re.escape, sorted(_LEADING, key=len, reverse=True))) + ")")
_TRAILING_RE = re.compile("(?<=.)(?:" + "|".join(map(re.escape, sorted(_TRAILING, key=len, reverse=True))) + ")$")

# Punctuation that ends the leading phrase of a qualitative answer.
_PHRASE_END = set(",，;；。.、:：!！(（") | {"\n"}
_TRAILING_PUNCT = "。.!！;；,，"


@remembered
def parse_measure(value: object, number_format: str | None = None) -> Measure:
    """Read a target or actual value; never raises (dates and garbage come
    back qualitative with no level)."""
    text = cell_text(value)
    try:
        return _parse_measure(value, text, number_format)
    except Exception:  # last-resort guard: a parser must never end a batch
        return Measure(text=text)


def _parse_measure(value: object, text: str, number_format: str | None) -> Measure:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return _number_cell(value, text, number_format)
    if isinstance(value, (bool, _dt.date, _dt.time)) or value is None:
        return Measure(text=text)
    # '90%（含）以上': （含） only says the bound is inclusive, as ≥ already does
    comparator, rest = split_comparator(squeeze(text).replace("(含)", ""))
    figure = read_text_figure(rest, explain=False)
    if figure.number is not None:
        return Measure(text, comparator, float(figure.number), figure.unit)
    return Measure(text=text, level=qualitative_level(text))


def _number_cell(value: int | float | Decimal, text: str, number_format: str | None) -> Measure:
    figure = read_figure(value, number_format)
    if figure.number is None:  # nan, inf, absurdly large
        return Measure(text=text)
    number = figure.number
    if figure.fraction_shown_as_percent:  # 0.9 shown as 90%: measures are 100-based, like '90%'
        number *= 100
    return Measure(text, Comparator.NONE, float(number), figure.unit)


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
    data = tomllib.loads(resources.files("perfeval_xl.read").joinpath("qual_levels.toml").read_text("utf-8"))
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


def qualitative_level(text: object) -> QualLevel | None:
    """The grade a qualitative answer names, or None when it names none.

    ``'全部符合'`` / ``'全部符合，制度健全'`` → ACHIEVED; ``'未完成'`` →
    NOT_ACHIEVED; ``'春节前'`` / ``'有效提升'`` → None. When the words after
    the leading phrase name a lower grade (``'完成，但部分未完成'``) the
    answer is ambiguous and gets None, so negation never reads as success.
    """
    return _level_of(squeeze(cell_text(text)).rstrip(_TRAILING_PUNCT))


@lru_cache(maxsize=4096)  # the same few answers recur on every form of a batch
def _level_of(t: str) -> QualLevel | None:
    phrases, tails = _lexicon()
    if not t:
        return None
    if t in phrases:
        return phrases[t]
    for phrase in sorted((p for p in phrases if t.startswith(p)), key=len, reverse=True):
        rest = t[len(phrase) :]
        tail = next((w for w in tails if rest.startswith(w)), "")
        after = rest[len(tail) :]
        if after and after[0] not in _PHRASE_END:
            continue
        level = phrases[phrase]
        if any(_RANK[lower] < _RANK[level] for p, lower in phrases.items() if len(p) > 1 and p in after):
            return None
        return level
    return None
