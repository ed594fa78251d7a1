"""Find the blocks of the 绩效评价表 by their labels and read them.

Nothing here knows fixed addresses: every block is located from its label or
header row, so extra title rows, a leading 序号 column, shifted blocks and
merged or blank-continued labels all read the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from perfeval_xl.model import Comparator, Funds, FundsRow, Grade, Indicator, Measure, Sourced, Subtotal
from perfeval_xl.read import vocabulary as L
from perfeval_xl.read.sheet import SheetView
from perfeval_xl.read.values import (
    parse_amount,
    parse_grade,
    parse_measure,
    parse_number,
    parse_rate,
    parse_score,
    parse_year,
    split_weight_label,
)
from perfeval_xl.read.measures import comparator_symbol
from perfeval_xl.read.text import squeeze
from perfeval_xl.read.timing import parse_timing

_SCORE_HEADER = {"weight": [r"分值(\(.*\))?", r"权重(\(.*\))?"], "score": [r"得分(\(.*\))?"]}


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: two module-level tables
class _HeaderTable:
    """The columns a header row may name, and the order they are tried in."""

    columns: dict[str, list[str]]
    order: tuple[str, ...]


_FUNDS = _HeaderTable(L.FUNDS_COLUMNS, ("rate", "initial", "budget", "spent", "weight", "score", "explanation"))
_INDICATORS = _HeaderTable(
    L.INDICATOR_COLUMNS,
    ("level1", "level2", "name", "kind", "unit", "deviation", "target", "actual", "weight", "score"),
)


@lru_cache(maxsize=8192)  # every form of a batch asks about the same header texts
def _classify(text: str, table: _HeaderTable) -> str | None:
    for key in table.order:
        patterns = _SCORE_HEADER.get(key)
        if patterns is not None:
            if L.matches(text, patterns):
                return key
        elif L.matches(text, table.columns[key], prefix=True):
            return key
    return None


@dataclass
class HeaderRow:
    row: int
    columns: dict[str, int]
    last_row: int = 0  # the header's bottom row when it spans two

    def __post_init__(self) -> None:
        self.last_row = max(self.last_row, self.row)


def _header_columns(view: SheetView, row: int, table: _HeaderTable) -> tuple[dict[str, int], int]:
    """Columns named on a header row. A header may span two rows (a label merged
    down beside sub-labels below it, or a caption merged across above): every
    column is named by the text of the merge covering it on this row, or on the
    row below when this row's cell belongs to a merge that goes down."""
    last = row
    cols: dict[str, int] = {}
    for c in range(1, view.grid.max_col + 1):
        merge = view.grid.merge_of(row, c)
        if merge and merge[1] == c and _classify(view.norm(merge[0], c), table):
            last = max(last, min(merge[2], row + 1))  # a column label merged down: its sub-labels sit below
    for r in range(row, last + 1):
        for c in range(1, view.grid.max_col + 1):
            ar, ac = view.grid.anchor(r, c)
            if ac != c:
                continue
            text = view.norm(ar, ac)
            if not text:
                continue
            key = _classify(text, table)
            if key and key not in cols:
                cols[key] = c
    return cols, last


def _find_header(view: SheetView, rows, table: _HeaderTable, accept) -> HeaderRow | None:
    tried: set[int] = set()
    for r, _c, text in view.text_cells():
        if r in tried or r not in rows or _classify(text, table) is None:
            continue
        tried.add(r)
        cols, last = _header_columns(view, r, table)
        if accept(cols):
            return HeaderRow(r, cols, last)
    return None


def find_indicator_header(view: SheetView) -> HeaderRow | None:
    """The row holding 三级指标 together with 分值/得分 columns."""
    return _find_header(
        view,
        range(1, view.grid.max_row + 1),
        _INDICATORS,
        lambda cols: "name" in cols and ("weight" in cols or "score" in cols),
    )


