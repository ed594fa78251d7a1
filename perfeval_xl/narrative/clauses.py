"""Where a figure sits in a paragraph: its clause, its sentence, the
readable fragment around it, the aside it may be in, the label before a colon.

A clause ends at a comma; a sentence at 。 or ；; a *full* sentence only at 。
(over ；), which is where a 其中 list or a worked sentence ends.
"""

from __future__ import annotations

import re

CLAUSE_END = "，,。；;！!？?\n"
SENTENCE_END = "。；;！!？?\n"


def fragment(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], clipped to a readable length."""
    left = sentence_start(text, start)
    right = min((i for i in (text.find(c, end) for c in SENTENCE_END) if i >= 0), default=len(text))
    sentence = text[left:right]
    if len(sentence) > 60:
        a = max(start - left - 30, 0)
        sentence = ("…" if a else "") + sentence[a : a + 60] + ("…" if a + 60 < len(sentence) else "")
    return sentence


def clause_start(text: str, pos: int) -> int:
    return max((text.rfind(c, 0, pos) for c in CLAUSE_END), default=-1) + 1


def sentence_start(text: str, pos: int) -> int:
    return max((text.rfind(c, 0, pos) for c in SENTENCE_END), default=-1) + 1


def full_sentence_start(text: str, pos: int) -> int:
    return max((text.rfind(c, 0, pos) for c in "。！!？?\n"), default=-1) + 1


def full_sentence_end(text: str, pos: int) -> int:
    """Where the sentence (to its 。, over ；) ends."""
    return min((i for i in (text.find(c, pos) for c in "。！!？?\n") if i >= 0), default=len(text))


def in_aside(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside a bracket opened after ``start`` (80万元（其中用于设备30万元）)?"""
    within = text[start:pos]
    return within.count("（") + within.count("(") > within.count("）") + within.count(")")


def colon_label(text: str) -> str:
    """``培训合格率：年度指标值100%…``: a short label before the first colon."""
    label, colon, _ = text.replace(":", "：").partition("：")
    if colon and 2 <= len(label) <= 20 and not re.search(r"[\d，,。；;]", label):
        return label
    return ""
