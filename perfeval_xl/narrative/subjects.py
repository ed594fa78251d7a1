"""What a number in the report is about: the steps that find its subject.

For each number the steps are tried in order (see :meth:`SubjectFinder.subject_of`):
the head of a worked formula, an enumeration after 分别, a subject word right
after the amount, the nearest lexicon keyword in its clause, 得分/得N分, an
indicator's name, the indicator its heading is about, the subject of the
sentence so far, words that make it an indicator's figure, where the money
comes from, money in a goals section. A step returns ``None`` to pass the number
on, or :data:`_NO_CLAIM` to stop the others (the number is about something else).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from perfeval_xl.narrative.breakdowns import SPECIFIC_BUDGETS
from perfeval_xl.narrative.claim import (
    INDICATOR_SCORE,
    INDICATOR_VALUE,
    OTHER,
    UNIT_PRICE,
    Confidence,
)
from perfeval_xl.narrative.clauses import (
    clause_start,
    full_sentence_start,
    sentence_start,
)
from perfeval_xl.narrative.indicators import IndicatorIndex
from perfeval_xl.narrative.lexicon import Lexicon, Subject
from perfeval_xl.narrative.ownership import (
    gap_confidence,
    indicator_unit_fits,
    kind_of_subject,
    kind_of_unit,
    neutralise,
    owned_by_project,
    unit_fits,
)
from perfeval_xl.narrative.sections import Place
from perfeval_xl.values.running_text import find_quantities, normalise_text

_TRAILING_ARRIVED = re.compile(r"^(?:已经|已|全部|足额|均|按时|及时|全额|下拨|拨付|筹集)*(?:到位|到账|筹集完毕)")
# 6800万元已全部分解到位, 资金10401.21万元分两批下达: the amount was allotted (a budget)
_TRAILING_ALLOTTED = re.compile(r"^(?:已经|已|全部|均|及时)*(?:(?:分解|分配|分[一二两三四五六七八九十\d]批)(?:下达)?(?:到位)?|下达)")
# …已全部拨付 under a 资金到位 heading: the money reached the project (it is not its spending)
_TRAILING_PAID = re.compile(r"^(?:已经|已|全部|足额|均|按时|及时|全额)*(?:拨付|下拨)")
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
# 本项指标评价得分7分: the score of the indicator the section is about
_THIS_INDICATOR = re.compile(r"(?:本|该|此)项(?!目)|(?:本|该)指标|指标(?:评价|自评)?得分")
# 列为30件民生实事之一
_ONE_OF = re.compile(r"^[^，,。；;\d]{0,12}之一")
# the county's statistics (全县15个乡镇33个行政村) are not the project's outputs
_AREA_WORDS = ("全县", "全市", "全省", "全区", "全镇", "全乡", "全旗", "全州")
# …执行率分别为：A 99.97%，B 99.89%: the items of a list take the subject named before 分别
_RESPECTIVELY = ("分别为", "分别是", "分别达到", "分别")
# 目标任务是：, 绩效目标：, 产业指标：, 开工指标为…: the counts after it are an indicator's
_INDICATOR_CUE = re.compile(r"(?:目标|指标)(?:任务)?(?:是|为)?[：:]|指标(?:是|为)")
# 4000元的最低资助标准: the amount is a rate per head
_STANDARD_AFTER = re.compile(r"^的[^，,。；;\d]{0,6}标准")
# between a 年初预算 and a later bare 预算, words that make the later one another amount
_ANOTHER_BUDGET = ("追加", "调整", "调增", "调减", "增加", "新增", "补充", "另", "基础上", "追减", "核减")
# 分值10分, 满分为20分: the maximum of one part of the scheme, stated before its score
_MAXIMUM_STATED = re.compile(r"(?:分值|满分|权重)(?:为|是|：|:)?(?P<n>\d+(?:\.\d+)?)分")


# Returned by a step that has decided the number is about something else, to stop the others.
_NO_CLAIM = ("", None, None)


@dataclass(frozen=True)
class Found:
    """What the subject steps decided about one number."""

    subject: str
    confidence: Confidence
    indicator: int | None = None
    own_keyword: bool = True  # found in the clause itself, not inherited from the sentence
    unit: str = ""  # the number's unit, once it has been claimed
    change: bool = False  # a change or a share (调减300万, 增长14%), not a figure of anything
    listed: bool = False  # one of a list of the same subject (执行率分别为：A 99.97%，B 99.89%)


class SubjectFinder:
    """The subject steps. The claim extractor is one: it sets the lexicon, its
    keyword index and the form's indicators before asking."""

    lex: Lexicon
    keywords: list[tuple[str, Subject]]
    index: IndicatorIndex

    def subject_of(self, text: str, q, context: int | None, so_far: Found | None, label: str, place: Place) -> Found:
        clause_at = clause_start(text, q.start)
        sentence_before = text[sentence_start(text, q.start) : q.start]
        prefix = text[clause_at : q.start]
        aside = max(prefix.rfind("（"), prefix.rfind("("))
        if aside > max(prefix.rfind("）"), prefix.rfind(")")):
            prefix = prefix[aside + 1 :]  # 3374.3万元（其中建筑工程3292万元）: the aside names its own figure
        after = text[q.end : q.end + 12]
        if q.unit == "%" and after.startswith("的"):
            return Found(OTHER, Confidence.LOW)  # "20%的单位": a share of something else, not a rate claim
        if self.about_elsewhere(sentence_before):
            return Found(OTHER, Confidence.LOW)  # another project, or the whole county
        if q.unit == "万元" and self._per_unit(prefix, after):
            return Found(UNIT_PRICE, Confidence.MEDIUM)
        if self._changed(prefix):
            return Found(OTHER, Confidence.LOW, own_keyword=False, change=True)  # 同比增长14%, 占80%, 调减300万
        if q.unit == "万元" and after.startswith("中") and "从" in prefix:
            return Found(OTHER, Confidence.LOW)  # 从奖励资金31714万元中分配…: the pool a share is taken from
        if kind_of_unit(q.unit) == "count" and _ONE_OF.match(after):
            return Found(OTHER, Confidence.LOW)  # 列为30件民生实事之一: the set it belongs to, not a figure of it
        goal = _INDICATOR_CUE.search(text[full_sentence_start(text, q.start) : q.start]) is not None
        if kind_of_unit(q.unit) == "count" and (after.startswith("项目") or any(w in prefix for w in _AREA_WORDS)
                                                 and not goal):
            return Found(OTHER, Confidence.LOW)  # 共分为10个项目, 全县15个乡镇: not an output of the project
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
            return Found(OTHER, Confidence.LOW, own_keyword=False)
        if isinstance(found, Found):
            return found
        subject, confidence, indicator = found
        caveat = "每" in sentence_before  # 每户2000元，合计8万元: a local sum, maybe not the project's
        return Found(subject, Confidence.LOW if caveat else confidence, indicator)

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
        head = sentence_before[clause_start(sentence_before, at) : at]
        keyword = self._nearest_keyword(head)
        if keyword is None or not unit_fits(keyword[2].kind, q.unit):
            return None
        other = self._nearest_keyword(head[: keyword[0]])
        if other is not None and other[2].key != keyword[2].key:
            return None  # 预算和支出分别为60万元、58万元: several subjects, one figure each
        own = self._nearest_keyword(prefix)
        if own is not None and unit_fits(own[2].kind, q.unit):
            return None  # the item names a subject of its own
        return Found(keyword[2].key, Confidence.LOW, own_keyword=False, listed=True)

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

    def about_elsewhere(self, sentence_before: str) -> bool:
        """Is the sentence about another project or scope (2022年同类项目中…)? Not for money carried over
        from it (上年度结转资金10万元，本年度预算安排50万元: this year's money)."""
        for carried in self.lex.roles["earlier_not"]:
            sentence_before = sentence_before.replace(carried, "")
        return any(w in sentence_before for w in self.lex.elsewhere)

    def _mention_before(self, prefix: str):
        mentions = self.index.mentions(prefix)
        return mentions[-1] if mentions else None

    def _formula_result(self, prefix: str, q):
        """The result of a worked formula (执行率=支出/预算×100%=60/60×100%=100%)
        belongs to the equation's head, not to the nearest word inside it."""
        if not (prefix.endswith("=") and "=" in prefix[:-1]):
            return None
        head = self._nearest_keyword(prefix[: prefix.index("=")])
        if head and unit_fits(head[2].kind, q.unit):
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
        if not unit_fits(subject.kind, q.unit):
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
        confidence = Confidence.LOW if weak else gap_confidence(gap, self.lex)  # 总投资, 申请: named loosely
        before = prefix[:begin]
        for within_the_year in ("全年累计", "本年累计", "年度累计", "当年累计"):
            before = before.replace(within_the_year, "")  # 全年累计发放: the year's total, not several years'
        if any(b in before for b in ("上年", "去年", "以前年度", "累计", "其中")):
            confidence = Confidence.LOW
        if subject.kind in ("money", "rate") and not owned_by_project(prefix[:begin], self.lex):
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
                return Found(INDICATOR_SCORE, gap_confidence(prefix[end:], self.lex))  # no form: the report's row
            if any(Decimal(m.group("n")) < 100 for m in _MAXIMUM_STATED.finditer(sentence_before)):
                return Found(INDICATOR_SCORE, Confidence.LOW)  # the score of what the 分值 was of, not the project's
            return "total_score", Confidence.LOW, None
        return INDICATOR_SCORE, gap_confidence(prefix[end:], self.lex), indicator

    def _by_indicator_name(self, prefix: str, q):
        """An indicator's name (or alias, or stem) before the number: its figure;
        the role reader tells its 目标值 from its 完成值."""
        mention = self._mention_before(prefix)
        if mention is None:
            return None
        if mention.alias and self._other_population(prefix, mention):
            return None  # 群众满意度 is not the form's 被慰问企业满意度
        indicator = self.index.indicators[mention.index]
        if not indicator_unit_fits(indicator, q.unit, strict=mention.how == "stem"):
            return None
        gap = prefix[mention.end :]
        if mention.how == "stem" and gap:
            return None  # a bare stem owns only the number right after it
        for w in ("目标值", "指标值", "年度目标", "目标为", "预期", "计划", "实际完成值", "实际完成", "完成值"):
            gap = gap.replace(w, "")
        return INDICATOR_VALUE, gap_confidence(gap, self.lex), mention.index

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
        if owned_by_project(prefix, self.lex):
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
        if not indicator_unit_fits(self.index.indicators[context], q.unit, strict=True):
            return None
        blocked = any(b in neutralise(prefix, self.lex) for b in self.lex.blockers)
        return INDICATOR_VALUE, Confidence.LOW if blocked else Confidence.MEDIUM, context

    def _by_sentence(self, prefix: str, q, so_far: Found | None, sentence_before: str):
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
            if keyword is None or not unit_fits(keyword[2].kind, q.unit):
                return None
            return Found(keyword[2].key, Confidence.LOW, own_keyword=False)
        if kind_of_unit(q.unit) != kind_of_subject(so_far.subject, so_far.unit or q.unit):
            return None
        confidence = Confidence.MEDIUM if len(prefix) - cue.end() <= 4 else Confidence.LOW
        return Found(so_far.subject, min(confidence, so_far.confidence), so_far.indicator, own_keyword=False)

    def _by_source(self, prefix: str, q):
        """市级资金260.3万元, 省级配套补贴资金312万元: money named by where it comes from
        is (a part of) the budget; LOW, the words do not say which budget."""
        if q.unit != "万元" or not prefix.endswith(("资金", "经费")):
            return None
        if not any(w in prefix for w in self.lex.roles["sources"]):
            return None
        return Found("budget", Confidence.LOW)

    def _by_money_word(self, prefix: str, q, place: Place):
        """中央和省级财政资金共计128.79亿元 in a goals section: the money the goals come with (a budget, LOW),
        not an indicator's target."""
        if q.unit != "万元" or not place.in_targets:
            return None
        words = prefix
        for filler in ("共计", "合计", "总计", "共", "为", "达", "是", "：", ":"):
            words = words.removesuffix(filler)
        return Found("budget", Confidence.LOW) if words.endswith(("资金", "经费")) else None

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
            return Found(INDICATOR_VALUE, firm, own_keyword=not row_cue)
        if q.unit == "%" and row_cue and (any(w in sentence_before for w in _INDICATOR_WORDS) or in_indicators):
            return Found(INDICATOR_VALUE, firm, own_keyword=False)  # 产出质量：采购的原原种合格率，年度指标值≥90%，实际≥90%
        if q.unit in ("万元", "%", "分"):
            return None
        if label and row_cue:
            return Found(INDICATOR_VALUE, firm, own_keyword=False)
        if in_indicators or goal:
            return Found(INDICATOR_VALUE, Confidence.LOW)  # a count in the 产出/绩效目标 sections, or after 目标任务是：
        return None


def _names_an_indicator(words: str) -> bool:
    """本项指标评价得分, 该项得分, 指标评价得分: the score of one indicator."""
    return _THIS_INDICATOR.search(words) is not None
