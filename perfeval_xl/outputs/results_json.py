"""``results.json``: the machine-readable results of a run, in the contract's
shape (shared/spec/workbook.md, "Machine-readable results of a run"),
extended compatibly: each project has a few more keys, and an ``indicators``
list holds one record per 三级指标 per project (README “results.json”).
It holds exactly the records the batch's tables are built from, so
:func:`perfeval_xl.read_results` gives the run's tables back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, TextIO

from perfeval_xl.findings import BatchResult
from perfeval_xl.ooxml.atomic import atomic_target
from perfeval_xl.outputs.records import INDICATOR_FIELDS, IndicatorRows, results_records


def results_json(batch: BatchResult, output_dir: Path | str | None = None) -> dict[str, Any]:
    """The results of a run as a dict, projects ranked. ``output`` paths are
    relative to the output folder (an absolute ``FileResult.output`` is made
    relative to ``output_dir``) and use forward slashes."""
    records = results_records(batch, output_dir)
    document = _contract_lists(records)
    document["indicators"] = [_indicator(row) for row in records["indicators"]]
    return document


def _contract_lists(records: dict[str, Any]) -> dict[str, Any]:
    """projects (ranked as the tables rank them), failed and findings."""
    from perfeval_xl.outputs.tables import (
        ranked_project_records,  # pandas: only where the tables are built
    )

    return {"projects": ranked_project_records(records["projects"]), "failed": records["failed"], "findings": records["findings"]}


def _indicator(row) -> dict[str, Any]:
    return row if isinstance(row, dict) else dict(zip(INDICATOR_FIELDS, row))


def write_results_json(records: dict[str, Any], path: Path | str) -> None:
    """Write ``results.json`` from a run's records (:func:`results_records`),
    atomically (temp file beside it, then replace). The projects are ranked
    here, so a run can write this beside building its tables."""
    with atomic_target(Path(path)) as tmp, open(tmp, "w", encoding="utf-8") as out:
        write_document(_contract_lists(records), records["indicators"], out)


def write_document(lists: dict[str, Any], indicators: Iterable, out: TextIO) -> None:
    """The contract's lists indented as they always were, then the indicator
    records one per line: tens of thousands of them would take the indenting
    encoder (pure Python) half a second, one line each is the C encoder's."""
    head = json.dumps(lists, ensure_ascii=False, indent=2)
    out.write(head[:-2] + ',\n  "indicators": [')
    if isinstance(indicators, IndicatorRows):  # a run's records: their JSON text, cut and keyed
        lines = indicators.keyed_json()
    else:
        encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per row as json.dumps makes
        lines = (encode(_indicator(row)) for row in indicators)
    separator = "\n    "
    for line in lines:
        out.write(separator + line)
        separator = ",\n    "
    out.write("]\n}\n" if separator == "\n    " else "\n  ]\n}\n")
