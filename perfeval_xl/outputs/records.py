"""The results of a run as plain records: the rows of ``results.json`` and of
the batch's tables (:mod:`perfeval_xl.outputs.tables`).

No pandas here. :func:`indicator_records` runs in every per-file worker,
before the indicator rows are dropped from the slim result it sends back; the
rest runs in the parent. ``results.json`` holds exactly these records, so a
reloaded run gives the same tables as the run itself.

Numbers are written as people wrote them (95, not 95.0) and rounded to four
decimals: 万元 to the 元, scores and rates far below what anyone reads.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

from perfeval_xl.findings import BatchResult, FileResult, Finding, Severity
from perfeval_xl.model import Sourced
from perfeval_xl.scoring.indicator import assess_project, indicator_kind

QUANTITATIVE_MET = {True: "达成", False: "未达成"}
_ROW = re.compile(r"[A-Za-z]+(\d+)$")


# the 评价方案 column of a report checked without its form (issue 20)
NARRATIVE_ONLY = "仅核对报告正文"


def num(x: Any) -> int | float | None:
    """A number as people wrote it: 95, not 95.0; None stays None."""
    if x is None:
        return None
    x = float(x)
    return int(x) if x.is_integer() else round(x, 4)


def _value(sourced: Sourced | None) -> Any:
    return sourced.value if sourced is not None else None


def _number(sourced: Sourced | None) -> int | float | None:
    value = _value(sourced)
    return num(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _text(sourced: Sourced | None) -> str | None:
    value = _value(sourced)
    return None if value is None or value == "" else str(value)


def computed_total(result: FileResult) -> float | None:
    """The 核定总分 as ranked: to 0.01, so scores that print alike tie."""
    score = result.scoring.computed_total if result.scoring is not None else None
    return None if score is None else round(float(score), 2)


def output_path(result: FileResult, output_dir: Path | None) -> str | None:
    """The completed copy, relative to the output folder, with forward slashes."""
    if not result.output:
        return None
    out = Path(result.output)
    if out.is_absolute() and output_dir is not None:
        try:
            out = out.relative_to(output_dir)
        except ValueError:
            pass
    return out.as_posix()


def project_record(result: FileResult, output_dir: Path | None = None) -> dict[str, Any]:
    """One read project. The contract's keys first (``rank`` is set when the
    projects are ranked), then what the summary and the tables add."""
    p, s = result.project, result.scoring
    total = p.funds.total if p.funds is not None else None
    budget = _number(total.budget) if total is not None else None
    spent = _number(total.spent) if total is not None else None
    year = _value(p.year)
    return {
        "file": result.file,
        "status": "ok",
        "project": p.name.value,
        "department": p.department.value,
        "year": year if isinstance(year, int) and not isinstance(year, bool) else None,
        # a report without its form is checked on its narrative only, never scored: the contract's
        # keys stay as they are, the scheme says why there is no 核定总分 and no rank
        "scheme": s.scheme.name if s is not None else (NARRATIVE_ONLY if p.narrative_only else None),
        "reported_score": _number(p.total_score),
        "computed_score": num(computed_total(result)),
        "reported_grade": p.grade.value.value,
        "computed_grade": s.computed_grade if s is not None else None,
        "rank": None,
        "output": output_path(result, output_dir),
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "infos": result.count(Severity.INFO),
        "implementer": _text(p.implementer),
        "method": _text(p.method),
        "budget": budget,
        "spent": spent,
        # not rounded: the summary caches it as the value of =B/A, which a spreadsheet recomputes
        "rate": spent / budget if budget and spent is not None and budget > 0 else None,
        "narrative_only": p.narrative_only,
    }


def finding_record(finding: Finding, result: FileResult) -> dict[str, Any]:
    return {
        "file": result.file,  # the file whose result holds it (rules name the same file), so it joins its project
        "rule": finding.rule,
        "severity": finding.severity.value,
        "sheet": finding.sheet,
        "cell": finding.cell,
        "related": list(finding.related),
        "message": finding.message,
        "expected": finding.expected,
        "actual": finding.actual,
    }


def failed_record(result: FileResult) -> dict[str, Any]:
    return {"file": result.file, "error": result.failure}


def row_of(cell: str | None) -> int | None:
    match = _ROW.match(cell or "")
    return int(match.group(1)) if match else None


INDICATOR_FIELDS = (
    "file", "position", "sheet", "cell", "row", "level1", "level2", "level3", "kind",
    "target_text", "target_comparator", "target_value", "target_unit",
    "actual_text", "actual_comparator", "actual_value", "actual_unit",
    "weight", "self_score", "computed_score", "achievement", "severity", "rules", "messages",
)


def indicator_records(result: FileResult) -> tuple[tuple, ...]:
    """One record per 三级指标 of a read project, in form order: its labels,
    指标值 and 完成值 as written and as parsed, 分值, 自评 and 核定 score,
    whether it was achieved, and the findings on its row of the form.
    A tuple of ``INDICATOR_FIELDS``: a dict per row would be five times the
    memory, and a run keeps every row of every project."""
    project, scoring = result.project, result.scoring
    if project is None:
        return ()
    assessments = assess_project(project, scoring.scheme) if scoring is not None else ()
    computed = {s.index: s.computed for s in scoring.indicators} if scoring is not None else {}
    on_row: dict[int, list[Finding]] = {}
    for f in result.findings:
        row = row_of(f.cell) if f.sheet == project.form_sheet else None
        if row is not None:
            on_row.setdefault(row, []).append(f)
    records = []
    for index, ind in enumerate(project.indicators):
        assessment = assessments[index] if index < len(assessments) else None
        ref = ind.name.ref or ind.score.ref or ind.weight.ref
        row = row_of(ref.cell) if ref is not None else None
        found = on_row.get(row) if ref is not None and ref.sheet == project.form_sheet else None
        worst, rules, messages = _on_row(found) if found else (None, None, None)
        records.append((
            result.file,
            index + 1,
            ref.sheet if ref is not None else None,
            ref.cell if ref is not None else None,
            row,
            _text(ind.level1),
            _text(ind.level2),
            _text(ind.name),
            (assessment.kind if assessment is not None else indicator_kind(ind)) or None,
            *_measure(ind.target),
            *_measure(ind.actual),
            _number(ind.weight),
            _number(ind.score),
            num(computed.get(index)),
            _achievement(assessment),
            worst,
            rules,
            messages,
        ))
    return tuple(records)


def _on_row(found: list[Finding]) -> tuple[str, str, str]:
    """The worst severity, the rules and the messages of a row's findings."""
    found = sorted(found, key=lambda f: f.severity.rank)
    return found[0].severity.value, "、".join(dict.fromkeys(f.rule for f in found)), "\n".join(f.message for f in found)


