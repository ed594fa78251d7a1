"""The corpus modeled on real published reports (tests/fixtures/real_reports/):
extraction precision/recall by role, findings precision/recall, and how many
reports with no inconsistency got a warning or an error — for each split
separately (``tuned`` and ``fresh`` may be tuned on; ``holdout`` is measured, never tuned on).

    python benchmarks/real_reports.py [-v] [--root FOLDER] [--split tuned|fresh|holdout]

-v lists, per report, the figures extracted wrongly or not at all, the claims no
label accounts for, and the findings (true or false).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.real_reports import ROOT, SPLITS, load_reports, right, run_report, score  # noqa: E402


def _pct(x: float | None) -> str:
    return "   —  " if x is None else f"{x:6.3f}"


def report_split(name: str, outcomes, elapsed: float) -> None:
    s = score(outcomes)
    print(f"== {name}: {s['reports']} reports, {s['figures']} labelled figures, {s['inconsistencies']} inconsistencies, "
          f"{s['clean_reports']} clean reports")
    print("extraction by role        labelled extracted precision recall")
    for role, r in s["by_role"].items():
        print(f"  {role:<22}{r['labelled']:>9}{r['extracted']:>10} {_pct(r['precision'])}  {_pct(r['recall'])}")
    print(f"labelled figures with the right role: {_pct(s['role_right'])}; "
          f"right subject, role and value: {_pct(s['subject_and_role_right'])}")
    print(f"findings       precision {_pct(s['findings_precision'])}  recall {_pct(s['findings_recall'])}  "
          f"({s['findings']} warnings/errors; {s['found_inconsistencies']} of {s['inconsistencies']} inconsistencies "
          f"found; {s['form_only_inconsistencies']} of the {s['inconsistencies']} lies inside the form only)")
    print(f"clean reports with a warning or error: {s['clean_reports_alarmed']} of {s['clean_reports']}")
    if s["unread"]:
        print(f"reports the tool could not read (all their figures missed): {', '.join(s['unread'])}")
    print(f"time: {elapsed:.2f}s")


def details(outcome) -> None:
    wrong = [f for f in outcome.figures if not right(f)]
    if not (wrong or outcome.extra_claims or outcome.findings or outcome.report.data.get("inconsistencies")):
        return
    print(f"\n-- {outcome.report.split}/{outcome.report.id}" + (f" NOT READ: {outcome.failure}" if outcome.failure else ""))
    for f in wrong:
        c = f["claim"]
        got = "not extracted" if c is None else f"{c.subject}/{c.role} {c.value}"
        print(f"   ¶{f['para']} {f['text']!r}: labelled {f['subject']}/{f.get('role')} {f.get('value')}, got {got}")
    for c in outcome.extra_claims:
        print(f"   extra: {c.ref} {c.text!r} {c.subject}/{c.role}")
    for f in outcome.findings:
        mark = "true " if f in outcome.true_findings else "FALSE"
        print(f"   {mark} {f.rule} {f.location}: {f.message}")
    for inc in outcome.report.data.get("inconsistencies", []):
        if inc not in outcome.found_inconsistencies:
            print(f"   missed {inc['check']} ¶{inc['paras']}: {inc['arithmetic']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--split", choices=SPLITS, action="append")
    args = parser.parse_args()
    splits = args.split or list(SPLITS)
    found = False
    for split in splits:
        reports = load_reports(args.root, (split,))
        if not reports:
            print(f"== {split}: no reports under {args.root / split}")
            continue
        found = True
        started = time.perf_counter()
        outcomes = [run_report(r) for r in reports]
        report_split(split, outcomes, time.perf_counter() - started)
        if args.verbose:
            for o in outcomes:
                details(o)
        print()
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main())
