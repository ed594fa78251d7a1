"""The corpus modeled on real published reports (issue 20) as a CI gate — on the
``tuned`` and ``fresh`` splits: no warning or error on a report with no
inconsistency, findings precision of at least 95%, and a floor on the labelled
figures extracted with the right subject and role (95% on tuned, 93% on fresh).

The ``holdout`` split is deliberately not a CI gate: it is measured once, by
``benchmarks/real_reports.py --split holdout``, and never tuned on; a test that
had to pass on it would be tuning on it. The harness itself is proven on a few
tiny reports of its own (tests/fixtures/real_reports_examples/)."""

from __future__ import annotations

import copy

import pytest

from tests import test_real_reports_format as corpus_format
from tests.real_reports import EXAMPLES, ROOT, load_reports, right, run_report, score


@pytest.fixture(scope="module")
def examples():
    return {o.report.id: o for o in (run_report(r) for r in load_reports(EXAMPLES))}


@pytest.mark.parametrize("split,entry", [
    (r.split, r.entry) for r in load_reports(EXAMPLES)
], ids=lambda x: x if isinstance(x, str) else x["id"])
def test_examples_follow_the_corpus_format(monkeypatch, split, entry):
    monkeypatch.setattr(corpus_format, "ROOT", EXAMPLES)
    corpus_format.test_report_is_well_formed(split, entry)


def test_harness_scores_the_examples(examples):
    s = score(list(examples.values()))
    assert (s["reports"], s["figures"], s["inconsistencies"], s["clean_reports"]) == (3, 66, 4, 1)
    assert s["subject_and_role_right"] == 1.0 and s["role_right"] == 1.0
    assert (s["findings_precision"], s["findings_recall"], s["clean_reports_alarmed"]) == (1.0, 1.0, 0)
    library = examples["ex_library_2023"]
    assert sorted((f.rule, f.cell) for f in library.true_findings) == [("XC606", "A12"), ("XC614", "A5")]
    eldercare = examples["ex_eldercare_2024"]
    assert sorted((f.rule, f.cell) for f in eldercare.true_findings) == [("XC607", "A10"), ("XC610", "A12")]


def test_harness_counts_a_wrong_role_and_a_false_alarm(examples):
    """A label the tool disagrees with lowers the figures; a finding on a clean
    report is an alarm and a false finding."""
    (report,) = [r for r in load_reports(EXAMPLES) if r.id == "ex_library_2023"]
    changed = copy.deepcopy(report)
    changed.data["figures"][0]["role"] = "target"  # 40万元 is the budget as it stands, not a target
    changed.data["inconsistencies"] = []  # and say the report is clean
    outcome = run_report(changed)
    assert not right(outcome.figures[0])
    s = score([outcome])
    assert s["clean_reports_alarmed"] == 1 and s["findings_precision"] == 0.0 and s["role_right"] < 1.0


def test_a_report_the_tool_cannot_read_counts_as_all_missed():
    """One unreadable report must not stop a benchmark run (the holdout is measured once)."""
    (report,) = [r for r in load_reports(EXAMPLES) if r.id == "ex_library_2023"]
    unreadable = copy.deepcopy(report)
    unreadable.data.pop("form", None)
    unreadable.data["paragraphs"] = ["关于开展绩效评价的通知"] * len(report.paragraphs)
    outcome = run_report(unreadable)
    assert outcome.failure and outcome.findings == []
    s = score([outcome])
    assert s["unread"] == ["ex_library_2023"] and s["role_right"] == 0.0


# The splits CI holds to their thresholds (see the module docstring), with the share of labelled figures that
# must get the right role and the right subject, role and value. tuned/ was tuned on from the start; fresh/ was
# written after the holdout was measured, first run at 0.437 (its mechanisms were then made general on it and
# tuned/ together) and now reads 0.961: 0.93 leaves room for a few labels, not for a mechanism lost.
GATED = {"tuned": 0.95, "fresh": 0.93}


@pytest.fixture(scope="module", params=sorted(GATED))
def split(request):
    reports = load_reports(ROOT, (request.param,))
    assert reports, f"no reports in tests/fixtures/real_reports/{request.param}"
    return request.param, [run_report(r) for r in reports]


def test_every_report_is_read(split):
    _, outcomes = split
    assert [(o.report.id, o.failure) for o in outcomes if o.failure] == []


def test_no_clean_report_is_alarmed(split):
    _, outcomes = split
    alarmed = [(o.report.id, [f"{f.rule} {f.location}: {f.message}" for f in o.findings])
               for o in outcomes if o.report.clean and o.findings]
    assert alarmed == []


def test_findings_are_precise(split):
    _, outcomes = split
    s = score(outcomes)
    assert s["findings"] and s["findings_precision"] >= 0.95, s


def test_figures_get_their_subject_and_role(split):
    name, outcomes = split
    s = score(outcomes)
    assert s["role_right"] >= GATED[name] and s["subject_and_role_right"] >= GATED[name], s