def find_funds_header(view: SheetView, before_row: int) -> HeaderRow | None:
    """The row holding 年初预算数 / 全年预算数 / 全年执行数 above the indicator table.
    A form whose only budget column is 年初预算数(A) (Beijing 海淀) divides by it:
    that column is then the budget A as well."""
    header = _find_header(
        view,
        range(1, before_row),
        _FUNDS,
        lambda cols: ("budget" in cols and ("spent" in cols or "initial" in cols)) or {"initial", "spent"} <= cols.keys(),
    )
    if header is not None and "budget" not in header.columns:
        header.columns["budget"] = header.columns["initial"]
    return header


def find_label(view: SheetView, patterns: list[str], rows: range | None = None) -> tuple[int, int, str] | None:
    """The first cell whose whole text is one of ``patterns`` (or ``label:value``)."""
    exact = L.matcher(patterns)
    inline = re.compile("^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")[:](.+)$")
    for r, c, text in view.text_cells():
        if rows is not None and r not in rows:
            continue
        if exact(text):
            return r, c, ""
        m = inline.match(text)
        if m:
            return r, c, m.group(1)
    return None


def label_value(view: SheetView, patterns: list[str], rows: range | None = None) -> Sourced[str] | None:
    """The value of a ``label | value`` pair: first non-empty cell right of the
    label, or the text after a colon in the label cell itself."""
    hit = find_label(view, patterns, rows)
    if hit is None:
        return None
    r, c, inline = hit
    if inline:
        raw = view.text(r, c)
        value = re.split(r"[:：]", raw, maxsplit=1)[-1].strip()
        return Sourced(value or None, value, view.grid.ref(r, c))
    pos = view.right_of(r, c)
    if pos is None:
        merge = view.grid.merge_of(r, c)
        col = (merge[3] if merge else c) + 1
        return Sourced(None, "", view.grid.ref(r, col))
    return view.sourced_text(*pos)


def money_unit(view: SheetView, header: HeaderRow, last_row: int) -> str:
    """元 / 万元 / 亿元 as stated by the block label, the header cells, or a
    “单位：元” note on the rows just above the block."""
    first_value_col = min(header.columns.values())
    texts = [view.norm(header.row, c) for c in header.columns.values()]
    for r in range(max(1, header.row - 1), last_row + 1):
        for c in range(1, first_value_col):
            texts.append(view.norm(*view.grid.anchor(r, c)))
    for text in texts:
        m = re.search(r"\((万元|元|亿元)\)", text)
        if m:
            return m.group(1)
    for r in range(max(1, header.row - 2), header.row + 1):
        for c in range(1, view.grid.max_col + 1):
            m = re.search(r"(?:金额|资金)?单位[:]?(万元|元|亿元)$", view.norm(r, c))
            if m:
                return m.group(1)
    return "万元"


def read_funds(view: SheetView, header: HeaderRow, stop_row: int) -> tuple[Funds | None, dict[str, int]]:
    """Read the funds rows under ``header``; returns the block and the rows found."""
    first_value_col = min(header.columns.values())
    found: dict[str, int] = {}
    for r in range(header.last_row + 1, min(stop_row, header.last_row + 10)):
        for c in range(1, first_value_col):
            text = view.norm(r, c)
            if not text:
                continue
            for key, patterns in L.FUNDS_ROWS.items():
                if key not in found and L.matches(text, patterns):
                    found[key] = r
                    break
    if "total" not in found:
        return None, found
    unit = money_unit(view, header, max(found.values()))
    rows = {key: _funds_row(view, header, r, unit) for key, r in found.items()}
    total = rows["total"]
    if "weight" not in header.columns:
        total = replace(total, weight=_stated_funds_weight(view, header) or total.weight)
    explanation = Sourced.absent()
    if "explanation" in header.columns:
        explanation = view.sourced_text(found["total"], header.columns["explanation"])
    funds = Funds(
        total=total,
        fiscal=rows.get("fiscal"),
        carryover=rows.get("carryover"),
        other=rows.get("other"),
        source_unit=unit,
        explanation=explanation,
    )
    return funds, found


