"""The corpus modeled on real published reports (tests/fixtures/real_reports/,
format in its README) and its scoring, shared by benchmarks/real_reports.py
and tests/test_real_reports.py.

Each report runs the way the tool meets it:

- with ``[form]``: the form spec and the paragraphs as narrative are written
  as a workbook (``synth.write_project``) and read back by the real reader;
- without: the paragraphs are saved as a ``.txt`` report and go through the
  importer's narrative-only path (``importer.evaluate.evaluated_report``).

Extraction is scored figure by figure: a labelled figure is matched to the
claim whose span overlaps the figure's text in the same paragraph (its
``nth`` occurrence). It is *right* when subject, role and value agree (the
role is not asked of subject ``other``). Findings are the XC6xx warnings and
errors; one is *true* when it sits on (or relates to) a paragraph of a
labelled inconsistency of a compatible check. A clean report is one without
inconsistencies: any warning or error on it is a false alarm.
"""

from __future__ import annotations

import tempfile
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from perfeval_xl.findings import Finding, Severity
from perfeval_xl.importer.evaluate import evaluated_report
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.claim import Claim
from perfeval_xl.values.running_text import normalise_text
from perfeval_xl.pipeline import Settings, evaluate_file
from tests.support.synth import LayoutOptions, write_project
from perfeval_xl.outputs.template.spec import spec_from_dict

ROOT = Path(__file__).parent / "fixtures" / "real_reports"
EXAMPLES = Path(__file__).parent / "fixtures" / "real_reports_examples"  # the harness's own tiny reports
SPLITS = ("tuned", "fresh", "holdout")  # fresh: written after the holdout was measured, tuned on after its first run

# Which rules can raise each kind of inconsistency the truth files name.
CHECK_RULES = {
    "report_vs_form": {"XC601", "XC602", "XC603", "XC604", "XC605", "XC606", "XC607", "XC620", "XC621"},
    "deduction_vs_score": {"XC606", "XC607"},
    "same_figure_twice": {"XC610", "XC601", "XC602", "XC603", "XC604", "XC605"},
    "rate_vs_amounts": {"XC612", "XC602"},
    "unit_price_times_count": {"XC613"},
    "count_vs_list": {"XC616", "XC605", "XC620"},
    "spent_over_arrived": {"XC611"},
    "balance": {"XC615", "XC601"},
    "parts_vs_total": {"XC614"},
}


@dataclass
class Report:
    split: str
    id: str
    data: dict
    entry: dict

    @property
    def paragraphs(self) -> list[str]:
        return self.data["paragraphs"]

    @property
    def clean(self) -> bool:
        return not self.data.get("inconsistencies")


@dataclass
class Outcome:
    """One report run: what was labelled, what was found, and how they match."""

    report: Report
    figures: list[dict]  # the labelled figures, each with "claim" (the matched claim or None)
    extra_claims: list[Claim]  # claims no labelled figure accounts for
    findings: list[Finding]  # XC6xx warnings and errors
    true_findings: list[Finding] = field(default_factory=list)
    found_inconsistencies: list[dict] = field(default_factory=list)
    paragraph_of: dict = field(default_factory=dict)  # "sheet!cell" -> 1-based paragraph
    failure: str | None = None  # the tool could not read the report at all (every figure then counts as missed)


def load_reports(root: Path = ROOT, splits=SPLITS) -> list[Report]:
    reports = []
    for split in splits:
        manifest = root / split / "manifest.toml"
        if not manifest.exists():
            continue
        for entry in tomllib.loads(manifest.read_text("utf-8")).get("reports", []):
            data = tomllib.loads((root / split / f"{entry['id']}.toml").read_text("utf-8"))
            reports.append(Report(split, entry["id"], data, entry))
    return reports


# ---------------------------------------------------------------- running one report


def run_report(report: Report) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="real-report-") as tmp:
        if "form" in report.data:
            spec = spec_from_dict(report.data["form"])
            spec.narrative = list(report.paragraphs)
            path = Path(tmp) / f"{report.id}.xlsx"
            write_project(spec, LayoutOptions(), path)
            result = evaluate_file(path, path.name, Settings())
        else:
            path = Path(tmp) / f"{report.id}.txt"
            path.write_text("\n".join(report.paragraphs) + "\n", encoding="utf-8")
            with evaluated_report(path, path.name) as (result, _workbook):
                pass
    if result.project is None:  # scored as nothing extracted and nothing found, so one bad report cannot stop a run
        figures = [{**f, "claim": None} for f in report.data.get("figures", [])]
        return Outcome(report, figures, [], [], failure=result.failure or "未读出项目")
    project = result.project
    rows = _align(report.paragraphs, [p.text for p in project.narrative])
    claims = project_claims(project)
    figures, extra = _match_figures(report, claims, rows)
    findings = [f for f in result.findings if f.rule.startswith("XC6") and f.severity is not Severity.INFO]
    paragraph_of = {str(p.ref): rows[i] for i, p in enumerate(project.narrative) if rows[i] is not None}
    outcome = Outcome(report, figures, extra, findings, paragraph_of=paragraph_of)
    _match_findings(outcome)
    return outcome


def _align(labelled: list[str], read: list[str]) -> list[int | None]:
    """For each paragraph the tool read, the 1-based labelled paragraph it is
    (in order; the reader may drop or split a paragraph, never reorder)."""
    wanted = [normalise_text(t) for t in labelled]
    rows: list[int | None] = []
    at = 0
    for text in read:
        text = normalise_text(text)
        hit = next((k for k in range(at, len(wanted)) if wanted[k] == text or (text and text in wanted[k])), None)
        rows.append(None if hit is None else hit + 1)
        if hit is not None:
            at = hit if wanted[hit] != text else hit + 1
    return rows


