"""A run keeps only a slim result per file (so 10,000 files fit in memory);
what people read from it — results.json and the summary rows — must be
exactly what the full results give."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from perfeval_xl.findings import BatchResult
from perfeval_xl.pipeline import evaluate_file
from perfeval_xl.write._summary_rows import department_table, project_rows
from perfeval_xl.write.batch import _slim
from perfeval_xl.write.results_json import results_json

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.xlsx"))


@pytest.fixture(scope="module")
def full_and_slim():
    full = BatchResult([evaluate_file(p, p.name) for p in SAMPLES])
    slim = copy.deepcopy(full)
    for result in slim.files:
        _slim(result)
    return full, slim


def test_slim_results_give_the_same_results_json(full_and_slim):
    full, slim = full_and_slim
    assert len(full.read) >= 10
    assert results_json(slim) == results_json(full)


def test_slim_results_give_the_same_summary_rows(full_and_slim):
    full, slim = full_and_slim
    assert project_rows(slim) == project_rows(full)
    assert department_table(project_rows(slim)) == department_table(project_rows(full))


def test_slim_results_drop_the_bulk(full_and_slim):
    _, slim = full_and_slim
    for result in slim.read:
        assert result.project.indicators == () and result.project.narrative == ()
        assert result.scoring is None or result.scoring.indicators == ()
