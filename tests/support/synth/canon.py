"""What a spec's raw values mean, in the reader's conventions.

The writer needs the meaning of each typed value twice: to re-spell it for a
layout (``600,000元``, ``６０``, ``≥``/``不低于``) and to state what the reader
must parse. This module is deliberately independent of ``perfeval_xl.read`` and
``perfeval_xl.values``: the generator must not share the reader's mistakes.
``fmt_plain`` (how a number is typed) is the form writer's: writing is not reading.

Conventions (the same as the model's): money in 万元, rates as fractions,
measures as ``(comparator, number, unit)`` or their text when qualitative,
一级 labels split into name and embedded weight.
"""

from __future__ import annotations

import datetime as _dt
import re

from perfeval_xl.outputs.template.form_writer import fmt_plain
from perfeval_xl.outputs.template.spec import Raw

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")

# Written comparator -> the model's Comparator value.
COMPARATORS = {
    "≥": "≥", ">=": "≥", "＞=": "≥", "不低于": "≥", "不少于": "≥", "达到": "≥",
    "≤": "≤", "<=": "≤", "＜=": "≤", "不高于": "≤", "不超过": "≤",
    ">": ">", "＞": ">", "<": "<", "＜": "<", "=": "=", "＝": "=",
}
_COMPARATOR_RE = "|".join(sorted(map(re.escape, COMPARATORS), key=len, reverse=True))
_MEASURE_RE = re.compile(rf"^\s*({_COMPARATOR_RE})?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([^\s0-9]*)\s*$")
# Words around a figure (real forms: 30家以上, 3个工作日内, 约20家, 60万元左右, 1200余人, 平均6分钟).
# A trailing bound is a comparator; 约/左右/余/多 make the figure approximate; 平均/累计 only
# say what kind of figure it is. Longest first, so 及以上 wins over 以上.
TRAILING_COMPARATORS = {"及以上": "≥", "以上": "≥", "及以下": "≤", "以下": "≤", "以内": "≤", "内": "≤"}
APPROXIMATE_LEADING = ("大约", "约", "近")
PLAIN_LEADING = ("平均", "人均", "户均", "累计", "共计")
APPROXIMATE_TRAILING = ("左右", "上下")
APPROXIMATE_INNER = ("余", "多")
# Dates and deadlines (10月底前, 2023年10月26日, 9月底完工, 2022年底前, 第三季度) are time
# phrases, not a number of some unit.
_TIME_PHRASE = re.compile(r"[0-9]{1,2}月(?:[0-9]{1,2}[日号]|底|末|初|中|上旬|中旬|下旬|份)?|[0-9]{4}年|年底|年内|季度|半年")
_NUMBER_RE = re.compile(r"^\s*(-?[0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|元|%|分)?\s*$")
_LEVEL1_RE = re.compile(r"^(.*?)\s*[（(]\s*([0-9]+(?:\.[0-9]+)?)\s*分\s*[）)]\s*$")


def number_of(raw: Raw, percent: bool = False) -> float | None:
    """The number a typed value means: ``600,000元`` -> 60.0 (万元), ``100%`` -> 1.0
    (when ``percent``), ``６０`` -> 60.0; None for blanks and words."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return float(raw)
    m = _NUMBER_RE.match(raw.translate(_FULLWIDTH_DIGITS))
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    unit = m.group(2)
    if unit == "元":
        value /= 10000
    elif unit == "%" or (percent and unit is None and value > 1.5):
        value /= 100
    return value


def parse_measure(text: str | _dt.date) -> tuple[str, float, str | None] | str | _dt.date | None:
    """``≥20家`` -> ("≥", 20.0, "家"); ``100%`` -> ("", 100.0, "%");
    ``30家以上`` -> ("≥", 30.0, "家"); ``约20家`` -> ("", 20.0, "家") (see
    :func:`is_approximate`); ``全部符合`` -> "全部符合"; a date (a date cell)
    -> that date; blank -> None."""
    if isinstance(text, _dt.date):
        return text.date() if isinstance(text, _dt.datetime) else text
    text = (text or "").strip()
    if not text:
        return None
    if _TIME_PHRASE.search(text):
        return text
    figure, comparator, _ = _unqualified(text)
    m = _MEASURE_RE.match(figure.translate(_FULLWIDTH_DIGITS))
    if not m or (comparator and m.group(1)):
        return text
    comparator = COMPARATORS.get(m.group(1) or "", "") or comparator
    return comparator, float(m.group(2).replace(",", "")), (m.group(3) or None)


def is_approximate(text: object) -> bool:
    """Is a figure written as an approximation (``约20家``, ``60万元左右``, ``1200余人``)?"""
    return isinstance(text, str) and _unqualified(text.strip())[2]


def is_qualified(text: object) -> bool:
    """Does a figure carry words beside its comparator (``30家以上``, ``平均6分钟``, ``约20家``)?"""
    return isinstance(text, str) and _unqualified(text.strip())[0] != text.strip()


def _unqualified(text: str) -> tuple[str, str, bool]:
    """(the figure without its qualifying words, the comparator a trailing bound
    names, approximate?)."""
    approximate = False
    for word in APPROXIMATE_LEADING + PLAIN_LEADING:
        if text.startswith(word) and text[len(word):len(word) + 1].isdigit():
            text, approximate = text[len(word):], word in APPROXIMATE_LEADING
            break
    for word in APPROXIMATE_TRAILING:
        if text.endswith(word):
            text, approximate = text[: -len(word)], True
            break
    comparator = ""
    for word in sorted(TRAILING_COMPARATORS, key=len, reverse=True):
        if text.endswith(word) and len(text) > len(word):
            text, comparator = text[: -len(word)], TRAILING_COMPARATORS[word]
            break
    m = re.match(r"^([0-9][0-9,.]*)(余|多)(?=[^0-9])", text)
    if m:
        text, approximate = m.group(1) + text[m.end():], True
    return text, comparator, approximate


def split_level1(label: str) -> tuple[str, float | None]:
    """``项目决策（20分）`` -> ("项目决策", 20.0); a label without weight -> (label, None)."""
    m = _LEVEL1_RE.match(label.strip())
    if not m:
        return label.strip(), None
    return m.group(1).strip(), float(m.group(2))


__all__ = ["fmt_plain", "is_approximate", "is_qualified", "number_of", "parse_measure", "split_level1"]
