"""The reader against the layout-variant generator: a few hundred seeded
(spec, layout) pairs, every expected value **and** its cell.

On failure the message names the layout options that differ from the
defaults and each model path with expected vs got. The full measurement
(2000 pairs, per-option failure counts) is ``benchmarks/layout_variants.py``.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from perfeval_xl.read.workbook import read_workbook
from tests.support.synth.compare import mismatches
from perfeval_xl.outputs.template.layout import LayoutOptions
from tests.support.synth.measure import run_variant
from tests.support.synth.variants import random_spec
from tests.support.synth.writer import write_project

PAIRS = 250  # about 20 s of CPU
BATCH = 25  # pairs per test case: fewer cases, same coverage


@pytest.mark.parametrize("start", range(0, PAIRS, BATCH))
def test_reader_parses_every_layout_variant(tmp_path, start):
    failures = []
    for seed in range(start, start + BATCH):
        outcome = run_variant(seed, tmp_path, read_workbook)
        assert outcome.paths_checked > 50
        if not outcome.parsed_fully:
            failures.append(outcome.explain())
    assert not failures, "\n".join(failures)


def test_comparison_catches_a_wrong_cell_and_a_wrong_value(tmp_path):
    """Guards the measurement itself: a reader that got a cell or value wrong must fail."""
    spec = random_spec(random.Random(1))
    expected = write_project(spec, LayoutOptions(), tmp_path / "c.xlsx")
    project = read_workbook(tmp_path / "c.xlsx").project
    assert mismatches(project, expected) == []
    moved = dict(expected)
    moved["indicators[2].name"] = dataclasses.replace(expected["indicators[2].name"], cell="Z99")
    moved["funds.total.budget"] = dataclasses.replace(expected["funds.total.budget"], value=-1.0)
    assert {m.path for m in mismatches(project, moved)} == {"indicators[2].name", "funds.total.budget"}
