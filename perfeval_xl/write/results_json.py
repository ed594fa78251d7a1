"""``results.json``: the machine-readable results of a run, in the contract's
shape (shared/spec/workbook.md, "Machine-readable results of a run"),
extended compatibly: each project has a few more keys, and an ``indicators``
list holds one record per 三级指标 per project (README “results.json”).
It holds exactly the records the batch's tables are built from, so
:func:`perfeval_xl.read_results` gives the run's tables back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from perfeval_xl.findings import BatchResult
from perfeval_xl.write._atomic import atomic_target
from perfeval_xl.write.records import results_records

if TYPE_CHECKING:
    from perfeval_xl.write.tables import Batch


def results_json(batch: BatchResult, output_dir: Path | str | None = None) -> dict[str, Any]:
    """The results of a run as a dict, projects ranked. ``output`` paths are
    relative to the output folder (an absolute ``FileResult.output`` is made
    relative to ``output_dir``) and use forward slashes."""
    from perfeval_xl.write.tables import Batch  # pandas: only where the tables are built

    return Batch.from_records(results_records(batch, output_dir)).records()


def results_text(data: dict[str, Any]) -> str:
    """The document as written: the contract's lists indented as before, the
    indicator records one per line (tens of thousands of them would take the
    pure-Python indenting encoder half a second; one line each is the C encoder's)."""
    rest = {key: value for key, value in data.items() if key != "indicators"}
    text = json.dumps(rest, ensure_ascii=False, indent=2)
    if "indicators" not in data:
        return text + "\n"
    rows = ",\n    ".join(json.dumps(record, ensure_ascii=False) for record in data["indicators"])
    listed = f"[\n    {rows}\n  ]" if rows else "[]"
    head = text[:-2] if rest else "{"
    separator = ",\n" if rest else "\n"
    return f'{head}{separator}  "indicators": {listed}\n}}\n'


def write_results_json(tables: "Batch", path: Path | str) -> None:
    """Write the tables' records as ``results.json``, atomically (temp file
    beside it, then replace)."""
    text = results_text(tables.records())
    with atomic_target(Path(path)) as tmp:
        tmp.write_text(text, encoding="utf-8")
