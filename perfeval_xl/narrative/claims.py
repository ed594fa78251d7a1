"""Claim extraction: every figure the report states about this project.

For each number with a unit the extractor tries, in order: the head of a
worked formula, the nearest subject keyword of the lexicon (``lexicon.toml``)
inside its clause, 得分/得N分, an indicator's name, the indicator its heading
is about, and a subject word right after the amount (…万元已全部到位). Words between keyword and number that signal another
subject (其中, 同比, 每家, 上年 …) or a bound (不低于, 以上) lower the
confidence to LOW, and rules never raise a warning or error on a LOW claim:
a false alarm costs more trust than a missed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum

from perfeval_xl.model import CellRef, Paragraph, Project
from perfeval_xl.narrative.indicators import IndicatorIndex, heading_contexts
from perfeval_xl.narrative.lexicon import Lexicon, load_lexicon
from perfeval_xl.narrative.numbers import COUNT_NUMBER, chinese_to_decimal, find_quantities, normalise_text

# Subjects that are not in the lexicon because they are found by pattern.
COUNT_SUBJECTS = {"一": "count_level1", "二": "count_level2", "三": "count_level3"}
INDICATOR_ACTUAL = "indicator_actual"
INDICATOR_TARGET = "indicator_target"
INDICATOR_SCORE = "indicator_score"
INDICATOR_DEDUCTION = "indicator_deduction"

_CLAUSE_END = "，,。；;！!？?\n"
_SENTENCE_END = "。；;！!？?\n"
_COUNT_AFTER = re.compile(rf"(?P<n>{COUNT_NUMBER})[个项条](?P<level>[一二三])级指标")
_COUNT_BEFORE = re.compile(rf"(?P<level>[一二三])级指标(?:共|共有|有|数量为|数为)?(?P<n>{COUNT_NUMBER})[个项条]")
_DEDUCTION = re.compile(r"扣(?:除|减)?(?P<n>\d+(?:\.\d+)?)分")
_GRADE = re.compile(
    r"(?:等级|等次|评价结果|评价结论|评定)(?:为|是|：|:|评定为|确定为|属于|达到)?[“\"‘'「《]?"
    r"(?P<grade>优秀|良好|中等|较差|优|良|中|差)(?![等级])"
)
_TRAILING_ARRIVED = re.compile(r"^(?:已经|已|全部|足额|均|按时|及时|全额)*(?:到位|到账)")
_GRADE_WORD = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差"}
# A year that names a period (2022年预算), not a date (截至2024年3月底, 2024年1月).
_YEAR = re.compile(r"(?<!截至)(?<!截止)(?<!截止到)(?<!于)((?:19|20)\d{2})年(?!\d{1,2}月|底|末)")
_TARGET_WORDS = ("目标值", "指标值", "年度目标", "目标为", "预期", "计划")
_BOUND_AFTER = ("以上", "以下", "以内", "左右", "多", "余")


# Returned by a step that has decided the number is no claim, to stop the others.
_NO_CLAIM = ("", None, None)


class Confidence(IntEnum):
    LOW = 1  # ambiguous: never more than info
    MEDIUM = 2
    HIGH = 3


@dataclass(frozen=True)
class Claim:
    """One figure the report states.

    ``value``: money in 万元, percentages as a fraction, counts and scores as
    numbers (all Decimal); grades as 优/良/中/差. ``indicator`` indexes
    ``Project.indicators`` for the indicator_* subjects.
    """

    subject: str
    value: Decimal | str
    unit: str
    ref: CellRef
    fragment: str
    confidence: Confidence
    paragraph: int  # index into the narrative
    decimals: int | None = None
    indicator: int | None = None
    period: int | None = None  # a year written in the clause, if any

    @property
    def trusted(self) -> bool:
        """Firm enough to raise a warning or an error on."""
        return self.confidence >= Confidence.MEDIUM


def _fragment(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], clipped to a readable length."""
    left = max((text.rfind(c, 0, start) for c in _SENTENCE_END), default=-1) + 1
    right = min((i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0), default=len(text))
    sentence = text[left:right]
    if len(sentence) > 60:
        a = max(start - left - 30, 0)
        sentence = ("…" if a else "") + sentence[a : a + 60] + ("…" if a + 60 < len(sentence) else "")
    return sentence


def _clause_start(text: str, pos: int) -> int:
    return max((text.rfind(c, 0, pos) for c in _CLAUSE_END), default=-1) + 1


def _sentence_start(text: str, pos: int) -> int:
    return max((text.rfind(c, 0, pos) for c in _SENTENCE_END), default=-1) + 1


def _neutralise(text: str, lex: Lexicon) -> str:
    """Remove phrases that contain a blocker but are harmless (按计划完成)."""
    for phrase in lex.harmless:
        text = text.replace(phrase, "")
    return text


