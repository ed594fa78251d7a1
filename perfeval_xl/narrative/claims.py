"""Claim extraction: every figure the report states, with its subject and role.

This module walks the paragraphs (text tables, 其中 paragraphs, the patterns
for counts, grades and deductions); what a number is about is found by the
steps in :mod:`perfeval_xl.narrative.subjects`, where it sits by
:mod:`perfeval_xl.narrative.clauses`, whether a word owns it by
:mod:`perfeval_xl.narrative.ownership`.

For each number with a unit the extractor tries, in order: the head of a
worked formula, the nearest subject keyword of the lexicon (``lexicon.toml``)
inside its clause, 得分/得N分, an indicator's name, the indicator its heading
is about, a subject word right after the amount (…万元已全部到位), and the
subject of the sentence so far (``年度指标值100%，实际完成93.94%``). A number
nothing claims is kept with the subject ``other``: the transparency list shows
every figure of the report.

Each claim then gets a role (:mod:`perfeval_xl.narrative.roles`): actual,
total, part, target, maximum, earlier or approximate. Words between keyword
and number that signal another subject (同比, 投资 …) lower the confidence to
LOW. Rules raise a warning or error only on a firm claim (MEDIUM or HIGH),
and hold only an ``actual`` against the form: a false alarm costs more trust
than a missed one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from perfeval_xl.model import Paragraph, Project
from perfeval_xl.narrative.breakdowns import item_subject, wholes_and_parts
from perfeval_xl.narrative.claim import (
    INDICATOR_DEDUCTION,
    INDICATOR_SCORE,
    INDICATOR_VALUE,
    OTHER,
    UNIT_PRICE,
    Claim,
    Confidence,
)
from perfeval_xl.narrative.clauses import (
    clause_start,
    colon_label,
    fragment,
    full_sentence_end,
    full_sentence_start,
    in_aside,
    sentence_end,
    sentence_start,
)
from perfeval_xl.narrative.indicators import (
    IndicatorIndex,
    heading_contexts,
    lead_in_title,
)
from perfeval_xl.narrative.lexicon import load_lexicon
from perfeval_xl.narrative.roles import (
    ACTUAL,
    EARLIER,
    MAXIMUM,
    PART,
    TARGET,
    TOTAL,
    Around,
    RoleReader,
    years_in,
)
from perfeval_xl.narrative.sections import Place, places
from perfeval_xl.narrative.subjects import Found, SubjectFinder
from perfeval_xl.narrative.tables import TextTable, is_table_row
from perfeval_xl.narrative.totals import (
    items_by_sum,
    items_listed_below,
    joined_amounts,
    restated_items,
)
from perfeval_xl.values.running_text import (
    COUNT_NUMBER,
    bare_quantities,
    count_value,
    declared_unit,
    find_quantities,
    normalise_text,
)

__all__ = ["Claim", "extract_claims", "sentence_start"]


# Subjects that are not in the lexicon because they are found by pattern.
COUNT_SUBJECTS = {"一": "count_level1", "二": "count_level2", "三": "count_level3"}
_COUNT_AFTER = re.compile(rf"(?P<n>{COUNT_NUMBER})[个项条](?P<level>[一二三])级指标")
_COUNT_BEFORE = re.compile(rf"(?P<level>[一二三])级指标(?:共|共有|有|数量为|数为)?(?P<n>{COUNT_NUMBER})[个项条]")
_DEDUCTION = re.compile(r"扣(?:除|减)?(?P<n>\d+(?:\.\d+)?)分")
_GRADE = re.compile(
    r"(?:等级|等次|评价结果|评价结论|评定)(?:为|是|：|:|评定为|确定为|属于|达到)?[“\"‘'「《]?"
    r"(?P<grade>优秀|良好|中等|较差|优|良|中|差)(?![等级])"
)
_GRADE_WORD = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差"}
# figures of the project's budget and its indicator counts are what was allotted even in a 绩效目标 section
# (and in one about handing out the money, 绩效目标分解下达情况, every amount is)
_ALLOTTED = ("budget", "initial_budget", "full_year_budget", "count_level1", "count_level2", "count_level3")
_LIST_JOINS = ("、", "和", "或", "及", "至")
_COUNT_PLAIN = re.compile(rf"(?<![一二三]级)指标(?:共|共有|有|数量为)?(?P<n>{COUNT_NUMBER})[个项条]")
# headings that name a part of the report, not an indicator
_SECTION_WORDS = ("情况", "目标", "结论", "评价", "问题", "建议", "概况", "分析", "说明", "做法", "经验", "背景", "内容",
                  "依据", "方法", "过程", "组织", "基本")


class _Extractor(SubjectFinder):
    def __init__(self, project: Project | None):
        self.lex = load_lexicon()
        self.keywords = self.lex.keyword_index()
        self.index = IndicatorIndex(project.indicators if project else ())
        self.year = project.year.value if project and project.year.present else None
        self.roles = RoleReader(self.lex, self.year)
        self.subprojects: tuple[str, ...] = ()  # the sub-projects of a report on several, as written in the text

    def paragraph(self, i: int, para: Paragraph, context: int | None, place: Place,
                  carried_unit: str | None = None) -> list[Claim]:
        """The claims of one paragraph; ``carried_unit``: the money unit the paragraph before declared, for a
        ``其中：…`` paragraph that goes on with its bare amounts."""
        text = normalise_text(para.text)
        claims: list[Claim] = []
        used: list[tuple[int, int]] = []
        label = self._row_label(text, place, context)

        def add(subject, value, unit, start, end, confidence, decimals=None, indicator=None, period=None, role=ACTUAL):
            name = self._indicator_name(indicator, subject, label)
            named = next((n for n in self.subprojects if n in text[clause_start(text, start):start]), "")
            scope = named or place.subproject
            scoped = bool(scope) and role == ACTUAL and subject in self.lex.subjects
            if scoped:
                role = PART  # one project's figure in a report on several (its items still add up to its 合计)
            if place.results_in_goals:
                confidence = Confidence.LOW  # results told under a goals heading: the words may still mean plans
            claims.append(
                Claim(subject, value, unit, para.ref, fragment(text, start, end), confidence, i, decimals, indicator,
                      period, role, text[start:end], start, end, sentence_start(text, start), name,
                      scope=scope, scoped=scoped)
            )
            used.append((start, end))

        for pattern in (_COUNT_AFTER, _COUNT_BEFORE):
            for m in pattern.finditer(text):
                n = count_value(m.group("n"))
                if n is not None:  # the figure is the number with its classifier: 11个
                    end = m.end("n") + (1 if m.end("n") < len(text) and text[m.end("n")] in "个项条" else 0)
                    add(COUNT_SUBJECTS[m.group("level")], n, "个", m.start("n"), end,
                        self._pattern_confidence(text, m.start()))
        for m in _COUNT_PLAIN.finditer(text):
            if any(a <= m.start("n") < b for a, b in used):
                continue
            n = count_value(m.group("n"))
            if n is not None:  # 共设绩效指标12个: the indicators scored, i.e. the 三级 ones (but it may be all levels)
                add("count_level3", n, "个", m.start("n"), m.end("n") + 1, Confidence.LOW)
        for m in _GRADE.finditer(text):
            grade = _GRADE_WORD.get(m.group("grade"), m.group("grade"))
            role = EARLIER if self.about_elsewhere(text[sentence_start(text, m.start()) : m.start()]) else ACTUAL
            add("grade", grade, "", m.start("grade"), m.end("grade"), self._pattern_confidence(text, m.start()), role=role)
        for m in _DEDUCTION.finditer(text):
            target = self._indicator_in(text, m.start(), context)
            confidence = Confidence.HIGH if target is not None or label else Confidence.LOW
            add(INDICATOR_DEDUCTION, Decimal(m.group("n")), "分", m.start(), m.end(), confidence, indicator=target)

        sentence_at, subject_so_far, maximum_before = -1, None, False
        quantities = sorted(find_quantities(text) + bare_quantities(text, carried_unit), key=lambda q: q.start)
        unnamed: set[int] = set()  # figures nothing in the text names: items of whatever they are listed under
        changes: set[int] = set()  # 调减300万: a change, never an item of a total
        for n, q in enumerate(quantities):
            if any(a <= q.start < b for a, b in used):
                continue
            start = sentence_start(text, q.start)
            if start != sentence_at:
                sentence_at, subject_so_far, maximum_before = start, None, False
            found = self.subject_of(text, q, context, subject_so_far, label, place)
            if found.subject == OTHER and not found.own_keyword and claims and claims[-1].subject == UNIT_PRICE \
                    and claims[-1].unit == q.unit and claims[-1].end <= q.start \
                    and text[claims[-1].end : q.start] in _LIST_JOINS:
                found = Found(UNIT_PRICE, Confidence.LOW)  # 每人每月100元、200元: each a price of its own
            if found.subject == OTHER and not found.own_keyword:
                (changes if found.change else unnamed).add(q.start)
            period = self._period(text, q.start)
            before = [p for p in quantities[:n] if p.start not in changes]
            items = _items_before([c for c in claims if c.start not in changes], q, found.subject, start)
            role = self.roles.role(self._around(text, q, before, found, place, maximum_before, items))
            if found.listed and role == ACTUAL:
                role = PART  # 执行率分别为：A 99.97%，B 99.89%
            if found.change and role in (PART, TOTAL):
                role = ACTUAL  # 调减300万，…合计2089万元: a change is no item of the total
            if role == ACTUAL and self.roles.before_year_end(found.subject, text[start : q.start]):
                found = replace(found, confidence=Confidence.LOW)
            if role == TARGET and found.subject == OTHER and not found.own_keyword and (q.unit != "万元" or place.in_targets):
                # 计划新建冷藏库10个: a planned output is an indicator's target (分3批下达 in a section on the money is not)
                if not place.allocation or self._planned_in_words(text, q, before, found, place, maximum_before, items):
                    found = replace(found, subject=INDICATOR_VALUE)
            if found.subject == UNIT_PRICE and role in (PART, TOTAL):
                role = ACTUAL  # 每家3万元，共计60万元: the price is what each got, not an item of the total
            if found.subject not in (OTHER, UNIT_PRICE):
                subject_so_far = replace(found, unit=q.unit)  # 每家3万元，共计60万元: the total is not a unit price
            maximum_before = maximum_before or role == MAXIMUM
            inherited_total = found.subject == "total_score" and not found.own_keyword  # 总分100分，其中决策20分
            if role == MAXIMUM and (found.subject in (OTHER, INDICATOR_VALUE) or inherited_total):
                # 满分100分 is the system's scale; 分值5分, 项目决策（20分） an indicator's
                subject = "total_score" if q.value == 100 and context is None and not label else INDICATOR_SCORE
                found = replace(found, subject=subject, confidence=max(found.confidence, Confidence.MEDIUM))
            add(found.subject, q.value, q.unit, q.start, q.end, found.confidence, q.decimals, found.indicator, period, role)
        claims = _items_take_their_total(sorted(claims, key=lambda c: c.start))
        changed = frozenset(changes)
        claims = wholes_and_parts(claims, text, unnamed, changed)
        return _restated_after_qizhong(items_by_sum(joined_amounts(claims, text), text, unnamed, changed), text)

    def _planned_in_words(self, text: str, q, before, found: Found, place: Place, maximum_before: bool,
                          items: bool) -> bool:
        """Do the words themselves say the number is planned (计划…, 目标是…), the section aside?"""
        outside = replace(place, in_targets=False)
        return self.roles.role(self._around(text, q, before, found, outside, maximum_before, items)) == TARGET

    def _row_label(self, text: str, place: Place, context: int | None) -> str:
        """The report's name for the indicator a paragraph is about, when the
        form does not say: its lead-in (``培训合格率：…``) or its heading."""
        lead = lead_in_title(text) or colon_label(text)
        if lead:
            return lead
        if context is None and len(place.titles) >= 2 and not place.is_heading and not place.in_targets:
            title = place.titles[-1]
            # 产出数量 is an indicator, 基本情况 is not; 项目绩效目标设立（3分） is one (its name only mentions 目标)
            title = re.sub(r"[（(]\d+(?:\.\d+)?分[）)]$", "", title)
            return "" if title.endswith(_SECTION_WORDS) or title.startswith("基本") else title
        return ""

    def _indicator_name(self, indicator: int | None, subject: str, label: str) -> str:
        if indicator is not None:
            return self.index.indicators[indicator].name.value or ""
        return label if subject.startswith("indicator_") else ""

    def _period(self, text: str, pos: int) -> int | None:
        years = years_in(text[sentence_start(text, pos) : pos])
        return years[-1] if years else None

    def _around(self, text: str, q, before, found: Found, place: Place, maximum_before: bool,
                items_before: bool) -> Around:
        clause_at = clause_start(text, q.start)
        sentence_at = sentence_start(text, q.start)
        previous = [p for p in before if p.end <= q.start and p.end > clause_at]
        local_at = previous[-1].end if previous else clause_at
        sentence_end_at = sentence_end(text, q.end)
        clause = text[clause_at : q.start].replace("绩效目标", "")
        full_at = full_sentence_start(text, q.start)
        return Around(
            local=text[local_at : q.start], clause=clause, sentence=text[sentence_at : q.start],
            after=text[q.end : sentence_end_at], unit=q.unit, value=q.value, subject=found.subject, approximate=q.approximate,
            in_targets=place.in_targets and not (place.allocation and q.unit == "万元")
            and found.subject not in ("total_score", INDICATOR_SCORE, INDICATOR_DEDUCTION, *_ALLOTTED),
            own_keyword=found.own_keyword, same_kind_before=items_before, maximum_before=maximum_before,
            full_sentence=text[full_at : q.start],
            amounts=sum(p.unit == "万元" for p in find_quantities(text[full_at:full_sentence_end(text, q.end)])),
        )

    def _indicator_in(self, text: str, pos: int, context: int | None) -> int | None:
        """The indicator a clause ending at ``pos`` is about: one named in the
        sentence before it, else the heading's."""
        mentions = [m for m in self.index.mentions(text) if sentence_start(text, pos) <= m.start < pos]
        return mentions[-1].index if mentions else context

    def _pattern_confidence(self, text: str, start: int) -> Confidence:
        sentence = text[sentence_start(text, start) : start]
        years = years_in(sentence)
        other_year = bool(years) and self.year is not None and years[-1] != self.year
        return Confidence.LOW if other_year or self.about_elsewhere(sentence) else Confidence.HIGH


