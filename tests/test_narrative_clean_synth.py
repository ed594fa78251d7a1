"""Clean samples yield nothing from the narrative rules: random consistent
projects (tests.support.synth), written in random layouts and read back by the
real reader, get no XC6xx warning or error."""

from __future__ import annotations

import random

import pytest

from perfeval_xl.findings import Severity
from perfeval_xl.read.workbook import read_workbook
from perfeval_xl.rules import RuleSettings, run_rules
from perfeval_xl.scheme import DEPARTMENT
from tests.support.synth.variants import random_layout, random_spec
from tests.support.synth.writer import write_project
from tests.narrative_corpus import NARRATIVE_RULES


# 5026, 5090, 5109, 5131: 单位自评 forms whose 合计 row holds the indicators only (90 分),
# where the report's 总分 adds the funds block — once read as contradictions (XC603).
SEEDS = [*range(1000, 1024), 5026, 5090, 5109, 5131]


@pytest.mark.parametrize("seed", SEEDS)
def test_consistent_synth_report_raises_no_narrative_alarm(tmp_path, seed):
    rng = random.Random(seed)
    spec, layout = random_spec(rng), random_layout(rng)
    path = tmp_path / "clean.xlsx"
    write_project(spec, layout, path)
    result = read_workbook(path)
    assert result.failure is None, result.failure
    findings = run_rules(result.project, DEPARTMENT, settings=RuleSettings(only=NARRATIVE_RULES, raise_errors=True))
    alarms = [f for f in findings if f.severity is not Severity.INFO]
    assert alarms == [], "\n".join(f"{f.rule} {f.location}: {f.message}" for f in alarms)
