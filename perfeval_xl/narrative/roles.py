"""How a figure stands to its subject: what happened (actual), a sum of the
items beside it (total), one of those items (part), a plan (target), a scale
(maximum), another period (earlier) or a round number (approximate).

The vocabulary is the one of tests/fixtures/real_reports/README.md. Rules
compare only like with like; only an ``actual`` is ever held against the form.
The words that decide a role are data (``[roles]`` in ``lexicon.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from perfeval_xl.narrative.lexicon import Lexicon

ACTUAL = "actual"
TOTAL = "total"
PART = "part"
TARGET = "target"
MAXIMUM = "maximum"
EARLIER = "earlier"
APPROXIMATE = "approximate"
ROLES = (ACTUAL, TOTAL, PART, TARGET, MAXIMUM, EARLIER, APPROXIMATE)
ROLE_LABELS = {
    ACTUAL: "实际数", TOTAL: "合计数", PART: "分项数", TARGET: "目标值", MAXIMUM: "满分/分值",
    EARLIER: "以前年度数", APPROXIMATE: "约数",
}

# A year that names a period (2022年预算), not a date (截至2024年3月底, 2024年1月).
YEAR = re.compile(r"(?<!截至)(?<!截止)(?<!截止到)(?<!于)((?:19|20)\d{2})年(?!\d{1,2}月|底|末)")
_LEADING_FILLERS = ("为", "达到", "达", "了", "：", ":", "是", "在")
_ASIDE = re.compile(r"[（(][^（()）]*[）)]")


def years_in(sentence: str) -> list[int]:
    """The years a sentence names as periods, outside its asides: in
    ``共15个（含2023年转列项目5个），年初预算985万元`` the 2023 governs nothing after it."""
    return [int(y) for y in YEAR.findall(_ASIDE.sub("", sentence))]
# figures that grow through the year: a mid-year value is an earlier one
_RUNNING = ("spent", "execution_rate", "balance")
# 截至11月30日 in a report written in December is what the report states as the year's (its role is actual,
# at LOW confidence: the year had a month to go); 截至6月底 is a mid-year figure (earlier)
LATE_MONTH = 11
_AS_OF = re.compile(r"(?:截至|截止到?)(?:(?P<year>(?:19|20)\d{2})年)?(?P<month>\d{1,2})月")


@dataclass(frozen=True)
class Around:
    """The words around one number, as the role reader needs them."""

    local: str  # from the previous number in the clause (or the clause start) to the number
    clause: str  # from the clause start to the number
    sentence: str  # from the sentence start to the number
    after: str  # the rest of the sentence after the number
    unit: str
    value: object  # the number (Decimal)
    subject: str
    approximate: bool  # written with 余/多 inside (1200余人)
    in_targets: bool  # the paragraph is in the 绩效目标 section
    own_keyword: bool  # the clause names its subject itself (not inherited from the sentence)
    same_kind_before: bool  # the sentence has a number of this unit before this one
    maximum_before: bool  # a maximum was stated earlier in the sentence (满分100分，其中…)
    full_sentence: str = ""  # from the last 。 to the number (a list after 其中 runs on over ；)
    amounts: int = 1  # how many amounts of money its sentence states


class RoleReader:
    def __init__(self, lex: Lexicon, year: int | None):
        self.words = lex.roles
        self.harmless = lex.harmless  # 按计划完成 is done, not planned
        self.year = year
        self.lex = lex

    def role(self, a: Around) -> str:
        for decide in (self._earlier, self._maximum, self._target, self._approximate, self._part, self._total):
            role = decide(a)
            if role:
                return role
        return ACTUAL

    def _has(self, key: str, text: str) -> bool:
        return any(w in text for w in self.words[key])

    def _earlier(self, a: Around) -> str | None:
        if a.subject in _RUNNING and self._during_the_year(a.sentence, a.clause):
            return EARLIER  # 截至6月底支出30万元: the year's spending so far, not its total
        years = years_in(a.sentence)
        if years and self.year is not None and years[-1] != self.year:
            return EARLIER if years[-1] < self.year else TARGET  # 2024年预算 in a 2023 report is a plan
        clause = a.clause
        for word in self.words["earlier_not"]:
            clause = clause.replace(word, "")
        return EARLIER if self._has("earlier", clause) else None

    def _during_the_year(self, sentence: str, clause: str) -> bool:
        if any(w in clause for w in ("全年", "年底", "年末", "年度")):
            return False  # 上半年执行率45%，全年执行率100%
        if any(w in clause for w in ("上半年", "一季度", "二季度", "三季度", "第一季度", "第二季度", "第三季度", "前三季度")):
            return True
        return any(month < LATE_MONTH for month in self._cut_off_months(sentence))

    def _cut_off_months(self, sentence: str) -> list[int]:
        """The months of the evaluated year a 截至… date in the sentence names."""
        months = []
        for m in _AS_OF.finditer(sentence):
            year = int(m.group("year")) if m.group("year") else self.year
            if year == self.year or self.year is None:
                months.append(int(m.group("month")))
        return months

    def before_year_end(self, subject: str, sentence: str) -> bool:
        """截至11月30日已拨付8010万元: the figure as the report was written (role actual),
        but not yet the year's: no rule should hold it firmly against a year-end figure."""
        return subject in _RUNNING and any(month < 12 for month in self._cut_off_months(sentence))

    def _maximum(self, a: Around) -> str | None:
        if a.unit not in ("分", "%"):
            return None
        scored = "得" in a.local or "扣" in a.local
        if self._has("maximum", a.local) and not scored:
            return MAXIMUM
        if a.unit == "分" and a.after.startswith("制"):
            return MAXIMUM  # 百分制, 100分制
        if a.unit == "分" and a.local.endswith(("（", "(")) and a.after.startswith(("）", ")")):
            return MAXIMUM  # 项目决策（20分）: the weight written into the label
        if a.subject == "total_score" and a.value == 100 and a.local.endswith(("总分", "总分为", "总分：", "总分:")) and not scored:
            return MAXIMUM  # 总分100分 describing the system
        if a.unit == "分" and a.maximum_before and not scored and not re.search(r"评|实际", a.local):
            return MAXIMUM  # 满分100分，其中项目决策20分、…
        return None

    def _target(self, a: Around) -> str | None:
        clause = self._without_harmless(a.clause)
        actual_at = max((clause.rfind(w) for w in self.words["actual"]), default=-1)
        plan_words = self.words["target"]
        if actual_at >= 0:  # 实际≥90%: the comparator qualifies what happened
            plan_words = tuple(w for w in plan_words if w not in self.words["comparators"])
        target_at = max((clause.rfind(w) for w in plan_words), default=-1)
        if target_at > actual_at:
            return TARGET
        if a.after.startswith(self.words["target_after"]):
            return TARGET
        if a.in_targets and actual_at < 0:
            return TARGET
        if actual_at < 0 and self._plan_sentence(a.full_sentence or a.sentence):
            return TARGET  # 计划新建冷藏库10个，容量约5万立方米；物流中心约2万平方米: the whole plan
        if actual_at < 0 and a.unit not in ("万元", "分") and _GOAL_CUE.search(a.full_sentence or a.sentence):
            return TARGET  # 目标任务是：改造老旧小区120个，发放租赁补贴3500户: every output the goal lists
        if actual_at < 0 and a.unit not in ("万元", "分", "%") and _QUOTA.search(a.clause):
            return TARGET  # 下达的开工指标为76万套
        return None

    def _without_harmless(self, text: str) -> str:
        for phrase in self.harmless:
            text = text.replace(phrase, "")
        return text

    def _plan_sentence(self, sentence: str) -> bool:
        """Does the sentence open with a plan (计划…, 预计…, 目标是…)?"""
        head = self._without_harmless(sentence)
        head = re.sub(r"^(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]|(?:19|20)\d{2}年(?:度)?)+", "", head)
        return head.startswith(("计划", "预计", "拟", "力争", "目标是", "目标为"))

    def _approximate(self, a: Around) -> str | None:
        if a.approximate or a.after.startswith(self.words["approximate_after"]):
            return APPROXIMATE
        before = a.local
        for filler in _LEADING_FILLERS:
            before = before.removesuffix(filler)
        return APPROXIMATE if before.endswith(self.words["approximate_before"]) else None

    def _part(self, a: Around) -> str | None:
        if self._has("part", a.clause.replace("包括在内", "")):
            return PART
        if a.unit == "万元" and _BATCH.search(a.clause):
            return PART  # 第一批项目批复投资3374.3万元: one batch of several
        if a.unit == "万元" and _TAKEN_FROM.search(a.clause):
            return PART  # 从奖励资金31714万元中分配20977.80万元: a share of the amount before
        if "其中：" in a.full_sentence or "其中:" in a.full_sentence or (not a.own_keyword and "其中" in a.full_sentence):
            return PART  # 其中：30万元用于编制；30万元用于审计, 其中：道路支出180万元，亮化支出90万元: the list runs on
        if a.unit == "万元" and a.amounts > 1 and not _BREAKDOWN_AFTER.match(a.after) \
                and _one_of_several_sources((a.full_sentence or a.sentence) + a.after, a.local, self.words["sources"]):
            return PART  # 省财政安排30万元，县财政配套20万元 (not 中央和省级资金共下达725.63万元): one source of the money
        if not a.own_keyword and "其中" in a.sentence:
            return PART  # 其中中央资金80万元、省级资金20万元: the list goes on after 其中
        opened = max(a.sentence.rfind("（"), a.sentence.rfind("("))
        closed = max(a.sentence.rfind("）"), a.sentence.rfind(")"))
        if opened > closed and a.sentence[opened + 1 : opened + 2] == "含":
            return PART  # 985万元（含结转项目50万元）
        total_at = _total_follows(a.after, self.words["total"], a.unit)
        if total_at is not None and not _BREAKDOWN_FOLLOWS.match(a.after) and not self._names_another(a, total_at):
            # 运维服务费88万元、配件费7.13万元，合计95.13万元 (not 2089万元，其中…合计1777万元, nor 预算6800万元，执行数合计6500万元)
            return PART
        return None

    def _names_another(self, a: Around, total_at: int) -> bool:
        """Does the total that follows name a subject other than this figure's (执行数合计 after a 预算)?"""
        if a.subject not in self.lex.subjects:
            return False
        words = self.lex.masked(a.after[: total_at + 8])
        return any(kw in words for s in self.lex.subjects.values() if s.key != a.subject for kw in s.keywords)

    def _total(self, a: Around) -> str | None:
        if not self._has("total", a.local):
            return None
        if a.same_kind_before or "其中" in a.after:
            return TOTAL
        return None


