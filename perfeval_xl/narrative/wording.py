"""Wording checks that are not numbers: lists of indicator names, and
sentences that say an indicator was completed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from perfeval_xl.model import QualLevel
from perfeval_xl.narrative.lexicon import load_lexicon
from perfeval_xl.values.running_text import COUNT_NUMBER, count_value, normalise_text

# "…下设A、B、C11个二级指标" and "二级指标包括：A、B、C。"
_LIST_BEFORE = re.compile(rf"(?P<list>[^，,。；;：:]*、[^，,。；;：:]*?)(?P<n>{COUNT_NUMBER})个二级指标")
_LIST_AFTER = re.compile(r"二级指标(?:包括|包含|分别为|分别是|为|有|含)[：:]?(?P<list>[^。；;，,]*、[^。；;，,]*)")
_LEAD_IN = re.compile(r"^.*?(?:下设|包括|包含|分为|设置|设有|分别为|即|有)")
_SPLIT = re.compile(r"、|以及|和|及")


@dataclass(frozen=True)
class NameList:
    names: tuple[str, ...]
    fragment: str


def level2_lists(text: str) -> list[NameList]:
    """Lists of 二级指标 names written in one paragraph (at least three names)."""
    text = normalise_text(text)
    found: list[NameList] = []
    for pattern in (_LIST_BEFORE, _LIST_AFTER):
        for m in pattern.finditer(text):
            raw = _LEAD_IN.sub("", m.group("list"))
            names = tuple(n.strip("“”\"'《》 ") for n in _SPLIT.split(raw) if n.strip())
            if len(names) >= 3:
                found.append(NameList(names, m.group(0)))
    return found


_LEVEL = {"一": 1, "二": 2, "三": 3}
# "A、B、C4个一级指标" and "4个一级指标，即A、B、C"
_COUNTED_BEFORE = re.compile(rf"(?P<list>[^，,。；;：:]*、[^，,。；;：:]*?)(?P<n>{COUNT_NUMBER})[个项](?P<level>[一二三])级指标")
_COUNTED_AFTER = re.compile(
    rf"(?P<n>{COUNT_NUMBER})[个项](?P<level>[一二三])级指标[，,：:]?(?:即|包括|包含|分别为|分别是|为)[：:]?"
    r"(?P<list>[^。；;，,]*、[^。；;，,]*)"
)


@dataclass(frozen=True)
class CountedList:
    level: int
    count: int
    names: tuple[str, ...]
    fragment: str


def counted_lists(text: str) -> list[CountedList]:
    """Lists of indicator names with the count the report gives them
    (``项目决策、项目过程、项目产出、项目效益4个一级指标``)."""
    text = normalise_text(text)
    found: list[CountedList] = []
    for pattern in (_COUNTED_BEFORE, _COUNTED_AFTER):
        for m in pattern.finditer(text):
            raw = _LEAD_IN.sub("", m.group("list"))
            names = tuple(n.strip("“”\"'《》 等") for n in _SPLIT.split(raw) if n.strip("“”\"'《》 等"))
            n = m.group("n")
            count = count_value(n)
            if count is not None and len(names) >= 2:
                found.append(CountedList(_LEVEL[m.group("level")], int(count), names, m.group(0)))
    return found


# "直属事业单位10个，分别为A、B、…、I。": a count, then the names it counts, to the end of the sentence
_NAMED_AFTER = re.compile(
    rf"(?P<noun>[^，,。；;：:、\d]{{0,12}}?)(?P<n>{COUNT_NUMBER})(?P<cls>[个家所项座])(?P<noun2>[^，,。；;：:、\d]{{0,8}})"
    r"[，,：:]?(?:分别为|分别是|即|具体为|依次为)[：:]?(?P<list>[^。；;，,：:]+)(?=[。；;]|$)"
)
_ASIDE = re.compile(r"[（(][^（()）]*[）)]")


@dataclass(frozen=True)
class CountedNames:
    count: int
    names: tuple[str, ...]
    fragment: str
    alternative: int  # the number of names when a 和/及 inside the last one joins two (A、B和C)


def counted_names(text: str) -> list[CountedNames]:
    """Any count followed by the names it counts (``直属事业单位10个，分别为A、B、…``), when the list is plainly
    complete: names separated by 、 (at least two), running to the end of the sentence, without 等, digits or
    another count inside. Lists of indicators are :func:`counted_lists`'s."""
    text = normalise_text(text)
    found: list[CountedNames] = []
    for m in _NAMED_AFTER.finditer(text):
        if "指标" in m.group("noun") + m.group("noun2"):
            continue
        raw = _ASIDE.sub("", m.group("list"))
        if "等" in raw or re.search(r"\d", raw) or "、" not in raw:
            continue
        names = tuple(n.strip("“”\"'《》 ") for n in raw.split("、"))
        if any(not n or len(n) > 30 for n in names):
            continue
        n = m.group("n")
        count = count_value(n)
        if count is None:
            continue
        joined = any(w in names[-1] or w in names[0] for w in ("和", "及", "与"))
        found.append(CountedNames(int(count), names, m.group(0), len(names) + 1 if joined else len(names)))
    return found


def claims_completion(sentence: str) -> bool:
    """Does the sentence say something was completed, unqualified?
    (完成 not preceded by 未/将/力争…, not 完成情况/完成值, and no 部分/未/
    滞后 anywhere in the sentence.)"""
    lex = load_lexicon()
    text = normalise_text(sentence)
    if any(neg in text for neg in lex.completion_qualifiers):
        return False  # "部分企业春节后拨付" anywhere in the sentence: it is not a claim of full completion
    for word in lex.completion_claims:
        for m in re.finditer(re.escape(word), text):
            before = text[max(0, m.start() - 4) : m.start()]
            after = text[m.end() : m.end() + 2]
            if any(neg in before for neg in lex.completion_negations):
                continue
            if any(after.startswith(f) for f in lex.completion_followers):
                continue
            return True
    return False


def marked_partial(actual_text: str, level) -> bool:
    """Does the form's 完成值 say the indicator was only partly met?"""
    if level in (QualLevel.PARTIAL, QualLevel.NOT_ACHIEVED):
        return True
    text = normalise_text(actual_text)
    return any(mark in text for mark in load_lexicon().partial_marks)
