"""The bundled samples (samples/README.md): the narrative rules find exactly
the report-vs-form problems the README lists, and nothing in the clean ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfeval_xl.findings import Severity
from perfeval_xl.read.workbook import read_workbook
from perfeval_xl.rules import RuleSettings, run_rules
from perfeval_xl.scheme import DEPARTMENT, SELF
from tests.narrative_corpus import NARRATIVE_RULES

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# (rule, 评价报告 cell) the README says a reviewer should see, per sample number
EXPECTED = {
    "01": {("XC602", "A65"), ("XC610", "A65"), ("XC611", "A65"), ("XC620", "A34"), ("XC621", "A79")},
    "10": {("XC602", "A4"), ("XC611", "A4"), ("XC603", "A6"), ("XC604", "A6")},
}


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.xlsx")), ids=lambda p: p.stem[:2])
def test_sample_narrative_findings_are_the_listed_ones(path):
    result = read_workbook(path)
    assert result.project is not None, result.failure
    scheme = SELF if result.project.method.value == "单位自评" else DEPARTMENT
    findings = run_rules(result.project, scheme, settings=RuleSettings(only=NARRATIVE_RULES, raise_errors=True))
    got = {(f.rule, f.cell) for f in findings if f.severity is not Severity.INFO}
    assert all(f.sheet == result.project.narrative_sheet for f in findings)
    assert got == EXPECTED.get(path.stem[:2], set()), "\n".join(f"{f.rule} {f.location}: {f.message}" for f in findings)
