"""Figures in a table inside the report, pasted as text: one row per
paragraph, cells separated by ``|`` (``项目 | 预算数（万元） | 执行数（万元） | 执行率``).

The header row says what each column holds and in which unit; a cell's
figure takes its subject and unit from its column. A row labelled 合计/总计/
小计 is a total, the other rows are its parts (one row alone is the project's
actual). Indicator tables (年度指标值 | 实际完成值 | 分值 | 得分) give each
indicator's target, actual, maximum and score.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from perfeval_xl.model import Paragraph
from perfeval_xl.narrative.claim import (
    INDICATOR_DEDUCTION,
    INDICATOR_SCORE,
    INDICATOR_VALUE,
    OTHER,
    UNIT_PRICE,
    Claim,
    Confidence,
)
from perfeval_xl.narrative.roles import ACTUAL, MAXIMUM, PART, TARGET, TOTAL
from perfeval_xl.values.running_text import MONEY_UNITS, find_quantities

_SEPARATOR = re.compile(r"[|｜]")
_BARE_NUMBER = re.compile(r"^(?P<cmp>[≥≤><＞＜=]?)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<pct>[%％])?$")
_TOTAL_ROW = re.compile(r"^(?:合计|总计|小计|总分|总计金额|合计金额|共计|年度资金总额|资金总额|总额)")
# columns that only number the rows
_SERIAL_COLUMNS = ("序号", "编号")
# what may stand beside a figure in a cell that is that figure (60%及以上, ≥95%, 3000元/人)
_CELL_QUALIFIERS = re.compile(r"^(?:[≥≤><＞＜=]|不低于|不少于|不超过|不高于|约|及以上|以上|以下|以内|左右|/[^\d/]{1,2}|／[^\d／]{1,2})*$")
_NAME_COLUMNS = ("三级指标", "指标名称", "项目名称", "名称", "项目", "内容", "明细", "类别", "资金来源", "来源", "科目", "用途")

# (words in the header cell, subject, role, kind); the first match wins, so specific before generic
_COLUMNS = (
    (("标准（元/", "标准(元/", "单价", "元/人", "元/户", "元/亩"), UNIT_PRICE, ACTUAL, "price"),
    (("到位率",), "arrival_rate", ACTUAL, "rate"),
    (("执行率", "支出率", "支付率"), "execution_rate", ACTUAL, "rate"),
    (("年初预算",), "initial_budget", ACTUAL, "money"),
    (("调整后预算", "全年预算", "调整预算", "调整后"), "full_year_budget", ACTUAL, "money"),
    (("到位",), "arrived", ACTUAL, "money"),
    (("结余", "结转", "剩余"), "balance", ACTUAL, "money"),
    (("执行数", "执行金额", "执行资金", "实际支出", "支出", "使用", "拨付", "支付", "决算", "补助资金", "补贴资金",
      "奖补资金", "补助金额", "补贴金额", "发放金额", "执行"), "spent", ACTUAL, "money"),
    (("预算", "批复", "安排", "下达"), "budget", ACTUAL, "money"),
    (("年度指标值", "目标值", "指标值", "计划值", "预期值", "年度目标", "设定目标", "预期目标"), INDICATOR_VALUE, TARGET,
     "value"),
    (("实际完成值", "完成值", "实际值", "实际完成", "完成情况"), INDICATOR_VALUE, ACTUAL, "value"),
    (("分值", "权重", "满分", "标准分"), INDICATOR_SCORE, MAXIMUM, "score"),
    (("扣分",), INDICATOR_DEDUCTION, ACTUAL, "score"),
    (("得分",), INDICATOR_SCORE, ACTUAL, "score"),
)


def cells(text: str) -> list[str]:
    return [c.strip() for c in _SEPARATOR.split(text)]


def is_table_row(text: str) -> bool:
    """At least three cells (two separators) in one paragraph."""
    return len(_SEPARATOR.findall(text)) >= 2


def _segments(rows: list) -> list[list]:
    """A table pasted as text is often several in one (a 自评表: the project's names, its money, its goals, its
    indicators), each under a header of its own: a row with no figure that names columns — two of different
    subjects, or one when its cells are not as many as the header's — starts the next."""
    segments = [[rows[0]]]
    for r in rows[1:]:
        header = segments[-1][0]
        if _is_header(r.cells, header.cells):
            segments.append([r])
        else:
            segments[-1].append(r)
    return segments


