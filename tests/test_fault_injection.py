"""Every fault kind of benchmarks/fault_injection.py, planted once in a
synthetic workbook, is reported at its anchor cell; clean workbooks holding
each real-form phrasing (date cells, deadlines met in words, 30家以上, 约20家,
小计 rows, a blank 等次 …) raise no warning or error. The benchmark measures
the same over many projects and layouts."""

import copy
import random

import pytest

from benchmarks import fault_injection as fi
from tests.support.synth.variants import random_spec


@pytest.mark.parametrize("name", sorted(fi.FAULTS))
def test_fault_is_found_at_its_anchor(tmp_path, name):
    fault = fi.FAULTS[name]
    for attempt in range(20):  # find a project (and layout) the fault applies to
        rng = random.Random(f"test:{name}:{attempt}")
        spec = copy.deepcopy(random_spec(rng))
        anchor = fault(spec, rng)
        if anchor is None:
            continue
        expected, result = fi._evaluate(spec, fi._clean_layout(spec, rng, False), tmp_path, name)
        target = expected.get(anchor)
        if result.failure or target is None or target.cell is None:
            continue
        hits = [f for f in fi._alarms(result.findings) if (f.sheet, f.cell) == (target.sheet, target.cell)]
        assert hits, [f"{f.rule} {f.location}" for f in result.findings]
        return
    pytest.fail(f"{name} never applied")


CLEAN_FILES = 40  # about 2 s; enough for every phrasing to occur (asserted below)


def test_clean_workbooks_with_real_form_phrasings_raise_nothing(tmp_path):
    seen = set()
    alarms = []
    for k in range(CLEAN_FILES):
        spec, layout = fi.clean_case(0, k)
        seen.update(name for name, present in fi.PHRASINGS.items() if present(spec, layout))
        _, result = fi._evaluate(spec, layout, tmp_path, f"clean_{k}")
        assert result.failure is None, result.failure
        alarms += [f"clean {k}: {f.rule} {f.location} {f.message}" for f in fi._alarms(result.findings)]
    assert alarms == []
    assert seen == set(fi.PHRASINGS), f"never generated: {set(fi.PHRASINGS) - seen}"
