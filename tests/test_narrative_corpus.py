"""The labelled corpus as a test: the benchmark figures must stay above the
issue's goals (≥95% of planted contradictions found, no warning or error on
a consistent report)."""

from __future__ import annotations

import pytest

from tests.narrative_corpus import CORPUS, HOLDOUT, load_cases, run_case, score


@pytest.fixture(scope="module")
def results():
    return [run_case(case) for path in (CORPUS, HOLDOUT) for case in load_cases(path)]


def test_corpus_is_substantial(results):
    s = score(results)
    assert s["cases"] >= 50 and s["contradictions_planted"] >= 40 and s["clean_cases"] >= 25


def test_planted_contradictions_are_found(results):
    s = score(results)
    assert s["contradiction_recall"] >= 0.95
    assert s["contradiction_precision"] >= 0.95


def test_consistent_reports_raise_nothing(results):
    alarms = [(r.name, r.messages) for r in results if r.clean and r.contradictions_found]
    assert alarms == []


def test_extraction_quality(results):
    s = score(results)
    assert s["extraction_precision"] >= 0.95
    assert s["extraction_recall"] >= 0.90
