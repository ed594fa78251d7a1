"""An amount followed by its breakdown: ``项目预算100万元，其中中央资金80万元、省级资金20万元``,
``省级资金124.23万元，用于A 25万元、B 0.71万元…``, ``共申请预算资金90万元。其中：30万元用于编制；…``,
``具体包括：…``, ``补助安排为：A经费3万元；B经费10万元…``, ``3608万元（中央资金2855万元、省级资金753万元）``.

The amount is the whole (role ``total``; when it was stated as a fact,
``Claim.whole``: still what the report says the whole was, so it is held against
the form and the rest of the report like an actual — not so a 累计, 累计投入
300万元，其中…, which may span years); the amounts listed after it
are its items (role ``part``, ``Claim.whole_at``). An item takes its whole's subject unless its own words
(not those that opened the list) name another (磴口县5079.16万元, 30万元用于审计, 其中建筑工程3292万元 are items of
the whole's subject). A list after 其中 need not be complete, so XC614 holds such items to their whole only when
they add up to more.

The list runs to the end of the sentence (a 其中 list over ``；``, and on after
``。其中：``; a 用于 list to the ``；``) and stops at an amount that states
something else (实际支出58万元 after a list of the budget), at 另/此外, at a nested 其中 or
aside, after an item with a breakdown of its own (合计118,156万元，包括…: an item of the outer list and the total
of its own), and, past a ``；``, at an amount that names nothing or has a breakdown of its own. A list opened by a
colon or an aside needs two amounts (调整后为：120万元 is no list). Other ways to find a total and its items are in
:mod:`perfeval_xl.narrative.totals`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from perfeval_xl.narrative.claim import OTHER, Claim
from perfeval_xl.narrative.lexicon import load_lexicon
from perfeval_xl.narrative.roles import ACTUAL, EARLIER, MAXIMUM, PART, TARGET, TOTAL

# after the amount: a few words of its own clause (已全部分解到位), a stop, then 其中 / 用于 / 包括, or a few words
# and a colon that open a list (补助安排为：, 具体如下：); or an aside that lists amounts (3608万元（中央2855万元、省级753万元）)
# (30万元用于审计, with no stop, says what the amount was for: it is no breakdown)
_MARKER = re.compile(r"^[^，,。；;！？]{0,12}(?P<stop>[，,。；;（(])\s*"
                     r"(?:(?P<word>其中|用于|具体包括|主要包括|包括)(?P<colon>[：:]?)"
                     r"|(?P<lead>[^，,。；;：:（()）\d]{0,8}(?:为|如下))(?P<leadcolon>[：:]))")
_ASIDE_LIST = re.compile(r"^(?P<stop>[（(])")
# a whole broken down by where its money comes from is the budget
_MORE_SOURCES = ("地方", "上级")
_SENTENCE_END = "。！？\n"
NOT_WHOLE = (TARGET, EARLIER, MAXIMUM)  # a plan, an earlier figure or a scale is no whole of anything
SPECIFIC_BUDGETS = ("initial_budget", "full_year_budget")
# 另安排C项目20万元, 此外…: an amount of its own after the list
_ANOTHER = ("另", "此外", "另外")
# words of progress (目前已拨付, 截至年底) after the first item: a new statement, not another item
_PROGRESS = ("目前", "截至", "截止", "现已", "已经", "已")


def item_subject(item: str, whole: str, unnamed: bool) -> str:
    """The subject of an item listed under a whole: its own, or — when nothing
    named it — the whole's; a bare 预算 item of a 年初/全年 budget is of that budget."""
    if item == OTHER and unnamed:
        return whole
    if item == "budget" and whole in SPECIFIC_BUDGETS:
        return whole
    return item


def _breaks_the_list(text: str, opened: int, whole: Claim, item: Claim, items: list[Claim], unnamed: bool,
                     colon: bool) -> bool:
    """Does the list (opened at ``opened``, after its 其中/用于) stop before ``item``?
    At a 其中 after its first item (a nested breakdown), inside an aside opened
    within the list (（其中…）), after an item with a breakdown of its own (合计118万元，包括…), at 另/此外, or,
    past a ；, at an amount with a breakdown of its own (…21.24万元；市级资金260.3万元，用于…) or — unless the list
    opened with a colon (其中：30万元用于…；30万元用于…) — at one that names nothing (；年中结转上年资金20万元)."""
    since = text[(items[-1].end if items else opened) : item.start]
    if items and ("其中" in since or _MARKER.match(text[items[-1].end :]) and _opens_items(text, items[-1])):
        return True
    if items and any(w in since for w in _PROGRESS):
        return True  # …其中项目管理费1.07万元，目前已拨付106.36万元: how far it has got, not one more item
    if any(w in since for w in _ANOTHER):
        return True
    within = text[opened : item.start]
    if within.count("（") + within.count("(") > within.count("）") + within.count(")"):
        return True
    return any(c in since for c in "；;") and ((unnamed and not colon) or _MARKER.match(text[item.end :]) is not None)


def _opens_items(text: str, claim: Claim) -> bool:
    """Does a list of amounts follow ``claim`` (合计118,156万元，包括A 40,671万元、…)?"""
    m = _MARKER.match(text[claim.end :])
    if m is None:
        return False
    rest = text[claim.end + m.end() :]
    end = min((i for i in (rest.find(c) for c in _SENTENCE_END) if i >= 0), default=len(rest))
    return re.search(r"\d", rest[:end]) is not None


