"""Build model projects from TOML data, for rule tests and benchmarks.

A project file (``tests/fixtures/projects/*.toml``) holds the figures of one
evaluation form as a clerk would type them; :func:`build_project` turns it into
a :class:`perfeval_xl.model.Project` whose every value carries the cell of the
standard layout (workbook.md): header rows 1-4, the funds block at rows 5-9
(年度资金总额 on row 6, columns C..H = 年初预算数, 全年预算数, 全年执行数, 分值,
执行率, 得分), the goals on row 11, indicators from row 14 (columns A..H), then
the 总分 row and the 评价等次 row. The narrative goes to sheet ``评价报告``,
one paragraph per row of column A.

A rule fixture (``tests/fixtures/rules/<ID>.toml``) names a baseline and lists
cases as *deltas* from it::

    rule = "XC101"
    baseline = "baseline_部门评价"          # optional, this is the default

    [cases.pass_rounded]
    set = { "funds.total.spent" = 41.83, "funds.total.rate" = "69.72%" }

    [cases.fail_wrong_rate]
    set = { "funds.total.rate" = "90%" }
    expect = [["XC101", "G6"]]              # (rule, cell) pairs, exactly these

Delta keys (applied in this order):

- ``baseline``: another project file for this case;
- ``delete``: paths to remove (``funds.fiscal`` drops the row,
  ``indicators.预算执行率`` drops the indicator);
- ``add_indicators``: list of indicator tables appended (or inserted
  ``after`` a named indicator);
- ``subtotals``: 小计 rows, each ``{ after = "<indicator name>", weight = …, score = … }``:
  a row of its own after that indicator (later rows move down one);
- ``missing_columns``: indicator fields whose column the form does not have
  (``set = { missing_columns = ["weight"] }``);
- ``set``: ``path = value`` in the order written; a measure may be a text
  (parsed as the reader does) or a table ``{ text = "0.9631", number = 96.31,
  unit = "%" }`` when the cell's text and meaning differ (rename an indicator last); ``""`` makes a cell blank. Indicators are
  addressed by 三级 name or by 0-based index (``indicators.3.score``);
- ``scheme``: ``部门评价`` / ``单位自评`` (default: the project's 评价方式);
- ``expect``: the findings of a fail case; a case named ``pass_*`` expects none;
- ``severity``: the severity every finding of the case must have (the policy in
  docs/严重程度.md is part of a rule's contract);
- ``message_contains`` / ``related_contains``: texts every finding's message holds,
  cells every finding lists among its related cells.

A measure may also be a TOML date (``actual = 2023-10-26``): a date cell.
  A cell may be written ``评价报告!A5`` to pin the sheet too.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import re
import tomllib
from pathlib import Path
from typing import Any

from perfeval_xl.model import (
    CellRef,
    Comparator,
    Funds,
    FundsRow,
    Grade,
    Indicator,
    Measure,
    Paragraph,
    Project,
    QualLevel,
    Sourced,
    Subtotal,
)
from perfeval_xl.scheme import DEPARTMENT, SELF, Scheme

from perfeval_xl.read.values import parse_measure

FIXTURES = Path(__file__).parent / "fixtures"
PROJECTS = FIXTURES / "projects"
RULE_FIXTURES = FIXTURES / "rules"

FORM_SHEET = "绩效评价表"
NARRATIVE_SHEET = "评价报告"
FUNDS_ROWS = {"total": 6, "fiscal": 7, "carryover": 8, "other": 9}
FUNDS_COLUMNS = {"label": "B", "initial": "C", "budget": "D", "spent": "E", "weight": "F", "rate": "G", "score": "H"}
INDICATOR_COLUMNS = {
    "level1": "A", "level2": "B", "name": "C", "target": "D",
    "actual": "E", "weight": "F", "score": "G", "deviation": "H",
}
FIRST_INDICATOR_ROW = 14
SCHEMES = {"部门评价": DEPARTMENT, "财政评价": DEPARTMENT, "单位自评": SELF}


# ---------------------------------------------------------------- loading


def load_project_data(name: str) -> dict[str, Any]:
    """A fresh copy of a project file's data (parsed once: hundreds of cases share two baselines)."""
    return copy.deepcopy(_parsed_project(name))


