"""The indicator table of the 绩效评价表: its rows, read by label, until the table ends.

A row is one 三级指标, unless it is a 小计 (the sum of the rows since the
previous one, kept as a :class:`~perfeval_xl.model.Subtotal`), a row that
holds no indicator (无 / 不适用 / a template's placeholder), or a closing row
(总分, 评价等次, notes) that ends the table. 一级/二级 labels merged down or
written once carry over; the 指标性质 and 度量单位 columns some forms keep
apart complete the measures; a completion beside a deadline may say more than
its date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from perfeval_xl.model import Comparator, Indicator, Measure, Sourced, Subtotal
from perfeval_xl.read import vocabulary as L
from perfeval_xl.read.form import HeaderRow
from perfeval_xl.read.sheet import SheetView
from perfeval_xl.read.values import (
    parse_measure,
    parse_number,
    parse_score,
    split_weight_label,
)
from perfeval_xl.values.measures import comparator_symbol
from perfeval_xl.values.text import squeeze
from perfeval_xl.values.timing import parse_timing


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
        target = _with_columns(_measure(view, r, cols.get("target"), year), kind.value, unit)
        actual = _completion(_with_columns(_measure(view, r, cols.get("actual"), year), None, unit), target, year)
        out.append(
            Indicator(
                level1=level1,
                level1_weight=w1,
                level2=level2,
                name=name,
                target=target,
                actual=actual,
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
