"""An amount followed by its breakdown: ``项目预算100万元，其中中央资金80万元、省级资金20万元``,
``省级资金124.23万元，用于A 25万元、B 0.71万元…``, ``共申请预算资金90万元。其中：30万元用于编制；…``.

The amount is the whole (role ``total``; when it was stated as a fact,
``Claim.whole``: still what the report says the whole was, so it is held against
the form and the rest of the report like an actual — not so a 累计, 累计投入
300万元，其中…, which may span years); the amounts listed after it
are its items (role ``part``, ``Claim.whole_at``). An item that names nothing of its own (磴口县5079.16万元,
30万元用于审计) is an item of the whole's subject. A list after 其中 need not be
complete, so XC614 holds such items to their whole only when they add up to more.

The list runs to the end of the sentence (a 其中 list over ``；``, and on after
``。其中：``; a 用于 list to the ``；``) and stops at an amount that states
something else (实际支出58万元 after a list of the budget), at a nested 其中 or
aside, and, past a ``；``, at an amount that names nothing or has a breakdown of
its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from perfeval_xl.narrative.claim import OTHER, Claim
from perfeval_xl.narrative.lexicon import load_lexicon
from perfeval_xl.narrative.roles import ACTUAL, EARLIER, MAXIMUM, PART, TARGET, TOTAL

# after the amount: a few words of its own clause (已全部分解到位), a stop, then 其中 / 用于
# (30万元用于审计, with no stop, says what the amount was for: it is no breakdown)
_MARKER = re.compile(r"^[^，,。；;！？]{0,12}(?P<stop>[，,。；;（(])\s*(?P<word>其中|用于)(?P<colon>[：:]?)")
# a whole broken down by where its money comes from is the budget
_MORE_SOURCES = ("地方", "上级")
_SENTENCE_END = "。！？\n"
_NOT_WHOLE = (TARGET, EARLIER, MAXIMUM)
SPECIFIC_BUDGETS = ("initial_budget", "full_year_budget")


def item_subject(item: str, whole: str, unnamed: bool) -> str:
    """The subject of an item listed under a whole: its own, or — when nothing
    named it — the whole's; a bare 预算 item of a 年初/全年 budget is of that budget."""
    if item == OTHER and unnamed:
        return whole
    if item == "budget" and whole in SPECIFIC_BUDGETS:
        return whole
    return item


def _breaks_the_list(text: str, opened: int, whole: Claim, item: Claim, items: list[Claim], unnamed: bool) -> bool:
    """Does the list (opened at ``opened``, after its 其中/用于) stop before ``item``?
    At a 其中 after its first item (a nested breakdown), inside an aside opened
    within the list (（其中…）), or, past a ；, at an amount with a breakdown of its
    own (…21.24万元；市级资金260.3万元，用于…) or — unless the list opened with a colon
    (其中：30万元用于…；30万元用于…) — at one that names nothing (；年中结转上年资金20万元)."""
    since = text[(items[-1].end if items else whole.end) : item.start]
    if items and "其中" in since:
        return True
    within = text[opened : item.start]
    if within.count("（") + within.count("(") > within.count("）") + within.count(")"):
        return True
    return any(c in since for c in "；;") and (unnamed or _MARKER.match(text[item.end :]) is not None)


def wholes_and_parts(claims: list[Claim], text: str, unnamed: set[int]) -> list[Claim]:
    """``claims`` (one paragraph's, in order) with each whole and its items
    marked. ``unnamed``: starts of the claims whose subject nothing in the text
    named (they take their whole's subject)."""
    sources = load_lexicon().roles["sources"] + _MORE_SOURCES
    out = list(claims)
    for k, whole in enumerate(out):
        if whole.unit != "万元" or whole.role in _NOT_WHOLE or whole.role == PART or whole.table is not None:
            continue
        m = _MARKER.match(text[whole.end :])
        if m is None:
            continue
        opened = whole.end + m.end()
        ends = _SENTENCE_END + ("；;" if m.group("word") == "用于" else "")  # the uses end at ；, a 其中 list runs on
        if m.group("stop") in "（(":
            ends += "）)"  # 100万元（其中中央50万元、省级50万元）: the aside is the list
        end = min((i for i in (text.find(c, opened) for c in ends) if i >= 0), default=len(text))
        subject = whole.subject
        if subject == OTHER and whole.start in unnamed and sum(w in text[whole.end : end] for w in sources) >= 2:
            subject = "budget"  # 纳入评价的资金共43485.32万元，其中中央资金…，地方资金…: the money, by source
        items: list[Claim] = []
        for item in out[k + 1 :]:
            if item.start >= end:
                break
            if item.unit != whole.unit:
                continue
            names_nothing = item.start in unnamed and item.subject == OTHER and not m.group("colon")
            if _breaks_the_list(text, opened, whole, item, items, names_nothing):
                break
            if item.role != PART and item.start not in unnamed and item.subject != OTHER:
                break  # 实际支出58万元, 另安排C项目20万元: a figure of its own, the list has ended
            items.append(item)
        if not items:
            continue
        # the whole is what the report says the total was (held against the form); not a 累计 (累计投入300万元，
        # 其中…), which may span years: that one is checked against its items only
        clause = text[max((text.rfind(c, 0, whole.start) for c in "，,。；;"), default=-1) + 1 : whole.start]
        stated = whole.role == ACTUAL or "累计" not in clause
        out[k] = replace(whole, role=TOTAL, whole=stated, subject=subject)
        listed = {id(item) for item in items}
        for j, item in enumerate(out):
            if id(item) in listed:
                out[j] = replace(item, role=PART, subject=item_subject(item.subject, subject, item.start in unnamed),
                                 whole_at=whole.start)
    return out


# the project's money and rates: a 其中 that states them again states a part of them
_RESTATED = ("budget", "initial_budget", "full_year_budget", "arrived", "spent", "balance", "execution_rate",
             "arrival_rate")


def restated_items(before: list[Claim], under: list[Claim], cross: bool) -> tuple[list[Claim], list[Claim]]:
    """``年初预算数43.2，全年执行数37.24；其中当年财政拨款年初预算数43.2，全年执行数37.24``: after 其中 the same
    subjects are stated again for one source of the money: each is a part (a rate: the part's rate) of the
    figure of its subject stated before, which is a total (a rate stays what happened to the whole).
    ``before``: the claims before the 其中 (of the paragraph before when ``cross``); ``under``: those after it."""
    before, under = list(before), list(under)
    for k, item in enumerate(under):
        if item.subject not in _RESTATED or item.role not in (ACTUAL, PART) or item.table is not None:
            continue
        j = next((j for j in range(len(before) - 1, -1, -1) if before[j].subject == item.subject
                  and before[j].unit == item.unit and before[j].role in (ACTUAL, TOTAL) and before[j].table is None),
                 None)
        if j is None:
            continue
        whole = before[j]
        under[k] = replace(item, role=PART, whole_at=None if cross or item.unit != "万元" else whole.start)
        if whole.unit == "万元":
            before[j] = replace(whole, role=TOTAL, whole=whole.role == ACTUAL or whole.whole)
    return before, under
