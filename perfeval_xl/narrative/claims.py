"""Claim extraction: every figure the report states, with its subject and role.

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
from dataclasses import dataclass, replace
from decimal import Decimal

from perfeval_xl.model import Paragraph, Project
from perfeval_xl.narrative.claim import (
    INDICATOR_DEDUCTION, INDICATOR_SCORE, INDICATOR_VALUE, OTHER, UNIT_PRICE, Claim, Confidence,
)
from perfeval_xl.narrative.breakdowns import SPECIFIC_BUDGETS, item_subject, wholes_and_parts
from perfeval_xl.narrative.indicators import IndicatorIndex, heading_contexts, lead_in_title
from perfeval_xl.narrative.lexicon import Lexicon, load_lexicon
from perfeval_xl.values.running_text import (
    COUNT_NUMBER, bare_quantities, count_value, declared_unit, find_quantities, normalise_text,
)
from perfeval_xl.narrative.roles import (
    ACTUAL, EARLIER, MAXIMUM, PART, TARGET, TOTAL, YEAR, Around, RoleReader, years_in,
)
from perfeval_xl.narrative.sections import Place, places
from perfeval_xl.narrative.tables import TextTable, is_table_row
from perfeval_xl.narrative.totals import items_by_sum, items_listed_below, joined_amounts, restated_items

# Subjects that are not in the lexicon because they are found by pattern.
COUNT_SUBJECTS = {"一": "count_level1", "二": "count_level2", "三": "count_level3"}

_CLAUSE_END = "，,。；;！!？?\n"
_SENTENCE_END = "。；;！!？?\n"
_COUNT_AFTER = re.compile(rf"(?P<n>{COUNT_NUMBER})[个项条](?P<level>[一二三])级指标")
_COUNT_BEFORE = re.compile(rf"(?P<level>[一二三])级指标(?:共|共有|有|数量为|数为)?(?P<n>{COUNT_NUMBER})[个项条]")
_DEDUCTION = re.compile(r"扣(?:除|减)?(?P<n>\d+(?:\.\d+)?)分")
_GRADE = re.compile(
    r"(?:等级|等次|评价结果|评价结论|评定)(?:为|是|：|:|评定为|确定为|属于|达到)?[“\"‘'「《]?"
    r"(?P<grade>优秀|良好|中等|较差|优|良|中|差)(?![等级])"
)
_TRAILING_ARRIVED = re.compile(r"^(?:已经|已|全部|足额|均|按时|及时|全额|下拨|拨付|筹集)*(?:到位|到账|筹集完毕)")
# 6800万元已全部分解到位, 资金10401.21万元分两批下达: the amount was allotted (a budget)
_TRAILING_ALLOTTED = re.compile(r"^(?:已经|已|全部|均|及时)*(?:(?:分解|分配|分[一二两三四五六七八九十\d]批)(?:下达)?(?:到位)?|下达)")
# …已全部拨付 under a 资金到位 heading: the money reached the project (it is not its spending)
_TRAILING_PAID = re.compile(r"^(?:已经|已|全部|足额|均|按时|及时|全额)*(?:拨付|下拨)")
_GRADE_WORD = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差"}
# A clause that says which figure of the sentence's subject follows (年度指标值100%，实际完成93.94%)
_ROW_CUE = re.compile(r"^(?:其中|含|用于|全年实际完成值?|全年实际值?|实际完成值?|完成值|实际值?|全年完成|年度指标值|年初指标值|指标值|目标值"
                      r"|年度目标值?|计划值?"
                      r"|合计|共计|总计|累计|小计)[为：:]?")
_INDICATOR_WORDS = ("满意度", "满意率", "知晓率", "合格率", "覆盖率", "完成率", "及时率", "达标率", "验收合格率", "普及率",
                    "参与率", "入学率", "使用率", "完好率", "好评率", "回收率", "办结率", "准确率", "到岗率", "出勤率")
_INDICATOR_SECTIONS = ("产出", "效益", "满意", "数量", "质量", "时效", "成本", "绩效目标", "目标完成", "指标完成", "总体目标",
                        "年度目标")
# …but a section on handing out the money (绩效目标分解下达情况) counts batches and projects, not outputs
_ALLOCATION_WORDS = ("下达", "分解")
# figures of the project's budget and its indicator counts are what was allotted even in a 绩效目标 section
# (and in one about handing out the money, 绩效目标分解下达情况, every amount is)
_ALLOTTED = ("budget", "initial_budget", "full_year_budget", "count_level1", "count_level2", "count_level3")
# 本项指标评价得分7分: the score of the indicator the section is about
_THIS_INDICATOR = re.compile(r"(?:本|该|此)项(?!目)|(?:本|该)指标|指标(?:评价|自评)?得分")
# 列为30件民生实事之一
_ONE_OF = re.compile(r"^[^，,。；;\d]{0,12}之一")
# the county's statistics (全县15个乡镇33个行政村) are not the project's outputs
_AREA_WORDS = ("全县", "全市", "全省", "全区", "全镇", "全乡", "全旗", "全州")
# …执行率分别为：A 99.97%，B 99.89%: the items of a list take the subject named before 分别
_RESPECTIVELY = ("分别为", "分别是", "分别达到", "分别")
_LIST_JOINS = ("、", "和", "或", "及", "至")
# 目标任务是：, 绩效目标：, 产业指标：, 开工指标为…: the counts after it are an indicator's
_INDICATOR_CUE = re.compile(r"(?:目标|指标)(?:任务)?(?:是|为)?[：:]|指标(?:是|为)")
# 4000元的最低资助标准: the amount is a rate per head
_STANDARD_AFTER = re.compile(r"^的[^，,。；;\d]{0,6}标准")
# between a 年初预算 and a later bare 预算, words that make the later one another amount
_ANOTHER_BUDGET = ("追加", "调整", "调增", "调减", "增加", "新增", "补充", "另", "基础上", "追减", "核减")
# 分值10分, 满分为20分: the maximum of one part of the scheme, stated before its score
_MAXIMUM_STATED = re.compile(r"(?:分值|满分|权重)(?:为|是|：|:)?(?P<n>\d+(?:\.\d+)?)分")
_COUNT_PLAIN = re.compile(rf"(?<![一二三]级)指标(?:共|共有|有|数量为)?(?P<n>{COUNT_NUMBER})[个项条]")
# headings that name a part of the report, not an indicator
_SECTION_WORDS = ("情况", "目标", "结论", "评价", "问题", "建议", "概况", "分析", "说明", "做法", "经验", "背景", "内容",
                  "依据", "方法", "过程", "组织", "基本")


# Returned by a step that has decided the number is about something else, to stop the others.
_NO_CLAIM = ("", None, None)


def _fragment(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], clipped to a readable length."""
    left = sentence_start(text, start)
    right = min((i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0), default=len(text))
    sentence = text[left:right]
    if len(sentence) > 60:
        a = max(start - left - 30, 0)
        sentence = ("…" if a else "") + sentence[a : a + 60] + ("…" if a + 60 < len(sentence) else "")
    return sentence