def _measure(sourced: Sourced) -> tuple:
    """指标值 / 完成值 as written (the cell's text) and as parsed: text, comparator, number, unit."""
    measure = sourced.value
    written = sourced.raw.strip() or (measure.text if measure is not None else "")
    if measure is None:
        return (written or None, None, None, None)
    return (written or None, measure.comparator.value or None, num(measure.number), measure.unit)


def _achievement(assessment) -> str | None:
    """达成 / 基本达成 / 部分达成 / 未达成 as judged; None when it could not be."""
    if assessment is None or not assessment.judged:
        return None
    if assessment.level is not None:
        return assessment.level.value
    return QUANTITATIVE_MET.get(assessment.met)


SUMMARY_NAME = "汇总.xlsx"  # the names of a run's outputs in its output folder
RESULTS_NAME = "results.json"


def severity_counts(records: dict[str, Any]) -> dict[str, int]:
    """How many findings of each severity (``error``, ``warning``, ``info``) the records hold."""
    counts = {s.value: 0 for s in Severity}
    for finding in records["findings"]:
        counts[finding["severity"]] += 1
    return counts


# Between the values of packed records: a comma and a tab. JSON escapes every tab inside a
# string, so a raw tab is only ever a separator, and each value's JSON text can be cut out
# without decoding the records (results.json then writes that text again, keyed: 0.1 s less
# per 1000 projects than decoding and encoding them).
_SEPARATOR = ",\t"
_BETWEEN_RECORDS = "]" + _SEPARATOR + "["
_KEYED = "{" + ", ".join(json.dumps(name) + ": %s" for name in INDICATOR_FIELDS) + "}"


