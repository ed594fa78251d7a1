"""An amount followed by its breakdown: ``项目预算100万元，其中中央资金80万元、省级资金20万元``,
``省级资金124.23万元，用于A 25万元、B 0.71万元…``, ``共申请预算资金90万元。其中：30万元用于编制；…``.

The amount is the whole (role ``total``, ``Claim.whole``: still what the report
says the whole was, so it is held against the form and the rest of the report
like an actual); the amounts listed after it are its items (role ``part``,
``Claim.whole_at``). An item that names nothing of its own (磴口县5079.16万元,
30万元用于审计) is an item of the whole's subject. A list after 其中 need not be
complete, so XC614 holds such items to their whole only when they add up to more.

The list runs to the end of the sentence — over ``；`` when it opens a sentence
of its own (``。其中：``) or with a colon (``其中：``) — and stops at an amount
that states something else (实际支出58万元 after a list of the budget).
"""

from __future__ import annotations

import re
from dataclasses import replace

from perfeval_xl.narrative.claim import OTHER, Claim
from perfeval_xl.narrative.roles import EARLIER, MAXIMUM, PART, TARGET, TOTAL

# after the amount: a few words of its own clause (已全部分解到位), then 其中 / 用于
_MARKER = re.compile(r"^[^，,。；;！？]{0,12}(?P<stop>[，,。；;（(]?)\s*(?P<word>其中|用于)(?P<colon>[：:]?)")
_NOT_WHOLE = (TARGET, EARLIER, MAXIMUM)


SPECIFIC_BUDGETS = ("initial_budget", "full_year_budget")
# where money comes from: a whole with nothing named, broken down by these, is the budget
_SOURCES = ("中央", "省级", "省内", "市级", "县级", "区级", "本级", "地方", "自筹", "财政")


def item_subject(item: str, whole: str, unnamed: bool) -> str:
    """The subject of an item listed under a whole: its own, or — when nothing
    named it — the whole's; a bare 预算 item of a 年初/全年 budget is of that budget."""
    if item == OTHER and unnamed:
        return whole
    if item == "budget" and whole in SPECIFIC_BUDGETS:
        return whole
    return item


def _list_end(text: str, at: int, long_list: bool) -> int:
    ends = "。！？\n" if long_list else "。；;！？\n"
    found = [i for i in (text.find(c, at) for c in ends) if i >= 0]
    return min(found, default=len(text))


def wholes_and_parts(claims: list[Claim], text: str, unnamed: set[int]) -> list[Claim]:
    """``claims`` (one paragraph's, in order) with each whole and its items
    marked. ``unnamed``: starts of the claims whose subject nothing in the text
    named (they take their whole's subject)."""
    out = list(claims)
    for k, whole in enumerate(out):
        if whole.unit != "万元" or whole.role in _NOT_WHOLE or whole.role == PART or whole.table is not None:
            continue
        m = _MARKER.match(text[whole.end :])
        if m is None:
            continue
        long_list = m.group("stop") in ("。",) or bool(m.group("colon"))
        end = _list_end(text, whole.end + m.end(), long_list)
        items = []
        for j in range(k + 1, len(out)):
            item = out[j]
            if item.start >= end:
                break
            if item.unit != whole.unit:
                continue
            if item.role != PART and item.start not in unnamed and item.subject not in (OTHER, whole.subject):
                break  # 实际支出58万元: the list has ended
            items.append(j)
        if not items:
            continue
        subject = whole.subject
        if subject == OTHER and whole.start in unnamed and sum(w in text[whole.end : end] for w in _SOURCES) >= 2:
            subject = "budget"  # 纳入评价的资金共43485.32万元，其中中央资金…，地方资金…: the money, by source
        out[k] = replace(whole, role=TOTAL, whole=True, subject=subject)
        for j in items:
            item = out[j]
            out[j] = replace(item, role=PART, subject=item_subject(item.subject, subject, item.start in unnamed),
                             whole_at=whole.start)
    return out