def _is_header(row: list[str], header: list[str]) -> bool:
    if any(_numeric(c) and not _RATIO.search(c) for c in row if c):
        return False  # a row with figures is a row of data
    named = {col.subject for col in (_column(c, None) for c in row if c) if col.kind not in ("other", "serial")}
    return len(named) >= 2 or (len(named) == 1 and len(row) != len(header))


@dataclass
class _Column:
    subject: str
    role: str
    kind: str  # money | rate | value | score
    unit: str | None  # money unit from the header (万元/元), else None


# 预算到位（D/C×100%）, 预算执行（E/C×100%）: a column worked out as a ratio of two others is a rate
_RATIO = re.compile(r"[A-Za-z]\s*[/／÷]\s*[A-Za-z]|[×*]\s*100\s*[%％]")
_RATE_WORDS = (("到位", "arrival_rate"), ("执行", "execution_rate"), ("支出", "execution_rate"), ("支付", "execution_rate"))


def _column(header: str, caption_unit: str | None) -> _Column | None:
    if _RATIO.search(header):
        subject = next((s for w, s in _RATE_WORDS if w in header), None)
        if subject is not None:
            return _Column(subject, ACTUAL, "rate", None)
    for words, subject, role, kind in _COLUMNS:
        if any(w in header for w in words):
            unit = None
            if kind in ("money", "price"):
                m = re.search(r"(亿元|万元|元)", header)
                unit = m.group(1) if m else caption_unit
            return _Column(subject, role, kind, unit)
    if any(w in header for w in _SERIAL_COLUMNS):
        return _Column(OTHER, ACTUAL, "serial", None)  # 序号: numbers the rows, no figure
    return _Column(OTHER, ACTUAL, "other", None)  # 合格人数, 自评分数: a figure of something else


def _table_unit(header_cells: list[str], caption_unit: str | None) -> str | None:
    """``资金投入情况（万元） | 全年预算数（A） | …``: a unit the header states once for the money columns."""
    for cell in header_cells:
        m = re.search(r"[（(](亿元|万元|元)[）)]", cell)
        if m and not any(w in cell for words, *_ in _COLUMNS for w in words):
            return m.group(1)
    return caption_unit


@dataclass
class _Row:
    index: int
    para: Paragraph
    text: str
    cells: list[str]
    starts: list[int]


