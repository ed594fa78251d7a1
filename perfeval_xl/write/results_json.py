"""``results.json``: the machine-readable results of a run, in the contract's
shape (shared/spec/workbook.md, "Machine-readable results of a run")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from perfeval_xl.findings import BatchResult, FileResult, Severity
from perfeval_xl.write._atomic import atomic_target
from perfeval_xl.write.console import NARRATIVE_ONLY
from perfeval_xl.write.ranking import computed_total, rank_projects


def _num(x: Any) -> int | float | None:
    """Numbers as people wrote them: 95, not 95.0."""
    if x is None:
        return None
    x = float(x)
    return int(x) if x.is_integer() else round(x, 4)


def _output(result: FileResult, output_dir: Path | None) -> str | None:
    if not result.output:
        return None
    out = Path(result.output)
    if out.is_absolute() and output_dir is not None:
        try:
            out = out.relative_to(output_dir)
        except ValueError:
            pass
    return out.as_posix()


def _project(result: FileResult, rank: int | None, output_dir: Path | None) -> dict[str, Any]:
    p, s = result.project, result.scoring
    return {
        "file": result.file,
        "status": "ok",
        "project": p.name.value,
        "department": p.department.value,
        "year": p.year.value,
        # a report without its form is checked on its narrative only, never scored: the contract's
        # keys stay as they are, the scheme says why there is no 核定总分 and no rank
        "scheme": s.scheme.name if s is not None else (NARRATIVE_ONLY if getattr(p, "narrative_only", False) else None),
        "reported_score": _num(p.total_score.value),
        "computed_score": _num(computed_total(result)),  # rounded as ranked, so tied ranks show equal scores
        "reported_grade": p.grade.value.value,
        "computed_grade": s.computed_grade if s is not None else None,
        "rank": rank,
        "output": _output(result, output_dir),
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
    }


def results_json(batch: BatchResult, output_dir: Path | str | None = None) -> dict[str, Any]:
    """The results of a run as a dict. ``output`` paths are relative to the
    output folder (an absolute ``FileResult.output`` is made relative to
    ``output_dir``) and use forward slashes."""
    out_dir = Path(output_dir) if output_dir is not None else None
    findings = []
    for result in batch.files:
        for f in result.findings:
            findings.append({
                "file": f.file or result.file, "rule": f.rule, "severity": f.severity.value,
                "sheet": f.sheet, "cell": f.cell, "related": list(f.related),
                "message": f.message, "expected": f.expected, "actual": f.actual,
            })
    return {
        "projects": [_project(r.result, r.rank, out_dir) for r in rank_projects(batch)],
        "failed": [{"file": r.file, "error": r.failure} for r in batch.failed],
        "findings": findings,
    }


def write_results_json(batch: BatchResult, path: Path | str) -> None:
    """Write ``results.json`` atomically (temp file beside it, then replace)."""
    path = Path(path)
    data = json.dumps(results_json(batch, path.parent), ensure_ascii=False, indent=2)
    with atomic_target(path) as tmp:
        tmp.write_text(data + "\n", encoding="utf-8")
