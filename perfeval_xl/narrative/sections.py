"""Where a paragraph stands in the report: under which headings, and whether
it is in the section that states the project's 绩效目标 (whose figures are
targets, not results).

Heading levels follow the numbering Chinese reports use: ``第一章``/``第一部分``
0, ``一、`` 1, ``（一）`` 2, ``1.``/``1、`` 3, ``（1）`` 4, ``①`` 5. A section
runs until the next heading of the same or a higher level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from perfeval_xl.values.running_text import normalise_text

_LEVELS = (
    (0, re.compile(r"^第[一二三四五六七八九十]+[章节部分]")),
    (1, re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")),
    (2, re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")),
    (3, re.compile(r"^\d{1,2}(?:[、．]|\.(?!\d))")),
    (4, re.compile(r"^[（(]\d{1,2}[）)]")),
    (5, re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩]")),
)
MAX_TITLE = 30

# A heading that opens the statement of goals: its figures are what was planned.
_TARGET_TITLE = re.compile(r"(?:绩效目标|年度目标|总体目标|阶段性目标|预期目标|目标任务|绩效指标)(?:及指标)?(?:设定|设置)?(?:情况)?"
                           r"[一二三四五六七八九十\d]?$")
# …unless it reports on them or is the indicator of that name being scored.
_NOT_TARGET = ("实现", "完成", "合理性", "明确性", "分析", "评价", "偏差", "对比")
# A goals section about handing out the money with its targets (一、绩效目标分解下达情况, the template of the
# transfer-payment self-evaluations): its amounts are what was allotted, its batches and projects are no outputs.
_ALLOCATION = ("下达", "分解")
# A paragraph that opens with a label and a colon: 年度总体目标一：通过…
_LEAD_LABEL = re.compile(r"^([^，,。；;：:]{2,12})[：:]")


@dataclass(frozen=True)
class Place:
    """A paragraph's place in the report."""

    titles: tuple[str, ...]  # the titles of the headings it sits under, outermost first
    in_targets: bool  # inside a 绩效目标 section
    is_heading: bool
    subproject: str = ""  # the sub-project a section of a report on several is about
    allocation: bool = False  # the goals section it is in is about handing out the money (绩效目标分解下达情况)
    results_in_goals: bool = False  # it tells what was done, under a goals heading: read as results, never firmly


def heading(text: str) -> tuple[int, str] | None:
    """(level, title) of a numbered heading, None for body text. A numbered
    paragraph that runs on (``1.资金安排情况。2023年…``) gives its lead-in as title."""
    text = normalise_text(text)
    for level, pattern in _LEVELS:
        m = pattern.match(text)
        if m:
            rest = text[m.end():]
            title = re.split(r"[。；;：:]", rest, maxsplit=1)[0].rstrip("。.")
            if 0 < len(title) <= MAX_TITLE and not re.search(r"[，,]", title):
                return level, title
            return None
    return None


# what was done: a paragraph saying it, and nothing of a plan, reports results even under a goals heading
_RESULT_WORDS = ("实际支付", "实际支出", "已支付", "已实际", "已全部", "执行到位", "分配到位", "已完成", "已拨付", "已下达")
_PLAN_WORDS = ("目标为", "目标是", "指标值", "计划", "预期", "预计", "力争", "确保", "不低于", "不少于", "目标任务", "拟")


def _reports_results(text: str) -> bool:
    text = normalise_text(text)
    return any(w in text for w in _RESULT_WORDS) and not any(w in text for w in _PLAN_WORDS)


def _is_target_title(title: str) -> bool:
    return bool(_TARGET_TITLE.search(title)) and not any(w in title for w in _NOT_TARGET)


def _opens_with_a_goal(text: str) -> bool:
    """``年度总体目标一：…`` states a goal in its own paragraph, without a numbered heading."""
    m = _LEAD_LABEL.match(normalise_text(text))
    return m is not None and _is_target_title(m.group(1))


def places(paragraphs) -> list[Place]:
    """The place of each paragraph (``paragraphs`` are model Paragraphs)."""
    stack: list[tuple[int, str, bool]] = []  # (level, title, opens the goals)
    found: list[Place] = []
    texts = [p.text for p in paragraphs]
    headings = [heading(t) for t in texts]
    for i, h in enumerate(headings):
        if h is not None:
            level, title = h
            while stack and stack[-1][0] >= level:
                stack.pop()
            goals = _is_target_title(title) and not _scored_indicator(headings, i, level, stack)
            stack.append((level, title, goals))
        own_goal = h is None and _opens_with_a_goal(texts[i])
        in_targets = any(goals for _, _, goals in stack) or own_goal
        innermost = next((t for _, t, goals in reversed(stack) if goals), "")
        allocation = not own_goal and any(w in innermost for w in _ALLOCATION)
        titles = tuple(t for _, t, _ in stack)
        results = in_targets and not own_goal and _reports_results(texts[i])
        if results:
            # …绩效目标情况 sections often tell what was done (全年实际支付35.3万元): no goals, no indicators here
            in_targets, titles = False, tuple(t for _, t, goals in stack if not goals)
        found.append(Place(titles, in_targets, h is not None and _is_heading_only(texts[i]), allocation=allocation,
                           results_in_goals=results))
    return _with_subprojects(found)


# A heading that names one of several projects a report covers (（1）“数说红河”展厅运维经费).
_SUBPROJECT = re.compile(r"(?:经费|项目|专项|专项资金|补助资金|工程)$")
_GENERIC = ("资金", "基本情况", "概况", "决策", "过程", "产出", "效益", "管理", "投入", "使用", "立项", "绩效", "评价",
            "目标", "预算", "到位", "执行", "组织", "实施", "问题", "建议", "经验", "做法", "结论", "背景", "主要内容")


def _is_subproject_title(title: str) -> bool:
    core = title.strip("“”\"")
    return len(core) >= 5 and bool(_SUBPROJECT.search(core)) and not core.startswith(_GENERIC)


def _with_subprojects(found: list[Place]) -> list[Place]:
    """A report on several projects has a section per project: its figures are
    that project's, a part of the report's whole. One such heading alone is
    the project itself."""
    names = {t for p in found for t in p.titles if _is_subproject_title(t)}
    if len(names) < 2:
        return found
    return [replace(p, subproject=next((t for t in reversed(p.titles) if t in names), "")) for p in found]


def _is_heading_only(text: str) -> bool:
    """A heading line, not a numbered paragraph that runs on."""
    text = normalise_text(text)
    return len(text) <= MAX_TITLE + 6 and not re.search(r"[。；;]..", text)


_ANALYSIS = ("指标分析", "评价情况", "决策情况", "项目决策", "绩效分析", "得分情况")


def _scored_indicator(headings, i: int, level: int, stack) -> bool:
    """``2、绩效目标`` in the indicator analysis is the 二级指标 being scored: it
    sits under an analysis heading, or the headings under it end in 合理性/明确性."""
    if any(w in t for _, t, _ in stack for w in _ANALYSIS):
        return True
    for h in headings[i + 1 : i + 4]:
        if h is None:
            continue
        if h[0] <= level:
            break
        if h[1].endswith(("合理性", "明确性")):
            return True
    return False