def _clause_start(text: str, pos: int) -> int:
    return max((text.rfind(c, 0, pos) for c in _CLAUSE_END), default=-1) + 1


def sentence_start(text: str, pos: int) -> int:
    return max((text.rfind(c, 0, pos) for c in _SENTENCE_END), default=-1) + 1


def _neutralise(text: str, lex: Lexicon) -> str:
    """Remove phrases that contain a blocker but are harmless (按计划完成)."""
    for phrase in lex.harmless:
        text = text.replace(phrase, "")
    return text


def _gap_confidence(gap: str, lex: Lexicon) -> Confidence:
    """How firmly a keyword owns a number, from the words between them. A
    longer gap is accepted when it names the money (下达我县耕地地力保护补贴资金…)."""
    gap = _neutralise(gap, lex)
    if any(b in gap for b in lex.blockers):
        return Confidence.LOW
    names_the_money = gap.endswith(("资金", "经费"))
    for filler in lex.fillers:
        gap = gap.replace(filler, "")
    if not gap:
        return Confidence.HIGH
    return Confidence.MEDIUM if len(gap) <= (14 if names_the_money else 8) else Confidence.LOW


@dataclass(frozen=True)
class _Found:
    """What the subject steps decided about one number."""

    subject: str
    confidence: Confidence
    indicator: int | None = None
    own_keyword: bool = True  # found in the clause itself, not inherited from the sentence
    unit: str = ""  # the number's unit, once it has been claimed
    change: bool = False  # a change or a share (调减300万, 增长14%), not a figure of anything
    listed: bool = False  # one of a list of the same subject (执行率分别为：A 99.97%，B 99.89%)


