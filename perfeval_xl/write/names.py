"""Where a run writes: the output folder by default, and the names of its
files there. Nothing is imported, so the command can say them before it loads
the checker."""

from __future__ import annotations

from pathlib import Path

SUMMARY_NAME = "汇总.xlsx"  # fixed, not dated (see write.summary)
RESULTS_NAME = "results.json"


def default_output_dir(input_dir: Path) -> Path:
    """``<input>_结果`` beside the input folder, so it is never read as input."""
    resolved = input_dir.resolve()
    return resolved.parent / f"{resolved.name}_结果"
