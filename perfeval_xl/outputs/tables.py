"""The batch as pandas DataFrames, and the summary's tables computed from them.

Imported by the process that builds the tables (the parent of a run, a
notebook), never by the per-file workers: those send plain records
(:mod:`perfeval_xl.outputs.records`), and pandas is a third of a second to import.

Every table is built from the records that ``results.json`` holds, by the same
code, so a run and its reloaded ``results.json`` give equal tables. Columns
and dtypes are fixed (see README “在 Python 中使用”): money in 万元 and scores
are floats, counts and years nullable integers, texts and cell addresses
strings, 等次 / 严重程度 / 达成情况 ordered categoricals (``>= "良"`` works).
"""

from __future__ import annotations

from itertools import islice
from typing import Any, Iterable, Iterator

import pandas as pd

from perfeval_xl.model import GRADES
from perfeval_xl.outputs.records import INDICATOR_FIELDS, NARRATIVE_ONLY
from perfeval_xl.scoring.assessment import EQUAL, POSITIVE, QUALITATIVE, REVERSE, TIME

SEVERITY = pd.CategoricalDtype(["info", "warning", "error"], ordered=True)
ACHIEVEMENT = pd.CategoricalDtype(["未达成", "部分达成", "基本达成", "达成"], ordered=True)
KIND = pd.CategoricalDtype([POSITIVE, REVERSE, EQUAL, QUALITATIVE, TIME])  # the kinds scoring knows
GRADE = "grade"  # an ordered categorical of 差 < 中 < 良 < 优 (see _grade_dtype)
TEXT = "string"
NO_DEPARTMENT = "（未填主管部门）"

PROJECT_COLUMNS: dict[str, Any] = {
    "rank": "Int64",
    "file": TEXT,
    "project": TEXT,
    "department": TEXT,
    "implementer": TEXT,
    "year": "Int64",
    "method": TEXT,
    "scheme": TEXT,
    "narrative_only": "bool",  # a report without its form: checked on its narrative only, never scored or ranked
    "budget": "float64",
    "spent": "float64",
    "rate": "float64",
    "reported_score": "float64",
    "computed_score": "float64",
    "reported_grade": GRADE,
    "computed_grade": GRADE,
    "errors": "Int64",
    "warnings": "Int64",
    "infos": "Int64",
    "output": TEXT,
}
# results.json's order: the contract's keys (shared/spec/workbook.md), then the ones added since
JSON_PROJECT_KEYS = (
    "file", "status", "project", "department", "year", "scheme", "reported_score", "computed_score",
    "reported_grade", "computed_grade", "rank", "output", "errors", "warnings",
    "infos", "implementer", "method", "budget", "spent", "rate", "narrative_only",
)
FINDING_COLUMNS: dict[str, Any] = {
    "file": TEXT,
    "severity": SEVERITY,
    "rule": TEXT,
    "sheet": TEXT,
    "cell": TEXT,
    "related": TEXT,  # the other cells, joined by 、
    "message": TEXT,
    "expected": TEXT,
    "actual": TEXT,
}
INDICATOR_COLUMNS: dict[str, Any] = {
    "file": TEXT,
    "position": "Int64",
    "sheet": TEXT,
    "cell": TEXT,
    "row": "Int64",
    "level1": TEXT,
    "level2": TEXT,
    "level3": TEXT,
    "kind": KIND,
    "target_text": TEXT,
    "target_comparator": TEXT,
    "target_value": "float64",
    "target_unit": TEXT,
    "actual_text": TEXT,
    "actual_comparator": TEXT,
    "actual_value": "float64",
    "actual_unit": TEXT,
    "weight": "float64",
    "self_score": "float64",
    "computed_score": "float64",
    "achievement": ACHIEVEMENT,
    "severity": SEVERITY,
    "rules": TEXT,
    "messages": TEXT,
}
FAILED_COLUMNS: dict[str, Any] = {"file": TEXT, "error": TEXT}
assert tuple(INDICATOR_COLUMNS) == INDICATOR_FIELDS  # the workers' tuples are read by position
# joined from the project's row, so each table can be read on its own
PROJECT_OF_ROW = ("project", "department")


