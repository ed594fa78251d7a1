"""How many layout variants does the reader parse fully?

    python benchmarks/layout_variants.py [-n 2000] [--seed 0] [--show 5]

Writes N seeded random (spec, layout) pairs with ``tests.support.synth``, reads
each with ``read_workbook`` and compares every model value and its cell.
Prints the count parsed fully, then failure counts per layout option value
(with how often that value was drawn) and per model field, and the first few
failing pairs in full.

Measured on 2026-11-25 (reader of main at that date, 39 layout options):
2000/2000 parsed fully, 349,842 values and cells checked, 0 failures.
Measured on 2026-12-04 (42 options: 小计 rows, closing rows, date cell formats;
deadlines, date cells, qualified figures, blank 等次 in the specs): 2000/2000
parsed fully, 407,742 values and cells checked, 0 failures.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from perfeval_xl.read.workbook import read_workbook  # noqa: E402
from tests.support.synth.measure import run_variant  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="number of (spec, layout) pairs")
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--show", type=int, default=5, help="failing pairs to print in full")
    parser.add_argument("--top", type=int, default=25, help="option values to list")
    args = parser.parse_args()

    drawn: Counter = Counter()
    failed_with: Counter = Counter()
    failed_fields: Counter = Counter()
    failing = []
    paths = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seed, args.seed + args.n):
            outcome = run_variant(seed, Path(tmp), read_workbook)
            paths += outcome.paths_checked
            options = [f"{k}={v!r}" for k, v in outcome.layout.items()]
            drawn.update(options)
            if outcome.parsed_fully:
                continue
            failing.append(outcome)
            failed_with.update(options)
            if outcome.failure:
                failed_fields["<read failure>"] += 1
            failed_fields.update({re.sub(r"\[\d+\]", "[i]", m.path) for m in outcome.mismatches})
    elapsed = time.perf_counter() - started

    ok = args.n - len(failing)
    print(f"parsed fully: {ok}/{args.n} ({ok / args.n:.1%}); {paths} values+cells checked; "
          f"{elapsed:.1f} s ({elapsed / args.n * 1000:.0f} ms per workbook)")
    if failing:
        # An option value that causes failures fails well above the overall
        # rate; options drawn alongside it by chance stay near that rate.
        overall = len(failing) / args.n
        print(f"\nfailures per layout option value (failed / drawn), overall rate {overall:.1%}, "
              f"worst first (top {args.top}):")
        ranked = sorted(failed_with.items(), key=lambda kv: (-kv[1] / drawn[kv[0]], -kv[1]))
        for option, count in ranked[: args.top]:
            print(f"  {count:5d} / {drawn[option]:5d}  {count / drawn[option]:6.1%}  {option}")
        print("\nfailures per model field (workbooks):")
        for field, count in failed_fields.most_common():
            print(f"  {count:5d}  {field}")
        print(f"\nfirst {min(args.show, len(failing))} failing pairs:")
        for outcome in failing[: args.show]:
            print(outcome.explain())
    return 0 if not failing else 1


if __name__ == "__main__":
    sys.exit(main())