_STATED_WEIGHT = re.compile(r"\((\d+(?:\.\d+)?)分")


def _stated_funds_weight(view: SheetView, header: HeaderRow) -> Sourced[float] | None:
    """A funds block without a 分值 column may state its weight in its label
    (``预算执行情况（万元）（20分）``) or its 得分 header (``得分(20分×执行率)``)."""
    first_value_col = min(header.columns.values())
    cells = [(header.row, c) for c in range(1, first_value_col)]
    if "score" in header.columns:
        cells.append((header.row, header.columns["score"]))
    for r, c in cells:
        ar, ac = view.grid.anchor(r, c)
        m = _STATED_WEIGHT.search(view.norm(ar, ac))
        if m:
            return Sourced(float(m.group(1)), view.text(ar, ac), view.grid.ref(ar, ac))
    return None


def _funds_row(view: SheetView, header: HeaderRow, row: int, unit: str) -> FundsRow:
    cols = header.columns

    def money(key: str, what: str) -> Sourced[float]:
        if key not in cols:
            return Sourced.absent()
        return view.sourced_parse(row, cols[key], parse_amount, what, default_unit=unit)

    def other(key: str, parse, what: str) -> Sourced[float]:
        if key not in cols:
            return Sourced.absent()
        return view.sourced_parse(row, cols[key], parse, what)

    label_col = next((c for c in range(1, min(cols.values())) if view.norm(row, c)), 1)
    return FundsRow(
        label=view.sourced_text(row, label_col),
        initial=money("initial", "年初预算数"),
        budget=money("budget", "全年预算数"),
        spent=money("spent", "全年执行数"),
        weight=other("weight", parse_score, "资金分值"),
        rate=other("rate", parse_rate, "执行率"),
        score=other("score", parse_score, "资金得分"),
    )


def read_goals(view: SheetView, rows: range) -> tuple[Sourced[str], Sourced[str]]:
    """年度总体目标: the texts under (or right of) 预期目标 and 实际完成情况."""
    block = find_label(view, L.GOALS_BLOCK, rows)
    if block is None:
        return Sourced.absent(), Sourced.absent()
    sub_rows = range(block[0], min(rows.stop, block[0] + 4))

    def under(patterns: list[str]) -> Sourced[str]:
        hit = find_label(view, patterns, sub_rows)
        if hit is None:
            return Sourced.absent()
        r, c, inline = hit
        if inline:
            return Sourced(inline, inline, view.grid.ref(r, c))
        merge = view.grid.merge_of(r, c)
        below = (merge[2] if merge else r) + 1
        if below < rows.stop and view.text(below, c):
            return view.sourced_text(below, c)
        pos = view.right_of(r, c)
        if pos is not None and not L.matches(view.norm(*pos), L.GOAL_ACTUAL + L.GOAL_EXPECTED, prefix=True):
            return view.sourced_text(*pos)
        if below < rows.stop:  # the blank cell the text belongs in
            return Sourced(None, "", view.grid.ref(below, c))
        return Sourced.absent()  # the cell below is outside the block: not this field's

    return under(L.GOAL_EXPECTED), under(L.GOAL_ACTUAL)


@dataclass
class _Carry:
    value: Sourced[str]


def _label_at(view: SheetView, row: int, col: int, carry: _Carry) -> Sourced[str]:
    """A 一级/二级 label: its own text, the text of the merge it sits in, or the
    label above when left blank."""
    ar, ac = view.grid.anchor(row, col)
    text = view.text(ar, ac)
    if text:
        carry.value = view.sourced_text(ar, ac)
    return carry.value


def _is_end_row(view: SheetView, row: int, upto_col: int) -> str | None:
    for c in range(1, upto_col + 1):
        text = view.norm(row, c)
        if text and L.matches(text, L.TOTAL_ROW):
            return "total"
        if text and (L.matches(text, L.GRADE_ROW) or L.matches(text, L.GRADE_ROW, prefix=True) and ":" in text):
            return "grade"
    if _is_note_row(view, row, upto_col):
        return "note"
    return None