def _named_after(text: str, item: Claim, since: int) -> bool:
    """Do the words between ``since`` (the list's opening or the item before) and the item name its subject
    (其中中央资金预算80万元), rather than the words that opened the list (补助安排为：…经费3万元)? Only a
    keyword that says it firmly counts."""
    lex = load_lexicon()
    subject = lex.subjects.get(item.subject)
    if subject is None:
        return item.subject != OTHER
    words = lex.masked(text[since : item.start])
    return any(kw in words for kw in subject.keywords)  # 援疆项目资金及…经费336万元: 项目资金 is a name here


def _named_in(words: str, item: Claim) -> bool:
    lex = load_lexicon()
    subject = lex.subjects.get(item.subject)
    return subject is not None and any(kw in lex.masked(words) for kw in subject.keywords + subject.weak)


def _list_end(text: str, opened: int, m) -> int:
    word = m.group("word") if m.re is _MARKER else None
    ends = _SENTENCE_END + ("；;" if word == "用于" else "")  # the uses end at ；, a 其中 list runs on
    if m.group("stop") in "（(":
        ends += "）)"  # 100万元（其中中央50万元、省级50万元）: the aside is the list
    return min((i for i in (text.find(c, opened) for c in ends) if i >= 0), default=len(text))


def wholes_and_parts(claims: list[Claim], text: str, unnamed: set[int], changes: frozenset[int] = frozenset()
                     ) -> list[Claim]:
    """``claims`` (one paragraph's, in order) with each whole and its items
    marked. ``unnamed``: starts of the claims whose subject nothing in the text
    named (they take their whole's subject); ``changes``: starts of changes (追加30万元, 调减10万元), which are
    neither wholes nor items."""
    sources = load_lexicon().roles["sources"] + _MORE_SOURCES
    out = list(claims)
    for k, whole in enumerate(out):
        if whole.unit in ("%", "分") or whole.role in NOT_WHOLE or whole.table is not None or whole.start in changes:
            continue
        if whole.role == PART and not _sums_its_items(text, whole):
            continue  # 第一批项目批复投资3374.3万元（其中建筑工程3292万元）: a batch with its own items stays a part
        m = _MARKER.match(text[whole.end :])
        aside = m is None and _ASIDE_LIST.match(text[whole.end :])
        if m is None and not aside:
            continue
        m = m or aside
        opened = whole.end + m.end()
        end = _list_end(text, opened, m)
        colon = bool(m.group("colon") or m.group("leadcolon")) if m.re is _MARKER else False
        subject = whole.subject
        counted = whole.unit != "万元"  # 198007套（其中…197825套、…182套）: items by role only, each keeps its subject
        if subject == OTHER and whole.start in unnamed and sum(w in text[whole.end : end] for w in sources) >= 2:
            subject = "budget"  # 纳入评价的资金共43485.32万元，其中中央资金…，地方资金…: the money, by source
        items: list[Claim] = []
        for item in out[k + 1 :]:
            if item.start >= end:
                break
            if item.unit != whole.unit or item.start in changes:
                continue
            named = _named_after(text, item, max(opened, items[-1].end if items else opened))
            names_nothing = not named and item.subject == OTHER and not colon
            if _breaks_the_list(text, opened, whole, item, items, names_nothing, colon):
                break
            if item.role not in (PART, TOTAL) and named and item.subject not in (OTHER, subject):
                break  # 实际支出58万元 after a budget's items: a figure of its own, the list has ended
            items.append(item)
        listing = aside or (m.re is _MARKER and m.group("lead"))
        if len(items) < (2 if listing else 1):
            continue  # 985万元（含结转50万元）, 年初预算100万元，调整后为：120万元: one amount is no list
        out[k] = _as_whole(whole, subject, text)
        listed = {id(item) for item in items}
        for j, item in enumerate(out):
            if id(item) in listed:
                # its own words name it, or words after it (39万元已下拨到位); not those that opened the list
                own = counted or _named_after(text, item, opened) or (
                    item.start not in unnamed and item.subject != OTHER and not _named_in(text[whole.end : opened], item))
                role = TOTAL if item.role == TOTAL or _opens_items(text, item) and _sums_its_items(text, item) else PART
                out[j] = replace(item, role=role, subject=item_subject(item.subject if own else OTHER, subject, not own),
                                 whole_at=whole.start)
    return out


def _sums_its_items(text: str, claim: Claim) -> bool:
    """Do the words say the amount is a sum (合计118,156万元，包括…)?"""
    clause = text[max((text.rfind(c, 0, claim.start) for c in "，,。；;"), default=-1) + 1 : claim.start]
    return any(w in clause for w in ("合计", "共计", "总计", "小计", "累计", "共"))


def _as_whole(whole: Claim, subject: str, text: str) -> Claim:
    """The whole is what the report says the total was (held against the form); not a 累计 (累计投入300万元，
    其中…), which may span years: that one is checked against its items only."""
    clause = text[max((text.rfind(c, 0, whole.start) for c in "，,。；;"), default=-1) + 1 : whole.start]
    stated = whole.role == ACTUAL or "累计" not in clause
    return replace(whole, role=TOTAL, whole=stated and whole.role != PART, subject=subject)
