"""Runs every case of every rule fixture (tests/fixtures/rules/<ID>.toml) with
only that rule enabled, and checks the clean baselines raise nothing at all.
The fixture format is described in tests/rulekit.py."""

from collections import Counter
from pathlib import Path

import pytest

from perfeval_xl.rules import RuleSettings, run_rules
from tests import rulekit


def _cases():
    for path in sorted(rulekit.RULE_FIXTURES.glob("*.toml")):
        fixture = rulekit.load_rule_fixture(path)
        for name, case in fixture.get("cases", {}).items():
            yield pytest.param(path, name, id=f"{path.stem}:{name}")


@pytest.mark.parametrize("path,case_name", list(_cases()))
def test_rule_case(path: Path, case_name: str):
    fixture = rulekit.load_rule_fixture(path)
    rule_id = fixture["rule"]
    assert path.stem == rule_id, "a fixture file is named after its rule"
    case = fixture["cases"][case_name]
    project, scheme = rulekit.build_case(fixture, case)
    findings = run_rules(
        project, scheme, file="case.xlsx", settings=RuleSettings(only=frozenset({rule_id}), raise_errors=True)
    )
    expected = [tuple(e) for e in case.get("expect", [])]
    if case_name.startswith("pass"):
        assert not expected, "a pass case lists no findings"
    else:
        assert expected, "a fail case lists the findings it expects"
    # compare on the cell, and on the sheet too when the fixture names one (评价报告!A5)
    qualified = any("!" in cell for _, cell in expected)
    got = Counter((f.rule, f.location if qualified else f.cell) for f in findings)
    assert got == Counter(expected), "\n".join(f"{f.rule} {f.location}: {f.message}" for f in findings)
    for f in findings:
        assert f.message and f.sheet and f.cell, "a finding says what and where"
        if "severity" in case:  # the severity policy (docs/严重程度.md) is part of a rule's contract
            assert f.severity.value == case["severity"], f"{f.rule} {f.location}: {f.severity.value}"
        for fragment in case.get("message_contains", []):
            assert fragment in f.message
        for cell in case.get("related_contains", []):  # a cell the finding must point to besides its own
            assert any(r == cell or r.endswith("!" + cell) for r in f.related), f"{cell} not in {f.related}"


@pytest.mark.parametrize("baseline", sorted(p.stem for p in rulekit.PROJECTS.glob("baseline_*.toml")))
def test_clean_baseline_has_no_findings(baseline: str):
    data = rulekit.load_project_data(baseline)
    project = rulekit.build_project(data)
    findings = run_rules(project, rulekit.scheme_for(data), settings=RuleSettings(raise_errors=True))
    assert findings == [], "\n".join(f"{f.rule} {f.location}: {f.message}" for f in findings)
