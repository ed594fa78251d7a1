"""A run hides what was loaded before it from Python's cycle collector (each
collection used to walk pandas, openpyxl and every result so far: a third of
the time per file), and gives it back afterwards."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

from perfeval_xl.batch import run

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_the_collector_skips_the_loaded_libraries_during_a_run_only(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for sample in sorted(SAMPLES.glob("*.xlsx"))[:3]:
        shutil.copy(sample, inputs / sample.name)
    frozen_during: list[int] = []
    thresholds_during: list[tuple[int, int, int]] = []

    def seen(_result) -> None:
        frozen_during.append(gc.get_freeze_count())
        thresholds_during.append(gc.get_threshold())

    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    outcome = run(inputs, tmp_path / "out", jobs=1, on_file=seen)
    assert len(outcome.batch.files) == 3
    # the imported modules alone are tens of thousands of objects
    assert frozen_during and min(frozen_during) > 10_000
    assert all(t[0] >= 10 * before[0] for t in thresholds_during)
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before


def test_the_summary_is_written_with_the_results_out_of_the_collectors_sight(tmp_path, monkeypatch):
    from perfeval_xl import batch

    inputs = tmp_path / "in"
    inputs.mkdir()
    for sample in sorted(SAMPLES.glob("*.xlsx"))[:2]:
        shutil.copy(sample, inputs / sample.name)
    tracked_during_summary: set[int] = set()
    real_summary = batch.write_summary

    def summary(*args, **kw):
        tracked_during_summary.update(id(o) for o in gc.get_objects(generation=None))  # frozen objects are not listed
        return real_summary(*args, **kw)

    monkeypatch.setattr(batch, "write_summary", summary)
    monkeypatch.setattr(batch, "_helper", lambda: None)  # the summary written in this process, as where there is no fork
    outcome = run(inputs, tmp_path / "out", jobs=1)
    assert tracked_during_summary and len(outcome.batch.files) == 2
    assert [id(r) in tracked_during_summary or id(r.findings) in tracked_during_summary for r in outcome.batch.files] == [False, False]
    assert gc.get_freeze_count() == 0


def test_the_command_skips_the_last_collection_when_the_process_ends(monkeypatch):
    from perfeval_xl.cli import commands as cli

    calls: list[str] = []

    def main() -> None:  # as click's main ends: by raising SystemExit
        calls.append("main")
        raise SystemExit(0)

    monkeypatch.setattr(cli, "main", main)
    monkeypatch.setattr(cli.gc, "freeze", lambda: calls.append("freeze"))
    with pytest.raises(SystemExit):
        cli.entry()
    assert calls == ["main", "freeze"]