@dataclass
class TextTable:
    """The rows of one text table, read when the table ends."""

    index: object  # IndicatorIndex
    in_targets: bool
    caption_unit: str | None
    read_prose: Callable | None = None  # (paragraph index, Paragraph) -> claims, for a cell written as sentences
    rows: list[_Row] = field(default_factory=list)

    def continues_with(self, text: str) -> bool:
        """Is a paragraph the next row of this table: three cells or more, or two that head a table of their own
        (``总体目标 | 全年实际完成情况`` inside a 自评表) or follow a header of at most three (the goals block: its
        prose row ``…设定的目标 | …完成的情况``); not a footer of two after a wide table (总分 | 95分)."""
        separators = len(_SEPARATOR.findall(text))
        if separators >= 2 or not self.rows:
            return separators >= 2
        if separators != 1:
            return False
        header = _segments(self.rows)[-1][0].cells
        return _is_header(cells(text), header) or len(header) <= 3

    def row(self, i: int, para: Paragraph, text: str) -> list[Claim]:
        parts = cells(text)
        starts, at = [], 0
        for raw in _SEPARATOR.split(text):
            starts.append(at + (len(raw) - len(raw.lstrip())))
            at += len(raw) + 1
        self.rows.append(_Row(i, para, text, parts, starts))
        return []

    def finish(self, claims: list[Claim]) -> list[Claim]:
        """``claims`` with the table's figures added."""
        for rows in _segments(self.rows):
            claims = self._segment(rows, claims)
        return claims

    def _segment(self, rows: list[_Row], claims: list[Claim]) -> list[Claim]:
        header = rows[0]
        has_header = sum(_numeric(c) for c in header.cells if c) * 2 < len([c for c in header.cells if c])
        unit = _table_unit(header.cells, self.caption_unit) if has_header else self.caption_unit
        columns = [_column(c, unit) for c in header.cells] if has_header else []
        if has_header:
            claims.extend(self._header_claims(header))
        names = [j for j, c in enumerate(header.cells) if has_header and any(w in c for w in _NAME_COLUMNS)]
        body = rows[1:] if has_header else rows
        data_rows = [r for r in body if not _TOTAL_ROW.match(_label(r, names))]
        has_total = len(data_rows) < len(body)
        for r in body:
            claims.extend(self._row_claims(r, columns, names, has_total, len(data_rows), header.index))
        return claims

    def _header_claims(self, header: _Row) -> list[Claim]:
        """Figures in the header (执行率（B/A×100%）) are about no row: subject other."""
        found = []
        for j, cell in enumerate(header.cells):
            for q in find_quantities(cell):
                where = header.starts[j] + q.start
                found.append(Claim(OTHER, q.value, q.unit, header.para.ref, header.text[:60], Confidence.LOW,
                                   header.index, q.decimals, None, None, ACTUAL, header.text[where : where + len(q.text)],
                                   where, where + len(q.text), 0, "", "", header.index))
        return found

    def _row_claims(self, r: _Row, columns: list, names: list[int], has_total: bool, data_rows: int,
                    table_at: int) -> list[Claim]:
        label = _label(r, names)
        is_total = bool(_TOTAL_ROW.match(label))
        offset = len(columns) - len(r.cells) if 0 < len(r.cells) < len(columns) else 0  # merged cells on the left
        indicator = self.index.names.get(label) if label else None
        at = [columns[j + offset] if j + offset < len(columns) else None for j in range(len(r.cells))]
        # 指标值 ≥50000人次, 完成值 110406: a bare count takes the unit its row writes beside it
        row_unit = next((q.unit for j, cell in enumerate(r.cells) if at[j] is not None and at[j].kind == "value"
                         for q in find_quantities(cell) if q.unit not in ("万元", "%")), "")
        found: list[Claim] = []
        for j, cell in enumerate(r.cells):
            column = at[j]
            if j in names or (column is not None and column.kind == "serial"):
                continue  # a row's name or number is no figure
            if column is not None and column.kind == "value" and self.read_prose and _is_prose(cell):
                found.extend(self._prose_claims(r, j, cell, column))
                continue
            for value, unit, decimals, start, end, firm in _figures(cell, column, row_unit):
                subject, role, confidence = self._meaning(column, unit, is_total, has_total, data_rows)
                if subject != OTHER and not _is_the_figure(cell, start, end):
                    subject, role, confidence = OTHER, ACTUAL, Confidence.LOW  # 存在18岁以下、54周岁以上: words, not the value
                elif unit == "万元" and cell[end:].startswith(("/", "／")):
                    subject = UNIT_PRICE  # 3000元/人 in a 目标值 column: the target is a price per head
                if subject in (INDICATOR_VALUE, INDICATOR_SCORE, INDICATOR_DEDUCTION) and is_total:
                    subject = "total_score" if subject == INDICATOR_SCORE else OTHER
                if self.in_targets and role == ACTUAL and subject not in ("total_score", INDICATOR_SCORE):
                    role = TARGET
                if not firm:
                    confidence = Confidence.LOW
                where = r.starts[j] + start
                found.append(Claim(
                    subject, value, unit, r.para.ref, r.text[:60], confidence, r.index, decimals,
                    indicator if subject.startswith("indicator_") else None, None, role, r.text[where : r.starts[j] + end],
                    where, r.starts[j] + end, 0, label if subject.startswith("indicator_") else "", label,
                    table_at,
                ))
        return found

    def _prose_claims(self, r: _Row, j: int, cell: str, column: _Column) -> list[Claim]:
        """A cell of the goals' columns written as sentences (年初设定目标 | 全年实际完成情况) is read like a
        paragraph; its figures are of the column's kind: planned in a target column, and a count or a rate
        that names nothing is the indicator's (医疗救助惠及11万人次), never firmly."""
        shift = r.starts[j]
        found = []
        for c in self.read_prose(r.index, Paragraph(cell, r.para.ref)):
            subject, role = c.subject, c.role
            if role == ACTUAL and column.role == TARGET:
                role = TARGET
            if subject == OTHER and c.unit not in ("万元", ""):
                subject = INDICATOR_VALUE
            # read as prose, not as a column's value: no table sums or row ratios take it (table stays None)
            found.append(replace(c, subject=subject, role=role, confidence=Confidence.LOW, start=c.start + shift,
                                 end=c.end + shift, sentence=c.sentence + shift,
                                 whole_at=None if c.whole_at is None else c.whole_at + shift))
        return found

    @staticmethod
    def _meaning(column: _Column | None, unit: str, is_total: bool, has_total: bool, data_rows: int):
        if column is None or column.kind == "other":
            return OTHER, ACTUAL, Confidence.LOW
        confidence = Confidence.MEDIUM if column.kind not in ("money", "price") or column.unit else Confidence.LOW
        role = column.role
        if column.kind == "money" or (column.kind == "rate" and not is_total):
            if is_total:
                role = TOTAL if data_rows else ACTUAL
            elif has_total or data_rows > 1:
                role = PART
        # a rate on the 合计 row is the whole's rate: what happened, not a sum of the rows'
        return column.subject, role, confidence


