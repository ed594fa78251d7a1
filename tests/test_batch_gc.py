"""A run hides what was loaded before it from Python's cycle collector (each
collection used to walk pandas, openpyxl and every result so far: a third of
the time per file), and gives it back afterwards."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

from perfeval_xl.write.batch import run

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_the_collector_skips_the_loaded_libraries_during_a_run_only(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for sample in sorted(SAMPLES.glob("*.xlsx"))[:3]:
        shutil.copy(sample, inputs / sample.name)
    frozen_during: list[int] = []
    assert gc.get_freeze_count() == 0
    outcome = run(inputs, tmp_path / "out", jobs=1, on_file=lambda _result: frozen_during.append(gc.get_freeze_count()))
    assert len(outcome.batch.files) == 3
    # the imported modules alone are tens of thousands of objects
    assert frozen_during and min(frozen_during) > 10_000
    assert gc.get_freeze_count() == 0