@functools.lru_cache(maxsize=None)
def _parsed_project(name: str) -> dict[str, Any]:
    with open(PROJECTS / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


def load_rule_fixture(path: Path) -> dict[str, Any]:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def scheme_for(data: dict[str, Any], override: str | None = None) -> Scheme:
    return SCHEMES.get(override or data.get("method", ""), DEPARTMENT)


# ---------------------------------------------------------------- deltas


def _indicator_index(indicators: list[dict], key: str) -> int:
    if key.isdigit():
        return int(key)
    for i, ind in enumerate(indicators):
        if ind.get("name") == key:
            return i
    raise KeyError(f"no indicator named {key!r}")


def _resolve(data: dict, path: str) -> tuple[Any, Any]:
    """The container and key a dotted path points at."""
    parts = path.split(".")
    node: Any = data
    for part in parts[:-1]:
        if isinstance(node, list):
            node = node[_indicator_index(node, part)]
        else:
            node = node.setdefault(part, {})  # setting into an absent funds row creates it
    last = parts[-1]
    if isinstance(node, list):
        return node, _indicator_index(node, last)
    return node, last


def apply_delta(data: dict[str, Any], case: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``data`` with the case's ``delete``/``add_indicators``/``set`` applied."""
    data = copy.deepcopy(data)
    for path in case.get("delete", []):
        container, key = _resolve(data, path)
        del container[key]
    for extra in case.get("add_indicators", []):
        extra = dict(extra)
        after = extra.pop("after", None)
        indicators = data["indicators"]
        at = _indicator_index(indicators, after) + 1 if after is not None else len(indicators)
        indicators.insert(at, extra)
    if "subtotals" in case:
        data["subtotals"] = copy.deepcopy(case["subtotals"])
    for path, value in case.get("set", {}).items():
        container, key = _resolve(data, path)
        container[key] = value
    return data


# ---------------------------------------------------------------- values


def _decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def _number(value: Any, ref: CellRef, unit: str | None = None) -> Sourced[float]:
    if value is None or value == "":
        return Sourced(None, "", ref)
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*(\S*)\s*", value)
        if not m:
            return Sourced(None, value, ref)
        return Sourced(float(m.group(1)), value, ref, decimals=_decimals(m.group(1)), unit=m.group(2) or unit)
    raw = str(value)
    return Sourced(float(value), raw, ref, decimals=_decimals(raw) if isinstance(value, float) else 0, unit=unit)


def _rate(value: Any, ref: CellRef) -> Sourced[float]:
    """``"69.71%"`` -> 0.6971 with 2 decimals; a bare number is a fraction."""
    if isinstance(value, str) and value.strip().endswith("%"):
        digits = value.strip()[:-1].strip()
        try:
            return Sourced(float(digits) / 100, value, ref, decimals=_decimals(digits), unit="%")
        except ValueError:
            return Sourced(None, value, ref)
    return _number(value, ref, unit="%")


def _text(value: Any, ref: CellRef) -> Sourced[str]:
    text = "" if value is None else str(value)
    return Sourced(text.strip() or None, text, ref)


_COMPARATORS = {
    "≥": Comparator.GE, ">=": Comparator.GE, "＞": Comparator.GT, ">": Comparator.GT,
    "≤": Comparator.LE, "<=": Comparator.LE, "<": Comparator.LT, "＜": Comparator.LT,
    "＝": Comparator.EQ, "=": Comparator.EQ,
}
@functools.lru_cache(maxsize=4096)
def _cached_measure(text: str, year: int | None) -> Measure:
    return parse_measure(text, None, year)


def _measure(value: Any, ref: CellRef, year: int | None) -> Sourced[Measure]:
    if isinstance(value, (dt.date, dt.datetime)):  # a TOML date: a date cell
        measure = parse_measure(value, "yyyy-mm-dd", year)
        return Sourced(measure, measure.text, ref)
    if isinstance(value, dict):  # a measure given field by field, as a reader may produce it
        fields = dict(value)
        fields["comparator"] = _COMPARATORS.get(fields.get("comparator", ""), Comparator.NONE)
        fields["level"] = QualLevel(fields["level"]) if fields.get("level") else None
        measure = Measure(**fields)
        return Sourced(measure, measure.text, ref, unit=measure.unit)
    text = "" if value is None else str(value)
    if not text.strip():
        return Sourced(None, text, ref)
    measure = _cached_measure(text, year)
    return Sourced(measure, text, ref, unit=measure.unit)


_WEIGHT_IN_LABEL = re.compile(r"^(.*?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$")


def _level1(label: str, ref: CellRef) -> tuple[Sourced[str], Sourced[float]]:
    m = _WEIGHT_IN_LABEL.match(label)
    if not m:
        return Sourced(label.strip() or None, label, ref), Sourced(None, label, ref)
    return Sourced(m.group(1).strip(), label, ref), Sourced(float(m.group(2)), label, ref, unit="分")


def _grade(text: str, ref: CellRef) -> Grade:
    if any(mark in text for mark in "☑□"):
        checked = tuple(g for g in "优良中差" if re.search(g + r"\s*☑", text))
        value = checked[0] if len(checked) == 1 else None
        return Grade(Sourced(value, text, ref), checked, True)
    return Grade(_text(text, ref), (text.strip(),) if text.strip() else (), False)


# ---------------------------------------------------------------- building


def _cell(column: str, row: int, sheet: str = FORM_SHEET) -> CellRef:
    return CellRef(sheet, f"{column}{row}")


def _funds_row(row_data: dict[str, Any], row: int) -> FundsRow:
    def ref(field: str) -> CellRef:
        return _cell(FUNDS_COLUMNS[field], row)

    return FundsRow(
        label=_text(row_data.get("label", ""), ref("label")),
        initial=_number(row_data.get("initial"), ref("initial"), "万元"),
        budget=_number(row_data.get("budget"), ref("budget"), "万元"),
        spent=_number(row_data.get("spent"), ref("spent"), "万元"),
        weight=_number(row_data.get("weight"), ref("weight")),
        rate=_rate(row_data.get("rate"), ref("rate")),
        score=_number(row_data.get("score"), ref("score")),
    )


def _indicators(
    rows: list[dict[str, Any]], year: int | None, subtotals: list[dict[str, Any]] = ()
) -> tuple[tuple[Indicator, ...], tuple[Subtotal, ...], int]:
    """The indicator rows, the 小计 rows placed ``after`` a named indicator (each
    takes a row of its own, in column B), and the first row after the table."""
    after = {sub["after"]: sub for sub in subtotals}
    built: list[Indicator] = []
    sums: list[Subtotal] = []
    level1_label, level1_row = "", FIRST_INDICATOR_ROW
    level2_label, level2_row = "", FIRST_INDICATOR_ROW
    row = FIRST_INDICATOR_ROW
    group_start = 0
    for data in rows:
        # a blank 一级/二级 means "same as above", as on merged forms; the ref stays on the merged cell
        if data.get("level1"):
            level1_label, level1_row = data["level1"], row
        if data.get("level2") or data.get("level1"):
            level2_label, level2_row = data.get("level2", ""), row
        level1, level1_weight = _level1(level1_label, _cell("A", level1_row))

        def ref(field: str, row: int = row) -> CellRef:
            return _cell(INDICATOR_COLUMNS[field], row)

        built.append(
            Indicator(
                level1=level1,
                level1_weight=level1_weight,
                level2=_text(level2_label, _cell("B", level2_row)),
                name=_text(data.get("name", ""), ref("name")),
                target=_measure(data.get("target"), ref("target"), year),
                actual=_measure(data.get("actual"), ref("actual"), year),
                weight=_number(data.get("weight"), ref("weight")),
                score=_number(data.get("score"), ref("score")),
                deviation=_text(data.get("deviation", ""), ref("deviation")),
                kind=_text(data.get("kind", ""), _cell("I", row)),
            )
        )
        row += 1
        sub = after.get(data.get("name"))
        if sub is not None:
            sums.append(
                Subtotal(
                    label=_text(sub.get("label", "小计"), _cell("B", row)),
                    weight=_number(sub.get("weight"), _cell(INDICATOR_COLUMNS["weight"], row)),
                    score=_number(sub.get("score"), _cell(INDICATOR_COLUMNS["score"], row)),
                    first=group_start,
                    stop=len(built),
                )
            )
            group_start = len(built)
            row += 1
    return tuple(built), tuple(sums), row


def build_project(data: dict[str, Any]) -> Project:
    """A model project laid out on the standard form."""
    funds_data = data.get("funds")
    funds = None
    if funds_data is not None:
        rows = {key: _funds_row(funds_data[key], FUNDS_ROWS[key]) for key in FUNDS_ROWS if key in funds_data}
        funds = Funds(
            total=rows.get("total") or _funds_row({}, FUNDS_ROWS["total"]),
            fiscal=rows.get("fiscal"),
            carryover=rows.get("carryover"),
            other=rows.get("other"),
            source_unit=funds_data.get("unit", "万元"),
        )
    year = data.get("year")
    indicators, subtotals, total_row = _indicators(data.get("indicators", []), year, data.get("subtotals", []))
    if data.get("missing_columns"):  # a form without these columns at all: no cell, not a blank one
        gone = {name: Sourced.absent() for name in data["missing_columns"]}
        indicators = tuple(dataclasses.replace(ind, **gone) for ind in indicators)
    return Project(
        file=data.get("file", "fixture.xlsx"),
        form_sheet=FORM_SHEET,
        title=_text(data.get("title", ""), _cell("A", 1)),
        name=_text(data.get("name", ""), _cell("B", 2)),
        department=_text(data.get("department", ""), _cell("B", 3)),
        implementer=_text(data.get("implementer", ""), _cell("F", 3)),
        year=Sourced(year, str(year or ""), _cell("B", 4)),
        method=_text(data.get("method", ""), _cell("F", 4)),
        funds=funds,
        goal_expected=_text(data.get("goal_expected", ""), _cell("B", 11)),
        goal_actual=_text(data.get("goal_actual", ""), _cell("F", 11)),
        indicators=indicators,
        total_weight=_number(data.get("total_weight"), _cell("F", total_row)),
        total_score=_number(data.get("total_score"), _cell("G", total_row)),
        grade=_grade(str(data.get("grade", "")), _cell("B", total_row + 1)),
        narrative=tuple(
            Paragraph(text, CellRef(NARRATIVE_SHEET, f"A{i + 1}")) for i, text in enumerate(data.get("narrative", []))
        ),
        narrative_sheet=NARRATIVE_SHEET if data.get("narrative") else None,
        subtotals=subtotals,
    )


def build_case(fixture: dict[str, Any], case: dict[str, Any]) -> tuple[Project, Scheme]:
    """The project and scheme of one fixture case."""
    base = load_project_data(case.get("baseline") or fixture.get("baseline") or "baseline_部门评价")
    data = apply_delta(base, case)
    return build_project(data), scheme_for(data, case.get("scheme") or fixture.get("scheme"))