def _span(paragraph: str, text: str, nth: int) -> tuple[int, int] | None:
    haystack, needle = normalise_text(paragraph), normalise_text(text)
    at = -1
    for _ in range(nth):
        at = haystack.find(needle, at + 1)
        if at < 0:
            return None
    return at, at + len(needle)


def _match_figures(report: Report, claims, rows) -> tuple[list[dict], list[Claim]]:
    by_para: dict[int, list[Claim]] = {}
    for c in claims:
        para = rows[c.paragraph] if c.paragraph < len(rows) else None
        if para is not None:
            by_para.setdefault(para, []).append(c)
    used: set[int] = set()
    figures = []
    for f in report.data.get("figures", []):
        span = _span(report.paragraphs[f["para"] - 1], f["text"], f.get("nth", 1))
        candidates = [c for c in by_para.get(f["para"], []) if span and c.start < span[1] and span[0] < c.end
                      and id(c) not in used]
        claim = max(candidates, key=lambda c: min(c.end, span[1]) - max(c.start, span[0]), default=None)
        if claim is not None:
            used.add(id(claim))
        figures.append({**f, "claim": claim})
    extra = [c for para in by_para.values() for c in para if id(c) not in used]
    return figures, extra


def value_matches(figure: dict, claim: Claim) -> bool:
    """The claim's value is the labelled one (rates are labelled in percent points;
    counts as written, so ``425万粒`` is labelled 425 where the tool reads 4,250,000粒)."""
    want, got = figure.get("value"), claim.value
    if want is None:
        return True
    if isinstance(got, str) or isinstance(want, str):
        return str(want) == str(got)
    got = Decimal(got) * 100 if claim.unit == "%" else Decimal(got)
    candidates = [got]
    if claim.unit not in ("万元", "%") and "万" in figure["text"]:
        candidates.append(got / 10000)
    return any(abs(g - Decimal(str(want))) <= Decimal("0.0001") for g in candidates)


def right(figure: dict) -> bool:
    claim = figure["claim"]
    if claim is None or claim.subject != figure["subject"] or not value_matches(figure, claim):
        return False
    return figure["subject"] == "other" or claim.role == figure.get("role")


def role_right(figure: dict) -> bool:
    claim = figure["claim"]
    if claim is None:
        return False
    if figure["subject"] == "other":
        return claim.subject == "other"
    return claim.role == figure.get("role") and claim.subject != "other"


def _finding_paragraphs(outcome: Outcome, f: Finding) -> set[int]:
    cells = [f"{f.sheet}!{f.cell}", *f.related]
    return {outcome.paragraph_of[c] for c in cells if c in outcome.paragraph_of}


def _match_findings(outcome: Outcome) -> None:
    incs = outcome.report.data.get("inconsistencies", [])
    for f in outcome.findings:
        paras = _finding_paragraphs(outcome, f)
        hits = [inc for inc in incs if paras & set(inc["paras"]) and f.rule in CHECK_RULES[inc["check"]]]
        if hits:
            outcome.true_findings.append(f)
            for inc in hits:
                if inc not in outcome.found_inconsistencies:
                    outcome.found_inconsistencies.append(inc)


# ---------------------------------------------------------------- scoring


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def bucket(subject: str, role: str | None) -> str:
    return "other" if subject == "other" else (role or "?")


def score(outcomes: list[Outcome]) -> dict:
    """Extraction precision/recall by role, findings precision/recall, clean reports alarmed."""
    labelled, found_right, claimed, claimed_right = Counter(), Counter(), Counter(), Counter()
    role_ok = subject_role_ok = total = 0
    for o in outcomes:
        for f in o.figures:
            b = bucket(f["subject"], f.get("role"))
            labelled[b] += 1
            total += 1
            role_ok += role_right(f)
            subject_role_ok += right(f)
            if right(f):
                found_right[b] += 1
            if f["claim"] is not None:
                cb = bucket(f["claim"].subject, f["claim"].role)
                claimed[cb] += 1
                claimed_right[cb] += right(f)
        for c in o.extra_claims:
            claimed[bucket(c.subject, c.role)] += 1
    findings = sum(len(o.findings) for o in outcomes)
    true = sum(len(o.true_findings) for o in outcomes)
    incs = sum(len(o.report.data.get("inconsistencies", [])) for o in outcomes)
    found = sum(len(o.found_inconsistencies) for o in outcomes)
    roles = sorted(set(labelled) | set(claimed))
    return {
        "reports": len(outcomes),
        "figures": total,
        "by_role": {r: {"labelled": labelled[r], "extracted": claimed[r],
                        "precision": _ratio(claimed_right[r], claimed[r]), "recall": _ratio(found_right[r], labelled[r])}
                    for r in roles},
        "role_right": _ratio(role_ok, total),
        "subject_and_role_right": _ratio(subject_role_ok, total),
        "findings": findings,
        "inconsistencies": incs,
        "findings_precision": _ratio(true, findings),
        "findings_recall": _ratio(found, incs),
        "found_inconsistencies": found,
        # inconsistencies inside the form (paras = []): no paragraph for a narrative finding to sit on
        "form_only_inconsistencies": sum(not inc["paras"] for o in outcomes
                                         for inc in o.report.data.get("inconsistencies", [])),
        "clean_reports": sum(o.report.clean for o in outcomes),
        "clean_reports_alarmed": sum(o.report.clean and bool(o.findings) for o in outcomes),
        "unread": [o.report.id for o in outcomes if o.failure],
    }