class _Extractor:
    def __init__(self, project: Project | None):
        self.lex = load_lexicon()
        self.keywords = self.lex.keyword_index()
        self.index = IndicatorIndex(project.indicators if project else ())
        self.year = project.year.value if project and project.year.present else None
        self.roles = RoleReader(self.lex, self.year)
        self.subprojects: tuple[str, ...] = ()  # the sub-projects of a report on several, as written in the text

    # ------------------------------------------------------------ one paragraph

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
            named = next((n for n in self.subprojects if n in text[_clause_start(text, start):start]), "")
            scope = named or place.subproject
            scoped = bool(scope) and role == ACTUAL and subject in self.lex.subjects
            if scoped:
                role = PART  # one project's figure in a report on several (its items still add up to its 合计)
            if place.results_in_goals:
                confidence = Confidence.LOW  # results told under a goals heading: the words may still mean plans
            claims.append(
                Claim(subject, value, unit, para.ref, _fragment(text, start, end), confidence, i, decimals, indicator,
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
            role = EARLIER if self._elsewhere(text[sentence_start(text, m.start()) : m.start()]) else ACTUAL
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
            found = self._subject(text, q, context, subject_so_far, label, place)
            if found.subject == OTHER and not found.own_keyword and claims and claims[-1].subject == UNIT_PRICE \
                    and claims[-1].unit == q.unit and claims[-1].end <= q.start \
                    and text[claims[-1].end : q.start] in _LIST_JOINS:
                found = _Found(UNIT_PRICE, Confidence.LOW)  # 每人每月100元、200元: each a price of its own
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

    def _planned_in_words(self, text: str, q, before, found: _Found, place: Place, maximum_before: bool,
                          items: bool) -> bool:
        """Do the words themselves say the number is planned (计划…, 目标是…), the section aside?"""
        outside = replace(place, in_targets=False)
        return self.roles.role(self._around(text, q, before, found, outside, maximum_before, items)) == TARGET

    def _row_label(self, text: str, place: Place, context: int | None) -> str:
        """The report's name for the indicator a paragraph is about, when the
        form does not say: its lead-in (``培训合格率：…``) or its heading."""
        lead = lead_in_title(text) or _colon_label(text)
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

    def _around(self, text: str, q, before, found: _Found, place: Place, maximum_before: bool,
                items_before: bool) -> Around:
        clause_at = _clause_start(text, q.start)
        sentence_at = sentence_start(text, q.start)
        previous = [p for p in before if p.end <= q.start and p.end > clause_at]
        local_at = previous[-1].end if previous else clause_at
        sentence_end = min((i for i in (text.find(c, q.end) for c in _SENTENCE_END) if i >= 0), default=len(text))
        clause = text[clause_at : q.start].replace("绩效目标", "")
        full_at = max((text.rfind(c, 0, q.start) for c in "。！!？?\n"), default=-1) + 1
        return Around(
            local=text[local_at : q.start], clause=clause, sentence=text[sentence_at : q.start],
            after=text[q.end : sentence_end], unit=q.unit, value=q.value, subject=found.subject, approximate=q.approximate,
            in_targets=place.in_targets and not (place.allocation and q.unit == "万元")
            and found.subject not in ("total_score", INDICATOR_SCORE, INDICATOR_DEDUCTION, *_ALLOTTED),
            own_keyword=found.own_keyword, same_kind_before=items_before, maximum_before=maximum_before,
            full_sentence=text[full_at : q.start],
            amounts=sum(p.unit == "万元" for p in find_quantities(text[full_at:_full_sentence_end(text, q.end)])),
        )

    # ------------------------------------------------------------ subject of one number

    def _subject(self, text: str, q, context: int | None, so_far: _Found | None, label: str, place: Place) -> _Found:
        clause_start = _clause_start(text, q.start)
        sentence_before = text[sentence_start(text, q.start) : q.start]
        prefix = text[clause_start : q.start]
        aside = max(prefix.rfind("（"), prefix.rfind("("))
        if aside > max(prefix.rfind("）"), prefix.rfind(")")):
            prefix = prefix[aside + 1 :]  # 3374.3万元（其中建筑工程3292万元）: the aside names its own figure
        after = text[q.end : q.end + 12]
        if q.unit == "%" and after.startswith("的"):
            return _Found(OTHER, Confidence.LOW)  # "20%的单位": a share of something else, not a rate claim
        if self._elsewhere(sentence_before):
            return _Found(OTHER, Confidence.LOW)  # another project, or the whole county
        if q.unit == "万元" and self._per_unit(prefix, after):
            return _Found(UNIT_PRICE, Confidence.MEDIUM)
        if self._changed(prefix):
            return _Found(OTHER, Confidence.LOW, own_keyword=False, change=True)  # 同比增长14%, 占80%, 调减300万
        if q.unit == "万元" and after.startswith("中") and "从" in prefix:
            return _Found(OTHER, Confidence.LOW)  # 从奖励资金31714万元中分配…: the pool a share is taken from
        if _kind_of_unit(q.unit) == "count" and _ONE_OF.match(after):
            return _Found(OTHER, Confidence.LOW)  # 列为30件民生实事之一: the set it belongs to, not a figure of it
        goal = _INDICATOR_CUE.search(text[_full_sentence_start(text, q.start) : q.start]) is not None
        if _kind_of_unit(q.unit) == "count" and (after.startswith("项目") or any(w in prefix for w in _AREA_WORDS)
                                                 and not goal):
            return _Found(OTHER, Confidence.LOW)  # 共分为10个项目, 全县15个乡镇: not an output of the project
        found = (
            self._formula_result(prefix, q)
            or self._by_enumeration(sentence_before, prefix, q)
            or self._by_trailing_word(prefix, after, place, q.unit)
            or self._by_keyword(prefix, q, sentence_before)
            or self._by_score_word(prefix, q, context, label, sentence_before)
            or self._by_indicator_name(prefix, q)
            or self._by_heading(prefix, q, context)
            or self._by_sentence(prefix, q, so_far, sentence_before)
            or self._by_indicator_word(prefix, q, label, place.titles, sentence_before, goal)
            or self._by_source(prefix, q)
            or self._by_money_word(prefix, q, place)
        )
        if found is None or found is _NO_CLAIM:
            return _Found(OTHER, Confidence.LOW, own_keyword=False)
        if isinstance(found, _Found):
            return found
        subject, confidence, indicator = found
        caveat = "每" in sentence_before  # 每户2000元，合计8万元: a local sum, maybe not the project's
        return _Found(subject, Confidence.LOW if caveat else confidence, indicator)

    def _per_unit(self, prefix: str, after: str) -> bool:
        """每家3万元, 人均2000元, 单价500元, 500元/人, 4000元的资助标准: a figure per unit."""
        if after.startswith(("/", "／")) or _STANDARD_AFTER.match(after):
            return True
        words = self.lex.roles["unit_price"]
        return any(w in prefix for w in words if w != "每") or re.search(r"每(?![年季])[^，。；,\d]{0,6}$", prefix) is not None

    def _changed(self, prefix: str) -> bool:
        tail = prefix[-6:]
        if any(w in tail for w in self.lex.roles["change"]):
            return True
        return any(w in prefix for w in self.lex.roles["adjustment"])  # 年中调减中央财政资金300万

    def _by_enumeration(self, sentence_before: str, prefix: str, q):
        """``其余项目的执行率分别为：A 99.97%，B 99.89%``: each item of the list
        is a figure of the subject named before 分别 (its own clause names only the item)."""
        at = max(sentence_before.rfind(w) for w in _RESPECTIVELY)
        if at < 0:
            return None
        head = sentence_before[_clause_start(sentence_before, at) : at]
        keyword = self._nearest_keyword(head)
        if keyword is None or not _unit_fits(keyword[2].kind, q.unit):
            return None
        other = self._nearest_keyword(head[: keyword[0]])
        if other is not None and other[2].key != keyword[2].key:
            return None  # 预算和支出分别为60万元、58万元: several subjects, one figure each
        own = self._nearest_keyword(prefix)
        if own is not None and _unit_fits(own[2].kind, q.unit):
            return None  # the item names a subject of its own
        return _Found(keyword[2].key, Confidence.LOW, own_keyword=False, listed=True)

    def _nearest_keyword(self, prefix: str, strong_only: bool = False):
        """(start, end, subject) of the subject keyword ending closest to the
        number; the longest keyword wins a tie (keywords are longest first).
        ``strong_only``: leave out the words that name the money loosely."""
        found = []
        prefix = self.lex.masked(prefix)
        for kw, subject in self.keywords:
            if strong_only and kw in subject.weak:
                continue
            at = prefix.rfind(kw)
            if at >= 0:
                found.append((at, at + len(kw), subject))
        if not found:
            return None
        best = max(found, key=lambda f: f[1])  # max keeps the first (longest) on a tie
        if best[2].key == "budget":
            # 年初预算资金: the generic 预算资金 overlaps a specific keyword, which says more;
            # 调整预算后项目预算: the generic word repeats the specific one said just before
            specific = [f for f in found if f[2].key in SPECIFIC_BUDGETS and f[0] < best[0]
                        and (best[0] < f[1] <= best[1] or 0 <= best[0] - f[1] <= 4)]
            if specific:
                return max(specific, key=lambda f: f[1])
        return best

    def _other_population(self, text: str, mention) -> bool:
        """Is an alias (满意度) qualified by a population the indicator's name
        does not have (群众满意度 vs 被慰问企业满意度)?"""
        name = normalise_text(self.index.indicators[mention.index].name.value or "")
        before = text[max(0, mention.start - 4) : mention.start]
        return any(p in before and p not in name for p in self.lex.populations)

    def _indicator_in(self, text: str, pos: int, context: int | None) -> int | None:
        """The indicator a clause ending at ``pos`` is about: one named in the
        sentence before it, else the heading's."""
        mentions = [m for m in self.index.mentions(text) if sentence_start(text, pos) <= m.start < pos]
        return mentions[-1].index if mentions else context

    def _elsewhere(self, sentence_before: str) -> bool:
        """Is the sentence about another project or scope (2022年同类项目中…)? Not for money carried over
        from it (上年度结转资金10万元，本年度预算安排50万元: this year's money)."""
        for carried in self.lex.roles["earlier_not"]:
            sentence_before = sentence_before.replace(carried, "")
        return any(w in sentence_before for w in self.lex.elsewhere)

    def _pattern_confidence(self, text: str, start: int) -> Confidence:
        sentence = text[sentence_start(text, start) : start]
        years = years_in(sentence)
        other_year = bool(years) and self.year is not None and years[-1] != self.year
        return Confidence.LOW if other_year or self._elsewhere(sentence) else Confidence.HIGH

    def _mention_before(self, prefix: str):
        mentions = self.index.mentions(prefix)
        return mentions[-1] if mentions else None

    def _formula_result(self, prefix: str, q):
        """The result of a worked formula (执行率=支出/预算×100%=60/60×100%=100%)
        belongs to the equation's head, not to the nearest word inside it."""
        if not (prefix.endswith("=") and "=" in prefix[:-1]):
            return None
        head = self._nearest_keyword(prefix[: prefix.index("=")])
        if head and _unit_fits(head[2].kind, q.unit):
            return head[2].key, Confidence.HIGH, None
        return None

    def _by_keyword(self, prefix: str, q, sentence_before: str = ""):
        """A lexicon keyword owns the number, unless an indicator name stands
        closer to it."""
        keyword = self._nearest_keyword(prefix)
        mention = self._mention_before(prefix)
        if keyword is None or (mention is not None and mention.end > keyword[1]):
            return None
        begin, end, subject = keyword
        named_before = None
        if subject.key == "budget" and q.unit == "万元":
            named_before = self._budget_the_sentence_named(sentence_before[: len(sentence_before) - len(prefix) + begin])
            subject = named_before or subject
        if subject.key == "total_score" and _names_an_indicator(prefix[:end]):
            return None  # 本项指标评价得分7分: the score of one indicator, not the project's
        if q.unit == "%" and subject.key == "spent" and prefix[begin:end] in ("执行", "支付"):
            subject = self.lex.subjects["execution_rate"]  # 3个项目资金执行100%
        if prefix[begin:end] == "使用率" and not any(p.unit == "万元" for p in find_quantities(sentence_before)):
            return None  # 设施使用率98%: an indicator's rate (预算35万元，实际支付35万元，使用率100%: the money's)
        if not _unit_fits(subject.kind, q.unit):
            if q.unit == "%" and any(w in prefix[end:] for w in _INDICATOR_WORDS):
                return None  # 补贴资金发放准确率100%: the rate of an indicator, not of the money
            return _NO_CLAIM  # 占预算的100%: the nearest subject word rules the number out
        gap, weak = prefix[end:], prefix[begin:end] in subject.weak
        if weak:
            strong = self._nearest_keyword(prefix[:begin], strong_only=True)
            if strong is not None and strong[2].key == subject.key:
                # 安排该项目资金60万元: 安排 says it, 项目资金 only repeats it
                gap, weak = prefix[strong[1] : begin] + gap, False
                begin = strong[0]
        confidence = Confidence.LOW if weak else _gap_confidence(gap, self.lex)  # 总投资, 申请: named loosely
        before = prefix[:begin]
        for within_the_year in ("全年累计", "本年累计", "年度累计", "当年累计"):
            before = before.replace(within_the_year, "")  # 全年累计发放: the year's total, not several years'
        if any(b in before for b in ("上年", "去年", "以前年度", "累计", "其中")):
            confidence = Confidence.LOW
        if subject.kind in ("money", "rate") and not _owned_by_project(prefix[:begin], self.lex):
            confidence = Confidence.LOW  # 慰问金支出57万元: a part of the spending, not the project's
        if named_before is not None:
            confidence = Confidence.LOW  # which budget it is, the words before only suggest
        return subject.key, confidence, None

    def _budget_the_sentence_named(self, earlier: str):
        """我局年初预算项目73个，预算项目经费15690.38万元: a bare 预算 after the sentence named the 年初 (or 全年)
        budget, with no amount of its own, is that budget."""
        specific = self._nearest_keyword(earlier)
        if specific is None or specific[2].key not in SPECIFIC_BUDGETS:
            return None
        between = earlier[specific[1] :]
        if any(p.unit == "万元" for p in find_quantities(between)) or any(w in between for w in _ANOTHER_BUDGET):
            return None  # 年初预算100万元，追加预算20万元; 在年初预算基础上追加预算20万元: another amount
        return specific[2]

    def _by_score_word(self, prefix: str, q, context: int | None, label: str, sentence_before: str = ""):
        """得分N分 / 得N分: an indicator's score when the sentence or heading
        names one, or when the sentence gave the maximum of a part of the scheme
        (…分值10分，执行率86%，得分9分); otherwise it could be anything, so the total at LOW."""
        if q.unit != "分" or not ("得分" in prefix or prefix.endswith("得")):
            return None
        end = prefix.rfind("得分") + 2 if "得分" in prefix else len(prefix)
        mention = self._mention_before(prefix)
        indicator = mention.index if mention else context
        if indicator is None:
            if (label or _names_an_indicator(prefix[:end])) and not self.index.indicators:
                return _Found(INDICATOR_SCORE, _gap_confidence(prefix[end:], self.lex))  # no form: the report's row
            if any(Decimal(m.group("n")) < 100 for m in _MAXIMUM_STATED.finditer(sentence_before)):
                return _Found(INDICATOR_SCORE, Confidence.LOW)  # the score of what the 分值 was of, not the project's
            return "total_score", Confidence.LOW, None
        return INDICATOR_SCORE, _gap_confidence(prefix[end:], self.lex), indicator

    def _by_indicator_name(self, prefix: str, q):
        """An indicator's name (or alias, or stem) before the number: its figure;
        the role reader tells its 目标值 from its 完成值."""
        mention = self._mention_before(prefix)
        if mention is None:
            return None
        if mention.alias and self._other_population(prefix, mention):
            return None  # 群众满意度 is not the form's 被慰问企业满意度
        indicator = self.index.indicators[mention.index]
        if not _indicator_unit_fits(indicator, q.unit, strict=mention.how == "stem"):
            return None
        gap = prefix[mention.end :]
        if mention.how == "stem" and gap:
            return None  # a bare stem owns only the number right after it
        for w in ("目标值", "指标值", "年度目标", "目标为", "预期", "计划", "实际完成值", "实际完成", "完成值"):
            gap = gap.replace(w, "")
        return INDICATOR_VALUE, _gap_confidence(gap, self.lex), mention.index

    def _by_trailing_word(self, prefix: str, after: str, place: Place, q_unit: str):
        """项目资金60万元已全部到位: the subject word follows the amount (and says
        more than a 资金 or 下达 before it); under a 资金到位 heading, …已全部拨付 too."""
        if q_unit != "万元":
            return None  # 分两批下达: the batches are not the money
        arrived = _TRAILING_ARRIVED.match(after) or (
            _TRAILING_PAID.match(after) and any("到位" in t for t in place.titles[-1:]))
        subject = "arrived" if arrived else "budget" if _TRAILING_ALLOTTED.match(after) else None
        if subject is None:
            return None
        return subject, Confidence.MEDIUM if self._names_the_project_money(prefix) else Confidence.LOW, None

    def _names_the_project_money(self, prefix: str) -> bool:
        """项目资金, 衔接资金, 资金: the project's money; 上年结转资金, 其中中央资金, 慰问金: not (all of) it."""
        if _owned_by_project(prefix, self.lex):
            return True
        m = re.fullmatch(r"(?P<name>[^，,。；;\d]{0,6})(?:资金|经费)", prefix)
        if m is None:
            return False
        name = m.group("name")
        flagged = (*self.lex.roles["sources"], *self.lex.roles["earlier"], *self.lex.roles["earlier_not"], *self.lex.blockers)
        return not any(w in name for w in flagged)

    def _by_heading(self, prefix: str, q, context: int | None):
        """No subject word, but the section is about one indicator and the
        number has that indicator's unit: its 完成值, at MEDIUM."""
        if context is None or q.unit == "%":
            return None
        if not _indicator_unit_fits(self.index.indicators[context], q.unit, strict=True):
            return None
        blocked = any(b in _neutralise(prefix, self.lex) for b in self.lex.blockers)
        return INDICATOR_VALUE, Confidence.LOW if blocked else Confidence.MEDIUM, context

    def _by_sentence(self, prefix: str, q, so_far: _Found | None, sentence_before: str):
        """年度指标值100%，实际完成93.94%: a clause that only says which figure
        follows takes the subject of the sentence so far (the same kind of unit).
        ``…下达救灾资金中的水利部分，合计6800万元``: a 合计 with nothing claimed
        before it takes the sentence's keyword, at LOW."""
        cue = _ROW_CUE.match(prefix)
        if cue is None:
            return None
        if so_far is None:
            # 将资金切块下达各市，其中：南宁市610万元…: the items of the money the sentence names
            if not cue.group(0).startswith(("合计", "共计", "总计", "其中", "用于")):
                return None
            keyword = self._nearest_keyword(sentence_before[: len(sentence_before) - len(prefix)])
            if keyword is None or not _unit_fits(keyword[2].kind, q.unit):
                return None
            return _Found(keyword[2].key, Confidence.LOW, own_keyword=False)
        if _kind_of_unit(q.unit) != _kind_of_subject(so_far.subject, so_far.unit or q.unit):
            return None
        confidence = Confidence.MEDIUM if len(prefix) - cue.end() <= 4 else Confidence.LOW
        return _Found(so_far.subject, min(confidence, so_far.confidence), so_far.indicator, own_keyword=False)

    def _by_source(self, prefix: str, q):
        """市级资金260.3万元, 省级配套补贴资金312万元: money named by where it comes from
        is (a part of) the budget; LOW, the words do not say which budget."""
        if q.unit != "万元" or not prefix.endswith(("资金", "经费")):
            return None
        if not any(w in prefix for w in self.lex.roles["sources"]):
            return None
        return _Found("budget", Confidence.LOW)

    def _by_money_word(self, prefix: str, q, place: Place):
        """中央和省级财政资金共计128.79亿元 in a goals section: the money the goals come with (a budget, LOW),
        not an indicator's target."""
        if q.unit != "万元" or not place.in_targets:
            return None
        words = prefix
        for filler in ("共计", "合计", "总计", "共", "为", "达", "是", "：", ":"):
            words = words.removesuffix(filler)
        return _Found("budget", Confidence.LOW) if words.endswith(("资金", "经费")) else None

    def _by_indicator_word(self, prefix: str, q, label: str, titles: tuple[str, ...], sentence_before: str = "",
                           goal: bool = False):
        """No indicator of the form is named, but the words say it is an
        indicator's figure (培训合格率98%, a count in an 产出 section). Without
        an index into the form it is held against nothing."""
        cue = _ROW_CUE.match(prefix)  # 培训合格率：年度指标值100%，实际完成93.94% (not 其中…, 合计…: items and sums)
        row_cue = cue is not None and not cue.group(0).startswith(("其中", "含", "用于", "合计", "共计", "总计", "累计", "小计"))
        # with a form, an indicator the form does not name (全县群众满意度) is no firm claim about it
        firm = Confidence.LOW if self.index.indicators else Confidence.MEDIUM
        sections = [t for t in (label, *titles) if not any(w in t for w in _ALLOCATION_WORDS)]
        in_indicators = any(w in t for t in sections for w in _INDICATOR_SECTIONS)
        if q.unit == "%" and (any(w in prefix for w in _INDICATOR_WORDS)
                              or row_cue and any(w in label for w in _INDICATOR_WORDS)):
            return _Found(INDICATOR_VALUE, firm, own_keyword=not row_cue)
        if q.unit == "%" and row_cue and (any(w in sentence_before for w in _INDICATOR_WORDS) or in_indicators):
            return _Found(INDICATOR_VALUE, firm, own_keyword=False)  # 产出质量：采购的原原种合格率，年度指标值≥90%，实际≥90%
        if q.unit in ("万元", "%", "分"):
            return None
        if label and row_cue:
            return _Found(INDICATOR_VALUE, firm, own_keyword=False)
        if in_indicators or goal:
            return _Found(INDICATOR_VALUE, Confidence.LOW)  # a count in the 产出/绩效目标 sections, or after 目标任务是：
        return None


def _restated_after_qizhong(claims: list[Claim], text: str) -> list[Claim]:
    """…执行率99%；其中当年财政拨款全年预算数65.66，全年执行数65.07: the same subjects again after 其中 (to the
    sentence's end, not inside an aside) are parts of those stated before it."""
    at = text.find("其中")
    if at <= 0:
        return claims
    end = _full_sentence_end(text, at)
    before = [c for c in claims if c.end <= at]
    under = [c for c in claims if at < c.start < end and not _in_aside(text, at, c.start)]
    rest = [c for c in claims if c not in before and c not in under]
    before, under = restated_items(before, under, cross=False)
    return sorted(before + under + rest, key=lambda c: c.start)


def _full_sentence_start(text: str, pos: int) -> int:
    return max((text.rfind(c, 0, pos) for c in "。！!？?\n"), default=-1) + 1


def _full_sentence_end(text: str, pos: int) -> int:
    """Where the sentence (to its 。, over ；) ends."""
    return min((i for i in (text.find(c, pos) for c in "。！!？?\n") if i >= 0), default=len(text))


def _in_aside(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside a bracket opened after ``start`` (80万元（其中用于设备30万元）)?"""
    within = text[start:pos]
    return within.count("（") + within.count("(") > within.count("）") + within.count(")")


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


def _names_an_indicator(words: str) -> bool:
    """本项指标评价得分, 该项得分, 指标评价得分: the score of one indicator."""
    return _THIS_INDICATOR.search(words) is not None


def _colon_label(text: str) -> str:
    """``培训合格率：年度指标值100%…``: a short label before the first colon."""
    label, colon, _ = text.replace(":", "：").partition("：")
    if colon and 2 <= len(label) <= 20 and not re.search(r"[\d，,。；;]", label):
        return label
    return ""


def _kind_of_unit(unit: str) -> str:
    return {"万元": "money", "%": "rate", "分": "score"}.get(unit, "count")


def _kind_of_subject(subject: str, unit: str) -> str:
    s = load_lexicon().subjects.get(subject)
    if s is not None:
        return s.kind
    if subject in (INDICATOR_SCORE, INDICATOR_DEDUCTION, "total_score"):
        return "score"
    return _kind_of_unit(unit)  # an indicator's value keeps whatever unit it has


def _owned_by_project(before: str, lex: Lexicon) -> bool:
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


def _unit_fits(kind: str, unit: str) -> bool:
    return {"money": "万元", "rate": "%", "score": "分"}.get(kind) == unit


def _indicator_unit_fits(indicator, unit: str, strict: bool = False) -> bool:
    """Can a number in ``unit`` be this indicator's value? ``strict``: the form
    must state a unit (used when only the heading links number and indicator)."""
    measure = indicator.actual.value or indicator.target.value
    if measure is None or not measure.unit:
        return not strict  # the form gives no unit to disagree with
    mu = measure.unit
    if unit == "万元":
        return mu in ("元", "万元", "亿元")
    return mu == unit or mu.endswith(unit)


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

