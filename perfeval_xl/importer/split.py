"""Where the narrative ends and the attached form begins.

The form is every table that holds a form label (项目名称, 年度资金总额,
一级指标 …); a form split across pages is several such tables, joined in
order. The narrative is the paragraphs before the first of them, without the
``附件`` line and the form's title. Anything else is returned so the caller
can say it was not placed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from perfeval_xl.importer.labels import CAPTIONS, FIELDS, FUNDS_ROWS, INDICATOR_HEADER, match, norm
from perfeval_xl.importer.source import Block, Paragraph, Table
from perfeval_xl.importer.txt_source import ANNEX

TITLE = re.compile(r"(评价表|自评表|评分表|绩效表)\s*$")


@dataclass
class Parts:
    narrative: list[str] = field(default_factory=list)
    title: str = ""
    form_rows: list[tuple[str, list[str]]] = field(default_factory=list)  # (where, cells)
    after_form: list[str] = field(default_factory=list)  # paragraphs between/after the form tables
    other_tables: int = 0  # tables in the body that are not the form


def is_form_table(table: Table) -> bool:
    for row in table.rows:
        for cell in row:
            if match(cell, FIELDS, prefix=True) or match(cell, FUNDS_ROWS, prefix=True):
                return True
            if match(cell, INDICATOR_HEADER) in ("level1", "level2", "name"):
                return True
    return False


def split_report(blocks: list[Block]) -> Parts:
    parts = Parts()
    form_indexes = [i for i, b in enumerate(blocks) if isinstance(b, Table) and is_form_table(b)]
    if not form_indexes:
        parts.narrative = [b.text for b in blocks if isinstance(b, Paragraph) and b.text]
        parts.other_tables = sum(isinstance(b, Table) for b in blocks)
        return parts
    first = form_indexes[0]
    before = [b for b in blocks[:first]]
    # The title and the 附件 line sit just above the form.
    lead: list[str] = []
    while before and (isinstance(before[-1], Paragraph)) and len(lead) < 3:
        text = before[-1].text
        if not text:
            before.pop()
            continue
        if ANNEX.match(text) and len(text) <= 40 or (TITLE.search(text) and len(text) <= 60):
            lead.insert(0, before.pop().text)
            continue
        break
    titles = [t for t in lead if TITLE.search(t)]
    parts.title = titles[-1] if titles else ""
    if parts.title and ANNEX.match(parts.title):
        parts.title = ANNEX.sub("", parts.title).strip()
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
            parts.form_rows.append((where, row))
    return parts


def _continues(table: Table) -> bool:
    """A table right after the form without labels of its own (the indicator
    list carried onto the next page, header row not repeated)."""
    widths = {len(row) for row in table.rows if any(row)}
    return bool(widths) and max(widths) >= 6
