"""Ranking projects by 核定总分, and spotting projects submitted twice.

Shared by the summary workbook and ``results.json`` so both always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from perfeval_xl.findings import BatchResult, FileResult

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Ranked:
    """One read project with its place. ``rank`` is None when it has no 核定总分."""

    rank: int | None
    result: FileResult


def computed_total(result: FileResult) -> float | None:
    score = result.scoring.computed_total if result.scoring is not None else None
    return None if score is None else round(float(score), 2)  # scores tie at 0.01


def rank_projects(batch: BatchResult) -> list[Ranked]:
    """Read projects, best 核定总分 first. Ties share a rank and the next rank
    skips (95, 95, 90 -> 1, 1, 3); projects without a 核定总分 come last,
    unranked — among them the reports checked without their form
    (``Project.narrative_only``, never scored). Within a tie the order is by
    主管部门, then file, for stability."""

    def key(r: FileResult):
        score = computed_total(r)
        return (score is None, -(score or 0), _text(r, "department"), r.file)

    ordered = sorted((r for r in batch.read if r.project is not None), key=key)
    ranked: list[Ranked] = []
    previous: float | None = None
    rank = 0
    for position, result in enumerate(ordered, start=1):
        score = computed_total(result)
        if score is None:
            ranked.append(Ranked(None, result))
            continue
        if score != previous:
            rank, previous = position, score
        ranked.append(Ranked(rank, result))
    return ranked


def _text(result: FileResult, field: str) -> str:
    value = getattr(result.project, field).value if result.project is not None else None
    return _SPACE.sub("", str(value or ""))


def duplicate_groups(batch: BatchResult) -> dict[str, tuple[str, ...]]:
    """file -> every file (itself included) holding the same project (same
    项目名称 and 主管部门, ignoring spaces). Files without a duplicate are left
    out. A group is one shared tuple: 600 copies of a project cost 600
    entries, not 600 lists of 599."""
    groups: dict[tuple[str, str], list[str]] = {}
    for r in batch.read:
        if r.project is not None and _text(r, "name"):
            groups.setdefault((_text(r, "name"), _text(r, "department")), []).append(r.file)
    return {f: group for files in groups.values() if len(files) > 1 for group in (tuple(files),) for f in group}


def duplicates(batch: BatchResult) -> dict[str, list[str]]:
    """file -> the other files holding the same project (see :func:`duplicate_groups`)."""
    return {f: [o for o in group if o != f] for f, group in duplicate_groups(batch).items()}
