"""Totals and their items found otherwise than by a word after the total
(:mod:`perfeval_xl.narrative.breakdowns`): by arithmetic (amounts that add up
exactly to one stated beside them), by a 其中 that states the same subjects
again, by the enumerated paragraphs below a 具体如下：, and by two amounts of
one subject joined in a clause.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from perfeval_xl.narrative.breakdowns import NOT_WHOLE, item_subject
from perfeval_xl.narrative.claim import OTHER, UNIT_PRICE, Claim
from perfeval_xl.narrative.roles import ACTUAL, PART, TOTAL

# amounts that add up to a figure stated next to them are its items (613万元，补助安排为：…3万元；…64万元)
_SUM_TOLERANCE = Decimal("0.005")


def items_by_sum(claims: list[Claim], text: str, unnamed: set[int], changes: frozenset[int] = frozenset()
                 ) -> list[Claim]:
    """A run of two or more amounts right before or after another, of its subject or naming none, that adds up
    to it exactly: the amount is their total and they are its items, whatever words stand between them (the
    arithmetic says it). Only amounts not yet placed in a breakdown, in one paragraph."""
    out = list(claims)
    free = [k for k, c in enumerate(out) if c.unit == "万元" and c.table is None and c.whole_at is None
            and c.role not in NOT_WHOLE and not c.scoped and c.subject != UNIT_PRICE and c.start not in changes]
    for n, k in enumerate(free):
        whole = out[k]
        if whole.role == TOTAL:
            continue
        for run in (free[n + 1 :], free[:n][::-1]):
            if not run or not _set_apart(text, whole, out[run[0]]):
                continue
            found = _summing_run(out, whole, run)
            if found:
                subject = whole.subject if whole.subject != OTHER else out[found[0]].subject
                out[k] = replace(whole, role=TOTAL, whole=whole.role == ACTUAL, subject=subject)
                for j in found:
                    item = out[j]
                    out[j] = replace(item, role=TOTAL if item.role == TOTAL else PART, whole_at=whole.start,
                                     subject=item_subject(item.subject, subject, item.start in unnamed))
                break
    return out


def _set_apart(text: str, whole: Claim, item: Claim) -> bool:
    """Is the whole in a clause of its own, not one more of a list (100元、200元、300元)?"""
    between = text[whole.end : item.start] if whole.start < item.start else text[item.end : whole.start]
    return any(c in between for c in "，,。；;：:（()）")


def _summing_run(out: list[Claim], whole: Claim, run: list[int]) -> list[int] | None:
    """The longest run (in the order given, at least two) whose amounts add up to ``whole``."""
    total, taken, best = Decimal(0), [], None
    subjects = {whole.subject} - {OTHER}
    for j in run:
        item = out[j]
        if item.subject != OTHER:
            subjects.add(item.subject)
            if len(subjects) > 1:
                break  # 支出60万元，结余40万元 are no items of the 100万元 budget
        total += Decimal(item.value)
        taken.append(j)
        if len(taken) >= 2 and abs(total - Decimal(whole.value)) <= _SUM_TOLERANCE:
            best = list(taken)
        if total > Decimal(whole.value) + _SUM_TOLERANCE:
            break
    return best


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
        if item.subject not in _RESTATED or item.role not in (ACTUAL, PART) or item.table is not None \
                or item.whole_at is not None:  # already an item of a breakdown of its own
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


# …安排预算资金509774.50万元，涉及政策任务4个，具体如下： / 一是…安排预算资金420000.00万元: the paragraphs below
# list the items of the amount stated before the colon
_LISTED_BELOW = re.compile(r"(?:如下|下列|以下)[：:]$")
_ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]是|[（(]\d{1,2}[）)]|\d{1,2}[、．.](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])")


def items_listed_below(claims: list[Claim], texts: list[str]) -> list[Claim]:
    """A paragraph that ends 具体如下： after an amount, and the enumerated paragraphs after it (一是…, （1）…):
    their amounts of the same subject, or naming none, are its items (roles only: the items stand in other
    paragraphs, so no sum is checked)."""
    out = list(claims)
    at = {id(c): k for k, c in enumerate(out)}
    for i, text in enumerate(texts):
        if not _LISTED_BELOW.search(text):
            continue
        money = [c for c in out if c.paragraph == i and c.unit == "万元" and c.table is None and c.role == ACTUAL]
        if not money:
            continue
        whole = money[-1]
        items = []
        for j in range(i + 1, len(texts)):
            if not _ENUMERATED.match(texts[j]):
                break
            items += [c for c in out if c.paragraph == j and c.unit == "万元" and c.table is None and c.role == ACTUAL
                      and c.subject in (whole.subject, OTHER)]
        if not items:
            continue
        out[at[id(whole)]] = replace(whole, role=TOTAL, whole=True)
        for item in items:
            out[at[id(item)]] = replace(item, role=PART, subject=whole.subject)
    return out


def joined_amounts(claims: list[Claim], text: str) -> list[Claim]:
    """提前下达的资金3.86亿元和正式下达的资金2.33亿元: two amounts of one subject joined in one clause are two
    items of it, neither the whole."""
    out = list(claims)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.unit != "万元" or b.unit != "万元" or a.subject != b.subject or a.subject == OTHER:
            continue
        if a.role not in (ACTUAL, PART) or b.role not in (ACTUAL, PART) or a.table is not None or b.table is not None:
            continue
        between = text[a.end : b.start]
        if any(c in between for c in "，,。；;：:（()）") or not any(w in between for w in ("和", "及", "与")):
            continue
        out[k], out[k + 1] = replace(a, role=PART), replace(b, role=PART)
    return out
