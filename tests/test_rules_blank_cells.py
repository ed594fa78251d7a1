"""Blank cells: no rule crashes, and one blank cell is reported once, by one rule.

Every fillable cell of both baselines is blanked in turn (and also replaced by
text that is not a number) and the XC1xx–XC4xx catalog is run with errors
raised; no cell may then carry two findings.
"""

from collections import Counter

import pytest

from perfeval_xl.rules import RuleSettings, all_rules, run_rules
from tests import rulekit

CATALOG = frozenset(r.id for r in all_rules() if r.id[:3] in ("XC1", "XC2", "XC3", "XC4"))
FUNDS_FIELDS = ("initial", "budget", "spent", "weight", "rate", "score")
INDICATOR_FIELDS = ("name", "target", "actual", "weight", "score", "deviation")


def _paths(baseline: str) -> list[str]:
    data = rulekit.load_project_data(baseline)
    paths = [f"funds.{row}.{field}" for row in data["funds"] for field in FUNDS_FIELDS if field in data["funds"][row]]
    paths += [f"indicators.{i}.{field}" for i in range(len(data["indicators"])) for field in INDICATOR_FIELDS]
    return paths + ["total_weight", "total_score", "grade", "method"]


CASES = [(b, p) for b in ("baseline_部门评价", "baseline_单位自评") for p in _paths(b)]


@pytest.mark.parametrize("baseline,path", CASES, ids=[f"{b[9:]}:{p}" for b, p in CASES])
@pytest.mark.parametrize("replacement", ["", "不详"])
def test_one_bad_cell_one_finding_at_most(baseline, path, replacement):
    project, scheme = rulekit.build_case({}, {"baseline": baseline, "set": {path: replacement}})
    findings = run_rules(project, scheme, settings=RuleSettings(only=CATALOG, raise_errors=True))
    per_cell = Counter(f.location for f in findings)
    assert all(n == 1 for n in per_cell.values()), [f"{f.rule} {f.location}" for f in findings]


@pytest.mark.parametrize("baseline", ["baseline_部门评价", "baseline_单位自评"])
def test_a_zero_budget_is_reported_once(baseline):
    # A = 0 beside filled 其中 rows: XC103 (what the total should be), not also XC105/XC106
    path = "funds.total.budget"
    project, scheme = rulekit.build_case({}, {"baseline": baseline, "set": {path: 0}})
    findings = run_rules(project, scheme, settings=RuleSettings(only=CATALOG, raise_errors=True))
    per_cell = Counter(f.location for f in findings)
    assert all(n == 1 for n in per_cell.values()), [f"{f.rule} {f.location}" for f in findings]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

ODD_VALUES = st.sampled_from(["", "不详", 0, -5, 1e9, "0%", "150%", "≥", "—", "优☑良☑", "-3家", "≤0元"])


@settings(max_examples=60, deadline=None)
@given(
    baseline=st.sampled_from(["baseline_部门评价", "baseline_单位自评"]),
    changes=st.dictionaries(st.sampled_from(_paths("baseline_部门评价")), ODD_VALUES, max_size=8),
)
def test_no_rule_crashes_on_odd_values(baseline, changes):
    data = rulekit.load_project_data(baseline)
    changes = {p: v for p, v in changes.items() if not p.startswith("indicators.") or int(p.split(".")[1]) < len(data["indicators"])}
    project, scheme = rulekit.build_case({}, {"baseline": baseline, "set": changes})
    findings = run_rules(project, scheme, settings=RuleSettings(raise_errors=True))  # every rule, none may raise
    for finding in findings:
        assert finding.message
        if finding.rule in CATALOG:
            assert finding.cell, f"{finding.rule} says where"