def _gap_confidence(gap: str, lex: Lexicon) -> Confidence:
    """How firmly a keyword owns a number, from the words between them."""
    gap = _neutralise(gap, lex)
    if any(b in gap for b in lex.blockers):
        return Confidence.LOW
    for filler in lex.fillers:
        gap = gap.replace(filler, "")
    if not gap:
        return Confidence.HIGH
    return Confidence.MEDIUM if len(gap) <= 8 else Confidence.LOW


class _Extractor:
    def __init__(self, project: Project | None):
        self.lex = load_lexicon()
        self.keywords = self.lex.keyword_index()
        self.index = IndicatorIndex(project.indicators if project else ())
        self.year = project.year.value if project and project.year.present else None

    def _nearest_keyword(self, prefix: str):
        """(start, end, subject) of the subject keyword ending closest to the
        number; the longest keyword wins a tie (keywords are longest first)."""
        found = []
        for kw, subject in self.keywords:
            at = prefix.rfind(kw)
            if at >= 0:
                found.append((at, at + len(kw), subject))
        if not found:
            return None
        best = max(found, key=lambda f: f[1])  # max keeps the first (longest) on a tie
        if best[2].key == "budget":
            # 年初预算资金: the generic 预算资金 overlaps a specific keyword, which says more
            specific = [f for f in found if f[2].key != "budget" and best[0] < f[1] <= best[1] and f[0] < best[0]]
            if specific:
                return max(specific, key=lambda f: f[1])
        return best

    def _other_population(self, text: str, mention) -> bool:
        """Is an alias (满意度) qualified by a population the indicator's name
        does not have (群众满意度 vs 被慰问企业满意度)?"""
        name = normalise_text(self.index.indicators[mention.index].name.value or "")
        before = text[max(0, mention.start - 4) : mention.start]
        return any(p in before and p not in name for p in self.lex.populations)

    def paragraph(self, i: int, para: Paragraph, context: int | None) -> list[Claim]:
        text = normalise_text(para.text)
        claims: list[Claim] = []
        used: list[tuple[int, int]] = []

        def add(subject, value, unit, start, end, confidence, decimals=None, indicator=None, period=None):
            claims.append(
                Claim(subject, value, unit, para.ref, _fragment(text, start, end), confidence, i,
                      decimals, indicator, period)
            )
            used.append((start, end))

        for pattern in (_COUNT_AFTER, _COUNT_BEFORE):
            for m in pattern.finditer(text):
                n = chinese_to_decimal(m.group("n")) if not m.group("n")[0].isdigit() else Decimal(m.group("n"))
                if n is not None:
                    add(COUNT_SUBJECTS[m.group("level")], n, "个", m.start(), m.end(),
                        self._pattern_confidence(text, m.start()))
        for m in _GRADE.finditer(text):
            grade = _GRADE_WORD.get(m.group("grade"), m.group("grade"))
            add("grade", grade, "", m.start(), m.end(), self._pattern_confidence(text, m.start()))
        for m in _DEDUCTION.finditer(text):
            target = self._indicator_in(text, m.start(), context)
            if target is not None:
                add(INDICATOR_DEDUCTION, Decimal(m.group("n")), "分", m.start(), m.end(), Confidence.HIGH,
                    indicator=target)

        for q in find_quantities(text):
            if any(a <= q.start < b for a, b in used):
                continue
            claim = self._quantity_claim(text, q, context)
            if claim is not None:
                subject, confidence, indicator, period = claim
                add(subject, q.value, q.unit, q.start, q.end, confidence, q.decimals, indicator, period)
        return claims

    def _indicator_in(self, text: str, pos: int, context: int | None) -> int | None:
        """The indicator a clause ending at ``pos`` is about: one named in the
        sentence before it, else the heading's."""
        mentions = [m for m in self.index.mentions(text) if _sentence_start(text, pos) <= m.start < pos]
        return mentions[-1].index if mentions else context

    def _quantity_claim(self, text: str, q, context: int | None):
        """(subject, confidence, indicator, period) for one number, or None
        when nothing in its clause says what it is about."""
        clause_start = _clause_start(text, q.start)
        sentence_before = text[_sentence_start(text, q.start) : q.start]
        prefix = text[clause_start : q.start]
        after = text[q.end : q.end + 2]
        if q.unit == "%" and after.startswith("的"):
            return None  # "20%的单位": a share of something else, not a rate claim
        # a year written earlier in the sentence governs its later clauses too
        years = [int(y) for y in _YEAR.findall(sentence_before)]
        period = years[-1] if years else None
        found = (
            self._formula_result(prefix, q)
            or self._by_keyword(prefix, q)
            or self._by_score_word(prefix, q, context)
            or self._by_indicator_name(prefix, q)
            or self._by_heading(prefix, q, context)
            or self._by_trailing_word(prefix, text[q.end : q.end + 12])
        )
        if found is None or found is _NO_CLAIM:
            return None
        subject, confidence, indicator = found
        caveat = (
            self._elsewhere(sentence_before)  # another year or another project
            or after.startswith(_BOUND_AFTER)  # 95%以上: a bound, not a figure
            or "其中" in sentence_before  # a part of a larger amount
            or "每" in sentence_before  # 每户2000元，合计8万元: a local sum, maybe not the project's
        )
        return subject, Confidence.LOW if caveat else confidence, indicator, period

    def _elsewhere(self, sentence_before: str) -> bool:
        """Is the sentence about another year or another project (2022年同类项目中…)?"""
        years = [int(y) for y in _YEAR.findall(sentence_before)]
        if years and self.year is not None and years[-1] != self.year:
            return True
        return any(w in sentence_before for w in self.lex.elsewhere)

    def _pattern_confidence(self, text: str, start: int) -> Confidence:
        return Confidence.LOW if self._elsewhere(text[_sentence_start(text, start) : start]) else Confidence.HIGH

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

    def _by_keyword(self, prefix: str, q):
        """A lexicon keyword owns the number, unless an indicator name stands
        closer to it."""
        keyword = self._nearest_keyword(prefix)
        mention = self._mention_before(prefix)
        if keyword is None or (mention is not None and mention.end > keyword[1]):
            return None
        begin, end, subject = keyword
        if not _unit_fits(subject.kind, q.unit):
            return _NO_CLAIM  # 占预算的100%: the nearest subject word rules the number out
        if any(w in prefix[begin:] for w in self.lex.maximum_words):
            return _NO_CLAIM  # 总分值100分, 满分20分: the scale, not a result
        confidence = _gap_confidence(prefix[end:], self.lex)
        if any(b in prefix[:begin] for b in ("上年", "去年", "以前年度", "累计", "其中")):
            confidence = Confidence.LOW
        if subject.kind in ("money", "rate") and not _owned_by_project(prefix[:begin], self.lex):
            confidence = Confidence.LOW  # 慰问金支出57万元: a part of the spending, not the project's
        return subject.key, confidence, None

    def _by_score_word(self, prefix: str, q, context: int | None):
        """得分N分 / 得N分: an indicator's score when the sentence or heading
        names one; otherwise it could be anything, so the total at LOW."""
        if q.unit != "分" or not ("得分" in prefix or prefix.endswith("得")):
            return None
        end = prefix.rfind("得分") + 2 if "得分" in prefix else len(prefix)
        mention = self._mention_before(prefix)
        indicator = mention.index if mention else context
        if indicator is None:
            return "total_score", Confidence.LOW, None
        return INDICATOR_SCORE, _gap_confidence(prefix[end:], self.lex), indicator

    def _by_indicator_name(self, prefix: str, q):
        """An indicator's name (or alias, or stem) before the number: its
        完成值, or its 目标值 when 目标/指标值 stands between."""
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
        subject = INDICATOR_TARGET if any(w in gap for w in _TARGET_WORDS) else INDICATOR_ACTUAL
        for w in _TARGET_WORDS:
            gap = gap.replace(w, "")
        return subject, _gap_confidence(gap, self.lex), mention.index

    def _by_trailing_word(self, prefix: str, after: str):
        """项目资金60万元已全部到位: the subject word follows the amount."""
        m = _TRAILING_ARRIVED.match(after)
        if m is None or not _owned_by_project(prefix, self.lex):
            return None
        return "arrived", Confidence.MEDIUM, None

    def _by_heading(self, prefix: str, q, context: int | None):
        """No subject word, but the section is about one indicator and the
        number has that indicator's unit: its 完成值, at MEDIUM."""
        if context is None or q.unit == "%":
            return None
        if not _indicator_unit_fits(self.index.indicators[context], q.unit, strict=True):
            return None
        blocked = any(b in _neutralise(prefix, self.lex) for b in self.lex.blockers)
        return INDICATOR_ACTUAL, Confidence.LOW if blocked else Confidence.MEDIUM, context


def _owned_by_project(before: str, lex: Lexicon) -> bool:
    """Are the words before a money/rate keyword about the project as a whole
    (该项目, 项目资金, nothing) rather than a part or another scope?"""
    before = _YEAR.sub("", re.sub(r"(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?", "", before))
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
    """Every claim in ``paragraphs`` (in order). ``project`` supplies the
    indicator names and the evaluation year; without it only project-level
    subjects are recognised."""
    extractor = _Extractor(project)
    paragraphs = tuple(paragraphs)
    contexts = heading_contexts(paragraphs, extractor.index)
    claims: list[Claim] = []
    for i, (para, context) in enumerate(zip(paragraphs, contexts)):
        claims.extend(extractor.paragraph(i, para, context))
    return claims
