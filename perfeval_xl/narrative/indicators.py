"""Which form indicator a piece of report text is about.

A report names an indicator either in the sentence (走访慰问困难企业数20家),
by a short alias (满意度100%, when only one indicator ends in 满意度), or by
the heading it sits under (``3、产出时效`` followed by ``2023年春节前完成。``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from perfeval_xl.model import Indicator
from perfeval_xl.narrative.lexicon import load_lexicon
from perfeval_xl.values.running_text import normalise_text

_HEADING = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．)）]|第[一二三四五六七八九十]+[章节部分])"
    r"(?P<title>.+)$"
)


MAX_PARAGRAPHS_UNDER_HEADING = 3
_COUNT_SUFFIX = re.compile(r"(?:人数|户数|个数|次数|数量|数)$")


def heading_title(text: str) -> str | None:
    """The title of a numbered heading (``（1）管理制度健全性`` -> 管理制度健全性),
    None for body text."""
    m = _HEADING.match(normalise_text(text))
    if not m:
        return None
    title = m.group("title").rstrip("。.：:")
    if len(title) > 25 or re.search(r"[，,。；;]", title):
        return None
    return title


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    index: int  # into Project.indicators
    how: str = "name"  # name | alias (满意度) | stem (培训农户 for 培训农户人数)

    @property
    def alias(self) -> bool:
        return self.how == "alias"


class IndicatorIndex:
    """Looks indicators up by name, alias or heading title."""

    def __init__(self, indicators: tuple[Indicator, ...] = ()):
        self.indicators = indicators
        self.names: dict[str, int] = {}
        for i, ind in enumerate(indicators):
            name = normalise_text(ind.name.value or "")
            if len(name) >= 3:  # a two-character name (成本) would match too much prose
                self.names.setdefault(name, i)
        self.aliases: dict[str, int] = {}
        for alias in load_lexicon().indicator_aliases:
            owners = [i for n, i in self.names.items() if n.endswith(alias)]
            if len(owners) == 1:
                self.aliases[alias] = owners[0]
        # 培训农户人数 is written 培训农户526人: the name without its counting suffix,
        # accepted only with the indicator's own unit (checked by the extractor)
        stems: dict[str, list[int]] = {}
        for name, i in self.names.items():
            stem = _COUNT_SUFFIX.sub("", name)
            if stem != name and len(stem) >= 3:
                stems.setdefault(stem, []).append(i)
        self.stems = {stem: owners[0] for stem, owners in stems.items() if len(owners) == 1 and stem not in self.names}
        self._words: list[tuple[str, int, str]] | None = None
        self.level2: dict[str, list[int]] = {}
        for i, ind in enumerate(indicators):
            self.level2.setdefault(normalise_text(ind.level2.value or ""), []).append(i)

    def by_title(self, title: str) -> int | None:
        """The indicator a heading is about: its 三级 name, an 二级 name with a
        single indicator, or an alias."""
        if title in self.names:
            return self.names[title]
        group = self.level2.get(title)
        if group and len(group) == 1:
            return group[0]
        for alias, index in self.aliases.items():
            if title.endswith(alias):
                return index
        return None

    def mentions(self, text: str) -> list[Mention]:
        """Indicator names and aliases in ``text`` (normalised), longest match
        wins where they overlap."""
        found: list[Mention] = []
        taken: set[int] = set()
        for word, index, how in self._words_longest_first():
            start = text.find(word)
            while start != -1:  # non-overlapping occurrences, left to right
                end = start + len(word)
                span = set(range(start, end))
                if not span & taken:
                    taken |= span
                    found.append(Mention(start, end, index, how))
                start = text.find(word, end)
        return sorted(found, key=lambda m: m.start)

    def _words_longest_first(self) -> list[tuple[str, int, str]]:
        if self._words is None:
            words = (
                [(w, i, "name") for w, i in self.names.items()]
                + [(w, i, "alias") for w, i in self.aliases.items()]
                + [(w, i, "stem") for w, i in self.stems.items()]
            )
            self._words = sorted((w for w in words if w[0]), key=lambda p: -len(p[0]))
        return self._words


def heading_contexts(paragraphs, index: IndicatorIndex) -> list[int | None]:
    """For each paragraph, the indicator its nearest heading is about (None
    when that heading names no indicator). A heading starts a new context."""
    contexts: list[int | None] = []
    current: int | None = None
    since = 0
    for para in paragraphs:
        title = heading_title(para.text)
        if title is not None:
            current, since = index.by_title(title), 0
        else:
            since += 1
        lead = lead_in_title(para.text)
        if lead is not None and index.by_title(lead) is not None:
            contexts.append(index.by_title(lead))  # "3.产出时效：…" names its own indicator
            continue
        # a heading governs the few paragraphs under it, not the rest of the report
        # when the next section's heading is not numbered
        contexts.append(current if since <= MAX_PARAGRAPHS_UNDER_HEADING else None)
    return contexts


def lead_in_title(text: str) -> str | None:
    """The label of a numbered paragraph that runs on after a colon
    (``3.产出时效：受企业材料…`` -> 产出时效)."""
    m = _HEADING.match(normalise_text(text))
    if not m:
        return None
    label, colon, _ = m.group("title").replace(":", "：").partition("：")
    return label if colon and 2 <= len(label) <= 25 else None