def _own_texts(view: SheetView, row: int, cols) -> list[str]:
    """The texts written on this row itself in ``cols`` (not those of a merge
    coming down from a row above)."""
    out = []
    for c in cols:
        if view.grid.anchor(row, c)[0] == row:
            text = view.norm(row, c)
            if text:
                out.append(text)
    return out


def _is_note_row(view: SheetView, row: int, upto_col: int) -> bool:
    """评分说明：…, 备注, 注：1.…, 填表人 under the table: the first text on the row
    is a note label, alone or followed by a colon."""
    texts = _own_texts(view, row, range(1, upto_col + 1))
    if not texts:
        return False
    first = texts[0]
    return L.matches(first, L.NOTE_ROW) or (L.matches(first, L.NOTE_ROW, prefix=True) and re.match(r"^[^:]{1,6}:", first) is not None)


# What a row says when it holds no indicator: the 不适用 rows of the central 自评表 and the
# unfilled rows of a template.
_PLACEHOLDER_NAME = re.compile(r"^(?:无|不适用|本项目不涉及|不涉及|暂无|/|-+|—+|–|\(?请填写.*\)?|(?:三级)?指标\d*|XX+|X+|\.\.\.|…+)$", re.I)


def _is_placeholder_row(view: SheetView, row: int, cols: dict[str, int]) -> bool:
    """A row whose 三级指标 is 无 / 不适用 / 本项目不涉及 / a template placeholder and
    that carries no positive 分值 or 得分."""
    name = view.norm(row, cols["name"])
    if not _PLACEHOLDER_NAME.match(name or "-"):
        return False
    for key in ("weight", "score"):
        if key in cols:
            value = parse_score(view.safe_value(row, cols[key])).value
            if value is not None and value > 0:
                return False
    return True


def _is_subtotal_row(view: SheetView, row: int, label_cols: list[int]) -> bool:
    return any(L.matches(text, L.SUBTOTAL_ROW) for text in _own_texts(view, row, label_cols))


def _find_end(view: SheetView, start: int, upto_col: int) -> tuple[int | None, str | None]:
    """The 总分 (or, failing that, 评价等次) row closing the table; unused blank
    template rows before it belong to the table."""
    for row in range(start, view.grid.max_row + 1):
        kind = _is_end_row(view, row, upto_col)
        if kind:
            return row, kind
    return None, None


