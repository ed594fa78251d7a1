"""A worker process that dies takes only its own file with it."""

from __future__ import annotations

import os

from perfeval_xl.write import batch
from tests.seedform import write_seed_form

_real_process = batch._process


def _dies_on_boom(task):
    if task[1] == "boom.xlsx":
        os._exit(3)  # what an out-of-memory kill looks like to the pool
    return _real_process(task)


def test_a_dying_worker_fails_only_its_file(tmp_path, monkeypatch):
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i in range(9):
        write_seed_form(inbox / f"p{i}.xlsx")
    write_seed_form(inbox / "boom.xlsx")
    monkeypatch.setattr(batch, "_process", _dies_on_boom)
    outcome = batch.run(inbox, tmp_path / "out", jobs=2)
    failed = {r.file: r.failure for r in outcome.batch.files if not r.ok}
    assert list(failed) == ["boom.xlsx"] and "异常退出" in failed["boom.xlsx"]
    assert len(outcome.batch.read) == 9