def _restated_after_qizhong(claims: list[Claim], text: str) -> list[Claim]:
    """…执行率99%；其中当年财政拨款全年预算数65.66，全年执行数65.07: the same subjects again after 其中 (to the
    sentence's end, not inside an aside) are parts of those stated before it."""
    at = text.find("其中")
    if at <= 0:
        return claims
    end = full_sentence_end(text, at)
    before = [c for c in claims if c.end <= at]
    under = [c for c in claims if at < c.start < end and not in_aside(text, at, c.start)]
    rest = [c for c in claims if c not in before and c not in under]
    before, under = restated_items(before, under, cross=False)
    return sorted(before + under + rest, key=lambda c: c.start)


def _items_take_their_total(claims: list[Claim]) -> list[Claim]:
    """购置图书21.6万元、维护费6万元，合计支出27.6万元: items nothing named are
    parts of what their total is (支出)."""
    out = list(claims)
    for k, total in enumerate(claims):
        if total.role != TOTAL or total.subject == OTHER:
            continue
        for j in range(k - 1, -1, -1):
            item = out[j]
            if item.sentence != total.sentence or item.role == TOTAL:
                break
            if item.role == PART and item.unit == total.unit:
                out[j] = replace(item, subject=item_subject(item.subject, total.subject, True))
    return out