def read_indicators(
    view: SheetView, header: HeaderRow, year: int | None = None
) -> tuple[list[Indicator], int | None, int, list[Subtotal]]:
    """Indicator rows until the 总分 row (or the 评价等次 row, or notes under the
    table). Returns (indicators, total_row, last_row_scanned, subtotals): a 小计
    row is not an indicator but the sum of the rows since the previous one.
    ``year`` places time phrases (``10月底前``) in the evaluation year."""
    cols = header.columns
    label_cols = [cols[k] for k in ("level1", "level2", "name") if k in cols]
    left = max(label_cols)
    l1, l2 = _Carry(Sourced.absent()), _Carry(Sourced.absent())
    w1 = Sourced.absent()
    out: list[Indicator] = []
    subtotals: list[Subtotal] = []
    group_start = 0
    blank_run = 0
    r = header.last_row + 1
    end_row, end_kind = _find_end(view, r, left)
    total_row = end_row if end_kind == "total" else None
    last = end_row - 1 if end_row is not None else view.grid.max_row
    while r <= last:
        level1 = _label_at(view, r, cols["level1"], l1) if "level1" in cols else Sourced.absent()
        level2 = _label_at(view, r, cols["level2"], l2) if "level2" in cols else Sourced.absent()
        name = view.sourced_text(r, cols["name"])
        data_cols = [cols[k] for k in ("target", "actual", "weight", "score") if k in cols]
        has_data = any(view.text(r, c) for c in data_cols)
        if not name.present and not has_data:
            blank_run += 1
            if end_row is None and blank_run > 3:  # no 总分 row: the table ends at a run of blank rows
                break
            r += 1
            continue
        blank_run = 0
        if _is_placeholder_row(view, r, cols):
            r += 1  # 本项目不涉及 with 分值 “/”, a template's （请填写三级指标名称）: no indicator
            continue
        if _is_subtotal_row(view, r, label_cols):
            label_col = next(c for c in label_cols if view.grid.anchor(r, c)[0] == r and L.matches(view.norm(r, c), L.SUBTOTAL_ROW))
            subtotals.append(
                Subtotal(
                    label=view.sourced_text(r, label_col),
                    weight=_number(view, r, cols.get("weight"), "小计分值"),
                    score=_number(view, r, cols.get("score"), "小计得分"),
                    first=group_start,
                    stop=len(out),
                )
            )
            group_start = len(out)
            r += 1
            continue
        label, weight = split_weight_label(level1.raw) if level1.raw else ("", None)
        if level1.ref is not None:
            level1 = Sourced(label or None, level1.raw, level1.ref)
            w1 = Sourced(weight, level1.raw, level1.ref) if weight is not None else Sourced(None, level1.raw, level1.ref)
        kind = view.sourced_text(r, cols["kind"]) if "kind" in cols else Sourced.absent()
        unit = view.text(r, cols["unit"]) if "unit" in cols else ""
        out.append(
            Indicator(
                level1=level1,
                level1_weight=w1,
                level2=level2,
                name=name,
                target=(target := _with_columns(_measure(view, r, cols.get("target"), year), kind.value, unit)),
                actual=_completion(_with_columns(_measure(view, r, cols.get("actual"), year), None, unit), target, year),
                weight=_number(view, r, cols.get("weight"), "分值"),
                score=_number(view, r, cols.get("score"), "得分"),
                deviation=view.sourced_text(r, cols["deviation"]) if "deviation" in cols else Sourced.absent(),
                kind=kind,
            )
        )
        r += 1
    if "weight" not in cols:
        out = _weights_from_full_groups(out)
    return out, total_row, r, subtotals


def _weights_from_full_groups(indicators: list[Indicator]) -> list[Indicator]:
    """A form without a 分值 column (湖北式 自评表) gives weights only in its 一级
    labels. Where a group's 得分 add up to its weight (产出指标（50分）, 得分
    10+10+10+10+10), every indicator in it has full marks — a score never
    exceeds its 分值 — so each 分值 is its score: derived, not written, so it
    has no cell."""
    groups: dict[str, list[int]] = {}
    for i, ind in enumerate(indicators):
        groups.setdefault(ind.level1.value or "", []).append(i)
    out = list(indicators)
    for members in groups.values():
        declared = indicators[members[0]].level1_weight.value
        scores = [indicators[i].score.value for i in members]
        if declared is None or any(s is None or s < 0 for s in scores) or abs(sum(scores) - declared) > 1e-6:
            continue
        for i in members:
            score = indicators[i].score
            out[i] = replace(out[i], weight=Sourced(score.value, "", None, decimals=score.decimals))
    return out


def _measure(view: SheetView, row: int, col: int | None, year: int | None) -> Sourced[Measure]:
    if col is None:
        return Sourced.absent()
    value = view.safe_value(row, col)
    ref = view.grid.ref(row, col)
    number_format = view.number_format(row, col)
    measure = parse_measure(value, number_format, year)
    if not measure.text and measure.number is None:
        return Sourced(None, "", ref, view.formula(row, col))
    # a number cell shows the decimals of its format (0.998 as “100%” under 0%), not of its stored value
    decimals = parse_number(value, number_format).decimals if isinstance(value, (int, float)) else None
    return Sourced(measure, measure.text, ref, view.formula(row, col), decimals=decimals, unit=measure.unit)


