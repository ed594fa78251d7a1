"""One 三级指标 row as a form author writes it, and the sums a form shows."""

from __future__ import annotations

from dataclasses import dataclass, replace

from tests.independent_forms._figures import total


@dataclass
class Ind:
    l1: str  # 一级 label exactly as written (may carry its weight: 产出指标(50分))
    l2: str
    name: str
    target: object  # 年度指标值 as written: text, number or date
    actual: object  # 全年完成值 as written
    weight: float
    score: float
    why: str = ""  # 偏差原因分析及改进措施
    kind: str = ""  # 指标性质 / 指标类型, for layouts that have the column
    unit: str = ""  # 度量单位, for layouts that have the column


def weights(rows: list[Ind]) -> float:
    return total(*(r.weight for r in rows))


def scores(rows: list[Ind]) -> float:
    return total(*(r.score for r in rows))


def groups(rows: list[Ind]) -> list[list[Ind]]:
    """Consecutive rows of one 一级指标."""
    out: list[list[Ind]] = []
    for r in rows:
        if out and out[-1][0].l1 == r.l1:
            out[-1].append(r)
        else:
            out.append([r])
    return out


def changed(rows: list[Ind], index: int, **fields) -> list[Ind]:
    """A copy of ``rows`` with one row's fields replaced (for planting a fault)."""
    out = list(rows)
    out[index] = replace(out[index], **fields)
    return out


def runs(group: list[Ind]) -> list[list[Ind]]:
    """Consecutive rows of one 二级指标 within a group."""
    out: list[list[Ind]] = []
    for r in group:
        if out and out[-1][0].l2 == r.l2:
            out[-1].append(r)
        else:
            out.append([r])
    return out


@dataclass(frozen=True)
class Shown:
    """A number stored with the format a clerk gave it (0.97 shown as 97%)."""

    value: float
    number_format: str


@dataclass
class Facts:
    """What every form of the seed-like layouts states about its project."""

    year: int
    project: str
    department: str
    implementer: str
    initial: float  # 年初预算数, 万元
    budget: float  # 全年预算数 (A)
    spent: float  # 全年执行数 (B)
    expected: str  # 年度总体目标: 预期目标
    achieved: str  # 实际完成情况
    rows: list[Ind]
