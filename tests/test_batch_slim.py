"""A run keeps only a slim result per file (so 10,000 files fit in memory);
what people read from it — results.json and the batch's tables, the
indicator table included — must be exactly what the full results give."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from perfeval_xl.findings import BatchResult
from perfeval_xl.pipeline import evaluate_file
from perfeval_xl.batch import _slim
from perfeval_xl.outputs.records import results_records
from perfeval_xl.outputs.results_json import results_json
from perfeval_xl.outputs.frames import Batch
from perfeval_xl.outputs.tables import department_table

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


def test_slim_results_give_the_same_tables(full_and_slim):
    full, slim = full_and_slim
    full_tables, slim_tables = (Batch.from_records(results_records(b)) for b in (full, slim))
    assert slim_tables.equals(full_tables)
    assert department_table(slim_tables.projects).equals(department_table(full_tables.projects))
    assert len(slim_tables.indicators) == sum(len(r.project.indicators) for r in full.read) > 100


def test_slim_results_drop_the_bulk(full_and_slim):
    _, slim = full_and_slim
    for result in slim.read:
        assert result.project.indicators == () and result.project.narrative == ()
        assert result.scoring is None or result.scoring.indicators == ()
        assert result.indicator_rows  # what the indicator table needs stays, as plain records
