"""Measure issue 5's "done when": clean projects re-score to their own 总分.

Writes N random consistent projects (tests.support.synth) in random layouts,
reads them back through the real reader, runs the full pipeline and reports:

- how many clean projects have 核定总分 == self-reported 总分 exactly;
- every XC5xx warning/error raised on them (false alarms; info is listed apart);
- the seed form: its 核定总分 and the XC5xx findings.

Usage: python benchmarks/rescore_clean.py [N] [SEED]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from perfeval_xl.findings import Severity  # noqa: E402
from perfeval_xl.pipeline import evaluate_file  # noqa: E402
from tests.support.synth import write_project  # noqa: E402
from tests.support.synth.variants import random_layout, random_spec  # noqa: E402
from tests.seedform import write_seed_form  # noqa: E402


def main(n: int = 200, seed: int = 5) -> int:
    rng = random.Random(seed)
    equal = equal_spec = failed = inferred = inferred_right = 0
    alarms: Counter[str] = Counter()
    infos: Counter[str] = Counter()
    examples: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n):
            spec, layout = random_spec(rng), random_layout(rng)
            path = Path(tmp) / f"p{i}.xlsx"
            write_project(spec, layout, path)
            result = evaluate_file(path, path.name)
            if not result.ok or result.scoring is None:
                failed += 1
                continue
            own = result.project.total_score.value
            computed = result.scoring.computed_total
            equal_spec += computed == spec.total_score
            if own is not None and computed == own:
                equal += 1
            elif len(examples) < 5:
                formula = "（总分单元格为公式）" if layout.formulas else ""
                examples.append(f"{path.name}: 表中总分 {own}{formula}，生成时的总分 {spec.total_score}，核定 {computed}")
            if result.scoring.scheme_source == "推断":
                inferred += 1
                expected = "单位自评" if spec.method == "单位自评" else "部门评价"
                inferred_right += result.scoring.scheme.name == expected
            for f in result.findings:
                if f.rule.startswith("XC5"):
                    (infos if f.severity is Severity.INFO else alarms)[f.rule] += 1
                    if f.severity is not Severity.INFO and len(examples) < 10:
                        examples.append(f"{path.name} {f.rule} {f.location}: {f.message}")
        seed_result = evaluate_file(write_seed_form(Path(tmp) / "seed.xlsx"), "seed.xlsx")
    elapsed = time.perf_counter() - started
    read = n - failed
    print(f"clean projects: {n}, read: {read}, 核定总分 == 表中总分: {equal}/{read}, == 生成时的总分: {equal_spec}/{read}")
    print(f"scheme inferred (评价方式 not in the layout): {inferred}, inferred correctly: {inferred_right}")
    print(f"XC5xx warnings/errors on clean projects: {sum(alarms.values())} {dict(alarms)}")
    print(f"XC5xx info on clean projects: {dict(infos)}")
    for line in examples:
        print("  ", line)
    s = seed_result.scoring
    print(f"seed: 总分 {seed_result.project.total_score.value}, 核定 {s.computed_total} {s.computed_grade} ({s.scheme.name}, {s.scheme_source})")
    for f in seed_result.findings:
        if f.rule.startswith("XC5"):
            print(f"   {f.rule} {f.severity.value} {f.location}: {f.message}")
    print(f"time: {elapsed:.1f}s")
    return 0 if equal_spec == read and inferred_right == inferred and not alarms else 1


if __name__ == "__main__":
    sys.exit(main(*(int(a) for a in sys.argv[1:3])))
