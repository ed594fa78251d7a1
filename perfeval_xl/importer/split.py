"""Where the narrative ends and the attached form begins.

The form starts at the first table with the indicator header or two kinds of
form labels (项目名称, 年度资金总额, 一级指标 …) — with any form tables just above
it — and takes every later table with a form label, or without labels but as
wide as the indicator list (a table carried onto the next page). The narrative
is the paragraphs before it, without the ``附件`` line, the form's title and
header lines. Anything else is returned so the caller can say it was not placed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from perfeval_xl.importer.funds import funds_row_key
from perfeval_xl.importer.labels import CAPTIONS, FIELDS, INDICATOR_HEADER, match, norm
from perfeval_xl.importer.source import Block, Paragraph, Table
from perfeval_xl.importer.txt_source import ANNEX

_LEAD = re.compile(r"^(金额)?单位:|^填报|^填表|^评价机构|^评价时间")
TITLE = re.compile(r"(评价表|自评表|评分表|绩效表)\s*$")


@dataclass
class Parts:
    narrative: list[str] = field(default_factory=list)
    title: str = ""
    # (where, cells, grid column of each cell or None when the source has no grid)
    form_rows: list[tuple[str, list[str], list[int] | None]] = field(default_factory=list)
    after_form: list[str] = field(default_factory=list)  # paragraphs between/after the form tables
    other_tables: int = 0  # tables in the body that are not the form


def form_kinds(table: Table) -> set[str]:
    """Which parts of the form a table holds: fields, funds, indicators."""
    kinds = set()
    for row in table.rows:
        for cell in row:
            if match(cell, FIELDS, prefix=True):
                kinds.add("fields")
            elif funds_row_key(cell):
                kinds.add("funds")
            elif match(cell, INDICATOR_HEADER) in ("level1", "level2", "name"):
                kinds.add("indicators")
    return kinds


def is_form_table(table: Table) -> bool:
    return bool(form_kinds(table))


def _form_start(blocks: list[Block]) -> int | None:
    """Index of the form's first table. A table in the body that merely has a
    项目名称 column is not the form: the form starts at the first table with
    the indicator header or two kinds of form labels, together with the form
    tables just above it (a header-fields table of its own)."""
    kinds = {i: form_kinds(b) for i, b in enumerate(blocks) if isinstance(b, Table)}
    candidates = [i for i, k in kinds.items() if k]
    if not candidates:
        return None
    strong = next((i for i in candidates if "indicators" in kinds[i] or len(kinds[i]) >= 2), candidates[0])
    start = strong
    for i in range(strong - 1, -1, -1):
        block = blocks[i]
        if isinstance(block, Table):
            if not kinds[i]:
                break
            start = i
        elif block.text and not _belongs_to_form(block.text):
            break
    return start


def split_report(blocks: list[Block]) -> Parts:
    parts = Parts()
    first = _form_start(blocks)
    if first is None:
        parts.narrative = [b.text for b in blocks if isinstance(b, Paragraph) and b.text]
        parts.other_tables = sum(isinstance(b, Table) for b in blocks)
        return parts
    before = list(blocks[:first])
    # Above the form: the 附件 line, its title, and sometimes its header fields
    # (项目名称：…) or the money unit written as paragraphs.
    lead: list[str] = []
    annex = next((i for i in range(len(before) - 1, max(-1, len(before) - 16), -1)
                  if isinstance(before[i], Paragraph) and ANNEX.match(before[i].text) and len(before[i].text) <= 60), None)
    if annex is not None:  # everything between 附件 and the table is the form's
        lead = [b.text for b in before[annex:] if isinstance(b, Paragraph) and b.text]
        parts.other_tables += sum(isinstance(b, Table) for b in before[annex:])
        before = before[:annex]
    while before and isinstance(before[-1], Paragraph) and len(lead) < 12:
        text = before[-1].text
        if text and not _belongs_to_form(text):
            break
        before.pop()
        if text:
            lead.insert(0, text)
    for text in lead:
        if ANNEX.match(text) and len(text) <= 40 and not TITLE.search(text):
            continue
        if TITLE.search(text) and len(text) <= 60 and not parts.title:
            parts.title = ANNEX.sub("", text).strip() if ANNEX.match(text) else text
        else:
            parts.form_rows.append(("评价表上方的文字", [text], None))
    for block in before:
        if isinstance(block, Paragraph) and block.text:
            parts.narrative.append(block.text)
        elif isinstance(block, Table):
            parts.other_tables += 1
    form_tables: list[Table] = []
    for block in blocks[first:]:
        if isinstance(block, Table) and (is_form_table(block) or (form_tables and _continues(block))):
            form_tables.append(block)
        elif isinstance(block, Table):
            parts.other_tables += 1
        elif block.text and norm(block.text) not in CAPTIONS:
            parts.after_form.append(block.text)
    for t, table in enumerate(form_tables, start=1):
        for r, row in enumerate(table.rows, start=1):
            where = f"评价表第{r}行" if len(form_tables) == 1 else f"评价表第{t}个表格第{r}行"
            parts.form_rows.append((where, row, table.start_columns(r - 1)))
    return parts


def _belongs_to_form(text: str) -> bool:
    if len(text) > 80:
        return False
    if ANNEX.match(text) or TITLE.search(text) or _LEAD.match(norm(text)):
        return True
    return match(text, FIELDS, prefix=True) is not None and re.search(r"[:：]", text) is not None


def _continues(table: Table) -> bool:
    """A table right after the form without labels of its own (the indicator
    list carried onto the next page, header row not repeated)."""
    widths = {len(row) for row in table.rows if any(row)}
    return bool(widths) and max(widths) >= 6
