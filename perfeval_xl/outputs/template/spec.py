"""A project as the clerk would type it, independent of any sheet layout.

``ProjectSpec`` holds raw cell contents (numbers, or strings such as
``"100%"``, ``"≥20家"``, ``"项目决策（20分）"``); the writer decides where and in
which spelling they land. Specs are loaded from TOML so the bundled samples
are data a reviewer can read and edit.

Conventions of a spec (the writer converts them to whatever the layout asks):
money in 万元, rates as fractions or percentage strings, scores as numbers.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

# A raw cell value as typed: a number, a string, or nothing.
Raw = float | int | str | None

FUNDS_ROW_KEYS = ("total", "fiscal", "carryover", "other")
FUNDS_ROW_LABELS = {
    "total": "年度资金总额",
    "fiscal": "其中：当年财政拨款",
    "carryover": "上年结转资金",
    "other": "其他资金",
}


@dataclass
class FundsRowSpec:
    """One row of the 项目资金 block; every field optional (blank cell)."""

    initial: Raw = None  # 年初预算数
    budget: Raw = None  # 全年预算数（A）
    spent: Raw = None  # 全年执行数（B）
    weight: Raw = None  # 分值
    rate: Raw = None  # 执行率
    score: Raw = None  # 得分


@dataclass
class IndicatorSpec:
    """One 三级指标 row. ``level1`` is typed with its weight, e.g. ``项目决策（20分）``."""

    level1: str
    level2: str
    name: str
    target: str  # 年度指标值, e.g. ≥20家 / 全部符合 / 10月底前
    actual: str | dt.date  # 全年完成值; a date is a date cell (TOML: actual = 2023-10-26)
    weight: Raw  # 分值
    score: Raw  # 得分
    deviation: str = ""  # 偏差原因分析及改进措施
    kind: str = ""  # 指标类型 正向/反向/定性 (written only when the layout has the column)


@dataclass
class SubtotalSpec:
    """What the clerk typed in the 小计 row closing one 一级 group (when the
    layout has such rows). A blank field is the sum of the group's rows."""

    level1: str  # the 一级 label of the group, as in IndicatorSpec.level1
    weight: Raw = None
    score: Raw = None


@dataclass
class ProjectSpec:
    title: str
    name: str
    department: str
    implementer: str
    year: int | None
    method: str  # 单位自评 / 部门评价 / 财政评价
    funds: dict[str, FundsRowSpec]  # keys from FUNDS_ROW_KEYS
    goal_expected: str
    goal_actual: str
    indicators: list[IndicatorSpec]
    total_weight: Raw
    total_score: Raw
    grade: str  # the chosen grade 优/良/中/差 (the layout decides plain or ☑ form); "" left blank
    narrative: list[str] = field(default_factory=list)  # one entry per paragraph
    subtotals: list[SubtotalSpec] = field(default_factory=list)  # 小计 figures that are not the sums


def spec_from_dict(data: dict) -> ProjectSpec:
    """Build a spec from the TOML layout (see ``samples/specs/*.toml``).

    Unknown keys are an error so that a typo in a sample never goes unnoticed.
    """
    project = dict(data.get("project", {}))
    _check_keys(project, ProjectSpec, "project", extra={"funds", "indicators", "narrative", "subtotals"})
    funds_data = data.get("funds", {})
    unknown_rows = set(funds_data) - set(FUNDS_ROW_KEYS)
    if unknown_rows:
        raise ValueError(f"funds: unknown rows {sorted(unknown_rows)}")
    funds = {}
    for key in FUNDS_ROW_KEYS:
        row = funds_data.get(key, {})
        _check_keys(row, FundsRowSpec, f"funds.{key}")
        funds[key] = FundsRowSpec(**row)
    indicators = []
    for i, item in enumerate(data.get("indicators", [])):
        _check_keys(item, IndicatorSpec, f"indicators[{i}]")
        indicators.append(IndicatorSpec(**item))
    subtotals = []
    for i, item in enumerate(data.get("subtotals", [])):
        _check_keys(item, SubtotalSpec, f"subtotals[{i}]")
        subtotals.append(SubtotalSpec(**item))
    narrative = data.get("narrative", {}).get("paragraphs", [])
    return ProjectSpec(
        funds=funds,
        indicators=indicators,
        subtotals=subtotals,
        narrative=[p for p in narrative if p.strip()],
        **project,
    )


def load_spec(path: str | Path) -> ProjectSpec:
    """Read a project spec from a TOML file."""
    with open(path, "rb") as fh:
        return spec_from_dict(tomllib.load(fh))


def _check_keys(data: dict, cls: type, where: str, extra: set[str] = frozenset()) -> None:
    allowed = {f.name for f in fields(cls)} - extra
    unknown = set(data) - allowed
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)} (allowed: {sorted(allowed)})")