def _items_before(claims: list[Claim], q, subject: str, sentence_at: int) -> bool:
    """Has the sentence stated, before ``q``, figures of its unit that a 合计 here may sum: items, unit prices,
    or figures of its subject or of none (not 预算6800万元 before 执行数合计6500万元)?"""
    return any(c.unit == q.unit and sentence_at <= c.start and c.end <= q.start
               and (c.role == PART or c.subject in (subject, OTHER, UNIT_PRICE)) for c in claims)


def extract_claims(paragraphs, project: Project | None = None) -> list[Claim]:
    """Every figure in ``paragraphs`` (in order), each with a subject and a
    role. ``project`` supplies the indicator names and the evaluation year;
    without it only project-level subjects are recognised."""
    extractor = _Extractor(project)
    paragraphs = tuple(paragraphs)
    contexts = heading_contexts(paragraphs, extractor.index)
    where = places(paragraphs)
    extractor.subprojects = tuple({normalise_text(p.subproject).strip("“”\"") for p in where if p.subproject})
    claims: list[Claim] = []
    table: TextTable | None = None
    for i, (para, context, place) in enumerate(zip(paragraphs, contexts, where)):
        text = normalise_text(para.text)
        in_table = table.continues_with(text) if table is not None else is_table_row(text)
        if in_table:
            if table is None:
                table = TextTable(extractor.index, place.in_targets, _caption_unit(paragraphs, i),
                                  lambda k, cell, place=place: extractor.paragraph(k, cell, None, place))
            claims.extend(table.row(i, para, text))
            continue
        if table is not None:
            claims = table.finish(claims)
            table = None
        carried = declared_unit(normalise_text(paragraphs[i - 1].text)) if i and text.startswith("其中") else None
        found = extractor.paragraph(i, para, context, place, carried)
        if text.startswith("其中"):  # 其中：当年财政拨款年初预算数…: the items of the paragraph before
            earlier = [c for c in claims if c.paragraph == i - 1]
            kept = [c for c in claims if c.paragraph != i - 1]
            earlier, found = restated_items(earlier, found, cross=True)
            claims = kept + earlier
        claims.extend(found)
    if table is not None:
        claims = table.finish(claims)
    return items_listed_below(claims, [normalise_text(p.text) for p in paragraphs])


def _caption_unit(paragraphs, i: int) -> str | None:
    """``单位：万元`` in the paragraph just above a text table."""
    if i == 0:
        return None
    m = re.search(r"单位[：:]\s*(万元|元|亿元)", normalise_text(paragraphs[i - 1].text))
    return m.group(1) if m else None