# 市级资金260.3万元，用于督查奖励10万元…: the amount is the whole of a list, not only one of several sources
_BREAKDOWN_AFTER = re.compile(r"^[^。；;]{0,12}[，,（(：:]\s*(?:其中|用于|包括)|.*其中")
_BREAKDOWN_FOLLOWS = re.compile(r"^[，,：:（(]?其中")
# 目标任务是：…, 绩效目标：一是…: the outputs and rates after it are goals (质量指标：… is only a label)
_GOAL_CUE = re.compile(r"目标(?:任务)?(?:是|为)?[：:]")
# 开工指标为76万套: a count given as a quota
_QUOTA = re.compile(r"指标(?:是|为)")
_TAKEN_FROM = re.compile(r"从[^，,。；;]*\d[^，,。；;]*中")
_BATCH = re.compile(r"第[一二三四五六七八九十\d]{1,3}(?:批|期|标段)")


def _one_of_several_sources(sentence: str, local: str, sources: tuple[str, ...]) -> bool:
    """Does the sentence name two or more sources of money, this amount being one of them?"""
    named = {w for w in sources if w in sentence}
    return len(named) >= 2 and any(w in local for w in named)


def _total_follows(after: str, words: tuple[str, ...], unit: str) -> int | None:
    """Where a total of this unit follows later in the sentence (合计…95.13万元), if one does."""
    found = []
    for word in words:
        if len(word) < 2:
            continue  # 共 alone is too common (共同, 公共) to announce a total
        at = after.find(word)
        if at >= 0 and unit in after[at : at + len(word) + 16]:
            found.append(at)
    return min(found, default=None)
