"""Narrative claims benchmark: extraction and contradiction precision/recall
on the labelled corpus (tests/fixtures/narrative/corpus.toml) and on the
held-out cases (holdout.toml, written after tuning and not tuned on).

    /work/venv/bin/python benchmarks/narrative.py [-v]

-v lists every case where the extractor or the rules differ from the labels.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.narrative_corpus import CORPUS, HOLDOUT, load_cases, run_case, score  # noqa: E402


def main(verbose: bool) -> None:
    for path in (CORPUS, HOLDOUT):
        report(path, verbose)
        print()


def report(path: Path, verbose: bool) -> None:
    started = time.perf_counter()
    results = [run_case(case) for case in load_cases(path)]
    elapsed = time.perf_counter() - started
    s = score(results)
    print(f"{path.name}: {s['cases']} cases, {s['claims_labelled']} labelled claims, "
          f"{s['contradictions_planted']} planted contradictions, {s['clean_cases']} consistent reports")
    print(f"extraction     precision {s['extraction_precision']:.3f}  recall {s['extraction_recall']:.3f}")
    print(f"contradictions precision {s['contradiction_precision']:.3f}  recall {s['contradiction_recall']:.3f}")
    print(f"consistent reports with a warning or error: {s['clean_cases_with_alarm']} of {s['clean_cases']}")
    print(f"time: {elapsed:.2f}s ({elapsed / max(len(results), 1) * 1000:.1f} ms per case)")
    if not verbose:
        return
    for r in results:
        diffs = {
            "claims missed": r.claims_expected - r.claims_found,
            "claims extra": r.claims_found - r.claims_expected,
            "contradictions missed": r.contradictions_expected - r.contradictions_found,
            "contradictions extra": r.contradictions_found - r.contradictions_expected,
        }
        if any(diffs.values()):
            print(f"\n== {r.name}")
            for what, diff in diffs.items():
                if diff:
                    print(f"   {what}: {sorted(diff.elements())}")
            for m in r.messages:
                print(f"   {m}")


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
