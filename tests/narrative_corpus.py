"""The labelled narrative corpus (tests/fixtures/narrative/corpus.toml) and
its scoring, shared by tests/test_narrative_corpus.py and
benchmarks/narrative.py.

Each case is a report on the clean 部门评价 baseline form, optionally changed
with rulekit deltas (``set`` / ``delete``). It lists the claims an attentive
reader finds in it (``claims``: subject, value[, indicator]) and the
contradictions planted in it (``contradictions``: rule, cell). Extraction is
scored on the claims the rules may act on (confidence MEDIUM or HIGH);
contradictions on the XC6xx warnings and errors.

The corpus predates roles (issue 20): its ``claims`` are the firm statements
of what happened, i.e. the claims with role ``actual``. The extractor's
``indicator_value`` is the corpus's ``indicator_actual``; the subjects the
corpus has no word for (``unit_price``, ``other``) are not scored here (the
real-report benchmark scores every figure with its role).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from perfeval_xl.findings import Severity
from perfeval_xl.narrative import extract_claims
from perfeval_xl.rules import RuleSettings, all_rules, run_rules
from tests import rulekit

CORPUS = Path(__file__).parent / "fixtures" / "narrative" / "corpus.toml"
HOLDOUT = Path(__file__).parent / "fixtures" / "narrative" / "holdout.toml"  # not tuned on, see its header
SEED = Path("/work/shared/seed/000_cfa23fe69ecf857b.txt")
NARRATIVE_RULES = frozenset(r.id for r in all_rules() if r.id.startswith("XC6"))


def seed_report_lines() -> list[str]:
    """The seed's narrative: everything before 附件, one paragraph per line,
    ``[bookmark: …]`` noise removed, blank lines dropped."""
    text = SEED.read_text("utf-8").split("\n附件")[0]
    lines = [re.sub(r"\[bookmark:[^\]]*\]", "", line).strip() for line in text.splitlines()]
    return [line for line in lines if line]


def _value_key(value) -> str:
    if isinstance(value, str) and value.endswith("%"):
        value = Decimal(value[:-1]) / 100
    if isinstance(value, (int, float, Decimal)):
        return format(Decimal(str(value)).normalize(), "f")
    return str(value)


@dataclass
class CaseResult:
    name: str
    claims_expected: Counter
    claims_found: Counter
    contradictions_expected: Counter
    contradictions_found: Counter
    messages: list[str]

    @property
    def clean(self) -> bool:
        return not self.contradictions_expected


def load_cases(path: Path = CORPUS) -> list[dict]:
    with open(path, "rb") as fh:
        return tomllib.load(fh)["cases"]


def case_project(case: dict):
    data = rulekit.apply_delta(rulekit.load_project_data(case.get("baseline", "baseline_部门评价")), case)
    data["narrative"] = seed_report_lines() if case.get("seed") else case["narrative"]
    return rulekit.build_project(data), rulekit.scheme_for(data)


_CORPUS_SUBJECT = {"indicator_value": "indicator_actual"}
_NOT_IN_CORPUS = {"unit_price", "other"}


def run_case(case: dict) -> CaseResult:
    project, scheme = case_project(case)
    names = [i.name.value for i in project.indicators]
    found_claims = Counter(
        (_CORPUS_SUBJECT.get(c.subject, c.subject) + (f":{names[c.indicator]}" if c.indicator is not None else ""),
         _value_key(c.value))
        for c in extract_claims(project.narrative, project)
        if c.trusted and c.subject not in _NOT_IN_CORPUS
    )
    expected_claims = Counter(
        (c[0] + (f":{c[2]}" if len(c) > 2 else ""), _value_key(c[1])) for c in case.get("claims", [])
    )
    findings = [
        f
        for f in run_rules(project, scheme, settings=RuleSettings(only=NARRATIVE_RULES))
        if f.severity in (Severity.ERROR, Severity.WARNING)
    ]
    return CaseResult(
        case["name"],
        expected_claims,
        found_claims,
        Counter(tuple(c) for c in case.get("contradictions", [])),
        Counter((f.rule, f.cell) for f in findings),
        [f"{f.rule} {f.cell}: {f.message}" for f in findings],
    )


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def score(results: list[CaseResult]) -> dict[str, float]:
    """Precision and recall of extraction and of contradictions, and false
    alarms on the consistent reports."""
    tp_c = sum(sum((r.claims_expected & r.claims_found).values()) for r in results)
    tp_x = sum(sum((r.contradictions_expected & r.contradictions_found).values()) for r in results)
    return {
        "cases": len(results),
        "claims_labelled": sum(sum(r.claims_expected.values()) for r in results),
        "extraction_precision": _ratio(tp_c, sum(sum(r.claims_found.values()) for r in results)),
        "extraction_recall": _ratio(tp_c, sum(sum(r.claims_expected.values()) for r in results)),
        "contradictions_planted": sum(sum(r.contradictions_expected.values()) for r in results),
        "contradiction_precision": _ratio(tp_x, sum(sum(r.contradictions_found.values()) for r in results)),
        "contradiction_recall": _ratio(tp_x, sum(sum(r.contradictions_expected.values()) for r in results)),
        "clean_cases": sum(r.clean for r in results),
        "clean_cases_with_alarm": sum(r.clean and bool(r.contradictions_found) for r in results),
    }
