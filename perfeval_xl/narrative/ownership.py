"""Does a word own a number? The kind of unit a subject takes, the unit an
indicator's figures carry, the words between a keyword and its number
(harmless, filler or blocking), and the words before a money keyword that make
it the project's own money.
"""

from __future__ import annotations

import re

from perfeval_xl.narrative.claim import INDICATOR_DEDUCTION, INDICATOR_SCORE, Confidence
from perfeval_xl.narrative.lexicon import Lexicon, load_lexicon
from perfeval_xl.narrative.roles import YEAR


def neutralise(text: str, lex: Lexicon) -> str:
    """Remove phrases that contain a blocker but are harmless (按计划完成)."""
    for phrase in lex.harmless:
        text = text.replace(phrase, "")
    return text


def gap_confidence(gap: str, lex: Lexicon) -> Confidence:
    """How firmly a keyword owns a number, from the words between them. A
    longer gap is accepted when it names the money (下达我县耕地地力保护补贴资金…)."""
    gap = neutralise(gap, lex)
    if any(b in gap for b in lex.blockers):
        return Confidence.LOW
    names_the_money = gap.endswith(("资金", "经费"))
    for filler in lex.fillers:
        gap = gap.replace(filler, "")
    if not gap:
        return Confidence.HIGH
    return Confidence.MEDIUM if len(gap) <= (14 if names_the_money else 8) else Confidence.LOW


def kind_of_unit(unit: str) -> str:
    return {"万元": "money", "%": "rate", "分": "score"}.get(unit, "count")


def kind_of_subject(subject: str, unit: str) -> str:
    s = load_lexicon().subjects.get(subject)
    if s is not None:
        return s.kind
    if subject in (INDICATOR_SCORE, INDICATOR_DEDUCTION, "total_score"):
        return "score"
    return kind_of_unit(unit)  # an indicator's value keeps whatever unit it has


def unit_fits(kind: str, unit: str) -> bool:
    return {"money": "万元", "rate": "%", "score": "分"}.get(kind) == unit


def indicator_unit_fits(indicator, unit: str, strict: bool = False) -> bool:
    """Can a number in ``unit`` be this indicator's value? ``strict``: the form
    must state a unit (used when only the heading links number and indicator)."""
    measure = indicator.actual.value or indicator.target.value
    if measure is None or not measure.unit:
        return not strict  # the form gives no unit to disagree with
    mu = measure.unit
    if unit == "万元":
        return mu in ("元", "万元", "亿元")
    return mu == unit or mu.endswith(unit)


def owned_by_project(before: str, lex: Lexicon) -> bool:
    """Are the words before a money/rate keyword about the project as a whole
    (该项目, 项目资金, nothing) rather than a part or another scope?"""
    before = YEAR.sub("", re.sub(r"(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?", "", before))
    changed = True
    while changed:  # strip trailing adverbs and time words: 该项目共计 -> 该项目
        changed = False
        for word in lex.owner_adverbs:
            if before.endswith(word):
                before, changed = before[: -len(word)], True
    return not before or before in lex.owner_exact or before.endswith(lex.owner_endings)
