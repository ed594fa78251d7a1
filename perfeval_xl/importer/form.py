"""Rows of the attached form into a ``ProjectSpec``.

Rows are recognised by their labels, never by position, so the same parser
takes the Word grid and the flattened text. Each row is one of: header
fields, the funds header or a funds row, the goals header and the row under
it, the indicator header, an indicator, 总分, 评价等次, or a caption/legend;
anything else becomes a note.
"""

from __future__ import annotations

from perfeval_xl.importer.fields import (
    field_pairs,
    grade_cell,
    method_in,
    normalize_method,
    parse_grade,
    parse_year,
    year_in,
)
from perfeval_xl.importer.funds import (
    DEFAULT_COLUMNS,
    funds_header,
    funds_row,
    funds_row_key,
    money_unit,
    split_funds_rows,
)
from perfeval_xl.importer.indicators import IndicatorTable, indicator_header, total_row
from perfeval_xl.importer.labels import (
    CAPTIONS,
    FIELDS,
    GOALS,
    GRADE,
    LEGEND,
    TOTAL,
    match,
    norm,
)
from perfeval_xl.importer.split import TITLE, Parts
from perfeval_xl.outputs.template.spec import (
    FUNDS_ROW_KEYS,
    FUNDS_ROW_LABELS,
    FundsRowSpec,
    ProjectSpec,
)


class _Builder:
    def __init__(self, notes: list[str]):
        self.notes = notes
        self.fields: dict[str, str] = {}
        self.funds: dict[str, FundsRowSpec] = {}
        self.funds_columns = list(DEFAULT_COLUMNS)
        self.unit: str | None = None
        self.in_funds = False  # the funds header has been seen
        self.goals: dict[str, str] = {}  # expected / actual
        self.awaiting_goals = False
        self.table: IndicatorTable | None = None
        self.total: tuple[object, object] = (None, None)
        self.grade_text: str | None = None
        self.title = ""

    def row(self, where: str, cells: list[str], starts: list[int] | None = None) -> None:
        cells = [c.strip() for c in cells]
        if not any(cells):
            return
        if self.awaiting_goals:
            self.awaiting_goals = False
            if not self._labelled(cells):
                texts = [c for c in cells if c]
                self.goals.setdefault("expected", texts[0])
                if len(texts) > 1:
                    self.goals.setdefault("actual", texts[1])
                if len(texts) > 2:
                    self.notes.append(f"{where}（年度总体目标）多出的内容未填入：{'、'.join(texts[2:])}。")
                return
        if self._special(where, cells, starts):
            return
        if self.table is not None:
            self.table.add(cells, where, self.notes, starts)
            return
        self.notes.append(f"{where}无法识别，未导入：{' | '.join(c for c in cells if c)}。")

    def _special(self, where: str, cells: list[str], starts: list[int] | None) -> bool:
        first = next(c for c in cells if c)
        filled = [c for c in cells if c]
        if len(filled) == 1 and not self.fields and not self.funds and TITLE.search(first) and len(first) <= 60:
            self.title = self.title or first  # the title written as the table's first row
            return True
        if (columns := indicator_header(cells)) is not None:
            if self.table is None:
                self.table = IndicatorTable(columns, starts)
            return True  # a header repeated on the next page adds nothing
        if match(first, TOTAL, prefix=True) and len(norm(first)) <= 4:
            if self.table is None and "total" not in self.funds and self.in_funds:
                # 合计 under the funds header is the funds block's total row
                values = cells[cells.index(first) + 1:]
                self.funds["total"] = funds_row("total", values, self.funds_columns, self.unit or "万元", self.notes)
                return True
            self.total = total_row(cells, self.table.aligned(cells, starts) if self.table else None)
            return True
        grade = grade_cell(cells)
        if grade is not None and len(norm(first)) <= 6:
            self.grade_text = grade
            return True
        if LEGEND.search(norm(" ".join(cells))) or (len([c for c in cells if c]) == 1 and norm(first) in CAPTIONS):
            return True
        if self.table is not None:
            return False  # from here on a row is an indicator
        if (columns := funds_header(cells)) is not None:
            self.funds_columns = columns
            self.in_funds = True
            self.unit = money_unit(cells) or self.unit
            return True
        found = split_funds_rows(cells)
        if found:
            for key, values in found:
                if key in self.funds:
                    self.notes.append(f"{where}：项目资金“{FUNDS_ROW_LABELS[key]}”行重复出现，只保留第一次。")
                    continue
                self.funds[key] = funds_row(key, values, self.funds_columns, self.unit or "万元", self.notes)
            return True
        if match(first, GOALS, prefix=True):
            self._goal_row(cells)
            return True
        pairs = field_pairs(cells)
        if pairs:
            for key, value in pairs:
                self.fields.setdefault(key, value)
            return True
        unit = money_unit(cells)
        if unit and len([c for c in cells if c]) == 1:
            self.unit = unit
            return True
        return False

    def _goal_row(self, cells: list[str]) -> None:
        """``年度总体目标 | 预期目标 | 实际完成情况`` (texts on the next row), or the
        texts right after their labels: ``预期目标 | …`` and ``实际完成情况 | …``."""
        current = None
        placed = False
        for cell in cells:
            if not cell:
                continue
            label = norm(cell)
            if match(cell, GOALS, prefix=True):
                current = "actual" if label.startswith("实际") else "expected"
                continue
            if current and current not in self.goals:
                self.goals[current] = cell
                placed = True
                current = "actual" if current == "expected" else None
        self.awaiting_goals = not placed

    @staticmethod
    def _labelled(cells: list[str]) -> bool:
        """A row that carries a form label cannot be the goals' text row."""
        return indicator_header(cells) is not None or any(
            funds_row_key(c) or match(c, FIELDS, prefix=True) or match(c, GOALS, prefix=True)
            or match(c, TOTAL, prefix=True) or match(c, GRADE, prefix=True) for c in cells if c)