def build(records: dict[str, Any], name: str, projects: pd.DataFrame | None = None) -> pd.DataFrame:
    """One of the four tables of the records of a run (``results.json``'s
    lists, or :func:`perfeval_xl.outputs.records.results_records`); findings
    and indicators are joined to ``projects`` (that table, built when not given)."""
    if name == "projects":
        return rank_projects(_project_frame(records.get("projects", [])))
    if name == "failed":
        return _frame(records.get("failed", []), FAILED_COLUMNS)
    projects = projects if projects is not None else build(records, "projects")
    if name == "findings":
        return _with_project(_frame(records.get("findings", []), FINDING_COLUMNS, related=True), projects)
    if name == "indicators":
        return _with_project(_frame(records.get("indicators", []), INDICATOR_COLUMNS), projects)
    raise KeyError(name)


def ranked_project_records(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Project records as results.json lists them: ranked, the contract's keys first."""
    projects = rank_projects(_project_frame(records))
    return [
        {key: ("ok" if key == "status" else r[key]) for key in JSON_PROJECT_KEYS}
        for r in plain_rows(projects[list(PROJECT_COLUMNS)])
    ]


def _project_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    frame = _frame(records, PROJECT_COLUMNS)
    # a results.json written before the key existed marked such a report by its scheme alone
    frame["narrative_only"] |= frame["scheme"].eq(NARRATIVE_ONLY).fillna(False).astype(bool)
    return frame


def _grade_dtype(values: list[Any]) -> pd.CategoricalDtype:
    """差 < 中 < 良 < 优; a scheme's own grade names (rare) rank below them."""
    extra = sorted({v for v in values if v is not None and v not in GRADES})
    return pd.CategoricalDtype([*extra, *reversed(GRADES)], ordered=True)


def _frame(records: Iterable, columns: dict[str, Any], *, related: bool = False) -> pd.DataFrame:
    """A table of records: dicts (from results.json), or sequences in the
    columns' order (read a thousand at a time: a run's 150,000 indicator rows
    need not all be unpacked at once)."""
    by_name: dict[str, list] = {name: [] for name in columns}
    lists = [(values, dtype == TEXT) for values, dtype in zip(by_name.values(), columns.values())]
    shared: dict[str, str] = {}  # one object per distinct text: 产出指标 150,000 times is one string
    records = iter(records)
    while chunk := list(islice(records, 1000)):
        if isinstance(chunk[0], dict):
            chunk = [[r.get(name) for name in columns] for r in chunk]
        for (values, text), column in zip(lists, zip(*chunk)):
            values.extend([shared.setdefault(v, v) if v.__class__ is str else v for v in column] if text else column)
    data = {}
    for name, dtype in columns.items():
        values = by_name[name]
        if related and name == "related":
            values = ["、".join(v) if isinstance(v, list) else v for v in values]
            values = [v or None for v in values]
        if dtype == GRADE:
            dtype = _grade_dtype(values)
        elif dtype == "bool":
            values = [bool(v) for v in values]  # a key a record lacks is False
        data[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(data, columns=list(columns))


def _with_project(frame: pd.DataFrame, projects: pd.DataFrame) -> pd.DataFrame:
    """``project`` and ``department`` beside ``file`` (blank for a failed file)."""
    names = projects.set_index("file")[list(PROJECT_OF_ROW)]
    joined = frame.join(names, on="file")
    order = ["file", *PROJECT_OF_ROW, *[c for c in frame.columns if c != "file"]]
    return joined[order].reset_index(drop=True)


def normalized(text: pd.Series) -> pd.Series:
    """Text without any whitespace: ``甲 项目`` and ``甲项目`` are one project."""
    return text.fillna("").str.replace(r"\s+", "", regex=True)


def rank_projects(projects: pd.DataFrame) -> pd.DataFrame:
    """Best 核定总分 first; ties share a rank and the next rank skips (95, 95,
    90 -> 1, 1, 3); projects without a 核定总分 come last, unranked. Within a
    tie the order is by 主管部门, then file, for stability. Adds
    ``duplicates`` (how many other files hold the same 项目名称 and 主管部门,
    spaces ignored) and ``duplicate_group`` (the first of those files by name,
    so a reloaded run, whose projects come ranked, finds the same group)."""
    keyed = projects.assign(_department=normalized(projects["department"]), _name=normalized(projects["project"]))
    groups = keyed[keyed["_name"] != ""].groupby(["_name", "_department"], sort=False)["file"]
    size = groups.transform("size")
    keyed["duplicates"] = (size - 1).where(size > 1).astype("Int64").reindex(keyed.index).fillna(0)
    keyed["duplicate_group"] = groups.transform("min").where(size > 1).reindex(keyed.index).astype(TEXT)
    ordered = keyed.sort_values(
        ["computed_score", "_department", "file"], ascending=[False, True, True], na_position="last", kind="stable"
    )
    ordered["rank"] = ordered["computed_score"].rank(method="min", ascending=False).astype("Int64")
    return ordered.drop(columns=["_department", "_name"]).reset_index(drop=True)


def plain_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts of plain Python values, None where a value is missing."""
    columns = list(frame.columns)
    return [dict(zip(columns, row)) for row in plain_tuples(frame)]


def plain_tuples(frame: pd.DataFrame) -> Iterator[tuple]:
    """Rows as tuples of plain Python values (int, float, str), None where missing."""
    columns = [_plain(frame[c]) for c in frame.columns]
    return zip(*columns) if columns else iter(())


def _plain(column: pd.Series) -> list[Any]:
    missing = column.isna().tolist()
    if isinstance(column.dtype, pd.CategoricalDtype):
        values = column.astype(object).tolist()
    elif column.dtype == "float64":
        values = [_whole(v) for v in column.tolist()]
    else:
        values = column.astype(object).tolist()
    return [None if m else v for v, m in zip(values, missing)]


def _whole(x: float) -> int | float:
    return int(x) if x == x and x.is_integer() else x


def duplicate_text(group: list[str], file: str, named: int = 5) -> str:
    """``与 a.xlsx、b.xlsx 重复``; past ``named`` files the rest are counted, not named."""
    others = [f for f in group if f != file]
    if not others:
        return ""
    more = f" 等共 {len(others)} 个文件" if len(others) > named else ""
    return f"与 {'、'.join(others[:named])}{more} 重复"


def duplicate_texts(projects: pd.DataFrame) -> pd.Series:
    """The 重复提交 column of 汇总排名, by file (empty for a unique project)."""
    shared = projects.dropna(subset=["duplicate_group"])
    members = shared.groupby("duplicate_group")["file"].agg(sorted)
    texts = {f: duplicate_text(members[g], f) for f, g in zip(shared["file"], shared["duplicate_group"])}
    return pd.Series([texts.get(f, "") for f in projects["file"]], index=projects.index, dtype=object)


DEPARTMENT_COLUMNS = ("主管部门", "项目数", "全年预算数", "全年执行数", "执行率", "平均核定总分", *GRADES, "错误", "警告")


def grade_distribution(projects: pd.DataFrame) -> pd.DataFrame:
    """Projects per 主管部门 and 核定等次 (a pivot table; 优 良 中 差 always present)."""
    keyed = projects.assign(主管部门=_department(projects), 等次=projects["computed_grade"].astype(object))
    table = keyed.dropna(subset=["等次"]).pivot_table(index="主管部门", columns="等次", values="file", aggfunc="count", fill_value=0)
    return table.reindex(columns=list(GRADES), fill_value=0).astype("int64")


def _department(projects: pd.DataFrame) -> pd.Series:
    return projects["department"].fillna("").replace("", NO_DEPARTMENT).astype(object)


def department_table(projects: pd.DataFrame) -> pd.DataFrame:
    """Per 主管部门 (``DEPARTMENT_COLUMNS``): projects, A and B totals (of the
    known figures; NaN when none is known), execution rate, mean 核定总分 of the
    scored projects, projects per 等次 and error/warning counts; best mean first,
    departments without a score last, then by name."""
    keyed = projects.assign(主管部门=_department(projects))
    grouped = keyed.groupby("主管部门", sort=False)
    table = pd.DataFrame({
        "项目数": grouped.size(),
        "全年预算数": grouped["budget"].sum(min_count=1),
        "全年执行数": grouped["spent"].sum(min_count=1),
        "平均核定总分": grouped["computed_score"].mean(),
        "错误": grouped["errors"].sum().astype("int64"),
        "警告": grouped["warnings"].sum().astype("int64"),
    })
    budget = table["全年预算数"]
    table["执行率"] = (table["全年执行数"] / budget).where(budget > 0)
    grades = grade_distribution(projects).reindex(table.index, fill_value=0)
    table = table.join(grades).reset_index()
    table = table.sort_values(["平均核定总分", "主管部门"], ascending=[False, True], na_position="last", kind="stable")
    return table[list(DEPARTMENT_COLUMNS)].reset_index(drop=True)
