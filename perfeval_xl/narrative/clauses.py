"""Where a figure sits in a paragraph: its clause, its sentence, the
readable fragment around it, the aside it may be in, the label before a colon.

A clause ends at a comma; a sentence at 。 or ；; a *full* sentence only at 。
(over ；), which is where a 其中 list or a worked sentence ends.
"""

from __future__ import annotations

import re

CLAUSE_END = "，,。；;！!？?\n"
SENTENCE_END = "。；;！!？?\n"
FULL_SENTENCE_END = "。！!？?\n"


def _start_after_last(ends: str) -> re.Pattern:
    # matched up to a position, the greedy ``.*`` backs off to the last of ``ends``
    # before it: one search in C instead of one rfind per character (these run
    # several times for every figure of every report)
    return re.compile(f".*[{re.escape(ends)}]", re.S)


_CLAUSE_START = _start_after_last(CLAUSE_END)
_SENTENCE_START = _start_after_last(SENTENCE_END)
_FULL_SENTENCE_START = _start_after_last(FULL_SENTENCE_END)
_SENTENCE_END_AT = re.compile(f"[{re.escape(SENTENCE_END)}]")
_FULL_SENTENCE_END_AT = re.compile(f"[{re.escape(FULL_SENTENCE_END)}]")


def fragment(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], clipped to a readable length."""
    left = sentence_start(text, start)
    right = sentence_end(text, end)
    sentence = text[left:right]
    if len(sentence) > 60:
        a = max(start - left - 30, 0)
        sentence = ("…" if a else "") + sentence[a : a + 60] + ("…" if a + 60 < len(sentence) else "")
    return sentence


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last clause end before it."""
    m = _CLAUSE_START.match(text, 0, pos)
    return m.end() if m else 0


def sentence_start(text: str, pos: int) -> int:
    m = _SENTENCE_START.match(text, 0, pos)
    return m.end() if m else 0


def sentence_end(text: str, pos: int) -> int:
    """Where the sentence (to its 。 or ；) going on at ``pos`` ends: its first end from ``pos``."""
    m = _SENTENCE_END_AT.search(text, pos)
    return m.start() if m else len(text)


def full_sentence_start(text: str, pos: int) -> int:
    m = _FULL_SENTENCE_START.match(text, 0, pos)
    return m.end() if m else 0


def full_sentence_end(text: str, pos: int) -> int:
    """Where the sentence (to its 。, over ；) ends."""
    m = _FULL_SENTENCE_END_AT.search(text, pos)
    return m.start() if m else len(text)


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