def packed(rows: tuple[tuple, ...]) -> bytes:
    """Indicator records as a slim result carries them: their number, a
    newline, and the records as JSON (a tab after each comma)."""
    return b"%d\n" % len(rows) + json.dumps(rows, ensure_ascii=False, separators=(_SEPARATOR, ":")).encode("utf-8") if rows else b""


def keyed_json(rows: bytes) -> list[str] | None:
    """Packed records as results.json writes each (a JSON object, keys
    ``INDICATOR_FIELDS``, the encoder's default separators), cut from their
    JSON text; None when that text is not as :func:`packed` writes it."""
    if not rows:
        return []
    text = rows[rows.index(b"\n") + 1 :].decode("utf-8")
    if not (text.startswith("[[") and text.endswith("]]")):
        return None
    records = text[2:-2].split(_BETWEEN_RECORDS)
    if len(records) != _count(rows):
        return None
    keyed = []
    for record in records:
        values = record.split(_SEPARATOR)
        if len(values) != len(INDICATOR_FIELDS):  # a value that is not a plain string, number or null
            return None
        keyed.append(_KEYED % tuple(values))
    return keyed


def _count(rows: bytes) -> int:
    return int(rows[: rows.index(b"\n")]) if rows else 0


def _unpacked(rows: bytes) -> list:
    return json.loads(rows[rows.index(b"\n") + 1 :]) if rows else []


def rows_of(result: FileResult) -> list:
    """The indicator records a slim result carries, or those of a full one."""
    if result.indicator_rows:
        return _unpacked(result.indicator_rows)
    if result.project is None or not result.project.indicators:
        return []
    return list(indicator_records(result))


class IndicatorRows:
    """Every indicator record of a batch, kept packed per file and unpacked
    file by file as they are read (a run of 10,000 projects has 150,000), so
    they are never all in memory at once, and cheap to send to another process.
    Can be read more than once."""

    def __init__(self, batch: BatchResult) -> None:
        self._packed = [r.indicator_rows or packed(tuple(rows_of(r))) for r in batch.files if r.ok]

    def __len__(self) -> int:
        return sum(map(_count, self._packed))

    def __iter__(self) -> Iterator[list]:
        for rows in self._packed:
            yield from _unpacked(rows)

    def keyed_json(self) -> Iterator[str]:
        """Each record as results.json writes it (:func:`keyed_json`)."""
        encode = json.JSONEncoder(ensure_ascii=False).encode
        for rows in self._packed:
            keyed = keyed_json(rows)
            yield from keyed if keyed is not None else (encode(dict(zip(INDICATOR_FIELDS, row))) for row in _unpacked(rows))


def results_records(batch: BatchResult, output_dir: Path | str | None = None) -> dict[str, Any]:
    """Every record of a run, in input order (projects not yet ranked): dicts,
    but the indicators as sequences of ``INDICATOR_FIELDS`` (:class:`IndicatorRows`)."""
    out_dir = Path(output_dir) if output_dir is not None else None
    return {
        "projects": [project_record(r, out_dir) for r in batch.files if r.ok and r.project is not None],
        "failed": [failed_record(r) for r in batch.failed],
        "findings": [finding_record(f, r) for r in batch.files for f in r.findings],
        "indicators": IndicatorRows(batch),
    }
