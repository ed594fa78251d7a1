"""What a spec's raw values mean, in the reader's conventions.

The writer needs the meaning of each typed value twice: to re-spell it for a
layout (``600,000元``, ``６０``, ``≥``/``不低于``) and to state what the reader
must parse. This module is deliberately independent of ``perfeval_xl.read``:
the generator must not share the reader's mistakes.

Conventions (the same as the model's): money in 万元, rates as fractions,
measures as ``(comparator, number, unit)`` or their text when qualitative,
一级 labels split into name and embedded weight.
"""

from __future__ import annotations

import re

from perfeval_xl.synth.spec import Raw

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")

# Written comparator -> the model's Comparator value.
COMPARATORS = {
    "≥": "≥", ">=": "≥", "＞=": "≥", "不低于": "≥", "不少于": "≥", "达到": "≥",
    "≤": "≤", "<=": "≤", "＜=": "≤", "不高于": "≤", "不超过": "≤",
    ">": ">", "＞": ">", "<": "<", "＜": "<", "=": "=", "＝": "=",
}
_COMPARATOR_RE = "|".join(sorted(map(re.escape, COMPARATORS), key=len, reverse=True))
_MEASURE_RE = re.compile(rf"^\s*({_COMPARATOR_RE})?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([^\s0-9]*)\s*$")
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


def parse_measure(text: str) -> tuple[str, float, str | None] | str | None:
    """``≥20家`` -> ("≥", 20.0, "家"); ``100%`` -> ("", 100.0, "%");
    ``全部符合`` -> "全部符合"; blank -> None."""
    text = (text or "").strip()
    if not text:
        return None
    m = _MEASURE_RE.match(text.translate(_FULLWIDTH_DIGITS))
    if not m:
        return text
    comparator = COMPARATORS.get(m.group(1) or "", "")
    return comparator, float(m.group(2).replace(",", "")), (m.group(3) or None)


def split_level1(label: str) -> tuple[str, float | None]:
    """``项目决策（20分）`` -> ("项目决策", 20.0); a label without weight -> (label, None)."""
    m = _LEVEL1_RE.match(label.strip())
    if not m:
        return label.strip(), None
    return m.group(1).strip(), float(m.group(2))


def fmt_plain(x: float, decimals: int = 4) -> str:
    """A number as a clerk types it: ``60``, ``41.83``, never ``60.0``."""
    s = f"{x:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if s in ("", "-0") else s