def build_spec(parts: Parts, notes: list[str]) -> tuple[ProjectSpec, str]:
    """The spec and the money unit the form was written in (``元`` or ``万元``)."""
    builder = _Builder(notes)
    for where, cells, starts in parts.form_rows:
        builder.row(where, cells, starts)
    # A report that opens with its form has its narrative after it.
    narrative_after = not parts.narrative
    for text in parts.after_form:
        grade = grade_cell([text])
        if grade is not None and builder.grade_text is None and len(text) <= 30:
            builder.grade_text = grade
        elif LEGEND.search(norm(text)):
            continue
        elif narrative_after:
            parts.narrative.append(text)
        else:
            notes.append(f"评价表后的文字未导入：{text[:60]}")
    return _spec(builder, parts, notes), builder.unit or "万元"


def _spec(b: _Builder, parts: Parts, notes: list[str]) -> ProjectSpec:
    body = "\n".join(parts.narrative)
    name = b.fields.get("name", "")
    if not name:
        notes.append("评价表中没有找到“项目名称”，项目名称留空。")
    year = parse_year(b.fields["year"]) if b.fields.get("year") else None
    if year is None:
        year = year_in(parts.title or b.title) or year_in(name)
        if year is None and (year := year_in(body)) is not None:
            notes.append(f"评价表未写评价年度，按报告正文中的“{year}年”填入。")
    method = normalize_method(b.fields.get("method", ""))
    if not method:
        method = method_in(parts.title or b.title) or method_in(body) or ""
        if method:
            notes.append(f"评价表未写评价方式，按报告中“{method}”的提法填入。")
        else:
            notes.append("报告未说明评价方式（部门评价、单位自评或财政评价），评价方式留空。")
    grade = ""
    if b.grade_text is None:
        notes.append("评价表中没有找到“评价等次”，评价等次留空。")
    elif (parsed := parse_grade(b.grade_text)) is None:
        notes.append(f"评价等次“{b.grade_text}”无法判断为优、良、中、差之一，评价等次留空。")
    else:
        grade = parsed
    if b.table is None:
        notes.append("评价表中没有找到绩效指标表头（一级指标、二级指标、三级指标、分值、得分），未导入任何指标。")
    if "total" not in b.funds:
        notes.append("评价表中没有找到“年度资金总额”行，项目资金留空。")
    return ProjectSpec(
        title=parts.title or b.title,
        name=name,
        department=b.fields.get("department", ""),
        implementer=b.fields.get("implementer", ""),
        year=year,
        method=method,
        funds={key: b.funds.get(key, FundsRowSpec()) for key in FUNDS_ROW_KEYS},
        goal_expected=b.goals.get("expected", ""),
        goal_actual=b.goals.get("actual", ""),
        indicators=b.table.indicators if b.table else [],
        total_weight=b.total[0],
        total_score=b.total[1],
        grade=grade,
        narrative=list(parts.narrative),
    )
