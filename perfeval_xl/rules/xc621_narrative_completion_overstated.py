"""XC621: the report calls done an indicator the form marks partly done."""

import re

from perfeval_xl.model import Project
from perfeval_xl.narrative.indicators import (
    IndicatorIndex,
    heading_contexts,
    heading_title,
)
from perfeval_xl.narrative.wording import claims_completion, marked_partial
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.values.running_text import normalise_text

_SENTENCES = re.compile(r"[^。；;！!？?]+")


@rule(id="XC621", name="narrative.completion_overstated", severity="warning", title="报告称已完成而评价表为部分实现")
def check(project: Project, ctx: RuleContext) -> None:
    """报告说某指标已完成，而评价表该指标完成值为“部分实现”“未完成”等。

    为什么：样本评价表“走访慰问时间”完成值为“部分实现”（部分企业春节后才拨付），报告“产出时效”一节却写
    “2023年春节前完成”，报告把未全部实现的目标写成了完成。

    何时报告：某指标的评价表完成值为部分实现/部分完成/未完成/未实现/未达成等，而报告在以该指标为标题的小节
    中，或在写出该指标名称的句子里，说“完成”“实现”“达成”，且前面没有“未”“部分”“基本”等限定。

    何时通过：报告如实写“部分完成”“未能全部完成”；或说“完成情况”“完成值”等；或无法确定段落说的是哪个指标。
    完成值为“基本完成/基本符合”的不在此报告。
    """
    index = IndicatorIndex(project.indicators)
    partial = {i for i, ind in enumerate(project.indicators)
               if ind.actual.value is not None and marked_partial(ind.actual.value.text, ind.actual.value.level)}
    if not partial:
        return
    contexts = heading_contexts(project.narrative, index)
    for para, context in zip(project.narrative, contexts):
        if heading_title(para.text) is not None:
            continue
        text = normalise_text(para.text)
        for sentence in _SENTENCES.findall(text):
            named = {m.index for m in index.mentions(sentence)}
            about = (named or ({context} if context is not None else set())) & partial
            if not about or not claims_completion(sentence):
                continue
            for i in sorted(about):
                ind = project.indicators[i]
                ctx.report(
                    para.ref,
                    f"报告称“{ind.name.value}”已完成，而评价表{ind.actual.ref}完成值为“{ind.actual.value.text}”："
                    f"“{sentence}”。请如实说明未完成部分或更正评价表。",
                    expected=f"与评价表一致（{ind.actual.value.text}）",
                    actual=sentence,
                    related=[ind.actual],
                )
            break