def _label(r: _Row, names: list[int]) -> str:
    for j in names:
        if j < len(r.cells) and r.cells[j] and not _numeric(r.cells[j]):
            return r.cells[j]
    return next((c for c in r.cells if c and not _numeric(c) and not re.fullmatch(r"\d+|[一二三四五六七八九十]+", c)), "")


def _is_the_figure(cell: str, start: int, end: int) -> bool:
    """Is the figure at cell[start:end] the cell's value (``60%及以上``, ``≥95%``,
    ``3000元/人``), not a number inside words (``存在18岁以下、54周岁以上``, ``18—54周岁``)?"""
    return bool(_CELL_QUALIFIERS.match(cell[:start])) and bool(_CELL_QUALIFIERS.match(cell[end:]))


def _numeric(cell: str) -> bool:
    return bool(_BARE_NUMBER.match(cell)) or bool(find_quantities(cell))


def _is_prose(cell: str) -> bool:
    """A cell written as a sentence, not a value with a few words around it."""
    return len(cell) >= 10 and any(c in cell for c in "，,。；;")


_WAN = re.compile(r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)万$")


def _figures(cell: str, column: _Column | None, row_unit: str = ""):
    """(value, unit, decimals, start, end, firm) of each figure in one cell. A bare
    number takes its column's unit (a count the unit its row writes beside it, not firmly
    when the row writes none); a figure written with a unit keeps it."""
    m = _BARE_NUMBER.match(cell)
    if m and column is not None:
        raw = m.group("num")
        try:
            number = Decimal(raw.replace(",", ""))
        except InvalidOperation:
            return
        decimals = len(raw.partition(".")[2])
        start, end = m.start("num"), m.end("pct") if m.group("pct") else m.end("num")
        if column.kind in ("money", "price"):
            yield number * MONEY_UNITS[column.unit or "万元"], "万元", decimals, start, end, True
        elif column.kind == "rate" or m.group("pct"):
            yield number / 100, "%", decimals, start, end, True
        elif column.kind == "score":
            yield number, "分", decimals, start, end, True
        elif column.kind == "value":
            yield number, row_unit, decimals, start, end, bool(row_unit)  # 完成值 110406 beside 指标值 ≥50000人次
        elif column.kind == "other":
            yield number, "", decimals, start, end, True  # 合格人数 842: a figure, of something else
        return
    wan = _WAN.match(cell)
    if wan and column is not None and column.kind == "money":  # 3359.62万 in a money column: 万元
        raw = wan.group("num")
        yield Decimal(raw.replace(",", "")), "万元", len(raw.partition(".")[2]), 0, wan.end(), True
        return
    for q in find_quantities(cell):
        yield q.value, q.unit, q.decimals, q.start, q.end, True
