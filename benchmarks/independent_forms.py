"""Precision and recall on forms written independently of tests.support.synth (issue 19).

Usage::

    python benchmarks/independent_forms.py [--no-libreoffice] [--list] [--family PREFIX]

Builds every form of ``tests/independent_forms`` (hand-written layouts of real
published 自评表 / 部门评价表, and XML files written the way Excel, WPS and other
programs save them), runs ``pipeline.evaluate_file`` on each, and prints, for the
originals and for the copies LibreOffice re-saved:

- clean forms alarmed: clean forms with any warning or error (n/N and which);
- false alarms per rule: warnings and errors on clean forms, plus those on
  faulted forms away from every planted fault;
- planted faults found: a warning or error on the fault's anchor cell (recall).

``--list`` prints every false alarm and missed fault (form, cell, rule, message),
grouped by rule: the work list. ``--family round2`` measures only the families whose
name starts with the prefix (the second, unseen set); without it the whole corpus is
measured and a per-family line is printed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout, not installed

from perfeval_xl.findings import Severity  # noqa: E402
from perfeval_xl.pipeline import evaluate_file  # noqa: E402
from tests.independent_forms import FORMS  # noqa: E402
from tests.independent_forms.corpus import build  # noqa: E402

ALARMS = (Severity.ERROR, Severity.WARNING)


def measure(paths: dict[str, Path]) -> dict:
    alarmed, false_alarms, found, missed, unread = [], [], [], [], []
    for form in FORMS:
        path = paths.get(form.name)
        if path is None:
            continue
        result = evaluate_file(path, form.filename)
        if result.failure:
            unread.append((form.name, result.failure))
            missed.extend((form.name, fault) for fault in form.faults)
            if form.clean:
                alarmed.append(form.name)
            continue
        raised = [f for f in result.findings if f.severity in ALARMS]
        stray = [f for f in raised if not any(fault.covers(f.sheet, f.cell) for fault in form.faults)]
        false_alarms.extend((form.name, f) for f in stray)
        if form.clean and raised:
            alarmed.append(form.name)
        for fault in form.faults:
            hit = any((f.sheet, f.cell) == (fault.sheet, fault.cell) for f in raised)
            (found if hit else missed).append((form.name, fault))
    clean = sum(1 for f in FORMS if f.clean and f.name in paths)
    return {"clean": clean, "forms": sum(1 for f in FORMS if f.name in paths), "alarmed": alarmed,
            "false_alarms": false_alarms, "found": found, "missed": missed, "unread": unread,
            "families": sorted({f.family for f in FORMS if f.name in paths})}


def family_lines(m: dict) -> list[str]:
    """One line per family: clean forms alarmed and planted faults found."""
    family_of = {f.name: f.family for f in FORMS}
    lines = []
    for family in m["families"]:
        members = [f for f in FORMS if f.family == family]
        clean = sum(1 for f in members if f.clean)
        alarmed = sum(1 for name in m["alarmed"] if family_of[name] == family)
        found = sum(1 for name, _ in m["found"] if family_of[name] == family)
        faults = found + sum(1 for name, _ in m["missed"] if family_of[name] == family)
        lines.append(f"  {family:18} clean alarmed {alarmed}/{clean}, faults found {found}/{faults}")
    return lines


def report(title: str, m: dict, listing: bool) -> None:
    faults = len(m["found"]) + len(m["missed"])
    print(f"\n== {title}")
    print(f"forms: {m['forms']} ({m['clean']} clean, {m['forms'] - m['clean']} with {faults} planted faults)")
    print(f"clean forms alarmed: {len(m['alarmed'])}/{m['clean']}")
    if m["alarmed"]:
        print("  " + ", ".join(m["alarmed"]))
    per_rule = Counter(f.rule for _, f in m["false_alarms"])
    forms_per_rule = defaultdict(set)
    for name, f in m["false_alarms"]:
        forms_per_rule[f.rule].add(name)
    print(f"false alarms: {len(m['false_alarms'])} on {len({n for n, _ in m['false_alarms']})} forms")
    for rule, n in per_rule.most_common():
        print(f"  {rule:8} {n:3}  on {len(forms_per_rule[rule])} forms")
    recall = len(m["found"]) / faults if faults else 1.0
    print(f"planted faults found: {len(m['found'])}/{faults} ({recall:.0%})")
    if len(m["families"]) > 1:
        print("per family:")
        print("\n".join(family_lines(m)))
    for name, failure in m["unread"]:
        print(f"  not read: {name}: {failure}")
    if not listing:
        return
    print("\n-- missed faults")
    for name, fault in m["missed"]:
        print(f"  {name} {fault.sheet}!{fault.cell}: {fault.note}")
    print("\n-- false alarms by rule")
    grouped = defaultdict(list)
    for name, f in m["false_alarms"]:
        grouped[f.rule].append((name, f))
    for rule in sorted(grouped, key=lambda r: -len(grouped[r])):
        print(f"[{rule}] {len(grouped[rule])}")
        for name, f in grouped[rule]:
            print(f"  {name} {f.location or '(no cell)'} {f.severity.value}: {f.message}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-libreoffice", action="store_true", help="skip the LibreOffice re-saved set")
    parser.add_argument("--list", action="store_true", help="list every false alarm and missed fault")
    parser.add_argument("--family", default="", metavar="PREFIX",
                        help="only the families whose name starts with PREFIX (e.g. round2)")
    args = parser.parse_args()
    if not any(f.family.startswith(args.family) for f in FORMS):
        parser.error(f"no family starts with {args.family!r}")
    with tempfile.TemporaryDirectory(prefix="independent_forms_") as tmp:
        corpus = build(Path(tmp), libreoffice=not args.no_libreoffice, family=args.family)
        report("originals", measure(corpus.forms), args.list)
        if corpus.resaved:
            report("re-saved by LibreOffice", measure(corpus.resaved), args.list)
        else:
            print(f"\n== re-saved by LibreOffice: skipped ({corpus.resave_error})")


if __name__ == "__main__":
    main()
