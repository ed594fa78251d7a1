"""Chinese numerals (六十, 一千二百三十四, 十六点四) to exact Decimals.

cn2an does the integer grammar (十/百/千/万/亿, 零 gaps, 两); the decimal part
after 点 is read digit by digit here, because cn2an's float conversion is not
exact (``16.4亿`` has come back as 1639999999, see pitfalls.md).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache, lru_cache

_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_MAGNITUDES = set("十拾百佰千仟万萬亿億")
# 十万, 百分之百: in speech a numeral may start with its magnitude, 一 understood
_IMPLIED_ONE_BEFORE = ("十", "百", "千", "万", "亿")
NUMERAL_CHARS = frozenset(_DIGITS) | _MAGNITUDES | {"点", "負", "负"}


@cache
def _cn2an():
    # imported lazily: it costs ~0.2 s and most cells are plain digits
    import cn2an

    return cn2an.cn2an


def is_numeral_text(text: str) -> bool:
    return bool(text) and all(ch in NUMERAL_CHARS for ch in text)


@lru_cache(maxsize=4096)  # cn2an is slow-ish and forms repeat their numerals
def chinese_to_decimal(text: str) -> tuple[Decimal, int] | None:
    """``'十六点四'`` → ``(Decimal('16.4'), 1)`` (value, decimals written);
    None when ``text`` is not a well-formed Chinese numeral."""
    if not is_numeral_text(text):
        return None
    negative = text[0] in "负負"
    body = text[1:] if negative else text
    whole, sep, frac = body.partition("点")
    if not whole or (sep and not frac) or "点" in frac or any(c in "负負" for c in body):
        return None
    if any(ch not in _DIGITS for ch in frac):
        return None
    try:
        integer = _cn2an()(whole, "normal")
    except Exception:  # cn2an raises ValueError (and others) on bad grammar
        return None
    if isinstance(integer, float) and not integer.is_integer():
        return None
    value = Decimal(int(integer))
    if frac:
        value += Decimal("0." + "".join(str(_DIGITS[c]) for c in frac))
    return (-value if negative else value), len(frac)


def spoken_numeral(text: str) -> Decimal | None:
    """A numeral as running text says it, where the leading 一 is left out
    (百分之百, 十万元, 百五): ``'百'`` → 100; None when it is not a numeral.

    The same grammar as :func:`chinese_to_decimal`; only the implied 一 differs.
    A cell's ``'百'`` stays "not a number" (the reader's rule, unchanged), while
    a report's 百分之百 is 100%."""
    if text[:1] in _IMPLIED_ONE_BEFORE:
        text = "一" + text
    parsed = chinese_to_decimal(text)
    return None if parsed is None else parsed[0]


def digits_to_int(text: str) -> int | None:
    """Digit-by-digit numerals, as years are written: ``'二〇二三'`` → 2023."""
    if not text or any(ch not in _DIGITS for ch in text):
        return None
    return int("".join(str(_DIGITS[ch]) for ch in text))