def _completion(actual: Sourced[Measure], target: Sourced[Measure], year: int | None) -> Sourced[Measure]:
    """Beside a deadline, a completion may say more than its date (``10月8日完成全部场次``,
    ``按期报送``): read the date out of it, when there is no other figure."""
    measure = actual.value
    if measure is None or measure.timing is not None or measure.number is not None:
        return actual
    if target.value is None or target.value.timing is None:
        return actual
    timing = parse_timing(squeeze(measure.text), year, lenient=True)
    if timing is None:
        return actual
    return Sourced(replace(measure, timing=timing), actual.raw, actual.ref, actual.formula, actual.decimals, actual.unit)


def _with_columns(value: Sourced[Measure], kind: str | None, unit: str) -> Sourced[Measure]:
    """A measure completed from the columns some forms keep apart (四川 510000_0013zp):
    the comparator in 指标性质 (``≤`` beside a bare ``15``), the unit in 度量单位."""
    measure = value.value
    if measure is None or measure.number is None:
        return value
    changes: dict = {}
    comparator = comparator_symbol(kind or "")
    if comparator is not None and measure.comparator is Comparator.NONE:
        changes["comparator"] = comparator
    unit = unit.strip()
    if unit and unit not in ("/", "-", "—") and not measure.unit:
        changes["unit"] = unit
    if not changes:
        return value
    measure = replace(measure, **changes)
    return Sourced(measure, value.raw, value.ref, value.formula, value.decimals, measure.unit)


def _number(view: SheetView, row: int, col: int | None, what: str) -> Sourced[float]:
    if col is None:
        return Sourced.absent()
    return view.sourced_parse(row, col, parse_score, what)


def read_total(view: SheetView, header: HeaderRow, total_row: int | None) -> tuple[Sourced[float], Sourced[float]]:
    if total_row is None:
        return Sourced.absent(), Sourced.absent()
    cols = header.columns
    return _number(view, total_row, cols.get("weight"), "总分分值"), _number(view, total_row, cols.get("score"), "总分")


def header_total(view: SheetView, rows: range) -> Sourced[float] | None:
    """A 总分 stated above the table (``总分：99.65分`` beside the 填报日期), or None."""
    found = label_value(view, L.HEADER_TOTAL, rows)
    if found is None or not found.raw:
        return None
    parsed = parse_score(found.raw)
    if parsed.value is None:
        return None
    return Sourced(parsed.value, found.raw, found.ref, found.formula, parsed.decimals, parsed.unit)


def label_at_row(view: SheetView, row: int, header: HeaderRow) -> Sourced[str]:
    """The label cell of a row (its first text left of the value columns)."""
    first_value = min(c for k, c in header.columns.items() if k in ("target", "actual", "weight", "score"))
    for c in range(1, first_value):
        if view.text(row, c):
            return view.sourced_text(row, c)
    return Sourced.absent(view.grid.ref(row, 1))


def read_grade(view: SheetView, rows: range) -> Grade | None:
    value = label_value(view, L.GRADE_ROW, rows)
    if value is None:
        return None
    if not value.raw:
        return Grade(value)
    text = _rest_of_row(view, value) if value.ref is not None else value.raw
    grade, checked, checkbox = parse_grade(text)
    return Grade(Sourced(grade, text, value.ref, value.formula), tuple(checked), checkbox)


def _rest_of_row(view: SheetView, first: Sourced) -> str:
    """The checkbox form is sometimes spread over cells (优☑ | 良□ | 中□ | 差□):
    the grade is everything from the value cell to the end of the row."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    letters, row = coordinate_from_string(first.ref.cell)
    col = column_index_from_string(letters)
    texts = [view.text(row, c) for c in range(col, view.grid.max_col + 1)]
    joined = " ".join(t for t in texts if t)
    return joined if any(mark in joined for mark in "☑✔✓√■☒▣●□☐○▢") else first.raw


def read_year(view: SheetView, rows: range) -> Sourced[int]:
    found = label_value(view, L.HEADER_FIELDS["year"], rows)
    if found is None or not found.raw:
        return Sourced(None, "", found.ref if found else None)
    return Sourced(parse_year(found.raw), found.raw, found.ref, found.formula)
