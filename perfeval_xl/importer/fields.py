"""Header fields, the 评价等次, and what the form leaves to the report
(a year in the title, the 评价方式 named in the narrative)."""

from __future__ import annotations

import re

from perfeval_xl.importer.labels import FIELDS, GRADE, match
from perfeval_xl.model import GRADES

_CHECKED = "☑☒✓✔√■●▣⊠"
_GRADE_WORDS = (("优秀", "优"), ("良好", "良"), ("中等", "中"), ("较差", "差"), ("不合格", "差"))
_YEAR = re.compile(r"(20\d\d)\s*年")


def field_pairs(cells: list[str]) -> list[tuple[str, str]]:
    """(field, value) pairs of a header row: ``项目名称 | 值`` or ``项目名称：值``."""
    pairs = []
    for i, cell in enumerate(cells):
        key = match(cell, FIELDS, prefix=True)
        if key is None:
            continue
        _, colon, inline = cell.partition("：") if "：" in cell else cell.partition(":")
        if colon and inline.strip():  # 项目名称：值 in one cell
            pairs.append((key, inline.strip()))
            continue
        value = ""
        for following in cells[i + 1:]:
            if match(following, FIELDS, prefix=True) is not None:
                break  # the next label: this field was left blank
            if following:
                value = following
                break
        pairs.append((key, value))
    return pairs


def parse_year(text: str) -> int | None:
    digits = re.sub(r"\D", "", text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    return int(digits[:4]) if len(digits) >= 4 and digits[:2] in ("19", "20") else None


def year_in(text: str) -> int | None:
    m = _YEAR.search(text or "")
    return int(m.group(1)) if m else None


def method_in(text: str) -> str | None:
    """The 评价方式 a text names, by its most frequent mention (None if none)."""
    counts = {
        "单位自评": text.count("自评"),
        "部门评价": text.count("部门评价"),
        "财政评价": text.count("财政评价") + text.count("重点评价"),
    }
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def normalize_method(text: str) -> str:
    return method_in(text) or text.strip()


def grade_cell(cells: list[str]) -> str | None:
    """The text after the 评价等次 label, on the same row or in the same cell."""
    for i, cell in enumerate(cells):
        key = match(cell, GRADE, prefix=True)
        if key is None:
            continue
        rest = re.split(r"[:：]", cell, maxsplit=1)
        if len(rest) == 2 and rest[1].strip():
            return rest[1].strip()
        return next((c for c in cells[i + 1:] if c), "")
    return None


def parse_grade(text: str) -> str | None:
    """优/良/中/差 from ``优``, ``优秀``, ``优☑良□中□差□`` or ``☑优 □良``; None if unclear."""
    text = re.sub(r"\s+", "", text or "")
    marks = [i for i, ch in enumerate(text) if ch in _CHECKED]
    if marks:
        picked = set()
        for i in marks:
            before = text[i - 1] if i > 0 else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            # A mark sits after its grade (优☑良□) unless the text starts with a mark (☑优□良).
            starts_with_mark = text[0] in _CHECKED + "□"
            choice = after if starts_with_mark else before
            if choice in GRADES:
                picked.add(choice)
        return picked.pop() if len(picked) == 1 else None
    for word, grade in _GRADE_WORDS:
        if word in text:
            return grade
    found = {g for g in GRADES if g in text}
    return found.pop() if len(found) == 1 else None
