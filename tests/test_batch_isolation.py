"""A worker process that dies takes only its own file with it."""

from __future__ import annotations

import os

from perfeval_xl import batch
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


def test_a_copy_whose_folder_cannot_be_made_is_reported_and_the_batch_goes_on(tmp_path):
    inbox = tmp_path / "in"
    (inbox / "区县").mkdir(parents=True)
    write_seed_form(inbox / "a.xlsx")
    write_seed_form(inbox / "区县" / "b.xlsx")
    out = tmp_path / "out"
    out.mkdir()
    (out / "区县").write_bytes(b"a file where the copy's folder should be")
    outcome = batch.run(inbox, out, jobs=1)
    by_file = {r.file: r for r in outcome.batch.files}
    assert by_file["a.xlsx"].output is not None
    assert by_file["区县/b.xlsx"].ok and by_file["区县/b.xlsx"].output is None
    assert [f.rule for f in by_file["区县/b.xlsx"].findings if f.rule == "OUT001"] == ["OUT001"]
