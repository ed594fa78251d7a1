"""The 项目资金 block: its header (column order, money unit) and its rows."""

from __future__ import annotations

import re

from perfeval_xl.importer.labels import FUNDS_HEADER, FUNDS_ROWS, match, norm
from perfeval_xl.outputs.template.meaning import number_of
from perfeval_xl.outputs.template.spec import FUNDS_ROW_LABELS, FundsRowSpec

DEFAULT_COLUMNS = ["initial", "budget", "spent", "weight", "rate", "score"]
COLUMN_NAMES = {"initial": "年初预算数", "budget": "全年预算数", "spent": "全年执行数",
                "weight": "分值", "rate": "执行率", "score": "得分"}
_BLANKS = {"-", "—", "–", "/", "／", "无", "——"}


def funds_header(cells: list[str]) -> list[str] | None:
    """Column keys in the order the header row names them, or None if the row
    is not a funds header (it must name at least two money columns)."""
    keys = [key for cell in cells if (key := match(cell, FUNDS_HEADER)) is not None]
    money = {"initial", "budget", "spent"} & set(keys)
    return keys if len(money) >= 2 else None


def money_unit(cells: list[str]) -> str | None:
    """``元`` or ``万元`` when a cell of the row states the unit."""
    for cell in cells:
        text = norm(cell)
        if re.search(r"\(元\)|单位:元|金额:元|^元$", text):
            return "元"
        if "万元" in text:
            return "万元"
    return None


def split_funds_rows(cells: list[str]) -> list[tuple[str, list[str]]]:
    """(row key, cells after its label) for every funds label in the row; a
    row that swallowed the next one (a lost line break) yields both."""
    found: list[tuple[str, list[str]]] = []
    for cell in cells:
        key = funds_row_key(cell)
        if key is not None:
            found.append((key, []))
        elif found:
            found[-1][1].append(cell)
    return found


def funds_row_key(cell: str) -> str | None:
    """total / fiscal / carryover / other for a row label; ``其中：`` only says
    the row is a part (``其中：上年结转资金`` is the carry-over row)."""
    text = norm(cell)
    if len(text) > 14:
        return None
    rest = re.sub(r"^其中:?", "", text)
    if not rest:
        return "fiscal" if text.startswith("其中") else None
    return match(rest, FUNDS_ROWS, prefix=True)


def funds_row(key: str, values: list[str], columns: list[str], unit: str, notes: list[str]) -> FundsRowSpec:
    """One row's spec. Amounts become 万元 (the spec's unit); the 分值/执行率/得分
    belong to the 年度资金总额 row only — elsewhere they are reported, not placed."""
    spec = FundsRowSpec()
    label = FUNDS_ROW_LABELS[key]
    for column, text in zip(columns, values):
        if not text or text.strip() in _BLANKS:
            continue
        if column in ("weight", "rate", "score") and key != "total":
            notes.append(f"项目资金“{label}”行的“{COLUMN_NAMES[column]}”（{text}）未填入：标准表只在“年度资金总额”行计分。")
            continue
        value = _money(text, unit) if column in ("initial", "budget", "spent") else _plain(text)
        setattr(spec, column, value)
    extra = [v for v in values[len(columns):] if v.strip()]
    if extra:
        notes.append(f"项目资金“{label}”行多出的内容未填入：{'、'.join(extra)}。")
    return spec


def _money(text: str, unit: str):
    """An amount in 万元; text the writer cannot read as money stays text."""
    text = re.sub(r"万\s*$", "万元", text.strip())  # 60万 is 60万元
    value = number_of(text)
    if value is None:
        return text
    stated = re.search(r"(万元|元)\s*$", text.strip())
    if unit == "元" and not stated:
        value /= 10000
    return round(value, 6)


def _plain(text: str):
    value = number_of(text)
    return text if value is None or "%" in text else value
