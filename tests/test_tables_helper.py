"""A run's tables and outputs are made in a helper process forked when the run
starts; when that helper fails, the run makes them itself, the same."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from perfeval_xl import batch
from perfeval_xl.outputs.tables_helper import TablesHelper

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture()
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for sample in sorted(SAMPLES.glob("*.xlsx"))[:3]:
        shutil.copy(sample, folder / sample.name)
    return folder


def _marker(path: Path) -> None:
    path.write_text(str(os.getpid()), encoding="utf-8")


def test_the_helper_runs_the_call_in_its_own_process(tmp_path):
    helper = TablesHelper()
    assert helper.run(_marker, tmp_path / "pid")
    assert int((tmp_path / "pid").read_text()) != os.getpid()


def test_a_call_that_cannot_be_sent_or_fails_is_left_to_the_caller(tmp_path):
    assert not TablesHelper().run(lambda: None)  # a lambda cannot be pickled
    assert not TablesHelper().run(shutil.rmtree, tmp_path / "does-not-exist")  # raises there
    helper = TablesHelper()
    helper.close()  # nothing handed over: it is ended, not left waiting


def _policy(path: Path) -> None:
    path.write_text(str(os.sched_getscheduler(0)), encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="no idle scheduling policy here")
def test_the_helper_loads_on_idle_cores_and_works_at_normal_priority(tmp_path):
    helper = TablesHelper()
    try:
        deadline = time.monotonic() + 10
        while os.sched_getscheduler(helper._process.pid) != os.SCHED_IDLE:  # set as it starts
            assert time.monotonic() < deadline, "the helper never went to the idle policy"
            time.sleep(0.01)
        assert helper.run(_policy, tmp_path / "policy")
    finally:
        helper.close()
    assert int((tmp_path / "policy").read_text()) == os.SCHED_OTHER


_PARENT = os.getpid()
_REAL_WRITE_OUTPUTS = batch.write_outputs


def write_outputs_here_only(*args) -> None:
    """The run's writing, failing in any other process than the test's."""
    if os.getpid() != _PARENT:
        raise RuntimeError("the helper fails")
    _REAL_WRITE_OUTPUTS(*args)


def test_when_the_helper_fails_the_run_writes_its_outputs_itself(inputs, tmp_path, monkeypatch):
    expected = batch.run(inputs, tmp_path / "first", jobs=1)
    monkeypatch.setattr(batch, "write_outputs", write_outputs_here_only)
    outcome = batch.run(inputs, tmp_path / "again", jobs=1)
    assert outcome.summary.is_file()
    assert json.loads(outcome.results.read_text(encoding="utf-8")) == json.loads(expected.results.read_text(encoding="utf-8"))
