"""results.json is written in a forked process beside the summary; if that
process fails, the run writes it itself, so a failure is never silent."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import perfeval_xl.batch as batch
from perfeval_xl.outputs.results_json import write_results_json

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture()
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for sample in sorted(SAMPLES.glob("*.xlsx"))[:2]:
        shutil.copy(sample, folder / sample.name)
    return folder


def test_results_json_written_beside_the_summary(inputs, tmp_path):
    outcome = batch.run(inputs, tmp_path / "out", jobs=1)
    data = json.loads(outcome.results.read_text(encoding="utf-8"))
    assert len(data["projects"]) == 2 and outcome.summary.exists()


def test_a_failed_background_writer_is_made_good_by_the_run(inputs, tmp_path, monkeypatch):
    parent = os.getpid()
    calls: list[int] = []

    def fails_when_forked(records, path):
        calls.append(os.getpid())
        if os.getpid() != parent:
            os._exit(3)  # the child dies without writing
        write_results_json(records, path)

    monkeypatch.setattr(batch, "write_results_json", fails_when_forked)
    outcome = batch.run(inputs, tmp_path / "out", jobs=1)
    assert calls == [parent]  # the child's call was never recorded here; the parent's was
    assert len(json.loads(outcome.results.read_text(encoding="utf-8"))["projects"]) == 2
